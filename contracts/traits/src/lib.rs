//! Trait definitions and types shared by the suite's three contracts.
//!
//! Contracts call each other only through these `#[ink::trait_definition]`s (with
//! `ink::contract_ref!`), never through raw selectors. Each trait is a subset of the messages the
//! callee implements, with the same trait and message names, so its selectors are the callee's:
//! `PSP34::owner_of` is 0x1168624d as in the w3f PSP34 standard, `Ownable::owner` is OpenBrush's.
#![cfg_attr(not(feature = "std"), no_std, no_main)]

pub use ink::primitives::AccountId;
/// The PSP34 token id (OpenBrush's type; its SCALE encoding is the w3f PSP34 `Id`).
pub use openbrush::contracts::psp34::Id;

/// Block timestamp in milliseconds, as `ink::env::block_timestamp` returns it.
pub type Timestamp = u64;
/// An entry in a multi-asset catalog. Ids start at 1; 0 is never an asset.
pub type AssetId = u64;
/// The sha256 digest of an asset's content.
pub type ContentHash = [u8; 32];

/// The longest token id of the suite, SCALE-encoded, in bytes: the collection mints no longer id
/// and the multi-asset contract stores assets for no longer id, so no cell can exist for a token
/// that can never be minted. pallet-contracts traps on a storage key over 128 bytes
/// (`MaxStorageKeyLen`), and OpenBrush's longest key that holds a token id, a token approval, is
/// 4 (root key) + 32 (owner) + 32 (operator) + 1 (`Some`) + the id: 59 bytes keep every
/// operation on every token within the limit. Ids up to 57 bytes of `Id::Bytes` fit, any integer
/// id does.
pub const MAX_TOKEN_ID_LEN: usize = 59;

/// The part of OpenBrush's `Ownable` the suite calls: who the collection's issuer is.
#[ink::trait_definition]
pub trait Ownable {
    /// The current owner (the collection's issuer), `None` after ownership was renounced.
    #[ink(message)]
    fn owner(&self) -> Option<AccountId>;
}

/// Two PSP34 messages by their standard names, for a contract that asks a collection about a
/// token (the benchmark probe measures such a call): who owns it and who may transfer it. The
/// multi-asset contract asks [`AssetAuthority`] instead, one call for everything it needs.
#[ink::trait_definition]
pub trait PSP34 {
    /// The owner of token `id`, `None` if it does not exist.
    #[ink(message)]
    fn owner_of(&self, id: Id) -> Option<AccountId>;

    /// `true` if `operator` may act for `owner` on token `id` (or on all tokens when `None`).
    #[ink(message)]
    fn allowance(&self, owner: AccountId, operator: AccountId, id: Option<Id>) -> bool;
}

/// Everything the multi-asset contract needs to know from the collection about one token and one
/// account, answered by one call (each cross-contract call costs more proof than several storage
/// reads inside the callee).
#[derive(Debug, Clone, Copy, PartialEq, Eq, scale::Encode, scale::Decode)]
#[cfg_attr(feature = "std", derive(scale_info::TypeInfo))]
pub struct TokenAuthority {
    /// The collection's issuer (`Ownable::owner()`), `None` once ownership was renounced.
    pub issuer: Option<AccountId>,
    /// The token's owner, `None` if it does not exist (not minted yet, or burnt).
    pub owner: Option<AccountId>,
    /// Whether the token was burnt (a burnt id is never minted again).
    pub burnt: bool,
    /// Whether the owner approved the account (another account than itself) for the token's
    /// assets, or for the assets of all its tokens (ERC-5773's asset approvals). Transfer
    /// approvals (PSP34 `approve`) do not count: a marketplace that may sell a token may not swap
    /// its mirrors.
    pub asset_operator: bool,
}

/// What the multi-asset contract asks the collection about a token.
#[ink::trait_definition]
pub trait AssetAuthority {
    /// Issuer, owner, burnt and asset operator of token `id` as seen for `account`.
    #[ink(message)]
    fn token_authority(&self, id: Id, account: AccountId) -> TokenAuthority;

    /// [`AssetAuthority::token_authority`] of each of `ids` for `account`, in order: one call for
    /// a message that decides on many tokens (a cross-contract call costs about as much proof as
    /// the callee's code, so one call per token would cap such a message far below a block).
    #[ink(message)]
    fn token_authorities(
        &self,
        ids: ink::prelude::vec::Vec<Id>,
        account: AccountId,
    ) -> ink::prelude::vec::Vec<TokenAuthority>;
}

/// What a multi-asset contract (and anyone) asks the proposer registry. A grant counts only while
/// it has not expired (the block timestamp decides), was not revoked or renounced, and the issuer
/// who made it is still the collection's issuer.
#[ink::trait_definition]
pub trait ProposerRegistry {
    /// `true` only if `account`'s grant for `collection` counts now; asks the collection who its
    /// issuer is (so a contract the collection is calling cannot use it: pallet-contracts refuses
    /// reentry; such a caller asks [`ProposerRegistry::live_proposers`]).
    #[ink(message)]
    fn is_proposer(&self, collection: AccountId, account: AccountId) -> bool;

    /// For each of `accounts`, in order, whether its grant for `collection` counts now if the
    /// collection's issuer is `issuer`: what the multi-asset contract asks, once per message,
    /// about every proposer whose proposals it must weigh. It does not ask the collection.
    #[ink(message)]
    fn live_proposers(
        &self,
        collection: AccountId,
        issuer: AccountId,
        accounts: ink::prelude::vec::Vec<AccountId>,
    ) -> ink::prelude::vec::Vec<bool>;
}

/// What the registry asks a collection: which multi-asset contract shows its tokens, to tell it
/// when a grant changes.
#[ink::trait_definition]
pub trait MultiAssetLink {
    /// The multi-asset contract wallets' reads are answered from, `None` before it is linked.
    #[ink(message)]
    fn multiasset(&self) -> Option<AccountId>;
}

/// Why a multi-asset contract refused to announce a change of its followers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, scale::Encode, scale::Decode)]
#[cfg_attr(feature = "std", derive(scale_info::TypeInfo))]
pub enum AnnounceError {
    /// Returned if the caller is neither the collection nor the registry the multi-asset
    /// contract was instantiated with.
    NotAPeer,
}

/// What the collection and the registry tell the multi-asset contract, in the transaction that
/// changes what tokens following the collection show: a grant began or ended, the issuer changed,
/// or the collection linked the contract. The multi-asset contract announces it (ERC-4906).
#[ink::trait_definition]
pub trait FollowersChanged {
    /// The grants of `proposer` (of every proposer when `None`, or the issuer) changed: the
    /// multi-asset contract emits `BatchMetadataUpdate` for its open collection-wide proposals
    /// that change may touch (all of them when `None`), nothing if there are none.
    ///
    /// # Errors
    /// [`AnnounceError::NotAPeer`] if the caller is not its collection or its registry.
    #[ink(message)]
    fn announce_followers_changed(
        &mut self,
        proposer: Option<AccountId>,
    ) -> Result<(), AnnounceError>;
}

/// What the collection asks the multi-asset contract when a wallet reads a token's metadata.
#[ink::trait_definition]
pub trait TopAssetUri {
    /// The uri (a template's `{id}` replaced) of token `id`'s top-priority active asset, as the
    /// token shows it when the collection's issuer is `issuer`, `None` if it has none. For a
    /// caller that knows the token exists and who the issuer is (the collection): it does not
    /// ask the collection back, which could not answer a call from inside its own call
    /// (pallet-contracts refuses reentry).
    #[ink(message)]
    fn top_asset_uri(
        &self,
        id: Id,
        issuer: Option<AccountId>,
    ) -> Option<ink::prelude::string::String>;
}

/// ArtZero's `Psp34Traits`, which SubWallet calls by selector with its own bundled ABI (not
/// ours), so the names are the point: `Psp34Traits::get_attribute_count` is 0x61c50d69,
/// `Psp34Traits::get_attributes` 0x18209102, `Psp34Traits::token_uri` 0x249dfd4f. The collection
/// implements it; nothing in the suite calls it.
#[ink::trait_definition]
pub trait Psp34Traits {
    /// How many attribute keys `get_attributes` answers; more than 0 makes SubWallet ask
    /// `get_attributes(id, ["metadata"])`.
    #[ink(message)]
    fn get_attribute_count(&self) -> u32;

    /// The value of each of `attributes` for token `token_id`, in order (empty where unknown).
    #[ink(message)]
    fn get_attributes(
        &self,
        token_id: Id,
        attributes: ink::prelude::vec::Vec<ink::prelude::string::String>,
    ) -> ink::prelude::vec::Vec<ink::prelude::string::String>;

    /// The metadata uri of the token whose id is the number `token_id` (ArtZero's ids are
    /// numbers).
    #[ink(message)]
    fn token_uri(&self, token_id: u64) -> ink::prelude::string::String;
}

/// Appends `id` as text, the suite's one rule for a token id in a uri (a template's `{id}`, a
/// base uri's fallback): `U8`..`U128` in decimal, `Bytes` in lowercase hex, two digits a byte.
pub fn push_token_id(out: &mut ink::prelude::vec::Vec<u8>, id: &Id) {
    let number: u128 = match id {
        Id::U8(n) => (*n).into(),
        Id::U16(n) => (*n).into(),
        Id::U32(n) => (*n).into(),
        Id::U64(n) => (*n).into(),
        Id::U128(n) => *n,
        Id::Bytes(bytes) => {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            for byte in bytes {
                out.push(HEX[(byte >> 4) as usize]);
                out.push(HEX[(byte & 0xf) as usize]);
            }
            return;
        }
    };
    push_decimal(out, number);
}

/// Appends `number` in decimal. Long division by 10 over 32-bit limbs with 64-bit arithmetic:
/// a `u128` division would link a software division routine into each contract.
fn push_decimal(out: &mut ink::prelude::vec::Vec<u8>, number: u128) {
    let mut limbs = [
        (number >> 96) as u32,
        (number >> 64) as u32,
        (number >> 32) as u32,
        number as u32,
    ];
    let start = out.len();
    loop {
        let mut remainder: u64 = 0;
        for limb in limbs.iter_mut() {
            let current = (remainder << 32) | u64::from(*limb);
            *limb = (current / 10) as u32;
            remainder = current % 10;
        }
        out.push(b'0' + remainder as u8);
        if limbs.iter().all(|limb| *limb == 0) {
            break;
        }
    }
    out[start..].reverse();
}

/// The answer of a cross-contract call made with `try_invoke()`, or `error` if the call failed:
/// the callee trapped or reverted, or it does not implement the message (a wrong address).
/// Every peer call of the suite goes through this, so that a failed call is a typed error of
/// the caller and never a trap.
pub fn answer_or<T, E>(
    call: Result<ink::MessageResult<T>, ink::env::Error>,
    error: E,
) -> Result<T, E> {
    match call {
        Ok(Ok(answer)) => Ok(answer),
        _ => Err(error),
    }
}
