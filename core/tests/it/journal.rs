use serde_json::Value;
use tandem_core::{FORMAT_VERSION, JournalFile, Store};

use crate::{assert_error, partnership_draft, session_draft};

/// A journal with every kind of record and awkward text in it.
fn filled_store() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    let p = store
        .create_partnership(&partnership_draft("Zoë Okafor"))
        .unwrap();
    let mut other = partnership_draft("مريم 👩🏽‍💻");
    other.agreement.cadence_days = None;
    other.ended_on = Some(crate::date("2026-12-31"));
    let q = store.create_partnership(&other).unwrap();
    store
        .create_session(p.id, &session_draft("Kick-off"))
        .unwrap();
    let mut d = session_draft("<script>alert(1)</script>");
    d.notes = "Ελληνικά, кириллица, 中文, emoji 🎉, \"quotes\" and \\ backslashes".into();
    store.create_session(q.id, &d).unwrap();
    store
}

fn without_exported_at(file: &JournalFile) -> Value {
    let mut v = serde_json::to_value(file).unwrap();
    v.as_object_mut().unwrap().remove("exported_at");
    v
}

#[test]
fn export_then_import_into_a_fresh_journal_gives_back_the_same_file() {
    let store = filled_store();
    let text = store.export_journal().unwrap().to_json().unwrap();

    let mut fresh = Store::open_in_memory().unwrap();
    let report = fresh
        .import_journal(&JournalFile::parse(&text).unwrap())
        .unwrap();
    assert_eq!((report.added, report.updated, report.unchanged), (4, 0, 0));
    let again = fresh.export_journal().unwrap().to_json().unwrap();

    let mut a: Value = serde_json::from_str(&text).unwrap();
    let mut b: Value = serde_json::from_str(&again).unwrap();
    assert!(a["exported_at"].is_string());
    a.as_object_mut().unwrap().remove("exported_at");
    b.as_object_mut().unwrap().remove("exported_at");
    assert_eq!(a, b);
    assert_eq!(a["format_version"], FORMAT_VERSION);
}

#[test]
fn the_sample_file_in_assets_round_trips_byte_for_byte() {
    // The committed sample is a hand-made export: importing and exporting it must give back
    // exactly its text, apart from `exported_at`.
    let text = include_str!("../../../assets/sample-journal.json");
    let mut store = Store::open_in_memory().unwrap();
    store
        .import_journal(&JournalFile::parse(text).unwrap())
        .unwrap();
    let mut out = store.export_journal().unwrap();
    out.exported_at = None;
    assert_eq!(format!("{}\n", out.to_json().unwrap()), text);
}

#[test]
fn importing_the_same_file_twice_changes_nothing() {
    let file = filled_store().export_journal().unwrap();
    let mut store = Store::open_in_memory().unwrap();
    store.import_journal(&file).unwrap();
    let before = store.export_journal().unwrap();
    let report = store.import_journal(&file).unwrap();
    assert_eq!((report.added, report.updated, report.unchanged), (0, 0, 4));
    assert_eq!(
        without_exported_at(&store.export_journal().unwrap()),
        without_exported_at(&before)
    );
}

#[test]
fn a_newer_record_wins_and_an_older_one_never_overwrites_a_later_edit() {
    let mut store = filled_store();
    let old = store.export_journal().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(3));
    let s = &old.sessions[0];
    let mut draft = s.draft();
    draft.notes = "edited after the export".into();
    store.update_session(s.id, &draft).unwrap();

    let report = store.import_journal(&old).unwrap();
    assert_eq!(report.updated, 0, "the stale copy lost");
    assert_eq!(
        store.get_session(s.id).unwrap().notes,
        "edited after the export"
    );

    let newer = store.export_journal().unwrap();
    let mut other = Store::open_in_memory().unwrap();
    other.import_journal(&old).unwrap();
    let report = other.import_journal(&newer).unwrap();
    assert_eq!(report.updated, 1);
    assert_eq!(
        other.get_session(s.id).unwrap().notes,
        "edited after the export"
    );
}

/// Each bad file is refused with `code` and a message mentioning `needle`; the journal it
/// was imported into is left exactly as it was.
fn check_refused(text: &str, needle: &str) {
    let mut store = filled_store();
    let before = without_exported_at(&store.export_journal().unwrap());
    let result = JournalFile::parse(text).and_then(|f| store.import_journal(&f));
    let e = assert_error(result, "import_invalid", None);
    let msg = e.to_string();
    assert!(msg.contains(needle), "{msg:?} should mention {needle:?}");
    assert!(msg.ends_with("Nothing was changed."), "{msg}");
    assert_eq!(
        without_exported_at(&store.export_journal().unwrap()),
        before
    );
}

fn good_file() -> Value {
    serde_json::to_value(filled_store().export_journal().unwrap()).unwrap()
}

fn with(edit: impl FnOnce(&mut Value)) -> String {
    let mut v = good_file();
    edit(&mut v);
    v.to_string()
}

#[test]
fn bad_files_are_refused_clearly_and_change_nothing() {
    check_refused("", "not a JSON object");
    check_refused(
        "{\"format_version\": 1, \"partnerships\": [",
        "not a JSON object",
    );
    check_refused("[1, 2]", "not a JSON object");
    check_refused("{\"partnerships\": []}", "no \"format_version\"");
    check_refused(
        &with(|v| v["format_version"] = 99.into()),
        "format version 99",
    );
    check_refused(&with(|v| v["format_version"] = "1".into()), "whole number");
    check_refused(
        &with(|v| v["sessions"][0]["format"] = "zoom".into()),
        "sessions[0].format",
    );
    check_refused(
        &with(|v| v["sessions"][0]["format"] = "zoom".into()),
        "unknown variant `zoom`",
    );
    check_refused(
        &with(|v| v["partnerships"][1]["my_role"] = "boss".into()),
        "partnerships[1].my_role",
    );
    check_refused(
        &with(|v| v["sessions"][1]["held_at"] = "2025-02-30T10:00:00".into()),
        "sessions[1].held_at",
    );
    check_refused(
        &with(|v| v["partnerships"][0]["started_on"] = "2025-13-01".into()),
        "partnerships[0].started_on",
    );
    check_refused(
        &with(|v| v["sessions"][0]["id"] = "not-a-uuid".into()),
        "sessions[0].id",
    );
    check_refused(
        &with(|v| {
            v["sessions"][0].as_object_mut().unwrap().remove("title");
        }),
        "missing field `title`",
    );
    check_refused(
        &with(|v| v["sessions"][0]["duration_minutes"] = (-5).into()),
        "sessions[0].duration_minutes",
    );
    check_refused(
        &with(|v| v["sessions"][0]["duration_minutes"] = 0.into()),
        "sessions[0].duration_minutes",
    );
    check_refused(
        &with(|v| v["sessions"][1]["title"] = "  ".into()),
        "sessions[1].title",
    );
    check_refused(
        &with(|v| v["partnerships"][0]["partner_name"] = "".into()),
        "partnerships[0].partner_name",
    );
    check_refused(
        &with(|v| v["sessions"][1]["partnership_id"] = uuid::Uuid::new_v4().to_string().into()),
        "neither in the file nor in this journal",
    );
    check_refused(
        &with(|v| {
            let dup = v["sessions"][0].clone();
            v["sessions"].as_array_mut().unwrap().push(dup);
        }),
        "appears twice",
    );
}

#[test]
fn a_bad_record_late_in_the_file_rolls_back_the_good_ones_before_it() {
    let text = with(|v| {
        v["sessions"][1]["partnership_id"] = uuid::Uuid::new_v4().to_string().into();
    });
    let mut empty = Store::open_in_memory().unwrap();
    let result = JournalFile::parse(&text).and_then(|f| empty.import_journal(&f));
    assert_error(result, "import_invalid", None);
    assert!(empty.list_partnerships().unwrap().is_empty());
}

#[test]
fn a_format_1_file_still_imports_and_its_sessions_are_private() {
    let mut v = good_file();
    v["format_version"] = 1.into();
    for s in v["sessions"].as_array_mut().unwrap() {
        s.as_object_mut().unwrap().remove("visibility");
    }
    let mut store = Store::open_in_memory().unwrap();
    store
        .import_journal(&JournalFile::parse(&v.to_string()).unwrap())
        .unwrap();
    let out = store.export_journal().unwrap();
    assert_eq!(out.format_version, FORMAT_VERSION);
    assert_eq!(out.sessions.len(), 2);
    assert!(
        out.sessions
            .iter()
            .all(|s| s.visibility == tandem_core::model::Visibility::Private)
    );
}
