//! The approval events of the collection's own code paths: a transfer or burn ends every
//! approval of the token, and asset approvals report what began or ended. Kept apart from the
//! contract file, which holds the messages.

use crate::{
    approvals::{AssetApproval, AssetApprovals},
    collection::{Approval, ApprovalForAllForAssets, ApprovalForAssets, Collection},
};
use ink::{
    codegen::{EmitEvent, Env},
    primitives::AccountId,
};
use openbrush::contracts::psp34::{self, Id};

impl Collection {
    /// Ends every approval of `owner`'s token `id` (its transfer operator's and its asset
    /// operator's), each with an event: the token is changing hands or being burnt.
    pub(crate) fn end_token_approvals(&mut self, owner: AccountId, id: &Id) {
        let (transfer, ended) = self.approvals.end_all(owner, id);
        if let Some(operator) = transfer {
            self.end_transfer_approval(owner, id, operator);
        }
        self.emit_asset_approvals(ended);
    }

    /// Ends `operator`'s transfer approval for `owner`'s token `id` (OpenBrush's record),
    /// with an event.
    pub(crate) fn end_transfer_approval(&mut self, owner: AccountId, id: &Id, operator: AccountId) {
        psp34::BalancesManager::_remove_operator_approvals(self, &owner, &operator, &Some(id));
        self.env().emit_event(Approval {
            from: owner,
            to: operator,
            id: Some(id.clone()),
            approved: false,
        });
    }

    /// Emits each asset approval that began or ended as its event.
    pub(crate) fn emit_asset_approvals(&self, events: AssetApprovals) {
        for AssetApproval {
            owner,
            operator,
            id,
            approved,
        } in events.into_iter().flatten()
        {
            match id {
                Some(id) => self.env().emit_event(ApprovalForAssets {
                    owner,
                    operator,
                    id,
                    approved,
                }),
                None => self.env().emit_event(ApprovalForAllForAssets {
                    owner,
                    operator,
                    approved,
                }),
            }
        }
    }
}
