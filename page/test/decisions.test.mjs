// The owner's decisions turned into calls, and the page's text helpers: under Node, no chain.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatAmount, plan } from '../src/decisions.js';
import { errorName, idLabel } from '../src/format.js';

const t1 = { type: 'U32', value: 1 };
const t2 = { type: 'U32', value: 2 };

test('one accept or reject is one call; several on a token are one call each way', () => {
  const calls = plan([
    { kind: 'accept', tokenId: t1, assetId: 6n },
    { kind: 'reject', tokenId: t2, assetId: 8n },
    { kind: 'reject', tokenId: t2, assetId: 9n },
  ]);
  assert.deepEqual(calls.map((c) => [c.message, c.args]), [
    ['acceptAsset', [t1, 6n]],
    ['rejectAssets', [t2, [8n, 9n]]],
  ]);
});

test('priorities go before the accepts of their token, which would renumber the active assets', () => {
  const calls = plan([
    { kind: 'accept', tokenId: t1, assetId: 6n },
    { kind: 'priorities', tokenId: t1, priorities: [0n, 2n, 1n] },
  ]);
  assert.deepEqual(calls.map((c) => c.message), ['setPriority', 'acceptAsset']);
});

test('unfollowing goes first and following last, one call per direction for every token', () => {
  const calls = plan([
    { kind: 'follow', tokenId: t1, follow: true },
    { kind: 'accept', tokenId: t2, assetId: 7n },
    { kind: 'follow', tokenId: t2, follow: false },
    { kind: 'follow', tokenId: { type: 'U32', value: 3 }, follow: true },
  ]);
  assert.deepEqual(calls.map((c) => [c.message, c.args.length === 2 ? c.args[1] : null]), [
    ['setFollowsCollection', false],
    ['acceptAsset', 7n],
    ['setFollowsCollection', true],
  ]);
  assert.deepEqual(calls[2].args[0], [t1, { type: 'U32', value: 3 }]);
});

test('reject-all names how many proposals the owner saw', () => {
  const [call] = plan([{ kind: 'rejectAll', tokenId: t1, count: 3 }]);
  assert.deepEqual([call.message, call.args], ['rejectAllAssets', [t1, 3]]);
});

test('no decision, no call', () => {
  assert.deepEqual(plan([]), []);
});

test('contract errors read by name, a token id in them is not an error', () => {
  assert.equal(errorName({ type: 'ProposerRevoked' }), 'ProposerRevoked');
  assert.equal(errorName({ type: 'AssetNotPending', value: { type: 'U32', value: 1 } }), 'AssetNotPending');
  assert.equal(errorName({ type: 'PSP34Error', value: { type: 'NotApproved' } }), 'PSP34Error(NotApproved)');
});

test('amounts and ids read as people write them', () => {
  assert.equal(formatAmount(11_028_000_000n, 12, 'UNIT'), '0.011028 UNIT');
  assert.equal(formatAmount(2_000_000_000_000n, 12, 'UNIT'), '2 UNIT');
  assert.equal(idLabel({ type: 'Bytes', value: '0x00ff' }), '0x00ff');
  assert.equal(idLabel({ type: 'Bytes', value: [0, 255] }), '0x00ff');
  assert.equal(idLabel({ type: 'U128', value: 340282366920938463463374607431768211455n }), '340282366920938463463374607431768211455');
});
