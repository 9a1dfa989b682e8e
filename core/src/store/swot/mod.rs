//! The `swot_snapshot`, `swot_item` and `tows_strategy` tables: both sides' SWOT analyses
//! of a partnership, as dated snapshots of four ordered quadrants (`snapshots.rs`,
//! `items.rs`, links between the two sides included), and the TOWS strategies built on
//! them (`tows.rs`). Here: what they share, and their part of the journal's export and
//! import. The matching logic (shared items, comparisons) is in `crate::swot`.

mod items;
mod snapshots;
mod tows;

use std::collections::HashSet;

use rusqlite::{Connection, OptionalExtension, Transaction};
use uuid::Uuid;

use self::items::{ITEM_COLUMNS, find_item, item_from_row, put_item};
use self::snapshots::{SNAPSHOT_COLUMNS, find_snapshot, put_snapshot, snapshot_from_row};
use self::tows::{TOWS_COLUMNS, find_tows, put_tows, tows_from_row};
use super::merge::{Tombstones, at, merge, moved, once, orphan, stamps};
use super::partnerships;
use crate::error::{Error, Result};
use crate::journal::{ImportReport, JournalFile};
use crate::validate::{check_date, check_reason, clean_text};

fn prefixed(cols: &str, alias: &str) -> String {
    cols.split(',')
        .map(|c| format!("{alias}.{}", c.trim()))
        .collect::<Vec<_>>()
        .join(", ")
}

fn ensure_live_partnership(conn: &Connection, id: Uuid) -> Result<()> {
    let live = conn
        .prepare_cached("SELECT 1 FROM partnership WHERE id = ?1 AND deleted_at IS NULL")?
        .query_row([id.to_string()], |_| Ok(()))
        .optional()?;
    live.ok_or_else(|| not_found("partnership", id))
}

fn not_found(what: &'static str, id: Uuid) -> Error {
    Error::NotFound {
        what,
        id: id.to_string(),
    }
}

/// Sorts quadrants S, W, O, T (as the UI and the export show them).
const QUADRANT_ORDER: &str = "CASE quadrant WHEN 'strengths' THEN 0 WHEN 'weaknesses' THEN 1 \
     WHEN 'opportunities' THEN 2 ELSE 3 END";

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
    gone: &Tombstones,
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
        merge(report, ours, s, gone, |s| put_snapshot(tx, s))?;
    }
    for item in &file.swot_items {
        let ours = find_item(tx, item.id)?;
        merge(report, ours, item, gone, |item| put_item(tx, item))?;
    }
    for t in &file.tows_strategies {
        let ours = find_tows(tx, t.id)?;
        merge(report, ours, t, gone, |t| put_tows(tx, t))?;
    }
    Ok(())
}
