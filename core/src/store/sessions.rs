//! The `session` table: one meeting of a partnership.

use chrono::{Days, NaiveDate};
use rusqlite::{OptionalExtension, Row, Transaction, params};
use uuid::Uuid;

use super::{
    Store, enum_text, parse_col, parse_enum, parse_opt, parse_uuid, partnerships, topics,
    upsert_sql,
};
use crate::error::{Error, Result};
use crate::model::{Session, SessionDraft, SessionPage, SessionSummary};
use crate::time::{
    self, date_text, datetime_text, parse_datetime, parse_timestamp, timestamp_text,
};
use crate::validate;

const COLUMNS: &str = "id, partnership_id, held_at, duration_minutes, format, place, title, notes, \
     created_at, updated_at, visibility, agenda, shared, learned, rating, reflection, deleted_at";

/// A session `s` that is live: neither it nor its partnership is in the trash.
pub(super) const SESSION_LIVE: &str = "s.deleted_at IS NULL AND EXISTS (SELECT 1 FROM partnership p \
     WHERE p.id = s.partnership_id AND p.deleted_at IS NULL)";

/// How much of the notes a list shows.
const EXCERPT_CHARS: i64 = 160;

fn from_row(r: &Row<'_>) -> rusqlite::Result<Session> {
    Ok(Session {
        id: parse_col(r, 0, parse_uuid)?,
        partnership_id: parse_col(r, 1, parse_uuid)?,
        held_at: parse_col(r, 2, parse_datetime)?,
        duration_minutes: r.get(3)?,
        format: parse_col(r, 4, parse_enum)?,
        place: r.get(5)?,
        title: r.get(6)?,
        notes: r.get(7)?,
        created_at: parse_col(r, 8, parse_timestamp)?,
        updated_at: parse_col(r, 9, parse_timestamp)?,
        visibility: parse_col(r, 10, parse_enum)?,
        agenda: r.get(11)?,
        shared: r.get(12)?,
        learned: r.get(13)?,
        topics: Vec::new(),
        rating: r.get(14)?,
        reflection: r.get(15)?,
        deleted_at: parse_opt(r, 16, parse_timestamp)?,
    })
}

/// Inserts or updates one row, exactly as given (timestamps included), with its topics.
/// Returns the topics as stored (see `topics::put`).
pub(super) fn put(tx: &Transaction<'_>, s: &Session) -> Result<Vec<String>> {
    tx.prepare_cached(&upsert_sql("session", COLUMNS))?
        .execute(params![
            s.id.to_string(),
            s.partnership_id.to_string(),
            datetime_text(&s.held_at),
            s.duration_minutes,
            enum_text(&s.format),
            s.place,
            s.title,
            s.notes,
            timestamp_text(&s.created_at),
            timestamp_text(&s.updated_at),
            enum_text(&s.visibility),
            s.agenda,
            s.shared,
            s.learned,
            s.rating,
            s.reflection,
            s.deleted_at.as_ref().map(timestamp_text),
        ])?;
    topics::put(tx, s.id, &s.topics)
}

/// A session row with its topics, in the trash or not.
pub(super) fn find(conn: &rusqlite::Connection, id: Uuid) -> Result<Option<Session>> {
    let found = conn
        .prepare_cached(&format!("SELECT {COLUMNS} FROM session WHERE id = ?1"))?
        .query_row([id.to_string()], from_row)
        .optional()?;
    found
        .map(|mut s| {
            s.topics = topics::of_session(conn, s.id)?;
            Ok(s)
        })
        .transpose()
}

/// A session that is not hidden by the trash (neither it nor its partnership is in it).
pub(super) fn find_live(conn: &rusqlite::Connection, id: Uuid) -> Result<Session> {
    let cols = COLUMNS
        .split(", ")
        .map(|c| format!("s.{}", c.trim()))
        .collect::<Vec<_>>()
        .join(", ");
    let found = conn
        .prepare_cached(&format!(
            "SELECT {cols} FROM session s WHERE s.id = ?1 AND {SESSION_LIVE}"
        ))?
        .query_row([id.to_string()], from_row)
        .optional()?;
    let mut s = found.ok_or_else(|| not_found(id))?;
    s.topics = topics::of_session(conn, s.id)?;
    Ok(s)
}

/// Every session row (those in the trash too), with its topics, for the export.
pub(super) fn all(conn: &rusqlite::Connection) -> Result<Vec<Session>> {
    let mut by_session = topics::by_session(conn)?;
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM session ORDER BY partnership_id, held_at, id"
    ))?;
    let rows = stmt
        .query_map([], from_row)?
        .map(|s| {
            s.map(|mut s| {
                s.topics = by_session.remove(&s.id).unwrap_or_default();
                s
            })
        })
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

pub(super) fn not_found(id: Uuid) -> Error {
    Error::NotFound {
        what: "session",
        id: id.to_string(),
    }
}

/// Notes as one line of plain text: Markdown markers and line breaks are not wanted in a list.
fn excerpt(notes: &str) -> String {
    let flat: String = notes
        .split_whitespace()
        .map(|w| {
            w.trim_start_matches(['#', '*', '>', '-', '_', '`'])
                .trim_end_matches(['*', '_', '`'])
        })
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let mut out: String = flat.chars().take(EXCERPT_CHARS as usize).collect();
    if out.len() < flat.len() {
        out.push('…');
    }
    out
}

fn clean(draft: &SessionDraft) -> SessionDraft {
    SessionDraft {
        title: draft.title.trim().to_owned(),
        place: draft.place.trim().to_owned(),
        ..draft.clone()
    }
}

impl Store {
    /// A page of [`Store::list_sessions`] and the number of live sessions, read together.
    pub fn session_page(
        &self,
        partnership_id: Uuid,
        limit: u32,
        offset: u32,
    ) -> Result<SessionPage> {
        let tx = self.conn.unchecked_transaction()?;
        let total = tx.query_row(
            "SELECT count(*) FROM session s INDEXED BY session_live \
             WHERE s.partnership_id = ?1 AND s.deleted_at IS NULL \
               AND EXISTS (SELECT 1 FROM partnership p WHERE p.id = ?1 AND p.deleted_at IS NULL)",
            params![partnership_id.to_string()],
            |r| r.get(0),
        )?;
        let sessions = self.list_sessions(partnership_id, limit, offset)?;
        tx.finish()?;
        Ok(SessionPage {
            total,
            offset,
            sessions,
        })
    }

    /// The live sessions of a partnership, newest first (the most recently written first
    /// among sessions held at the same minute), `limit` at a time from `offset`.
    /// Topics and open action items are read for the page's rows only.
    pub fn list_sessions(
        &self,
        partnership_id: Uuid,
        limit: u32,
        offset: u32,
    ) -> Result<Vec<SessionSummary>> {
        let mut stmt = self.conn.prepare_cached(
            "WITH page AS MATERIALIZED ( \
                 SELECT s.rowid AS rid FROM session s \
                 WHERE s.partnership_id = ?1 AND s.deleted_at IS NULL \
                   AND EXISTS (SELECT 1 FROM partnership p WHERE p.id = ?1 AND p.deleted_at IS NULL) \
                 ORDER BY s.held_at DESC, s.rowid DESC LIMIT ?2 OFFSET ?3) \
             SELECT s.id, s.partnership_id, s.held_at, s.duration_minutes, s.format, s.title, \
                    substr(s.notes, 1, ?4), s.updated_at, s.visibility, s.rating, \
                    (SELECT group_concat(t.name, char(31) ORDER BY st.position) \
                       FROM session_topic st JOIN topic t ON t.id = st.topic_id \
                      WHERE st.session_id = s.id), \
                    (SELECT count(*) FROM action_item a \
                      WHERE a.session_id = s.id AND a.done = 0 AND a.deleted_at IS NULL) \
             FROM page JOIN session s ON s.rowid = page.rid \
             ORDER BY s.held_at DESC, s.rowid DESC",
        )?;
        let rows = stmt
            .query_map(
                params![partnership_id.to_string(), limit, offset, EXCERPT_CHARS * 4],
                |r| {
                    let notes: String = r.get(6)?;
                    Ok(SessionSummary {
                        id: parse_col(r, 0, parse_uuid)?,
                        partnership_id: parse_col(r, 1, parse_uuid)?,
                        held_at: parse_col(r, 2, parse_datetime)?,
                        duration_minutes: r.get(3)?,
                        format: parse_col(r, 4, parse_enum)?,
                        title: r.get(5)?,
                        excerpt: excerpt(&notes),
                        topics: topics::split(r.get(10)?),
                        rating: r.get(9)?,
                        open_actions: r.get(11)?,
                        updated_at: parse_col(r, 7, parse_timestamp)?,
                        visibility: parse_col(r, 8, parse_enum)?,
                    })
                },
            )?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// The sessions of a partnership held on a day between `from` and `to` (both
    /// inclusive, either open), oldest first, with their full notes (for the report).
    pub fn sessions_in_range(
        &self,
        partnership_id: Uuid,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    ) -> Result<Vec<Session>> {
        // `held_at` is stored as "YYYY-MM-DDTHH:MM:SS", so text comparison is date order.
        let lower = from.map(|d| date_text(&d));
        let upper = to
            .and_then(|d| d.checked_add_days(Days::new(1)))
            .map(|d| date_text(&d));
        let cols = COLUMNS
            .split(", ")
            .map(|c| format!("s.{}", c.trim()))
            .collect::<Vec<_>>()
            .join(", ");
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {cols} FROM session s \
             WHERE s.partnership_id = ?1 AND {SESSION_LIVE} \
               AND (?2 IS NULL OR s.held_at >= ?2) \
               AND (?3 IS NULL OR s.held_at < ?3) \
             ORDER BY s.held_at, s.id"
        ))?;
        let mut rows: Vec<Session> = stmt
            .query_map(params![partnership_id.to_string(), lower, upper], from_row)?
            .collect::<rusqlite::Result<_>>()?;
        for s in &mut rows {
            s.topics = topics::of_session(&self.conn, s.id)?;
        }
        Ok(rows)
    }

    /// A live session (not in the trash, nor under a partnership in the trash).
    pub fn get_session(&self, id: Uuid) -> Result<Session> {
        find_live(&self.conn, id)
    }

    pub fn create_session(
        &mut self,
        partnership_id: Uuid,
        draft: &SessionDraft,
    ) -> Result<Session> {
        validate::session(draft)?;
        let draft = clean(draft);
        let tx = self.write()?;
        if partnerships::find(&tx, partnership_id)?.is_none_or(|p| p.deleted_at.is_some()) {
            return Err(Error::NotFound {
                what: "partnership",
                id: partnership_id.to_string(),
            });
        }
        let now = time::now();
        let mut s = Session {
            id: Uuid::new_v4(),
            partnership_id,
            held_at: draft.held_at,
            duration_minutes: draft.duration_minutes,
            format: draft.format,
            place: draft.place,
            title: draft.title,
            agenda: draft.agenda,
            notes: draft.notes,
            shared: draft.shared,
            learned: draft.learned,
            topics: draft.topics,
            rating: draft.rating,
            reflection: draft.reflection,
            visibility: draft.visibility,
            created_at: now,
            updated_at: now,
            deleted_at: None,
        };
        s.topics = put(&tx, &s)?;
        tx.commit()?;
        Ok(s)
    }

    pub fn update_session(&mut self, id: Uuid, draft: &SessionDraft) -> Result<Session> {
        validate::session(draft)?;
        let draft = clean(draft);
        let tx = self.write()?;
        let old = find_live(&tx, id)?;
        let mut s = Session {
            held_at: draft.held_at,
            duration_minutes: draft.duration_minutes,
            format: draft.format,
            place: draft.place,
            title: draft.title,
            agenda: draft.agenda,
            notes: draft.notes,
            shared: draft.shared,
            learned: draft.learned,
            topics: draft.topics,
            rating: draft.rating,
            reflection: draft.reflection,
            visibility: draft.visibility,
            updated_at: time::now(),
            ..old
        };
        s.topics = put(&tx, &s)?;
        tx.commit()?;
        Ok(s)
    }
}
