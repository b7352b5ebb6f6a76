// A dev node's state for the page's tests: the three contracts from artifacts/ deployed with
// dedot, tokens minted, mirrors served by a local HTTP host, proposals made. Node only.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createHash } from 'node:crypto';
import { spawn } from 'node:child_process';
import { LegacyClient, WsProvider } from 'dedot';
import { Contract, ContractDeployer } from 'dedot/contracts';
import { devAccount } from '../src/devaccounts.js';

export const sha = (bytes) => createHash('sha256').update(bytes).digest('hex');

/** Starts the dev node (scripts/contracts-node) on a free port; resolves with its url and a stop. */
export async function startNode(root) {
  const port = await freePort();
  const child = spawn(`${root}/scripts/contracts-node`, ['--dev', '--tmp', `--rpc-port=${port}`, '--rpc-cors=all'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  await new Promise((ready, failed) => {
    let log = '';
    child.stderr.on('data', (chunk) => {
      log += chunk;
      if (log.includes('Running JSON-RPC server')) ready();
    });
    child.on('exit', (code) => failed(new Error(`the node exited (${code}): ${log.slice(-2000)}`)));
  });
  child.stderr.resume();
  return { url: `ws://127.0.0.1:${port}`, stop: () => child.kill() };
}

async function freePort() {
  const server = createServer();
  await new Promise((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.address();
  await new Promise((closed) => server.close(closed));
  return port;
}

const TYPES = { json: 'application/json', svg: 'image/svg+xml', pdf: 'application/pdf' };

/** Bundles the page into `dir` (build.mjs, as make page does). */
export async function buildPage(dir) {
  const build = new URL('../build.mjs', import.meta.url).pathname;
  await new Promise((done, failed) => {
    spawn('node', [build, dir], { stdio: 'inherit' })
      .on('exit', (code) => (code === 0 ? done() : failed(new Error(`build.mjs exited ${code}`))));
  });
}

/** Serves the built page in `dir` as make page does (python's http.server on loopback). */
export async function servePage(dir) {
  const port = await freePort();
  const child = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', dir], { stdio: 'ignore' });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      await fetch(`${base}/`);
      return { base, stop: () => child.kill() };
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  child.kill();
  throw new Error('http.server did not start');
}

/**
 * A local host serving `files` (path → bytes); paths under `/closed/` are served without CORS
 * headers, as a host that does not let pages read it. `files` can change while it serves.
 */
export async function startHost(files = new Map()) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://host').pathname);
    const body = files.get(path);
    const headers = path.startsWith('/closed/') ? {} : { 'access-control-allow-origin': '*' };
    if (body === undefined) {
      res.writeHead(404, headers).end();
      return;
    }
    res.writeHead(200, { ...headers, 'content-type': TYPES[path.split('.').pop()] ?? 'application/octet-stream' }).end(body);
  });
  await new Promise((ready) => server.listen(0, '127.0.0.1', ready));
  const base = `http://127.0.0.1:${server.address().port}`;
  return { base, files, url: (path) => `${base}${path}`, stop: () => server.close() };
}

/** Sends `tx` signed by `pair` and waits until it is in a block; throws if it failed. */
export async function submit(tx, pair) {
  const result = await tx.signAndSend(pair).untilBestChainBlockIncluded();
  const failed = result.dispatchError;
  if (failed) throw new Error(`extrinsic failed: ${JSON.stringify(failed)}`);
  return result;
}

/** Deploys a contract of artifacts/ with `args`; resolves with its Contract. */
async function deploy(client, root, name, args, pair) {
  const bundle = JSON.parse(await readFile(`${root}/artifacts/${name}.contract`, 'utf8'));
  const deployer = new ContractDeployer(client, bundle, bundle.source.wasm);
  const salt = `0x${sha(`${name}-${Date.now()}-${Math.random()}`)}`;
  const { raw } = await deployer.query.new(...args, { caller: pair.address, salt });
  const tx = deployer.tx.new(...args, { gasLimit: raw.gasRequired, salt });
  const result = await tx.signAndSend(pair).untilBestChainBlockIncluded();
  if (result.dispatchError) throw new Error(`deploying ${name}: ${JSON.stringify(result.dispatchError)}`);
  const address = await result.contractAddress();
  return new Contract(client, bundle, address, { defaultCaller: pair.address });
}

/** Dry-runs then sends `message(...args)` of `contract` as `pair`; throws on a contract error. */
export async function call(contract, pair, message, ...args) {
  const { data, raw } = await contract.query[message](...args, { caller: pair.address });
  if (data?.isErr) throw new Error(`${message}: ${JSON.stringify(data.err)}`);
  const tx = contract.tx[message](...args, { gasLimit: raw.gasRequired, storageDepositLimit: raw.storageDeposit?.value });
  return submit(tx, pair);
}

/**
 * The suite as the page's test needs it: Bob owns tokens 1 and 2, each with two active mirrors
 * (one ok, one rugged) and pending proposals by Charlie (a registered proposer) and by Alice;
 * a collection-wide proposal is open. Returns the contracts, the host and what it made.
 */
export async function deploySuite(url, root) {
  const client = await LegacyClient.new(new WsProvider(url));
  const [alice, bob, charlie, dave] = ['Alice', 'Bob', 'Charlie', 'Dave'].map(devAccount);
  const collection = await deploy(client, root, 'collection', ['Mirrors', 'MIR', 'https://example.org/mirrors/', 100n], alice);
  const registry = await deploy(client, root, 'proposer_registry', [], alice);
  const multiasset = await deploy(client, root, 'multiasset', [collection.address, registry.address], alice);
  await call(collection, alice, 'setMultiasset', multiasset.address);
  return { client, collection, registry, multiasset, accounts: { alice, bob, charlie, dave } };
}

/** A token id as the contracts take it. */
export const u32 = (n) => ({ type: 'U32', value: n });

/** The JSON of token `n`'s metadata, as its mirrors serve it. */
export const metadata = (n) => Buffer.from(JSON.stringify({ name: `Mirrored cat #${n}`, image: `IMAGE/${n}.svg` }));

/**
 * The story the page's test starts from. Bob owns tokens 1 and 2. Token 1 shows four mirrors
 * of its metadata: one honest, one rugged, one on a host without CORS, one templated entry
 * (`{id}`, checked through its SHA256SUMS); Charlie (a registered
 * proposer) proposes a new host in the rugged one's place. Token 2 shows an honest mirror and a
 * dead one; Charlie proposes the dead one's replacement, Alice an extra mirror. Alice also has
 * a license open collection-wide. Returns the suite, the host, and the catalog ids by name.
 */
export async function story(url, root) {
  const suite = await deploySuite(url, root);
  const { collection, registry, multiasset, accounts: { alice, bob, charlie } } = suite;
  const host = await startHost();
  const image = (n) => Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" fill="${n === 1 ? '#e0a050' : '#5080e0'}"/><circle cx="32" cy="30" r="${14 + n * 3}" fill="#fff"/></svg>`);
  const files = host.files;
  for (const n of [1, 2]) {
    const json = Buffer.from(metadata(n).toString().replace('IMAGE', `${host.base}/img`));
    files.set(`/a/${n}.json`, json);
    files.set(`/closed/${n}.json`, json);
    files.set(`/new/${n}.json`, json);
    files.set(`/img/${n}.svg`, image(n));
    files.set(`/rugged/${n}.json`, Buffer.from('{"name":"a swapped file"}'));
  }
  files.set('/license.pdf', Buffer.from('%PDF-1.7 the collection license'));
  // A templated entry: one uri for every token, its files listed in SHA256SUMS.
  files.set('/t/SHA256SUMS', Buffer.from([1, 2].map((n) => `${sha(files.get(`/a/${n}.json`))}  ${n}.json\n`).join('')));
  files.set('/t/1.json', files.get('/a/1.json'));
  files.set('/extra/2.json', files.get('/a/2.json'));
  const hashOf = (path) => `0x${sha(files.get(path))}`;
  const entries = {
    honest1: [`${host.base}/a/1.json`, hashOf('/a/1.json')],
    rugged1: [`${host.base}/rugged/1.json`, hashOf('/a/1.json')],
    closed1: [`${host.base}/closed/1.json`, hashOf('/a/1.json')],
    honest2: [`${host.base}/a/2.json`, hashOf('/a/2.json')],
    dead2: [`${host.base}/gone/2.json`, hashOf('/a/2.json')],
    new1: [`${host.base}/new/1.json`, hashOf('/a/1.json')],
    new2: [`${host.base}/new/2.json`, hashOf('/a/2.json')],
    extra2: [`${host.base}/extra/2.json`, hashOf('/a/2.json')],
    license: [`${host.base}/license.pdf`, hashOf('/license.pdf')],
    template: [`${host.base}/t/{id}.json`, hashOf('/t/SHA256SUMS')],
  };
  const ids = {};
  let next = Number((await multiasset.query.totalAssets()).data) + 1;
  await call(multiasset, alice, 'addAssetEntries', Object.values(entries));
  for (const name of Object.keys(entries)) ids[name] = BigInt(next++);
  await call(registry, alice, 'grantProposer', collection.address, charlie.address, undefined);
  for (const n of [1, 2]) await call(collection, alice, 'mint', bob.address, u32(n));
  await call(multiasset, alice, 'proposeAssetToMany', [u32(1)], ids.honest1, undefined);
  await call(multiasset, alice, 'proposeAssetToMany', [u32(1)], ids.rugged1, undefined);
  await call(multiasset, alice, 'proposeAssetToMany', [u32(1)], ids.closed1, undefined);
  await call(multiasset, alice, 'proposeAssetToMany', [u32(2)], ids.honest2, undefined);
  await call(multiasset, alice, 'proposeAssetToMany', [u32(2)], ids.dead2, undefined);
  await call(multiasset, alice, 'proposeAssetToMany', [u32(1)], ids.template, undefined);
  await call(multiasset, bob, 'acceptAssets', u32(1), [ids.honest1, ids.rugged1, ids.closed1, ids.template]);
  await call(multiasset, bob, 'acceptAssets', u32(2), [ids.honest2, ids.dead2]);
  await call(multiasset, charlie, 'proposeAsset', u32(1), ids.new1, ids.rugged1);
  await call(multiasset, charlie, 'proposeAsset', u32(2), ids.new2, ids.dead2);
  await call(multiasset, alice, 'proposeAsset', u32(2), ids.extra2, undefined);
  await call(multiasset, alice, 'proposeToCollection', [[ids.license, undefined]]);
  return { ...suite, host, ids };
}
