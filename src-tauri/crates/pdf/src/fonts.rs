//! The embedded typeface (DejaVu Sans, regular and bold; licence in `fonts/LICENSE`), its
//! glyph widths for measuring and wrapping text, and the replacement of characters it cannot
//! draw.
//!
//! Text is measured here with the same integer widths (thousandths of an em) that printpdf
//! writes in the PDF's `/W` array, so right-aligned amounts end exactly where they should.

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
    pub parsed: ParsedFont,
    units_per_em: f32,
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
    fn parse(bytes: &[u8], name: &str) -> Result<Face, String> {
        let mut warnings = Vec::new();
        let parsed = ParsedFont::from_bytes(bytes, 0, &mut warnings)
            .ok_or_else(|| format!("{name} could not be parsed"))?;
        let units_per_em = f32::from(parsed.pdf_font_metrics.units_per_em);
        if units_per_em <= 0.0 {
            return Err(format!("{name} has no units per em"));
        }
        Ok(Face {
            parsed,
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
