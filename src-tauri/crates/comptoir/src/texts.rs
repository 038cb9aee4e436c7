//! The texts a shop starts with: legends and e-mail texts in French, Dutch and English, paid and
//! unpaid. The owner changes them in the settings; these are only the defaults.

/// `rest` is `<lang>.<paid|unpaid>`.
pub fn default_legend(rest: &str) -> Option<String> {
    let text = match rest {
        "fr.paid" => "Payé. Merci pour votre commande !",
        "fr.unpaid" => {
            "À payer : {total}, avec la communication structurée {structured_communication}. Merci !"
        }
        "nl.paid" => "Betaald. Bedankt voor uw bestelling!",
        "nl.unpaid" => {
            "Te betalen: {total}, met de gestructureerde mededeling {structured_communication}. Bedankt!"
        }
        "en.paid" => "Paid. Thank you for your order!",
        "en.unpaid" => {
            "Amount due: {total}, with the structured reference {structured_communication}. Thank you!"
        }
        _ => return None,
    };
    Some(text.to_owned())
}

/// `rest` is `<lang>.<paid|unpaid>.<subject|body>`.
pub fn default_email(rest: &str) -> Option<String> {
    let text = match rest {
        "fr.paid.subject" | "fr.unpaid.subject" => "{shop_name} — votre commande {order_number}",
        "nl.paid.subject" | "nl.unpaid.subject" => "{shop_name} — uw bestelling {order_number}",
        "en.paid.subject" | "en.unpaid.subject" => "{shop_name} — your order {order_number}",
        "fr.paid.body" => {
            "Bonjour {customer_name},\n\nMerci pour votre commande {order_number}. Vous trouverez en pièce jointe le document {document_number}.\n\nBien cordialement,\n{shop_name}"
        }
        "fr.unpaid.body" => {
            "Bonjour {customer_name},\n\nMerci pour votre commande {order_number}. Vous trouverez en pièce jointe le document {document_number}.\nMontant à payer : {total}, avec la communication structurée {structured_communication}.\n\nBien cordialement,\n{shop_name}"
        }
        "nl.paid.body" => {
            "Beste {customer_name},\n\nBedankt voor uw bestelling {order_number}. In bijlage vindt u document {document_number}.\n\nMet vriendelijke groeten,\n{shop_name}"
        }
        "nl.unpaid.body" => {
            "Beste {customer_name},\n\nBedankt voor uw bestelling {order_number}. In bijlage vindt u document {document_number}.\nTe betalen: {total}, met de gestructureerde mededeling {structured_communication}.\n\nMet vriendelijke groeten,\n{shop_name}"
        }
        "en.paid.body" => {
            "Dear {customer_name},\n\nThank you for your order {order_number}. Please find document {document_number} attached.\n\nKind regards,\n{shop_name}"
        }
        "en.unpaid.body" => {
            "Dear {customer_name},\n\nThank you for your order {order_number}. Please find document {document_number} attached.\nAmount due: {total}, with the structured reference {structured_communication}.\n\nKind regards,\n{shop_name}"
        }
        _ => return None,
    };
    Some(text.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_default_uses_known_placeholders_only() {
        for lang in ["fr", "nl", "en"] {
            for paid in ["paid", "unpaid"] {
                let legend = default_legend(&format!("{lang}.{paid}")).unwrap();
                comptoir_core::template::check(&legend).unwrap();
                for part in ["subject", "body"] {
                    let text = default_email(&format!("{lang}.{paid}.{part}")).unwrap();
                    comptoir_core::template::check(&text).unwrap();
                }
            }
        }
    }
}
