//! PDFs of documents: the renderer's input assembled from the document and the shop settings,
//! and the files in the data folder. A PDF is rendered again only when something it shows
//! changed (its file name carries a hash of everything it shows); the PDF of a sent document
//! is kept as it was sent and never rendered again.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use comptoir_core::document::DocumentKind;
use comptoir_core::language::Language;
use comptoir_pdf::{RenderInput, Shop};
use comptoir_store::Connection;
use comptoir_store::documents::sent_pdf_sha256;
use comptoir_store::orders::get_order;
use comptoir_woo::delivery::sha256_hex;

use crate::config::get_known;
use crate::documents::{self, DocumentDetail};
use crate::error::{Error, Result};

/// Bumped when the layout changes, so cached PDFs are rendered again.
const LAYOUT_VERSION: &str = "1";

/// The folder holding the database (the data folder).
pub fn data_root(conn: &Connection) -> Result<PathBuf> {
    conn.path()
        .filter(|p| !p.is_empty())
        .and_then(|p| Path::new(p).parent().map(Path::to_owned))
        .ok_or(Error::NoDataDir)
}

/// The shop as the settings describe it.
pub fn shop(conn: &Connection) -> Result<Shop> {
    let logo_path = get_known(conn, "shop.logo")?;
    let logo = if logo_path.is_empty() {
        None
    } else {
        Some(std::fs::read(&logo_path).map_err(|e| {
            Error::Document(format!(
                "The shop's logo {logo_path} could not be read ({e}). Choose the logo file again in the settings."
            ))
        })?)
    };
    Ok(Shop {
        name: get_known(conn, "shop.name")?,
        address: get_known(conn, "shop.address")?,
        vat_number: get_known(conn, "shop.vat_number")?,
        enterprise_number: get_known(conn, "shop.enterprise_number")?,
        iban: get_known(conn, "shop.iban")?,
        bic: get_known(conn, "shop.bic")?,
        email: get_known(conn, "shop.email")?,
        phone: get_known(conn, "shop.phone")?,
        logo,
    })
}

fn date_of(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.get(..10)?, "%Y-%m-%d").ok()
}

struct Prepared {
    detail: DocumentDetail,
    shop: Shop,
    order_date: Option<NaiveDate>,
    date: NaiveDate,
}

fn prepare(conn: &Connection, id: i64) -> Result<Prepared> {
    let detail = documents::show(conn, id)?;
    let order_date = get_order(conn, detail.row.order_key)?
        .and_then(|o| o.date_created_gmt)
        .and_then(|d| date_of(&d));
    // A final document is dated when it was finalised; a concept shows today's date.
    let date = detail
        .row
        .finalized_at
        .as_deref()
        .and_then(date_of)
        .unwrap_or_else(|| chrono::Utc::now().date_naive());
    Ok(Prepared {
        shop: shop(conn)?,
        detail,
        order_date,
        date,
    })
}

/// The renderer's input for a prepared document.
fn input_of(p: &Prepared) -> Result<RenderInput<'_>> {
    let row = &p.detail.row;
    let kind = DocumentKind::parse(&row.kind)
        .ok_or_else(|| Error::Document(format!("unknown document kind {}", row.kind)))?;
    Ok(RenderInput {
        kind,
        number: row.number.as_deref(),
        concept: row.state == "concept",
        language: Language::parse(&row.language).unwrap_or(Language::Fr),
        date: p.date,
        order_number: &row.order_number,
        order_date: p.order_date,
        content: &p.detail.content,
        legend: &p.detail.legend,
        paid: row.paid,
        structured_communication: row.structured_communication.as_deref(),
        shop: &p.shop,
    })
}

fn render_prepared(p: &Prepared) -> Result<Vec<u8>> {
    comptoir_pdf::render(&input_of(p)?).map_err(|e| Error::Document(e.to_string()))
}

/// The documents as ONE PDF, in the order given, for one print job (a PDF printer keeps only
/// the first document of a job of several files): each document with its own header, footers
/// and page numbers, as its own PDF shows it, rendered from the database. `progress(n, total)`
/// is called as each document is prepared.
pub fn render_for_print(
    conn: &Connection,
    ids: &[i64],
    mut progress: impl FnMut(usize, usize),
) -> Result<Vec<u8>> {
    let mut prepared = Vec::with_capacity(ids.len());
    for (n, id) in ids.iter().enumerate() {
        prepared.push(prepare(conn, *id)?);
        progress(n + 1, ids.len());
    }
    let inputs = prepared.iter().map(input_of).collect::<Result<Vec<_>>>()?;
    comptoir_pdf::render_many(&inputs).map_err(|e| {
        // The batch fails whole; say which document it was (rendering them one by one only
        // on this rare path).
        let culprit = prepared
            .iter()
            .zip(&inputs)
            .find(|(_, input)| comptoir_pdf::render(input).is_err())
            .map(|(p, _)| match &p.detail.row.number {
                Some(number) => format!("Document {number} (id {})", p.detail.row.id),
                None => format!("Document {}", p.detail.row.id),
            });
        match culprit {
            Some(which) => Error::Document(format!("{which} cannot be printed: {e}")),
            None => Error::Document(e.to_string()),
        }
    })
}

/// Everything the PDF shows, hashed: the cache key.
fn fingerprint(p: &Prepared) -> Result<String> {
    let detail = serde_json::to_string(&p.detail).map_err(|e| Error::Document(e.to_string()))?;
    let s = &p.shop;
    let logo = s.logo.as_deref().map(sha256_hex).unwrap_or_default();
    let text = format!(
        "{LAYOUT_VERSION}\n{detail}\n{}\n{}\n{}\n{}\n{}\n{}\n{}\n{}\n{logo}\n{}\n{:?}",
        s.name,
        s.address,
        s.vat_number,
        s.enterprise_number,
        s.iban,
        s.bic,
        s.email,
        s.phone,
        p.date,
        p.order_date
    );
    Ok(sha256_hex(text.as_bytes()))
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> Error + '_ {
    move |source| Error::DataDir {
        path: path.to_owned(),
        source,
    }
}

/// Writes `bytes` to `path` whole or not at all. The preview, the outbox and a print job may
/// render the same document at the same moment, so each writer has its own temporary file: a
/// shared one would be renamed away under the other writer.
fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    static WRITES: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(io(dir))?;
    }
    let n = WRITES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let tmp = path.with_extension(format!("{}-{n}.tmp", std::process::id()));
    let written = std::fs::write(&tmp, bytes)
        .map_err(io(&tmp))
        .and_then(|()| std::fs::rename(&tmp, path).map_err(io(path)));
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written
}

/// The path where a sent document's PDF is kept.
pub fn sent_path(conn: &Connection, id: i64) -> Result<PathBuf> {
    Ok(data_root(conn)?.join("sent").join(format!("{id}.pdf")))
}

/// The document's PDF: as sent, or from the cache, or freshly rendered (and cached).
pub fn pdf(conn: &Connection, id: i64) -> Result<(Vec<u8>, PathBuf)> {
    if let Some(sha) = sent_pdf_sha256(conn, id)? {
        let path = sent_path(conn, id)?;
        let bytes = std::fs::read(&path).map_err(io(&path))?;
        if sha256_hex(&bytes) != sha {
            return Err(Error::Document(format!(
                "The PDF of sent document {id} ({}) was changed on disk; restore it from a backup.",
                path.display()
            )));
        }
        return Ok((bytes, path));
    }
    let prepared = prepare(conn, id)?;
    let key = fingerprint(&prepared)?;
    let dir = data_root(conn)?.join("pdf");
    let path = dir.join(format!("{id}-{}.pdf", &key[..16]));
    if let Ok(bytes) = std::fs::read(&path) {
        return Ok((bytes, path));
    }
    let bytes = render_prepared(&prepared)?;
    write_atomically(&path, &bytes)?;
    // Older renderings of this document are out of date. Only finished PDFs are removed: a
    // temporary file belongs to a rendering still being written.
    if let Ok(entries) = std::fs::read_dir(&dir) {
        let prefix = format!("{id}-");
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            if name.starts_with(&prefix)
                && name.ends_with(".pdf")
                && !name.ends_with(".tmp")
                && e.path() != path
            {
                let _ = std::fs::remove_file(e.path());
            }
        }
    }
    Ok((bytes, path))
}

/// Keeps the PDF that is being sent, so it stays exactly as the customer received it.
pub fn keep_sent(conn: &Connection, id: i64, bytes: &[u8]) -> Result<String> {
    let path = sent_path(conn, id)?;
    write_atomically(&path, bytes)?;
    Ok(sha256_hex(bytes))
}
