//! Settings: documented defaults, overridden by a TOML file (`--config`), overridden by flags.
//!
//! ```toml
//! # mirrorwatch.toml: every key is optional
//! ipfs_gateways = ["https://ipfs.io", "https://dweb.link"]
//! arweave_gateways = ["https://arweave.net", "https://ar-io.net"]
//! sia_gateways = ["http://localhost:9980/api/worker/objects"]
//! max_bytes = 67108864          # 64 MiB
//! connect_timeout_secs = 10
//! timeout_secs = 60             # one attempt: connect, redirects and the whole body
//! retries = 2                   # for unreachable / timeout / 429 / 5xx
//! backoff_ms = 500              # doubled before each next retry
//! concurrency = 32              # requests in flight, overall
//! per_host = 4                  # requests in flight to one host
//! chain_concurrency = 16        # contract queries in flight
//! deadline_secs = 3600          # a whole run's fetching; then what is left is a timeout
//! state_path = "/var/lib/mirrorwatch/state.sqlite3"   # default: ~/.local/share/mirrorwatch/
//! grace_checks = 3              # repair a mirror after failing in this many checks in a row
//! grace_secs = 21600            # spanning at least this long (a mismatch is repaired at once)
//! store_backend = "fs"          # keep verified copies: "fs" (a directory), "webdav" or "s3"
//! store_root = "/srv/backup"    # the directory, or the folder on the WebDAV server or bucket
//! store_endpoint = "https://dav.example.org"   # webdav: its url; user and password from
//!                               # MIRRORWATCH_STORE_USERNAME / MIRRORWATCH_STORE_PASSWORD
//! store_bucket = "nft-backup"   # s3 only (also store_region; store_endpoint for an
//!                               # S3-compatible service); keys from MIRRORWATCH_STORE_ACCESS_KEY_ID
//!                               # / MIRRORWATCH_STORE_SECRET_ACCESS_KEY
//! store_public_url = "https://backup.example.org/"   # where the stored files are served
//! ```

use crate::fetch::Limits;
use crate::state::{Grace, DEFAULT_GRACE};
use crate::store::{Backend, StoreConfig};
use crate::uri::Gateways;
use serde::Deserialize;
use std::path::PathBuf;
use std::time::Duration;
use url::Url;

/// Public IPFS path gateways, tried in order.
pub const DEFAULT_IPFS_GATEWAYS: [&str; 2] = ["https://ipfs.io", "https://dweb.link"];
/// Public Arweave gateways, tried in order.
pub const DEFAULT_ARWEAVE_GATEWAYS: [&str; 2] = ["https://arweave.net", "https://ar-io.net"];
/// Sia has no public gateway: a renterd worker's object endpoint, as renterd listens by default.
pub const DEFAULT_SIA_GATEWAYS: [&str; 1] = ["http://localhost:9980/api/worker/objects"];
/// The largest content fetched: 64 MiB.
pub const DEFAULT_MAX_BYTES: u64 = 64 * 1024 * 1024;
pub const DEFAULT_CONNECT_TIMEOUT_SECS: u64 = 10;
/// The longest a whole run fetches: an hour. Past it, what is not fetched yet is a `timeout`.
pub const DEFAULT_DEADLINE_SECS: u64 = 3600;
pub const DEFAULT_TIMEOUT_SECS: u64 = 60;
pub const DEFAULT_RETRIES: u32 = 2;
pub const DEFAULT_BACKOFF_MS: u64 = 500;
pub const DEFAULT_CONCURRENCY: usize = 32;
pub const DEFAULT_PER_HOST: usize = 4;
pub const DEFAULT_CHAIN_CONCURRENCY: usize = 16;

/// Settings that override the defaults: what a config file sets, and what flags set over it.
/// Every key is optional; one left out keeps what is below it.
#[derive(Debug, Default, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Overrides {
    pub ipfs_gateways: Option<Vec<String>>,
    pub arweave_gateways: Option<Vec<String>>,
    pub sia_gateways: Option<Vec<String>>,
    pub max_bytes: Option<u64>,
    pub connect_timeout_secs: Option<u64>,
    pub timeout_secs: Option<u64>,
    pub retries: Option<u32>,
    pub backoff_ms: Option<u64>,
    pub concurrency: Option<usize>,
    pub per_host: Option<usize>,
    pub chain_concurrency: Option<usize>,
    pub deadline_secs: Option<u64>,
    pub state_path: Option<PathBuf>,
    pub grace_checks: Option<u32>,
    pub grace_secs: Option<u64>,
    /// `fs`, `webdav` or `s3`: where `check` keeps verified copies ([`crate::store`]).
    pub store_backend: Option<String>,
    /// The folder: a local directory (`fs`), or a path on the WebDAV server or in the bucket.
    pub store_root: Option<String>,
    /// The WebDAV server's url, or an S3-compatible service's (AWS S3 needs none).
    pub store_endpoint: Option<String>,
    /// The S3 bucket.
    pub store_bucket: Option<String>,
    /// The S3 bucket's region.
    pub store_region: Option<String>,
    /// Where the stored files are served.
    pub store_public_url: Option<String>,
}

impl Overrides {
    pub fn parse(text: &str) -> Result<Overrides, String> {
        toml::from_str(text).map_err(|e| e.to_string())
    }

    pub fn read(path: &std::path::Path) -> Result<Overrides, String> {
        let text =
            std::fs::read_to_string(path).map_err(|e| format!("config {}: {e}", path.display()))?;
        Overrides::parse(&text).map_err(|e| format!("config {}: {e}", path.display()))
    }

    /// `self` with every key `over` sets replaced by its value.
    pub fn overridden_by(self, over: Overrides) -> Overrides {
        Overrides {
            ipfs_gateways: over.ipfs_gateways.or(self.ipfs_gateways),
            arweave_gateways: over.arweave_gateways.or(self.arweave_gateways),
            sia_gateways: over.sia_gateways.or(self.sia_gateways),
            max_bytes: over.max_bytes.or(self.max_bytes),
            connect_timeout_secs: over.connect_timeout_secs.or(self.connect_timeout_secs),
            timeout_secs: over.timeout_secs.or(self.timeout_secs),
            retries: over.retries.or(self.retries),
            backoff_ms: over.backoff_ms.or(self.backoff_ms),
            concurrency: over.concurrency.or(self.concurrency),
            per_host: over.per_host.or(self.per_host),
            chain_concurrency: over.chain_concurrency.or(self.chain_concurrency),
            deadline_secs: over.deadline_secs.or(self.deadline_secs),
            state_path: over.state_path.or(self.state_path),
            grace_checks: over.grace_checks.or(self.grace_checks),
            grace_secs: over.grace_secs.or(self.grace_secs),
            store_backend: over.store_backend.or(self.store_backend),
            store_root: over.store_root.or(self.store_root),
            store_endpoint: over.store_endpoint.or(self.store_endpoint),
            store_bucket: over.store_bucket.or(self.store_bucket),
            store_region: over.store_region.or(self.store_region),
            store_public_url: over.store_public_url.or(self.store_public_url),
        }
    }
}

/// Everything a run is bounded and routed by.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    pub gateways: Gateways,
    pub limits: Limits,
    pub chain_concurrency: usize,
    /// The state database ([`crate::state`]); `None` when no path is set and no default exists.
    pub state_path: Option<PathBuf>,
    /// How long a mirror fails before `repair` replaces it.
    pub grace: Grace,
    /// Where `check` keeps verified copies, if anywhere.
    pub store: Option<StoreConfig>,
}

impl Settings {
    /// The settings of `overrides` (keys left out take the defaults above); `allow_private`
    /// comes from the command line only.
    pub fn from_overrides(file: Overrides, allow_private: bool) -> Result<Settings, String> {
        let timeout = Duration::from_secs(file.timeout_secs.unwrap_or(DEFAULT_TIMEOUT_SECS));
        let store = store(&file, timeout)?;
        let gateways = |list: Option<Vec<String>>, defaults: &[&str], what: &str| {
            list.unwrap_or_else(|| defaults.iter().map(|s| s.to_string()).collect())
                .iter()
                .map(|g| gateway(g).map_err(|e| format!("{what} gateway {g:?}: {e}")))
                .collect::<Result<Vec<Url>, String>>()
        };
        let positive = |value: usize, what: &str| {
            if value == 0 {
                Err(format!("{what} must be at least 1"))
            } else {
                Ok(value)
            }
        };
        Ok(Settings {
            gateways: Gateways {
                ipfs: gateways(file.ipfs_gateways, &DEFAULT_IPFS_GATEWAYS, "ipfs")?,
                arweave: gateways(file.arweave_gateways, &DEFAULT_ARWEAVE_GATEWAYS, "arweave")?,
                sia: gateways(file.sia_gateways, &DEFAULT_SIA_GATEWAYS, "sia")?,
            },
            limits: Limits {
                max_bytes: file.max_bytes.unwrap_or(DEFAULT_MAX_BYTES),
                connect_timeout: Duration::from_secs(
                    file.connect_timeout_secs
                        .unwrap_or(DEFAULT_CONNECT_TIMEOUT_SECS),
                ),
                timeout,
                retries: file.retries.unwrap_or(DEFAULT_RETRIES),
                backoff: Duration::from_millis(file.backoff_ms.unwrap_or(DEFAULT_BACKOFF_MS)),
                concurrency: positive(
                    file.concurrency.unwrap_or(DEFAULT_CONCURRENCY),
                    "concurrency",
                )?,
                per_host: positive(file.per_host.unwrap_or(DEFAULT_PER_HOST), "per_host")?,
                allow_private,
                deadline: Duration::from_secs(file.deadline_secs.unwrap_or(DEFAULT_DEADLINE_SECS)),
            },
            chain_concurrency: positive(
                file.chain_concurrency.unwrap_or(DEFAULT_CHAIN_CONCURRENCY),
                "chain_concurrency",
            )?,
            store,
            state_path: file.state_path.or_else(crate::state::default_path),
            grace: Grace {
                checks: file.grace_checks.unwrap_or(DEFAULT_GRACE.checks),
                seconds: file.grace_secs.unwrap_or(DEFAULT_GRACE.seconds),
            },
        })
    }
}

/// The store the `store_*` keys describe: none without a backend; a backend needs its root and
/// public url (and WebDAV its endpoint).
fn store(file: &Overrides, timeout: Duration) -> Result<Option<StoreConfig>, String> {
    let Some(backend) = file.store_backend.as_deref() else {
        return Ok(None);
    };
    let root = file
        .store_root
        .clone()
        .ok_or("store_root is needed with store_backend")?;
    let public_url = file
        .store_public_url
        .as_deref()
        .ok_or("store_public_url is needed with store_backend")?;
    let public_url = gateway(public_url).map_err(|e| format!("store_public_url: {e}"))?;
    let backend = match backend {
        "fs" => Backend::Fs { root },
        "webdav" => Backend::Webdav {
            endpoint: file
                .store_endpoint
                .clone()
                .ok_or("store_endpoint is needed with store_backend = \"webdav\"")?,
            root,
        },
        "s3" => Backend::S3 {
            endpoint: file.store_endpoint.clone(),
            bucket: file
                .store_bucket
                .clone()
                .ok_or("store_bucket is needed with store_backend = \"s3\"")?,
            region: file
                .store_region
                .clone()
                .ok_or("store_region is needed with store_backend = \"s3\"")?,
            root,
        },
        other => return Err(format!("store_backend {other:?}: fs, webdav or s3")),
    };
    Ok(Some(StoreConfig {
        backend,
        public_url,
        timeout,
    }))
}

/// A gateway base url: http(s), no query or fragment.
fn gateway(text: &str) -> Result<Url, String> {
    let url = Url::parse(text).map_err(|e| e.to_string())?;
    if !matches!(url.scheme(), "http" | "https") || url.host().is_none() {
        return Err("must be an http(s) url".into());
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err("must not have a query or fragment".into());
    }
    Ok(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_file_gives_the_documented_defaults() {
        let settings = Settings::from_overrides(Overrides::parse("").unwrap(), false).unwrap();
        assert_eq!(settings.limits.max_bytes, 64 * 1024 * 1024);
        assert_eq!(settings.gateways.ipfs[0].as_str(), "https://ipfs.io/");
        assert_eq!(settings.limits.retries, DEFAULT_RETRIES);
        assert!(!settings.limits.allow_private);
    }

    #[test]
    fn the_file_overrides_defaults_and_flags_override_the_file() {
        let file =
            Overrides::parse("max_bytes = 10\nipfs_gateways = [\"http://gw.local:8080\"]").unwrap();
        let flags = Overrides {
            max_bytes: Some(20),
            ..Overrides::default()
        };
        let settings = Settings::from_overrides(file.overridden_by(flags), true).unwrap();
        assert_eq!(settings.limits.max_bytes, 20);
        assert_eq!(settings.gateways.ipfs[0].as_str(), "http://gw.local:8080/");
        assert!(settings.limits.allow_private);
    }

    #[test]
    fn unknown_keys_and_bad_gateways_are_refused() {
        let unknown = Overrides::parse("max_byte = 1").unwrap_err();
        assert!(unknown.contains("unknown field `max_byte`"), "{unknown}");
        let file = Overrides::parse("sia_gateways = [\"ftp://x\"]").unwrap();
        assert_eq!(
            Settings::from_overrides(file, false),
            Err("sia gateway \"ftp://x\": must be an http(s) url".to_string())
        );
        let zero = Overrides::parse("concurrency = 0").unwrap();
        assert_eq!(
            Settings::from_overrides(zero, false),
            Err("concurrency must be at least 1".to_string())
        );
    }

    fn store_of(text: &str) -> Result<Option<StoreConfig>, String> {
        Settings::from_overrides(Overrides::parse(text).unwrap(), false).map(|s| s.store)
    }

    #[test]
    fn an_s3_store_names_its_bucket_and_region_and_may_name_an_endpoint() {
        let base = "store_backend = \"s3\"\nstore_root = \"/copies/\"\n\
                    store_public_url = \"https://backup.example/\"\n";
        let store = store_of(&format!(
            "{base}store_bucket = \"nft\"\nstore_region = \"auto\"\n\
             store_endpoint = \"https://s3.example\"\n"
        ))
        .unwrap()
        .unwrap();
        assert_eq!(
            store.backend,
            Backend::S3 {
                endpoint: Some("https://s3.example".into()),
                bucket: "nft".into(),
                region: "auto".into(),
                root: "/copies/".into(),
            }
        );
        assert_eq!(
            store_of(&format!("{base}store_region = \"auto\"\n")),
            Err("store_bucket is needed with store_backend = \"s3\"".into())
        );
        assert_eq!(
            store_of(&format!("{base}store_bucket = \"nft\"\n")),
            Err("store_region is needed with store_backend = \"s3\"".into())
        );
    }

    #[test]
    fn an_unknown_store_backend_is_refused_by_name() {
        let text = "store_backend = \"ftp\"\nstore_root = \"/\"\n\
                    store_public_url = \"https://backup.example/\"\n";
        assert_eq!(
            store_of(text),
            Err("store_backend \"ftp\": fs, webdav or s3".into())
        );
    }
}
