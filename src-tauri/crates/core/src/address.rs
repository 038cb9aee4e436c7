//! Which host names WooCommerce refuses to deliver to (PROTOCOL.md §5): the loopback, private
//! and link-local ranges and `localhost`. Used where an address is checked before it is given
//! to WooCommerce, so that the owner hears it from Comptoir rather than from failed deliveries.

use std::net::IpAddr;

/// Whether `host` (a name or an IP address, IPv6 in brackets or not) is this computer or an
/// address of a private network.
pub fn is_local_or_private_host(host: &str) -> bool {
    let host = host.trim().trim_end_matches('.').to_ascii_lowercase();
    if host == "localhost" || host.ends_with(".localhost") {
        return true;
    }
    match host
        .trim_start_matches('[')
        .trim_end_matches(']')
        .parse::<IpAddr>()
    {
        Ok(IpAddr::V4(ip)) => {
            ip.is_loopback() || ip.is_private() || ip.is_link_local() || ip.is_unspecified()
        }
        Ok(IpAddr::V6(ip)) => {
            ip.is_loopback()
                || ip.is_unique_local()
                || ip.is_unicast_link_local()
                || ip.is_unspecified()
                || ip
                    .to_ipv4_mapped()
                    .is_some_and(|v4| v4.is_loopback() || v4.is_private() || v4.is_link_local())
        }
        Err(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_and_private_hosts_are_told_apart_from_public_ones() {
        for host in [
            "localhost",
            "shop.localhost",
            "127.0.0.1",
            "127.8.9.10",
            "10.1.2.3",
            "172.16.0.1",
            "172.31.255.255",
            "192.168.1.20",
            "169.254.3.4",
            "0.0.0.0",
            "[::1]",
            "::1",
            "[fd00::5]",
            "[fe80::1]",
            "[::ffff:192.168.1.1]",
            "LOCALHOST",
        ] {
            assert!(is_local_or_private_host(host), "{host} is local or private");
        }
        for host in [
            "orders.myshop.be",
            "8.8.8.8",
            "172.15.0.1",
            "172.32.0.1",
            "192.169.0.1",
            "[2a01:4f8::1]",
            "10.example.com",
            "127.example.com",
        ] {
            assert!(!is_local_or_private_host(host), "{host} is public");
        }
    }
}
