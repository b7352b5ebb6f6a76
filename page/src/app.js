// The owner's page: the connected account's tokens, every mirror's health (checked here, against
// the sha256 the chain records), pending and collection-wide proposals, and the owner's
// decisions sent as one utility.batchAll with one signature.
import { html, nothing, render } from 'lit-html';
import { PageError, Suite, connect, inFlight, isDevChain } from './chain.js';
import { idKey, idLabel, shortAddress } from './format.js';
import { batch, dispatchText, dryRun, fee, formatAmount, plan, send } from './decisions.js';
import { DEFAULT_GATEWAYS, checkMirror, locations, resolve } from './reader.js';
import { devAccounts, extensionAccounts, signingAs } from './wallet.js';

const STORAGE_KEY = 'ink-multiasset-page';
const PARAMS = ['node', 'multiasset', 'collection', 'ipfs', 'ar', 'sia'];
/** Mirrors checked at once in the browser. */
const CHECKS_IN_FLIGHT = 8;

const VERDICT_TEXT = {
  ok: 'ok',
  mismatch: 'mismatch (rugged)',
  missing: 'missing',
  unreachable: 'unreachable',
  'too-large': 'too large',
  'no-hash': 'no hash recorded',
  cors: 'unreadable here (CORS)',
  'bad-uri': 'bad uri',
  checking: 'checking…',
};

const state = {
  settings: readSettings(),
  phase: 'idle', // idle | connecting | loading | ready | failed
  message: null, // { kind: 'error' | 'info' | 'ok', text }
  client: null,
  suite: null,
  chain: null, // { decimals, symbol }
  accounts: [],
  refused: [],
  account: null,
  issuer: null,
  tokens: [], // token views
  wide: [], // open collection-wide proposals
  live: new Map(),
  verdicts: new Map(), // `${tokenKey}/${assetId}` → verdict
  images: new Map(), // tokenKey → { url, name, via }
  decisions: new Map(), // key → decision
  review: null, // { calls, fee, feeText, ok }
  sending: false,
  result: null,
  run: 0, // which load of the tokens is current
};

function readSettings() {
  const query = new URLSearchParams(globalThis.location?.search ?? '');
  let saved = {};
  try {
    saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}');
  } catch {
    saved = {};
  }
  const settings = {};
  for (const key of PARAMS) settings[key] = query.get(key) ?? saved[key] ?? '';
  if (!settings.node) settings.node = 'ws://127.0.0.1:9944';
  // The account to show first: `?account=` (make page names Bob's), else the one used last.
  settings.account = query.get('account') ?? saved.account ?? '';
  return settings;
}

function saveSettings() {
  state.settings.account = state.account?.address ?? state.settings.account;
  localStorage.setItem(STORAGE_KEY, JSON.stringify(state.settings));
  const query = new URLSearchParams();
  for (const key of [...PARAMS, 'account']) if (state.settings[key]) query.set(key, state.settings[key]);
  history.replaceState(null, '', `?${query}`);
}

function gateways() {
  const list = (text, fallback) => (text ? text.split(',').map((s) => s.trim()).filter(Boolean) : fallback);
  return {
    ipfs: list(state.settings.ipfs, DEFAULT_GATEWAYS.ipfs),
    arweave: list(state.settings.ar, DEFAULT_GATEWAYS.arweave),
    sia: list(state.settings.sia, DEFAULT_GATEWAYS.sia),
  };
}

function say(kind, text) {
  state.message = { kind, text };
  update();
}

// ---- connecting and loading -------------------------------------------------------------

async function connectAndLoad() {
  state.phase = 'connecting';
  state.message = null;
  state.tokens = [];
  state.decisions.clear();
  state.review = null;
  state.result = null;
  update();
  try {
    if (state.client) await state.client.disconnect().catch(() => {});
    state.client = null;
    const client = await connect(state.settings.node);
    state.client = client;
    const suite = await Suite.open(client, state.settings);
    state.suite = suite;
    state.settings.collection = suite.collection.address;
    const dev = await isDevChain(client);
    const props = await client.rpc.system_properties();
    state.chain = {
      decimals: Number([props.tokenDecimals].flat()[0] ?? 12),
      symbol: String([props.tokenSymbol].flat()[0] ?? 'UNIT'),
    };
    const { accounts, refused } = await extensionAccounts();
    state.accounts = [...accounts, ...(dev ? await devAccounts() : [])];
    state.refused = refused;
    if (state.accounts.length === 0) {
      throw new PageError('No account: install or unlock a wallet (polkadot.js extension, SubWallet, Talisman) and allow this page.');
    }
    state.account = state.accounts.find((a) => a.address === state.settings.account) ?? state.accounts[0];
    saveSettings();
    await loadTokens();
  } catch (error) {
    state.phase = 'failed';
    say('error', error instanceof PageError ? error.message : `Something failed: ${error.message ?? error}`);
  }
}

/** Reads the account's tokens and checks their mirrors; says what failed instead of stopping. */
async function loadTokens(options = {}) {
  try {
    await readTokens(options);
  } catch (error) {
    state.phase = 'failed';
    say('error', error instanceof PageError ? error.message : `Reading the chain failed: ${error.message ?? error}`);
  }
}

async function readTokens({ keepResult = false }) {
  const { suite, account } = state;
  const run = ++state.run;
  state.phase = 'loading';
  state.message = null;
  if (!keepResult) state.result = null;
  state.decisions.clear();
  state.review = null;
  state.images.clear();
  // What tests and benchmarks wait for: set again when this load's checks are done.
  delete document.body.dataset.checked;
  update();
  const started = performance.now();
  const [ids, issuer, wide] = await Promise.all([
    suite.tokensOf(account.address), suite.issuer(), suite.collectionProposals(),
  ]);
  const tokens = await inFlight(ids.map((id) => () => suite.token(id)), 8);
  const wideIds = new Set(wide.map((p) => String(p.assetId)));
  for (const token of tokens) {
    for (const p of token.pending) p.collectionWide = wideIds.has(String(p.assetId));
  }
  const proposers = [...tokens.flatMap((t) => t.pending.map((p) => p.proposer)), ...wide.map((p) => p.proposer)].filter(Boolean);
  const live = await suite.liveProposers(proposers, issuer);
  if (run !== state.run) return; // another account or load since: its view wins
  state.live = live;
  state.issuer = issuer;
  state.wide = wide;
  state.tokens = tokens;
  state.phase = 'ready';
  document.body.dataset.listedMs = String(Math.round(performance.now() - started));
  update();
  await checkMirrors(run);
}

/** Checks every mirror of the listed tokens, 8 at a time; a newer load (`state.run`) stops it. */
async function checkMirrors(run) {
  if (!globalThis.crypto?.subtle) {
    // Browsers give WebCrypto to secure contexts only: nothing can be hashed here.
    say('error', 'Mirrors cannot be checked here: serve this page over https (or open it from localhost), where the browser gives it WebCrypto to hash what hosts serve.');
    return;
  }
  const options = { gateways: gateways(), manifests: new Map() };
  const verdicts = new Map();
  state.verdicts = verdicts;
  const jobs = [];
  for (const token of state.tokens) {
    for (const mirror of [...token.active, ...token.pending]) {
      const key = `${idKey(token.id)}/${mirror.assetId}`;
      const shown = token.active.includes(mirror);
      verdicts.set(key, { status: 'checking' });
      jobs.push(async () => {
        if (run !== state.run) return;
        const verdict = await checkMirror(mirror, token.id, options)
          .catch((error) => ({ status: 'bad-uri', uri: mirror.uri, url: null, detail: String(error?.message ?? error) }));
        // Only an active mirror's bytes are read again (the token's name and image); keep no other.
        if (!shown) delete verdict.bytes;
        verdicts.set(key, verdict);
        update();
      });
    }
  }
  update();
  const started = performance.now();
  await inFlight(jobs, CHECKS_IN_FLIGHT);
  if (run !== state.run) return;
  document.body.dataset.checkedMs = String(Math.round(performance.now() - started));
  document.body.dataset.checked = String(jobs.length);
  for (const token of state.tokens) showImage(token);
  for (const verdict of state.verdicts.values()) delete verdict.bytes;
  update();
}

/** The token's image: the `image` of its first verified active asset's JSON, if it has one. */
function showImage(token) {
  const first = token.active.find((a) => state.verdicts.get(`${idKey(token.id)}/${a.assetId}`)?.status === 'ok');
  if (!first) return;
  const verdict = state.verdicts.get(`${idKey(token.id)}/${first.assetId}`);
  try {
    const json = JSON.parse(new TextDecoder().decode(verdict.bytes));
    const url = json.image ? locations(String(json.image), gateways())[0] : null;
    state.images.set(idKey(token.id), { url, name: json.name ? String(json.name) : null, via: verdict.url, assetId: first.assetId });
  } catch {
    state.images.set(idKey(token.id), { url: null, name: null, via: verdict.url, assetId: first.assetId });
  }
}

// ---- decisions ---------------------------------------------------------------------------

function decide(key, decision) {
  if (decision === null) state.decisions.delete(key);
  else state.decisions.set(key, decision);
  state.review = null;
  state.result = null;
  update();
}

function toggle(token, assetId, kind) {
  const key = `${kind === 'accept' || kind === 'reject' ? 'pick' : kind}/${idKey(token.id)}/${assetId}`;
  const current = state.decisions.get(key);
  decide(key, current?.kind === kind ? null : { kind, tokenId: token.id, assetId });
}

function move(token, assetId, step) {
  const key = `priorities/${idKey(token.id)}`;
  const order = currentOrder(token);
  const at = order.indexOf(String(assetId));
  const to = at + step;
  if (to < 0 || to >= order.length) return;
  [order[at], order[to]] = [order[to], order[at]];
  const unchanged = order.join() === token.active.map((a) => String(a.assetId)).join();
  if (unchanged) {
    decide(key, null);
    return;
  }
  // set_priority numbers the active assets in position order: rank in the new order.
  const priorities = token.positions.map((id) => BigInt(order.indexOf(String(id))));
  state.decisions.set(key, { kind: 'priorities', tokenId: token.id, priorities, order });
  state.review = null;
  state.result = null;
  update();
}

function currentOrder(token) {
  const decided = state.decisions.get(`priorities/${idKey(token.id)}`);
  return decided ? [...decided.order] : token.active.map((a) => String(a.assetId));
}

function setFollow(token, follow) {
  const key = `follow/${idKey(token.id)}`;
  decide(key, follow === token.follows ? null : { kind: 'follow', tokenId: token.id, follow });
}

function rejectAll(token) {
  const key = `rejectAll/${idKey(token.id)}`;
  if (state.decisions.has(key)) {
    decide(key, null);
    return;
  }
  for (const p of token.pending) state.decisions.delete(`pick/${idKey(token.id)}/${p.assetId}`);
  decide(key, { kind: 'rejectAll', tokenId: token.id, count: token.pending.length });
}

async function reviewDecisions() {
  const owner = state.account.address;
  const calls = plan([...state.decisions.values()]);
  state.review = { calls: calls.map((c) => ({ ...c, checking: true })), ok: false, feeText: '…' };
  update();
  const checked = await dryRun(state.suite.multiasset, calls, owner);
  const ok = checked.every((c) => c.ok);
  state.review = { calls: checked, ok, feeText: ok ? '…' : '—' };
  update();
  if (!ok) return;
  try {
    const tx = batch(state.client, state.suite.multiasset, checked);
    const amount = await fee(tx, owner);
    state.review = { ...state.review, fee: amount, feeText: formatAmount(amount, state.chain.decimals, state.chain.symbol) };
  } catch (error) {
    state.review = { ...state.review, ok: false, feeText: `cannot price: ${dispatchText(error)}` };
  }
  update();
}

async function signAndSend() {
  const { review } = state;
  if (!review?.ok || state.sending) return;
  state.sending = true;
  state.result = null;
  update();
  const { from, signer } = signingAs(state.account);
  try {
    const tx = batch(state.client, state.suite.multiasset, review.calls);
    const sent = await send(tx, from, signer);
    if (!sent.ok) {
      // The batch reverted as a whole: ask each call again to name what refused it.
      const again = await dryRun(state.suite.multiasset, review.calls, state.account.address);
      const named = again.filter((c) => !c.ok).map((c) => `${c.label}: ${c.error}`);
      state.result = { kind: 'error', text: `The chain refused the batch (${chainError(sent.error)}); nothing changed.${named.length ? ` ${named.join('; ')}` : ''}` };
      // What was checked no longer holds: check again before signing again.
      state.review = null;
    } else {
      state.result = { kind: 'ok', text: `Sent in one signature: ${review.calls.length} call${review.calls.length > 1 ? 's' : ''} in block ${String(sent.blockHash).slice(0, 10)}…; the page below is read back from the chain.` };
    }
  } catch (error) {
    const text = String(error?.message ?? error);
    state.result = /cancel|reject|refuse|denied/i.test(text)
      ? { kind: 'error', text: `The signature was refused in the wallet (${text}); nothing was sent.` }
      : { kind: 'error', text: `Sending failed: ${text}` };
  }
  state.sending = false;
  update();
  if (state.result.kind === 'ok') await loadTokens({ keepResult: true });
}

/** A dispatch error by pallet and name (`Contracts.ContractReverted`), as the chain's metadata names it. */
function chainError(error) {
  try {
    const meta = state.client.registry.findErrorMeta(error);
    if (meta) return `${meta.pallet}.${meta.name}`;
  } catch {
    // Not a module error: say what kind it is.
  }
  return error?.type ?? 'dispatch error';
}

// ---- views -------------------------------------------------------------------------------

function verdictBadge(token, assetId) {
  const v = state.verdicts.get(`${idKey(token.id)}/${assetId}`) ?? { status: 'checking' };
  return html`<span class="verdict ${v.status}" data-verdict=${v.status} title=${v.detail ?? ''}>${VERDICT_TEXT[v.status] ?? v.status}</span>`;
}

function proposerCell(address) {
  if (!address) return nothing;
  const live = state.live.get(address);
  const who = address === state.issuer ? 'issuer' : shortAddress(address);
  return html`<span class="who" title=${address}>${who}</span>
    ${live ? html`<span class="tag live">live</span>` : html`<span class="tag lapsed" title="no longer allowed to propose: accepting it fails">no longer live</span>`}`;
}

function tokenCard(token) {
  const key = idKey(token.id);
  const image = state.images.get(key);
  const order = currentOrder(token);
  const byId = new Map(token.active.map((a) => [String(a.assetId), a]));
  const reordered = state.decisions.has(`priorities/${key}`);
  const followDecision = state.decisions.get(`follow/${key}`);
  const follows = followDecision ? followDecision.follow : token.follows;
  const rejectingAll = state.decisions.has(`rejectAll/${key}`);
  return html`<article class="token" data-token=${idLabel(token.id)}>
    <header>
      <div class="thumb">${image?.url ? html`<img src=${image.url} alt=${image.name ?? `token ${idLabel(token.id)}`} referrerpolicy="no-referrer" @error=${(e) => e.target.replaceWith(`#${idLabel(token.id)}`)}>` : html`<span>#${idLabel(token.id)}</span>`}</div>
      <div>
        <h2>Token ${idLabel(token.id)}${image?.name ? html` · <span class="name">${image.name}</span>` : nothing}</h2>
        <p class="shown">${image ? html`Shows asset #${image.assetId}, verified from <span class="uri">${image.via}</span>` : html`No verified copy yet`}</p>
      </div>
    </header>
    <h3>Active mirrors, by priority ${reordered ? html`<span class="tag change">reordered</span>` : nothing}</h3>
    ${order.length === 0 ? html`<p class="empty">No active asset.</p>` : html`<ol class="mirrors">
      ${order.map((id, rank) => {
        const a = byId.get(id);
        return html`<li data-asset=${id}>
          <span class="rank">${rank + 1}</span>
          <span class="uri" title=${a.uri}>${resolve(a.uri, token.id)}</span>
          ${verdictBadge(token, a.assetId)}
          <span class="moves">
            <button class="up" aria-label="move #${id} up" ?disabled=${rank === 0} @click=${() => move(token, a.assetId, -1)}>▲</button>
            <button class="down" aria-label="move #${id} down" ?disabled=${rank === order.length - 1} @click=${() => move(token, a.assetId, 1)}>▼</button>
          </span>
        </li>`;
      })}</ol>`}
    <h3>Pending proposals (${token.pending.length})</h3>
    ${token.pending.length === 0 ? html`<p class="empty">Nothing waits for you.</p>` : html`<ul class="pending">
      ${token.pending.map((p) => {
        const pick = state.decisions.get(`pick/${key}/${p.assetId}`)?.kind;
        // A follower takes collection-wide proposals only; unfollowing in the same batch frees it
        // (the batch unfollows first), and a token that starts following accepts before it does.
        const held = token.follows && followDecision?.follow !== false && !p.collectionWide;
        return html`<li data-asset=${String(p.assetId)} class=${pick ?? (rejectingAll ? 'reject' : '')}>
          <div class="line"><span class="id">#${String(p.assetId)}</span><span class="uri" title=${p.uri}>${resolve(p.uri, token.id)}</span>${verdictBadge(token, p.assetId)}</div>
          <div class="line meta">
            by ${proposerCell(p.proposer)}
            ${p.replaces !== null ? html`<span class="tag">replaces #${String(p.replaces)}</span>` : html`<span class="tag">adds</span>`}
            ${p.collectionWide ? html`<span class="tag wide">collection-wide</span>` : nothing}
            ${held ? html`<span class="tag">follower: unfollow to accept</span>` : nothing}
            <span class="choices">
              <button class="accept ${pick === 'accept' ? 'on' : ''}" ?disabled=${rejectingAll || held} title=${held ? 'This token follows the collection: unfollow it to accept a proposal made to it alone' : ''} @click=${() => toggle(token, p.assetId, 'accept')}>Accept</button>
              <button class="reject ${pick === 'reject' ? 'on' : ''}" ?disabled=${rejectingAll} @click=${() => toggle(token, p.assetId, 'reject')}>Reject</button>
            </span>
          </div>
        </li>`;
      })}</ul>
      <button class="reject-all ${rejectingAll ? 'on' : ''}" @click=${() => rejectAll(token)}>Reject all ${token.pending.length}</button>`}
    <label class="follow"><input type="checkbox" .checked=${follows} @change=${(e) => setFollow(token, e.target.checked)}>
      Follow the collection (take its collection-wide proposals as they come)${followDecision ? html` <span class="tag change">changed</span>` : nothing}</label>
  </article>`;
}

function decisionsPanel() {
  const count = state.decisions.size;
  if (count === 0 && !state.result) return nothing;
  const review = state.review;
  return html`<section class="decisions" aria-label="your decisions">
    ${state.result ? html`<p class="result ${state.result.kind}" role="status">${state.result.text}</p>` : nothing}
    ${count > 0 ? html`
      <h2>${count} decision${count > 1 ? 's' : ''}, one signature</h2>
      ${review ? html`<ol class="calls">${review.calls.map((c) => html`<li class=${c.checking ? '' : c.ok ? 'ok' : 'refused'}>
          ${c.label}${c.checking ? ' …' : c.ok ? nothing : html` — <strong class="error-name">${c.error}</strong>`}</li>`)}</ol>
        <p class="fee">Fee for the one batch (dry run): <strong>${review.feeText}</strong></p>` : nothing}
      <div class="actions">
        <button class="review" @click=${reviewDecisions}>Check and price</button>
        <button class="send primary" ?disabled=${!review?.ok || review?.fee === undefined || state.sending} @click=${signAndSend}>
          ${state.sending ? 'Waiting for the wallet and the chain…' : 'Sign once and send'}</button>
        <button class="clear" @click=${() => { state.decisions.clear(); state.review = null; update(); }}>Clear</button>
      </div>` : nothing}
  </section>`;
}

function settingsForm() {
  const field = (key, label, placeholder) => html`<label>${label}
    <input name=${key} .value=${state.settings[key] ?? ''} placeholder=${placeholder}
      @change=${(e) => { state.settings[key] = e.target.value.trim(); }}></label>`;
  return html`<form class="settings" @submit=${(e) => { e.preventDefault(); connectAndLoad(); }}>
    ${field('node', 'Node', 'ws://127.0.0.1:9944')}
    ${field('multiasset', 'Multi-asset contract', '5…')}
    ${field('collection', 'Collection (optional)', 'read from the multi-asset contract')}
    <details><summary>Gateways</summary>
      ${field('ipfs', 'IPFS path gateways', DEFAULT_GATEWAYS.ipfs.join(', '))}
      ${field('ar', 'Arweave gateways', DEFAULT_GATEWAYS.arweave.join(', '))}
      ${field('sia', 'Sia (renterd) gateways', 'none')}
    </details>
    <button class="primary" type="submit" ?disabled=${state.phase === 'connecting' || state.phase === 'loading'}>Connect</button>
  </form>`;
}

function accountPicker() {
  if (state.accounts.length === 0) return nothing;
  return html`<label class="account">Account
    <select @change=${(e) => { state.account = state.accounts[Number(e.target.value)]; saveSettings(); loadTokens(); }}>
      ${state.accounts.map((a, i) => html`<option value=${i} ?selected=${a === state.account}>${a.name} · ${shortAddress(a.address)} (${a.source})</option>`)}
    </select></label>`;
}

function summary() {
  if (state.phase !== 'ready') return nothing;
  const counts = {};
  for (const v of state.verdicts.values()) counts[v.status] = (counts[v.status] ?? 0) + 1;
  const pending = state.tokens.reduce((n, t) => n + t.pending.length, 0);
  return html`<p class="summary">${state.tokens.length} token${state.tokens.length === 1 ? '' : 's'} of ${shortAddress(state.account.address)} ·
    ${pending} pending · mirrors: ${Object.entries(counts).map(([s, n]) => html`<span class="verdict ${s}">${n} ${VERDICT_TEXT[s] ?? s}</span> `)}
    ${state.wide.length ? html` · ${state.wide.length} open collection-wide proposal${state.wide.length > 1 ? 's' : ''}` : nothing}</p>`;
}

function view() {
  return html`
    <header class="top">
      <h1>Your NFTs' mirrors</h1>
      <p>Every mirror is fetched here and checked against the sha256 the chain records. Decide on proposals and send every decision with one signature.</p>
      ${settingsForm()}
      ${accountPicker()}
    </header>
    ${state.message ? html`<p class="message ${state.message.kind}" role="alert">${state.message.text}</p>` : nothing}
    ${state.refused.length ? html`<p class="message info">Wallets that did not answer: ${state.refused.join('; ')}</p>` : nothing}
    ${state.phase === 'connecting' ? html`<p class="busy">Connecting…</p>` : nothing}
    ${state.phase === 'loading' ? html`<p class="busy">Reading your tokens…</p>` : nothing}
    ${summary()}
    ${state.phase === 'ready' && state.tokens.length === 0 ? html`<p class="empty">${state.account.name} owns no token of this collection.</p>` : nothing}
    <main class="tokens">${state.phase === 'ready' ? state.tokens.map(tokenCard) : nothing}</main>
    ${state.phase === 'ready' ? decisionsPanel() : nothing}`;
}

function update() {
  render(view(), document.getElementById('app'));
}

update();
if (state.settings.multiasset) connectAndLoad();
