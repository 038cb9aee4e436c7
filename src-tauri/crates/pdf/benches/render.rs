//! How long a document takes to render, and how large it is: the one-page invoice of capture
//! s04 (unpaid, with its payment QR code) and the 120-line order, median of many runs. The
//! first render, which also prepares the embedded faces (once per process), is shown apart.
//!
//! In the same run, the same two documents as HTML (written to `benches/html/` from the same
//! content, with the renderer's labels and number formats) are rendered by the engines
//! WooCommerce shops use today: dompdf (Debian `php-dompdf`), timed inside PHP with `hrtime`
//! by `benches/dompdf.php` (PHP's start-up excluded) and as a whole `php` process, and
//! wkhtmltopdf (Debian), as a whole process. An engine that is not installed gets a line that
//! says so; comptoir-pdf's figures are printed anyway.
//!
//! `cargo bench -p comptoir-pdf` (optimised build). `RENDER_RUNS=200` changes the number of
//! comptoir-pdf runs (default 100; a quarter of that for the 120-line order), `ENGINE_RUNS=9`
//! the number of dompdf and wkhtmltopdf runs (default 7).

#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../tests/common/mod.rs"]
mod common;
#[allow(dead_code)]
#[path = "../src/format.rs"]
mod format;
#[path = "support/html.rs"]
mod html;
#[allow(dead_code)]
#[path = "../src/labels.rs"]
mod labels;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use comptoir_core::{DocumentKind, Language};
use comptoir_pdf::{RenderInput, render};

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn kb(bytes: usize) -> String {
    format!("{:.1} KB", bytes as f64 / 1024.0)
}

/// One engine's figures for one document.
#[derive(Clone, Copy)]
struct Figure {
    ms: f64,
    bytes: usize,
    pages: Option<usize>,
}

fn measure(name: &str, input: &RenderInput, runs: usize, out: &Path) -> Figure {
    let mut samples = Vec::with_capacity(runs);
    let mut pdf = Vec::new();
    for _ in 0..runs {
        let start = Instant::now();
        pdf = render(input).unwrap();
        samples.push(start.elapsed());
    }
    std::fs::write(out, &pdf).unwrap();
    let min = samples.iter().min().copied().unwrap_or_default();
    let med = median(samples);
    println!(
        "{name:<34} median {:>8.2} ms   min {:>8.2} ms   {:>7} bytes ({})   {runs} runs",
        ms(med),
        ms(min),
        pdf.len(),
        kb(pdf.len()),
    );
    Figure {
        ms: ms(med),
        bytes: pdf.len(),
        pages: pages(out),
    }
}

/// The page count `pdfinfo` (Poppler) reads, when it is installed.
fn pages(pdf: &Path) -> Option<usize> {
    let out = Command::new("pdfinfo").arg(pdf).output().ok()?;
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
}

/// Runs `cmd` `runs` times and returns the median wall time of the whole process.
fn whole_process(runs: usize, mut cmd: impl FnMut() -> Command) -> Result<Duration, String> {
    let mut samples = Vec::with_capacity(runs);
    for _ in 0..runs {
        let mut c = cmd();
        let start = Instant::now();
        let out = c.output().map_err(|e| format!("{c:?}: {e}"))?;
        samples.push(start.elapsed());
        if !out.status.success() {
            return Err(format!(
                "{c:?} failed: {}",
                String::from_utf8_lossy(&out.stderr).trim()
            ));
        }
    }
    Ok(median(samples))
}

struct Dompdf {
    /// Inside PHP (hrtime around dompdf's work), median, and the first run.
    render: Figure,
    first_ms: f64,
    /// The whole `php` process, median.
    process_ms: f64,
}

fn dompdf_installed() -> bool {
    Command::new("php")
        .args(["-r", "require_once 'dompdf/autoload.php';"])
        .output()
        .is_ok_and(|o| o.status.success())
}

fn dompdf_version() -> String {
    std::fs::read_to_string("/usr/share/php/dompdf/VERSION")
        .map(|v| v.trim().to_owned())
        .unwrap_or_default()
}

fn dompdf(script: &Path, html: &Path, out: &Path, runs: usize) -> Result<Dompdf, String> {
    let run = |n: usize| {
        let mut c = Command::new("php");
        c.arg(script).arg(html).arg(out).arg(n.to_string());
        c
    };
    // Once first, untimed: dompdf makes its font metrics cache on its very first use.
    whole_process(1, || run(1))?;
    let output = run(runs).output().map_err(|e| e.to_string())?;
    if !output.status.success() {
        return Err(String::from_utf8_lossy(&output.stderr).trim().to_owned());
    }
    let line = String::from_utf8_lossy(&output.stdout).into_owned();
    let field = |name: &str| -> Result<f64, String> {
        line.split_whitespace()
            .find_map(|kv| kv.strip_prefix(&format!("{name}=")))
            .and_then(|v| v.parse().ok())
            .ok_or_else(|| format!("no {name} in {line:?}"))
    };
    let render = Figure {
        ms: field("median_ms")?,
        bytes: field("bytes")? as usize,
        pages: Some(field("pages")? as usize),
    };
    let first_ms = field("first_ms")?;
    let process = whole_process(runs, || run(1))?;
    Ok(Dompdf {
        render,
        first_ms,
        process_ms: ms(process),
    })
}

fn wkhtmltopdf_version() -> Option<String> {
    let out = Command::new("wkhtmltopdf").arg("--version").output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_owned())
}

/// Debian's wkhtmltopdf is built on an unpatched Qt: it has no headers and footers (so no page
/// numbers: the HTML footer, which it would print once at the end, is hidden by its style
/// sheet) and ignores `--zoom` and `--disable-smart-shrinking` (the style sheet zooms instead).
fn wkhtmltopdf(html: &Path, css: &Path, out: &Path, runs: usize) -> Result<Figure, String> {
    let cmd = || {
        let mut c = Command::new("wkhtmltopdf");
        c.args(["-q", "--encoding", "utf-8", "--page-size", "A4"])
            .args(["-T", "15mm", "-B", "21mm", "-L", "18mm", "-R", "18mm"])
            .arg("--user-style-sheet")
            .arg(css)
            .arg(html)
            .arg(out)
            .env("XDG_RUNTIME_DIR", std::env::temp_dir());
        c
    };
    whole_process(1, cmd)?;
    let t = whole_process(runs, cmd)?;
    let bytes = std::fs::metadata(out).map_err(|e| e.to_string())?.len() as usize;
    Ok(Figure {
        ms: ms(t),
        bytes,
        pages: pages(out),
    })
}

fn cell(f: Option<Figure>, width: usize) -> String {
    match f {
        Some(f) => format!("{:>width$.2}", f.ms),
        None => format!("{:>width$}", "—"),
    }
}

fn size(f: Option<Figure>) -> String {
    match f {
        Some(f) => format!(
            "{:>9} {:>3}p",
            kb(f.bytes),
            f.pages.map_or("?".into(), |p| p.to_string())
        ),
        None => format!("{:>14}", "—"),
    }
}

fn ratio(engine: Option<Figure>, comptoir: Figure) -> String {
    match engine {
        Some(e) => format!("{:>7.0}×", e.ms / comptoir.ms),
        None => format!("{:>8}", "—"),
    }
}

fn main() {
    let env_runs = |name: &str, default: usize| {
        std::env::var(name)
            .ok()
            .and_then(|r| r.parse().ok())
            .filter(|n: &usize| *n > 0)
            .unwrap_or(default)
    };
    let runs = env_runs("RENDER_RUNS", 100);
    let engine_runs = env_runs("ENGINE_RUNS", 7);
    let shop = common::shop();
    let ogm = common::ogm();
    let digits = ogm.digits().to_owned();
    let s04 = common::s04();
    let long = common::long_order(120);
    let invoice = common::input(DocumentKind::Invoice, Language::Fr, &s04, &shop, &digits);
    let long_invoice = common::input(DocumentKind::Invoice, Language::Fr, &long, &shop, &digits);

    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let html_dir = manifest.join("benches/html");
    let out_dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("comptoir-pdf-bench");
    std::fs::create_dir_all(&html_dir).unwrap();
    std::fs::create_dir_all(&out_dir).unwrap();
    let invoice_html = html_dir.join("invoice.html");
    let long_html = html_dir.join("long.html");
    let wk_css = html_dir.join("wkhtmltopdf.css");
    std::fs::write(html_dir.join("dompdf.css"), html::DOMPDF_CSS).unwrap();
    std::fs::write(&invoice_html, html::document(&invoice)).unwrap();
    std::fs::write(&long_html, html::document(&long_invoice)).unwrap();
    std::fs::write(&wk_css, html::WKHTMLTOPDF_CSS).unwrap();

    println!("comptoir-pdf");
    let start = Instant::now();
    let pdf = render(&invoice).unwrap();
    println!(
        "{:<34} {:>8.2} ms (prepares the embedded faces, once per process), {} bytes",
        "first render",
        ms(start.elapsed()),
        pdf.len()
    );
    let c1 = measure(
        "one-page invoice (s04, QR code)",
        &invoice,
        runs,
        &out_dir.join("comptoir-invoice.pdf"),
    );
    let c120 = measure(
        "120-line invoice (7 pages)",
        &long_invoice,
        (runs / 4).max(5),
        &out_dir.join("comptoir-long.pdf"),
    );

    let script = manifest.join("benches/dompdf.php");
    let dompdf_line = if dompdf_installed() {
        println!();
        println!(
            "dompdf {} (php benches/dompdf.php, {engine_runs} runs each)",
            dompdf_version()
        );
        let one = dompdf(
            &script,
            &invoice_html,
            &out_dir.join("dompdf-invoice.pdf"),
            engine_runs,
        );
        let many = dompdf(
            &script,
            &long_html,
            &out_dir.join("dompdf-long.pdf"),
            engine_runs,
        );
        for (name, r) in [("one-page invoice", &one), ("120-line invoice", &many)] {
            match r {
                Ok(d) => println!(
                    "{name:<34} render median {:>8.2} ms (first {:.2} ms)   whole php process median {:>8.2} ms   {} bytes",
                    d.render.ms, d.first_ms, d.process_ms, d.render.bytes
                ),
                Err(e) => println!("{name:<34} failed: {e}"),
            }
        }
        Some((one.ok(), many.ok()))
    } else {
        None
    };
    let wk_version = wkhtmltopdf_version();
    let wk_line = wk_version.as_ref().map(|v| {
        println!();
        println!("{v} (whole process, {engine_runs} runs each)");
        let one = wkhtmltopdf(
            &invoice_html,
            &wk_css,
            &out_dir.join("wkhtmltopdf-invoice.pdf"),
            engine_runs,
        );
        let many = wkhtmltopdf(
            &long_html,
            &wk_css,
            &out_dir.join("wkhtmltopdf-long.pdf"),
            engine_runs,
        );
        for (name, r) in [("one-page invoice", &one), ("120-line invoice", &many)] {
            match r {
                Ok(f) => println!("{name:<34} median {:>8.2} ms   {} bytes", f.ms, f.bytes),
                Err(e) => println!("{name:<34} failed: {e}"),
            }
        }
        (one.ok(), many.ok())
    });

    println!();
    println!(
        "{:<38} {:>11} {:>11} {:>14} {:>14} {:>8} {:>8}",
        "engine (median)",
        "one-page ms",
        "120-line ms",
        "one-page size",
        "120-line size",
        "÷ 1-page",
        "÷ 120"
    );
    let row = |name: &str, one: Option<Figure>, many: Option<Figure>| {
        println!(
            "{name:<38} {} {} {} {} {} {}",
            cell(one, 11),
            cell(many, 11),
            size(one),
            size(many),
            ratio(one, c1),
            ratio(many, c120)
        );
    };
    row("comptoir-pdf (in process)", Some(c1), Some(c120));
    let missing = |name: &str, package: &str| {
        println!("{name:<38} not installed (apt-get install {package})");
    };
    match &dompdf_line {
        Some((one, many)) => {
            let d = |f: &Option<Dompdf>| f.as_ref().map(|d| d.render);
            let p = |f: &Option<Dompdf>| {
                f.as_ref().map(|d| Figure {
                    ms: d.process_ms,
                    ..d.render
                })
            };
            row("dompdf (render, inside PHP)", d(one), d(many));
            row("dompdf (whole php process)", p(one), p(many));
        }
        None => missing("dompdf", "php-cli php-dompdf"),
    }
    match wk_line {
        Some((one, many)) => row("wkhtmltopdf (whole process)", one, many),
        None => missing("wkhtmltopdf", "wkhtmltopdf"),
    }
    println!(
        "(÷: the engine's time divided by comptoir-pdf's; sizes with page counts; PDFs in {})",
        out_dir.display()
    );
}
