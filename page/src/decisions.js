// The owner's decisions: collected on the page, turned into the multi-asset contract's calls,
// dry-run (typed errors by name, weight and deposit per call), priced as one utility.batchAll,
// and sent with one signature. The result is read back from the chain by the caller.
import { errorName, idKey, idLabel } from './format.js';

/**
 * The calls `decisions` make, in the order they are sent: the tokens that stop following
 * (one `set_follows_collection` for all), then per token its priorities (they number the
 * active assets as they are before anything is accepted), its accepts and its rejects (one call
 * each when several: `accept_assets`, `reject_assets`), reject-all; then the tokens that start
 * following.
 * Each call: `{ message, args, label, tokens }`.
 */
export function plan(decisions) {
  const byToken = new Map();
  const follow = { true: [], false: [] };
  for (const d of decisions) {
    if (d.kind === 'follow') {
      follow[String(Boolean(d.follow))].push(d.tokenId);
      continue;
    }
    const key = idKey(d.tokenId);
    if (!byToken.has(key)) byToken.set(key, { id: d.tokenId, accept: [], reject: [], priorities: null, rejectAll: null });
    const entry = byToken.get(key);
    if (d.kind === 'accept') entry.accept.push(d.assetId);
    else if (d.kind === 'reject') entry.reject.push(d.assetId);
    else if (d.kind === 'priorities') entry.priorities = d.priorities;
    else if (d.kind === 'rejectAll') entry.rejectAll = d.count;
  }
  const calls = [];
  const following = (direction) => {
    const ids = follow[String(direction)];
    if (ids.length === 0) return;
    calls.push({
      message: 'setFollowsCollection',
      args: [ids, direction],
      label: `${direction ? 'follow' : 'stop following'} the collection: token${ids.length > 1 ? 's' : ''} ${ids.map(idLabel).join(', ')}`,
      tokens: ids,
    });
  };
  // A token that stops following may then accept token-level proposals: unfollow first.
  following(false);
  for (const { id, accept, reject, priorities, rejectAll } of byToken.values()) {
    const token = idLabel(id);
    if (priorities) {
      calls.push({ message: 'setPriority', args: [id, priorities.map(BigInt)], label: `token ${token}: set priorities`, tokens: [id] });
    }
    if (accept.length === 1) calls.push({ message: 'acceptAsset', args: [id, BigInt(accept[0])], label: `token ${token}: accept #${accept[0]}`, tokens: [id] });
    if (accept.length > 1) calls.push({ message: 'acceptAssets', args: [id, accept.map(BigInt)], label: `token ${token}: accept ${accept.map((a) => `#${a}`).join(', ')}`, tokens: [id] });
    if (reject.length === 1) calls.push({ message: 'rejectAsset', args: [id, BigInt(reject[0])], label: `token ${token}: reject #${reject[0]}`, tokens: [id] });
    if (reject.length > 1) calls.push({ message: 'rejectAssets', args: [id, reject.map(BigInt)], label: `token ${token}: reject ${reject.map((a) => `#${a}`).join(', ')}`, tokens: [id] });
    if (rejectAll !== null) calls.push({ message: 'rejectAllAssets', args: [id, rejectAll], label: `token ${token}: reject all ${rejectAll} pending`, tokens: [id] });
  }
  // A token that starts following takes the open collection-wide proposals after its own decisions.
  following(true);
  return calls;
}

/**
 * Dry-runs each of `calls` as `owner`: `{ ok, error, gasRequired, storageDeposit }` per call;
 * `error` is the contract's error by name (`ProposerRevoked`), or the node's reason.
 */
export async function dryRun(multiasset, calls, owner) {
  return Promise.all(calls.map(async (call) => {
    try {
      const { data, raw } = await multiasset.query[call.message](...call.args, { caller: owner });
      if (data && typeof data === 'object' && data.isErr) {
        return { ...call, ok: false, error: errorName(data.err) };
      }
      return {
        ...call,
        ok: true,
        gasRequired: raw.gasRequired,
        storageDeposit: raw.storageDeposit?.type === 'Charge' ? raw.storageDeposit.value : 0n,
      };
    } catch (error) {
      return { ...call, ok: false, error: dispatchText(error) };
    }
  }));
}

/** The text of a failed dry run or extrinsic: a module error by pallet and name where known. */
export function dispatchText(error) {
  const module = error?.moduleError;
  if (module) return `${module.pallet}.${module.name}`;
  return error?.message ?? String(error);
}

/**
 * What a call in a batch may use: its dry run's weight and a fifth more. Each call was dry-run
 * against the state before the batch, and an earlier call of the batch can make a later one read
 * more (unused weight is refunded).
 */
export function withMargin(gasRequired) {
  return {
    refTime: (BigInt(gasRequired.refTime) * 6n) / 5n,
    proofSize: (BigInt(gasRequired.proofSize) * 6n) / 5n,
  };
}

/** The one `utility.batchAll` of the dry-run `checked` calls (all ok), with their weights. */
export function batch(client, multiasset, checked) {
  const inner = checked.map((c) => multiasset.tx[c.message](...c.args, {
    gasLimit: withMargin(c.gasRequired),
    storageDepositLimit: c.storageDeposit > 0n ? c.storageDeposit : undefined,
  }).call);
  return client.tx.utility.batchAll(inner);
}

/** The fee of `tx` for `owner` (its partial fee, in the chain's smallest unit). */
export async function fee(tx, owner) {
  const info = await tx.paymentInfo(owner);
  return BigInt(info.partialFee);
}

/**
 * Signs `tx` once as `owner` (through `signer`, an injected extension's, or a dev key pair as
 * `owner` itself) and sends it; resolves when it is in a block: `{ ok, blockHash, error, events }`.
 * A refused signature rejects with the wallet's error.
 */
export async function send(tx, owner, signer) {
  const result = signer
    ? await tx.signAndSend(owner, { signer }).untilBestChainBlockIncluded()
    : await tx.signAndSend(owner).untilBestChainBlockIncluded();
  const failed = result.dispatchError;
  const blockHash = result.status?.value?.blockHash ?? null;
  if (failed) {
    return { ok: false, blockHash, error: failed, events: result.events };
  }
  return { ok: true, blockHash, events: result.events };
}

/** Formats `amount` (smallest units) with the chain's decimals and symbol: `0.0123 UNIT`. */
export function formatAmount(amount, decimals, symbol) {
  const scale = 10n ** BigInt(decimals);
  const whole = amount / scale;
  const fraction = (amount % scale).toString().padStart(decimals, '0').slice(0, 6).replace(/0+$/, '');
  return `${whole}${fraction ? `.${fraction}` : ''} ${symbol}`;
}
