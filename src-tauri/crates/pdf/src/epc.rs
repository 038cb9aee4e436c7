//! The EPC QR code ("SEPA credit transfer" QR, EPC069-12) that banking apps scan to pay an
//! invoice: version 002, UTF-8, error correction M. Belgian banks read the structured
//! communication's twelve digits from the structured-reference line, so that line carries them
//! and the free-text remittance line stays empty (a bank that finds both may prefer the free
//! text, and the payment would no longer match the invoice automatically).

use comptoir_core::{Money, StructuredCommunication};
use qrcode::bits::Bits;
use qrcode::canvas::{Canvas, MaskPattern};
use qrcode::{Color, EcLevel, Version};
use rust_decimal::Decimal;

use crate::{PdfError, Shop};

/// The beneficiary name may have at most 70 characters.
const NAME_MAX: usize = 70;
/// The whole payload may have at most 331 bytes (what QR version 13 holds at level M).
const PAYLOAD_MAX: usize = 331;

/// The EPC069-12 payload asking to pay `amount` euro to the shop with the structured
/// communication `ogm` (written `+++123/4567/89012+++` or as its twelve digits). Lines are
/// separated by `\n`, and end with the structured reference: the trailing empty lines
/// (free text, note to the payer) are left out, as the standard allows.
pub fn epc_qr_payload(shop: &Shop, amount: Money, ogm: &str) -> Result<String, PdfError> {
    let name = beneficiary_name(&shop.name).ok_or(PdfError::NoShopName)?;
    let iban = iban(&shop.iban)?;
    let bic = bic(&shop.bic)?;
    let amount = epc_amount(amount)?;
    let ogm = StructuredCommunication::parse(ogm)
        .ok_or_else(|| PdfError::Communication(ogm.trim().to_owned()))?;
    let payload = [
        "BCD",
        "002",
        "1",
        "SCT",
        bic.as_str(),
        name.as_str(),
        iban.as_str(),
        amount.as_str(),
        "",
        ogm.digits(),
    ]
    .join("\n");
    if payload.len() > PAYLOAD_MAX {
        return Err(PdfError::QrCode(format!(
            "{} bytes, at most {PAYLOAD_MAX}",
            payload.len()
        )));
    }
    Ok(payload)
}

/// A QR code's modules, row after row (`true` is dark), without the quiet zone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Qr {
    width: usize,
    dark: Vec<bool>,
}

impl Qr {
    /// The number of modules on a side.
    pub fn width(&self) -> usize {
        self.width
    }

    pub fn is_dark(&self, col: usize, row: usize) -> bool {
        self.dark[row * self.width + col]
    }
}

/// The QR code for a payload, in byte mode (the mode every banking app reads) and at the
/// smallest version that holds it, up to version 13 as EPC069-12 requires.
pub(crate) fn qr_code(payload: &str) -> Result<Qr, PdfError> {
    let mut last = String::new();
    for v in 1..=13 {
        let mut bits = Bits::new(Version::Normal(v));
        let fits = bits
            .push_byte_data(payload.as_bytes())
            .and_then(|()| bits.push_terminator(EcLevel::M));
        match fits {
            Ok(()) => return encode(bits),
            Err(e) => last = e.to_string(),
        }
    }
    Err(PdfError::QrCode(last))
}

/// The eight mask patterns, in the order of their numbers (which decides between equal scores).
const MASKS: [MaskPattern; 8] = [
    MaskPattern::Checkerboard,
    MaskPattern::HorizontalLines,
    MaskPattern::VerticalLines,
    MaskPattern::DiagonalLines,
    MaskPattern::LargeCheckerboard,
    MaskPattern::Fields,
    MaskPattern::Diamonds,
    MaskPattern::Meadow,
];

/// What `QrCode::with_bits` does, with a quicker choice of the mask: qrcode scores each of the
/// eight masks module by module through boxed closures, which took an eighth of a one-page
/// render. The same penalties (ISO/IEC 18004's four rules, counted as qrcode counts them) are
/// counted here over a plain grid, so the same mask wins and the same code comes out.
fn encode(bits: Bits) -> Result<Qr, PdfError> {
    let version = bits.version();
    let (data, ec) = qrcode::ec::construct_codewords(&bits.into_bytes(), version, EcLevel::M)
        .map_err(|e| PdfError::QrCode(e.to_string()))?;
    let mut canvas = Canvas::new(version, EcLevel::M);
    canvas.draw_all_functional_patterns();
    canvas.draw_data(&data, &ec);
    let width = usize::try_from(version.width()).map_err(|e| PdfError::QrCode(e.to_string()))?;
    let mut best: Option<(u32, Vec<bool>)> = None;
    for mask in MASKS {
        let mut masked = canvas.clone();
        masked.apply_mask(mask);
        let dark: Vec<bool> = masked
            .into_colors()
            .into_iter()
            .map(|c| c == Color::Dark)
            .collect();
        let score = penalty(&dark, width);
        if best.as_ref().is_none_or(|(lowest, _)| score < *lowest) {
            best = Some((score, dark));
        }
    }
    let (_, dark) = best.ok_or_else(|| PdfError::QrCode("no mask".into()))?;
    Ok(Qr { width, dark })
}

/// The mask penalty of a grid of `w` × `w` modules (row after row): the lower, the easier to
/// scan. Each row and column is a bit mask (bit `i` is module `i`, dark is 1; a code is at
/// most 69 modules wide), so that each rule is a few shifts and counts per line.
fn penalty(dark: &[bool], w: usize) -> u32 {
    if !(2..=100).contains(&w) || dark.len() != w * w {
        return u32::MAX;
    }
    let mut rows = vec![0u128; w];
    let mut columns = vec![0u128; w];
    for (i, _) in dark.iter().enumerate().filter(|(_, d)| **d) {
        let (y, x) = (i / w, i % w);
        rows[y] |= 1 << x;
        columns[x] |= 1 << y;
    }
    let all = (1u128 << w) - 1;
    let mut score: u32 = rows
        .iter()
        .chain(&columns)
        .map(|l| line_penalty(*l, w))
        .sum();
    // Blocks of 2 × 2 modules of one colour, overlapping ones included: 3 points each.
    for pair in rows.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let same_below = !(a ^ b);
        let same_right = !(a ^ (a >> 1));
        score += 3 * (same_below & (same_below >> 1) & same_right & (all >> 1)).count_ones();
    }
    // The share of dark modules away from half: 1 point per half per cent.
    let dark_modules: u32 = rows.iter().map(|r| r.count_ones()).sum();
    let ratio = dark_modules as usize * 200 / dark.len();
    score + ratio.abs_diff(100) as u32
}

/// The penalties of one row or column of `w` modules (bit `i` is module `i`, dark is 1).
fn line_penalty(line: u128, w: usize) -> u32 {
    let all = (1u128 << w) - 1;
    // Runs of five or more modules of one colour: 3 points, and 1 per module more. Bit `i` of
    // `same` says module `i + 1` is of the colour of module `i`; a run of L modules is L - 1
    // such bits, and `four` has L - 4 of them where four follow each other: L - 2 points are
    // `four`'s bits and 2 per run of them.
    let same = !(line ^ (line >> 1)) & (all >> 1);
    let four = same & (same >> 1) & (same >> 2) & (same >> 3);
    let runs = (four & !(four >> 1)).count_ones();
    let mut score = four.count_ones() + 2 * runs;
    // Dark-light-dark-dark-dark-light-dark (a finder pattern's look) without four light
    // modules on one side or the other (outside the code counts as light): 40 points each.
    const FINDER: [bool; 7] = [true, false, true, true, true, false, true];
    let mut found = all >> 6;
    for (k, dark) in FINDER.iter().enumerate() {
        found &= if *dark { line >> k } else { !line >> k };
    }
    let dark_before = (line << 1) | (line << 2) | (line << 3) | (line << 4);
    let dark_after = (line >> 7) | (line >> 8) | (line >> 9) | (line >> 10);
    score += 40 * (found & !(dark_before & dark_after)).count_ones();
    score
}

/// The shop's name on one line, at most 70 characters; `None` when empty.
fn beneficiary_name(name: &str) -> Option<String> {
    let one_line = name.split_whitespace().collect::<Vec<_>>().join(" ");
    let cut: String = one_line.chars().take(NAME_MAX).collect();
    let cut = cut.trim_end().to_owned();
    (!cut.is_empty()).then_some(cut)
}

/// The IBAN without spaces, upper case, checked (country, length, mod 97).
pub(crate) fn iban(text: &str) -> Result<String, PdfError> {
    let compact: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect::<String>()
        .to_ascii_uppercase();
    if compact.is_empty() {
        return Err(PdfError::NoIban);
    }
    let bad = || PdfError::Iban(text.trim().to_owned());
    let bytes = compact.as_bytes();
    if !(15..=34).contains(&bytes.len())
        || !bytes.iter().all(u8::is_ascii_alphanumeric)
        || !bytes[..2].iter().all(u8::is_ascii_uppercase)
        || !bytes[2..4].iter().all(u8::is_ascii_digit)
    {
        return Err(bad());
    }
    // Belgian IBANs have exactly 16 characters; other countries are checked by mod 97 alone.
    if compact.starts_with("BE") && bytes.len() != 16 {
        return Err(bad());
    }
    // Move the first four characters to the end, letters become 10..35, remainder must be 1.
    let mut remainder: u32 = 0;
    for &b in bytes[4..].iter().chain(&bytes[..4]) {
        let value = if b.is_ascii_digit() {
            u32::from(b - b'0')
        } else {
            u32::from(b - b'A') + 10
        };
        remainder = if value >= 10 {
            (remainder * 100 + value) % 97
        } else {
            (remainder * 10 + value) % 97
        };
    }
    if remainder != 1 {
        return Err(bad());
    }
    Ok(compact)
}

/// The BIC without spaces, upper case, or empty (version 002 makes it optional in the EEA).
pub(crate) fn bic(text: &str) -> Result<String, PdfError> {
    let compact: String = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_uppercase();
    if compact.is_empty() {
        return Ok(compact);
    }
    let b = compact.as_bytes();
    let ok = (b.len() == 8 || b.len() == 11)
        && b[..6].iter().all(u8::is_ascii_uppercase)
        && b[6..].iter().all(u8::is_ascii_alphanumeric);
    if ok {
        Ok(compact)
    } else {
        Err(PdfError::Bic(text.trim().to_owned()))
    }
}

/// `EUR12.34`: the euro amount with a point and two decimals, 0.01 to 999999999.99.
fn epc_amount(amount: Money) -> Result<String, PdfError> {
    let cents = amount.round_dp(2).0;
    let min = Decimal::new(1, 2);
    let max = Decimal::new(99_999_999_999, 2);
    if cents < min || cents > max || cents != amount.0 {
        return Err(PdfError::Amount(amount.to_string()));
    }
    let mut cents = cents;
    cents.rescale(2);
    Ok(format!("EUR{cents}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shop() -> Shop {
        Shop {
            name: "Café Comptoir SRL".into(),
            iban: "BE68 5390 0754 7034".into(),
            bic: "gkcc bebb".into(),
            ..Shop::default()
        }
    }

    #[test]
    fn payload_has_the_epc_lines() {
        let p = epc_qr_payload(
            &shop(),
            Money::parse("70.28").unwrap(),
            "+++090/9337/55493+++",
        )
        .unwrap();
        assert_eq!(
            p,
            "BCD\n002\n1\nSCT\nGKCCBEBB\nCafé Comptoir SRL\nBE68539007547034\nEUR70.28\n\n090933755493"
        );
        let p = epc_qr_payload(&shop(), Money::parse("5").unwrap(), "090933755493").unwrap();
        assert!(p.contains("\nEUR5.00\n"), "{p}");
        assert!(qr_code(&p).is_ok());
    }

    #[test]
    fn bad_details_are_refused_with_a_sentence() {
        let m = |s| Money::parse(s).unwrap();
        let ogm = "090933755493";
        let mut s = shop();
        s.iban = "BE68 5390 0754 7035".into();
        let e = epc_qr_payload(&s, m("1"), ogm).unwrap_err();
        assert_eq!(e, PdfError::Iban("BE68 5390 0754 7035".into()));
        assert!(e.to_string().contains("Correct it in the settings"), "{e}");
        s.iban = String::new();
        assert_eq!(epc_qr_payload(&s, m("1"), ogm), Err(PdfError::NoIban));
        let mut s = shop();
        s.bic = "GKCC".into();
        assert!(matches!(
            epc_qr_payload(&s, m("1"), ogm),
            Err(PdfError::Bic(_))
        ));
        s.bic = String::new();
        assert!(
            epc_qr_payload(&s, m("1"), ogm)
                .unwrap()
                .contains("SCT\n\nCafé")
        );
        let s = shop();
        assert!(matches!(
            epc_qr_payload(&s, m("0"), ogm),
            Err(PdfError::Amount(_))
        ));
        assert!(matches!(
            epc_qr_payload(&s, m("-1"), ogm),
            Err(PdfError::Amount(_))
        ));
        assert!(matches!(
            epc_qr_payload(&s, m("1.005"), ogm),
            Err(PdfError::Amount(_))
        ));
        assert!(matches!(
            epc_qr_payload(&s, m("1000000000"), ogm),
            Err(PdfError::Amount(_))
        ));
        assert_eq!(
            epc_qr_payload(&s, m("1"), "+++090/9337/55494+++"),
            Err(PdfError::Communication("+++090/9337/55494+++".into()))
        );
        let mut s = shop();
        s.name = " \n ".into();
        assert_eq!(epc_qr_payload(&s, m("1"), ogm), Err(PdfError::NoShopName));
    }

    #[test]
    fn long_names_are_cut_to_seventy_characters() {
        let mut s = shop();
        s.name = format!("{}\nSRL", "é".repeat(80));
        let p = epc_qr_payload(&s, Money::parse("1").unwrap(), "090933755493").unwrap();
        let name = p.lines().nth(5).unwrap();
        assert_eq!(name.chars().count(), 70);
        assert!(qr_code(&p).is_ok());
    }

    #[test]
    fn the_code_is_the_one_qrcode_makes() {
        // Payloads from version 1 to 13, so that every mask gets chosen somewhere.
        let mut versions = std::collections::BTreeSet::new();
        let mut formats = std::collections::BTreeSet::new();
        for len in (1..=331).step_by(7) {
            let payload: String = (0..len)
                .map(|i| char::from(b'0' + ((i * 7 + len) % 75) as u8))
                .collect();
            let ours = qr_code(&payload).unwrap();
            let (mut bits, mut v) = (None, 1);
            while bits.is_none() {
                let mut b = Bits::new(Version::Normal(v));
                if b.push_byte_data(payload.as_bytes())
                    .and_then(|()| b.push_terminator(EcLevel::M))
                    .is_ok()
                {
                    bits = Some(b);
                }
                v += 1;
            }
            let theirs = qrcode::QrCode::with_bits(bits.unwrap(), EcLevel::M).unwrap();
            versions.insert(v - 1);
            assert_eq!(ours.width(), theirs.width(), "{len}");
            let dark: Vec<bool> = theirs
                .to_colors()
                .into_iter()
                .map(|c| c == qrcode::Color::Dark)
                .collect();
            assert_eq!(ours.dark, dark, "payload of {len} bytes");
            // The format information's first modules (right of the top-left finder) tell the
            // level and the mask chosen.
            formats.insert((0..6).map(|x| ours.is_dark(x, 8)).collect::<Vec<_>>());
        }
        assert_eq!(versions, (1..=13).collect(), "every version");
        assert!(formats.len() >= 5, "masks chosen: {}", formats.len());
    }

    #[test]
    fn ibans_of_other_countries() {
        assert_eq!(
            iban("NL91 ABNA 0417 1643 00").unwrap(),
            "NL91ABNA0417164300"
        );
        assert_eq!(
            iban("fr14 2004 1010 0505 0001 3m02 606").unwrap(),
            "FR1420041010050500013M02606"
        );
        assert!(iban("BE68 5390 0754 70").is_err());
    }
}
