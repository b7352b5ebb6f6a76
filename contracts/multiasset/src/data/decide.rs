//! The owner's decisions on a token: accept and reject (one asset, or a set), reject-all and
//! priorities. Caller: the token's owner or an asset operator it approved.
//!
//! Every accept and reject is two steps: [`find_proposal`] (which pending proposal of the asset
//! the token shows: its own, or an open collection-wide one) and [`apply`] (what the decision
//! does to the token's cell), with the rules checked between them. [`decision_events`] is the
//! one place that builds a decision's events, an owner's own proposal accepted at once included.

use super::MultiAssetData;
use crate::{
    collection_wide::CollectionProposal,
    errors::MultiAssetError,
    events::MultiAssetEvent,
    rules::{
        ensure_asset_list, ensure_owner_or_approved, ensure_proposers_live, first_repeated,
        Authority, Outcome,
    },
    shown::{awaits, forget_closed},
    token::{ActiveAsset, PendingAsset, TokenAssets},
};
use ink::prelude::vec::Vec;
use multiasset_traits::{AccountId, AssetId, Id};

/// What a decision does to each asset it names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Decision {
    Accept,
    Reject,
}

/// How a decision is reported: one event per asset (`accept_asset`, `reject_asset`) or one for
/// the whole set (`accept_assets`, `reject_assets`, as `AssetProposedToMany` is for a batch: an
/// event costs about as much ref_time as a storage write).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Report {
    PerAsset,
    Set,
}

/// The pending proposal of an asset that a token shows, as [`find_proposal`] found it.
#[derive(Clone, Copy)]
pub(crate) struct Found {
    /// The proposal as the token shows it.
    proposal: PendingAsset,
    /// Its position in the token's own pending list, if it is the token's own.
    own: Option<usize>,
    /// The open collection-wide proposal of the same asset, if any: deciding the asset decides
    /// it too, so that it is not shown pending again.
    collection_wide: Option<CollectionProposal>,
}

/// The pending proposal of `asset_id` that a token whose cell is `cell` shows: its own, or an
/// open collection-wide one it awaits. `shown_active` is what a following token shows active
/// (empty for one that does not follow): it does not show its own proposal of an asset the
/// collection already shows active, nor any collection-wide proposal pending.
pub(crate) fn find_proposal(
    cell: &TokenAssets,
    open: &[CollectionProposal],
    shown_active: &[ActiveAsset],
    asset_id: AssetId,
) -> Option<Found> {
    let collection_wide = open.iter().find(|p| p.asset_id == asset_id).copied();
    match cell.pending_position(asset_id) {
        Some(_) if shown_active.iter().any(|a| a.asset_id == asset_id) => None,
        Some(position) => Some(Found {
            proposal: cell.pending[position],
            own: Some(position),
            collection_wide,
        }),
        None => collection_wide
            .filter(|p| !cell.follows && awaits(cell, p))
            .map(|p| Found {
                proposal: p.as_pending(),
                own: None,
                collection_wide,
            }),
    }
}

impl MultiAssetData {
    /// Accepts pending `asset_id` on `token_id`, a token-level or an open collection-wide
    /// proposal. If it replaces an asset that is still active, it takes that asset's position
    /// and priority and the old asset leaves the token; otherwise it is appended with the next
    /// priority.
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
    /// [`AssetAccepted`](crate::AssetAccepted); [`MetadataUpdate`](crate::MetadataUpdate) if the
    /// token's top asset changed.
    pub fn accept_asset(
        &mut self,
        authority: &impl Authority,
        caller: AccountId,
        token_id: Id,
        asset_id: AssetId,
    ) -> Outcome {
        let how = (Decision::Accept, Report::PerAsset);
        self.decide(authority, caller, token_id, Vec::from([asset_id]), how)
    }

    /// Rejects pending `asset_id` on `token_id`; it may be proposed again later.
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
    /// [`AssetRejected`](crate::AssetRejected).
    pub fn reject_asset(
        &mut self,
        authority: &impl Authority,
        caller: AccountId,
        token_id: Id,
        asset_id: AssetId,
    ) -> Outcome {
        let how = (Decision::Reject, Report::PerAsset);
        self.decide(authority, caller, token_id, Vec::from([asset_id]), how)
    }

    /// Accepts each of `asset_ids` (at most
    /// [`MAX_DECISIONS_PER_CALL`](crate::limits::MAX_DECISIONS_PER_CALL)) on `token_id` in order,
    /// all or nothing, as `accept_asset` would one after the other: a whole mirror set in one call,
    /// reported by one `AssetsAccepted` event.
    ///
    /// # Errors
    /// As [`accept_asset`](Self::accept_asset), and [`MultiAssetError::EmptyBatch`],
    /// [`MultiAssetError::BatchTooLarge`] (no asset, or more than
    /// [`MAX_DECISIONS_PER_CALL`](crate::limits::MAX_DECISIONS_PER_CALL)) and
    /// [`MultiAssetError::DuplicateAsset`] (an asset named twice).
    ///
    /// # Events
    /// [`AssetsAccepted`](crate::AssetsAccepted): one for the set;
    /// [`MetadataUpdate`](crate::MetadataUpdate) if the top asset changed.
    pub fn accept_assets(
        &mut self,
        authority: &impl Authority,
        caller: AccountId,
        token_id: Id,
        asset_ids: Vec<AssetId>,
    ) -> Outcome {
        let how = (Decision::Accept, Report::Set);
        self.decide(authority, caller, token_id, asset_ids, how)
    }

    /// Rejects each of `asset_ids` (at most
    /// [`MAX_DECISIONS_PER_CALL`](crate::limits::MAX_DECISIONS_PER_CALL)) on `token_id`, all or
    /// nothing, reported by one `AssetsRejected` event.
    ///
    /// # Errors
    /// As [`reject_asset`](Self::reject_asset), and [`MultiAssetError::EmptyBatch`],
    /// [`MultiAssetError::BatchTooLarge`] and [`MultiAssetError::DuplicateAsset`], as for
    /// [`accept_assets`](Self::accept_assets).
    ///
    /// # Events
    /// [`AssetsRejected`](crate::AssetsRejected): one for the set.
    pub fn reject_assets(
        &mut self,
        authority: &impl Authority,
        caller: AccountId,
        token_id: Id,
        asset_ids: Vec<AssetId>,
    ) -> Outcome {
        let how = (Decision::Reject, Report::Set);
        self.decide(authority, caller, token_id, asset_ids, how)
    }

    /// Every accept and reject: one question to the collection, one read of the token's cell
    /// and one of the collection-wide proposals, one question to the registry per distinct
    /// proposer that is not the issuer, and one write.
    fn decide(
        &mut self,
        authority: &impl Authority,
        caller: AccountId,
        token_id: Id,
        asset_ids: Vec<AssetId>,
        (decision, report): (Decision, Report),
    ) -> Outcome {
        let seen = ensure_owner_or_approved(authority, caller, &token_id)?;
        ensure_asset_list(&asset_ids)?;
        let mut cell = self.token(&token_id);
        let top = cell.top();
        let mut open = self.open_proposals(authority, seen.issuer);
        // What a following token shows active, worked out once: it only rejects (accepting is
        // refused), which leaves that unchanged.
        let shown_active = match cell.follows {
            true => open.shown(cell.clone())?.active,
            false => Vec::new(),
        };
        // The proposers of what is accepted: the registry is asked about all of them at once.
        let mut proposers: Vec<AccountId> = Vec::new();
        // Each asset with the asset it replaced (accepts only).
        let mut decided = Vec::with_capacity(asset_ids.len());
        for &asset_id in &asset_ids {
            let found =
                find_proposal(&cell, &open.all, &shown_active, asset_id).ok_or_else(|| {
                    MultiAssetError::AssetNotPending {
                        token_id: token_id.clone(),
                    }
                })?;
            // Where an accepted asset goes (`None` for a reject): the active rules, then
            // whether its proposer still counts.
            let target = match decision {
                Decision::Accept => {
                    cell.ensure_not_following(&token_id)?;
                    let target = cell.ensure_acceptable(&token_id, &found.proposal)?;
                    proposers.push(found.proposal.proposer);
                    Some(target)
                }
                Decision::Reject => None,
            };
            decided.push((asset_id, apply(&mut cell, found, target)));
        }
        ensure_proposers_live(authority, seen.issuer, &proposers, &token_id)?;
        forget_closed(&mut cell, &open.all);
        let events = decision_events(&token_id, decided, (decision, report), top, &cell);
        self.store(&token_id, &cell);
        Ok(events)
    }

    /// Rejects every pending asset of `token_id` as `pending_assets` shows it, collection-wide
    /// proposals included; fails if more than `max_rejections` are pending (someone proposed
    /// since the owner looked).
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
    /// [`AllAssetsRejected`](crate::AllAssetsRejected): none if nothing was pending.
    pub fn reject_all_assets(
        &mut self,
        authority: &impl Authority,
        caller: AccountId,
        token_id: Id,
        max_rejections: u32,
    ) -> Outcome {
        let seen = ensure_owner_or_approved(authority, caller, &token_id)?;
        let mut cell = self.token(&token_id);
        let mut open = self.open_proposals(authority, seen.issuer);
        let shown = open.shown(cell.clone())?;
        let count = shown.pending.len() as u32;
        if count > max_rejections {
            return Err(MultiAssetError::UnexpectedNumberOfAssets {
                token_id,
                pending: count,
            });
        }

        if count == 0 {
            return Ok(Vec::new());
        }
        // What stays of the token's own list: on a following token, its proposals of assets
        // the collection shows active (not shown pending, so not rejected).
        cell.pending
            .retain(|own| shown.active_position(own.asset_id).is_some());
        if !cell.follows {
            // Every open proposal of an asset that is not active was shown pending, either
            // awaited or behind the token's own proposal of the same asset.
            for proposal in &open.all {
                if cell.active_position(proposal.asset_id).is_none()
                    && !cell.decided.contains(&proposal.seq)
                {
                    cell.decided.push(proposal.seq);
                }
            }
        }
        forget_closed(&mut cell, &open.all);
        self.store(&token_id, &cell);
        Ok(Vec::from([MultiAssetEvent::AllAssetsRejected {
            token_id,
            count,
        }]))
    }

    /// Sets the priorities of `token_id`'s active assets, in the order of `active_assets`
    /// (lower renders first). One value per active asset, no value twice.
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
    /// [`AssetPrioritySet`](crate::AssetPrioritySet); [`MetadataUpdate`](crate::MetadataUpdate) if
    /// the token's top asset changed. None if the priorities are the ones set.
    pub fn set_priority(
        &mut self,
        authority: &impl Authority,
        caller: AccountId,
        token_id: Id,
        priorities: Vec<u64>,
    ) -> Outcome {
        ensure_owner_or_approved(authority, caller, &token_id)?;
        let mut cell = self.token(&token_id);
        cell.ensure_not_following(&token_id)?;
        if priorities.len() != cell.active.len() {
            return Err(MultiAssetError::BadPriorityListLength {
                token_id,
                expected: cell.active.len() as u32,
            });
        }
        // At most MAX_ACTIVE values: a pairwise check costs less code than a sort.
        if first_repeated(&priorities).is_some() {
            return Err(MultiAssetError::DuplicatePriority { token_id });
        }
        // The same values again change nothing (`next_priority` is derived from them too).
        if cell
            .active
            .iter()
            .map(|a| a.priority)
            .eq(priorities.iter().copied())
        {
            return Ok(Vec::new());
        }

        let top = cell.top();
        for (active, &priority) in cell.active.iter_mut().zip(&priorities) {
            active.priority = priority;
        }
        cell.next_priority = priorities
            .iter()
            .max()
            .map_or(0, |max| max.saturating_add(1));
        self.store(&token_id, &cell);
        let mut events = Vec::from([MultiAssetEvent::AssetPrioritySet {
            token_id: token_id.clone(),
            priorities,
        }]);
        push_metadata_update(&mut events, &token_id, top, &cell);
        Ok(events)
    }
}

/// Applies a decision on `found` to `cell`: the proposal leaves the pending list (an open
/// collection-wide one is recorded as decided) and, for an accept, the asset goes to `target`
/// (the replaced asset's position, or `None` to append); returns the asset it replaced. The
/// caller checked the rules ([`TokenAssets::ensure_acceptable`]).
fn apply(cell: &mut TokenAssets, found: Found, target: Option<Option<usize>>) -> Option<AssetId> {
    if let Some(position) = found.own {
        cell.pending.swap_remove(position);
    }
    if let Some(proposal) = found.collection_wide {
        if !cell.follows && !cell.decided.contains(&proposal.seq) {
            cell.decided.push(proposal.seq);
        }
    }
    target.and_then(|target| cell.activate(found.proposal.asset_id, target))
}

/// The events of `decided` (each asset with the asset it replaced) on `token_id`, as the
/// decision and its report say, then ERC-4906's `MetadataUpdate` if the token's top asset is no
/// longer `top_before` (`cell` is the token after the decision).
pub(crate) fn decision_events(
    token_id: &Id,
    decided: Vec<(AssetId, Option<AssetId>)>,
    (decision, report): (Decision, Report),
    top_before: Option<ActiveAsset>,
    cell: &TokenAssets,
) -> Vec<MultiAssetEvent> {
    let id = token_id.clone();
    let mut events = match (decision, report) {
        (Decision::Accept, Report::Set) => Vec::from([MultiAssetEvent::AssetsAccepted {
            token_id: id,
            accepted: decided,
        }]),
        (Decision::Reject, Report::Set) => Vec::from([MultiAssetEvent::AssetsRejected {
            token_id: id,
            asset_ids: decided.into_iter().map(|(asset_id, _)| asset_id).collect(),
        }]),
        (Decision::Accept, Report::PerAsset) => decided
            .into_iter()
            .map(|(asset_id, replaced)| MultiAssetEvent::AssetAccepted {
                token_id: id.clone(),
                asset_id,
                replaced,
            })
            .collect(),
        (Decision::Reject, Report::PerAsset) => decided
            .into_iter()
            .map(|(asset_id, _)| MultiAssetEvent::AssetRejected {
                token_id: id.clone(),
                asset_id,
            })
            .collect(),
    };
    push_metadata_update(&mut events, token_id, top_before, cell);
    events
}

/// Adds ERC-4906's `MetadataUpdate` for `token_id` to `events` if its top asset is no longer
/// `top_before`.
pub(crate) fn push_metadata_update(
    events: &mut Vec<MultiAssetEvent>,
    token_id: &Id,
    top_before: Option<ActiveAsset>,
    cell: &TokenAssets,
) {
    if cell.top() != top_before {
        events.push(MultiAssetEvent::MetadataUpdate {
            token_id: token_id.clone(),
        });
    }
}
