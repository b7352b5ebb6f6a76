//! `check`: reads each token's assets from the chain at one block, fetches every mirror and
//! classifies it.

use crate::chain::{self, Chain, ChainError};
use crate::config::Settings;
use crate::fetch::{Fetched, Fetcher, Keep};
use crate::manifest::{self, Manifest};
use crate::select::{self, Selection};
use crate::status::{Health, Status};
use crate::store::{self, Store};
use crate::uri;
use collection::MAX_IDS_PER_QUERY;
use futures::{stream, StreamExt, TryStreamExt};
use ink::primitives::AccountId;
use multiasset::{
    limits::{MAX_PAGE, MAX_TOKENS_PER_QUERY},
    template, AssetEntry,
};
use multiasset_traits::{AssetId, ProposerRegistry};
use openbrush::contracts::{
    ownable::ownable_external::Ownable,
    psp34::{psp34_external::PSP34, Id},
};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;
use std::time::Instant;

/// One asset of one token as the chain shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shown {
    pub asset_id: AssetId,
    /// The priority of an active asset.
    pub priority: Option<u64>,
    /// What a pending asset would replace.
    pub replaces: Option<AssetId>,
    /// Who proposed a pending asset.
    pub proposer: Option<AccountId>,
    /// The uri for this token (a template's `{id}` filled in).
    pub uri: String,
    pub content_hash: Option<[u8; 32]>,
}

/// What the chain shows of one token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenState {
    pub id: Id,
    pub active: Vec<Shown>,
    pub pending: Vec<Shown>,
}

/// One mirror's verdict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MirrorReport {
    pub asset_id: AssetId,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub priority: Option<u64>,
    pub pending: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replaces: Option<AssetId>,
    pub uri: String,
    /// The templated entry's uri, if the asset is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub template: Option<String>,
    pub status: Status,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub detail: String,
    /// Where the verdict was fetched from (a gateway for ipfs, ar and sia).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub via: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TokenReport {
    pub token: String,
    /// Of the active mirrors; pending ones are reported but not counted.
    pub health: Health,
    pub mirrors: Vec<MirrorReport>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Timings {
    pub chain_seconds: f64,
    pub fetch_seconds: f64,
    pub chain_queries: u64,
    pub http_requests: u64,
    /// The process's peak resident memory so far, in KiB (Linux; `None` elsewhere).
    pub peak_rss_kib: Option<u64>,
}

/// The process's peak resident set size (`VmHWM`), in KiB, where the OS tells it.
pub fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// The whole answer of `check`, as `--json` prints it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub multiasset: String,
    pub block: String,
    pub tokens: Vec<TokenReport>,
    /// Mirrors (active and pending) by status.
    pub mirrors: BTreeMap<Status, usize>,
    /// Tokens by health.
    pub health: BTreeMap<&'static str, usize>,
    /// Pending proposals left out: their proposer's grant no longer counts (revoked,
    /// renounced, expired, or made by a former issuer), so no owner can accept them.
    pub lapsed_pending: usize,
    /// What this check stored in the operator's store (`None`: no store).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stored: Option<Stored>,
    pub timings: Timings,
}

impl Report {
    /// Every checked mirror is `ok`.
    pub fn all_ok(&self) -> bool {
        self.mirrors
            .iter()
            .all(|(status, n)| status.is_ok() || *n == 0)
    }
}

/// The report with what it was made from, for `repair`.
pub struct Inspection {
    pub report: Report,
    pub tokens: Vec<TokenState>,
    pub catalog: HashMap<AssetId, AssetEntry>,
}

/// How far a run is, for the progress bar.
pub trait Progress: Sync {
    fn phase(&self, name: &str, total: u64);
    fn advance(&self);
}

/// Reads `selection`'s tokens (with their pending assets if `pending`) and checks every mirror;
/// with a `keeper`, stores a copy of every file that verified.
#[allow(clippy::too_many_arguments)]
pub async fn inspect(
    chain: &Chain,
    multiasset: AccountId,
    settings: &Settings,
    fetcher: &Fetcher,
    selection: &Selection,
    pending: bool,
    keeper: Option<&Keeper>,
    progress: &dyn Progress,
) -> Result<Inspection, ChainError> {
    let started = Instant::now();
    let queries = std::sync::atomic::AtomicU64::new(0);
    let reader = Reader {
        chain,
        multiasset,
        queries: &queries,
        concurrency: settings.chain_concurrency,
    };
    let ids = match selection {
        Selection::Ids(ids) => ids.clone(),
        Selection::All => reader.enumerate(progress).await?,
    };
    progress.phase("reading tokens", ids.len() as u64);
    let mut tokens = reader.tokens(ids, pending, progress).await?;
    let lapsed = reader.lapsed_proposers(&tokens).await?;
    let lapsed_pending = drop_pending_of(&mut tokens, &lapsed);
    let mut asset_ids: Vec<AssetId> = tokens
        .iter()
        .flat_map(|t| t.active.iter().chain(&t.pending).map(|s| s.asset_id))
        .collect();
    asset_ids.sort_unstable();
    asset_ids.dedup();
    let catalog: HashMap<AssetId, AssetEntry> = stream::iter(asset_ids)
        .map(|id| reader.entry(id))
        .buffer_unordered(settings.chain_concurrency)
        .try_filter_map(|found| async move { Ok(found) })
        .try_collect()
        .await?;
    let chain_seconds = started.elapsed().as_secs_f64();

    let started = Instant::now();
    let requests_before = fetcher.requests();
    let verdicts = Verifier {
        fetcher,
        settings,
        catalog: &catalog,
        keeper,
    }
    .verify_all(&tokens, progress)
    .await;
    let fetch_seconds = started.elapsed().as_secs_f64();

    let mut report = assemble(
        &tokens,
        &catalog,
        &verdicts,
        (multiasset, lapsed_pending),
        chain.block(),
        Timings {
            chain_seconds,
            fetch_seconds,
            chain_queries: queries.load(std::sync::atomic::Ordering::Relaxed),
            http_requests: fetcher.requests() - requests_before,
            peak_rss_kib: peak_rss_kib(),
        },
    );
    report.stored = keeper.map(Keeper::tally);
    Ok(Inspection {
        report,
        tokens,
        catalog,
    })
}

struct Reader<'a> {
    chain: &'a Chain,
    multiasset: AccountId,
    queries: &'a std::sync::atomic::AtomicU64,
    concurrency: usize,
}

impl Reader<'_> {
    /// The proposers of `tokens`' pending proposals whose grant no longer counts: none is the
    /// issuer, and the registry says each does not count under it (every one of them when the
    /// collection has no issuer). Nothing is asked when nothing is pending.
    async fn lapsed_proposers(&self, tokens: &[TokenState]) -> Result<Vec<AccountId>, ChainError> {
        let mut proposers: Vec<AccountId> = tokens
            .iter()
            .flat_map(|t| t.pending.iter().filter_map(|s| s.proposer))
            .collect();
        proposers.sort_unstable();
        proposers.dedup();
        if proposers.is_empty() {
            return Ok(proposers);
        }
        let assets = chain::multiasset(self.multiasset);
        let collection = self.query(assets.collection()).await?;
        let registry = self.query(assets.registry()).await?;
        let Some(issuer) = self.query(chain::collection(collection).owner()).await? else {
            return Ok(proposers);
        };
        proposers.retain(|p| *p != issuer);
        let mut lapsed = Vec::new();
        for asked in proposers.chunks(MAX_PROPOSERS_ASKED) {
            let message =
                chain::registry(registry).live_proposers(collection, issuer, asked.to_vec());
            let live = self.query(message).await?;
            if live.len() != asked.len() {
                return Err(ChainError::Refused(
                    "the registry answered for other accounts than asked".into(),
                ));
            }
            lapsed.extend(asked.iter().zip(live).filter(|(_, l)| !l).map(|(a, _)| *a));
        }
        Ok(lapsed)
    }

    async fn query<Args: scale::Encode, R: scale::Decode>(
        &self,
        message: chain::Message<Args, R>,
    ) -> Result<R, ChainError> {
        self.queries
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        self.chain.query(message).await
    }

    /// Every token of the collection, by its enumeration, [`MAX_IDS_PER_QUERY`] at a time (at
    /// most [`MAX_TOKENS_ENUMERATED`]).
    async fn enumerate(&self, progress: &dyn Progress) -> Result<Vec<Id>, ChainError> {
        let collection = self
            .query(chain::multiasset(self.multiasset).collection())
            .await?;
        let supply = self
            .query(chain::collection(collection).total_supply())
            .await?;
        let starts = page_starts(supply)?;
        progress.phase("enumerating tokens", supply as u64);
        let pages: Vec<Vec<Id>> = stream::iter(starts)
            .map(|start| async move {
                let page = self
                    .query(chain::collection(collection).token_ids(start, MAX_IDS_PER_QUERY))
                    .await?
                    .map_err(|e| ChainError::Dispatch(format!("token_ids({start}): {e:?}")))?;
                ensure_page_len(start, page.len())?;
                page.iter().for_each(|_| progress.advance());
                Ok::<_, ChainError>(page)
            })
            .buffered(self.concurrency)
            .try_collect()
            .await?;
        Ok(pages.concat())
    }

    /// What `ids` show, [`MAX_TOKENS_PER_QUERY`] tokens a query (fewer when their assets fill
    /// an answer); a token with more than a page of active assets is read on with
    /// `token_assets`.
    async fn tokens(
        &self,
        ids: Vec<Id>,
        pending: bool,
        progress: &dyn Progress,
    ) -> Result<Vec<TokenState>, ChainError> {
        let chunks: Vec<Vec<Id>> = ids
            .chunks(MAX_TOKENS_PER_QUERY)
            .map(<[Id]>::to_vec)
            .collect();
        let read: Vec<Vec<TokenState>> = stream::iter(chunks)
            .map(|chunk| async move {
                let mut states = Vec::with_capacity(chunk.len());
                let mut rest: &[Id] = &chunk;
                while !rest.is_empty() {
                    let pages = self
                        .query(chain::multiasset(self.multiasset).tokens_assets(rest.to_vec()))
                        .await?
                        .map_err(|e| ChainError::Dispatch(format!("tokens_assets: {e:?}")))?;
                    if pages.is_empty() {
                        return Err(ChainError::Decode("tokens_assets answered no token".into()));
                    }
                    for (id, page) in rest.iter().zip(&pages) {
                        states.push(self.token(id.clone(), page.clone(), pending).await?);
                        progress.advance();
                    }
                    rest = &rest[pages.len().min(rest.len())..];
                }
                Ok::<_, ChainError>(states)
            })
            .buffered(self.concurrency)
            .try_collect()
            .await?;
        Ok(read.concat())
    }

    /// One token's state from the first page of its active assets.
    async fn token(
        &self,
        id: Id,
        first: Vec<multiasset::TokenAsset>,
        pending: bool,
    ) -> Result<TokenState, ChainError> {
        let mut active = Vec::new();
        let mut page = Some(first);
        loop {
            let page = match page.take() {
                Some(page) => page,
                None => self
                    .query(chain::multiasset(self.multiasset).token_assets(
                        id.clone(),
                        active.len() as u32,
                        MAX_PAGE,
                    ))
                    .await?
                    .map_err(|e| ChainError::Dispatch(format!("token_assets: {e:?}")))?,
            };
            let full = page.len() as u32 == MAX_PAGE;
            active.extend(page.into_iter().map(|a| Shown {
                asset_id: a.asset_id,
                priority: Some(a.priority),
                replaces: None,
                proposer: None,
                uri: a.uri,
                content_hash: a.content_hash,
            }));
            if !full {
                break;
            }
        }
        let mut shown_pending = Vec::new();
        if pending {
            let ids = self
                .query(chain::multiasset(self.multiasset).pending_assets(id.clone()))
                .await?;
            for asset_id in ids {
                let proposal = self
                    .query(
                        chain::multiasset(self.multiasset).pending_proposal(id.clone(), asset_id),
                    )
                    .await?;
                let uri = self
                    .query(chain::multiasset(self.multiasset).asset_uri(id.clone(), asset_id))
                    .await?;
                let entry = self.entry(asset_id).await?;
                if let (Some(uri), Some((_, entry))) = (uri, entry) {
                    shown_pending.push(Shown {
                        asset_id,
                        priority: None,
                        replaces: proposal.and_then(|p| p.replaces),
                        proposer: proposal.map(|p| p.proposer),
                        uri,
                        content_hash: entry.content_hash,
                    });
                }
            }
        }
        Ok(TokenState {
            id,
            active,
            pending: shown_pending,
        })
    }

    async fn entry(&self, asset_id: AssetId) -> Result<Option<(AssetId, AssetEntry)>, ChainError> {
        Ok(self
            .query(chain::multiasset(self.multiasset).asset(asset_id))
            .await?
            .map(|entry| (asset_id, entry)))
    }
}

/// What a uri's `SHA256SUMS` check found: the manifest, or the failure every file inherits.
type ManifestVerdict = Result<Arc<Manifest>, Verdict>;

/// One mirror's status, why, and where it was fetched from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    pub status: Status,
    pub detail: String,
    pub via: String,
}

/// What must be fetched to judge one mirror.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Job {
    /// A plain entry: the content at `uri` against `hash`.
    Plain { uri: String, hash: Option<[u8; 32]> },
    /// A templated entry's file for one token: against its line in the template's manifest.
    Templated { template: AssetId, uri: String },
}

struct Verifier<'a> {
    fetcher: &'a Fetcher,
    settings: &'a Settings,
    catalog: &'a HashMap<AssetId, AssetEntry>,
    /// Where verified copies go, if a store is configured.
    keeper: Option<&'a Keeper>,
}

/// Keeps a copy of every verified file in the operator's store ([`crate::store`]): a file not
/// stored yet is spooled to a temporary file as it streams, and stored once its sha256 matched.
pub struct Keeper {
    store: Store,
    spool_dir: std::path::PathBuf,
    spooled: std::sync::atomic::AtomicU64,
    /// Per key, whether this run stored it or found it stored, behind a lock its storing fetch
    /// holds: two mirrors of the same bytes fetched at once store one copy, written once, and a
    /// mirror that fails while holding it leaves the key to one that served the bytes.
    slots: std::sync::Mutex<HashMap<String, Slot>>,
    /// Copies written this run, and the store's failures (the first one's text).
    stored: std::sync::atomic::AtomicU64,
    failures: std::sync::Mutex<(u64, Option<String>)>,
}

impl Keeper {
    /// A keeper for `store`, spooling under the system's temporary directory.
    pub fn new(store: Store) -> Result<Keeper, String> {
        let spool_dir =
            std::env::temp_dir().join(format!("mirrorwatch-spool-{}", std::process::id()));
        std::fs::create_dir_all(&spool_dir)
            .map_err(|e| format!("spool {}: {e}", spool_dir.display()))?;
        Ok(Keeper {
            store,
            spool_dir,
            spooled: Default::default(),
            slots: Default::default(),
            stored: Default::default(),
            failures: Default::default(),
        })
    }

    /// The store the copies go to.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// What this run stored: copies written, failures, the first failure's text.
    pub fn tally(&self) -> Stored {
        let (failed, first) = self.failures.lock().expect("not poisoned").clone();
        Stored {
            written: self.stored.load(std::sync::atomic::Ordering::Relaxed),
            failed,
            first_failure: first,
        }
    }

    /// The slot of `key`, made on first use.
    fn slot(&self, key: &str) -> Slot {
        let mut slots = self.slots.lock().expect("not poisoned");
        slots.entry(key.to_owned()).or_default().clone()
    }

    fn failed(&self, why: String) {
        let mut failures = self.failures.lock().expect("not poisoned");
        failures.0 += 1;
        failures.1.get_or_insert(why);
    }
}

impl Drop for Keeper {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.spool_dir);
    }
}

/// Whether a key is in the store (stored this run, found there, or given up after the store
/// failed), behind the lock of the fetch that is storing it.
type Slot = std::sync::Arc<tokio::sync::Mutex<bool>>;

/// What a check stored in the operator's store.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Stored {
    pub written: u64,
    pub failed: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_failure: Option<String>,
}

/// The templated entry's uri, if `entry` is one.
pub fn template_of(entry: &AssetEntry) -> Option<&str> {
    matches!(template::placeholder(&entry.uri), Ok(Some(_))).then_some(entry.uri.as_str())
}

/// What judging `shown` takes: its templated entry's manifest and line, or its own hash.
fn job(catalog: &HashMap<AssetId, AssetEntry>, shown: &Shown) -> Job {
    match catalog.get(&shown.asset_id).and_then(template_of) {
        Some(_) => Job::Templated {
            template: shown.asset_id,
            uri: shown.uri.clone(),
        },
        None => Job::Plain {
            uri: shown.uri.clone(),
            hash: shown.content_hash,
        },
    }
}

impl Verifier<'_> {
    async fn verify_all(
        &self,
        tokens: &[TokenState],
        progress: &dyn Progress,
    ) -> HashMap<Job, Verdict> {
        let mut jobs: Vec<Job> = tokens
            .iter()
            .flat_map(|t| t.active.iter().chain(&t.pending))
            .map(|shown| job(self.catalog, shown))
            .collect();
        jobs.sort();
        jobs.dedup();
        // Each template's manifest is read for the file names of its jobs only.
        let mut templates: HashMap<AssetId, HashSet<String>> = HashMap::new();
        for job in &jobs {
            if let Job::Templated { template, uri } = job {
                let names = templates.entry(*template).or_default();
                names.insert(manifest::file_name(uri).to_owned());
            }
        }
        progress.phase("fetching mirrors", (templates.len() + jobs.len()) as u64);
        let concurrency = self.settings.limits.concurrency * 2;
        let manifests: HashMap<AssetId, ManifestVerdict> = stream::iter(templates)
            .map(|(template, names)| async move {
                let verdict = self.manifest(template, names).await;
                progress.advance();
                (template, verdict)
            })
            .buffer_unordered(concurrency)
            .collect()
            .await;
        stream::iter(jobs)
            .map(|job| {
                let manifests = &manifests;
                async move {
                    let verdict = match &job {
                        Job::Plain { uri, hash } => self.content(uri, *hash).await,
                        Job::Templated { template, uri } => {
                            self.templated_file(&manifests[template], uri).await
                        }
                    };
                    progress.advance();
                    (job, verdict)
                }
            })
            .buffer_unordered(concurrency)
            .collect()
            .await
    }

    /// Fetches `uri` through its locations until one serves `hash`; else the most telling
    /// failure. `None`: nothing to compare with.
    async fn content(&self, uri: &str, hash: Option<[u8; 32]>) -> Verdict {
        self.content_in(uri, hash, hash).await
    }

    /// [`content`](Self::content), keeping a verified copy under the store's directory of
    /// `directory` (the file's own hash, or its template's `SHA256SUMS`'s).
    async fn content_in(
        &self,
        uri: &str,
        hash: Option<[u8; 32]>,
        directory: Option<[u8; 32]>,
    ) -> Verdict {
        let name = manifest::file_name(uri);
        let (verdict, _) = self
            .fetch_kept(uri, hash, directory, name, Keep::default())
            .await;
        verdict
    }

    /// Fetches `uri` keeping what `keep` asks; with a store, and `hash` and `directory` known,
    /// also a copy under `store::key(directory, name)` unless one is there. While another fetch
    /// of the same key is storing it, this one only verifies; if it verified and the other one
    /// failed, it fetches again and stores.
    async fn fetch_kept(
        &self,
        uri: &str,
        hash: Option<[u8; 32]>,
        directory: Option<[u8; 32]>,
        name: &str,
        keep: Keep,
    ) -> (Verdict, Option<Manifest>) {
        let (Some(keeper), Some(expected), Some(directory)) = (self.keeper, hash, directory) else {
            return self.fetch(uri, hash, &keep).await;
        };
        let key = store::key(&directory, name);
        let slot = keeper.slot(&key);
        if let Ok(mut stored) = slot.try_lock() {
            if *stored {
                return self.fetch(uri, hash, &keep).await;
            }
            return self
                .store(keeper, uri, &expected, &key, keep, &mut stored)
                .await;
        }
        let answer = self.fetch(uri, hash, &keep).await;
        if !answer.0.status.is_ok() {
            return answer;
        }
        let mut stored = slot.lock().await;
        if *stored {
            return answer;
        }
        self.store(keeper, uri, &expected, &key, keep, &mut stored)
            .await
    }

    /// Fetches `uri` through a spool file and, if it served `expected`, stores it under `key`
    /// (unless the store has it); `stored` says afterwards whether the key needs no more work.
    async fn store(
        &self,
        keeper: &Keeper,
        uri: &str,
        expected: &[u8; 32],
        key: &str,
        mut keep: Keep,
        stored: &mut bool,
    ) -> (Verdict, Option<Manifest>) {
        match keeper.store.has(key).await {
            Ok(false) => {}
            Ok(true) => {
                *stored = true;
                return self.fetch(uri, Some(*expected), &keep).await;
            }
            Err(why) => {
                keeper.failed(why);
                *stored = true;
                return self.fetch(uri, Some(*expected), &keep).await;
            }
        }
        let n = keeper
            .spooled
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let spool = keeper.spool_dir.join(n.to_string());
        keep.spool = Some(spool.clone());
        let answer = self.fetch(uri, Some(*expected), &keep).await;
        if answer.0.status.is_ok() {
            // Stored, found stored, or the store failed (counted once; not tried again).
            *stored = true;
            match keeper.store.put(key, &spool, expected).await {
                Ok(true) => {
                    keeper
                        .stored
                        .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                }
                Ok(false) => {}
                Err(why) => keeper.failed(why),
            }
        }
        let _ = tokio::fs::remove_file(&spool).await;
        answer
    }

    async fn fetch(
        &self,
        uri: &str,
        expected: Option<[u8; 32]>,
        keep: &Keep,
    ) -> (Verdict, Option<Manifest>) {
        let locations = match uri::locations(uri, &self.settings.gateways) {
            Ok(locations) => locations,
            Err(why) => {
                return (
                    Verdict {
                        status: Status::BadUri,
                        detail: why,
                        via: String::new(),
                    },
                    None,
                )
            }
        };
        let mut best: Option<Verdict> = None;
        for location in locations {
            let fetched = self.fetcher.fetch(&location, keep).await;
            let verdict = judge(&fetched, expected);
            if verdict.status.is_ok() {
                return (verdict, fetched.manifest);
            }
            if best
                .as_ref()
                .is_none_or(|b| verdict.status.telling() < b.status.telling())
            {
                best = Some(verdict);
            }
        }
        (best.expect("locations is never empty"), None)
    }

    async fn manifest(&self, template: AssetId, names: HashSet<String>) -> ManifestVerdict {
        let entry = &self.catalog[&template];
        self.manifest_of(&entry.uri, entry.content_hash, names)
            .await
    }

    /// The lines for `names` of the `SHA256SUMS` beside templated uri `uri`, checked against
    /// `hash` (the whole manifest is hashed as it streams; only those lines are kept).
    async fn manifest_of(
        &self,
        uri: &str,
        hash: Option<[u8; 32]>,
        names: HashSet<String>,
    ) -> ManifestVerdict {
        let Some(hash) = hash else {
            return Err(Verdict {
                status: Status::NoHash,
                detail: "the templated entry records no hash for its SHA256SUMS".into(),
                via: String::new(),
            });
        };
        let uri = template::manifest_uri(uri);
        let keep = Keep {
            manifest: Some(Some(Arc::new(names))),
            spool: None,
        };
        let (verdict, manifest) = self
            .fetch_kept(&uri, Some(hash), Some(hash), template::MANIFEST, keep)
            .await;
        match manifest {
            Some(mut manifest) if verdict.status.is_ok() => {
                manifest.sha256 = Some(hash);
                Ok(Arc::new(manifest))
            }
            _ => Err(Verdict {
                detail: format!("{}: {}", template::MANIFEST, verdict.detail),
                ..verdict
            }),
        }
    }

    async fn templated_file(&self, manifest: &ManifestVerdict, uri: &str) -> Verdict {
        let manifest = match manifest {
            Ok(manifest) => manifest,
            Err(failed) => return failed.clone(),
        };
        let name = manifest::file_name(uri);
        match manifest.hash_of(name) {
            Some(hash) => self.content_in(uri, Some(hash), manifest.sha256).await,
            None => {
                let served = self.content(uri, None).await;
                Verdict {
                    detail: if served.status == Status::NoHash {
                        format!(
                            "{name} is not listed in {} ({} lines, {} malformed)",
                            template::MANIFEST,
                            manifest.listed,
                            manifest.malformed
                        )
                    } else {
                        served.detail
                    },
                    ..served
                }
            }
        }
    }
}

/// Whether `uri` serves the content `hash` records: what `repair` asks of a new host.
pub async fn verify_content(
    fetcher: &Fetcher,
    settings: &Settings,
    uri: &str,
    hash: Option<[u8; 32]>,
) -> Verdict {
    let catalog = HashMap::new();
    Verifier {
        fetcher,
        settings,
        catalog: &catalog,
        keeper: None,
    }
    .content(uri, hash)
    .await
}

/// Whether templated uri `uri` serves, for each of `ids`, the file its `SHA256SUMS` lists, and
/// that manifest is the one `hash` records: the first failure if not.
pub async fn verify_templated(
    fetcher: &Fetcher,
    settings: &Settings,
    uri: &str,
    hash: Option<[u8; 32]>,
    ids: &[Id],
) -> Result<(), Verdict> {
    let catalog = HashMap::new();
    let verifier = Verifier {
        fetcher,
        settings,
        catalog: &catalog,
        keeper: None,
    };
    let files: Vec<String> = ids
        .iter()
        .map(|id| template::resolve(uri.to_string(), id))
        .collect();
    let names = files
        .iter()
        .map(|file| manifest::file_name(file).to_owned())
        .collect();
    let manifest = verifier.manifest_of(uri, hash, names).await;
    let verdicts: Vec<Verdict> = stream::iter(files)
        .map(|file| {
            let manifest = &manifest;
            let verifier = &verifier;
            async move { verifier.templated_file(manifest, &file).await }
        })
        .buffer_unordered(settings.limits.concurrency)
        .collect()
        .await;
    match verdicts.into_iter().find(|v| !v.status.is_ok()) {
        Some(failed) => Err(failed),
        None => manifest.map(drop),
    }
}

/// The status of what was fetched, against the hash it should have.
fn judge(fetched: &Fetched, expected: Option<[u8; 32]>) -> Verdict {
    let (status, detail) = match (fetched.status, fetched.sha256, expected) {
        (Status::Ok, Some(_), None) => (
            Status::NoHash,
            format!("served {} bytes; the entry records no hash", fetched.bytes),
        ),
        (Status::Ok, Some(got), Some(want)) if got == want => (Status::Ok, String::new()),
        (Status::Ok, Some(got), Some(want)) => (
            Status::Mismatch,
            format!(
                "served {} bytes with sha256 {}…, the chain records {}…",
                fetched.bytes,
                &crate::encoding::hex(&got)[..16],
                &crate::encoding::hex(&want)[..16]
            ),
        ),
        (status, _, _) => (status, fetched.detail.clone()),
    };
    Verdict {
        status,
        detail,
        via: crate::encoding::without_credentials(&fetched.url),
    }
}

fn assemble(
    tokens: &[TokenState],
    catalog: &HashMap<AssetId, AssetEntry>,
    verdicts: &HashMap<Job, Verdict>,
    (multiasset, lapsed_pending): (AccountId, usize),
    block: subxt::utils::H256,
    timings: Timings,
) -> Report {
    let mut mirrors: BTreeMap<Status, usize> = BTreeMap::new();
    let mut health: BTreeMap<&'static str, usize> = BTreeMap::new();
    let reports = tokens
        .iter()
        .map(|token| {
            let mirror = |shown: &Shown, pending: bool| {
                let verdict = &verdicts[&job(catalog, shown)];
                MirrorReport {
                    asset_id: shown.asset_id,
                    priority: shown.priority,
                    pending,
                    replaces: shown.replaces,
                    uri: shown.uri.clone(),
                    template: catalog
                        .get(&shown.asset_id)
                        .and_then(template_of)
                        .map(str::to_owned),
                    status: verdict.status,
                    detail: verdict.detail.clone(),
                    via: verdict.via.clone(),
                }
            };
            let reports: Vec<MirrorReport> = token
                .active
                .iter()
                .map(|s| mirror(s, false))
                .chain(token.pending.iter().map(|s| mirror(s, true)))
                .collect();
            for report in &reports {
                *mirrors.entry(report.status).or_default() += 1;
            }
            let token_health = Health::of(reports.iter().filter(|m| !m.pending).map(|m| m.status));
            *health.entry(token_health.name()).or_default() += 1;
            TokenReport {
                token: select::text(&token.id),
                health: token_health,
                mirrors: reports,
            }
        })
        .collect();
    Report {
        multiasset: crate::encoding::ss58(&multiasset),
        block: format!("{block:?}"),
        tokens: reports,
        mirrors,
        health,
        lapsed_pending,
        stored: None,
        timings,
    }
}

/// Drops from `tokens` the pending proposals of the `lapsed` proposers; returns how many.
pub fn drop_pending_of(tokens: &mut [TokenState], lapsed: &[AccountId]) -> usize {
    let mut dropped = 0;
    for token in tokens {
        let before = token.pending.len();
        token
            .pending
            .retain(|shown| !shown.proposer.is_some_and(|p| lapsed.contains(&p)));
        dropped += before - token.pending.len();
    }
    dropped
}

/// The most proposers one `live_proposers` question names.
pub const MAX_PROPOSERS_ASKED: usize = 64;

/// The most tokens `--tokens all` enumerates: a collection (or a contract posing as one) that
/// reports more is refused, and its tokens are named with `--tokens` instead. The same bound as
/// a range of `--tokens` ([`select::MAX_RANGE`]).
pub const MAX_TOKENS_ENUMERATED: u128 = select::MAX_RANGE;

/// The first index of each `token_ids` page of a collection of `supply` tokens; refused past
/// [`MAX_TOKENS_ENUMERATED`], so that a contract reporting any supply cannot page mirrorwatch
/// forever.
pub fn page_starts(supply: u128) -> Result<Vec<u128>, ChainError> {
    if supply > MAX_TOKENS_ENUMERATED {
        return Err(ChainError::Refused(format!(
            "the collection reports {supply} tokens, more than mirrorwatch enumerates \
             ({MAX_TOKENS_ENUMERATED}); name the tokens with --tokens"
        )));
    }
    Ok((0..supply).step_by(MAX_IDS_PER_QUERY as usize).collect())
}

/// Refuses a `token_ids(start, MAX_IDS_PER_QUERY)` page of `len` ids: more than asked.
pub fn ensure_page_len(start: u128, len: usize) -> Result<(), ChainError> {
    if len > MAX_IDS_PER_QUERY as usize {
        return Err(ChainError::Refused(format!(
            "token_ids({start}, {MAX_IDS_PER_QUERY}) answered {len} ids"
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use sha2::{Digest, Sha256};

    fn served(bytes: &[u8]) -> Fetched {
        Fetched {
            status: Status::Ok,
            sha256: Some(Sha256::digest(bytes).into()),
            manifest: None,
            bytes: bytes.len() as u64,
            detail: String::new(),
            url: "https://host/1.json".into(),
        }
    }

    fn sha(bytes: &[u8]) -> [u8; 32] {
        served(bytes).sha256.unwrap()
    }

    fn pending_by(asset_id: AssetId, proposer: u8) -> Shown {
        Shown {
            asset_id,
            priority: None,
            replaces: Some(1),
            proposer: Some(AccountId::from([proposer; 32])),
            uri: format!("https://host/{asset_id}.json"),
            content_hash: None,
        }
    }

    #[test]
    fn pending_proposals_of_lapsed_proposers_are_left_out_and_counted() {
        let mut tokens = vec![
            TokenState {
                id: Id::U32(1),
                active: Vec::new(),
                pending: vec![pending_by(2, 7), pending_by(3, 8)],
            },
            TokenState {
                id: Id::U32(2),
                active: Vec::new(),
                pending: vec![pending_by(2, 7)],
            },
        ];
        let dropped = drop_pending_of(&mut tokens, &[AccountId::from([7; 32])]);
        assert_eq!(dropped, 2);
        assert_eq!(tokens[0].pending, vec![pending_by(3, 8)]);
        assert!(tokens[1].pending.is_empty());
    }

    #[test]
    fn served_bytes_with_the_recorded_hash_are_ok() {
        let v = judge(&served(b"file"), Some(sha(b"file")));
        assert_eq!(
            (v.status, v.via.as_str()),
            (Status::Ok, "https://host/1.json")
        );
    }

    #[test]
    fn served_bytes_with_another_hash_are_a_mismatch_naming_both() {
        let v = judge(&served(b"swapped"), Some(sha(b"file")));
        assert_eq!(v.status, Status::Mismatch);
        assert!(v
            .detail
            .contains(&crate::encoding::hex(&sha(b"file"))[..16]));
        assert!(v
            .detail
            .contains(&crate::encoding::hex(&sha(b"swapped"))[..16]));
    }

    #[test]
    fn served_bytes_without_a_recorded_hash_are_no_hash() {
        assert_eq!(judge(&served(b"file"), None).status, Status::NoHash);
    }

    #[test]
    fn a_failed_fetch_keeps_its_status_and_detail() {
        let failed = Fetched {
            status: Status::Missing,
            sha256: None,
            detail: "HTTP 404 Not Found".into(),
            ..served(b"")
        };
        let v = judge(&failed, Some(sha(b"file")));
        assert_eq!(
            (v.status, v.detail.as_str()),
            (Status::Missing, "HTTP 404 Not Found")
        );
    }

    #[test]
    fn a_templated_entry_is_one_whose_uri_has_the_placeholder() {
        let entry = |uri: &str| AssetEntry {
            uri: uri.into(),
            content_hash: None,
        };
        assert!(template_of(&entry("https://h/dir/{id}.json")).is_some());
        assert!(template_of(&entry("https://h/dir/1.json")).is_none());
    }

    #[test]
    fn a_collection_is_enumerated_in_pages_of_max_ids_per_query() {
        let starts = page_starts(2 * MAX_IDS_PER_QUERY as u128 + 1).unwrap();
        let page = MAX_IDS_PER_QUERY as u128;
        assert_eq!(starts, vec![0, page, 2 * page]);
        assert_eq!(page_starts(0).unwrap(), Vec::<u128>::new());
    }

    #[test]
    fn a_supply_past_the_enumeration_bound_is_refused_not_paged_forever() {
        let error = page_starts(u128::MAX).unwrap_err().to_string();
        assert_eq!(
            error,
            format!(
                "the contract's answer is refused: the collection reports {} tokens, more than \
                 mirrorwatch enumerates ({MAX_TOKENS_ENUMERATED}); name the tokens with --tokens",
                u128::MAX
            )
        );
        assert!(page_starts(MAX_TOKENS_ENUMERATED).is_ok());
    }

    #[test]
    fn a_page_longer_than_asked_is_refused() {
        let long = ensure_page_len(128, MAX_IDS_PER_QUERY as usize + 1)
            .unwrap_err()
            .to_string();
        assert_eq!(
            long,
            format!(
                "the contract's answer is refused: token_ids(128, {MAX_IDS_PER_QUERY}) answered {} ids",
                MAX_IDS_PER_QUERY + 1
            )
        );
        assert!(ensure_page_len(0, MAX_IDS_PER_QUERY as usize).is_ok());
    }

    #[test]
    fn a_verdict_names_its_location_without_credentials() {
        let mut fetched = served(b"file");
        fetched.url = "http://renter:s3cret@localhost:9980/api/worker/objects/1.json".into();
        let verdict = judge(&fetched, Some(sha(b"file")));
        assert_eq!(
            verdict.via,
            "http://localhost:9980/api/worker/objects/1.json"
        );
    }
}

/// The keeper against local hosts (the test hosts): which mirror's bytes end up stored.
#[cfg(test)]
mod keeper_tests {
    use super::*;
    use crate::config::Overrides;
    use crate::hosts::{Host, Reply};
    use crate::store::{Backend, StoreConfig};
    use sha2::{Digest, Sha256};
    use std::time::Duration;

    const CONTENT: &[u8] = b"{\"name\":\"Mirrors #1\"}";

    fn settings() -> Settings {
        let file = Overrides {
            timeout_secs: Some(5),
            retries: Some(0),
            ..Overrides::default()
        };
        Settings::from_overrides(file, true).unwrap()
    }

    fn keeper(dir: &std::path::Path) -> Keeper {
        let config = StoreConfig {
            backend: Backend::Fs {
                root: dir.display().to_string(),
            },
            public_url: url::Url::parse("https://backup.example/").unwrap(),
            timeout: Duration::from_secs(5),
        };
        Keeper::new(Store::open(&config).unwrap()).unwrap()
    }

    #[tokio::test]
    async fn a_failing_mirror_fetched_first_does_not_keep_a_serving_one_from_storing_its_bytes() {
        // Given: two mirrors of the same file; the first one asked answers late with other bytes.
        let (rugged, honest) = (Host::start().await.unwrap(), Host::start().await.unwrap());
        let swapped = Reply::Stall(Duration::from_millis(300), b"swapped".to_vec());
        rugged.route("/1.json", swapped);
        honest.route("/1.json", Reply::Body(CONTENT.to_vec()));
        let dir = std::env::temp_dir().join(format!("mirrorwatch-keeper-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let (settings, keeper) = (settings(), keeper(&dir));
        let fetcher = Fetcher::new(settings.limits.clone(), Vec::new()).unwrap();
        let catalog = HashMap::new();
        let verifier = Verifier {
            fetcher: &fetcher,
            settings: &settings,
            catalog: &catalog,
            keeper: Some(&keeper),
        };
        let hash: [u8; 32] = Sha256::digest(CONTENT).into();

        // When: both are checked at once, the rugged one first.
        let (first, second) = (rugged.url("/1.json"), honest.url("/1.json"));
        let (bad, good) = futures::join!(
            verifier.content(&first, Some(hash)),
            verifier.content(&second, Some(hash)),
        );

        // Then: the honest mirror's bytes are stored, once.
        assert_eq!((bad.status, good.status), (Status::Mismatch, Status::Ok));
        let stored = std::fs::read(dir.join(store::key(&hash, "1.json")));
        let _ = std::fs::remove_dir_all(&dir);
        assert_eq!(stored.ok().as_deref(), Some(CONTENT));
        assert_eq!(keeper.tally().written, 1);
    }
}
