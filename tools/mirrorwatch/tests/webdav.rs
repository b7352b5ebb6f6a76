//! The store of verified copies against a real WebDAV server: Apache httpd's mod_dav (Debian's
//! `apache2-bin`, which `scripts/setup.sh test-deps` installs), started by the test on loopback
//! with a configuration of its own, as an operator's server would serve the store (`make e2e`).

use mirrorwatch::hosts::Webdav;
use mirrorwatch::store::{key, Backend, Store, StoreConfig};
use sha2::{Digest, Sha256};

/// A WebDAV server and a store in its `/store/` folder, served from there.
fn webdav_store() -> (Webdav, Store) {
    let apache = Webdav::start();
    let config = StoreConfig {
        backend: Backend::Webdav {
            endpoint: apache.url(""),
            root: "/store/".into(),
        },
        public_url: url::Url::parse(&apache.url("/store/")).unwrap(),
        timeout: std::time::Duration::from_secs(10),
    };
    let store = Store::open(&config).unwrap();
    (apache, store)
}

/// The bytes the store's copy under `key` is served with, at its public url.
async fn served(store: &Store, key: &str) -> Vec<u8> {
    let answer = reqwest::get(store.public_url(key)).await.unwrap();
    answer.bytes().await.unwrap().to_vec()
}

#[tokio::test]
async fn verified_copies_go_to_webdav_once_and_are_served_from_there() {
    let (apache, store) = webdav_store();
    let content = b"{\"name\":\"Mirrors #1\"}".to_vec();
    let hash: [u8; 32] = Sha256::digest(&content).into();
    let spool = apache.dir().join("spool");
    std::fs::write(&spool, &content).unwrap();
    let key = key(&hash, "1.json");

    assert_eq!(store.put(&key, &spool, &hash).await, Ok(true));
    assert_eq!(
        store.put(&key, &spool, &hash).await,
        Ok(false),
        "written once"
    );
    assert_eq!(store.copy_of(&hash).await, Ok(Some(key.clone())));
    assert_eq!(served(&store, &key).await, content);

    // Bytes that do not have the recorded hash are not stored.
    std::fs::write(&spool, b"swapped").unwrap();
    let other = mirrorwatch::store::key(&hash, "2.json");
    assert!(store.put(&other, &spool, &hash).await.is_err());
    assert!(!store.has(&other).await.unwrap());
}

#[tokio::test]
async fn a_copy_of_a_mebibyte_goes_to_webdav_whole() {
    let (apache, store) = webdav_store();
    let content: Vec<u8> = (0..1024 * 1024).map(|i| (i % 251) as u8).collect();
    let hash: [u8; 32] = Sha256::digest(&content).into();
    let spool = apache.dir().join("spool");
    std::fs::write(&spool, &content).unwrap();
    let key = key(&hash, "1.bin");

    assert_eq!(store.put(&key, &spool, &hash).await, Ok(true));
    let served = served(&store, &key).await;
    assert_eq!(Sha256::digest(&served).as_slice(), hash.as_slice());
}
