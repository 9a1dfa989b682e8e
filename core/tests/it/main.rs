//! Integration tests of `tandem-core`, a module per area of the crate.
#![allow(clippy::unwrap_used)]

mod actions;
mod backup;
mod crash;
mod dashboard;
mod demo;
mod exchange;
mod exchange_proofs;
mod exchange_store;
mod files;
mod goals;
mod hostile;
mod journal;
mod life;
mod markdown;
mod migrations;
mod open;
mod other_process;
mod partner_view;
mod partnerships;
mod report;
mod revisions;
mod sample;
mod search;
mod sessions;
mod swot;
mod trash;
mod visibility;

use chrono::{NaiveDate, NaiveDateTime};
use tandem_core::Store;
use tandem_core::model::*;

pub fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

pub fn datetime(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").unwrap()
}

pub fn partnership_draft(name: &str) -> PartnershipDraft {
    PartnershipDraft {
        partner_name: name.to_owned(),
        partner_org: "Northwind".to_owned(),
        my_name: "Henrik".to_owned(),
        my_role: Role::Mentee,
        kind: PartnershipKind::Reverse,
        started_on: date("2026-03-02"),
        ended_on: None,
        agreement: Agreement {
            objectives: "- AI tools\n- leadership".to_owned(),
            boundaries: "Chat only on weekdays".to_owned(),
            cadence_days: Some(14),
            session_minutes: Some(45),
            ending: "Review after six months".to_owned(),
            visibility: Visibility::Private,
        },
    }
}

pub fn session_draft(title: &str) -> SessionDraft {
    SessionDraft {
        held_at: datetime("2026-03-03T16:15"),
        duration_minutes: 45,
        format: SessionFormat::Coffee,
        place: "Café Ström".to_owned(),
        title: title.to_owned(),
        agenda: String::new(),
        notes: "# Kick-off\n\nZoë taught me **prompts**; Ελληνικά and кириллица too.".to_owned(),
        shared: String::new(),
        learned: String::new(),
        topics: Vec::new(),
        rating: None,
        reflection: String::new(),
        visibility: Visibility::Private,
    }
}

/// A store with one partnership, and that partnership's id.
pub fn store_with_partnership() -> (Store, uuid::Uuid) {
    let mut store = Store::open_in_memory().unwrap();
    let p = store
        .create_partnership(&partnership_draft("Zoë Okafor"))
        .unwrap();
    (store, p.id)
}

/// Asserts that `result` failed with `code`, and (for invalid input) on `field`.
#[track_caller]
pub fn assert_error<T: std::fmt::Debug>(
    result: tandem_core::Result<T>,
    code: &str,
    field: Option<&str>,
) -> tandem_core::Error {
    let e = result.expect_err("expected an error");
    assert_eq!(e.code(), code, "wrong code for: {e}");
    assert_eq!(e.field(), field, "wrong field for: {e}");
    assert!(!e.to_string().is_empty());
    e
}

pub fn action_draft(text: &str, due_on: Option<&str>) -> ActionItemDraft {
    ActionItemDraft {
        text: text.to_owned(),
        owner: Owner::Me,
        due_on: due_on.map(date),
        done: false,
    }
}

pub fn goal_draft(title: &str) -> GoalDraft {
    GoalDraft {
        title: title.to_owned(),
        description: "Use **AI tools** weekly".to_owned(),
        whose: Whose::Shared,
        direction: LearningDirection::BothLearn,
        success_criteria: "- five summaries".to_owned(),
        target_on: Some(date("2026-09-01")),
        status: GoalStatus::Active,
        visibility: Visibility::Private,
    }
}

pub fn milestone_draft(title: &str) -> MilestoneDraft {
    MilestoneDraft {
        title: title.to_owned(),
        due_on: Some(date("2026-05-01")),
        done: false,
    }
}

pub fn progress_draft(on: &str, value: u8) -> ProgressDraft {
    ProgressDraft {
        recorded_on: date(on),
        value,
        note: format!("{value}% ✓"),
    }
}
