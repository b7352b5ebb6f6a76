// The careful reader (README "How a careful reader falls back", docs/wallets.md): given a token's
// active mirrors by priority, fetch each in turn, hash what came back with WebCrypto, and return
// the first copy whose sha256 is the one the chain records, and which mirror served it. Every
// mirror gets a verdict on the way. Plain ES module, no UI: the owner's page uses it, and it runs
// under Node as well (Node 20 has fetch and WebCrypto).
//
// Verdicts use mirrorwatch's names (tools/mirrorwatch/src/status.rs) plus one a browser needs:
// - ok: the host served exactly the recorded bytes;
// - mismatch: other bytes (rugged);
// - missing: 404 or 410;
// - unreachable: no answer, a server error, or a timeout;
// - too-large: over the size cap;
// - no-hash: served, but the chain records no hash (or SHA256SUMS lists no line for the file);
// - bad-uri: a scheme no gateway serves, or a path that could leave its gateway;
// - cors: the host answered, but it does not let this page read the bytes (CORS), so nothing
//   here can check them; told apart from unreachable by asking again without reading.

/** The placeholder a templated entry's uri carries once, in its last path segment. */
export const PLACEHOLDER = '{id}';
/** The manifest beside a templated entry: `<sha256 hex>  <file name>` per line. */
export const MANIFEST = 'SHA256SUMS';
/** Gateways used when the caller names none: public path gateways (sia has no public one). */
export const DEFAULT_GATEWAYS = Object.freeze({
  ipfs: ['https://ipfs.io'],
  arweave: ['https://arweave.net'],
  sia: [],
});
/** What a reader fetches at most per file, and how long it waits for one location. */
export const DEFAULT_LIMITS = Object.freeze({ maxBytes: 16 * 1024 * 1024, timeoutMs: 15_000 });

/** Every verdict, in the order a page lists them. */
export const STATUSES = Object.freeze([
  'ok', 'mismatch', 'missing', 'unreachable', 'too-large', 'no-hash', 'cors', 'bad-uri',
]);

/**
 * The http(s) urls that serve `uri`, in the order they are tried: https as it is, `ipfs://CID/p`
 * under each IPFS path gateway's `/ipfs/`, `ar://TX/p` and `sia://p` under their gateways.
 * Throws an Error saying why the uri cannot be fetched.
 */
export function locations(uri, gateways = DEFAULT_GATEWAYS) {
  const at = uri.indexOf('://');
  if (at < 0) throw new Error('no scheme');
  const scheme = uri.slice(0, at).toLowerCase();
  const rest = uri.slice(at + 3);
  if (scheme === 'http' || scheme === 'https') {
    return [new URL(uri).href];
  }
  const path = contentPath(scheme === 'ipfs' && rest.startsWith('ipfs/') ? rest.slice(5) : rest);
  const list = { ipfs: gateways.ipfs, ar: gateways.arweave, sia: gateways.sia }[scheme];
  if (!list) throw new Error(`scheme ${scheme}:// is not fetched`);
  if (list.length === 0) throw new Error(`no ${scheme} gateway is configured`);
  return list.map((gateway) => {
    const base = gateway.endsWith('/') ? gateway : `${gateway}/`;
    return new URL(scheme === 'ipfs' ? `ipfs/${path}` : path, base).href;
  });
}

/** `rest` if it names something and no segment of it is `.` or `..` (also percent-encoded). */
function contentPath(rest) {
  const path = rest.replace(/^\/+/, '');
  if (path === '' || path.startsWith('?') || path.startsWith('#')) {
    throw new Error('names no content');
  }
  const beforeQuery = path.split(/[?#]/)[0];
  const dotSegment = beforeQuery
    .split(/[/\\]/)
    .some((segment) => ['.', '..'].includes(segment.toLowerCase().replaceAll('%2e', '.')));
  if (dotSegment) throw new Error("a path segment is . or .. (it could leave the gateway's path)");
  return path;
}

/**
 * The text of a token id in a templated uri: decimal for numbers, lowercase hex for bytes. An id
 * is a number, or an enum as clients decode it: `{ type: 'U32', value: 1 }` (dedot) or
 * `{ U32: 1 }` (polkadot.js).
 */
export function idText(id) {
  if (typeof id === 'object' && id !== null) {
    const [kind, value] = 'type' in id ? [id.type, id.value] : (Object.entries(id)[0] ?? []);
    if (kind === 'Bytes' || kind === 'bytes') {
      const bytes = typeof value === 'string' ? hexBytes(value) : value;
      return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
    }
    return BigInt(value).toString();
  }
  return BigInt(id).toString();
}

/** `uri` with its placeholder replaced by the token's id text. */
export function resolve(uri, id) {
  return uri.includes(PLACEHOLDER) ? uri.replace(PLACEHOLDER, idText(id)) : uri;
}

/** Where a templated uri's manifest is: up to its last `/`, then `SHA256SUMS`. */
export function manifestUri(uri) {
  return `${uri.slice(0, uri.lastIndexOf('/') + 1)}${MANIFEST}`;
}

/** The last path segment of `uri`, before any query or fragment. */
export function fileName(uri) {
  const path = uri.split(/[?#]/)[0];
  return path.slice(path.lastIndexOf('/') + 1);
}

/** The lines of a `SHA256SUMS` text, by file name; malformed lines are counted, not kept. */
export function parseManifest(text) {
  const hashes = new Map();
  let malformed = 0;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '') continue;
    const match = /^([0-9a-fA-F]{64})(?: {2}| \*)(.+)$/.exec(line);
    if (match) hashes.set(match[2], match[1].toLowerCase());
    else malformed += 1;
  }
  return { hashes, malformed };
}

/** Lowercase hex of `bytes`' sha256, by WebCrypto. */
export async function sha256Hex(bytes) {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes);
  return hexOf(new Uint8Array(digest));
}

/** A recorded hash as lowercase hex without `0x`, or null (none recorded). */
export function hashHex(hash) {
  if (hash === null || hash === undefined) return null;
  if (typeof hash === 'string') return hash.replace(/^0x/, '').toLowerCase();
  return hexOf(Uint8Array.from(hash));
}

function hexOf(bytes) {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function hexBytes(hex) {
  const clean = hex.replace(/^0x/, '');
  return Uint8Array.from(clean.match(/../g) ?? [], (pair) => parseInt(pair, 16));
}

/**
 * Fetches one url within the limits: `{ status, bytes?, detail }` where status is `fetched`
 * (bytes read), `missing`, `unreachable`, `too-large` or `cors`.
 */
export async function fetchBytes(url, { fetch = globalThis.fetch, limits = DEFAULT_LIMITS } = {}) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), limits.timeoutMs);
  try {
    let response;
    try {
      response = await fetch(url, { signal: controller.signal, cache: 'no-store', redirect: 'follow' });
    } catch (error) {
      if (controller.signal.aborted) return { status: 'unreachable', detail: 'timed out' };
      return (await answersOpaquely(url, fetch, controller.signal))
        ? { status: 'cors', detail: 'the host answers, but does not let this page read it (CORS)' }
        : { status: 'unreachable', detail: String(error?.message ?? error) };
    }
    if (response.status === 404 || response.status === 410) {
      return { status: 'missing', detail: `HTTP ${response.status}` };
    }
    if (!response.ok) return { status: 'unreachable', detail: `HTTP ${response.status}` };
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (declared > limits.maxBytes) {
      return { status: 'too-large', detail: `Content-Length ${declared} is over ${limits.maxBytes}` };
    }
    const bytes = await readCapped(response, limits.maxBytes);
    if (bytes === null) return { status: 'too-large', detail: `over ${limits.maxBytes} bytes` };
    return { status: 'fetched', bytes, detail: `${bytes.length} bytes` };
  } catch (error) {
    if (controller.signal.aborted) return { status: 'unreachable', detail: 'timed out' };
    return { status: 'unreachable', detail: String(error?.message ?? error) };
  } finally {
    clearTimeout(timer);
  }
}

/** Whether `url` answers a request that does not ask to read it (a browser's `no-cors`). */
async function answersOpaquely(url, fetch, signal) {
  if (typeof window === 'undefined') return false; // Node has no CORS: a failure is a failure.
  try {
    const opaque = await fetch(url, { mode: 'no-cors', signal, cache: 'no-store' });
    return opaque.type === 'opaque' || opaque.ok;
  } catch {
    return false;
  }
}

async function readCapped(response, maxBytes) {
  if (!response.body?.getReader) {
    const whole = new Uint8Array(await response.arrayBuffer());
    return whole.length > maxBytes ? null : whole;
  }
  const reader = response.body.getReader();
  const chunks = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

/** Of two locations' verdicts for one mirror, the one that tells more about the content. */
const TELLING = ['mismatch', 'too-large', 'missing', 'no-hash', 'cors', 'unreachable', 'bad-uri'];

/**
 * The verdict of one mirror `{ uri, contentHash }` (a templated uri is resolved for `tokenId`,
 * its bytes checked against its `SHA256SUMS`, whose own hash is the recorded one):
 * `{ status, uri, url, detail, bytes? }`; `bytes` only when ok.
 */
export async function checkMirror(mirror, tokenId, options = {}) {
  const gateways = options.gateways ?? DEFAULT_GATEWAYS;
  const templated = mirror.uri.includes(PLACEHOLDER);
  const uri = templated ? resolve(mirror.uri, tokenId) : mirror.uri;
  const recorded = hashHex(mirror.contentHash);
  let expected = recorded;
  if (templated && recorded !== null) {
    const manifest = await readManifest(mirror.uri, recorded, options);
    if (manifest.status !== 'ok') return { ...manifest, uri };
    expected = manifest.hashes.get(fileName(uri)) ?? null;
    if (expected === null) {
      return { status: 'no-hash', uri, url: manifest.url, detail: `${MANIFEST} lists no ${fileName(uri)}` };
    }
  }
  let urls;
  try {
    urls = locations(uri, gateways);
  } catch (error) {
    return { status: 'bad-uri', uri, url: null, detail: error.message };
  }
  return { ...(await firstServing(urls, expected, options)), uri };
}

/**
 * Asks `urls` in order: the first that serves `expected` (or, with nothing recorded, serves
 * at all: `no-hash`), else the verdict that tells most about the content.
 */
async function firstServing(urls, expected, options) {
  let best = null;
  for (const url of urls) {
    const verdict = await judge(url, expected, options);
    if (verdict.status === 'ok' || verdict.status === 'no-hash') return verdict;
    if (!best || TELLING.indexOf(verdict.status) < TELLING.indexOf(best.status)) best = verdict;
  }
  return best;
}

async function judge(url, expected, options) {
  const fetched = await fetchBytes(url, options);
  if (fetched.status !== 'fetched') return { status: fetched.status, url, detail: fetched.detail };
  if (expected === null) {
    return { status: 'no-hash', url, detail: 'the chain records no hash: nothing proves these bytes' };
  }
  const got = await sha256Hex(fetched.bytes);
  if (got !== expected) {
    return { status: 'mismatch', url, detail: `sha256 ${got.slice(0, 16)}…, recorded ${expected.slice(0, 16)}…` };
  }
  return { status: 'ok', url, detail: fetched.detail, bytes: fetched.bytes };
}

/** A templated entry's manifest, checked against the recorded hash (cached per run). */
async function readManifest(template, recorded, options) {
  const cache = options.manifests;
  const key = `${template}\n${recorded}`;
  if (cache?.has(key)) return cache.get(key);
  const pending = (async () => {
    const uri = manifestUri(template);
    let urls;
    try {
      urls = locations(uri, options.gateways ?? DEFAULT_GATEWAYS);
    } catch (error) {
      return { status: 'bad-uri', url: null, detail: `${MANIFEST}: ${error.message}` };
    }
    const verdict = await firstServing(urls, recorded, options);
    if (verdict.status !== 'ok') return { ...verdict, detail: `${MANIFEST}: ${verdict.detail}` };
    const { hashes } = parseManifest(new TextDecoder().decode(verdict.bytes));
    return { status: 'ok', url: verdict.url, hashes, detail: `${MANIFEST}: ${hashes.size} files` };
  })();
  cache?.set(key, pending);
  return pending;
}

/**
 * Reads a token as a careful reader does: `mirrors` are its active entries by priority
 * (`{ assetId, uri, contentHash }`); each is fetched and hashed in turn until one serves the
 * recorded bytes. Returns `{ copy, verdicts }`: `copy` is `{ assetId, uri, url, bytes }` of the
 * first verified mirror (null if none), `verdicts` one per mirror tried, by priority. With
 * `all: true` every mirror is checked even after a verified copy was found (the owner's page).
 */
export async function readToken(tokenId, mirrors, options = {}) {
  const verdicts = [];
  let copy = null;
  for (const mirror of mirrors) {
    const verdict = await checkMirror(mirror, tokenId, options);
    verdicts.push({ assetId: mirror.assetId, ...verdict });
    if (verdict.status === 'ok' && copy === null) {
      copy = { assetId: mirror.assetId, uri: verdict.uri, url: verdict.url, bytes: verdict.bytes };
      if (!options.all) break;
    }
  }
  return { copy, verdicts };
}
