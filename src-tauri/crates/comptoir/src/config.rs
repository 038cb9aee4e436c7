//! The owner's settings: which keys exist, what each may hold, and their defaults. The desktop
//! app and `comptoir config` both go through here, so a value refused in one is refused in the
//! other with the same sentence.

use comptoir_core::checks;
use comptoir_core::document::DocumentKind;
use comptoir_core::language::{CountryMap, Language, LanguageError};
use comptoir_core::message::{Message, code};
use comptoir_core::template;
use comptoir_store::Connection;
use comptoir_store::settings::{get_setting, insert_setting_if_absent, set_setting};
use comptoir_woo::Secret;
use rand::Rng;
use rand::distr::Alphanumeric;
use serde::Serialize;

use crate::error::{Error, Result};

/// What a setting may hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Secret,
    Port,
    PublicUrl,
    OneOf(&'static [&'static str]),
    Bool,
    Text,
    Template,
    Iban,
    Bic,
    VatNumber,
    EnterpriseNumber,
    Email,
    LogoPath,
    NumberPattern,
    PositiveInt,
    CountryMap,
    Host,
    AnyPort,
    Password,
    Mailbox,
    ShopUrl,
    Minutes,
}

/// A family of keys: `{lang}` stands for fr/nl/en, `{paid}` for paid/unpaid, `{series}` for
/// the four document kinds.
#[derive(Debug)]
struct Spec {
    pattern: &'static str,
    kind: Kind,
    help: &'static str,
}

const LANGS: [&str; 3] = ["fr", "nl", "en"];
const PAID: [&str; 2] = ["paid", "unpaid"];
const SERIES: [&str; 4] = ["invoice", "credit_note", "order_form", "delivery_note"];

static SPECS: &[Spec] = &[
    Spec {
        pattern: "webhook.secret",
        kind: Kind::Secret,
        help: "the secret pasted into both WooCommerce webhooks; deliveries signed with another secret are refused",
    },
    Spec {
        pattern: "listener.port",
        kind: Kind::Port,
        help: "the local port the listener uses on 127.0.0.1 (default 8787)",
    },
    Spec {
        pattern: "tunnel.public_url",
        kind: Kind::PublicUrl,
        help: "the public HTTPS address that forwards to the listener (your tunnel or reverse proxy); empty when there is none",
    },
    Spec {
        pattern: "documents.kind",
        kind: Kind::OneOf(&["order_form", "delivery_note", "invoice"]),
        help: "which document each order becomes: order_form, delivery_note or invoice",
    },
    Spec {
        pattern: "documents.trigger",
        kind: Kind::OneOf(&["created", "paid", "processing", "completed"]),
        help: "when the document is made: created (order placed), paid (payment received, or completed), processing, completed",
    },
    Spec {
        pattern: "documents.auto_email",
        kind: Kind::Bool,
        help: "true: the document is finalised and e-mailed to the customer at once; false: it waits as a concept for you to review",
    },
    Spec {
        pattern: "documents.multilingual",
        kind: Kind::Bool,
        help: "true: each document is in the customer's language (from the order, else the billing country); false: always the default language",
    },
    Spec {
        pattern: "documents.default_language",
        kind: Kind::OneOf(&["fr", "nl", "en"]),
        help: "the shop's language: fr, nl or en",
    },
    Spec {
        pattern: "documents.country_languages",
        kind: Kind::CountryMap,
        help: "billing country → language when multilingual, e.g. BE=default,FR=fr,LU=fr,MC=fr,NL=nl,*=en",
    },
    Spec {
        pattern: "numbering.{series}.pattern",
        kind: Kind::NumberPattern,
        help: "how numbers look: {year} and {seq} (or {seq:04} for at least 4 digits), e.g. F{year}-{seq:04}",
    },
    Spec {
        pattern: "numbering.{series}.yearly_reset",
        kind: Kind::Bool,
        help: "true: numbering starts again at 1 each year (the pattern must then contain {year})",
    },
    Spec {
        pattern: "numbering.{series}.next",
        kind: Kind::PositiveInt,
        help: "the number the next document gets (this year, when numbering resets yearly); never below a number already given",
    },
    Spec {
        pattern: "shop.name",
        kind: Kind::Text,
        help: "the shop's name as printed on documents",
    },
    Spec {
        pattern: "shop.address",
        kind: Kind::Text,
        help: "the shop's address, lines separated by \\n",
    },
    Spec {
        pattern: "shop.vat_number",
        kind: Kind::VatNumber,
        help: "the shop's VAT number, e.g. BE0123456749 (checked)",
    },
    Spec {
        pattern: "shop.enterprise_number",
        kind: Kind::EnterpriseNumber,
        help: "the shop's enterprise number (KBO/BCE), e.g. 0123.456.749 (checked)",
    },
    Spec {
        pattern: "shop.iban",
        kind: Kind::Iban,
        help: "the account customers pay to (checked)",
    },
    Spec {
        pattern: "shop.bic",
        kind: Kind::Bic,
        help: "the bank's BIC, 8 or 11 characters",
    },
    Spec {
        pattern: "shop.email",
        kind: Kind::Email,
        help: "the shop's e-mail address",
    },
    Spec {
        pattern: "shop.phone",
        kind: Kind::Text,
        help: "the shop's phone number",
    },
    Spec {
        pattern: "shop.logo",
        kind: Kind::LogoPath,
        help: "a PNG or JPEG file with the shop's logo",
    },
    Spec {
        pattern: "tunnel.provider",
        kind: Kind::OneOf(&["manual", "cloudflared", "ngrok"]),
        help: "how WooCommerce reaches this computer: manual (your own public HTTPS address in tunnel.public_url), cloudflared (a quick tunnel started by Comptoir; its address changes at every start and the webhooks follow) or ngrok (with your authtoken)",
    },
    Spec {
        pattern: "tunnel.cloudflared_path",
        kind: Kind::Text,
        help: "the cloudflared program to run, when it is not on the PATH or in its usual place (empty: Comptoir looks for it)",
    },
    Spec {
        pattern: "tunnel.ngrok_authtoken",
        kind: Kind::Password,
        help: "your ngrok authtoken (dashboard.ngrok.com → Your Authtoken); kept like the other passwords, never shown",
    },
    Spec {
        pattern: "tunnel.ngrok_domain",
        kind: Kind::Text,
        help: "your reserved ngrok domain, e.g. myshop.ngrok.app (empty: ngrok gives an address that may change)",
    },
    Spec {
        pattern: "woocommerce.url",
        kind: Kind::ShopUrl,
        help: "the shop's address, e.g. https://shop.example.be (https is required)",
    },
    Spec {
        pattern: "woocommerce.consumer_key",
        kind: Kind::Text,
        help: "the REST API key (ck_…) made in WooCommerce → Settings → Advanced → REST API, with Read/Write access",
    },
    Spec {
        pattern: "woocommerce.consumer_secret",
        kind: Kind::Password,
        help: "the REST API key's secret (cs_…); kept in the system keychain (without one, in the data folder, readable by you only); never shown",
    },
    Spec {
        pattern: "sync.interval_minutes",
        kind: Kind::Minutes,
        help: "how often Comptoir asks the shop for orders it may have missed, in minutes (1 to 1440, default 10)",
    },
    Spec {
        pattern: "smtp.host",
        kind: Kind::Host,
        help: "the outgoing mail server, e.g. smtp.example.com (your provider gives it)",
    },
    Spec {
        pattern: "smtp.port",
        kind: Kind::AnyPort,
        help: "the mail server's port: 587 with STARTTLS, 465 with TLS, 25 for a local relay",
    },
    Spec {
        pattern: "smtp.security",
        kind: Kind::OneOf(&["starttls", "tls", "none"]),
        help: "starttls, tls, or none (only for a relay on this machine or your own network)",
    },
    Spec {
        pattern: "smtp.user",
        kind: Kind::Text,
        help: "the user name for the mail server (often your e-mail address); empty when none is needed",
    },
    Spec {
        pattern: "smtp.password",
        kind: Kind::Password,
        help: "the mail server password; kept in the system keychain (without one, in the data folder, readable by you only); never shown",
    },
    Spec {
        pattern: "smtp.from",
        kind: Kind::Mailbox,
        help: "the sender, e.g. Le Comptoir <boutique@example.be>",
    },
    Spec {
        pattern: "smtp.reply_to",
        kind: Kind::Mailbox,
        help: "where customers' replies go, when not the sender",
    },
    Spec {
        pattern: "smtp.copy_to",
        kind: Kind::Mailbox,
        help: "an address that gets a copy of every e-mail sent (empty for none)",
    },
    Spec {
        pattern: "legend.{lang}.{paid}",
        kind: Kind::Template,
        help: "the sentence printed at the bottom of a paid / unpaid document in that language",
    },
    Spec {
        pattern: "email.{lang}.{paid}.subject",
        kind: Kind::Template,
        help: "the subject of the e-mail that carries a paid / unpaid document",
    },
    Spec {
        pattern: "email.{lang}.{paid}.body",
        kind: Kind::Template,
        help: "the text of the e-mail that carries a paid / unpaid document",
    },
];

static ALL_KEYS: std::sync::LazyLock<Vec<ConfigKey>> = std::sync::LazyLock::new(|| {
    SPECS
        .iter()
        .flat_map(|spec| {
            expand(spec.pattern)
                .into_iter()
                .map(move |name| ConfigKey { name, spec })
        })
        .collect()
});

/// A known setting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigKey {
    name: String,
    spec: &'static Spec,
}

impl PartialEq for Spec {
    fn eq(&self, other: &Self) -> bool {
        self.pattern == other.pattern
    }
}
impl Eq for Spec {}

fn expand(pattern: &str) -> Vec<String> {
    let mut names = vec![pattern.to_owned()];
    for (token, values) in [
        ("{lang}", &LANGS[..]),
        ("{paid}", &PAID[..]),
        ("{series}", &SERIES[..]),
    ] {
        names = names
            .into_iter()
            .flat_map(|n| {
                if n.contains(token) {
                    values.iter().map(|v| n.replace(token, v)).collect()
                } else {
                    vec![n]
                }
            })
            .collect();
    }
    names
}

/// A setting with its value, for listings.
#[derive(Debug, Clone, Serialize)]
pub struct Setting {
    pub key: String,
    pub value: String,
    pub help: &'static str,
}

impl ConfigKey {
    pub fn webhook_secret() -> ConfigKey {
        ConfigKey::known("webhook.secret")
    }
    pub fn listener_port() -> ConfigKey {
        ConfigKey::known("listener.port")
    }
    pub fn public_url() -> ConfigKey {
        ConfigKey::known("tunnel.public_url")
    }

    fn known(name: &str) -> ConfigKey {
        match ConfigKey::parse(name) {
            Ok(k) => k,
            // Only called with names from SPECS, which the tests list.
            Err(_) => ConfigKey {
                name: name.to_owned(),
                spec: &SPECS[0],
            },
        }
    }

    /// Every concrete key, in a stable order.
    pub fn all() -> Vec<ConfigKey> {
        ALL_KEYS.clone()
    }

    pub fn parse(name: &str) -> Result<ConfigKey> {
        // Settings are read on every delivery (the rules), so the lookup must not rebuild the
        // key list each time.
        ALL_KEYS
            .iter()
            .find(|k| k.name == name)
            .cloned()
            .ok_or_else(|| Error::UnknownKey {
                key: name.to_owned(),
                known: SPECS
                    .iter()
                    .map(|s| {
                        s.pattern
                            .replace("{lang}", "<fr|nl|en>")
                            .replace("{paid}", "<paid|unpaid>")
                            .replace("{series}", "<invoice|credit_note|order_form|delivery_note>")
                    })
                    .collect::<Vec<_>>()
                    .join(", "),
            })
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    /// What the setting is for, in the owner's words.
    pub fn help(&self) -> &'static str {
        self.spec.help
    }

    pub fn is_secret(&self) -> bool {
        self.spec.kind == Kind::Secret
    }

    /// Kept by [`crate::secrets`] (the keychain, else an owner-only file) and never shown back
    /// (the SMTP password, the shop's API secret).
    pub fn is_password(&self) -> bool {
        self.spec.kind == Kind::Password
    }

    /// Checks and normalises a value; the error says what is allowed.
    pub fn validate(&self, value: &str) -> Result<String> {
        let invalid = |rule: Message| Error::InvalidValue {
            key: self.name.clone(),
            value: value.to_owned(),
            rule,
        };
        let v = value.trim();
        match self.spec.kind {
            Kind::Secret => {
                // Characters WordPress would alter (spaces, entities such as &amp;) are kept out
                // so the secret means the same on both sides (PROTOCOL.md §2).
                let ok_chars = v.bytes().all(|b| {
                    b.is_ascii_alphanumeric() || b"-_.~!*+=@#$%^()[]{}:;,?/|".contains(&b)
                });
                if v.len() < 12 || v.len() > 255 || !ok_chars {
                    return Err(invalid(Message::new(
                        &code::SETTING_SECRET,
                        "a webhook secret has 12 to 255 characters: letters, digits and - _ . ~ ! * + = @ # $ % ^ ( ) [ ] { } : ; , ? / | (no spaces, no & < > \" ')",
                    )));
                }
                Ok(v.to_owned())
            }
            Kind::Port => match v.parse::<u16>() {
                Ok(p) if p >= 1024 => Ok(p.to_string()),
                _ => Err(invalid(Message::new(
                    &code::SETTING_PORT,
                    "the port is a whole number from 1024 to 65535",
                ))),
            },
            Kind::PublicUrl => {
                let v = v.trim_end_matches('/');
                if v.is_empty() {
                    return Ok(String::new());
                }
                let rest = v.strip_prefix("https://").ok_or_else(|| {
                    invalid(Message::new(
                        &code::SETTING_PUBLIC_URL_HTTPS,
                        "WooCommerce only delivers to a public https:// address (or leave it empty)",
                    ))
                })?;
                let host = rest.split(['/', '?', '#']).next().unwrap_or("");
                if host.is_empty() || host.contains(['@', ' ']) || rest.contains(['?', '#']) {
                    return Err(invalid(Message::new(
                        &code::SETTING_PUBLIC_URL_SHAPE,
                        "give the address as https://host or https://host/path, without user, query or fragment",
                    )));
                }
                Ok(v.to_owned())
            }
            Kind::OneOf(allowed) => {
                if allowed.contains(&v) {
                    Ok(v.to_owned())
                } else {
                    let allowed = allowed.join(", ");
                    Err(invalid(
                        Message::new(&code::SETTING_ONE_OF, format!("choose one of: {allowed}"))
                            .with("allowed", allowed),
                    ))
                }
            }
            Kind::Bool => match v.to_ascii_lowercase().as_str() {
                "true" | "yes" | "on" | "1" => Ok("true".into()),
                "false" | "no" | "off" | "0" => Ok("false".into()),
                _ => Err(invalid(Message::new(
                    &code::SETTING_BOOL,
                    "write true or false",
                ))),
            },
            Kind::Text => {
                if v.chars().count() > 500 {
                    Err(invalid(
                        Message::new(&code::SETTING_TEXT_TOO_LONG, "keep it under 500 characters")
                            .with("max", 500),
                    ))
                } else {
                    Ok(v.replace("\\n", "\n"))
                }
            }
            Kind::Template => {
                let text = value.replace("\\n", "\n");
                template::check(&text).map_err(|e| invalid(e.message()))?;
                Ok(text)
            }
            Kind::Iban => empty_or(v, |v| {
                checks::iban(v).map_err(|e| invalid(e.message().clone()))
            }),
            Kind::Bic => empty_or(v, |v| {
                checks::bic(v).map_err(|e| invalid(e.message().clone()))
            }),
            Kind::VatNumber => empty_or(v, |v| {
                checks::vat_number(v).map_err(|e| invalid(e.message().clone()))
            }),
            Kind::EnterpriseNumber => empty_or(v, |v| {
                checks::be_enterprise_number(v).map_err(|e| invalid(e.message().clone()))
            }),
            Kind::Email => empty_or(v, |v| {
                checks::email(v).map_err(|e| invalid(e.message().clone()))
            }),
            Kind::LogoPath => empty_or(v, |v| {
                let lower = v.to_ascii_lowercase();
                if !(lower.ends_with(".png") || lower.ends_with(".jpg") || lower.ends_with(".jpeg"))
                {
                    return Err(invalid(Message::new(
                        &code::SETTING_LOGO_EXTENSION,
                        "the logo is a .png, .jpg or .jpeg file",
                    )));
                }
                if !std::path::Path::new(v).is_file() {
                    return Err(invalid(
                        Message::new(&code::SETTING_LOGO_MISSING, "there is no such file")
                            .with("path", v),
                    ));
                }
                Ok(v.to_owned())
            }),
            Kind::NumberPattern => number_pattern(v)
                .map_err(|rule| invalid(Message::new(&code::SETTING_NUMBER_PATTERN, rule))),
            Kind::PositiveInt => match v.parse::<u32>() {
                Ok(n) if n >= 1 => Ok(n.to_string()),
                _ => Err(invalid(Message::new(
                    &code::SETTING_POSITIVE_INT,
                    "a whole number from 1",
                ))),
            },
            Kind::CountryMap => CountryMap::parse(v)
                .map(|m| m.to_string())
                .map_err(|e| invalid(country_map_message(&e))),
            Kind::Host => {
                let ok = !v.is_empty()
                    && v.len() <= 253
                    && v.chars()
                        .all(|c| c.is_ascii_alphanumeric() || "-.".contains(c));
                if ok || v.is_empty() {
                    Ok(v.to_ascii_lowercase())
                } else {
                    Err(invalid(Message::new(
                        &code::SETTING_HOST,
                        "a host name such as smtp.example.com (letters, digits, - and .)",
                    )))
                }
            }
            Kind::AnyPort => match v.parse::<u16>() {
                Ok(p) if p >= 1 => Ok(p.to_string()),
                _ => Err(invalid(Message::new(
                    &code::SETTING_ANY_PORT,
                    "a port from 1 to 65535, usually 587 (STARTTLS), 465 (TLS) or 25",
                ))),
            },
            Kind::Password => {
                if value.len() > 1024 || value.contains(['\n', '\r']) {
                    Err(Error::InvalidValue {
                        key: self.name.clone(),
                        value: "(hidden)".into(),
                        rule: Message::new(
                            &code::SETTING_PASSWORD,
                            "a password on one line, under 1024 characters",
                        ),
                    })
                } else {
                    Ok(value.to_owned())
                }
            }
            Kind::ShopUrl => empty_or(v, |v| {
                comptoir_woo::rest::check_shop_url(v).map_err(|e| invalid(shop_url_message(&e)))
            }),
            Kind::Minutes => match v.parse::<u32>() {
                Ok(n) if (1..=1440).contains(&n) => Ok(n.to_string()),
                _ => Err(invalid(Message::new(
                    &code::SETTING_MINUTES,
                    "a whole number of minutes from 1 to 1440",
                ))),
            },
            Kind::Mailbox => empty_or(v, |v| {
                // "Name <address>" or a bare address.
                let address = match (v.rfind('<'), v.ends_with('>')) {
                    (Some(i), true) => &v[i + 1..v.len() - 1],
                    _ => v,
                };
                checks::email(address).map_err(|e| invalid(e.message().clone()))?;
                Ok(v.to_owned())
            }),
        }
    }

    /// The value a key has until the owner sets it.
    fn default_value(&self) -> String {
        let name = self.name.as_str();
        match name {
            "listener.port" => crate::DEFAULT_PORT.to_string(),
            "documents.kind" => "invoice".into(),
            "documents.trigger" => "paid".into(),
            "documents.auto_email" | "documents.multilingual" => "false".into(),
            "documents.default_language" => "fr".into(),
            "smtp.port" => "587".into(),
            "tunnel.provider" => "manual".into(),
            "sync.interval_minutes" => "10".into(),
            "smtp.security" => "starttls".into(),
            "documents.country_languages" => CountryMap::default().to_string(),
            _ => {
                if let Some(series) = name.strip_prefix("numbering.") {
                    let (series, field) = series.split_once('.').unwrap_or((series, ""));
                    return match field {
                        "pattern" => default_pattern(series).into(),
                        "yearly_reset" => "true".into(),
                        _ => String::new(),
                    };
                }
                if let Some(rest) = name.strip_prefix("legend.") {
                    return crate::texts::default_legend(rest).unwrap_or_default();
                }
                if let Some(rest) = name.strip_prefix("email.") {
                    return crate::texts::default_email(rest).unwrap_or_default();
                }
                String::new()
            }
        }
    }
}

/// The country map's refusal, with its code.
fn country_map_message(e: &LanguageError) -> Message {
    let text = e.to_string();
    match e {
        LanguageError::Entry(entry) => {
            Message::new(&code::SETTING_COUNTRY_ENTRY, text).with("entry", entry.as_str())
        }
        LanguageError::Country(country) => {
            Message::new(&code::SETTING_COUNTRY_CODE, text).with("country", country.as_str())
        }
        LanguageError::Language(language) => {
            Message::new(&code::SETTING_COUNTRY_LANGUAGE, text).with("language", language.as_str())
        }
        LanguageError::Duplicate(country) => {
            Message::new(&code::SETTING_COUNTRY_DUPLICATE, text).with("country", country.as_str())
        }
    }
}

/// The reasons `check_shop_url` gives, with their codes. The woo crate words them; a test
/// below makes each one appear, so a reworded reason is noticed rather than left untranslated.
const SHOP_URL_REASONS: &[(&str, &code::Code)] = &[
    (
        "it is not a web address",
        &code::SETTING_SHOP_URL_NOT_ADDRESS,
    ),
    (
        "it does not start with https://",
        &code::SETTING_SHOP_URL_NO_SCHEME,
    ),
    ("it has no host name", &code::SETTING_SHOP_URL_NO_HOST),
    ("it contains a user name", &code::SETTING_SHOP_URL_USER),
    ("it contains a query", &code::SETTING_SHOP_URL_QUERY),
    (
        "it points inside WordPress",
        &code::SETTING_SHOP_URL_WORDPRESS,
    ),
];

/// The shop address's refusal, with its code (or as it is, for a reason not listed above).
fn shop_url_message(e: &comptoir_woo::rest::RestError) -> Message {
    use comptoir_woo::rest::RestError;
    let text = e.to_string();
    match e {
        RestError::NotHttps { url } => {
            Message::new(&code::SETTING_SHOP_URL_NOT_HTTPS, text).with("url", url.as_str())
        }
        RestError::BadUrl { url, reason } => {
            match SHOP_URL_REASONS
                .iter()
                .find(|(start, _)| reason.starts_with(start))
            {
                Some((_, c)) => Message::new(c, text).with("url", url.as_str()),
                None => Message::plain(text),
            }
        }
        _ => Message::plain(text),
    }
}

fn empty_or(v: &str, check: impl FnOnce(&str) -> Result<String>) -> Result<String> {
    if v.is_empty() {
        Ok(String::new())
    } else {
        check(v)
    }
}

pub fn default_pattern(series: &str) -> &'static str {
    match series {
        "invoice" => "F{year}-{seq:04}",
        "credit_note" => "NC{year}-{seq:04}",
        "order_form" => "BC{year}-{seq:04}",
        _ => "BL{year}-{seq:04}",
    }
}

/// A numbering pattern: literal text with `{year}` and exactly one `{seq}` / `{seq:0N}`.
fn number_pattern(v: &str) -> std::result::Result<String, String> {
    let rule = "use {year} and one {seq} (or {seq:04} for at least 4 digits) with letters, digits, - / . _ around them, e.g. F{year}-{seq:04}";
    let mut seqs = 0;
    let mut rest = v;
    while let Some(start) = rest.find('{') {
        let (before, after) = rest.split_at(start);
        if !before
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-/._".contains(c))
        {
            return Err(rule.into());
        }
        let end = after.find('}').ok_or(rule)?;
        let token = &after[1..end];
        match token {
            "year" => {}
            "seq" => seqs += 1,
            t if t.starts_with("seq:0")
                && t.len() == 6
                && t[5..].parse::<u8>().is_ok_and(|n| (1..=9).contains(&n)) =>
            {
                seqs += 1
            }
            _ => return Err(rule.into()),
        }
        rest = &after[end + 1..];
    }
    if !rest
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "-/._".contains(c))
        || seqs != 1
        || v.len() > 40
    {
        return Err(rule.into());
    }
    Ok(v.to_owned())
}

/// Formats a number with a pattern checked by [`number_pattern`].
pub fn format_number(pattern: &str, year: i32, seq: i64) -> String {
    let mut out = String::new();
    let mut rest = pattern;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let Some(end) = rest[start..].find('}') else {
            break;
        };
        let token = &rest[start + 1..start + end];
        match token {
            "year" => out.push_str(&year.to_string()),
            "seq" => out.push_str(&seq.to_string()),
            t => {
                let width = t
                    .get(5..)
                    .and_then(|w| w.parse::<usize>().ok())
                    .unwrap_or(1);
                out.push_str(&format!("{seq:0width$}"));
            }
        }
        rest = &rest[start + end + 1..];
    }
    out.push_str(rest);
    out
}

/// The value of a setting (its default when the owner never set it).
pub fn get(conn: &Connection, key: &ConfigKey) -> Result<String> {
    if key.is_secret() {
        return Ok(webhook_secret(conn)?.expose().to_owned());
    }
    if key.is_password() {
        let set = crate::secrets::is_set(conn, key.name())?;
        return Ok(if set { "(set)" } else { "(not set)" }.to_owned());
    }
    // The next number lives with the counters, where numbering takes it.
    if let Some(series) = key
        .name()
        .strip_prefix("numbering.")
        .and_then(|s| s.strip_suffix(".next"))
    {
        return Ok(crate::numbering::peek_next(conn, series)?.to_string());
    }
    Ok(get_setting(conn, key.name())?.unwrap_or_else(|| key.default_value()))
}

/// The value of a key known to exist (for the application's own reads).
pub fn get_known(conn: &Connection, name: &str) -> Result<String> {
    // The rules read several settings per delivery, inside the intake's commit: look the key
    // up without copying it.
    match ALL_KEYS.iter().find(|k| k.name == name) {
        Some(key) => get(conn, key),
        None => get(conn, &ConfigKey::parse(name)?),
    }
}

/// Validates and stores a setting; returns the value stored. Some settings are checked against
/// the data too (a next number below one already given is refused).
pub fn set(conn: &Connection, key: &ConfigKey, value: &str) -> Result<String> {
    let value = key.validate(value)?;
    if key.is_password() {
        crate::secrets::write(conn, key.name(), &value)?;
        return Ok(if value.is_empty() {
            "(not set)"
        } else {
            "(set)"
        }
        .to_owned());
    }
    if let Some(series) = key
        .name()
        .strip_prefix("numbering.")
        .and_then(|s| s.strip_suffix(".next"))
    {
        return crate::numbering::set_next(conn, series, &value).map(|()| value);
    }
    if let Some(series) = key
        .name()
        .strip_prefix("numbering.")
        .and_then(|s| s.strip_suffix(".yearly_reset"))
        && value == "true"
        && !get_known(conn, &format!("numbering.{series}.pattern"))?.contains("{year}")
    {
        return Err(Error::InvalidValue {
            key: key.name().to_owned(),
            value,
            rule: Message::new(
                &code::SETTING_RESET_NEEDS_YEAR,
                format!(
                    "numbering that starts again each year needs {{year}} in numbering.{series}.pattern, or numbers would repeat"
                ),
            )
            .with("series", series),
        });
    }
    if let Some(series) = key
        .name()
        .strip_prefix("numbering.")
        .and_then(|s| s.strip_suffix(".pattern"))
        && !value.contains("{year}")
        && get_known(conn, &format!("numbering.{series}.yearly_reset"))? == "true"
    {
        return Err(Error::InvalidValue {
            key: key.name().to_owned(),
            value,
            rule: Message::new(
                &code::SETTING_PATTERN_NEEDS_YEAR,
                format!(
                    "this numbering starts again each year, so the pattern needs {{year}}; set numbering.{series}.yearly_reset to false first"
                ),
            )
            .with("series", series),
        });
    }
    set_setting(conn, key.name(), &value)?;
    Ok(value)
}

/// Every setting with its value; the secret is left out unless `with_secret`.
pub fn list(conn: &Connection, with_secret: bool) -> Result<Vec<Setting>> {
    ConfigKey::all()
        .into_iter()
        .map(|k| {
            let value = if k.is_secret() && !with_secret {
                "(hidden; `config get webhook.secret` shows it)".to_owned()
            } else {
                get(conn, &k)?
            };
            Ok(Setting {
                key: k.name().to_owned(),
                value,
                help: k.help(),
            })
        })
        .collect()
}

pub fn listener_port(conn: &Connection) -> Result<u16> {
    let text = get(conn, &ConfigKey::listener_port())?;
    text.parse().map_err(|_| Error::InvalidValue {
        key: "listener.port".to_owned(),
        value: text,
        rule: Message::new(
            &code::SETTING_PORT,
            "the port is a whole number from 1024 to 65535",
        ),
    })
}

pub fn get_bool(conn: &Connection, name: &str) -> Result<bool> {
    Ok(get_known(conn, name)? == "true")
}

pub fn get_language(conn: &Connection, name: &str) -> Result<Language> {
    let v = get_known(conn, name)?;
    Ok(Language::parse(&v).unwrap_or(Language::Fr))
}

pub fn get_kind(conn: &Connection) -> Result<DocumentKind> {
    let v = get_known(conn, "documents.kind")?;
    Ok(DocumentKind::parse(&v).unwrap_or(DocumentKind::Invoice))
}

/// The webhook secret, generated on first use: 40 random letters and digits, which
/// WooCommerce stores and uses unchanged.
pub fn webhook_secret(conn: &Connection) -> Result<Secret> {
    if let Some(s) = get_setting(conn, "webhook.secret")? {
        return Ok(Secret::new(s));
    }
    let generated: String = rand::rng()
        .sample_iter(&Alphanumeric)
        .take(40)
        .map(char::from)
        .collect();
    Ok(Secret::new(insert_setting_if_absent(
        conn,
        "webhook.secret",
        &generated,
    )?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(name: &str) -> ConfigKey {
        ConfigKey::parse(name).unwrap()
    }

    #[test]
    fn values_are_checked() {
        assert!(key("listener.port").validate("8787").is_ok());
        assert!(key("listener.port").validate("80").is_err());
        assert!(key("listener.port").validate("http").is_err());
        assert!(key("webhook.secret").validate("test-secret-123").is_ok());
        assert!(key("webhook.secret").validate("short").is_err());
        assert!(key("webhook.secret").validate("has a space in it").is_err());
        assert!(key("webhook.secret").validate("a&amp;bcdefghijkl").is_err());
        assert_eq!(
            key("tunnel.public_url")
                .validate("https://shop.example/")
                .unwrap(),
            "https://shop.example"
        );
        assert!(
            key("tunnel.public_url")
                .validate("http://shop.example")
                .is_err()
        );
        assert_eq!(key("tunnel.public_url").validate("").unwrap(), "");
        assert!(key("documents.kind").validate("invoice").is_ok());
        let e = key("documents.kind")
            .validate("receipt")
            .unwrap_err()
            .to_string();
        assert!(e.contains("order_form, delivery_note, invoice"), "{e}");
        assert_eq!(key("documents.auto_email").validate("yes").unwrap(), "true");
        assert!(
            key("legend.fr.unpaid")
                .validate("Payez avec {structured_communication}")
                .is_ok()
        );
        let e = key("legend.fr.unpaid")
            .validate("Payez {montant}")
            .unwrap_err()
            .to_string();
        assert!(e.contains("{structured_communication}"), "{e}");
        let e = ConfigKey::parse("nope").unwrap_err().to_string();
        assert!(e.contains("webhook.secret, listener.port"), "{e}");
        assert!(ConfigKey::parse("legend.de.paid").is_err());
        assert!(ConfigKey::parse("email.nl.unpaid.subject").is_ok());
    }

    /// The code of the reason a value is refused.
    fn refusal(name: &str, value: &str) -> Message {
        match key(name).validate(value) {
            Err(e) => e.message(),
            Ok(v) => panic!("{name} accepted {value:?} as {v:?}"),
        }
    }

    #[test]
    fn refusals_carry_a_code_and_their_values() {
        let m = refusal("shop.iban", "BE68 5390 0754 7035");
        assert_eq!(m.code_id(), Some("check.iban.check_digits"));
        assert_eq!(m.params["value"], "BE68 5390 0754 7035");
        // The English sentence keeps the key and value, for the command line.
        assert!(
            m.message
                .starts_with("shop.iban cannot be \"BE68 5390 0754 7035\": "),
            "{m:?}"
        );
        let m = refusal("documents.kind", "receipt");
        assert_eq!(m.code_id(), Some("setting.one_of"));
        assert_eq!(m.params["allowed"], "order_form, delivery_note, invoice");
        let m = refusal("legend.fr.unpaid", "Payez {montant}");
        assert_eq!(m.code_id(), Some("template.unknown"));
        assert_eq!(m.params["name"], "{montant}");
        let m = refusal("shop.vat_number", "BE0123456789");
        assert_eq!(m.code_id(), Some("check.vat.be_checksum"));
        let m = refusal("shop.enterprise_number", "0123456789");
        assert_eq!(m.code_id(), Some("check.enterprise.checksum"));
        let m = refusal("shop.name", &"x".repeat(501));
        assert_eq!(
            (m.code_id(), &m.params["max"]),
            (Some("setting.text_too_long"), &500.into())
        );
        let m = refusal("documents.country_languages", "BE=de");
        assert_eq!(m.code_id(), Some("setting.country_map.language"));
        assert_eq!(m.params["language"], "de");
        for (value, id) in [
            ("http://shop.example.be", "setting.shop_url.not_https"),
            ("ftp://shop.example.be", "setting.shop_url.no_scheme"),
            ("shop.example.be", "setting.shop_url.no_scheme"),
            ("https://me@shop.example.be", "setting.shop_url.user"),
            ("https://shop.example.be/?a=1", "setting.shop_url.query"),
            (
                "https://shop.example.be/wp-admin",
                "setting.shop_url.wordpress",
            ),
            ("https://shop example.be", "setting.shop_url.not_address"),
        ] {
            let m = refusal("woocommerce.url", value);
            assert_eq!(m.code_id(), Some(id), "{value}: {m:?}");
        }
        for (name, value, id) in [
            ("webhook.secret", "short", "setting.secret"),
            ("listener.port", "80", "setting.port"),
            (
                "tunnel.public_url",
                "http://x.be",
                "setting.public_url.https",
            ),
            (
                "tunnel.public_url",
                "https://a@x.be",
                "setting.public_url.shape",
            ),
            ("documents.auto_email", "maybe", "setting.bool"),
            ("shop.logo", "/logo.gif", "setting.logo.extension"),
            ("shop.logo", "/nowhere/logo.png", "setting.logo.missing"),
            (
                "numbering.invoice.pattern",
                "F{foo}",
                "setting.number_pattern",
            ),
            ("numbering.invoice.next", "0", "setting.positive_int"),
            ("smtp.host", "smtp example", "setting.host"),
            ("smtp.port", "0", "setting.any_port"),
            ("smtp.password", "a\nb", "setting.password"),
            ("sync.interval_minutes", "0", "setting.minutes"),
            ("smtp.from", "Shop <shop>", "check.email.invalid"),
            ("shop.bic", "GEBA", "check.bic"),
        ] {
            assert_eq!(
                refusal(name, value).code_id(),
                Some(id),
                "{name} = {value:?}"
            );
        }
        let m = ConfigKey::parse("nope").unwrap_err().message();
        assert_eq!(m.code_id(), Some("setting.unknown_key"));
        assert_eq!(m.params["key"], "nope");
    }

    #[test]
    fn numbering_refusals_carry_a_code() {
        let dir = tempfile::tempdir().unwrap();
        let conn = comptoir_store::open(&dir.path().join("db")).unwrap();
        let m = set(&conn, &key("numbering.invoice.pattern"), "F-{seq}")
            .unwrap_err()
            .message();
        assert_eq!(m.code_id(), Some("setting.numbering.pattern_needs_year"));
        assert_eq!(m.params["series"], "invoice");
        set(&conn, &key("numbering.invoice.yearly_reset"), "false").unwrap();
        set(&conn, &key("numbering.invoice.pattern"), "F-{seq}").unwrap();
        let m = set(&conn, &key("numbering.invoice.yearly_reset"), "true")
            .unwrap_err()
            .message();
        assert_eq!(m.code_id(), Some("setting.numbering.reset_needs_year"));
        assert_eq!(m.params["series"], "invoice");
    }

    #[test]
    fn number_patterns() {
        assert!(number_pattern("F{year}-{seq:04}").is_ok());
        assert!(number_pattern("{seq}").is_ok());
        assert!(number_pattern("F{year}").is_err());
        assert!(number_pattern("F{seq}{seq}").is_err());
        assert!(number_pattern("F {seq}").is_err());
        assert!(number_pattern("F{foo}{seq}").is_err());
        assert_eq!(format_number("F{year}-{seq:04}", 2026, 7), "F2026-0007");
        assert_eq!(format_number("NC-{seq}", 2026, 12345), "NC-12345");
        assert_eq!(format_number("{year}/{seq:03}", 2027, 1), "2027/001");
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
