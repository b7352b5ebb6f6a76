//! The mirrorwatch benchmark (`make bench`): `check --tokens all` on a collection of
//! `BENCH_TOKENS` (default 1,000) tokens × 4 mirrors against local hosts, once with small JSON
//! files and once with 1 MiB files: without a store, twice with a local directory store (the
//! first run stores every copy, the second nothing), and once with a WebDAV store (Apache httpd on
//! loopback, every copy uploaded); wall time, requests per second, chain-read time against fetch
//! time, peak RSS. Writes its table between the mirrorwatch markers of `BENCH_OUT`
//! (docs/benchmarks.md) and to standard output.
//!
//! Env: `NODE_URL` (a running dev node; else one is spawned through `CONTRACTS_NODE`),
//! `MIRRORWATCH` (the binary to measure), `BENCH_TOKENS`, `BENCH_OUT`.

use collection::collection::CollectionRef;
use ink::primitives::AccountId;
use ink_e2e::{account_id, build_message, AccountKeyring, PolkadotConfig, TestNodeProcess};
use mirrorwatch::encoding::hex;
use mirrorwatch::hosts::{Host, Reply, Webdav};
use multiasset::limits::MAX_FOLLOW_TOKENS;
use multiasset::MultiAssetRef;
use openbrush::contracts::psp34::Id;
use sha2::{Digest, Sha256};
use std::time::Instant;

use e2e::deploy::{artifacts_client, deploy_suite, Suite};

const CID: &str = "bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi";
const TX: &str = "Yx8pNnQ4Hrv1qvS0xb7W4qQ3LWUj3bqvW9hAvT9d7mU";
const SIA: &str = "AACDtzKgq1oqzDpLGuS2jbSXTdCtVtW3IMwlBdKGQC9Dhw";
const MIB: u64 = 1024 * 1024;

/// One measured run.
struct Row {
    files: String,
    /// Without a store, or a directory store's first run (it stores) or its second (nothing
    /// new), or a WebDAV store's first run.
    store: &'static str,
    /// Copies the run stored.
    stored: Option<u64>,
    wall: f64,
    chain: f64,
    fetch: f64,
    queries: u64,
    requests: u64,
    rss_kib: u64,
    ok: u64,
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let tokens: u32 = std::env::var("BENCH_TOKENS").map_or(1000, |n| n.parse().expect("a number"));
    let binary = std::env::var("MIRRORWATCH").expect("MIRRORWATCH: the binary to measure");
    let spawned;
    let url = match std::env::var("NODE_URL") {
        Ok(url) => url,
        Err(_) => {
            let node = std::env::var("CONTRACTS_NODE").unwrap_or("substrate-contracts-node".into());
            spawned = TestNodeProcess::<PolkadotConfig>::build(node)
                .spawn()
                .await
                .expect("node");
            spawned.url().to_string()
        }
    };
    let api = subxt::OnlineClient::<PolkadotConfig>::from_url(&url)
        .await
        .expect("node");
    let mut client = artifacts_client(api).await;

    // Given: Alice's collection of `tokens` tokens, all Bob's, all following the collection.
    eprintln!("mirrorwatch bench: deploying and minting {tokens} tokens");
    let Suite {
        collection, assets, ..
    } = deploy_suite(&mut client, &ink_e2e::alice()).await;
    let bob = account_id(AccountKeyring::Bob);
    let ids: Vec<Id> = (1..=tokens).map(Id::U32).collect();
    for id in &ids {
        let mint = build_message::<CollectionRef>(collection).call(|c| c.mint(bob, id.clone()));
        client
            .call(&ink_e2e::alice(), mint, 0, None)
            .await
            .expect("mint");
    }
    for chunk in ids.chunks(MAX_FOLLOW_TOKENS) {
        let follow = build_message::<MultiAssetRef>(assets)
            .call(|m| m.set_follows_collection(chunk.to_vec(), true));
        client
            .call(&ink_e2e::bob(), follow, 0, None)
            .await
            .expect("follow");
    }
    let hosts = [
        Host::start().await.unwrap(),
        Host::start().await.unwrap(),
        Host::start().await.unwrap(),
        Host::start().await.unwrap(),
    ];
    let [cdn, ipfs, ar, sia] = &hosts;

    let mut rows = Vec::new();
    let mut replaced: Option<Vec<u64>> = None;
    for (dir, size) in [("small", None), ("large", Some(MIB))] {
        // When: the collection's mirror set is 4 templated entries whose files are `size`.
        let mut manifest = String::new();
        for id in 1..=tokens {
            let name = format!("{id}.json");
            let (reply, hash) = match size {
                None => {
                    let body =
                        format!("{{\"name\":\"Bench #{id}\",\"image\":\"ipfs://{CID}/{id}.png\"}}")
                            .into_bytes();
                    let hash: [u8; 32] = Sha256::digest(&body).into();
                    (Reply::Body(body), hash)
                }
                Some(bytes) => {
                    let hash: [u8; 32] = Sha256::digest(vec![0u8; bytes as usize]).into();
                    (Reply::Stream { bytes }, hash)
                }
            };
            manifest.push_str(&format!("{}  {name}\n", hex(&hash)));
            cdn.route(&format!("/{dir}/{name}"), reply.clone());
            ipfs.route(&format!("/ipfs/{CID}/{dir}/{name}"), reply.clone());
            ar.route(&format!("/{TX}/{dir}/{name}"), reply.clone());
            sia.route(&format!("/{SIA}/{dir}/{name}"), reply);
        }
        let sums = manifest.into_bytes();
        cdn.route(&format!("/{dir}/SHA256SUMS"), Reply::Body(sums.clone()));
        ipfs.route(
            &format!("/ipfs/{CID}/{dir}/SHA256SUMS"),
            Reply::Body(sums.clone()),
        );
        ar.route(
            &format!("/{TX}/{dir}/SHA256SUMS"),
            Reply::Body(sums.clone()),
        );
        sia.route(
            &format!("/{SIA}/{dir}/SHA256SUMS"),
            Reply::Body(sums.clone()),
        );
        let hash: [u8; 32] = Sha256::digest(&sums).into();
        let entries: Vec<(String, Option<[u8; 32]>)> = [
            cdn.url(&format!("/{dir}/{{id}}.json")),
            format!("ipfs://{CID}/{dir}/{{id}}.json"),
            format!("ar://{TX}/{dir}/{{id}}.json"),
            format!("sia://{SIA}/{dir}/{{id}}.json"),
        ]
        .into_iter()
        .map(|uri| (uri, Some(hash)))
        .collect();
        let add =
            build_message::<MultiAssetRef>(assets).call(|m| m.add_asset_entries(entries.clone()));
        let added = client
            .call(&ink_e2e::alice(), add, 0, None)
            .await
            .expect("entries")
            .return_value()
            .expect("added");
        let proposals: Vec<(u64, Option<u64>)> = match &replaced {
            None => added.iter().map(|id| (*id, None)).collect(),
            Some(old) => added
                .iter()
                .zip(old)
                .map(|(id, old)| (*id, Some(*old)))
                .collect(),
        };
        let propose = build_message::<MultiAssetRef>(assets)
            .call(|m| m.propose_to_collection(proposals.clone()));
        client
            .call(&ink_e2e::alice(), propose, 0, None)
            .await
            .expect("propose");
        replaced = Some(added);

        // Then: mirrorwatch checks every token, measured: without a store, then twice with one
        // (the first run stores a copy of every verified file, the second finds them there).
        eprintln!("mirrorwatch bench: check, {dir} files");
        let hosts = (ipfs, ar, sia);
        rows.push(measure(&binary, &url, assets, hosts, size, tokens, None).await);
        let store = std::env::temp_dir().join(format!("mirrorwatch-bench-store-{dir}"));
        let _ = std::fs::remove_dir_all(&store);
        let directory = Kept::Directory(store.display().to_string());
        for _ in 0..2 {
            let row = measure(&binary, &url, assets, hosts, size, tokens, Some(&directory)).await;
            rows.push(row);
        }
        let _ = std::fs::remove_dir_all(&store);
        // And every copy uploaded to a WebDAV server (a fresh one: nothing stored yet).
        let webdav = Webdav::start();
        let config = webdav.dir().join("mirrorwatch.toml");
        let settings = format!(
            "store_backend = \"webdav\"\nstore_endpoint = \"{}\"\nstore_root = \"/store/\"\n\
             store_public_url = \"{}\"\n",
            webdav.url(""),
            webdav.url("/store/")
        );
        std::fs::write(&config, settings).expect("config written");
        let dav = Kept::Webdav(config.display().to_string());
        rows.push(measure(&binary, &url, assets, hosts, size, tokens, Some(&dav)).await);
        drop(webdav);
    }
    let table = render(&rows, tokens);
    print!("{table}");
    if let Ok(out) = std::env::var("BENCH_OUT") {
        let doc = std::fs::read_to_string(&out).expect("BENCH_OUT");
        let (begin, end) = (
            "<!-- make bench mirrorwatch: begin -->",
            "<!-- make bench mirrorwatch: end -->",
        );
        let (from, to) = (
            doc.find(begin).expect("begin marker"),
            doc.find(end).expect("end marker"),
        );
        let doc = format!("{}\n{table}{}", &doc[..from + begin.len()], &doc[to..]);
        std::fs::write(&out, doc).expect("written");
    }
}

/// The store a measured run keeps its copies in.
enum Kept {
    /// A local directory (`--store-dir`).
    Directory(String),
    /// A WebDAV server, named by this config file.
    Webdav(String),
}

async fn measure(
    binary: &str,
    url: &str,
    assets: AccountId,
    (ipfs, ar, sia): (&Host, &Host, &Host),
    size: Option<u64>,
    tokens: u32,
    store: Option<&Kept>,
) -> Row {
    let mut args: Vec<String> = [
        "check",
        "--url",
        url,
        "--multiasset",
        &mirrorwatch::encoding::ss58(&assets),
        "--tokens",
        "all",
        "--json",
        // What an operator's run does: record every mirror's status in the state database.
        "--state",
        &state_path(),
        "--allow-private",
        "--retries",
        "0",
        "--max-bytes",
        &(2 * MIB).to_string(),
        "--ipfs-gateway",
        &ipfs.url(""),
        "--ar-gateway",
        &ar.url(""),
        "--sia-gateway",
        &sia.url(""),
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    match store {
        None => {}
        Some(Kept::Directory(dir)) => {
            let public = "http://127.0.0.1/".to_string();
            args.extend(["--store-dir".into(), dir.to_string()]);
            args.extend(["--store-public-url".into(), public]);
        }
        Some(Kept::Webdav(config)) => args.extend(["--config".into(), config.to_string()]),
    }
    let binary = binary.to_string();
    let started = Instant::now();
    let output =
        tokio::task::spawn_blocking(move || std::process::Command::new(binary).args(args).output())
            .await
            .expect("joined")
            .expect("mirrorwatch runs");
    let wall = started.elapsed().as_secs_f64();
    let report: serde_json::Value = serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|_| panic!("mirrorwatch: {}", String::from_utf8_lossy(&output.stderr)));
    let t = &report["timings"];
    let ok = report["mirrors"]["ok"].as_u64().unwrap_or(0);
    assert_eq!(
        ok,
        4 * tokens as u64,
        "every mirror ok: {}",
        report["mirrors"]
    );
    let stored = report["stored"]["written"].as_u64();
    if store.is_some() {
        assert_eq!(
            report["stored"]["failed"], 0,
            "the store took every copy: {}",
            report["stored"]
        );
    }
    Row {
        files: match size {
            None => "~80 B JSON".into(),
            Some(b) => format!("{} MiB", b / MIB),
        },
        store: match (store, stored) {
            (None, _) => "none",
            (Some(Kept::Webdav(_)), _) => "WebDAV, first run",
            (Some(Kept::Directory(_)), Some(n)) if n > 0 => "directory, first run",
            (Some(Kept::Directory(_)), _) => "directory, second run",
        },
        stored,
        wall,
        chain: t["chain_seconds"].as_f64().unwrap_or(0.0),
        fetch: t["fetch_seconds"].as_f64().unwrap_or(0.0),
        queries: t["chain_queries"].as_u64().unwrap_or(0),
        requests: t["http_requests"].as_u64().unwrap_or(0),
        rss_kib: t["peak_rss_kib"].as_u64().unwrap_or(0),
        ok,
    }
}

fn render(rows: &[Row], tokens: u32) -> String {
    let mut out = format!(
        "## mirrorwatch check: {tokens} tokens × 4 mirrors (local hosts)\n\n\
         `check --tokens all` on a collection whose tokens follow 4 templated entries (https, ipfs,\n\
         ar and sia through gateways), each host a local HTTP server; chain reads are dry runs\n\
         on the dev node, 16 in flight; fetches 32 in flight, 4 per host. Wall time includes\n\
         start-up and connecting. With a store (a local directory), the first run spools and\n\
         stores a copy of every verified file; the second finds every copy there. With a WebDAV\n\
         store (Apache httpd's mod_dav on loopback, empty), the run uploads every copy.\n\n\
         | files | store | copies stored | mirrors ok | wall s | chain reads s | queries | fetch s | HTTP requests | requests/s | peak RSS MiB |\n\
         |---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n"
    );
    for r in rows {
        out.push_str(&format!(
            "| {} | {} | {} | {} | {:.2} | {:.2} | {} | {:.2} | {} | {:.0} | {:.1} |\n",
            r.files,
            r.store,
            r.stored.map_or("-".to_string(), |n| n.to_string()),
            r.ok,
            r.wall,
            r.chain,
            r.queries,
            r.fetch,
            r.requests,
            r.requests as f64 / r.fetch.max(1e-9),
            r.rss_kib as f64 / 1024.0
        ));
    }
    let plain: Vec<&Row> = rows.iter().filter(|r| r.store == "none").collect();
    let (first, last) = (plain[0], plain[plain.len() - 1]);
    let share = first.chain / (first.chain + first.fetch) * 100.0;
    let bottleneck = if share > 50.0 {
        "chain reads"
    } else {
        "fetching"
    };
    out.push_str(&format!(
        "\nBottleneck: {bottleneck}. With small files, chain reads take {share:.0} % of the time \
         spent reading and fetching ({:.1} ms per query, {:.3} queries per token); with 1 MiB \
         files, fetching and hashing take {:.0} % (peak RSS {:.1} → {:.1} MiB for {}× the bytes).\n",
        first.chain * 1000.0 / first.queries.max(1) as f64,
        first.queries as f64 / tokens as f64,
        last.fetch / (last.chain + last.fetch) * 100.0,
        first.rss_kib as f64 / 1024.0,
        last.rss_kib as f64 / 1024.0,
        MIB / 80,
    ));
    out
}

/// A state database of the benchmark's own, under the system's temp directory.
fn state_path() -> String {
    std::env::temp_dir()
        .join(format!("mirrorwatch-bench-{}.sqlite3", std::process::id()))
        .display()
        .to_string()
}
