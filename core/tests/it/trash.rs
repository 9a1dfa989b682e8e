use tandem_core::Store;
use tandem_core::model::*;
use uuid::Uuid;

use crate::{
    action_draft, assert_error, date, goal_draft, milestone_draft, partnership_draft,
    progress_draft, session_draft, store_with_partnership,
};

/// A partnership with one of everything under it (and topics on the session).
struct World {
    store: Store,
    pid: Uuid,
    session: Session,
    action: ActionItem,
    goal: Goal,
    milestone: Milestone,
    progress: ProgressEntry,
}

fn world() -> World {
    let (mut store, pid) = store_with_partnership();
    let mut d = session_draft("Kick-off");
    d.topics = vec!["AI tools".into(), "Leadership".into()];
    let session = store.create_session(pid, &d).unwrap();
    let action = store
        .create_action_item(session.id, &action_draft("Try Copilot", Some("2026-03-10")))
        .unwrap();
    let goal = store.create_goal(pid, &goal_draft("Use AI tools")).unwrap();
    let milestone = store
        .create_milestone(goal.id, &milestone_draft("First summary"))
        .unwrap();
    let progress = store
        .add_progress(goal.id, &progress_draft("2026-03-03", 40))
        .unwrap();
    World {
        store,
        pid,
        session,
        action,
        goal,
        milestone,
        progress,
    }
}

fn today() -> chrono::NaiveDate {
    date("2026-03-20")
}

/// What a user can see of the world, in one comparable value.
fn visible(w: &World) -> (usize, usize, usize, usize, usize, usize, usize) {
    let s = &w.store;
    let sessions = s.list_sessions(w.pid, 50, 0).map(|l| l.len()).unwrap_or(0);
    let actions = s
        .list_action_items(w.session.id)
        .map(|l| l.len())
        .unwrap_or(0);
    let open = s.open_action_items(w.pid, today()).unwrap().len();
    let goals = s.list_goals(w.pid, today()).unwrap().len();
    let (milestones, progress) = s
        .get_goal(w.goal.id)
        .map(|g| (g.milestones.len(), g.progress.len()))
        .unwrap_or((0, 0));
    let topics = s.list_topics().unwrap().len();
    (sessions, actions, open, goals, milestones, progress, topics)
}

const ALL_VISIBLE: (usize, usize, usize, usize, usize, usize, usize) = (1, 1, 1, 1, 1, 1, 2);

#[test]
fn each_kind_goes_to_the_trash_is_hidden_and_comes_back() {
    type Check = fn(&World) -> bool;
    type IdOf = fn(&World) -> Uuid;
    let cases: Vec<(ItemKind, IdOf, &str, Check)> = vec![
        (
            ItemKind::Session,
            |w| w.session.id,
            "Kick-off (3 Mar 2026)",
            |w| {
                // The session and everything under it is hidden, and its topics no longer count.
                visible(w) == (0, 0, 0, 1, 1, 1, 0)
                    && w.store.get_session(w.session.id).is_err()
                    && w.store.list_partnerships().unwrap()[0].session_count == 0
                    && w.store
                        .sessions_in_range(w.pid, None, None)
                        .unwrap()
                        .is_empty()
            },
        ),
        (
            ItemKind::ActionItem,
            |w| w.action.id,
            "Try Copilot",
            |w| {
                visible(w) == (1, 0, 0, 1, 1, 1, 2)
                    && w.store.list_sessions(w.pid, 5, 0).unwrap()[0].open_actions == 0
            },
        ),
        (
            ItemKind::Goal,
            |w| w.goal.id,
            "Use AI tools",
            |w| visible(w) == (1, 1, 1, 0, 0, 0, 2) && w.store.get_goal(w.goal.id).is_err(),
        ),
        (
            ItemKind::Milestone,
            |w| w.milestone.id,
            "First summary",
            |w| {
                visible(w) == (1, 1, 1, 1, 0, 1, 2)
                    && w.store.list_goals(w.pid, today()).unwrap()[0].milestones_total == 0
            },
        ),
        (
            ItemKind::Progress,
            |w| w.progress.id,
            "40% on 3 Mar 2026",
            |w| {
                visible(w) == (1, 1, 1, 1, 1, 0, 2)
                    && w.store.list_goals(w.pid, today()).unwrap()[0]
                        .progress
                        .is_none()
            },
        ),
        (
            ItemKind::Partnership,
            |w| w.pid,
            "Zoë Okafor",
            |w| {
                visible(w) == (0, 0, 0, 0, 0, 0, 0)
                    && w.store.list_partnerships().unwrap().is_empty()
                    && w.store.get_partnership(w.pid).is_err()
            },
        ),
    ];
    for (kind, id_of, label, hidden) in cases {
        let mut w = world();
        assert_eq!(visible(&w), ALL_VISIBLE);
        let id = id_of(&w);
        let entry = w.store.move_to_trash(kind, id).unwrap();
        assert_eq!(entry.kind, kind);
        assert_eq!(entry.id, id);
        assert_eq!(entry.label, label);
        assert_eq!(entry.partnership_id, w.pid);
        assert_eq!(w.store.list_trash().unwrap(), vec![entry]);
        assert!(hidden(&w), "{kind:?}: hidden");

        // Twice is refused clearly; restoring brings everything back.
        let e = assert_error(w.store.move_to_trash(kind, id), "invalid_input", Some("id"));
        assert!(e.to_string().contains("already in the trash"), "{e}");
        w.store.restore_from_trash(kind, id).unwrap();
        assert_eq!(visible(&w), ALL_VISIBLE, "{kind:?}: restored");
        assert!(w.store.list_trash().unwrap().is_empty());
        let e = assert_error(
            w.store.restore_from_trash(kind, id),
            "invalid_input",
            Some("id"),
        );
        assert!(e.to_string().contains("not in the trash"), "{e}");
    }
}

#[test]
fn trashed_things_cannot_be_edited_and_their_children_cannot_be_added_to() {
    let mut w = world();
    w.store
        .move_to_trash(ItemKind::Session, w.session.id)
        .unwrap();
    let s = &mut w.store;
    assert_error(
        s.update_session(w.session.id, &session_draft("x")),
        "not_found",
        None,
    );
    assert_error(
        s.create_action_item(w.session.id, &action_draft("x", None)),
        "not_found",
        None,
    );
    assert_error(
        s.update_action_item(w.action.id, &action_draft("x", None)),
        "not_found",
        None,
    );
    // An item hidden by its session cannot be trashed on its own.
    assert_error(
        s.move_to_trash(ItemKind::ActionItem, w.action.id),
        "not_found",
        None,
    );

    s.move_to_trash(ItemKind::Goal, w.goal.id).unwrap();
    assert_error(
        s.update_goal(w.goal.id, &goal_draft("x")),
        "not_found",
        None,
    );
    assert_error(
        s.create_milestone(w.goal.id, &milestone_draft("x")),
        "not_found",
        None,
    );
    assert_error(
        s.update_progress(w.progress.id, &progress_draft("2026-03-03", 1)),
        "not_found",
        None,
    );
    s.move_to_trash(ItemKind::Partnership, w.pid).unwrap();
    assert_error(
        s.create_session(w.pid, &session_draft("x")),
        "not_found",
        None,
    );
    assert_error(
        s.update_partnership(w.pid, &partnership_draft("x")),
        "not_found",
        None,
    );
    assert_error(s.create_goal(w.pid, &goal_draft("x")), "not_found", None);
}

#[test]
fn a_child_trashed_before_its_parent_waits_for_the_parent_to_be_restored() {
    let mut w = world();
    let s = &mut w.store;
    s.move_to_trash(ItemKind::Milestone, w.milestone.id)
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(3));
    s.move_to_trash(ItemKind::Goal, w.goal.id).unwrap();
    let kinds: Vec<ItemKind> = s.list_trash().unwrap().iter().map(|e| e.kind).collect();
    assert_eq!(kinds, [ItemKind::Goal, ItemKind::Milestone], "newest first");

    let e = assert_error(
        s.restore_from_trash(ItemKind::Milestone, w.milestone.id),
        "invalid_input",
        Some("id"),
    );
    assert!(e.to_string().contains("restore the goal first"), "{e}");
    s.restore_from_trash(ItemKind::Goal, w.goal.id).unwrap();
    // The goal comes back without the milestone that was trashed on its own.
    assert!(s.get_goal(w.goal.id).unwrap().milestones.is_empty());
    s.restore_from_trash(ItemKind::Milestone, w.milestone.id)
        .unwrap();
    assert_eq!(s.get_goal(w.goal.id).unwrap().milestones.len(), 1);
}

#[test]
fn unknown_things_are_not_found() {
    let mut w = world();
    for kind in [
        ItemKind::Partnership,
        ItemKind::Session,
        ItemKind::ActionItem,
        ItemKind::Goal,
        ItemKind::Milestone,
        ItemKind::Progress,
        ItemKind::SwotSnapshot,
        ItemKind::SwotItem,
        ItemKind::Tows,
    ] {
        assert_error(
            w.store.move_to_trash(kind, Uuid::new_v4()),
            "not_found",
            None,
        );
        assert_error(
            w.store.restore_from_trash(kind, Uuid::new_v4()),
            "not_found",
            None,
        );
    }
    // An id of another kind is not found either.
    assert_error(
        w.store.move_to_trash(ItemKind::Goal, w.session.id),
        "not_found",
        None,
    );
}

#[test]
fn emptying_the_trash_deletes_for_good_with_everything_under_it() {
    let mut w = world();
    let keep = w
        .store
        .create_partnership(&partnership_draft("Ana"))
        .unwrap();
    let mut d = session_draft("Ana's session");
    d.topics = vec!["Leadership".into()];
    let kept_session = w.store.create_session(keep.id, &d).unwrap();

    w.store
        .move_to_trash(ItemKind::Milestone, w.milestone.id)
        .unwrap();
    w.store.move_to_trash(ItemKind::Partnership, w.pid).unwrap();
    assert_eq!(w.store.list_trash().unwrap().len(), 2);
    assert_eq!(w.store.empty_trash().unwrap(), 2);
    assert!(w.store.list_trash().unwrap().is_empty());
    assert_eq!(w.store.empty_trash().unwrap(), 0);

    // Gone for good, children included; the other partnership is untouched.
    let file = w.store.export_journal().unwrap();
    assert_eq!(file.partnerships.len(), 1);
    assert_eq!(file.sessions.len(), 1);
    assert_eq!(file.sessions[0].id, kept_session.id);
    assert!(file.action_items.is_empty() && file.goals.is_empty());
    assert!(file.milestones.is_empty() && file.progress.is_empty());
    assert_error(
        w.store.restore_from_trash(ItemKind::Partnership, w.pid),
        "not_found",
        None,
    );
    let topics: Vec<(String, u32)> = w
        .store
        .list_topics()
        .unwrap()
        .into_iter()
        .map(|t| (t.name, t.sessions))
        .collect();
    assert_eq!(topics, [("Leadership".to_owned(), 1)]);
    // A forgotten topic can be created again with a new spelling.
    let mut d = session_draft("New");
    d.topics = vec!["ai TOOLS".into()];
    assert_eq!(
        w.store.create_session(keep.id, &d).unwrap().topics,
        ["ai TOOLS"]
    );
}

#[test]
fn trashed_things_are_exported_with_deleted_at_and_import_keeps_them_trashed() {
    let mut w = world();
    w.store
        .move_to_trash(ItemKind::ActionItem, w.action.id)
        .unwrap();
    w.store.move_to_trash(ItemKind::Goal, w.goal.id).unwrap();
    let file = w.store.export_journal().unwrap();
    assert!(file.action_items[0].deleted_at.is_some());
    assert!(file.goals[0].deleted_at.is_some());
    assert!(file.sessions[0].deleted_at.is_none());

    let mut other = Store::open_in_memory().unwrap();
    other.import_journal(&file).unwrap();
    assert_eq!(other.list_trash().unwrap(), w.store.list_trash().unwrap());
    assert!(other.list_goals(w.pid, today()).unwrap().is_empty());
    assert!(other.list_action_items(w.session.id).unwrap().is_empty());
}

#[test]
fn swot_snapshots_items_and_strategies_go_to_the_trash_too() {
    let (mut store, pid) = store_with_partnership();
    let mine = store
        .start_snapshot(pid, Side::Mine, date("2026-03-03"), "")
        .unwrap();
    let theirs = store
        .start_snapshot(pid, Side::Partner, date("2026-03-04"), "")
        .unwrap();
    let item = store
        .add_swot_item(
            mine.snapshot.id,
            &SwotItemDraft {
                quadrant: Quadrant::Strengths,
                text: "Twenty years of network".into(),
                priority: None,
            },
        )
        .unwrap();
    let tows = store
        .create_tows(
            pid,
            &TowsDraft {
                kind: TowsKind::So,
                text: "Use the network for AI pilots".into(),
                internal_item_id: Some(item.id),
                external_item_id: None,
            },
        )
        .unwrap();

    let cases = [
        (ItemKind::SwotItem, item.id, "Twenty years of network"),
        (ItemKind::Tows, tows.id, "Use the network for AI pilots"),
        (
            ItemKind::SwotSnapshot,
            mine.snapshot.id,
            "My SWOT of 3 Mar 2026",
        ),
        (
            ItemKind::SwotSnapshot,
            theirs.snapshot.id,
            "Zoë Okafor’s SWOT of 4 Mar 2026",
        ),
    ];
    for (kind, id, label) in cases {
        let e = store.move_to_trash(kind, id).unwrap();
        assert_eq!((e.label.as_str(), e.partnership_id), (label, pid));
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    let labels: Vec<String> = store
        .list_trash()
        .unwrap()
        .into_iter()
        .map(|e| e.label)
        .collect();
    assert_eq!(labels[0], "Zoë Okafor’s SWOT of 4 Mar 2026", "newest first");
    assert_eq!(labels.len(), 4);

    let e = assert_error(
        store.restore_from_trash(ItemKind::SwotItem, item.id),
        "invalid_input",
        Some("id"),
    );
    assert!(
        e.to_string().contains("restore the SWOT snapshot first"),
        "{e}"
    );
    store
        .restore_from_trash(ItemKind::SwotSnapshot, mine.snapshot.id)
        .unwrap();
    store
        .restore_from_trash(ItemKind::SwotItem, item.id)
        .unwrap();
    assert_eq!(store.empty_trash().unwrap(), 2);
    let file = store.export_journal().unwrap();
    assert_eq!(file.swot_snapshots.len(), 1);
    assert_eq!(file.swot_items.len(), 1);
    assert!(file.tows_strategies.is_empty());
}
