//! The owner's settings: which keys exist, what each may hold, and their defaults. The desktop
//! app and `comptoir config` both go through here, so a value refused in one is refused in the
//! other with the same sentence.

use comptoir_store::Connection;
use comptoir_store::settings::{get_setting, insert_setting_if_absent, set_setting};
use comptoir_woo::Secret;
use rand::Rng;
use rand::distr::Alphanumeric;

use crate::error::{Error, Result};

/// A known setting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConfigKey {
    WebhookSecret,
    ListenerPort,
    TunnelPublicUrl,
}

impl ConfigKey {
    pub const ALL: [ConfigKey; 3] = [
        ConfigKey::WebhookSecret,
        ConfigKey::ListenerPort,
        ConfigKey::TunnelPublicUrl,
    ];

    pub fn name(self) -> &'static str {
        match self {
            ConfigKey::WebhookSecret => "webhook.secret",
            ConfigKey::ListenerPort => "listener.port",
            ConfigKey::TunnelPublicUrl => "tunnel.public_url",
        }
    }

    /// What the setting is for, in the owner's words.
    pub fn help(self) -> &'static str {
        match self {
            ConfigKey::WebhookSecret => {
                "the secret pasted into both WooCommerce webhooks; deliveries signed with another secret are refused"
            }
            ConfigKey::ListenerPort => {
                "the local port the listener uses on 127.0.0.1 (default 8787)"
            }
            ConfigKey::TunnelPublicUrl => {
                "the public HTTPS address that forwards to the listener (your tunnel or reverse proxy); empty when there is none"
            }
        }
    }

    pub fn parse(name: &str) -> Result<ConfigKey> {
        ConfigKey::ALL
            .into_iter()
            .find(|k| k.name() == name)
            .ok_or_else(|| Error::UnknownKey {
                key: name.to_owned(),
                known: ConfigKey::ALL.map(ConfigKey::name).join(", "),
            })
    }

    /// Checks and normalises a value; the error says what is allowed.
    pub fn validate(self, value: &str) -> Result<String> {
        let invalid = |rule: &str| Error::InvalidValue {
            key: self.name().to_owned(),
            value: value.to_owned(),
            rule: rule.to_owned(),
        };
        match self {
            ConfigKey::WebhookSecret => {
                let v = value.trim();
                // Characters WordPress would alter (spaces, entities such as &amp;) are kept out
                // so the secret means the same on both sides (PROTOCOL.md §2).
                let ok_chars = v.bytes().all(|b| {
                    b.is_ascii_alphanumeric() || b"-_.~!*+=@#$%^()[]{}:;,?/|".contains(&b)
                });
                if v.len() < 12 || v.len() > 255 || !ok_chars {
                    return Err(invalid(
                        "a webhook secret has 12 to 255 characters: letters, digits and - _ . ~ ! * + = @ # $ % ^ ( ) [ ] { } : ; , ? / | (no spaces, no & < > \" ')",
                    ));
                }
                Ok(v.to_owned())
            }
            ConfigKey::ListenerPort => match value.trim().parse::<u16>() {
                Ok(p) if p >= 1024 => Ok(p.to_string()),
                _ => Err(invalid("the port is a whole number from 1024 to 65535")),
            },
            ConfigKey::TunnelPublicUrl => {
                let v = value.trim().trim_end_matches('/');
                if v.is_empty() {
                    return Ok(String::new());
                }
                let rest = v.strip_prefix("https://").ok_or_else(|| {
                    invalid("WooCommerce only delivers to a public https:// address (or leave it empty)")
                })?;
                let host = rest.split(['/', '?', '#']).next().unwrap_or("");
                if host.is_empty() || host.contains(['@', ' ']) || rest.contains(['?', '#']) {
                    return Err(invalid(
                        "give the address as https://host or https://host/path, without user, query or fragment",
                    ));
                }
                Ok(v.to_owned())
            }
        }
    }

    fn default_value(self) -> Option<String> {
        match self {
            ConfigKey::WebhookSecret => None,
            ConfigKey::ListenerPort => Some(crate::DEFAULT_PORT.to_string()),
            ConfigKey::TunnelPublicUrl => Some(String::new()),
        }
    }
}

/// The value of a setting (its default when the owner never set it).
pub fn get(conn: &Connection, key: ConfigKey) -> Result<String> {
    if key == ConfigKey::WebhookSecret {
        return Ok(webhook_secret(conn)?.expose().to_owned());
    }
    Ok(get_setting(conn, key.name())?
        .or_else(|| key.default_value())
        .unwrap_or_default())
}

/// Validates and stores a setting; returns the value stored.
pub fn set(conn: &Connection, key: ConfigKey, value: &str) -> Result<String> {
    let value = key.validate(value)?;
    set_setting(conn, key.name(), &value)?;
    Ok(value)
}

pub fn listener_port(conn: &Connection) -> Result<u16> {
    let text = get(conn, ConfigKey::ListenerPort)?;
    text.parse().map_err(|_| Error::InvalidValue {
        key: ConfigKey::ListenerPort.name().to_owned(),
        value: text,
        rule: "the port is a whole number from 1024 to 65535".to_owned(),
    })
}

/// The webhook secret, generated on first use: 40 random letters and digits, which
/// WooCommerce stores and uses unchanged.
pub fn webhook_secret(conn: &Connection) -> Result<Secret> {
    if let Some(s) = get_setting(conn, ConfigKey::WebhookSecret.name())? {
        return Ok(Secret::new(s));
    }
    let generated: String = rand::rng()
        .sample_iter(&Alphanumeric)
        .take(40)
        .map(char::from)
        .collect();
    Ok(Secret::new(insert_setting_if_absent(
        conn,
        ConfigKey::WebhookSecret.name(),
        &generated,
    )?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_checked() {
        assert!(ConfigKey::ListenerPort.validate("8787").is_ok());
        assert!(ConfigKey::ListenerPort.validate("80").is_err());
        assert!(ConfigKey::ListenerPort.validate("http").is_err());
        assert!(ConfigKey::WebhookSecret.validate("test-secret-123").is_ok());
        assert!(ConfigKey::WebhookSecret.validate("short").is_err());
        assert!(
            ConfigKey::WebhookSecret
                .validate("has a space in it")
                .is_err()
        );
        assert!(
            ConfigKey::WebhookSecret
                .validate("a&amp;bcdefghijkl")
                .is_err()
        );
        assert_eq!(
            ConfigKey::TunnelPublicUrl
                .validate("https://shop.example/")
                .unwrap(),
            "https://shop.example"
        );
        assert!(
            ConfigKey::TunnelPublicUrl
                .validate("http://shop.example")
                .is_err()
        );
        assert_eq!(ConfigKey::TunnelPublicUrl.validate("").unwrap(), "");
        let e = ConfigKey::parse("nope").unwrap_err().to_string();
        assert!(e.contains("webhook.secret, listener.port"), "{e}");
    }

    #[test]
    fn secret_is_generated_once() {
        let dir = tempfile::tempdir().unwrap();
        let conn = comptoir_store::open(&dir.path().join("db")).unwrap();
        let a = webhook_secret(&conn).unwrap();
        let b = webhook_secret(&conn).unwrap();
        assert_eq!(a, b);
        assert_eq!(a.expose().len(), 40);
        assert!(a.expose().bytes().all(|c| c.is_ascii_alphanumeric()));
    }
}
