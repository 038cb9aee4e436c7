//! The WooCommerce REST API v3 on Comptoir's side (PROTOCOL.md §8): reading the orders modified
//! since a moment (the catch-up that makes up for deliveries WooCommerce never retries, §4),
//! keeping the two webhooks that deliver to Comptoir in place and active, and reading an order's
//! refunds for credit notes.
//!
//! Blocking HTTP (ureq, TLS by rustls with ring). The key travels as HTTP Basic over HTTPS; the
//! shop address must be `https://`, except `http://127.0.0.1`/`localhost` for tests. The consumer
//! secret is only ever in the `Authorization` header: no error, `Debug` or log line shows it.
//! Every failure is a sentence for the owner: what happened and what to do.

use std::collections::HashSet;
use std::fmt;
use std::time::Duration;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use comptoir_core::message::{Message, code};
use comptoir_core::order::{FeeLine, MetaData, ShippingLine, TaxAmount, TaxLine};
use comptoir_core::{GmtTime, Money, Order, OrderError};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use crate::signature::Secret;

/// Where WooCommerce's REST API v3 lives under the shop's home URL.
pub const API_PREFIX: &str = "/wp-json/wc/v3";
/// WooCommerce refuses `per_page` above 100 (RC3 `get_collection_params`).
pub const MAX_PAGE_SIZE: u32 = 100;
/// Every webhook Comptoir creates is named with this prefix, so it can find its own again
/// after the delivery URL changed (a quick tunnel gets a new address at every start).
pub const WEBHOOK_NAME_PREFIX: &str = "Comptoir";
/// The two webhooks Comptoir needs, with the names it gives them.
pub const WEBHOOK_TOPICS: [(&str, &str); 2] = [
    ("order.created", "Comptoir: order created"),
    ("order.updated", "Comptoir: order updated"),
];

/// A page of 100 orders is a few hundred kilobytes; this bounds a runaway answer.
const MAX_BODY: u64 = 64 * 1024 * 1024;
/// A bound on pages followed, against a shop whose paging headers never end.
const MAX_PAGES: u32 = 10_000;

/// Why talking to the shop failed. Each message says what happened and what to do.
#[derive(Debug, thiserror::Error)]
pub enum RestError {
    #[error(
        "The shop address \"{url}\" must start with https://: WooCommerce accepts API keys over HTTPS only (http:// is allowed for 127.0.0.1 and localhost, for tests). Enter the address as your browser shows it, e.g. https://myshop.be."
    )]
    NotHttps { url: String },
    #[error(
        "\"{url}\" is not a shop address: {reason}. Enter the shop's home address as your browser shows it, e.g. https://myshop.be."
    )]
    BadUrl { url: String, reason: String },
    #[error(
        "The WooCommerce API key is incomplete: the {0} is empty. Create a key with Read/Write access in WooCommerce → Settings → Advanced → REST API and enter its consumer key and consumer secret."
    )]
    MissingKey(&'static str),
    #[error(
        "Comptoir could not reach the shop at {url}: {reason}. Check the shop address, that the shop is online and that this computer is connected to the internet, then try again."
    )]
    Unreachable { url: String, reason: String },
    #[error(
        "The shop refused the API key: {message}. Create a key with Read/Write access in WooCommerce → Settings → Advanced → REST API and enter it in Comptoir."
    )]
    KeyRefused { code: String, message: String },
    #[error(
        "The shop did not let the API key {action}: {message}. The key must have Read/Write access: in WooCommerce → Settings → Advanced → REST API, edit it (or create a new one) with the permissions Read/Write."
    )]
    KeyCannotWrite { action: String, message: String },
    #[error(
        "The shop did not let the API key {action}: {message}. The key must belong to an administrator or a shop manager; create one with Read/Write access in WooCommerce → Settings → Advanced → REST API."
    )]
    Forbidden { action: String, message: String },
    #[error(
        "The shop has no WooCommerce REST API at {url} (HTTP {status}{detail}). Check the shop address, that WooCommerce is active, and that WordPress → Settings → Permalinks is not set to \"Plain\"."
    )]
    NoApi {
        url: String,
        status: u16,
        detail: String,
    },
    #[error(
        "The shop answered the request to {action} with a redirect to {location}. Enter the shop's address as it is after that redirect (e.g. with or without www) in Comptoir."
    )]
    Redirected { action: String, location: String },
    #[error(
        "The shop could not {action} (HTTP {status}{detail}). Try again later; if it keeps happening, look at the shop's logs in WooCommerce → Status → Logs."
    )]
    Status {
        action: String,
        status: u16,
        detail: String,
    },
    #[error(
        "The shop's answer to the request to {action} is not what WooCommerce sends ({reason}). A security plugin, a cache or a maintenance page may be in the way; check that the shop works in a browser."
    )]
    Unexpected { action: String, reason: String },
}

/// A WooCommerce shop and the REST API key Comptoir uses with it.
#[derive(Clone, PartialEq, Eq)]
pub struct Shop {
    url: String,
    consumer_key: String,
    consumer_secret: Secret,
}

impl fmt::Debug for Shop {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The consumer key names the key (like a user name) but is half of the credential:
        // its start is enough to recognise it.
        let key: String = self.consumer_key.chars().take(7).collect();
        f.debug_struct("Shop")
            .field("url", &self.url)
            .field("consumer_key", &format!("{key}…"))
            .field("consumer_secret", &self.consumer_secret)
            .finish()
    }
}

impl Shop {
    /// Checks the address (`https://`, or `http://` on 127.0.0.1/localhost) and that the key is
    /// complete. The address is the shop's home URL; a trailing slash is dropped.
    pub fn new(url: &str, consumer_key: &str, consumer_secret: Secret) -> Result<Shop, RestError> {
        let url = check_shop_url(url)?;
        let consumer_key = consumer_key.trim();
        if consumer_key.is_empty() {
            return Err(RestError::MissingKey("consumer key"));
        }
        let consumer_secret = Secret::new(consumer_secret.expose().trim());
        if consumer_secret.expose().is_empty() {
            return Err(RestError::MissingKey("consumer secret"));
        }
        Ok(Shop {
            url,
            consumer_key: consumer_key.to_owned(),
            consumer_secret,
        })
    }

    /// The shop's address without a trailing slash, e.g. `https://myshop.be`.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The address with a trailing slash: what WooCommerce sends as `X-WC-Webhook-Source`
    /// (`home_url('/')`) when the owner entered the home address.
    pub fn home_url(&self) -> String {
        format!("{}/", self.url)
    }

    pub fn consumer_key(&self) -> &str {
        &self.consumer_key
    }
}

/// The shop address as Comptoir keeps it (no trailing slash, lower-case host), or why it cannot
/// be one: `https://` (or `http://` on 127.0.0.1/localhost), a host, no user name, query or
/// fragment, not a WordPress inner path. For validating the setting as the owner types it.
pub fn check_shop_url(raw: &str) -> Result<String, RestError> {
    let text = raw.trim().trim_end_matches('/');
    let bad = |reason: &str| RestError::BadUrl {
        url: raw.trim().to_owned(),
        reason: reason.to_owned(),
    };
    let uri: ureq::http::Uri = text.parse().map_err(|_| bad("it is not a web address"))?;
    let scheme = uri
        .scheme_str()
        .ok_or_else(|| bad("it does not start with https://"))?
        .to_ascii_lowercase();
    let authority = uri.authority().ok_or_else(|| bad("it has no host name"))?;
    if authority.as_str().contains('@') {
        return Err(bad(
            "it contains a user name; the API key goes in its own fields",
        ));
    }
    if uri.query().is_some() || text.contains('#') {
        return Err(bad("it contains a query (?…) or a fragment (#…)"));
    }
    let path = uri.path().trim_end_matches('/');
    if path.contains("/wp-admin") || path.contains("/wp-json") || path.contains("/wp-login") {
        return Err(bad(
            "it points inside WordPress (wp-admin, wp-json…) rather than at the shop's home",
        ));
    }
    let host = authority.host().to_ascii_lowercase();
    let local = matches!(host.as_str(), "127.0.0.1" | "localhost" | "[::1]" | "::1");
    match scheme.as_str() {
        "https" => {}
        "http" if local => {}
        "http" => {
            return Err(RestError::NotHttps {
                url: raw.trim().to_owned(),
            });
        }
        _ => return Err(bad("it does not start with https://")),
    }
    let port = authority
        .port_u16()
        .map(|p| format!(":{p}"))
        .unwrap_or_default();
    Ok(format!("{scheme}://{host}{port}{path}"))
}

/// One order of a catch-up page: its exact bytes in the list, and what they say.
#[derive(Debug)]
pub struct FetchedOrder {
    /// The order's JSON exactly as WooCommerce wrote it inside the list. For a v3 webhook this
    /// is byte for byte the delivery body (both are `wp_json_encode` of the same REST
    /// representation; `rest/02` order 22 equals `s01/004`), so the body hash matches the
    /// webhook's and the intake recognises the repeat. Plugins may make them differ; then the
    /// intake's `date_modified_gmt` comparison decides (the same date is the same version).
    pub body: Vec<u8>,
    pub id: Option<u64>,
    pub date_modified_gmt: Option<GmtTime>,
    /// The shop's home URL as the order's own `_links` give it (`…/wp-json/…` cut off), which
    /// is how WooCommerce names the shop in `X-WC-Webhook-Source`.
    pub home_url: Option<String>,
    pub order: Result<Order, OrderError>,
}

impl FetchedOrder {
    fn from_raw(raw: &RawValue) -> FetchedOrder {
        let body = raw.get().as_bytes().to_vec();
        let value: serde_json::Value = match serde_json::from_str(raw.get()) {
            Ok(v) => v,
            // Cannot happen (the list was just parsed), but an error is kept, not a panic.
            Err(e) => {
                return FetchedOrder {
                    body,
                    id: None,
                    date_modified_gmt: None,
                    home_url: None,
                    order: Err(OrderError::Json(e)),
                };
            }
        };
        let id = value.get("id").and_then(|v| v.as_u64());
        let date_modified_gmt = value
            .get("date_modified_gmt")
            .and_then(|v| v.as_str())
            .and_then(|t| GmtTime::parse(t).ok());
        let home_url = home_from_links(&value);
        FetchedOrder {
            body,
            id,
            date_modified_gmt,
            home_url,
            order: Order::from_value(value),
        }
    }
}

/// `_links.self[0].href` (or `collection`) is `rest_url(…)`, that is the home URL followed by
/// `wp-json/…` (or `?rest_route=…` with plain permalinks).
fn home_from_links(value: &serde_json::Value) -> Option<String> {
    let links = value.get("_links")?;
    let href = ["self", "collection"]
        .iter()
        .find_map(|rel| links.get(rel)?.as_array()?.first()?.get("href")?.as_str())?;
    let cut = href
        .find("/wp-json/")
        .map(|i| i + 1)
        .or_else(|| href.find("?rest_route="))?;
    let home = &href[..cut];
    Some(if home.ends_with('/') {
        home.to_owned()
    } else {
        format!("{home}/")
    })
}

/// One page of `GET /orders?modified_after=…`.
#[derive(Debug)]
pub struct OrderPage {
    pub page: u32,
    pub orders: Vec<FetchedOrder>,
    /// `X-WP-Total`: how many orders match, as counted when this page was made.
    pub total: Option<u64>,
    /// `X-WP-TotalPages`.
    pub total_pages: Option<u32>,
}

/// The pages of one catch-up pass, fetched one at a time (so the caller can store each page
/// before asking for the next, and an interruption keeps what was done).
///
/// Paging is by page number over a list sorted by modification date, so an order modified
/// while the pass runs moves to the end, and the one after it slides onto a page already
/// read. [`OrderPages::settled`] tells afterwards whether that may have happened.
#[derive(Debug)]
pub struct OrderPages<'a> {
    client: &'a Client,
    since: GmtTime,
    next_page: Option<u32>,
    first_total: Option<u64>,
    seen: HashSet<u64>,
    seen_twice: bool,
}

impl Iterator for OrderPages<'_> {
    type Item = Result<OrderPage, RestError>;

    fn next(&mut self) -> Option<Self::Item> {
        let page = self.next_page.take()?;
        let reply = match self.client.orders_page(self.since, page) {
            Ok(r) => r,
            Err(e) => return Some(Err(e)),
        };
        if page == 1 {
            self.first_total = reply.total;
        }
        for id in reply.orders.iter().filter_map(|o| o.id) {
            if !self.seen.insert(id) {
                self.seen_twice = true;
            }
        }
        // Stop at the first empty page, or when WooCommerce says there is no next page: a
        // `rel="next"` link or `X-WP-TotalPages` beyond this page. Past the end WooCommerce
        // answers `[]` with a `rel="prev"` to page 0 (rest/05); only "next" is ever followed.
        if !reply.orders.is_empty() && reply.has_next && page < MAX_PAGES {
            self.next_page = Some(page + 1);
        }
        Some(Ok(OrderPage {
            page,
            orders: reply.orders,
            total: reply.total,
            total_pages: reply.total_pages,
        }))
    }
}

impl OrderPages<'_> {
    /// The ids seen in this pass so far.
    pub fn seen(&self) -> &HashSet<u64> {
        &self.seen
    }

    /// After the last page: whether the list stood still while it was read. It did not when an
    /// order came twice (it was modified and moved to the end, so another one slid back onto
    /// a page already read) or fewer orders came than page 1 announced (one left the list) —
    /// unless the same orders came as in the `previous` pass, which means the shortfall is
    /// the shop's own (an order WooCommerce counts but cannot show).
    pub fn settled(&self, previous: Option<&HashSet<u64>>) -> bool {
        if self.seen_twice {
            return false;
        }
        let complete = self
            .first_total
            .is_none_or(|total| self.seen.len() as u64 >= total);
        complete || previous.is_some_and(|p| *p == self.seen)
    }
}

struct PageReply {
    orders: Vec<FetchedOrder>,
    total: Option<u64>,
    total_pages: Option<u32>,
    has_next: bool,
}

/// A webhook as the REST API shows it (no secret, no failure count: §8).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Webhook {
    pub id: u64,
    #[serde(default)]
    pub name: String,
    /// `active`, `paused` or `disabled` (by WooCommerce, after failed deliveries).
    #[serde(default)]
    pub status: String,
    #[serde(default)]
    pub topic: String,
    #[serde(default)]
    pub delivery_url: String,
    #[serde(default)]
    pub date_modified_gmt: Option<String>,
}

impl Webhook {
    fn is_comptoirs(&self, delivery_url: &str, known_ids: &[u64]) -> bool {
        self.name.starts_with(WEBHOOK_NAME_PREFIX)
            || same_url(&self.delivery_url, delivery_url)
            || known_ids.contains(&self.id)
    }
}

fn same_url(a: &str, b: &str) -> bool {
    a.trim().trim_end_matches('/') == b.trim().trim_end_matches('/')
}

/// The fields of a webhook to change; `None` leaves a field as it is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WebhookUpdate {
    pub name: Option<String>,
    pub status: Option<String>,
    pub topic: Option<String>,
    pub delivery_url: Option<String>,
    pub secret: Option<Secret>,
}

impl WebhookUpdate {
    pub fn is_empty(&self) -> bool {
        *self == WebhookUpdate::default()
    }

    /// The JSON body. The secret is shown here and nowhere else (it must reach WooCommerce).
    fn to_json(&self) -> serde_json::Value {
        let mut body = serde_json::Map::new();
        let fields = [
            ("name", self.name.as_deref()),
            ("status", self.status.as_deref()),
            ("topic", self.topic.as_deref()),
            ("delivery_url", self.delivery_url.as_deref()),
            ("secret", self.secret.as_ref().map(Secret::expose)),
        ];
        for (key, value) in fields {
            if let Some(v) = value {
                body.insert(key.to_owned(), v.into());
            }
        }
        serde_json::Value::Object(body)
    }
}

/// What [`Client::ensure_webhooks`] did to one webhook.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum WebhookAction {
    /// There was none for the topic (never made, or deleted in WooCommerce): made now.
    Created {
        id: u64,
        topic: String,
    },
    /// It delivers to the current URL again (and was renamed, when it was a hand-made one).
    Updated {
        id: u64,
        topic: String,
        previous_url: Option<String>,
    },
    /// It was `disabled` (by WooCommerce) or `paused` (by someone), and is active again.
    Reactivated {
        id: u64,
        topic: String,
        was: String,
        previous_url: Option<String>,
    },
    /// Only the secret was sent again ([`Client::connect_webhooks`]).
    SecretSent {
        id: u64,
        topic: String,
    },
    Unchanged {
        id: u64,
        topic: String,
    },
    /// A second webhook of Comptoir's for the same topic, left alone.
    Duplicate {
        id: u64,
        topic: String,
        name: String,
    },
}

impl WebhookAction {
    /// The webhook this is about.
    pub fn id(&self) -> u64 {
        match self {
            WebhookAction::Created { id, .. }
            | WebhookAction::Updated { id, .. }
            | WebhookAction::Reactivated { id, .. }
            | WebhookAction::SecretSent { id, .. }
            | WebhookAction::Unchanged { id, .. }
            | WebhookAction::Duplicate { id, .. } => *id,
        }
    }

    /// Its topic (`order.created`, `order.updated`).
    pub fn topic(&self) -> &str {
        match self {
            WebhookAction::Created { topic, .. }
            | WebhookAction::Updated { topic, .. }
            | WebhookAction::Reactivated { topic, .. }
            | WebhookAction::SecretSent { topic, .. }
            | WebhookAction::Unchanged { topic, .. }
            | WebhookAction::Duplicate { topic, .. } => topic,
        }
    }

    /// A sentence for the owner.
    pub fn message(&self, delivery_url: &str) -> Message {
        let url = delivery_url;
        let said = match self {
            WebhookAction::Created { id, topic } => Message::new(
                &code::WEBHOOK_CREATED,
                format!("Webhook {id} ({topic}) was created; it delivers to {url}."),
            )
            .with("url", url),
            WebhookAction::Updated {
                id,
                topic,
                previous_url,
            } => match previous_url {
                Some(old) => Message::new(
                    &code::WEBHOOK_MOVED,
                    format!("Webhook {id} ({topic}) now delivers to {url} instead of {old}."),
                )
                .with("url", url)
                .with("previous", old.as_str()),
                None => Message::new(
                    &code::WEBHOOK_UPDATED,
                    format!("Webhook {id} ({topic}) was updated; it delivers to {url}."),
                )
                .with("url", url),
            },
            WebhookAction::Reactivated {
                id,
                topic,
                was,
                previous_url,
            } => {
                let moved = previous_url.as_ref().map(|old| {
                    Message::new(
                        &code::WEBHOOK_MOVED_NOTE,
                        format!(" and now delivers to {url} instead of {old}"),
                    )
                    .with("url", url)
                    .with("previous", old.as_str())
                });
                let moved_text = Message::clause_text(moved.as_ref());
                if was == "disabled" {
                    Message::new(
                        &code::WEBHOOK_REACTIVATED_DISABLED,
                        format!(
                            "Webhook {id} ({topic}) had been disabled by WooCommerce, which does that after 7 failed deliveries in a row (Comptoir was closed, asleep or unreachable). It is active again{moved_text}. WooCommerce does not resend what failed; the catch-up fetches those orders. Until a delivery succeeds, one more failure disables it again, so keep Comptoir reachable."
                        ),
                    )
                    .with_clause("moved", moved.as_ref())
                } else {
                    Message::new(
                        &code::WEBHOOK_REACTIVATED,
                        format!(
                            "Webhook {id} ({topic}) was {was} in WooCommerce; Comptoir set it active again{moved_text}. Orders changed meanwhile are fetched by the catch-up."
                        ),
                    )
                    .with("was", was.as_str())
                    .with_clause("moved", moved.as_ref())
                }
            }
            WebhookAction::SecretSent { id, topic } => Message::new(
                &code::WEBHOOK_SECRET_SENT,
                format!(
                    "Webhook {id} ({topic}) is active, delivers to {url} and now has Comptoir's current secret."
                ),
            )
            .with("url", url),
            WebhookAction::Unchanged { id, topic } => Message::new(
                &code::WEBHOOK_UNCHANGED,
                format!("Webhook {id} ({topic}) is active and delivers to {url}."),
            )
            .with("url", url),
            WebhookAction::Duplicate { id, topic, name } => Message::new(
                &code::WEBHOOK_DUPLICATE,
                format!(
                    "Webhook {id} (\"{name}\", {topic}) is a second one for Comptoir and was left as it is; if nobody made it on purpose, delete it in WooCommerce → Settings → Advanced → Webhooks."
                ),
            )
            .with("name", name.as_str()),
        };
        said.with("id", self.id()).with("topic", self.topic())
    }
}

/// What [`Client::ensure_webhooks`] found and did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct WebhookReport {
    pub delivery_url: String,
    pub actions: Vec<WebhookAction>,
    /// Reasons WooCommerce will refuse to deliver to the URL (PROTOCOL.md §5), if any.
    pub warnings: Vec<Message>,
}

impl WebhookReport {
    pub fn created(&self) -> usize {
        self.count(|a| matches!(a, WebhookAction::Created { .. }))
    }

    pub fn reactivated(&self) -> usize {
        self.count(|a| matches!(a, WebhookAction::Reactivated { .. }))
    }

    /// Whether anything was changed in WooCommerce.
    pub fn changed_anything(&self) -> bool {
        self.actions.iter().any(|a| {
            !matches!(
                a,
                WebhookAction::Unchanged { .. } | WebhookAction::Duplicate { .. }
            )
        })
    }

    /// One sentence per webhook, then the warnings.
    pub fn messages(&self) -> Vec<Message> {
        self.actions
            .iter()
            .map(|a| a.message(&self.delivery_url))
            .chain(self.warnings.iter().cloned())
            .collect()
    }

    fn count(&self, f: impl Fn(&WebhookAction) -> bool) -> usize {
        self.actions.iter().filter(|a| f(a)).count()
    }
}

/// One refund of an order, with its lines (`GET /orders/{id}/refunds`, rest/06). Quantities
/// and amounts are negative, as WooCommerce sends them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RefundDetail {
    pub id: u64,
    #[serde(default)]
    pub date_created_gmt: Option<GmtTime>,
    /// Positive: what was refunded, tax included (`"52.59"`).
    pub amount: Money,
    #[serde(default, deserialize_with = "string_or_null")]
    pub reason: String,
    /// Whether WooCommerce also refunded through the payment gateway.
    #[serde(default)]
    pub refunded_payment: bool,
    #[serde(default)]
    pub line_items: Vec<RefundLine>,
    #[serde(default)]
    pub shipping_lines: Vec<ShippingLine>,
    #[serde(default)]
    pub fee_lines: Vec<FeeLine>,
    #[serde(default)]
    pub tax_lines: Vec<TaxLine>,
}

/// A refunded product line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(from = "RawRefundLine")]
pub struct RefundLine {
    pub id: u64,
    pub name: String,
    pub product_id: u64,
    pub variation_id: u64,
    pub sku: Option<String>,
    /// Negative (`-1`).
    pub quantity: Money,
    pub subtotal: Money,
    pub subtotal_tax: Money,
    pub total: Money,
    pub total_tax: Money,
    pub taxes: Vec<TaxAmount>,
    /// The order's line this refunds (`_refunded_item_id`), when WooCommerce says.
    pub refunded_item_id: Option<u64>,
}

#[derive(Deserialize)]
struct RawRefundLine {
    #[serde(default)]
    id: u64,
    #[serde(default, deserialize_with = "string_or_null")]
    name: String,
    #[serde(default)]
    product_id: u64,
    #[serde(default)]
    variation_id: u64,
    #[serde(default)]
    sku: Option<String>,
    #[serde(default)]
    quantity: Money,
    #[serde(default)]
    subtotal: Money,
    #[serde(default)]
    subtotal_tax: Money,
    #[serde(default)]
    total: Money,
    #[serde(default)]
    total_tax: Money,
    #[serde(default)]
    taxes: Vec<TaxAmount>,
    #[serde(default)]
    meta_data: Vec<MetaData>,
}

impl From<RawRefundLine> for RefundLine {
    fn from(r: RawRefundLine) -> RefundLine {
        let refunded_item_id = r
            .meta_data
            .iter()
            .find(|m| m.key == "_refunded_item_id")
            .and_then(|m| match &m.value {
                serde_json::Value::String(s) => s.trim().parse().ok(),
                serde_json::Value::Number(n) => n.as_u64(),
                _ => None,
            });
        RefundLine {
            id: r.id,
            name: r.name,
            product_id: r.product_id,
            variation_id: r.variation_id,
            sku: r.sku.filter(|s| !s.trim().is_empty()),
            quantity: r.quantity,
            subtotal: r.subtotal,
            subtotal_tax: r.subtotal_tax,
            total: r.total,
            total_tax: r.total_tax,
            taxes: r.taxes,
            refunded_item_id,
        }
    }
}

fn string_or_null<'de, D: serde::Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    Ok(Option::<String>::deserialize(d)?.unwrap_or_default())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Verb {
    Get,
    Post,
    Put,
}

impl Verb {
    fn writes(self) -> bool {
        self != Verb::Get
    }
}

struct Reply {
    headers: ureq::http::HeaderMap,
    body: Vec<u8>,
}

/// The REST client for one shop.
pub struct Client {
    shop: Shop,
    agent: ureq::Agent,
    /// `Basic base64(ck:cs)`, kept as a [`Secret`] so that it never shows in a `Debug`.
    authorization: Secret,
    page_size: u32,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("shop", &self.shop)
            .field("page_size", &self.page_size)
            .finish()
    }
}

impl Client {
    pub fn new(shop: Shop) -> Client {
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            // A redirect would be followed without the key, or turn a POST into a GET: it is
            // reported instead, with the address to enter.
            .max_redirects(0)
            .max_redirects_will_error(false)
            .timeout_connect(Some(Duration::from_secs(20)))
            // A page of 100 orders on a slow shared host can take a while to build.
            .timeout_global(Some(Duration::from_secs(180)))
            .user_agent(format!("Comptoir/{}", env!("CARGO_PKG_VERSION")))
            .build()
            .new_agent();
        let credentials = format!("{}:{}", shop.consumer_key, shop.consumer_secret.expose());
        let authorization = Secret::new(format!("Basic {}", STANDARD.encode(credentials)));
        Client {
            shop,
            agent,
            authorization,
            page_size: MAX_PAGE_SIZE,
        }
    }

    /// Orders per page (1–100; 100 unless changed).
    pub fn with_page_size(mut self, n: u32) -> Client {
        self.page_size = n.clamp(1, MAX_PAGE_SIZE);
        self
    }

    pub fn shop(&self) -> &Shop {
        &self.shop
    }

    /// The pages of the orders modified after `since` (UTC, exclusive: WooCommerce's filter is
    /// `date_modified > since` to the second), oldest change first. One pass; see
    /// [`OrderPages::settled`].
    pub fn order_pages(&self, since: GmtTime) -> OrderPages<'_> {
        OrderPages {
            client: self,
            since,
            next_page: Some(1),
            first_total: None,
            seen: HashSet::new(),
            seen_twice: false,
        }
    }

    /// All orders modified after `since`, oldest change first, each once (its newest version).
    /// A pass is repeated (at most three in all) when the list moved while it was read.
    pub fn orders_modified_after(&self, since: GmtTime) -> Result<Vec<FetchedOrder>, RestError> {
        let mut previous: Option<HashSet<u64>> = None;
        let mut result = Vec::new();
        for _ in 0..3 {
            let mut pages = self.order_pages(since);
            let mut pass: Vec<FetchedOrder> = Vec::new();
            for page in pages.by_ref() {
                pass.extend(page?.orders);
            }
            let settled = pages.settled(previous.as_ref());
            previous = Some(pages.seen().clone());
            result = newest_of_each(pass);
            if settled {
                break;
            }
        }
        Ok(result)
    }

    fn orders_page(&self, since: GmtTime, page: u32) -> Result<PageReply, RestError> {
        let since = since.to_string();
        let per_page = self.page_size.to_string();
        let page_text = page.to_string();
        let query = [
            ("modified_after", since.as_str()),
            ("dates_are_gmt", "true"),
            ("orderby", "modified"),
            ("order", "asc"),
            ("per_page", per_page.as_str()),
            ("page", page_text.as_str()),
        ];
        let action = "list the orders modified since the last check";
        let reply = self.send(Verb::Get, "/orders", &query, None, action)?;
        let list: Vec<Box<RawValue>> = parse_json(&reply.body, action)?;
        let total = header_number(&reply.headers, "x-wp-total");
        let total_pages: Option<u32> = header_number(&reply.headers, "x-wp-totalpages");
        let has_next = link_rels(&reply.headers).iter().any(|r| r == "next")
            || total_pages.is_some_and(|t| page < t);
        Ok(PageReply {
            orders: list.iter().map(|raw| FetchedOrder::from_raw(raw)).collect(),
            total,
            total_pages,
            has_next,
        })
    }

    /// Every webhook of the shop (all pages).
    pub fn list_webhooks(&self) -> Result<Vec<Webhook>, RestError> {
        self.all_pages("/webhooks", "list the webhooks")
    }

    /// Creates an active webhook (WooCommerce pings the URL right after, §3).
    pub fn create_webhook(
        &self,
        name: &str,
        topic: &str,
        delivery_url: &str,
        secret: &Secret,
    ) -> Result<Webhook, RestError> {
        let body = serde_json::json!({
            "name": name,
            "topic": topic,
            "delivery_url": delivery_url,
            "secret": secret.expose(),
        });
        let action = format!("create a webhook for {topic}");
        let reply = self.send(Verb::Post, "/webhooks", &[], Some(&body), &action)?;
        parse_json(&reply.body, &action)
    }

    /// Changes the given fields of webhook `id`.
    pub fn update_webhook(&self, id: u64, fields: &WebhookUpdate) -> Result<Webhook, RestError> {
        let action = format!("update webhook {id}");
        let reply = self.send(
            Verb::Put,
            &format!("/webhooks/{id}"),
            &[],
            Some(&fields.to_json()),
            &action,
        )?;
        parse_json(&reply.body, &action)
    }

    /// Makes sure the shop has one active webhook of Comptoir's for `order.created` and one for
    /// `order.updated`, delivering to `delivery_url`. Comptoir's are found by name
    /// ([`WEBHOOK_NAME_PREFIX`]) or by delivery URL (hand-made ones, which are adopted and
    /// renamed). Missing ones are created, others moved to the URL and re-activated; nothing
    /// is sent for one already right, so calling this again changes nothing and never
    /// creates a duplicate. The secret is sent with every change made.
    pub fn ensure_webhooks(
        &self,
        delivery_url: &str,
        secret: &Secret,
    ) -> Result<WebhookReport, RestError> {
        self.heal_webhooks(delivery_url, secret, false, &[])
    }

    /// The "Connect" button: like [`Client::ensure_webhooks`], and also sends the secret to the
    /// webhooks that were right already, since WooCommerce never shows it and Comptoir's may
    /// have changed.
    pub fn connect_webhooks(
        &self,
        delivery_url: &str,
        secret: &Secret,
    ) -> Result<WebhookReport, RestError> {
        self.heal_webhooks(delivery_url, secret, true, &[])
    }

    /// [`Client::ensure_webhooks`] (or, with `push_secret`, [`Client::connect_webhooks`]) that
    /// also recognises the webhooks whose ids Comptoir remembers from an earlier set-up, even
    /// if someone renamed them and they deliver elsewhere.
    pub fn heal_webhooks(
        &self,
        delivery_url: &str,
        secret: &Secret,
        push_secret: bool,
        known_ids: &[u64],
    ) -> Result<WebhookReport, RestError> {
        let delivery_url = delivery_url.trim();
        let hooks = self.list_webhooks()?;
        let mut report = WebhookReport {
            delivery_url: delivery_url.to_owned(),
            actions: Vec::new(),
            warnings: delivery_url_warnings(delivery_url),
        };
        for (topic, name) in WEBHOOK_TOPICS {
            let mut ours: Vec<&Webhook> = hooks
                .iter()
                .filter(|h| h.topic == topic && h.is_comptoirs(delivery_url, known_ids))
                .collect();
            // Keep the one already delivering here, else an active one, else the oldest.
            ours.sort_by_key(|h| {
                (
                    !same_url(&h.delivery_url, delivery_url),
                    h.status != "active",
                    h.id,
                )
            });
            let Some((keep, extra)) = ours.split_first() else {
                let made = self.create_webhook(name, topic, delivery_url, secret)?;
                report.actions.push(WebhookAction::Created {
                    id: made.id,
                    topic: topic.to_owned(),
                });
                continue;
            };
            let mut update = WebhookUpdate::default();
            let previous_url = (!same_url(&keep.delivery_url, delivery_url)).then(|| {
                update.delivery_url = Some(delivery_url.to_owned());
                keep.delivery_url.clone()
            });
            let was = (keep.status != "active").then(|| {
                update.status = Some("active".to_owned());
                keep.status.clone()
            });
            if !keep.name.starts_with(WEBHOOK_NAME_PREFIX) {
                update.name = Some(name.to_owned());
            }
            let only_secret = update.is_empty();
            if push_secret || !only_secret {
                update.secret = Some(secret.clone());
            }
            let topic = topic.to_owned();
            let action = if update.is_empty() {
                WebhookAction::Unchanged { id: keep.id, topic }
            } else {
                self.update_webhook(keep.id, &update)?;
                match was {
                    Some(was) => WebhookAction::Reactivated {
                        id: keep.id,
                        topic,
                        was,
                        previous_url,
                    },
                    None if only_secret => WebhookAction::SecretSent { id: keep.id, topic },
                    None => WebhookAction::Updated {
                        id: keep.id,
                        topic,
                        previous_url,
                    },
                }
            };
            report.actions.push(action);
            for h in extra {
                report.actions.push(WebhookAction::Duplicate {
                    id: h.id,
                    topic: h.topic.clone(),
                    name: h.name.clone(),
                });
            }
        }
        Ok(report)
    }

    /// The refunds of order `order_id`, with their lines (for credit notes).
    pub fn refunds(&self, order_id: u64) -> Result<Vec<RefundDetail>, RestError> {
        self.all_pages(
            &format!("/orders/{order_id}/refunds"),
            &format!("read the refunds of order {order_id}"),
        )
    }

    fn all_pages<T: serde::de::DeserializeOwned>(
        &self,
        path: &str,
        action: &str,
    ) -> Result<Vec<T>, RestError> {
        let mut all = Vec::new();
        let mut page = 1u32;
        loop {
            let page_text = page.to_string();
            let query = [("per_page", "100"), ("page", page_text.as_str())];
            let reply = self.send(Verb::Get, path, &query, None, action)?;
            let items: Vec<T> = parse_json(&reply.body, action)?;
            let total_pages: Option<u32> = header_number(&reply.headers, "x-wp-totalpages");
            let has_next = link_rels(&reply.headers).iter().any(|r| r == "next")
                || total_pages.is_some_and(|t| page < t);
            let empty = items.is_empty();
            all.extend(items);
            if empty || !has_next || page >= MAX_PAGES {
                return Ok(all);
            }
            page += 1;
        }
    }

    fn send(
        &self,
        verb: Verb,
        path: &str,
        query: &[(&str, &str)],
        json: Option<&serde_json::Value>,
        action: &str,
    ) -> Result<Reply, RestError> {
        let url = format!("{}{API_PREFIX}{path}{}", self.shop.url, encode_query(query));
        let auth = self.authorization.expose();
        let result = match (verb, json) {
            (Verb::Get, _) => self
                .agent
                .get(&url)
                .header("Authorization", auth)
                .header("Accept", "application/json")
                .call(),
            (Verb::Post | Verb::Put, body) => {
                let bytes = body.map(|b| b.to_string()).unwrap_or_default();
                let builder = if verb == Verb::Post {
                    self.agent.post(&url)
                } else {
                    self.agent.put(&url)
                };
                builder
                    .header("Authorization", auth)
                    .header("Accept", "application/json")
                    .header("Content-Type", "application/json")
                    .send(bytes)
            }
        };
        let mut response = result.map_err(|e| self.unreachable(&e))?;
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let body = response
            .body_mut()
            .with_config()
            .limit(MAX_BODY)
            .read_to_vec()
            .map_err(|e| self.unreachable(&e))?;
        if (300..400).contains(&status) {
            let location = headers
                .get("location")
                .and_then(|v| v.to_str().ok())
                .unwrap_or("another address")
                .to_owned();
            return Err(RestError::Redirected {
                action: action.to_owned(),
                location,
            });
        }
        if status >= 400 {
            return Err(self.refusal(verb, status, &body, action));
        }
        Ok(Reply { headers, body })
    }

    fn unreachable(&self, e: &ureq::Error) -> RestError {
        let reason = match e {
            ureq::Error::HostNotFound => "its host name was not found".to_owned(),
            ureq::Error::Timeout(_) => "it did not answer in time".to_owned(),
            ureq::Error::ConnectionFailed => "the connection failed".to_owned(),
            ureq::Error::Io(io) => io.to_string(),
            ureq::Error::Rustls(tls) => format!(
                "the secure connection failed ({tls}); the shop's HTTPS certificate may be expired or not valid for this address"
            ),
            ureq::Error::Tls(what) => format!("the secure connection failed ({what})"),
            other => other.to_string(),
        };
        RestError::Unreachable {
            url: self.shop.url.clone(),
            reason,
        }
    }

    fn refusal(&self, verb: Verb, status: u16, body: &[u8], action: &str) -> RestError {
        #[derive(Deserialize)]
        struct WooError {
            #[serde(default)]
            code: String,
            #[serde(default)]
            message: String,
        }
        let error: Option<WooError> = serde_json::from_slice(body).ok();
        let (code, message) = error
            .map(|e| (e.code, strip_tags(&e.message)))
            .unwrap_or_default();
        let message_text = if message.is_empty() {
            format!("HTTP {status}")
        } else {
            message.trim_end_matches('.').to_owned()
        };
        let detail = match (code.is_empty(), message.is_empty()) {
            (true, true) => String::new(),
            (false, true) => format!(", {code}"),
            (true, false) => format!(": {message_text}"),
            (false, false) => format!(", {code}: {message_text}"),
        };
        match status {
            401 if verb.writes() => RestError::KeyCannotWrite {
                action: action.to_owned(),
                message: message_text,
            },
            401 => RestError::KeyRefused {
                code,
                message: message_text,
            },
            403 => RestError::Forbidden {
                action: action.to_owned(),
                message: message_text,
            },
            404 if code == "rest_no_route" || code.is_empty() => RestError::NoApi {
                url: self.shop.url.clone(),
                status,
                detail,
            },
            _ => RestError::Status {
                action: action.to_owned(),
                status,
                detail,
            },
        }
    }
}

/// Where WooCommerce will not deliver (PROTOCOL.md §5): not HTTPS with a valid certificate
/// (only a warning: plain http works but exposes the orders), a port other than 80/443/8080,
/// a local or private address.
fn delivery_url_warnings(url: &str) -> Vec<Message> {
    let mut warnings = Vec::new();
    let Ok(uri) = url.parse::<ureq::http::Uri>() else {
        warnings.push(
            Message::new(
                &code::WEBHOOK_URL_NOT_ADDRESS,
                format!(
                    "\"{url}\" is not a web address; WooCommerce will not deliver to it. Check the public address of the tunnel."
                ),
            )
            .with("url", url),
        );
        return warnings;
    };
    if uri.scheme_str() != Some("https") {
        warnings.push(
            Message::new(
                &code::WEBHOOK_URL_NOT_HTTPS,
                format!(
                    "The delivery URL {url} is not HTTPS: orders would travel unencrypted. Use the tunnel's https:// address."
                ),
            )
            .with("url", url),
        );
    }
    if let Some(port) = uri.port_u16().filter(|p| ![80, 443, 8080].contains(p)) {
        warnings.push(
            Message::new(
                &code::WEBHOOK_URL_PORT,
                format!(
                    "WooCommerce only delivers to ports 80, 443 and 8080, not {port}: the webhooks will fail. Use the tunnel's public address without a port."
                ),
            )
            .with("port", port),
        );
    }
    let host = uri.host().unwrap_or_default().to_ascii_lowercase();
    // WooCommerce's URL check takes host names and IPv4 addresses only.
    if host.starts_with('[') || comptoir_core::address::is_local_or_private_host(&host) {
        warnings.push(
            Message::new(
                &code::WEBHOOK_URL_PRIVATE,
                format!(
                    "WooCommerce does not deliver to local or private addresses like {host}: the webhooks will fail. Use a public tunnel address."
                ),
            )
            .with("host", host.as_str()),
        );
    }
    warnings
}

fn parse_json<T: serde::de::DeserializeOwned>(body: &[u8], action: &str) -> Result<T, RestError> {
    serde_json::from_slice(body).map_err(|e| RestError::Unexpected {
        action: action.to_owned(),
        reason: format!(
            "{e}; it starts with \"{}\"",
            String::from_utf8_lossy(&body[..body.len().min(80)])
                .chars()
                .filter(|c| !c.is_control())
                .collect::<String>()
        ),
    })
}

fn header_number<T: std::str::FromStr>(headers: &ureq::http::HeaderMap, name: &str) -> Option<T> {
    headers.get(name)?.to_str().ok()?.trim().parse().ok()
}

/// The `rel` values of the `Link` headers (`<url>; rel="next", <url>; rel="prev"`).
fn link_rels(headers: &ureq::http::HeaderMap) -> Vec<String> {
    let mut rels = Vec::new();
    for value in headers.get_all("link") {
        let Ok(text) = value.to_str() else { continue };
        rels.extend(parse_link_rels(text));
    }
    rels
}

fn parse_link_rels(text: &str) -> Vec<String> {
    let mut rels = Vec::new();
    let mut rest = text;
    // Each link is `<…>` followed by `;`-separated parameters up to the next `,` outside `<>`.
    while let Some(open) = rest.find('<') {
        let Some(close) = rest[open..].find('>') else {
            break;
        };
        let after = &rest[open + close + 1..];
        let end = after.find('<').unwrap_or(after.len());
        for param in after[..end].split(';') {
            let param = param.trim().trim_end_matches(',').trim();
            if let Some(value) = param
                .strip_prefix("rel=")
                .or_else(|| param.strip_prefix("rel ="))
            {
                rels.extend(
                    value
                        .trim()
                        .trim_matches('"')
                        .split_whitespace()
                        .map(str::to_ascii_lowercase),
                );
            }
        }
        rest = &after[end..];
    }
    rels
}

/// `?k=v&…`, percent-encoding all but unreserved characters and `:` (allowed in a query, and
/// what WooCommerce's own links show for dates once decoded).
fn encode_query(pairs: &[(&str, &str)]) -> String {
    if pairs.is_empty() {
        return String::new();
    }
    let encode = |s: &str| {
        let mut out = String::with_capacity(s.len());
        for b in s.bytes() {
            if b.is_ascii_alphanumeric() || b"-._~:".contains(&b) {
                out.push(char::from(b));
            } else {
                out.push_str(&format!("%{b:02X}"));
            }
        }
        out
    };
    let joined: Vec<String> = pairs
        .iter()
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect();
    format!("?{}", joined.join("&"))
}

/// WooCommerce messages may carry HTML (`<strong>`); the owner reads plain text.
fn strip_tags(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.trim().to_owned()
}

/// One entry per order id, the newest version, in the order of the newest versions.
fn newest_of_each(orders: Vec<FetchedOrder>) -> Vec<FetchedOrder> {
    let mut out: Vec<FetchedOrder> = Vec::with_capacity(orders.len());
    for o in orders {
        match o
            .id
            .and_then(|id| out.iter().position(|k| k.id == Some(id)))
        {
            Some(i) if out[i].date_modified_gmt <= o.date_modified_gmt => {
                out.remove(i);
                out.push(o);
            }
            Some(_) => {}
            None => out.push(o),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shop_addresses_are_checked() {
        let s = |u: &str| Shop::new(u, "ck_x", Secret::new("cs_y"));
        assert_eq!(s("https://MyShop.be/").unwrap().url(), "https://myshop.be");
        assert_eq!(
            s(" https://example.com/shop/ ").unwrap().home_url(),
            "https://example.com/shop/"
        );
        assert_eq!(
            s("http://127.0.0.1:8080").unwrap().url(),
            "http://127.0.0.1:8080"
        );
        assert_eq!(s("http://localhost:9").unwrap().url(), "http://localhost:9");
        assert!(matches!(
            s("http://myshop.be"),
            Err(RestError::NotHttps { .. })
        ));
        assert!(matches!(s("myshop.be"), Err(RestError::BadUrl { .. })));
        assert!(matches!(
            s("https://u:p@myshop.be"),
            Err(RestError::BadUrl { .. })
        ));
        assert!(matches!(
            s("https://myshop.be/wp-admin/"),
            Err(RestError::BadUrl { .. })
        ));
        assert!(matches!(
            s("https://myshop.be/?x=1"),
            Err(RestError::BadUrl { .. })
        ));
        assert!(matches!(
            Shop::new("https://myshop.be", " ", Secret::new("cs")),
            Err(RestError::MissingKey("consumer key"))
        ));
        assert!(matches!(
            Shop::new("https://myshop.be", "ck", Secret::new("")),
            Err(RestError::MissingKey("consumer secret"))
        ));
    }

    #[test]
    fn debug_never_shows_the_secret() {
        let shop = Shop::new(
            "https://myshop.be",
            "ck_0123456789abcdef",
            Secret::new("cs_topsecretvalue"),
        )
        .unwrap();
        let client = Client::new(shop.clone());
        for text in [format!("{shop:?}"), format!("{client:?}")] {
            assert!(!text.contains("cs_topsecretvalue"), "{text}");
            assert!(!text.contains("0123456789abcdef"), "{text}");
        }
        let update = WebhookUpdate {
            secret: Some(Secret::new("whsec")),
            ..Default::default()
        };
        assert!(!format!("{update:?}").contains("whsec"));
        assert_eq!(update.to_json()["secret"], "whsec");
    }

    #[test]
    fn link_headers_are_read() {
        // rest/03 and rest/05, verbatim.
        let both = r#"<http://127.0.0.1:8080/wp-json/wc/v3/orders?modified_after=2026-11-28T14%3A29%3A36&dates_are_gmt=1&orderby=modified&order=asc&per_page=2&page=1&status%5B0%5D=any&dp=2&context=view>; rel="prev", <http://127.0.0.1:8080/wp-json/wc/v3/orders?modified_after=2026-11-28T14%3A29%3A36&dates_are_gmt=1&orderby=modified&order=asc&per_page=2&page=3&status%5B0%5D=any&dp=2&context=view>; rel="next""#;
        assert_eq!(parse_link_rels(both), ["prev", "next"]);
        let past = r#"<http://127.0.0.1:8080/wp-json/wc/v3/orders?modified_after=2026-11-28T14%3A29%3A36&dates_are_gmt=1&orderby=modified&order=asc&per_page=2&page=0&status%5B0%5D=any>; rel="prev""#;
        assert_eq!(parse_link_rels(past), ["prev"]);
        assert_eq!(
            parse_link_rels(r#"<http://127.0.0.1:8080/wp-json/>; rel="https://api.w.org/""#),
            ["https://api.w.org/"]
        );
        assert!(parse_link_rels("").is_empty());
    }

    #[test]
    fn queries_are_encoded() {
        assert_eq!(
            encode_query(&[("modified_after", "2026-11-28T14:29:36"), ("s", "a b&c")]),
            "?modified_after=2026-11-28T14:29:36&s=a%20b%26c"
        );
        assert_eq!(encode_query(&[]), "");
    }

    #[test]
    fn home_comes_from_the_links() {
        let v = serde_json::json!({"_links": {"self": [{"href": "http://127.0.0.1:8080/wp-json/wc/v3/orders/22"}]}});
        assert_eq!(
            home_from_links(&v).as_deref(),
            Some("http://127.0.0.1:8080/")
        );
        let v = serde_json::json!({"_links": {"self": [{"href": "https://ex.be/shop/?rest_route=/wc/v3/orders/1"}]}});
        assert_eq!(home_from_links(&v).as_deref(), Some("https://ex.be/shop/"));
        assert_eq!(home_from_links(&serde_json::json!({"id": 1})), None);
    }

    #[test]
    fn delivery_urls_woocommerce_refuses_are_flagged() {
        assert!(
            delivery_url_warnings("https://a-b.trycloudflare.com/webhooks/woocommerce").is_empty()
        );
        assert_eq!(delivery_url_warnings("https://x.example:8443/h").len(), 1);
        assert_eq!(delivery_url_warnings("http://192.168.1.5/h").len(), 2);
        assert_eq!(delivery_url_warnings("http://127.0.0.1:9999/hook").len(), 3);
    }

    #[test]
    fn tags_are_stripped() {
        assert_eq!(strip_tags("<strong>Error:</strong> no."), "Error: no.");
    }
}
