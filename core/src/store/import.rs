//! Export of the whole journal, and the all-or-nothing merge of an export into it.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use uuid::Uuid;

use super::merge::{at, merge, moved, once, orphan, stamps, tombstones};
use super::{Store, actions, goals, partnerships, sessions};
use crate::error::Result;
use crate::journal::{FORMAT_VERSION, ImportReport, JournalFile};
use crate::time;
use crate::validate;

impl Store {
    /// The whole journal, in a stable order (so two exports of one journal are equal).
    /// Things in the trash are included, with their `deleted_at`.
    pub fn export_journal(&self) -> Result<JournalFile> {
        let mut file = JournalFile {
            format_version: FORMAT_VERSION,
            exported_at: Some(time::now()),
            partnerships: partnerships::all(&self.conn)?,
            sessions: sessions::all(&self.conn)?,
            action_items: actions::all(&self.conn)?,
            goals: goals::all_goals(&self.conn)?,
            milestones: goals::all_milestones(&self.conn)?,
            progress: goals::all_progress(&self.conn)?,
            swot_snapshots: Vec::new(),
            swot_items: Vec::new(),
            tows_strategies: Vec::new(),
        };
        super::swot::export_into(&self.conn, &mut file)?;
        Ok(file)
    }

    /// Merges an export into the journal by id, in one transaction: either all of it is
    /// applied or, on any error, none of it.
    pub fn import_journal(&mut self, file: &JournalFile) -> Result<ImportReport> {
        self.import(file, true)
    }

    /// Imports a file whose records the user asked for afresh (the sample): what was
    /// emptied from the trash comes back.
    pub(crate) fn import_afresh(&mut self, file: &JournalFile) -> Result<ImportReport> {
        self.import(file, false)
    }

    /// `honour_tombstones`: leave out what this journal deleted for good.
    fn import(&mut self, file: &JournalFile, honour_tombstones: bool) -> Result<ImportReport> {
        // Everything that can be checked without the journal is checked first.
        let mut ids = HashSet::new();
        for (i, p) in file.partnerships.iter().enumerate() {
            validate::partnership(&p.draft())
                .and_then(|()| stamps(p))
                .map_err(|e| at("partnerships", i, e))?;
            once(&mut ids, "partnerships", i, p)?;
        }
        let partnership_ids: HashSet<Uuid> = file.partnerships.iter().map(|p| p.id).collect();
        for (i, s) in file.sessions.iter().enumerate() {
            validate::session(&s.draft())
                .and_then(|()| stamps(s))
                .map_err(|e| at("sessions", i, e))?;
            once(&mut ids, "sessions", i, s)?;
        }
        let session_days: HashMap<Uuid, NaiveDate> = file
            .sessions
            .iter()
            .map(|s| (s.id, s.held_at.date()))
            .collect();
        for (i, a) in file.action_items.iter().enumerate() {
            // The due date is checked against the session's day below, once it is known.
            validate::action_item(&a.draft(), NaiveDate::MIN)
                .and_then(|()| stamps(a))
                .map_err(|e| at("action_items", i, e))?;
            once(&mut ids, "action_items", i, a)?;
        }
        for (i, g) in file.goals.iter().enumerate() {
            validate::goal(&g.draft())
                .and_then(|()| stamps(g))
                .map_err(|e| at("goals", i, e))?;
            once(&mut ids, "goals", i, g)?;
        }
        let goal_ids: HashSet<Uuid> = file.goals.iter().map(|g| g.id).collect();
        for (i, m) in file.milestones.iter().enumerate() {
            validate::milestone(&m.draft())
                .and_then(|()| stamps(m))
                .map_err(|e| at("milestones", i, e))?;
            once(&mut ids, "milestones", i, m)?;
        }
        for (i, e) in file.progress.iter().enumerate() {
            validate::progress(&e.draft())
                .and_then(|()| stamps(e))
                .map_err(|err| at("progress", i, err))?;
            once(&mut ids, "progress", i, e)?;
        }

        let tx = self.write()?;
        let gone = if honour_tombstones {
            tombstones(&tx)?
        } else {
            Default::default()
        };
        let mut report = ImportReport::default();
        for p in &file.partnerships {
            let ours = partnerships::find(&tx, p.id)?;
            merge(&mut report, ours, p, &gone, |p| partnerships::put(&tx, p))?;
        }
        for (i, s) in file.sessions.iter().enumerate() {
            if !partnership_ids.contains(&s.partnership_id)
                && partnerships::find(&tx, s.partnership_id)?.is_none()
            {
                return Err(orphan("sessions", i, "partnership", s.partnership_id));
            }
            let ours = sessions::find(&tx, s.id)?;
            if ours
                .as_ref()
                .is_some_and(|o| o.partnership_id != s.partnership_id)
            {
                return Err(moved("sessions", i, "session", s.id, "partnership"));
            }
            merge(&mut report, ours, s, &gone, |s| {
                sessions::put(&tx, s).map(drop)
            })?;
        }
        for (i, a) in file.action_items.iter().enumerate() {
            let day = match session_days.get(&a.session_id) {
                Some(day) => *day,
                None => sessions::find(&tx, a.session_id)?
                    .map(|s| s.held_at.date())
                    .ok_or_else(|| orphan("action_items", i, "session", a.session_id))?,
            };
            validate::action_item(&a.draft(), day).map_err(|e| at("action_items", i, e))?;
            let ours = actions::find(&tx, a.id)?;
            if ours.as_ref().is_some_and(|o| o.session_id != a.session_id) {
                return Err(moved("action_items", i, "action item", a.id, "session"));
            }
            merge(&mut report, ours, a, &gone, |a| actions::put(&tx, a))?;
        }
        for (i, g) in file.goals.iter().enumerate() {
            if !partnership_ids.contains(&g.partnership_id)
                && partnerships::find(&tx, g.partnership_id)?.is_none()
            {
                return Err(orphan("goals", i, "partnership", g.partnership_id));
            }
            let ours = goals::find_goal(&tx, g.id)?;
            if ours
                .as_ref()
                .is_some_and(|o| o.partnership_id != g.partnership_id)
            {
                return Err(moved("goals", i, "goal", g.id, "partnership"));
            }
            merge(&mut report, ours, g, &gone, |g| goals::put_goal(&tx, g))?;
        }
        for (i, m) in file.milestones.iter().enumerate() {
            if !goal_ids.contains(&m.goal_id) && goals::find_goal(&tx, m.goal_id)?.is_none() {
                return Err(orphan("milestones", i, "goal", m.goal_id));
            }
            let ours = goals::find_milestone(&tx, m.id)?;
            if ours.as_ref().is_some_and(|o| o.goal_id != m.goal_id) {
                return Err(moved("milestones", i, "milestone", m.id, "goal"));
            }
            merge(&mut report, ours, m, &gone, |m| {
                goals::put_milestone(&tx, m)
            })?;
        }
        for (i, e) in file.progress.iter().enumerate() {
            if !goal_ids.contains(&e.goal_id) && goals::find_goal(&tx, e.goal_id)?.is_none() {
                return Err(orphan("progress", i, "goal", e.goal_id));
            }
            let ours = goals::find_progress(&tx, e.id)?;
            if ours.as_ref().is_some_and(|o| o.goal_id != e.goal_id) {
                return Err(moved("progress", i, "progress entry", e.id, "goal"));
            }
            merge(&mut report, ours, e, &gone, |e| goals::put_progress(&tx, e))?;
        }
        super::swot::import_from(&tx, file, &mut report, &mut ids, &gone)?;
        tx.commit()?;
        Ok(report)
    }
}
