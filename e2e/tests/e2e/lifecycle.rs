//! Lifecycle and authority on a real node, across the three contracts: approvals end with a
//! transfer, transfer rights are not asset rights, a revoked proposer's proposals die with its
//! grant, a renounced collection freezes proposing, a burnt token's assets can be cleared, and
//! reads never trap.

use crate::common::*;
use ink_e2e::{account_id, AccountKeyring};
use multiasset::MultiAssetError;
use openbrush::{
    contracts::{
        ownable::ownable_external::Ownable,
        psp34::{
            extensions::metadata::psp34metadata_external::PSP34Metadata, psp34_external::PSP34, Id,
            PSP34Error,
        },
    },
    traits::String,
};

/// Alice's suite with token 1 minted to bob and catalog entries 1 and 2 added by alice.
async fn bobs_token(client: &mut Client) -> Suite {
    let suite = deploy_suite(client).await;
    let bob = account_id(AccountKeyring::Bob);
    let mint = on_collection(suite.collection).call(|c| c.mint(bob, Id::U32(1)));
    assert_eq!(submit!(client, &ink_e2e::alice(), mint), Ok(()));
    let add = on_multiasset(suite.assets).call(|m| {
        m.add_asset_entries(vec![
            ("https://good/1.json".into(), None),
            ("https://evil/1.json".into(), None),
        ])
    });
    assert_eq!(submit!(client, &ink_e2e::alice(), add), Ok(vec![1, 2]));
    suite
}

#[ink_e2e::test]
async fn a_transfer_approval_does_not_survive_a_transfer_and_return(
    mut client: ink_e2e::Client<C, E>,
) -> E2EResult<()> {
    // Given: bob approves charlie to transfer token 1.
    let Suite { collection, .. } = bobs_token(&mut client).await;
    let (bob, charlie, dave) = (
        account_id(AccountKeyring::Bob),
        account_id(AccountKeyring::Charlie),
        account_id(AccountKeyring::Dave),
    );
    let approve = on_collection(collection).call(|c| c.approve(charlie, Some(Id::U32(1)), true));
    assert_eq!(submit!(client, &ink_e2e::bob(), approve), Ok(()));

    // When: bob transfers the token to dave, and dave transfers it back.
    let to_dave = on_collection(collection).call(|c| c.transfer(dave, Id::U32(1), vec![]));
    assert_eq!(submit!(client, &ink_e2e::bob(), to_dave), Ok(()));
    let back = on_collection(collection).call(|c| c.transfer(bob, Id::U32(1), vec![]));
    assert_eq!(submit!(client, &ink_e2e::dave(), back), Ok(()));

    // Then: charlie's approval is gone; he can no longer move the token.
    let allowance = on_collection(collection).call(|c| c.allowance(bob, charlie, Some(Id::U32(1))));
    assert!(!query!(client, allowance));
    let steal = on_collection(collection).call(|c| c.transfer(charlie, Id::U32(1), vec![]));
    assert_eq!(
        refused!(client, &ink_e2e::charlie(), steal),
        Err(PSP34Error::NotApproved)
    );
    Ok(())
}

#[ink_e2e::test]
async fn only_asset_operators_decide_and_their_approval_ends_with_a_transfer(
    mut client: ink_e2e::Client<C, E>,
) -> E2EResult<()> {
    // Given: bob's token with asset 1 pending; dave may transfer all of bob's tokens (a
    // marketplace), charlie may manage token 1's assets, eve the assets of all bob's tokens.
    let Suite {
        collection, assets, ..
    } = bobs_token(&mut client).await;
    let (bob, charlie, dave, eve) = (
        account_id(AccountKeyring::Bob),
        account_id(AccountKeyring::Charlie),
        account_id(AccountKeyring::Dave),
        account_id(AccountKeyring::Eve),
    );
    let token = Id::U32(1);
    for asset in [1, 2] {
        let propose = on_multiasset(assets).call(|m| m.propose_asset(token.clone(), asset, None));
        assert_eq!(submit!(client, &ink_e2e::alice(), propose), Ok(()));
    }
    let market = on_collection(collection).call(|c| c.approve(dave, None, true));
    assert_eq!(submit!(client, &ink_e2e::bob(), market), Ok(()));
    let for_token =
        on_collection(collection).call(|c| c.approve_for_assets(charlie, token.clone(), true));
    assert_eq!(submit!(client, &ink_e2e::bob(), for_token), Ok(()));
    let for_all = on_collection(collection).call(|c| c.set_approval_for_all_for_assets(eve, true));
    assert_eq!(submit!(client, &ink_e2e::bob(), for_all), Ok(()));

    // When / then: the marketplace may not accept; charlie may; eve sets priorities and rejects
    // all that is left.
    let accept = on_multiasset(assets).call(|m| m.accept_asset(token.clone(), 1));
    assert_eq!(
        refused!(client, &ink_e2e::dave(), accept.clone()),
        Err(MultiAssetError::NotTokenOwnerOrApproved {
            token_id: token.clone()
        })
    );
    assert_eq!(submit!(client, &ink_e2e::charlie(), accept), Ok(()));
    let priority = on_multiasset(assets).call(|m| m.set_priority(token.clone(), vec![7]));
    assert_eq!(submit!(client, &ink_e2e::eve(), priority), Ok(()));
    let reject_all = on_multiasset(assets).call(|m| m.reject_all_assets(token.clone(), 1));
    assert_eq!(submit!(client, &ink_e2e::eve(), reject_all), Ok(()));
    let priorities = on_multiasset(assets).call(|m| m.active_asset_priorities(token.clone()));
    assert_eq!(query!(client, priorities), vec![7]);
    let pending = on_multiasset(assets).call(|m| m.pending_assets(token.clone()));
    assert!(query!(client, pending).is_empty());

    // When: bob transfers the token to dave, who transfers it back.
    let to_dave = on_collection(collection).call(|c| c.transfer(dave, token.clone(), vec![]));
    assert_eq!(submit!(client, &ink_e2e::bob(), to_dave), Ok(()));
    let back = on_collection(collection).call(|c| c.transfer(bob, token.clone(), vec![]));
    assert_eq!(submit!(client, &ink_e2e::dave(), back), Ok(()));

    // Then: charlie's asset approval ended with the transfer; eve's, for all bob's tokens, did
    // not.
    let approved = on_collection(collection).call(|c| c.approved_for_assets(token.clone()));
    assert_eq!(query!(client, approved), None);
    let propose = on_multiasset(assets).call(|m| m.propose_asset(token.clone(), 2, None));
    assert_eq!(submit!(client, &ink_e2e::alice(), propose), Ok(()));
    let accept = on_multiasset(assets).call(|m| m.accept_asset(token.clone(), 2));
    assert_eq!(
        refused!(client, &ink_e2e::charlie(), accept.clone()),
        Err(MultiAssetError::NotTokenOwnerOrApproved {
            token_id: token.clone()
        })
    );
    assert_eq!(submit!(client, &ink_e2e::eve(), accept), Ok(()));
    Ok(())
}

#[ink_e2e::test]
async fn a_revoked_proposers_replacement_cannot_be_accepted(
    mut client: ink_e2e::Client<C, E>,
) -> E2EResult<()> {
    // Given: bob's token shows the good mirror; charlie, a registered proposer, proposes the
    // evil one to replace it.
    let suite = bobs_token(&mut client).await;
    let Suite {
        collection,
        registry,
        assets,
    } = suite;
    let charlie = account_id(AccountKeyring::Charlie);
    let token = Id::U32(1);
    grant(&mut client, &suite, charlie).await;
    let good = on_multiasset(assets).call(|m| m.propose_asset(token.clone(), 1, None));
    assert_eq!(submit!(client, &ink_e2e::alice(), good), Ok(()));
    let accept_good = on_multiasset(assets).call(|m| m.accept_asset(token.clone(), 1));
    assert_eq!(submit!(client, &ink_e2e::bob(), accept_good), Ok(()));
    let evil = on_multiasset(assets).call(|m| m.propose_asset(token.clone(), 2, Some(1)));
    assert_eq!(submit!(client, &ink_e2e::charlie(), evil), Ok(()));
    let proposal = on_multiasset(assets).call(|m| m.pending_proposal(token.clone(), 2));
    assert_eq!(query!(client, proposal).map(|p| p.proposer), Some(charlie));

    // When: alice revokes charlie, and bob accepts anyway.
    let revoke = on_registry(registry).call(|r| r.revoke_proposer(collection, charlie));
    assert_eq!(submit!(client, &ink_e2e::alice(), revoke), Ok(()));
    let accept = on_multiasset(assets).call(|m| m.accept_asset(token.clone(), 2));

    // Then: refused; the good mirror stays; bob can still reject the proposal.
    assert_eq!(
        refused!(client, &ink_e2e::bob(), accept),
        Err(MultiAssetError::ProposerRevoked {
            token_id: token.clone()
        })
    );
    let active = on_multiasset(assets).call(|m| m.active_assets(token.clone()));
    assert_eq!(query!(client, active), vec![1]);
    let reject = on_multiasset(assets).call(|m| m.reject_asset(token.clone(), 2));
    assert_eq!(submit!(client, &ink_e2e::bob(), reject), Ok(()));
    Ok(())
}

#[ink_e2e::test]
async fn a_renounced_collections_grants_stop_counting(
    mut client: ink_e2e::Client<C, E>,
) -> E2EResult<()> {
    // Given: charlie holds an unexpiring grant.
    let suite = bobs_token(&mut client).await;
    let Suite {
        collection, assets, ..
    } = suite;
    grant(&mut client, &suite, account_id(AccountKeyring::Charlie)).await;

    // When: alice renounces the collection's ownership; nobody can revoke charlie now.
    let renounce = on_collection(collection).call(|c| c.renounce_ownership());
    assert_eq!(submit!(client, &ink_e2e::alice(), renounce), Ok(()));

    // Then: charlie's grant no longer lets him propose.
    let propose = on_multiasset(assets).call(|m| m.propose_asset(Id::U32(1), 1, None));
    assert_eq!(
        refused!(client, &ink_e2e::charlie(), propose),
        Err(MultiAssetError::NotIssuerOrProposer)
    );
    Ok(())
}

#[ink_e2e::test]
async fn a_burnt_tokens_assets_vanish_and_anyone_may_clear_them(
    mut client: ink_e2e::Client<C, E>,
) -> E2EResult<()> {
    // Given: bob's token with asset 1 active and asset 2 pending.
    let Suite {
        collection, assets, ..
    } = bobs_token(&mut client).await;
    let token = Id::U32(1);
    for asset in [1, 2] {
        let propose = on_multiasset(assets).call(|m| m.propose_asset(token.clone(), asset, None));
        assert_eq!(submit!(client, &ink_e2e::alice(), propose), Ok(()));
    }
    let accept = on_multiasset(assets).call(|m| m.accept_asset(token.clone(), 1));
    assert_eq!(submit!(client, &ink_e2e::bob(), accept), Ok(()));

    // When: bob burns it.
    let burn = on_collection(collection).call(|c| c.burn(token.clone()));
    assert_eq!(submit!(client, &ink_e2e::bob(), burn), Ok(()));

    // Then: it shows no assets, takes no proposal, and dave (anyone) frees its cell.
    let active = on_multiasset(assets).call(|m| m.active_assets(token.clone()));
    assert!(query!(client, active).is_empty());
    let propose = on_multiasset(assets).call(|m| m.propose_asset(token.clone(), 2, None));
    assert_eq!(
        refused!(client, &ink_e2e::alice(), propose),
        Err(MultiAssetError::TokenBurnt {
            token_id: token.clone()
        })
    );
    let clear = on_multiasset(assets).call(|m| m.clear_burnt_token(token.clone()));
    let cleared = client
        .call(&ink_e2e::dave(), clear, 0, None)
        .await
        .expect("clear submitted");
    let events = emitted!(cleared, assets, AssetsEvent);
    assert_eq!(cleared.return_value(), Ok(()));
    match &events[..] {
        [AssetsEvent::BurntTokenCleared(event)] => {
            assert_eq!(
                (&event.token_id, event.pending, event.active),
                (&token, 1, 1)
            );
        }
        other => panic!("expected one BurntTokenCleared, got {} events", other.len()),
    }
    let again = on_multiasset(assets).call(|m| m.clear_burnt_token(Id::U32(2)));
    assert_eq!(
        refused!(client, &ink_e2e::dave(), again),
        Err(MultiAssetError::TokenNotBurnt {
            token_id: Id::U32(2)
        })
    );
    Ok(())
}

#[ink_e2e::test]
async fn reading_an_attribute_too_long_for_a_key_answers_none(
    mut client: ink_e2e::Client<C, E>,
) -> E2EResult<()> {
    // Given: alice's collection.
    let collection = deploy_collection(&mut client, &ink_e2e::alice()).await;

    // When: a wallet reads an attribute whose (id, key) is longer than a storage key.
    let read = on_collection(collection)
        .call(|c| c.get_attribute(Id::Bytes(vec![1; 100]), String::from("k".repeat(100))));

    // Then: the dry-run answers `None` instead of trapping.
    assert_eq!(query!(client, read), None);
    Ok(())
}
