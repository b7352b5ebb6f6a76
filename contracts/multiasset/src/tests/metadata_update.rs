//! ERC-4906's `MetadataUpdate`: emitted exactly when a token's top asset changes.

use super::*;

fn updates(events: &[MultiAssetEvent]) -> usize {
    events
        .iter()
        .filter(|e| matches!(e, MultiAssetEvent::MetadataUpdate { .. }))
        .count()
}

#[test]
fn accepting_the_first_asset_updates_the_metadata() {
    let (mut data, w) = token_with(0, 1);
    let events = data.accept_asset(&w, owner(), token(), 1).unwrap();
    assert_eq!(
        events.last(),
        Some(&MultiAssetEvent::MetadataUpdate { token_id: token() })
    );
}

#[test]
fn accepting_an_asset_appended_below_the_top_does_not() {
    let (mut data, w) = token_with(1, 1);
    let events = data.accept_asset(&w, owner(), token(), 2).unwrap();
    assert_eq!(updates(&events), 0);
}

#[test]
fn a_replacement_of_the_top_asset_updates_it_and_of_another_does_not() {
    let (mut data, w) = collection_with(&[(3, Some(2)), (4, Some(1))]);
    assert_eq!(
        updates(&data.accept_asset(&w, owner(), token(), 3).unwrap()),
        0
    );
    assert_eq!(
        updates(&data.accept_asset(&w, owner(), token(), 4).unwrap()),
        1
    );
}

#[test]
fn rejecting_never_changes_the_top_asset() {
    let (mut data, w) = token_with(1, 2);
    assert_eq!(
        updates(&data.reject_asset(&w, owner(), token(), 2).unwrap()),
        0
    );
    assert_eq!(
        updates(&data.reject_all_assets(&w, owner(), token(), 1).unwrap()),
        0
    );
}

#[test]
fn set_priority_that_keeps_the_top_asset_does_not_update() {
    let (mut data, w) = token_with(3, 0);
    let events = data
        .set_priority(&w, owner(), token(), vec![0, 7, 5])
        .unwrap();
    assert_eq!(updates(&events), 0);
}

#[test]
fn following_updates_only_a_token_whose_top_asset_changes_and_stopping_never() {
    let (mut data, w) = collection_with(&[(3, None)]);
    let events = data
        .set_follows_collection(&w, owner(), vec![token()], true)
        .unwrap();
    assert_eq!(updates(&events), 0, "3 is appended below the top");
    data.propose_to_collection(&w, issuer(), vec![(4, Some(1))])
        .unwrap();
    let events = data
        .set_follows_collection(&w, owner(), vec![token()], false)
        .unwrap();
    assert_eq!(updates(&events), 0);
    let (mut data, w) = collection_with(&[(4, Some(1))]);
    let events = data
        .set_follows_collection(&w, owner(), vec![token()], true)
        .unwrap();
    assert_eq!(
        events.last(),
        Some(&MultiAssetEvent::MetadataUpdate { token_id: token() })
    );
}
