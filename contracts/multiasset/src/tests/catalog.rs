//! `add_asset_entry`, `add_asset_entries`, `asset`, `total_assets`.

use super::*;

#[test]
fn add_asset_entry_by_issuer_numbers_entries_from_one() {
    let mut data = empty();
    let w = world();
    let hash = sha256(b"cat.png bytes");
    let (id, events) = data
        .add_asset_entry(&w, issuer(), "https://host/cat.png".into(), Some(hash))
        .unwrap();
    assert_eq!(id, 1);
    assert_eq!(data.total_assets(), 1);
    assert_eq!(data.asset(1).unwrap().content_hash, Some(hash));
    assert_eq!(
        events,
        vec![MultiAssetEvent::AssetEntryAdded {
            asset_id: 1,
            uri: "https://host/cat.png".into(),
            content_hash: Some(hash),
            added_by: issuer()
        }]
    );
}

#[test]
fn asset_zero_is_never_an_entry() {
    let (data, _) = catalog(2);
    assert_eq!(data.asset(0), None);
    assert!(data.asset(1).is_some());
}

#[test]
fn add_asset_entry_with_empty_uri_fails() {
    let mut data = empty();
    assert_eq!(
        data.add_asset_entry(&world(), issuer(), String::new(), None),
        Err(MultiAssetError::EmptyUri { index: 0 })
    );
}

#[test]
fn add_asset_entry_with_uri_over_512_bytes_fails_and_512_passes() {
    let mut data = empty();
    assert_eq!(
        data.add_asset_entry(&world(), issuer(), "x".repeat(MAX_URI_LEN + 1), None),
        Err(MultiAssetError::UriTooLong { index: 0 })
    );
    assert_eq!(
        data.add_asset_entry(&world(), issuer(), "x".repeat(MAX_URI_LEN), None)
            .map(|(asset_id, _)| asset_id),
        Ok(1)
    );
}

#[test]
fn add_asset_entries_adds_a_mirror_set_with_one_hash() {
    let mut data = empty();
    let hash = sha256(b"metadata.json");
    let mirrors: Vec<(String, Option<[u8; 32]>)> =
        ["https://h/m.json", "ipfs://Qm", "ar://tx", "sia://sky"]
            .into_iter()
            .map(|uri| (uri.to_string(), Some(hash)))
            .collect();
    let (ids, events) = data
        .add_asset_entries(&world(), proposer(), mirrors)
        .unwrap();
    assert_eq!(ids, vec![1, 2, 3, 4]);
    assert_eq!(events.len(), 4);
    assert_eq!(data.asset(4).unwrap().uri, "sia://sky");
    assert!((1..=4).all(|id| data.asset(id).unwrap().content_hash == Some(hash)));
}

#[test]
fn add_asset_entries_with_a_bad_uri_names_it_and_adds_nothing() {
    let mut data = empty();
    let entries = vec![("ipfs://ok".to_string(), None), (String::new(), None)];
    assert_eq!(
        data.add_asset_entries(&world(), issuer(), entries),
        Err(MultiAssetError::EmptyUri { index: 1 })
    );
    assert_eq!(data.total_assets(), 0);
    assert_eq!(data.asset(1), None);
}

#[test]
fn add_asset_entries_empty_or_over_cap_fails() {
    let mut data = empty();
    assert_eq!(
        data.add_asset_entries(&world(), issuer(), vec![]),
        Err(MultiAssetError::EmptyBatch)
    );
    let too_many = vec![("ipfs://x".to_string(), None); MAX_ENTRIES_PER_CALL + 1];
    assert_eq!(
        data.add_asset_entries(&world(), issuer(), too_many),
        Err(MultiAssetError::BatchTooLarge {
            max: MAX_ENTRIES_PER_CALL as u32
        })
    );
}

#[test]
fn content_hash_catches_a_swapped_file() {
    let (data, _) = catalog(1);
    let entry = data.asset(1).unwrap();
    let served_honestly = entry.uri.as_bytes();
    assert_eq!(entry.content_hash, Some(sha256(served_honestly)));
    assert_ne!(entry.content_hash, Some(sha256(b"a different file")));
}
