//! `reject_asset`.

use super::*;

#[test]
fn reject_by_owner_removes_the_proposal_and_emits_rejected() {
    let (mut data, w) = token_with(0, 3);
    let events = data.reject_asset(&w, owner(), token(), 1).unwrap();
    assert_eq!(data.pending_assets(&w, &token()), vec![3, 2]);
    assert_eq!(
        events,
        vec![MultiAssetEvent::AssetRejected {
            token_id: token(),
            asset_id: 1
        }]
    );
    // A rejected asset may be proposed again.
    propose(&mut data, &w, token(), 1);
    assert_eq!(data.pending_assets(&w, &token()), vec![3, 2, 1]);
}

#[test]
fn reject_of_a_tokens_last_asset_frees_its_storage_cell() {
    let (mut data, w) = catalog(1);
    let contract = ink::env::test::callee::<ink::env::DefaultEnvironment>();
    let cells = || {
        ink::env::test::count_used_storage_cells::<ink::env::DefaultEnvironment>(&contract).unwrap()
    };
    let with_catalog_only = cells();
    propose(&mut data, &w, token(), 1);
    assert_eq!(cells(), with_catalog_only + 1);
    data.reject_asset(&w, owner(), token(), 1).unwrap();
    assert_eq!(cells(), with_catalog_only);
}

#[test]
fn reject_of_an_active_asset_fails() {
    let (mut data, w) = token_with(1, 0);
    assert_eq!(
        data.reject_asset(&w, owner(), token(), 1),
        Err(MultiAssetError::AssetNotPending { token_id: token() })
    );
    assert_eq!(data.active_assets(&w, &token()), vec![1]);
}

#[test]
fn reject_clears_the_replacement() {
    let (mut data, w) = token_with_replacement(issuer());
    data.reject_asset(&w, owner(), token(), 2).unwrap();
    assert_eq!(data.asset_replacement(&w, &token(), 2), None);
}

#[test]
fn reject_of_an_unknown_asset_or_after_all_were_rejected_fails() {
    let (mut data, w) = token_with(0, 1);
    for asset in [7, 0] {
        assert_eq!(
            data.reject_asset(&w, owner(), token(), asset),
            Err(MultiAssetError::AssetNotPending { token_id: token() })
        );
    }
    data.reject_all_assets(&w, owner(), token(), 1).unwrap();
    assert_eq!(
        data.reject_asset(&w, owner(), token(), 1),
        Err(MultiAssetError::AssetNotPending { token_id: token() })
    );
}
