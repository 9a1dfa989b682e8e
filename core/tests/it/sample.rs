use tandem_core::Store;
use tandem_core::model::{PartnershipKind, Role};

use crate::date;

#[test]
fn the_sample_is_a_living_reverse_mentoring_journal() {
    let today = date("2027-01-20");
    let mut store = Store::open_in_memory().unwrap();
    let report = store.load_sample(today).unwrap().expect("loaded");
    assert!(report.added >= 8);

    let list = store.list_partnerships().unwrap();
    let reverse = list
        .iter()
        .find(|o| o.partnership.kind == PartnershipKind::Reverse)
        .expect("a reverse partnership");
    assert_eq!(reverse.partnership.my_role, Role::Mentee);
    assert!(reverse.session_count >= 6);
    assert!(!reverse.partnership.agreement.objectives.is_empty());
    assert!(!reverse.partnership.agreement.boundaries.is_empty());

    // Dated so its latest session is recent, whatever the day it is loaded.
    let last = list.iter().filter_map(|o| o.last_session_at).max().unwrap();
    assert_eq!(last.date(), date("2027-01-14"));

    let sessions = store.list_sessions(reverse.partnership.id, 50, 0).unwrap();
    let notes: String = sessions
        .iter()
        .map(|s| store.get_session(s.id).unwrap().notes)
        .collect();
    assert!(
        notes.contains("**") && notes.contains("\n- "),
        "uses Markdown"
    );
    assert!(!notes.is_ascii(), "has non-ASCII text");
}

#[test]
fn loading_the_sample_twice_changes_nothing() {
    let mut store = Store::open_in_memory().unwrap();
    store
        .load_sample(date("2027-01-20"))
        .unwrap()
        .expect("loaded");
    let p = &store.list_partnerships().unwrap()[0].partnership;
    let mut draft = p.draft();
    draft.partner_name = "Renamed by the user".into();
    store.update_partnership(p.id, &draft).unwrap();

    assert!(store.load_sample(date("2027-02-01")).unwrap().is_none());
    assert_eq!(
        store.get_partnership(p.id).unwrap().partner_name,
        "Renamed by the user"
    );
}

#[test]
fn the_sample_has_complete_sessions_action_items_and_goals_dated_to_today() {
    use tandem_core::model::{GoalStatus, Whose};
    let today = date("2027-01-20");
    let mut store = Store::open_in_memory().unwrap();
    store.load_sample(today).unwrap().expect("loaded");
    let zoe = store
        .list_partnerships()
        .unwrap()
        .into_iter()
        .find(|o| o.partnership.kind == PartnershipKind::Reverse)
        .unwrap()
        .partnership;

    // Every session is complete.
    for p in store.list_partnerships().unwrap() {
        for summary in store.list_sessions(p.partnership.id, 50, 0).unwrap() {
            let s = store.get_session(summary.id).unwrap();
            assert!(!s.agenda.is_empty(), "{}: agenda", s.title);
            assert!(!s.notes.is_empty(), "{}: notes", s.title);
            assert!(!s.shared.is_empty() && !s.learned.is_empty(), "{}", s.title);
            assert!((2..=4).contains(&s.topics.len()), "{}: topics", s.title);
            assert!(s.rating.is_some(), "{}: rating", s.title);
            assert!(!s.reflection.is_empty(), "{}: reflection", s.title);
            assert_eq!(summary.topics, s.topics);
        }
    }
    let topics = store.list_topics().unwrap();
    assert!(topics.len() >= 6);
    assert!(
        topics
            .iter()
            .any(|t| t.name == "AI tools" && t.sessions >= 3)
    );

    // Re-dated: one item overdue, one due within the week, some done.
    let open = store.open_action_items(zoe.id, today).unwrap();
    assert!(open.len() >= 3);
    assert!(open[0].overdue);
    assert_eq!(open.iter().filter(|v| v.overdue).count(), 1);
    let soon = open[1].item.due_on.unwrap();
    assert!(
        soon >= today && soon <= today + chrono::Days::new(7),
        "{soon}"
    );
    let file = store.export_journal().unwrap();
    assert!(file.action_items.len() >= 8);
    assert!(file.action_items.iter().filter(|a| a.done).count() >= 3);
    for a in &file.action_items {
        let s = file.sessions.iter().find(|s| s.id == a.session_id).unwrap();
        assert!(a.due_on.is_none_or(|d| d >= s.held_at.date()), "{}", a.text);
    }

    // Three goals: a shared active one with milestones and progress, mine achieved,
    // my partner's not started.
    let goals = store.list_goals(zoe.id, today).unwrap();
    let kinds: Vec<(Whose, GoalStatus)> = goals
        .iter()
        .map(|g| (g.goal.whose, g.goal.status))
        .collect();
    assert_eq!(
        kinds,
        [
            (Whose::Shared, GoalStatus::Active),
            (Whose::Partners, GoalStatus::NotStarted),
            (Whose::Mine, GoalStatus::Achieved),
        ]
    );
    let shared = store.get_goal(goals[0].goal.id).unwrap();
    assert_eq!(shared.milestones.len(), 3);
    assert_eq!(shared.progress.len(), 4);
    assert_eq!(goals[0].progress, Some(70));
    // Its latest progress is on the day of the latest session, and its target is ahead.
    assert_eq!(
        shared.progress.last().unwrap().recorded_on,
        date("2027-01-14")
    );
    assert!(shared.goal.target_on.unwrap() > today);
}

#[test]
fn a_sample_in_the_trash_is_not_loaded_again() {
    let mut store = Store::open_in_memory().unwrap();
    store
        .load_sample(date("2027-01-20"))
        .unwrap()
        .expect("loaded");
    for o in store.list_partnerships().unwrap() {
        store
            .move_to_trash(tandem_core::model::ItemKind::Partnership, o.partnership.id)
            .unwrap();
    }
    assert!(store.load_sample(date("2027-01-20")).unwrap().is_none());
    assert!(store.list_partnerships().unwrap().is_empty());
    // Once the trash is emptied, it can be loaded afresh.
    store.empty_trash().unwrap();
    assert!(store.load_sample(date("2027-01-20")).unwrap().is_some());
    assert_eq!(store.list_partnerships().unwrap().len(), 2);
}
