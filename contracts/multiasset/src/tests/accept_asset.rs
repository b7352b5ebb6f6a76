//! `accept_asset`, replacements included.

use super::*;

#[test]
fn accept_by_owner_activates_with_next_priority_and_emits_accepted() {
    let (mut data, w) = token_with(1, 1);
    let events = data.accept_asset(&w, owner(), token(), 2).unwrap();
    assert_eq!(data.active_assets(&w, &token()), vec![1, 2]);
    assert_eq!(data.active_asset_priorities(&w, &token()), vec![0, 1]);
    assert!(data.pending_assets(&w, &token()).is_empty());
    assert_eq!(
        events,
        vec![MultiAssetEvent::AssetAccepted {
            token_id: token(),
            asset_id: 2,
            replaced: None
        }]
    );
}

#[test]
fn accept_of_an_asset_that_is_not_pending_fails() {
    let (mut data, w) = token_with(1, 0);
    for asset in [1, 2] {
        assert_eq!(
            data.accept_asset(&w, owner(), token(), asset),
            Err(MultiAssetError::AssetNotPending { token_id: token() })
        );
    }
}

#[test]
fn accept_swap_removes_from_pending() {
    let (mut data, w) = token_with(0, 4);
    accept(&mut data, &w, 1);
    assert_eq!(data.pending_assets(&w, &token()), vec![4, 2, 3]);
    accept(&mut data, &w, 3);
    assert_eq!(data.pending_assets(&w, &token()), vec![4, 2]);
    // The moved proposal is still found where it moved to.
    accept(&mut data, &w, 4);
    assert_eq!(data.pending_assets(&w, &token()), vec![2]);
    assert_eq!(data.active_assets(&w, &token()), vec![1, 3, 4]);
}

#[test]
fn accepted_replacement_takes_the_old_assets_place_and_priority() {
    let (mut data, w) = token_with(3, 0);
    data.set_priority(&w, owner(), token(), vec![10, 20, 30])
        .unwrap();
    data.add_asset_entry(&w, proposer(), "ipfs://mirror".into(), None)
        .unwrap();
    data.propose_asset(&w, proposer(), token(), 4, Some(2))
        .unwrap();
    assert_eq!(data.asset_replacement(&w, &token(), 4), Some(2));
    let events = data.accept_asset(&w, owner(), token(), 4).unwrap();
    assert_eq!(data.active_assets(&w, &token()), vec![1, 4, 3]);
    assert_eq!(data.active_asset_priorities(&w, &token()), vec![10, 20, 30]);
    assert_eq!(
        events,
        vec![MultiAssetEvent::AssetAccepted {
            token_id: token(),
            asset_id: 4,
            replaced: Some(2)
        }]
    );
}

#[test]
fn replaced_asset_leaves_the_token_and_may_be_proposed_again() {
    let (mut data, w) = token_with(1, 0);
    data.add_asset_entry(&w, issuer(), "ipfs://v2".into(), None)
        .unwrap();
    data.propose_asset(&w, issuer(), token(), 2, Some(1))
        .unwrap();
    accept(&mut data, &w, 2);
    assert_eq!(data.active_assets(&w, &token()), vec![2]);
    data.propose_asset(&w, issuer(), token(), 1, None).unwrap();
    assert_eq!(data.pending_assets(&w, &token()), vec![1]);
}

#[test]
fn replacement_whose_old_asset_was_already_replaced_is_appended() {
    let (mut data, w) = token_with(1, 0);
    data.add_asset_entries(
        &w,
        issuer(),
        vec![
            ("ipfs://a".to_string(), None),
            ("ipfs://b".to_string(), None),
        ],
    )
    .unwrap();
    data.propose_asset(&w, issuer(), token(), 2, Some(1))
        .unwrap();
    data.propose_asset(&w, issuer(), token(), 3, Some(1))
        .unwrap();
    accept(&mut data, &w, 2);
    let events = data.accept_asset(&w, owner(), token(), 3).unwrap();
    assert_eq!(data.active_assets(&w, &token()), vec![2, 3]);
    assert_eq!(data.active_asset_priorities(&w, &token()), vec![0, 1]);
    assert_eq!(
        events,
        vec![MultiAssetEvent::AssetAccepted {
            token_id: token(),
            asset_id: 3,
            replaced: None
        }]
    );
}

#[test]
fn accept_past_64_active_fails_but_a_replacement_passes() {
    let (mut data, w) = token_with(MAX_ACTIVE as u64, 1);
    let extra = MAX_ACTIVE as u64 + 1;
    assert_eq!(
        data.accept_asset(&w, owner(), token(), extra),
        Err(MultiAssetError::TooManyActiveAssets { token_id: token() })
    );
    assert_eq!(data.pending_assets(&w, &token()), vec![extra]);
    data.add_asset_entry(&w, issuer(), "ipfs://swap".into(), None)
        .unwrap();
    data.propose_asset(&w, issuer(), token(), extra + 1, Some(1))
        .unwrap();
    accept(&mut data, &w, extra + 1);
    assert_eq!(data.active_assets(&w, &token()).len(), MAX_ACTIVE as usize);
}

#[test]
fn accept_on_a_token_that_does_not_exist_fails() {
    let (mut data, w) = catalog(1);
    data.propose_asset(&w, issuer(), unminted(), 1, None)
        .unwrap();
    assert_eq!(
        data.accept_asset(&w, owner(), unminted(), 1),
        Err(MultiAssetError::TokenNotFound {
            token_id: unminted()
        })
    );
}

// ---- revocation reaches pending proposals ---------------------------------------------------

#[test]
fn accept_of_a_proposal_whose_proposer_was_revoked_fails() {
    let (mut data, mut w) = token_with_replacement(proposer());
    w.grants.remove(&proposer());
    assert_eq!(
        data.accept_asset(&w, owner(), token(), 2),
        Err(MultiAssetError::ProposerRevoked { token_id: token() })
    );
    assert_eq!(data.active_assets(&w, &token()), vec![1]);
    assert_eq!(data.pending_assets(&w, &token()), vec![2]);
}

#[test]
fn a_revoked_proposers_proposal_can_still_be_rejected() {
    let (mut data, mut w) = token_with_replacement(proposer());
    w.grants.remove(&proposer());
    data.reject_asset(&w, owner(), token(), 2).unwrap();
    assert!(data.pending_assets(&w, &token()).is_empty());
}

#[test]
fn accept_of_a_proposal_after_the_issuer_renounced_fails() {
    let (mut data, mut w) = token_with_replacement(proposer());
    w.issuer = None;
    assert_eq!(
        data.accept_asset(&w, owner(), token(), 2),
        Err(MultiAssetError::ProposerRevoked { token_id: token() })
    );
}

#[test]
fn accept_of_a_former_issuers_proposal_fails() {
    let (mut data, mut w) = token_with(0, 1);
    w.issuer = Some(stranger());
    assert_eq!(
        data.accept_asset(&w, owner(), token(), 1),
        Err(MultiAssetError::ProposerRevoked { token_id: token() })
    );
}

#[test]
fn pending_proposal_names_its_proposer_and_replacement() {
    let (data, w) = token_with_replacement(proposer());
    assert_eq!(
        data.pending_proposal(&w, &token(), 2),
        Some(PendingAsset {
            asset_id: 2,
            replaces: Some(1),
            proposer: proposer(),
        })
    );
    assert_eq!(data.pending_proposal(&w, &token(), 1), None);
}

// ---- ERC-5773 reference behaviours ---------------------------------------------------------

#[test]
fn the_replacement_is_cleared_after_a_replacing_accept() {
    let (mut data, w) = token_with_replacement(issuer());
    accept(&mut data, &w, 2);
    assert_eq!(data.asset_replacement(&w, &token(), 2), None);
    assert_eq!(data.pending_proposal(&w, &token(), 2), None);
}

#[test]
fn accepting_the_second_then_the_first_proposal_orders_them_so() {
    let (mut data, w) = token_with(0, 2);
    assert_eq!(data.pending_assets(&w, &token()), vec![1, 2]);
    accept(&mut data, &w, 2);
    accept(&mut data, &w, 1);
    assert_eq!(data.active_assets(&w, &token()), vec![2, 1]);
    assert_eq!(data.active_asset_priorities(&w, &token()), vec![0, 1]);
}

#[test]
fn an_accepted_assets_entry_is_what_the_token_shows() {
    let (mut data, w) = token_with(0, 1);
    accept(&mut data, &w, 1);
    let shown = data.token_assets(&w, &token(), 0, MAX_PAGE).unwrap();
    assert_eq!(shown.len(), 1);
    assert_eq!(shown[0].uri, data.asset(1).unwrap().uri);
    assert_eq!(shown[0].uri, "ipfs://asset-1");
}
