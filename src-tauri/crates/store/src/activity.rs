//! The `activity` table: a short log, in the owner's words, of what the listener saw. Each line
//! keeps its English text and, for lines written since migration 0003, the code and values of
//! its sentence, so the window can show it in the owner's language.

use comptoir_core::Message;
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
    /// The English sentence.
    pub message: String,
    /// The sentence's code, for the window's translation; none for older lines.
    pub code: Option<String>,
    /// The values the sentence names (a JSON object), beside the code.
    pub params: Option<serde_json::Value>,
}

/// Adds a line without a code (shown in English in every language).
pub fn insert_activity(conn: &Connection, level: Level, message: &str) -> Result<(), StoreError> {
    record_activity(conn, level, &Message::plain(message))
}

/// Adds a line with its code and values.
pub fn record_activity(
    conn: &Connection,
    level: Level,
    message: &Message,
) -> Result<(), StoreError> {
    let params = message.code.map(|_| message.params_json());
    conn.prepare_cached(
        "INSERT INTO activity (at, level, message, code, params) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![
        now_text(),
        level.as_str(),
        message.message,
        message.code_id(),
        params
    ])?;
    Ok(())
}

/// The newest `limit` lines, newest first.
pub fn list_activity(conn: &Connection, limit: u32) -> Result<Vec<ActivityRow>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, at, level, message, code, params FROM activity ORDER BY id DESC LIMIT ?1",
    )?;
    let rows = stmt.query_map([limit], |r| {
        Ok((
            ActivityRow {
                id: r.get(0)?,
                at: r.get(1)?,
                level: r.get(2)?,
                message: r.get(3)?,
                code: r.get(4)?,
                params: None,
            },
            r.get::<_, Option<String>>(5)?,
        ))
    })?;
    rows.map(|row| {
        let (mut row, params) = row?;
        row.params = params
            .map(|text| {
                serde_json::from_str(&text).map_err(|e| {
                    StoreError::Corrupt(format!("activity line {}: params {e}", row.id))
                })
            })
            .transpose()?;
        Ok(row)
    })
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use comptoir_core::message::code;

    #[test]
    fn lines_keep_their_code_and_values_beside_the_english() {
        let dir = tempfile::tempdir().unwrap();
        let conn = crate::open(&dir.path().join("db")).unwrap();
        insert_activity(&conn, Level::Info, "An older kind of line.").unwrap();
        record_activity(
            &conn,
            Level::Warning,
            &Message::new(
                &code::ACTIVITY_PING_FROM,
                "WooCommerce pinged webhook 7 from WP.",
            )
            .with("webhook", 7)
            .with("agent", "WP"),
        )
        .unwrap();
        let rows = list_activity(&conn, 10).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].code.as_deref(), Some("activity.ping_from"));
        assert_eq!(rows[0].message, "WooCommerce pinged webhook 7 from WP.");
        assert_eq!(
            rows[0].params,
            Some(serde_json::json!({"webhook": 7, "agent": "WP"}))
        );
        assert_eq!(rows[0].level, "warning");
        assert_eq!((rows[1].code.as_deref(), &rows[1].params), (None, &None));
        // The table refuses values that are not JSON.
        assert!(
            conn.execute(
                "INSERT INTO activity (at, level, message, code, params) VALUES ('x', 'info', 'm', 'c', 'not json')",
                [],
            )
            .is_err()
        );
    }
}
