//! The rules a draft must meet before the store accepts it. Shared by the UI's edits and
//! by imports, so a file can never put in what the UI could not.

use chrono::{DateTime, Datelike, NaiveDate, Utc};

use crate::error::{Error, Result};
use crate::model::{
    ActionItemDraft, GoalDraft, MilestoneDraft, PartnershipDraft, ProgressDraft, SessionDraft,
    Side, Visibility,
};

// Every limit is in characters (Unicode scalar values, what `str::chars` counts), the unit
// a person can count and the one the messages state. None needs a byte cap: the longest
// allowed text is at most four bytes a character, far below SQLite's limit for one value.

/// Short fields (names, titles, places), in characters.
pub const MAX_SHORT_CHARS: usize = 300;
/// Long fields (notes, agreement texts, progress notes), in characters: far beyond any
/// real note (about 1,500 printed pages).
pub const MAX_LONG_CHARS: usize = 5_000_000;
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
    too_long(field, label, value, max)
}

/// `n` with a comma between thousands ("5,000"), as the messages state counts.
pub(crate) fn count(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The one message for a text over its limit: "The session title is 5,000 characters
/// long; the limit is 300."
fn too_long(field: &str, label: &str, value: &str, max: usize) -> Result<()> {
    // Not more than a byte a character, so no need to count a short text.
    if value.len() <= max {
        return Ok(());
    }
    let n = value.chars().count();
    if n > max {
        return Err(Error::invalid(
            field,
            format!(
                "{label} is {} characters long; the limit is {}.",
                count(n),
                count(max)
            ),
        ));
    }
    Ok(())
}

pub(crate) fn required(field: &str, label: &str, value: &str) -> Result<()> {
    text(field, label, value, MAX_SHORT_CHARS)?;
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

/// When a record went to the trash (only imports supply it).
pub(crate) fn deleted_at(deleted: Option<&DateTime<Utc>>) -> Result<()> {
    optional_timestamp("deleted_at", deleted)
}

/// An optional moment of a record (the trash, an undo), as only imports supply it.
pub(crate) fn optional_timestamp(field: &str, at: Option<&DateTime<Utc>>) -> Result<()> {
    if let Some(t) = at
        && !YEARS.contains(&t.year())
    {
        return Err(Error::invalid(
            field,
            format!("The timestamp {t} is not plausible: use a year between 1900 and 2999."),
        ));
    }
    Ok(())
}

pub(crate) fn partnership(d: &PartnershipDraft) -> Result<()> {
    required("partner_name", "The partner's name", &d.partner_name)?;
    text(
        "partner_org",
        "The organisation",
        &d.partner_org,
        MAX_SHORT_CHARS,
    )?;
    text("my_name", "Your name", &d.my_name, MAX_SHORT_CHARS)?;
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
        MAX_LONG_CHARS,
    )?;
    text(
        "agreement.boundaries",
        "The boundaries",
        &a.boundaries,
        MAX_LONG_CHARS,
    )?;
    text("agreement.ending", "How it ends", &a.ending, MAX_LONG_CHARS)?;
    if let Some(days) = a.cadence_days
        && !(1..=366).contains(&days)
    {
        return Err(Error::invalid(
            "agreement.cadence_days",
            "The meeting cadence must be between 1 and 366 days.",
        ));
    }
    if let Some(minutes) = a.session_minutes
        && !(1..=1440).contains(&minutes)
    {
        return Err(Error::invalid(
            "agreement.session_minutes",
            "A usual session length must be between 1 minute and 24 hours.",
        ));
    }
    Ok(())
}

pub(crate) fn session(d: &SessionDraft) -> Result<()> {
    required("title", "The session title", &d.title)?;
    text("place", "The place or link", &d.place, MAX_SHORT_CHARS)?;
    text("agenda", "The agenda", &d.agenda, MAX_LONG_CHARS)?;
    text("notes", "The notes", &d.notes, MAX_LONG_CHARS)?;
    text("shared", "What you shared", &d.shared, MAX_LONG_CHARS)?;
    text("learned", "What you learned", &d.learned, MAX_LONG_CHARS)?;
    text(
        "reflection",
        "The reflection",
        &d.reflection,
        MAX_LONG_CHARS,
    )?;
    topics(&d.topics)?;
    if let Some(rating) = d.rating
        && !(1..=5).contains(&rating)
    {
        return Err(Error::invalid(
            "rating",
            format!("A rating goes from 1 (poorly) to 5 (very well), not {rating}."),
        ));
    }
    date("held_at", "The session date", d.held_at.date())?;
    if !(1..=1440).contains(&d.duration_minutes) {
        return Err(Error::invalid(
            "duration_minutes",
            "The duration must be between 1 minute and 24 hours.",
        ));
    }
    Ok(())
}

/// The longest topic, in characters.
pub const MAX_TOPIC_CHARS: usize = 60;
/// The most topics one session can carry.
pub const MAX_TOPICS: usize = 30;
/// The longest action item, in characters.
pub const MAX_ACTION_CHARS: usize = 2000;

/// The topics of a session after trimming, without empty ones and without duplicates
/// (ignoring case), in the order given.
pub(crate) fn clean_topics(topics: &[String]) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    topics
        .iter()
        .map(|t| t.trim())
        .filter(|t| !t.is_empty() && seen.insert(t.to_lowercase()))
        .map(str::to_owned)
        .collect()
}

fn topics(topics: &[String]) -> Result<()> {
    for t in topics {
        let t = t.trim();
        if t.chars().any(char::is_control) {
            return Err(Error::invalid(
                "topics",
                format!(
                    "The topic {:?} contains a line break or another control character; a topic is a short tag on one line.",
                    t.chars().filter(|c| !c.is_control()).collect::<String>()
                ),
            ));
        }
        let n = t.chars().count();
        if n > MAX_TOPIC_CHARS {
            let start: String = t.chars().take(20).collect();
            return Err(Error::invalid(
                "topics",
                format!(
                    "The topic \"{start}…\" is {} characters long; a topic is a short tag of at most {MAX_TOPIC_CHARS}.",
                    count(n)
                ),
            ));
        }
    }
    let n = clean_topics(topics).len();
    if n > MAX_TOPICS {
        return Err(Error::invalid(
            "topics",
            format!("A session can have at most {MAX_TOPICS} topics (this one has {n})."),
        ));
    }
    Ok(())
}

/// An action item of a session held on `session_day`.
pub(crate) fn action_item(d: &ActionItemDraft, session_day: NaiveDate) -> Result<()> {
    if d.text.trim().is_empty() {
        return Err(Error::invalid(
            "text",
            "The action item cannot be empty: say what is to be done.",
        ));
    }
    text("text", "The action item", &d.text, MAX_ACTION_CHARS).map_err(|e| match e {
        Error::Invalid { field, message } if !message.contains("NUL") => Error::Invalid {
            field,
            message: format!("{message} Put the details in the session's notes."),
        },
        other => other,
    })?;
    if let Some(due) = d.due_on {
        date("due_on", "The due date", due)?;
        if due < session_day {
            return Err(Error::invalid(
                "due_on",
                format!(
                    "The due date ({due}) is before the day of its session ({session_day}). Choose {session_day} or later."
                ),
            ));
        }
    }
    Ok(())
}

pub(crate) fn goal(d: &GoalDraft) -> Result<()> {
    required("title", "The goal's title", &d.title)?;
    text(
        "description",
        "The description",
        &d.description,
        MAX_LONG_CHARS,
    )?;
    text(
        "success_criteria",
        "The success criteria",
        &d.success_criteria,
        MAX_LONG_CHARS,
    )?;
    if let Some(target) = d.target_on {
        date("target_on", "The target date", target)?;
    }
    Ok(())
}

pub(crate) fn milestone(d: &MilestoneDraft) -> Result<()> {
    required("title", "The milestone's title", &d.title)?;
    if let Some(due) = d.due_on {
        date("due_on", "The due date", due)?;
    }
    Ok(())
}

pub(crate) fn progress(d: &ProgressDraft) -> Result<()> {
    if d.value > 100 {
        return Err(Error::invalid(
            "value",
            format!(
                "Progress is a percentage from 0 to 100. {} is more than 100.",
                d.value
            ),
        ));
    }
    date("recorded_on", "The date", d.recorded_on)?;
    text("note", "The note", &d.note, MAX_LONG_CHARS)?;
    Ok(())
}

/// The longest item (or strategy) text of a SWOT, in characters.
pub const MAX_ITEM_CHARS: usize = 1000;
/// The longest reason for a SWOT snapshot, in characters.
pub const MAX_REASON_CHARS: usize = 1000;

/// Checks the text of an item or a strategy and returns it trimmed. `label` starts the
/// sentence ("The item").
pub(crate) fn clean_text(field: &str, label: &str, text: &str) -> Result<String> {
    let text = text.trim();
    if text.is_empty() {
        return Err(Error::invalid(
            field,
            format!("{label} is empty. Type something, or delete it."),
        ));
    }
    if text.contains('\0') {
        return Err(Error::invalid(
            field,
            format!(
                "{label} contains a NUL character, which Tandem cannot keep. Remove it and try again."
            ),
        ));
    }
    too_long(field, label, text, MAX_ITEM_CHARS).map_err(|e| match e {
        Error::Invalid { field, message } => Error::Invalid {
            field,
            message: format!("{message} Shorten it or split it in two."),
        },
        other => other,
    })?;
    Ok(text.to_owned())
}

/// A SWOT snapshot's date.
pub(crate) fn check_date(field: &str, d: NaiveDate) -> Result<()> {
    if !YEARS.contains(&d.year()) {
        return Err(Error::invalid(
            field,
            format!("The date ({d}) is not plausible: use a year between 1900 and 2999."),
        ));
    }
    Ok(())
}

/// A SWOT snapshot's reason, returned trimmed.
pub(crate) fn check_reason(reason: &str) -> Result<String> {
    let reason = reason.trim();
    if reason.contains('\0') {
        return Err(Error::invalid(
            "reason",
            "The reason contains a NUL character, which Tandem cannot keep. Remove it and try again.",
        ));
    }
    too_long("reason", "The reason", reason, MAX_REASON_CHARS)?;
    Ok(reason.to_owned())
}

/// A SWOT snapshot's visibility: only my own side can be shared. My view of my partner's
/// SWOT is what I wrote of it, and it stays in my journal (their own SWOT comes from them).
pub(crate) fn check_snapshot_visibility(side: Side, visibility: Visibility) -> Result<()> {
    if side == Side::Partner && visibility == Visibility::Shared {
        return Err(Error::invalid(
            "visibility",
            "Only your own SWOT can be shared: this snapshot is your partner's side as you wrote it, and it stays in your journal. Your partner can share their own.",
        ));
    }
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn clean_text_rules() {
        assert_eq!(
            clean_text("text", "The item", "  Zoë 🎉 ").unwrap(),
            "Zoë 🎉"
        );
        let e = clean_text("text", "The item", " \n ").unwrap_err();
        assert_eq!(e.field(), Some("text"));
        assert!(clean_text("text", "The item", &"é".repeat(1000)).is_ok());
        let e = clean_text("text", "The item", &"é".repeat(1001)).unwrap_err();
        assert!(
            e.to_string()
                .contains("1,001 characters long; the limit is 1,000. Shorten"),
            "{e}"
        );
        assert!(clean_text("text", "The item", "a\0b").is_err());
    }

    #[test]
    fn snapshot_date_and_reason_rules() {
        let d = |y| NaiveDate::from_ymd_opt(y, 6, 1).unwrap();
        assert!(check_date("taken_on", d(1900)).is_ok());
        assert!(check_date("taken_on", d(2999)).is_ok());
        let e = check_date("taken_on", d(1899)).unwrap_err();
        assert_eq!(e.field(), Some("taken_on"));
        assert!(check_date("taken_on", d(3000)).is_err());
        assert_eq!(check_reason("  quarterly \n").unwrap(), "quarterly");
        assert_eq!(check_reason("").unwrap(), "");
        assert!(check_reason(&"é".repeat(MAX_REASON_CHARS)).is_ok());
        let e = check_reason(&"é".repeat(MAX_REASON_CHARS + 1)).unwrap_err();
        assert_eq!(e.field(), Some("reason"));
        assert!(check_reason("a\0b").is_err());
    }
}
