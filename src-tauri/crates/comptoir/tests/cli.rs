//! The `comptoir` command line as a user runs it: the real binary, a real data folder, real
//! HTTP deliveries from the captures, and the documented JSON and exit codes.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use comptoir_testkit::serve::{Serve, run_ok, run_refused};
use comptoir_testkit::{CAPTURE_SECRET, post, scenarios};

const BIN: &str = env!("CARGO_BIN_EXE_comptoir");

fn ok(data: &Path, args: &[&str]) -> String {
    run_ok(BIN, data, args)
}

fn refused(data: &Path, args: &[&str]) -> String {
    run_refused(BIN, data, args)
}

#[test]
fn serve_receives_orders_that_orders_list_and_show_report() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    ok(&data, &["config", "set", "webhook.secret", CAPTURE_SECRET]);
    let serve = Serve::start(BIN, &data, &[]);
    for (_, captures) in scenarios() {
        for c in captures {
            assert_eq!(post(serve.addr, &c), 200, "{}/{}", c.scenario, c.name);
        }
    }
    let (status, printed) = serve.stop();
    assert!(status.success(), "serve exited with {status}");
    assert!(printed.iter().any(|l| l == "Stopped."), "{printed:?}");

    let list: serde_json::Value =
        serde_json::from_str(&ok(&data, &["orders", "list", "--json"])).unwrap();
    let list = list.as_array().unwrap();
    let by_id = |id: u64| {
        list.iter()
            .find(|o| o["id"] == id)
            .unwrap_or_else(|| panic!("order {id} missing"))
    };
    for o in list {
        for field in [
            "id",
            "number",
            "status",
            "currency",
            "total",
            "billing_email",
            "customer_note",
            "date_modified_gmt",
        ] {
            assert!(o.get(field).is_some(), "field {field} missing in {o}");
        }
        assert!(o["total"].is_string(), "money is a string");
    }
    let s04 = by_id(25);
    assert_eq!(s04["status"], "processing");
    assert_eq!(s04["total"], "70.28");
    assert_eq!(s04["currency"], "EUR");
    assert_eq!(
        s04["customer_note"],
        "Merci ! Livrez après 17h — sonnez 2×\n« fragile » 🎁"
    );
    assert_eq!(s04["date_modified_gmt"], "2026-11-28T14:29:55");
    let s06 = by_id(26);
    assert_eq!(s06["status"], "refunded");
    assert_eq!(s06["paid"], true);
    let s03 = by_id(24);
    assert_eq!(s03["status"], "completed");

    let show: serde_json::Value =
        serde_json::from_str(&ok(&data, &["orders", "show", "25", "--json"])).unwrap();
    assert_eq!(show["id"], 25);
    assert_eq!(show["line_items"].as_array().unwrap().len(), 3);
    let topics: Vec<&str> = show["deliveries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["topic"].as_str().unwrap())
        .collect();
    assert_eq!(topics, ["order.created", "order.updated", "order.updated"]);
    assert_eq!(show["deliveries"][1]["outcome"], "duplicate");
    let refunds = &ok(&data, &["orders", "show", "26", "--json"]);
    let refunds: serde_json::Value = serde_json::from_str(refunds).unwrap();
    assert_eq!(refunds["refunds"].as_array().unwrap().len(), 2);
    assert_eq!(refunds["refunds"][0]["total"], "-52.59");

    // The human-readable forms work too.
    assert!(ok(&data, &["orders", "list"]).contains("70.28"));
    assert!(ok(&data, &["orders", "show", "25"]).contains("Moulin à café manuel"));
}

#[test]
fn a_second_receiver_on_the_same_data_folder_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let first = Serve::start(BIN, &data, &[]);
    let err = refused(&data, &["serve", "--listen", "127.0.0.1:0"]);
    assert!(err.contains("already receiving orders"), "{err}");
    assert!(err.contains("comptoir serve, process"), "{err}");
    // Reading is fine while it runs.
    ok(&data, &["orders", "list", "--json"]);
    let (status, _) = first.stop();
    assert!(status.success());
    // Once it stopped, serving works again.
    let again = Serve::start(BIN, &data, &[]);
    again.stop();
}

#[test]
fn config_checks_keys_and_values() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let secret = ok(&data, &["config", "get", "webhook.secret"]);
    let secret = secret.trim();
    assert_eq!(secret.len(), 40);
    assert!(secret.bytes().all(|b| b.is_ascii_alphanumeric()));
    assert_eq!(
        ok(&data, &["config", "get", "webhook.secret"]).trim(),
        secret,
        "generated once"
    );
    assert_eq!(
        ok(&data, &["config", "get", "listener.port"]).trim(),
        "8787"
    );

    let err = refused(&data, &["config", "set", "listener.prot", "9000"]);
    assert!(
        err.contains("Unknown setting \"listener.prot\"") && err.contains("listener.port"),
        "{err}"
    );
    let err = refused(&data, &["config", "get", "nope"]);
    assert!(err.contains("Known settings"), "{err}");
    let err = refused(&data, &["config", "set", "listener.port", "http"]);
    assert!(err.contains("from 1024 to 65535"), "{err}");
    let err = refused(&data, &["config", "set", "webhook.secret", "short"]);
    assert!(err.contains("12 to 255 characters"), "{err}");
    let err = refused(
        &data,
        &["config", "set", "tunnel.public_url", "http://shop.example"],
    );
    assert!(err.contains("https://"), "{err}");

    ok(&data, &["config", "set", "listener.port", "9123"]);
    assert_eq!(
        ok(&data, &["config", "get", "listener.port"]).trim(),
        "9123"
    );
    ok(&data, &["config", "set", "webhook.secret", CAPTURE_SECRET]);
    assert_eq!(
        ok(&data, &["config", "get", "webhook.secret"]).trim(),
        CAPTURE_SECRET
    );
    let listed = ok(&data, &["config", "list"]);
    assert!(listed.contains("listener.port = 9123"), "{listed}");
    assert!(
        !listed.contains(CAPTURE_SECRET),
        "config list must not print the secret"
    );
}

#[test]
fn unknown_orders_are_explained() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let err = refused(&data, &["orders", "show", "999", "--json"]);
    assert!(err.contains("There is no order 999"), "{err}");
    assert_eq!(ok(&data, &["orders", "list", "--json"]).trim(), "[]");
}

#[test]
fn serve_refuses_a_busy_port_and_a_public_address() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let err = refused(&data, &["serve", "--listen", &format!("127.0.0.1:{port}")]);
    assert!(
        err.contains(&format!("Another program already uses port {port}")),
        "{err}"
    );
    let err = refused(&data, &["serve", "--listen", "0.0.0.0:0"]);
    assert!(err.contains("not a loopback address"), "{err}");
}

#[test]
fn documents_and_stock_through_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    ok(&data, &["config", "set", "webhook.secret", CAPTURE_SECRET]);
    ok(&data, &["config", "set", "documents.kind", "invoice"]);
    ok(&data, &["config", "set", "documents.trigger", "created"]);
    ok(
        &data,
        &["config", "set", "shop.iban", "BE68 5390 0754 7034"],
    );
    assert_eq!(
        ok(&data, &["config", "get", "shop.iban"]).trim(),
        "BE68539007547034"
    );
    let err = refused(
        &data,
        &["config", "set", "shop.iban", "BE68 5390 0754 7035"],
    );
    assert!(err.contains("shop.iban"), "{err}");
    let err = refused(
        &data,
        &["config", "set", "legend.fr.unpaid", "Payez {montant}"],
    );
    assert!(err.contains("{structured_communication}"), "{err}");
    let err = refused(&data, &["config", "set", "documents.trigger", "shipped"]);
    assert!(
        err.contains("created, paid, processing, completed"),
        "{err}"
    );

    let serve = Serve::start(BIN, &data, &[]);
    for c in scenarios()
        .into_iter()
        .find(|(s, _)| s.starts_with("s01"))
        .unwrap()
        .1
    {
        assert_eq!(post(serve.addr, &c), 200);
    }
    serve.stop();

    let list: serde_json::Value =
        serde_json::from_str(&ok(&data, &["documents", "list", "--json"])).unwrap();
    let docs = list.as_array().unwrap();
    assert_eq!(docs.len(), 1, "{list:#}");
    let d = &docs[0];
    for field in [
        "id",
        "kind",
        "order_id",
        "number",
        "state",
        "paid",
        "language",
        "total",
        "currency",
        "structured_communication",
    ] {
        assert!(d.get(field).is_some(), "field {field} missing in {d}");
    }
    assert_eq!(d["kind"], "invoice");
    assert_eq!(d["order_id"], 22);
    assert_eq!(d["number"], serde_json::Value::Null);
    assert_eq!(d["state"], "concept");
    assert_eq!(
        d["paid"], true,
        "bank transfer received: s01/003 set date_paid"
    );
    assert_eq!(d["total"], "60.80");
    assert!(
        d["structured_communication"]
            .as_str()
            .unwrap()
            .starts_with("+++"),
        "made unpaid at on-hold"
    );
    let id = d["id"].to_string();

    let raw = ok(&data, &["documents", "show", &id, "--json"]);
    for key in ["\"currency\"", "\"total\"", "\"order_number\"", "\"lines\""] {
        assert_eq!(raw.matches(key).count(), 1, "{key} once in {raw}");
    }
    let show: serde_json::Value = serde_json::from_str(&raw).unwrap();
    assert_eq!(
        show["lines"].as_array().unwrap().len(),
        3,
        "2 products + shipping"
    );
    assert_eq!(show["vat_summary"].as_array().unwrap().len(), 2);
    assert_eq!(show["legend"], "Payé. Merci pour votre commande !");

    let finalized = ok(&data, &["documents", "finalize", &id]);
    assert!(finalized.contains("-0001"), "{finalized}");
    let err = refused(&data, &["documents", "delete", &id]);
    assert!(err.contains("credit note"), "{err}");
    ok(&data, &["documents", "mark-paid", &id]);
    ok(&data, &["documents", "note", &id, "Vérifié au téléphone"]);
    let list: serde_json::Value = serde_json::from_str(&ok(
        &data,
        &["documents", "list", "--json", "--state", "final"],
    ))
    .unwrap();
    assert_eq!(list[0]["internal_note"], "Vérifié au téléphone");
    assert_eq!(list[0]["state"], "final");
    let none: serde_json::Value = serde_json::from_str(&ok(
        &data,
        &["documents", "list", "--json", "--kind", "delivery_note"],
    ))
    .unwrap();
    assert_eq!(none, serde_json::json!([]));

    let stock: serde_json::Value =
        serde_json::from_str(&ok(&data, &["stock", "list", "--json"])).unwrap();
    let moul = stock
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["sku"] == "MOUL-001")
        .unwrap();
    assert_eq!(moul["stock"], serde_json::Value::Null);
    assert_eq!(moul["ledger_total"], "-1");
    ok(&data, &["stock", "set", "MOUL-001", "12"]);
    let stock: serde_json::Value =
        serde_json::from_str(&ok(&data, &["stock", "list", "--json"])).unwrap();
    let moul = stock
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["sku"] == "MOUL-001")
        .unwrap();
    assert_eq!(moul["stock"], "12");
    assert_eq!(moul["ledger_total"], "12");
    let err = refused(&data, &["stock", "set", "NOPE", "1"]);
    assert!(err.contains("no product with SKU NOPE"), "{err}");
}

#[test]
fn reach_settings_are_checked_and_sync_explains_what_is_missing() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let err = refused(
        &data,
        &["config", "set", "woocommerce.url", "http://shop.example.be"],
    );
    assert!(
        err.contains("woocommerce.url") && err.contains("https"),
        "{err}"
    );
    ok(
        &data,
        &[
            "config",
            "set",
            "woocommerce.url",
            "https://shop.example.be",
        ],
    );
    let err = refused(&data, &["config", "set", "tunnel.provider", "socks"]);
    assert!(err.contains("manual, cloudflared, ngrok"), "{err}");
    let err = refused(&data, &["config", "set", "sync.interval_minutes", "0"]);
    assert!(err.contains("1 to 1440"), "{err}");
    assert_eq!(
        ok(&data, &["config", "get", "sync.interval_minutes"]).trim(),
        "10"
    );
    ok(
        &data,
        &[
            "config",
            "set",
            "woocommerce.consumer_secret",
            "cs_not_shown_anywhere",
        ],
    );
    assert_eq!(
        ok(&data, &["config", "get", "woocommerce.consumer_secret"]).trim(),
        "(set)"
    );
    assert!(!ok(&data, &["config", "list"]).contains("cs_not_shown_anywhere"));
    let err = refused(&data, &["sync"]);
    assert!(err.contains("consumer") || err.contains("key"), "{err}");
}
