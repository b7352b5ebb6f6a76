//! What wallets read as a token's metadata uri, apart from the multi-asset contract's answer:
//! the attribute names they ask for, the base-uri fallback and the ids a number may stand for.

use ink::{
    codegen::TraitCallBuilder,
    prelude::{string::String, vec::Vec},
    primitives::AccountId,
};
use multiasset_traits::{answer_or, TopAssetUri};
use openbrush::contracts::psp34::Id;

/// The environment `ink::contract_ref!` builds the call to the multi-asset contract for.
type Environment = ink::env::DefaultEnvironment;

/// The uri of token `id`'s top asset in the multi-asset contract `multiasset`, as it shows it
/// under `issuer`; `None` if it has none or the contract does not answer (one cross-contract
/// call).
pub fn top_asset_uri(multiasset: AccountId, id: &Id, issuer: Option<AccountId>) -> Option<String> {
    let assets: ink::contract_ref!(TopAssetUri) = multiasset.into();
    let call = assets.call().top_asset_uri(id.clone(), issuer).try_invoke();
    answer_or(call, ()).ok().flatten()
}

/// The collection attribute that holds the base uri (set by the constructor).
pub const BASE_URI_ATTRIBUTE: &str = "base_uri";
/// The attribute `Psp34Traits::get_attributes` answers with a token's metadata uri: the key
/// SubWallet asks for.
pub const METADATA_ATTRIBUTE: &str = "metadata";

/// The uri a token shows without an active asset: `base_uri` + the id (as
/// [`multiasset_traits::push_token_id`] writes it) + `.json`.
pub fn fallback_uri(base_uri: String, id: &Id) -> String {
    let mut uri: Vec<u8> = base_uri.into_bytes();
    multiasset_traits::push_token_id(&mut uri, id);
    uri.extend_from_slice(b".json");
    String::from_utf8(uri).unwrap_or_default()
}

/// The ids the number `n` may stand for, narrowest first (ArtZero's ids are numbers; a token
/// may have been minted with any integer width).
pub fn ids_of_number(n: u64) -> [Option<Id>; 5] {
    [
        u8::try_from(n).ok().map(Id::U8),
        u16::try_from(n).ok().map(Id::U16),
        u32::try_from(n).ok().map(Id::U32),
        Some(Id::U64(n)),
        Some(Id::U128(n.into())),
    ]
}
