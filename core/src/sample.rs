//! The sample reverse-mentoring journal (`assets/sample-journal.json`): a Gen Z analyst
//! mentoring a senior director in AI tools and social media while he mentors her in
//! leadership and stakeholders (complete sessions, action items, goals with milestones and
//! progress), plus a smaller two-way partnership. Every date in it is moved by the same
//! number of days, so that the latest session is a few days before the day it is loaded
//! and it looks alive: one action item is overdue, one is due in a few days.

use chrono::{Days, NaiveDate};

use crate::error::{Error, Result};
use crate::journal::{ImportReport, JournalFile};
use crate::store::Store;

const SAMPLE: &str = include_str!("../../assets/sample-journal.json");
/// How many days before today the sample's latest session lies.
const DAYS_SINCE_LAST_SESSION: u64 = 6;

/// The sample journal, dated relative to `today`.
pub fn journal(today: NaiveDate) -> Result<JournalFile> {
    let mut file = JournalFile::parse(SAMPLE)?;
    let last = file
        .sessions
        .iter()
        .map(|s| s.held_at.date())
        .max()
        .ok_or_else(|| Error::Import("the sample journal has no sessions".into()))?;
    let target = today - Days::new(DAYS_SINCE_LAST_SESSION);
    let shift = chrono::Duration::days((target - last).num_days());
    for p in &mut file.partnerships {
        p.started_on += shift;
        p.ended_on = p.ended_on.map(|d| d + shift);
        p.created_at += shift;
        p.updated_at += shift;
    }
    for s in &mut file.sessions {
        s.held_at += shift;
        s.created_at += shift;
        s.updated_at += shift;
    }
    for a in &mut file.action_items {
        a.due_on = a.due_on.map(|d| d + shift);
        a.created_at += shift;
        a.updated_at += shift;
    }
    for g in &mut file.goals {
        g.target_on = g.target_on.map(|d| d + shift);
        g.created_at += shift;
        g.updated_at += shift;
    }
    for m in &mut file.milestones {
        m.due_on = m.due_on.map(|d| d + shift);
        m.created_at += shift;
        m.updated_at += shift;
    }
    for e in &mut file.progress {
        e.recorded_on += shift;
        e.created_at += shift;
        e.updated_at += shift;
    }
    for n in &mut file.swot_snapshots {
        n.taken_on += shift;
        n.created_at += shift;
        n.updated_at += shift;
    }
    for i in &mut file.swot_items {
        i.created_at += shift;
        i.updated_at += shift;
    }
    for t in &mut file.tows_strategies {
        t.created_at += shift;
        t.updated_at += shift;
    }
    Ok(file)
}

impl Store {
    /// Adds the sample journal. Returns `None`, changing nothing, when it is already there,
    /// in the trash too (so the user's edits to it are never overwritten).
    pub fn load_sample(&mut self, today: NaiveDate) -> Result<Option<ImportReport>> {
        let sample = journal(today)?;
        let trash = self.list_trash()?;
        for p in &sample.partnerships {
            let trashed = || trash.iter().any(|e| e.id == p.id);
            if self.get_partnership(p.id).is_ok() || trashed() {
                return Ok(None);
            }
        }
        self.import_afresh(&sample).map(Some)
    }
}
