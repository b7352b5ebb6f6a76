//! The registry's state machine, free of any chain: every method takes the caller (and the
//! current time where expiry matters) explicitly, and asks an [`Authority`] who a collection's
//! issuer is, so that it is unit-tested without a node.
//!
//! Storage layout, O(1) cells per grant / revoke / check whatever the number of proposers:
//! - `grants[(collection, proposer)] = Grant { expires_at, position }`
//! - `proposer_at[(collection, position)] = proposer` for `position < proposer_count[collection]`
//!   (a dense list, kept dense by swap-remove, for the paginated `proposers` query).

use crate::{errors::RegistryError, events::RegistryEvent};
use ink::{prelude::vec::Vec, storage::Mapping};
use multiasset_traits::{AccountId, Timestamp};

/// The most proposers one `proposers` page returns.
pub const MAX_PAGE: u32 = 100;
/// The most proposers one collection may have at a time.
pub const MAX_PROPOSERS: u32 = 1_000;

/// Who a collection's issuer is right now: the collection's `Ownable::owner()` on chain.
pub trait Authority {
    /// The issuer of `collection`, `None` if it renounced ownership.
    ///
    /// Returns [`RegistryError::CollectionCallFailed`] if the collection cannot be asked.
    fn issuer_of(&self, collection: AccountId) -> Result<Option<AccountId>, RegistryError>;
}

/// One proposer's right to propose to one collection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, scale::Encode, scale::Decode)]
#[cfg_attr(
    feature = "std",
    derive(scale_info::TypeInfo, ink::storage::traits::StorageLayout)
)]
pub struct Grant {
    /// The right ends at this block timestamp (exclusive); `None` never ends.
    pub expires_at: Option<Timestamp>,
    /// Where the proposer stands in the collection's proposer list.
    pub position: u32,
}

impl Grant {
    /// `true` while the grant has not expired at `now`.
    pub fn is_live(&self, now: Timestamp) -> bool {
        self.expires_at.is_none_or(|end| now < end)
    }
}

/// One row of the `proposers` page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, scale::Encode, scale::Decode)]
#[cfg_attr(feature = "std", derive(scale_info::TypeInfo))]
pub struct ProposerInfo {
    pub proposer: AccountId,
    pub expires_at: Option<Timestamp>,
    /// `false` once the grant has expired (it stays listed until revoked or renounced).
    pub live: bool,
}

/// All grants of all collections.
#[ink::storage_item]
#[derive(Default, Debug)]
pub struct RegistryData {
    grants: Mapping<(AccountId, AccountId), Grant>,
    proposer_at: Mapping<(AccountId, u32), AccountId>,
    proposer_count: Mapping<AccountId, u32>,
}

impl RegistryData {
    /// Lets `proposer` propose to `collection` until `expires_at`; a re-grant changes the expiry.
    /// Caller: the collection's issuer.
    pub fn grant_proposer(
        &mut self,
        authority: &impl Authority,
        caller: AccountId,
        now: Timestamp,
        collection: AccountId,
        proposer: AccountId,
        expires_at: Option<Timestamp>,
    ) -> Result<Vec<RegistryEvent>, RegistryError> {
        ensure_issuer(authority, caller, collection)?;
        if expires_at.is_some_and(|end| end <= now) {
            return Err(RegistryError::ExpiryInPast);
        }
        let grant = match self.grants.get((collection, proposer)) {
            Some(existing) => Grant {
                expires_at,
                ..existing
            },
            None => {
                let count = self.proposer_count(collection);
                if count >= MAX_PROPOSERS {
                    return Err(RegistryError::TooManyProposers);
                }
                self.proposer_at.insert((collection, count), &proposer);
                self.proposer_count.insert(collection, &(count + 1));
                Grant {
                    expires_at,
                    position: count,
                }
            }
        };
        self.grants.insert((collection, proposer), &grant);
        Ok(Vec::from([RegistryEvent::ProposerGranted {
            collection,
            proposer,
            expires_at,
        }]))
    }

    /// Takes `proposer`'s right to propose to `collection` away. Caller: the collection's issuer.
    pub fn revoke_proposer(
        &mut self,
        authority: &impl Authority,
        caller: AccountId,
        collection: AccountId,
        proposer: AccountId,
    ) -> Result<Vec<RegistryEvent>, RegistryError> {
        ensure_issuer(authority, caller, collection)?;
        self.remove_grant(collection, proposer)?;
        Ok(Vec::from([RegistryEvent::ProposerRevoked {
            collection,
            proposer,
        }]))
    }

    /// The caller gives up its own right to propose to `collection` (expired or not).
    pub fn renounce(
        &mut self,
        caller: AccountId,
        collection: AccountId,
    ) -> Result<Vec<RegistryEvent>, RegistryError> {
        self.remove_grant(collection, caller)?;
        Ok(Vec::from([RegistryEvent::ProposerRenounced {
            collection,
            proposer: caller,
        }]))
    }

    /// `true` only for a granted, unexpired, unrevoked, unrenounced account.
    pub fn is_proposer(&self, now: Timestamp, collection: AccountId, account: AccountId) -> bool {
        self.grants
            .get((collection, account))
            .is_some_and(|grant| grant.is_live(now))
    }

    /// The grant `account` holds for `collection`, expired or not.
    pub fn grant(&self, collection: AccountId, account: AccountId) -> Option<Grant> {
        self.grants.get((collection, account))
    }

    /// How many accounts hold a grant (live or expired) for `collection`.
    pub fn proposer_count(&self, collection: AccountId) -> u32 {
        self.proposer_count.get(collection).unwrap_or(0)
    }

    /// Up to `limit` (at most [`MAX_PAGE`]) grants of `collection`, from position `start`.
    /// Revoking or renouncing moves the last grant into the freed position.
    pub fn proposers(
        &self,
        now: Timestamp,
        collection: AccountId,
        start: u32,
        limit: u32,
    ) -> Result<Vec<ProposerInfo>, RegistryError> {
        if limit > MAX_PAGE {
            return Err(RegistryError::LimitTooLarge);
        }
        let end = start
            .saturating_add(limit)
            .min(self.proposer_count(collection));
        Ok((start..end)
            .filter_map(|position| self.proposer_at.get((collection, position)))
            .filter_map(|proposer| {
                self.grants
                    .get((collection, proposer))
                    .map(|grant| ProposerInfo {
                        proposer,
                        expires_at: grant.expires_at,
                        live: grant.is_live(now),
                    })
            })
            .collect())
    }

    /// Deletes a grant and keeps the list dense: the last proposer moves into the freed position.
    fn remove_grant(
        &mut self,
        collection: AccountId,
        proposer: AccountId,
    ) -> Result<(), RegistryError> {
        let grant = self
            .grants
            .get((collection, proposer))
            .ok_or(RegistryError::NotAProposer)?;
        let last = self.proposer_count(collection).saturating_sub(1);
        if grant.position != last {
            if let Some(moved) = self.proposer_at.get((collection, last)) {
                self.proposer_at
                    .insert((collection, grant.position), &moved);
                if let Some(moved_grant) = self.grants.get((collection, moved)) {
                    self.grants.insert(
                        (collection, moved),
                        &Grant {
                            position: grant.position,
                            ..moved_grant
                        },
                    );
                }
            }
        }
        self.proposer_at.remove((collection, last));
        self.proposer_count.insert(collection, &last);
        self.grants.remove((collection, proposer));
        Ok(())
    }
}

fn ensure_issuer(
    authority: &impl Authority,
    caller: AccountId,
    collection: AccountId,
) -> Result<(), RegistryError> {
    match authority.issuer_of(collection)? {
        Some(issuer) if issuer == caller => Ok(()),
        _ => Err(RegistryError::NotIssuer),
    }
}
