//! SWOT analyses: each partnership has two sides (mine and my partner's); each side has
//! dated snapshots; a snapshot has four quadrants of ordered items. TOWS strategies pair an
//! internal item (strength or weakness) with an external one (opportunity or threat).

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use super::Visibility;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    Mine,
    Partner,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Quadrant {
    Strengths,
    Weaknesses,
    Opportunities,
    Threats,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Priority {
    High,
    Medium,
    Low,
}

/// One side's SWOT as it stood on a day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SwotSnapshot {
    pub id: Uuid,
    pub partnership_id: Uuid,
    pub side: Side,
    pub taken_on: NaiveDate,
    /// Why a new snapshot was started ("after the reorganisation"); may be empty.
    pub reason: String,
    /// Whether the partner may receive it in the next bundle; only a snapshot of my own
    /// side can be shared. Absent in files before format version 5: private.
    #[serde(default)]
    pub visibility: Visibility,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub deleted_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SwotItemDraft {
    pub quadrant: Quadrant,
    pub text: String,
    pub priority: Option<Priority>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SwotItem {
    pub id: Uuid,
    pub snapshot_id: Uuid,
    pub quadrant: Quadrant,
    /// Order within its quadrant, from 0.
    pub position: u32,
    pub text: String,
    pub priority: Option<Priority>,
    /// The item of the earlier snapshot this one was copied forward from.
    pub origin_id: Option<Uuid>,
    /// An item on the other side the user marked as the same thing.
    pub link_id: Option<Uuid>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub deleted_at: Option<DateTime<Utc>>,
}

/// A snapshot with its items, quadrant by quadrant in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SwotView {
    pub snapshot: SwotSnapshot,
    pub items: Vec<SwotItem>,
}

/// Why two items (one per side) count as shared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Match {
    /// The same words, ignoring case, accents and punctuation.
    Same,
    /// Nearly the same wording.
    Similar,
    /// The user linked them.
    Linked,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SharedPair {
    pub mine: Uuid,
    pub partner: Uuid,
    pub by: Match,
}

/// "Not the same": the user said that an item of mine and one of my partner's (of the same
/// partnership) are not one thing, so the board no longer pairs them for their wording.
/// Kept by the two items' ids: editing either text does not bring the pair back; starting
/// a new snapshot carries it to the copies. Undoing it sets `undone_at` (the record stays,
/// so that an older export merged in later cannot bring it back).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SwotPairDismissal {
    pub mine_item_id: Uuid,
    pub partner_item_id: Uuid,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// When "not the same" was undone: the two pair up again when their wording is alike.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub undone_at: Option<DateTime<Utc>>,
}

/// The side-by-side view of a partnership: the latest (or chosen) snapshot of each side,
/// the items they share, and every snapshot of both sides (newest first) to choose from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SwotBoard {
    pub mine: Option<SwotView>,
    pub partner: Option<SwotView>,
    pub shared: Vec<SharedPair>,
    /// Every snapshot of my journal, of both sides (the partner's shared ones are in
    /// `partner_shared`).
    pub snapshots: Vec<SwotSnapshot>,
    /// The partner's own shared SWOT, when they shared one: offered as the partner column
    /// (and shown there when `shown`, read-only).
    pub partner_shared: Option<super::SharedSwot>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct MovedItem {
    pub before: SwotItem,
    pub after: SwotItem,
}

/// One side's earlier snapshot against a later one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SwotComparison {
    pub before: SwotSnapshot,
    pub after: SwotSnapshot,
    /// In the later snapshot only.
    pub added: Vec<SwotItem>,
    /// In the earlier snapshot only.
    pub removed: Vec<SwotItem>,
    /// In both, in the same quadrant (items of the later snapshot).
    pub kept: Vec<SwotItem>,
    /// In both, in another quadrant.
    pub moved: Vec<MovedItem>,
}

/// The four TOWS pairings: strength–opportunity, strength–threat, weakness–opportunity,
/// weakness–threat.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum TowsKind {
    So,
    St,
    Wo,
    Wt,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TowsDraft {
    pub kind: TowsKind,
    pub text: String,
    /// The strength or weakness it builds on.
    pub internal_item_id: Option<Uuid>,
    /// The opportunity or threat it answers.
    pub external_item_id: Option<Uuid>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TowsStrategy {
    pub id: Uuid,
    pub partnership_id: Uuid,
    pub kind: TowsKind,
    pub text: String,
    pub internal_item_id: Option<Uuid>,
    pub external_item_id: Option<Uuid>,
    /// The goal it was turned into.
    pub goal_id: Option<Uuid>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub deleted_at: Option<DateTime<Utc>>,
}
