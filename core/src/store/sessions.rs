//! The `session` table: one meeting of a partnership.

use chrono::{Days, NaiveDate};
use rusqlite::{OptionalExtension, Row, Transaction, params};
use uuid::Uuid;

use super::{
    Store, enum_text, parse_col, parse_enum, parse_opt, parse_uuid, partnerships, upsert_sql,
};
use crate::error::{Error, Result};
use crate::model::{Session, SessionDraft, SessionSummary};
use crate::time::{
    self, date_text, datetime_text, parse_datetime, parse_timestamp, timestamp_text,
};
use crate::validate;

const COLUMNS: &str = "id, partnership_id, held_at, duration_minutes, format, place, title, notes, \
     created_at, updated_at, visibility, agenda, shared, learned, rating, reflection, deleted_at";

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

pub(super) fn put(tx: &Transaction<'_>, s: &Session) -> Result<()> {
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
    Ok(())
}

pub(super) fn find(conn: &rusqlite::Connection, id: Uuid) -> Result<Option<Session>> {
    Ok(conn
        .prepare_cached(&format!("SELECT {COLUMNS} FROM session WHERE id = ?1"))?
        .query_row([id.to_string()], from_row)
        .optional()?)
}

pub(super) fn all(conn: &rusqlite::Connection) -> Result<Vec<Session>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM session ORDER BY partnership_id, held_at, id"
    ))?;
    let rows = stmt
        .query_map([], from_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

fn not_found(id: Uuid) -> Error {
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
    /// The sessions of a partnership, newest first, `limit` at a time from `offset`.
    pub fn list_sessions(
        &self,
        partnership_id: Uuid,
        limit: u32,
        offset: u32,
    ) -> Result<Vec<SessionSummary>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, partnership_id, held_at, duration_minutes, format, title, \
                    substr(notes, 1, ?4), updated_at, visibility \
             FROM session WHERE partnership_id = ?1 \
             ORDER BY held_at DESC, id LIMIT ?2 OFFSET ?3",
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
                        topics: Vec::new(),
                        rating: None,
                        open_actions: 0,
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
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM session \
             WHERE partnership_id = ?1 \
               AND (?2 IS NULL OR held_at >= ?2) \
               AND (?3 IS NULL OR held_at < ?3) \
             ORDER BY held_at, id"
        ))?;
        let rows = stmt
            .query_map(params![partnership_id.to_string(), lower, upper], from_row)?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    pub fn get_session(&self, id: Uuid) -> Result<Session> {
        find(&self.conn, id)?.ok_or_else(|| not_found(id))
    }

    pub fn create_session(
        &mut self,
        partnership_id: Uuid,
        draft: &SessionDraft,
    ) -> Result<Session> {
        validate::session(draft)?;
        let draft = clean(draft);
        let tx = self.write()?;
        if partnerships::find(&tx, partnership_id)?.is_none() {
            return Err(Error::NotFound {
                what: "partnership",
                id: partnership_id.to_string(),
            });
        }
        let now = time::now();
        let s = Session {
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
        put(&tx, &s)?;
        tx.commit()?;
        Ok(s)
    }

    pub fn update_session(&mut self, id: Uuid, draft: &SessionDraft) -> Result<Session> {
        validate::session(draft)?;
        let draft = clean(draft);
        let tx = self.write()?;
        let old = find(&tx, id)?.ok_or_else(|| not_found(id))?;
        let s = Session {
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
        put(&tx, &s)?;
        tx.commit()?;
        Ok(s)
    }
}
