//! Standing consent: a token that follows the collection shows every open collection-wide
//! proposal of a live proposer as if its owner had accepted it ([`crate::shown`]). Caller: the
//! owner or an asset operator of every token named. And the announcement of what changes the
//! followers without a decision here: a grant of a proposer, or the issuer.

use super::MultiAssetData;
use crate::{
    errors::MultiAssetError,
    events::MultiAssetEvent,
    limits::MAX_FOLLOW_TOKENS,
    rules::{
        ensure_decides, ensure_distinct_tokens, ensure_list_size, ensure_token_id, Authority,
        Outcome,
    },
    token::top_of,
};
use ink::prelude::vec::Vec;
use multiasset_traits::{AccountId, Id};

impl MultiAssetData {
    /// Makes each of `token_ids` (at most [`MAX_FOLLOW_TOKENS`]) follow the collection, or stop
    /// following it, all or nothing. While a token follows, every open collection-wide proposal
    /// of a live proposer is active on it as if its owner had accepted it; stopping keeps what
    /// it shows at that moment (the proposals it shows are recorded as decided). A token already
    /// as asked is left alone, without an event.
    ///
    /// # Errors
    /// - [`MultiAssetError::EmptyBatch`], [`MultiAssetError::BatchTooLarge`]: if no token or
    ///   too many are named.
    /// - [`MultiAssetError::TokenIdTooLong`]: if an id cannot be a storage key.
    /// - [`MultiAssetError::DuplicateToken`]: if a token is named twice.
    /// - [`MultiAssetError::CollectionCallFailed`]: if the collection does not answer.
    /// - [`MultiAssetError::BatchHoldsTooMuch`]: naming the token at which the cells read so far
    ///   hold more than [`MAX_BATCH_HELD`] assets together (they would not fit in memory).
    /// - [`MultiAssetError::TokenNotFound`], [`MultiAssetError::NotTokenOwnerOrApproved`]:
    ///   naming the first token that does not exist or that the caller may not decide for.
    /// - [`MultiAssetError::RegistryCallFailed`]: if the registry does not answer whether a
    ///   proposal's proposer is still live.
    ///
    /// # Events
    /// [`CollectionFollowSet`](crate::CollectionFollowSet) per token whose setting changed, with
    /// what it shows; after it [`MetadataUpdate`](crate::MetadataUpdate) for a token that starts
    /// following and shows another top asset.
    pub fn set_follows_collection(
        &mut self,
        authority: &impl Authority,
        caller: AccountId,
        token_ids: Vec<Id>,
        follow: bool,
    ) -> Outcome {
        ensure_list_size(token_ids.len(), MAX_FOLLOW_TOKENS)?;
        token_ids.iter().try_for_each(ensure_token_id)?;
        ensure_distinct_tokens(&token_ids)?;
        let seen = authority.token_authorities(&token_ids, caller)?;
        for (token_id, seen) in token_ids.iter().zip(&seen) {
            ensure_decides(seen, caller, token_id)?;
        }
        // Every cell is read before the first write, bounded as a batch's are.
        let cells = self.held_cells(&token_ids)?;
        let mut open = self.open_proposals(authority, seen.first().and_then(|s| s.issuer));
        // The registry's answers too come before the first write.
        open.live()?;

        // Every check passed: each token is now changed and written in turn.
        let mut events = Vec::new();
        for (token_id, mut cell) in token_ids.into_iter().zip(cells) {
            if cell.follows == follow {
                continue;
            }
            let (active, top) = if follow {
                // A token that does not follow shows its cell's active assets.
                let top = cell.top();
                cell.follows = true;
                self.store(&token_id, &cell);
                (open.shown(cell)?.active, top)
            } else {
                // What it shows becomes its own: the collection's proposals it applied are
                // decided (as if accepted in order), the others are pending again.
                let mut kept = open.shown(cell)?;
                kept.follows = false;
                self.store(&token_id, &kept);
                (kept.active, None)
            };
            // Stopping keeps what the token shows: its top asset is the same.
            let changed = follow && top_of(&active) != top;
            events.push(MultiAssetEvent::CollectionFollowSet {
                token_id: token_id.clone(),
                follows: follow,
                active,
            });
            if changed {
                events.push(MultiAssetEvent::MetadataUpdate { token_id });
            }
        }
        Ok(events)
    }

    /// The collection (its issuer changed, or it linked this contract) or the registry (a grant
    /// of `proposer` began or ended; of every proposer when `None`) says that what following
    /// tokens show may have changed in this transaction: the open collection-wide proposals that
    /// change touches are announced to wallets. Nothing is written.
    ///
    /// # Errors
    /// - [`MultiAssetError::NotAPeer`]: if the caller is neither the collection nor the registry
    ///   this contract was instantiated with.
    ///
    /// # Events
    /// [`BatchMetadataUpdate`](crate::BatchMetadataUpdate) of the open collection-wide proposals
    /// of `proposer` (all of them when `None`), if there are any.
    pub fn announce_followers_changed(
        &self,
        authority: &impl Authority,
        caller: AccountId,
        proposer: Option<AccountId>,
    ) -> Outcome {
        if !authority.is_peer(caller) {
            return Err(MultiAssetError::NotAPeer);
        }
        let asset_ids: Vec<_> = self
            .collection_proposals_cell()
            .open
            .iter()
            .filter(|p| proposer.is_none_or(|proposer| proposer == p.proposer))
            .map(|p| p.asset_id)
            .collect();
        if asset_ids.is_empty() {
            return Ok(Vec::new());
        }
        Ok(Vec::from([MultiAssetEvent::BatchMetadataUpdate {
            asset_ids,
        }]))
    }
}
