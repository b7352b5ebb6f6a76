//! The [`Authority`] the contract runs with: the collection and the registry, each asked through
//! one cross-contract call per question (`ink::contract_ref!` on the shared trait definitions),
//! a failed call being a typed error and never a trap.

use crate::{errors::MultiAssetError, rules::Authority};
use ink::{codegen::TraitCallBuilder, prelude::vec::Vec};
use multiasset_traits::{
    answer_or, AccountId, AssetAuthority, Id, Ownable, ProposerRegistry, TokenAuthority,
};

/// The environment of the suite's contracts, which `ink::contract_ref!` builds its calls for.
type Environment = ink::env::DefaultEnvironment;

/// The collection and the registry of one multi-asset contract, as it stores them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, scale::Encode, scale::Decode)]
#[cfg_attr(
    feature = "std",
    derive(scale_info::TypeInfo, ink::storage::traits::StorageLayout)
)]
pub struct Peers {
    pub collection: AccountId,
    pub registry: AccountId,
}

impl Authority for Peers {
    fn issuer(&self) -> Result<Option<AccountId>, MultiAssetError> {
        let collection: ink::contract_ref!(Ownable) = self.collection.into();
        answer_or(
            collection.call().owner().try_invoke(),
            MultiAssetError::CollectionCallFailed,
        )
    }

    fn live_proposers(
        &self,
        issuer: AccountId,
        accounts: &[AccountId],
    ) -> Result<Vec<bool>, MultiAssetError> {
        let registry: ink::contract_ref!(ProposerRegistry) = self.registry.into();
        let call = registry
            .call()
            .live_proposers(self.collection, issuer, accounts.to_vec())
            .try_invoke();
        // A registry that answers for other accounts than asked is not one.
        answer_or(call, MultiAssetError::RegistryCallFailed)
            .and_then(|live| same_length(live, accounts.len(), MultiAssetError::RegistryCallFailed))
    }

    fn is_peer(&self, account: AccountId) -> bool {
        account == self.collection || account == self.registry
    }

    fn token_authority(
        &self,
        token_id: &Id,
        account: AccountId,
    ) -> Result<TokenAuthority, MultiAssetError> {
        let collection: ink::contract_ref!(AssetAuthority) = self.collection.into();
        answer_or(
            collection
                .call()
                .token_authority(token_id.clone(), account)
                .try_invoke(),
            MultiAssetError::CollectionCallFailed,
        )
    }

    fn token_authorities(
        &self,
        token_ids: &[Id],
        account: AccountId,
    ) -> Result<Vec<TokenAuthority>, MultiAssetError> {
        let collection: ink::contract_ref!(AssetAuthority) = self.collection.into();
        answer_or(
            collection
                .call()
                .token_authorities(token_ids.to_vec(), account)
                .try_invoke(),
            MultiAssetError::CollectionCallFailed,
        )
        // A collection that answers for other tokens than asked is not one.
        .and_then(|seen| same_length(seen, token_ids.len(), MultiAssetError::CollectionCallFailed))
    }
}

/// `answer` if it has `len` items (one per question), else `error`.
fn same_length<T>(
    answer: Vec<T>,
    len: usize,
    error: MultiAssetError,
) -> Result<Vec<T>, MultiAssetError> {
    if answer.len() == len {
        Ok(answer)
    } else {
        Err(error)
    }
}
