//! Printing for real through the app's print path: delivery notes made from the real captured
//! deliveries are printed with `documents::print` (CUPS `lp`, one job) to the cups-pdf virtual
//! printer that `.ci/cups` sets up, and the PDF cups-pdf writes is read back with `pdftotext`.
//!
//! The printing tests run when `COMPTOIR_E2E=1` (the README test command sets it, with
//! `COMPTOIR_TEST_PRINTER`, the queue, and `COMPTOIR_TEST_PRINT_DIR`, the folder cups-pdf writes
//! this user's jobs to); then a missing printer fails the test. Without it they say they are
//! skipped and pass. The one PDF that a print job sends is checked in every run.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use comptoir::config::{self, ConfigKey};
use comptoir::{documents, intake};
use comptoir_store::documents::DocumentRow;
use comptoir_store::{Connection, with_tx};
use comptoir_testkit::{Capture, capture};

const SKIP_LINE: &str = "skipped: run through the README test command (it sets up CUPS)";
/// How long a job may take to become a PDF (cups-pdf runs Ghostscript; about a second here).
const JOB_TIMEOUT: Duration = Duration::from_secs(60);

/// The cups-pdf queue and the folder its PDFs land in.
struct Printer {
    name: String,
    dir: PathBuf,
}

/// The printer to print to, or `None` (and the skip line) when the test is not turned on.
fn printer() -> Option<Printer> {
    if std::env::var_os("COMPTOIR_E2E").is_none_or(|v| v != "1") {
        println!("{SKIP_LINE}");
        return None;
    }
    let name = var("COMPTOIR_TEST_PRINTER", "the cups-pdf queue to print to");
    let dir = PathBuf::from(var(
        "COMPTOIR_TEST_PRINT_DIR",
        "the folder cups-pdf writes the PDFs to",
    ));
    let state = Command::new("lpstat").args(["-p", &name]).output();
    match state {
        Ok(out) if out.status.success() && !String::from_utf8_lossy(&out.stdout).is_empty() => {
            let text = String::from_utf8_lossy(&out.stdout);
            assert!(
                text.contains("enabled") && !text.contains("disabled"),
                "The printer {name} is not enabled ({}); run `sudo bash .ci/cups` again.",
                text.trim()
            );
        }
        Ok(out) => panic!(
            "The printer {name} is missing (lpstat -p {name}: {}{}): CUPS with the cups-pdf \
             printer must be set up for this test; run `sudo bash .ci/cups` (the README test \
             command does).",
            String::from_utf8_lossy(&out.stdout).trim(),
            String::from_utf8_lossy(&out.stderr).trim()
        ),
        Err(e) => panic!(
            "The printer {name} is missing: lpstat cannot run ({e}); install cups and \
             printer-driver-cups-pdf and run `sudo bash .ci/cups` (the README test command does)."
        ),
    }
    Some(Printer { name, dir })
}

/// A variable the README test command sets.
fn var(name: &str, what: &str) -> String {
    std::env::var(name)
        .ok()
        .filter(|v| !v.is_empty())
        .unwrap_or_else(|| {
            panic!(
                "COMPTOIR_E2E=1 is set but {name} ({what}) is not: run the tests through the \
                 README test command (bash .ci/dev test), which sets up CUPS and sets it."
            )
        })
}

/// A shop that makes a delivery note for every new order, in a fresh data folder (the PDFs are
/// written beside the database).
struct Shop {
    dir: tempfile::TempDir,
    conn: Connection,
}

impl Shop {
    fn new() -> Shop {
        let dir = tempfile::tempdir().unwrap();
        let conn = comptoir_store::open(&dir.path().join("comptoir.sqlite")).unwrap();
        for (k, v) in [
            ("documents.kind", "delivery_note"),
            ("documents.trigger", "created"),
        ] {
            config::set(&conn, &ConfigKey::parse(k).unwrap(), v).unwrap();
        }
        Shop { dir, conn }
    }

    fn deliver(&mut self, c: &Capture) {
        let d = c.delivery();
        with_tx(&mut self.conn, |tx| {
            intake::apply_delivery_with_rules(tx, &d)
        })
        .unwrap();
    }

    /// The one document of the order.
    fn doc_of(&self, order_id: i64) -> DocumentRow {
        let docs: Vec<DocumentRow> = documents::list(&self.conn, &Default::default())
            .unwrap()
            .into_iter()
            .filter(|d| d.order_id == order_id)
            .collect();
        assert_eq!(docs.len(), 1, "order {order_id}: {docs:?}");
        docs.into_iter().next().unwrap()
    }

    fn doc(&self, id: i64) -> DocumentRow {
        documents::list(&self.conn, &Default::default())
            .unwrap()
            .into_iter()
            .find(|d| d.id == id)
            .unwrap()
    }
}

/// The number CUPS gave the job (`ComptoirPDF-12` → 12).
fn job_number(job: &str) -> u32 {
    job.rsplit('-')
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("{job:?} is not a CUPS job id (QUEUE-NUMBER)"))
}

fn lpstat(args: &[&str]) -> String {
    let out = Command::new("lpstat").args(args).output().unwrap();
    String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr)
}

/// The files cups-pdf wrote for job `n`: it names them `job_<n>-<title>.pdf` (.ci/cups sets
/// `Label 1`).
fn job_files(dir: &Path, n: u32) -> Vec<PathBuf> {
    let prefix = format!("job_{n}-");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.starts_with(&prefix) && name.ends_with(".pdf")
        })
        .map(|e| e.path())
        .collect();
    files.sort();
    files
}

/// Waits until CUPS has finished job `job` and returns the PDF files cups-pdf made of it.
fn printed(printer: &Printer, job: &str) -> Vec<PathBuf> {
    let n = job_number(job);
    let start = Instant::now();
    let mut done_at = None;
    loop {
        // `lpstat -o` lists the jobs not yet completed; once the job left it, cups-pdf (whose
        // Ghostscript writes the file in place) has finished.
        let pending = lpstat(&["-o", &printer.name]);
        let done = !pending.split_whitespace().any(|w| w == job);
        let files = job_files(&printer.dir, n);
        if done && !files.is_empty() {
            return files;
        }
        if done && done_at.is_none() {
            done_at = Some(Instant::now());
        }
        // A job that ended without a file failed (cups-pdf logs why); no need to wait longer.
        let gave_up = done_at.is_some_and(|t| t.elapsed() > Duration::from_secs(3));
        if gave_up || start.elapsed() > JOB_TIMEOUT {
            let log =
                std::fs::read_to_string(format!("/var/log/cups/cups-pdf-{}_log", printer.name))
                    .unwrap_or_default();
            let tail: Vec<&str> = log.lines().rev().take(15).collect();
            panic!(
                "Job {job} gave no PDF in {} after {} s (the job {}). Printer: {}\nJobs not \
                 completed: {pending}\ncups-pdf log (last lines, newest first):\n{}",
                printer.dir.display(),
                start.elapsed().as_secs(),
                if done { "ended" } else { "is still pending" },
                lpstat(&["-p", &printer.name]).trim(),
                tail.join("\n")
            );
        }
        std::thread::sleep(Duration::from_millis(200));
    }
}

/// The text of a PDF as `pdftotext -layout` reads it.
fn text_of(pdf: &Path) -> String {
    let out = Command::new("pdftotext")
        .arg("-layout")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (Debian poppler-utils) must be installed");
    assert!(
        out.status.success(),
        "pdftotext {}: {}",
        pdf.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn pages(text: &str) -> usize {
    // pdftotext ends every page with a form feed.
    text.matches('\u{c}').count()
}

#[test]
fn the_printers_list_has_the_test_printer() {
    let Some(printer) = printer() else { return };
    let names = comptoir::print::printers().unwrap();
    assert!(
        names.contains(&printer.name),
        "printers() = {names:?}, without {}",
        printer.name
    );
}

#[test]
fn a_delivery_note_prints_through_cups_and_becomes_final() {
    let Some(printer) = printer() else { return };
    let mut shop = Shop::new();
    shop.deliver(&capture("s01", "001"));
    let note = shop.doc_of(22);
    assert_eq!(note.kind, "delivery_note");
    assert_eq!(note.state, "concept", "{note:?}");

    let mut progress = Vec::new();
    let job = documents::print(&mut shop.conn, &[note.id], &printer.name, |done, of| {
        progress.push((done, of))
    })
    .unwrap();
    assert_eq!(progress, [(1, 1)]);

    // Printing finalised the concept: it has its number now.
    let note = shop.doc(note.id);
    assert_eq!(note.state, "final", "{note:?}");
    let number = note
        .number
        .clone()
        .expect("a final delivery note has a number");

    let files = printed(&printer, &job);
    assert_eq!(files.len(), 1, "job {job}: {files:?}");
    let text = text_of(&files[0]);
    for expected in [
        "Bon de livraison",
        number.as_str(),
        "Moulin à café manuel",
        "Café moulu — 250 g",
    ] {
        assert!(
            text.contains(expected),
            "{expected:?} is missing from the printed PDF {}:\n{text}",
            files[0].display()
        );
    }
    // A delivery note shows no prices.
    assert!(!text.contains('€'), "prices on a delivery note:\n{text}");
    assert_eq!(pages(&text), 1, "{text}");
}

#[test]
fn two_delivery_notes_print_as_one_job() {
    let Some(printer) = printer() else { return };
    let mut shop = Shop::new();
    shop.deliver(&capture("s01", "001"));
    shop.deliver(&capture("s02", "001"));
    let ids = [shop.doc_of(22).id, shop.doc_of(23).id];

    let mut progress = Vec::new();
    let job = documents::print(&mut shop.conn, &ids, &printer.name, |done, of| {
        progress.push((done, of))
    })
    .unwrap();
    assert_eq!(progress, [(1, 2), (2, 2)]);

    let numbers: Vec<String> = ids
        .iter()
        .map(|id| {
            let d = shop.doc(*id);
            assert_eq!(d.state, "final", "{d:?}");
            d.number.unwrap()
        })
        .collect();
    assert_ne!(numbers[0], numbers[1]);

    // cups-pdf makes one file per job: both notes are in it, in the order given.
    let files = printed(&printer, &job);
    assert_eq!(files.len(), 1, "job {job}: {files:?}");
    let text = text_of(&files[0]);
    let only_first = text.contains(numbers[0].as_str()) && !text.contains(numbers[1].as_str());
    assert!(
        !only_first,
        "Job {job}'s PDF {} has only the first delivery note ({}), not the second ({}). A PDF \
         printer (cups-pdf) keeps only the first document of a job of several files: it stops \
         at the first document's end (%%EOF). The documents must go to the printer as one \
         PDF.\n{text}",
        files[0].display(),
        numbers[0],
        numbers[1]
    );
    for expected in [
        numbers[0].as_str(),
        "Moulin à café manuel",
        numbers[1].as_str(),
        "Filtres papier n°4 (x100)",
    ] {
        assert!(
            text.contains(expected),
            "{expected:?} is missing from job {job}'s PDF {} (both delivery notes must be in \
             the one job):\n{text}",
            files[0].display()
        );
    }
    let first = text.find(numbers[0].as_str()).unwrap();
    let second = text.find(numbers[1].as_str()).unwrap();
    assert!(first < second, "the notes are out of order:\n{text}");
    assert_eq!(pages(&text), 2, "{text}");
    // Each note keeps its own page numbering.
    assert_eq!(text.matches("1/1").count(), 2, "{text}");

    // The one file that was sent to the printer stays in the data folder.
    let kept = print_files(&shop);
    assert_eq!(kept.len(), 1, "{kept:?}");
    let kept_text = text_of(&kept[0]);
    assert!(
        kept_text.find(numbers[0].as_str()) < kept_text.find(numbers[1].as_str())
            && kept_text.contains(numbers[1].as_str()),
        "{kept_text}"
    );
}

/// The PDFs in `<data folder>/print`.
fn print_files(shop: &Shop) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(shop.dir.path().join("print"))
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        .collect();
    files.sort();
    files
}

/// Without a printer (this runs in every test run): what `documents::print` sends is one PDF
/// of all the documents, in the order given, each with its own pages.
#[test]
fn documents_render_for_print_as_one_pdf() {
    let mut shop = Shop::new();
    for (scenario, order_id) in [("s01", 22), ("s02", 23)] {
        shop.deliver(&capture(scenario, "001"));
        let id = shop.doc_of(order_id).id;
        documents::finalize(&mut shop.conn, id).unwrap();
    }
    // The second order first: the order given is the order printed.
    let ids = [shop.doc_of(23).id, shop.doc_of(22).id];
    let numbers: Vec<String> = ids.iter().map(|id| shop.doc(*id).number.unwrap()).collect();
    let mut progress = Vec::new();
    let pdf =
        comptoir::pdfs::render_for_print(&shop.conn, &ids, |n, of| progress.push((n, of))).unwrap();
    assert_eq!(progress, [(1, 2), (2, 2)]);
    let path = shop.dir.path().join("for-print.pdf");
    std::fs::write(&path, &pdf).unwrap();
    let text = text_of(&path);
    assert_eq!(pages(&text), 2, "{text}");
    let page: Vec<&str> = text.split('\u{c}').collect();
    assert!(page[0].contains(numbers[0].as_str()) && page[0].contains("Filtres papier n°4 (x100)"));
    assert!(page[1].contains(numbers[1].as_str()) && page[1].contains("Moulin à café manuel"));
    assert!(page[0].contains("1/1") && page[1].contains("1/1"), "{text}");
    // The embedded faces once for both.
    let fonts = Command::new("pdffonts").arg(&path).output().unwrap();
    assert_eq!(
        String::from_utf8_lossy(&fonts.stdout).lines().count(),
        2 + 2
    );

    assert!(documents::print(&mut shop.conn, &[], "nowhere", |_, _| {}).is_err());
}
