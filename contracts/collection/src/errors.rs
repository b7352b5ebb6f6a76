//! The errors of the collection's own messages (`mint`, `burn`, `set_multiasset`, …). The PSP34 messages keep the
//! standard's `PSP34Error`, so that wallets decode them as they expect.

use openbrush::contracts::psp34::PSP34Error;

/// Why one of the collection's own messages failed. A failed message changes nothing.
#[derive(Debug, PartialEq, Eq, scale::Encode, scale::Decode)]
#[cfg_attr(feature = "std", derive(scale_info::TypeInfo))]
pub enum CollectionError {
    /// Returned if the caller of `mint` is not the collection's owner (its issuer).
    NotIssuer,
    /// Returned if `mint` would make more tokens than the collection's max supply (burnt tokens
    /// count: a burn does not free a slot).
    MaxSupplyReached,
    /// Returned if `mint` is given the id of a token that exists.
    TokenExists,
    /// Returned if `mint` is given the id of a burnt token: ids are never reused, so that nothing
    /// attached to a burnt token (assets, approvals off-chain) passes to a new one.
    TokenBurnt,
    /// Returned if `burn` is given the id of a token that does not exist.
    TokenNotExists,
    /// Returned if the caller of `burn` is neither the token's owner nor an operator approved
    /// for it or for all of the owner's tokens.
    NotApproved,
    /// Returned if OpenBrush's PSP34 core refused the operation after the checks above passed
    /// (not expected; carried as PSP34's own error, never flattened into text).
    Psp34(PSP34Error),
    /// Returned if `mint` is given a token id longer than [`crate::MAX_TOKEN_ID_LEN`] bytes
    /// SCALE-encoded (too long for the storage keys that hold it).
    TokenIdTooLong,
    /// Returned if an asset approval names the token's owner (or the caller itself, for all
    /// tokens): an owner always manages its own assets.
    ApprovalToCurrentOwner,
    /// Returned if the caller of `approve_for_assets` is neither the token's owner nor an
    /// operator it approved for the assets of all its tokens.
    NotOwnerOrApprovedForAll,
    /// Returned if `token_ids` is asked for more than [`crate::MAX_IDS_PER_QUERY`] ids.
    LimitTooLarge,
    /// Returned if `set_multiasset` is called when a multi-asset contract is linked: the link is
    /// set once.
    MultiassetAlreadySet,
    /// Returned if `set_multiasset` is called after a token was minted: the link is part of the
    /// collection before anyone holds a token.
    TokensAlreadyMinted,
    /// Returned if the contract given to `set_multiasset` does not answer as this collection's
    /// multi-asset contract (it is not one, or it was instantiated for another collection).
    NotThisCollectionsMultiasset,
    /// Returned if `mint` is given an id of another kind (`U8`..`U128`, `Bytes`) than the
    /// collection's first token: `U8(10)` and `U64(10)` would render as the same uri.
    IdOfAnotherKind,
}

impl From<PSP34Error> for CollectionError {
    fn from(error: PSP34Error) -> Self {
        match error {
            PSP34Error::TokenExists => Self::TokenExists,
            PSP34Error::TokenNotExists => Self::TokenNotExists,
            PSP34Error::NotApproved => Self::NotApproved,
            other => Self::Psp34(other),
        }
    }
}
