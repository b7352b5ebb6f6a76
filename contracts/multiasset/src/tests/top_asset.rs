//! `top_asset`, `top_assets` and `top_asset_uri`: what a wallet shows first.

use super::*;

fn top_id(data: &MultiAssetData, w: &World, token_id: &Id) -> Option<AssetId> {
    data.top_asset(w, token_id).map(|asset| asset.asset_id)
}

#[test]
fn top_asset_is_the_lowest_priority_with_its_entry() {
    let (mut data, w) = token_with(3, 0);
    data.set_priority(&w, owner(), token(), vec![5, 1, 9])
        .unwrap();
    assert_eq!(
        data.top_asset(&w, &token()),
        Some(TokenAsset {
            asset_id: 2,
            priority: 1,
            uri: "ipfs://asset-2".into(),
            content_hash: Some(sha256(b"ipfs://asset-2")),
        })
    );
}

#[test]
fn top_asset_with_untouched_priorities_is_the_first_accepted() {
    let (data, w) = token_with(2, 1);
    assert_eq!(top_id(&data, &w, &token()), Some(1));
}

#[test]
fn top_asset_of_a_token_without_active_assets_or_not_minted_is_none() {
    let (mut data, w) = token_with(0, 1);
    assert_eq!(data.top_asset(&w, &token()), None);
    propose(&mut data, &w, unminted(), 1);
    assert_eq!(data.top_asset(&w, &unminted()), None);
}

#[test]
fn top_asset_of_a_following_token_is_what_the_collection_shows() {
    let (mut data, w) = collection_with(&[(3, Some(1))]);
    assert_eq!(top_id(&data, &w, &token()), Some(1));
    data.set_follows_collection(&w, owner(), vec![token()], true)
        .unwrap();
    assert_eq!(top_id(&data, &w, &token()), Some(3));
    assert_eq!(
        data.top_asset_uri(&w, w.issuer, &token()),
        Some("https://mirror/3.json".into())
    );
}

#[test]
fn top_asset_uri_resolves_a_template_for_the_token() {
    let (mut data, w) = catalog(0);
    data.add_asset_entry(&w, issuer(), "ar://tx/{id}.json".into(), None)
        .unwrap();
    propose(&mut data, &w, token(), 1);
    accept(&mut data, &w, 1);
    assert_eq!(
        data.top_asset_uri(&w, w.issuer, &token()),
        Some("ar://tx/1.json".into())
    );
    assert_eq!(data.top_asset_uri(&w, w.issuer, &Id::U32(40)), None);
}

#[test]
fn top_assets_answers_each_token_in_order_with_one_question_to_the_collection() {
    let (mut data, w) = token_with(2, 0);
    propose(&mut data, &w, issuers_token(), 2);
    let ids = vec![
        token(),
        unminted(),
        issuers_token(),
        Id::Bytes(vec![1; 100]),
    ];
    let tops: Vec<Option<AssetId>> = data
        .top_assets(&w, &ids)
        .unwrap()
        .iter()
        .map(|top| top.as_ref().map(|asset| asset.asset_id))
        .collect();
    assert_eq!(tops, vec![Some(1), None, Some(2), None]);
}

#[test]
fn top_assets_of_more_than_the_cap_fails() {
    let (data, w) = token_with(1, 0);
    let ids: Vec<Id> = (0..=MAX_TOKENS_PER_QUERY as u32).map(Id::U32).collect();
    assert_eq!(
        data.top_assets(&w, &ids),
        Err(MultiAssetError::BatchTooLarge {
            max: MAX_TOKENS_PER_QUERY as u32
        })
    );
}
