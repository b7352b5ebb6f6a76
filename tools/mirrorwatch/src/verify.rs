//! Verifying a repair's new host before anything is proposed: it must serve exactly the bytes
//! the failing entry records (a templated entry: its `SHA256SUMS` is the recorded one, and every
//! failing token's file matches its line).

use crate::check::{self, Verdict};
use crate::config::Settings;
use crate::fetch::Fetcher;
use crate::repair::{Outcome, Planned, Repair};

/// The `candidates` whose new host serves the recorded bytes; each other one's repair in
/// `repairs` becomes `NewHostFails`, with why.
pub async fn verify(
    fetcher: &Fetcher,
    settings: &Settings,
    repairs: &mut [Repair],
    candidates: Vec<Planned>,
) -> Vec<Planned> {
    let mut verified = Vec::with_capacity(candidates.len());
    for candidate in candidates {
        let verdict = if candidate.templated {
            check::verify_templated(
                fetcher,
                settings,
                &candidate.new_uri,
                candidate.hash,
                &candidate.checked,
            )
            .await
        } else {
            let v =
                check::verify_content(fetcher, settings, &candidate.new_uri, candidate.hash).await;
            if v.status.is_ok() {
                Ok(())
            } else {
                Err(v)
            }
        };
        match verdict {
            Ok(()) => verified.push(candidate),
            Err(Verdict { status, detail, .. }) => {
                let repair = &mut repairs[candidate.index];
                repair.outcome = Outcome::NewHostFails;
                repair.detail = format!("{status}: {detail}");
            }
        }
    }
    verified
}
