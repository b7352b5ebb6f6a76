//! The registry's one error type.

/// Why a registry message failed. A failed message changes nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, scale::Encode, scale::Decode)]
#[cfg_attr(feature = "std", derive(scale_info::TypeInfo))]
pub enum RegistryError {
    /// Returned if the caller is not the collection's issuer, i.e. not what the collection's
    /// `Ownable::owner()` returns at the time of the call.
    NotIssuer,
    /// Returned if a call to the collection (`Ownable::owner()`, `MultiAssetLink::multiasset()`)
    /// failed: the address is not a contract, or not one that implements them.
    CollectionCallFailed,
    /// Returned if the account holds no grant for the collection: never granted, already revoked,
    /// or renounced.
    NotAProposer,
    /// Returned if `expires_at` is not later than the current block timestamp.
    ExpiryInPast,
    /// Returned if a page `limit` is larger than [`crate::data::MAX_PAGE`].
    LimitTooLarge,
    /// Returned if a new grant would give the collection more than
    /// [`crate::data::MAX_PROPOSERS`] proposers.
    TooManyProposers,
    /// Returned if the multi-asset contract the collection links refused to hear of a grant's
    /// change, or did not answer: the change would not reach the wallets, so it is not made.
    MultiAssetCallFailed,
    /// Returned if `clear_ended_grant` names a grant that still counts (unexpired, made by the
    /// collection's issuer): only its issuer revokes it, or its proposer renounces it.
    GrantStillCounts,
}
