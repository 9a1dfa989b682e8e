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
    put: impl FnOnce(&T) -> Result<()>,
) -> Result<()> {
    match ours {
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
