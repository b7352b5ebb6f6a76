//! Stored: the catalog, entries (a uri and the sha256 of its content) with ids from 1, immutable
//! once added. [`Catalog`] owns the entries and their count, and the rules of a well-formed entry;
//! who may add entries is decided above it (`data::propose`).

use crate::{errors::MultiAssetError, limits::MAX_URI_LEN, template};
use ink::{prelude::string::String, storage::Mapping};
use multiasset_traits::{AssetId, ContentHash, Id};

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

/// The catalog: `entries[asset_id]`, one cell per entry, and how many there are (ids
/// `1..=count`).
#[ink::storage_item]
#[derive(Default, Debug)]
pub struct Catalog {
    count: u64,
    entries: Mapping<AssetId, AssetEntry>,
}

impl Catalog {
    /// The entry `asset_id`.
    pub fn get(&self, asset_id: AssetId) -> Option<AssetEntry> {
        self.entries.get(asset_id)
    }

    /// How many entries exist; their ids are `1..=count`.
    pub fn count(&self) -> u64 {
        self.count
    }

    /// Returns `AssetNotFound` unless `asset_id` is in the catalog.
    pub fn ensure_entry(&self, asset_id: AssetId) -> Result<(), MultiAssetError> {
        if asset_id == 0 || asset_id > self.count {
            return Err(MultiAssetError::AssetNotFound { asset_id });
        }
        Ok(())
    }

    /// Checks every entry of `entries` (a uri of 1..=[`MAX_URI_LEN`] bytes, `{id}` only where a
    /// template may hold it) and that their ids fit; returns the id the first one would get.
    /// Writes nothing.
    pub fn ensure_addable(
        &self,
        entries: &[(String, Option<ContentHash>)],
    ) -> Result<AssetId, MultiAssetError> {
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
        self.count
            .checked_add(1)
            .filter(|first| {
                first
                    .checked_add((entries.len() as u64).saturating_sub(1))
                    .is_some()
            })
            .ok_or(MultiAssetError::CatalogFull)
    }

    /// Stores `entry` under the next id and returns that id. The caller checked
    /// [`ensure_addable`](Self::ensure_addable).
    pub fn push(&mut self, entry: &AssetEntry) -> AssetId {
        self.count = self.count.saturating_add(1);
        self.entries.insert(self.count, entry);
        self.count
    }

    /// The uri of entry `asset_id` for `token_id`: a templated entry's `{id}` replaced by the
    /// token id (see [`template`]), a plain entry's uri as it is; `None` if there is no such
    /// entry.
    pub fn uri_for(&self, token_id: &Id, asset_id: AssetId) -> Option<String> {
        self.get(asset_id)
            .map(|entry| template::resolve(entry.uri, token_id))
    }
}
