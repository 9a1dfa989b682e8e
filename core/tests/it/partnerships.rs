use tandem_core::Store;
use tandem_core::model::*;

use crate::{assert_error, date, partnership_draft, session_draft};

#[test]
fn create_then_get_returns_what_was_written() {
    let mut store = Store::open_in_memory().unwrap();
    let created = store
        .create_partnership(&partnership_draft("  Zoë Okafor "))
        .unwrap();
    assert_eq!(created.partner_name, "Zoë Okafor", "names are trimmed");
    assert_eq!(created.created_at, created.updated_at);
    assert_eq!(store.get_partnership(created.id).unwrap(), created);
}

#[test]
fn update_keeps_id_and_creation_time_and_moves_updated_at() {
    let mut store = Store::open_in_memory().unwrap();
    let created = store.create_partnership(&partnership_draft("Zoë")).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(3));
    let mut draft = created.draft();
    draft.agreement.boundaries = "No messages after 19:00 🙏".into();
    draft.ended_on = Some(date("2026-09-01"));
    let updated = store.update_partnership(created.id, &draft).unwrap();
    assert_eq!(updated.id, created.id);
    assert_eq!(updated.created_at, created.created_at);
    assert!(updated.updated_at > created.updated_at);
    assert_eq!(store.get_partnership(created.id).unwrap().draft(), draft);
}

#[test]
fn list_shows_open_partnerships_first_then_most_recent_activity() {
    let mut store = Store::open_in_memory().unwrap();
    let quiet = store
        .create_partnership(&partnership_draft("Quiet"))
        .unwrap();
    let busy = store
        .create_partnership(&partnership_draft("Busy"))
        .unwrap();
    let mut ended_draft = partnership_draft("Ended");
    ended_draft.ended_on = Some(date("2026-06-01"));
    let ended = store.create_partnership(&ended_draft).unwrap();
    store
        .create_session(busy.id, &session_draft("One"))
        .unwrap();
    store
        .create_session(busy.id, &session_draft("Two"))
        .unwrap();

    let list = store.list_partnerships().unwrap();
    let names: Vec<_> = list.iter().map(|o| o.partnership.id).collect();
    assert_eq!(names, vec![busy.id, quiet.id, ended.id]);
    assert_eq!(list[0].session_count, 2);
    assert_eq!(list[0].last_session_at, Some(session_draft("x").held_at));
    assert_eq!(list[1].session_count, 0);
    assert_eq!(list[1].last_session_at, None);
}

#[test]
fn invalid_drafts_are_refused_with_the_field_and_nothing_is_written() {
    type Breaks = Box<dyn Fn(&mut PartnershipDraft)>;
    let cases: Vec<(&str, Breaks)> = vec![
        ("partner_name", Box::new(|d| d.partner_name = "   ".into())),
        (
            "partner_name",
            Box::new(|d| d.partner_name = "x".repeat(301)),
        ),
        (
            "partner_name",
            Box::new(|d| d.partner_name = "Zo\0ë".into()),
        ),
        (
            "ended_on",
            Box::new(|d| d.ended_on = Some(date("2026-03-01"))),
        ),
        (
            "started_on",
            Box::new(|d| d.started_on = date("1492-10-12")),
        ),
        (
            "agreement.cadence_days",
            Box::new(|d| d.agreement.cadence_days = Some(0)),
        ),
        (
            "agreement.session_minutes",
            Box::new(|d| d.agreement.session_minutes = Some(1441)),
        ),
    ];
    for (field, break_it) in cases {
        let mut store = Store::open_in_memory().unwrap();
        let mut draft = partnership_draft("Zoë");
        break_it(&mut draft);
        assert_error(
            store.create_partnership(&draft),
            "invalid_input",
            Some(field),
        );
        assert!(
            store.list_partnerships().unwrap().is_empty(),
            "{field}: nothing written"
        );

        let good = store.create_partnership(&partnership_draft("Zoë")).unwrap();
        assert_error(
            store.update_partnership(good.id, &draft),
            "invalid_input",
            Some(field),
        );
        assert_eq!(
            store.get_partnership(good.id).unwrap(),
            good,
            "{field}: unchanged"
        );
    }
}

#[test]
fn text_that_looks_like_code_or_is_not_latin_is_kept_verbatim() {
    let mut store = Store::open_in_memory().unwrap();
    for name in [
        "<script>window.pwned=1</script>",
        "Robert'); DROP TABLE partnership;--",
        "مريم الحسيني",
        "👩🏽‍💻 Zoë",
        "Ζωή Οκαφόρ",
        "\u{202E}evil\u{202C}",
    ] {
        let p = store.create_partnership(&partnership_draft(name)).unwrap();
        assert_eq!(store.get_partnership(p.id).unwrap().partner_name, name);
    }
    assert_eq!(store.list_partnerships().unwrap().len(), 6);
}

#[test]
fn unknown_ids_are_not_found() {
    let mut store = Store::open_in_memory().unwrap();
    let id = uuid::Uuid::new_v4();
    assert_error(store.get_partnership(id), "not_found", None);
    assert_error(
        store.update_partnership(id, &partnership_draft("x")),
        "not_found",
        None,
    );
}

#[test]
fn a_partnership_is_found_by_id_or_by_its_partners_name_once() {
    let mut store = Store::open_in_memory().unwrap();
    let e = store.find_partnership("Zoë").unwrap_err();
    assert!(e.to_string().contains("no partnerships yet"), "{e}");
    let zoe = store
        .create_partnership(&partnership_draft("Zoë Okafor"))
        .unwrap();
    assert_eq!(store.find_partnership(" zoë okafor ").unwrap(), zoe.id);
    assert_eq!(store.find_partnership(&zoe.id.to_string()).unwrap(), zoe.id);
    let e = store.find_partnership("Ana").unwrap_err();
    assert_eq!(e.field(), Some("partnership"));
    assert!(e.to_string().contains("Zoë Okafor"), "{e}");
    store
        .create_partnership(&partnership_draft("ZOË OKAFOR"))
        .unwrap();
    let e = store.find_partnership("Zoë Okafor").unwrap_err();
    assert!(e.to_string().contains("matches 2 partnerships"), "{e}");
}
