//! mirrorwatch: finds rugged or dead mirrors of a collection's assets and proposes their
//! replacements.
//!
//! `check` reads each token's assets from the multi-asset contract, fetches every mirror
//! (https, and ipfs, ar and sia through gateways) within strict limits, and compares what it got
//! with the sha256 the chain records. `repair` moves the failing mirrors it has a rule for to a
//! new host, checks that host serves exactly the recorded bytes, and proposes the new entries in
//! the failing ones' place, as the issuer or a delegated proposer.
//!
//! Modules: [`cli`] the command line and the two commands; [`config`] the settings and their
//! documented defaults ([`config::Overrides`] from a file and flags); [`chain`] the node (queries
//! and calls through the contracts' own call builders, dry runs, fees); [`select`] which tokens;
//! [`uri`] where a chain uri is fetched from (gateways); [`policy`] what a fetch may reach (the
//! address rule, trusted gateways); [`fetch`] bounded HTTP fetches through sha256; [`manifest`] a template's `SHA256SUMS`; [`check`] the
//! inspection and each mirror's verdict; [`status`] the verdicts and health; [`repair`] the
//! rules, the plan and the calls of a repair, [`verify`] its new hosts' check; [`report`] tables and JSON; [`encoding`] SS58 and
//! hex text; [`store`] the operator's store of verified copies; [`state`] the database of what each check saw and each repair proposed; [`hosts`]
//! local misbehaving hosts for the tests and the benchmark (feature `test-hosts`).

pub mod chain;
pub mod check;
pub mod cli;
pub mod config;
pub mod encoding;
pub mod fetch;
#[cfg(any(test, feature = "test-hosts"))]
pub mod hosts;
pub mod manifest;
pub mod policy;
pub mod repair;
pub mod report;
pub mod select;
pub mod state;
pub mod status;
pub mod store;
pub mod uri;
pub mod verify;
