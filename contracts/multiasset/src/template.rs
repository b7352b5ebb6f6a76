//! Templated catalog entries: one entry for every token of a collection.
//!
//! A uri may contain [`PLACEHOLDER`] (`{id}`) once, in its last path segment, e.g.
//! `ipfs://bafy…/{id}.json`. The placeholder must follow a `/` that comes after the scheme's
//! `//`, no `/` may follow it, and no `?` or `#` may come before it (in a query or a fragment it
//! would not name a file); anything else is refused with `BadTemplate` when the entry is added. For a token, the placeholder is replaced by its id:
//! - `U8`, `U16`, `U32`, `U64`, `U128`: the number in decimal (`Id::U32(42)` → `42`);
//! - `Bytes`: the bytes in lowercase hex, two digits each (`Id::Bytes(vec![0xab, 1])` → `ab01`).
//!
//! `asset_uri(token_id, asset_id)` and `token_assets` answer the substituted uri; clients apply
//! the same rule.
//!
//! **Integrity.** A templated entry's `content_hash` is the sha256 of a manifest named
//! [`MANIFEST`] (`SHA256SUMS`) in the same directory as the template ([`manifest_uri`]: the uri
//! up to its last `/`). The manifest lists `<sha256 hex>  <file name>`, one line per token file,
//! exactly as coreutils `sha256sum` prints it, so `sha256sum -c SHA256SUMS` verifies a
//! downloaded copy: a reader checks the manifest against the chain, then the token's file
//! against its line. A plain entry's `content_hash` is the sha256 of the content itself.

use ink::prelude::{string::String, vec::Vec};
use multiasset_traits::Id;

/// What a template's uri contains where the token id goes.
pub const PLACEHOLDER: &str = "{id}";
/// The name of a templated entry's manifest, beside the token files.
pub const MANIFEST: &str = "SHA256SUMS";

/// A uri whose `{id}` is not once in its last path segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MisplacedPlaceholder;

/// Where `{id}` is in `uri` (a byte offset), `Ok(None)` for a plain uri, `Err` if it is
/// anywhere but once in the last path segment. Scans bytes: the library's substring search
/// would add kilobytes of code to the contract.
pub fn placeholder(uri: &str) -> Result<Option<usize>, MisplacedPlaceholder> {
    let bytes = uri.as_bytes();
    let pattern = PLACEHOLDER.as_bytes();
    let mut found = None;
    for at in 0..bytes.len().saturating_sub(pattern.len() - 1) {
        if &bytes[at..at + pattern.len()] == pattern {
            if found.is_some() {
                return Err(MisplacedPlaceholder);
            }
            found = Some(at);
        }
    }
    let Some(at) = found else {
        return Ok(None);
    };
    // The path starts after the scheme's "://" (or at the start, for a uri without one).
    let path_start = match position_of(bytes, b"://") {
        Some(scheme_end) => scheme_end + 3,
        None => 0,
    };
    let before = &bytes[path_start.min(at)..at];
    let after = &bytes[at + pattern.len()..];
    // In the query or the fragment, `{id}` would leave every token one file name, one line of
    // the manifest: nothing could be verified per token.
    let in_query = before.iter().any(|b| *b == b'?' || *b == b'#');
    if at < path_start || !before.contains(&b'/') || after.contains(&b'/') || in_query {
        return Err(MisplacedPlaceholder);
    }
    Ok(Some(at))
}

/// The uri of `token_id`'s copy of an entry: `uri` with `{id}` replaced by the token id
/// (decimal for integer ids, lowercase hex for `Bytes`); a plain uri unchanged.
pub fn resolve(uri: String, token_id: &Id) -> String {
    let Ok(Some(at)) = placeholder(&uri) else {
        return uri;
    };
    let mut resolved = Vec::with_capacity(uri.len() + 40);
    resolved.extend_from_slice(&uri.as_bytes()[..at]);
    multiasset_traits::push_token_id(&mut resolved, token_id);
    resolved.extend_from_slice(&uri.as_bytes()[at + PLACEHOLDER.len()..]);
    // Only ASCII digits replaced ASCII bytes of a valid string.
    String::from_utf8(resolved).unwrap_or_default()
}

/// Where a templated entry's manifest is: `uri` up to its last `/`, then [`MANIFEST`].
pub fn manifest_uri(uri: &str) -> String {
    let directory = uri.rfind('/').map_or("", |slash| &uri[..=slash]);
    let mut manifest = String::from(directory);
    manifest.push_str(MANIFEST);
    manifest
}

/// The first offset of `pattern` in `bytes`.
fn position_of(bytes: &[u8], pattern: &[u8]) -> Option<usize> {
    bytes.windows(pattern.len()).position(|w| w == pattern)
}
