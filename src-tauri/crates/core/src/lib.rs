//! Comptoir's domain types, shared by every other crate: an order as WooCommerce describes it,
//! exact money amounts and the UTC timestamps WooCommerce sends. Nothing here does I/O.

pub mod address;
pub mod checks;
pub mod document;
pub mod language;
pub mod message;
pub mod money;
pub mod ogm;
pub mod order;
pub mod template;
pub mod time;

pub use checks::CheckError;
pub use document::{
    DocumentContent, DocumentError, DocumentKind, DocumentLine, LineKind, VatRow,
    content_for_cancellation, content_for_refund, content_from_order,
};
pub use language::{CountryMap, Language, LanguageError, document_language, order_language};
pub use message::Message;
pub use money::Money;
pub use ogm::StructuredCommunication;
pub use order::{
    Address, CouponLine, FeeLine, LineItem, MetaData, Order, OrderError, Refund, ShippingLine,
    TaxLine,
};
pub use template::TemplateError;
pub use time::GmtTime;
