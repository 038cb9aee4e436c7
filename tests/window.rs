//! The real window, end to end: the built `comptoir-desktop` started by tauri-driver and
//! WebKitWebDriver under a display (Xvfb), real WooCommerce deliveries posted to its listener over
//! HTTP, and the window checked through the `data-testid` hooks of the UI — then the store read
//! back with the CLI once the app has closed. Midway, a concept invoice is reviewed (its PDF drawn
//! by pdf.js, its e-mail as the customer will see it) and sent to a real SMTP server (aiosmtpd),
//! a test e-mail is sent from the Settings screen, and a document setting is changed there and
//! the next order is seen to follow it.
//!
//! Runs only with `COMPTOIR_E2E=1` (the README test command sets it and runs under `xvfb-run`).
//! Everything runs in this one test: WebKitWebDriver allows one session at a time.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::net::SocketAddr;
use std::time::Duration;

use comptoir_e2e::{App, DOM_TIMEOUT, Window, prepare, tid};
use comptoir_testkit::smtp::Sink;
use comptoir_testkit::{CAPTURE_SECRET, capture, post};

const ORDER_ID: u64 = 22;
const TEST_ORDER_ID: u64 = 900_001;
/// The order posted after the settings change (capture s02/001 under another id).
const NEW_ORDER_ID: u64 = 5001;
/// A Belgian IBAN with one digit wrong: its check digits do not match (mod 97).
const BAD_IBAN: &str = "BE68 5390 0754 7035";
/// A Belgian IBAN two digits short, typed with the window in Dutch, and the sentence the window
/// must then show (the core sends the code `check.iban.country_length` and its values; the
/// window words it from its Dutch dictionary).
const SHORT_IBAN: &str = "BE68 5390 0754 70";
const SHORT_IBAN_NL: &str = "BE68 5390 0754 70 is geen geldig IBAN: een IBAN dat met BE begint, telt 16 tekens, dit telt er 14. Vergelijk het met uw rekeninguittreksel.";
/// A product of order 22 (capture s01), whose stock the owner sets in the Stock screen.
const SKU: &str = "MOUL-001";
/// The shop's identity and sender, set with the CLI before the app starts.
const SHOP_NAME: &str = "Le Comptoir";
const SHOP_IBAN: &str = "BE68539007547034";
const SHOP_BIC: &str = "GKCCBEBB";
const SMTP_FROM: &str = "Le Comptoir <boutique@example.be>";
const SMTP_FROM_ADDRESS: &str = "boutique@example.be";
/// What the owner writes in the concept's notes during the review.
const CUSTOMER_NOTE: &str = "Livraison après 17 h, merci !";
const INTERNAL_NOTE: &str = "Client fidèle: vérifier le colis.";
/// Addresses the SMTP server refuses (550 5.1.1): one for the test e-mail's failure, and the
/// billing address of order 5001 (capture s02/001), whose document's e-mail then fails for good.
const REFUSED_ADDRESS: &str = "nobody@example.be";
const NEW_ORDER_EMAIL: &str = "lucas.peeters@example.test";
/// How long an e-mail may take from Send to the SMTP server (the outbox worker wakes at once).
const MAIL_TIMEOUT: Duration = Duration::from_secs(30);

#[test]
fn the_real_window_receives_orders_live() {
    let Some((tools, artifacts)) = prepare(&[
        "orders.png",
        "detail.png",
        "connection.png",
        "settings.png",
        "settings-iban.png",
        "settings-iban-nl.png",
        "documents.png",
        "stock.png",
        "review.png",
        "review-email.png",
        "outbox.png",
        "email-settings.png",
        "failure.png",
    ]) else {
        return;
    };

    // A real SMTP server on a free port, writing what it receives to a folder; it refuses one
    // address, as a server refuses an unknown mailbox.
    let sink = Sink::start(&["--reject", REFUSED_ADDRESS, "--reject", NEW_ORDER_EMAIL]);
    println!("e2e: SMTP sink (aiosmtpd) on port {}", sink.port);

    // The data folder, prepared with the CLI before the app starts: the capture secret, a free
    // port for the listener, the shop's identity (unpaid invoices print its IBAN) and the mail
    // server.
    let sink_port = sink.port.to_string();
    let mut app = App::start(
        tools,
        artifacts,
        "comptoir-e2e-",
        "tauri-driver.log",
        &[
            ("shop.name", SHOP_NAME),
            ("shop.iban", SHOP_IBAN),
            ("shop.bic", SHOP_BIC),
            ("smtp.host", "127.0.0.1"),
            ("smtp.port", sink_port.as_str()),
            ("smtp.security", "none"),
            ("smtp.from", SMTP_FROM),
        ],
    );
    let sent = app.run(scenario(&app, &sink));

    // Closing the session closed the app: its listener is gone.
    app.wait_closed();

    // The store agrees with what the window showed.
    let json = app.cli(&["orders", "list", "--json"]);
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
        ("shop.iban", SHOP_IBAN),
    ] {
        let value = app.cli(&["config", "get", key]);
        assert_eq!(
            value.trim_end_matches('\n'),
            expected,
            "`config get {key}` after the app closed"
        );
    }

    // The new order became a delivery note, numbered when made; the orders before the change
    // kept the invoice the old settings gave them.
    let json = app.cli(&["documents", "list", "--json"]);
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

    // The invoice reviewed and sent from the window: sent, numbered, with the owner's notes; its
    // e-mail sent once (one outbox row, one attempt) and never again after the app closed.
    let invoice = documents
        .iter()
        .find(|d| d["id"].as_i64() == Some(sent.document_id))
        .unwrap_or_else(|| {
            panic!(
                "document {} (sent from the window) is not in `documents list --json`:\n{json}",
                sent.document_id
            )
        });
    assert_eq!(
        invoice["state"], "sent",
        "the invoice sent from the window:\n{invoice:#}"
    );
    assert!(
        invoice["number"].as_str().is_some_and(|n| !n.is_empty()),
        "the invoice sent from the window has no number:\n{invoice:#}"
    );
    assert_eq!(
        invoice["internal_note"], INTERNAL_NOTE,
        "the internal note written in the review:\n{invoice:#}"
    );
    let json = app.cli(&["outbox", "list", "--json"]);
    let outbox: serde_json::Value = serde_json::from_str(&json)
        .unwrap_or_else(|e| panic!("`outbox list --json` did not print JSON ({e}):\n{json}"));
    let rows: Vec<&serde_json::Value> = outbox
        .as_array()
        .unwrap_or_else(|| panic!("`outbox list --json` did not print a list:\n{json}"))
        .iter()
        .filter(|r| r["document_id"].as_i64() == Some(sent.document_id))
        .collect();
    assert_eq!(
        rows.len(),
        1,
        "document {} should have one outbox row; `outbox list --json`:\n{json}",
        sent.document_id
    );
    assert_eq!(rows[0]["state"], "sent", "its outbox row:\n{:#}", rows[0]);
    assert_eq!(rows[0]["attempts"], 1, "its outbox row:\n{:#}", rows[0]);
    // The delivery note's e-mail was refused for good: failed after one attempt, not retried.
    let refused = outbox
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["document_id"] == note["id"])
        .unwrap_or_else(|| {
            panic!("the delivery note sent from the list has no outbox row:\n{json}")
        });
    assert_eq!(refused["state"], "failed", "its outbox row:\n{refused:#}");
    assert_eq!(refused["attempts"], 1, "its outbox row:\n{refused:#}");
    assert_eq!(
        refused["last_error_temporary"], false,
        "its outbox row:\n{refused:#}"
    );
    let same_message = sink
        .received()
        .into_iter()
        .filter(|m| m["message_id"] == sent.message["message_id"])
        .count();
    assert_eq!(
        same_message, 1,
        "the SMTP server received the invoice's message {same_message} times after the app closed"
    );
    println!(
        "e2e: the database holds invoice {} as sent, e-mailed once",
        invoice["number"]
    );
    println!(
        "e2e: the database holds delivery note {} for order {NEW_ORDER_ID}",
        note["number"]
    );

    let json = app.cli(&["stock", "list", "--json"]);
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

/// The document sent from the review, and the message the SMTP server received for it.
struct Sent {
    document_id: i64,
    message: serde_json::Value,
}

async fn scenario(app: &App, sink: &Sink) -> Sent {
    let port = app.port;
    let window = app.open_window().await;
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
    let on_hold = window
        .css_text_when(
            &format!("the text of {row_css}"),
            &row_css,
            DOM_TIMEOUT,
            |_| true,
        )
        .await;
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
    window
        .click_css(
            &format!("a click on the row of order {ORDER_ID}"),
            &format!("{row_css} td"),
        )
        .await;
    window.wait_testid("order-detail").await;
    let deliveries = window
        .count_when(
            "at least one delivery-row inside order-detail",
            &format!("{} {}", tid("order-detail"), tid("delivery-row")),
            |_| true,
        )
        .await;
    println!("e2e: order {ORDER_ID}'s detail shows {deliveries} delivery row(s)");
    // The deliveries sit below the fold of the detail panel: bring them into the screenshot.
    window
        .scroll_into_view(&tid("delivery-row"), "center")
        .await;
    window.screenshot("detail.png").await;

    // 4. The Connection screen: listening, the delivery URL with our port, the secret.
    window.click_testid("nav-connection").await;
    window
        .attr_when("listener-state", "data-state", DOM_TIMEOUT, |s| {
            s == "listening"
        })
        .await;
    let url = window
        .text_when("delivery-url", DOM_TIMEOUT, |t| {
            t.ends_with("/webhooks/woocommerce")
        })
        .await;
    assert!(
        url.contains(&format!(":{port}/")),
        "the delivery URL {url:?} does not name the configured port {port}"
    );
    println!("e2e: delivery URL {url}");
    window.click_testid("secret-toggle").await;
    window
        .text_when("secret", DOM_TIMEOUT, |t| t == CAPTURE_SECRET)
        .await;
    no_error_banner(&window, "on the Connection screen").await;
    window.screenshot("connection.png").await;

    // 5. "Send a test order" goes through the real listener and shows up in Orders.
    window.click_testid("test-order-button").await;
    let result = window
        .text_when("test-order-result", DOM_TIMEOUT, |t| !t.is_empty())
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

    // 6b. The concept invoice is reviewed and sent by e-mail from the review screen.
    let sent = review_and_send(&window, sink).await;

    // 7. Settings: each order now becomes a delivery note, as soon as it is created. Each choice
    // is saved on its own and says so.
    window.click_testid("nav-settings").await;
    choose_setting(&window, "documents.kind", "delivery_note").await;
    choose_setting(&window, "documents.trigger", "created").await;
    no_error_banner(&window, "after changing the settings").await;
    window
        .scroll_into_view("#settings-documents", "start")
        .await;
    window.screenshot("settings.png").await;

    // The e-mail settings set with the CLI are shown; a test e-mail reaches the SMTP server.
    test_email(&window, sink).await;
    window.screenshot("email-settings.png").await;

    // An IBAN with a typing mistake is refused as it is typed, with the core's sentence.
    let iban_css = tid("setting-shop.iban");
    window.scroll_into_view(&iban_css, "center").await;
    window.click_and_type("setting-shop.iban", BAD_IBAN).await;
    let refusal = window
        .text_when("setting-error-shop.iban", DOM_TIMEOUT, |t| !t.is_empty())
        .await;
    println!("e2e: the IBAN {BAD_IBAN:?} is refused: {refusal:?}");
    window.scroll_into_view(&iban_css, "center").await;
    window.screenshot("settings-iban.png").await;

    // 7b. The same screen in Dutch: a refused IBAN is explained in Dutch, not in the core's
    // English. Then the window goes back to the language it had.
    let before = window
        .client()
        .execute("return document.documentElement.lang;", vec![])
        .await
        .expect("cannot read the window's language");
    let before = before.as_str().unwrap_or("en").to_owned();
    window.click_testid("lang-nl").await;
    window.click_and_type("setting-shop.iban", SHORT_IBAN).await;
    let dutch = window
        .text_when("setting-error-shop.iban", DOM_TIMEOUT, |t| {
            t.replace('\u{a0}', " ") == SHORT_IBAN_NL
        })
        .await;
    println!("e2e: in Dutch, the IBAN {SHORT_IBAN:?} is refused: {dutch:?}");
    window.scroll_into_view(&iban_css, "center").await;
    window.screenshot("settings-iban-nl.png").await;
    window.click_testid(&format!("lang-{before}")).await;

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

    // Its detail lists the lines with quantities and no prices. (The row's first cell holds its
    // tick box; the number cell opens it.)
    window
        .click_css(
            &format!("a click on the delivery note of order {NEW_ORDER_ID}"),
            &format!("{note_css} td.number"),
        )
        .await;
    let detail_css = format!("{}[data-kind='delivery_note']", tid("document-detail"));
    window
        .wait_css("document-detail of the delivery note", &detail_css)
        .await;
    let lines = window
        .count_when(
            "at least one document-line in the delivery note's detail",
            &format!("{detail_css} {}", tid("document-line")),
            |_| true,
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
    let content_css = format!("{detail_css} {}", tid("document-content"));
    let detail_text = window
        .all(&content_css)
        .await
        .expect("cannot read document-content")
        .into_iter()
        .next()
        .expect("document-content is missing from the delivery note's detail")
        .text()
        .await
        .expect("cannot read document-content's text");
    assert!(
        !detail_text.contains('€'),
        "the delivery note's content shows an amount:\n{detail_text}"
    );
    println!("e2e: the delivery note of order {NEW_ORDER_ID} shows {lines} line(s), no prices");
    window.screenshot("documents.png").await;

    // 8b. Several at once: the delivery note is ticked in the list and sent with "Send by
    // e-mail"; the server refuses its address, and the window says so with the server's words.
    // Being made today, it counts for "Print all delivery notes of today".
    send_ticked_refused(&window, &note_css).await;

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
                let (Some(input), Some(button)) =
                    (w.first(&input_css).await?, w.first(&set_css).await?)
                else {
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
        .css_text_when(
            &format!("the stock of {SKU} shown as 10"),
            &value_css,
            DOM_TIMEOUT,
            |t| t == "10",
        )
        .await;
    let movements = window
        .count_when(
            &format!("the owner's correction of {SKU} in the ledger"),
            &format!("{}[data-sku='{SKU}']", tid("ledger-row")),
            // The invoice of order 22 took one out; setting the stock adds the difference.
            |n| n >= 2,
        )
        .await;
    println!("e2e: {SKU} stock set to 10 in the window; its ledger has {movements} movement(s)");
    window.screenshot("stock.png").await;
    no_error_banner(&window, "at the end").await;

    // 10. Closing the session closes the app.
    window.close().await;
    sent
}

/// 6b. Opens the concept invoice of order 22 in its review: the PDF drawn by pdf.js, the e-mail as
/// the customer will see it, the printers; writes both notes (the PDF is drawn again); sends it
/// (Send, then confirm) and sees the message reach the SMTP server once, with the PDF attached,
/// and the document shown as sent — in the list, the review and the outbox.
async fn review_and_send(window: &Window, sink: &Sink) -> Sent {
    let row_css = format!(
        "{}[data-order-id='{ORDER_ID}'][data-kind='invoice']",
        tid("document-row")
    );
    let row = window
        .wait_css(&format!("the invoice row of order {ORDER_ID}"), &row_css)
        .await;
    let document_id: i64 = row
        .attr("data-document-id")
        .await
        .expect("cannot read data-document-id")
        .and_then(|v| v.parse().ok())
        .expect("the invoice row has no numeric data-document-id");
    let state = row
        .attr("data-state")
        .await
        .expect("cannot read data-state");
    assert_eq!(
        state.as_deref(),
        Some("concept"),
        "order {ORDER_ID}'s invoice should wait as a concept (automatic e-mail is off)"
    );
    window
        .click_css(
            "a click on the concept invoice's number cell",
            &format!("{row_css} td.number"),
        )
        .await;
    let review_css = format!(
        "{}[data-document-id='{document_id}'][data-state='concept']",
        tid("review")
    );
    window
        .wait_css("the review of the concept invoice", &review_css)
        .await;

    // The PDF as it will print: at least one page drawn, with ink on it.
    let first = pdf_drawn(window, "the concept invoice's PDF drawn in pdf-preview").await;
    println!("e2e: the review shows the PDF: {first}");

    // The e-mail as the customer will see it: to the order's billing address.
    let billing = capture("s01", "004").json()["billing"]["email"]
        .as_str()
        .expect("capture s01/004 has no billing e-mail")
        .to_owned();
    let shown_to = window
        .text_when("email-to", DOM_TIMEOUT, |t| !t.is_empty())
        .await;
    assert_eq!(shown_to, billing, "email-to in the review");
    let subject = window
        .text_when("email-subject", DOM_TIMEOUT, |t| !t.is_empty())
        .await;
    assert!(
        subject.contains(SHOP_NAME) && subject.contains(&ORDER_ID.to_string()),
        "email-subject {subject:?} should name the shop and the order"
    );
    let attachment = window
        .text_when("email-attachment", DOM_TIMEOUT, |t| t.ends_with(".pdf"))
        .await;
    let body = window
        .text_when("email-body", DOM_TIMEOUT, |t| !t.is_empty())
        .await;
    assert!(
        body.contains(&ORDER_ID.to_string()),
        "email-body should name order {ORDER_ID}:\n{body}"
    );
    println!("e2e: the review's e-mail: to {shown_to}, {subject:?}, attachment {attachment:?}");

    check_printers(window).await;
    no_error_banner(window, "in the review").await;
    window
        .client()
        .execute(
            "const r = document.querySelector(\"[data-testid='document-detail']\"); if (r) r.scrollTop = 0;",
            vec![],
        )
        .await
        .expect("cannot scroll the review to its top");
    window.screenshot("review.png").await;

    // Both notes are written in the review; the customer's is printed, so the PDF is drawn again.
    mark_pdf_pages(window).await;
    write_note(window, "customer-note", CUSTOMER_NOTE).await;
    write_note(window, "internal-note", INTERNAL_NOTE).await;
    let redrawn = pdf_drawn(
        window,
        "the PDF drawn again after the customer note was saved",
    )
    .await;
    println!("e2e: the PDF was drawn again after the customer note: {redrawn}");
    window
        .scroll_into_view(&tid("email-preview"), "start")
        .await;
    window.screenshot("review-email.png").await;

    // Send: confirm, then the message reaches the SMTP server.
    window.click_testid("send-button").await;
    window.click_testid("send-confirm").await;
    let message = window
        .wait_for(
            "the invoice's e-mail at the SMTP server",
            MAIL_TIMEOUT,
            async |_: &Window| Ok(sink.received().into_iter().next()),
        )
        .await;
    assert_eq!(
        message["rcpt_tos"],
        serde_json::json!([billing]),
        "the message's recipients:\n{message:#}"
    );
    assert!(
        message["from"]
            .as_str()
            .is_some_and(|f| f.contains(SMTP_FROM_ADDRESS)),
        "the message's sender:\n{message:#}"
    );
    assert_eq!(
        message["subject"].as_str(),
        Some(subject.as_str()),
        "the message's subject is not the one the review showed:\n{message:#}"
    );
    let attachments = message["attachments"]
        .as_array()
        .unwrap_or_else(|| panic!("the message has no attachment list:\n{message:#}"));
    assert_eq!(
        attachments.len(),
        1,
        "the message should carry one attachment:\n{message:#}"
    );
    let pdf = &attachments[0];
    assert_eq!(
        pdf["content_type"], "application/pdf",
        "the attachment:\n{pdf:#}"
    );
    let sent_name = pdf["filename"]
        .as_str()
        .unwrap_or_else(|| panic!("the attachment has no file name:\n{pdf:#}"))
        .to_owned();
    let bytes = sink.file(
        pdf["file"]
            .as_str()
            .unwrap_or_else(|| panic!("the sink did not save the attachment:\n{pdf:#}")),
    );
    assert!(
        bytes.starts_with(b"%PDF-"),
        "the attachment {sent_name:?} is not a PDF"
    );
    println!(
        "e2e: the SMTP server received {:?} for {billing} with {sent_name:?} ({} bytes)",
        message["subject"],
        bytes.len()
    );

    // The window follows by itself: the row says sent, the review shows the e-mail as sent, with
    // the attachment's final name (the invoice got its number when sent).
    window
        .wait_css(
            "the invoice's row with data-state=\"sent\" (after the outbox sent it, no reload)",
            &format!(
                "{}[data-document-id='{document_id}'][data-state='sent']",
                tid("document-row")
            ),
        )
        .await;
    window
        .wait_css(
            "the review with data-state=\"sent\" and mail-status sent",
            &format!(
                "{}[data-document-id='{document_id}'][data-state='sent'] {}[data-state='sent']",
                tid("review"),
                tid("mail-status")
            ),
        )
        .await;
    window
        .text_when("email-attachment", DOM_TIMEOUT, |t| t == sent_name)
        .await;
    no_error_banner(window, "after sending the invoice").await;

    // Once: nothing more arrives.
    tokio::time::sleep(Duration::from_secs(2)).await;
    let received = sink.received();
    assert_eq!(
        received.len(),
        1,
        "the SMTP server should have received one message, not {}:\n{received:#?}",
        received.len()
    );

    // The outbox lists it, sent.
    window.click_testid("documents-view-outbox").await;
    window
        .wait_css(
            "the invoice's outbox-row with data-state=\"sent\"",
            &format!(
                "{} {}[data-document-id='{document_id}'][data-state='sent']",
                tid("outbox-table"),
                tid("outbox-row")
            ),
        )
        .await;
    window.click_testid("documents-view-list").await;
    window.wait_testid("documents-table").await;
    Sent {
        document_id,
        message,
    }
}

/// Ticks the document of `row_css` in the list and sends it with "Send by e-mail" (then confirm).
/// Its customer's address is one the SMTP server refuses: the row, the outbox and the review show
/// the failure with the server's answer, and nothing is retried.
async fn send_ticked_refused(window: &Window, row_css: &str) {
    let id = window
        .wait_css("the row to tick", row_css)
        .await
        .attr("data-document-id")
        .await
        .expect("cannot read data-document-id")
        .expect("the row has no data-document-id");
    let today = window.wait_testid("print-today-button").await;
    let count = today
        .attr("data-count")
        .await
        .expect("cannot read print-today-button's data-count");
    assert!(
        count.as_deref().is_some_and(|n| n != "0"),
        "print-today-button should count today's delivery note (data-count={count:?})"
    );
    let tick_css = format!("{}[data-document-id='{id}']", tid("select-document"));
    window
        .wait_for(
            &format!("ticking document {id}"),
            DOM_TIMEOUT,
            async |w: &Window| match w.first(&tick_css).await? {
                Some(tick) => {
                    if tick.prop("checked").await?.as_deref() != Some("true") {
                        tick.click().await?;
                    }
                    Ok((tick.prop("checked").await?.as_deref() == Some("true")).then_some(()))
                }
                None => Ok(None),
            },
        )
        .await;
    window.click_testid("send-selected-button").await;
    window.click_testid("send-selected-confirm").await;
    window
        .wait_css_within(
            &format!("document {id}'s row with data-mail=\"failed\" (the server refused {NEW_ORDER_EMAIL})"),
            &format!(
                "{}[data-document-id='{id}'][data-mail='failed']",
                tid("document-row")
            ),
            MAIL_TIMEOUT,
        )
        .await;
    no_error_banner(window, "after sending the ticked document").await;

    // The outbox lists both e-mails: the invoice sent, the delivery note refused, with the
    // server's answer.
    window.click_testid("documents-view-outbox").await;
    let error_css = format!(
        "{}[data-document-id='{id}'][data-state='failed'] {}",
        tid("outbox-row"),
        tid("outbox-error")
    );
    let error = window
        .css_text_when(
            "the failed e-mail's outbox-error",
            &error_css,
            DOM_TIMEOUT,
            |_| true,
        )
        .await;
    assert!(
        error.contains("550") && error.contains(NEW_ORDER_EMAIL),
        "outbox-error should give the server's refusal of {NEW_ORDER_EMAIL}: {error:?}"
    );
    let rows = window
        .all(&tid("outbox-row"))
        .await
        .expect("cannot list the outbox rows")
        .len();
    assert_eq!(
        rows, 2,
        "the outbox should list the invoice and the delivery note"
    );
    window.screenshot("outbox.png").await;
    window.click_testid("documents-view-list").await;
    window.wait_testid("documents-table").await;
    println!("e2e: ticked document {id} refused by the SMTP server, shown as failed: {error:?}");
}

/// Waits until pdf-preview holds at least one drawn page (a canvas with a size and dark pixels)
/// that is not marked by `mark_pdf_pages`; returns a description of it.
async fn pdf_drawn(window: &Window, what: &str) -> String {
    const CHECK: &str = "
        const pages = document.querySelectorAll(
          \"[data-testid='pdf-preview'] canvas[data-testid='pdf-page']\");
        if (pages.length === 0) return null;
        const first = pages[0];
        if (first.e2eSeen || !first.width || !first.height) return null;
        const data = first.getContext('2d').getImageData(0, 0, first.width, first.height).data;
        let dark = 0;
        for (let i = 0; i < data.length; i += 4 * 7) {
          if (data[i + 3] > 0 && data[i] + data[i + 1] + data[i + 2] < 200) dark++;
        }
        if (dark < 50) return null;
        return `${pages.length} page(s), ${first.width}×${first.height} px, ${dark} dark samples`;";
    window
        .wait_for(what, DOM_TIMEOUT, async |w: &Window| {
            match w.client().execute(CHECK, vec![]).await? {
                serde_json::Value::String(s) => Ok(Some(s)),
                _ => Ok(None),
            }
        })
        .await
}

/// Marks the pages drawn now, so that `pdf_drawn` waits for new ones.
async fn mark_pdf_pages(window: &Window) {
    window
        .client()
        .execute(
            "document.querySelectorAll(\"[data-testid='pdf-page']\").forEach((c) => { c.e2eSeen = true; });",
            vec![],
        )
        .await
        .expect("cannot mark the PDF pages");
}

/// Replaces the text of the note `testid` (a textarea in the review), saves it with its button
/// and waits until it says it is saved.
async fn write_note(window: &Window, testid: &str, text: &str) {
    let css = tid(testid);
    window.click_and_type(testid, text).await;
    window.click_testid(&format!("{testid}-save")).await;
    window.wait_testid(&format!("{testid}-saved")).await;
    let shown = window
        .first(&css)
        .await
        .expect("cannot find the note again")
        .expect("the note vanished")
        .prop("value")
        .await
        .expect("cannot read the note");
    assert_eq!(shown.as_deref(), Some(text), "{testid} after saving");
    println!("e2e: {testid} saved from the review");
}

/// The printer picker offers what CUPS lists (`lpstat -e`), or says why there is none.
async fn check_printers(window: &Window) {
    let listed = std::process::Command::new("lpstat")
        .arg("-e")
        .stdin(std::process::Stdio::null())
        .output();
    let expected: Option<Vec<String>> = listed.ok().map(|out| {
        let mut names: Vec<String> = String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect();
        names.sort();
        names
    });
    window.wait_testid("printer-select").await;
    match expected {
        Some(names) if !names.is_empty() => {
            let shown = window
                .wait_for(
                    &format!("printer-select offering {names:?} (from lpstat -e)"),
                    DOM_TIMEOUT,
                    async |w: &Window| {
                        let value = w
                            .client()
                            .execute(
                                "const s = document.querySelector(\"[data-testid='printer-select']\");
                                 return s ? Array.from(s.options).map((o) => o.value) : [];",
                                vec![],
                            )
                            .await?;
                        let mut shown: Vec<String> = value
                            .as_array()
                            .map(|a| {
                                a.iter()
                                    .filter_map(|v| v.as_str().map(str::to_owned))
                                    .collect()
                            })
                            .unwrap_or_default();
                        shown.sort();
                        Ok((shown == names).then_some(shown))
                    },
                )
                .await;
            println!("e2e: printer-select offers {shown:?}, as lpstat -e lists");
        }
        other => {
            // No CUPS (lpstat missing): the core's sentence; CUPS without printers: "no printer".
            let message = window
                .text_when("printer-select-message", DOM_TIMEOUT, |t| !t.is_empty())
                .await;
            if other.is_none() {
                assert!(
                    message.contains("CUPS"),
                    "without lpstat, printer-select-message should give the core's sentence about CUPS: {message:?}"
                );
            }
            println!("e2e: no printer to offer; the review says {message:?}");
        }
    }
}

/// 7b. The e-mail settings set with the CLI are in the Settings screen; "Send a test e-mail" to
/// the sender's own address (offered by default) reaches the SMTP server and says so.
async fn test_email(window: &Window, sink: &Sink) {
    window.scroll_into_view("#settings-smtp", "start").await;
    let port = sink.port.to_string();
    for (key, expected) in [("smtp.host", "127.0.0.1"), ("smtp.port", port.as_str())] {
        window
            .prop_when(&format!("setting-{key}"), "value", |v| v == expected)
            .await;
    }
    let woo = window
        .text_when("woocommerce-emails", DOM_TIMEOUT, |t| {
            t.contains("WooCommerce")
        })
        .await;
    assert!(
        !woo.is_empty(),
        "the settings should explain WooCommerce's own e-mails"
    );
    window
        .prop_when("test-email-address", "value", |v| v == SMTP_FROM_ADDRESS)
        .await;
    let before = sink.received().len();

    // To an address the server refuses: the server's exact answer is shown.
    window
        .type_into("test-email-address", REFUSED_ADDRESS)
        .await;
    let (ok, text) = send_test_email(window).await;
    assert_eq!(
        ok.as_deref(),
        Some("false"),
        "the test e-mail to {REFUSED_ADDRESS} should fail: {text:?}"
    );
    assert!(
        text.contains("550") && text.contains("User unknown"),
        "test-email-result should give the server's exact refusal: {text:?}"
    );
    println!("e2e: test e-mail to a refused address: {text:?}");

    // To the sender's own address: accepted, with the server's answer.
    window
        .type_into("test-email-address", SMTP_FROM_ADDRESS)
        .await;
    let (ok, text) = send_test_email(window).await;
    assert_eq!(
        ok.as_deref(),
        Some("true"),
        "the test e-mail failed: {text:?}"
    );
    assert!(
        text.contains("250"),
        "test-email-result should give the server's answer: {text:?}"
    );
    let message = window
        .wait_for(
            "the test e-mail at the SMTP server",
            MAIL_TIMEOUT,
            async |_: &Window| Ok(sink.received().into_iter().nth(before)),
        )
        .await;
    assert_eq!(
        message["rcpt_tos"],
        serde_json::json!([SMTP_FROM_ADDRESS]),
        "the test e-mail's recipients:\n{message:#}"
    );
    println!("e2e: test e-mail sent from Settings: {text:?}");
    no_error_banner(window, "after the test e-mail").await;
    window.scroll_into_view("#settings-smtp", "start").await;
}

/// Presses "Send a test e-mail" and waits for a new result; returns its data-ok and its text.
async fn send_test_email(window: &Window) -> (Option<String>, String) {
    // The result of an earlier try is replaced: wait for it to go first.
    let result_css = tid("test-email-result");
    window.click_testid("test-email-button").await;
    window
        .wait_for(
            "test-email-button busy, then done (the previous result cleared)",
            MAIL_TIMEOUT,
            async |w: &Window| {
                let busy = match w.first(&tid("test-email-button")).await? {
                    Some(b) => b.attr("aria-busy").await?.as_deref() == Some("true"),
                    None => true,
                };
                Ok((!busy).then_some(()))
            },
        )
        .await;
    window
        .wait_for(
            "test-email-result",
            MAIL_TIMEOUT,
            async |w: &Window| match w.first(&result_css).await? {
                Some(el) => {
                    let ok = el.attr("data-ok").await?;
                    let text = el.text().await?;
                    Ok(Some((ok, text)))
                }
                None => Ok(None),
            },
        )
        .await
}

/// Picks `value` in the `<select>` of setting `key` (a click on its option, as the owner's), then
/// waits until the field says it is saved.
async fn choose_setting(window: &Window, key: &str, value: &str) {
    window.select_setting(key, value).await;
    let shown = window
        .first(&tid(&format!("setting-{key}")))
        .await
        .expect("cannot find the setting again")
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

/// Waits until the row (found again each time: the UI re-renders it) shows another text.
async fn changed_row_text(window: &Window, row_css: &str, before: &str, after: &str) -> String {
    window
        .css_text_when(
            &format!(
                "a change in the row {row_css} after posting {after} (it still read {before:?})"
            ),
            row_css,
            DOM_TIMEOUT,
            |t| t != before,
        )
        .await
}
