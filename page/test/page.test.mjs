// The owner's page in a real browser: Debian's Chromium driven by playwright-core, against a dev
// node with the contracts from artifacts/ (test/fixture.mjs tells the story), the page bundled
// and served by python's http.server on loopback. A test wallet is injected before the page's
// scripts (the injected-extension API wallets share); its keys stay in Node, which signs what
// the page asks (exposeFunction). Screenshots go to $PAGE_SCREENSHOTS (default: a temp folder).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { ExtraSignedExtension } from 'dedot';
import { blake2AsU8a, hexToU8a, u8aToHex } from 'dedot/utils';
import { buildPage, call, servePage, startNode, story, u32 } from './fixture.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
// What this machine's closed network needs (no background fetches, no QUIC, no GPU).
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let node;
let suite;
let server;
let pageUrl;
let browser;
let shots;
const wallet = { refuse: false, signatures: 0 };

/** Signs a payload as a wallet does: the extrinsic's signing bytes, from the payload, by Bob's key. */
async function signAsBob(payload) {
  if (wallet.refuse) throw new Error('Cancelled by the user');
  wallet.signatures += 1;
  const extra = new ExtraSignedExtension(suite.client, { signerAddress: payload.address });
  await extra.fromPayload(payload);
  const raw = hexToU8a(extra.toRawPayload(payload.method).data);
  const signed = raw.length > 256 ? blake2AsU8a(raw, 256) : raw;
  return { id: wallet.signatures, signature: u8aToHex(suite.accounts.bob.sign(signed, { withType: true })) };
}

before(async () => {
  node = await startNode(root);
  suite = await story(node.url, root);
  const dist = await mkdtemp(join(tmpdir(), 'page-dist-'));
  await buildPage(dist);
  server = await servePage(dist);
  const query = new URLSearchParams({ node: node.url, multiasset: suite.multiasset.address });
  pageUrl = `${server.base}/?${query}`;
  shots = process.env.PAGE_SCREENSHOTS ?? await mkdtemp(join(tmpdir(), 'page-screenshots-'));
  await mkdir(shots, { recursive: true });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  server?.stop();
  suite?.host.stop();
  await suite?.client.disconnect().catch(() => {});
  node?.stop();
  console.log(`screenshots: ${shots}`);
});

/** A fresh browser page with the test wallet injected, Bob's account in it. */
async function openPage(url = pageUrl, viewport = { width: 1280, height: 1000 }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await page.exposeFunction('__testWalletAccounts', () => [{ address: suite.accounts.bob.address, name: 'Bob (test wallet)', type: 'sr25519' }]);
  await page.exposeFunction('__testWalletSign', (payload) => signAsBob(payload));
  await page.addInitScript(() => {
    window.injectedWeb3 = {
      'test-wallet': {
        version: '1.0.0',
        enable: async () => ({
          accounts: { get: async () => window.__testWalletAccounts() },
          signer: { signPayload: async (payload) => window.__testWalletSign(payload) },
        }),
      },
    };
  });
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  return { page, context, errors };
}

const token = (page, n) => page.locator(`article.token[data-token="${n}"]`);
const mirror = (page, n, assetId) => token(page, n).locator(`.mirrors li[data-asset="${assetId}"]`);
const pendingRow = (page, n, assetId) => token(page, n).locator(`.pending li[data-asset="${assetId}"]`);

async function waitForChecks(page) {
  await page.waitForFunction(() => document.body.dataset.checked !== undefined, null, { timeout: 60_000 });
}

test('the page lists the owner\'s tokens and tells each mirror\'s health apart', async () => {
  const { page, context, errors } = await openPage();
  await waitForChecks(page);
  const { ids } = suite;
  assert.equal(await page.locator('article.token').count(), 2);
  const verdict = (n, id) => mirror(page, n, id).locator('.verdict').getAttribute('data-verdict');
  assert.equal(await verdict(1, ids.honest1), 'ok');
  assert.equal(await verdict(1, ids.rugged1), 'mismatch');
  assert.equal(await verdict(1, ids.closed1), 'cors');
  assert.equal(await verdict(2, ids.dead2), 'missing');
  assert.equal(await verdict(1, ids.template), 'ok', 'a templated entry, through its SHA256SUMS');
  assert.match(await mirror(page, 1, ids.template).locator('.uri').textContent(), /\/t\/1\.json$/);
  // Pending proposals with their proposer, what they replace, live or not; the collection-wide one.
  const proposal = pendingRow(page, 1, ids.new1);
  assert.match(await proposal.textContent(), /replaces #2/);
  assert.match(await proposal.textContent(), /live/);
  assert.match(await pendingRow(page, 1, ids.license).textContent(), /collection-wide/);
  // The image comes from the first verified mirror's JSON.
  assert.match(await token(page, 1).locator('.shown').textContent(), /asset #1/);
  await page.screenshot({ path: join(shots, 'desktop-listed.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test('a refused signature sends nothing and says so', async () => {
  const { page, context } = await openPage();
  await waitForChecks(page);
  await pendingRow(page, 2, suite.ids.extra2).locator('button.reject').click();
  await page.locator('button.review').click();
  await page.locator('.fee strong').filter({ hasText: /UNIT|\d/ }).waitFor();
  await page.waitForFunction(() => !document.querySelector('button.send').disabled);
  wallet.refuse = true;
  try {
    await page.locator('button.send').click();
    await page.locator('.result.error').waitFor();
    assert.match(await page.locator('.result.error').textContent(), /refused in the wallet/);
  } finally {
    wallet.refuse = false;
  }
  const pending = (await suite.multiasset.query.pendingAssets(u32(2))).data;
  assert.ok(pending.includes(suite.ids.extra2), 'still pending');
  await context.close();
});

test('accept, reject, reorder and follow across two tokens go out in one signature', async () => {
  const { page, context, errors } = await openPage();
  await waitForChecks(page);
  const { ids } = suite;
  const before = wallet.signatures;
  // Token 1: the mirror without CORS moves up one (above the rugged one); Charlie's replacement
  // of the rugged one is accepted.
  await mirror(page, 1, ids.closed1).locator('button.up').click();
  await pendingRow(page, 1, ids.new1).locator('button.accept').click();
  // Token 2: Alice's extra mirror is rejected, and the token follows the collection.
  await pendingRow(page, 2, ids.extra2).locator('button.reject').click();
  await token(page, 2).locator('.follow input').check();
  await page.locator('button.review').click();
  await page.waitForFunction(() => !document.querySelector('button.send').disabled, null, { timeout: 30_000 });
  assert.equal(await page.locator('.calls li.ok').count(), 4);
  assert.match(await page.locator('.fee strong').textContent(), /UNIT/);
  await page.screenshot({ path: join(shots, 'desktop-decisions.png'), fullPage: true });
  await page.locator('button.send').click();
  await page.locator('.result.ok').waitFor({ timeout: 60_000 });
  await waitForChecks(page);
  assert.equal(wallet.signatures - before, 1, 'one signature');

  // Then the chain shows every decision.
  const q = suite.multiasset.query;
  const active1 = (await q.tokenAssets(u32(1), 0, 16)).data.value.map((a) => a.assetId);
  assert.deepEqual(active1, [ids.honest1, ids.closed1, ids.new1, ids.template], '#3 moved up; the replacement took #2\'s place');
  assert.ok(!(await q.pendingAssets(u32(2))).data.includes(ids.extra2), 'rejected');
  assert.equal((await q.followsCollection(u32(2))).data, true);
  // And the page, read back from the chain, shows them.
  assert.equal(await mirror(page, 1, ids.new1).locator('.verdict').getAttribute('data-verdict'), 'ok');
  assert.equal(await pendingRow(page, 2, ids.extra2).count(), 0);
  await page.screenshot({ path: join(shots, 'desktop-sent.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test('a batch the chain refuses changes nothing and names the contract\'s error', async () => {
  // Given: Charlie proposes another mirror to token 1; Bob's page shows it, his key still live.
  const { alice, charlie } = suite.accounts;
  await call(suite.multiasset, charlie, 'proposeAsset', u32(1), suite.ids.extra2, undefined);
  const { page, context } = await openPage();
  await waitForChecks(page);
  const row = pendingRow(page, 1, suite.ids.extra2);
  assert.match(await row.textContent(), /live/);
  await row.locator('button.accept').click();
  await page.locator('button.review').click();
  await page.waitForFunction(() => !document.querySelector('button.send').disabled, null, { timeout: 30_000 });
  const activeBefore = (await suite.multiasset.query.activeAssets(u32(1))).data;

  // When: Alice revokes Charlie between the price and the signature, and Bob signs.
  await call(suite.registry, alice, 'revokeProposer', suite.collection.address, charlie.address);
  await page.locator('button.send').click();

  // Then: the batch is refused as a whole, the page says which call and why, nothing changed.
  const result = page.locator('.result.error');
  await result.waitFor({ timeout: 60_000 });
  assert.match(await result.textContent(), /refused the batch \(Contracts\.ContractReverted\).*accept #\d+: ProposerRevoked/);
  assert.deepEqual((await suite.multiasset.query.activeAssets(u32(1))).data, activeBefore);
  assert.equal(await page.locator('button.send').isDisabled(), true, 'checked again before it is sent again');
  await page.screenshot({ path: join(shots, 'desktop-refused.png'), fullPage: true });
  await context.close();
});

test('a proposal the contract refuses is named before anything is signed', async () => {
  // Given: Charlie's proposal to token 1 outlived his grant (the test before revoked it).
  const { page, context } = await openPage();
  await waitForChecks(page);
  const row = pendingRow(page, 1, suite.ids.extra2);
  assert.match(await row.textContent(), /no longer live/);
  const before = wallet.signatures;
  await row.locator('button.accept').click();
  await page.locator('button.review').click();
  await page.locator('.calls li.refused').waitFor();
  assert.match(await page.locator('.calls li.refused .error-name').textContent(), /ProposerRevoked/);
  assert.equal(await page.locator('button.send').isDisabled(), true);
  assert.equal(wallet.signatures, before);
  await context.close();
});

test('on a phone the page fits the screen, and reject-all is priced', async () => {
  const { page, context } = await openPage(pageUrl, { width: 390, height: 844 });
  await waitForChecks(page);
  await token(page, 1).locator('button.reject-all').click();
  await page.locator('button.review').click();
  await page.waitForFunction(() => !document.querySelector('button.send').disabled, null, { timeout: 30_000 });
  assert.match(await page.locator('.calls li.ok').textContent(), /token 1: reject all 2 pending/);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 390, `no sideways scrolling (${width}px)`);
  await page.screenshot({ path: join(shots, 'phone.png'), fullPage: true });
  await context.close();
});

test('on a dev chain a dev account signs in the page, without the wallet', async () => {
  const { page, context, errors } = await openPage();
  await waitForChecks(page);
  const before = wallet.signatures;
  const bobDev = await page.locator('label.account option', { hasText: 'Bob (dev)' }).getAttribute('value');
  await page.locator('label.account select').selectOption(bobDev);
  await waitForChecks(page);
  await pendingRow(page, 1, suite.ids.license).locator('button.reject').click();
  await page.locator('button.review').click();
  await page.waitForFunction(() => !document.querySelector('button.send').disabled, null, { timeout: 30_000 });
  await page.locator('button.send').click();
  await page.locator('.result.ok').waitFor({ timeout: 60_000 });
  assert.equal(wallet.signatures, before, 'the injected wallet was not asked');
  assert.ok(!(await suite.multiasset.query.pendingAssets(u32(1))).data.includes(suite.ids.license), 'rejected');
  assert.deepEqual(errors, []);
  await context.close();
});

test('bad input gets a clear message, never a blank page', async () => {
  const cases = [
    [{ node: node.url, multiasset: 'not-an-address' }, /is not an address/],
    [{ node: node.url, multiasset: suite.accounts.dave.address }, /No contract at/],
    [{ node: node.url, multiasset: suite.registry.address }, /does not answer as this suite/],
    [{ node: 'ws://127.0.0.1:1', multiasset: suite.multiasset.address }, /No node answers/],
  ];
  for (const [params, expected] of cases) {
    const { page, context } = await openPage(`${server.base}/?${new URLSearchParams(params)}`);
    const message = page.locator('.message.error');
    await message.waitFor({ timeout: 20_000 });
    assert.match(await message.textContent(), expected);
    assert.equal(await page.locator('form.settings').count(), 1, 'the form stays to correct it');
    if (expected.source.includes('No node')) await page.screenshot({ path: join(shots, 'node-down.png') });
    await context.close();
  }
});
