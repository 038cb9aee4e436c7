//! The embedded typeface (DejaVu Sans, regular and bold; licence in `fonts/LICENSE`), its
//! glyph widths for measuring and wrapping text, and the replacement of characters it cannot
//! draw.
//!
//! Text is measured here with the same integer widths (thousandths of an em) that printpdf
//! writes in the PDF's `/W` array, so right-aligned amounts end exactly where they should.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::ops::RangeInclusive;
use std::sync::OnceLock;

use printpdf::ParsedFont;

use crate::PdfError;

const REGULAR: &[u8] = include_bytes!("../fonts/DejaVuSans.ttf");
const BOLD: &[u8] = include_bytes!("../fonts/DejaVuSans-Bold.ttf");

/// What prints in place of a character the font lacks: a white square, the usual sign of a
/// missing glyph, which both faces have. A `?` would read as punctuation the customer wrote.
pub(crate) const REPLACEMENT: char = '\u{25A1}';

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Style {
    Regular,
    Bold,
}

pub(crate) struct Face {
    /// The whole face: what characters are looked up in, what text is measured with, what
    /// prints the characters outside [`COMMON`].
    pub parsed: ParsedFont,
    /// The same face reduced to the glyphs of [`COMMON`]: what the text of nearly every
    /// document prints with.
    pub common: ParsedFont,
    units_per_em: f32,
}

/// The characters of nearly every document, with a little to spare: Latin with its
/// extensions and accents, Greek, Cyrillic, punctuation, currency signs, letter-like symbols,
/// number forms, arrows, the minus sign, geometric shapes (the [`REPLACEMENT`] square among
/// them), the Latin ligatures and `U+FFFD`.
///
/// printpdf subsets a face anew for every PDF, and its subsetter goes through the whole source
/// face each time (its 6,000 glyphs, its character map): that was a third of a one-page
/// render. Subset from a face of these 1,900 glyphs, made once per process, it takes a fraction
/// of that; the glyphs and widths are the same. A run of text with a character outside these
/// (an Armenian name, a chess piece) prints with the whole face, so nothing DejaVu Sans draws
/// is lost, and such a document embeds both.
const COMMON: &[RangeInclusive<u32>] = &[
    0x20..=0x24F,
    0x2B0..=0x4FF,
    0x1E00..=0x1EFF,
    0x2000..=0x21FF,
    0x2212..=0x2212,
    0x25A0..=0x25FF,
    0xFB00..=0xFB06,
    0xFFFD..=0xFFFD,
];

/// Whether every character of `text` is in [`COMMON`].
pub(crate) fn is_common(text: &str) -> bool {
    text.chars().all(|c| {
        let c = u32::from(c);
        // Most text is Basic Latin and Latin-1.
        (0x20..=0xFF).contains(&c) || COMMON.iter().any(|r| r.contains(&c))
    })
}

pub(crate) struct Faces {
    pub regular: Face,
    pub bold: Face,
}

/// Parsing a face takes a few milliseconds, more than the rest of a one-page render, so it is
/// done once per process.
static FACES: OnceLock<Result<Faces, String>> = OnceLock::new();

pub(crate) fn faces() -> Result<&'static Faces, PdfError> {
    FACES
        .get_or_init(|| {
            Ok(Faces {
                regular: Face::parse(REGULAR, "DejaVu Sans")?,
                bold: Face::parse(BOLD, "DejaVu Sans Bold")?,
            })
        })
        .as_ref()
        .map_err(|e| PdfError::Font(e.clone()))
}

impl Face {
    /// Parses the face as it is embedded: without the licence's full text in its `name` table
    /// and without glyph names (see [`for_embedding`]), since every subset copies or reads
    /// those tables whole.
    fn parse(bytes: &[u8], name: &str) -> Result<Face, String> {
        let bytes = for_embedding(bytes).map_err(|e| format!("{name}: {e}"))?;
        let mut warnings = Vec::new();
        let parsed = ParsedFont::from_bytes(&bytes, 0, &mut warnings)
            .ok_or_else(|| format!("{name} could not be parsed"))?;
        let units_per_em = f32::from(parsed.pdf_font_metrics.units_per_em);
        if units_per_em <= 0.0 {
            return Err(format!("{name} has no units per em"));
        }
        let common = common_face(&parsed, &bytes).map_err(|e| format!("{name}: {e}"))?;
        Ok(Face {
            parsed,
            common,
            units_per_em,
        })
    }

    pub fn has(&self, c: char) -> bool {
        self.parsed.lookup_glyph_index(c as u32).is_some()
    }

    /// The advance of `c` in thousandths of an em, truncated as printpdf truncates it in `/W`.
    fn advance(&self, c: char) -> i64 {
        let gid = self.parsed.lookup_glyph_index(c as u32).unwrap_or(0);
        let raw = f32::from(self.parsed.get_horizontal_advance(gid));
        (raw * 1000.0 / self.units_per_em) as i64
    }

    /// The width of `text` at `size` points, in millimetres.
    pub fn width_mm(&self, text: &str, size: f32) -> f32 {
        let units: i64 = text.chars().map(|c| self.advance(c)).sum();
        units as f32 / 1000.0 * size * MM_PER_PT
    }
}

pub(crate) const MM_PER_PT: f32 = 25.4 / 72.0;

/// The `name` record holding the licence's full text ("License Description").
const LICENSE_DESCRIPTION: u16 = 13;

/// `font` (a TrueType file) with the licence's full text left out of its `name` table and
/// without glyph names in its `post` table.
///
/// DejaVu's `name` table is 15.6 KB, nearly all of it the licence's text stored twice (Mac and
/// Windows records), and the subsetter copies that table whole into every PDF: it made half of
/// each embedded subset and of the time spent compressing them. PDF readers use the names
/// (family, style, full and PostScript name), which stay, as do the copyright notices and the
/// address of the licence (records 0 and 14): the embedded face still says whose it is and
/// where its licence is; the licence itself ships with Comptoir in `fonts/LICENSE`. The other
/// tables (but `post`, see below) are kept byte for byte; the checksums are recomputed.
fn for_embedding(font: &[u8]) -> Result<Vec<u8>, String> {
    let tables = read_tables(font)?
        .into_iter()
        .map(|(tag, data)| {
            let data = match &tag {
                b"name" => Cow::Owned(shrink_name_table(data)?),
                // Version 3: the same header (italic angle, underline, fixed pitch) without the
                // names of the glyphs, which a PDF never uses (its text is read through
                // `/ToUnicode`) and which the subsetter read whole for every PDF.
                b"post" => {
                    let mut post = data.get(..32).ok_or(CUT_SHORT)?.to_vec();
                    post[..4].copy_from_slice(&0x0003_0000_u32.to_be_bytes());
                    Cow::Owned(post)
                }
                _ => Cow::Borrowed(data),
            };
            Ok((tag, data))
        })
        .collect::<Result<Vec<_>, String>>()?;
    write_font(font, tables)
}

/// A font's tables: tag and bytes.
type Tables<'a> = Vec<([u8; 4], &'a [u8])>;

/// The tables of a TrueType file, in the order of its table directory.
fn read_tables(font: &[u8]) -> Result<Tables<'_>, String> {
    let num_tables = usize::from(u16_at(font, 4)?);
    (0..num_tables)
        .map(|i| {
            let record = 12 + 16 * i;
            let tag: [u8; 4] = font
                .get(record..record + 4)
                .and_then(|t| t.try_into().ok())
                .ok_or(CUT_SHORT)?;
            let offset = u32_at(font, record + 8)? as usize;
            let length = u32_at(font, record + 12)? as usize;
            let data = font
                .get(offset..offset.saturating_add(length))
                .ok_or_else(|| format!("its {} table lies outside the file", tag.escape_ascii()))?;
            Ok((tag, data))
        })
        .collect()
}

/// A TrueType file of `tables` (with the sfnt version of `like`), sorted by tag as the table
/// directory must be, each starting on a multiple of four bytes, with the checksums computed.
fn write_font(like: &[u8], mut tables: Vec<([u8; 4], Cow<[u8]>)>) -> Result<Vec<u8>, String> {
    tables.sort_by_key(|(tag, _)| *tag);
    let version = like.get(..4).ok_or(CUT_SHORT)?;
    let count = u16::try_from(tables.len()).map_err(|_| TOO_LARGE)?;
    // The binary search fields: the largest power of two not above the count, times 16, its
    // logarithm, and the rest.
    let power = if count == 0 { 0 } else { 1u16 << count.ilog2() };
    let search_range = power * 16;
    let mut out = Vec::with_capacity(tables.iter().map(|(_, d)| d.len() + 20).sum::<usize>() + 12);
    out.extend_from_slice(version);
    for n in [
        count,
        search_range,
        power.max(1).ilog2() as u16,
        count * 16 - search_range,
    ] {
        out.extend_from_slice(&n.to_be_bytes());
    }
    // The head table's checksum adjustment (its bytes 8 to 11) counts as zero until the whole
    // file's checksum is known.
    for (tag, data) in &mut tables {
        if tag == b"head" {
            data.to_mut().get_mut(8..12).ok_or(CUT_SHORT)?.fill(0);
        }
    }
    let mut offset = 12 + 16 * tables.len();
    for (tag, data) in &tables {
        out.extend_from_slice(tag);
        out.extend_from_slice(&checksum(data).to_be_bytes());
        for n in [offset, data.len()] {
            out.extend_from_slice(&u32::try_from(n).map_err(|_| TOO_LARGE)?.to_be_bytes());
        }
        offset += data.len().next_multiple_of(4);
    }
    let mut head_at = None;
    for (tag, data) in &tables {
        if tag == b"head" {
            head_at = Some(out.len());
        }
        out.extend_from_slice(data);
        out.resize(out.len().next_multiple_of(4), 0);
    }
    if let Some(at) = head_at {
        let adjustment = 0xB1B0_AFBA_u32.wrapping_sub(checksum(&out));
        out[at + 8..at + 12].copy_from_slice(&adjustment.to_be_bytes());
    }
    Ok(out)
}

/// `full` (parsed from `bytes`) reduced to the glyphs of [`COMMON`]. The subsetter leaves out
/// the `OS/2` table; it is put back, so that the PDF describes the face as before (its weight
/// class gives the stem width of `/FontDescriptor`).
fn common_face(full: &ParsedFont, bytes: &[u8]) -> Result<ParsedFont, String> {
    let mut glyphs = BTreeMap::new();
    for c in COMMON.iter().flat_map(|r| r.clone()) {
        if let (Some(ch), Some(gid)) = (char::from_u32(c), full.lookup_glyph_index(c)) {
            glyphs.entry(gid).or_insert_with(|| ch.to_string());
        }
    }
    let subset = printpdf::subset_font(full, &glyphs)
        .map_err(|e| format!("its common glyphs could not be set apart ({e})"))?;
    let mut tables: Vec<([u8; 4], Cow<[u8]>)> = read_tables(&subset.bytes)?
        .into_iter()
        .map(|(tag, data)| (tag, Cow::Borrowed(data)))
        .collect();
    if !tables.iter().any(|(tag, _)| tag == b"OS/2")
        && let Some((_, os2)) = read_tables(bytes)?
            .into_iter()
            .find(|(tag, _)| tag == b"OS/2")
    {
        tables.push((*b"OS/2", Cow::Borrowed(os2)));
    }
    let font = write_font(&subset.bytes, tables)?;
    let mut warnings = Vec::new();
    ParsedFont::from_bytes(&font, 0, &mut warnings)
        .ok_or_else(|| "its common glyphs could not be parsed".to_owned())
}

const CUT_SHORT: &str = "the file is cut short";
const TOO_LARGE: &str = "the file is too large";

/// A `name` table (format 0) without its [`LICENSE_DESCRIPTION`] records. A format 1 table
/// (with language tags) is kept as it is.
fn shrink_name_table(name: &[u8]) -> Result<Vec<u8>, String> {
    if u16_at(name, 0)? != 0 {
        return Ok(name.to_vec());
    }
    let count = usize::from(u16_at(name, 2)?);
    let storage = usize::from(u16_at(name, 4)?);
    let mut kept = Vec::with_capacity(count);
    for i in 0..count {
        let record = 6 + 12 * i;
        if u16_at(name, record + 6)? == LICENSE_DESCRIPTION {
            continue;
        }
        // Platform, encoding, language and name ids, kept in their (sorted) order.
        let ids = name.get(record..record + 8).ok_or(CUT_SHORT)?;
        let length = usize::from(u16_at(name, record + 8)?);
        let at = storage + usize::from(u16_at(name, record + 10)?);
        let text = name.get(at..at + length).ok_or(CUT_SHORT)?;
        kept.push((ids, text));
    }
    let strings_at = 6 + 12 * kept.len();
    let mut out = Vec::with_capacity(strings_at + kept.iter().map(|(_, t)| t.len()).sum::<usize>());
    out.extend_from_slice(&0u16.to_be_bytes());
    // Fewer records and strings than the table had, so every count and offset still fits.
    for n in [kept.len(), strings_at] {
        out.extend_from_slice(&u16::try_from(n).map_err(|_| TOO_LARGE)?.to_be_bytes());
    }
    let mut strings = Vec::new();
    for (ids, text) in &kept {
        out.extend_from_slice(ids);
        for n in [text.len(), strings.len()] {
            out.extend_from_slice(&u16::try_from(n).map_err(|_| TOO_LARGE)?.to_be_bytes());
        }
        strings.extend_from_slice(text);
    }
    out.extend_from_slice(&strings);
    Ok(out)
}

/// The sum of the big-endian 32-bit words of `data`, zero-padded (the sfnt table checksum).
fn checksum(data: &[u8]) -> u32 {
    data.chunks(4).fold(0u32, |sum, word| {
        let mut w = [0u8; 4];
        w[..word.len()].copy_from_slice(word);
        sum.wrapping_add(u32::from_be_bytes(w))
    })
}

fn u16_at(data: &[u8], at: usize) -> Result<u16, String> {
    data.get(at..at + 2)
        .map(|b| u16::from_be_bytes([b[0], b[1]]))
        .ok_or_else(|| CUT_SHORT.to_owned())
}

fn u32_at(data: &[u8], at: usize) -> Result<u32, String> {
    data.get(at..at + 4)
        .map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
        .ok_or_else(|| CUT_SHORT.to_owned())
}

impl Faces {
    pub fn face(&self, style: Style) -> &Face {
        match style {
            Style::Regular => &self.regular,
            Style::Bold => &self.bold,
        }
    }

    /// `text` made printable in `style`: characters the font lacks become one [`REPLACEMENT`]
    /// per symbol (an emoji built of several code points — skin tone, variation selector, joined
    /// sequences, flags — is one symbol); invisible formatting characters are dropped, since
    /// they print nothing anyway; tabs and other control characters become spaces. Line breaks
    /// are the caller's business and also become spaces here.
    pub fn printable(&self, text: &str, style: Style) -> String {
        let face = self.face(style);
        let mut out = String::with_capacity(text.len());
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            if is_invisible(c) {
                continue;
            }
            if c.is_control() {
                out.push(' ');
                continue;
            }
            if face.has(c) {
                out.push(c);
                continue;
            }
            out.push(REPLACEMENT);
            // Swallow the rest of the symbol so that one emoji gives one square.
            let mut regional = is_regional_indicator(c);
            while let Some(&next) = chars.peek() {
                if next == '\u{200D}' {
                    chars.next();
                    chars.next();
                } else if is_emoji_modifier(next) || is_invisible(next) {
                    chars.next();
                } else if regional && is_regional_indicator(next) {
                    // A flag is a pair of regional indicators.
                    chars.next();
                    regional = false;
                } else {
                    break;
                }
            }
        }
        out
    }
}

/// Characters that print nothing: zero-width spaces and joiners, direction marks, the byte
/// order mark, soft hyphens, variation selectors.
fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}'
        | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}'
        | '\u{FEFF}'
        | '\u{FE00}'..='\u{FE0F}'
        | '\u{E0100}'..='\u{E01EF}')
}

/// Skin tones, tag characters and the keycap mark, which only ever follow an emoji.
fn is_emoji_modifier(c: char) -> bool {
    matches!(c, '\u{1F3FB}'..='\u{1F3FF}' | '\u{E0020}'..='\u{E007F}' | '\u{20E3}')
}

fn is_regional_indicator(c: char) -> bool {
    matches!(c, '\u{1F1E6}'..='\u{1F1FF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_font_has_what_belgian_documents_need() {
        let f = faces().unwrap();
        for style in [Style::Regular, Style::Bold] {
            for c in "€«»—–×ëçßéèàâîôûüÄÖÜ°№ ".chars() {
                assert!(f.face(style).has(c), "{c:?} in {style:?}");
            }
            assert!(f.face(style).has(REPLACEMENT));
        }
    }

    #[test]
    fn missing_characters_become_one_square_per_symbol() {
        let f = faces().unwrap();
        let p = |s: &str| f.printable(s, Style::Regular);
        assert_eq!(p("« fragile » 🎁"), "« fragile » □");
        // Family (joined), thumbs up with skin tone and variation selector, Belgian flag.
        assert_eq!(p("a👨\u{200D}👩\u{200D}👧b👍🏽\u{FE0F}c🇧🇪d"), "a□b□c□d");
        assert_eq!(p("x\u{200B}y\u{00AD}z\tw"), "xyz w");
        assert_eq!(p("Straße, Noël, façade — 2×"), "Straße, Noël, façade — 2×");
    }

    /// The name records of a `name` table: (platform, name id, text as bytes).
    fn name_records(font: &[u8]) -> Vec<(u16, u16, Vec<u8>)> {
        let tables = usize::from(u16_at(font, 4).unwrap());
        let record = (0..tables)
            .map(|i| 12 + 16 * i)
            .find(|r| &font[*r..*r + 4] == b"name")
            .unwrap();
        let at = u32_at(font, record + 8).unwrap() as usize;
        let name = &font[at..];
        let storage = usize::from(u16_at(name, 4).unwrap());
        (0..usize::from(u16_at(name, 2).unwrap()))
            .map(|i| {
                let r = 6 + 12 * i;
                let len = usize::from(u16_at(name, r + 8).unwrap());
                let off = storage + usize::from(u16_at(name, r + 10).unwrap());
                (
                    u16_at(name, r).unwrap(),
                    u16_at(name, r + 6).unwrap(),
                    name[off..off + len].to_vec(),
                )
            })
            .collect()
    }

    /// The table directory: (tag, checksum, data).
    fn tables(font: &[u8]) -> Vec<([u8; 4], u32, Vec<u8>)> {
        (0..usize::from(u16_at(font, 4).unwrap()))
            .map(|i| {
                let r = 12 + 16 * i;
                let (at, len) = (u32_at(font, r + 8).unwrap(), u32_at(font, r + 12).unwrap());
                (
                    font[r..r + 4].try_into().unwrap(),
                    u32_at(font, r + 4).unwrap(),
                    font[at as usize..(at + len) as usize].to_vec(),
                )
            })
            .collect()
    }

    #[test]
    fn the_embedded_faces_keep_their_names_and_copyright_but_not_the_licence_text() {
        for original in [REGULAR, BOLD] {
            let shrunk = for_embedding(original).unwrap();
            let before = name_records(original);
            let after = name_records(&shrunk);
            let text: usize = after.iter().map(|r| r.2.len()).sum();
            assert!(text < 1_500, "{text} bytes of names left");
            assert!(before.iter().any(|r| r.1 == LICENSE_DESCRIPTION));
            let expected: Vec<_> = before
                .into_iter()
                .filter(|r| r.1 != LICENSE_DESCRIPTION)
                .collect();
            assert_eq!(after, expected);
            for id in [0, 1, 2, 4, 6, 14] {
                assert!(after.iter().any(|r| r.0 == 3 && r.1 == id), "name {id}");
            }

            // Every other table is unchanged (head but for its checksum adjustment, post but
            // for its glyph names), every checksum is right, and the file's adds up to the
            // magic number.
            let (old, new) = (tables(original), tables(&shrunk));
            assert_eq!(old.len(), new.len());
            for ((tag, _, data), (new_tag, sum, new_data)) in old.iter().zip(&new) {
                assert_eq!(tag, new_tag);
                match tag {
                    b"name" => {}
                    b"post" => {
                        assert_eq!(new_data[..4], [0, 3, 0, 0]);
                        assert_eq!(data[4..32], new_data[4..]);
                    }
                    b"head" => {
                        assert_eq!(data[..8], new_data[..8]);
                        assert_eq!(data[12..], new_data[12..]);
                    }
                    _ => assert_eq!(data, new_data, "{}", tag.escape_ascii()),
                }
                let mut zeroed = new_data.clone();
                if tag == b"head" {
                    zeroed[8..12].fill(0);
                }
                assert_eq!(*sum, checksum(&zeroed), "{}", tag.escape_ascii());
            }
            assert_eq!(checksum(&shrunk), 0xB1B0_AFBA);
        }
        let f = faces().unwrap();
        assert_eq!(f.regular.parsed.font_name.as_deref(), Some("DejaVuSans"));
        assert_eq!(f.bold.parsed.font_name.as_deref(), Some("DejaVuSans-Bold"));
    }

    #[test]
    fn the_common_faces_have_every_common_glyph_with_its_width() {
        let f = faces().unwrap();
        for style in [Style::Regular, Style::Bold] {
            let face = f.face(style);
            let (full, common) = (&face.parsed, &face.common);
            assert!(
                common.num_glyphs < full.num_glyphs / 3,
                "{}",
                common.num_glyphs
            );
            let mut drawn = 0;
            for c in COMMON.iter().flat_map(|r| r.clone()) {
                let Some(gid) = full.lookup_glyph_index(c) else {
                    continue;
                };
                let small = common.lookup_glyph_index(c);
                assert!(small.is_some(), "U+{c:04X} in the common {style:?} face");
                assert_eq!(
                    full.get_horizontal_advance(gid),
                    common.get_horizontal_advance(small.unwrap_or(0)),
                    "U+{c:04X}"
                );
                drawn += 1;
            }
            assert!(drawn > 1_000, "{drawn}");
            assert_eq!(full.font_name, common.font_name);
            assert_eq!(
                full.pdf_font_metrics.us_weight_class,
                common.pdf_font_metrics.us_weight_class
            );
        }
        assert!(is_common(
            "Straße, Noël, façade — 2× € «» □ Αθηνά Иванова ﬁ"
        ));
        assert!(!is_common("Բարեւ"));
        assert!(!is_common("♞"));
    }

    #[test]
    fn a_damaged_font_is_refused_with_a_reason() {
        assert_eq!(for_embedding(&REGULAR[..8]).unwrap_err(), CUT_SHORT);
        assert!(
            for_embedding(&REGULAR[..4000])
                .unwrap_err()
                .contains("outside the file")
        );
    }

    #[test]
    fn widths_add_up() {
        let f = faces().unwrap();
        let a = f.regular.width_mm("Facture", 10.0);
        let b = f.regular.width_mm("Fac", 10.0) + f.regular.width_mm("ture", 10.0);
        assert!((a - b).abs() < 1e-4);
        assert!(f.bold.width_mm("Facture", 10.0) > a);
        assert!(a > 10.0 && a < 20.0, "{a}");
    }
}
