//! The store of verified copies against an S3 endpoint: moto's standalone S3 server (PyPI's
//! `moto[server]`, which `scripts/setup.sh test-deps` installs in a venv), started by the test on
//! loopback (`make e2e`). No S3 server installs from Debian's packages; moto speaks S3's HTTP API,
//! multipart uploads included, without checking signatures.

use mirrorwatch::hosts::S3Server;
use mirrorwatch::store::{key, Backend, Store, StoreConfig, S3_PART_BYTES};
use sha2::{Digest, Sha256};

/// An S3 server with the public bucket `copies`, and a store in it served from the bucket's url.
fn s3_store() -> (S3Server, Store, std::path::PathBuf) {
    let server = S3Server::start();
    server.create_public_bucket("copies");
    std::env::set_var("MIRRORWATCH_STORE_ACCESS_KEY_ID", "test-key");
    std::env::set_var("MIRRORWATCH_STORE_SECRET_ACCESS_KEY", "test-secret");
    let config = StoreConfig {
        backend: Backend::S3 {
            endpoint: Some(server.url("")),
            bucket: "copies".into(),
            region: "us-east-1".into(),
            root: "/".into(),
        },
        public_url: url::Url::parse(&server.url("/copies/")).unwrap(),
        timeout: std::time::Duration::from_secs(30),
    };
    let store = Store::open(&config).unwrap();
    let dir = std::env::temp_dir().join(format!("mirrorwatch-s3-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    (server, store, dir)
}

async fn served(store: &Store, key: &str) -> Vec<u8> {
    let answer = reqwest::get(store.public_url(key)).await.unwrap();
    answer.bytes().await.unwrap().to_vec()
}

#[tokio::test]
async fn verified_copies_go_to_s3_once_whatever_their_size_and_are_served_from_there() {
    let (_server, store, dir) = s3_store();
    // One small file (one PUT) and one over a part (a multipart upload of two parts).
    for (name, size) in [("1.json", 200usize), ("2.bin", S3_PART_BYTES + 1024 * 1024)] {
        let content: Vec<u8> = (0..size).map(|i| (i % 253) as u8).collect();
        let hash: [u8; 32] = Sha256::digest(&content).into();
        let spool = dir.join(name);
        std::fs::write(&spool, &content).unwrap();
        let key = key(&hash, name);

        assert_eq!(store.put(&key, &spool, &hash).await, Ok(true), "{name}");
        assert_eq!(
            store.put(&key, &spool, &hash).await,
            Ok(false),
            "written once"
        );
        assert_eq!(store.copy_of(&hash).await, Ok(Some(key.clone())));
        let copy = served(&store, &key).await;
        assert_eq!(Sha256::digest(&copy).as_slice(), hash.as_slice(), "{name}");
    }

    // Bytes that do not have the recorded hash are not stored.
    let spool = dir.join("swapped");
    std::fs::write(&spool, b"swapped").unwrap();
    let other = key(&[7; 32], "3.json");
    assert!(store.put(&other, &spool, &[7; 32]).await.is_err());
    assert!(!store.has(&other).await.unwrap());
    let _ = std::fs::remove_dir_all(&dir);
}
