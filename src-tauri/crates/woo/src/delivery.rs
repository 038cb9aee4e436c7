//! What one POST to the webhook path means: a ping, or a signed delivery whose body is an order,
//! a deleted order, or a resource Comptoir does not handle. Reading happens here so that the
//! listener only moves bytes and the store only stores meaning.

use comptoir_core::{GmtTime, Order, OrderError};
use serde::Serialize;
use sha2::{Digest, Sha256};

/// The headers and fingerprint of a delivery, kept for the order's history.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DeliveryMeta {
    /// `X-WC-Webhook-Source`: the shop's home URL, part of every order's identity.
    pub source: String,
    /// `X-WC-Webhook-Topic`, e.g. `order.updated`.
    pub topic: String,
    pub webhook_id: Option<u64>,
    /// Not unique (PROTOCOL.md §1); kept for the history, never used as a key.
    pub delivery_id: Option<String>,
    pub received_at: GmtTime,
    /// Lower-case hex SHA-256 of the body, to recognise exact repeats.
    pub body_sha256: String,
    pub body_len: usize,
}

/// A WooCommerce ping: `webhook_id=N`, unsigned, sent when a webhook is saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ping {
    pub webhook_id: u64,
}

/// What a signed delivery carries.
#[derive(Debug, Clone, PartialEq)]
pub enum Payload {
    /// `order.created`, `order.updated`, `order.restored`.
    Order(Box<Order>),
    /// `order.deleted`: WooCommerce moved the order to the trash (the body is only `{"id":N}`).
    Trashed { id: u64 },
    /// A topic Comptoir does not handle (`product.updated`, `action.*`, …): a webhook set up
    /// by mistake. Kept in the history and shown as ignored.
    Ignored,
}

/// A signed delivery, read.
#[derive(Debug, Clone, PartialEq)]
pub struct Delivery {
    pub meta: DeliveryMeta,
    pub payload: Payload,
    pub body: Vec<u8>,
}

impl Delivery {
    /// The WooCommerce order id the delivery is about, if any.
    pub fn order_id(&self) -> Option<u64> {
        match &self.payload {
            Payload::Order(o) => Some(o.id),
            Payload::Trashed { id } => Some(*id),
            Payload::Ignored => None,
        }
    }

    pub fn is_restore(&self) -> bool {
        self.meta.topic == "order.restored"
    }
}

/// The body of a signed delivery could not be read; the delivery is kept as failed.
#[derive(Debug, thiserror::Error)]
pub enum UnreadableDelivery {
    #[error(
        "the delivery has no X-WC-Webhook-Topic header, so it is not from a WooCommerce webhook"
    )]
    NoTopic,
    #[error(transparent)]
    Order(#[from] OrderError),
    #[error("the order.deleted delivery does not say which order (expected {{\"id\": N}}): {0}")]
    Trashed(String),
    #[error("the body is not valid JSON: {0}")]
    Json(String),
}

impl DeliveryMeta {
    pub fn new(
        source: Option<&str>,
        topic: Option<&str>,
        webhook_id: Option<&str>,
        delivery_id: Option<&str>,
        body: &[u8],
    ) -> DeliveryMeta {
        DeliveryMeta {
            source: source.unwrap_or("").trim().to_owned(),
            topic: topic.unwrap_or("").trim().to_owned(),
            webhook_id: webhook_id.and_then(|v| v.trim().parse().ok()),
            delivery_id: delivery_id.map(|v| v.trim().to_owned()),
            received_at: GmtTime::now(),
            body_sha256: sha256_hex(body),
            body_len: body.len(),
        }
    }
}

/// A signed delivery that could not be read, handed back whole so it can be kept.
#[derive(Debug)]
pub struct Unreadable {
    pub meta: DeliveryMeta,
    pub body: Vec<u8>,
    pub reason: UnreadableDelivery,
}

/// Reads a signed delivery. Errors mean the body is not what its topic promises.
pub fn read(meta: DeliveryMeta, body: Vec<u8>) -> Result<Delivery, Box<Unreadable>> {
    let payload = match parse(&meta.topic, &body) {
        Ok(p) => p,
        Err(reason) => return Err(Box::new(Unreadable { meta, body, reason })),
    };
    Ok(Delivery {
        meta,
        payload,
        body,
    })
}

fn parse(topic: &str, body: &[u8]) -> Result<Payload, UnreadableDelivery> {
    if topic.is_empty() {
        return Err(UnreadableDelivery::NoTopic);
    }
    match topic {
        "order.created" | "order.updated" | "order.restored" => {
            Ok(Payload::Order(Box::new(Order::from_json(body)?)))
        }
        "order.deleted" => {
            let value: serde_json::Value = serde_json::from_slice(body)
                .map_err(|e| UnreadableDelivery::Json(e.to_string()))?;
            value
                .get("id")
                .and_then(|v| v.as_u64())
                .map(|id| Payload::Trashed { id })
                .ok_or_else(|| UnreadableDelivery::Trashed(truncate(body)))
        }
        _ => {
            serde_json::from_slice::<serde::de::IgnoredAny>(body)
                .map_err(|e| UnreadableDelivery::Json(e.to_string()))?;
            Ok(Payload::Ignored)
        }
    }
}

/// Recognises a WooCommerce ping body (`webhook_id=142`).
pub fn read_ping(body: &[u8]) -> Option<Ping> {
    let text = std::str::from_utf8(body).ok()?.trim();
    let digits = text.strip_prefix("webhook_id=")?;
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok().map(|webhook_id| Ping { webhook_id })
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut out = String::with_capacity(64);
    for b in digest.iter() {
        out.push(char::from(b"0123456789abcdef"[usize::from(b >> 4)]));
        out.push(char::from(b"0123456789abcdef"[usize::from(b & 0xf)]));
    }
    out
}

fn truncate(body: &[u8]) -> String {
    String::from_utf8_lossy(&body[..body.len().min(200)]).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pings_are_recognised() {
        assert_eq!(read_ping(b"webhook_id=142"), Some(Ping { webhook_id: 142 }));
        assert_eq!(read_ping(b"webhook_id="), None);
        assert_eq!(read_ping(b"webhook_id=1&x=2"), None);
        assert_eq!(read_ping(b"{\"id\":1}"), None);
    }

    #[test]
    fn topics_are_read() {
        let meta = |t: &str| DeliveryMeta::new(Some("https://s/"), Some(t), Some("2"), None, b"");
        let d = read(meta("order.deleted"), br#"{"id":22}"#.to_vec()).unwrap();
        assert_eq!(d.payload, Payload::Trashed { id: 22 });
        let d = read(meta("product.updated"), br#"{"id":5,"name":"x"}"#.to_vec()).unwrap();
        assert_eq!(d.payload, Payload::Ignored);
        assert!(read(meta("order.updated"), b"garbage".to_vec()).is_err());
        assert!(read(meta("product.updated"), b"garbage".to_vec()).is_err());
        assert!(read(meta(""), br#"{"id":1}"#.to_vec()).is_err());
    }

    #[test]
    fn sha256_is_hex() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
