use tandem_core::Store;
use tandem_core::model::*;
use uuid::Uuid;

use crate::{action_draft, assert_error, date, datetime, session_draft, store_with_partnership};

/// A store with a partnership and one session held on 2026-03-03.
fn with_session() -> (Store, Uuid, Session) {
    let (mut store, pid) = store_with_partnership();
    let s = store
        .create_session(pid, &session_draft("Kick-off"))
        .unwrap();
    (store, pid, s)
}

#[test]
fn items_are_appended_in_order_and_updates_keep_identity() {
    let (mut store, _, s) = with_session();
    let a = store
        .create_action_item(s.id, &action_draft("  Try Copilot  ", Some("2026-03-10")))
        .unwrap();
    let b = store
        .create_action_item(s.id, &action_draft("Send the budget template", None))
        .unwrap();
    assert_eq!((a.position, b.position), (0, 1));
    assert_eq!(a.text, "Try Copilot");
    assert_eq!(a.session_id, s.id);

    let mut d = a.draft();
    d.done = true;
    d.owner = Owner::Both;
    d.due_on = Some(date("2026-03-03"));
    let updated = store.update_action_item(a.id, &d).unwrap();
    assert_eq!(updated.created_at, a.created_at);
    assert_eq!(updated.position, 0);
    assert!(updated.updated_at >= a.updated_at);

    let items = store.list_action_items(s.id).unwrap();
    assert_eq!(items, vec![updated, b]);
}

#[test]
fn text_of_every_kind_is_kept_verbatim() {
    let (mut store, _, s) = with_session();
    for text in [
        "Zoë 👩🏽‍💻 shows me Notion",
        "مرحبا بالعالم — اكتب المنشور",
        "<script>alert(1)</script>",
        "'); DROP TABLE action_item; --",
        &"x".repeat(2000),
    ] {
        let a = store
            .create_action_item(s.id, &action_draft(text, None))
            .unwrap();
        assert_eq!(a.text, text);
    }
    let listed: Vec<String> = store
        .list_action_items(s.id)
        .unwrap()
        .into_iter()
        .map(|a| a.text)
        .collect();
    assert_eq!(listed.len(), 5);
    assert_eq!(listed[3], "'); DROP TABLE action_item; --");
}

#[test]
fn invalid_items_are_refused_with_a_clear_message() {
    let (mut store, _, s) = with_session();
    let good = store
        .create_action_item(s.id, &action_draft("Good", None))
        .unwrap();
    let cases = [
        (action_draft("", None), "text", "cannot be empty"),
        (action_draft(" \n\t", None), "text", "cannot be empty"),
        (
            action_draft(&"y".repeat(2001), None),
            "text",
            "2,001 characters long; the limit is 2,000. Put the details",
        ),
        (action_draft("a\0b", None), "text", "NUL"),
        (
            action_draft("Before", Some("2026-03-02")),
            "due_on",
            "(2026-03-02) is before the day of its session (2026-03-03)",
        ),
        (
            action_draft("Far", Some("3026-01-01")),
            "due_on",
            "not a plausible date",
        ),
    ];
    for (draft, field, needle) in cases {
        let e = assert_error(
            store.create_action_item(s.id, &draft),
            "invalid_input",
            Some(field),
        );
        assert!(e.to_string().contains(needle), "{e}");
        assert_error(
            store.update_action_item(good.id, &draft),
            "invalid_input",
            Some(field),
        );
    }
    assert_eq!(store.list_action_items(s.id).unwrap(), vec![good]);
}

#[test]
fn unknown_session_or_item_is_not_found() {
    let (mut store, _, _) = with_session();
    assert_error(
        store.create_action_item(Uuid::new_v4(), &action_draft("x", None)),
        "not_found",
        None,
    );
    assert_error(
        store.update_action_item(Uuid::new_v4(), &action_draft("x", None)),
        "not_found",
        None,
    );
    assert_error(store.list_action_items(Uuid::new_v4()), "not_found", None);
}

#[test]
fn open_items_come_overdue_first_then_by_due_date_undated_last() {
    let (mut store, pid) = store_with_partnership();
    let mut early = session_draft("Early");
    early.held_at = datetime("2026-03-01T10:00");
    let early = store.create_session(pid, &early).unwrap();
    let mut late = session_draft("Late");
    late.held_at = datetime("2026-03-15T10:00");
    let late = store.create_session(pid, &late).unwrap();

    let mk = |store: &mut Store, s: &Session, text: &str, due: Option<&str>| {
        store
            .create_action_item(s.id, &action_draft(text, due))
            .unwrap()
    };
    mk(&mut store, &late, "undated late", None);
    mk(&mut store, &early, "due 04-10", Some("2026-04-10"));
    mk(&mut store, &late, "overdue 03-18", Some("2026-03-18"));
    mk(&mut store, &early, "undated early", None);
    mk(&mut store, &early, "overdue 03-05", Some("2026-03-05"));
    mk(&mut store, &late, "due today", Some("2026-03-20"));
    let done = mk(&mut store, &early, "done overdue", Some("2026-03-02"));
    let mut d = done.draft();
    d.done = true;
    store.update_action_item(done.id, &d).unwrap();

    let open = store.open_action_items(pid, date("2026-03-20")).unwrap();
    let texts: Vec<&str> = open.iter().map(|v| v.item.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "overdue 03-05",
            "overdue 03-18",
            "due today",
            "due 04-10",
            "undated early",
            "undated late"
        ]
    );
    let overdue: Vec<bool> = open.iter().map(|v| v.overdue).collect();
    assert_eq!(overdue, [true, true, false, false, false, false]);
    assert_eq!(open[0].session_title, "Early");
    assert_eq!(open[0].session_held_at, datetime("2026-03-01T10:00"));

    // The session list counts each session's open items.
    let list = store.list_sessions(pid, 10, 0).unwrap();
    let counts: Vec<(String, u32)> = list
        .into_iter()
        .map(|s| (s.title, s.open_actions))
        .collect();
    assert_eq!(counts, [("Late".into(), 3), ("Early".into(), 3)]);

    // Another partnership's items never show.
    let other = store
        .create_partnership(&crate::partnership_draft("Ana"))
        .unwrap();
    assert!(
        store
            .open_action_items(other.id, date("2026-03-20"))
            .unwrap()
            .is_empty()
    );
}
