//! The three contracts from artifacts/ deployed on a node, for tests/node.rs and
//! examples/bench.rs: what a deployer uploads is what mirrorwatch is run against.
#![allow(dead_code)] // each includer uses its part

use collection::collection::CollectionRef;
use ink::primitives::AccountId;
use ink_e2e::{Keypair, PolkadotConfig};
use multiasset::MultiAssetRef;
use proposer_registry::RegistryRef;

pub type Client = ink_e2e::Client<PolkadotConfig, ink::env::DefaultEnvironment>;

/// A client that deploys the contracts in artifacts/.
pub async fn client(api: subxt::OnlineClient<PolkadotConfig>) -> Client {
    let artifacts = concat!(env!("CARGO_MANIFEST_DIR"), "/../../artifacts");
    let wasm: Vec<String> = ["collection", "proposer_registry", "multiasset"]
        .iter()
        .map(|name| format!("{artifacts}/{name}.wasm"))
        .collect();
    Client::new(api, wasm.iter().map(String::as_str)).await
}

pub struct Suite {
    pub collection: AccountId,
    pub registry: AccountId,
    pub assets: AccountId,
}

/// `issuer` deploys a collection without a supply cap, a registry and its multi-asset contract.
pub async fn deploy(client: &mut Client, issuer: &Keypair) -> Suite {
    let new_collection =
        CollectionRef::new("Mirrors".into(), "MIR".into(), "ipfs://base/".into(), None);
    let collection = client
        .instantiate("collection", issuer, new_collection, 0, None)
        .await
        .expect("instantiate collection")
        .account_id;
    let registry = client
        .instantiate("proposer_registry", issuer, RegistryRef::new(), 0, None)
        .await
        .expect("instantiate registry")
        .account_id;
    let assets = client
        .instantiate(
            "multiasset",
            issuer,
            MultiAssetRef::new(collection, registry),
            0,
            None,
        )
        .await
        .expect("instantiate multiasset")
        .account_id;
    Suite {
        collection,
        registry,
        assets,
    }
}
