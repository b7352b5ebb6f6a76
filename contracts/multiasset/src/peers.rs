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

    fn is_proposer(&self, account: AccountId) -> Result<bool, MultiAssetError> {
        let registry: ink::contract_ref!(ProposerRegistry) = self.registry.into();
        answer_or(
            registry
                .call()
                .is_proposer(self.collection, account)
                .try_invoke(),
            MultiAssetError::RegistryCallFailed,
        )
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
        .and_then(|seen| {
            // A collection that answers for other tokens than asked is not one.
            if seen.len() == token_ids.len() {
                Ok(seen)
            } else {
                Err(MultiAssetError::CollectionCallFailed)
            }
        })
    }
}
