//! A revoked key's leftovers block nobody (issue 20, finding 3): proposals whose proposer is no
//! longer live count against no cap, and the issuer withdraws many collection-wide proposals in
//! one call.

use super::*;

/// `token()` with its pending list full of `proposer()`'s proposals (assets 1..=MAX_PENDING), and
/// one more entry in the catalog; then `proposer()` is revoked.
fn pending_full_of_a_revoked_key() -> (MultiAssetData, World) {
    let (mut data, mut w) = catalog(MAX_PENDING as u64 + 1);
    for asset in 1..=MAX_PENDING as u64 {
        data.propose_asset(&w, proposer(), token(), asset, None)
            .unwrap();
    }
    w.grants.clear();
    (data, w)
}

/// Every open collection-wide slot taken by `proposer()`, then `proposer()` revoked; the catalog
/// has one more entry.
fn collection_full_of_a_revoked_key() -> (MultiAssetData, World) {
    let open = MAX_OPEN_COLLECTION_PROPOSALS as u64;
    let (mut data, mut w) = catalog(open + 1);
    for first in (1..=open).step_by(MAX_COLLECTION_PROPOSALS_PER_CALL) {
        let last = (first + MAX_COLLECTION_PROPOSALS_PER_CALL as u64 - 1).min(open);
        let batch = (first..=last).map(|asset| (asset, None)).collect();
        data.propose_to_collection(&w, proposer(), batch).unwrap();
    }
    w.grants.clear();
    (data, w)
}

#[test]
fn a_revoked_keys_pending_proposals_do_not_keep_the_issuer_from_proposing() {
    let (mut data, w) = pending_full_of_a_revoked_key();
    let next = MAX_PENDING as u64 + 1;
    assert!(data
        .propose_asset(&w, issuer(), token(), next, None)
        .is_ok());
    assert_eq!(data.pending_assets(&w, &token()), vec![next]);
}

#[test]
fn a_revoked_keys_pending_proposals_do_not_keep_a_batch_from_the_token() {
    let (mut data, w) = pending_full_of_a_revoked_key();
    let next = MAX_PENDING as u64 + 1;
    assert!(data
        .propose_asset_to_many(&w, issuer(), vec![token(), Id::U32(7)], next, None)
        .is_ok());
    assert_eq!(data.pending_assets(&w, &token()), vec![next]);
}

#[test]
fn the_issuer_may_propose_an_asset_a_revoked_key_left_pending() {
    let (mut data, w) = pending_full_of_a_revoked_key();
    assert!(data.propose_asset(&w, issuer(), token(), 5, None).is_ok());
    assert_eq!(
        data.pending_proposal(&w, &token(), 5).map(|p| p.proposer),
        Some(issuer())
    );
}

#[test]
fn a_revoked_keys_collection_proposals_do_not_keep_the_issuer_from_proposing_to_the_collection() {
    let (mut data, w) = collection_full_of_a_revoked_key();
    let next = MAX_OPEN_COLLECTION_PROPOSALS as u64 + 1;
    assert!(data
        .propose_to_collection(&w, issuer(), vec![(next, None)])
        .is_ok());
    let open: Vec<AssetId> = data
        .collection_proposals()
        .iter()
        .map(|p| p.asset_id)
        .collect();
    assert_eq!(open, vec![next]);
}

#[test]
fn dropping_leftovers_is_announced_before_the_proposal() {
    let (mut data, w) = pending_full_of_a_revoked_key();
    let next = MAX_PENDING as u64 + 1;
    let events = data
        .propose_asset(&w, issuer(), token(), next, None)
        .unwrap();
    assert_eq!(
        events[0],
        MultiAssetEvent::LapsedProposalsDropped {
            token_id: Some(token()),
            asset_ids: (1..=MAX_PENDING as u64).collect(),
        }
    );
    assert!(matches!(events[1], MultiAssetEvent::AssetProposed { .. }));
}

#[test]
fn a_live_proposers_pending_proposals_still_count_against_the_cap() {
    let (mut data, w) = catalog(MAX_PENDING as u64 + 1);
    for asset in 1..=MAX_PENDING as u64 {
        data.propose_asset(&w, proposer(), token(), asset, None)
            .unwrap();
    }
    assert_eq!(
        data.propose_asset(&w, issuer(), token(), MAX_PENDING as u64 + 1, None),
        Err(MultiAssetError::TooManyPendingAssets { token_id: token() })
    );
    assert_eq!(
        data.pending_assets(&w, &token()).len(),
        MAX_PENDING as usize
    );
}

#[test]
fn a_former_issuers_leftovers_block_nobody_once_the_collection_changed_hands() {
    let (mut data, mut w) = collection_full_of_a_revoked_key();
    // The proposals were made under a grant of issuer(); the collection now belongs to
    // stranger(), who grants nobody.
    w.grants.insert(proposer(), Grant::by(issuer()));
    w.issuer = Some(stranger());
    let next = MAX_OPEN_COLLECTION_PROPOSALS as u64 + 1;
    let events = data
        .propose_to_collection(&w, stranger(), vec![(next, None)])
        .unwrap();
    assert!(matches!(
        &events[0],
        MultiAssetEvent::LapsedProposalsDropped { token_id: None, asset_ids }
            if asset_ids.len() == MAX_OPEN_COLLECTION_PROPOSALS
    ));
}

#[test]
fn leftovers_are_not_touched_when_nothing_is_in_the_way() {
    let (mut data, mut w) = catalog(3);
    w.grants.insert(revoked(), Grant::by(issuer()));
    data.propose_asset(&w, revoked(), token(), 1, None).unwrap();
    w.grants.remove(&revoked());
    w.registry_asked.set(0);
    let events = data.propose_asset(&w, issuer(), token(), 2, None).unwrap();
    assert_eq!(events.len(), 1);
    assert_eq!(data.pending_assets(&w, &token()), vec![1, 2]);
    assert_eq!(w.registry_asked.get(), 0);
}

#[test]
fn a_batch_asks_the_registry_about_each_leftover_proposer_once_in_bounded_questions() {
    // Two tokens whose pending lists are full, each proposal of its own key: 2 × MAX_PENDING
    // keys, all revoked since.
    let (mut data, mut w) = catalog(MAX_PENDING as u64 + 1);
    let key = |n: u32| {
        let mut raw = [0x77; 32];
        raw[..4].copy_from_slice(&n.to_le_bytes());
        AccountId::from(raw)
    };
    let tokens = [token(), Id::U32(7)];
    for (t, token_id) in tokens.iter().enumerate() {
        for asset in 1..=MAX_PENDING as u64 {
            let proposer = key(t as u32 * MAX_PENDING + asset as u32);
            w.grants.insert(proposer, Grant::by(issuer()));
            data.propose_asset(&w, proposer, token_id.clone(), asset, None)
                .unwrap();
        }
    }
    w.grants.retain(|account, _| *account == proposer());
    w.registry_asked.set(0);
    let next = MAX_PENDING as u64 + 1;
    data.propose_asset_to_many(&w, issuer(), tokens.to_vec(), next, None)
        .unwrap();
    let keys = 2 * MAX_PENDING as usize;
    assert_eq!(
        w.registry_asked.get() as usize,
        keys.div_ceil(crate::limits::MAX_ACCOUNTS_ASKED)
    );
    for token_id in &tokens {
        assert_eq!(data.pending_assets(&w, token_id), vec![next]);
    }
}
