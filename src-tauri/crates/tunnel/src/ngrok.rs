//! An ngrok tunnel, in process through ngrok's own Rust crate (no ngrok program to install):
//! the owner's authtoken opens a session with ngrok's service, which gives a public HTTPS
//! address (the account's own ngrok address, or the reserved domain the owner names) and sends
//! each request to `http://127.0.0.1:PORT`.
//!
//! ngrok runs on tokio. The runtime stays inside this provider: a supervisor thread runs a
//! small current-thread runtime, so the rest of Comptoir stays synchronous. The supervisor
//! reports each new address, reconnects with a growing pause when the session drops, gives up
//! only on what waiting cannot fix (a refused authtoken, a domain the account may not use), and
//! closes the session on [`Provider::stop`] or drop.

use std::future::Future;
use std::pin::pin;
use std::sync::{Arc, Mutex};
use std::task::Poll;
use std::time::{Duration, Instant};

use ngrok::config::ForwarderBuilder;
use ngrok::session::{ConnectError, RpcError};
use ngrok::tunnel::{AcceptError, EndpointInfo};
use tokio::sync::watch;

use crate::supervise::{self, Backoff, Supervision, Tracker};
use crate::{Provider, Status, TunnelError};

/// ngrok's own agent service, where the session goes unless told otherwise.
const NGROK_SERVER: &str = "connect.ngrok-agent.com:443";

/// Timings of the supervisor, and where it connects.
#[derive(Debug, Clone)]
pub struct NgrokOptions {
    /// How long connecting, signing in and opening the endpoint may each take.
    pub connect_timeout: Duration,
    /// The pause before the first reconnection; it doubles at each failure in a row…
    pub first_backoff: Duration,
    /// …up to this.
    pub max_backoff: Duration,
    /// A session that stayed up this long counts as having worked: the pause starts over.
    pub stable_after: Duration,
    /// `host:port` of the ngrok agent service; `None` is ngrok's own
    /// (`connect.ngrok-agent.com:443`). Only tests point it elsewhere.
    pub server_addr: Option<String>,
}

impl Default for NgrokOptions {
    fn default() -> Self {
        NgrokOptions {
            connect_timeout: Duration::from_secs(30),
            first_backoff: supervise::FIRST_BACKOFF,
            max_backoff: supervise::MAX_BACKOFF,
            stable_after: supervise::STABLE_AFTER,
            server_addr: None,
        }
    }
}

/// The owner's authtoken: a password to their ngrok account, so never printed.
#[derive(Clone)]
struct Authtoken(String);

impl std::fmt::Debug for Authtoken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(if self.0.is_empty() {
            "(none)"
        } else {
            "(redacted)"
        })
    }
}

impl Authtoken {
    /// `text` without the authtoken, for messages that quote ngrok (ERR_NGROK_107 repeats it).
    fn scrub(&self, text: &str) -> String {
        if self.0.len() < 4 {
            return text.to_owned();
        }
        text.replace(&self.0, "(your authtoken)")
    }
}

/// An ngrok tunnel to `http://127.0.0.1:local_port`.
pub struct Ngrok {
    authtoken: Authtoken,
    domain: Option<String>,
    local_port: u16,
    options: NgrokOptions,
    supervision: Supervision,
    /// Wakes the supervisor's session on stop().
    stop_tx: Option<watch::Sender<bool>>,
}

impl std::fmt::Debug for Ngrok {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Ngrok")
            .field("authtoken", &self.authtoken)
            .field("domain", &self.domain)
            .field("local_port", &self.local_port)
            .field("server_addr", &self.options.server_addr)
            .field("status", &self.status())
            .finish()
    }
}

impl Ngrok {
    /// `authtoken` is the owner's (dashboard.ngrok.com → Your Authtoken); `domain` a domain
    /// reserved in their ngrok account (`orders-myshop.ngrok.app`; `https://` and a trailing
    /// slash are tolerated), or `None`/blank for the account's own ngrok address.
    pub fn new(authtoken: &str, domain: Option<&str>, local_port: u16) -> Ngrok {
        let domain = domain
            .map(|d| {
                let d = d.trim();
                let d = d
                    .strip_prefix("https://")
                    .or_else(|| d.strip_prefix("http://"))
                    .unwrap_or(d);
                d.trim_end_matches('/').to_ascii_lowercase()
            })
            .filter(|d| !d.is_empty());
        Ngrok {
            authtoken: Authtoken(authtoken.trim().to_owned()),
            domain,
            local_port,
            options: NgrokOptions::default(),
            supervision: Supervision::new("ngrok"),
            stop_tx: None,
        }
    }

    pub fn with_options(mut self, options: NgrokOptions) -> Ngrok {
        self.options = options;
        self
    }

    /// Called (from the supervisor thread) with each new public address: the first one and
    /// any different one after a reconnection. The webhooks must be moved to it.
    pub fn on_url_change(mut self, f: impl Fn(&str) + Send + Sync + 'static) -> Ngrok {
        self.supervision.tracker.on_url_change(f);
        self
    }

    /// Called (from the supervisor thread) at every change of state, for the connection screen.
    pub fn on_status(mut self, f: impl Fn(&Status) + Send + Sync + 'static) -> Ngrok {
        self.supervision.tracker.on_status(f);
        self
    }

    /// The reserved domain asked for, as it will be sent to ngrok.
    pub fn domain(&self) -> Option<&str> {
        self.domain.as_deref()
    }

    /// What the owner must fix before a session can even be tried.
    fn check_settings(&self) -> Result<(), TunnelError> {
        if self.authtoken.0.is_empty() {
            return Err(TunnelError::NgrokNoAuthtoken);
        }
        if self.authtoken.0.chars().any(char::is_whitespace) {
            return Err(TunnelError::NgrokAuthtokenRejected {
                detail: "it contains spaces or line breaks, so it was not copied whole".to_owned(),
            });
        }
        if let Some(d) = &self.domain {
            let labels_ok = d.split('.').all(|l| {
                !l.is_empty()
                    && !l.starts_with('-')
                    && !l.ends_with('-')
                    && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            });
            if !labels_ok || !d.contains('.') || d.len() > 253 {
                return Err(TunnelError::NgrokBadDomain { domain: d.clone() });
            }
        }
        Ok(())
    }

    /// Connecting and opening the endpoint each have their timeout; a little more on top.
    fn patience(&self) -> Duration {
        self.options.connect_timeout * 2 + Duration::from_secs(10)
    }
}

impl Provider for Ngrok {
    fn name(&self) -> &'static str {
        "ngrok"
    }

    /// Opens the ngrok session and returns the public address. A missing authtoken or a
    /// malformed domain fails at once and nothing runs. Otherwise, if the first attempt fails,
    /// the error says why and the supervisor keeps reconnecting (with a pause) until
    /// [`Provider::stop`] — except after a refused authtoken or domain, which it gives up on;
    /// a later address comes through [`Ngrok::on_url_change`].
    fn start(&mut self) -> Result<String, TunnelError> {
        if let Err(e) = self.check_settings() {
            self.supervision.tracker.refuse(e.clone());
            return Err(e);
        }
        let patience = self.patience();
        let stop_tx = &mut self.stop_tx;
        self.supervision.start(
            patience,
            |tracker| {
                let (tx, stop_rx) = watch::channel(false);
                *stop_tx = Some(tx);
                let supervisor = Supervisor {
                    authtoken: self.authtoken.clone(),
                    domain: self.domain.clone(),
                    local_port: self.local_port,
                    options: self.options.clone(),
                    tracker,
                    stop_rx,
                };
                move || supervisor.run()
            },
            |e| TunnelError::NgrokCouldNotStart {
                reason: e.to_string(),
            },
        )
    }

    fn status(&self) -> Status {
        self.supervision.tracker.status()
    }

    fn stop(&mut self) {
        let stop_tx = self.stop_tx.take();
        self.supervision.stop(|| {
            if let Some(tx) = stop_tx {
                tx.send_replace(true);
            }
        });
    }
}

impl Drop for Ngrok {
    fn drop(&mut self) {
        if self.supervision.started() {
            self.stop();
        }
    }
}

/// Everything the supervisor thread needs.
struct Supervisor {
    authtoken: Authtoken,
    domain: Option<String>,
    local_port: u16,
    options: NgrokOptions,
    tracker: Tracker,
    stop_rx: watch::Receiver<bool>,
}

/// Why a session attempt ended.
#[derive(Debug)]
struct Failure {
    error: TunnelError,
    /// Waiting will not help: the owner must change the authtoken or the domain.
    permanent: bool,
    /// The tunnel had been up (its address was reported) before it dropped.
    was_up: bool,
}

impl Failure {
    fn retry(error: TunnelError) -> Failure {
        Failure {
            error,
            permanent: false,
            was_up: false,
        }
    }
}

impl Supervisor {
    fn run(self) {
        // ngrok builds its TLS set-up with rustls' process-wide default; with one backend built
        // in that is ring, but should another crate ever add a second one, rustls would refuse
        // to choose. Naming ring once keeps that from breaking the tunnel.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let runtime = match tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
        {
            Ok(rt) => rt,
            Err(e) => {
                self.tracker.give_up(TunnelError::NgrokCouldNotStart {
                    reason: e.to_string(),
                });
                return;
            }
        };
        runtime.block_on(self.supervise());
        // A name lookup stuck in tokio's blocking pool must not hold up stop().
        runtime.shutdown_timeout(Duration::from_millis(500));
    }

    async fn supervise(&self) {
        let o = &self.options;
        let mut backoff = Backoff::new(o.first_backoff, o.max_backoff, o.stable_after);
        loop {
            if self.stopping() {
                return;
            }
            self.tracker.starting();
            let started = Instant::now();
            let failure = match self.until_stopped(self.session()).await {
                None => return,
                Some(f) => f,
            };
            if self.stopping() {
                return;
            }
            if failure.permanent {
                self.tracker.give_up(failure.error);
                return;
            }
            let pause = backoff.after(started, failure.was_up);
            let shown = TunnelError::NgrokRetrying {
                error: Box::new(failure.error.clone()),
                restart_in_secs: supervise::whole_secs(pause),
            };
            self.tracker.retry(failure.error, shown);
            if self
                .until_stopped(tokio::time::sleep(pause))
                .await
                .is_none()
            {
                return;
            }
        }
    }

    /// One ngrok session: connect, sign in, open the endpoint, forward until it drops.
    async fn session(&self) -> Failure {
        let server = self
            .options
            .server_addr
            .clone()
            .unwrap_or_else(|| NGROK_SERVER.to_owned());
        let timeout = self.options.connect_timeout;
        // Why the session dropped, as ngrok's reconnection saw it (see `connector`).
        let dropped: Arc<Mutex<Option<String>>> = Arc::default();

        let mut builder = ngrok::Session::builder();
        builder
            .authtoken(self.authtoken.0.clone())
            .client_info("comptoir", env!("CARGO_PKG_VERSION"), None::<String>)
            .connector(connector(timeout, Arc::clone(&dropped)));
        if let Some(addr) = &self.options.server_addr
            && let Err(e) = builder.server_addr(addr.clone())
        {
            return Failure {
                permanent: true,
                ..Failure::retry(TunnelError::NgrokUnreachable {
                    server: server.clone(),
                    reason: e.to_string(),
                })
            };
        }

        let mut session = match tokio::time::timeout(timeout, builder.connect()).await {
            Err(_) => {
                return Failure::retry(TunnelError::NgrokUnreachable {
                    server,
                    reason: format!("it did not answer within {} s", timeout.as_secs().max(1)),
                });
            }
            Ok(Err(e)) => return self.connect_failure(&server, &e),
            Ok(Ok(s)) => s,
        };

        let mut endpoint = session.http_endpoint();
        if let Some(d) = &self.domain {
            endpoint.domain(d.clone());
        }
        endpoint.metadata("Comptoir: WooCommerce webhooks");
        let local = format!("http://127.0.0.1:{}", self.local_port);
        let to = match url::Url::parse(&local) {
            Ok(u) => u,
            Err(e) => {
                return Failure {
                    permanent: true,
                    ..Failure::retry(TunnelError::BadLocalAddress {
                        address: local,
                        reason: e.to_string(),
                    })
                };
            }
        };
        let mut forwarder =
            match tokio::time::timeout(timeout, endpoint.listen_and_forward(to)).await {
                Err(_) => {
                    return Failure::retry(TunnelError::NgrokUnreachable {
                        server,
                        reason: format!(
                            "it did not open the public address within {} s",
                            timeout.as_secs().max(1)
                        ),
                    });
                }
                Ok(Err(e)) => return self.bind_failure(&server, &e),
                Ok(Ok(f)) => f,
            };

        let url = forwarder.url().trim_end_matches('/').to_owned();
        self.tracker.up(url);

        // Up until the session drops (ngrok's reconnection is refused by `connector`, so the
        // forwarding ends) or stop() is called, which closes the session so ngrok frees the
        // address at once.
        let ended = {
            let mut stop = self.stop_rx.clone();
            let join = forwarder.join();
            race(join, stop.wait_for(|s| *s)).await
        };
        let detail = match ended {
            None => {
                let _ = tokio::time::timeout(Duration::from_secs(2), session.close()).await;
                return Failure::retry(TunnelError::Stopped);
            }
            Some(Ok(Ok(()))) => "ngrok closed the tunnel".to_owned(),
            Some(Ok(Err(e))) => chain(e.as_ref()),
            Some(Err(e)) => format!("the forwarding stopped ({e})"),
        };
        let why = dropped
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .take()
            .unwrap_or(detail);
        Failure {
            was_up: true,
            ..Failure::retry(TunnelError::NgrokDropped {
                reason: self.authtoken.scrub(&why),
            })
        }
    }

    fn connect_failure(&self, server: &str, e: &ConnectError) -> Failure {
        use ngrok::Error as _;
        let unreachable = |reason: String| {
            Failure::retry(TunnelError::NgrokUnreachable {
                server: server.to_owned(),
                reason,
            })
        };
        match e {
            ConnectError::Tcp(io) => unreachable(describe_io(io)),
            ConnectError::Tls(io) => unreachable(format!(
                "the secure connection failed ({}); a proxy or firewall may be in the way",
                describe_io(io)
            )),
            ConnectError::Auth(RpcError::Response(resp)) => {
                self.refusal(resp.error_code(), &resp.msg(), Stage::SignIn)
            }
            ConnectError::Auth(other) => unreachable(format!(
                "the connection closed while signing in ({})",
                chain(other)
            )),
            other => unreachable(chain(other)),
        }
    }

    fn bind_failure(&self, server: &str, e: &RpcError) -> Failure {
        use ngrok::Error as _;
        match e {
            RpcError::Response(resp) => {
                self.refusal(resp.error_code(), &resp.msg(), Stage::Endpoint)
            }
            other => Failure::retry(TunnelError::NgrokUnreachable {
                server: server.to_owned(),
                reason: format!(
                    "the connection closed while opening the public address ({})",
                    chain(other)
                ),
            }),
        }
    }

    /// ngrok answered, and said no.
    fn refusal(&self, code: Option<&str>, msg: &str, stage: Stage) -> Failure {
        let failure = explain_refusal(code, msg, stage, self.domain.as_deref());
        // ngrok's message may quote the authtoken (ERR_NGROK_107 does).
        let error = match failure.error {
            TunnelError::NgrokAuthtokenRejected { detail } => TunnelError::NgrokAuthtokenRejected {
                detail: self.authtoken.scrub(&detail),
            },
            TunnelError::NgrokDomain { domain, detail } => TunnelError::NgrokDomain {
                domain,
                detail: self.authtoken.scrub(&detail),
            },
            TunnelError::NgrokRefused { detail } => TunnelError::NgrokRefused {
                detail: self.authtoken.scrub(&detail),
            },
            other => other,
        };
        Failure { error, ..failure }
    }

    fn stopping(&self) -> bool {
        *self.stop_rx.borrow()
    }

    /// `fut`'s output, or `None` once stop() is called (`fut` is then dropped, which cancels it).
    async fn until_stopped<F: Future>(&self, fut: F) -> Option<F::Output> {
        let mut stop = self.stop_rx.clone();
        race(fut, stop.wait_for(|s| *s)).await
    }
}

/// Polls `fut` until it is done (`Some`), unless `stop` finishes first (`None`). `stop` is a
/// wait on the stop channel; it also finishes if the channel is gone.
async fn race<F: Future, S: Future>(fut: F, stop: S) -> Option<F::Output> {
    let mut fut = pin!(fut);
    let mut stop = pin!(stop);
    std::future::poll_fn(|cx| {
        if stop.as_mut().poll(cx).is_ready() {
            return Poll::Ready(None);
        }
        fut.as_mut().poll(cx).map(Some)
    })
    .await
}

/// How ngrok reaches its service: its own TCP + TLS connection, with a time limit. When the
/// session drops, ngrok calls this again to reconnect by itself, with pauses that grow from
/// 50 ms to hours (50 ms × 50ⁿ) and without saying so; Comptoir refuses that reconnection
/// (noting why the session dropped), so the supervisor reconnects with its own pauses and the
/// connection screen shows the tunnel down meanwhile.
fn connector(
    timeout: Duration,
    dropped: Arc<Mutex<Option<String>>>,
) -> impl ngrok::session::Connector {
    move |host: String, port: u16, tls: Arc<rustls::ClientConfig>, err: Option<AcceptError>| {
        let dropped = Arc::clone(&dropped);
        async move {
            if let Some(e) = err {
                *dropped.lock().unwrap_or_else(|e| e.into_inner()) = Some(chain(&e));
                return Err(ConnectError::Canceled);
            }
            match tokio::time::timeout(
                timeout,
                ngrok::session::default_connect(host, port, tls, None),
            )
            .await
            {
                Ok(r) => r,
                Err(_) => Err(ConnectError::Tcp(std::io::Error::new(
                    std::io::ErrorKind::TimedOut,
                    format!("no answer within {} s", timeout.as_secs().max(1)),
                ))),
            }
        }
    }
}

/// Where ngrok said no.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stage {
    /// Checking the authtoken.
    SignIn,
    /// Opening the public address.
    Endpoint,
}

/// Authtoken codes: malformed (105), legacy (106), reset or revoked (107), missing (4018).
const AUTHTOKEN_CODES: [&str; 4] = [
    "ERR_NGROK_105",
    "ERR_NGROK_106",
    "ERR_NGROK_107",
    "ERR_NGROK_4018",
];
/// Domain codes: a plan without custom domains (313, 314, 315), not reserved in this account
/// (319), reserved by another account (320).
const DOMAIN_CODES: [&str; 5] = [
    "ERR_NGROK_313",
    "ERR_NGROK_314",
    "ERR_NGROK_315",
    "ERR_NGROK_319",
    "ERR_NGROK_320",
];

/// Turns ngrok's refusal (its error code and message) into what the owner reads, and whether
/// trying again can help.
fn explain_refusal(code: Option<&str>, msg: &str, stage: Stage, domain: Option<&str>) -> Failure {
    // ngrok's messages run over several lines (with "Your authtoken: …" and links); the first
    // says what happened.
    let first = msg
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.to_ascii_lowercase().starts_with("your authtoken"))
        .unwrap_or("no reason given")
        .trim_end_matches('.');
    let detail = match code {
        Some(c) => format!("{first}, {c}"),
        None => first.to_owned(),
    };
    let code = code.unwrap_or_default();
    if AUTHTOKEN_CODES.contains(&code) {
        return Failure {
            error: TunnelError::NgrokAuthtokenRejected { detail },
            permanent: true,
            was_up: false,
        };
    }
    if let Some(d) = domain
        && (DOMAIN_CODES.contains(&code) || (stage == Stage::Endpoint && code.is_empty()))
    {
        return Failure {
            error: TunnelError::NgrokDomain {
                domain: d.to_owned(),
                detail,
            },
            permanent: DOMAIN_CODES.contains(&code),
            was_up: false,
        };
    }
    Failure::retry(TunnelError::NgrokRefused { detail })
}

/// A connection error the way the owner can act on it.
fn describe_io(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::ConnectionRefused => "the connection was refused".to_owned(),
        K::TimedOut => e.to_string(),
        K::ConnectionReset | K::ConnectionAborted | K::UnexpectedEof | K::BrokenPipe => {
            "the connection was closed before it was set up".to_owned()
        }
        K::HostUnreachable | K::NetworkUnreachable | K::NetworkDown => {
            "there is no network route to it (is this computer offline?)".to_owned()
        }
        _ => {
            let text = e.to_string();
            if text.contains("lookup")
                || text.contains("resolve")
                || text.contains("Name or service")
            {
                format!("its name could not be looked up ({text}; is this computer offline?)")
            } else {
                text
            }
        }
    }
}

/// An error and its causes, as one line (ngrok's own messages are terse, the cause says more).
fn chain(e: &(dyn std::error::Error + 'static)) -> String {
    let mut text = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        let more = s.to_string();
        if !text.contains(&more) {
            text.push_str(": ");
            text.push_str(&more);
        }
        source = s.source();
    }
    text.replace('\n', " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_authtoken_is_never_shown() {
        let token = "2abcDEFghiJKLmnoPQRstuVWXyz_1234567890abcdefABCDEF";
        let n = Ngrok::new(token, Some("https://Orders-Myshop.ngrok.app/"), 8080);
        let debug = format!("{n:?}");
        assert!(!debug.contains(token), "{debug}");
        assert!(debug.contains("(redacted)"), "{debug}");
        assert_eq!(n.domain(), Some("orders-myshop.ngrok.app"));
        // ERR_NGROK_107's message repeats the token; what the owner reads must not.
        let msg = format!(
            "The authtoken you specified is properly formed, but it is invalid.\nYour authtoken: {token}\nThis usually happens when:\n - You reset your authtoken"
        );
        let auth = Authtoken(token.to_owned());
        let f = explain_refusal(Some("ERR_NGROK_107"), &msg, Stage::SignIn, None);
        assert!(f.permanent);
        let TunnelError::NgrokAuthtokenRejected { detail } = f.error else {
            panic!("{:?}", f.error)
        };
        let shown = auth.scrub(&detail);
        assert!(!shown.contains(token));
        assert_eq!(
            TunnelError::NgrokAuthtokenRejected { detail: shown }.to_string(),
            "ngrok refused the authtoken (The authtoken you specified is properly formed, but it is invalid, ERR_NGROK_107). Paste your ngrok authtoken again from dashboard.ngrok.com → Your Authtoken (a reset or revoked one no longer works)."
        );
        assert_eq!(
            auth.scrub(&format!("closed: Your authtoken: {token}")),
            "closed: Your authtoken: (your authtoken)"
        );
    }

    #[test]
    fn refusals_are_told_apart() {
        let domain = Some("orders-myshop.ngrok.app");
        let f = explain_refusal(
            Some("ERR_NGROK_319"),
            "You must reserve a custom hostname for your account before it can be bound.\nFailed to bind the domain 'orders-myshop.ngrok.app'",
            Stage::Endpoint,
            domain,
        );
        assert!(f.permanent);
        assert!(
            matches!(f.error, TunnelError::NgrokDomain { .. }),
            "{:?}",
            f.error
        );
        assert!(
            f.error
                .to_string()
                .contains("dashboard.ngrok.com → Domains")
        );
        // The account's session limit passes: try again later.
        let f = explain_refusal(
            Some("ERR_NGROK_108"),
            "Your account is limited to 1 simultaneous ngrok agent sessions.",
            Stage::SignIn,
            domain,
        );
        assert!(!f.permanent);
        assert!(matches!(f.error, TunnelError::NgrokRefused { .. }));
        let f = explain_refusal(
            Some("ERR_NGROK_105"),
            "The authtoken you specified does not look like a proper ngrok tunnel authtoken.",
            Stage::SignIn,
            None,
        );
        assert!(f.permanent);
        assert!(matches!(
            f.error,
            TunnelError::NgrokAuthtokenRejected { .. }
        ));
    }

    #[test]
    fn the_status_gives_the_reason_as_a_value_and_in_words() {
        // A local port where nothing listens: each attempt is refused at once.
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map(|a| a.port())
            .unwrap();
        let token = "2abcDEFghiJKLmnoPQRstuVWXyz_1234567890abcdefABCDEF";
        let mut n = Ngrok::new(token, None, 8080).with_options(NgrokOptions {
            connect_timeout: Duration::from_secs(1),
            first_backoff: Duration::from_secs(30),
            server_addr: Some(format!("127.0.0.1:{port}")),
            ..NgrokOptions::default()
        });
        assert_eq!(n.status().error, Some(TunnelError::NotStarted));
        let err = n.start().unwrap_err();
        assert!(
            matches!(err, TunnelError::NgrokUnreachable { .. }),
            "{err:?}"
        );
        let s = n.status();
        assert_eq!(
            s.error,
            Some(TunnelError::NgrokRetrying {
                error: Box::new(err.clone()),
                restart_in_secs: 30,
            })
        );
        assert_eq!(
            s.reason,
            Some(format!("{err} Comptoir tries again in 30 s."))
        );
        n.stop();
        let s = n.status();
        assert_eq!(s.error, Some(TunnelError::StoppedOnRequest));
        assert_eq!(s.reason.as_deref(), Some("stopped"));
        // Settings refused before anything runs are in the status as a value too.
        let mut bad = Ngrok::new("", None, 8080);
        let err = bad.start().unwrap_err();
        assert_eq!(bad.status().error, Some(err));
    }

    #[test]
    fn settings_are_checked_before_connecting() {
        let check =
            |token: &str, domain: Option<&str>| Ngrok::new(token, domain, 1).check_settings();
        assert_eq!(check("  ", None), Err(TunnelError::NgrokNoAuthtoken));
        assert!(matches!(
            check("abc def", None),
            Err(TunnelError::NgrokAuthtokenRejected { .. })
        ));
        assert!(check("2abc_def", Some("")).is_ok());
        assert!(check("2abc_def", Some("orders.myshop.be")).is_ok());
        for bad in [
            "orders",
            "orders myshop.be",
            "-a.ngrok.app",
            "a..b",
            "a.b/c",
        ] {
            assert!(
                matches!(
                    check("2abc_def", Some(bad)),
                    Err(TunnelError::NgrokBadDomain { .. })
                ),
                "{bad}"
            );
        }
    }
}
