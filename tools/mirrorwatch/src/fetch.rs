//! Fetching a location with every limit an operator needs: a size cap, connect and total
//! timeouts, at most [`MAX_REDIRECTS`] redirects, bounded concurrency overall and per host,
//! retries with backoff, and no private addresses unless allowed. Bytes stream through sha256;
//! of a manifest only the lines asked for are kept ([`Keep`], [`manifest::Reader`]), so its
//! memory does not grow with its size.

use crate::manifest::{self, Manifest};
use crate::policy::{
    ensure_allowed, hop_is_trusted, refusal, under_gateway, GuardedResolver, Refused,
};
use crate::status::Status;
use futures::StreamExt;
use sha2::{Digest, Sha256};
use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::sync::Semaphore;
use url::Url;

/// What a fetch keeps of the body besides its sha256.
#[derive(Debug, Clone, Default)]
pub struct Keep {
    /// A `SHA256SUMS`: its lines of these file names (every line when `Some(None)`).
    pub manifest: Option<Option<Arc<HashSet<String>>>>,
    /// Write the body to this file as it streams (for the store, once it is verified).
    pub spool: Option<std::path::PathBuf>,
}

/// The most redirects one fetch follows.
pub const MAX_REDIRECTS: usize = 5;

/// How a fetch is bounded.
#[derive(Debug, Clone, PartialEq)]
pub struct Limits {
    /// The largest content fetched, in bytes (a `SHA256SUMS` too: it streams, whatever its size).
    pub max_bytes: u64,
    pub connect_timeout: Duration,
    /// For one attempt: connecting, every redirect and the whole body.
    pub timeout: Duration,
    /// Attempts after the first, for `unreachable` and `timeout` (and 429 / 5xx answers).
    pub retries: u32,
    /// The wait before the first retry; doubled before each next one.
    pub backoff: Duration,
    /// Requests in flight at once, overall.
    pub concurrency: usize,
    /// Requests in flight at once to one host.
    pub per_host: usize,
    /// Fetch from loopback, private and link-local addresses too.
    pub allow_private: bool,
    /// How long a whole run fetches, from the fetcher's creation: past it, what is not
    /// fetched yet is a `timeout` without a request.
    pub deadline: Duration,
}

/// After this many timeouts in a row from one host, a run fetches nothing more from it: a host
/// that hangs costs that many attempts, not one per file it holds.
pub const HOST_TIMEOUTS_TO_SKIP: u32 = 3;

/// What one fetch found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fetched {
    pub status: Status,
    /// The sha256 of what was served (`None` unless the whole body arrived within the cap).
    pub sha256: Option<[u8; 32]>,
    /// The manifest's lines asked for, for a fetch of a manifest whose every byte arrived.
    pub manifest: Option<Manifest>,
    /// The bytes received.
    pub bytes: u64,
    /// Why it failed, for people.
    pub detail: String,
    /// The location the answer came from, after redirects.
    pub url: String,
}

impl Fetched {
    fn failed(status: Status, url: &Url, detail: impl Into<String>) -> Fetched {
        Fetched {
            status,
            sha256: None,
            manifest: None,
            bytes: 0,
            detail: detail.into(),
            url: url.to_string(),
        }
    }
}

/// The clients all fetches share, with their concurrency limits and a request counter.
pub struct Fetcher {
    /// For locations the chain chose: only public addresses.
    guarded: reqwest::Client,
    /// For the operator's gateways (or everything, with `allow_private`).
    open: reqwest::Client,
    limits: Limits,
    /// The operator's gateways: a location under one of them (its origin and path) that a
    /// fetch started at such a location is trusted.
    trusted: Vec<Url>,
    overall: Arc<Semaphore>,
    hosts: Mutex<HashMap<String, Arc<Semaphore>>>,
    /// Each host's timeouts in a row (a host that answered is at 0).
    timeouts: Mutex<HashMap<String, u32>>,
    requests: AtomicU64,
    /// When the run stops fetching.
    deadline: Instant,
}

impl Fetcher {
    /// A fetcher within `limits`; requests under the `trusted` gateways (the operator's, see
    /// [`hop_is_trusted`]) may go to private addresses.
    pub fn new(limits: Limits, trusted: Vec<Url>) -> Result<Fetcher, reqwest::Error> {
        let builder = || {
            reqwest::Client::builder()
                .user_agent(concat!("mirrorwatch/", env!("CARGO_PKG_VERSION")))
                .redirect(reqwest::redirect::Policy::none())
                // A proxy would resolve names where the address rule cannot see them.
                .no_proxy()
                .connect_timeout(limits.connect_timeout)
        };
        Ok(Fetcher {
            guarded: builder().dns_resolver(Arc::new(GuardedResolver)).build()?,
            open: builder().build()?,
            trusted,
            overall: Arc::new(Semaphore::new(limits.concurrency.max(1))),
            deadline: Instant::now() + limits.deadline,
            limits,
            hosts: Mutex::new(HashMap::new()),
            timeouts: Mutex::new(HashMap::new()),
            requests: AtomicU64::new(0),
        })
    }

    /// HTTP requests sent so far (each redirect and retry counts).
    pub fn requests(&self) -> u64 {
        self.requests.load(Ordering::Relaxed)
    }

    /// Fetches `url`, retrying transient failures; keeps what `keep` asks of the body. Within
    /// the run's deadline, and not from a host that timed out [`HOST_TIMEOUTS_TO_SKIP`] times
    /// in a row: those are a `timeout` at once.
    pub async fn fetch(&self, url: &Url, keep: &Keep) -> Fetched {
        let mut wait = self.limits.backoff;
        let mut attempt = 0;
        loop {
            if let Some(skipped) = self.skipped(url) {
                return skipped;
            }
            let (fetched, retryable) = self.attempt(url, keep).await;
            self.count_timeout(url, fetched.status == Status::Timeout);
            if !retryable || attempt >= self.limits.retries {
                return fetched;
            }
            attempt += 1;
            tokio::time::sleep(wait.min(self.left())).await;
            wait = wait.saturating_mul(2);
        }
    }

    /// One attempt within the total timeout (and the run's deadline); also says whether
    /// another attempt may help.
    async fn attempt(&self, url: &Url, keep: &Keep) -> (Fetched, bool) {
        let timeout = self.limits.timeout.min(self.left());
        match tokio::time::timeout(timeout, self.follow(url, keep)).await {
            Ok(answer) => answer,
            Err(_) => (
                Fetched::failed(
                    Status::Timeout,
                    url,
                    format!("no complete answer in {timeout:?}"),
                ),
                true,
            ),
        }
    }

    /// The time left before the run's deadline.
    fn left(&self) -> Duration {
        self.deadline.saturating_duration_since(Instant::now())
    }

    /// A `timeout` without a request, if the run's deadline passed or `url`'s host keeps
    /// timing out.
    fn skipped(&self, url: &Url) -> Option<Fetched> {
        if self.left().is_zero() {
            let why = format!(
                "the run's deadline ({:?}) passed first",
                self.limits.deadline
            );
            return Some(Fetched::failed(Status::Timeout, url, why));
        }
        let timeouts = self.timeouts.lock().expect("not poisoned");
        let host = host_key(url);
        match timeouts.get(&host) {
            Some(&n) if n >= HOST_TIMEOUTS_TO_SKIP => {
                let why = format!("not fetched: {host} timed out {n} times in a row this run");
                Some(Fetched::failed(Status::Timeout, url, why))
            }
            _ => None,
        }
    }

    /// Counts a timeout of `url`'s host, or clears its count when it answered.
    fn count_timeout(&self, url: &Url, timed_out: bool) {
        let mut timeouts = self.timeouts.lock().expect("not poisoned");
        let count = timeouts.entry(host_key(url)).or_default();
        *count = if timed_out { *count + 1 } else { 0 };
    }

    async fn follow(&self, start: &Url, keep: &Keep) -> (Fetched, bool) {
        let mut url = start.clone();
        let started_trusted = under_gateway(&self.trusted, start);
        for hop in 0..=MAX_REDIRECTS {
            let open =
                self.limits.allow_private || hop_is_trusted(&self.trusted, started_trusted, &url);
            if let Err(why) = ensure_allowed(&url, open) {
                return (Fetched::failed(Status::BadUri, &url, why), false);
            }
            let client = if open { &self.open } else { &self.guarded };
            let _overall = self.overall.acquire().await.expect("never closed");
            let host = self.host_permits(&url);
            let _host = host.acquire().await.expect("never closed");
            self.requests.fetch_add(1, Ordering::Relaxed);
            let response = match client.get(url.clone()).send().await {
                Ok(response) => response,
                Err(error) => return (self.transport_failure(&url, &error), true),
            };
            let code = response.status();
            if code.is_redirection() {
                let Some(next) = response
                    .headers()
                    .get(reqwest::header::LOCATION)
                    .and_then(|v| v.to_str().ok())
                    .and_then(|location| url.join(location).ok())
                else {
                    let why = format!("HTTP {code} without a usable Location");
                    return (Fetched::failed(Status::Unreachable, &url, why), false);
                };
                if hop == MAX_REDIRECTS {
                    let why = format!("more than {MAX_REDIRECTS} redirects");
                    return (Fetched::failed(Status::Unreachable, &url, why), false);
                }
                url = next;
                continue;
            }
            if code == reqwest::StatusCode::NOT_FOUND || code == reqwest::StatusCode::GONE {
                return (
                    Fetched::failed(Status::Missing, &url, format!("HTTP {code}")),
                    false,
                );
            }
            if !code.is_success() {
                let retry = code.is_server_error() || code.as_u16() == 429;
                return (
                    Fetched::failed(Status::Unreachable, &url, format!("HTTP {code}")),
                    retry,
                );
            }
            return self.body(response, &url, keep).await;
        }
        unreachable!("the loop returns at hop MAX_REDIRECTS")
    }

    async fn body(&self, response: reqwest::Response, url: &Url, keep: &Keep) -> (Fetched, bool) {
        let cap = self.limits.max_bytes;
        if let Some(declared) = response.content_length() {
            if declared > cap {
                let why = format!("Content-Length {declared} is over the {cap}-byte cap");
                return (Fetched::failed(Status::TooLarge, url, why), false);
            }
        }
        let mut hasher = Sha256::new();
        let mut reader = keep.manifest.clone().map(manifest::Reader::new);
        let mut spool = match &keep.spool {
            None => None,
            Some(path) => match tokio::fs::File::create(path).await {
                Ok(file) => Some(file),
                Err(e) => {
                    let why = format!("spool {}: {e}", path.display());
                    return (Fetched::failed(Status::Unreachable, url, why), false);
                }
            },
        };
        let mut bytes: u64 = 0;
        let mut stream = response.bytes_stream();
        while let Some(chunk) = stream.next().await {
            let chunk = match chunk {
                Ok(chunk) => chunk,
                Err(error) => {
                    let mut failed = self.transport_failure(url, &error);
                    failed.detail = format!("after {bytes} bytes: {}", failed.detail);
                    failed.bytes = bytes;
                    return (failed, true);
                }
            };
            bytes += chunk.len() as u64;
            if bytes > cap {
                let why = format!("over the {cap}-byte cap");
                return (Fetched::failed(Status::TooLarge, url, why), false);
            }
            hasher.update(&chunk);
            if let Some(reader) = reader.as_mut() {
                reader.feed(&chunk);
            }
            if let Some(file) = spool.as_mut() {
                if let Err(e) = tokio::io::AsyncWriteExt::write_all(file, &chunk).await {
                    let why = format!("spool: {e}");
                    return (Fetched::failed(Status::Unreachable, url, why), false);
                }
            }
        }
        if let Some(file) = spool.as_mut() {
            if let Err(e) = tokio::io::AsyncWriteExt::flush(file).await {
                return (
                    Fetched::failed(Status::Unreachable, url, format!("spool: {e}")),
                    false,
                );
            }
        }
        let fetched = Fetched {
            status: Status::Ok,
            sha256: Some(hasher.finalize().into()),
            manifest: reader.map(manifest::Reader::finish),
            bytes,
            detail: String::new(),
            url: url.to_string(),
        };
        (fetched, false)
    }

    fn host_permits(&self, url: &Url) -> Arc<Semaphore> {
        let mut hosts = self.hosts.lock().expect("not poisoned");
        hosts
            .entry(host_key(url))
            .or_insert_with(|| Arc::new(Semaphore::new(self.limits.per_host.max(1))))
            .clone()
    }

    fn transport_failure(&self, url: &Url, error: &reqwest::Error) -> Fetched {
        if let Some(refused) = find_source::<Refused>(error) {
            return Fetched::failed(Status::BadUri, url, refusal(&refused.0));
        }
        if error.is_timeout() {
            return Fetched::failed(Status::Timeout, url, "connect timeout");
        }
        Fetched::failed(Status::Unreachable, url, describe(error))
    }
}

/// The host and port of `url`: what per-host limits count by.
fn host_key(url: &Url) -> String {
    format!(
        "{}:{}",
        url.host_str().unwrap_or_default(),
        url.port_or_known_default().unwrap_or_default()
    )
}

/// The innermost cause of `error`, which says what happened (reqwest's own text is generic).
fn describe(error: &(dyn std::error::Error + 'static)) -> String {
    let mut cause = error;
    while let Some(next) = cause.source() {
        cause = next;
    }
    cause.to_string()
}

fn find_source<'a, T: std::error::Error + 'static>(
    error: &'a (dyn std::error::Error + 'static),
) -> Option<&'a T> {
    let mut cause = Some(error);
    while let Some(current) = cause {
        if let Some(found) = current.downcast_ref::<T>() {
            return Some(found);
        }
        cause = current.source();
    }
    None
}
