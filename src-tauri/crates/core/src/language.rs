//! The language a document is written in. Belgian shops serve customers in French, Dutch and
//! English; when the owner turns multilingual documents on, each order's document follows the
//! language the customer shopped in (WPML or Polylang record it in the order's meta data), or
//! else the billing country through a map the owner can change.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::Order;

/// A language Comptoir writes documents, legends and e-mails in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    Fr,
    Nl,
    En,
}

impl Language {
    pub const ALL: [Language; 3] = [Language::Fr, Language::Nl, Language::En];

    pub fn as_str(self) -> &'static str {
        match self {
            Language::Fr => "fr",
            Language::Nl => "nl",
            Language::En => "en",
        }
    }

    /// Reads a language code as WordPress plugins and browsers write it: `fr`, `nl_BE`,
    /// `en-GB`, `FR`. Only the language part counts; `None` for a language Comptoir does not
    /// write.
    pub fn parse(text: &str) -> Option<Language> {
        let code = text.trim().split(['_', '-']).next().unwrap_or_default();
        match code.to_ascii_lowercase().as_str() {
            "fr" => Some(Language::Fr),
            "nl" => Some(Language::Nl),
            "en" => Some(Language::En),
            _ => None,
        }
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Meta keys under which multilingual plugins record the language an order was placed in:
/// WPML, Polylang, then generic ones some themes use. The first usable one wins.
const LANGUAGE_META_KEYS: &[&str] = &[
    "wpml_language",
    "_wpml_language",
    "pll_language",
    "_pll_language",
    "language",
    "_language",
];

/// The language the customer shopped in, when a multilingual plugin recorded one that
/// Comptoir writes.
pub fn order_language(order: &Order) -> Option<Language> {
    LANGUAGE_META_KEYS.iter().find_map(|key| {
        order
            .meta_data
            .iter()
            .filter(|m| m.key == *key)
            .find_map(|m| m.value.as_str().and_then(Language::parse))
    })
}

/// What a country maps to: the shop's default language, or a fixed one.
type Choice = Option<Language>;

/// Which language a billing country gets when the order itself does not say. Written as
/// `BE=default,FR=fr,LU=fr,MC=fr,NL=nl,*=en`, where `default` is the shop's default language
/// and `*` is every other country.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountryMap {
    countries: BTreeMap<String, Choice>,
    others: Choice,
}

/// The country map text cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LanguageError {
    #[error(
        "\"{0}\" is not a country and language pair: write them like FR=fr, separated by commas, with * for every other country."
    )]
    Entry(String),
    #[error(
        "\"{0}\" is not a country code: use the two-letter code WooCommerce uses, like BE or NL, or * for every other country."
    )]
    Country(String),
    #[error(
        "\"{0}\" is not a language Comptoir writes: use fr, nl, en, or default for the shop's default language."
    )]
    Language(String),
    #[error("{0} appears twice in the country map: keep only one language for it.")]
    Duplicate(String),
}

impl Default for CountryMap {
    /// Belgium follows the shop's default; French-speaking neighbours get French, the
    /// Netherlands Dutch, and everyone else English.
    fn default() -> Self {
        let countries = [
            ("BE", None),
            ("FR", Some(Language::Fr)),
            ("LU", Some(Language::Fr)),
            ("MC", Some(Language::Fr)),
            ("NL", Some(Language::Nl)),
        ]
        .into_iter()
        .map(|(c, l)| (c.to_owned(), l))
        .collect();
        CountryMap {
            countries,
            others: Some(Language::En),
        }
    }
}

impl CountryMap {
    /// Reads `BE=default,FR=fr,*=en`. Spaces, and newlines or semicolons instead of commas,
    /// are accepted. Without a `*` entry, other countries get the shop's default language.
    pub fn parse(text: &str) -> Result<CountryMap, LanguageError> {
        let mut countries = BTreeMap::new();
        let mut others = None;
        let mut seen_others = false;
        for entry in text.split([',', ';', '\n']) {
            let entry = entry.trim();
            if entry.is_empty() {
                continue;
            }
            let Some((country, language)) = entry.split_once('=') else {
                return Err(LanguageError::Entry(entry.to_owned()));
            };
            let (country, language) = (country.trim(), language.trim());
            let choice = match language.to_ascii_lowercase().as_str() {
                "default" => None,
                other => Some(
                    Language::parse(other)
                        .filter(|_| other.len() == 2)
                        .ok_or_else(|| LanguageError::Language(language.to_owned()))?,
                ),
            };
            if country == "*" {
                if seen_others {
                    return Err(LanguageError::Duplicate("*".to_owned()));
                }
                seen_others = true;
                others = choice;
                continue;
            }
            if country.len() != 2 || !country.bytes().all(|b| b.is_ascii_alphabetic()) {
                return Err(LanguageError::Country(country.to_owned()));
            }
            let country = country.to_ascii_uppercase();
            if countries.insert(country.clone(), choice).is_some() {
                return Err(LanguageError::Duplicate(country));
            }
        }
        Ok(CountryMap { countries, others })
    }

    /// The language for a billing country (a two-letter code, any case). An order without a
    /// country gets the shop's default: `*` is for other countries, not for no country.
    pub fn language_for(&self, country: &str, default: Language) -> Language {
        let country = country.trim().to_ascii_uppercase();
        if country.is_empty() {
            return default;
        }
        self.countries
            .get(&country)
            .copied()
            .unwrap_or(self.others)
            .unwrap_or(default)
    }
}

impl fmt::Display for CountryMap {
    /// Countries in alphabetical order, then `*`, which always appears so the text says what
    /// other countries get.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = |c: Choice| c.map_or("default", Language::as_str);
        for (country, choice) in &self.countries {
            write!(f, "{country}={},", name(*choice))?;
        }
        write!(f, "*={}", name(self.others))
    }
}

impl std::str::FromStr for CountryMap {
    type Err = LanguageError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        CountryMap::parse(s)
    }
}

/// Stored as its text form, the same the owner edits.
impl Serialize for CountryMap {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for CountryMap {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        CountryMap::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// The language of an order's document: the shop's default when multilingual documents are
/// off; otherwise the language the order was placed in, else the billing country's (the
/// shipping country's when the billing address has none) through `map`.
pub fn document_language(
    order: &Order,
    multilingual: bool,
    default: Language,
    map: &CountryMap,
) -> Language {
    if !multilingual {
        return default;
    }
    if let Some(language) = order_language(order) {
        return language;
    }
    let country = if order.billing.country.trim().is_empty() {
        &order.shipping.country
    } else {
        &order.billing.country
    };
    map.language_for(country, default)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn order(country: &str, meta: &[(&str, &str)]) -> Order {
        let meta: Vec<serde_json::Value> = meta
            .iter()
            .map(|(k, v)| serde_json::json!({"key": k, "value": v}))
            .collect();
        Order::from_value(serde_json::json!({
            "id": 1, "status": "processing", "total": "1.00",
            "billing": {"country": country}, "meta_data": meta
        }))
        .unwrap()
    }

    #[test]
    fn parses_codes_and_locales() {
        assert_eq!(Language::parse("fr"), Some(Language::Fr));
        assert_eq!(Language::parse("nl_BE"), Some(Language::Nl));
        assert_eq!(Language::parse("en-GB"), Some(Language::En));
        assert_eq!(Language::parse(" FR "), Some(Language::Fr));
        assert_eq!(Language::parse("de"), None);
        assert_eq!(Language::parse(""), None);
        for l in Language::ALL {
            assert_eq!(Language::parse(l.as_str()), Some(l));
        }
        assert_eq!(serde_json::to_string(&Language::Nl).unwrap(), "\"nl\"");
        assert_eq!(
            serde_json::from_str::<Language>("\"en\"").unwrap(),
            Language::En
        );
    }

    #[test]
    fn order_meta_gives_the_language() {
        assert_eq!(
            order_language(&order("FR", &[("wpml_language", "nl")])),
            Some(Language::Nl)
        );
        assert_eq!(
            order_language(&order("BE", &[("_pll_language", "en_GB")])),
            Some(Language::En)
        );
        // WPML wins over the generic key; an unknown language falls through to the next key.
        assert_eq!(
            order_language(&order(
                "BE",
                &[("language", "fr"), ("wpml_language", "nl_BE")]
            )),
            Some(Language::Nl)
        );
        assert_eq!(
            order_language(&order(
                "BE",
                &[("wpml_language", "de"), ("_language", "fr")]
            )),
            Some(Language::Fr)
        );
        assert_eq!(
            order_language(&order("BE", &[("_billing_vat", "fr")])),
            None
        );
    }

    #[test]
    fn default_map_round_trips() {
        let map = CountryMap::default();
        assert_eq!(map.to_string(), "BE=default,FR=fr,LU=fr,MC=fr,NL=nl,*=en");
        assert_eq!(CountryMap::parse(&map.to_string()).unwrap(), map);
        let json = serde_json::to_string(&map).unwrap();
        assert_eq!(serde_json::from_str::<CountryMap>(&json).unwrap(), map);
    }

    #[test]
    fn map_parsing_is_forgiving_but_strict_on_content() {
        let map = CountryMap::parse(" nl = NL ;\n be=default ,").unwrap();
        assert_eq!(map.to_string(), "BE=default,NL=nl,*=default");
        assert_eq!(map.language_for("DE", Language::Fr), Language::Fr);
        assert!(matches!(
            CountryMap::parse("FR:fr"),
            Err(LanguageError::Entry(_))
        ));
        assert!(matches!(
            CountryMap::parse("FRA=fr"),
            Err(LanguageError::Country(_))
        ));
        assert!(matches!(
            CountryMap::parse("FR=de"),
            Err(LanguageError::Language(_))
        ));
        assert!(matches!(
            CountryMap::parse("FR=fr_BE"),
            Err(LanguageError::Language(_))
        ));
        assert!(matches!(
            CountryMap::parse("FR=fr,fr=nl"),
            Err(LanguageError::Duplicate(_))
        ));
        assert!(
            CountryMap::parse("FR=de")
                .unwrap_err()
                .to_string()
                .contains("fr, nl, en, or default")
        );
    }

    #[test]
    fn document_language_follows_the_settings() {
        let map = CountryMap::default();
        let be = order("BE", &[]);
        let fr = order("FR", &[]);
        let nl = order("NL", &[]);
        let de = order("DE", &[]);
        let tagged = order("FR", &[("wpml_language", "nl")]);
        // Off: always the default.
        for o in [&be, &fr, &nl, &de, &tagged] {
            assert_eq!(
                document_language(o, false, Language::Nl, &map),
                Language::Nl
            );
        }
        // On: meta first, then the country.
        assert_eq!(
            document_language(&tagged, true, Language::Fr, &map),
            Language::Nl
        );
        assert_eq!(
            document_language(&be, true, Language::Nl, &map),
            Language::Nl
        );
        assert_eq!(
            document_language(&be, true, Language::Fr, &map),
            Language::Fr
        );
        assert_eq!(
            document_language(&fr, true, Language::Nl, &map),
            Language::Fr
        );
        assert_eq!(
            document_language(&nl, true, Language::Fr, &map),
            Language::Nl
        );
        assert_eq!(
            document_language(&de, true, Language::Fr, &map),
            Language::En
        );
        assert_eq!(
            document_language(&order("", &[]), true, Language::Nl, &map),
            Language::Nl
        );
    }

    #[test]
    fn captures_have_no_language_meta() {
        // s04's only order meta is the VAT number; the Belgian billing country decides.
        let o = order("BE", &[("_billing_vat", "BE0123456749")]);
        assert_eq!(order_language(&o), None);
        assert_eq!(
            document_language(&o, true, Language::Fr, &CountryMap::default()),
            Language::Fr
        );
    }
}
