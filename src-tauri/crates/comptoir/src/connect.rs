//! The two WooCommerce webhooks on Comptoir's side (PROTOCOL.md §4, §8): "Connect" makes them
//! (or moves the ones Comptoir made before: found by name, delivery URL or remembered id) with
//! the current delivery URL and secret, and never makes a second pair; afterwards the engine
//! heals them: when the public address changes, and at every check, a `disabled` webhook is
//! re-activated (and the owner told why WooCommerce disabled it), a deleted one recreated.
//! Nothing here runs before the owner pressed Connect, and nothing without the REST API key:
//! a manual set-up (webhooks pasted by hand in WooCommerce) keeps working untouched.
//!
//! What is kept (internal settings key `reach.webhooks`, JSON): Comptoir's webhooks as last
//! seen (id, topic, status, delivery URL), when they were last checked, the last problem and
//! the last changes.

use comptoir_core::message::{Message, code};
use comptoir_store::activity::{Level, record_activity};
use comptoir_store::settings::{get_setting, set_setting};
use comptoir_store::{Connection, StoreError, now_text};
use comptoir_woo::rest::{Client, RestError, WebhookAction, WebhookReport};
use serde::{Deserialize, Serialize};

use crate::config;
use crate::sync::{self, SyncError};

/// Where the webhooks' state is kept in the settings table.
pub const STATE_KEY: &str = "reach.webhooks";

/// One of Comptoir's webhooks in the shop, as last seen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HookState {
    pub topic: String,
    pub id: u64,
    /// `active`, `paused`, `disabled` (as WooCommerce says), or `deleted` (no longer in the shop).
    pub status: String,
    pub delivery_url: String,
}

/// What the connection screen shows about the webhooks.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WebhooksState {
    /// Whether Connect succeeded once (Comptoir then keeps its webhooks in order by itself).
    #[serde(default)]
    pub connected: bool,
    /// Whether the shop address and REST API key are entered.
    #[serde(default)]
    pub api_key_set: bool,
    #[serde(default)]
    pub hooks: Vec<HookState>,
    /// When the shop was last asked about them (UTC).
    #[serde(default)]
    pub last_check: Option<String>,
    /// Why the last check or Connect failed (a sentence), if it did.
    #[serde(default)]
    pub last_problem: Option<Message>,
    /// What the last Connect or check changed, one sentence each.
    #[serde(default)]
    pub last_changes: Vec<Message>,
}

/// Why Connect could not be done. Each message says what to do.
#[derive(Debug, thiserror::Error)]
pub enum ConnectError {
    #[error("WooCommerce has no address to deliver to yet: {0}")]
    NoAddress(String),
    #[error(transparent)]
    Shop(#[from] SyncError),
}

impl From<RestError> for ConnectError {
    fn from(e: RestError) -> Self {
        ConnectError::Shop(SyncError::Rest(e))
    }
}

impl From<crate::Error> for ConnectError {
    fn from(e: crate::Error) -> Self {
        ConnectError::Shop(SyncError::App(e))
    }
}

impl From<StoreError> for ConnectError {
    fn from(e: StoreError) -> Self {
        ConnectError::Shop(e.into())
    }
}

/// What Connect or a check did.
#[derive(Debug, Clone, Serialize)]
pub struct WebhooksReport {
    pub delivery_url: String,
    /// One sentence per webhook (and per warning about the URL).
    pub messages: Vec<Message>,
    /// Whether anything was changed in WooCommerce.
    pub changed: bool,
    pub state: WebhooksState,
}

/// The webhooks' state as last recorded.
pub fn state(conn: &Connection) -> Result<WebhooksState, StoreError> {
    let mut st: WebhooksState = get_setting(conn, STATE_KEY)?
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default();
    let entered = |k: &str| {
        get_setting(conn, k)
            .ok()
            .flatten()
            .is_some_and(|v| !v.trim().is_empty())
    };
    // Whether the secret is stored, without reading it (the keychain may be slow to answer).
    st.api_key_set = entered(sync::KEY_URL)
        && entered(sync::KEY_CONSUMER_KEY)
        && crate::secrets::is_set(conn, sync::KEY_CONSUMER_SECRET).unwrap_or(false);
    Ok(st)
}

fn save(conn: &Connection, st: &WebhooksState) -> Result<(), StoreError> {
    // Plain data: serialising cannot fail, but an error would only lose the display state.
    let text = serde_json::to_string(st).unwrap_or_default();
    set_setting(conn, STATE_KEY, &text)
}

/// "Connect": makes sure the shop has Comptoir's two webhooks, active, delivering to
/// `delivery_url` with the current secret (sent to each, since WooCommerce never shows it).
/// Pressing it twice changes nothing the second time and never makes duplicates.
pub fn connect(conn: &Connection, delivery_url: &str) -> Result<WebhooksReport, ConnectError> {
    let shop = sync::shop_from_settings(conn)?;
    let secret = config::webhook_secret(conn)?;
    let mut st = state(conn)?;
    let known: Vec<u64> = st.hooks.iter().map(|h| h.id).collect();
    let result = Client::new(shop).heal_webhooks(delivery_url, &secret, true, &known);
    let report = match result {
        Ok(r) => r,
        Err(e) => {
            let e = ConnectError::from(e);
            record_problem(
                conn,
                Message::new(
                    &code::WEBHOOK_CONNECT_FAILED,
                    format!("Connecting the shop failed: {e}"),
                )
                .with("error", e.to_string()),
            )?;
            return Err(e);
        }
    };
    let messages = report.messages();
    for m in &messages {
        record_activity(conn, Level::Info, m)?;
    }
    apply(&mut st, &report, messages.clone());
    save(conn, &st)?;
    Ok(WebhooksReport {
        delivery_url: report.delivery_url.clone(),
        messages,
        changed: report.changed_anything(),
        state: st,
    })
}

/// The engine's healing, with the current delivery URL (the public address changed, or it is
/// time for a check): after Connect only, and only with the API key. `None` when there is
/// nothing to do. Changes are told in the activity log; a failure too, once.
pub fn heal(conn: &Connection, delivery_url: &str) -> Result<Option<WebhooksReport>, StoreError> {
    let mut st = state(conn)?;
    if !st.connected {
        return Ok(None);
    }
    let (shop, secret) = match (sync::shop_from_settings(conn), config::webhook_secret(conn)) {
        (Ok(shop), Ok(secret)) => (shop, secret),
        // The key was removed: the owner went back to a manual set-up.
        _ => return Ok(None),
    };
    let known: Vec<u64> = st.hooks.iter().map(|h| h.id).collect();
    let previous: Vec<HookState> = st.hooks.clone();
    match Client::new(shop).heal_webhooks(delivery_url, &secret, false, &known) {
        Ok(report) => {
            let mut messages = Vec::new();
            for action in &report.actions {
                let (level, text) = match action {
                    WebhookAction::Unchanged { .. } => continue,
                    WebhookAction::Created { id, topic } => {
                        let gone = previous.iter().find(|h| h.topic == *topic).map(|h| {
                            Message::new(
                                &code::WEBHOOK_GONE_NOTE,
                                format!(" (webhook {} is gone)", h.id),
                            )
                            .with("id", h.id)
                        });
                        let gone_text = Message::clause_text(gone.as_ref());
                        (
                            Level::Warning,
                            Message::new(
                                &code::WEBHOOK_RECREATED,
                                format!(
                                    "Comptoir's webhook for {topic} was no longer in WooCommerce{gone_text}, probably deleted there; Comptoir created it again as webhook {id}, delivering to {delivery_url}. Orders changed meanwhile are fetched by the catch-up."
                                ),
                            )
                            .with("topic", topic.as_str())
                            .with("id", *id)
                            .with("url", delivery_url)
                            .with_clause("gone", gone.as_ref()),
                        )
                    }
                    WebhookAction::Reactivated { .. } => {
                        (Level::Warning, action.message(&report.delivery_url))
                    }
                    _ => (Level::Info, action.message(&report.delivery_url)),
                };
                record_activity(conn, level, &text)?;
                messages.push(text);
            }
            if report.changed_anything() {
                // The warnings about the URL only when something was sent to it.
                for w in &report.warnings {
                    record_activity(conn, Level::Warning, w)?;
                    messages.push(w.clone());
                }
            }
            if st.last_problem.is_some() {
                record_activity(
                    conn,
                    Level::Info,
                    &Message::new(
                        &code::WEBHOOK_CHECK_AGAIN,
                        "Comptoir can check its webhooks in WooCommerce again.",
                    ),
                )?;
            }
            let changed = report.changed_anything();
            apply(&mut st, &report, messages.clone());
            save(conn, &st)?;
            Ok(Some(WebhooksReport {
                delivery_url: report.delivery_url,
                messages,
                changed,
                state: st,
            }))
        }
        Err(e) => {
            let st = record_problem(conn, check_failed(&e))?;
            Ok(Some(WebhooksReport {
                delivery_url: delivery_url.to_owned(),
                messages: Vec::new(),
                changed: false,
                state: st,
            }))
        }
    }
}

/// A check while there is no public address: reads the webhooks' status (to tell the owner
/// about a disabled or deleted one) without changing anything, since there is no address to
/// point them at. `None` when not connected.
pub fn inspect(
    conn: &Connection,
    why_no_address: &Message,
) -> Result<Option<WebhooksState>, StoreError> {
    let mut st = state(conn)?;
    if !st.connected {
        return Ok(None);
    }
    let Ok(shop) = sync::shop_from_settings(conn) else {
        return Ok(None);
    };
    match Client::new(shop).list_webhooks() {
        Ok(list) => {
            for h in &mut st.hooks {
                match list.iter().find(|w| w.id == h.id) {
                    Some(w) => {
                        h.status = w.status.clone();
                        h.delivery_url = w.delivery_url.clone();
                    }
                    None => h.status = "deleted".to_owned(),
                }
            }
            st.last_check = Some(now_text());
            let problem = Message::new(
                &code::WEBHOOK_NO_ADDRESS_YET,
                format!(
                    "There is no public address, so the webhooks cannot be set right yet ({why_no_address}); Comptoir does it as soon as the tunnel is up."
                ),
            )
            .with_message("reason", why_no_address);
            if st.last_problem.as_ref() != Some(&problem) {
                for h in st.hooks.iter().filter(|h| h.status != "active") {
                    record_activity(
                        conn,
                        Level::Warning,
                        &Message::new(
                            &code::WEBHOOK_NOT_ACTIVE,
                            format!(
                                "In WooCommerce, webhook {} ({}) is {}. {problem}",
                                h.id, h.topic, h.status
                            ),
                        )
                        .with("id", h.id)
                        .with("topic", h.topic.as_str())
                        .with("status", h.status.as_str())
                        .with_message("problem", &problem),
                    )?;
                }
            }
            st.last_problem = Some(problem);
            save(conn, &st)?;
            Ok(Some(st))
        }
        Err(e) => record_problem(conn, check_failed(&e)).map(Some),
    }
}

/// Remembers a problem; the activity log gets it only when it differs from the previous one,
/// so a shop that stays unreachable does not fill the log every few minutes.
pub fn record_problem(conn: &Connection, problem: Message) -> Result<WebhooksState, StoreError> {
    let mut st = state(conn)?;
    if st.last_problem.as_ref() != Some(&problem) {
        record_activity(conn, Level::Error, &problem)?;
    }
    st.last_problem = Some(problem);
    st.last_check = Some(now_text());
    save(conn, &st)?;
    Ok(st)
}

/// The shop could not be asked; `e` is WooCommerce's or the network's own wording.
fn check_failed(e: &impl std::fmt::Display) -> Message {
    Message::new(
        &code::WEBHOOK_CHECK_FAILED,
        format!("Comptoir could not check its webhooks in WooCommerce: {e}"),
    )
    .with("error", e.to_string())
}

fn apply(st: &mut WebhooksState, report: &WebhookReport, messages: Vec<Message>) {
    st.hooks = report
        .actions
        .iter()
        .filter(|a| !matches!(a, WebhookAction::Duplicate { .. }))
        .map(|a| HookState {
            topic: a.topic().to_owned(),
            id: a.id(),
            status: "active".to_owned(),
            delivery_url: report.delivery_url.clone(),
        })
        .collect();
    st.connected = true;
    st.last_check = Some(now_text());
    st.last_problem = None;
    // A check that changed nothing keeps the last changes on the screen.
    if !messages.is_empty() {
        st.last_changes = messages;
    }
}
