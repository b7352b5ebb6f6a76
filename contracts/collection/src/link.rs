//! The link to the multi-asset contract, set once: what wallets are shown can only come from the
//! one multi-asset contract that was linked before any token existed, and that answered as this
//! collection's own. Every change of the issuer is told to it in the same transaction (the issuer
//! decides which grants count, so what following tokens show may change), and it announces that
//! to wallets (ERC-4906).

use crate::errors::CollectionError;
use ink::primitives::AccountId;

/// Returns `Ok` if the collection may link a multi-asset contract now: none is linked yet
/// (`linked`) and no token was ever minted (`minted`).
pub fn ensure_linkable(linked: Option<AccountId>, minted: u64) -> Result<(), CollectionError> {
    if linked.is_some() {
        return Err(CollectionError::MultiassetAlreadySet);
    }
    if minted > 0 {
        return Err(CollectionError::TokensAlreadyMinted);
    }
    Ok(())
}

/// Tells the multi-asset contract `multiasset` that what following tokens show may have changed
/// (one cross-contract call). It accepts only its own collection as the caller, so linking
/// through this call also proves that the contract is this collection's.
///
/// Returns [`CollectionError::NotThisCollectionsMultiasset`] if it refuses or does not answer.
#[cfg(not(test))]
pub fn announce(multiasset: AccountId) -> Result<(), CollectionError> {
    use ink::codegen::TraitCallBuilder;
    use multiasset_traits::{answer_or, FollowersChanged};
    /// The environment `ink::contract_ref!` builds the call for.
    type Environment = ink::env::DefaultEnvironment;
    let mut assets: ink::contract_ref!(FollowersChanged) = multiasset.into();
    let call = assets
        .call_mut()
        .announce_followers_changed(None)
        .try_invoke();
    answer_or(call, CollectionError::NotThisCollectionsMultiasset)?
        .map_err(|_| CollectionError::NotThisCollectionsMultiasset)
}

/// The off-chain engine cannot call another contract: unit tests say which addresses answer as
/// this collection's multi-asset contract ([`test_peer::answers`]) and read what was told.
#[cfg(test)]
pub fn announce(multiasset: AccountId) -> Result<(), CollectionError> {
    test_peer::announce(multiasset)
}

#[cfg(test)]
pub mod test_peer {
    use crate::errors::CollectionError;
    use ink::primitives::AccountId;
    use std::cell::RefCell;

    thread_local! {
        static ANSWERING: RefCell<Vec<AccountId>> = const { RefCell::new(Vec::new()) };
        static TOLD: RefCell<Vec<AccountId>> = const { RefCell::new(Vec::new()) };
    }

    /// `multiasset` answers as this collection's multi-asset contract from now on.
    pub fn answers(multiasset: AccountId) {
        ANSWERING.with(|a| a.borrow_mut().push(multiasset));
    }

    /// The contracts told so far, in order.
    pub fn told() -> Vec<AccountId> {
        TOLD.with(|t| t.borrow().clone())
    }

    pub(crate) fn announce(multiasset: AccountId) -> Result<(), CollectionError> {
        if !ANSWERING.with(|a| a.borrow().contains(&multiasset)) {
            return Err(CollectionError::NotThisCollectionsMultiasset);
        }
        TOLD.with(|t| t.borrow_mut().push(multiasset));
        Ok(())
    }
}
