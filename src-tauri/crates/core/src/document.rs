//! What a document shows, computed from an order: its lines (SKU, description, quantity, unit
//! price excl. VAT, discount, VAT rate, line total), the VAT summary per rate and the totals.
//! The same content serves the order form, the delivery note (which hides the prices), the
//! invoice and the credit notes.
//!
//! The document must equal the order to the cent. WooCommerce computes VAT per line and per
//! order separately and the two can disagree by a cent (per-line `taxes[]` rounding, a coupon's
//! `discount_tax`), so the lines show WooCommerce's per-line figures while the VAT summary and
//! the totals follow the order-level `tax_lines` and `total`/`total_tax`, which are what the
//! customer paid. Amounts in an order are net of VAT whether the shop enters prices with or
//! without VAT (`prices_include_tax`), so that flag changes nothing here.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;
use std::fmt::Write as _;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::order::{LineItem, MetaData, TaxAmount};
use crate::{Address, Money, Order, Refund};

/// The four kinds of document Comptoir makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    OrderForm,
    DeliveryNote,
    Invoice,
    CreditNote,
}

impl DocumentKind {
    /// The document's title in a language, as printed and as named in e-mails.
    pub fn title(self, lang: crate::language::Language) -> &'static str {
        use crate::language::Language::{En, Fr, Nl};
        match (self, lang) {
            (DocumentKind::OrderForm, Fr) => "Bon de commande",
            (DocumentKind::OrderForm, Nl) => "Bestelbon",
            (DocumentKind::OrderForm, En) => "Order form",
            (DocumentKind::DeliveryNote, Fr) => "Bon de livraison",
            (DocumentKind::DeliveryNote, Nl) => "Leveringsbon",
            (DocumentKind::DeliveryNote, En) => "Delivery note",
            (DocumentKind::Invoice, Fr) => "Facture",
            (DocumentKind::Invoice, Nl) => "Factuur",
            (DocumentKind::Invoice, En) => "Invoice",
            (DocumentKind::CreditNote, Fr) => "Note de crédit",
            (DocumentKind::CreditNote, Nl) => "Creditnota",
            (DocumentKind::CreditNote, En) => "Credit note",
        }
    }

    pub const ALL: [DocumentKind; 4] = [
        DocumentKind::OrderForm,
        DocumentKind::DeliveryNote,
        DocumentKind::Invoice,
        DocumentKind::CreditNote,
    ];

    /// The name used in settings, the database and `--json` output.
    pub fn as_str(self) -> &'static str {
        match self {
            DocumentKind::OrderForm => "order_form",
            DocumentKind::DeliveryNote => "delivery_note",
            DocumentKind::Invoice => "invoice",
            DocumentKind::CreditNote => "credit_note",
        }
    }

    pub fn parse(text: &str) -> Option<DocumentKind> {
        DocumentKind::ALL
            .into_iter()
            .find(|k| k.as_str() == text.trim())
    }
}

impl fmt::Display for DocumentKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where a document line comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LineKind {
    Product,
    Shipping,
    Fee,
}

/// One line of a document. All amounts are excl. VAT except `vat`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentLine {
    pub kind: LineKind,
    pub sku: Option<String>,
    /// The product name plus its printable attributes (`T-shirt « Manneken » - M`, or
    /// `Mug — Couleur : Bleu` when the name does not already say it). Internal meta never
    /// appears.
    pub description: String,
    pub quantity: Money,
    /// Unit price before any coupon: the line's `subtotal` divided by the quantity, exact when
    /// that has at most 4 decimals, else rounded to 4 (see `unit_price` below for why).
    pub unit_price_excl: Money,
    /// What coupons took off the line (`subtotal - total`); zero for shipping and fees.
    pub discount_excl: Money,
    /// In percent: 21, 6, 0.
    pub vat_rate: Money,
    /// The line's `total`, after coupons.
    pub total_excl: Money,
    /// The line's `total_tax`, as WooCommerce computed it for this line.
    pub vat: Money,
}

/// The VAT due at one rate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VatRow {
    /// In percent.
    pub rate: Money,
    pub base_excl: Money,
    pub vat: Money,
}

/// Everything a document shows that comes from the order (the shop identity, number, date,
/// legend and language are added by the caller).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentContent {
    pub currency: String,
    pub order_number: String,
    pub lines: Vec<DocumentLine>,
    /// One row per rate, highest rate first.
    pub vat_summary: Vec<VatRow>,
    pub total_excl: Money,
    pub total_vat: Money,
    pub total: Money,
    /// The customer's note, printed in a block at the top. Empty on credit notes: it was an
    /// instruction for the delivery, not part of what is credited.
    pub customer_note: String,
    pub billing: Address,
    pub shipping: Address,
    pub customer_vat_number: Option<String>,
    /// Coupon codes, for display; their discount is already in the lines.
    pub coupons: Vec<String>,
    /// On a credit note: its lines are the refund's own, as read from the shop's REST API
    /// (not rows derived from the refund's amount and VAT).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub refund_lines_from_shop: bool,
}

/// The order cannot be turned into a document as it is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DocumentError {
    #[error(
        "Order {order} has no products, shipping or fees, so there is nothing to put on a document."
    )]
    NoLines { order: String },
    #[error(
        "Order {order} has a negative total ({total}); WooCommerce does not make such orders, so it was probably changed by hand or by a plugin. Check it in WooCommerce."
    )]
    NegativeTotal { order: String, total: String },
    #[error(
        "Order {order} contains an amount too large to be real ({amount}). Check the order in WooCommerce."
    )]
    TooLarge { order: String, amount: String },
    #[error(
        "The line \"{line}\" of order {order} is taxed at several rates at once; a Belgian document needs one VAT rate per line. Check the product's tax class in WooCommerce."
    )]
    SeveralRates { order: String, line: String },
    #[error(
        "Comptoir cannot tell which VAT rate applies to \"{line}\" in order {order}. Check the tax rates in WooCommerce (Settings › Tax) and give each rate a percentage."
    )]
    UnknownRate { order: String, line: String },
    #[error(
        "The VAT lines of order {order} add up to {lines}, but the order's VAT total is {order_vat}. Comptoir does not guess a VAT amount: check the order's taxes in WooCommerce and recalculate them."
    )]
    VatMismatch {
        order: String,
        lines: String,
        order_vat: String,
    },
    #[error(
        "The lines of order {order} add up to {lines} excl. VAT, but the order's total minus its VAT is {order_excl}. Something was added to the order without a line (perhaps by a plugin): check the order in WooCommerce and recalculate it."
    )]
    TotalMismatch {
        order: String,
        lines: String,
        order_excl: String,
    },
    #[error(
        "Refund {refund} of order {order} is not a refund of money (its total is {total}); WooCommerce sends refunds as negative amounts. Check the refund in WooCommerce."
    )]
    RefundNotNegative {
        order: String,
        refund: u64,
        total: String,
    },
    #[error(
        "Refund {refund} of order {order} has {vat} VAT on a total of {total}, which cannot be. Check the refund in WooCommerce."
    )]
    RefundVat {
        order: String,
        refund: u64,
        total: String,
        vat: String,
    },
    #[error(
        "Refund {refund} of order {order} is for {total}, more than the order's total of {order_total}. Check the refund in WooCommerce."
    )]
    RefundTooLarge {
        order: String,
        refund: u64,
        total: String,
        order_total: String,
    },
    #[error(
        "Refund {refund} of order {order} ({total} including {vat} VAT) does not match the VAT rates of the order ({rates}), so Comptoir cannot split it per rate. Make this credit note by hand, or connect the shop's REST API so Comptoir can read the refunded lines."
    )]
    RefundRates {
        order: String,
        refund: u64,
        total: String,
        vat: String,
        rates: String,
    },
}

/// The content of an order form, delivery note or invoice for this order.
pub fn content_from_order(order: &Order) -> Result<DocumentContent, DocumentError> {
    let number = order_number(order);
    check_sizes(order, &number)?;
    if order.total.0.is_sign_negative() && !order.total.is_zero() {
        return Err(DocumentError::NegativeTotal {
            order: number,
            total: order.total.to_string(),
        });
    }
    let rates = RateTable::new(order);
    let mut lines = Vec::new();
    for item in &order.line_items {
        lines.push(item_line(&number, &rates, item)?);
    }
    for s in &order.shipping_lines {
        let rate = line_rate(
            &number,
            &rates,
            &s.method_title,
            s.total,
            s.total_tax,
            &s.taxes,
        )?;
        lines.push(flat_line(
            LineKind::Shipping,
            &s.method_title,
            rate,
            s.total,
            s.total_tax,
        ));
    }
    for fee in &order.fee_lines {
        let rate = line_rate(
            &number,
            &rates,
            &fee.name,
            fee.total,
            fee.total_tax,
            &fee.taxes,
        )?;
        lines.push(flat_line(
            LineKind::Fee,
            &fee.name,
            rate,
            fee.total,
            fee.total_tax,
        ));
    }
    if lines.is_empty() {
        return Err(DocumentError::NoLines { order: number });
    }
    let vat_summary = vat_summary(order, &number, &rates, &lines)?;
    Ok(DocumentContent {
        currency: order.currency.trim().to_owned(),
        order_number: number,
        lines,
        vat_summary,
        total_excl: order.total - order.total_tax,
        total_vat: order.total_tax,
        total: order.total,
        customer_note: order.customer_note.clone(),
        billing: order.billing.clone(),
        shipping: order.shipping.clone(),
        customer_vat_number: customer_vat_number(&order.meta_data),
        coupons: order
            .coupon_lines
            .iter()
            .map(|c| c.code.trim().to_owned())
            .filter(|c| !c.is_empty())
            .collect(),
        refund_lines_from_shop: false,
    })
}

/// A credit note cancelling the whole order: the invoice's lines and totals, as credited.
pub fn content_for_cancellation(order: &Order) -> Result<DocumentContent, DocumentError> {
    let mut content = content_from_order(order)?;
    content.customer_note.clear();
    Ok(content)
}

/// A credit note for one refund. WooCommerce's webhook gives only the refund's total and VAT
/// (negative), not which lines were refunded, so the credit note has one line per VAT rate,
/// described by the refund's reason, with `total = -refund.total` and
/// `total_vat = -refund.total_tax` exactly:
///
/// - a refund of the whole order at once repeats the invoice's lines;
/// - the refund that brings the order's refunds to its full total credits what the earlier
///   refunds left, rate by rate, so the credit notes of an order add up to its invoice per rate;
/// - otherwise the split is derived from the VAT: one rate when the VAT matches it, or the two
///   order rates around the refund's average rate.
pub fn content_for_refund(
    order: &Order,
    refund: &Refund,
) -> Result<DocumentContent, DocumentError> {
    let invoice = content_from_order(order)?;
    let number = invoice.order_number.clone();
    let gross = neg(refund.total);
    let vat = neg(refund.total_tax);
    if !is_positive(gross) {
        return Err(DocumentError::RefundNotNegative {
            order: number,
            refund: refund.id,
            total: refund.total.to_string(),
        });
    }
    if (vat.0.is_sign_negative() && !vat.is_zero()) || vat.0 > gross.0 {
        return Err(DocumentError::RefundVat {
            order: number,
            refund: refund.id,
            total: gross.to_string(),
            vat: vat.to_string(),
        });
    }
    if gross.0 > invoice.total.0 {
        return Err(DocumentError::RefundTooLarge {
            order: number,
            refund: refund.id,
            total: gross.to_string(),
            order_total: invoice.total.to_string(),
        });
    }
    // WooCommerce gives refunds ids from the same growing sequence as orders, so a smaller id
    // is an earlier refund, whatever order `refunds[]` lists them in.
    let earlier: Vec<&Refund> = order.refunds.iter().filter(|r| r.id < refund.id).collect();
    let earlier_gross: Money = earlier.iter().map(|r| neg(r.total)).sum();
    let earlier_vat: Money = earlier.iter().map(|r| neg(r.total_tax)).sum();
    let completes_order =
        gross + earlier_gross == invoice.total && vat + earlier_vat == invoice.total_vat;

    if completes_order && earlier.is_empty() {
        let mut content = invoice;
        content.customer_note.clear();
        return Ok(content);
    }
    let remainder = if completes_order {
        remainder_rows(order, &invoice, &earlier)
    } else {
        None
    };
    let rows = match remainder {
        Some(rows) => rows,
        None => derived_rows(&invoice, refund, gross - vat, vat)?,
    };
    let description = match refund.reason.trim() {
        "" => format!("#{}", refund.id),
        reason => reason.to_owned(),
    };
    let lines = rows
        .iter()
        .map(|row| DocumentLine {
            kind: LineKind::Product,
            sku: None,
            description: description.clone(),
            quantity: Money(Decimal::ONE),
            unit_price_excl: row.base_excl,
            discount_excl: zero_money(),
            vat_rate: row.rate,
            total_excl: row.base_excl,
            vat: row.vat,
        })
        .collect();
    Ok(DocumentContent {
        currency: invoice.currency,
        order_number: number,
        lines,
        vat_summary: rows,
        total_excl: gross - vat,
        total_vat: vat,
        total: gross,
        customer_note: String::new(),
        billing: invoice.billing,
        shipping: invoice.shipping,
        customer_vat_number: invoice.customer_vat_number,
        coupons: Vec::new(),
        refund_lines_from_shop: false,
    })
}

// ---------------------------------------------------------------------------------------------
// Lines

fn order_number(order: &Order) -> String {
    match order.number.trim() {
        "" => order.id.to_string(),
        n => n.to_owned(),
    }
}

/// Money with two decimals, so a zero prints as `0.00` like WooCommerce's amounts.
fn zero_money() -> Money {
    Money(Decimal::new(0, 2))
}

fn neg(m: Money) -> Money {
    Money(Decimal::ZERO - m.0)
}

fn is_positive(m: Money) -> bool {
    m.0 > Decimal::ZERO
}

fn is_negative(m: Money) -> bool {
    m.0 < Decimal::ZERO
}

fn cents(n: i64) -> Decimal {
    Decimal::new(n, 2)
}

/// No real shop order comes near a trillion; refusing larger amounts up front means the
/// arithmetic below can never overflow `Decimal` (which would panic).
fn check_sizes(order: &Order, number: &str) -> Result<(), DocumentError> {
    let limit = Decimal::new(1_000_000_000_000, 0);
    let mut amounts = vec![order.total, order.total_tax];
    for i in &order.line_items {
        amounts.extend([i.quantity, i.subtotal, i.total, i.total_tax]);
        amounts.extend(i.taxes.iter().flat_map(|t| [t.total, t.subtotal]));
    }
    for s in &order.shipping_lines {
        amounts.extend([s.total, s.total_tax]);
        amounts.extend(s.taxes.iter().map(|t| t.total));
    }
    for f in &order.fee_lines {
        amounts.extend([f.total, f.total_tax]);
        amounts.extend(f.taxes.iter().map(|t| t.total));
    }
    for t in &order.tax_lines {
        amounts.extend([t.tax_total, t.shipping_tax_total]);
        amounts.extend(t.rate_percent);
    }
    for r in &order.refunds {
        amounts.extend([r.total, r.total_tax]);
    }
    match amounts.into_iter().find(|a| a.0.abs() > limit) {
        Some(a) => Err(DocumentError::TooLarge {
            order: number.to_owned(),
            amount: a.to_string(),
        }),
        None => Ok(()),
    }
}

fn item_line(
    number: &str,
    rates: &RateTable,
    item: &LineItem,
) -> Result<DocumentLine, DocumentError> {
    let description = describe(item);
    let rate = line_rate(
        number,
        rates,
        &description,
        item.total,
        item.total_tax,
        &item.taxes,
    )?;
    // Some plugins leave `subtotal` empty; then there was no discount to show.
    let subtotal = if item.subtotal.is_zero() && !item.total.is_zero() {
        item.total
    } else {
        item.subtotal
    };
    Ok(DocumentLine {
        kind: LineKind::Product,
        sku: item
            .sku
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned),
        description,
        quantity: item.quantity,
        unit_price_excl: unit_price(subtotal, item.quantity),
        discount_excl: subtotal - item.total,
        vat_rate: rate,
        total_excl: item.total,
        vat: item.total_tax,
    })
}

/// A shipping or fee line: one unit, no discount (WooCommerce's coupons never reduce them).
fn flat_line(kind: LineKind, name: &str, rate: Money, total: Money, vat: Money) -> DocumentLine {
    DocumentLine {
        kind,
        sku: None,
        description: name.trim().to_owned(),
        quantity: Money(Decimal::ONE),
        unit_price_excl: total,
        discount_excl: zero_money(),
        vat_rate: rate,
        total_excl: total,
        vat,
    }
}

/// The unit price before discount: `subtotal / quantity`. Kept exact up to 4 decimals, so that
/// quantity × unit price gives back the line's subtotal whenever possible (4 chocolate bars for
/// 13.17 are 3.2925 each; 3.29 would make the line 13.16 and the reader doubt the invoice).
/// Beyond 4 decimals it is rounded: a price of 1/3 cent has no exact written form anyway, and 4
/// decimals is the precision Belgian accounting software accepts for unit prices. At least two
/// decimals are always shown.
fn unit_price(subtotal: Money, quantity: Money) -> Money {
    if quantity.is_zero() {
        return subtotal;
    }
    match subtotal.0.checked_div(quantity.0) {
        Some(unit) => Money(with_min_scale(Money(unit).round_dp(4).0.normalize(), 2)),
        None => subtotal,
    }
}

fn with_min_scale(mut d: Decimal, scale: u32) -> Decimal {
    if d.scale() < scale {
        d.rescale(scale);
    }
    d
}

/// The line's name and the attributes that are not already in it. WooCommerce names a
/// variation `Parent - M` when its attributes are few, and also lists them in `meta_data`
/// (`Taille: M`); printing both would say the size twice.
fn describe(item: &LineItem) -> String {
    let name = item.name.trim();
    let in_name = variation_suffix(name, item.parent_name.as_deref());
    let mut out = name.to_owned();
    for meta in &item.meta_data {
        let Some((key, value)) = printable_meta(meta) else {
            continue;
        };
        if in_name
            .iter()
            .any(|v| v.eq_ignore_ascii_case(&value) || *v == value)
        {
            continue;
        }
        let _ = write!(out, " — {key} : {value}");
    }
    out
}

/// The attribute values written in a variation's name after ` - `, comma separated.
fn variation_suffix<'a>(name: &'a str, parent: Option<&str>) -> Vec<&'a str> {
    let tail = match parent.map(str::trim).filter(|p| !p.is_empty()) {
        Some(parent) => name.strip_prefix(parent).map(|rest| {
            rest.trim_start()
                .strip_prefix('-')
                .unwrap_or(rest)
                .trim_start()
        }),
        None => name.rsplit_once(" - ").map(|(_, tail)| tail),
    };
    tail.map(|t| {
        t.split(',')
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .collect()
    })
    .unwrap_or_default()
}

/// The label and value a meta entry prints as, or `None` for internal (`_`-prefixed) or
/// structured meta.
fn printable_meta(meta: &MetaData) -> Option<(String, String)> {
    if meta.is_internal() {
        return None;
    }
    let key = meta
        .display_key
        .as_deref()
        .map(str::trim)
        .filter(|k| !k.is_empty())
        .unwrap_or(meta.key.trim());
    // A display key starting with `_` is still internal bookkeeping.
    if key.is_empty() || key.starts_with('_') {
        return None;
    }
    let value = meta
        .display_value
        .as_ref()
        .and_then(scalar_text)
        .or_else(|| scalar_text(&meta.value))?;
    let value = plain_text(&value);
    if value.is_empty() {
        return None;
    }
    Some((plain_text(key), value))
}

fn scalar_text(v: &serde_json::Value) -> Option<String> {
    match v {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// WooCommerce's `display_value` may hold HTML (`<p>M</p>`, `&amp;`); a PDF wants the text.
fn plain_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#039;", "'")
        .replace("&#39;", "'")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&")
        .trim()
        .to_owned()
}

/// The customer's VAT number, from the meta keys EU VAT plugins use.
fn customer_vat_number(meta: &[MetaData]) -> Option<String> {
    const KEYS: &[&str] = &[
        "_billing_vat",
        "billing_vat",
        "vat_number",
        "_vat_number",
        "_billing_vat_number",
        "billing_vat_number",
    ];
    KEYS.iter().find_map(|key| {
        meta.iter()
            .filter(|m| m.key == *key)
            .find_map(|m| scalar_text(&m.value))
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())
    })
}

// ---------------------------------------------------------------------------------------------
// VAT rates

/// VAT rates in use in the EU (standard and reduced), to recognise a rate from an amount that
/// WooCommerce rounded. A derived ratio snaps to one of these when the amounts allow it.
const KNOWN_RATES: &[&str] = &[
    "0", "2.1", "3", "4", "5", "5.5", "6", "7", "8", "8.5", "9", "10", "12", "13", "13.5", "14",
    "15", "16", "17", "18", "19", "20", "21", "22", "23", "24", "25", "25.5", "27",
];

/// The percentage of each WooCommerce tax rate id used in the order.
#[derive(Debug)]
struct RateTable {
    by_id: HashMap<u64, Money>,
}

impl RateTable {
    fn new(order: &Order) -> RateTable {
        let mut by_id = HashMap::new();
        for tl in &order.tax_lines {
            let rate = tl
                .rate_percent
                .or_else(|| rate_from_label(&tl.label))
                .or_else(|| rate_from_lines(order, tl.rate_id));
            if let Some(rate) = rate {
                by_id.insert(tl.rate_id, Money(rate.0.normalize()));
            }
        }
        RateTable { by_id }
    }
}

/// `TVA/BTW 21%`, `BTW 5,5 %` → the number before the first `%`.
fn rate_from_label(label: &str) -> Option<Money> {
    let (before, _) = label.split_once('%')?;
    let before = before.trim_end();
    let start = before
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_ascii_digit() || *c == '.' || *c == ',')
        .last()
        .map(|(i, _)| i)?;
    let number = before.get(start..)?.replace(',', ".");
    let number = number.trim_matches('.');
    Money::parse(number).ok().filter(|r| r.0 >= Decimal::ZERO)
}

/// A rate derived from the lines taxed with it: their VAT over their bases. WooCommerce's
/// `taxes[].total` often keeps more decimals than the rounded `total_tax`, which helps.
fn rate_from_lines(order: &Order, rate_id: u64) -> Option<Money> {
    let mut base = Decimal::ZERO;
    let mut tax = Decimal::ZERO;
    let mut count = 0u32;
    let all = order
        .line_items
        .iter()
        .map(|i| (i.total, &i.taxes))
        .chain(order.shipping_lines.iter().map(|s| (s.total, &s.taxes)))
        .chain(order.fee_lines.iter().map(|f| (f.total, &f.taxes)));
    for (total, taxes) in all {
        let ids = taxed_ids(taxes);
        if ids.len() == 1 && ids.contains(&rate_id) {
            base += total.0;
            tax += taxes
                .iter()
                .filter(|t| t.id == rate_id)
                .map(|t| t.total.0)
                .sum::<Decimal>();
            count += 1;
        }
    }
    snap_rate(Money(base), Money(tax), count)
}

/// The rate that turns `base` into `tax`, allowing half a cent of rounding per line summed:
/// the closest known rate within that tolerance, else the ratio rounded to 2 decimals.
fn snap_rate(base: Money, tax: Money, lines: u32) -> Option<Money> {
    if base.is_zero() {
        return None;
    }
    let ratio = tax
        .0
        .checked_div(base.0)?
        .checked_mul(Decimal::ONE_HUNDRED)?;
    let tolerance = Decimal::new(5, 3) * Decimal::from(lines.max(1));
    let known = KNOWN_RATES
        .iter()
        .filter_map(|r| Money::parse(r).ok())
        .filter(|r| (base.0 * r.0 / Decimal::ONE_HUNDRED - tax.0).abs() <= tolerance)
        .min_by_key(|r| (r.0 - ratio).abs());
    Some(known.unwrap_or_else(|| Money(ratio.round_dp(2).normalize())))
}

/// The tax rate ids that actually tax a line (entries with a zero amount do not count).
fn taxed_ids(taxes: &[TaxAmount]) -> BTreeSet<u64> {
    taxes
        .iter()
        .filter(|t| !t.total.is_zero() || !t.subtotal.is_zero())
        .map(|t| t.id)
        .collect()
}

/// A line's VAT rate: from its `taxes[]` rate id, else from its own VAT over its amount; a
/// line without VAT is at 0 %.
fn line_rate(
    number: &str,
    rates: &RateTable,
    name: &str,
    total: Money,
    total_tax: Money,
    taxes: &[TaxAmount],
) -> Result<Money, DocumentError> {
    let unknown = || DocumentError::UnknownRate {
        order: number.to_owned(),
        line: name.trim().to_owned(),
    };
    let ids = taxed_ids(taxes);
    let mut ids_iter = ids.iter();
    match (ids_iter.next(), ids_iter.next()) {
        (Some(_), Some(_)) => Err(DocumentError::SeveralRates {
            order: number.to_owned(),
            line: name.trim().to_owned(),
        }),
        (Some(id), None) => rates
            .by_id
            .get(id)
            .copied()
            .or_else(|| snap_rate(total, total_tax, 1))
            .ok_or_else(unknown),
        (None, _) if !total_tax.is_zero() => snap_rate(total, total_tax, 1).ok_or_else(unknown),
        // A free line still carries the rate it would have had (a gift at 21 %); a paid line
        // without VAT is at 0 %.
        (None, _) if total.is_zero() => Ok(taxes
            .first()
            .and_then(|t| rates.by_id.get(&t.id).copied())
            .unwrap_or(Money::ZERO)),
        (None, _) => Ok(Money::ZERO),
    }
}

// ---------------------------------------------------------------------------------------------
// VAT summary

/// Rows per rate: VAT from the order's `tax_lines` (what WooCommerce charged), bases from the
/// lines; then reconciled with the order's `total_tax` and `total`.
fn vat_summary(
    order: &Order,
    number: &str,
    rates: &RateTable,
    lines: &[DocumentLine],
) -> Result<Vec<VatRow>, DocumentError> {
    let mut vat: BTreeMap<Money, Money> = BTreeMap::new();
    let mut base: BTreeMap<Money, Money> = BTreeMap::new();
    for tl in &order.tax_lines {
        let amount = tl.tax_total + tl.shipping_tax_total;
        match rates.by_id.get(&tl.rate_id) {
            Some(rate) => {
                let v = vat.entry(*rate).or_insert_with(zero_money);
                *v = *v + amount;
            }
            None if amount.is_zero() => {}
            None => {
                return Err(DocumentError::UnknownRate {
                    order: number.to_owned(),
                    line: tl.label.trim().to_owned(),
                });
            }
        }
    }
    let from_tax_lines: BTreeSet<Money> = vat.keys().copied().collect();
    for line in lines {
        let rate = Money(line.vat_rate.0.normalize());
        let b = base.entry(rate).or_insert_with(zero_money);
        *b = *b + line.total_excl;
        // Rates the order-level tax lines do not mention (0 %, or a rate derived from a
        // line) take their VAT from the lines.
        if !from_tax_lines.contains(&rate) {
            let v = vat.entry(rate).or_insert_with(zero_money);
            *v = *v + line.vat;
        }
    }
    let mut rows: Vec<VatRow> = base
        .keys()
        .chain(vat.keys())
        .copied()
        .collect::<BTreeSet<Money>>()
        .into_iter()
        .rev()
        .map(|rate| VatRow {
            rate,
            base_excl: base.get(&rate).copied().unwrap_or_else(zero_money),
            vat: vat.get(&rate).copied().unwrap_or_else(zero_money),
        })
        .filter(|row| !row.base_excl.is_zero() || !row.vat.is_zero())
        .collect();

    // WooCommerce rounds VAT per line and per order separately, so the two may differ by a
    // cent per line; a bigger difference means the order was edited in a way that left its
    // totals stale, and the owner must look rather than get a wrong invoice.
    let tolerance = cents(1) * Decimal::from(lines.len().max(1) as u64);
    let vat_sum: Money = rows.iter().map(|r| r.vat).sum();
    let vat_diff = order.total_tax.0 - vat_sum.0;
    if !vat_diff.is_zero() {
        // The cent goes to the rate with the most VAT, where it changes the effective rate
        // least; the order's own total_tax is what the customer paid, so it wins.
        match rows.iter_mut().max_by_key(|r| r.vat.0.abs()) {
            Some(row) if vat_diff.abs() <= tolerance => row.vat = Money(row.vat.0 + vat_diff),
            _ => {
                return Err(DocumentError::VatMismatch {
                    order: number.to_owned(),
                    lines: vat_sum.to_string(),
                    order_vat: order.total_tax.to_string(),
                });
            }
        }
    }
    let excl = order.total - order.total_tax;
    let base_sum: Money = rows.iter().map(|r| r.base_excl).sum();
    let base_diff = excl.0 - base_sum.0;
    if !base_diff.is_zero() {
        // Same reasoning for the bases: the order's total is what was paid, and a cent on the
        // largest base distorts its rate least.
        match rows.iter_mut().max_by_key(|r| r.base_excl.0.abs()) {
            Some(row) if base_diff.abs() <= tolerance => {
                row.base_excl = Money(row.base_excl.0 + base_diff);
            }
            _ => {
                return Err(DocumentError::TotalMismatch {
                    order: number.to_owned(),
                    lines: base_sum.to_string(),
                    order_excl: excl.to_string(),
                });
            }
        }
    }
    Ok(rows)
}

// ---------------------------------------------------------------------------------------------
// Refunds

/// What the earlier refunds left of the invoice, per rate; `None` when an earlier refund
/// cannot be split or the remainder would be negative at some rate (then the caller derives
/// the split from the VAT instead).
fn remainder_rows(
    order: &Order,
    invoice: &DocumentContent,
    earlier: &[&Refund],
) -> Option<Vec<VatRow>> {
    let mut left: BTreeMap<Money, (Money, Money)> = invoice
        .vat_summary
        .iter()
        .map(|r| (r.rate, (r.base_excl, r.vat)))
        .collect();
    for refund in earlier {
        let credited = content_for_refund(order, refund).ok()?;
        for row in credited.vat_summary {
            let entry = left.get_mut(&row.rate)?;
            entry.0 = entry.0 - row.base_excl;
            entry.1 = entry.1 - row.vat;
        }
    }
    if left
        .values()
        .any(|(b, v)| is_negative(*b) || is_negative(*v))
    {
        return None;
    }
    Some(
        left.into_iter()
            .rev()
            .filter(|(_, (b, v))| !b.is_zero() || !v.is_zero())
            .map(|(rate, (base_excl, vat))| VatRow {
                rate,
                base_excl,
                vat,
            })
            .collect(),
    )
}

/// Splits a refund's net amount and VAT over the order's rates: one rate when the VAT is that
/// rate of the net amount (to rounding), else the two order rates around the refund's average
/// rate, solving base₁ + base₂ = net and base₁·rate₁ + base₂·rate₂ = VAT. A refund without VAT
/// is credited at 0 %, as WooCommerce recorded it (a refund of an amount typed by hand).
fn derived_rows(
    invoice: &DocumentContent,
    refund: &Refund,
    net: Money,
    vat: Money,
) -> Result<Vec<VatRow>, DocumentError> {
    let hundred = Decimal::ONE_HUNDRED;
    let rates: Vec<Money> = invoice.vat_summary.iter().map(|r| r.rate).collect();
    let fail = || DocumentError::RefundRates {
        order: invoice.order_number.clone(),
        refund: refund.id,
        total: (net + vat).to_string(),
        vat: vat.to_string(),
        rates: rates
            .iter()
            .map(|r| format!("{r} %"))
            .collect::<Vec<_>>()
            .join(", "),
    };
    if vat.is_zero() {
        return Ok(vec![VatRow {
            rate: Money::ZERO,
            base_excl: net,
            vat,
        }]);
    }
    if !is_positive(net) {
        return Err(fail());
    }
    // Each refunded line was rounded to the cent: half a cent per invoice line of slack.
    let tolerance = (Decimal::new(5, 3) * Decimal::from(invoice.lines.len() as u64)).max(cents(1));
    let off_by = |base: Decimal, rate: Money, tax: Decimal| (base * rate.0 / hundred - tax).abs();

    if let Some(rate) = rates
        .iter()
        .filter(|r| off_by(net.0, **r, vat.0) <= tolerance)
        .min_by_key(|r| off_by(net.0, **r, vat.0))
    {
        return Ok(vec![VatRow {
            rate: *rate,
            base_excl: net,
            vat,
        }]);
    }

    let average = vat.0 * hundred / net.0;
    let high = rates.iter().filter(|r| r.0 > average).min();
    let low = rates.iter().filter(|r| r.0 < average).max();
    let (Some(high), Some(low)) = (high, low) else {
        return Err(fail());
    };
    let high_base = ((vat.0 - low.0 * net.0 / hundred) * hundred / (high.0 - low.0)).round_dp(2);
    let high_vat = Money(high_base * high.0 / hundred).round_dp(2);
    let low_base = net.0 - high_base;
    let low_vat = vat.0 - high_vat.0;
    let sane = high_base >= Decimal::ZERO
        && low_base >= Decimal::ZERO
        && low_vat >= Decimal::ZERO
        && off_by(low_base, *low, low_vat) <= tolerance;
    if !sane {
        return Err(fail());
    }
    Ok(vec![
        VatRow {
            rate: *high,
            base_excl: Money(with_min_scale(high_base, 2)),
            vat: Money(with_min_scale(high_vat.0, 2)),
        },
        VatRow {
            rate: *low,
            base_excl: Money(with_min_scale(low_base, 2)),
            vat: Money(with_min_scale(low_vat, 2)),
        },
    ])
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::{Path, PathBuf};

    fn m(s: &str) -> Money {
        Money::parse(s).unwrap()
    }

    fn shared_dir() -> PathBuf {
        match std::env::var_os("COMPTOIR_SHARED_DIR") {
            Some(dir) => PathBuf::from(dir),
            None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../../shared"),
        }
    }

    fn capture(path: &str) -> Order {
        let bytes = std::fs::read(shared_dir().join("woocommerce/captures").join(path)).unwrap();
        Order::from_json(&bytes).unwrap()
    }

    fn capture_value(path: &str) -> serde_json::Value {
        let bytes = std::fs::read(shared_dir().join("woocommerce/captures").join(path)).unwrap();
        serde_json::from_slice(&bytes).unwrap()
    }

    /// The orders in a JSON document: a single order, a list (REST pages), or a batch answer.
    fn orders_in(value: &serde_json::Value, out: &mut Vec<Order>) {
        match value {
            serde_json::Value::Array(items) => items.iter().for_each(|v| orders_in(v, out)),
            serde_json::Value::Object(map) if map.contains_key("line_items") => {
                if let Ok(order) = Order::from_value(value.clone()) {
                    out.push(order);
                }
            }
            serde_json::Value::Object(map) => {
                for key in ["create", "update"] {
                    if let Some(v) = map.get(key) {
                        orders_in(v, out);
                    }
                }
            }
            _ => {}
        }
    }

    /// Every order in the captures (webhook bodies and REST pages) and in the samples.
    fn all_orders() -> Vec<(String, Order)> {
        let woo = shared_dir().join("woocommerce");
        let mut files = Vec::new();
        for dir in std::fs::read_dir(woo.join("captures")).unwrap() {
            let dir = dir.unwrap().path();
            if !dir.is_dir() {
                continue;
            }
            for f in std::fs::read_dir(&dir).unwrap() {
                let f = f.unwrap().path();
                if f.extension().is_some_and(|e| e == "body") {
                    files.push(f);
                }
            }
        }
        for f in std::fs::read_dir(woo.join("samples")).unwrap() {
            let f = f.unwrap().path();
            if f.extension().is_some_and(|e| e == "json") {
                files.push(f);
            }
        }
        files.sort();
        let mut all = Vec::new();
        for f in files {
            // The ping (`webhook_id=3`) and other non-JSON bodies are not orders.
            let Ok(value) =
                serde_json::from_slice::<serde_json::Value>(&std::fs::read(&f).unwrap())
            else {
                continue;
            };
            let mut orders = Vec::new();
            orders_in(&value, &mut orders);
            for o in orders {
                all.push((format!("{} (order {})", f.display(), o.id), o));
            }
        }
        all
    }

    /// The rules every document must keep.
    fn assert_consistent(what: &str, c: &DocumentContent) {
        assert_eq!(c.total_excl, c.total - c.total_vat, "{what}: excl");
        let vat: Money = c.vat_summary.iter().map(|r| r.vat).sum();
        let base: Money = c.vat_summary.iter().map(|r| r.base_excl).sum();
        assert_eq!(vat, c.total_vat, "{what}: VAT rows");
        assert_eq!(base, c.total_excl, "{what}: bases");
        for pair in c.vat_summary.windows(2) {
            assert!(pair[0].rate > pair[1].rate, "{what}: rows sorted");
        }
        for line in &c.lines {
            assert!(
                c.vat_summary.iter().any(|r| r.rate == line.vat_rate)
                    || (line.total_excl.is_zero() && line.vat.is_zero()),
                "{what}: line rate {} has a row",
                line.vat_rate
            );
            assert!(!line.description.contains("_reduced_stock"), "{what}");
            assert!(!line.description.contains("_restock"), "{what}");
        }
        // The lines' own figures are WooCommerce's, within a cent per line of the totals.
        let lines_excl: Money = c.lines.iter().map(|l| l.total_excl).sum();
        let lines_vat: Money = c.lines.iter().map(|l| l.vat).sum();
        let slack = Decimal::new(1, 2) * Decimal::from(c.lines.len() as u64);
        assert!((lines_excl.0 - c.total_excl.0).abs() <= slack, "{what}");
        assert!((lines_vat.0 - c.total_vat.0).abs() <= slack, "{what}");
        // Amounts are credited or charged, never negative on a document.
        assert!(!c.total.0.is_sign_negative() || c.total.is_zero(), "{what}");
    }

    #[test]
    fn every_capture_and_sample_makes_a_document_equal_to_its_order() {
        let orders = all_orders();
        // s01–s06 webhook bodies, the REST pages and the samples.
        assert!(orders.len() >= 25, "found only {} orders", orders.len());
        let mut refunds_seen = 0;
        for (what, order) in &orders {
            let c = content_from_order(order).unwrap_or_else(|e| panic!("{what}: {e}"));
            assert_eq!(c.total, order.total, "{what}: total to the cent");
            assert_eq!(c.total_vat, order.total_tax, "{what}: VAT to the cent");
            assert_eq!(
                c.lines.len(),
                order.line_items.len() + order.shipping_lines.len() + order.fee_lines.len(),
                "{what}"
            );
            assert_consistent(what, &c);
            // Quantity × unit price gives back the line's subtotal (to the rounding of 4
            // decimals), and the discount brings it to the line total.
            for (line, item) in c.lines.iter().zip(&order.line_items) {
                let subtotal = line.unit_price_excl.0 * line.quantity.0;
                assert!(
                    (subtotal - item.subtotal.0).abs() <= Decimal::new(5, 5) * line.quantity.0,
                    "{what}: {}",
                    line.description
                );
                assert_eq!(
                    Money(item.subtotal.0 - line.discount_excl.0),
                    line.total_excl,
                    "{what}"
                );
            }

            let cancel = content_for_cancellation(order).unwrap();
            assert_eq!(cancel.lines, c.lines, "{what}");
            assert_eq!(cancel.total, order.total, "{what}");
            assert_consistent(what, &cancel);

            for refund in &order.refunds {
                refunds_seen += 1;
                let r = content_for_refund(order, refund)
                    .unwrap_or_else(|e| panic!("{what}, refund {}: {e}", refund.id));
                assert_eq!(r.total, neg(refund.total), "{what}");
                assert_eq!(r.total_vat, neg(refund.total_tax), "{what}");
                assert_consistent(&format!("{what}, refund {}", refund.id), &r);
                for line in &r.lines {
                    assert!(!line.total_excl.0.is_sign_negative(), "{what}");
                    assert!(!line.vat.0.is_sign_negative(), "{what}");
                }
            }
        }
        assert!(refunds_seen >= 5, "{refunds_seen}");
    }

    #[test]
    fn s04_mixed_vat_coupon_fee_company() {
        for file in [
            "001-order_created",
            "002-order_updated",
            "003-order_updated",
        ] {
            let order = capture(&format!("s04-mixed-vat-coupon-fee-company/{file}.body"));
            let c = content_from_order(&order).unwrap();
            assert_eq!(c.order_number, "25");
            assert_eq!(c.currency, "EUR");
            let got: Vec<String> = c
                .lines
                .iter()
                .map(|l| {
                    format!(
                        "{:?} {} × {} - {} = {} + {} at {} % ({:?})",
                        l.sku,
                        l.quantity,
                        l.unit_price_excl,
                        l.discount_excl,
                        l.total_excl,
                        l.vat,
                        l.vat_rate,
                        l.kind
                    )
                })
                .collect();
            assert_eq!(
                got,
                [
                    "Some(\"MOUL-001\") 1 × 33.02 - 3.31 = 29.71 + 6.24 at 21 % (Product)",
                    "Some(\"CHOC-072\") 4 × 3.2925 - 1.31 = 11.86 + 0.71 at 6 % (Product)",
                    "Some(\"CAFE-250\") 2 × 7.50 - 1.50 = 13.50 + 0.81 at 6 % (Product)",
                    "None 1 × 4.09 - 0.00 = 4.09 + 0.86 at 21 % (Shipping)",
                    "None 1 × 2.07 - 0.00 = 2.07 + 0.43 at 21 % (Fee)",
                ]
            );
            assert_eq!(c.lines[0].description, "Moulin à café manuel");
            assert_eq!(
                c.lines[1].description,
                "Chocolat noir 72 % – tablette 100 g"
            );
            assert_eq!(c.lines[3].description, "Livraison bpost");
            assert_eq!(c.lines[4].description, "Emballage cadeau");
            assert_eq!(
                c.vat_summary,
                vec![
                    VatRow {
                        rate: m("21"),
                        base_excl: m("35.87"),
                        vat: m("7.53")
                    },
                    VatRow {
                        rate: m("6"),
                        base_excl: m("25.36"),
                        vat: m("1.52")
                    },
                ]
            );
            assert_eq!(c.total_excl.to_string(), "61.23");
            assert_eq!(c.total_vat.to_string(), "9.05");
            assert_eq!(c.total.to_string(), "70.28");
            // The coupon's 6.12 is the sum of the line discounts.
            let discounts: Money = c.lines.iter().map(|l| l.discount_excl).sum();
            assert_eq!(discounts, order.discount_total);
            assert_eq!(c.coupons, ["bienvenue10"]);
            assert_eq!(c.customer_vat_number.as_deref(), Some("BE0123456749"));
            assert_eq!(
                c.customer_note,
                "Merci ! Livrez après 17h — sonnez 2×\n« fragile » 🎁"
            );
            assert_eq!(c.billing.company, "L'Atelier du Café SRL");
            assert_eq!(c.shipping.address_2, "Bâtiment \"B\", 2e étage");
        }
    }

    #[test]
    fn amounts_serialise_as_strings() {
        let c = content_from_order(&capture(
            "s04-mixed-vat-coupon-fee-company/003-order_updated.body",
        ))
        .unwrap();
        let json = serde_json::to_value(&c).unwrap();
        assert_eq!(json["total"], "70.28");
        assert_eq!(json["lines"][1]["unit_price_excl"], "3.2925");
        assert_eq!(json["lines"][3]["kind"], "shipping");
        assert_eq!(json["vat_summary"][0]["rate"], "21");
        let back: DocumentContent = serde_json::from_value(json).unwrap();
        assert_eq!(back, c);
    }

    #[test]
    fn a_variation_names_its_attribute_once_and_internal_meta_never_prints() {
        let c = content_from_order(&capture(
            "s02-paid-online-bancontact-completed/003-order_updated.body",
        ))
        .unwrap();
        // "M" is already in the name; the filters' `_reduced_stock` is internal.
        assert_eq!(c.lines[0].description, "T-shirt « Manneken » - M");
        assert_eq!(c.lines[0].sku.as_deref(), Some("TSHIRT-MK-M"));
        assert_eq!(c.lines[1].description, "Filtres papier n°4 (x100)");
        assert_eq!(c.lines[1].unit_price_excl.to_string(), "3.47");

        // When the name does not carry it, the attribute is added.
        let mut v = capture_value("s02-paid-online-bancontact-completed/003-order_updated.body");
        v["line_items"][0]["name"] = "T-shirt « Manneken »".into();
        v["line_items"][0]["meta_data"]
            .as_array_mut()
            .unwrap()
            .push(serde_json::json!({"key": "message", "value": "<p>Joyeux anniversaire &amp; bravo</p>"}));
        let c = content_from_order(&Order::from_value(v).unwrap()).unwrap();
        assert_eq!(
            c.lines[0].description,
            "T-shirt « Manneken » — Taille : M — message : Joyeux anniversaire & bravo"
        );
    }

    #[test]
    fn s03_shipping_follows_the_items_at_6_percent() {
        let c = content_from_order(&capture(
            "s03-cod-processing-completed/001-order_created.body",
        ))
        .unwrap();
        assert_eq!(c.lines[1].kind, LineKind::Shipping);
        assert_eq!(c.lines[1].vat_rate, m("6"));
        assert_eq!(
            c.vat_summary,
            vec![VatRow {
                rate: m("6"),
                base_excl: m("26.59"),
                vat: m("1.60")
            }]
        );
        assert_eq!(c.total.to_string(), "28.19");
        assert_eq!(c.customer_vat_number, None);
        assert!(c.coupons.is_empty());
    }

    #[test]
    fn prices_entered_without_vat_give_the_same_document() {
        let mut v = capture_value("s04-mixed-vat-coupon-fee-company/003-order_updated.body");
        let with_vat = content_from_order(&Order::from_value(v.clone()).unwrap()).unwrap();
        assert_eq!(v["prices_include_tax"], true);
        v["prices_include_tax"] = false.into();
        let order = Order::from_value(v).unwrap();
        assert!(!order.prices_include_tax);
        let without = content_from_order(&order).unwrap();
        assert_eq!(without, with_vat);
    }

    #[test]
    fn a_rate_without_percent_comes_from_the_label_or_the_amounts() {
        let mut v = capture_value("s04-mixed-vat-coupon-fee-company/003-order_updated.body");
        let expected = content_from_order(&Order::from_value(v.clone()).unwrap()).unwrap();
        for tl in v["tax_lines"].as_array_mut().unwrap() {
            tl.as_object_mut().unwrap().remove("rate_percent");
        }
        let from_label = content_from_order(&Order::from_value(v.clone()).unwrap()).unwrap();
        assert_eq!(from_label, expected);
        v["tax_lines"][0]["label"] = "TVA".into();
        v["tax_lines"][1]["label"] = "TVA réduite".into();
        let from_amounts = content_from_order(&Order::from_value(v).unwrap()).unwrap();
        assert_eq!(from_amounts, expected);

        // WooCommerce's own sample: "State Tax" with unrounded `taxes[]` (1.125 on 15.00).
        let sample = std::fs::read(
            shared_dir()
                .join("woocommerce/samples/woocommerce-rest-api-docs_v3-orders_retrieve-727.json"),
        )
        .unwrap();
        let c = content_from_order(&Order::from_json(&sample).unwrap()).unwrap();
        assert_eq!(c.vat_summary[0].rate.to_string(), "7.5");
        assert_eq!(c.vat_summary[0].vat.to_string(), "1.35");
        // Shipping without tax is at 0 %.
        assert_eq!(
            c.vat_summary[1],
            VatRow {
                rate: m("0"),
                base_excl: m("10.00"),
                vat: m("0.00")
            }
        );
    }

    #[test]
    fn labels_give_rates() {
        assert_eq!(rate_from_label("TVA/BTW 21%"), Some(m("21")));
        assert_eq!(rate_from_label("BTW 5,5 %"), Some(m("5.5")));
        assert_eq!(rate_from_label("12% VAT"), Some(m("12")));
        assert_eq!(rate_from_label("State Tax"), None);
        assert_eq!(rate_from_label("% off"), None);
    }

    #[test]
    fn the_batch_sample_line_vat_is_a_cent_off_and_the_order_wins() {
        // Order 728: lines' total_tax sum to 2.26, the order says 2.25.
        let v: serde_json::Value = serde_json::from_slice(
            &std::fs::read(shared_dir().join(
                "woocommerce/samples/woocommerce-rest-api-docs_v3-orders_batch-response.json",
            ))
            .unwrap(),
        )
        .unwrap();
        let order = Order::from_value(v["create"][0].clone()).unwrap();
        assert_eq!(order.id, 728);
        let c = content_from_order(&order).unwrap();
        let lines_vat: Money = c.lines.iter().map(|l| l.vat).sum();
        assert_eq!(lines_vat.to_string(), "2.26");
        assert_eq!(c.total_vat.to_string(), "2.25");
        assert_eq!(c.vat_summary[0].vat.to_string(), "2.25");
        assert_eq!(c.total.to_string(), "62.25");
    }

    #[test]
    fn a_cent_between_tax_lines_and_totals_goes_to_the_largest_row() {
        let base = capture_value("s04-mixed-vat-coupon-fee-company/003-order_updated.body");

        // The order's VAT is a cent above its tax lines (and the total follows).
        let mut v = base.clone();
        v["total_tax"] = "9.06".into();
        v["total"] = "70.29".into();
        let c = content_from_order(&Order::from_value(v).unwrap()).unwrap();
        assert_eq!(c.vat_summary[0].vat.to_string(), "7.54");
        assert_eq!(c.vat_summary[1].vat.to_string(), "1.52");
        assert_consistent("vat+1", &c);

        // The total is a cent above the lines: the 21 % base takes it.
        let mut v = base.clone();
        v["total"] = "70.29".into();
        let c = content_from_order(&Order::from_value(v).unwrap()).unwrap();
        assert_eq!(c.vat_summary[0].base_excl.to_string(), "35.88");
        assert_eq!(c.total.to_string(), "70.29");
        assert_consistent("total+1", &c);

        // Far off: refused with a sentence.
        let mut v = base.clone();
        v["total"] = "80.28".into();
        let e = content_from_order(&Order::from_value(v).unwrap()).unwrap_err();
        assert!(matches!(e, DocumentError::TotalMismatch { .. }), "{e}");
        assert!(e.to_string().contains("order 25"), "{e}");
        let mut v = base;
        v["total_tax"] = "10.05".into();
        v["total"] = "71.28".into();
        let e = content_from_order(&Order::from_value(v).unwrap()).unwrap_err();
        assert!(matches!(e, DocumentError::VatMismatch { .. }), "{e}");
    }

    #[test]
    fn bad_shapes_are_refused_with_a_sentence() {
        let empty =
            Order::from_json(br#"{"id":5,"number":"5","status":"processing","total":"0.00"}"#)
                .unwrap();
        let e = content_from_order(&empty).unwrap_err();
        assert_eq!(
            e.to_string(),
            "Order 5 has no products, shipping or fees, so there is nothing to put on a document."
        );

        let mut v = capture_value("s04-mixed-vat-coupon-fee-company/003-order_updated.body");
        v["line_items"][0]["taxes"]
            .as_array_mut()
            .unwrap()
            .push(serde_json::json!({"id": 3, "total": "1.00", "subtotal": "1.00"}));
        let e = content_from_order(&Order::from_value(v).unwrap()).unwrap_err();
        assert!(matches!(e, DocumentError::SeveralRates { .. }), "{e}");
        assert!(e.to_string().contains("Moulin à café manuel"), "{e}");

        let mut v = capture_value("s04-mixed-vat-coupon-fee-company/003-order_updated.body");
        v["total"] = "-1.00".into();
        assert!(matches!(
            content_from_order(&Order::from_value(v).unwrap()),
            Err(DocumentError::NegativeTotal { .. })
        ));

        let mut v = capture_value("s04-mixed-vat-coupon-fee-company/003-order_updated.body");
        v["line_items"][0]["quantity"] = serde_json::json!("10000000000000000000");
        assert!(matches!(
            content_from_order(&Order::from_value(v).unwrap()),
            Err(DocumentError::TooLarge { .. })
        ));
    }

    #[test]
    fn s06_partial_refund_credits_one_chocolate_at_6_percent() {
        for file in ["004-order_updated", "005-order_updated"] {
            let order = capture(&format!("s06-partial-then-full-refund/{file}.body"));
            let refund = order.refunds.iter().find(|r| r.id == 27).unwrap();
            let c = content_for_refund(&order, refund).unwrap();
            assert_eq!(c.total.to_string(), "3.49");
            assert_eq!(c.total_vat.to_string(), "0.20");
            assert_eq!(c.total_excl.to_string(), "3.29");
            assert_eq!(c.lines.len(), 1);
            let l = &c.lines[0];
            assert_eq!(l.description, "Tablette cassée à la livraison");
            assert_eq!(
                (l.vat_rate, l.total_excl, l.vat),
                (m("6"), m("3.29"), m("0.20"))
            );
            assert_eq!(l.unit_price_excl, m("3.29"));
            assert_eq!(l.sku, None);
            assert_eq!(
                c.vat_summary,
                vec![VatRow {
                    rate: m("6"),
                    base_excl: m("3.29"),
                    vat: m("0.20")
                }]
            );
            assert_eq!(c.order_number, "26");
            assert!(c.customer_note.is_empty());
        }
    }

    #[test]
    fn s06_final_refund_credits_what_is_left_so_credits_add_up_to_the_invoice() {
        let order = capture("s06-partial-then-full-refund/005-order_updated.body");
        let refund = order.refunds.iter().find(|r| r.id == 28).unwrap();
        let c = content_for_refund(&order, refund).unwrap();
        assert_eq!(c.total.to_string(), "52.59");
        assert_eq!(c.total_vat.to_string(), "8.72");
        assert_eq!(c.total_excl.to_string(), "43.87");
        // 21 %: mill 33.02 + filters 3.47 + shipping 4.09; 6 %: the second chocolate.
        assert_eq!(
            c.vat_summary,
            vec![
                VatRow {
                    rate: m("21"),
                    base_excl: m("40.58"),
                    vat: m("8.52")
                },
                VatRow {
                    rate: m("6"),
                    base_excl: m("3.29"),
                    vat: m("0.20")
                },
            ]
        );
        assert_eq!(c.lines.len(), 2);
        assert!(
            c.lines
                .iter()
                .all(|l| l.description == "Commande retournée — remboursement complet")
        );

        let invoice = content_from_order(&order).unwrap();
        let first =
            content_for_refund(&order, order.refunds.iter().find(|r| r.id == 27).unwrap()).unwrap();
        for row in &invoice.vat_summary {
            let credited: Money = [&first, &c]
                .iter()
                .flat_map(|d| d.vat_summary.iter())
                .filter(|r| r.rate == row.rate)
                .map(|r| r.base_excl)
                .sum();
            assert_eq!(credited, row.base_excl, "rate {}", row.rate);
        }
    }

    #[test]
    fn a_mixed_refund_without_history_is_split_from_its_vat() {
        // Refund 28 as if it were the only one: the split is derived from 8.72 on 43.87, which
        // lands within a cent of the true split (40.58 / 3.29).
        let mut order = capture("s06-partial-then-full-refund/005-order_updated.body");
        order.refunds.retain(|r| r.id == 28);
        let c = content_for_refund(&order, &order.refunds[0]).unwrap();
        assert_eq!(
            c.vat_summary,
            vec![
                VatRow {
                    rate: m("21"),
                    base_excl: m("40.59"),
                    vat: m("8.52")
                },
                VatRow {
                    rate: m("6"),
                    base_excl: m("3.28"),
                    vat: m("0.20")
                },
            ]
        );
        assert_consistent("derived", &c);
    }

    #[test]
    fn a_full_refund_at_once_repeats_the_invoice_lines() {
        let mut order = capture("s06-partial-then-full-refund/003-order_updated.body");
        order.refunds = vec![Refund {
            id: 30,
            reason: String::new(),
            total: m("-56.08"),
            total_tax: m("-8.92"),
        }];
        let c = content_for_refund(&order, &order.refunds[0]).unwrap();
        let invoice = content_from_order(&order).unwrap();
        assert_eq!(c.lines, invoice.lines);
        assert_eq!(c.vat_summary, invoice.vat_summary);
        assert_eq!(c.total.to_string(), "56.08");
        assert!(c.customer_note.is_empty());
    }

    #[test]
    fn refunds_without_vat_or_reason() {
        let order = capture("s06-partial-then-full-refund/003-order_updated.body");
        let refund = Refund {
            id: 40,
            reason: " ".into(),
            total: m("-5.00"),
            total_tax: m("0.00"),
        };
        let c = content_for_refund(&order, &refund).unwrap();
        assert_eq!(c.lines[0].description, "#40");
        assert_eq!(
            c.vat_summary,
            vec![VatRow {
                rate: Money::ZERO,
                base_excl: m("5.00"),
                vat: m("0.00")
            }]
        );
        assert_eq!(c.total_vat.to_string(), "0.00");
    }

    #[test]
    fn impossible_refunds_are_refused_with_a_sentence() {
        let order = capture("s06-partial-then-full-refund/003-order_updated.body");
        let r = |total: &str, tax: &str| Refund {
            id: 99,
            reason: String::new(),
            total: m(total),
            total_tax: m(tax),
        };
        assert!(matches!(
            content_for_refund(&order, &r("3.49", "0.20")),
            Err(DocumentError::RefundNotNegative { .. })
        ));
        assert!(matches!(
            content_for_refund(&order, &r("0.00", "0.00")),
            Err(DocumentError::RefundNotNegative { .. })
        ));
        assert!(matches!(
            content_for_refund(&order, &r("-60.00", "-1.00")),
            Err(DocumentError::RefundTooLarge { .. })
        ));
        assert!(matches!(
            content_for_refund(&order, &r("-3.00", "-4.00")),
            Err(DocumentError::RefundVat { .. })
        ));
        // 50 % VAT matches no rate of the order.
        let e = content_for_refund(&order, &r("-15.00", "-5.00")).unwrap_err();
        assert!(matches!(e, DocumentError::RefundRates { .. }), "{e}");
        assert!(e.to_string().contains("21 %, 6 %"), "{e}");
    }

    #[test]
    fn cancellation_credits_the_whole_invoice() {
        let order = capture("s04-mixed-vat-coupon-fee-company/003-order_updated.body");
        let c = content_for_cancellation(&order).unwrap();
        let invoice = content_from_order(&order).unwrap();
        assert_eq!(c.lines, invoice.lines);
        assert_eq!(c.vat_summary, invoice.vat_summary);
        assert_eq!(c.total.to_string(), "70.28");
        assert!(c.customer_note.is_empty());
        assert_eq!(c.coupons, ["bienvenue10"]);
    }

    #[test]
    fn kinds_have_stable_names() {
        for kind in DocumentKind::ALL {
            assert_eq!(DocumentKind::parse(kind.as_str()), Some(kind));
            assert_eq!(
                serde_json::to_string(&kind).unwrap(),
                format!("\"{}\"", kind.as_str())
            );
        }
        assert_eq!(
            DocumentKind::parse("credit_note"),
            Some(DocumentKind::CreditNote)
        );
        assert_eq!(DocumentKind::parse("invoice"), Some(DocumentKind::Invoice));
        assert_eq!(DocumentKind::parse("Invoice"), None);
        assert_eq!(serde_json::to_string(&LineKind::Fee).unwrap(), "\"fee\"");
    }

    #[test]
    fn unit_prices() {
        assert_eq!(unit_price(m("13.17"), m("4")).to_string(), "3.2925");
        assert_eq!(unit_price(m("15.00"), m("2")).to_string(), "7.50");
        assert_eq!(unit_price(m("10.00"), m("3")).to_string(), "3.3333");
        assert_eq!(unit_price(m("20"), m("2")).to_string(), "10.00");
        assert_eq!(unit_price(m("5.00"), m("0")).to_string(), "5.00");
    }
}
