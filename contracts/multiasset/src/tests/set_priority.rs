//! `set_priority`.

use super::*;

#[test]
fn set_priority_orders_token_assets() {
    let (mut data, w) = token_with(3, 0);
    let events = data
        .set_priority(&w, owner(), token(), vec![2, 0, 1])
        .unwrap();
    assert_eq!(data.active_asset_priorities(&w, &token()), vec![2, 0, 1]);
    let rendered: Vec<AssetId> = data
        .token_assets(&w, &token(), 0, MAX_PAGE)
        .unwrap()
        .iter()
        .map(|a| a.asset_id)
        .collect();
    assert_eq!(rendered, vec![2, 3, 1]);
    assert_eq!(
        events,
        vec![
            MultiAssetEvent::AssetPrioritySet {
                token_id: token(),
                priorities: vec![2, 0, 1]
            },
            MultiAssetEvent::MetadataUpdate { token_id: token() },
        ]
    );
}

#[test]
fn set_priority_with_wrong_length_fails() {
    let (mut data, w) = token_with(2, 0);
    for priorities in [vec![0], vec![0, 1, 2]] {
        assert_eq!(
            data.set_priority(&w, owner(), token(), priorities),
            Err(MultiAssetError::BadPriorityListLength {
                token_id: token(),
                expected: 2
            })
        );
    }
}

#[test]
fn set_priority_with_a_duplicate_value_fails() {
    let (mut data, w) = token_with(3, 0);
    assert_eq!(
        data.set_priority(&w, owner(), token(), vec![5, 1, 5]),
        Err(MultiAssetError::DuplicatePriority { token_id: token() })
    );
    assert_eq!(data.active_asset_priorities(&w, &token()), vec![0, 1, 2]);
}

#[test]
fn asset_appended_after_set_priority_ranks_last() {
    let (mut data, w) = token_with(2, 1);
    data.set_priority(&w, owner(), token(), vec![7, 3]).unwrap();
    accept(&mut data, &w, 3);
    assert_eq!(data.active_asset_priorities(&w, &token()), vec![7, 3, 8]);
}

#[test]
fn set_priority_to_the_same_values_changes_nothing_and_emits_nothing() {
    let (mut data, w) = token_with(0, 0);
    assert_eq!(data.set_priority(&w, owner(), token(), vec![]), Ok(vec![]));
    let (mut data, w) = token_with(2, 0);
    assert_eq!(
        data.set_priority(&w, owner(), token(), vec![0, 1]),
        Ok(vec![])
    );
}

#[test]
fn no_asset_is_appended_once_the_highest_priority_is_taken() {
    let (mut data, w) = token_with(1, 2);
    data.set_priority(&w, owner(), token(), vec![u64::MAX])
        .unwrap();
    assert_eq!(
        data.accept_asset(&w, owner(), token(), 2),
        Err(MultiAssetError::PrioritiesExhausted { token_id: token() })
    );
    assert_eq!(data.pending_assets(&w, &token()), vec![3, 2]);
    data.set_priority(&w, owner(), token(), vec![u64::MAX - 1])
        .unwrap();
    accept(&mut data, &w, 2);
    assert_eq!(
        data.active_asset_priorities(&w, &token()),
        vec![u64::MAX - 1, u64::MAX]
    );
    assert_eq!(
        data.accept_asset(&w, owner(), token(), 3),
        Err(MultiAssetError::PrioritiesExhausted { token_id: token() })
    );
}

#[test]
fn set_priority_on_a_token_that_does_not_exist_fails() {
    let (mut data, w) = catalog(1);
    assert_eq!(
        data.set_priority(&w, owner(), unminted(), vec![]),
        Err(MultiAssetError::TokenNotFound {
            token_id: unminted()
        })
    );
}
