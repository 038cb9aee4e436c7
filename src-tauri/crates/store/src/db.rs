//! Opening the database and running migrations.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, Transaction, TransactionBehavior};
use rusqlite_migration::{M, Migrations};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(
        "Comptoir could not open its database {path}: {source}. Check that the data folder exists and that you may write to it."
    )]
    Open {
        path: PathBuf,
        #[source]
        source: rusqlite::Error,
    },
    #[error(
        "Comptoir could not bring its database up to date: {0}. The file may come from a newer Comptoir; install that version or restore a backup."
    )]
    Migrate(#[from] rusqlite_migration::Error),
    #[error("The database is busy: another Comptoir is writing to it. Try again in a moment.")]
    Busy,
    #[error("A database operation failed: {0}. If this keeps happening, restart Comptoir.")]
    Sqlite(#[source] rusqlite::Error),
    #[error("The database holds a value Comptoir cannot read ({0}). Please report this.")]
    Corrupt(String),
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => {
                StoreError::Busy
            }
            _ => StoreError::Sqlite(e),
        }
    }
}

/// The schema, one numbered file per step. Never edit a released step: add a new one.
pub fn migrations() -> Migrations<'static> {
    Migrations::new(vec![
        M::up(include_str!("../migrations/0001_initial.sql")),
        M::up(include_str!("../migrations/0002_documents.sql")),
        M::up(include_str!("../migrations/0003_activity_codes.sql")),
    ])
}

/// More than the distinct queries of this crate, so none is pushed out of the cache.
const STATEMENT_CACHE: usize = 128;

/// Opens (creating if needed) the database at `path` and migrates it.
pub fn open(path: &Path) -> Result<Connection, StoreError> {
    let mut conn = Connection::open(path).map_err(|source| StoreError::Open {
        path: path.to_owned(),
        source,
    })?;
    configure(&conn)?;
    migrations().to_latest(&mut conn)?;
    Ok(conn)
}

fn configure(conn: &Connection) -> Result<(), StoreError> {
    conn.busy_timeout(Duration::from_secs(10))?;
    // WAL lets the window read while the listener writes; FULL makes each commit durable
    // before WooCommerce gets its 200.
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    // The WAL file keeps its largest size when it starts over; a reader that held an old
    // snapshot through a storm could leave it hundreds of megabytes long for good.
    conn.pragma_update(None, "journal_size_limit", 32 * 1024 * 1024)?;
    // Every query is prepared through the cache: a delivery runs a few dozen of them (the
    // rules read many settings), and parsing their SQL again each time cost more than running
    // them.
    conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
    Ok(())
}

/// Runs `f` in an immediate transaction (the write lock is taken at the start, so a busy
/// database is waited for up front rather than failing half-way), committing if it succeeds.
pub fn with_tx<T, E>(
    conn: &mut Connection,
    f: impl FnOnce(&Transaction<'_>) -> Result<T, E>,
) -> Result<T, E>
where
    E: From<StoreError>,
{
    let tx = conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(StoreError::from)?;
    let value = f(&tx)?;
    tx.commit().map_err(StoreError::from)?;
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid() {
        migrations().validate().unwrap();
    }

    #[test]
    fn opens_with_durable_settings() {
        let dir = tempfile::tempdir().unwrap();
        let conn = open(&dir.path().join("t.sqlite")).unwrap();
        let mode: String = conn
            .pragma_query_value(None, "journal_mode", |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
        let sync: i64 = conn
            .pragma_query_value(None, "synchronous", |r| r.get(0))
            .unwrap();
        assert_eq!(sync, 2, "synchronous=FULL");
        let fk: i64 = conn
            .pragma_query_value(None, "foreign_keys", |r| r.get(0))
            .unwrap();
        assert_eq!(fk, 1);
        drop(conn);
        // Opening again is a no-op for the schema.
        open(&dir.path().join("t.sqlite")).unwrap();
    }
}
