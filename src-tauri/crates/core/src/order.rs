//! An order as WooCommerce's REST API v3 describes it (the body of an `order.*` webhook and of
//! `GET /wc/v3/orders/{id}`). Only the fields Comptoir uses are kept; unknown fields, which
//! plugins add freely, are ignored. Money is exact ([`Money`]), dates are the `_gmt` ones.

use serde::{Deserialize, Deserializer, Serialize};

use crate::{GmtTime, Money};

/// The JSON is not an order Comptoir can keep.
#[derive(Debug, thiserror::Error)]
pub enum OrderError {
    #[error("the body is not valid JSON: {0}")]
    Json(#[source] serde_json::Error),
    #[error("the body is not an order: {0}")]
    Shape(#[source] serde_json::Error),
    #[error(
        "WooCommerce sent an error instead of the order ({code}: {message}); the user that owns the webhook probably can no longer read orders — edit the webhook in WooCommerce and choose a shop manager or administrator as its user"
    )]
    RestError { code: String, message: String },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Order {
    pub id: u64,
    #[serde(default)]
    pub parent_id: u64,
    #[serde(default, deserialize_with = "lenient_string")]
    pub number: String,
    pub status: String,
    #[serde(default, deserialize_with = "lenient_string")]
    pub currency: String,
    #[serde(default)]
    pub prices_include_tax: bool,
    #[serde(default)]
    pub date_created_gmt: Option<GmtTime>,
    #[serde(default)]
    pub date_modified_gmt: Option<GmtTime>,
    #[serde(default)]
    pub date_paid_gmt: Option<GmtTime>,
    #[serde(default)]
    pub date_completed_gmt: Option<GmtTime>,
    #[serde(default)]
    pub discount_total: Money,
    #[serde(default)]
    pub discount_tax: Money,
    #[serde(default)]
    pub shipping_total: Money,
    #[serde(default)]
    pub shipping_tax: Money,
    #[serde(default)]
    pub cart_tax: Money,
    pub total: Money,
    #[serde(default)]
    pub total_tax: Money,
    #[serde(default)]
    pub customer_id: u64,
    #[serde(default, deserialize_with = "lenient_string")]
    pub customer_note: String,
    #[serde(default, deserialize_with = "object_or_empty")]
    pub billing: Address,
    #[serde(default, deserialize_with = "object_or_empty")]
    pub shipping: Address,
    #[serde(default, deserialize_with = "lenient_string")]
    pub payment_method: String,
    #[serde(default, deserialize_with = "lenient_string")]
    pub payment_method_title: String,
    #[serde(default, deserialize_with = "lenient_string")]
    pub transaction_id: String,
    #[serde(default)]
    pub needs_payment: Option<bool>,
    #[serde(default)]
    pub meta_data: Vec<MetaData>,
    #[serde(default)]
    pub line_items: Vec<LineItem>,
    #[serde(default)]
    pub tax_lines: Vec<TaxLine>,
    #[serde(default)]
    pub shipping_lines: Vec<ShippingLine>,
    #[serde(default)]
    pub fee_lines: Vec<FeeLine>,
    #[serde(default)]
    pub coupon_lines: Vec<CouponLine>,
    #[serde(default)]
    pub refunds: Vec<Refund>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Address {
    #[serde(default, deserialize_with = "lenient_string")]
    pub first_name: String,
    #[serde(default, deserialize_with = "lenient_string")]
    pub last_name: String,
    #[serde(default, deserialize_with = "lenient_string")]
    pub company: String,
    #[serde(default, deserialize_with = "lenient_string")]
    pub address_1: String,
    #[serde(default, deserialize_with = "lenient_string")]
    pub address_2: String,
    #[serde(default, deserialize_with = "lenient_string")]
    pub city: String,
    #[serde(default, deserialize_with = "lenient_string")]
    pub state: String,
    #[serde(default, deserialize_with = "lenient_string")]
    pub postcode: String,
    #[serde(default, deserialize_with = "lenient_string")]
    pub country: String,
    /// Only billing addresses carry an e-mail, and WooCommerce may send `null`.
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default, deserialize_with = "lenient_string")]
    pub phone: String,
}

impl Address {
    /// "First Last", or the company when no person is named.
    pub fn display_name(&self) -> String {
        let person = format!("{} {}", self.first_name.trim(), self.last_name.trim());
        let person = person.trim();
        if person.is_empty() {
            self.company.trim().to_owned()
        } else {
            person.to_owned()
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MetaData {
    #[serde(default)]
    pub id: Option<u64>,
    #[serde(default, deserialize_with = "lenient_string")]
    pub key: String,
    #[serde(default)]
    pub value: serde_json::Value,
    #[serde(default)]
    pub display_key: Option<String>,
    #[serde(default)]
    pub display_value: Option<serde_json::Value>,
}

impl MetaData {
    /// WooCommerce and plugins keep their own bookkeeping under keys starting with `_`
    /// (`_reduced_stock`, `_billing_vat`); these never print on a document.
    pub fn is_internal(&self) -> bool {
        self.key.starts_with('_')
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TaxAmount {
    #[serde(default)]
    pub id: u64,
    #[serde(default)]
    pub total: Money,
    #[serde(default)]
    pub subtotal: Money,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LineItem {
    #[serde(default)]
    pub id: u64,
    #[serde(default, deserialize_with = "lenient_string")]
    pub name: String,
    #[serde(default)]
    pub product_id: u64,
    #[serde(default)]
    pub variation_id: u64,
    pub quantity: Money,
    #[serde(default, deserialize_with = "lenient_string")]
    pub tax_class: String,
    #[serde(default)]
    pub subtotal: Money,
    #[serde(default)]
    pub subtotal_tax: Money,
    pub total: Money,
    #[serde(default)]
    pub total_tax: Money,
    #[serde(default)]
    pub taxes: Vec<TaxAmount>,
    #[serde(default)]
    pub meta_data: Vec<MetaData>,
    #[serde(default)]
    pub sku: Option<String>,
    /// Net unit price after discount, excluding tax (a float in the JSON, read exactly).
    #[serde(default)]
    pub price: Money,
    #[serde(default)]
    pub parent_name: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TaxLine {
    #[serde(default)]
    pub id: u64,
    #[serde(default, deserialize_with = "lenient_string")]
    pub rate_code: String,
    #[serde(default)]
    pub rate_id: u64,
    #[serde(default, deserialize_with = "lenient_string")]
    pub label: String,
    #[serde(default)]
    pub compound: bool,
    #[serde(default)]
    pub tax_total: Money,
    #[serde(default)]
    pub shipping_tax_total: Money,
    #[serde(default)]
    pub rate_percent: Option<Money>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ShippingLine {
    #[serde(default)]
    pub id: u64,
    #[serde(default, deserialize_with = "lenient_string")]
    pub method_title: String,
    #[serde(default, deserialize_with = "lenient_string")]
    pub method_id: String,
    #[serde(default)]
    pub total: Money,
    #[serde(default)]
    pub total_tax: Money,
    #[serde(default)]
    pub taxes: Vec<TaxAmount>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FeeLine {
    #[serde(default)]
    pub id: u64,
    #[serde(default, deserialize_with = "lenient_string")]
    pub name: String,
    #[serde(default, deserialize_with = "lenient_string")]
    pub tax_class: String,
    #[serde(default, deserialize_with = "lenient_string")]
    pub tax_status: String,
    #[serde(default)]
    pub total: Money,
    #[serde(default)]
    pub total_tax: Money,
    #[serde(default)]
    pub taxes: Vec<TaxAmount>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CouponLine {
    #[serde(default)]
    pub id: u64,
    #[serde(default, deserialize_with = "lenient_string")]
    pub code: String,
    #[serde(default)]
    pub discount: Money,
    #[serde(default)]
    pub discount_tax: Money,
    #[serde(default, deserialize_with = "lenient_string")]
    pub discount_type: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Refund {
    pub id: u64,
    #[serde(default, deserialize_with = "lenient_string")]
    pub reason: String,
    /// Negative, as WooCommerce sends it (`"-3.49"`).
    pub total: Money,
    #[serde(default)]
    pub total_tax: Money,
}

impl Order {
    /// Reads an order from the exact bytes of a webhook body or REST response.
    pub fn from_json(bytes: &[u8]) -> Result<Order, OrderError> {
        // Straight into the order: the listener reads every delivery, and going through a
        // `Value` first doubles the work. Only a body that is not an order takes the slow path,
        // which tells a syntax error, a REST error object and a wrong shape apart.
        if let Ok(order) = serde_json::from_slice::<Order>(bytes) {
            return Ok(order);
        }
        let value: serde_json::Value = serde_json::from_slice(bytes).map_err(OrderError::Json)?;
        Order::from_value(value)
    }

    pub fn from_value(value: serde_json::Value) -> Result<Order, OrderError> {
        // When the webhook's user cannot read the order, WooCommerce signs and sends the REST
        // error object instead of the order.
        if let (Some(code), Some(message), None) = (
            value.get("code").and_then(|v| v.as_str()),
            value.get("message").and_then(|v| v.as_str()),
            value.get("id"),
        ) {
            return Err(OrderError::RestError {
                code: code.to_owned(),
                message: message.to_owned(),
            });
        }
        serde_json::from_value(value).map_err(OrderError::Shape)
    }

    /// Paid means WooCommerce recorded a payment date, or the order is completed (cash on
    /// delivery gets its payment date only at completion; a completed order is settled).
    pub fn is_paid(&self) -> bool {
        self.date_paid_gmt.is_some() || self.status == "completed"
    }

    /// The customer's name as it should appear in a list.
    pub fn customer_name(&self) -> String {
        let billing = self.billing.display_name();
        if billing.is_empty() {
            self.shipping.display_name()
        } else {
            billing
        }
    }

    /// The billing e-mail, when there is a non-empty one.
    pub fn billing_email(&self) -> Option<&str> {
        self.billing
            .email
            .as_deref()
            .map(str::trim)
            .filter(|e| !e.is_empty())
    }
}

/// Plugins sometimes write numbers or null where WooCommerce writes strings.
fn lenient_string<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    struct Lenient;

    impl serde::de::Visitor<'_> for Lenient {
        type Value = String;

        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("text")
        }

        fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<String, E> {
            Ok(v.to_owned())
        }

        fn visit_string<E: serde::de::Error>(self, v: String) -> Result<String, E> {
            Ok(v)
        }

        fn visit_unit<E: serde::de::Error>(self) -> Result<String, E> {
            Ok(String::new())
        }

        fn visit_none<E: serde::de::Error>(self) -> Result<String, E> {
            Ok(String::new())
        }

        fn visit_bool<E: serde::de::Error>(self, v: bool) -> Result<String, E> {
            Ok(v.to_string())
        }

        fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<String, E> {
            Ok(v.to_string())
        }

        fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<String, E> {
            Ok(v.to_string())
        }

        fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<String, E> {
            // Written as the JSON number reads (`12.0`, not `12`).
            Ok(serde_json::Number::from_f64(v).map_or_else(|| v.to_string(), |n| n.to_string()))
        }
    }

    d.deserialize_any(Lenient)
}

/// WooCommerce's JSON round trip turns an empty object `{}` into `[]`. Read in place, like
/// [`lenient_string`], with no `serde_json::Value` in between: the two together took reading
/// capture s03's 2.6 KB order from 12.2 to 8.0 µs, on the listener's path to its answer.
fn object_or_empty<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Default + Deserialize<'de>,
{
    struct ObjectOrEmpty<T>(std::marker::PhantomData<T>);

    impl<'de, T: Default + Deserialize<'de>> serde::de::Visitor<'de> for ObjectOrEmpty<T> {
        type Value = T;

        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("an object, an empty array or null")
        }

        fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
            T::deserialize(serde::de::value::MapAccessDeserializer::new(map))
        }

        fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<T, A::Error> {
            match seq.next_element::<serde::de::IgnoredAny>()? {
                None => Ok(T::default()),
                Some(_) => Err(serde::de::Error::invalid_type(
                    serde::de::Unexpected::Seq,
                    &self,
                )),
            }
        }

        fn visit_unit<E: serde::de::Error>(self) -> Result<T, E> {
            Ok(T::default())
        }

        fn visit_none<E: serde::de::Error>(self) -> Result<T, E> {
            Ok(T::default())
        }
    }

    d.deserialize_any(ObjectOrEmpty(std::marker::PhantomData))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_minimal_order() {
        let o = Order::from_json(br#"{"id":727,"status":"processing","total":"29.35"}"#).unwrap();
        assert_eq!(o.id, 727);
        assert_eq!(o.total.to_string(), "29.35");
        assert!(!o.is_paid());
    }

    #[test]
    fn empty_objects_sent_as_arrays_are_tolerated() {
        let o = Order::from_json(
            br#"{"id":1,"status":"pending","total":"0.00","billing":[],"shipping":[]}"#,
        )
        .unwrap();
        assert_eq!(o.billing, Address::default());
    }

    #[test]
    fn an_address_is_an_object_null_or_an_empty_array_only() {
        let o = Order::from_json(
            br#"{"id":1,"status":"pending","total":"0.00","billing":{"first_name":"An","email":"an@example.be"},"shipping":null}"#,
        )
        .unwrap();
        assert_eq!(o.billing.first_name, "An");
        assert_eq!(o.billing.email.as_deref(), Some("an@example.be"));
        assert_eq!(o.shipping, Address::default());
        assert!(matches!(
            Order::from_json(br#"{"id":1,"status":"pending","total":"0.00","billing":["x"]}"#),
            Err(OrderError::Shape(_))
        ));
        assert!(matches!(
            Order::from_json(br#"{"id":1,"status":"pending","total":"0.00","billing":"x"}"#),
            Err(OrderError::Shape(_))
        ));
    }

    #[test]
    fn numbers_booleans_and_null_are_read_as_text() {
        let o = Order::from_json(
            br#"{"id":1,"status":"pending","total":"0.00","customer_note":null,"billing":{"postcode":1000,"first_name":true,"last_name":-3,"company":12.5,"city":12.0}}"#,
        )
        .unwrap();
        assert_eq!(o.customer_note, "");
        assert_eq!(o.billing.postcode, "1000");
        assert_eq!(o.billing.first_name, "true");
        assert_eq!(o.billing.last_name, "-3");
        assert_eq!(o.billing.company, "12.5");
        assert_eq!(o.billing.city, "12.0");
        assert!(matches!(
            Order::from_json(br#"{"id":1,"status":"pending","total":"0.00","customer_note":{}}"#),
            Err(OrderError::Shape(_))
        ));
    }

    #[test]
    fn a_rest_error_body_is_explained() {
        let e = Order::from_json(
            br#"{"code":"woocommerce_rest_cannot_view","message":"Sorry, you cannot view this resource.","data":{"status":401}}"#,
        )
        .unwrap_err();
        assert!(matches!(e, OrderError::RestError { .. }), "{e}");
        assert!(e.to_string().contains("shop manager"));
    }

    #[test]
    fn garbage_is_refused() {
        assert!(matches!(
            Order::from_json(b"{not json"),
            Err(OrderError::Json(_))
        ));
        assert!(matches!(
            Order::from_json(br#"{"id":"x"}"#),
            Err(OrderError::Shape(_))
        ));
        assert!(matches!(
            Order::from_json(br#"{"id":1,"status":"x","total":"1,00"}"#),
            Err(OrderError::Shape(_))
        ));
    }

    #[test]
    fn completed_counts_as_paid() {
        let o = Order::from_json(br#"{"id":1,"status":"completed","total":"1.00"}"#).unwrap();
        assert!(o.is_paid());
    }
}
