//! The partner's shared content as my screens show it: always theirs (labelled with their
//! name and the day they shared it), read-only, and placed beside my own records where it
//! belongs (their SWOT beside mine, their notes on a session of mine held the same day,
//! their goal beside mine of the same title, what they asked of me among my open items).
//! The records themselves are the bundle's own types (`crate::exchange::payload`), in my
//! words.

use chrono::{DateTime, Utc};
use serde::Serialize;
use ts_rs::TS;
use uuid::Uuid;

use super::ActionItemView;
use super::AskedOfMe;
use super::SwotSnapshot;
use crate::exchange::payload::{BundleGoal, BundleSession};

/// Who shared something and when: every piece of a partner's content carries it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SharedBy {
    /// The exchange link it came through (what `set_partner_item_done` takes).
    pub link_id: String,
    /// The partner's name ("Zoë Okafor").
    pub name: String,
    /// When the partner made the bundle it came in.
    pub shared_at: DateTime<Utc>,
    /// Whether the link's fingerprint words were compared and found the same; until then
    /// everything received says "not verified".
    pub verified: bool,
}

/// The partner's own SWOT as they shared it, offered as the board's partner column.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SharedSwot {
    pub by: SharedBy,
    /// Their shared snapshots (side `partner`, in my words), newest first: what the partner
    /// column can show instead of my view of their SWOT.
    pub snapshots: Vec<SwotSnapshot>,
    /// Whether the board's partner column shows one of them (else it is my view of theirs).
    pub shown: bool,
}

/// A shared session of the partner's, and the session of mine held the same day, if any.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PartnerSession {
    pub session: BundleSession,
    /// My live session held on the same day (the nearest in time when I have several).
    pub linked_session_id: Option<Uuid>,
}

/// The partner's shared sessions, oldest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PartnerSessions {
    pub by: SharedBy,
    pub sessions: Vec<PartnerSession>,
}

/// A shared goal of the partner's with where it stands, and my goal of (nearly) the same
/// title, if any.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PartnerGoal {
    /// With its milestones in order and its progress oldest first.
    pub goal: BundleGoal,
    /// The latest progress value (by date), if any was recorded.
    pub progress: Option<u8>,
    pub milestones_done: u32,
    pub milestones_total: u32,
    /// My live goal whose title is the same or nearly the same (each of mine is linked to at
    /// most one of theirs, the closest titles first).
    pub linked_goal_id: Option<Uuid>,
}

/// The partner's shared goals, in the order they keep them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PartnerGoals {
    pub by: SharedBy,
    pub goals: Vec<PartnerGoal>,
}

/// What the partner's last bundle means for my open items.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PartnerOpenItems {
    pub by: SharedBy,
    /// Action items of the partner's sessions asked of me (mine or both of ours, in my
    /// words) that neither they nor I marked done, by due date (undated last).
    pub asked_of_me: Vec<AskedOfMe>,
    /// My open action items the partner says they did (their bundle acknowledges them):
    /// offered to tick.
    pub says_done: Vec<ActionItemView>,
}
