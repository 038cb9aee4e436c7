//! Inputs built from the real WooCommerce captures in `shared/woocommerce/captures`, shared by
//! the tests and the benchmark.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

use chrono::NaiveDate;
use comptoir_core::{
    DocumentContent, DocumentKind, Language, Money, Order, StructuredCommunication,
    content_for_refund, content_from_order,
};
use comptoir_pdf::{RenderInput, Shop};
use serde_json::Value;

/// `shared/` beside the repository (`COMPTOIR_SHARED_DIR` overrides).
pub fn shared_dir() -> PathBuf {
    match std::env::var_os("COMPTOIR_SHARED_DIR") {
        Some(dir) => PathBuf::from(dir),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../../shared"),
    }
}

pub fn capture_value(path: &str) -> Value {
    let file = shared_dir().join("woocommerce/captures").join(path);
    let bytes = std::fs::read(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
    serde_json::from_slice(&bytes).unwrap()
}

pub fn order(path: &str) -> Order {
    let file = shared_dir().join("woocommerce/captures").join(path);
    Order::from_json(&std::fs::read(file).unwrap()).unwrap()
}

/// s04: mixed VAT, coupon, fee, company with a VAT number, a different shipping address and
/// the note with `—`, `×`, `«»` and 🎁.
pub const S04: &str = "s04-mixed-vat-coupon-fee-company/003-order_updated.body";

pub fn s04() -> DocumentContent {
    content_from_order(&order(S04)).unwrap()
}

/// s06: the partial refund of one chocolate bar (3.49), as a credit note.
pub fn s06_credit() -> DocumentContent {
    let order = order("s06-partial-then-full-refund/005-order_updated.body");
    let refund = order.refunds.iter().find(|r| r.id == 27).unwrap().clone();
    content_for_refund(&order, &refund).unwrap()
}

pub fn shop() -> Shop {
    Shop {
        name: "Comptoir du Café SRL".into(),
        address: "Rue de la Loi 16\n1000 Bruxelles".into(),
        vat_number: "BE0123456749".into(),
        enterprise_number: "0123.456.749".into(),
        iban: "BE68 5390 0754 7034".into(),
        bic: "GKCCBEBB".into(),
        email: "bonjour@comptoir.example".into(),
        phone: "+32 2 123 45 67".into(),
        logo: None,
    }
}

pub fn ogm() -> StructuredCommunication {
    StructuredCommunication::from_base(2_026_000_042).unwrap()
}

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// A legend per language, with German words so that `ß` and umlauts are exercised too.
pub fn legend(lang: Language) -> &'static str {
    match lang {
        Language::Fr => {
            "Merci pour votre commande ! Paiement à 14 jours ; en cas de retard, intérêts selon la loi du 2 août 2002. Grüße aus der Hauptstraße."
        }
        Language::Nl => {
            "Bedankt voor uw bestelling! Betaling binnen 14 dagen; bij laattijdige betaling interest volgens de wet van 2 augustus 2002. Grüße aus der Hauptstraße."
        }
        Language::En => {
            "Thank you for your order! Payment within 14 days; late payment interest under the law of 2 August 2002. Grüße aus der Hauptstraße."
        }
    }
}

/// The input for `kind` in `lang`; invoices are unpaid, with the structured communication.
pub fn input<'a>(
    kind: DocumentKind,
    lang: Language,
    content: &'a DocumentContent,
    shop: &'a Shop,
    ogm: &'a str,
) -> RenderInput<'a> {
    RenderInput {
        kind,
        number: Some("2026-0042"),
        concept: false,
        language: lang,
        date: date(2026, 11, 28),
        order_number: &content.order_number,
        order_date: Some(date(2026, 11, 27)),
        content,
        legend: legend(lang),
        paid: false,
        structured_communication: (kind == DocumentKind::Invoice).then_some(ogm),
        shop,
    }
}

/// s04 with `n` product lines: its three products repeated with distinct names and SKUs, every
/// tenth with a long name that must wrap; the order's tax lines and totals follow, so that the
/// core accepts it exactly like a real order.
pub fn long_order(n: usize) -> DocumentContent {
    let mut v = capture_value(S04);
    let items = v["line_items"].as_array().unwrap().clone();
    let m = |v: &Value| Money::parse(v.as_str().unwrap()).unwrap();
    let mut lines = Vec::new();
    let (mut total, mut tax) = (Money::ZERO, Money::ZERO);
    let (mut tax21, mut tax6) = (Money::ZERO, Money::ZERO);
    for i in 0..n {
        let mut item = items[i % items.len()].clone();
        let base = item["name"].as_str().unwrap().to_owned();
        let name = if i % 10 == 9 {
            format!(
                "Article {:03} — {base}, édition spéciale de fin d'année avec emballage cadeau, carte de vœux personnalisée et livraison soignée",
                i + 1
            )
        } else {
            format!("Article {:03} — {base}", i + 1)
        };
        item["name"] = name.into();
        item["sku"] = format!("TEST-{:03}", i + 1).into();
        item["id"] = (1000 + i).into();
        total = total + m(&item["total"]);
        tax = tax + m(&item["total_tax"]);
        if item["taxes"][0]["id"] == 1 {
            tax21 = tax21 + m(&item["total_tax"]);
        } else {
            tax6 = tax6 + m(&item["total_tax"]);
        }
        lines.push(item);
    }
    v["line_items"] = Value::Array(lines);
    // Shipping (4.09 + 0.86) and the fee (2.07 + 0.43), both at 21 %, stay as they were.
    let fee_tax = Money::parse("0.43").unwrap();
    let shipping_tax = Money::parse("0.86").unwrap();
    let others = Money::parse("4.09").unwrap() + Money::parse("2.07").unwrap();
    v["tax_lines"][0]["tax_total"] = (tax21 + fee_tax).to_string().into();
    v["tax_lines"][1]["tax_total"] = tax6.to_string().into();
    let total_tax = tax + fee_tax + shipping_tax;
    v["total_tax"] = total_tax.to_string().into();
    v["total"] = (total + others + total_tax).to_string().into();
    content_from_order(&Order::from_value(v).unwrap()).unwrap()
}
