//! Catch-up of missed orders. WooCommerce never resends a failed delivery and disables a webhook
//! after 7 failures in a row (PROTOCOL.md §4), and a desktop app is often closed or asleep; so
//! Comptoir asks the shop itself (REST API v3, §8) for the orders modified since it last looked,
//! and feeds each one through the same intake as a webhook delivery
//! ([`intake::apply_delivery_with_rules`], one immediate transaction per order). An order that
//! arrives both ways, in either order, is stored and turned into documents exactly once.
//!
//! Where a catch-up starts: the point up to which the previous complete catch-up read every
//! order (`sync.checked_until`, the newest modification date it saw), minus [`OVERLAP`]. Not
//! the newest order stored: after an outage, a webhook for a fresh order can arrive before the
//! catch-up runs, and starting from that order would skip the ones missed during the outage.
//! Before any catch-up ran for the shop, the newest stored order of the shop is used; with none
//! either, the last hour ([`FIRST_LOOKBACK`]), so connecting a shop does not turn its whole
//! history into documents.
//!
//! What a catch-up leaves in the settings table (internal keys, not owner settings):
//! `sync.last_run_at` and `sync.last_run_orders` (the last successful run and how many orders
//! it brought), `sync.last_error` and `sync.last_error_at` (empty after a success),
//! `sync.checked_until` and `sync.checked_shop` (the starting point above and the shop it
//! belongs to). A run that changed something, failed, or recovered is told in the activity log.

use std::collections::HashSet;
use std::time::Duration;

use chrono::TimeDelta;
use comptoir_core::GmtTime;
use comptoir_core::message::{Message, code};
use comptoir_store::activity::{Level, record_activity};
use comptoir_store::failed_deliveries::{NewFailedDelivery, insert_failed_delivery};
use comptoir_store::orders::{StoredVersion, find_stored_version};
use comptoir_store::settings::{get_setting, set_setting};
use comptoir_store::{Connection, StoreError, now_text, with_tx};
use comptoir_woo::Secret;
use comptoir_woo::delivery::{self, DeliveryMeta, Unreadable, sha256_hex};
use comptoir_woo::rest::{Client, FetchedOrder, RestError, Shop};
use serde::Serialize;

use crate::intake;
use crate::worker::{Wait, Worker};

/// WooCommerce's `modified_after` is exclusive (`date_modified > after`, WP_Date_Query's
/// default) and dates have whole seconds, so an order saved later in the very second of the
/// starting point would be missed. One second back makes it `>=`; what comes twice is
/// recognised and skipped.
pub const OVERLAP: TimeDelta = TimeDelta::seconds(1);
/// How far the very first catch-up of a shop looks back.
pub const FIRST_LOOKBACK: TimeDelta = TimeDelta::hours(1);
/// Passes over the list when it keeps moving while it is read.
pub const MAX_PASSES: u32 = 3;
pub const DEFAULT_INTERVAL_MINUTES: u64 = 10;
/// The `X-WC-Webhook-Delivery-ID` of a catch-up in the orders' history.
pub const DELIVERY_ID: &str = "catch-up";

pub const KEY_URL: &str = "woocommerce.url";
pub const KEY_CONSUMER_KEY: &str = "woocommerce.consumer_key";
pub const KEY_CONSUMER_SECRET: &str = "woocommerce.consumer_secret";
pub const KEY_INTERVAL: &str = "sync.interval_minutes";

pub const LAST_RUN_AT: &str = "sync.last_run_at";
pub const LAST_RUN_ORDERS: &str = "sync.last_run_orders";
pub const LAST_ERROR: &str = "sync.last_error";
pub const LAST_ERROR_AT: &str = "sync.last_error_at";
pub const CHECKED_UNTIL: &str = "sync.checked_until";
pub const CHECKED_SHOP: &str = "sync.checked_shop";

/// Why a catch-up did not happen. Each message says what to do.
#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    #[error(
        "Comptoir is not connected to a WooCommerce shop: {0} is not set. Enter the shop address and a REST API key with Read/Write access (WooCommerce → Settings → Advanced → REST API) on the Connection screen."
    )]
    NotConfigured(&'static str),
    #[error(transparent)]
    Rest(#[from] RestError),
    #[error(transparent)]
    App(#[from] crate::Error),
}

impl From<StoreError> for SyncError {
    fn from(e: StoreError) -> Self {
        SyncError::App(e.into())
    }
}

/// What one catch-up did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SyncReport {
    /// The shop's address.
    pub shop: String,
    /// The `modified_after` asked for.
    pub since: GmtTime,
    /// Every order modified up to this moment (shop time) has now been read; the next
    /// catch-up starts here (minus [`OVERLAP`]). Only when `settled`.
    pub until: GmtTime,
    /// Distinct orders the shop listed.
    pub orders_seen: usize,
    /// Of those, the ones that were new or newer than the version stored.
    pub orders_changed: usize,
    pub documents_made: usize,
    /// Listed orders whose JSON could not be read (kept as failed deliveries).
    pub unreadable: usize,
    pub passes: u32,
    /// Whether the list stood still while read (else the next catch-up starts from the same
    /// point again).
    pub settled: bool,
}

impl SyncReport {
    /// A sentence for the owner (the command line prints it; the activity log keeps it).
    pub fn summary(&self) -> String {
        let mut text = if self.orders_changed == 0 {
            format!(
                "Catch-up: no order was missed ({} modified since {} UTC, all already here).",
                plural(self.orders_seen, "order", "orders"),
                self.since
            )
        } else {
            format!(
                "Catch-up: {} new or changed out of {} modified since {} UTC; {} made.",
                plural(self.orders_changed, "order", "orders"),
                self.orders_seen,
                self.since,
                plural(self.documents_made, "document", "documents"),
            )
        };
        if self.unreadable > 0 {
            text.push_str(&format!(
                " {} could not be read and {} kept with the failed deliveries; {} come again with {} next change.",
                plural(self.unreadable, "order", "orders"),
                if self.unreadable == 1 { "was" } else { "were" },
                if self.unreadable == 1 { "it will" } else { "they will" },
                if self.unreadable == 1 { "its" } else { "their" },
            ));
        }
        if !self.settled {
            text.push_str(
                " The shop's order list kept changing while it was read, so the next catch-up reads it again from the same point.",
            );
        }
        text
    }
}

impl SyncReport {
    /// [`SyncReport::summary`] with its code and values, for the window's activity log.
    pub fn summary_message(&self) -> Message {
        let mut notes = Vec::new();
        if self.unreadable > 0 {
            notes.push(
                Message::new(
                    &code::CATCH_UP_NOTE_UNREADABLE,
                    format!(
                        "{} could not be read and kept with the failed deliveries.",
                        plural(self.unreadable, "order", "orders")
                    ),
                )
                .with("count", self.unreadable),
            );
        }
        if !self.settled {
            notes.push(Message::new(
                &code::CATCH_UP_NOTE_UNSETTLED,
                "The shop's order list kept changing while it was read, so the next catch-up reads it again from the same point.",
            ));
        }
        let since = self.since.to_string();
        let message = if self.orders_changed == 0 {
            Message::new(&code::CATCH_UP_NONE_MISSED, self.summary())
        } else {
            Message::new(&code::CATCH_UP_CHANGED, self.summary())
                .with("changed", self.orders_changed)
                .with("made", self.documents_made)
        };
        message
            .with("seen", self.orders_seen)
            .with("since", since)
            .with_messages("notes", &notes)
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// When the last catch-up ran, for the connection screen.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct LastRun {
    /// The last successful catch-up (UTC).
    pub at: Option<String>,
    /// How many orders it brought (new or changed).
    pub orders: Option<u64>,
    /// The last failure's sentence, if the last attempt failed.
    pub error: Option<String>,
    pub error_at: Option<String>,
}

pub fn last_run(conn: &Connection) -> Result<LastRun, SyncError> {
    let get = |k: &str| -> Result<Option<String>, SyncError> {
        Ok(get_setting(conn, k)?.filter(|v| !v.is_empty()))
    };
    Ok(LastRun {
        at: get(LAST_RUN_AT)?,
        orders: get(LAST_RUN_ORDERS)?.and_then(|v| v.parse().ok()),
        error: get(LAST_ERROR)?,
        error_at: get(LAST_ERROR)?.and(get(LAST_ERROR_AT)?),
    })
}

/// A setting through the config module once it knows the key, the raw value until then.
fn read_setting(conn: &Connection, name: &str) -> Result<Option<String>, SyncError> {
    let value = match crate::config::get_known(conn, name) {
        Ok(v) => Some(v),
        Err(crate::Error::UnknownKey { .. }) => get_setting(conn, name)?,
        Err(e) => return Err(e.into()),
    };
    Ok(value.filter(|v| !v.trim().is_empty()))
}

/// The shop and API key the owner entered (`woocommerce.url`, `woocommerce.consumer_key`; the
/// consumer secret in the secrets folder under `woocommerce.consumer_secret`).
pub fn shop_from_settings(conn: &Connection) -> Result<Shop, SyncError> {
    let url = read_setting(conn, KEY_URL)?.ok_or(SyncError::NotConfigured(KEY_URL))?;
    let key =
        read_setting(conn, KEY_CONSUMER_KEY)?.ok_or(SyncError::NotConfigured(KEY_CONSUMER_KEY))?;
    let secret = crate::secrets::read(conn, KEY_CONSUMER_SECRET)?
        .filter(|s| !s.trim().is_empty())
        .ok_or(SyncError::NotConfigured(KEY_CONSUMER_SECRET))?;
    Ok(Shop::new(&url, &key, Secret::new(secret))?)
}

/// How often the periodic catch-up runs (`sync.interval_minutes`, 1–1440, default 10).
pub fn interval(conn: &Connection) -> Result<Duration, SyncError> {
    let minutes = read_setting(conn, KEY_INTERVAL)?
        .and_then(|v| v.trim().parse::<u64>().ok())
        .unwrap_or(DEFAULT_INTERVAL_MINUTES)
        .clamp(1, 24 * 60);
    Ok(Duration::from_secs(minutes * 60))
}

/// One catch-up for the shop in the settings (`comptoir sync`, the timer, the tunnel coming back).
pub fn run_configured(conn: &mut Connection) -> Result<SyncReport, SyncError> {
    let shop = shop_from_settings(conn)?;
    catch_up(conn, &shop)
}

/// One catch-up, from where the previous one left off (see the module documentation).
pub fn catch_up(conn: &mut Connection, shop: &Shop) -> Result<SyncReport, SyncError> {
    let since = match start_point(conn, shop) {
        Ok(s) => s,
        Err(e) => {
            record_failure(conn, &e);
            return Err(e);
        }
    };
    let client = Client::new(shop.clone());
    let report = catch_up_since(conn, &client, since)?;
    // Credit notes made from a refund's amount get the refund's own lines now that the shop can
    // be asked. A failure here does not undo the catch-up; the next one tries again.
    if let Err(e) = crate::refunds::fill_credit_notes(conn, &client) {
        let _ = comptoir_store::activity::insert_activity(
            conn,
            Level::Warning,
            &format!(
                "The refunded lines of a credit note could not be read from the shop: {e} Comptoir tries again at the next catch-up."
            ),
        );
    }
    Ok(report)
}

/// One catch-up of the orders modified after `since` (exclusive), recorded like any other.
pub fn catch_up_since(
    conn: &mut Connection,
    client: &Client,
    since: GmtTime,
) -> Result<SyncReport, SyncError> {
    match run(conn, client, since) {
        Ok(report) => {
            record_success(conn, client.shop(), &report)?;
            Ok(report)
        }
        Err(e) => {
            record_failure(conn, &e);
            Err(e)
        }
    }
}

/// The `modified_after` of the next catch-up for `shop`.
pub fn start_point(conn: &Connection, shop: &Shop) -> Result<GmtTime, SyncError> {
    let checked = if get_setting(conn, CHECKED_SHOP)?.as_deref() == Some(shop.url()) {
        get_setting(conn, CHECKED_UNTIL)?.and_then(|t| GmtTime::parse(&t).ok())
    } else {
        None
    };
    let mark = match checked {
        Some(m) => m,
        None => match newest_stored(conn, shop)? {
            Some(n) => n,
            None => return Ok(GmtTime(GmtTime::now().0 - FIRST_LOOKBACK)),
        },
    };
    Ok(GmtTime(mark.0 - OVERLAP))
}

/// The newest modification date stored for the shop (whatever the scheme in its source).
fn newest_stored(conn: &Connection, shop: &Shop) -> Result<Option<GmtTime>, StoreError> {
    let mut stmt =
        conn.prepare_cached("SELECT source, max(date_modified_gmt) FROM orders GROUP BY source")?;
    let rows = stmt
        .query_map([], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, Option<String>>(1)?))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows
        .into_iter()
        .filter(|(source, _)| same_shop(source, shop.url()))
        .filter_map(|(_, t)| t.and_then(|t| GmtTime::parse(&t).ok()))
        .max())
}

fn stored_sources(conn: &Connection) -> Result<Vec<String>, StoreError> {
    let mut stmt = conn.prepare_cached("SELECT DISTINCT source FROM orders")?;
    let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Two names of the same shop: equal but for the scheme, letter case and a trailing slash.
fn same_shop(a: &str, b: &str) -> bool {
    fn key(s: &str) -> String {
        let s = s.trim();
        let s = s
            .strip_prefix("https://")
            .or_else(|| s.strip_prefix("http://"))
            .unwrap_or(s);
        s.trim_end_matches('/').to_ascii_lowercase()
    }
    key(a) == key(b)
}

/// The source an order is stored under, which webhooks deliver as `X-WC-Webhook-Source`: the
/// shop's home URL from the order's own links (else the address entered), spelled like an
/// already stored source of the same shop when there is one. WooCommerce writes `https` in
/// the links of an HTTPS request even when the home URL option says `http`.
fn source_for(fetched: &FetchedOrder, shop: &Shop, stored: &[String]) -> String {
    let candidate = fetched.home_url.clone().unwrap_or_else(|| shop.home_url());
    stored
        .iter()
        .find(|s| **s == candidate)
        .or_else(|| stored.iter().find(|s| same_shop(s, &candidate)))
        .cloned()
        .unwrap_or(candidate)
}

fn run(conn: &mut Connection, client: &Client, since: GmtTime) -> Result<SyncReport, SyncError> {
    let sources = stored_sources(conn)?;
    let mut report = SyncReport {
        shop: client.shop().url().to_owned(),
        since,
        until: GmtTime(since.0 + OVERLAP),
        orders_seen: 0,
        orders_changed: 0,
        documents_made: 0,
        unreadable: 0,
        passes: 0,
        settled: false,
    };
    let mut seen = HashSet::new();
    let mut previous: Option<HashSet<u64>> = None;
    let mut newest: Option<GmtTime> = None;
    for pass in 1..=MAX_PASSES {
        report.passes = pass;
        let mut pages = client.order_pages(since);
        // Each page is stored before the next is asked for, so an interrupted catch-up keeps
        // what it did; the next one skips those orders as already known.
        for page in pages.by_ref() {
            for fetched in page?.orders {
                if let Some(id) = fetched.id {
                    seen.insert(id);
                }
                newest = newest.max(fetched.date_modified_gmt);
                let source = source_for(&fetched, client.shop(), &sources);
                match feed(conn, &source, &fetched)? {
                    Fed::Known => {}
                    Fed::Applied { changed, documents } => {
                        report.orders_changed += usize::from(changed);
                        report.documents_made += documents;
                    }
                    Fed::Unreadable => report.unreadable += 1,
                }
            }
        }
        let settled = pages.settled(previous.as_ref());
        previous = Some(pages.seen().clone());
        if settled {
            report.settled = true;
            break;
        }
    }
    report.orders_seen = seen.len();
    if let Some(n) = newest {
        report.until = report.until.max(n);
    }
    Ok(report)
}

enum Fed {
    /// The version stored is this one or newer: nothing to do, nothing recorded.
    Known,
    Applied {
        changed: bool,
        documents: usize,
    },
    Unreadable,
}

/// Feeds one listed order to the intake, in its own immediate transaction.
fn feed(conn: &mut Connection, source: &str, fetched: &FetchedOrder) -> Result<Fed, SyncError> {
    with_tx(conn, |tx| {
        let mut topic = "order.updated";
        if let Some(id) = fetched.id
            && let Some(stored) = find_stored_version(tx, source, id)?
        {
            if stored.trashed {
                // The list leaves trashed orders out (status "any"), so a listed order that
                // Comptoir has in the trash came back: what its order.restored would say.
                topic = "order.restored";
            } else if already_known(&stored, fetched) {
                // Checked here rather than left to the intake, so that the order seen again
                // at every catch-up (the overlap) does not fill its history with repeats.
                return Ok(Fed::Known);
            }
        }
        let meta = DeliveryMeta::new(
            Some(source),
            Some(topic),
            None,
            Some(DELIVERY_ID),
            &fetched.body,
        );
        match delivery::read(meta, fetched.body.clone()) {
            Ok(d) => {
                let applied = intake::apply_delivery_with_rules(tx, &d)?;
                Ok(Fed::Applied {
                    changed: applied.outcome.changed_order(),
                    documents: applied.documents.made.len(),
                })
            }
            Err(unreadable) => {
                keep_unreadable(tx, &unreadable)?;
                Ok(Fed::Unreadable)
            }
        }
    })
}

/// The same bytes, or a stored version modified at the same moment or later. The list gives
/// WooCommerce's own bytes, equal to the webhook body; should a plugin make them differ, the
/// same modification date still means the same version.
fn already_known(stored: &StoredVersion, fetched: &FetchedOrder) -> bool {
    if stored.body_sha256 == sha256_hex(&fetched.body) {
        return true;
    }
    let stored_date = stored
        .date_modified_gmt
        .as_deref()
        .and_then(|t| GmtTime::parse(t).ok());
    matches!((stored_date, fetched.date_modified_gmt), (Some(s), Some(f)) if s >= f)
}

/// Keeps a listed order that cannot be read, once (it is listed again at every catch-up until
/// it changes), and tells the owner.
fn keep_unreadable(conn: &Connection, u: &Unreadable) -> Result<(), StoreError> {
    let known: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM failed_deliveries WHERE body_sha256 = ?1)",
        [&u.meta.body_sha256],
        |r| r.get(0),
    )?;
    if known {
        return Ok(());
    }
    let reason = u.reason.to_string();
    insert_failed_delivery(
        conn,
        &NewFailedDelivery {
            source: &u.meta.source,
            topic: &u.meta.topic,
            webhook_id: None,
            delivery_id: u.meta.delivery_id.as_deref(),
            reason: &reason,
            body_sha256: &u.meta.body_sha256,
            body: &u.body,
        },
    )?;
    record_activity(
        conn,
        Level::Error,
        &Message::new(
            &code::ACTIVITY_CATCH_UP_UNREADABLE,
            format!(
                "An order the shop listed during the catch-up could not be read and was kept with the failed deliveries: {reason}. It will come again with its next change."
            ),
        )
        .with("reason", reason.as_str()),
    )
}

fn record_success(
    conn: &mut Connection,
    shop: &Shop,
    report: &SyncReport,
) -> Result<(), SyncError> {
    with_tx(conn, |tx| {
        let previous_error = get_setting(tx, LAST_ERROR)?.unwrap_or_default();
        set_setting(tx, LAST_RUN_AT, &now_text())?;
        set_setting(tx, LAST_RUN_ORDERS, &report.orders_changed.to_string())?;
        set_setting(tx, LAST_ERROR, "")?;
        set_setting(tx, LAST_ERROR_AT, "")?;
        if report.settled {
            set_setting(tx, CHECKED_UNTIL, &report.until.to_string())?;
            set_setting(tx, CHECKED_SHOP, shop.url())?;
        }
        let summary = report.summary_message();
        if !previous_error.is_empty() {
            record_activity(
                tx,
                Level::Info,
                &Message::new(
                    &code::ACTIVITY_CATCH_UP_AGAIN,
                    format!("The catch-up works again. {summary}"),
                )
                .with_message("summary", &summary),
            )?;
        } else if report.unreadable > 0 || !report.settled {
            record_activity(tx, Level::Warning, &summary)?;
        } else if report.orders_changed > 0 {
            record_activity(tx, Level::Info, &summary)?;
        }
        Ok(())
    })
}

/// Remembers the failure; the activity log gets it only when it differs from the previous one,
/// so a shop that stays unreachable does not fill the log every few minutes.
fn record_failure(conn: &mut Connection, error: &SyncError) {
    let message = error.to_string();
    // When even this fails (the database is busy), the caller still gets the first error.
    let _ = with_tx(conn, |tx| -> Result<(), StoreError> {
        let previous = get_setting(tx, LAST_ERROR)?.unwrap_or_default();
        set_setting(tx, LAST_ERROR, &message)?;
        set_setting(tx, LAST_ERROR_AT, &now_text())?;
        if previous != message {
            // The error itself is the sync module's English sentence.
            record_activity(
                tx,
                Level::Error,
                &Message::new(
                    &code::ACTIVITY_CATCH_UP_FAILED,
                    format!("The catch-up of missed orders failed: {message}"),
                )
                .with("error", message.as_str()),
            )?;
        }
        Ok(())
    });
}

/// The periodic catch-up, run by the engine (the app and `comptoir serve`): once at start,
/// then every `sync.interval_minutes`, and whenever [`SyncWorker::run_now`] is called (the
/// tunnel came back, the owner pressed the button). Does nothing while no shop is connected.
pub struct SyncWorker {
    worker: Worker,
}

impl std::fmt::Debug for SyncWorker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SyncWorker")
    }
}

/// Called after each catch-up that ran or failed (for the window's "last catch-up" line, which
/// must also learn that a catch-up asked for by the owner ended badly).
pub type SyncSink = std::sync::Arc<dyn Fn(Result<&SyncReport, &SyncError>) + Send + Sync>;

impl SyncWorker {
    pub fn spawn(database: std::path::PathBuf, on_report: SyncSink) -> std::io::Result<SyncWorker> {
        let worker = Worker::spawn("catch-up", move |signal| {
            // No wait before the first catch-up; waiting zero still takes a run_now that came
            // before the thread started, which that first catch-up answers.
            let mut wait = Duration::ZERO;
            loop {
                // Woken (run_now, even one that came during the last catch-up) or the interval
                // passed: either way a catch-up is due.
                if signal.wait(wait) == Wait::Stopped {
                    return;
                }
                wait = Duration::from_secs(DEFAULT_INTERVAL_MINUTES * 60);
                if let Ok(mut conn) = comptoir_store::open(&database) {
                    wait = interval(&conn).unwrap_or(wait);
                    // Failures are recorded in the activity log by the catch-up itself; a shop
                    // not connected yet is simply nothing to do.
                    match run_configured(&mut conn) {
                        Ok(report) => on_report(Ok(&report)),
                        Err(SyncError::NotConfigured(_)) => {}
                        Err(e) => on_report(Err(&e)),
                    }
                }
            }
        })?;
        Ok(SyncWorker { worker })
    }

    /// Asks for a catch-up now.
    pub fn run_now(&self) {
        self.worker.wake();
    }

    pub fn stop(&self) {
        self.worker.stop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shops_are_recognised_across_spellings() {
        assert!(same_shop("http://127.0.0.1:8080/", "http://127.0.0.1:8080"));
        assert!(same_shop("https://Shop.be/", "http://shop.be"));
        assert!(!same_shop("https://shop.be/", "https://shop.be/fr/"));
        assert!(!same_shop("https://shop.be/", "https://www.shop.be/"));
    }

    #[test]
    fn summaries_read_well() {
        let t = GmtTime::parse("2026-11-28T14:29:36").unwrap();
        let mut r = SyncReport {
            shop: "https://shop.be".into(),
            since: t,
            until: t,
            orders_seen: 5,
            orders_changed: 4,
            documents_made: 1,
            unreadable: 0,
            passes: 1,
            settled: true,
        };
        assert_eq!(
            r.summary(),
            "Catch-up: 4 orders new or changed out of 5 modified since 2026-11-28T14:29:36 UTC; 1 document made."
        );
        r.orders_changed = 0;
        r.orders_seen = 1;
        assert_eq!(
            r.summary(),
            "Catch-up: no order was missed (1 order modified since 2026-11-28T14:29:36 UTC, all already here)."
        );
    }
}
