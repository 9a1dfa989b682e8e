//! The `topic` and `session_topic` tables: tags shared across the journal, and which
//! sessions carry them (in the order the user gave them).
//!
//! A topic is stored once, whatever the case it is typed in: a session tagged "ai tools"
//! when "AI tools" already exists gets the existing spelling.

use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension, params};
use uuid::Uuid;

use super::{Store, parse_uuid};
use crate::error::Result;
use crate::model::TopicCount;
use crate::validate;

/// Separates topic names in one `group_concat` (a control character, which a topic never
/// contains: see `validate::session`).
pub(super) const SEPARATOR: char = '\u{1f}';

/// Splits what `group_concat(name, char(31))` gave back.
pub(super) fn split(joined: Option<String>) -> Vec<String> {
    match joined {
        None => Vec::new(),
        Some(s) if s.is_empty() => Vec::new(),
        Some(s) => s.split(SEPARATOR).map(str::to_owned).collect(),
    }
}

/// The id and spelling of the topic `name` if one exists, ignoring case.
fn existing(conn: &Connection, name: &str) -> Result<Option<(i64, String)>> {
    // The column's NOCASE collation folds ASCII letters; other scripts are compared with
    // Unicode lowercase, over the (short) list of topics.
    let found = conn
        .prepare_cached("SELECT id, name FROM topic WHERE name = ?1")?
        .query_row([name], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    if found.is_some() || name.is_ascii() {
        return Ok(found);
    }
    let lower = name.to_lowercase();
    let mut stmt = conn.prepare_cached("SELECT id, name FROM topic")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let other: String = r.get(1)?;
        if other.to_lowercase() == lower {
            return Ok(Some((r.get(0)?, other)));
        }
    }
    Ok(None)
}

/// Sets the topics of a session (replacing what it had) and returns them as stored: trimmed,
/// without empty ones or duplicates, each in the journal's existing spelling.
pub(super) fn put(conn: &Connection, session_id: Uuid, topics: &[String]) -> Result<Vec<String>> {
    let sid = session_id.to_string();
    conn.prepare_cached("DELETE FROM session_topic WHERE session_id = ?1")?
        .execute([&sid])?;
    let mut stored: Vec<String> = Vec::new();
    for name in validate::clean_topics(topics) {
        let (id, spelling) = match existing(conn, &name)? {
            Some(found) => found,
            None => {
                conn.prepare_cached("INSERT INTO topic (name) VALUES (?1)")?
                    .execute([&name])?;
                (conn.last_insert_rowid(), name)
            }
        };
        // Two spellings that differ only in non-ASCII case map to one topic: keep the first.
        if stored.contains(&spelling) {
            continue;
        }
        conn.prepare_cached(
            "INSERT INTO session_topic (session_id, topic_id, position) VALUES (?1, ?2, ?3)",
        )?
        .execute(params![sid, id, stored.len()])?;
        stored.push(spelling);
    }
    Ok(stored)
}

/// The topics of one session, in order.
pub(super) fn of_session(conn: &Connection, session_id: Uuid) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached(
        "SELECT t.name FROM session_topic st JOIN topic t ON t.id = st.topic_id \
         WHERE st.session_id = ?1 ORDER BY st.position",
    )?;
    let rows = stmt
        .query_map([session_id.to_string()], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// The topics of every session that has some, each list in order.
pub(super) fn by_session(conn: &Connection) -> Result<HashMap<Uuid, Vec<String>>> {
    let mut stmt = conn.prepare_cached(
        "SELECT st.session_id, t.name FROM session_topic st JOIN topic t ON t.id = st.topic_id \
         ORDER BY st.session_id, st.position",
    )?;
    let mut out: HashMap<Uuid, Vec<String>> = HashMap::new();
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let id = super::parse_col(r, 0, parse_uuid)?;
        out.entry(id).or_default().push(r.get(1)?);
    }
    Ok(out)
}

/// Forgets topics no session carries any more (after sessions are deleted for good).
pub(super) fn forget_unused(conn: &Connection) -> Result<()> {
    conn.execute(
        "DELETE FROM topic WHERE id NOT IN (SELECT topic_id FROM session_topic)",
        [],
    )?;
    Ok(())
}

impl Store {
    /// Every topic carried by at least one live session, with how many carry it: most used
    /// first, then by name. The suggestions while typing a tag.
    pub fn list_topics(&self) -> Result<Vec<TopicCount>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT t.name, count(*) AS n FROM topic t \
             JOIN session_topic st ON st.topic_id = t.id \
             JOIN session s ON s.id = st.session_id \
             JOIN partnership p ON p.id = s.partnership_id \
             WHERE s.deleted_at IS NULL AND p.deleted_at IS NULL \
             GROUP BY t.id ORDER BY n DESC, t.name COLLATE NOCASE, t.name",
        )?;
        let rows = stmt
            .query_map([], |r| {
                Ok(TopicCount {
                    name: r.get(0)?,
                    sessions: r.get(1)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }
}
