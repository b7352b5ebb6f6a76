//! The multi-asset contract's one error type. Errors about a token name it, so that a failed
//! batch says which token stopped it.

use multiasset_traits::{AssetId, Id};

/// Why a multi-asset message failed. A failed message changes nothing.
#[derive(Debug, Clone, PartialEq, Eq, scale::Encode, scale::Decode)]
#[cfg_attr(feature = "std", derive(scale_info::TypeInfo))]
pub enum MultiAssetError {
    /// Returned if the caller of a catalog or propose message is neither the collection's issuer
    /// (its `Ownable::owner()`) nor a live proposer of the collection in the registry, or if the
    /// collection has no issuer (ownership renounced): its grants no longer count then, since
    /// nobody could revoke them.
    NotIssuerOrProposer,
    /// Returned if the caller of a decision (accept, reject, reject-all, set-priority,
    /// set-follows-collection) is neither the token's owner nor an operator the owner approved
    /// for the token's assets or for the assets of all its tokens (the collection's
    /// `approve_for_assets` / `set_approval_for_all_for_assets`; a PSP34 transfer approval does
    /// not count).
    NotTokenOwnerOrApproved { token_id: Id },
    /// Returned if a decision (accept, reject, reject-all, set-priority, set-follows-collection)
    /// names a token the collection does not have (never minted, or burnt).
    TokenNotFound { token_id: Id },
    /// Returned if a call to the collection contract failed (not a PSP34 / Ownable contract).
    CollectionCallFailed,
    /// Returned if a call to the proposer registry failed (not a registry contract).
    RegistryCallFailed,
    /// Returned if `announce_followers_changed` is called by anyone but the collection or the
    /// registry this contract was instantiated with.
    NotAPeer,
    /// Returned if `asset_id` is 0 or not in the catalog.
    AssetNotFound { asset_id: AssetId },
    /// Returned if the uri of catalog entry number `index` of the call is empty.
    EmptyUri { index: u32 },
    /// Returned if the uri of catalog entry number `index` of the call is longer than
    /// [`crate::limits::MAX_URI_LEN`] bytes.
    UriTooLong { index: u32 },
    /// Returned if a list a message works through (catalog entries, token ids, proposals,
    /// decisions) is empty.
    EmptyBatch,
    /// Returned if a batch is longer than its cap ([`crate::limits::MAX_ENTRIES_PER_CALL`] entries,
    /// [`crate::limits::MAX_BATCH_TOKENS`] tokens,
    /// [`crate::limits::MAX_COLLECTION_PROPOSALS_PER_CALL`] collection-wide proposals,
    /// [`crate::limits::MAX_DECISIONS_PER_CALL`] decisions,
    /// [`crate::limits::MAX_FOLLOW_TOKENS`] tokens to follow); `max` is that cap.
    BatchTooLarge { max: u32 },
    /// Returned if a list of tokens (`propose_asset_to_many`, `set_follows_collection`) names the
    /// same token twice.
    DuplicateToken { token_id: Id },
    /// Returned if the asset is already pending on the token.
    AssetAlreadyPending { token_id: Id },
    /// Returned if the asset is already active on the token.
    AssetAlreadyActive { token_id: Id },
    /// Returned if a proposal's `replaces` asset is not active on the token.
    ReplacedAssetNotActive { token_id: Id },
    /// Returned if the token already has [`crate::limits::MAX_PENDING`] pending assets.
    TooManyPendingAssets { token_id: Id },
    /// Returned if accepting would give the token more than [`crate::limits::MAX_ACTIVE`] active
    /// assets (a replacement never does).
    TooManyActiveAssets { token_id: Id },
    /// Returned if accept / reject names an asset that is not pending on the token as
    /// `pending_assets` shows it: never proposed, already decided, a collection-wide proposal
    /// that was withdrawn, or (on a token that follows the collection) one the collection
    /// already shows active.
    AssetNotPending { token_id: Id },
    /// Returned by `reject_all_assets` if more assets are pending than `max_rejections`: the
    /// guard against a proposal slipped in just before the owner's call (ERC-5773).
    UnexpectedNumberOfAssets { token_id: Id, pending: u32 },
    /// Returned if a priority list's length is not the number of active assets (`expected`).
    BadPriorityListLength { token_id: Id, expected: u32 },
    /// Returned if a priority list has the same value twice.
    DuplicatePriority { token_id: Id },
    /// Returned if a page `limit` is larger than [`crate::limits::MAX_PAGE`].
    LimitTooLarge,
    /// Returned if the catalog has used up every asset id (2^64 - 1 entries).
    CatalogFull,
    /// Returned by `propose_asset_to_many` if the tokens of the batch, up to and including
    /// `token_id`, hold more than [`crate::limits::MAX_BATCH_HELD`] pending and active assets
    /// together (the batch would exhaust the contract's memory): split the batch.
    BatchHoldsTooMuch { token_id: Id },
    /// Returned if a token id takes more than [`crate::limits::MAX_TOKEN_ID_LEN`] bytes
    /// SCALE-encoded: too long to be part of a storage key.
    TokenIdTooLong { token_id: Id },
    /// Returned if the token ids of a batch take more than `max_bytes`
    /// ([`crate::limits::MAX_BATCH_ID_BYTES`]) SCALE-encoded: the batch's event must fit ink!'s
    /// buffer.
    TokenIdsTooLong { max_bytes: u32 },
    /// Returned if accepting would append an asset after one that holds the highest priority
    /// (`u64::MAX`): an appended asset ranks last, and no priority is left above it. Set lower
    /// priorities first.
    PrioritiesExhausted { token_id: Id },
    /// Returned by accept if the asset's proposer is no longer the collection's issuer or a live
    /// proposer (its grant was revoked, renounced or expired, the collection changed hands, or it
    /// has no issuer): a revoked key's proposals die with its grant. The owner may still reject
    /// the asset.
    ProposerRevoked { token_id: Id },
    /// Returned if a proposal names a burnt token: it can never take an asset.
    TokenBurnt { token_id: Id },
    /// Returned by `clear_burnt_token` if the collection does not report the token as burnt.
    TokenNotBurnt { token_id: Id },
    /// Returned if the token follows the collection (`set_follows_collection`) and the call would
    /// change its active assets or their priorities by itself: accepting the token's own
    /// proposals, `set_priority`, or an owner's proposal accepted at once. While a token follows,
    /// the collection-wide proposals decide what it shows; stop following first (stopping keeps
    /// what it shows).
    TokenFollowsCollection { token_id: Id },
    /// Returned if a list of assets (`propose_to_collection`, `accept_assets`,
    /// `reject_assets`) names `asset_id` twice.
    DuplicateAsset { asset_id: AssetId },
    /// Returned by `propose_to_collection` if `asset_id` is already an open collection-wide
    /// proposal.
    AssetAlreadyProposedToCollection { asset_id: AssetId },
    /// Returned by `propose_to_collection` if a proposal's asset `asset_id` names itself as the
    /// asset it replaces.
    AssetReplacesItself { asset_id: AssetId },
    /// Returned by `propose_to_collection` if the open collection-wide proposals would pass
    /// `max` ([`crate::limits::MAX_OPEN_COLLECTION_PROPOSALS`]): withdraw some first.
    TooManyCollectionProposals { max: u32 },
    /// Returned by `withdraw_from_collection` if `asset_id` is not an open collection-wide
    /// proposal.
    AssetNotProposedToCollection { asset_id: AssetId },
    /// Returned by `withdraw_from_collection` if the caller is neither the collection's issuer
    /// nor the account that made the proposal of `asset_id`.
    NotIssuerOrItsProposer { asset_id: AssetId },
    /// Returned if the uri of catalog entry number `index` of the call has `{id}` more than
    /// once, or anywhere but in its last path segment (after a `/` that follows the scheme's
    /// `//`, with no `/` after it and no `?` or `#` before it).
    BadTemplate { index: u32 },
    /// Returned by `propose_to_collection` if every sequence number of collection-wide
    /// proposals (2^32) has been used.
    CollectionProposalsExhausted,
}
