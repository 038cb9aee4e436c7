//! The `number_counters` table: the next number of each document series, per year. Taking a
//! number happens inside the caller's (immediate) transaction, so two finalisations that race
//! are serialised by SQLite and can neither share a number nor leave a gap.

use rusqlite::{Connection, OptionalExtension, params};

use crate::StoreError;

/// Returns the next number of `series` in `year` and advances the counter.
pub fn take_number(conn: &Connection, series: &str, year: i64) -> Result<i64, StoreError> {
    let next: Option<i64> = conn
        .prepare_cached("SELECT next FROM number_counters WHERE series = ?1 AND year = ?2")?
        .query_row(params![series, year], |r| r.get(0))
        .optional()?;
    let n = next.unwrap_or(1);
    conn.prepare_cached(
        "INSERT INTO number_counters (series, year, next) VALUES (?1, ?2, ?3)
         ON CONFLICT (series, year) DO UPDATE SET next = excluded.next",
    )?
    .execute(params![series, year, n + 1])?;
    Ok(n)
}

/// The number the next document of `series` in `year` will get.
pub fn peek_number(conn: &Connection, series: &str, year: i64) -> Result<i64, StoreError> {
    Ok(conn
        .prepare_cached("SELECT next FROM number_counters WHERE series = ?1 AND year = ?2")?
        .query_row(params![series, year], |r| r.get(0))
        .optional()?
        .unwrap_or(1))
}

/// Sets the next number (the owner continues a numbering started elsewhere).
pub fn set_next_number(
    conn: &Connection,
    series: &str,
    year: i64,
    next: i64,
) -> Result<(), StoreError> {
    conn.prepare_cached(
        "INSERT INTO number_counters (series, year, next) VALUES (?1, ?2, ?3)
         ON CONFLICT (series, year) DO UPDATE SET next = excluded.next",
    )?
    .execute(params![series, year, next])?;
    Ok(())
}

/// The highest number already given in a series and year (0 when none), so the next number
/// can never be set below it.
pub fn highest_given(conn: &Connection, kind: &str, year: Option<i64>) -> Result<i64, StoreError> {
    let max: Option<i64> = match year {
        Some(y) => conn
            .prepare_cached(
                "SELECT max(number_seq) FROM documents WHERE kind = ?1 AND number_year = ?2",
            )?
            .query_row(params![kind, y], |r| r.get(0))?,
        None => conn
            .prepare_cached("SELECT max(number_seq) FROM documents WHERE kind = ?1")?
            .query_row(params![kind], |r| r.get(0))?,
    };
    Ok(max.unwrap_or(0))
}
