//! Printing through the system's print service: CUPS (`lp`, `lpstat`) on Linux and macOS. Many
//! documents go in one job, so a morning's delivery notes come out together.

use std::path::PathBuf;
use std::process::Command;

use crate::error::{Error, Result};

/// The printers the system knows, the default one first.
pub fn printers() -> Result<Vec<String>> {
    let out = Command::new("lpstat").arg("-e").output().map_err(|e| {
        Error::Document(format!(
            "The printing system (CUPS) is not available ({e}). Install CUPS and add a printer, then try again."
        ))
    })?;
    if !out.status.success() {
        return Err(Error::Document(format!(
            "The printing system (CUPS) does not answer: {}. Start the printing service, then try again.",
            String::from_utf8_lossy(&out.stderr).trim()
        )));
    }
    let mut names: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect();
    if let Some(default) = default_printer()
        && let Some(i) = names.iter().position(|n| *n == default)
    {
        let d = names.remove(i);
        names.insert(0, d);
    }
    Ok(names)
}

fn default_printer() -> Option<String> {
    let out = Command::new("lpstat").arg("-d").output().ok()?;
    let text = String::from_utf8_lossy(&out.stdout);
    text.split(':')
        .nth(1)
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
}

/// Sends the files to `printer` as one job; returns the job id CUPS gave.
pub fn print_files(files: &[PathBuf], printer: &str, title: &str) -> Result<String> {
    if files.is_empty() {
        return Err(Error::Document("There is nothing to print.".into()));
    }
    let out = Command::new("lp")
        .args(["-d", printer, "-t", title])
        .args(files)
        .output()
        .map_err(|e| {
            Error::Document(format!(
                "The print command could not run ({e}). Is CUPS installed?"
            ))
        })?;
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    if !out.status.success() {
        return Err(Error::Document(format!(
            "The printer {printer} refused the job: {}. Check the printer in the system settings.",
            String::from_utf8_lossy(&out.stderr).trim()
        )));
    }
    // "request id is PDF-12 (2 file(s))"
    Ok(text
        .split_whitespace()
        .nth(3)
        .unwrap_or(text.trim())
        .to_owned())
}
