//! Visibility on goals (with their milestones and progress), on snapshots of my own SWOT and
//! on the agreement (issue 17): private unless marked shared, kept by the store, carried by
//! the export (an older file reads private), refused on my view of my partner's SWOT, and
//! what decides whether a bundle holds them.

use serde_json::{Value, json};
use tandem_core::exchange::Armour;
use tandem_core::life::{Journal, LOCK_WAIT};
use tandem_core::model::*;
use tandem_core::{JournalFile, Store};
use uuid::Uuid;

use crate::{
    assert_error, date, goal_draft, milestone_draft, partnership_draft, progress_draft,
    store_with_partnership,
};

fn shared_goal(title: &str) -> GoalDraft {
    GoalDraft {
        visibility: Visibility::Shared,
        ..goal_draft(title)
    }
}

#[test]
fn a_goal_is_private_until_shared_and_keeps_what_it_was_given() {
    let (mut store, pid) = store_with_partnership();
    let g = store.create_goal(pid, &goal_draft("Private one")).unwrap();
    assert_eq!(g.visibility, Visibility::Private);
    assert_eq!(
        store.get_goal(g.id).unwrap().goal.visibility,
        Visibility::Private
    );

    let s = store.create_goal(pid, &shared_goal("Shared one")).unwrap();
    assert_eq!(s.visibility, Visibility::Shared);
    // The list's order among goals of one status is not what this is about: by title.
    let mut listed: Vec<(String, Visibility)> = store
        .list_goals(pid, date("2026-04-01"))
        .unwrap()
        .into_iter()
        .map(|g| (g.goal.title, g.goal.visibility))
        .collect();
    listed.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(
        listed,
        [
            ("Private one".to_owned(), Visibility::Private),
            ("Shared one".to_owned(), Visibility::Shared)
        ]
    );

    // Sharing is an edit like any other, and so is making it private again; other edits
    // keep what the draft says.
    let updated = store
        .update_goal(g.id, &shared_goal("Private one"))
        .unwrap();
    assert_eq!(updated.visibility, Visibility::Shared);
    assert_eq!(updated.draft().visibility, Visibility::Shared);
    let back = store.update_goal(s.id, &goal_draft("Shared one")).unwrap();
    assert_eq!(back.visibility, Visibility::Private);
    assert_eq!(
        store.get_goal(s.id).unwrap().goal.visibility,
        Visibility::Private
    );

    // A goal turned from a TOWS strategy starts private.
    let board = store
        .start_snapshot(pid, Side::Mine, date("2026-03-03"), "")
        .unwrap();
    let tows = store
        .create_tows(
            pid,
            &TowsDraft {
                kind: TowsKind::So,
                text: "Coach the analytics team".into(),
                internal_item_id: None,
                external_item_id: None,
            },
        )
        .unwrap();
    assert!(board.items.is_empty());
    let from_tows = store.tows_to_goal(tows.id).unwrap();
    assert_eq!(from_tows.visibility, Visibility::Private);
}

#[test]
fn drafts_and_records_without_a_visibility_read_private() {
    // What an older caller (or file) sends has no `visibility`: serde's default is private.
    let mut goal = serde_json::to_value(shared_goal("Old caller")).unwrap();
    goal.as_object_mut().unwrap().remove("visibility");
    let goal: GoalDraft = serde_json::from_value(goal).unwrap();
    assert_eq!(goal.visibility, Visibility::Private);

    let mut draft = partnership_draft("Zoë Okafor");
    draft.agreement.visibility = Visibility::Shared;
    let mut value = serde_json::to_value(&draft).unwrap();
    value["agreement"]
        .as_object_mut()
        .unwrap()
        .remove("visibility");
    let draft: PartnershipDraft = serde_json::from_value(value).unwrap();
    assert_eq!(draft.agreement.visibility, Visibility::Private);
    assert_eq!(Agreement::default().visibility, Visibility::Private);

    let (mut store, pid) = store_with_partnership();
    let view = store
        .start_snapshot(pid, Side::Mine, date("2026-03-03"), "")
        .unwrap();
    let mut snapshot = serde_json::to_value(&view.snapshot).unwrap();
    assert_eq!(snapshot["visibility"], "private");
    snapshot.as_object_mut().unwrap().remove("visibility");
    let snapshot: SwotSnapshot = serde_json::from_value(snapshot).unwrap();
    assert_eq!(snapshot.visibility, Visibility::Private);
}

#[test]
fn my_own_snapshot_can_be_shared_and_a_new_one_starts_private() {
    let (mut store, pid) = store_with_partnership();
    let first = store
        .start_snapshot_with(
            pid,
            Side::Mine,
            date("2026-03-03"),
            "kick-off",
            Visibility::Shared,
        )
        .unwrap();
    assert_eq!(first.snapshot.visibility, Visibility::Shared);
    store
        .add_swot_item(
            first.snapshot.id,
            &SwotItemDraft {
                quadrant: Quadrant::Strengths,
                text: "Client work".into(),
                priority: None,
            },
        )
        .unwrap();

    // Doing the SWOT again copies the items forward, not the choice to share: the new
    // snapshot is shared when asked.
    let second = store
        .start_snapshot(pid, Side::Mine, date("2026-06-02"), "three months in")
        .unwrap();
    assert_eq!(second.items.len(), 1);
    assert_eq!(second.snapshot.visibility, Visibility::Private);

    let board = store
        .swot_board(pid, None, None, date("2026-07-01"))
        .unwrap();
    let listed: Vec<(Uuid, Visibility)> = board
        .snapshots
        .iter()
        .map(|s| (s.id, s.visibility))
        .collect();
    assert_eq!(
        listed,
        [
            (second.snapshot.id, Visibility::Private),
            (first.snapshot.id, Visibility::Shared)
        ]
    );
    assert_eq!(board.mine.unwrap().snapshot.visibility, Visibility::Private);

    // Editing the date and reason without a visibility keeps it; with one, sets it.
    let kept = store
        .update_snapshot(first.snapshot.id, date("2026-03-04"), "kick-off, again")
        .unwrap();
    assert_eq!(kept.visibility, Visibility::Shared);
    let kept = store
        .update_snapshot_with(first.snapshot.id, date("2026-03-04"), "kick-off", None)
        .unwrap();
    assert_eq!(kept.visibility, Visibility::Shared);
    let shared = store
        .update_snapshot_with(
            second.snapshot.id,
            date("2026-06-02"),
            "three months in",
            Some(Visibility::Shared),
        )
        .unwrap();
    assert_eq!(shared.visibility, Visibility::Shared);
    let private = store
        .update_snapshot_with(
            first.snapshot.id,
            date("2026-03-04"),
            "kick-off",
            Some(Visibility::Private),
        )
        .unwrap();
    assert_eq!(private.visibility, Visibility::Private);
    let board = store
        .swot_board(pid, None, None, date("2026-07-01"))
        .unwrap();
    assert_eq!(
        board
            .snapshots
            .iter()
            .map(|s| s.visibility)
            .collect::<Vec<_>>(),
        [Visibility::Shared, Visibility::Private]
    );
}

#[test]
fn my_view_of_my_partners_swot_cannot_be_shared() {
    let (mut store, pid) = store_with_partnership();
    let e = assert_error(
        store.start_snapshot_with(
            pid,
            Side::Partner,
            date("2026-03-03"),
            "",
            Visibility::Shared,
        ),
        "invalid_input",
        Some("visibility"),
    );
    assert!(
        e.to_string().contains("Only your own SWOT can be shared"),
        "{e}"
    );
    let board = store
        .swot_board(pid, None, None, date("2026-07-01"))
        .unwrap();
    assert!(board.snapshots.is_empty(), "nothing was written");

    let theirs = store
        .start_snapshot(pid, Side::Partner, date("2026-03-03"), "as she told it")
        .unwrap();
    assert_error(
        store.update_snapshot_with(
            theirs.snapshot.id,
            date("2026-03-05"),
            "changed",
            Some(Visibility::Shared),
        ),
        "invalid_input",
        Some("visibility"),
    );
    let after = store
        .swot_board(pid, None, None, date("2026-07-01"))
        .unwrap();
    let s = after.partner.unwrap().snapshot;
    assert_eq!(
        (s.taken_on, s.reason.as_str(), s.visibility),
        (date("2026-03-03"), "as she told it", Visibility::Private),
        "the refused edit changed nothing"
    );
    // Private stays allowed, of course.
    store
        .update_snapshot_with(
            theirs.snapshot.id,
            date("2026-03-05"),
            "changed",
            Some(Visibility::Private),
        )
        .unwrap();
}

#[test]
fn the_agreement_is_private_until_shared() {
    let (mut store, pid) = store_with_partnership();
    let p = store.get_partnership(pid).unwrap();
    assert_eq!(p.agreement.visibility, Visibility::Private);

    let mut draft = p.draft();
    draft.agreement.visibility = Visibility::Shared;
    let updated = store.update_partnership(pid, &draft).unwrap();
    assert_eq!(updated.agreement.visibility, Visibility::Shared);
    let listed = store.list_partnerships().unwrap();
    assert_eq!(
        listed[0].partnership.agreement.visibility,
        Visibility::Shared
    );
    // An edit of another field keeps it (the draft carries it).
    let mut draft = updated.draft();
    draft.partner_org = "Contoso".into();
    let again = store.update_partnership(pid, &draft).unwrap();
    assert_eq!(again.agreement.visibility, Visibility::Shared);

    let mut new = partnership_draft("Ana Ferreira");
    new.agreement.visibility = Visibility::Shared;
    let created = store.create_partnership(&new).unwrap();
    assert_eq!(
        store
            .get_partnership(created.id)
            .unwrap()
            .agreement
            .visibility,
        Visibility::Shared
    );
}

/// A journal with each kind shared once and private once; answers the partnership.
fn mixed_journal(store: &mut Store) -> Uuid {
    let mut draft = partnership_draft("Zoë Okafor");
    draft.agreement.visibility = Visibility::Shared;
    let pid = store.create_partnership(&draft).unwrap().id;
    let private_pid = store
        .create_partnership(&partnership_draft("Ana Ferreira"))
        .unwrap()
        .id;
    let g = store.create_goal(pid, &shared_goal("SHARED-GOAL")).unwrap();
    store
        .create_milestone(g.id, &milestone_draft("SHARED-MILESTONE"))
        .unwrap();
    store
        .add_progress(g.id, &progress_draft("2026-04-01", 40))
        .unwrap();
    store.create_goal(pid, &goal_draft("PRIV-GOAL")).unwrap();
    store
        .start_snapshot(pid, Side::Mine, date("2026-03-03"), "PRIV-OWN")
        .unwrap();
    store
        .start_snapshot_with(
            pid,
            Side::Mine,
            date("2026-06-02"),
            "SHARED-OWN",
            Visibility::Shared,
        )
        .unwrap();
    store
        .start_snapshot(pid, Side::Partner, date("2026-03-03"), "PRIV-PARTNER")
        .unwrap();
    store
        .create_goal(private_pid, &goal_draft("PRIV-ANA"))
        .unwrap();
    pid
}

fn visibilities(file: &JournalFile) -> Vec<String> {
    let mut out: Vec<String> = file
        .partnerships
        .iter()
        .map(|p| format!("agreement {}: {:?}", p.partner_name, p.agreement.visibility))
        .chain(
            file.goals
                .iter()
                .map(|g| format!("goal {}: {:?}", g.title, g.visibility)),
        )
        .chain(
            file.swot_snapshots
                .iter()
                .map(|s| format!("snapshot {}: {:?}", s.reason, s.visibility)),
        )
        .collect();
    out.sort();
    out
}

#[test]
fn the_export_carries_the_visibilities_and_an_import_gives_them_back() {
    let mut store = Store::open_in_memory().unwrap();
    mixed_journal(&mut store);
    let file = store.export_journal().unwrap();
    assert_eq!(file.format_version, 5);
    let expected = [
        "agreement Ana Ferreira: Private",
        "agreement Zoë Okafor: Shared",
        "goal PRIV-ANA: Private",
        "goal PRIV-GOAL: Private",
        "goal SHARED-GOAL: Shared",
        "snapshot PRIV-OWN: Private",
        "snapshot PRIV-PARTNER: Private",
        "snapshot SHARED-OWN: Shared",
    ];
    assert_eq!(visibilities(&file), expected);

    // In the file's words.
    let text = file.to_json().unwrap();
    let json: Value = serde_json::from_str(&text).unwrap();
    let zoe = json["partnerships"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["partner_name"] == "Zoë Okafor")
        .unwrap();
    assert_eq!(zoe["agreement"]["visibility"], "shared");
    for g in json["goals"].as_array().unwrap() {
        let want = if g["title"] == "SHARED-GOAL" {
            "shared"
        } else {
            "private"
        };
        assert_eq!(g["visibility"], want, "{}", g["title"]);
    }

    let mut other = Store::open_in_memory().unwrap();
    let report = other
        .import_journal(&JournalFile::parse(&text).unwrap())
        .unwrap();
    assert_eq!(report.updated + report.unchanged, 0);
    let back = other.export_journal().unwrap();
    assert_eq!(visibilities(&back), expected);
    assert_eq!(
        JournalFile {
            exported_at: None,
            ..back
        },
        JournalFile {
            exported_at: None,
            ..file
        }
    );

    // A later change of visibility wins when the newer file is merged into the older copy.
    let zoe_id = store
        .list_partnerships()
        .unwrap()
        .into_iter()
        .find(|o| o.partnership.partner_name == "Zoë Okafor")
        .unwrap()
        .partnership
        .id;
    let goal = store
        .list_goals(zoe_id, date("2026-07-01"))
        .unwrap()
        .into_iter()
        .find(|g| g.goal.title == "SHARED-GOAL")
        .unwrap()
        .goal;
    std::thread::sleep(std::time::Duration::from_millis(5));
    store
        .update_goal(goal.id, &goal_draft("SHARED-GOAL"))
        .unwrap();
    let report = other
        .import_journal(&store.export_journal().unwrap())
        .unwrap();
    assert_eq!(report.updated, 1);
    assert_eq!(
        other.get_goal(goal.id).unwrap().goal.visibility,
        Visibility::Private
    );
}

/// `file` as an export of format 4 would have it: no visibility on goals, snapshots or the
/// agreement.
fn as_format_4(file: &JournalFile) -> String {
    let mut json = serde_json::to_value(file).unwrap();
    json["format_version"] = json!(4);
    for p in json["partnerships"].as_array_mut().unwrap() {
        p["agreement"].as_object_mut().unwrap().remove("visibility");
    }
    for list in ["goals", "swot_snapshots"] {
        for r in json[list].as_array_mut().unwrap() {
            assert!(r.as_object_mut().unwrap().remove("visibility").is_some());
        }
    }
    let text = serde_json::to_string_pretty(&json).unwrap();
    assert!(!text.contains("\"visibility\": \"shared\""), "{text}");
    text
}

#[test]
fn an_older_export_imports_with_everything_private() {
    let mut store = Store::open_in_memory().unwrap();
    mixed_journal(&mut store);
    let old = as_format_4(&store.export_journal().unwrap());

    let mut fresh = Store::open_in_memory().unwrap();
    fresh
        .import_journal(&JournalFile::parse(&old).unwrap())
        .unwrap();
    let back = fresh.export_journal().unwrap();
    assert_eq!(back.format_version, 5);
    assert_eq!(
        visibilities(&back),
        [
            "agreement Ana Ferreira: Private",
            "agreement Zoë Okafor: Private",
            "goal PRIV-ANA: Private",
            "goal PRIV-GOAL: Private",
            "goal SHARED-GOAL: Private",
            "snapshot PRIV-OWN: Private",
            "snapshot PRIV-PARTNER: Private",
            "snapshot SHARED-OWN: Private",
        ]
    );
}

#[test]
fn a_file_with_a_shared_snapshot_of_my_partners_side_is_refused_whole() {
    let mut store = Store::open_in_memory().unwrap();
    mixed_journal(&mut store);
    let mut file = store.export_journal().unwrap();
    let i = file
        .swot_snapshots
        .iter()
        .position(|s| s.side == Side::Partner)
        .unwrap();
    file.swot_snapshots[i].visibility = Visibility::Shared;

    let mut fresh = Store::open_in_memory().unwrap();
    let e = assert_error(fresh.import_journal(&file), "import_invalid", None);
    let message = e.to_string();
    assert!(
        message.contains(&format!("swot_snapshots[{i}].visibility"))
            && message.contains("Only your own SWOT can be shared"),
        "{message}"
    );
    assert!(
        fresh.list_partnerships().unwrap().is_empty(),
        "nothing was written"
    );
}

#[test]
fn journals_of_schemas_before_6_open_private_and_schema_6_keeps_what_was_shared() {
    use crate::migrations::{G1, P1, SW_MINE_2, copy_of_fixture};
    for version in [5, 6] {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&copy_of_fixture(version, dir.path())).unwrap();
        let want = if version >= 6 {
            Visibility::Shared
        } else {
            Visibility::Private
        };
        let goal = store.get_goal(G1.parse().unwrap()).unwrap().goal;
        assert_eq!(goal.visibility, want, "v{version}");
        let p = store.get_partnership(P1.parse().unwrap()).unwrap();
        assert_eq!(p.agreement.visibility, want, "v{version}");
        let board = store
            .swot_board(P1.parse().unwrap(), None, None, date("2026-07-01"))
            .unwrap();
        for s in &board.snapshots {
            let expected = if s.id.to_string() == SW_MINE_2 {
                want
            } else {
                Visibility::Private
            };
            assert_eq!(s.visibility, expected, "v{version} {}", s.id);
        }
        assert!(
            board
                .snapshots
                .iter()
                .any(|s| s.id.to_string() == SW_MINE_2)
        );
    }
}

/// Henrik's journal paired with Zoë's (her first bundle received), so that it can share.
fn paired(store: &mut Store, pid: Uuid) {
    let invite = store.invite(pid).unwrap();
    let mut zoe = Store::open_in_memory().unwrap();
    let (first, _) = zoe.accept(&invite.text, None, Armour::Binary).unwrap();
    store.receive(&first).unwrap();
}

#[test]
fn a_bundle_holds_a_goal_snapshot_or_agreement_exactly_when_it_is_shared() {
    let mut store = Store::open_in_memory().unwrap();
    let pid = mixed_journal(&mut store);
    paired(&mut store, pid);

    let payload = store.share_payload(pid).unwrap();
    let goals: Vec<&str> = payload.goals.iter().map(|g| g.title.as_str()).collect();
    assert_eq!(goals, ["SHARED-GOAL"]);
    assert_eq!(payload.goals[0].milestones.len(), 1);
    assert_eq!(payload.goals[0].progress.len(), 1);
    let snapshots: Vec<&str> = payload
        .swot_snapshots
        .iter()
        .map(|s| s.reason.as_str())
        .collect();
    assert_eq!(snapshots, ["SHARED-OWN"]);
    let agreement = payload.agreement.as_ref().expect("the shared agreement");
    assert_eq!(agreement.objectives, "- AI tools\n- leadership");
    let text = serde_json::to_string(&payload).unwrap();
    assert!(!text.contains("PRIV-"), "{text}");

    // Flip each: what was shared is gone, what was private is in.
    let board = store
        .swot_board(pid, None, None, date("2026-07-01"))
        .unwrap();
    for s in &board.snapshots {
        let visibility = if s.reason == "PRIV-OWN" {
            Some(Visibility::Shared)
        } else if s.side == Side::Mine {
            Some(Visibility::Private)
        } else {
            None
        };
        store
            .update_snapshot_with(s.id, s.taken_on, &s.reason, visibility)
            .unwrap();
    }
    for g in store.list_goals(pid, date("2026-07-01")).unwrap() {
        let mut d = g.goal.draft();
        d.visibility = match d.visibility {
            Visibility::Shared => Visibility::Private,
            Visibility::Private => Visibility::Shared,
        };
        store.update_goal(g.goal.id, &d).unwrap();
    }
    let mut p = store.get_partnership(pid).unwrap().draft();
    p.agreement.visibility = Visibility::Private;
    store.update_partnership(pid, &p).unwrap();

    let payload = store.share_payload(pid).unwrap();
    let goals: Vec<&str> = payload.goals.iter().map(|g| g.title.as_str()).collect();
    assert_eq!(goals, ["PRIV-GOAL"]);
    let snapshots: Vec<&str> = payload
        .swot_snapshots
        .iter()
        .map(|s| s.reason.as_str())
        .collect();
    assert_eq!(snapshots, ["PRIV-OWN"]);
    assert!(payload.agreement.is_none());
    let text = serde_json::to_string(&payload).unwrap();
    assert!(
        !text.contains("SHARED-") && !text.contains("PRIV-PARTNER") && !text.contains("PRIV-ANA")
    );
}

#[test]
fn the_commands_default_to_private_for_callers_that_send_no_visibility() {
    let dir = tempfile::tempdir().unwrap();
    let mut journal = Journal::open(dir.path().join("journal.sqlite3"), LOCK_WAIT);
    let call = |j: &mut Journal, name: &str, args: Value| {
        tandem_core::api::dispatch(j, name, &args)
            .unwrap_or_else(|e| panic!("{name}: {}", e.message))
    };
    let mut p = serde_json::to_value(partnership_draft("Zoë Okafor")).unwrap();
    p["agreement"].as_object_mut().unwrap().remove("visibility");
    let created = call(&mut journal, "create_partnership", json!({ "draft": p }));
    assert_eq!(created["agreement"]["visibility"], "private");
    let pid = created["id"].clone();

    let mut g = serde_json::to_value(shared_goal("Old caller")).unwrap();
    g.as_object_mut().unwrap().remove("visibility");
    let goal = call(
        &mut journal,
        "create_goal",
        json!({ "partnership_id": pid, "draft": g }),
    );
    assert_eq!(goal["visibility"], "private");

    let view = call(
        &mut journal,
        "start_snapshot",
        json!({ "partnership_id": pid, "side": "mine", "taken_on": "2026-03-03", "reason": "" }),
    );
    assert_eq!(view["snapshot"]["visibility"], "private");
    let id = view["snapshot"]["id"].clone();
    let shared = call(
        &mut journal,
        "update_snapshot",
        json!({ "id": id, "taken_on": "2026-03-03", "reason": "", "visibility": "shared" }),
    );
    assert_eq!(shared["visibility"], "shared");
    let kept = call(
        &mut journal,
        "update_snapshot",
        json!({ "id": id, "taken_on": "2026-03-04", "reason": "later" }),
    );
    assert_eq!(
        (kept["visibility"].as_str(), kept["reason"].as_str()),
        (Some("shared"), Some("later"))
    );

    let refused = tandem_core::api::dispatch(
        &mut journal,
        "start_snapshot",
        &json!({ "partnership_id": pid, "side": "partner", "taken_on": "2026-03-03", "reason": "", "visibility": "shared" }),
    )
    .unwrap_err();
    assert_eq!(refused.field.as_deref(), Some("visibility"));
}
