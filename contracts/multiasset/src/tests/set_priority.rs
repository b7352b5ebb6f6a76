//! `set_priority`.

use super::*;

#[test]
fn set_priority_orders_token_assets() {
    let (mut data, w) = token_with(3, 0);
    let events = data
        .set_priority(&w, owner(), token(), vec![2, 0, 1])
        .unwrap();
    assert_eq!(data.active_asset_priorities(&token()), vec![2, 0, 1]);
    let rendered: Vec<AssetId> = data
        .token_assets(&token(), 0, MAX_PAGE)
        .unwrap()
        .iter()
        .map(|a| a.asset_id)
        .collect();
    assert_eq!(rendered, vec![2, 3, 1]);
    assert_eq!(
        events,
        vec![MultiAssetEvent::AssetPrioritySet {
            token_id: token(),
            priorities: vec![2, 0, 1]
        }]
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
    assert_eq!(data.active_asset_priorities(&token()), vec![0, 1, 2]);
}

#[test]
fn asset_appended_after_set_priority_ranks_last() {
    let (mut data, w) = token_with(2, 1);
    data.set_priority(&w, owner(), token(), vec![7, 3]).unwrap();
    accept(&mut data, &w, 3);
    assert_eq!(data.active_asset_priorities(&token()), vec![7, 3, 8]);
}
