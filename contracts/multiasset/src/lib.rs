//! # Multi-asset extension
//!
//! One instance per PSP34 collection, bound at instantiation to the collection and to a proposer
//! registry. A token carries several **assets** (the same image on https, ipfs://, ar:// and
//! sia://, a PDF, …): the collection's issuer, or a proposer it registered, proposes; the token's
//! owner (or an asset operator it approved) accepts, rejects or lets a new asset replace an old
//! one, and orders them by priority. Each catalog entry records the sha256 of its content, so a
//! host that swapped the file is caught by anyone. Semantics follow ERC-5773 (RMRK multi-asset);
//! where ERC-5773 is loose, this contract is strict.
//!
//! ## Layers
//! Each module imports only modules listed before it (`tests/layers.rs` checks this):
//! - [`limits`] owns every cap; [`errors`] the one error type; [`template`] the rule for `{id}`
//!   in a uri and a template's `SHA256SUMS`.
//! - Stored types: [`token`] owns one token's cell (pending and active assets, priorities) and the
//!   guards on it; [`collection_wide`] the cell of open collection-wide proposals; [`catalog`]
//!   the entries and their count.
//! - [`events`] owns what a state change reports.
//! - [`rules`] owns what the state machine asks outside ([`rules::Authority`]), what a change
//!   returns ([`rules::Outcome`]) and the `ensure_*` guards on callers and arguments.
//! - [`shown`] owns **what a token shows**: its cell folded with the open collection-wide
//!   proposals of live proposers; every query, decision and follow change goes through it.
//! - [`data`] owns the messages' state machine, [`MultiAssetData`](data::MultiAssetData), one
//!   file per group of messages.
//! - [`peers`] owns the cross-contract calls that answer [`rules::Authority`] on chain.
//! - This file: the contract, its events, and one adapter per message.
//!
//! The invariants every message keeps are listed in [`data`], the state machine.
#![cfg_attr(not(feature = "std"), no_std, no_main)]

pub mod catalog;
pub mod collection_wide;
pub mod data;
pub mod errors;
pub mod events;
pub mod limits;
pub mod peers;
pub mod rules;
pub mod shown;
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
        data::MultiAssetData,
        errors::MultiAssetError,
        events::{emit_each, MultiAssetEvent},
        peers::Peers,
        rules::{Authority, Outcome},
        token::{ActiveAsset, PendingAsset},
        TokenAsset,
    };
    use ink::prelude::{string::String, vec::Vec};
    use multiasset_traits::{AssetId, ContentHash, Id, TopAssetUri};

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

    /// `asset_id` was proposed to each of `token_ids` by one `propose_asset_to_many` call, to
    /// take `replaces`'s place on each (one event a batch, as ERC-1155's `TransferBatch`).
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
    /// `accept_assets` call; `replaced` is the asset whose place each took.
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
    /// follows the collection may show another top asset (ERC-4906's `BatchMetadataUpdate`).
    #[ink(event)]
    pub struct BatchMetadataUpdate {
        pub asset_ids: Vec<AssetId>,
    }

    /// The multi-asset contract of one collection.
    #[ink(storage)]
    pub struct MultiAsset {
        peers: Peers,
        data: MultiAssetData,
    }

    impl MultiAsset {
        /// Binds a new multi-asset contract to `collection` (a PSP34 + Ownable contract) and
        /// `registry` (a proposer registry); fails with `CollectionCallFailed` or
        /// `RegistryCallFailed` if either does not answer as such.
        #[ink(constructor)]
        pub fn new(collection: AccountId, registry: AccountId) -> Result<Self, MultiAssetError> {
            let peers = Peers {
                collection,
                registry,
            };
            peers.issuer()?;
            peers.is_proposer(collection)?;
            let data = MultiAssetData::default();
            Ok(Self { peers, data })
        }

        /// Adds a catalog entry and returns its id: `uri` of 1 to
        /// [`MAX_URI_LEN`](crate::limits::MAX_URI_LEN) bytes, `content_hash` the sha256 of the
        /// content (`None`: unknown, so no mirror of it can be verified). Caller: the issuer or a
        /// live proposer.
        /// Errors and events: [`MultiAssetData::add_asset_entry`].
        #[ink(message)]
        pub fn add_asset_entry(
            &mut self,
            uri: String,
            content_hash: Option<ContentHash>,
        ) -> Result<AssetId, MultiAssetError> {
            let caller = self.env().caller();
            let (id, events) = self
                .data
                .add_asset_entry(&self.peers, caller, uri, content_hash)?;
            self.emit(events);
            Ok(id)
        }

        /// Adds catalog entries (e.g. one file mirrored on https, ipfs, ar and sia, same hash)
        /// with consecutive ids, all or nothing; returns the ids. Caller: the issuer or a live
        /// proposer.
        /// Errors and events: [`MultiAssetData::add_asset_entries`].
        #[ink(message)]
        pub fn add_asset_entries(
            &mut self,
            entries: Vec<(String, Option<ContentHash>)>,
        ) -> Result<Vec<AssetId>, MultiAssetError> {
            let caller = self.env().caller();
            let (ids, events) = self.data.add_asset_entries(&self.peers, caller, entries)?;
            self.emit(events);
            Ok(ids)
        }

        /// Proposes catalog entry `asset_id` to `token_id`, to take `replaces`'s place when
        /// accepted. Caller: the issuer or a live proposer; if the caller owns the token, the
        /// asset is accepted at once.
        /// Errors and events: [`MultiAssetData::propose_asset`].
        #[ink(message)]
        pub fn propose_asset(
            &mut self,
            token_id: Id,
            asset_id: AssetId,
            replaces: Option<AssetId>,
        ) -> Result<(), MultiAssetError> {
            self.apply(|data, peers, caller| {
                data.propose_asset(peers, caller, token_id, asset_id, replaces)
            })
        }

        /// Proposes `asset_id` to each of `token_ids`, to take `replaces`'s place on each when
        /// accepted, all or nothing; always left pending. Caller: the issuer or a live proposer.
        /// Errors and events: [`MultiAssetData::propose_asset_to_many`].
        #[ink(message)]
        pub fn propose_asset_to_many(
            &mut self,
            token_ids: Vec<Id>,
            asset_id: AssetId,
            replaces: Option<AssetId>,
        ) -> Result<(), MultiAssetError> {
            self.apply(|data, peers, caller| {
                data.propose_asset_to_many(peers, caller, token_ids, asset_id, replaces)
            })
        }

        /// Accepts pending `asset_id` on `token_id` (a token-level or an open collection-wide
        /// proposal, as [`pending_assets`](Self::pending_assets) shows it): it takes the place
        /// and priority of the asset it replaces if that one is still active, or is appended with
        /// the next priority. Caller: the token's owner or an asset operator.
        /// Errors and events: [`MultiAssetData::accept_asset`].
        #[ink(message)]
        pub fn accept_asset(
            &mut self,
            token_id: Id,
            asset_id: AssetId,
        ) -> Result<(), MultiAssetError> {
            self.apply(|data, peers, caller| data.accept_asset(peers, caller, token_id, asset_id))
        }

        /// Rejects pending `asset_id` on `token_id` (a token-level or an open collection-wide
        /// proposal); it may be proposed again. Caller: the token's owner or an asset operator.
        /// Errors and events: [`MultiAssetData::reject_asset`].
        #[ink(message)]
        pub fn reject_asset(
            &mut self,
            token_id: Id,
            asset_id: AssetId,
        ) -> Result<(), MultiAssetError> {
            self.apply(|data, peers, caller| data.reject_asset(peers, caller, token_id, asset_id))
        }

        /// Accepts each of `asset_ids` on `token_id` in order, all or nothing, as
        /// [`accept_asset`](Self::accept_asset) would one after the other. Caller: the token's
        /// owner or an asset operator.
        /// Errors and events: [`MultiAssetData::accept_assets`].
        #[ink(message)]
        pub fn accept_assets(
            &mut self,
            token_id: Id,
            asset_ids: Vec<AssetId>,
        ) -> Result<(), MultiAssetError> {
            self.apply(|data, peers, caller| data.accept_assets(peers, caller, token_id, asset_ids))
        }

        /// Rejects each of `asset_ids` on `token_id`, all or nothing. Caller: the token's owner
        /// or an asset operator.
        /// Errors and events: [`MultiAssetData::reject_assets`].
        #[ink(message)]
        pub fn reject_assets(
            &mut self,
            token_id: Id,
            asset_ids: Vec<AssetId>,
        ) -> Result<(), MultiAssetError> {
            self.apply(|data, peers, caller| data.reject_assets(peers, caller, token_id, asset_ids))
        }

        /// Rejects all pending assets of `token_id` as [`pending_assets`](Self::pending_assets)
        /// shows them, collection-wide proposals included, failing if more than `max_rejections`
        /// are pending (a proposal slipped in before the call). Caller: the token's owner or an
        /// asset operator.
        /// Errors and events: [`MultiAssetData::reject_all_assets`].
        #[ink(message)]
        pub fn reject_all_assets(
            &mut self,
            token_id: Id,
            max_rejections: u32,
        ) -> Result<(), MultiAssetError> {
            self.apply(|data, peers, caller| {
                data.reject_all_assets(peers, caller, token_id, max_rejections)
            })
        }

        /// Sets the priorities of `token_id`'s active assets, one per asset in the order of
        /// `active_assets` (lower renders first; no value twice). Caller: the token's owner or an
        /// asset operator.
        /// Errors and events: [`MultiAssetData::set_priority`].
        #[ink(message)]
        pub fn set_priority(
            &mut self,
            token_id: Id,
            priorities: Vec<u64>,
        ) -> Result<(), MultiAssetError> {
            self.apply(|data, peers, caller| data.set_priority(peers, caller, token_id, priorities))
        }

        /// Proposes each `(asset, replaces)` of `proposals` to every token of the collection,
        /// minted or not yet, all or nothing: pending until each owner decides, active at once on
        /// a token that [follows the collection](Self::set_follows_collection). Caller: the
        /// issuer or a live proposer.
        /// Errors and events: [`MultiAssetData::propose_to_collection`].
        #[ink(message)]
        pub fn propose_to_collection(
            &mut self,
            proposals: Vec<(AssetId, Option<AssetId>)>,
        ) -> Result<(), MultiAssetError> {
            self.apply(|data, peers, caller| data.propose_to_collection(peers, caller, proposals))
        }

        /// Withdraws the open collection-wide proposal of `asset_id`: no token shows it pending
        /// any more, following tokens show again what it replaced, tokens whose owner accepted it
        /// keep it. Caller: the issuer, or the account that made the proposal.
        /// Errors and events: [`MultiAssetData::withdraw_from_collection`].
        #[ink(message)]
        pub fn withdraw_from_collection(
            &mut self,
            asset_id: AssetId,
        ) -> Result<(), MultiAssetError> {
            self.apply(|data, peers, caller| data.withdraw_from_collection(peers, caller, asset_id))
        }

        /// Makes each of `token_ids` follow the collection (`follow`), or stop, all or nothing:
        /// standing consent to its collection-wide proposals of live proposers. Stopping keeps
        /// what a token shows. Caller: the owner or an asset operator of every token.
        /// Errors and events: [`MultiAssetData::set_follows_collection`].
        #[ink(message)]
        pub fn set_follows_collection(
            &mut self,
            token_ids: Vec<Id>,
            follow: bool,
        ) -> Result<(), MultiAssetError> {
            self.apply(|data, peers, caller| {
                data.set_follows_collection(peers, caller, token_ids, follow)
            })
        }

        /// Frees the storage of burnt token `token_id` (its assets can never be decided on
        /// again); the storage deposit goes to the caller. Anyone may call.
        /// Errors and events: [`MultiAssetData::clear_burnt_token`].
        #[ink(message)]
        pub fn clear_burnt_token(&mut self, token_id: Id) -> Result<(), MultiAssetError> {
            self.apply(|data, peers, _| data.clear_burnt_token(peers, token_id))
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
            self.data.active_assets(&self.peers, &token_id)
        }

        /// The priorities of `token_id`'s active assets, in the order of `active_assets`.
        #[ink(message)]
        pub fn active_asset_priorities(&self, token_id: Id) -> Vec<u64> {
            self.data.active_asset_priorities(&self.peers, &token_id)
        }

        /// The pending assets of `token_id`.
        #[ink(message)]
        pub fn pending_assets(&self, token_id: Id) -> Vec<AssetId> {
            self.data.pending_assets(&self.peers, &token_id)
        }

        /// The pending proposal of `asset_id` on `token_id`: the asset it would replace and who
        /// proposed it (accept checks that this proposer is still allowed).
        #[ink(message)]
        pub fn pending_proposal(&self, token_id: Id, asset_id: AssetId) -> Option<PendingAsset> {
            self.data.pending_proposal(&self.peers, &token_id, asset_id)
        }

        /// The active asset that pending `asset_id` would replace on `token_id`, if any.
        #[ink(message)]
        pub fn asset_replacement(&self, token_id: Id, asset_id: AssetId) -> Option<AssetId> {
            self.data
                .asset_replacement(&self.peers, &token_id, asset_id)
        }

        /// Up to `limit` (at most [`MAX_PAGE`](crate::limits::MAX_PAGE)) active assets of
        /// `token_id` with uri and content hash, sorted by priority, from rank `start`: what a
        /// wallet renders, trying the next mirror when a host fails or its content does not match
        /// the hash. Fails with `LimitTooLarge` over the page size.
        #[ink(message)]
        pub fn token_assets(
            &self,
            token_id: Id,
            start: u32,
            limit: u32,
        ) -> Result<Vec<TokenAsset>, MultiAssetError> {
            self.data.token_assets(&self.peers, &token_id, start, limit)
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
        /// replaced by the token id (see [`template`](crate::template)), a plain entry's uri
        /// unchanged; `None` if there is no such entry.
        #[ink(message)]
        pub fn asset_uri(&self, token_id: Id, asset_id: AssetId) -> Option<String> {
            self.data.asset_uri(&token_id, asset_id)
        }

        /// The active asset of `token_id` a wallet shows first (lowest priority; the first in
        /// position order among equals), with its uri resolved for the token and its content
        /// hash; `None` if the token has none or does not exist.
        #[ink(message)]
        pub fn top_asset(&self, token_id: Id) -> Option<TokenAsset> {
            self.data.top_asset(&self.peers, &token_id)
        }

        /// [`top_asset`](Self::top_asset) of each of up to
        /// [`MAX_TOKENS_PER_QUERY`](crate::limits::MAX_TOKENS_PER_QUERY) tokens, in order. Fails
        /// with `BatchTooLarge` for more, `CollectionCallFailed` if the collection does not answer.
        #[ink(message)]
        pub fn top_assets(
            &self,
            token_ids: Vec<Id>,
        ) -> Result<Vec<Option<TokenAsset>>, MultiAssetError> {
            self.data.top_assets(&self.peers, &token_ids)
        }

        /// [`token_assets`](Self::token_assets)`(id, 0, MAX_PAGE)` of the first of up to
        /// [`MAX_TOKENS_PER_QUERY`](crate::limits::MAX_TOKENS_PER_QUERY) tokens, in order, as
        /// many as fit [`MAX_ANSWER_BYTES`](crate::limits::MAX_ANSWER_BYTES) (at least one): a
        /// watchdog asks again from the first token not answered, and pages a token that
        /// answered a full page with `token_assets`. Errors as
        /// [`top_assets`](Self::top_assets).
        #[ink(message)]
        pub fn tokens_assets(
            &self,
            token_ids: Vec<Id>,
        ) -> Result<Vec<Vec<TokenAsset>>, MultiAssetError> {
            self.data.tokens_assets(&self.peers, &token_ids)
        }

        /// The collection this contract extends.
        #[ink(message)]
        pub fn collection(&self) -> AccountId {
            self.peers.collection
        }

        /// The proposer registry this contract consults.
        #[ink(message)]
        pub fn registry(&self) -> AccountId {
            self.peers.registry
        }

        /// Runs a state change as the caller and emits its events: every transaction's body.
        fn apply(
            &mut self,
            change: impl FnOnce(&mut MultiAssetData, &Peers, AccountId) -> Outcome,
        ) -> Result<(), MultiAssetError> {
            let caller = self.env().caller();
            let events = change(&mut self.data, &self.peers, caller)?;
            self.emit(events);
            Ok(())
        }

        /// Emits each event of the state machine as the ink! event of the same name.
        fn emit(&self, events: Vec<MultiAssetEvent>) {
            emit_each!(
                self.env(),
                events,
                AssetEntryAdded(asset_id, uri, content_hash, added_by),
                AssetProposed(token_id, asset_id, replaces, proposer),
                AssetProposedToMany(token_ids, asset_id, replaces, proposer),
                AssetAccepted(token_id, asset_id, replaced),
                AssetRejected(token_id, asset_id),
                AllAssetsRejected(token_id, count),
                AssetPrioritySet(token_id, priorities),
                BurntTokenCleared(token_id, pending, active),
                AssetsProposedToCollection(proposals, proposer),
                CollectionProposalWithdrawn(asset_id, withdrawn_by),
                CollectionFollowSet(token_id, follows, active),
                AssetsAccepted(token_id, accepted),
                AssetsRejected(token_id, asset_ids),
                MetadataUpdate(token_id),
                BatchMetadataUpdate(asset_ids),
            );
        }
    }

    impl TopAssetUri for MultiAsset {
        /// The uri of `id`'s top asset, for the collection when a wallet reads the token's
        /// metadata: it does not ask the collection back, so callers check that the token exists.
        /// [`top_asset`](MultiAsset::top_asset) is the query for everyone else.
        #[ink(message)]
        fn top_asset_uri(&self, id: Id, issuer: Option<AccountId>) -> Option<String> {
            self.data.top_asset_uri(&self.peers, issuer, &id)
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
