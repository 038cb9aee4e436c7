//! Read-side views for the window and the command line: order lists and an order's detail with
//! its lines and delivery history.

use comptoir_core::{Address, CouponLine, FeeLine, LineItem, Order, Refund, ShippingLine};
use comptoir_store::Connection;
use comptoir_store::deliveries::{DeliveryRow, list_deliveries_for_order};
use comptoir_store::orders::{OrderRow, find_orders_by_woo_id, get_order, get_order_body};
use serde::Serialize;

use crate::error::{Error, Result};
use crate::test_order::TEST_SOURCE;

/// A row of the orders list.
#[derive(Debug, Clone, Serialize)]
pub struct OrderSummary {
    #[serde(flatten)]
    pub row: OrderRow,
    /// Made by "send a test order", not by the shop.
    pub test: bool,
}

impl From<OrderRow> for OrderSummary {
    fn from(row: OrderRow) -> Self {
        let test = row.source == TEST_SOURCE;
        OrderSummary { row, test }
    }
}

/// An order with everything the detail view and `orders show` print.
#[derive(Debug, Clone, Serialize)]
pub struct OrderDetail {
    #[serde(flatten)]
    pub summary: OrderSummary,
    pub payment_method_title: String,
    pub prices_include_tax: bool,
    pub discount_total: String,
    pub shipping_total: String,
    pub billing: Address,
    pub shipping: Address,
    pub line_items: Vec<LineItem>,
    pub shipping_lines: Vec<ShippingLine>,
    pub fee_lines: Vec<FeeLine>,
    pub coupon_lines: Vec<CouponLine>,
    pub refunds: Vec<Refund>,
    pub deliveries: Vec<DeliveryRow>,
}

pub fn list_orders(conn: &Connection) -> Result<Vec<OrderSummary>> {
    Ok(comptoir_store::orders::list_orders(conn)?
        .into_iter()
        .map(OrderSummary::from)
        .collect())
}

/// Finds an order by its WooCommerce id; `source` is needed only when orders of two shops
/// share the id.
pub fn find_order(conn: &Connection, woo_id: u64, source: Option<&str>) -> Result<OrderRow> {
    let mut found = find_orders_by_woo_id(conn, woo_id)?;
    if let Some(source) = source {
        let wanted = source.trim_end_matches('/');
        found.retain(|o| o.source.trim_end_matches('/') == wanted);
    }
    match found.len() {
        0 => Err(Error::NotFound(format!(
            "There is no order {woo_id}{}. `comptoir orders list` shows the orders received.",
            source.map(|s| format!(" from {s}")).unwrap_or_default()
        ))),
        1 => Ok(found.remove(0)),
        _ => Err(Error::Ambiguous(format!(
            "Orders from several shops have the id {woo_id} ({}). Say which with --source.",
            found
                .iter()
                .map(|o| o.source.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ))),
    }
}

pub fn order_detail(conn: &Connection, key: i64) -> Result<OrderDetail> {
    let row = get_order(conn, key)?
        .ok_or_else(|| Error::NotFound(format!("The order (key {key}) no longer exists.")))?;
    let order: Order = get_order_body(conn, key)?
        .ok_or_else(|| Error::NotFound(format!("The order (key {key}) no longer exists.")))?;
    let deliveries = list_deliveries_for_order(conn, key)?;
    let mut line_items = order.line_items;
    // Internal meta (`_reduced_stock`…) is WooCommerce's bookkeeping, not the customer's order.
    for item in &mut line_items {
        item.meta_data.retain(|m| !m.is_internal());
    }
    Ok(OrderDetail {
        summary: row.into(),
        payment_method_title: order.payment_method_title,
        prices_include_tax: order.prices_include_tax,
        discount_total: order.discount_total.to_string(),
        shipping_total: order.shipping_total.to_string(),
        billing: order.billing,
        shipping: order.shipping,
        line_items,
        shipping_lines: order.shipping_lines,
        fee_lines: order.fee_lines,
        coupon_lines: order.coupon_lines,
        refunds: order.refunds,
        deliveries,
    })
}
