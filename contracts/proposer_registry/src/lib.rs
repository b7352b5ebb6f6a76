//! # Proposer registry
//!
//! One deployment serves many PSP34 collections, keyed by the collection's contract address.
//! The **issuer** of a collection is whoever the collection's `Ownable::owner()` returns at the
//! time of the call (a cross-contract call through [`multiasset_traits::Ownable`]): when ownership
//! of the collection moves, the new owner governs its proposers at once and the former owner
//! cannot grant or revoke any more. **A grant ends with the issuer who made it**: after a
//! transfer of the collection, the former issuer's grants no longer count (`proposers` lists them
//! as not live; the new issuer may grant the same accounts again, or end them all with
//! `revoke_all_proposers`).
//!
//! Every change of a grant is told, in the same transaction, to the multi-asset contract the
//! collection links ([`multiasset_traits::MultiAssetLink`],
//! [`multiasset_traits::FollowersChanged`]), which announces to wallets what tokens following
//! the collection now show. An expiry needs no transaction: anyone calls `clear_ended_grant`
//! after it to have it announced.
//!
//! Modules: [`errors`] owns the one error type; [`events`] what a change reports; [`data`] the
//! state machine (the grants, their dense list per collection, and every rule); this file the
//! contract: the calls to the collection and its multi-asset contract, the adapters, the events.
//!
//! Invariants:
//! - A grant counts only while it is of the collection's current epoch, has not expired (the
//!   block timestamp decides) and the issuer who made it is the collection's issuer; revoking,
//!   renouncing or clearing deletes it, `revoke_all_proposers` ends every grant at once.
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
    use multiasset_traits::{answer_or, FollowersChanged, MultiAssetLink, Ownable};

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

    /// The issuer ended all `count` grants of `collection` at once.
    #[ink(event)]
    pub struct AllProposersRevoked {
        #[ink(topic)]
        pub collection: AccountId,
        pub count: u32,
    }

    /// `proposer`'s grant, which no longer counted (expired, or made by a former issuer), was
    /// deleted and its end announced.
    #[ink(event)]
    pub struct EndedGrantCleared {
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
    /// its owner is and which multi-asset contract it links.
    struct Peers;

    impl Authority for Peers {
        fn issuer_of(&self, collection: AccountId) -> Result<Option<AccountId>, RegistryError> {
            let collection: ink::contract_ref!(Ownable) = collection.into();
            answer_or(
                collection.call().owner().try_invoke(),
                RegistryError::CollectionCallFailed,
            )
        }

        fn announce(
            &self,
            collection: AccountId,
            proposer: Option<AccountId>,
        ) -> Result<(), RegistryError> {
            let link: ink::contract_ref!(MultiAssetLink) = collection.into();
            let linked = answer_or(
                link.call().multiasset().try_invoke(),
                RegistryError::CollectionCallFailed,
            )?;
            let Some(multiasset) = linked else {
                return Ok(());
            };
            let mut multiasset: ink::contract_ref!(FollowersChanged) = multiasset.into();
            answer_or(
                multiasset
                    .call_mut()
                    .announce_followers_changed(proposer)
                    .try_invoke(),
                RegistryError::MultiAssetCallFailed,
            )?
            .map_err(|_| RegistryError::MultiAssetCallFailed)
        }
    }

    impl Registry {
        /// An empty registry.
        #[ink(constructor)]
        pub fn new() -> Self {
            Self::default()
        }

        /// Lets `proposer` propose assets to `collection` until the block timestamp reaches
        /// `expires_at` (`None`: until revoked). Re-granting changes the expiry and makes the
        /// caller the grant's issuer. Caller: the collection's issuer.
        /// Errors and events: [`RegistryData::grant_proposer`].
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
        /// Errors and events: [`RegistryData::revoke_proposer`].
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

        /// Ends every grant of `collection` at once (O(1), however many). Caller: the issuer.
        /// Errors and events: [`RegistryData::revoke_all_proposers`].
        #[ink(message)]
        pub fn revoke_all_proposers(&mut self, collection: AccountId) -> Result<(), RegistryError> {
            let caller = self.env().caller();
            let events = self.data.revoke_all_proposers(&Peers, caller, collection)?;
            self.emit(events);
            Ok(())
        }

        /// The caller gives up its own right to propose to `collection`.
        /// Errors and events: [`RegistryData::renounce`].
        #[ink(message)]
        pub fn renounce(&mut self, collection: AccountId) -> Result<(), RegistryError> {
            let events = self
                .data
                .renounce(&Peers, self.env().caller(), collection)?;
            self.emit(events);
            Ok(())
        }

        /// Deletes a grant that no longer counts (expired, or made by a former issuer) and has
        /// its end announced to wallets. Anyone may call.
        /// Errors and events: [`RegistryData::clear_ended_grant`].
        #[ink(message)]
        pub fn clear_ended_grant(
            &mut self,
            collection: AccountId,
            proposer: AccountId,
        ) -> Result<(), RegistryError> {
            let now = self.env().block_timestamp();
            let events = self
                .data
                .clear_ended_grant(&Peers, now, collection, proposer)?;
            self.emit(events);
            Ok(())
        }

        /// Up to `limit` (at most [`MAX_PAGE`](crate::data::MAX_PAGE)) grants of `collection`
        /// from position `start`, with their expiry, their issuer and whether they count now.
        ///
        /// # Errors
        /// - [`RegistryError::LimitTooLarge`]: if `limit` is over the page size.
        /// - [`RegistryError::CollectionCallFailed`]: if the collection does not say its issuer.
        #[ink(message)]
        pub fn proposers(
            &self,
            collection: AccountId,
            start: u32,
            limit: u32,
        ) -> Result<Vec<ProposerInfo>, RegistryError> {
            let issuer = Peers.issuer_of(collection)?;
            let now = self.env().block_timestamp();
            self.data.proposers(now, issuer, collection, start, limit)
        }

        /// How many accounts hold a grant (counting or not) for `collection`.
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
                    RegistryEvent::AllProposersRevoked { collection, count } => self
                        .env()
                        .emit_event(AllProposersRevoked { collection, count }),
                    RegistryEvent::EndedGrantCleared {
                        collection,
                        proposer,
                    } => self.env().emit_event(EndedGrantCleared {
                        collection,
                        proposer,
                    }),
                }
            }
        }
    }

    impl multiasset_traits::ProposerRegistry for Registry {
        /// `true` only if `account`'s grant for `collection` counts now; `false` too if the
        /// collection does not say who its issuer is.
        #[ink(message)]
        fn is_proposer(&self, collection: AccountId, account: AccountId) -> bool {
            let Ok(issuer) = Peers.issuer_of(collection) else {
                return false;
            };
            let now = self.env().block_timestamp();
            self.data.is_proposer(now, issuer, collection, account)
        }

        /// Whether each of `accounts`' grants for `collection` counts now under `issuer`.
        #[ink(message)]
        fn live_proposers(
            &self,
            collection: AccountId,
            issuer: AccountId,
            accounts: Vec<AccountId>,
        ) -> Vec<bool> {
            let now = self.env().block_timestamp();
            accounts
                .into_iter()
                .map(|account| {
                    self.data
                        .is_proposer(now, Some(issuer), collection, account)
                })
                .collect()
        }
    }
}

/// The contract, and the events it emits (each message's docs link the ones it may emit).
pub use registry::{
    AllProposersRevoked, EndedGrantCleared, ProposerGranted, ProposerRenounced, ProposerRevoked,
    Registry, RegistryRef,
};
