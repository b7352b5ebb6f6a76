//! A burnt token: its assets vanish from every query, nothing more is proposed to it, and anyone
//! may free its cell (`clear_burnt_token`; the storage deposit goes to whoever calls).

use super::*;

/// `token()` with one active and one pending asset, then burnt.
fn burnt_token() -> (MultiAssetData, World) {
    let (data, mut w) = token_with(1, 1);
    w.owners.remove(&token());
    w.burnt.insert(token());
    (data, w)
}

#[test]
fn queries_of_a_burnt_token_show_no_assets() {
    let (data, w) = burnt_token();
    assert!(data.active_assets(&w, &token()).is_empty());
    assert!(data.active_asset_priorities(&w, &token()).is_empty());
    assert!(data.pending_assets(&w, &token()).is_empty());
    assert_eq!(data.pending_proposal(&w, &token(), 2), None);
    assert_eq!(data.token_assets(&w, &token(), 0, MAX_PAGE), Ok(vec![]));
}

#[test]
fn propose_to_a_burnt_token_fails() {
    let (mut data, w) = burnt_token();
    data.add_asset_entry(&w, issuer(), "ipfs://late".into(), None)
        .unwrap();
    for asset in [2, 3] {
        assert_eq!(
            data.propose_asset(&w, issuer(), token(), asset, None),
            Err(MultiAssetError::TokenBurnt { token_id: token() }),
            "asset {asset} (2 is still in the burnt token's cell)"
        );
    }
}

#[test]
fn anyone_may_clear_a_burnt_tokens_cell_once() {
    let (mut data, w) = burnt_token();
    let contract = ink::env::test::callee::<ink::env::DefaultEnvironment>();
    let cells = || {
        ink::env::test::count_used_storage_cells::<ink::env::DefaultEnvironment>(&contract).unwrap()
    };
    let before = cells();
    assert_eq!(
        data.clear_burnt_token(&w, token()),
        Ok(vec![MultiAssetEvent::BurntTokenCleared {
            token_id: token(),
            pending: 1,
            active: 1
        }])
    );
    assert_eq!(cells(), before - 1);
    assert_eq!(data.clear_burnt_token(&w, token()), Ok(vec![]));
}

#[test]
fn clearing_a_token_that_was_not_burnt_fails() {
    let (mut data, w) = token_with(1, 1);
    for token_id in [token(), unminted()] {
        assert_eq!(
            data.clear_burnt_token(&w, token_id.clone()),
            Err(MultiAssetError::TokenNotBurnt { token_id })
        );
    }
    assert_eq!(data.active_assets(&w, &token()), vec![1]);
}
