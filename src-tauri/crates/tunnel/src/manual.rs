//! The owner's own tunnel or reverse proxy: nothing to run, only an address to check.

use crate::{BadUrlReason, Provider, State, Status, TunnelError};

/// A public address the owner entered.
#[derive(Debug, Clone)]
pub struct Manual {
    url: String,
    state: State,
    error: Option<TunnelError>,
}

impl Manual {
    pub fn new(url: &str) -> Manual {
        Manual {
            url: url.trim().trim_end_matches('/').to_owned(),
            state: State::Down,
            error: Some(TunnelError::NotStarted),
        }
    }

    /// Checks an address the way WooCommerce will (PROTOCOL.md §5): HTTPS, a host name, a port
    /// it calls (none, 443, 80 or 8080), not a local or private address.
    pub fn check(url: &str) -> Result<String, TunnelError> {
        let text = url.trim().trim_end_matches('/');
        let bad = |reason: BadUrlReason| TunnelError::BadUrl {
            url: text.to_owned(),
            reason,
        };
        let rest = text
            .strip_prefix("https://")
            .ok_or_else(|| bad(BadUrlReason::NotHttps))?;
        if rest.contains(['?', '#']) {
            return Err(bad(BadUrlReason::QueryOrFragment));
        }
        let authority = rest.split('/').next().unwrap_or_default();
        if authority.is_empty() {
            return Err(bad(BadUrlReason::NoHost));
        }
        if authority.contains('@') {
            return Err(bad(BadUrlReason::UserName));
        }
        if authority.starts_with('[') {
            return Err(bad(BadUrlReason::Ipv6));
        }
        let (host, port) = match authority.rsplit_once(':') {
            Some((h, p)) => (h, Some(p)),
            None => (authority, None),
        };
        if let Some(p) = port
            && !["443", "80", "8080"].contains(&p)
        {
            return Err(bad(match p.parse() {
                Ok(port) => BadUrlReason::Port { port },
                Err(_) => BadUrlReason::NotAPort,
            }));
        }
        if comptoir_core::address::is_local_or_private_host(host) {
            return Err(bad(BadUrlReason::Private));
        }
        Ok(text.to_owned())
    }
}

impl Provider for Manual {
    fn name(&self) -> &'static str {
        "manual"
    }

    fn start(&mut self) -> Result<String, TunnelError> {
        match Manual::check(&self.url) {
            Ok(url) => {
                self.url = url.clone();
                self.state = State::Up;
                self.error = None;
                Ok(url)
            }
            Err(e) => {
                self.state = State::Down;
                self.error = Some(e.clone());
                Err(e)
            }
        }
    }

    fn status(&self) -> Status {
        Status::new(
            self.name(),
            self.state,
            (self.state == State::Up).then(|| self.url.clone()),
            self.error.clone(),
            0,
        )
    }

    fn stop(&mut self) {
        self.state = State::Down;
        self.error = Some(TunnelError::StoppedOnRequest);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_woocommerce_calls_are_accepted() {
        assert_eq!(
            Manual::check(" https://orders.myshop.be/ ").unwrap(),
            "https://orders.myshop.be"
        );
        assert!(Manual::check("https://orders.myshop.be:8080/base").is_ok());
        for bad in [
            "http://orders.myshop.be",
            "https://orders.myshop.be:8443",
            "https://127.0.0.1",
            "https://192.168.1.20",
            "https://172.20.0.1",
            "https://[2001:db8::1]",
            "https://",
            "https://a.be/?x",
        ] {
            assert!(Manual::check(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn start_and_stop() {
        let mut m = Manual::new("https://orders.myshop.be/");
        assert_eq!(m.status().state, State::Down);
        assert_eq!(m.start().unwrap(), "https://orders.myshop.be");
        let s = m.status();
        assert_eq!(s.state, State::Up);
        assert_eq!(s.url.as_deref(), Some("https://orders.myshop.be"));
        m.stop();
        let s = m.status();
        assert_eq!(s.state, State::Down);
        assert_eq!(s.reason.as_deref(), Some("stopped"));
        let mut bad = Manual::new("http://x.be");
        let err = bad.start().unwrap_err();
        let s = bad.status();
        assert!(s.reason.unwrap().contains("https://"));
        assert_eq!(s.error, Some(err));
    }
}
