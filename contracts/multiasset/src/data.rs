//! The multi-asset state machine, free of any chain: every method takes the caller explicitly
//! and asks an [`Authority`] what it needs to know from the collection and the registry, so that
//! it is unit-tested without a node. Every method checks its caller and arguments first and
//! writes only once every check passed.
//!
//! Storage (ink! `Mapping`s, one cell per key):
//! - `entries[asset_id] = AssetEntry` — the catalog, immutable once written;
//! - `counts[token] = TokenCounts { pending, active, next_priority }`;
//! - `slots[(token, asset_id)] = Pending(position) | Active(position)` — where an asset stands
//!   on a token, so membership is one read;
//! - `pending_at[(token, position)] = PendingAsset { asset_id, replaces }` for
//!   `position < pending` — kept dense by swap-remove;
//! - `active_at[(token, position)] = ActiveAsset { asset_id, priority }` for
//!   `position < active` — only ever appended to or overwritten in place (a replacement).
//!
//! So a proposal writes three cells (`slots`, `pending_at`, `counts`) and reads two; accept,
//! reject and propose touch a constant number of cells whatever the number of pending or active
//! assets. Only `reject_all_assets`, `set_priority` and the list queries walk a list, bounded by
//! [`MAX_PENDING`] and [`MAX_ACTIVE`].

use crate::{errors::MultiAssetError, events::MultiAssetEvent};
use ink::{
    prelude::{string::String, vec::Vec},
    storage::Mapping,
};
use multiasset_traits::{AccountId, AssetId, ContentHash, Id};

/// The most pending assets a token holds (ERC-5773's cap).
pub const MAX_PENDING: u32 = 128;
/// The most active assets a token holds.
pub const MAX_ACTIVE: u32 = 64;
/// The longest catalog uri, in bytes.
pub const MAX_URI_LEN: usize = 512;
/// The most catalog entries one `add_asset_entries` call adds.
pub const MAX_ENTRIES_PER_CALL: usize = 16;
/// The most tokens one `propose_asset_to_many` call names.
pub const MAX_BATCH_TOKENS: usize = 512;
/// The most entries one `token_assets` page returns.
pub const MAX_PAGE: u32 = 16;

/// What the state machine needs to know from outside: the collection (issuer, token owners,
/// approvals) and the proposer registry. On chain each is a cross-contract call.
pub trait Authority {
    /// The collection's issuer (`Ownable::owner()`), `None` if renounced.
    fn issuer(&self) -> Result<Option<AccountId>, MultiAssetError>;
    /// Whether `account` is a live proposer of the collection in the registry.
    fn is_proposer(&self, account: AccountId) -> Result<bool, MultiAssetError>;
    /// The owner of `token_id`, `None` if the token does not exist.
    fn owner_of(&self, token_id: &Id) -> Result<Option<AccountId>, MultiAssetError>;
    /// Whether `owner` approved `operator` for `token_id` or for all its tokens.
    fn is_approved(
        &self,
        owner: AccountId,
        operator: AccountId,
        token_id: &Id,
    ) -> Result<bool, MultiAssetError>;
}

/// A catalog entry: where the content is, and the sha256 of the content if known.
#[derive(Debug, Clone, PartialEq, Eq, scale::Encode, scale::Decode)]
#[cfg_attr(
    feature = "std",
    derive(scale_info::TypeInfo, ink::storage::traits::StorageLayout)
)]
pub struct AssetEntry {
    pub uri: String,
    pub content_hash: Option<ContentHash>,
}

/// An active asset of a token as a wallet renders it.
#[derive(Debug, Clone, PartialEq, Eq, scale::Encode, scale::Decode)]
#[cfg_attr(feature = "std", derive(scale_info::TypeInfo))]
pub struct TokenAsset {
    pub asset_id: AssetId,
    pub priority: u64,
    pub uri: String,
    pub content_hash: Option<ContentHash>,
}

/// Per-token list lengths.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, scale::Encode, scale::Decode)]
#[cfg_attr(
    feature = "std",
    derive(scale_info::TypeInfo, ink::storage::traits::StorageLayout)
)]
pub struct TokenCounts {
    pub pending: u32,
    pub active: u32,
    /// The priority the next appended active asset gets: the number of active assets until the
    /// owner sets priorities, then one more than the largest priority set.
    pub next_priority: u64,
}

/// Where an asset stands on a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, scale::Encode, scale::Decode)]
#[cfg_attr(
    feature = "std",
    derive(scale_info::TypeInfo, ink::storage::traits::StorageLayout)
)]
pub enum Slot {
    Pending(u32),
    Active(u32),
}

/// A pending proposal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, scale::Encode, scale::Decode)]
#[cfg_attr(
    feature = "std",
    derive(scale_info::TypeInfo, ink::storage::traits::StorageLayout)
)]
pub struct PendingAsset {
    pub asset_id: AssetId,
    pub replaces: Option<AssetId>,
}

/// An accepted asset with its priority (lower renders first).
#[derive(Debug, Clone, Copy, PartialEq, Eq, scale::Encode, scale::Decode)]
#[cfg_attr(
    feature = "std",
    derive(scale_info::TypeInfo, ink::storage::traits::StorageLayout)
)]
pub struct ActiveAsset {
    pub asset_id: AssetId,
    pub priority: u64,
}

/// The catalog and every token's assets.
#[ink::storage_item]
#[derive(Default, Debug)]
pub struct MultiAssetData {
    total_assets: u64,
    entries: Mapping<AssetId, AssetEntry>,
    counts: Mapping<Id, TokenCounts>,
    slots: Mapping<(Id, AssetId), Slot>,
    pending_at: Mapping<(Id, u32), PendingAsset>,
    active_at: Mapping<(Id, u32), ActiveAsset>,
}

type Outcome = Result<Vec<MultiAssetEvent>, MultiAssetError>;

impl MultiAssetData {
    // ---- catalog -----------------------------------------------------------------------

    /// Adds one catalog entry; returns its id. Caller: the issuer or a live proposer.
    pub fn add_asset_entry(
        &mut self,
        authority: &impl Authority,
        caller: AccountId,
        uri: String,
        content_hash: Option<ContentHash>,
    ) -> Result<(AssetId, Vec<MultiAssetEvent>), MultiAssetError> {
        let (ids, events) =
            self.add_asset_entries(authority, caller, Vec::from([(uri, content_hash)]))?;
        Ok((ids[0], events))
    }

    /// Adds up to [`MAX_ENTRIES_PER_CALL`] entries (a mirror set: one file on https, ipfs, ar,
    /// sia) with consecutive ids. Caller: the issuer or a live proposer.
    pub fn add_asset_entries(
        &mut self,
        authority: &impl Authority,
        caller: AccountId,
        entries: Vec<(String, Option<ContentHash>)>,
    ) -> Result<(Vec<AssetId>, Vec<MultiAssetEvent>), MultiAssetError> {
        ensure_may_propose(authority, caller)?;
        if entries.is_empty() {
            return Err(MultiAssetError::EmptyBatch);
        }
        if entries.len() > MAX_ENTRIES_PER_CALL {
            return Err(MultiAssetError::BatchTooLarge {
                max: MAX_ENTRIES_PER_CALL as u32,
            });
        }
        for (index, (uri, _)) in entries.iter().enumerate() {
            let index = index as u32;
            if uri.is_empty() {
                return Err(MultiAssetError::EmptyUri { index });
            }
            if uri.len() > MAX_URI_LEN {
                return Err(MultiAssetError::UriTooLong { index });
            }
        }
        let first = self
            .total_assets
            .checked_add(1)
            .filter(|first| first.checked_add(entries.len() as u64 - 1).is_some())
            .ok_or(MultiAssetError::CatalogFull)?;
        let mut ids = Vec::with_capacity(entries.len());
        let mut events = Vec::with_capacity(entries.len());
        for (asset_id, (uri, content_hash)) in (first..).zip(entries) {
            let entry = AssetEntry { uri, content_hash };
            self.entries.insert(asset_id, &entry);
            ids.push(asset_id);
            events.push(MultiAssetEvent::AssetEntryAdded {
                asset_id,
                uri: entry.uri,
                content_hash: entry.content_hash,
                added_by: caller,
            });
        }
        self.total_assets = first + ids.len() as u64 - 1;
        Ok((ids, events))
    }

    /// The catalog entry `asset_id`.
    pub fn asset(&self, asset_id: AssetId) -> Option<AssetEntry> {
        self.entries.get(asset_id)
    }

    /// How many catalog entries exist; their ids are `1..=total_assets`.
    pub fn total_assets(&self) -> u64 {
        self.total_assets
    }

    // ---- propose -----------------------------------------------------------------------

    /// Proposes `asset_id` to `token_id`, to take `replaces`'s place when accepted. Caller: the
    /// issuer or a live proposer; if the caller owns the token, the asset is accepted at once.
    /// The token need not exist: a proposal is inert until its owner accepts it.
    pub fn propose_asset(
        &mut self,
        authority: &impl Authority,
        caller: AccountId,
        token_id: Id,
        asset_id: AssetId,
        replaces: Option<AssetId>,
    ) -> Outcome {
        ensure_may_propose(authority, caller)?;
        self.ensure_entry(asset_id)?;
        let counts = self.check_proposable(&token_id, asset_id)?;
        let proposal = PendingAsset { asset_id, replaces };
        let target = self.replacement_target(&token_id, proposal);
        if replaces.is_some() && target.is_none() {
            return Err(MultiAssetError::ReplacedAssetNotActive { token_id });
        }
        let owner_proposes = authority.owner_of(&token_id)? == Some(caller);
        if owner_proposes && replaces.is_none() && counts.active >= MAX_ACTIVE {
            return Err(MultiAssetError::TooManyActiveAssets { token_id });
        }

        let mut events = Vec::from([MultiAssetEvent::AssetProposed {
            token_id: token_id.clone(),
            asset_id,
            replaces,
            proposer: caller,
        }]);
        if owner_proposes {
            events.push(self.activate(&token_id, asset_id, target, counts));
        } else {
            self.push_pending(&token_id, proposal, counts);
        }
        Ok(events)
    }

    /// Proposes `asset_id` to every token of `token_ids` (at most [`MAX_BATCH_TOKENS`]), all or
    /// nothing; the error names the first token that stopped it. Caller: the issuer or a live
    /// proposer. Unlike `propose_asset`, nothing is accepted at once, even on tokens the caller
    /// owns: that would cost a call to the collection per token.
    pub fn propose_asset_to_many(
        &mut self,
        authority: &impl Authority,
        caller: AccountId,
        token_ids: Vec<Id>,
        asset_id: AssetId,
    ) -> Outcome {
        ensure_may_propose(authority, caller)?;
        if token_ids.is_empty() {
            return Err(MultiAssetError::EmptyBatch);
        }
        if token_ids.len() > MAX_BATCH_TOKENS {
            return Err(MultiAssetError::BatchTooLarge {
                max: MAX_BATCH_TOKENS as u32,
            });
        }
        self.ensure_entry(asset_id)?;
        let mut sorted: Vec<&Id> = token_ids.iter().collect();
        sorted.sort_unstable();
        if let Some(pair) = sorted.windows(2).find(|pair| pair[0] == pair[1]) {
            return Err(MultiAssetError::DuplicateToken {
                token_id: pair[0].clone(),
            });
        }
        let counts = token_ids
            .iter()
            .map(|token_id| self.check_proposable(token_id, asset_id))
            .collect::<Result<Vec<_>, _>>()?;

        let proposal = PendingAsset {
            asset_id,
            replaces: None,
        };
        let mut events = Vec::with_capacity(token_ids.len());
        for (token_id, counts) in token_ids.into_iter().zip(counts) {
            self.push_pending(&token_id, proposal, counts);
            events.push(MultiAssetEvent::AssetProposed {
                token_id,
                asset_id,
                replaces: None,
                proposer: caller,
            });
        }
        Ok(events)
    }

    // ---- decide (token owner or approved operator) ---------------------------------------

    /// Accepts pending `asset_id` on `token_id`. If it replaces an asset that is still active,
    /// it takes that asset's position and priority and the old asset leaves the token; otherwise
    /// it is appended with the next priority.
    pub fn accept_asset(
        &mut self,
        authority: &impl Authority,
        caller: AccountId,
        token_id: Id,
        asset_id: AssetId,
    ) -> Outcome {
        ensure_owner_or_approved(authority, caller, &token_id)?;
        let position = self.pending_position(&token_id, asset_id)?;
        let proposal = self
            .pending_at
            .get((&token_id, position))
            .unwrap_or(PendingAsset {
                asset_id,
                replaces: None,
            });
        let mut counts = self.counts(&token_id);
        let target = self.replacement_target(&token_id, proposal);
        if target.is_none() && counts.active >= MAX_ACTIVE {
            return Err(MultiAssetError::TooManyActiveAssets { token_id });
        }

        self.remove_pending(&token_id, position, &mut counts);
        Ok(Vec::from([
            self.activate(&token_id, asset_id, target, counts)
        ]))
    }

    /// Rejects pending `asset_id` on `token_id`; it may be proposed again later.
    pub fn reject_asset(
        &mut self,
        authority: &impl Authority,
        caller: AccountId,
        token_id: Id,
        asset_id: AssetId,
    ) -> Outcome {
        ensure_owner_or_approved(authority, caller, &token_id)?;
        let position = self.pending_position(&token_id, asset_id)?;

        let mut counts = self.counts(&token_id);
        self.remove_pending(&token_id, position, &mut counts);
        self.slots.remove((&token_id, asset_id));
        self.counts.insert(&token_id, &counts);
        Ok(Vec::from([MultiAssetEvent::AssetRejected {
            token_id,
            asset_id,
        }]))
    }

    /// Rejects every pending asset of `token_id`; fails if more than `max_rejections` are
    /// pending (someone proposed since the owner looked).
    pub fn reject_all_assets(
        &mut self,
        authority: &impl Authority,
        caller: AccountId,
        token_id: Id,
        max_rejections: u32,
    ) -> Outcome {
        ensure_owner_or_approved(authority, caller, &token_id)?;
        let mut counts = self.counts(&token_id);
        if counts.pending > max_rejections {
            return Err(MultiAssetError::UnexpectedNumberOfAssets {
                token_id,
                pending: counts.pending,
            });
        }

        let count = counts.pending;
        for position in 0..count {
            if let Some(proposal) = self.pending_at.take((&token_id, position)) {
                self.slots.remove((&token_id, proposal.asset_id));
            }
        }
        counts.pending = 0;
        self.counts.insert(&token_id, &counts);
        Ok(Vec::from([MultiAssetEvent::AllAssetsRejected {
            token_id,
            count,
        }]))
    }

    /// Sets the priorities of `token_id`'s active assets, in the order of `active_assets`
    /// (lower renders first). One value per active asset, no value twice.
    pub fn set_priority(
        &mut self,
        authority: &impl Authority,
        caller: AccountId,
        token_id: Id,
        priorities: Vec<u64>,
    ) -> Outcome {
        ensure_owner_or_approved(authority, caller, &token_id)?;
        let mut counts = self.counts(&token_id);
        if priorities.len() != counts.active as usize {
            return Err(MultiAssetError::BadPriorityListLength {
                token_id,
                expected: counts.active,
            });
        }
        // At most MAX_ACTIVE values: a pairwise check costs less code than a sort.
        let duplicate = (1..priorities.len()).any(|i| priorities[..i].contains(&priorities[i]));
        if duplicate {
            return Err(MultiAssetError::DuplicatePriority { token_id });
        }

        for (position, &priority) in (0u32..).zip(&priorities) {
            if let Some(active) = self.active_at.get((&token_id, position)) {
                self.active_at
                    .insert((&token_id, position), &ActiveAsset { priority, ..active });
            }
        }
        counts.next_priority = priorities
            .iter()
            .max()
            .map_or(0, |max| max.saturating_add(1));
        self.counts.insert(&token_id, &counts);
        Ok(Vec::from([MultiAssetEvent::AssetPrioritySet {
            token_id,
            priorities,
        }]))
    }

    // ---- queries -----------------------------------------------------------------------

    /// The active assets of `token_id`, in position order.
    pub fn active_assets(&self, token_id: &Id) -> Vec<AssetId> {
        self.active(token_id).map(|a| a.asset_id).collect()
    }

    /// The priorities of `token_id`'s active assets, in the order of `active_assets`.
    pub fn active_asset_priorities(&self, token_id: &Id) -> Vec<u64> {
        self.active(token_id).map(|a| a.priority).collect()
    }

    /// The pending assets of `token_id`, in position order.
    pub fn pending_assets(&self, token_id: &Id) -> Vec<AssetId> {
        (0..self.counts(token_id).pending)
            .filter_map(|position| self.pending_at.get((token_id, position)))
            .map(|p| p.asset_id)
            .collect()
    }

    /// The asset that pending `asset_id` would replace on `token_id`, if any.
    pub fn asset_replacement(&self, token_id: &Id, asset_id: AssetId) -> Option<AssetId> {
        match self.slots.get((token_id, asset_id)) {
            Some(Slot::Pending(position)) => self
                .pending_at
                .get((token_id, position))
                .and_then(|p| p.replaces),
            _ => None,
        }
    }

    /// Up to `limit` (at most [`MAX_PAGE`]) active assets of `token_id` with their catalog
    /// entries, sorted by priority (then position), from rank `start`: what a wallet renders,
    /// falling back to the next mirror when one host fails.
    pub fn token_assets(
        &self,
        token_id: &Id,
        start: u32,
        limit: u32,
    ) -> Result<Vec<TokenAsset>, MultiAssetError> {
        if limit > MAX_PAGE {
            return Err(MultiAssetError::LimitTooLarge);
        }
        // Insertion sort by priority, stable (ties keep position order): at most MAX_ACTIVE
        // entries, and less code than the library sort.
        let mut ranked: Vec<ActiveAsset> = Vec::new();
        for asset in self.active(token_id) {
            let at = ranked.partition_point(|a| a.priority <= asset.priority);
            ranked.insert(at, asset);
        }
        Ok(ranked
            .into_iter()
            .skip(start as usize)
            .take(limit as usize)
            .filter_map(|a| {
                self.entries.get(a.asset_id).map(|entry| TokenAsset {
                    asset_id: a.asset_id,
                    priority: a.priority,
                    uri: entry.uri,
                    content_hash: entry.content_hash,
                })
            })
            .collect())
    }

    /// The pending and active list lengths of `token_id`.
    pub fn counts(&self, token_id: &Id) -> TokenCounts {
        self.counts.get(token_id).unwrap_or_default()
    }

    // ---- internals ---------------------------------------------------------------------

    fn active<'a>(&'a self, token_id: &'a Id) -> impl Iterator<Item = ActiveAsset> + 'a {
        (0..self.counts(token_id).active)
            .filter_map(move |position| self.active_at.get((token_id, position)))
    }

    fn ensure_entry(&self, asset_id: AssetId) -> Result<(), MultiAssetError> {
        if asset_id == 0 || asset_id > self.total_assets {
            return Err(MultiAssetError::AssetNotFound { asset_id });
        }
        Ok(())
    }

    /// Checks that `asset_id` may be proposed to `token_id` and returns the token's counts.
    fn check_proposable(
        &self,
        token_id: &Id,
        asset_id: AssetId,
    ) -> Result<TokenCounts, MultiAssetError> {
        let token_id = || token_id.clone();
        match self.slots.get((token_id(), asset_id)) {
            Some(Slot::Pending(_)) => {
                return Err(MultiAssetError::AssetAlreadyPending {
                    token_id: token_id(),
                })
            }
            Some(Slot::Active(_)) => {
                return Err(MultiAssetError::AssetAlreadyActive {
                    token_id: token_id(),
                })
            }
            None => {}
        }
        let counts = self.counts(&token_id());
        if counts.pending >= MAX_PENDING {
            return Err(MultiAssetError::TooManyPendingAssets {
                token_id: token_id(),
            });
        }
        Ok(counts)
    }

    fn pending_position(&self, token_id: &Id, asset_id: AssetId) -> Result<u32, MultiAssetError> {
        match self.slots.get((token_id, asset_id)) {
            Some(Slot::Pending(position)) => Ok(position),
            _ => Err(MultiAssetError::AssetNotPending {
                token_id: token_id.clone(),
            }),
        }
    }

    /// The asset `proposal` replaces and its position, if that asset is still active.
    fn replacement_target(&self, token_id: &Id, proposal: PendingAsset) -> Option<(AssetId, u32)> {
        let old = proposal.replaces?;
        match self.slots.get((token_id, old)) {
            Some(Slot::Active(position)) => Some((old, position)),
            _ => None,
        }
    }

    fn push_pending(&mut self, token_id: &Id, proposal: PendingAsset, mut counts: TokenCounts) {
        let position = counts.pending;
        self.pending_at.insert((token_id, position), &proposal);
        self.slots
            .insert((token_id, proposal.asset_id), &Slot::Pending(position));
        counts.pending += 1;
        self.counts.insert(token_id, &counts);
    }

    /// Swap-remove: the last pending proposal moves into `position`.
    fn remove_pending(&mut self, token_id: &Id, position: u32, counts: &mut TokenCounts) {
        let last = counts.pending.saturating_sub(1);
        if position != last {
            if let Some(moved) = self.pending_at.get((token_id, last)) {
                self.pending_at.insert((token_id, position), &moved);
                self.slots
                    .insert((token_id, moved.asset_id), &Slot::Pending(position));
            }
        }
        self.pending_at.remove((token_id, last));
        counts.pending = last;
    }

    /// Makes `asset_id` active and stores `counts`: in `target`'s place (the replaced asset and
    /// its position, as [`Self::replacement_target`] found it), or appended. The caller checked
    /// the active cap.
    fn activate(
        &mut self,
        token_id: &Id,
        asset_id: AssetId,
        target: Option<(AssetId, u32)>,
        mut counts: TokenCounts,
    ) -> MultiAssetEvent {
        let (position, priority, replaced) = match target {
            Some((old, position)) => {
                let priority = self
                    .active_at
                    .get((token_id, position))
                    .map_or(counts.next_priority, |a| a.priority);
                self.slots.remove((token_id, old));
                (position, priority, Some(old))
            }
            None => {
                let appended = (counts.active, counts.next_priority, None);
                counts.active += 1;
                counts.next_priority = counts.next_priority.saturating_add(1);
                appended
            }
        };
        self.active_at
            .insert((token_id, position), &ActiveAsset { asset_id, priority });
        self.slots
            .insert((token_id, asset_id), &Slot::Active(position));
        self.counts.insert(token_id, &counts);
        MultiAssetEvent::AssetAccepted {
            token_id: token_id.clone(),
            asset_id,
            replaced,
        }
    }
}

fn ensure_may_propose(
    authority: &impl Authority,
    caller: AccountId,
) -> Result<(), MultiAssetError> {
    if authority.issuer()? == Some(caller) || authority.is_proposer(caller)? {
        Ok(())
    } else {
        Err(MultiAssetError::NotIssuerOrProposer)
    }
}

fn ensure_owner_or_approved(
    authority: &impl Authority,
    caller: AccountId,
    token_id: &Id,
) -> Result<(), MultiAssetError> {
    let owner = authority
        .owner_of(token_id)?
        .ok_or_else(|| MultiAssetError::TokenNotFound {
            token_id: token_id.clone(),
        })?;
    if owner == caller || authority.is_approved(owner, caller, token_id)? {
        Ok(())
    } else {
        Err(MultiAssetError::NotTokenOwnerOrApproved {
            token_id: token_id.clone(),
        })
    }
}
