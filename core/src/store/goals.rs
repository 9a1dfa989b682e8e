//! The `goal`, `milestone` and `goal_progress` tables: a partnership's goals, their
//! milestones and their dated progress. Reads show live rows only: a row in the trash, or
//! under a goal or partnership in the trash, is hidden.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Row, Transaction, params};
use uuid::Uuid;

use super::{Store, enum_text, parse_col, parse_enum, parse_opt, parse_uuid, upsert_sql};
use crate::error::{Error, Result};
use crate::model::{
    Goal, GoalDetail, GoalDraft, GoalSummary, Milestone, MilestoneDraft, ProgressDraft,
    ProgressEntry,
};
use crate::time::{self, date_text, parse_date, parse_timestamp, timestamp_text};
use crate::validate;

const GOAL_COLUMNS: &str = "id, partnership_id, title, description, whose, direction, \
     success_criteria, target_on, status, visibility, created_at, updated_at, deleted_at";
const MILESTONE_COLUMNS: &str =
    "id, goal_id, position, title, due_on, done, created_at, updated_at, deleted_at";
const PROGRESS_COLUMNS: &str =
    "id, goal_id, recorded_on, value, note, created_at, updated_at, deleted_at";

/// `cols` with each column prefixed by `alias.`.
fn prefixed(cols: &str, alias: &str) -> String {
    cols.split(", ")
        .map(|c| format!("{alias}.{}", c.trim()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A goal `g` that is live: neither it nor its partnership is in the trash.
const GOAL_LIVE: &str = "g.deleted_at IS NULL AND EXISTS (SELECT 1 FROM partnership p \
     WHERE p.id = g.partnership_id AND p.deleted_at IS NULL)";

fn goal_from_row(r: &Row<'_>) -> rusqlite::Result<Goal> {
    Ok(Goal {
        id: parse_col(r, 0, parse_uuid)?,
        partnership_id: parse_col(r, 1, parse_uuid)?,
        title: r.get(2)?,
        description: r.get(3)?,
        whose: parse_col(r, 4, parse_enum)?,
        direction: parse_col(r, 5, parse_enum)?,
        success_criteria: r.get(6)?,
        target_on: parse_opt(r, 7, parse_date)?,
        status: parse_col(r, 8, parse_enum)?,
        visibility: parse_col(r, 9, parse_enum)?,
        created_at: parse_col(r, 10, parse_timestamp)?,
        updated_at: parse_col(r, 11, parse_timestamp)?,
        deleted_at: parse_opt(r, 12, parse_timestamp)?,
    })
}

fn milestone_from_row(r: &Row<'_>) -> rusqlite::Result<Milestone> {
    Ok(Milestone {
        id: parse_col(r, 0, parse_uuid)?,
        goal_id: parse_col(r, 1, parse_uuid)?,
        position: r.get(2)?,
        title: r.get(3)?,
        due_on: parse_opt(r, 4, parse_date)?,
        done: r.get(5)?,
        created_at: parse_col(r, 6, parse_timestamp)?,
        updated_at: parse_col(r, 7, parse_timestamp)?,
        deleted_at: parse_opt(r, 8, parse_timestamp)?,
    })
}

fn progress_from_row(r: &Row<'_>) -> rusqlite::Result<ProgressEntry> {
    Ok(ProgressEntry {
        id: parse_col(r, 0, parse_uuid)?,
        goal_id: parse_col(r, 1, parse_uuid)?,
        recorded_on: parse_col(r, 2, parse_date)?,
        value: r.get(3)?,
        note: r.get(4)?,
        created_at: parse_col(r, 5, parse_timestamp)?,
        updated_at: parse_col(r, 6, parse_timestamp)?,
        deleted_at: parse_opt(r, 7, parse_timestamp)?,
    })
}

/// Inserts or updates one goal row, exactly as given (timestamps included).
pub(super) fn put_goal(tx: &Connection, g: &Goal) -> Result<()> {
    tx.prepare_cached(&upsert_sql("goal", GOAL_COLUMNS))?
        .execute(params![
            g.id.to_string(),
            g.partnership_id.to_string(),
            g.title,
            g.description,
            enum_text(&g.whose),
            enum_text(&g.direction),
            g.success_criteria,
            g.target_on.as_ref().map(date_text),
            enum_text(&g.status),
            enum_text(&g.visibility),
            timestamp_text(&g.created_at),
            timestamp_text(&g.updated_at),
            g.deleted_at.as_ref().map(timestamp_text),
        ])?;
    Ok(())
}

pub(super) fn put_milestone(tx: &Connection, m: &Milestone) -> Result<()> {
    tx.prepare_cached(&upsert_sql("milestone", MILESTONE_COLUMNS))?
        .execute(params![
            m.id.to_string(),
            m.goal_id.to_string(),
            m.position,
            m.title,
            m.due_on.as_ref().map(date_text),
            m.done,
            timestamp_text(&m.created_at),
            timestamp_text(&m.updated_at),
            m.deleted_at.as_ref().map(timestamp_text),
        ])?;
    Ok(())
}

pub(super) fn put_progress(tx: &Connection, e: &ProgressEntry) -> Result<()> {
    tx.prepare_cached(&upsert_sql("goal_progress", PROGRESS_COLUMNS))?
        .execute(params![
            e.id.to_string(),
            e.goal_id.to_string(),
            date_text(&e.recorded_on),
            e.value,
            e.note,
            timestamp_text(&e.created_at),
            timestamp_text(&e.updated_at),
            e.deleted_at.as_ref().map(timestamp_text),
        ])?;
    Ok(())
}

/// A goal row, in the trash or not.
pub(super) fn find_goal(conn: &Connection, id: Uuid) -> Result<Option<Goal>> {
    Ok(conn
        .prepare_cached(&format!("SELECT {GOAL_COLUMNS} FROM goal WHERE id = ?1"))?
        .query_row([id.to_string()], goal_from_row)
        .optional()?)
}

pub(super) fn find_milestone(conn: &Connection, id: Uuid) -> Result<Option<Milestone>> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {MILESTONE_COLUMNS} FROM milestone WHERE id = ?1"
        ))?
        .query_row([id.to_string()], milestone_from_row)
        .optional()?)
}

pub(super) fn find_progress(conn: &Connection, id: Uuid) -> Result<Option<ProgressEntry>> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {PROGRESS_COLUMNS} FROM goal_progress WHERE id = ?1"
        ))?
        .query_row([id.to_string()], progress_from_row)
        .optional()?)
}

/// A goal that is not hidden by the trash.
fn find_live_goal(conn: &Connection, id: Uuid) -> Result<Goal> {
    conn.prepare_cached(&format!(
        "SELECT {} FROM goal g WHERE g.id = ?1 AND {GOAL_LIVE}",
        prefixed(GOAL_COLUMNS, "g")
    ))?
    .query_row([id.to_string()], goal_from_row)
    .optional()?
    .ok_or_else(|| not_found("goal", id))
}

/// Whether the goal with `id` is live (it and its partnership are out of the trash).
fn goal_is_live(conn: &Connection, id: Uuid) -> Result<bool> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT 1 FROM goal g WHERE g.id = ?1 AND {GOAL_LIVE}"
        ))?
        .query_row([id.to_string()], |_| Ok(()))
        .optional()?
        .is_some())
}

pub(super) fn all_goals(conn: &Connection) -> Result<Vec<Goal>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {GOAL_COLUMNS} FROM goal ORDER BY partnership_id, created_at, id"
    ))?;
    let rows = stmt
        .query_map([], goal_from_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

pub(super) fn all_milestones(conn: &Connection) -> Result<Vec<Milestone>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {MILESTONE_COLUMNS} FROM milestone ORDER BY goal_id, position, id"
    ))?;
    let rows = stmt
        .query_map([], milestone_from_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

pub(super) fn all_progress(conn: &Connection) -> Result<Vec<ProgressEntry>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {PROGRESS_COLUMNS} FROM goal_progress \
         ORDER BY goal_id, recorded_on, created_at, id"
    ))?;
    let rows = stmt
        .query_map([], progress_from_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

fn not_found(what: &'static str, id: Uuid) -> Error {
    Error::NotFound {
        what,
        id: id.to_string(),
    }
}

fn clean_goal(d: &GoalDraft) -> GoalDraft {
    GoalDraft {
        title: d.title.trim().to_owned(),
        ..d.clone()
    }
}

fn clean_milestone(d: &MilestoneDraft) -> MilestoneDraft {
    MilestoneDraft {
        title: d.title.trim().to_owned(),
        ..d.clone()
    }
}

/// Validates `draft` and inserts it as a new goal of `partnership_id` inside `tx`, without
/// committing: for callers that create a goal as part of a larger write (turning a TOWS
/// strategy into a goal). The partnership must exist and be out of the trash.
pub(super) fn insert_goal(
    tx: &Transaction<'_>,
    partnership_id: Uuid,
    draft: &GoalDraft,
) -> Result<Goal> {
    validate::goal(draft)?;
    let live: Option<()> = tx
        .prepare_cached("SELECT 1 FROM partnership WHERE id = ?1 AND deleted_at IS NULL")?
        .query_row([partnership_id.to_string()], |_| Ok(()))
        .optional()?;
    if live.is_none() {
        return Err(not_found("partnership", partnership_id));
    }
    let d = clean_goal(draft);
    let now = time::now();
    let g = Goal {
        id: Uuid::new_v4(),
        partnership_id,
        title: d.title,
        description: d.description,
        whose: d.whose,
        direction: d.direction,
        success_criteria: d.success_criteria,
        target_on: d.target_on,
        status: d.status,
        visibility: d.visibility,
        created_at: now,
        updated_at: now,
        deleted_at: None,
    };
    put_goal(tx, &g)?;
    Ok(g)
}

/// The next free position under a parent (rows in the trash keep theirs).
fn next_position(conn: &Connection, table: &str, parent_col: &str, parent: Uuid) -> Result<u32> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT coalesce(max(position) + 1, 0) FROM {table} WHERE {parent_col} = ?1"
        ))?
        .query_row([parent.to_string()], |r| r.get(0))?)
}

impl Store {
    /// The live goals of a partnership: active, not started, achieved, then dropped; within
    /// each, by target date (undated last), then oldest first. Each goal's progress is its
    /// latest entry dated `today` or before: a future-dated entry is not where it stands yet.
    pub fn list_goals(&self, partnership_id: Uuid, today: NaiveDate) -> Result<Vec<GoalSummary>> {
        self.goals_as_of(partnership_id, Some(today))
    }

    /// [`Store::list_goals`], each goal's progress being its latest entry dated `as_of` or
    /// before (a future entry is a plan, not where the goal stands); `None`: the latest.
    pub(crate) fn goals_as_of(
        &self,
        partnership_id: Uuid,
        as_of: Option<NaiveDate>,
    ) -> Result<Vec<GoalSummary>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {}, \
                (SELECT e.value FROM goal_progress e WHERE e.goal_id = g.id AND e.deleted_at IS NULL \
                   AND (?2 IS NULL OR e.recorded_on <= ?2) \
                 ORDER BY e.recorded_on DESC, e.created_at DESC, e.id DESC LIMIT 1), \
                (SELECT count(*) FROM milestone m WHERE m.goal_id = g.id AND m.deleted_at IS NULL AND m.done), \
                (SELECT count(*) FROM milestone m WHERE m.goal_id = g.id AND m.deleted_at IS NULL) \
             FROM goal g WHERE g.partnership_id = ?1 AND {GOAL_LIVE} \
             ORDER BY CASE g.status WHEN 'active' THEN 0 WHEN 'not_started' THEN 1 \
                        WHEN 'achieved' THEN 2 ELSE 3 END, \
                      g.target_on IS NULL, g.target_on, g.created_at, g.id",
            prefixed(GOAL_COLUMNS, "g")
        ))?;
        let rows = stmt
            .query_map(
                params![partnership_id.to_string(), as_of.map(|d| date_text(&d))],
                |r| {
                    Ok(GoalSummary {
                        goal: goal_from_row(r)?,
                        progress: r.get(13)?,
                        milestones_done: r.get(14)?,
                        milestones_total: r.get(15)?,
                    })
                },
            )?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// A live goal with its live milestones (in order) and progress (oldest first).
    pub fn get_goal(&self, id: Uuid) -> Result<GoalDetail> {
        let goal = find_live_goal(&self.conn, id)?;
        let milestones = self
            .conn
            .prepare_cached(&format!(
                "SELECT {MILESTONE_COLUMNS} FROM milestone \
                 WHERE goal_id = ?1 AND deleted_at IS NULL ORDER BY position, id"
            ))?
            .query_map([id.to_string()], milestone_from_row)?
            .collect::<rusqlite::Result<_>>()?;
        let progress = self
            .conn
            .prepare_cached(&format!(
                "SELECT {PROGRESS_COLUMNS} FROM goal_progress \
                 WHERE goal_id = ?1 AND deleted_at IS NULL ORDER BY recorded_on, created_at, id"
            ))?
            .query_map([id.to_string()], progress_from_row)?
            .collect::<rusqlite::Result<_>>()?;
        Ok(GoalDetail {
            goal,
            milestones,
            progress,
        })
    }

    pub fn create_goal(&mut self, partnership_id: Uuid, draft: &GoalDraft) -> Result<Goal> {
        let tx = self.write()?;
        let g = insert_goal(&tx, partnership_id, draft)?;
        tx.commit()?;
        Ok(g)
    }

    pub fn update_goal(&mut self, id: Uuid, draft: &GoalDraft) -> Result<Goal> {
        validate::goal(draft)?;
        let d = clean_goal(draft);
        let tx = self.write()?;
        let old = find_live_goal(&tx, id)?;
        let g = Goal {
            title: d.title,
            description: d.description,
            whose: d.whose,
            direction: d.direction,
            success_criteria: d.success_criteria,
            target_on: d.target_on,
            status: d.status,
            visibility: d.visibility,
            updated_at: time::now(),
            ..old
        };
        put_goal(&tx, &g)?;
        tx.commit()?;
        Ok(g)
    }

    /// Adds a milestone at the end of a live goal's list.
    pub fn create_milestone(&mut self, goal_id: Uuid, draft: &MilestoneDraft) -> Result<Milestone> {
        validate::milestone(draft)?;
        let d = clean_milestone(draft);
        let tx = self.write()?;
        if !goal_is_live(&tx, goal_id)? {
            return Err(not_found("goal", goal_id));
        }
        let now = time::now();
        let m = Milestone {
            id: Uuid::new_v4(),
            goal_id,
            position: next_position(&tx, "milestone", "goal_id", goal_id)?,
            title: d.title,
            due_on: d.due_on,
            done: d.done,
            created_at: now,
            updated_at: now,
            deleted_at: None,
        };
        put_milestone(&tx, &m)?;
        tx.commit()?;
        Ok(m)
    }

    pub fn update_milestone(&mut self, id: Uuid, draft: &MilestoneDraft) -> Result<Milestone> {
        validate::milestone(draft)?;
        let d = clean_milestone(draft);
        let tx = self.write()?;
        let old = find_milestone(&tx, id)?
            .filter(|m| m.deleted_at.is_none())
            .ok_or_else(|| not_found("milestone", id))?;
        if !goal_is_live(&tx, old.goal_id)? {
            return Err(not_found("milestone", id));
        }
        let m = Milestone {
            title: d.title,
            due_on: d.due_on,
            done: d.done,
            updated_at: time::now(),
            ..old
        };
        put_milestone(&tx, &m)?;
        tx.commit()?;
        Ok(m)
    }

    /// Records how far a live goal has come on a day.
    pub fn add_progress(&mut self, goal_id: Uuid, draft: &ProgressDraft) -> Result<ProgressEntry> {
        validate::progress(draft)?;
        let tx = self.write()?;
        if !goal_is_live(&tx, goal_id)? {
            return Err(not_found("goal", goal_id));
        }
        let now = time::now();
        let e = ProgressEntry {
            id: Uuid::new_v4(),
            goal_id,
            recorded_on: draft.recorded_on,
            value: draft.value,
            note: draft.note.clone(),
            created_at: now,
            updated_at: now,
            deleted_at: None,
        };
        put_progress(&tx, &e)?;
        tx.commit()?;
        Ok(e)
    }

    pub fn update_progress(&mut self, id: Uuid, draft: &ProgressDraft) -> Result<ProgressEntry> {
        validate::progress(draft)?;
        let tx = self.write()?;
        let old = find_progress(&tx, id)?
            .filter(|e| e.deleted_at.is_none())
            .ok_or_else(|| not_found("progress entry", id))?;
        if !goal_is_live(&tx, old.goal_id)? {
            return Err(not_found("progress entry", id));
        }
        let e = ProgressEntry {
            recorded_on: draft.recorded_on,
            value: draft.value,
            note: draft.note.clone(),
            updated_at: time::now(),
            ..old
        };
        put_progress(&tx, &e)?;
        tx.commit()?;
        Ok(e)
    }
}
