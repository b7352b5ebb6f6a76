// `make bench`: deploys the three contracts (and the benchmark probe) from their built bundles on
// a dev node and dry-runs every state-changing message with @polkadot/api-contract, the client
// wallets and dApps use. Prints markdown tables (ref_time, proof_size, storage deposit, Wasm size,
// scaling rows, batch slope) and writes them to docs/benchmarks.md.
//
// Environment: NODE_URL (ws://…), ART (artifacts dir), PROBE (probe .contract), OUT (markdown
// file), VERSIONS (one line naming node / tools).
import fs from 'node:fs';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { CodePromise, ContractPromise } from '@polkadot/api-contract';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';

/**
 * The integer constants of a Rust source file (`pub const NAME: T = 5 * 1_024;`), so that the
 * caps and block budgets have one home: contracts/multiasset/src/limits.rs.
 */
function rustConsts(path) {
  const found = {};
  for (const [, name, expr] of fs.readFileSync(path, 'utf8').matchAll(/pub const (\w+): \w+ = ([0-9_ *]+);/g)) {
    found[name] = expr.split('*').reduce((product, factor) => product * Number(factor.trim().replaceAll('_', '')), 1);
  }
  return found;
}
const LIMITS = rustConsts(new URL('../contracts/multiasset/src/limits.rs', import.meta.url));
const {
  BLOCK_REF_TIME: REF_LIMIT, BLOCK_PROOF_SIZE: PROOF_LIMIT, MAX_BATCH_TOKENS, MAX_BATCH_HELD, MAX_FOLLOW_TOKENS,
  MAX_TOKENS_PER_QUERY,
} = LIMITS;
for (const [name, value] of Object.entries({ REF_LIMIT, PROOF_LIMIT, MAX_BATCH_TOKENS, MAX_BATCH_HELD, MAX_FOLLOW_TOKENS, MAX_TOKENS_PER_QUERY })) {
  if (!Number.isSafeInteger(value)) throw new Error(`limits.rs: no integer for ${name}`);
}

const { NODE_URL, ART, PROBE, OUT, VERSIONS } = process.env;
const api = await ApiPromise.create({ provider: new WsProvider(NODE_URL), noInitWarn: true });
await cryptoWaitReady();
const keyring = new Keyring({ type: 'sr25519' });
const [alice, bob, charlie] = ['//Alice', '//Bob', '//Charlie'].map((s) => keyring.addFromUri(s));
const maxGas = api.registry.createType('WeightV2', api.consts.system.blockWeights.maxBlock);
// Without an explicit limit the node falls back to its DefaultDepositLimit, which large batches
// exceed; 10^17 plancks is far above any deposit measured here and below a dev account's balance.
const depositLimit = 10n ** 17n;

const bundle = (path) => JSON.parse(fs.readFileSync(path, 'utf8'));
const num = (x) => BigInt(x.toString());

/** Waits until `tx` is in a block; throws on a dispatch error. */
function inBlock(tx, signer) {
  return new Promise((resolve, reject) => {
    tx.signAndSend(signer, (result) => {
      if (result.dispatchError) {
        reject(new Error(`dispatch error: ${result.dispatchError.toString()}`));
      } else if (result.status.isInBlock || result.status.isFinalized) {
        resolve(result);
      }
    }).catch(reject);
  });
}

function deposit(sd) {
  const d = sd.toJSON();
  if (d.charge !== undefined) return BigInt(d.charge);
  if (d.refund !== undefined) return -BigInt(d.refund);
  return 0n;
}

async function deploy(path, args, signer = alice) {
  const json = bundle(path);
  const code = new CodePromise(api, json, json.source.wasm);
  const ctor = code.abi.constructors.find((c) => c.identifier === 'new');
  const salt = '0x' + Buffer.from(new Uint8Array(32).map(() => Math.floor(Math.random() * 256))).toString('hex');
  const dry = await api.call.contractsApi.instantiate(
    signer.address, 0, maxGas, null, { Upload: json.source.wasm }, ctor.toU8a(args), salt);
  const tx = code.tx[ctor.method]({ gasLimit: dry.gasRequired, storageDepositLimit: null, salt }, ...args);
  const result = await inBlock(tx, signer);
  const contract = result.contract;
  if (!contract) throw new Error(`instantiating ${path} failed`);
  return {
    contract: new ContractPromise(api, json, contract.address),
    cost: { ref: num(dry.gasRequired.refTime), proof: num(dry.gasRequired.proofSize), deposit: deposit(dry.storageDeposit) },
  };
}

function method(contract, identifier) {
  const m = contract.abi.messages.find((x) => x.identifier === identifier);
  if (!m) throw new Error(`no message ${identifier}`);
  return m.method;
}

/** Dry-runs `identifier` as `signer`; returns its cost and decoded output. */
async function dry(contract, signer, identifier, ...args) {
  const r = await contract.query[method(contract, identifier)](
    signer.address, { gasLimit: maxGas, storageDepositLimit: depositLimit }, ...args);
  if (r.result.isErr) throw new Error(`${identifier}: ${r.result.asErr.toString()}`);
  const flags = r.result.asOk.flags;
  const output = r.output ? r.output.toJSON() : null;
  if (flags.isRevert || (output && output.ok && output.ok.err !== undefined)) {
    throw new Error(`${identifier}(${JSON.stringify(args)}) refused: ${JSON.stringify(output)}`);
  }
  return { ref: num(r.gasRequired.refTime), proof: num(r.gasRequired.proofSize), deposit: deposit(r.storageDeposit), output };
}

/** Dry-runs, then submits `identifier`. */
async function send(contract, signer, identifier, ...args) {
  const cost = await dry(contract, signer, identifier, ...args);
  const tx = contract.tx[method(contract, identifier)](
    { gasLimit: api.registry.createType('WeightV2', { refTime: cost.ref * 11n / 10n, proofSize: cost.proof * 11n / 10n }), storageDepositLimit: depositLimit }, ...args);
  await inBlock(tx, signer);
  return cost;
}

const rows = [];
const record = (group, message, cost, note = '') => rows.push({ group, message, note, ...cost });

// ---- deploy -------------------------------------------------------------------------------
const collectionD = await deploy(`${ART}/collection.contract`, ['Mirrors', 'MIR', 'https://example.org/', null]);
const collection = collectionD.contract;
const registryD = await deploy(`${ART}/proposer_registry.contract`, []);
const registry = registryD.contract;
const assetsD = await deploy(`${ART}/multiasset.contract`, [collection.address, registry.address]);
const assets = assetsD.contract;
const probeD = await deploy(PROBE, []);
const probe = probeD.contract;
record('deploy', 'collection::new', collectionD.cost, 'upload + instantiate');
record('deploy', 'proposer_registry::new', registryD.cost, 'upload + instantiate');
record('deploy', 'multiasset::new', assetsD.cost, 'upload + instantiate; calls collection + registry');
// The issuer links the multi-asset contract before the first mint, as a deployer does: from now
// on every grant change and issuer change is announced through it.
record('collection', 'set_multiasset', await send(collection, alice, 'set_multiasset', assets.address), 'once, before the first mint; calls multiasset announce_followers_changed()');

// ---- floor: probe ---------------------------------------------------------------------------
await send(collection, alice, 'mint', bob.address, { U32: 0 });
const per = (a, b, k) => ({ ref: (b.ref - a.ref) / BigInt(k), proof: (b.proof - a.proof) / BigInt(k), deposit: (b.deposit - a.deposit) / BigInt(k) });
const calls0 = await dry(probe, alice, 'owner_of_calls', collection.address, 0);
const calls20 = await dry(probe, alice, 'owner_of_calls', collection.address, 20);
const callFloor = per(calls0, calls20, 20);
const writes0 = await dry(probe, alice, 'write_fresh', 0);
const writes100 = await dry(probe, alice, 'write_fresh', 100);
const writeFloor = per(writes0, writes100, 100);
const reads0 = await dry(probe, alice, 'read_missing', 0);
const reads100 = await dry(probe, alice, 'read_missing', 100);
const events0 = await dry(probe, alice, 'emit_events', 0);
const events100 = await dry(probe, alice, 'emit_events', 100);
record('floor', 'one cross-contract PSP34::owner_of call', callFloor, 'probe: (20 calls − 0 calls) / 20');
record('floor', 'one read of a missing storage key', per(reads0, reads100, 100), 'probe: (100 reads − 0 reads) / 100');
record('floor', 'one event with one topic', per(events0, events100, 100), 'probe: (100 events − 0 events) / 100');
record('floor', 'one write of a fresh storage key', writeFloor, 'probe: (100 writes − 0 writes) / 100');

// ---- collection ---------------------------------------------------------------------------
record('collection', 'mint', await send(collection, alice, 'mint', bob.address, { U32: 1 }));
record('collection', 'PSP34::approve', await send(collection, bob, 'PSP34::approve', charlie.address, { U32: 1 }, true));
record('collection', 'approve_for_assets', await send(collection, bob, 'approve_for_assets', charlie.address, { U32: 1 }, true));
record('collection', 'set_approval_for_all_for_assets', await dry(collection, bob, 'set_approval_for_all_for_assets', charlie.address, true), 'dry-run only');
record('collection', 'PSP34::transfer', await send(collection, bob, 'PSP34::transfer', charlie.address, { U32: 0 }, []));
await send(collection, alice, 'mint', alice.address, { U32: 2 });
record('collection', 'burn', await dry(collection, alice, 'burn', { U32: 2 }), 'dry-run only');
record('collection', 'Ownable::transfer_ownership', await dry(collection, alice, 'Ownable::transfer_ownership', bob.address), 'calls multiasset announce_followers_changed(); dry-run');

// ---- registry -----------------------------------------------------------------------------
const told = 'calls collection owner(), multiasset(), then multiasset announce_followers_changed()';
record('registry', 'grant_proposer (new grant)', await send(registry, alice, 'grant_proposer', collection.address, charlie.address, null), told);
record('registry', 'grant_proposer (re-grant, new expiry)', await dry(registry, alice, 'grant_proposer', collection.address, charlie.address, Date.now() + 3_600_000), 'dry-run only');
record('registry', 'revoke_proposer', await dry(registry, alice, 'revoke_proposer', collection.address, charlie.address), `${told}; dry-run`);
record('registry', 'revoke_all_proposers', await dry(registry, alice, 'revoke_all_proposers', collection.address), 'O(1) whatever the number of grants; dry-run');
record('registry', 'renounce', await dry(registry, charlie, 'renounce', collection.address), 'dry-run only');
record('registry', 'ProposerRegistry::live_proposers (1 account)', await dry(registry, alice, 'ProposerRegistry::live_proposers', collection.address, alice.address, [charlie.address]), 'what the multi-asset contract asks, once a message');
record('registry', 'ProposerRegistry::is_proposer', await dry(registry, alice, 'ProposerRegistry::is_proposer', collection.address, charlie.address), 'calls collection owner()');

// ---- multiasset: catalog ------------------------------------------------------------------
const hash = '0x' + 'ab'.repeat(32);
const entry = (i) => [`ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi/${i}.json`, hash];
record('multiasset', 'add_asset_entry', await dry(assets, alice, 'add_asset_entry', ...entry(0)), 'dry-run only');
const mirrors = [0, 1, 2, 3].map(entry);
record('multiasset', 'add_asset_entries (4 mirrors)', await dry(assets, alice, 'add_asset_entries', mirrors), 'dry-run only');
for (let batch = 0; batch < 10; batch++) {
  await send(assets, alice, 'add_asset_entries', Array.from({ length: 16 }, (_, i) => entry(batch * 16 + i)));
}
// 160 catalog entries now, ids 1..=160.

// ---- multiasset: single messages on a small token -----------------------------------------
const T = { U32: 1 }; // owned by bob? token 1 was minted to bob
record('multiasset', 'propose_asset (issuer, left pending)', await send(assets, alice, 'propose_asset', T, 1, null), 'calls token_authority()');
record('multiasset', 'propose_asset (registered proposer)', await send(assets, charlie, 'propose_asset', T, 2, null), '+ registry live_proposers()');
record('multiasset', 'accept_asset', await send(assets, bob, 'accept_asset', T, 1), 'calls token_authority(): owner, and whether the issuer\'s proposal is still allowed');
record('multiasset', 'accept_asset (proposed by a registered proposer)', await dry(assets, bob, 'accept_asset', T, 2), '+ registry live_proposers(): the revocation check; dry-run');
await send(assets, alice, 'propose_asset', T, 3, null);
record('multiasset', 'accept_asset (by asset operator)', await dry(assets, charlie, 'accept_asset', T, 3), 'the same one token_authority() call; dry-run');
record('multiasset', 'reject_asset', await send(assets, bob, 'reject_asset', T, 3));
await send(assets, alice, 'propose_asset', T, 4, 1);
record('multiasset', 'accept_asset (replacement)', await send(assets, bob, 'accept_asset', T, 4), 'takes the old slot and priority');
await send(assets, alice, 'propose_asset', T, 5, null);
await send(assets, bob, 'accept_asset', T, 5);
record('multiasset', 'set_priority (2 active)', await send(assets, bob, 'set_priority', T, [1, 0]));
for (const id of [6, 7, 8]) await send(assets, alice, 'propose_asset', T, id, null);
record('multiasset', 'reject_all_assets (4 pending)', await dry(assets, bob, 'reject_all_assets', T, 4), 'dry-run only');
await send(collection, alice, 'mint', alice.address, { U32: 4 });
await send(assets, alice, 'propose_asset', { U32: 4 }, 1, null);
await send(collection, alice, 'burn', { U32: 4 });
record('multiasset', 'clear_burnt_token (1 active asset)', await dry(assets, charlie, 'clear_burnt_token', { U32: 4 }), 'calls token_authority(); refunds the cell; dry-run');
await send(collection, alice, 'mint', alice.address, { U32: 3 });
record('multiasset', 'propose_asset (by the token owner: accepted at once)', await dry(assets, alice, 'propose_asset', { U32: 3 }, 1, null), 'dry-run only');

// ---- scaling: pending ---------------------------------------------------------------------
const scaling = [];
for (const k of [1, 16, 64, 127]) {
  const token = { U32: 1000 + k };
  await send(collection, alice, 'mint', bob.address, token);
  for (let id = 1; id <= k; id++) await send(assets, charlie, 'propose_asset', token, id, null);
  scaling.push({
    state: `${k} pending, 0 active`,
    accept: await dry(assets, bob, 'accept_asset', token, 1),
    reject: await dry(assets, bob, 'reject_asset', token, 1),
    propose: await dry(assets, charlie, 'propose_asset', token, 150, null),
  });
}
// ---- scaling: active (token owned by the issuer: her proposals are accepted at once) --------
for (const k of [1, 16, 64]) {
  const token = { U32: 2000 + k };
  await send(collection, alice, 'mint', alice.address, token);
  for (let id = 1; id <= k; id++) await send(assets, alice, 'propose_asset', token, id, null);
  // A replacement, so that accept also works at the active cap (64).
  await send(assets, charlie, 'propose_asset', token, 100, 1);
  scaling.push({
    state: `1 pending, ${k} active (accept replaces)`,
    accept: await dry(assets, alice, 'accept_asset', token, 100),
    reject: await dry(assets, alice, 'reject_asset', token, 100),
    propose: await dry(assets, charlie, 'propose_asset', token, 150, null),
  });
}

// ---- batch --------------------------------------------------------------------------------
const batch = [];
for (const n of [1, 10, 50, 100, 200, MAX_BATCH_TOKENS]) {
  const tokens = Array.from({ length: n }, (_, i) => ({ U32: 10_000 + i }));
  batch.push({ n, ...(await dry(assets, charlie, 'propose_asset_to_many', tokens, 9, null)) });
}
const first = batch[0];
const last = batch[batch.length - 1];
const slope = {
  ref: Number(last.ref - first.ref) / (last.n - first.n),
  proof: Number(last.proof - first.proof) / (last.n - first.n),
  deposit: Number(last.deposit - first.deposit) / (last.n - first.n),
};
const base = { ref: Number(first.ref) - slope.ref * first.n, proof: Number(first.proof) - slope.proof * first.n };
const fitsRef = Math.floor((REF_LIMIT - base.ref) / slope.ref);
const fitsProof = Math.floor((PROOF_LIMIT - base.proof) / slope.proof);

// ---- batch over tokens that already hold assets ---------------------------------------------
/** `n` tokens from `from`, each given pending assets 1..=held by batch proposals. */
async function heldTokens(from, n, held) {
  const tokens = Array.from({ length: n }, (_, i) => ({ U32: from + i }));
  for (let id = 1; id <= held; id++) await send(assets, charlie, 'propose_asset_to_many', tokens, id, null);
  return tokens;
}
const heavy = [];
for (const [from, n, held] of [[20_000, 200, 8], [30_000, Math.floor(MAX_BATCH_HELD / 127), 127]]) {
  const tokens = await heldTokens(from, n, held);
  heavy.push({ n, held, ...(await dry(assets, charlie, 'propose_asset_to_many', tokens, 150, null)) });
}

// ---- collection-wide proposals, on a suite of their own -------------------------------------
// Its collection starts with one token; the same messages are measured again once it has 1,000.
const wide = {};
const c2 = (await deploy(`${ART}/collection.contract`, ['Wide', 'WIDE', 'https://example.org/wide/', null])).contract;
const a2 = (await deploy(`${ART}/multiasset.contract`, [c2.address, registry.address])).contract;
await send(c2, alice, 'set_multiasset', a2.address);
await send(c2, alice, 'mint', bob.address, { U32: 1 });
await send(a2, alice, 'add_asset_entries', Array.from({ length: 16 }, (_, i) => [`https://cdn.example.org/meta${i}/{id}.json`, hash]));
// Two followers (dave's), token 1 (bob's) decides; entries 1..=4 are the collection's mirror set.
const dave = keyring.addFromUri('//Dave');
await send(c2, alice, 'mint', dave.address, { U32: 2 });
await send(c2, alice, 'mint', dave.address, { U32: 3 });
wide.propose4 = await send(a2, alice, 'propose_to_collection', [[1, null], [2, null], [3, null], [4, null]]);
wide.follow1 = await send(a2, dave, 'set_follows_collection', [{ U32: 2 }], true);
await send(a2, dave, 'set_follows_collection', [{ U32: 3 }], true);
wide.accept4 = await dry(a2, bob, 'accept_assets', { U32: 1 }, [1, 2, 3, 4]);
wide.acceptOneWide = await dry(a2, bob, 'accept_asset', { U32: 1 }, 1);
await send(a2, alice, 'propose_asset', { U32: 1 }, 16, null);
wide.acceptOneToken = await dry(a2, bob, 'accept_asset', { U32: 1 }, 16);
wide.reject4 = await dry(a2, bob, 'reject_assets', { U32: 1 }, [1, 2, 3, 4]);
await send(a2, bob, 'accept_assets', { U32: 1 }, [1, 2, 3, 4]);
const queriesOn = async (token) => ({
  active: await dry(a2, alice, 'active_assets', token),
  top: await dry(a2, alice, 'top_asset', token),
  page: await dry(a2, alice, 'token_assets', token, 0, 16),
});
const flat = { before: {}, after: {} };
flat.before.propose = await dry(a2, alice, 'propose_to_collection', [[5, 1]]);
flat.before.follower = await queriesOn({ U32: 2 });
flat.before.minted = 3;
// 1,000 tokens: mints in utility.batchAll extrinsics (the dev chain's block is 2 s of ref_time).
async function mintMany(contract, to, ids) {
  const mintCost = await dry(contract, alice, 'mint', to, { U32: ids[0] });
  const gasLimit = api.registry.createType('WeightV2', { refTime: mintCost.ref * 2n, proofSize: mintCost.proof * 2n });
  for (let i = 0; i < ids.length; i += 200) {
    const calls = ids.slice(i, i + 200).map((n) => contract.tx[method(contract, 'mint')]({ gasLimit, storageDepositLimit: depositLimit }, to, { U32: n }));
    await inBlock(api.tx.utility.batchAll(calls), alice);
  }
}
await mintMany(c2, dave.address, Array.from({ length: 1000 - 3 }, (_, i) => 4 + i));
flat.after.minted = Number((await dry(c2, alice, 'PSP34::total_supply')).output.ok);
flat.after.propose = await dry(a2, alice, 'propose_to_collection', [[5, 1]]);
flat.after.follower = await queriesOn({ U32: 2 });
// Follow and stop for the most tokens one call takes.
const many = Array.from({ length: MAX_FOLLOW_TOKENS }, (_, i) => ({ U32: 100 + i }));
wide.followMax = await send(a2, dave, 'set_follows_collection', many, true);
wide.unfollowMax = await dry(a2, dave, 'set_follows_collection', many, false);
wide.withdraw = await dry(a2, alice, 'withdraw_from_collection', [4]);
wide.withdraw4 = await dry(a2, alice, 'withdraw_from_collection', [1, 2, 3, 4]);
wide.topAssets = await dry(a2, alice, 'top_assets', Array.from({ length: MAX_TOKENS_PER_QUERY }, (_, i) => ({ U32: 100 + i })));
// What a wallet's read costs: a collection without a multi-asset contract, then c2 with the hop
// to its multi-asset contract.
const bare = (await deploy(`${ART}/collection.contract`, ['Bare', 'BARE', 'https://example.org/bare/', null])).contract;
await send(bare, alice, 'mint', dave.address, { U32: 2 });
wide.tokenUriBase = await dry(bare, alice, 'Psp34Traits::token_uri', 2);
wide.tokenUri = await dry(c2, alice, 'Psp34Traits::token_uri', 2);
wide.getAttributes = await dry(c2, alice, 'Psp34Traits::get_attributes', { U32: 2 }, ['metadata']);
record('multiasset', 'propose_to_collection (4 assets)', wide.propose4, 'one cell, whatever the number of tokens');
record('multiasset', 'withdraw_from_collection (1 asset)', wide.withdraw, 'dry-run only');
record('multiasset', 'withdraw_from_collection (4 assets)', wide.withdraw4, 'one call for a mirror set; dry-run');
record('multiasset', 'accept_asset (collection-wide proposal)', wide.acceptOneWide, '+ one read of the proposals\' cell; dry-run');
record('multiasset', 'accept_asset (token-level, same token)', wide.acceptOneToken, 'the comparison for the row above; dry-run');
record('multiasset', 'accept_assets (4 collection-wide)', wide.accept4, 'a mirror set in one call; dry-run');
record('multiasset', 'reject_assets (4 collection-wide)', wide.reject4, 'dry-run');
record('multiasset', 'set_follows_collection (1 token)', wide.follow1, 'one token_authorities() call');
record('multiasset', `set_follows_collection (${MAX_FOLLOW_TOKENS} tokens)`, wide.followMax, 'one token_authorities() call for all');
record('multiasset', `set_follows_collection (${MAX_FOLLOW_TOKENS} tokens, stop)`, wide.unfollowMax, 'dry-run');
record('queries', 'top_asset (a follower)', flat.after.follower.top, 'calls token_authority()');
record('queries', `top_assets (${MAX_TOKENS_PER_QUERY} followers)`, wide.topAssets, 'one token_authorities() call');
record('queries', 'Psp34Traits::token_uri (no multi-asset linked)', wide.tokenUriBase, 'base uri + id + .json');
record('queries', 'Psp34Traits::token_uri (linked: the top asset)', wide.tokenUri, 'collection → multiasset top_asset_uri(): the hop');
record('queries', 'Psp34Traits::get_attributes(id, ["metadata"])', wide.getAttributes, 'SubWallet\'s first path');

// What a transaction costs its signer on this chain (fee = weight + length: the dev runtime's
// IdentityFee), for the 10,000-token table.
async function fee(contract, signer, identifier, ...args) {
  const cost = await dry(contract, signer, identifier, ...args);
  const tx = contract.tx[method(contract, identifier)](
    { gasLimit: api.registry.createType('WeightV2', { refTime: cost.ref, proofSize: cost.proof }), storageDepositLimit: depositLimit }, ...args);
  const info = await tx.paymentInfo(signer);
  return BigInt(info.partialFee.toString());
}
const fees = {
  batch: await fee(assets, charlie, 'propose_asset_to_many', Array.from({ length: MAX_BATCH_TOKENS }, (_, i) => ({ U32: 40_000 + i })), 9, null),
  accept: await fee(a2, bob, 'accept_asset', { U32: 1 }, 16),
  wide: await fee(a2, alice, 'propose_to_collection', [[5, 1], [6, 2], [7, 3], [8, 4]]),
  acceptSet: await fee(a2, dave, 'accept_assets', { U32: 500 }, [1, 2, 3, 4]),
  follow: await fee(a2, dave, 'set_follows_collection', Array.from({ length: MAX_FOLLOW_TOKENS }, (_, i) => ({ U32: 300 + i })), true),
};

// ---- report -------------------------------------------------------------------------------
const fmt = (x) => Number(x).toExponential(2);
const kb = (x) => `${(Number(x) / 1024).toFixed(1)} KiB`;
const dep = (x) => (x === 0n ? '0' : `${(Number(x) / 1e12).toFixed(4)}`);
const times = (x, unit) => (Number(x) / Number(unit)).toFixed(2);
const lines = [];
const out = (s = '') => lines.push(s);
out(`Measured ${new Date().toISOString().slice(0, 10)} by \`make bench\` on ${VERSIONS}: dry-run weights`);
out('(`gas_required`) and storage deposits of each message, as a wallet sees them before signing.');
out('Deposit in units of 10^12 plancks (the dev chain\'s UNIT); negative = refund.');
out('"× call" is the ref_time / proof_size as multiples of one cross-contract `owner_of` call, the');
out('floor measured by the probe in the same run.');
out();
out('## Code size (optimized Wasm, `artifacts/`)');
out();
// The budgets `make test` holds (contracts/budgets.toml: `name = bytes` lines).
const budgets = Object.fromEntries(
  [...fs.readFileSync(new URL('../contracts/budgets.toml', import.meta.url), 'utf8')
    .matchAll(/^(\w+)\s*=\s*(\d+)\s*$/gm)].map(([, name, bytes]) => [name, Number(bytes)]));
out('| contract | Wasm bytes | budget (`contracts/budgets.toml`) | left |');
out('|---|---:|---:|---:|');
for (const name of ['collection', 'proposer_registry', 'multiasset']) {
  const size = fs.statSync(`${ART}/${name}.wasm`).size;
  out(`| ${name} | ${size} | ${budgets[name]} | ${budgets[name] - size} |`);
}
out();
out('## Messages');
out();
out('| group | message | ref_time | proof_size | deposit | × call (ref / proof) | note |');
out('|---|---|---:|---:|---:|---:|---|');
for (const r of rows) {
  out(`| ${r.group} | ${r.message} | ${fmt(r.ref)} | ${kb(r.proof)} | ${dep(r.deposit)} | ${times(r.ref, callFloor.ref)} / ${times(r.proof, callFloor.proof)} | ${r.note} |`);
}
out();
out('## What fits a block');
out();
out(`How many of one message fit a parachain block, alone: the block's proof size (${PROOF_LIMIT / 1048576} MiB) and`);
out(`ref_time (${REF_LIMIT / 1e12} s) divided by the message's; the smaller is the limit. Most of a decision's proof`);
out('is code: the multi-asset contract\'s and the collection\'s (and the registry\'s for a proposer\'s');
out('proposal), loaded for every call.');
out();
out('| message | per block by proof | per block by ref_time |');
out('|---|---:|---:|');
for (const r of rows.filter((r) => r.group === 'multiasset' && /^(accept_asset|reject_asset|propose_asset|set_priority)/.test(r.message))) {
  out(`| ${r.message} | ${Math.floor(Number(PROOF_LIMIT) / Number(r.proof))} | ${Math.floor(Number(REF_LIMIT) / Number(r.ref))} |`);
}
out();
out('## Per-token operations as the token fills up (must stay flat)');
out();
out('| token state | accept_asset ref / proof | reject_asset ref / proof | propose_asset ref / proof |');
out('|---|---:|---:|---:|');
for (const s of scaling) {
  out(`| ${s.state} | ${fmt(s.accept.ref)} / ${kb(s.accept.proof)} | ${fmt(s.reject.ref)} / ${kb(s.reject.proof)} | ${fmt(s.propose.ref)} / ${kb(s.propose.proof)} |`);
}
out();
out('## propose_asset_to_many (by a registered proposer)');
out();
out('| tokens | ref_time | proof_size | deposit | % of block ref_time | % of block proof |');
out('|---:|---:|---:|---:|---:|---:|');
for (const b of batch) {
  out(`| ${b.n} | ${fmt(b.ref)} | ${kb(b.proof)} | ${dep(b.deposit)} | ${(100 * Number(b.ref) / REF_LIMIT).toFixed(1)} | ${(100 * Number(b.proof) / PROOF_LIMIT).toFixed(1)} |`);
}
out();
out(`Per token: ref_time ${fmt(slope.ref)} (${(slope.ref / Number(callFloor.ref)).toFixed(2)} × call, ${(slope.ref / Number(writeFloor.ref)).toFixed(2)} × fresh write), ` +
  `proof ${(slope.proof / 1024).toFixed(2)} KiB, deposit ${(slope.deposit / 1e12).toFixed(4)}; fixed part ref_time ${fmt(base.ref)}, proof ${kb(base.proof)}.`);
out(`Largest batch within a block (ref_time ${REF_LIMIT / 1e12} s, proof ${PROOF_LIMIT / 1024 / 1024} MiB): ${Math.min(fitsRef, fitsProof)} tokens ` +
  `(ref_time allows ${fitsRef}, proof allows ${fitsProof}); the contract caps a call at ${MAX_BATCH_TOKENS}.`);

out();
out('Batches over tokens that already hold assets (each token\'s cell is read and rewritten whole,');
out(`so its bytes count; the tokens of one call may hold ${MAX_BATCH_HELD} assets in all):`);
out();
out('| tokens | pending assets each | held in all | ref_time | proof_size | % of block ref_time | % of block proof |');
out('|---:|---:|---:|---:|---:|---:|---:|');
for (const b of heavy) {
  out(`| ${b.n} | ${b.held} | ${b.n * b.held} | ${fmt(b.ref)} | ${kb(b.proof)} | ${(100 * Number(b.ref) / REF_LIMIT).toFixed(1)} | ${(100 * Number(b.proof) / PROOF_LIMIT).toFixed(1)} |`);
}

out();
out('## Collection-wide proposals');
out();
out(`Flat in the number of tokens: the same messages with ${flat.before.minted} and with ${flat.after.minted} tokens minted`);
out('(the follower\'s queries read its cell and the proposals\' cell, never other tokens).');
out();
out(`| message | ${flat.before.minted} tokens ref / proof | ${flat.after.minted} tokens ref / proof | change ref / proof |`);
out('|---|---:|---:|---:|');
const change = (a, b) => `${(100 * (Number(b) - Number(a)) / Number(a)).toFixed(2)} %`;
for (const [label, a, b] of [
  ['propose_to_collection (1 replacement)', flat.before.propose, flat.after.propose],
  ['active_assets of a follower', flat.before.follower.active, flat.after.follower.active],
  ['top_asset of a follower', flat.before.follower.top, flat.after.follower.top],
  ['token_assets of a follower', flat.before.follower.page, flat.after.follower.page],
]) {
  out(`| ${label} | ${fmt(a.ref)} / ${kb(a.proof)} | ${fmt(b.ref)} / ${kb(b.proof)} | ${change(a.ref, b.ref)} / ${change(a.proof, b.proof)} |`);
}
out();
const ratio = (a, b) => `${(Number(a.ref) / Number(b.ref)).toFixed(3)} / ${(Number(a.proof) / Number(b.proof)).toFixed(3)}`;
out('| comparison | ratio ref / proof |');
out('|---|---:|');
out(`| accept_assets of 4 ÷ accept_asset of 1 | ${ratio(wide.accept4, wide.acceptOneWide)} |`);
out(`| accept_asset of a collection-wide proposal ÷ of a token-level one | ${ratio(wide.acceptOneWide, wide.acceptOneToken)} |`);
out(`| token_uri with the hop ÷ without | ${ratio(wide.tokenUri, wide.tokenUriBase)} |`);
out();
const unit = (x) => `${(Number(x) / 1e12).toFixed(4)}`;
const TOKENS = 10_000;
const batches = Math.ceil(TOKENS / MAX_BATCH_TOKENS);
const followCalls = Math.ceil(TOKENS / MAX_FOLLOW_TOKENS);
out(`Replacing all four mirrors of a ${TOKENS.toLocaleString('en')}-token collection (fees as the dev chain charges them, in UNIT: `);
out('weight + length; one measured transaction of each kind, multiplied):');
out();
out('| way | issuer transactions | issuer fees | owner transactions | owner fees |');
out('|---|---:|---:|---:|---:|');
out(`| token-level: 4 × ${batches} batches of ${MAX_BATCH_TOKENS}, an accept per asset per token | ${4 * batches} | ${unit(fees.batch * BigInt(4 * batches))} | ${(4 * TOKENS).toLocaleString('en')} | ${unit(fees.accept * BigInt(4 * TOKENS))} |`);
out(`| collection-wide, each owner accepts the set (accept_assets) | 1 | ${unit(fees.wide)} | ${TOKENS.toLocaleString('en')} | ${unit(fees.acceptSet * BigInt(TOKENS))} |`);
out(`| collection-wide, tokens follow (${followCalls} set_follows_collection calls of ${MAX_FOLLOW_TOKENS}, once) | 1 | ${unit(fees.wide)} | 0 (${followCalls} once) | 0 (${unit(fees.follow * BigInt(followCalls))} once) |`);

if (process.env.SIZES) {
  out();
  out('## Where the bytes go');
  out();
  out('Each contract\'s linked Wasm before wasm-opt (names intact; the artifact is about half the size,');
  out('so read the shares): its sections, and its largest functions. `internal_call` is ink!\'s');
  out('dispatcher, into which the compiler inlines every message body.');
  for (const line of fs.readFileSync(process.env.SIZES, 'utf8').trimEnd().split('\n')) out(line);
}

// Only the measured part of OUT is rewritten, between its markers; the analysis around it is
// written by hand and names rows, not numbers.
const text = lines.join('\n') + '\n';
process.stdout.write(text);
if (OUT) {
  const [begin, end] = ['<!-- make bench: begin -->', '<!-- make bench: end -->'];
  const doc = fs.readFileSync(OUT, 'utf8');
  const [from, to] = [doc.indexOf(begin), doc.indexOf(end)];
  if (from < 0 || to < from) throw new Error(`${OUT} lacks the markers ${begin} / ${end}`);
  fs.writeFileSync(OUT, doc.slice(0, from + begin.length) + '\n' + text + doc.slice(to));
}
await api.disconnect();
