use serde_json::Value;
use tandem_core::api::today;
use tandem_core::{FORMAT_VERSION, JournalFile, Store};

use tandem_core::model::*;

use crate::{
    action_draft, assert_error, goal_draft, milestone_draft, partnership_draft, progress_draft,
    session_draft,
};

/// A journal with every kind of record and awkward text in it: 2 partnerships, 2 sessions,
/// 2 action items (one in the trash), a goal, a milestone, a progress entry, a SWOT snapshot
/// with an item, and a TOWS strategy.
fn filled_store() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    let p = store
        .create_partnership(&partnership_draft("Zoë Okafor"))
        .unwrap();
    let mut other = partnership_draft("مريم 👩🏽‍💻");
    other.agreement.cadence_days = None;
    other.ended_on = Some(crate::date("2026-12-31"));
    let q = store.create_partnership(&other).unwrap();
    let mut k = session_draft("Kick-off");
    k.agenda = "1. Tools\n2. Stakeholders".into();
    k.shared = "Budgets 💶".into();
    k.learned = "שלום, prompts".into();
    k.topics = vec!["AI tools".into(), "Leadership".into()];
    k.rating = Some(4);
    k.reflection = "<i>private</i>".into();
    let kick_off = store.create_session(p.id, &k).unwrap();
    let mut d = session_draft("<script>alert(1)</script>");
    d.notes = "Ελληνικά, кириллица, 中文, emoji 🎉, \"quotes\" and \\ backslashes".into();
    store.create_session(q.id, &d).unwrap();
    store
        .create_action_item(
            kick_off.id,
            &action_draft("Try Copilot ✓", Some("2026-03-10")),
        )
        .unwrap();
    let gone = store
        .create_action_item(kick_off.id, &action_draft("'); DROP TABLE goal; --", None))
        .unwrap();
    store.move_to_trash(ItemKind::ActionItem, gone.id).unwrap();
    let g = store
        .create_goal(p.id, &goal_draft("Use AI tools"))
        .unwrap();
    store
        .create_milestone(g.id, &milestone_draft("First summary"))
        .unwrap();
    store
        .add_progress(g.id, &progress_draft("2026-03-03", 40))
        .unwrap();
    let snap = store
        .start_snapshot(p.id, Side::Mine, crate::date("2026-03-03"), "first")
        .unwrap();
    let item = store
        .add_swot_item(
            snap.snapshot.id,
            &SwotItemDraft {
                quadrant: Quadrant::Strengths,
                text: "Twenty years of network".into(),
                priority: Some(Priority::High),
            },
        )
        .unwrap();
    store
        .create_tows(
            p.id,
            &TowsDraft {
                kind: TowsKind::So,
                text: "Use the network to find AI pilots".into(),
                internal_item_id: Some(item.id),
                external_item_id: None,
            },
        )
        .unwrap();
    store
}

/// How many records `filled_store` holds.
const FILLED_RECORDS: u32 = 12;

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
    assert_eq!(
        (report.added, report.updated, report.unchanged),
        (FILLED_RECORDS, 0, 0)
    );
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
    assert_eq!(
        (report.added, report.updated, report.unchanged),
        (0, 0, FILLED_RECORDS)
    );
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

#[test]
fn every_record_type_is_exported_and_imported() {
    let store = filled_store();
    let file = store.export_journal().unwrap();
    assert_eq!(file.format_version, FORMAT_VERSION);
    assert_eq!(
        file.sessions[0].topics.len() + file.sessions[1].topics.len(),
        2
    );
    assert_eq!(file.action_items.len(), 2);
    assert_eq!(
        file.action_items
            .iter()
            .filter(|a| a.deleted_at.is_some())
            .count(),
        1
    );
    assert_eq!(
        (file.goals.len(), file.milestones.len(), file.progress.len()),
        (1, 1, 1)
    );
    assert_eq!(
        (
            file.swot_snapshots.len(),
            file.swot_items.len(),
            file.tows_strategies.len()
        ),
        (1, 1, 1)
    );
    let text = file.to_json().unwrap();
    for field in [
        "\"agenda\"",
        "\"topics\"",
        "\"rating\": 4",
        "\"reflection\"",
        "\"due_on\": \"2026-03-10\"",
        "\"deleted_at\"",
        "\"success_criteria\"",
        "\"recorded_on\"",
    ] {
        assert!(text.contains(field), "{field} is exported");
    }

    let mut fresh = Store::open_in_memory().unwrap();
    fresh
        .import_journal(&JournalFile::parse(&text).unwrap())
        .unwrap();
    let again = fresh.export_journal().unwrap();
    assert_eq!(without_exported_at(&again), without_exported_at(&file));
    // What is live stayed live and what was in the trash stayed there.
    let pid = file.goals[0].partnership_id;
    let goals = fresh.list_goals(pid, today()).unwrap();
    assert_eq!(goals.len(), 1);
    assert_eq!(goals[0].progress, Some(40));
    assert_eq!(fresh.list_trash().unwrap().len(), 1);
    let open = fresh
        .open_action_items(pid, crate::date("2026-03-20"))
        .unwrap();
    assert_eq!(open.len(), 1);
    assert!(open[0].overdue);
}

#[test]
fn bad_new_records_are_refused_with_their_path() {
    check_refused(
        &with(|v| v["action_items"][0]["due_on"] = "2025-02-30".into()),
        "action_items[0].due_on",
    );
    check_refused(
        &with(|v| v["action_items"][0]["due_on"] = "2026-03-01".into()),
        "action_items[0].due_on: The due date (2026-03-01) is before the day of its session (2026-03-03)",
    );
    check_refused(
        &with(|v| v["action_items"][1]["text"] = " ".into()),
        "action_items[1].text",
    );
    check_refused(
        &with(|v| v["action_items"][0]["session_id"] = uuid::Uuid::new_v4().to_string().into()),
        "action_items[0]: it belongs to session",
    );
    check_refused(
        &with(|v| v["action_items"][0]["owner"] = "boss".into()),
        "action_items[0].owner",
    );
    check_refused(
        &with(|v| v["sessions"][0]["rating"] = 6.into()),
        "sessions[0].rating",
    );
    check_refused(
        &with(|v| v["sessions"][0]["topics"] = serde_json::json!(["x".repeat(61)])),
        "sessions[0].topics",
    );
    check_refused(
        &with(|v| v["goals"][0]["title"] = "".into()),
        "goals[0].title",
    );
    check_refused(
        &with(|v| v["goals"][0]["status"] = "someday".into()),
        "goals[0].status",
    );
    check_refused(
        &with(|v| v["goals"][0]["partnership_id"] = uuid::Uuid::new_v4().to_string().into()),
        "goals[0]: it belongs to partnership",
    );
    check_refused(
        &with(|v| v["milestones"][0]["goal_id"] = uuid::Uuid::new_v4().to_string().into()),
        "milestones[0]: it belongs to goal",
    );
    check_refused(
        &with(|v| v["progress"][0]["value"] = 101.into()),
        "progress[0].value: Progress is a percentage from 0 to 100.",
    );
    check_refused(
        &with(|v| v["progress"][0]["recorded_on"] = "2026-13-01".into()),
        "progress[0].recorded_on",
    );
    check_refused(
        &with(|v| v["milestones"][0]["deleted_at"] = "3026-01-01T00:00:00Z".into()),
        "milestones[0].deleted_at",
    );
    // Ids are unique across the whole file, not only within one list.
    check_refused(
        &with(|v| v["goals"][0]["id"] = v["sessions"][0]["id"].clone()),
        "goals[0]: the id",
    );
}

#[test]
fn an_item_whose_session_is_only_in_the_journal_is_checked_against_it() {
    let store = filled_store();
    let file = store.export_journal().unwrap();
    let mut target = Store::open_in_memory().unwrap();
    target.import_journal(&file).unwrap();
    // A file with just one new action item for a session the journal already has.
    let mut item = file.action_items[0].clone();
    item.id = uuid::Uuid::new_v4();
    item.due_on = Some(crate::date("2026-01-01"));
    let mut only = file.clone();
    only.partnerships.clear();
    only.sessions.clear();
    only.goals.clear();
    only.milestones.clear();
    only.progress.clear();
    only.swot_snapshots.clear();
    only.swot_items.clear();
    only.tows_strategies.clear();
    only.action_items = vec![item.clone()];
    let e = assert_error(target.import_journal(&only), "import_invalid", None);
    assert!(e.to_string().contains("action_items[0].due_on"), "{e}");
    item.due_on = Some(crate::date("2026-03-04"));
    only.action_items = vec![item];
    let report = target.import_journal(&only).unwrap();
    assert_eq!(report.added, 1);
}

#[test]
fn a_format_2_file_still_imports() {
    let mut v = good_file();
    v["format_version"] = 2.into();
    let obj = v.as_object_mut().unwrap();
    for list in [
        "action_items",
        "goals",
        "milestones",
        "progress",
        "swot_snapshots",
        "swot_items",
        "tows_strategies",
    ] {
        obj.remove(list);
    }
    for s in v["sessions"].as_array_mut().unwrap() {
        let s = s.as_object_mut().unwrap();
        for field in [
            "agenda",
            "shared",
            "learned",
            "topics",
            "rating",
            "reflection",
        ] {
            s.remove(field);
        }
    }
    for p in v["partnerships"].as_array_mut().unwrap() {
        p.as_object_mut().unwrap().remove("deleted_at");
    }
    let mut store = Store::open_in_memory().unwrap();
    let report = store
        .import_journal(&JournalFile::parse(&v.to_string()).unwrap())
        .unwrap();
    assert_eq!(report.added, 4);
    let out = store.export_journal().unwrap();
    assert_eq!(out.format_version, FORMAT_VERSION);
    assert_eq!(out.sessions.len(), 2);
    let kick_off = out.sessions.iter().find(|s| s.title == "Kick-off").unwrap();
    assert!(kick_off.topics.is_empty() && kick_off.agenda.is_empty());
    assert_eq!(kick_off.rating, None);
    assert_eq!(kick_off.visibility, Visibility::Private);
    assert!(out.action_items.is_empty() && out.goals.is_empty());
}
