//! Deploying the suite on a node, shared by the e2e tests (`tests/`, whose ink_e2e client carries
//! the contracts as ink_e2e builds them) and by mirrorwatch's node test and benchmark (whose
//! client carries the release artifacts from `artifacts/`, what a deployer uploads). Behind the
//! `deploy` feature: it needs ink_e2e.

use collection::collection::CollectionRef;
use ink::primitives::AccountId;
use ink_e2e::{Keypair, PolkadotConfig};
use multiasset::MultiAssetRef;
use proposer_registry::RegistryRef;

/// The client both kinds of test deploy and call through.
pub type Client = ink_e2e::Client<PolkadotConfig, ink::env::DefaultEnvironment>;

/// The three contracts of one collection, as deployed by [`deploy_suite`].
#[derive(Debug, Clone, Copy)]
pub struct Suite {
    pub collection: AccountId,
    pub registry: AccountId,
    pub assets: AccountId,
}

/// A client whose contracts are the release artifacts in `artifacts/` (by name: `collection`,
/// `proposer_registry`, `multiasset`, as ink_e2e names its own builds).
pub async fn artifacts_client(api: subxt::OnlineClient<PolkadotConfig>) -> Client {
    let artifacts = concat!(env!("CARGO_MANIFEST_DIR"), "/../artifacts");
    let wasm: Vec<String> = ["collection", "proposer_registry", "multiasset"]
        .iter()
        .map(|name| format!("{artifacts}/{name}.wasm"))
        .collect();
    Client::new(api, wasm.iter().map(String::as_str)).await
}

/// `issuer` issues a collection without a supply cap; a registry and the collection's
/// multi-asset contract beside it (deployed by another account: who deploys them grants
/// nothing), linked by the issuer before any token is minted, as a deployer does.
pub async fn deploy_suite(client: &mut Client, issuer: &Keypair) -> Suite {
    let collection = deploy_collection(client, issuer).await;
    let registry = deploy_registry(client).await;
    let assets = deploy_multiasset(client, collection, registry).await;
    let link =
        ink_e2e::build_message::<CollectionRef>(collection).call(|c| c.set_multiasset(assets));
    let linked = client
        .call(issuer, link, 0, None)
        .await
        .expect("link the multi-asset contract")
        .return_value();
    assert_eq!(
        linked,
        Ok(()),
        "the multi-asset contract answers as the collection's"
    );
    Suite {
        collection,
        registry,
        assets,
    }
}

/// `issuer` deploys a collection without a supply cap.
pub async fn deploy_collection(client: &mut Client, issuer: &Keypair) -> AccountId {
    let constructor =
        CollectionRef::new("Mirrors".into(), "MIR".into(), "ipfs://base/".into(), None);
    client
        .instantiate("collection", issuer, constructor, 0, None)
        .await
        .expect("instantiate collection")
        .account_id
}

/// A proposer registry.
pub async fn deploy_registry(client: &mut Client) -> AccountId {
    let constructor = RegistryRef::new();
    client
        .instantiate(
            "proposer_registry",
            &ink_e2e::ferdie(),
            constructor,
            0,
            None,
        )
        .await
        .expect("instantiate registry")
        .account_id
}

/// The multi-asset contract of `collection`, consulting `registry`.
pub async fn deploy_multiasset(
    client: &mut Client,
    collection: AccountId,
    registry: AccountId,
) -> AccountId {
    let constructor = MultiAssetRef::new(collection, registry);
    client
        .instantiate("multiasset", &ink_e2e::ferdie(), constructor, 0, None)
        .await
        .expect("instantiate multiasset")
        .account_id
}
