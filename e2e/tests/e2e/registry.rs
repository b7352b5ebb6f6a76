//! The proposer registry on a real node, bound to a real collection.

use crate::common::*;
use ink_e2e::{account_id, AccountKeyring};
use multiasset_traits::ProposerRegistry;
use openbrush::contracts::ownable::ownable_external::Ownable;
use proposer_registry::RegistryError;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

#[ink_e2e::test]
async fn grant_revoke_and_ownership_transfer(mut client: ink_e2e::Client<C, E>) -> E2EResult<()> {
    // Given: alice issues a collection; one registry serves it.
    let collection = deploy_collection(&mut client, &ink_e2e::alice()).await;
    let registry = deploy_registry(&mut client).await;
    let (bob, charlie) = (
        account_id(AccountKeyring::Bob),
        account_id(AccountKeyring::Charlie),
    );
    let is_bob = on_registry(registry).call(|r| r.is_proposer(collection, bob));

    // When: the issuer grants bob without expiry.
    let grant = on_registry(registry).call(|r| r.grant_proposer(collection, bob, None));
    assert_eq!(submit!(client, &ink_e2e::alice(), grant), Ok(()));
    // Then: bob is a proposer.
    assert!(query!(client, is_bob.clone()));

    // When: a stranger tries to revoke him.
    let revoke = on_registry(registry).call(|r| r.revoke_proposer(collection, bob));
    // Then: refused, and bob keeps his right.
    assert_eq!(
        refused!(client, &ink_e2e::eve(), revoke.clone()),
        Err(RegistryError::NotIssuer)
    );
    assert!(query!(client, is_bob.clone()));

    // When: the issuer revokes him.
    assert_eq!(submit!(client, &ink_e2e::alice(), revoke), Ok(()));
    // Then: bob is no longer a proposer.
    assert!(!query!(client, is_bob));

    // Given: alice grants charlie before she transfers the collection.
    let grant_charlie = on_registry(registry).call(|r| r.grant_proposer(collection, charlie, None));
    assert_eq!(
        submit!(client, &ink_e2e::alice(), grant_charlie.clone()),
        Ok(())
    );
    let is_charlie = on_registry(registry).call(|r| r.is_proposer(collection, charlie));
    assert!(query!(client, is_charlie.clone()));

    // When: alice transfers the collection to dave.
    let dave = account_id(AccountKeyring::Dave);
    let transfer = on_collection(collection).call(|c| c.transfer_ownership(dave));
    assert_eq!(submit!(client, &ink_e2e::alice(), transfer), Ok(()));
    // Then: alice's grant ended with her; she can no longer grant; dave can, at once, and his
    // grant of the same account counts.
    assert!(!query!(client, is_charlie.clone()));
    assert_eq!(
        refused!(client, &ink_e2e::alice(), grant_charlie.clone()),
        Err(RegistryError::NotIssuer)
    );
    assert_eq!(submit!(client, &ink_e2e::dave(), grant_charlie), Ok(()));
    assert!(query!(client, is_charlie));
    Ok(())
}

#[ink_e2e::test]
async fn grant_expires_when_block_time_passes(mut client: ink_e2e::Client<C, E>) -> E2EResult<()> {
    // Given: alice's collection and a registry.
    let collection = deploy_collection(&mut client, &ink_e2e::alice()).await;
    let registry = deploy_registry(&mut client).await;
    let bob = account_id(AccountKeyring::Bob);
    let is_bob = on_registry(registry).call(|r| r.is_proposer(collection, bob));

    // When: alice grants bob for the next 6 seconds (the dev node stamps blocks with wall time).
    let now_ms = SystemTime::now().duration_since(UNIX_EPOCH)?.as_millis() as u64;
    let expires_at = now_ms + 6_000;
    let grant = on_registry(registry).call(|r| r.grant_proposer(collection, bob, Some(expires_at)));
    assert_eq!(submit!(client, &ink_e2e::alice(), grant), Ok(()));
    // Then: bob is a proposer now.
    assert!(query!(client, is_bob.clone()));

    // When: time passes beyond the expiry and a new block is sealed.
    std::thread::sleep(Duration::from_millis(6_500));
    let nudge = on_registry(registry).call(|r| r.renounce(collection));
    assert_eq!(
        refused!(client, &ink_e2e::eve(), nudge),
        Err(RegistryError::NotAProposer)
    );

    // Then: bob is no longer a proposer, though his (expired) grant is still listed.
    assert!(!query!(client, is_bob.clone()));
    let listed = on_registry(registry).call(|r| r.proposers(collection, 0, 10));
    let page = query!(client, listed.clone()).expect("page");
    assert_eq!(page.len(), 1);
    assert!(!page[0].live);

    // When: anyone (eve) clears the ended grant.
    let clear = on_registry(registry).call(|r| r.clear_ended_grant(collection, bob));
    assert_eq!(submit!(client, &ink_e2e::eve(), clear), Ok(()));
    // Then: it is no longer listed.
    assert_eq!(query!(client, listed), Ok(vec![]));
    Ok(())
}
