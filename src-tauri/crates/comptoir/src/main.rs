//! `comptoir`: the headless command line on the same core as the desktop app. Its commands,
//! options, JSON fields and exit codes are a documented contract (README.md); keep them stable.

use std::io::Write;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::mpsc;

use clap::{Parser, Subcommand};
use comptoir::config::{self, ConfigKey};
use comptoir::engine::{Event, ListenerState};
use comptoir::{DataDir, Engine, Error, documents, queries, stock};
use comptoir_store::deliveries::Outcome;

#[derive(Debug, Parser)]
#[command(
    name = "comptoir",
    version,
    about = "Comptoir: WooCommerce orders to documents, on your machine."
)]
struct Cli {
    /// The data folder (default: $COMPTOIR_DATA_DIR, else ~/.local/share/comptoir on Linux).
    #[arg(long, global = true, value_name = "DIR")]
    data_dir: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Receive WooCommerce deliveries until Ctrl+C (SIGINT) or SIGTERM.
    Serve {
        /// Where to listen, on 127.0.0.1 only (default: 127.0.0.1 and the listener.port setting).
        #[arg(long, value_name = "127.0.0.1:PORT")]
        listen: Option<SocketAddr>,
    },
    /// Read or change a setting.
    Config {
        #[command(subcommand)]
        action: ConfigAction,
    },
    /// The orders received.
    Orders {
        #[command(subcommand)]
        action: OrdersAction,
    },
    /// Order forms, delivery notes, invoices and credit notes.
    Documents {
        #[command(subcommand)]
        action: DocumentsAction,
    },
    /// The e-mails waiting to be sent, sent, or failed.
    Outbox {
        #[command(subcommand)]
        action: OutboxAction,
    },
    /// E-mail settings check.
    Mail {
        #[command(subcommand)]
        action: MailAction,
    },
    /// Ask the shop (REST API) for orders modified since the last catch-up, and store them
    /// exactly as webhooks would.
    Sync,
    /// Create the two WooCommerce webhooks (order.created, order.updated) with the current
    /// public address and secret, or update the ones Comptoir made; never makes duplicates.
    /// Needs woocommerce.url, woocommerce.consumer_key and woocommerce.consumer_secret.
    Connect,
    /// Stock per SKU and its ledger.
    Stock {
        #[command(subcommand)]
        action: StockAction,
    },
}

#[derive(Debug, Subcommand)]
enum DocumentsAction {
    /// List the documents, concepts first.
    List {
        #[arg(long)]
        json: bool,
        /// order_form, delivery_note, invoice or credit_note
        #[arg(long)]
        kind: Option<String>,
        /// concept, final, sent or cancelled
        #[arg(long)]
        state: Option<String>,
        /// Only paid (true) or unpaid (false) documents.
        #[arg(long)]
        paid: Option<bool>,
    },
    /// One document with its lines, VAT summary, legend and note.
    Show {
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// Make a concept final (invoices and credit notes get their number now).
    Finalize { id: i64 },
    /// Record that the customer paid.
    MarkPaid { id: i64 },
    /// Delete a concept (final documents are never deleted).
    Delete { id: i64 },
    /// Set the internal note (for the shop only; never printed or e-mailed).
    Note { id: i64, text: String },
    /// Write the document's PDF to a file.
    Pdf {
        id: i64,
        #[arg(long, value_name = "FILE")]
        output: PathBuf,
    },
    /// Queue the document for e-mail (a concept is finalised first); `comptoir serve` or the
    /// app sends it.
    Send { id: i64 },
}

#[derive(Debug, Subcommand)]
enum OutboxAction {
    /// What is queued, sent or failed, with attempts and the last error.
    List {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
enum MailAction {
    /// Send a test e-mail with the current settings and print the server's answer.
    Test { to: String },
}

#[derive(Debug, Subcommand)]
enum StockAction {
    /// Products with their stock.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Set a product's stock (the difference is recorded in the ledger).
    Set { sku: String, quantity: String },
    /// Every stock movement, oldest first.
    Ledger {
        #[arg(long)]
        sku: Option<String>,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
enum ConfigAction {
    /// Print a setting's value.
    Get { key: String },
    /// Change a setting (the value is checked first).
    Set { key: String, value: String },
    /// List the settings and what they are for.
    List,
}

#[derive(Debug, Subcommand)]
enum OrdersAction {
    /// List the orders, newest first.
    List {
        #[arg(long)]
        json: bool,
    },
    /// One order with its lines and delivery history.
    Show {
        /// The WooCommerce order id.
        id: u64,
        /// The shop (X-WC-Webhook-Source), needed only if two shops have an order with this id.
        #[arg(long)]
        source: Option<String>,
        #[arg(long)]
        json: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("comptoir: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> Result<(), Error> {
    let data_dir = DataDir::resolve(cli.data_dir.as_deref())?;
    match cli.command {
        Command::Serve { listen } => serve(data_dir, listen),
        Command::Config { action } => {
            let conn = comptoir_store::open(&data_dir.database())?;
            match action {
                ConfigAction::Get { key } => {
                    let key = ConfigKey::parse(&key)?;
                    println!("{}", config::get(&conn, &key)?);
                }
                ConfigAction::Set { key, value } => {
                    let key = ConfigKey::parse(&key)?;
                    let stored = config::set(&conn, &key, &value)?;
                    println!("{} = {stored}", key.name());
                    // The owner should know whether the keychain or a file holds it.
                    if key.is_password()
                        && let Some(place) = comptoir::secrets::place(&conn, key.name())?
                    {
                        println!("    {place}");
                    }
                }
                ConfigAction::List => {
                    for s in config::list(&conn, false)? {
                        println!(
                            "{} = {}\n    {}",
                            s.key,
                            s.value.replace('\n', "\\n"),
                            s.help
                        );
                    }
                }
            }
            Ok(())
        }
        Command::Documents { action } => documents_command(&data_dir, action),
        Command::Stock { action } => stock_command(&data_dir, action),
        Command::Sync => {
            let mut conn = comptoir_store::open(&data_dir.database())?;
            let report = comptoir::sync::run_configured(&mut conn)
                .map_err(|e| Error::Document(e.to_string()))?;
            println!("{}", report.summary());
            Ok(())
        }
        Command::Connect => connect_command(data_dir),
        Command::Outbox {
            action: OutboxAction::List { json },
        } => {
            let conn = comptoir_store::open(&data_dir.database())?;
            let rows = comptoir_store::outbox::list_outbox(&conn)?;
            if json {
                return print_json(&rows);
            }
            if rows.is_empty() {
                println!("The outbox is empty.");
            }
            for r in &rows {
                println!(
                    "document {:<6} {:<8} attempts {:<3} {}  {}",
                    r.document_id,
                    r.state,
                    r.attempts,
                    r.recipient.as_deref().unwrap_or(""),
                    r.last_error.as_deref().unwrap_or("")
                );
            }
            Ok(())
        }
        Command::Mail {
            action: MailAction::Test { to },
        } => {
            let conn = comptoir_store::open(&data_dir.database())?;
            let answer = comptoir::mailer::send_test(&conn, &to)?;
            println!("The mail server accepted the test e-mail: {answer}");
            Ok(())
        }
        Command::Orders { action } => {
            let conn = comptoir_store::open(&data_dir.database())?;
            match action {
                OrdersAction::List { json } => {
                    let orders = queries::list_orders(&conn)?;
                    if json {
                        print_json(&orders)
                    } else {
                        if orders.is_empty() {
                            println!("No orders yet. `comptoir serve` receives them.");
                        }
                        for o in &orders {
                            let o = &o.row;
                            println!(
                                "{:>8}  {:<20} {:<11} {:>10} {}  {}  {}{}",
                                o.id,
                                o.date_created_gmt.as_deref().unwrap_or("-"),
                                o.status,
                                o.total,
                                o.currency,
                                if o.paid { "paid  " } else { "unpaid" },
                                o.customer_name,
                                if o.trashed { "  (in trash)" } else { "" }
                            );
                        }
                        Ok(())
                    }
                }
                OrdersAction::Show { id, source, json } => {
                    let row = queries::find_order(&conn, id, source.as_deref())?;
                    let detail = queries::order_detail(&conn, row.key)?;
                    if json {
                        print_json(&detail)
                    } else {
                        let o = &detail.summary.row;
                        println!("Order {} (id {}) from {}", o.number, o.id, o.source);
                        println!(
                            "Status {}, {}, total {} {} (VAT {})",
                            o.status,
                            if o.paid { "paid" } else { "unpaid" },
                            o.total,
                            o.currency,
                            o.total_tax
                        );
                        println!(
                            "Customer {} <{}>",
                            o.customer_name,
                            o.billing_email.as_deref().unwrap_or("")
                        );
                        if !o.customer_note.is_empty() {
                            println!("Note: {}", o.customer_note);
                        }
                        for l in &detail.line_items {
                            println!(
                                "  {} × {} [{}]  {} + VAT {}",
                                l.quantity,
                                l.name,
                                l.sku.as_deref().unwrap_or(""),
                                l.total,
                                l.total_tax
                            );
                        }
                        println!("Deliveries:");
                        for d in &detail.deliveries {
                            println!(
                                "  {}  {:<15} webhook {:<4} {}",
                                d.received_at,
                                d.topic,
                                d.webhook_id.map(|w| w.to_string()).unwrap_or_default(),
                                d.outcome
                            );
                        }
                        Ok(())
                    }
                }
            }
        }
    }
}

fn documents_command(data_dir: &DataDir, action: DocumentsAction) -> Result<(), Error> {
    let mut conn = comptoir_store::open(&data_dir.database())?;
    match action {
        DocumentsAction::List {
            json,
            kind,
            state,
            paid,
        } => {
            let filter = documents::Filter { kind, state, paid };
            let docs = documents::list(&conn, &filter)?;
            if json {
                return print_json(&docs);
            }
            if docs.is_empty() {
                println!("No documents.");
            }
            for d in &docs {
                println!(
                    "{:>6}  {:<13} {:<14} {:<9} {:>10} {}  {:<6}  order {}  {}",
                    d.id,
                    d.kind,
                    d.number.as_deref().unwrap_or("(no number)"),
                    d.state,
                    d.total,
                    d.currency,
                    if d.paid { "paid" } else { "unpaid" },
                    d.order_number,
                    d.customer_name
                );
            }
            Ok(())
        }
        DocumentsAction::Show { id, json } => {
            let d = documents::show(&conn, id)?;
            if json {
                return print_json(&d);
            }
            let r = &d.row;
            println!(
                "{} {} ({}, {}, {})",
                r.kind,
                r.number.as_deref().unwrap_or("(concept, no number yet)"),
                r.state,
                if r.paid { "paid" } else { "unpaid" },
                r.language
            );
            println!("Order {} — {}", r.order_number, r.customer_name);
            if !d.content.customer_note.is_empty() {
                println!("Note: {}", d.content.customer_note);
            }
            for l in &d.content.lines {
                println!(
                    "  {} × {} [{}]  {} excl. VAT, VAT {} % = {}",
                    l.quantity,
                    l.description,
                    l.sku.as_deref().unwrap_or(""),
                    l.total_excl,
                    l.vat_rate,
                    l.vat
                );
            }
            for v in &d.content.vat_summary {
                println!("  VAT {} %: base {}, VAT {}", v.rate, v.base_excl, v.vat);
            }
            println!(
                "Total {} excl. VAT + {} VAT = {} {}",
                d.content.total_excl, d.content.total_vat, d.content.total, d.content.currency
            );
            if let Some(ogm) = &r.structured_communication {
                println!("Structured communication {ogm}");
            }
            println!("{}", d.legend);
            Ok(())
        }
        DocumentsAction::Finalize { id } => {
            let d = documents::finalize(&mut conn, id)?;
            println!(
                "Document {id} is final: {}",
                d.number.as_deref().unwrap_or("")
            );
            Ok(())
        }
        DocumentsAction::MarkPaid { id } => {
            documents::mark_paid(&mut conn, id)?;
            println!("Document {id} is marked paid.");
            Ok(())
        }
        DocumentsAction::Note { id, text } => {
            documents::set_note(&mut conn, id, &text)?;
            println!("Document {id}'s internal note is saved.");
            Ok(())
        }
        DocumentsAction::Pdf { id, output } => {
            let (bytes, _) = comptoir::pdfs::pdf(&conn, id)?;
            std::fs::write(&output, &bytes).map_err(|source| Error::DataDir {
                path: output.clone(),
                source,
            })?;
            println!("Wrote {} ({} bytes).", output.display(), bytes.len());
            Ok(())
        }
        DocumentsAction::Send { id } => {
            let d = documents::send(&mut conn, id)?;
            println!(
                "Document {id} ({}) is queued for e-mail; `comptoir serve` or the app sends it.",
                d.number.as_deref().unwrap_or("")
            );
            Ok(())
        }
        DocumentsAction::Delete { id } => {
            documents::delete(&mut conn, id)?;
            println!("Concept {id} is deleted.");
            Ok(())
        }
    }
}

fn stock_command(data_dir: &DataDir, action: StockAction) -> Result<(), Error> {
    let mut conn = comptoir_store::open(&data_dir.database())?;
    match action {
        StockAction::List { json } => {
            let products = stock::list(&conn)?;
            if json {
                return print_json(&products);
            }
            for p in &products {
                println!(
                    "{:<16} {:>8}  {}",
                    p.sku,
                    p.stock.as_deref().unwrap_or("?"),
                    p.name
                );
            }
            Ok(())
        }
        StockAction::Set { sku, quantity } => {
            let p = stock::set(&mut conn, &sku, &quantity)?;
            println!("{} stock = {}", p.sku, p.stock.as_deref().unwrap_or("?"));
            Ok(())
        }
        StockAction::Ledger { sku, json } => {
            let moves = stock::ledger(&conn, sku.as_deref())?;
            if json {
                return print_json(&moves);
            }
            for m in &moves {
                println!("{}  {:<16} {:>8}  {}", m.at, m.sku, m.quantity, m.reason);
            }
            Ok(())
        }
    }
}

fn print_json<T: serde::Serialize>(value: &T) -> Result<(), Error> {
    let text = serde_json::to_string_pretty(value)
        .map_err(|e| Error::NotFound(format!("the result could not be written as JSON: {e}")))?;
    let mut out = std::io::stdout().lock();
    // A closed pipe (`| head`) is not an error worth a message.
    let _ = writeln!(out, "{text}");
    Ok(())
}

fn serve(data_dir: DataDir, listen: Option<SocketAddr>) -> Result<(), Error> {
    // What happens before the banner (the tunnel starting) is printed after it: the banner's
    // first line is the contract scripts read the address from.
    let held: Arc<std::sync::Mutex<Option<Vec<String>>>> =
        Arc::new(std::sync::Mutex::new(Some(Vec::new())));
    let hold = Arc::clone(&held);
    let events: comptoir::EventSink = Arc::new(move |event: Event| {
        if let Some(line) = describe(&event) {
            match hold.lock().as_deref_mut() {
                Ok(Some(waiting)) => waiting.push(line),
                _ => println!("{line}"),
            }
        }
    });
    let engine = Engine::open(data_dir, "comptoir serve", events)?;
    let status = match listen {
        Some(addr) => engine.start_listener(addr),
        None => engine.start_configured_listener(),
    };
    if status.state != ListenerState::Listening {
        return Err(Error::Listen {
            addr: listen
                .map(|a| a.to_string())
                .unwrap_or_else(|| format!("127.0.0.1:{}", status.port)),
            reason: status.reason.map(|m| m.message).unwrap_or_default(),
        });
    }
    let info = engine.connection_info()?;
    println!(
        "Comptoir is receiving WooCommerce deliveries at {}",
        info.local_url
    );
    println!("Data folder: {}", info.data_dir);
    let tunnel = engine.tunnel_state();
    match &info.public_url {
        Some(url) => println!("Delivery URL for WooCommerce: {url}"),
        None if tunnel.provider != "manual" => println!(
            "Starting the {} tunnel; its public address follows.",
            tunnel.provider
        ),
        None => println!(
            "WooCommerce delivers only to a public HTTPS address: point a tunnel at {} and set it with `comptoir config set tunnel.public_url https://…`.",
            info.local_url
        ),
    }
    println!(
        "The webhook secret is shown by `comptoir config get webhook.secret` and on the app's Connection screen."
    );
    println!("Press Ctrl+C to stop.");
    if let Ok(mut waiting) = held.lock()
        && let Some(lines) = waiting.take()
    {
        for line in lines {
            println!("{line}");
        }
    }
    let _ = std::io::stdout().flush();

    let (tx, rx) = mpsc::channel();
    ctrlc::set_handler(move || {
        let _ = tx.send(());
    })
    .map_err(|e| Error::Listen {
        addr: info.local_url.clone(),
        reason: format!("the stop signal could not be set up ({e})"),
    })?;
    let _ = rx.recv();
    println!("Stopping: finishing the deliveries in progress…");
    engine.shutdown();
    println!("Stopped.");
    Ok(())
}

/// `comptoir connect`: with the engine of this command when no other Comptoir runs (the
/// tunnel is started, tested and used), else with the public address of the one that runs.
fn connect_command(data_dir: DataDir) -> Result<(), Error> {
    let quiet: comptoir::EventSink = Arc::new(|_| {});
    let engine = match Engine::open(data_dir.clone(), "comptoir connect", quiet) {
        Ok(engine) => engine,
        Err(Error::AlreadyRunning { holder, .. }) => {
            return connect_through_running(&data_dir, &holder);
        }
        Err(e) => return Err(e),
    };
    let status = engine.start_configured_listener();
    if status.state != ListenerState::Listening {
        return Err(Error::Listen {
            addr: format!("127.0.0.1:{}", status.port),
            reason: status.reason.map(|m| m.message).unwrap_or_default(),
        });
    }
    println!("Starting the tunnel…");
    let _ = std::io::stdout().flush();
    let tunnel = engine.wait_for_tunnel(std::time::Duration::from_secs(90));
    if tunnel.state != comptoir_tunnel::State::Up {
        engine.shutdown();
        return Err(Error::Document(format!(
            "The tunnel ({}) is not up, so WooCommerce would have nowhere to deliver: {}",
            tunnel.provider,
            tunnel.reason.map_or_else(
                || "it is still starting; try again.".to_owned(),
                |m| m.message
            )
        )));
    }
    let trip = engine.test_public_url();
    println!("{}", trip.message);
    if let Some(w) = &trip.warning {
        println!("Warning: {w}");
    }
    let result = engine.connect_shop();
    engine.shutdown();
    let report = result.map_err(|e| Error::Document(e.to_string()))?;
    for m in &report.messages {
        println!("{m}");
    }
    if tunnel.provider != "manual" {
        println!(
            "The {} address lasts only while Comptoir runs: `comptoir serve` or the app moves the webhooks to its new address at every start.",
            tunnel.provider
        );
    }
    Ok(())
}

fn connect_through_running(data_dir: &DataDir, holder: &str) -> Result<(), Error> {
    let conn = comptoir_store::open(&data_dir.database())?;
    let published =
        comptoir_store::settings::get_setting(&conn, comptoir::reach::PUBLISHED_URL_KEY)?
            .filter(|u| !u.trim().is_empty());
    let url = published.ok_or_else(|| {
        Error::Document(format!(
            "{holder} is running, but its tunnel has no public address yet (see its Connection screen). Try again when the tunnel is up."
        ))
    })?;
    let delivery_url = format!("{url}{}", comptoir_woo::WEBHOOK_PATH);
    println!("Using the public address of {holder}: {url}");
    let report = comptoir::connect::connect(&conn, &delivery_url)
        .map_err(|e| Error::Document(e.to_string()))?;
    for m in &report.messages {
        println!("{m}");
    }
    Ok(())
}

fn describe(event: &Event) -> Option<String> {
    Some(match event {
        Event::Delivery(a) => {
            let order = a
                .woo_order_id
                .map(|id| format!("order {id}"))
                .unwrap_or_else(|| "no order".into());
            let what = match a.outcome {
                Outcome::Created => "new",
                Outcome::Updated => "updated",
                Outcome::Duplicate => "repeat, nothing changed",
                Outcome::Stale => "older than the stored version, nothing changed",
                Outcome::Trashed => "moved to the trash",
                Outcome::Restored => "restored from the trash",
                Outcome::Ignored => "not an order topic, ignored",
                Outcome::UnknownOrder => "trashed, but never received",
            };
            format!(
                "{} {}: {order} ({what})",
                comptoir_store::now_text(),
                a.topic
            )
        }
        Event::Ping { webhook_id } => format!(
            "{} ping from webhook {webhook_id}",
            comptoir_store::now_text()
        ),
        Event::FailedDelivery { topic } => format!(
            "{} {topic}: the body could not be read; kept as a failed delivery",
            comptoir_store::now_text()
        ),
        Event::TurnedAway { status, reason } => {
            format!(
                "{} refused a request ({status}, {reason})",
                comptoir_store::now_text()
            )
        }
        Event::Mail(m) => format!(
            "{} document {}: {}{}",
            comptoir_store::now_text(),
            m.document_id,
            m.state,
            m.error
                .as_deref()
                .map(|e| format!(" ({e})"))
                .unwrap_or_default()
        ),
        Event::CatchUp { summary, .. } => format!("{} {summary}", comptoir_store::now_text()),
        Event::Tunnel(t) => {
            let what = match (t.state, &t.public_url) {
                (comptoir_tunnel::State::Up, Some(url)) => format!(
                    "up at {url}; WooCommerce delivers to {url}{}",
                    comptoir_woo::WEBHOOK_PATH
                ),
                (comptoir_tunnel::State::Starting, _) => "starting".to_owned(),
                _ => format!(
                    "down: {}",
                    t.reason.as_ref().map_or("stopped", |m| m.message.as_str())
                ),
            };
            format!(
                "{} tunnel ({}) {what}",
                comptoir_store::now_text(),
                t.provider
            )
        }
        Event::Webhooks { state, messages } => {
            let mut lines: Vec<String> = messages
                .iter()
                .map(|m| format!("{} {m}", comptoir_store::now_text()))
                .collect();
            if messages.is_empty()
                && let Some(p) = &state.last_problem
            {
                lines.push(format!("{} {p}", comptoir_store::now_text()));
            }
            if lines.is_empty() {
                return None;
            }
            lines.join("\n")
        }
        Event::Listener(_) => return None,
    })
}
