//! What the owner does with documents: list them, look at one (with its legend in the
//! document's language), finalise, mark paid, delete a concept. Each change is one immediate
//! transaction, so two finalisations at the same moment get consecutive numbers.

use comptoir_core::document::{DocumentContent, DocumentLine, VatRow};
use comptoir_core::language::Language;
use comptoir_core::message::{Message, code};
use comptoir_core::template;
use comptoir_core::{Address, Money};
use comptoir_store::Connection;
use comptoir_store::documents::{
    DocumentRow, delete_document, get_document, list_documents, set_internal_note, set_paid,
};
use comptoir_store::with_tx;
use serde::Serialize;

use crate::config::get_known;
use crate::error::{Error, Result};
use crate::rules;

/// A document with what it shows. The row's fields and the content's are side by side in the
/// JSON, each once.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentDetail {
    #[serde(flatten)]
    pub row: DocumentRow,
    pub lines: Vec<DocumentLine>,
    pub vat_summary: Vec<VatRow>,
    pub total_excl: Money,
    pub customer_note: String,
    pub billing: Address,
    pub shipping: Address,
    pub customer_vat_number: Option<String>,
    pub coupons: Vec<String>,
    /// The legend in the document's language, paid or unpaid variant, placeholders filled in
    /// (empty on delivery notes, which carry no prices).
    pub legend: String,
    #[serde(skip)]
    pub content: DocumentContent,
}

/// Filters of the documents list.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub kind: Option<String>,
    pub state: Option<String>,
    pub paid: Option<bool>,
}

pub fn list(conn: &Connection, filter: &Filter) -> Result<Vec<DocumentRow>> {
    Ok(list_documents(conn)?
        .into_iter()
        .filter(|d| filter.kind.as_ref().is_none_or(|k| &d.kind == k))
        .filter(|d| filter.state.as_ref().is_none_or(|s| &d.state == s))
        .filter(|d| filter.paid.is_none_or(|p| d.paid == p))
        .collect())
}

fn find(conn: &Connection, id: i64) -> Result<DocumentRow> {
    get_document(conn, id)?.ok_or_else(|| {
        Error::Refused(
            Message::new(
                &code::DOCUMENT_MISSING,
                format!("There is no document {id}. `comptoir documents list` shows them."),
            )
            .with("id", id),
        )
    })
}

pub fn show(conn: &Connection, id: i64) -> Result<DocumentDetail> {
    let row = find(conn, id)?;
    let content: DocumentContent = serde_json::from_str(&row.content)
        .map_err(|e| Error::Document(format!("document {id} cannot be read back ({e})")))?;
    let legend = legend(conn, &row, &content)?;
    Ok(DocumentDetail {
        lines: content.lines.clone(),
        vat_summary: content.vat_summary.clone(),
        total_excl: content.total_excl,
        customer_note: content.customer_note.clone(),
        billing: content.billing.clone(),
        shipping: content.shipping.clone(),
        customer_vat_number: content.customer_vat_number.clone(),
        coupons: content.coupons.clone(),
        row,
        content,
        legend,
    })
}

/// The values of the placeholders for one document.
pub fn placeholder(
    conn: &Connection,
    row: &DocumentRow,
    content: &DocumentContent,
    name: &str,
) -> Option<String> {
    match name {
        "order_number" => Some(row.order_number.clone()),
        "document_number" => Some(row.number.clone().unwrap_or_default()),
        "customer_name" => Some(row.customer_name.clone()),
        "total" => Some(content.total.format_for(&content.currency, language(row))),
        "document_date" => {
            let at = row.finalized_at.as_deref().unwrap_or(&row.created_at);
            let date = at.get(..10).unwrap_or(at);
            // YYYY-MM-DD → DD/MM/YYYY, as Belgian documents write dates.
            let parts: Vec<&str> = date.split('-').collect();
            Some(match parts.as_slice() {
                [y, m, d] => format!("{d}/{m}/{y}"),
                _ => date.to_owned(),
            })
        }
        "structured_communication" => row.structured_communication.clone(),
        "shop_name" => get_known(conn, "shop.name").ok(),
        _ => None,
    }
}

fn language(row: &DocumentRow) -> Language {
    Language::parse(&row.language).unwrap_or(Language::Fr)
}

fn legend(conn: &Connection, row: &DocumentRow, content: &DocumentContent) -> Result<String> {
    if row.kind == "delivery_note" {
        return Ok(String::new());
    }
    let variant = if row.paid { "paid" } else { "unpaid" };
    let text = get_known(conn, &format!("legend.{}.{variant}", row.language))?;
    Ok(template::render(&text, &|name| {
        placeholder(conn, row, content, name)
    }))
}

pub fn finalize(conn: &mut Connection, id: i64) -> Result<DocumentRow> {
    with_tx(conn, |tx| rules::finalize_in_tx(tx, id))
}

pub fn mark_paid(conn: &mut Connection, id: i64) -> Result<DocumentRow> {
    with_tx(conn, |tx| {
        let d = find(tx, id)?;
        if d.state == "cancelled" {
            return Err(Error::Refused(
                Message::new(
                    &code::DOCUMENT_CANCELLED_NOT_PAYABLE,
                    format!("Document {id} is cancelled; it cannot be marked paid."),
                )
                .with("id", id),
            ));
        }
        set_paid(tx, id, true, true)?;
        find(tx, id)
    })
}

/// Deletes a concept (and gives back the stock it took). Final documents are never deleted:
/// a final invoice is corrected with a credit note.
pub fn delete(conn: &mut Connection, id: i64) -> Result<()> {
    with_tx(conn, |tx| {
        let d = find(tx, id)?;
        if d.state != "concept" {
            return Err(Error::Refused(
                Message::new(
                    &code::DOCUMENT_DELETE_FINAL,
                    format!(
                        "Document {id} is {}; only concepts can be deleted. A final invoice is corrected with a credit note.",
                        d.state
                    ),
                )
                .with("id", id),
            ));
        }
        rules::reverse_stock(tx, id, "deleted concept")?;
        delete_document(tx, &d)?;
        Ok(())
    })
}

/// The owner's internal note on a document: for the shop only, never printed or e-mailed.
pub fn set_note(conn: &mut Connection, id: i64, note: &str) -> Result<DocumentRow> {
    if note.chars().count() > 2000 {
        return Err(Error::Refused(
            Message::new(
                &code::DOCUMENT_NOTE_TOO_LONG,
                "Keep the internal note under 2000 characters.",
            )
            .with("max", 2000),
        ));
    }
    with_tx(conn, |tx| {
        find(tx, id)?;
        set_internal_note(tx, id, note.trim())?;
        find(tx, id)
    })
}

/// Queues a document for e-mail, finalising it first if it is a concept (in one transaction:
/// a document is never queued without its number).
pub fn send(conn: &mut Connection, id: i64) -> Result<DocumentRow> {
    with_tx(conn, |tx| {
        let d = find(tx, id)?;
        match d.state.as_str() {
            "concept" => {
                rules::finalize_in_tx(tx, id)?;
            }
            "final" => {}
            "sent" => {
                return Err(Error::Refused(
                    Message::new(
                        &code::DOCUMENT_ALREADY_SENT,
                        format!("Document {id} was already e-mailed; it is not sent twice."),
                    )
                    .with("id", id),
                ));
            }
            _ => {
                return Err(Error::Refused(
                    Message::new(
                        &code::DOCUMENT_CANNOT_SEND,
                        format!("Document {id} is {}; it cannot be sent.", d.state),
                    )
                    .with("id", id),
                ));
            }
        }
        comptoir_store::outbox::enqueue(tx, id)?;
        find(tx, id)
    })
}

/// Documents of `kind` made today (the shop's local date, not UTC: a note made at 00:30 in
/// Brussels belongs to that morning), for "print all delivery notes of today".
pub fn made_today(conn: &Connection, kind: &str) -> Result<Vec<DocumentRow>> {
    let today = chrono::Local::now().date_naive();
    let local_date = |utc: &str| {
        chrono::NaiveDateTime::parse_from_str(utc, "%Y-%m-%dT%H:%M:%S")
            .ok()
            .map(|t| t.and_utc().with_timezone(&chrono::Local).date_naive())
    };
    Ok(list_documents(conn)?
        .into_iter()
        .filter(|d| {
            d.kind == kind && d.state != "cancelled" && local_date(&d.created_at) == Some(today)
        })
        .collect())
}

/// Prints documents in one job: ONE PDF of all of them, in the order given (a PDF printer such
/// as cups-pdf keeps only the first document of a job of several files), written to
/// `<data folder>/print/<timestamp>.pdf` and sent to `printer`. Printing finalises concepts
/// first, since a printed document is a document given out. `progress(n, total)` is called as
/// each document is prepared. Returns the job id CUPS gave. Print files older than a week are
/// removed.
pub fn print(
    conn: &mut Connection,
    ids: &[i64],
    printer: &str,
    progress: impl FnMut(usize, usize),
) -> Result<String> {
    use std::io::Write;

    if ids.is_empty() {
        return Err(Error::Refused(Message::new(
            &code::DOCUMENT_NOTHING_TO_PRINT,
            "There is nothing to print.",
        )));
    }
    for id in ids {
        if find(conn, *id)?.state == "concept" {
            finalize(conn, *id)?;
        }
    }
    let pdf = crate::pdfs::render_for_print(conn, ids, progress)?;

    let dir = crate::pdfs::data_root(conn)?.join("print");
    let io = |path: &std::path::Path| {
        let path = path.to_owned();
        move |source| Error::DataDir { path, source }
    };
    std::fs::create_dir_all(&dir).map_err(io(&dir))?;
    // What was printed stays a week, to look at; the folder does not grow for ever.
    let week = std::time::Duration::from_secs(7 * 24 * 3600);
    for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > week);
        if old && entry.path().extension().is_some_and(|e| e == "pdf") {
            let _ = std::fs::remove_file(entry.path());
        }
    }
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S-%3f").to_string();
    let mut path = dir.join(format!("{stamp}.pdf"));
    let mut attempt = 1;
    loop {
        let opened = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path);
        match opened {
            Ok(mut file) => {
                file.write_all(&pdf).map_err(io(&path))?;
                break;
            }
            // Two prints in the same millisecond.
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && attempt < 100 => {
                attempt += 1;
                path = dir.join(format!("{stamp}-{attempt}.pdf"));
            }
            Err(e) => return Err(io(&path)(e)),
        }
    }
    crate::print::print_files(&[path], printer, "Comptoir")
}

/// The customer-facing note of a concept (the text block at the top of the document).
pub fn set_customer_note(conn: &mut Connection, id: i64, note: &str) -> Result<DocumentRow> {
    with_tx(conn, |tx| {
        let d = find(tx, id)?;
        if d.state != "concept" {
            return Err(Error::Refused(
                Message::new(
                    &code::DOCUMENT_NOTE_FINAL,
                    format!(
                        "Document {id} is {}; only a concept's note can be changed.",
                        d.state
                    ),
                )
                .with("id", id),
            ));
        }
        let mut content: DocumentContent = serde_json::from_str(&d.content)
            .map_err(|e| Error::Document(format!("document {id} cannot be read back ({e})")))?;
        content.customer_note = note.trim().to_owned();
        let json = serde_json::to_string(&content).map_err(|e| Error::Document(e.to_string()))?;
        comptoir_store::documents::set_content(tx, id, &json)?;
        find(tx, id)
    })
}
