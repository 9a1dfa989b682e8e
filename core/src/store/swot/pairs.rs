//! "Not the same" (`swot_pair_dismissal`): automatic pairs between the two sides that the
//! user dismissed, kept by the two items' ids (mine, partner). The board leaves them out of
//! the pairs it finds by wording (`crate::swot::shared_pairs`); a link the user makes
//! withdraws the dismissal of those two; a new snapshot carries the dismissals of the items
//! it copies to their copies.

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, Row, params};
use uuid::Uuid;

use super::items::live_item;
use crate::error::{Error, Result};
use crate::model::{Side, SwotPairDismissal};
use crate::store::{Store, parse_col, parse_opt, parse_uuid};
use crate::time::{self, parse_timestamp, timestamp_text};

pub(super) const DISMISSAL_COLUMNS: &str =
    "mine_item_id, partner_item_id, created_at, updated_at, undone_at";

pub(super) fn dismissal_from_row(r: &Row<'_>) -> rusqlite::Result<SwotPairDismissal> {
    Ok(SwotPairDismissal {
        mine_item_id: parse_col(r, 0, parse_uuid)?,
        partner_item_id: parse_col(r, 1, parse_uuid)?,
        created_at: parse_col(r, 2, parse_timestamp)?,
        updated_at: parse_col(r, 3, parse_timestamp)?,
        undone_at: parse_opt(r, 4, parse_timestamp)?,
    })
}

/// Inserts or updates one dismissal, exactly as given (timestamps included).
pub(super) fn put_dismissal(conn: &Connection, d: &SwotPairDismissal) -> Result<()> {
    conn.prepare_cached(&format!(
        "INSERT INTO swot_pair_dismissal ({DISMISSAL_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5) \
         ON CONFLICT (mine_item_id, partner_item_id) DO UPDATE SET \
         created_at = excluded.created_at, updated_at = excluded.updated_at, \
         undone_at = excluded.undone_at"
    ))?
    .execute(params![
        d.mine_item_id.to_string(),
        d.partner_item_id.to_string(),
        timestamp_text(&d.created_at),
        timestamp_text(&d.updated_at),
        d.undone_at.as_ref().map(timestamp_text),
    ])?;
    Ok(())
}

pub(super) fn find_dismissal(
    conn: &Connection,
    mine: Uuid,
    partner: Uuid,
) -> Result<Option<SwotPairDismissal>> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {DISMISSAL_COLUMNS} FROM swot_pair_dismissal \
             WHERE mine_item_id = ?1 AND partner_item_id = ?2"
        ))?
        .query_row(
            params![mine.to_string(), partner.to_string()],
            dismissal_from_row,
        )
        .optional()?)
}

/// Every dismissal of the journal (undone ones included), in a stable order.
pub(super) fn all_dismissals(conn: &Connection) -> Result<Vec<SwotPairDismissal>> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {DISMISSAL_COLUMNS} FROM swot_pair_dismissal \
             ORDER BY mine_item_id, partner_item_id"
        ))?
        .query_map([], dismissal_from_row)?
        .collect::<rusqlite::Result<_>>()?)
}

/// The standing dismissals between an item of one snapshot of mine and one of my partner's,
/// as (mine, partner).
pub(super) fn dismissed_between(
    conn: &Connection,
    mine_snapshot: Uuid,
    partner_snapshot: Uuid,
) -> Result<HashSet<(Uuid, Uuid)>> {
    Ok(conn
        .prepare_cached(
            "SELECT d.mine_item_id, d.partner_item_id FROM swot_pair_dismissal d \
             JOIN swot_item m ON m.id = d.mine_item_id \
             JOIN swot_item p ON p.id = d.partner_item_id \
             WHERE d.undone_at IS NULL AND m.snapshot_id = ?1 AND p.snapshot_id = ?2",
        )?
        .query_map(
            params![mine_snapshot.to_string(), partner_snapshot.to_string()],
            |r| Ok((parse_col(r, 0, parse_uuid)?, parse_col(r, 1, parse_uuid)?)),
        )?
        .collect::<rusqlite::Result<_>>()?)
}

/// Gives the copies of a new snapshot (`copies`: (copied item, its copy), items of `side`)
/// the standing dismissals of the items they were copied from.
pub(super) fn copy_forward(
    conn: &Connection,
    side: Side,
    copies: &[(Uuid, Uuid)],
    now: &DateTime<Utc>,
) -> Result<()> {
    let sql = match side {
        Side::Mine => {
            "INSERT OR IGNORE INTO swot_pair_dismissal (mine_item_id, partner_item_id, \
             created_at, updated_at, undone_at) \
             SELECT ?2, partner_item_id, ?3, ?3, NULL FROM swot_pair_dismissal \
             WHERE mine_item_id = ?1 AND undone_at IS NULL"
        }
        Side::Partner => {
            "INSERT OR IGNORE INTO swot_pair_dismissal (mine_item_id, partner_item_id, \
             created_at, updated_at, undone_at) \
             SELECT mine_item_id, ?2, ?3, ?3, NULL FROM swot_pair_dismissal \
             WHERE partner_item_id = ?1 AND undone_at IS NULL"
        }
    };
    let now = timestamp_text(now);
    let mut stmt = conn.prepare_cached(sql)?;
    for (old, new) in copies {
        stmt.execute(params![old.to_string(), new.to_string(), now])?;
    }
    Ok(())
}

/// Undoes a standing dismissal of (mine, partner), if there is one.
pub(super) fn withdraw(
    conn: &Connection,
    mine: Uuid,
    partner: Uuid,
    now: &DateTime<Utc>,
) -> Result<()> {
    let now = timestamp_text(now);
    conn.prepare_cached(
        "UPDATE swot_pair_dismissal SET undone_at = ?3, updated_at = ?3 \
         WHERE mine_item_id = ?1 AND partner_item_id = ?2 AND undone_at IS NULL",
    )?
    .execute(params![mine.to_string(), partner.to_string(), now])?;
    Ok(())
}

impl Store {
    /// "Not the same": the board no longer pairs this item of mine with this one of my
    /// partner's for their wording (each may pair with another item), until undone with
    /// [`Store::restore_swot_pair`] or until the user links the two. Kept by the items' ids,
    /// so editing either text does not bring the pair back. Dismissing it again changes
    /// nothing.
    pub fn dismiss_swot_pair(&mut self, mine_item_id: Uuid, partner_item_id: Uuid) -> Result<()> {
        let tx = self.write()?;
        let (mine, mine_pid, mine_side) = live_item(&tx, mine_item_id)?;
        let (partner, partner_pid, partner_side) = live_item(&tx, partner_item_id)?;
        if mine_side != Side::Mine {
            return Err(Error::invalid(
                "mine_item_id",
                "That item is on your partner's side; the first of the two must be one of yours.",
            ));
        }
        if partner_side != Side::Partner {
            return Err(Error::invalid(
                "partner_item_id",
                "That item is on your side; the second of the two must be one of your partner's.",
            ));
        }
        if mine_pid != partner_pid {
            return Err(Error::invalid(
                "partner_item_id",
                "These items belong to different partnerships, so they were never paired.",
            ));
        }
        if mine.link_id == Some(partner.id) || partner.link_id == Some(mine.id) {
            return Err(Error::invalid(
                "partner_item_id",
                "You linked these two items yourself. To pair them no longer, unlink them.",
            ));
        }
        let now = time::now();
        match find_dismissal(&tx, mine.id, partner.id)? {
            Some(d) if d.undone_at.is_none() => {}
            found => put_dismissal(
                &tx,
                &SwotPairDismissal {
                    mine_item_id: mine.id,
                    partner_item_id: partner.id,
                    created_at: found.map_or(now, |d| d.created_at),
                    updated_at: now,
                    undone_at: None,
                },
            )?,
        }
        tx.commit()?;
        Ok(())
    }

    /// Undoes [`Store::dismiss_swot_pair`]: the two pair up again when their wording is
    /// alike. A pair that is not dismissed stays as it is.
    pub fn restore_swot_pair(&mut self, mine_item_id: Uuid, partner_item_id: Uuid) -> Result<()> {
        let tx = self.write()?;
        withdraw(&tx, mine_item_id, partner_item_id, &time::now())?;
        tx.commit()?;
        Ok(())
    }
}
