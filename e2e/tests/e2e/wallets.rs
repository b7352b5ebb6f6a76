//! What an unmodified wallet shows, on a real node: SubWallet calls the collection by raw
//! selector with ArtZero's bundled ABI (not ours) and a `u64` token id, Talisman reads the base
//! uri; the answer follows the token's top asset through accept, replace and set_priority.

use crate::common::*;
use e2e::mirror_set;
use ink::env::call::{build_call, ExecutionInput, Selector};
use ink_e2e::{account_id, AccountKeyring};
use openbrush::contracts::psp34::{psp34_external::PSP34, Id};

/// SubWallet's calls, by the selectors of its bundled ABI: the point of this test is that
/// they are a foreign wallet's, so they are written out here and not taken from our metadata.
const GET_ATTRIBUTE_COUNT: [u8; 4] = [0x61, 0xc5, 0x0d, 0x69];
const GET_ATTRIBUTES: [u8; 4] = [0x18, 0x20, 0x91, 0x02];
const TOKEN_URI: [u8; 4] = [0x24, 0x9d, 0xfd, 0x4f];
/// Talisman's `PSP34Metadata::get_attribute`.
const GET_ATTRIBUTE: [u8; 4] = [0xf1, 0x9d, 0x48, 0xd1];

/// A dry-run of the collection's message at `selector` with `args`, decoded as `$ret`: what
/// SubWallet's `contract.query[...]` does with its own ABI.
macro_rules! wallet_reads {
    ($client:expr, $collection:expr, $selector:expr, $ret:ty, $args:expr) => {{
        let collection: ink::primitives::AccountId = $collection;
        let args = $args;
        let message = on_collection(collection).call(|_| {
            build_call::<Env>()
                .call(collection)
                .exec_input(ExecutionInput::new(Selector::new($selector)).push_arg(args.clone()))
                .returns::<$ret>()
        });
        query!($client, message)
    }};
}

#[ink_e2e::test]
async fn subwallet_shows_the_top_asset_as_it_is_accepted_replaced_and_reordered(
    mut client: ink_e2e::Client<C, E>,
) -> E2EResult<()> {
    // Given: alice's collection linked to its multi-asset contract, token 7 minted to bob, the
    // collection's metadata on four mirrors in the catalog, no asset accepted yet.
    let suite = deploy_suite(&mut client).await;
    let (collection, assets) = (suite.collection, suite.assets);
    let bob = account_id(AccountKeyring::Bob);
    let mint = on_collection(collection).call(|c| c.mint(bob, Id::U32(7)));
    assert_eq!(submit!(client, &ink_e2e::alice(), mint), Ok(()));
    let metadata = br#"{"name":"Cat #7","image":"ipfs://bafy/cat.png"}"#;
    let add = on_multiasset(assets).call(|m| m.add_asset_entries(mirror_set("7.json", metadata)));
    assert_eq!(
        submit!(client, &ink_e2e::alice(), add),
        Ok(vec![1, 2, 3, 4])
    );

    // Then: without an active asset, the wallet gets the base uri + id + .json, and nothing for
    // a token that does not exist.
    assert_eq!(
        wallet_reads!(client, collection, TOKEN_URI, String, 7u64),
        "ipfs://base/7.json"
    );
    assert_eq!(
        wallet_reads!(client, collection, TOKEN_URI, String, 8u64),
        ""
    );

    // When: alice proposes the four mirrors and bob accepts the https one.
    for id in 1..=4 {
        let propose = on_multiasset(assets).call(|m| m.propose_asset(Id::U32(7), id, None));
        assert_eq!(submit!(client, &ink_e2e::alice(), propose), Ok(()));
    }
    // Nothing accepted yet (proposals are only pending): still the base uri.
    assert_eq!(
        wallet_reads!(client, collection, TOKEN_URI, String, 7u64),
        "ipfs://base/7.json"
    );
    let accept = on_multiasset(assets).call(|m| m.accept_asset(Id::U32(7), 1));
    let result = client
        .call(&ink_e2e::bob(), accept, 0, None)
        .await
        .expect("accept submitted");

    // Then: SubWallet sees the https mirror, through both of its paths, and an indexer was told
    // to re-read the token.
    assert!(emitted!(result, assets, AssetsEvent)
        .iter()
        .any(|e| matches!(e, AssetsEvent::MetadataUpdate(u) if u.token_id == Id::U32(7))));
    let https = "https://cdn.example.org/7.json".to_string();
    assert_eq!(
        wallet_reads!(client, collection, GET_ATTRIBUTE_COUNT, u32, ()),
        1
    );
    assert_eq!(
        wallet_reads!(
            client,
            collection,
            GET_ATTRIBUTES,
            Vec<String>,
            (Id::U32(7), vec!["metadata".to_string()])
        ),
        vec![https.clone()]
    );
    assert_eq!(
        wallet_reads!(client, collection, TOKEN_URI, String, 7u64),
        https
    );

    // When: bob accepts the ipfs mirror too (appended below the top).
    let accept = on_multiasset(assets).call(|m| m.accept_asset(Id::U32(7), 2));
    let result = client
        .call(&ink_e2e::bob(), accept, 0, None)
        .await
        .expect("accept submitted");
    // Then: the top is unchanged, and no MetadataUpdate says otherwise.
    assert!(!emitted!(result, assets, AssetsEvent)
        .iter()
        .any(|e| matches!(e, AssetsEvent::MetadataUpdate(_))));
    assert_eq!(
        wallet_reads!(client, collection, TOKEN_URI, String, 7u64),
        https
    );

    // When: the https host rugs and a new https mirror replaces it.
    let moved = ("https://mirror.example.net/7.json".to_string(), None);
    let add = on_multiasset(assets).call(|m| m.add_asset_entries(vec![moved.clone()]));
    assert_eq!(submit!(client, &ink_e2e::alice(), add), Ok(vec![5]));
    let propose = on_multiasset(assets).call(|m| m.propose_asset(Id::U32(7), 5, Some(1)));
    assert_eq!(submit!(client, &ink_e2e::alice(), propose), Ok(()));
    let accept = on_multiasset(assets).call(|m| m.accept_asset(Id::U32(7), 5));
    assert_eq!(submit!(client, &ink_e2e::bob(), accept), Ok(()));
    // Then: the wallet shows the new host without changing anything.
    assert_eq!(
        wallet_reads!(client, collection, TOKEN_URI, String, 7u64),
        moved.0
    );

    // When: bob puts the ipfs mirror first.
    let order = on_multiasset(assets).call(|m| m.set_priority(Id::U32(7), vec![5, 0]));
    assert_eq!(submit!(client, &ink_e2e::bob(), order), Ok(()));
    // Then: the wallet shows ipfs.
    assert_eq!(
        wallet_reads!(client, collection, TOKEN_URI, String, 7u64),
        "ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi/7.json"
    );
    Ok(())
}

#[ink_e2e::test]
async fn wallets_get_an_answer_not_a_trap_whatever_they_ask(
    mut client: ink_e2e::Client<C, E>,
) -> E2EResult<()> {
    // Given: alice's collection, whose link to a contract that is not a multi-asset contract
    // (a registry) was refused, with token 1 minted to bob.
    let collection = deploy_collection(&mut client, &ink_e2e::alice()).await;
    let registry = deploy_registry(&mut client).await;
    let link = on_collection(collection).call(|c| c.set_multiasset(registry));
    assert_eq!(
        refused!(client, &ink_e2e::alice(), link),
        Err(collection::CollectionError::NotThisCollectionsMultiasset)
    );
    let bob = account_id(AccountKeyring::Bob);
    let mint = on_collection(collection).call(|c| c.mint(bob, Id::U32(1)));
    assert_eq!(submit!(client, &ink_e2e::alice(), mint), Ok(()));

    // Then: the token's uri falls back to the base uri; Talisman finds the base uri under both
    // names; long keys and ids answer nothing instead of trapping.
    assert_eq!(
        wallet_reads!(client, collection, TOKEN_URI, String, 1u64),
        "ipfs://base/1.json"
    );
    let collection_id = on_collection(collection).call(|c| c.collection_id());
    let collection_id = query!(client, collection_id);
    for (id, key) in [(collection_id, "baseUri"), (Id::U8(0), "baseURI")] {
        assert_eq!(
            wallet_reads!(
                client,
                collection,
                GET_ATTRIBUTE,
                Option<String>,
                (id, key.to_string())
            ),
            Some("ipfs://base/".to_string()),
            "{key}"
        );
    }
    assert_eq!(
        wallet_reads!(
            client,
            collection,
            GET_ATTRIBUTES,
            Vec<String>,
            (
                Id::Bytes(vec![7; 200]),
                vec!["metadata".to_string(), "k".repeat(300)]
            )
        ),
        vec![String::new(), String::new()]
    );
    Ok(())
}
