//! How WooCommerce reaches this Comptoir while the engine runs: the configured tunnel
//! (`tunnel.provider`: manual, cloudflared, or ngrok in process) pointed at the listener's port, its state
//! for the connection screen, and what must follow when its public address changes (the
//! webhooks are moved there, then a catch-up fetches what was missed meanwhile). Also the
//! round-trip test of the public address: a ping-shaped request sent through it, which counts
//! only when this engine's own listener received it.
//!
//! One worker thread ("reach") owns the tunnel. It (re)starts it when the listener starts or
//! the tunnel settings change (looked at every few seconds, so `comptoir config set` works
//! while `comptoir serve` runs), heals the webhooks when the address changes and every
//! `sync.interval_minutes`, and stops the tunnel (and the cloudflared it runs) with the engine.
//! The current public address is also written to the settings (`reach.public_url`) so that
//! `comptoir connect` in another process can use the address of the running Comptoir.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use comptoir_core::message::{Message, code};
use comptoir_store::Connection;
use comptoir_store::activity::{Level, insert_activity};
use comptoir_store::settings::{get_setting, set_setting};
use comptoir_tunnel::{
    BadUrlReason, Cloudflared, CloudflaredOptions, Manual, Ngrok, NgrokOptions, Provider, State,
    Status, TunnelError, find_cloudflared,
};
use comptoir_woo::WEBHOOK_PATH;
use rand::Rng;
use serde::Serialize;

use crate::connect::{self, WebhooksState};
use crate::engine::{Event, EventSink};

/// The public address of the running engine's tunnel, while it is up (internal setting).
pub const PUBLISHED_URL_KEY: &str = "reach.public_url";
/// How often the tunnel settings are looked at for changes made elsewhere.
const SETTINGS_POLL: Duration = Duration::from_secs(3);
/// The first webhook check after start, when the tunnel did not give an address before.
const FIRST_CHECK: Duration = Duration::from_secs(30);
/// How long the round-trip test waits for an answer.
pub const ROUND_TRIP_TIMEOUT: Duration = Duration::from_secs(15);

/// Where the ngrok authtoken is kept (with the passwords).
pub const NGROK_AUTHTOKEN_KEY: &str = "tunnel.ngrok_authtoken";

/// The tunnel as the connection screen shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TunnelState {
    /// `manual`, `cloudflared` or `ngrok`.
    pub provider: String,
    /// Whether this Comptoir can run that provider (all three in this build; a build without
    /// one would say so here).
    pub available: bool,
    /// `starting`, `up` or `down`.
    pub state: State,
    /// The public address (`https://…`, no trailing slash) while up.
    pub public_url: Option<String>,
    /// Why it is down, a sentence for the owner.
    pub reason: Option<Message>,
    /// How many times the tunnel was restarted after exiting.
    pub restarts: u32,
}

impl TunnelState {
    fn down(provider: &str, reason: Message) -> TunnelState {
        TunnelState {
            provider: provider.to_owned(),
            available: true,
            state: State::Down,
            public_url: None,
            reason: Some(reason),
            restarts: 0,
        }
    }

    fn starting(provider: &str) -> TunnelState {
        TunnelState {
            provider: provider.to_owned(),
            available: true,
            state: State::Starting,
            public_url: None,
            reason: None,
            restarts: 0,
        }
    }

    /// The address WooCommerce must deliver to, while the tunnel is up.
    pub fn delivery_url(&self) -> Option<String> {
        match (self.state, &self.public_url) {
            (State::Up, Some(u)) => Some(format!("{u}{WEBHOOK_PATH}")),
            _ => None,
        }
    }
}

/// Test requests sent through the public address and waiting to come back to the listener.
#[derive(Debug, Default)]
pub struct Probes {
    pending: Mutex<HashMap<u64, Option<Instant>>>,
}

impl Probes {
    fn lock(&self) -> MutexGuard<'_, HashMap<u64, Option<Instant>>> {
        self.pending.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// A new nonce, far above any real webhook id (WooCommerce counts them from 1).
    fn register(&self) -> u64 {
        let nonce = rand::rng().random_range(1u64 << 53..u64::MAX / 2);
        self.lock().insert(nonce, None);
        nonce
    }

    /// Called by the listener's ping handling: whether this ping is one of our tests (then it
    /// is marked received and kept out of the activity log).
    pub(crate) fn arrived(&self, webhook_id: u64) -> bool {
        match self.lock().get_mut(&webhook_id) {
            Some(slot) => {
                *slot = Some(Instant::now());
                true
            }
            None => false,
        }
    }

    fn take(&self, nonce: u64) -> Option<Instant> {
        self.lock().remove(&nonce).flatten()
    }
}

/// The result of the round-trip test.
#[derive(Debug, Clone, Serialize)]
pub struct RoundTrip {
    /// Whether this Comptoir received its own test through the address.
    pub ok: bool,
    /// The address tested (`…/webhooks/woocommerce`).
    pub url: String,
    /// The round trip, when it worked.
    pub millis: Option<u64>,
    /// The HTTP status that came back, if any.
    pub status: Option<u16>,
    /// What happened: that it works, or why not and what to do.
    pub message: Message,
    /// It works from here, but WooCommerce will not deliver to it (PROTOCOL.md §5).
    pub warning: Option<Message>,
}

/// Sends `webhook_id=<nonce>` (the shape of WooCommerce's ping, without its headers) to
/// `<public_url>/webhooks/woocommerce` and reports success only when `probes` (this engine's
/// listener) received that nonce. `port` is the listener's, for the advice.
pub fn round_trip(probes: &Probes, public_url: &str, port: u16) -> RoundTrip {
    let base = public_url.trim().trim_end_matches('/');
    let url = format!("{base}{WEBHOOK_PATH}");
    let fail = |status: Option<u16>, message: Message| RoundTrip {
        ok: false,
        url: url.clone(),
        millis: None,
        status,
        message,
        warning: None,
    };
    if url.parse::<ureq::http::Uri>().is_err() || !base.contains("://") {
        return fail(
            None,
            Message::new(
                &code::REACH_TRIP_NOT_ADDRESS,
                format!(
                    "\"{base}\" is not a web address. Enter the tunnel's address as https://host."
                ),
            )
            .with("address", base),
        );
    }
    let agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        // Whatever redirects is not the listener, which never does.
        .max_redirects(0)
        .max_redirects_will_error(false)
        .timeout_global(Some(ROUND_TRIP_TIMEOUT))
        .user_agent(format!(
            "Comptoir/{} (reachability test)",
            env!("CARGO_PKG_VERSION")
        ))
        .build()
        .new_agent();
    let nonce = probes.register();
    let started = Instant::now();
    let sent = agent
        .post(&url)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .send(format!("webhook_id={nonce}"));
    let answer = sent.map(|mut r| {
        let status = r.status().as_u16();
        let server = r
            .headers()
            .get("server")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let location = r
            .headers()
            .get("location")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let _ = r.body_mut().with_config().limit(64 * 1024).read_to_vec();
        (status, server, location)
    });
    let elapsed = started.elapsed();
    let received = probes.take(nonce);
    let host = url
        .parse::<ureq::http::Uri>()
        .ok()
        .and_then(|u| u.host().map(str::to_owned))
        .unwrap_or_default();
    let (status, server, location) = match answer {
        Ok(a) => a,
        Err(e) => return fail(None, trip_error(&e, &url, &host)),
    };
    let by = server.as_ref().map(|name| {
        Message::new(&code::REACH_TRIP_SERVER, format!(", server \"{name}\""))
            .with("name", name.as_str())
    });
    let by_text = Message::clause_text(by.as_ref());
    if received.is_some() {
        if status == 200 {
            let millis = u64::try_from(elapsed.as_millis()).unwrap_or(u64::MAX);
            return RoundTrip {
                ok: true,
                url: url.clone(),
                millis: Some(millis),
                status: Some(status),
                message: Message::new(
                    &code::REACH_TRIP_OK,
                    format!(
                        "The public address works: this Comptoir received its own test through {url} in {millis} ms."
                    ),
                )
                .with("url", url.as_str())
                .with("millis", millis),
                warning: comptoir_tunnel::Manual::check(base)
                    .err()
                    .map(|e| tunnel_message(&e)),
            };
        }
        return fail(
            Some(status),
            Message::new(
                &code::REACH_TRIP_BAD_ANSWER,
                format!(
                    "Comptoir received the test through {url}, but the answer came back as HTTP {status}{by_text}; WooCommerce needs the listener's 200. Check what the tunnel or reverse proxy does to answers."
                ),
            )
            .with("url", url.as_str())
            .with("status", status)
            .with_clause("server", by.as_ref()),
        );
    }
    let message = match status {
        200..=299 => Message::new(
            &code::REACH_TRIP_OTHER_SERVER,
            format!(
                "Another server answered the test at {url} (HTTP {status}{by_text}): the address does not lead to this Comptoir. Point the tunnel or reverse proxy at http://127.0.0.1:{port}."
            ),
        )
        .with("url", url.as_str())
        .with("status", status),
        300..=399 => {
            let location = location.unwrap_or_else(|| "another address".to_owned());
            Message::new(
                &code::REACH_TRIP_REDIRECT,
                format!(
                    "The address answered with a redirect (HTTP {status}{by_text}) to {location}: that is not Comptoir's listener, which never redirects. Enter the address it ends at, or point the tunnel straight at http://127.0.0.1:{port}."
                ),
            )
            .with("location", location)
            .with("status", status)
        }
        404 => Message::new(
            &code::REACH_TRIP_NOT_FOUND,
            format!(
                "The address answered 404 (not found{by_text}): it reaches a web server, but not Comptoir's listener at {WEBHOOK_PATH}. Check that the tunnel or reverse proxy forwards to http://127.0.0.1:{port} and keeps the path."
            ),
        )
        .with("path", WEBHOOK_PATH),
        502..=504 | 521..=530 => Message::new(
            &code::REACH_TRIP_GATEWAY,
            format!(
                "The tunnel answered HTTP {status}{by_text}: it is up, but could not reach Comptoir's listener on this computer (port {port}). Check that the listener runs and that the tunnel forwards to that port."
            ),
        )
        .with("status", status),
        _ => Message::new(
            &code::REACH_TRIP_OTHER_STATUS,
            format!(
                "The address answered HTTP {status}{by_text} and the test did not reach this Comptoir. Point the tunnel or reverse proxy at http://127.0.0.1:{port}."
            ),
        )
        .with("status", status),
    };
    fail(
        Some(status),
        message
            .with_clause("server", by.as_ref())
            .with("port", port),
    )
}

/// Why the test request itself failed (no HTTP answer came back).
fn trip_error(e: &ureq::Error, url: &str, host: &str) -> Message {
    let dns = || {
        Message::new(
            &code::REACH_TRIP_DNS,
            format!(
                "The test through {url} failed: the name {host} was not found (DNS). A new quick tunnel can take a minute to be known everywhere: try again shortly; otherwise check the address."
            ),
        )
        .with("host", host)
    };
    let message = match e {
        // The system resolver's failure comes as an I/O error naming the lookup.
        ureq::Error::Io(io) if io.to_string().contains("lookup address") => dns(),
        ureq::Error::HostNotFound => dns(),
        ureq::Error::Timeout(_) => {
            let seconds = ROUND_TRIP_TIMEOUT.as_secs();
            Message::new(
                &code::REACH_TRIP_TIMEOUT,
                format!(
                    "The test through {url} failed: no answer came within {seconds} s. The tunnel may be starting or broken: wait a moment, or restart it."
                ),
            )
            .with("seconds", seconds)
        }
        ureq::Error::ConnectionFailed => Message::new(
            &code::REACH_TRIP_REFUSED,
            format!(
                "The test through {url} failed: the connection to {host} failed: nothing answers there. Check the address and that the tunnel or reverse proxy runs."
            ),
        )
        .with("host", host),
        ureq::Error::Rustls(tls) => Message::new(
            &code::REACH_TRIP_CERTIFICATE,
            format!(
                "The test through {url} failed: the secure connection failed ({tls}): the certificate is not valid for {host}, and WooCommerce refuses such addresses too."
            ),
        )
        .with("host", host)
        .with("detail", tls.to_string()),
        ureq::Error::Tls(what) => Message::new(
            &code::REACH_TRIP_TLS,
            format!(
                "The test through {url} failed: the secure connection failed ({what}); WooCommerce needs a valid certificate."
            ),
        )
        .with("detail", what.to_string()),
        ureq::Error::Io(io) => Message::new(
            &code::REACH_TRIP_BROKEN,
            format!(
                "The test through {url} failed: the connection broke ({io}). Check the address and that the tunnel runs."
            ),
        )
        .with("detail", io.to_string()),
        other => Message::new(
            &code::REACH_TRIP_FAILED,
            format!("The test through {url} failed: the request failed ({other})."),
        )
        .with("detail", other.to_string()),
    };
    message.with("url", url)
}

/// A tunnel error as the window words it: its code and values, its English text unchanged.
/// Details quoted from cloudflared, ngrok or the system stay as they said them.
pub fn tunnel_message(e: &TunnelError) -> Message {
    use comptoir_tunnel::CloudflaredEnd;
    let text = e.to_string();
    match e {
        TunnelError::BadUrl { url, reason } => {
            let why = reason.to_string();
            let reason = match reason {
                BadUrlReason::NotHttps => Message::new(&code::TUNNEL_BAD_URL_NOT_HTTPS, why),
                BadUrlReason::QueryOrFragment => Message::new(&code::TUNNEL_BAD_URL_QUERY, why),
                BadUrlReason::NoHost => Message::new(&code::TUNNEL_BAD_URL_NO_HOST, why),
                BadUrlReason::UserName => Message::new(&code::TUNNEL_BAD_URL_USER, why),
                BadUrlReason::Ipv6 => Message::new(&code::TUNNEL_BAD_URL_IPV6, why),
                BadUrlReason::Port { port } => {
                    Message::new(&code::TUNNEL_BAD_URL_PORT, why).with("port", *port)
                }
                BadUrlReason::NotAPort => Message::new(&code::TUNNEL_BAD_URL_NOT_A_PORT, why),
                BadUrlReason::Private => Message::new(&code::TUNNEL_BAD_URL_PRIVATE, why),
            };
            Message::new(&code::TUNNEL_BAD_URL, text)
                .with("url", url.as_str())
                .with_message("reason", &reason)
        }
        TunnelError::NotInstalled { exe } => {
            Message::new(&code::TUNNEL_NOT_INSTALLED, text).with("exe", exe.as_str())
        }
        TunnelError::Spawn { exe, reason } => Message::new(&code::TUNNEL_SPAWN, text)
            .with("exe", exe.as_str())
            .with("reason", reason.as_str()),
        TunnelError::NoAddressYet { provider } => {
            Message::new(&code::TUNNEL_NO_ADDRESS_YET, text).with("provider", provider.as_str())
        }
        TunnelError::CloudflaredRestarting {
            end,
            last_words,
            restart_in_secs,
        } => {
            let end_said = match end {
                CloudflaredEnd::Exited { exit } => {
                    Message::new(&code::TUNNEL_END_EXITED, end.to_string())
                        .with("exit", exit.as_str())
                }
                CloudflaredEnd::ExitedWithoutAddress { exit } => {
                    Message::new(&code::TUNNEL_END_EXITED_WITHOUT_ADDRESS, end.to_string())
                        .with("exit", exit.as_str())
                }
                CloudflaredEnd::NoAddress { within_secs } => {
                    Message::new(&code::TUNNEL_END_NO_ADDRESS, end.to_string())
                        .with("seconds", *within_secs)
                }
            };
            let words = last_words.as_ref().map(|w| {
                Message::new(
                    &code::TUNNEL_LAST_WORDS,
                    format!("; its last words: \"{w}\""),
                )
                .with("words", w.as_str())
            });
            Message::new(&code::TUNNEL_CLOUDFLARED_RESTARTING, text)
                .with_message("end", &end_said)
                .with_clause("last_words", words.as_ref())
                .with("seconds", *restart_in_secs)
        }
        TunnelError::NgrokNoAuthtoken => Message::new(&code::TUNNEL_NGROK_NO_AUTHTOKEN, text),
        TunnelError::NgrokAuthtokenRejected { detail } => {
            Message::new(&code::TUNNEL_NGROK_AUTHTOKEN_REJECTED, text)
                .with("detail", detail.as_str())
        }
        TunnelError::NgrokBadDomain { domain } => {
            Message::new(&code::TUNNEL_NGROK_BAD_DOMAIN, text).with("domain", domain.as_str())
        }
        TunnelError::NgrokDomain { domain, detail } => {
            Message::new(&code::TUNNEL_NGROK_DOMAIN, text)
                .with("domain", domain.as_str())
                .with("detail", detail.as_str())
        }
        TunnelError::NgrokUnreachable { server, reason } => {
            Message::new(&code::TUNNEL_NGROK_UNREACHABLE, text)
                .with("server", server.as_str())
                .with("reason", reason.as_str())
        }
        TunnelError::NgrokRefused { detail } => {
            Message::new(&code::TUNNEL_NGROK_REFUSED, text).with("detail", detail.as_str())
        }
        TunnelError::NgrokDropped { reason } => {
            Message::new(&code::TUNNEL_NGROK_DROPPED, text).with("reason", reason.as_str())
        }
        TunnelError::NgrokRetrying {
            error,
            restart_in_secs,
        } => Message::new(&code::TUNNEL_NGROK_RETRYING, text)
            .with_message("error", &tunnel_message(error))
            .with("seconds", *restart_in_secs),
        TunnelError::NgrokCouldNotStart { reason } => {
            Message::new(&code::TUNNEL_NGROK_COULD_NOT_START, text).with("reason", reason.as_str())
        }
        TunnelError::BadLocalAddress { address, reason } => {
            Message::new(&code::TUNNEL_BAD_LOCAL_ADDRESS, text)
                .with("address", address.as_str())
                .with("reason", reason.as_str())
        }
        TunnelError::Stopped => Message::new(&code::TUNNEL_STOPPED, text),
        TunnelError::NotStarted => Message::new(&code::TUNNEL_NOT_STARTED, text),
        TunnelError::StoppedOnRequest => Message::new(&code::TUNNEL_STOPPED_ON_REQUEST, text),
    }
}

/// The tunnel settings; a change restarts the tunnel. The ngrok authtoken is read when
/// ngrok starts (it lives with the passwords).
#[derive(Debug, Clone, PartialEq, Eq)]
struct TunnelSettings {
    provider: String,
    public_url: String,
    cloudflared_path: String,
    ngrok_domain: String,
}

fn read_settings(conn: &Connection) -> Option<TunnelSettings> {
    let get = |k: &str| crate::config::get_known(conn, k).ok();
    Some(TunnelSettings {
        provider: get("tunnel.provider")?,
        public_url: get("tunnel.public_url")?,
        cloudflared_path: get("tunnel.cloudflared_path")?,
        ngrok_domain: get("tunnel.ngrok_domain")?,
    })
}

/// What the worker is asked to do.
#[derive(Debug, Default)]
struct Requests {
    restart: bool,
    new_url: Option<String>,
    came_back: bool,
    check: bool,
    stop: bool,
}

impl Requests {
    fn any(&self) -> bool {
        self.restart || self.new_url.is_some() || self.came_back || self.check || self.stop
    }
}

#[derive(Debug)]
struct Inner {
    /// The listener's port while it listens.
    port: Option<u16>,
    tunnel: TunnelState,
    /// The last public address the webhooks were moved to (or found at).
    last_url: Option<String>,
    requests: Requests,
    /// A restart was asked and has not finished yet.
    restarting: bool,
}

type CatchUp = Arc<dyn Fn() + Send + Sync>;

struct Shared {
    database: PathBuf,
    events: EventSink,
    catch_up: CatchUp,
    inner: Mutex<Inner>,
    changed: Condvar,
    /// Held while webhooks are changed, so Connect and the worker never both create one.
    heal: Mutex<()>,
    cloudflared: CloudflaredOptions,
    ngrok: NgrokOptions,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn ask(&self, f: impl FnOnce(&mut Requests)) {
        f(&mut self.lock().requests);
        self.changed.notify_all();
    }

    fn connect(&self) -> Option<Connection> {
        comptoir_store::open(&self.database).ok()
    }

    /// A new tunnel state: remembered, told, and when it brings a new address (or the same one
    /// back), the webhooks and the catch-up follow.
    fn set_tunnel(&self, view: TunnelState) {
        let changed = {
            let mut inner = self.lock();
            if view.state == State::Up
                && let Some(url) = &view.public_url
            {
                if inner.last_url.as_ref() != Some(url) {
                    inner.requests.new_url = Some(url.clone());
                    inner.last_url = Some(url.clone());
                } else if inner.tunnel.state != State::Up {
                    inner.requests.came_back = true;
                }
            }
            let changed = inner.tunnel != view;
            inner.tunnel = view.clone();
            changed
        };
        self.changed.notify_all();
        if changed {
            (self.events)(Event::Tunnel(view));
        }
    }

    fn status(&self, s: &Status) {
        self.set_tunnel(TunnelState {
            provider: s.provider.to_owned(),
            available: true,
            state: s.state,
            public_url: s.url.clone(),
            // The structured error when the provider gave one, so the window can word it.
            reason: match (&s.error, &s.reason) {
                (Some(e), _) => Some(tunnel_message(e)),
                (None, r) => r.clone().map(Message::plain),
            },
            restarts: s.restarts,
        });
    }

    fn log(&self, level: Level, message: &str) {
        // The activity log is a convenience; failing to write it must not stop the tunnel.
        if let Some(conn) = self.connect() {
            let _ = insert_activity(&conn, level, message);
        }
    }

    /// Starts the configured tunnel towards `port`; the provider to stop later, if any.
    fn start(self: &Arc<Self>, port: Option<u16>) -> Option<Box<dyn Provider>> {
        let settings = self.connect().as_ref().and_then(read_settings);
        let Some(settings) = settings else {
            self.set_tunnel(TunnelState::down(
                "manual",
                Message::new(
                    &code::TUNNEL_SETTINGS_UNREADABLE,
                    "The tunnel settings could not be read from the database; restart Comptoir.",
                ),
            ));
            return None;
        };
        let name = settings.provider.as_str();
        let Some(port) = port else {
            self.set_tunnel(TunnelState::down(
                name,
                Message::new(
                    &code::TUNNEL_NO_LISTENER,
                    "The listener is not running, so the tunnel has nothing to lead to. Start the listener (or free its port).",
                ),
            ));
            return None;
        };
        match name {
            "cloudflared" => {
                let exe = if settings.cloudflared_path.trim().is_empty() {
                    find_cloudflared()
                } else {
                    Some(PathBuf::from(settings.cloudflared_path.trim()))
                };
                let Some(exe) = exe else {
                    let e = TunnelError::NotInstalled {
                        exe: "looked for on the PATH and in its usual folders".to_owned(),
                    };
                    self.set_tunnel(TunnelState::down(name, tunnel_message(&e)));
                    return None;
                };
                self.set_tunnel(TunnelState::starting(name));
                let me = Arc::clone(self);
                let mut tunnel = Cloudflared::new(exe, port)
                    .with_options(self.cloudflared.clone())
                    .on_status(move |s| me.status(s));
                if let Err(e) = tunnel.start() {
                    // The status already says it; the log keeps why it did not come up.
                    self.log(Level::Warning, &format!("The cloudflared tunnel: {e}"));
                }
                Some(Box::new(tunnel))
            }
            "ngrok" => {
                // The authtoken lives with the passwords (the keychain); read at each start.
                let authtoken = self
                    .connect()
                    .and_then(|c| crate::secrets::read(&c, NGROK_AUTHTOKEN_KEY).ok().flatten())
                    .unwrap_or_default();
                let domain = settings.ngrok_domain.trim();
                self.set_tunnel(TunnelState::starting(name));
                let me = Arc::clone(self);
                let mut tunnel = Ngrok::new(
                    authtoken.trim(),
                    (!domain.is_empty()).then_some(domain),
                    port,
                )
                .with_options(self.ngrok.clone())
                .on_status(move |s| me.status(s));
                if let Err(e) = tunnel.start() {
                    self.log(Level::Warning, &format!("The ngrok tunnel: {e}"));
                }
                Some(Box::new(tunnel))
            }
            _ => {
                if settings.public_url.trim().is_empty() {
                    self.set_tunnel(TunnelState::down(
                        "manual",
                        Message::new(
                            &code::TUNNEL_NO_PUBLIC_URL,
                            "No public address is set. Enter the https:// address of your tunnel or reverse proxy (tunnel.public_url), or choose cloudflared.",
                        ),
                    ));
                    return None;
                }
                let mut tunnel = Manual::new(&settings.public_url);
                let _ = tunnel.start();
                self.status(&tunnel.status());
                Some(Box::new(tunnel))
            }
        }
    }

    /// The webhooks follow a new address (after Connect only).
    fn heal(&self, public_url: &str) {
        let Some(conn) = self.connect() else { return };
        let _guard = self.heal.lock().unwrap_or_else(|e| e.into_inner());
        let delivery_url = format!("{public_url}{WEBHOOK_PATH}");
        if let Ok(Some(report)) = connect::heal(&conn, &delivery_url) {
            (self.events)(Event::Webhooks {
                state: report.state,
                messages: report.messages,
            });
        }
    }

    /// The periodic check: heal with the current address, or only read the status without one.
    fn check(&self) {
        let tunnel = self.lock().tunnel.clone();
        match (tunnel.state, &tunnel.public_url) {
            (State::Up, Some(url)) => self.heal(url),
            _ => {
                let Some(conn) = self.connect() else { return };
                let why = tunnel.reason.clone().unwrap_or_else(|| {
                    Message::new(&code::TUNNEL_STARTING, "the tunnel is starting")
                });
                if let Ok(Some(state)) = connect::inspect(&conn, &why) {
                    (self.events)(Event::Webhooks {
                        state,
                        messages: Vec::new(),
                    });
                }
            }
        }
    }

    fn publish(&self, url: Option<&str>) {
        if let Some(conn) = self.connect() {
            let current = get_setting(&conn, PUBLISHED_URL_KEY).ok().flatten();
            if current.as_deref().unwrap_or("") != url.unwrap_or("") {
                let _ = set_setting(&conn, PUBLISHED_URL_KEY, url.unwrap_or(""));
            }
        }
    }

    fn interval(&self) -> Duration {
        self.connect()
            .and_then(|c| crate::sync::interval(&c).ok())
            .unwrap_or(Duration::from_secs(
                crate::sync::DEFAULT_INTERVAL_MINUTES * 60,
            ))
    }
}

fn run(shared: Arc<Shared>) {
    let mut provider: Option<Box<dyn Provider>> = None;
    let mut settings: Option<TunnelSettings> = None;
    let mut next_check = Instant::now() + FIRST_CHECK;
    let mut published: Option<String> = None;
    // Its own connection for the settings poll, opened once (opening migrates and configures).
    let mut poll: Option<Connection> = None;
    loop {
        let (todo, port) = {
            let mut inner = shared.lock();
            let until = next_check.min(Instant::now() + SETTINGS_POLL);
            while !inner.requests.any() {
                let now = Instant::now();
                if now >= until {
                    break;
                }
                inner = shared
                    .changed
                    .wait_timeout(inner, until - now)
                    .map(|(g, _)| g)
                    .unwrap_or_else(|e| e.into_inner().0);
            }
            (std::mem::take(&mut inner.requests), inner.port)
        };
        if todo.stop {
            if let Some(mut p) = provider.take() {
                p.stop();
            }
            shared.publish(None);
            let name = shared.lock().tunnel.provider.clone();
            shared.set_tunnel(TunnelState::down(
                &name,
                Message::new(&code::LISTENER_CLOSED, "Comptoir was closed."),
            ));
            return;
        }
        let mut restart = todo.restart;
        if poll.is_none() {
            poll = shared.connect();
        }
        if let Some(now) = poll.as_ref().and_then(read_settings) {
            if settings.as_ref().is_some_and(|s| *s != now) && port.is_some() {
                restart = true;
            }
            settings = Some(now);
        }
        if restart {
            if let Some(mut p) = provider.take() {
                p.stop();
            }
            provider = shared.start(port);
            let mut inner = shared.lock();
            inner.restarting = false;
            drop(inner);
            shared.changed.notify_all();
        }
        let url = {
            let inner = shared.lock();
            (inner.tunnel.state == State::Up)
                .then(|| inner.tunnel.public_url.clone())
                .flatten()
        };
        if url != published {
            shared.publish(url.as_deref());
            published = url;
        }
        // A new address first: the webhooks move, then the catch-up fetches what the old
        // address missed (including what came between the start's catch-up and the move).
        let new_url = todo
            .new_url
            .or_else(|| shared.lock().requests.new_url.take());
        if let Some(url) = new_url {
            shared.heal(&url);
            (shared.catch_up)();
            next_check = Instant::now() + shared.interval();
        } else if todo.came_back {
            (shared.catch_up)();
        }
        if todo.check || Instant::now() >= next_check {
            shared.check();
            next_check = Instant::now() + shared.interval();
        }
    }
}

/// The engine's tunnel worker.
pub struct Reach {
    shared: Arc<Shared>,
    thread: Mutex<Option<JoinHandle<()>>>,
}

impl std::fmt::Debug for Reach {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Reach")
            .field("tunnel", &self.tunnel())
            .finish()
    }
}

impl Reach {
    /// Starts the worker; the tunnel starts when [`Reach::set_port`] gives the listener's port.
    /// `catch_up` asks the catch-up worker for a run.
    pub(crate) fn spawn(
        database: PathBuf,
        events: EventSink,
        catch_up: CatchUp,
        cloudflared: CloudflaredOptions,
        ngrok: NgrokOptions,
    ) -> std::io::Result<Reach> {
        let provider = comptoir_store::open(&database)
            .ok()
            .and_then(|c| crate::config::get_known(&c, "tunnel.provider").ok())
            .unwrap_or_else(|| "manual".to_owned());
        let shared = Arc::new(Shared {
            database,
            events,
            catch_up,
            inner: Mutex::new(Inner {
                port: None,
                tunnel: TunnelState::down(
                    &provider,
                    Message::new(
                        &code::LISTENER_NOT_STARTED,
                        "The listener has not been started yet.",
                    ),
                ),
                last_url: None,
                requests: Requests::default(),
                restarting: false,
            }),
            changed: Condvar::new(),
            heal: Mutex::new(()),
            cloudflared,
            ngrok,
        });
        let s = Arc::clone(&shared);
        let thread = std::thread::Builder::new()
            .name("reach".into())
            .spawn(move || run(s))?;
        Ok(Reach {
            shared,
            thread: Mutex::new(Some(thread)),
        })
    }

    /// The listener started on `port` (the tunnel is started or moved there), or stopped.
    pub(crate) fn set_port(&self, port: Option<u16>) {
        {
            let mut inner = self.shared.lock();
            inner.port = port;
            inner.requests.restart = true;
            inner.restarting = true;
            if port.is_some() {
                inner.tunnel.state = State::Starting;
                inner.tunnel.reason = None;
            }
        }
        self.shared.changed.notify_all();
    }

    /// Restarts the tunnel with the current settings (they changed).
    pub fn restart(&self) {
        let mut inner = self.shared.lock();
        inner.requests.restart = true;
        inner.restarting = true;
        drop(inner);
        self.shared.changed.notify_all();
    }

    /// Checks the webhooks now (in the worker).
    pub fn check_now(&self) {
        self.shared.ask(|r| r.check = true);
    }

    pub fn tunnel(&self) -> TunnelState {
        self.shared.lock().tunnel.clone()
    }

    /// Waits until the tunnel is up or down (not starting, no restart pending), at most
    /// `timeout`, and returns its state.
    pub fn wait_settled(&self, timeout: Duration) -> TunnelState {
        let deadline = Instant::now() + timeout;
        let mut inner = self.shared.lock();
        while inner.restarting || inner.tunnel.state == State::Starting {
            let now = Instant::now();
            if now >= deadline {
                break;
            }
            inner = self
                .shared
                .changed
                .wait_timeout(inner, deadline - now)
                .map(|(g, _)| g)
                .unwrap_or_else(|e| e.into_inner().0);
        }
        inner.tunnel.clone()
    }

    /// "Connect" with the current public address.
    pub fn connect_shop(&self) -> Result<connect::WebhooksReport, connect::ConnectError> {
        let tunnel = self.tunnel();
        let Some(delivery_url) = tunnel.delivery_url() else {
            let why = match tunnel.state {
                State::Starting => {
                    "the tunnel is still starting; try again in a moment.".to_owned()
                }
                _ => tunnel
                    .reason
                    .map_or_else(|| "the tunnel is down.".to_owned(), |m| m.message),
            };
            return Err(connect::ConnectError::NoAddress(why));
        };
        let conn = comptoir_store::open(&self.shared.database)
            .map_err(|e| connect::ConnectError::from(crate::Error::from(e)))?;
        let _guard = self.shared.heal.lock().unwrap_or_else(|e| e.into_inner());
        let report = connect::connect(&conn, &delivery_url);
        match &report {
            Ok(r) => {
                // The webhooks now deliver here: later checks start from this address.
                if let Some(url) = &tunnel.public_url {
                    self.shared.lock().last_url = Some(url.clone());
                }
                (self.shared.events)(Event::Webhooks {
                    state: r.state.clone(),
                    messages: r.messages.clone(),
                });
            }
            Err(_) => {
                if let Ok(state) = connect::state(&conn) {
                    (self.shared.events)(Event::Webhooks {
                        state,
                        messages: Vec::new(),
                    });
                }
            }
        }
        report
    }

    /// The webhooks' state as last recorded.
    pub fn webhooks(&self) -> Option<WebhooksState> {
        self.shared.connect().and_then(|c| connect::state(&c).ok())
    }

    /// Stops the tunnel (and the program it runs) and the worker.
    pub fn stop(&self) {
        self.shared.ask(|r| r.stop = true);
        if let Some(t) = self.thread.lock().ok().and_then(|mut t| t.take()) {
            let _ = t.join();
        }
    }
}

impl Drop for Reach {
    fn drop(&mut self) {
        self.stop();
    }
}
