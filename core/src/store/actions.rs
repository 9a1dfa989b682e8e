//! The `action_item` table: what was agreed in a session, who is to do it and by when.
//! Reads show live items only: an item in the trash, or under a session or partnership in
//! the trash, is hidden.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Row, params};
use uuid::Uuid;

use super::sessions::{self, SESSION_LIVE};
use super::{Store, enum_text, parse_col, parse_enum, parse_opt, parse_uuid, upsert_sql};
use crate::error::{Error, Result};
use crate::model::{ActionItem, ActionItemDraft, ActionItemView};
use crate::time::{self, date_text, parse_date, parse_datetime, parse_timestamp, timestamp_text};
use crate::validate;

const COLUMNS: &str =
    "id, session_id, position, text, owner, due_on, done, created_at, updated_at, deleted_at";

fn prefixed(alias: &str) -> String {
    COLUMNS
        .split(", ")
        .map(|c| format!("{alias}.{}", c.trim()))
        .collect::<Vec<_>>()
        .join(", ")
}

fn from_row(r: &Row<'_>) -> rusqlite::Result<ActionItem> {
    Ok(ActionItem {
        id: parse_col(r, 0, parse_uuid)?,
        session_id: parse_col(r, 1, parse_uuid)?,
        position: r.get(2)?,
        text: r.get(3)?,
        owner: parse_col(r, 4, parse_enum)?,
        due_on: parse_opt(r, 5, parse_date)?,
        done: r.get(6)?,
        created_at: parse_col(r, 7, parse_timestamp)?,
        updated_at: parse_col(r, 8, parse_timestamp)?,
        deleted_at: parse_opt(r, 9, parse_timestamp)?,
    })
}

/// Inserts or updates one row, exactly as given (timestamps included).
pub(super) fn put(conn: &Connection, a: &ActionItem) -> Result<()> {
    conn.prepare_cached(&upsert_sql("action_item", COLUMNS))?
        .execute(params![
            a.id.to_string(),
            a.session_id.to_string(),
            a.position,
            a.text,
            enum_text(&a.owner),
            a.due_on.as_ref().map(date_text),
            a.done,
            timestamp_text(&a.created_at),
            timestamp_text(&a.updated_at),
            a.deleted_at.as_ref().map(timestamp_text),
        ])?;
    Ok(())
}

/// An action item row, in the trash or not.
pub(super) fn find(conn: &Connection, id: Uuid) -> Result<Option<ActionItem>> {
    Ok(conn
        .prepare_cached(&format!("SELECT {COLUMNS} FROM action_item WHERE id = ?1"))?
        .query_row([id.to_string()], from_row)
        .optional()?)
}

/// Every action item row (those in the trash too), for the export.
pub(super) fn all(conn: &Connection) -> Result<Vec<ActionItem>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM action_item ORDER BY session_id, position, id"
    ))?;
    let rows = stmt
        .query_map([], from_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

fn not_found(id: Uuid) -> Error {
    Error::NotFound {
        what: "action item",
        id: id.to_string(),
    }
}

fn clean(d: &ActionItemDraft) -> ActionItemDraft {
    ActionItemDraft {
        text: d.text.trim().to_owned(),
        ..d.clone()
    }
}

/// FROM and WHERE of the open live action items of partnership `?1`, read from their own
/// partial index first (then each session by its key).
fn open_items_of_partnership() -> String {
    format!(
        "FROM action_item a INDEXED BY action_item_open CROSS JOIN session s ON s.id = a.session_id \
         WHERE s.partnership_id = ?1 AND a.done = 0 AND a.deleted_at IS NULL AND {SESSION_LIVE}"
    )
}

impl Store {
    /// The live action items of a live session, in their order.
    pub fn list_action_items(&self, session_id: Uuid) -> Result<Vec<ActionItem>> {
        sessions::find_live(&self.conn, session_id)?;
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM action_item \
             WHERE session_id = ?1 AND deleted_at IS NULL ORDER BY position, id"
        ))?;
        let rows = stmt
            .query_map([session_id.to_string()], from_row)?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// The open (not done) live action items of a partnership's live sessions: overdue ones
    /// first (due before `today`), then by due date with undated ones last, then by the
    /// session's date.
    pub fn open_action_items(
        &self,
        partnership_id: Uuid,
        today: NaiveDate,
    ) -> Result<Vec<ActionItemView>> {
        self.open_items(partnership_id, today, u32::MAX)
    }

    /// The first `limit` of [`Store::open_action_items`] (the most pressing), and how many
    /// there are in all: SQLite keeps only the best `limit` rows while it sorts.
    pub fn most_pressing_actions(
        &self,
        partnership_id: Uuid,
        today: NaiveDate,
        limit: u32,
    ) -> Result<(Vec<ActionItemView>, u32)> {
        let count = self
            .conn
            .prepare_cached(&format!("SELECT count(*) {}", open_items_of_partnership()))?
            .query_row([partnership_id.to_string()], |r| r.get(0))?;
        Ok((self.open_items(partnership_id, today, limit)?, count))
    }

    fn open_items(
        &self,
        partnership_id: Uuid,
        today: NaiveDate,
        limit: u32,
    ) -> Result<Vec<ActionItemView>> {
        let today_text = date_text(&today);
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {}, s.title, s.held_at, (a.due_on IS NOT NULL AND a.due_on < ?2) AS overdue {} \
             ORDER BY overdue DESC, a.due_on IS NULL, a.due_on, s.held_at, s.id, a.position, a.id \
             LIMIT ?3",
            prefixed("a"),
            open_items_of_partnership()
        ))?;
        let rows = stmt
            .query_map(
                params![partnership_id.to_string(), today_text, limit],
                |r| {
                    Ok(ActionItemView {
                        item: from_row(r)?,
                        session_title: r.get(10)?,
                        session_held_at: parse_col(r, 11, parse_datetime)?,
                        overdue: r.get(12)?,
                    })
                },
            )?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// Adds an action item at the end of a live session's list.
    pub fn create_action_item(
        &mut self,
        session_id: Uuid,
        draft: &ActionItemDraft,
    ) -> Result<ActionItem> {
        let d = clean(draft);
        let tx = self.write()?;
        let session = sessions::find_live(&tx, session_id)?;
        validate::action_item(&d, session.held_at.date())?;
        let position: u32 = tx
            .prepare_cached(
                "SELECT coalesce(max(position) + 1, 0) FROM action_item WHERE session_id = ?1",
            )?
            .query_row([session_id.to_string()], |r| r.get(0))?;
        let now = time::now();
        let a = ActionItem {
            id: Uuid::new_v4(),
            session_id,
            position,
            text: d.text,
            owner: d.owner,
            due_on: d.due_on,
            done: d.done,
            created_at: now,
            updated_at: now,
            deleted_at: None,
        };
        put(&tx, &a)?;
        tx.commit()?;
        Ok(a)
    }

    pub fn update_action_item(&mut self, id: Uuid, draft: &ActionItemDraft) -> Result<ActionItem> {
        let d = clean(draft);
        let tx = self.write()?;
        let old = find(&tx, id)?
            .filter(|a| a.deleted_at.is_none())
            .ok_or_else(|| not_found(id))?;
        let session = sessions::find_live(&tx, old.session_id).map_err(|e| match e {
            Error::NotFound { .. } => not_found(id),
            other => other,
        })?;
        validate::action_item(&d, session.held_at.date())?;
        let a = ActionItem {
            text: d.text,
            owner: d.owner,
            due_on: d.due_on,
            done: d.done,
            updated_at: time::now(),
            ..old
        };
        put(&tx, &a)?;
        tx.commit()?;
        Ok(a)
    }
}
