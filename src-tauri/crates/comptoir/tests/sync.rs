//! The catch-up over real HTTP against a local stand-in serving the REST responses recorded
//! from a real WooCommerce 11 (`captures/rest/`), into a real SQLite file through the same
//! intake as the webhooks; the race of a webhook and a catch-up for the same order; and a
//! cloudflared restart moving the webhooks to the new address.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../../woo/tests/support/standin.rs"]
mod standin;

use std::sync::{Arc, mpsc};

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use std::time::Duration;

use comptoir::config::{self, ConfigKey};
use comptoir::{intake, sync};
use comptoir_core::GmtTime;
use comptoir_store::settings::{get_setting, set_setting};
use comptoir_store::{Connection, with_tx};
use comptoir_testkit::{Capture, capture};
use comptoir_woo::Secret;
use comptoir_woo::rest::{Client, Shop};
use standin::{Recorded, Seen, StandIn, Webhooks, recorded_order_pages, serve_order_pages};

const KEY: &str = "ck_0d5b7e1c2a9f4e3b8a6d0c1e2f3a4b5c6d7e8f90";
const SECRET: &str = "cs_9f8e7d6c5b4a39281706f5e4d3c2b1a0f9e8d7c6";
/// What webhooks deliver as X-WC-Webhook-Source for the captured shop.
const SOURCE: &str = "http://127.0.0.1:8080/";

struct Db {
    _dir: tempfile::TempDir,
    conn: Connection,
}

impl Db {
    /// Invoices, made when the order is created.
    fn new() -> Db {
        let dir = tempfile::tempdir().unwrap();
        let data = comptoir::DataDir::at(dir.path().join("data")).unwrap();
        let conn = comptoir_store::open(&data.database()).unwrap();
        config::set(
            &conn,
            &ConfigKey::parse("documents.kind").unwrap(),
            "invoice",
        )
        .unwrap();
        config::set(
            &conn,
            &ConfigKey::parse("documents.trigger").unwrap(),
            "created",
        )
        .unwrap();
        Db { _dir: dir, conn }
    }

    /// The shop in the settings, as the connection screen will store it.
    fn connect(&self, url: &str) {
        set_setting(&self.conn, sync::KEY_URL, url).unwrap();
        set_setting(&self.conn, sync::KEY_CONSUMER_KEY, KEY).unwrap();
        comptoir::secrets::write(&self.conn, sync::KEY_CONSUMER_SECRET, SECRET).unwrap();
    }

    /// Where the previous catch-up left off.
    fn checked_until(&self, url: &str, t: &str) {
        set_setting(&self.conn, sync::CHECKED_UNTIL, t).unwrap();
        set_setting(&self.conn, sync::CHECKED_SHOP, url).unwrap();
    }

    fn setting(&self, key: &str) -> Option<String> {
        get_setting(&self.conn, key).unwrap()
    }

    fn count(&self, sql: &str) -> i64 {
        self.conn.query_row(sql, [], |r| r.get(0)).unwrap()
    }

    fn strings(&self, sql: &str) -> Vec<String> {
        let mut stmt = self.conn.prepare(sql).unwrap();
        stmt.query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    }

    fn webhook(&mut self, scenario: &str, file: &str) -> intake::Applied {
        let d = capture(scenario, file).delivery();
        with_tx(&mut self.conn, |tx| {
            intake::apply_delivery_with_rules(tx, &d)
        })
        .unwrap()
    }

    fn orders_and_documents(&self, woo_id: u64) -> (i64, i64) {
        (
            self.count(&format!("SELECT count(*) FROM orders WHERE woo_id = {woo_id}")),
            self.count(&format!(
                "SELECT count(*) FROM documents d JOIN orders o ON o.key = d.order_key WHERE o.woo_id = {woo_id}"
            )),
        )
    }
}

fn client(shop: &StandIn) -> Client {
    Client::new(Shop::new(&shop.url(), KEY, Secret::new(SECRET)).unwrap())
}

/// The shop of the s06 captures (an order refunded twice) as its REST API answers: the order
/// list (rest/05) and order 26's refunds with their lines (rest/06).
fn shop_with_refunds() -> StandIn {
    StandIn::start(|s: &Seen| {
        if s.path == "/wp-json/wc/v3/orders/26/refunds" {
            Recorded::load("06")
        } else if s.path == "/wp-json/wc/v3/orders" {
            Recorded::load("05")
        } else {
            standin::not_found()
        }
    })
}

/// The webhooks of scenario s06, in the order WooCommerce sent them: created, paid, completed,
/// then the two refunds.
fn s06_webhooks() -> Vec<Capture> {
    comptoir_testkit::scenarios()
        .into_iter()
        .find(|(s, _)| s.starts_with("s06"))
        .unwrap()
        .1
}

/// The engine on `db`'s data folder, sending what `pick` keeps of its events.
fn engine_telling<T: Send + 'static>(
    db: &Db,
    pick: impl Fn(comptoir::Event) -> Option<T> + Send + Sync + 'static,
) -> (comptoir::Engine, mpsc::Receiver<T>) {
    let data = comptoir::DataDir::at(db._dir.path().join("data")).unwrap();
    let (tx, rx) = mpsc::channel();
    let tx = std::sync::Mutex::new(tx);
    let engine = comptoir::Engine::open(
        data,
        "test",
        Arc::new(move |e| {
            if let Some(v) = pick(e)
                && let Ok(tx) = tx.lock()
            {
                let _ = tx.send(v);
            }
        }),
    )
    .unwrap();
    (engine, rx)
}

fn expected_query(since: &str, page: &str) -> Vec<(String, String)> {
    [
        ("modified_after", since),
        ("dates_are_gmt", "true"),
        ("orderby", "modified"),
        ("order", "asc"),
        ("per_page", "100"),
        ("page", page),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect()
}

#[test]
fn catch_up_stores_the_recorded_orders_once() {
    let shop = StandIn::start(serve_order_pages(recorded_order_pages()));
    let mut db = Db::new();
    db.connect(&shop.url());
    // The previous catch-up read everything up to 14:29:37; one second of overlap gives the
    // recorded `modified_after=2026-11-28T14:29:36`.
    db.checked_until(&shop.url(), "2026-11-28T14:29:37");

    let report = sync::run_configured(&mut db.conn).unwrap();

    // The exact requests: the recorded query (100 per page), pages 1–3, the key as Basic.
    let requests = shop.take_requests();
    assert_eq!(requests.len(), 3, "{requests:?}");
    let basic = format!("Basic {}", STANDARD.encode(format!("{KEY}:{SECRET}")));
    for (r, page) in requests.iter().zip(["1", "2", "3"]) {
        assert_eq!(
            (r.method.as_str(), r.path.as_str()),
            ("GET", "/wp-json/wc/v3/orders")
        );
        assert_eq!(r.query, expected_query("2026-11-28T14:29:36", page));
        assert_eq!(r.header("Authorization"), Some(basic.as_str()));
        assert!(!r.raw_url.contains(SECRET));
    }

    assert_eq!(report.since, GmtTime::parse("2026-11-28T14:29:36").unwrap());
    assert_eq!(report.until, GmtTime::parse("2026-11-28T14:30:03").unwrap());
    assert_eq!(
        (report.orders_seen, report.orders_changed, report.passes),
        (5, 5, 1)
    );
    assert!(report.settled);
    // Invoices at creation for 22–25; 26 is refunded (no document for a refunded order).
    assert_eq!(report.documents_made, 4);
    assert_eq!(db.count("SELECT count(*) FROM documents"), 4);
    assert_eq!(
        db.strings("SELECT woo_id || ' ' || status || ' ' || source FROM orders ORDER BY woo_id"),
        [
            "22 completed http://127.0.0.1:8080/",
            "23 completed http://127.0.0.1:8080/",
            "24 completed http://127.0.0.1:8080/",
            "25 processing http://127.0.0.1:8080/",
            "26 refunded http://127.0.0.1:8080/",
        ]
    );
    assert_eq!(
        db.strings("SELECT DISTINCT topic || ' ' || delivery_id || ' ' || outcome FROM deliveries"),
        ["order.updated catch-up created"]
    );
    // The stored body of 22 is the very webhook body (so its hash is too).
    let body: Vec<u8> = db
        .conn
        .query_row("SELECT body FROM orders WHERE woo_id = 22", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(body, capture("s01", "004").body);

    assert_eq!(db.setting(sync::LAST_RUN_ORDERS).as_deref(), Some("5"));
    assert!(db.setting(sync::LAST_RUN_AT).is_some());
    assert_eq!(db.setting(sync::LAST_ERROR).as_deref(), Some(""));
    assert_eq!(
        db.setting(sync::CHECKED_UNTIL).as_deref(),
        Some("2026-11-28T14:30:03")
    );
    let last = sync::last_run(&db.conn).unwrap();
    assert_eq!((last.orders, last.error), (Some(5), None));
    let activity = db.strings("SELECT message FROM activity");
    assert!(
        activity.contains(&report.summary()),
        "{activity:?} / {}",
        report.summary()
    );
    assert!(
        report
            .summary()
            .starts_with("Catch-up: 5 orders new or changed out of 5")
    );

    // The secret is in no setting, no activity line, no report.
    let everything =
        db.strings("SELECT value FROM settings UNION ALL SELECT message FROM activity");
    assert!(!everything.iter().any(|v| v.contains(SECRET)));
    assert!(!format!("{report:?}").contains(SECRET));

    // The next catch-up starts one second before the newest change seen, and finds nothing new
    // (the stand-in lists the same orders again): nothing stored, no history entry, no line.
    let report = sync::run_configured(&mut db.conn).unwrap();
    let requests = shop.take_requests();
    assert_eq!(
        requests[0].query,
        expected_query("2026-11-28T14:30:02", "1")
    );
    assert_eq!(
        (
            report.orders_seen,
            report.orders_changed,
            report.documents_made
        ),
        (5, 0, 0)
    );
    assert_eq!(db.count("SELECT count(*) FROM deliveries"), 5);
    assert_eq!(db.count("SELECT count(*) FROM documents"), 4);
    assert_eq!(
        db.strings("SELECT message FROM activity").len(),
        activity.len()
    );
    assert_eq!(db.setting(sync::LAST_RUN_ORDERS).as_deref(), Some("0"));
}

/// A stand-in listing only order 22 (from rest/02), as WooCommerce wrote it or re-serialised.
fn shop_with_order_22(reserialise: bool) -> StandIn {
    let page1 = Recorded::load("02");
    let mut orders = page1.value();
    orders.as_array_mut().unwrap().retain(|o| o["id"] == 22);
    let body = if reserialise {
        serde_json::to_vec_pretty(&orders).unwrap()
    } else {
        // WooCommerce's own bytes for the element, cut out of the recorded list.
        let raw = String::from_utf8(page1.body.clone()).unwrap();
        let start = raw.find("{\"id\":22,").unwrap();
        let end = raw.find(",{\"id\":23,").unwrap();
        format!("[{}]", &raw[start..end]).into_bytes()
    };
    let page = page1
        .with_body(body)
        .with_header("X-WP-Total", Some("1"))
        .with_header("X-WP-TotalPages", Some("1"))
        .with_header("Link", None);
    StandIn::start(serve_order_pages(vec![page]))
}

fn catch_up_22(db: &mut Db, shop: &StandIn) -> sync::SyncReport {
    sync::catch_up_since(
        &mut db.conn,
        &client(shop),
        GmtTime::parse("2026-11-28T14:29:36").unwrap(),
    )
    .unwrap()
}

#[test]
fn webhook_then_catch_up_gives_one_order_and_one_document() {
    for reserialise in [false, true] {
        let shop = shop_with_order_22(reserialise);
        let mut db = Db::new();
        // s01: created on-hold, then processing, then completed (its last state).
        for f in ["001", "002", "003", "004"] {
            db.webhook("s01", f);
        }
        assert_eq!(db.orders_and_documents(22), (1, 1));
        let deliveries = db.count("SELECT count(*) FROM deliveries");

        let report = catch_up_22(&mut db, &shop);
        assert_eq!(
            (report.orders_seen, report.orders_changed),
            (1, 0),
            "{reserialise}"
        );
        assert_eq!(report.documents_made, 0);
        assert_eq!(db.orders_and_documents(22), (1, 1), "{reserialise}");
        assert_eq!(
            db.count("SELECT count(*) FROM deliveries"),
            deliveries,
            "a version already stored is not recorded again"
        );
    }
}

#[test]
fn catch_up_then_webhook_gives_one_order_and_one_document() {
    for reserialise in [false, true] {
        let shop = shop_with_order_22(reserialise);
        let mut db = Db::new();
        let report = catch_up_22(&mut db, &shop);
        assert_eq!((report.orders_changed, report.documents_made), (1, 1));
        assert_eq!(
            db.strings("SELECT source FROM orders"),
            [SOURCE],
            "stored under the source webhooks use"
        );

        // The webhooks arrive late (the tunnel was down): older versions, then the same one.
        for f in ["001", "002", "003"] {
            db.webhook("s01", f);
        }
        let last = db.webhook("s01", "004");
        assert_eq!(db.orders_and_documents(22), (1, 1), "{reserialise}");
        let outcome = last.outcome.as_str();
        if reserialise {
            // Other bytes, same modification date: stored again, but no second document.
            assert_eq!(outcome, "updated");
        } else {
            assert_eq!(
                outcome, "duplicate",
                "WooCommerce's own bytes: the same hash"
            );
        }
        assert_eq!(
            db.strings("SELECT outcome FROM deliveries ORDER BY id"),
            if reserialise {
                ["created", "stale", "stale", "stale", "updated"]
            } else {
                ["created", "stale", "stale", "stale", "duplicate"]
            }
        );
    }
}

#[test]
fn a_shop_that_cannot_be_reached_is_told_once_and_recovery_too() {
    let mut db = Db::new();
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let closed = format!("http://127.0.0.1:{port}");
    db.connect(&closed);
    db.checked_until(&closed, "2026-11-28T14:29:37");
    for _ in 0..3 {
        let err = sync::run_configured(&mut db.conn).unwrap_err();
        assert!(
            err.to_string()
                .starts_with(&format!("Comptoir could not reach the shop at {closed}: ")),
            "{err}"
        );
    }
    let errors = db.strings("SELECT message FROM activity WHERE level = 'error'");
    assert_eq!(errors.len(), 1, "told once: {errors:?}");
    assert!(
        errors[0].starts_with("The catch-up of missed orders failed: Comptoir could not reach")
    );
    let last = sync::last_run(&db.conn).unwrap();
    assert!(last.error.is_some() && last.error_at.is_some() && last.at.is_none());

    let shop = StandIn::start(serve_order_pages(recorded_order_pages()));
    db.connect(&shop.url());
    db.checked_until(&shop.url(), "2026-11-28T14:29:37");
    sync::run_configured(&mut db.conn).unwrap();
    let last = sync::last_run(&db.conn).unwrap();
    assert_eq!((last.error, last.orders), (None, Some(5)));
    let info = db.strings("SELECT message FROM activity WHERE level = 'info'");
    assert!(
        info.iter()
            .any(|m| m.starts_with("The catch-up works again. Catch-up: 5 orders")),
        "{info:?}"
    );
}

#[test]
fn a_bad_key_is_a_sentence_in_the_activity_log() {
    let shop = StandIn::start(|_: &Seen| Recorded::load("07"));
    let mut db = Db::new();
    db.connect(&shop.url());
    let err = sync::run_configured(&mut db.conn).unwrap_err();
    assert_eq!(
        err.to_string(),
        "The shop refused the API key: Sorry, you cannot list resources. Create a key with Read/Write access in WooCommerce → Settings → Advanced → REST API and enter it in Comptoir."
    );
    let errors = db.strings("SELECT message FROM activity WHERE level = 'error'");
    assert_eq!(
        errors,
        [format!("The catch-up of missed orders failed: {err}")]
    );
}

#[test]
fn the_first_catch_up_looks_back_one_hour() {
    let shop = StandIn::start(serve_order_pages(vec![Recorded::load("05")]));
    let mut db = Db::new();
    db.connect(&shop.url());
    let before = GmtTime::now();
    let report = sync::run_configured(&mut db.conn).unwrap();
    assert_eq!(report.orders_seen, 0);
    let asked = GmtTime::parse(shop.requests()[0].param("modified_after").unwrap()).unwrap();
    let hour = chrono::TimeDelta::hours(1);
    assert!(
        asked.0 >= before.0 - hour - chrono::TimeDelta::seconds(2)
            && asked.0 <= GmtTime::now().0 - hour,
        "{asked}"
    );
    // Nothing seen: the next one starts from the same point, not from a new "now".
    assert_eq!(
        db.setting(sync::CHECKED_UNTIL),
        Some(report.until.to_string())
    );
    sync::run_configured(&mut db.conn).unwrap();
    assert_eq!(
        shop.requests()[1].param("modified_after"),
        Some(asked.to_string().as_str())
    );
}

#[test]
fn without_a_shop_there_is_nothing_to_do() {
    let mut db = Db::new();
    let err = sync::run_configured(&mut db.conn).unwrap_err();
    assert!(
        matches!(err, sync::SyncError::NotConfigured("woocommerce.url")),
        "{err:?}"
    );
    assert!(err.to_string().contains("Connection screen"));
    assert_eq!(sync::interval(&db.conn).unwrap(), Duration::from_secs(600));
    set_setting(&db.conn, sync::KEY_INTERVAL, "3").unwrap();
    assert_eq!(sync::interval(&db.conn).unwrap(), Duration::from_secs(180));
}

/// A stand-in `cloudflared` whose first run prints a real quick-tunnel log and exits; the
/// second prints another address and stays up.
#[cfg(unix)]
#[test]
fn webhooks_follow_the_tunnel_when_cloudflared_restarts() {
    use comptoir_tunnel::{Cloudflared, CloudflaredOptions, Provider};
    use std::os::unix::fs::PermissionsExt;

    const BOX: &str = "+--------------------------------------------------------------------------------------------+";
    const TOP: &str = "|  Your quick Tunnel has been created! Visit it at (it may take some time to be reachable):  |";
    let dir = tempfile::tempdir().unwrap();
    let run = |n: u32, url_line: &str| {
        let text = format!(
            "2022-07-08T16:13:33Z INF Requesting new quick Tunnel on trycloudflare.com...\n\
             2022-07-08T16:13:35Z INF {BOX}\n2022-07-08T16:13:35Z INF {TOP}\n\
             2022-07-08T16:13:35Z INF {url_line}\n2022-07-08T16:13:35Z INF {BOX}\n"
        );
        std::fs::write(dir.path().join(format!("run{n}.log")), text).unwrap();
    };
    run(
        1,
        "|  https://encouraged-slope-jul-leader.trycloudflare.com                                     |",
    );
    run(
        2,
        "|  https://processor-identifies-botswana-messaging.trycloudflare.com                         |",
    );
    let exe = dir.path().join("cloudflared");
    std::fs::write(
        &exe,
        "#!/bin/sh\nhere=$(dirname \"$0\")\nn=$(( $(cat \"$here/runs\" 2>/dev/null || echo 0) + 1 ))\n\
         echo \"$n\" > \"$here/runs\"\ncat \"$here/run$n.log\" >&2\n\
         if [ \"$n\" = 1 ]; then sleep 1; exit 1; fi\nexec sleep 600\n",
    )
    .unwrap();
    std::fs::set_permissions(&exe, std::fs::Permissions::from_mode(0o755)).unwrap();

    let mut list = Webhooks::recorded();
    list[0]["name"] = serde_json::json!("Comptoir: order created");
    list[1]["name"] = serde_json::json!("Comptoir: order updated");
    let hooks = Webhooks::new(list);
    let h = Arc::clone(&hooks);
    let shop = StandIn::start(move |s: &Seen| h.handle(s));
    let woo = Arc::new(client(&shop));
    let secret = Secret::new("Wq3bXk9P2mLr7TnV5cYh8JdF4sGa6ZeU1oIy0BvN");

    // What the app does with each new address: move the webhooks there.
    let (tx, rx) = mpsc::channel();
    let (w, s) = (Arc::clone(&woo), secret.clone());
    let mut tunnel = Cloudflared::new(&exe, 8787)
        .with_options(CloudflaredOptions {
            first_backoff: Duration::from_millis(200),
            ..Default::default()
        })
        .on_url_change(move |url| {
            let delivery = format!("{url}{}", comptoir_woo::WEBHOOK_PATH);
            let report = w.ensure_webhooks(&delivery, &s).unwrap();
            let _ = tx.send((delivery, report));
        });
    tunnel.start().unwrap();
    let (first, report) = rx.recv_timeout(Duration::from_secs(10)).unwrap();
    assert_eq!(
        first,
        "https://encouraged-slope-jul-leader.trycloudflare.com/webhooks/woocommerce"
    );
    assert_eq!(report.created(), 0);
    let (second, report) = rx.recv_timeout(Duration::from_secs(15)).unwrap();
    assert_eq!(
        second,
        "https://processor-identifies-botswana-messaging.trycloudflare.com/webhooks/woocommerce"
    );
    assert!(report.changed_anything() && report.created() == 0);
    tunnel.stop();
    for w in hooks.list() {
        assert_eq!(w["delivery_url"], second.as_str());
        assert_eq!(w["status"], "active");
    }
    let puts = shop.requests().iter().filter(|r| r.method == "PUT").count();
    assert_eq!(puts, 4, "two webhooks moved at each of the two addresses");
}

/// The engine (the app, `comptoir serve`) catches up at start, on its own, and tells the
/// window; and again when asked.
#[test]
fn the_engine_catches_up_at_start_and_when_asked() {
    let shop = StandIn::start(serve_order_pages(recorded_order_pages()));
    let db = {
        let db = Db::new();
        db.connect(&shop.url());
        db.checked_until(&shop.url(), "2026-11-28T14:29:37");
        db
    };
    let (engine, rx) = engine_telling(&db, |e| match e {
        comptoir::Event::CatchUp { orders_changed, .. } => Some(orders_changed),
        _ => None,
    });
    let changed = rx
        .recv_timeout(std::time::Duration::from_secs(20))
        .expect("no catch-up at start");
    assert_eq!(changed, 5);
    let count: i64 = db
        .conn
        .query_row("SELECT count(*) FROM orders", [], |r| r.get(0))
        .unwrap();
    assert_eq!(count, 5);
    let before = shop.requests().len();
    engine.catch_up_now();
    let changed = rx
        .recv_timeout(std::time::Duration::from_secs(20))
        .expect("no catch-up when asked");
    assert_eq!(changed, 0, "nothing new the second time");
    assert!(shop.requests().len() > before);
    engine.shutdown();
}

/// A catch-up that fails is announced too, with its sentence: the window's "Catch up now" must
/// learn that it ended, and why.
#[test]
fn the_engine_announces_a_failed_catch_up() {
    let shop = StandIn::start(|_: &Seen| Recorded::load("07"));
    let db = Db::new();
    db.connect(&shop.url());
    let (engine, rx) = engine_telling(&db, |e| match e {
        comptoir::Event::CatchUp {
            orders_changed,
            error,
            ..
        } => Some((orders_changed, error)),
        _ => None,
    });
    let (changed, error) = rx
        .recv_timeout(std::time::Duration::from_secs(20))
        .expect("no event for the failed catch-up at start");
    assert_eq!(changed, 0);
    let error = error.expect("the event says the catch-up failed");
    assert!(error.starts_with("The shop refused the API key"), "{error}");
    engine.shutdown();
}

/// A refund's webhook gives only its amount and VAT; once the shop's REST API is connected, the
/// catch-up reads the refund's own lines (rest/06, the refunds of the s06 order) and puts them
/// on the credit-note concepts, and the refunded products come back into stock.
#[test]
fn credit_notes_get_the_refunded_lines_from_the_shop() {
    let shop = shop_with_refunds();
    let mut db = Db::new();
    let s06 = s06_webhooks();
    let deliver = |conn: &mut Connection, c: &Capture| {
        let d = c.delivery();
        with_tx(conn, |tx| intake::apply_delivery_with_rules(tx, &d)).unwrap();
    };
    for c in &s06[..3] {
        deliver(&mut db.conn, c);
    }
    let docs = |conn: &Connection| {
        let mut d = comptoir::documents::list(conn, &Default::default()).unwrap();
        d.sort_by_key(|d| d.id);
        d
    };
    let invoice = docs(&db.conn)[0].id;
    comptoir::documents::finalize(&mut db.conn, invoice).unwrap();
    deliver(&mut db.conn, &s06[3]);
    deliver(&mut db.conn, &s06[4]);
    let notes: Vec<_> = docs(&db.conn)
        .into_iter()
        .filter(|d| d.kind == "credit_note")
        .collect();
    assert_eq!(notes.len(), 2);
    let lines = |conn: &Connection, id: i64| {
        comptoir::documents::show(conn, id)
            .unwrap()
            .content
            .lines
            .iter()
            .map(|l| {
                format!(
                    "{} | {} | {} x {} | {}% | {} + {}",
                    l.sku.as_deref().unwrap_or("-"),
                    l.description,
                    l.quantity,
                    l.unit_price_excl,
                    l.vat_rate,
                    l.total_excl,
                    l.vat
                )
            })
            .collect::<Vec<_>>()
    };
    // From the webhook alone: the broken tablet's refund is one row "per rate", no SKU.
    let before = lines(&db.conn, notes[0].id);
    assert!(before.iter().all(|l| l.starts_with("- |")), "{before:?}");
    let stock_of = |conn: &Connection, sku: &str| {
        comptoir::stock::ledger(conn, Some(sku))
            .unwrap()
            .iter()
            .map(|m| comptoir_core::Money::parse(&m.quantity).unwrap())
            .sum::<comptoir_core::Money>()
    };
    let choc_before = stock_of(&db.conn, "CHOC-072");

    db.connect(&shop.url());
    db.checked_until(&shop.url(), "2026-11-28T14:29:37");
    sync::run_configured(&mut db.conn).unwrap();

    let refund_requests = || {
        shop.requests()
            .iter()
            .filter(|r| r.path == "/wp-json/wc/v3/orders/26/refunds")
            .count()
    };
    assert_eq!(refund_requests(), 1, "one request for the order's refunds");
    assert_eq!(
        lines(&db.conn, notes[0].id),
        ["CHOC-072 | Chocolat noir 72 % – tablette 100 g | 1 x 3.29 | 6% | 3.29 + 0.20"]
    );
    let full = lines(&db.conn, notes[1].id);
    assert_eq!(full.len(), 4, "{full:?}");
    assert!(full[0].starts_with("MOUL-001 | "), "{full:?}");
    assert!(full[3].ends_with("| 21% | 4.09 + 0.86"), "{full:?}");
    // The amounts stay those of the refunds.
    let after: Vec<_> = docs(&db.conn)
        .into_iter()
        .filter(|d| d.kind == "credit_note")
        .map(|d| (d.total, d.total_vat))
        .collect();
    assert_eq!(
        after,
        [
            ("3.49".to_owned(), "0.20".to_owned()),
            ("52.59".to_owned(), "8.72".to_owned())
        ]
    );
    // Both refunds gave back one tablet each.
    assert_eq!(
        (stock_of(&db.conn, "CHOC-072") - choc_before).to_string(),
        "2"
    );

    // Read once: the next catch-up does not ask again, and a final credit note never changes.
    sync::run_configured(&mut db.conn).unwrap();
    assert_eq!(refund_requests(), 1);
}

/// In the running engine, a refund's webhook that makes a credit note asks for a catch-up at
/// once, so the refunded lines are on the concept within seconds, not at the next timer.
#[test]
fn a_refund_webhook_brings_its_lines_within_seconds() {
    let shop = shop_with_refunds();
    let db = Db::new();
    db.connect(&shop.url());
    db.checked_until(&shop.url(), "2026-11-28T14:29:37");
    config::set(
        &db.conn,
        &ConfigKey::webhook_secret(),
        comptoir_testkit::CAPTURE_SECRET,
    )
    .unwrap();
    // A long timer: only the webhook can be what asks for the catch-up.
    config::set(
        &db.conn,
        &ConfigKey::parse("sync.interval_minutes").unwrap(),
        "600",
    )
    .unwrap();
    let (engine, rx) = engine_telling(&db, |e| match e {
        comptoir::Event::CatchUp { .. } => Some(()),
        _ => None,
    });
    // The catch-up at start.
    rx.recv_timeout(Duration::from_secs(20)).unwrap();
    engine.start_listener("127.0.0.1:0".parse().unwrap());
    let addr = engine.listening_addr().unwrap();
    let s06 = s06_webhooks();
    for c in &s06[..3] {
        assert_eq!(comptoir_testkit::post(addr, c), 200);
    }
    let invoice = comptoir::documents::list(&db.conn, &Default::default()).unwrap()[0].id;
    let mut conn = comptoir_store::open(&db._dir.path().join("data/comptoir.sqlite")).unwrap();
    comptoir::documents::finalize(&mut conn, invoice).unwrap();
    assert_eq!(comptoir_testkit::post(addr, &s06[3]), 200);
    rx.recv_timeout(Duration::from_secs(20))
        .expect("no catch-up after the refund's webhook");
    let note = comptoir::documents::list(&db.conn, &Default::default())
        .unwrap()
        .into_iter()
        .find(|d| d.kind == "credit_note")
        .unwrap();
    let lines = comptoir::documents::show(&db.conn, note.id)
        .unwrap()
        .content
        .lines;
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0].sku.as_deref(), Some("CHOC-072"));
    engine.shutdown();
}
