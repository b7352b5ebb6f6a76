//! How mirrorwatch writes and reads accounts and bytes as text, in one place: SS58 addresses,
//! `0x` hex accounts, lowercase hex digests and hex token ids, and the one conversion between
//! ink!'s `AccountId` and subxt's `AccountId32`.

use ink::primitives::AccountId;
use std::str::FromStr;
use subxt::utils::AccountId32;
use url::Url;

/// Lowercase hex of `bytes`, two digits a byte.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The bytes of `text`, hex digits (either case) two a byte; `None` for an odd count or a
/// non-hex digit.
pub fn parse_hex(text: &str) -> Option<Vec<u8>> {
    if text.len() % 2 != 0 || !text.is_ascii() {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&text[i..i + 2], 16).ok())
        .collect()
}

/// 32 bytes from exactly 64 hex digits (a sha256 digest, an account).
pub fn parse_hex32(text: &str) -> Option<[u8; 32]> {
    parse_hex(text)?.try_into().ok()
}

/// subxt's account type for an ink! account id (the same 32 bytes).
pub fn account32(account: &AccountId) -> AccountId32 {
    AccountId32(*AsRef::<[u8; 32]>::as_ref(account))
}

/// An account as its SS58 address (generic prefix 42).
pub fn ss58(account: &AccountId) -> String {
    account32(account).to_string()
}

/// `location` without the user name and password it may carry (a gateway's credentials), for
/// output; as it is when it does not parse.
pub fn without_credentials(location: &str) -> String {
    match Url::parse(location) {
        Ok(mut url) if url.has_authority() => {
            let _ = url.set_username("");
            let _ = url.set_password(None);
            url.to_string()
        }
        _ => location.to_string(),
    }
}

/// A node's RPC url as mirrorwatch prints it: its origin only, since a provider's API key often
/// sits in its path, query or user info; `…` marks what was left out.
pub fn rpc_shown(url: &str) -> String {
    let Ok(parsed) = Url::parse(url) else {
        return "the --url given (not a url)".to_string();
    };
    let origin = parsed.origin().ascii_serialization();
    let bare = parsed.path().trim_matches('/').is_empty()
        && parsed.query().is_none()
        && parsed.username().is_empty()
        && parsed.password().is_none();
    if bare {
        origin
    } else {
        format!("{origin}/…")
    }
}

/// `text` (a uri from the chain, a host's answer) safe to print on a line: control characters
/// (newlines, terminal escapes, C1 controls) and bidirectional overrides are written as
/// `\u{…}`, so nothing a proposer chose can start a line or rewrite the screen.
pub fn printable(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let bidi = matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
        if c.is_control() || bidi {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

/// An account from its SS58 address or `0x` and 64 hex digits.
pub fn parse_account(text: &str) -> Result<AccountId, String> {
    if let Some(hex) = text.strip_prefix("0x") {
        let bytes = parse_hex32(hex).ok_or(format!("{text:?} is not an account"))?;
        return Ok(AccountId::from(bytes));
    }
    AccountId32::from_str(text)
        .map(|account| AccountId::from(account.0))
        .map_err(|_| format!("{text:?} is not an SS58 address"))
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALICE: &str = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
    const DIGEST: &str = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    #[test]
    fn hex_round_trips_in_lowercase() {
        let bytes = parse_hex32(DIGEST).unwrap();
        assert_eq!(hex(&bytes), DIGEST);
        assert_eq!(parse_hex32(&DIGEST.to_uppercase()), Some(bytes));
    }

    #[test]
    fn hex_refuses_bad_digits_odd_counts_and_wrong_lengths() {
        assert_eq!(parse_hex32(&DIGEST.replace('9', "g")), None);
        assert_eq!(parse_hex32(&DIGEST[..62]), None);
        assert_eq!(parse_hex("abc"), None);
        assert_eq!(parse_hex("ab01"), Some(vec![0xab, 0x01]));
    }

    #[test]
    fn an_account_parses_from_ss58_and_from_hex_and_prints_as_ss58() {
        let alice = parse_account(ALICE).unwrap();
        assert_eq!(ss58(&alice), ALICE);
        let as_hex = format!("0x{}", hex(AsRef::<[u8; 32]>::as_ref(&alice)));
        assert_eq!(parse_account(&as_hex), Ok(alice));
    }

    #[test]
    fn a_truncated_address_or_a_short_hex_is_no_account() {
        assert_eq!(
            parse_account("5Grw"),
            Err("\"5Grw\" is not an SS58 address".to_string())
        );
        assert_eq!(
            parse_account("0xab"),
            Err("\"0xab\" is not an account".to_string())
        );
    }

    #[test]
    fn a_location_is_shown_without_its_credentials() {
        assert_eq!(
            without_credentials("http://renter:s3cret@localhost:9980/api/worker/objects/a.json"),
            "http://localhost:9980/api/worker/objects/a.json"
        );
        assert_eq!(
            without_credentials("https://cdn.example.org/a.json?v=2"),
            "https://cdn.example.org/a.json?v=2"
        );
    }

    #[test]
    fn an_rpc_url_is_shown_as_its_origin_only() {
        assert_eq!(
            rpc_shown("wss://user:pw@rpc.example.org/ws/0123456789abcdef?apikey=s3cret"),
            "wss://rpc.example.org/…"
        );
        assert_eq!(rpc_shown("ws://127.0.0.1:9944"), "ws://127.0.0.1:9944");
        assert_eq!(rpc_shown("not a url s3cret"), "the --url given (not a url)");
    }

    #[test]
    fn control_characters_are_escaped_so_they_cannot_forge_lines() {
        assert_eq!(
            printable("ok\n\u{1b}[2Jforged\r\u{7f}\u{9b}\u{202e}x"),
            "ok\\u{a}\\u{1b}[2Jforged\\u{d}\\u{7f}\\u{9b}\\u{202e}x"
        );
        assert_eq!(
            printable("https://cdn.example.org/ü.json"),
            "https://cdn.example.org/ü.json"
        );
    }
}
