//! The page layout: where each part of a document goes, how lines wrap and how a long order
//! flows onto more pages. Positions are in millimetres from the page's top-left corner (the
//! way one reads the page) and turned into PDF points, from the bottom-left, only when an
//! operation is written.
//!
//! Every piece of text is written as its own positioned run, in reading order (top to bottom,
//! left to right within a row), so `pdftotext` gives the document back line by line.

use std::cell::RefCell;

use comptoir_core::{Address, DocumentContent, DocumentKind, DocumentLine, Language, LineKind};
use flate2::{Compress, Compression, FlushCompress, Status};
use printpdf::{
    Color, CurTransMat, DictItem, FontId, Greyscale, Line, LinePoint, Op, PaintMode, PdfDocument,
    PdfFontHandle, PdfPage, PdfSaveOptions, Point, Pt, RawImage, Rect, Rgb, TextItem, TextMatrix,
    XObjectId, XObjectTransform,
};

use crate::epc::{self, Qr};
use crate::fonts::{Faces, MM_PER_PT, Style, faces, is_common};
use crate::format;
use crate::labels::{Labels, country, labels};
use crate::{PdfError, PrintOptions, RenderInput};

const PAGE_W: f32 = 210.0;
const PAGE_H: f32 = 297.0;
const LEFT: f32 = 18.0;
const RIGHT: f32 = 192.0;
const TOP: f32 = 15.0;
/// The lowest point content may reach; the footer lives below.
const BOTTOM: f32 = 276.0;
const FOOTER_RULE: f32 = 281.0;

/// Body text size, in points.
const BODY: f32 = 8.5;
/// Between a description and the discount that follows it.
const DISCOUNT_GAP: f32 = 3.0;
/// The most a table header takes (labels on two lines).
const TABLE_HEADER_ROOM: f32 = 12.0;
/// The table header's size.
const HEADER: f32 = 7.5;
/// A cell's inner margin, left and right.
const CELL_PAD: f32 = 1.6;
/// A table row's inner margin, above and below.
const ROW_PAD: f32 = 1.25;
/// A description longer than this many lines (a pasted essay) is cut with "…": a table row
/// must fit on one page.
const MAX_DESCRIPTION_LINES: usize = 40;
/// The payment QR code's side, quiet zone included (EPC recommends at least 2 cm of code).
const QR_SIZE: f32 = 30.0;

/// The few inks of the design: near-black text, grey labels and rules, a light band behind
/// the table header and the grand total, red for the CONCEPT mark.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Ink {
    Text,
    Muted,
    Rule,
    Band,
    Note,
    Black,
    Red,
}

impl Ink {
    fn color(self) -> Color {
        let grey = |percent| {
            Color::Greyscale(Greyscale {
                percent,
                icc_profile: None,
            })
        };
        match self {
            Ink::Text => grey(0.12),
            Ink::Muted => grey(0.42),
            Ink::Rule => grey(0.78),
            Ink::Band => grey(0.93),
            Ink::Note => grey(0.975),
            Ink::Black => grey(0.0),
            Ink::Red => Color::Rgb(Rgb {
                r: 0.75,
                g: 0.1,
                b: 0.1,
                icc_profile: None,
            }),
        }
    }
}

/// How a run of text is drawn.
#[derive(Debug, Clone, Copy)]
struct Pen {
    style: Style,
    size: f32,
    ink: Ink,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Align {
    Left,
    Right,
}

/// A table column: where it starts, how wide it is, how its cells align.
#[derive(Debug, Clone, Copy)]
struct Column {
    x: f32,
    w: f32,
    align: Align,
}

fn pt(mm: f32) -> Pt {
    Pt(mm / MM_PER_PT)
}

/// A point `x` mm from the left and `y` mm from the top.
fn point(x: f32, y: f32) -> Point {
    Point {
        x: pt(x),
        y: pt(PAGE_H - y),
    }
}

/// The height of a line of text at `size` points, in millimetres.
fn lh(size: f32) -> f32 {
    size * MM_PER_PT * 1.32
}

/// Where the baseline sits below the top of a line of text at `size` points.
fn ascent(size: f32) -> f32 {
    size * MM_PER_PT * 0.95
}

/// One page's drawing operations. The current font and colours are remembered so that runs
/// in the same style do not repeat them.
#[derive(Default)]
struct Canvas {
    ops: Vec<Op>,
    font: Option<(Style, bool, u32)>,
    fill: Option<Ink>,
    stroke: Option<(Ink, u32)>,
}

impl Canvas {
    fn set_fill(&mut self, ink: Ink) {
        if self.fill != Some(ink) {
            self.ops.push(Op::SetFillColor { col: ink.color() });
            self.fill = Some(ink);
        }
    }

    fn set_stroke(&mut self, ink: Ink, thickness_pt: f32) {
        let key = (ink, (thickness_pt * 100.0) as u32);
        if self.stroke != Some(key) {
            self.ops.push(Op::SetOutlineColor { col: ink.color() });
            self.ops.push(Op::SetOutlineThickness {
                pt: Pt(thickness_pt),
            });
            self.stroke = Some(key);
        }
    }

    /// `text` (already printable) with its baseline at `baseline`, starting at `x`.
    fn text(&mut self, ids: &FontIds, x: f32, baseline: f32, pen: Pen, text: &str) {
        let Pen { style, size, ink } = pen;
        if text.is_empty() {
            return;
        }
        self.set_fill(ink);
        self.ops.push(Op::StartTextSection);
        let (id, common) = ids.for_text(style, text);
        let key = (style, common, (size * 100.0) as u32);
        if self.font != Some(key) {
            self.ops.push(Op::SetFont {
                font: PdfFontHandle::External(id.clone()),
                size: Pt(size),
            });
            self.font = Some(key);
        }
        self.ops.push(Op::SetTextMatrix {
            matrix: TextMatrix::Translate(pt(x), pt(PAGE_H - baseline)),
        });
        self.ops.push(Op::ShowText {
            items: vec![TextItem::Text(text.to_owned())],
        });
        self.ops.push(Op::EndTextSection);
    }

    fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, mode: PaintMode) {
        self.ops.push(Op::DrawRectangle {
            rectangle: Rect {
                x: pt(x),
                y: pt(PAGE_H - y - h),
                width: pt(w),
                height: pt(h),
                mode: Some(mode),
                winding_order: None,
            },
        });
    }

    fn fill_rect(&mut self, x: f32, y: f32, w: f32, h: f32, ink: Ink) {
        self.set_fill(ink);
        self.rect(x, y, w, h, PaintMode::Fill);
    }

    fn stroke_rect(&mut self, x: f32, y: f32, w: f32, h: f32, ink: Ink, thickness_pt: f32) {
        self.set_stroke(ink, thickness_pt);
        self.rect(x, y, w, h, PaintMode::Stroke);
    }

    fn hline(&mut self, x1: f32, x2: f32, y: f32, ink: Ink, thickness_pt: f32) {
        self.set_stroke(ink, thickness_pt);
        let p = |x| LinePoint {
            p: point(x, y),
            bezier: false,
        };
        self.ops.push(Op::DrawLine {
            line: Line {
                points: vec![p(x1), p(x2)],
                is_closed: false,
            },
        });
    }

    /// The QR code as black squares, runs of dark modules merged per row, with its 4-module
    /// quiet zone inside `size`. The squares are drawn in a coordinate system of one unit per
    /// module (rows going down), so each run is written as four small integers: a few
    /// kilobytes less than page coordinates, and sharp at any zoom.
    fn qr(&mut self, code: &Qr, x: f32, y: f32, size: f32) {
        let n = code.width();
        let quiet = 4;
        let module = size / (n + 2 * quiet) as f32;
        self.set_fill(Ink::Black);
        self.ops.push(Op::SaveGraphicsState);
        let origin = point(x + quiet as f32 * module, y + quiet as f32 * module);
        let m = pt(module).0;
        self.ops.push(Op::SetTransformationMatrix {
            matrix: CurTransMat::Raw([m, 0.0, 0.0, -m, origin.x.0, origin.y.0]),
        });
        // One rectangle per run of dark modules, a run that repeats the one above lengthening
        // it instead, all filled at once: whole numbers and one path, a third of the operators
        // and none of the float formatting that one filled rectangle per run took.
        // (printpdf writes `Op::Unknown` as the operator and operands given, see `save`.)
        let mut rects: Vec<[usize; 4]> = Vec::new();
        // The rectangles that reach the row above, by where they start and end.
        let mut open: Vec<(usize, usize, usize)> = Vec::new();
        for row in 0..n {
            let mut still_open = Vec::with_capacity(open.len());
            let mut col = 0;
            while col < n {
                if !code.is_dark(col, row) {
                    col += 1;
                    continue;
                }
                let start = col;
                while col < n && code.is_dark(col, row) {
                    col += 1;
                }
                match open.iter().find(|(s, e, _)| (*s, *e) == (start, col)) {
                    Some(&(_, _, i)) => {
                        rects[i][3] += 1;
                        still_open.push((start, col, i));
                    }
                    None => {
                        still_open.push((start, col, rects.len()));
                        rects.push([start, row, col - start, 1]);
                    }
                }
            }
            open = still_open;
        }
        for rect in rects {
            self.ops.push(Op::Unknown {
                key: "re".into(),
                value: rect.iter().map(|v| DictItem::Int(*v as i64)).collect(),
            });
        }
        self.ops.push(Op::Unknown {
            key: "f".into(),
            value: Vec::new(),
        });
        self.ops.push(Op::RestoreGraphicsState);
        self.font = None;
        self.fill = None;
        self.stroke = None;
    }

    fn image(&mut self, logo: &Logo, x: f32, y: f32) {
        self.ops.push(Op::SaveGraphicsState);
        self.ops.push(Op::UseXobject {
            id: logo.id.clone(),
            transform: XObjectTransform {
                translate_x: Some(pt(x)),
                translate_y: Some(pt(PAGE_H - y - logo.h)),
                rotate: None,
                // At 72 dpi one pixel is one point; the scale then gives the printed size.
                scale_x: Some(pt(logo.w).0 / logo.px_w),
                scale_y: Some(pt(logo.h).0 / logo.px_h),
                dpi: Some(72.0),
                no_auto_scale: false,
            },
        });
        self.ops.push(Op::RestoreGraphicsState);
        // The restore brought back the colours and font of before the save; forget what was
        // set since, to be safe.
        self.font = None;
        self.fill = None;
        self.stroke = None;
    }
}

/// The faces as added to the document: whole, and reduced to the common characters (see
/// [`crate::fonts::is_common`]). printpdf embeds only the ones the pages use.
struct FontIds {
    regular: FontId,
    bold: FontId,
    regular_common: FontId,
    bold_common: FontId,
}

impl FontIds {
    /// The face that prints `text` in `style`, and whether it is the common one.
    fn for_text(&self, style: Style, text: &str) -> (&FontId, bool) {
        let common = is_common(text);
        let id = match (style, common) {
            (Style::Regular, false) => &self.regular,
            (Style::Bold, false) => &self.bold,
            (Style::Regular, true) => &self.regular_common,
            (Style::Bold, true) => &self.bold_common,
        };
        (id, common)
    }
}

/// The shop's logo, placed in the document, with its printed size.
#[derive(Clone)]
struct Logo {
    id: XObjectId,
    px_w: f32,
    px_h: f32,
    w: f32,
    h: f32,
}

/// The largest area the logo may take, top-left.
const LOGO_MAX_W: f32 = 60.0;
const LOGO_MAX_H: f32 = 22.0;
/// A logo up to this wide goes beside the shop's identity, a wider one above it.
const LOGO_BESIDE_MAX_W: f32 = 32.0;

fn place_logo(doc: &mut PdfDocument, bytes: &[u8]) -> Result<Logo, PdfError> {
    let mut warnings = Vec::new();
    let image = RawImage::decode_from_bytes(bytes, &mut warnings).map_err(PdfError::Logo)?;
    if image.width == 0 || image.height == 0 {
        return Err(PdfError::Logo("the image is empty".into()));
    }
    let (px_w, px_h) = (image.width as f32, image.height as f32);
    let scale = (LOGO_MAX_W / px_w).min(LOGO_MAX_H / px_h);
    let id = doc.add_image(&image);
    Ok(Logo {
        id,
        px_w,
        px_h,
        w: px_w * scale,
        h: px_h * scale,
    })
}

/// Renders one document: the same as a batch of one.
pub(crate) fn render(input: &RenderInput) -> Result<Vec<u8>, PdfError> {
    render_many(std::slice::from_ref(input), PrintOptions::default())
}

/// Renders the documents one after the other into one PDF: each keeps its own first-page
/// header, continuation headers, footers and page numbers (`1/N` of that document), and the
/// whole file embeds each face once, subset over the text of every document. With
/// `options.duplex`, a blank page follows every document but the last whose page count is odd,
/// so that each document starts on the front of a sheet.
///
/// The batch fails whole, with the sentence a single render would give: the payment details of
/// every document are checked before any page is laid out.
pub(crate) fn render_many(
    inputs: &[RenderInput],
    options: PrintOptions,
) -> Result<Vec<u8>, PdfError> {
    let Some(first) = inputs.first() else {
        return Err(PdfError::NoDocument);
    };
    let faces = faces()?;
    let payments = inputs
        .iter()
        .map(Payment::prepare)
        .collect::<Result<Vec<_>, _>>()?;

    let titles: Vec<String> = inputs
        .iter()
        .map(|input| {
            let l = labels(input.language);
            match input.number {
                Some(n) => format!("{} {n}", l.title(input.kind)),
                None => format!("{} ({})", l.title(input.kind), l.concept),
            }
        })
        .collect();
    let title = match titles.as_slice() {
        [one] => one.clone(),
        [first, .., last] => format!("{first} … {last} ({} documents)", titles.len()),
        [] => String::new(),
    };
    let mut doc = PdfDocument::new(&title);
    doc.metadata.info.author = first.shop.name.clone();
    doc.metadata.info.creator = "Comptoir".into();
    doc.metadata.info.producer = "Comptoir".into();
    let ids = FontIds {
        regular: doc.add_font(&faces.regular.parsed),
        bold: doc.add_font(&faces.bold.parsed),
        regular_common: doc.add_font(&faces.regular.common),
        bold_common: doc.add_font(&faces.bold.common),
    };

    // The documents of a batch are usually one shop's: its logo is placed in the file once and
    // drawn on each document's first page.
    let mut logos: Vec<(&[u8], Logo)> = Vec::new();
    let mut pages = Vec::new();
    for (i, (input, payment)) in inputs.iter().zip(&payments).enumerate() {
        let logo = match input.shop.logo.as_deref() {
            Some(bytes) if !bytes.is_empty() => match logos.iter().find(|(b, _)| *b == bytes) {
                Some((_, logo)) => Some(logo.clone()),
                None => {
                    let logo = place_logo(&mut doc, bytes)?;
                    logos.push((bytes, logo.clone()));
                    Some(logo)
                }
            },
            _ => None,
        };
        let canvases = layout(faces, &ids, input, logo.as_ref(), payment.as_ref());
        let odd = canvases.len() % 2 == 1;
        pages.extend(canvases.into_iter().map(|c| page(c.ops)));
        if options.duplex && odd && i + 1 < inputs.len() {
            pages.push(page(Vec::new()));
        }
    }

    // A logo is usually flat colours and sharp edges, which JPEG smears: PNG logos stay
    // lossless; a logo that came as a JPEG is a photograph anyway and stays JPEG. (printpdf
    // applies one format to all images: JPEG only when every logo came as one.)
    let logo_is_jpeg = !logos.is_empty()
        && logos
            .iter()
            .all(|(b, _)| b.starts_with(&[0xFF, 0xD8, 0xFF]));
    let options = PdfSaveOptions {
        image_optimization: Some(printpdf::ImageOptimizationOptions {
            // A logo needs no more than this at its printed size; larger files are scaled
            // down so that every document does not carry a poster.
            max_image_size: Some("300kb".into()),
            format: Some(if logo_is_jpeg {
                printpdf::ImageCompression::Jpeg
            } else {
                printpdf::ImageCompression::Flate
            }),
            ..Default::default()
        }),
        // Writes the operators of `Op::Unknown`, which only `Canvas::qr` gives.
        secure: false,
        ..Default::default()
    };
    let mut warnings = Vec::new();
    save(
        doc.with_pages(pages)
            .to_lopdf_document(&options, &mut warnings),
    )
}

/// zlib-rs's fast level: a one-page invoice is 32.1 KB, against 31.2 KB at zlib's default
/// level (6) and 30.9 KB at the best (9), which lopdf uses and which took more than half of a
/// one-page render; level 1 (no lazy matching) gives 37.6 KB.
const DEFLATE_LEVEL: u32 = 2;

thread_local! {
    /// One compressor per thread, reset for each stream: setting one up (its window and hash
    /// tables, a few hundred kilobytes to allocate and clear) costs more than compressing a
    /// small stream.
    static DEFLATE: RefCell<Compress> =
        RefCell::new(Compress::new(Compression::new(DEFLATE_LEVEL), true));
}

/// The PDF file: the document's streams compressed, then written out.
fn save(mut doc: lopdf::Document) -> Result<Vec<u8>, PdfError> {
    DEFLATE.with_borrow_mut(|z| {
        for object in doc.objects.values_mut() {
            let lopdf::Object::Stream(stream) = object else {
                continue;
            };
            // A stream that is already encoded (the logo) stays as it is.
            if !stream.allows_compression || stream.dict.has(b"Filter") {
                continue;
            }
            let compressed = deflate(z, &stream.content)?;
            // Only when it saves more than the `/Filter/FlateDecode` it takes to say so.
            if compressed.len() + 19 < stream.content.len() {
                stream.dict.set("Filter", "FlateDecode");
                stream.set_content(compressed);
            }
        }
        Ok::<_, PdfError>(())
    })?;
    let mut pdf = Vec::new();
    doc.save_to(&mut pdf)
        .map_err(|e| PdfError::Write(e.to_string()))?;
    Ok(pdf)
}

/// `data` compressed as a zlib stream (what `/FlateDecode` reads).
fn deflate(z: &mut Compress, data: &[u8]) -> Result<Vec<u8>, PdfError> {
    z.reset();
    let mut out = Vec::with_capacity(data.len() / 2 + 64);
    loop {
        let rest = usize::try_from(z.total_in())
            .ok()
            .and_then(|read| data.get(read..))
            .unwrap_or_default();
        let status = z
            .compress_vec(rest, &mut out, FlushCompress::Finish)
            .map_err(|e| PdfError::Write(e.to_string()))?;
        if status == Status::StreamEnd {
            return Ok(out);
        }
        // The output was full: make room and go on.
        out.reserve(out.capacity().max(64));
    }
}

fn page(ops: Vec<Op>) -> PdfPage {
    PdfPage::new(printpdf::Mm(PAGE_W), printpdf::Mm(PAGE_H), ops)
}

/// One document's pages, drawn.
fn layout(
    faces: &'static Faces,
    ids: &FontIds,
    input: &RenderInput,
    logo: Option<&Logo>,
    payment: Option<&Payment>,
) -> Vec<Canvas> {
    let mut w = Writer {
        faces,
        ids,
        l: labels(input.language),
        input,
        content: input.content,
        priced: input.kind != DocumentKind::DeliveryNote,
        pages: vec![Canvas::default()],
        y: TOP,
    };
    w.first_header(logo);
    w.addresses();
    w.note();
    w.table();
    w.summary();
    if let Some(payment) = payment {
        w.payment(payment);
    }
    w.legend();
    w.footers();
    w.pages
}

/// The payment block of an unpaid invoice (or order form), checked before anything is drawn so
/// that a wrong IBAN stops the render with a sentence instead of printing a document customers
/// cannot pay.
struct Payment {
    iban: Option<String>,
    bic: String,
    communication: Option<String>,
    qr: Option<Qr>,
}

impl Payment {
    fn prepare(input: &RenderInput) -> Result<Option<Payment>, PdfError> {
        // Unpaid invoices ask to be paid; so does an unpaid order form that was given a
        // structured communication (a bank-transfer order the shop confirms before payment).
        let asks = match input.kind {
            DocumentKind::Invoice => true,
            DocumentKind::OrderForm => input
                .structured_communication
                .is_some_and(|c| !c.trim().is_empty()),
            DocumentKind::DeliveryNote | DocumentKind::CreditNote => false,
        };
        // A free order (a 100 % coupon) has nothing to pay, and no transfer of 0 € exists.
        let something_to_pay = input.content.total.0 > rust_decimal::Decimal::ZERO;
        if !asks || input.paid || !something_to_pay {
            return Ok(None);
        }
        let shop = input.shop;
        let iban = match epc::iban(&shop.iban) {
            Ok(iban) => Some(iban),
            Err(PdfError::NoIban) => None,
            Err(e) => return Err(e),
        };
        let bic = epc::bic(&shop.bic)?;
        let communication = match input.structured_communication {
            Some(text) if !text.trim().is_empty() => Some(
                comptoir_core::StructuredCommunication::parse(text)
                    .ok_or_else(|| PdfError::Communication(text.trim().to_owned()))?,
            ),
            _ => None,
        };
        let currency = input.content.currency.trim();
        let euro = currency.is_empty() || currency.eq_ignore_ascii_case("EUR");
        // The EPC QR code is for euro transfers to an IBAN with a structured communication;
        // without one of them the block still shows what to pay, without a code.
        let qr = match (&iban, &communication) {
            (Some(_), Some(ogm)) if euro => {
                let payload = epc::epc_qr_payload(shop, input.content.total, ogm.digits())?;
                Some(epc::qr_code(&payload)?)
            }
            _ => None,
        };
        Ok(Some(Payment {
            iban,
            bic,
            communication: communication.map(|c| c.to_string()),
            qr,
        }))
    }
}

struct Writer<'a> {
    faces: &'static Faces,
    ids: &'a FontIds,
    l: &'static Labels,
    input: &'a RenderInput<'a>,
    content: &'a DocumentContent,
    priced: bool,
    pages: Vec<Canvas>,
    /// Where the next block starts on the current page.
    y: f32,
}

impl Writer<'_> {
    fn lang(&self) -> Language {
        self.input.language
    }

    fn canvas(&mut self) -> &mut Canvas {
        if self.pages.is_empty() {
            self.pages.push(Canvas::default());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    fn width(&self, text: &str, style: Style, size: f32) -> f32 {
        self.faces.face(style).width_mm(text, size)
    }

    /// Writes `raw` (made printable first) at `x`, the top of its line at `y`.
    fn put(&mut self, x: f32, y: f32, style: Style, size: f32, ink: Ink, raw: &str) {
        let text = self.faces.printable(raw, style);
        self.draw_text(x, y, style, size, ink, &text);
    }

    /// Draws printable `text` at `x`, the top of its line at `y`.
    fn draw_text(&mut self, x: f32, y: f32, style: Style, size: f32, ink: Ink, text: &str) {
        if self.pages.is_empty() {
            self.pages.push(Canvas::default());
        }
        if let Some(page) = self.pages.last_mut() {
            page.text(
                self.ids,
                x,
                y + ascent(size),
                Pen { style, size, ink },
                text,
            );
        }
    }

    /// Like [`Writer::put`], ending at `right`.
    fn put_right(&mut self, right: f32, y: f32, style: Style, size: f32, ink: Ink, raw: &str) {
        let text = self.faces.printable(raw, style);
        let x = right - self.width(&text, style, size);
        self.draw_text(x, y, style, size, ink, &text);
    }

    /// `text` broken into printable lines no wider than `width`: at spaces, and inside a word
    /// only when the word alone is wider. Line breaks in the text are kept; blank lines at the
    /// start and end are not.
    fn wrap(&self, text: &str, style: Style, size: f32, width: f32) -> Vec<String> {
        let face = self.faces.face(style);
        let space = face.width_mm(" ", size);
        let mut out = Vec::new();
        let text = text.replace("\r\n", "\n").replace('\r', "\n");
        for paragraph in text.trim().split('\n') {
            let paragraph = self.faces.printable(paragraph, style);
            let mut line = String::new();
            let mut line_w = 0.0;
            for word in paragraph.split(' ').filter(|w| !w.is_empty()) {
                let word_w = face.width_mm(word, size);
                if !line.is_empty() && line_w + space + word_w <= width {
                    line.push(' ');
                    line.push_str(word);
                    line_w += space + word_w;
                    continue;
                }
                if !line.is_empty() {
                    out.push(std::mem::take(&mut line));
                }
                if word_w <= width {
                    line.push_str(word);
                    line_w = word_w;
                    continue;
                }
                // A word wider than the column (a long SKU, a URL): cut it where it must be.
                let mut piece = String::new();
                let mut piece_w = 0.0;
                for c in word.chars() {
                    let mut buf = [0; 4];
                    let c_w = face.width_mm(c.encode_utf8(&mut buf), size);
                    if !piece.is_empty() && piece_w + c_w > width {
                        out.push(std::mem::take(&mut piece));
                        piece_w = 0.0;
                    }
                    piece.push(c);
                    piece_w += c_w;
                }
                line = piece;
                line_w = piece_w;
            }
            out.push(line);
        }
        out
    }

    fn new_page(&mut self) {
        self.pages.push(Canvas::default());
        self.continuation_header();
    }

    /// Starts a new page unless `h` millimetres still fit on this one.
    fn ensure(&mut self, h: f32) {
        if self.y + h > BOTTOM {
            self.new_page();
        }
    }

    fn number_text(&self) -> Option<String> {
        self.input.number.map(|n| format!("{} {n}", self.l.number))
    }

    // -----------------------------------------------------------------------------------------
    // Header

    fn first_header(&mut self, logo: Option<&Logo>) {
        let shop = self.input.shop;
        let l = self.l;

        // Left: logo and the shop's identity. A square-ish logo sits beside the identity, a
        // wide one above it, so that neither pushes the lines down more than needed.
        let mut y = TOP;
        let mut x = LEFT;
        let mut col = 95.0;
        let mut logo_bottom = TOP;
        if let Some(logo) = logo {
            self.canvas().image(logo, LEFT, y);
            if logo.w <= LOGO_BESIDE_MAX_W {
                x = LEFT + logo.w + 5.0;
                col -= logo.w + 5.0;
                logo_bottom = TOP + logo.h;
            } else {
                y += logo.h + 4.0;
            }
        }
        for line in self.wrap(&shop.name, Style::Bold, 12.0, col) {
            self.put(x, y, Style::Bold, 12.0, Ink::Text, &line);
            y += lh(12.0);
        }
        y += 0.6;
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
        for item in identity {
            for line in self.wrap(&item, Style::Regular, BODY, col) {
                self.put(x, y, Style::Regular, BODY, Ink::Muted, &line);
                y += lh(BODY);
            }
        }
        let left_bottom = y.max(logo_bottom);

        // Right: title, number or CONCEPT, dates and order.
        let mut y = TOP - 1.0;
        let title = l.title(self.input.kind);
        self.put_right(RIGHT, y, Style::Bold, 19.0, Ink::Text, title);
        y += lh(19.0) + 0.5;
        if let Some(number) = self.number_text() {
            self.put_right(RIGHT, y, Style::Bold, 11.0, Ink::Text, &number);
            y += lh(11.0) + 0.8;
        }
        if self.input.concept {
            y += 0.6;
            let size = 10.0;
            let text_w = self.width(l.concept, Style::Bold, size);
            let (pad_x, pad_y) = (2.2, 1.0);
            let box_w = text_w + 2.0 * pad_x;
            let box_h = lh(size) + 2.0 * pad_y;
            self.canvas()
                .stroke_rect(RIGHT - box_w, y, box_w, box_h, Ink::Red, 1.2);
            self.put(
                RIGHT - box_w + pad_x,
                y + pad_y,
                Style::Bold,
                size,
                Ink::Red,
                l.concept,
            );
            y += box_h + 1.5;
        }
        y += 2.0;
        let lang = self.lang();
        let mut meta = vec![
            (l.date, format::date(self.input.date, lang)),
            (l.order, self.input.order_number.trim().to_owned()),
        ];
        if let Some(d) = self.input.order_date {
            meta.push((l.order_date, format::date(d, lang)));
        }
        let label_x = RIGHT - 66.0;
        for (label, value) in meta {
            self.put(label_x, y, Style::Regular, BODY, Ink::Muted, label);
            self.put_right(RIGHT, y, Style::Regular, 9.0, Ink::Text, &value);
            y += lh(9.0) + 0.4;
        }
        self.y = left_bottom.max(y) + 7.0;
    }

    /// The top of every page after the first: who, which document, and that it continues.
    fn continuation_header(&mut self) {
        let shop_name = self.input.shop.name.clone();
        let name = self
            .wrap(&shop_name, Style::Bold, 10.0, 90.0)
            .into_iter()
            .next()
            .unwrap_or_default();
        self.put(LEFT, TOP, Style::Bold, 10.0, Ink::Text, &name);
        let continued = format!("({})", self.l.continued);
        self.put_right(RIGHT, TOP, Style::Regular, 9.0, Ink::Muted, &continued);
        let mut right = RIGHT - self.width(&continued, Style::Regular, 9.0) - 2.0;
        let mut what = self.l.title(self.input.kind).to_owned();
        if let Some(number) = self.number_text() {
            what = format!("{what} {number}");
        }
        self.put_right(right, TOP, Style::Bold, 10.0, Ink::Text, &what);
        right -= self.width(&what, Style::Bold, 10.0) + 2.5;
        if self.input.concept {
            self.put_right(right, TOP, Style::Bold, 10.0, Ink::Red, self.l.concept);
        }
        let rule = TOP + lh(10.0) + 1.5;
        self.canvas().hline(LEFT, RIGHT, rule, Ink::Rule, 0.5);
        self.y = rule + 5.0;
    }

    // -----------------------------------------------------------------------------------------
    // Addresses

    fn addresses(&mut self) {
        let l = self.l;
        let content = self.content;
        let col_w = 82.0;
        let top = self.y;

        let bill_x = LEFT;
        let mut y = self.address_label(bill_x, top, l.billing);
        y = self.address_lines(bill_x, y, col_w, &content.billing);
        if let Some(vat) = content
            .customer_vat_number
            .as_deref()
            .map(str::trim)
            .filter(|v| !v.is_empty())
        {
            y += 0.6;
            self.put(
                bill_x,
                y,
                Style::Regular,
                BODY,
                Ink::Text,
                &l.pair(l.vat, vat),
            );
            y += lh(BODY);
        }
        let email = content.billing.email.as_deref().unwrap_or_default().trim();
        let contacts: Vec<&str> = [email, content.billing.phone.trim()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect();
        if !contacts.is_empty() {
            y += 0.6;
        }
        for contact in contacts {
            for line in self.wrap(contact, Style::Regular, 8.0, col_w) {
                self.put(bill_x, y, Style::Regular, 8.0, Ink::Muted, &line);
                y += lh(8.0);
            }
        }
        let bill_bottom = y;

        let ship_x = LEFT + 92.0;
        let mut y = self.address_label(ship_x, top, l.shipping);
        if is_empty_address(&content.shipping) {
            self.put(
                ship_x,
                y,
                Style::Regular,
                9.0,
                Ink::Muted,
                l.same_as_billing,
            );
            y += lh(9.0);
        } else {
            y = self.address_lines(ship_x, y, col_w, &content.shipping);
        }
        if self.input.kind == DocumentKind::DeliveryNote {
            // The packer needs the carrier; the shipping line itself has no place in a table
            // of goods.
            let methods: Vec<&str> = content
                .lines
                .iter()
                .filter(|line| line.kind == LineKind::Shipping)
                .map(|line| line.description.as_str())
                .collect();
            if !methods.is_empty() {
                y += 0.6;
                let text = l.pair(l.shipping_method, &methods.join(", "));
                for line in self.wrap(&text, Style::Regular, BODY, col_w) {
                    self.put(ship_x, y, Style::Regular, BODY, Ink::Text, &line);
                    y += lh(BODY);
                }
            }
        }
        self.y = bill_bottom.max(y) + 6.0;
    }

    fn address_label(&mut self, x: f32, y: f32, label: &str) -> f32 {
        self.put(x, y, Style::Bold, 7.5, Ink::Muted, &label.to_uppercase());
        y + lh(7.5) + 0.8
    }

    fn address_lines(&mut self, x: f32, mut y: f32, width: f32, a: &Address) -> f32 {
        let company = a.company.trim();
        let person = format!("{} {}", a.first_name.trim(), a.last_name.trim());
        let person = person.trim();
        let mut lines: Vec<(Style, String)> = Vec::new();
        if !company.is_empty() {
            lines.push((Style::Bold, company.to_owned()));
        }
        if !person.is_empty() {
            let style = if company.is_empty() {
                Style::Bold
            } else {
                Style::Regular
            };
            lines.push((style, person.to_owned()));
        }
        for part in [a.address_1.trim(), a.address_2.trim()] {
            if !part.is_empty() {
                lines.push((Style::Regular, part.to_owned()));
            }
        }
        let city = format!("{} {}", a.postcode.trim(), a.city.trim());
        if !city.trim().is_empty() {
            lines.push((Style::Regular, city.trim().to_owned()));
        }
        if !a.state.trim().is_empty() {
            lines.push((Style::Regular, a.state.trim().to_owned()));
        }
        if !a.country.trim().is_empty() {
            lines.push((Style::Regular, country(&a.country, self.lang())));
        }
        for (style, text) in lines {
            for line in self.wrap(&text, style, 9.0, width) {
                self.put(x, y, style, 9.0, Ink::Text, &line);
                y += lh(9.0);
            }
        }
        y
    }

    // -----------------------------------------------------------------------------------------
    // The customer's note

    fn note(&mut self) {
        let note = self.content.customer_note.trim();
        if note.is_empty() {
            return;
        }
        let pad = 2.4;
        let size = 9.0;
        let lines = self.wrap(note, Style::Regular, size, RIGHT - LEFT - 2.0 * pad);
        let label = self.l.customer_note;
        let mut next = 0;
        let mut first = true;
        // A note longer than what is left of the page continues, in its own box, on the next.
        while first || next < lines.len() {
            let label_h = lh(7.5) + 0.8;
            if self.y + 2.0 * pad + label_h + lh(size) > BOTTOM {
                self.new_page();
            }
            let room = ((BOTTOM - self.y - 2.0 * pad - label_h) / lh(size)).floor() as usize;
            let count = room.max(1).min(lines.len() - next);
            let h = 2.0 * pad + label_h + count as f32 * lh(size);
            let y = self.y;
            self.canvas().fill_rect(LEFT, y, RIGHT - LEFT, h, Ink::Note);
            self.canvas()
                .stroke_rect(LEFT, y, RIGHT - LEFT, h, Ink::Rule, 0.6);
            self.put(
                LEFT + pad,
                y + pad,
                Style::Bold,
                7.5,
                Ink::Muted,
                &label.to_uppercase(),
            );
            let mut ly = y + pad + label_h;
            for line in &lines[next..next + count] {
                self.put(LEFT + pad, ly, Style::Regular, size, Ink::Text, line);
                ly += lh(size);
            }
            next += count;
            self.y = y + h;
            first = false;
            if next < lines.len() {
                self.new_page();
            }
        }
        self.y += 6.0;
    }

    // -----------------------------------------------------------------------------------------
    // The lines

    fn columns(&self) -> Vec<(Column, &'static str)> {
        let l = self.l;
        let mut out = Vec::new();
        let mut x = LEFT;
        let widths: Vec<(f32, Align, &'static str)> = if self.priced {
            vec![
                (23.0, Align::Left, l.sku),
                (0.0, Align::Left, l.description),
                (13.0, Align::Right, l.quantity),
                (23.0, Align::Right, l.unit_price),
                (12.0, Align::Right, l.vat_rate_column),
                (24.0, Align::Right, l.line_total),
            ]
        } else {
            vec![
                (32.0, Align::Left, l.sku),
                (0.0, Align::Left, l.description),
                (22.0, Align::Right, l.quantity),
            ]
        };
        let fixed: f32 = widths.iter().map(|(w, _, _)| w).sum();
        for (w, align, label) in widths {
            let w = if w == 0.0 { RIGHT - LEFT - fixed } else { w };
            out.push((Column { x, w, align }, label));
            x += w;
        }
        out
    }

    fn table_header(&mut self) {
        let columns = self.columns();
        let cells: Vec<(Column, f32, Vec<String>)> = columns
            .iter()
            .map(|(c, label)| {
                let room = c.w - 2.0 * CELL_PAD;
                // A label word wider than its column (Dutch `Eenheidsprijs`) is set a little
                // smaller rather than cut in the middle.
                let widest = label
                    .split(' ')
                    .map(|w| self.width(w, Style::Bold, HEADER))
                    .fold(0.0, f32::max);
                let size = if widest > room {
                    (HEADER * room / widest).max(6.0)
                } else {
                    HEADER
                };
                (*c, size, self.wrap(label, Style::Bold, size, room))
            })
            .collect();
        let h = cells
            .iter()
            .map(|(_, size, lines)| lines.len() as f32 * lh(*size))
            .fold(lh(HEADER), f32::max)
            + 2.0 * ROW_PAD;
        let y = self.y;
        self.canvas().fill_rect(LEFT, y, RIGHT - LEFT, h, Ink::Band);
        for (c, size, lines) in cells {
            // Labels sit at the bottom of the header, over their column's values.
            let mut ly = y + h - ROW_PAD - lines.len() as f32 * lh(size);
            for line in lines {
                self.cell(c, ly, Style::Bold, size, Ink::Text, &line);
                ly += lh(size);
            }
        }
        self.y = y + h;
    }

    fn cell(&mut self, c: Column, y: f32, style: Style, size: f32, ink: Ink, text: &str) {
        match c.align {
            Align::Left => self.put(c.x + CELL_PAD, y, style, size, ink, text),
            Align::Right => {
                // An amount too wide for its column (millions) is set smaller, on the same
                // baseline, rather than running into its neighbour.
                let room = c.w - 2.0 * CELL_PAD;
                let w = self.width(&self.faces.printable(text, style), style, size);
                let fitted = if w > room {
                    (size * room / w).max(5.5)
                } else {
                    size
                };
                let y = y + ascent(size) - ascent(fitted);
                self.put_right(c.x + c.w - CELL_PAD, y, style, fitted, ink, text);
            }
        }
    }

    fn table(&mut self) {
        let content = self.content;
        let lines: Vec<&DocumentLine> = content
            .lines
            .iter()
            .filter(|line| self.priced || line.kind != LineKind::Shipping)
            .collect();
        let columns: Vec<Column> = self.columns().into_iter().map(|(c, _)| c).collect();
        let rows: Vec<Row> = lines.iter().map(|line| self.row(line, &columns)).collect();
        // Never a table header alone at the bottom of a page: it comes with its first row.
        let first = rows.first().map_or(0.0, |r| r.height);
        self.ensure(TABLE_HEADER_ROOM + first);
        self.table_header();
        for row in &rows {
            if self.y + row.height > BOTTOM {
                self.new_page();
                self.table_header();
            }
            self.draw_row(row, &columns);
        }
    }

    fn row(&self, line: &DocumentLine, columns: &[Column]) -> Row {
        let lang = self.lang();
        let currency = &self.content.currency;
        let sku_col = columns[0];
        let desc_col = columns[1];
        let sku = line
            .sku
            .as_deref()
            .map(|s| self.wrap(s, Style::Regular, 8.0, sku_col.w - 2.0 * CELL_PAD))
            .unwrap_or_default();
        let mut description = self.wrap(
            &line.description,
            Style::Regular,
            BODY,
            desc_col.w - 2.0 * CELL_PAD,
        );
        if description.len() > MAX_DESCRIPTION_LINES {
            description.truncate(MAX_DESCRIPTION_LINES);
            if let Some(last) = description.last_mut() {
                last.push('…');
            }
        }
        let discount = (self.priced && !line.discount_excl.is_zero()).then(|| {
            let amount = format::money(-line.discount_excl, currency, lang);
            self.l.pair(self.l.discount, &amount)
        });
        let numbers = if self.priced {
            vec![
                format::quantity(line.quantity, lang),
                format::unit_price(line.unit_price_excl, currency, lang),
                format::rate(line.vat_rate, lang),
                format::money(line.total_excl, currency, lang),
            ]
        } else {
            vec![format::quantity(line.quantity, lang)]
        };
        // The discount follows the description on its last line when it fits there, else it
        // takes a line of its own.
        let discount = discount.map(|text| {
            let room = desc_col.w - 2.0 * CELL_PAD;
            let last_w = description
                .last()
                .map(|l| self.width(l, Style::Regular, BODY))
                .unwrap_or(0.0);
            let text_w = self.width(
                &self.faces.printable(&text, Style::Regular),
                Style::Regular,
                7.5,
            );
            let inline = (last_w + DISCOUNT_GAP + text_w <= room).then_some(last_w + DISCOUNT_GAP);
            (text, inline)
        });
        let desc_h = description.len().max(1) as f32 * lh(BODY)
            + match discount {
                Some((_, None)) => lh(7.5),
                _ => 0.0,
            };
        let sku_h = sku.len() as f32 * lh(8.0);
        Row {
            height: desc_h.max(sku_h).max(lh(BODY)) + 2.0 * ROW_PAD,
            sku,
            description,
            discount,
            numbers,
        }
    }

    fn draw_row(&mut self, row: &Row, columns: &[Column]) {
        let top = self.y + ROW_PAD;
        // Smaller SKUs share the description's first baseline.
        let sku_top = top + ascent(BODY) - ascent(8.0);
        for (i, line) in row.sku.iter().enumerate() {
            self.cell(
                columns[0],
                sku_top + i as f32 * lh(8.0),
                Style::Regular,
                8.0,
                Ink::Muted,
                line,
            );
        }
        let mut y = top;
        for line in &row.description {
            self.cell(columns[1], y, Style::Regular, BODY, Ink::Text, line);
            y += lh(BODY);
        }
        match &row.discount {
            Some((text, Some(dx))) => {
                // On the description's last baseline.
                let last = top + (row.description.len().max(1) - 1) as f32 * lh(BODY);
                let y = last + ascent(BODY) - ascent(7.5);
                let x = columns[1].x + CELL_PAD + dx;
                self.put(x, y, Style::Regular, 7.5, Ink::Muted, text);
            }
            Some((text, None)) => {
                self.cell(columns[1], y + 0.1, Style::Regular, 7.5, Ink::Muted, text);
            }
            None => {}
        }
        let style = if self.priced {
            Style::Regular
        } else {
            // On a delivery note the quantity is what the packer reads.
            Style::Bold
        };
        for (c, text) in columns[2..].iter().zip(&row.numbers) {
            self.cell(*c, top, style, BODY, Ink::Text, text);
        }
        self.y += row.height;
        let y = self.y;
        self.canvas().hline(LEFT, RIGHT, y, Ink::Rule, 0.4);
    }

    // -----------------------------------------------------------------------------------------
    // VAT summary and totals

    fn summary(&mut self) {
        let l = self.l;
        let lang = self.lang();
        let content = self.content;
        let currency = content.currency.as_str();
        if !self.priced {
            let count: comptoir_core::Money = content
                .lines
                .iter()
                .filter(|line| line.kind == LineKind::Product)
                .map(|line| line.quantity)
                .sum();
            self.ensure(10.0);
            let y = self.y + 3.0;
            let text = l.pair(l.item_count, &format::quantity(count, lang));
            self.put_right(RIGHT - CELL_PAD, y, Style::Bold, 9.0, Ink::Text, &text);
            self.y = y + lh(9.0);
            return;
        }

        let coupons = content.coupons.join(", ");
        let vat_rows = content.vat_summary.len() as f32;
        let left_h = lh(7.5)
            + 2.0
            + vat_rows * (lh(BODY) + 0.4)
            + if coupons.is_empty() {
                0.0
            } else {
                2.0 + lh(8.0)
            };
        let right_h = 2.0 * (lh(9.0) + 0.8) + 2.0 + lh(11.0) + 3.0;
        self.ensure(5.0 + left_h.max(right_h));
        let top = self.y + 5.0;

        // Left: VAT per rate.
        let rate_c = Column {
            x: LEFT,
            w: 26.0,
            align: Align::Left,
        };
        let base_c = Column {
            x: LEFT + 26.0,
            w: 34.0,
            align: Align::Right,
        };
        let vat_c = Column {
            x: LEFT + 60.0,
            w: 30.0,
            align: Align::Right,
        };
        let mut y = top;
        for (c, label) in [
            (rate_c, l.vat_rate),
            (base_c, l.vat_base),
            (vat_c, l.vat_amount),
        ] {
            self.cell(c, y, Style::Bold, 7.5, Ink::Muted, label);
        }
        y += lh(7.5) + 0.6;
        self.canvas().hline(LEFT, LEFT + 90.0, y, Ink::Rule, 0.4);
        y += 1.4;
        for row in &content.vat_summary {
            self.cell(
                rate_c,
                y,
                Style::Regular,
                BODY,
                Ink::Text,
                &format::rate(row.rate, lang),
            );
            self.cell(
                base_c,
                y,
                Style::Regular,
                BODY,
                Ink::Text,
                &format::money(row.base_excl, currency, lang),
            );
            self.cell(
                vat_c,
                y,
                Style::Regular,
                BODY,
                Ink::Text,
                &format::money(row.vat, currency, lang),
            );
            y += lh(BODY) + 0.4;
        }
        if !coupons.is_empty() {
            y += 2.0;
            let text = l.pair(l.coupons, &coupons);
            self.put(LEFT + CELL_PAD, y, Style::Regular, 8.0, Ink::Muted, &text);
            y += lh(8.0);
        }
        let left_bottom = y;

        // Right: the totals, the grand total on a band.
        let x = 118.0;
        let mut y = top;
        for (label, value) in [
            (l.total_excl, content.total_excl),
            (l.total_vat, content.total_vat),
        ] {
            self.put(x + CELL_PAD, y, Style::Regular, 9.0, Ink::Text, label);
            self.put_right(
                RIGHT - CELL_PAD,
                y,
                Style::Regular,
                9.0,
                Ink::Text,
                &format::money(value, currency, lang),
            );
            y += lh(9.0) + 0.8;
        }
        y += 0.6;
        let band_h = lh(11.0) + 3.0;
        self.canvas().fill_rect(x, y, RIGHT - x, band_h, Ink::Band);
        self.put(
            x + CELL_PAD,
            y + 1.5,
            Style::Bold,
            11.0,
            Ink::Text,
            l.total_incl,
        );
        let total = format::money(content.total, currency, lang);
        self.put_right(
            RIGHT - CELL_PAD,
            y + 1.5,
            Style::Bold,
            11.0,
            Ink::Text,
            &total,
        );
        y += band_h;
        self.y = left_bottom.max(y);
    }

    // -----------------------------------------------------------------------------------------
    // Payment

    fn payment(&mut self, p: &Payment) {
        let l = self.l;
        let lang = self.lang();
        let pad = 3.5;
        let mut rows: Vec<(&str, String, Style, f32)> = Vec::new();
        if let Some(iban) = &p.iban {
            rows.push(("IBAN", format::iban(iban), Style::Bold, 9.5));
        }
        if !p.bic.is_empty() {
            rows.push(("BIC", p.bic.clone(), Style::Regular, 9.5));
        }
        rows.push((
            l.amount,
            format::money(self.content.total, &self.content.currency, lang),
            Style::Bold,
            9.5,
        ));
        if let Some(c) = &p.communication {
            rows.push((l.communication, c.clone(), Style::Bold, 11.0));
        }
        let text_h = lh(10.0) + 2.0 + rows.iter().map(|r| lh(r.3) + 1.2).sum::<f32>();
        let qr_h = if p.qr.is_some() {
            QR_SIZE + lh(6.5)
        } else {
            0.0
        };
        let h = text_h.max(qr_h) + 2.0 * pad;
        self.ensure(6.0 + h);
        let top = self.y + 6.0;
        self.canvas()
            .stroke_rect(LEFT, top, RIGHT - LEFT, h, Ink::Rule, 0.8);

        let x = LEFT + pad;
        let mut y = top + pad;
        self.put(x, y, Style::Bold, 10.0, Ink::Text, l.payment);
        y += lh(10.0) + 2.0;
        let widest = rows
            .iter()
            .map(|r| self.width(r.0, Style::Regular, BODY))
            .fold(0.0, f32::max);
        let value_x = x + (widest + 5.0).max(32.0);
        for (label, value, style, size) in rows {
            // Labels share the value's baseline, whatever the value's size.
            let label_y = y + ascent(size) - ascent(BODY);
            self.put(x, label_y, Style::Regular, BODY, Ink::Muted, label);
            self.put(value_x, y, style, size, Ink::Text, &value);
            y += lh(size) + 1.2;
        }
        if let Some(code) = &p.qr {
            // The code's quiet zone is inside its square, so it sits flush with the padding.
            let qx = RIGHT - pad / 2.0 - QR_SIZE;
            let qy = top + pad / 2.0;
            self.canvas().qr(code, qx, qy, QR_SIZE);
            let caption_y = qy + QR_SIZE - 1.2;
            let caption_w = self.width(l.scan, Style::Regular, 6.5);
            // Centred under the code, but never over the box's edge.
            let caption_x = (qx + (QR_SIZE - caption_w) / 2.0).min(RIGHT - pad / 2.0 - caption_w);
            self.put(
                caption_x,
                caption_y,
                Style::Regular,
                6.5,
                Ink::Muted,
                l.scan,
            );
        }
        self.y = top + h;
    }

    // -----------------------------------------------------------------------------------------
    // Legend and footers

    fn legend(&mut self) {
        let legend = self.input.legend.trim();
        if legend.is_empty() {
            return;
        }
        let lines = self.wrap(legend, Style::Regular, BODY, RIGHT - LEFT);
        self.y += 6.0;
        for line in lines {
            self.ensure(lh(BODY));
            let y = self.y;
            self.put(LEFT, y, Style::Regular, BODY, Ink::Text, &line);
            self.y += lh(BODY);
        }
    }

    /// The shop's legal identity and the page number, `1/3`, at the foot of every page.
    fn footers(&mut self) {
        let shop = self.input.shop;
        let l = self.l;
        let mut parts: Vec<String> = Vec::new();
        let name = shop.name.split_whitespace().collect::<Vec<_>>().join(" ");
        if !name.is_empty() {
            parts.push(name);
        }
        if !shop.vat_number.trim().is_empty() {
            parts.push(format!("{} {}", l.vat, shop.vat_number.trim()));
        }
        if let Ok(iban) = epc::iban(&shop.iban) {
            parts.push(format!("IBAN {}", format::iban(&iban)));
        }
        let size = 7.0;
        // What does not fit beside the page number is left out, last first.
        let mut text = String::new();
        while !parts.is_empty() {
            let candidate = self.faces.printable(&parts.join("  ·  "), Style::Regular);
            if self.width(&candidate, Style::Regular, size) <= RIGHT - LEFT - 20.0 {
                text = candidate;
                break;
            }
            parts.pop();
        }
        let total = self.pages.len();
        let ids = self.ids;
        for (i, page) in self.pages.iter_mut().enumerate() {
            page.hline(LEFT, RIGHT, FOOTER_RULE, Ink::Rule, 0.5);
            let y = FOOTER_RULE + 1.8 + ascent(size);
            page.text(
                ids,
                LEFT,
                y,
                Pen {
                    style: Style::Regular,
                    size,
                    ink: Ink::Muted,
                },
                &text,
            );
            let number = format!("{}/{total}", i + 1);
            let w = self.faces.regular.width_mm(&number, 8.0);
            let pen = Pen {
                style: Style::Regular,
                size: 8.0,
                ink: Ink::Text,
            };
            page.text(ids, RIGHT - w, y, pen, &number);
        }
    }
}

struct Row {
    height: f32,
    sku: Vec<String>,
    description: Vec<String>,
    /// The discount's text and, when it follows the description on the same line, how far
    /// from the column's start.
    discount: Option<(String, Option<f32>)>,
    numbers: Vec<String>,
}

fn is_empty_address(a: &Address) -> bool {
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
