//! The `activity` table: a short log, in the owner's words, of what the listener saw.

use rusqlite::{Connection, params};
use serde::Serialize;

use crate::{StoreError, now_text};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Info,
    Warning,
    Error,
}

impl Level {
    fn as_str(self) -> &'static str {
        match self {
            Level::Info => "info",
            Level::Warning => "warning",
            Level::Error => "error",
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct ActivityRow {
    pub id: i64,
    pub at: String,
    pub level: String,
    pub message: String,
}

pub fn insert_activity(conn: &Connection, level: Level, message: &str) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO activity (at, level, message) VALUES (?1, ?2, ?3)",
        params![now_text(), level.as_str(), message],
    )?;
    Ok(())
}

/// The newest `limit` lines, newest first.
pub fn list_activity(conn: &Connection, limit: u32) -> Result<Vec<ActivityRow>, StoreError> {
    let mut stmt = conn
        .prepare_cached("SELECT id, at, level, message FROM activity ORDER BY id DESC LIMIT ?1")?;
    let rows = stmt.query_map([limit], |r| {
        Ok(ActivityRow {
            id: r.get(0)?,
            at: r.get(1)?,
            level: r.get(2)?,
            message: r.get(3)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}
