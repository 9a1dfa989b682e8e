//! The domain: partnerships and their sessions. These types are what the store returns,
//! what crosses IPC to the UI (TypeScript is generated from them, see `bindings`), and what
//! the JSON export holds. Field names are part of the export format: renaming one is a
//! format change.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

/// Which way the mentoring goes for the journal's owner.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// I mentor my partner.
    Mentor,
    /// My partner mentors me.
    Mentee,
    /// Both ways: each of us mentors the other.
    Both,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PartnershipKind {
    /// A junior person mentors a senior one.
    Reverse,
    TwoWay,
    Traditional,
    Peer,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SessionFormat {
    InPerson,
    Coffee,
    Video,
    Phone,
    Chat,
    Other,
}

/// Whether the partner may see a session's notes. Everything is private unless the user
/// marks it shared; private text never leaves the machine unless explicitly exported.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Visibility {
    #[default]
    Private,
    Shared,
}

/// What the two partners agreed on at the start. Every field may be left empty.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Agreement {
    /// Agreed objectives (Markdown).
    pub objectives: String,
    /// Availability, preferred channels, response times, confidentiality (Markdown).
    pub boundaries: String,
    /// How often the partners mean to meet, in days (14 = every two weeks).
    pub cadence_days: Option<u32>,
    /// How long a session usually lasts, in minutes.
    pub session_minutes: Option<u32>,
    /// How the partnership will end (Markdown).
    pub ending: String,
}

/// Everything about a partnership that the user edits. Used to create and to update.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PartnershipDraft {
    pub partner_name: String,
    pub partner_org: String,
    /// The journal owner's own name, shown beside the partner's (may be empty).
    pub my_name: String,
    pub my_role: Role,
    pub kind: PartnershipKind,
    pub started_on: NaiveDate,
    pub ended_on: Option<NaiveDate>,
    pub agreement: Agreement,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Partnership {
    pub id: Uuid,
    pub partner_name: String,
    pub partner_org: String,
    pub my_name: String,
    pub my_role: Role,
    pub kind: PartnershipKind,
    pub started_on: NaiveDate,
    pub ended_on: Option<NaiveDate>,
    pub agreement: Agreement,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Partnership {
    pub fn draft(&self) -> PartnershipDraft {
        PartnershipDraft {
            partner_name: self.partner_name.clone(),
            partner_org: self.partner_org.clone(),
            my_name: self.my_name.clone(),
            my_role: self.my_role,
            kind: self.kind,
            started_on: self.started_on,
            ended_on: self.ended_on,
            agreement: self.agreement.clone(),
        }
    }
}

/// A partnership as the list shows it: with how many sessions it has and when the last was.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PartnershipOverview {
    pub partnership: Partnership,
    pub session_count: u32,
    pub last_session_at: Option<NaiveDateTime>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SessionDraft {
    /// Local date and time the session was held (no time zone: the user's wall clock).
    pub held_at: NaiveDateTime,
    pub duration_minutes: u32,
    pub format: SessionFormat,
    /// Where it took place, or the call link.
    pub place: String,
    pub title: String,
    /// What was discussed (Markdown).
    pub notes: String,
    pub visibility: Visibility,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Session {
    pub id: Uuid,
    pub partnership_id: Uuid,
    pub held_at: NaiveDateTime,
    pub duration_minutes: u32,
    pub format: SessionFormat,
    pub place: String,
    pub title: String,
    pub notes: String,
    /// Absent in format version 1 files, where every session was private.
    #[serde(default)]
    pub visibility: Visibility,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Session {
    pub fn draft(&self) -> SessionDraft {
        SessionDraft {
            held_at: self.held_at,
            duration_minutes: self.duration_minutes,
            format: self.format,
            place: self.place.clone(),
            title: self.title.clone(),
            notes: self.notes.clone(),
            visibility: self.visibility,
        }
    }
}

/// A session as a list shows it: no full notes, just the start of them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SessionSummary {
    pub id: Uuid,
    pub partnership_id: Uuid,
    pub held_at: NaiveDateTime,
    pub duration_minutes: u32,
    pub format: SessionFormat,
    pub title: String,
    /// The first characters of the notes, as plain text.
    pub excerpt: String,
    pub visibility: Visibility,
    pub updated_at: DateTime<Utc>,
}

/// Which journal the window has open, or why it could not open it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct JournalInfo {
    pub path: String,
    pub error: Option<crate::ErrorPayload>,
}

/// A progress report the app wrote to disk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ReportFile {
    pub path: String,
    pub pages: u32,
    pub size_bytes: u32,
}
