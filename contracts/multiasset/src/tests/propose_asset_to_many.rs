//! `propose_asset_to_many`.

use super::*;

#[test]
fn propose_to_many_proposes_to_every_token_with_one_event() {
    let (mut data, w) = catalog(1);
    let tokens: Vec<Id> = (10..20).map(Id::U32).collect();
    let events = data
        .propose_asset_to_many(&w, proposer(), tokens.clone(), 1, None)
        .unwrap();
    assert_eq!(
        events,
        vec![MultiAssetEvent::AssetProposedToMany {
            token_ids: tokens.clone(),
            asset_id: 1,
            replaces: None,
            proposer: proposer(),
        }]
    );
    assert!(tokens.iter().all(|t| data.pending_assets(&w, t) == vec![1]));
}

#[test]
fn propose_to_many_of_max_batch_tokens_succeeds() {
    let (mut data, w) = catalog(1);
    let tokens: Vec<Id> = (0..MAX_BATCH_TOKENS as u32).map(Id::U32).collect();
    data.propose_asset_to_many(&w, issuer(), tokens.clone(), 1, None)
        .unwrap();
    assert_eq!(
        data.pending_assets(&w, &tokens[MAX_BATCH_TOKENS - 1]),
        vec![1]
    );
}

#[test]
fn propose_to_many_whose_tokens_hold_too_much_names_the_token_and_writes_nothing() {
    // Tokens holding 127 pending assets each, one more than fit MAX_BATCH_HELD together: the
    // cap is crossed at the last token.
    let held_per_token = MAX_PENDING - 1;
    let fitting = MAX_BATCH_HELD / held_per_token;
    let (mut data, w) = catalog(MAX_PENDING as u64);
    let tokens: Vec<Id> = (100..100 + fitting + 1).map(Id::U32).collect();
    for asset in 1..MAX_PENDING as u64 {
        for part in tokens.chunks(fitting as usize) {
            data.propose_asset_to_many(&w, issuer(), part.to_vec(), asset, None)
                .unwrap();
        }
    }
    assert_eq!(
        data.propose_asset_to_many(&w, issuer(), tokens.clone(), MAX_PENDING as u64, None),
        Err(MultiAssetError::BatchHoldsTooMuch {
            token_id: Id::U32(100 + fitting)
        })
    );
    assert_eq!(
        data.pending_assets(&w, &tokens[0]).len(),
        MAX_PENDING as usize - 1
    );
    // Split, the same proposals pass.
    for half in tokens.chunks(tokens.len().div_ceil(2)) {
        data.propose_asset_to_many(&w, issuer(), half.to_vec(), MAX_PENDING as u64, None)
            .unwrap();
    }
    assert!(tokens
        .iter()
        .all(|t| data.pending_assets(&w, t).len() == MAX_PENDING as usize));
}

#[test]
fn propose_to_many_leaves_the_issuers_own_tokens_pending() {
    let (mut data, w) = catalog(1);
    data.propose_asset_to_many(&w, issuer(), vec![issuers_token()], 1, None)
        .unwrap();
    assert_eq!(data.pending_assets(&w, &issuers_token()), vec![1]);
}

#[test]
fn propose_to_many_is_all_or_nothing_and_names_the_failing_token() {
    let (mut data, w) = token_with(0, 1);
    let tokens = vec![Id::U32(50), token(), Id::U32(51)];
    assert_eq!(
        data.propose_asset_to_many(&w, issuer(), tokens, 1, None),
        Err(MultiAssetError::AssetAlreadyPending { token_id: token() })
    );
    assert!(data.pending_assets(&w, &Id::U32(50)).is_empty());
    assert!(data.pending_assets(&w, &Id::U32(51)).is_empty());
}

#[test]
fn propose_to_many_with_a_full_token_names_it() {
    let (mut data, w) = token_with(0, MAX_PENDING as u64);
    data.add_asset_entry(&w, issuer(), "ipfs://x".into(), None)
        .unwrap();
    assert_eq!(
        data.propose_asset_to_many(
            &w,
            issuer(),
            vec![Id::U32(3), token()],
            MAX_PENDING as u64 + 1,
            None
        ),
        Err(MultiAssetError::TooManyPendingAssets { token_id: token() })
    );
    assert!(data.pending_assets(&w, &Id::U32(3)).is_empty());
}

#[test]
fn propose_to_many_with_a_duplicate_token_fails() {
    let (mut data, w) = catalog(1);
    assert_eq!(
        data.propose_asset_to_many(
            &w,
            issuer(),
            vec![Id::U32(3), Id::U32(4), Id::U32(3)],
            1,
            None
        ),
        Err(MultiAssetError::DuplicateToken {
            token_id: Id::U32(3)
        })
    );
    assert!(data.pending_assets(&w, &Id::U32(3)).is_empty());
}

#[test]
fn propose_to_many_empty_or_over_cap_fails() {
    let (mut data, w) = catalog(1);
    assert_eq!(
        data.propose_asset_to_many(&w, issuer(), vec![], 1, None),
        Err(MultiAssetError::EmptyBatch)
    );
    let too_many: Vec<Id> = (0..=MAX_BATCH_TOKENS as u32).map(Id::U32).collect();
    assert_eq!(
        data.propose_asset_to_many(&w, issuer(), too_many, 1, None),
        Err(MultiAssetError::BatchTooLarge {
            max: MAX_BATCH_TOKENS as u32
        })
    );
}

#[test]
fn propose_to_many_of_unknown_asset_fails() {
    let (mut data, w) = catalog(1);
    assert_eq!(
        data.propose_asset_to_many(&w, issuer(), vec![token()], 5, None),
        Err(MultiAssetError::AssetNotFound { asset_id: 5 })
    );
}

#[test]
fn propose_to_many_with_replaces_takes_the_replaced_place_when_accepted() {
    // Given: token() shows assets 1 and 2 (priorities 0 and 1), entry 3 is a new mirror of 1.
    let (mut data, w) = token_with(2, 0);
    data.add_asset_entry(&w, issuer(), "https://new/1.json".into(), None)
        .unwrap();
    // When: entry 3 is proposed to the batch to replace 1, and the owner accepts it.
    let events = data
        .propose_asset_to_many(&w, proposer(), vec![token()], 3, Some(1))
        .unwrap();
    accept(&mut data, &w, 3);
    // Then: the event names what it replaces, and 3 took 1's place and priority.
    assert_eq!(
        events,
        vec![MultiAssetEvent::AssetProposedToMany {
            token_ids: vec![token()],
            asset_id: 3,
            replaces: Some(1),
            proposer: proposer(),
        }]
    );
    assert_eq!(data.active_assets(&w, &token()), vec![3, 2]);
    assert_eq!(data.active_asset_priorities(&w, &token()), vec![0, 1]);
}

#[test]
fn propose_to_many_replacing_an_asset_a_token_lacks_names_the_token_and_writes_nothing() {
    // Given: token() shows asset 1; Id::U32(9) shows nothing.
    let (mut data, w) = token_with(1, 0);
    data.add_asset_entry(&w, issuer(), "https://new/1.json".into(), None)
        .unwrap();
    // When / then: a batch replacing 1 on both is refused, naming Id::U32(9).
    assert_eq!(
        data.propose_asset_to_many(&w, issuer(), vec![token(), Id::U32(9)], 2, Some(1)),
        Err(MultiAssetError::ReplacedAssetNotActive {
            token_id: Id::U32(9)
        })
    );
    assert!(data.pending_assets(&w, &token()).is_empty());
}
