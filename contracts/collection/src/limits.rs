//! The collection's limits, in one place: the suite's token id length, the page of `token_ids`,
//! and the storage key length that bounds both.

use crate::errors::CollectionError;
use openbrush::contracts::psp34::Id;

/// The longest token id the collection mints: the suite's one limit, shared with the multi-asset
/// contract.
pub use multiasset_traits::MAX_TOKEN_ID_LEN;

/// The most ids one `token_ids` query answers: 128 of the longest ids ([`MAX_TOKEN_ID_LEN`]
/// bytes) take 7.4 KiB, within ink!'s 16 KiB answer buffer.
pub const MAX_IDS_PER_QUERY: u32 = 128;

/// The longest storage key pallet-contracts accepts (`MaxStorageKeyLen` of the node); a longer
/// one traps the contract.
pub const MAX_STORAGE_KEY_LEN: usize = 128;

/// Returns `TokenIdTooLong` if `id` is too long to be minted (see [`MAX_TOKEN_ID_LEN`]).
pub fn ensure_token_id(id: &Id) -> Result<(), CollectionError> {
    if scale::Encode::encoded_size(id) > MAX_TOKEN_ID_LEN {
        return Err(CollectionError::TokenIdTooLong);
    }
    Ok(())
}

/// Whether an attribute's storage key (OpenBrush's 4-byte root key, then the encoded id and
/// key) fits [`MAX_STORAGE_KEY_LEN`].
pub fn attribute_key_fits(id: &Id, key: &openbrush::traits::String) -> bool {
    4 + scale::Encode::encoded_size(&(id, key)) <= MAX_STORAGE_KEY_LEN
}
