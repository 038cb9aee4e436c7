//! The `documents` table (and `deleted_documents`): documents made from orders, their state,
//! number and payment flag. What goes into a document is decided by the application's rules.

use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;

use crate::{StoreError, now_text};

#[derive(Debug, Clone, Serialize)]
pub struct DocumentRow {
    pub id: i64,
    #[serde(skip)]
    pub order_key: i64,
    /// The WooCommerce order id.
    pub order_id: i64,
    pub order_number: String,
    pub kind: String,
    pub refund_id: Option<i64>,
    pub state: String,
    pub number: Option<String>,
    pub paid: bool,
    pub paid_by_hand: bool,
    pub language: String,
    pub currency: String,
    pub total: String,
    pub total_vat: String,
    pub structured_communication: Option<String>,
    pub customer_name: String,
    pub internal_note: String,
    pub created_at: String,
    pub finalized_at: Option<String>,
    pub updated_at: String,
    #[serde(skip)]
    pub content: String,
}

const COLUMNS: &str =
    "d.id, d.order_key, o.woo_id, o.number, d.kind, d.refund_id, d.state, d.number,
    d.paid, d.paid_by_hand, d.language, d.currency, d.total, d.total_vat,
    d.structured_communication, o.customer_name, d.internal_note, d.created_at, d.finalized_at,
    d.updated_at, d.content";

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<DocumentRow> {
    Ok(DocumentRow {
        id: r.get(0)?,
        order_key: r.get(1)?,
        order_id: r.get(2)?,
        order_number: r.get(3)?,
        kind: r.get(4)?,
        refund_id: r.get(5)?,
        state: r.get(6)?,
        number: r.get(7)?,
        paid: r.get(8)?,
        paid_by_hand: r.get(9)?,
        language: r.get(10)?,
        currency: r.get(11)?,
        total: r.get(12)?,
        total_vat: r.get(13)?,
        structured_communication: r.get(14)?,
        customer_name: r.get(15)?,
        internal_note: r.get(16)?,
        created_at: r.get(17)?,
        finalized_at: r.get(18)?,
        updated_at: r.get(19)?,
        content: r.get(20)?,
    })
}

#[derive(Debug, Clone)]
pub struct NewDocument<'a> {
    pub order_key: i64,
    pub kind: &'a str,
    pub refund_id: Option<i64>,
    pub state: &'a str,
    pub number: Option<(&'a str, i64, i64)>,
    pub paid: bool,
    pub language: &'a str,
    pub currency: &'a str,
    pub total: &'a str,
    pub total_vat: &'a str,
    pub content: &'a str,
}

pub fn insert_document(conn: &Connection, d: &NewDocument<'_>) -> Result<i64, StoreError> {
    let now = now_text();
    let (number, year, seq) = match d.number {
        Some((n, y, s)) => (Some(n), Some(y), Some(s)),
        None => (None, None, None),
    };
    conn.prepare_cached(
        "INSERT INTO documents (order_key, kind, refund_id, state, number, number_year, number_seq,
            paid, language, currency, total, total_vat, content, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?14)",
    )?
    .execute(params![
        d.order_key,
        d.kind,
        d.refund_id,
        d.state,
        number,
        year,
        seq,
        d.paid,
        d.language,
        d.currency,
        d.total,
        d.total_vat,
        d.content,
        now
    ])?;
    Ok(conn.last_insert_rowid())
}

pub fn set_structured_communication(
    conn: &Connection,
    id: i64,
    ogm: &str,
) -> Result<(), StoreError> {
    conn.prepare_cached("UPDATE documents SET structured_communication = ?2 WHERE id = ?1")?
        .execute(params![id, ogm])?;
    Ok(())
}

pub fn get_document(conn: &Connection, id: i64) -> Result<Option<DocumentRow>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM documents d JOIN orders o ON o.key = d.order_key WHERE d.id = ?1"
    ))?;
    Ok(stmt.query_row([id], row).optional()?)
}

/// Concepts first, then newest first.
pub fn list_documents(conn: &Connection) -> Result<Vec<DocumentRow>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM documents d JOIN orders o ON o.key = d.order_key
         ORDER BY (d.state = 'concept') DESC, d.id DESC"
    ))?;
    let rows = stmt.query_map([], row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn list_documents_for_order(
    conn: &Connection,
    order_key: i64,
) -> Result<Vec<DocumentRow>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM documents d JOIN orders o ON o.key = d.order_key
         WHERE d.order_key = ?1 ORDER BY d.id"
    ))?;
    let rows = stmt.query_map([order_key], row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Whether the owner deleted this concept (so the rules must not make it again).
pub fn was_deleted(
    conn: &Connection,
    order_key: i64,
    kind: &str,
    refund_id: Option<i64>,
) -> Result<bool, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT 1 FROM deleted_documents WHERE order_key = ?1 AND kind = ?2 AND refund_id = ?3",
    )?;
    Ok(stmt
        .query_row(
            params![order_key, kind, refund_id.unwrap_or(-1)],
            |_| Ok(()),
        )
        .optional()?
        .is_some())
}

/// Deletes a document row and remembers it so it is not made again.
pub fn delete_document(conn: &Connection, doc: &DocumentRow) -> Result<(), StoreError> {
    conn.prepare_cached("INSERT OR IGNORE INTO deleted_documents (order_key, kind, refund_id, deleted_at) VALUES (?1, ?2, ?3, ?4)")?.execute(
        params![doc.order_key, doc.kind, doc.refund_id.unwrap_or(-1), now_text()],
    )?;
    conn.prepare_cached("DELETE FROM documents WHERE id = ?1")?
        .execute([doc.id])?;
    Ok(())
}

pub fn set_state(conn: &Connection, id: i64, state: &str) -> Result<(), StoreError> {
    conn.prepare_cached("UPDATE documents SET state = ?2, updated_at = ?3 WHERE id = ?1")?
        .execute(params![id, state, now_text()])?;
    Ok(())
}

/// Finalises a document, giving it a number if it has none yet.
pub fn finalize(
    conn: &Connection,
    id: i64,
    number: Option<(&str, i64, i64)>,
) -> Result<(), StoreError> {
    let now = now_text();
    match number {
        Some((n, y, s)) => conn.prepare_cached("UPDATE documents SET state = 'final', number = ?2, number_year = ?3, number_seq = ?4,
                finalized_at = ?5, updated_at = ?5 WHERE id = ?1")?.execute(
            params![id, n, y, s, now],
        )?,
        None => conn.prepare_cached("UPDATE documents SET state = 'final', finalized_at = ?2, updated_at = ?2 WHERE id = ?1")?.execute(
            params![id, now],
        )?,
    };
    Ok(())
}

pub fn set_paid(conn: &Connection, id: i64, paid: bool, by_hand: bool) -> Result<(), StoreError> {
    conn.prepare_cached("UPDATE documents SET paid = ?2, paid_by_hand = (paid_by_hand OR ?3), updated_at = ?4 WHERE id = ?1")?.execute(
        params![id, paid, by_hand, now_text()],
    )?;
    Ok(())
}

pub fn set_internal_note(conn: &Connection, id: i64, note: &str) -> Result<(), StoreError> {
    conn.prepare_cached("UPDATE documents SET internal_note = ?2, updated_at = ?3 WHERE id = ?1")?
        .execute(params![id, note, now_text()])?;
    Ok(())
}

/// The document was e-mailed: its state becomes `sent` and the PDF sent is remembered.
pub fn mark_sent(conn: &Connection, id: i64, pdf_sha256: &str) -> Result<(), StoreError> {
    conn.prepare_cached(
        "UPDATE documents SET state = 'sent', sent_pdf_sha256 = ?2, updated_at = ?3 WHERE id = ?1",
    )?
    .execute(params![id, pdf_sha256, now_text()])?;
    Ok(())
}

pub fn sent_pdf_sha256(conn: &Connection, id: i64) -> Result<Option<String>, StoreError> {
    Ok(conn
        .prepare_cached("SELECT sent_pdf_sha256 FROM documents WHERE id = ?1")?
        .query_row([id], |r| r.get::<_, Option<String>>(0))
        .optional()?
        .flatten())
}

/// Replaces a concept's content (the owner edited its customer-facing note).
pub fn set_content(conn: &Connection, id: i64, content: &str) -> Result<(), StoreError> {
    conn.prepare_cached(
        "UPDATE documents SET content = ?2, updated_at = ?3 WHERE id = ?1 AND state = 'concept'",
    )?
    .execute(params![id, content, now_text()])?;
    Ok(())
}
