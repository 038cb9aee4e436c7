//! The `outbox` table: documents waiting to be e-mailed, and what happened when sending them.
//! A row moves queued → sending → sent, or back to queued (a temporary failure, with the next
//! attempt's time) or to failed (a permanent one). A row left in `sending` by a crash is sent
//! again: the message keeps its Message-ID, so the rare duplicate is recognisable.

use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;

use crate::{StoreError, now_text};

#[derive(Debug, Clone, Serialize)]
pub struct OutboxRow {
    pub id: i64,
    pub document_id: i64,
    pub document_number: Option<String>,
    pub recipient: Option<String>,
    pub state: String,
    pub attempts: i64,
    pub last_error: Option<String>,
    pub last_error_temporary: Option<bool>,
    pub queued_at: String,
    pub next_attempt_at: String,
    pub first_failure_at: Option<String>,
    pub sent_at: Option<String>,
    pub server_response: Option<String>,
}

const COLUMNS: &str = "x.id, x.document_id, d.number, o.billing_email, x.state, x.attempts,
    x.last_error, x.last_error_temporary, x.queued_at, x.next_attempt_at, x.first_failure_at,
    x.sent_at, x.server_response";
const FROM: &str =
    "FROM outbox x JOIN documents d ON d.id = x.document_id JOIN orders o ON o.key = d.order_key";

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<OutboxRow> {
    Ok(OutboxRow {
        id: r.get(0)?,
        document_id: r.get(1)?,
        document_number: r.get(2)?,
        recipient: r.get(3)?,
        state: r.get(4)?,
        attempts: r.get(5)?,
        last_error: r.get(6)?,
        last_error_temporary: r.get(7)?,
        queued_at: r.get(8)?,
        next_attempt_at: r.get(9)?,
        first_failure_at: r.get(10)?,
        sent_at: r.get(11)?,
        server_response: r.get(12)?,
    })
}

/// Queues a document once; queuing it again changes nothing, except that a failed row is
/// given a new chance (the owner fixed the settings and presses Send again).
pub fn enqueue(conn: &Connection, document_id: i64) -> Result<(), StoreError> {
    let now = now_text();
    conn.prepare_cached("INSERT INTO outbox (document_id, state, queued_at, next_attempt_at) VALUES (?1, 'queued', ?2, ?2)
         ON CONFLICT (document_id) DO UPDATE SET state = 'queued', next_attempt_at = excluded.next_attempt_at,
             first_failure_at = NULL
         WHERE outbox.state = 'failed'")?.execute(
        params![document_id, now],
    )?;
    Ok(())
}

pub fn list_outbox(conn: &Connection) -> Result<Vec<OutboxRow>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!("SELECT {COLUMNS} {FROM} ORDER BY x.id"))?;
    let rows = stmt.query_map([], row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn get_outbox_for_document(
    conn: &Connection,
    document_id: i64,
) -> Result<Option<OutboxRow>, StoreError> {
    let mut stmt =
        conn.prepare_cached(&format!("SELECT {COLUMNS} {FROM} WHERE x.document_id = ?1"))?;
    Ok(stmt.query_row([document_id], row).optional()?)
}

/// Takes the next row that is due (oldest first) and marks it `sending` with one more attempt.
pub fn claim_due(conn: &Connection, now: &str) -> Result<Option<OutboxRow>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} {FROM} WHERE x.state IN ('queued', 'sending') AND x.next_attempt_at <= ?1
         ORDER BY x.next_attempt_at, x.id LIMIT 1"
    ))?;
    let Some(mut r) = stmt.query_row([now], row).optional()? else {
        return Ok(None);
    };
    conn.prepare_cached(
        "UPDATE outbox SET state = 'sending', attempts = attempts + 1 WHERE id = ?1",
    )?
    .execute([r.id])?;
    r.state = "sending".into();
    r.attempts += 1;
    Ok(Some(r))
}

/// The earliest time a queued row is due, if any.
pub fn next_due(conn: &Connection) -> Result<Option<String>, StoreError> {
    Ok(conn
        .prepare_cached(
            "SELECT min(next_attempt_at) FROM outbox WHERE state IN ('queued', 'sending')",
        )?
        .query_row([], |r| r.get(0))?)
}

pub fn mark_sent(conn: &Connection, id: i64, server_response: &str) -> Result<(), StoreError> {
    conn.prepare_cached(
        "UPDATE outbox SET state = 'sent', sent_at = ?2, server_response = ?3, last_error = NULL,
             last_error_temporary = NULL WHERE id = ?1",
    )?
    .execute(params![id, now_text(), server_response])?;
    Ok(())
}

/// A failure: `next_attempt_at` Some → queued again for then; None → failed for good.
pub fn mark_failed(
    conn: &Connection,
    id: i64,
    error: &str,
    temporary: bool,
    next_attempt_at: Option<&str>,
) -> Result<(), StoreError> {
    let now = now_text();
    conn.prepare_cached("UPDATE outbox SET state = CASE WHEN ?4 IS NULL THEN 'failed' ELSE 'queued' END,
             last_error = ?2, last_error_temporary = ?3, next_attempt_at = coalesce(?4, next_attempt_at),
             first_failure_at = coalesce(first_failure_at, ?5)
         WHERE id = ?1")?.execute(
        params![id, error, temporary, next_attempt_at, now],
    )?;
    Ok(())
}

/// Puts a row back as it was before `claim_due` (the settings are incomplete: nothing was
/// tried, so the attempt does not count).
pub fn release(
    conn: &Connection,
    id: i64,
    error: &str,
    next_attempt_at: &str,
) -> Result<(), StoreError> {
    conn.prepare_cached(
        "UPDATE outbox SET state = 'queued', attempts = attempts - 1, last_error = ?2,
             last_error_temporary = 1, next_attempt_at = ?3 WHERE id = ?1",
    )?
    .execute(params![id, error, next_attempt_at])?;
    Ok(())
}
