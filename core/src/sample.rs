//! The sample reverse-mentoring journal (`assets/sample-journal.json`): a Gen Z analyst
//! mentoring a senior director, plus a smaller two-way partnership. Its dates are moved so
//! that the latest session is a few days before the day it is loaded, so it looks alive.

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
    Ok(file)
}

impl Store {
    /// Adds the sample journal. Returns `None`, changing nothing, when it is already there
    /// (so the user's edits to it are never overwritten).
    pub fn load_sample(&mut self, today: NaiveDate) -> Result<Option<ImportReport>> {
        let sample = journal(today)?;
        for p in &sample.partnerships {
            if self.get_partnership(p.id).is_ok() {
                return Ok(None);
            }
        }
        self.import_journal(&sample).map(Some)
    }
}
