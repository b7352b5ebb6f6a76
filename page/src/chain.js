// The chain side of the owner's page: the node (dedot's legacy client), the suite's three
// contracts from their metadata (artifacts/*.json, bundled), and the reads the page shows. Every
// read is a dry run; nothing here signs.
import { LegacyClient, WsProvider } from 'dedot';
import { Contract } from 'dedot/contracts';
import { decodeAddress, encodeAddress } from 'dedot/utils';
import { errorName } from './format.js';
import { PLACEHOLDER } from './reader.js';
import collectionMetadata from '../../artifacts/collection.json';
import multiassetMetadata from '../../artifacts/multiasset.json';
import registryMetadata from '../../artifacts/proposer_registry.json';

/** How many active assets `token_assets` answers per page: the contract's `limits::MAX_PAGE`. */
export const MAX_PAGE = 16;
/** How many accounts one `live_proposers` question names, as the multi-asset contract asks it
 * (its `limits::MAX_ACCOUNTS_ASKED`). */
export const ACCOUNTS_ASKED = 128;
/** How many dry runs the page has in flight at once. */
export const READS_IN_FLIGHT = 16;
/** How long connecting to a node may take before the page says it is down. */
export const CONNECT_TIMEOUT_MS = 10_000;

/** An error the page shows as it is: what went wrong and what to do. */
export class PageError extends Error {}

/** The SS58 text of an account (an AccountId32 from dedot, or text), on the generic prefix. */
export function accountText(account) {
  if (account === null || account === undefined) return null;
  if (typeof account === 'string') return account;
  if (typeof account.address === 'function') return account.address(42);
  return encodeAddress(account.raw ?? account, 42);
}

/** Whether `text` is an SS58 address. */
export function isAddress(text) {
  try {
    return decodeAddress(text).length === 32;
  } catch {
    return false;
  }
}

/** Connects to the node at `url` (legacy JSON-RPC), or throws a PageError saying why not. */
export async function connect(url) {
  if (!/^wss?:\/\//.test(url ?? '')) throw new PageError(`The node url must start with ws:// or wss:// (got "${url}").`);
  const provider = new WsProvider({ endpoint: url, retryDelayMs: 0 });
  let timer;
  const timeout = new Promise((_, failed) => {
    timer = setTimeout(() => failed(new PageError(`No node answers at ${url}: is it running?`)), CONNECT_TIMEOUT_MS);
  });
  try {
    return await Promise.race([LegacyClient.new(provider), timeout]);
  } catch (error) {
    provider.disconnect?.().catch(() => {});
    if (error instanceof PageError) throw error;
    // A refused websocket fails with a bare Event: nothing more to say than that it failed.
    const why = error instanceof Error ? error.message : 'the connection failed';
    throw new PageError(`No node answers at ${url} (${why}): is it running, and is the url right?`);
  } finally {
    clearTimeout(timer);
  }
}

/** Runs `jobs` (functions returning promises) with at most `limit` in flight, in order. */
export async function inFlight(jobs, limit = READS_IN_FLIGHT) {
  const results = new Array(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const at = next++;
      results[at] = await jobs[at]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, jobs.length) }, worker));
  return results;
}

/** A message's answer: the value of an ink `Result`, or a PageError naming its error. */
function unwrap(answer, what) {
  const data = answer.data;
  if (data && typeof data === 'object' && 'isErr' in data) {
    if (data.isErr) throw new PageError(`${what}: ${errorName(data.err)}`);
    return data.value;
  }
  return data;
}

/**
 * The suite the page works on: the multi-asset contract at `multiasset`, the collection and the
 * registry it names. Checks that each address holds a contract that answers as this suite's
 * (not just any contract), and that the collection links this multi-asset contract.
 */
export class Suite {
  static async open(client, { multiasset, collection }) {
    if (!isAddress(multiasset ?? '')) {
      throw new PageError(`"${multiasset ?? ''}" is not an address: give the multi-asset contract's SS58 address.`);
    }
    if (collection && !isAddress(collection)) {
      throw new PageError(`"${collection}" is not an address: give the collection's SS58 address, or leave it out.`);
    }
    await ensureContract(client, multiasset, 'multi-asset contract');
    const assets = new Contract(client, multiassetMetadata, multiasset);
    const caller = multiasset;
    let named;
    try {
      named = {
        collection: accountText((await assets.query.collection({ caller })).data),
        registry: accountText((await assets.query.registry({ caller })).data),
      };
    } catch (error) {
      throw new PageError(`The contract at ${multiasset} does not answer as this suite's multi-asset contract (${error.message}).`);
    }
    if (collection && collection !== named.collection) {
      throw new PageError(`The multi-asset contract ${multiasset} serves collection ${named.collection}, not ${collection}.`);
    }
    await ensureContract(client, named.collection, 'collection');
    const tokens = new Contract(client, collectionMetadata, named.collection);
    let linked;
    try {
      linked = accountText((await tokens.query.multiAssetLinkMultiasset({ caller })).data);
    } catch (error) {
      throw new PageError(`The collection ${named.collection} does not answer as this suite's collection (${error.message}).`);
    }
    if (linked !== multiasset) {
      throw new PageError(`The collection ${named.collection} links multi-asset contract ${linked ?? 'none'}, not ${multiasset}.`);
    }
    const registry = new Contract(client, registryMetadata, named.registry);
    return new Suite(client, assets, tokens, registry);
  }

  constructor(client, multiasset, collection, registry) {
    this.client = client;
    this.multiasset = multiasset;
    this.collection = collection;
    this.registry = registry;
  }

  /** The ids of `owner`'s tokens (PSP34Enumerable), in index order. */
  async tokensOf(owner) {
    const caller = owner;
    const count = Number((await this.collection.query.psp34BalanceOf(owner, { caller })).data);
    const jobs = Array.from({ length: count }, (_, index) => async () =>
      unwrap(await this.collection.query.psp34EnumerableOwnersTokenByIndex(owner, BigInt(index), { caller }), 'owners_token_by_index'));
    return inFlight(jobs);
  }

  /** The collection's issuer (who proposes without a grant). */
  async issuer() {
    return accountText((await this.collection.query.ownableOwner({ caller: this.multiasset.address })).data);
  }

  /** The open collection-wide proposals: `{ seq, assetId, replaces, proposer }`. */
  async collectionProposals() {
    const open = (await this.multiasset.query.collectionProposals({ caller: this.multiasset.address })).data;
    return open.map((p) => ({ seq: p.seq, assetId: p.assetId, replaces: p.replaces ?? null, proposer: accountText(p.proposer) }));
  }

  /** Whether each of `accounts` may propose now: the issuer, or a grant that counts. */
  async liveProposers(accounts, issuer) {
    const others = [...new Set(accounts.filter((a) => a !== issuer))];
    const live = new Map([[issuer, true]]);
    for (let at = 0; at < others.length; at += ACCOUNTS_ASKED) {
      const asked = others.slice(at, at + ACCOUNTS_ASKED);
      const answer = (await this.registry.query.proposerRegistryLiveProposers(
        this.collection.address, issuer, asked, { caller: issuer })).data;
      asked.forEach((account, i) => live.set(account, Boolean(answer[i])));
    }
    return live;
  }

  /** The catalog entry `assetId`: `{ uri, contentHash }` (null if none). */
  async asset(assetId) {
    const entry = (await this.multiasset.query.asset(BigInt(assetId), { caller: this.multiasset.address })).data;
    return entry ? { uri: entry.uri, contentHash: entry.contentHash ?? null } : null;
  }

  /**
   * Everything the page shows of token `id`: its active assets by priority (with uri and hash),
   * its active ids in position order (what `set_priority` numbers), its pending
   * proposals (proposer, replaces, entry), whether it follows the collection.
   */
  async token(id) {
    const caller = this.multiasset.address;
    const q = this.multiasset.query;
    const shown = [];
    for (let start = 0; ; start += MAX_PAGE) {
      const page = unwrap(await q.tokenAssets(id, start, MAX_PAGE, { caller }), 'token_assets');
      shown.push(...page);
      if (page.length < MAX_PAGE) break;
    }
    // `token_assets` answers a templated entry's uri resolved for the token, with the hash of
    // its SHA256SUMS: the reader needs the template itself to check the file against that list.
    const active = await inFlight(shown.map((a) => async () => {
      const entry = await this.asset(a.assetId);
      const templated = entry?.uri.includes(PLACEHOLDER);
      return { assetId: a.assetId, priority: a.priority, uri: templated ? entry.uri : a.uri, contentHash: a.contentHash ?? null };
    }), 4);
    const [positions, pendingIds, follows] = await Promise.all([
      q.activeAssets(id, { caller }), q.pendingAssets(id, { caller }), q.followsCollection(id, { caller }),
    ]);
    const pending = await inFlight(pendingIds.data.map((assetId) => async () => {
      const [proposal, entry] = await Promise.all([
        q.pendingProposal(id, assetId, { caller }), this.asset(assetId),
      ]);
      const p = proposal.data;
      return {
        assetId,
        uri: entry?.uri ?? '',
        contentHash: entry?.contentHash ?? null,
        replaces: p?.replaces ?? null,
        proposer: accountText(p?.proposer),
      };
    }), 4);
    return {
      id,
      active,
      positions: positions.data,
      pending,
      follows: Boolean(follows.data),
    };
  }
}

async function ensureContract(client, address, what) {
  let info;
  try {
    info = await client.query.contracts.contractInfoOf(address);
  } catch (error) {
    throw new PageError(`The node cannot read contracts (${error.message}): is it a chain with pallet-contracts?`);
  }
  if (!info) throw new PageError(`No contract at ${address} (the ${what}) on this chain.`);
}

/** Whether the connected chain is a development chain (the page offers the dev accounts). */
export async function isDevChain(client) {
  const [chain, type] = await Promise.all([
    client.rpc.system_chain(), client.rpc.system_chainType().catch(() => null),
  ]);
  return type === 'Development' || type?.type === 'Development' || /^Development$/i.test(chain);
}
