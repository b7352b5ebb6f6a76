//! The command line: `mirrorwatch check …`, `repair …`, `status …` and `watch …`.
//!
//! Exit codes: 0 when every checked mirror is `ok` (`repair`: when every failing mirror has its
//! replacement pending); 1 when some mirror is not (`repair`: when some could not be repaired);
//! 2 on usage, config and chain errors, and when the contract refuses a call.

use crate::chain::Chain;
use crate::check::{self, Inspection, Keeper};
use crate::config::{Overrides, Settings};
use crate::fetch::Fetcher;
use crate::repair::{self, Memory, Rule};
use crate::report::{self, Bar};
use crate::select::{self, IdType};
use crate::state::{self, State};
use crate::store::Store;
use clap::{Args, Parser, Subcommand};
use ink::primitives::AccountId;
use std::path::PathBuf;
use std::process::ExitCode;
use std::str::FromStr;
use subxt_signer::{sr25519::Keypair, SecretUri};

/// Every checked mirror is `ok`; or every failing one has its replacement pending.
pub const EXIT_OK: u8 = 0;
/// Some mirror fails; or some failing one could not be repaired.
pub const EXIT_FAILING: u8 = 1;
/// A usage, config or chain error, or the contract refused a call.
pub const EXIT_ERROR: u8 = 2;

#[derive(Debug, Parser)]
#[command(
    name = "mirrorwatch",
    version,
    about = "Finds rugged or dead mirrors of a collection's assets and proposes their replacements."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Fetch every mirror of the tokens' assets and compare it with the recorded sha256.
    Check(CheckArgs),
    /// Propose new hosts, verified byte for byte, in place of failing mirrors.
    Repair(RepairArgs),
    /// What the state database remembers: each host's uptime, what fails since when, what was
    /// proposed when and what became of it.
    Status(StatusArgs),
    /// Check (and repair, given --rehost and a key) every --interval seconds, until stopped.
    Watch(WatchArgs),
}

#[derive(Debug, Args)]
pub struct StatusArgs {
    /// The multi-asset contract's address (SS58).
    #[arg(long)]
    pub multiasset: String,
    /// The state database (default ~/.local/share/mirrorwatch/state.sqlite3).
    #[arg(long, env = "MIRRORWATCH_STATE")]
    pub state: Option<PathBuf>,
    /// The period each host's uptime is counted over, in days.
    #[arg(long, default_value = "7")]
    pub days: u64,
    /// One JSON document on standard output instead of the table.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct WatchArgs {
    #[command(flatten)]
    pub target: Target,
    /// OLD-PREFIX=NEW-PREFIX rules: with them (and a key) each round repairs; without, checks.
    #[arg(long = "rehost")]
    pub rules: Vec<Rule>,
    #[command(flatten)]
    pub options: RepairOptions,
    /// Seconds between the starts of two rounds.
    #[arg(long, default_value = "3600")]
    pub interval: u64,
    /// Stop after this many rounds (default: until SIGINT or SIGTERM).
    #[arg(long)]
    pub rounds: Option<u64>,
}

#[derive(Debug, Clone, Args)]
pub struct Target {
    /// The node's RPC endpoint.
    #[arg(long, default_value = "ws://127.0.0.1:9944")]
    pub url: String,
    /// The multi-asset contract's address (SS58).
    #[arg(long)]
    pub multiasset: String,
    /// `all` (the collection's enumeration) or ids and ranges: `1,2,10-20`, `0xab01` (Bytes).
    #[arg(long, default_value = "all")]
    pub tokens: String,
    /// The `Id` variant plain numbers in --tokens stand for.
    #[arg(long, value_enum, default_value = "u32")]
    pub id_type: IdType,
    /// A TOML file of gateways and limits (see the README); flags override it.
    #[arg(long, env = "MIRRORWATCH_CONFIG")]
    pub config: Option<PathBuf>,
    /// IPFS path gateways, tried in order (repeat the flag).
    #[arg(long = "ipfs-gateway")]
    pub ipfs_gateways: Vec<String>,
    /// Arweave gateways, tried in order.
    #[arg(long = "ar-gateway")]
    pub arweave_gateways: Vec<String>,
    /// renterd-style gateways for sia:// (a worker's object endpoint).
    #[arg(long = "sia-gateway")]
    pub sia_gateways: Vec<String>,
    /// The largest content fetched, in bytes (default 64 MiB).
    #[arg(long)]
    pub max_bytes: Option<u64>,
    /// Seconds to connect.
    #[arg(long)]
    pub connect_timeout: Option<u64>,
    /// Seconds for one attempt, body included.
    #[arg(long)]
    pub timeout: Option<u64>,
    /// Attempts after the first for unreachable and timed-out hosts.
    #[arg(long)]
    pub retries: Option<u32>,
    /// Requests in flight at once.
    #[arg(long)]
    pub concurrency: Option<usize>,
    /// Requests in flight at once to one host.
    #[arg(long)]
    pub per_host: Option<usize>,
    /// Seconds a whole run may fetch (default 3600); then what is left is a timeout.
    #[arg(long)]
    pub deadline: Option<u64>,
    /// The state database: what each check saw and each repair proposed (default
    /// ~/.local/share/mirrorwatch/state.sqlite3).
    #[arg(long, env = "MIRRORWATCH_STATE")]
    pub state: Option<PathBuf>,
    /// Remember nothing: no state database (repair then has no grace rule).
    #[arg(long, conflicts_with = "state")]
    pub no_state: bool,
    /// Keep a copy of every verified file in this directory (a store, `fs`; see the config's
    /// `store_*` keys for WebDAV and S3)…
    #[arg(long, requires = "store_public_url")]
    pub store_dir: Option<String>,
    /// …served under this url.
    #[arg(long, requires = "store_dir")]
    pub store_public_url: Option<String>,
    /// Fetch from loopback, private and link-local addresses too (refused by default: the uris
    /// come from the chain, so whoever got one proposed would choose what this machine fetches).
    #[arg(long)]
    pub allow_private: bool,
    /// One JSON document on standard output instead of the table.
    #[arg(long)]
    pub json: bool,
    /// No progress bar.
    #[arg(long, short)]
    pub quiet: bool,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub target: Target,
    /// Check pending assets too (reported, not counted in a token's health).
    #[arg(long)]
    pub pending: bool,
    /// List only the mirrors that are not `ok` (the totals still count all).
    #[arg(long)]
    pub only_failing: bool,
}

#[derive(Debug, Clone, Args)]
pub struct RepairArgs {
    #[command(flatten)]
    pub target: Target,
    /// OLD-PREFIX=NEW-PREFIX: a failing mirror whose uri starts with OLD-PREFIX moves there.
    /// Without a matching rule, a store's verified copy is the new host (a store or at least one
    /// rule is needed).
    #[arg(long = "rehost")]
    pub rules: Vec<Rule>,
    #[command(flatten)]
    pub options: RepairOptions,
}

/// How `repair` (and `watch`, when it repairs) signs and decides.
#[derive(Debug, Clone, Args)]
pub struct RepairOptions {
    /// The issuer's or a registered proposer's secret uri (`//Alice`, a mnemonic…). Prefer
    /// --suri-file or the environment: a flag shows in the process list.
    #[arg(
        long,
        env = "MIRRORWATCH_SURI",
        hide_env_values = true,
        conflicts_with = "suri_file"
    )]
    pub suri: Option<String>,
    /// A file holding the secret uri.
    #[arg(long)]
    pub suri_file: Option<PathBuf>,
    /// Print what would be done and its fee; change nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Repair a mirror after it failed in this many checks in a row (default 3)…
    #[arg(long)]
    pub grace_checks: Option<u32>,
    /// …spanning at least this many seconds (default 21600). A mismatch is repaired at once.
    #[arg(long)]
    pub grace_secs: Option<u64>,
    /// Propose again a replacement the owners rejected.
    #[arg(long)]
    pub force: bool,
}

/// Runs the command line and returns its exit code.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(runtime) => runtime,
        Err(e) => return fail(format!("tokio: {e}")),
    };
    let code = runtime.block_on(async {
        match cli.command {
            Command::Check(args) => run_check(args).await,
            Command::Repair(args) => run_repair(args).await,
            Command::Status(args) => run_status(args),
            Command::Watch(args) => run_watch(args).await,
        }
    });
    match code {
        Ok(code) => ExitCode::from(code),
        Err(message) => fail(message),
    }
}

fn fail(message: String) -> ExitCode {
    eprintln!("mirrorwatch: error: {message}");
    ExitCode::from(EXIT_ERROR)
}

/// What both commands set up: settings, the fetcher, the chain and the tokens' inspection, and
/// the state database each check is recorded in.
struct Session {
    settings: Settings,
    fetcher: Fetcher,
    chain: Chain,
    multiasset: AccountId,
    state: Option<State>,
    keeper: Option<Keeper>,
}

impl Session {
    async fn open(target: &Target, grace: (Option<u32>, Option<u64>)) -> Result<Session, String> {
        let file = match &target.config {
            Some(path) => Overrides::read(path)?,
            None => Overrides::default(),
        };
        let non_empty = |list: &Vec<String>| (!list.is_empty()).then(|| list.clone());
        let flags = Overrides {
            ipfs_gateways: non_empty(&target.ipfs_gateways),
            arweave_gateways: non_empty(&target.arweave_gateways),
            sia_gateways: non_empty(&target.sia_gateways),
            max_bytes: target.max_bytes,
            connect_timeout_secs: target.connect_timeout,
            timeout_secs: target.timeout,
            retries: target.retries,
            concurrency: target.concurrency,
            per_host: target.per_host,
            deadline_secs: target.deadline,
            state_path: target.state.clone(),
            grace_checks: grace.0,
            grace_secs: grace.1,
            store_backend: target.store_dir.as_ref().map(|_| "fs".to_string()),
            store_root: target.store_dir.clone(),
            store_public_url: target.store_public_url.clone(),
            ..Overrides::default()
        };
        let settings = Settings::from_overrides(file.overridden_by(flags), target.allow_private)?;
        let fetcher = Fetcher::new(settings.limits.clone(), settings.gateways.all())
            .map_err(|e| format!("http client: {e}"))?;
        let multiasset = crate::encoding::parse_account(&target.multiasset)?;
        let chain = Chain::connect(&target.url)
            .await
            .map_err(|e| e.to_string())?;
        let state = match (&settings.state_path, target.no_state) {
            (Some(path), false) => Some(State::open(path).map_err(|e| e.to_string())?),
            _ => None,
        };
        let keeper = match &settings.store {
            Some(config) => Some(Keeper::new(Store::open(config)?)?),
            None => None,
        };
        Ok(Session {
            settings,
            fetcher,
            chain,
            multiasset,
            state,
            keeper,
        })
    }

    async fn inspect(&mut self, target: &Target, pending: bool) -> Result<Inspection, String> {
        let selection = select::parse(&target.tokens, target.id_type)?;
        let bar = Bar::new(!target.quiet && !target.json);
        let inspection = check::inspect(
            &self.chain,
            self.multiasset,
            &self.settings,
            &self.fetcher,
            &selection,
            pending,
            self.keeper.as_ref(),
            &bar,
        )
        .await
        .map_err(|e| e.to_string());
        bar.finish();
        let inspection = inspection?;
        if let Some(state) = self.state.as_mut() {
            state
                .record_check(state::now(), &inspection.report)
                .map_err(|e| e.to_string())?;
        }
        Ok(inspection)
    }
}

async fn run_check(args: CheckArgs) -> Result<u8, String> {
    let mut session = Session::open(&args.target, (None, None)).await?;
    let inspection = session.inspect(&args.target, args.pending).await?;
    let report = &inspection.report;
    if args.target.json {
        println!(
            "{}",
            serde_json::to_string_pretty(report).expect("serializable")
        );
    } else {
        print!("{}", report::table(report, args.only_failing));
    }
    Ok(if report.all_ok() {
        EXIT_OK
    } else {
        EXIT_FAILING
    })
}

async fn run_repair(args: RepairArgs) -> Result<u8, String> {
    let options = &args.options;
    let signer = signer(options.suri.as_deref(), options.suri_file.as_deref())?;
    let grace = (options.grace_checks, options.grace_secs);
    let mut session = Session::open(&args.target, grace).await?;
    if args.rules.is_empty() && session.keeper.is_none() {
        return Err(
            "repair needs a new host: --rehost OLD=NEW rules, or a store to re-host from \
             (--store-dir, or store_backend in the config)"
                .into(),
        );
    }
    let inspection = session.inspect(&args.target, true).await?;
    let memory = session.state.as_mut().map(|state| Memory {
        state,
        grace: session.settings.grace,
        force: options.force,
        now: state::now(),
    });
    let repaired = repair::repair(
        &mut session.chain,
        session.multiasset,
        &session.settings,
        &session.fetcher,
        &inspection,
        &args.rules,
        &signer,
        options.dry_run,
        memory,
        session.keeper.as_ref().map(Keeper::store),
    )
    .await
    .map_err(|e| e.to_string())?;
    if args.target.json {
        let document = serde_json::json!({ "check": inspection.report, "repair": repaired });
        println!(
            "{}",
            serde_json::to_string_pretty(&document).expect("serializable")
        );
    } else {
        print!("{}", report::summary(&inspection.report));
        print!("{}", repair::text(&repaired));
    }
    Ok(if repaired.complete() {
        EXIT_OK
    } else {
        EXIT_FAILING
    })
}

/// `mirrorwatch status`: the state database's record of one multi-asset contract.
fn run_status(args: StatusArgs) -> Result<u8, String> {
    let path = args
        .state
        .or_else(state::default_path)
        .ok_or("no state database: --state or MIRRORWATCH_STATE")?;
    if !path.exists() {
        return Err(format!("no state database at {}", path.display()));
    }
    let state = State::open(&path).map_err(|e| e.to_string())?;
    let multiasset = crate::encoding::ss58(&crate::encoding::parse_account(&args.multiasset)?);
    let since = state::now().saturating_sub(args.days * 86_400);
    let record = state::Record::of(&state, &multiasset, since).map_err(|e| e.to_string())?;
    if args.json {
        println!(
            "{}",
            serde_json::to_string_pretty(&record).expect("serializable")
        );
    } else {
        print!("{}", report::status(&record, args.days));
    }
    Ok(EXIT_OK)
}

/// `mirrorwatch watch`: a check (a repair, when there are rules and a key) every interval; each
/// round's exit code as `check`'s or `repair`'s, printed; the last round's is the process's.
async fn run_watch(args: WatchArgs) -> Result<u8, String> {
    let WatchArgs {
        target,
        rules,
        options,
        interval,
        rounds,
    } = args;
    let mut stop = Box::pin(shutdown());
    let mut round = 0u64;
    loop {
        round += 1;
        let started = std::time::Instant::now();
        let result = if rules.is_empty() {
            let check = CheckArgs {
                target: target.clone(),
                pending: false,
                only_failing: true,
            };
            run_check(check).await
        } else {
            let repair = RepairArgs {
                target: target.clone(),
                rules: rules.clone(),
                options: options.clone(),
            };
            run_repair(repair).await
        };
        let code = match result {
            Ok(code) => code,
            Err(message) => {
                eprintln!("mirrorwatch: error: {message}");
                EXIT_ERROR
            }
        };
        eprintln!("mirrorwatch watch: round {round} exited {code}");
        if rounds.is_some_and(|n| round >= n) {
            return Ok(code);
        }
        let wait = std::time::Duration::from_secs(interval).saturating_sub(started.elapsed());
        tokio::select! {
            _ = tokio::time::sleep(wait) => {}
            _ = &mut stop => return Ok(code),
        }
    }
}

/// SIGINT or SIGTERM (what systemd sends to stop a unit).
async fn shutdown() {
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! {
        _ = tokio::signal::ctrl_c() => {}
        _ = terminate => {}
    }
}

/// The signing key, from the flag or environment, else from the file; never printed.
fn signer(suri: Option<&str>, file: Option<&std::path::Path>) -> Result<Keypair, String> {
    let text = match (suri, file) {
        (Some(suri), _) => suri.to_string(),
        (None, Some(path)) => std::fs::read_to_string(path)
            .map_err(|e| format!("--suri-file {}: {e}", path.display()))?
            .trim()
            .to_string(),
        (None, None) => {
            return Err("repair needs a key: --suri, MIRRORWATCH_SURI or --suri-file".into())
        }
    };
    let uri =
        SecretUri::from_str(&text).map_err(|_| "the secret uri does not parse".to_string())?;
    Keypair::from_uri(&uri).map_err(|_| "the secret uri gives no sr25519 key".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn address_of(signer: &Keypair) -> String {
        crate::encoding::ss58(&crate::chain::account_of(signer))
    }

    #[test]
    fn a_key_comes_from_the_flag_or_a_file_and_errors_never_echo_it() {
        let alice = signer(Some("//Alice"), None).unwrap();
        assert_eq!(
            address_of(&alice),
            "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY"
        );
        let path = std::env::temp_dir().join(format!("mirrorwatch-suri-{}", std::process::id()));
        std::fs::write(&path, "//Alice\n").unwrap();
        assert_eq!(
            address_of(&signer(None, Some(&path)).unwrap()),
            address_of(&alice)
        );
        std::fs::remove_file(&path).unwrap();
        let secret = "not a secret uri //word";
        let error = signer(Some(secret), None).err();
        assert_eq!(
            error.as_deref(),
            Some("the secret uri gives no sr25519 key")
        );
        assert_eq!(
            signer(None, None).err().as_deref(),
            Some("repair needs a key: --suri, MIRRORWATCH_SURI or --suri-file")
        );
    }

    #[test]
    fn the_command_line_parses() {
        let cli = Cli::try_parse_from([
            "mirrorwatch",
            "repair",
            "--multiasset",
            "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY",
            "--rehost",
            "https://a/=https://b/",
            "--dry-run",
        ])
        .unwrap();
        assert!(matches!(cli.command,
            Command::Repair(ref r) if r.options.dry_run && r.rules.len() == 1));
        let no_address = Cli::try_parse_from(["mirrorwatch", "repair", "--rehost", "a=b"]);
        assert_eq!(
            no_address.err().map(|e| e.kind()),
            Some(clap::error::ErrorKind::MissingRequiredArgument)
        );
        let store_without_url = Cli::try_parse_from([
            "mirrorwatch",
            "check",
            "--multiasset",
            "x",
            "--store-dir",
            "d",
        ]);
        assert_eq!(
            store_without_url.err().map(|e| e.kind()),
            Some(clap::error::ErrorKind::MissingRequiredArgument)
        );
    }
}
