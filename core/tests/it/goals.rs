use tandem_core::api::today;
use tandem_core::model::*;
use uuid::Uuid;

use crate::{
    assert_error, date, goal_draft, milestone_draft, progress_draft, store_with_partnership,
};

#[test]
fn a_goal_with_milestones_and_progress_reads_back_in_order() {
    let (mut store, pid) = store_with_partnership();
    let g = store
        .create_goal(pid, &goal_draft("  Use AI tools  "))
        .unwrap();
    assert_eq!(g.title, "Use AI tools");
    assert_eq!(g.partnership_id, pid);

    let m1 = store
        .create_milestone(g.id, &milestone_draft("First summary"))
        .unwrap();
    let m2 = store
        .create_milestone(g.id, &milestone_draft("Chair a meeting"))
        .unwrap();
    assert_eq!((m1.position, m2.position), (0, 1));
    let mut md = m1.draft();
    md.done = true;
    let m1 = store.update_milestone(m1.id, &md).unwrap();

    // Recorded out of order: the detail is oldest first, the summary shows the latest.
    let p2 = store
        .add_progress(g.id, &progress_draft("2026-04-01", 40))
        .unwrap();
    let p1 = store
        .add_progress(g.id, &progress_draft("2026-03-01", 10))
        .unwrap();
    let detail = store.get_goal(g.id).unwrap();
    assert_eq!(detail.goal, g);
    assert_eq!(detail.milestones, vec![m1, m2]);
    assert_eq!(detail.progress, vec![p1.clone(), p2.clone()]);

    let summary = &store.list_goals(pid, today()).unwrap()[0];
    assert_eq!(summary.progress, Some(40));
    assert_eq!((summary.milestones_done, summary.milestones_total), (1, 2));

    let mut pd = p1.draft();
    pd.recorded_on = date("2026-05-01");
    pd.value = 55;
    let moved = store.update_progress(p1.id, &pd).unwrap();
    assert_eq!(moved.created_at, p1.created_at);
    assert_eq!(
        store.list_goals(pid, today()).unwrap()[0].progress,
        Some(55)
    );
    assert_eq!(
        store.get_goal(g.id).unwrap().progress,
        vec![p2, moved],
        "re-sorted by date"
    );

    let mut gd = g.draft();
    gd.status = GoalStatus::Achieved;
    gd.description = "مرحبا 👩🏽‍💻 <b>bold</b> '; DROP TABLE goal;--".into();
    let g2 = store.update_goal(g.id, &gd).unwrap();
    assert_eq!(g2.created_at, g.created_at);
    assert_eq!(store.get_goal(g.id).unwrap().goal.draft(), gd);
}

#[test]
fn goals_are_listed_active_not_started_achieved_dropped_then_by_target_date() {
    let (mut store, pid) = store_with_partnership();
    let mk = |store: &mut tandem_core::Store, title: &str, status, target: Option<&str>| {
        let mut d = goal_draft(title);
        d.status = status;
        d.target_on = target.map(date);
        store.create_goal(pid, &d).unwrap();
    };
    use GoalStatus::*;
    mk(&mut store, "dropped", Dropped, Some("2026-01-01"));
    mk(&mut store, "achieved", Achieved, None);
    mk(&mut store, "active undated", Active, None);
    mk(&mut store, "not started", NotStarted, Some("2026-02-01"));
    mk(&mut store, "active late", Active, Some("2026-12-01"));
    mk(&mut store, "active soon", Active, Some("2026-06-01"));
    let titles: Vec<String> = store
        .list_goals(pid, today())
        .unwrap()
        .into_iter()
        .map(|s| s.goal.title)
        .collect();
    assert_eq!(
        titles,
        [
            "active soon",
            "active late",
            "active undated",
            "not started",
            "achieved",
            "dropped"
        ]
    );
    let other = store
        .create_partnership(&crate::partnership_draft("Ana"))
        .unwrap();
    assert!(store.list_goals(other.id, today()).unwrap().is_empty());
    assert_eq!(store.list_goals(pid, today()).unwrap()[0].progress, None);
}

#[test]
fn invalid_goals_milestones_and_progress_are_refused() {
    let (mut store, pid) = store_with_partnership();
    let g = store.create_goal(pid, &goal_draft("Good")).unwrap();
    let m = store
        .create_milestone(g.id, &milestone_draft("Good"))
        .unwrap();
    let p = store
        .add_progress(g.id, &progress_draft("2026-03-01", 5))
        .unwrap();

    for (d, field) in [
        (goal_draft(""), "title"),
        (goal_draft("   "), "title"),
        (goal_draft(&"t".repeat(301)), "title"),
        (
            GoalDraft {
                target_on: Some(date("1850-01-01")),
                ..goal_draft("Old")
            },
            "target_on",
        ),
        (
            GoalDraft {
                description: "d".repeat(6 * 1024 * 1024),
                ..goal_draft("Huge")
            },
            "description",
        ),
    ] {
        assert_error(store.create_goal(pid, &d), "invalid_input", Some(field));
        assert_error(store.update_goal(g.id, &d), "invalid_input", Some(field));
    }
    // A 1 MB description is fine.
    let mut big = goal_draft("Big");
    big.description = "é".repeat(512 * 1024);
    assert_eq!(
        store.create_goal(pid, &big).unwrap().description,
        big.description
    );

    assert_error(
        store.create_milestone(g.id, &milestone_draft(" ")),
        "invalid_input",
        Some("title"),
    );
    assert_error(
        store.update_milestone(m.id, &milestone_draft("")),
        "invalid_input",
        Some("title"),
    );
    let e = assert_error(
        store.add_progress(g.id, &progress_draft("2026-03-02", 101)),
        "invalid_input",
        Some("value"),
    );
    assert!(
        e.to_string()
            .contains("Progress is a percentage from 0 to 100."),
        "{e}"
    );
    assert_error(
        store.update_progress(p.id, &progress_draft("2026-03-02", 255)),
        "invalid_input",
        Some("value"),
    );
    assert_error(
        store.add_progress(g.id, &progress_draft("3001-01-01", 5)),
        "invalid_input",
        Some("recorded_on"),
    );
    let edge = store
        .add_progress(g.id, &progress_draft("2026-03-03", 100))
        .unwrap();
    assert_eq!(edge.value, 100);
    assert_eq!(store.get_goal(g.id).unwrap().goal.title, "Good");
    assert_eq!(store.get_goal(g.id).unwrap().progress.len(), 2);
}

#[test]
fn unknown_parents_are_not_found() {
    let (mut store, _) = store_with_partnership();
    let nobody = Uuid::new_v4();
    assert_error(
        store.create_goal(nobody, &goal_draft("x")),
        "not_found",
        None,
    );
    assert_error(store.get_goal(nobody), "not_found", None);
    assert_error(
        store.update_goal(nobody, &goal_draft("x")),
        "not_found",
        None,
    );
    assert_error(
        store.create_milestone(nobody, &milestone_draft("x")),
        "not_found",
        None,
    );
    assert_error(
        store.update_milestone(nobody, &milestone_draft("x")),
        "not_found",
        None,
    );
    assert_error(
        store.add_progress(nobody, &progress_draft("2026-03-01", 1)),
        "not_found",
        None,
    );
    assert_error(
        store.update_progress(nobody, &progress_draft("2026-03-01", 1)),
        "not_found",
        None,
    );
}

/// Issue 16: a progress entry dated in the future counted as where the goal stands.
#[test]
fn issue_16_a_future_dated_progress_entry_is_not_where_the_goal_stands() {
    let (mut store, pid) = store_with_partnership();
    let g = store
        .create_goal(pid, &goal_draft("Chair a meeting"))
        .unwrap();
    store
        .add_progress(g.id, &progress_draft("2026-03-01", 30))
        .unwrap();
    store
        .add_progress(g.id, &progress_draft("2026-06-01", 90))
        .unwrap();
    let on = |day: &str| store.list_goals(pid, date(day)).unwrap()[0].progress;
    assert_eq!(on("2026-05-31"), Some(30), "the June entry is still ahead");
    assert_eq!(on("2026-06-01"), Some(90), "from its day on, it counts");
    assert_eq!(on("2026-02-01"), None, "before any entry, no progress yet");
    // Both entries stay in the goal's history.
    assert_eq!(store.get_goal(g.id).unwrap().progress.len(), 2);
}
