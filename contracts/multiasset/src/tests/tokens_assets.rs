//! `tokens_assets`: many tokens' pages in one query, bounded by the answer's size.

use super::*;

/// `token()` (the owner's) and `issuers_token()` each showing `n` entries whose uris are
/// `uri_len` bytes long.
fn two_tokens_with(n: u64, uri_len: usize) -> (MultiAssetData, World) {
    let (mut data, w) = catalog(0);
    for i in 0..n {
        let uri = format!("https://h/{i:03}/{}", "a".repeat(uri_len - 14));
        data.add_asset_entry(&w, issuer(), uri, None).unwrap();
    }
    for asset in 1..=n {
        propose(&mut data, &w, token(), asset);
        accept(&mut data, &w, asset);
        propose(&mut data, &w, issuers_token(), asset); // the issuer's: accepted at once
    }
    (data, w)
}

#[test]
fn tokens_assets_answers_each_tokens_first_page_in_order() {
    let (mut data, w) = token_with(3, 0);
    data.set_priority(&w, owner(), token(), vec![5, 1, 9])
        .unwrap();
    propose(&mut data, &w, issuers_token(), 2);
    let ids = vec![token(), unminted(), issuers_token()];
    let answer = data.tokens_assets(&w, &ids).unwrap();
    let expected: Vec<Vec<TokenAsset>> = ids
        .iter()
        .map(|id| data.token_assets(&w, id, 0, MAX_PAGE).unwrap())
        .collect();
    assert_eq!(answer, expected);
    assert_eq!(
        answer[0].iter().map(|a| a.asset_id).collect::<Vec<_>>(),
        [2, 1, 3]
    );
    assert!(answer[1].is_empty());
}

#[test]
fn tokens_assets_stops_before_the_answer_passes_max_answer_bytes() {
    // Two full pages of 500-byte uris: about 8 KiB each, more than MAX_ANSWER_BYTES together.
    let (data, w) = two_tokens_with(MAX_PAGE as u64, 500);
    let answer = data.tokens_assets(&w, &[token(), issuers_token()]).unwrap();
    assert_eq!(answer.len(), 1);
    assert_eq!(answer[0].len(), MAX_PAGE as usize);
    assert!(scale::Encode::encoded_size(&answer) <= MAX_ANSWER_BYTES);
}

#[test]
fn tokens_assets_always_answers_the_first_token() {
    let (data, w) = two_tokens_with(MAX_PAGE as u64, MAX_URI_LEN);
    assert_eq!(data.tokens_assets(&w, &[issuers_token()]).unwrap().len(), 1);
}

#[test]
fn tokens_assets_of_short_pages_answers_every_token() {
    let (data, w) = two_tokens_with(4, 80);
    let answer = data.tokens_assets(&w, &[token(), issuers_token()]).unwrap();
    assert_eq!(answer.iter().map(Vec::len).collect::<Vec<_>>(), [4, 4]);
}

#[test]
fn tokens_assets_of_more_than_the_cap_fails() {
    let (data, w) = token_with(1, 0);
    let ids: Vec<Id> = (0..=MAX_TOKENS_PER_QUERY as u32).map(Id::U32).collect();
    assert_eq!(
        data.tokens_assets(&w, &ids),
        Err(MultiAssetError::BatchTooLarge {
            max: MAX_TOKENS_PER_QUERY as u32
        })
    );
}
