//! Unit tests of the multi-asset state machine: every message × {issuer, proposer, revoked
//! proposer, token owner, approved operator, stranger}, the ERC-5773 behaviours, and a property
//! test of random operation sequences against a simple model.

use crate::{
    data::{Authority, MultiAssetData, TokenAsset},
    errors::MultiAssetError,
    events::MultiAssetEvent,
    limits::{
        MAX_ACTIVE, MAX_BATCH_HELD, MAX_BATCH_ID_BYTES, MAX_BATCH_TOKENS, MAX_ENTRIES_PER_CALL,
        MAX_PAGE, MAX_PENDING, MAX_URI_LEN,
    },
};
use ink::primitives::AccountId;
use multiasset_traits::{AssetId, Id};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet};

mod model;

fn account(byte: u8) -> AccountId {
    AccountId::from([byte; 32])
}
fn issuer() -> AccountId {
    account(1)
}
fn proposer() -> AccountId {
    account(2)
}
fn revoked() -> AccountId {
    account(3)
}
fn owner() -> AccountId {
    account(4)
}
fn operator() -> AccountId {
    account(5)
}
fn stranger() -> AccountId {
    account(6)
}
/// Owned by `owner()`, who approved `operator()` for it.
fn token() -> Id {
    Id::U32(1)
}
/// Owned by `issuer()`.
fn issuers_token() -> Id {
    Id::U32(2)
}
/// Not minted.
fn unminted() -> Id {
    Id::U32(99)
}

/// The collection and registry as the contract would see them.
#[derive(Default)]
pub(crate) struct World {
    pub issuer: Option<AccountId>,
    pub proposers: BTreeSet<AccountId>,
    pub owners: BTreeMap<Id, AccountId>,
    pub approvals: BTreeSet<(AccountId, AccountId, Option<Id>)>,
}

impl Authority for World {
    fn issuer(&self) -> Result<Option<AccountId>, MultiAssetError> {
        Ok(self.issuer)
    }
    fn is_proposer(&self, account: AccountId) -> Result<bool, MultiAssetError> {
        Ok(self.proposers.contains(&account))
    }
    fn owner_of(&self, token_id: &Id) -> Result<Option<AccountId>, MultiAssetError> {
        Ok(self.owners.get(token_id).copied())
    }
    fn is_approved(
        &self,
        owner: AccountId,
        operator: AccountId,
        token_id: &Id,
    ) -> Result<bool, MultiAssetError> {
        Ok(self.approvals.contains(&(owner, operator, None))
            || self
                .approvals
                .contains(&(owner, operator, Some(token_id.clone()))))
    }
}

/// A fresh, empty contract storage: the off-chain engine keeps storage per callee, so each call
/// switches to a callee never used before on this thread.
pub(crate) fn empty() -> MultiAssetData {
    thread_local!(static CONTRACTS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) });
    let n = CONTRACTS.with(|c| {
        c.set(c.get() + 1);
        c.get()
    });
    let mut callee = [0xAA; 32];
    callee[..8].copy_from_slice(&n.to_le_bytes());
    ink::env::test::set_callee::<ink::env::DefaultEnvironment>(AccountId::from(callee));
    MultiAssetData::default()
}

fn world() -> World {
    World {
        issuer: Some(issuer()),
        proposers: BTreeSet::from([proposer()]),
        owners: BTreeMap::from([(token(), owner()), (issuers_token(), issuer())]),
        approvals: BTreeSet::from([(owner(), operator(), Some(token()))]),
    }
}

fn sha256(content: &[u8]) -> [u8; 32] {
    Sha256::digest(content).into()
}

/// A catalog with `n` entries (ids 1..=n) added by the issuer.
fn catalog(n: u64) -> (MultiAssetData, World) {
    let mut data = empty();
    let w = world();
    for i in 1..=n {
        let uri = format!("ipfs://asset-{i}");
        data.add_asset_entry(&w, issuer(), uri.clone(), Some(sha256(uri.as_bytes())))
            .unwrap();
    }
    (data, w)
}

fn propose(data: &mut MultiAssetData, w: &World, token_id: Id, asset: AssetId) {
    data.propose_asset(w, issuer(), token_id, asset, None)
        .unwrap();
}

fn accept(data: &mut MultiAssetData, w: &World, asset: AssetId) {
    data.accept_asset(w, owner(), token(), asset).unwrap();
}

/// `token()` with `active` accepted and then `pending` pending, ids in that order from 1.
fn token_with(active: u64, pending: u64) -> (MultiAssetData, World) {
    let (mut data, w) = catalog(active + pending);
    for asset in 1..=active + pending {
        propose(&mut data, &w, token(), asset);
    }
    for asset in 1..=active {
        accept(&mut data, &w, asset);
    }
    (data, w)
}

fn not_proposers() -> [AccountId; 4] {
    [revoked(), owner(), operator(), stranger()]
}

fn not_deciders() -> [AccountId; 4] {
    [issuer(), proposer(), revoked(), stranger()]
}

// ---- catalog -----------------------------------------------------------------------------

#[test]
fn add_asset_entry_by_issuer_numbers_entries_from_one() {
    let mut data = empty();
    let w = world();
    let hash = sha256(b"cat.png bytes");
    let (id, events) = data
        .add_asset_entry(&w, issuer(), "https://host/cat.png".into(), Some(hash))
        .unwrap();
    assert_eq!(id, 1);
    assert_eq!(data.total_assets(), 1);
    assert_eq!(data.asset(1).unwrap().content_hash, Some(hash));
    assert_eq!(
        events,
        vec![MultiAssetEvent::AssetEntryAdded {
            asset_id: 1,
            uri: "https://host/cat.png".into(),
            content_hash: Some(hash),
            added_by: issuer()
        }]
    );
}

#[test]
fn add_asset_entry_by_proposer_succeeds() {
    let mut data = empty();
    let (id, _) = data
        .add_asset_entry(&world(), proposer(), "ar://tx".into(), None)
        .unwrap();
    assert_eq!(id, 1);
}

#[test]
fn add_asset_entry_by_non_proposers_fails() {
    for caller in not_proposers() {
        let mut data = empty();
        assert_eq!(
            data.add_asset_entry(&world(), caller, "ar://tx".into(), None),
            Err(MultiAssetError::NotIssuerOrProposer),
            "caller {caller:?}"
        );
        assert_eq!(data.total_assets(), 0);
    }
}

#[test]
fn asset_zero_is_never_an_entry() {
    let (data, _) = catalog(2);
    assert_eq!(data.asset(0), None);
    assert!(data.asset(1).is_some());
}

#[test]
fn add_asset_entry_with_empty_uri_fails() {
    let mut data = empty();
    assert_eq!(
        data.add_asset_entry(&world(), issuer(), String::new(), None),
        Err(MultiAssetError::EmptyUri { index: 0 })
    );
}

#[test]
fn add_asset_entry_with_uri_over_512_bytes_fails_and_512_passes() {
    let mut data = empty();
    assert_eq!(
        data.add_asset_entry(&world(), issuer(), "x".repeat(MAX_URI_LEN + 1), None),
        Err(MultiAssetError::UriTooLong { index: 0 })
    );
    assert!(data
        .add_asset_entry(&world(), issuer(), "x".repeat(MAX_URI_LEN), None)
        .is_ok());
}

#[test]
fn add_asset_entries_adds_a_mirror_set_with_one_hash() {
    let mut data = empty();
    let hash = sha256(b"metadata.json");
    let mirrors: Vec<(String, Option<[u8; 32]>)> =
        ["https://h/m.json", "ipfs://Qm", "ar://tx", "sia://sky"]
            .into_iter()
            .map(|uri| (uri.to_string(), Some(hash)))
            .collect();
    let (ids, events) = data
        .add_asset_entries(&world(), proposer(), mirrors)
        .unwrap();
    assert_eq!(ids, vec![1, 2, 3, 4]);
    assert_eq!(events.len(), 4);
    assert_eq!(data.asset(4).unwrap().uri, "sia://sky");
    assert!((1..=4).all(|id| data.asset(id).unwrap().content_hash == Some(hash)));
}

#[test]
fn add_asset_entries_with_a_bad_uri_names_it_and_adds_nothing() {
    let mut data = empty();
    let entries = vec![("ipfs://ok".to_string(), None), (String::new(), None)];
    assert_eq!(
        data.add_asset_entries(&world(), issuer(), entries),
        Err(MultiAssetError::EmptyUri { index: 1 })
    );
    assert_eq!(data.total_assets(), 0);
    assert_eq!(data.asset(1), None);
}

#[test]
fn add_asset_entries_empty_or_over_cap_fails() {
    let mut data = empty();
    assert_eq!(
        data.add_asset_entries(&world(), issuer(), vec![]),
        Err(MultiAssetError::EmptyBatch)
    );
    let too_many = vec![("ipfs://x".to_string(), None); MAX_ENTRIES_PER_CALL + 1];
    assert_eq!(
        data.add_asset_entries(&world(), issuer(), too_many),
        Err(MultiAssetError::BatchTooLarge {
            max: MAX_ENTRIES_PER_CALL as u32
        })
    );
}

#[test]
fn content_hash_catches_a_swapped_file() {
    let (data, _) = catalog(1);
    let entry = data.asset(1).unwrap();
    let served_honestly = entry.uri.as_bytes();
    assert_eq!(entry.content_hash, Some(sha256(served_honestly)));
    assert_ne!(entry.content_hash, Some(sha256(b"a different file")));
}

// ---- propose_asset -----------------------------------------------------------------------

#[test]
fn propose_by_issuer_leaves_the_asset_pending_and_emits_proposed() {
    let (mut data, w) = catalog(1);
    let events = data.propose_asset(&w, issuer(), token(), 1, None).unwrap();
    assert_eq!(data.pending_assets(&token()), vec![1]);
    assert!(data.active_assets(&token()).is_empty());
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
fn propose_by_proposer_leaves_the_asset_pending() {
    let (mut data, w) = catalog(1);
    data.propose_asset(&w, proposer(), token(), 1, None)
        .unwrap();
    assert_eq!(data.pending_assets(&token()), vec![1]);
}

#[test]
fn propose_by_non_proposers_fails() {
    for caller in not_proposers() {
        let (mut data, w) = catalog(1);
        assert_eq!(
            data.propose_asset(&w, caller, token(), 1, None),
            Err(MultiAssetError::NotIssuerOrProposer),
            "caller {caller:?}"
        );
        assert!(data.pending_assets(&token()).is_empty());
    }
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
    assert_eq!(data.pending_assets(&token()), vec![1]);
}

#[test]
fn propose_to_an_unminted_token_stays_pending_and_inert() {
    let (mut data, w) = catalog(1);
    data.propose_asset(&w, issuer(), unminted(), 1, None)
        .unwrap();
    assert_eq!(data.pending_assets(&unminted()), vec![1]);
    assert_eq!(
        data.accept_asset(&w, owner(), unminted(), 1),
        Err(MultiAssetError::TokenNotFound {
            token_id: unminted()
        })
    );
}

#[test]
fn propose_by_the_tokens_own_owner_is_accepted_at_once() {
    let (mut data, w) = catalog(1);
    let events = data
        .propose_asset(&w, issuer(), issuers_token(), 1, None)
        .unwrap();
    assert_eq!(data.active_assets(&issuers_token()), vec![1]);
    assert!(data.pending_assets(&issuers_token()).is_empty());
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
    assert_eq!(data.pending_assets(&token()).len(), MAX_PENDING as usize);
}

// ---- propose_asset_to_many ---------------------------------------------------------------

#[test]
fn propose_to_many_proposes_to_every_token_with_one_event() {
    let (mut data, w) = catalog(1);
    let tokens: Vec<Id> = (10..20).map(Id::U32).collect();
    let events = data
        .propose_asset_to_many(&w, proposer(), tokens.clone(), 1)
        .unwrap();
    assert_eq!(
        events,
        vec![MultiAssetEvent::AssetProposedToMany {
            token_ids: tokens.clone(),
            asset_id: 1,
            proposer: proposer(),
        }]
    );
    assert!(tokens.iter().all(|t| data.pending_assets(t) == vec![1]));
}

#[test]
fn propose_to_many_of_max_batch_tokens_succeeds() {
    let (mut data, w) = catalog(1);
    let tokens: Vec<Id> = (0..MAX_BATCH_TOKENS as u32).map(Id::U32).collect();
    data.propose_asset_to_many(&w, issuer(), tokens.clone(), 1)
        .unwrap();
    assert_eq!(data.pending_assets(&tokens[MAX_BATCH_TOKENS - 1]), vec![1]);
}

#[test]
fn propose_to_many_whose_tokens_hold_too_much_names_the_token_and_writes_nothing() {
    // 65 tokens holding 127 pending assets each: 8,255 held > MAX_BATCH_HELD (8,192), crossed
    // at the 65th token.
    let (mut data, w) = catalog(MAX_PENDING as u64);
    let tokens: Vec<Id> = (100..165).map(Id::U32).collect();
    for asset in 1..MAX_PENDING as u64 {
        data.propose_asset_to_many(&w, issuer(), tokens.clone(), asset)
            .unwrap();
    }
    let held_per_token = MAX_PENDING - 1;
    assert!(64 * held_per_token <= MAX_BATCH_HELD && 65 * held_per_token > MAX_BATCH_HELD);
    assert_eq!(
        data.propose_asset_to_many(&w, issuer(), tokens.clone(), MAX_PENDING as u64),
        Err(MultiAssetError::BatchHoldsTooMuch {
            token_id: Id::U32(164)
        })
    );
    assert_eq!(
        data.pending_assets(&tokens[0]).len(),
        MAX_PENDING as usize - 1
    );
    // Split, the same proposals pass.
    for half in tokens.chunks(33) {
        data.propose_asset_to_many(&w, issuer(), half.to_vec(), MAX_PENDING as u64)
            .unwrap();
    }
    assert!(tokens
        .iter()
        .all(|t| data.pending_assets(t).len() == MAX_PENDING as usize));
}

#[test]
fn propose_to_many_leaves_the_issuers_own_tokens_pending() {
    let (mut data, w) = catalog(1);
    data.propose_asset_to_many(&w, issuer(), vec![issuers_token()], 1)
        .unwrap();
    assert_eq!(data.pending_assets(&issuers_token()), vec![1]);
}

#[test]
fn propose_to_many_is_all_or_nothing_and_names_the_failing_token() {
    let (mut data, w) = token_with(0, 1);
    let tokens = vec![Id::U32(50), token(), Id::U32(51)];
    assert_eq!(
        data.propose_asset_to_many(&w, issuer(), tokens, 1),
        Err(MultiAssetError::AssetAlreadyPending { token_id: token() })
    );
    assert!(data.pending_assets(&Id::U32(50)).is_empty());
    assert!(data.pending_assets(&Id::U32(51)).is_empty());
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
            MAX_PENDING as u64 + 1
        ),
        Err(MultiAssetError::TooManyPendingAssets { token_id: token() })
    );
    assert!(data.pending_assets(&Id::U32(3)).is_empty());
}

#[test]
fn propose_to_many_with_a_duplicate_token_fails() {
    let (mut data, w) = catalog(1);
    assert_eq!(
        data.propose_asset_to_many(&w, issuer(), vec![Id::U32(3), Id::U32(4), Id::U32(3)], 1),
        Err(MultiAssetError::DuplicateToken {
            token_id: Id::U32(3)
        })
    );
    assert!(data.pending_assets(&Id::U32(3)).is_empty());
}

#[test]
fn propose_to_many_empty_or_over_cap_fails() {
    let (mut data, w) = catalog(1);
    assert_eq!(
        data.propose_asset_to_many(&w, issuer(), vec![], 1),
        Err(MultiAssetError::EmptyBatch)
    );
    let too_many: Vec<Id> = (0..=MAX_BATCH_TOKENS as u32).map(Id::U32).collect();
    assert_eq!(
        data.propose_asset_to_many(&w, issuer(), too_many, 1),
        Err(MultiAssetError::BatchTooLarge {
            max: MAX_BATCH_TOKENS as u32
        })
    );
}

#[test]
fn propose_to_many_by_non_proposers_fails() {
    for caller in not_proposers() {
        let (mut data, w) = catalog(1);
        assert_eq!(
            data.propose_asset_to_many(&w, caller, vec![token()], 1),
            Err(MultiAssetError::NotIssuerOrProposer)
        );
    }
}

#[test]
fn propose_to_many_of_unknown_asset_fails() {
    let (mut data, w) = catalog(1);
    assert_eq!(
        data.propose_asset_to_many(&w, issuer(), vec![token()], 5),
        Err(MultiAssetError::AssetNotFound { asset_id: 5 })
    );
}

// ---- token ids too long to be a storage key ------------------------------------------------

/// The longest id this contract stores: 1 (variant) + 2 (compact length) + 121 bytes = 124.
fn longest_id() -> Id {
    Id::Bytes(vec![7; 121])
}

fn too_long_id() -> Id {
    Id::Bytes(vec![7; 122])
}

#[test]
fn propose_to_the_longest_token_id_succeeds() {
    let (mut data, w) = catalog(1);
    propose(&mut data, &w, longest_id(), 1);
    assert_eq!(data.pending_assets(&longest_id()), vec![1]);
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
        data.propose_asset_to_many(&w, issuer(), vec![Id::U32(3), too_long_id()], 1),
        Err(MultiAssetError::TokenIdTooLong {
            token_id: too_long_id()
        })
    );
    assert!(data.pending_assets(&Id::U32(3)).is_empty());
}

#[test]
fn propose_to_many_whose_ids_exceed_the_event_buffer_fails() {
    let (mut data, w) = catalog(1);
    // 240 ids of 42 encoded bytes: 10 KiB > MAX_BATCH_ID_BYTES (8 KiB).
    let tokens: Vec<Id> = (0..MAX_BATCH_TOKENS as u8)
        .map(|i| Id::Bytes(vec![i; 40]))
        .collect();
    assert_eq!(
        data.propose_asset_to_many(&w, issuer(), tokens.clone(), 1),
        Err(MultiAssetError::TokenIdsTooLong {
            max_bytes: MAX_BATCH_ID_BYTES as u32
        })
    );
    assert!(data.pending_assets(&tokens[0]).is_empty());
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
    let (data, _) = catalog(1);
    assert!(data.pending_assets(&too_long_id()).is_empty());
    assert!(data.active_assets(&too_long_id()).is_empty());
    assert_eq!(data.token_assets(&too_long_id(), 0, MAX_PAGE), Ok(vec![]));
}

// ---- accept_asset ------------------------------------------------------------------------

#[test]
fn accept_by_owner_activates_with_next_priority_and_emits_accepted() {
    let (mut data, w) = token_with(1, 1);
    let events = data.accept_asset(&w, owner(), token(), 2).unwrap();
    assert_eq!(data.active_assets(&token()), vec![1, 2]);
    assert_eq!(data.active_asset_priorities(&token()), vec![0, 1]);
    assert!(data.pending_assets(&token()).is_empty());
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
fn accept_by_operator_approved_for_the_token_succeeds() {
    let (mut data, w) = token_with(0, 1);
    data.accept_asset(&w, operator(), token(), 1).unwrap();
    assert_eq!(data.active_assets(&token()), vec![1]);
}

#[test]
fn accept_by_operator_approved_for_all_succeeds() {
    let (mut data, mut w) = token_with(0, 1);
    w.approvals = BTreeSet::from([(owner(), stranger(), None)]);
    data.accept_asset(&w, stranger(), token(), 1).unwrap();
    assert_eq!(data.active_assets(&token()), vec![1]);
}

#[test]
fn accept_by_anyone_else_fails() {
    for caller in not_deciders() {
        let (mut data, w) = token_with(0, 1);
        assert_eq!(
            data.accept_asset(&w, caller, token(), 1),
            Err(MultiAssetError::NotTokenOwnerOrApproved { token_id: token() }),
            "caller {caller:?}"
        );
        assert_eq!(data.pending_assets(&token()), vec![1]);
    }
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
    assert_eq!(data.pending_assets(&token()), vec![4, 2, 3]);
    accept(&mut data, &w, 3);
    assert_eq!(data.pending_assets(&token()), vec![4, 2]);
    // The moved proposal is still found where it moved to.
    accept(&mut data, &w, 4);
    assert_eq!(data.pending_assets(&token()), vec![2]);
    assert_eq!(data.active_assets(&token()), vec![1, 3, 4]);
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
    assert_eq!(data.asset_replacement(&token(), 4), Some(2));
    let events = data.accept_asset(&w, owner(), token(), 4).unwrap();
    assert_eq!(data.active_assets(&token()), vec![1, 4, 3]);
    assert_eq!(data.active_asset_priorities(&token()), vec![10, 20, 30]);
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
    assert_eq!(data.active_assets(&token()), vec![2]);
    data.propose_asset(&w, issuer(), token(), 1, None).unwrap();
    assert_eq!(data.pending_assets(&token()), vec![1]);
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
    assert_eq!(data.active_assets(&token()), vec![2, 3]);
    assert_eq!(data.active_asset_priorities(&token()), vec![0, 1]);
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
    assert_eq!(data.pending_assets(&token()), vec![extra]);
    data.add_asset_entry(&w, issuer(), "ipfs://swap".into(), None)
        .unwrap();
    data.propose_asset(&w, issuer(), token(), extra + 1, Some(1))
        .unwrap();
    accept(&mut data, &w, extra + 1);
    assert_eq!(data.active_assets(&token()).len(), MAX_ACTIVE as usize);
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

// ---- reject_asset ------------------------------------------------------------------------

#[test]
fn reject_by_owner_removes_the_proposal_and_emits_rejected() {
    let (mut data, w) = token_with(0, 3);
    let events = data.reject_asset(&w, owner(), token(), 1).unwrap();
    assert_eq!(data.pending_assets(&token()), vec![3, 2]);
    assert_eq!(
        events,
        vec![MultiAssetEvent::AssetRejected {
            token_id: token(),
            asset_id: 1
        }]
    );
    // A rejected asset may be proposed again.
    propose(&mut data, &w, token(), 1);
    assert_eq!(data.pending_assets(&token()), vec![3, 2, 1]);
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
fn reject_by_approved_operator_succeeds() {
    let (mut data, w) = token_with(0, 1);
    data.reject_asset(&w, operator(), token(), 1).unwrap();
    assert!(data.pending_assets(&token()).is_empty());
}

#[test]
fn reject_by_anyone_else_fails() {
    for caller in not_deciders() {
        let (mut data, w) = token_with(0, 1);
        assert_eq!(
            data.reject_asset(&w, caller, token(), 1),
            Err(MultiAssetError::NotTokenOwnerOrApproved { token_id: token() })
        );
        assert_eq!(data.pending_assets(&token()), vec![1]);
    }
}

#[test]
fn reject_of_an_active_asset_fails() {
    let (mut data, w) = token_with(1, 0);
    assert_eq!(
        data.reject_asset(&w, owner(), token(), 1),
        Err(MultiAssetError::AssetNotPending { token_id: token() })
    );
    assert_eq!(data.active_assets(&token()), vec![1]);
}

// ---- reject_all_assets -------------------------------------------------------------------

#[test]
fn reject_all_clears_pending_and_reports_the_count() {
    let (mut data, w) = token_with(1, 3);
    let events = data.reject_all_assets(&w, owner(), token(), 3).unwrap();
    assert!(data.pending_assets(&token()).is_empty());
    assert_eq!(data.active_assets(&token()), vec![1]);
    assert_eq!(
        events,
        vec![MultiAssetEvent::AllAssetsRejected {
            token_id: token(),
            count: 3
        }]
    );
    propose(&mut data, &w, token(), 2);
    assert_eq!(data.pending_assets(&token()), vec![2]);
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
    assert_eq!(data.pending_assets(&token()), vec![1, 2, 3]);
}

#[test]
fn reject_all_by_approved_operator_succeeds() {
    let (mut data, w) = token_with(0, 2);
    data.reject_all_assets(&w, operator(), token(), 2).unwrap();
    assert!(data.pending_assets(&token()).is_empty());
}

#[test]
fn reject_all_by_anyone_else_fails() {
    for caller in not_deciders() {
        let (mut data, w) = token_with(0, 2);
        assert_eq!(
            data.reject_all_assets(&w, caller, token(), 10),
            Err(MultiAssetError::NotTokenOwnerOrApproved { token_id: token() })
        );
        assert_eq!(data.pending_assets(&token()).len(), 2);
    }
}

// ---- set_priority ------------------------------------------------------------------------

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
fn set_priority_by_approved_operator_succeeds() {
    let (mut data, w) = token_with(2, 0);
    data.set_priority(&w, operator(), token(), vec![1, 0])
        .unwrap();
    assert_eq!(data.active_asset_priorities(&token()), vec![1, 0]);
}

#[test]
fn set_priority_by_anyone_else_fails() {
    for caller in not_deciders() {
        let (mut data, w) = token_with(2, 0);
        assert_eq!(
            data.set_priority(&w, caller, token(), vec![1, 0]),
            Err(MultiAssetError::NotTokenOwnerOrApproved { token_id: token() })
        );
        assert_eq!(data.active_asset_priorities(&token()), vec![0, 1]);
    }
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

// ---- queries -----------------------------------------------------------------------------

#[test]
fn token_assets_pages_through_the_ranking_with_uri_and_hash() {
    let (data, _) = token_with(3, 0);
    let page = data.token_assets(&token(), 1, 1).unwrap();
    assert_eq!(
        page,
        vec![TokenAsset {
            asset_id: 2,
            priority: 1,
            uri: "ipfs://asset-2".into(),
            content_hash: Some(sha256(b"ipfs://asset-2")),
        }]
    );
    assert!(data.token_assets(&token(), 3, MAX_PAGE).unwrap().is_empty());
}

#[test]
fn token_assets_with_limit_above_max_page_fails() {
    let (data, _) = token_with(1, 0);
    assert_eq!(
        data.token_assets(&token(), 0, MAX_PAGE + 1),
        Err(MultiAssetError::LimitTooLarge)
    );
}

#[test]
fn asset_replacement_is_none_for_plain_or_unknown_proposals() {
    let (data, _) = token_with(1, 1);
    assert_eq!(data.asset_replacement(&token(), 2), None);
    assert_eq!(data.asset_replacement(&token(), 1), None);
    assert_eq!(data.asset_replacement(&token(), 9), None);
}

#[test]
fn tokens_do_not_share_assets() {
    let (mut data, w) = token_with(1, 0);
    assert!(data.active_assets(&Id::U32(3)).is_empty());
    propose(&mut data, &w, Id::U32(3), 1);
    assert_eq!(data.pending_assets(&Id::U32(3)), vec![1]);
    assert_eq!(data.active_assets(&token()), vec![1]);
}
