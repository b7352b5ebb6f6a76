#![doc = include_str!("../README.md")]
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
        rules::{Answer, Authority, Outcome},
        token::{ActiveAsset, PendingAsset},
        TokenAsset,
    };
    use ink::prelude::{string::String, vec::Vec};
    use multiasset_traits::{
        AnnounceError, AssetId, ContentHash, FollowersChanged, Id, TopAssetUri,
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

    /// `asset_id` was proposed to each of `token_ids` by one call (one event a batch).
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

    /// The token's owner accepted each `(asset, replaced)` of `accepted`, in order, in one call.
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

    /// The cell of burnt token `token_id` was freed, with its `pending` and `active` assets.
    #[ink(event)]
    pub struct BurntTokenCleared {
        #[ink(topic)]
        pub token_id: Id,
        pub pending: u32,
        pub active: u32,
    }

    /// Each `(asset, replaces)` of `proposals` was proposed to every token of the collection.
    #[ink(event)]
    pub struct AssetsProposedToCollection {
        pub proposals: Vec<(AssetId, Option<AssetId>)>,
        #[ink(topic)]
        pub proposer: AccountId,
    }

    /// The collection-wide proposal of `asset_id` was withdrawn (followers show what it replaced).
    #[ink(event)]
    pub struct CollectionProposalWithdrawn {
        #[ink(topic)]
        pub asset_id: AssetId,
        #[ink(topic)]
        pub withdrawn_by: AccountId,
    }

    /// `token_id` started (`follows`) or stopped following the collection; `active`: what it shows.
    #[ink(event)]
    pub struct CollectionFollowSet {
        #[ink(topic)]
        pub token_id: Id,
        pub follows: bool,
        pub active: Vec<ActiveAsset>,
    }

    /// Lapsed proposals of `asset_ids` on `token_id` (collection-wide if `None`) were dropped.
    #[ink(event)]
    pub struct LapsedProposalsDropped {
        #[ink(topic)]
        pub token_id: Option<Id>,
        pub asset_ids: Vec<AssetId>,
    }

    /// The top asset of `token_id` changed: re-read its metadata (ERC-4906's `MetadataUpdate`).
    #[ink(event)]
    pub struct MetadataUpdate {
        #[ink(topic)]
        pub token_id: Id,
    }

    /// Followers may show another top asset: the collection-wide proposals of `asset_ids` were
    /// made, withdrawn, or changed whether they count (ERC-4906's `BatchMetadataUpdate`).
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
            peers.live_proposers(collection, &[])?;
            Ok(Self {
                peers,
                data: MultiAssetData::default(),
            })
        }

        /// Adds a catalog entry and returns its id: `uri`, and `content_hash` the sha256 of the
        /// content (`None`: unknown, no mirror verifiable). Caller: the issuer or a live proposer.
        /// Errors and events: [`MultiAssetData::add_asset_entry`].
        #[ink(message)]
        pub fn add_asset_entry(
            &mut self,
            uri: String,
            content_hash: Option<ContentHash>,
        ) -> Result<AssetId, MultiAssetError> {
            self.answer(|data, peers, caller| {
                data.add_asset_entry(peers, caller, uri, content_hash)
            })
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
            self.answer(|data, peers, caller| data.add_asset_entries(peers, caller, entries))
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

        /// Withdraws the open collection-wide proposals of `asset_ids`, all or nothing: following
        /// tokens show again what they replaced, tokens whose owner accepted one keep it.
        /// Caller: the issuer, or the account that made each of them.
        /// Errors and events: [`MultiAssetData::withdraw_from_collection`].
        #[ink(message)]
        pub fn withdraw_from_collection(
            &mut self,
            asset_ids: Vec<AssetId>,
        ) -> Result<(), MultiAssetError> {
            self.apply(|data, peers, caller| {
                data.withdraw_from_collection(peers, caller, asset_ids)
            })
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

        /// Frees the storage of burnt token `token_id`; the deposit goes to the caller (anyone).
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

        /// Whether `token_id` follows the collection ([`Self::set_follows_collection`]).
        #[ink(message)]
        pub fn follows_collection(&self, token_id: Id) -> bool {
            self.data.follows_collection(&token_id)
        }

        /// The open collection-wide proposals `token_id` no longer awaits: decided by an owner
        /// of it (a buyer inherits them), or shown applied while it follows.
        #[ink(message)]
        pub fn decided_collection_proposals(&self, token_id: Id) -> Vec<AssetId> {
            self.data
                .decided_collection_proposals(&self.peers, &token_id)
        }

        /// The uri of catalog entry `asset_id` for `token_id` (a template's `{id}` replaced, see
        /// [`template`](crate::template)); `None` if there is no such entry.
        #[ink(message)]
        pub fn asset_uri(&self, token_id: Id, asset_id: AssetId) -> Option<String> {
            self.data.asset_uri(&token_id, asset_id)
        }

        /// The active asset of `token_id` a wallet shows first, uri resolved, with its content
        /// hash ([`MultiAssetData::top_asset`]); `None` if it has none or does not exist.
        #[ink(message)]
        pub fn top_asset(&self, token_id: Id) -> Option<TokenAsset> {
            self.data.top_asset(&self.peers, &token_id)
        }

        /// [`top_asset`](Self::top_asset) of each of `token_ids`, in order. Errors:
        /// [`MultiAssetData::top_assets`].
        #[ink(message)]
        pub fn top_assets(
            &self,
            token_ids: Vec<Id>,
        ) -> Result<Vec<Option<TokenAsset>>, MultiAssetError> {
            self.data.top_assets(&self.peers, &token_ids)
        }

        /// [`token_assets`](Self::token_assets)`(id, 0, MAX_PAGE)` of the first of `token_ids`,
        /// as many as fit one answer: [`MultiAssetData::tokens_assets`]. A watchdog asks again
        /// from the first token not answered, and pages a token whose page is full.
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
            self.answer(|data, peers, caller| Ok(((), change(data, peers, caller)?)))
        }

        /// [`apply`](Self::apply) for a change that also answers a value.
        fn answer<T>(
            &mut self,
            change: impl FnOnce(&mut MultiAssetData, &Peers, AccountId) -> Answer<T>,
        ) -> Result<T, MultiAssetError> {
            let caller = self.env().caller();
            let (answer, events) = change(&mut self.data, &self.peers, caller)?;
            self.emit(events);
            Ok(answer)
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
                LapsedProposalsDropped(token_id, asset_ids),
                MetadataUpdate(token_id),
                BatchMetadataUpdate(asset_ids),
            );
        }
    }

    impl FollowersChanged for MultiAsset {
        /// Announces (ERC-4906) what a grant change or an issuer change did to followers.
        /// Errors and events: [`MultiAssetData::announce_followers_changed`].
        #[ink(message)]
        fn announce_followers_changed(
            &mut self,
            proposer: Option<AccountId>,
        ) -> Result<(), AnnounceError> {
            let caller = self.env().caller();
            let events = self
                .data
                .announce_followers_changed(&self.peers, caller, proposer);
            self.emit(events.map_err(|_| AnnounceError::NotAPeer)?);
            Ok(())
        }
    }

    impl TopAssetUri for MultiAsset {
        /// The uri of `id`'s top asset, for the collection (which checked that the token exists):
        /// it does not ask the collection back. [`MultiAsset::top_asset`] is everyone else's.
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
    LapsedProposalsDropped, MetadataUpdate, MultiAsset, MultiAssetRef,
};
