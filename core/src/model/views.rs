//! Read-only views the UI asks for: a partnership's dashboard, search results, the trash.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use super::{ActionItemView, GoalSummary};

/// Sessions held in one calendar month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct MonthCount {
    /// "YYYY-MM".
    pub month: String,
    pub sessions: u32,
}

/// How many open action items a dashboard lists (it counts them all).
pub const DASHBOARD_ACTIONS: usize = 12;

/// Where a partnership stands, for its first page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Dashboard {
    pub partnership_id: Uuid,
    pub session_count: u32,
    /// Sum of the sessions' durations.
    pub minutes_together: u32,
    pub last_session_at: Option<NaiveDateTime>,
    /// The last session's day plus the agreed cadence (or the start date plus the cadence
    /// when there is no session yet); absent without a cadence or once the partnership ended.
    pub next_due_on: Option<NaiveDate>,
    /// Days since the last session (or since the start), counted from `today`.
    pub days_since_last: Option<u32>,
    /// No session for at least twice the agreed cadence (never for an ended partnership).
    pub stalled: bool,
    /// The first [`DASHBOARD_ACTIONS`] open action items: overdue first, then by due date
    /// (undated last), then oldest first.
    pub open_actions: Vec<ActionItemView>,
    /// How many action items are open in all.
    pub open_action_count: u32,
    /// Goals that are not dropped, active first.
    pub goals: Vec<GoalSummary>,
    /// The last 12 calendar months up to `today`, oldest first, months without sessions
    /// included.
    pub sessions_per_month: Vec<MonthCount>,
}

/// What a search result (or a trash entry) is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    Partnership,
    Session,
    ActionItem,
    Goal,
    Milestone,
    Progress,
    SwotSnapshot,
    SwotItem,
    Tows,
}

/// A piece of a snippet; `hit` pieces matched the query. The UI draws hits highlighted as
/// text, so no markup ever travels with user text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct TextSpan {
    pub text: String,
    pub hit: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SearchHit {
    pub kind: ItemKind,
    /// The thing found.
    pub id: Uuid,
    /// What opens it: the session of an action item, the goal of a milestone, the SWOT
    /// snapshot of a SWOT item; the thing itself otherwise.
    pub open_kind: ItemKind,
    pub open_id: Uuid,
    pub partnership_id: Uuid,
    pub partner_name: String,
    /// The partner's own record, as their last bundle shared it (read-only; `id` and
    /// `open_id` are then the partner's ids, for the partnership's partner views).
    pub from_partner: bool,
    /// The title of what opens (a session's or goal's title, an item's text).
    pub title: String,
    /// Up to a few dozen words around the first match.
    pub snippet: Vec<TextSpan>,
    /// The day it belongs to, when it has one (a session's day, a due date).
    pub date: Option<NaiveDate>,
}

/// Something in the trash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct TrashEntry {
    pub kind: ItemKind,
    pub id: Uuid,
    /// What the user would call it ("Session with Zoë, 3 March", a goal's title...).
    pub label: String,
    pub partnership_id: Uuid,
    pub deleted_at: DateTime<Utc>,
}
