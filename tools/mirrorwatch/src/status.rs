//! What a mirror and a token are found to be.

use serde::Serialize;

/// What fetching one mirror found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// The host served exactly the bytes whose sha256 the chain records.
    Ok,
    /// Rugged: the host served other bytes than the recorded hash.
    Mismatch,
    /// The host answered 404 or 410.
    Missing,
    /// No answer: connection refused or reset, DNS failure, a server error, too many redirects.
    Unreachable,
    /// No complete answer within the connect or total timeout.
    Timeout,
    /// The content is over the size cap (by its `Content-Length` or by what was streamed).
    TooLarge,
    /// The host serves something, but the entry records no hash (or a templated entry's
    /// `SHA256SUMS` lists no line for the token's file), so nothing proves it.
    NoHash,
    /// The uri cannot be fetched: unknown scheme, malformed, or a refused address.
    BadUri,
}

impl Status {
    /// Every status, in the order reports list them.
    pub const ALL: [Status; 8] = [
        Status::Ok,
        Status::Mismatch,
        Status::Missing,
        Status::Unreachable,
        Status::Timeout,
        Status::TooLarge,
        Status::NoHash,
        Status::BadUri,
    ];

    /// The name used in tables, JSON and logs.
    pub fn name(self) -> &'static str {
        match self {
            Status::Ok => "ok",
            Status::Mismatch => "mismatch",
            Status::Missing => "missing",
            Status::Unreachable => "unreachable",
            Status::Timeout => "timeout",
            Status::TooLarge => "too-large",
            Status::NoHash => "no-hash",
            Status::BadUri => "bad-uri",
        }
    }

    pub fn is_ok(self) -> bool {
        self == Status::Ok
    }

    /// Of two gateways' answers for one mirror, the one that tells more: a served answer
    /// (mismatch, too large, missing) says more about the content than a silent host.
    pub fn telling(self) -> u8 {
        match self {
            Status::Ok => 0,
            Status::Mismatch => 1,
            Status::NoHash => 2,
            Status::TooLarge => 3,
            Status::Missing => 4,
            Status::Timeout => 5,
            Status::Unreachable => 6,
            Status::BadUri => 7,
        }
    }
}

impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// What a token's active mirrors add up to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Health {
    /// Every active mirror is `ok`.
    Ok,
    /// Some active mirrors fail, at least one is `ok`.
    Degraded,
    /// Every active mirror fails: nothing proves what the token shows.
    Lost,
    /// The token has no active asset (nothing to check).
    Empty,
}

impl Health {
    /// The health of a token whose active mirrors have `statuses`.
    pub fn of(statuses: impl IntoIterator<Item = Status>) -> Health {
        let (mut ok, mut failing) = (0usize, 0usize);
        for status in statuses {
            if status.is_ok() {
                ok += 1;
            } else {
                failing += 1;
            }
        }
        match (ok, failing) {
            (0, 0) => Health::Empty,
            (_, 0) => Health::Ok,
            (0, _) => Health::Lost,
            _ => Health::Degraded,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Health::Ok => "ok",
            Health::Degraded => "degraded",
            Health::Lost => "lost",
            Health::Empty => "empty",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_with_every_mirror_ok_is_ok() {
        assert_eq!(Health::of([Status::Ok, Status::Ok]), Health::Ok);
    }

    #[test]
    fn a_token_with_some_mirrors_failing_is_degraded() {
        assert_eq!(
            Health::of([Status::Ok, Status::Mismatch, Status::Timeout]),
            Health::Degraded
        );
    }

    #[test]
    fn a_token_whose_every_mirror_fails_is_lost() {
        assert_eq!(Health::of([Status::Missing, Status::NoHash]), Health::Lost);
    }

    #[test]
    fn a_token_without_active_assets_is_empty() {
        assert_eq!(Health::of([]), Health::Empty);
    }

    #[test]
    fn status_names_are_what_json_prints() {
        for status in Status::ALL {
            assert_eq!(
                serde_json::to_value(status).unwrap(),
                serde_json::Value::String(status.name().into())
            );
        }
    }

    #[test]
    fn a_served_answer_tells_more_than_a_silent_host() {
        assert!(Status::Mismatch.telling() < Status::Unreachable.telling());
        assert!(Status::Missing.telling() < Status::Timeout.telling());
    }
}
