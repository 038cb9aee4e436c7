//! The `orders` table: the newest known version of each order, keyed by (shop source,
//! WooCommerce id). The exact JSON is kept; list columns are derived from it on write.

use comptoir_core::{GmtTime, Order};
use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;

use crate::{StoreError, now_text};

/// What is stored about an order, without its body.
#[derive(Debug, Clone, Serialize)]
pub struct OrderRow {
    /// Comptoir's own key.
    #[serde(skip)]
    pub key: i64,
    /// WooCommerce's order id.
    pub id: i64,
    pub source: String,
    pub number: String,
    pub status: String,
    pub currency: String,
    pub total: String,
    pub total_tax: String,
    pub billing_email: Option<String>,
    pub customer_name: String,
    pub customer_note: String,
    pub payment_method: String,
    pub date_created_gmt: Option<String>,
    pub date_modified_gmt: Option<String>,
    pub date_paid_gmt: Option<String>,
    pub paid: bool,
    pub trashed: bool,
    pub revision: i64,
    pub updated_at: String,
}

/// The version stored, as needed to decide whether a delivery is newer.
#[derive(Debug, Clone)]
pub struct StoredVersion {
    pub key: i64,
    pub date_modified_gmt: Option<String>,
    pub body_sha256: String,
    pub trashed: bool,
}

const COLUMNS: &str =
    "key, woo_id, source, number, status, currency, total, total_tax, billing_email,
    customer_name, customer_note, payment_method, date_created_gmt, date_modified_gmt,
    date_paid_gmt, paid, trashed, revision, updated_at";

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<OrderRow> {
    Ok(OrderRow {
        key: r.get(0)?,
        id: r.get(1)?,
        source: r.get(2)?,
        number: r.get(3)?,
        status: r.get(4)?,
        currency: r.get(5)?,
        total: r.get(6)?,
        total_tax: r.get(7)?,
        billing_email: r.get(8)?,
        customer_name: r.get(9)?,
        customer_note: r.get(10)?,
        payment_method: r.get(11)?,
        date_created_gmt: r.get(12)?,
        date_modified_gmt: r.get(13)?,
        date_paid_gmt: r.get(14)?,
        paid: r.get(15)?,
        trashed: r.get(16)?,
        revision: r.get(17)?,
        updated_at: r.get(18)?,
    })
}

fn opt_time(t: Option<GmtTime>) -> Option<String> {
    t.map(|t| t.to_string())
}

pub fn find_stored_version(
    conn: &Connection,
    source: &str,
    woo_id: u64,
) -> Result<Option<StoredVersion>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT key, date_modified_gmt, body_sha256, trashed FROM orders WHERE source = ?1 AND woo_id = ?2",
    )?;
    Ok(stmt
        .query_row(params![source, woo_id as i64], |r| {
            Ok(StoredVersion {
                key: r.get(0)?,
                date_modified_gmt: r.get(1)?,
                body_sha256: r.get(2)?,
                trashed: r.get(3)?,
            })
        })
        .optional()?)
}

/// Stores a version of an order: the first one, or a newer one replacing what is stored (the
/// caller decides it is newer). Returns the order's key.
pub fn upsert_order(
    conn: &Connection,
    source: &str,
    order: &Order,
    body_sha256: &str,
    body: &[u8],
    trashed: bool,
) -> Result<i64, StoreError> {
    let mut stmt = conn.prepare_cached(
        "INSERT INTO orders (source, woo_id, number, status, currency, total, total_tax,
            billing_email, customer_name, customer_note, payment_method, date_created_gmt,
            date_modified_gmt, date_paid_gmt, paid, body_sha256, body, trashed, first_seen_at,
            updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?19)
         ON CONFLICT (source, woo_id) DO UPDATE SET number = excluded.number,
            status = excluded.status, currency = excluded.currency, total = excluded.total,
            total_tax = excluded.total_tax, billing_email = excluded.billing_email,
            customer_name = excluded.customer_name, customer_note = excluded.customer_note,
            payment_method = excluded.payment_method, date_created_gmt = excluded.date_created_gmt,
            date_modified_gmt = excluded.date_modified_gmt, date_paid_gmt = excluded.date_paid_gmt,
            paid = excluded.paid, body_sha256 = excluded.body_sha256, body = excluded.body,
            trashed = excluded.trashed, revision = revision + 1, updated_at = excluded.updated_at
         RETURNING key",
    )?;
    Ok(stmt.query_row(
        params![
            source,
            order.id as i64,
            order.number,
            order.status,
            order.currency,
            order.total.to_string(),
            order.total_tax.to_string(),
            order.billing_email(),
            order.customer_name(),
            order.customer_note,
            order.payment_method,
            opt_time(order.date_created_gmt),
            opt_time(order.date_modified_gmt),
            opt_time(order.date_paid_gmt),
            order.is_paid(),
            body_sha256,
            body,
            trashed,
            now_text()
        ],
        |r| r.get(0),
    )?)
}

pub fn set_order_trashed(conn: &Connection, key: i64, trashed: bool) -> Result<(), StoreError> {
    conn.prepare_cached(
        "UPDATE orders SET trashed = ?2, revision = revision + 1, updated_at = ?3 WHERE key = ?1",
    )?
    .execute(params![key, trashed, now_text()])?;
    Ok(())
}

/// All orders, newest first.
pub fn list_orders(conn: &Connection) -> Result<Vec<OrderRow>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM orders ORDER BY date_created_gmt DESC, key DESC"
    ))?;
    let rows = stmt.query_map([], row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn get_order(conn: &Connection, key: i64) -> Result<Option<OrderRow>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!("SELECT {COLUMNS} FROM orders WHERE key = ?1"))?;
    Ok(stmt.query_row([key], row).optional()?)
}

/// The orders with this WooCommerce id (one per shop source).
pub fn find_orders_by_woo_id(conn: &Connection, woo_id: u64) -> Result<Vec<OrderRow>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM orders WHERE woo_id = ?1 ORDER BY key"
    ))?;
    let rows = stmt.query_map([woo_id as i64], row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The exact JSON of the stored version, read back into an order.
pub fn get_order_body(conn: &Connection, key: i64) -> Result<Option<Order>, StoreError> {
    let body: Option<Vec<u8>> = conn
        .prepare_cached("SELECT body FROM orders WHERE key = ?1")?
        .query_row([key], |r| r.get(0))
        .optional()?;
    body.map(|b| Order::from_json(&b).map_err(|e| StoreError::Corrupt(format!("order {key}: {e}"))))
        .transpose()
}

/// The highest WooCommerce id stored for a source (0 when none).
pub fn max_woo_id(conn: &Connection, source: &str) -> Result<u64, StoreError> {
    let max: Option<i64> = conn
        .prepare_cached("SELECT max(woo_id) FROM orders WHERE source = ?1")?
        .query_row([source], |r| r.get(0))?;
    Ok(max.unwrap_or(0).max(0) as u64)
}
