//! The command line: `mirrorwatch check …` and `mirrorwatch repair …`.
//!
//! Exit codes: 0 when every checked mirror is `ok` (`repair`: when every failing mirror has its
//! replacement pending); 1 when some mirror is not (`repair`: when some could not be repaired);
//! 2 on usage, config and chain errors, and when the contract refuses a call.

use crate::chain::Chain;
use crate::check::{self, Inspection};
use crate::config::{Overrides, Settings};
use crate::fetch::Fetcher;
use crate::repair::{self, Memory, Rule};
use crate::report::{self, Bar};
use crate::select::{self, IdType};
use crate::state::{self, State};
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
}

#[derive(Debug, Args)]
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

#[derive(Debug, Args)]
pub struct RepairArgs {
    #[command(flatten)]
    pub target: Target,
    /// OLD-PREFIX=NEW-PREFIX: a failing mirror whose uri starts with OLD-PREFIX moves there.
    #[arg(long = "rehost", required = true)]
    pub rules: Vec<Rule>,
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
        Ok(Session {
            settings,
            fetcher,
            chain,
            multiasset,
            state,
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
    let signer = signer(args.suri.as_deref(), args.suri_file.as_deref())?;
    let grace = (args.grace_checks, args.grace_secs);
    let mut session = Session::open(&args.target, grace).await?;
    let inspection = session.inspect(&args.target, true).await?;
    let memory = session.state.as_mut().map(|state| Memory {
        state,
        grace: session.settings.grace,
        force: args.force,
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
        args.dry_run,
        memory,
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
        assert!(matches!(cli.command, Command::Repair(ref r) if r.dry_run && r.rules.len() == 1));
        let no_rule = Cli::try_parse_from(["mirrorwatch", "repair", "--multiasset", "x"]);
        assert_eq!(
            no_rule.err().map(|e| e.kind()),
            Some(clap::error::ErrorKind::MissingRequiredArgument)
        );
    }
}
