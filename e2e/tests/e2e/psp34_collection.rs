//! The collection on a real node: deploy, issuer mints, owner transfers, stranger's mint refused.

use crate::common::*;
use collection::{collection::CollectionRef, CollectionError};
use ink_e2e::{account_id, AccountKeyring};
use openbrush::contracts::{
    ownable::ownable_external::Ownable,
    psp34::{
        extensions::metadata::psp34metadata_external::PSP34Metadata, psp34_external::PSP34, Id,
    },
};

#[ink_e2e::test]
async fn issuer_mints_owner_transfers_stranger_is_refused(
    mut client: ink_e2e::Client<C, E>,
) -> E2EResult<()> {
    // Given: alice deployed a collection with a max supply of 10.
    let constructor = CollectionRef::new(
        "Mirrors".into(),
        "MIR".into(),
        "ipfs://base/".into(),
        Some(10),
    );
    let collection = client
        .instantiate("collection", &ink_e2e::alice(), constructor, 0, None)
        .await
        .expect("instantiate collection")
        .account_id;
    let (alice, bob, charlie) = (
        account_id(AccountKeyring::Alice),
        account_id(AccountKeyring::Bob),
        account_id(AccountKeyring::Charlie),
    );
    let owner = on_collection(collection).call(|c| c.owner());
    assert_eq!(query!(client, owner), Some(alice));
    let collection_id = query!(
        client,
        on_collection(collection).call(|c| c.collection_id())
    );
    let name =
        on_collection(collection).call(|c| c.get_attribute(collection_id.clone(), "name".into()));
    assert_eq!(query!(client, name), Some("Mirrors".into()));

    // When: the issuer mints token 1 to bob.
    let mint = on_collection(collection).call(|c| c.mint(bob, Id::U32(1)));
    assert_eq!(submit!(client, &ink_e2e::alice(), mint), Ok(()));

    // Then: bob owns it.
    let owner_of = on_collection(collection).call(|c| c.owner_of(Id::U32(1)));
    assert_eq!(query!(client, owner_of.clone()), Some(bob));

    // When: bob transfers it to charlie.
    let transfer = on_collection(collection).call(|c| c.transfer(charlie, Id::U32(1), Vec::new()));
    assert_eq!(submit!(client, &ink_e2e::bob(), transfer), Ok(()));

    // Then: charlie owns it.
    assert_eq!(query!(client, owner_of), Some(charlie));

    // When: eve, a stranger, tries to mint.
    let stranger_mint =
        on_collection(collection).call(|c| c.mint(account_id(AccountKeyring::Eve), Id::U32(2)));
    let refused = refused!(client, &ink_e2e::eve(), stranger_mint);

    // Then: the typed error, and nothing was minted.
    assert_eq!(refused, Err(CollectionError::NotIssuer));
    let supply = on_collection(collection).call(|c| c.total_supply());
    assert_eq!(query!(client, supply), 1);
    Ok(())
}
