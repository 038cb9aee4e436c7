// Declares the app's own commands so that the capability file can allow exactly these.
fn main() {
    let attributes =
        tauri_build::Attributes::new().app_manifest(tauri_build::AppManifest::new().commands(&[
            "connection_info",
            "restart_listener",
            "connection_state",
            "restart_tunnel",
            "connect_shop",
            "check_webhooks",
            "test_public_url",
            "catch_up_now",
            "list_orders",
            "order_detail",
            "send_test_order",
            "list_activity",
            "list_failed_deliveries",
            "list_settings",
            "check_setting",
            "set_setting",
            "list_documents",
            "document_detail",
            "finalize_document",
            "mark_document_paid",
            "delete_document",
            "set_document_note",
            "list_stock",
            "stock_ledger",
            "set_stock",
            "document_pdf",
            "email_preview",
            "set_customer_note",
            "send_documents",
            "send_test_email",
            "list_outbox",
            "list_printers",
            "print_documents",
            "todays_delivery_notes",
        ]));
    if let Err(e) = tauri_build::try_build(attributes) {
        eprintln!("tauri-build failed: {e:#}");
        std::process::exit(1);
    }
}
