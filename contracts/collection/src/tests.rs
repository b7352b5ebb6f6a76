//! Unit tests of the collection on ink!'s off-chain environment: every rule, and each failure
//! with its exact error.

use crate::{collection::Collection, errors::CollectionError, link::test_peer};
use ink::{
    env::{test, DefaultEnvironment},
    primitives::AccountId,
};
use multiasset_traits::{AssetAuthority, MultiAssetLink, Psp34Traits, TokenAuthority};
use openbrush::{
    contracts::{
        ownable::{Ownable, OwnableError},
        psp34::{
            extensions::{enumerable::PSP34Enumerable, metadata::PSP34Metadata},
            Id, PSP34Error, PSP34,
        },
    },
    traits::String,
};

type Event = <Collection as ink::reflect::ContractEventBase>::Type;

fn accounts() -> test::DefaultAccounts<DefaultEnvironment> {
    test::default_accounts::<DefaultEnvironment>()
}

fn set_caller(account: AccountId) {
    test::set_caller::<DefaultEnvironment>(account);
}

/// A collection issued by alice with a max supply of `max`.
fn collection(max: Option<u64>) -> Collection {
    set_caller(accounts().alice);
    Collection::new(
        String::from("Mirrors"),
        String::from("MIR"),
        String::from("ipfs://base/"),
        max,
    )
}

fn events() -> Vec<Event> {
    test::recorded_events()
        .map(|event| <Event as scale::Decode>::decode(&mut &event.data[..]).expect("decodes"))
        .collect()
}

fn last_event() -> Event {
    events().pop().expect("an event was emitted")
}

fn attribute(c: &Collection, key: &str) -> Option<String> {
    PSP34Metadata::get_attribute(c, PSP34::collection_id(c), String::from(key))
}

#[ink::test]
fn constructor_sets_name_symbol_and_base_uri_as_collection_attributes() {
    let c = collection(None);
    assert_eq!(attribute(&c, "name"), Some(String::from("Mirrors")));
    assert_eq!(attribute(&c, "symbol"), Some(String::from("MIR")));
    assert_eq!(
        attribute(&c, "base_uri"),
        Some(String::from("ipfs://base/"))
    );
    let attribute_events = events()
        .into_iter()
        .filter(|e| matches!(e, Event::AttributeSet(_)))
        .count();
    assert_eq!(attribute_events, 3);
}

#[ink::test]
fn constructor_makes_the_caller_the_issuer() {
    let c = collection(None);
    assert_eq!(Ownable::owner(&c), Some(accounts().alice));
    assert!(matches!(
        &events()[0],
        Event::OwnershipTransferred(e) if e.previous.is_none() && e.new == Some(accounts().alice)
    ));
}

#[ink::test]
fn mint_by_issuer_gives_the_token_and_emits_transfer() {
    let mut c = collection(None);
    assert_eq!(c.mint(accounts().bob, Id::U32(1)), Ok(()));
    assert_eq!(PSP34::owner_of(&c, Id::U32(1)), Some(accounts().bob));
    assert_eq!(PSP34::balance_of(&c, accounts().bob), 1);
    assert_eq!(PSP34::total_supply(&c), 1);
    assert!(matches!(
        last_event(),
        Event::Transfer(e) if e.from.is_none() && e.to == Some(accounts().bob) && e.id == Id::U32(1)
    ));
}

#[ink::test]
fn mint_by_stranger_fails_with_not_issuer() {
    let mut c = collection(None);
    set_caller(accounts().eve);
    assert_eq!(
        c.mint(accounts().eve, Id::U32(1)),
        Err(CollectionError::NotIssuer)
    );
    assert_eq!(PSP34::total_supply(&c), 0);
}

/// The longest id the collection mints: 1 (variant) + 1 (compact length) + 57 bytes = 59.
fn longest_id() -> Id {
    Id::Bytes(vec![7; 57])
}

fn too_long_id() -> Id {
    Id::Bytes(vec![7; 58])
}

#[ink::test]
fn mint_of_the_longest_id_succeeds_and_it_can_be_approved() {
    let mut c = collection(None);
    assert_eq!(c.mint(accounts().bob, longest_id()), Ok(()));
    set_caller(accounts().bob);
    PSP34::approve(&mut c, accounts().charlie, Some(longest_id()), true).unwrap();
    assert!(PSP34::allowance(
        &c,
        accounts().bob,
        accounts().charlie,
        Some(longest_id())
    ));
}

#[ink::test]
fn mint_of_an_id_too_long_for_a_storage_key_fails() {
    let mut c = collection(None);
    assert_eq!(
        c.mint(accounts().bob, too_long_id()),
        Err(CollectionError::TokenIdTooLong)
    );
    assert_eq!(PSP34::total_supply(&c), 0);
}

#[ink::test]
fn an_id_too_long_names_no_token_and_has_no_approval() {
    let mut c = collection(None);
    assert_eq!(PSP34::owner_of(&c, too_long_id()), None);
    assert!(!PSP34::allowance(
        &c,
        accounts().bob,
        accounts().charlie,
        Some(too_long_id())
    ));
    set_caller(accounts().bob);
    assert_eq!(
        PSP34::transfer(&mut c, accounts().charlie, too_long_id(), vec![]),
        Err(PSP34Error::TokenNotExists)
    );
    assert_eq!(
        PSP34::approve(&mut c, accounts().charlie, Some(too_long_id()), true),
        Err(PSP34Error::TokenNotExists)
    );
    assert_eq!(c.burn(too_long_id()), Err(CollectionError::TokenNotExists));
}

#[ink::test]
fn mint_past_max_supply_fails() {
    let mut c = collection(Some(2));
    c.mint(accounts().bob, Id::U32(1)).unwrap();
    c.mint(accounts().bob, Id::U32(2)).unwrap();
    assert_eq!(
        c.mint(accounts().bob, Id::U32(3)),
        Err(CollectionError::MaxSupplyReached)
    );
    assert_eq!(c.minted(), 2);
    assert_eq!(c.max_supply(), Some(2));
}

#[ink::test]
fn burn_does_not_free_a_max_supply_slot() {
    let mut c = collection(Some(1));
    c.mint(accounts().alice, Id::U32(1)).unwrap();
    c.burn(Id::U32(1)).unwrap();
    assert_eq!(
        c.mint(accounts().bob, Id::U32(2)),
        Err(CollectionError::MaxSupplyReached)
    );
}

#[ink::test]
fn mint_of_duplicate_id_fails() {
    let mut c = collection(None);
    c.mint(accounts().bob, Id::U32(1)).unwrap();
    assert_eq!(
        c.mint(accounts().charlie, Id::U32(1)),
        Err(CollectionError::TokenExists)
    );
    assert_eq!(PSP34::owner_of(&c, Id::U32(1)), Some(accounts().bob));
    assert_eq!(c.minted(), 1);
}

#[ink::test]
fn mint_of_burnt_id_fails() {
    let mut c = collection(None);
    c.mint(accounts().alice, Id::U32(1)).unwrap();
    c.burn(Id::U32(1)).unwrap();
    assert_eq!(
        c.mint(accounts().bob, Id::U32(1)),
        Err(CollectionError::TokenBurnt)
    );
}

#[ink::test]
fn burn_by_owner_removes_the_token_and_emits_transfer_to_none() {
    let mut c = collection(None);
    c.mint(accounts().bob, Id::U32(7)).unwrap();
    set_caller(accounts().bob);
    assert_eq!(c.burn(Id::U32(7)), Ok(()));
    assert_eq!(PSP34::owner_of(&c, Id::U32(7)), None);
    assert_eq!(PSP34::balance_of(&c, accounts().bob), 0);
    assert!(matches!(
        last_event(),
        Event::Transfer(e) if e.from == Some(accounts().bob) && e.to.is_none()
    ));
}

#[ink::test]
fn burn_by_operator_approved_for_the_token_succeeds() {
    let mut c = collection(None);
    c.mint(accounts().bob, Id::U32(7)).unwrap();
    set_caller(accounts().bob);
    PSP34::approve(&mut c, accounts().charlie, Some(Id::U32(7)), true).unwrap();
    set_caller(accounts().charlie);
    assert_eq!(c.burn(Id::U32(7)), Ok(()));
    assert_eq!(PSP34::owner_of(&c, Id::U32(7)), None);
}

#[ink::test]
fn burn_by_operator_approved_for_all_succeeds() {
    let mut c = collection(None);
    c.mint(accounts().bob, Id::U32(7)).unwrap();
    set_caller(accounts().bob);
    PSP34::approve(&mut c, accounts().charlie, None, true).unwrap();
    set_caller(accounts().charlie);
    assert_eq!(c.burn(Id::U32(7)), Ok(()));
}

#[ink::test]
fn burn_by_stranger_fails_with_not_approved() {
    let mut c = collection(None);
    c.mint(accounts().bob, Id::U32(7)).unwrap();
    for stranger in [accounts().alice, accounts().eve] {
        set_caller(stranger);
        assert_eq!(c.burn(Id::U32(7)), Err(CollectionError::NotApproved));
    }
    assert_eq!(PSP34::owner_of(&c, Id::U32(7)), Some(accounts().bob));
}

#[ink::test]
fn burn_of_missing_token_fails_with_token_not_exists() {
    let mut c = collection(None);
    assert_eq!(c.burn(Id::U32(9)), Err(CollectionError::TokenNotExists));
}

#[ink::test]
fn transfer_by_owner_moves_the_token_and_emits_transfer() {
    let mut c = collection(None);
    c.mint(accounts().bob, Id::U32(1)).unwrap();
    set_caller(accounts().bob);
    assert_eq!(
        PSP34::transfer(&mut c, accounts().charlie, Id::U32(1), Vec::new()),
        Ok(())
    );
    assert_eq!(PSP34::owner_of(&c, Id::U32(1)), Some(accounts().charlie));
    assert!(matches!(
        last_event(),
        Event::Transfer(e) if e.from == Some(accounts().bob) && e.to == Some(accounts().charlie)
    ));
}

#[ink::test]
fn transfer_by_stranger_fails_with_not_approved() {
    let mut c = collection(None);
    c.mint(accounts().bob, Id::U32(1)).unwrap();
    set_caller(accounts().eve);
    assert_eq!(
        PSP34::transfer(&mut c, accounts().eve, Id::U32(1), Vec::new()),
        Err(PSP34Error::NotApproved)
    );
    assert_eq!(PSP34::owner_of(&c, Id::U32(1)), Some(accounts().bob));
}

#[ink::test]
fn approve_emits_approval_and_sets_allowance() {
    let mut c = collection(None);
    c.mint(accounts().bob, Id::U32(1)).unwrap();
    set_caller(accounts().bob);
    PSP34::approve(&mut c, accounts().charlie, Some(Id::U32(1)), true).unwrap();
    assert!(may_transfer(&c, accounts().charlie));
    assert!(matches!(
        last_event(),
        Event::Approval(e) if e.from == accounts().bob && e.to == accounts().charlie && e.approved
    ));
}

#[ink::test]
fn enumerable_lists_tokens_by_owner_and_overall() {
    let mut c = collection(None);
    c.mint(accounts().bob, Id::U32(1)).unwrap();
    c.mint(accounts().charlie, Id::U32(2)).unwrap();
    c.mint(accounts().bob, Id::U32(3)).unwrap();
    assert_eq!(
        PSP34Enumerable::owners_token_by_index(&c, accounts().bob, 1),
        Ok(Id::U32(3))
    );
    assert_eq!(PSP34Enumerable::token_by_index(&c, 1), Ok(Id::U32(2)));
    assert_eq!(
        PSP34Enumerable::token_by_index(&c, 3),
        Err(PSP34Error::TokenNotExists)
    );
}

#[ink::test]
fn transfer_ownership_moves_the_issuer_role() {
    let mut c = collection(None);
    Ownable::transfer_ownership(&mut c, accounts().django).unwrap();
    assert!(matches!(
        last_event(),
        Event::OwnershipTransferred(e) if e.new == Some(accounts().django)
    ));
    assert_eq!(
        c.mint(accounts().bob, Id::U32(1)),
        Err(CollectionError::NotIssuer)
    );
    set_caller(accounts().django);
    assert_eq!(c.mint(accounts().bob, Id::U32(1)), Ok(()));
}

#[ink::test]
fn transfer_ownership_by_stranger_fails() {
    let mut c = collection(None);
    set_caller(accounts().eve);
    assert_eq!(
        Ownable::transfer_ownership(&mut c, accounts().eve),
        Err(OwnableError::CallerIsNotOwner)
    );
    assert_eq!(Ownable::owner(&c), Some(accounts().alice));
}

// ---- approvals end with ownership: a transfer or burn ends every approval of the token -----

/// Whether bob approved `operator` to transfer his token 1 (or all his tokens).
fn may_transfer(c: &Collection, operator: AccountId) -> bool {
    PSP34::allowance(c, accounts().bob, operator, Some(Id::U32(1)))
}

/// bob owns token 1 and approved charlie for it.
fn token_approved_by_bob_for_charlie() -> Collection {
    let mut c = collection(None);
    c.mint(accounts().bob, Id::U32(1)).unwrap();
    set_caller(accounts().bob);
    PSP34::approve(&mut c, accounts().charlie, Some(Id::U32(1)), true).unwrap();
    c
}

#[ink::test]
fn token_approval_does_not_survive_a_transfer_and_return() {
    let mut c = token_approved_by_bob_for_charlie();
    PSP34::transfer(&mut c, accounts().django, Id::U32(1), vec![]).unwrap();
    set_caller(accounts().django);
    PSP34::transfer(&mut c, accounts().bob, Id::U32(1), vec![]).unwrap();
    assert!(!may_transfer(&c, accounts().charlie));
    set_caller(accounts().charlie);
    assert_eq!(
        PSP34::transfer(&mut c, accounts().charlie, Id::U32(1), vec![]),
        Err(PSP34Error::NotApproved)
    );
}

#[ink::test]
fn transfer_clears_the_token_approval_and_emits_approval_revoked() {
    let mut c = token_approved_by_bob_for_charlie();
    PSP34::transfer(&mut c, accounts().django, Id::U32(1), vec![]).unwrap();
    let revoked = events().into_iter().any(|e| {
        matches!(e, Event::Approval(a) if a.from == accounts().bob && a.to == accounts().charlie
            && a.id == Some(Id::U32(1)) && !a.approved)
    });
    assert!(revoked, "an Approval {{ approved: false }} for charlie");
}

#[ink::test]
fn transfer_by_the_approved_operator_clears_its_approval() {
    let mut c = token_approved_by_bob_for_charlie();
    set_caller(accounts().charlie);
    PSP34::transfer(&mut c, accounts().django, Id::U32(1), vec![]).unwrap();
    set_caller(accounts().django);
    PSP34::transfer(&mut c, accounts().bob, Id::U32(1), vec![]).unwrap();
    assert!(!may_transfer(&c, accounts().charlie));
}

#[ink::test]
fn burn_clears_the_token_approval() {
    let mut c = token_approved_by_bob_for_charlie();
    c.burn(Id::U32(1)).unwrap();
    assert!(!may_transfer(&c, accounts().charlie));
}

#[ink::test]
fn approving_a_second_operator_for_a_token_replaces_the_first() {
    let mut c = token_approved_by_bob_for_charlie();
    PSP34::approve(&mut c, accounts().eve, Some(Id::U32(1)), true).unwrap();
    assert!(may_transfer(&c, accounts().eve));
    assert!(!may_transfer(&c, accounts().charlie));
}

#[ink::test]
fn approval_for_all_survives_a_transfer_of_one_token() {
    let mut c = collection(None);
    c.mint(accounts().bob, Id::U32(1)).unwrap();
    c.mint(accounts().bob, Id::U32(2)).unwrap();
    set_caller(accounts().bob);
    PSP34::approve(&mut c, accounts().charlie, None, true).unwrap();
    PSP34::transfer(&mut c, accounts().django, Id::U32(1), vec![]).unwrap();
    assert!(PSP34::allowance(
        &c,
        accounts().bob,
        accounts().charlie,
        Some(Id::U32(2))
    ));
}

// ---- asset approvals (ERC-5773's approveForAssets / setApprovalForAllForAssets) ------------

/// alice's collection with token 1 minted to bob; bob is the caller.
fn bobs_token() -> Collection {
    let mut c = collection(None);
    c.mint(accounts().bob, Id::U32(1)).unwrap();
    set_caller(accounts().bob);
    c
}

fn may_manage_assets(c: &Collection, operator: AccountId) -> bool {
    AssetAuthority::token_authority(c, Id::U32(1), operator).asset_operator
}

#[ink::test]
fn owner_can_approve_an_address_for_a_tokens_assets() {
    let mut c = bobs_token();
    c.approve_for_assets(accounts().charlie, Id::U32(1), true)
        .unwrap();
    assert_eq!(c.approved_for_assets(Id::U32(1)), Some(accounts().charlie));
    assert!(may_manage_assets(&c, accounts().charlie));
    assert!(matches!(
        last_event(),
        Event::ApprovalForAssets(e) if e.owner == accounts().bob && e.operator == accounts().charlie
            && e.id == Id::U32(1) && e.approved
    ));
}

#[ink::test]
fn owner_can_approve_an_address_for_all_its_tokens_assets() {
    let mut c = bobs_token();
    c.set_approval_for_all_for_assets(accounts().charlie, true)
        .unwrap();
    assert!(c.is_approved_for_all_for_assets(accounts().bob, accounts().charlie));
    assert!(may_manage_assets(&c, accounts().charlie));
    assert!(matches!(
        last_event(),
        Event::ApprovalForAllForAssets(e) if e.owner == accounts().bob
            && e.operator == accounts().charlie && e.approved
    ));
    c.set_approval_for_all_for_assets(accounts().charlie, false)
        .unwrap();
    assert!(!may_manage_assets(&c, accounts().charlie));
}

#[ink::test]
fn approving_the_owner_for_assets_fails() {
    let mut c = bobs_token();
    assert_eq!(
        c.approve_for_assets(accounts().bob, Id::U32(1), true),
        Err(CollectionError::ApprovalToCurrentOwner)
    );
    assert_eq!(
        c.set_approval_for_all_for_assets(accounts().bob, true),
        Err(CollectionError::ApprovalToCurrentOwner)
    );
}

#[ink::test]
fn approving_for_assets_by_a_non_owner_fails() {
    let mut c = bobs_token();
    set_caller(accounts().eve);
    assert_eq!(
        c.approve_for_assets(accounts().eve, Id::U32(1), true),
        Err(CollectionError::NotOwnerOrApprovedForAll)
    );
    assert_eq!(c.approved_for_assets(Id::U32(1)), None);
}

#[ink::test]
fn an_asset_operator_for_all_can_approve_for_a_token() {
    let mut c = bobs_token();
    c.set_approval_for_all_for_assets(accounts().charlie, true)
        .unwrap();
    set_caller(accounts().charlie);
    c.approve_for_assets(accounts().eve, Id::U32(1), true)
        .unwrap();
    assert_eq!(c.approved_for_assets(Id::U32(1)), Some(accounts().eve));
}

#[ink::test]
fn approving_assets_of_a_missing_token_fails() {
    let mut c = bobs_token();
    assert_eq!(
        c.approve_for_assets(accounts().charlie, Id::U32(9), true),
        Err(CollectionError::TokenNotExists)
    );
}

#[ink::test]
fn a_transfer_approval_gives_no_asset_rights() {
    let mut c = bobs_token();
    PSP34::approve(&mut c, accounts().charlie, Some(Id::U32(1)), true).unwrap();
    PSP34::approve(&mut c, accounts().django, None, true).unwrap();
    assert!(!may_manage_assets(&c, accounts().charlie));
    assert!(!may_manage_assets(&c, accounts().django));
}

#[ink::test]
fn asset_approval_does_not_survive_a_transfer_and_return() {
    let mut c = bobs_token();
    c.approve_for_assets(accounts().charlie, Id::U32(1), true)
        .unwrap();
    PSP34::transfer(&mut c, accounts().django, Id::U32(1), vec![]).unwrap();
    assert!(matches!(last_event(), Event::Transfer(_)));
    let ended = events().into_iter().any(|e| {
        matches!(e, Event::ApprovalForAssets(a) if a.operator == accounts().charlie && !a.approved)
    });
    assert!(
        ended,
        "an ApprovalForAssets {{ approved: false }} for charlie"
    );
    set_caller(accounts().django);
    PSP34::transfer(&mut c, accounts().bob, Id::U32(1), vec![]).unwrap();
    assert_eq!(c.approved_for_assets(Id::U32(1)), None);
    assert!(!may_manage_assets(&c, accounts().charlie));
}

#[ink::test]
fn burn_clears_the_asset_approval() {
    let mut c = bobs_token();
    c.approve_for_assets(accounts().charlie, Id::U32(1), true)
        .unwrap();
    c.burn(Id::U32(1)).unwrap();
    assert_eq!(c.approved_for_assets(Id::U32(1)), None);
}

#[ink::test]
fn asset_operator_for_all_does_not_follow_a_token_to_its_new_owner() {
    let mut c = bobs_token();
    c.set_approval_for_all_for_assets(accounts().charlie, true)
        .unwrap();
    PSP34::transfer(&mut c, accounts().django, Id::U32(1), vec![]).unwrap();
    let seen = AssetAuthority::token_authority(&c, Id::U32(1), accounts().charlie);
    assert_eq!(seen.owner, Some(accounts().django));
    assert!(!seen.asset_operator);
}

#[ink::test]
fn an_attribute_too_long_for_a_storage_key_reads_as_none() {
    let c = collection(None);
    let id = PSP34::collection_id(&c);
    assert_eq!(
        PSP34Metadata::get_attribute(&c, id.clone(), String::from("k".repeat(200))),
        None
    );
    assert_eq!(
        PSP34Metadata::get_attribute(&c, Id::Bytes(vec![1; 120]), String::from("name")),
        None
    );
    assert_eq!(
        PSP34Metadata::get_attribute(&c, id, String::from("name")),
        Some(String::from("Mirrors"))
    );
}

#[ink::test]
fn token_authority_answers_issuer_owner_burnt_and_operator_in_one_call() {
    let mut c = bobs_token();
    c.approve_for_assets(accounts().charlie, Id::U32(1), true)
        .unwrap();
    let seen = AssetAuthority::token_authority(&c, Id::U32(1), accounts().charlie);
    assert_eq!(
        (seen.issuer, seen.owner, seen.burnt, seen.asset_operator),
        (Some(accounts().alice), Some(accounts().bob), false, true)
    );
    c.burn(Id::U32(1)).unwrap();
    let seen = AssetAuthority::token_authority(&c, Id::U32(1), accounts().charlie);
    assert_eq!(
        (seen.owner, seen.burnt, seen.asset_operator),
        (None, true, false)
    );
    let never = AssetAuthority::token_authority(&c, Id::U32(9), accounts().charlie);
    assert_eq!((never.owner, never.burnt), (None, false));
}

#[ink::test]
fn token_authorities_answers_each_token_in_order_as_token_authority_does() {
    let mut c = bobs_token();
    c.approve_for_assets(accounts().charlie, Id::U32(1), true)
        .unwrap();
    let ids = vec![Id::U32(9), Id::U32(1), Id::U32(9)];
    let each: Vec<TokenAuthority> = ids
        .iter()
        .map(|id| AssetAuthority::token_authority(&c, id.clone(), accounts().charlie))
        .collect();
    let all = AssetAuthority::token_authorities(&c, ids, accounts().charlie);
    assert_eq!(all, each);
    assert_eq!(
        all.iter().map(|seen| seen.owner).collect::<Vec<_>>(),
        vec![None, Some(accounts().bob), None]
    );
}

// ---- what wallets read (Psp34Traits, base uri aliases) -----------------------------------

#[ink::test]
fn token_uri_without_a_linked_multiasset_is_base_uri_id_json() {
    let mut c = collection(None);
    c.mint(accounts().bob, Id::U64(7)).unwrap();
    c.mint(accounts().bob, Id::U64(10_000_000_000)).unwrap();
    assert_eq!(
        Psp34Traits::token_uri(&c, 7),
        String::from("ipfs://base/7.json")
    );
    assert_eq!(
        Psp34Traits::token_uri(&c, 10_000_000_000),
        String::from("ipfs://base/10000000000.json")
    );
}

#[ink::test]
fn token_uri_finds_the_token_whatever_integer_width_it_was_minted_with() {
    let mut c = collection(None);
    c.mint(accounts().bob, Id::U128(300)).unwrap();
    assert_eq!(
        Psp34Traits::token_uri(&c, 300),
        String::from("ipfs://base/300.json")
    );
}

#[ink::test]
fn token_uri_of_a_token_that_does_not_exist_is_empty() {
    let mut c = collection(None);
    assert_eq!(Psp34Traits::token_uri(&c, 1), String::new());
    c.mint(accounts().bob, Id::U32(1)).unwrap();
    set_caller(accounts().bob);
    c.burn(Id::U32(1)).unwrap();
    assert_eq!(Psp34Traits::token_uri(&c, 1), String::new());
}

#[ink::test]
fn get_attributes_answers_metadata_with_the_token_uri_and_other_keys_stored_or_empty() {
    let mut c = collection(None);
    c.mint(accounts().bob, Id::Bytes(vec![0xab, 0x01])).unwrap();
    let id = Id::Bytes(vec![0xab, 0x01]);
    let keys = ["metadata", "unknown", &"k".repeat(200)]
        .into_iter()
        .map(String::from)
        .collect();
    assert_eq!(
        Psp34Traits::get_attributes(&c, id, keys),
        vec![
            String::from("ipfs://base/ab01.json"),
            String::new(),
            String::new()
        ]
    );
    assert_eq!(Psp34Traits::get_attribute_count(&c), 1);
}

#[ink::test]
fn get_attributes_of_a_token_that_does_not_exist_answers_empty_metadata() {
    let c = collection(None);
    assert_eq!(
        Psp34Traits::get_attributes(&c, Id::U32(9), vec![String::from("metadata")]),
        vec![String::new()]
    );
}

#[ink::test]
fn the_base_uri_answers_under_the_names_wallets_ask_for() {
    let c = collection(None);
    let collection_id = PSP34::collection_id(&c);
    for (id, key) in [
        (collection_id.clone(), "base_uri"),
        (collection_id, "baseUri"),
        (Id::U8(0), "baseURI"),
    ] {
        assert_eq!(
            PSP34Metadata::get_attribute(&c, id, String::from(key)),
            Some(String::from("ipfs://base/")),
            "{key}"
        );
    }
    assert_eq!(
        PSP34Metadata::get_attribute(&c, Id::U8(1), String::from("baseURI")),
        None
    );
}

#[ink::test]
fn set_multiasset_by_the_issuer_links_and_emits() {
    let mut c = collection(None);
    assert_eq!(MultiAssetLink::multiasset(&c), None);
    test_peer::answers(accounts().django);
    c.set_multiasset(accounts().django).unwrap();
    assert_eq!(MultiAssetLink::multiasset(&c), Some(accounts().django));
    assert!(matches!(
        last_event(),
        Event::MultiassetSet(e) if e.multiasset == accounts().django
    ));
}

#[ink::test]
fn set_multiasset_by_anyone_else_fails() {
    let mut c = collection(None);
    set_caller(accounts().bob);
    assert_eq!(
        c.set_multiasset(accounts().django),
        Err(CollectionError::NotIssuer)
    );
    assert_eq!(MultiAssetLink::multiasset(&c), None);
}

#[ink::test]
fn token_ids_pages_the_enumeration_in_order() {
    let mut c = collection(None);
    for n in 1..=5 {
        c.mint(accounts().bob, Id::U32(n)).unwrap();
    }
    assert_eq!(
        c.token_ids(0, 3),
        Ok(vec![Id::U32(1), Id::U32(2), Id::U32(3)])
    );
    assert_eq!(c.token_ids(3, 3), Ok(vec![Id::U32(4), Id::U32(5)]));
    assert_eq!(c.token_ids(5, 3), Ok(vec![]));
    assert_eq!(c.token_ids(u128::MAX, 3), Ok(vec![]));
}

#[ink::test]
fn token_ids_after_a_burn_answers_what_token_by_index_answers() {
    let mut c = collection(None);
    for n in 1..=4 {
        c.mint(accounts().bob, Id::U32(n)).unwrap();
    }
    set_caller(accounts().bob);
    c.burn(Id::U32(2)).unwrap();
    let one_by_one: Vec<Id> = (0..PSP34::total_supply(&c))
        .map(|i| PSP34Enumerable::token_by_index(&c, i).unwrap())
        .collect();
    assert_eq!(c.token_ids(0, 10), Ok(one_by_one));
}

#[ink::test]
fn token_ids_over_the_limit_fails() {
    let c = collection(None);
    assert_eq!(
        c.token_ids(0, crate::MAX_IDS_PER_QUERY + 1),
        Err(CollectionError::LimitTooLarge)
    );
}

#[ink::test]
fn set_multiasset_a_second_time_is_refused() {
    let mut c = collection(None);
    test_peer::answers(accounts().django);
    test_peer::answers(accounts().eve);
    c.set_multiasset(accounts().django).unwrap();
    assert_eq!(
        c.set_multiasset(accounts().eve),
        Err(CollectionError::MultiassetAlreadySet)
    );
    assert_eq!(MultiAssetLink::multiasset(&c), Some(accounts().django));
    assert_eq!(test_peer::told(), vec![accounts().django]);
}

#[ink::test]
fn set_multiasset_after_the_first_mint_is_refused() {
    let mut c = collection(None);
    test_peer::answers(accounts().django);
    c.mint(accounts().bob, Id::U32(1)).unwrap();
    assert_eq!(
        c.set_multiasset(accounts().django),
        Err(CollectionError::TokensAlreadyMinted)
    );
    assert_eq!(MultiAssetLink::multiasset(&c), None);
    assert!(test_peer::told().is_empty());
}

#[ink::test]
fn set_multiasset_to_a_contract_that_does_not_answer_as_ours_is_refused() {
    let mut c = collection(None);
    assert_eq!(
        c.set_multiasset(accounts().django),
        Err(CollectionError::NotThisCollectionsMultiasset)
    );
    assert_eq!(MultiAssetLink::multiasset(&c), None);
}

#[ink::test]
fn a_transfer_of_ownership_is_told_to_the_linked_multiasset() {
    let mut c = collection(None);
    test_peer::answers(accounts().django);
    c.set_multiasset(accounts().django).unwrap();
    Ownable::transfer_ownership(&mut c, accounts().bob).unwrap();
    set_caller(accounts().bob);
    Ownable::renounce_ownership(&mut c).unwrap();
    assert_eq!(test_peer::told(), vec![accounts().django; 3]);
}

#[ink::test]
fn a_transfer_of_ownership_without_a_link_tells_nobody() {
    let mut c = collection(None);
    Ownable::transfer_ownership(&mut c, accounts().bob).unwrap();
    assert!(test_peer::told().is_empty());
}

#[ink::test]
fn mint_of_an_id_of_another_kind_than_the_first_is_refused() {
    let mut c = collection(None);
    c.mint(accounts().bob, Id::U8(10)).unwrap();
    for other in [Id::U64(10), Id::Bytes(vec![0x10])] {
        assert_eq!(
            c.mint(accounts().bob, other),
            Err(CollectionError::IdOfAnotherKind)
        );
    }
    c.mint(accounts().bob, Id::U8(11)).unwrap();
    assert_eq!(PSP34::total_supply(&c), 2);
}
