//! The real window, end to end: the built `comptoir-desktop` started by tauri-driver and
//! WebKitWebDriver under a display (Xvfb), real WooCommerce deliveries posted to its listener over
//! HTTP, and the window checked through the `data-testid` hooks of the UI — then the store read
//! back with the CLI once the app has closed. Midway, a document setting is changed in the
//! Settings screen and the next order is seen to follow it.
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
/// The order posted after the settings change (capture s02/001 under another id).
const NEW_ORDER_ID: u64 = 5001;
/// A Belgian IBAN with one digit wrong: its check digits do not match (mod 97).
const BAD_IBAN: &str = "BE68 5390 0754 7035";
/// A product of order 22 (capture s01), whose stock the owner sets in the Stock screen.
const SKU: &str = "MOUL-001";

#[test]
fn the_real_window_receives_orders_live() {
    if !enabled() {
        println!("{SKIP_LINE}");
        return;
    }
    let tools = Tools::find();
    let artifacts = artifacts_dir();
    for name in [
        "orders.png",
        "detail.png",
        "connection.png",
        "settings.png",
        "settings-iban.png",
        "documents.png",
        "stock.png",
        "failure.png",
    ] {
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

    // The settings changed in the window are stored; the refused IBAN is not.
    for (key, expected) in [
        ("documents.kind", "delivery_note"),
        ("documents.trigger", "created"),
        ("shop.iban", ""),
    ] {
        let value = cli(&tools.cli, data.path(), &["config", "get", key]);
        assert_eq!(
            value.trim_end_matches('\n'),
            expected,
            "`config get {key}` after the app closed"
        );
    }

    // The new order became a delivery note, numbered when made; the orders before the change
    // kept the invoice the old settings gave them.
    let json = cli(&tools.cli, data.path(), &["documents", "list", "--json"]);
    let documents: serde_json::Value = serde_json::from_str(&json)
        .unwrap_or_else(|e| panic!("`documents list --json` did not print JSON ({e}):\n{json}"));
    let documents = documents
        .as_array()
        .unwrap_or_else(|| panic!("`documents list --json` did not print a list:\n{json}"));
    let of_order = |id: u64| -> Vec<&serde_json::Value> {
        documents
            .iter()
            .filter(|d| d["order_id"].as_u64() == Some(id))
            .collect()
    };
    let new_docs = of_order(NEW_ORDER_ID);
    assert_eq!(
        new_docs.len(),
        1,
        "order {NEW_ORDER_ID} should have exactly one document; `documents list --json`:\n{json}"
    );
    let note = new_docs[0];
    assert_eq!(
        note["kind"], "delivery_note",
        "order {NEW_ORDER_ID}'s document:\n{note:#}"
    );
    assert!(
        note["number"].as_str().is_some_and(|n| !n.is_empty()),
        "a delivery note is numbered when made; order {NEW_ORDER_ID}'s document:\n{note:#}"
    );
    assert!(
        of_order(ORDER_ID).iter().any(|d| d["kind"] == "invoice"),
        "order {ORDER_ID} (paid before the settings changed) should keep its invoice; `documents list --json`:\n{json}"
    );
    println!(
        "e2e: the database holds delivery note {} for order {NEW_ORDER_ID}",
        note["number"]
    );

    let json = cli(&tools.cli, data.path(), &["stock", "list", "--json"]);
    let products: serde_json::Value = serde_json::from_str(&json)
        .unwrap_or_else(|e| panic!("`stock list --json` did not print JSON ({e}):\n{json}"));
    let product = products
        .as_array()
        .and_then(|list| list.iter().find(|p| p["sku"] == SKU))
        .unwrap_or_else(|| panic!("{SKU} is not in `stock list --json`:\n{json}"));
    assert_eq!(
        product["stock"], "10",
        "{SKU} in `stock list --json`:\n{product:#}"
    );
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
    no_error_banner(&window, "after the test order").await;

    // 6. Under the default settings (invoice, when paid), the paid order 22 became an invoice.
    window.click_testid("nav-documents").await;
    window.wait_testid("documents-table").await;
    window
        .wait_css(
            &format!("the invoice of order {ORDER_ID} in Documents (default settings)"),
            &format!(
                "{}[data-order-id='{ORDER_ID}'][data-kind='invoice']",
                tid("document-row")
            ),
        )
        .await;

    // 7. Settings: each order now becomes a delivery note, as soon as it is created. Each choice
    // is saved on its own and says so.
    window.click_testid("nav-settings").await;
    choose_setting(&window, "documents.kind", "delivery_note").await;
    choose_setting(&window, "documents.trigger", "created").await;
    no_error_banner(&window, "after changing the settings").await;
    window
        .client()
        .execute(
            "document.getElementById('settings-documents')?.scrollIntoView({block: 'start'});",
            vec![],
        )
        .await
        .expect("cannot scroll to the Documents settings");
    window.screenshot("settings.png").await;

    // An IBAN with a typing mistake is refused as it is typed, with the core's sentence.
    let iban_css = tid("setting-shop.iban");
    window
        .wait_for(
            &format!("typing {BAD_IBAN:?} into setting-shop.iban"),
            DOM_TIMEOUT,
            async |w: &Window| match w.all(&iban_css).await?.into_iter().next() {
                Some(input) => {
                    input.click().await?;
                    input.send_keys(BAD_IBAN).await?;
                    Ok(Some(()))
                }
                None => Ok(None),
            },
        )
        .await;
    let refusal = window
        .wait_for(
            "setting-error-shop.iban with the reason the IBAN is refused",
            DOM_TIMEOUT,
            async |w: &Window| {
                Ok(w.text_of("setting-error-shop.iban")
                    .await?
                    .filter(|t| !t.trim().is_empty()))
            },
        )
        .await;
    println!("e2e: the IBAN {BAD_IBAN:?} is refused: {refusal:?}");
    window
        .client()
        .execute(
            "document.querySelector(\"[data-testid='setting-shop.iban']\")?.scrollIntoView({block: 'center'});",
            vec![],
        )
        .await
        .expect("cannot scroll to the IBAN");
    window.screenshot("settings-iban.png").await;

    // 8. The next order follows the new settings: on the Documents screen, its delivery note
    // appears by itself (leaving the IBAN field tries to save it, and is refused again).
    window.click_testid("nav-documents").await;
    window.wait_testid("documents-table").await;
    let new_order = capture("s02", "001").with_order_id(NEW_ORDER_ID);
    assert_eq!(
        post(listener, &new_order),
        200,
        "the listener refused s02/001 as order {NEW_ORDER_ID}"
    );
    let note_css = format!(
        "{}[data-order-id='{NEW_ORDER_ID}'][data-kind='delivery_note']",
        tid("document-row")
    );
    window
        .wait_css(
            &format!(
                "the delivery note of order {NEW_ORDER_ID} in Documents (after posting it, no reload)"
            ),
            &note_css,
        )
        .await;
    let rows = window
        .all(&format!(
            "{}[data-order-id='{NEW_ORDER_ID}']",
            tid("document-row")
        ))
        .await
        .expect("cannot list the document rows");
    assert_eq!(
        rows.len(),
        1,
        "order {NEW_ORDER_ID} shows {} documents; page text:\n{}",
        rows.len(),
        window.body_text().await
    );

    // Its detail lists the lines with quantities and no prices.
    let note_cell = format!("{note_css} td");
    window
        .wait_for(
            &format!("a click on the delivery note of order {NEW_ORDER_ID}"),
            DOM_TIMEOUT,
            async |w: &Window| match w.all(&note_cell).await?.into_iter().next() {
                Some(cell) => cell.click().await.map(Some),
                None => Ok(None),
            },
        )
        .await;
    let detail_css = format!("{}[data-kind='delivery_note']", tid("document-detail"));
    window
        .wait_css("document-detail of the delivery note", &detail_css)
        .await;
    let lines = window
        .wait_for(
            "at least one document-line in the delivery note's detail",
            DOM_TIMEOUT,
            async |w: &Window| {
                let n = w
                    .all(&format!("{detail_css} {}", tid("document-line")))
                    .await?
                    .len();
                Ok((n >= 1).then_some(n))
            },
        )
        .await;
    for hook in ["line-price", "vat-summary", "document-totals"] {
        let found = window
            .all(&format!("{detail_css} {}", tid(hook)))
            .await
            .expect("cannot look inside document-detail");
        assert!(
            found.is_empty(),
            "the delivery note's detail shows {hook}: a delivery note has no prices"
        );
    }
    let detail_text = window
        .all(&detail_css)
        .await
        .expect("cannot read document-detail")
        .into_iter()
        .next()
        .expect("document-detail vanished")
        .text()
        .await
        .expect("cannot read document-detail's text");
    assert!(
        !detail_text.contains('€'),
        "the delivery note's detail shows an amount:\n{detail_text}"
    );
    println!("e2e: the delivery note of order {NEW_ORDER_ID} shows {lines} line(s), no prices");
    window.screenshot("documents.png").await;

    // 9. Stock: the products of the orders are listed; the owner sets one, the ledger shows it.
    window.click_testid("nav-stock").await;
    let product_css = format!("{}[data-sku='{SKU}']", tid("stock-row"));
    window
        .wait_css(&format!("the stock row of {SKU}"), &product_css)
        .await;
    let input_css = format!("{product_css} {}", tid("stock-input"));
    let set_css = format!("{product_css} {}", tid("stock-set"));
    window
        .wait_for(
            &format!("typing 10 into the stock of {SKU} and clicking Set"),
            DOM_TIMEOUT,
            async |w: &Window| {
                let (Some(input), Some(button)) = (
                    w.all(&input_css).await?.into_iter().next(),
                    w.all(&set_css).await?.into_iter().next(),
                ) else {
                    return Ok(None);
                };
                input.click().await?;
                input.send_keys("10").await?;
                button.click().await.map(Some)
            },
        )
        .await;
    let value_css = format!("{product_css} {}", tid("stock-value"));
    window
        .wait_for(
            &format!("the stock of {SKU} shown as 10"),
            DOM_TIMEOUT,
            async |w: &Window| match w.all(&value_css).await?.into_iter().next() {
                Some(cell) => Ok(Some(cell.text().await?).filter(|t| t.trim() == "10")),
                None => Ok(None),
            },
        )
        .await;
    let movements = window
        .wait_for(
            &format!("the owner's correction of {SKU} in the ledger"),
            DOM_TIMEOUT,
            async |w: &Window| {
                let n = w
                    .all(&format!("{}[data-sku='{SKU}']", tid("ledger-row")))
                    .await?
                    .len();
                // The invoice of order 22 took one out; setting the stock adds the difference.
                Ok((n >= 2).then_some(n))
            },
        )
        .await;
    println!("e2e: {SKU} stock set to 10 in the window; its ledger has {movements} movement(s)");
    window.screenshot("stock.png").await;
    no_error_banner(&window, "at the end").await;

    // 10. Closing the session closes the app.
    window.close().await;
}

/// Picks `value` in the `<select>` of setting `key` (a click on its option, as the owner's), then
/// waits until the field says it is saved.
async fn choose_setting(window: &Window, key: &str, value: &str) {
    let css = tid(&format!("setting-{key}"));
    window
        .wait_for(
            &format!("the option {value:?} of setting-{key}"),
            DOM_TIMEOUT,
            async |w: &Window| match w.all(&css).await?.into_iter().next() {
                Some(select) => select.select_by_value(value).await.map(Some),
                None => Ok(None),
            },
        )
        .await;
    window.wait_testid(&format!("setting-saved-{key}")).await;
    let shown = window
        .all(&css)
        .await
        .expect("cannot find the setting again")
        .into_iter()
        .next()
        .expect("the setting vanished")
        .prop("value")
        .await
        .expect("cannot read the setting's value");
    assert_eq!(
        shown.as_deref(),
        Some(value),
        "setting-{key} shows another value after saving"
    );
    println!("e2e: {key} = {value} saved from the Settings screen");
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
