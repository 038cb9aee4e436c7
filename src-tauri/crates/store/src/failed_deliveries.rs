//! The `failed_deliveries` table: signed deliveries whose body could not be read, kept whole.

use rusqlite::{Connection, params};
use serde::Serialize;

use crate::{StoreError, now_text};

#[derive(Debug, Clone)]
pub struct NewFailedDelivery<'a> {
    pub source: &'a str,
    pub topic: &'a str,
    pub webhook_id: Option<u64>,
    pub delivery_id: Option<&'a str>,
    pub reason: &'a str,
    pub body_sha256: &'a str,
    pub body: &'a [u8],
}

#[derive(Debug, Clone, Serialize)]
pub struct FailedDeliveryRow {
    pub id: i64,
    pub received_at: String,
    pub source: String,
    pub topic: String,
    pub webhook_id: Option<i64>,
    pub delivery_id: Option<String>,
    pub reason: String,
    pub body_len: i64,
    /// The start of the body as text, for a first look.
    pub body_preview: String,
}

pub fn insert_failed_delivery(
    conn: &Connection,
    d: &NewFailedDelivery<'_>,
) -> Result<i64, StoreError> {
    conn.prepare_cached(
        "INSERT INTO failed_deliveries
            (received_at, source, topic, webhook_id, delivery_id, reason, body_sha256, body)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
        now_text(),
        d.source,
        d.topic,
        d.webhook_id.map(|v| v as i64),
        d.delivery_id,
        d.reason,
        d.body_sha256,
        d.body
    ])?;
    Ok(conn.last_insert_rowid())
}

pub fn list_failed_deliveries(
    conn: &Connection,
    limit: u32,
) -> Result<Vec<FailedDeliveryRow>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, received_at, source, topic, webhook_id, delivery_id, reason, length(body),
                substr(body, 1, 300)
         FROM failed_deliveries ORDER BY id DESC LIMIT ?1",
    )?;
    let rows = stmt.query_map([limit], |r| {
        let preview: Vec<u8> = r.get(8)?;
        Ok(FailedDeliveryRow {
            id: r.get(0)?,
            received_at: r.get(1)?,
            source: r.get(2)?,
            topic: r.get(3)?,
            webhook_id: r.get(4)?,
            delivery_id: r.get(5)?,
            reason: r.get(6)?,
            body_len: r.get(7)?,
            body_preview: String::from_utf8_lossy(&preview).into_owned(),
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}
