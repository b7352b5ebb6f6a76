// The owner's page, measured (`make bench`): the bundle's size, raw and gzipped; the time from
// opening the page to the first list of an owner's 100 tokens on a dev node; the time to fetch
// and hash their 100 mirrors in the browser (Debian's Chromium, headless). Prints a table and
// writes it between the page markers of $BENCH_OUT (docs/benchmarks.md).
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { buildPage, call, deploySuite, servePage, sha, startHost, startNode, submit, u32 } from './test/fixture.mjs';
import { withMargin } from './src/decisions.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const TOKENS = Number(process.env.PAGE_BENCH_TOKENS ?? 100);
const RUNS = 3;
/** How many catalog entries one `add_asset_entries` takes: the contract's `limits::MAX_ENTRIES_PER_CALL`. */
const ENTRIES_PER_CALL = 16;
/** How many contract calls one set-up batch holds: ten fit a block's proof size. */
const CALLS_PER_BATCH = 10;
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const node = await startNode(root);
const suite = await deploySuite(node.url, root);
const { client, collection, multiasset, accounts: { alice, bob } } = suite;
const host = await startHost();
try {
  // Given: Bob owns TOKENS tokens, each showing one mirror of its own file (minted, proposed and
  // accepted in batches).
  const ids = Array.from({ length: TOKENS }, (_, i) => u32(i + 1));
  const entries = ids.map((_, i) => {
    const body = Buffer.from(JSON.stringify({ name: `Bench #${i + 1}`, padding: 'x'.repeat(200) }));
    host.files.set(`/b/${i + 1}.json`, body);
    return [`${host.base}/b/${i + 1}.json`, `0x${sha(body)}`];
  });
  const first = BigInt((await multiasset.query.totalAssets()).data) + 1n;
  for (let at = 0; at < entries.length; at += ENTRIES_PER_CALL) {
    await call(multiasset, alice, 'addAssetEntries', entries.slice(at, at + ENTRIES_PER_CALL));
  }
  await batchAll(alice, ids.map((id) => [collection, 'mint', bob.address, id]));
  await batchAll(alice, ids.map((id, i) => [multiasset, 'proposeAsset', id, first + BigInt(i), undefined]));
  await batchAll(bob, ids.map((id, i) => [multiasset, 'acceptAsset', id, first + BigInt(i)]));

  // The page, built and served as make page serves it.
  const dist = await mkdtemp(join(tmpdir(), 'page-bench-'));
  await buildPage(dist);
  const sizes = JSON.parse(await readFile(join(dist, 'sizes.json'), 'utf8'));
  const server = await servePage(dist);
  const url = `${server.base}/?${new URLSearchParams({ node: node.url, multiasset: multiasset.address, account: bob.address })}`;

  // When: the page opens, RUNS times, each in a fresh browser context.
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const opened = Date.now();
    await page.goto(url);
    await page.waitForFunction((n) => document.querySelectorAll('article.token').length === n, TOKENS, { timeout: 120_000 });
    const listed = Date.now() - opened;
    await page.waitForFunction(() => document.body.dataset.checked !== undefined, null, { timeout: 120_000 });
    const body = await page.evaluate(() => ({ ...document.body.dataset }));
    const ok = await page.locator('.mirrors .verdict.ok').count();
    if (ok !== TOKENS) throw new Error(`${ok} of ${TOKENS} mirrors ok`);
    runs.push({ listed, reads: Number(body.listedMs), checked: Number(body.checked), checkMs: Number(body.checkedMs) });
    await context.close();
  }
  await browser.close();
  server.stop();

  // Then: the table.
  const median = (key) => runs.map((r) => r[key]).sort((a, b) => a - b)[Math.floor(RUNS / 2)];
  const table = `## The owner's page (page/, dedot + lit-html, bundled by esbuild)

Measured in Debian's Chromium (headless) against the dev node, ${TOKENS} tokens of one owner
each showing one mirror (a ~230-byte JSON on a local host); the median of ${RUNS} page loads, each
in a fresh browser context.

| what | measured |
|---|---:|
| what the page loads first (app.js and its chunks, minified) | ${kib(sizes.first.raw)} KiB |
| the same, gzipped | ${kib(sizes.first.gz)} KiB |
| the dev accounts' signing code, loaded on a dev chain only (gzipped) | ${kib(sizes.dev.gz)} KiB |
| opening the page → the first list of ${TOKENS} tokens | ${median('listed')} ms |
| of which the chain reads (connect excluded) | ${median('reads')} ms |
| fetching and hashing ${median('checked')} mirrors in the browser (8 at once, WebCrypto) | ${median('checkMs')} ms |
`;
  console.log(table);
  if (process.env.BENCH_OUT) {
    const doc = await readFile(process.env.BENCH_OUT, 'utf8');
    const [begin, end] = ['<!-- make bench page: begin -->', '<!-- make bench page: end -->'];
    const from = doc.indexOf(begin);
    const to = doc.indexOf(end);
    if (from < 0 || to < 0) throw new Error('the page markers are missing from BENCH_OUT');
    await writeFile(process.env.BENCH_OUT, `${doc.slice(0, from + begin.length)}\n${table}${doc.slice(to)}`);
  }
} finally {
  host.stop();
  await client.disconnect().catch(() => {});
  node.stop();
}

/** Sends `calls` ([contract, message, ...args]) as `pair`, dry-run first, in utility.batchAll's of CALLS_PER_BATCH. */
async function batchAll(pair, calls) {
  for (let at = 0; at < calls.length; at += CALLS_PER_BATCH) {
    const txs = [];
    for (const [contract, message, ...args] of calls.slice(at, at + CALLS_PER_BATCH)) {
      const { data, raw } = await contract.query[message](...args, { caller: pair.address });
      if (data?.isErr) throw new Error(`${message}: ${JSON.stringify(data.err)}`);
      txs.push(contract.tx[message](...args, { gasLimit: withMargin(raw.gasRequired), storageDepositLimit: raw.storageDeposit?.value }).call);
    }
    await submit(client.tx.utility.batchAll(txs), pair);
  }
}

function kib(bytes) {
  return (bytes / 1024).toFixed(1);
}
