//! Collection-wide proposals: one call proposes up to
//! [`MAX_COLLECTION_PROPOSALS_PER_CALL`] assets (each optionally replacing an asset) to every
//! token of the collection, minted or not yet, and writes nothing per token.
//!
//! The open proposals live in **one storage cell** (at most [`MAX_OPEN_COLLECTION_PROPOSALS`]),
//! numbered by a sequence number that is never reused, so a proposal withdrawn and made again is
//! a new one. A token sees each open proposal through [`TokenAssets::shown`]: pending until its
//! owner decides it (the decision is recorded in the token's own cell by sequence number), or
//! active at once while the token follows the collection. Deciding reads the token's cell and
//! this cell and writes the token's cell: the same number of storage accesses whatever the
//! number of tokens or of open proposals.
//!
//! [`TokenAssets::shown`]: crate::token::TokenAssets::shown

use crate::{
    data::{ensure_list_size, ensure_may_propose, Authority, MultiAssetData, Outcome},
    errors::MultiAssetError,
    events::MultiAssetEvent,
    limits::{MAX_COLLECTION_PROPOSALS_PER_CALL, MAX_OPEN_COLLECTION_PROPOSALS},
    token::{PendingAsset, TokenAssets},
};
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

/// The open collection-wide proposals as one message sees them: all of them (what a token that
/// does not follow shows pending, and what decisions are recorded against) and, worked out on
/// first need, the ones a following token takes.
pub(crate) struct Open<'a, A: Authority> {
    authority: &'a A,
    issuer: Option<AccountId>,
    pub(crate) all: Vec<CollectionProposal>,
    followed: Option<Vec<CollectionProposal>>,
}

impl<A: Authority> Open<'_, A> {
    /// What `assets` shows ([`TokenAssets::shown`]). A following token takes only the proposals
    /// an accept would take: those whose proposer is still the issuer (`issuer`, as the
    /// collection answered) or a live proposer, so a revoked key's proposals leave every
    /// follower at once. The registry is asked once per distinct proposer that is not the
    /// issuer, once per message.
    pub(crate) fn view(&mut self, assets: TokenAssets) -> Result<TokenAssets, MultiAssetError> {
        if !assets.follows {
            return Ok(assets.shown(&self.all));
        }
        Ok(assets.shown(self.followed()?))
    }

    /// The open proposals a following token takes (see [`Open::view`]), worked out once.
    pub(crate) fn followed(&mut self) -> Result<&[CollectionProposal], MultiAssetError> {
        if self.followed.is_none() {
            let mut live: Vec<AccountId> = Vec::new();
            let mut revoked: Vec<AccountId> = Vec::new();
            let mut followed = Vec::with_capacity(self.all.len());
            for proposal in &self.all {
                let proposer = proposal.proposer;
                if !live.contains(&proposer) && !revoked.contains(&proposer) {
                    match ensure_may_propose(self.authority, self.issuer, proposer) {
                        Ok(()) => live.push(proposer),
                        Err(MultiAssetError::NotIssuerOrProposer) => revoked.push(proposer),
                        Err(other) => return Err(other),
                    }
                }
                if live.contains(&proposer) {
                    followed.push(*proposal);
                }
            }
            self.followed = Some(followed);
        }
        Ok(self.followed.as_deref().unwrap_or_default())
    }
}

impl MultiAssetData {
    /// The open collection-wide proposals, for a message that knows the collection's `issuer`.
    pub(crate) fn open<'a, A: Authority>(
        &self,
        authority: &'a A,
        issuer: Option<AccountId>,
    ) -> Open<'a, A> {
        Open {
            authority,
            issuer,
            all: self.collection_proposals_cell().open,
            followed: None,
        }
    }

    /// Proposes each `(asset, replaces)` of `proposals` to every token of the collection, all or
    /// nothing. Caller: the issuer or a live proposer.
    pub fn propose_to_collection(
        &mut self,
        authority: &impl Authority,
        caller: AccountId,
        proposals: Vec<(AssetId, Option<AssetId>)>,
    ) -> Outcome {
        ensure_may_propose(authority, authority.issuer()?, caller)?;
        ensure_list_size(proposals.len(), MAX_COLLECTION_PROPOSALS_PER_CALL)?;
        let mut cell = self.collection_proposals_cell();
        for (index, &(asset_id, replaces)) in proposals.iter().enumerate() {
            self.ensure_entry(asset_id)?;
            if let Some(replaced) = replaces {
                self.ensure_entry(replaced)?;
                if replaced == asset_id {
                    return Err(MultiAssetError::AssetReplacesItself { asset_id });
                }
            }
            if proposals[..index].iter().any(|(a, _)| *a == asset_id) {
                return Err(MultiAssetError::DuplicateAsset { asset_id });
            }
            if cell.open.iter().any(|p| p.asset_id == asset_id) {
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
        self.collection_wide.set(&cell);
        let asset_ids = proposals.iter().map(|(asset_id, _)| *asset_id).collect();
        Ok(Vec::from([
            MultiAssetEvent::AssetsProposedToCollection {
                proposals,
                proposer: caller,
            },
            MultiAssetEvent::BatchMetadataUpdate { asset_ids },
        ]))
    }

    /// Withdraws the open collection-wide proposal of `asset_id`: no token sees it pending any
    /// more, following tokens show again what it replaced, tokens whose owner accepted it keep
    /// it. Caller: the issuer, or the account that proposed it.
    pub fn withdraw_from_collection(
        &mut self,
        authority: &impl Authority,
        caller: AccountId,
        asset_id: AssetId,
    ) -> Outcome {
        let mut cell = self.collection_proposals_cell();
        let position = cell
            .open
            .iter()
            .position(|p| p.asset_id == asset_id)
            .ok_or(MultiAssetError::AssetNotProposedToCollection { asset_id })?;
        if cell.open[position].proposer != caller && authority.issuer()? != Some(caller) {
            return Err(MultiAssetError::NotIssuerOrItsProposer { asset_id });
        }

        // `remove`, not `swap_remove`: following tokens apply the open proposals in order.
        cell.open.remove(position);
        self.collection_wide.set(&cell);
        Ok(Vec::from([
            MultiAssetEvent::CollectionProposalWithdrawn {
                asset_id,
                withdrawn_by: caller,
            },
            MultiAssetEvent::BatchMetadataUpdate {
                asset_ids: Vec::from([asset_id]),
            },
        ]))
    }

    /// The open collection-wide proposals, in sequence order.
    pub fn collection_proposals(&self) -> Vec<CollectionProposal> {
        self.collection_proposals_cell().open
    }

    /// The cell of collection-wide proposals (empty before the first): one storage read.
    pub(crate) fn collection_proposals_cell(&self) -> CollectionProposals {
        self.collection_wide.get().unwrap_or_default()
    }
}
