//! The rules a draft must meet before the store accepts it. Shared by the UI's edits and
//! by imports, so a file can never put in what the UI could not.

use chrono::{DateTime, Datelike, NaiveDate, Utc};

use crate::error::{Error, Result};
use crate::model::{PartnershipDraft, SessionDraft};

/// Short fields (names, titles, places).
pub(crate) const MAX_SHORT: usize = 300;
/// Long fields (notes, agreement texts): 5 MiB is far beyond any real note.
pub(crate) const MAX_LONG: usize = 5 * 1024 * 1024;
const YEARS: std::ops::RangeInclusive<i32> = 1900..=2999;

fn text(field: &str, label: &str, value: &str, max: usize) -> Result<()> {
    if value.contains('\0') {
        return Err(Error::invalid(
            field,
            format!(
                "{label} contains a NUL character, which Tandem cannot keep. Remove it and try again."
            ),
        ));
    }
    if value.len() > max {
        return Err(Error::invalid(
            field,
            format!(
                "{label} is too long ({} KB; the limit is {} KB).",
                value.len() / 1024,
                max / 1024
            ),
        ));
    }
    Ok(())
}

fn required(field: &str, label: &str, value: &str) -> Result<()> {
    text(field, label, value, MAX_SHORT)?;
    if value.trim().is_empty() {
        return Err(Error::invalid(field, format!("{label} cannot be empty.")));
    }
    Ok(())
}

fn date(field: &str, label: &str, d: NaiveDate) -> Result<()> {
    if !YEARS.contains(&d.year()) {
        return Err(Error::invalid(
            field,
            format!("{label} ({d}) is not a plausible date: use a year between 1900 and 2999."),
        ));
    }
    Ok(())
}

/// A record's own timestamps (only imports supply them; the store sets them otherwise).
pub(crate) fn timestamps(created: &DateTime<Utc>, updated: &DateTime<Utc>) -> Result<()> {
    for (field, t) in [("created_at", created), ("updated_at", updated)] {
        if !YEARS.contains(&t.year()) {
            return Err(Error::invalid(
                field,
                format!("The timestamp {t} is not plausible: use a year between 1900 and 2999."),
            ));
        }
    }
    Ok(())
}

pub(crate) fn partnership(d: &PartnershipDraft) -> Result<()> {
    required("partner_name", "The partner's name", &d.partner_name)?;
    text("partner_org", "The organisation", &d.partner_org, MAX_SHORT)?;
    text("my_name", "Your name", &d.my_name, MAX_SHORT)?;
    date("started_on", "The start date", d.started_on)?;
    if let Some(end) = d.ended_on {
        date("ended_on", "The end date", end)?;
        if end < d.started_on {
            return Err(Error::invalid(
                "ended_on",
                format!(
                    "The end date ({end}) is before the start date ({}).",
                    d.started_on
                ),
            ));
        }
    }
    let a = &d.agreement;
    text(
        "agreement.objectives",
        "The objectives",
        &a.objectives,
        MAX_LONG,
    )?;
    text(
        "agreement.boundaries",
        "The boundaries",
        &a.boundaries,
        MAX_LONG,
    )?;
    text("agreement.ending", "How it ends", &a.ending, MAX_LONG)?;
    if let Some(days) = a.cadence_days {
        if !(1..=366).contains(&days) {
            return Err(Error::invalid(
                "agreement.cadence_days",
                "The meeting cadence must be between 1 and 366 days.",
            ));
        }
    }
    if let Some(minutes) = a.session_minutes {
        if !(1..=1440).contains(&minutes) {
            return Err(Error::invalid(
                "agreement.session_minutes",
                "A usual session length must be between 1 minute and 24 hours.",
            ));
        }
    }
    Ok(())
}

pub(crate) fn session(d: &SessionDraft) -> Result<()> {
    required("title", "The session title", &d.title)?;
    text("place", "The place or link", &d.place, MAX_SHORT)?;
    text("notes", "The notes", &d.notes, MAX_LONG)?;
    date("held_at", "The session date", d.held_at.date())?;
    if !(1..=1440).contains(&d.duration_minutes) {
        return Err(Error::invalid(
            "duration_minutes",
            "The duration must be between 1 minute and 24 hours.",
        ));
    }
    Ok(())
}
