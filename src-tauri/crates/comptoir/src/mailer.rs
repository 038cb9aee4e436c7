//! The outbox worker: sends queued documents by e-mail, one at a time, from the database, so a
//! restart resumes where it stopped. Each row is marked `sending` (and its attempt counted) in
//! a committed transaction before the SMTP conversation, and `sent` right after the server's
//! 250: a crash can send a message twice only between those two moments, and the copy carries
//! the same Message-ID. Temporary failures are retried with back-off for at least 24 hours;
//! permanent ones stop and tell the owner what to do.

use std::sync::Arc;
use std::time::Duration;

use chrono::NaiveDateTime;
use comptoir_core::document::DocumentKind;
use comptoir_core::language::Language;
use comptoir_core::message::{Message, code};
use comptoir_core::template;
use comptoir_mail::{MailError, Outgoing, Password, Security, SmtpSettings};
use comptoir_store::activity::{Level, record_activity};
use comptoir_store::outbox::{self, OutboxRow};
use comptoir_store::{Connection, now_text, with_tx};
use serde::Serialize;

use crate::config::get_known;
use crate::documents;
use crate::error::{Error, Result};
use crate::pdfs;
use crate::worker::{Signal, Wait, Worker};

/// Overrides the retry schedule with a fixed delay (seconds), so that tests need not wait
/// minutes; unset in normal use.
pub const BACKOFF_ENV: &str = "COMPTOIR_MAIL_BACKOFF_SECONDS";

/// What the window is told after each attempt.
#[derive(Debug, Clone, Serialize)]
pub struct MailEvent {
    pub document_id: i64,
    pub state: String,
    pub error: Option<String>,
}

pub type MailSink = Arc<dyn Fn(MailEvent) + Send + Sync>;

/// The SMTP settings, or a sentence saying what is missing.
pub fn smtp_settings(conn: &Connection) -> Result<SmtpSettings> {
    let host = get_known(conn, "smtp.host")?;
    let from = get_known(conn, "smtp.from")?;
    if host.is_empty() || from.is_empty() {
        return Err(Error::Document(
            "E-mail is not set up yet: fill in the mail server (smtp.host) and the sender (smtp.from) in Settings → E-mail.".into(),
        ));
    }
    let (from_name, from_address) = match (from.rfind('<'), from.ends_with('>')) {
        (Some(i), true) => (
            from[..i].trim().trim_matches('"').to_owned(),
            from[i + 1..from.len() - 1].trim().to_owned(),
        ),
        _ => (get_known(conn, "shop.name")?, from.clone()),
    };
    let port = get_known(conn, "smtp.port")?;
    let security = get_known(conn, "smtp.security")?;
    let optional = |v: String| (!v.is_empty()).then_some(v);
    Ok(SmtpSettings {
        host,
        port: port
            .parse()
            .map_err(|_| Error::Document(format!("smtp.port \"{port}\" is not a port")))?,
        security: security.parse::<Security>().map_err(|_| {
            Error::Document(format!(
                "smtp.security \"{security}\" is not none, starttls or tls"
            ))
        })?,
        user: optional(get_known(conn, "smtp.user")?),
        password: crate::secrets::read(conn, "smtp.password")?.map(Password::new),
        from_name,
        from_address,
        reply_to: optional(get_known(conn, "smtp.reply_to")?),
        copy_to: optional(get_known(conn, "smtp.copy_to")?),
        timeout: SmtpSettings::DEFAULT_TIMEOUT,
    })
}

/// The message for a document, as the customer will see it.
#[derive(Debug, Clone, Serialize)]
pub struct Preview {
    pub to: Option<String>,
    pub subject: String,
    pub body: String,
    pub attachment_name: String,
    pub message_id: String,
}

pub fn preview(conn: &Connection, id: i64) -> Result<Preview> {
    let mut d = documents::show(conn, id)?;
    let kind = DocumentKind::parse(&d.row.kind).unwrap_or(DocumentKind::Invoice);
    // A concept gets its number when it is sent: show the one it will get.
    if d.row.number.is_none() {
        d.row.number = Some(crate::numbering::peek_text(conn, kind)?);
    }
    let lang = Language::parse(&d.row.language).unwrap_or(Language::Fr);
    let variant = if d.row.paid { "paid" } else { "unpaid" };
    let values = |name: &str| documents::placeholder(conn, &d.row, &d.content, name);
    let subject = template::render(
        &get_known(conn, &format!("email.{lang}.{variant}.subject"))?,
        &values,
    );
    let body = template::render(
        &get_known(conn, &format!("email.{lang}.{variant}.body"))?,
        &values,
    );
    let kind = DocumentKind::parse(&d.row.kind).unwrap_or(DocumentKind::Invoice);
    let number = d
        .row
        .number
        .clone()
        .unwrap_or_else(|| format!("concept-{id}"));
    let to =
        comptoir_store::orders::get_order(conn, d.row.order_key)?.and_then(|o| o.billing_email);
    Ok(Preview {
        to,
        subject,
        body,
        attachment_name: comptoir_mail::attachment_name(kind.title(lang), &number),
        message_id: comptoir_mail::message_id_for(id, &number),
    })
}

fn parse_time(t: &str) -> Option<NaiveDateTime> {
    NaiveDateTime::parse_from_str(t, "%Y-%m-%dT%H:%M:%S").ok()
}

fn later(delay: Duration) -> String {
    let at = chrono::Utc::now().naive_utc() + chrono::Duration::from_std(delay).unwrap_or_default();
    at.format("%Y-%m-%dT%H:%M:%S").to_string()
}

fn backoff(attempt: u32) -> Duration {
    match std::env::var(BACKOFF_ENV)
        .ok()
        .and_then(|v| v.parse::<u64>().ok())
    {
        Some(s) => Duration::from_secs(s),
        None => comptoir_mail::backoff(attempt),
    }
}

enum Failure {
    /// Nothing was tried (settings incomplete): retry later without counting.
    NotReady(String),
    Mail(MailError),
    /// The document cannot be sent as it is (no e-mail address, PDF cannot be made…).
    Permanent(String),
}

/// Sends the next due row, if any. Returns whether a row was handled.
pub fn process_one(conn: &mut Connection, events: &MailSink) -> Result<bool> {
    let now = now_text();
    let Some(row) = with_tx(conn, |tx| Ok::<_, Error>(outbox::claim_due(tx, &now)?))? else {
        return Ok(false);
    };
    let result = attempt(conn, &row);
    let event = match result {
        Ok((server_response, pdf)) => {
            with_tx(conn, |tx| {
                let sha = pdfs::keep_sent(tx, row.document_id, &pdf)?;
                outbox::mark_sent(tx, row.id, &server_response)?;
                comptoir_store::documents::mark_sent(tx, row.document_id, &sha)?;
                Ok::<_, Error>(())
            })?;
            MailEvent {
                document_id: row.document_id,
                state: "sent".into(),
                error: None,
            }
        }
        Err(Failure::NotReady(why)) => {
            with_tx(conn, |tx| {
                Ok::<_, Error>(outbox::release(
                    tx,
                    row.id,
                    &why,
                    &later(Duration::from_secs(60)),
                )?)
            })?;
            MailEvent {
                document_id: row.document_id,
                state: "queued".into(),
                error: Some(why),
            }
        }
        Err(Failure::Mail(e)) if e.is_temporary() => {
            let message = e.to_string();
            let since = row
                .first_failure_at
                .as_deref()
                .and_then(parse_time)
                .map(|t| {
                    (chrono::Utc::now().naive_utc() - t)
                        .to_std()
                        .unwrap_or_default()
                })
                .unwrap_or_default();
            let attempts = u32::try_from(row.attempts).unwrap_or(u32::MAX);
            let give_up = comptoir_mail::should_give_up(attempts, since);
            let next = (!give_up).then(|| later(backoff(attempts)));
            with_tx(conn, |tx| {
                outbox::mark_failed(tx, row.id, &message, true, next.as_deref())?;
                if give_up {
                    let number = row.document_number.as_deref().unwrap_or("");
                    // The error is the mail server's or the mail crate's English sentence.
                    record_activity(
                        tx,
                        Level::Error,
                        &Message::new(
                            &code::ACTIVITY_MAIL_GAVE_UP,
                            format!(
                                "Document {number} could not be e-mailed for more than 24 hours and Comptoir stopped trying: {message} Check Settings → E-mail, then press Send again."
                            ),
                        )
                        .with("number", number)
                        .with("error", message.as_str()),
                    )?;
                }
                Ok::<_, Error>(())
            })?;
            let state = if give_up { "failed" } else { "queued" };
            MailEvent {
                document_id: row.document_id,
                state: state.into(),
                error: Some(message),
            }
        }
        Err(Failure::Mail(e)) => permanent(conn, &row, &e.to_string())?,
        Err(Failure::Permanent(message)) => permanent(conn, &row, &message)?,
    };
    events(event);
    Ok(true)
}

fn permanent(conn: &mut Connection, row: &OutboxRow, message: &str) -> Result<MailEvent> {
    with_tx(conn, |tx| {
        outbox::mark_failed(tx, row.id, message, false, None)?;
        let number = row.document_number.as_deref().unwrap_or("");
        record_activity(
            tx,
            Level::Error,
            &Message::new(
                &code::ACTIVITY_MAIL_FAILED,
                format!("Document {number} was not e-mailed: {message}"),
            )
            .with("number", number)
            .with("error", message),
        )?;
        Ok::<_, Error>(())
    })?;
    Ok(MailEvent {
        document_id: row.document_id,
        state: "failed".into(),
        error: Some(message.to_owned()),
    })
}

/// Tries to send one row's message; returns the server's answer and the PDF sent.
fn attempt(conn: &Connection, row: &OutboxRow) -> std::result::Result<(String, Vec<u8>), Failure> {
    let settings = smtp_settings(conn).map_err(|e| Failure::NotReady(e.to_string()))?;
    let preview = preview(conn, row.document_id).map_err(|e| Failure::Permanent(e.to_string()))?;
    let to = preview
        .to
        .clone()
        .filter(|t| !t.trim().is_empty())
        .ok_or_else(|| {
            Failure::Permanent(
                "the order has no billing e-mail address; print the document or send it by hand."
                    .into(),
            )
        })?;
    // A data folder that cannot be written now (disk full, a folder being synced) may be
    // fine later, so that is tried again; a document that cannot be drawn is not.
    let (pdf, _) = pdfs::pdf(conn, row.document_id).map_err(|e| match e {
        Error::DataDir { .. } => Failure::NotReady(e.to_string()),
        e => Failure::Permanent(e.to_string()),
    })?;
    let message = comptoir_mail::build(
        &settings,
        &Outgoing {
            to: &to,
            subject: &preview.subject,
            body: &preview.body,
            attachment_name: &preview.attachment_name,
            attachment: &pdf,
            message_id: &preview.message_id,
        },
    )
    .map_err(Failure::Mail)?;
    let delivered = comptoir_mail::send(&settings, &message).map_err(Failure::Mail)?;
    Ok((delivered.server_response, pdf))
}

/// Sends a test message (no attachment needed) to check the settings; returns the server's
/// answer or the exact error.
pub fn send_test(conn: &Connection, to: &str) -> Result<String> {
    let settings = smtp_settings(conn)?;
    let shop = get_known(conn, "shop.name")?;
    let message = comptoir_mail::build(
        &settings,
        &Outgoing {
            to,
            subject: &format!("{shop} — test e-mail from Comptoir"),
            body: "This message was sent by Comptoir to check the e-mail settings. Nothing else to do.",
            attachment_name: "test.pdf",
            attachment: b"%PDF-1.4\n%%EOF\n",
            message_id: &comptoir_mail::message_id_for(0, &now_text()),
        },
    )
    .map_err(|e| Error::Document(e.to_string()))?;
    comptoir_mail::send(&settings, &message)
        .map(|d| d.server_response)
        .map_err(|e| Error::Document(e.to_string()))
}

/// The worker thread; woken when something is queued, otherwise it looks again when the next
/// retry is due (and at least every 5 s, for documents queued by another process).
pub struct MailWorker {
    worker: Worker,
}

impl std::fmt::Debug for MailWorker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("MailWorker")
    }
}

impl MailWorker {
    pub fn spawn(database: std::path::PathBuf, events: MailSink) -> std::io::Result<MailWorker> {
        let worker = Worker::spawn("outbox", move |signal| run(&database, &events, signal))?;
        Ok(MailWorker { worker })
    }

    pub fn wake(&self) {
        self.worker.wake();
    }

    /// Stops after the message in progress, if any.
    pub fn stop(&self) {
        self.worker.stop();
    }
}

fn run(database: &std::path::Path, events: &MailSink, signal: &Signal) {
    loop {
        if signal.stopped() {
            return;
        }
        let mut wait = Duration::from_secs(5);
        // A database that cannot be opened now is tried again after the wait.
        if let Ok(mut conn) = comptoir_store::open(database) {
            loop {
                if signal.stopped() {
                    return;
                }
                match process_one(&mut conn, events) {
                    Ok(true) => continue,
                    Ok(false) => {
                        if let Ok(Some(next)) = outbox::next_due(&conn)
                            && let Some(t) = parse_time(&next)
                        {
                            let until = (t - chrono::Utc::now().naive_utc())
                                .to_std()
                                .unwrap_or_default();
                            wait = wait.min(until.max(Duration::from_millis(200)));
                        }
                        break;
                    }
                    Err(e) => {
                        let _ = record_activity(
                            &conn,
                            Level::Error,
                            &Message::new(
                                &code::ACTIVITY_OUTBOX_STOPPED,
                                format!("The outbox stopped for a moment: {e}"),
                            )
                            .with_message("error", &e.message()),
                        );
                        break;
                    }
                }
            }
        }
        // Woken or not, the next pass looks at the whole queue.
        if signal.wait(wait) == Wait::Stopped {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::{Mutex, mpsc};
    use std::time::Instant;

    /// The worker looks at the queue on its own only every 5 s; a document queued while it
    /// sleeps must be taken at once when it is woken (the intake and the Send button wake it).
    #[test]
    fn a_wake_takes_what_was_queued_at_once_not_at_the_next_look() {
        let dir = tempfile::tempdir().unwrap();
        let data = crate::DataDir::at(dir.path().join("data")).unwrap();
        let mut conn = comptoir_store::open(&data.database()).unwrap();
        for (k, v) in [
            ("documents.kind", "invoice"),
            ("documents.trigger", "created"),
        ] {
            crate::config::set(&conn, &crate::ConfigKey::parse(k).unwrap(), v).unwrap();
        }
        for (scenario, file) in [("s02", "001"), ("s03", "001")] {
            let d = comptoir_testkit::capture(scenario, file).delivery();
            with_tx(&mut conn, |tx| {
                crate::intake::apply_delivery_with_rules(tx, &d)
            })
            .unwrap();
        }
        let mut ids: Vec<i64> = documents::list(&conn, &Default::default())
            .unwrap()
            .iter()
            .map(|d| d.id)
            .collect();
        ids.sort_unstable();
        assert_eq!(ids.len(), 2);
        // No mail server is set: each attempt ends at once with "not set up yet", which is
        // enough to see when the worker looked, without an SMTP conversation.
        documents::send(&mut conn, ids[0]).unwrap();
        let (tx, rx) = mpsc::channel();
        let tx = Mutex::new(tx);
        let worker = MailWorker::spawn(
            data.database(),
            Arc::new(move |e: MailEvent| {
                if let Ok(tx) = tx.lock() {
                    let _ = tx.send((e.document_id, e.state));
                }
            }),
        )
        .unwrap();
        let long = Duration::from_secs(20);
        assert_eq!(
            rx.recv_timeout(long).unwrap(),
            (ids[0], "queued".to_owned())
        );
        // Now it sleeps until its next look, 5 s from now (the first row is due in 60 s).
        documents::send(&mut conn, ids[1]).unwrap();
        let t = Instant::now();
        worker.wake();
        assert_eq!(
            rx.recv_timeout(long).unwrap(),
            (ids[1], "queued".to_owned())
        );
        assert!(
            t.elapsed() < Duration::from_secs(3),
            "taken after {:?}: not woken, found by the next look",
            t.elapsed()
        );
        worker.stop();
    }
}
