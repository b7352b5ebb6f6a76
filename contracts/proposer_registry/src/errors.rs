//! The registry's one error type.

/// Why a registry message failed. A failed message changes nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, scale::Encode, scale::Decode)]
#[cfg_attr(feature = "std", derive(scale_info::TypeInfo))]
pub enum RegistryError {
    /// Returned if the caller is not the collection's issuer, i.e. not what the collection's
    /// `Ownable::owner()` returns at the time of the call.
    NotIssuer,
    /// Returned if the call to the collection's `Ownable::owner()` failed: the address is not a
    /// contract, or not one that implements `Ownable`.
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
}
