//! Printing: a table for people, one JSON document for machines, and the progress bar.

use crate::check::{Progress, Report};
use crate::encoding::printable;
use crate::status::{Health, Status};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::fmt::Write;

/// The table of `report`: one line per mirror (only failing ones if `only_failing`), then the
/// totals.
pub fn table(report: &Report, only_failing: bool) -> String {
    let mut rows: Vec<[String; 6]> = Vec::new();
    for token in &report.tokens {
        if token.mirrors.is_empty() && !only_failing {
            rows.push([
                token.token.clone(),
                token.health.name().into(),
                "-".into(),
                String::new(),
                String::new(),
                "no active asset".into(),
            ]);
        }
        for mirror in &token.mirrors {
            if only_failing && mirror.status.is_ok() {
                continue;
            }
            let asset = match (mirror.pending, mirror.replaces) {
                (true, Some(old)) => format!("#{} pending, replaces #{old}", mirror.asset_id),
                (true, None) => format!("#{} pending", mirror.asset_id),
                (false, _) => format!("#{}", mirror.asset_id),
            };
            rows.push([
                token.token.clone(),
                token.health.name().into(),
                asset,
                mirror.status.name().into(),
                printable(&mirror.uri),
                printable(&mirror.detail),
            ]);
        }
    }
    if rows.is_empty() {
        return format!("no failing mirror\n\n{}", summary(report));
    }
    let header = ["TOKEN", "HEALTH", "ASSET", "STATUS", "URI", "DETAIL"].map(String::from);
    let mut widths = header.clone().map(|h| h.len());
    for row in &rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let mut out = String::new();
    for row in std::iter::once(&header).chain(&rows) {
        let mut line = String::new();
        for (i, cell) in row.iter().enumerate() {
            if i + 1 == row.len() {
                line.push_str(cell);
            } else {
                let _ = write!(line, "{cell:<width$}  ", width = widths[i]);
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out.push('\n');
    out.push_str(&summary(report));
    out
}

/// The totals: tokens by health, mirrors by status, where the time went.
pub fn summary(report: &Report) -> String {
    let tokens: usize = report.health.values().sum();
    let healths = [Health::Ok, Health::Degraded, Health::Lost, Health::Empty]
        .iter()
        .map(|h| format!("{} {}", h.name(), report.health.get(h.name()).unwrap_or(&0)))
        .collect::<Vec<_>>()
        .join(", ");
    let mirrors: usize = report.mirrors.values().sum();
    let statuses = Status::ALL
        .iter()
        .filter_map(|s| report.mirrors.get(s).map(|n| format!("{s} {n}")))
        .collect::<Vec<_>>()
        .join(", ");
    let t = &report.timings;
    let lapsed = match report.lapsed_pending {
        0 => String::new(),
        n => format!(
            "left out {n} pending proposal{} of keys whose grant no longer counts (no owner \
             can accept them)\n",
            if n == 1 { "" } else { "s" }
        ),
    };
    let stored = match &report.stored {
        None => String::new(),
        Some(s) => format!(
            "stored {} new verified cop{}{}\n",
            s.written,
            if s.written == 1 { "y" } else { "ies" },
            match (&s.first_failure, s.failed) {
                (Some(first), n) => format!(
                    "; the store failed {n} time(s), first: {}",
                    crate::encoding::printable(first)
                ),
                (None, _) => String::new(),
            }
        ),
    };
    format!(
        "tokens: {tokens} ({healths})\nmirrors: {mirrors} ({statuses})\n{lapsed}{stored}\
         read {} queries in {:.2} s, fetched with {} requests in {:.2} s, at block {}\n",
        t.chain_queries, t.chain_seconds, t.http_requests, t.fetch_seconds, report.block
    )
}

/// `mirrorwatch status` as text: hosts' uptime over `days`, what fails since when, and the
/// proposals with what became of them. Times are UTC.
pub fn status(record: &crate::state::Record, days: u64) -> String {
    use crate::encoding::printable;
    let when = |t: Option<u64>| t.map_or("never".to_string(), utc);
    let mut out = format!(
        "{}: last check {}\n\nhosts over {days} day(s):\n",
        record.multiasset,
        when(record.last_check)
    );
    for h in &record.hosts {
        let uptime = if h.checked == 0 {
            0.0
        } else {
            100.0 * h.ok as f64 / h.checked as f64
        };
        out.push_str(&format!(
            "  {:<40} {:>6.1} % ok of {:>6} checks, last failure {}\n",
            printable(&h.host),
            uptime,
            h.checked,
            when(h.last_failure)
        ));
    }
    out.push_str("\nfailing now:\n");
    if record.failing.is_empty() {
        out.push_str("  nothing\n");
    }
    for f in &record.failing {
        out.push_str(&format!(
            "  token {} #{} on {}: {} in {} check(s) since {}\n",
            printable(&f.token),
            f.asset_id,
            printable(&f.host),
            f.status,
            f.streak.checks,
            when(f.streak.since)
        ));
    }
    out.push_str("\nproposals (newest first):\n");
    if record.proposals.is_empty() {
        out.push_str("  none\n");
    }
    for p in &record.proposals {
        let outcome = serde_json::to_value(p.outcome)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        out.push_str(&format!(
            "  {} {} #{} in place of #{} ({}): {outcome}{}\n",
            utc(p.at),
            p.token
                .as_deref()
                .map_or("every token".to_string(), |t| format!(
                    "token {}",
                    printable(t)
                )),
            p.asset_id,
            p.replaces,
            printable(&p.uri),
            p.decided_at
                .map_or(String::new(), |t| format!(" (seen {})", utc(t)))
        ));
    }
    out
}

/// `unix` seconds as `YYYY-MM-DD HH:MM:SS UTC` (days from the civil calendar algorithm).
pub fn utc(unix: u64) -> String {
    let (days, rest) = ((unix / 86_400) as i64, unix % 86_400);
    // Howard Hinnant's days-to-civil.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02}:{:02} UTC",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

/// The progress bar on standard error, shown only on a terminal.
pub struct Bar(ProgressBar);

impl Bar {
    pub fn new(visible: bool) -> Bar {
        let target = if visible && std::io::IsTerminal::is_terminal(&std::io::stderr()) {
            ProgressDrawTarget::stderr()
        } else {
            ProgressDrawTarget::hidden()
        };
        let bar = ProgressBar::with_draw_target(Some(0), target);
        bar.set_style(
            ProgressStyle::with_template("{msg:>20} [{bar:30}] {pos}/{len} ({elapsed})")
                .expect("a valid template")
                .progress_chars("=> "),
        );
        Bar(bar)
    }

    pub fn finish(&self) {
        self.0.finish_and_clear();
    }
}

impl Progress for Bar {
    fn phase(&self, name: &str, total: u64) {
        self.0.set_message(name.to_string());
        self.0.set_length(total);
        self.0.set_position(0);
    }

    fn advance(&self) {
        self.0.inc(1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{MirrorReport, TokenReport};

    #[test]
    fn unix_times_print_as_utc_dates() {
        assert_eq!(utc(0), "1970-01-01 00:00:00 UTC");
        assert_eq!(utc(951_782_400), "2000-02-29 00:00:00 UTC");
        assert_eq!(utc(1_796_342_399), "2026-12-03 23:59:59 UTC");
    }

    #[test]
    fn a_uri_from_the_chain_cannot_forge_a_line_of_the_table() {
        let forged = "https://h/1.json\n1      ok      #9     ok           https://fake/\u{1b}[2K";
        let report = Report {
            multiasset: "5F…".into(),
            block: "0x00".into(),
            tokens: vec![TokenReport {
                token: "1".into(),
                health: Health::Lost,
                mirrors: vec![MirrorReport {
                    asset_id: 1,
                    priority: Some(0),
                    pending: false,
                    replaces: None,
                    uri: forged.into(),
                    template: None,
                    status: Status::Missing,
                    detail: "HTTP 404".into(),
                    via: String::new(),
                }],
            }],
            mirrors: Default::default(),
            health: Default::default(),
            lapsed_pending: 0,
            stored: None,
            timings: Default::default(),
        };
        let table = table(&report, false);
        let rows: Vec<&str> = table.lines().take_while(|l| !l.is_empty()).collect();
        assert_eq!(rows.len(), 2, "{table}");
        assert!(rows[1].contains("https://h/1.json\\u{a}1"), "{table}");
        assert!(!table.contains('\u{1b}'), "{table}");
    }
}
