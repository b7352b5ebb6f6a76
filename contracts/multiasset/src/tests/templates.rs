//! Templated catalog entries: `{id}` in the last path segment, `asset_uri`, and `token_assets`
//! answering each token its own file.

use super::*;
use crate::template::{manifest_uri, placeholder};

fn add(data: &mut MultiAssetData, w: &World, uri: &str) -> Result<AssetId, MultiAssetError> {
    data.add_asset_entry(w, issuer(), uri.into(), None)
        .map(|(id, _)| id)
}

#[test]
fn a_template_with_id_in_its_last_path_segment_is_added() {
    let (mut data, w) = catalog(0);
    for uri in [
        "ipfs://bafybeib/{id}.json",
        "https://cdn.example.org/meta/{id}",
        "ar://tx/{id}.json?v=2",
    ] {
        add(&mut data, &w, uri).unwrap();
    }
    assert_eq!(data.total_assets(), 3);
}

#[test]
fn a_template_with_id_anywhere_else_or_twice_fails_naming_the_entry() {
    let (mut data, w) = catalog(0);
    for bad in [
        "ipfs://{id}",
        "https://{id}.example.org/a.json",
        "https://host/{id}/meta.json",
        "https://host/a/{id}-{id}.json",
        "https://host?file={id}",
        "{id}",
    ] {
        assert_eq!(
            add(&mut data, &w, bad),
            Err(MultiAssetError::BadTemplate { index: 0 })
        );
    }
    assert_eq!(data.total_assets(), 0);
}

#[test]
fn a_template_with_id_in_its_query_or_fragment_fails() {
    // One manifest line would stand for every token's file: nothing could be verified.
    let (mut data, w) = catalog(0);
    for bad in [
        "https://host/meta.json?token={id}",
        "https://host/meta/file#{id}",
        "ipfs://bafy/dir?x=1&id={id}.json",
    ] {
        assert_eq!(
            data.add_asset_entries(
                &w,
                issuer(),
                vec![("https://host/ok.json".into(), None), (bad.into(), None)]
            ),
            Err(MultiAssetError::BadTemplate { index: 1 }),
            "{bad}"
        );
    }
    assert_eq!(data.total_assets(), 0);
}

#[test]
fn asset_uri_substitutes_integer_ids_in_decimal() {
    let (mut data, w) = catalog(0);
    let asset = add(&mut data, &w, "ipfs://cid/{id}.json").unwrap();
    for (id, expected) in [
        (Id::U8(0), "0"),
        (Id::U8(7), "7"),
        (Id::U16(65_535), "65535"),
        (Id::U32(42), "42"),
        (Id::U64(10_000_000_000), "10000000000"),
        (
            Id::U128(u128::MAX),
            "340282366920938463463374607431768211455",
        ),
        (Id::U128(1 << 64), "18446744073709551616"),
    ] {
        assert_eq!(
            data.asset_uri(&id, asset),
            Some(format!("ipfs://cid/{expected}.json"))
        );
    }
}

#[test]
fn asset_uri_substitutes_bytes_ids_in_lowercase_hex() {
    let (mut data, w) = catalog(0);
    let asset = add(&mut data, &w, "ar://tx/{id}").unwrap();
    assert_eq!(
        data.asset_uri(&Id::Bytes(vec![0xab, 0x01, 0xff]), asset),
        Some("ar://tx/ab01ff".into())
    );
    assert_eq!(
        data.asset_uri(&Id::Bytes(vec![]), asset),
        Some("ar://tx/".into())
    );
}

#[test]
fn asset_uri_of_a_plain_entry_is_its_uri_and_of_an_unknown_entry_none() {
    let (data, _) = catalog(1);
    assert_eq!(
        data.asset_uri(&Id::U32(5), 1),
        Some("ipfs://asset-1".into())
    );
    assert_eq!(data.asset_uri(&Id::U32(5), 2), None);
}

#[test]
fn token_assets_answers_each_token_its_own_file() {
    let (mut data, w) = catalog(0);
    let asset = add(&mut data, &w, "https://cdn/{id}.json").unwrap();
    data.propose_to_collection(&w, issuer(), vec![(asset, None)])
        .unwrap();
    for n in [1u32, 40] {
        data.set_follows_collection(
            &w,
            if n == 1 { owner() } else { collector() },
            vec![Id::U32(n)],
            true,
        )
        .unwrap();
        let page = data.token_assets(&w, &Id::U32(n), 0, 1).unwrap();
        assert_eq!(page[0].uri, format!("https://cdn/{n}.json"));
    }
}

#[test]
fn the_manifest_of_a_template_is_sha256sums_in_its_directory() {
    assert_eq!(
        manifest_uri("ipfs://cid/meta/{id}.json"),
        "ipfs://cid/meta/SHA256SUMS"
    );
    assert_eq!(placeholder("ipfs://cid/meta/{id}.json"), Ok(Some(16)));
    assert_eq!(placeholder("ipfs://cid/meta/1.json"), Ok(None));
}
