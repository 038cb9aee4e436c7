//! What can go wrong between a document and the customer's mailbox, worded for the shop owner,
//! and whether waiting can fix it ([`MailError::is_temporary`]): the outbox retries temporary
//! failures by itself and stops at permanent ones, showing this text to the owner.

/// Which address of a message an [`MailError::InvalidAddress`] is about; each is corrected in a
/// different place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AddressRole {
    /// The customer's address, from the order's billing e-mail.
    Recipient,
    /// The shop's sender address in Settings → E-mail.
    Sender,
    /// The reply-to address in Settings → E-mail.
    ReplyTo,
    /// The address that gets a copy of every message, in Settings → E-mail.
    Copy,
}

/// Why a message could not be built or delivered. Every variant that comes from an SMTP reply
/// keeps the server's own code and text, because that text (often naming the exact address or
/// policy) is what the owner or their provider needs to act on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MailError {
    #[error("“{value}” is not a connection security Comptoir knows. Use none, starttls or tls.")]
    UnknownSecurity { value: String },

    #[error("The e-mail settings have no {missing}. Fill it in under Settings → E-mail.")]
    IncompleteSettings { missing: &'static str },

    #[error("{}", invalid_address(*.role, .address, .reason))]
    InvalidAddress {
        role: AddressRole,
        address: String,
        reason: String,
    },

    #[error(
        "“{id}” is not a valid Message-ID (it must look like <something@domain>). This is a fault in Comptoir; please report it."
    )]
    InvalidMessageId { id: String },

    #[error(
        "The e-mail could not be put together ({detail}). This is a fault in Comptoir; please report it."
    )]
    Build { detail: String },

    #[error(
        "Comptoir could not reach the mail server {server} ({detail}). Check that this computer is online and that the host and port in Settings → E-mail are right; Comptoir will try again."
    )]
    Unreachable { server: String, detail: String },

    #[error(
        "The mail server {server} did not answer in time ({detail}); Comptoir will try again. If this keeps happening, check the port and security in Settings → E-mail (STARTTLS usually goes with port 587, TLS with port 465)."
    )]
    NoAnswer { server: String, detail: String },

    #[error(
        "The connection to the mail server {server} broke off ({detail}); Comptoir will try again."
    )]
    ConnectionLost { server: String, detail: String },

    #[error(
        "The secure connection to the mail server {server} failed ({detail}). Check the security setting in Settings → E-mail: STARTTLS usually goes with port 587, TLS with port 465."
    )]
    Tls { server: String, detail: String },

    #[error(
        "The mail server {server} showed a certificate Comptoir cannot trust ({detail}). Check that the host in Settings → E-mail is exactly the name your provider gives (such as smtp.provider.be, not an IP address or another alias); a server with a self-signed certificate cannot be used."
    )]
    Certificate { server: String, detail: String },

    #[error(
        "The mail server refused the login: “{code} {answer}”. Check the SMTP user and password in Settings → E-mail."
    )]
    LoginRefused { code: u16, answer: String },

    #[error(
        "The mail server {server} offers no login Comptoir can use on this connection ({detail}). Choose STARTTLS or TLS in Settings → E-mail, or clear the user if the server needs no login."
    )]
    LoginUnavailable { server: String, detail: String },

    #[error(
        "The mail server takes mail only after a login or over a secure connection: “{code} {answer}”. Check the security, the SMTP user and the password in Settings → E-mail."
    )]
    LoginRequired { code: u16, answer: String },

    #[error(
        "The mail server refused the address: “{code} {answer}”. Check the address it names among {recipients}: the customer's comes from the order's billing e-mail, the copy address from Settings → E-mail. Then send the document again."
    )]
    AddressRefused {
        code: u16,
        answer: String,
        recipients: String,
    },

    #[error(
        "The mail server refused the message: “{code} {answer}”. Its answer says why; often the sender address in Settings → E-mail is not allowed for this login, or the message was taken for spam. Comptoir will not try again by itself."
    )]
    MessageRefused { code: u16, answer: String },

    #[error(
        "The mail server {server} refused the connection: “{code} {answer}”. Check the host in Settings → E-mail, or ask your e-mail provider."
    )]
    ServerRefused {
        server: String,
        code: u16,
        answer: String,
    },

    #[error("The mail server asked to try later: “{code} {answer}”. Comptoir will try again.")]
    TryLater { code: u16, answer: String },

    #[error(
        "Comptoir and the mail server could not agree on how to send this message ({detail}). Check the security setting and the addresses in Settings → E-mail."
    )]
    Unsupported { detail: String },
}

impl MailError {
    /// Whether sending again later can succeed without anyone changing anything: the network
    /// or the server was away, or the server said 4xx ("try later"). Everything else — 5xx
    /// answers, bad addresses, a refused login, a TLS mismatch — needs the owner: retrying a
    /// wrong password every few minutes would only get the account locked.
    pub fn is_temporary(&self) -> bool {
        matches!(
            self,
            MailError::Unreachable { .. }
                | MailError::NoAnswer { .. }
                | MailError::ConnectionLost { .. }
                | MailError::TryLater { .. }
        )
    }

    /// The SMTP server's own reply ("535 5.7.8 Authentication credentials invalid") when the
    /// failure is one, for the outbox's "last error" column.
    pub fn server_answer(&self) -> Option<String> {
        match self {
            MailError::LoginRefused { code, answer }
            | MailError::LoginRequired { code, answer }
            | MailError::AddressRefused { code, answer, .. }
            | MailError::MessageRefused { code, answer }
            | MailError::ServerRefused { code, answer, .. }
            | MailError::TryLater { code, answer } => Some(format!("{code} {answer}")),
            _ => None,
        }
    }
}

fn invalid_address(role: AddressRole, address: &str, reason: &str) -> String {
    match role {
        AddressRole::Recipient => format!(
            "The customer's e-mail address “{address}” is not valid: {reason}. Correct the billing e-mail of the order, then send the document again."
        ),
        AddressRole::Sender => format!(
            "The sender address “{address}” in Settings → E-mail is not valid: {reason}. Correct it there."
        ),
        AddressRole::ReplyTo => format!(
            "The reply-to address “{address}” in Settings → E-mail is not valid: {reason}. Correct it there, or leave it empty."
        ),
        AddressRole::Copy => format!(
            "The copy address “{address}” in Settings → E-mail is not valid: {reason}. Correct it there, or leave it empty."
        ),
    }
}
