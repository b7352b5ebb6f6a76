//! Helpers shared by the suite's end-to-end tests (`tests/`, behind the `e2e-tests` feature) and
//! by anyone scripting the backup story: the mirror set of one file and its sha256.

use sha2::{Digest, Sha256};

/// The sha256 of `content`: what a catalog entry records and what a reader recomputes.
pub fn content_hash(content: &[u8]) -> [u8; 32] {
    Sha256::digest(content).into()
}

/// The same file on four protocols, each with the file's sha256: no single host to lose.
pub fn mirror_set(path: &str, content: &[u8]) -> Vec<(String, Option<[u8; 32]>)> {
    let hash = Some(content_hash(content));
    [
        format!("https://cdn.example.org/{path}"),
        format!("ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi/{path}"),
        format!("ar://Yx8pNnQ4Hrv1qvS0xb7W4qQ3LWUj3bqvW9hAvT9d7mU/{path}"),
        format!("sia://AACDtzKgq1oqzDpLGuS2jbSXTdCtVtW3IMwlBdKGQC9Dhw/{path}"),
    ]
    .into_iter()
    .map(|uri| (uri, hash))
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mirror_set_covers_four_protocols_with_one_hash() {
        let set = mirror_set("cat.json", b"{\"name\":\"cat\"}");
        let schemes: Vec<&str> = set
            .iter()
            .map(|(u, _)| u.split(':').next().unwrap())
            .collect();
        assert_eq!(schemes, vec!["https", "ipfs", "ar", "sia"]);
        assert!(set
            .iter()
            .all(|(_, h)| *h == Some(content_hash(b"{\"name\":\"cat\"}"))));
    }

    #[test]
    fn content_hash_is_sha256() {
        assert_eq!(
            content_hash(b"abc")[..4],
            [0xba, 0x78, 0x16, 0xbf],
            "sha256(\"abc\") starts ba7816bf"
        );
    }
}
