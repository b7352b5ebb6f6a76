//! From a uri recorded on chain to the http(s) locations that serve it.
//!
//! - `https://…` and `http://…`: fetched as they are.
//! - `ipfs://CID/path` (also the legacy `ipfs://ipfs/CID/path`): `<gateway>/ipfs/CID/path` on
//!   each IPFS path gateway, in order.
//! - `ar://TX/path`: `<gateway>/TX/path` on each Arweave gateway.
//! - `sia://path`: `<gateway>/path` on each configured renterd-style gateway (a renterd worker's
//!   object endpoint, e.g. `http://localhost:9980/api/worker/objects`).
//!
//! Anything else is a `bad-uri`.

use url::Url;

/// The gateways a non-http uri is fetched through, in the order they are tried.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gateways {
    pub ipfs: Vec<Url>,
    pub arweave: Vec<Url>,
    pub sia: Vec<Url>,
}

impl Gateways {
    /// Every gateway the operator chose: the private-address rule does not apply to requests
    /// under them (it guards against hosts chosen by whoever got a uri proposed). Only the
    /// gateway itself, its origin and its path: another port or another path of the same machine
    /// is not trusted ([`crate::policy::under_gateway`]).
    pub fn all(&self) -> Vec<Url> {
        self.ipfs
            .iter()
            .chain(&self.arweave)
            .chain(&self.sia)
            .cloned()
            .collect()
    }
}

/// The locations of `uri`, to be tried in order; `Err` says why it cannot be fetched.
pub fn locations(uri: &str, gateways: &Gateways) -> Result<Vec<Url>, String> {
    let (scheme, rest) = uri
        .split_once("://")
        .ok_or_else(|| "no scheme".to_string())?;
    match scheme.to_ascii_lowercase().as_str() {
        "http" | "https" => Url::parse(uri)
            .map(|url| vec![url])
            .map_err(|e| format!("malformed url: {e}")),
        "ipfs" => {
            let path = rest.strip_prefix("ipfs/").unwrap_or(rest);
            through(
                gateways.ipfs.as_slice(),
                &format!("ipfs/{}", content_path(path)?),
                "ipfs",
            )
        }
        "ar" => through(&gateways.arweave, content_path(rest)?, "ar"),
        "sia" => through(&gateways.sia, content_path(rest)?, "sia"),
        other => Err(format!("scheme {other}:// is not fetched")),
    }
}

/// `rest` if it names something (a CID, a transaction, a path), without a leading `/`, and no
/// segment of it is `.` or `..` (as written, percent-encoded, or between backslashes, which
/// http urls treat as slashes): such a path could leave the gateway's own path on its host.
fn content_path(rest: &str) -> Result<&str, String> {
    let path = rest.trim_start_matches('/');
    if path.is_empty() || path.starts_with('?') || path.starts_with('#') {
        return Err("names no content".into());
    }
    let before_query = path.split(['?', '#']).next().unwrap_or(path);
    let dot_segment = before_query.split(['/', '\\']).any(|segment| {
        let decoded = segment.to_ascii_lowercase().replace("%2e", ".");
        decoded == "." || decoded == ".."
    });
    if dot_segment {
        return Err("a path segment is . or .. (it could leave the gateway's path)".into());
    }
    Ok(path)
}

/// `path` on each of `gateways`, in order; a location that is not under its gateway's origin and
/// path is refused.
fn through(gateways: &[Url], path: &str, scheme: &str) -> Result<Vec<Url>, String> {
    if gateways.is_empty() {
        return Err(format!("no {scheme}:// gateway is configured"));
    }
    gateways
        .iter()
        .map(|gateway| {
            let base = gateway.as_str().trim_end_matches('/');
            let url =
                Url::parse(&format!("{base}/{path}")).map_err(|e| format!("malformed url: {e}"))?;
            if !is_under(gateway, &url) {
                return Err(format!("{url} is not under the gateway {gateway}"));
            }
            Ok(url)
        })
        .collect()
}

/// Whether `url` is under `gateway`: the same origin (scheme, host and port) and the gateway's
/// path or a path below it (another path of the gateway's host is another service). The one
/// rule for both building a gateway location ([`locations`]) and trusting one
/// ([`crate::policy::under_gateway`]).
pub fn is_under(gateway: &Url, url: &Url) -> bool {
    let base = gateway.path().trim_end_matches('/');
    url.origin() == gateway.origin()
        && (url.path() == base || url.path().starts_with(&format!("{base}/")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gateways() -> Gateways {
        let urls = |list: &[&str]| list.iter().map(|u| Url::parse(u).unwrap()).collect();
        Gateways {
            ipfs: urls(&["https://ipfs.io", "https://dweb.link/"]),
            arweave: urls(&["https://arweave.net"]),
            sia: urls(&["http://localhost:9980/api/worker/objects"]),
        }
    }

    fn strings(urls: Vec<Url>) -> Vec<String> {
        urls.into_iter().map(String::from).collect()
    }

    #[test]
    fn https_is_fetched_as_it_is() {
        assert_eq!(
            strings(locations("https://cdn.example.org/a/1.json?v=2", &gateways()).unwrap()),
            ["https://cdn.example.org/a/1.json?v=2"]
        );
    }

    #[test]
    fn ipfs_goes_through_every_path_gateway_in_order() {
        assert_eq!(
            strings(locations("ipfs://bafybeig/dir/1.json", &gateways()).unwrap()),
            [
                "https://ipfs.io/ipfs/bafybeig/dir/1.json",
                "https://dweb.link/ipfs/bafybeig/dir/1.json"
            ]
        );
    }

    #[test]
    fn legacy_ipfs_ipfs_form_is_the_same_content() {
        assert_eq!(
            locations("ipfs://ipfs/bafybeig/1.json", &gateways()),
            locations("ipfs://bafybeig/1.json", &gateways())
        );
    }

    #[test]
    fn arweave_goes_through_its_gateway() {
        assert_eq!(
            strings(locations("ar://Yx8pNnQ/1.json", &gateways()).unwrap()),
            ["https://arweave.net/Yx8pNnQ/1.json"]
        );
    }

    #[test]
    fn sia_goes_through_the_renterd_style_gateway() {
        assert_eq!(
            strings(locations("sia://AACD/1.json", &gateways()).unwrap()),
            ["http://localhost:9980/api/worker/objects/AACD/1.json"]
        );
    }

    #[test]
    fn other_schemes_and_empty_paths_are_bad_uris() {
        let refusals = [
            ("ftp://host/file", "scheme ftp:// is not fetched"),
            ("data:text/plain,hi", "no scheme"),
            ("ipfs://", "names no content"),
            ("ar:///", "names no content"),
            ("file:///etc/passwd", "scheme file:// is not fetched"),
            ("https://", "malformed url: empty host"),
        ];
        for (uri, why) in refusals {
            assert_eq!(locations(uri, &gateways()), Err(why.to_string()), "{uri}");
        }
    }

    #[test]
    fn a_scheme_without_a_configured_gateway_is_a_bad_uri() {
        let none = Gateways {
            sia: vec![],
            ..gateways()
        };
        assert_eq!(
            locations("sia://AACD/1.json", &none),
            Err("no sia:// gateway is configured".into())
        );
    }

    #[test]
    fn every_gateway_is_the_operators_choice_in_order() {
        assert_eq!(
            strings(gateways().all()),
            [
                "https://ipfs.io/",
                "https://dweb.link/",
                "https://arweave.net/",
                "http://localhost:9980/api/worker/objects"
            ]
        );
    }

    #[test]
    fn dot_segments_cannot_climb_out_of_a_gateway() {
        let refusals = [
            "sia://../../bus/wallet",
            "sia://a/../../../bus/wallet",
            "sia://%2e%2e/%2E%2E/bus/wallet",
            "sia://.%2e/bus",
            "ipfs://bafy/../../admin",
            "ar://./tx",
            "sia://a\\..\\..\\bus",
        ];
        for uri in refusals {
            assert_eq!(
                locations(uri, &gateways()),
                Err("a path segment is . or .. (it could leave the gateway's path)".to_string()),
                "{uri}"
            );
        }
    }

    #[test]
    fn every_gateway_location_stays_under_the_gateway_path() {
        for uri in [
            "sia://AACD/1.json",
            "ipfs://bafybeig/dir/1.json",
            "ar://Yx8pNnQ/1.json",
        ] {
            let gateways = gateways();
            for location in locations(uri, &gateways).unwrap() {
                let under = gateways.all().iter().any(|g| is_under(g, &location));
                assert!(under, "{location}");
            }
        }
    }
}
