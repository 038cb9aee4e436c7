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
    /// Why it is down (a sentence for the owner).
    pub reason: Option<String>,
    /// How many times the tunnel was restarted after exiting.
    pub restarts: u32,
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

/// Why there is no public address. Each message says what happened and what to do.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TunnelError {
    #[error(
        "\"{url}\" cannot be the public address: {reason}. Enter the https:// address of your tunnel or reverse proxy, e.g. https://orders.myshop.be."
    )]
    BadUrl { url: String, reason: String },
    #[error(
        "cloudflared was not found ({exe}). Install cloudflared from Cloudflare, or enter the public address of your own tunnel instead."
    )]
    NotInstalled { exe: String },
    #[error(
        "cloudflared ({exe}) could not be started: {reason}. Check that the file is the cloudflared program and that you may run it."
    )]
    Spawn { exe: String, reason: String },
    #[error("{0}")]
    NoAddress(String),
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
    #[error("The tunnel was stopped.")]
    Stopped,
}
