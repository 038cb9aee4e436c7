//! Comptoir's domain types, shared by every other crate: an order as WooCommerce describes it,
//! exact money amounts and the UTC timestamps WooCommerce sends. Nothing here does I/O.

pub mod money;
pub mod order;
pub mod time;

pub use money::Money;
pub use order::{
    Address, CouponLine, FeeLine, LineItem, MetaData, Order, OrderError, Refund, ShippingLine,
    TaxLine,
};
pub use time::GmtTime;
