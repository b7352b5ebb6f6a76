//! mirrorwatch: finds rugged or dead mirrors of a collection's assets and proposes their
//! replacements.
//!
//! `check` reads each token's assets from the multi-asset contract, fetches every mirror
//! (https, and ipfs, ar and sia through gateways) within strict limits, and compares what it got
//! with the sha256 the chain records. `repair` moves the failing mirrors it has a rule for to a
//! new host, checks that host serves exactly the recorded bytes, and proposes the new entries in
//! the failing ones' place, as the issuer or a delegated proposer.

pub mod chain;
pub mod check;
pub mod cli;
pub mod config;
pub mod encoding;
pub mod fetch;
pub mod hosts;
pub mod manifest;
pub mod repair;
pub mod report;
pub mod select;
pub mod status;
pub mod uri;
