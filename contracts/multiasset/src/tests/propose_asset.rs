//! `propose_asset`.

use super::*;

#[test]
fn propose_by_issuer_leaves_the_asset_pending_and_emits_proposed() {
    let (mut data, w) = catalog(1);
    let events = data.propose_asset(&w, issuer(), token(), 1, None).unwrap();
    assert_eq!(data.pending_assets(&w, &token()), vec![1]);
    assert!(data.active_assets(&w, &token()).is_empty());
    assert_eq!(
        events,
        vec![MultiAssetEvent::AssetProposed {
            token_id: token(),
            asset_id: 1,
            replaces: None,
            proposer: issuer()
        }]
    );
}

#[test]
fn propose_of_unknown_asset_fails() {
    let (mut data, w) = catalog(1);
    for asset_id in [0, 2] {
        assert_eq!(
            data.propose_asset(&w, issuer(), token(), asset_id, None),
            Err(MultiAssetError::AssetNotFound { asset_id })
        );
    }
}

#[test]
fn propose_of_pending_asset_fails() {
    let (mut data, w) = token_with(0, 1);
    assert_eq!(
        data.propose_asset(&w, issuer(), token(), 1, None),
        Err(MultiAssetError::AssetAlreadyPending { token_id: token() })
    );
}

#[test]
fn propose_of_active_asset_fails() {
    let (mut data, w) = token_with(1, 0);
    assert_eq!(
        data.propose_asset(&w, issuer(), token(), 1, None),
        Err(MultiAssetError::AssetAlreadyActive { token_id: token() })
    );
}

#[test]
fn propose_replacing_an_asset_that_is_not_active_fails() {
    let (mut data, w) = token_with(0, 2);
    for old in [1, 7] {
        assert_eq!(
            data.propose_asset(&w, issuer(), token(), 2, Some(old)),
            Err(MultiAssetError::AssetAlreadyPending { token_id: token() })
        );
    }
    let (mut data, w) = token_with(0, 1);
    data.add_asset_entry(&w, issuer(), "ipfs://new".into(), None)
        .unwrap();
    assert_eq!(
        data.propose_asset(&w, issuer(), token(), 2, Some(1)),
        Err(MultiAssetError::ReplacedAssetNotActive { token_id: token() })
    );
    assert_eq!(data.pending_assets(&w, &token()), vec![1]);
}

#[test]
fn propose_to_an_unminted_token_is_inert_and_shows_once_minted() {
    let (mut data, mut w) = catalog(1);
    data.propose_asset(&w, issuer(), unminted(), 1, None)
        .unwrap();
    assert_eq!(data.pending_assets(&w, &unminted()), vec![]);
    assert_eq!(
        data.accept_asset(&w, owner(), unminted(), 1),
        Err(MultiAssetError::TokenNotFound {
            token_id: unminted()
        })
    );
    w.unminted.remove(&unminted());
    w.owners.insert(unminted(), owner());
    assert_eq!(data.pending_assets(&w, &unminted()), vec![1]);
}

#[test]
fn propose_by_the_tokens_own_owner_is_accepted_at_once() {
    let (mut data, w) = catalog(1);
    let events = data
        .propose_asset(&w, issuer(), issuers_token(), 1, None)
        .unwrap();
    assert_eq!(data.active_assets(&w, &issuers_token()), vec![1]);
    assert!(data.pending_assets(&w, &issuers_token()).is_empty());
    assert_eq!(
        events[1],
        MultiAssetEvent::AssetAccepted {
            token_id: issuers_token(),
            asset_id: 1,
            replaced: None
        }
    );
}

#[test]
fn propose_past_128_pending_fails() {
    let (mut data, w) = token_with(0, MAX_PENDING as u64);
    data.add_asset_entry(&w, issuer(), "ipfs://one-more".into(), None)
        .unwrap();
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
fn propose_by_the_owner_at_the_pending_cap_is_accepted_at_once() {
    let cap = MAX_PENDING as u64;
    let (mut data, w) = catalog(cap + 1);
    for asset in 1..=cap {
        data.propose_asset(&w, proposer(), issuers_token(), asset, None)
            .unwrap();
    }
    data.propose_asset(&w, issuer(), issuers_token(), cap + 1, None)
        .unwrap();
    assert_eq!(data.active_assets(&w, &issuers_token()), vec![cap + 1]);
    assert_eq!(
        data.pending_assets(&w, &issuers_token()).len(),
        MAX_PENDING as usize
    );
}

#[test]
fn propose_by_a_proposer_after_the_issuer_renounced_fails() {
    let (mut data, mut w) = catalog(1);
    w.issuer = None;
    assert_eq!(
        data.propose_asset(&w, proposer(), token(), 1, None),
        Err(MultiAssetError::NotIssuerOrProposer)
    );
    assert_eq!(
        data.add_asset_entry(&w, proposer(), "ar://tx".into(), None),
        Err(MultiAssetError::NotIssuerOrProposer)
    );
    assert!(data.pending_assets(&w, &token()).is_empty());
}
