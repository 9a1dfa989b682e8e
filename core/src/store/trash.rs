//! The trash. Moving a thing to the trash sets its `deleted_at`; nothing else changes, and
//! what hangs under it (a session's action items, everything of a partnership) is hidden
//! because every read of live data checks the parents too. Restoring clears `deleted_at`;
//! emptying the trash deletes for good, and the foreign keys' cascades take the children.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{Connection, OptionalExtension, params};
use uuid::Uuid;

use super::sessions::SESSION_LIVE;
use super::{Store, parse_col, parse_uuid, topics};
use crate::error::{Error, Result};
use crate::model::{ItemKind, TrashEntry};
use crate::time::{self, parse_date, parse_datetime, parse_timestamp, timestamp_text};

const ALL_KINDS: [ItemKind; 9] = [
    ItemKind::Partnership,
    ItemKind::Session,
    ItemKind::ActionItem,
    ItemKind::Goal,
    ItemKind::Milestone,
    ItemKind::Progress,
    ItemKind::SwotSnapshot,
    ItemKind::SwotItem,
    ItemKind::Tows,
];

/// The longest label, in characters (an action item or SWOT item can be long).
const LABEL_CHARS: usize = 120;

const PARTNERSHIP_LIVE: &str = "EXISTS (SELECT 1 FROM partnership p \
     WHERE p.id = x.partnership_id AND p.deleted_at IS NULL)";

struct KindInfo {
    table: &'static str,
    /// What a person calls it, in an error message.
    what: &'static str,
    /// What it hangs under, for "restore that first".
    parent: &'static str,
    /// True (for the row `x`) when everything it hangs under is out of the trash.
    parent_live: String,
    /// Selects, for trashed rows `x`: id, two label parts, partnership id, deleted_at.
    listing: &'static str,
}

fn info(kind: ItemKind) -> KindInfo {
    let goal_live = "EXISTS (SELECT 1 FROM goal g WHERE g.id = x.goal_id AND g.deleted_at IS NULL \
         AND EXISTS (SELECT 1 FROM partnership p WHERE p.id = g.partnership_id AND p.deleted_at IS NULL))";
    match kind {
        ItemKind::Partnership => KindInfo {
            table: "partnership",
            what: "partnership",
            parent: "",
            parent_live: "1".into(),
            listing: "SELECT x.id, x.partner_name, NULL, x.id, x.deleted_at FROM partnership x",
        },
        ItemKind::Session => KindInfo {
            table: "session",
            what: "session",
            parent: "partnership",
            parent_live: PARTNERSHIP_LIVE.into(),
            listing: "SELECT x.id, x.title, x.held_at, x.partnership_id, x.deleted_at FROM session x",
        },
        ItemKind::ActionItem => KindInfo {
            table: "action_item",
            what: "action item",
            parent: "session",
            parent_live: format!(
                "EXISTS (SELECT 1 FROM session s WHERE s.id = x.session_id AND {SESSION_LIVE})"
            ),
            listing: "SELECT x.id, x.text, NULL, s.partnership_id, x.deleted_at \
                 FROM action_item x JOIN session s ON s.id = x.session_id",
        },
        ItemKind::Goal => KindInfo {
            table: "goal",
            what: "goal",
            parent: "partnership",
            parent_live: PARTNERSHIP_LIVE.into(),
            listing: "SELECT x.id, x.title, NULL, x.partnership_id, x.deleted_at FROM goal x",
        },
        ItemKind::Milestone => KindInfo {
            table: "milestone",
            what: "milestone",
            parent: "goal",
            parent_live: goal_live.into(),
            listing: "SELECT x.id, x.title, NULL, g.partnership_id, x.deleted_at \
                 FROM milestone x JOIN goal g ON g.id = x.goal_id",
        },
        ItemKind::Progress => KindInfo {
            table: "goal_progress",
            what: "progress entry",
            parent: "goal",
            parent_live: goal_live.into(),
            listing: "SELECT x.id, x.value, x.recorded_on, g.partnership_id, x.deleted_at \
                 FROM goal_progress x JOIN goal g ON g.id = x.goal_id",
        },
        ItemKind::SwotSnapshot => KindInfo {
            table: "swot_snapshot",
            what: "SWOT snapshot",
            parent: "partnership",
            parent_live: PARTNERSHIP_LIVE.into(),
            listing: "SELECT x.id, CASE x.side WHEN 'mine' THEN NULL ELSE p.partner_name END, \
                 x.taken_on, x.partnership_id, x.deleted_at \
                 FROM swot_snapshot x JOIN partnership p ON p.id = x.partnership_id",
        },
        ItemKind::SwotItem => KindInfo {
            table: "swot_item",
            what: "SWOT item",
            parent: "SWOT snapshot",
            parent_live: "EXISTS (SELECT 1 FROM swot_snapshot n WHERE n.id = x.snapshot_id \
                 AND n.deleted_at IS NULL AND EXISTS (SELECT 1 FROM partnership p \
                 WHERE p.id = n.partnership_id AND p.deleted_at IS NULL))"
                .into(),
            listing: "SELECT x.id, x.text, NULL, n.partnership_id, x.deleted_at \
                 FROM swot_item x JOIN swot_snapshot n ON n.id = x.snapshot_id",
        },
        ItemKind::Tows => KindInfo {
            table: "tows_strategy",
            what: "strategy",
            parent: "partnership",
            parent_live: PARTNERSHIP_LIVE.into(),
            listing: "SELECT x.id, x.text, NULL, x.partnership_id, x.deleted_at \
                 FROM tows_strategy x",
        },
    }
}

/// "3 Mar 2026".
fn day(d: NaiveDate) -> String {
    d.format("%-d %b %Y").to_string()
}

fn shorten(text: &str) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= LABEL_CHARS {
        return flat;
    }
    let mut out: String = flat.chars().take(LABEL_CHARS - 1).collect();
    out.push('…');
    out
}

/// What the user calls a thing, from the two label parts its listing selects: its own
/// words, never its kind (the Trash shows the kind beside it) and never in quotes (the UI
/// quotes a label where a sentence needs it).
fn label(kind: ItemKind, a: Option<String>, b: Option<String>) -> String {
    let a = a.unwrap_or_default();
    let b = b.unwrap_or_default();
    match kind {
        ItemKind::Session => match parse_datetime(&b) {
            Some(at) => format!("{} ({})", shorten(&a), day(at.date())),
            None => shorten(&a),
        },
        ItemKind::Progress => match parse_date(&b) {
            Some(on) => format!("{a}% on {}", day(on)),
            None => format!("{a}%"),
        },
        ItemKind::SwotSnapshot => {
            let whose = if a.is_empty() {
                "My SWOT".to_owned()
            } else {
                format!("{}’s SWOT", shorten(&a))
            };
            match parse_date(&b) {
                Some(on) => format!("{whose} of {}", day(on)),
                None => whose,
            }
        }
        _ => shorten(&a),
    }
}

fn entries(conn: &Connection, kind: ItemKind, only: Option<Uuid>) -> Result<Vec<TrashEntry>> {
    let sql = format!(
        "{} WHERE x.deleted_at IS NOT NULL AND (?1 IS NULL OR x.id = ?1)",
        info(kind).listing
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt
        .query_map([only.map(|id| id.to_string())], |r| {
            // A progress value is an integer column: read every label part as a value.
            let part = |i: usize| -> rusqlite::Result<Option<String>> {
                Ok(match r.get_ref(i)? {
                    rusqlite::types::ValueRef::Null => None,
                    rusqlite::types::ValueRef::Integer(n) => Some(n.to_string()),
                    rusqlite::types::ValueRef::Text(t) => {
                        Some(String::from_utf8_lossy(t).into_owned())
                    }
                    other => Some(format!("{other:?}")),
                })
            };
            Ok(TrashEntry {
                kind,
                id: parse_col(r, 0, parse_uuid)?,
                label: label(kind, part(1)?, part(2)?),
                partnership_id: parse_col(r, 3, parse_uuid)?,
                deleted_at: parse_col(r, 4, parse_timestamp)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// `None` when there is no such row, else its `deleted_at` and whether its parents are live.
fn state(conn: &Connection, kind: ItemKind, id: Uuid) -> Result<Option<(Option<String>, bool)>> {
    let i = info(kind);
    Ok(conn
        .prepare_cached(&format!(
            "SELECT x.deleted_at, {} FROM {} x WHERE x.id = ?1",
            i.parent_live, i.table
        ))?
        .query_row([id.to_string()], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?)
}

fn not_found(kind: ItemKind, id: Uuid) -> Error {
    Error::NotFound {
        what: info(kind).what,
        id: id.to_string(),
    }
}

fn set_deleted_at(
    conn: &Connection,
    kind: ItemKind,
    id: Uuid,
    at: Option<DateTime<Utc>>,
) -> Result<()> {
    let now = timestamp_text(&time::now());
    conn.prepare_cached(&format!(
        "UPDATE {} SET deleted_at = ?2, updated_at = ?3 WHERE id = ?1",
        info(kind).table
    ))?
    .execute(params![
        id.to_string(),
        at.as_ref().map(timestamp_text),
        now
    ])?;
    Ok(())
}

impl Store {
    /// Moves a thing to the trash. What hangs under it is hidden with it (not changed), and
    /// comes back with it on restore.
    pub fn move_to_trash(&mut self, kind: ItemKind, id: Uuid) -> Result<TrashEntry> {
        let tx = self.write()?;
        match state(&tx, kind, id)? {
            None | Some((None, false)) => return Err(not_found(kind, id)),
            Some((Some(_), _)) => {
                return Err(Error::invalid(
                    "id",
                    format!("That {} is already in the trash.", info(kind).what),
                ));
            }
            Some((None, true)) => {}
        }
        set_deleted_at(&tx, kind, id, Some(time::now()))?;
        let entry = entries(&tx, kind, Some(id))?
            .pop()
            .ok_or_else(|| not_found(kind, id))?;
        tx.commit()?;
        Ok(entry)
    }

    /// Takes a thing out of the trash, with everything under it.
    pub fn restore_from_trash(&mut self, kind: ItemKind, id: Uuid) -> Result<()> {
        let tx = self.write()?;
        let i = info(kind);
        match state(&tx, kind, id)? {
            None => return Err(not_found(kind, id)),
            Some((None, _)) => {
                return Err(Error::invalid(
                    "id",
                    format!(
                        "That {} is not in the trash (it may have been restored already).",
                        i.what
                    ),
                ));
            }
            Some((Some(_), false)) => {
                return Err(Error::invalid(
                    "id",
                    format!(
                        "That {} belongs to a {} that is in the trash too: restore the {} first.",
                        i.what, i.parent, i.parent
                    ),
                ));
            }
            Some((Some(_), true)) => {}
        }
        set_deleted_at(&tx, kind, id, None)?;
        tx.commit()?;
        Ok(())
    }

    /// Everything in the trash, most recently trashed first.
    pub fn list_trash(&self) -> Result<Vec<TrashEntry>> {
        let mut all = Vec::new();
        for kind in ALL_KINDS {
            all.extend(entries(&self.conn, kind, None)?);
        }
        all.sort_by(|a, b| {
            b.deleted_at
                .cmp(&a.deleted_at)
                .then_with(|| a.label.cmp(&b.label))
                .then_with(|| a.id.cmp(&b.id))
        });
        Ok(all)
    }

    /// Deletes everything in the trash for good (with everything under it). Returns how
    /// many things the trash listed.
    pub fn empty_trash(&mut self) -> Result<u32> {
        let tx = self.write()?;
        let mut count: u32 = 0;
        for kind in ALL_KINDS {
            let n: u32 = tx.query_row(
                &format!(
                    "SELECT count(*) FROM {} WHERE deleted_at IS NOT NULL",
                    info(kind).table
                ),
                [],
                |r| r.get(0),
            )?;
            count += n;
        }
        for kind in ALL_KINDS {
            tx.execute(
                &format!(
                    "DELETE FROM {} WHERE deleted_at IS NOT NULL",
                    info(kind).table
                ),
                [],
            )?;
        }
        topics::forget_unused(&tx)?;
        // References that are not foreign keys must not point at what is gone.
        tx.execute_batch(
            "UPDATE tows_strategy SET goal_id = NULL \
                 WHERE goal_id IS NOT NULL AND goal_id NOT IN (SELECT id FROM goal); \
             UPDATE tows_strategy SET internal_item_id = NULL \
                 WHERE internal_item_id IS NOT NULL AND internal_item_id NOT IN (SELECT id FROM swot_item); \
             UPDATE tows_strategy SET external_item_id = NULL \
                 WHERE external_item_id IS NOT NULL AND external_item_id NOT IN (SELECT id FROM swot_item); \
             UPDATE swot_item SET origin_id = NULL \
                 WHERE origin_id IS NOT NULL AND origin_id NOT IN (SELECT id FROM swot_item); \
             UPDATE swot_item SET link_id = NULL \
                 WHERE link_id IS NOT NULL AND link_id NOT IN (SELECT id FROM swot_item); \
             DELETE FROM swot_pair_dismissal \
                 WHERE mine_item_id NOT IN (SELECT id FROM swot_item) \
                    OR partner_item_id NOT IN (SELECT id FROM swot_item);",
        )?;
        tx.commit()?;
        Ok(count)
    }
}
