//! Approvals the collection keeps beside OpenBrush's: which operators each token has (so that a
//! transfer or burn can end them) and ERC-5773's asset approvals. [`Approvals`] owns both, checks
//! callers and arguments before it writes, and returns the events of each change.

use crate::{errors::CollectionError, limits::ensure_token_id};
use ink::{primitives::AccountId, storage::Mapping};
use openbrush::contracts::psp34::Id;

/// The operators approved for one token, in one storage cell: the transfer operator (PSP34
/// `approve` for the token, ERC-721's `getApproved`) and the asset operator (ERC-5773's
/// `getApprovedForAssets`). A transfer or burn reads this one cell to end both.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, scale::Encode, scale::Decode)]
#[cfg_attr(
    feature = "std",
    derive(scale_info::TypeInfo, ink::storage::traits::StorageLayout)
)]
pub struct TokenApprovals {
    pub transfer: Option<AccountId>,
    pub assets: Option<AccountId>,
}

/// An asset approval that began or ended: `owner` approved `operator` (`approved`) for the
/// assets of token `id`, or of all its tokens when `id` is `None`, or ended that approval. The
/// contract emits it as `ApprovalForAssets` or `ApprovalForAllForAssets`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssetApproval {
    pub owner: AccountId,
    pub operator: AccountId,
    pub id: Option<Id>,
    pub approved: bool,
}

/// What one call changes of the asset approvals: at most two, the one a new operator replaced
/// (ended) and the one made, in that order. A fixed pair, not a `Vec`: no allocation, less code
/// in a contract whose code every call of the multi-asset contract loads.
pub type AssetApprovals = [Option<AssetApproval>; 2];

/// Every token's operators, and the (owner, operator) pairs approved for all of an owner's
/// tokens' assets.
#[ink::storage_item]
#[derive(Default, Debug)]
pub struct Approvals {
    /// OpenBrush keys approvals by (owner, operator, token) and cannot find a token's operators
    /// otherwise.
    tokens: Mapping<Id, TokenApprovals>,
    /// (owner, operator) pairs: `operator` manages the assets of all of `owner`'s tokens.
    for_all_assets: Mapping<(AccountId, AccountId), ()>,
}

impl Approvals {
    /// Token `id`'s operators (none for an id too long to be a key).
    pub fn of(&self, id: &Id) -> TokenApprovals {
        if ensure_token_id(id).is_err() {
            return TokenApprovals::default();
        }
        self.tokens.get(id).unwrap_or_default()
    }

    /// Writes token `id`'s operators, or frees the cell when there are none.
    pub fn store(&mut self, id: &Id, approvals: &TokenApprovals) {
        if *approvals == TokenApprovals::default() {
            self.tokens.remove(id);
        } else {
            self.tokens.insert(id, approvals);
        }
    }

    /// Records `to` as token `id`'s transfer operator (`approved`), replacing the one before, or
    /// ends its record (one operator per token, as in ERC-721). Returns the operator it replaced,
    /// whose approval the contract then ends in OpenBrush's record, with an event.
    pub fn approve_transfer(
        &mut self,
        id: &Id,
        to: AccountId,
        approved: bool,
    ) -> Option<AccountId> {
        let mut approvals = self.of(id);
        let before = approvals;
        let replaced = match approvals.transfer {
            Some(previous) if previous != to && approved => Some(previous),
            Some(previous) if previous == to && !approved => {
                approvals.transfer = None;
                None
            }
            _ => None,
        };
        if approved {
            approvals.transfer = Some(to);
        }
        if approvals != before {
            self.store(id, &approvals);
        }
        replaced
    }

    /// Ends every approval of `owner`'s token `id`: it is changing hands or being burnt. Returns
    /// its transfer operator, whose approval the contract ends in OpenBrush's record, and the
    /// asset approval that ended.
    pub fn end_all(&mut self, owner: AccountId, id: &Id) -> (Option<AccountId>, AssetApprovals) {
        let Some(approvals) = self.tokens.get(id) else {
            return (None, [None, None]);
        };
        self.tokens.remove(id);
        let ended = approvals.assets.map(|operator| AssetApproval {
            owner,
            operator,
            id: Some(id.clone()),
            approved: false,
        });
        (approvals.transfer, [ended, None])
    }

    /// Whether `owner` approved `operator` for the assets of all its tokens.
    pub fn is_for_all_assets(&self, owner: AccountId, operator: AccountId) -> bool {
        self.for_all_assets.contains((owner, operator))
    }

    /// Whether `account` (not the owner) manages the assets of `owner`'s token `id`.
    pub fn is_asset_operator(&self, owner: AccountId, account: AccountId, id: &Id) -> bool {
        owner != account
            && (self.is_for_all_assets(owner, account) || self.of(id).assets == Some(account))
    }

    /// Approves `operator` for the assets of token `id` (owned by `owner`, `None` if it does
    /// not exist), replacing the one approved before, or ends that approval. Caller: the owner or
    /// an operator it approved for all its tokens' assets. Nothing changed: no event.
    ///
    /// # Errors
    /// - [`CollectionError::TokenNotExists`]: if the token does not exist.
    /// - [`CollectionError::ApprovalToCurrentOwner`]: if `operator` owns the token.
    /// - [`CollectionError::NotOwnerOrApprovedForAll`]: if the caller may not approve.
    ///
    /// # Events
    /// - `ApprovalForAssets`: for the new operator and, with `approved: false`, for the one it
    ///   replaces; none if nothing changed.
    pub fn approve_for_assets(
        &mut self,
        caller: AccountId,
        owner: Option<AccountId>,
        operator: AccountId,
        id: Id,
        approved: bool,
    ) -> Result<AssetApprovals, CollectionError> {
        let owner = owner.ok_or(CollectionError::TokenNotExists)?;
        if operator == owner {
            return Err(CollectionError::ApprovalToCurrentOwner);
        }
        if caller != owner && !self.is_for_all_assets(owner, caller) {
            return Err(CollectionError::NotOwnerOrApprovedForAll);
        }
        let mut approvals = self.of(&id);
        let previous = approvals.assets;
        approvals.assets = match (approved, previous) {
            (true, _) => Some(operator),
            (false, Some(current)) if current == operator => None,
            (false, _) => previous,
        };
        if approvals.assets == previous {
            return Ok([None, None]);
        }
        self.store(&id, &approvals);
        let ended = previous.map(|replaced| AssetApproval {
            owner,
            operator: replaced,
            id: Some(id.clone()),
            approved: false,
        });
        let made = approved.then_some(AssetApproval {
            owner,
            operator,
            id: Some(id),
            approved: true,
        });
        Ok([ended, made])
    }

    /// Approves `operator` for the assets of all of `owner`'s tokens, or ends that approval.
    /// Nothing changed: no event.
    ///
    /// # Errors
    /// - [`CollectionError::ApprovalToCurrentOwner`]: if `operator` is `owner`.
    ///
    /// # Events
    /// - `ApprovalForAllForAssets`: none if nothing changed.
    pub fn set_approval_for_all_for_assets(
        &mut self,
        owner: AccountId,
        operator: AccountId,
        approved: bool,
    ) -> Result<AssetApprovals, CollectionError> {
        if operator == owner {
            return Err(CollectionError::ApprovalToCurrentOwner);
        }
        if self.is_for_all_assets(owner, operator) == approved {
            return Ok([None, None]);
        }
        if approved {
            self.for_all_assets.insert((owner, operator), &());
        } else {
            self.for_all_assets.remove((owner, operator));
        }
        let changed = AssetApproval {
            owner,
            operator,
            id: None,
            approved,
        };
        Ok([Some(changed), None])
    }
}
