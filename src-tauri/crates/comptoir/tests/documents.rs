//! The owner's rules over the real captured deliveries: each document kind × each trigger × each
//! payment path gives exactly the expected documents, states, payment flags, languages and
//! legends; totals match the orders; numbering is gapless under concurrency; the stock ledger
//! adds up. Deliveries go through the same intake function the listener uses, in a real SQLite
//! file.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use comptoir::config::{self, ConfigKey};
use comptoir::{documents, intake, stock};
use comptoir_store::documents::DocumentRow;
use comptoir_store::{Connection, with_tx};
use comptoir_testkit::{Capture, capture, scenarios};

struct Db {
    _dir: tempfile::TempDir,
    path: std::path::PathBuf,
    conn: Connection,
}

impl Db {
    fn new(settings: &[(&str, &str)]) -> Db {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("comptoir.sqlite");
        let conn = comptoir_store::open(&path).unwrap();
        for (k, v) in settings {
            config::set(&conn, &ConfigKey::parse(k).unwrap(), v).unwrap();
        }
        Db {
            _dir: dir,
            path,
            conn,
        }
    }

    fn deliver(&mut self, c: &Capture) -> intake::Applied {
        let d = c.delivery();
        with_tx(&mut self.conn, |tx| {
            intake::apply_delivery_with_rules(tx, &d)
        })
        .unwrap()
    }

    fn docs(&self) -> Vec<DocumentRow> {
        let mut d = documents::list(&self.conn, &Default::default()).unwrap();
        d.sort_by_key(|d| d.id);
        d
    }

    fn docs_of(&self, order_id: i64) -> Vec<DocumentRow> {
        self.docs()
            .into_iter()
            .filter(|d| d.order_id == order_id)
            .collect()
    }

    fn activity_errors(&self) -> Vec<String> {
        let mut stmt = self
            .conn
            .prepare("SELECT message FROM activity WHERE level = 'error'")
            .unwrap();
        stmt.query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    }
}

fn steps(scenario: &str) -> Vec<Capture> {
    scenarios()
        .into_iter()
        .find(|(s, _)| s.starts_with(scenario))
        .unwrap()
        .1
}

/// A later version of a capture with another status (for the cancelled path, which WooCommerce
/// was not asked to produce in the captures).
fn with_status(c: &Capture, status: &str, modified: &str) -> Capture {
    let mut v = c.json();
    v["status"] = status.into();
    v["date_modified_gmt"] = modified.into();
    c.with_body(serde_json::to_vec(&v).unwrap())
}

/// One payment path: its deliveries, and for each trigger the delivery (index) after which the
/// document must exist, and whether it ends paid.
struct Path {
    name: &'static str,
    deliveries: Vec<Capture>,
    order_id: i64,
    /// (trigger, first delivery index that makes the document or None, paid at the end)
    expect: [(&'static str, Option<usize>, bool); 4],
    /// The document ends cancelled (order cancelled or refunded while the document is a concept).
    ends_cancelled: bool,
}

fn paths() -> Vec<Path> {
    let s01 = steps("s01");
    let cancelled = vec![
        s01[0].clone(),
        with_status(&s01[0], "cancelled", "2026-11-28T15:00:00"),
    ];
    vec![
        Path {
            name: "bank transfer, on-hold then processing then completed",
            deliveries: s01,
            order_id: 22,
            expect: [
                ("created", Some(0), true),
                ("paid", Some(2), true),
                ("processing", Some(2), true),
                ("completed", Some(3), true),
            ],
            ends_cancelled: false,
        },
        Path {
            name: "paid online at checkout",
            deliveries: steps("s02"),
            order_id: 23,
            expect: [
                ("created", Some(0), true),
                ("paid", Some(0), true),
                ("processing", Some(0), true),
                ("completed", Some(2), true),
            ],
            ends_cancelled: false,
        },
        Path {
            name: "cash on delivery",
            deliveries: steps("s03"),
            order_id: 24,
            expect: [
                ("created", Some(0), true),
                ("paid", Some(2), true),
                ("processing", Some(0), true),
                ("completed", Some(2), true),
            ],
            ends_cancelled: false,
        },
        Path {
            name: "paid, completed, then refunded in two steps",
            deliveries: steps("s06"),
            order_id: 26,
            expect: [
                ("created", Some(0), true),
                ("paid", Some(0), true),
                ("processing", Some(0), true),
                ("completed", Some(2), true),
            ],
            ends_cancelled: true,
        },
        Path {
            name: "bank transfer cancelled before payment",
            deliveries: cancelled,
            order_id: 22,
            expect: [
                ("created", Some(0), false),
                ("paid", None, false),
                ("processing", None, false),
                ("completed", None, false),
            ],
            ends_cancelled: true,
        },
    ]
}

#[test]
fn every_kind_trigger_and_payment_path_gives_the_expected_documents() {
    for kind in ["order_form", "delivery_note", "invoice"] {
        for path in paths() {
            for (trigger, made_at, paid_at_end) in path.expect {
                let what = format!("{kind} × {trigger} × {}", path.name);
                let mut db = Db::new(&[("documents.kind", kind), ("documents.trigger", trigger)]);
                for (i, c) in path.deliveries.iter().enumerate() {
                    db.deliver(c);
                    let docs = db.docs_of(path.order_id);
                    let expected = usize::from(made_at.is_some_and(|m| i >= m));
                    assert_eq!(
                        docs.len(),
                        expected,
                        "{what}: documents after delivery {i}: {docs:#?}"
                    );
                }
                let docs = db.docs_of(path.order_id);
                if made_at.is_none() {
                    continue;
                }
                let d = &docs[0];
                assert_eq!(d.kind, kind, "{what}");
                assert_eq!(d.paid, paid_at_end, "{what}: paid");
                let state = if path.ends_cancelled {
                    "cancelled"
                } else {
                    "concept"
                };
                assert_eq!(d.state, state, "{what}: state");
                // Invoices are numbered when finalised; the other kinds when made.
                assert_eq!(
                    d.number.is_some(),
                    kind != "invoice",
                    "{what}: number {:?}",
                    d.number
                );
                if kind == "invoice" {
                    // A structured communication is given to invoices made unpaid.
                    let made_paid = match made_at {
                        Some(m) => {
                            let v = path.deliveries[m].json();
                            !v["date_paid_gmt"].is_null() || v["status"] == "completed"
                        }
                        None => true,
                    };
                    assert_eq!(
                        d.structured_communication.is_some(),
                        !made_paid,
                        "{what}: OGM"
                    );
                }
                assert_eq!(d.language, "fr", "{what}: the default language");
                assert!(
                    db.activity_errors().is_empty(),
                    "{what}: {:?}",
                    db.activity_errors()
                );
            }
        }
    }
}

#[test]
fn replays_and_out_of_order_deliveries_change_nothing_twice() {
    let mut db = Db::new(&[
        ("documents.kind", "invoice"),
        ("documents.trigger", "created"),
    ]);
    let s01 = steps("s01");
    for c in s01.iter().rev() {
        db.deliver(c);
    }
    for c in &s01 {
        db.deliver(c);
    }
    let docs = db.docs_of(22);
    assert_eq!(docs.len(), 1, "{docs:#?}");
    assert!(docs[0].paid);
}

#[test]
fn document_totals_equal_the_order_totals_on_every_capture() {
    let mut db = Db::new(&[
        ("documents.kind", "invoice"),
        ("documents.trigger", "created"),
    ]);
    let mut checked = 0;
    for (_, captures) in scenarios() {
        for c in captures
            .iter()
            .filter(|c| c.header("X-WC-Webhook-Signature").is_some())
        {
            // Each capture as its own order, so each version gets its own document.
            let id = 50_000 + checked;
            let v = c.json();
            db.deliver(&c.with_order_id(id));
            let docs = db.docs_of(id as i64);
            if matches!(
                v["status"].as_str(),
                Some("cancelled" | "refunded" | "failed")
            ) {
                continue;
            }
            assert_eq!(docs.len(), 1, "{}/{}", c.scenario, c.name);
            assert_eq!(
                docs[0].total,
                v["total"].as_str().unwrap(),
                "{}/{} total",
                c.scenario,
                c.name
            );
            assert_eq!(
                docs[0].total_vat,
                v["total_tax"].as_str().unwrap(),
                "{}/{} VAT",
                c.scenario,
                c.name
            );
            let shown = documents::show(&db.conn, docs[0].id).unwrap();
            let vat: comptoir_core::Money = shown.content.vat_summary.iter().map(|r| r.vat).sum();
            assert_eq!(vat.to_string(), v["total_tax"].as_str().unwrap());
            checked += 1;
        }
    }
    assert!(checked >= 10, "checked {checked}");
}

#[test]
fn bank_transfer_paid_by_hand_and_the_legend_follows() {
    let mut db = Db::new(&[
        ("documents.kind", "invoice"),
        ("documents.trigger", "created"),
    ]);
    db.deliver(&capture("s01", "001"));
    let d = &db.docs_of(22)[0];
    assert!(!d.paid);
    let ogm = d.structured_communication.clone().unwrap();
    assert!(
        ogm.starts_with("+++") && ogm.ends_with("+++") && ogm.len() == 20,
        "{ogm}"
    );
    let shown = documents::show(&db.conn, d.id).unwrap();
    assert!(
        shown.legend.contains(&ogm),
        "unpaid legend: {}",
        shown.legend
    );
    assert!(shown.legend.contains("60,80 €"), "{}", shown.legend);
    documents::mark_paid(&mut db.conn, d.id).unwrap();
    let shown = documents::show(&db.conn, d.id).unwrap();
    assert!(shown.row.paid && shown.row.paid_by_hand);
    assert_eq!(shown.legend, "Payé. Merci pour votre commande !");
}

#[test]
fn languages_follow_the_order_when_multilingual() {
    let mut db = Db::new(&[
        ("documents.kind", "order_form"),
        ("documents.trigger", "created"),
        ("documents.multilingual", "true"),
        ("documents.default_language", "nl"),
        ("legend.en.paid", "Paid, thanks — {shop_name}"),
        ("shop.name", "Le Comptoir"),
    ]);
    let base = capture("s02", "001");
    let cases = [
        ("BE", None, "nl"),
        ("FR", None, "fr"),
        ("NL", None, "nl"),
        ("DE", None, "en"),
        ("NL", Some("fr"), "fr"),
    ];
    for (n, (country, wpml, expected)) in cases.iter().enumerate() {
        let mut v = base.json();
        v["id"] = (70_000 + n).into();
        v["billing"]["country"] = (*country).into();
        if let Some(lang) = wpml {
            v["meta_data"] = serde_json::json!([{"id": 1, "key": "wpml_language", "value": lang}]);
        }
        db.deliver(&base.with_body(serde_json::to_vec(&v).unwrap()));
        let d = &db.docs_of(70_000 + n as i64)[0];
        assert_eq!(&d.language, expected, "{country} {wpml:?}");
    }
    let en = db.docs_of(70_003)[0].id;
    assert_eq!(
        documents::show(&db.conn, en).unwrap().legend,
        "Paid, thanks — Le Comptoir"
    );
}

#[test]
fn refunds_of_a_final_invoice_make_one_credit_note_each() {
    let mut db = Db::new(&[("documents.kind", "invoice"), ("documents.trigger", "paid")]);
    let s06 = steps("s06");
    for c in &s06[..3] {
        db.deliver(c);
    }
    let invoice = db.docs_of(26)[0].id;
    let final_invoice = documents::finalize(&mut db.conn, invoice).unwrap();
    assert!(
        final_invoice.number.as_deref().unwrap().ends_with("-0001"),
        "{:?}",
        final_invoice.number
    );
    db.deliver(&s06[3]);
    db.deliver(&s06[3]);
    let notes: Vec<_> = db
        .docs_of(26)
        .into_iter()
        .filter(|d| d.kind == "credit_note")
        .collect();
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0].total, "3.49");
    assert_eq!(notes[0].refund_id, Some(27));
    assert_eq!(notes[0].state, "concept");
    db.deliver(&s06[4]);
    let notes: Vec<_> = db
        .docs_of(26)
        .into_iter()
        .filter(|d| d.kind == "credit_note")
        .collect();
    assert_eq!(notes.len(), 2);
    assert_eq!(notes[1].total, "52.59");
    assert_eq!(notes[1].total_vat, "8.72");
    // The final invoice stays as it was; it cannot be deleted.
    let inv = db
        .docs_of(26)
        .into_iter()
        .find(|d| d.kind == "invoice")
        .unwrap();
    assert_eq!(inv.state, "final");
    let err = documents::delete(&mut db.conn, inv.id)
        .unwrap_err()
        .to_string();
    assert!(err.contains("credit note"), "{err}");
    // Credit notes have their own series.
    let cn = documents::finalize(&mut db.conn, notes[0].id).unwrap();
    assert!(
        cn.number.as_deref().unwrap().starts_with("NC"),
        "{:?}",
        cn.number
    );
}

#[test]
fn a_cancelled_order_with_a_final_invoice_is_offered_a_credit_note() {
    let mut db = Db::new(&[
        ("documents.kind", "invoice"),
        ("documents.trigger", "created"),
    ]);
    let first = capture("s01", "001");
    db.deliver(&first);
    let id = db.docs_of(22)[0].id;
    documents::finalize(&mut db.conn, id).unwrap();
    db.deliver(&with_status(&first, "cancelled", "2026-11-28T15:00:00"));
    let docs = db.docs_of(22);
    assert_eq!(docs.len(), 2, "{docs:#?}");
    assert_eq!(docs[1].kind, "credit_note");
    assert_eq!(docs[1].state, "concept");
    assert_eq!(docs[1].total, "60.80");
}

#[test]
fn failed_and_draft_orders_make_no_document() {
    let mut db = Db::new(&[
        ("documents.kind", "order_form"),
        ("documents.trigger", "created"),
    ]);
    let base = capture("s01", "001");
    for (n, status) in ["failed", "checkout-draft"].iter().enumerate() {
        let mut v = base.json();
        v["id"] = (80_000 + n).into();
        v["status"] = (*status).into();
        db.deliver(&base.with_body(serde_json::to_vec(&v).unwrap()));
    }
    assert!(db.docs().is_empty());
}

#[test]
fn changing_settings_later_does_not_rewrite_documents() {
    let mut db = Db::new(&[
        ("documents.kind", "delivery_note"),
        ("documents.trigger", "created"),
    ]);
    db.deliver(&capture("s01", "001"));
    config::set(
        &db.conn,
        &ConfigKey::parse("documents.kind").unwrap(),
        "invoice",
    )
    .unwrap();
    config::set(
        &db.conn,
        &ConfigKey::parse("numbering.delivery_note.pattern").unwrap(),
        "DN{year}/{seq:03}",
    )
    .unwrap();
    db.deliver(&capture("s01", "003"));
    let docs = db.docs_of(22);
    assert_eq!(docs[0].kind, "delivery_note");
    assert!(
        docs[0].number.as_deref().unwrap().starts_with("BL"),
        "{:?}",
        docs[0].number
    );
    // The next order follows the new settings.
    assert_eq!(
        docs.len(),
        2,
        "the order, now paid, also gets the newly chosen kind"
    );
    assert_eq!(docs[1].kind, "invoice");
}

#[test]
fn deleted_concepts_leave_no_gap_and_are_not_made_again() {
    let mut db = Db::new(&[
        ("documents.kind", "invoice"),
        ("documents.trigger", "created"),
    ]);
    db.deliver(&capture("s01", "001"));
    db.deliver(&capture("s02", "001"));
    let [a, b] = [db.docs_of(22)[0].id, db.docs_of(23)[0].id];
    documents::delete(&mut db.conn, a).unwrap();
    db.deliver(&capture("s01", "003"));
    assert!(
        db.docs_of(22).is_empty(),
        "a deleted concept is not made again"
    );
    let fb = documents::finalize(&mut db.conn, b).unwrap();
    assert!(
        fb.number.unwrap().ends_with("-0001"),
        "no gap after the deleted concept"
    );
}

#[test]
fn finalising_from_two_threads_gives_gapless_numbers() {
    let mut db = Db::new(&[
        ("documents.kind", "invoice"),
        ("documents.trigger", "created"),
    ]);
    let base = capture("s02", "001");
    for id in 0..40u64 {
        db.deliver(&base.with_order_id(90_000 + id));
    }
    let ids: Vec<i64> = db.docs().iter().map(|d| d.id).collect();
    assert_eq!(ids.len(), 40);
    let handles: Vec<_> = [0, 1]
        .into_iter()
        .map(|half| {
            let path = db.path.clone();
            let mine: Vec<i64> = ids.iter().copied().filter(|i| i % 2 == half).collect();
            std::thread::spawn(move || {
                let mut conn = comptoir_store::open(&path).unwrap();
                for id in mine {
                    documents::finalize(&mut conn, id).unwrap();
                }
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
    let mut seqs: Vec<i64> = db
        .docs()
        .iter()
        .map(|d| {
            d.number
                .as_deref()
                .unwrap()
                .rsplit('-')
                .next()
                .unwrap()
                .parse()
                .unwrap()
        })
        .collect();
    seqs.sort();
    assert_eq!(seqs, (1..=40).collect::<Vec<i64>>());
}

#[test]
fn stock_moves_with_invoices_and_the_ledger_adds_up() {
    let mut db = Db::new(&[
        ("documents.kind", "invoice"),
        ("documents.trigger", "created"),
    ]);
    db.deliver(&capture("s01", "001")); // MOUL-001 ×1, CAFE-250 ×2
    let listed = stock::list(&db.conn).unwrap();
    let moul = listed.iter().find(|p| p.sku == "MOUL-001").unwrap();
    assert_eq!(moul.stock, None, "unknown until the owner sets it");
    assert_eq!(moul.ledger_total, "-1");
    stock::set(&mut db.conn, "MOUL-001", "10").unwrap();
    db.deliver(&capture("s04", "001")); // MOUL-001 ×1 more
    let stock_of = |db: &Db, sku: &str| {
        stock::list(&db.conn)
            .unwrap()
            .into_iter()
            .find(|p| p.sku == sku)
            .unwrap()
    };
    assert_eq!(stock_of(&db, "MOUL-001").stock.as_deref(), Some("9"));
    let s04_invoice = db.docs_of(25)[0].id;
    documents::delete(&mut db.conn, s04_invoice).unwrap();
    assert_eq!(
        stock_of(&db, "MOUL-001").stock.as_deref(),
        Some("10"),
        "deleting the concept gives the stock back"
    );
    for p in stock::list(&db.conn).unwrap() {
        if let Some(s) = &p.stock {
            assert_eq!(
                comptoir_core::Money::parse(s).unwrap(),
                comptoir_core::Money::parse(&p.ledger_total).unwrap(),
                "{}",
                p.sku
            );
        }
    }
    let err = stock::set(&mut db.conn, "NOPE-1", "3")
        .unwrap_err()
        .to_string();
    assert!(err.contains("no product with SKU NOPE-1"), "{err}");
}

#[test]
fn a_stock_that_is_not_a_number_is_refused() {
    let mut db = Db::new(&[
        ("documents.kind", "invoice"),
        ("documents.trigger", "created"),
    ]);
    db.deliver(&capture("s01", "001"));
    let err = stock::set(&mut db.conn, "MOUL-001", "ten").unwrap_err();
    assert!(err.to_string().contains("a number"), "{err}");
    // The window words it in the owner's language from its code and values.
    let m = err.message();
    assert_eq!(m.code.map(|c| c.id), Some("stock.quantity"));
    assert_eq!(m.params["sku"], "MOUL-001");
    assert_eq!(m.params["value"], "ten");
    let m = stock::set(&mut db.conn, "NO-SUCH", "3")
        .unwrap_err()
        .message();
    assert_eq!(m.code.map(|c| c.id), Some("stock.unknown_sku"));
    assert_eq!(m.params["sku"], "NO-SUCH");
}

#[test]
fn refused_actions_on_documents_carry_codes_for_the_window() {
    let mut db = Db::new(&[
        ("documents.kind", "invoice"),
        ("documents.trigger", "created"),
    ]);
    db.deliver(&capture("s02", "001"));
    let id = db.docs()[0].id;
    documents::finalize(&mut db.conn, id).unwrap();
    let code_of = |e: comptoir::error::Error| {
        let m = e.message();
        assert_eq!(
            m.params.get("id").and_then(|v| v.as_i64()),
            Some(id),
            "{m:?}"
        );
        m.code.map(|c| c.id)
    };
    assert_eq!(
        code_of(documents::delete(&mut db.conn, id).unwrap_err()),
        Some("document.delete_final")
    );
    assert_eq!(
        code_of(documents::set_customer_note(&mut db.conn, id, "x").unwrap_err()),
        Some("document.note_final")
    );
    let missing = documents::delete(&mut db.conn, 9_999)
        .unwrap_err()
        .message();
    assert_eq!(missing.code.map(|c| c.id), Some("document.missing"));
}

#[test]
fn the_internal_note_is_kept_and_never_in_the_legend() {
    let mut db = Db::new(&[
        ("documents.kind", "invoice"),
        ("documents.trigger", "created"),
    ]);
    db.deliver(&capture("s04", "001"));
    let id = db.docs_of(25)[0].id;
    documents::set_note(&mut db.conn, id, "Client difficile — vérifier le paiement").unwrap();
    let shown = documents::show(&db.conn, id).unwrap();
    assert_eq!(
        shown.row.internal_note,
        "Client difficile — vérifier le paiement"
    );
    assert!(!shown.legend.contains("difficile"));
    // The customer's own note is the document's text block.
    assert!(
        shown
            .content
            .customer_note
            .starts_with("Merci ! Livrez après 17h")
    );
}

#[test]
fn a_concepts_email_preview_shows_the_number_it_will_get() {
    let mut db = Db::new(&[
        ("documents.kind", "invoice"),
        ("documents.trigger", "created"),
        ("shop.name", "Le Comptoir"),
    ]);
    db.deliver(&capture("s01", "001"));
    let id = db.docs_of(22)[0].id;
    let year = chrono::Utc::now().format("%Y").to_string();
    let preview = comptoir::mailer::preview(&db.conn, id).unwrap();
    assert_eq!(preview.attachment_name, format!("Facture F{year}-0001.pdf"));
    assert!(
        preview.body.contains(&format!("document F{year}-0001")),
        "{}",
        preview.body
    );
    assert_eq!(preview.to.as_deref(), Some("marie.lambert@example.test"));
    // Previewing takes no number.
    assert_eq!(db.docs_of(22)[0].number, None);
    let final_doc = documents::finalize(&mut db.conn, id).unwrap();
    assert_eq!(final_doc.number, Some(format!("F{year}-0001")));
}

#[test]
fn the_preview_and_the_outbox_rendering_one_document_at_once_both_get_it() {
    // The review's preview, the outbox and a print job may render the same document at the same
    // moment; each must get the PDF, and the cache must end with one file for it.
    let mut db = Db::new(&[
        ("documents.kind", "invoice"),
        ("documents.trigger", "created"),
    ]);
    db.deliver(&capture("s02", "001"));
    let id = db.docs()[0].id;
    let cache = db.path.parent().unwrap().join("pdf");
    for round in 0..15 {
        let _ = std::fs::remove_dir_all(&cache);
        let start = std::sync::Arc::new(std::sync::Barrier::new(4));
        let handles: Vec<_> = (0..4)
            .map(|_| {
                let path = db.path.clone();
                let start = std::sync::Arc::clone(&start);
                std::thread::spawn(move || {
                    let conn = comptoir_store::open(&path).unwrap();
                    start.wait();
                    comptoir::pdfs::pdf(&conn, id).map(|(bytes, _)| bytes)
                })
            })
            .collect();
        for h in handles {
            let bytes = h
                .join()
                .unwrap()
                .unwrap_or_else(|e| panic!("round {round}: {e}"));
            assert!(bytes.starts_with(b"%PDF-"));
        }
        let files: Vec<String> = std::fs::read_dir(&cache)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(files.len(), 1, "round {round}: the cache holds {files:?}");
        assert!(files[0].ends_with(".pdf"), "{files:?}");
    }
}
