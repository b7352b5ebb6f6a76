//! A templated entry's `SHA256SUMS`: `<sha256 hex>  <file name>` per line, as coreutils
//! `sha256sum` prints it (`*` before the name in binary mode).

use crate::encoding::parse_hex32;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// The longest line kept whole while a manifest streams in: a hash, two separators and a file
/// name of up to 255 bytes fit many times over; a longer line is malformed, and is skipped
/// without being held.
pub const MAX_LINE_BYTES: usize = 4096;

/// The lines of a `SHA256SUMS` that parse and were asked for, by file name.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Manifest {
    hashes: HashMap<String, [u8; 32]>,
    /// Lines that parse, asked for or not.
    pub listed: usize,
    /// Lines that are neither empty nor `<hex>  <name>`.
    pub malformed: usize,
    /// The whole manifest's sha256, once checked against the chain.
    pub sha256: Option<[u8; 32]>,
}

impl Manifest {
    /// Every line of `text` (a manifest read whole; tests and small files).
    pub fn parse(text: &str) -> Manifest {
        let mut reader = Reader::new(None);
        reader.feed(text.as_bytes());
        reader.finish()
    }

    /// The sha256 the manifest lists for `name`.
    pub fn hash_of(&self, name: &str) -> Option<[u8; 32]> {
        self.hashes.get(name).copied()
    }

    /// How many lines were kept.
    pub fn len(&self) -> usize {
        self.hashes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.hashes.is_empty()
    }
}

/// Reads a `SHA256SUMS` as it streams in, keeping only the lines of the `wanted` file names
/// (every line when `None`): a manifest of a million files costs the memory of the lines a run
/// needs and of one line, not its size.
#[derive(Debug)]
pub struct Reader {
    wanted: Option<Arc<HashSet<String>>>,
    line: Vec<u8>,
    overlong: bool,
    manifest: Manifest,
}

impl Reader {
    pub fn new(wanted: Option<Arc<HashSet<String>>>) -> Reader {
        Reader {
            wanted,
            line: Vec::new(),
            overlong: false,
            manifest: Manifest::default(),
        }
    }

    /// The next bytes of the manifest.
    pub fn feed(&mut self, mut bytes: &[u8]) {
        while !bytes.is_empty() {
            let (part, rest, ended) = match bytes.iter().position(|b| *b == b'\n') {
                Some(at) => (&bytes[..at], &bytes[at + 1..], true),
                None => (bytes, &bytes[bytes.len()..], false),
            };
            if self.line.len() + part.len() > MAX_LINE_BYTES {
                self.overlong = true;
                self.line.clear();
            } else if !self.overlong {
                self.line.extend_from_slice(part);
            }
            if ended {
                self.end_line();
            }
            bytes = rest;
        }
    }

    /// The manifest, once every byte was fed.
    pub fn finish(mut self) -> Manifest {
        if !self.line.is_empty() || self.overlong {
            self.end_line();
        }
        self.manifest
    }

    fn end_line(&mut self) {
        let line = std::mem::take(&mut self.line);
        if std::mem::take(&mut self.overlong) {
            self.manifest.malformed += 1;
            return;
        }
        let text = String::from_utf8_lossy(&line);
        let text = text.trim_end_matches('\r');
        if text.trim().is_empty() {
            return;
        }
        match parse_line(text) {
            Some((hash, name)) => {
                self.manifest.listed += 1;
                if self.wanted.as_ref().is_none_or(|w| w.contains(name)) {
                    self.manifest.hashes.insert(name.to_owned(), hash);
                }
            }
            None => self.manifest.malformed += 1,
        }
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
    fn a_streamed_manifest_keeps_only_the_wanted_lines_and_counts_the_rest() {
        let wanted = Arc::new(HashSet::from(["2.json".to_string()]));
        let mut reader = Reader::new(Some(wanted));
        let text = format!("{A}  1.json\r\n{B}  2.json\nnot a line\n{A}  3.json");
        // Fed in pieces that split lines and the CRLF.
        for piece in text.as_bytes().chunks(7) {
            reader.feed(piece);
        }
        let manifest = reader.finish();
        assert_eq!(manifest.hash_of("2.json"), parse_hex32(B));
        assert_eq!(manifest.hash_of("1.json"), None);
        assert_eq!(
            (manifest.len(), manifest.listed, manifest.malformed),
            (1, 3, 1)
        );
    }

    #[test]
    fn a_line_longer_than_the_bound_is_malformed_and_not_held() {
        let mut reader = Reader::new(None);
        reader.feed(&vec![b'a'; MAX_LINE_BYTES + 1]);
        assert!(reader.line.is_empty());
        reader.feed(format!("\n{A}  1.json\n").as_bytes());
        let manifest = reader.finish();
        assert_eq!((manifest.len(), manifest.malformed), (1, 1));
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
