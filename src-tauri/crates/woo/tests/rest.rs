//! The REST client over real HTTP against a local stand-in that answers with the responses
//! recorded from a real WooCommerce 11 (`captures/rest/`), checking the exact requests sent.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "support/standin.rs"]
mod standin;

use base64::Engine as _;
use comptoir_core::GmtTime;
use comptoir_woo::Secret;
use comptoir_woo::rest::{Client, RestError, Shop, WebhookAction};
use serde_json::{Value, json};
use standin::{Recorded, Seen, StandIn, Webhooks, recorded_order_pages, serve_order_pages};

const KEY: &str = "ck_0d5b7e1c2a9f4e3b8a6d0c1e2f3a4b5c6d7e8f90";
const SECRET: &str = "cs_9f8e7d6c5b4a39281706f5e4d3c2b1a0f9e8d7c6";
/// Just before scenario s01, as in the recorded requests.
const SINCE: &str = "2026-11-28T14:29:36";
const NEW_URL: &str =
    "https://processor-identifies-botswana-messaging.trycloudflare.com/webhooks/woocommerce";

fn client(standin: &StandIn) -> Client {
    Client::new(Shop::new(&standin.url(), KEY, Secret::new(SECRET)).unwrap())
}

fn since() -> GmtTime {
    GmtTime::parse(SINCE).unwrap()
}

fn basic() -> String {
    format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode(format!("{KEY}:{SECRET}"))
    )
}

/// Every request carries the key as HTTP Basic, and the secret nowhere else.
fn assert_authenticated(requests: &[Seen]) {
    for r in requests {
        assert_eq!(r.header("Authorization"), Some(basic().as_str()), "{r:?}");
        assert!(!r.raw_url.contains("consumer"), "{}", r.raw_url);
        assert!(!r.raw_url.contains(SECRET), "{}", r.raw_url);
    }
}

fn order_query(r: &Seen, per_page: &str, page: &str) {
    assert_eq!(r.method, "GET");
    assert_eq!(r.path, "/wp-json/wc/v3/orders");
    let expected: Vec<(String, String)> = [
        ("modified_after", SINCE),
        ("dates_are_gmt", "true"),
        ("orderby", "modified"),
        ("order", "asc"),
        ("per_page", per_page),
        ("page", page),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    assert_eq!(r.query, expected, "{}", r.raw_url);
}

#[test]
fn catch_up_follows_the_recorded_pages() {
    let shop = StandIn::start(serve_order_pages(recorded_order_pages()));
    // Two per page, as recorded, so that the requests are the recorded ones (plus `page=1`).
    let orders = client(&shop)
        .with_page_size(2)
        .orders_modified_after(since())
        .unwrap();
    let ids: Vec<u64> = orders.iter().map(|o| o.id.unwrap()).collect();
    assert_eq!(ids, [22, 23, 24, 25, 26]);
    for o in &orders {
        let order = o.order.as_ref().unwrap();
        assert_eq!(Some(order.id), o.id);
        assert_eq!(order.date_modified_gmt, o.date_modified_gmt);
        assert_eq!(o.home_url.as_deref(), Some("http://127.0.0.1:8080/"));
    }
    assert_eq!(orders[4].order.as_ref().unwrap().status, "refunded");
    // Each order keeps WooCommerce's own bytes: order 22 is byte for byte its last webhook body.
    assert_eq!(
        orders[0].body,
        comptoir_testkit::capture("s01", "004").body,
        "the list element is the webhook body"
    );

    let requests = shop.requests();
    assert_eq!(requests.len(), 3, "pages 1–3; page 3 says there is no next");
    for (r, page) in requests.iter().zip(["1", "2", "3"]) {
        order_query(r, "2", page);
    }
    assert_authenticated(&requests);
}

#[test]
fn a_hundred_per_page_by_default() {
    let shop = StandIn::start(serve_order_pages(recorded_order_pages()));
    let orders = client(&shop).orders_modified_after(since()).unwrap();
    assert_eq!(orders.len(), 5);
    let requests = shop.requests();
    assert_eq!(requests.len(), 3);
    order_query(&requests[0], "100", "1");
}

#[test]
fn past_the_last_page_ends_the_pass() {
    // A page 3 that still announces a next page (as if an order had been added meanwhile):
    // page 4 is rest/05, `[]` with X-WP-TotalPages 0 and the odd rel="prev" to page 0.
    let mut pages = recorded_order_pages();
    pages[2] = Recorded::load("03").with_body(pages[2].body.clone());
    let shop = StandIn::start(serve_order_pages(pages));
    let orders = client(&shop)
        .with_page_size(2)
        .orders_modified_after(since())
        .unwrap();
    assert_eq!(orders.len(), 5);
    let pages: Vec<u32> = shop.requests().iter().map(Seen::page).collect();
    assert_eq!(
        pages,
        [1, 2, 3, 4],
        "no page 0, nothing after the empty page"
    );
}

#[test]
fn a_list_that_moves_while_read_is_read_again() {
    // Pass 1: order 22 is modified after page 1 was read, so it moves to the end and order 24
    // slides onto page 1 (never seen in this pass). Pass 2 reads the list as it now stands.
    let orders = standin::recorded_orders();
    let by_id = |id: u64| orders.iter().find(|o| o["id"] == id).unwrap().clone();
    let mut newer_22 = by_id(22);
    newer_22["date_modified_gmt"] = json!("2026-11-28T14:31:00");
    newer_22["status"] = json!("cancelled");
    let page = |prefix: &str, items: Vec<Value>| {
        Recorded::load(prefix).with_body(serde_json::to_vec(&items).unwrap())
    };
    let first = vec![
        page("02", vec![by_id(22), by_id(23)]),
        page("03", vec![by_id(25), by_id(26)]),
        page("04", vec![newer_22.clone()]),
    ];
    let second = vec![
        page("02", vec![by_id(23), by_id(24)]),
        page("03", vec![by_id(25), by_id(26)]),
        page("04", vec![newer_22]),
    ];
    let passes = std::sync::atomic::AtomicUsize::new(0);
    let shop = StandIn::start(move |s: &Seen| {
        if s.page() == 1 {
            passes.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        }
        let pass = if passes.load(std::sync::atomic::Ordering::SeqCst) == 1 {
            &first
        } else {
            &second
        };
        pass[(s.page() as usize).min(3) - 1].clone()
    });
    let fetched = client(&shop)
        .with_page_size(2)
        .orders_modified_after(since())
        .unwrap();
    let ids: Vec<u64> = fetched.iter().map(|o| o.id.unwrap()).collect();
    assert_eq!(ids, [23, 24, 25, 26, 22]);
    let last = fetched[4].order.as_ref().unwrap();
    assert_eq!(last.status, "cancelled", "the newest version of 22");
    assert_eq!(shop.requests().len(), 6, "two passes of three pages");
}

#[test]
fn a_bad_key_is_refused_in_a_sentence() {
    // rest/07: a bad key over plain http (WordPress answers); rest/10: no key; rest/13: a real
    // key with a wrong secret over HTTPS.
    for (prefix, message) in [
        ("07", "Sorry, you cannot list resources"),
        ("10", "Sorry, you cannot list resources"),
        ("13", "Consumer secret is invalid"),
    ] {
        let shop = StandIn::start(move |_: &Seen| Recorded::load(prefix));
        let err = client(&shop).orders_modified_after(since()).unwrap_err();
        assert!(matches!(err, RestError::KeyRefused { .. }), "{err:?}");
        assert_eq!(
            err.to_string(),
            format!(
                "The shop refused the API key: {message}. Create a key with Read/Write access in WooCommerce → Settings → Advanced → REST API and enter it in Comptoir."
            )
        );
        let debug = format!("{err:?} {err}");
        assert!(!debug.contains(SECRET) && !debug.contains(KEY), "{debug}");
        assert_eq!(shop.requests().len(), 1);
    }
}

#[test]
fn a_read_only_key_cannot_change_webhooks() {
    // rest/15: a read-only key trying to write gets 401 (not 403).
    let shop = StandIn::start(|_: &Seen| Recorded::load("15"));
    let err = client(&shop)
        .create_webhook(
            "Comptoir: order created",
            "order.created",
            NEW_URL,
            &Secret::new("whsec"),
        )
        .unwrap_err();
    assert!(matches!(err, RestError::KeyCannotWrite { .. }), "{err:?}");
    assert_eq!(
        err.to_string(),
        "The shop did not let the API key create a webhook for order.created: The API key provided does not have write permissions. The key must have Read/Write access: in WooCommerce → Settings → Advanced → REST API, edit it (or create a new one) with the permissions Read/Write."
    );
}

#[test]
fn an_unreachable_shop_is_said_so() {
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let c = Client::new(
        Shop::new(
            &format!("http://127.0.0.1:{port}"),
            KEY,
            Secret::new(SECRET),
        )
        .unwrap(),
    );
    let err = c.list_webhooks().unwrap_err();
    assert!(matches!(err, RestError::Unreachable { .. }), "{err:?}");
    let text = err.to_string();
    assert!(
        text.starts_with(&format!(
            "Comptoir could not reach the shop at http://127.0.0.1:{port}: "
        )),
        "{text}"
    );
    assert!(text.ends_with("then try again."), "{text}");
}

#[test]
fn a_page_that_is_not_woocommerce_is_explained() {
    let shop = StandIn::start(|_: &Seen| Recorded {
        status: 200,
        headers: vec![("Content-Type".into(), "text/html".into())],
        body: b"<html><body>Site en maintenance</body></html>".to_vec(),
    });
    let err = client(&shop).orders_modified_after(since()).unwrap_err();
    assert!(matches!(err, RestError::Unexpected { .. }), "{err:?}");
    assert!(err.to_string().contains("Site en maintenance"), "{err}");
}

#[test]
fn a_redirect_is_not_followed_but_explained() {
    let shop = StandIn::start(|_: &Seen| {
        Recorded::json(301, &json!({})).with_header(
            "Location",
            Some("https://www.myshop.be/wp-json/wc/v3/orders"),
        )
    });
    let err = client(&shop).list_webhooks().unwrap_err();
    assert!(matches!(err, RestError::Redirected { .. }), "{err:?}");
    assert!(
        err.to_string()
            .contains("with a redirect to https://www.myshop.be/wp-json/wc/v3/orders"),
        "{err}"
    );
    assert_eq!(shop.requests().len(), 1);
}

#[test]
fn the_https_rule_is_kept() {
    let err = Shop::new("http://myshop.be", KEY, Secret::new(SECRET)).unwrap_err();
    assert_eq!(
        err.to_string(),
        "The shop address \"http://myshop.be\" must start with https://: WooCommerce accepts API keys over HTTPS only (http:// is allowed for 127.0.0.1 and localhost, for tests). Enter the address as your browser shows it, e.g. https://myshop.be."
    );
}

/// rest/01 as Comptoir would have left it: named by Comptoir, delivering to an old tunnel
/// address; WooCommerce has disabled webhook 2 after failed deliveries.
fn comptoir_webhooks_one_disabled() -> Vec<Value> {
    let mut list = Webhooks::recorded();
    list[0]["name"] = json!("Comptoir: order created");
    list[1]["name"] = json!("Comptoir: order updated");
    for w in &mut list {
        w["delivery_url"] =
            json!("https://encouraged-slope-jul-leader.trycloudflare.com/webhooks/woocommerce");
    }
    list[1]["status"] = json!("disabled");
    list
}

fn webhook_shop(list: Vec<Value>) -> (StandIn, std::sync::Arc<Webhooks>) {
    let hooks = Webhooks::new(list);
    let h = std::sync::Arc::clone(&hooks);
    (StandIn::start(move |s: &Seen| h.handle(s)), hooks)
}

#[test]
fn a_disabled_webhook_is_reactivated_with_the_current_url() {
    let (shop, hooks) = webhook_shop(comptoir_webhooks_one_disabled());
    let c = client(&shop);
    let secret = Secret::new("Wq3bXk9P2mLr7TnV5cYh8JdF4sGa6ZeU1oIy0BvN");
    let report = c.ensure_webhooks(NEW_URL, &secret).unwrap();

    let requests = shop.take_requests();
    assert_authenticated(&requests);
    let summary: Vec<(String, String)> = requests
        .iter()
        .map(|r| (r.method.clone(), r.path.clone()))
        .collect();
    assert_eq!(
        summary,
        [
            ("GET".into(), "/wp-json/wc/v3/webhooks".into()),
            ("PUT".into(), "/wp-json/wc/v3/webhooks/1".into()),
            ("PUT".into(), "/wp-json/wc/v3/webhooks/2".into()),
        ],
        "no webhook created"
    );
    assert_eq!(requests[0].param("per_page"), Some("100"));
    assert_eq!(
        requests[1].json(),
        json!({"delivery_url": NEW_URL, "secret": secret.expose()})
    );
    assert_eq!(
        requests[2].json(),
        json!({"status": "active", "delivery_url": NEW_URL, "secret": secret.expose()})
    );
    assert_eq!(requests[2].header("Content-Type"), Some("application/json"));

    assert_eq!(report.created(), 0);
    assert_eq!(report.reactivated(), 1);
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
    assert!(matches!(
        &report.actions[1],
        WebhookAction::Reactivated { id: 2, was, .. } if was == "disabled"
    ));
    let messages = report.messages();
    assert!(
        messages[1].message.contains(
            "disabled by WooCommerce, which does that after 7 failed deliveries in a row"
        ),
        "{messages:?}"
    );
    assert!(messages[1].message.contains(NEW_URL), "{messages:?}");
    // The window words it from its code and values.
    assert_eq!(
        messages[1].code_id(),
        Some("webhook.reactivated_disabled"),
        "{messages:?}"
    );
    assert_eq!(messages[1].params["id"], 2, "{messages:?}");
    assert!(!format!("{report:?}").contains(secret.expose()));
    for w in hooks.list() {
        assert_eq!(w["status"], "active");
        assert_eq!(w["delivery_url"], NEW_URL);
    }

    // Pressed again: nothing to do, nothing created.
    let again = c.ensure_webhooks(NEW_URL, &secret).unwrap();
    let requests = shop.take_requests();
    assert_eq!(requests.len(), 1, "only the list: {requests:?}");
    assert!(!again.changed_anything());
    assert_eq!(hooks.list().len(), 2);
}

#[test]
fn hand_made_webhooks_are_adopted_by_their_url() {
    // rest/01 unchanged: "recv order.created/updated" delivering to http://127.0.0.1:9999/hook,
    // as the seed's manual steps leave them.
    let (shop, hooks) = webhook_shop(Webhooks::recorded());
    let c = client(&shop);
    let secret = Secret::new("test-secret-123");
    let url = "http://127.0.0.1:9999/hook";
    let report = c.ensure_webhooks(url, &secret).unwrap();
    let requests = shop.take_requests();
    assert_eq!(requests.len(), 3);
    assert_eq!(
        requests[1].json(),
        json!({"name": "Comptoir: order created", "secret": "test-secret-123"})
    );
    assert_eq!(
        requests[2].json(),
        json!({"name": "Comptoir: order updated", "secret": "test-secret-123"})
    );
    assert_eq!(report.created(), 0);
    // WooCommerce would not deliver there (§5): the report says so.
    assert_eq!(report.warnings.len(), 3, "{:?}", report.warnings);
    assert_eq!(hooks.list().len(), 2);
    c.ensure_webhooks(url, &secret).unwrap();
    assert_eq!(shop.take_requests().len(), 1);
}

#[test]
fn deleted_webhooks_are_created_again_once() {
    let mut list = comptoir_webhooks_one_disabled();
    list.remove(1); // order.updated deleted in WooCommerce
    let (shop, hooks) = webhook_shop(list);
    let c = client(&shop);
    let secret = Secret::new("s3cr3t-for-webhooks");
    let report = c.ensure_webhooks(NEW_URL, &secret).unwrap();
    let requests = shop.take_requests();
    let posts: Vec<&Seen> = requests.iter().filter(|r| r.method == "POST").collect();
    assert_eq!(posts.len(), 1);
    assert_eq!(posts[0].path, "/wp-json/wc/v3/webhooks");
    assert_eq!(
        posts[0].json(),
        json!({
            "name": "Comptoir: order updated",
            "topic": "order.updated",
            "delivery_url": NEW_URL,
            "secret": "s3cr3t-for-webhooks",
        })
    );
    assert_eq!(report.created(), 1);
    assert!(matches!(
        report.actions[1],
        WebhookAction::Created { id: 2, .. }
    ));

    // None at all (a new shop): both made; pressed twice, still two.
    let (shop, hooks2) = webhook_shop(Vec::new());
    let c = client(&shop);
    assert_eq!(c.ensure_webhooks(NEW_URL, &secret).unwrap().created(), 2);
    assert_eq!(c.connect_webhooks(NEW_URL, &secret).unwrap().created(), 0);
    let topics: Vec<Value> = hooks2.list().iter().map(|w| w["topic"].clone()).collect();
    assert_eq!(topics, [json!("order.created"), json!("order.updated")]);
    assert_eq!(hooks.list().len(), 2);
}

#[test]
fn connect_sends_the_secret_to_webhooks_already_right() {
    let mut list = comptoir_webhooks_one_disabled();
    list[1]["status"] = json!("active");
    for w in &mut list {
        w["delivery_url"] = json!(NEW_URL);
    }
    let (shop, _hooks) = webhook_shop(list);
    let c = client(&shop);
    let secret = Secret::new("a-new-secret");
    let report = c.connect_webhooks(NEW_URL, &secret).unwrap();
    let requests = shop.take_requests();
    assert_eq!(requests.len(), 3);
    assert_eq!(requests[1].json(), json!({"secret": "a-new-secret"}));
    assert!(matches!(
        report.actions[0],
        WebhookAction::SecretSent { id: 1, .. }
    ));
    // The periodic check sends nothing when all is right.
    let report = c.ensure_webhooks(NEW_URL, &secret).unwrap();
    assert_eq!(shop.take_requests().len(), 1);
    assert!(matches!(
        report.actions[0],
        WebhookAction::Unchanged { id: 1, .. }
    ));
}

#[test]
fn a_second_comptoir_webhook_is_reported_not_touched() {
    let mut list = comptoir_webhooks_one_disabled();
    let mut extra = list[0].clone();
    extra["id"] = json!(7);
    extra["delivery_url"] = json!(NEW_URL);
    list.push(extra);
    let (shop, _hooks) = webhook_shop(list);
    let report = client(&shop)
        .ensure_webhooks(NEW_URL, &Secret::new("x"))
        .unwrap();
    // Webhook 7 already delivers here, so it is the one kept; webhook 1 is the extra one.
    assert!(matches!(
        report.actions[0],
        WebhookAction::Unchanged { id: 7, .. }
    ));
    assert!(matches!(
        report.actions[1],
        WebhookAction::Duplicate { id: 1, .. }
    ));
    let puts: Vec<String> = shop
        .requests()
        .iter()
        .filter(|r| r.method == "PUT")
        .map(|r| r.path.clone())
        .collect();
    assert_eq!(puts, ["/wp-json/wc/v3/webhooks/2"]);
}

#[test]
fn refunds_come_with_their_lines() {
    let shop = StandIn::start(|s: &Seen| {
        if s.path == "/wp-json/wc/v3/orders/26/refunds" {
            Recorded::load("06")
        } else {
            standin::not_found()
        }
    });
    let refunds = client(&shop).refunds(26).unwrap();
    assert_eq!(refunds.len(), 2);
    let full = &refunds[0];
    assert_eq!(full.id, 28);
    assert_eq!(full.amount.to_string(), "52.59");
    assert_eq!(full.reason, "Commande retournée — remboursement complet");
    assert_eq!(
        full.date_created_gmt,
        Some(GmtTime::parse("2026-11-28T14:30:03").unwrap())
    );
    // product, sku, quantity, total, tax, the order line refunded
    let lines: Vec<String> = full
        .line_items
        .iter()
        .map(|l| {
            format!(
                "{} {} {} {} {} {:?}",
                l.product_id,
                l.sku.as_deref().unwrap_or("-"),
                l.quantity,
                l.total,
                l.total_tax,
                l.refunded_item_id
            )
        })
        .collect();
    assert_eq!(
        lines,
        [
            "14 MOUL-001 -1 -33.02 -6.93 Some(22)",
            "15 CHOC-072 -1 -3.29 -0.20 Some(23)",
            "17 FILT-004 -1 -3.47 -0.73 Some(24)",
        ]
    );
    assert_eq!(full.line_items[0].name, "Moulin à café manuel");
    assert_eq!(full.shipping_lines[0].total.to_string(), "-4.09");
    assert_eq!(full.tax_lines.len(), 2);
    let partial = &refunds[1];
    assert_eq!(
        (partial.id, partial.amount.to_string()),
        (27, "3.49".into())
    );
    assert_eq!(partial.line_items.len(), 1);
    let requests = shop.requests();
    assert_eq!(requests.len(), 1);
    assert_authenticated(&requests);
}
