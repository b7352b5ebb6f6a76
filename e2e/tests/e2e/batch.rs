//! A batch proposal of the largest allowed size on a real node: it must fit a parachain block
//! (`BLOCK_REF_TIME`, `BLOCK_PROOF_SIZE`), reach every token, and be all or nothing.

use crate::common::*;
use ink_e2e::{account_id, AccountKeyring};
use multiasset::{
    limits::{BLOCK_PROOF_SIZE, BLOCK_REF_TIME, MAX_BATCH_TOKENS},
    MultiAssetError,
};
use openbrush::contracts::psp34::Id;

#[ink_e2e::test]
async fn largest_batch_fits_a_block_and_reaches_every_token(
    mut client: ink_e2e::Client<C, E>,
) -> E2EResult<()> {
    // Given: alice's collection with its multi-asset contract, charlie a registered proposer and
    // one catalog entry.
    let suite = deploy_suite(&mut client).await;
    let assets = suite.assets;
    let charlie = account_id(AccountKeyring::Charlie);
    grant(&mut client, &suite, charlie).await;
    let add = on_multiasset(assets).call(|m| m.add_asset_entry("ipfs://bafy/1.json".into(), None));
    assert_eq!(submit!(client, &ink_e2e::charlie(), add), Ok(1));

    // When: charlie proposes entry 1 to MAX_BATCH_TOKENS tokens in one call.
    let tokens: Vec<Id> = (0..MAX_BATCH_TOKENS as u32).map(Id::U32).collect();
    let batch = on_multiasset(assets).call(|m| m.propose_asset_to_many(tokens.clone(), 1, None));
    let weight = client
        .call_dry_run(&ink_e2e::charlie(), &batch, 0, None)
        .await
        .exec_result
        .gas_required;
    let result = client
        .call(&ink_e2e::charlie(), batch, 0, None)
        .await
        .expect("batch submitted");

    // Then: it fits a parachain block, emits one event for the whole batch, and every token has
    // the proposal pending.
    assert!(
        weight.ref_time() <= BLOCK_REF_TIME && weight.proof_size() <= BLOCK_PROOF_SIZE,
        "{MAX_BATCH_TOKENS} tokens need {weight:?}, more than a block"
    );
    let emitted = emitted!(result, assets, AssetsEvent);
    match &emitted[..] {
        [AssetsEvent::AssetProposedToMany(event)] => {
            assert_eq!(event.token_ids, tokens);
            assert_eq!(
                (event.asset_id, event.replaces, event.proposer),
                (1, None, charlie)
            );
        }
        other => panic!(
            "expected one AssetProposedToMany event, got {} events",
            other.len()
        ),
    }
    assert_eq!(result.return_value(), Ok(()));
    // The tokens are not minted yet, so they show nothing until they are (then the proposal
    // shows): mint three of them and look.
    let bob = account_id(AccountKeyring::Bob);
    for token in [
        &tokens[0],
        &tokens[MAX_BATCH_TOKENS / 2],
        &tokens[MAX_BATCH_TOKENS - 1],
    ] {
        let pending = on_multiasset(assets).call(|m| m.pending_assets(token.clone()));
        assert!(query!(client, pending.clone()).is_empty());
        let mint = on_collection(suite.collection).call(|c| c.mint(bob, token.clone()));
        assert_eq!(submit!(client, &ink_e2e::alice(), mint), Ok(()));
        assert_eq!(query!(client, pending), vec![1]);
    }

    // When: a second batch names new tokens and one that already has the proposal.
    let fresh = Id::U32(MAX_BATCH_TOKENS as u32 + 1);
    let again = vec![fresh.clone(), tokens[7].clone()];
    let batch = on_multiasset(assets).call(|m| m.propose_asset_to_many(again.clone(), 1, None));

    // Then: it is refused naming that token, and the new token got nothing.
    assert_eq!(
        refused!(client, &ink_e2e::charlie(), batch),
        Err(MultiAssetError::AssetAlreadyPending {
            token_id: tokens[7].clone()
        })
    );
    let mint = on_collection(suite.collection).call(|c| c.mint(bob, fresh.clone()));
    assert_eq!(submit!(client, &ink_e2e::alice(), mint), Ok(()));
    let pending = on_multiasset(assets).call(|m| m.pending_assets(fresh.clone()));
    assert!(query!(client, pending).is_empty());
    Ok(())
}
