//! The large-journal generator: right counts, realistic, deterministic, searchable.

use std::collections::HashSet;

use tandem_core::Store;
use tandem_core::demo::{self, GenerateReport};

use crate::{assert_error, date};

fn today() -> chrono::NaiveDate {
    date("2026-06-01")
}

fn generated(sessions: u32, seed: u64) -> (Store, GenerateReport) {
    let mut store = Store::open_in_memory().unwrap();
    let report = demo::generate(&mut store, sessions, seed, today()).unwrap();
    (store, report)
}

#[test]
fn a_200_session_journal_has_the_right_counts_and_is_searchable() {
    let (store, report) = generated(200, 7);
    assert_eq!(report.partnerships, 1);
    assert_eq!(report.sessions, 200);
    assert_eq!(report.goals, 3);
    let exported = store.export_journal().unwrap();
    assert_eq!(exported.partnerships.len(), 1);
    assert_eq!(exported.sessions.len(), 200);
    assert_eq!(exported.action_items.len() as u32, report.action_items);
    assert_eq!(exported.goals.len() as u32, report.goals);
    assert_eq!(exported.milestones.len() as u32, report.milestones);
    assert_eq!(exported.progress.len() as u32, report.progress);
    assert!(report.action_items > 100 && report.action_items < 500);
    assert_eq!(
        report.added,
        report.partnerships
            + report.sessions
            + report.action_items
            + report.goals
            + report.milestones
            + report.progress
    );

    let pid = exported.partnerships[0].id;
    let dash = store.dashboard(pid, today()).unwrap();
    assert_eq!(dash.session_count, 200);
    assert!(!dash.stalled, "the latest session is recent");
    assert!(dash.days_since_last.unwrap() <= 14);
    assert!(!dash.open_actions.is_empty());
    // Old action items are mostly done.
    let done = exported.action_items.iter().filter(|a| a.done).count();
    assert!(done * 10 > exported.action_items.len() * 7, "{done}");

    // Searchable: common words hit many sessions; a word from one session's notes finds it.
    assert_eq!(store.search("delegation", 50).unwrap().len(), 50);
    let s = &exported.sessions[123];
    let word = s
        .notes
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| w.len() > 6)
        .unwrap();
    let found = store.search(word, 1000).unwrap();
    assert!(found.iter().any(|h| h.id == s.id), "{word}");
}

#[test]
fn sessions_look_real() {
    let file = demo::journal(300, 42, today()).unwrap();
    let mut titles = HashSet::new();
    let mut markdown = 0;
    for s in &file.sessions {
        let words = s.notes.split_whitespace().count();
        assert!((80..=480).contains(&words), "{words} words");
        assert!((1..=3).contains(&s.topics.len()));
        assert!(!s.agenda.is_empty() && !s.shared.is_empty() && !s.learned.is_empty());
        assert!(s.held_at.date() <= today());
        if s.notes.contains("- ") || s.notes.contains("**") || s.notes.contains("## ") {
            markdown += 1;
        }
        titles.insert(s.title.clone());
    }
    assert!(markdown > 250, "{markdown} of 300 use Markdown");
    assert!(titles.len() > 100, "only {} distinct titles", titles.len());
    let mut days: Vec<_> = file.sessions.iter().map(|s| s.held_at.date()).collect();
    days.sort();
    for pair in days.windows(2) {
        let gap = (pair[1] - pair[0]).num_days();
        assert!((3..=14).contains(&gap), "gap of {gap} days");
    }
}

#[test]
fn big_journals_spread_over_a_handful_of_partnerships() {
    let file = demo::journal(10_000, 1, today()).unwrap();
    assert_eq!(file.partnerships.len(), 6);
    assert_eq!(file.sessions.len(), 10_000);
    let first = file.partnerships[0].id;
    let in_first = file
        .sessions
        .iter()
        .filter(|s| s.partnership_id == first)
        .count();
    assert!(in_first >= 7_000, "{in_first}");
    for s in &file.sessions {
        let p = file
            .partnerships
            .iter()
            .find(|p| p.id == s.partnership_id)
            .unwrap();
        assert!(s.held_at.date() >= p.started_on);
        assert!(s.held_at.date() <= p.ended_on.unwrap_or(today()));
        assert!(s.held_at.date() >= date("1950-01-01"));
    }
    assert!(file.partnerships.iter().any(|p| p.ended_on.is_some()));
}

#[test]
fn the_same_seed_makes_the_same_journal() {
    let a = demo::journal(150, 9, today()).unwrap();
    let b = demo::journal(150, 9, today()).unwrap();
    let c = demo::journal(150, 10, today()).unwrap();
    assert_eq!(a.to_json().unwrap(), b.to_json().unwrap());
    assert_ne!(a.to_json().unwrap(), c.to_json().unwrap());

    // Generating it again into the same journal adds nothing.
    let mut store = Store::open_in_memory().unwrap();
    let first = demo::generate(&mut store, 150, 9, today()).unwrap();
    assert!(first.added > 150);
    let again = demo::generate(&mut store, 150, 9, today()).unwrap();
    assert_eq!(again.added, 0);
    assert_eq!(store.export_journal().unwrap().sessions.len(), 150);
}

#[test]
fn limits_are_explained() {
    let mut store = Store::open_in_memory().unwrap();
    assert_error(
        demo::generate(&mut store, demo::MAX_SESSIONS + 1, 1, today()),
        "invalid_input",
        Some("sessions"),
    );
    let empty = demo::generate(&mut store, 0, 1, today()).unwrap();
    assert_eq!((empty.partnerships, empty.sessions), (1, 0));
}
