//! Comptoir's documents as PDF: order forms, delivery notes, invoices and credit notes, drawn
//! on the machine with `printpdf`, no browser and no network.
//!
//! One sober A4 design serves the four kinds: the shop's logo and identity, the title with the
//! number (or a CONCEPT mark), the customer's addresses, the customer's note, the lines, the VAT
//! summary and totals, the legend and, on unpaid invoices (and unpaid order forms given a
//! structured communication), a payment block with the Belgian structured communication and an
//! EPC ("SEPA") QR code that banking apps scan. Delivery notes show no prices. Long orders flow
//! onto more pages with the table header repeated and the pages numbered `1/3`. Several
//! documents render as one PDF for one print job ([`render_many`]), each with its own pages,
//! optionally with blank backs for double-sided printing ([`PrintOptions`]).
//!
//! The text is set in DejaVu Sans (regular and bold), embedded in the binary and subset into
//! each PDF (a one-page invoice with its QR code weighs under 40 KB, most of it the two font
//! subsets), so that French, Dutch and German text, `€`, `«»`, `—`, `×` print the same
//! everywhere and `pdftotext` reads the document back as written. A character the font does
//! not have (an emoji in a customer's note) prints as `□` rather than vanishing.

mod epc;
mod fonts;
mod format;
mod labels;
mod layout;

use chrono::NaiveDate;
use comptoir_core::{DocumentContent, DocumentKind, Language};

pub use epc::epc_qr_payload;

/// The shop as its documents present it.
#[derive(Clone, Default)]
pub struct Shop {
    pub name: String,
    /// The postal address, one line per `\n`.
    pub address: String,
    pub vat_number: String,
    pub enterprise_number: String,
    pub iban: String,
    pub bic: String,
    pub email: String,
    pub phone: String,
    /// The logo as PNG or JPEG bytes.
    pub logo: Option<Vec<u8>>,
}

/// The logo is a blob of bytes; `Debug` shows its size instead of dumping it into logs.
impl std::fmt::Debug for Shop {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Shop")
            .field("name", &self.name)
            .field("address", &self.address)
            .field("vat_number", &self.vat_number)
            .field("enterprise_number", &self.enterprise_number)
            .field("iban", &self.iban)
            .field("bic", &self.bic)
            .field("email", &self.email)
            .field("phone", &self.phone)
            .field(
                "logo",
                &self.logo.as_ref().map(|l| format!("{} bytes", l.len())),
            )
            .finish()
    }
}

/// Everything one document shows.
#[derive(Debug, Clone, Copy)]
pub struct RenderInput<'a> {
    pub kind: DocumentKind,
    /// `None` while a concept has no number yet (invoices and credit notes get theirs when
    /// they are finalised).
    pub number: Option<&'a str>,
    /// Prints a clear CONCEPT mark beside the title.
    pub concept: bool,
    pub language: Language,
    /// The document's date.
    pub date: NaiveDate,
    pub order_number: &'a str,
    pub order_date: Option<NaiveDate>,
    pub content: &'a DocumentContent,
    /// The legend printed under the totals, already in the document's language.
    pub legend: &'a str,
    /// Paid documents carry no payment block.
    pub paid: bool,
    /// The Belgian structured communication (`+++123/4567/89012+++` or its twelve digits).
    /// Unpaid invoices print it in their payment block and put it in the QR code; an unpaid
    /// order form that has one asks to be paid the same way; other kinds ignore it.
    pub structured_communication: Option<&'a str>,
    pub shop: &'a Shop,
}

/// A document cannot be rendered as asked. Each message says what to change.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PdfError {
    #[error(
        "The shop has no name, and a payment QR code must say who is paid. Fill in the shop's name in the settings."
    )]
    NoShopName,
    #[error(
        "The shop has no IBAN, so the invoice cannot carry a payment QR code. Fill in the shop's IBAN in the settings."
    )]
    NoIban,
    #[error(
        "The shop's IBAN \"{0}\" is not a valid IBAN (a Belgian one looks like BE68 5390 0754 7034). Correct it in the settings: customers would pay to it."
    )]
    Iban(String),
    #[error(
        "The shop's BIC \"{0}\" is not a valid BIC (8 or 11 letters and digits, like GKCCBEBB). Correct it in the settings, or leave it empty."
    )]
    Bic(String),
    #[error(
        "A payment QR code cannot ask for {0}: the amount must be between 0.01 and 999999999.99 euro."
    )]
    Amount(String),
    #[error(
        "\"{0}\" is not a Belgian structured communication (expected +++123/4567/89012+++ with valid check digits)."
    )]
    Communication(String),
    #[error(
        "The payment details do not fit in a payment QR code ({0}). Shorten the shop's name in the settings."
    )]
    QrCode(String),
    #[error(
        "The shop's logo could not be read ({0}). Choose a PNG or JPEG file as the logo in the settings."
    )]
    Logo(String),
    #[error(
        "Comptoir's built-in font could not be loaded ({0}). This is a bug in Comptoir: please report it."
    )]
    Font(String),
    #[error("There is no document to render: choose at least one.")]
    NoDocument,
    #[error("The PDF could not be written ({0}). This is a bug in Comptoir: please report it.")]
    Write(String),
}

/// How documents rendered together ([`render_many_with`]) are put in one file.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PrintOptions {
    /// For a printer printing on both sides: a blank page follows each document (but the
    /// last) whose page count is odd, so that every document starts on the front of a sheet
    /// and no sheet carries the end of one document and the start of the next.
    pub duplex: bool,
}

/// Renders the document and returns the PDF file's bytes.
pub fn render(input: &RenderInput) -> Result<Vec<u8>, PdfError> {
    layout::render(input)
}

/// Renders several documents as ONE PDF (one print job that every printer, a PDF printer
/// included, prints whole): the pages of each document in the order given, each document with
/// its own headers, footers and page numbers (`1/N` of that document). The faces are embedded
/// once, subset over the text of all documents. A batch that fails (a wrong IBAN on one
/// invoice) fails whole, before anything is drawn; an empty batch is [`PdfError::NoDocument`].
///
/// The same as [`render_many_with`] and the default [`PrintOptions`] (single-sided).
pub fn render_many(inputs: &[RenderInput]) -> Result<Vec<u8>, PdfError> {
    layout::render_many(inputs, PrintOptions::default())
}

/// [`render_many`] with options, such as blank pages for double-sided printing.
pub fn render_many_with(
    inputs: &[RenderInput],
    options: PrintOptions,
) -> Result<Vec<u8>, PdfError> {
    layout::render_many(inputs, options)
}
