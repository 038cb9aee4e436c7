//! The `outbox` table: documents waiting to be e-mailed.

use rusqlite::{Connection, params};
use serde::Serialize;

use crate::{StoreError, now_text};

#[derive(Debug, Clone, Serialize)]
pub struct OutboxRow {
    pub id: i64,
    pub document_id: i64,
    pub state: String,
    pub attempts: i64,
    pub last_error: Option<String>,
    pub queued_at: String,
    pub sent_at: Option<String>,
}

/// Queues a document once; queuing it again changes nothing.
pub fn enqueue(conn: &Connection, document_id: i64) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO outbox (document_id, state, queued_at) VALUES (?1, 'queued', ?2)
         ON CONFLICT (document_id) DO NOTHING",
        params![document_id, now_text()],
    )?;
    Ok(())
}

pub fn list_outbox(conn: &Connection) -> Result<Vec<OutboxRow>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, document_id, state, attempts, last_error, queued_at, sent_at FROM outbox ORDER BY id",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(OutboxRow {
            id: r.get(0)?,
            document_id: r.get(1)?,
            state: r.get(2)?,
            attempts: r.get(3)?,
            last_error: r.get(4)?,
            queued_at: r.get(5)?,
            sent_at: r.get(6)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}
