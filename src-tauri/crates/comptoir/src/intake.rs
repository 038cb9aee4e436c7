//! What a delivery does to the stored orders. Orders are upserted by (shop source, WooCommerce
//! id); a version older than the stored one changes nothing, an exact repeat changes nothing,
//! and every accepted delivery is recorded for the order's history. Runs inside the caller's
//! transaction, so a delivery is kept whole or not at all.

use comptoir_core::message::{Message, code};
use comptoir_store::activity::{Level, record_activity};
use comptoir_store::deliveries::{NewDelivery, Outcome, insert_delivery};
use comptoir_store::failed_deliveries::{NewFailedDelivery, insert_failed_delivery};
use comptoir_store::orders::{find_stored_version, set_order_trashed, upsert_order};
use comptoir_store::{Connection, StoreError};
use comptoir_woo::{Delivery, DeliveryMeta, Payload, Ping};
use serde::Serialize;

/// What one delivery did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Applied {
    pub outcome: Outcome,
    pub source: String,
    pub topic: String,
    pub woo_order_id: Option<u64>,
    /// Comptoir's key of the order, when the delivery concerns a stored one.
    #[serde(skip)]
    pub order_key: Option<i64>,
    /// Documents made or changed by the rules because of this delivery.
    pub documents: crate::rules::RulesApplied,
}

/// Stores a delivery and applies the owner's rules to the order it changed, in the caller's
/// transaction. If the rules fail on an odd order, the order is still kept (WooCommerce must not
/// count a failure for it) and the owner is told in the activity log.
pub fn apply_delivery_with_rules(conn: &Connection, d: &Delivery) -> Result<Applied, StoreError> {
    let mut applied = apply_delivery(conn, d)?;
    let Some(key) = applied
        .order_key
        .filter(|_| applied.outcome.changed_order())
    else {
        return Ok(applied);
    };
    run_cached(conn, "SAVEPOINT rules")?;
    // Created or updated: the stored version is the delivered one, already parsed. Trashed or
    // restored (possibly with an older body): read what is stored.
    let outcome = match (&d.payload, applied.outcome) {
        (Payload::Order(order), Outcome::Created | Outcome::Updated) => {
            crate::rules::apply_to(conn, key, order)
        }
        _ => crate::rules::apply(conn, key),
    };
    match outcome {
        Ok(documents) => {
            run_cached(conn, "RELEASE rules")?;
            applied.documents = documents;
        }
        Err(e) => {
            run_cached(conn, "ROLLBACK TO rules")?;
            run_cached(conn, "RELEASE rules")?;
            let order = applied
                .woo_order_id
                .map(|i| i.to_string())
                .unwrap_or_default();
            record_activity(
                conn,
                Level::Error,
                &Message::new(
                    &code::ACTIVITY_RULES_FAILED,
                    format!("Order {order} was stored, but its document could not be made: {e}"),
                )
                .with("order", order)
                .with_message("error", &e.message()),
            )?;
        }
    }
    Ok(applied)
}

/// Runs a statement through the connection's cache: this runs for every delivery, in the
/// writer thread all deliveries wait for, and parsing the SQL each time costs more than running it.
fn run_cached(conn: &Connection, sql: &str) -> Result<(), StoreError> {
    conn.prepare_cached(sql)?.execute([])?;
    Ok(())
}

pub fn apply_delivery(conn: &Connection, d: &Delivery) -> Result<Applied, StoreError> {
    let meta = &d.meta;
    let (outcome, order_key) = match &d.payload {
        Payload::Order(order) => {
            match find_stored_version(conn, &meta.source, order.id)? {
                None => {
                    let key =
                        upsert_order(conn, &meta.source, order, &meta.body_sha256, &d.body, false)?;
                    (Outcome::Created, Some(key))
                }
                Some(stored) => {
                    let restoring = d.is_restore() && stored.trashed;
                    let incoming = order.date_modified_gmt.map(|t| t.to_string());
                    // The fixed-width UTC text sorts like the time it stands for.
                    let older = matches!(
                        (&incoming, &stored.date_modified_gmt),
                        (Some(new), Some(old)) if new < old
                    );
                    let same = stored.body_sha256 == meta.body_sha256;
                    if older || same {
                        if restoring {
                            set_order_trashed(conn, stored.key, false)?;
                            (Outcome::Restored, Some(stored.key))
                        } else if same {
                            (Outcome::Duplicate, Some(stored.key))
                        } else {
                            (Outcome::Stale, Some(stored.key))
                        }
                    } else {
                        let trashed = stored.trashed && !d.is_restore();
                        upsert_order(
                            conn,
                            &meta.source,
                            order,
                            &meta.body_sha256,
                            &d.body,
                            trashed,
                        )?;
                        let outcome = if restoring {
                            Outcome::Restored
                        } else {
                            Outcome::Updated
                        };
                        (outcome, Some(stored.key))
                    }
                }
            }
        }
        Payload::Trashed { id } => match find_stored_version(conn, &meta.source, *id)? {
            None => (Outcome::UnknownOrder, None),
            Some(stored) => {
                if !stored.trashed {
                    set_order_trashed(conn, stored.key, true)?;
                }
                (Outcome::Trashed, Some(stored.key))
            }
        },
        Payload::Ignored => {
            let text = format!(
                "WooCommerce sent a \"{}\" delivery{}; Comptoir only handles orders and ignored it. In WooCommerce → Settings → Advanced → Webhooks, give that webhook the topic \"Order created\" or \"Order updated\", or delete it.",
                meta.topic,
                meta.webhook_id
                    .map(|id| format!(" (webhook {id})"))
                    .unwrap_or_default()
            );
            let message = match meta.webhook_id {
                Some(id) => {
                    Message::new(&code::ACTIVITY_IGNORED_TOPIC_WEBHOOK, text).with("webhook", id)
                }
                None => Message::new(&code::ACTIVITY_IGNORED_TOPIC, text),
            };
            record_activity(
                conn,
                Level::Warning,
                &message.with("topic", meta.topic.as_str()),
            )?;
            (Outcome::Ignored, None)
        }
    };
    insert_delivery(
        conn,
        &NewDelivery {
            received_at: &meta.received_at.to_string(),
            source: &meta.source,
            topic: &meta.topic,
            webhook_id: meta.webhook_id,
            delivery_id: meta.delivery_id.as_deref(),
            body_sha256: &meta.body_sha256,
            body_len: meta.body_len,
            woo_order_id: d.order_id(),
            order_key,
            outcome,
        },
    )?;
    Ok(Applied {
        outcome,
        source: meta.source.clone(),
        topic: meta.topic.clone(),
        woo_order_id: d.order_id(),
        order_key,
        documents: Default::default(),
    })
}

/// Keeps a signed delivery whose body could not be read, and tells the owner.
pub fn keep_failed_delivery(
    conn: &Connection,
    meta: &DeliveryMeta,
    body: &[u8],
    reason: &str,
) -> Result<(), StoreError> {
    insert_failed_delivery(
        conn,
        &NewFailedDelivery {
            source: &meta.source,
            topic: &meta.topic,
            webhook_id: meta.webhook_id,
            delivery_id: meta.delivery_id.as_deref(),
            reason,
            body_sha256: &meta.body_sha256,
            body,
        },
    )?;
    let text = format!(
        "A signed \"{}\" delivery could not be read and was kept as failed: {reason}. WooCommerce was told (400); the order will come with its next update.",
        if meta.topic.is_empty() {
            "untitled"
        } else {
            &meta.topic
        }
    );
    let message = if meta.topic.is_empty() {
        Message::new(&code::ACTIVITY_FAILED_DELIVERY_UNTITLED, text)
    } else {
        Message::new(&code::ACTIVITY_FAILED_DELIVERY, text).with("topic", meta.topic.as_str())
    };
    // The reason is the woo crate's English sentence.
    record_activity(conn, Level::Error, &message.with("reason", reason))
}

pub fn record_ping(conn: &Connection, ping: Ping, user_agent: &str) -> Result<(), StoreError> {
    let from = if user_agent.is_empty() {
        String::new()
    } else {
        format!(" from {user_agent}")
    };
    let text = format!(
        "WooCommerce pinged webhook {}{from}: the delivery URL works.",
        ping.webhook_id
    );
    let message = if user_agent.is_empty() {
        Message::new(&code::ACTIVITY_PING, text)
    } else {
        Message::new(&code::ACTIVITY_PING_FROM, text).with("agent", user_agent)
    };
    record_activity(conn, Level::Info, &message.with("webhook", ping.webhook_id))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;
    use crate::config::{self, ConfigKey};
    use comptoir_testkit::capture;

    /// When the rules fail for an order, the order is kept, the owner reads why in the activity
    /// log, and whatever the rules had written before failing (here the product of its line)
    /// is undone with them.
    #[test]
    fn a_failing_rule_keeps_the_order_and_undoes_the_rules_work() {
        let dir = tempfile::tempdir().unwrap();
        let mut conn = comptoir_store::open(&dir.path().join("c.sqlite3")).unwrap();
        let trigger = ConfigKey::parse("documents.trigger").unwrap();
        config::set(&conn, &trigger, "created").unwrap();
        // A negative total cannot make a document.
        let template = capture("s03", "001");
        let mut order = template.json();
        order["total"] = "-5.00".into();
        let delivery = template
            .with_body(serde_json::to_vec(&order).unwrap())
            .delivery();

        let applied =
            comptoir_store::with_tx(&mut conn, |tx| apply_delivery_with_rules(tx, &delivery))
                .unwrap();

        assert!(matches!(applied.outcome, Outcome::Created));
        let key = applied.order_key.unwrap();
        assert!(
            comptoir_store::documents::list_documents_for_order(&conn, key)
                .unwrap()
                .is_empty()
        );
        assert!(
            comptoir_store::products::list_products(&conn)
                .unwrap()
                .is_empty(),
            "the product written by the failed rules stayed"
        );
        let activity = comptoir_store::activity::list_activity(&conn, 10).unwrap();
        assert!(
            activity
                .iter()
                .any(|a| a.code.as_deref() == Some(code::ACTIVITY_RULES_FAILED.id)),
            "{activity:?}"
        );
    }
}
