//! The collection on a real node: deploy, issuer mints, owner transfers, stranger's mint refused.

use collection::{collection::CollectionRef, CollectionError};
use ink_e2e::{account_id, build_message, AccountKeyring};
use openbrush::contracts::{
    ownable::ownable_external::Ownable,
    psp34::{
        extensions::metadata::psp34metadata_external::PSP34Metadata, psp34_external::PSP34, Id,
    },
};

type E2EResult<T> = Result<T, Box<dyn std::error::Error>>;

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
    let owner = build_message::<CollectionRef>(collection).call(|c| c.owner());
    assert_eq!(
        client
            .call_dry_run(&ink_e2e::bob(), &owner, 0, None)
            .await
            .return_value(),
        Some(alice)
    );
    let collection_id = build_message::<CollectionRef>(collection).call(|c| c.collection_id());
    let collection_id = client
        .call_dry_run(&ink_e2e::bob(), &collection_id, 0, None)
        .await
        .return_value();
    let name = build_message::<CollectionRef>(collection)
        .call(|c| c.get_attribute(collection_id.clone(), "name".into()));
    assert_eq!(
        client
            .call_dry_run(&ink_e2e::bob(), &name, 0, None)
            .await
            .return_value(),
        Some("Mirrors".into())
    );

    // When: the issuer mints token 1 to bob.
    let mint = build_message::<CollectionRef>(collection).call(|c| c.mint(bob, Id::U32(1)));
    let minted = client
        .call(&ink_e2e::alice(), mint, 0, None)
        .await
        .expect("mint submitted");
    assert_eq!(minted.return_value(), Ok(()));

    // Then: bob owns it.
    let owner_of = build_message::<CollectionRef>(collection).call(|c| c.owner_of(Id::U32(1)));
    assert_eq!(
        client
            .call_dry_run(&ink_e2e::alice(), &owner_of, 0, None)
            .await
            .return_value(),
        Some(bob)
    );

    // When: bob transfers it to charlie.
    let transfer = build_message::<CollectionRef>(collection)
        .call(|c| c.transfer(charlie, Id::U32(1), Vec::new()));
    let transferred = client
        .call(&ink_e2e::bob(), transfer, 0, None)
        .await
        .expect("transfer submitted");
    assert_eq!(transferred.return_value(), Ok(()));

    // Then: charlie owns it.
    assert_eq!(
        client
            .call_dry_run(&ink_e2e::alice(), &owner_of, 0, None)
            .await
            .return_value(),
        Some(charlie)
    );

    // When: eve, a stranger, tries to mint.
    let stranger_mint = build_message::<CollectionRef>(collection)
        .call(|c| c.mint(account_id(AccountKeyring::Eve), Id::U32(2)));
    let refused = refused!(client, &ink_e2e::eve(), stranger_mint);

    // Then: the typed error, and nothing was minted.
    assert_eq!(refused, Err(CollectionError::NotIssuer));
    let supply = build_message::<CollectionRef>(collection).call(|c| c.total_supply());
    assert_eq!(
        client
            .call_dry_run(&ink_e2e::alice(), &supply, 0, None)
            .await
            .return_value(),
        1
    );
    Ok(())
}
