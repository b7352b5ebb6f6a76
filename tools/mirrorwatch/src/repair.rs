//! `repair`: for each failing mirror with a rehost rule, checks that the new host serves
//! exactly the recorded bytes, then adds the new catalog entries and proposes each one with
//! `replaces` = the failing entry: per asset with `propose_asset_to_many`, collection-wide with
//! `propose_to_collection` for a templated entry. Nothing already pending is proposed again.

use crate::chain::{self, format_amount, Chain, ChainError, Message};
use crate::check::{template_of, Inspection};
use crate::config::Settings;
use crate::fetch::Fetcher;
use crate::select;
use crate::state::{self, Grace, Proposal, State, Streak};
use crate::status::Status;
use crate::store::Store;
use ink::primitives::AccountId;
use multiasset::limits::{
    MAX_BATCH_ID_BYTES, MAX_BATCH_TOKENS, MAX_COLLECTION_PROPOSALS_PER_CALL, MAX_ENTRIES_PER_CALL,
};
use multiasset::{AssetEntry, MultiAssetError};
use multiasset_traits::AssetId;
use openbrush::contracts::psp34::Id;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use subxt_signer::sr25519::Keypair;

/// How many of the newest catalog entries are searched for one a repair can reuse (a run that
/// added entries and stopped before proposing them).
pub const REUSE_WINDOW: u64 = 64;

/// `--rehost OLD=NEW`: a uri starting with `OLD` moves to `NEW` and the rest of the uri.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    pub old: String,
    pub new: String,
}

impl std::str::FromStr for Rule {
    type Err = String;

    fn from_str(text: &str) -> Result<Rule, String> {
        let (old, new) = text
            .split_once('=')
            .ok_or_else(|| format!("{text:?} is not OLD-PREFIX=NEW-PREFIX"))?;
        if old.is_empty() || new.is_empty() || old == new {
            return Err(format!(
                "{text:?}: both prefixes are needed and must differ"
            ));
        }
        Ok(Rule {
            old: old.into(),
            new: new.into(),
        })
    }
}

/// The uri `uri` moves to under the first rule that matches it.
pub fn rehost(uri: &str, rules: &[Rule]) -> Option<String> {
    rules.iter().find_map(|rule| {
        uri.strip_prefix(&rule.old)
            .map(|rest| format!("{}{rest}", rule.new))
    })
}

/// One failing catalog entry and what is done about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Repair {
    /// The failing entry.
    pub asset_id: AssetId,
    pub uri: String,
    pub status: Status,
    /// The tokens it fails on.
    pub tokens: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new_uri: Option<String>,
    pub templated: bool,
    pub outcome: Outcome,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub detail: String,
    /// The entry proposed in its place (known once it exists).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new_asset_id: Option<AssetId>,
    /// The new uri is the operator's store's copy (no `--rehost` rule matched).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub from_store: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    /// Proposed by this run (or, with `--dry-run`, would be).
    Proposed,
    /// Every token it fails on already has the replacement pending.
    AlreadyPending,
    /// Not failing long enough yet (the grace rule, [`crate::state::Grace`]).
    Waiting,
    /// The owners rejected this replacement before; not proposed again without `--force`.
    RejectedBefore,
    /// No `--rehost` rule matches its uri.
    NoRule,
    /// The entry records no hash, so no new host can be verified.
    NoHash,
    /// The new host does not serve the recorded bytes.
    NewHostFails,
}

/// One call `repair` makes (or would make).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Action {
    pub message: String,
    pub arguments: String,
    pub ref_time: u64,
    pub proof_size: u64,
    pub deposit: u128,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fee: Option<u128>,
    /// The fee is estimated with an existing entry standing in for one not added yet.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub estimated_with: Option<AssetId>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub block: Option<String>,
}

impl Action {
    /// A dry run's call whose fee cannot be estimated: its entry does not exist yet and no
    /// existing entry can stand in.
    fn unestimated(message: &str, tokens: usize) -> Action {
        Action {
            message: message.into(),
            arguments: format!("{tokens} token(s), an entry not added yet"),
            ref_time: 0,
            proof_size: 0,
            deposit: 0,
            fee: None,
            estimated_with: None,
            block: None,
        }
    }
}

/// A token the contract refused in a batch proposal: it was dropped from the batch, and the
/// rest of the batch went on without it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RefusedToken {
    pub token: String,
    /// The entry proposed.
    pub asset_id: AssetId,
    /// The contract's error, as its variant prints.
    pub error: String,
}

/// What `repair` did.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RepairReport {
    pub dry_run: bool,
    pub repairs: Vec<Repair>,
    pub actions: Vec<Action>,
    /// Tokens a batch proposal dropped because the contract refused them.
    pub refused: Vec<RefusedToken>,
    /// The sum of the actions' fees.
    pub fee: u128,
    pub fee_text: String,
}

impl RepairReport {
    /// Every failing mirror now has its replacement pending (or would, in a dry run), on every
    /// token.
    pub fn complete(&self) -> bool {
        self.refused.is_empty()
            && self
                .repairs
                .iter()
                .all(|r| matches!(r.outcome, Outcome::Proposed | Outcome::AlreadyPending))
    }
}

/// What `repair` remembers between runs, and how it uses it: a mirror is replaced only after
/// failing as long as `grace` says, and a replacement owners rejected is not proposed again
/// unless `force`.
pub struct Memory<'a> {
    pub state: &'a mut State,
    pub grace: Grace,
    pub force: bool,
    /// This run's time (unix seconds).
    pub now: u64,
}

/// What `repair` knows of the past when it plans, read from the state database once: how long
/// each failing mirror has failed, which replacements owners rejected, and the rule to weigh
/// them by. [`plan`] asks it and nothing else, so a plan is a pure function.
#[derive(Debug, Clone)]
pub struct Recall {
    /// (token, entry) → how long that active mirror has failed.
    pub streaks: HashMap<(String, AssetId), Streak>,
    /// (token or `None` for collection-wide, replaced entry, new uri) of rejected proposals.
    pub rejected: HashSet<(Option<String>, AssetId, String)>,
    pub grace: Grace,
    pub force: bool,
    /// This run's time (unix seconds).
    pub now: u64,
}

impl Recall {
    /// What `memory` remembers of `multiasset` for the failing mirrors of `inspection`.
    pub fn load(
        memory: &Memory<'_>,
        multiasset: &str,
        inspection: &Inspection,
    ) -> Result<Recall, RepairError> {
        let state = |e: state::StateError| RepairError::State(e.to_string());
        let mut streaks = HashMap::new();
        for (old, failing) in failing_entries(inspection) {
            for (id, _) in failing {
                let token = select::text(&id);
                let streak = memory
                    .state
                    .streak(multiasset, &token, old)
                    .map_err(state)?;
                streaks.insert((token, old), streak);
            }
        }
        let rejected = memory
            .state
            .proposals(multiasset)
            .map_err(state)?
            .into_iter()
            .filter(|p| p.outcome == state::Outcome::Rejected)
            .map(|p| (p.token, p.replaces, p.uri))
            .collect();
        Ok(Recall {
            streaks,
            rejected,
            grace: memory.grace,
            force: memory.force,
            now: memory.now,
        })
    }

    /// Of `failing` (tokens and how each fails), those the grace rule lets `repair` replace
    /// entry `old` on now, and the longest streak of those it does not.
    fn ready(&self, old: AssetId, failing: &[(Id, Status)]) -> (Vec<Id>, Option<Streak>) {
        let mut ready = Vec::new();
        let mut waiting: Option<Streak> = None;
        for (id, status) in failing {
            let streak = self
                .streaks
                .get(&(select::text(id), old))
                .copied()
                .unwrap_or_default();
            if self.grace.allows(*status, streak, self.now) {
                ready.push(id.clone());
            } else if waiting.is_none_or(|w| streak.checks > w.checks) {
                waiting = Some(streak);
            }
        }
        (ready, waiting)
    }

    /// Whether owners rejected `new_uri` in `old`'s place on `token` (`None`: collection-wide),
    /// and this run does not force it.
    fn refuses(&self, token: Option<&Id>, old: AssetId, new_uri: &str) -> bool {
        !self.force
            && self
                .rejected
                .contains(&(token.map(select::text), old, new_uri.to_string()))
    }

    /// What a repair waiting for the grace rule says: how long it has failed, of how long.
    fn waiting_detail(&self, streak: Streak) -> String {
        let failing_for = streak
            .since
            .map_or(0, |since| self.now.saturating_sub(since));
        format!(
            "failing in {} of {} checks, for {} s of {} s (the grace rule; a mismatch is repaired \
             at once)",
            streak.checks, self.grace.checks, failing_for, self.grace.seconds
        )
    }
}

/// A refusal or a chain failure: nothing after it was tried.
#[derive(Debug)]
pub enum RepairError {
    /// The contract refused a call; names its error variant.
    Refused {
        message: &'static str,
        error: MultiAssetError,
    },
    Chain(ChainError),
    /// The state database failed.
    State(String),
}

impl std::fmt::Display for RepairError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RepairError::Refused { message, error } => {
                write!(f, "the contract refused {message}: {error:?}")
            }
            RepairError::Chain(e) => e.fmt(f),
            RepairError::State(e) => write!(f, "state database: {e}"),
        }
    }
}

impl std::error::Error for RepairError {}

impl From<ChainError> for RepairError {
    fn from(error: ChainError) -> Self {
        RepairError::Chain(error)
    }
}

/// A repair that will propose, once its new host is verified: the entry to propose and to whom.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Planned {
    /// Its repair's place in the report.
    pub index: usize,
    pub old: AssetId,
    pub new_uri: String,
    pub hash: Option<[u8; 32]>,
    pub templated: bool,
    /// The tokens it is proposed to.
    pub tokens: Vec<Id>,
    /// The tokens the failing entry fails on: whose files a templated host must serve.
    pub checked: Vec<Id>,
    /// An entry with the new uri and hash that exists already.
    pub existing: Option<AssetId>,
}

/// Works out ([`plan`]), verifies ([`crate::verify`]) and (unless `dry_run`) carries out the
/// repairs of what `inspection` found; with `memory`, under the grace rule and remembered.
#[allow(clippy::too_many_arguments)]
pub async fn repair(
    chain: &mut Chain,
    multiasset: AccountId,
    settings: &Settings,
    fetcher: &Fetcher,
    inspection: &Inspection,
    rules: &[Rule],
    signer: &Keypair,
    dry_run: bool,
    mut memory: Option<Memory<'_>>,
    store: Option<&Store>,
) -> Result<RepairReport, RepairError> {
    let collection_wide = chain
        .query(chain::multiasset(multiasset).collection_proposals())
        .await?;
    let ss58 = crate::encoding::ss58(&multiasset);
    let recall = match memory.as_mut() {
        None => None,
        Some(memory) => {
            let open: Vec<AssetId> = collection_wide.iter().map(|p| p.asset_id).collect();
            memory
                .state
                .note_outcomes(&ss58, &inspection.tokens, Some(&open), memory.now)
                .map_err(|e| RepairError::State(e.to_string()))?;
            Some(Recall::load(memory, &ss58, inspection)?)
        }
    };
    let stored = match store {
        Some(store) => copies(store, inspection, rules).await?,
        None => HashMap::new(),
    };
    let (mut repairs, candidates) = plan(
        inspection,
        &collection_wide,
        rules,
        recall.as_ref(),
        &stored,
    );
    let mut planned = crate::verify::verify(fetcher, settings, &mut repairs, candidates).await;
    let total = chain
        .query(chain::multiasset(multiasset).total_assets())
        .await?;
    reuse_recent_entries(chain, multiasset, total, &mut planned).await?;

    let mut run = Run {
        chain,
        multiasset,
        signer,
        dry_run,
        actions: Vec::new(),
        refused: Vec::new(),
    };
    let ids = run.add_entries(&planned).await?;
    for (plan, id) in planned.iter().zip(&ids) {
        repairs[plan.index].new_asset_id = id.existing();
    }
    let stand_in = stand_in(inspection, &collection_wide, &planned, total);
    for (plan, id) in planned.iter().zip(&ids) {
        if !plan.templated {
            run.propose_to_tokens(plan, *id, stand_in).await?;
        }
    }
    let wide: Vec<(AssetId, NewId)> = planned
        .iter()
        .zip(&ids)
        .filter(|(plan, _)| plan.templated)
        .map(|(plan, id)| (plan.old, *id))
        .collect();
    run.propose_to_collection(&wide, stand_in).await?;
    if let Some(memory) = memory.as_mut().filter(|_| !dry_run) {
        remember(memory, &ss58, &planned, &ids, &run.refused)?;
    }

    let currency = run.chain.currency().await;
    let fee = run.actions.iter().filter_map(|a| a.fee).sum();
    Ok(RepairReport {
        dry_run,
        repairs,
        fee,
        fee_text: format_amount(fee, &currency),
        actions: run.actions,
        refused: run.refused,
    })
}

/// Remembers the proposals this run made: per token for a plain entry (but the tokens the
/// contract refused), once for a templated one.
fn remember(
    memory: &mut Memory<'_>,
    multiasset: &str,
    planned: &[Planned],
    ids: &[NewId],
    refused: &[RefusedToken],
) -> Result<(), RepairError> {
    for (plan, id) in planned.iter().zip(ids) {
        let Some(asset_id) = id.existing() else {
            continue;
        };
        let tokens: Vec<Option<String>> = if plan.templated {
            vec![None]
        } else {
            plan.tokens
                .iter()
                .map(select::text)
                .filter(|t| {
                    !refused
                        .iter()
                        .any(|r| &r.token == t && r.asset_id == asset_id)
                })
                .map(Some)
                .collect()
        };
        for token in tokens {
            let proposal = Proposal {
                at: memory.now,
                token,
                replaces: plan.old,
                asset_id,
                uri: plan.new_uri.clone(),
                outcome: state::Outcome::Pending,
                decided_at: None,
            };
            memory
                .state
                .record_proposal(multiasset, memory.now, &proposal)
                .map_err(|e| RepairError::State(e.to_string()))?;
        }
    }
    Ok(())
}

/// The public uri of the store's copy of each failing entry of `inspection` that no rule
/// re-hosts: a plain entry's bytes (under any name: a copy a sibling mirror left counts), a
/// templated entry's directory (its `SHA256SUMS` stored, the template's last segment kept).
async fn copies(
    store: &Store,
    inspection: &Inspection,
    rules: &[Rule],
) -> Result<HashMap<AssetId, String>, RepairError> {
    let mut found = HashMap::new();
    for old in failing_entries(inspection).into_keys() {
        let entry = &inspection.catalog[&old];
        let (Some(hash), None) = (entry.content_hash, rehost(&entry.uri, rules)) else {
            continue;
        };
        let copy = if template_of(entry).is_some() {
            let manifest = crate::store::key(&hash, multiasset::template::MANIFEST);
            let stored = store.has(&manifest).await.map_err(RepairError::State)?;
            let file = entry.uri.rsplit('/').next().unwrap_or_default();
            stored.then(|| store.public_url(&crate::store::key(&hash, file)))
        } else {
            store
                .copy_of(&hash)
                .await
                .map_err(RepairError::State)?
                .map(|key| store.public_url(&key))
        };
        if let Some(copy) = copy {
            found.insert(old, copy);
        }
    }
    Ok(found)
}

/// What to do about each failing entry of `inspection`, without asking anyone: the repairs
/// that end here (no rule, no hash, already pending, waiting for the grace rule, rejected
/// before) and the candidates whose new host [`crate::verify`] must check before they are
/// proposed. `collection_wide` are the open collection-wide proposals; `recall`, what the state
/// database remembers (none: no grace rule, nothing rejected); `stored`, the public uri of the
/// store's copy of failing entries (by entry), used where no `--rehost` rule matches.
pub fn plan(
    inspection: &Inspection,
    collection_wide: &[multiasset::CollectionProposal],
    rules: &[Rule],
    recall: Option<&Recall>,
    stored: &HashMap<AssetId, String>,
) -> (Vec<Repair>, Vec<Planned>) {
    let mut repairs = Vec::new();
    let mut candidates = Vec::new();
    for (old, failing) in failing_entries(inspection) {
        let entry = &inspection.catalog[&old];
        let templated = template_of(entry).is_some();
        let mut repair = Repair {
            asset_id: old,
            uri: entry.uri.clone(),
            status: failing[0].1,
            tokens: failing.iter().map(|(id, _)| select::text(id)).collect(),
            new_uri: None,
            templated,
            outcome: Outcome::NoRule,
            detail: String::new(),
            new_asset_id: None,
            from_store: false,
        };
        let new_uri = match rehost(&entry.uri, rules) {
            Some(new_uri) => new_uri,
            None => match stored.get(&old) {
                Some(copy) => {
                    repair.from_store = true;
                    copy.clone()
                }
                None => {
                    repairs.push(repair);
                    continue;
                }
            },
        };
        repair.new_uri = Some(new_uri.clone());
        if entry.content_hash.is_none() {
            repair.outcome = Outcome::NoHash;
            repairs.push(repair);
            continue;
        }
        // Idempotence: what is already proposed in the failing entry's place.
        let replaced_by = |asset: AssetId| {
            inspection
                .catalog
                .get(&asset)
                .is_some_and(|e| e.uri == new_uri && e.content_hash == entry.content_hash)
        };
        let mut tokens: Vec<Id> = if templated {
            match collection_wide
                .iter()
                .find(|p| p.replaces == Some(old) && replaced_by(p.asset_id))
            {
                Some(_) => Vec::new(),
                None => failing.iter().map(|(id, _)| id.clone()).collect(),
            }
        } else {
            failing
                .iter()
                .map(|(id, _)| id.clone())
                .filter(|id| {
                    let state = inspection.tokens.iter().find(|t| &t.id == id);
                    !state.is_some_and(|t| {
                        t.pending
                            .iter()
                            .any(|p| p.replaces == Some(old) && replaced_by(p.asset_id))
                    })
                })
                .collect()
        };
        if tokens.is_empty() {
            repair.outcome = Outcome::AlreadyPending;
            repairs.push(repair);
            continue;
        }
        if let Some(recall) = recall {
            let (ready, waiting) = recall.ready(old, &failing);
            let mut rejected = false;
            tokens.retain(|id| {
                let allowed = templated || ready.contains(id);
                let refused = allowed && recall.refuses((!templated).then_some(id), old, &new_uri);
                rejected |= refused;
                allowed && !refused
            });
            if templated && ready.is_empty() {
                tokens.clear();
            }
            if tokens.is_empty() {
                (repair.outcome, repair.detail) = match (rejected, waiting) {
                    (true, _) => (
                        Outcome::RejectedBefore,
                        "the owners rejected this replacement; --force proposes it again".into(),
                    ),
                    (false, Some(streak)) => (Outcome::Waiting, recall.waiting_detail(streak)),
                    (false, None) => (Outcome::Waiting, String::new()),
                };
                repairs.push(repair);
                continue;
            }
        }
        let existing = inspection
            .catalog
            .iter()
            .find(|(_, e)| e.uri == new_uri && e.content_hash == entry.content_hash)
            .map(|(id, _)| *id);
        candidates.push(Planned {
            index: repairs.len(),
            old,
            new_uri,
            hash: entry.content_hash,
            templated,
            tokens,
            checked: failing.into_iter().map(|(id, _)| id).collect(),
            existing,
        });
        repair.outcome = Outcome::Proposed;
        repairs.push(repair);
    }
    (repairs, candidates)
}

/// The failing active mirrors, by catalog entry: which tokens, and how it fails.
fn failing_entries(inspection: &Inspection) -> BTreeMap<AssetId, Vec<(Id, Status)>> {
    let mut failing: BTreeMap<AssetId, Vec<(Id, Status)>> = BTreeMap::new();
    for (state, report) in inspection.tokens.iter().zip(&inspection.report.tokens) {
        for mirror in report.mirrors.iter().filter(|m| !m.pending) {
            if !mirror.status.is_ok() {
                failing
                    .entry(mirror.asset_id)
                    .or_default()
                    .push((state.id.clone(), mirror.status));
            }
        }
    }
    failing
}

/// Entries a planned repair can reuse among the newest [`REUSE_WINDOW`] of the catalog.
async fn reuse_recent_entries(
    chain: &Chain,
    multiasset: AccountId,
    total: AssetId,
    planned: &mut [Planned],
) -> Result<(), ChainError> {
    if planned.iter().all(|p| p.existing.is_some()) {
        return Ok(());
    }
    for id in (total.saturating_sub(REUSE_WINDOW) + 1..=total).rev() {
        let Some(AssetEntry { uri, content_hash }) =
            chain.query(chain::multiasset(multiasset).asset(id)).await?
        else {
            continue;
        };
        for plan in planned.iter_mut().filter(|p| p.existing.is_none()) {
            if plan.new_uri == uri && plan.hash == content_hash {
                plan.existing = Some(id);
            }
        }
    }
    Ok(())
}

/// The entry a planned repair proposes: one that exists, or one this run adds (a dry run does
/// not add it, so it has no id yet).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NewId {
    Existing(AssetId),
    /// Not added yet (a dry run).
    ToAdd,
}

impl NewId {
    fn existing(self) -> Option<AssetId> {
        match self {
            NewId::Existing(id) => Some(id),
            NewId::ToAdd => None,
        }
    }
}

/// For a dry run's fee estimate of a proposal whose entry is not added yet: an existing entry
/// that no inspected token has and that no collection-wide proposal names, so the same call
/// with it runs the same checks and writes.
fn stand_in(
    inspection: &Inspection,
    collection_wide: &[multiasset::CollectionProposal],
    planned: &[Planned],
    total: AssetId,
) -> Option<AssetId> {
    let taken: BTreeSet<AssetId> = inspection
        .tokens
        .iter()
        .flat_map(|t| t.active.iter().chain(&t.pending).map(|s| s.asset_id))
        .chain(collection_wide.iter().map(|p| p.asset_id))
        .chain(planned.iter().map(|p| p.old))
        .collect();
    (1..=total).rev().find(|id| !taken.contains(id))
}

struct Run<'a> {
    chain: &'a mut Chain,
    multiasset: AccountId,
    signer: &'a Keypair,
    dry_run: bool,
    actions: Vec<Action>,
    refused: Vec<RefusedToken>,
}

impl Run<'_> {
    /// Dry-runs `message`; unless this is a dry run (or `estimated_with` is set), submits it.
    /// A refusal is an error naming the contract's variant.
    async fn call<Args: scale::Encode, T: scale::Decode + Clone>(
        &mut self,
        name: &'static str,
        arguments: String,
        message: Message<Args, Result<T, MultiAssetError>>,
        estimated_with: Option<AssetId>,
    ) -> Result<Option<chain::Submitted>, RepairError> {
        let call = chain::encode(message);
        let origin = crate::encoding::account32(&chain::account_of(self.signer));
        let dry = self.chain.dry_run(&origin, &call).await?;
        if let Err(error) = &dry.value {
            return Err(RepairError::Refused {
                message: name,
                error: error.clone(),
            });
        }
        let fee = self.chain.fee(self.signer, &call, &dry).await?;
        let submitted = if self.dry_run || estimated_with.is_some() {
            None
        } else {
            let submitted = self.chain.submit(self.signer, &call, &dry).await?;
            self.chain.refresh().await?;
            Some(submitted)
        };
        self.actions.push(Action {
            message: name.into(),
            arguments,
            ref_time: dry.ref_time,
            proof_size: dry.proof_size,
            deposit: dry.deposit,
            fee: Some(fee),
            estimated_with,
            block: submitted.as_ref().map(|s| format!("{:?}", s.block)),
        });
        Ok(submitted)
    }

    /// Adds the entries planned repairs need; their ids, in plan order.
    async fn add_entries(&mut self, planned: &[Planned]) -> Result<Vec<NewId>, RepairError> {
        let mut ids: Vec<NewId> = planned
            .iter()
            .map(|p| p.existing.map_or(NewId::ToAdd, NewId::Existing))
            .collect();
        let missing: Vec<usize> = (0..planned.len())
            .filter(|i| ids[*i] == NewId::ToAdd)
            .collect();
        for chunk in missing.chunks(MAX_ENTRIES_PER_CALL) {
            let entries: Vec<(String, Option<[u8; 32]>)> = chunk
                .iter()
                .map(|i| (planned[*i].new_uri.clone(), planned[*i].hash))
                .collect();
            let arguments = entries
                .iter()
                .map(|(uri, _)| uri.as_str())
                .collect::<Vec<_>>()
                .join(", ");
            let message = chain::multiasset(self.multiasset).add_asset_entries(entries);
            let submitted = self
                .call("add_asset_entries", arguments, message, None)
                .await?;
            if let Some(submitted) = submitted {
                let added = added_ids(&submitted)?;
                for (i, id) in chunk.iter().zip(added) {
                    ids[*i] = NewId::Existing(id);
                }
            }
        }
        Ok(ids)
    }

    async fn propose_to_tokens(
        &mut self,
        plan: &Planned,
        id: NewId,
        stand_in: Option<AssetId>,
    ) -> Result<(), RepairError> {
        let (asset, estimated_with) = match (id, stand_in) {
            (NewId::Existing(id), _) => (id, None),
            (NewId::ToAdd, Some(stand_in)) => (stand_in, Some(stand_in)),
            (NewId::ToAdd, None) => {
                self.actions.push(Action::unestimated(
                    "propose_asset_to_many",
                    plan.tokens.len(),
                ));
                return Ok(());
            }
        };
        for batch in batches(&plan.tokens) {
            let mut batch = batch.to_vec();
            // A token the contract refuses (its pending list full, the entry pending there
            // already, …) is dropped and the rest of the batch goes on; the report names it.
            while !batch.is_empty() {
                let arguments = format!(
                    "{} token{} [{}], #{asset}, replaces #{}",
                    batch.len(),
                    if batch.len() == 1 { "" } else { "s" },
                    batch
                        .iter()
                        .map(select::text)
                        .collect::<Vec<_>>()
                        .join(", "),
                    plan.old
                );
                let message = chain::multiasset(self.multiasset).propose_asset_to_many(
                    batch.clone(),
                    asset,
                    Some(plan.old),
                );
                match self
                    .call("propose_asset_to_many", arguments, message, estimated_with)
                    .await
                {
                    Err(RepairError::Refused { message, error }) => {
                        let Some(token) = refusing_token(&error).filter(|t| batch.contains(t))
                        else {
                            return Err(RepairError::Refused { message, error });
                        };
                        let token = token.clone();
                        batch.retain(|t| *t != token);
                        self.refused.push(RefusedToken {
                            token: select::text(&token),
                            asset_id: asset,
                            error: format!("{error:?}"),
                        });
                    }
                    done => {
                        done?;
                        break;
                    }
                }
            }
        }
        Ok(())
    }

    async fn propose_to_collection(
        &mut self,
        wide: &[(AssetId, NewId)],
        stand_in: Option<AssetId>,
    ) -> Result<(), RepairError> {
        for chunk in wide.chunks(MAX_COLLECTION_PROPOSALS_PER_CALL) {
            let estimated_with = chunk
                .iter()
                .any(|(_, id)| *id == NewId::ToAdd)
                .then_some(stand_in)
                .flatten();
            let proposals: Vec<(AssetId, Option<AssetId>)> = chunk
                .iter()
                .filter_map(|(old, id)| Some((id.existing().or(estimated_with)?, Some(*old))))
                .collect();
            // A stand-in can stand for one new entry of the call: estimate that call alone.
            let proposals = if estimated_with.is_some() {
                proposals.into_iter().take(1).collect()
            } else {
                proposals
            };
            if proposals.is_empty() {
                continue;
            }
            let arguments = proposals
                .iter()
                .map(|(asset, replaces)| format!("#{asset} replaces #{}", replaces.unwrap_or(0)))
                .collect::<Vec<_>>()
                .join(", ");
            let message = chain::multiasset(self.multiasset).propose_to_collection(proposals);
            self.call("propose_to_collection", arguments, message, estimated_with)
                .await?;
        }
        Ok(())
    }
}

/// The token a batch proposal's refusal names, when the refusal is that token's alone (its own
/// state keeps it from taking the proposal) and the rest of the batch may go on without it.
pub fn refusing_token(error: &MultiAssetError) -> Option<&Id> {
    match error {
        MultiAssetError::AssetAlreadyPending { token_id }
        | MultiAssetError::AssetAlreadyActive { token_id }
        | MultiAssetError::TooManyPendingAssets { token_id }
        | MultiAssetError::ReplacedAssetNotActive { token_id }
        | MultiAssetError::TokenBurnt { token_id } => Some(token_id),
        _ => None,
    }
}

/// `tokens` in batches `propose_asset_to_many` takes: at most [`MAX_BATCH_TOKENS`] tokens and
/// [`MAX_BATCH_ID_BYTES`] bytes of encoded ids each.
pub fn batches(tokens: &[Id]) -> Vec<&[Id]> {
    let mut out = Vec::new();
    let mut start = 0;
    while start < tokens.len() {
        let mut end = start;
        let mut bytes = 5; // the Vec's compact length, at most
        while end < tokens.len()
            && end - start < MAX_BATCH_TOKENS
            && bytes + scale::Encode::encoded_size(&tokens[end]) <= MAX_BATCH_ID_BYTES
        {
            bytes += scale::Encode::encoded_size(&tokens[end]);
            end += 1;
        }
        out.push(&tokens[start..end.max(start + 1)]);
        start = end.max(start + 1);
    }
    out
}

/// The ids of the entries a submitted `add_asset_entries` added, from its events.
fn added_ids(submitted: &chain::Submitted) -> Result<Vec<AssetId>, ChainError> {
    type Event = <multiasset::MultiAsset as ink::reflect::ContractEventBase>::Type;
    submitted
        .emitted
        .iter()
        .map(|data| {
            <Event as scale::Decode>::decode(&mut &data[..])
                .map_err(|e| ChainError::Decode(format!("event: {e}")))
        })
        .filter_map(|event| match event {
            Ok(Event::AssetEntryAdded(added)) => Some(Ok(added.asset_id)),
            Ok(_) => None,
            Err(e) => Some(Err(e)),
        })
        .collect()
}

/// The report for people.
pub fn text(report: &RepairReport) -> String {
    let mut out = String::new();
    for r in &report.repairs {
        let what = match r.outcome {
            Outcome::Proposed if report.dry_run => "would propose".to_string(),
            Outcome::Proposed => match r.new_asset_id {
                Some(id) => format!("proposed #{id}"),
                None => "proposed".to_string(),
            },
            Outcome::AlreadyPending => "already pending".into(),
            Outcome::Waiting => format!("waiting: {}", r.detail),
            Outcome::RejectedBefore => format!("not proposed: {}", r.detail),
            Outcome::NoRule => "no --rehost rule matches".into(),
            Outcome::NoHash => "not repaired: the entry records no hash to verify against".into(),
            Outcome::NewHostFails => format!(
                "not repaired: the new host fails ({})",
                crate::encoding::printable(&r.detail)
            ),
        };
        out.push_str(&format!(
            "#{} {} ({}, {} token{}{}): {what}",
            r.asset_id,
            crate::encoding::printable(&r.uri),
            r.status,
            r.tokens.len(),
            if r.tokens.len() == 1 { "" } else { "s" },
            if r.templated { ", templated" } else { "" },
        ));
        if let Some(new_uri) = &r.new_uri {
            out.push_str(&format!(" -> {}", crate::encoding::printable(new_uri)));
        }
        out.push('\n');
    }
    for a in &report.actions {
        let done = match (&a.block, a.estimated_with, a.fee) {
            (Some(block), _, _) => format!("in block {block}"),
            (None, Some(id), _) => format!("fee estimated with entry #{id} standing in"),
            (None, None, Some(_)) => "dry run".into(),
            (None, None, None) => "fee unknown until the entry exists".into(),
        };
        out.push_str(&format!(
            "{}({}): ref_time {}, proof_size {}, deposit {}, fee {}; {done}\n",
            a.message,
            a.arguments,
            a.ref_time,
            a.proof_size,
            a.deposit,
            a.fee.unwrap_or_default(),
        ));
    }
    for r in &report.refused {
        out.push_str(&format!(
            "token {} refused #{}: {}; dropped from its batch, the rest went on\n",
            crate::encoding::printable(&r.token),
            r.asset_id,
            r.error
        ));
    }
    out.push_str(&format!(
        "{}: {} call{}, fee {}\n",
        if report.dry_run { "dry run" } else { "repair" },
        report.actions.len(),
        if report.actions.len() == 1 { "" } else { "s" },
        report.fee_text
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{MirrorReport, Report, Shown, TokenReport, TokenState};
    use crate::status::Health;

    const OLD: AssetId = 1;
    const NEW_URI: &str = "https://new.example/1.json";

    /// Tokens 1 and 2 showing entry 1 (`https://old.example/1.json`, with a hash unless
    /// `hashless`) failing as `status`; entry 5 (the new uri) pending on `pending_on`.
    fn inspection(status: Status, hashless: bool, pending_on: &[u32]) -> Inspection {
        let hash = (!hashless).then_some([7; 32]);
        let catalog = HashMap::from([
            (
                OLD,
                AssetEntry {
                    uri: "https://old.example/1.json".into(),
                    content_hash: hash,
                },
            ),
            (
                5,
                AssetEntry {
                    uri: NEW_URI.into(),
                    content_hash: hash,
                },
            ),
        ]);
        let shown = |asset_id, replaces, uri: &str| Shown {
            asset_id,
            priority: None,
            replaces,
            proposer: None,
            uri: uri.into(),
            content_hash: hash,
        };
        let tokens: Vec<TokenState> = [1, 2]
            .map(|n| TokenState {
                id: Id::U32(n),
                active: vec![shown(OLD, None, "https://old.example/1.json")],
                pending: if pending_on.contains(&n) {
                    vec![shown(5, Some(OLD), NEW_URI)]
                } else {
                    vec![]
                },
            })
            .to_vec();
        let reports = tokens
            .iter()
            .map(|t| TokenReport {
                token: select::text(&t.id),
                health: Health::Lost,
                mirrors: vec![MirrorReport {
                    asset_id: OLD,
                    priority: Some(0),
                    pending: false,
                    replaces: None,
                    uri: "https://old.example/1.json".into(),
                    template: None,
                    status,
                    detail: String::new(),
                    via: String::new(),
                }],
            })
            .collect();
        Inspection {
            report: Report {
                multiasset: "5F…".into(),
                block: "0x00".into(),
                tokens: reports,
                mirrors: Default::default(),
                health: Default::default(),
                lapsed_pending: 0,
                stored: None,
                timings: Default::default(),
            },
            tokens,
            catalog,
        }
    }

    fn rules() -> Vec<Rule> {
        vec!["https://old.example/=https://new.example/".parse().unwrap()]
    }

    /// A recall where every failing mirror has failed `checks` times since `since`.
    fn recall(checks: u32, since: u64, rejected_on: &[u32]) -> Recall {
        let streaks = [1, 2]
            .map(|n| {
                let streak = Streak {
                    checks,
                    since: Some(since),
                };
                ((n.to_string(), OLD), streak)
            })
            .into_iter()
            .collect();
        let rejected = rejected_on
            .iter()
            .map(|n| (Some(n.to_string()), OLD, NEW_URI.to_string()))
            .collect();
        Recall {
            streaks,
            rejected,
            grace: state::DEFAULT_GRACE,
            force: false,
            now: 100_000,
        }
    }

    fn outcome(plan: &(Vec<Repair>, Vec<Planned>)) -> Outcome {
        plan.0[0].outcome
    }

    #[test]
    fn a_failing_entry_without_a_rule_or_a_hash_is_not_repaired() {
        let plan = plan(
            &inspection(Status::Missing, false, &[]),
            &[],
            &[],
            None,
            &HashMap::new(),
        );
        assert_eq!((outcome(&plan), plan.1.len()), (Outcome::NoRule, 0));
        let plan = plan_of(&inspection(Status::Missing, true, &[]), None);
        assert_eq!((outcome(&plan), plan.1.len()), (Outcome::NoHash, 0));
    }

    fn plan_of(inspection: &Inspection, recall: Option<&Recall>) -> (Vec<Repair>, Vec<Planned>) {
        plan(inspection, &[], &rules(), recall, &HashMap::new())
    }

    #[test]
    fn without_a_rule_the_stores_copy_is_the_new_host() {
        let copy = "https://backup.example/sha256/07/1.json".to_string();
        let stored = HashMap::from([(OLD, copy.clone())]);
        let plan = plan(
            &inspection(Status::Missing, false, &[]),
            &[],
            &[],
            None,
            &stored,
        );
        assert_eq!(outcome(&plan), Outcome::Proposed);
        assert!(plan.0[0].from_store);
        assert_eq!(plan.1[0].new_uri, copy);
    }

    #[test]
    fn a_matching_rule_makes_a_candidate_for_the_tokens_without_it_pending() {
        let plan = plan_of(&inspection(Status::Missing, false, &[2]), None);
        assert_eq!(outcome(&plan), Outcome::Proposed);
        assert_eq!(plan.1[0].tokens, vec![Id::U32(1)]);
        assert_eq!(plan.1[0].existing, Some(5));
        let plan = plan_of(&inspection(Status::Missing, false, &[1, 2]), None);
        assert_eq!((outcome(&plan), plan.1.len()), (Outcome::AlreadyPending, 0));
    }

    #[test]
    fn a_dead_host_waits_for_the_grace_rule_but_a_rug_does_not() {
        let young = recall(1, 99_000, &[]);
        let plan = plan_of(&inspection(Status::Missing, false, &[]), Some(&young));
        assert_eq!((outcome(&plan), plan.1.len()), (Outcome::Waiting, 0));
        assert!(
            plan.0[0].detail.contains("1 of 3 checks"),
            "{}",
            plan.0[0].detail
        );
        let plan = plan_of(&inspection(Status::Mismatch, false, &[]), Some(&young));
        assert_eq!(outcome(&plan), Outcome::Proposed);
        let old_enough = recall(3, 0, &[]);
        let plan = plan_of(&inspection(Status::Missing, false, &[]), Some(&old_enough));
        assert_eq!(plan.1[0].tokens, vec![Id::U32(1), Id::U32(2)]);
    }

    #[test]
    fn a_replacement_owners_rejected_is_not_proposed_again_unless_forced() {
        let both = recall(3, 0, &[1, 2]);
        let plan = plan_of(&inspection(Status::Missing, false, &[]), Some(&both));
        assert_eq!((outcome(&plan), plan.1.len()), (Outcome::RejectedBefore, 0));
        let one = recall(3, 0, &[1]);
        let plan = plan_of(&inspection(Status::Missing, false, &[]), Some(&one));
        assert_eq!(plan.1[0].tokens, vec![Id::U32(2)]);
        let forced = Recall {
            force: true,
            ..both
        };
        let plan = plan_of(&inspection(Status::Missing, false, &[]), Some(&forced));
        assert_eq!(plan.1[0].tokens, vec![Id::U32(1), Id::U32(2)]);
    }

    #[test]
    fn a_rule_moves_the_prefix_and_keeps_the_rest() {
        let rules: Vec<Rule> = ["https://old.example/=https://new.example/files/"]
            .iter()
            .map(|r| r.parse().unwrap())
            .collect();
        assert_eq!(
            rehost("https://old.example/nft/{id}.json", &rules),
            Some("https://new.example/files/nft/{id}.json".into())
        );
        assert_eq!(rehost("ipfs://cid/1.json", &rules), None);
    }

    #[test]
    fn the_first_matching_rule_wins() {
        let rules: Vec<Rule> = ["https://a/x/=https://b/", "https://a/=https://c/"]
            .iter()
            .map(|r| r.parse().unwrap())
            .collect();
        assert_eq!(rehost("https://a/x/1", &rules), Some("https://b/1".into()));
        assert_eq!(
            rehost("https://a/y/1", &rules),
            Some("https://c/y/1".into())
        );
    }

    #[test]
    fn malformed_rules_are_refused() {
        let refusals = [
            ("https://a/", "\"https://a/\" is not OLD-PREFIX=NEW-PREFIX"),
            (
                "=https://b/",
                "\"=https://b/\": both prefixes are needed and must differ",
            ),
            (
                "https://a/=",
                "\"https://a/=\": both prefixes are needed and must differ",
            ),
            (
                "https://a/=https://a/",
                "\"https://a/=https://a/\": both prefixes are needed and must differ",
            ),
        ];
        for (bad, why) in refusals {
            assert_eq!(bad.parse::<Rule>(), Err(why.to_string()), "{bad}");
        }
    }

    #[test]
    fn a_refusal_naming_a_token_of_its_own_state_drops_that_token() {
        let token = Id::U32(2);
        for error in [
            MultiAssetError::AssetAlreadyPending {
                token_id: token.clone(),
            },
            MultiAssetError::TooManyPendingAssets {
                token_id: token.clone(),
            },
            MultiAssetError::ReplacedAssetNotActive {
                token_id: token.clone(),
            },
        ] {
            assert_eq!(refusing_token(&error), Some(&token), "{error:?}");
        }
    }

    #[test]
    fn a_refusal_of_the_whole_call_drops_no_token() {
        for error in [
            MultiAssetError::NotIssuerOrProposer,
            MultiAssetError::AssetNotFound { asset_id: 3 },
            MultiAssetError::RegistryCallFailed,
        ] {
            assert_eq!(refusing_token(&error), None, "{error:?}");
        }
    }

    #[test]
    fn batches_stay_within_the_contracts_caps() {
        let tokens: Vec<Id> = (0..(MAX_BATCH_TOKENS as u32 * 2 + 1))
            .map(Id::U32)
            .collect();
        let sizes: Vec<usize> = batches(&tokens).iter().map(|b| b.len()).collect();
        assert_eq!(sizes, [MAX_BATCH_TOKENS, MAX_BATCH_TOKENS, 1]);
        let long: Vec<Id> = (0..40u8).map(|i| Id::Bytes(vec![i; 500])).collect();
        for batch in batches(&long) {
            assert!(scale::Encode::encoded_size(&batch.to_vec()) <= MAX_BATCH_ID_BYTES);
        }
    }
}
