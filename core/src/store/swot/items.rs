//! SWOT items (`swot_item`): the ordered items of a snapshot's four quadrants, their moves,
//! and the links between an item of each side.
//!
//! Positions: the live items of a quadrant are kept at 0..n by every move here; an item in
//! the trash keeps its old position, so a restored item comes back where it was (a tie is
//! ordered by creation).

use rusqlite::{Connection, OptionalExtension, Row, params};
use uuid::Uuid;

use super::pairs::withdraw;
use super::snapshots::{live_snapshot, view};
use super::{not_found, prefixed};
use crate::error::{Error, Result};
use crate::model::{Quadrant, Side, SwotItem, SwotItemDraft, SwotView};
use crate::store::{Store, enum_text, parse_col, parse_enum, parse_opt, parse_uuid, upsert_sql};
use crate::time::{self, parse_timestamp, timestamp_text};
use crate::validate::clean_text;

pub(super) const ITEM_COLUMNS: &str = "id, snapshot_id, quadrant, position, text, priority, origin_id, \
     link_id, created_at, updated_at, deleted_at";

/// An item `i` that is out of the trash, in a live snapshot.
const ITEM_LIVE: &str = "i.deleted_at IS NULL AND EXISTS (SELECT 1 FROM swot_snapshot s \
     JOIN partnership p ON p.id = s.partnership_id \
     WHERE s.id = i.snapshot_id AND s.deleted_at IS NULL AND p.deleted_at IS NULL)";

pub(super) fn item_from_row(r: &Row<'_>) -> rusqlite::Result<SwotItem> {
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

pub(super) fn put_item(conn: &Connection, i: &SwotItem) -> Result<()> {
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

pub(super) fn find_item(conn: &Connection, id: Uuid) -> Result<Option<SwotItem>> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {ITEM_COLUMNS} FROM swot_item WHERE id = ?1"
        ))?
        .query_row([id.to_string()], item_from_row)
        .optional()?)
}

/// A live item, with the partnership and side of its snapshot.
pub(super) fn live_item(conn: &Connection, id: Uuid) -> Result<(SwotItem, Uuid, Side)> {
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

/// The live items of a snapshot, quadrant by quadrant (S, W, O, T), each in order.
pub(super) fn live_items(conn: &Connection, snapshot_id: Uuid) -> Result<Vec<SwotItem>> {
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

/// Adds an item at the end of its quadrant of a live snapshot (inside the caller's
/// transaction).
pub(super) fn add_item(
    conn: &Connection,
    snapshot_id: Uuid,
    draft: &SwotItemDraft,
) -> Result<SwotItem> {
    let text = clean_text("text", "The item", &draft.text)?;
    live_snapshot(conn, snapshot_id)?;
    let now = time::now();
    let item = SwotItem {
        id: Uuid::new_v4(),
        snapshot_id,
        quadrant: draft.quadrant,
        position: next_position(conn, snapshot_id, draft.quadrant)?,
        text,
        priority: draft.priority,
        origin_id: None,
        link_id: None,
        created_at: now,
        updated_at: now,
        deleted_at: None,
    };
    put_item(conn, &item)?;
    Ok(item)
}

impl Store {
    /// Adds an item at the end of its quadrant.
    pub fn add_swot_item(&mut self, snapshot_id: Uuid, draft: &SwotItemDraft) -> Result<SwotItem> {
        let tx = self.write()?;
        let item = add_item(&tx, snapshot_id, draft)?;
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
    /// item has at most one link: earlier links of either are undone, and so is a "not the
    /// same" between the two); `None` unlinks it.
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
                // Linked, they are the same: a "not the same" between them is undone.
                let (mine, partner) = if side == Side::Mine {
                    (item.id, other.id)
                } else {
                    (other.id, item.id)
                };
                withdraw(&tx, mine, partner, &time::now())?;
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
}
