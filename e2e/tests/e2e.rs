//! End-to-end tests on a real substrate-contracts-node (`make e2e`). One test binary, so that
//! ink_e2e builds the three contracts once (separate binaries compile in parallel and race on
//! cargo-contract's output files).
#![cfg(feature = "e2e-tests")]

#[macro_use]
#[path = "e2e/common.rs"]
mod common;

#[path = "e2e/backup_story.rs"]
mod backup_story;
#[path = "e2e/batch.rs"]
mod batch;
#[path = "e2e/collection_scale.rs"]
mod collection_scale;
#[path = "e2e/consent.rs"]
mod consent;
#[path = "e2e/lifecycle.rs"]
mod lifecycle;
#[path = "e2e/psp34_collection.rs"]
mod psp34_collection;
#[path = "e2e/registry.rs"]
mod registry;
#[path = "e2e/token_ids.rs"]
mod token_ids;
#[path = "e2e/wallets.rs"]
mod wallets;
