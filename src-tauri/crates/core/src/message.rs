//! Sentences for the owner that the window shows in the owner's language: each carries a stable
//! code, the values it names (its parameters), and the English sentence (what the command line
//! prints, and what the window shows when it has no translation). The window looks up
//! `msg.<code>` in its dictionaries (ui/src/lib/i18n.ts) and fills in the parameters.
//!
//! Every code is declared once in [`code`], with the names of its parameters; [`code::ALL`]
//! lists them, and a test checks that the window has each one in French, Dutch and English and
//! that its translations only use declared parameters.

use serde::Serialize;
use serde_json::{Map, Value};

/// A kind of sentence: its stable id and the names of the values it may carry.
#[derive(Debug, PartialEq, Eq)]
pub struct Code {
    pub id: &'static str,
    pub params: &'static [&'static str],
}

macro_rules! codes {
    ($($(#[$doc:meta])* $name:ident = $id:literal [$($param:ident),*];)*) => {
        $($(#[$doc])* pub static $name: Code = Code { id: $id, params: &[$(stringify!($param)),*] };)*
        /// Every code, for the translation check.
        pub static ALL: &[&Code] = &[$(&$name),*];
    };
}

/// The codes, grouped by where they come from. A parameter holding a number is a JSON number
/// (the window picks singular or plural with it); a parameter may also hold another message,
/// or a list of messages (sentences appended after the main one).
pub mod code {
    pub use super::Code;

    codes! {
        // Checks of the shop's identity (crate::checks).
        CHECK_IBAN_EMPTY = "check.iban.empty" [];
        CHECK_IBAN_CHARACTERS = "check.iban.characters" [value];
        CHECK_IBAN_START = "check.iban.start" [value];
        CHECK_IBAN_COUNTRY_LENGTH = "check.iban.country_length" [value, country, expected, actual];
        CHECK_IBAN_LENGTH = "check.iban.length" [value, actual];
        CHECK_IBAN_CHECK_DIGITS = "check.iban.check_digits" [value];
        CHECK_BIC = "check.bic" [value];
        CHECK_ENTERPRISE_SHAPE = "check.enterprise.shape" [value];
        CHECK_ENTERPRISE_LENGTH = "check.enterprise.length" [value, actual];
        CHECK_ENTERPRISE_START = "check.enterprise.start" [value];
        CHECK_ENTERPRISE_CHECKSUM = "check.enterprise.checksum" [value];
        CHECK_VAT_BE_SHAPE = "check.vat.be_shape" [value];
        CHECK_VAT_BE_LENGTH = "check.vat.be_length" [value, actual];
        CHECK_VAT_BE_START = "check.vat.be_start" [value];
        CHECK_VAT_BE_CHECKSUM = "check.vat.be_checksum" [value];
        CHECK_VAT_PREFIX = "check.vat.prefix" [value];
        CHECK_VAT_COUNTRY = "check.vat.country" [value, country];
        CHECK_VAT_GREECE = "check.vat.greece" [value, country];
        CHECK_VAT_SHAPE = "check.vat.shape" [value, country, example];
        CHECK_EMAIL_EMPTY = "check.email.empty" [];
        CHECK_EMAIL_TOO_LONG = "check.email.too_long" [];
        CHECK_EMAIL_INVALID = "check.email.invalid" [value];

        // Legends and e-mail texts (crate::template).
        TEMPLATE_UNKNOWN = "template.unknown" [name, known];
        TEMPLATE_EMPTY = "template.empty" [position, known];
        TEMPLATE_UNCLOSED = "template.unclosed" [position, known];
        TEMPLATE_LONE_CLOSE = "template.lone_close" [position];

        // The owner's actions on documents and stock refused (the comptoir crate).
        DOCUMENT_MISSING = "document.missing" [id];
        DOCUMENT_CANCELLED_NOT_PAYABLE = "document.cancelled_not_payable" [id];
        DOCUMENT_DELETE_FINAL = "document.delete_final" [id];
        DOCUMENT_NOTE_TOO_LONG = "document.note_too_long" [max];
        DOCUMENT_ALREADY_SENT = "document.already_sent" [id];
        DOCUMENT_CANNOT_SEND = "document.cannot_send" [id];
        DOCUMENT_NOTHING_TO_PRINT = "document.nothing_to_print" [];
        DOCUMENT_NOTE_FINAL = "document.note_final" [id];
        STOCK_QUANTITY = "stock.quantity" [sku, value];
        STOCK_UNKNOWN_SKU = "stock.unknown_sku" [sku];

        // The settings' own rules (the comptoir crate's config module).
        SETTING_UNKNOWN_KEY = "setting.unknown_key" [key, known];
        SETTING_SECRET = "setting.secret" [];
        SETTING_PORT = "setting.port" [];
        SETTING_PUBLIC_URL_HTTPS = "setting.public_url.https" [];
        SETTING_PUBLIC_URL_SHAPE = "setting.public_url.shape" [];
        SETTING_ONE_OF = "setting.one_of" [allowed];
        SETTING_BOOL = "setting.bool" [];
        SETTING_TEXT_TOO_LONG = "setting.text_too_long" [max];
        SETTING_LOGO_EXTENSION = "setting.logo.extension" [];
        SETTING_LOGO_MISSING = "setting.logo.missing" [path];
        SETTING_NUMBER_PATTERN = "setting.number_pattern" [];
        SETTING_POSITIVE_INT = "setting.positive_int" [];
        SETTING_HOST = "setting.host" [];
        SETTING_ANY_PORT = "setting.any_port" [];
        SETTING_PASSWORD = "setting.password" [];
        SETTING_MINUTES = "setting.minutes" [];
        SETTING_COUNTRY_ENTRY = "setting.country_map.entry" [entry];
        SETTING_COUNTRY_CODE = "setting.country_map.country" [country];
        SETTING_COUNTRY_LANGUAGE = "setting.country_map.language" [language];
        SETTING_COUNTRY_DUPLICATE = "setting.country_map.duplicate" [country];
        SETTING_SHOP_URL_NOT_HTTPS = "setting.shop_url.not_https" [url];
        SETTING_SHOP_URL_NOT_ADDRESS = "setting.shop_url.not_address" [url];
        SETTING_SHOP_URL_NO_SCHEME = "setting.shop_url.no_scheme" [url];
        SETTING_SHOP_URL_NO_HOST = "setting.shop_url.no_host" [url];
        SETTING_SHOP_URL_USER = "setting.shop_url.user" [url];
        SETTING_SHOP_URL_QUERY = "setting.shop_url.query" [url];
        SETTING_SHOP_URL_WORDPRESS = "setting.shop_url.wordpress" [url];
        SETTING_RESET_NEEDS_YEAR = "setting.numbering.reset_needs_year" [series];
        SETTING_PATTERN_NEEDS_YEAR = "setting.numbering.pattern_needs_year" [series];
        SETTING_NEXT_TAKEN = "setting.numbering.next_taken" [highest, least];

        // The activity log.
        ACTIVITY_RULES_FAILED = "activity.rules_failed" [order, error];
        ACTIVITY_IGNORED_TOPIC = "activity.ignored_topic" [topic];
        ACTIVITY_IGNORED_TOPIC_WEBHOOK = "activity.ignored_topic_webhook" [topic, webhook];
        ACTIVITY_FAILED_DELIVERY = "activity.failed_delivery" [topic, reason];
        ACTIVITY_FAILED_DELIVERY_UNTITLED = "activity.failed_delivery_untitled" [reason];
        ACTIVITY_PING = "activity.ping" [webhook];
        ACTIVITY_PING_FROM = "activity.ping_from" [webhook, agent];
        ACTIVITY_LISTENING = "activity.listening" [address];
        ACTIVITY_LISTENER_STOPPED = "activity.listener_stopped" [];
        ACTIVITY_CATCH_UP_UNREADABLE = "activity.catch_up.unreadable" [reason];
        ACTIVITY_CATCH_UP_AGAIN = "activity.catch_up.again" [summary];
        ACTIVITY_CATCH_UP_FAILED = "activity.catch_up.failed" [error];
        CATCH_UP_NONE_MISSED = "catch_up.none_missed" [seen, since, notes];
        CATCH_UP_CHANGED = "catch_up.changed" [changed, seen, since, made, notes];
        CATCH_UP_NOTE_UNREADABLE = "catch_up.note.unreadable" [count];
        CATCH_UP_NOTE_UNSETTLED = "catch_up.note.unsettled" [];
        ACTIVITY_MAIL_GAVE_UP = "activity.mail.gave_up" [number, error];
        ACTIVITY_MAIL_FAILED = "activity.mail.failed" [number, error];
        ACTIVITY_OUTBOX_STOPPED = "activity.outbox_stopped" [error];

        // The round-trip test of the public address (the comptoir crate's reach module).
        // `server` is empty or a REACH_TRIP_SERVER sentence.
        REACH_TRIP_SERVER = "reach.trip.server" [name];
        REACH_TRIP_NOT_ADDRESS = "reach.trip.not_address" [address];
        REACH_TRIP_OK = "reach.trip.ok" [url, millis];
        REACH_TRIP_DNS = "reach.trip.dns" [url, host];
        REACH_TRIP_TIMEOUT = "reach.trip.timeout" [url, seconds];
        REACH_TRIP_REFUSED = "reach.trip.refused" [url, host];
        REACH_TRIP_CERTIFICATE = "reach.trip.certificate" [url, host, detail];
        REACH_TRIP_TLS = "reach.trip.tls" [url, detail];
        REACH_TRIP_BROKEN = "reach.trip.broken" [url, detail];
        REACH_TRIP_FAILED = "reach.trip.failed" [url, detail];
        REACH_TRIP_BAD_ANSWER = "reach.trip.bad_answer" [url, status, server];
        REACH_TRIP_OTHER_SERVER = "reach.trip.other_server" [url, status, server, port];
        REACH_TRIP_REDIRECT = "reach.trip.redirect" [status, server, location, port];
        REACH_TRIP_NOT_FOUND = "reach.trip.not_found" [server, path, port];
        REACH_TRIP_GATEWAY = "reach.trip.gateway" [status, server, port];
        REACH_TRIP_OTHER_STATUS = "reach.trip.other_status" [status, server, port];
        REACH_TRIP_NO_ADDRESS = "reach.trip.no_address" [reason];
        REACH_TRIP_STARTING = "reach.trip.starting" [];
        REACH_TRIP_NO_LISTENER = "reach.trip.no_listener" [reason];

        // Why the tunnel is down (the tunnel crate's TunnelError, the comptoir crate's reach
        // module). `end` is a TUNNEL_END_* sentence, `last_words` empty or TUNNEL_LAST_WORDS,
        // `error` (ngrok retrying) another tunnel sentence.
        TUNNEL_BAD_URL = "tunnel.bad_url" [url, reason];
        TUNNEL_BAD_URL_NOT_HTTPS = "tunnel.bad_url.not_https" [];
        TUNNEL_BAD_URL_QUERY = "tunnel.bad_url.query" [];
        TUNNEL_BAD_URL_NO_HOST = "tunnel.bad_url.no_host" [];
        TUNNEL_BAD_URL_USER = "tunnel.bad_url.user" [];
        TUNNEL_BAD_URL_IPV6 = "tunnel.bad_url.ip_address" [];
        TUNNEL_BAD_URL_PORT = "tunnel.bad_url.port" [port];
        TUNNEL_BAD_URL_NOT_A_PORT = "tunnel.bad_url.not_a_port" [];
        TUNNEL_BAD_URL_PRIVATE = "tunnel.bad_url.private" [];
        TUNNEL_NOT_INSTALLED = "tunnel.not_installed" [exe];
        TUNNEL_SPAWN = "tunnel.spawn" [exe, reason];
        TUNNEL_NO_ADDRESS_YET = "tunnel.no_address_yet" [provider];
        TUNNEL_CLOUDFLARED_RESTARTING = "tunnel.cloudflared_restarting" [end, last_words, seconds];
        TUNNEL_END_EXITED = "tunnel.end.exited" [exit];
        TUNNEL_END_EXITED_WITHOUT_ADDRESS = "tunnel.end.exited_without_address" [exit];
        TUNNEL_END_NO_ADDRESS = "tunnel.end.no_address" [seconds];
        TUNNEL_LAST_WORDS = "tunnel.last_words" [words];
        TUNNEL_NGROK_NO_AUTHTOKEN = "tunnel.ngrok.no_authtoken" [];
        TUNNEL_NGROK_AUTHTOKEN_REJECTED = "tunnel.ngrok.authtoken_rejected" [detail];
        TUNNEL_NGROK_BAD_DOMAIN = "tunnel.ngrok.bad_domain" [domain];
        TUNNEL_NGROK_DOMAIN = "tunnel.ngrok.domain" [domain, detail];
        TUNNEL_NGROK_UNREACHABLE = "tunnel.ngrok.unreachable" [server, reason];
        TUNNEL_NGROK_REFUSED = "tunnel.ngrok.refused" [detail];
        TUNNEL_NGROK_DROPPED = "tunnel.ngrok.dropped" [reason];
        TUNNEL_NGROK_RETRYING = "tunnel.ngrok.retrying" [error, seconds];
        TUNNEL_NGROK_COULD_NOT_START = "tunnel.ngrok.could_not_start" [reason];
        TUNNEL_BAD_LOCAL_ADDRESS = "tunnel.bad_local_address" [address, reason];
        TUNNEL_STOPPED = "tunnel.stopped" [];
        TUNNEL_NOT_STARTED = "tunnel.not_started" [];
        TUNNEL_STOPPED_ON_REQUEST = "tunnel.stopped_on_request" [];
        TUNNEL_SETTINGS_UNREADABLE = "tunnel.settings_unreadable" [];
        TUNNEL_NO_LISTENER = "tunnel.no_listener" [];
        TUNNEL_NO_PUBLIC_URL = "tunnel.no_public_url" [];
        TUNNEL_STARTING = "tunnel.starting" [];

        // Why the listener is not listening (the comptoir crate's engine).
        LISTENER_NOT_LOOPBACK = "listener.not_loopback" [address];
        LISTENER_PORT_BUSY = "listener.port_busy" [port];
        LISTENER_CANNOT_OPEN = "listener.cannot_open" [address, error];
        LISTENER_CANNOT_START = "listener.cannot_start" [error];
        LISTENER_CLOSED = "listener.closed" [];
        LISTENER_NOT_STARTED = "listener.not_started" [];

        // Comptoir's webhooks in WooCommerce (the woo crate's rest module, the comptoir crate's
        // connect module). `moved` is empty or a WEBHOOK_MOVED_NOTE sentence, `gone` empty or a
        // WEBHOOK_GONE_NOTE one.
        WEBHOOK_CREATED = "webhook.created" [id, topic, url];
        WEBHOOK_MOVED = "webhook.moved" [id, topic, url, previous];
        WEBHOOK_UPDATED = "webhook.updated" [id, topic, url];
        WEBHOOK_MOVED_NOTE = "webhook.moved_note" [url, previous];
        WEBHOOK_REACTIVATED_DISABLED = "webhook.reactivated_disabled" [id, topic, moved];
        WEBHOOK_REACTIVATED = "webhook.reactivated" [id, topic, was, moved];
        WEBHOOK_SECRET_SENT = "webhook.secret_sent" [id, topic, url];
        WEBHOOK_UNCHANGED = "webhook.unchanged" [id, topic, url];
        WEBHOOK_DUPLICATE = "webhook.duplicate" [id, topic, name];
        WEBHOOK_RECREATED = "webhook.recreated" [id, topic, url, gone];
        WEBHOOK_GONE_NOTE = "webhook.gone_note" [id];
        WEBHOOK_URL_NOT_ADDRESS = "webhook.url.not_address" [url];
        WEBHOOK_URL_NOT_HTTPS = "webhook.url.not_https" [url];
        WEBHOOK_URL_PORT = "webhook.url.port" [port];
        WEBHOOK_URL_PRIVATE = "webhook.url.private" [host];
        WEBHOOK_CHECK_AGAIN = "webhook.check_again" [];
        WEBHOOK_CHECK_FAILED = "webhook.check_failed" [error];
        WEBHOOK_CONNECT_FAILED = "webhook.connect_failed" [error];
        WEBHOOK_NO_ADDRESS_YET = "webhook.no_address_yet" [reason];
        WEBHOOK_NOT_ACTIVE = "webhook.not_active" [id, topic, status, problem];
    }
}

/// A sentence for the owner: its code (none for sentences the window shows as they are), its
/// parameters, and the English text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Message {
    #[serde(serialize_with = "code_id")]
    pub code: Option<&'static Code>,
    pub params: Map<String, Value>,
    /// The English sentence.
    pub message: String,
}

fn code_id<S: serde::Serializer>(code: &Option<&'static Code>, s: S) -> Result<S::Ok, S::Error> {
    match code {
        Some(c) => s.serialize_str(c.id),
        None => s.serialize_none(),
    }
}

impl Message {
    /// A sentence of kind `code`, `text` being its English wording.
    pub fn new(code: &'static Code, text: impl Into<String>) -> Message {
        Message {
            code: Some(code),
            params: Map::new(),
            message: text.into(),
        }
    }

    /// A sentence without a code: every language shows `text` as it is.
    pub fn plain(text: impl Into<String>) -> Message {
        Message {
            code: None,
            params: Map::new(),
            message: text.into(),
        }
    }

    /// Adds a parameter; `name` must be one the code declares.
    #[must_use]
    pub fn with(mut self, name: &str, value: impl Into<Value>) -> Message {
        debug_assert!(
            self.code.is_none_or(|c| c.params.contains(&name)),
            "{name} is not a parameter of {:?}",
            self.code.map(|c| c.id)
        );
        self.params.insert(name.to_owned(), value.into());
        self
    }

    /// Adds a parameter that is itself a sentence (translated on its own by the window).
    #[must_use]
    pub fn with_message(self, name: &str, message: &Message) -> Message {
        let value = message.to_value();
        self.with(name, value)
    }

    /// Adds a parameter holding sentences that follow the main one (each after a space).
    #[must_use]
    pub fn with_messages(self, name: &str, messages: &[Message]) -> Message {
        let list: Vec<Value> = messages.iter().map(Message::to_value).collect();
        self.with(name, Value::Array(list))
    }

    /// Adds a parameter that is an optional clause inside the sentence: the clause's own
    /// sentence, or an empty text when there is none.
    #[must_use]
    pub fn with_clause(self, name: &str, clause: Option<&Message>) -> Message {
        let value = clause.map_or(Value::from(""), Message::to_value);
        self.with(name, value)
    }

    /// The English text of an optional clause (empty when there is none), for the sentence's
    /// own English wording.
    pub fn clause_text(clause: Option<&Message>) -> &str {
        clause.map_or("", |m| m.message.as_str())
    }

    /// The code's id, e.g. `check.iban.check_digits`.
    pub fn code_id(&self) -> Option<&'static str> {
        self.code.map(|c| c.id)
    }

    /// The parameters as JSON text (what the activity table keeps).
    pub fn params_json(&self) -> String {
        Value::Object(self.params.clone()).to_string()
    }

    /// The JSON the window receives: `{code, params, message}`.
    pub fn to_value(&self) -> Value {
        let mut object = Map::new();
        object.insert(
            "code".into(),
            self.code_id()
                .map_or(Value::Null, |id| Value::String(id.into())),
        );
        object.insert("params".into(), Value::Object(self.params.clone()));
        object.insert("message".into(), Value::String(self.message.clone()));
        Value::Object(object)
    }
}

impl std::fmt::Display for Message {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

/// Reads back what [`Message`] serialises (`{code, params, message}`), and a bare string as a
/// plain sentence (what older saved states hold). A code this build does not know becomes a
/// plain sentence: the English text is still right.
impl<'de> serde::Deserialize<'de> for Message {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Message, D::Error> {
        #[derive(serde::Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Plain(String),
            Coded {
                code: Option<String>,
                #[serde(default)]
                params: Option<Map<String, Value>>,
                message: String,
            },
        }
        Ok(match Raw::deserialize(d)? {
            Raw::Plain(text) => Message::plain(text),
            Raw::Coded {
                code: id,
                params,
                message,
            } => Message {
                code: id.and_then(|id| code::ALL.iter().copied().find(|c| c.id == id)),
                params: params.unwrap_or_default(),
                message,
            },
        })
    }
}

impl From<String> for Message {
    fn from(text: String) -> Message {
        Message::plain(text)
    }
}

impl From<&String> for Message {
    fn from(text: &String) -> Message {
        Message::plain(text.as_str())
    }
}

impl From<&str> for Message {
    fn from(text: &str) -> Message {
        Message::plain(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    /// Saved states keep messages as JSON: they come back with their code and values; a bare
    /// string (older states) and an unknown code come back as plain sentences.
    #[test]
    fn a_message_reads_back_what_it_wrote() {
        let m = Message::new(
            &code::WEBHOOK_CREATED,
            "Webhook 7 (order.created) was created.",
        )
        .with("id", 7)
        .with("topic", "order.created")
        .with("url", "https://x.example/webhooks/woocommerce");
        let back: Message = serde_json::from_value(m.to_value()).unwrap();
        assert_eq!(back, m);
        let text = serde_json::to_string(&m).unwrap();
        assert_eq!(serde_json::from_str::<Message>(&text).unwrap(), m);
        let old: Message = serde_json::from_str("\"Webhook 7 was created.\"").unwrap();
        assert_eq!(old, Message::plain("Webhook 7 was created."));
        let unknown: Message =
            serde_json::from_str(r#"{"code":"no.such.code","params":{"a":1},"message":"Hi."}"#)
                .unwrap();
        assert_eq!(unknown.code, None);
        assert_eq!(unknown.message, "Hi.");
    }

    #[test]
    fn codes_are_unique_and_well_formed() {
        let mut seen = BTreeSet::new();
        for c in code::ALL {
            assert!(seen.insert(c.id), "{} is declared twice", c.id);
            assert!(
                c.id.bytes()
                    .all(|b| b.is_ascii_lowercase() || b == b'.' || b == b'_'),
                "{}",
                c.id
            );
        }
    }

    #[test]
    fn serialises_code_params_and_english() {
        let m =
            Message::new(&code::CHECK_IBAN_START, "BE is not a valid IBAN.").with("value", "BE");
        let json = serde_json::to_value(&m).unwrap();
        assert_eq!(json["code"], "check.iban.start");
        assert_eq!(json["params"]["value"], "BE");
        assert_eq!(json["message"], "BE is not a valid IBAN.");
        assert_eq!(json, m.to_value());
        let plain = serde_json::to_value(Message::plain("As is.")).unwrap();
        assert_eq!(plain["code"], Value::Null);
    }

    #[test]
    fn nested_messages_keep_their_own_code() {
        let inner = Message::new(&code::CATCH_UP_NOTE_UNSETTLED, "Again.");
        let outer = Message::new(&code::CATCH_UP_NONE_MISSED, "None. Again.")
            .with("seen", 3)
            .with("since", "2026-11-28 10:00:00")
            .with_messages("notes", std::slice::from_ref(&inner));
        assert_eq!(outer.params["notes"][0]["code"], "catch_up.note.unsettled");
        assert_eq!(outer.params["seen"], 3);
    }

    /// Words in braces that translations may show as they are: the numbering pattern's own
    /// placeholders, which the owner types.
    const LITERAL_BRACES: &[&str] = &["year", "seq"];

    /// The `'msg.…': '…'` entries of one dictionary of i18n.ts.
    fn entries(section: &str) -> std::collections::BTreeMap<String, String> {
        let mut out = std::collections::BTreeMap::new();
        let mut rest = section;
        while let Some(at) = rest.find("'msg.") {
            rest = &rest[at + 1..];
            let end = rest.find('\'').expect("an unterminated key");
            let key = rest[..end].to_owned();
            rest = rest[end + 1..].trim_start();
            rest = rest
                .strip_prefix(':')
                .expect("a key without a colon")
                .trim_start();
            let mut chars = rest
                .strip_prefix('\'')
                .expect("a value that is not a '…' literal")
                .char_indices();
            let mut value = String::new();
            let mut consumed = 0;
            while let Some((i, c)) = chars.next() {
                match c {
                    '\\' => {
                        if let Some((_, next)) = chars.next() {
                            value.push(next);
                        }
                    }
                    '\'' => {
                        consumed = i + 2;
                        break;
                    }
                    c => value.push(c),
                }
            }
            assert!(consumed > 0, "the value of {key} is not closed");
            rest = &rest[consumed..];
            assert!(
                out.insert(key.clone(), value).is_none(),
                "{key} appears twice"
            );
        }
        out
    }

    /// The names in `{…}` of a translation: `{name}` and the plural form `{name|one|many}`.
    fn names_used(text: &str) -> Vec<String> {
        let mut names = Vec::new();
        let mut rest = text;
        while let Some(open) = rest.find('{') {
            let Some(close) = rest[open..].find('}') else {
                break;
            };
            let inner = &rest[open + 1..open + close];
            let name = inner.split('|').next().unwrap_or_default();
            if name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') && !name.is_empty() {
                names.push(name.to_owned());
            }
            rest = &rest[open + close + 1..];
        }
        names
    }

    #[test]
    fn the_window_says_every_code_in_french_dutch_and_english() {
        let path =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../ui/src/lib/i18n.ts");
        let ts = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        for (lang, start) in [
            ("en", "const en = {"),
            ("fr", "const fr: Dictionary = {"),
            ("nl", "const nl: Dictionary = {"),
        ] {
            let from = ts
                .find(start)
                .unwrap_or_else(|| panic!("no `{start}` in i18n.ts"));
            let section = &ts[from..];
            let section = &section[..section.find("\n}").expect("an unclosed dictionary")];
            let found = entries(section);
            for c in code::ALL {
                let key = format!("msg.{}", c.id);
                let text = found
                    .get(&key)
                    .unwrap_or_else(|| panic!("i18n.ts has no {key} in its {lang} dictionary"));
                assert!(!text.trim().is_empty(), "{key} is empty in {lang}");
                for name in names_used(text) {
                    assert!(
                        c.params.contains(&name.as_str())
                            || LITERAL_BRACES.contains(&name.as_str()),
                        "{key} in {lang} uses {{{name}}}, which the core does not send (it sends {:?})",
                        c.params
                    );
                }
            }
            for key in found.keys() {
                assert!(
                    code::ALL.iter().any(|c| format!("msg.{}", c.id) == *key),
                    "{key} in the {lang} dictionary of i18n.ts is no code the core sends"
                );
            }
        }
    }

    #[test]
    #[cfg(debug_assertions)]
    #[should_panic(expected = "is not a parameter of")]
    fn undeclared_parameters_are_caught_in_tests() {
        let _ = Message::new(&code::CHECK_IBAN_START, "x").with("country", "BE");
    }
}
