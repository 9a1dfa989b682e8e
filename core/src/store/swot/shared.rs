//! The partner's own SWOT, as their last bundle shared it (`partner_swot_*`, read through
//! `store::exchange`), on the board instead of my view of it: the same [`SwotBoard`], its
//! partner column read-only and labelled with who shared it and when, the items both sides
//! share found by the same code as for my view (`crate::swot::shared_pairs`); and copying
//! one of their items into my own view of their SWOT.

use std::collections::HashSet;

use chrono::NaiveDate;
use rusqlite::Connection;
use uuid::Uuid;

use super::ensure_live_partnership;
use super::items::{add_item, live_items};
use super::snapshots::{board_side, current_of, snapshots_of, start_in};
use crate::error::{Error, Result};
use crate::exchange::payload::BundleSwotSnapshot;
use crate::model::{
    SharedBy, SharedSwot, Side, SwotBoard, SwotItem, SwotItemDraft, SwotSnapshot, SwotView,
    Visibility,
};
use crate::store::Store;
use crate::store::exchange::received;
use crate::swot;

/// A shared snapshot as the board shows a snapshot: of my partnership, on the partner's
/// side, dated by its day and by when it was shared.
fn as_view(partnership_id: Uuid, by: &SharedBy, s: &BundleSwotSnapshot) -> SwotView {
    let snapshot = SwotSnapshot {
        id: s.id,
        partnership_id,
        side: Side::Partner,
        taken_on: s.taken_on,
        reason: s.reason.clone(),
        // Theirs, and shared with me: never mine to share on.
        visibility: Visibility::Shared,
        created_at: by.shared_at,
        updated_at: by.shared_at,
        deleted_at: None,
    };
    let mut items: Vec<SwotItem> = s
        .items
        .iter()
        .map(|i| SwotItem {
            id: i.id,
            snapshot_id: s.id,
            quadrant: i.quadrant,
            position: i.position,
            text: i.text.clone(),
            priority: i.priority,
            origin_id: None,
            link_id: None,
            created_at: by.shared_at,
            updated_at: by.shared_at,
            deleted_at: None,
        })
        .collect();
    items.sort_by_key(|i| (i.quadrant, i.position, i.id));
    SwotView { snapshot, items }
}

/// The partner's shared snapshots with their items, newest first, and who shared them;
/// `None` when they shared none (or nothing was received).
fn shared_views(
    conn: &Connection,
    partnership_id: Uuid,
) -> Result<Option<(SharedBy, Vec<SwotView>)>> {
    let Some((by, payload)) = received(conn, partnership_id)? else {
        return Ok(None);
    };
    if payload.swot_snapshots.is_empty() {
        return Ok(None);
    }
    let mut views: Vec<SwotView> = payload
        .swot_snapshots
        .iter()
        .map(|s| as_view(partnership_id, &by, s))
        .collect();
    views.sort_by_key(|v| std::cmp::Reverse((v.snapshot.taken_on, v.snapshot.id)));
    Ok(Some((by, views)))
}

/// The partner's shared SWOT as a board offers it (not shown): for [`Store::swot_board`].
pub(super) fn offer(conn: &Connection, partnership_id: Uuid) -> Result<Option<SharedSwot>> {
    Ok(
        shared_views(conn, partnership_id)?.map(|(by, views)| SharedSwot {
            by,
            snapshots: views.into_iter().map(|v| v.snapshot).collect(),
            shown: false,
        }),
    )
}

fn nothing_shared(who: Option<&str>) -> Error {
    let who = who.unwrap_or("Your partner");
    Error::invalid(
        "partnership",
        format!(
            "{who} has not shared a SWOT with you: their bundles hold none of their own snapshots. Show your view of their SWOT instead."
        ),
    )
}

impl Store {
    /// The side-by-side SWOT with the partner's own shared SWOT as the partner column: their
    /// current shared snapshot (the latest taken by `today`, as for my own; or the one
    /// chosen), read-only, beside my current (or chosen) snapshot, with the items both share.
    /// Refused when the partner has shared no SWOT.
    pub fn shared_swot_board(
        &self,
        partnership_id: Uuid,
        mine_snapshot: Option<Uuid>,
        shared_snapshot: Option<Uuid>,
        today: NaiveDate,
    ) -> Result<SwotBoard> {
        ensure_live_partnership(&self.conn, partnership_id)?;
        let Some((by, views)) = shared_views(&self.conn, partnership_id)? else {
            let who = self.exchange_link(partnership_id)?.map(|l| l.partner_name);
            return Err(nothing_shared(who.as_deref()));
        };
        let mine = board_side(
            &self.conn,
            partnership_id,
            Side::Mine,
            mine_snapshot,
            "mine_snapshot",
            today,
        )?;
        let snapshots: Vec<SwotSnapshot> = views.iter().map(|v| v.snapshot.clone()).collect();
        let chosen_id = match shared_snapshot {
            Some(id) => {
                if !snapshots.iter().any(|s| s.id == id) {
                    return Err(Error::invalid(
                        "shared_snapshot",
                        format!(
                            "That snapshot is not one {} shares with you (any more): their last bundle, of {}, holds {} snapshot(s) of their SWOT, and not this one.",
                            by.name,
                            by.shared_at.format("%-d %B %Y"),
                            snapshots.len()
                        ),
                    ));
                }
                id
            }
            None => match current_of(snapshots.clone(), today) {
                Some(s) => s.id,
                None => return Err(nothing_shared(Some(&by.name))),
            },
        };
        let partner = views.into_iter().find(|v| v.snapshot.id == chosen_id);
        // Dismissals ("not the same") are kept between items of my own journal: none
        // concerns the partner's own items.
        let shared = match (&mine, &partner) {
            (Some(m), Some(p)) => swot::shared_pairs(&m.items, &p.items, &HashSet::new()),
            _ => Vec::new(),
        };
        Ok(SwotBoard {
            mine,
            partner,
            shared,
            snapshots: snapshots_of(&self.conn, partnership_id, None)?,
            partner_shared: Some(SharedSwot {
                by,
                snapshots,
                shown: true,
            }),
        })
    }

    /// Copies an item of the partner's shared SWOT (by its id in their bundle) into my own
    /// view of their SWOT: the current snapshot of my partner side on `today` (started, dated
    /// today, when I have none yet), at the end of the same quadrant, with its priority.
    /// When that snapshot already has an item of the same quadrant with the same wording, that
    /// one is answered and nothing is written.
    pub fn copy_partner_swot_item(
        &mut self,
        partnership_id: Uuid,
        item_id: Uuid,
        today: NaiveDate,
    ) -> Result<SwotItem> {
        let tx = self.write()?;
        ensure_live_partnership(&tx, partnership_id)?;
        let received = received(&tx, partnership_id)?;
        let found = received.as_ref().and_then(|(_, p)| {
            p.swot_snapshots
                .iter()
                .flat_map(|s| s.items.iter())
                .find(|i| i.id == item_id)
        });
        let Some(item) = found else {
            return Err(Error::NotFound {
                what: "SWOT item your partner shared",
                id: item_id.to_string(),
            });
        };
        let target = match board_side(&tx, partnership_id, Side::Partner, None, "item_id", today)? {
            Some(v) => v.snapshot.id,
            None => {
                start_in(
                    &tx,
                    partnership_id,
                    Side::Partner,
                    today,
                    "",
                    Visibility::Private,
                )?
                .snapshot
                .id
            }
        };
        let wording = swot::normalise(&item.text);
        let existing = live_items(&tx, target)?
            .into_iter()
            .find(|i| i.quadrant == item.quadrant && swot::normalise(&i.text) == wording);
        let copy = match existing {
            Some(i) => i,
            None => add_item(
                &tx,
                target,
                &SwotItemDraft {
                    quadrant: item.quadrant,
                    text: item.text.clone(),
                    priority: item.priority,
                },
            )?,
        };
        tx.commit()?;
        Ok(copy)
    }
}
