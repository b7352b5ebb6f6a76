//! # Multi-asset extension
//!
//! One instance per PSP34 collection, bound at instantiation to the collection and to a proposer
//! registry. A token carries several **assets** (outputs: the same image on https, ipfs://, ar://
//! and sia://, a PDF, …): the collection's issuer, or a proposer it registered, proposes; the
//! token's owner (or an asset operator it approved) accepts, rejects or lets a new asset replace an old
//! one, and orders them by priority. Each catalog entry records the sha256 of its content, so a
//! host that swapped the file is caught by anyone. Semantics follow ERC-5773 (RMRK multi-asset);
//! where ERC-5773 is loose, this contract is strict.
//!
//! Invariants:
//! - Catalog ids start at 1 (0 is never an asset); entries are immutable; a uri is 1..=512 bytes.
//! - An asset is never both pending and active on a token; a token has at most
//!   [`limits::MAX_PENDING`] pending and [`limits::MAX_ACTIVE`] active assets, and as many
//!   priorities as active assets.
//! - A proposal's `replaces` must be active when proposed. On accept the new asset takes the old
//!   one's position and priority and the old one leaves the token (it may be proposed again);
//!   if the old one is no longer active by then, the new one is appended. Nothing replaces an
//!   asset without the owner's accept — except that an issuer or proposer who owns the token
//!   itself accepts by proposing (`propose_asset` only).
//! - Appended assets get the next priority: the number of active assets until the owner sets
//!   priorities, then one more than the largest set; once an active asset holds `u64::MAX`,
//!   nothing more is appended (`PrioritiesExhausted`). `set_priority` takes exactly one value per
//!   active asset and no value twice.
//! - Every message on a token reads one storage cell and writes at most that cell, whatever the
//!   number of pending or active assets: a token's assets live in one cell bounded by the caps
//!   (about 7.3 KiB at most), because on pallet-contracts a storage access costs ~10 KiB of proof and a
//!   byte one byte (measured; see [`data`] and `docs/benchmarks.md`). Lists keep ERC-5773's order
//!   (swap-remove for pending); queries are bounded by the caps.
//! - **The collection is asked once per message**: `AssetAuthority::token_authority` answers
//!   issuer, owner, burnt and asset operator together. A proposal to a token not minted yet is
//!   allowed (ERC-5773) and inert until it is minted and its owner accepts; a burnt token takes
//!   none. Accept / reject / reject-all / set-priority take the owner or an asset operator (a
//!   PSP34 transfer operator has no asset rights), and accept also checks that the proposal's
//!   proposer is still the issuer or a live proposer. Queries of a token the collection does not
//!   know show nothing.
//! - **Batches**: `propose_asset_to_many` asks the collection nothing per token, only one read
//!   and one write of each token's cell, and emits one `AssetProposedToMany` event for the whole
//!   batch, so up to [`limits::MAX_BATCH_TOKENS`] tokens fit a parachain block; its proposals are
//!   always left pending. It checks the same cell rules per token (entry exists, not pending or
//!   active, pending cap) but not whether a token was burnt: such proposals are inert and
//!   `clear_burnt_token` frees them.
//! - A token id takes at most [`limits::MAX_TOKEN_ID_LEN`] bytes SCALE-encoded (a storage key
//!   must fit pallet-contracts' 128 bytes): longer ids are refused with `TokenIdTooLong` and hold
//!   nothing in queries, instead of trapping; the collection mints no longer id, so no cell exists
//!   for an id that can never be minted. One batch's ids take at most
//!   [`limits::MAX_BATCH_ID_BYTES`] (its event).
//! - Every message checks caller and arguments before it writes; a failed message changes
//!   nothing; every change emits an event.
#![cfg_attr(not(feature = "std"), no_std, no_main)]

pub mod catalog;
pub mod data;
pub mod errors;
pub mod events;
pub mod limits;
pub mod token;

#[cfg(test)]
mod tests;

pub use catalog::AssetEntry;
pub use data::TokenAsset;
pub use errors::MultiAssetError;

#[ink::contract]
mod multi_asset {
    use crate::{
        catalog::AssetEntry,
        data::{Authority, MultiAssetData, TokenAsset},
        errors::MultiAssetError,
        events::MultiAssetEvent,
        token::PendingAsset,
    };
    use ink::{
        codegen::TraitCallBuilder,
        prelude::{string::String, vec::Vec},
    };
    use multiasset_traits::{
        answer_or, AssetAuthority, AssetId, ContentHash, Id, Ownable, ProposerRegistry,
        TokenAuthority,
    };

    /// A catalog entry was added.
    #[ink(event)]
    pub struct AssetEntryAdded {
        #[ink(topic)]
        pub asset_id: AssetId,
        pub uri: String,
        pub content_hash: Option<ContentHash>,
        #[ink(topic)]
        pub added_by: AccountId,
    }

    /// `asset_id` was proposed to `token_id`, to take `replaces`'s place if set.
    #[ink(event)]
    pub struct AssetProposed {
        #[ink(topic)]
        pub token_id: Id,
        #[ink(topic)]
        pub asset_id: AssetId,
        pub replaces: Option<AssetId>,
        #[ink(topic)]
        pub proposer: AccountId,
    }

    /// `asset_id` was proposed to each of `token_ids` by one `propose_asset_to_many` call (one
    /// event for the batch, as ERC-1155's `TransferBatch`; the token ids are in the data).
    #[ink(event)]
    pub struct AssetProposedToMany {
        pub token_ids: Vec<Id>,
        #[ink(topic)]
        pub asset_id: AssetId,
        #[ink(topic)]
        pub proposer: AccountId,
    }

    /// The token's owner accepted `asset_id`; `replaced` is the asset whose place it took.
    #[ink(event)]
    pub struct AssetAccepted {
        #[ink(topic)]
        pub token_id: Id,
        #[ink(topic)]
        pub asset_id: AssetId,
        pub replaced: Option<AssetId>,
    }

    /// The token's owner rejected pending `asset_id`.
    #[ink(event)]
    pub struct AssetRejected {
        #[ink(topic)]
        pub token_id: Id,
        #[ink(topic)]
        pub asset_id: AssetId,
    }

    /// The token's owner rejected all `count` pending assets of `token_id`.
    #[ink(event)]
    pub struct AllAssetsRejected {
        #[ink(topic)]
        pub token_id: Id,
        pub count: u32,
    }

    /// The token's owner set the priorities of its active assets.
    #[ink(event)]
    pub struct AssetPrioritySet {
        #[ink(topic)]
        pub token_id: Id,
        pub priorities: Vec<u64>,
    }

    /// The cell of burnt token `token_id` was freed, with its `pending` and `active` assets; the
    /// storage deposit went to whoever called `clear_burnt_token`.
    #[ink(event)]
    pub struct BurntTokenCleared {
        #[ink(topic)]
        pub token_id: Id,
        pub pending: u32,
        pub active: u32,
    }

    /// The multi-asset contract of one collection.
    #[ink(storage)]
    pub struct MultiAsset {
        collection: AccountId,
        registry: AccountId,
        data: MultiAssetData,
    }

    /// The collection and the registry, asked through cross-contract calls.
    struct Peers {
        collection: AccountId,
        registry: AccountId,
    }

    impl Authority for Peers {
        fn issuer(&self) -> Result<Option<AccountId>, MultiAssetError> {
            let collection: ink::contract_ref!(Ownable) = self.collection.into();
            answer_or(
                collection.call().owner().try_invoke(),
                MultiAssetError::CollectionCallFailed,
            )
        }

        fn is_proposer(&self, account: AccountId) -> Result<bool, MultiAssetError> {
            let registry: ink::contract_ref!(ProposerRegistry) = self.registry.into();
            answer_or(
                registry
                    .call()
                    .is_proposer(self.collection, account)
                    .try_invoke(),
                MultiAssetError::RegistryCallFailed,
            )
        }

        fn token_authority(
            &self,
            token_id: &Id,
            account: AccountId,
        ) -> Result<TokenAuthority, MultiAssetError> {
            let collection: ink::contract_ref!(AssetAuthority) = self.collection.into();
            answer_or(
                collection
                    .call()
                    .token_authority(token_id.clone(), account)
                    .try_invoke(),
                MultiAssetError::CollectionCallFailed,
            )
        }
    }

    impl MultiAsset {
        /// Binds a new multi-asset contract to `collection` (a PSP34 + Ownable contract) and
        /// `registry` (a proposer registry); fails if either does not answer as such.
        #[ink(constructor)]
        pub fn new(collection: AccountId, registry: AccountId) -> Result<Self, MultiAssetError> {
            let peers = Peers {
                collection,
                registry,
            };
            peers.issuer()?;
            peers.is_proposer(collection)?;
            Ok(Self {
                collection,
                registry,
                data: MultiAssetData::default(),
            })
        }

        /// Adds a catalog entry and returns its id. `uri` is 1 to
        /// [`MAX_URI_LEN`](crate::limits::MAX_URI_LEN) bytes, `content_hash` the sha256 of the
        /// content (`None`: unknown, so no mirror of it can be verified). Caller: the issuer or a
        /// live proposer.
        ///
        /// # Errors
        /// - [`MultiAssetError::NotIssuerOrProposer`]: if the caller is neither the issuer nor a
        ///   live proposer.
        /// - [`MultiAssetError::CollectionCallFailed`], [`MultiAssetError::RegistryCallFailed`]: if
        ///   a peer does not answer.
        /// - [`MultiAssetError::EmptyUri`], [`MultiAssetError::UriTooLong`]: if the uri is empty or
        ///   too long.
        /// - [`MultiAssetError::CatalogFull`]: if every id is used.
        ///
        /// # Events
        /// - [`AssetEntryAdded`]
        #[ink(message)]
        pub fn add_asset_entry(
            &mut self,
            uri: String,
            content_hash: Option<ContentHash>,
        ) -> Result<AssetId, MultiAssetError> {
            let (id, events) =
                self.data
                    .add_asset_entry(&self.peers(), self.env().caller(), uri, content_hash)?;
            self.emit(events);
            Ok(id)
        }

        /// Adds up to [`MAX_ENTRIES_PER_CALL`](crate::limits::MAX_ENTRIES_PER_CALL) catalog
        /// entries (e.g. one file mirrored on https, ipfs, ar and sia, same hash) with consecutive
        /// ids, all or nothing, and returns the ids. Caller: the issuer or a live proposer.
        ///
        /// # Errors
        /// - [`MultiAssetError::NotIssuerOrProposer`]: if the caller is neither the issuer nor a
        ///   live proposer.
        /// - [`MultiAssetError::CollectionCallFailed`], [`MultiAssetError::RegistryCallFailed`]: if
        ///   a peer does not answer.
        /// - [`MultiAssetError::EmptyBatch`], [`MultiAssetError::BatchTooLarge`]: if no entry or
        ///   too many are given.
        /// - [`MultiAssetError::EmptyUri`], [`MultiAssetError::UriTooLong`]: naming the first bad
        ///   entry.
        /// - [`MultiAssetError::CatalogFull`]: if the ids would run out.
        ///
        /// # Events
        /// - [`AssetEntryAdded`]: one per entry.
        #[ink(message)]
        pub fn add_asset_entries(
            &mut self,
            entries: Vec<(String, Option<ContentHash>)>,
        ) -> Result<Vec<AssetId>, MultiAssetError> {
            let (ids, events) =
                self.data
                    .add_asset_entries(&self.peers(), self.env().caller(), entries)?;
            self.emit(events);
            Ok(ids)
        }

        /// Proposes catalog entry `asset_id` to `token_id`, to take `replaces`'s place when
        /// accepted. Caller: the issuer or a live proposer; if the caller owns the token, the
        /// asset is accepted at once.
        ///
        /// # Errors
        /// - [`MultiAssetError::NotIssuerOrProposer`]: if the caller is neither the issuer nor a
        ///   live proposer.
        /// - [`MultiAssetError::CollectionCallFailed`], [`MultiAssetError::RegistryCallFailed`]: if
        ///   a peer does not answer.
        /// - [`MultiAssetError::TokenIdTooLong`]: if the id cannot be a storage key.
        /// - [`MultiAssetError::AssetNotFound`]: if the entry does not exist.
        /// - [`MultiAssetError::AssetAlreadyPending`], [`MultiAssetError::AssetAlreadyActive`]: if
        ///   the token has it.
        /// - [`MultiAssetError::TooManyPendingAssets`]: at the pending cap.
        /// - [`MultiAssetError::ReplacedAssetNotActive`]: if `replaces` is not active on the token.
        /// - [`MultiAssetError::TokenBurnt`]: if the token was burnt.
        /// - [`MultiAssetError::TooManyActiveAssets`], [`MultiAssetError::PrioritiesExhausted`]: if
        ///   the owner proposes and the asset cannot be appended.
        ///
        /// # Events
        /// - [`AssetProposed`]
        /// - [`AssetAccepted`]: as well when the caller owns the token.
        #[ink(message)]
        pub fn propose_asset(
            &mut self,
            token_id: Id,
            asset_id: AssetId,
            replaces: Option<AssetId>,
        ) -> Result<(), MultiAssetError> {
            let events = self.data.propose_asset(
                &self.peers(),
                self.env().caller(),
                token_id,
                asset_id,
                replaces,
            )?;
            self.emit(events);
            Ok(())
        }

        /// Proposes `asset_id` to each of up to
        /// [`MAX_BATCH_TOKENS`](crate::limits::MAX_BATCH_TOKENS) tokens, all or nothing; the
        /// error names the token that stopped it. Caller: the issuer or a live proposer. Always
        /// left pending.
        ///
        /// # Errors
        /// - [`MultiAssetError::NotIssuerOrProposer`]: if the caller is neither the issuer nor a
        ///   live proposer.
        /// - [`MultiAssetError::CollectionCallFailed`], [`MultiAssetError::RegistryCallFailed`]: if
        ///   a peer does not answer.
        /// - [`MultiAssetError::EmptyBatch`], [`MultiAssetError::BatchTooLarge`]: if no token or
        ///   too many are named.
        /// - [`MultiAssetError::TokenIdTooLong`], [`MultiAssetError::TokenIdsTooLong`]: if the ids
        ///   are too long for a key or for the event.
        /// - [`MultiAssetError::AssetNotFound`]: if the entry does not exist.
        /// - [`MultiAssetError::DuplicateToken`]: if a token is named twice.
        /// - [`MultiAssetError::BatchHoldsTooMuch`]: if the tokens hold too much to fit in memory.
        /// - [`MultiAssetError::AssetAlreadyPending`], [`MultiAssetError::AssetAlreadyActive`],
        ///   [`MultiAssetError::TooManyPendingAssets`]: naming the first token that cannot take it.
        ///
        /// # Events
        /// - [`AssetProposedToMany`]: one for the whole batch.
        #[ink(message)]
        pub fn propose_asset_to_many(
            &mut self,
            token_ids: Vec<Id>,
            asset_id: AssetId,
        ) -> Result<(), MultiAssetError> {
            let events = self.data.propose_asset_to_many(
                &self.peers(),
                self.env().caller(),
                token_ids,
                asset_id,
            )?;
            self.emit(events);
            Ok(())
        }

        /// Accepts pending `asset_id` on `token_id`: it takes the place and priority of the
        /// asset it replaces if that one is still active, or is appended with the next priority.
        /// Caller: the token's owner or an operator it approved.
        ///
        /// # Errors
        /// - [`MultiAssetError::TokenIdTooLong`]: if the id cannot be a storage key.
        /// - [`MultiAssetError::CollectionCallFailed`]: if the collection does not answer.
        /// - [`MultiAssetError::TokenNotFound`]: if the token does not exist.
        /// - [`MultiAssetError::NotTokenOwnerOrApproved`]: if the caller is not its owner or an
        ///   approved operator.
        /// - [`MultiAssetError::AssetNotPending`]: if the asset is not pending on the token.
        /// - [`MultiAssetError::TooManyActiveAssets`]: if it would pass the active cap.
        /// - [`MultiAssetError::PrioritiesExhausted`]: if appending finds no priority left.
        /// - [`MultiAssetError::ProposerRevoked`]: if its proposer is no longer the issuer or a
        ///   live proposer ([`MultiAssetError::RegistryCallFailed`] if the registry does not
        ///   answer).
        ///
        /// # Events
        /// - [`AssetAccepted`]
        #[ink(message)]
        pub fn accept_asset(
            &mut self,
            token_id: Id,
            asset_id: AssetId,
        ) -> Result<(), MultiAssetError> {
            let events =
                self.data
                    .accept_asset(&self.peers(), self.env().caller(), token_id, asset_id)?;
            self.emit(events);
            Ok(())
        }

        /// Rejects pending `asset_id` on `token_id`; it may be proposed again. Caller: the
        /// token's owner or an approved operator.
        ///
        /// # Errors
        /// - [`MultiAssetError::TokenIdTooLong`]: if the id cannot be a storage key.
        /// - [`MultiAssetError::CollectionCallFailed`]: if the collection does not answer.
        /// - [`MultiAssetError::TokenNotFound`]: if the token does not exist.
        /// - [`MultiAssetError::NotTokenOwnerOrApproved`]: if the caller is not its owner or an
        ///   approved operator.
        /// - [`MultiAssetError::AssetNotPending`]: if the asset is not pending on the token.
        ///
        /// # Events
        /// - [`AssetRejected`]
        #[ink(message)]
        pub fn reject_asset(
            &mut self,
            token_id: Id,
            asset_id: AssetId,
        ) -> Result<(), MultiAssetError> {
            let events =
                self.data
                    .reject_asset(&self.peers(), self.env().caller(), token_id, asset_id)?;
            self.emit(events);
            Ok(())
        }

        /// Rejects all pending assets of `token_id`, failing if more than `max_rejections`
        /// are pending (a proposal slipped in before the call). Caller: the token's owner or an
        /// approved operator.
        ///
        /// # Errors
        /// - [`MultiAssetError::TokenIdTooLong`]: if the id cannot be a storage key.
        /// - [`MultiAssetError::CollectionCallFailed`]: if the collection does not answer.
        /// - [`MultiAssetError::TokenNotFound`]: if the token does not exist.
        /// - [`MultiAssetError::NotTokenOwnerOrApproved`]: if the caller is not its owner or an
        ///   approved operator.
        /// - [`MultiAssetError::UnexpectedNumberOfAssets`]: if more than `max_rejections` are
        ///   pending.
        ///
        /// # Events
        /// - [`AllAssetsRejected`]
        #[ink(message)]
        pub fn reject_all_assets(
            &mut self,
            token_id: Id,
            max_rejections: u32,
        ) -> Result<(), MultiAssetError> {
            let events = self.data.reject_all_assets(
                &self.peers(),
                self.env().caller(),
                token_id,
                max_rejections,
            )?;
            self.emit(events);
            Ok(())
        }

        /// Sets the priorities of `token_id`'s active assets, one per asset in the order of
        /// `active_assets` (lower renders first; no value twice). Caller: the token's owner or an
        /// approved operator.
        ///
        /// # Errors
        /// - [`MultiAssetError::TokenIdTooLong`]: if the id cannot be a storage key.
        /// - [`MultiAssetError::CollectionCallFailed`]: if the collection does not answer.
        /// - [`MultiAssetError::TokenNotFound`]: if the token does not exist.
        /// - [`MultiAssetError::NotTokenOwnerOrApproved`]: if the caller is not its owner or an
        ///   approved operator.
        /// - [`MultiAssetError::BadPriorityListLength`]: if the list does not have one value per
        ///   active asset.
        /// - [`MultiAssetError::DuplicatePriority`]: if a value appears twice.
        ///
        /// # Events
        /// - [`AssetPrioritySet`]
        #[ink(message)]
        pub fn set_priority(
            &mut self,
            token_id: Id,
            priorities: Vec<u64>,
        ) -> Result<(), MultiAssetError> {
            let events =
                self.data
                    .set_priority(&self.peers(), self.env().caller(), token_id, priorities)?;
            self.emit(events);
            Ok(())
        }

        /// Frees the storage of burnt token `token_id` (its assets can never be decided on
        /// again); the storage deposit goes to the caller. Anyone may call.
        ///
        /// # Errors
        /// - [`MultiAssetError::TokenIdTooLong`]: if the id cannot be a storage key.
        /// - [`MultiAssetError::CollectionCallFailed`]: if the collection does not answer.
        /// - [`MultiAssetError::TokenNotBurnt`]: if the collection does not report it burnt.
        ///
        /// # Events
        /// - [`BurntTokenCleared`]: none if the token held nothing.
        #[ink(message)]
        pub fn clear_burnt_token(&mut self, token_id: Id) -> Result<(), MultiAssetError> {
            let events = self.data.clear_burnt_token(&self.peers(), token_id)?;
            self.emit(events);
            Ok(())
        }

        /// The catalog entry `asset_id`.
        #[ink(message)]
        pub fn asset(&self, asset_id: AssetId) -> Option<AssetEntry> {
            self.data.asset(asset_id)
        }

        /// How many catalog entries exist (ids `1..=total_assets`).
        #[ink(message)]
        pub fn total_assets(&self) -> u64 {
            self.data.total_assets()
        }

        /// The active assets of `token_id`.
        #[ink(message)]
        pub fn active_assets(&self, token_id: Id) -> Vec<AssetId> {
            self.data.active_assets(&self.peers(), &token_id)
        }

        /// The priorities of `token_id`'s active assets, in the order of `active_assets`.
        #[ink(message)]
        pub fn active_asset_priorities(&self, token_id: Id) -> Vec<u64> {
            self.data.active_asset_priorities(&self.peers(), &token_id)
        }

        /// The pending assets of `token_id`.
        #[ink(message)]
        pub fn pending_assets(&self, token_id: Id) -> Vec<AssetId> {
            self.data.pending_assets(&self.peers(), &token_id)
        }

        /// The pending proposal of `asset_id` on `token_id`: the asset it would replace and who
        /// proposed it (accept checks that this proposer is still allowed).
        #[ink(message)]
        pub fn pending_proposal(&self, token_id: Id, asset_id: AssetId) -> Option<PendingAsset> {
            self.data
                .pending_proposal(&self.peers(), &token_id, asset_id)
        }

        /// The active asset that pending `asset_id` would replace on `token_id`, if any.
        #[ink(message)]
        pub fn asset_replacement(&self, token_id: Id, asset_id: AssetId) -> Option<AssetId> {
            self.data
                .asset_replacement(&self.peers(), &token_id, asset_id)
        }

        /// Up to `limit` (at most [`MAX_PAGE`](crate::limits::MAX_PAGE)) active assets of
        /// `token_id` with uri and content hash, sorted by priority, from rank `start`: what a
        /// wallet renders, trying the next mirror when a host fails or its content does not match
        /// the hash.
        ///
        /// # Errors
        /// - [`MultiAssetError::LimitTooLarge`]: if `limit` is over the page size.
        #[ink(message)]
        pub fn token_assets(
            &self,
            token_id: Id,
            start: u32,
            limit: u32,
        ) -> Result<Vec<TokenAsset>, MultiAssetError> {
            self.data
                .token_assets(&self.peers(), &token_id, start, limit)
        }

        /// The collection this contract extends.
        #[ink(message)]
        pub fn collection(&self) -> AccountId {
            self.collection
        }

        /// The proposer registry this contract consults.
        #[ink(message)]
        pub fn registry(&self) -> AccountId {
            self.registry
        }

        fn peers(&self) -> Peers {
            Peers {
                collection: self.collection,
                registry: self.registry,
            }
        }

        fn emit(&self, events: Vec<MultiAssetEvent>) {
            for event in events {
                match event {
                    MultiAssetEvent::AssetEntryAdded {
                        asset_id,
                        uri,
                        content_hash,
                        added_by,
                    } => self.env().emit_event(AssetEntryAdded {
                        asset_id,
                        uri,
                        content_hash,
                        added_by,
                    }),
                    MultiAssetEvent::AssetProposed {
                        token_id,
                        asset_id,
                        replaces,
                        proposer,
                    } => self.env().emit_event(AssetProposed {
                        token_id,
                        asset_id,
                        replaces,
                        proposer,
                    }),
                    MultiAssetEvent::AssetProposedToMany {
                        token_ids,
                        asset_id,
                        proposer,
                    } => self.env().emit_event(AssetProposedToMany {
                        token_ids,
                        asset_id,
                        proposer,
                    }),
                    MultiAssetEvent::AssetAccepted {
                        token_id,
                        asset_id,
                        replaced,
                    } => self.env().emit_event(AssetAccepted {
                        token_id,
                        asset_id,
                        replaced,
                    }),
                    MultiAssetEvent::AssetRejected { token_id, asset_id } => {
                        self.env().emit_event(AssetRejected { token_id, asset_id })
                    }
                    MultiAssetEvent::AllAssetsRejected { token_id, count } => {
                        self.env().emit_event(AllAssetsRejected { token_id, count })
                    }
                    MultiAssetEvent::BurntTokenCleared {
                        token_id,
                        pending,
                        active,
                    } => self.env().emit_event(BurntTokenCleared {
                        token_id,
                        pending,
                        active,
                    }),
                    MultiAssetEvent::AssetPrioritySet {
                        token_id,
                        priorities,
                    } => self.env().emit_event(AssetPrioritySet {
                        token_id,
                        priorities,
                    }),
                }
            }
        }
    }
}

/// The contract, and the events it emits (each message's docs link the ones it may emit).
pub use multi_asset::{
    AllAssetsRejected, AssetAccepted, AssetEntryAdded, AssetPrioritySet, AssetProposed,
    AssetProposedToMany, AssetRejected, BurntTokenCleared, MultiAsset, MultiAssetRef,
};
