//! Stored: one token's assets, a single storage cell holding its pending proposals and active
//! assets, with the positions, placement rules and guards of that cell. It knows nothing of the
//! collection-wide proposals: what a token *shows* is worked out above it, in [`crate::shown`].
//!
//! The cell is bounded by the caps: at most [`MAX_PENDING`] pending proposals (49 bytes each:
//! asset, replaced asset, proposer) and [`MAX_ACTIVE`] active assets (16 bytes each), about
//! 7.3 KiB. Every message on a token reads this one cell and writes at most this cell (see
//! [`crate::data`] for why). ERC-5773's order is kept exactly: proposals are appended and removed
//! by swap-remove (the last one takes the removed one's place); active assets are appended, or
//! a replacement overwrites the old asset in place.

use crate::{
    errors::MultiAssetError,
    limits::{MAX_ACTIVE, MAX_PENDING},
};
use ink::prelude::vec::Vec;
use multiasset_traits::{AccountId, AssetId, Id};

/// A pending proposal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, scale::Encode, scale::Decode)]
#[cfg_attr(
    feature = "std",
    derive(scale_info::TypeInfo, ink::storage::traits::StorageLayout)
)]
pub struct PendingAsset {
    pub asset_id: AssetId,
    pub replaces: Option<AssetId>,
    /// Who proposed it: accept checks that this account is still the issuer or a live proposer,
    /// so that a revoked key's proposals die with its grant.
    pub proposer: AccountId,
}

/// An accepted asset with its priority (lower renders first).
#[derive(Debug, Clone, Copy, PartialEq, Eq, scale::Encode, scale::Decode)]
#[cfg_attr(
    feature = "std",
    derive(scale_info::TypeInfo, ink::storage::traits::StorageLayout)
)]
pub struct ActiveAsset {
    pub asset_id: AssetId,
    pub priority: u64,
}

/// Everything one token holds: one storage cell, bounded by [`MAX_PENDING`] and [`MAX_ACTIVE`].
#[derive(Debug, Default, Clone, PartialEq, Eq, scale::Encode, scale::Decode)]
#[cfg_attr(
    feature = "std",
    derive(scale_info::TypeInfo, ink::storage::traits::StorageLayout)
)]
pub struct TokenAssets {
    /// Pending proposals in ERC-5773 order: appended, removed by swap-remove.
    pub pending: Vec<PendingAsset>,
    /// Active assets in position order: appended, or overwritten in place by a replacement.
    pub active: Vec<ActiveAsset>,
    /// The priority the next appended active asset gets: the number of active assets until the
    /// owner sets priorities, then one more than the largest priority set.
    pub next_priority: u64,
    /// Whether the token follows the collection: every open collection-wide proposal of a live
    /// proposer is active on it as if accepted, without being written here (see
    /// [`crate::shown`]).
    pub follows: bool,
    /// The sequence numbers of collection-wide proposals the owner decided (accepted or
    /// rejected) on this token, so they are no longer pending on it. Only open proposals are
    /// kept: a decision that reads the open proposals drops the others.
    pub decided: Vec<u32>,
}

impl TokenAssets {
    pub(crate) fn pending_position(&self, asset_id: AssetId) -> Option<usize> {
        self.pending.iter().position(|p| p.asset_id == asset_id)
    }

    pub(crate) fn active_position(&self, asset_id: AssetId) -> Option<usize> {
        self.active.iter().position(|a| a.asset_id == asset_id)
    }

    /// Returns `Ok` if `asset_id` is new to this token (`token_id`): neither pending nor active.
    pub(crate) fn ensure_new(
        &self,
        token_id: &Id,
        asset_id: AssetId,
    ) -> Result<(), MultiAssetError> {
        if self.pending_position(asset_id).is_some() {
            return Err(MultiAssetError::AssetAlreadyPending {
                token_id: token_id.clone(),
            });
        }
        if self.active_position(asset_id).is_some() {
            return Err(MultiAssetError::AssetAlreadyActive {
                token_id: token_id.clone(),
            });
        }
        Ok(())
    }

    /// Returns `Ok` if one more proposal fits under [`MAX_PENDING`].
    pub(crate) fn ensure_pending_room(&self, token_id: &Id) -> Result<(), MultiAssetError> {
        if self.pending.len() >= MAX_PENDING as usize {
            return Err(MultiAssetError::TooManyPendingAssets {
                token_id: token_id.clone(),
            });
        }
        Ok(())
    }

    /// Returns `Ok` if `asset_id` may be left pending on this token: new to it, and room under
    /// [`MAX_PENDING`].
    pub(crate) fn ensure_proposable(
        &self,
        token_id: &Id,
        asset_id: AssetId,
    ) -> Result<(), MultiAssetError> {
        self.ensure_new(token_id, asset_id)?;
        self.ensure_pending_room(token_id)
    }

    /// The position of the active asset `proposal` replaces, if that asset is still active.
    pub(crate) fn replacement_target(&self, proposal: &PendingAsset) -> Option<usize> {
        self.active_position(proposal.replaces?)
    }

    /// Where accepting `proposal` puts it: the replaced asset's position, or `None` to append;
    /// `Err` if appending would pass [`MAX_ACTIVE`] or find no priority above every active one.
    pub(crate) fn placement(&self, proposal: &PendingAsset) -> Result<Option<usize>, NoRoom> {
        let target = self.replacement_target(proposal);
        if target.is_none() {
            if self.active.len() >= MAX_ACTIVE as usize {
                return Err(NoRoom::TooManyActive);
            }
            // `next_priority` saturates at u64::MAX: once an active asset holds it, appending
            // would give two assets the same priority.
            if self.active.iter().any(|a| a.priority == self.next_priority) {
                return Err(NoRoom::PrioritiesExhausted);
            }
        }
        Ok(target)
    }

    /// Returns where accepting `proposal` puts it (the replaced asset's position, or `None` to
    /// append) if that keeps the token under [`MAX_ACTIVE`] and, when appending, a priority above
    /// every active one is left.
    pub(crate) fn ensure_acceptable(
        &self,
        token_id: &Id,
        proposal: &PendingAsset,
    ) -> Result<Option<usize>, MultiAssetError> {
        self.placement(proposal).map_err(|no_room| {
            let token_id = token_id.clone();
            match no_room {
                NoRoom::TooManyActive => MultiAssetError::TooManyActiveAssets { token_id },
                NoRoom::PrioritiesExhausted => MultiAssetError::PrioritiesExhausted { token_id },
            }
        })
    }

    /// Returns `TokenFollowsCollection` if the token follows the collection: its active assets
    /// and their priorities then change only through collection-wide proposals.
    pub(crate) fn ensure_not_following(&self, token_id: &Id) -> Result<(), MultiAssetError> {
        if self.follows {
            return Err(MultiAssetError::TokenFollowsCollection {
                token_id: token_id.clone(),
            });
        }
        Ok(())
    }

    /// The active asset a wallet shows first ([`top_of`] its active list).
    pub(crate) fn top(&self) -> Option<ActiveAsset> {
        top_of(&self.active)
    }

    /// Makes `asset_id` active in `target`'s place (keeping its priority) or appended with the
    /// next priority; returns the asset it replaced. The caller checked `ensure_acceptable`.
    pub(crate) fn activate(&mut self, asset_id: AssetId, target: Option<usize>) -> Option<AssetId> {
        match target.and_then(|position| self.active.get_mut(position)) {
            Some(slot) => {
                let replaced = slot.asset_id;
                slot.asset_id = asset_id;
                Some(replaced)
            }
            None => {
                self.active.push(ActiveAsset {
                    asset_id,
                    priority: self.next_priority,
                });
                self.next_priority = self.next_priority.saturating_add(1);
                None
            }
        }
    }
}

/// The asset of `active` a wallet shows first: the lowest priority, the first in position order
/// among equals.
pub(crate) fn top_of(active: &[ActiveAsset]) -> Option<ActiveAsset> {
    let mut top: Option<ActiveAsset> = None;
    for asset in active {
        if top.is_none_or(|best| asset.priority < best.priority) {
            top = Some(*asset);
        }
    }
    top
}

/// Why an asset cannot be appended to a token's active list.
pub(crate) enum NoRoom {
    TooManyActive,
    PrioritiesExhausted,
}
