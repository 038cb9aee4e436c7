//! Comptoir's public address. WooCommerce only delivers to a public HTTPS address on port 80,
//! 443 or 8080 (PROTOCOL.md §5), while Comptoir listens on 127.0.0.1; a tunnel bridges the two.
//! One [`Provider`] interface, three providers:
//!
//! * [`Manual`]: the owner's own reverse proxy or tunnel, whose public URL they enter.
//! * [`Cloudflared`]: a cloudflared quick tunnel (`cloudflared tunnel --url http://127.0.0.1:PORT`),
//!   whose `https://….trycloudflare.com` address is read from its log. That address changes at
//!   every start, so the provider reports each new one (the webhooks must follow), and restarts
//!   cloudflared with a back-off when it exits.
//! * [`Ngrok`]: an ngrok tunnel run in process by ngrok's Rust crate, with the owner's authtoken
//!   and, if they have one, a domain reserved in their ngrok account. Its tokio runtime stays
//!   inside the provider (one thread of its own); it reconnects with a back-off when the
//!   session drops.
//!
//! The tunnels forward to the local listener, which answers only the webhook path.

mod cloudflared;
mod manual;
mod ngrok;
mod supervise;

pub use cloudflared::{Cloudflared, CloudflaredOptions, find_cloudflared, parse_quick_tunnel_url};
pub use manual::Manual;
pub use ngrok::{Ngrok, NgrokOptions};

use serde::Serialize;

/// Where a tunnel stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum State {
    /// Being started (or restarted); no public address yet.
    Starting,
    /// The public address works as far as the provider knows.
    Up,
    /// Not running: stopped, failed, or waiting to be restarted (see the reason).
    Down,
}

/// What the connection screen shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Status {
    /// `manual`, `cloudflared` or `ngrok`.
    pub provider: &'static str,
    pub state: State,
    /// The current public address (`https://…`, no trailing slash), when known.
    pub url: Option<String>,
    /// Why it is down (a sentence for the owner, in English): always `error` in words.
    pub reason: Option<String>,
    /// Why it is down, as a value the window can put in the owner's language: serialised as
    /// `{"kind": "<variant in snake_case>", <its fields>}` (see [`TunnelError`]); `None` when
    /// up or starting.
    pub error: Option<TunnelError>,
    /// How many times the tunnel was restarted after exiting.
    pub restarts: u32,
}

impl Status {
    /// A status whose reason is `error` in words, so the two always agree.
    pub(crate) fn new(
        provider: &'static str,
        state: State,
        url: Option<String>,
        error: Option<TunnelError>,
        restarts: u32,
    ) -> Status {
        Status {
            provider,
            state,
            url,
            reason: error.as_ref().map(ToString::to_string),
            error,
            restarts,
        }
    }
}

/// A way to get a public address for the local listener.
pub trait Provider: Send {
    /// `manual`, `cloudflared` or `ngrok`.
    fn name(&self) -> &'static str;
    /// Starts the tunnel and waits for its public address (`https://…`, no trailing slash).
    fn start(&mut self) -> Result<String, TunnelError>;
    fn status(&self) -> Status;
    /// Stops the tunnel (and whatever program it runs). Also done when the provider is dropped.
    fn stop(&mut self);
}

/// Why there is no public address. Each message says what happened and what to do. Serialised
/// with its variant's name in snake_case as `kind`, next to its fields (`{"kind":
/// "ngrok_unreachable", "server": "…", "reason": "…"}`), so the window can say it in the
/// owner's language; the fields that quote a program or a service stay as they said it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum TunnelError {
    #[error(
        "\"{url}\" cannot be the public address: {reason}. Enter the https:// address of your tunnel or reverse proxy, e.g. https://orders.myshop.be."
    )]
    BadUrl { url: String, reason: BadUrlReason },
    #[error(
        "cloudflared was not found ({exe}). Install cloudflared from Cloudflare, or enter the public address of your own tunnel instead."
    )]
    NotInstalled { exe: String },
    #[error(
        "cloudflared ({exe}) could not be started: {reason}. Check that the file is the cloudflared program and that you may run it."
    )]
    Spawn { exe: String, reason: String },
    /// The provider waited for the tunnel's address longer than an attempt may take; its
    /// supervisor keeps trying (the address comes through `on_url_change`).
    #[error("{provider} gave no address in time; Comptoir keeps trying.")]
    NoAddressYet { provider: String },
    /// A cloudflared run ended (`end` says how); it is started again in `restart_in_secs`.
    /// `last_words` is its last error line, or else its last line, as cloudflared logged it.
    #[error(
        "{end}{}. Comptoir starts it again in {restart_in_secs} s; check this computer's internet connection (Cloudflare also limits how many quick tunnels may be made in a row).",
        last_words_clause(.last_words.as_deref())
    )]
    CloudflaredRestarting {
        end: CloudflaredEnd,
        last_words: Option<String>,
        restart_in_secs: u64,
    },
    #[error(
        "No ngrok authtoken is set. Paste your ngrok authtoken from dashboard.ngrok.com → Your Authtoken."
    )]
    NgrokNoAuthtoken,
    #[error(
        "ngrok refused the authtoken ({detail}). Paste your ngrok authtoken again from dashboard.ngrok.com → Your Authtoken (a reset or revoked one no longer works)."
    )]
    NgrokAuthtokenRejected { detail: String },
    #[error(
        "\"{domain}\" is not a domain name. Enter the domain reserved in your ngrok account (dashboard.ngrok.com → Domains), e.g. orders-myshop.ngrok.app, or leave it empty to use your account's own ngrok address."
    )]
    NgrokBadDomain { domain: String },
    #[error(
        "ngrok would not open {domain} for this account ({detail}). Check that this domain is reserved in the ngrok account of this authtoken (dashboard.ngrok.com → Domains), or leave it empty to use your account's own ngrok address."
    )]
    NgrokDomain { domain: String, detail: String },
    #[error(
        "Comptoir could not reach ngrok ({server}): {reason}. Check this computer's internet connection; a firewall or proxy may block it."
    )]
    NgrokUnreachable { server: String, reason: String },
    #[error(
        "ngrok refused to open the tunnel ({detail}). Check what your ngrok account allows at dashboard.ngrok.com (an ngrok agent running elsewhere with this account counts too)."
    )]
    NgrokRefused { detail: String },
    #[error(
        "The connection to ngrok dropped ({reason}). If this keeps happening, check this computer's internet connection."
    )]
    NgrokDropped { reason: String },
    /// The ngrok session could not be opened or dropped (`error` says why); it is tried again
    /// in `restart_in_secs`.
    #[error("{error} Comptoir tries again in {restart_in_secs} s.")]
    NgrokRetrying {
        error: Box<TunnelError>,
        restart_in_secs: u64,
    },
    /// The thread or the runtime that runs the ngrok session could not be made.
    #[error(
        "Comptoir could not start the ngrok tunnel: {reason}. Close some programs and try again."
    )]
    NgrokCouldNotStart { reason: String },
    /// The address the tunnel should forward to is not a valid URL (a fault in Comptoir).
    #[error("The local address {address} is not valid ({reason}); this is a fault in Comptoir.")]
    BadLocalAddress { address: String, reason: String },
    /// What [`Provider::start`] returns when [`Provider::stop`] interrupts it.
    #[error("The tunnel was stopped.")]
    Stopped,
    /// The status of a provider made but not started yet.
    #[error("not started")]
    NotStarted,
    /// The status after [`Provider::stop`].
    #[error("stopped")]
    StoppedOnRequest,
}

/// How a cloudflared run ended before it is started again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum CloudflaredEnd {
    /// It exited after giving its address; `exit` is how (`exit status: 1`, `signal: 9
    /// (SIGKILL)`, as the system says it).
    Exited { exit: String },
    /// It exited before giving an address.
    ExitedWithoutAddress { exit: String },
    /// It gave no address within `within_secs`, so it was stopped.
    NoAddress { within_secs: u64 },
}

impl std::fmt::Display for CloudflaredEnd {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CloudflaredEnd::Exited { exit } => write!(f, "cloudflared stopped ({exit})"),
            CloudflaredEnd::ExitedWithoutAddress { exit } => {
                write!(f, "cloudflared stopped before giving an address ({exit})")
            }
            CloudflaredEnd::NoAddress { within_secs } => write!(
                f,
                "cloudflared gave no quick-tunnel address within {within_secs} s"
            ),
        }
    }
}

/// Why an address cannot be the public address WooCommerce delivers to (PROTOCOL.md §5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum BadUrlReason {
    NotHttps,
    QueryOrFragment,
    NoHost,
    UserName,
    Ipv6,
    Port {
        port: u16,
    },
    /// A port that is not even a number.
    NotAPort,
    Private,
}

impl std::fmt::Display for BadUrlReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BadUrlReason::NotHttps => f.write_str(
                "it must start with https:// (WooCommerce checks certificates, and orders carry personal data)",
            ),
            BadUrlReason::QueryOrFragment => {
                f.write_str("it contains a query (?…) or a fragment (#…)")
            }
            BadUrlReason::NoHost => f.write_str("it has no host name"),
            BadUrlReason::UserName => f.write_str("it contains a user name"),
            BadUrlReason::Ipv6 => {
                f.write_str("WooCommerce does not deliver to IPv6 addresses; use a host name")
            }
            BadUrlReason::Port { port } => write!(
                f,
                "WooCommerce only delivers to ports 443, 80 and 8080, not {port}"
            ),
            BadUrlReason::NotAPort => {
                f.write_str("WooCommerce only delivers to ports 443, 80 and 8080")
            }
            BadUrlReason::Private => f.write_str(
                "it is a local or private address, which WooCommerce refuses to call",
            ),
        }
    }
}

/// `; its last words: "…"`, or nothing when cloudflared said nothing.
fn last_words_clause(last_words: Option<&str>) -> String {
    last_words
        .map(|l| format!("; its last words: \"{l}\""))
        .unwrap_or_default()
}
