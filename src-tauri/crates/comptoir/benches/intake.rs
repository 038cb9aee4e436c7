//! Intake benchmark (`cargo bench -p comptoir --bench intake`): signed ~2 KB deliveries from 16
//! concurrent clients to the real listener, each answered only after its durable commit, beside
//! a plain loop of the same SQLite inserts with the same pragmas (one transaction each: the
//! physical limit of one fsync per delivery on this disk). Prints deliveries per second and
//! answer latencies; figures go to BENCHMARKS.md. 16,000 deliveries by default, so that the
//! storm keeps going past the writer's WAL bound (4,096) and its checkpoints are measured too.
//! The deliveries are sent twice, to fresh databases: over a new connection each (as WooCommerce
//! sends them; the targets are judged on this run), then over one kept-alive connection per
//! client (a tunnel agent that pools its connections to the origin, as cloudflared does).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::{Read, Write};
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use comptoir::config::{self, ConfigKey};
use comptoir::{DataDir, Engine, intake};
use comptoir_testkit::{CAPTURE_SECRET, Capture, capture, raw_request, read_answer, status_of};

const CLIENTS: usize = 16;

fn deliveries() -> usize {
    std::env::var("BENCH_DELIVERIES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(16_000)
}

/// A real capture trimmed to about 2 KB (links and images dropped), under a given order id.
fn two_kb_delivery(template: &Capture, id: u64) -> Capture {
    let mut v = template.json();
    v["id"] = id.into();
    v["number"] = id.to_string().into();
    if let Some(o) = v.as_object_mut() {
        o.remove("_links");
        o.remove("payment_url");
    }
    for item in v["line_items"].as_array_mut().unwrap() {
        if let Some(o) = item.as_object_mut() {
            o.remove("image");
        }
    }
    template.with_body(serde_json::to_vec(&v).unwrap())
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn fresh_data() -> (tempfile::TempDir, DataDir) {
    // Under target/ so the benchmark measures the project's disk, not a RAM-backed /tmp.
    let base = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../target/bench-data");
    std::fs::create_dir_all(&base).unwrap();
    let dir = tempfile::tempdir_in(base).unwrap();
    let data = DataDir::at(dir.path().join("data")).unwrap();
    (dir, data)
}

/// The plain loop: the same inserts (order, delivery record, the rules' reads and writes), same
/// pragmas, one commit each.
fn plain_insert_rate(bodies: &[Capture]) -> f64 {
    let (_dir, data) = fresh_data();
    let mut conn = comptoir_store::open(&data.database()).unwrap();
    let start = Instant::now();
    for c in bodies {
        let d = c.delivery();
        comptoir_store::with_tx(&mut conn, |tx| intake::apply_delivery_with_rules(tx, &d)).unwrap();
    }
    bodies.len() as f64 / start.elapsed().as_secs_f64()
}

/// How the clients reach the listener.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Connections {
    /// A new connection per delivery, closed after the answer: WooCommerce itself, and any tunnel
    /// that opens a connection per forwarded delivery. The targets are judged on this one.
    New,
    /// Each client keeps one connection open for all its deliveries: a tunnel agent that pools
    /// its connections to the origin (cloudflared).
    KeptAlive,
}

fn connect(addr: SocketAddr) -> std::net::TcpStream {
    let stream = std::net::TcpStream::connect(addr).unwrap();
    stream.set_nodelay(true).unwrap();
    stream
}

/// Sends one request on a new connection and reads until the listener closes it; returns the
/// status code.
fn send_on_new(addr: SocketAddr, request: &[u8]) -> u16 {
    let mut stream = connect(addr);
    stream.write_all(request).unwrap();
    let mut response = Vec::new();
    stream.read_to_end(&mut response).unwrap();
    status_of(&response)
}

/// Sends one request on the client's open connection (opening it the first time) and reads its
/// answer; returns the status code.
fn send_on_kept(addr: SocketAddr, kept: &mut Option<std::net::TcpStream>, request: &[u8]) -> u16 {
    let stream = kept.get_or_insert_with(|| connect(addr));
    stream.write_all(request).unwrap();
    read_answer(stream).expect("the listener closed a kept-alive connection")
}

struct ListenerRun {
    rate: f64,
    /// Every answer time, sorted.
    latencies: Vec<Duration>,
    /// Size of the WAL file when the last answer came.
    wal_bytes: u64,
}

impl ListenerRun {
    fn p(&self, p: f64) -> Duration {
        percentile(&self.latencies, p)
    }
}

/// The run's answer times at these percentiles, then the longest.
fn print_latencies(run: &ListenerRun, percentiles: &[(&str, f64)]) {
    for &(label, p) in percentiles {
        println!(
            "{:<44} {:>8.2} ms",
            format!("answer latency {label}"),
            ms(run.p(p))
        );
    }
    println!(
        "{:<44} {:>8.2} ms",
        "answer latency max",
        ms(*run.latencies.last().unwrap())
    );
}

/// Where the answer times fall, to see whether the tail is a few slow groups or a spread.
fn print_histogram(sorted: &[Duration]) {
    const EDGES_MS: [f64; 10] = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0, 20.0, 50.0];
    let mut start = 0;
    let mut low = 0.0;
    for high in EDGES_MS.into_iter().chain([f64::INFINITY]) {
        let end = start + sorted[start..].partition_point(|d| ms(*d) < high);
        let n = end - start;
        if n > 0 {
            let label = if high.is_finite() {
                format!("{low:>4} - {high:<4} ms")
            } else {
                format!("{low:>4} ms and more")
            };
            println!(
                "  {label:<16} {n:>6} {:>6.2}% {}",
                n as f64 * 100.0 / sorted.len() as f64,
                "#".repeat((n * 60).div_ceil(sorted.len()))
            );
        }
        start = end;
        low = high;
    }
}

fn listener_run(bodies: &[Capture], connections: Connections) -> ListenerRun {
    let (_dir, data) = fresh_data();
    {
        let conn = comptoir_store::open(&data.database()).unwrap();
        config::set(&conn, &ConfigKey::webhook_secret(), CAPTURE_SECRET).unwrap();
    }
    let engine = Engine::open(data.clone(), "bench", Arc::new(|_| {})).unwrap();
    engine.start_listener("127.0.0.1:0".parse().unwrap());
    let addr: SocketAddr = engine.listening_addr().unwrap();
    // Requests are serialised before the clock starts, and sent by a minimal HTTP/1.1 client:
    // on 2 cores shared with the server, a full HTTP client library would measure itself more
    // than the listener.
    let requests: Vec<Vec<u8>> = bodies
        .iter()
        .map(|c| raw_request(addr, c, connections == Connections::New))
        .collect();
    let chunks: Vec<Vec<Vec<u8>>> = requests
        .chunks(bodies.len().div_ceil(CLIENTS))
        .map(<[Vec<u8>]>::to_vec)
        .collect();
    let start = Instant::now();
    let handles: Vec<_> = chunks
        .into_iter()
        .map(|chunk| {
            std::thread::spawn(move || {
                let mut latencies = Vec::with_capacity(chunk.len());
                let mut kept = None;
                for request in &chunk {
                    let t = Instant::now();
                    let status = match connections {
                        Connections::New => send_on_new(addr, request),
                        Connections::KeptAlive => send_on_kept(addr, &mut kept, request),
                    };
                    latencies.push(t.elapsed());
                    assert_eq!(status, 200);
                }
                latencies
            })
        })
        .collect();
    let mut latencies: Vec<Duration> = handles
        .into_iter()
        .flat_map(|h| h.join().unwrap())
        .collect();
    let elapsed = start.elapsed();
    let mut wal = data.database().into_os_string();
    wal.push("-wal");
    let wal_bytes = std::fs::metadata(&wal).map(|m| m.len()).unwrap_or(0);
    engine.shutdown();
    latencies.sort();
    ListenerRun {
        rate: bodies.len() as f64 / elapsed.as_secs_f64(),
        latencies,
        wal_bytes,
    }
}

fn main() {
    let n = deliveries();
    let template = capture("s03", "001");
    let bodies: Vec<Capture> = (0..n as u64)
        .map(|i| two_kb_delivery(&template, 100_000 + i))
        .collect();
    let avg = bodies.iter().map(|c| c.body.len()).sum::<usize>() / bodies.len();

    // Warm up the page cache and the allocator once, then measure.
    plain_insert_rate(&bodies[..n.min(200)]);
    let plain = plain_insert_rate(&bodies);
    let run = listener_run(&bodies, Connections::New);
    let kept = listener_run(&bodies, Connections::KeptAlive);

    println!(
        "intake benchmark: {n} signed deliveries of {avg} bytes, {CLIENTS} concurrent clients, synchronous=FULL"
    );
    println!(
        "{:<44} {:>10}",
        "plain SQLite insert loop (1 commit each)",
        format!("{plain:.0}/s")
    );
    println!(
        "{:<44} {:>10}",
        "listener, commit before 200",
        format!("{:.0}/s", run.rate)
    );
    println!(
        "{:<44} {:>9.1}%",
        "listener rate / plain insert rate",
        run.rate / plain * 100.0
    );
    print_latencies(
        &run,
        &[
            ("p50", 0.50),
            ("p90", 0.90),
            ("p99", 0.99),
            ("p99.9", 0.999),
        ],
    );
    println!(
        "{:<44} {:>8.1} MB",
        "WAL file at the end of the run",
        run.wal_bytes as f64 / 1e6
    );
    println!("answer latencies (connect to full response, at the client):");
    print_histogram(&run.latencies);
    println!(
        "the same deliveries over kept-alive connections, one per client (as cloudflared forwards):"
    );
    println!(
        "{:<44} {:>10}",
        "listener, commit before 200",
        format!("{:.0}/s", kept.rate)
    );
    print_latencies(&kept, &[("p50", 0.50), ("p99", 0.99), ("p99.9", 0.999)]);
    let ok_p99 = run.p(0.99) < Duration::from_millis(5);
    let ok_rate = run.rate >= 0.8 * plain;
    println!(
        "targets, on new connections (the slower case): p99 < 5 ms {}; rate >= 80 % of plain {}",
        if ok_p99 { "met" } else { "NOT met" },
        if ok_rate { "met" } else { "NOT met" }
    );
}
