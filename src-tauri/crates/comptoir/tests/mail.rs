//! E-mailing documents end to end: the real `comptoir serve`, real deliveries from the
//! captures, a real SMTP server (aiosmtpd) receiving the real messages, the PDF compared byte
//! for byte with `comptoir documents pdf`, retries while the server is down, an authentication
//! failure, and crashes with messages queued.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::time::{Duration, Instant};

use comptoir_testkit::serve::{Serve, run, run_ok};
use comptoir_testkit::smtp::Sink;
use comptoir_testkit::{CAPTURE_SECRET, capture, post};

const BIN: &str = env!("CARGO_BIN_EXE_comptoir");
/// Retries every second instead of minutes (the real schedule is tested in comptoir-mail).
const FAST_RETRY: (&str, &str) = ("COMPTOIR_MAIL_BACKOFF_SECONDS", "1");

fn comptoir(data: &Path, args: &[&str]) -> std::process::Output {
    run(BIN, data, args)
}

fn ok(data: &Path, args: &[&str]) -> String {
    run_ok(BIN, data, args)
}

fn json(data: &Path, args: &[&str]) -> serde_json::Value {
    serde_json::from_str(&ok(data, args)).unwrap()
}

/// A shop set up to e-mail invoices through the SMTP server on `port`.
fn shop(data: &Path, port: u16, extra: &[(&str, &str)]) {
    let settings = [
        ("webhook.secret", CAPTURE_SECRET),
        ("documents.kind", "invoice"),
        ("documents.trigger", "created"),
        ("documents.auto_email", "true"),
        ("shop.name", "Le Comptoir"),
        ("shop.iban", "BE68539007547034"),
        ("shop.bic", "GKCCBEBB"),
        ("smtp.host", "127.0.0.1"),
        ("smtp.security", "none"),
        ("smtp.from", "Le Comptoir <boutique@example.be>"),
    ];
    let port = port.to_string();
    for (k, v) in settings
        .iter()
        .copied()
        .chain([("smtp.port", port.as_str())])
        .chain(extra.iter().copied())
    {
        ok(data, &["config", "set", k, v]);
    }
}

fn outbox(data: &Path) -> Vec<serde_json::Value> {
    json(data, &["outbox", "list", "--json"])
        .as_array()
        .unwrap()
        .clone()
}

fn wait_until(what: &str, timeout: Duration, mut check: impl FnMut() -> bool) {
    let deadline = Instant::now() + timeout;
    while !check() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

#[test]
fn a_paid_order_is_emailed_once_with_its_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let sink = Sink::start(&[]);
    shop(&data, sink.port, &[]);
    let serve = Serve::start(BIN, &data, &[]);
    // Paid online at checkout, then the same body again to the second webhook.
    assert_eq!(post(serve.addr, &capture("s02", "001")), 200);
    assert_eq!(post(serve.addr, &capture("s02", "002")), 200);
    let got = sink.wait_for(1, Duration::from_secs(20));
    assert_eq!(got.len(), 1, "{got:#?}");
    std::thread::sleep(Duration::from_secs(2));
    serve.stop();
    assert_eq!(sink.received().len(), 1, "sent once");

    let m = &got[0];
    let order = capture("s02", "001").json();
    let to = order["billing"]["email"].as_str().unwrap();
    assert_eq!(m["rcpt_tos"], serde_json::json!([to]));
    assert_eq!(m["subject"], "Le Comptoir — votre commande 23");
    let body = m["body"].as_str().unwrap();
    assert!(body.contains("Merci pour votre commande 23"), "{body}");
    assert!(
        !body.contains("communication structurée"),
        "paid: no payment request: {body}"
    );
    assert!(m["defects"].as_array().unwrap().is_empty(), "{m}");

    let docs = json(&data, &["documents", "list", "--json"]);
    let doc = &docs[0];
    assert_eq!(doc["state"], "sent");
    let number = doc["number"].as_str().unwrap();
    let att = &m["attachments"][0];
    assert_eq!(att["filename"], format!("Facture {number}.pdf"));
    assert_eq!(att["content_type"], "application/pdf");
    let out = dir.path().join("doc.pdf");
    ok(
        &data,
        &[
            "documents",
            "pdf",
            &doc["id"].to_string(),
            "--output",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(
        sink.file(att["file"].as_str().unwrap()),
        std::fs::read(&out).unwrap(),
        "the PDF sent is the PDF of the document"
    );
    let rows = outbox(&data);
    assert_eq!(rows[0]["state"], "sent");
    assert_eq!(rows[0]["attempts"], 1);
}

#[test]
fn texts_follow_the_language_and_the_payment_state() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let sink = Sink::start(&[]);
    shop(
        &data,
        sink.port,
        &[
            ("documents.multilingual", "true"),
            ("documents.default_language", "nl"),
        ],
    );
    let serve = Serve::start(BIN, &data, &[]);
    // A bank transfer, on hold: the invoice is unpaid and asks for the transfer.
    assert_eq!(post(serve.addr, &capture("s01", "001")), 200);
    let got = sink.wait_for(1, Duration::from_secs(20));
    serve.stop();
    assert_eq!(got.len(), 1);
    assert_eq!(got[0]["subject"], "Le Comptoir — uw bestelling 22");
    let body = got[0]["body"].as_str().unwrap();
    let doc = &json(&data, &["documents", "list", "--json"])[0];
    let ogm = doc["structured_communication"].as_str().unwrap();
    assert!(
        body.contains(&format!("gestructureerde mededeling {ogm}")),
        "{body}"
    );
    assert!(body.contains("60,80 €"), "{body}");
    assert_eq!(
        got[0]["attachments"][0]["filename"],
        format!("Factuur {}.pdf", doc["number"].as_str().unwrap())
    );
}

#[test]
fn while_the_server_is_down_the_outbox_retries_and_delivers_once_it_is_back() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let port = free_port();
    shop(&data, port, &[]);
    let serve = Serve::start(BIN, &data, &[FAST_RETRY]);
    assert_eq!(post(serve.addr, &capture("s02", "001")), 200);
    wait_until("two failed attempts", Duration::from_secs(20), || {
        outbox(&data)
            .first()
            .is_some_and(|r| r["attempts"].as_i64().unwrap_or(0) >= 2)
    });
    let row = &outbox(&data)[0];
    assert_eq!(row["state"], "queued");
    assert_eq!(row["last_error_temporary"], true);
    let sink = Sink::start_on(port, &[]);
    let got = sink.wait_for(1, Duration::from_secs(20));
    assert_eq!(got.len(), 1);
    std::thread::sleep(Duration::from_secs(3));
    serve.stop();
    assert_eq!(
        sink.received().len(),
        1,
        "delivered once, not once per attempt"
    );
    assert_eq!(outbox(&data)[0]["state"], "sent");
}

#[test]
fn an_authentication_failure_stops_and_says_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let sink = Sink::start(&["--user", "boutique@example.be", "--password", "right"]);
    shop(
        &data,
        sink.port,
        &[
            ("smtp.user", "boutique@example.be"),
            ("smtp.password", "wrong"),
        ],
    );
    assert_eq!(
        ok(&data, &["config", "get", "smtp.password"]).trim(),
        "(set)"
    );
    let serve = Serve::start(BIN, &data, &[FAST_RETRY]);
    assert_eq!(post(serve.addr, &capture("s02", "001")), 200);
    wait_until("the failure", Duration::from_secs(20), || {
        outbox(&data)
            .first()
            .is_some_and(|r| r["state"] == "failed")
    });
    std::thread::sleep(Duration::from_secs(2));
    serve.stop();
    let row = &outbox(&data)[0];
    assert_eq!(row["attempts"], 1, "a permanent failure is not retried");
    let error = row["last_error"].as_str().unwrap();
    assert!(
        error.contains("535") && error.contains("password"),
        "{error}"
    );
    assert!(!error.contains("wrong"), "the password never shows");
    assert!(sink.received().is_empty());
    let listed = ok(&data, &["outbox", "list"]);
    assert!(!listed.contains("wrong"));
}

#[test]
fn a_message_queued_before_a_crash_is_sent_once_after_the_restart() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let sink = Sink::start(&[]);
    // Documents wait as concepts; the owner queues one while nothing runs.
    shop(&data, sink.port, &[("documents.auto_email", "false")]);
    let serve = Serve::start(BIN, &data, &[]);
    assert_eq!(post(serve.addr, &capture("s02", "001")), 200);
    assert_eq!(post(serve.addr, &capture("s03", "001")), 200);
    serve.crash();
    let docs = json(&data, &["documents", "list", "--json"]);
    assert_eq!(docs.as_array().unwrap().len(), 2);
    let (a, b) = (docs[0]["id"].to_string(), docs[1]["id"].to_string());
    ok(&data, &["documents", "send", &a]);
    ok(&data, &["documents", "send", &b]);
    let err = comptoir(&data, &["documents", "send", "999"]);
    assert!(!err.status.success());
    // One of them as if a crash had struck in the middle of sending it.
    let db = rusqlite::Connection::open(data.join("comptoir.sqlite")).unwrap();
    db.execute(
        "UPDATE outbox SET state = 'sending', attempts = 1 WHERE document_id = ?1",
        [&b],
    )
    .unwrap();
    drop(db);
    assert!(sink.received().is_empty());

    let serve = Serve::start(BIN, &data, &[]);
    let got = sink.wait_for(2, Duration::from_secs(20));
    assert_eq!(got.len(), 2, "{got:#?}");
    serve.crash();
    let serve = Serve::start(BIN, &data, &[]);
    std::thread::sleep(Duration::from_secs(3));
    serve.stop();
    assert_eq!(
        sink.received().len(),
        2,
        "nothing is sent twice after another restart"
    );
    let ids: Vec<&str> = got
        .iter()
        .map(|m| m["message_id"].as_str().unwrap())
        .collect();
    assert_ne!(ids[0], ids[1]);
    for r in outbox(&data) {
        assert_eq!(r["state"], "sent");
    }
    let err = comptoir(&data, &["documents", "send", &a]);
    assert!(String::from_utf8_lossy(&err.stderr).contains("already e-mailed"));
}
