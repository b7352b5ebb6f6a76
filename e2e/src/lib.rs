//! Helpers shared by the suite's end-to-end tests (`tests/`, behind the `e2e-tests` feature) and
//! by anyone scripting the backup story: the mirror set of one file and its sha256, and the
//! templated mirror set of a whole collection with its `SHA256SUMS` manifest.

use sha2::{Digest, Sha256};

#[cfg(feature = "deploy")]
pub mod deploy;
pub mod indexer;

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

/// The `SHA256SUMS` manifest of `files` (name, content), exactly as coreutils `sha256sum` prints
/// it (`<sha256 hex>  <name>`, one line each), so `sha256sum -c SHA256SUMS` checks a download.
/// A templated catalog entry records the sha256 of this text (see `multiasset::template`).
pub fn sha256sums<'a>(files: impl IntoIterator<Item = (&'a str, &'a [u8])>) -> String {
    files
        .into_iter()
        .map(|(name, content)| format!("{}  {name}\n", hex(&content_hash(content))))
        .collect()
}

/// One templated entry per protocol for the files of directory `dir` (`dir/{id}.json` on https,
/// ipfs, ar and sia), each recording the sha256 of the directory's `manifest` (its
/// `SHA256SUMS`): the mirror set of a whole collection in four catalog entries.
pub fn template_mirror_set(
    https_host: &str,
    dir: &str,
    manifest: &str,
) -> Vec<(String, Option<[u8; 32]>)> {
    let hash = Some(content_hash(manifest.as_bytes()));
    [
        format!("https://{https_host}/{dir}/{{id}}.json"),
        format!(
            "ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi/{dir}/{{id}}.json"
        ),
        format!("ar://Yx8pNnQ4Hrv1qvS0xb7W4qQ3LWUj3bqvW9hAvT9d7mU/{dir}/{{id}}.json"),
        format!("sia://AACDtzKgq1oqzDpLGuS2jbSXTdCtVtW3IMwlBdKGQC9Dhw/{dir}/{{id}}.json"),
    ]
    .into_iter()
    .map(|uri| (uri, hash))
    .collect()
}

/// Lowercase hex of `bytes`.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256sums_prints_what_coreutils_sha256sum_prints() {
        let dir = std::env::temp_dir().join(format!("sha256sums-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let files: [(&str, &[u8]); 2] = [("1.json", b"{\"name\":\"one\"}"), ("2.json", b"")];
        for (name, content) in files {
            std::fs::write(dir.join(name), content).unwrap();
        }
        let coreutils = std::process::Command::new("sha256sum")
            .args(["1.json", "2.json"])
            .current_dir(&dir)
            .output()
            .expect("coreutils sha256sum runs");
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(
            sha256sums(files),
            String::from_utf8(coreutils.stdout).unwrap()
        );
    }

    #[test]
    fn template_mirror_set_has_one_template_per_protocol_hashing_the_manifest() {
        let manifest = sha256sums([("1.json", b"x".as_slice())]);
        let set = template_mirror_set("cdn.example.org", "meta", &manifest);
        assert_eq!(set[0].0, "https://cdn.example.org/meta/{id}.json");
        assert!(set
            .iter()
            .all(|(uri, hash)| uri.ends_with("/meta/{id}.json")
                && *hash == Some(content_hash(manifest.as_bytes()))));
    }

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
