//! Token ids too long to be part of a storage key, in every message.

use super::*;
use crate::limits::MAX_TOKEN_ID_LEN;

/// The longest id the suite mints and stores: 1 (variant) + 1 (compact length) + 57 bytes.
fn longest_id() -> Id {
    Id::Bytes(vec![7; MAX_TOKEN_ID_LEN - 2])
}

/// One byte longer: the collection can never mint it, so no cell may be made for it.
fn too_long_id() -> Id {
    Id::Bytes(vec![7; MAX_TOKEN_ID_LEN - 1])
}

#[test]
fn propose_to_the_longest_token_id_succeeds() {
    let (mut data, w) = catalog(1);
    propose(&mut data, &w, longest_id(), 1);
    assert_eq!(data.pending_assets(&w, &longest_id()), vec![1]);
}

#[test]
fn propose_to_a_token_id_too_long_for_a_storage_key_fails() {
    let (mut data, w) = catalog(1);
    assert_eq!(
        data.propose_asset(&w, issuer(), too_long_id(), 1, None),
        Err(MultiAssetError::TokenIdTooLong {
            token_id: too_long_id()
        })
    );
}

#[test]
fn propose_to_many_with_a_token_id_too_long_names_it_and_writes_nothing() {
    let (mut data, w) = catalog(1);
    assert_eq!(
        data.propose_asset_to_many(&w, issuer(), vec![Id::U32(3), too_long_id()], 1, None),
        Err(MultiAssetError::TokenIdTooLong {
            token_id: too_long_id()
        })
    );
    assert!(data.pending_assets(&w, &Id::U32(3)).is_empty());
}

#[test]
fn propose_to_many_whose_ids_exceed_the_event_buffer_fails() {
    let (mut data, w) = catalog(1);
    // 240 ids of 42 encoded bytes: 10 KiB > MAX_BATCH_ID_BYTES (8 KiB).
    let tokens: Vec<Id> = (0..MAX_BATCH_TOKENS as u8)
        .map(|i| Id::Bytes(vec![i; 40]))
        .collect();
    assert_eq!(
        data.propose_asset_to_many(&w, issuer(), tokens.clone(), 1, None),
        Err(MultiAssetError::TokenIdsTooLong {
            max_bytes: MAX_BATCH_ID_BYTES as u32
        })
    );
    assert!(data.pending_assets(&w, &tokens[0]).is_empty());
}

#[test]
fn decisions_on_a_token_id_too_long_fail_before_asking_the_collection() {
    let (mut data, mut w) = catalog(1);
    w.owners.insert(too_long_id(), owner());
    let refused = Err(MultiAssetError::TokenIdTooLong {
        token_id: too_long_id(),
    });
    assert_eq!(data.accept_asset(&w, owner(), too_long_id(), 1), refused);
    assert_eq!(data.reject_asset(&w, owner(), too_long_id(), 1), refused);
    assert_eq!(
        data.reject_all_assets(&w, owner(), too_long_id(), 0),
        refused
    );
    assert_eq!(
        data.set_priority(&w, owner(), too_long_id(), vec![]),
        refused
    );
}

#[test]
fn queries_on_a_token_id_too_long_answer_empty() {
    let (data, w) = catalog(1);
    assert!(data.pending_assets(&w, &too_long_id()).is_empty());
    assert!(data.active_assets(&w, &too_long_id()).is_empty());
    assert_eq!(
        data.token_assets(&w, &too_long_id(), 0, MAX_PAGE),
        Ok(vec![])
    );
}
