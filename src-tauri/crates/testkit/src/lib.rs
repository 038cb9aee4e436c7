//! Test support shared by the integration and end-to-end tests: loads the real deliveries
//! captured from WooCommerce 11 (`../shared/woocommerce/captures`, exact bytes and headers) and
//! posts them, or variations of them, to a listener over real HTTP; also a real SMTP server
//! (`smtp`) and a stand-in `cloudflared` (`cloudflared`).
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[cfg(unix)]
pub mod cloudflared;
pub mod serve;
pub mod smtp;

use std::io::Read;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use comptoir_woo::{Secret, sign};

/// The secret every capture is signed with.
pub const CAPTURE_SECRET: &str = "test-secret-123";

/// `../shared` beside the checkout (CI lays it there), or `COMPTOIR_SHARED_DIR`.
pub fn shared_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("COMPTOIR_SHARED_DIR") {
        return PathBuf::from(dir);
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../..");
    let dir = root.join("shared");
    assert!(
        dir.join("woocommerce/captures").is_dir(),
        "the WooCommerce captures are missing: expected {}/woocommerce/captures (the shared folder beside the checkout), or set COMPTOIR_SHARED_DIR",
        dir.display()
    );
    dir
}

pub fn captures_dir() -> PathBuf {
    shared_dir().join("woocommerce/captures")
}

/// One captured request: its headers in the order received and its exact body.
#[derive(Debug, Clone)]
pub struct Capture {
    pub scenario: String,
    pub name: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Capture {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn topic(&self) -> Option<&str> {
        self.header("X-WC-Webhook-Topic")
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).unwrap()
    }

    /// Headers to send again (the transport ones are the client's business).
    pub fn replay_headers(&self) -> Vec<(String, String)> {
        self.headers
            .iter()
            .filter(|(k, _)| {
                !["host", "content-length", "connection", "accept-encoding"]
                    .contains(&k.to_ascii_lowercase().as_str())
            })
            .cloned()
            .collect()
    }

    /// The same delivery with another body, signed again with the capture secret — for
    /// variations (another order id, a damaged body) that keep WooCommerce's real headers.
    pub fn with_body(&self, body: Vec<u8>) -> Capture {
        let mut c = self.clone();
        let signature = sign(&Secret::new(CAPTURE_SECRET), &body);
        for (k, v) in &mut c.headers {
            if k.eq_ignore_ascii_case("X-WC-Webhook-Signature") {
                *v = signature.clone();
            }
        }
        c.body = body;
        c
    }

    /// The same order under another id (for load tests).
    pub fn with_order_id(&self, id: u64) -> Capture {
        let mut v = self.json();
        v["id"] = id.into();
        v["number"] = id.to_string().into();
        self.with_body(serde_json::to_vec(&v).unwrap())
    }

    /// The delivery as the listener reads it (for tests that call the intake directly).
    pub fn delivery(&self) -> comptoir_woo::Delivery {
        let meta = comptoir_woo::DeliveryMeta::new(
            self.header("X-WC-Webhook-Source"),
            self.topic(),
            self.header("X-WC-Webhook-ID"),
            self.header("X-WC-Webhook-Delivery-ID"),
            &self.body,
        );
        comptoir_woo::delivery::read(meta, self.body.clone())
            .map_err(|e| e.reason)
            .unwrap()
    }

    pub fn with_header(&self, name: &str, value: Option<&str>) -> Capture {
        let mut c = self.clone();
        c.headers.retain(|(k, _)| !k.eq_ignore_ascii_case(name));
        if let Some(v) = value {
            c.headers.push((name.to_owned(), v.to_owned()));
        }
        c
    }
}

/// Every scenario folder (sorted) with its deliveries in the order they were captured.
pub fn scenarios() -> Vec<(String, Vec<Capture>)> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(captures_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.is_dir()
                && std::fs::read_dir(p)
                    .unwrap()
                    .any(|f| is_meta(&f.unwrap().path()))
        })
        .collect();
    dirs.sort();
    dirs.into_iter()
        .map(|d| {
            let name = d.file_name().unwrap().to_string_lossy().into_owned();
            (name, load_scenario(&d))
        })
        .collect()
}

fn is_meta(p: &Path) -> bool {
    p.to_string_lossy().ends_with(".meta.json")
}

pub fn load_scenario(dir: &Path) -> Vec<Capture> {
    let mut metas: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| is_meta(p))
        .collect();
    metas.sort();
    metas.iter().map(|m| load(m)).collect()
}

/// One capture by scenario prefix (`s01`) and file prefix (`003`).
pub fn capture(scenario_prefix: &str, file_prefix: &str) -> Capture {
    scenarios()
        .into_iter()
        .find(|(s, _)| s.starts_with(scenario_prefix))
        .unwrap_or_else(|| panic!("no scenario {scenario_prefix}"))
        .1
        .into_iter()
        .find(|c| c.name.starts_with(file_prefix))
        .unwrap_or_else(|| panic!("no capture {scenario_prefix}/{file_prefix}"))
}

fn load(meta_path: &Path) -> Capture {
    let meta: serde_json::Value =
        serde_json::from_slice(&std::fs::read(meta_path).unwrap()).unwrap();
    let dir = meta_path.parent().unwrap();
    let body = std::fs::read(dir.join(meta["body_file"].as_str().unwrap())).unwrap();
    let headers = meta["headers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            (
                h[0].as_str().unwrap().to_owned(),
                h[1].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    Capture {
        scenario: dir.file_name().unwrap().to_string_lossy().into_owned(),
        name: meta_path
            .file_name()
            .unwrap()
            .to_string_lossy()
            .trim_end_matches(".meta.json")
            .to_owned(),
        headers,
        body,
    }
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(std::time::Duration::from_secs(30)))
        .build()
        .new_agent()
}

/// Posts a capture to `http://addr/path`; returns the status code.
pub fn post_to(addr: SocketAddr, path: &str, capture: &Capture) -> u16 {
    let mut req = agent().post(&format!("http://{addr}{path}"));
    for (k, v) in capture.replay_headers() {
        req = req.header(k, v);
    }
    req.send(&capture.body[..]).unwrap().status().as_u16()
}

/// Posts a capture to the webhook path.
pub fn post(addr: SocketAddr, capture: &Capture) -> u16 {
    post_to(addr, comptoir_woo::WEBHOOK_PATH, capture)
}

/// A plain GET, for paths and methods the listener must refuse.
pub fn get(addr: SocketAddr, path: &str) -> u16 {
    agent()
        .get(&format!("http://{addr}{path}"))
        .call()
        .unwrap()
        .status()
        .as_u16()
}

/// The exact bytes of `capture` posted to the webhook path, as a minimal HTTP/1.1 client writes
/// them (for tests and benchmarks that manage their own connections). `close` asks the listener
/// to close the connection after its answer, as WooCommerce does; without it the connection
/// stays open, as a tunnel agent's pool keeps it.
pub fn raw_request(addr: SocketAddr, capture: &Capture, close: bool) -> Vec<u8> {
    let mut head = format!(
        "POST {} HTTP/1.1\r\nHost: {addr}\r\n{}Content-Length: {}\r\n",
        comptoir_woo::WEBHOOK_PATH,
        if close { "Connection: close\r\n" } else { "" },
        capture.body.len()
    );
    for (k, v) in capture.replay_headers() {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    let mut bytes = head.into_bytes();
    bytes.extend_from_slice(&capture.body);
    bytes
}

/// The status code of an HTTP answer's first line (0 if there is none).
pub fn status_of(answer: &[u8]) -> u16 {
    let line = String::from_utf8_lossy(&answer[..answer.len().min(16)]).into_owned();
    line.split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0)
}

/// A raw connection to `addr` whose reads give up after 5 s (WooCommerce's own timeout for a
/// ping), so that an answer that never comes fails the test instead of hanging it.
pub fn connect_raw(addr: SocketAddr) -> std::io::Result<std::net::TcpStream> {
    let stream = std::net::TcpStream::connect(addr)?;
    stream.set_read_timeout(Some(std::time::Duration::from_secs(5)))?;
    Ok(stream)
}

/// Waits (up to the stream's read timeout) for the other side to close a connection on which
/// nothing more is expected: `Ok` on the end of the stream or a reset, otherwise what was read
/// instead (bytes, or the timeout).
pub fn wait_closed(stream: &mut impl Read) -> Result<(), String> {
    let mut rest = [0u8; 64];
    match stream.read(&mut rest) {
        Ok(0) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::ConnectionReset => Ok(()),
        Ok(n) => Err(format!("{n} more bytes came")),
        Err(e) => Err(e.to_string()),
    }
}

/// Reads one whole answer (its head and its Content-Length body) from a connection that stays
/// open, and returns its status code. An answer cut short is an `UnexpectedEof` error.
pub fn read_answer(stream: &mut impl Read) -> std::io::Result<u16> {
    let mut answer = Vec::with_capacity(256);
    let mut chunk = [0u8; 512];
    loop {
        let n = stream.read(&mut chunk)?;
        if n == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        answer.extend_from_slice(&chunk[..n]);
        let Some(end) = answer.windows(4).position(|w| w == b"\r\n\r\n") else {
            continue;
        };
        let head = String::from_utf8_lossy(&answer[..end]).to_ascii_lowercase();
        let length: usize = head
            .lines()
            .find_map(|l| l.strip_prefix("content-length:"))
            .and_then(|v| v.trim().parse().ok())
            .unwrap_or(0);
        if answer.len() >= end + 4 + length {
            return Ok(status_of(&answer));
        }
    }
}
