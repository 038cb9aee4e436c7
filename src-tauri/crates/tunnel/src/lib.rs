//! Comptoir's public address. WooCommerce only delivers to a public HTTPS address on port 80,
//! 443 or 8080 (PROTOCOL.md §5), while Comptoir listens on 127.0.0.1; a tunnel bridges the two.
//! One [`Provider`] interface, two providers:
//!
//! * [`Manual`]: the owner's own reverse proxy or tunnel, whose public URL they enter.
//! * [`Cloudflared`]: a cloudflared quick tunnel (`cloudflared tunnel --url http://127.0.0.1:PORT`),
//!   whose `https://….trycloudflare.com` address is read from its log. That address changes at
//!   every start, so the provider reports each new one (the webhooks must follow), and restarts
//!   cloudflared with a back-off when it exits.
//!
//! ngrok is not here: its in-process Rust crate (tokio) is left for a later slice.

mod cloudflared;
mod manual;

pub use cloudflared::{Cloudflared, CloudflaredOptions, find_cloudflared, parse_quick_tunnel_url};
pub use manual::Manual;

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
    /// `manual` or `cloudflared`.
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
    /// `manual` or `cloudflared`.
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
    #[error("The tunnel was stopped.")]
    Stopped,
}
