//! The read-only messages.

use super::*;

#[test]
fn token_assets_pages_through_the_ranking_with_uri_and_hash() {
    let (data, w) = token_with(3, 0);
    let page = data.token_assets(&w, &token(), 1, 1).unwrap();
    assert_eq!(
        page,
        vec![TokenAsset {
            asset_id: 2,
            priority: 1,
            uri: "ipfs://asset-2".into(),
            content_hash: Some(sha256(b"ipfs://asset-2")),
        }]
    );
    assert!(data
        .token_assets(&w, &token(), 3, MAX_PAGE)
        .unwrap()
        .is_empty());
}

#[test]
fn token_assets_with_limit_above_max_page_fails() {
    let (data, w) = token_with(1, 0);
    assert_eq!(
        data.token_assets(&w, &token(), 0, MAX_PAGE + 1),
        Err(MultiAssetError::LimitTooLarge)
    );
}

#[test]
fn asset_replacement_is_none_for_plain_or_unknown_proposals() {
    let (data, w) = token_with(1, 1);
    assert_eq!(data.asset_replacement(&w, &token(), 2), None);
    assert_eq!(data.asset_replacement(&w, &token(), 1), None);
    assert_eq!(data.asset_replacement(&w, &token(), 9), None);
}

#[test]
fn tokens_do_not_share_assets() {
    let (mut data, w) = token_with(1, 0);
    assert!(data.active_assets(&w, &Id::U32(3)).is_empty());
    propose(&mut data, &w, Id::U32(3), 1);
    assert_eq!(data.pending_assets(&w, &Id::U32(3)), vec![1]);
    assert_eq!(data.active_assets(&w, &token()), vec![1]);
}
