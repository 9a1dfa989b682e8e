//! The journal as one JSON document: what `tandem export-json` writes and
//! `tandem import-json` reads. The format is documented in `docs/journal-format.md`.
//!
//! Field names are the domain types' own (snake_case). `exported_at` is informative and
//! the only field that differs between two exports of the same journal.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::model::{
    ActionItem, Goal, Milestone, Partnership, ProgressEntry, Session, SwotItem, SwotPairDismissal,
    SwotSnapshot, TowsStrategy,
};

/// The version of the export format this build writes.
pub const FORMAT_VERSION: u32 = 5;
/// The oldest export format this build still reads. Version history:
/// 1: partnerships and sessions; 2: sessions gain `visibility` (absent = private);
/// 3: sessions gain agenda, shared, learned, topics, rating, reflection; action items,
/// goals, milestones, progress, SWOT snapshots and items, TOWS strategies; `deleted_at` on
/// everything (what is in the trash); 4: `swot_pair_dismissals` ("not the same"); 5: goals,
/// SWOT snapshots and the agreement gain `visibility` (absent = private).
pub const OLDEST_FORMAT_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JournalFile {
    pub format_version: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exported_at: Option<DateTime<Utc>>,
    pub partnerships: Vec<Partnership>,
    pub sessions: Vec<Session>,
    /// The lists below are absent in files before format version 3.
    #[serde(default)]
    pub action_items: Vec<ActionItem>,
    #[serde(default)]
    pub goals: Vec<Goal>,
    #[serde(default)]
    pub milestones: Vec<Milestone>,
    #[serde(default)]
    pub progress: Vec<ProgressEntry>,
    #[serde(default)]
    pub swot_snapshots: Vec<SwotSnapshot>,
    #[serde(default)]
    pub swot_items: Vec<SwotItem>,
    #[serde(default)]
    pub tows_strategies: Vec<TowsStrategy>,
    /// Absent in files before format version 4.
    #[serde(default)]
    pub swot_pair_dismissals: Vec<SwotPairDismissal>,
}

/// What an import did. Records already present and identical, or newer in the journal than
/// in the file, are left as they are.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
pub struct ImportReport {
    pub added: u32,
    pub updated: u32,
    pub unchanged: u32,
    /// Records of the file this journal deleted for good (emptied from the trash), left
    /// out so that an older copy never brings them back.
    pub left_deleted: u32,
}

impl JournalFile {
    /// Parses an export, checking its `format_version` before anything else so that a file
    /// from a newer Tandem gets that explanation rather than a confusing field error.
    pub fn parse(text: &str) -> Result<JournalFile> {
        #[derive(Deserialize)]
        struct Probe {
            format_version: Option<serde_json::Value>,
        }
        let probe: Probe = serde_json::from_str(text)
            .map_err(|e| Error::Import(format!("it is not a JSON object ({e})")))?;
        let version = match probe.format_version {
            None => {
                return Err(Error::Import(
                    "it has no \"format_version\", so it is not a Tandem journal export".into(),
                ));
            }
            Some(v) => v.as_u64().ok_or_else(|| {
                Error::Import(format!(
                    "\"format_version\" must be a whole number, not {v}"
                ))
            })?,
        };
        if version > u64::from(FORMAT_VERSION) || version < u64::from(OLDEST_FORMAT_VERSION) {
            return Err(Error::Import(format!(
                "it is format version {version}, and this version of Tandem reads versions {OLDEST_FORMAT_VERSION} to {FORMAT_VERSION}{}",
                if version > u64::from(FORMAT_VERSION) {
                    "; update Tandem to import it"
                } else {
                    ""
                }
            )));
        }
        let de = &mut serde_json::Deserializer::from_str(text);
        serde_path_to_error::deserialize(de).map_err(|e| {
            let path = e.path().to_string();
            let inner = e.into_inner();
            let (line, column) = (inner.line(), inner.column());
            let msg = inner.to_string();
            // serde_json appends its own position; we give it once, with the field's path.
            let msg = msg.split(" at line ").next().unwrap_or(&msg).to_owned();
            Error::Import(format!("{path}: {msg} (line {line}, column {column})"))
        })
    }

    pub fn to_json(&self) -> Result<String> {
        serde_json::to_string_pretty(self).map_err(|e| Error::Import(e.to_string()))
    }
}
