//! The real listener, over real HTTP, with the real deliveries captured from WooCommerce 11 and
//! their real signatures, into a real SQLite file.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::sync::Arc;

use comptoir::config::{self, ConfigKey};
use comptoir::{DataDir, Engine, ListenerState, queries};
use comptoir_testkit::{
    CAPTURE_SECRET, Capture, capture, connect_raw, get, post, post_to, raw_request, read_answer,
    scenarios, wait_closed,
};

struct Shop {
    dir: tempfile::TempDir,
    engine: Option<Engine>,
    addr: SocketAddr,
}

impl Shop {
    fn start() -> Shop {
        let dir = tempfile::tempdir().unwrap();
        let data = DataDir::at(dir.path().join("data")).unwrap();
        let conn = comptoir_store::open(&data.database()).unwrap();
        config::set(&conn, &ConfigKey::webhook_secret(), CAPTURE_SECRET).unwrap();
        drop(conn);
        let mut shop = Shop {
            dir,
            engine: None,
            addr: "127.0.0.1:0".parse().unwrap(),
        };
        shop.restart();
        shop
    }

    /// Stops everything (as at quit) and starts again on the same data folder.
    fn restart(&mut self) {
        if let Some(e) = self.engine.take() {
            e.shutdown();
        }
        let data = DataDir::at(self.dir.path().join("data")).unwrap();
        let engine = Engine::open(data, "test", Arc::new(|_| {})).unwrap();
        let status = engine.start_listener("127.0.0.1:0".parse().unwrap());
        assert_eq!(status.state, ListenerState::Listening, "{status:?}");
        self.addr = engine.listening_addr().unwrap();
        self.engine = Some(engine);
    }

    /// A fresh connection, as another process would open it.
    fn db(&self) -> rusqlite::Connection {
        comptoir_store::open(&self.dir.path().join("data/comptoir.sqlite")).unwrap()
    }

    fn count(&self, table: &str) -> i64 {
        self.db()
            .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
            .unwrap()
    }

    fn outcomes(&self, woo_id: u64) -> Vec<String> {
        let db = self.db();
        let mut stmt = db
            .prepare("SELECT outcome FROM deliveries WHERE woo_order_id = ?1 ORDER BY id")
            .unwrap();
        stmt.query_map([woo_id as i64], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    }

    fn order(&self, woo_id: u64) -> serde_json::Value {
        let db = self.db();
        let row = queries::find_order(&db, woo_id, None).unwrap();
        serde_json::to_value(queries::order_detail(&db, row.key).unwrap()).unwrap()
    }

    fn orders(&self) -> Vec<serde_json::Value> {
        serde_json::from_value(
            serde_json::to_value(queries::list_orders(&self.db()).unwrap()).unwrap(),
        )
        .unwrap()
    }

    fn nothing_stored(&self) {
        for table in ["orders", "deliveries", "failed_deliveries"] {
            assert_eq!(self.count(table), 0, "{table} must stay empty");
        }
    }
}

fn is_delivery(c: &Capture) -> bool {
    c.header("X-WC-Webhook-Signature").is_some()
}

/// The newest version of each order in a set of captures, by date_modified_gmt.
fn newest_versions(captures: &[Capture]) -> BTreeMap<u64, serde_json::Value> {
    let mut newest: BTreeMap<u64, serde_json::Value> = BTreeMap::new();
    for c in captures.iter().filter(|c| is_delivery(c)) {
        let v = c.json();
        let id = v["id"].as_u64().unwrap();
        let replace = newest
            .get(&id)
            .is_none_or(|old| v["date_modified_gmt"].as_str() >= old["date_modified_gmt"].as_str());
        if replace {
            newest.insert(id, v);
        }
    }
    newest
}

fn assert_stored_matches(shop: &Shop, expected: &BTreeMap<u64, serde_json::Value>) {
    let stored = shop.orders();
    assert_eq!(stored.len(), expected.len(), "{stored:#?}");
    for (id, body) in expected {
        let o = shop.order(*id);
        for field in [
            "status",
            "currency",
            "total",
            "total_tax",
            "customer_note",
            "date_modified_gmt",
            "date_paid_gmt",
            "number",
        ] {
            assert_eq!(o[field], body[field], "order {id} field {field}");
        }
        assert_eq!(
            o["billing_email"], body["billing"]["email"],
            "order {id} billing_email"
        );
        let paid = !body["date_paid_gmt"].is_null() || body["status"] == "completed";
        assert_eq!(o["paid"], paid, "order {id} paid");
        assert_eq!(
            o["line_items"].as_array().unwrap().len(),
            body["line_items"].as_array().unwrap().len()
        );
    }
}

#[test]
fn every_capture_replays_with_its_real_signature() {
    let shop = Shop::start();
    let mut all = Vec::new();
    for (scenario, captures) in scenarios() {
        assert!(!captures.is_empty());
        for c in &captures {
            assert_eq!(post(shop.addr, c), 200, "{scenario}/{}", c.name);
        }
        all.extend(captures);
    }
    assert_stored_matches(&shop, &newest_versions(&all));
    // Every signed delivery is in the history; pings are not.
    let signed = all.iter().filter(|c| is_delivery(c)).count() as i64;
    assert_eq!(shop.count("deliveries"), signed);
    assert_eq!(shop.count("failed_deliveries"), 0);
}

#[test]
fn captures_in_reverse_order_end_in_the_same_state() {
    let shop = Shop::start();
    let mut all: Vec<Capture> = scenarios().into_iter().flat_map(|(_, c)| c).collect();
    all.reverse();
    for c in &all {
        assert_eq!(post(shop.addr, c), 200, "{}/{}", c.scenario, c.name);
    }
    assert_stored_matches(&shop, &newest_versions(&all));
    // s01 arrived newest first: the older three changed nothing.
    assert_eq!(shop.outcomes(22), ["created", "stale", "stale", "stale"]);
}

#[test]
fn the_same_body_twice_gives_one_order() {
    let shop = Shop::start();
    let created = capture("s01", "001");
    let updated = capture("s01", "002");
    assert_eq!(
        created.body, updated.body,
        "the captures README says these are identical"
    );
    assert_eq!(post(shop.addr, &created), 200);
    assert_eq!(post(shop.addr, &updated), 200);
    assert_eq!(post(shop.addr, &created), 200);
    assert_eq!(shop.count("orders"), 1);
    assert_eq!(shop.outcomes(22), ["created", "duplicate", "duplicate"]);
    assert_eq!(shop.order(22)["revision"], 1);
}

#[test]
fn an_older_delivery_changes_nothing() {
    let shop = Shop::start();
    assert_eq!(post(shop.addr, &capture("s01", "004")), 200);
    assert_eq!(post(shop.addr, &capture("s01", "003")), 200);
    assert_eq!(post(shop.addr, &capture("s01", "001")), 200);
    let o = shop.order(22);
    assert_eq!(o["status"], "completed");
    assert_eq!(o["date_modified_gmt"], "2026-11-28T14:29:41");
    assert_eq!(o["revision"], 1);
    assert_eq!(shop.outcomes(22), ["created", "stale", "stale"]);
}

#[test]
fn a_tampered_body_is_refused_and_nothing_is_stored() {
    let shop = Shop::start();
    let c = capture("s04", "001");
    let mut body = c.body.clone();
    let at = body.windows(7).position(|w| w == b"\"70.28\"").unwrap();
    body[at + 1] = b'1'; // 70.28 → 10.28, signature unchanged
    let tampered = Capture { body, ..c };
    assert_eq!(post(shop.addr, &tampered), 401);
    shop.nothing_stored();
}

#[test]
fn a_missing_or_wrong_signature_is_refused() {
    let shop = Shop::start();
    let c = capture("s02", "001");
    assert_eq!(
        post(shop.addr, &c.with_header("X-WC-Webhook-Signature", None)),
        401
    );
    assert_eq!(
        post(
            shop.addr,
            &c.with_header("X-WC-Webhook-Signature", Some("bm9wZQ=="))
        ),
        401
    );
    assert_eq!(
        post(
            shop.addr,
            &c.with_header("X-WC-Webhook-Signature", Some("not base64"))
        ),
        401
    );
    shop.nothing_stored();
    assert_eq!(shop.count("activity"), 1, "only the listener's start line");
}

#[test]
fn a_body_over_one_mebibyte_is_413() {
    let shop = Shop::start();
    let c = capture("s01", "001");
    let mut v = c.json();
    v["customer_note"] = "x".repeat(2 * 1024 * 1024).into();
    let big = c.with_body(serde_json::to_vec(&v).unwrap());
    assert!(big.body.len() > 2 * 1024 * 1024);
    assert_eq!(post(shop.addr, &big), 413);
    shop.nothing_stored();
    // The listener still works afterwards.
    assert_eq!(post(shop.addr, &c), 200);
}

#[test]
fn signed_garbage_is_400_and_kept_for_the_owner() {
    let shop = Shop::start();
    let c = capture("s03", "002");
    let garbage = c.with_body(b"{\"id\":24,\"status\":\"processing\",\"total\":".to_vec());
    assert_eq!(post(shop.addr, &garbage), 400);
    assert_eq!(shop.count("orders"), 0);
    assert_eq!(shop.count("deliveries"), 0);
    let db = shop.db();
    let (topic, reason, body): (String, String, Vec<u8>) = db
        .query_row(
            "SELECT topic, reason, body FROM failed_deliveries",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(topic, "order.updated");
    assert!(reason.contains("not valid JSON"), "{reason}");
    assert_eq!(body, garbage.body);
    // Valid JSON that is not an order (a money field with a comma) is refused the same way.
    let mut v = c.json();
    v["total"] = "28,19".into();
    assert_eq!(
        post(shop.addr, &c.with_body(serde_json::to_vec(&v).unwrap())),
        400
    );
    assert_eq!(shop.count("failed_deliveries"), 2);
    assert_eq!(shop.count("orders"), 0);
}

#[test]
fn a_ping_is_200_and_only_logged() {
    let shop = Shop::start();
    let ping = capture("s09", "001");
    assert_eq!(ping.body, b"webhook_id=3");
    assert_eq!(post(shop.addr, &ping), 200);
    shop.nothing_stored();
    let message: String = shop
        .db()
        .query_row(
            "SELECT message FROM activity ORDER BY id DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(message.contains("pinged webhook 3"), "{message}");
}

#[test]
fn only_the_webhook_path_is_served() {
    let shop = Shop::start();
    let c = capture("s01", "001");
    assert_eq!(post_to(shop.addr, "/", &c), 404);
    assert_eq!(
        post_to(shop.addr, "/webhooks/woocommerce/../admin", &c),
        404
    );
    assert_eq!(get(shop.addr, "/"), 404);
    assert_eq!(get(shop.addr, "/webhooks/woocommerce"), 405);
    shop.nothing_stored();
}

#[test]
fn trash_and_restore_follow_woocommerce() {
    let shop = Shop::start();
    let order = capture("s01", "004");
    assert_eq!(post(shop.addr, &order), 200);
    // order.deleted carries only the id (PROTOCOL.md §1).
    let deleted = order
        .with_body(br#"{"id":22}"#.to_vec())
        .with_header("X-WC-Webhook-Topic", Some("order.deleted"))
        .with_header("X-WC-Webhook-Event", Some("deleted"));
    assert_eq!(post(shop.addr, &deleted), 200);
    assert_eq!(shop.order(22)["trashed"], true);
    let restored = order
        .with_header("X-WC-Webhook-Topic", Some("order.restored"))
        .with_header("X-WC-Webhook-Event", Some("restored"));
    assert_eq!(post(shop.addr, &restored), 200);
    assert_eq!(shop.order(22)["trashed"], false);
    assert_eq!(shop.outcomes(22), ["created", "trashed", "restored"]);
    // Deleting an order never received is recorded, and creates nothing.
    assert_eq!(
        post(shop.addr, &deleted.with_body(br#"{"id":4242}"#.to_vec())),
        200
    );
    assert_eq!(shop.count("orders"), 1);
    assert_eq!(shop.outcomes(4242), ["unknown_order"]);
}

#[test]
fn another_resource_is_ignored_with_a_hint() {
    let shop = Shop::start();
    let product = capture("s02", "001")
        .with_body(br#"{"id":14,"name":"Moulin","sku":"MOUL-001"}"#.to_vec())
        .with_header("X-WC-Webhook-Topic", Some("product.updated"))
        .with_header("X-WC-Webhook-Resource", Some("product"));
    assert_eq!(post(shop.addr, &product), 200);
    assert_eq!(shop.count("orders"), 0);
    let outcome: String = shop
        .db()
        .query_row("SELECT outcome FROM deliveries", [], |r| r.get(0))
        .unwrap();
    assert_eq!(outcome, "ignored");
    let hint: String = shop
        .db()
        .query_row(
            "SELECT message FROM activity WHERE level = 'warning'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(
        hint.contains("product.updated") && hint.contains("Order created"),
        "{hint}"
    );
}

#[test]
fn money_keeps_every_digit() {
    let shop = Shop::start();
    assert_eq!(post(shop.addr, &capture("s04", "003")), 200);
    let o = shop.order(25);
    assert_eq!(o["total"], "70.28");
    assert_eq!(o["total_tax"], "9.05");
    // `price` is a float in WooCommerce's JSON; it is read digit for digit.
    let body = capture("s04", "003").json();
    let first_price = body["line_items"][0]["price"].to_string();
    assert_eq!(o["line_items"][0]["price"], first_price.as_str());
    // Internal meta never shows; the coupon and fee lines are kept.
    assert_eq!(o["coupon_lines"][0]["code"], "bienvenue10");
    assert_eq!(o["fee_lines"][0]["total"], "2.07");
}

#[test]
fn a_secret_changed_by_another_process_is_used_at_once() {
    let shop = Shop::start();
    let c = capture("s03", "001");
    config::set(
        &shop.db(),
        &ConfigKey::webhook_secret(),
        "a-brand-new-secret-42",
    )
    .unwrap();
    assert_eq!(post(shop.addr, &c), 401, "the old secret no longer works");
    let resigned = c.with_header(
        "X-WC-Webhook-Signature",
        Some(&comptoir_woo::sign(
            &comptoir_woo::Secret::new("a-brand-new-secret-42"),
            &c.body,
        )),
    );
    assert_eq!(post(shop.addr, &resigned), 200);
}

/// Over 200 deliveries from 8 concurrent clients, in bursts with a restart in between: every
/// delivery answered 200 is in the database afterwards.
#[test]
fn every_200_under_concurrency_is_committed() {
    let mut shop = Shop::start();
    let templates: Vec<Capture> = scenarios()
        .into_iter()
        .flat_map(|(_, c)| c)
        .filter(is_delivery)
        .collect();
    let mut answered_ok = Vec::new();
    for burst in 0..4u64 {
        let addr = shop.addr;
        let handles: Vec<_> = (0..8u64)
            .map(|client| {
                let templates = templates.clone();
                std::thread::spawn(move || {
                    let mut ok = Vec::new();
                    // 8 clients × 7 deliveries × 4 bursts = 224 deliveries.
                    for n in 0..7u64 {
                        let id = 10_000 + burst * 100 + client * 10 + n;
                        let c = templates[(id as usize) % templates.len()].with_order_id(id);
                        if post(addr, &c) == 200 {
                            ok.push(id);
                        }
                    }
                    ok
                })
            })
            .collect();
        for h in handles {
            answered_ok.extend(h.join().unwrap());
        }
        shop.restart();
    }
    assert!(answered_ok.len() >= 200, "sent {}", answered_ok.len());
    let stored: std::collections::HashSet<i64> = shop
        .db()
        .prepare("SELECT woo_id FROM orders")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    for id in &answered_ok {
        assert!(
            stored.contains(&(*id as i64)),
            "order {id} was answered 200 but is missing"
        );
    }
    assert_eq!(stored.len(), answered_ok.len());
}

/// A port another program holds: the listener says so with a sentence the window can word in
/// the owner's language (its code and the port), and stays stopped.
#[test]
fn a_busy_port_is_told_with_its_code_and_port() {
    let shop = Shop::start();
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port();
    let engine = shop.engine.as_ref().unwrap();
    let status = engine.start_listener(SocketAddr::from(([127, 0, 0, 1], port)));
    assert_eq!(status.state, ListenerState::PortBusy, "{status:?}");
    let reason = status.reason.expect("a reason");
    assert_eq!(reason.code_id(), Some("listener.port_busy"), "{reason:?}");
    assert_eq!(reason.params["port"], port, "{reason:?}");
    assert!(
        reason
            .message
            .contains(&format!("Another program already uses port {port}")),
        "{reason:?}"
    );
    assert_eq!(engine.listening_addr(), None);
}

/// A tunnel agent (cloudflared) forwards deliveries over connections it keeps open, and opens
/// several at once when deliveries arrive together. Every delivery must still be answered within
/// WooCommerce's 5 s timeout, whatever other connections stay open beside it.
#[test]
fn deliveries_over_kept_alive_connections_are_all_answered_in_time() {
    use std::io::Write;
    let shop = Shop::start();
    let template = capture("s03", "001");
    // Opened together, as a burst makes the agent do; none is closed until the end.
    let mut connections: Vec<std::net::TcpStream> =
        (0..16).map(|_| connect_raw(shop.addr).unwrap()).collect();
    // Two rounds: the second goes over the same connections, kept open after the first answers.
    for round in 0..2u64 {
        for (n, stream) in connections.iter_mut().enumerate() {
            let c = template.with_order_id(20_000 + round * 100 + n as u64);
            stream
                .write_all(&raw_request(shop.addr, &c, false))
                .unwrap();
        }
        for (n, stream) in connections.iter_mut().enumerate() {
            let answer = read_answer(stream);
            assert!(
                matches!(answer, Ok(200)),
                "round {round}, delivery {n}: not answered 200 within 5 s: {answer:?}"
            );
        }
    }
    assert_eq!(shop.count("orders"), 32);
}

/// When the listener stops (the owner's "restart listener", a port change, quitting), the
/// connections kept open to it are closed at once. A reverse proxy that pools its connections
/// (the owner's own, with the Manual provider) then opens a new one to the new listener instead
/// of sending the next delivery over a connection that nobody answers any more.
#[test]
fn a_stopped_listener_closes_its_kept_alive_connections() {
    use std::io::Write;
    let mut shop = Shop::start();
    let template = capture("s03", "001");
    let mut kept = connect_raw(shop.addr).unwrap();
    kept.write_all(&raw_request(
        shop.addr,
        &template.with_order_id(30_000),
        false,
    ))
    .unwrap();
    assert!(matches!(read_answer(&mut kept), Ok(200)));

    let old = shop.addr;
    let engine = shop.engine.as_ref().unwrap();
    let status = engine.start_listener("127.0.0.1:0".parse().unwrap());
    assert_eq!(status.state, ListenerState::Listening, "{status:?}");
    shop.addr = engine.listening_addr().unwrap();

    // The old connection ends instead of staying open.
    if let Err(e) = wait_closed(&mut kept) {
        panic!("the connection to the stopped listener on {old} stayed open: {e}");
    }
    // The new listener takes the next delivery.
    assert_eq!(post(shop.addr, &template.with_order_id(30_001)), 200);
    assert_eq!(shop.count("orders"), 2);
}
