//! SWOT snapshots (`swot_snapshot`): one side's dated analysis of a partnership, started
//! with the items of that side's latest copied forward; the side-by-side board and the
//! comparison of two snapshots of one side.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Row, params};
use uuid::Uuid;

use super::items::{live_items, put_item};
use super::pairs::{copy_forward, dismissed_between};
use super::{ensure_live_partnership, not_found, prefixed};
use crate::error::{Error, Result};
use crate::model::{
    Quadrant, Side, SwotBoard, SwotComparison, SwotItem, SwotSnapshot, SwotView, Visibility,
};
use crate::store::{Store, enum_text, parse_col, parse_enum, parse_opt, parse_uuid, upsert_sql};
use crate::swot;
use crate::time::{self, date_text, parse_date, parse_timestamp, timestamp_text};
use crate::validate::{check_date, check_reason, check_snapshot_visibility};

pub(super) const SNAPSHOT_COLUMNS: &str =
    "id, partnership_id, side, taken_on, reason, visibility, created_at, updated_at, deleted_at";

/// A snapshot `s` that is out of the trash, in a partnership out of the trash.
const SNAPSHOT_LIVE: &str = "s.deleted_at IS NULL AND EXISTS (SELECT 1 FROM partnership p \
     WHERE p.id = s.partnership_id AND p.deleted_at IS NULL)";

pub(super) fn snapshot_from_row(r: &Row<'_>) -> rusqlite::Result<SwotSnapshot> {
    Ok(SwotSnapshot {
        id: parse_col(r, 0, parse_uuid)?,
        partnership_id: parse_col(r, 1, parse_uuid)?,
        side: parse_col(r, 2, parse_enum)?,
        taken_on: parse_col(r, 3, parse_date)?,
        reason: r.get(4)?,
        visibility: parse_col(r, 5, parse_enum)?,
        created_at: parse_col(r, 6, parse_timestamp)?,
        updated_at: parse_col(r, 7, parse_timestamp)?,
        deleted_at: parse_opt(r, 8, parse_timestamp)?,
    })
}

/// Inserts or updates one snapshot, exactly as given (timestamps included).
pub(super) fn put_snapshot(conn: &Connection, s: &SwotSnapshot) -> Result<()> {
    conn.prepare_cached(&upsert_sql("swot_snapshot", SNAPSHOT_COLUMNS))?
        .execute(params![
            s.id.to_string(),
            s.partnership_id.to_string(),
            enum_text(&s.side),
            date_text(&s.taken_on),
            s.reason,
            enum_text(&s.visibility),
            timestamp_text(&s.created_at),
            timestamp_text(&s.updated_at),
            s.deleted_at.as_ref().map(timestamp_text),
        ])?;
    Ok(())
}

pub(super) fn find_snapshot(conn: &Connection, id: Uuid) -> Result<Option<SwotSnapshot>> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {SNAPSHOT_COLUMNS} FROM swot_snapshot WHERE id = ?1"
        ))?
        .query_row([id.to_string()], snapshot_from_row)
        .optional()?)
}

pub(super) fn live_snapshot(conn: &Connection, id: Uuid) -> Result<SwotSnapshot> {
    conn.prepare_cached(&format!(
        "SELECT {} FROM swot_snapshot s WHERE s.id = ?1 AND {SNAPSHOT_LIVE}",
        prefixed(SNAPSHOT_COLUMNS, "s")
    ))?
    .query_row([id.to_string()], snapshot_from_row)
    .optional()?
    .ok_or_else(|| not_found("SWOT snapshot", id))
}

pub(super) fn view(conn: &Connection, snapshot: SwotSnapshot) -> Result<SwotView> {
    let items = live_items(conn, snapshot.id)?;
    Ok(SwotView { snapshot, items })
}

/// The live snapshots of a partnership (one side or both), newest first.
pub(super) fn snapshots_of(
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

fn side_label(side: Side) -> &'static str {
    match side {
        Side::Mine => "yours",
        Side::Partner => "your partner's",
    }
}

/// The current one of a side's snapshots (`all`, newest first) on `today`: the latest taken
/// `today` or before (a snapshot dated later is not current yet), else the earliest of
/// those dated later.
pub(super) fn current_of(all: Vec<SwotSnapshot>, today: NaiveDate) -> Option<SwotSnapshot> {
    let current = all.iter().position(|s| s.taken_on <= today);
    match current {
        Some(i) => all.into_iter().nth(i),
        None => all.into_iter().last(),
    }
}

/// The snapshot chosen for one side of the board, or that side's current one: the latest
/// taken `today` or before (a snapshot dated later is not current yet), else the earliest
/// of those dated later.
pub(super) fn board_side(
    conn: &Connection,
    partnership_id: Uuid,
    side: Side,
    chosen: Option<Uuid>,
    field: &str,
    today: NaiveDate,
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
        None => current_of(snapshots_of(conn, partnership_id, Some(side))?, today),
    };
    snapshot.map(|s| view(conn, s)).transpose()
}

/// [`Store::start_snapshot`] inside the caller's transaction.
pub(super) fn start_in(
    tx: &Connection,
    partnership_id: Uuid,
    side: Side,
    taken_on: NaiveDate,
    reason: &str,
    visibility: Visibility,
) -> Result<SwotView> {
    check_date("taken_on", taken_on)?;
    let reason = check_reason(reason)?;
    check_snapshot_visibility(side, visibility)?;
    ensure_live_partnership(tx, partnership_id)?;
    let latest = snapshots_of(tx, partnership_id, Some(side))?
        .into_iter()
        .next();
    let now = time::now();
    let snapshot = SwotSnapshot {
        id: Uuid::new_v4(),
        partnership_id,
        side,
        taken_on,
        reason,
        visibility,
        created_at: now,
        updated_at: now,
        deleted_at: None,
    };
    put_snapshot(tx, &snapshot)?;
    if let Some(latest) = latest {
        let mut counts: HashMap<Quadrant, u32> = HashMap::new();
        let mut copies: Vec<(Uuid, Uuid)> = Vec::new();
        for old in live_items(tx, latest.id)? {
            let position = counts.entry(old.quadrant).or_insert(0);
            let id = Uuid::new_v4();
            copies.push((old.id, id));
            put_item(
                tx,
                &SwotItem {
                    id,
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
        copy_forward(tx, side, &copies, &now)?;
    }
    view(tx, snapshot)
}

impl Store {
    /// The side-by-side SWOT of a partnership: the current snapshot of each side (the latest
    /// taken by `today`; or the ones chosen), the items they share, and every snapshot of
    /// both sides, newest first.
    pub fn swot_board(
        &self,
        partnership_id: Uuid,
        mine_snapshot: Option<Uuid>,
        partner_snapshot: Option<Uuid>,
        today: NaiveDate,
    ) -> Result<SwotBoard> {
        ensure_live_partnership(&self.conn, partnership_id)?;
        let mine = board_side(
            &self.conn,
            partnership_id,
            Side::Mine,
            mine_snapshot,
            "mine_snapshot",
            today,
        )?;
        let partner = board_side(
            &self.conn,
            partnership_id,
            Side::Partner,
            partner_snapshot,
            "partner_snapshot",
            today,
        )?;
        let shared = match (&mine, &partner) {
            (Some(m), Some(p)) => swot::shared_pairs(
                &m.items,
                &p.items,
                &dismissed_between(&self.conn, m.snapshot.id, p.snapshot.id)?,
            ),
            _ => Vec::new(),
        };
        Ok(SwotBoard {
            mine,
            partner,
            shared,
            snapshots: snapshots_of(&self.conn, partnership_id, None)?,
            partner_shared: super::shared::offer(&self.conn, partnership_id)?,
        })
    }

    /// Starts a new, private snapshot of one side, with the items of that side's latest
    /// snapshot copied forward (each remembering the item it was copied from; links to the
    /// other side are not copied, but "not the same" is: a copy is not paired with what its
    /// original was said not to be). The first snapshot of a side starts empty.
    pub fn start_snapshot(
        &mut self,
        partnership_id: Uuid,
        side: Side,
        taken_on: NaiveDate,
        reason: &str,
    ) -> Result<SwotView> {
        self.start_snapshot_with(partnership_id, side, taken_on, reason, Visibility::Private)
    }

    /// [`Store::start_snapshot`] with its visibility: only a snapshot of my own side may be
    /// shared (the new snapshot does not take the previous one's: it is shared when asked).
    pub fn start_snapshot_with(
        &mut self,
        partnership_id: Uuid,
        side: Side,
        taken_on: NaiveDate,
        reason: &str,
        visibility: Visibility,
    ) -> Result<SwotView> {
        let tx = self.write()?;
        let v = start_in(&tx, partnership_id, side, taken_on, reason, visibility)?;
        tx.commit()?;
        Ok(v)
    }

    /// Changes a snapshot's date and reason (its visibility stays as it is).
    pub fn update_snapshot(
        &mut self,
        id: Uuid,
        taken_on: NaiveDate,
        reason: &str,
    ) -> Result<SwotSnapshot> {
        self.update_snapshot_with(id, taken_on, reason, None)
    }

    /// Changes a snapshot's date, reason and, unless `None`, its visibility: only a snapshot
    /// of my own side may be shared.
    pub fn update_snapshot_with(
        &mut self,
        id: Uuid,
        taken_on: NaiveDate,
        reason: &str,
        visibility: Option<Visibility>,
    ) -> Result<SwotSnapshot> {
        check_date("taken_on", taken_on)?;
        let reason = check_reason(reason)?;
        let tx = self.write()?;
        let old = live_snapshot(&tx, id)?;
        let visibility = visibility.unwrap_or(old.visibility);
        check_snapshot_visibility(old.side, visibility)?;
        let s = SwotSnapshot {
            taken_on,
            reason,
            visibility,
            updated_at: time::now(),
            ..old
        };
        put_snapshot(&tx, &s)?;
        tx.commit()?;
        Ok(s)
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
}
