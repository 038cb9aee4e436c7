//! "Send a test order": posts a signed delivery to the running listener through real HTTP, the
//! way WooCommerce does, so the owner sees the whole path work. The order is a copy of a real
//! WooCommerce 11 delivery with a fresh id, marked by its own shop source so that it is never
//! mistaken for a real order.

use std::net::SocketAddr;

use comptoir_store::Connection;
use comptoir_store::orders::max_woo_id;
use comptoir_woo::{Secret, WEBHOOK_PATH, sign};
use serde::Serialize;

use crate::error::{Error, Result};

/// The `X-WC-Webhook-Source` of test orders.
pub const TEST_SOURCE: &str = "https://test-order.comptoir.invalid/";

/// Test order ids start above any real shop's for clarity.
const FIRST_TEST_ID: u64 = 900_001;

const SAMPLE: &str = include_str!("sample-order.json");

#[derive(Debug, Clone, Serialize)]
pub struct TestOrderSent {
    pub order_id: u64,
    /// The listener's answer.
    pub status: u16,
}

pub fn send(conn: &Connection, addr: SocketAddr, secret: &Secret) -> Result<TestOrderSent> {
    let id = max_woo_id(conn, TEST_SOURCE)?.max(FIRST_TEST_ID - 1) + 1;
    let body = sample_body(id)?;
    let status = post(addr, secret, &body, "order.created")?;
    if status != 200 {
        return Err(Error::TestOrder(format!(
            "the listener answered {status} instead of 200"
        )));
    }
    Ok(TestOrderSent {
        order_id: id,
        status,
    })
}

/// The sample order with a new id and number and today's dates.
pub fn sample_body(id: u64) -> Result<Vec<u8>> {
    let bad = |e: serde_json::Error| Error::TestOrder(format!("the sample order is broken: {e}"));
    let mut order: serde_json::Value = serde_json::from_str(SAMPLE).map_err(bad)?;
    let now = comptoir_core::GmtTime::now().to_string();
    if let Some(o) = order.as_object_mut() {
        o.insert("id".into(), id.into());
        o.insert("number".into(), format!("TEST-{id}").into());
        o.insert(
            "customer_note".into(),
            "Commande de test envoyée par Comptoir.".into(),
        );
        for field in [
            "date_created",
            "date_created_gmt",
            "date_modified",
            "date_modified_gmt",
        ] {
            o.insert(field.into(), now.clone().into());
        }
    }
    serde_json::to_vec(&order).map_err(bad)
}

/// Posts `body` as WooCommerce would, signed with `secret`; returns the HTTP status.
pub fn post(addr: SocketAddr, secret: &Secret, body: &[u8], topic: &str) -> Result<u16> {
    let (resource, event) = topic.split_once('.').unwrap_or((topic, ""));
    let agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(std::time::Duration::from_secs(10)))
        .build()
        .new_agent();
    let response = agent
        .post(&format!("http://{addr}{WEBHOOK_PATH}"))
        .header("User-Agent", "Comptoir test order")
        .header("Content-Type", "application/json")
        .header("X-WC-Webhook-Source", TEST_SOURCE)
        .header("X-WC-Webhook-Topic", topic)
        .header("X-WC-Webhook-Resource", resource)
        .header("X-WC-Webhook-Event", event)
        .header("X-WC-Webhook-Signature", sign(secret, body))
        .header("X-WC-Webhook-ID", "0")
        .send(body)
        .map_err(|e| Error::TestOrder(format!("the listener at {addr} did not answer: {e}")))?;
    Ok(response.status().as_u16())
}
