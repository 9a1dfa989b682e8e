//! TOWS strategies (`tows_strategy`): a pairing of an internal and an external SWOT item
//! of a partnership, and the goal a strategy can become.

use rusqlite::{Connection, OptionalExtension, Row, params};
use uuid::Uuid;

use super::items::{find_item, live_item};
use super::{ensure_live_partnership, not_found, prefixed};
use crate::error::{Error, Result};
use crate::model::{
    Goal, GoalDraft, GoalStatus, LearningDirection, Quadrant, TowsDraft, TowsStrategy, Visibility,
    Whose,
};
use crate::store::{
    Store, enum_text, goals, parse_col, parse_enum, parse_opt, parse_uuid, upsert_sql,
};
use crate::swot::{self, quadrant_label, tows_quadrant};
use crate::time::{self, parse_timestamp, timestamp_text};
use crate::validate::{self, clean_text};

pub(super) const TOWS_COLUMNS: &str = "id, partnership_id, kind, text, internal_item_id, external_item_id, \
     goal_id, created_at, updated_at, deleted_at";

/// A strategy `t` that is out of the trash, in a partnership out of the trash.
const TOWS_LIVE: &str = "t.deleted_at IS NULL AND EXISTS (SELECT 1 FROM partnership p \
     WHERE p.id = t.partnership_id AND p.deleted_at IS NULL)";

pub(super) fn tows_from_row(r: &Row<'_>) -> rusqlite::Result<TowsStrategy> {
    Ok(TowsStrategy {
        id: parse_col(r, 0, parse_uuid)?,
        partnership_id: parse_col(r, 1, parse_uuid)?,
        kind: parse_col(r, 2, parse_enum)?,
        text: r.get(3)?,
        internal_item_id: parse_opt(r, 4, parse_uuid)?,
        external_item_id: parse_opt(r, 5, parse_uuid)?,
        goal_id: parse_opt(r, 6, parse_uuid)?,
        created_at: parse_col(r, 7, parse_timestamp)?,
        updated_at: parse_col(r, 8, parse_timestamp)?,
        deleted_at: parse_opt(r, 9, parse_timestamp)?,
    })
}

pub(super) fn put_tows(conn: &Connection, t: &TowsStrategy) -> Result<()> {
    conn.prepare_cached(&upsert_sql("tows_strategy", TOWS_COLUMNS))?
        .execute(params![
            t.id.to_string(),
            t.partnership_id.to_string(),
            enum_text(&t.kind),
            t.text,
            t.internal_item_id.map(|u| u.to_string()),
            t.external_item_id.map(|u| u.to_string()),
            t.goal_id.map(|u| u.to_string()),
            timestamp_text(&t.created_at),
            timestamp_text(&t.updated_at),
            t.deleted_at.as_ref().map(timestamp_text),
        ])?;
    Ok(())
}

pub(super) fn find_tows(conn: &Connection, id: Uuid) -> Result<Option<TowsStrategy>> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {TOWS_COLUMNS} FROM tows_strategy WHERE id = ?1"
        ))?
        .query_row([id.to_string()], tows_from_row)
        .optional()?)
}

fn live_tows(conn: &Connection, id: Uuid) -> Result<TowsStrategy> {
    conn.prepare_cached(&format!(
        "SELECT {} FROM tows_strategy t WHERE t.id = ?1 AND {TOWS_LIVE}",
        prefixed(TOWS_COLUMNS, "t")
    ))?
    .query_row([id.to_string()], tows_from_row)
    .optional()?
    .ok_or_else(|| not_found("TOWS strategy", id))
}

/// Checks the items a strategy names: a live item of this partnership, from the quadrant
/// its kind needs.
fn check_tows(conn: &Connection, partnership_id: Uuid, draft: &TowsDraft) -> Result<String> {
    let text = clean_text("text", "The strategy", &draft.text)?;
    for (field, id, internal) in [
        ("internal_item_id", draft.internal_item_id, true),
        ("external_item_id", draft.external_item_id, false),
    ] {
        let Some(id) = id else { continue };
        let (item, pid, _) = live_item(conn, id).map_err(|e| match e {
            Error::NotFound { .. } => Error::invalid(
                field,
                "That SWOT item no longer exists (it may be in the trash). Choose another one.",
            ),
            e => e,
        })?;
        if pid != partnership_id {
            return Err(Error::invalid(
                field,
                "That SWOT item belongs to another partnership. Choose one of this partnership's.",
            ));
        }
        let wanted = tows_quadrant(draft.kind, internal);
        if item.quadrant != wanted {
            return Err(Error::invalid(
                field,
                format!(
                    "The {} strategy pairs {} with {}, and \"{}\" is {}.",
                    kind_name(draft.kind),
                    with_article(tows_quadrant(draft.kind, true)),
                    with_article(tows_quadrant(draft.kind, false)),
                    swot::cut_on_word(&item.text, 60),
                    with_article(item.quadrant),
                ),
            ));
        }
    }
    Ok(text)
}

/// "a strength", "an opportunity"...
fn with_article(q: Quadrant) -> String {
    let word = quadrant_label(q).to_lowercase();
    let article = if word.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {word}")
}

fn kind_name(kind: crate::model::TowsKind) -> &'static str {
    use crate::model::TowsKind::*;
    match kind {
        So => "SO",
        St => "ST",
        Wo => "WO",
        Wt => "WT",
    }
}

impl Store {
    /// The live TOWS strategies of a partnership, SO, ST, WO then WT, oldest first.
    pub fn list_tows(&self, partnership_id: Uuid) -> Result<Vec<TowsStrategy>> {
        ensure_live_partnership(&self.conn, partnership_id)?;
        let rows = self
            .conn
            .prepare_cached(&format!(
                "SELECT {} FROM tows_strategy t WHERE t.partnership_id = ?1 AND {TOWS_LIVE} \
                 ORDER BY CASE t.kind WHEN 'so' THEN 0 WHEN 'st' THEN 1 WHEN 'wo' THEN 2 ELSE 3 END, \
                          t.created_at, t.id",
                prefixed(TOWS_COLUMNS, "t")
            ))?
            .query_map([partnership_id.to_string()], tows_from_row)?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    pub fn create_tows(&mut self, partnership_id: Uuid, draft: &TowsDraft) -> Result<TowsStrategy> {
        let tx = self.write()?;
        ensure_live_partnership(&tx, partnership_id)?;
        let text = check_tows(&tx, partnership_id, draft)?;
        let now = time::now();
        let t = TowsStrategy {
            id: Uuid::new_v4(),
            partnership_id,
            kind: draft.kind,
            text,
            internal_item_id: draft.internal_item_id,
            external_item_id: draft.external_item_id,
            goal_id: None,
            created_at: now,
            updated_at: now,
            deleted_at: None,
        };
        put_tows(&tx, &t)?;
        tx.commit()?;
        Ok(t)
    }

    pub fn update_tows(&mut self, id: Uuid, draft: &TowsDraft) -> Result<TowsStrategy> {
        let tx = self.write()?;
        let old = live_tows(&tx, id)?;
        let text = check_tows(&tx, old.partnership_id, draft)?;
        let t = TowsStrategy {
            kind: draft.kind,
            text,
            internal_item_id: draft.internal_item_id,
            external_item_id: draft.external_item_id,
            updated_at: time::now(),
            ..old
        };
        put_tows(&tx, &t)?;
        tx.commit()?;
        Ok(t)
    }

    /// Turns a strategy into an active, shared goal of the partnership (both learn), in one
    /// step: the goal's title is the strategy (cut on a word if long), its description
    /// names the pairing. A strategy already turned into a goal that still exists (out of
    /// the trash) returns that goal instead of making another.
    pub fn tows_to_goal(&mut self, id: Uuid) -> Result<Goal> {
        let tx = self.write()?;
        let t = live_tows(&tx, id)?;
        if let Some(goal_id) = t.goal_id
            && let Some(goal) = goals::find_goal(&tx, goal_id)?
            && goal.deleted_at.is_none()
        {
            return Ok(goal);
        }
        let title = swot::cut_on_word(&t.text, validate::MAX_SHORT_CHARS);
        let mut lines: Vec<String> = Vec::new();
        if title != t.text {
            lines.push(t.text.clone());
        }
        for item_id in [t.internal_item_id, t.external_item_id]
            .into_iter()
            .flatten()
        {
            if let Some(item) = find_item(&tx, item_id)? {
                lines.push(format!("{}: {}", quadrant_label(item.quadrant), item.text));
            }
        }
        if lines.is_empty() {
            lines.push(format!("From a {} strategy.", kind_name(t.kind)));
        }
        let draft = GoalDraft {
            title,
            description: lines.join("\n\n"),
            whose: Whose::Shared,
            direction: LearningDirection::BothLearn,
            success_criteria: String::new(),
            target_on: None,
            status: GoalStatus::Active,
            visibility: Visibility::Private,
        };
        let goal = goals::insert_goal(&tx, t.partnership_id, &draft)?;
        put_tows(
            &tx,
            &TowsStrategy {
                goal_id: Some(goal.id),
                updated_at: time::now(),
                ..t
            },
        )?;
        tx.commit()?;
        Ok(goal)
    }
}
