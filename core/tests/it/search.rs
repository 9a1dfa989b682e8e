//! Full-text search: what it finds, what it hides (the trash), and that no text breaks it.

use tandem_core::Store;
use tandem_core::model::*;
use uuid::Uuid;

use crate::{date, datetime, partnership_draft, session_draft, store_with_partnership};

fn goal_draft(title: &str) -> GoalDraft {
    GoalDraft {
        title: title.to_owned(),
        description: "Weekly practice with **feedback**".to_owned(),
        whose: Whose::Mine,
        direction: LearningDirection::ILearn,
        success_criteria: "I can explain retrieval augmentation".to_owned(),
        target_on: Some(date("2026-09-30")),
        status: GoalStatus::Active,
        visibility: Visibility::Private,
    }
}

/// The ids found for `query`.
#[track_caller]
fn ids(store: &Store, query: &str) -> Vec<Uuid> {
    store
        .search(query, 50)
        .unwrap_or_else(|e| panic!("{query:?} failed: {e}"))
        .into_iter()
        .map(|h| h.id)
        .collect()
}

/// The text of a snippet's hit pieces.
fn hits(hit: &SearchHit) -> Vec<&str> {
    hit.snippet
        .iter()
        .filter(|s| s.hit)
        .map(|s| s.text.as_str())
        .collect()
}

#[test]
fn finds_words_in_every_text_field_of_a_session() {
    let (mut store, pid) = store_with_partnership();
    let mut d = session_draft("Kick-off");
    d.agenda = "- agree on a cadence".into();
    d.notes = "We talked about **stakeholders** at length.".into();
    d.shared = "How budgets travel upward".into();
    d.learned = "Zoë's prompt patterns for first drafts".into();
    d.reflection = "I interrupted too often".into();
    let s = store.create_session(pid, &d).unwrap();
    for word in [
        "cadence",
        "stakeholders",
        "budgets",
        "patterns",
        "interrupted",
        "kick",
    ] {
        assert_eq!(ids(&store, word), [s.id], "{word}");
    }
    let hit = &store.search("stakeholders", 10).unwrap()[0];
    assert_eq!(hit.kind, ItemKind::Session);
    assert_eq!((hit.open_kind, hit.open_id), (ItemKind::Session, s.id));
    assert_eq!(hit.partnership_id, pid);
    assert_eq!(hit.partner_name, "Zoë Okafor");
    assert_eq!(hit.title, "Kick-off");
    assert_eq!(hit.date, Some(date("2026-03-03")));
    assert_eq!(hits(hit), ["stakeholders"]);
    let text: String = hit.snippet.iter().map(|s| s.text.as_str()).collect();
    assert!(text.contains("about stakeholders at"), "{text:?}");
    assert!(!text.contains("**"), "Markdown markers left in {text:?}");

    assert!(ids(&store, "nowhere").is_empty());
}

#[test]
fn every_word_must_match_and_the_last_is_a_prefix() {
    let (mut store, pid) = store_with_partnership();
    let mut a = session_draft("One");
    a.notes = "prompt patterns for drafts".into();
    let a = store.create_session(pid, &a).unwrap();
    let mut b = session_draft("Two");
    b.notes = "patterns of delegation, no prompts here".into();
    let b = store.create_session(pid, &b).unwrap();

    assert_eq!(ids(&store, "prompt pat"), [a.id]);
    assert_eq!(ids(&store, "PROMPT   Patterns"), [a.id]);
    let mut both = ids(&store, "patt");
    both.sort();
    let mut expected = vec![a.id, b.id];
    expected.sort();
    assert_eq!(both, expected);
    // Only the last word is a prefix.
    assert!(ids(&store, "prom patterns").is_empty());
    let hit = &store.search("prompt pat", 10).unwrap()[0];
    assert_eq!(hits(hit), ["prompt", "patterns"]);
}

#[test]
fn title_matches_rank_first_and_limit_is_kept() {
    let (mut store, pid) = store_with_partnership();
    let mut body = session_draft("Monday");
    body.notes = "we covered delegation and then some delegation again".into();
    let body = store.create_session(pid, &body).unwrap();
    let mut title = session_draft("Delegation");
    title.notes = "nothing else".into();
    let title = store.create_session(pid, &title).unwrap();
    assert_eq!(ids(&store, "delegation"), [title.id, body.id]);
    assert_eq!(store.search("delegation", 1).unwrap().len(), 1);
    assert!(store.search("delegation", 0).unwrap().is_empty());
}

#[test]
fn finds_action_items_goals_and_milestones_and_opens_their_parents() {
    let (mut store, pid) = store_with_partnership();
    let s = store
        .create_session(pid, &session_draft("Kick-off"))
        .unwrap();
    let item = store
        .create_action_item(
            s.id,
            &ActionItemDraft {
                text: "Book the quarterly roadmap review".into(),
                owner: Owner::Me,
                due_on: Some(date("2026-03-20")),
                done: false,
            },
        )
        .unwrap();
    let goal = store
        .create_goal(pid, &goal_draft("Understand vector databases"))
        .unwrap();
    let milestone = store
        .create_milestone(
            goal.id,
            &MilestoneDraft {
                title: "Build a toy embedding index".into(),
                due_on: Some(date("2026-05-01")),
                done: false,
            },
        )
        .unwrap();

    let hit = &store.search("roadmap", 10).unwrap()[0];
    assert_eq!((hit.kind, hit.id), (ItemKind::ActionItem, item.id));
    assert_eq!((hit.open_kind, hit.open_id), (ItemKind::Session, s.id));
    assert_eq!(hit.title, "Kick-off");
    assert_eq!(hit.date, Some(date("2026-03-20")));
    assert_eq!(hits(hit), ["roadmap"]);

    let hit = &store.search("vector", 10).unwrap()[0];
    assert_eq!((hit.kind, hit.id), (ItemKind::Goal, goal.id));
    assert_eq!((hit.open_kind, hit.open_id), (ItemKind::Goal, goal.id));
    assert_eq!(hit.date, Some(date("2026-09-30")));
    assert_eq!(ids(&store, "retrieval augmentation"), [goal.id]);

    let hit = &store.search("embedding", 10).unwrap()[0];
    assert_eq!((hit.kind, hit.id), (ItemKind::Milestone, milestone.id));
    assert_eq!((hit.open_kind, hit.open_id), (ItemKind::Goal, goal.id));
    assert_eq!(hit.title, "Understand vector databases");
    assert_eq!(hit.date, Some(date("2026-05-01")));
}

#[test]
fn finds_swot_items_and_opens_their_snapshot() {
    let (mut store, pid) = store_with_partnership();
    let view = store
        .start_snapshot(pid, Side::Mine, date("2026-03-05"), "first")
        .unwrap();
    let item = store
        .add_swot_item(
            view.snapshot.id,
            &SwotItemDraft {
                quadrant: Quadrant::Strengths,
                text: "Calm in negotiations".into(),
                priority: None,
            },
        )
        .unwrap();
    let hit = &store.search("negotiation", 10).unwrap()[0];
    assert_eq!((hit.kind, hit.id), (ItemKind::SwotItem, item.id));
    assert_eq!(
        (hit.open_kind, hit.open_id),
        (ItemKind::SwotSnapshot, view.snapshot.id)
    );
    assert_eq!(hit.title, "Calm in negotiations");
    assert_eq!(hit.date, Some(date("2026-03-05")));
}

#[test]
fn edits_keep_the_index_in_step() {
    let (mut store, pid) = store_with_partnership();
    let mut d = session_draft("Kick-off");
    d.notes = "about mastodon".into();
    let s = store.create_session(pid, &d).unwrap();
    assert_eq!(ids(&store, "mastodon"), [s.id]);
    d.notes = "about bluesky".into();
    store.update_session(s.id, &d).unwrap();
    assert!(ids(&store, "mastodon").is_empty());
    assert_eq!(ids(&store, "bluesky"), [s.id]);

    let item = store
        .create_action_item(
            s.id,
            &ActionItemDraft {
                text: "Try threads".into(),
                owner: Owner::Both,
                due_on: None,
                done: false,
            },
        )
        .unwrap();
    store
        .update_action_item(
            item.id,
            &ActionItemDraft {
                text: "Try substack".into(),
                owner: Owner::Both,
                due_on: None,
                done: true,
            },
        )
        .unwrap();
    assert!(ids(&store, "threads").is_empty());
    assert_eq!(ids(&store, "substack"), [item.id]);
}

#[test]
fn the_trash_hides_and_restore_brings_back() {
    let (mut store, pid) = store_with_partnership();
    let mut d = session_draft("Kick-off");
    d.notes = "kanban boards".into();
    let s = store.create_session(pid, &d).unwrap();
    let item = store
        .create_action_item(
            s.id,
            &ActionItemDraft {
                text: "Set up the kanban".into(),
                owner: Owner::Me,
                due_on: None,
                done: false,
            },
        )
        .unwrap();
    let goal = store
        .create_goal(pid, &goal_draft("Kanban fluency"))
        .unwrap();
    let milestone = store
        .create_milestone(
            goal.id,
            &MilestoneDraft {
                title: "First kanban retro".into(),
                due_on: None,
                done: false,
            },
        )
        .unwrap();
    let all = |store: &Store| {
        let mut v = ids(store, "kanban");
        v.sort();
        v
    };
    let mut everything = vec![s.id, item.id, goal.id, milestone.id];
    everything.sort();
    assert_eq!(all(&store), everything);

    // A trashed session hides itself and its action items.
    store.move_to_trash(ItemKind::Session, s.id).unwrap();
    let mut rest = vec![goal.id, milestone.id];
    rest.sort();
    assert_eq!(all(&store), rest);
    store.restore_from_trash(ItemKind::Session, s.id).unwrap();
    assert_eq!(all(&store), everything);

    // A trashed goal hides its milestones.
    store.move_to_trash(ItemKind::Goal, goal.id).unwrap();
    let mut rest = vec![s.id, item.id];
    rest.sort();
    assert_eq!(all(&store), rest);
    store.restore_from_trash(ItemKind::Goal, goal.id).unwrap();
    assert_eq!(all(&store), everything);

    // A trashed partnership hides everything in it.
    store.move_to_trash(ItemKind::Partnership, pid).unwrap();
    assert!(all(&store).is_empty());
    store
        .restore_from_trash(ItemKind::Partnership, pid)
        .unwrap();
    assert_eq!(all(&store), everything);

    // Emptying the trash deletes for good.
    store.move_to_trash(ItemKind::Session, s.id).unwrap();
    store.empty_trash().unwrap();
    assert_eq!(all(&store), rest_of(&everything, &[s.id, item.id]));
}

fn rest_of(all: &[Uuid], gone: &[Uuid]) -> Vec<Uuid> {
    all.iter()
        .filter(|id| !gone.contains(id))
        .copied()
        .collect()
}

#[test]
fn searches_across_partnerships() {
    let (mut store, zoe) = store_with_partnership();
    let sam = store
        .create_partnership(&partnership_draft("Sam Reyes"))
        .unwrap()
        .id;
    let mut d = session_draft("Kick-off");
    d.notes = "onboarding".into();
    store.create_session(zoe, &d).unwrap();
    store.create_session(sam, &d).unwrap();
    let mut names: Vec<_> = store
        .search("onboarding", 10)
        .unwrap()
        .into_iter()
        .map(|h| h.partner_name)
        .collect();
    names.sort();
    assert_eq!(names, ["Sam Reyes", "Zoë Okafor"]);
}

#[test]
fn accents_and_case_are_ignored() {
    let (mut store, pid) = store_with_partnership();
    let mut d = session_draft("Kick-off");
    d.notes = "Met at the Café Ström; naïve résumé advice".into();
    let s = store.create_session(pid, &d).unwrap();
    for q in ["cafe", "CAFÉ", "café strom", "naive resume", "STRÖM"] {
        assert_eq!(ids(&store, q), [s.id], "{q}");
    }
    d.notes = "plain cafe".into();
    store.update_session(s.id, &d).unwrap();
    assert_eq!(ids(&store, "café"), [s.id]);
}

#[test]
fn any_script_is_indexed_and_searchable() {
    let (mut store, pid) = store_with_partnership();
    let mut d = session_draft("多言語 🧑‍🤝‍🧑");
    d.notes = "مرحبا بالعالم — 中文 笔记 — Ελληνικά — кириллица ☕🚀 \u{202e}txet\u{202c}".into();
    d.held_at = datetime("2026-03-10T10:00");
    let s = store.create_session(pid, &d).unwrap();
    for q in ["مرحبا", "中文", "ελληνικά", "КИРИЛЛИЦА", "多言語"] {
        assert_eq!(ids(&store, q), [s.id], "{q}");
    }
    // Emoji are not words: a query of only emoji finds nothing and fails nothing.
    assert!(ids(&store, "☕🚀").is_empty());
}

#[test]
fn hostile_queries_never_fail() {
    let (mut store, pid) = store_with_partnership();
    let mut d = session_draft("AND OR NOT NEAR");
    d.notes = "a \"quoted\" phrase, col:on and stars* (parens)".into();
    let s = store.create_session(pid, &d).unwrap();
    let big = "x".repeat(1 << 20);
    let many = "word ".repeat(10_000);
    for q in [
        "",
        "   ",
        "\"",
        "\"\"",
        "*",
        "a AND",
        "AND",
        "OR NOT",
        "NEAR(",
        "NEAR(a b, 3)",
        "'); DROP TABLE session;--",
        "<script>alert(1)</script>",
        "title:x",
        "col:on",
        "^start",
        "a + b - c",
        "(((",
        "{title body}: x",
        "\0",
        "\u{E000}hit\u{E001}",
        big.as_str(),
        many.as_str(),
    ] {
        store
            .search(q, 20)
            .unwrap_or_else(|e| panic!("{q:?} failed: {e}"));
    }
    assert_eq!(ids(&store, "quoted"), [s.id]);
    assert_eq!(ids(&store, "\"quoted\""), [s.id]);
    assert_eq!(ids(&store, "NEAR"), [s.id]);
    assert_eq!(ids(&store, "stars*"), [s.id]);
    assert_eq!(ids(&store, "col:on"), [s.id]);
    // The table is still there.
    assert_eq!(store.get_session(s.id).unwrap().id, s.id);
}

#[test]
fn a_very_common_word_ranks_the_most_recent_thousand() {
    let (mut store, pid) = store_with_partnership();
    let mut first = None;
    for i in 0..1_050 {
        let mut d = session_draft(&format!("Session {i}"));
        d.notes = format!("common word number {i}");
        let s = store.create_session(pid, &d).unwrap();
        first.get_or_insert(s);
    }
    let first = first.unwrap();
    // The oldest is beyond the thousand newest matches: not ranked, so not found...
    let ranked = store.search("common", 1_000).unwrap();
    assert_eq!(ranked.len(), 1_000);
    assert!(!ranked.iter().any(|h| h.id == first.id));
    // ...until it is edited (now among the newest), when its title match ranks it first.
    let mut d = first.draft();
    d.title = "Common ground".into();
    store.update_session(first.id, &d).unwrap();
    assert_eq!(ids(&store, "common")[0], first.id);
    // Asking for more than a thousand finds them all.
    assert_eq!(store.search("common", 5_000).unwrap().len(), 1_050);
}
