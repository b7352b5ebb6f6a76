//! Unit tests of the registry's state machine: every message × {issuer, former issuer after an
//! ownership transfer, proposer, expired proposer, revoked proposer, stranger}.

use crate::{
    data::{Authority, ProposerInfo, RegistryData, MAX_PAGE, MAX_PROPOSERS},
    errors::RegistryError,
    events::RegistryEvent,
};
use ink::primitives::AccountId;
use std::collections::BTreeMap;

fn collection() -> AccountId {
    AccountId::from([0xc0; 32])
}
fn not_a_collection() -> AccountId {
    AccountId::from([0xee; 32])
}
fn issuer() -> AccountId {
    AccountId::from([1; 32])
}
fn former_issuer() -> AccountId {
    AccountId::from([2; 32])
}
fn proposer() -> AccountId {
    AccountId::from([3; 32])
}
fn expired() -> AccountId {
    AccountId::from([4; 32])
}
fn revoked() -> AccountId {
    AccountId::from([5; 32])
}
fn stranger() -> AccountId {
    AccountId::from([6; 32])
}
const NOW: u64 = 2_000;
const EXPIRED_AT: u64 = 1_500;

/// A registry in a fresh off-chain environment (each test runs on its own thread).
fn empty() -> RegistryData {
    ink::env::test::set_callee::<ink::env::DefaultEnvironment>(AccountId::from([0xAA; 32]));
    RegistryData::default()
}

/// The collections' owners, as the collection contracts would answer.
struct World(BTreeMap<AccountId, Option<AccountId>>);

impl Authority for World {
    fn issuer_of(&self, collection: AccountId) -> Result<Option<AccountId>, RegistryError> {
        self.0
            .get(&collection)
            .copied()
            .ok_or(RegistryError::CollectionCallFailed)
    }
}

fn owned_by(owner: AccountId) -> World {
    World(BTreeMap::from([(collection(), Some(owner))]))
}

/// former_issuer() granted proposer() (no expiry), expired() (expired at EXPIRED_AT) and revoked()
/// (then revoked it), then transferred the collection to issuer(). The clock stands at NOW.
fn world() -> (RegistryData, World) {
    let mut data = empty();
    let before = owned_by(former_issuer());
    let t0 = 1_000;
    for (account, expiry) in [
        (proposer(), None),
        (expired(), Some(EXPIRED_AT)),
        (revoked(), None),
    ] {
        data.grant_proposer(&before, former_issuer(), t0, collection(), account, expiry)
            .unwrap();
    }
    data.revoke_proposer(&before, former_issuer(), collection(), revoked())
        .unwrap();
    (data, owned_by(issuer()))
}

fn roles_that_are_not_issuer() -> [AccountId; 5] {
    [
        former_issuer(),
        proposer(),
        expired(),
        revoked(),
        stranger(),
    ]
}

fn listed(data: &RegistryData) -> Vec<AccountId> {
    data.proposers(NOW, collection(), 0, MAX_PAGE)
        .unwrap()
        .into_iter()
        .map(|info| info.proposer)
        .collect()
}

// ---- grant_proposer ----------------------------------------------------------------------

#[test]
fn grant_by_issuer_makes_a_proposer_and_emits_granted() {
    let (mut data, owners) = world();
    let events = data
        .grant_proposer(
            &owners,
            issuer(),
            NOW,
            collection(),
            stranger(),
            Some(NOW + 10),
        )
        .unwrap();
    assert_eq!(
        events,
        vec![RegistryEvent::ProposerGranted {
            collection: collection(),
            proposer: stranger(),
            expires_at: Some(NOW + 10)
        }]
    );
    assert!(data.is_proposer(NOW, collection(), stranger()));
}

#[test]
fn grant_by_former_issuer_fails() {
    let (mut data, owners) = world();
    assert_eq!(
        data.grant_proposer(
            &owners,
            former_issuer(),
            NOW,
            collection(),
            stranger(),
            None
        ),
        Err(RegistryError::NotIssuer)
    );
    assert!(!data.is_proposer(NOW, collection(), stranger()));
}

#[test]
fn grant_by_any_non_issuer_fails_and_changes_nothing() {
    for caller in roles_that_are_not_issuer() {
        let (mut data, owners) = world();
        assert_eq!(
            data.grant_proposer(&owners, caller, NOW, collection(), caller, None),
            Err(RegistryError::NotIssuer),
            "caller {caller:?}"
        );
        assert_eq!(listed(&data), vec![proposer(), expired()]);
    }
}

#[test]
fn grant_with_expiry_not_in_future_fails() {
    let (mut data, owners) = world();
    for expiry in [NOW - 1, NOW] {
        assert_eq!(
            data.grant_proposer(
                &owners,
                issuer(),
                NOW,
                collection(),
                stranger(),
                Some(expiry)
            ),
            Err(RegistryError::ExpiryInPast)
        );
    }
    assert_eq!(data.grant(collection(), stranger()), None);
}

#[test]
fn regrant_of_expired_proposer_renews_it_in_place() {
    let (mut data, owners) = world();
    data.grant_proposer(
        &owners,
        issuer(),
        NOW,
        collection(),
        expired(),
        Some(NOW + 5),
    )
    .unwrap();
    assert!(data.is_proposer(NOW, collection(), expired()));
    assert_eq!(data.proposer_count(collection()), 2);
    assert_eq!(listed(&data), vec![proposer(), expired()]);
}

#[test]
fn regrant_of_revoked_proposer_makes_it_a_proposer_again() {
    let (mut data, owners) = world();
    data.grant_proposer(&owners, issuer(), NOW, collection(), revoked(), None)
        .unwrap();
    assert!(data.is_proposer(NOW, collection(), revoked()));
    assert_eq!(listed(&data), vec![proposer(), expired(), revoked()]);
}

#[test]
fn grant_on_an_address_that_is_not_a_collection_fails() {
    let (mut data, owners) = world();
    assert_eq!(
        data.grant_proposer(&owners, issuer(), NOW, not_a_collection(), stranger(), None),
        Err(RegistryError::CollectionCallFailed)
    );
}

#[test]
fn grant_on_a_collection_whose_ownership_was_renounced_fails() {
    let (mut data, _) = world();
    let renounced = World(BTreeMap::from([(collection(), None)]));
    assert_eq!(
        data.grant_proposer(&renounced, issuer(), NOW, collection(), stranger(), None),
        Err(RegistryError::NotIssuer)
    );
}

#[test]
fn grant_past_max_proposers_fails() {
    let mut data = empty();
    let owners = owned_by(issuer());
    for i in 0..MAX_PROPOSERS {
        let mut raw = [9u8; 32];
        raw[..4].copy_from_slice(&i.to_le_bytes());
        data.grant_proposer(
            &owners,
            issuer(),
            NOW,
            collection(),
            AccountId::from(raw),
            None,
        )
        .unwrap();
    }
    assert_eq!(
        data.grant_proposer(&owners, issuer(), NOW, collection(), stranger(), None),
        Err(RegistryError::TooManyProposers)
    );
    assert_eq!(data.proposer_count(collection()), MAX_PROPOSERS);
}

// ---- revoke_proposer ---------------------------------------------------------------------

#[test]
fn revoke_by_issuer_ends_the_right_and_emits_revoked() {
    let (mut data, owners) = world();
    let events = data
        .revoke_proposer(&owners, issuer(), collection(), proposer())
        .unwrap();
    assert_eq!(
        events,
        vec![RegistryEvent::ProposerRevoked {
            collection: collection(),
            proposer: proposer()
        }]
    );
    assert!(!data.is_proposer(NOW, collection(), proposer()));
    assert_eq!(listed(&data), vec![expired()]);
}

#[test]
fn revoke_by_new_issuer_of_a_grant_made_by_former_issuer_succeeds() {
    let (mut data, owners) = world();
    data.revoke_proposer(&owners, issuer(), collection(), expired())
        .unwrap();
    assert_eq!(data.grant(collection(), expired()), None);
}

#[test]
fn revoke_by_any_non_issuer_fails_and_changes_nothing() {
    for caller in roles_that_are_not_issuer() {
        let (mut data, owners) = world();
        assert_eq!(
            data.revoke_proposer(&owners, caller, collection(), proposer()),
            Err(RegistryError::NotIssuer),
            "caller {caller:?}"
        );
        assert!(data.is_proposer(NOW, collection(), proposer()));
    }
}

#[test]
fn revoke_of_already_revoked_proposer_fails() {
    let (mut data, owners) = world();
    assert_eq!(
        data.revoke_proposer(&owners, issuer(), collection(), revoked()),
        Err(RegistryError::NotAProposer)
    );
}

#[test]
fn revoke_of_stranger_fails() {
    let (mut data, owners) = world();
    assert_eq!(
        data.revoke_proposer(&owners, issuer(), collection(), stranger()),
        Err(RegistryError::NotAProposer)
    );
    assert_eq!(data.proposer_count(collection()), 2);
}

#[test]
fn revoke_moves_the_last_proposer_into_the_freed_position() {
    let (mut data, owners) = world();
    data.grant_proposer(&owners, issuer(), NOW, collection(), stranger(), None)
        .unwrap();
    data.revoke_proposer(&owners, issuer(), collection(), proposer())
        .unwrap();
    assert_eq!(listed(&data), vec![stranger(), expired()]);
    assert_eq!(data.grant(collection(), stranger()).unwrap().position, 0);
    // The moved grant can still be revoked: its position was kept in step.
    data.revoke_proposer(&owners, issuer(), collection(), stranger())
        .unwrap();
    assert_eq!(listed(&data), vec![expired()]);
}

// ---- renounce ----------------------------------------------------------------------------

#[test]
fn renounce_by_proposer_ends_its_right_and_emits_renounced() {
    let (mut data, _) = world();
    let events = data.renounce(proposer(), collection()).unwrap();
    assert_eq!(
        events,
        vec![RegistryEvent::ProposerRenounced {
            collection: collection(),
            proposer: proposer()
        }]
    );
    assert!(!data.is_proposer(NOW, collection(), proposer()));
    assert_eq!(listed(&data), vec![expired()]);
}

#[test]
fn renounce_by_expired_proposer_removes_its_grant() {
    let (mut data, _) = world();
    data.renounce(expired(), collection()).unwrap();
    assert_eq!(listed(&data), vec![proposer()]);
}

#[test]
fn renounce_by_account_without_grant_fails() {
    for caller in [issuer(), former_issuer(), revoked(), stranger()] {
        let (mut data, _) = world();
        assert_eq!(
            data.renounce(caller, collection()),
            Err(RegistryError::NotAProposer),
            "caller {caller:?}"
        );
        assert_eq!(data.proposer_count(collection()), 2);
    }
}

// ---- is_proposer -------------------------------------------------------------------------

#[test]
fn is_proposer_is_true_only_for_a_live_grant() {
    let (data, _) = world();
    assert!(data.is_proposer(NOW, collection(), proposer()));
    for account in [issuer(), former_issuer(), expired(), revoked(), stranger()] {
        assert!(
            !data.is_proposer(NOW, collection(), account),
            "account {account:?}"
        );
    }
}

#[test]
fn is_proposer_turns_false_exactly_at_expiry() {
    let (data, _) = world();
    assert!(data.is_proposer(EXPIRED_AT - 1, collection(), expired()));
    assert!(!data.is_proposer(EXPIRED_AT, collection(), expired()));
}

#[test]
fn is_proposer_is_per_collection() {
    let (data, _) = world();
    assert!(!data.is_proposer(NOW, not_a_collection(), proposer()));
}

// ---- proposers ---------------------------------------------------------------------------

#[test]
fn proposers_lists_grants_with_expiry_and_liveness() {
    let (data, _) = world();
    assert_eq!(
        data.proposers(NOW, collection(), 0, 10).unwrap(),
        vec![
            ProposerInfo {
                proposer: proposer(),
                expires_at: None,
                live: true
            },
            ProposerInfo {
                proposer: expired(),
                expires_at: Some(EXPIRED_AT),
                live: false
            },
        ]
    );
}

#[test]
fn proposers_pages_through_the_list() {
    let (data, _) = world();
    let first = data.proposers(NOW, collection(), 0, 1).unwrap();
    let second = data.proposers(NOW, collection(), 1, 1).unwrap();
    let beyond = data.proposers(NOW, collection(), 2, 1).unwrap();
    assert_eq!(first[0].proposer, proposer());
    assert_eq!(second[0].proposer, expired());
    assert!(beyond.is_empty());
    assert!(data
        .proposers(NOW, collection(), u32::MAX, MAX_PAGE)
        .unwrap()
        .is_empty());
}

#[test]
fn proposers_with_limit_above_max_page_fails() {
    let (data, _) = world();
    assert_eq!(
        data.proposers(NOW, collection(), 0, MAX_PAGE + 1),
        Err(RegistryError::LimitTooLarge)
    );
}

// ---- grants end with the issuer who made them (issue 20, finding 2) ----------------------

#[test]
fn a_grant_of_a_former_issuer_does_not_count() {
    // world(): former_issuer() granted proposer(), then the collection passed to issuer().
    let (data, _) = world();
    assert!(!data.is_proposer(NOW, collection(), proposer()));
}
