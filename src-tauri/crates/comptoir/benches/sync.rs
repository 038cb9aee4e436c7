//! Catch-up benchmark (`cargo bench -p comptoir --bench sync`): 1,000 orders in 10 pages of 100
//! from a local stand-in of the WooCommerce REST API, each a real captured order (rest/02, order
//! 22) under its own id and modification time, fetched, stored through the intake and turned
//! into an invoice, one durable transaction per order. Also times the fetching alone. Target
//! (issue 6): under 10 s. Figures go to BENCHMARKS.md.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../../woo/tests/support/standin.rs"]
mod standin;

use std::time::Instant;

use comptoir::config::{self, ConfigKey};
use comptoir::sync;
use comptoir_core::GmtTime;
use comptoir_woo::Secret;
use comptoir_woo::rest::{Client, Shop};
use standin::{Recorded, StandIn, serve_order_pages};

const ORDERS: u64 = 1000;
const PER_PAGE: u64 = 100;

/// Ten recorded-looking pages: rest/02's headers with the totals and links of a 10-page list.
fn pages() -> Vec<Recorded> {
    let template = Recorded::load("02").value()[0].clone();
    let start = GmtTime::parse("2026-11-28T15:00:00").unwrap();
    let pages = ORDERS / PER_PAGE;
    (0..pages)
        .map(|p| {
            let orders: Vec<serde_json::Value> = (0..PER_PAGE)
                .map(|i| {
                    let n = p * PER_PAGE + i;
                    let id = 1000 + n;
                    let mut o = template.clone();
                    o["id"] = id.into();
                    o["number"] = id.to_string().into();
                    o["order_key"] = format!("wc_order_bench{id}").into();
                    let modified =
                        GmtTime(start.0 + chrono::TimeDelta::seconds(i64::try_from(n).unwrap()));
                    o["date_modified_gmt"] = modified.to_string().into();
                    o["date_created_gmt"] = modified.to_string().into();
                    o
                })
                .collect();
            let page = p + 1;
            let link = if page < pages {
                Some(format!(
                    "<http://127.0.0.1:8080/wp-json/wc/v3/orders?page={}>; rel=\"next\"",
                    page + 1
                ))
            } else {
                None
            };
            Recorded::load("02")
                .with_body(serde_json::to_vec(&orders).unwrap())
                .with_header("X-WP-Total", Some(&ORDERS.to_string()))
                .with_header("X-WP-TotalPages", Some(&pages.to_string()))
                .with_header("Link", link.as_deref())
        })
        .collect()
}

fn main() {
    let shop = StandIn::start(serve_order_pages(pages()));
    let client = Client::new(Shop::new(&shop.url(), "ck_bench", Secret::new("cs_bench")).unwrap());
    let since = GmtTime::parse("2026-11-28T14:00:00").unwrap();

    let t = Instant::now();
    let fetched = client.orders_modified_after(since).unwrap();
    let fetch_only = t.elapsed();
    assert_eq!(fetched.len() as u64, ORDERS);
    shop.take_requests();

    // Under target/ so the benchmark measures the project's disk, not a RAM-backed /tmp.
    let base = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../target/bench-data");
    std::fs::create_dir_all(&base).unwrap();
    let dir = tempfile::tempdir_in(base).unwrap();
    let data = comptoir::DataDir::at(dir.path().join("data")).unwrap();
    let mut conn = comptoir_store::open(&data.database()).unwrap();
    config::set(
        &conn,
        &ConfigKey::parse("documents.kind").unwrap(),
        "invoice",
    )
    .unwrap();
    config::set(
        &conn,
        &ConfigKey::parse("documents.trigger").unwrap(),
        "created",
    )
    .unwrap();

    let t = Instant::now();
    let report = sync::catch_up_since(&mut conn, &client, since).unwrap();
    let total = t.elapsed();

    assert_eq!(report.orders_seen as u64, ORDERS);
    assert_eq!(report.orders_changed as u64, ORDERS);
    assert_eq!(report.documents_made as u64, ORDERS);
    assert_eq!(shop.requests().len() as u64, ORDERS / PER_PAGE);
    let stored: i64 = conn
        .query_row("SELECT count(*) FROM documents", [], |r| r.get(0))
        .unwrap();
    assert_eq!(stored as u64, ORDERS);

    println!(
        "catch-up of {ORDERS} orders ({} pages of {PER_PAGE}) with their invoices: {:.2} s ({:.0} orders/s); fetching and reading alone: {:.2} s; target < 10 s",
        ORDERS / PER_PAGE,
        total.as_secs_f64(),
        ORDERS as f64 / total.as_secs_f64(),
        fetch_only.as_secs_f64(),
    );

    // A second catch-up over the same list: everything is known, nothing is written.
    let t = Instant::now();
    let again = sync::catch_up_since(&mut conn, &client, since).unwrap();
    assert_eq!(again.orders_changed, 0);
    println!(
        "the same catch-up again (all {ORDERS} known): {:.2} s",
        t.elapsed().as_secs_f64()
    );
}
