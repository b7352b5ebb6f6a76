//! The operator's store of verified copies, so that a copy exists before any host dies.
//!
//! `check` (given a store) keeps a copy of every file it verified against the sha256 the chain
//! records: a plain entry's content, a templated entry's `SHA256SUMS` and each token's file.
//! Copies are content-addressed and written once: a plain file at `sha256/<its sha256>/<name>`,
//! a templated entry's files at `sha256/<the SHA256SUMS's sha256>/<name>` (so a template
//! `<public url>/sha256/<hex>/{id}.json` serves every token's file). A key that exists is never
//! written again, and bytes are written only after their sha256 was checked, twice: as they were
//! fetched, and as they are read back from the spool file on their way to the store.
//!
//! Backends through Apache OpenDAL: a local directory (`store_backend = "fs"`, served by the
//! operator's web server), WebDAV (`"webdav"`, `store_endpoint`) or S3 (`"s3"`, `store_bucket`,
//! `store_region`, and `store_endpoint` for an S3-compatible service); `store_root` is the folder
//! inside it, `store_public_url` where the stored files are served. Secrets come from the
//! environment only, never from flags or the config file, and never appear in output: a WebDAV
//! user and password from `MIRRORWATCH_STORE_USERNAME` / `MIRRORWATCH_STORE_PASSWORD`, S3 keys
//! from `MIRRORWATCH_STORE_ACCESS_KEY_ID` / `MIRRORWATCH_STORE_SECRET_ACCESS_KEY`. Every store
//! operation, and each read or write in it, fails after the fetches' `timeout_secs` rather than
//! hold the run.

use opendal::layers::TimeoutLayer;
use opendal::{services, Operator};
use sha2::{Digest, Sha256};
use std::path::Path;
use tokio::io::AsyncReadExt;
use url::Url;

/// Where the store is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Backend {
    /// A local directory.
    Fs { root: String },
    /// A WebDAV server at `endpoint`, under `root`.
    Webdav { endpoint: String, root: String },
    /// An S3 bucket (AWS, or any S3-compatible service at `endpoint`), under `root`.
    S3 {
        endpoint: Option<String>,
        bucket: String,
        region: String,
        root: String,
    },
}

/// The part size of an S3 multipart upload: S3 takes parts of at least 5 MiB (but the last), so
/// a file is buffered up to this much before a part goes out; a smaller file is one PUT.
pub const S3_PART_BYTES: usize = 8 * 1024 * 1024;

/// A store and the public url its files are served under.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoreConfig {
    pub backend: Backend,
    pub public_url: Url,
    /// How long one store operation (or one read or write of it) may take before it fails: the
    /// fetches' `timeout_secs`, so a store that stops answering cannot hold a run.
    pub timeout: std::time::Duration,
}

/// How many files a store that takes each file in one request (WebDAV) holds in memory at once
/// to write them: each is at most the fetches' `max_bytes`.
pub const MAX_WHOLE_WRITES: usize = 4;

/// The store of verified copies.
#[derive(Clone)]
pub struct Store {
    operator: Operator,
    public_url: Url,
    whole_writes: std::sync::Arc<tokio::sync::Semaphore>,
    /// How much a multipart backend (S3) buffers per part.
    part_bytes: Option<usize>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Store({})", self.public_url)
    }
}

/// The key of a copy: `sha256/<hex of hash>/<name>`.
pub fn key(hash: &[u8; 32], name: &str) -> String {
    format!("sha256/{}/{name}", crate::encoding::hex(hash))
}

impl Store {
    /// Opens the store `config` names (secrets from the environment).
    pub fn open(config: &StoreConfig) -> Result<Store, String> {
        let operator = match &config.backend {
            Backend::Fs { root } => {
                let mut builder = services::Fs::default();
                builder.root(root);
                Operator::new(builder).map(|b| b.finish())
            }
            Backend::Webdav { endpoint, root } => {
                let mut builder = services::Webdav::default();
                builder.endpoint(endpoint).root(root);
                if let Ok(user) = std::env::var("MIRRORWATCH_STORE_USERNAME") {
                    builder.username(&user);
                }
                if let Ok(password) = std::env::var("MIRRORWATCH_STORE_PASSWORD") {
                    builder.password(&password);
                }
                Operator::new(builder).map(|b| b.finish())
            }
            Backend::S3 {
                endpoint,
                bucket,
                region,
                root,
            } => {
                let secret = |name: &str| {
                    std::env::var(name).map_err(|_| format!("store: S3 needs {name} set"))
                };
                let (key_id, key) = (
                    secret("MIRRORWATCH_STORE_ACCESS_KEY_ID")?,
                    secret("MIRRORWATCH_STORE_SECRET_ACCESS_KEY")?,
                );
                let mut builder = services::S3::default();
                builder.bucket(bucket).region(region).root(root);
                builder.access_key_id(&key_id).secret_access_key(&key);
                // Only these keys: no profile files, no instance metadata asked.
                builder.disable_config_load();
                if let Some(endpoint) = endpoint {
                    builder.endpoint(endpoint);
                }
                Operator::new(builder).map(|b| b.finish())
            }
        }
        .map_err(|e| format!("store: {}", e.kind()))?
        .layer(
            TimeoutLayer::new()
                .with_timeout(config.timeout)
                .with_io_timeout(config.timeout),
        );
        Ok(Store {
            operator,
            public_url: config.public_url.clone(),
            whole_writes: std::sync::Arc::new(tokio::sync::Semaphore::new(MAX_WHOLE_WRITES)),
            part_bytes: matches!(config.backend, Backend::S3 { .. }).then_some(S3_PART_BYTES),
        })
    }

    /// Whether a copy is stored under `key`.
    pub async fn has(&self, key: &str) -> Result<bool, String> {
        self.operator
            .is_exist(key)
            .await
            .map_err(|e| format!("store: {key}: {}", e.kind()))
    }

    /// Stores the spooled file at `spool` under `key`, unless a copy is there already, if its
    /// bytes still have sha256 `hash` (read back and checked before anything is written: a
    /// backend may write in place as it goes); `Ok(true)` when it wrote.
    pub async fn put(&self, key: &str, spool: &Path, hash: &[u8; 32]) -> Result<bool, String> {
        if self.has(key).await? {
            return Ok(false);
        }
        let changed = || format!("store: {key}: the spooled bytes changed; not stored");
        let failed = |e: opendal::Error| format!("store: {key}: {}", e.kind());
        if !self.operator.info().full_capability().write_can_multi {
            // A backend that takes a file in one request (WebDAV's PUT): the file is read whole,
            // once, at most MAX_WHOLE_WRITES at a time, and hashed as it is held.
            let _turn = self
                .whole_writes
                .acquire()
                .await
                .map_err(|e| e.to_string())?;
            let bytes = tokio::fs::read(spool)
                .await
                .map_err(|e| format!("spool {}: {e}", spool.display()))?;
            if <[u8; 32]>::from(Sha256::digest(&bytes)) != *hash {
                return Err(changed());
            }
            let mut writer = self.operator.writer(key).await.map_err(failed)?;
            writer.write(bytes).await.map_err(failed)?;
            writer.close().await.map_err(failed)?;
            return Ok(true);
        }
        let mut hasher = Sha256::new();
        let mut chunks = Chunks::open(spool).await?;
        while let Some(chunk) = chunks.next().await? {
            hasher.update(chunk);
        }
        if <[u8; 32]>::from(hasher.finalize()) != *hash {
            return Err(changed());
        }
        let mut writer = match self.part_bytes {
            Some(part) => self.operator.writer_with(key).buffer(part).await,
            None => self.operator.writer(key).await,
        }
        .map_err(failed)?;
        let mut chunks = Chunks::open(spool).await?;
        while let Some(chunk) = chunks.next().await? {
            writer.write(chunk.to_vec()).await.map_err(failed)?;
        }
        writer.close().await.map_err(failed)?;
        Ok(true)
    }

    /// The key of a stored copy of the bytes whose sha256 is `hash`, under any name (a plain
    /// file's copies are under their own hash).
    pub async fn copy_of(&self, hash: &[u8; 32]) -> Result<Option<String>, String> {
        let directory = format!("sha256/{}/", crate::encoding::hex(hash));
        match self.operator.list(&directory).await {
            Ok(entries) => Ok(entries
                .into_iter()
                .map(|entry| entry.path().to_string())
                .find(|path| !path.ends_with('/'))),
            Err(e) if e.kind() == opendal::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(format!("store: {directory}: {}", e.kind())),
        }
    }

    /// The public url the copy under `key` is served at.
    pub fn public_url(&self, key: &str) -> String {
        let base = self.public_url.as_str().trim_end_matches('/');
        format!("{base}/{key}")
    }
}

/// A spool file read 64 KiB at a time.
struct Chunks {
    file: tokio::fs::File,
    path: std::path::PathBuf,
    buffer: Vec<u8>,
}

impl Chunks {
    async fn open(path: &Path) -> Result<Chunks, String> {
        let file = tokio::fs::File::open(path)
            .await
            .map_err(|e| format!("spool {}: {e}", path.display()))?;
        Ok(Chunks {
            file,
            path: path.to_path_buf(),
            buffer: vec![0u8; 64 * 1024],
        })
    }

    /// The next bytes, `None` at the end.
    async fn next(&mut self) -> Result<Option<&[u8]>, String> {
        let n = self
            .file
            .read(&mut self.buffer)
            .await
            .map_err(|e| format!("spool {}: {e}", self.path.display()))?;
        Ok((n > 0).then(|| &self.buffer[..n]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_copy_is_keyed_by_its_sha256_and_its_name() {
        let hash = [0xab; 32];
        assert_eq!(
            key(&hash, "1.json"),
            format!("sha256/{}/1.json", "ab".repeat(32))
        );
    }

    #[tokio::test]
    async fn a_verified_file_is_stored_once_and_changed_bytes_never() {
        let dir = std::env::temp_dir().join(format!("mirrorwatch-store-{}", std::process::id()));
        let config = StoreConfig {
            backend: Backend::Fs {
                root: dir.join("store").display().to_string(),
            },
            public_url: Url::parse("https://backup.example/files/").unwrap(),
            timeout: std::time::Duration::from_secs(5),
        };
        let store = Store::open(&config).unwrap();
        std::fs::create_dir_all(&dir).unwrap();
        let spool = dir.join("spool");
        std::fs::write(&spool, b"content").unwrap();
        let hash: [u8; 32] = Sha256::digest(b"content").into();
        let key = key(&hash, "1.json");
        assert_eq!(store.put(&key, &spool, &hash).await, Ok(true));
        assert_eq!(store.put(&key, &spool, &hash).await, Ok(false));
        let stored = std::fs::read(dir.join("store").join(&key)).unwrap();
        assert_eq!(stored, b"content");
        // Bytes that do not have the hash are not stored.
        std::fs::write(&spool, b"swapped").unwrap();
        let other = crate::store::key(&hash, "2.json");
        assert!(store.put(&other, &spool, &hash).await.is_err());
        assert!(!store.has(&other).await.unwrap());
        assert_eq!(
            store.public_url(&key),
            format!("https://backup.example/files/{key}")
        );
        assert_eq!(store.copy_of(&hash).await, Ok(Some(key.clone())));
        assert_eq!(store.copy_of(&[0; 32]).await, Ok(None));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[tokio::test]
    async fn a_store_that_stops_answering_fails_within_its_timeout() {
        // Given: a WebDAV endpoint that accepts connections and never answers.
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let endpoint = format!("http://{}", listener.local_addr().unwrap());
        let silent = tokio::spawn(async move {
            let mut held = Vec::new();
            while let Ok((stream, _)) = listener.accept().await {
                held.push(stream);
            }
        });
        let config = StoreConfig {
            backend: Backend::Webdav {
                endpoint,
                root: "/store/".into(),
            },
            public_url: Url::parse("https://backup.example/").unwrap(),
            timeout: std::time::Duration::from_secs(1),
        };
        let store = Store::open(&config).unwrap();

        // When: the store is asked for a copy.
        let asked = tokio::time::timeout(
            std::time::Duration::from_secs(10),
            store.has(&key(&[1; 32], "1.json")),
        )
        .await;
        silent.abort();

        // Then: it fails within its timeout, with an error rather than a hang.
        assert!(matches!(asked, Ok(Err(_))), "{asked:?}");
    }

    #[test]
    fn an_s3_store_without_its_keys_in_the_environment_is_refused_naming_the_variable() {
        std::env::remove_var("MIRRORWATCH_STORE_ACCESS_KEY_ID");
        let config = StoreConfig {
            backend: Backend::S3 {
                endpoint: None,
                bucket: "copies".into(),
                region: "us-east-1".into(),
                root: "/".into(),
            },
            public_url: Url::parse("https://backup.example/").unwrap(),
            timeout: std::time::Duration::from_secs(5),
        };
        assert_eq!(
            Store::open(&config).err(),
            Some("store: S3 needs MIRRORWATCH_STORE_ACCESS_KEY_ID set".to_string())
        );
    }
}
