//! UTC timestamps as WooCommerce writes them in its `*_gmt` fields: `2026-11-28T14:29:40`,
//! without an offset. Comptoir only ever reads the `_gmt` fields; the plain ones are shop-local
//! time and would shift with the shop's timezone setting.

use std::fmt;

use chrono::NaiveDateTime;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A moment in UTC, ordered in time.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct GmtTime(pub NaiveDateTime);

const FORMAT: &str = "%Y-%m-%dT%H:%M:%S";

/// The text is not a WooCommerce timestamp.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("\"{text}\" is not a date (expected YYYY-MM-DDTHH:MM:SS in UTC)")]
pub struct TimeError {
    pub text: String,
}

impl GmtTime {
    pub fn parse(text: &str) -> Result<GmtTime, TimeError> {
        // Tolerate what other WooCommerce versions or REST clients may add: fractions and a `Z`.
        let trimmed = text.trim().trim_end_matches('Z');
        NaiveDateTime::parse_from_str(trimmed, "%Y-%m-%dT%H:%M:%S%.f")
            .map(GmtTime)
            .map_err(|_| TimeError {
                text: text.to_owned(),
            })
    }

    pub fn now() -> GmtTime {
        GmtTime(chrono::Utc::now().naive_utc())
    }
}

impl fmt::Display for GmtTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.format(FORMAT))
    }
}

impl fmt::Debug for GmtTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "GmtTime({self})")
    }
}

impl Serialize for GmtTime {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for GmtTime {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<GmtTime, D::Error> {
        let text = String::deserialize(d)?;
        GmtTime::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_and_writes_woocommerce_format() {
        let t = GmtTime::parse("2026-11-28T14:29:40").unwrap();
        assert_eq!(t.to_string(), "2026-11-28T14:29:40");
        assert!(GmtTime::parse("2026-11-28T14:29:41").unwrap() > t);
        assert!(GmtTime::parse("28/11/2026").is_err());
    }
}
