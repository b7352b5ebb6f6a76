//! The collection's supply: the cap, how many tokens were minted and which ids were burnt.
//! [`Supply`] owns them and the rules of a mint (ids are never reused, burns free no slot).

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
    burnt: Mapping<Id, ()>,
}

impl Supply {
    /// Returns `Ok` if `id` may be minted: short enough for a storage key, under the cap, not
    /// existing (`exists`, as PSP34 answers) and never burnt.
    pub fn ensure_mintable(&self, id: &Id, exists: bool) -> Result<(), CollectionError> {
        ensure_token_id(id)?;
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

    /// Counts a mint. The caller checked [`ensure_mintable`](Self::ensure_mintable).
    pub fn record_mint(&mut self) {
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
