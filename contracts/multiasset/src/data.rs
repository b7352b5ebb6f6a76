//! The multi-asset state machine, free of any chain: every method takes the caller explicitly
//! and asks an [`Authority`] what it needs to know from the collection and the registry, so that
//! it is unit-tested without a node. Every method checks its caller and arguments first and
//! writes only once every check passed.
//!
//! Storage (ink! `Mapping`s, one cell per key):
//! - `entries[asset_id] = AssetEntry` — the catalog, immutable once written;
//! - `tokens[token] = TokenAssets { pending, active, next_priority }` — everything one token
//!   holds, in **one cell**, bounded by the caps: at most
//!   [`MAX_PENDING`](crate::limits::MAX_PENDING) pending proposals (49 bytes each: asset,
//!   replaced asset, proposer) and [`MAX_ACTIVE`](crate::limits::MAX_ACTIVE) active assets
//!   (16 bytes each), about 7.3 KiB at most.
//!   A token that holds nothing has no cell (the last reject frees it and refunds its deposit).
//!   The cell also says whether the token follows the collection and which open
//!   collection-wide proposals its owner decided (sequence numbers, at most the open ones plus
//!   one call's decisions);
//! - `collection_wide = CollectionProposals { next_seq, open }` — the open collection-wide
//!   proposals, one `Lazy` cell read only by the messages that need it (see
//!   [`crate::collection_wide`]).
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
//! token plus one event for the whole batch. ERC-5773's order is kept exactly: proposals are
//! appended and removed by swap-remove (the last one takes the removed one's place); active
//! assets are appended, or a replacement overwrites the old asset in place.

use crate::{
    catalog::AssetEntry,
    collection_wide::{CollectionProposal, CollectionProposals},
    errors::MultiAssetError,
    events::MultiAssetEvent,
    limits::{
        MAX_ANSWER_BYTES, MAX_BATCH_HELD, MAX_BATCH_ID_BYTES, MAX_BATCH_TOKENS,
        MAX_DECISIONS_PER_CALL, MAX_FOLLOW_TOKENS, MAX_PAGE, MAX_TOKENS_PER_QUERY,
    },
    template,
    token::{ensure_token_id, top_of, ActiveAsset, PendingAsset, TokenAssets},
};
use ink::{
    prelude::{string::String, vec::Vec},
    storage::{Lazy, Mapping},
};
use multiasset_traits::{AccountId, AssetId, ContentHash, Id, TokenAuthority};

/// What the state machine needs to know from outside: the collection (issuer, token owners,
/// asset approvals, burnt tokens) and the proposer registry. On chain each method is one
/// cross-contract call, so a message asks each peer at most once.
pub trait Authority {
    /// The collection's issuer (`Ownable::owner()`), `None` if renounced.
    fn issuer(&self) -> Result<Option<AccountId>, MultiAssetError>;
    /// Whether `account` is a live proposer of the collection in the registry.
    fn is_proposer(&self, account: AccountId) -> Result<bool, MultiAssetError>;
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

/// An active asset of a token as a wallet renders it.
#[derive(Debug, Clone, PartialEq, Eq, scale::Encode, scale::Decode)]
#[cfg_attr(feature = "std", derive(scale_info::TypeInfo))]
pub struct TokenAsset {
    pub asset_id: AssetId,
    pub priority: u64,
    pub uri: String,
    pub content_hash: Option<ContentHash>,
}

/// The catalog, every token's assets and the collection-wide proposals.
#[ink::storage_item]
#[derive(Default, Debug)]
pub struct MultiAssetData {
    pub(crate) total_assets: u64,
    pub(crate) entries: Mapping<AssetId, AssetEntry>,
    tokens: Mapping<Id, TokenAssets>,
    pub(crate) collection_wide: Lazy<CollectionProposals>,
}

/// What a state-changing method returns: the events to emit, or why nothing changed.
pub(crate) type Outcome = Result<Vec<MultiAssetEvent>, MultiAssetError>;

/// What a decision does to each asset it names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Decision {
    Accept,
    Reject,
}

/// How a decision is reported: one event per asset (`accept_asset`, `reject_asset`) or one for
/// the whole set (`accept_assets`, `reject_assets`, as `AssetProposedToMany` is for a batch: an
/// event costs about as much ref_time as a storage write).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Report {
    PerAsset,
    Set,
}

/// Where a pending asset a token shows comes from.
#[derive(Clone, Copy)]
enum Proposal {
    /// The token's own pending list, at this position.
    Own(usize),
    /// An open collection-wide proposal.
    CollectionWide(CollectionProposal),
}

impl MultiAssetData {
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
        ensure_token_id(&token_id)?;
        let seen = authority.token_authority(&token_id, caller)?;
        ensure_may_propose(authority, seen.issuer, caller)?;
        self.ensure_entry(asset_id)?;
        // A token without an owner may be one not minted yet (ERC-5773 allows proposing to it)
        // or a burnt one, which can never take an asset, whatever its cell still holds.
        if seen.burnt {
            return Err(MultiAssetError::TokenBurnt { token_id });
        }
        let owner = seen.owner;
        let mut assets = self.token(&token_id);
        assets.ensure_new(&token_id, asset_id)?;
        let proposal = PendingAsset {
            asset_id,
            replaces,
            proposer: caller,
        };
        if replaces.is_some() && assets.replacement_target(&proposal).is_none() {
            return Err(MultiAssetError::ReplacedAssetNotActive { token_id });
        }
        // An owner's own proposal is accepted at once, so only the active rules apply to it.
        let owner_proposes = owner == Some(caller);
        let target = if owner_proposes {
            assets.ensure_not_following(&token_id)?;
            Some(assets.ensure_acceptable(&token_id, &proposal)?)
        } else {
            assets.ensure_pending_room(&token_id)?;
            None
        };

        let mut events = Vec::from([MultiAssetEvent::AssetProposed {
            token_id: token_id.clone(),
            asset_id,
            replaces,
            proposer: caller,
        }]);
        match target {
            Some(target) => {
                let top = assets.top();
                let replaced = assets.activate(asset_id, target);
                events.push(MultiAssetEvent::AssetAccepted {
                    token_id: token_id.clone(),
                    asset_id,
                    replaced,
                });
                push_metadata_update(&mut events, &token_id, top, &assets);
            }
            None => assets.pending.push(proposal),
        }
        self.store(&token_id, &assets);
        Ok(events)
    }

    /// Proposes `asset_id` to every token of `token_ids` (at most [`MAX_BATCH_TOKENS`]), to take
    /// `replaces`'s place on each when accepted, all or nothing; the error names the first token
    /// that stopped it. Caller: the issuer or a live
    /// proposer. The same rules as `propose_asset` hold for each token, but nothing is accepted
    /// at once, even on tokens the caller owns: that would cost a call to the collection per
    /// token. One `AssetProposedToMany` event reports the whole batch.
    pub fn propose_asset_to_many(
        &mut self,
        authority: &impl Authority,
        caller: AccountId,
        token_ids: Vec<Id>,
        asset_id: AssetId,
        replaces: Option<AssetId>,
    ) -> Outcome {
        ensure_may_propose(authority, authority.issuer()?, caller)?;
        ensure_list_size(token_ids.len(), MAX_BATCH_TOKENS)?;
        token_ids.iter().try_for_each(ensure_token_id)?;
        if scale::Encode::encoded_size(&token_ids) > MAX_BATCH_ID_BYTES {
            return Err(MultiAssetError::TokenIdsTooLong {
                max_bytes: MAX_BATCH_ID_BYTES as u32,
            });
        }
        self.ensure_entry(asset_id)?;
        // At 240 tokens the pairwise comparisons cost 1.6e9 ref_time (0.3 % of a block).
        ensure_distinct_tokens(&token_ids)?;
        let proposal = PendingAsset {
            asset_id,
            replaces,
            proposer: caller,
        };
        let mut held: u32 = 0;
        let mut cells = Vec::with_capacity(token_ids.len());
        for token_id in &token_ids {
            let assets = self.token(token_id);
            held = held.saturating_add((assets.pending.len() + assets.active.len()) as u32);
            if held > MAX_BATCH_HELD {
                return Err(MultiAssetError::BatchHoldsTooMuch {
                    token_id: token_id.clone(),
                });
            }
            assets.ensure_proposable(token_id, asset_id)?;
            if replaces.is_some() && assets.replacement_target(&proposal).is_none() {
                return Err(MultiAssetError::ReplacedAssetNotActive {
                    token_id: token_id.clone(),
                });
            }
            cells.push(assets);
        }

        for (token_id, mut assets) in token_ids.iter().zip(cells) {
            // Grow by exactly one: the default doubling would copy the list into twice its size,
            // and the contract's allocator never frees the old one.
            assets.pending.reserve_exact(1);
            assets.pending.push(proposal);
            self.store(token_id, &assets);
        }
        Ok(Vec::from([MultiAssetEvent::AssetProposedToMany {
            token_ids,
            asset_id,
            replaces,
            proposer: caller,
        }]))
    }

    // ---- decide (token owner or approved operator) ---------------------------------------

    /// Accepts pending `asset_id` on `token_id`, a token-level or an open collection-wide
    /// proposal. If it replaces an asset that is still active, it takes that asset's position
    /// and priority and the old asset leaves the token; otherwise it is appended with the next
    /// priority.
    pub fn accept_asset(
        &mut self,
        authority: &impl Authority,
        caller: AccountId,
        token_id: Id,
        asset_id: AssetId,
    ) -> Outcome {
        self.decide(
            authority,
            caller,
            token_id,
            Vec::from([asset_id]),
            (Decision::Accept, Report::PerAsset),
        )
    }

    /// Rejects pending `asset_id` on `token_id`; it may be proposed again later.
    pub fn reject_asset(
        &mut self,
        authority: &impl Authority,
        caller: AccountId,
        token_id: Id,
        asset_id: AssetId,
    ) -> Outcome {
        self.decide(
            authority,
            caller,
            token_id,
            Vec::from([asset_id]),
            (Decision::Reject, Report::PerAsset),
        )
    }

    /// Accepts each of `asset_ids` (at most [`MAX_DECISIONS_PER_CALL`]) on `token_id` in order,
    /// all or nothing, as `accept_asset` would one after the other: a whole mirror set in one
    /// call, reported by one `AssetsAccepted` event.
    pub fn accept_assets(
        &mut self,
        authority: &impl Authority,
        caller: AccountId,
        token_id: Id,
        asset_ids: Vec<AssetId>,
    ) -> Outcome {
        self.decide(
            authority,
            caller,
            token_id,
            asset_ids,
            (Decision::Accept, Report::Set),
        )
    }

    /// Rejects each of `asset_ids` (at most [`MAX_DECISIONS_PER_CALL`]) on `token_id`, all or
    /// nothing, reported by one `AssetsRejected` event.
    pub fn reject_assets(
        &mut self,
        authority: &impl Authority,
        caller: AccountId,
        token_id: Id,
        asset_ids: Vec<AssetId>,
    ) -> Outcome {
        self.decide(
            authority,
            caller,
            token_id,
            asset_ids,
            (Decision::Reject, Report::Set),
        )
    }

    /// Every accept and reject: one question to the collection, one read of the token's cell
    /// and one of the collection-wide proposals, one question to the registry per distinct
    /// proposer that is not the issuer, and one write. Deciding an asset decides every open
    /// proposal of it on the token, token-level and collection-wide, so that it is not shown
    /// pending again.
    fn decide(
        &mut self,
        authority: &impl Authority,
        caller: AccountId,
        token_id: Id,
        asset_ids: Vec<AssetId>,
        (decision, report): (Decision, Report),
    ) -> Outcome {
        let seen = ensure_owner_or_approved(authority, caller, &token_id)?;
        ensure_asset_list(&asset_ids)?;
        let mut assets = self.token(&token_id);
        let top = assets.top();
        let mut open = self.open(authority, seen.issuer);
        // What a following token shows active, worked out once: it only rejects (accepting is
        // refused), which leaves that unchanged.
        let shown_active = match assets.follows {
            true => open.view(assets.clone())?.active,
            false => Vec::new(),
        };
        let mut live: Vec<AccountId> = Vec::new();
        // Each asset with the asset it replaced (accepts only).
        let mut decided = Vec::with_capacity(asset_ids.len());
        for &asset_id in &asset_ids {
            let collection_wide = open.all.iter().find(|p| p.asset_id == asset_id).copied();
            let found = match assets.pending_position(asset_id) {
                // A following token does not show its own proposal of an asset the collection
                // already shows active.
                Some(_) if shown_active.iter().any(|a| a.asset_id == asset_id) => None,
                Some(position) => Some(Proposal::Own(position)),
                None => collection_wide
                    .filter(|p| !assets.follows && assets.awaits(p))
                    .map(Proposal::CollectionWide),
            };
            let found = found.ok_or_else(|| MultiAssetError::AssetNotPending {
                token_id: token_id.clone(),
            })?;
            // Where an accepted asset goes (`None` for a reject).
            let mut placement = None;
            if decision == Decision::Accept {
                assets.ensure_not_following(&token_id)?;
                let proposal = match found {
                    Proposal::Own(position) => assets.pending[position],
                    Proposal::CollectionWide(proposal) => proposal.as_pending(),
                };
                let target = assets.ensure_acceptable(&token_id, &proposal)?;
                if !live.contains(&proposal.proposer) {
                    ensure_proposer_live(authority, seen.issuer, proposal.proposer, &token_id)?;
                    live.push(proposal.proposer);
                }
                placement = Some(target);
            }
            if let Proposal::Own(position) = found {
                assets.pending.swap_remove(position);
            }
            if let Some(proposal) = collection_wide {
                if !assets.follows && !assets.decided.contains(&proposal.seq) {
                    assets.decided.push(proposal.seq);
                }
            }
            let replaced = placement.and_then(|target| assets.activate(asset_id, target));
            decided.push((asset_id, replaced));
        }
        assets.forget_closed(&open.all);
        let mut events = decision_events(&token_id, decided, decision, report);
        push_metadata_update(&mut events, &token_id, top, &assets);
        self.store(&token_id, &assets);
        Ok(events)
    }

    /// Rejects every pending asset of `token_id` as `pending_assets` shows it, collection-wide
    /// proposals included; fails if more than `max_rejections` are pending (someone proposed
    /// since the owner looked).
    pub fn reject_all_assets(
        &mut self,
        authority: &impl Authority,
        caller: AccountId,
        token_id: Id,
        max_rejections: u32,
    ) -> Outcome {
        let seen = ensure_owner_or_approved(authority, caller, &token_id)?;
        let mut assets = self.token(&token_id);
        let mut open = self.open(authority, seen.issuer);
        let shown = open.view(assets.clone())?;
        let count = shown.pending.len() as u32;
        if count > max_rejections {
            return Err(MultiAssetError::UnexpectedNumberOfAssets {
                token_id,
                pending: count,
            });
        }

        if count == 0 {
            return Ok(Vec::new());
        }
        // What stays of the token's own list: on a following token, its proposals of assets
        // the collection shows active (not shown pending, so not rejected).
        assets
            .pending
            .retain(|own| shown.active_position(own.asset_id).is_some());
        if !assets.follows {
            // Every open proposal of an asset that is not active was shown pending, either
            // awaited or behind the token's own proposal of the same asset.
            for proposal in &open.all {
                if assets.active_position(proposal.asset_id).is_none()
                    && !assets.decided.contains(&proposal.seq)
                {
                    assets.decided.push(proposal.seq);
                }
            }
        }
        assets.forget_closed(&open.all);
        self.store(&token_id, &assets);
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
        let mut assets = self.token(&token_id);
        assets.ensure_not_following(&token_id)?;
        if priorities.len() != assets.active.len() {
            return Err(MultiAssetError::BadPriorityListLength {
                token_id,
                expected: assets.active.len() as u32,
            });
        }
        // At most MAX_ACTIVE values: a pairwise check costs less code than a sort.
        if first_repeated(&priorities).is_some() {
            return Err(MultiAssetError::DuplicatePriority { token_id });
        }
        // The same values again change nothing (`next_priority` is derived from them too).
        if assets
            .active
            .iter()
            .map(|a| a.priority)
            .eq(priorities.iter().copied())
        {
            return Ok(Vec::new());
        }

        let top = assets.top();
        for (active, &priority) in assets.active.iter_mut().zip(&priorities) {
            active.priority = priority;
        }
        assets.next_priority = priorities
            .iter()
            .max()
            .map_or(0, |max| max.saturating_add(1));
        self.store(&token_id, &assets);
        let mut events = Vec::from([MultiAssetEvent::AssetPrioritySet {
            token_id: token_id.clone(),
            priorities,
        }]);
        push_metadata_update(&mut events, &token_id, top, &assets);
        Ok(events)
    }

    // ---- queries -----------------------------------------------------------------------
    // A token the collection does not know (burnt, or not minted yet) shows nothing: its
    // proposals appear once it is minted, a burnt token's assets never again.

    /// The active assets of `token_id`, in position order.
    pub fn active_assets(&self, authority: &impl Authority, token_id: &Id) -> Vec<AssetId> {
        self.shown(authority, token_id)
            .active
            .iter()
            .map(|a| a.asset_id)
            .collect()
    }

    /// The priorities of `token_id`'s active assets, in the order of `active_assets`.
    pub fn active_asset_priorities(&self, authority: &impl Authority, token_id: &Id) -> Vec<u64> {
        self.shown(authority, token_id)
            .active
            .iter()
            .map(|a| a.priority)
            .collect()
    }

    /// The pending assets of `token_id`, in position order.
    pub fn pending_assets(&self, authority: &impl Authority, token_id: &Id) -> Vec<AssetId> {
        self.shown(authority, token_id)
            .pending
            .iter()
            .map(|p| p.asset_id)
            .collect()
    }

    /// The pending proposal of `asset_id` on `token_id`: what it would replace and who proposed it.
    pub fn pending_proposal(
        &self,
        authority: &impl Authority,
        token_id: &Id,
        asset_id: AssetId,
    ) -> Option<PendingAsset> {
        let assets = self.shown(authority, token_id);
        assets
            .pending_position(asset_id)
            .map(|position| assets.pending[position])
    }

    /// The asset that pending `asset_id` would replace on `token_id`, if any.
    pub fn asset_replacement(
        &self,
        authority: &impl Authority,
        token_id: &Id,
        asset_id: AssetId,
    ) -> Option<AssetId> {
        self.pending_proposal(authority, token_id, asset_id)
            .and_then(|proposal| proposal.replaces)
    }

    /// Up to `limit` (at most [`MAX_PAGE`]) active assets of `token_id` with their catalog
    /// entries, sorted by priority (then position), from rank `start`: what a wallet renders,
    /// falling back to the next mirror when one host fails.
    pub fn token_assets(
        &self,
        authority: &impl Authority,
        token_id: &Id,
        start: u32,
        limit: u32,
    ) -> Result<Vec<TokenAsset>, MultiAssetError> {
        if limit > MAX_PAGE {
            return Err(MultiAssetError::LimitTooLarge);
        }
        Ok(self.ranked(token_id, self.shown(authority, token_id), start, limit))
    }

    /// `limit` of `assets`' active assets from rank `start`, sorted by priority, with their
    /// catalog entries.
    fn ranked(
        &self,
        token_id: &Id,
        assets: TokenAssets,
        start: u32,
        limit: u32,
    ) -> Vec<TokenAsset> {
        // Insertion sort by priority, stable (ties keep position order): at most MAX_ACTIVE
        // entries, and less code than the library sort.
        let mut ranked: Vec<ActiveAsset> = Vec::new();
        for asset in assets.active {
            let at = ranked.partition_point(|a| a.priority <= asset.priority);
            ranked.insert(at, asset);
        }
        ranked
            .into_iter()
            .skip(start as usize)
            .take(limit as usize)
            .filter_map(|a| self.token_asset(token_id, a))
            .collect()
    }

    /// [`token_assets`](Self::token_assets)`(id, 0, MAX_PAGE)` of the first of `token_ids` (at
    /// most [`MAX_TOKENS_PER_QUERY`]), in order, as many as fit [`MAX_ANSWER_BYTES`] (at least
    /// one), with one question to the collection for all: a reader of a whole collection asks
    /// again from the first token not answered.
    pub fn tokens_assets(
        &self,
        authority: &impl Authority,
        token_ids: &[Id],
    ) -> Result<Vec<Vec<TokenAsset>>, MultiAssetError> {
        let mut answer: Vec<Vec<TokenAsset>> = Vec::new();
        let mut bytes = 0;
        for (token_id, assets) in token_ids.iter().zip(self.views(authority, token_ids)?) {
            let page = self.ranked(token_id, assets, 0, MAX_PAGE);
            bytes += scale::Encode::encoded_size(&page);
            if bytes > MAX_ANSWER_BYTES && !answer.is_empty() {
                break;
            }
            answer.push(page);
        }
        Ok(answer)
    }

    /// The active asset of `token_id` a wallet shows first (lowest priority, first in position
    /// order among equals), with its catalog entry; `None` if it has none.
    pub fn top_asset(&self, authority: &impl Authority, token_id: &Id) -> Option<TokenAsset> {
        let top = self.shown(authority, token_id).top()?;
        self.token_asset(token_id, top)
    }

    /// [`top_asset`](Self::top_asset) of each of `token_ids` (at most
    /// [`MAX_TOKENS_PER_QUERY`]), in order, with one question to the collection for all.
    pub fn top_assets(
        &self,
        authority: &impl Authority,
        token_ids: &[Id],
    ) -> Result<Vec<Option<TokenAsset>>, MultiAssetError> {
        let views = self.views(authority, token_ids)?;
        Ok(token_ids
            .iter()
            .zip(views)
            .map(|(token_id, assets)| {
                let top = assets.top()?;
                self.token_asset(token_id, top)
            })
            .collect())
    }

    /// What each of `token_ids` (at most [`MAX_TOKENS_PER_QUERY`]) shows, in order, with one
    /// question to the collection for all; nothing for a token that does not exist.
    fn views(
        &self,
        authority: &impl Authority,
        token_ids: &[Id],
    ) -> Result<Vec<TokenAssets>, MultiAssetError> {
        if token_ids.len() > MAX_TOKENS_PER_QUERY {
            return Err(MultiAssetError::BatchTooLarge {
                max: MAX_TOKENS_PER_QUERY as u32,
            });
        }
        // Ids too long for a key hold nothing and are not asked about.
        let askable: Vec<Id> = token_ids
            .iter()
            .filter(|id| ensure_token_id(id).is_ok())
            .cloned()
            .collect();
        let seen = authority.token_authorities(&askable, nobody())?;
        let mut open = self.open(authority, seen.first().and_then(|s| s.issuer));
        let mut seen = seen.into_iter();
        let mut views = Vec::with_capacity(token_ids.len());
        for token_id in token_ids {
            let exists = ensure_token_id(token_id).is_ok()
                && seen.next().is_some_and(|seen| seen.owner.is_some());
            views.push(match exists {
                true => open.view(self.token(token_id))?,
                false => TokenAssets::default(),
            });
        }
        Ok(views)
    }

    /// The uri of `token_id`'s top asset, for a caller that knows the token exists: the
    /// collection asks this when a wallet reads the token's metadata, and cannot be asked back.
    pub fn top_asset_uri(
        &self,
        authority: &impl Authority,
        issuer: Option<AccountId>,
        token_id: &Id,
    ) -> Option<String> {
        let shown = self
            .open(authority, issuer)
            .view(self.token(token_id))
            .ok()?;
        self.token_asset(token_id, shown.top()?)
            .map(|asset| asset.uri)
    }

    /// The uri of catalog entry `asset_id` for `token_id`: a templated entry's `{id}` replaced
    /// by the token id (see [`template`]), a plain entry's uri as it is. `None` if the entry
    /// does not exist.
    pub fn asset_uri(&self, token_id: &Id, asset_id: AssetId) -> Option<String> {
        self.entries
            .get(asset_id)
            .map(|entry| template::resolve(entry.uri, token_id))
    }

    /// Whether `token_id` follows the collection.
    pub fn follows_collection(&self, token_id: &Id) -> bool {
        self.token(token_id).follows
    }

    // ---- standing consent ----------------------------------------------------------------

    /// Makes each of `token_ids` (at most [`MAX_FOLLOW_TOKENS`]) follow the collection, or stop
    /// following it, all or nothing. Caller: the owner or an asset operator of every token.
    /// While a token follows, every open collection-wide proposal is active on it as if its owner
    /// had accepted it; stopping keeps what it shows at that moment (the proposals it shows are
    /// recorded as decided). A token already as asked is left alone, without an event.
    pub fn set_follows_collection(
        &mut self,
        authority: &impl Authority,
        caller: AccountId,
        token_ids: Vec<Id>,
        follow: bool,
    ) -> Outcome {
        ensure_list_size(token_ids.len(), MAX_FOLLOW_TOKENS)?;
        token_ids.iter().try_for_each(ensure_token_id)?;
        ensure_distinct_tokens(&token_ids)?;
        let seen = authority.token_authorities(&token_ids, caller)?;
        for (token_id, seen) in token_ids.iter().zip(&seen) {
            ensure_decides(seen, caller, token_id)?;
        }

        // Every check passed: from here on each token is read, changed and written in turn, so
        // that only one token's cell is in memory at a time.
        let mut open = self.open(authority, seen.first().and_then(|s| s.issuer));
        // The registry's answers too come before the first write.
        open.followed()?;
        let mut events = Vec::new();
        for token_id in token_ids {
            let mut assets = self.token(&token_id);
            if assets.follows == follow {
                continue;
            }
            let (active, top) = if follow {
                // A token that does not follow shows its cell's active assets.
                let top = assets.top();
                assets.follows = true;
                self.store(&token_id, &assets);
                (open.view(assets)?.active, top)
            } else {
                // What it shows becomes its own: the collection's proposals it applied are
                // decided (as if accepted in order), the others are pending again.
                let mut kept = open.view(assets)?;
                kept.follows = false;
                self.store(&token_id, &kept);
                (kept.active, None)
            };
            // Stopping keeps what the token shows: its top asset is the same.
            let changed = follow && top_of(&active) != top;
            events.push(MultiAssetEvent::CollectionFollowSet {
                token_id: token_id.clone(),
                follows: follow,
                active,
            });
            if changed {
                events.push(MultiAssetEvent::MetadataUpdate { token_id });
            }
        }
        Ok(events)
    }

    // ---- burnt tokens ------------------------------------------------------------------

    /// Frees the cell of burnt token `token_id`, which nobody could ever decide on again; the
    /// storage deposit goes back to the caller. Anyone may call. Nothing to free: no change.
    pub fn clear_burnt_token(&mut self, authority: &impl Authority, token_id: Id) -> Outcome {
        ensure_token_id(&token_id)?;
        if !authority.token_authority(&token_id, nobody())?.burnt {
            return Err(MultiAssetError::TokenNotBurnt { token_id });
        }
        let assets = self.token(&token_id);
        if assets == TokenAssets::default() {
            return Ok(Vec::new());
        }
        self.tokens.remove(&token_id);
        Ok(Vec::from([MultiAssetEvent::BurntTokenCleared {
            token_id,
            pending: assets.pending.len() as u32,
            active: assets.active.len() as u32,
        }]))
    }

    // ---- internals ---------------------------------------------------------------------

    /// What queries show of `token_id`: its cell with the open collection-wide proposals
    /// ([`TokenAssets::shown`]) if the collection says the token exists, nothing otherwise (also
    /// if the collection cannot be asked).
    fn shown(&self, authority: &impl Authority, token_id: &Id) -> TokenAssets {
        if ensure_token_id(token_id).is_err() {
            return TokenAssets::default();
        }
        match authority.token_authority(token_id, nobody()) {
            Ok(seen) if seen.owner.is_some() => self
                .open(authority, seen.issuer)
                .view(self.token(token_id))
                .unwrap_or_default(),
            _ => TokenAssets::default(),
        }
    }

    /// Active asset `active` of `token_id` with its catalog entry, the uri resolved for the token.
    fn token_asset(&self, token_id: &Id, active: ActiveAsset) -> Option<TokenAsset> {
        self.entries.get(active.asset_id).map(|entry| TokenAsset {
            asset_id: active.asset_id,
            priority: active.priority,
            uri: template::resolve(entry.uri, token_id),
            content_hash: entry.content_hash,
        })
    }

    /// Everything `token_id` holds (empty if it holds nothing): one storage read. An id too long
    /// to be a storage key holds nothing and is not looked up (the host would trap).
    pub(crate) fn token(&self, token_id: &Id) -> TokenAssets {
        if ensure_token_id(token_id).is_err() {
            return TokenAssets::default();
        }
        self.tokens.get(token_id).unwrap_or_default()
    }

    /// Writes `token_id`'s cell, or frees it (refunding its deposit) when it holds nothing.
    fn store(&mut self, token_id: &Id, assets: &TokenAssets) {
        if *assets == TokenAssets::default() {
            self.tokens.remove(token_id);
        } else {
            self.tokens.insert(token_id, assets);
        }
    }
}

/// The events of `decided` (each asset with the asset it replaced) on `token_id`, as `report`
/// says.
fn decision_events(
    token_id: &Id,
    decided: Vec<(AssetId, Option<AssetId>)>,
    decision: Decision,
    report: Report,
) -> Vec<MultiAssetEvent> {
    let token_id = token_id.clone();
    match (decision, report) {
        (Decision::Accept, Report::Set) => Vec::from([MultiAssetEvent::AssetsAccepted {
            token_id,
            accepted: decided,
        }]),
        (Decision::Reject, Report::Set) => Vec::from([MultiAssetEvent::AssetsRejected {
            token_id,
            asset_ids: decided.into_iter().map(|(asset_id, _)| asset_id).collect(),
        }]),
        (Decision::Accept, Report::PerAsset) => decided
            .into_iter()
            .map(|(asset_id, replaced)| MultiAssetEvent::AssetAccepted {
                token_id: token_id.clone(),
                asset_id,
                replaced,
            })
            .collect(),
        (Decision::Reject, Report::PerAsset) => decided
            .into_iter()
            .map(|(asset_id, _)| MultiAssetEvent::AssetRejected {
                token_id: token_id.clone(),
                asset_id,
            })
            .collect(),
    }
}

/// Adds ERC-4906's `MetadataUpdate` for `token_id` to `events` if its top asset is no longer
/// `top_before`.
fn push_metadata_update(
    events: &mut Vec<MultiAssetEvent>,
    token_id: &Id,
    top_before: Option<ActiveAsset>,
    assets: &TokenAssets,
) {
    if assets.top() != top_before {
        events.push(MultiAssetEvent::MetadataUpdate {
            token_id: token_id.clone(),
        });
    }
}

/// The account queries name when they ask the collection about a token: only the owner and the
/// burnt flag are read from the answer, which do not depend on it.
fn nobody() -> AccountId {
    AccountId::from([0; 32])
}

/// Returns `NotIssuerOrProposer` unless `caller` is `issuer` (the collection's, as just asked) or
/// a live proposer.
pub(crate) fn ensure_may_propose(
    authority: &impl Authority,
    issuer: Option<AccountId>,
    caller: AccountId,
) -> Result<(), MultiAssetError> {
    // Without an issuer nobody can revoke a grant, so grants stop counting (renounce freezes).
    match issuer {
        Some(issuer) if issuer == caller || authority.is_proposer(caller)? => Ok(()),
        _ => Err(MultiAssetError::NotIssuerOrProposer),
    }
}

/// Returns `ProposerRevoked` unless `proposer` is still `issuer` or a live proposer: the same
/// rule as [`ensure_may_propose`], asked again when the proposal is accepted.
fn ensure_proposer_live(
    authority: &impl Authority,
    issuer: Option<AccountId>,
    proposer: AccountId,
    token_id: &Id,
) -> Result<(), MultiAssetError> {
    ensure_may_propose(authority, issuer, proposer).map_err(|error| match error {
        MultiAssetError::NotIssuerOrProposer => MultiAssetError::ProposerRevoked {
            token_id: token_id.clone(),
        },
        other => other,
    })
}

/// Checks the token id, then that `caller` owns `token_id` or is its asset operator; returns
/// what the collection said about the token.
fn ensure_owner_or_approved(
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
fn ensure_decides(
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
fn ensure_asset_list(asset_ids: &[AssetId]) -> Result<(), MultiAssetError> {
    ensure_list_size(asset_ids.len(), MAX_DECISIONS_PER_CALL)?;
    match first_repeated(asset_ids) {
        Some(i) => Err(MultiAssetError::DuplicateAsset {
            asset_id: asset_ids[i],
        }),
        None => Ok(()),
    }
}

/// The position of the first item of `items` that an earlier one equals. Pairwise, not sorted:
/// the lists are short (at most a message's cap), and the library sort adds kilobytes of code,
/// i.e. of proof to every call.
pub(crate) fn first_repeated<T: PartialEq>(items: &[T]) -> Option<usize> {
    (1..items.len()).find(|&i| items[..i].contains(&items[i]))
}

/// Returns `DuplicateToken` naming the first token `token_ids` names a second time.
fn ensure_distinct_tokens(token_ids: &[Id]) -> Result<(), MultiAssetError> {
    match first_repeated(token_ids) {
        Some(i) => Err(MultiAssetError::DuplicateToken {
            token_id: token_ids[i].clone(),
        }),
        None => Ok(()),
    }
}
