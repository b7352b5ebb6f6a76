//! The collection's supply: the cap, how many tokens were minted and which ids were burnt.
//! [`Supply`] owns them and the rules of a mint (ids are never reused, burns free no slot, every
//! id is of the first token's kind).

use crate::{errors::CollectionError, limits::ensure_token_id};
use ink::storage::Mapping;
use openbrush::contracts::psp34::Id;

/// The cap, the count of mints and the burnt ids.
#[ink::storage_item]
#[derive(Default, Debug)]
pub struct Supply {
    /// The most tokens ever minted; `None`: no cap.
    pub max: Option<u64>,
    /// How many tokens were minted (burnt ones included).
    pub minted: u64,
    /// The kind of every id ([`id_kind`]), fixed by the first mint.
    pub id_kind: Option<u8>,
    burnt: Mapping<Id, ()>,
}

/// An id's kind: 0 to 4 for `U8` to `U128`, 5 for `Bytes`. Ids of one kind render as distinct
/// uris (decimal numbers, or hex bytes); ids of two kinds may not (`U8(10)`, `U64(10)` and
/// `Bytes([0x10])` all render as `10`).
pub fn id_kind(id: &Id) -> u8 {
    match id {
        Id::U8(_) => 0,
        Id::U16(_) => 1,
        Id::U32(_) => 2,
        Id::U64(_) => 3,
        Id::U128(_) => 4,
        Id::Bytes(_) => 5,
    }
}

impl Supply {
    /// Returns `Ok` if `id` may be minted: short enough for a storage key, of the collection's
    /// kind, under the cap, not existing (`exists`, as PSP34 answers) and never burnt.
    pub fn ensure_mintable(&self, id: &Id, exists: bool) -> Result<(), CollectionError> {
        ensure_token_id(id)?;
        if self.id_kind.is_some_and(|kind| kind != id_kind(id)) {
            return Err(CollectionError::IdOfAnotherKind);
        }
        if self.max.is_some_and(|max| self.minted >= max) {
            return Err(CollectionError::MaxSupplyReached);
        }
        if exists {
            return Err(CollectionError::TokenExists);
        }
        if self.burnt.contains(id) {
            return Err(CollectionError::TokenBurnt);
        }
        Ok(())
    }

    /// Counts the mint of `id` (the first fixes the kind). The caller checked
    /// [`ensure_mintable`](Self::ensure_mintable).
    pub fn record_mint(&mut self, id: &Id) {
        self.id_kind = Some(id_kind(id));
        self.minted = self.minted.saturating_add(1);
    }

    /// Records that `id` was burnt: it is never minted again.
    pub fn record_burn(&mut self, id: &Id) {
        self.burnt.insert(id, &());
    }

    /// Whether `id` was burnt (`false` for an id too long to be a key, which was never minted).
    pub fn is_burnt(&self, id: &Id) -> bool {
        ensure_token_id(id).is_ok() && self.burnt.contains(id)
    }
}
