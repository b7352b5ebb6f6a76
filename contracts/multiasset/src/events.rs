//! What the multi-asset state machine reports; `lib.rs` emits each as the ink! event of the same
//! name (ids and accounts as topics).

use crate::token::ActiveAsset;
use ink::prelude::{string::String, vec::Vec};
use multiasset_traits::{AccountId, AssetId, ContentHash, Id};

/// One state change of the multi-asset contract.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MultiAssetEvent {
    /// A catalog entry was added.
    AssetEntryAdded {
        asset_id: AssetId,
        uri: String,
        content_hash: Option<ContentHash>,
        added_by: AccountId,
    },
    /// `asset_id` was proposed to `token_id` (to take `replaces`'s place if set).
    AssetProposed {
        token_id: Id,
        asset_id: AssetId,
        replaces: Option<AssetId>,
        proposer: AccountId,
    },
    /// `asset_id` was proposed to each of `token_ids` by one `propose_asset_to_many` call, to
    /// take `replaces`'s place on each when accepted.
    AssetProposedToMany {
        token_ids: Vec<Id>,
        asset_id: AssetId,
        replaces: Option<AssetId>,
        proposer: AccountId,
    },
    /// The token's owner accepted `asset_id`; `replaced` is the asset whose place it took.
    AssetAccepted {
        token_id: Id,
        asset_id: AssetId,
        replaced: Option<AssetId>,
    },
    /// The token's owner rejected a pending asset.
    AssetRejected { token_id: Id, asset_id: AssetId },
    /// The token's owner rejected all `count` pending assets.
    AllAssetsRejected { token_id: Id, count: u32 },
    /// The token's owner set the priorities of its active assets.
    AssetPrioritySet { token_id: Id, priorities: Vec<u64> },
    /// The cell of burnt token `token_id` was freed with its `pending` and `active` assets.
    BurntTokenCleared {
        token_id: Id,
        pending: u32,
        active: u32,
    },
    /// Each `(asset, replaces)` of `proposals` was proposed to every token of the collection.
    AssetsProposedToCollection {
        proposals: Vec<(AssetId, Option<AssetId>)>,
        proposer: AccountId,
    },
    /// The collection-wide proposal of `asset_id` was withdrawn.
    CollectionProposalWithdrawn {
        asset_id: AssetId,
        withdrawn_by: AccountId,
    },
    /// `token_id` started (`follows`) or stopped following the collection; `active` is what it
    /// shows now, in position order.
    CollectionFollowSet {
        token_id: Id,
        follows: bool,
        active: Vec<ActiveAsset>,
    },
    /// The token's owner accepted each `(asset, replaced)` of `accepted`, in order, in one
    /// `accept_assets` call.
    AssetsAccepted {
        token_id: Id,
        accepted: Vec<(AssetId, Option<AssetId>)>,
    },
    /// The token's owner rejected each of `asset_ids` in one `reject_assets` call.
    AssetsRejected {
        token_id: Id,
        asset_ids: Vec<AssetId>,
    },
    /// Proposals of `asset_ids` whose proposer no longer counts (revoked, renounced, expired, or
    /// granted by a former issuer) were dropped to make room: pending on `token_id`, or open to
    /// the whole collection when `token_id` is `None`. They showed on no following token.
    LapsedProposalsDropped {
        token_id: Option<Id>,
        asset_ids: Vec<AssetId>,
    },
    /// The top-priority active asset of `token_id` changed (ERC-4906): re-read its metadata.
    MetadataUpdate { token_id: Id },
    /// The collection-wide proposals of `asset_ids` were made or withdrawn, or whether they count
    /// changed (a grant of their proposer, or the issuer, changed): every token that follows the
    /// collection may show another top asset (ERC-4906's batch form).
    BatchMetadataUpdate { asset_ids: Vec<AssetId> },
}

/// Emits each [`MultiAssetEvent`] of `$events` as the ink! event of the
/// same name and fields: the one mapping from the state machine's events to the contract's
/// (`lib.rs`).
macro_rules! emit_each {
    ($env:expr, $events:expr, $($name:ident($($field:ident),*)),* $(,)?) => {
        for event in $events {
            match event {
                $($crate::events::MultiAssetEvent::$name { $($field),* } => {
                    $env.emit_event($name { $($field),* })
                })*
            }
        }
    };
}
pub(crate) use emit_each;
