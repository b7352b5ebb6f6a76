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
//! - **Collection-wide proposals** ([`collection_wide`]): `propose_to_collection` proposes up to
//!   [`limits::MAX_COLLECTION_PROPOSALS_PER_CALL`] assets to every token, minted or not yet,
//!   and writes one storage cell (at most [`limits::MAX_OPEN_COLLECTION_PROPOSALS`] open),
//!   nothing per token. A token shows each open one pending until its owner decides it (the
//!   decision is recorded in the token's cell by the proposal's never-reused sequence number),
//!   or active at once while it follows the collection (`set_follows_collection`): then its
//!   active list is its cell's with every open proposal applied in order, exactly as accepting
//!   each would (`TokenAssets::shown`, the one place that says what a token shows; every query
//!   and decision goes through it). While a token follows, its own active list and priorities
//!   change only that way (`TokenFollowsCollection`); stopping keeps what it shows. A withdrawn
//!   proposal is no longer pending anywhere and leaves followers; tokens that accepted it keep
//!   it. Deciding reads the token's cell and the proposals' cell and writes the token's cell.
//! - **Templates** ([`template`]): a uri may hold `{id}` once in its last path segment; queries
//!   answer it resolved for the token; its hash is that of the directory's `SHA256SUMS`.
//! - **What wallets show**: `top_asset` (the lowest priority, the first among equals) and
//!   `TopAssetUri::top_asset_uri` for the collection's `Psp34Traits` answers; ERC-4906's
//!   `MetadataUpdate` is emitted exactly when a token's top asset changes, `BatchMetadataUpdate`
//!   when a collection-wide proposal is made or withdrawn (followers may change).
//! - A token id takes at most [`limits::MAX_TOKEN_ID_LEN`] bytes SCALE-encoded (a storage key
//!   must fit pallet-contracts' 128 bytes): longer ids are refused with `TokenIdTooLong` and hold
//!   nothing in queries, instead of trapping; the collection mints no longer id, so no cell exists
//!   for an id that can never be minted. One batch's ids take at most
//!   [`limits::MAX_BATCH_ID_BYTES`] (its event).
//! - Every message checks caller and arguments before it writes; a failed message changes
//!   nothing; every change emits an event.
#![cfg_attr(not(feature = "std"), no_std, no_main)]

pub mod catalog;
pub mod collection_wide;
pub mod data;
pub mod errors;
pub mod events;
pub mod limits;
pub mod template;
pub mod token;

#[cfg(test)]
mod tests;

pub use catalog::AssetEntry;
pub use collection_wide::CollectionProposal;
pub use data::TokenAsset;
pub use errors::MultiAssetError;

#[ink::contract]
mod multi_asset {
    use crate::{
        catalog::AssetEntry,
        collection_wide::CollectionProposal,
        data::{Authority, MultiAssetData, TokenAsset},
        errors::MultiAssetError,
        events::MultiAssetEvent,
        token::{ActiveAsset, PendingAsset},
    };
    use ink::{
        codegen::TraitCallBuilder,
        prelude::{string::String, vec::Vec},
    };
    use multiasset_traits::{
        answer_or, AssetAuthority, AssetId, ContentHash, Id, Ownable, ProposerRegistry,
        TokenAuthority, TopAssetUri,
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
    /// event for the batch, as ERC-1155's `TransferBatch`; the token ids are in the data), to
    /// take `replaces`'s place on each when accepted.
    #[ink(event)]
    pub struct AssetProposedToMany {
        pub token_ids: Vec<Id>,
        #[ink(topic)]
        pub asset_id: AssetId,
        pub replaces: Option<AssetId>,
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

    /// The token's owner accepted each `(asset, replaced)` of `accepted`, in order, in one
    /// `accept_assets` call (one event for the set, as `AssetProposedToMany` is for a batch;
    /// `replaced` is the asset whose place each took).
    #[ink(event)]
    pub struct AssetsAccepted {
        #[ink(topic)]
        pub token_id: Id,
        pub accepted: Vec<(AssetId, Option<AssetId>)>,
    }

    /// The token's owner rejected each of `asset_ids` in one `reject_assets` call.
    #[ink(event)]
    pub struct AssetsRejected {
        #[ink(topic)]
        pub token_id: Id,
        pub asset_ids: Vec<AssetId>,
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

    /// Each `(asset, replaces)` of `proposals` was proposed to every token of the collection,
    /// minted or not yet, by one `propose_to_collection` call.
    #[ink(event)]
    pub struct AssetsProposedToCollection {
        pub proposals: Vec<(AssetId, Option<AssetId>)>,
        #[ink(topic)]
        pub proposer: AccountId,
    }

    /// The collection-wide proposal of `asset_id` was withdrawn: no token shows it pending any
    /// more, following tokens show again what it replaced.
    #[ink(event)]
    pub struct CollectionProposalWithdrawn {
        #[ink(topic)]
        pub asset_id: AssetId,
        #[ink(topic)]
        pub withdrawn_by: AccountId,
    }

    /// `token_id` started (`follows`) or stopped following the collection; `active` is exactly
    /// what it shows now (asset and priority, in position order).
    #[ink(event)]
    pub struct CollectionFollowSet {
        #[ink(topic)]
        pub token_id: Id,
        pub follows: bool,
        pub active: Vec<ActiveAsset>,
    }

    /// The top-priority active asset of `token_id` changed: its metadata as a wallet shows it
    /// is another (ERC-4906's `MetadataUpdate`; indexers and marketplaces re-read it).
    #[ink(event)]
    pub struct MetadataUpdate {
        #[ink(topic)]
        pub token_id: Id,
    }

    /// The collection-wide proposals of `asset_ids` were made or withdrawn: every token that
    /// follows the collection may show another top asset (ERC-4906's `BatchMetadataUpdate`,
    /// for the followers, whom `CollectionFollowSet` names).
    #[ink(event)]
    pub struct BatchMetadataUpdate {
        pub asset_ids: Vec<AssetId>,
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

        fn token_authorities(
            &self,
            token_ids: &[Id],
            account: AccountId,
        ) -> Result<Vec<TokenAuthority>, MultiAssetError> {
            let collection: ink::contract_ref!(AssetAuthority) = self.collection.into();
            answer_or(
                collection
                    .call()
                    .token_authorities(token_ids.to_vec(), account)
                    .try_invoke(),
                MultiAssetError::CollectionCallFailed,
            )
            .and_then(|seen| {
                // A collection that answers for other tokens than asked is not one.
                if seen.len() == token_ids.len() {
                    Ok(seen)
                } else {
                    Err(MultiAssetError::CollectionCallFailed)
                }
            })
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
        /// - [`MultiAssetError::BadTemplate`]: if the uri has `{id}` anywhere but once in its last
        ///   path segment (see [`template`](crate::template)).
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
        /// - [`MultiAssetError::EmptyUri`], [`MultiAssetError::UriTooLong`],
        ///   [`MultiAssetError::BadTemplate`]: naming the first bad entry.
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
        /// - [`MultiAssetError::TokenFollowsCollection`]: if the owner proposes to a token that
        ///   follows the collection.
        ///
        /// # Events
        /// - [`AssetProposed`]
        /// - [`AssetAccepted`]: as well when the caller owns the token.
        /// - [`MetadataUpdate`]: if the token's top asset changed.
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
        /// [`MAX_BATCH_TOKENS`](crate::limits::MAX_BATCH_TOKENS) tokens, to take `replaces`'s
        /// place on each when accepted (a repaired mirror taking the failing one's), all or
        /// nothing; the error names the token that stopped it. Caller: the issuer or a live
        /// proposer. Always left pending.
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
        /// - [`MultiAssetError::ReplacedAssetNotActive`]: naming the first token on which
        ///   `replaces` is not active.
        ///
        /// # Events
        /// - [`AssetProposedToMany`]: one for the whole batch.
        #[ink(message)]
        pub fn propose_asset_to_many(
            &mut self,
            token_ids: Vec<Id>,
            asset_id: AssetId,
            replaces: Option<AssetId>,
        ) -> Result<(), MultiAssetError> {
            let events = self.data.propose_asset_to_many(
                &self.peers(),
                self.env().caller(),
                token_ids,
                asset_id,
                replaces,
            )?;
            self.emit(events);
            Ok(())
        }

        /// Accepts pending `asset_id` on `token_id`, a token-level or an open collection-wide
        /// proposal: it takes the place and priority of the asset it replaces if that one is
        /// still active, or is appended with the next priority. Caller: the token's owner or an
        /// operator it approved.
        ///
        /// # Errors
        /// - [`MultiAssetError::TokenIdTooLong`]: if the id cannot be a storage key.
        /// - [`MultiAssetError::CollectionCallFailed`]: if the collection does not answer.
        /// - [`MultiAssetError::TokenNotFound`]: if the token does not exist.
        /// - [`MultiAssetError::NotTokenOwnerOrApproved`]: if the caller is not its owner or an
        ///   approved operator.
        /// - [`MultiAssetError::AssetNotPending`]: if an asset is not pending on the token as
        ///   [`pending_assets`](Self::pending_assets) shows it (a withdrawn collection-wide
        ///   proposal is not).
        /// - [`MultiAssetError::TokenFollowsCollection`]: if the token follows the collection.
        /// - [`MultiAssetError::TooManyActiveAssets`]: if it would pass the active cap.
        /// - [`MultiAssetError::PrioritiesExhausted`]: if appending finds no priority left.
        /// - [`MultiAssetError::ProposerRevoked`]: if its proposer is no longer the issuer or a
        ///   live proposer ([`MultiAssetError::RegistryCallFailed`] if the registry does not
        ///   answer).
        ///
        /// # Events
        /// - [`AssetAccepted`]
        /// - [`MetadataUpdate`]: if the token's top asset changed.
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

        /// Rejects pending `asset_id` on `token_id` (a token-level or an open collection-wide
        /// proposal); it may be proposed again. Caller: the token's owner or an approved
        /// operator.
        ///
        /// # Errors
        /// - [`MultiAssetError::TokenIdTooLong`]: if the id cannot be a storage key.
        /// - [`MultiAssetError::CollectionCallFailed`]: if the collection does not answer.
        /// - [`MultiAssetError::TokenNotFound`]: if the token does not exist.
        /// - [`MultiAssetError::NotTokenOwnerOrApproved`]: if the caller is not its owner or an
        ///   approved operator.
        /// - [`MultiAssetError::AssetNotPending`]: if the asset is not pending on the token as
        ///   [`pending_assets`](Self::pending_assets) shows it.
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

        /// Accepts each of `asset_ids` on `token_id` in order, all or nothing, as
        /// [`accept_asset`](Self::accept_asset) would one after the other: a whole mirror set in
        /// one call, with one ownership check, one read and one write of the token. Caller: the
        /// token's owner or an approved operator.
        ///
        /// # Errors
        /// - [`MultiAssetError::TokenIdTooLong`]: if the id cannot be a storage key.
        /// - [`MultiAssetError::CollectionCallFailed`]: if the collection does not answer.
        /// - [`MultiAssetError::TokenNotFound`]: if the token does not exist.
        /// - [`MultiAssetError::NotTokenOwnerOrApproved`]: if the caller is not its owner or an
        ///   approved operator.
        /// - [`MultiAssetError::EmptyBatch`], [`MultiAssetError::BatchTooLarge`]: if no asset or
        ///   more than [`MAX_DECISIONS_PER_CALL`](crate::limits::MAX_DECISIONS_PER_CALL) are named.
        /// - [`MultiAssetError::DuplicateAsset`]: if an asset is named twice.
        /// - [`MultiAssetError::AssetNotPending`]: if an asset is not pending on the token as
        ///   [`pending_assets`](Self::pending_assets) shows it (a withdrawn collection-wide
        ///   proposal is not).
        /// - [`MultiAssetError::TokenFollowsCollection`]: if the token follows the collection.
        /// - [`MultiAssetError::TooManyActiveAssets`]: if it would pass the active cap.
        /// - [`MultiAssetError::PrioritiesExhausted`]: if appending finds no priority left.
        /// - [`MultiAssetError::ProposerRevoked`]: if its proposer is no longer the issuer or a
        ///   live proposer ([`MultiAssetError::RegistryCallFailed`] if the registry does not
        ///   answer).
        ///
        /// # Events
        /// - [`AssetsAccepted`]: one for the set.
        /// - [`MetadataUpdate`]: if the token's top asset changed (once for the call).
        #[ink(message)]
        pub fn accept_assets(
            &mut self,
            token_id: Id,
            asset_ids: Vec<AssetId>,
        ) -> Result<(), MultiAssetError> {
            let events =
                self.data
                    .accept_assets(&self.peers(), self.env().caller(), token_id, asset_ids)?;
            self.emit(events);
            Ok(())
        }

        /// Rejects each of `asset_ids` on `token_id`, all or nothing. Caller: the token's owner
        /// or an approved operator.
        ///
        /// # Errors
        /// - [`MultiAssetError::TokenIdTooLong`]: if the id cannot be a storage key.
        /// - [`MultiAssetError::CollectionCallFailed`]: if the collection does not answer.
        /// - [`MultiAssetError::TokenNotFound`]: if the token does not exist.
        /// - [`MultiAssetError::NotTokenOwnerOrApproved`]: if the caller is not its owner or an
        ///   approved operator.
        /// - [`MultiAssetError::EmptyBatch`], [`MultiAssetError::BatchTooLarge`]: if no asset or
        ///   more than [`MAX_DECISIONS_PER_CALL`](crate::limits::MAX_DECISIONS_PER_CALL) are named.
        /// - [`MultiAssetError::DuplicateAsset`]: if an asset is named twice.
        /// - [`MultiAssetError::AssetNotPending`]: if an asset is not pending on the token as
        ///   [`pending_assets`](Self::pending_assets) shows it.
        ///
        /// # Events
        /// - [`AssetsRejected`]: one for the set.
        #[ink(message)]
        pub fn reject_assets(
            &mut self,
            token_id: Id,
            asset_ids: Vec<AssetId>,
        ) -> Result<(), MultiAssetError> {
            let events =
                self.data
                    .reject_assets(&self.peers(), self.env().caller(), token_id, asset_ids)?;
            self.emit(events);
            Ok(())
        }

        /// Rejects all pending assets of `token_id` as [`pending_assets`](Self::pending_assets)
        /// shows them, collection-wide proposals included, failing if more than `max_rejections`
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
        /// - [`MultiAssetError::TokenFollowsCollection`]: if the token follows the collection
        ///   (the collection's proposals decide its order then).
        ///
        /// # Events
        /// - [`AssetPrioritySet`]
        /// - [`MetadataUpdate`]: if the token's top asset changed.
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

        /// Proposes each `(asset, replaces)` of `proposals` (at most
        /// [`MAX_COLLECTION_PROPOSALS_PER_CALL`](crate::limits::MAX_COLLECTION_PROPOSALS_PER_CALL))
        /// to every token of the collection, minted or not yet, all or nothing, writing nothing
        /// per token. Each token shows them pending until its owner decides (one
        /// [`accept_assets`](Self::accept_assets) takes a whole set), or active at once while it
        /// [follows the collection](Self::set_follows_collection). A `replaces` works as on a
        /// token-level proposal: on accept, the new asset takes the replaced one's position and
        /// priority if it is active on the token, and is appended otherwise. At most
        /// [`MAX_OPEN_COLLECTION_PROPOSALS`](crate::limits::MAX_OPEN_COLLECTION_PROPOSALS) are
        /// open at once. Caller: the issuer or a live proposer.
        ///
        /// # Errors
        /// - [`MultiAssetError::NotIssuerOrProposer`]: if the caller is neither the issuer nor a
        ///   live proposer.
        /// - [`MultiAssetError::CollectionCallFailed`], [`MultiAssetError::RegistryCallFailed`]: if
        ///   a peer does not answer.
        /// - [`MultiAssetError::EmptyBatch`], [`MultiAssetError::BatchTooLarge`]: if no proposal or
        ///   too many are given.
        /// - [`MultiAssetError::AssetNotFound`]: if an asset or a replaced asset is not in the
        ///   catalog.
        /// - [`MultiAssetError::AssetReplacesItself`]: if a proposal replaces its own asset.
        /// - [`MultiAssetError::DuplicateAsset`]: if an asset is proposed twice in the list.
        /// - [`MultiAssetError::AssetAlreadyProposedToCollection`]: if an asset is already an open
        ///   collection-wide proposal.
        /// - [`MultiAssetError::TooManyCollectionProposals`]: if too many would be open.
        /// - [`MultiAssetError::CollectionProposalsExhausted`]: if the sequence numbers ran out.
        ///
        /// # Events
        /// - [`AssetsProposedToCollection`]: one for the call.
        /// - [`BatchMetadataUpdate`]: following tokens show the proposals.
        #[ink(message)]
        pub fn propose_to_collection(
            &mut self,
            proposals: Vec<(AssetId, Option<AssetId>)>,
        ) -> Result<(), MultiAssetError> {
            let events =
                self.data
                    .propose_to_collection(&self.peers(), self.env().caller(), proposals)?;
            self.emit(events);
            Ok(())
        }

        /// Withdraws the open collection-wide proposal of `asset_id`: no token shows it pending
        /// any more, following tokens show again what it replaced, tokens whose owner accepted it
        /// keep it. Caller: the issuer, or the account that made the proposal.
        ///
        /// # Errors
        /// - [`MultiAssetError::AssetNotProposedToCollection`]: if `asset_id` is not an open
        ///   collection-wide proposal.
        /// - [`MultiAssetError::NotIssuerOrItsProposer`]: if the caller is neither the issuer nor
        ///   the proposal's proposer.
        /// - [`MultiAssetError::CollectionCallFailed`]: if the collection does not answer.
        ///
        /// # Events
        /// - [`CollectionProposalWithdrawn`]
        /// - [`BatchMetadataUpdate`]: following tokens no longer show the proposal.
        #[ink(message)]
        pub fn withdraw_from_collection(
            &mut self,
            asset_id: AssetId,
        ) -> Result<(), MultiAssetError> {
            let events =
                self.data
                    .withdraw_from_collection(&self.peers(), self.env().caller(), asset_id)?;
            self.emit(events);
            Ok(())
        }

        /// Makes each of `token_ids` (at most
        /// [`MAX_FOLLOW_TOKENS`](crate::limits::MAX_FOLLOW_TOKENS)) follow the collection
        /// (`follow`), or stop, all or nothing: standing consent. While a token follows, every
        /// open collection-wide proposal, past and future, is active on it as if its owner had
        /// accepted it (replacements included), with no transaction per token, and a withdrawn
        /// one leaves it again. As for an accept, only proposals whose proposer is still the
        /// issuer or a live proposer count: a revoked key's proposals leave every follower at
        /// once (and so does everything once the collection has no issuer). Its own active list and priorities change only that way: accepting
        /// its own proposals and `set_priority` wait until it stops. Stopping keeps what it shows
        /// at that moment. The setting belongs to the token and survives a transfer. Tokens
        /// already as asked are left alone. Caller: the owner or an asset operator of every token.
        ///
        /// # Errors
        /// - [`MultiAssetError::EmptyBatch`], [`MultiAssetError::BatchTooLarge`]: if no token or
        ///   too many are named.
        /// - [`MultiAssetError::TokenIdTooLong`]: if an id cannot be a storage key.
        /// - [`MultiAssetError::DuplicateToken`]: if a token is named twice.
        /// - [`MultiAssetError::CollectionCallFailed`]: if the collection does not answer.
        /// - [`MultiAssetError::TokenNotFound`], [`MultiAssetError::NotTokenOwnerOrApproved`]:
        ///   naming the first token that does not exist or that the caller may not decide for.
        /// - [`MultiAssetError::RegistryCallFailed`]: if the registry does not answer whether a
        ///   proposal's proposer is still live.
        ///
        /// # Events
        /// - [`CollectionFollowSet`]: one per token whose setting changed, with what it shows.
        /// - [`MetadataUpdate`]: after it, for a token that starts following and shows another
        ///   top asset (stopping keeps what it shows).
        #[ink(message)]
        pub fn set_follows_collection(
            &mut self,
            token_ids: Vec<Id>,
            follow: bool,
        ) -> Result<(), MultiAssetError> {
            let events = self.data.set_follows_collection(
                &self.peers(),
                self.env().caller(),
                token_ids,
                follow,
            )?;
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

        /// The open collection-wide proposals, in the order they were made.
        #[ink(message)]
        pub fn collection_proposals(&self) -> Vec<CollectionProposal> {
            self.data.collection_proposals()
        }

        /// Whether `token_id` follows the collection (see
        /// [`set_follows_collection`](Self::set_follows_collection)).
        #[ink(message)]
        pub fn follows_collection(&self, token_id: Id) -> bool {
            self.data.follows_collection(&token_id)
        }

        /// The uri of catalog entry `asset_id` for `token_id`: a templated entry's `{id}`
        /// replaced by the token id (decimal for integer ids, lowercase hex for `Bytes`; see
        /// [`template`](crate::template)), a plain entry's uri unchanged; `None` if there is no
        /// such entry.
        #[ink(message)]
        pub fn asset_uri(&self, token_id: Id, asset_id: AssetId) -> Option<String> {
            self.data.asset_uri(&token_id, asset_id)
        }

        /// The active asset of `token_id` a wallet shows first (lowest priority; the first in
        /// position order among equals), with its uri resolved for the token and its content
        /// hash; `None` if the token has none or does not exist.
        #[ink(message)]
        pub fn top_asset(&self, token_id: Id) -> Option<TokenAsset> {
            self.data.top_asset(&self.peers(), &token_id)
        }

        /// [`top_asset`](Self::top_asset) of each of up to
        /// [`MAX_TOKENS_PER_QUERY`](crate::limits::MAX_TOKENS_PER_QUERY) tokens, in order.
        ///
        /// # Errors
        /// - [`MultiAssetError::BatchTooLarge`]: if more tokens are named.
        /// - [`MultiAssetError::CollectionCallFailed`]: if the collection does not answer.
        #[ink(message)]
        pub fn top_assets(
            &self,
            token_ids: Vec<Id>,
        ) -> Result<Vec<Option<TokenAsset>>, MultiAssetError> {
            self.data.top_assets(&self.peers(), &token_ids)
        }

        /// [`token_assets`](Self::token_assets)`(id, 0, MAX_PAGE)` of the first of up to
        /// [`MAX_TOKENS_PER_QUERY`](crate::limits::MAX_TOKENS_PER_QUERY) tokens, in order, as
        /// many as fit [`MAX_ANSWER_BYTES`](crate::limits::MAX_ANSWER_BYTES) (at least one):
        /// a reader of a whole collection (a watchdog) asks again from the first token not
        /// answered, and pages a token that answered a full page with `token_assets`.
        ///
        /// # Errors
        /// - [`MultiAssetError::BatchTooLarge`]: if more tokens are named.
        /// - [`MultiAssetError::CollectionCallFailed`]: if the collection does not answer.
        #[ink(message)]
        pub fn tokens_assets(
            &self,
            token_ids: Vec<Id>,
        ) -> Result<Vec<Vec<TokenAsset>>, MultiAssetError> {
            self.data.tokens_assets(&self.peers(), &token_ids)
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
                        replaces,
                        proposer,
                    } => self.env().emit_event(AssetProposedToMany {
                        token_ids,
                        asset_id,
                        replaces,
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
                    MultiAssetEvent::AssetsProposedToCollection {
                        proposals,
                        proposer,
                    } => self.env().emit_event(AssetsProposedToCollection {
                        proposals,
                        proposer,
                    }),
                    MultiAssetEvent::CollectionProposalWithdrawn {
                        asset_id,
                        withdrawn_by,
                    } => self.env().emit_event(CollectionProposalWithdrawn {
                        asset_id,
                        withdrawn_by,
                    }),
                    MultiAssetEvent::CollectionFollowSet {
                        token_id,
                        follows,
                        active,
                    } => self.env().emit_event(CollectionFollowSet {
                        token_id,
                        follows,
                        active,
                    }),
                    MultiAssetEvent::AssetsAccepted { token_id, accepted } => {
                        self.env().emit_event(AssetsAccepted { token_id, accepted })
                    }
                    MultiAssetEvent::AssetsRejected {
                        token_id,
                        asset_ids,
                    } => self.env().emit_event(AssetsRejected {
                        token_id,
                        asset_ids,
                    }),
                    MultiAssetEvent::MetadataUpdate { token_id } => {
                        self.env().emit_event(MetadataUpdate { token_id })
                    }
                    MultiAssetEvent::BatchMetadataUpdate { asset_ids } => {
                        self.env().emit_event(BatchMetadataUpdate { asset_ids })
                    }
                }
            }
        }
    }

    impl TopAssetUri for MultiAsset {
        /// The uri of `id`'s top asset, asked by the collection when a wallet reads the token's
        /// metadata (`Psp34Traits::token_uri`); it does not ask the collection back, so it
        /// answers for any id, burnt tokens' stale cells included: callers check the token
        /// exists, as the collection does. [`top_asset`](MultiAsset::top_asset) is the query
        /// for everyone else.
        #[ink(message)]
        fn top_asset_uri(&self, id: Id, issuer: Option<AccountId>) -> Option<String> {
            self.data.top_asset_uri(&self.peers(), issuer, &id)
        }
    }
}

/// The contract, and the events it emits (each message's docs link the ones it may emit).
pub use multi_asset::{
    AllAssetsRejected, AssetAccepted, AssetEntryAdded, AssetPrioritySet, AssetProposed,
    AssetProposedToMany, AssetRejected, AssetsAccepted, AssetsProposedToCollection, AssetsRejected,
    BatchMetadataUpdate, BurntTokenCleared, CollectionFollowSet, CollectionProposalWithdrawn,
    MetadataUpdate, MultiAsset, MultiAssetRef,
};
