//! Deciding collection-wide proposals on a token: `accept_asset`, `reject_asset`,
//! `reject_all_assets`, and a whole set at once with `accept_assets` / `reject_assets`.

use super::*;

#[test]
fn accept_of_a_collection_proposal_replaces_in_place_keeping_the_priority() {
    let (mut data, w) = collection_with(&[(3, Some(1))]);
    let events = data.accept_asset(&w, owner(), token(), 3).unwrap();
    assert_eq!(
        events,
        vec![
            MultiAssetEvent::AssetAccepted {
                token_id: token(),
                asset_id: 3,
                replaced: Some(1),
            },
            MultiAssetEvent::MetadataUpdate { token_id: token() },
        ]
    );
    assert_eq!(data.active_assets(&w, &token()), vec![3, 2]);
    assert_eq!(data.active_asset_priorities(&w, &token()), vec![0, 1]);
    assert!(data.pending_assets(&w, &token()).is_empty());
}

#[test]
fn accept_of_a_collection_proposal_whose_replaced_asset_is_not_active_appends_it() {
    let (mut data, w) = collection_with(&[(4, Some(3))]);
    data.accept_asset(&w, owner(), token(), 4).unwrap();
    assert_eq!(data.active_assets(&w, &token()), vec![1, 2, 4]);
    assert_eq!(data.active_asset_priorities(&w, &token()), vec![0, 1, 2]);
}

#[test]
fn accept_on_one_token_leaves_the_proposal_pending_on_the_others() {
    let (mut data, w) = collection_with(&[(3, None)]);
    data.accept_asset(&w, owner(), token(), 3).unwrap();
    assert_eq!(data.pending_assets(&w, &Id::U32(40)), vec![3]);
}

#[test]
fn reject_of_a_collection_proposal_hides_it_on_that_token_only() {
    let (mut data, w) = collection_with(&[(3, None), (4, None)]);
    let events = data.reject_asset(&w, owner(), token(), 3).unwrap();
    assert_eq!(
        events,
        vec![MultiAssetEvent::AssetRejected {
            token_id: token(),
            asset_id: 3,
        }]
    );
    assert_eq!(data.pending_assets(&w, &token()), vec![4]);
    assert_eq!(data.pending_assets(&w, &Id::U32(40)), vec![3, 4]);
    assert_eq!(
        data.accept_asset(&w, owner(), token(), 3),
        Err(MultiAssetError::AssetNotPending { token_id: token() })
    );
}

#[test]
fn accept_of_a_revoked_proposers_collection_proposal_fails() {
    let (mut data, mut w) = collection_with(&[]);
    data.propose_to_collection(&w, proposer(), vec![(3, None)])
        .unwrap();
    w.grants.clear();
    assert_eq!(
        data.accept_asset(&w, owner(), token(), 3),
        Err(MultiAssetError::ProposerRevoked { token_id: token() })
    );
    data.reject_asset(&w, owner(), token(), 3).unwrap();
}

#[test]
fn a_collection_proposal_of_an_asset_already_active_on_the_token_is_not_pending_there() {
    let (mut data, w) = collection_with(&[(1, None)]);
    assert!(data.pending_assets(&w, &token()).is_empty());
    assert_eq!(data.pending_assets(&w, &Id::U32(40)), vec![1]);
    assert_eq!(
        data.accept_asset(&w, owner(), token(), 1),
        Err(MultiAssetError::AssetNotPending { token_id: token() })
    );
}

#[test]
fn a_collection_proposal_of_an_asset_the_token_has_pending_shows_once() {
    let (mut data, w) = collection_with(&[]);
    data.propose_asset(&w, proposer(), token(), 3, None)
        .unwrap();
    data.propose_to_collection(&w, issuer(), vec![(3, Some(1))])
        .unwrap();
    assert_eq!(data.pending_assets(&w, &token()), vec![3]);
    // The token's own proposal is what it shows, and rejecting it decides both.
    assert_eq!(data.asset_replacement(&w, &token(), 3), None);
    data.reject_asset(&w, owner(), token(), 3).unwrap();
    assert!(data.pending_assets(&w, &token()).is_empty());
}

#[test]
fn reject_all_rejects_collection_proposals_too_and_counts_them() {
    let (mut data, w) = collection_with(&[(4, None), (5, None)]);
    propose(&mut data, &w, token(), 3);
    assert_eq!(
        data.reject_all_assets(&w, owner(), token(), 2),
        Err(MultiAssetError::UnexpectedNumberOfAssets {
            token_id: token(),
            pending: 3
        })
    );
    let events = data.reject_all_assets(&w, owner(), token(), 3).unwrap();
    assert_eq!(
        events,
        vec![MultiAssetEvent::AllAssetsRejected {
            token_id: token(),
            count: 3
        }]
    );
    assert!(data.pending_assets(&w, &token()).is_empty());
    assert_eq!(data.pending_assets(&w, &Id::U32(40)), vec![4, 5]);
}

#[test]
fn accept_assets_accepts_a_whole_mirror_set_in_order_with_one_event() {
    let (mut data, w) = collection_with(&[(3, Some(1)), (4, None), (5, None)]);
    let events = data
        .accept_assets(&w, owner(), token(), vec![5, 3, 4])
        .unwrap();
    // One event for the set, in order, naming what each replaced; the top asset changed (3
    // took 1's place): one update for the whole set.
    assert_eq!(
        events,
        vec![
            MultiAssetEvent::AssetsAccepted {
                token_id: token(),
                accepted: vec![(5, None), (3, Some(1)), (4, None)],
            },
            MultiAssetEvent::MetadataUpdate { token_id: token() },
        ]
    );
    assert_eq!(data.active_assets(&w, &token()), vec![3, 2, 5, 4]);
    assert_eq!(data.active_asset_priorities(&w, &token()), vec![0, 1, 2, 3]);
    assert!(data.pending_assets(&w, &token()).is_empty());
}

#[test]
fn accept_assets_mixes_token_level_and_collection_proposals() {
    let (mut data, w) = collection_with(&[(3, None)]);
    propose(&mut data, &w, token(), 4);
    data.accept_assets(&w, owner(), token(), vec![4, 3])
        .unwrap();
    assert_eq!(data.active_assets(&w, &token()), vec![1, 2, 4, 3]);
}

#[test]
fn accept_assets_with_one_asset_not_pending_changes_nothing() {
    let (mut data, w) = collection_with(&[(3, Some(1)), (4, None)]);
    assert_eq!(
        data.accept_assets(&w, owner(), token(), vec![3, 6, 4]),
        Err(MultiAssetError::AssetNotPending { token_id: token() })
    );
    assert_eq!(data.active_assets(&w, &token()), vec![1, 2]);
    assert_eq!(data.pending_assets(&w, &token()), vec![3, 4]);
}

#[test]
fn accept_assets_past_the_active_cap_changes_nothing() {
    let (mut data, w) = one_below_the_active_cap_with_two_collection_proposals();
    let first = MAX_ACTIVE as u64;
    assert_eq!(
        data.accept_assets(&w, owner(), token(), vec![first, first + 1]),
        Err(MultiAssetError::TooManyActiveAssets { token_id: token() })
    );
    assert_eq!(
        data.active_assets(&w, &token()).len(),
        MAX_ACTIVE as usize - 1
    );
    assert_eq!(data.pending_assets(&w, &token()), vec![first, first + 1]);
}

#[test]
fn accept_assets_naming_an_asset_twice_fails() {
    let (mut data, w) = collection_with(&[(3, None), (4, None)]);
    assert_eq!(
        data.accept_assets(&w, owner(), token(), vec![3, 4, 3]),
        Err(MultiAssetError::DuplicateAsset { asset_id: 3 })
    );
    assert!(data.active_assets(&w, &token()) == vec![1, 2]);
}

#[test]
fn accept_assets_of_no_asset_or_more_than_the_cap_fails() {
    let (mut data, w) = collection_with(&[(3, None)]);
    assert_eq!(
        data.accept_assets(&w, owner(), token(), vec![]),
        Err(MultiAssetError::EmptyBatch)
    );
    let too_many: Vec<AssetId> = (1..=MAX_DECISIONS_PER_CALL as u64 + 1).collect();
    assert_eq!(
        data.accept_assets(&w, owner(), token(), too_many),
        Err(MultiAssetError::BatchTooLarge {
            max: MAX_DECISIONS_PER_CALL as u32
        })
    );
}

#[test]
fn accept_assets_asks_the_registry_once_about_every_proposer() {
    let (mut data, mut w) = collection_with(&[]);
    let second = account(10);
    w.grants.insert(second, Grant::by(issuer()));
    data.propose_to_collection(&w, proposer(), vec![(3, None), (4, None)])
        .unwrap();
    data.propose_to_collection(&w, second, vec![(5, None)])
        .unwrap();
    w.registry_asked.set(0);
    data.accept_assets(&w, owner(), token(), vec![3, 4, 5])
        .unwrap();
    assert_eq!(w.registry_asked.get(), 1);
}

#[test]
fn reject_assets_rejects_a_whole_set_with_one_event() {
    let (mut data, w) = collection_with(&[(3, None), (4, None)]);
    propose(&mut data, &w, token(), 5);
    let events = data
        .reject_assets(&w, owner(), token(), vec![4, 5])
        .unwrap();
    assert_eq!(
        events,
        vec![MultiAssetEvent::AssetsRejected {
            token_id: token(),
            asset_ids: vec![4, 5],
        }]
    );
    assert_eq!(data.pending_assets(&w, &token()), vec![3]);
}

#[test]
fn reject_assets_with_one_asset_not_pending_changes_nothing() {
    let (mut data, w) = collection_with(&[(3, None), (4, None)]);
    assert_eq!(
        data.reject_assets(&w, owner(), token(), vec![3, 1]),
        Err(MultiAssetError::AssetNotPending { token_id: token() })
    );
    assert_eq!(data.pending_assets(&w, &token()), vec![3, 4]);
}

#[test]
fn decisions_on_withdrawn_proposals_are_forgotten_by_the_next_decision() {
    let (mut data, w) = collection_with(&[(3, None), (4, None)]);
    data.reject_asset(&w, owner(), token(), 3).unwrap();
    data.withdraw_from_collection(&w, issuer(), vec![3])
        .unwrap();
    assert_eq!(data.token(&token()).decided, vec![0]);
    data.accept_asset(&w, owner(), token(), 4).unwrap();
    assert_eq!(data.token(&token()).decided, vec![1]);
}
