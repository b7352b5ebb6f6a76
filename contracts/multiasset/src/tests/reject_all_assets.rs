//! `reject_all_assets`.

use super::*;

#[test]
fn reject_all_clears_pending_and_reports_the_count() {
    let (mut data, w) = token_with(1, 3);
    let events = data.reject_all_assets(&w, owner(), token(), 3).unwrap();
    assert!(data.pending_assets(&w, &token()).is_empty());
    assert_eq!(data.active_assets(&w, &token()), vec![1]);
    assert_eq!(
        events,
        vec![MultiAssetEvent::AllAssetsRejected {
            token_id: token(),
            count: 3
        }]
    );
    propose(&mut data, &w, token(), 2);
    assert_eq!(data.pending_assets(&w, &token()), vec![2]);
}

#[test]
fn reject_all_with_more_pending_than_max_rejections_fails() {
    let (mut data, w) = token_with(0, 3);
    assert_eq!(
        data.reject_all_assets(&w, owner(), token(), 2),
        Err(MultiAssetError::UnexpectedNumberOfAssets {
            token_id: token(),
            pending: 3
        })
    );
    assert_eq!(data.pending_assets(&w, &token()), vec![1, 2, 3]);
}

#[test]
fn reject_all_with_nothing_pending_changes_nothing_and_emits_nothing() {
    let (mut data, w) = token_with(1, 0);
    assert_eq!(data.reject_all_assets(&w, owner(), token(), 5), Ok(vec![]));
    assert_eq!(data.active_assets(&w, &token()), vec![1]);
}

#[test]
fn reject_all_clears_replacements() {
    let (mut data, w) = token_with_replacement(issuer());
    data.reject_all_assets(&w, owner(), token(), 1).unwrap();
    assert_eq!(data.asset_replacement(&w, &token(), 2), None);
    assert_eq!(data.active_assets(&w, &token()), vec![1]);
}
