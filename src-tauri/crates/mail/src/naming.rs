//! Names that must stay the same every time a document is sent: its Message-ID and the file
//! name of its PDF.

use sha2::{Digest, Sha256};

/// The Message-ID of the e-mail that carries a document, for example
/// `<comptoir-doc-17-4f2a9c01b3de@comptoir.invalid>`.
///
/// It is computed, not stored or random, so that every attempt — after a retry, a restart or a
/// crash between the server's 250 and the outbox's commit — carries the same ID, and a
/// duplicate that slipped through that window is recognisable as such (and folded into one by
/// mail clients that de-duplicate on Message-ID).
///
/// The document id alone is not enough: a database created afresh starts its ids again at 1,
/// and a new document 17 must not share an ID with the old one, or Gmail would silently drop
/// it as a copy of a message the customer already has. The hash of the document number tells
/// them apart (Comptoir's numbers carry their series and year). 48 bits of SHA-256 keep the ID
/// short; a chance collision needs the same id *and* a hash clash.
///
/// The domain is `comptoir.invalid`: `.invalid` is reserved (RFC 2606), so the ID can never
/// claim someone else's host name, and it does not change when the owner changes the sender
/// address between two attempts.
pub fn message_id_for(document_id: i64, document_number: &str) -> String {
    let digest = Sha256::digest(document_number.trim().as_bytes());
    let mut short = String::with_capacity(12);
    for byte in digest.iter().take(6) {
        short.push(char::from(HEX[usize::from(byte >> 4)]));
        short.push(char::from(HEX[usize::from(byte & 0x0f)]));
    }
    format!("<comptoir-doc-{document_id}-{short}@comptoir.invalid>")
}

const HEX: &[u8; 16] = b"0123456789abcdef";

/// The file name of a document's PDF, as the customer sees it in their mail client and saves
/// it: `attachment_name("Facture", "F2026-0007")` is `Facture F2026-0007.pdf`.
///
/// Characters that Windows, macOS or Linux refuse in a file name (`/ \ : * ? " < > |` and
/// control characters) become `-`, runs of spaces become one, and the name is trimmed of the
/// spaces and dots Windows drops; accents stay (the e-mail encodes them).
pub fn attachment_name(kind_label: &str, number: &str) -> String {
    let joined = format!("{} {}", kind_label.trim(), number.trim());
    let mut stem = String::with_capacity(joined.len());
    for c in joined.chars() {
        let c = match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '-',
            c if c.is_control() || c.is_whitespace() => ' ',
            c => c,
        };
        if c == ' ' && (stem.is_empty() || stem.ends_with(' ')) {
            continue;
        }
        stem.push(c);
    }
    // Long names are cut (on a character boundary) so that the path stays well within the
    // limits of every file system once a folder is in front of it.
    if let Some((cut, _)) = stem.char_indices().nth(120) {
        stem.truncate(cut);
    }
    let stem = stem.trim_matches(|c| c == ' ' || c == '.');
    let stem = if stem.is_empty() { "Document" } else { stem };
    // "CON.pdf", "NUL.pdf"… cannot be saved on Windows.
    let reserved = matches!(
        stem.to_ascii_uppercase().as_str(),
        "CON" | "PRN" | "AUX" | "NUL"
    ) || {
        let upper = stem.to_ascii_uppercase();
        (upper.starts_with("COM") || upper.starts_with("LPT"))
            && upper.len() == 4
            && upper.as_bytes()[3].is_ascii_digit()
    };
    if reserved {
        format!("_{stem}.pdf")
    } else {
        format!("{stem}.pdf")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn message_ids_are_stable_and_tell_databases_apart() {
        let a = message_id_for(17, "F2026-0007");
        assert_eq!(a, message_id_for(17, "F2026-0007"));
        assert_eq!(a, message_id_for(17, " F2026-0007 "));
        assert!(a.starts_with("<comptoir-doc-17-"), "{a}");
        assert!(a.ends_with("@comptoir.invalid>"), "{a}");
        assert_eq!(
            a.len(),
            "<comptoir-doc-17-".len() + 12 + "@comptoir.invalid>".len()
        );
        // The same id in a re-created database, with another number.
        assert_ne!(a, message_id_for(17, "F2026-0001"));
        assert_ne!(a, message_id_for(18, "F2026-0007"));
        // Pinned: a change here would make a retry after an upgrade look like a new message.
        assert_eq!(
            message_id_for(1, "F2026-0001"),
            format!(
                "<comptoir-doc-1-{}@comptoir.invalid>",
                &hex_sha256("F2026-0001")[..12]
            )
        );
    }

    fn hex_sha256(s: &str) -> String {
        Sha256::digest(s.as_bytes())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }

    #[test]
    fn attachment_names_are_safe_file_names() {
        assert_eq!(
            attachment_name("Facture", "F2026-0007"),
            "Facture F2026-0007.pdf"
        );
        assert_eq!(
            attachment_name("Note de crédit", "NC/2026/3"),
            "Note de crédit NC-2026-3.pdf"
        );
        assert_eq!(
            attachment_name(" Facture ", "a\\b:c*d?e\"f<g>h|i"),
            "Facture a-b-c-d-e-f-g-h-i.pdf"
        );
        assert_eq!(
            attachment_name("Facture\n", "\t2026  07."),
            "Facture 2026 07.pdf"
        );
        assert_eq!(attachment_name("", ""), "Document.pdf");
        assert_eq!(attachment_name("", "..."), "Document.pdf");
        assert_eq!(attachment_name("", "con"), "_con.pdf");
        assert_eq!(attachment_name("COM1", ""), "_COM1.pdf");
        assert_eq!(attachment_name("COMPTE", ""), "COMPTE.pdf");
        let long = attachment_name("Facture", &"é".repeat(300));
        assert_eq!(long.chars().count(), 120 + ".pdf".len());
    }
}
