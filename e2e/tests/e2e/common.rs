//! Deploy and call helpers shared by the e2e tests.
#![allow(dead_code)] // not every helper is used by every build of the tests

use collection::collection::CollectionRef;
use ink::primitives::AccountId;
use ink_e2e::build_message;
use multiasset::MultiAssetRef;
use proposer_registry::RegistryRef;

pub use e2e::deploy::{deploy_collection, deploy_multiasset, deploy_registry, Client, Suite};
pub type Env = ink::env::DefaultEnvironment;
/// What every e2e test returns.
pub type E2EResult<T> = Result<T, Box<dyn std::error::Error>>;

/// Alice issues a collection; a registry and the collection's multi-asset contract beside it.
pub async fn deploy_suite(client: &mut Client) -> Suite {
    e2e::deploy::deploy_suite(client, &ink_e2e::alice()).await
}

/// Submits a message as a transaction signed by `$signer` and evaluates to what the message
/// returned (an `Err` of the contract's error type when the contract refused it). A macro: the
/// message type of ink_e2e 4.3 is not nameable outside the crate.
#[macro_export]
macro_rules! submit {
    ($client:expr, $signer:expr, $message:expr) => {
        $client
            .call($signer, $message, 0, None)
            .await
            .expect("transaction submitted")
            .return_value()
    };
}

/// Submits a message the contract must refuse, signed by `$signer`: the transaction fails on
/// chain (pallet-contracts reports `ContractReverted`, nothing changes) and the macro evaluates to
/// the contract's typed error, read from the dry-run of the same call.
#[macro_export]
macro_rules! refused {
    ($client:expr, $signer:expr, $message:expr) => {{
        let message = $message;
        let answer = $client
            .call_dry_run($signer, &message, 0, None)
            .await
            .return_value();
        assert!(
            matches!(
                $client.call($signer, message, 0, None).await,
                Err(ink_e2e::Error::CallExtrinsic(_))
            ),
            "the transaction must fail on chain"
        );
        answer
    }};
}

/// The events contract `$contract` emitted in the submitted call `$result`, decoded as an
/// indexer does: pallet-contracts' `ContractEmitted { contract: AccountId32, data: Vec<u8> }`,
/// whose `data` is the contract's event enum `$event`.
#[macro_export]
macro_rules! emitted {
    ($result:expr, $contract:expr, $event:ty) => {{
        let contract: ink::primitives::AccountId = $contract;
        $result
            .events
            .iter()
            .filter_map(Result::ok)
            .filter(|e| e.pallet_name() == "Contracts" && e.variant_name() == "ContractEmitted")
            .filter(|e| &e.field_bytes()[..32] == AsRef::<[u8]>::as_ref(&contract))
            .map(|e| {
                let data = <Vec<u8> as scale::Decode>::decode(&mut &e.field_bytes()[32..])
                    .expect("ContractEmitted data");
                <$event as scale::Decode>::decode(&mut &data[..]).expect("the contract's event")
            })
            .collect::<Vec<$event>>()
    }};
}

/// Dry-runs a query message and evaluates to what it returned.
#[macro_export]
macro_rules! query {
    ($client:expr, $message:expr) => {
        $client
            .call_dry_run(&ink_e2e::ferdie(), &$message, 0, None)
            .await
            .return_value()
    };
}

/// The multi-asset contract's events, as they appear in `ContractEmitted` (see [`emitted!`]).
pub type AssetsEvent = <multiasset::MultiAsset as ink::reflect::ContractEventBase>::Type;

/// Alice, the issuer, grants `proposer` the right to propose to the suite's collection, without
/// expiry.
pub async fn grant(client: &mut Client, suite: &Suite, proposer: AccountId) {
    let collection = suite.collection;
    let grant = on_registry(suite.registry).call(|r| r.grant_proposer(collection, proposer, None));
    assert_eq!(submit!(client, &ink_e2e::alice(), grant), Ok(()));
}

pub fn on_collection(collection: AccountId) -> ink_e2e::MessageBuilder<Env, CollectionRef> {
    build_message::<CollectionRef>(collection)
}

pub fn on_registry(registry: AccountId) -> ink_e2e::MessageBuilder<Env, RegistryRef> {
    build_message::<RegistryRef>(registry)
}

pub fn on_multiasset(multiasset: AccountId) -> ink_e2e::MessageBuilder<Env, MultiAssetRef> {
    build_message::<MultiAssetRef>(multiasset)
}
