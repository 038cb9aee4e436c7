//! Texts with placeholders: the legends printed on documents and the e-mail subjects and
//! bodies. The owner writes `Merci ! Virez {total} avec la communication
//! {structured_communication}.`; `{{` and `}}` stand for literal braces. [`check`] runs when the
//! owner saves a text, so a mistyped placeholder is refused then, with the list of the known
//! ones, instead of printing as an empty gap on a customer's invoice. [`render`] never fails:
//! a text that reached it was checked, and a document must still be made if a value is missing.

use std::fmt::Write as _;

use crate::message::{Message, code};

/// Every placeholder a legend or e-mail text may use, in the order the settings screen lists
/// them.
pub const PLACEHOLDERS: &[&str] = &[
    "order_number",
    "document_number",
    "document_date",
    "customer_name",
    "total",
    "structured_communication",
    "shop_name",
];

/// A text cannot be saved as it is; the message says where and what to do.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TemplateError {
    #[error(
        "The text uses {{{name}}}, which Comptoir does not know. The placeholders you can use are: {}.",
        known_list()
    )]
    UnknownPlaceholder { name: String },
    #[error(
        "The text has empty braces {{}} at character {position}. Put a placeholder inside ({}), or write {{{{ and }}}} for literal braces.",
        known_list()
    )]
    EmptyPlaceholder { position: usize },
    #[error(
        "The brace {{ at character {position} is never closed. Close it with }} after the placeholder name ({}), or write {{{{ for a literal brace.",
        known_list()
    )]
    Unclosed { position: usize },
    #[error(
        "The brace }} at character {position} closes nothing. Remove it, or write }}}} for a literal brace."
    )]
    LoneClosingBrace { position: usize },
}

impl TemplateError {
    /// The sentence with its code and parameters, for the window.
    pub fn message(&self) -> Message {
        let text = self.to_string();
        match self {
            TemplateError::UnknownPlaceholder { name } => {
                Message::new(&code::TEMPLATE_UNKNOWN, text)
                    .with("name", format!("{{{name}}}"))
                    .with("known", known_list())
            }
            TemplateError::EmptyPlaceholder { position } => {
                Message::new(&code::TEMPLATE_EMPTY, text)
                    .with("position", *position)
                    .with("known", known_list())
            }
            TemplateError::Unclosed { position } => Message::new(&code::TEMPLATE_UNCLOSED, text)
                .with("position", *position)
                .with("known", known_list()),
            TemplateError::LoneClosingBrace { position } => {
                Message::new(&code::TEMPLATE_LONE_CLOSE, text).with("position", *position)
            }
        }
    }
}

fn known_list() -> String {
    let mut out = String::new();
    for (i, name) in PLACEHOLDERS.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        let _ = write!(out, "{{{name}}}");
    }
    out
}

/// One piece of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Token<'a> {
    /// Text printed as is (a `{{` already turned into `{`).
    Text(std::borrow::Cow<'a, str>),
    /// A placeholder name, trimmed of the spaces people put inside braces.
    Placeholder(&'a str),
}

/// What is wrong with the shape of a text, before names are looked at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ShapeError {
    Unclosed(usize),
    LoneClose(usize),
    Empty(usize),
}

/// Splits a text into literal pieces and placeholders. In strict mode the first mistake is an
/// error; otherwise mistakes are kept as literal text, which is what [`render`] wants.
fn tokenize(text: &str, strict: bool) -> Result<Vec<Token<'_>>, ShapeError> {
    let mut tokens = Vec::new();
    let mut literal = String::new();
    // Positions are counted in characters from 1, as the owner sees them in the editor.
    let mut chars = text.char_indices().enumerate().peekable();
    while let Some((n, (at, c))) = chars.next() {
        match c {
            '{' if chars.peek().is_some_and(|(_, (_, next))| *next == '{') => {
                chars.next();
                literal.push('{');
            }
            '}' if chars.peek().is_some_and(|(_, (_, next))| *next == '}') => {
                chars.next();
                literal.push('}');
            }
            '{' => {
                let rest = text.get(at + 1..).unwrap_or_default();
                // A placeholder name ends at the first closing brace; another opening brace
                // before it means this one was never closed.
                let end = rest.find(['}', '{']);
                match end {
                    Some(len) if rest[len..].starts_with('}') => {
                        let name = rest[..len].trim();
                        if name.is_empty() {
                            if strict {
                                return Err(ShapeError::Empty(n + 1));
                            }
                            literal.push_str("{}");
                        } else {
                            if !literal.is_empty() {
                                tokens.push(Token::Text(std::mem::take(&mut literal).into()));
                            }
                            tokens.push(Token::Placeholder(name));
                        }
                        // Skip the name and its closing brace.
                        let skip = rest[..len].chars().count() + 1;
                        for _ in 0..skip {
                            chars.next();
                        }
                    }
                    _ => {
                        if strict {
                            return Err(ShapeError::Unclosed(n + 1));
                        }
                        literal.push('{');
                    }
                }
            }
            '}' => {
                if strict {
                    return Err(ShapeError::LoneClose(n + 1));
                }
                literal.push('}');
            }
            c => literal.push(c),
        }
    }
    if !literal.is_empty() {
        tokens.push(Token::Text(literal.into()));
    }
    Ok(tokens)
}

/// Accepts a text whose braces are well formed and whose placeholders are all in
/// [`PLACEHOLDERS`].
pub fn check(text: &str) -> Result<(), TemplateError> {
    let tokens = tokenize(text, true).map_err(|e| match e {
        ShapeError::Unclosed(position) => TemplateError::Unclosed { position },
        ShapeError::LoneClose(position) => TemplateError::LoneClosingBrace { position },
        ShapeError::Empty(position) => TemplateError::EmptyPlaceholder { position },
    })?;
    for token in tokens {
        if let Token::Placeholder(name) = token
            && !PLACEHOLDERS.contains(&name)
        {
            return Err(TemplateError::UnknownPlaceholder {
                name: name.to_owned(),
            });
        }
    }
    Ok(())
}

/// The names of the placeholders a text uses, in order, repeats included (e.g. to tell the
/// owner that a legend for unpaid invoices has no `{structured_communication}`).
pub fn placeholders_in(text: &str) -> Vec<String> {
    tokenize(text, false)
        .unwrap_or_default()
        .into_iter()
        .filter_map(|t| match t {
            Token::Placeholder(name) => Some(name.to_owned()),
            Token::Text(_) => None,
        })
        .collect()
}

/// Fills in the placeholders with `values(name)`; a placeholder without a value prints as
/// nothing, and badly formed braces print as they are.
pub fn render(text: &str, values: &impl Fn(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(text.len());
    for token in tokenize(text, false).unwrap_or_default() {
        match token {
            Token::Text(t) => out.push_str(&t),
            Token::Placeholder(name) => {
                if let Some(value) = values(name) {
                    out.push_str(&value);
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(name: &str) -> Option<String> {
        match name {
            "order_number" => Some("25".into()),
            "total" => Some("70,28 €".into()),
            "structured_communication" => Some("+++090/9337/55493+++".into()),
            "shop_name" => Some("Comptoir {test}".into()),
            _ => None,
        }
    }

    #[test]
    fn renders_placeholders_and_literal_braces() {
        let text = "Commande {order_number} : virez {total} avec {structured_communication}. {{merci}} — {shop_name}";
        check(text).unwrap();
        assert_eq!(
            render(text, &values),
            "Commande 25 : virez 70,28 € avec +++090/9337/55493+++. {merci} — Comptoir {test}"
        );
    }

    #[test]
    fn values_are_not_read_as_templates() {
        // The shop name contains braces; they print as they are.
        assert_eq!(render("{shop_name}", &values), "Comptoir {test}");
    }

    #[test]
    fn a_missing_value_prints_nothing() {
        check("Facture {document_number}.").unwrap();
        assert_eq!(render("Facture {document_number}.", &values), "Facture .");
    }

    #[test]
    fn spaces_inside_braces_are_tolerated() {
        check("{ order_number }").unwrap();
        assert_eq!(render("n° { order_number }", &values), "n° 25");
    }

    #[test]
    fn unknown_placeholders_are_refused_with_the_known_list() {
        let e = check("Bonjour {client}").unwrap_err();
        assert_eq!(
            e,
            TemplateError::UnknownPlaceholder {
                name: "client".into()
            }
        );
        let msg = e.to_string();
        assert!(
            msg.starts_with("The text uses {client}, which Comptoir does not know."),
            "{msg}"
        );
        for name in PLACEHOLDERS {
            assert!(msg.contains(&format!("{{{name}}}")), "{msg}");
        }
    }

    #[test]
    fn refusals_carry_a_code_and_their_values() {
        let m = check("Bonjour {client}").unwrap_err().message();
        assert_eq!(m.code_id(), Some("template.unknown"));
        assert_eq!(m.params["name"], "{client}");
        assert!(
            m.params["known"]
                .as_str()
                .unwrap()
                .contains("{structured_communication}"),
            "{m:?}"
        );
        assert!(m.message.starts_with("The text uses {client}"), "{m:?}");
        let m = check("a } b").unwrap_err().message();
        assert_eq!(m.code_id(), Some("template.lone_close"));
        assert_eq!(m.params["position"], 3);
        assert_eq!(
            check("Total {total").unwrap_err().message().code_id(),
            Some("template.unclosed")
        );
        assert_eq!(
            check("{}").unwrap_err().message().code_id(),
            Some("template.empty")
        );
    }

    #[test]
    fn badly_formed_braces_are_refused() {
        assert_eq!(
            check("Total {total").unwrap_err(),
            TemplateError::Unclosed { position: 7 }
        );
        assert_eq!(
            check("a {total {shop_name}").unwrap_err(),
            TemplateError::Unclosed { position: 3 }
        );
        assert_eq!(
            check("a } b").unwrap_err(),
            TemplateError::LoneClosingBrace { position: 3 }
        );
        assert_eq!(
            check("é{}").unwrap_err(),
            TemplateError::EmptyPlaceholder { position: 2 }
        );
        let msg = check("{").unwrap_err().to_string();
        assert!(
            msg.contains("never closed") && msg.contains("{order_number}"),
            "{msg}"
        );
    }

    #[test]
    fn doubled_braces_are_literal() {
        check("{{}}").unwrap();
        check("{{total}}").unwrap();
        assert_eq!(render("{{total}}", &values), "{total}");
        assert_eq!(render("{{{total}}}", &values), "{70,28 €}");
    }

    #[test]
    fn render_keeps_bad_braces_as_text() {
        assert_eq!(render("a } {} b", &values), "a } {} b");
        // Something in braces is a placeholder even when it is not a known one: check()
        // refuses it, and render() prints it as a missing value.
        assert_eq!(render("a {total b }.", &values), "a .");
        assert_eq!(render("é {order_number", &values), "é {order_number");
    }

    #[test]
    fn lists_the_placeholders_used() {
        assert_eq!(
            placeholders_in("{total} {{x}} {total} {shop_name}"),
            ["total", "total", "shop_name"]
        );
    }

    #[test]
    fn empty_text_is_fine() {
        check("").unwrap();
        assert_eq!(render("", &values), "");
    }
}
