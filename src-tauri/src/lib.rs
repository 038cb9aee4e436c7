//! Comptoir's desktop shell: opens the core [`Engine`] for the data folder, starts the listener,
//! forwards the core's events to the window, and exposes a few thin commands. All behaviour
//! lives in the `comptoir` crate; each command here only adapts it.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use comptoir::config::{self, ConfigKey};
use comptoir::connect::WebhooksReport;
use comptoir::engine::{ConnectionInfo, ConnectionState, Event, ListenerStatus};
use comptoir::queries::{self, OrderDetail, OrderSummary};
use comptoir::reach::{RoundTrip, TunnelState};
use comptoir::test_order::TestOrderSent;
use comptoir::{DataDir, Engine, documents, mailer, pdfs, print, stock};
use comptoir_store::Connection;
use comptoir_store::activity::{ActivityRow, list_activity as store_list_activity};
use comptoir_store::documents::DocumentRow;
use comptoir_store::failed_deliveries::{
    FailedDeliveryRow, list_failed_deliveries as store_list_failed,
};
use comptoir_store::outbox::OutboxRow;
use comptoir_store::products::MovementRow;
use tauri::{Emitter, Manager, Runtime};

/// The name of the event that carries [`Event`]s to the window.
pub const EVENT: &str = "comptoir:event";
/// Printing progress: `{done, total}`.
pub const PRINT_EVENT: &str = "comptoir:print";

/// What the commands work on.
pub struct AppState {
    data_dir: DataDir,
    /// `Err` holds the sentence explaining why this window does not receive orders (another
    /// Comptoir holds the data folder); the orders can still be read.
    engine: Result<Engine, String>,
    /// The window's own connection, for reading and for the owner's changes.
    reader: Mutex<Connection>,
}

impl std::fmt::Debug for AppState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AppState")
            .field("data_dir", &self.data_dir)
            .finish_non_exhaustive()
    }
}

impl AppState {
    /// Opens the data folder; the engine is opened only if no other Comptoir holds it.
    pub fn open(data_dir: DataDir, events: comptoir::EventSink) -> Result<AppState, String> {
        let reader = comptoir_store::open(&data_dir.database()).map_err(|e| e.to_string())?;
        let engine = Engine::open(data_dir.clone(), "the Comptoir desktop app", events)
            .map_err(|e| e.to_string());
        if let Ok(engine) = &engine {
            engine.start_configured_listener();
        }
        Ok(AppState {
            data_dir,
            engine,
            reader: Mutex::new(reader),
        })
    }

    fn engine(&self) -> Result<&Engine, String> {
        self.engine.as_ref().map_err(Clone::clone)
    }

    /// Reads with the window's connection. The error is a [`UiError`] (the sentence with its
    /// code), or its English text for commands that return a plain string.
    fn read<T, E: From<UiError>>(
        &self,
        f: impl FnOnce(&Connection) -> comptoir::error::Result<T>,
    ) -> Result<T, E> {
        let conn = self
            .reader
            .lock()
            .map_err(|_| E::from(UiError::unusable()))?;
        f(&conn).map_err(|e| E::from(UiError::from(e)))
    }

    /// Changes by the owner (finalise, mark paid, stock) run in their own transactions on the
    /// window's connection; the intake writer has its own.
    fn write<T, E: From<UiError>>(
        &self,
        f: impl FnOnce(&mut Connection) -> comptoir::error::Result<T>,
    ) -> Result<T, E> {
        let mut conn = self
            .reader
            .lock()
            .map_err(|_| E::from(UiError::unusable()))?;
        f(&mut conn).map_err(|e| E::from(UiError::from(e)))
    }

    pub fn shutdown(&self) {
        if let Ok(engine) = &self.engine {
            engine.shutdown();
        }
    }
}

/// What a command rejects with: the core's sentence as `{code, params, message}`, so the window
/// can say it in the owner's language (`message` is the English text; `code` is null for
/// sentences that have no translation).
#[derive(Debug, serde::Serialize)]
#[serde(transparent)]
pub struct UiError(serde_json::Value);

impl UiError {
    /// A sentence without a code, shown as it is.
    fn plain(text: impl Into<String>) -> UiError {
        UiError(serde_json::json!({ "code": null, "params": {}, "message": text.into() }))
    }

    fn unusable() -> UiError {
        UiError::plain("The database connection is unusable; restart Comptoir.")
    }

    /// The English sentence.
    pub fn text(&self) -> &str {
        self.0["message"].as_str().unwrap_or_default()
    }
}

impl From<comptoir::Error> for UiError {
    fn from(e: comptoir::Error) -> UiError {
        UiError(e.message().to_value())
    }
}

impl From<String> for UiError {
    fn from(text: String) -> UiError {
        UiError::plain(text)
    }
}

impl From<UiError> for String {
    fn from(e: UiError) -> String {
        e.text().to_owned()
    }
}

#[tauri::command]
fn connection_info(state: tauri::State<'_, AppState>) -> Result<ConnectionInfo, UiError> {
    state.engine()?.connection_info().map_err(UiError::from)
}

#[tauri::command]
fn restart_listener(state: tauri::State<'_, AppState>) -> Result<ListenerStatus, UiError> {
    Ok(state.engine()?.start_configured_listener())
}

/// How long Connect waits for a tunnel that is (re)starting before saying there is no address.
const TUNNEL_WAIT: std::time::Duration = std::time::Duration::from_secs(20);

/// The connection screen in one read: tunnel, delivery URL, webhooks, last catch-up.
#[tauri::command]
fn connection_state(state: tauri::State<'_, AppState>) -> Result<ConnectionState, UiError> {
    state.engine()?.connection_state().map_err(UiError::from)
}

/// Restarts the tunnel at once after the owner changed its settings.
#[tauri::command]
fn restart_tunnel(state: tauri::State<'_, AppState>) -> Result<TunnelState, UiError> {
    let engine = state.engine()?;
    engine.restart_tunnel();
    Ok(engine.tunnel_state())
}

/// "Connect": creates or updates Comptoir's two webhooks in the shop (never duplicates).
// Async: waits for the tunnel and the shop, off the window's thread.
#[tauri::command(async)]
fn connect_shop(state: tauri::State<'_, AppState>) -> Result<WebhooksReport, UiError> {
    let engine = state.engine()?;
    // A tunnel just (re)started by a settings change gets a moment to come up.
    engine.wait_for_tunnel(TUNNEL_WAIT);
    engine
        .connect_shop()
        .map_err(|e| UiError::plain(e.to_string()))
}

/// Asks for a check of the webhooks; the result arrives as a `webhooks` event.
#[tauri::command]
fn check_webhooks(state: tauri::State<'_, AppState>) -> Result<(), UiError> {
    state.engine()?.check_webhooks_now();
    Ok(())
}

/// Sends a request through the public address (or through `url`, an address the owner typed,
/// saved or not) to the listener and reports the round trip.
// Async: blocks up to 15 s on the network, off the window's thread.
#[tauri::command(async)]
fn test_public_url(
    state: tauri::State<'_, AppState>,
    url: Option<String>,
) -> Result<RoundTrip, UiError> {
    let engine = state.engine()?;
    match url.filter(|u| !u.trim().is_empty()) {
        Some(url) => Ok(engine.test_url(&url)),
        None => {
            engine.wait_for_tunnel(TUNNEL_WAIT);
            Ok(engine.test_public_url())
        }
    }
}

/// Asks for a catch-up with the shop now; the result arrives as a `catch_up` event.
#[tauri::command]
fn catch_up_now(state: tauri::State<'_, AppState>) -> Result<(), UiError> {
    state.engine()?.catch_up_now();
    Ok(())
}

#[tauri::command]
fn list_orders(state: tauri::State<'_, AppState>) -> Result<Vec<OrderSummary>, UiError> {
    state.read(queries::list_orders)
}

#[tauri::command]
fn order_detail(
    state: tauri::State<'_, AppState>,
    id: u64,
    source: String,
) -> Result<OrderDetail, UiError> {
    state.read(|c| queries::order_detail(c, queries::find_order(c, id, Some(&source))?.key))
}

#[tauri::command]
fn send_test_order(state: tauri::State<'_, AppState>) -> Result<TestOrderSent, UiError> {
    state.engine()?.send_test_order().map_err(UiError::from)
}

#[tauri::command]
fn list_activity(state: tauri::State<'_, AppState>) -> Result<Vec<ActivityRow>, UiError> {
    state.read(|c| Ok(store_list_activity(c, 200)?))
}

#[tauri::command]
fn list_failed_deliveries(
    state: tauri::State<'_, AppState>,
) -> Result<Vec<FailedDeliveryRow>, UiError> {
    state.read(|c| Ok(store_list_failed(c, 100)?))
}

#[tauri::command]
fn list_settings(state: tauri::State<'_, AppState>) -> Result<Vec<config::Setting>, UiError> {
    state.read(|c| config::list(c, true))
}

/// Checks a value without saving it (the settings screen validates as the owner types).
#[tauri::command]
fn check_setting(key: String, value: String) -> Result<String, UiError> {
    ConfigKey::parse(&key)
        .and_then(|k| k.validate(&value))
        .map_err(UiError::from)
}

#[tauri::command]
fn set_setting(
    state: tauri::State<'_, AppState>,
    key: String,
    value: String,
) -> Result<String, UiError> {
    state.read(|c| config::set(c, &ConfigKey::parse(&key)?, &value))
}

#[tauri::command]
fn list_documents(
    state: tauri::State<'_, AppState>,
    kind: Option<String>,
    doc_state: Option<String>,
    paid: Option<bool>,
) -> Result<Vec<DocumentRow>, UiError> {
    state.read(|c| {
        documents::list(
            c,
            &documents::Filter {
                kind,
                state: doc_state,
                paid,
            },
        )
    })
}

#[tauri::command]
fn document_detail(
    state: tauri::State<'_, AppState>,
    id: i64,
) -> Result<documents::DocumentDetail, UiError> {
    state.read(|c| documents::show(c, id))
}

#[tauri::command]
fn finalize_document(state: tauri::State<'_, AppState>, id: i64) -> Result<DocumentRow, UiError> {
    state.write(|c| documents::finalize(c, id))
}

#[tauri::command]
fn mark_document_paid(state: tauri::State<'_, AppState>, id: i64) -> Result<DocumentRow, UiError> {
    state.write(|c| documents::mark_paid(c, id))
}

#[tauri::command]
fn delete_document(state: tauri::State<'_, AppState>, id: i64) -> Result<(), UiError> {
    state.write(|c| documents::delete(c, id))
}

#[tauri::command]
fn set_document_note(
    state: tauri::State<'_, AppState>,
    id: i64,
    note: String,
) -> Result<DocumentRow, UiError> {
    state.write(|c| documents::set_note(c, id, &note))
}

#[tauri::command]
fn list_stock(state: tauri::State<'_, AppState>) -> Result<Vec<stock::Product>, UiError> {
    state.read(stock::list)
}

#[tauri::command]
fn stock_ledger(
    state: tauri::State<'_, AppState>,
    sku: Option<String>,
) -> Result<Vec<MovementRow>, UiError> {
    state.read(|c| stock::ledger(c, sku.as_deref()))
}

#[tauri::command]
fn set_stock(
    state: tauri::State<'_, AppState>,
    sku: String,
    quantity: String,
) -> Result<stock::Product, UiError> {
    state.write(|c| stock::set(c, &sku, &quantity))
}

/// The document's PDF, base64-encoded, for the preview (pdf.js draws it in the window).
// Async: runs off the window's thread, which must keep drawing meanwhile.
#[tauri::command(async)]
fn document_pdf(state: tauri::State<'_, AppState>, id: i64) -> Result<String, UiError> {
    use base64::Engine as _;
    state.read(|c| Ok(base64::engine::general_purpose::STANDARD.encode(pdfs::pdf(c, id)?.0)))
}

// Async: runs off the window's thread, which must keep drawing meanwhile.
#[tauri::command(async)]
fn email_preview(state: tauri::State<'_, AppState>, id: i64) -> Result<mailer::Preview, UiError> {
    state.read(|c| mailer::preview(c, id))
}

#[tauri::command]
fn set_customer_note(
    state: tauri::State<'_, AppState>,
    id: i64,
    note: String,
) -> Result<DocumentRow, UiError> {
    state.write(|c| documents::set_customer_note(c, id, &note))
}

/// Queues documents for e-mail (concepts are finalised first); stops at the first refusal.
// Async: runs off the window's thread, which must keep drawing meanwhile.
#[tauri::command(async)]
fn send_documents(
    state: tauri::State<'_, AppState>,
    ids: Vec<i64>,
) -> Result<Vec<DocumentRow>, UiError> {
    let rows = state.write(|c| ids.iter().map(|id| documents::send(c, *id)).collect());
    // Those queued before a refusal are sent too.
    if let Ok(engine) = state.engine() {
        engine.wake_mailer();
    }
    rows
}

// Async: runs off the window's thread, which must keep drawing meanwhile.
#[tauri::command(async)]
fn send_test_email(state: tauri::State<'_, AppState>, to: String) -> Result<String, UiError> {
    state.read(|c| mailer::send_test(c, &to))
}

#[tauri::command]
fn list_outbox(state: tauri::State<'_, AppState>) -> Result<Vec<OutboxRow>, UiError> {
    state.read(|c| Ok(comptoir_store::outbox::list_outbox(c)?))
}

// Async: runs off the window's thread, which must keep drawing meanwhile.
#[tauri::command(async)]
fn list_printers() -> Result<Vec<String>, UiError> {
    print::printers().map_err(UiError::from)
}

/// Prints documents in one job; progress goes to the window as `comptoir:print` events.
// Async: runs off the window's thread, which must keep drawing meanwhile.
#[tauri::command(async)]
fn print_documents<R: Runtime>(
    app: tauri::AppHandle<R>,
    state: tauri::State<'_, AppState>,
    ids: Vec<i64>,
    printer: String,
) -> Result<String, UiError> {
    state.write(|c| {
        documents::print(c, &ids, &printer, |done, total| {
            let _ = app.emit(
                PRINT_EVENT,
                serde_json::json!({ "done": done, "total": total }),
            );
        })
    })
}

/// The delivery notes made today (the morning's printing).
#[tauri::command]
fn todays_delivery_notes(state: tauri::State<'_, AppState>) -> Result<Vec<DocumentRow>, UiError> {
    state.read(|c| documents::made_today(c, "delivery_note"))
}

/// The data folder: `--data-dir DIR` on the command line, else `COMPTOIR_DATA_DIR`, else the
/// OS default.
fn data_dir_from_args() -> Result<DataDir, String> {
    let mut args = std::env::args_os().skip(1);
    let mut explicit: Option<PathBuf> = None;
    while let Some(arg) = args.next() {
        if arg == "--data-dir" {
            explicit = args.next().map(PathBuf::from);
        }
    }
    DataDir::resolve(explicit.as_deref()).map_err(|e| e.to_string())
}

/// Wires commands and state into a builder; shared by the app and its tests.
pub fn setup<R: Runtime>(builder: tauri::Builder<R>, data_dir: DataDir) -> tauri::Builder<R> {
    builder
        .invoke_handler(tauri::generate_handler![
            connection_info,
            restart_listener,
            connection_state,
            restart_tunnel,
            connect_shop,
            check_webhooks,
            test_public_url,
            catch_up_now,
            list_orders,
            order_detail,
            send_test_order,
            list_activity,
            list_failed_deliveries,
            list_settings,
            check_setting,
            set_setting,
            list_documents,
            document_detail,
            finalize_document,
            mark_document_paid,
            delete_document,
            set_document_note,
            list_stock,
            stock_ledger,
            set_stock,
            document_pdf,
            email_preview,
            set_customer_note,
            send_documents,
            send_test_email,
            list_outbox,
            list_printers,
            print_documents,
            todays_delivery_notes
        ])
        .setup(move |app| {
            let handle = app.handle().clone();
            let events: comptoir::EventSink = Arc::new(move |event: Event| {
                // A closed window cannot be told; the data is in the database anyway.
                let _ = handle.emit(EVENT, &event);
            });
            let state = AppState::open(data_dir.clone(), events)?;
            app.manage(state);
            Ok(())
        })
}

pub fn run() {
    let data_dir = match data_dir_from_args() {
        Ok(d) => d,
        Err(e) => {
            eprintln!("comptoir-desktop: {e}");
            std::process::exit(1);
        }
    };
    let app = setup(tauri::Builder::default(), data_dir).build(tauri::generate_context!());
    match app {
        Ok(app) => app.run(|handle, event| {
            if let tauri::RunEvent::Exit = event
                && let Some(state) = handle.try_state::<AppState>()
            {
                state.shutdown();
            }
        }),
        Err(e) => {
            eprintln!("comptoir-desktop: the window could not start: {e}");
            std::process::exit(1);
        }
    }
}
