//! The built metadata that deployers and wallets use (`artifacts/collection.json`) carries the
//! w3f PSP34 standard's selectors, so existing wallets and marketplaces can call the collection.

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
    let messages = built_messages();
    for (label, selector) in W3F_PSP34_SELECTORS {
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
