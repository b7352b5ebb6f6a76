//! Proposing: catalog entries, proposals to one token, to many tokens and to the whole
//! collection, and withdrawing collection-wide proposals. Caller: the issuer or a live proposer
//! (a withdrawal also the proposal's own proposer).
//!
//! **Leftovers block nobody**: a proposal whose proposer no longer counts (revoked, renounced,
//! expired, or granted by a former issuer) counts against no cap. When a proposal would be
//! refused because the token's pending list is full or already holds the asset, or the open
//! collection-wide proposals are full or hold it, the lapsed proposals there are dropped first
//! (`LapsedProposalsDropped`), with one question to the registry.

use super::{
    decide::{decision_events, Decision, Report},
    MultiAssetData,
};
use crate::{
    catalog::AssetEntry,
    collection_wide::CollectionProposal,
    errors::MultiAssetError,
    events::MultiAssetEvent,
    limits::{
        MAX_BATCH_ID_BYTES, MAX_BATCH_TOKENS, MAX_COLLECTION_PROPOSALS_PER_CALL,
        MAX_ENTRIES_PER_CALL, MAX_OPEN_COLLECTION_PROPOSALS, MAX_PENDING,
    },
    rules::{
        ensure_distinct_tokens, ensure_list_size, ensure_may_propose, ensure_token_id,
        first_repeated, lapsed, Authority, Outcome,
    },
    token::{PendingAsset, TokenAssets},
};
use ink::prelude::{string::String, vec::Vec};
use multiasset_traits::{AccountId, AssetId, ContentHash, Id};

impl MultiAssetData {
    /// Adds one catalog entry; returns its id. Caller: the issuer or a live proposer.
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
    /// [`AssetEntryAdded`](crate::AssetEntryAdded).
    pub fn add_asset_entry(
        &mut self,
        authority: &impl Authority,
        caller: AccountId,
        uri: String,
        content_hash: Option<ContentHash>,
    ) -> Result<(AssetId, Vec<MultiAssetEvent>), MultiAssetError> {
        let (ids, events) =
            self.add_asset_entries(authority, caller, Vec::from([(uri, content_hash)]))?;
        Ok((ids[0], events))
    }

    /// Adds up to [`MAX_ENTRIES_PER_CALL`] entries (a mirror set: one file on https, ipfs, ar,
    /// sia) with consecutive ids. Caller: the issuer or a live proposer.
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
    /// [`AssetEntryAdded`](crate::AssetEntryAdded): one per entry.
    pub fn add_asset_entries(
        &mut self,
        authority: &impl Authority,
        caller: AccountId,
        entries: Vec<(String, Option<ContentHash>)>,
    ) -> Result<(Vec<AssetId>, Vec<MultiAssetEvent>), MultiAssetError> {
        ensure_may_propose(authority, authority.issuer()?, caller)?;
        ensure_list_size(entries.len(), MAX_ENTRIES_PER_CALL)?;
        self.catalog.ensure_addable(&entries)?;
        let mut ids = Vec::with_capacity(entries.len());
        let mut events = Vec::with_capacity(entries.len());
        for (uri, content_hash) in entries {
            let entry = AssetEntry { uri, content_hash };
            let asset_id = self.catalog.push(&entry);
            ids.push(asset_id);
            events.push(MultiAssetEvent::AssetEntryAdded {
                asset_id,
                uri: entry.uri,
                content_hash: entry.content_hash,
                added_by: caller,
            });
        }
        Ok((ids, events))
    }

    /// Proposes `asset_id` to `token_id`, to take `replaces`'s place when accepted. Caller: the
    /// issuer or a live proposer; if the caller owns the token, the asset is accepted at once.
    /// The token need not exist: a proposal is inert until its owner accepts it.
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
    /// - [`MultiAssetError::TooManyPendingAssets`]: at the pending cap (lapsed proposals do not
    ///   count).
    /// - [`MultiAssetError::ReplacedAssetNotActive`]: if `replaces` is not active on the token.
    /// - [`MultiAssetError::TokenBurnt`]: if the token was burnt.
    /// - [`MultiAssetError::TooManyActiveAssets`], [`MultiAssetError::PrioritiesExhausted`]: if
    ///   the owner proposes and the asset cannot be appended.
    /// - [`MultiAssetError::TokenFollowsCollection`]: if the owner proposes to a token that
    ///   follows the collection.
    ///
    /// # Events
    /// [`LapsedProposalsDropped`](crate::LapsedProposalsDropped) if leftovers made room first;
    /// [`AssetProposed`](crate::AssetProposed); when the caller owns the token also
    /// [`AssetAccepted`](crate::AssetAccepted), and [`MetadataUpdate`](crate::MetadataUpdate) if
    /// its top asset changed.
    pub fn propose_asset(
        &mut self,
        authority: &impl Authority,
        caller: AccountId,
        token_id: Id,
        asset_id: AssetId,
        replaces: Option<AssetId>,
    ) -> Outcome {
        ensure_token_id(&token_id)?;
        let seen = authority.token_authority(&token_id, caller)?;
        ensure_may_propose(authority, seen.issuer, caller)?;
        self.catalog.ensure_entry(asset_id)?;
        // A token without an owner may be one not minted yet (ERC-5773 allows proposing to it)
        // or a burnt one, which can never take an asset, whatever its cell still holds.
        if seen.burnt {
            return Err(MultiAssetError::TokenBurnt { token_id });
        }
        let mut cell = self.token(&token_id);
        let mut dropped = Vec::new();
        if leftovers_may_block(&cell, asset_id) {
            let proposers: Vec<AccountId> = cell.pending.iter().map(|p| p.proposer).collect();
            dropped = drop_pending_of(&mut cell, &lapsed(authority, seen.issuer, &proposers)?);
        }
        cell.ensure_new(&token_id, asset_id)?;
        let proposal = PendingAsset {
            asset_id,
            replaces,
            proposer: caller,
        };
        if replaces.is_some() && cell.replacement_target(&proposal).is_none() {
            return Err(MultiAssetError::ReplacedAssetNotActive { token_id });
        }
        // An owner's own proposal is accepted at once, so only the active rules apply to it.
        let target = if seen.owner == Some(caller) {
            cell.ensure_not_following(&token_id)?;
            Some(cell.ensure_acceptable(&token_id, &proposal)?)
        } else {
            cell.ensure_pending_room(&token_id)?;
            None
        };

        let mut events = lapsed_events(Some(&token_id), dropped);
        events.push(MultiAssetEvent::AssetProposed {
            token_id: token_id.clone(),
            asset_id,
            replaces,
            proposer: caller,
        });
        match target {
            Some(target) => {
                let top = cell.top();
                let replaced = cell.activate(asset_id, target);
                let decided = Vec::from([(asset_id, replaced)]);
                events.extend(decision_events(
                    &token_id,
                    decided,
                    (Decision::Accept, Report::PerAsset),
                    top,
                    &cell,
                ));
            }
            None => cell.pending.push(proposal),
        }
        self.store(&token_id, &cell);
        Ok(events)
    }

    /// Proposes `asset_id` to every token of `token_ids` (at most [`MAX_BATCH_TOKENS`]), to take
    /// `replaces`'s place on each when accepted, all or nothing; the error names the first token
    /// that stopped it. Caller: the issuer or a live proposer. The same rules as `propose_asset`
    /// hold for each token, but nothing is accepted at once, even on tokens the caller owns: that
    /// would cost a call to the collection per token. One `AssetProposedToMany` event reports
    /// the whole batch.
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
    /// [`LapsedProposalsDropped`](crate::LapsedProposalsDropped) per token whose leftovers made
    /// room; [`AssetProposedToMany`](crate::AssetProposedToMany): one for the whole batch.
    pub fn propose_asset_to_many(
        &mut self,
        authority: &impl Authority,
        caller: AccountId,
        token_ids: Vec<Id>,
        asset_id: AssetId,
        replaces: Option<AssetId>,
    ) -> Outcome {
        let issuer = authority.issuer()?;
        ensure_may_propose(authority, issuer, caller)?;
        ensure_list_size(token_ids.len(), MAX_BATCH_TOKENS)?;
        token_ids.iter().try_for_each(ensure_token_id)?;
        if scale::Encode::encoded_size(&token_ids) > MAX_BATCH_ID_BYTES {
            return Err(MultiAssetError::TokenIdsTooLong {
                max_bytes: MAX_BATCH_ID_BYTES as u32,
            });
        }
        self.catalog.ensure_entry(asset_id)?;
        // At 240 tokens the pairwise comparisons cost 1.6e9 ref_time (0.3 % of a block).
        ensure_distinct_tokens(&token_ids)?;
        let proposal = PendingAsset {
            asset_id,
            replaces,
            proposer: caller,
        };
        let mut cells = self.held_cells(&token_ids)?;
        // Each proposer once: the cells may hold thousands of proposals of a few keys.
        let mut proposers: Vec<AccountId> = Vec::new();
        for cell in cells
            .iter()
            .filter(|cell| leftovers_may_block(cell, asset_id))
        {
            for proposal in &cell.pending {
                if !proposers.contains(&proposal.proposer) {
                    proposers.push(proposal.proposer);
                }
            }
        }
        // One question to the registry for every token whose leftovers may be in the way.
        let lapsed = lapsed(authority, issuer, &proposers)?;
        let mut events = Vec::new();
        for (token_id, cell) in token_ids.iter().zip(cells.iter_mut()) {
            if leftovers_may_block(cell, asset_id) {
                let dropped = drop_pending_of(cell, &lapsed);
                events.extend(lapsed_events(Some(token_id), dropped));
            }
            cell.ensure_proposable(token_id, asset_id)?;
            if replaces.is_some() && cell.replacement_target(&proposal).is_none() {
                return Err(MultiAssetError::ReplacedAssetNotActive {
                    token_id: token_id.clone(),
                });
            }
        }

        for (token_id, mut cell) in token_ids.iter().zip(cells) {
            // Grow by exactly one: the default doubling would copy the list into twice its size,
            // and the contract's allocator never frees the old one.
            cell.pending.reserve_exact(1);
            cell.pending.push(proposal);
            self.store(token_id, &cell);
        }
        events.push(MultiAssetEvent::AssetProposedToMany {
            token_ids,
            asset_id,
            replaces,
            proposer: caller,
        });
        Ok(events)
    }

    /// Proposes each `(asset, replaces)` of `proposals` (at most
    /// [`MAX_COLLECTION_PROPOSALS_PER_CALL`]) to every token of the collection, all or nothing,
    /// writing one cell and nothing per token. Caller: the issuer or a live proposer.
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
    /// - [`MultiAssetError::TooManyCollectionProposals`]: if too many would be open (lapsed
    ///   proposals do not count).
    /// - [`MultiAssetError::CollectionProposalsExhausted`]: if the sequence numbers ran out.
    ///
    /// # Events
    /// [`LapsedProposalsDropped`](crate::LapsedProposalsDropped) if leftovers made room first;
    /// [`AssetsProposedToCollection`](crate::AssetsProposedToCollection), then
    /// [`BatchMetadataUpdate`](crate::BatchMetadataUpdate) (followers show them).
    pub fn propose_to_collection(
        &mut self,
        authority: &impl Authority,
        caller: AccountId,
        proposals: Vec<(AssetId, Option<AssetId>)>,
    ) -> Outcome {
        let issuer = authority.issuer()?;
        ensure_may_propose(authority, issuer, caller)?;
        ensure_list_size(proposals.len(), MAX_COLLECTION_PROPOSALS_PER_CALL)?;
        let mut cell = self.collection_proposals_cell();
        let mut dropped = Vec::new();
        let full = cell.open.len() + proposals.len() > MAX_OPEN_COLLECTION_PROPOSALS;
        if full || proposals.iter().any(|(a, _)| cell.position(*a).is_some()) {
            let proposers: Vec<AccountId> = cell.open.iter().map(|p| p.proposer).collect();
            let lapsed = lapsed(authority, issuer, &proposers)?;
            cell.open.retain(|p| {
                let keep = !lapsed.contains(&p.proposer);
                if !keep {
                    dropped.push(p.asset_id);
                }
                keep
            });
        }
        for (index, &(asset_id, replaces)) in proposals.iter().enumerate() {
            self.catalog.ensure_entry(asset_id)?;
            if let Some(replaced) = replaces {
                self.catalog.ensure_entry(replaced)?;
                if replaced == asset_id {
                    return Err(MultiAssetError::AssetReplacesItself { asset_id });
                }
            }
            if proposals[..index].iter().any(|(a, _)| *a == asset_id) {
                return Err(MultiAssetError::DuplicateAsset { asset_id });
            }
            if cell.position(asset_id).is_some() {
                return Err(MultiAssetError::AssetAlreadyProposedToCollection { asset_id });
            }
        }
        if cell.open.len() + proposals.len() > MAX_OPEN_COLLECTION_PROPOSALS {
            return Err(MultiAssetError::TooManyCollectionProposals {
                max: MAX_OPEN_COLLECTION_PROPOSALS as u32,
            });
        }
        let next_seq = cell
            .next_seq
            .checked_add(proposals.len() as u32)
            .ok_or(MultiAssetError::CollectionProposalsExhausted)?;

        for (seq, &(asset_id, replaces)) in (cell.next_seq..).zip(&proposals) {
            cell.open.push(CollectionProposal {
                seq,
                asset_id,
                replaces,
                proposer: caller,
            });
        }
        cell.next_seq = next_seq;
        self.store_collection_proposals(&cell);
        let asset_ids = proposals.iter().map(|(asset_id, _)| *asset_id).collect();
        let mut events = lapsed_events(None, dropped);
        events.push(MultiAssetEvent::AssetsProposedToCollection {
            proposals,
            proposer: caller,
        });
        events.push(MultiAssetEvent::BatchMetadataUpdate { asset_ids });
        Ok(events)
    }

    /// Withdraws the open collection-wide proposals of `asset_ids` (at most
    /// [`MAX_OPEN_COLLECTION_PROPOSALS`]: all of them in one call), all or nothing: no token sees
    /// them pending any more, following tokens show again what they replaced, tokens whose owner
    /// accepted one keep it. Caller: the issuer, or the account that made every one of them.
    ///
    /// # Errors
    /// - [`MultiAssetError::EmptyBatch`], [`MultiAssetError::BatchTooLarge`]: if no asset or too
    ///   many are named.
    /// - [`MultiAssetError::DuplicateAsset`]: if an asset is named twice.
    /// - [`MultiAssetError::AssetNotProposedToCollection`]: naming the first asset that is not
    ///   an open collection-wide proposal.
    /// - [`MultiAssetError::NotIssuerOrItsProposer`]: naming the first proposal the caller
    ///   neither made nor may withdraw as the issuer.
    /// - [`MultiAssetError::CollectionCallFailed`]: if the collection does not answer.
    ///
    /// # Events
    /// [`CollectionProposalWithdrawn`](crate::CollectionProposalWithdrawn) per proposal, then
    /// one [`BatchMetadataUpdate`](crate::BatchMetadataUpdate).
    pub fn withdraw_from_collection(
        &mut self,
        authority: &impl Authority,
        caller: AccountId,
        asset_ids: Vec<AssetId>,
    ) -> Outcome {
        ensure_list_size(asset_ids.len(), MAX_OPEN_COLLECTION_PROPOSALS)?;
        if let Some(i) = first_repeated(&asset_ids) {
            return Err(MultiAssetError::DuplicateAsset {
                asset_id: asset_ids[i],
            });
        }
        let mut cell = self.collection_proposals_cell();
        // The collection is asked once, and only if a proposal is not the caller's own.
        let mut issuer = None;
        for &asset_id in &asset_ids {
            let position = cell
                .position(asset_id)
                .ok_or(MultiAssetError::AssetNotProposedToCollection { asset_id })?;
            if cell.open[position].proposer == caller {
                continue;
            }
            if issuer.is_none() {
                issuer = Some(authority.issuer()?);
            }
            if issuer != Some(Some(caller)) {
                return Err(MultiAssetError::NotIssuerOrItsProposer { asset_id });
            }
        }

        // `retain`, not `swap_remove`: following tokens apply the open proposals in order.
        cell.open.retain(|p| !asset_ids.contains(&p.asset_id));
        self.store_collection_proposals(&cell);
        let mut events: Vec<MultiAssetEvent> = asset_ids
            .iter()
            .map(|&asset_id| MultiAssetEvent::CollectionProposalWithdrawn {
                asset_id,
                withdrawn_by: caller,
            })
            .collect();
        events.push(MultiAssetEvent::BatchMetadataUpdate { asset_ids });
        Ok(events)
    }
}

/// Whether proposing `asset_id` to the token whose cell is `cell` may be refused for what lapsed
/// proposals hold: the asset is pending there already, or the pending list is full.
fn leftovers_may_block(cell: &TokenAssets, asset_id: AssetId) -> bool {
    cell.pending_position(asset_id).is_some() || cell.pending.len() >= MAX_PENDING as usize
}

/// Drops from `cell` the pending proposals of the `lapsed` accounts; returns their assets.
fn drop_pending_of(cell: &mut TokenAssets, lapsed: &[AccountId]) -> Vec<AssetId> {
    let mut dropped = Vec::new();
    cell.pending.retain(|p| {
        let keep = !lapsed.contains(&p.proposer);
        if !keep {
            dropped.push(p.asset_id);
        }
        keep
    });
    dropped
}

/// The event of `dropped` lapsed proposals (on `token_id`, or collection-wide), if any.
fn lapsed_events(token_id: Option<&Id>, dropped: Vec<AssetId>) -> Vec<MultiAssetEvent> {
    if dropped.is_empty() {
        return Vec::new();
    }
    Vec::from([MultiAssetEvent::LapsedProposalsDropped {
        token_id: token_id.cloned(),
        asset_ids: dropped,
    }])
}
