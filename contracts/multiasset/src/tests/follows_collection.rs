//! Standing consent: `set_follows_collection` and `follows_collection`, and what a following
//! token shows.

use super::*;

/// Active assets from `(asset, priority)` pairs, in position order.
fn actives(pairs: &[(AssetId, u64)]) -> Vec<ActiveAsset> {
    pairs
        .iter()
        .map(|&(asset_id, priority)| ActiveAsset { asset_id, priority })
        .collect()
}

fn follow(data: &mut MultiAssetData, w: &World, follows: bool) -> Vec<MultiAssetEvent> {
    data.set_follows_collection(w, owner(), vec![token()], follows)
        .unwrap()
}

#[test]
fn follow_emits_what_the_token_now_shows() {
    let (mut data, w) = collection_with(&[(3, Some(1)), (4, None)]);
    let events = follow(&mut data, &w, true);
    assert_eq!(
        events,
        vec![
            MultiAssetEvent::CollectionFollowSet {
                token_id: token(),
                follows: true,
                active: actives(&[(3, 0), (2, 1), (4, 2)]),
            },
            MultiAssetEvent::MetadataUpdate { token_id: token() },
        ]
    );
    assert!(data.follows_collection(&token()));
    assert!(!data.follows_collection(&Id::U32(40)));
}

#[test]
fn a_following_token_shows_every_open_proposal_active_past_and_future() {
    let (mut data, w) = collection_with(&[(3, Some(1))]);
    follow(&mut data, &w, true);
    data.propose_to_collection(&w, proposer(), vec![(4, Some(2)), (5, None)])
        .unwrap();
    assert_eq!(data.active_assets(&w, &token()), vec![3, 4, 5]);
    assert_eq!(data.active_asset_priorities(&w, &token()), vec![0, 1, 2]);
    assert!(data.pending_assets(&w, &token()).is_empty());
    let uris: Vec<String> = data
        .token_assets(&w, &token(), 0, MAX_PAGE)
        .unwrap()
        .into_iter()
        .map(|a| a.uri)
        .collect();
    assert_eq!(
        uris,
        vec![
            "https://mirror/3.json",
            "https://mirror/4.json",
            "https://mirror/5.json"
        ]
    );
}

#[test]
fn a_following_token_shows_again_what_a_withdrawn_proposal_replaced() {
    let (mut data, w) = collection_with(&[(3, Some(1)), (4, None)]);
    follow(&mut data, &w, true);
    data.withdraw_from_collection(&w, issuer(), vec![3])
        .unwrap();
    assert_eq!(data.active_assets(&w, &token()), vec![1, 2, 4]);
    data.withdraw_from_collection(&w, issuer(), vec![4])
        .unwrap();
    assert_eq!(data.active_assets(&w, &token()), vec![1, 2]);
}

#[test]
fn a_chain_of_replacements_applies_in_order_on_a_following_token() {
    let (mut data, w) = collection_with(&[(3, Some(1))]);
    follow(&mut data, &w, true);
    data.propose_to_collection(&w, issuer(), vec![(4, Some(3))])
        .unwrap();
    assert_eq!(data.active_assets(&w, &token()), vec![4, 2]);
    data.withdraw_from_collection(&w, issuer(), vec![3])
        .unwrap();
    // 4 replaced 3, which is gone: 4 is appended after what 3 replaced came back.
    assert_eq!(data.active_assets(&w, &token()), vec![1, 2, 4]);
}

#[test]
fn stopping_keeps_what_the_token_shows_and_emits_it() {
    let (mut data, w) = collection_with(&[(3, Some(1))]);
    follow(&mut data, &w, true);
    let events = follow(&mut data, &w, false);
    assert_eq!(
        events,
        vec![MultiAssetEvent::CollectionFollowSet {
            token_id: token(),
            follows: false,
            active: actives(&[(3, 0), (2, 1)]),
        }]
    );
    // Kept: a withdrawal no longer changes it, and the proposal is not pending again.
    data.withdraw_from_collection(&w, issuer(), vec![3])
        .unwrap();
    assert_eq!(data.active_assets(&w, &token()), vec![3, 2]);
    data.propose_to_collection(&w, issuer(), vec![(4, None)])
        .unwrap();
    assert_eq!(data.pending_assets(&w, &token()), vec![4]);
}

#[test]
fn stopping_leaves_pending_the_proposals_that_did_not_fit() {
    let (mut data, w) = one_below_the_active_cap_with_two_collection_proposals();
    let first = MAX_ACTIVE as u64;
    follow(&mut data, &w, true);
    assert_eq!(data.active_assets(&w, &token()).len(), MAX_ACTIVE as usize);
    assert!(data.pending_assets(&w, &token()).is_empty());
    follow(&mut data, &w, false);
    assert_eq!(data.active_assets(&w, &token()).len(), MAX_ACTIVE as usize);
    assert_eq!(data.pending_assets(&w, &token()), vec![first + 1]);
}

#[test]
fn a_following_token_refuses_to_change_its_active_list_by_itself() {
    let (mut data, w) = collection_with(&[(3, None)]);
    propose(&mut data, &w, token(), 4);
    follow(&mut data, &w, true);
    let refused = MultiAssetError::TokenFollowsCollection { token_id: token() };
    assert_eq!(
        data.accept_asset(&w, owner(), token(), 4),
        Err(refused.clone())
    );
    assert_eq!(
        data.set_priority(&w, owner(), token(), vec![2, 1, 0]),
        Err(refused.clone())
    );
    assert_eq!(
        data.propose_asset(&w, issuer(), issuers_token(), 5, None),
        Ok(vec![
            MultiAssetEvent::AssetProposed {
                token_id: issuers_token(),
                asset_id: 5,
                replaces: None,
                proposer: issuer(),
            },
            MultiAssetEvent::AssetAccepted {
                token_id: issuers_token(),
                asset_id: 5,
                replaced: None,
            },
            MultiAssetEvent::MetadataUpdate {
                token_id: issuers_token()
            },
        ]),
        "a token that does not follow still accepts its owner's proposal at once"
    );
    data.set_follows_collection(&w, issuer(), vec![issuers_token()], true)
        .unwrap();
    assert_eq!(
        data.propose_asset(&w, issuer(), issuers_token(), 6, None),
        Err(MultiAssetError::TokenFollowsCollection {
            token_id: issuers_token()
        })
    );
    assert_eq!(data.active_assets(&w, &token()), vec![1, 2, 3]);
    assert_eq!(data.pending_assets(&w, &token()), vec![4]);
}

#[test]
fn a_following_token_may_reject_its_own_proposals() {
    let (mut data, w) = collection_with(&[(3, None)]);
    propose(&mut data, &w, token(), 4);
    follow(&mut data, &w, true);
    data.reject_asset(&w, owner(), token(), 4).unwrap();
    assert!(data.pending_assets(&w, &token()).is_empty());
}

#[test]
fn a_following_tokens_own_proposal_of_an_asset_the_collection_shows_active_is_not_pending() {
    let (mut data, w) = collection_with(&[]);
    propose(&mut data, &w, token(), 3);
    follow(&mut data, &w, true);
    data.propose_to_collection(&w, issuer(), vec![(3, None)])
        .unwrap();
    assert_eq!(data.active_assets(&w, &token()), vec![1, 2, 3]);
    assert!(data.pending_assets(&w, &token()).is_empty());
    assert_eq!(
        data.reject_asset(&w, owner(), token(), 3),
        Err(MultiAssetError::AssetNotPending { token_id: token() })
    );
    assert_eq!(data.reject_all_assets(&w, owner(), token(), 0), Ok(vec![]));
    // Withdrawn, the token's own proposal is pending again.
    data.withdraw_from_collection(&w, issuer(), vec![3])
        .unwrap();
    assert_eq!(data.pending_assets(&w, &token()), vec![3]);
}

#[test]
fn the_setting_survives_a_transfer_and_the_new_owner_may_stop() {
    let (mut data, mut w) = collection_with(&[(3, Some(1))]);
    follow(&mut data, &w, true);
    w.owners.insert(token(), stranger());
    w.asset_approvals.clear();
    assert!(data.follows_collection(&token()));
    assert_eq!(data.active_assets(&w, &token()), vec![3, 2]);
    assert_eq!(
        data.set_follows_collection(&w, owner(), vec![token()], false),
        Err(MultiAssetError::NotTokenOwnerOrApproved { token_id: token() })
    );
    data.set_follows_collection(&w, stranger(), vec![token()], false)
        .unwrap();
    assert!(!data.follows_collection(&token()));
}

#[test]
fn an_asset_operator_may_set_the_setting() {
    let (mut data, w) = collection_with(&[]);
    data.set_follows_collection(&w, all_operator(), vec![token()], true)
        .unwrap();
    assert!(data.follows_collection(&token()));
}

#[test]
fn setting_what_is_already_set_changes_nothing_and_emits_nothing() {
    let (mut data, w) = collection_with(&[(3, None)]);
    let before = cells();
    assert_eq!(follow(&mut data, &w, false), vec![]);
    assert_eq!(cells(), before);
    follow(&mut data, &w, true);
    assert_eq!(follow(&mut data, &w, true), vec![]);
}

#[test]
fn follow_of_many_tokens_emits_one_event_per_changed_token() {
    let (mut data, w) = collection_with(&[(3, None)]);
    let tokens: Vec<Id> = (100..100 + MAX_FOLLOW_TOKENS as u32).map(Id::U32).collect();
    data.set_follows_collection(&w, collector(), tokens[..1].to_vec(), true)
        .unwrap();
    let events = data
        .set_follows_collection(&w, collector(), tokens.clone(), true)
        .unwrap();
    let followed = events
        .iter()
        .filter(|e| matches!(e, MultiAssetEvent::CollectionFollowSet { .. }))
        .count();
    assert_eq!(followed, MAX_FOLLOW_TOKENS - 1);
    assert!(tokens.iter().all(|t| data.active_assets(&w, t) == vec![3]));
}

#[test]
fn follow_of_more_than_the_cap_or_of_no_token_fails() {
    let (mut data, w) = collection_with(&[]);
    let tokens: Vec<Id> = (0..=MAX_FOLLOW_TOKENS as u32).map(Id::U32).collect();
    assert_eq!(
        data.set_follows_collection(&w, collector(), tokens, true),
        Err(MultiAssetError::BatchTooLarge {
            max: MAX_FOLLOW_TOKENS as u32
        })
    );
    assert_eq!(
        data.set_follows_collection(&w, collector(), vec![], true),
        Err(MultiAssetError::EmptyBatch)
    );
}

#[test]
fn follow_naming_a_token_twice_fails() {
    let (mut data, w) = collection_with(&[]);
    assert_eq!(
        data.set_follows_collection(&w, owner(), vec![token(), Id::U32(40), token()], true),
        Err(MultiAssetError::DuplicateToken { token_id: token() })
    );
}

#[test]
fn follow_with_one_token_the_caller_may_not_decide_for_changes_nothing() {
    let (mut data, w) = collection_with(&[]);
    assert_eq!(
        data.set_follows_collection(&w, owner(), vec![token(), issuers_token()], true),
        Err(MultiAssetError::NotTokenOwnerOrApproved {
            token_id: issuers_token()
        })
    );
    assert!(!data.follows_collection(&token()));
    assert_eq!(
        data.set_follows_collection(&w, owner(), vec![token(), unminted()], true),
        Err(MultiAssetError::TokenNotFound {
            token_id: unminted()
        })
    );
    assert!(!data.follows_collection(&token()));
}

#[test]
fn follow_of_an_id_too_long_for_a_key_fails() {
    let (mut data, w) = collection_with(&[]);
    let long = Id::Bytes(vec![7; 100]);
    assert_eq!(
        data.set_follows_collection(&w, owner(), vec![long.clone()], true),
        Err(MultiAssetError::TokenIdTooLong { token_id: long })
    );
}

#[test]
fn a_revoked_proposers_collection_proposal_leaves_followers_as_an_accept_would_refuse_it() {
    let (mut data, mut w) = collection_with(&[]);
    data.propose_to_collection(&w, proposer(), vec![(3, Some(1))])
        .unwrap();
    data.propose_to_collection(&w, issuer(), vec![(4, None)])
        .unwrap();
    follow(&mut data, &w, true);
    assert_eq!(data.active_assets(&w, &token()), vec![3, 2, 4]);
    w.grants.clear();
    assert_eq!(data.active_assets(&w, &token()), vec![1, 2, 4]);
    assert_eq!(
        data.top_asset_uri(&w, w.issuer, &token()),
        Some("ipfs://asset-1".into())
    );
    // Stopping keeps what it shows; the revoked key's proposal is pending, and refused on accept.
    follow(&mut data, &w, false);
    assert_eq!(data.active_assets(&w, &token()), vec![1, 2, 4]);
    assert_eq!(data.pending_assets(&w, &token()), vec![3]);
    assert_eq!(
        data.accept_asset(&w, owner(), token(), 3),
        Err(MultiAssetError::ProposerRevoked { token_id: token() })
    );
}

#[test]
fn follow_of_tokens_that_hold_too_much_names_the_token_and_writes_nothing() {
    // Every token full: MAX_PENDING pending and MAX_ACTIVE active, far past what one call may
    // decode and keep (MAX_BATCH_HELD).
    let per_token = MAX_PENDING as u64 + MAX_ACTIVE as u64;
    let tokens = (MAX_BATCH_HELD as u64 / per_token + 1) as u32;
    let (mut data, mut w) = catalog(per_token);
    let ids: Vec<Id> = (100..100 + tokens).map(Id::U32).collect();
    for id in &ids {
        w.owners.insert(id.clone(), owner());
        let active: Vec<AssetId> = (1..=MAX_ACTIVE as u64).collect();
        for &asset in &active {
            data.propose_asset(&w, proposer(), id.clone(), asset, None)
                .unwrap();
        }
        for chunk in active.chunks(MAX_DECISIONS_PER_CALL) {
            data.accept_assets(&w, owner(), id.clone(), chunk.to_vec())
                .unwrap();
        }
        for asset in MAX_ACTIVE as u64 + 1..=per_token {
            data.propose_asset(&w, proposer(), id.clone(), asset, None)
                .unwrap();
        }
    }
    assert_eq!(
        data.set_follows_collection(&w, owner(), ids.clone(), true),
        Err(MultiAssetError::BatchHoldsTooMuch {
            token_id: ids[ids.len() - 1].clone()
        })
    );
    assert!(ids.iter().all(|id| !data.follows_collection(id)));
}

// ---- announcements of what changes followers without a decision here --------------------

#[test]
fn the_registry_announces_the_open_proposals_of_the_key_whose_grant_changed() {
    let (mut data, w) = collection_with(&[(3, None)]);
    data.propose_to_collection(&w, proposer(), vec![(4, None), (5, None)])
        .unwrap();
    assert_eq!(
        data.announce_followers_changed(&w, registry_contract(), Some(proposer())),
        Ok(vec![MultiAssetEvent::BatchMetadataUpdate {
            asset_ids: vec![4, 5]
        }])
    );
    assert_eq!(
        data.announce_followers_changed(&w, registry_contract(), Some(stranger())),
        Ok(vec![])
    );
}

#[test]
fn the_collection_announces_every_open_proposal_when_the_issuer_changes() {
    let (mut data, w) = collection_with(&[(3, None)]);
    data.propose_to_collection(&w, proposer(), vec![(4, None)])
        .unwrap();
    assert_eq!(
        data.announce_followers_changed(&w, collection_contract(), None),
        Ok(vec![MultiAssetEvent::BatchMetadataUpdate {
            asset_ids: vec![3, 4]
        }])
    );
    let (data, w) = collection_with(&[]);
    assert_eq!(
        data.announce_followers_changed(&w, collection_contract(), None),
        Ok(vec![])
    );
}

#[test]
fn only_the_collection_and_the_registry_may_announce() {
    let (data, w) = collection_with(&[(3, None)]);
    for caller in [issuer(), proposer(), owner(), stranger()] {
        assert_eq!(
            data.announce_followers_changed(&w, caller, None),
            Err(MultiAssetError::NotAPeer),
            "{caller:?}"
        );
    }
}

// ---- what a buyer inherits ----------------------------------------------------------------

#[test]
fn a_buyer_inherits_the_sellers_decisions_and_sees_them_in_a_query() {
    let (mut data, mut w) = collection_with(&[(3, None), (4, None)]);
    data.reject_asset(&w, owner(), token(), 3).unwrap();
    assert_eq!(data.decided_collection_proposals(&w, &token()), vec![3]);
    // The token changes hands.
    w.owners.insert(token(), stranger());
    w.asset_approvals.clear();
    assert_eq!(data.decided_collection_proposals(&w, &token()), vec![3]);
    assert_eq!(data.pending_assets(&w, &token()), vec![4]);
    assert_eq!(
        data.accept_asset(&w, stranger(), token(), 3),
        Err(MultiAssetError::AssetNotPending { token_id: token() })
    );
    // To take it after all, the buyer asks the issuer to propose it to the token.
    data.propose_asset(&w, issuer(), token(), 3, None).unwrap();
    data.accept_asset(&w, stranger(), token(), 3).unwrap();
    assert_eq!(data.active_assets(&w, &token()), vec![1, 2, 3]);
}

#[test]
fn a_following_tokens_decided_proposals_are_the_ones_it_shows_applied() {
    let (mut data, w) = collection_with(&[(3, Some(1)), (4, None)]);
    follow(&mut data, &w, true);
    assert_eq!(data.decided_collection_proposals(&w, &token()), vec![3, 4]);
    assert!(data
        .decided_collection_proposals(&w, &unminted())
        .is_empty());
}
