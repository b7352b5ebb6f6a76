//! Stored: the collection-wide proposals. One call proposes up to
//! [`MAX_COLLECTION_PROPOSALS_PER_CALL`](crate::limits::MAX_COLLECTION_PROPOSALS_PER_CALL) assets
//! (each optionally replacing an asset) to every token of the collection, minted or not yet, and
//! writes nothing per token.
//!
//! The open proposals live in **one storage cell** ([`CollectionProposals`], at most
//! [`MAX_OPEN_COLLECTION_PROPOSALS`](crate::limits::MAX_OPEN_COLLECTION_PROPOSALS)), numbered by
//! a sequence number that is never reused, so a proposal withdrawn and made again is a new one.
//! How a token sees them (pending until its owner decides, active at once while it follows the
//! collection) is [`crate::shown`]'s; the owner's decisions are recorded in the token's own cell
//! by sequence number. Deciding reads the token's cell and this cell and writes the token's cell:
//! the same number of storage accesses whatever the number of tokens or of open proposals.

use crate::token::PendingAsset;
use ink::prelude::vec::Vec;
use multiasset_traits::{AccountId, AssetId};

/// An open collection-wide proposal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, scale::Encode, scale::Decode)]
#[cfg_attr(
    feature = "std",
    derive(scale_info::TypeInfo, ink::storage::traits::StorageLayout)
)]
pub struct CollectionProposal {
    /// Its number, never reused: what a token records when its owner decides it.
    pub seq: u32,
    pub asset_id: AssetId,
    pub replaces: Option<AssetId>,
    /// Who proposed it: accepting it checks that this account is still the issuer or a live
    /// proposer, as for a token-level proposal.
    pub proposer: AccountId,
}

impl CollectionProposal {
    /// The proposal as a token shows it among its pending ones.
    pub(crate) fn as_pending(&self) -> PendingAsset {
        PendingAsset {
            asset_id: self.asset_id,
            replaces: self.replaces,
            proposer: self.proposer,
        }
    }
}

/// The one storage cell of collection-wide proposals.
#[derive(Debug, Default, Clone, PartialEq, Eq, scale::Encode, scale::Decode)]
#[cfg_attr(
    feature = "std",
    derive(scale_info::TypeInfo, ink::storage::traits::StorageLayout)
)]
pub struct CollectionProposals {
    /// The sequence number of the next proposal.
    pub next_seq: u32,
    /// The open proposals, in sequence order (the order a following token applies them in).
    pub open: Vec<CollectionProposal>,
}

impl CollectionProposals {
    /// The position of the open proposal of `asset_id`.
    pub(crate) fn position(&self, asset_id: AssetId) -> Option<usize> {
        self.open.iter().position(|p| p.asset_id == asset_id)
    }
}
