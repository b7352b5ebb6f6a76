//! A templated entry's `SHA256SUMS`: `<sha256 hex>  <file name>` per line, as coreutils
//! `sha256sum` prints it (`*` before the name in binary mode).

use crate::encoding::parse_hex32;
use std::collections::HashMap;

/// The lines of a `SHA256SUMS` that parse, by file name.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Manifest {
    hashes: HashMap<String, [u8; 32]>,
    /// Lines that are neither empty nor `<hex>  <name>`.
    pub malformed: usize,
}

impl Manifest {
    pub fn parse(text: &str) -> Manifest {
        let mut manifest = Manifest::default();
        for line in text.lines() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() {
                continue;
            }
            match parse_line(line) {
                Some((hash, name)) => {
                    manifest.hashes.insert(name.to_owned(), hash);
                }
                None => manifest.malformed += 1,
            }
        }
        manifest
    }

    /// The sha256 the manifest lists for `name`.
    pub fn hash_of(&self, name: &str) -> Option<[u8; 32]> {
        self.hashes.get(name).copied()
    }

    pub fn len(&self) -> usize {
        self.hashes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.hashes.is_empty()
    }
}

fn parse_line(line: &str) -> Option<([u8; 32], &str)> {
    let (hex, rest) = line.split_at_checked(64)?;
    let name = rest
        .strip_prefix("  ")
        .or_else(|| rest.strip_prefix(" *"))?;
    if name.is_empty() {
        return None;
    }
    Some((parse_hex32(hex)?, name))
}

/// The file name a templated uri resolves to for a token: its last path segment.
pub fn file_name(uri: &str) -> &str {
    let path = uri.split(['?', '#']).next().unwrap_or(uri);
    path.rsplit('/').next().unwrap_or(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: &str = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    const B: &str = "60303AE22B998861BCE3B28F33EEC1BE758A213C86C93C076DBE9F558C11C752";

    #[test]
    fn parses_what_sha256sum_prints_in_text_and_binary_mode() {
        let manifest = Manifest::parse(&format!("{A}  1.json\n{B} *2.json\n"));
        assert_eq!(manifest.hash_of("1.json"), parse_hex32(A));
        assert_eq!(manifest.hash_of("2.json"), parse_hex32(B));
        assert_eq!((manifest.len(), manifest.malformed), (2, 0));
    }

    #[test]
    fn counts_malformed_lines_and_skips_blank_ones() {
        let manifest = Manifest::parse(&format!("\n{A} 1.json\nnot a line\n{A}  \r\n{B}  ok\r\n"));
        assert_eq!(manifest.len(), 1);
        assert_eq!(manifest.malformed, 3);
    }

    #[test]
    fn an_unlisted_file_has_no_hash() {
        assert_eq!(
            Manifest::parse(&format!("{A}  1.json\n")).hash_of("3.json"),
            None
        );
    }

    #[test]
    fn a_files_name_is_its_last_path_segment() {
        assert_eq!(file_name("https://h/dir/42.json"), "42.json");
        assert_eq!(file_name("ipfs://cid/dir/ab01.json?x=/y"), "ab01.json");
    }
}
