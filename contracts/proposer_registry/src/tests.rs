//! Unit tests of the registry's state machine: every message × {issuer, former issuer after an
//! ownership transfer, proposer, a former issuer's grantee, expired proposer, revoked proposer,
//! stranger}, and what each change tells the collection's multi-asset contract.

use crate::{
    data::{Authority, ProposerInfo, RegistryData, MAX_PAGE, MAX_PROPOSERS},
    errors::RegistryError,
    events::RegistryEvent,
};
use ink::primitives::AccountId;
use std::{cell::RefCell, collections::BTreeMap};

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
/// Granted by `former_issuer()` before the collection passed to `issuer()`.
fn inherited() -> AccountId {
    AccountId::from([7; 32])
}
const NOW: u64 = 2_000;
const EXPIRED_AT: u64 = 1_500;

/// A registry in a fresh off-chain environment (each test runs on its own thread).
fn empty() -> RegistryData {
    ink::env::test::set_callee::<ink::env::DefaultEnvironment>(AccountId::from([0xAA; 32]));
    RegistryData::default()
}

/// The collections' owners, as the collection contracts would answer, and what the registry
/// told the linked multi-asset contract (`refuses`: it refuses to hear).
#[derive(Default)]
struct World {
    owners: BTreeMap<AccountId, Option<AccountId>>,
    told: RefCell<Vec<Option<AccountId>>>,
    refuses: bool,
}

impl Authority for World {
    fn issuer_of(&self, collection: AccountId) -> Result<Option<AccountId>, RegistryError> {
        self.owners
            .get(&collection)
            .copied()
            .ok_or(RegistryError::CollectionCallFailed)
    }

    fn announce(
        &self,
        collection: AccountId,
        proposer: Option<AccountId>,
    ) -> Result<(), RegistryError> {
        self.issuer_of(collection)?;
        if self.refuses {
            return Err(RegistryError::MultiAssetCallFailed);
        }
        self.told.borrow_mut().push(proposer);
        Ok(())
    }
}

fn owned_by(owner: Option<AccountId>) -> World {
    World {
        owners: BTreeMap::from([(collection(), owner)]),
        ..World::default()
    }
}

/// former_issuer() granted inherited(), then transferred the collection to issuer(), who granted
/// proposer() (no expiry), expired() (expired at EXPIRED_AT) and revoked() (then revoked it). The
/// clock stands at NOW; nothing told yet.
fn world() -> (RegistryData, World) {
    let mut data = empty();
    let t0 = 1_000;
    data.grant_proposer(
        &owned_by(Some(former_issuer())),
        former_issuer(),
        t0,
        collection(),
        inherited(),
        None,
    )
    .unwrap();
    let owners = owned_by(Some(issuer()));
    for (account, expiry) in [
        (proposer(), None),
        (expired(), Some(EXPIRED_AT)),
        (revoked(), None),
    ] {
        data.grant_proposer(&owners, issuer(), t0, collection(), account, expiry)
            .unwrap();
    }
    data.revoke_proposer(&owners, issuer(), collection(), revoked())
        .unwrap();
    owners.told.borrow_mut().clear();
    (data, owners)
}

fn roles_that_are_not_issuer() -> [AccountId; 6] {
    [
        former_issuer(),
        proposer(),
        inherited(),
        expired(),
        revoked(),
        stranger(),
    ]
}

/// Whether `account`'s grant counts at NOW while issuer() is the issuer.
fn counts(data: &RegistryData, account: AccountId) -> bool {
    data.is_proposer(NOW, Some(issuer()), collection(), account)
}

fn listed(data: &RegistryData) -> Vec<AccountId> {
    data.proposers(NOW, Some(issuer()), collection(), 0, MAX_PAGE)
        .unwrap()
        .into_iter()
        .map(|info| info.proposer)
        .collect()
}

fn told(w: &World) -> Vec<Option<AccountId>> {
    w.told.borrow().clone()
}

// ---- grant_proposer ----------------------------------------------------------------------

#[test]
fn grant_by_issuer_makes_a_proposer_emits_granted_and_tells_the_multiasset() {
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
    assert!(counts(&data, stranger()));
    assert_eq!(told(&owners), vec![Some(stranger())]);
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
    assert!(!counts(&data, stranger()));
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
        assert_eq!(listed(&data), vec![inherited(), proposer(), expired()]);
        assert!(told(&owners).is_empty());
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
    assert!(counts(&data, expired()));
    assert_eq!(data.proposer_count(collection()), 3);
    assert_eq!(listed(&data), vec![inherited(), proposer(), expired()]);
}

#[test]
fn regrant_of_revoked_proposer_makes_it_a_proposer_again() {
    let (mut data, owners) = world();
    data.grant_proposer(&owners, issuer(), NOW, collection(), revoked(), None)
        .unwrap();
    assert!(counts(&data, revoked()));
    assert_eq!(
        listed(&data),
        vec![inherited(), proposer(), expired(), revoked()]
    );
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
    assert_eq!(
        data.grant_proposer(
            &owned_by(None),
            issuer(),
            NOW,
            collection(),
            stranger(),
            None
        ),
        Err(RegistryError::NotIssuer)
    );
}

#[test]
fn grant_that_the_multiasset_refuses_to_hear_of_changes_nothing() {
    let (mut data, mut owners) = world();
    owners.refuses = true;
    assert_eq!(
        data.grant_proposer(&owners, issuer(), NOW, collection(), stranger(), None),
        Err(RegistryError::MultiAssetCallFailed)
    );
    assert_eq!(data.grant(collection(), stranger()), None);
    assert_eq!(data.proposer_count(collection()), 3);
}

#[test]
fn grant_past_max_proposers_fails() {
    let mut data = empty();
    let owners = owned_by(Some(issuer()));
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

// ---- grants end with the issuer who made them --------------------------------------------

#[test]
fn a_grant_of_a_former_issuer_does_not_count() {
    let (data, _) = world();
    assert!(!counts(&data, inherited()));
    // It counted while its issuer was the collection's.
    assert!(data.is_proposer(NOW, Some(former_issuer()), collection(), inherited()));
}

#[test]
fn the_new_issuer_may_grant_a_former_issuers_grantee_again_and_it_counts() {
    let (mut data, owners) = world();
    data.grant_proposer(&owners, issuer(), NOW, collection(), inherited(), None)
        .unwrap();
    assert!(counts(&data, inherited()));
    assert_eq!(listed(&data), vec![inherited(), proposer(), expired()]);
    assert_eq!(
        data.grant(collection(), inherited()).map(|g| g.granted_by),
        Some(issuer())
    );
}

#[test]
fn no_grant_counts_once_ownership_was_renounced() {
    let (data, _) = world();
    assert!(!data.is_proposer(NOW, None, collection(), proposer()));
}

// ---- revoke_proposer ---------------------------------------------------------------------

#[test]
fn revoke_by_issuer_ends_the_right_emits_revoked_and_tells_the_multiasset() {
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
    assert!(!counts(&data, proposer()));
    assert_eq!(listed(&data), vec![inherited(), expired()]);
    assert_eq!(told(&owners), vec![Some(proposer())]);
}

#[test]
fn revoke_by_new_issuer_of_a_grant_made_by_former_issuer_succeeds() {
    let (mut data, owners) = world();
    data.revoke_proposer(&owners, issuer(), collection(), inherited())
        .unwrap();
    assert_eq!(data.grant(collection(), inherited()), None);
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
        assert!(counts(&data, proposer()));
        assert!(told(&owners).is_empty());
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
    assert_eq!(data.proposer_count(collection()), 3);
}

#[test]
fn revoke_that_the_multiasset_refuses_to_hear_of_changes_nothing() {
    let (mut data, mut owners) = world();
    owners.refuses = true;
    assert_eq!(
        data.revoke_proposer(&owners, issuer(), collection(), proposer()),
        Err(RegistryError::MultiAssetCallFailed)
    );
    assert!(counts(&data, proposer()));
}

#[test]
fn revoke_moves_the_last_proposer_into_the_freed_position() {
    let (mut data, owners) = world();
    data.grant_proposer(&owners, issuer(), NOW, collection(), stranger(), None)
        .unwrap();
    data.revoke_proposer(&owners, issuer(), collection(), proposer())
        .unwrap();
    assert_eq!(listed(&data), vec![inherited(), stranger(), expired()]);
    assert_eq!(data.grant(collection(), stranger()).unwrap().position, 1);
    // The moved grant can still be revoked: its position was kept in step.
    data.revoke_proposer(&owners, issuer(), collection(), stranger())
        .unwrap();
    assert_eq!(listed(&data), vec![inherited(), expired()]);
}

// ---- revoke_all_proposers ----------------------------------------------------------------

#[test]
fn revoke_all_ends_every_grant_at_once_and_tells_the_multiasset() {
    let (mut data, owners) = world();
    let events = data
        .revoke_all_proposers(&owners, issuer(), collection())
        .unwrap();
    assert_eq!(
        events,
        vec![RegistryEvent::AllProposersRevoked {
            collection: collection(),
            count: 3
        }]
    );
    for account in [inherited(), proposer(), expired()] {
        assert!(!counts(&data, account), "account {account:?}");
        assert_eq!(data.grant(collection(), account), None);
    }
    assert_eq!(data.proposer_count(collection()), 0);
    assert!(listed(&data).is_empty());
    assert_eq!(told(&owners), vec![None]);
}

#[test]
fn after_revoke_all_the_issuer_grants_anew_and_only_the_new_grant_counts() {
    let (mut data, owners) = world();
    data.revoke_all_proposers(&owners, issuer(), collection())
        .unwrap();
    data.grant_proposer(&owners, issuer(), NOW, collection(), expired(), None)
        .unwrap();
    assert!(counts(&data, expired()));
    assert!(!counts(&data, proposer()));
    assert_eq!(listed(&data), vec![expired()]);
    assert_eq!(data.grant(collection(), expired()).unwrap().position, 0);
    assert_eq!(
        data.revoke_proposer(&owners, issuer(), collection(), proposer()),
        Err(RegistryError::NotAProposer)
    );
}

#[test]
fn revoke_all_by_any_non_issuer_fails_and_changes_nothing() {
    for caller in roles_that_are_not_issuer() {
        let (mut data, owners) = world();
        assert_eq!(
            data.revoke_all_proposers(&owners, caller, collection()),
            Err(RegistryError::NotIssuer),
            "caller {caller:?}"
        );
        assert!(counts(&data, proposer()));
        assert!(told(&owners).is_empty());
    }
}

#[test]
fn revoke_all_of_a_collection_without_grants_fails() {
    let mut data = empty();
    let owners = owned_by(Some(issuer()));
    assert_eq!(
        data.revoke_all_proposers(&owners, issuer(), collection()),
        Err(RegistryError::NotAProposer)
    );
    assert!(told(&owners).is_empty());
}

// ---- renounce ----------------------------------------------------------------------------

#[test]
fn renounce_by_proposer_ends_its_right_emits_renounced_and_tells_the_multiasset() {
    let (mut data, owners) = world();
    let events = data.renounce(&owners, proposer(), collection()).unwrap();
    assert_eq!(
        events,
        vec![RegistryEvent::ProposerRenounced {
            collection: collection(),
            proposer: proposer()
        }]
    );
    assert!(!counts(&data, proposer()));
    assert_eq!(listed(&data), vec![inherited(), expired()]);
    assert_eq!(told(&owners), vec![Some(proposer())]);
}

#[test]
fn renounce_by_expired_proposer_removes_its_grant() {
    let (mut data, owners) = world();
    data.renounce(&owners, expired(), collection()).unwrap();
    assert_eq!(listed(&data), vec![inherited(), proposer()]);
}

#[test]
fn renounce_by_account_without_grant_fails() {
    for caller in [issuer(), former_issuer(), revoked(), stranger()] {
        let (mut data, owners) = world();
        assert_eq!(
            data.renounce(&owners, caller, collection()),
            Err(RegistryError::NotAProposer),
            "caller {caller:?}"
        );
        assert_eq!(data.proposer_count(collection()), 3);
    }
}

// ---- clear_ended_grant -------------------------------------------------------------------

#[test]
fn anyone_may_clear_an_expired_grant_and_the_multiasset_is_told() {
    let (mut data, owners) = world();
    let events = data
        .clear_ended_grant(&owners, NOW, collection(), expired())
        .unwrap();
    assert_eq!(
        events,
        vec![RegistryEvent::EndedGrantCleared {
            collection: collection(),
            proposer: expired()
        }]
    );
    assert_eq!(data.grant(collection(), expired()), None);
    assert_eq!(listed(&data), vec![inherited(), proposer()]);
    assert_eq!(told(&owners), vec![Some(expired())]);
}

#[test]
fn anyone_may_clear_a_former_issuers_grant() {
    let (mut data, owners) = world();
    data.clear_ended_grant(&owners, NOW, collection(), inherited())
        .unwrap();
    assert_eq!(data.grant(collection(), inherited()), None);
}

#[test]
fn clear_of_a_grant_that_still_counts_fails() {
    let (mut data, owners) = world();
    assert_eq!(
        data.clear_ended_grant(&owners, NOW, collection(), proposer()),
        Err(RegistryError::GrantStillCounts)
    );
    assert_eq!(
        data.clear_ended_grant(&owners, EXPIRED_AT - 1, collection(), expired()),
        Err(RegistryError::GrantStillCounts)
    );
    assert!(told(&owners).is_empty());
}

#[test]
fn clear_of_an_account_without_grant_fails() {
    let (mut data, owners) = world();
    assert_eq!(
        data.clear_ended_grant(&owners, NOW, collection(), revoked()),
        Err(RegistryError::NotAProposer)
    );
}

// ---- is_proposer -------------------------------------------------------------------------

#[test]
fn is_proposer_is_true_only_for_a_grant_that_counts() {
    let (data, _) = world();
    assert!(counts(&data, proposer()));
    for account in [
        issuer(),
        former_issuer(),
        inherited(),
        expired(),
        revoked(),
        stranger(),
    ] {
        assert!(!counts(&data, account), "account {account:?}");
    }
}

#[test]
fn is_proposer_turns_false_exactly_at_expiry() {
    let (data, _) = world();
    let issuer = Some(issuer());
    assert!(data.is_proposer(EXPIRED_AT - 1, issuer, collection(), expired()));
    assert!(!data.is_proposer(EXPIRED_AT, issuer, collection(), expired()));
}

#[test]
fn is_proposer_is_per_collection() {
    let (data, _) = world();
    assert!(!data.is_proposer(NOW, Some(issuer()), not_a_collection(), proposer()));
}

// ---- proposers ---------------------------------------------------------------------------

#[test]
fn proposers_lists_grants_with_expiry_issuer_and_whether_they_count() {
    let (data, _) = world();
    assert_eq!(
        data.proposers(NOW, Some(issuer()), collection(), 0, 10)
            .unwrap(),
        vec![
            ProposerInfo {
                proposer: inherited(),
                expires_at: None,
                granted_by: former_issuer(),
                live: false
            },
            ProposerInfo {
                proposer: proposer(),
                expires_at: None,
                granted_by: issuer(),
                live: true
            },
            ProposerInfo {
                proposer: expired(),
                expires_at: Some(EXPIRED_AT),
                granted_by: issuer(),
                live: false
            },
        ]
    );
}

#[test]
fn proposers_pages_through_the_list() {
    let (data, _) = world();
    let page = |start| {
        data.proposers(NOW, Some(issuer()), collection(), start, 1)
            .unwrap()
    };
    assert_eq!(page(0)[0].proposer, inherited());
    assert_eq!(page(1)[0].proposer, proposer());
    assert_eq!(page(2)[0].proposer, expired());
    assert!(page(3).is_empty());
    assert!(page(u32::MAX).is_empty());
}

#[test]
fn proposers_with_limit_above_max_page_fails() {
    let (data, _) = world();
    assert_eq!(
        data.proposers(NOW, Some(issuer()), collection(), 0, MAX_PAGE + 1),
        Err(RegistryError::LimitTooLarge)
    );
}
