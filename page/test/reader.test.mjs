// The careful reader under Node, against a local HTTP server that serves, rugs and dies.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { createHash } from 'node:crypto';
import {
  checkMirror, readToken, locations, resolve, parseManifest, idText, hashHex, STATUSES,
} from '../src/reader.js';

const CONTENT = '{"name":"Mirrors #1","image":"ipfs://bafy/1.png"}';
const sha = (text) => createHash('sha256').update(text).digest('hex');

let server;
let base;
const routes = new Map();

before(async () => {
  server = createServer((req, res) => {
    const reply = routes.get(req.url);
    if (!reply) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(reply.status ?? 200, { 'content-type': 'application/octet-stream' });
    res.end(reply.body ?? '');
  });
  await new Promise((ready) => server.listen(0, '127.0.0.1', ready));
  base = `http://127.0.0.1:${server.address().port}`;
  const manifest = `${sha(CONTENT)}  1.json\n${sha('two')}  2.json\n`;
  routes.set('/honest/1.json', { body: CONTENT });
  routes.set('/rugged/1.json', { body: 'swapped' });
  routes.set('/broken/1.json', { status: 500 });
  routes.set('/big/1.json', { body: 'x'.repeat(2048) });
  routes.set('/t/SHA256SUMS', { body: manifest });
  routes.set('/t/1.json', { body: CONTENT });
  routes.set('/t/2.json', { body: 'rugged two' });
  routes.set('/ipfs/bafyroot/1.json', { body: CONTENT });
  routes.set('/dead-manifest/1.json', { body: CONTENT });
  routes.set('/other-manifest/SHA256SUMS', { body: `${sha(CONTENT)}  1.json\n` });
  routes.set('/other-manifest/1.json', { body: CONTENT });
});

after(() => server.close());

const mirror = (path, hash = sha(CONTENT), assetId = 1) => ({ assetId, uri: `${base}${path}`, contentHash: hash });

test('a host serving the recorded bytes is ok, with the bytes', async () => {
  const v = await checkMirror(mirror('/honest/1.json'), 1);
  assert.equal(v.status, 'ok', v.detail);
  assert.equal(new TextDecoder().decode(v.bytes), CONTENT);
});

test('a host serving other bytes is a mismatch', async () => {
  const v = await checkMirror(mirror('/rugged/1.json'), 1);
  assert.equal(v.status, 'mismatch');
  assert.equal(v.bytes, undefined);
});

test('a 404 is missing', async () => {
  assert.equal((await checkMirror(mirror('/gone/1.json'), 1)).status, 'missing');
});

test('a server error and a closed port are unreachable', async () => {
  assert.equal((await checkMirror(mirror('/broken/1.json'), 1)).status, 'unreachable');
  const closed = { assetId: 1, uri: 'http://127.0.0.1:9/1.json', contentHash: sha(CONTENT) };
  assert.equal((await checkMirror(closed, 1)).status, 'unreachable');
});

test('a file over the cap is too large', async () => {
  const limits = { maxBytes: 1024, timeoutMs: 5000 };
  assert.equal((await checkMirror(mirror('/big/1.json'), 1, { limits })).status, 'too-large');
});

test('an entry without a recorded hash is no-hash even when served', async () => {
  assert.equal((await checkMirror(mirror('/honest/1.json', null), 1)).status, 'no-hash');
});

test('a path that could leave its gateway is a bad uri, never fetched', async () => {
  const gateways = { ipfs: [`${base}/`], arweave: [], sia: [`${base}/api/worker/objects`] };
  const v = await checkMirror({ assetId: 1, uri: 'sia://../../bus/wallet', contentHash: null }, 1, { gateways });
  assert.equal(v.status, 'bad-uri');
  assert.throws(() => locations('sia://%2e%2e/bus', gateways), /\. or \.\./);
});

test('ipfs uris go through each path gateway in order', async () => {
  const gateways = { ipfs: ['http://127.0.0.1:9', base], arweave: [], sia: [] };
  assert.deepEqual(locations('ipfs://bafyroot/1.json', gateways), [
    'http://127.0.0.1:9/ipfs/bafyroot/1.json', `${base}/ipfs/bafyroot/1.json`,
  ]);
  const v = await checkMirror({ assetId: 1, uri: 'ipfs://bafyroot/1.json', contentHash: sha(CONTENT) }, 1, { gateways });
  assert.equal(v.status, 'ok', v.detail);
  assert.equal(v.url, `${base}/ipfs/bafyroot/1.json`);
});

test('a templated entry is checked through its SHA256SUMS, whose hash is the recorded one', async () => {
  const manifestHash = sha(`${sha(CONTENT)}  1.json\n${sha('two')}  2.json\n`);
  const template = { assetId: 3, uri: `${base}/t/{id}.json`, contentHash: manifestHash };
  assert.equal((await checkMirror(template, 1)).status, 'ok');
  assert.equal((await checkMirror(template, 2)).status, 'mismatch');
  assert.equal((await checkMirror(template, 7)).status, 'no-hash');
});

test('a templated entry whose SHA256SUMS is not the recorded one fails on the manifest', async () => {
  const template = { assetId: 3, uri: `${base}/other-manifest/{id}.json`, contentHash: sha('another manifest') };
  const v = await checkMirror(template, 1);
  assert.equal(v.status, 'mismatch');
  assert.match(v.detail, /SHA256SUMS/);
  const dead = { assetId: 4, uri: `${base}/dead-manifest/{id}.json`, contentHash: sha('x') };
  assert.equal((await checkMirror(dead, 1)).status, 'missing');
});

test('the reader returns the first verified copy by priority and which mirror served it', async () => {
  const mirrors = [
    mirror('/rugged/1.json', sha(CONTENT), 10),
    mirror('/gone/1.json', sha(CONTENT), 11),
    mirror('/honest/1.json', sha(CONTENT), 12),
    mirror('/t/1.json', sha(CONTENT), 13),
  ];
  const { copy, verdicts } = await readToken(1, mirrors);
  assert.equal(copy.assetId, 12);
  assert.equal(copy.url, `${base}/honest/1.json`);
  assert.equal(new TextDecoder().decode(copy.bytes), CONTENT);
  assert.deepEqual(verdicts.map((v) => v.status), ['mismatch', 'missing', 'ok']);
});

test('with every mirror failing the reader returns no copy and every verdict', async () => {
  const { copy, verdicts } = await readToken(1, [mirror('/rugged/1.json'), mirror('/gone/1.json')]);
  assert.equal(copy, null);
  assert.deepEqual(verdicts.map((v) => v.status), ['mismatch', 'missing']);
  assert.ok(verdicts.every((v) => STATUSES.includes(v.status)), 'every verdict is one of STATUSES');
});

test('ids and hashes read as the contracts write them', () => {
  assert.equal(resolve('ipfs://x/{id}.json', { U32: 42 }), 'ipfs://x/42.json');
  assert.equal(resolve('ipfs://x/{id}.json', { type: 'U32', value: 42 }), 'ipfs://x/42.json');
  assert.equal(idText({ type: 'Bytes', value: '0x0a0b' }), '0a0b');
  assert.equal(idText({ U128: '340282366920938463463374607431768211455' }), '340282366920938463463374607431768211455');
  assert.equal(idText({ Bytes: '0x00ff' }), '00ff');
  assert.equal(hashHex('0xABcd'), 'abcd');
  assert.equal(hashHex(null), null);
  const { hashes, malformed } = parseManifest(`${sha('a')}  a.json\r\nnot a line\n${sha('b')} *b.json\n`);
  assert.deepEqual([...hashes.keys()], ['a.json', 'b.json']);
  assert.equal(malformed, 1);
});
