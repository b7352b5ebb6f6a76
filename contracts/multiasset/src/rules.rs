//! The rules every message applies before it writes: what the state machine asks outside
//! ([`Authority`]), what a state change returns ([`Outcome`]), the guards on callers and
//! arguments (`ensure_*`) and the duplicate finder. Guards on one token's cell are that cell's
//! own methods ([`crate::token::TokenAssets`]); guards on catalog entries are
//! [`crate::catalog::Catalog`]'s.

use crate::{
    errors::MultiAssetError,
    events::MultiAssetEvent,
    limits::{MAX_ACCOUNTS_ASKED, MAX_DECISIONS_PER_CALL, MAX_TOKEN_ID_LEN},
};
use ink::prelude::vec::Vec;
use multiasset_traits::{AccountId, AssetId, Id, TokenAuthority};

/// What the state machine needs to know from outside: the collection (issuer, token owners,
/// asset approvals, burnt tokens) and the proposer registry. On chain each method is one
/// cross-contract call ([`crate::peers`]), so a message asks each peer at most once.
pub trait Authority {
    /// The collection's issuer (`Ownable::owner()`), `None` if renounced.
    fn issuer(&self) -> Result<Option<AccountId>, MultiAssetError>;
    /// For each of `accounts`, in order, whether the registry counts its grant while the
    /// collection's issuer is `issuer`: one question for all of them.
    fn live_proposers(
        &self,
        issuer: AccountId,
        accounts: &[AccountId],
    ) -> Result<Vec<bool>, MultiAssetError>;
    /// Whether `account` is the collection or the registry this contract was instantiated with.
    fn is_peer(&self, account: AccountId) -> bool;
    /// Issuer, owner, burnt and asset operator of `token_id` as seen for `account`: one
    /// question to the collection.
    fn token_authority(
        &self,
        token_id: &Id,
        account: AccountId,
    ) -> Result<TokenAuthority, MultiAssetError>;
    /// [`Authority::token_authority`] of each of `token_ids`, in order: one question to the
    /// collection for all of them.
    fn token_authorities(
        &self,
        token_ids: &[Id],
        account: AccountId,
    ) -> Result<Vec<TokenAuthority>, MultiAssetError>;
}

/// What a state-changing method returns: the events to emit, or why nothing changed.
pub type Outcome = Result<Vec<MultiAssetEvent>, MultiAssetError>;
/// What a state-changing method that also answers a value (a new id) returns.
pub type Answer<T> = Result<(T, Vec<MultiAssetEvent>), MultiAssetError>;

/// The account queries name when they ask the collection about a token: only the owner and the
/// burnt flag are read from the answer, which do not depend on it.
pub(crate) fn nobody() -> AccountId {
    AccountId::from([0; 32])
}

/// Returns `NotIssuerOrProposer` unless `caller` is `issuer` (the collection's, as just asked) or
/// a live proposer.
pub(crate) fn ensure_may_propose(
    authority: &impl Authority,
    issuer: Option<AccountId>,
    caller: AccountId,
) -> Result<(), MultiAssetError> {
    if issuer == Some(caller) || lapsed(authority, issuer, &[caller])?.is_empty() {
        return Ok(());
    }
    Err(MultiAssetError::NotIssuerOrProposer)
}

/// Which of `accounts` are neither `issuer` nor a live proposer, each named once: what no longer
/// counts of what they proposed. One question to the registry per [`MAX_ACCOUNTS_ASKED`]
/// distinct accounts, none if every account is the issuer. Without an issuer nobody can revoke a grant, so grants stop counting (renouncing
/// freezes the collection).
pub(crate) fn lapsed(
    authority: &impl Authority,
    issuer: Option<AccountId>,
    accounts: &[AccountId],
) -> Result<Vec<AccountId>, MultiAssetError> {
    let mut asked: Vec<AccountId> = Vec::new();
    for account in accounts {
        if Some(*account) != issuer && !asked.contains(account) {
            asked.push(*account);
        }
    }
    let Some(issuer) = issuer else {
        return Ok(asked);
    };
    let mut lapsed = Vec::new();
    for chunk in asked.chunks(MAX_ACCOUNTS_ASKED) {
        let live = authority.live_proposers(issuer, chunk)?;
        lapsed.extend(
            chunk
                .iter()
                .zip(live)
                .filter_map(|(account, live)| (!live).then_some(*account)),
        );
    }
    Ok(lapsed)
}

/// Returns `ProposerRevoked` unless each of `proposers` is still `issuer` or a live proposer: the
/// same rule as [`ensure_may_propose`], asked again (once for all) when proposals are accepted.
pub(crate) fn ensure_proposers_live(
    authority: &impl Authority,
    issuer: Option<AccountId>,
    proposers: &[AccountId],
    token_id: &Id,
) -> Result<(), MultiAssetError> {
    if lapsed(authority, issuer, proposers)?.is_empty() {
        return Ok(());
    }
    Err(MultiAssetError::ProposerRevoked {
        token_id: token_id.clone(),
    })
}

/// Checks the token id, then that `caller` owns `token_id` or is its asset operator; returns
/// what the collection said about the token.
pub(crate) fn ensure_owner_or_approved(
    authority: &impl Authority,
    caller: AccountId,
    token_id: &Id,
) -> Result<TokenAuthority, MultiAssetError> {
    ensure_token_id(token_id)?;
    let seen = authority.token_authority(token_id, caller)?;
    ensure_decides(&seen, caller, token_id)?;
    Ok(seen)
}

/// Returns `Ok` if `caller` may decide on `token_id` as the collection `seen` it: the token
/// exists and `caller` owns it or is its asset operator.
pub(crate) fn ensure_decides(
    seen: &TokenAuthority,
    caller: AccountId,
    token_id: &Id,
) -> Result<(), MultiAssetError> {
    match seen.owner {
        None => Err(MultiAssetError::TokenNotFound {
            token_id: token_id.clone(),
        }),
        Some(owner) if owner == caller || seen.asset_operator => Ok(()),
        Some(_) => Err(MultiAssetError::NotTokenOwnerOrApproved {
            token_id: token_id.clone(),
        }),
    }
}

/// Returns `EmptyBatch` if a list a message works through has no item, `BatchTooLarge` if it
/// has more than `max` (the message's cap in [`crate::limits`]).
pub(crate) fn ensure_list_size(len: usize, max: usize) -> Result<(), MultiAssetError> {
    if len == 0 {
        return Err(MultiAssetError::EmptyBatch);
    }
    if len > max {
        return Err(MultiAssetError::BatchTooLarge { max: max as u32 });
    }
    Ok(())
}

/// Returns `Ok` if `asset_ids` names 1 to [`MAX_DECISIONS_PER_CALL`] assets, none twice.
pub(crate) fn ensure_asset_list(asset_ids: &[AssetId]) -> Result<(), MultiAssetError> {
    ensure_list_size(asset_ids.len(), MAX_DECISIONS_PER_CALL)?;
    match first_repeated(asset_ids) {
        Some(i) => Err(MultiAssetError::DuplicateAsset {
            asset_id: asset_ids[i],
        }),
        None => Ok(()),
    }
}

/// Returns `DuplicateToken` naming the first token `token_ids` names a second time.
pub(crate) fn ensure_distinct_tokens(token_ids: &[Id]) -> Result<(), MultiAssetError> {
    match first_repeated(token_ids) {
        Some(i) => Err(MultiAssetError::DuplicateToken {
            token_id: token_ids[i].clone(),
        }),
        None => Ok(()),
    }
}

/// Returns `TokenIdTooLong` if `token_id` takes more than [`MAX_TOKEN_ID_LEN`] bytes encoded:
/// it could not be part of a storage key.
pub(crate) fn ensure_token_id(token_id: &Id) -> Result<(), MultiAssetError> {
    if scale::Encode::encoded_size(token_id) > MAX_TOKEN_ID_LEN {
        return Err(MultiAssetError::TokenIdTooLong {
            token_id: token_id.clone(),
        });
    }
    Ok(())
}

/// The position of the first item of `items` that an earlier one equals. Pairwise, not sorted:
/// the lists are short (at most a message's cap), and the library sort adds kilobytes of code,
/// i.e. of proof to every call.
pub(crate) fn first_repeated<T: PartialEq>(items: &[T]) -> Option<usize> {
    (1..items.len()).find(|&i| items[..i].contains(&items[i]))
}
