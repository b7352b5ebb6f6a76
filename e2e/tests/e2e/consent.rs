//! Consent, round 2, on a real node across the three contracts: what wallets show changes only
//! by the owner's choice or by a collection-wide proposal of a key that counts at that moment,
//! and every change a follower sees is announced by the multi-asset contract in the transaction
//! that causes it.

use crate::common::*;
use collection::CollectionError;
use ink_e2e::{account_id, AccountKeyring};
use multiasset_traits::ProposerRegistry;
use openbrush::contracts::{ownable::ownable_external::Ownable, psp34::Id};
use proposer_registry::RegistryError;

/// The asset ids of the `BatchMetadataUpdate`s the multi-asset contract emitted in `events`.
fn batch_updates(events: &[AssetsEvent]) -> Vec<Vec<u64>> {
    events
        .iter()
        .filter_map(|e| match e {
            AssetsEvent::BatchMetadataUpdate(u) => Some(u.asset_ids.clone()),
            _ => None,
        })
        .collect()
}

#[ink_e2e::test]
async fn the_link_is_set_once_before_the_first_mint_and_only_to_this_collections_contract(
    mut client: ink_e2e::Client<C, E>,
) -> E2EResult<()> {
    // Given: alice's suite, linked at deployment, and a second collection of hers with its own
    // multi-asset contract.
    let suite = deploy_suite(&mut client).await;
    let other = deploy_collection(&mut client, &ink_e2e::alice()).await;
    let others_assets = deploy_multiasset(&mut client, other, suite.registry).await;

    // When: alice relinks the real collection, to the other collection's contract or to a second
    // contract of its own.
    let second = deploy_multiasset(&mut client, suite.collection, suite.registry).await;
    for relink in [others_assets, second] {
        let link = on_collection(suite.collection).call(|c| c.set_multiasset(relink));
        // Then: refused; wallets keep reading the contract owners decided on.
        assert_eq!(
            refused!(client, &ink_e2e::alice(), link),
            Err(CollectionError::MultiassetAlreadySet)
        );
    }

    // When: alice links the second collection to the first one's contract.
    let link = on_collection(other).call(|c| c.set_multiasset(suite.assets));
    // Then: refused: that contract answers only its own collection.
    assert_eq!(
        refused!(client, &ink_e2e::alice(), link),
        Err(CollectionError::NotThisCollectionsMultiasset)
    );

    // When: alice mints on the second collection, then links its own contract.
    let bob = account_id(AccountKeyring::Bob);
    let mint = on_collection(other).call(|c| c.mint(bob, Id::U32(1)));
    assert_eq!(submit!(client, &ink_e2e::alice(), mint), Ok(()));
    let link = on_collection(other).call(|c| c.set_multiasset(others_assets));
    // Then: refused: a holder exists, and what it saw would change without it.
    assert_eq!(
        refused!(client, &ink_e2e::alice(), link),
        Err(CollectionError::TokensAlreadyMinted)
    );
    Ok(())
}

#[ink_e2e::test]
async fn grant_changes_and_issuer_changes_are_announced_to_followers_at_once(
    mut client: ink_e2e::Client<C, E>,
) -> E2EResult<()> {
    // Given: bob's token 1 follows the collection; charlie (a hot key) proposed a mirror to the
    // whole collection, which the token shows.
    let suite = deploy_suite(&mut client).await;
    let Suite {
        collection,
        registry,
        assets,
    } = suite;
    let (bob, charlie, dave) = (
        account_id(AccountKeyring::Bob),
        account_id(AccountKeyring::Charlie),
        account_id(AccountKeyring::Dave),
    );
    let mint = on_collection(collection).call(|c| c.mint(bob, Id::U32(1)));
    assert_eq!(submit!(client, &ink_e2e::alice(), mint), Ok(()));
    let follow = on_multiasset(assets).call(|m| m.set_follows_collection(vec![Id::U32(1)], true));
    assert_eq!(submit!(client, &ink_e2e::bob(), follow), Ok(()));
    grant(&mut client, &suite, charlie).await;
    let add = on_multiasset(assets).call(|m| {
        m.add_asset_entries(vec![
            ("https://charlie/1.json".into(), None),
            ("https://dave/1.json".into(), None),
        ])
    });
    assert_eq!(submit!(client, &ink_e2e::charlie(), add), Ok(vec![1, 2]));
    let propose = on_multiasset(assets).call(|m| m.propose_to_collection(vec![(1, None)]));
    assert_eq!(submit!(client, &ink_e2e::charlie(), propose), Ok(()));
    let top = on_multiasset(assets).call(|m| m.top_asset(Id::U32(1)));
    assert_eq!(query!(client, top.clone()).map(|t| t.asset_id), Some(1));

    // When: alice revokes charlie.
    let revoke = on_registry(registry).call(|r| r.revoke_proposer(collection, charlie));
    let result = client
        .call(&ink_e2e::alice(), revoke, 0, None)
        .await
        .expect("submitted");
    // Then: in the same transaction the multi-asset contract announces charlie's proposal, and
    // the follower no longer shows it.
    assert_eq!(
        batch_updates(&emitted!(result, assets, AssetsEvent)),
        vec![vec![1]]
    );
    assert_eq!(query!(client, top.clone()), None);

    // When: alice proposes the same asset herself: charlie's leftover is in the way.
    let again = on_multiasset(assets).call(|m| m.propose_to_collection(vec![(1, None)]));
    let result = client
        .call(&ink_e2e::alice(), again, 0, None)
        .await
        .expect("submitted");
    // Then: it is dropped (announced), and her proposal shows.
    let events = emitted!(result, assets, AssetsEvent);
    assert!(events.iter().any(|e| matches!(
        e,
        AssetsEvent::LapsedProposalsDropped(d) if d.token_id.is_none() && d.asset_ids == vec![1]
    )));
    assert_eq!(query!(client, top.clone()).map(|t| t.asset_id), Some(1));

    // Given: alice grants dave, who proposes his mirror to the collection.
    grant(&mut client, &suite, dave).await;
    let propose = on_multiasset(assets).call(|m| m.propose_to_collection(vec![(2, Some(1))]));
    assert_eq!(submit!(client, &ink_e2e::dave(), propose), Ok(()));
    assert_eq!(query!(client, top.clone()).map(|t| t.asset_id), Some(2));

    // When: alice sells the collection to eve.
    let eve = account_id(AccountKeyring::Eve);
    let transfer = on_collection(collection).call(|c| c.transfer_ownership(eve));
    let result = client
        .call(&ink_e2e::alice(), transfer, 0, None)
        .await
        .expect("submitted");
    // Then: the multi-asset contract announces every open proposal in that transaction; alice's
    // grant to dave ended with her, and so did her own proposal's standing: the token shows
    // neither.
    assert_eq!(
        batch_updates(&emitted!(result, assets, AssetsEvent)),
        vec![vec![1, 2]]
    );
    assert_eq!(query!(client, top), None);
    let propose = on_multiasset(assets).call(|m| m.propose_to_collection(vec![(2, None)]));
    assert_eq!(
        refused!(client, &ink_e2e::dave(), propose),
        Err(multiasset::MultiAssetError::NotIssuerOrProposer)
    );

    // When: anyone clears dave's ended grant; a stranger cannot clear a grant that counts.
    let clear = on_registry(registry).call(|r| r.clear_ended_grant(collection, dave));
    let result = client
        .call(&ink_e2e::ferdie(), clear, 0, None)
        .await
        .expect("submitted");
    // Then: announced again (his proposal is still open, and still shows nowhere).
    assert_eq!(
        batch_updates(&emitted!(result, assets, AssetsEvent)),
        vec![vec![2]]
    );
    grant_as(&mut client, &ink_e2e::eve(), registry, collection, dave).await;
    let clear = on_registry(registry).call(|r| r.clear_ended_grant(collection, dave));
    assert_eq!(
        refused!(client, &ink_e2e::ferdie(), clear),
        Err(RegistryError::GrantStillCounts)
    );
    Ok(())
}

#[ink_e2e::test]
async fn the_issuer_ends_every_grant_in_one_call(
    mut client: ink_e2e::Client<C, E>,
) -> E2EResult<()> {
    // Given: alice granted three keys.
    let suite = deploy_suite(&mut client).await;
    let keys = [
        AccountKeyring::Charlie,
        AccountKeyring::Dave,
        AccountKeyring::Eve,
    ]
    .map(account_id);
    for key in keys {
        grant(&mut client, &suite, key).await;
    }

    // When: she revokes them all at once.
    let collection = suite.collection;
    let revoke_all = on_registry(suite.registry).call(|r| r.revoke_all_proposers(collection));
    assert_eq!(submit!(client, &ink_e2e::alice(), revoke_all), Ok(()));

    // Then: none counts, none is listed.
    for key in keys {
        let is = on_registry(suite.registry).call(|r| r.is_proposer(collection, key));
        assert!(!query!(client, is));
    }
    let count = on_registry(suite.registry).call(|r| r.proposer_count(collection));
    assert_eq!(query!(client, count), 0);
    Ok(())
}

/// `issuer` grants `proposer` the right to propose to `collection`, without expiry.
async fn grant_as(
    client: &mut Client,
    issuer: &ink_e2e::Keypair,
    registry: ink::primitives::AccountId,
    collection: ink::primitives::AccountId,
    proposer: ink::primitives::AccountId,
) {
    let grant = on_registry(registry).call(|r| r.grant_proposer(collection, proposer, None));
    assert_eq!(submit!(client, issuer, grant), Ok(()));
}
