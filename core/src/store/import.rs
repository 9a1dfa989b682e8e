//! Export of the whole journal, and the all-or-nothing merge of an export into it.

use std::collections::HashSet;

use uuid::Uuid;

use super::{Store, partnerships, sessions};
use crate::error::{Error, Result};
use crate::journal::{FORMAT_VERSION, ImportReport, JournalFile};
use crate::time;
use crate::validate;

/// Adds a record when it is new, takes it when it is newer than ours, and otherwise keeps
/// ours: importing the same file twice changes nothing, and a stale copy never overwrites
/// a later edit.
fn merge<T: PartialEq>(
    report: &mut ImportReport,
    ours: Option<T>,
    theirs: &T,
    newer: impl FnOnce(&T) -> bool,
    put: impl FnOnce(&T) -> Result<()>,
) -> Result<()> {
    match ours {
        None => {
            put(theirs)?;
            report.added += 1;
        }
        Some(ours) if ours != *theirs && newer(&ours) => {
            put(theirs)?;
            report.updated += 1;
        }
        Some(_) => report.unchanged += 1,
    }
    Ok(())
}

fn at(kind: &str, index: usize, e: Error) -> Error {
    match e {
        Error::Invalid { field, message } => {
            Error::Import(format!("{kind}[{index}].{field}: {message}"))
        }
        other => other,
    }
}

impl Store {
    /// The whole journal, in a stable order (so two exports of one journal are equal).
    pub fn export_journal(&self) -> Result<JournalFile> {
        Ok(JournalFile {
            format_version: FORMAT_VERSION,
            exported_at: Some(time::now()),
            partnerships: partnerships::all(&self.conn)?,
            sessions: sessions::all(&self.conn)?,
            action_items: Vec::new(),
            goals: Vec::new(),
            milestones: Vec::new(),
            progress: Vec::new(),
            swot_snapshots: Vec::new(),
            swot_items: Vec::new(),
            tows_strategies: Vec::new(),
        })
    }

    /// Merges an export into the journal by id, in one transaction: either all of it is
    /// applied or, on any error, none of it.
    pub fn import_journal(&mut self, file: &JournalFile) -> Result<ImportReport> {
        let mut ids = HashSet::new();
        for (i, p) in file.partnerships.iter().enumerate() {
            validate::partnership(&p.draft())
                .and_then(|()| validate::timestamps(&p.created_at, &p.updated_at))
                .map_err(|e| at("partnerships", i, e))?;
            if !ids.insert(p.id) {
                return Err(Error::Import(format!(
                    "partnerships[{i}]: the id {} appears twice",
                    p.id
                )));
            }
        }
        let partnership_ids: HashSet<Uuid> = ids.clone();
        for (i, s) in file.sessions.iter().enumerate() {
            validate::session(&s.draft())
                .and_then(|()| validate::timestamps(&s.created_at, &s.updated_at))
                .map_err(|e| at("sessions", i, e))?;
            if !ids.insert(s.id) {
                return Err(Error::Import(format!(
                    "sessions[{i}]: the id {} appears twice",
                    s.id
                )));
            }
        }

        let tx = self.write()?;
        let mut report = ImportReport::default();
        for p in &file.partnerships {
            let ours = partnerships::find(&tx, p.id)?;
            merge(
                &mut report,
                ours,
                p,
                |o| p.updated_at > o.updated_at,
                |p| partnerships::put(&tx, p),
            )?;
        }
        for (i, s) in file.sessions.iter().enumerate() {
            if !partnership_ids.contains(&s.partnership_id)
                && partnerships::find(&tx, s.partnership_id)?.is_none()
            {
                return Err(Error::Import(format!(
                    "sessions[{i}]: it belongs to partnership {}, which is neither in the file nor in this journal",
                    s.partnership_id
                )));
            }
            let ours = sessions::find(&tx, s.id)?;
            if let Some(o) = &ours {
                if o.partnership_id != s.partnership_id {
                    return Err(Error::Import(format!(
                        "sessions[{i}]: session {} belongs to another partnership in this journal",
                        s.id
                    )));
                }
            }
            merge(
                &mut report,
                ours,
                s,
                |o| s.updated_at > o.updated_at,
                |s| sessions::put(&tx, s),
            )?;
        }
        tx.commit()?;
        Ok(report)
    }
}
