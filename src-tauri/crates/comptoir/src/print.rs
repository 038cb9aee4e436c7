//! Printing through the system's print service: CUPS (`lp`, `lpstat`) on Linux and macOS, the
//! PDF handler's "PrintTo" verb on Windows. Many documents go in one job (one combined PDF), so
//! a morning's delivery notes come out together.

use std::path::PathBuf;
use std::process::Command;

use crate::error::{Error, Result};

/// The printers the system knows, the default one first.
#[cfg(not(windows))]
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

#[cfg(not(windows))]
fn default_printer() -> Option<String> {
    let out = Command::new("lpstat").arg("-d").output().ok()?;
    let text = String::from_utf8_lossy(&out.stdout);
    text.split(':')
        .nth(1)
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
}

/// Sends the files to `printer` as one job; returns the job id CUPS gave.
#[cfg(not(windows))]
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

/// A text as a PowerShell single-quoted string (a quote is written twice).
#[cfg(windows)]
fn ps_quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

#[cfg(windows)]
fn powershell(script: &str) -> Result<String> {
    let out = Command::new("powershell")
        .args(["-NoProfile", "-NonInteractive", "-Command", script])
        .output()
        .map_err(|e| Error::Document(format!("Windows PowerShell could not run ({e}).")))?;
    if !out.status.success() {
        return Err(Error::Document(format!(
            "Windows refused: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        )));
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// The printers Windows knows, the default one first.
#[cfg(windows)]
pub fn printers() -> Result<Vec<String>> {
    let text = powershell(
        "Get-CimInstance Win32_Printer | Sort-Object -Property Default -Descending | ForEach-Object { $_.Name }",
    )?;
    Ok(text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect())
}

/// Prints with the system's print verb for PDFs ("PrintTo" names the printer); Windows gives
/// no job id, so the printer's name is returned.
#[cfg(windows)]
pub fn print_files(files: &[PathBuf], printer: &str, _title: &str) -> Result<String> {
    if files.is_empty() {
        return Err(Error::Document("There is nothing to print.".into()));
    }
    for file in files {
        powershell(&format!(
            "Start-Process -FilePath {} -Verb PrintTo -ArgumentList {} -Wait",
            ps_quote(&file.display().to_string()),
            ps_quote(&format!("\"{printer}\""))
        ))
        .map_err(|e| {
            Error::Document(format!(
                "The printer {printer} could not print: {e}. Is a PDF reader installed?"
            ))
        })?;
    }
    Ok(printer.to_owned())
}
