//! The README's backup story (steps 1 to 6) with all three contracts on a real node, asserted
//! through the contracts' own types; the README tells it, `make demo` prints it.

use crate::common::*;
use e2e::{content_hash, mirror_set};
use ink_e2e::{account_id, AccountKeyring};
use multiasset::MultiAssetError;
use openbrush::contracts::psp34::Id;

#[ink_e2e::test]
async fn backup_proposer_mirrors_owner_curates_rugged_host_is_replaced(
    mut client: ink_e2e::Client<C, E>,
) -> E2EResult<()> {
    // Given: alice issues a collection, a registry and the collection's multi-asset contract;
    // she mints token 1 to bob and grants charlie (a backup service's hot key) the right to
    // propose.
    let suite = deploy_suite(&mut client).await;
    let Suite {
        collection,
        registry,
        assets,
    } = suite;
    let (bob, charlie) = (
        account_id(AccountKeyring::Bob),
        account_id(AccountKeyring::Charlie),
    );
    let token = Id::U32(1);
    let mint = on_collection(collection).call(|c| c.mint(bob, token.clone()));
    assert_eq!(submit!(client, &ink_e2e::alice(), mint), Ok(()));
    grant(&mut client, &suite, charlie).await;

    // When: charlie adds the token's metadata mirrored on https, ipfs, ar and sia (one sha256)
    // and proposes each mirror to the token.
    let metadata = br#"{"name":"Mirrored cat","image":"cat.png"}"#;
    let add = on_multiasset(assets).call(|m| m.add_asset_entries(mirror_set("1.json", metadata)));
    let ids = submit!(client, &ink_e2e::charlie(), add).expect("catalog");
    assert_eq!(ids, vec![1, 2, 3, 4]);
    for id in &ids {
        let propose = on_multiasset(assets).call(|m| m.propose_asset(token.clone(), *id, None));
        assert_eq!(submit!(client, &ink_e2e::charlie(), propose), Ok(()));
    }
    let pending = on_multiasset(assets).call(|m| m.pending_assets(token.clone()));
    assert_eq!(query!(client, pending.clone()), vec![1, 2, 3, 4]);

    // Then: bob accepts https, ipfs and ar, and rejects sia.
    for id in [1, 2, 3] {
        let accept = on_multiasset(assets).call(|m| m.accept_asset(token.clone(), id));
        assert_eq!(submit!(client, &ink_e2e::bob(), accept), Ok(()));
    }
    let reject = on_multiasset(assets).call(|m| m.reject_asset(token.clone(), 4));
    assert_eq!(submit!(client, &ink_e2e::bob(), reject), Ok(()));
    let active = on_multiasset(assets).call(|m| m.active_assets(token.clone()));
    assert_eq!(query!(client, active.clone()), vec![1, 2, 3]);
    assert!(query!(client, pending.clone()).is_empty());

    // When: the https host rugs; charlie adds a new https mirror with the same hash and proposes
    // it as a replacement for the old one.
    let new_https = (
        "https://mirror.example.net/1.json".to_string(),
        Some(content_hash(metadata)),
    );
    let add = on_multiasset(assets).call(|m| m.add_asset_entry(new_https.0.clone(), new_https.1));
    let replacement = submit!(client, &ink_e2e::charlie(), add).expect("entry");
    let propose =
        on_multiasset(assets).call(|m| m.propose_asset(token.clone(), replacement, Some(1)));
    assert_eq!(submit!(client, &ink_e2e::charlie(), propose), Ok(()));

    // Then: nothing is replaced until bob accepts; then the new mirror takes the old one's place
    // and priority.
    assert_eq!(query!(client, active.clone()), vec![1, 2, 3]);
    let accept = on_multiasset(assets).call(|m| m.accept_asset(token.clone(), replacement));
    assert_eq!(submit!(client, &ink_e2e::bob(), accept), Ok(()));
    assert_eq!(query!(client, active), vec![replacement, 2, 3]);
    let rendered = on_multiasset(assets).call(|m| m.token_assets(token.clone(), 0, 16));
    let rendered = query!(client, rendered).expect("page");
    assert_eq!(rendered[0].uri, new_https.0);
    assert_eq!(rendered[0].priority, 0);
    assert!(rendered
        .iter()
        .all(|asset| asset.content_hash == Some(content_hash(metadata))));

    // When: alice revokes charlie, who then tries to propose the sia mirror again.
    let revoke = on_registry(registry).call(|r| r.revoke_proposer(collection, charlie));
    assert_eq!(submit!(client, &ink_e2e::alice(), revoke), Ok(()));
    let propose = on_multiasset(assets).call(|m| m.propose_asset(token.clone(), 4, None));

    // Then: the revoked proposer is refused and nothing changes.
    assert_eq!(
        refused!(client, &ink_e2e::charlie(), propose),
        Err(MultiAssetError::NotIssuerOrProposer)
    );
    assert!(query!(client, pending).is_empty());
    Ok(())
}
