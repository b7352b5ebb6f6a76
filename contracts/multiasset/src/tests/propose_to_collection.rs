//! `propose_to_collection` and `collection_proposals`.

use super::*;

#[test]
fn propose_to_collection_emits_one_event_naming_every_proposal() {
    let (mut data, w) = collection_with(&[]);
    let events = data
        .propose_to_collection(&w, proposer(), vec![(3, Some(1)), (4, None)])
        .unwrap();
    assert_eq!(
        events,
        vec![
            MultiAssetEvent::AssetsProposedToCollection {
                proposals: vec![(3, Some(1)), (4, None)],
                proposer: proposer(),
            },
            MultiAssetEvent::BatchMetadataUpdate {
                asset_ids: vec![3, 4]
            },
        ]
    );
}

#[test]
fn propose_to_collection_is_pending_on_every_token_minted_or_not_yet() {
    let (data, mut w) = collection_with(&[(3, Some(1))]);
    assert_eq!(data.pending_assets(&w, &token()), vec![3]);
    assert_eq!(data.asset_replacement(&w, &token(), 3), Some(1));
    assert_eq!(data.pending_assets(&w, &Id::U64(77_777)), vec![3]);
    // A token minted after the proposal sees it too.
    assert!(data.pending_assets(&w, &unminted()).is_empty());
    w.unminted.clear();
    assert_eq!(data.pending_assets(&w, &unminted()), vec![3]);
    assert_eq!(
        data.pending_proposal(&w, &unminted(), 3),
        Some(PendingAsset {
            asset_id: 3,
            replaces: Some(1),
            proposer: issuer(),
        })
    );
}

#[test]
fn propose_to_collection_writes_one_cell_whatever_the_number_of_tokens() {
    let (mut data, w) = collection_with(&[]);
    let before = cells();
    data.propose_to_collection(&w, issuer(), vec![(3, None), (4, None)])
        .unwrap();
    assert_eq!(cells(), before + 1);
    data.propose_to_collection(&w, issuer(), vec![(5, None)])
        .unwrap();
    assert_eq!(cells(), before + 1);
}

#[test]
fn collection_proposals_lists_the_open_ones_in_order_with_their_proposer() {
    let (mut data, w) = collection_with(&[(3, Some(1))]);
    data.propose_to_collection(&w, proposer(), vec![(4, None)])
        .unwrap();
    let open: Vec<(u32, AssetId, Option<AssetId>, AccountId)> = data
        .collection_proposals()
        .iter()
        .map(|p| (p.seq, p.asset_id, p.replaces, p.proposer))
        .collect();
    assert_eq!(
        open,
        vec![(0, 3, Some(1), issuer()), (1, 4, None, proposer())]
    );
}

#[test]
fn propose_to_collection_of_an_unknown_asset_fails() {
    let (mut data, w) = collection_with(&[]);
    assert_eq!(
        data.propose_to_collection(&w, issuer(), vec![(3, None), (99, None)]),
        Err(MultiAssetError::AssetNotFound { asset_id: 99 })
    );
    assert!(data.collection_proposals().is_empty());
}

#[test]
fn propose_to_collection_replacing_an_unknown_asset_fails() {
    let (mut data, w) = collection_with(&[]);
    assert_eq!(
        data.propose_to_collection(&w, issuer(), vec![(3, Some(0))]),
        Err(MultiAssetError::AssetNotFound { asset_id: 0 })
    );
    assert!(data.collection_proposals().is_empty());
}

#[test]
fn propose_to_collection_replacing_itself_fails() {
    let (mut data, w) = collection_with(&[]);
    assert_eq!(
        data.propose_to_collection(&w, issuer(), vec![(3, Some(3))]),
        Err(MultiAssetError::AssetReplacesItself { asset_id: 3 })
    );
}

#[test]
fn propose_to_collection_naming_an_asset_twice_fails() {
    let (mut data, w) = collection_with(&[]);
    assert_eq!(
        data.propose_to_collection(&w, issuer(), vec![(3, None), (4, None), (3, Some(1))]),
        Err(MultiAssetError::DuplicateAsset { asset_id: 3 })
    );
    assert!(data.collection_proposals().is_empty());
}

#[test]
fn propose_to_collection_of_an_open_proposal_fails() {
    let (mut data, w) = collection_with(&[(3, None)]);
    assert_eq!(
        data.propose_to_collection(&w, proposer(), vec![(4, None), (3, Some(2))]),
        Err(MultiAssetError::AssetAlreadyProposedToCollection { asset_id: 3 })
    );
    assert_eq!(data.collection_proposals().len(), 1);
}

#[test]
fn propose_to_collection_of_no_proposal_fails() {
    let (mut data, w) = collection_with(&[]);
    assert_eq!(
        data.propose_to_collection(&w, issuer(), vec![]),
        Err(MultiAssetError::EmptyBatch)
    );
}

#[test]
fn propose_to_collection_of_more_than_the_cap_fails() {
    let (mut data, w) = catalog(MAX_COLLECTION_PROPOSALS_PER_CALL as u64 + 1);
    let proposals: Vec<(AssetId, Option<AssetId>)> = (1..=MAX_COLLECTION_PROPOSALS_PER_CALL as u64
        + 1)
        .map(|a| (a, None))
        .collect();
    assert_eq!(
        data.propose_to_collection(&w, issuer(), proposals.clone()),
        Err(MultiAssetError::BatchTooLarge {
            max: MAX_COLLECTION_PROPOSALS_PER_CALL as u32
        })
    );
    data.propose_to_collection(&w, issuer(), proposals[1..].to_vec())
        .unwrap();
}

#[test]
fn propose_to_collection_past_the_open_cap_fails_and_a_withdrawal_makes_room() {
    let cap = MAX_OPEN_COLLECTION_PROPOSALS as u64;
    let (mut data, w) = catalog(cap + 1);
    let all: Vec<AssetId> = (1..=cap).collect();
    for part in all.chunks(MAX_COLLECTION_PROPOSALS_PER_CALL) {
        data.propose_to_collection(&w, issuer(), part.iter().map(|&a| (a, None)).collect())
            .unwrap();
    }
    assert_eq!(
        data.propose_to_collection(&w, issuer(), vec![(cap + 1, None)]),
        Err(MultiAssetError::TooManyCollectionProposals {
            max: MAX_OPEN_COLLECTION_PROPOSALS as u32
        })
    );
    data.withdraw_from_collection(&w, issuer(), vec![1])
        .unwrap();
    data.propose_to_collection(&w, issuer(), vec![(cap + 1, None)])
        .unwrap();
}
