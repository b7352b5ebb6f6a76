//! The catalog: entries (a uri and the sha256 of its content) with ids from 1, immutable once
//! added. Its storage lives in [`MultiAssetData`]; these are the methods that own it.

use crate::{
    data::{ensure_list_size, ensure_may_propose, Authority, MultiAssetData},
    errors::MultiAssetError,
    events::MultiAssetEvent,
    limits::{MAX_ENTRIES_PER_CALL, MAX_URI_LEN},
    template,
};
use ink::prelude::{string::String, vec::Vec};
use multiasset_traits::{AccountId, AssetId, ContentHash};

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

impl MultiAssetData {
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
        ensure_may_propose(authority, authority.issuer()?, caller)?;
        ensure_list_size(entries.len(), MAX_ENTRIES_PER_CALL)?;
        for (index, (uri, _)) in entries.iter().enumerate() {
            let index = index as u32;
            if uri.is_empty() {
                return Err(MultiAssetError::EmptyUri { index });
            }
            if uri.len() > MAX_URI_LEN {
                return Err(MultiAssetError::UriTooLong { index });
            }
            if template::placeholder(uri).is_err() {
                return Err(MultiAssetError::BadTemplate { index });
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

    /// Returns `AssetNotFound` unless `asset_id` is in the catalog.
    pub(crate) fn ensure_entry(&self, asset_id: AssetId) -> Result<(), MultiAssetError> {
        if asset_id == 0 || asset_id > self.total_assets {
            return Err(MultiAssetError::AssetNotFound { asset_id });
        }
        Ok(())
    }
}
