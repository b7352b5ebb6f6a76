//! mirrorwatch's memory: a SQLite database of what each check saw (every mirror's status) and
//! what each repair proposed and what became of it, so that a run knows how long a mirror has
//! been failing (the grace rule of [`Grace`]), does not propose again what an owner rejected,
//! and `mirrorwatch status` can say per host and per token what happened.
//!
//! The file is `--state PATH` (or `MIRRORWATCH_STATE`, or `state_path` in the config), by default
//! `$XDG_DATA_HOME/mirrorwatch/state.sqlite3` (`~/.local/share/…`). Rows are keyed by the
//! multi-asset contract, so one file serves many collections.

use crate::check::Report;
use crate::status::Status;
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use std::path::{Path, PathBuf};

/// Why the state database could not be used.
#[derive(Debug)]
pub struct StateError(pub String);

impl std::fmt::Display for StateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "state database: {}", self.0)
    }
}

impl std::error::Error for StateError {}

impl From<rusqlite::Error> for StateError {
    fn from(error: rusqlite::Error) -> Self {
        StateError(error.to_string())
    }
}

/// The database file when none is named: under the user's data directory.
pub fn default_path() -> Option<PathBuf> {
    let data = std::env::var_os("XDG_DATA_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share")))?;
    Some(data.join("mirrorwatch").join("state.sqlite3"))
}

/// How long a mirror must have failed before `repair` replaces it: in `checks` consecutive
/// checks spanning at least `seconds`. A `mismatch` (a rug) is repaired at once: a host that
/// swapped the file is not having a bad night.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Grace {
    pub checks: u32,
    pub seconds: u64,
}

/// Three checks over at least six hours: a nightly cron repairs a dead host after its third
/// night, an hourly one after six hours.
pub const DEFAULT_GRACE: Grace = Grace {
    checks: 3,
    seconds: 6 * 3600,
};

/// How long one mirror of one token has been failing, up to the newest check.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Streak {
    /// Consecutive checks that found it failing (0: the newest found it `ok`, or none saw it).
    pub checks: u32,
    /// When the first of them ran (unix seconds).
    pub since: Option<u64>,
}

impl Grace {
    /// Whether a mirror failing as `streak` says, with `status` now, may be repaired at `now`.
    pub fn allows(&self, status: Status, streak: Streak, now: u64) -> bool {
        status == Status::Mismatch
            || (streak.checks >= self.checks
                && streak
                    .since
                    .is_some_and(|since| now.saturating_sub(since) >= self.seconds))
    }
}

/// What became of a proposal `repair` made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    /// Waiting for the owner (or, collection-wide, open).
    Pending,
    /// The new entry is active on the token.
    Accepted,
    /// Neither pending nor active: the owner rejected it (collection-wide: withdrawn).
    Rejected,
}

impl Outcome {
    fn name(self) -> &'static str {
        match self {
            Outcome::Pending => "pending",
            Outcome::Accepted => "accepted",
            Outcome::Rejected => "rejected",
        }
    }

    fn parse(text: &str) -> Outcome {
        match text {
            "accepted" => Outcome::Accepted,
            "rejected" => Outcome::Rejected,
            _ => Outcome::Pending,
        }
    }
}

/// One proposal `repair` made, as remembered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Proposal {
    pub at: u64,
    /// The token, or `None` for a collection-wide proposal.
    pub token: Option<String>,
    pub replaces: u64,
    pub asset_id: u64,
    pub uri: String,
    pub outcome: Outcome,
    /// When its outcome was last seen to change (unix seconds).
    pub decided_at: Option<u64>,
}

/// One host's record over a period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HostRecord {
    pub host: String,
    /// Mirror checks on this host, and how many of them were `ok`.
    pub checked: u64,
    pub ok: u64,
    /// The newest check that found a mirror on it failing, if any.
    pub last_failure: Option<u64>,
}

/// One mirror the newest check found failing, and since when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Failing {
    pub token: String,
    pub asset_id: u64,
    pub host: String,
    pub status: String,
    /// How long it has failed (consecutive checks, and the first of them).
    pub streak: Streak,
}

/// What `mirrorwatch status` shows of one multi-asset contract.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Record {
    pub multiasset: String,
    /// When the newest check ran (unix seconds).
    pub last_check: Option<u64>,
    /// Each host's checks over the period.
    pub hosts: Vec<HostRecord>,
    /// What the newest check found failing, since when.
    pub failing: Vec<Failing>,
    /// Every proposal made, the newest first: what waits for owners is `pending`.
    pub proposals: Vec<Proposal>,
}

impl Record {
    /// `multiasset`'s record in `state`, hosts counted since `since` (unix seconds).
    pub fn of(state: &State, multiasset: &str, since: u64) -> Result<Record, StateError> {
        Ok(Record {
            multiasset: multiasset.to_string(),
            last_check: state.last_check(multiasset)?,
            hosts: state.hosts(multiasset, since)?,
            failing: state.failing(multiasset)?,
            proposals: state.proposals(multiasset)?,
        })
    }
}

/// The state database.
pub struct State {
    connection: Connection,
}

impl State {
    /// Opens (creating if need be) the database at `path`, and its tables.
    pub fn open(path: &Path) -> Result<State, StateError> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent)
                .map_err(|e| StateError(format!("{}: {e}", parent.display())))?;
        }
        let connection = Connection::open(path)?;
        connection.execute_batch(
            "PRAGMA journal_mode = WAL;
             PRAGMA busy_timeout = 5000;
             CREATE TABLE IF NOT EXISTS checks (
                 id INTEGER PRIMARY KEY,
                 at INTEGER NOT NULL,
                 multiasset TEXT NOT NULL,
                 block TEXT NOT NULL
             );
             CREATE TABLE IF NOT EXISTS mirrors (
                 check_id INTEGER NOT NULL REFERENCES checks(id),
                 token TEXT NOT NULL,
                 asset_id INTEGER NOT NULL,
                 pending INTEGER NOT NULL,
                 host TEXT NOT NULL,
                 status TEXT NOT NULL
             );
             CREATE INDEX IF NOT EXISTS mirrors_of ON mirrors (token, asset_id, check_id);
             CREATE TABLE IF NOT EXISTS proposals (
                 id INTEGER PRIMARY KEY,
                 at INTEGER NOT NULL,
                 multiasset TEXT NOT NULL,
                 token TEXT,
                 replaces INTEGER NOT NULL,
                 asset_id INTEGER NOT NULL,
                 uri TEXT NOT NULL,
                 outcome TEXT NOT NULL,
                 decided_at INTEGER
             );",
        )?;
        Ok(State { connection })
    }

    /// Records what a check at `at` (unix seconds) found: every mirror of `report`.
    pub fn record_check(&mut self, at: u64, report: &Report) -> Result<(), StateError> {
        let tx = self.connection.transaction()?;
        tx.execute(
            "INSERT INTO checks (at, multiasset, block) VALUES (?1, ?2, ?3)",
            params![at as i64, report.multiasset, report.block],
        )?;
        let check = tx.last_insert_rowid();
        {
            let mut insert = tx.prepare(
                "INSERT INTO mirrors (check_id, token, asset_id, pending, host, status)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?;
            for token in &report.tokens {
                for mirror in &token.mirrors {
                    insert.execute(params![
                        check,
                        token.token,
                        mirror.asset_id as i64,
                        mirror.pending,
                        host_of(&mirror.uri),
                        mirror.status.to_string(),
                    ])?;
                }
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// How long active mirror `asset_id` of `token` has been failing, by the checks of
    /// `multiasset` recorded so far (the newest first).
    pub fn streak(
        &self,
        multiasset: &str,
        token: &str,
        asset_id: u64,
    ) -> Result<Streak, StateError> {
        let mut query = self.connection.prepare_cached(
            "SELECT c.at, m.status FROM mirrors m JOIN checks c ON c.id = m.check_id
             WHERE c.multiasset = ?1 AND m.token = ?2 AND m.asset_id = ?3 AND m.pending = 0
             ORDER BY c.id DESC",
        )?;
        let mut rows = query.query(params![multiasset, token, asset_id as i64])?;
        let mut streak = Streak {
            checks: 0,
            since: None,
        };
        while let Some(row) = rows.next()? {
            let (at, status): (i64, String) = (row.get(0)?, row.get(1)?);
            if status == Status::Ok.to_string() {
                break;
            }
            streak.checks += 1;
            streak.since = Some(at as u64);
        }
        Ok(streak)
    }

    /// Remembers a proposal `repair` made at `at`.
    pub fn record_proposal(
        &mut self,
        multiasset: &str,
        at: u64,
        proposal: &Proposal,
    ) -> Result<(), StateError> {
        self.connection.execute(
            "INSERT INTO proposals (at, multiasset, token, replaces, asset_id, uri, outcome)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'pending')",
            params![
                at as i64,
                multiasset,
                proposal.token,
                proposal.replaces as i64,
                proposal.asset_id as i64,
                proposal.uri
            ],
        )?;
        Ok(())
    }

    /// Every proposal made for `multiasset`, the newest first.
    pub fn proposals(&self, multiasset: &str) -> Result<Vec<Proposal>, StateError> {
        let mut query = self.connection.prepare_cached(
            "SELECT at, token, replaces, asset_id, uri, outcome, decided_at FROM proposals
             WHERE multiasset = ?1 ORDER BY id DESC",
        )?;
        let rows = query.query_map(params![multiasset], |row| {
            Ok(Proposal {
                at: row.get::<_, i64>(0)? as u64,
                token: row.get(1)?,
                replaces: row.get::<_, i64>(2)? as u64,
                asset_id: row.get::<_, i64>(3)? as u64,
                uri: row.get(4)?,
                outcome: Outcome::parse(&row.get::<_, String>(5)?),
                decided_at: row.get::<_, Option<i64>>(6)?.map(|t| t as u64),
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Sets what became of the proposals of `asset_id` in `replaces`'s place on `token`
    /// (`None`: collection-wide) that were still pending, at `at`.
    pub fn decide(
        &mut self,
        multiasset: &str,
        token: Option<&str>,
        (replaces, asset_id): (u64, u64),
        outcome: Outcome,
        at: u64,
    ) -> Result<(), StateError> {
        if outcome == Outcome::Pending {
            return Ok(());
        }
        self.connection.execute(
            "UPDATE proposals SET outcome = ?1, decided_at = ?2
             WHERE multiasset = ?3 AND token IS ?4 AND replaces = ?5 AND asset_id = ?6
               AND outcome = 'pending'",
            params![
                outcome.name(),
                at as i64,
                multiasset,
                token,
                replaces as i64,
                asset_id as i64
            ],
        )?;
        Ok(())
    }

    /// Whether the owner of `token` (`None`: collection-wide) rejected a proposal of `uri` in
    /// `replaces`'s place.
    pub fn was_rejected(
        &self,
        multiasset: &str,
        token: Option<&str>,
        replaces: u64,
        uri: &str,
    ) -> Result<bool, StateError> {
        let found: Option<i64> = self
            .connection
            .query_row(
                "SELECT 1 FROM proposals WHERE multiasset = ?1 AND token IS ?2 AND replaces = ?3
                 AND uri = ?4 AND outcome = 'rejected' LIMIT 1",
                params![multiasset, token, replaces as i64, uri],
                |row| row.get(0),
            )
            .optional()?;
        Ok(found.is_some())
    }

    /// Each host's record over the checks of `multiasset` since `since` (unix seconds).
    pub fn hosts(&self, multiasset: &str, since: u64) -> Result<Vec<HostRecord>, StateError> {
        let mut query = self.connection.prepare_cached(
            "SELECT m.host, COUNT(*), SUM(m.status = 'ok'),
                    MAX(CASE WHEN m.status != 'ok' THEN c.at END)
             FROM mirrors m JOIN checks c ON c.id = m.check_id
             WHERE c.multiasset = ?1 AND c.at >= ?2 AND m.pending = 0
             GROUP BY m.host ORDER BY m.host",
        )?;
        let rows = query.query_map(params![multiasset, since as i64], |row| {
            Ok(HostRecord {
                host: row.get(0)?,
                checked: row.get::<_, i64>(1)? as u64,
                ok: row.get::<_, i64>(2)? as u64,
                last_failure: row.get::<_, Option<i64>>(3)?.map(|t| t as u64),
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Notes what became of `multiasset`'s pending proposals, by what the chain shows now: on
    /// each of `tokens` (those inspected), a proposal whose entry is active was accepted, one
    /// that is neither active nor pending was rejected; a collection-wide one that is no longer
    /// among the `open` proposals (when known) was closed (withdrawn), noted as rejected.
    pub fn note_outcomes(
        &mut self,
        multiasset: &str,
        tokens: &[crate::check::TokenState],
        open: Option<&[u64]>,
        at: u64,
    ) -> Result<(), StateError> {
        let pending: Vec<Proposal> = self
            .proposals(multiasset)?
            .into_iter()
            .filter(|p| p.outcome == Outcome::Pending)
            .collect();
        for proposal in pending {
            let outcome = match (&proposal.token, open) {
                (Some(token), _) => {
                    let Some(state) = tokens.iter().find(|t| &crate::select::text(&t.id) == token)
                    else {
                        continue;
                    };
                    let has = |list: &[crate::check::Shown]| {
                        list.iter().any(|s| s.asset_id == proposal.asset_id)
                    };
                    if has(&state.active) {
                        Outcome::Accepted
                    } else if has(&state.pending) {
                        Outcome::Pending
                    } else {
                        Outcome::Rejected
                    }
                }
                (None, Some(open)) if !open.contains(&proposal.asset_id) => Outcome::Rejected,
                (None, _) => Outcome::Pending,
            };
            self.decide(
                multiasset,
                proposal.token.as_deref(),
                (proposal.replaces, proposal.asset_id),
                outcome,
                at,
            )?;
        }
        Ok(())
    }

    /// The active mirrors the newest check of `multiasset` found failing, each with its streak.
    pub fn failing(&self, multiasset: &str) -> Result<Vec<Failing>, StateError> {
        let mut query = self.connection.prepare_cached(
            "SELECT m.token, m.asset_id, m.host, m.status FROM mirrors m
             WHERE m.pending = 0 AND m.status != 'ok' AND m.check_id =
               (SELECT MAX(id) FROM checks WHERE multiasset = ?1)
             ORDER BY m.token, m.asset_id",
        )?;
        let rows = query.query_map(params![multiasset], |row| {
            Ok((
                row.get::<_, String>(0)?,
                row.get::<_, i64>(1)? as u64,
                row.get::<_, String>(2)?,
                row.get::<_, String>(3)?,
            ))
        })?;
        let mut failing = Vec::new();
        for row in rows {
            let (token, asset_id, host, status) = row?;
            let streak = self.streak(multiasset, &token, asset_id)?;
            failing.push(Failing {
                token,
                asset_id,
                host,
                status,
                streak,
            });
        }
        Ok(failing)
    }

    /// The newest check of `multiasset`: when it ran.
    pub fn last_check(&self, multiasset: &str) -> Result<Option<u64>, StateError> {
        Ok(self
            .connection
            .query_row(
                "SELECT MAX(at) FROM checks WHERE multiasset = ?1",
                params![multiasset],
                |row| row.get::<_, Option<i64>>(0),
            )?
            .map(|t| t as u64))
    }
}

/// The host a mirror's uri names (its scheme for `ipfs://`, `ar://`, `sia://`, whose host is
/// content, not a server).
pub fn host_of(uri: &str) -> String {
    match url::Url::parse(uri) {
        Ok(url) if matches!(url.scheme(), "http" | "https") => {
            url.host_str().unwrap_or_default().to_string()
        }
        Ok(url) => format!("{}://", url.scheme()),
        Err(_) => String::from("(bad uri)"),
    }
}

/// Now, in unix seconds.
pub fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{MirrorReport, TokenReport};
    use crate::status::Health;

    fn report(statuses: &[(u64, Status)]) -> Report {
        Report {
            multiasset: "5F…".into(),
            block: "0x00".into(),
            tokens: vec![TokenReport {
                token: "1".into(),
                health: Health::Ok,
                mirrors: statuses
                    .iter()
                    .map(|&(asset_id, status)| MirrorReport {
                        asset_id,
                        priority: Some(0),
                        pending: false,
                        replaces: None,
                        uri: format!("https://host{asset_id}.example/1.json"),
                        template: None,
                        status,
                        detail: String::new(),
                        via: String::new(),
                    })
                    .collect(),
            }],
            mirrors: Default::default(),
            health: Default::default(),
            lapsed_pending: 0,
            stored: None,
            timings: Default::default(),
        }
    }

    fn state() -> (State, tempfile_dir::Dir) {
        let dir = tempfile_dir::Dir::new();
        (State::open(&dir.path().join("state.sqlite3")).unwrap(), dir)
    }

    /// A directory removed when dropped (no crate for it: a name under the system's temp dir).
    mod tempfile_dir {
        pub struct Dir(std::path::PathBuf);
        impl Dir {
            pub fn new() -> Dir {
                use std::sync::atomic::{AtomicU32, Ordering};
                static N: AtomicU32 = AtomicU32::new(0);
                let path = std::env::temp_dir().join(format!(
                    "mirrorwatch-state-{}-{}",
                    std::process::id(),
                    N.fetch_add(1, Ordering::Relaxed)
                ));
                std::fs::create_dir_all(&path).unwrap();
                Dir(path)
            }
            pub fn path(&self) -> &std::path::Path {
                &self.0
            }
        }
        impl Drop for Dir {
            fn drop(&mut self) {
                let _ = std::fs::remove_dir_all(&self.0);
            }
        }
    }

    #[test]
    fn a_streak_counts_the_failing_checks_since_the_last_ok_one() {
        let (mut state, _dir) = state();
        state
            .record_check(100, &report(&[(1, Status::Ok)]))
            .unwrap();
        state
            .record_check(200, &report(&[(1, Status::Missing)]))
            .unwrap();
        state
            .record_check(300, &report(&[(1, Status::Timeout)]))
            .unwrap();
        assert_eq!(
            state.streak("5F…", "1", 1).unwrap(),
            Streak {
                checks: 2,
                since: Some(200)
            }
        );
        state
            .record_check(400, &report(&[(1, Status::Ok)]))
            .unwrap();
        assert_eq!(state.streak("5F…", "1", 1).unwrap().checks, 0);
        assert_eq!(state.streak("another", "1", 1).unwrap().checks, 0);
    }

    #[test]
    fn the_grace_rule_waits_for_checks_and_time_but_not_for_a_rug() {
        let grace = Grace {
            checks: 3,
            seconds: 600,
        };
        let streak = |checks, since| Streak {
            checks,
            since: Some(since),
        };
        assert!(!grace.allows(Status::Missing, streak(2, 0), 1000));
        assert!(!grace.allows(Status::Missing, streak(3, 500), 1000));
        assert!(grace.allows(Status::Missing, streak(3, 400), 1000));
        assert!(grace.allows(Status::Mismatch, streak(1, 1000), 1000));
    }

    #[test]
    fn a_rejected_proposal_is_remembered_per_token_and_uri() {
        let (mut state, _dir) = state();
        let proposal = Proposal {
            at: 10,
            token: Some("1".into()),
            replaces: 1,
            asset_id: 5,
            uri: "https://new/1.json".into(),
            outcome: Outcome::Pending,
            decided_at: None,
        };
        state.record_proposal("5F…", 10, &proposal).unwrap();
        assert!(!state
            .was_rejected("5F…", Some("1"), 1, "https://new/1.json")
            .unwrap());
        state
            .decide("5F…", Some("1"), (1, 5), Outcome::Rejected, 20)
            .unwrap();
        assert!(state
            .was_rejected("5F…", Some("1"), 1, "https://new/1.json")
            .unwrap());
        assert!(!state
            .was_rejected("5F…", Some("2"), 1, "https://new/1.json")
            .unwrap());
        let remembered = state.proposals("5F…").unwrap();
        assert_eq!(
            (remembered[0].outcome, remembered[0].decided_at),
            (Outcome::Rejected, Some(20))
        );
    }

    #[test]
    fn hosts_are_summed_over_the_period() {
        let (mut state, _dir) = state();
        state
            .record_check(100, &report(&[(1, Status::Ok), (2, Status::Missing)]))
            .unwrap();
        state
            .record_check(200, &report(&[(1, Status::Ok), (2, Status::Ok)]))
            .unwrap();
        let hosts = state.hosts("5F…", 0).unwrap();
        assert_eq!(
            hosts,
            vec![
                HostRecord {
                    host: "host1.example".into(),
                    checked: 2,
                    ok: 2,
                    last_failure: None
                },
                HostRecord {
                    host: "host2.example".into(),
                    checked: 2,
                    ok: 1,
                    last_failure: Some(100)
                },
            ]
        );
        assert_eq!(state.hosts("5F…", 150).unwrap()[1].checked, 1);
        assert!(state.failing("5F…").unwrap().is_empty());
        state
            .record_check(300, &report(&[(1, Status::Ok), (2, Status::Timeout)]))
            .unwrap();
        let record = Record::of(&state, "5F…", 0).unwrap();
        assert_eq!((record.failing.len(), record.failing[0].asset_id), (1, 2));
        assert_eq!(record.failing[0].streak.since, Some(300));
        assert_eq!(record.last_check, Some(300));
        assert_eq!(host_of("ipfs://bafy/1.json"), "ipfs://");
    }
}
