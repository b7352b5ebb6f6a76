//! Token ids at and past the storage-key limit (pallet-contracts traps on keys over 128 bytes) on
//! a real node: the longest id the collection mints works through mint, asset approval and the
//! multi-asset contract; longer ids get a typed error or an empty answer, never a trap.

use crate::common::*;
use collection::CollectionError;
use ink_e2e::{account_id, AccountKeyring};
use multiasset::MultiAssetError;
use openbrush::contracts::psp34::{psp34_external::PSP34, Id, PSP34Error};

#[ink_e2e::test]
async fn longest_token_id_works_and_longer_ones_are_refused_without_a_trap(
    mut client: ink_e2e::Client<C, E>,
) -> E2EResult<()> {
    // Given: alice's collection and multi-asset contract with one catalog entry; ids of 59
    // encoded bytes (the collection's longest), 60, and 203 (longer than any storage key).
    let Suite {
        collection, assets, ..
    } = deploy_suite(&mut client).await;
    let (bob, charlie) = (
        account_id(AccountKeyring::Bob),
        account_id(AccountKeyring::Charlie),
    );
    let longest = Id::Bytes(vec![7; 57]);
    let too_long = Id::Bytes(vec![7; 58]);
    let huge = Id::Bytes(vec![7; 200]);
    let add = on_multiasset(assets).call(|m| m.add_asset_entry("ipfs://bafy/1.json".into(), None));
    assert_eq!(submit!(client, &ink_e2e::alice(), add), Ok(1));

    // When: alice mints the longest id to bob, bob approves charlie for its assets, alice
    // proposes entry 1 to it and charlie accepts on bob's behalf.
    let mint = on_collection(collection).call(|c| c.mint(bob, longest.clone()));
    assert_eq!(submit!(client, &ink_e2e::alice(), mint), Ok(()));
    let approve =
        on_collection(collection).call(|c| c.approve_for_assets(charlie, longest.clone(), true));
    assert_eq!(submit!(client, &ink_e2e::bob(), approve), Ok(()));
    let propose = on_multiasset(assets).call(|m| m.propose_asset(longest.clone(), 1, None));
    assert_eq!(submit!(client, &ink_e2e::alice(), propose), Ok(()));
    let accept = on_multiasset(assets).call(|m| m.accept_asset(longest.clone(), 1));
    assert_eq!(submit!(client, &ink_e2e::charlie(), accept), Ok(()));

    // Then: the token carries the asset.
    let active = on_multiasset(assets).call(|m| m.active_assets(longest.clone()));
    assert_eq!(query!(client, active), vec![1]);

    // When / then: one byte longer cannot be minted, nor given assets (no cell may exist for an
    // id that can never be minted).
    let mint = on_collection(collection).call(|c| c.mint(bob, too_long.clone()));
    assert_eq!(
        refused!(client, &ink_e2e::alice(), mint),
        Err(CollectionError::TokenIdTooLong)
    );
    let propose = on_multiasset(assets).call(|m| m.propose_asset(too_long.clone(), 1, None));
    assert_eq!(
        refused!(client, &ink_e2e::alice(), propose),
        Err(MultiAssetError::TokenIdTooLong {
            token_id: too_long.clone()
        })
    );

    // When / then: an id longer than any storage key names no token, has no approval, cannot be
    // transferred, proposed to or accepted, and holds no assets; every answer is typed.
    let owner_of = on_collection(collection).call(|c| c.owner_of(huge.clone()));
    assert_eq!(query!(client, owner_of), None);
    let allowance =
        on_collection(collection).call(|c| c.allowance(bob, charlie, Some(huge.clone())));
    assert!(!query!(client, allowance));
    let transfer = on_collection(collection).call(|c| c.transfer(charlie, huge.clone(), vec![]));
    assert_eq!(
        refused!(client, &ink_e2e::bob(), transfer),
        Err(PSP34Error::TokenNotExists)
    );
    let propose = on_multiasset(assets).call(|m| m.propose_asset(huge.clone(), 1, None));
    assert_eq!(
        refused!(client, &ink_e2e::alice(), propose),
        Err(MultiAssetError::TokenIdTooLong {
            token_id: huge.clone()
        })
    );
    let accept = on_multiasset(assets).call(|m| m.accept_asset(huge.clone(), 1));
    assert_eq!(
        refused!(client, &ink_e2e::bob(), accept),
        Err(MultiAssetError::TokenIdTooLong {
            token_id: huge.clone()
        })
    );
    let pending = on_multiasset(assets).call(|m| m.pending_assets(huge.clone()));
    assert!(query!(client, pending).is_empty());
    Ok(())
}
