//! The network policy: what a fetch may reach. Only http(s); no loopback, private, link-local or
//! otherwise special address ([`is_public`]: global unicast only, IPv4 embedded in IPv6 judged
//! as IPv4), checked on literals ([`ensure_allowed`]) and at every connection of the guarded
//! client ([`GuardedResolver`]); the operator's gateways are trusted only under their origin and
//! path, and only for a fetch that started under one ([`hop_is_trusted`]). [`crate::fetch`]
//! keeps only HTTP.

use hyper::client::connect::dns::Name;
use reqwest::dns::{Addrs, Resolve, Resolving};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use url::Url;

/// Whether `url` is under one of the `gateways` ([`crate::uri::is_under`]).
pub fn under_gateway(gateways: &[Url], url: &Url) -> bool {
    gateways
        .iter()
        .any(|gateway| crate::uri::is_under(gateway, url))
}

/// Whether one hop of a fetch, at `url`, is the operator's (exempt from the address rule): only
/// when the fetch started under a gateway (`started_trusted`) and this hop is under one too. A
/// redirect from a host the chain chose into a gateway's origin stays untrusted, and so does one
/// from a gateway to anywhere outside the gateways.
pub fn hop_is_trusted(gateways: &[Url], started_trusted: bool, url: &Url) -> bool {
    started_trusted && under_gateway(gateways, url)
}

/// Only http(s), and, unless `open`, no private address given as a literal (names are checked
/// when they resolve, by [`GuardedResolver`]).
pub fn ensure_allowed(url: &Url, open: bool) -> Result<(), String> {
    if !matches!(url.scheme(), "http" | "https") {
        return Err(format!("refused: scheme {}", url.scheme()));
    }
    let literal = match url.host().ok_or("refused: no host")? {
        url::Host::Ipv4(ip) => Some(IpAddr::V4(ip)),
        url::Host::Ipv6(ip) => Some(IpAddr::V6(ip)),
        url::Host::Domain(_) => None,
    };
    match literal {
        Some(ip) if !open && !is_public(ip) => Err(refusal(&ip.to_string())),
        _ => Ok(()),
    }
}

pub fn refusal(host: &str) -> String {
    format!("refused: {host} is a loopback, private or link-local address (--allow-private)")
}

/// A name that resolved to no address the rule lets through.
#[derive(Debug)]
pub struct Refused(pub String);

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} resolves only to refused addresses", self.0)
    }
}

impl std::error::Error for Refused {}

/// The system resolver, keeping only public addresses. Asked at every connection of the
/// guarded client, so every redirect to a chain-chosen host is checked too.
pub struct GuardedResolver;

impl Resolve for GuardedResolver {
    fn resolve(&self, name: Name) -> Resolving {
        let host = name.as_str().to_owned();
        Box::pin(async move {
            let found: Vec<SocketAddr> =
                tokio::net::lookup_host((host.as_str(), 0)).await?.collect();
            let kept: Vec<SocketAddr> = found
                .into_iter()
                .filter(|addr| is_public(addr.ip()))
                .collect();
            if kept.is_empty() {
                return Err(Box::new(Refused(host)) as Box<dyn std::error::Error + Send + Sync>);
            }
            Ok(Box::new(kept.into_iter()) as Addrs)
        })
    }
}

/// Whether `ip` is on the public internet: for IPv4 not loopback, private, link-local, shared
/// (CGNAT), unspecified, broadcast, multicast, documentation, benchmarking (198.18.0.0/15), IETF
/// protocol assignments (192.0.0.0/24) or reserved (240.0.0.0/4); for IPv6 only global unicast
/// (2000::/3) outside its special-purpose blocks, and an IPv4 address embedded in IPv6 (mapped,
/// compatible, NAT64's well-known prefix, 6to4) judged as that IPv4 address.
pub fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(ip) => is_public_v4(ip),
        IpAddr::V6(ip) => match embedded_v4(ip) {
            Some(v4) => is_public_v4(v4),
            None => is_public_v6(ip),
        },
    }
}

fn is_public_v4(ip: Ipv4Addr) -> bool {
    let [a, b, c, _] = ip.octets();
    !(ip.is_loopback()
        || ip.is_private()
        || ip.is_link_local()
        || ip.is_unspecified()
        || ip.is_broadcast()
        || ip.is_multicast()
        || ip.is_documentation()
        || a == 0
        || (a == 100 && (64..128).contains(&b))
        || (a == 198 && (b == 18 || b == 19))
        || (a == 192 && b == 0 && c == 0)
        || a >= 240)
}

/// The IPv4 address an IPv6 address carries for a translator or a tunnel to reach: IPv4-mapped
/// (`::ffff:a.b.c.d`), IPv4-compatible (`::a.b.c.d`, but not `::` and `::1`), NAT64's well-known
/// prefix (`64:ff9b::a.b.c.d`) and 6to4 (`2002:aabb:ccdd::/48`).
fn embedded_v4(ip: Ipv6Addr) -> Option<Ipv4Addr> {
    let s = ip.segments();
    let low = |hi: u16, lo: u16| Ipv4Addr::from((u32::from(hi) << 16) | u32::from(lo));
    if let Some(v4) = ip.to_ipv4_mapped() {
        return Some(v4);
    }
    if s[..6] == [0; 6] && (s[6] != 0 || s[7] > 1) {
        return Some(low(s[6], s[7]));
    }
    if s[..6] == [0x64, 0xff9b, 0, 0, 0, 0] {
        return Some(low(s[6], s[7]));
    }
    if s[0] == 0x2002 {
        return Some(low(s[1], s[2]));
    }
    None
}

fn is_public_v6(ip: Ipv6Addr) -> bool {
    let [first, second, ..] = ip.segments();
    let global_unicast = (first & 0xe000) == 0x2000;
    global_unicast
        // IETF special-purpose 2001::/23: Teredo, benchmarking, ORCHID and the like.
        && !(first == 0x2001 && second < 0x0200)
        // Documentation: 2001:db8::/32 and 3fff::/20.
        && !(first == 0x2001 && second == 0x0db8)
        && !(first == 0x3fff && second & 0xf000 == 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loopback_private_and_link_local_addresses_are_not_public() {
        for ip in [
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "0.0.0.0",
            "::1",
            "fd00::1",
            "fe80::1",
            "::ffff:127.0.0.1",
            "::ffff:10.0.0.1",
        ] {
            assert!(!is_public(ip.parse().unwrap()), "{ip}");
        }
    }

    #[test]
    fn special_purpose_ipv4_ranges_are_not_public() {
        for ip in [
            "198.18.0.1",      // benchmarking, 198.18.0.0/15
            "198.19.255.254",  // the same /15
            "192.0.0.8",       // IETF protocol assignments, 192.0.0.0/24
            "240.0.0.1",       // reserved, 240.0.0.0/4
            "255.255.255.254", // the same /4
        ] {
            assert!(!is_public(ip.parse().unwrap()), "{ip}");
        }
    }

    #[test]
    fn ipv4_embedded_in_ipv6_is_judged_as_ipv4() {
        for ip in [
            "::127.0.0.1",        // IPv4-compatible, deprecated
            "::10.0.0.1",         // the same, private
            "64:ff9b::7f00:1",    // NAT64 well-known prefix to 127.0.0.1
            "64:ff9b::a9fe:a9fe", // NAT64 to 169.254.169.254
            "2002:7f00:1::1",     // 6to4 of 127.0.0.1
            "2002:c0a8:101::1",   // 6to4 of 192.168.1.1
        ] {
            assert!(!is_public(ip.parse().unwrap()), "{ip}");
        }
        // The same translations of a public address are public.
        for ip in ["64:ff9b::5db8:d822", "2002:5db8:d822::1"] {
            assert!(is_public(ip.parse().unwrap()), "{ip}");
        }
    }

    #[test]
    fn only_global_unicast_ipv6_is_public() {
        for ip in [
            "fec0::1",      // site-local, deprecated
            "64:ff9b:1::1", // NAT64 local-use prefix
            "2001::1",      // Teredo, inside the IETF special-purpose 2001::/23
            "2001:2::1",    // benchmarking
            "3fff::1",      // documentation, 3fff::/20
            "100::1",       // discard-only
            "4000::1",      // outside 2000::/3
        ] {
            assert!(!is_public(ip.parse().unwrap()), "{ip}");
        }
    }

    #[test]
    fn internet_addresses_are_public() {
        for ip in [
            "93.184.216.34",
            "1.1.1.1",
            "2606:4700:4700::1111",
            "2a00:1450:4001:82b::200e",
            "100.128.0.1",
        ] {
            assert!(is_public(ip.parse().unwrap()), "{ip}");
        }
    }

    fn prefixes(urls: &[&str]) -> Vec<Url> {
        urls.iter().map(|u| Url::parse(u).unwrap()).collect()
    }

    #[test]
    fn only_locations_under_a_gateway_are_trusted_not_its_whole_origin() {
        let trusted = prefixes(&[
            "http://localhost:9980/api/worker/objects",
            "https://ipfs.io",
        ]);
        let at = |u: &str| Url::parse(u).unwrap();
        assert!(under_gateway(
            &trusted,
            &at("http://localhost:9980/api/worker/objects/a/1.json")
        ));
        assert!(under_gateway(
            &trusted,
            &at("https://ipfs.io/ipfs/cid/1.json")
        ));
        assert!(!under_gateway(
            &trusted,
            &at("http://localhost:9980/api/bus/wallet")
        ));
        assert!(!under_gateway(
            &trusted,
            &at("http://localhost:9980/api/worker/objectsX")
        ));
        assert!(!under_gateway(
            &trusted,
            &at("http://localhost:9981/api/worker/objects/a")
        ));
    }

    #[test]
    fn a_redirect_from_an_untrusted_host_into_a_gateway_is_not_trusted() {
        let trusted = prefixes(&["http://localhost:9980/api/worker/objects"]);
        let gateway_file = Url::parse("http://localhost:9980/api/worker/objects/a").unwrap();
        // Started at a host the chain chose: no hop is trusted, the gateway's included.
        assert!(!hop_is_trusted(&trusted, false, &gateway_file));
        // Started at the gateway: a hop under it is trusted, one elsewhere is not.
        assert!(hop_is_trusted(&trusted, true, &gateway_file));
        let elsewhere = Url::parse("http://localhost:9980/api/bus/wallet").unwrap();
        assert!(!hop_is_trusted(&trusted, true, &elsewhere));
    }
}
