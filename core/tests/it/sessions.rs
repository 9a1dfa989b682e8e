use tandem_core::model::*;

use crate::{assert_error, datetime, session_draft, store_with_partnership};

#[test]
fn create_then_get_returns_what_was_written() {
    let (mut store, pid) = store_with_partnership();
    let s = store
        .create_session(pid, &session_draft(" Kick-off "))
        .unwrap();
    assert_eq!(s.title, "Kick-off");
    assert_eq!(s.partnership_id, pid);
    assert_eq!(store.get_session(s.id).unwrap(), s);
}

#[test]
fn autosave_updates_replace_the_draft_and_keep_identity() {
    let (mut store, pid) = store_with_partnership();
    let s = store
        .create_session(pid, &session_draft("Kick-off"))
        .unwrap();
    let mut draft = s.draft();
    for text in ["Z", "Zo", "Zoë showed me", "Zoë showed me her toolkit ☕"] {
        draft.notes = text.into();
        store.update_session(s.id, &draft).unwrap();
    }
    draft.format = SessionFormat::Video;
    draft.held_at = datetime("2026-03-04T09:00");
    let last = store.update_session(s.id, &draft).unwrap();
    assert_eq!(last.created_at, s.created_at);
    assert_eq!(store.get_session(s.id).unwrap().draft(), draft);
}

#[test]
fn list_is_newest_first_paged_and_excerpted() {
    let (mut store, pid) = store_with_partnership();
    for day in 1..=9 {
        let mut d = session_draft(&format!("Session {day}"));
        d.held_at = datetime(&format!("2026-04-0{day}T10:00"));
        d.notes = format!(
            "## Heading {day}\n\n**Bold** text\nover lines {}",
            "word ".repeat(100)
        );
        store.create_session(pid, &d).unwrap();
    }
    let first = store.list_sessions(pid, 4, 0).unwrap();
    let titles: Vec<_> = first.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(titles, ["Session 9", "Session 8", "Session 7", "Session 6"]);
    let rest = store.list_sessions(pid, 50, 4).unwrap();
    assert_eq!(rest.len(), 5);
    assert_eq!(rest.last().unwrap().title, "Session 1");

    let excerpt = &first[0].excerpt;
    assert!(
        excerpt.starts_with("Heading 9 Bold text over lines word"),
        "{excerpt}"
    );
    assert!(excerpt.ends_with('…'));
    assert!(excerpt.chars().count() <= 161);
    assert!(!excerpt.contains('\n') && !excerpt.contains("**"));
}

#[test]
fn sessions_of_another_partnership_are_not_listed() {
    let (mut store, pid) = store_with_partnership();
    let other = store
        .create_partnership(&crate::partnership_draft("Ana"))
        .unwrap();
    store.create_session(pid, &session_draft("Mine")).unwrap();
    store
        .create_session(other.id, &session_draft("Ana's"))
        .unwrap();
    let titles: Vec<_> = store
        .list_sessions(pid, 50, 0)
        .unwrap()
        .into_iter()
        .map(|s| s.title)
        .collect();
    assert_eq!(titles, ["Mine"]);
}

#[test]
fn invalid_drafts_are_refused_with_the_field_and_nothing_is_written() {
    type Breaks = Box<dyn Fn(&mut SessionDraft)>;
    let cases: Vec<(&str, Breaks)> = vec![
        ("title", Box::new(|d| d.title = "".into())),
        ("title", Box::new(|d| d.title = " \t\n".into())),
        ("duration_minutes", Box::new(|d| d.duration_minutes = 0)),
        (
            "duration_minutes",
            Box::new(|d| d.duration_minutes = 24 * 60 + 1),
        ),
        (
            "held_at",
            Box::new(|d| d.held_at = datetime("3026-01-01T10:00")),
        ),
        (
            "notes",
            Box::new(|d| d.notes = "a".repeat(5 * 1024 * 1024 + 1)),
        ),
        ("notes", Box::new(|d| d.notes = "before\0after".into())),
        ("place", Box::new(|d| d.place = "p".repeat(301))),
    ];
    for (field, break_it) in cases {
        let (mut store, pid) = store_with_partnership();
        let good = store.create_session(pid, &session_draft("Good")).unwrap();
        let mut draft = session_draft("Bad");
        break_it(&mut draft);
        assert_error(
            store.create_session(pid, &draft),
            "invalid_input",
            Some(field),
        );
        assert_error(
            store.update_session(good.id, &draft),
            "invalid_input",
            Some(field),
        );
        assert_eq!(store.list_sessions(pid, 50, 0).unwrap().len(), 1, "{field}");
        assert_eq!(
            store.get_session(good.id).unwrap(),
            good,
            "{field}: unchanged"
        );
    }
}

#[test]
fn a_one_megabyte_note_with_every_script_round_trips() {
    let (mut store, pid) = store_with_partnership();
    let chunk = "Zoë 👩🏽‍💻 مرحبا Ελληνικά кириллица 中文 <b>x</b> '; DROP TABLE session;-- \u{200B}\n";
    let notes = chunk.repeat(1024 * 1024 / chunk.len() + 1);
    assert!(notes.len() > 1024 * 1024);
    let mut d = session_draft("Big");
    d.notes = notes.clone();
    let s = store.create_session(pid, &d).unwrap();
    assert_eq!(store.get_session(s.id).unwrap().notes, notes);
}

#[test]
fn a_session_needs_an_existing_partnership() {
    let (mut store, _) = store_with_partnership();
    assert_error(
        store.create_session(uuid::Uuid::new_v4(), &session_draft("x")),
        "not_found",
        None,
    );
    assert_error(
        store.update_session(uuid::Uuid::new_v4(), &session_draft("x")),
        "not_found",
        None,
    );
}
