//! Numbers, amounts, rates and dates as each language writes them. Belgian French and Dutch
//! write `1.234,50 €`; English writes `€1,234.50`. Digits come from the exact decimal, never
//! through a float.

use chrono::NaiveDate;
use comptoir_core::{Language, Money};
use rust_decimal::{Decimal, RoundingStrategy};

/// `d` with at least `min_dp` and at most `max_dp` decimals (rounded half away from zero
/// beyond that), grouped by thousands, in the language's separators. The sign is a
/// hyphen-minus, which every PDF reader copies as itself.
pub(crate) fn number(d: Decimal, min_dp: u32, max_dp: u32, lang: Language) -> String {
    let mut d = d
        .round_dp_with_strategy(max_dp, RoundingStrategy::MidpointAwayFromZero)
        .normalize();
    if d.scale() < min_dp {
        d.rescale(min_dp);
    }
    let negative = d.is_sign_negative() && !d.is_zero();
    let plain = d.abs().to_string();
    let (int, frac) = match plain.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (plain.as_str(), None),
    };
    let (group, point) = match lang {
        Language::Fr | Language::Nl => ('.', ','),
        Language::En => (',', '.'),
    };
    let mut out = String::with_capacity(plain.len() + 4);
    if negative {
        out.push('-');
    }
    let len = int.len();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (len - i) % 3 == 0 {
            out.push(group);
        }
        out.push(c);
    }
    if let Some(frac) = frac {
        out.push(point);
        out.push_str(frac);
    }
    out
}

/// An amount with exactly two decimals and its currency: `1.234,50 €` / `€1,234.50`, or the
/// ISO code after the amount for currencies other than the euro (`12,50 USD` / `12.50 USD`),
/// exactly as `Money::format_for` writes amounts in legends and e-mails.
pub(crate) fn money(m: Money, currency: &str, lang: Language) -> String {
    with_currency(number(m.0, 2, 2, lang), currency, lang)
}

/// A unit price: two decimals, up to four when the price has them (4 bars for 13.17 are
/// 3.2925 each, and rounding that would make the line look wrong).
pub(crate) fn unit_price(m: Money, currency: &str, lang: Language) -> String {
    with_currency(number(m.0, 2, 4, lang), currency, lang)
}

fn with_currency(digits: String, currency: &str, lang: Language) -> String {
    let currency = currency.trim();
    let euro = currency.is_empty() || currency.eq_ignore_ascii_case("EUR");
    match (lang, euro) {
        (Language::Fr | Language::Nl, true) => format!("{digits} €"),
        (Language::Fr | Language::Nl, false) => format!("{digits} {currency}"),
        (Language::En, true) => match digits.strip_prefix('-') {
            Some(abs) => format!("-€{abs}"),
            None => format!("€{digits}"),
        },
        (Language::En, false) => format!("{digits} {currency}"),
    }
}

/// A quantity as written, without useless decimals: `4`, `2,5`.
pub(crate) fn quantity(q: Money, lang: Language) -> String {
    number(q.0, 0, 4, lang)
}

/// A VAT rate: `21%`, `5,5%` / `5.5%`. Without the French space before `%` on purpose: text
/// extractors (Poppler's among them) glue a one-digit rate to a spaced `%` anyway (`6%` beside
/// `21 %`), and a column of rates must read the same in a PDF and in the accounts it is
/// copied to.
pub(crate) fn rate(r: Money, lang: Language) -> String {
    format!("{}%", number(r.0, 0, 4, lang))
}

/// `28/11/2026` in French and Dutch; `28 Nov 2026` in English, which no reader on either side
/// of the Atlantic can misread.
pub(crate) fn date(d: NaiveDate, lang: Language) -> String {
    match lang {
        Language::Fr | Language::Nl => d.format("%d/%m/%Y").to_string(),
        Language::En => d.format("%-d %b %Y").to_string(),
    }
}

/// An IBAN in groups of four, as printed on statements: `BE68 5390 0754 7034`.
pub(crate) fn iban(compact: &str) -> String {
    let mut out = String::with_capacity(compact.len() + compact.len() / 4);
    for (i, c) in compact.chars().enumerate() {
        if i > 0 && i % 4 == 0 {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(s: &str) -> Money {
        Money::parse(s).unwrap()
    }

    #[test]
    fn amounts_belgian_and_english() {
        assert_eq!(money(m("1234.5"), "EUR", Language::Fr), "1.234,50 €");
        assert_eq!(money(m("1234.5"), "EUR", Language::Nl), "1.234,50 €");
        assert_eq!(money(m("1234.5"), "EUR", Language::En), "€1,234.50");
        assert_eq!(money(m("70.28"), "EUR", Language::Fr), "70,28 €");
        assert_eq!(money(m("0"), "EUR", Language::Fr), "0,00 €");
        assert_eq!(money(m("-3.49"), "EUR", Language::En), "-€3.49");
        assert_eq!(money(m("-3.49"), "EUR", Language::Nl), "-3,49 €");
        assert_eq!(
            money(m("1234567.005"), "EUR", Language::Fr),
            "1.234.567,01 €"
        );
        assert_eq!(money(m("999"), "EUR", Language::En), "€999.00");
        assert_eq!(money(m("12.5"), "USD", Language::Fr), "12,50 USD");
        assert_eq!(money(m("12.5"), "USD", Language::En), "12.50 USD");
    }

    #[test]
    fn amounts_read_as_in_legends_and_e_mails() {
        for amount in [
            "0",
            "3.49",
            "-3.49",
            "70.28",
            "1234.5",
            "2520.65",
            "1234567.89",
            "0.005",
        ] {
            for currency in ["EUR", "USD"] {
                for lang in Language::ALL {
                    let a = m(amount);
                    assert_eq!(money(a, currency, lang), a.format_for(currency, lang));
                }
            }
        }
    }

    #[test]
    fn unit_prices_keep_up_to_four_decimals() {
        assert_eq!(unit_price(m("3.2925"), "EUR", Language::Fr), "3,2925 €");
        assert_eq!(unit_price(m("7.50"), "EUR", Language::Fr), "7,50 €");
        assert_eq!(unit_price(m("7.5000"), "EUR", Language::En), "€7.50");
        assert_eq!(unit_price(m("3.33333"), "EUR", Language::En), "€3.3333");
    }

    #[test]
    fn quantities_rates_dates() {
        assert_eq!(quantity(m("4"), Language::Fr), "4");
        assert_eq!(quantity(m("2.50"), Language::Fr), "2,5");
        assert_eq!(quantity(m("1000"), Language::En), "1,000");
        assert_eq!(rate(m("21"), Language::Fr), "21%");
        assert_eq!(rate(m("5.5"), Language::Nl), "5,5%");
        assert_eq!(rate(m("6.00"), Language::En), "6%");
        let d = NaiveDate::from_ymd_opt(2026, 11, 8).unwrap();
        assert_eq!(date(d, Language::Fr), "08/11/2026");
        assert_eq!(date(d, Language::En), "8 Nov 2026");
        assert_eq!(iban("BE68539007547034"), "BE68 5390 0754 7034");
    }
}
