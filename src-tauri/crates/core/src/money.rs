//! Exact decimal amounts. WooCommerce sends money as strings (`"60.80"`) and a few figures as
//! JSON numbers (`price`, `nominal_amount`); both are read digit for digit, never through `f64`
//! arithmetic, so totals add up to the cent.

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An exact decimal amount (a currency amount, a quantity or a rate).
#[derive(Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Money(pub Decimal);

/// The text could not be read as an exact decimal amount.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "\"{text}\" is not an amount (expected digits with an optional '-' and '.', like \"12.50\")"
)]
pub struct MoneyError {
    pub text: String,
}

impl Money {
    pub const ZERO: Money = Money(Decimal::ZERO);

    /// Reads a WooCommerce money string. An empty string counts as zero, as WooCommerce writes
    /// `""` for amounts that were never set (e.g. shipping `taxes[].subtotal`).
    pub fn parse(text: &str) -> Result<Money, MoneyError> {
        let trimmed = text.trim();
        if trimmed.is_empty() {
            return Ok(Money::ZERO);
        }
        let err = || MoneyError {
            text: text.to_owned(),
        };
        // `from_str_exact` refuses to round: a value with more digits than fit is an error.
        let value = if trimmed.contains(['e', 'E']) {
            Decimal::from_scientific(trimmed).map_err(|_| err())?
        } else {
            Decimal::from_str_exact(trimmed).map_err(|_| err())?
        };
        Ok(Money(value))
    }

    /// Reads a JSON number exactly as it was written in the JSON text.
    pub fn from_json_number(n: &serde_json::Number) -> Result<Money, MoneyError> {
        Money::parse(&n.to_string())
    }

    pub fn is_zero(&self) -> bool {
        self.0.is_zero()
    }

    /// The amount with exactly `dp` decimals (banker's rounding is never wanted for money:
    /// this rounds half away from zero, as WooCommerce and accountants do).
    pub fn round_dp(&self, dp: u32) -> Money {
        Money(
            self.0
                .round_dp_with_strategy(dp, rust_decimal::RoundingStrategy::MidpointAwayFromZero),
        )
    }
}

impl Money {
    /// The amount as a person reads it in `lang`: "1.234,50 €" in French and Dutch (Belgian
    /// usage), "€1,234.50" in English; other currencies keep their code ("12,00 USD").
    pub fn format_for(&self, currency: &str, lang: crate::language::Language) -> String {
        let rounded = self.round_dp(2).0;
        let negative = rounded.is_sign_negative() && !rounded.is_zero();
        let text = format!("{:.2}", rounded.abs());
        let (int, frac) = text.split_once('.').unwrap_or((&text, "00"));
        let (thousands, decimal) = match lang {
            crate::language::Language::En => (',', '.'),
            _ => ('.', ','),
        };
        let mut grouped = String::new();
        for (i, c) in int.chars().enumerate() {
            if i > 0 && (int.len() - i) % 3 == 0 {
                grouped.push(thousands);
            }
            grouped.push(c);
        }
        let number = format!(
            "{}{grouped}{decimal}{frac}",
            if negative { "-" } else { "" }
        );
        match (lang, currency) {
            (crate::language::Language::En, "EUR") => {
                format!(
                    "{}€{grouped}{decimal}{frac}",
                    if negative { "-" } else { "" }
                )
            }
            (_, "EUR") => format!("{number} €"),
            (_, code) => format!("{number} {code}"),
        }
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl fmt::Debug for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Money({})", self.0)
    }
}

impl FromStr for Money {
    type Err = MoneyError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Money::parse(s)
    }
}

impl std::ops::Add for Money {
    type Output = Money;
    fn add(self, rhs: Money) -> Money {
        Money(self.0 + rhs.0)
    }
}

impl std::ops::Sub for Money {
    type Output = Money;
    fn sub(self, rhs: Money) -> Money {
        Money(self.0 - rhs.0)
    }
}

impl std::ops::Neg for Money {
    type Output = Money;
    fn neg(self) -> Money {
        Money(-self.0)
    }
}

impl std::iter::Sum for Money {
    fn sum<I: Iterator<Item = Money>>(iter: I) -> Money {
        iter.fold(Money::ZERO, |a, b| a + b)
    }
}

/// Always serialised as a string, so that no JSON reader turns it into a float.
impl Serialize for Money {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.0)
    }
}

/// Accepts a string (`"12.50"`), a JSON number (`33.016529`) or null (zero).
impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Money, D::Error> {
        let value = serde_json::Value::deserialize(d)?;
        match &value {
            serde_json::Value::String(s) => Money::parse(s).map_err(serde::de::Error::custom),
            serde_json::Value::Number(n) => {
                Money::from_json_number(n).map_err(serde::de::Error::custom)
            }
            serde_json::Value::Null => Ok(Money::ZERO),
            other => Err(serde::de::Error::custom(format!(
                "{other} is not an amount (expected a string like \"12.50\")"
            ))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_woocommerce_strings_exactly() {
        assert_eq!(Money::parse("60.80").unwrap().to_string(), "60.80");
        assert_eq!(Money::parse("-3.49").unwrap().to_string(), "-3.49");
        assert_eq!(Money::parse("1.3461538").unwrap().to_string(), "1.3461538");
        assert_eq!(Money::parse("").unwrap(), Money::ZERO);
        assert!(Money::parse("12,50").is_err());
        assert!(Money::parse("abc").is_err());
    }

    #[test]
    fn json_numbers_keep_their_written_digits() {
        let v: serde_json::Value = serde_json::from_str("[33.016529, 3, 12.0, 1e-7]").unwrap();
        let got: Vec<String> = v
            .as_array()
            .unwrap()
            .iter()
            .map(|n| {
                Money::from_json_number(n.as_number().unwrap())
                    .unwrap()
                    .to_string()
            })
            .collect();
        assert_eq!(got, ["33.016529", "3", "12.0", "0.0000001"]);
    }

    #[test]
    fn sums_are_exact() {
        // 0.1 + 0.2 is the classic float failure.
        let sum: Money = ["0.10", "0.20"]
            .iter()
            .map(|s| Money::parse(s).unwrap())
            .sum();
        assert_eq!(sum.to_string(), "0.30");
    }

    #[test]
    fn formats_for_people() {
        use crate::language::Language;
        let m = |s: &str| Money::parse(s).unwrap();
        assert_eq!(m("1234.5").format_for("EUR", Language::Fr), "1.234,50 €");
        assert_eq!(m("60.80").format_for("EUR", Language::Nl), "60,80 €");
        assert_eq!(
            m("1234567.891").format_for("EUR", Language::En),
            "€1,234,567.89"
        );
        assert_eq!(m("-3.49").format_for("EUR", Language::En), "-€3.49");
        assert_eq!(m("12").format_for("USD", Language::Fr), "12,00 USD");
        assert_eq!(m("0.004").format_for("EUR", Language::Fr), "0,00 €");
    }

    #[test]
    fn rounds_half_away_from_zero() {
        assert_eq!(
            Money::parse("2.345").unwrap().round_dp(2).to_string(),
            "2.35"
        );
        assert_eq!(
            Money::parse("-2.345").unwrap().round_dp(2).to_string(),
            "-2.35"
        );
    }
}
