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
    format!(
        "tokens: {tokens} ({healths})\nmirrors: {mirrors} ({statuses})\n{lapsed}\
         read {} queries in {:.2} s, fetched with {} requests in {:.2} s, at block {}\n",
        t.chain_queries, t.chain_seconds, t.http_requests, t.fetch_seconds, report.block
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
            timings: Default::default(),
        };
        let table = table(&report, false);
        let rows: Vec<&str> = table.lines().take_while(|l| !l.is_empty()).collect();
        assert_eq!(rows.len(), 2, "{table}");
        assert!(rows[1].contains("https://h/1.json\\u{a}1"), "{table}");
        assert!(!table.contains('\u{1b}'), "{table}");
    }
}
