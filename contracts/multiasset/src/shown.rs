//! **What a token shows**: its own cell ([`TokenAssets`]) folded with the open collection-wide
//! proposals ([`CollectionProposal`]). This module is the one definition that every query, every
//! decision and every follow change goes through, so what a wallet reads, what an owner may
//! decide and what an event reports can never disagree. "Shown" is its one name: the
//! [`OpenProposals::shown`] fold, [`MultiAssetData::shown`](crate::data::MultiAssetData) for a
//! query of one token, `shown_each` for many.
//!
//! - A token that does not follow the collection shows its cell, with each open proposal it
//!   [`awaits`] appended to its pending list.
//! - A following token shows its cell's active assets with every open proposal of a **live**
//!   proposer (the issuer, or a proposer the registry still grants) applied in order, exactly as
//!   an accept would apply it: a replacement takes the replaced asset's position and priority,
//!   anything else is appended with the next priority; one whose asset is already active, or
//!   that does not fit ([`MAX_ACTIVE`](crate::limits::MAX_ACTIVE), priorities), is skipped. Its
//!   own pending proposals whose asset became active drop out of the pending list, and its
//!   decisions are the proposals applied (what stopping to follow records).

use crate::{
    collection_wide::CollectionProposal,
    errors::MultiAssetError,
    rules::{lapsed, Authority},
    token::TokenAssets,
};
use ink::prelude::vec::Vec;
use multiasset_traits::AccountId;

/// The open collection-wide proposals as one message sees them: all of them (what a token that
/// does not follow shows pending, and what decisions are recorded against) and, worked out on
/// first need, the ones of live proposers (what a following token shows active).
pub(crate) struct OpenProposals<'a, A: Authority> {
    authority: &'a A,
    issuer: Option<AccountId>,
    pub(crate) all: Vec<CollectionProposal>,
    live: Option<Vec<CollectionProposal>>,
}

impl<'a, A: Authority> OpenProposals<'a, A> {
    /// The open proposals `all`, for a message that knows the collection's `issuer`.
    pub(crate) fn new(
        authority: &'a A,
        issuer: Option<AccountId>,
        all: Vec<CollectionProposal>,
    ) -> Self {
        OpenProposals {
            authority,
            issuer,
            all,
            live: None,
        }
    }

    /// What a token whose cell is `cell` shows (see the [module](self)).
    pub(crate) fn shown(&mut self, cell: TokenAssets) -> Result<TokenAssets, MultiAssetError> {
        if !cell.follows {
            return Ok(fold(cell, &self.all));
        }
        Ok(fold(cell, self.live()?))
    }

    /// The open proposals whose proposer is still the issuer (as the collection answered) or a
    /// live proposer, so that a revoked key's proposals leave every follower at once. The
    /// registry is asked once per message, about every proposer that is not the issuer.
    pub(crate) fn live(&mut self) -> Result<&[CollectionProposal], MultiAssetError> {
        if self.live.is_none() {
            let proposers: Vec<AccountId> = self.all.iter().map(|p| p.proposer).collect();
            let lapsed = lapsed(self.authority, self.issuer, &proposers)?;
            let mut live = self.all.clone();
            live.retain(|proposal| !lapsed.contains(&proposal.proposer));
            self.live = Some(live);
        }
        Ok(self.live.as_deref().unwrap_or_default())
    }
}

/// Whether open collection-wide `proposal` is pending on a token whose cell is `cell` (a token
/// that does not follow): not decided by its owner, and its asset neither pending nor active
/// there.
pub(crate) fn awaits(cell: &TokenAssets, proposal: &CollectionProposal) -> bool {
    !cell.decided.contains(&proposal.seq)
        && cell.pending_position(proposal.asset_id).is_none()
        && cell.active_position(proposal.asset_id).is_none()
}

/// Drops from `cell` the decisions on collection-wide proposals that are no longer `open`.
pub(crate) fn forget_closed(cell: &mut TokenAssets, open: &[CollectionProposal]) {
    cell.decided
        .retain(|seq| open.iter().any(|proposal| proposal.seq == *seq));
}

/// `cell` with `open` folded in, as the [module](self) says.
fn fold(mut cell: TokenAssets, open: &[CollectionProposal]) -> TokenAssets {
    if cell.follows {
        // A following token's decisions are the proposals applied, as if accepted.
        cell.decided.clear();
        for proposal in open {
            if cell.active_position(proposal.asset_id).is_some() {
                continue;
            }
            if let Ok(target) = cell.placement(&proposal.as_pending()) {
                cell.activate(proposal.asset_id, target);
                cell.decided.push(proposal.seq);
            }
        }
        let active = &cell.active;
        cell.pending
            .retain(|p| !active.iter().any(|a| a.asset_id == p.asset_id));
    } else {
        for proposal in open {
            if awaits(&cell, proposal) {
                cell.pending.push(proposal.as_pending());
            }
        }
    }
    cell
}
