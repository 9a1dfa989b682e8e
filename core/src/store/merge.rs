//! The rules every record of an import is merged by, whatever its table: the checks all
//! records get, the merge itself (new → added, newer → updated, otherwise ours is kept),
//! and the errors that name a record by its list and index in the file.

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use uuid::Uuid;

use crate::error::{Error, Result};
use crate::journal::ImportReport;
use crate::model::{
    ActionItem, Goal, Milestone, Partnership, ProgressEntry, Session, SwotItem, SwotSnapshot,
    TowsStrategy,
};
use crate::validate;

/// A record of an export: an id, its own timestamps, and whether it is in the trash
/// (`deleted_at` is part of the record, so a trashed copy merges like any other edit).
pub(super) trait Record: PartialEq {
    fn id(&self) -> Uuid;
    fn created_at(&self) -> &DateTime<Utc>;
    fn updated_at(&self) -> &DateTime<Utc>;
    fn deleted_at(&self) -> Option<&DateTime<Utc>>;
}

macro_rules! records {
    ($($t:ty),* $(,)?) => {$(
        impl Record for $t {
            fn id(&self) -> Uuid {
                self.id
            }
            fn created_at(&self) -> &DateTime<Utc> {
                &self.created_at
            }
            fn updated_at(&self) -> &DateTime<Utc> {
                &self.updated_at
            }
            fn deleted_at(&self) -> Option<&DateTime<Utc>> {
                self.deleted_at.as_ref()
            }
        }
    )*};
}

records!(
    Partnership,
    Session,
    ActionItem,
    Goal,
    Milestone,
    ProgressEntry,
    SwotSnapshot,
    SwotItem,
    TowsStrategy,
);

/// A record's own timestamps and trash date (only imports supply them).
pub(super) fn stamps(r: &impl Record) -> Result<()> {
    validate::timestamps(r.created_at(), r.updated_at())
        .and_then(|()| validate::deleted_at(r.deleted_at()))
}

/// Notes a record's id among those already seen in the file; an id seen twice is an error.
pub(super) fn once(
    ids: &mut HashSet<Uuid>,
    kind: &str,
    index: usize,
    r: &impl Record,
) -> Result<()> {
    if ids.insert(r.id()) {
        Ok(())
    } else {
        Err(duplicate(kind, index, r.id()))
    }
}

/// Adds a record when it is new, takes it when it differs from ours and is newer (by
/// `updated_at`), and otherwise keeps ours: importing the same file twice changes nothing,
/// and a stale copy never overwrites a later edit.
pub(super) fn merge<T: Record>(
    report: &mut ImportReport,
    ours: Option<T>,
    theirs: &T,
    gone: &Tombstones,
    put: impl FnOnce(&T) -> Result<()>,
) -> Result<()> {
    match ours {
        // Emptied from the trash here: an older copy does not bring it back.
        None if gone.contains(&theirs.id()) => report.left_deleted += 1,
        None => {
            put(theirs)?;
            report.added += 1;
        }
        Some(ours) if ours != *theirs && theirs.updated_at() > ours.updated_at() => {
            put(theirs)?;
            report.updated += 1;
        }
        Some(_) => report.unchanged += 1,
    }
    Ok(())
}

/// The ids of the records deleted for good from this journal (emptied from the trash),
/// which an import must not add again.
pub(super) type Tombstones = HashSet<Uuid>;

/// Reads the journal's tombstones.
pub(super) fn tombstones(tx: &rusqlite::Transaction<'_>) -> Result<Tombstones> {
    let mut stmt = tx.prepare("SELECT id FROM tombstone")?;
    let ids = stmt.query_map([], |r| r.get::<_, String>(0))?;
    let mut gone = Tombstones::new();
    for id in ids {
        // Only Tandem's own ids can match a record of an export; anything else is ignored.
        if let Ok(id) = id?.parse() {
            gone.insert(id);
        }
    }
    Ok(gone)
}

/// Names the field of the record at `kind[index]` in a rule's error.
pub(super) fn at(kind: &str, index: usize, e: Error) -> Error {
    match e {
        Error::Invalid { field, message } => {
            Error::Import(format!("{kind}[{index}].{field}: {message}"))
        }
        other => other,
    }
}

fn duplicate(kind: &str, index: usize, id: Uuid) -> Error {
    Error::Import(format!("{kind}[{index}]: the id {id} appears twice"))
}

/// The record's parent is neither in the file nor in the journal.
pub(super) fn orphan(kind: &str, index: usize, parent: &str, id: Uuid) -> Error {
    Error::Import(format!(
        "{kind}[{index}]: it belongs to {parent} {id}, which is neither in the file nor in this journal"
    ))
}

/// The record exists in the journal under another parent (an import never moves one).
pub(super) fn moved(kind: &str, index: usize, what: &str, id: Uuid, parent: &str) -> Error {
    Error::Import(format!(
        "{kind}[{index}]: {what} {id} belongs to another {parent} in this journal"
    ))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    #[derive(Debug, Clone, PartialEq)]
    struct Note {
        id: Uuid,
        text: &'static str,
        created_at: DateTime<Utc>,
        updated_at: DateTime<Utc>,
        deleted_at: Option<DateTime<Utc>>,
    }
    records!(Note);

    fn day(d: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 5, d, 9, 0, 0).unwrap()
    }

    fn note(text: &'static str, updated: u32) -> Note {
        Note {
            id: Uuid::nil(),
            text,
            created_at: day(1),
            updated_at: day(updated),
            deleted_at: None,
        }
    }

    /// What `merge` did: the report's counts and whether it wrote.
    fn run(ours: Option<Note>, theirs: &Note) -> (u32, u32, u32, bool) {
        let mut report = ImportReport::default();
        let mut wrote = false;
        merge(&mut report, ours, theirs, &Tombstones::new(), |_| {
            wrote = true;
            Ok(())
        })
        .unwrap();
        (report.added, report.updated, report.unchanged, wrote)
    }

    #[test]
    fn new_is_added_newer_is_taken_and_anything_else_kept() {
        assert_eq!(run(None, &note("a", 2)), (1, 0, 0, true));
        assert_eq!(run(Some(note("a", 2)), &note("a", 2)), (0, 0, 1, false));
        assert_eq!(run(Some(note("a", 2)), &note("b", 3)), (0, 1, 0, true));
        // A stale copy never overwrites a later edit, nor one of the same moment.
        assert_eq!(run(Some(note("a", 3)), &note("b", 2)), (0, 0, 1, false));
        assert_eq!(run(Some(note("a", 2)), &note("b", 2)), (0, 0, 1, false));
        // The trash date is part of the record: a newer trashed copy is an update.
        let trashed = Note {
            deleted_at: Some(day(3)),
            ..note("a", 3)
        };
        assert_eq!(run(Some(note("a", 2)), &trashed), (0, 1, 0, true));
    }

    #[test]
    fn an_id_counts_once_and_errors_name_the_record() {
        let mut ids = HashSet::new();
        once(&mut ids, "notes", 0, &note("a", 2)).unwrap();
        let e = once(&mut ids, "notes", 1, &note("b", 2)).unwrap_err();
        assert!(e.to_string().contains("notes[1]"), "{e}");
        let e = at("notes", 4, Error::invalid("text", "Too long."));
        assert!(e.to_string().contains("notes[4].text: Too long."), "{e}");
        assert!(stamps(&note("a", 2)).is_ok());
        let old = Note {
            created_at: Utc.with_ymd_and_hms(1800, 1, 1, 0, 0, 0).unwrap(),
            ..note("a", 2)
        };
        assert!(stamps(&old).is_err());
    }
}
