//! A stand-in WooCommerce REST API on 127.0.0.1 (tiny_http, port 0) that answers with the
//! responses recorded from a real WooCommerce 11 (`captures/rest/`): the status, headers and
//! body bytes as recorded. It keeps every request it got, for the tests to check what Comptoir
//! sends. Shared by the woo tests and comptoir's sync test and benchmark (`#[path]`).
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::io::Cursor;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

use serde_json::Value;
use tiny_http::{Header, Response, Server, StatusCode};

pub const API: &str = "/wp-json/wc/v3";

/// A recorded (or made-up) response.
#[derive(Debug, Clone)]
pub struct Recorded {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Recorded {
    /// `captures/rest/NN-*.response-headers.txt` and `.body`, by prefix (`"02"`).
    pub fn load(prefix: &str) -> Recorded {
        let dir = comptoir_testkit::captures_dir().join("rest");
        let mut names: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with(&format!("{prefix}-")))
            .collect();
        names.sort();
        let stem = names
            .iter()
            .find_map(|n| n.strip_suffix(".response-headers.txt"))
            .unwrap_or_else(|| panic!("no recorded response {prefix} in {}", dir.display()))
            .to_owned();
        let head =
            std::fs::read_to_string(dir.join(format!("{stem}.response-headers.txt"))).unwrap();
        let mut lines = head.split("\r\n");
        let status_line = lines.next().unwrap();
        let status = status_line.split(' ').nth(1).unwrap().parse().unwrap();
        let headers = lines
            .take_while(|l| !l.is_empty())
            .map(|l| {
                let (k, v) = l.split_once(':').unwrap();
                (k.trim().to_owned(), v.trim().to_owned())
            })
            .collect();
        let body = std::fs::read(dir.join(format!("{stem}.body"))).unwrap();
        Recorded {
            status,
            headers,
            body,
        }
    }

    pub fn json(status: u16, value: &Value) -> Recorded {
        Recorded {
            status,
            headers: vec![(
                "Content-Type".to_owned(),
                "application/json; charset=UTF-8".to_owned(),
            )],
            body: serde_json::to_vec(value).unwrap(),
        }
    }

    pub fn with_body(mut self, body: Vec<u8>) -> Recorded {
        self.body = body;
        self
    }

    /// Replaces (or, with `None`, removes) a header.
    pub fn with_header(mut self, name: &str, value: Option<&str>) -> Recorded {
        self.headers.retain(|(k, _)| !k.eq_ignore_ascii_case(name));
        if let Some(v) = value {
            self.headers.push((name.to_owned(), v.to_owned()));
        }
        self
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn value(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap()
    }
}

/// A request the stand-in received.
#[derive(Debug, Clone)]
pub struct Seen {
    pub method: String,
    pub path: String,
    /// Decoded query parameters, in order.
    pub query: Vec<(String, String)>,
    pub raw_url: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Seen {
    pub fn param(&self, name: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn page(&self) -> u32 {
        self.param("page").map(|p| p.parse().unwrap()).unwrap_or(1)
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap()
    }
}

type Handler = dyn Fn(&Seen) -> Recorded + Send + Sync;

/// The running stand-in; stops when dropped.
pub struct StandIn {
    addr: std::net::SocketAddr,
    seen: Arc<Mutex<Vec<Seen>>>,
    server: Arc<Server>,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl StandIn {
    pub fn start(handler: impl Fn(&Seen) -> Recorded + Send + Sync + 'static) -> StandIn {
        let server = Arc::new(Server::http("127.0.0.1:0").unwrap());
        let addr = server.server_addr().to_ip().unwrap();
        let seen = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let handler: Arc<Handler> = Arc::new(handler);
        let thread = {
            let (server, seen, stop) = (Arc::clone(&server), Arc::clone(&seen), Arc::clone(&stop));
            std::thread::spawn(move || {
                while !stop.load(Ordering::Acquire) {
                    let Ok(Some(mut request)) = server.recv_timeout(Duration::from_millis(100))
                    else {
                        continue;
                    };
                    let mut body = Vec::new();
                    request.as_reader().read_to_end(&mut body).unwrap();
                    let raw_url = request.url().to_owned();
                    let (path, query) = raw_url.split_once('?').unwrap_or((&raw_url, ""));
                    let s = Seen {
                        method: request.method().as_str().to_owned(),
                        path: path.to_owned(),
                        query: parse_query(query),
                        raw_url: raw_url.clone(),
                        headers: request
                            .headers()
                            .iter()
                            .map(|h| {
                                (
                                    h.field.as_str().as_str().to_owned(),
                                    h.value.as_str().to_owned(),
                                )
                            })
                            .collect(),
                        body,
                    };
                    let answer = handler(&s);
                    seen.lock().unwrap().push(s);
                    let len = answer.body.len();
                    let mut response = Response::new(
                        StatusCode(answer.status),
                        Vec::new(),
                        Cursor::new(answer.body),
                        Some(len),
                        None,
                    );
                    for (k, v) in &answer.headers {
                        if let Ok(h) = Header::from_bytes(k.as_bytes(), v.as_bytes()) {
                            response.add_header(h);
                        }
                    }
                    let _ = request.respond(response);
                }
            })
        };
        StandIn {
            addr,
            seen,
            server,
            stop,
            thread: Some(thread),
        }
    }

    /// `http://127.0.0.1:PORT`, the shop address to give Comptoir.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub fn requests(&self) -> Vec<Seen> {
        self.seen.lock().unwrap().clone()
    }

    pub fn take_requests(&self) -> Vec<Seen> {
        std::mem::take(&mut *self.seen.lock().unwrap())
    }
}

impl Drop for StandIn {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Release);
        self.server.unblock();
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

fn parse_query(q: &str) -> Vec<(String, String)> {
    q.split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (decode(k), decode(v))
        })
        .collect()
}

fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap();
                out.push(u8::from_str_radix(hex, 16).unwrap());
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).unwrap()
}

/// The recorded catch-up: rest/02, 03, 04 for pages 1–3 and rest/05 (`[]`, past the end) for
/// any page after.
pub fn recorded_order_pages() -> Vec<Recorded> {
    ["02", "03", "04", "05"]
        .iter()
        .map(|p| Recorded::load(p))
        .collect()
}

/// Serves `pages[page - 1]` (the last one past the end) for `GET …/orders`, 404 otherwise.
pub fn serve_order_pages(pages: Vec<Recorded>) -> impl Fn(&Seen) -> Recorded + Send + Sync {
    move |s: &Seen| {
        if s.method == "GET" && s.path == format!("{API}/orders") {
            let i = (s.page() as usize).clamp(1, pages.len()) - 1;
            pages[i].clone()
        } else {
            not_found()
        }
    }
}

pub fn not_found() -> Recorded {
    Recorded::json(
        404,
        &serde_json::json!({"code": "rest_no_route", "message": "No route was found matching the URL and request method.", "data": {"status": 404}}),
    )
}

/// The orders of the recorded catch-up pages (22–26), each as its own JSON value.
pub fn recorded_orders() -> Vec<Value> {
    ["02", "03", "04"]
        .iter()
        .flat_map(|p| Recorded::load(p).value().as_array().unwrap().clone())
        .collect()
}

/// Webhooks kept by the stand-in: listed with rest/01's headers, changed by PUT/POST like
/// WooCommerce does (POST answers 201 with a Location).
pub struct Webhooks {
    list: Mutex<Vec<Value>>,
    /// Like WooCommerce's table, an id is never given twice (not even after a deletion).
    last_id: Mutex<u64>,
}

impl Webhooks {
    pub fn new(list: Vec<Value>) -> Arc<Webhooks> {
        let last = list
            .iter()
            .filter_map(|w| w["id"].as_u64())
            .max()
            .unwrap_or(0);
        Arc::new(Webhooks {
            list: Mutex::new(list),
            last_id: Mutex::new(last),
        })
    }

    /// rest/01: webhooks 1 (order.created) and 2 (order.updated).
    pub fn recorded() -> Vec<Value> {
        Recorded::load("01").value().as_array().unwrap().clone()
    }

    pub fn list(&self) -> Vec<Value> {
        self.list.lock().unwrap().clone()
    }

    pub fn handle(&self, s: &Seen) -> Recorded {
        let base = format!("{API}/webhooks");
        let mut list = self.list.lock().unwrap();
        if s.path == base && s.method == "GET" {
            let body = serde_json::to_vec(&*list).unwrap();
            let n = list.len().to_string();
            return Recorded::load("01")
                .with_body(body)
                .with_header("X-WP-Total", Some(&n))
                .with_header(
                    "X-WP-TotalPages",
                    Some(if list.is_empty() { "0" } else { "1" }),
                );
        }
        if s.path == base && s.method == "POST" {
            let input = s.json();
            let id = {
                let mut last = self.last_id.lock().unwrap();
                *last += 1;
                *last
            };
            let topic = input["topic"].as_str().unwrap().to_owned();
            let (resource, event) = topic.split_once('.').unwrap();
            let hook = serde_json::json!({
                "id": id,
                "name": input["name"],
                "status": "active",
                "topic": topic,
                "resource": resource,
                "event": event,
                "hooks": [],
                "delivery_url": input["delivery_url"],
                "date_created": "2026-11-28T15:40:00",
                "date_created_gmt": "2026-11-28T14:40:00",
                "date_modified": "2026-11-28T15:40:00",
                "date_modified_gmt": "2026-11-28T14:40:00",
            });
            list.push(hook.clone());
            return Recorded::json(201, &hook).with_header(
                "Location",
                Some(&format!("http://127.0.0.1:8080{base}/{id}")),
            );
        }
        if let Some(id) = s.path.strip_prefix(&format!("{base}/"))
            && matches!(s.method.as_str(), "PUT" | "POST" | "PATCH")
        {
            let id: u64 = id.parse().unwrap();
            let input = s.json();
            let Some(hook) = list.iter_mut().find(|w| w["id"] == id) else {
                return Recorded::json(
                    404,
                    &serde_json::json!({"code": "woocommerce_rest_webhook_invalid_id", "message": "Invalid ID.", "data": {"status": 404}}),
                );
            };
            for key in ["name", "status", "topic", "delivery_url"] {
                if let Some(v) = input.get(key) {
                    hook[key] = v.clone();
                }
            }
            return Recorded::json(200, hook);
        }
        not_found()
    }
}

impl Webhooks {
    /// Changes a field of webhook `id` as someone (or WooCommerce) would in the shop.
    pub fn set(&self, id: u64, key: &str, value: Value) {
        let mut list = self.list.lock().unwrap();
        let hook = list.iter_mut().find(|w| w["id"] == id).unwrap();
        hook[key] = value;
    }

    /// Deletes webhook `id`, as the owner would in WooCommerce.
    pub fn remove(&self, id: u64) {
        self.list.lock().unwrap().retain(|w| w["id"] != id);
    }
}
