//! The built metadata that deployers and wallets use (`artifacts/collection.json`) carries the
//! w3f PSP34 standard's selectors, so existing wallets and marketplaces can call the collection,
//! and the selectors at which SubWallet (with ArtZero's bundled ABI) and Talisman read a token's
//! metadata.

use serde_json::Value;

const W3F_PSP34_SELECTORS: [(&str, &str); 7] = [
    ("PSP34::owner_of", "0x1168624d"),
    ("PSP34::transfer", "0x3128d61b"),
    ("PSP34::approve", "0x1932a8b0"),
    ("PSP34::balance_of", "0xcde7e55f"),
    ("PSP34::allowance", "0x4790f55a"),
    ("PSP34::total_supply", "0x628413fe"),
    ("PSP34::collection_id", "0xffa27a5f"),
];

/// What SubWallet calls by raw selector with its own ABI (ArtZero's `Psp34Traits`; the
/// spelling matters: `PSP34Traits::token_uri` would be 0x68ff7590), and Talisman's attribute
/// read.
const WALLET_SELECTORS: [(&str, &str); 4] = [
    ("Psp34Traits::get_attribute_count", "0x61c50d69"),
    ("Psp34Traits::get_attributes", "0x18209102"),
    ("Psp34Traits::token_uri", "0x249dfd4f"),
    ("PSP34Metadata::get_attribute", "0xf19d48d1"),
];

fn built_messages() -> Vec<(String, String)> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../artifacts/collection.json"
    );
    let text =
        std::fs::read_to_string(path).expect("artifacts/collection.json exists: run `make build`");
    let metadata: Value = serde_json::from_str(&text).expect("metadata is JSON");
    metadata["spec"]["messages"]
        .as_array()
        .expect("spec.messages")
        .iter()
        .map(|m| {
            (
                m["label"].as_str().unwrap().to_string(),
                m["selector"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn psp34_messages_have_the_w3f_selectors() {
    assert_selectors(&W3F_PSP34_SELECTORS);
}

#[test]
fn wallet_metadata_reads_have_the_selectors_wallets_call() {
    assert_selectors(&WALLET_SELECTORS);
}

fn assert_selectors(expected: &[(&str, &str)]) {
    let messages = built_messages();
    for &(label, selector) in expected {
        let found = messages.iter().find(|(l, _)| l == label);
        assert_eq!(
            found.map(|(_, s)| s.as_str()),
            Some(selector),
            "{label} in artifacts/collection.json"
        );
    }
}

#[test]
fn metadata_and_ownable_messages_are_exposed() {
    let labels: Vec<String> = built_messages().into_iter().map(|(l, _)| l).collect();
    for label in [
        "PSP34Metadata::get_attribute",
        "PSP34Enumerable::token_by_index",
        "PSP34Enumerable::owners_token_by_index",
        "Ownable::owner",
        "Ownable::transfer_ownership",
        "mint",
        "burn",
    ] {
        assert!(labels.iter().any(|l| l == label), "{label} missing");
    }
}
