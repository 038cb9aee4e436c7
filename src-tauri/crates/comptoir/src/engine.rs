//! The running core: holds the data-folder lock, the intake writer and the listener, and tells
//! whoever is interested (the window, the terminal) what happened through an [`EventSink`].
//! The desktop app and `comptoir serve` each run exactly one.

use std::net::{Ipv4Addr, SocketAddr, TcpListener};
use std::sync::{Arc, Mutex};

use comptoir_core::message::{Message, code};
use comptoir_store::Connection;
use comptoir_woo::delivery::UnreadableDelivery;
use comptoir_woo::{
    Delivery, DeliveryMeta, Intake, IntakeFailure, Listener, ListenerOptions, Ping, Secret,
    WEBHOOK_PATH,
};
use serde::Serialize;

use crate::config::{self, ConfigKey};
use crate::data_dir::{DataDir, DataLock};
use crate::error::{Error, Result};
use crate::intake::Applied;
use crate::writer::{Job, Writer};

/// Something the owner may want to see at once.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Event {
    /// A delivery was committed.
    Delivery(Applied),
    Ping {
        webhook_id: u64,
    },
    FailedDelivery {
        topic: String,
    },
    /// A request was refused without storing anything.
    TurnedAway {
        status: u16,
        reason: String,
    },
    Listener(ListenerStatus),
    /// The outbox tried to e-mail a document.
    Mail(crate::mailer::MailEvent),
    /// A catch-up with the shop ran (or failed: then `error` says why and what to do).
    CatchUp {
        summary: String,
        orders_changed: usize,
        error: Option<String>,
    },
    /// The tunnel's state changed (starting, up with its public address, down with the reason).
    Tunnel(crate::reach::TunnelState),
    /// Comptoir's webhooks were checked, moved, re-activated or recreated, or Connect ran.
    Webhooks {
        state: crate::connect::WebhooksState,
        /// What changed, one sentence each (empty when nothing did).
        messages: Vec<Message>,
    },
}

pub type EventSink = Arc<dyn Fn(Event) + Send + Sync>;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ListenerState {
    Listening,
    PortBusy,
    Stopped,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ListenerStatus {
    pub state: ListenerState,
    pub port: u16,
    /// `http://127.0.0.1:PORT/webhooks/woocommerce` while listening.
    pub local_url: Option<String>,
    /// Why it is not listening, in the owner's words.
    pub reason: Option<Message>,
}

/// Everything the connection screen shows about reaching the shop, in one read.
#[derive(Debug, Clone, Serialize)]
pub struct ConnectionState {
    /// Provider (`manual`, `cloudflared`, `ngrok`), state (`starting`, `up`, `down`), public
    /// address, reason when down, restarts.
    pub tunnel: crate::reach::TunnelState,
    /// `<public address>/webhooks/woocommerce` while the tunnel is up: where WooCommerce
    /// delivers.
    pub delivery_url: Option<String>,
    /// `http://127.0.0.1:PORT/webhooks/woocommerce`.
    pub local_url: String,
    pub listener: ListenerStatus,
    /// The shop address entered (`woocommerce.url`), if any.
    pub shop_url: Option<String>,
    /// Comptoir's webhooks: connected or not, ids, status, last check, last problem.
    pub webhooks: crate::connect::WebhooksState,
    /// The last catch-up: when, how many orders it brought, the last failure.
    pub catch_up: crate::sync::LastRun,
}

/// What the connection screen shows.
#[derive(Debug, Clone, Serialize)]
pub struct ConnectionInfo {
    /// The address to paste into WooCommerce.
    pub delivery_url: String,
    pub local_url: String,
    pub public_url: Option<String>,
    pub secret: String,
    pub listener: ListenerStatus,
    pub data_dir: String,
    /// The last request refused without storing anything (wrong secret, too large…).
    pub last_turned_away: Option<TurnedAway>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TurnedAway {
    pub at: String,
    pub status: u16,
    pub reason: String,
}

/// The listener's side of the engine: checks secrets and hands deliveries to the writer.
struct EngineIntake {
    writer: Writer,
    /// Round-trip tests of the public address waiting for their ping.
    probes: Arc<crate::reach::Probes>,
    /// For reading the secret; the writer has its own connection.
    reader: Mutex<Connection>,
    turned_away: Mutex<Option<TurnedAway>>,
    events: EventSink,
}

impl Intake for EngineIntake {
    fn secret(&self) -> Result<Secret, IntakeFailure> {
        let conn = self.reader.lock().map_err(|_| {
            IntakeFailure("the database connection is unusable; restart Comptoir".into())
        })?;
        config::webhook_secret(&conn).map_err(|e| IntakeFailure(e.to_string()))
    }

    fn ping(&self, ping: Ping, user_agent: &str) -> Result<(), IntakeFailure> {
        // Comptoir's own test through the public address: answered, not logged.
        if self.probes.arrived(ping.webhook_id) {
            return Ok(());
        }
        self.writer
            .submit(Job::Ping {
                ping,
                user_agent: user_agent.to_owned(),
            })
            .map(|_| ())
    }

    fn accept(&self, delivery: Delivery) -> Result<(), IntakeFailure> {
        self.writer.submit(Job::Deliver(delivery)).map(|_| ())
    }

    fn keep_failed(
        &self,
        meta: DeliveryMeta,
        body: Vec<u8>,
        reason: &UnreadableDelivery,
    ) -> Result<(), IntakeFailure> {
        self.writer
            .submit(Job::Failed {
                meta,
                body,
                reason: reason.to_string(),
            })
            .map(|_| ())
    }

    fn turned_away(&self, status: u16, reason: &str) {
        let t = TurnedAway {
            at: comptoir_store::now_text(),
            status,
            reason: reason.to_owned(),
        };
        if let Ok(mut last) = self.turned_away.lock() {
            *last = Some(t);
        }
        (self.events)(Event::TurnedAway {
            status,
            reason: reason.to_owned(),
        });
    }
}

pub struct Engine {
    data_dir: DataDir,
    intake: Arc<EngineIntake>,
    mailer: Arc<crate::mailer::MailWorker>,
    catch_up: Arc<crate::sync::SyncWorker>,
    reach: crate::reach::Reach,
    listener: Mutex<Option<Listener>>,
    status: Mutex<ListenerStatus>,
    events: EventSink,
    // Dropped last: the lock is held until everything above has stopped.
    _lock: DataLock,
}

impl std::fmt::Debug for Engine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Engine")
            .field("data_dir", &self.data_dir)
            .finish_non_exhaustive()
    }
}

impl Engine {
    /// Takes the data folder's lock (refusing if another Comptoir holds it), opens and migrates
    /// the database, makes sure a webhook secret exists and starts the intake writer. The
    /// listener is started separately with [`Engine::start_listener`].
    pub fn open(data_dir: DataDir, holder: &str, events: EventSink) -> Result<Engine> {
        let lock = data_dir.lock(holder)?;
        let conn = comptoir_store::open(&data_dir.database())?;
        config::webhook_secret(&conn)?;
        let reader = comptoir_store::open(&data_dir.database())?;
        let mail_sink = Arc::clone(&events);
        let mailer = Arc::new(
            crate::mailer::MailWorker::spawn(
                data_dir.database(),
                Arc::new(move |e| mail_sink(Event::Mail(e))),
            )
            .map_err(|source| Error::DataDir {
                path: data_dir.root().to_owned(),
                source,
            })?,
        );
        let sync_sink = Arc::clone(&events);
        let catch_up = Arc::new(
            crate::sync::SyncWorker::spawn(
                data_dir.database(),
                Arc::new(
                    move |r: Result<&crate::sync::SyncReport, &crate::sync::SyncError>| {
                        sync_sink(match r {
                            Ok(r) => Event::CatchUp {
                                summary: r.summary(),
                                orders_changed: r.orders_changed,
                                error: None,
                            },
                            Err(e) => Event::CatchUp {
                                summary: e.to_string(),
                                orders_changed: 0,
                                error: Some(e.to_string()),
                            },
                        })
                    },
                ),
            )
            .map_err(|source| Error::DataDir {
                path: data_dir.root().to_owned(),
                source,
            })?,
        );
        let worker = Arc::clone(&catch_up);
        let reach = crate::reach::Reach::spawn(
            data_dir.database(),
            Arc::clone(&events),
            Arc::new(move || worker.run_now()),
            comptoir_tunnel::CloudflaredOptions::default(),
            comptoir_tunnel::NgrokOptions::default(),
        )
        .map_err(|source| Error::DataDir {
            path: data_dir.root().to_owned(),
            source,
        })?;
        let sink = Arc::clone(&events);
        let wake = Arc::clone(&mailer);
        let sync_worker = Arc::clone(&catch_up);
        let writer = Writer::spawn(
            conn,
            Arc::new(
                move |job: &Job, applied: Option<&Applied>| match (job, applied) {
                    (Job::Deliver(_), Some(a)) => {
                        // A document made with auto e-mail on is queued in the same commit.
                        if !a.documents.made.is_empty() {
                            wake.wake();
                        }
                        // A credit note for a refund: its lines are read from the shop (when
                        // connected) by a catch-up, asked for now rather than in ten minutes.
                        if a.documents.credit_notes_made {
                            sync_worker.run_now();
                        }
                        sink(Event::Delivery(a.clone()))
                    }
                    (Job::Ping { ping, .. }, _) => sink(Event::Ping {
                        webhook_id: ping.webhook_id,
                    }),
                    (Job::Failed { meta, .. }, _) => sink(Event::FailedDelivery {
                        topic: meta.topic.clone(),
                    }),
                    _ => {}
                },
            ),
        )
        .map_err(|source| Error::DataDir {
            path: data_dir.root().to_owned(),
            source,
        })?;
        let intake = Arc::new(EngineIntake {
            writer,
            probes: Arc::new(crate::reach::Probes::default()),
            reader: Mutex::new(reader),
            turned_away: Mutex::new(None),
            events: Arc::clone(&events),
        });
        Ok(Engine {
            data_dir,
            intake,
            mailer,
            catch_up,
            reach,
            listener: Mutex::new(None),
            status: Mutex::new(ListenerStatus {
                state: ListenerState::Stopped,
                port: crate::DEFAULT_PORT,
                local_url: None,
                reason: Some(Message::new(
                    &code::LISTENER_NOT_STARTED,
                    "The listener has not been started yet.",
                )),
            }),
            events,
            _lock: lock,
        })
    }

    pub fn data_dir(&self) -> &DataDir {
        &self.data_dir
    }

    /// A new connection to the database, for reading and for settings.
    pub fn connect(&self) -> Result<Connection> {
        Ok(comptoir_store::open(&self.data_dir.database())?)
    }

    /// Starts the listener on 127.0.0.1 at the configured port.
    pub fn start_configured_listener(&self) -> ListenerStatus {
        let port = match self.connect().and_then(|c| config::listener_port(&c)) {
            Ok(p) => p,
            Err(e) => {
                return self.set_status(ListenerStatus {
                    state: ListenerState::Stopped,
                    port: crate::DEFAULT_PORT,
                    local_url: None,
                    reason: Some(e.message()),
                });
            }
        };
        self.start_listener(SocketAddr::from((Ipv4Addr::LOCALHOST, port)))
    }

    /// Starts (or restarts) the listener on `addr`, which must be a loopback address: the
    /// listener is reached from outside only through the tunnel. Port 0 picks a free port.
    pub fn start_listener(&self, addr: SocketAddr) -> ListenerStatus {
        self.stop_listener_quietly();
        let port = addr.port();
        let stopped = |state, reason: Message| ListenerStatus {
            state,
            port,
            local_url: None,
            reason: Some(reason),
        };
        if !addr.ip().is_loopback() {
            return self.set_status(stopped(
                ListenerState::Stopped,
                Message::new(
                    &code::LISTENER_NOT_LOOPBACK,
                    format!("{addr} is not a loopback address; the listener only binds 127.0.0.1 so that nothing but the tunnel reaches it."),
                )
                .with("address", addr.to_string()),
            ));
        }
        let tcp = match TcpListener::bind(addr) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::AddrInUse => {
                return self.set_status(stopped(
                    ListenerState::PortBusy,
                    Message::new(
                        &code::LISTENER_PORT_BUSY,
                        format!("Another program already uses port {port}. Close it, or choose another port in the settings (listener.port)."),
                    )
                    .with("port", port),
                ));
            }
            Err(e) => {
                return self.set_status(stopped(
                    ListenerState::Stopped,
                    Message::new(
                        &code::LISTENER_CANNOT_OPEN,
                        format!("The listener could not open {addr}: {e}."),
                    )
                    .with("address", addr.to_string())
                    .with("error", e.to_string()),
                ));
            }
        };
        let intake: Arc<dyn Intake> = Arc::clone(&self.intake) as Arc<dyn Intake>;
        match Listener::start(tcp, intake, ListenerOptions::default()) {
            Ok(listener) => {
                let bound = listener.local_addr();
                if let Ok(mut slot) = self.listener.lock() {
                    *slot = Some(listener);
                }
                self.log_activity(
                    Message::new(
                        &code::ACTIVITY_LISTENING,
                        format!("Listening for WooCommerce on {bound}."),
                    )
                    .with("address", bound.to_string()),
                );
                // The tunnel leads to this port.
                self.reach.set_port(Some(bound.port()));
                self.set_status(ListenerStatus {
                    state: ListenerState::Listening,
                    port: bound.port(),
                    local_url: Some(format!("http://{bound}{WEBHOOK_PATH}")),
                    reason: None,
                })
            }
            Err(e) => self.set_status(stopped(
                ListenerState::Stopped,
                Message::new(
                    &code::LISTENER_CANNOT_START,
                    format!("The listener could not start: {e}."),
                )
                .with("error", e.to_string()),
            )),
        }
    }

    /// Stops the listener; requests in progress finish first.
    pub fn stop_listener(&self, reason: Message) -> ListenerStatus {
        let was_running = self.stop_listener_quietly();
        self.reach.set_port(None);
        if was_running {
            self.log_activity(Message::new(
                &code::ACTIVITY_LISTENER_STOPPED,
                "The listener stopped.",
            ));
        }
        let port = self.status().port;
        self.set_status(ListenerStatus {
            state: ListenerState::Stopped,
            port,
            local_url: None,
            reason: Some(reason),
        })
    }

    fn stop_listener_quietly(&self) -> bool {
        let listener = self.listener.lock().ok().and_then(|mut l| l.take());
        match listener {
            Some(l) => {
                l.shutdown();
                true
            }
            None => false,
        }
    }

    /// Stops the listener and the writer. Everything accepted so far is committed.
    pub fn shutdown(&self) {
        // The tunnel first, so that nothing reaches a listener that is going away.
        self.reach.stop();
        self.stop_listener(Message::new(&code::LISTENER_CLOSED, "Comptoir was closed."));
        self.intake.writer.stop();
        self.mailer.stop();
        self.catch_up.stop();
    }

    /// Asks for a catch-up with the shop now (the tunnel came back, the owner asked).
    pub fn catch_up_now(&self) {
        self.catch_up.run_now();
    }

    /// Tells the outbox worker that something was queued.
    pub fn wake_mailer(&self) {
        self.mailer.wake();
    }

    pub fn status(&self) -> ListenerStatus {
        match self.status.lock() {
            Ok(s) => s.clone(),
            Err(p) => p.into_inner().clone(),
        }
    }

    /// The address the listener is bound to, while it listens.
    pub fn listening_addr(&self) -> Option<SocketAddr> {
        self.listener
            .lock()
            .ok()
            .and_then(|l| l.as_ref().map(Listener::local_addr))
    }

    fn set_status(&self, status: ListenerStatus) -> ListenerStatus {
        if let Ok(mut s) = self.status.lock() {
            *s = status.clone();
        }
        (self.events)(Event::Listener(status.clone()));
        status
    }

    fn log_activity(&self, message: impl Into<Message>) {
        // The activity log is a convenience; failing to write it must not stop the listener.
        if let Ok(conn) = self.connect() {
            let _ = comptoir_store::activity::record_activity(
                &conn,
                comptoir_store::activity::Level::Info,
                &message.into(),
            );
        }
    }

    /// What the connection screen shows: where WooCommerce must deliver, and with which secret.
    pub fn connection_info(&self) -> Result<ConnectionInfo> {
        let conn = self.connect()?;
        let secret = config::webhook_secret(&conn)?;
        let tunnel = self.reach.tunnel();
        let public = match tunnel.public_url {
            Some(url) if tunnel.state == comptoir_tunnel::State::Up => url,
            _ if tunnel.provider == "manual" => config::get(&conn, &ConfigKey::public_url())?,
            _ => String::new(),
        };
        let listener = self.status();
        let port = match listener.state {
            ListenerState::Listening => listener.port,
            _ => config::listener_port(&conn)?,
        };
        let local_url = format!("http://127.0.0.1:{port}{WEBHOOK_PATH}");
        let public_url = (!public.is_empty()).then(|| format!("{public}{WEBHOOK_PATH}"));
        Ok(ConnectionInfo {
            delivery_url: public_url.clone().unwrap_or_else(|| local_url.clone()),
            local_url,
            public_url,
            secret: secret.expose().to_owned(),
            listener,
            data_dir: self.data_dir.root().display().to_string(),
            last_turned_away: self.intake.turned_away.lock().ok().and_then(|t| t.clone()),
        })
    }

    /// Everything the connection screen shows: tunnel, delivery URL, webhooks, last catch-up.
    pub fn connection_state(&self) -> Result<ConnectionState> {
        let conn = self.connect()?;
        let listener = self.status();
        let port = match listener.state {
            ListenerState::Listening => listener.port,
            _ => config::listener_port(&conn)?,
        };
        let tunnel = self.reach.tunnel();
        let shop_url = config::get_known(&conn, crate::sync::KEY_URL)?;
        Ok(ConnectionState {
            delivery_url: tunnel.delivery_url(),
            tunnel,
            local_url: format!("http://127.0.0.1:{port}{WEBHOOK_PATH}"),
            listener,
            shop_url: (!shop_url.is_empty()).then_some(shop_url),
            webhooks: crate::connect::state(&conn)?,
            catch_up: crate::sync::last_run(&conn).unwrap_or_default(),
        })
    }

    /// The tunnel's state.
    pub fn tunnel_state(&self) -> crate::reach::TunnelState {
        self.reach.tunnel()
    }

    /// Waits (at most `timeout`) until the tunnel is up or down, and returns its state.
    pub fn wait_for_tunnel(&self, timeout: std::time::Duration) -> crate::reach::TunnelState {
        self.reach.wait_settled(timeout)
    }

    /// Restarts the tunnel with the current settings. Changes of the tunnel settings are also
    /// noticed by themselves within a few seconds; this makes it immediate.
    pub fn restart_tunnel(&self) {
        self.reach.restart();
    }

    /// "Connect": creates Comptoir's two webhooks in the shop with the current delivery URL and
    /// secret, or updates the ones it made before; pressing it twice makes no duplicates. Needs
    /// the shop address and API key in the settings and the tunnel up. Blocks on the network.
    pub fn connect_shop(
        &self,
    ) -> std::result::Result<crate::connect::WebhooksReport, crate::connect::ConnectError> {
        self.reach.connect_shop()
    }

    /// Asks for a check of the webhooks now (re-activates a disabled one, recreates a deleted
    /// one); the result comes as an [`Event::Webhooks`].
    pub fn check_webhooks_now(&self) {
        self.reach.check_now();
    }

    /// The round-trip test of the public address: posts a ping-shaped request through it and
    /// succeeds only when this engine's listener received it. Blocks up to 15 s.
    pub fn test_public_url(&self) -> crate::reach::RoundTrip {
        let tunnel = self.reach.tunnel();
        let base = match (&tunnel.public_url, tunnel.state) {
            (Some(url), comptoir_tunnel::State::Up) => Some(url.clone()),
            // The address the owner entered, even one the check refused: the test says
            // whether it leads here, and the warning why WooCommerce would refuse it.
            _ if tunnel.provider == "manual" => self
                .connect()
                .and_then(|c| config::get(&c, &ConfigKey::public_url()))
                .ok()
                .filter(|u| !u.trim().is_empty()),
            _ => None,
        };
        match base {
            Some(base) => self.test_url(&base),
            None => crate::reach::RoundTrip {
                ok: false,
                url: String::new(),
                millis: None,
                status: None,
                message: match tunnel.reason {
                    Some(reason) => Message::new(
                        &code::REACH_TRIP_NO_ADDRESS,
                        format!("There is no public address to test: {reason}"),
                    )
                    .with_message("reason", &reason),
                    None => Message::new(
                        &code::REACH_TRIP_STARTING,
                        "There is no public address to test: the tunnel is still starting.",
                    ),
                },
                warning: None,
            },
        }
    }

    /// The round-trip test through any address (e.g. one the owner is about to enter).
    pub fn test_url(&self, public_url: &str) -> crate::reach::RoundTrip {
        let status = self.status();
        if status.state != ListenerState::Listening {
            return crate::reach::RoundTrip {
                ok: false,
                url: format!("{}{WEBHOOK_PATH}", public_url.trim().trim_end_matches('/')),
                millis: None,
                status: None,
                message: {
                    let reason = status.reason.unwrap_or_else(|| Message::plain(""));
                    Message::new(
                        &code::REACH_TRIP_NO_LISTENER,
                        format!(
                            "The listener is not running, so nothing can answer the test: {reason}"
                        ),
                    )
                    .with_message("reason", &reason)
                },
                warning: None,
            };
        }
        crate::reach::round_trip(&self.intake.probes, public_url, status.port)
    }

    /// Posts a signed sample order to the running listener, exactly as WooCommerce would.
    pub fn send_test_order(&self) -> Result<crate::test_order::TestOrderSent> {
        let addr = self.listening_addr().ok_or_else(|| {
            Error::TestOrder(
                "the listener is not running; start it (or free its port) and try again".into(),
            )
        })?;
        let conn = self.connect()?;
        let secret = config::webhook_secret(&conn)?;
        crate::test_order::send(&conn, addr, &secret)
    }
}

impl Drop for Engine {
    fn drop(&mut self) {
        self.reach.stop();
        self.stop_listener_quietly();
        self.intake.writer.stop();
        self.mailer.stop();
        self.catch_up.stop();
    }
}
