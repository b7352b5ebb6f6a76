//! Unit tests of the multi-asset state machine, one file per message: who may call each message
//! (`roles`: a table of message × role → outcome), the ERC-5773 behaviours, and a property test
//! of random operation sequences against a simple model (`model`). The fixtures below are the
//! vocabulary every file uses: the roles `issuer()`, `proposer()`, `revoked()`, `expired()`,
//! `former_issuers_grantee()`, `owner()`, `operator()` and `all_operator()` (asset operators),
//! `transfer_operator()`, `stranger()`; `token()`, `issuers_token()`, `unminted()`; and
//! the states `catalog(n)`, `token_with(active, pending)`, `token_with_replacement(by)` and
//! `collection_with(proposals)`; `cells()` counts the contract's storage cells.

use crate::{
    data::{MultiAssetData, TokenAsset},
    errors::MultiAssetError,
    events::MultiAssetEvent,
    limits::{
        MAX_ACTIVE, MAX_ANSWER_BYTES, MAX_BATCH_HELD, MAX_BATCH_ID_BYTES, MAX_BATCH_TOKENS,
        MAX_COLLECTION_PROPOSALS_PER_CALL, MAX_DECISIONS_PER_CALL, MAX_ENTRIES_PER_CALL,
        MAX_FOLLOW_TOKENS, MAX_OPEN_COLLECTION_PROPOSALS, MAX_PAGE, MAX_PENDING,
        MAX_TOKENS_PER_QUERY, MAX_URI_LEN,
    },
    rules::Authority,
    token::{ActiveAsset, PendingAsset},
};
use ink::primitives::AccountId;
use multiasset_traits::{AssetId, Id, TokenAuthority};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet};

mod accept_asset;
mod accept_assets;
mod burnt_tokens;
mod catalog;
mod collection_model;
mod follows_collection;
mod leftovers;
mod metadata_update;
mod model;
mod propose_asset;
mod propose_asset_to_many;
mod propose_to_collection;
mod queries;
mod reject_all_assets;
mod reject_asset;
mod roles;
mod set_priority;
mod templates;
mod token_ids;
mod tokens_assets;
mod top_asset;
mod withdraw_from_collection;

fn account(byte: u8) -> AccountId {
    AccountId::from([byte; 32])
}
fn issuer() -> AccountId {
    account(1)
}
fn proposer() -> AccountId {
    account(2)
}
fn revoked() -> AccountId {
    account(3)
}
fn owner() -> AccountId {
    account(4)
}
/// Approved by `owner()` for the assets of `token()`.
fn operator() -> AccountId {
    account(5)
}
fn stranger() -> AccountId {
    account(6)
}
/// Approved by `owner()` for the assets of all its tokens.
fn all_operator() -> AccountId {
    account(7)
}
/// Approved by `owner()` to transfer its tokens (PSP34 `approve`, e.g. a marketplace) on the
/// collection, which gives no asset rights: the contract asks only for asset approvals.
fn transfer_operator() -> AccountId {
    account(8)
}
/// Owned by `owner()`, who approved `operator()` for its assets.
fn token() -> Id {
    Id::U32(1)
}
/// Owned by `issuer()`.
fn issuers_token() -> Id {
    Id::U32(2)
}
/// Not minted (yet): the collection answers no owner.
fn unminted() -> Id {
    Id::U32(99)
}
/// Owns every token the tests name without giving it an owner: tokens of batches and the like.
fn collector() -> AccountId {
    account(9)
}
/// Granted by `issuer()`; the grant has expired.
fn expired() -> AccountId {
    account(10)
}
/// The collection's issuer before `issuer()`.
fn former_issuer() -> AccountId {
    account(11)
}
/// Granted by `former_issuer()`, whose grants no longer count.
fn former_issuers_grantee() -> AccountId {
    account(12)
}
/// The collection contract this contract was instantiated with.
fn collection_contract() -> AccountId {
    account(0xc0)
}
/// The registry contract this contract was instantiated with.
fn registry_contract() -> AccountId {
    account(0xe0)
}

/// A grant in the registry, as the contract's question about it is answered.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Grant {
    /// The issuer who made it: it counts only while that account is the issuer.
    pub by: AccountId,
    pub expired: bool,
}

impl Grant {
    pub(crate) fn by(issuer: AccountId) -> Self {
        Grant {
            by: issuer,
            expired: false,
        }
    }
}

/// The collection and registry as the contract would see them.
#[derive(Default)]
pub(crate) struct World {
    pub issuer: Option<AccountId>,
    /// The registry's grants of the collection: who holds one, and who made it.
    pub grants: BTreeMap<AccountId, Grant>,
    /// Token owners; a token not listed belongs to `collector()` unless it is not minted yet or
    /// burnt.
    pub owners: BTreeMap<Id, AccountId>,
    pub unminted: BTreeSet<Id>,
    /// (owner, operator, token or `None` for all): asset approvals. Transfer approvals are not
    /// part of this world: the contract never asks for them (e2e shows a PSP34 operator refused
    /// on a real collection).
    pub asset_approvals: BTreeSet<(AccountId, AccountId, Option<Id>)>,
    pub burnt: BTreeSet<Id>,
    /// How many times the registry was asked.
    pub registry_asked: std::cell::Cell<u32>,
}

impl World {
    fn owner_of(&self, token_id: &Id) -> Option<AccountId> {
        if self.unminted.contains(token_id) || self.burnt.contains(token_id) {
            return None;
        }
        Some(self.owners.get(token_id).copied().unwrap_or(collector()))
    }
}

impl Authority for World {
    fn issuer(&self) -> Result<Option<AccountId>, MultiAssetError> {
        Ok(self.issuer)
    }
    fn live_proposers(
        &self,
        issuer: AccountId,
        accounts: &[AccountId],
    ) -> Result<Vec<bool>, MultiAssetError> {
        self.registry_asked.set(self.registry_asked.get() + 1);
        // The registry's rule: a grant counts while unexpired and made by the issuer.
        Ok(accounts
            .iter()
            .map(|account| {
                self.grants
                    .get(account)
                    .is_some_and(|grant| grant.by == issuer && !grant.expired)
            })
            .collect())
    }
    fn is_peer(&self, account: AccountId) -> bool {
        account == collection_contract() || account == registry_contract()
    }
    fn token_authority(
        &self,
        token_id: &Id,
        account: AccountId,
    ) -> Result<TokenAuthority, MultiAssetError> {
        let owner = self.owner_of(token_id);
        let approved = |scope| {
            owner.is_some_and(|owner| self.asset_approvals.contains(&(owner, account, scope)))
        };
        Ok(TokenAuthority {
            issuer: self.issuer,
            owner,
            burnt: self.burnt.contains(token_id),
            asset_operator: approved(None) || approved(Some(token_id.clone())),
        })
    }
    fn token_authorities(
        &self,
        token_ids: &[Id],
        account: AccountId,
    ) -> Result<Vec<TokenAuthority>, MultiAssetError> {
        token_ids
            .iter()
            .map(|token_id| self.token_authority(token_id, account))
            .collect()
    }
}

/// A fresh, empty contract storage: the off-chain engine keeps storage per callee, so each call
/// switches to a callee never used before on this thread.
pub(crate) fn empty() -> MultiAssetData {
    thread_local!(static CONTRACTS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) });
    let n = CONTRACTS.with(|c| {
        c.set(c.get() + 1);
        c.get()
    });
    let mut callee = [0xAA; 32];
    callee[..8].copy_from_slice(&n.to_le_bytes());
    ink::env::test::set_callee::<ink::env::DefaultEnvironment>(AccountId::from(callee));
    MultiAssetData::default()
}

fn world() -> World {
    World {
        issuer: Some(issuer()),
        grants: BTreeMap::from([
            (proposer(), Grant::by(issuer())),
            (
                expired(),
                Grant {
                    by: issuer(),
                    expired: true,
                },
            ),
            (former_issuers_grantee(), Grant::by(former_issuer())),
        ]),
        owners: BTreeMap::from([(token(), owner()), (issuers_token(), issuer())]),
        asset_approvals: BTreeSet::from([
            (owner(), operator(), Some(token())),
            (owner(), all_operator(), None),
        ]),
        unminted: BTreeSet::from([unminted()]),
        burnt: BTreeSet::new(),
        registry_asked: std::cell::Cell::new(0),
    }
}

fn sha256(content: &[u8]) -> [u8; 32] {
    Sha256::digest(content).into()
}

/// A catalog with `n` entries (ids 1..=n) added by the issuer.
fn catalog(n: u64) -> (MultiAssetData, World) {
    let mut data = empty();
    let w = world();
    for i in 1..=n {
        let uri = format!("ipfs://asset-{i}");
        data.add_asset_entry(&w, issuer(), uri.clone(), Some(sha256(uri.as_bytes())))
            .unwrap();
    }
    (data, w)
}

fn propose(data: &mut MultiAssetData, w: &World, token_id: Id, asset: AssetId) {
    data.propose_asset(w, issuer(), token_id, asset, None)
        .unwrap();
}

fn accept(data: &mut MultiAssetData, w: &World, asset: AssetId) {
    data.accept_asset(w, owner(), token(), asset).unwrap();
}

/// `token()` with `active` accepted and then `pending` pending, ids in that order from 1.
fn token_with(active: u64, pending: u64) -> (MultiAssetData, World) {
    let (mut data, w) = catalog(active + pending);
    for asset in 1..=active + pending {
        propose(&mut data, &w, token(), asset);
    }
    for asset in 1..=active {
        accept(&mut data, &w, asset);
    }
    (data, w)
}

/// `token()` with asset 1 active and asset 2 pending to replace it, proposed by `by`.
fn token_with_replacement(by: AccountId) -> (MultiAssetData, World) {
    let (mut data, w) = token_with(1, 0);
    data.add_asset_entry(&w, issuer(), "https://new/1.json".into(), None)
        .unwrap();
    data.propose_asset(&w, by, token(), 2, Some(1)).unwrap();
    (data, w)
}

/// `token()` with assets 1 and 2 active (priorities 0 and 1) in a catalog of 8 entries (3 to 8
/// are https mirrors without a hash), and `proposals` (asset, replaces) proposed to the whole
/// collection by the issuer.
fn collection_with(proposals: &[(AssetId, Option<AssetId>)]) -> (MultiAssetData, World) {
    let (mut data, w) = token_with(2, 0);
    for i in 3..=8 {
        data.add_asset_entry(&w, issuer(), format!("https://mirror/{i}.json"), None)
            .unwrap();
    }
    if !proposals.is_empty() {
        data.propose_to_collection(&w, issuer(), proposals.to_vec())
            .unwrap();
    }
    (data, w)
}

/// How many storage cells the contract under test uses.
fn cells() -> usize {
    let contract = ink::env::test::callee::<ink::env::DefaultEnvironment>();
    ink::env::test::count_used_storage_cells::<ink::env::DefaultEnvironment>(&contract).unwrap()
}

/// `token()` one asset below [`MAX_ACTIVE`], and two more entries (`MAX_ACTIVE` and
/// `MAX_ACTIVE + 1`) proposed to the whole collection: only one of them fits.
fn one_below_the_active_cap_with_two_collection_proposals() -> (MultiAssetData, World) {
    let (mut data, w) = token_with(MAX_ACTIVE as u64 - 1, 0);
    let first = MAX_ACTIVE as u64;
    for i in 0..2 {
        data.add_asset_entry(&w, issuer(), format!("ar://{i}"), None)
            .unwrap();
    }
    data.propose_to_collection(&w, issuer(), vec![(first, None), (first + 1, None)])
        .unwrap();
    (data, w)
}
