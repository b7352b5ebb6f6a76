//! What the registry's state machine reports; `lib.rs` emits each as the ink! event of the same
//! name (collection and proposer as topics).

use multiasset_traits::{AccountId, Timestamp};

/// One state change of the registry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RegistryEvent {
    /// `proposer` may propose assets to `collection` until `expires_at` (forever if `None`).
    /// Also emitted when a re-grant changes the expiry.
    ProposerGranted {
        collection: AccountId,
        proposer: AccountId,
        expires_at: Option<Timestamp>,
    },
    /// The issuer took `proposer`'s right away.
    ProposerRevoked {
        collection: AccountId,
        proposer: AccountId,
    },
    /// `proposer` gave up its own right.
    ProposerRenounced {
        collection: AccountId,
        proposer: AccountId,
    },
    /// The issuer ended all `count` grants of `collection` at once.
    AllProposersRevoked { collection: AccountId, count: u32 },
    /// `proposer`'s grant, which no longer counted (expired, or made by a former issuer), was
    /// deleted.
    EndedGrantCleared {
        collection: AccountId,
        proposer: AccountId,
    },
}
