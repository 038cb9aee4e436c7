//! Comptoir's application core, shared by the desktop app and the `comptoir` command line:
//! the data folder and its lock, the owner's settings, the intake that turns deliveries into
//! stored orders (committed before WooCommerce gets its answer), and the [`Engine`] that runs
//! the listener. Nothing here depends on Tauri.

pub mod config;
pub mod connect;
pub mod data_dir;
pub mod documents;
pub mod engine;
pub mod error;
pub mod intake;
pub mod mailer;
pub mod numbering;
pub mod pdfs;
pub mod print;
pub mod queries;
pub mod reach;
pub mod refunds;
pub mod rules;
pub mod secrets;
pub mod stock;
pub mod sync;
pub mod test_order;
pub mod texts;
mod worker;
mod writer;

pub use config::ConfigKey;
pub use data_dir::{DataDir, DataLock};
pub use engine::{
    ConnectionInfo, ConnectionState, Engine, Event, EventSink, ListenerState, ListenerStatus,
};
pub use error::Error;

/// The port the listener uses unless the owner chooses another.
pub const DEFAULT_PORT: u16 = 8787;
