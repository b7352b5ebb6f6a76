//! The messages' state machine, free of any chain: [`MultiAssetData`] holds the contract's
//! storage, and every method takes the caller explicitly and asks an [`Authority`] what it needs
//! to know from the collection and the registry, so that it is unit-tested without a node. Every
//! method checks its caller and arguments first and writes only once every check passed; a
//! state change returns its events ([`Outcome`]).
//!
//! One file per group of messages: [`propose`] (catalog entries, proposals to a token, to many
//! tokens and to the collection, withdrawals), [`decide`] (the owner's accept, reject,
//! reject-all and priorities), [`follow`] (standing consent) and [`queries`]; this file holds the
//! storage and the token cells' lifecycle.
//!
//! Invariants:
//! - Catalog ids start at 1 (0 is never an asset); entries are immutable; a uri is 1 to
//!   [`crate::limits::MAX_URI_LEN`] bytes.
//! - An asset is never both pending and active on a token; a token has at most
//!   [`crate::limits::MAX_PENDING`] pending and [`crate::limits::MAX_ACTIVE`] active assets, and as
//!   many priorities as active assets.
//! - A proposal's `replaces` must be active when proposed. On accept the new asset takes the old
//!   one's position and priority and the old one leaves the token; if the old one is no longer
//!   active by then, the new one is appended. Nothing replaces an asset without the owner's
//!   accept — except that an issuer or proposer who owns the token accepts by proposing
//!   (`propose_asset` only).
//! - Appended assets get the next priority: the number of active assets until the owner sets
//!   priorities, then one more than the largest set; once an active asset holds `u64::MAX`,
//!   nothing more is appended (`PrioritiesExhausted`).
//! - Every message on a token reads one storage cell and writes at most that cell, whatever the
//!   number of pending or active assets (see below).
//! - **The collection is asked once per message**: `AssetAuthority::token_authority` answers
//!   issuer, owner, burnt and asset operator together. A proposal to a token not minted yet is
//!   allowed (ERC-5773) and inert until it is minted and its owner accepts; a burnt token takes
//!   none. Accept also checks that the proposal's proposer is still the issuer or a live
//!   proposer. Queries of a token the collection does not know show nothing.
//! - **What wallets show** (`top_asset`, the lowest priority, the first among equals, and
//!   `TopAssetUri::top_asset_uri` for the collection's `Psp34Traits` answers) changes only by
//!   the decision of the token's owner or asset operator, or, for a token that follows the
//!   collection, by a collection-wide proposal of a proposer that counts at that moment; and
//!   every such change is announced by ERC-4906 in the transaction that causes it:
//!   `MetadataUpdate` when a decision changes a token's top asset, `BatchMetadataUpdate` when a
//!   collection-wide proposal is made or withdrawn, and when a grant or the issuer changes
//!   (the registry and the collection call `announce_followers_changed`). An expiry takes
//!   effect without a transaction: anyone then calls the registry's `clear_ended_grant`.
//! - Proposals whose proposer no longer counts count against no cap: they are dropped when in
//!   the way ([`propose`]). A token keeps its state when it changes hands, as in ERC-5773: a
//!   buyer inherits its follow setting and the decisions on open collection-wide proposals
//!   (`decided_collection_proposals`).
//! - A token id takes at most [`crate::limits::MAX_TOKEN_ID_LEN`] bytes SCALE-encoded (a storage
//!   key must fit pallet-contracts' 128 bytes): longer ids are refused with `TokenIdTooLong` and
//!   hold nothing in queries, instead of trapping.
//! - Every message checks caller and arguments before it writes; a failed message changes
//!   nothing; every change emits an event.
//!
//! Storage (ink! `Mapping`s, one cell per key):
//! - `catalog` — the entries and their count ([`Catalog`]), immutable once written;
//! - `tokens[token] = TokenAssets` — everything one token holds, in **one cell** bounded by the
//!   caps ([`crate::token`]). A token that holds nothing has no cell (the last reject frees it
//!   and refunds its deposit);
//! - `collection_wide = CollectionProposals` — the open collection-wide proposals, one `Lazy`
//!   cell read only by the messages that need it ([`crate::collection_wide`]).
//!
//! Why one bounded cell per token and not index maps: on pallet-contracts every storage access
//! is charged about 10 KiB of proof size whatever it reads or writes (the weight of a storage
//! host function adds `set_storage_full - set_storage_empty`, 10,010 bytes, for the trie path;
//! a read of a missing key costs as much as a write), while each byte of a value costs one byte.
//! Index maps (membership slot + positional list + counters) need five accesses per proposal
//! (2 reads, 3 writes: 50 KiB), which caps a batch at 81 tokens per 5 MiB block. One cell makes
//! every message on a token exactly one read and one write, whatever the number of pending or
//! active assets: the bytes it carries grow to about 7.3 KiB at the caps, less than one more
//! access. So accept, reject, reject-all, set-priority and propose cost O(1) storage accesses
//! and a bounded number of bytes; `propose_asset_to_many` costs one read and one write per
//! token plus one event for the whole batch.

pub mod decide;
pub mod follow;
pub mod propose;
pub mod queries;

use crate::{
    catalog::Catalog,
    collection_wide::CollectionProposals,
    errors::MultiAssetError,
    events::MultiAssetEvent,
    limits::MAX_BATCH_HELD,
    rules::{ensure_token_id, nobody, Authority, Outcome},
    shown::OpenProposals,
    token::TokenAssets,
};
use ink::{
    prelude::vec::Vec,
    storage::{Lazy, Mapping},
};
use multiasset_traits::{AccountId, Id};

pub use queries::TokenAsset;

/// The catalog, every token's assets and the collection-wide proposals.
#[ink::storage_item]
#[derive(Default, Debug)]
pub struct MultiAssetData {
    pub(crate) catalog: Catalog,
    tokens: Mapping<Id, TokenAssets>,
    collection_wide: Lazy<CollectionProposals>,
}

impl MultiAssetData {
    /// Frees the cell of burnt token `token_id`, which nobody could ever decide on again; the
    /// storage deposit goes back to the caller. Anyone may call. Nothing to free: no change.
    ///
    /// # Errors
    /// - [`MultiAssetError::TokenIdTooLong`]: if the id cannot be a storage key.
    /// - [`MultiAssetError::CollectionCallFailed`]: if the collection does not answer.
    /// - [`MultiAssetError::TokenNotBurnt`]: if the collection does not report it burnt.
    ///
    /// # Events
    /// [`BurntTokenCleared`](crate::BurntTokenCleared): none if the token held nothing.
    pub fn clear_burnt_token(&mut self, authority: &impl Authority, token_id: Id) -> Outcome {
        ensure_token_id(&token_id)?;
        if !authority.token_authority(&token_id, nobody())?.burnt {
            return Err(MultiAssetError::TokenNotBurnt { token_id });
        }
        let cell = self.token(&token_id);
        if cell == TokenAssets::default() {
            return Ok(Vec::new());
        }
        self.tokens.remove(&token_id);
        Ok(Vec::from([MultiAssetEvent::BurntTokenCleared {
            token_id,
            pending: cell.pending.len() as u32,
            active: cell.active.len() as u32,
        }]))
    }

    /// Everything `token_id` holds (empty if it holds nothing): one storage read. An id too long
    /// to be a storage key holds nothing and is not looked up (the host would trap).
    pub(crate) fn token(&self, token_id: &Id) -> TokenAssets {
        if ensure_token_id(token_id).is_err() {
            return TokenAssets::default();
        }
        self.tokens.get(token_id).unwrap_or_default()
    }

    /// The cell of each of `token_ids`, in order, for a message that keeps them all in memory
    /// between its checks and its writes (the contract's memory is never freed): refused with
    /// `BatchHoldsTooMuch`, naming the token at which they hold more than [`MAX_BATCH_HELD`]
    /// pending and active assets together.
    pub(crate) fn held_cells(&self, token_ids: &[Id]) -> Result<Vec<TokenAssets>, MultiAssetError> {
        let mut held: u32 = 0;
        let mut cells = Vec::with_capacity(token_ids.len());
        for token_id in token_ids {
            let cell = self.token(token_id);
            held = held.saturating_add((cell.pending.len() + cell.active.len()) as u32);
            if held > MAX_BATCH_HELD {
                return Err(MultiAssetError::BatchHoldsTooMuch {
                    token_id: token_id.clone(),
                });
            }
            cells.push(cell);
        }
        Ok(cells)
    }

    /// Writes `token_id`'s cell, or frees it (refunding its deposit) when it holds nothing.
    pub(crate) fn store(&mut self, token_id: &Id, cell: &TokenAssets) {
        if *cell == TokenAssets::default() {
            self.tokens.remove(token_id);
        } else {
            self.tokens.insert(token_id, cell);
        }
    }

    /// The open collection-wide proposals, for a message that knows the collection's `issuer`.
    pub(crate) fn open_proposals<'a, A: Authority>(
        &self,
        authority: &'a A,
        issuer: Option<AccountId>,
    ) -> OpenProposals<'a, A> {
        OpenProposals::new(authority, issuer, self.collection_proposals_cell().open)
    }

    /// The cell of collection-wide proposals (empty before the first): one storage read.
    pub(crate) fn collection_proposals_cell(&self) -> CollectionProposals {
        self.collection_wide.get().unwrap_or_default()
    }

    /// Writes the cell of collection-wide proposals.
    pub(crate) fn store_collection_proposals(&mut self, cell: &CollectionProposals) {
        self.collection_wide.set(cell);
    }
}
