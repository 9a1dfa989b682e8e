//! Partner exchange as the UI and the command line see it: a partnership's link, what
//! pairing and sharing answer, and the preview of a bundle before it is imported. The
//! bundle's own types are `crate::exchange::payload`'s.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use serde::Serialize;
use ts_rs::TS;
use uuid::Uuid;

use super::{Owner, PartnershipKind, Role};

/// Where a link stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum LinkState {
    /// I invited; my partner's first bundle has not come yet.
    Invited,
    /// Both sides know each other's keys.
    Paired,
    /// Stopped: nothing is sent or received any more (what was received may stay).
    Unpaired,
}

/// A partnership's exchange link, without its secrets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ExchangeLink {
    /// 32 lowercase hex digits, as in the invite and every bundle.
    pub id: String,
    pub partnership_id: Uuid,
    /// The partner's name as the invite gave it (or the partnership's, for the inviter).
    pub partner_name: String,
    pub state: LinkState,
    /// The six words both partners read to each other; absent until both keys are known.
    pub fingerprint: Option<Vec<String>>,
    /// When the words were compared and found the same (absent: not verified).
    pub verified_at: Option<DateTime<Utc>>,
    /// The sequence of the last bundle I made for the link (0: none yet).
    #[ts(type = "number")]
    pub sent_sequence: u64,
    /// The sequence of the last bundle I imported from the partner (0: none yet).
    #[ts(type = "number")]
    pub received_sequence: u64,
    /// When the partner made that bundle.
    pub received_shared_at: Option<DateTime<Utc>>,
}

/// What `invite` answers: the invite's text (safe to send by any channel).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct InviteOut {
    pub link: ExchangeLink,
    pub text: String,
}

/// What accepting an invite or sharing answers (the bundle itself is written to a file).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ShareReport {
    pub link: ExchangeLink,
    #[ts(type = "number")]
    pub sequence: u64,
    /// The bundle's size in bytes.
    #[ts(type = "number")]
    pub bytes: u64,
    pub counts: ShareCounts,
}

/// How many records of each kind a bundle holds.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
pub struct ShareCounts {
    pub sessions: u32,
    pub action_items: u32,
    pub goals: u32,
    pub milestones: u32,
    pub progress: u32,
    pub swot_snapshots: u32,
    pub swot_items: u32,
    pub agreement: u32,
    pub acknowledgements: u32,
}

/// New, changed and no longer shared records of one kind, against the last bundle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct KindChanges {
    /// "sessions", "action_items", "goals", "milestones", "progress", "swot_snapshots",
    /// "swot_items", "agreement", "acknowledgements".
    pub kind: String,
    pub new: u32,
    pub changed: u32,
    pub withdrawn: u32,
}

/// An action item of the partner's asked of me (mine or both of ours, in my words).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct AskedOfMe {
    pub session_id: Uuid,
    pub session_title: String,
    pub session_held_at: NaiveDateTime,
    pub action_item_id: Uuid,
    pub text: String,
    pub owner: Owner,
    pub due_on: Option<NaiveDate>,
    pub done: bool,
}

/// What a bundle would do, read before anything is written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ReceivePreview {
    pub link: ExchangeLink,
    pub partnership_id: Uuid,
    /// Who it is from (the partner's name).
    pub from_name: String,
    /// Whether the link's fingerprint was verified.
    pub verified: bool,
    /// The first bundle of the link: its key is pinned on import (trust on first use).
    pub first: bool,
    #[ts(type = "number")]
    pub sequence: u64,
    pub shared_at: DateTime<Utc>,
    /// The very bundle imported last: importing it changes nothing.
    pub unchanged: bool,
    pub changes: Vec<KindChanges>,
    pub counts: ShareCounts,
    pub asked_of_me: Vec<AskedOfMe>,
}

/// An invite, read and checked before it is accepted: who it is from and what accepting it
/// makes. Nothing is written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct InvitePreview {
    /// The invite's text as read (from a file or pasted): what `accept_invite` is given.
    pub text: String,
    pub link_id: String,
    /// The inviter's name: the partner's name in a partnership made by accepting.
    pub inviter_name: String,
    pub inviter_role: Role,
    /// My role in the partnership: the inviter's flipped (mentor ↔ mentee; both stays).
    pub my_role: Role,
    pub kind: PartnershipKind,
    pub created_at: DateTime<Utc>,
}
