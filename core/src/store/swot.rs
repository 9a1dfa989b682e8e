//! The `swot_snapshot`, `swot_item` and `tows_strategy` tables: both sides' SWOT analyses
//! of a partnership, as dated snapshots of four ordered quadrants, and the TOWS strategies
//! built on them. The matching logic (shared items, comparisons) is in `crate::swot`.
//!
//! Positions: the live items of a quadrant are kept at 0..n by every move here; an item in
//! the trash keeps its old position, so a restored item comes back where it was (a tie is
//! ordered by creation).

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Row, Transaction, params};
use uuid::Uuid;

use super::merge::{at, merge, moved, once, orphan, stamps};
use super::{
    Store, enum_text, goals, parse_col, parse_enum, parse_opt, parse_uuid, partnerships, upsert_sql,
};
use crate::error::{Error, Result};
use crate::journal::{ImportReport, JournalFile};
use crate::model::{
    Goal, GoalDraft, GoalStatus, LearningDirection, Quadrant, Side, SwotBoard, SwotComparison,
    SwotItem, SwotItemDraft, SwotSnapshot, SwotView, TowsDraft, TowsStrategy, Whose,
};
use crate::swot::{self, quadrant_label, tows_quadrant};
use crate::time::{self, date_text, parse_date, parse_timestamp, timestamp_text};
use crate::validate::{self, check_date, check_reason, clean_text};

const SNAPSHOT_COLUMNS: &str =
    "id, partnership_id, side, taken_on, reason, created_at, updated_at, deleted_at";
const ITEM_COLUMNS: &str = "id, snapshot_id, quadrant, position, text, priority, origin_id, \
     link_id, created_at, updated_at, deleted_at";
const TOWS_COLUMNS: &str = "id, partnership_id, kind, text, internal_item_id, external_item_id, \
     goal_id, created_at, updated_at, deleted_at";

/// A snapshot `s` that is out of the trash, in a partnership out of the trash.
const SNAPSHOT_LIVE: &str = "s.deleted_at IS NULL AND EXISTS (SELECT 1 FROM partnership p \
     WHERE p.id = s.partnership_id AND p.deleted_at IS NULL)";
/// An item `i` that is out of the trash, in a live snapshot.
const ITEM_LIVE: &str = "i.deleted_at IS NULL AND EXISTS (SELECT 1 FROM swot_snapshot s \
     JOIN partnership p ON p.id = s.partnership_id \
     WHERE s.id = i.snapshot_id AND s.deleted_at IS NULL AND p.deleted_at IS NULL)";
/// A strategy `t` that is out of the trash, in a partnership out of the trash.
const TOWS_LIVE: &str = "t.deleted_at IS NULL AND EXISTS (SELECT 1 FROM partnership p \
     WHERE p.id = t.partnership_id AND p.deleted_at IS NULL)";

/// Sorts quadrants S, W, O, T (as the UI and the export show them).
const QUADRANT_ORDER: &str = "CASE quadrant WHEN 'strengths' THEN 0 WHEN 'weaknesses' THEN 1 \
     WHEN 'opportunities' THEN 2 ELSE 3 END";

fn prefixed(cols: &str, alias: &str) -> String {
    cols.split(',')
        .map(|c| format!("{alias}.{}", c.trim()))
        .collect::<Vec<_>>()
        .join(", ")
}

fn snapshot_from_row(r: &Row<'_>) -> rusqlite::Result<SwotSnapshot> {
    Ok(SwotSnapshot {
        id: parse_col(r, 0, parse_uuid)?,
        partnership_id: parse_col(r, 1, parse_uuid)?,
        side: parse_col(r, 2, parse_enum)?,
        taken_on: parse_col(r, 3, parse_date)?,
        reason: r.get(4)?,
        created_at: parse_col(r, 5, parse_timestamp)?,
        updated_at: parse_col(r, 6, parse_timestamp)?,
        deleted_at: parse_opt(r, 7, parse_timestamp)?,
    })
}

fn item_from_row(r: &Row<'_>) -> rusqlite::Result<SwotItem> {
    Ok(SwotItem {
        id: parse_col(r, 0, parse_uuid)?,
        snapshot_id: parse_col(r, 1, parse_uuid)?,
        quadrant: parse_col(r, 2, parse_enum)?,
        position: r.get(3)?,
        text: r.get(4)?,
        priority: parse_opt(r, 5, parse_enum)?,
        origin_id: parse_opt(r, 6, parse_uuid)?,
        link_id: parse_opt(r, 7, parse_uuid)?,
        created_at: parse_col(r, 8, parse_timestamp)?,
        updated_at: parse_col(r, 9, parse_timestamp)?,
        deleted_at: parse_opt(r, 10, parse_timestamp)?,
    })
}

fn tows_from_row(r: &Row<'_>) -> rusqlite::Result<TowsStrategy> {
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

/// Inserts or updates one snapshot, exactly as given (timestamps included).
fn put_snapshot(conn: &Connection, s: &SwotSnapshot) -> Result<()> {
    conn.prepare_cached(&upsert_sql("swot_snapshot", SNAPSHOT_COLUMNS))?
        .execute(params![
            s.id.to_string(),
            s.partnership_id.to_string(),
            enum_text(&s.side),
            date_text(&s.taken_on),
            s.reason,
            timestamp_text(&s.created_at),
            timestamp_text(&s.updated_at),
            s.deleted_at.as_ref().map(timestamp_text),
        ])?;
    Ok(())
}

fn put_item(conn: &Connection, i: &SwotItem) -> Result<()> {
    conn.prepare_cached(&upsert_sql("swot_item", ITEM_COLUMNS))?
        .execute(params![
            i.id.to_string(),
            i.snapshot_id.to_string(),
            enum_text(&i.quadrant),
            i.position,
            i.text,
            i.priority.as_ref().map(enum_text),
            i.origin_id.map(|u| u.to_string()),
            i.link_id.map(|u| u.to_string()),
            timestamp_text(&i.created_at),
            timestamp_text(&i.updated_at),
            i.deleted_at.as_ref().map(timestamp_text),
        ])?;
    Ok(())
}

fn put_tows(conn: &Connection, t: &TowsStrategy) -> Result<()> {
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

fn find_snapshot(conn: &Connection, id: Uuid) -> Result<Option<SwotSnapshot>> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {SNAPSHOT_COLUMNS} FROM swot_snapshot WHERE id = ?1"
        ))?
        .query_row([id.to_string()], snapshot_from_row)
        .optional()?)
}

fn find_item(conn: &Connection, id: Uuid) -> Result<Option<SwotItem>> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {ITEM_COLUMNS} FROM swot_item WHERE id = ?1"
        ))?
        .query_row([id.to_string()], item_from_row)
        .optional()?)
}

fn find_tows(conn: &Connection, id: Uuid) -> Result<Option<TowsStrategy>> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {TOWS_COLUMNS} FROM tows_strategy WHERE id = ?1"
        ))?
        .query_row([id.to_string()], tows_from_row)
        .optional()?)
}

fn live_snapshot(conn: &Connection, id: Uuid) -> Result<SwotSnapshot> {
    conn.prepare_cached(&format!(
        "SELECT {} FROM swot_snapshot s WHERE s.id = ?1 AND {SNAPSHOT_LIVE}",
        prefixed(SNAPSHOT_COLUMNS, "s")
    ))?
    .query_row([id.to_string()], snapshot_from_row)
    .optional()?
    .ok_or_else(|| not_found("SWOT snapshot", id))
}

/// A live item, with the partnership and side of its snapshot.
fn live_item(conn: &Connection, id: Uuid) -> Result<(SwotItem, Uuid, Side)> {
    conn.prepare_cached(&format!(
        "SELECT {}, s.partnership_id, s.side FROM swot_item i \
         JOIN swot_snapshot s ON s.id = i.snapshot_id WHERE i.id = ?1 AND {ITEM_LIVE}",
        prefixed(ITEM_COLUMNS, "i")
    ))?
    .query_row([id.to_string()], |r| {
        Ok((
            item_from_row(r)?,
            parse_col(r, 11, parse_uuid)?,
            parse_col(r, 12, parse_enum)?,
        ))
    })
    .optional()?
    .ok_or_else(|| not_found("SWOT item", id))
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

fn ensure_live_partnership(conn: &Connection, id: Uuid) -> Result<()> {
    let live = conn
        .prepare_cached("SELECT 1 FROM partnership WHERE id = ?1 AND deleted_at IS NULL")?
        .query_row([id.to_string()], |_| Ok(()))
        .optional()?;
    live.ok_or_else(|| not_found("partnership", id))
}

/// The live items of a snapshot, quadrant by quadrant (S, W, O, T), each in order.
fn live_items(conn: &Connection, snapshot_id: Uuid) -> Result<Vec<SwotItem>> {
    let mut items: Vec<SwotItem> = conn
        .prepare_cached(&format!(
            "SELECT {ITEM_COLUMNS} FROM swot_item WHERE snapshot_id = ?1 AND deleted_at IS NULL"
        ))?
        .query_map([snapshot_id.to_string()], item_from_row)?
        .collect::<rusqlite::Result<_>>()?;
    items.sort_by(|a, b| {
        (a.quadrant, a.position, a.created_at, a.id).cmp(&(
            b.quadrant,
            b.position,
            b.created_at,
            b.id,
        ))
    });
    Ok(items)
}

fn quadrant_items(conn: &Connection, snapshot_id: Uuid, q: Quadrant) -> Result<Vec<SwotItem>> {
    Ok(live_items(conn, snapshot_id)?
        .into_iter()
        .filter(|i| i.quadrant == q)
        .collect())
}

fn view(conn: &Connection, snapshot: SwotSnapshot) -> Result<SwotView> {
    let items = live_items(conn, snapshot.id)?;
    Ok(SwotView { snapshot, items })
}

/// The live snapshots of a partnership (one side or both), newest first.
fn snapshots_of(
    conn: &Connection,
    partnership_id: Uuid,
    side: Option<Side>,
) -> Result<Vec<SwotSnapshot>> {
    let rows = conn
        .prepare_cached(&format!(
            "SELECT {} FROM swot_snapshot s \
             WHERE s.partnership_id = ?1 AND (?2 IS NULL OR s.side = ?2) AND {SNAPSHOT_LIVE} \
             ORDER BY s.taken_on DESC, s.created_at DESC, s.id DESC",
            prefixed(SNAPSHOT_COLUMNS, "s")
        ))?
        .query_map(
            params![partnership_id.to_string(), side.as_ref().map(enum_text)],
            snapshot_from_row,
        )?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// The position after the last live item of a quadrant.
fn next_position(conn: &Connection, snapshot_id: Uuid, q: Quadrant) -> Result<u32> {
    Ok(conn
        .prepare_cached(
            "SELECT coalesce(max(position) + 1, 0) FROM swot_item \
             WHERE snapshot_id = ?1 AND quadrant = ?2 AND deleted_at IS NULL",
        )?
        .query_row(params![snapshot_id.to_string(), enum_text(&q)], |r| {
            r.get(0)
        })?)
}

/// Puts `items` at positions 0..n of quadrant `q`, touching only the rows that change.
fn renumber(conn: &Connection, q: Quadrant, items: &[SwotItem]) -> Result<()> {
    let now = timestamp_text(&time::now());
    let mut stmt = conn.prepare_cached(
        "UPDATE swot_item SET quadrant = ?2, position = ?3, updated_at = ?4 WHERE id = ?1",
    )?;
    for (pos, item) in items.iter().enumerate() {
        let pos = u32::try_from(pos).unwrap_or(u32::MAX);
        if item.position != pos || item.quadrant != q {
            stmt.execute(params![item.id.to_string(), enum_text(&q), pos, now])?;
        }
    }
    Ok(())
}

fn not_found(what: &'static str, id: Uuid) -> Error {
    Error::NotFound {
        what,
        id: id.to_string(),
    }
}

fn side_label(side: Side) -> &'static str {
    match side {
        Side::Mine => "yours",
        Side::Partner => "your partner's",
    }
}

/// The snapshot chosen for one side of the board, or that side's latest.
fn board_side(
    conn: &Connection,
    partnership_id: Uuid,
    side: Side,
    chosen: Option<Uuid>,
    field: &str,
) -> Result<Option<SwotView>> {
    let snapshot = match chosen {
        Some(id) => {
            let s = live_snapshot(conn, id)?;
            if s.partnership_id != partnership_id {
                return Err(Error::invalid(
                    field,
                    "That snapshot belongs to another partnership.",
                ));
            }
            if s.side != side {
                return Err(Error::invalid(
                    field,
                    format!(
                        "That snapshot is {}, not {}.",
                        side_label(s.side),
                        side_label(side)
                    ),
                ));
            }
            Some(s)
        }
        None => snapshots_of(conn, partnership_id, Some(side))?
            .into_iter()
            .next(),
    };
    snapshot.map(|s| view(conn, s)).transpose()
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
    /// The side-by-side SWOT of a partnership: the latest snapshot of each side (or the ones
    /// chosen), the items they share, and every snapshot of both sides, newest first.
    pub fn swot_board(
        &self,
        partnership_id: Uuid,
        mine_snapshot: Option<Uuid>,
        partner_snapshot: Option<Uuid>,
    ) -> Result<SwotBoard> {
        ensure_live_partnership(&self.conn, partnership_id)?;
        let mine = board_side(
            &self.conn,
            partnership_id,
            Side::Mine,
            mine_snapshot,
            "mine_snapshot",
        )?;
        let partner = board_side(
            &self.conn,
            partnership_id,
            Side::Partner,
            partner_snapshot,
            "partner_snapshot",
        )?;
        let shared = match (&mine, &partner) {
            (Some(m), Some(p)) => swot::shared_pairs(&m.items, &p.items),
            _ => Vec::new(),
        };
        Ok(SwotBoard {
            mine,
            partner,
            shared,
            snapshots: snapshots_of(&self.conn, partnership_id, None)?,
        })
    }

    /// Starts a new snapshot of one side, with the items of that side's latest snapshot
    /// copied forward (each remembering the item it was copied from; links to the other
    /// side are not copied). The first snapshot of a side starts empty.
    pub fn start_snapshot(
        &mut self,
        partnership_id: Uuid,
        side: Side,
        taken_on: NaiveDate,
        reason: &str,
    ) -> Result<SwotView> {
        check_date("taken_on", taken_on)?;
        let reason = check_reason(reason)?;
        let tx = self.write()?;
        ensure_live_partnership(&tx, partnership_id)?;
        let latest = snapshots_of(&tx, partnership_id, Some(side))?
            .into_iter()
            .next();
        let now = time::now();
        let snapshot = SwotSnapshot {
            id: Uuid::new_v4(),
            partnership_id,
            side,
            taken_on,
            reason,
            created_at: now,
            updated_at: now,
            deleted_at: None,
        };
        put_snapshot(&tx, &snapshot)?;
        if let Some(latest) = latest {
            let mut counts: HashMap<Quadrant, u32> = HashMap::new();
            for old in live_items(&tx, latest.id)? {
                let position = counts.entry(old.quadrant).or_insert(0);
                put_item(
                    &tx,
                    &SwotItem {
                        id: Uuid::new_v4(),
                        snapshot_id: snapshot.id,
                        position: *position,
                        origin_id: Some(old.id),
                        link_id: None,
                        created_at: now,
                        updated_at: now,
                        deleted_at: None,
                        ..old
                    },
                )?;
                *position += 1;
            }
        }
        let v = view(&tx, snapshot)?;
        tx.commit()?;
        Ok(v)
    }

    /// Changes a snapshot's date and reason.
    pub fn update_snapshot(
        &mut self,
        id: Uuid,
        taken_on: NaiveDate,
        reason: &str,
    ) -> Result<SwotSnapshot> {
        check_date("taken_on", taken_on)?;
        let reason = check_reason(reason)?;
        let tx = self.write()?;
        let old = live_snapshot(&tx, id)?;
        let s = SwotSnapshot {
            taken_on,
            reason,
            updated_at: time::now(),
            ..old
        };
        put_snapshot(&tx, &s)?;
        tx.commit()?;
        Ok(s)
    }

    /// Adds an item at the end of its quadrant.
    pub fn add_swot_item(&mut self, snapshot_id: Uuid, draft: &SwotItemDraft) -> Result<SwotItem> {
        let text = clean_text("text", "The item", &draft.text)?;
        let tx = self.write()?;
        live_snapshot(&tx, snapshot_id)?;
        let now = time::now();
        let item = SwotItem {
            id: Uuid::new_v4(),
            snapshot_id,
            quadrant: draft.quadrant,
            position: next_position(&tx, snapshot_id, draft.quadrant)?,
            text,
            priority: draft.priority,
            origin_id: None,
            link_id: None,
            created_at: now,
            updated_at: now,
            deleted_at: None,
        };
        put_item(&tx, &item)?;
        tx.commit()?;
        Ok(item)
    }

    /// Edits an item. Moved to another quadrant, it goes to the end of that one, and the
    /// items after it in the old one close up.
    pub fn update_swot_item(&mut self, id: Uuid, draft: &SwotItemDraft) -> Result<SwotItem> {
        let text = clean_text("text", "The item", &draft.text)?;
        let tx = self.write()?;
        let (old, _, _) = live_item(&tx, id)?;
        let moved = old.quadrant != draft.quadrant;
        let position = if moved {
            next_position(&tx, old.snapshot_id, draft.quadrant)?
        } else {
            old.position
        };
        let item = SwotItem {
            quadrant: draft.quadrant,
            position,
            text,
            priority: draft.priority,
            updated_at: time::now(),
            ..old.clone()
        };
        put_item(&tx, &item)?;
        if moved {
            let rest = quadrant_items(&tx, old.snapshot_id, old.quadrant)?;
            renumber(&tx, old.quadrant, &rest)?;
        }
        tx.commit()?;
        Ok(item)
    }

    /// Moves an item to `position` (counted among the live items, clamped to the end) of
    /// `quadrant` in the same snapshot. Both quadrants it touches end up at 0..n.
    pub fn move_swot_item(
        &mut self,
        id: Uuid,
        quadrant: Quadrant,
        position: u32,
    ) -> Result<SwotView> {
        let tx = self.write()?;
        let (item, _, _) = live_item(&tx, id)?;
        let mut target: Vec<SwotItem> = quadrant_items(&tx, item.snapshot_id, quadrant)?
            .into_iter()
            .filter(|i| i.id != id)
            .collect();
        let at = usize::try_from(position)
            .unwrap_or(usize::MAX)
            .min(target.len());
        target.insert(at, item.clone());
        renumber(&tx, quadrant, &target)?;
        if item.quadrant != quadrant {
            let rest = quadrant_items(&tx, item.snapshot_id, item.quadrant)?;
            renumber(&tx, item.quadrant, &rest)?;
        }
        let v = view(&tx, live_snapshot(&tx, item.snapshot_id)?)?;
        tx.commit()?;
        Ok(v)
    }

    /// Links an item with one on the other side of the same partnership, both ways (each
    /// item has at most one link: earlier links of either are undone); `None` unlinks it.
    pub fn link_swot_items(&mut self, id: Uuid, other: Option<Uuid>) -> Result<()> {
        let tx = self.write()?;
        let (item, pid, side) = live_item(&tx, id)?;
        let now = timestamp_text(&time::now());
        // Undoes `of`'s link, on both items.
        let unlink = |of: &SwotItem| -> Result<()> {
            tx.prepare_cached(
                "UPDATE swot_item SET link_id = NULL, updated_at = ?2 \
                 WHERE (id = ?1 OR link_id = ?1) AND link_id IS NOT NULL",
            )?
            .execute(params![of.id.to_string(), now])?;
            Ok(())
        };
        match other {
            None => unlink(&item)?,
            Some(other_id) => {
                let (other, other_pid, other_side) = live_item(&tx, other_id)?;
                if other_pid != pid {
                    return Err(Error::invalid(
                        "link_id",
                        "Only items of the same partnership can be linked.",
                    ));
                }
                if other_side == side {
                    return Err(Error::invalid(
                        "link_id",
                        "Both items are on the same side. Link an item of yours with one of your partner's.",
                    ));
                }
                if item.link_id != Some(other.id) || other.link_id != Some(item.id) {
                    unlink(&item)?;
                    unlink(&other)?;
                    let mut stmt = tx.prepare_cached(
                        "UPDATE swot_item SET link_id = ?2, updated_at = ?3 WHERE id = ?1",
                    )?;
                    stmt.execute(params![item.id.to_string(), other.id.to_string(), now])?;
                    stmt.execute(params![other.id.to_string(), item.id.to_string(), now])?;
                }
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// One side's earlier snapshot against a later one: what was added, removed, kept in
    /// its quadrant, or moved to another. Items are matched by their copy history first,
    /// then by the same wording.
    pub fn compare_snapshots(&self, before_id: Uuid, after_id: Uuid) -> Result<SwotComparison> {
        let before = live_snapshot(&self.conn, before_id)?;
        let after = live_snapshot(&self.conn, after_id)?;
        if before.partnership_id != after.partnership_id {
            return Err(Error::invalid(
                "after_id",
                "These snapshots belong to different partnerships; compare two snapshots of the same SWOT.",
            ));
        }
        if before.side != after.side {
            return Err(Error::invalid(
                "after_id",
                "One snapshot is yours and the other your partner's. Compare two snapshots of the same side (the side-by-side view shows both sides).",
            ));
        }
        let origin: HashMap<Uuid, Uuid> = self
            .conn
            .prepare_cached(
                "SELECT i.id, i.origin_id FROM swot_item i \
                 JOIN swot_snapshot s ON s.id = i.snapshot_id \
                 WHERE s.partnership_id = ?1 AND s.side = ?2 AND i.origin_id IS NOT NULL",
            )?
            .query_map(
                params![before.partnership_id.to_string(), enum_text(&before.side)],
                |r| Ok((parse_col(r, 0, parse_uuid)?, parse_col(r, 1, parse_uuid)?)),
            )?
            .collect::<rusqlite::Result<_>>()?;
        let before_items = live_items(&self.conn, before.id)?;
        let after_items = live_items(&self.conn, after.id)?;
        Ok(swot::compare(
            before,
            after,
            before_items,
            after_items,
            &origin,
        ))
    }

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
        let title = swot::cut_on_word(&t.text, validate::MAX_SHORT);
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

/// Every SWOT row of the journal, trashed ones included, in a stable order.
pub(super) fn export_into(conn: &Connection, file: &mut JournalFile) -> Result<()> {
    file.swot_snapshots = conn
        .prepare_cached(&format!(
            "SELECT {SNAPSHOT_COLUMNS} FROM swot_snapshot \
             ORDER BY partnership_id, side, taken_on, created_at, id"
        ))?
        .query_map([], snapshot_from_row)?
        .collect::<rusqlite::Result<_>>()?;
    file.swot_items = conn
        .prepare_cached(&format!(
            "SELECT {ITEM_COLUMNS} FROM swot_item \
             ORDER BY snapshot_id, {QUADRANT_ORDER}, position, created_at, id"
        ))?
        .query_map([], item_from_row)?
        .collect::<rusqlite::Result<_>>()?;
    file.tows_strategies = conn
        .prepare_cached(&format!(
            "SELECT {TOWS_COLUMNS} FROM tows_strategy ORDER BY partnership_id, created_at, id"
        ))?
        .query_map([], tows_from_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(())
}

/// Validates the SWOT part of an export, then merges it (newer wins, by `updated_at`).
/// Runs inside the import's transaction, after partnerships (snapshots need them) and
/// goals; `ids` holds every id already seen in the file.
pub(super) fn import_from(
    tx: &Transaction<'_>,
    file: &JournalFile,
    report: &mut ImportReport,
    ids: &mut HashSet<Uuid>,
) -> Result<()> {
    let partnerships_in_file: HashSet<Uuid> = file.partnerships.iter().map(|p| p.id).collect();
    let partnership_known = |id: Uuid| -> Result<bool> {
        Ok(partnerships_in_file.contains(&id) || partnerships::find(tx, id)?.is_some())
    };

    // Everything is checked before anything is written.
    let mut snapshots_in_file: HashSet<Uuid> = HashSet::new();
    for (i, s) in file.swot_snapshots.iter().enumerate() {
        const L: &str = "swot_snapshots";
        stamps(s)
            .and_then(|()| check_date("taken_on", s.taken_on))
            .and_then(|()| check_reason(&s.reason).map(drop))
            .map_err(|e| at(L, i, e))?;
        once(ids, L, i, s)?;
        snapshots_in_file.insert(s.id);
        if !partnership_known(s.partnership_id)? {
            return Err(orphan(L, i, "partnership", s.partnership_id));
        }
        if let Some(o) = find_snapshot(tx, s.id)?
            && (o.partnership_id != s.partnership_id || o.side != s.side)
        {
            return Err(moved(L, i, "snapshot", s.id, "partnership or side"));
        }
    }
    for (i, item) in file.swot_items.iter().enumerate() {
        const L: &str = "swot_items";
        stamps(item)
            .and_then(|()| clean_text("text", "The item", &item.text).map(drop))
            .map_err(|e| at(L, i, e))?;
        once(ids, L, i, item)?;
        if !snapshots_in_file.contains(&item.snapshot_id)
            && find_snapshot(tx, item.snapshot_id)?.is_none()
        {
            return Err(orphan(L, i, "SWOT snapshot", item.snapshot_id));
        }
        if let Some(o) = find_item(tx, item.id)?
            && o.snapshot_id != item.snapshot_id
        {
            return Err(moved(L, i, "SWOT item", item.id, "snapshot"));
        }
    }
    for (i, t) in file.tows_strategies.iter().enumerate() {
        const L: &str = "tows_strategies";
        stamps(t)
            .and_then(|()| clean_text("text", "The strategy", &t.text).map(drop))
            .map_err(|e| at(L, i, e))?;
        once(ids, L, i, t)?;
        if !partnership_known(t.partnership_id)? {
            return Err(orphan(L, i, "partnership", t.partnership_id));
        }
        if let Some(o) = find_tows(tx, t.id)?
            && o.partnership_id != t.partnership_id
        {
            return Err(moved(L, i, "TOWS strategy", t.id, "partnership"));
        }
    }

    for s in &file.swot_snapshots {
        let ours = find_snapshot(tx, s.id)?;
        merge(report, ours, s, |s| put_snapshot(tx, s))?;
    }
    for item in &file.swot_items {
        let ours = find_item(tx, item.id)?;
        merge(report, ours, item, |item| put_item(tx, item))?;
    }
    for t in &file.tows_strategies {
        let ours = find_tows(tx, t.id)?;
        merge(report, ours, t, |t| put_tows(tx, t))?;
    }
    Ok(())
}
