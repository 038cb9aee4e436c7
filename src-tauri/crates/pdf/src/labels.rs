//! The words printed on documents, in French, Dutch and English (Belgian usage: `HTVA` /
//! `TVAC`, `excl. btw` / `incl. btw`).

use comptoir_core::{DocumentKind, Language};

#[derive(Debug)]
pub(crate) struct Labels {
    pub invoice: &'static str,
    pub credit_note: &'static str,
    pub order_form: &'static str,
    pub delivery_note: &'static str,
    /// Before the document number: `N° 2026-0001`.
    pub number: &'static str,
    pub concept: &'static str,
    pub continued: &'static str,
    pub date: &'static str,
    pub order: &'static str,
    pub order_date: &'static str,
    pub billing: &'static str,
    pub shipping: &'static str,
    pub same_as_billing: &'static str,
    pub shipping_method: &'static str,
    pub vat: &'static str,
    pub enterprise_number: &'static str,
    pub customer_note: &'static str,
    pub sku: &'static str,
    pub description: &'static str,
    pub quantity: &'static str,
    pub unit_price: &'static str,
    pub vat_rate_column: &'static str,
    pub line_total: &'static str,
    pub discount: &'static str,
    pub coupons: &'static str,
    pub vat_rate: &'static str,
    pub vat_base: &'static str,
    pub vat_amount: &'static str,
    pub total_excl: &'static str,
    pub total_vat: &'static str,
    pub total_incl: &'static str,
    pub item_count: &'static str,
    pub payment: &'static str,
    pub amount: &'static str,
    pub communication: &'static str,
    pub scan: &'static str,
    /// Between a label and its value: French sets a space before the colon.
    pub colon: &'static str,
}

impl Labels {
    pub fn title(&self, kind: DocumentKind) -> &'static str {
        match kind {
            DocumentKind::Invoice => self.invoice,
            DocumentKind::CreditNote => self.credit_note,
            DocumentKind::OrderForm => self.order_form,
            DocumentKind::DeliveryNote => self.delivery_note,
        }
    }

    /// `label : value` (French) or `label: value`.
    pub fn pair(&self, label: &str, value: &str) -> String {
        format!("{label}{}{value}", self.colon)
    }
}

pub(crate) fn labels(lang: Language) -> &'static Labels {
    match lang {
        Language::Fr => &FR,
        Language::Nl => &NL,
        Language::En => &EN,
    }
}

/// A country's name for an address, for the countries a Belgian shop mostly ships to; other
/// countries keep WooCommerce's two-letter code, which post offices read.
pub(crate) fn country(code: &str, lang: Language) -> String {
    let code = code.trim().to_ascii_uppercase();
    let names: Option<[&str; 3]> = match code.as_str() {
        "BE" => Some(["Belgique", "België", "Belgium"]),
        "NL" => Some(["Pays-Bas", "Nederland", "Netherlands"]),
        "FR" => Some(["France", "Frankrijk", "France"]),
        "LU" => Some(["Luxembourg", "Luxemburg", "Luxembourg"]),
        "DE" => Some(["Allemagne", "Duitsland", "Germany"]),
        _ => None,
    };
    match names {
        Some(n) => match lang {
            Language::Fr => n[0],
            Language::Nl => n[1],
            Language::En => n[2],
        }
        .to_owned(),
        None => code,
    }
}

static FR: Labels = Labels {
    invoice: "Facture",
    credit_note: "Note de crédit",
    order_form: "Bon de commande",
    delivery_note: "Bon de livraison",
    number: "N°",
    concept: "CONCEPT",
    continued: "suite",
    date: "Date",
    order: "Commande",
    order_date: "Date de commande",
    billing: "Adresse de facturation",
    shipping: "Adresse de livraison",
    same_as_billing: "Identique à l'adresse de facturation",
    shipping_method: "Mode de livraison",
    vat: "TVA",
    enterprise_number: "N° d'entreprise",
    customer_note: "Remarque du client",
    sku: "Réf.",
    description: "Description",
    quantity: "Qté",
    unit_price: "Prix unit. HTVA",
    vat_rate_column: "TVA",
    line_total: "Total HTVA",
    discount: "Remise",
    coupons: "Code promo",
    vat_rate: "Taux TVA",
    vat_base: "Base HTVA",
    vat_amount: "Montant TVA",
    total_excl: "Total HTVA",
    total_vat: "TVA",
    total_incl: "Total TVAC",
    item_count: "Nombre d'articles",
    payment: "Paiement",
    amount: "Montant",
    communication: "Communication structurée",
    scan: "Scannez avec votre app bancaire",
    colon: " : ",
};

static NL: Labels = Labels {
    invoice: "Factuur",
    credit_note: "Creditnota",
    order_form: "Bestelbon",
    delivery_note: "Leveringsbon",
    number: "Nr.",
    concept: "CONCEPT",
    continued: "vervolg",
    date: "Datum",
    order: "Bestelling",
    order_date: "Besteldatum",
    billing: "Factuuradres",
    shipping: "Leveringsadres",
    same_as_billing: "Zelfde als het factuuradres",
    shipping_method: "Verzendwijze",
    vat: "Btw",
    enterprise_number: "Ondernemingsnr.",
    customer_note: "Opmerking van de klant",
    sku: "Art.nr.",
    description: "Omschrijving",
    quantity: "Aantal",
    unit_price: "Eenheidsprijs excl. btw",
    vat_rate_column: "Btw",
    line_total: "Totaal excl. btw",
    discount: "Korting",
    coupons: "Kortingscode",
    vat_rate: "Btw-tarief",
    vat_base: "Basis excl. btw",
    vat_amount: "Btw-bedrag",
    total_excl: "Totaal excl. btw",
    total_vat: "Btw",
    total_incl: "Totaal incl. btw",
    item_count: "Aantal artikelen",
    payment: "Betaling",
    amount: "Bedrag",
    communication: "Gestructureerde mededeling",
    scan: "Scan met uw bankapp",
    colon: ": ",
};

static EN: Labels = Labels {
    invoice: "Invoice",
    credit_note: "Credit note",
    order_form: "Order form",
    delivery_note: "Delivery note",
    number: "No.",
    concept: "CONCEPT",
    continued: "continued",
    date: "Date",
    order: "Order",
    order_date: "Order date",
    billing: "Billing address",
    shipping: "Shipping address",
    same_as_billing: "Same as the billing address",
    shipping_method: "Shipping method",
    vat: "VAT",
    enterprise_number: "Company no.",
    customer_note: "Customer note",
    sku: "SKU",
    description: "Description",
    quantity: "Qty",
    unit_price: "Unit price excl. VAT",
    vat_rate_column: "VAT",
    line_total: "Total excl. VAT",
    discount: "Discount",
    coupons: "Coupon",
    vat_rate: "VAT rate",
    vat_base: "Base excl. VAT",
    vat_amount: "VAT amount",
    total_excl: "Total excl. VAT",
    total_vat: "VAT",
    total_incl: "Total incl. VAT",
    item_count: "Number of items",
    payment: "Payment",
    amount: "Amount",
    communication: "Structured reference",
    scan: "Scan with your banking app",
    colon: ": ",
};
