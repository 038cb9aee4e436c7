//! The `settings` table: plain key → text. Which keys exist and what they may hold is decided
//! by the application's config module, not here.

use rusqlite::{Connection, OptionalExtension, params};

use crate::{StoreError, now_text};

pub fn get_setting(conn: &Connection, key: &str) -> Result<Option<String>, StoreError> {
    Ok(conn
        .prepare_cached("SELECT value FROM settings WHERE key = ?1")?
        .query_row([key], |r| r.get(0))
        .optional()?)
}

pub fn set_setting(conn: &Connection, key: &str, value: &str) -> Result<(), StoreError> {
    conn.prepare_cached(
        "INSERT INTO settings (key, value, updated_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
    )?
    .execute(params![key, value, now_text()])?;
    Ok(())
}

/// Stores `value` only if the key has none yet; returns the value that is stored afterwards.
/// Used for generated defaults (the webhook secret), so two processes starting at once agree.
pub fn insert_setting_if_absent(
    conn: &Connection,
    key: &str,
    value: &str,
) -> Result<String, StoreError> {
    conn.prepare_cached("INSERT INTO settings (key, value, updated_at) VALUES (?1, ?2, ?3) ON CONFLICT (key) DO NOTHING")?.execute(
        params![key, value, now_text()],
    )?;
    get_setting(conn, key)?.ok_or_else(|| StoreError::Corrupt(format!("setting {key} vanished")))
}
