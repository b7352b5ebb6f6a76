//! # Proposer registry
//!
//! One deployment serves many PSP34 collections, keyed by the collection's contract address.
//! The **issuer** of a collection is whoever the collection's `Ownable::owner()` returns at the
//! time of the call (a cross-contract call through [`multiasset_traits::Ownable`]): when ownership
//! of the collection moves, the new owner governs its proposers at once and the former owner
//! cannot grant or revoke any more. Grants belong to the collection, not to the issuer who made
//! them: a new owner sees them with `proposers` and revokes what it does not want.
//!
//! Modules: [`errors`] owns the one error type; [`events`] what a change reports; [`data`] the
//! state machine (the grants, their dense list per collection, and every rule); this file the
//! contract: the call to the collection, the adapters and the events.
//!
//! Invariants:
//! - `is_proposer(c, a)` is `true` only while `a` holds a grant for `c` whose expiry (if any) is
//!   later than the block timestamp; revoking or renouncing deletes the grant.
//! - Every grant, revoke, renounce and check touches O(1) storage cells whatever the number of
//!   proposers; the list behind `proposers` stays dense (swap-remove) and is read page by page.
//! - A failed message changes nothing; every change emits an event.
#![cfg_attr(not(feature = "std"), no_std, no_main)]

pub mod data;
pub mod errors;
pub mod events;

#[cfg(test)]
mod tests;

pub use data::{Grant, ProposerInfo, MAX_PAGE, MAX_PROPOSERS};
pub use errors::RegistryError;

#[ink::contract]
mod registry {
    use crate::{
        data::{Authority, ProposerInfo, RegistryData},
        errors::RegistryError,
        events::RegistryEvent,
    };
    use ink::{codegen::TraitCallBuilder, prelude::vec::Vec};
    use multiasset_traits::{answer_or, Ownable};

    /// `proposer` may propose assets to `collection` until `expires_at` (`None`: no end).
    #[ink(event)]
    pub struct ProposerGranted {
        #[ink(topic)]
        pub collection: AccountId,
        #[ink(topic)]
        pub proposer: AccountId,
        pub expires_at: Option<Timestamp>,
    }

    /// The issuer took `proposer`'s right to propose to `collection` away.
    #[ink(event)]
    pub struct ProposerRevoked {
        #[ink(topic)]
        pub collection: AccountId,
        #[ink(topic)]
        pub proposer: AccountId,
    }

    /// `proposer` gave up its own right to propose to `collection`.
    #[ink(event)]
    pub struct ProposerRenounced {
        #[ink(topic)]
        pub collection: AccountId,
        #[ink(topic)]
        pub proposer: AccountId,
    }

    /// The registry contract: all grants of all collections.
    #[ink(storage)]
    #[derive(Default)]
    pub struct Registry {
        data: RegistryData,
    }

    /// The peers, asked through cross-contract calls: each collection contract itself says who
    /// its owner is.
    struct Peers;

    impl Authority for Peers {
        fn issuer_of(&self, collection: AccountId) -> Result<Option<AccountId>, RegistryError> {
            let collection: ink::contract_ref!(Ownable) = collection.into();
            answer_or(
                collection.call().owner().try_invoke(),
                RegistryError::CollectionCallFailed,
            )
        }
    }

    impl Registry {
        /// An empty registry.
        #[ink(constructor)]
        pub fn new() -> Self {
            Self::default()
        }

        /// Lets `proposer` propose assets to `collection` until the block timestamp reaches
        /// `expires_at` (`None`: until revoked). Re-granting changes the expiry.
        /// Caller: the collection's issuer.
        ///
        /// # Errors
        /// - [`RegistryError::CollectionCallFailed`]: if the collection does not answer.
        /// - [`RegistryError::NotIssuer`]: if the caller is not the collection's owner now.
        /// - [`RegistryError::ExpiryInPast`]: if `expires_at` is not in the future.
        /// - [`RegistryError::TooManyProposers`]: if a new grant would pass
        ///   [`MAX_PROPOSERS`](crate::data::MAX_PROPOSERS).
        ///
        /// # Events
        /// - [`ProposerGranted`]
        #[ink(message)]
        pub fn grant_proposer(
            &mut self,
            collection: AccountId,
            proposer: AccountId,
            expires_at: Option<Timestamp>,
        ) -> Result<(), RegistryError> {
            let (caller, now) = (self.env().caller(), self.env().block_timestamp());
            let events = self
                .data
                .grant_proposer(&Peers, caller, now, collection, proposer, expires_at)?;
            self.emit(events);
            Ok(())
        }

        /// Takes `proposer`'s right to propose to `collection` away. Caller: the issuer.
        ///
        /// # Errors
        /// - [`RegistryError::CollectionCallFailed`]: if the collection does not answer.
        /// - [`RegistryError::NotIssuer`]: if the caller is not the collection's owner now.
        /// - [`RegistryError::NotAProposer`]: if `proposer` holds no grant.
        ///
        /// # Events
        /// - [`ProposerRevoked`]
        #[ink(message)]
        pub fn revoke_proposer(
            &mut self,
            collection: AccountId,
            proposer: AccountId,
        ) -> Result<(), RegistryError> {
            let caller = self.env().caller();
            let events = self
                .data
                .revoke_proposer(&Peers, caller, collection, proposer)?;
            self.emit(events);
            Ok(())
        }

        /// The caller gives up its own right to propose to `collection`.
        ///
        /// # Errors
        /// - [`RegistryError::NotAProposer`]: if the caller holds no grant.
        ///
        /// # Events
        /// - [`ProposerRenounced`]
        #[ink(message)]
        pub fn renounce(&mut self, collection: AccountId) -> Result<(), RegistryError> {
            let events = self.data.renounce(self.env().caller(), collection)?;
            self.emit(events);
            Ok(())
        }

        /// Up to `limit` (at most [`MAX_PAGE`](crate::data::MAX_PAGE)) grants of `collection`
        /// from position `start`, with their expiry and whether they are still live.
        ///
        /// # Errors
        /// - [`RegistryError::LimitTooLarge`]: if `limit` is over the page size.
        #[ink(message)]
        pub fn proposers(
            &self,
            collection: AccountId,
            start: u32,
            limit: u32,
        ) -> Result<Vec<ProposerInfo>, RegistryError> {
            self.data
                .proposers(self.env().block_timestamp(), collection, start, limit)
        }

        /// How many accounts hold a grant (live or expired) for `collection`.
        #[ink(message)]
        pub fn proposer_count(&self, collection: AccountId) -> u32 {
            self.data.proposer_count(collection)
        }

        /// The expiry of `account`'s grant for `collection`: `None` if it holds none,
        /// `Some(None)` if the grant never expires.
        #[ink(message)]
        pub fn grant_expiry(
            &self,
            collection: AccountId,
            account: AccountId,
        ) -> Option<Option<Timestamp>> {
            self.data
                .grant(collection, account)
                .map(|grant| grant.expires_at)
        }

        fn emit(&self, events: Vec<RegistryEvent>) {
            for event in events {
                match event {
                    RegistryEvent::ProposerGranted {
                        collection,
                        proposer,
                        expires_at,
                    } => self.env().emit_event(ProposerGranted {
                        collection,
                        proposer,
                        expires_at,
                    }),
                    RegistryEvent::ProposerRevoked {
                        collection,
                        proposer,
                    } => self.env().emit_event(ProposerRevoked {
                        collection,
                        proposer,
                    }),
                    RegistryEvent::ProposerRenounced {
                        collection,
                        proposer,
                    } => self.env().emit_event(ProposerRenounced {
                        collection,
                        proposer,
                    }),
                }
            }
        }
    }

    impl multiasset_traits::ProposerRegistry for Registry {
        /// `true` only for a granted, unexpired, unrevoked account (block timestamp decides).
        #[ink(message)]
        fn is_proposer(&self, collection: AccountId, account: AccountId) -> bool {
            self.data
                .is_proposer(self.env().block_timestamp(), collection, account)
        }
    }
}

/// The contract, and the events it emits (each message's docs link the ones it may emit).
pub use registry::{ProposerGranted, ProposerRenounced, ProposerRevoked, Registry, RegistryRef};
