//! `check`'s verdicts against local hosts that behave and misbehave (tools/mirrorwatch's
//! `hosts`): one behaviour per test.

use mirrorwatch::check::{verify_content, verify_templated, Verdict};
use mirrorwatch::config::{Overrides, Settings};
use mirrorwatch::encoding::hex;
use mirrorwatch::fetch::{Fetcher, MAX_REDIRECTS};
use mirrorwatch::hosts::{Host, Reply};
use mirrorwatch::status::Status;
use openbrush::contracts::psp34::Id;
use sha2::{Digest, Sha256};
use std::time::Duration;

const CONTENT: &[u8] = b"{\"name\":\"Mirrors #1\",\"image\":\"ipfs://bafy/1.png\"}";

fn sha(bytes: &[u8]) -> [u8; 32] {
    Sha256::digest(bytes).into()
}

/// Settings for tests: 1 s timeouts, no retries, a 1 KiB cap, gateways on `gateway`.
fn settings(gateway: Option<&Host>, allow_private: bool) -> Settings {
    let gateways = gateway.map(|g| vec![g.url("")]);
    let file = Overrides {
        ipfs_gateways: gateways.clone(),
        arweave_gateways: gateways.clone(),
        sia_gateways: gateways,
        max_bytes: Some(1024),
        connect_timeout_secs: Some(1),
        timeout_secs: Some(1),
        retries: Some(0),
        ..Overrides::default()
    };
    Settings::from_overrides(file, allow_private).unwrap()
}

/// A fetcher for `settings`, trusting its gateways as the command line does.
fn fetcher(settings: &Settings) -> Fetcher {
    Fetcher::new(settings.limits.clone(), settings.gateways.all()).unwrap()
}

async fn verdict(host_reply: Reply, expected: Option<[u8; 32]>) -> Verdict {
    let host = Host::start().await.unwrap();
    host.route("/1.json", host_reply);
    let settings = settings(None, true);
    let fetcher = fetcher(&settings);
    verify_content(&fetcher, &settings, &host.url("/1.json"), expected).await
}

#[tokio::test]
async fn an_honest_host_is_ok() {
    let v = verdict(Reply::Body(CONTENT.to_vec()), Some(sha(CONTENT))).await;
    assert_eq!(v.status, Status::Ok, "{v:?}");
}

#[tokio::test]
async fn a_host_serving_other_bytes_is_a_mismatch() {
    let v = verdict(
        Reply::Body(b"{\"name\":\"rugged\"}".to_vec()),
        Some(sha(CONTENT)),
    )
    .await;
    assert_eq!(v.status, Status::Mismatch);
    assert!(v.detail.contains(&hex(&sha(CONTENT))[..16]), "{}", v.detail);
}

#[tokio::test]
async fn not_found_and_gone_are_missing() {
    for code in [404, 410] {
        assert_eq!(
            verdict(Reply::Status(code), Some(sha(CONTENT)))
                .await
                .status,
            Status::Missing
        );
    }
}

#[tokio::test]
async fn a_server_error_is_unreachable() {
    assert_eq!(
        verdict(Reply::Status(503), Some(sha(CONTENT))).await.status,
        Status::Unreachable
    );
}

#[tokio::test]
async fn a_host_slower_than_the_timeout_times_out() {
    let slow = Reply::Stall(Duration::from_secs(3), CONTENT.to_vec());
    assert_eq!(
        verdict(slow, Some(sha(CONTENT))).await.status,
        Status::Timeout
    );
}

#[tokio::test]
async fn content_declared_over_the_cap_is_too_large_without_reading_it() {
    let big = Reply::LyingLength {
        declared: 1_000_000,
        body: vec![],
    };
    let v = verdict(big, Some(sha(CONTENT))).await;
    assert_eq!(v.status, Status::TooLarge);
    assert!(v.detail.contains("Content-Length"), "{}", v.detail);
}

#[tokio::test]
async fn content_streamed_past_the_cap_without_a_length_is_too_large() {
    let v = verdict(Reply::Stream { bytes: 10_000 }, Some(sha(CONTENT))).await;
    assert_eq!(v.status, Status::TooLarge);
}

#[tokio::test]
async fn a_host_declaring_fewer_bytes_than_it_sends_is_judged_on_what_it_declared() {
    // The client reads Content-Length bytes: a truncated file, which the hash catches.
    let liar = Reply::LyingLength {
        declared: 10,
        body: CONTENT.to_vec(),
    };
    assert_eq!(
        verdict(liar, Some(sha(CONTENT))).await.status,
        Status::Mismatch
    );
}

#[tokio::test]
async fn a_host_declaring_more_bytes_than_it_sends_is_unreachable() {
    let liar = Reply::LyingLength {
        declared: 500,
        body: CONTENT.to_vec(),
    };
    let v = verdict(liar, Some(sha(CONTENT))).await;
    assert_eq!(v.status, Status::Unreachable, "{v:?}");
}

#[tokio::test]
async fn a_redirect_loop_stops_after_the_redirect_limit() {
    let host = Host::start().await.unwrap();
    host.route("/loop", Reply::Redirect("/loop".into()));
    let settings = settings(None, true);
    let fetcher = fetcher(&settings);
    let v = verify_content(&fetcher, &settings, &host.url("/loop"), Some(sha(CONTENT))).await;
    assert_eq!(v.status, Status::Unreachable);
    assert!(v.detail.contains("redirects"), "{}", v.detail);
    assert_eq!(fetcher.requests(), MAX_REDIRECTS as u64 + 1);
}

#[tokio::test]
async fn a_redirect_to_an_honest_host_is_followed() {
    let host = Host::start().await.unwrap();
    host.route("/old/1.json", Reply::Redirect("/new/1.json".into()));
    host.route("/new/1.json", Reply::Body(CONTENT.to_vec()));
    let settings = settings(None, true);
    let fetcher = fetcher(&settings);
    let v = verify_content(
        &fetcher,
        &settings,
        &host.url("/old/1.json"),
        Some(sha(CONTENT)),
    )
    .await;
    assert_eq!((v.status, v.via), (Status::Ok, host.url("/new/1.json")));
}

#[tokio::test]
async fn an_entry_without_a_hash_is_no_hash() {
    assert_eq!(
        verdict(Reply::Body(CONTENT.to_vec()), None).await.status,
        Status::NoHash
    );
}

#[tokio::test]
async fn ipfs_goes_through_a_path_gateway() {
    let gateway = Host::start().await.unwrap();
    gateway.route("/ipfs/bafybeig/nft/1.json", Reply::Body(CONTENT.to_vec()));
    // The gateway is the operator's choice, so its private address is allowed.
    let settings = settings(Some(&gateway), false);
    let fetcher = fetcher(&settings);
    let v = verify_content(
        &fetcher,
        &settings,
        "ipfs://bafybeig/nft/1.json",
        Some(sha(CONTENT)),
    )
    .await;
    assert_eq!(v.status, Status::Ok, "{v:?}");
    assert_eq!(v.via, gateway.url("/ipfs/bafybeig/nft/1.json"));
}

#[tokio::test]
async fn a_uri_on_a_private_address_is_refused_by_default() {
    let host = Host::start().await.unwrap();
    host.route("/1.json", Reply::Body(CONTENT.to_vec()));
    let settings = settings(None, false);
    let fetcher = fetcher(&settings);
    for uri in [
        host.url("/1.json"),
        format!("http://localhost:{}/1.json", host.address().port()),
    ] {
        let v = verify_content(&fetcher, &settings, &uri, Some(sha(CONTENT))).await;
        assert_eq!(v.status, Status::BadUri, "{uri}: {v:?}");
        assert!(v.detail.contains("--allow-private"), "{}", v.detail);
    }
    assert_eq!(
        fetcher.requests() as usize,
        1,
        "only the name needed a connection attempt"
    );
}

#[tokio::test]
async fn a_redirect_to_a_private_address_is_refused() {
    // The first host stands for a public one: its own address is trusted as a gateway's.
    let public = Host::start().await.unwrap();
    let private = Host::start().await.unwrap();
    private.route("/secret", Reply::Body(b"internal".to_vec()));
    public.route(
        "/ipfs/cid/1.json",
        Reply::Redirect(format!(
            "http://localhost:{}/secret",
            private.address().port()
        )),
    );
    let settings = settings(Some(&public), false);
    let fetcher = fetcher(&settings);
    let v = verify_content(&fetcher, &settings, "ipfs://cid/1.json", Some(sha(CONTENT))).await;
    assert_eq!(v.status, Status::BadUri, "{v:?}");
}

#[tokio::test]
async fn other_schemes_are_bad_uris() {
    let settings = settings(None, true);
    let fetcher = fetcher(&settings);
    let v = verify_content(
        &fetcher,
        &settings,
        "file:///etc/passwd",
        Some(sha(CONTENT)),
    )
    .await;
    assert_eq!(v.status, Status::BadUri);
    assert_eq!(fetcher.requests(), 0);
}

#[tokio::test]
async fn transient_failures_are_retried_with_backoff() {
    let host = Host::start().await.unwrap();
    host.route("/1.json", Reply::Status(503));
    let mut settings = settings(None, true);
    settings.limits.retries = 2;
    settings.limits.backoff = Duration::from_millis(10);
    let fetcher = fetcher(&settings);
    let v = verify_content(
        &fetcher,
        &settings,
        &host.url("/1.json"),
        Some(sha(CONTENT)),
    )
    .await;
    assert_eq!(v.status, Status::Unreachable);
    assert_eq!(fetcher.requests(), 3);
}

#[tokio::test]
async fn a_missing_file_is_not_retried() {
    let host = Host::start().await.unwrap();
    let mut settings = settings(None, true);
    settings.limits.retries = 2;
    let fetcher = fetcher(&settings);
    verify_content(&fetcher, &settings, &host.url("/gone"), Some(sha(CONTENT))).await;
    assert_eq!(fetcher.requests(), 1);
}

fn templated_host(
    manifest: &str,
    files: &[(&str, &[u8])],
) -> impl std::future::Future<Output = Host> {
    let manifest = manifest.to_string();
    let files: Vec<(String, Vec<u8>)> = files
        .iter()
        .map(|(n, c)| (n.to_string(), c.to_vec()))
        .collect();
    async move {
        let host = Host::start().await.unwrap();
        host.route("/dir/SHA256SUMS", Reply::Body(manifest.into_bytes()));
        for (name, content) in files {
            host.route(&format!("/dir/{name}"), Reply::Body(content));
        }
        host
    }
}

#[tokio::test]
async fn a_templated_entry_checks_the_manifest_then_each_file_against_its_line() {
    let (one, two): (&[u8], &[u8]) = (b"one", b"two");
    let manifest = format!("{}  1.json\n{}  2.json\n", hex(&sha(one)), hex(&sha(two)));
    let host = templated_host(&manifest, &[("1.json", one), ("2.json", b"rugged")]).await;
    let settings = settings(None, true);
    let fetcher = fetcher(&settings);
    let template = host.url("/dir/{id}.json");
    let hash = Some(sha(manifest.as_bytes()));
    assert_eq!(
        verify_templated(&fetcher, &settings, &template, hash, &[Id::U32(1)]).await,
        Ok(())
    );
    let rugged = verify_templated(&fetcher, &settings, &template, hash, &[Id::U32(2)]).await;
    assert_eq!(rugged.unwrap_err().status, Status::Mismatch);
}

#[tokio::test]
async fn a_templated_entry_whose_manifest_was_swapped_fails_every_file() {
    let manifest = format!("{}  1.json\n", hex(&sha(b"one")));
    let host = templated_host(&manifest, &[("1.json", b"one")]).await;
    let settings = settings(None, true);
    let fetcher = fetcher(&settings);
    let recorded = Some(sha(b"another manifest"));
    let v = verify_templated(
        &fetcher,
        &settings,
        &host.url("/dir/{id}.json"),
        recorded,
        &[Id::U32(1)],
    )
    .await;
    let failed = v.unwrap_err();
    assert_eq!(failed.status, Status::Mismatch);
    assert!(failed.detail.starts_with("SHA256SUMS"), "{}", failed.detail);
}

#[tokio::test]
async fn a_file_the_manifest_does_not_list_is_no_hash() {
    let manifest = format!("{}  1.json\n", hex(&sha(b"one")));
    let host = templated_host(&manifest, &[("3.json", b"three")]).await;
    let settings = settings(None, true);
    let fetcher = fetcher(&settings);
    let hash = Some(sha(manifest.as_bytes()));
    let v = verify_templated(
        &fetcher,
        &settings,
        &host.url("/dir/{id}.json"),
        hash,
        &[Id::U32(3)],
    )
    .await;
    assert_eq!(v.unwrap_err().status, Status::NoHash);
}

#[tokio::test]
async fn a_private_uri_on_a_gateways_host_but_not_the_gateway_is_refused() {
    // The operator's gateway is trusted, not every service on its machine: a chain uri at
    // another port of the same address must still be refused.
    let gateway = Host::start().await.unwrap();
    let service = Host::start().await.unwrap();
    service.route("/admin", Reply::Body(b"internal".to_vec()));
    let settings = settings(Some(&gateway), false);
    let fetcher = fetcher(&settings);
    let v = verify_content(
        &fetcher,
        &settings,
        &service.url("/admin"),
        Some(sha(CONTENT)),
    )
    .await;
    assert_eq!(v.status, Status::BadUri, "{v:?}");
}

#[tokio::test]
async fn a_localhost_uri_is_refused_with_the_default_local_sia_gateway() {
    // The default sia gateway is a local renterd (localhost:9980): that must not open every
    // localhost uri.
    let service = Host::start().await.unwrap();
    service.route("/admin", Reply::Body(b"internal".to_vec()));
    let settings = Settings::from_overrides(Overrides::default(), false).unwrap();
    let fetcher = fetcher(&settings);
    let uri = format!("http://localhost:{}/admin", service.address().port());
    let v = verify_content(&fetcher, &settings, &uri, Some(sha(CONTENT))).await;
    assert_eq!(v.status, Status::BadUri, "{v:?}");
}

#[tokio::test]
async fn a_uri_on_a_gateways_origin_outside_its_path_is_refused() {
    // The gateway is `<host>/gw`: the operator trusts that path, not every path of its origin.
    let gateway = Host::start().await.unwrap();
    gateway.route("/admin", Reply::Body(CONTENT.to_vec()));
    let mut settings = settings(None, false);
    settings.gateways.ipfs = vec![url::Url::parse(&gateway.url("/gw")).unwrap()];
    let fetcher = fetcher(&settings);
    let v = verify_content(
        &fetcher,
        &settings,
        &gateway.url("/admin"),
        Some(sha(CONTENT)),
    )
    .await;
    assert_eq!(v.status, Status::BadUri, "{v:?}");
}

#[tokio::test]
async fn a_gateways_redirect_outside_its_path_is_refused() {
    let gateway = Host::start().await.unwrap();
    gateway.route("/admin", Reply::Body(CONTENT.to_vec()));
    gateway.route(
        "/gw/ipfs/cid/1.json",
        Reply::Redirect(gateway.url("/admin")),
    );
    let mut settings = settings(None, false);
    settings.gateways.ipfs = vec![url::Url::parse(&gateway.url("/gw")).unwrap()];
    let fetcher = fetcher(&settings);
    let v = verify_content(&fetcher, &settings, "ipfs://cid/1.json", Some(sha(CONTENT))).await;
    assert_eq!(v.status, Status::BadUri, "{v:?}");
}

#[tokio::test]
async fn a_manifest_larger_than_memory_should_hold_is_streamed_not_refused() {
    // 17 MiB of SHA256SUMS (about 220,000 lines), of which the run needs one line: the
    // manifest is hashed as it streams in and only the needed line is kept.
    let one: &[u8] = b"one";
    let mut manifest = format!("{}  1.json\n", hex(&sha(one)));
    let filler = hex(&sha(b"filler"));
    let mut n = 2u64;
    while manifest.len() < 17 * 1024 * 1024 {
        manifest.push_str(&format!("{filler}  {n}.json\n"));
        n += 1;
    }
    let host = templated_host(&manifest, &[("1.json", one)]).await;
    let file = Overrides {
        max_bytes: Some(64 * 1024 * 1024),
        timeout_secs: Some(30),
        retries: Some(0),
        ..Overrides::default()
    };
    let settings = Settings::from_overrides(file, true).unwrap();
    let fetcher = fetcher(&settings);
    let hash = Some(sha(manifest.as_bytes()));
    drop(manifest);
    assert_eq!(
        verify_templated(
            &fetcher,
            &settings,
            &host.url("/dir/{id}.json"),
            hash,
            &[Id::U32(1)]
        )
        .await,
        Ok(())
    );
}

/// Settings for a slow host: 1 s per attempt, no retries, the run's deadline `deadline` seconds.
fn bounded(deadline: u64) -> Settings {
    let file = Overrides {
        connect_timeout_secs: Some(1),
        timeout_secs: Some(1),
        retries: Some(0),
        deadline_secs: Some(deadline),
        ..Overrides::default()
    };
    Settings::from_overrides(file, true).unwrap()
}

#[tokio::test]
async fn once_the_runs_deadline_passed_nothing_more_is_fetched() {
    let host = Host::start().await.unwrap();
    let slow = Reply::Stall(Duration::from_secs(3), CONTENT.to_vec());
    host.route("/1.json", slow.clone());
    host.route("/2.json", slow);
    let settings = bounded(1);
    let fetcher = fetcher(&settings);
    let first = verify_content(
        &fetcher,
        &settings,
        &host.url("/1.json"),
        Some(sha(CONTENT)),
    )
    .await;
    assert_eq!(first.status, Status::Timeout);
    let second = verify_content(
        &fetcher,
        &settings,
        &host.url("/2.json"),
        Some(sha(CONTENT)),
    )
    .await;
    assert_eq!(second.status, Status::Timeout);
    assert!(second.detail.contains("deadline"), "{}", second.detail);
    assert_eq!(fetcher.requests(), 1);
}

#[tokio::test]
async fn a_host_that_keeps_timing_out_costs_only_its_share() {
    let host = Host::start().await.unwrap();
    let slow = Reply::Stall(Duration::from_secs(3), CONTENT.to_vec());
    for n in 1..=5 {
        host.route(&format!("/{n}.json"), slow.clone());
    }
    let settings = bounded(60);
    let fetcher = fetcher(&settings);
    let mut last = None;
    for n in 1..=5 {
        let url = host.url(&format!("/{n}.json"));
        last = Some(verify_content(&fetcher, &settings, &url, Some(sha(CONTENT))).await);
    }
    let last = last.unwrap();
    assert_eq!(last.status, Status::Timeout);
    assert!(last.detail.contains("timed out"), "{}", last.detail);
    assert_eq!(
        fetcher.requests(),
        mirrorwatch::fetch::HOST_TIMEOUTS_TO_SKIP as u64
    );
}
