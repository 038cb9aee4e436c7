//! The refunded lines on credit notes. A refund's webhook carries only its amount, VAT and
//! reason, so a credit note is first made from those (one row per VAT rate). When the shop's
//! REST API is connected, the refund's own lines — the products with their SKU and quantity,
//! shipping, fees — are read from `GET /orders/{id}/refunds` and take the place of those rows
//! while the credit note is still a concept, and the stock follows the products. The shop's
//! lines are used only when they add up to the credit note's amounts to the cent; otherwise the
//! credit note keeps the rows it has.

use std::collections::BTreeMap;

use comptoir_core::Money;
use comptoir_core::document::{DocumentContent, DocumentLine, LineKind, VatRow};
use comptoir_core::order::{TaxAmount, TaxLine};
use comptoir_store::Connection;
use comptoir_store::activity::{Level, insert_activity};
use comptoir_store::documents::{DocumentRow, get_document, list_documents, set_content};
use comptoir_store::with_tx;
use comptoir_woo::rest::{Client, RefundDetail};
use rust_decimal::Decimal;

use crate::error::{Error, Result};
use crate::rules;

/// Concept credit notes for a refund whose lines have not been read from the shop yet.
fn waiting(conn: &Connection) -> Result<Vec<(DocumentRow, DocumentContent)>> {
    let mut out = Vec::new();
    for d in list_documents(conn)? {
        if d.kind != "credit_note" || d.state != "concept" || d.refund_id.unwrap_or(0) <= 0 {
            continue;
        }
        let content: DocumentContent = serde_json::from_str(&d.content)
            .map_err(|e| Error::Document(format!("document {} cannot be read back ({e})", d.id)))?;
        if !content.refund_lines_from_shop {
            out.push((d, content));
        }
    }
    Ok(out)
}

/// Reads the refunds of the orders whose credit notes wait for their lines and puts those lines
/// on them. Returns how many credit notes changed. A shop that cannot be reached is an error;
/// a refund the shop does not itemise (an amount refunded without lines) leaves its credit
/// note as it is.
pub fn fill_credit_notes(conn: &mut Connection, client: &Client) -> Result<usize, RefundsError> {
    let waiting = waiting(conn)?;
    let mut by_order: BTreeMap<i64, Vec<(DocumentRow, DocumentContent)>> = BTreeMap::new();
    for (d, c) in waiting {
        by_order.entry(d.order_id).or_default().push((d, c));
    }
    let mut changed = 0;
    for (order_id, notes) in by_order {
        let Ok(order) = u64::try_from(order_id) else {
            continue;
        };
        let refunds = client.refunds(order)?;
        for (note, content) in notes {
            let Some(refund) = refunds.iter().find(|r| Some(r.id as i64) == note.refund_id) else {
                continue;
            };
            let Some(new) = content_from_refund(&content, refund) else {
                // Read, but not itemised (or not adding up): keep the rows, do not ask again.
                let mut kept = content.clone();
                kept.refund_lines_from_shop = true;
                with_tx(conn, |tx| replace(tx, note.id, &kept, false))?;
                continue;
            };
            if with_tx(conn, |tx| replace(tx, note.id, &new, true))? {
                changed += 1;
            }
        }
    }
    Ok(changed)
}

/// Why the refunds could not be read.
#[derive(Debug, thiserror::Error)]
pub enum RefundsError {
    #[error(transparent)]
    Rest(#[from] comptoir_woo::rest::RestError),
    #[error(transparent)]
    App(#[from] Error),
}

impl From<comptoir_store::StoreError> for RefundsError {
    fn from(e: comptoir_store::StoreError) -> Self {
        RefundsError::App(e.into())
    }
}

/// Puts `content` on credit note `id` if it is still a concept; with `lines`, its stock
/// movements follow the new lines. Returns whether it changed.
fn replace(tx: &Connection, id: i64, content: &DocumentContent, lines: bool) -> Result<bool> {
    let Some(d) = get_document(tx, id)? else {
        return Ok(false);
    };
    if d.state != "concept" {
        // Finalised meanwhile: a final document is never rewritten.
        return Ok(false);
    }
    let json = serde_json::to_string(content).map_err(|e| Error::Document(e.to_string()))?;
    set_content(tx, id, &json)?;
    if lines {
        rules::reverse_stock(tx, id, "lines read from the shop for credit note")?;
        rules::move_stock_back(tx, id, content)?;
        insert_activity(
            tx,
            Level::Info,
            &format!(
                "The credit note for refund {} of order {} now lists the refunded lines, as read from the shop.",
                d.refund_id.unwrap_or(0),
                d.order_number
            ),
        )?;
    }
    Ok(true)
}

/// The VAT rate of a refunded line: the rate of the tax it carries, from the refund's tax lines.
fn rate_of(taxes: &[TaxAmount], tax_lines: &[TaxLine], vat: Money) -> Option<Money> {
    let taxed: Vec<&TaxAmount> = taxes.iter().filter(|t| !t.total.0.is_zero()).collect();
    match taxed.as_slice() {
        [] if vat.0.is_zero() => Some(Money(Decimal::ZERO)),
        [one] => tax_lines
            .iter()
            .find(|l| l.rate_id == one.id)
            .and_then(|l| l.rate_percent)
            .map(|r| Money(r.0.normalize())),
        // Two taxes on one line (compound taxes) are not Belgian VAT: keep the rows.
        _ => None,
    }
}

fn positive(m: Money) -> Money {
    Money(m.0.abs())
}

/// The credit note's content with the refund's own lines, when they add up to its amounts.
pub fn content_from_refund(
    content: &DocumentContent,
    refund: &RefundDetail,
) -> Option<DocumentContent> {
    let mut lines = Vec::new();
    for l in &refund.line_items {
        let quantity = positive(l.quantity);
        let total_excl = positive(l.total);
        let vat = positive(l.total_tax);
        if quantity.0.is_zero() {
            return None;
        }
        // The invoice's wording of the same product (its attributes included), else the name.
        let description = l
            .sku
            .as_deref()
            .and_then(|sku| {
                content
                    .lines
                    .iter()
                    .find(|c| c.sku.as_deref() == Some(sku))
                    .map(|c| c.description.clone())
            })
            .unwrap_or_else(|| l.name.clone());
        lines.push(DocumentLine {
            kind: LineKind::Product,
            sku: l.sku.clone(),
            description,
            quantity,
            unit_price_excl: Money((total_excl.0 / quantity.0).round_dp(4)),
            discount_excl: Money(Decimal::new(0, 2)),
            vat_rate: rate_of(&l.taxes, &refund.tax_lines, vat)?,
            total_excl,
            vat,
        });
    }
    // Shipping and fees are one unit each, at their own total.
    let flat = refund
        .shipping_lines
        .iter()
        .map(|s| {
            (
                LineKind::Shipping,
                &s.method_title,
                s.total,
                s.total_tax,
                &s.taxes,
            )
        })
        .chain(
            refund
                .fee_lines
                .iter()
                .map(|f| (LineKind::Fee, &f.name, f.total, f.total_tax, &f.taxes)),
        );
    for (kind, description, total, total_tax, taxes) in flat {
        let total_excl = positive(total);
        let vat = positive(total_tax);
        lines.push(DocumentLine {
            kind,
            sku: None,
            description: description.clone(),
            quantity: Money(Decimal::ONE),
            unit_price_excl: total_excl,
            discount_excl: Money(Decimal::new(0, 2)),
            vat_rate: rate_of(taxes, &refund.tax_lines, vat)?,
            total_excl,
            vat,
        });
    }
    if lines.is_empty() {
        return None;
    }
    let mut rates: BTreeMap<Money, (Money, Money)> = BTreeMap::new();
    for l in &lines {
        let row = rates
            .entry(l.vat_rate)
            .or_insert((Money(Decimal::new(0, 2)), Money(Decimal::new(0, 2))));
        row.0 = Money(row.0.0 + l.total_excl.0);
        row.1 = Money(row.1.0 + l.vat.0);
    }
    let vat_summary: Vec<VatRow> = rates
        .into_iter()
        .rev()
        .map(|(rate, (base_excl, vat))| VatRow {
            rate,
            base_excl,
            vat,
        })
        .collect();
    let total_excl: Money = lines.iter().map(|l| l.total_excl).sum();
    let total_vat: Money = lines.iter().map(|l| l.vat).sum();
    // The credit note's amounts come from the refund's webhook; the lines must say the same.
    if total_excl.0 != content.total_excl.0
        || total_vat.0 != content.total_vat.0
        || total_excl.0 + total_vat.0 != content.total.0
    {
        return None;
    }
    Some(DocumentContent {
        lines,
        vat_summary,
        refund_lines_from_shop: true,
        ..content.clone()
    })
}
