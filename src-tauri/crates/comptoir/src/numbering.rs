//! Document numbers: each kind has its own series (invoices and credit notes never share a
//! counter with order forms or delivery notes), a pattern, and an optional yearly restart.
//! Numbers are taken inside the caller's immediate transaction: gapless and never shared.

use chrono::Datelike;
use comptoir_core::document::DocumentKind;
use comptoir_core::message::{Message, code};
use comptoir_store::Connection;
use comptoir_store::counters::{highest_given, peek_number, set_next_number, take_number};

use crate::config::{format_number, get_known};
use crate::error::{Error, Result};

fn this_year() -> i32 {
    chrono::Utc::now().year()
}

/// (counter year, yearly reset) for a series.
fn counter_year(conn: &Connection, series: &str, year: i32) -> Result<(i64, bool)> {
    let reset = get_known(conn, &format!("numbering.{series}.yearly_reset"))? == "true";
    Ok((if reset { i64::from(year) } else { 0 }, reset))
}

/// Gives the next number of `kind`'s series: (text, counter year, sequence).
pub fn take(conn: &Connection, kind: DocumentKind) -> Result<(String, i64, i64)> {
    let series = kind.as_str();
    let year = this_year();
    let (counter_year, _) = counter_year(conn, series, year)?;
    let seq = take_number(conn, series, counter_year)?;
    let pattern = get_known(conn, &format!("numbering.{series}.pattern"))?;
    Ok((format_number(&pattern, year, seq), counter_year, seq))
}

pub fn peek_next(conn: &Connection, series: &str) -> Result<i64> {
    let (counter_year, _) = counter_year(conn, series, this_year())?;
    Ok(peek_number(conn, series, counter_year)?)
}

/// Sets the next number, refusing one at or below a number already given (it would repeat).
pub fn set_next(conn: &Connection, series: &str, value: &str) -> Result<()> {
    let next: i64 = value.parse().map_err(|_| Error::InvalidValue {
        key: format!("numbering.{series}.next"),
        value: value.to_owned(),
        rule: Message::new(&code::SETTING_POSITIVE_INT, "a whole number from 1"),
    })?;
    let (counter_year, reset) = counter_year(conn, series, this_year())?;
    let highest = highest_given(conn, series, reset.then_some(counter_year))?;
    if next <= highest {
        return Err(Error::InvalidValue {
            key: format!("numbering.{series}.next"),
            value: value.to_owned(),
            rule: Message::new(
                &code::SETTING_NEXT_TAKEN,
                format!(
                    "number {highest} was already given, so the next one must be at least {}",
                    highest + 1
                ),
            )
            .with("highest", highest)
            .with("least", highest + 1),
        });
    }
    Ok(set_next_number(conn, series, counter_year, next)?)
}

/// The number the next document of `kind` will get, as it will read (for previews).
pub fn peek_text(conn: &Connection, kind: DocumentKind) -> Result<String> {
    let series = kind.as_str();
    let seq = peek_next(conn, series)?;
    let pattern = get_known(conn, &format!("numbering.{series}.pattern"))?;
    Ok(format_number(&pattern, this_year(), seq))
}
