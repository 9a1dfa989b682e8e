//! Read queries for the progress PDF (`crate::report`): a partnership's sessions in a date
//! range, with their full notes, oldest first.

use chrono::{Days, NaiveDate};
use rusqlite::{Row, params};
use uuid::Uuid;

use super::{Store, parse_col, parse_enum, parse_uuid};
use crate::error::Result;
use crate::model::Session;
use crate::time::{date_text, parse_datetime, parse_timestamp};

fn session_from_row(r: &Row<'_>) -> rusqlite::Result<Session> {
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
    })
}

impl Store {
    /// The sessions of a partnership held on a day between `from` and `to` (both
    /// inclusive, either open), oldest first, with their full notes.
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
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, partnership_id, held_at, duration_minutes, format, place, title, notes, \
                    created_at, updated_at, visibility \
             FROM session \
             WHERE partnership_id = ?1 \
               AND (?2 IS NULL OR held_at >= ?2) \
               AND (?3 IS NULL OR held_at < ?3) \
             ORDER BY held_at, id",
        )?;
        let rows = stmt
            .query_map(
                params![partnership_id.to_string(), lower, upper],
                session_from_row,
            )?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }
}
