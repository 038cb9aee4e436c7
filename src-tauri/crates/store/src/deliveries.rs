//! The `deliveries` table: every accepted delivery and what it changed, so that an order's
//! history can be shown and repeats can be recognised.

use rusqlite::{Connection, params};
use serde::Serialize;

use crate::StoreError;

/// What a delivery did to the stored orders.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// The first version of an order.
    Created,
    /// A newer version of a known order.
    Updated,
    /// The exact version already stored (order.created and order.updated fire together).
    Duplicate,
    /// An older version than the one stored (deliveries can arrive out of order).
    Stale,
    /// The order went to the trash in WooCommerce.
    Trashed,
    /// The order came back from the trash.
    Restored,
    /// Not an order topic.
    Ignored,
    /// order.deleted for an order Comptoir never received.
    UnknownOrder,
}

impl Outcome {
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Created => "created",
            Outcome::Updated => "updated",
            Outcome::Duplicate => "duplicate",
            Outcome::Stale => "stale",
            Outcome::Trashed => "trashed",
            Outcome::Restored => "restored",
            Outcome::Ignored => "ignored",
            Outcome::UnknownOrder => "unknown_order",
        }
    }

    /// Whether the stored order changed.
    pub fn changed_order(self) -> bool {
        matches!(
            self,
            Outcome::Created | Outcome::Updated | Outcome::Trashed | Outcome::Restored
        )
    }
}

#[derive(Debug, Clone)]
pub struct NewDelivery<'a> {
    pub received_at: &'a str,
    pub source: &'a str,
    pub topic: &'a str,
    pub webhook_id: Option<u64>,
    pub delivery_id: Option<&'a str>,
    pub body_sha256: &'a str,
    pub body_len: usize,
    pub woo_order_id: Option<u64>,
    pub order_key: Option<i64>,
    pub outcome: Outcome,
}

#[derive(Debug, Clone, Serialize)]
pub struct DeliveryRow {
    pub id: i64,
    pub received_at: String,
    pub source: String,
    pub topic: String,
    pub webhook_id: Option<i64>,
    pub delivery_id: Option<String>,
    pub body_sha256: String,
    pub body_len: i64,
    pub woo_order_id: Option<i64>,
    pub outcome: String,
}

pub fn insert_delivery(conn: &Connection, d: &NewDelivery<'_>) -> Result<i64, StoreError> {
    let mut stmt = conn.prepare_cached(
        "INSERT INTO deliveries (received_at, source, topic, webhook_id, delivery_id, body_sha256,
                                 body_len, woo_order_id, order_key, outcome)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?;
    stmt.execute(params![
        d.received_at,
        d.source,
        d.topic,
        d.webhook_id.map(|v| v as i64),
        d.delivery_id,
        d.body_sha256,
        d.body_len as i64,
        d.woo_order_id.map(|v| v as i64),
        d.order_key,
        d.outcome.as_str()
    ])?;
    Ok(conn.last_insert_rowid())
}

const COLUMNS: &str = "id, received_at, source, topic, webhook_id, delivery_id, body_sha256, body_len, woo_order_id, outcome";

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<DeliveryRow> {
    Ok(DeliveryRow {
        id: r.get(0)?,
        received_at: r.get(1)?,
        source: r.get(2)?,
        topic: r.get(3)?,
        webhook_id: r.get(4)?,
        delivery_id: r.get(5)?,
        body_sha256: r.get(6)?,
        body_len: r.get(7)?,
        woo_order_id: r.get(8)?,
        outcome: r.get(9)?,
    })
}

/// An order's deliveries, oldest first.
pub fn list_deliveries_for_order(
    conn: &Connection,
    order_key: i64,
) -> Result<Vec<DeliveryRow>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM deliveries WHERE order_key = ?1 ORDER BY id"
    ))?;
    let rows = stmt.query_map([order_key], row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}
