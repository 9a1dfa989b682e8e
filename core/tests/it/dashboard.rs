//! A partnership's dashboard: each rule on its own, then all of it together.

use chrono::NaiveDate;
use tandem_core::Store;
use tandem_core::model::*;
use uuid::Uuid;

use crate::{assert_error, date, datetime, partnership_draft, session_draft};

/// A store with one partnership started on 2026-01-05 with `cadence` days between sessions.
fn with_cadence(cadence: Option<u32>) -> (Store, Uuid) {
    let mut store = Store::open_in_memory().unwrap();
    let mut d = partnership_draft("Zoë Okafor");
    d.started_on = date("2026-01-05");
    d.agreement.cadence_days = cadence;
    let p = store.create_partnership(&d).unwrap();
    (store, p.id)
}

fn session_on(store: &mut Store, pid: Uuid, when: &str, minutes: u32) -> Session {
    let mut d = session_draft(&format!("Session {when}"));
    d.held_at = datetime(when);
    d.duration_minutes = minutes;
    store.create_session(pid, &d).unwrap()
}

fn dash(store: &Store, pid: Uuid, today: &str) -> Dashboard {
    store.dashboard(pid, date(today)).unwrap()
}

#[test]
fn counts_and_minutes_cover_live_sessions_only() {
    let (mut store, pid) = with_cadence(Some(14));
    session_on(&mut store, pid, "2026-01-10T10:00", 45);
    let last = session_on(&mut store, pid, "2026-02-01T10:00", 60);
    let trashed = session_on(&mut store, pid, "2026-02-02T10:00", 30);
    store.move_to_trash(ItemKind::Session, trashed.id).unwrap();
    let d = dash(&store, pid, "2026-02-10");
    assert_eq!(d.partnership_id, pid);
    assert_eq!(d.session_count, 2);
    assert_eq!(d.minutes_together, 105);
    assert_eq!(d.last_session_at, Some(last.held_at));
    assert_eq!(d.days_since_last, Some(9));
    assert_eq!(d.next_due_on, Some(date("2026-02-15")));
    assert!(!d.stalled);
}

#[test]
fn without_sessions_the_start_counts() {
    let (store, pid) = with_cadence(Some(14));
    let d = dash(&store, pid, "2026-01-12");
    assert_eq!(d.session_count, 0);
    assert_eq!(d.minutes_together, 0);
    assert_eq!(d.last_session_at, None);
    assert_eq!(d.days_since_last, Some(7));
    assert_eq!(d.next_due_on, Some(date("2026-01-19")));
    assert!(!d.stalled);
    assert!(
        dash(&store, pid, "2026-02-02").stalled,
        "28 days since the start"
    );
    // A start in the future is not overdue.
    assert_eq!(dash(&store, pid, "2025-12-01").days_since_last, Some(0));
}

#[test]
fn without_a_cadence_nothing_is_due_or_stalled() {
    let (mut store, pid) = with_cadence(None);
    session_on(&mut store, pid, "2026-01-10T10:00", 45);
    let d = dash(&store, pid, "2027-06-01");
    assert_eq!(d.next_due_on, None);
    assert!(!d.stalled);
    assert_eq!(d.days_since_last, Some(507));
}

#[test]
fn stalled_exactly_at_twice_the_cadence() {
    let (mut store, pid) = with_cadence(Some(7));
    session_on(&mut store, pid, "2026-03-01T18:30", 45);
    let day_before = dash(&store, pid, "2026-03-14");
    assert_eq!(day_before.days_since_last, Some(13));
    assert!(!day_before.stalled);
    let on_the_day = dash(&store, pid, "2026-03-15");
    assert_eq!(on_the_day.days_since_last, Some(14));
    assert!(on_the_day.stalled);
    assert_eq!(on_the_day.next_due_on, Some(date("2026-03-08")));
}

#[test]
fn an_ended_partnership_is_never_due_or_stalled() {
    let (mut store, pid) = with_cadence(Some(7));
    session_on(&mut store, pid, "2026-03-01T10:00", 45);
    let mut draft = store.get_partnership(pid).unwrap().draft();
    draft.ended_on = Some(date("2026-03-02"));
    store.update_partnership(pid, &draft).unwrap();
    let d = dash(&store, pid, "2026-06-01");
    assert_eq!(d.next_due_on, None);
    assert!(!d.stalled);
    assert_eq!(d.session_count, 1);
    // Before its end date it is still running.
    let before = dash(&store, pid, "2026-03-01");
    assert_eq!(before.next_due_on, Some(date("2026-03-08")));
}

#[test]
fn months_are_the_last_twelve_across_a_year_boundary() {
    let (mut store, pid) = with_cadence(Some(14));
    session_on(&mut store, pid, "2025-03-31T23:59", 45); // before the window
    session_on(&mut store, pid, "2025-04-01T00:00", 45); // first day of the window
    session_on(&mut store, pid, "2025-12-31T10:00", 45);
    session_on(&mut store, pid, "2026-01-01T10:00", 45);
    session_on(&mut store, pid, "2026-01-20T10:00", 45);
    session_on(&mut store, pid, "2026-03-15T10:00", 45);
    session_on(&mut store, pid, "2026-03-30T10:00", 45); // later this month: still counted
    session_on(&mut store, pid, "2026-04-01T10:00", 45); // next month: not shown
    let d = dash(&store, pid, "2026-03-20");
    let months: Vec<(&str, u32)> = d
        .sessions_per_month
        .iter()
        .map(|m| (m.month.as_str(), m.sessions))
        .collect();
    assert_eq!(
        months,
        [
            ("2025-04", 1),
            ("2025-05", 0),
            ("2025-06", 0),
            ("2025-07", 0),
            ("2025-08", 0),
            ("2025-09", 0),
            ("2025-10", 0),
            ("2025-11", 0),
            ("2025-12", 1),
            ("2026-01", 2),
            ("2026-02", 0),
            ("2026-03", 2),
        ]
    );
    assert_eq!(d.session_count, 8);
}

#[test]
fn open_actions_and_goals_that_are_not_dropped() {
    let (mut store, pid) = with_cadence(Some(14));
    let s = session_on(&mut store, pid, "2026-02-01T10:00", 45);
    let item = |text: &str, due: Option<NaiveDate>, done: bool| ActionItemDraft {
        text: text.into(),
        owner: Owner::Me,
        due_on: due,
        done,
    };
    let later = store
        .create_action_item(s.id, &item("later", Some(date("2026-03-01")), false))
        .unwrap();
    let overdue = store
        .create_action_item(s.id, &item("overdue", Some(date("2026-02-05")), false))
        .unwrap();
    store
        .create_action_item(s.id, &item("done", None, true))
        .unwrap();
    let goal = |title: &str, status: GoalStatus| GoalDraft {
        title: title.into(),
        description: String::new(),
        whose: Whose::Shared,
        direction: LearningDirection::BothLearn,
        success_criteria: String::new(),
        target_on: None,
        status,
        visibility: Visibility::Private,
    };
    store
        .create_goal(pid, &goal("achieved", GoalStatus::Achieved))
        .unwrap();
    store
        .create_goal(pid, &goal("dropped", GoalStatus::Dropped))
        .unwrap();
    store
        .create_goal(pid, &goal("active", GoalStatus::Active))
        .unwrap();

    let d = dash(&store, pid, "2026-02-10");
    let open: Vec<_> = d.open_actions.iter().map(|a| a.item.id).collect();
    assert_eq!(open, [overdue.id, later.id]);
    assert!(d.open_actions[0].overdue);
    let goals: Vec<_> = d.goals.iter().map(|g| g.goal.title.as_str()).collect();
    assert_eq!(goals, ["active", "achieved"]);
}

#[test]
fn a_missing_or_trashed_partnership_is_not_found() {
    let (mut store, pid) = with_cadence(Some(14));
    assert_error(
        store.dashboard(Uuid::new_v4(), date("2026-01-10")),
        "not_found",
        None,
    );
    store.move_to_trash(ItemKind::Partnership, pid).unwrap();
    assert_error(store.dashboard(pid, date("2026-01-10")), "not_found", None);
    store
        .restore_from_trash(ItemKind::Partnership, pid)
        .unwrap();
    assert_eq!(dash(&store, pid, "2026-01-10").session_count, 0);
}

#[test]
fn a_long_list_of_open_actions_is_cut_but_counted_in_full() {
    let (mut store, pid) = with_cadence(Some(14));
    let s = session_on(&mut store, pid, "2026-02-01T10:00", 45);
    let total = DASHBOARD_ACTIONS + 5;
    for i in 0..total {
        store
            .create_action_item(
                s.id,
                &ActionItemDraft {
                    text: format!("Item {i}"),
                    owner: Owner::Partner,
                    due_on: Some(date("2026-02-02") + chrono::Days::new(i as u64)),
                    done: false,
                },
            )
            .unwrap();
    }
    let d = dash(&store, pid, "2026-02-10");
    assert_eq!(d.open_actions.len(), DASHBOARD_ACTIONS);
    assert_eq!(d.open_action_count as usize, total);
    // The ones kept are the most pressing: the overdue ones, earliest due first.
    assert_eq!(d.open_actions[0].item.text, "Item 0");
    assert!(d.open_actions[0].overdue);
}

fn info() -> JournalInfo {
    JournalInfo {
        path: "/tmp/journal.sqlite3".into(),
        error: None,
    }
}

#[test]
fn the_first_screen_is_the_list_and_the_first_partnerships_dashboard() {
    let (mut store, pid) = with_cadence(Some(14));
    session_on(&mut store, pid, "2026-02-01T10:00", 60);
    // A second partnership, ended: the list puts open ones first.
    let mut ended = partnership_draft("Ana Lima");
    ended.started_on = date("2025-06-02");
    ended.ended_on = Some(date("2026-01-20"));
    store.create_partnership(&ended).unwrap();

    let first = store.first_screen(info(), date("2026-02-10")).unwrap();
    assert_eq!(first.journal, info());
    assert_eq!(first.partnerships, store.list_partnerships().unwrap());
    assert_eq!(first.partnerships.len(), 2);
    assert_eq!(first.partnerships[0].partnership.id, pid);
    assert_eq!(first.dashboard, Some(dash(&store, pid, "2026-02-10")));
}

#[test]
fn an_empty_journal_has_a_first_screen_without_a_dashboard() {
    let store = Store::open_in_memory().unwrap();
    let first = store.first_screen(info(), date("2026-02-10")).unwrap();
    assert!(first.partnerships.is_empty());
    assert_eq!(first.dashboard, None);
    let unavailable = FirstScreen::unavailable(info());
    assert_eq!(unavailable, first);
}

/// Issue 16: a progress entry dated in the future counted as where the goal stands.
#[test]
fn a_goals_progress_is_its_latest_entry_not_after_today() {
    let (mut store, pid) = with_cadence(None);
    let goal = store
        .create_goal(pid, &crate::goal_draft("Speak up"))
        .unwrap();
    store
        .add_progress(goal.id, &crate::progress_draft("2026-02-01", 30))
        .unwrap();
    store
        .add_progress(goal.id, &crate::progress_draft("2026-03-01", 90))
        .unwrap();
    let progress = |today: &str| dash(&store, pid, today).goals[0].progress;
    assert_eq!(progress("2026-02-15"), Some(30));
    assert_eq!(progress("2026-03-01"), Some(90));
    assert_eq!(progress("2026-01-15"), None);
}
