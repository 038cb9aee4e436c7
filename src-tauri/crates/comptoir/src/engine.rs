//! The running core: holds the data-folder lock, the intake writer and the listener, and tells
//! whoever is interested (the window, the terminal) what happened through an [`EventSink`].
//! The desktop app and `comptoir serve` each run exactly one.

use std::net::{Ipv4Addr, SocketAddr, TcpListener};
use std::sync::{Arc, Mutex};

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
    /// A catch-up with the shop ran.
    CatchUp {
        summary: String,
        orders_changed: usize,
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
    pub reason: Option<String>,
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
    catch_up: crate::sync::SyncWorker,
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
        let catch_up = crate::sync::SyncWorker::spawn(
            data_dir.database(),
            Arc::new(move |r: &crate::sync::SyncReport| {
                sync_sink(Event::CatchUp {
                    summary: r.summary(),
                    orders_changed: r.orders_changed,
                })
            }),
        )
        .map_err(|source| Error::DataDir {
            path: data_dir.root().to_owned(),
            source,
        })?;
        let sink = Arc::clone(&events);
        let wake = Arc::clone(&mailer);
        let writer = Writer::spawn(
            conn,
            Arc::new(
                move |job: &Job, applied: Option<&Applied>| match (job, applied) {
                    (Job::Deliver(_), Some(a)) => {
                        // A document made with auto e-mail on is queued in the same commit.
                        if !a.documents.made.is_empty() {
                            wake.wake();
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
            reader: Mutex::new(reader),
            turned_away: Mutex::new(None),
            events: Arc::clone(&events),
        });
        Ok(Engine {
            data_dir,
            intake,
            mailer,
            catch_up,
            listener: Mutex::new(None),
            status: Mutex::new(ListenerStatus {
                state: ListenerState::Stopped,
                port: crate::DEFAULT_PORT,
                local_url: None,
                reason: Some("The listener has not been started yet.".into()),
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
                    reason: Some(e.to_string()),
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
        let stopped = |state, reason: String| ListenerStatus {
            state,
            port,
            local_url: None,
            reason: Some(reason),
        };
        if !addr.ip().is_loopback() {
            return self.set_status(stopped(
                ListenerState::Stopped,
                format!("{addr} is not a loopback address; the listener only binds 127.0.0.1 so that nothing but the tunnel reaches it."),
            ));
        }
        let tcp = match TcpListener::bind(addr) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::AddrInUse => {
                return self.set_status(stopped(
                    ListenerState::PortBusy,
                    format!("Another program already uses port {port}. Close it, or choose another port in the settings (listener.port)."),
                ));
            }
            Err(e) => {
                return self.set_status(stopped(
                    ListenerState::Stopped,
                    format!("The listener could not open {addr}: {e}."),
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
                self.log_activity(&format!("Listening for WooCommerce on {bound}."));
                self.set_status(ListenerStatus {
                    state: ListenerState::Listening,
                    port: bound.port(),
                    local_url: Some(format!("http://{bound}{WEBHOOK_PATH}")),
                    reason: None,
                })
            }
            Err(e) => self.set_status(stopped(
                ListenerState::Stopped,
                format!("The listener could not start: {e}."),
            )),
        }
    }

    /// Stops the listener; requests in progress finish first.
    pub fn stop_listener(&self, reason: &str) -> ListenerStatus {
        let was_running = self.stop_listener_quietly();
        if was_running {
            self.log_activity("The listener stopped.");
        }
        let port = self.status().port;
        self.set_status(ListenerStatus {
            state: ListenerState::Stopped,
            port,
            local_url: None,
            reason: Some(reason.to_owned()),
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
        self.stop_listener("Comptoir was closed.");
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

    fn log_activity(&self, message: &str) {
        // The activity log is a convenience; failing to write it must not stop the listener.
        if let Ok(conn) = self.connect() {
            let _ = comptoir_store::activity::insert_activity(
                &conn,
                comptoir_store::activity::Level::Info,
                message,
            );
        }
    }

    /// What the connection screen shows: where WooCommerce must deliver, and with which secret.
    pub fn connection_info(&self) -> Result<ConnectionInfo> {
        let conn = self.connect()?;
        let secret = config::webhook_secret(&conn)?;
        let public = config::get(&conn, &ConfigKey::public_url())?;
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
        self.stop_listener_quietly();
        self.intake.writer.stop();
        self.mailer.stop();
        self.catch_up.stop();
    }
}
