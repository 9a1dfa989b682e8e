//! The `swot_snapshot`, `swot_item`, `swot_pair_dismissal` and `tows_strategy` tables:
//! both sides' SWOT analyses of a partnership, as dated snapshots of four ordered quadrants
//! (`snapshots.rs`, `items.rs`, links between the two sides included), the automatic pairs
//! the user said are not the same (`pairs.rs`), and the TOWS strategies built on them
//! (`tows.rs`). Here: what they share, and their part of the journal's export and
//! import. The matching logic (shared items, comparisons) is in `crate::swot`.

mod items;
mod pairs;
mod shared;
mod snapshots;
mod tows;

use std::collections::{HashMap, HashSet};

use rusqlite::{Connection, OptionalExtension, Transaction};
use uuid::Uuid;

use self::items::{ITEM_COLUMNS, find_item, item_from_row, put_item};
use self::pairs::{all_dismissals, find_dismissal, put_dismissal};
use self::snapshots::{SNAPSHOT_COLUMNS, find_snapshot, put_snapshot, snapshot_from_row};
use self::tows::{TOWS_COLUMNS, find_tows, put_tows, tows_from_row};
use super::merge::{Tombstones, at, merge, moved, once, orphan, stamps};
use super::partnerships;
use crate::error::{Error, Result};
use crate::journal::{ImportReport, JournalFile};
use crate::model::Side;
use crate::validate::{self, check_date, check_reason, check_snapshot_visibility, clean_text};

fn prefixed(cols: &str, alias: &str) -> String {
    cols.split(',')
        .map(|c| format!("{alias}.{}", c.trim()))
        .collect::<Vec<_>>()
        .join(", ")
}

pub(super) fn ensure_live_partnership(conn: &Connection, id: Uuid) -> Result<()> {
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
    file.swot_pair_dismissals = all_dismissals(conn)?;
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
            .and_then(|()| check_snapshot_visibility(s.side, s.visibility))
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
    // "Not the same": an item of my side and one of my partner's, of one partnership.
    let snapshot_in_file: HashMap<Uuid, (Uuid, Side)> = file
        .swot_snapshots
        .iter()
        .map(|s| (s.id, (s.partnership_id, s.side)))
        .collect();
    let item_in_file: HashMap<Uuid, Uuid> = file
        .swot_items
        .iter()
        .map(|i| (i.id, i.snapshot_id))
        .collect();
    // The partnership and side of an item, from the file or else the journal.
    let whose = |item: Uuid| -> Result<Option<(Uuid, Side)>> {
        let snapshot = match item_in_file.get(&item) {
            Some(s) => *s,
            None => match find_item(tx, item)? {
                Some(found) => found.snapshot_id,
                None => return Ok(None),
            },
        };
        Ok(match snapshot_in_file.get(&snapshot) {
            Some(found) => Some(*found),
            None => find_snapshot(tx, snapshot)?.map(|s| (s.partnership_id, s.side)),
        })
    };
    let mut pairs_seen: HashSet<(Uuid, Uuid)> = HashSet::new();
    for (i, d) in file.swot_pair_dismissals.iter().enumerate() {
        const L: &str = "swot_pair_dismissals";
        validate::timestamps(&d.created_at, &d.updated_at)
            .and_then(|()| validate::optional_timestamp("undone_at", d.undone_at.as_ref()))
            .map_err(|e| at(L, i, e))?;
        if !pairs_seen.insert((d.mine_item_id, d.partner_item_id)) {
            return Err(Error::Import(format!(
                "{L}[{i}]: the pair of {} and {} appears twice",
                d.mine_item_id, d.partner_item_id
            )));
        }
        let mine =
            whose(d.mine_item_id)?.ok_or_else(|| orphan(L, i, "SWOT item", d.mine_item_id))?;
        let partner = whose(d.partner_item_id)?
            .ok_or_else(|| orphan(L, i, "SWOT item", d.partner_item_id))?;
        if mine.1 != Side::Mine || partner.1 != Side::Partner {
            return Err(Error::Import(format!(
                "{L}[{i}]: mine_item_id must be an item of my side and partner_item_id one of my partner's"
            )));
        }
        if mine.0 != partner.0 {
            return Err(Error::Import(format!(
                "{L}[{i}]: the two items belong to different partnerships"
            )));
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
    // Merged like every record (newer wins), by the pair instead of an id.
    for d in &file.swot_pair_dismissals {
        match find_dismissal(tx, d.mine_item_id, d.partner_item_id)? {
            None => {
                put_dismissal(tx, d)?;
                report.added += 1;
            }
            Some(ours) if ours != *d && d.updated_at > ours.updated_at => {
                put_dismissal(tx, d)?;
                report.updated += 1;
            }
            Some(_) => report.unchanged += 1,
        }
    }
    Ok(())
}
