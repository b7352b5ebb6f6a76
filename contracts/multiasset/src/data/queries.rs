//! The queries: what a token shows ([`crate::shown`]), read for wallets, dApps and watchdogs.
//! A token the collection does not know (burnt, or not minted yet) shows nothing: its proposals
//! appear once it is minted, a burnt token's assets never again.

use super::MultiAssetData;
use crate::{
    catalog::AssetEntry,
    collection_wide::CollectionProposal,
    errors::MultiAssetError,
    limits::{MAX_ANSWER_BYTES, MAX_PAGE, MAX_TOKENS_PER_QUERY},
    rules::{ensure_token_id, nobody, Authority},
    token::{ActiveAsset, PendingAsset, TokenAssets},
};
use ink::prelude::{string::String, vec::Vec};
use multiasset_traits::{AccountId, AssetId, ContentHash, Id};

/// An active asset of a token as a wallet renders it.
#[derive(Debug, Clone, PartialEq, Eq, scale::Encode, scale::Decode)]
#[cfg_attr(feature = "std", derive(scale_info::TypeInfo))]
pub struct TokenAsset {
    pub asset_id: AssetId,
    pub priority: u64,
    pub uri: String,
    pub content_hash: Option<ContentHash>,
}

impl MultiAssetData {
    /// The catalog entry `asset_id`.
    pub fn asset(&self, asset_id: AssetId) -> Option<AssetEntry> {
        self.catalog.get(asset_id)
    }

    /// How many catalog entries exist; their ids are `1..=total_assets`.
    pub fn total_assets(&self) -> u64 {
        self.catalog.count()
    }

    /// The active assets of `token_id`, in position order.
    pub fn active_assets(&self, authority: &impl Authority, token_id: &Id) -> Vec<AssetId> {
        let shown = self.shown(authority, token_id);
        shown.active.iter().map(|a| a.asset_id).collect()
    }

    /// The priorities of `token_id`'s active assets, in the order of `active_assets`.
    pub fn active_asset_priorities(&self, authority: &impl Authority, token_id: &Id) -> Vec<u64> {
        let shown = self.shown(authority, token_id);
        shown.active.iter().map(|a| a.priority).collect()
    }

    /// The pending assets of `token_id`, in position order.
    pub fn pending_assets(&self, authority: &impl Authority, token_id: &Id) -> Vec<AssetId> {
        let shown = self.shown(authority, token_id);
        shown.pending.iter().map(|p| p.asset_id).collect()
    }

    /// The pending proposal of `asset_id` on `token_id`: what it would replace and who proposed it.
    pub fn pending_proposal(
        &self,
        authority: &impl Authority,
        token_id: &Id,
        asset_id: AssetId,
    ) -> Option<PendingAsset> {
        let shown = self.shown(authority, token_id);
        shown
            .pending_position(asset_id)
            .map(|position| shown.pending[position])
    }

    /// The asset that pending `asset_id` would replace on `token_id`, if any.
    pub fn asset_replacement(
        &self,
        authority: &impl Authority,
        token_id: &Id,
        asset_id: AssetId,
    ) -> Option<AssetId> {
        self.pending_proposal(authority, token_id, asset_id)
            .and_then(|proposal| proposal.replaces)
    }

    /// Up to `limit` (at most [`MAX_PAGE`]) active assets of `token_id` with their catalog
    /// entries, sorted by priority (then position), from rank `start`: what a wallet renders,
    /// falling back to the next mirror when one host fails.
    ///
    /// # Errors
    /// - [`MultiAssetError::LimitTooLarge`]: if `limit` is over the page size.
    pub fn token_assets(
        &self,
        authority: &impl Authority,
        token_id: &Id,
        start: u32,
        limit: u32,
    ) -> Result<Vec<TokenAsset>, MultiAssetError> {
        if limit > MAX_PAGE {
            return Err(MultiAssetError::LimitTooLarge);
        }
        Ok(self.ranked(token_id, self.shown(authority, token_id), start, limit))
    }

    /// [`token_assets`](Self::token_assets)`(id, 0, MAX_PAGE)` of the first of `token_ids` (at
    /// most [`MAX_TOKENS_PER_QUERY`]), in order, as many as fit [`MAX_ANSWER_BYTES`] (at least
    /// one), with one question to the collection for all: a reader of a whole collection asks
    /// again from the first token not answered.
    ///
    /// # Errors
    /// - [`MultiAssetError::BatchTooLarge`]: if more tokens are named.
    /// - [`MultiAssetError::CollectionCallFailed`]: if the collection does not answer.
    pub fn tokens_assets(
        &self,
        authority: &impl Authority,
        token_ids: &[Id],
    ) -> Result<Vec<Vec<TokenAsset>>, MultiAssetError> {
        let mut answer: Vec<Vec<TokenAsset>> = Vec::new();
        let mut bytes = 0;
        for (token_id, shown) in token_ids.iter().zip(self.shown_each(authority, token_ids)?) {
            let page = self.ranked(token_id, shown, 0, MAX_PAGE);
            bytes += scale::Encode::encoded_size(&page);
            if bytes > MAX_ANSWER_BYTES && !answer.is_empty() {
                break;
            }
            answer.push(page);
        }
        Ok(answer)
    }

    /// The active asset of `token_id` a wallet shows first (lowest priority, first in position
    /// order among equals), with its catalog entry; `None` if it has none.
    pub fn top_asset(&self, authority: &impl Authority, token_id: &Id) -> Option<TokenAsset> {
        let top = self.shown(authority, token_id).top()?;
        self.token_asset(token_id, top)
    }

    /// [`top_asset`](Self::top_asset) of each of `token_ids` (at most
    /// [`MAX_TOKENS_PER_QUERY`]), in order, with one question to the collection for all.
    ///
    /// # Errors
    /// - [`MultiAssetError::BatchTooLarge`]: if more tokens are named.
    /// - [`MultiAssetError::CollectionCallFailed`]: if the collection does not answer.
    pub fn top_assets(
        &self,
        authority: &impl Authority,
        token_ids: &[Id],
    ) -> Result<Vec<Option<TokenAsset>>, MultiAssetError> {
        let shown = self.shown_each(authority, token_ids)?;
        Ok(token_ids
            .iter()
            .zip(shown)
            .map(|(token_id, shown)| self.token_asset(token_id, shown.top()?))
            .collect())
    }

    /// The uri of `token_id`'s top asset, for a caller that knows the token exists: the
    /// collection asks this when a wallet reads the token's metadata, and cannot be asked back.
    pub fn top_asset_uri(
        &self,
        authority: &impl Authority,
        issuer: Option<AccountId>,
        token_id: &Id,
    ) -> Option<String> {
        let shown = self
            .open_proposals(authority, issuer)
            .shown(self.token(token_id))
            .ok()?;
        self.token_asset(token_id, shown.top()?)
            .map(|asset| asset.uri)
    }

    /// The uri of catalog entry `asset_id` for `token_id` ([`crate::catalog::Catalog::uri_for`]).
    pub fn asset_uri(&self, token_id: &Id, asset_id: AssetId) -> Option<String> {
        self.catalog.uri_for(token_id, asset_id)
    }

    /// Whether `token_id` follows the collection.
    pub fn follows_collection(&self, token_id: &Id) -> bool {
        self.token(token_id).follows
    }

    /// The open collection-wide proposals, in sequence order.
    pub fn collection_proposals(&self) -> Vec<CollectionProposal> {
        self.collection_proposals_cell().open
    }

    /// The assets of the open collection-wide proposals `token_id` no longer awaits: an owner
    /// of it accepted or rejected them (decisions stay with the token when it changes hands, as
    /// everything else in ERC-5773), or, while it follows, it shows them applied. Nothing for a
    /// token that does not exist.
    pub fn decided_collection_proposals(
        &self,
        authority: &impl Authority,
        token_id: &Id,
    ) -> Vec<AssetId> {
        let decided = self.shown(authority, token_id).decided;
        self.collection_proposals_cell()
            .open
            .iter()
            .filter(|p| decided.contains(&p.seq))
            .map(|p| p.asset_id)
            .collect()
    }

    /// What `token_id` shows ([`crate::shown`]) if the collection says the token exists, nothing
    /// otherwise (also if the collection cannot be asked).
    pub(crate) fn shown(&self, authority: &impl Authority, token_id: &Id) -> TokenAssets {
        if ensure_token_id(token_id).is_err() {
            return TokenAssets::default();
        }
        match authority.token_authority(token_id, nobody()) {
            Ok(seen) if seen.owner.is_some() => self
                .open_proposals(authority, seen.issuer)
                .shown(self.token(token_id))
                .unwrap_or_default(),
            _ => TokenAssets::default(),
        }
    }

    /// What each of `token_ids` (at most [`MAX_TOKENS_PER_QUERY`]) shows, in order, with one
    /// question to the collection for all; nothing for a token that does not exist.
    fn shown_each(
        &self,
        authority: &impl Authority,
        token_ids: &[Id],
    ) -> Result<Vec<TokenAssets>, MultiAssetError> {
        if token_ids.len() > MAX_TOKENS_PER_QUERY {
            return Err(MultiAssetError::BatchTooLarge {
                max: MAX_TOKENS_PER_QUERY as u32,
            });
        }
        // Ids too long for a key hold nothing and are not asked about.
        let askable: Vec<Id> = token_ids
            .iter()
            .filter(|id| ensure_token_id(id).is_ok())
            .cloned()
            .collect();
        let seen = authority.token_authorities(&askable, nobody())?;
        let mut open = self.open_proposals(authority, seen.first().and_then(|s| s.issuer));
        let mut seen = seen.into_iter();
        let mut shown = Vec::with_capacity(token_ids.len());
        for token_id in token_ids {
            let exists = ensure_token_id(token_id).is_ok()
                && seen.next().is_some_and(|seen| seen.owner.is_some());
            shown.push(match exists {
                true => open.shown(self.token(token_id))?,
                false => TokenAssets::default(),
            });
        }
        Ok(shown)
    }

    /// `limit` of `shown`'s active assets from rank `start`, sorted by priority, with their
    /// catalog entries.
    fn ranked(&self, token_id: &Id, shown: TokenAssets, start: u32, limit: u32) -> Vec<TokenAsset> {
        // Insertion sort by priority, stable (ties keep position order): at most MAX_ACTIVE
        // entries, and less code than the library sort.
        let mut ranked: Vec<ActiveAsset> = Vec::new();
        for asset in shown.active {
            let at = ranked.partition_point(|a| a.priority <= asset.priority);
            ranked.insert(at, asset);
        }
        ranked
            .into_iter()
            .skip(start as usize)
            .take(limit as usize)
            .filter_map(|a| self.token_asset(token_id, a))
            .collect()
    }

    /// Active asset `active` of `token_id` with its catalog entry, the uri resolved for the token.
    fn token_asset(&self, token_id: &Id, active: ActiveAsset) -> Option<TokenAsset> {
        self.catalog.get(active.asset_id).map(|entry| TokenAsset {
            asset_id: active.asset_id,
            priority: active.priority,
            uri: crate::template::resolve(entry.uri, token_id),
            content_hash: entry.content_hash,
        })
    }
}
