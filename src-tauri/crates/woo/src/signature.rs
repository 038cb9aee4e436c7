//! The webhook signature: base64 of HMAC-SHA256 over the exact body bytes, keyed with the
//! webhook secret (PROTOCOL.md §2). Verification is constant time.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;

type HmacSha256 = Hmac<Sha256>;

/// The webhook secret. Its `Debug` never shows the value, so it cannot leak into a log line.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Secret {
        Secret(value.into())
    }

    /// The value itself, for the places that must show or use it (the connection screen).
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(<redacted>)")
    }
}

/// The `X-WC-Webhook-Signature` value WooCommerce sends for `body`.
pub fn sign(secret: &Secret, body: &[u8]) -> String {
    mac(secret, body)
        .map(|m| STANDARD.encode(m.finalize().into_bytes()))
        .unwrap_or_default()
}

/// Whether `signature` (the header value) is the signature of `body`.
pub fn verify(secret: &Secret, body: &[u8], signature: &str) -> bool {
    let Ok(expected) = STANDARD.decode(signature.trim()) else {
        return false;
    };
    mac(secret, body).is_some_and(|m| m.verify_slice(&expected).is_ok())
}

/// HMAC accepts keys of any length, so this is `None` only in theory.
fn mac(secret: &Secret, body: &[u8]) -> Option<HmacSha256> {
    let mut mac = HmacSha256::new_from_slice(secret.0.as_bytes()).ok()?;
    mac.update(body);
    Some(mac)
}

#[cfg(test)]
mod tests {
    use super::*;

    // Worked examples A and B of PROTOCOL.md §2.
    #[test]
    fn matches_protocol_examples() {
        let s = Secret::new("my-webhook-secret");
        let a = br#"{"id":727,"status":"processing","total":"29.35"}"#;
        assert_eq!(sign(&s, a), "dbJ8nugbFVg7OpxS7IjH4HEIOuLML8Jz5YPnM98Zy70=");
        let b = br#"{"id":727,"status":"processing","total":"29.36"}"#;
        assert_eq!(sign(&s, b), "xfrMsbeybaAM/8RXy3u4H1EpJdWOJ0P4RnX13TcHb6g=");
        assert!(verify(
            &s,
            a,
            "dbJ8nugbFVg7OpxS7IjH4HEIOuLML8Jz5YPnM98Zy70="
        ));
        assert!(!verify(
            &s,
            b,
            "dbJ8nugbFVg7OpxS7IjH4HEIOuLML8Jz5YPnM98Zy70="
        ));
        assert!(!verify(&s, a, "not base64!"));
        assert!(!verify(&s, a, ""));
    }

    #[test]
    fn debug_hides_the_value() {
        assert_eq!(
            format!("{:?}", Secret::new("hunter2hunter2")),
            "Secret(<redacted>)"
        );
    }
}
