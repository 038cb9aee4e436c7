//! The `products` and `stock_movements` tables: stock per SKU and the ledger of every change.

use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;

use crate::{StoreError, now_text};

#[derive(Debug, Clone, Serialize)]
pub struct ProductRow {
    pub sku: String,
    pub name: String,
    /// Exact decimal; null until the owner sets it.
    pub stock: Option<String>,
    pub updated_at: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct MovementRow {
    pub id: i64,
    pub sku: String,
    pub document_id: Option<i64>,
    pub quantity: String,
    pub reason: String,
    pub at: String,
}

/// Makes sure the product exists (first seen in an order line).
pub fn ensure_product(conn: &Connection, sku: &str, name: &str) -> Result<(), StoreError> {
    let now = now_text();
    conn.prepare_cached(
        "INSERT INTO products (sku, name, stock, created_at, updated_at) VALUES (?1, ?2, NULL, ?3, ?3)
         ON CONFLICT (sku) DO NOTHING",
    )?
    .execute(params![sku, name, now])?;
    Ok(())
}

pub fn get_stock(conn: &Connection, sku: &str) -> Result<Option<Option<String>>, StoreError> {
    Ok(conn
        .prepare_cached("SELECT stock FROM products WHERE sku = ?1")?
        .query_row([sku], |r| r.get(0))
        .optional()?)
}

pub fn set_stock(conn: &Connection, sku: &str, stock: &str) -> Result<(), StoreError> {
    conn.prepare_cached("UPDATE products SET stock = ?2, updated_at = ?3 WHERE sku = ?1")?
        .execute(params![sku, stock, now_text()])?;
    Ok(())
}

pub fn insert_movement(
    conn: &Connection,
    sku: &str,
    document_id: Option<i64>,
    quantity: &str,
    reason: &str,
) -> Result<(), StoreError> {
    conn.prepare_cached(
        "INSERT INTO stock_movements (sku, document_id, quantity, reason, at) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![sku, document_id, quantity, reason, now_text()])?;
    Ok(())
}

pub fn movements_for_document(
    conn: &Connection,
    document_id: i64,
) -> Result<Vec<MovementRow>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, sku, document_id, quantity, reason, at FROM stock_movements WHERE document_id = ?1 ORDER BY id",
    )?;
    let rows = stmt.query_map([document_id], movement)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn list_movements(
    conn: &Connection,
    sku: Option<&str>,
) -> Result<Vec<MovementRow>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, sku, document_id, quantity, reason, at FROM stock_movements
         WHERE ?1 IS NULL OR sku = ?1 ORDER BY id",
    )?;
    let rows = stmt.query_map([sku], movement)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

fn movement(r: &rusqlite::Row<'_>) -> rusqlite::Result<MovementRow> {
    Ok(MovementRow {
        id: r.get(0)?,
        sku: r.get(1)?,
        document_id: r.get(2)?,
        quantity: r.get(3)?,
        reason: r.get(4)?,
        at: r.get(5)?,
    })
}

/// Products with their stock (the ledger's sum is the caller's: exact decimals, which SQLite
/// cannot add).
pub fn list_products(conn: &Connection) -> Result<Vec<ProductRow>, StoreError> {
    let mut stmt =
        conn.prepare_cached("SELECT sku, name, stock, updated_at FROM products ORDER BY sku")?;
    let rows = stmt.query_map([], |r| {
        Ok(ProductRow {
            sku: r.get(0)?,
            name: r.get(1)?,
            stock: r.get(2)?,
            updated_at: r.get(3)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}
