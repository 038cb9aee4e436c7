//! Comptoir's e-mail: turns a finished document into the message the customer receives (the
//! rendered text plus the PDF) and hands it to the shop's own SMTP server.
//!
//! Pure mail logic: no database, no window. The outbox (elsewhere) decides *when* to send,
//! stores [`MailError`]s for the owner and uses [`MailError::is_temporary`], [`backoff`] and
//! [`should_give_up`] to decide whether and when to try again. Each send opens one connection
//! and closes it, because documents go out one by one, minutes apart.
//!
//! TLS is rustls with ring and the Mozilla roots compiled in (`webpki-roots`): no OpenSSL to
//! install on the owner's machine, and the same behaviour on Windows, macOS and Linux.

mod error;
mod naming;
mod retry;

use std::error::Error as _;
use std::fmt;
use std::str::FromStr;
use std::time::Duration;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use lettre::address::AddressError;
use lettre::message::header::{
    ContentDisposition, ContentTransferEncoding, Header, HeaderName, HeaderValue,
};
use lettre::message::{Body, Mailbox, MultiPart, SinglePart};
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::response::Response;
use lettre::{Address, SmtpTransport, Transport};

pub use error::{AddressRole, MailError};
/// The built message, ready for [`send`]; `formatted()` gives its bytes (e.g. to save an
/// `.eml` copy).
pub use lettre::Message;
pub use naming::{attachment_name, message_id_for};
pub use retry::{attempts_before_giving_up, backoff, give_up_after, should_give_up};

/// How the connection to the SMTP server is protected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Security {
    /// Plain text, for a relay on the same machine or network only.
    None,
    /// Connect in plain text, then upgrade with STARTTLS before logging in (usually port 587).
    /// If the server does not offer STARTTLS nothing is sent, so the password never travels
    /// in clear.
    StartTls,
    /// TLS from the first byte (usually port 465).
    Tls,
}

impl Security {
    /// The value as stored in the settings and typed on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Security::None => "none",
            Security::StartTls => "starttls",
            Security::Tls => "tls",
        }
    }

    /// The port that usually goes with this security, to prefill the settings screen.
    pub fn usual_port(self) -> u16 {
        match self {
            Security::None => 25,
            Security::StartTls => 587,
            Security::Tls => 465,
        }
    }
}

impl fmt::Display for Security {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Security {
    type Err = MailError;

    /// Reads `none`, `starttls` or `tls` (any case, spaces around ignored).
    fn from_str(s: &str) -> Result<Security, MailError> {
        match s.trim().to_ascii_lowercase().as_str() {
            "none" => Ok(Security::None),
            "starttls" => Ok(Security::StartTls),
            "tls" => Ok(Security::Tls),
            _ => Err(MailError::UnknownSecurity {
                value: s.to_owned(),
            }),
        }
    }
}

/// The SMTP password. Its `Debug` never shows the value, so settings can be logged and
/// errors printed without leaking it.
#[derive(Clone, PartialEq, Eq)]
pub struct Password(String);

impl Password {
    pub fn new(value: impl Into<String>) -> Password {
        Password(value.into())
    }

    /// The value itself, for the transport and the keychain only.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Password {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Password(<redacted>)")
    }
}

/// The owner's mail settings (Settings → E-mail). Empty optional texts count as unset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SmtpSettings {
    pub host: String,
    pub port: u16,
    pub security: Security,
    /// The login; `None` or empty for a server that needs none.
    pub user: Option<String>,
    pub password: Option<Password>,
    /// The name the customer sees as the sender, e.g. the shop's name.
    pub from_name: String,
    pub from_address: String,
    pub reply_to: Option<String>,
    /// An address that receives a copy (Cc) of every message, e.g. the shop's archive.
    pub copy_to: Option<String>,
    /// How long to wait for the connection and for each answer of the server.
    pub timeout: Duration,
}

impl SmtpSettings {
    /// A timeout that lets a slow server answer but does not keep the outbox waiting.
    pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);

    /// The timeout in use: a zero one would make every socket call fail at once.
    fn effective_timeout(&self) -> Duration {
        if self.timeout.is_zero() {
            Self::DEFAULT_TIMEOUT
        } else {
            self.timeout
        }
    }

    /// `host:port`, as the error messages name the server.
    fn server(&self) -> String {
        format!("{}:{}", self.host.trim(), self.port)
    }
}

/// One message to send: the texts come already rendered (core's `template::render`) in the
/// customer's language, the attachment is the document's PDF.
#[derive(Clone, Copy)]
pub struct Outgoing<'a> {
    /// The customer's address (the order's billing e-mail); `Name <address>` is accepted too.
    pub to: &'a str,
    pub subject: &'a str,
    /// Plain text; line breaks may be `\n` or `\r\n`.
    pub body: &'a str,
    /// The PDF's file name, e.g. `Facture F2026-0007.pdf` (see [`attachment_name`]).
    pub attachment_name: &'a str,
    /// The PDF's bytes, sent exactly as they are.
    pub attachment: &'a [u8],
    /// The stable Message-ID of the document, `<…@…>` (see [`message_id_for`]).
    pub message_id: &'a str,
}

impl fmt::Debug for Outgoing<'_> {
    // The PDF's bytes would drown everything else; its size says enough.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Outgoing")
            .field("to", &self.to)
            .field("subject", &self.subject)
            .field("body", &self.body)
            .field("attachment_name", &self.attachment_name)
            .field(
                "attachment",
                &format_args!("<{} bytes>", self.attachment.len()),
            )
            .field("message_id", &self.message_id)
            .finish()
    }
}

/// The server accepted the message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Delivered {
    /// The server's final answer, e.g. `250 2.0.0 Ok: queued as 4F2A9C01B3`: the queue id in
    /// it is what the provider asks for when a customer says nothing arrived.
    pub server_response: String,
}

/// Builds the message: `multipart/mixed` with the UTF-8 text and the PDF, From
/// `"name" <address>`, To the customer, Reply-To and Cc when set, and the Message-ID exactly as
/// given. Everything non-ASCII is encoded (quoted-printable or base64 bodies, RFC 2047 headers,
/// RFC 2231 file name), so the message is 7-bit clean and any server takes it.
pub fn build(settings: &SmtpSettings, out: &Outgoing<'_>) -> Result<Message, MailError> {
    let sender = parse_address(&settings.from_address, AddressRole::Sender)?;
    let name = settings.from_name.trim();
    let from = Mailbox::new((!name.is_empty()).then(|| name.to_owned()), sender);
    let to = parse_mailbox(out.to, AddressRole::Recipient)?;
    check_message_id(out.message_id)?;

    let mut builder = Message::builder()
        .from(from)
        .to(to)
        .subject(one_line(out.subject))
        .message_id(Some(out.message_id.to_owned()));
    if let Some(reply_to) = non_empty(settings.reply_to.as_deref()) {
        builder = builder.reply_to(parse_mailbox(reply_to, AddressRole::ReplyTo)?);
    }
    if let Some(copy_to) = non_empty(settings.copy_to.as_deref()) {
        builder = builder.cc(parse_mailbox(copy_to, AddressRole::Copy)?);
    }

    let text = SinglePart::plain(out.body.to_owned());
    let pdf = pdf_part(out.attachment_name, out.attachment)?;
    builder
        .multipart(MultiPart::mixed().singlepart(text).singlepart(pdf))
        .map_err(|e| MailError::Build {
            detail: e.to_string(),
        })
}

/// Sends a built message through the owner's server and waits for its answer (blocking: call
/// it from the outbox's worker thread, not the UI thread).
///
/// The connection and login are done first, on their own, and then the message: so a refusal
/// is known to be about the login (check the password) or about the message (check the
/// address), even when a server uses the same reply code for both.
///
/// One case stays ambiguous, as with every SMTP client: if the connection breaks after the
/// message went out but before the server's final 250 arrived ([`MailError::ConnectionLost`]
/// or [`MailError::NoAnswer`]), the server may have kept it, and a retry then delivers a second
/// copy — with the same Message-ID, so it can be recognised.
pub fn send(settings: &SmtpSettings, message: &Message) -> Result<Delivered, MailError> {
    let transport = transport(settings)?;
    let outcome = deliver(&transport, settings, message);
    // Say QUIT now: with lettre's pool the connection would otherwise idle until the pool's
    // thread closes it a minute later.
    transport.shutdown();
    outcome
}

/// Which part of the conversation with the server failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stage {
    /// Connecting, greeting, STARTTLS and login.
    Connect,
    /// MAIL FROM, RCPT TO and DATA.
    Send,
}

fn deliver(
    transport: &SmtpTransport,
    settings: &SmtpSettings,
    message: &Message,
) -> Result<Delivered, MailError> {
    match transport.test_connection() {
        Ok(true) => {}
        Ok(false) => {
            return Err(MailError::ConnectionLost {
                server: settings.server(),
                detail: "the server stopped answering right after the login".to_owned(),
            });
        }
        Err(e) => return Err(classify(&e, Stage::Connect, settings, message)),
    }
    // With the pool, this reuses the connection just opened (after a NOOP to check it).
    let response = transport
        .send(message)
        .map_err(|e| classify(&e, Stage::Send, settings, message))?;
    Ok(Delivered {
        server_response: answer_of(&response),
    })
}

fn transport(settings: &SmtpSettings) -> Result<SmtpTransport, MailError> {
    let host = settings.host.trim();
    if host.is_empty() {
        return Err(MailError::IncompleteSettings {
            missing: "SMTP server (host)",
        });
    }
    if settings.port == 0 {
        return Err(MailError::IncompleteSettings {
            missing: "SMTP port",
        });
    }
    let tls_setup_failed = |e: lettre::transport::smtp::Error| MailError::Tls {
        server: settings.server(),
        detail: describe(&e),
    };
    let builder = match settings.security {
        Security::None => SmtpTransport::builder_dangerous(host),
        Security::StartTls => SmtpTransport::starttls_relay(host).map_err(tls_setup_failed)?,
        Security::Tls => SmtpTransport::relay(host).map_err(tls_setup_failed)?,
    };
    let mut builder = builder
        .port(settings.port)
        .timeout(Some(settings.effective_timeout()));
    if let Some(user) = non_empty(settings.user.as_deref()) {
        let password = settings
            .password
            .as_ref()
            .ok_or(MailError::IncompleteSettings {
                missing: "SMTP password",
            })?;
        builder = builder.credentials(Credentials::new(
            user.to_owned(),
            password.expose().to_owned(),
        ));
    }
    Ok(builder.build())
}

/// Turns lettre's error into the owner's: what happened, what to do, and whether to retry.
fn classify(
    e: &lettre::transport::smtp::Error,
    stage: Stage,
    settings: &SmtpSettings,
    message: &Message,
) -> MailError {
    let server = settings.server();
    if let Some(code) = e.status() {
        let code = u16::from(code);
        // lettre keeps the server's text (all its lines) as the error's source.
        let answer = e.source().map(ToString::to_string).unwrap_or_default();
        if e.is_transient() {
            return MailError::TryLater { code, answer };
        }
        let with_login = non_empty(settings.user.as_deref()).is_some();
        return match stage {
            Stage::Connect if with_login && is_login_refusal(code, &answer) => {
                MailError::LoginRefused { code, answer }
            }
            Stage::Connect => MailError::ServerRefused {
                server,
                code,
                answer,
            },
            Stage::Send if code == 530 => MailError::LoginRequired { code, answer },
            Stage::Send if is_address_refusal(code, &answer) => MailError::AddressRefused {
                code,
                answer,
                recipients: recipients(message),
            },
            Stage::Send => MailError::MessageRefused { code, answer },
        };
    }
    if let Some(kind) = io_kind(e)
        && matches!(
            kind,
            std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock
        )
    {
        // A socket read timeout is WouldBlock on Unix, TimedOut on Windows.
        let seconds = settings.effective_timeout().as_secs_f32();
        return MailError::NoAnswer {
            server,
            detail: format!("no answer within {seconds} s"),
        };
    }
    let detail = describe(e);
    if detail.contains("certificate") {
        // rustls: "invalid peer certificate: …" (unknown issuer, expired, wrong name).
        return MailError::Certificate { server, detail };
    }
    if e.is_tls() {
        return MailError::Tls { server, detail };
    }
    if e.is_client() {
        // lettre reports these two as client errors; their texts are lettre's own.
        return if detail.contains("STARTTLS") {
            MailError::Tls { server, detail }
        } else if detail.contains("authentication mechanism") {
            MailError::LoginUnavailable { server, detail }
        } else {
            MailError::Unsupported { detail }
        };
    }
    match stage {
        // rustls reports a failed handshake (a bad certificate, or a plain-text server
        // answering a TLS hello) as invalid data on the socket.
        Stage::Connect
            if settings.security != Security::None
                && io_kind(e) == Some(std::io::ErrorKind::InvalidData) =>
        {
            MailError::Tls { server, detail }
        }
        Stage::Connect => MailError::Unreachable { server, detail },
        Stage::Send => MailError::ConnectionLost { server, detail },
    }
}

/// A 5xx during the login that is about the login itself (RFC 4954 codes, or an enhanced
/// status 5.7.x "security or policy").
fn is_login_refusal(code: u16, answer: &str) -> bool {
    matches!(code, 530 | 534 | 535 | 538)
        || enhanced_status(answer).is_some_and(|(class, subject)| class == 5 && subject == 7)
}

/// A 5xx about an address: enhanced status 5.1.x ("addressing"), or without enhanced status
/// the RFC 5321 mailbox codes. 550 with 5.7.1 (policy, spam) is not one.
fn is_address_refusal(code: u16, answer: &str) -> bool {
    match enhanced_status(answer) {
        Some((class, subject)) => class == 5 && subject == 1,
        None => matches!(code, 550 | 551 | 553),
    }
}

/// The class and subject of an RFC 3463 enhanced status code at the start of an answer
/// ("5.1.1 <x@y>: Recipient address rejected" → (5, 1)).
fn enhanced_status(answer: &str) -> Option<(u8, u16)> {
    let token = answer.split_whitespace().next()?;
    let mut parts = token.split('.');
    let class: u8 = parts.next()?.parse().ok()?;
    let subject: u16 = parts.next()?.parse().ok()?;
    parts.next()?.parse::<u16>().ok()?;
    (parts.next().is_none() && matches!(class, 2 | 4 | 5)).then_some((class, subject))
}

/// The first I/O error kind in an error's chain.
fn io_kind(e: &lettre::transport::smtp::Error) -> Option<std::io::ErrorKind> {
    let mut source = e.source();
    while let Some(err) = source {
        if let Some(io) = err.downcast_ref::<std::io::Error>() {
            return Some(io.kind());
        }
        source = err.source();
    }
    None
}

/// The most specific text of an error: the cause ("Connection refused (os error 111)")
/// rather than lettre's category ("Connection error").
fn describe(e: &lettre::transport::smtp::Error) -> String {
    match e.source() {
        Some(source) => source.to_string(),
        None => e.to_string(),
    }
}

fn answer_of(response: &Response) -> String {
    let lines: Vec<&str> = response.message().collect();
    format!("{} {}", u16::from(response.code()), lines.join(" "))
}

fn recipients(message: &Message) -> String {
    let list: Vec<String> = message
        .envelope()
        .to()
        .iter()
        .map(ToString::to_string)
        .collect();
    list.join(", ")
}

fn non_empty(value: Option<&str>) -> Option<&str> {
    value.map(str::trim).filter(|v| !v.is_empty())
}

/// A subject is one line: a line break from a template would end the header early.
fn one_line(text: &str) -> String {
    let mut line = String::with_capacity(text.len());
    for c in text.chars() {
        if !c.is_control() {
            line.push(c);
        } else if !line.ends_with(' ') {
            line.push(' ');
        }
    }
    line.trim().to_owned()
}

fn parse_address(text: &str, role: AddressRole) -> Result<Address, MailError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(MailError::InvalidAddress {
            role,
            address: String::new(),
            reason: "it is empty".to_owned(),
        });
    }
    text.parse::<Address>()
        .map_err(|e| invalid_address(role, text, e))
}

fn parse_mailbox(text: &str, role: AddressRole) -> Result<Mailbox, MailError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(MailError::InvalidAddress {
            role,
            address: String::new(),
            reason: "it is empty".to_owned(),
        });
    }
    // A bare address goes through the address parser, whose errors say which part is wrong;
    // the mailbox parser (for `Name <address>`) reports every mistake as "invalid input".
    if !text.contains('<') {
        return parse_address(text, role).map(|address| Mailbox::new(None, address));
    }
    text.parse::<Mailbox>()
        .map_err(|e| invalid_address(role, text, e))
}

fn invalid_address(role: AddressRole, text: &str, e: AddressError) -> MailError {
    let reason = match e {
        // lettre reports a missing @ differently depending on the parser that saw it.
        _ if !text.contains('@') => "it needs a name, an @ and a domain, like jean@exemple.be",
        AddressError::MissingParts => "it needs a name, an @ and a domain, like jean@exemple.be",
        AddressError::Unbalanced => "a < or > is not closed",
        AddressError::InvalidUser => "the part before the @ is not valid",
        AddressError::InvalidDomain => "the part after the @ is not a valid domain",
        _ => "it contains characters an e-mail address cannot have",
    };
    MailError::InvalidAddress {
        role,
        address: text.to_owned(),
        reason: reason.to_owned(),
    }
}

/// RFC 5322 `msg-id`: `<left@right>` in visible ASCII, no spaces or brackets inside.
fn check_message_id(id: &str) -> Result<(), MailError> {
    let valid = id
        .strip_prefix('<')
        .and_then(|rest| rest.strip_suffix('>'))
        .and_then(|inner| inner.split_once('@'))
        .is_some_and(|(left, right)| {
            let ok = |part: &str| {
                !part.is_empty()
                    && part
                        .bytes()
                        .all(|b| b.is_ascii_graphic() && !matches!(b, b'<' | b'>' | b'@'))
            };
            ok(left) && ok(right)
        });
    if valid {
        Ok(())
    } else {
        Err(MailError::InvalidMessageId { id: id.to_owned() })
    }
}

/// The PDF part: sent in base64 whatever its bytes (so nothing on the way rewrites line
/// endings), named twice — RFC 2231 `filename*` in Content-Disposition, which current mail
/// clients read, and RFC 2047 in the Content-Type `name`, which older Outlook versions read
/// instead — as Thunderbird does.
fn pdf_part(name: &str, bytes: &[u8]) -> Result<SinglePart, MailError> {
    let body =
        Body::new_with_encoding(bytes.to_vec(), ContentTransferEncoding::Base64).map_err(|_| {
            MailError::Build {
                detail: "the PDF could not be encoded in base64".to_owned(),
            }
        })?;
    Ok(SinglePart::builder()
        .header(PdfContentType::named(name))
        .header(ContentDisposition::attachment(name))
        .body(body))
}

/// `Content-Type: application/pdf; name="…"`. lettre's own `ContentType` cannot carry a
/// non-ASCII parameter, hence this header, encoded here.
#[derive(Debug, Clone)]
struct PdfContentType(HeaderValue);

impl PdfContentType {
    fn named(name: &str) -> PdfContentType {
        let value = if name.bytes().all(|b| b.is_ascii_graphic() || b == b' ') {
            let escaped = name.replace('\\', "\\\\").replace('"', "\\\"");
            format!("application/pdf;\r\n name=\"{escaped}\"")
        } else {
            format!("application/pdf;\r\n name=\"{}\"", encoded_words(name))
        };
        PdfContentType(HeaderValue::dangerous_new_pre_encoded(
            Self::name(),
            format!("application/pdf; name=\"{name}\""),
            value,
        ))
    }
}

impl Header for PdfContentType {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("Content-Type")
    }

    fn parse(s: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        s.strip_prefix("application/pdf; name=\"")
            .and_then(|rest| rest.strip_suffix('"'))
            .map(PdfContentType::named)
            .ok_or_else(|| "not an application/pdf content type with a name".into())
    }

    fn display(&self) -> HeaderValue {
        self.0.clone()
    }
}

/// RFC 2047 `=?utf-8?b?…?=` words, each at most 68 characters (the limit is 75) and never
/// splitting a character, folded one per line.
fn encoded_words(text: &str) -> String {
    // 42 bytes of UTF-8 make 56 characters of base64.
    const CHUNK: usize = 42;
    let mut words = Vec::new();
    let mut start = 0;
    let mut end = 0;
    for (at, c) in text.char_indices() {
        let next = at + c.len_utf8();
        if next - start > CHUNK {
            words.push(&text[start..end]);
            start = end;
        }
        end = next;
    }
    if start < text.len() {
        words.push(&text[start..]);
    }
    let encoded: Vec<String> = words
        .iter()
        .map(|w| format!("=?utf-8?b?{}?=", STANDARD.encode(w.as_bytes())))
        .collect();
    encoded.join("\r\n ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings() -> SmtpSettings {
        SmtpSettings {
            host: "smtp.example.be".into(),
            port: 587,
            security: Security::StartTls,
            user: Some("shop@example.be".into()),
            password: Some(Password::new("hunter2hunter2")),
            from_name: "Boutique Été".into(),
            from_address: "shop@example.be".into(),
            reply_to: Some("contact@example.be".into()),
            copy_to: None,
            timeout: SmtpSettings::DEFAULT_TIMEOUT,
        }
    }

    fn outgoing<'a>(to: &'a str, id: &'a str) -> Outgoing<'a> {
        Outgoing {
            to,
            subject: "Votre facture",
            body: "Bonjour",
            attachment_name: "Facture F2026-0007.pdf",
            attachment: b"%PDF-1.7",
            message_id: id,
        }
    }

    #[test]
    fn debug_never_shows_the_password() {
        let s = settings();
        let debug = format!("{s:?} {:#?}", s);
        assert!(!debug.contains("hunter2"), "{debug}");
        assert!(debug.contains("Password(<redacted>)"), "{debug}");
        assert_eq!(
            s.password.as_ref().map(Password::expose),
            Some("hunter2hunter2")
        );
    }

    #[test]
    fn security_reads_and_writes_its_setting() {
        for s in [Security::None, Security::StartTls, Security::Tls] {
            assert_eq!(s.as_str().parse::<Security>(), Ok(s));
            assert_eq!(s.to_string(), s.as_str());
        }
        assert_eq!(" STARTTLS ".parse::<Security>(), Ok(Security::StartTls));
        let e = "ssl".parse::<Security>().unwrap_err();
        assert_eq!(
            e.to_string(),
            "“ssl” is not a connection security Comptoir knows. Use none, starttls or tls."
        );
        assert_eq!(Security::Tls.usual_port(), 465);
    }

    #[test]
    fn bad_addresses_are_refused_before_sending() {
        let e = build(&settings(), &outgoing("jean.exemple.be", "<a@b>")).unwrap_err();
        assert_eq!(
            e,
            MailError::InvalidAddress {
                role: AddressRole::Recipient,
                address: "jean.exemple.be".into(),
                reason: "it needs a name, an @ and a domain, like jean@exemple.be".into(),
            }
        );
        assert!(!e.is_temporary());
        assert!(e.to_string().contains("billing e-mail of the order"), "{e}");

        let mut s = settings();
        s.from_address = "shop@".into();
        let e = build(&s, &outgoing("jean@exemple.be", "<a@b>")).unwrap_err();
        assert!(
            e.to_string()
                .starts_with("The sender address “shop@” in Settings → E-mail is not valid"),
            "{e}"
        );

        let mut s = settings();
        s.copy_to = Some("   ".into());
        s.reply_to = Some(String::new());
        build(&s, &outgoing("Jean Dupont <jean@exemple.be>", "<a@b>")).unwrap();
        let e = build(&s, &outgoing("jean@", "<a@b>")).unwrap_err();
        assert!(
            e.to_string()
                .contains("“jean@” is not valid: the part after the @ is not a valid domain"),
            "{e}"
        );
        s.copy_to = Some("compta@".into());
        let e = build(&s, &outgoing("jean@exemple.be", "<a@b>")).unwrap_err();
        assert!(matches!(
            e,
            MailError::InvalidAddress {
                role: AddressRole::Copy,
                ..
            }
        ));
    }

    #[test]
    fn message_ids_are_checked() {
        for bad in [
            "", "a@b", "<ab>", "<a b@c>", "<@b>", "<a@>", "<a@b@c>", "<é@b>",
        ] {
            let e = build(&settings(), &outgoing("jean@exemple.be", bad)).unwrap_err();
            assert_eq!(e, MailError::InvalidMessageId { id: bad.into() });
        }
        build(
            &settings(),
            &outgoing("jean@exemple.be", &message_id_for(-3, "F2026-0001")),
        )
        .unwrap();
    }

    #[test]
    fn the_message_is_seven_bit_with_both_file_names() {
        let mut out = outgoing("jean@exemple.be", "<x.1@comptoir.invalid>");
        out.subject = "Votre facture — été\r\nBcc: evil@example.com";
        out.attachment_name = "Facture F2026-0007 – été.pdf";
        let raw = build(&settings(), &out).unwrap().formatted();
        assert!(raw.is_ascii());
        let text = String::from_utf8(raw).unwrap();
        assert!(
            text.contains("Message-ID: <x.1@comptoir.invalid>\r\n"),
            "{text}"
        );
        assert!(!text.contains("\r\nBcc:"), "{text}");
        assert!(text.contains("From: =?utf-8?b?"), "{text}");
        assert!(text.contains("Reply-To: contact@example.be\r\n"), "{text}");
        assert!(!text.contains("\r\nCc:"), "{text}");
        assert!(
            text.contains("Content-Type: application/pdf;\r\n name=\"=?utf-8?b?"),
            "{text}"
        );
        assert!(
            text.contains(
                "Subject: Votre facture =?utf-8?b?4oCUIMOpdMOp?= Bcc: evil@example.com\r\n"
            ),
            "{text}"
        );
        assert!(
            text.contains("filename*0*=utf-8''Facture%20F2026-0007%20%E2%80%93"),
            "{text}"
        );
        assert!(text.contains("Content-Transfer-Encoding: base64"), "{text}");
        for line in text.split("\r\n") {
            assert!(line.len() <= 998, "{line}");
        }
    }

    #[test]
    fn ascii_file_names_stay_readable() {
        let raw = build(
            &settings(),
            &outgoing("jean@exemple.be", "<x.1@comptoir.invalid>"),
        )
        .unwrap()
        .formatted();
        let text = String::from_utf8(raw).unwrap();
        assert!(
            text.contains("Content-Type: application/pdf;\r\n name=\"Facture F2026-0007.pdf\"\r\n"),
            "{text}"
        );
        assert!(
            text.contains("Content-Disposition: attachment; filename=\"Facture F2026-0007.pdf\""),
            "{text}"
        );
    }

    #[test]
    fn encoded_words_respect_the_length_limit_and_characters() {
        let name = format!("Facture {}.pdf", "é€".repeat(40));
        let words = encoded_words(&name);
        let mut decoded = Vec::new();
        for word in words.split("\r\n ") {
            assert!(word.len() <= 75, "{word}");
            let b64 = word
                .strip_prefix("=?utf-8?b?")
                .and_then(|w| w.strip_suffix("?="))
                .unwrap();
            let bytes = STANDARD.decode(b64).unwrap();
            // Each word decodes on its own: no character is split.
            String::from_utf8(bytes.clone()).unwrap();
            decoded.extend(bytes);
        }
        assert_eq!(String::from_utf8(decoded).unwrap(), name);
        assert_eq!(encoded_words(""), "");
    }

    #[test]
    fn enhanced_status_codes() {
        assert_eq!(enhanced_status("5.1.1 <x@y>: User unknown"), Some((5, 1)));
        assert_eq!(enhanced_status("4.7.0 Temporary failure"), Some((4, 7)));
        assert_eq!(enhanced_status("Mailbox unavailable"), None);
        assert_eq!(enhanced_status("1.2.3 no"), None);
        assert_eq!(enhanced_status(""), None);
        assert!(is_address_refusal(
            550,
            "5.1.1 <x@y>: Recipient address rejected"
        ));
        assert!(!is_address_refusal(550, "5.7.1 Message rejected as spam"));
        assert!(is_address_refusal(553, "sorry, that domain isn't allowed"));
        assert!(!is_address_refusal(554, "Transaction failed"));
        assert!(is_login_refusal(535, "Authentication failed"));
        assert!(is_login_refusal(554, "5.7.8 Error: authentication failed"));
        assert!(!is_login_refusal(554, "No SMTP service here"));
    }

    #[test]
    fn settings_without_host_or_password_are_refused() {
        let mut s = settings();
        s.host = " ".into();
        assert_eq!(
            transport(&s).unwrap_err(),
            MailError::IncompleteSettings {
                missing: "SMTP server (host)"
            }
        );
        let mut s = settings();
        s.password = None;
        let e = transport(&s).unwrap_err();
        assert_eq!(
            e.to_string(),
            "The e-mail settings have no SMTP password. Fill it in under Settings → E-mail."
        );
        s.user = Some(String::new());
        transport(&s).unwrap();
    }

    #[test]
    fn outgoing_debug_shows_the_size_not_the_bytes() {
        let out = outgoing("jean@exemple.be", "<a@b>");
        let debug = format!("{out:?}");
        assert!(debug.contains("attachment: <8 bytes>"), "{debug}");
    }
}
