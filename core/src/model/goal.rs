//! Goals of a partnership, their milestones and their dated progress.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use super::Visibility;

/// Whose goal it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Whose {
    Mine,
    Partners,
    Shared,
}

/// Which way the learning goes for a goal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum LearningDirection {
    /// I learn from my partner.
    ILearn,
    /// My partner learns from me.
    PartnerLearns,
    /// We learn from each other.
    BothLearn,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum GoalStatus {
    NotStarted,
    Active,
    Achieved,
    Dropped,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct GoalDraft {
    pub title: String,
    /// Markdown.
    pub description: String,
    pub whose: Whose,
    pub direction: LearningDirection,
    /// How we will know it is achieved (Markdown).
    pub success_criteria: String,
    pub target_on: Option<NaiveDate>,
    pub status: GoalStatus,
    /// Whether the partner may receive the goal, with its milestones and progress, in the
    /// next bundle. Absent (an older caller): private.
    #[serde(default)]
    pub visibility: Visibility,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Goal {
    pub id: Uuid,
    pub partnership_id: Uuid,
    pub title: String,
    pub description: String,
    pub whose: Whose,
    pub direction: LearningDirection,
    pub success_criteria: String,
    pub target_on: Option<NaiveDate>,
    pub status: GoalStatus,
    /// Covers the goal's milestones and progress. Absent in files before format version 5,
    /// where every goal was private.
    #[serde(default)]
    pub visibility: Visibility,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub deleted_at: Option<DateTime<Utc>>,
}

impl Goal {
    pub fn draft(&self) -> GoalDraft {
        GoalDraft {
            title: self.title.clone(),
            description: self.description.clone(),
            whose: self.whose,
            direction: self.direction,
            success_criteria: self.success_criteria.clone(),
            target_on: self.target_on,
            status: self.status,
            visibility: self.visibility,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MilestoneDraft {
    pub title: String,
    pub due_on: Option<NaiveDate>,
    pub done: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Milestone {
    pub id: Uuid,
    pub goal_id: Uuid,
    /// Order within its goal, from 0.
    pub position: u32,
    pub title: String,
    pub due_on: Option<NaiveDate>,
    pub done: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub deleted_at: Option<DateTime<Utc>>,
}

impl Milestone {
    pub fn draft(&self) -> MilestoneDraft {
        MilestoneDraft {
            title: self.title.clone(),
            due_on: self.due_on,
            done: self.done,
        }
    }
}

/// One dated measure of how far a goal has come.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ProgressDraft {
    pub recorded_on: NaiveDate,
    /// 0 to 100 (per cent).
    pub value: u8,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ProgressEntry {
    pub id: Uuid,
    pub goal_id: Uuid,
    pub recorded_on: NaiveDate,
    pub value: u8,
    pub note: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub deleted_at: Option<DateTime<Utc>>,
}

impl ProgressEntry {
    pub fn draft(&self) -> ProgressDraft {
        ProgressDraft {
            recorded_on: self.recorded_on,
            value: self.value,
            note: self.note.clone(),
        }
    }
}

/// A goal as a list and the dashboard show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct GoalSummary {
    pub goal: Goal,
    /// The latest progress value (by date), if any was recorded.
    pub progress: Option<u8>,
    pub milestones_done: u32,
    pub milestones_total: u32,
}

/// A goal with everything under it, for its page. Milestones in order, progress oldest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct GoalDetail {
    pub goal: Goal,
    pub milestones: Vec<Milestone>,
    pub progress: Vec<ProgressEntry>,
}
