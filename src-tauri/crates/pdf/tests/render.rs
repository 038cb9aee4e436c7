//! Renders documents from the real captured orders and reads the PDFs back with Poppler
//! (`pdftotext -layout`, `pdftoppm`) and the QR code with ZBar (`zbarimg`), as a customer's
//! viewer and banking app would. The PDFs and PNGs stay under `target/tmp/comptoir-pdf` to be
//! looked at.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::PathBuf;
use std::process::Command;

use comptoir_core::{DocumentKind, Language};
use comptoir_pdf::{PdfError, RenderInput, Shop, render};

use common::*;

fn out_dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("comptoir-pdf");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn write(name: &str, pdf: &[u8]) -> PathBuf {
    let path = out_dir().join(format!("{name}.pdf"));
    std::fs::write(&path, pdf).unwrap();
    path
}

fn run(cmd: &mut Command) -> String {
    let out = cmd
        .output()
        .unwrap_or_else(|e| panic!("{cmd:?} could not start ({e}); is poppler-utils installed?"));
    assert!(
        out.status.success(),
        "{cmd:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The PDF's text as `pdftotext -layout` reads it, one string per page.
fn pages(name: &str, pdf: &[u8]) -> Vec<String> {
    let path = write(name, pdf);
    let text = run(Command::new("pdftotext").arg("-layout").arg(&path).arg("-"));
    let mut pages: Vec<String> = text.split('\u{c}').map(str::to_owned).collect();
    // pdftotext ends every page with a form feed, the last one included.
    if pages.last().is_some_and(|p| p.trim().is_empty()) {
        pages.pop();
    }
    pages
}

fn text(name: &str, pdf: &[u8]) -> String {
    pages(name, pdf).join("\n")
}

fn render_ok(input: &RenderInput) -> Vec<u8> {
    render(input).unwrap_or_else(|e| panic!("render failed: {e}"))
}

fn assert_in_order(text: &str, expected: &[&str]) {
    let mut from = 0;
    for e in expected {
        match text[from..].find(e) {
            Some(at) => from += at + e.len(),
            None => panic!("{e:?} missing or out of order after byte {from} in:\n{text}"),
        }
    }
}

fn lang_name(lang: Language) -> &'static str {
    lang.as_str()
}

fn title(kind: DocumentKind, lang: Language) -> &'static str {
    let titles = match kind {
        DocumentKind::Invoice => ["Facture", "Factuur", "Invoice"],
        DocumentKind::CreditNote => ["Note de crédit", "Creditnota", "Credit note"],
        DocumentKind::OrderForm => ["Bon de commande", "Bestelbon", "Order form"],
        DocumentKind::DeliveryNote => ["Bon de livraison", "Leveringsbon", "Delivery note"],
    };
    match lang {
        Language::Fr => titles[0],
        Language::Nl => titles[1],
        Language::En => titles[2],
    }
}

/// Amounts as each language writes them: `1.234,50 €` or `€1,234.50`.
fn eur(lang: Language, fr: &str) -> String {
    match lang {
        Language::Fr | Language::Nl => format!("{fr} €"),
        Language::En => {
            let en = fr.replace('.', "").replace(',', ".");
            match en.strip_prefix('-') {
                Some(abs) => format!("-€{abs}"),
                None => format!("€{en}"),
            }
        }
    }
}

const S04_AMOUNTS: [&str; 13] = [
    "33,02", "29,71", "3,2925", "11,86", "7,50", "13,50", "4,09", "2,07", "61,23", "9,05", "70,28",
    "35,87", "25,36",
];

#[test]
fn golden_content_for_every_kind_and_language() {
    let shop = shop();
    let s04 = s04();
    let credit = s06_credit();
    let ogm = ogm();
    let ogm_digits = ogm.digits().to_owned();
    for lang in Language::ALL {
        for kind in DocumentKind::ALL {
            let content = if kind == DocumentKind::CreditNote {
                &credit
            } else {
                &s04
            };
            let input = input(kind, lang, content, &shop, &ogm_digits);
            let pdf = render_ok(&input);
            let name = format!("golden-{}-{}", kind.as_str(), lang_name(lang));
            let pages = pages(&name, &pdf);
            assert_eq!(pages.len(), 1, "{name}: one page");
            let text = &pages[0];

            let number = match lang {
                Language::Fr => "N° 2026-0042",
                Language::Nl => "Nr. 2026-0042",
                Language::En => "No. 2026-0042",
            };
            // Reading order: shop, title and number, customer, lines, totals, legend, page.
            let customer: &[&str] = if kind == DocumentKind::CreditNote {
                &["Thomas Wouters", "Boulevard Anspach 60", "1000 Bruxelles"]
            } else {
                &[
                    "L'Atelier du Café SRL",
                    "Sophie Dubois",
                    "Chaussée de Wavre 120",
                    "1050 Ixelles",
                ]
            };
            let mut expected: Vec<String> = vec![
                "Comptoir du Café SRL".into(),
                title(kind, lang).into(),
                number.into(),
            ];
            expected.extend(customer.iter().map(|s| s.to_string()));
            let lines: &[&str] = if kind == DocumentKind::CreditNote {
                &["Tablette cassée à la livraison"]
            } else if kind == DocumentKind::DeliveryNote {
                &[
                    "MOUL-001",
                    "Moulin à café manuel",
                    "CHOC-072",
                    "Chocolat noir 72 % – tablette 100 g",
                    "CAFE-250",
                    "Café moulu — 250 g",
                    "Emballage cadeau",
                ]
            } else {
                &[
                    "MOUL-001",
                    "Moulin à café manuel",
                    "CHOC-072",
                    "Chocolat noir 72 % – tablette 100 g",
                    "CAFE-250",
                    "Café moulu — 250 g",
                    "Livraison bpost",
                    "Emballage cadeau",
                ]
            };
            expected.extend(lines.iter().map(|s| s.to_string()));
            match kind {
                DocumentKind::DeliveryNote => {}
                DocumentKind::CreditNote => {
                    expected.push(eur(lang, "3,29"));
                    expected.push(eur(lang, "0,20"));
                    expected.push(eur(lang, "3,49"));
                }
                _ => {
                    expected.push(eur(lang, "61,23"));
                    expected.push(eur(lang, "9,05"));
                    expected.push(eur(lang, "70,28"));
                }
            }
            if kind == DocumentKind::Invoice {
                expected.push(ogm.to_string());
            }
            expected.push("Hauptstraße.".into());
            expected.push("1/1".into());
            let expected: Vec<&str> = expected.iter().map(String::as_str).collect();
            assert_in_order(text, &expected);

            // Unordered: the rest of what the document must show.
            let mut present: Vec<String> = vec!["Grüße".into(), "BE0123456749".into()];
            present.extend(
                match lang {
                    Language::Fr => [
                        "Date",
                        "28/11/2026",
                        "Commande",
                        "Date de commande",
                        "27/11/2026",
                    ],
                    Language::Nl => [
                        "Datum",
                        "28/11/2026",
                        "Bestelling",
                        "Besteldatum",
                        "27/11/2026",
                    ],
                    Language::En => ["Date", "28 Nov 2026", "Order", "Order date", "27 Nov 2026"],
                }
                .map(String::from),
            );
            if lang == Language::Fr {
                present.push("août".into());
            }
            if kind == DocumentKind::CreditNote {
                present.push("thomas.wouters@example.test".into());
            } else {
                present.push("Léon Dubois".into());
                present.push("Place Saint-Lambert 3".into());
                present.push("Bâtiment \"B\", 2e étage".into());
                present.push("4000 Liège".into());
                present.push("sophie.dubois@example.test".into());
                // The note, its accents, `—`, `×`, `«»`, and the emoji's replacement.
                present.push("Merci ! Livrez après 17h — sonnez 2×".into());
                present.push("« fragile » □".into());
            }
            match kind {
                DocumentKind::DeliveryNote => {
                    let item_count = match lang {
                        Language::Fr => "Nombre d'articles : 7",
                        Language::Nl => "Aantal artikelen: 7",
                        Language::En => "Number of items: 7",
                    };
                    present.push(item_count.into());
                    present.push("Livraison bpost".into());
                    assert!(!text.contains('€'), "{name} shows a price:\n{text}");
                    for amount in S04_AMOUNTS {
                        let en = amount.replace(',', ".");
                        assert!(
                            !text.contains(amount) && !text.contains(&en),
                            "{name} shows the amount {amount}:\n{text}"
                        );
                    }
                }
                DocumentKind::CreditNote => {}
                _ => {
                    for amount in [
                        "33,02", "29,71", "3,2925", "11,86", "13,50", "4,09", "2,07", "35,87",
                        "25,36", "7,53", "1,52",
                    ] {
                        present.push(eur(lang, amount));
                    }
                    present.push(eur(lang, "-3,31"));
                    present.push("bienvenue10".into());
                    present.push("21%".into());
                    present.push("6%".into());
                }
            }
            if kind == DocumentKind::Invoice {
                present.push("BE68 5390 0754 7034".into());
                present.push("GKCCBEBB".into());
            } else {
                assert!(!text.contains("+++"), "{name} has a communication:\n{text}");
            }
            for p in &present {
                assert!(
                    text.contains(p.as_str()),
                    "{name}: {p:?} missing in:\n{text}"
                );
            }
        }
    }
}

#[test]
fn only_what_is_unpaid_carries_a_payment_block() {
    let shop = shop();
    let s04 = s04();
    let ogm = ogm();
    let digits = ogm.digits().to_owned();
    let mut paid = input(DocumentKind::Invoice, Language::Fr, &s04, &shop, &digits);
    paid.paid = true;
    let t = text("paid-invoice", &render_ok(&paid));
    assert!(t.contains("Facture"));
    // (The IBAN stays in the footer, with the shop's identity; "Paiement" is in the legend.)
    for absent in ["+++", "GKCCBEBB", "Communication structurée", "Scannez"] {
        assert!(!t.contains(absent), "{absent:?} in a paid invoice:\n{t}");
    }
    let unpaid = input(DocumentKind::Invoice, Language::Fr, &s04, &shop, &digits);
    let t = text("unpaid-invoice", &render_ok(&unpaid));
    assert!(t.contains("Scannez") && t.contains(&ogm.to_string()), "{t}");

    // An order form asks to be paid only when it was given a structured communication (the
    // app gives one to unpaid order forms); without, it is a plain confirmation.
    let mut form = input(DocumentKind::OrderForm, Language::Nl, &s04, &shop, &digits);
    let t = text("order-form-plain", &render_ok(&form));
    assert!(
        !t.contains("+++") && !t.contains("Scan met uw bankapp"),
        "{t}"
    );
    form.structured_communication = Some(&digits);
    let t = text("order-form-to-pay", &render_ok(&form));
    assert_in_order(
        &t,
        &[
            "Bestelbon",
            "BE68 5390 0754 7034",
            &ogm.to_string(),
            "Scan met uw bankapp",
        ],
    );
    form.paid = true;
    let t = text("order-form-paid", &render_ok(&form));
    assert!(
        !t.contains("+++") && !t.contains("Scan met uw bankapp"),
        "{t}"
    );
    // Credit notes and delivery notes never do.
    for kind in [DocumentKind::CreditNote, DocumentKind::DeliveryNote] {
        let mut i = input(kind, Language::En, &s04, &shop, &digits);
        i.structured_communication = Some(&digits);
        let t = text(&format!("{}-with-ogm", kind.as_str()), &render_ok(&i));
        assert!(!t.contains("+++") && !t.contains("banking app"), "{t}");
    }
}

#[test]
fn concepts_are_marked_and_may_have_no_number() {
    let shop = shop();
    let s04 = s04();
    let digits = ogm().digits().to_owned();
    for lang in Language::ALL {
        let mut i = input(DocumentKind::Invoice, lang, &s04, &shop, &digits);
        i.number = None;
        i.concept = true;
        let t = text(&format!("concept-{}", lang_name(lang)), &render_ok(&i));
        assert_in_order(
            &t,
            &[
                title(DocumentKind::Invoice, lang),
                "CONCEPT",
                "Sophie Dubois",
            ],
        );
        assert!(!t.contains("2026-0042"), "{t}");
    }
}

/// Decodes the payment QR code from a 300 dpi rendering, as a banking app would read it.
#[test]
fn the_qr_code_decodes_to_the_epc_payment() {
    let mut shop = shop();
    // A name with accents and an apostrophe exercises the UTF-8 character set.
    shop.name = "Comptoir du Café — L'Épicerie SRL".into();
    let s04 = s04();
    let ogm = ogm();
    let written = ogm.to_string();
    for lang in Language::ALL {
        let input = input(DocumentKind::Invoice, lang, &s04, &shop, &written);
        let pdf = render_ok(&input);
        let name = format!("qr-{}", lang_name(lang));
        let path = write(&name, &pdf);
        let png_root = out_dir().join(&name);
        run(Command::new("pdftoppm")
            .args(["-r", "300", "-png", "-f", "1", "-l", "1", "-singlefile"])
            .arg(&path)
            .arg(&png_root));
        let png = png_root.with_extension("png");
        let out = Command::new("zbarimg")
            .args(["--raw", "-q", "-Sdisable", "-Sqrcode.enable"])
            .arg(&png)
            .output()
            .expect("zbarimg could not start; install Debian's zbar-tools");
        assert!(
            out.status.success(),
            "no QR code found in {}",
            png.display()
        );
        let decoded = String::from_utf8(out.stdout).unwrap();
        let decoded = decoded.strip_suffix('\n').unwrap_or(&decoded);
        let lines: Vec<&str> = decoded.split('\n').collect();
        let expected = [
            "BCD",
            "002",
            "1",
            "SCT",
            "GKCCBEBB",
            "Comptoir du Café — L'Épicerie SRL",
            "BE68539007547034",
            "EUR70.28",
            "",
            ogm.digits(),
        ];
        assert_eq!(lines.len(), expected.len(), "{decoded:?}");
        for (i, (got, want)) in lines.iter().zip(expected).enumerate() {
            assert_eq!(*got, want, "line {} of the EPC payload", i + 1);
        }
        // And it is the payload the library gives for the same payment.
        assert_eq!(
            decoded,
            comptoir_pdf::epc_qr_payload(&shop, s04.total, &written).unwrap()
        );
    }
}

#[test]
fn a_120_line_order_flows_onto_numbered_pages() {
    let shop = shop();
    let content = long_order(120);
    assert_eq!(
        content.lines.len(),
        122,
        "120 products, shipping and the fee"
    );
    let digits = ogm().digits().to_owned();
    for (kind, lang) in [
        (DocumentKind::Invoice, Language::Fr),
        (DocumentKind::DeliveryNote, Language::Nl),
        (DocumentKind::OrderForm, Language::En),
    ] {
        let i = input(kind, lang, &content, &shop, &digits);
        let name = format!("long-{}-{}", kind.as_str(), lang_name(lang));
        let pdf = render_ok(&i);
        let pages = pages(&name, &pdf);
        // Every tenth line has a long name (three or four lines) and each line of s04 its
        // coupon discount, so about 18 to 22 rows fit on a page; a delivery note's rows have
        // one line each.
        let expected_pages = match kind {
            DocumentKind::DeliveryNote => 4,
            _ => 7,
        };
        assert_eq!(pages.len(), expected_pages, "{name}");
        let n = pages.len();
        let (sku, description) = match lang {
            Language::Fr => ("Réf.", "Description"),
            Language::Nl => ("Art.nr.", "Omschrijving"),
            Language::En => ("SKU", "Description"),
        };
        let mut seen = Vec::new();
        for (p, page) in pages.iter().enumerate() {
            assert!(
                page.contains(&format!("{}/{n}", p + 1)),
                "{name}: page number {}/{n} missing",
                p + 1
            );
            if p > 0 {
                assert!(
                    page.contains("(suite)")
                        || page.contains("(vervolg)")
                        || page.contains("(continued)")
                );
                assert!(
                    page.contains("2026-0042"),
                    "{name} page {}: which document",
                    p + 1
                );
            }
            for i in 1..=120 {
                if page.contains(&format!("TEST-{i:03}")) {
                    seen.push(i);
                }
            }
            // The table header on every page that has lines.
            if (1..=120).any(|i| page.contains(&format!("TEST-{i:03}"))) {
                assert_in_order(page, &[sku, description, "TEST-"]);
            }
        }
        assert_eq!(
            seen,
            (1..=120).collect::<Vec<_>>(),
            "{name}: every line once, in order"
        );
        let all = pages.join("\n");
        for i in 1..=120 {
            assert!(
                all.contains(&format!("Article {i:03} —")),
                "{name}: line {i}"
            );
        }
        // Long descriptions wrap and lose no word.
        for word in ["édition", "spéciale", "personnalisée", "soignée"] {
            assert_eq!(all.matches(word).count(), 12, "{name}: {word}");
        }
        if kind == DocumentKind::DeliveryNote {
            assert!(!all.contains('€'));
        } else {
            let total = match lang {
                Language::En => format!("€{}", content.total),
                _ => format!("{} €", content.total.to_string().replace('.', ",")),
            };
            // 2.000 and more: the thousands are grouped.
            assert!(content.total.0 > rust_decimal::Decimal::from(1000));
            let grouped = match lang {
                Language::En => {
                    let t = total.trim_start_matches('€');
                    format!("€{},{}", &t[..1], &t[1..])
                }
                _ => format!("{}.{}", &total[..1], &total[1..]),
            };
            assert!(
                pages[n - 1].contains(&grouped),
                "{name}: total {grouped} on the last page"
            );
        }
    }
}

#[test]
fn an_emoji_prints_as_a_visible_replacement_without_panic() {
    let mut shop = shop();
    shop.name = "Comptoir 🎁 du Café".into();
    let mut content = s04();
    content.customer_note = "🎁🎁 Livrez 👍🏽 chez 👨‍👩‍👧 — « 🇧🇪 » merci".into();
    content.lines[0].description = "Moulin 🎁 à café".into();
    let digits = ogm().digits().to_owned();
    let i = input(
        DocumentKind::Invoice,
        Language::Fr,
        &content,
        &shop,
        &digits,
    );
    let t = text("emoji", &render_ok(&i));
    assert!(t.contains("□□ Livrez □ chez □ — « □ » merci"), "{t}");
    assert!(t.contains("Moulin □ à café"), "{t}");
    assert!(t.contains("Comptoir □ du Café"), "{t}");
}

#[test]
fn characters_beyond_the_common_ones_print_with_the_whole_face() {
    // Armenian and a chess piece are outside the common characters (Latin, Greek, Cyrillic,
    // punctuation...), which the embedded subsets are usually made from: they print with the
    // whole face, embedded beside the common one, and read back as written.
    let shop = shop();
    let mut content = s04();
    content.customer_note = "Բարեւ ♞ Livrez chez Αθηνά Иванова, merci".into();
    content.billing.last_name = "Աբրահամյան".into();
    let digits = ogm().digits().to_owned();
    let i = input(
        DocumentKind::Invoice,
        Language::Fr,
        &content,
        &shop,
        &digits,
    );
    let pdf = render_ok(&i);
    let t = text("beyond-common", &pdf);
    assert!(
        t.contains("Բարեւ ♞ Livrez chez Αθηνά Иванова, merci"),
        "{t}"
    );
    assert!(t.contains("Աբրահամյան"), "{t}");
    assert!(!t.contains('□'), "{t}");
    let listed = fonts(&out_dir().join("beyond-common.pdf"));
    assert_eq!(listed.len(), 3, "{listed:?}");
    for f in &listed {
        // Embedded, subset, with a ToUnicode map.
        assert!(
            f.contains("CID TrueType") && f.contains("yes yes yes"),
            "{f}"
        );
    }

    // The same document in the common characters embeds two faces.
    let pdf = render_ok(&input(
        DocumentKind::Invoice,
        Language::Fr,
        &s04(),
        &shop,
        &digits,
    ));
    text("common-only", &pdf);
    assert_eq!(fonts(&out_dir().join("common-only.pdf")).len(), 2);
}

#[test]
fn a_one_page_invoice_is_small() {
    let shop = shop();
    let s04 = s04();
    let digits = ogm().digits().to_owned();
    for lang in Language::ALL {
        let i = input(DocumentKind::Invoice, lang, &s04, &shop, &digits);
        let pdf = render_ok(&i);
        assert!(pdf.len() < 50_000, "{} bytes in {lang}", pdf.len());
        assert!(pdf.starts_with(b"%PDF-"));
    }
}

#[test]
fn logos_are_drawn_and_a_bad_one_is_refused_with_a_sentence() {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let s04 = s04();
    let digits = ogm().digits().to_owned();
    // The app's square icon (PNG with transparency, small and large) and a wide JPEG made
    // from it: the square one goes beside the shop's identity, the wide one above it.
    for (name, file) in [
        ("logo", "../../../icons/128x128.png"),
        ("logo-large", "../../../icons/icon.png"),
        ("logo-wide", "tests/fixtures/wide-logo.jpg"),
    ] {
        let mut shop: Shop = shop();
        shop.logo = Some(std::fs::read(manifest.join(file)).unwrap());
        let i = input(DocumentKind::Invoice, Language::Nl, &s04, &shop, &digits);
        let pdf = render_ok(&i);
        let path = write(name, &pdf);
        let list = run(Command::new("pdfimages").arg("-list").arg(&path));
        // Two heading lines, then one line per image.
        assert!(list.lines().count() >= 3, "{name}: no image in:\n{list}");
        assert!(pdf.len() < 100_000, "{name}: {} bytes", pdf.len());
        let pages = pages(name, &pdf);
        assert_eq!(
            pages.len(),
            1,
            "{name}: a logo does not push the invoice onto a page 2"
        );
        assert_in_order(
            &pages[0],
            &["Comptoir du Café SRL", "Sophie Dubois", "Hauptstraße"],
        );
    }

    let mut shop: Shop = shop();
    shop.logo = Some(b"not an image".to_vec());
    let i = input(DocumentKind::Invoice, Language::Nl, &s04, &shop, &digits);
    let e = render(&i).unwrap_err();
    assert!(matches!(e, PdfError::Logo(_)), "{e}");
    assert!(e.to_string().contains("Choose a PNG or JPEG file"), "{e}");
}

#[test]
fn a_wrong_iban_stops_an_unpaid_invoice_but_not_a_delivery_note() {
    let mut shop = shop();
    shop.iban = "BE68 5390 0754 7035".into();
    let s04 = s04();
    let digits = ogm().digits().to_owned();
    let i = input(DocumentKind::Invoice, Language::En, &s04, &shop, &digits);
    assert!(matches!(render(&i), Err(PdfError::Iban(_))));
    let i = input(
        DocumentKind::DeliveryNote,
        Language::En,
        &s04,
        &shop,
        &digits,
    );
    assert!(render(&i).is_ok());
    // Without an IBAN the block still says what to pay, without a QR code.
    shop.iban.clear();
    let i = input(DocumentKind::Invoice, Language::En, &s04, &shop, &digits);
    let t = text("no-iban", &render_ok(&i));
    assert!(
        t.contains("Payment") && t.contains(&ogm().to_string()),
        "{t}"
    );
}

/// What owners and customers type is not always tidy: nothing must crash, vanish or overflow
/// the page.
#[test]
fn untidy_input_still_renders() {
    // An empty shop, a customer without addresses, a very long note with Windows line ends,
    // tabs and control characters, a description of 3000 characters and an unbroken 200
    // character "word".
    let shop = Shop::default();
    let mut content = s04();
    content.billing = Default::default();
    content.shipping = Default::default();
    content.customer_vat_number = None;
    let paragraph = "Sonnez deux fois,\tle colis est fragile.\r\nMerci beaucoup ! \u{7}";
    content.customer_note = paragraph.repeat(120);
    content.lines[0].description = "Très long descriptif ".repeat(150);
    content.lines[1].description = format!("https://example.test/{}", "x".repeat(200));
    content.lines[2].sku = Some("SKU-".repeat(20));
    let i = RenderInput {
        kind: DocumentKind::OrderForm,
        number: None,
        concept: true,
        language: Language::En,
        date: date(2026, 1, 2),
        order_number: "25",
        order_date: None,
        content: &content,
        legend: "",
        paid: false,
        structured_communication: None,
        shop: &shop,
    };
    let pdf = render_ok(&i);
    let pages = pages("untidy", &pdf);
    assert!(
        pages.len() >= 3,
        "the note and the long line flow on: {}",
        pages.len()
    );
    let all = pages.join("\n");
    let n = pages.len();
    assert!(all.contains("Order form") && all.contains("CONCEPT") && all.contains("2 Jan 2026"));
    assert_eq!(
        all.matches("Sonnez deux fois, le colis est fragile.")
            .count(),
        120
    );
    assert!(pages[n - 1].contains(&format!("{n}/{n}")));
    assert!(all.contains("Same as the billing address"));
    // The cut description ends with an ellipsis, the long "word" is cut, not lost.
    assert!(all.contains('…'));
    let cut_word: usize = all
        .split(|c| c != 'x')
        .filter(|run| run.len() >= 5)
        .map(str::len)
        .sum();
    assert_eq!(cut_word, 200, "{all}");
    assert!(all.contains("https://example.test/xxxxx"));
    assert!(all.contains("Café moulu — 250 g"));
}

#[test]
fn an_order_in_another_currency_keeps_its_code_and_has_no_qr_code() {
    let shop = shop();
    let mut content = s04();
    content.currency = "USD".into();
    let digits = ogm().digits().to_owned();
    let i = input(
        DocumentKind::Invoice,
        Language::En,
        &content,
        &shop,
        &digits,
    );
    let t = text("usd", &render_ok(&i));
    assert!(t.contains("70.28 USD") && !t.contains('€'), "{t}");
    assert!(
        t.contains(&ogm().to_string()) && !t.contains("banking app"),
        "{t}"
    );
}

#[test]
fn a_free_order_asks_for_no_payment() {
    let shop = shop();
    let mut content = s04();
    content.total = comptoir_core::Money::ZERO;
    let digits = ogm().digits().to_owned();
    let i = input(
        DocumentKind::Invoice,
        Language::Fr,
        &content,
        &shop,
        &digits,
    );
    let t = text("free", &render_ok(&i));
    assert!(!t.contains("+++") && !t.contains("Scannez"), "{t}");
}

/// Three documents of different kinds and languages, the middle one four pages long: one
/// print job's worth.
fn batch<'a>(
    shop: &'a Shop,
    s04: &'a comptoir_core::DocumentContent,
    long: &'a comptoir_core::DocumentContent,
    credit: &'a comptoir_core::DocumentContent,
    ogm: &'a str,
) -> Vec<RenderInput<'a>> {
    let mut invoice = input(DocumentKind::Invoice, Language::Fr, s04, shop, ogm);
    invoice.number = Some("2026-0042");
    let mut note = input(DocumentKind::DeliveryNote, Language::Nl, long, shop, ogm);
    note.number = Some("L-2026-0007");
    let mut credit = input(DocumentKind::CreditNote, Language::En, credit, shop, ogm);
    credit.number = Some("CN-2026-0003");
    vec![invoice, note, credit]
}

/// The fonts `pdffonts` lists in the file, one line each.
fn fonts(path: &std::path::Path) -> Vec<String> {
    run(Command::new("pdffonts").arg(path))
        .lines()
        .skip(2)
        .map(str::to_owned)
        .collect()
}

#[test]
fn several_documents_render_as_one_pdf_each_with_its_own_pages() {
    let shop = shop();
    let (s04, long, credit) = (s04(), long_order(120), s06_credit());
    let digits = ogm().digits().to_owned();
    let inputs = batch(&shop, &s04, &long, &credit, &digits);
    let singles: Vec<Vec<u8>> = inputs.iter().map(render_ok).collect();
    let counts: Vec<usize> = singles
        .iter()
        .enumerate()
        .map(|(i, pdf)| pages(&format!("many-single-{i}"), pdf).len())
        .collect();
    assert_eq!(counts, [1, 4, 1]);

    let pdf = comptoir_pdf::render_many(&inputs).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    let path = write("many", &pdf);
    let pages = pages("many", &pdf);
    assert_eq!(pages.len(), counts.iter().sum::<usize>());

    // Page by page: which document, and its own numbering.
    let expected: [(&str, &str, &str); 6] = [
        ("Facture", "N° 2026-0042", "1/1"),
        ("Leveringsbon", "Nr. L-2026-0007", "1/4"),
        ("Leveringsbon", "L-2026-0007", "2/4"),
        ("Leveringsbon", "L-2026-0007", "3/4"),
        ("Leveringsbon", "L-2026-0007", "4/4"),
        ("Credit note", "No. CN-2026-0003", "1/1"),
    ];
    for (p, (page, (title, number, of))) in pages.iter().zip(expected).enumerate() {
        assert_in_order(page, &[title, number]);
        assert!(
            page.trim_end().ends_with(of),
            "page {}: {of} expected at its foot:\n{page}",
            p + 1
        );
        for other in ["2026-0042", "L-2026-0007", "CN-2026-0003"] {
            if !number.contains(other) {
                assert!(
                    !page.contains(other),
                    "page {}: {other} on another document's page:\n{page}",
                    p + 1
                );
            }
        }
    }
    // Each document's content is where it belongs: the invoice's payment block, every line
    // of the delivery note, the credit note's refund.
    assert!(pages[0].contains(&ogm().to_string()) && pages[0].contains("70,28 €"));
    let note = pages[1..5].join("\n");
    for i in 1..=120 {
        assert!(note.contains(&format!("TEST-{i:03}")), "line {i}");
    }
    assert!(!note.contains('€'));
    assert_in_order(
        &pages[5],
        &["Thomas Wouters", "Tablette cassée à la livraison", "€3.49"],
    );

    // Each face once, however many documents; the file is smaller than the three apart.
    let fonts = fonts(&path);
    assert_eq!(fonts.len(), 2, "{fonts:?}");
    assert!(fonts.iter().all(|f| f.contains("DejaVu")), "{fonts:?}");
    let apart: usize = singles.iter().map(Vec::len).sum();
    assert!(
        pdf.len() < apart,
        "{} bytes together, {apart} apart",
        pdf.len()
    );

    // A batch of one is the document as `render` makes it.
    let one = comptoir_pdf::render_many(&inputs[..1]).unwrap();
    assert_eq!(text("many-one", &one), text("many-one-single", &singles[0]));
}

#[test]
fn for_double_sided_printing_each_document_starts_on_a_front_side() {
    let shop = shop();
    let (s04, long, credit) = (s04(), long_order(120), s06_credit());
    let digits = ogm().digits().to_owned();
    let inputs = batch(&shop, &s04, &long, &credit, &digits);
    let duplex = comptoir_pdf::PrintOptions { duplex: true };
    assert!(
        !comptoir_pdf::PrintOptions::default().duplex,
        "off by default"
    );

    // 1 page, then a blank back; 4 pages (even: none); 1 page, the last (none needed).
    let pdf = comptoir_pdf::render_many_with(&inputs, duplex).unwrap();
    let all = pages("many-duplex", &pdf);
    assert_eq!(all.len(), 7);
    let blank: Vec<bool> = all.iter().map(|p| p.trim().is_empty()).collect();
    assert_eq!(blank, [false, true, false, false, false, false, false]);
    // The documents start on pages 1, 3 and 7: fronts.
    assert!(all[0].contains("2026-0042") && all[0].contains("1/1"));
    assert!(all[2].contains("L-2026-0007") && all[2].contains("1/4"));
    assert!(all[5].contains("L-2026-0007") && all[5].contains("4/4"));
    assert!(all[6].contains("CN-2026-0003") && all[6].contains("1/1"));

    // Three one-page documents: a blank back after the first two only.
    let ones = [inputs[0], inputs[2], inputs[0]];
    let pdf = comptoir_pdf::render_many_with(&ones, duplex).unwrap();
    let blank: Vec<bool> = pages("many-duplex-ones", &pdf)
        .iter()
        .map(|p| p.trim().is_empty())
        .collect();
    assert_eq!(blank, [false, true, false, true, false]);
    // Single-sided, none.
    let pdf = comptoir_pdf::render_many(&ones).unwrap();
    assert_eq!(pages("many-simplex-ones", &pdf).len(), 3);
}

#[test]
fn a_batch_places_the_shops_logo_once() {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut shop = shop();
    shop.logo = Some(std::fs::read(manifest.join("../../../icons/128x128.png")).unwrap());
    let (s04, long, credit) = (s04(), long_order(3), s06_credit());
    let digits = ogm().digits().to_owned();
    let inputs = batch(&shop, &s04, &long, &credit, &digits);
    let pdf = comptoir_pdf::render_many(&inputs).unwrap();
    let path = write("many-logo", &pdf);
    let list = run(Command::new("pdfimages").arg("-list").arg(&path));
    // Two heading lines, then one line per image drawn (and one per transparency mask): on
    // each document's first page, all three the same image object.
    let images: Vec<&str> = list
        .lines()
        .skip(2)
        .filter(|l| l.split_whitespace().nth(2) == Some("image"))
        .collect();
    assert_eq!(images.len(), 3, "{list}");
    let objects: std::collections::BTreeSet<&str> = images
        .iter()
        .map(|l| l.split_whitespace().nth(10).unwrap())
        .collect();
    assert_eq!(objects.len(), 1, "one image object:\n{list}");
    let single = render_ok(&inputs[0]);
    assert!(
        pdf.len() < single.len() + 20_000,
        "{} bytes for three, {} for one",
        pdf.len(),
        single.len()
    );
}

#[test]
fn a_batch_fails_whole_with_the_failing_documents_sentence() {
    let shop = shop();
    let (s04, long, credit) = (s04(), long_order(3), s06_credit());
    let digits = ogm().digits().to_owned();
    let mut inputs = batch(&shop, &s04, &long, &credit, &digits);
    assert!(matches!(
        comptoir_pdf::render_many(&[]),
        Err(PdfError::NoDocument)
    ));
    inputs[0].structured_communication = Some("+++123/4567/89000+++");
    let e = comptoir_pdf::render_many(&inputs).unwrap_err();
    assert!(matches!(e, PdfError::Communication(_)), "{e}");
}
