//! `withdraw_from_collection`.

use super::*;

#[test]
fn withdraw_emits_and_no_token_shows_the_proposal_pending_any_more() {
    let (mut data, w) = collection_with(&[(3, Some(1)), (4, None)]);
    let events = data
        .withdraw_from_collection(&w, issuer(), vec![3])
        .unwrap();
    assert_eq!(
        events,
        vec![
            MultiAssetEvent::CollectionProposalWithdrawn {
                asset_id: 3,
                withdrawn_by: issuer(),
            },
            MultiAssetEvent::BatchMetadataUpdate { asset_ids: vec![3] },
        ]
    );
    assert_eq!(data.pending_assets(&w, &token()), vec![4]);
    assert_eq!(data.asset_replacement(&w, &token(), 3), None);
    assert_eq!(data.pending_assets(&w, &Id::U32(500)), vec![4]);
}

#[test]
fn withdraw_by_the_proposer_who_made_it_succeeds() {
    let (mut data, w) = collection_with(&[]);
    data.propose_to_collection(&w, proposer(), vec![(3, None)])
        .unwrap();
    data.withdraw_from_collection(&w, proposer(), vec![3])
        .unwrap();
    assert!(data.collection_proposals().is_empty());
}

#[test]
fn withdraw_by_another_proposer_or_a_stranger_fails() {
    let (mut data, w) = collection_with(&[(3, None)]);
    for caller in [proposer(), stranger(), owner()] {
        assert_eq!(
            data.withdraw_from_collection(&w, caller, vec![3]),
            Err(MultiAssetError::NotIssuerOrItsProposer { asset_id: 3 })
        );
    }
    assert_eq!(data.collection_proposals().len(), 1);
}

#[test]
fn withdraw_of_an_asset_not_proposed_to_the_collection_fails() {
    let (mut data, w) = collection_with(&[(3, None)]);
    assert_eq!(
        data.withdraw_from_collection(&w, issuer(), vec![4]),
        Err(MultiAssetError::AssetNotProposedToCollection { asset_id: 4 })
    );
}

#[test]
fn a_withdrawn_proposal_cannot_be_accepted() {
    let (mut data, w) = collection_with(&[(3, None)]);
    data.withdraw_from_collection(&w, issuer(), vec![3])
        .unwrap();
    assert_eq!(
        data.accept_asset(&w, owner(), token(), 3),
        Err(MultiAssetError::AssetNotPending { token_id: token() })
    );
    assert_eq!(data.active_assets(&w, &token()), vec![1, 2]);
}

#[test]
fn a_token_that_accepted_a_withdrawn_proposal_keeps_it() {
    let (mut data, w) = collection_with(&[(3, Some(1))]);
    data.accept_asset(&w, owner(), token(), 3).unwrap();
    data.withdraw_from_collection(&w, issuer(), vec![3])
        .unwrap();
    assert_eq!(data.active_assets(&w, &token()), vec![3, 2]);
}

#[test]
fn withdraw_keeps_the_order_of_the_other_proposals() {
    let (mut data, w) = collection_with(&[(3, None), (4, None), (5, None)]);
    data.withdraw_from_collection(&w, issuer(), vec![3])
        .unwrap();
    assert_eq!(data.pending_assets(&w, &token()), vec![4, 5]);
}

#[test]
fn an_asset_proposed_again_after_withdrawal_is_pending_again_even_where_rejected_before() {
    let (mut data, w) = collection_with(&[(3, None)]);
    data.reject_asset(&w, owner(), token(), 3).unwrap();
    data.withdraw_from_collection(&w, issuer(), vec![3])
        .unwrap();
    data.propose_to_collection(&w, issuer(), vec![(3, None)])
        .unwrap();
    assert_eq!(data.pending_assets(&w, &token()), vec![3]);
}

// ---- many in one call ---------------------------------------------------------------------

/// The open collection-wide proposals' assets, in order.
fn open(data: &MultiAssetData) -> Vec<AssetId> {
    data.collection_proposals()
        .iter()
        .map(|p| p.asset_id)
        .collect()
}

#[test]
fn withdraw_of_many_withdraws_each_with_its_event_and_one_batch_update() {
    let (mut data, w) = collection_with(&[(3, None), (4, None), (5, None)]);
    let events = data
        .withdraw_from_collection(&w, issuer(), vec![5, 3])
        .unwrap();
    let withdrawn = |asset_id| MultiAssetEvent::CollectionProposalWithdrawn {
        asset_id,
        withdrawn_by: issuer(),
    };
    assert_eq!(
        events,
        vec![
            withdrawn(5),
            withdrawn(3),
            MultiAssetEvent::BatchMetadataUpdate {
                asset_ids: vec![5, 3]
            },
        ]
    );
    assert_eq!(open(&data), vec![4]);
}

#[test]
fn the_issuer_withdraws_every_open_proposal_of_a_revoked_key_in_one_call() {
    let (mut data, mut w) = catalog(MAX_OPEN_COLLECTION_PROPOSALS as u64);
    let all: Vec<AssetId> = (1..=MAX_OPEN_COLLECTION_PROPOSALS as u64).collect();
    for chunk in all.chunks(MAX_COLLECTION_PROPOSALS_PER_CALL) {
        let batch = chunk.iter().map(|&asset| (asset, None)).collect();
        data.propose_to_collection(&w, proposer(), batch).unwrap();
    }
    w.grants.clear();
    data.withdraw_from_collection(&w, issuer(), all).unwrap();
    assert!(open(&data).is_empty());
}

#[test]
fn withdraw_of_many_naming_one_the_caller_may_not_withdraw_changes_nothing() {
    let (mut data, w) = collection_with(&[(3, None)]);
    data.propose_to_collection(&w, proposer(), vec![(4, None)])
        .unwrap();
    assert_eq!(
        data.withdraw_from_collection(&w, proposer(), vec![4, 3]),
        Err(MultiAssetError::NotIssuerOrItsProposer { asset_id: 3 })
    );
    assert_eq!(
        data.withdraw_from_collection(&w, issuer(), vec![3, 9]),
        Err(MultiAssetError::AssetNotProposedToCollection { asset_id: 9 })
    );
    assert_eq!(open(&data), vec![3, 4]);
}

#[test]
fn withdraw_of_no_asset_too_many_or_one_twice_fails() {
    let (mut data, w) = collection_with(&[(3, None)]);
    assert_eq!(
        data.withdraw_from_collection(&w, issuer(), vec![]),
        Err(MultiAssetError::EmptyBatch)
    );
    let too_many = vec![3; MAX_OPEN_COLLECTION_PROPOSALS + 1];
    assert_eq!(
        data.withdraw_from_collection(&w, issuer(), too_many),
        Err(MultiAssetError::BatchTooLarge {
            max: MAX_OPEN_COLLECTION_PROPOSALS as u32
        })
    );
    assert_eq!(
        data.withdraw_from_collection(&w, issuer(), vec![3, 3]),
        Err(MultiAssetError::DuplicateAsset { asset_id: 3 })
    );
    assert_eq!(open(&data), vec![3]);
}
