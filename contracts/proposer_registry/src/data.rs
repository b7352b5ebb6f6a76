//! The registry's state machine, free of any chain: every method takes the caller (and the
//! current time where expiry matters) explicitly, and asks an [`Authority`] who a collection's
//! issuer is, so that it is unit-tested without a node.
//!
//! Storage layout, O(1) cells per grant / revoke / check whatever the number of proposers:
//! - `grants[(collection, proposer)] = Grant { expires_at, position, granted_by, epoch }`
//! - `proposer_at[(collection, position)] = proposer` for `position < proposer_count[collection]`
//!   (a dense list, kept dense by swap-remove, for the paginated `proposers` query).
//! - `epoch[collection]`: `revoke_all_proposers` starts a new epoch and empties the list in one
//!   write; a grant of an earlier epoch is as if it did not exist.
//!
//! **A grant counts** while it is of the current epoch, has not expired, and the issuer who made
//! it (`granted_by`) is the collection's issuer: grants end with the issuer who made them (the
//! new issuer may grant the same account again, and that grant counts). Every change of a grant
//! is told to the collection's multi-asset contract in the same transaction
//! ([`Authority::announce`]), which announces it to wallets when followers may show otherwise.

use crate::{errors::RegistryError, events::RegistryEvent};
use ink::{prelude::vec::Vec, storage::Mapping};
use multiasset_traits::{AccountId, Timestamp};

/// The most proposers one `proposers` page returns.
pub const MAX_PAGE: u32 = 100;
/// The most proposers one collection may have at a time.
pub const MAX_PROPOSERS: u32 = 1_000;

/// What the registry asks outside: the collection (its issuer, its multi-asset contract).
pub trait Authority {
    /// The issuer of `collection`, `None` if it renounced ownership.
    ///
    /// Returns [`RegistryError::CollectionCallFailed`] if the collection cannot be asked.
    fn issuer_of(&self, collection: AccountId) -> Result<Option<AccountId>, RegistryError>;

    /// Tells the multi-asset contract `collection` links (if any) that the grants of `proposer`
    /// (of every proposer when `None`) change in this transaction, so that it announces what
    /// its followers now show.
    ///
    /// Returns [`RegistryError::CollectionCallFailed`] if the collection cannot say which
    /// contract it links, [`RegistryError::MultiAssetCallFailed`] if that contract refuses.
    fn announce(
        &self,
        collection: AccountId,
        proposer: Option<AccountId>,
    ) -> Result<(), RegistryError>;
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
    /// The issuer who made (or last renewed) the grant: it counts only while that account is
    /// the collection's issuer.
    pub granted_by: AccountId,
    /// The collection's epoch when the grant was made (see `revoke_all_proposers`).
    pub epoch: u32,
}

impl Grant {
    /// `true` while the grant has not expired at `now`.
    pub fn is_live(&self, now: Timestamp) -> bool {
        self.expires_at.is_none_or(|end| now < end)
    }

    /// `true` if the grant counts at `now` when the collection's issuer is `issuer`.
    pub fn counts(&self, now: Timestamp, issuer: Option<AccountId>) -> bool {
        self.is_live(now) && issuer == Some(self.granted_by)
    }
}

/// One row of the `proposers` page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, scale::Encode, scale::Decode)]
#[cfg_attr(feature = "std", derive(scale_info::TypeInfo))]
pub struct ProposerInfo {
    pub proposer: AccountId,
    pub expires_at: Option<Timestamp>,
    /// The issuer who made the grant.
    pub granted_by: AccountId,
    /// `false` once the grant has expired or its issuer is no longer the collection's (it stays
    /// listed until revoked, renounced or cleared).
    pub live: bool,
}

/// All grants of all collections.
#[ink::storage_item]
#[derive(Default, Debug)]
pub struct RegistryData {
    grants: Mapping<(AccountId, AccountId), Grant>,
    proposer_at: Mapping<(AccountId, u32), AccountId>,
    proposer_count: Mapping<AccountId, u32>,
    epoch: Mapping<AccountId, u32>,
}

impl RegistryData {
    /// Lets `proposer` propose to `collection` until `expires_at`; a re-grant changes the expiry
    /// and makes the caller the grant's issuer. Caller: the collection's issuer.
    ///
    /// # Errors
    /// - [`RegistryError::CollectionCallFailed`]: if the collection does not answer.
    /// - [`RegistryError::NotIssuer`]: if the caller is not the collection's owner now.
    /// - [`RegistryError::ExpiryInPast`]: if `expires_at` is not in the future.
    /// - [`RegistryError::TooManyProposers`]: if a new grant would pass [`MAX_PROPOSERS`].
    /// - [`RegistryError::MultiAssetCallFailed`]: if the linked multi-asset contract refuses.
    ///
    /// # Events
    /// [`ProposerGranted`](crate::ProposerGranted).
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
        let existing = self.grant(collection, proposer);
        let count = self.proposer_count(collection);
        if existing.is_none() && count >= MAX_PROPOSERS {
            return Err(RegistryError::TooManyProposers);
        }
        authority.announce(collection, Some(proposer))?;

        let position = match existing {
            Some(grant) => grant.position,
            None => {
                self.proposer_at.insert((collection, count), &proposer);
                self.proposer_count.insert(collection, &(count + 1));
                count
            }
        };
        let grant = Grant {
            expires_at,
            position,
            granted_by: caller,
            epoch: self.epoch_of(collection),
        };
        self.grants.insert((collection, proposer), &grant);
        Ok(Vec::from([RegistryEvent::ProposerGranted {
            collection,
            proposer,
            expires_at,
        }]))
    }

    /// Takes `proposer`'s right to propose to `collection` away. Caller: the collection's issuer.
    ///
    /// # Errors
    /// - [`RegistryError::CollectionCallFailed`]: if the collection does not answer.
    /// - [`RegistryError::NotIssuer`]: if the caller is not the collection's owner now.
    /// - [`RegistryError::NotAProposer`]: if `proposer` holds no grant.
    /// - [`RegistryError::MultiAssetCallFailed`]: if the linked multi-asset contract refuses.
    ///
    /// # Events
    /// [`ProposerRevoked`](crate::ProposerRevoked).
    pub fn revoke_proposer(
        &mut self,
        authority: &impl Authority,
        caller: AccountId,
        collection: AccountId,
        proposer: AccountId,
    ) -> Result<Vec<RegistryEvent>, RegistryError> {
        ensure_issuer(authority, caller, collection)?;
        self.end_grant(authority, collection, proposer)?;
        Ok(Vec::from([RegistryEvent::ProposerRevoked {
            collection,
            proposer,
        }]))
    }

    /// Ends every grant of `collection` in one call, however many: a new epoch starts and the
    /// list empties. Caller: the collection's issuer.
    ///
    /// # Errors
    /// - [`RegistryError::CollectionCallFailed`]: if the collection does not answer.
    /// - [`RegistryError::NotIssuer`]: if the caller is not the collection's owner now.
    /// - [`RegistryError::NotAProposer`]: if the collection has no grant.
    /// - [`RegistryError::MultiAssetCallFailed`]: if the linked multi-asset contract refuses.
    ///
    /// # Events
    /// [`AllProposersRevoked`](crate::AllProposersRevoked).
    pub fn revoke_all_proposers(
        &mut self,
        authority: &impl Authority,
        caller: AccountId,
        collection: AccountId,
    ) -> Result<Vec<RegistryEvent>, RegistryError> {
        ensure_issuer(authority, caller, collection)?;
        let count = self.proposer_count(collection);
        if count == 0 {
            return Err(RegistryError::NotAProposer);
        }
        authority.announce(collection, None)?;
        let epoch = self.epoch_of(collection).wrapping_add(1);
        self.epoch.insert(collection, &epoch);
        self.proposer_count.insert(collection, &0);
        Ok(Vec::from([RegistryEvent::AllProposersRevoked {
            collection,
            count,
        }]))
    }

    /// The caller gives up its own right to propose to `collection` (expired or not).
    ///
    /// # Errors
    /// - [`RegistryError::NotAProposer`]: if the caller holds no grant.
    /// - [`RegistryError::CollectionCallFailed`], [`RegistryError::MultiAssetCallFailed`]: if
    ///   the collection or its multi-asset contract does not answer.
    ///
    /// # Events
    /// [`ProposerRenounced`](crate::ProposerRenounced).
    pub fn renounce(
        &mut self,
        authority: &impl Authority,
        caller: AccountId,
        collection: AccountId,
    ) -> Result<Vec<RegistryEvent>, RegistryError> {
        self.end_grant(authority, collection, caller)?;
        Ok(Vec::from([RegistryEvent::ProposerRenounced {
            collection,
            proposer: caller,
        }]))
    }

    /// Deletes `proposer`'s grant for `collection` once it no longer counts (it expired, or the
    /// issuer who made it is no longer the collection's), and tells the multi-asset contract:
    /// what anyone calls after an expiry so that wallets hear that followers changed.
    ///
    /// # Errors
    /// - [`RegistryError::NotAProposer`]: if `proposer` holds no grant.
    /// - [`RegistryError::GrantStillCounts`]: if the grant still counts.
    /// - [`RegistryError::CollectionCallFailed`], [`RegistryError::MultiAssetCallFailed`]: if
    ///   the collection or its multi-asset contract does not answer.
    ///
    /// # Events
    /// [`EndedGrantCleared`](crate::EndedGrantCleared).
    pub fn clear_ended_grant(
        &mut self,
        authority: &impl Authority,
        now: Timestamp,
        collection: AccountId,
        proposer: AccountId,
    ) -> Result<Vec<RegistryEvent>, RegistryError> {
        let grant = self
            .grant(collection, proposer)
            .ok_or(RegistryError::NotAProposer)?;
        if grant.counts(now, authority.issuer_of(collection)?) {
            return Err(RegistryError::GrantStillCounts);
        }
        self.end_grant(authority, collection, proposer)?;
        Ok(Vec::from([RegistryEvent::EndedGrantCleared {
            collection,
            proposer,
        }]))
    }

    /// `true` only if `account`'s grant for `collection` counts at `now` while the collection's
    /// issuer is `issuer`.
    pub fn is_proposer(
        &self,
        now: Timestamp,
        issuer: Option<AccountId>,
        collection: AccountId,
        account: AccountId,
    ) -> bool {
        self.grant(collection, account)
            .is_some_and(|grant| grant.counts(now, issuer))
    }

    /// The grant `account` holds for `collection` in its current epoch, counting or not.
    pub fn grant(&self, collection: AccountId, account: AccountId) -> Option<Grant> {
        let epoch = self.epoch_of(collection);
        self.grants
            .get((collection, account))
            .filter(|grant| grant.epoch == epoch)
    }

    /// How many accounts hold a grant (counting or not) for `collection`.
    pub fn proposer_count(&self, collection: AccountId) -> u32 {
        self.proposer_count.get(collection).unwrap_or(0)
    }

    /// Up to `limit` (at most [`MAX_PAGE`]) grants of `collection`, from position `start`, with
    /// whether each counts while the issuer is `issuer`. Revoking or renouncing moves the last
    /// grant into the freed position.
    ///
    /// # Errors
    /// - [`RegistryError::LimitTooLarge`]: if `limit` is over the page size.
    pub fn proposers(
        &self,
        now: Timestamp,
        issuer: Option<AccountId>,
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
                self.grant(collection, proposer).map(|grant| ProposerInfo {
                    proposer,
                    expires_at: grant.expires_at,
                    granted_by: grant.granted_by,
                    live: grant.counts(now, issuer),
                })
            })
            .collect())
    }

    fn epoch_of(&self, collection: AccountId) -> u32 {
        self.epoch.get(collection).unwrap_or(0)
    }

    /// Tells the multi-asset contract, then deletes the grant and keeps the list dense: the last
    /// proposer moves into the freed position.
    fn end_grant(
        &mut self,
        authority: &impl Authority,
        collection: AccountId,
        proposer: AccountId,
    ) -> Result<(), RegistryError> {
        let grant = self
            .grant(collection, proposer)
            .ok_or(RegistryError::NotAProposer)?;
        authority.announce(collection, Some(proposer))?;
        let last = self.proposer_count(collection).saturating_sub(1);
        if grant.position != last {
            if let Some(moved) = self.proposer_at.get((collection, last)) {
                self.proposer_at
                    .insert((collection, grant.position), &moved);
                if let Some(moved_grant) = self.grant(collection, moved) {
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
