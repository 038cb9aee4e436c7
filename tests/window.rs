//! The real window, end to end: the built `comptoir-desktop` started by tauri-driver and
//! WebKitWebDriver under a display (Xvfb), real WooCommerce deliveries posted to its listener over
//! HTTP, and the window checked through the `data-testid` hooks of the UI — then the store read
//! back with the CLI once the app has closed.
//!
//! Runs only with `COMPTOIR_E2E=1` (the README test command sets it and runs under `xvfb-run`).
//! Everything runs in this one test: WebKitWebDriver allows one session at a time.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::net::SocketAddr;
use std::path::Path;
use std::time::{Duration, Instant};

use comptoir_e2e::{
    DOM_TIMEOUT, SKIP_LINE, TauriDriver, Tools, Window, accepts, artifacts_dir, cli, enabled,
    free_port, tid,
};
use comptoir_testkit::{CAPTURE_SECRET, capture, post};

const ORDER_ID: u64 = 22;
const TEST_ORDER_ID: u64 = 900_001;

#[test]
fn the_real_window_receives_orders_live() {
    if !enabled() {
        println!("{SKIP_LINE}");
        return;
    }
    let tools = Tools::find();
    let artifacts = artifacts_dir();
    for name in ["orders.png", "detail.png", "connection.png", "failure.png"] {
        let _ = std::fs::remove_file(artifacts.join(name));
    }

    // The data folder, prepared with the CLI before the app starts: the capture secret and a
    // free port for the listener.
    let data = tempfile::Builder::new()
        .prefix("comptoir-e2e-")
        .tempdir()
        .expect("cannot create a temporary folder");
    let port = free_port();
    cli(
        &tools.cli,
        data.path(),
        &["config", "set", "webhook.secret", CAPTURE_SECRET],
    );
    cli(
        &tools.cli,
        data.path(),
        &["config", "set", "listener.port", &port.to_string()],
    );

    let mut driver = TauriDriver::start(&tools, data.path(), &artifacts.join("tauri-driver.log"));
    println!(
        "e2e: tauri-driver at {} (log {}), app listener port {port}",
        driver.url(),
        artifacts.join("tauri-driver.log").display()
    );

    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("cannot build a tokio runtime");
    runtime.block_on(scenario(&tools, &driver, data.path(), port, &artifacts));

    // Closing the session closed the app: its listener is gone.
    let deadline = Instant::now() + Duration::from_secs(15);
    while accepts(port) {
        assert!(
            Instant::now() < deadline,
            "the app still listens on port {port} 15 s after its WebDriver session closed; log:\n{}",
            driver.log_text()
        );
        std::thread::sleep(Duration::from_millis(200));
    }
    driver.stop();

    // The store agrees with what the window showed.
    let json = cli(&tools.cli, data.path(), &["orders", "list", "--json"]);
    let orders: serde_json::Value = serde_json::from_str(&json)
        .unwrap_or_else(|e| panic!("`orders list --json` did not print JSON ({e}):\n{json}"));
    let ids: Vec<u64> = orders
        .as_array()
        .unwrap_or_else(|| panic!("`orders list --json` did not print a list:\n{json}"))
        .iter()
        .filter_map(|o| o["id"].as_u64())
        .collect();
    for id in [ORDER_ID, TEST_ORDER_ID] {
        assert!(
            ids.contains(&id),
            "order {id} is not in the database after the app closed; `orders list --json`:\n{json}"
        );
    }
    let order = orders
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["id"].as_u64() == Some(ORDER_ID))
        .unwrap();
    assert_eq!(
        order["status"], "completed",
        "order {ORDER_ID} in the database:\n{order:#}"
    );
    println!("e2e: the database holds orders {ids:?} after the app closed");
}

async fn scenario(
    tools: &Tools,
    driver: &TauriDriver,
    data_dir: &Path,
    port: u16,
    artifacts: &Path,
) {
    let data_arg = data_dir
        .to_str()
        .expect("the temporary folder's path is not UTF-8");
    let window = Window::open(
        &driver.url(),
        &tools.desktop,
        &["--data-dir", data_arg],
        artifacts,
    )
    .await;
    let listener = SocketAddr::from(([127, 0, 0, 1], port));

    // 1. The Orders screen shows at start, with its (empty) table, and no error.
    window.wait_testid("orders-table").await;
    no_error_banner(&window, "at start").await;

    // 2. A real delivery arrives over HTTP; its row appears without reloading the page.
    let created = capture("s01", "001");
    assert_eq!(
        post(listener, &created),
        200,
        "the listener refused the captured delivery s01/001"
    );
    let row_css = format!("{}[data-order-id='{ORDER_ID}']", tid("order-row"));
    let row = window
        .wait_css(
            &format!("the row of order {ORDER_ID} (after posting s01/001, no reload)"),
            &row_css,
        )
        .await;
    let source = row
        .attr("data-source")
        .await
        .expect("cannot read data-source");
    assert_eq!(
        source.as_deref(),
        created.header("X-WC-Webhook-Source"),
        "the row's data-source is not the delivery's X-WC-Webhook-Source"
    );
    let on_hold = row_text(&window, &row_css).await;
    println!("e2e: row after s01/001 (on-hold): {on_hold:?}");

    // The order is paid (processing), then completed: the row follows each change live.
    assert_eq!(
        post(listener, &capture("s01", "003")),
        200,
        "the listener refused s01/003"
    );
    let processing = changed_row_text(
        &window,
        &row_css,
        &on_hold,
        "s01/003 (on-hold → processing)",
    )
    .await;
    println!("e2e: row after s01/003 (processing): {processing:?}");
    assert_eq!(
        post(listener, &capture("s01", "004")),
        200,
        "the listener refused s01/004"
    );
    let completed = changed_row_text(
        &window,
        &row_css,
        &processing,
        "s01/004 (processing → completed)",
    )
    .await;
    println!("e2e: row after s01/004 (completed): {completed:?}");
    window.screenshot("orders.png").await;

    // 3. The row opens the order's detail, with its deliveries. The click lands on the row's
    // first cell: WebKitWebDriver answers "element not interactable" for a <tr> itself; the
    // click bubbles up to the row, as a user's does.
    let cell_css = format!("{row_css} td");
    window
        .wait_for(
            &format!("a click on the row of order {ORDER_ID}"),
            DOM_TIMEOUT,
            async |w: &Window| match w.all(&cell_css).await?.into_iter().next() {
                Some(cell) => cell.click().await.map(Some),
                None => Ok(None),
            },
        )
        .await;
    window.wait_testid("order-detail").await;
    let deliveries = window
        .wait_for(
            "at least one delivery-row inside order-detail",
            DOM_TIMEOUT,
            async |w: &Window| {
                let n = w
                    .all(&format!("{} {}", tid("order-detail"), tid("delivery-row")))
                    .await?
                    .len();
                Ok((n >= 1).then_some(n))
            },
        )
        .await;
    println!("e2e: order {ORDER_ID}'s detail shows {deliveries} delivery row(s)");
    // The deliveries sit below the fold of the detail panel: bring them into the screenshot.
    window
        .client()
        .execute(
            "document.querySelector(\"[data-testid='delivery-row']\")?.scrollIntoView({block: 'center'});",
            vec![],
        )
        .await
        .expect("cannot scroll the deliveries into view");
    window.screenshot("detail.png").await;

    // 4. The Connection screen: listening, the delivery URL with our port, the secret.
    window.click_testid("nav-connection").await;
    window
        .wait_for(
            "listener-state with data-state=\"listening\"",
            DOM_TIMEOUT,
            async |w: &Window| match w.all(&tid("listener-state")).await?.into_iter().next() {
                Some(el) => Ok(
                    (el.attr("data-state").await?.as_deref() == Some("listening")).then_some(()),
                ),
                None => Ok(None),
            },
        )
        .await;
    let url = window
        .wait_for(
            "a delivery-url ending with /webhooks/woocommerce",
            DOM_TIMEOUT,
            async |w: &Window| {
                Ok(w.text_of("delivery-url")
                    .await?
                    .map(|t| t.trim().to_owned())
                    .filter(|t| t.ends_with("/webhooks/woocommerce")))
            },
        )
        .await;
    assert!(
        url.contains(&format!(":{port}/")),
        "the delivery URL {url:?} does not name the configured port {port}"
    );
    println!("e2e: delivery URL {url}");
    window.click_testid("secret-toggle").await;
    window
        .wait_for(
            &format!("the secret shown as {CAPTURE_SECRET:?} after secret-toggle"),
            DOM_TIMEOUT,
            async |w: &Window| {
                Ok(w.text_of("secret")
                    .await?
                    .filter(|t| t.trim() == CAPTURE_SECRET)
                    .map(|_| ()))
            },
        )
        .await;
    no_error_banner(&window, "on the Connection screen").await;
    window.screenshot("connection.png").await;

    // 5. "Send a test order" goes through the real listener and shows up in Orders.
    window.click_testid("test-order-button").await;
    let result = window
        .wait_for(
            "test-order-result with text",
            DOM_TIMEOUT,
            async |w: &Window| {
                Ok(w.text_of("test-order-result")
                    .await?
                    .filter(|t| !t.trim().is_empty()))
            },
        )
        .await;
    println!("e2e: test order result: {result:?}");
    window.click_testid("nav-orders").await;
    window
        .wait_css(
            &format!(
                "the row of the test order {TEST_ORDER_ID} (test-order-result said {result:?})"
            ),
            &format!("{}[data-order-id='{TEST_ORDER_ID}']", tid("order-row")),
        )
        .await;
    no_error_banner(&window, "at the end").await;

    // 8. Closing the session closes the app.
    window.close().await;
}

async fn no_error_banner(window: &Window, when: &str) {
    if let Some(text) = window
        .text_of("error-banner")
        .await
        .expect("cannot look for error-banner")
    {
        panic!(
            "an error banner is shown {when}: {text:?}\n--- page text ---\n{}",
            window.body_text().await
        );
    }
}

async fn row_text(window: &Window, row_css: &str) -> String {
    window
        .wait_for(
            &format!("the text of {row_css}"),
            DOM_TIMEOUT,
            async |w: &Window| match w.all(row_css).await?.into_iter().next() {
                Some(row) => row.text().await.map(Some),
                None => Ok(None),
            },
        )
        .await
}

/// Waits until the row (found again each time: the UI re-renders it) shows another text.
async fn changed_row_text(window: &Window, row_css: &str, before: &str, after: &str) -> String {
    window
        .wait_for(
            &format!(
                "a change in the row {row_css} after posting {after} (it still read {before:?})"
            ),
            DOM_TIMEOUT,
            async |w: &Window| match w.all(row_css).await?.into_iter().next() {
                Some(row) => Ok(Some(row.text().await?).filter(|t| t != before)),
                None => Ok(None),
            },
        )
        .await
}
