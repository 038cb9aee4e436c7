//! How long a document takes to render, and how large it is: the one-page invoice of capture
//! s04 (unpaid, with its payment QR code) and the 120-line order, median of many runs. The
//! first render, which also parses the embedded font, is shown apart.
//!
//! `cargo bench -p comptoir-pdf` (optimised build); `RENDER_RUNS=200` changes the number of runs.

#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../tests/common/mod.rs"]
mod common;

use std::time::{Duration, Instant};

use comptoir_core::{DocumentKind, Language};
use comptoir_pdf::{RenderInput, render};

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn measure(name: &str, input: &RenderInput, runs: usize) {
    let mut samples = Vec::with_capacity(runs);
    let mut size = 0;
    for _ in 0..runs {
        let start = Instant::now();
        let pdf = render(input).unwrap();
        samples.push(start.elapsed());
        size = pdf.len();
    }
    let min = samples.iter().min().copied().unwrap_or_default();
    let med = median(samples);
    println!(
        "{name:<34} median {:>8.2} ms   min {:>8.2} ms   {:>7} bytes ({:.1} KB)   {runs} runs",
        med.as_secs_f64() * 1000.0,
        min.as_secs_f64() * 1000.0,
        size,
        size as f64 / 1024.0,
    );
}

fn main() {
    let runs: usize = std::env::var("RENDER_RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(100);
    let shop = common::shop();
    let ogm = common::ogm();
    let digits = ogm.digits().to_owned();
    let s04 = common::s04();
    let long = common::long_order(120);
    let invoice = common::input(DocumentKind::Invoice, Language::Fr, &s04, &shop, &digits);
    let long_invoice = common::input(DocumentKind::Invoice, Language::Fr, &long, &shop, &digits);

    let start = Instant::now();
    let pdf = render(&invoice).unwrap();
    println!(
        "{:<34} {:>8.2} ms (parses the embedded fonts once per process), {} bytes",
        "first render",
        start.elapsed().as_secs_f64() * 1000.0,
        pdf.len()
    );
    measure("one-page invoice (s04, QR code)", &invoice, runs);
    measure(
        "120-line invoice (7 pages)",
        &long_invoice,
        (runs / 4).max(5),
    );
}
