//! The same document as HTML and CSS, for the HTML-to-PDF engines the benchmark compares with
//! (dompdf, the engine of the most used WooCommerce invoice plugin, and wkhtmltopdf): built
//! from the same `RenderInput`, with the renderer's own labels and number formats, so that the
//! content is the same word for word. The design follows comptoir-pdf's: A4, DejaVu Sans, the
//! shop's identity and the title on top, the two addresses, the customer's note in a box, the
//! lines table (its header repeated on every page), the VAT summary and totals, the payment
//! block with its EPC QR code (an inline SVG of the same modules, drawn as rectangles), the
//! legend and a footer with the shop's legal identity and the page number `1/N`.
//!
//! What HTML engines do differently is left to them: dompdf draws the page number as the
//! `{PAGE_NUM}/{PAGE_COUNT}` text that its canvas fills in (see `dompdf.php`) beside a fixed
//! footer; Debian's wkhtmltopdf (built on an unpatched Qt) can print no footer at all, nor page
//! numbers, and repeats no fixed element, so its style sheet hides the footer. Each engine gets a few
//! lines of CSS of its own ([`DOMPDF_CSS`], [`WKHTMLTOPDF_CSS`]) so that its text is as large
//! and its lines as far apart as comptoir-pdf's. Neither repeats comptoir-pdf's one-line
//! continuation header on the pages after the first.

use comptoir_core::{Address, DocumentKind, LineKind, StructuredCommunication};
use comptoir_pdf::RenderInput;
use qrcode::{EcLevel, QrCode};

use crate::format;
use crate::labels::{country, labels};

const CSS: &str = r#"
@page { size: A4 portrait; margin: 15mm 18mm 21mm 18mm; }
* { box-sizing: border-box; }
body { margin: 0; padding: 0; }
body { font-family: "DejaVu Sans", sans-serif; font-size: 8.5pt; line-height: 1.32; color: #1f1f1f; }
.muted { color: #6b6b6b; }
table { border-collapse: collapse; width: 100%; }
td, th { vertical-align: top; padding: 0; }
.head td.shop { width: 55%; }
.head td.doc { text-align: right; }
.shop-name { font-size: 12pt; font-weight: bold; }
.title { font-size: 19pt; font-weight: bold; }
.number { font-size: 11pt; font-weight: bold; }
.meta { width: 66mm; margin-left: auto; margin-top: 2mm; }
.meta td { font-size: 9pt; text-align: right; }
.meta td.key { font-size: 8.5pt; text-align: left; color: #6b6b6b; }
.addresses { margin-top: 7mm; }
.addresses td { width: 50%; font-size: 9pt; }
.addresses .small { font-size: 8pt; }
.label { font-size: 7.5pt; font-weight: bold; color: #6b6b6b; text-transform: uppercase; }
.note { margin-top: 6mm; padding: 2.4mm; background: #f9f9f9; border: 0.6pt solid #c7c7c7;
        font-size: 9pt; white-space: pre-line; }
.note .label { white-space: normal; }
.lines { margin-top: 6mm; }
.lines thead { display: table-header-group; }
.lines tr { page-break-inside: avoid; }
.lines th { background: #ededed; font-size: 7.5pt; font-weight: bold; text-align: left;
            vertical-align: bottom; padding: 1.25mm 1.6mm; }
.lines td { padding: 1.25mm 1.6mm; border-bottom: 0.4pt solid #c7c7c7; }
.lines .num { text-align: right; white-space: nowrap; }
.lines td.sku { font-size: 8pt; color: #6b6b6b; }
.lines .discount { font-size: 7.5pt; color: #6b6b6b; }
.summary { margin-top: 5mm; page-break-inside: avoid; }
.summary td.vat { width: 90mm; }
.summary td.gap { width: 10mm; }
.vat-table th { font-size: 7.5pt; color: #6b6b6b; text-align: right; padding: 0 1.6mm 0.6mm;
                border-bottom: 0.4pt solid #c7c7c7; }
.vat-table th.first, .vat-table td.first { text-align: left; }
.vat-table td { text-align: right; padding: 0.7mm 1.6mm 0; }
.coupons { margin-top: 2mm; font-size: 8pt; color: #6b6b6b; padding-left: 1.6mm; }
.totals td { font-size: 9pt; padding: 0.4mm 1.6mm; }
.totals td.amount { text-align: right; }
.totals tr.grand td { background: #ededed; font-size: 11pt; font-weight: bold; padding: 1.5mm 1.6mm; }
.item-count { text-align: right; font-size: 9pt; font-weight: bold; margin-top: 3mm; }
.payment { margin-top: 6mm; border: 0.8pt solid #c7c7c7; padding: 3.5mm; page-break-inside: avoid; }
.payment td { padding: 0.6mm 0; }
.payment .what { font-size: 10pt; font-weight: bold; padding-bottom: 2mm; }
.payment .key { width: 32mm; color: #6b6b6b; }
.payment .value { font-size: 9.5pt; }
.payment .strong { font-weight: bold; }
.payment .ogm { font-size: 11pt; font-weight: bold; }
.payment td.qr { width: 30mm; text-align: center; vertical-align: top; }
.payment td.qr img { width: 30mm; height: 30mm; }
.payment .scan { font-size: 6.5pt; color: #6b6b6b; }
.legend { margin-top: 6mm; }
.footer { position: fixed; left: 0; right: 0; bottom: -12mm; height: 8mm;
          border-top: 0.5pt solid #c7c7c7; padding-top: 1.8mm; font-size: 7pt; color: #6b6b6b; }
"#;

/// The style sheet that wkhtmltopdf is given with `--user-style-sheet`. Debian's build (on an
/// unpatched Qt) has no headers and footers and would print the fixed footer once, at the end,
/// so it is hidden; and it sets text at 72/96 of its size in points while ignoring `--zoom` and
/// `--disable-smart-shrinking`, which a 4/3 CSS zoom puts right.
pub const WKHTMLTOPDF_CSS: &str = ".footer { display: none; }\nbody { zoom: 1.3333; }\n";

/// The style sheet that `dompdf.php` adds to the page: dompdf takes a line height as a multiple
/// of the font's bounding box (1.28 em for DejaVu Sans), not of its size, so 1.03 gives the
/// 1.32 em lines of the others. Its page number is drawn by `dompdf.php` (the `{PAGE_NUM}`
/// text dompdf fills in, as the WooCommerce invoice plugins do).
pub const DOMPDF_CSS: &str = "body { line-height: 1.03; }\n";

fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

fn base64(bytes: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(A[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The QR code as an SVG of black rectangles (runs of dark modules per row, as comptoir-pdf
/// draws it), with its 4-module quiet zone, as a data URI.
fn qr_svg(code: &QrCode) -> String {
    let n = code.width();
    let side = n + 8;
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{side}\" height=\"{side}\" viewBox=\"0 0 {side} {side}\"><rect width=\"{side}\" height=\"{side}\" fill=\"#fff\"/>"
    );
    for row in 0..n {
        let mut col = 0;
        while col < n {
            if code[(col, row)] != qrcode::Color::Dark {
                col += 1;
                continue;
            }
            let start = col;
            while col < n && code[(col, row)] == qrcode::Color::Dark {
                col += 1;
            }
            svg.push_str(&format!(
                "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"1\"/>",
                start + 4,
                row + 4,
                col - start
            ));
        }
    }
    svg.push_str("</svg>");
    format!("data:image/svg+xml;base64,{}", base64(svg.as_bytes()))
}

fn address(out: &mut String, a: &Address, lang: comptoir_core::Language) {
    let company = a.company.trim();
    let person = format!("{} {}", a.first_name.trim(), a.last_name.trim());
    let person = person.trim();
    if !company.is_empty() {
        out.push_str(&format!("<b>{}</b><br>", esc(company)));
    }
    if !person.is_empty() {
        if company.is_empty() {
            out.push_str(&format!("<b>{}</b><br>", esc(person)));
        } else {
            out.push_str(&format!("{}<br>", esc(person)));
        }
    }
    for part in [a.address_1.trim(), a.address_2.trim()] {
        if !part.is_empty() {
            out.push_str(&format!("{}<br>", esc(part)));
        }
    }
    let city = format!("{} {}", a.postcode.trim(), a.city.trim());
    if !city.trim().is_empty() {
        out.push_str(&format!("{}<br>", esc(city.trim())));
    }
    if !a.state.trim().is_empty() {
        out.push_str(&format!("{}<br>", esc(a.state.trim())));
    }
    if !a.country.trim().is_empty() {
        out.push_str(&format!("{}<br>", esc(&country(&a.country, lang))));
    }
}

fn is_empty(a: &Address) -> bool {
    [
        &a.first_name,
        &a.last_name,
        &a.company,
        &a.address_1,
        &a.address_2,
        &a.city,
        &a.postcode,
    ]
    .iter()
    .all(|s| s.trim().is_empty())
}

/// The document as one HTML page with its style sheet inline.
pub fn document(input: &RenderInput) -> String {
    let l = labels(input.language);
    let lang = input.language;
    let content = input.content;
    let shop = input.shop;
    let currency = content.currency.as_str();
    let money = |m| format::money(m, currency, lang);
    let priced = input.kind != DocumentKind::DeliveryNote;
    let title = l.title(input.kind);
    let number = input.number.map(|n| format!("{} {n}", l.number));
    let iban: String = shop.iban.chars().filter(|c| !c.is_whitespace()).collect();

    let mut h = String::with_capacity(64 * 1024);
    h.push_str(&format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>{CSS}</style>\n</head>\n<body>\n",
        lang.as_str(),
        esc(&format!("{title} {}", input.number.unwrap_or_default()))
    ));

    // The footer first: dompdf draws a fixed element on every page from where it appears on.
    h.push_str(&format!(
        "<div class=\"footer\">{}</div>\n",
        esc(&footer_text(input))
    ));

    // Header: the shop's identity, the title, number and dates.
    h.push_str("<table class=\"head\"><tr><td class=\"shop\">");
    h.push_str(&format!(
        "<div class=\"shop-name\">{}</div><div class=\"muted\">",
        esc(&shop.name)
    ));
    let mut identity: Vec<String> = shop
        .address
        .lines()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect();
    if !shop.vat_number.trim().is_empty() {
        identity.push(l.pair(l.vat, shop.vat_number.trim()));
    }
    if !shop.enterprise_number.trim().is_empty() {
        identity.push(l.pair(l.enterprise_number, shop.enterprise_number.trim()));
    }
    for contact in [&shop.email, &shop.phone] {
        if !contact.trim().is_empty() {
            identity.push(contact.trim().to_owned());
        }
    }
    h.push_str(
        &identity
            .iter()
            .map(|s| esc(s))
            .collect::<Vec<_>>()
            .join("<br>"),
    );
    h.push_str("</div></td><td class=\"doc\">");
    h.push_str(&format!("<div class=\"title\">{}</div>", esc(title)));
    if let Some(number) = &number {
        h.push_str(&format!("<div class=\"number\">{}</div>", esc(number)));
    }
    h.push_str("<table class=\"meta\">");
    let mut meta = vec![
        (l.date, format::date(input.date, lang)),
        (l.order, input.order_number.trim().to_owned()),
    ];
    if let Some(d) = input.order_date {
        meta.push((l.order_date, format::date(d, lang)));
    }
    for (label, value) in meta {
        h.push_str(&format!(
            "<tr><td class=\"key\">{}</td><td>{}</td></tr>",
            esc(label),
            esc(&value)
        ));
    }
    h.push_str("</table></td></tr></table>\n");

    // Addresses.
    h.push_str("<table class=\"addresses\"><tr><td>");
    h.push_str(&format!("<div class=\"label\">{}</div>", esc(l.billing)));
    address(&mut h, &content.billing, lang);
    if let Some(vat) = content
        .customer_vat_number
        .as_deref()
        .map(str::trim)
        .filter(|v| !v.is_empty())
    {
        h.push_str(&format!("{}<br>", esc(&l.pair(l.vat, vat))));
    }
    let email = content.billing.email.as_deref().unwrap_or_default().trim();
    for contact in [email, content.billing.phone.trim()] {
        if !contact.is_empty() {
            h.push_str(&format!(
                "<span class=\"small muted\">{}</span><br>",
                esc(contact)
            ));
        }
    }
    h.push_str("</td><td>");
    h.push_str(&format!("<div class=\"label\">{}</div>", esc(l.shipping)));
    if is_empty(&content.shipping) {
        h.push_str(&format!(
            "<span class=\"muted\">{}</span>",
            esc(l.same_as_billing)
        ));
    } else {
        address(&mut h, &content.shipping, lang);
    }
    h.push_str("</td></tr></table>\n");

    // The customer's note.
    let note = content.customer_note.trim();
    if !note.is_empty() {
        h.push_str(&format!(
            "<div class=\"note\"><div class=\"label\">{}</div>{}</div>\n",
            esc(l.customer_note),
            esc(note)
        ));
    }

    // The lines.
    h.push_str("<table class=\"lines\"><thead><tr>");
    let headers: Vec<(&str, bool, &str)> = if priced {
        vec![
            (l.sku, false, "width:23mm"),
            (l.description, false, ""),
            (l.quantity, true, "width:13mm"),
            (l.unit_price, true, "width:23mm"),
            (l.vat_rate_column, true, "width:12mm"),
            (l.line_total, true, "width:24mm"),
        ]
    } else {
        vec![
            (l.sku, false, "width:32mm"),
            (l.description, false, ""),
            (l.quantity, true, "width:22mm"),
        ]
    };
    for (label, right, style) in headers {
        h.push_str(&format!(
            "<th{}{}>{}</th>",
            if right { " class=\"num\"" } else { "" },
            if style.is_empty() {
                String::new()
            } else {
                format!(" style=\"{style}\"")
            },
            esc(label)
        ));
    }
    h.push_str("</tr></thead>\n<tbody>\n");
    for line in content
        .lines
        .iter()
        .filter(|line| priced || line.kind != LineKind::Shipping)
    {
        h.push_str(&format!(
            "<tr><td class=\"sku\">{}</td><td>{}",
            esc(line.sku.as_deref().unwrap_or_default()),
            esc(&line.description)
        ));
        if priced && !line.discount_excl.is_zero() {
            h.push_str(&format!(
                " <span class=\"discount\">{}</span>",
                esc(&l.pair(l.discount, &money(-line.discount_excl)))
            ));
        }
        h.push_str("</td>");
        if priced {
            for value in [
                format::quantity(line.quantity, lang),
                format::unit_price(line.unit_price_excl, currency, lang),
                format::rate(line.vat_rate, lang),
                money(line.total_excl),
            ] {
                h.push_str(&format!("<td class=\"num\">{}</td>", esc(&value)));
            }
        } else {
            h.push_str(&format!(
                "<td class=\"num\"><b>{}</b></td>",
                esc(&format::quantity(line.quantity, lang))
            ));
        }
        h.push_str("</tr>\n");
    }
    h.push_str("</tbody></table>\n");

    // VAT summary and totals.
    if priced {
        h.push_str("<table class=\"summary\"><tr><td class=\"vat\"><table class=\"vat-table\">");
        h.push_str(&format!(
            "<tr><th class=\"first\">{}</th><th>{}</th><th>{}</th></tr>",
            esc(l.vat_rate),
            esc(l.vat_base),
            esc(l.vat_amount)
        ));
        for row in &content.vat_summary {
            h.push_str(&format!(
                "<tr><td class=\"first\">{}</td><td>{}</td><td>{}</td></tr>",
                esc(&format::rate(row.rate, lang)),
                esc(&money(row.base_excl)),
                esc(&money(row.vat))
            ));
        }
        h.push_str("</table>");
        if !content.coupons.is_empty() {
            h.push_str(&format!(
                "<div class=\"coupons\">{}</div>",
                esc(&l.pair(l.coupons, &content.coupons.join(", ")))
            ));
        }
        h.push_str("</td><td class=\"gap\"></td><td><table class=\"totals\">");
        for (label, value) in [
            (l.total_excl, content.total_excl),
            (l.total_vat, content.total_vat),
        ] {
            h.push_str(&format!(
                "<tr><td>{}</td><td class=\"amount\">{}</td></tr>",
                esc(label),
                esc(&money(value))
            ));
        }
        h.push_str(&format!(
            "<tr class=\"grand\"><td>{}</td><td class=\"amount\">{}</td></tr>",
            esc(l.total_incl),
            esc(&money(content.total))
        ));
        h.push_str("</table></td></tr></table>\n");
    } else {
        let count: comptoir_core::Money = content
            .lines
            .iter()
            .filter(|line| line.kind == LineKind::Product)
            .map(|line| line.quantity)
            .sum();
        h.push_str(&format!(
            "<div class=\"item-count\">{}</div>\n",
            esc(&l.pair(l.item_count, &format::quantity(count, lang)))
        ));
    }

    // The payment block of an unpaid invoice, with the EPC QR code.
    let communication = input
        .structured_communication
        .and_then(StructuredCommunication::parse);
    if input.kind == DocumentKind::Invoice && !input.paid {
        h.push_str("<div class=\"payment\"><table><tr><td>");
        h.push_str(&format!(
            "<div class=\"what\">{}</div><table>",
            esc(l.payment)
        ));
        let mut rows = vec![("IBAN", format::iban(&iban), "value strong")];
        if !shop.bic.trim().is_empty() {
            rows.push(("BIC", shop.bic.trim().to_owned(), "value"));
        }
        rows.push((l.amount, money(content.total), "value strong"));
        if let Some(c) = &communication {
            rows.push((l.communication, c.to_string(), "ogm"));
        }
        for (key, value, class) in rows {
            h.push_str(&format!(
                "<tr><td class=\"key\">{}</td><td class=\"{class}\">{}</td></tr>",
                esc(key),
                esc(&value)
            ));
        }
        h.push_str("</table></td>");
        if let Some(c) = &communication {
            let payload = comptoir_pdf::epc_qr_payload(shop, content.total, c.digits())
                .expect("the EPC payload");
            let code = QrCode::with_error_correction_level(payload.as_bytes(), EcLevel::M)
                .expect("the QR code");
            h.push_str(&format!(
                "<td class=\"qr\"><img src=\"{}\" alt=\"QR\"><br><span class=\"scan\">{}</span></td>",
                qr_svg(&code),
                esc(l.scan)
            ));
        }
        h.push_str("</tr></table></div>\n");
    }

    let legend = input.legend.trim();
    if !legend.is_empty() {
        h.push_str(&format!("<p class=\"legend\">{}</p>\n", esc(legend)));
    }
    h.push_str("</body>\n</html>\n");
    h
}

/// The footer's text: the shop's name, VAT number and IBAN, as comptoir-pdf's footer has them.
fn footer_text(input: &RenderInput) -> String {
    let l = labels(input.language);
    let shop = input.shop;
    let iban: String = shop.iban.chars().filter(|c| !c.is_whitespace()).collect();
    let mut parts = vec![shop.name.clone()];
    if !shop.vat_number.trim().is_empty() {
        parts.push(format!("{} {}", l.vat, shop.vat_number.trim()));
    }
    if !iban.is_empty() {
        parts.push(format!("IBAN {}", format::iban(&iban)));
    }
    parts.join("  ·  ")
}
