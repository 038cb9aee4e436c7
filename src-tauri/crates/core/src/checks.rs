//! Checks on the values the shop owner types into the settings: IBAN, BIC, Belgian enterprise
//! number, VAT number and e-mail address. Each check returns the value in the one spelling
//! Comptoir stores and prints, or a sentence saying what is expected, so a typing mistake is
//! caught when the owner saves, not when a customer's bank refuses the transfer. Each refusal
//! carries a [`Message`] code so the window can say it in the owner's language.

use crate::message::{Message, code};

/// A value the owner typed is not valid; the message says what is expected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CheckError {
    #[error("{0}")]
    Iban(Message),
    #[error("{0}")]
    Bic(Message),
    #[error("{0}")]
    EnterpriseNumber(Message),
    #[error("{0}")]
    VatNumber(Message),
    #[error("{0}")]
    Email(Message),
}

impl CheckError {
    /// The sentence with its code and parameters, for the window.
    pub fn message(&self) -> &Message {
        match self {
            CheckError::Iban(m)
            | CheckError::Bic(m)
            | CheckError::EnterpriseNumber(m)
            | CheckError::VatNumber(m)
            | CheckError::Email(m) => m,
        }
    }
}

/// IBAN lengths per country (ISO 13616 registry) for the SEPA countries a Belgian shop meets;
/// other countries are only held to the general 15..=34.
const IBAN_LENGTHS: &[(&str, usize)] = &[
    ("AD", 24),
    ("AT", 20),
    ("BE", 16),
    ("BG", 22),
    ("CH", 21),
    ("CY", 28),
    ("CZ", 24),
    ("DE", 22),
    ("DK", 18),
    ("EE", 20),
    ("ES", 24),
    ("FI", 18),
    ("FR", 27),
    ("GB", 22),
    ("GI", 23),
    ("GR", 27),
    ("HR", 21),
    ("HU", 28),
    ("IE", 22),
    ("IS", 26),
    ("IT", 27),
    ("LI", 21),
    ("LT", 20),
    ("LU", 20),
    ("LV", 21),
    ("MC", 27),
    ("MT", 31),
    ("NL", 18),
    ("NO", 15),
    ("PL", 28),
    ("PT", 25),
    ("RO", 24),
    ("SE", 24),
    ("SI", 19),
    ("SK", 24),
    ("SM", 27),
    ("VA", 22),
];

/// Removes what people put between groups of characters (spaces, dots, dashes) and uppercases.
fn compact(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '.' | '-' | '/'))
        .flat_map(char::to_uppercase)
        .collect()
}

/// Checks an IBAN (ISO 13616: country, two check digits, account; the whole modulo 97 is 1)
/// and returns it without spaces, in capitals: `BE68539007547034`.
pub fn iban(s: &str) -> Result<String, CheckError> {
    let shown = s.trim();
    let value: String = s
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .flat_map(char::to_uppercase)
        .collect();
    let refuse = |c: &'static code::Code, why: String| {
        Message::new(c, format!("{shown} is not a valid IBAN: {why}")).with("value", shown)
    };
    let err = |c: &'static code::Code, why: String| CheckError::Iban(refuse(c, why));
    if value.is_empty() {
        return Err(CheckError::Iban(Message::new(
            &code::CHECK_IBAN_EMPTY,
            "The IBAN is empty: type the account number as printed by the bank, like BE68 5390 0754 7034.",
        )));
    }
    if !value.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Err(err(
            &code::CHECK_IBAN_CHARACTERS,
            "it may only contain letters, digits and spaces.".to_owned(),
        ));
    }
    let bytes = value.as_bytes();
    let country = value.get(..2).unwrap_or_default();
    if bytes.len() < 4
        || !country.bytes().all(|b| b.is_ascii_uppercase())
        || !bytes[2].is_ascii_digit()
        || !bytes[3].is_ascii_digit()
    {
        return Err(err(
            &code::CHECK_IBAN_START,
            "it must start with a two-letter country code and two check digits, like BE68."
                .to_owned(),
        ));
    }
    match IBAN_LENGTHS.iter().find(|(c, _)| *c == country) {
        Some((_, len)) if value.len() != *len => {
            return Err(CheckError::Iban(
                refuse(
                    &code::CHECK_IBAN_COUNTRY_LENGTH,
                    format!(
                        "an IBAN from {country} has {len} characters, this one has {}.",
                        value.len()
                    ),
                )
                .with("country", country)
                .with("expected", *len)
                .with("actual", value.len()),
            ));
        }
        None if !(15..=34).contains(&value.len()) => {
            return Err(CheckError::Iban(
                refuse(
                    &code::CHECK_IBAN_LENGTH,
                    format!(
                        "an IBAN has between 15 and 34 characters, this one has {}.",
                        value.len()
                    ),
                )
                .with("actual", value.len()),
            ));
        }
        _ => {}
    }
    // ISO 13616: move the first four characters to the end, read letters as 10..35, and the
    // number modulo 97 must be 1. Done digit by digit so no big integer is needed.
    let rearranged = value.chars().skip(4).chain(value.chars().take(4));
    let mut remainder: u32 = 0;
    for c in rearranged {
        let Some(v) = c.to_digit(36) else {
            return Err(err(
                &code::CHECK_IBAN_CHARACTERS,
                "it may only contain letters, digits and spaces.".to_owned(),
            ));
        };
        remainder = if v >= 10 {
            (remainder * 100 + v) % 97
        } else {
            (remainder * 10 + v) % 97
        };
    }
    if remainder != 1 {
        return Err(err(
            &code::CHECK_IBAN_CHECK_DIGITS,
            "its check digits do not match the account number; check it for a typing mistake."
                .to_owned(),
        ));
    }
    Ok(value)
}

/// Checks a BIC (ISO 9362: 4 letters for the bank, 2 for the country, 2 letters or digits for
/// the place, optionally 3 for the branch) and returns it in capitals without spaces.
pub fn bic(s: &str) -> Result<String, CheckError> {
    let value: String = s
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_uppercase)
        .collect();
    let ok = (value.len() == 8 || value.len() == 11)
        && value.bytes().take(6).all(|b| b.is_ascii_uppercase())
        && value.bytes().skip(6).all(|b| b.is_ascii_alphanumeric());
    if ok {
        Ok(value)
    } else {
        Err(CheckError::Bic(
            Message::new(
                &code::CHECK_BIC,
                format!(
                    "{} is not a valid BIC: it has 8 or 11 characters, 4 letters for the bank, 2 letters for the country, then letters or digits, like GEBABEBB or GKCCBEBB.",
                    s.trim()
                ),
            )
            .with("value", s.trim()),
        ))
    }
}

/// The codes of the four ways an enterprise number can be wrong: shape, length, first digit,
/// check digits (the VAT number has its own, as its sentences name it).
type DigitCodes = [&'static code::Code; 4];

const ENTERPRISE_CODES: DigitCodes = [
    &code::CHECK_ENTERPRISE_SHAPE,
    &code::CHECK_ENTERPRISE_LENGTH,
    &code::CHECK_ENTERPRISE_START,
    &code::CHECK_ENTERPRISE_CHECKSUM,
];
const VAT_BE_CODES: DigitCodes = [
    &code::CHECK_VAT_BE_SHAPE,
    &code::CHECK_VAT_BE_LENGTH,
    &code::CHECK_VAT_BE_START,
    &code::CHECK_VAT_BE_CHECKSUM,
];

/// The ten digits of a Belgian enterprise number, checked, from any usual spelling.
fn enterprise_digits(s: &str, what: &str, codes: DigitCodes) -> Result<String, Message> {
    let shown = s.trim();
    let refuse = |i: usize, text: String| Message::new(codes[i], text).with("value", shown);
    let mut value = compact(s);
    if let Some(rest) = value.strip_prefix("BE") {
        value = rest.to_owned();
    }
    if !value.bytes().all(|b| b.is_ascii_digit()) || value.is_empty() {
        return Err(refuse(
            0,
            format!("{shown} is not a valid {what}: it is 10 digits, like 0123.456.749."),
        ));
    }
    // Numbers given before 2005 had 9 digits; they became the same digits behind a 0.
    if value.len() == 9 {
        value.insert(0, '0');
    }
    if value.len() != 10 {
        return Err(refuse(
            1,
            format!(
                "{shown} is not a valid {what}: it is 10 digits, like 0123.456.749, and this one has {}.",
                value.len()
            ),
        )
        .with("actual", value.len()));
    }
    if !value.starts_with(['0', '1']) {
        return Err(refuse(
            2,
            format!("{shown} is not a valid {what}: it starts with 0 or 1."),
        ));
    }
    let first: u32 = value.get(..8).and_then(|d| d.parse().ok()).unwrap_or(0);
    let check: u32 = value.get(8..).and_then(|d| d.parse().ok()).unwrap_or(0);
    if 97 - first % 97 != check {
        return Err(refuse(
            3,
            format!(
                "{shown} is not a valid {what}: the last two digits must be 97 minus the first eight modulo 97."
            ),
        ));
    }
    Ok(value)
}

/// Checks a Belgian enterprise number (KBO/BCE), with or without dots, spaces or `BE`, and
/// returns it as printed on documents: `0123.456.749`.
pub fn be_enterprise_number(s: &str) -> Result<String, CheckError> {
    let digits = enterprise_digits(s, "Belgian enterprise number", ENTERPRISE_CODES)
        .map_err(CheckError::EnterpriseNumber)?;
    let part = |r: std::ops::Range<usize>| digits.get(r).unwrap_or_default();
    Ok(format!("{}.{}.{}", part(0..4), part(4..7), part(7..10)))
}

/// Checks a VAT number and returns it without spaces or dots, e.g. `BE0123456749`. Belgian
/// numbers are checked in full (modulo 97); those of other EU countries by their shape only,
/// as their check digit rules differ per country and VIES is the authority anyway.
pub fn vat_number(s: &str) -> Result<String, CheckError> {
    let shown = s.trim();
    let value = compact(s);
    let prefix = value.get(..2).unwrap_or_default();
    let rest = value.get(2..).unwrap_or_default();
    if prefix == "BE" {
        let digits = enterprise_digits(s, "Belgian VAT number", VAT_BE_CODES)
            .map_err(CheckError::VatNumber)?;
        return Ok(format!("BE{digits}"));
    }
    if prefix.len() < 2 || !prefix.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err(CheckError::VatNumber(
            Message::new(
                &code::CHECK_VAT_PREFIX,
                format!(
                    "{shown} is not a valid VAT number: it starts with the country code, like BE0123456749."
                ),
            )
            .with("value", shown),
        ));
    }
    let Some((_, example, shape_ok)) = EU_VAT_SHAPES.iter().find(|(c, _, _)| *c == prefix) else {
        let (hint, c) = if prefix == "GR" {
            (" Greek VAT numbers start with EL.", &code::CHECK_VAT_GREECE)
        } else {
            ("", &code::CHECK_VAT_COUNTRY)
        };
        return Err(CheckError::VatNumber(
            Message::new(
                c,
                format!(
                    "{shown} is not a valid VAT number: {prefix} is not the code of an EU country that has VAT numbers (BE, NL, FR, LU, DE, …).{hint}"
                ),
            )
            .with("value", shown)
            .with("country", prefix),
        ));
    };
    if shape_ok(rest) {
        Ok(value)
    } else {
        Err(CheckError::VatNumber(
            Message::new(
                &code::CHECK_VAT_SHAPE,
                format!(
                    "{shown} is not a valid VAT number: a VAT number from {prefix} looks like {example}."
                ),
            )
            .with("value", shown)
            .with("country", prefix)
            .with("example", *example),
        ))
    }
}

fn digits(s: &str, lens: &[usize]) -> bool {
    lens.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
}

type Shape = fn(&str) -> bool;

/// The shape of each EU country's VAT number after its prefix (as the European Commission's
/// VIES documents them), with an example for the error message.
const EU_VAT_SHAPES: &[(&str, &str, Shape)] = &[
    ("AT", "ATU12345678", |s| {
        s.strip_prefix('U').is_some_and(|d| digits(d, &[8]))
    }),
    ("BG", "BG123456789", |s| digits(s, &[9, 10])),
    ("CY", "CY12345678L", |s| {
        s.len() == 9
            && s.bytes().take(8).all(|b| b.is_ascii_digit())
            && s.as_bytes().get(8).is_some_and(|b| b.is_ascii_uppercase())
    }),
    ("CZ", "CZ12345678", |s| digits(s, &[8, 9, 10])),
    ("DE", "DE123456789", |s| digits(s, &[9])),
    ("DK", "DK12345678", |s| digits(s, &[8])),
    ("EE", "EE123456789", |s| digits(s, &[9])),
    ("EL", "EL123456789", |s| digits(s, &[9])),
    ("ES", "ESX1234567X", |s| {
        s.len() == 9
            && s.bytes().all(|b| b.is_ascii_alphanumeric())
            && s.bytes().skip(1).take(7).all(|b| b.is_ascii_digit())
    }),
    ("FI", "FI12345678", |s| digits(s, &[8])),
    ("FR", "FR12345678901", |s| {
        s.len() == 11
            && s.bytes().take(2).all(|b| b.is_ascii_alphanumeric())
            && s.bytes().skip(2).all(|b| b.is_ascii_digit())
    }),
    ("HR", "HR12345678901", |s| digits(s, &[11])),
    ("HU", "HU12345678", |s| digits(s, &[8])),
    ("IE", "IE1234567WA", |s| {
        (s.len() == 8 || s.len() == 9)
            && s.bytes().next().is_some_and(|b| b.is_ascii_digit())
            && s.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'+' || b == b'*')
    }),
    ("IT", "IT12345678901", |s| digits(s, &[11])),
    ("LT", "LT123456789", |s| digits(s, &[9, 12])),
    ("LU", "LU12345678", |s| digits(s, &[8])),
    ("LV", "LV12345678901", |s| digits(s, &[11])),
    ("MT", "MT12345678", |s| digits(s, &[8])),
    ("NL", "NL123456789B01", |s| {
        s.len() == 12
            && s.bytes().take(9).all(|b| b.is_ascii_digit())
            && s.as_bytes().get(9) == Some(&b'B')
            && s.bytes().skip(10).all(|b| b.is_ascii_digit())
    }),
    ("PL", "PL1234567890", |s| digits(s, &[10])),
    ("PT", "PT123456789", |s| digits(s, &[9])),
    ("RO", "RO1234567890", |s| {
        digits(s, &[2, 3, 4, 5, 6, 7, 8, 9, 10])
    }),
    ("SE", "SE123456789001", |s| digits(s, &[12])),
    ("SI", "SI12345678", |s| digits(s, &[8])),
    ("SK", "SK1234567890", |s| digits(s, &[10])),
    // Northern Ireland traders keep EU VAT numbers for goods.
    ("XI", "XI123456789", |s| {
        digits(s, &[9, 12])
            || ((s.starts_with("GD") || s.starts_with("HA")) && digits(&s[2..], &[3]))
    }),
];

/// Checks an e-mail address the simple, sane way (one `@`, something before it, a domain with
/// a dot, no spaces) and returns it trimmed. Whether the mailbox exists only a sent mail tells.
pub fn email(s: &str) -> Result<String, CheckError> {
    let value = s.trim();
    let err = || {
        CheckError::Email(
            Message::new(
                &code::CHECK_EMAIL_INVALID,
                format!(
                    "{value} is not a valid e-mail address: it looks like name@example.be, without spaces."
                ),
            )
            .with("value", value),
        )
    };
    if value.is_empty() {
        return Err(CheckError::Email(Message::new(
            &code::CHECK_EMAIL_EMPTY,
            "The e-mail address is empty: type one like name@example.be.",
        )));
    }
    if value.len() > 254 {
        return Err(CheckError::Email(Message::new(
            &code::CHECK_EMAIL_TOO_LONG,
            "This e-mail address is longer than the 254 characters mail servers accept.",
        )));
    }
    let Some((local, domain)) = value.rsplit_once('@') else {
        return Err(err());
    };
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local
            .chars()
            .all(|c| !c.is_whitespace() && !c.is_control() && !"@<>()[]\\,;:\"".contains(c));
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
        // The top-level domain is letters (or an IDN's `xn--` form), never only digits.
        && labels
            .last()
            .is_some_and(|tld| tld.len() >= 2 && !tld.chars().all(|c| c.is_ascii_digit()));
    if local_ok && domain_ok {
        Ok(value.to_owned())
    } else {
        Err(err())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Builds a valid IBAN from a country and account by computing its check digits, so the
    /// test does not just trust a copied example.
    fn make_iban(country: &str, account: &str) -> String {
        let rearranged = format!("{account}{country}00");
        let mut r: u32 = 0;
        for c in rearranged.chars() {
            let v = c.to_digit(36).unwrap();
            r = if v >= 10 {
                (r * 100 + v) % 97
            } else {
                (r * 10 + v) % 97
            };
        }
        format!("{country}{:02}{account}", 98 - r)
    }

    #[test]
    fn ibans() {
        // The common Belgian example, and one computed here from its account number.
        assert_eq!(make_iban("BE", "539007547034"), "BE68539007547034");
        assert_eq!(iban("BE68 5390 0754 7034").unwrap(), "BE68539007547034");
        assert_eq!(iban(" be68539007547034 ").unwrap(), "BE68539007547034");
        assert_eq!(
            iban("NL91 ABNA 0417 1643 00").unwrap(),
            "NL91ABNA0417164300"
        );
        assert_eq!(
            iban("FR14 2004 1010 0505 0001 3M02 606").unwrap(),
            "FR1420041010050500013M02606"
        );
        assert_eq!(
            iban("LU28 0019 4006 4475 0000").unwrap(),
            "LU280019400644750000"
        );
        assert_eq!(
            iban("DE89 3704 0044 0532 0130 00").unwrap(),
            "DE89370400440532013000"
        );
        let computed = make_iban("BE", "001234567890");
        assert_eq!(iban(&computed).unwrap(), computed);

        // One digit changed: the check fails.
        let e = iban("BE68 5390 0754 7035").unwrap_err();
        assert!(e.to_string().contains("check digits"), "{e}");
        // Wrong length for Belgium.
        let e = iban("BE68 5390 0754 703").unwrap_err();
        assert!(e.to_string().contains("from BE has 16 characters"), "{e}");
        assert!(iban("").is_err());
        assert!(iban("6853 9007 5470 34").is_err());
        assert!(iban("BE68_5390_0754_7034").is_err());
        // A country without a known length is held to 15..=34.
        assert!(iban("ZZ00 1234").is_err());
    }

    #[test]
    fn bics() {
        assert_eq!(bic("GEBABEBB").unwrap(), "GEBABEBB");
        assert_eq!(bic("gkcc be bb").unwrap(), "GKCCBEBB");
        assert_eq!(bic("BBRUBEBB010").unwrap(), "BBRUBEBB010");
        for bad in [
            "GEBABEB",
            "GEBABEBB01",
            "GEB1BEBB",
            "GEBAB3BB",
            "GEBABEB!",
            "",
        ] {
            let e = bic(bad).unwrap_err();
            assert!(e.to_string().contains("8 or 11 characters"), "{bad}: {e}");
        }
    }

    #[test]
    fn refusals_carry_a_code_and_their_values() {
        let e = iban("BE68 5390 0754 7035").unwrap_err();
        let m = e.message();
        assert_eq!(m.code_id(), Some("check.iban.check_digits"));
        assert_eq!(m.params["value"], "BE68 5390 0754 7035");
        assert_eq!(m.message, e.to_string());
        let m = iban("BE68 5390 0754 70").unwrap_err().message().clone();
        assert_eq!(m.code_id(), Some("check.iban.country_length"));
        assert_eq!(
            (
                &m.params["country"],
                &m.params["expected"],
                &m.params["actual"]
            ),
            (&"BE".into(), &16.into(), &14.into())
        );
        assert_eq!(
            iban("").unwrap_err().message().code_id(),
            Some("check.iban.empty")
        );
        assert_eq!(
            iban("68BE").unwrap_err().message().code_id(),
            Some("check.iban.start")
        );
        assert_eq!(
            iban("XX68 1234").unwrap_err().message().code_id(),
            Some("check.iban.length")
        );
        let m = be_enterprise_number("0123456789")
            .unwrap_err()
            .message()
            .clone();
        assert_eq!(m.code_id(), Some("check.enterprise.checksum"));
        assert_eq!(m.params["value"], "0123456789");
        assert_eq!(
            be_enterprise_number("01234567")
                .unwrap_err()
                .message()
                .params["actual"],
            8
        );
        assert_eq!(
            vat_number("BE0123456789").unwrap_err().message().code_id(),
            Some("check.vat.be_checksum")
        );
        let m = vat_number("NL123456789").unwrap_err().message().clone();
        assert_eq!(m.code_id(), Some("check.vat.shape"));
        assert_eq!(m.params["example"], "NL123456789B01");
        assert_eq!(
            vat_number("GR123456789").unwrap_err().message().code_id(),
            Some("check.vat.greece")
        );
        assert_eq!(
            bic("GEBA").unwrap_err().message().code_id(),
            Some("check.bic")
        );
        assert_eq!(
            email("x").unwrap_err().message().code_id(),
            Some("check.email.invalid")
        );
    }

    #[test]
    fn enterprise_numbers() {
        assert_eq!(be_enterprise_number("0123456749").unwrap(), "0123.456.749");
        assert_eq!(
            be_enterprise_number("BE 0123.456.749").unwrap(),
            "0123.456.749"
        );
        assert_eq!(
            be_enterprise_number("0123 456 749").unwrap(),
            "0123.456.749"
        );
        // The old nine-digit form.
        assert_eq!(be_enterprise_number("123.456.749").unwrap(), "0123.456.749");
        let e = be_enterprise_number("0123456789").unwrap_err();
        assert_eq!(
            e.to_string(),
            "0123456789 is not a valid Belgian enterprise number: the last two digits must be 97 minus the first eight modulo 97."
        );
        assert!(
            be_enterprise_number("2123456749")
                .unwrap_err()
                .to_string()
                .contains("0 or 1")
        );
        assert!(be_enterprise_number("01234567").is_err());
        assert!(be_enterprise_number("abc").is_err());
    }

    #[test]
    fn vat_numbers() {
        // The company in capture s04.
        assert_eq!(vat_number("BE0123456749").unwrap(), "BE0123456749");
        assert_eq!(vat_number("be 0123.456.749").unwrap(), "BE0123456749");
        let e = vat_number("BE0123456789").unwrap_err();
        assert_eq!(
            e.to_string(),
            "BE0123456789 is not a valid Belgian VAT number: the last two digits must be 97 minus the first eight modulo 97."
        );
        assert_eq!(vat_number("NL123456789B01").unwrap(), "NL123456789B01");
        assert_eq!(vat_number("FR 12 345678901").unwrap(), "FR12345678901");
        assert_eq!(vat_number("LU12345678").unwrap(), "LU12345678");
        assert_eq!(vat_number("DE123456789").unwrap(), "DE123456789");
        assert_eq!(vat_number("ATU12345678").unwrap(), "ATU12345678");
        assert!(
            vat_number("NL123456789")
                .unwrap_err()
                .to_string()
                .contains("NL123456789B01")
        );
        assert!(vat_number("DE12345678").is_err());
        assert!(
            vat_number("GR123456789")
                .unwrap_err()
                .to_string()
                .contains("EL")
        );
        assert!(vat_number("US123456789").is_err());
        assert!(vat_number("0123456749").is_err());
        assert!(vat_number("").is_err());
    }

    #[test]
    fn emails() {
        assert_eq!(
            email(" sophie.dubois@example.test ").unwrap(),
            "sophie.dubois@example.test"
        );
        assert!(email("a+shop@café.be").is_ok());
        assert!(email("info@sub.example.be").is_ok());
        for bad in [
            "",
            "sophie",
            "sophie@",
            "@example.be",
            "sophie@example",
            "sophie dubois@example.be",
            "sophie@exa mple.be",
            "sophie@@example.be",
            "sophie@-example.be",
            "sophie@example..be",
            ".sophie@example.be",
            "sophie@1.2",
        ] {
            assert!(email(bad).is_err(), "{bad}");
        }
        assert!(
            email("x")
                .unwrap_err()
                .to_string()
                .contains("name@example.be")
        );
    }
}
