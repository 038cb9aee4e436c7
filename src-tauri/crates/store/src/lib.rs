//! Comptoir's SQLite storage. [`open`] sets up a connection (WAL, `synchronous=FULL`, foreign
//! keys, busy timeout: per connection, since SQLite does not keep them in the file) and brings
//! the schema up to date with the numbered migrations embedded at compile time. One module per
//! table holds that table's queries.

pub mod activity;
pub mod counters;
pub mod db;
pub mod deliveries;
pub mod documents;
pub mod failed_deliveries;
pub mod orders;
pub mod outbox;
pub mod products;
pub mod settings;

pub use db::{StoreError, migrations, open, with_tx};
pub use rusqlite::{Connection, Transaction, TransactionBehavior};

/// The current time as stored in every `*_at` column (UTC, second precision, sortable).
pub fn now_text() -> String {
    comptoir_core::GmtTime::now().to_string()
}
