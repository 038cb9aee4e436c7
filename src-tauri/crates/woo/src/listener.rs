//! The webhook listener: a small HTTP server on 127.0.0.1 that serves `POST /webhooks/woocommerce`
//! and nothing else. It checks size and signature, reads the body, and hands the delivery to an
//! [`Intake`], which must have committed it before the listener answers `200`. Nothing slow
//! (PDF, e-mail, network) runs here.
//!
//! The listener takes an already-bound [`TcpListener`], so tests and the app choose the port
//! (0 in tests), and stops when [`Listener::shutdown`] is called or it is dropped.

use std::io::Read;
use std::net::{SocketAddr, TcpListener};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::JoinHandle;
use std::time::Duration;

use tiny_http::{Header, Method, Request, Response, Server};

use crate::delivery::{self, Delivery, DeliveryMeta, Ping, UnreadableDelivery};
use crate::signature::{self, Secret};

/// The only path that matters.
pub const WEBHOOK_PATH: &str = "/webhooks/woocommerce";

/// Storage failed; the delivery was not kept and WooCommerce is told so (503).
#[derive(Debug, Clone, thiserror::Error)]
#[error("{0}")]
pub struct IntakeFailure(pub String);

/// Where deliveries go. Every method that keeps something must have committed it before it
/// returns `Ok`, because the listener answers `200` right after.
pub trait Intake: Send + Sync + 'static {
    /// The current webhook secret, read for every delivery: the owner may change it at any
    /// time, from the window or from another process, and the old one must stop working.
    fn secret(&self) -> Result<Secret, IntakeFailure>;
    /// A ping: keep at most a line in the activity log.
    fn ping(&self, ping: Ping, user_agent: &str) -> Result<(), IntakeFailure>;
    /// A signed, readable delivery.
    fn accept(&self, delivery: Delivery) -> Result<(), IntakeFailure>;
    /// A signed delivery whose body cannot be read: keep it for the owner to see.
    fn keep_failed(
        &self,
        meta: DeliveryMeta,
        body: Vec<u8>,
        reason: &UnreadableDelivery,
    ) -> Result<(), IntakeFailure>;
    /// A request that was turned away without storing anything (bad signature, too large…).
    /// Useful for telling the owner that the secret in WooCommerce does not match.
    fn turned_away(&self, _status: u16, _reason: &str) {}
}

#[derive(Debug, Clone)]
pub struct ListenerOptions {
    /// Bodies larger than this are refused with 413.
    pub max_body: usize,
    /// Request-handling threads. Each waits for its delivery's commit, so several let commits
    /// be grouped.
    pub workers: usize,
}

impl Default for ListenerOptions {
    fn default() -> Self {
        ListenerOptions {
            max_body: 1024 * 1024,
            workers: 16,
        }
    }
}

/// A running listener.
pub struct Listener {
    server: Arc<Server>,
    addr: SocketAddr,
    stop: Arc<AtomicBool>,
    workers: Vec<JoinHandle<()>>,
}

impl std::fmt::Debug for Listener {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Listener")
            .field("addr", &self.addr)
            .finish()
    }
}

impl Listener {
    /// Starts serving on `tcp`, which the caller has bound.
    pub fn start(
        tcp: TcpListener,
        intake: Arc<dyn Intake>,
        options: ListenerOptions,
    ) -> std::io::Result<Listener> {
        let addr = tcp.local_addr()?;
        let server = Server::from_listener(tcp, None).map_err(std::io::Error::other)?;
        let server = Arc::new(server);
        let stop = Arc::new(AtomicBool::new(false));
        let mut workers = Vec::new();
        for n in 0..options.workers.max(1) {
            let server = Arc::clone(&server);
            let stop = Arc::clone(&stop);
            let intake = Arc::clone(&intake);
            let options = options.clone();
            let handle = std::thread::Builder::new()
                .name(format!("webhook-{n}"))
                .spawn(move || {
                    while !stop.load(Ordering::Acquire) {
                        match server.recv_timeout(Duration::from_millis(250)) {
                            Ok(Some(request)) => handle(request, intake.as_ref(), &options),
                            Ok(None) => {}
                            Err(_) => break,
                        }
                    }
                })?;
            workers.push(handle);
        }
        Ok(Listener {
            server,
            addr,
            stop,
            workers,
        })
    }

    pub fn local_addr(&self) -> SocketAddr {
        self.addr
    }

    /// Lets the requests in progress finish and ends the workers; then the server is dropped
    /// (with `self`): it stops accepting, answers 503 to requests read but not taken, and closes
    /// the connections kept open to it (vendor/tiny_http/PATCHED.md), so that a proxy pooling
    /// them opens new ones to the next listener. The server goes last because shutting its
    /// reading would cut a body that a worker is still reading.
    pub fn shutdown(mut self) {
        self.stop_workers();
    }

    fn stop_workers(&mut self) {
        self.stop.store(true, Ordering::Release);
        for _ in 0..self.workers.len() {
            self.server.unblock();
        }
        for w in self.workers.drain(..) {
            let _ = w.join();
        }
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        self.stop_workers();
    }
}

fn header<'a>(request: &'a Request, name: &str) -> Option<&'a str> {
    request
        .headers()
        .iter()
        .find(|h| h.field.as_str().as_str().eq_ignore_ascii_case(name))
        .map(|h| h.value.as_str())
}

fn respond(request: Request, status: u16, text: &str) {
    let mut response = Response::from_string(text).with_status_code(status);
    if let Ok(h) = Header::from_bytes(&b"Content-Type"[..], &b"text/plain; charset=utf-8"[..]) {
        response.add_header(h);
    }
    // The peer may have gone; there is nobody left to tell.
    let _ = request.respond(response);
}

fn handle(mut request: Request, intake: &dyn Intake, options: &ListenerOptions) {
    let path = request.url().split('?').next().unwrap_or("");
    if path != WEBHOOK_PATH {
        return respond(request, 404, "Not found.\n");
    }
    if *request.method() != Method::Post {
        return respond(
            request,
            405,
            "This address takes WooCommerce webhook deliveries (POST) only.\n",
        );
    }

    // Refuse oversized bodies before reading them; drain a bounded amount so that the client
    // gets the 413 rather than a reset connection.
    if request.body_length().is_some_and(|n| n > options.max_body) {
        drain(&mut request);
        intake.turned_away(413, "body too large");
        return respond(request, 413, "The body is larger than 1 MiB.\n");
    }
    // Sized from Content-Length (already checked against the limit) so that reading does not
    // grow and copy the buffer several times.
    let mut body = Vec::with_capacity(request.body_length().unwrap_or(0));
    let read = request
        .as_reader()
        .take(options.max_body as u64 + 1)
        .read_to_end(&mut body);
    if read.is_err() {
        return respond(request, 400, "The body could not be read.\n");
    }
    if body.len() > options.max_body {
        drain(&mut request);
        intake.turned_away(413, "body too large");
        return respond(request, 413, "The body is larger than 1 MiB.\n");
    }

    let signature = header(&request, "X-WC-Webhook-Signature").map(str::to_owned);
    let topic = header(&request, "X-WC-Webhook-Topic");
    let Some(signature) = signature else {
        if topic.is_none()
            && let Some(ping) = delivery::read_ping(&body)
        {
            let ua = header(&request, "User-Agent").unwrap_or("").to_owned();
            return match intake.ping(ping, &ua) {
                Ok(()) => respond(request, 200, "ok\n"),
                Err(e) => respond(request, 503, &format!("{e}\n")),
            };
        }
        intake.turned_away(401, "no signature");
        return respond(request, 401, "Missing X-WC-Webhook-Signature.\n");
    };

    let secret = match intake.secret() {
        Ok(s) => s,
        Err(e) => return respond(request, 503, &format!("{e}\n")),
    };
    if !signature::verify(&secret, &body, &signature) {
        intake.turned_away(401, "wrong signature");
        return respond(
            request,
            401,
            "Wrong signature: the webhook's secret in WooCommerce differs from Comptoir's.\n",
        );
    }

    let meta = DeliveryMeta::new(
        header(&request, "X-WC-Webhook-Source"),
        topic,
        header(&request, "X-WC-Webhook-ID"),
        header(&request, "X-WC-Webhook-Delivery-ID"),
        &body,
    );
    match delivery::read(meta, body) {
        Ok(delivery) => match intake.accept(delivery) {
            Ok(()) => respond(request, 200, "ok\n"),
            Err(e) => respond(request, 503, &format!("{e}\n")),
        },
        Err(unreadable) => {
            let delivery::Unreadable { meta, body, reason } = *unreadable;
            let text = format!("{reason}\n");
            match intake.keep_failed(meta, body, &reason) {
                Ok(()) => respond(request, 400, &text),
                Err(e) => respond(request, 503, &format!("{e}\n")),
            }
        }
    }
}

/// Reads and drops up to 16 MiB of a refused body.
fn drain(request: &mut Request) {
    let _ = std::io::copy(
        &mut request.as_reader().take(16 * 1024 * 1024),
        &mut std::io::sink(),
    );
}
