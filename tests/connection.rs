//! The connection screen, end to end: the built `comptoir-desktop` in a real window (tauri-driver
//! and WebKitWebDriver under Xvfb), a stand-in WooCommerce REST API on 127.0.0.1 answering with
//! the responses recorded from a real shop (`captures/rest/`), and a stand-in `cloudflared` (a
//! shell script printing real cloudflared log lines with a quick-tunnel address, then staying up
//! like cloudflared does). The owner's steps are typed in the screen: the provider and the
//! cloudflared program, the shop address, the REST API key and secret; then Connect (the
//! stand-in shop must have received exactly two webhooks delivering to the tunnel's address,
//! with the app's secret), Connect again (no duplicates), Test (the round trip through the
//! tunnel's address is reported: this stand-in address does not lead back to the listener),
//! Catch up now (the shop is asked for its orders; the screen says when and how many, and the
//! store holds them afterwards), Check now after the shop disabled a webhook (re-activated, and
//! the screen says why it had been disabled), and back on the manual provider, Test on an address as typed
//! that leads to the listener: a real round trip, with the warning that WooCommerce would
//! refuse that address.
//!
//! Runs only with `COMPTOIR_E2E=1`, like the window test; one #[test] (one WebDriver session).
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../src-tauri/crates/woo/tests/support/standin.rs"]
mod standin;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use comptoir_e2e::{App, DOM_TIMEOUT, Window, prepare, tid};
use comptoir_testkit::CAPTURE_SECRET;
use comptoir_testkit::cloudflared::{self, QUICK_TUNNEL_URL as TUNNEL_URL};
use standin::{API, StandIn, Webhooks, recorded_order_pages, serve_order_pages};

const CONSUMER_KEY: &str = "ck_0123456789abcdef0123456789abcdef01234567";
const CONSUMER_SECRET: &str = "cs_0123456789abcdef0123456789abcdef01234567";
/// Connect waits for the shop; the round trip up to 15 s; both run off the window's thread.
const NETWORK_TIMEOUT: Duration = Duration::from_secs(40);

/// Writes the stand-in cloudflared into `dir`, every run printing a real quick-tunnel log;
/// returns its path.
fn stand_in_cloudflared(dir: &Path) -> PathBuf {
    let exe = cloudflared::write_stand_in(dir);
    // No run has a log of its own: each prints this one (and stays up).
    std::fs::write(dir.join("other.log"), cloudflared::QUICK_TUNNEL_LOG).unwrap();
    exe
}

#[test]
fn the_connection_screen_connects_the_shop() {
    let Some((tools, artifacts)) = prepare(&[
        "connection-reach.png",
        "connection-tunnel.png",
        "failure.png",
    ]) else {
        return;
    };

    // The shop: no webhook yet; the recorded order pages for the catch-up.
    let hooks = Webhooks::new(Vec::new());
    let pages = serve_order_pages(recorded_order_pages());
    let routes = Arc::clone(&hooks);
    let shop = StandIn::start(move |s| {
        if s.path.starts_with(&format!("{API}/webhooks")) {
            routes.handle(s)
        } else {
            pages(s)
        }
    });
    println!("e2e: stand-in shop at {}", shop.url());

    let mut app = App::start(
        tools,
        artifacts,
        "comptoir-e2e-connection-",
        "tauri-driver-connection.log",
        &[],
    );
    let port = app.port;
    let tunnel_dir = tempfile::tempdir().expect("cannot create a temporary folder");
    let cloudflared = stand_in_cloudflared(tunnel_dir.path());
    let shop_side = Shop {
        stand_in: &shop,
        hooks: &hooks,
    };
    app.run(scenario(&app, &cloudflared, &shop_side));
    // The tunnel led to the app's listener.
    let args = std::fs::read_to_string(tunnel_dir.path().join("args")).unwrap_or_default();
    assert!(
        args.contains(&format!("--url http://127.0.0.1:{port}")),
        "cloudflared was not started towards the listener: {args:?}"
    );

    app.wait_closed();

    // What the catch-up brought is in the store: the recorded orders 22 to 26.
    let json = app.cli(&["orders", "list", "--json"]);
    let orders: serde_json::Value = serde_json::from_str(&json).expect("orders list --json");
    let mut ids: Vec<u64> = orders
        .as_array()
        .expect("an array of orders")
        .iter()
        .map(|o| o["id"].as_u64().expect("an order id"))
        .collect();
    ids.sort_unstable();
    let recorded: Vec<u64> = {
        let mut v: Vec<u64> = standin::recorded_orders()
            .iter()
            .map(|o| o["id"].as_u64().unwrap())
            .collect();
        v.sort_unstable();
        v
    };
    assert_eq!(
        ids, recorded,
        "the store does not hold exactly the orders the catch-up fetched"
    );
}

/// The stand-in shop and the webhooks it keeps.
struct Shop<'a> {
    stand_in: &'a StandIn,
    hooks: &'a Webhooks,
}

async fn scenario(app: &App, cloudflared: &Path, shop_side: &Shop<'_>) {
    let (shop, hooks) = (shop_side.stand_in, shop_side.hooks);
    let port = app.port;
    let window = app.open_window().await;
    window.click_testid("nav-connection").await;
    window.wait_testid("tunnel-card").await;

    // 1. The public address: manual at first (the default, no address yet: down), then the
    // cloudflared quick tunnel, with the stand-in program's path.
    let shown = window
        .prop_when("setting-tunnel.provider", "value", |_| true)
        .await;
    assert_eq!(shown, "manual", "the provider is not manual at first");
    window
        .attr_when("tunnel-state", "data-state", DOM_TIMEOUT, |s| s == "down")
        .await;
    choose(&window, "tunnel.provider", "cloudflared").await;
    set_text(
        &window,
        "tunnel.cloudflared_path",
        cloudflared
            .to_str()
            .expect("the temporary folder is not UTF-8"),
    )
    .await;
    window
        .attr_when("tunnel-state", "data-state", NETWORK_TIMEOUT, |s| s == "up")
        .await;
    let shown_url = window.text_when("public-url", DOM_TIMEOUT, |_| true).await;
    assert_eq!(
        shown_url, TUNNEL_URL,
        "the screen shows another public address"
    );
    window.wait_testid("cloudflared-installed").await;
    let delivery_url = format!("{TUNNEL_URL}/webhooks/woocommerce");
    println!("e2e: cloudflared tunnel up at {shown_url}");

    // 2. The shop and its REST API key, typed as the owner would.
    set_text(&window, "woocommerce.url", &shop.url()).await;
    set_text(&window, "woocommerce.consumer_key", CONSUMER_KEY).await;
    window
        .type_into("setting-woocommerce.consumer_secret", CONSUMER_SECRET)
        .await;
    window
        .press_enter("setting-woocommerce.consumer_secret")
        .await;
    window
        .wait_testid("setting-saved-woocommerce.consumer_secret")
        .await;

    // 3. Connect: two webhooks, delivering to the public address with the app's secret.
    click(&window, "connect-shop").await;
    let changed = window
        .attr_when("connect-result", "data-changed", NETWORK_TIMEOUT, |_| true)
        .await;
    let (ok, text) = outcome(&window, "connect-result", DOM_TIMEOUT).await;
    assert_eq!(ok, "true", "Connect failed: {text}");
    assert_eq!(changed, "true", "the first Connect says it changed nothing");
    let list = hooks.list();
    let mut topics: Vec<&str> = list.iter().map(|h| h["topic"].as_str().unwrap()).collect();
    topics.sort_unstable();
    assert_eq!(
        topics,
        ["order.created", "order.updated"],
        "the shop does not have exactly Comptoir's two webhooks: {list:#?}"
    );
    for h in &list {
        assert_eq!(h["delivery_url"], delivery_url.as_str(), "webhook {h}");
        assert_eq!(h["status"], "active", "webhook {h}");
    }
    let created: Vec<serde_json::Value> = shop
        .requests()
        .iter()
        .filter(|s| s.method == "POST" && s.path == format!("{API}/webhooks"))
        .map(standin::Seen::json)
        .collect();
    assert_eq!(
        created.len(),
        2,
        "Connect did not create exactly two webhooks"
    );
    for body in &created {
        assert_eq!(
            body["secret"], CAPTURE_SECRET,
            "a webhook was created without the app's secret: {body}"
        );
    }
    let auth = shop
        .requests()
        .iter()
        .filter(|s| s.path.starts_with(&format!("{API}/webhooks")))
        .all(|s| {
            s.header("authorization")
                .is_some_and(|a| a.starts_with("Basic "))
        });
    assert!(
        auth,
        "a webhook request went to the shop without the API key"
    );
    window
        .wait_for(
            "two webhook rows, active",
            DOM_TIMEOUT,
            async |w: &Window| {
                let rows = w.all(&tid("webhook-row")).await?;
                let mut active = 0;
                for r in &rows {
                    if r.attr("data-status").await?.as_deref() == Some("active") {
                        active += 1;
                    }
                }
                Ok((rows.len() == 2 && active == 2).then_some(()))
            },
        )
        .await;
    println!("e2e: Connect created webhooks {topics:?} delivering to {delivery_url}");

    // 4. Connect again: the same two webhooks updated in place (WooCommerce never shows a
    // secret, so it is sent again), nothing created.
    click(&window, "connect-shop").await;
    window
        .attr_when("connect-result", "data-answer", NETWORK_TIMEOUT, |n| {
            n == "2"
        })
        .await;
    let (ok, _) = outcome(&window, "connect-result", DOM_TIMEOUT).await;
    assert_eq!(ok, "true", "the second Connect failed");
    assert_eq!(
        hooks.list().len(),
        2,
        "the second Connect made duplicates: {:#?}",
        hooks.list()
    );
    let posts = shop
        .requests()
        .iter()
        .filter(|s| s.method == "POST" && s.path == format!("{API}/webhooks"))
        .count();
    assert_eq!(posts, 2, "the second Connect created webhooks again");
    for h in hooks.list() {
        assert_eq!(h["delivery_url"], delivery_url.as_str(), "webhook {h}");
    }
    println!("e2e: the second Connect made no duplicates");

    // 5. Test: a request through the tunnel's address. The stand-in's address leads nowhere
    // near this listener, and the screen must say so (the round trip is not faked).
    click(&window, "test-public-url").await;
    let (ok, text) = outcome(&window, "round-trip", NETWORK_TIMEOUT).await;
    assert_eq!(
        ok, "false",
        "a round trip through the stand-in address succeeded: {text}"
    );
    assert!(
        text.contains(&delivery_url),
        "the round trip does not name the address it tested: {text}"
    );
    println!("e2e: round trip: {}", text.replace('\n', " / "));

    // 6. Catch up now: the shop is asked for its orders; the screen says when and how many.
    let asked_before = orders_requests(shop);
    click(&window, "catch-up-now").await;
    window
        .wait_for(
            "a GET of the shop's orders after Catch up now",
            NETWORK_TIMEOUT,
            async |_: &Window| Ok((orders_requests(shop) > asked_before).then_some(())),
        )
        .await;
    let at = window
        .attr_when("last-catch-up", "data-at", NETWORK_TIMEOUT, |a| {
            !a.is_empty()
        })
        .await;
    let line = window
        .text_of("last-catch-up")
        .await
        .unwrap()
        .unwrap_or_default();
    println!("e2e: last catch-up ({at}): {line}");
    assert!(
        line.chars().any(|c| c.is_ascii_digit()),
        "the last catch-up line says neither when nor how many: {line}"
    );
    let first = shop
        .requests()
        .into_iter()
        .find(|s| s.method == "GET" && s.path == format!("{API}/orders"))
        .expect("no orders request");
    assert_eq!(
        first.param("dates_are_gmt"),
        Some("true"),
        "{}",
        first.raw_url
    );

    // 6b. WooCommerce disables a webhook (after failed deliveries); Check now re-activates it,
    // and the screen says why it had been disabled.
    let disable = standin::Seen {
        method: "PUT".to_owned(),
        path: format!("{API}/webhooks/1"),
        query: Vec::new(),
        raw_url: format!("{API}/webhooks/1"),
        headers: Vec::new(),
        body: br#"{"status":"disabled"}"#.to_vec(),
    };
    assert_eq!(
        hooks.handle(&disable).status,
        200,
        "the stand-in did not disable webhook 1"
    );
    click(&window, "check-webhooks").await;
    let why = window
        .text_when("webhooks-changes", NETWORK_TIMEOUT, |t| {
            t.contains("Webhook 1 (order.created) had been disabled")
        })
        .await;
    assert!(
        hooks.list().iter().all(|h| h["status"] == "active"),
        "Check now did not re-activate the disabled webhook: {:#?}",
        hooks.list()
    );
    assert_eq!(hooks.list().len(), 2, "Check now made duplicates");
    println!("e2e: after Check now: {}", why.replace('\n', " / "));

    // 7. Back to the manual provider: the owner types the address of their own proxy (here,
    // straight to the listener, which WooCommerce would refuse: the field says so) and tests it
    // as typed. A real request reaches this listener and comes back.
    choose(&window, "tunnel.provider", "manual").await;
    let typed = format!("http://127.0.0.1:{port}");
    window.type_into("setting-tunnel.public_url", &typed).await;
    window.press_enter("setting-tunnel.public_url").await;
    window.wait_testid("setting-error-tunnel.public_url").await;
    click(&window, "test-public-url").await;
    window
        .attr_when("round-trip", "data-answer", NETWORK_TIMEOUT, |n| n == "2")
        .await;
    let (ok, text) = outcome(&window, "round-trip", DOM_TIMEOUT).await;
    assert_eq!(ok, "true", "the round trip to the listener failed: {text}");
    assert!(
        text.contains(&format!("{typed}/webhooks/woocommerce")) && text.contains(" ms"),
        "the round trip does not say where and how long: {text}"
    );
    window.wait_testid("round-trip-warning").await;
    println!("e2e: round trip as typed: {}", text.replace('\n', " / "));
    assert_eq!(
        hooks.list().len(),
        2,
        "testing an address changed the webhooks: {:#?}",
        hooks.list()
    );

    window.screenshot("connection-reach.png").await;
    window
        .client()
        .execute("window.scrollTo(0, 0);", vec![])
        .await
        .expect("cannot scroll to the top");
    window.screenshot("connection-tunnel.png").await;
    // The screen in French, as a Walloon or Brussels shop sees it; then back to English.
    window.click_testid("lang-fr").await;
    let fr = window
        .text_when("last-catch-up", DOM_TIMEOUT, |t| {
            t.starts_with("Dernier rattrapage")
        })
        .await;
    println!("e2e: in French: {fr}");
    // The core's own sentences too: the round trip and what Check now changed.
    let trip = window
        .text_when("round-trip", DOM_TIMEOUT, |t| {
            t.contains("a reçu son propre test via")
                && t.contains(
                    "ne peut pas être l’adresse publique : elle doit commencer par https://",
                )
        })
        .await;
    let changes = window
        .text_when("webhooks-changes", DOM_TIMEOUT, |t| {
            t.contains("avait été désactivé par WooCommerce")
        })
        .await;
    println!(
        "e2e: in French: {} / {}",
        trip.replace('\n', " / "),
        changes.replace('\n', " / ")
    );
    window.screenshot("connection-fr.png").await;
    window.click_testid("lang-en").await;
    if let Some(text) = window.text_of("error-banner").await.unwrap() {
        panic!("an error banner is shown on the connection screen: {text}");
    }
    window.close().await;
}

/// Scrolls `[data-testid=testid]` to the middle of the window (at the edge, the sticky top bar
/// would take a click).
async fn center(window: &Window, testid: &str) {
    window.wait_testid(testid).await;
    window.scroll_into_view(&tid(testid), "center").await;
}

/// Clicks `[data-testid=testid]` in the middle of the window.
async fn click(window: &Window, testid: &str) {
    center(window, testid).await;
    window.click_testid(testid).await;
}

/// Picks `value` in the `<select>` of setting `key`; waits until it is saved.
async fn choose(window: &Window, key: &str, value: &str) {
    center(window, &format!("setting-{key}")).await;
    window.select_setting(key, value).await;
    println!("e2e: {key} = {value} chosen");
}

/// Types `value` into the text setting `key` and presses Enter; waits until it is saved.
async fn set_text(window: &Window, key: &str, value: &str) {
    let testid = format!("setting-{key}");
    window.type_into(&testid, value).await;
    window.press_enter(&testid).await;
    window.wait_testid(&format!("setting-saved-{key}")).await;
    println!("e2e: {key} = {value} saved");
}

/// Waits (for at most `timeout`) until `[data-testid=testid]` says how an action ended; returns
/// its `data-ok` and its text.
async fn outcome(window: &Window, testid: &str, timeout: Duration) -> (String, String) {
    let ok = window.attr_when(testid, "data-ok", timeout, |_| true).await;
    let text = window.text_of(testid).await.unwrap().unwrap_or_default();
    (ok, text)
}

fn orders_requests(shop: &StandIn) -> usize {
    shop.requests()
        .iter()
        .filter(|s| s.method == "GET" && s.path == format!("{API}/orders"))
        .count()
}
