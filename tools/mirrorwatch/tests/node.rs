//! mirrorwatch on a real substrate-contracts-node (`make e2e`): the contracts from artifacts/,
//! local hosts, and the `mirrorwatch` binary as an operator runs it.

use collection::collection::CollectionRef;
use ink::primitives::AccountId;
use ink_e2e::{account_id, build_message, AccountKeyring, PolkadotConfig, TestNodeProcess};
use mirrorwatch::hosts::{Host, Reply};
use multiasset::MultiAssetRef;
use openbrush::contracts::psp34::Id;
use proposer_registry::RegistryRef;
use serde_json::Value;
use sha2::{Digest, Sha256};
use std::process::Command;

use e2e::deploy::{artifacts_client, deploy_suite};

const CONTENT: &[u8] = b"{\"name\":\"Mirrors #1\",\"image\":\"ipfs://bafy/1.png\"}";
const CID: &str = "bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi";

/// Runs the mirrorwatch binary; its exit code, its standard output as JSON and its standard
/// error. Off the runtime's threads, so that the local hosts keep answering meanwhile.
async fn mirrorwatch(args: &[&str]) -> (i32, Value, String) {
    let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
    let output = tokio::task::spawn_blocking(move || {
        Command::new(env!("CARGO_BIN_EXE_mirrorwatch"))
            .args(args)
            .output()
    })
    .await
    .expect("joined")
    .expect("mirrorwatch runs");
    let stderr = String::from_utf8_lossy(&output.stderr).to_string();
    let json = serde_json::from_slice(&output.stdout).unwrap_or(Value::Null);
    (output.status.code().unwrap_or(-1), json, stderr)
}

fn ss58(account: AccountId) -> String {
    mirrorwatch::encoding::ss58(&account)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn check_catches_a_rugged_host_repair_proposes_a_verified_one_and_the_owner_accepts() {
    // Given: a node with the three contracts from artifacts/; Bob owns tokens 1 to 3; each shows
    // one file on an https host and on IPFS, through Alice's catalog entries 1 and 2.
    let node_path = std::env::var("CONTRACTS_NODE").unwrap_or("substrate-contracts-node".into());
    let node = TestNodeProcess::<PolkadotConfig>::build(node_path)
        .spawn()
        .await
        .expect("node");
    let mut client = artifacts_client(node.client()).await;
    let suite = deploy_suite(&mut client, &ink_e2e::alice()).await;
    let (bob, charlie) = (
        account_id(AccountKeyring::Bob),
        account_id(AccountKeyring::Charlie),
    );
    let tokens = [Id::U32(1), Id::U32(2), Id::U32(3)];
    for token in &tokens {
        let mint =
            build_message::<CollectionRef>(suite.collection).call(|c| c.mint(bob, token.clone()));
        client
            .call(&ink_e2e::alice(), mint, 0, None)
            .await
            .expect("mint");
    }
    let grant = build_message::<RegistryRef>(suite.registry)
        .call(|r| r.grant_proposer(suite.collection, charlie, None));
    client
        .call(&ink_e2e::alice(), grant, 0, None)
        .await
        .expect("grant");

    let https = Host::start().await.unwrap();
    let gateway = Host::start().await.unwrap();
    let rescue = Host::start().await.unwrap();
    https.route("/nft/1.json", Reply::Body(CONTENT.to_vec()));
    gateway.route(
        &format!("/ipfs/{CID}/nft/1.json"),
        Reply::Body(CONTENT.to_vec()),
    );
    rescue.route("/nft/1.json", Reply::Body(CONTENT.to_vec()));
    let hash: [u8; 32] = Sha256::digest(CONTENT).into();
    let entries = vec![
        (https.url("/nft/1.json"), Some(hash)),
        (format!("ipfs://{CID}/nft/1.json"), Some(hash)),
    ];
    let add =
        build_message::<MultiAssetRef>(suite.assets).call(|m| m.add_asset_entries(entries.clone()));
    client
        .call(&ink_e2e::alice(), add, 0, None)
        .await
        .expect("add entries");
    for asset in [1, 2] {
        let propose = build_message::<MultiAssetRef>(suite.assets)
            .call(|m| m.propose_asset_to_many(tokens.to_vec(), asset, None));
        client
            .call(&ink_e2e::alice(), propose, 0, None)
            .await
            .expect("propose");
    }
    for token in &tokens {
        let accept = build_message::<MultiAssetRef>(suite.assets)
            .call(|m| m.accept_assets(token.clone(), vec![1, 2]));
        client
            .call(&ink_e2e::bob(), accept, 0, None)
            .await
            .expect("accept");
    }
    let url = node.url().to_string();
    let assets = ss58(suite.assets);
    let gateway_url = gateway.url("");
    // mirrorwatch's memory: this test's own.
    let state = std::env::temp_dir()
        .join(format!("mirrorwatch-node-{}.sqlite3", std::process::id()))
        .display()
        .to_string();
    let target = [
        "--state",
        state.as_str(),
        "--url",
        url.as_str(),
        "--multiasset",
        assets.as_str(),
        "--tokens",
        "all",
        "--ipfs-gateway",
        gateway_url.as_str(),
        "--allow-private",
        "--retries",
        "0",
        "--timeout",
        "10",
        "--json",
    ];
    let (code, report, stderr) = mirrorwatch(&[&["check"][..], &target].concat()).await;
    assert_eq!(code, 0, "all ok before the rug: {stderr} {report}");

    // When: the operator checks with a store: a copy of every verified file is kept, once.
    let store_dir =
        std::env::temp_dir().join(format!("mirrorwatch-node-store-{}", std::process::id()));
    let store_root = store_dir.display().to_string();
    let stored_check = [
        &["check", "--store-dir", store_root.as_str()][..],
        &["--store-public-url", "https://backup.example/"],
        &target,
    ]
    .concat();
    let (code, report, stderr) = mirrorwatch(&stored_check).await;
    assert_eq!(code, 0, "{stderr} {report}");
    // Both mirrors serve the same bytes under the same name: one copy.
    assert_eq!(report["stored"]["written"], 1, "{report}");
    let copy = store_dir
        .join("sha256")
        .join(mirrorwatch::encoding::hex(&hash))
        .join("1.json");
    assert_eq!(std::fs::read(&copy).expect("the copy"), CONTENT);
    let (_, report, _) = mirrorwatch(&stored_check).await;
    assert_eq!(report["stored"]["written"], 0, "written once: {report}");

    // When: the https host starts serving another file, and mirrorwatch checks.
    https.route(
        "/nft/1.json",
        Reply::Body(b"{\"name\":\"rugged\"}".to_vec()),
    );
    let (code, report, stderr) = mirrorwatch(&[&["check"][..], &target].concat()).await;

    // Then: it exits 1, the https mirror is a mismatch and every token is degraded.
    assert_eq!(code, 1, "{stderr}");
    for token in report["tokens"].as_array().unwrap() {
        assert_eq!(token["health"], "degraded", "{token}");
        assert_eq!(token["mirrors"][0]["status"], "mismatch");
        assert_eq!(token["mirrors"][1]["status"], "ok");
    }

    // When: Dave, who may not propose, runs repair: the contract's refusal is named.
    let old_prefix = https.url("/");
    let rule = format!("{old_prefix}={}", rescue.url("/"));
    let repair = |suri: &'static str| {
        let mut args = vec!["repair", "--rehost", rule.as_str(), "--suri", suri];
        args.extend_from_slice(&target);
        args.into_iter().map(str::to_string).collect::<Vec<_>>()
    };
    let run = |args: Vec<String>| async move {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        mirrorwatch(&args).await
    };
    let (code, _, stderr) = run(repair("//Dave")).await;
    assert_eq!(code, 2);
    assert!(stderr.contains("NotIssuerOrProposer"), "{stderr}");
    assert!(!stderr.contains("//Dave"), "the key is never printed");

    // When: Charlie, Alice's delegated proposer, dry-runs and then runs repair.
    let mut dry = repair("//Charlie");
    dry.push("--dry-run".into());
    let (code, plan, stderr) = run(dry).await;
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(plan["repair"]["repairs"][0]["outcome"], "proposed");
    assert!(plan["repair"]["fee"].as_u64().unwrap() > 0, "{plan}");
    let total = build_message::<MultiAssetRef>(suite.assets).call(|m| m.total_assets());
    assert_eq!(
        client
            .call_dry_run(&ink_e2e::ferdie(), &total, 0, None)
            .await
            .return_value(),
        2
    );
    let (code, done, stderr) = run(repair("//Charlie")).await;

    // Then: a new entry on the rescue host is pending on every token, replacing entry 1.
    assert_eq!(code, 0, "{stderr}");
    let new_id = done["repair"]["repairs"][0]["new_asset_id"]
        .as_u64()
        .expect("an id");
    for token in &tokens {
        let pending = build_message::<MultiAssetRef>(suite.assets)
            .call(|m| m.pending_proposal(token.clone(), new_id));
        let proposal = client
            .call_dry_run(&ink_e2e::ferdie(), &pending, 0, None)
            .await
            .return_value()
            .expect("pending");
        assert_eq!((proposal.replaces, proposal.proposer), (Some(1), charlie));
    }

    // When: repair runs again, it proposes nothing (idempotent).
    let (code, again, stderr) = run(repair("//Charlie")).await;
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(again["repair"]["repairs"][0]["outcome"], "already-pending");
    assert_eq!(again["repair"]["actions"].as_array().unwrap().len(), 0);

    // When: Bob accepts the repair on every token.
    for token in &tokens {
        let accept = build_message::<MultiAssetRef>(suite.assets)
            .call(|m| m.accept_asset(token.clone(), new_id));
        client
            .call(&ink_e2e::bob(), accept, 0, None)
            .await
            .expect("accept repair");
    }

    // Then: the new entry took the rugged one's place and a second check is all ok.
    let active = build_message::<MultiAssetRef>(suite.assets).call(|m| m.active_assets(Id::U32(1)));
    assert_eq!(
        client
            .call_dry_run(&ink_e2e::ferdie(), &active, 0, None)
            .await
            .return_value(),
        vec![new_id, 2]
    );
    let (code, report, stderr) = mirrorwatch(&[&["check"][..], &target].concat()).await;
    assert_eq!(code, 0, "{stderr} {report}");
    assert_eq!(report["health"]["ok"], 3);

    // Given: the rescue host rugs too; a second rescue host serves the file, and Alice already
    // added it to the catalog and left it pending on token 2 beside, not in place of, the rugged
    // mirror.
    rescue.route(
        "/nft/1.json",
        Reply::Body(b"{\"name\":\"rugged again\"}".to_vec()),
    );
    let second = Host::start().await.unwrap();
    second.route("/nft/1.json", Reply::Body(CONTENT.to_vec()));
    let add = build_message::<MultiAssetRef>(suite.assets)
        .call(|m| m.add_asset_entry(second.url("/nft/1.json"), Some(hash)));
    let second_id = client
        .call(&ink_e2e::alice(), add, 0, None)
        .await
        .expect("add entry")
        .return_value()
        .expect("added");
    let beside = build_message::<MultiAssetRef>(suite.assets)
        .call(|m| m.propose_asset(Id::U32(2), second_id, None));
    client
        .call(&ink_e2e::alice(), beside, 0, None)
        .await
        .expect("propose beside");

    // When: Charlie repairs onto the second rescue host (mirrorwatch reuses Alice's entry).
    let rule = format!("{}={}", rescue.url("/"), second.url("/"));
    let mut args = vec!["repair", "--rehost", rule.as_str(), "--suri", "//Charlie"];
    args.extend_from_slice(&target);
    let (code, done, stderr) = mirrorwatch(&args).await;

    // Then: token 2 refuses the batch (the entry is pending there already), so it is dropped and
    // named; tokens 1 and 3 get the proposal; the run is not complete (exit 1).
    assert_eq!(code, 1, "{stderr} {done}");
    let refused = done["repair"]["refused"].as_array().expect("refused");
    assert_eq!(refused.len(), 1, "{done}");
    assert_eq!(refused[0]["token"], "2");
    assert_eq!(refused[0]["asset_id"], second_id);
    assert!(refused[0]["error"]
        .as_str()
        .unwrap()
        .contains("AssetAlreadyPending"));
    for (token, replaces) in [(1, Some(new_id)), (2, None), (3, Some(new_id))] {
        let pending = build_message::<MultiAssetRef>(suite.assets)
            .call(|m| m.pending_proposal(Id::U32(token), second_id));
        let proposal = client
            .call_dry_run(&ink_e2e::ferdie(), &pending, 0, None)
            .await
            .return_value()
            .expect("pending");
        assert_eq!(proposal.replaces, replaces, "token {token}");
    }

    // Given: Dave, granted for a while, left a proposal pending on token 3, then was revoked.
    let dave = account_id(AccountKeyring::Dave);
    let grant = build_message::<RegistryRef>(suite.registry)
        .call(|r| r.grant_proposer(suite.collection, dave, None));
    client
        .call(&ink_e2e::alice(), grant, 0, None)
        .await
        .expect("grant dave");
    let add = build_message::<MultiAssetRef>(suite.assets)
        .call(|m| m.add_asset_entry("https://dave.example/1.json".into(), Some(hash)));
    let daves = client
        .call(&ink_e2e::dave(), add, 0, None)
        .await
        .expect("add dave's entry")
        .return_value()
        .expect("added");
    let propose = build_message::<MultiAssetRef>(suite.assets)
        .call(|m| m.propose_asset(Id::U32(3), daves, None));
    client
        .call(&ink_e2e::dave(), propose, 0, None)
        .await
        .expect("dave proposes");
    let revoke = build_message::<RegistryRef>(suite.registry)
        .call(|r| r.revoke_proposer(suite.collection, dave));
    client
        .call(&ink_e2e::alice(), revoke, 0, None)
        .await
        .expect("revoke dave");

    // When: mirrorwatch checks pending assets too.
    let (_, report, stderr) = mirrorwatch(&[&["check", "--pending"][..], &target].concat()).await;

    // Then: Dave's proposal is left out (no owner can accept it) and counted, not fetched.
    assert_eq!(report["lapsed_pending"], 1, "{stderr} {report}");
    let token3 = report["tokens"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["token"] == "3")
        .expect("token 3");
    assert!(
        token3["mirrors"]
            .as_array()
            .unwrap()
            .iter()
            .all(|m| m["asset_id"] != daves),
        "{token3}"
    );

    // Given: the IPFS copy (entry 2, on every token) goes missing, and a third host serves it.
    gateway.route(&format!("/ipfs/{CID}/nft/1.json"), Reply::Status(404));
    let third = Host::start().await.unwrap();
    third.route("/nft/1.json", Reply::Body(CONTENT.to_vec()));
    let rule = format!("ipfs://{CID}/={}", third.url("/"));
    let repair_ipfs = |extra: &[&str]| {
        let mut args = vec!["repair", "--rehost", rule.as_str(), "--suri", "//Charlie"];
        args.extend_from_slice(extra);
        args.extend_from_slice(&target);
        args.into_iter().map(str::to_string).collect::<Vec<_>>()
    };
    let outcome_of_entry_2 = |done: &Value| {
        done["repair"]["repairs"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["asset_id"] == 2)
            .map(|r| r["outcome"].clone())
    };
    let now = ["--grace-checks", "1", "--grace-secs", "0"];

    // When: repair runs with the default grace rule (3 checks over 6 hours).
    let (_, done, stderr) = run(repair_ipfs(&[])).await;
    // Then: it waits: a missing host may come back.
    assert_eq!(
        outcome_of_entry_2(&done),
        Some("waiting".into()),
        "{stderr} {done}"
    );

    // When: the operator does not wait; then Bob rejects the replacement on token 1.
    let (_, done, stderr) = run(repair_ipfs(&now)).await;
    assert_eq!(
        outcome_of_entry_2(&done),
        Some("proposed".into()),
        "{stderr} {done}"
    );
    let replacement = done["repair"]["repairs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["asset_id"] == 2)
        .and_then(|r| r["new_asset_id"].as_u64())
        .expect("an id");
    let reject = build_message::<MultiAssetRef>(suite.assets)
        .call(|m| m.reject_asset(Id::U32(1), replacement));
    client
        .call(&ink_e2e::bob(), reject, 0, None)
        .await
        .expect("bob rejects");

    // Then: the next repair does not propose it to token 1 again, unless forced.
    let (_, done, stderr) = run(repair_ipfs(&now)).await;
    assert_eq!(
        outcome_of_entry_2(&done),
        Some("rejected-before".into()),
        "{stderr} {done}"
    );
    let forced: Vec<&str> = now.iter().copied().chain(["--force"]).collect();
    let (_, done, stderr) = run(repair_ipfs(&forced)).await;
    assert_eq!(
        outcome_of_entry_2(&done),
        Some("proposed".into()),
        "{stderr} {done}"
    );
    let pending = build_message::<MultiAssetRef>(suite.assets)
        .call(|m| m.pending_proposal(Id::U32(1), replacement));
    assert!(client
        .call_dry_run(&ink_e2e::ferdie(), &pending, 0, None)
        .await
        .return_value()
        .is_some());

    // When: the operator asks what mirrorwatch remembers.
    let (code, record, stderr) = mirrorwatch(&[
        "status",
        "--multiasset",
        assets.as_str(),
        "--state",
        state.as_str(),
        "--json",
    ])
    .await;
    // Then: the hosts' checks, what fails since when, and each proposal with its outcome.
    assert_eq!(code, 0, "{stderr}");
    assert!(record["last_check"].as_u64().is_some(), "{record}");
    assert!(!record["hosts"].as_array().unwrap().is_empty(), "{record}");
    let failing = record["failing"].as_array().unwrap();
    assert!(
        failing
            .iter()
            .any(|f| f["asset_id"] == 2 && f["status"] == "missing"),
        "{record}"
    );
    let outcomes: Vec<&str> = record["proposals"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p["outcome"].as_str())
        .collect();
    assert!(outcomes.contains(&"accepted"), "{record}");
    assert!(outcomes.contains(&"rejected"), "{record}");
    assert!(outcomes.contains(&"pending"), "{record}");

    // When: mirrorwatch watches for two rounds (check only: no --rehost).
    let mut watch = vec!["watch", "--interval", "0", "--rounds", "2"];
    watch.extend_from_slice(&target);
    let (code, _, stderr) = mirrorwatch(&watch).await;
    // Then: each round is a check, and the last one's exit code is the process's (a mirror is
    // still missing: 1).
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("round 2 exited 1"), "{stderr}");

    // Given: an empty store (not the one the first checks filled), served by the operator's web
    // server.
    let fresh_dir = std::env::temp_dir().join(format!(
        "mirrorwatch-node-fresh-store-{}",
        std::process::id()
    ));
    std::fs::create_dir_all(&fresh_dir).unwrap();
    let fresh_root = fresh_dir.display().to_string();
    let backup = Host::start().await.unwrap();
    backup.serve_dir("/", &fresh_dir);
    let backup_url = backup.url("/");

    // When: repair runs with the store and no --rehost rule.
    let mut args = vec![
        "repair",
        "--suri",
        "//Charlie",
        "--store-dir",
        fresh_root.as_str(),
        "--store-public-url",
        backup_url.as_str(),
        "--grace-checks",
        "1",
        "--grace-secs",
        "0",
    ];
    args.extend_from_slice(&target);
    let (_, done, stderr) = mirrorwatch(&args).await;

    // Then: the bytes a mirror still serves were stored by the repair's own check, and that
    // verified copy is the failing mirrors' new host, proposed in their place.
    let rehosted = done["repair"]["repairs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["from_store"] == true && r["outcome"] == "proposed")
        .unwrap_or_else(|| panic!("a repair from the store: {stderr} {done}"));
    assert_eq!(done["check"]["stored"]["written"], 1, "{done}");
    let copy = format!(
        "{}sha256/{}/1.json",
        backup_url,
        mirrorwatch::encoding::hex(&hash)
    );
    assert_eq!(rehosted["new_uri"], copy.as_str());
    let new_id = rehosted["new_asset_id"].as_u64().expect("an id");
    let pending =
        build_message::<MultiAssetRef>(suite.assets).call(|m| m.pending_assets(Id::U32(1)));
    let pending = client
        .call_dry_run(&ink_e2e::ferdie(), &pending, 0, None)
        .await
        .return_value();
    assert!(pending.contains(&new_id), "{pending:?}");
    let _ = std::fs::remove_dir_all(&store_dir);
    let _ = std::fs::remove_dir_all(&fresh_dir);
}
