//! The owner's rules applied to an order change: which document to make and when, payment
//! state, refunds and cancellations, and stock. Runs in the same transaction as the order
//! change itself, so each change is followed by its documents exactly once, whatever crashes or
//! restarts happen; unique keys in the schema back this up.

use comptoir_core::document::{self, DocumentContent, DocumentKind};
use comptoir_core::language::{CountryMap, document_language};
use comptoir_core::ogm::StructuredCommunication;
use comptoir_core::{Money, Order};
use comptoir_store::Connection;
use comptoir_store::documents::{
    DocumentRow, NewDocument, insert_document, list_documents_for_order, set_paid, set_state,
    set_structured_communication, was_deleted,
};
use comptoir_store::orders::{get_order, get_order_body};
use comptoir_store::outbox;
use comptoir_store::products::{
    ensure_product, get_stock, insert_movement, movements_for_document, set_stock,
};

use crate::config::{self, get_known};
use crate::error::{Error, Result};
use crate::numbering;

/// Statuses that never get a document (WooCommerce sends checkout drafts too, PROTOCOL.md §6).
const NO_DOCUMENT: &[&str] = &[
    "failed",
    "checkout-draft",
    "draft",
    "auto-draft",
    "trash",
    "cancelled",
    "refunded",
];

/// What one application of the rules did, for the event sent to the window.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct RulesApplied {
    pub made: Vec<i64>,
    pub changed: Vec<i64>,
    /// Credit notes among `made`: their refunded lines can be read from the shop.
    #[serde(skip)]
    pub credit_notes_made: bool,
}

/// Whether the owner's trigger holds for this version of the order.
pub fn triggered(trigger: &str, order: &Order) -> bool {
    match trigger {
        "created" => true,
        "paid" => order.is_paid(),
        // An order that is completed went through processing (cash on delivery can be set to
        // completed directly).
        "processing" => matches!(order.status.as_str(), "processing" | "completed"),
        "completed" => order.status == "completed",
        _ => false,
    }
}

/// Applies the rules to the stored version of an order.
pub fn apply(conn: &Connection, order_key: i64) -> Result<RulesApplied> {
    match get_order_body(conn, order_key)? {
        Some(order) => apply_to(conn, order_key, &order),
        None => Ok(RulesApplied::default()),
    }
}

/// Applies the rules to `order`, the version just stored under `order_key` (the intake passes
/// the order it already parsed, so the body is not read back and parsed again).
pub fn apply_to(conn: &Connection, order_key: i64, order: &Order) -> Result<RulesApplied> {
    let Some(row) = get_order(conn, order_key)? else {
        return Ok(RulesApplied::default());
    };
    let trashed = row.trashed;
    let mut result = RulesApplied::default();
    for item in &order.line_items {
        if let Some(sku) = item.sku.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            ensure_product(conn, sku, &item.name)?;
        }
    }
    let docs = list_documents_for_order(conn, order_key)?;

    // Payment: a later delivery that makes the order paid marks its documents paid.
    if order.is_paid() {
        for d in docs
            .iter()
            .filter(|d| !d.paid && d.kind != "credit_note" && d.state != "cancelled")
        {
            set_paid(conn, d.id, true, false)?;
            result.changed.push(d.id);
        }
    }

    let kind = config::get_kind(conn)?;
    let trigger = get_known(conn, "documents.trigger")?;
    let exists = docs.iter().any(|d| d.kind == kind.as_str());
    if !trashed
        && !NO_DOCUMENT.contains(&order.status.as_str())
        && triggered(&trigger, order)
        && !exists
        && !was_deleted(conn, order_key, kind.as_str(), None)?
    {
        let content =
            document::content_from_order(order).map_err(|e| Error::Document(e.to_string()))?;
        let id = make(
            conn,
            order_key,
            order,
            kind,
            None,
            &content,
            order.is_paid(),
        )?;
        result.made.push(id);
    }

    // Cancelled or fully refunded: concepts are cancelled; a final invoice gets a credit note
    // (one per refund, or one for the whole order when it was cancelled without refunds).
    let docs = list_documents_for_order(conn, order_key)?;
    let final_invoice = docs
        .iter()
        .find(|d| d.kind == "invoice" && matches!(d.state.as_str(), "final" | "sent"));
    if matches!(order.status.as_str(), "cancelled" | "refunded") {
        for d in docs
            .iter()
            .filter(|d| d.state == "concept" && d.kind != "credit_note")
        {
            cancel_concept(conn, d)?;
            result.changed.push(d.id);
        }
    }
    if let Some(invoice) = final_invoice {
        for refund in &order.refunds {
            let refund_id = refund.id as i64;
            if docs
                .iter()
                .any(|d| d.kind == "credit_note" && d.refund_id == Some(refund_id))
                || was_deleted(conn, order_key, "credit_note", Some(refund_id))?
            {
                continue;
            }
            let content = document::content_for_refund(order, refund)
                .map_err(|e| Error::Document(e.to_string()))?;
            let id = make_credit_note(conn, order_key, invoice, Some(refund_id), &content)?;
            result.made.push(id);
            result.credit_notes_made = true;
        }
        let credited_whole = docs
            .iter()
            .any(|d| d.kind == "credit_note" && d.refund_id == Some(0));
        if order.status == "cancelled"
            && order.refunds.is_empty()
            && !credited_whole
            && !was_deleted(conn, order_key, "credit_note", Some(0))?
        {
            let content = document::content_for_cancellation(order)
                .map_err(|e| Error::Document(e.to_string()))?;
            let id = make_credit_note(conn, order_key, invoice, Some(0), &content)?;
            result.made.push(id);
        }
    }
    Ok(result)
}

fn language_for(conn: &Connection, order: &Order) -> Result<comptoir_core::language::Language> {
    let multilingual = config::get_bool(conn, "documents.multilingual")?;
    let default = config::get_language(conn, "documents.default_language")?;
    let map =
        CountryMap::parse(&get_known(conn, "documents.country_languages")?).unwrap_or_default();
    Ok(document_language(order, multilingual, default, &map))
}

/// Makes a document of `kind` for the order.
fn make(
    conn: &Connection,
    order_key: i64,
    order: &Order,
    kind: DocumentKind,
    refund_id: Option<i64>,
    content: &DocumentContent,
    paid: bool,
) -> Result<i64> {
    let language = language_for(conn, order)?;
    insert(
        conn,
        order_key,
        kind,
        refund_id,
        content,
        paid,
        language.as_str(),
    )
}

fn insert(
    conn: &Connection,
    order_key: i64,
    kind: DocumentKind,
    refund_id: Option<i64>,
    content: &DocumentContent,
    paid: bool,
    language: &str,
) -> Result<i64> {
    // Order forms and delivery notes are numbered when made; invoices and credit notes when
    // finalised, so deleting a concept leaves no gap.
    let number = match kind {
        DocumentKind::OrderForm | DocumentKind::DeliveryNote => Some(numbering::take(conn, kind)?),
        DocumentKind::Invoice | DocumentKind::CreditNote => None,
    };
    let json = serde_json::to_string(content).map_err(|e| Error::Document(e.to_string()))?;
    let id = insert_document(
        conn,
        &NewDocument {
            order_key,
            kind: kind.as_str(),
            refund_id,
            state: "concept",
            number: number.as_ref().map(|(n, y, s)| (n.as_str(), *y, *s)),
            paid,
            language,
            currency: &content.currency,
            total: &content.total.to_string(),
            total_vat: &content.total_vat.to_string(),
            content: &json,
        },
    )?;
    if matches!(kind, DocumentKind::Invoice | DocumentKind::OrderForm) && !paid {
        // A payment reference for whatever asks to be paid. Derived from the document id:
        // unique per document, and stable from concept to final.
        let ogm = u64::try_from(id)
            .ok()
            .and_then(StructuredCommunication::from_base)
            .ok_or_else(|| {
                Error::Document(format!(
                    "document {id} is beyond the structured communication range"
                ))
            })?;
        set_structured_communication(conn, id, &ogm.to_string())?;
    }
    match kind {
        DocumentKind::Invoice => move_stock(conn, id, content, -1, "invoice")?,
        DocumentKind::CreditNote => move_stock(conn, id, content, 1, "credit note")?,
        _ => {}
    }
    if config::get_bool(conn, "documents.auto_email")? && kind != DocumentKind::CreditNote {
        finalize_in_tx(conn, id)?;
        outbox::enqueue(conn, id)?;
    }
    Ok(id)
}

fn make_credit_note(
    conn: &Connection,
    order_key: i64,
    invoice: &DocumentRow,
    refund_id: Option<i64>,
    content: &DocumentContent,
) -> Result<i64> {
    // A credit note speaks the language of the invoice it corrects.
    insert(
        conn,
        order_key,
        DocumentKind::CreditNote,
        refund_id,
        content,
        true,
        &invoice.language,
    )
}

/// A credit note's products come back into stock (its lines were replaced by the refund's own).
pub fn move_stock_back(
    conn: &Connection,
    document_id: i64,
    content: &DocumentContent,
) -> Result<()> {
    move_stock(conn, document_id, content, 1, "credit note")
}

/// Stock moves by product lines with a SKU: down for invoices, back for credit notes.
fn move_stock(
    conn: &Connection,
    document_id: i64,
    content: &DocumentContent,
    sign: i64,
    what: &str,
) -> Result<()> {
    for line in &content.lines {
        let Some(sku) = line.sku.as_deref().map(str::trim).filter(|s| !s.is_empty()) else {
            continue;
        };
        if line.kind != document::LineKind::Product {
            continue;
        }
        ensure_product(conn, sku, &line.description)?;
        let qty = if sign < 0 {
            -line.quantity
        } else {
            line.quantity
        };
        record_movement(
            conn,
            sku,
            document_id,
            qty,
            &format!("{what} {document_id}"),
        )?;
    }
    Ok(())
}

fn record_movement(
    conn: &Connection,
    sku: &str,
    document_id: i64,
    qty: Money,
    reason: &str,
) -> Result<()> {
    insert_movement(conn, sku, Some(document_id), &qty.to_string(), reason)?;
    // A stock the owner never set stays unknown; the ledger still records the movement.
    if let Some(Some(stock)) = get_stock(conn, sku)? {
        let stock = Money::parse(&stock).map_err(|e| Error::Document(e.to_string()))?;
        set_stock(conn, sku, &(stock + qty).to_string())?;
    }
    Ok(())
}

/// Reverses every stock movement a document made (deleted or cancelled concept).
pub fn reverse_stock(conn: &Connection, document_id: i64, why: &str) -> Result<()> {
    for m in movements_for_document(conn, document_id)? {
        let qty = Money::parse(&m.quantity).map_err(|e| Error::Document(e.to_string()))?;
        record_movement(
            conn,
            &m.sku,
            document_id,
            Money(-qty.0),
            &format!("{why} {document_id}"),
        )?;
    }
    Ok(())
}

fn cancel_concept(conn: &Connection, d: &DocumentRow) -> Result<()> {
    reverse_stock(conn, d.id, "cancelled concept")?;
    set_state(conn, d.id, "cancelled")?;
    Ok(())
}

/// Finalises a concept inside the caller's transaction: invoices and credit notes get their
/// number now.
pub fn finalize_in_tx(conn: &Connection, id: i64) -> Result<DocumentRow> {
    let d = comptoir_store::documents::get_document(conn, id)?.ok_or_else(|| {
        Error::NotFound(format!(
            "There is no document {id}. `comptoir documents list` shows them."
        ))
    })?;
    if d.state != "concept" {
        return Err(Error::Document(format!(
            "Document {id} is already {}; only concepts are finalised.",
            d.state
        )));
    }
    let number = match d.number {
        Some(_) => None,
        None => {
            let kind = DocumentKind::parse(&d.kind)
                .ok_or_else(|| Error::Document(format!("unknown kind {}", d.kind)))?;
            Some(numbering::take(conn, kind)?)
        }
    };
    comptoir_store::documents::finalize(
        conn,
        id,
        number.as_ref().map(|(n, y, s)| (n.as_str(), *y, *s)),
    )?;
    comptoir_store::documents::get_document(conn, id)?
        .ok_or_else(|| Error::NotFound(format!("Document {id} vanished while being finalised.")))
}
