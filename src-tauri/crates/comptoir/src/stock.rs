//! Stock per SKU, as the owner sees it: the products first seen in orders, their stock (unknown
//! until set), and the ledger. The ledger always sums to the stock once the stock is known: an
//! owner's correction is recorded as the difference.

use comptoir_core::Money;
use comptoir_core::message::{Message, code};
use comptoir_store::products::{
    MovementRow, ensure_product, get_stock, insert_movement, list_movements, list_products,
    set_stock,
};
use comptoir_store::{Connection, with_tx};
use serde::Serialize;

use crate::error::{Error, Result};

#[derive(Debug, Clone, Serialize)]
pub struct Product {
    pub sku: String,
    pub name: String,
    /// Null until the owner sets it.
    pub stock: Option<String>,
    /// The sum of every movement in the ledger.
    pub ledger_total: String,
    pub updated_at: String,
}

fn ledger_sum(movements: &[MovementRow]) -> Result<Money> {
    movements
        .iter()
        .map(|m| Money::parse(&m.quantity).map_err(|e| Error::Document(e.to_string())))
        .sum::<Result<Money>>()
}

pub fn list(conn: &Connection) -> Result<Vec<Product>> {
    list_products(conn)?
        .into_iter()
        .map(|p| {
            let total = ledger_sum(&list_movements(conn, Some(&p.sku))?)?;
            Ok(Product {
                sku: p.sku,
                name: p.name,
                stock: p.stock,
                ledger_total: total.to_string(),
                updated_at: p.updated_at,
            })
        })
        .collect()
}

pub fn ledger(conn: &Connection, sku: Option<&str>) -> Result<Vec<MovementRow>> {
    Ok(list_movements(conn, sku)?)
}

/// Sets a product's stock; unknown SKUs are refused (products come from orders).
pub fn set(conn: &mut Connection, sku: &str, quantity: &str) -> Result<Product> {
    let qty = Money::parse(quantity).map_err(|_| Error::InvalidValue {
        key: format!("stock of {sku}"),
        value: quantity.to_owned(),
        rule: Message::new(&code::STOCK_QUANTITY, "a number, like 12 or 2.5")
            .with("sku", sku)
            .with("value", quantity),
    })?;
    with_tx(conn, |tx| {
        if get_stock(tx, sku)?.is_none() {
            return Err(Error::Refused(
                Message::new(
                    &code::STOCK_UNKNOWN_SKU,
                    format!(
                        "There is no product with SKU {sku}. Products appear here when an order contains them; `comptoir stock list` shows them."
                    ),
                )
                .with("sku", sku),
            ));
        }
        let moved = ledger_sum(&list_movements(tx, Some(sku))?)?;
        let delta = qty - moved;
        if !delta.is_zero() {
            ensure_product(tx, sku, sku)?;
            insert_movement(
                tx,
                sku,
                None,
                &delta.to_string(),
                &format!("stock set to {qty} by the owner"),
            )?;
        }
        set_stock(tx, sku, &qty.to_string())?;
        list(tx)?
            .into_iter()
            .find(|p| p.sku == sku)
            .ok_or_else(|| Error::NotFound(format!("Product {sku} vanished.")))
    })
}
