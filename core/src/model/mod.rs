//! The domain: partnerships, their sessions and action items (here), goals (`goal`), SWOT
//! analyses (`swot`), and the read-only views the UI asks for (`views`: dashboard, search,
//! trash). These types are what the store returns, what crosses IPC to the UI (TypeScript
//! is generated from them, see `bindings`), and what the JSON export holds. Field names
//! are part of the export format: renaming one is a format change.

mod exchange;
mod goal;
mod partner;
mod swot;
mod views;

pub use exchange::*;
pub use goal::*;
pub use partner::*;
pub use swot::*;
pub use views::*;

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

/// Whether the partner may see a session's notes, a goal, a snapshot of my own SWOT or the
/// agreement. Everything is private unless the user marks it shared; private text never
/// leaves the machine unless explicitly exported.
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
    /// Whether the partner may receive the agreement in the next bundle. Absent (files
    /// before format version 5, older callers): private.
    #[serde(default)]
    pub visibility: Visibility,
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
    /// When it was moved to the trash (absent while it is not in the trash).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub deleted_at: Option<DateTime<Utc>>,
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
    /// What the partners meant to talk about (Markdown). A new session's agenda is offered
    /// the partnership's open action items.
    pub agenda: String,
    /// What was discussed (Markdown).
    pub notes: String,
    /// What I shared, taught or showed my partner (Markdown).
    pub shared: String,
    /// What I learned from my partner (Markdown).
    pub learned: String,
    /// Tags shared across the journal ("AI tools", "feedback"), in the order given,
    /// without duplicates (case-insensitive).
    pub topics: Vec<String>,
    /// How it went, 1 (poorly) to 5 (very well); absent until the user rates it.
    pub rating: Option<u8>,
    /// A private reflection on the session (Markdown); it never leaves the machine unless
    /// the user includes private text in an export.
    pub reflection: String,
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
    /// The fields below `notes` are absent in files before format version 3.
    #[serde(default)]
    pub agenda: String,
    pub notes: String,
    #[serde(default)]
    pub shared: String,
    #[serde(default)]
    pub learned: String,
    #[serde(default)]
    pub topics: Vec<String>,
    #[serde(default)]
    pub rating: Option<u8>,
    #[serde(default)]
    pub reflection: String,
    /// Absent in format version 1 files, where every session was private.
    #[serde(default)]
    pub visibility: Visibility,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub deleted_at: Option<DateTime<Utc>>,
}

impl Session {
    pub fn draft(&self) -> SessionDraft {
        SessionDraft {
            held_at: self.held_at,
            duration_minutes: self.duration_minutes,
            format: self.format,
            place: self.place.clone(),
            title: self.title.clone(),
            agenda: self.agenda.clone(),
            notes: self.notes.clone(),
            shared: self.shared.clone(),
            learned: self.learned.clone(),
            topics: self.topics.clone(),
            rating: self.rating,
            reflection: self.reflection.clone(),
            visibility: self.visibility,
        }
    }
}

/// Who is to do an action item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Owner {
    Me,
    Partner,
    Both,
}

/// Something agreed in a session that someone is to do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ActionItemDraft {
    pub text: String,
    pub owner: Owner,
    /// Not before the day of its session.
    pub due_on: Option<NaiveDate>,
    pub done: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ActionItem {
    pub id: Uuid,
    /// The session it was agreed in.
    pub session_id: Uuid,
    /// Order within its session, from 0.
    pub position: u32,
    pub text: String,
    pub owner: Owner,
    pub due_on: Option<NaiveDate>,
    pub done: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub deleted_at: Option<DateTime<Utc>>,
}

impl ActionItem {
    pub fn draft(&self) -> ActionItemDraft {
        ActionItemDraft {
            text: self.text.clone(),
            owner: self.owner,
            due_on: self.due_on,
            done: self.done,
        }
    }
}

/// An action item with the session it came from, as the dashboard and a new session's
/// agenda show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ActionItemView {
    pub item: ActionItem,
    pub session_title: String,
    pub session_held_at: NaiveDateTime,
    /// Open and due before today.
    pub overdue: bool,
}

/// A topic and how many (live) sessions carry it: the suggestions while typing a tag.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct TopicCount {
    pub name: String,
    pub sessions: u32,
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
    pub topics: Vec<String>,
    pub rating: Option<u8>,
    /// Action items of the session not yet done.
    pub open_actions: u32,
    pub visibility: Visibility,
    pub updated_at: DateTime<Utc>,
}

/// One page of a partnership's session list, and how many live sessions it has in all
/// (what a windowed list needs to size its scroll area).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SessionPage {
    pub total: u32,
    pub offset: u32,
    pub sessions: Vec<SessionSummary>,
}

/// Which journal the window has open, or why it could not open it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct JournalInfo {
    pub path: String,
    pub error: Option<crate::ErrorPayload>,
}

/// What a window shows first, read by the shell while the window and its web view start
/// and handed to the page with it, so that the first screen waits for no round trip: the
/// journal, its partnerships as `list_partnerships` lists them, and the dashboard of the
/// first of them (what a start without a remembered place opens).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct FirstScreen {
    pub journal: JournalInfo,
    /// Empty when the journal could not be opened (`journal.error` says why).
    pub partnerships: Vec<PartnershipOverview>,
    pub dashboard: Option<crate::model::Dashboard>,
}

impl FirstScreen {
    /// The first screen of a journal that could not be opened: only the reason.
    pub fn unavailable(journal: JournalInfo) -> FirstScreen {
        FirstScreen {
            journal,
            partnerships: Vec::new(),
            dashboard: None,
        }
    }
}

/// A progress report the app wrote to disk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ReportFile {
    pub path: String,
    pub pages: u32,
    pub size_bytes: u32,
}
