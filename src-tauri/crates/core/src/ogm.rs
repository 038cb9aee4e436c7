//! The Belgian structured communication ("gestructureerde mededeling", "communication
//! structurée", OGM/VCS): twelve digits written `+++123/4567/89012+++`. The first ten digits are
//! free; the last two are the first ten modulo 97, with 97 instead of 0. Banking apps check it,
//! and the shop's bank statement carries it back, which is how a transfer is matched to an
//! unpaid invoice without reading free text.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Ten free digits and their two check digits, kept as the twelve digits.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct StructuredCommunication(String);

/// The largest base plus one: the base must fit in ten digits.
const BASE_LIMIT: u64 = 10_000_000_000;

impl StructuredCommunication {
    /// The communication for a base number below 10^10 (e.g. derived from the invoice), or
    /// `None` when the base does not fit in ten digits.
    pub fn from_base(base: u64) -> Option<Self> {
        if base >= BASE_LIMIT {
            return None;
        }
        Some(StructuredCommunication(format!(
            "{base:010}{:02}",
            check_digits(base)
        )))
    }

    /// Reads a communication as people type or paste it: `+++090/9337/55493+++`,
    /// `***090/9337/55493***`, `090/9337/55493` or `090933755493`; spaces are ignored. `None`
    /// when it is not twelve digits or the check digits are wrong.
    pub fn parse(text: &str) -> Option<Self> {
        let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        let inner = strip_frame(&compact, "+++").or_else(|| strip_frame(&compact, "***"));
        let inner = match inner {
            Some(inner) => inner,
            // A frame on one side only is a typing mistake, not a communication.
            None if compact.starts_with(['+', '*']) || compact.ends_with(['+', '*']) => {
                return None;
            }
            None => compact.as_str(),
        };
        let digits: String = inner.chars().filter(|&c| c != '/').collect();
        if digits.len() != 12 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        // Slashes, when present, must be where the written form puts them.
        if inner.contains('/') && inner.len() == 14 {
            let bytes = inner.as_bytes();
            if bytes.get(3) != Some(&b'/') || bytes.get(8) != Some(&b'/') {
                return None;
            }
        } else if inner.contains('/') {
            return None;
        }
        let base: u64 = digits.get(..10)?.parse().ok()?;
        let check: u64 = digits.get(10..)?.parse().ok()?;
        (check == check_digits(base)).then_some(StructuredCommunication(digits))
    }

    /// The twelve digits without decoration, as the EPC QR code and bank files want them.
    pub fn digits(&self) -> &str {
        &self.0
    }
}

/// The remainder modulo 97, with 97 for a remainder of 0 (a check of "00" does not exist).
fn check_digits(base: u64) -> u64 {
    match base % 97 {
        0 => 97,
        r => r,
    }
}

fn strip_frame<'a>(text: &'a str, frame: &str) -> Option<&'a str> {
    text.strip_prefix(frame)?.strip_suffix(frame)
}

impl fmt::Display for StructuredCommunication {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = &self.0;
        // The digits are ASCII, so byte ranges are character ranges.
        write!(
            f,
            "+++{}/{}/{}+++",
            d.get(0..3).unwrap_or_default(),
            d.get(3..7).unwrap_or_default(),
            d.get(7..12).unwrap_or_default()
        )
    }
}

impl fmt::Debug for StructuredCommunication {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "StructuredCommunication({self})")
    }
}

/// Stored and sent in its written form, `+++123/4567/89012+++`.
impl Serialize for StructuredCommunication {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for StructuredCommunication {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        StructuredCommunication::parse(&text).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "\"{text}\" is not a Belgian structured communication (expected +++123/4567/89012+++ with valid check digits)"
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_known_valid_communication() {
        // 0909337554 mod 97 = 93.
        let c = StructuredCommunication::from_base(909_337_554).unwrap();
        assert_eq!(c.to_string(), "+++090/9337/55493+++");
        assert_eq!(c.digits(), "090933755493");
        assert_eq!(
            StructuredCommunication::parse("+++090/9337/55493+++"),
            Some(c)
        );
    }

    #[test]
    fn remainder_zero_gives_97() {
        let c = StructuredCommunication::from_base(970).unwrap();
        assert_eq!(c.to_string(), "+++000/0000/97097+++");
        let zero = StructuredCommunication::from_base(0).unwrap();
        assert_eq!(zero.digits(), "000000000097");
        // "00" is never a valid check.
        assert_eq!(StructuredCommunication::parse("000000097000"), None);
        assert!(StructuredCommunication::parse("000000097097").is_some());
    }

    #[test]
    fn small_bases_are_zero_padded() {
        let c = StructuredCommunication::from_base(1).unwrap();
        assert_eq!(c.to_string(), "+++000/0000/00101+++");
    }

    #[test]
    fn bases_that_do_not_fit_are_refused() {
        assert!(StructuredCommunication::from_base(9_999_999_999).is_some());
        assert!(StructuredCommunication::from_base(10_000_000_000).is_none());
    }

    #[test]
    fn parse_accepts_the_usual_spellings() {
        for text in [
            "+++090/9337/55493+++",
            "***090/9337/55493***",
            "090/9337/55493",
            "090933755493",
            " +++ 090 / 9337 / 55493 +++ ",
            "+++090933755493+++",
        ] {
            assert_eq!(
                StructuredCommunication::parse(text).map(|c| c.digits().to_owned()),
                Some("090933755493".to_owned()),
                "{text}"
            );
        }
    }

    #[test]
    fn parse_refuses_bad_checks_and_shapes() {
        for text in [
            "+++090/9337/55494+++",
            "+++090/9337/5549+++",
            "+++090/9337/55493***",
            "+++090/9337/55493",
            "0909/337/55493",
            "09093375549a",
            "",
            "+++++++",
        ] {
            assert_eq!(StructuredCommunication::parse(text), None, "{text}");
        }
    }

    #[test]
    fn every_base_round_trips() {
        for base in [0, 1, 96, 97, 98, 123_456_789, 9_999_999_999] {
            let c = StructuredCommunication::from_base(base).unwrap();
            assert_eq!(StructuredCommunication::parse(&c.to_string()), Some(c));
        }
    }

    #[test]
    fn serde_uses_the_written_form() {
        let c = StructuredCommunication::from_base(909_337_554).unwrap();
        let json = serde_json::to_string(&c).unwrap();
        assert_eq!(json, "\"+++090/9337/55493+++\"");
        let back: StructuredCommunication = serde_json::from_str(&json).unwrap();
        assert_eq!(back, c);
        assert!(
            serde_json::from_str::<StructuredCommunication>("\"+++090/9337/55494+++\"").is_err()
        );
    }
}
