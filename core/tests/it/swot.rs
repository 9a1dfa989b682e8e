//! SWOT analyses: snapshots and copy-forward, items and their order, shared items between
//! the sides, comparisons, TOWS strategies and goals, trash, and the JSON round trip.

use tandem_core::api::today;
use tandem_core::model::*;
use tandem_core::{JournalFile, Store};
use uuid::Uuid;

use crate::{assert_error, date, partnership_draft, store_with_partnership};

fn draft(q: Quadrant, text: &str) -> SwotItemDraft {
    SwotItemDraft {
        quadrant: q,
        text: text.to_owned(),
        priority: None,
    }
}

fn add(store: &mut Store, snapshot: Uuid, q: Quadrant, text: &str) -> SwotItem {
    store.add_swot_item(snapshot, &draft(q, text)).unwrap()
}

fn texts(view: &SwotView, q: Quadrant) -> Vec<String> {
    view.items
        .iter()
        .filter(|i| i.quadrant == q)
        .map(|i| i.text.clone())
        .collect()
}

/// The positions of each quadrant are 0..n in the order the view gives.
#[track_caller]
fn assert_dense(view: &SwotView) {
    for q in [
        Quadrant::Strengths,
        Quadrant::Weaknesses,
        Quadrant::Opportunities,
        Quadrant::Threats,
    ] {
        let positions: Vec<u32> = view
            .items
            .iter()
            .filter(|i| i.quadrant == q)
            .map(|i| i.position)
            .collect();
        let expected: Vec<u32> = (0..positions.len() as u32).collect();
        assert_eq!(positions, expected, "{q:?}");
    }
}

fn export_without_time(store: &Store) -> JournalFile {
    let mut file = store.export_journal().unwrap();
    file.exported_at = None;
    file
}

/// Quadrant, position, text, priority, origin, link.
type Copied<'a> = (
    Quadrant,
    u32,
    &'a str,
    Option<Priority>,
    Option<Uuid>,
    Option<Uuid>,
);

#[test]
fn the_first_snapshot_is_empty_and_the_next_copies_the_latest_forward() {
    use Quadrant::*;
    let (mut store, pid) = store_with_partnership();
    let board = store.swot_board(pid, None, None, today()).unwrap();
    assert!(board.mine.is_none() && board.partner.is_none() && board.snapshots.is_empty());

    let first = store
        .start_snapshot(pid, Side::Mine, date("2026-03-02"), "  Kick-off  ")
        .unwrap();
    assert!(first.items.is_empty());
    assert_eq!(first.snapshot.reason, "Kick-off");
    let s1 = first.snapshot.id;
    // Added in a mixed order: the view is S, W, O, T, each in order.
    let t = add(&mut store, s1, Threats, "Reorganisation");
    let a = add(&mut store, s1, Strengths, "Budgets");
    let b = add(&mut store, s1, Strengths, "Negotiation");
    let w = store
        .add_swot_item(
            s1,
            &SwotItemDraft {
                quadrant: Weaknesses,
                text: "AI tools".into(),
                priority: Some(Priority::High),
            },
        )
        .unwrap();
    let o = add(&mut store, s1, Opportunities, "Gen Z colleagues");
    let partner = store
        .start_snapshot(pid, Side::Partner, date("2026-03-02"), "")
        .unwrap();
    let p1 = add(&mut store, partner.snapshot.id, Strengths, "Budgets");
    store.link_swot_items(p1.id, Some(a.id)).unwrap();

    let second = store
        .start_snapshot(
            pid,
            Side::Mine,
            date("2026-09-01"),
            "After the reorganisation",
        )
        .unwrap();
    assert_ne!(second.snapshot.id, s1);
    assert_eq!(second.snapshot.taken_on, date("2026-09-01"));
    assert_eq!(second.snapshot.reason, "After the reorganisation");
    let copied: Vec<Copied> = second
        .items
        .iter()
        .map(|i| {
            (
                i.quadrant,
                i.position,
                i.text.as_str(),
                i.priority,
                i.origin_id,
                i.link_id,
            )
        })
        .collect();
    assert_eq!(
        copied,
        vec![
            (Strengths, 0, "Budgets", None, Some(a.id), None),
            (Strengths, 1, "Negotiation", None, Some(b.id), None),
            (
                Weaknesses,
                0,
                "AI tools",
                Some(Priority::High),
                Some(w.id),
                None
            ),
            (Opportunities, 0, "Gen Z colleagues", None, Some(o.id), None),
            (Threats, 0, "Reorganisation", None, Some(t.id), None),
        ]
    );
    assert!(
        second
            .items
            .iter()
            .all(|i| i.snapshot_id == second.snapshot.id)
    );
    assert!(
        second
            .items
            .iter()
            .all(|i| ![a.id, b.id, w.id, o.id, t.id].contains(&i.id))
    );

    // The board shows the latest of each side, and every snapshot newest first.
    let board = store.swot_board(pid, None, None, today()).unwrap();
    assert_eq!(board.mine.as_ref().unwrap().snapshot.id, second.snapshot.id);
    assert_eq!(board.mine.as_ref().unwrap().items, second.items);
    assert_eq!(
        board.partner.as_ref().unwrap().snapshot.id,
        partner.snapshot.id
    );
    let dates: Vec<_> = board.snapshots.iter().map(|s| s.taken_on).collect();
    assert_eq!(dates[0], date("2026-09-01"));
    assert_eq!(board.snapshots.len(), 3);
    // The link stayed with the first snapshot: the copy is not linked, only the same words.
    assert_eq!(board.shared.len(), 1);
    assert_eq!(board.shared[0].by, Match::Same);

    // An earlier snapshot can be chosen; the old link shows there.
    let board = store
        .swot_board(pid, Some(s1), Some(partner.snapshot.id), today())
        .unwrap();
    assert_eq!(board.mine.as_ref().unwrap().snapshot.id, s1);
    assert_eq!(
        board.shared,
        vec![SharedPair {
            mine: a.id,
            partner: p1.id,
            by: Match::Linked
        }]
    );
    // Editing the old snapshot does not change the copy.
    store
        .update_swot_item(b.id, &draft(Strengths, "Negotiating"))
        .unwrap();
    let board = store.swot_board(pid, None, None, today()).unwrap();
    assert_eq!(
        texts(board.mine.as_ref().unwrap(), Strengths),
        ["Budgets", "Negotiation"]
    );
    // A snapshot's date and reason can be changed; a date earlier than the other makes
    // the other the latest.
    let moved = store
        .update_snapshot(second.snapshot.id, date("2026-01-01"), "Backdated")
        .unwrap();
    assert_eq!(moved.reason, "Backdated");
    assert!(moved.updated_at >= second.snapshot.updated_at);
    let board = store.swot_board(pid, None, None, today()).unwrap();
    assert_eq!(board.mine.unwrap().snapshot.id, s1);
}

#[test]
fn the_board_refuses_a_snapshot_of_the_wrong_side_or_partnership() {
    let (mut store, pid) = store_with_partnership();
    let other = store
        .create_partnership(&partnership_draft("Ana"))
        .unwrap()
        .id;
    let mine = store
        .start_snapshot(pid, Side::Mine, date("2026-03-02"), "")
        .unwrap();
    let theirs = store
        .start_snapshot(other, Side::Mine, date("2026-03-02"), "")
        .unwrap();
    assert_error(
        store.swot_board(pid, None, Some(mine.snapshot.id), today()),
        "invalid_input",
        Some("partner_snapshot"),
    );
    assert_error(
        store.swot_board(pid, Some(theirs.snapshot.id), None, today()),
        "invalid_input",
        Some("mine_snapshot"),
    );
    assert_error(
        store.swot_board(pid, Some(Uuid::new_v4()), None, today()),
        "not_found",
        None,
    );
    assert_error(
        store.swot_board(Uuid::new_v4(), None, None, today()),
        "not_found",
        None,
    );
    assert_error(
        store.start_snapshot(Uuid::new_v4(), Side::Mine, date("2026-03-02"), ""),
        "not_found",
        None,
    );
    assert_error(
        store.start_snapshot(pid, Side::Mine, date("1066-10-14"), ""),
        "invalid_input",
        Some("taken_on"),
    );
    assert_error(
        store.start_snapshot(pid, Side::Mine, date("2026-03-02"), &"x".repeat(1001)),
        "invalid_input",
        Some("reason"),
    );
}

#[test]
fn empty_and_too_long_items_are_refused_and_unicode_survives() {
    use Quadrant::*;
    let (mut store, pid) = store_with_partnership();
    let s = store
        .start_snapshot(pid, Side::Mine, date("2026-03-02"), "")
        .unwrap()
        .snapshot
        .id;
    for empty in ["", "   ", "\n\t "] {
        let e = assert_error(
            store.add_swot_item(s, &draft(Strengths, empty)),
            "invalid_input",
            Some("text"),
        );
        assert!(e.to_string().contains("empty"), "{e}");
    }
    let max = "ü".repeat(1000);
    assert_eq!(add(&mut store, s, Strengths, &max).text, max);
    let e = assert_error(
        store.add_swot_item(s, &draft(Strengths, &"a".repeat(1001))),
        "invalid_input",
        Some("text"),
    );
    assert!(
        e.to_string()
            .contains("1,001 characters long; the limit is 1,000"),
        "{e}"
    );
    assert_error(
        store.add_swot_item(s, &draft(Strengths, &"a".repeat(1024 * 1024))),
        "invalid_input",
        Some("text"),
    );
    assert_error(
        store.add_swot_item(Uuid::new_v4(), &draft(Strengths, "x")),
        "not_found",
        None,
    );

    let nasty = [
        "👩🏽‍💻 prompts 🎉 and 🇳🇴",
        "שלום עולם — عربي mixed with English",
        "<script>alert(1)</script> & <b>bold</b>",
        "'); DROP TABLE swot_item; --",
        "e\u{301} combining, a\u{200d}b joiner",
    ];
    let ids: Vec<Uuid> = nasty
        .iter()
        .map(|t| add(&mut store, s, Weaknesses, t).id)
        .collect();
    let board = store.swot_board(pid, None, None, today()).unwrap();
    assert_eq!(texts(board.mine.as_ref().unwrap(), Weaknesses), nasty);
    // An edit trims, and refuses to empty an item (which is left as it was).
    let edited = store
        .update_swot_item(ids[0], &draft(Weaknesses, "  🎉  "))
        .unwrap();
    assert_eq!(edited.text, "🎉");
    assert_error(
        store.update_swot_item(ids[0], &draft(Weaknesses, " ")),
        "invalid_input",
        Some("text"),
    );
    let board = store.swot_board(pid, None, None, today()).unwrap();
    assert_eq!(board.mine.unwrap().items[1].text, "🎉");

    // Through the JSON export and back into a fresh journal, byte for byte.
    let file = export_without_time(&store);
    let json = file.to_json().unwrap();
    let parsed = JournalFile::parse(&json).unwrap();
    assert_eq!(parsed, file);
    let mut fresh = Store::open_in_memory().unwrap();
    fresh.import_journal(&parsed).unwrap();
    assert_eq!(export_without_time(&fresh), file);
    let board = fresh.swot_board(pid, None, None, today()).unwrap();
    assert_eq!(texts(board.mine.as_ref().unwrap(), Strengths), [max]);
}

#[test]
fn two_hundred_items_in_one_quadrant_stay_in_order_through_moves() {
    use Quadrant::*;
    let (mut store, pid) = store_with_partnership();
    let s = store
        .start_snapshot(pid, Side::Mine, date("2026-03-02"), "")
        .unwrap()
        .snapshot
        .id;
    let ids: Vec<Uuid> = (0..200)
        .map(|i| add(&mut store, s, Strengths, &format!("item {i}")).id)
        .collect();
    let mut expected: Vec<Uuid> = ids.clone();
    let order = |v: &SwotView, q: Quadrant| -> Vec<Uuid> {
        v.items
            .iter()
            .filter(|i| i.quadrant == q)
            .map(|i| i.id)
            .collect()
    };
    let view = store
        .swot_board(pid, None, None, today())
        .unwrap()
        .mine
        .unwrap();
    assert_eq!(order(&view, Strengths), expected);
    assert_dense(&view);

    // Down, up, to the end (a position past the end is the end), to the start.
    for (from, to) in [(150usize, 3u32), (0, 199), (10, 500), (199, 0), (42, 42)] {
        let id = expected[from];
        let view = store.move_swot_item(id, Strengths, to).unwrap();
        expected.remove(from);
        expected.insert((to as usize).min(expected.len()), id);
        assert_eq!(order(&view, Strengths), expected, "move {from} -> {to}");
        assert_dense(&view);
    }
    // Across quadrants: out of the middle of one into the middle of another.
    let w1 = add(&mut store, s, Weaknesses, "w1").id;
    let w2 = add(&mut store, s, Weaknesses, "w2").id;
    let id = expected.remove(100);
    let view = store.move_swot_item(id, Weaknesses, 1).unwrap();
    assert_eq!(order(&view, Weaknesses), [w1, id, w2]);
    assert_eq!(order(&view, Strengths), expected);
    assert_dense(&view);
    // A quadrant change by editing appends to the new quadrant and closes the gap.
    let edited = store
        .update_swot_item(expected[5], &draft(Threats, "now a threat"))
        .unwrap();
    assert_eq!((edited.quadrant, edited.position), (Threats, 0));
    expected.remove(5);
    let edited = store
        .update_swot_item(w1, &draft(Threats, "w1 too"))
        .unwrap();
    assert_eq!(edited.position, 1);
    let view = store
        .swot_board(pid, None, None, today())
        .unwrap()
        .mine
        .unwrap();
    assert_eq!(order(&view, Strengths), expected);
    assert_eq!(order(&view, Weaknesses), [id, w2]);
    assert_dense(&view);
    assert_eq!(view.items.len(), 202);
    assert_error(
        store.move_swot_item(Uuid::new_v4(), Strengths, 0),
        "not_found",
        None,
    );
}

#[test]
fn compare_finds_added_removed_kept_and_moved() {
    use Quadrant::*;
    let (mut store, pid) = store_with_partnership();
    let s1 = store
        .start_snapshot(pid, Side::Mine, date("2026-03-02"), "")
        .unwrap()
        .snapshot
        .id;
    let kept = add(&mut store, s1, Strengths, "Budgets");
    let reworded = add(&mut store, s1, Strengths, "Negotiation");
    let moving = add(&mut store, s1, Weaknesses, "AI tools");
    let going = add(&mut store, s1, Threats, "Reorganisation");
    let retyped = add(&mut store, s1, Opportunities, "Gen Z colleagues");

    let s2 = store
        .start_snapshot(pid, Side::Mine, date("2026-06-01"), "")
        .unwrap();
    let copy = |orig: &SwotItem| {
        s2.items
            .iter()
            .find(|i| i.origin_id == Some(orig.id))
            .unwrap()
            .clone()
    };
    // Reworded (still matched by its history), moved, removed, retyped by hand (matched by
    // its wording), added.
    store
        .update_swot_item(copy(&reworded).id, &draft(Strengths, "Negotiating well"))
        .unwrap();
    store
        .move_swot_item(copy(&moving).id, Strengths, 0)
        .unwrap();
    let third = store
        .start_snapshot(pid, Side::Mine, date("2026-09-01"), "")
        .unwrap();
    let s3 = third.snapshot.id;
    let going_copy = third
        .items
        .iter()
        .find(|i| i.text == "Reorganisation")
        .unwrap();
    let retyped_copy = third
        .items
        .iter()
        .find(|i| i.text == "Gen Z colleagues")
        .unwrap();
    store
        .move_to_trash(ItemKind::SwotItem, going_copy.id)
        .unwrap();
    store
        .move_to_trash(ItemKind::SwotItem, retyped_copy.id)
        .unwrap();
    add(&mut store, s3, Opportunities, "gen-Z colleagues!");
    let new = add(&mut store, s3, Threats, "Budget cuts");

    // Compared across the snapshot in between: the history goes through it.
    let c = store.compare_snapshots(s1, s3).unwrap();
    assert_eq!(c.before.id, s1);
    assert_eq!(c.after.id, s3);
    let kept_texts: Vec<&str> = c.kept.iter().map(|i| i.text.as_str()).collect();
    assert_eq!(
        kept_texts,
        ["Budgets", "Negotiating well", "gen-Z colleagues!"]
    );
    assert_eq!(c.moved.len(), 1);
    assert_eq!(c.moved[0].before, moving);
    assert_eq!(
        (c.moved[0].after.quadrant, c.moved[0].after.text.as_str()),
        (Strengths, "AI tools")
    );
    assert_eq!(c.removed, vec![going.clone()]);
    assert_eq!(c.added, vec![new.clone()]);
    assert!(c.kept.iter().all(|i| i.snapshot_id == s3));
    let _ = (kept, retyped);

    // The other way round, added and removed swap.
    let c = store.compare_snapshots(s3, s1).unwrap();
    assert_eq!(c.added, vec![going]);
    assert_eq!(c.removed, vec![new]);
    // A snapshot against itself: everything kept.
    let c = store.compare_snapshots(s1, s1).unwrap();
    assert_eq!(c.kept.len(), 5);
    assert!(c.added.is_empty() && c.removed.is_empty() && c.moved.is_empty());

    // Not the same side, or not the same partnership: refused clearly.
    let partner = store
        .start_snapshot(pid, Side::Partner, date("2026-03-02"), "")
        .unwrap()
        .snapshot
        .id;
    let e = assert_error(
        store.compare_snapshots(s1, partner),
        "invalid_input",
        Some("after_id"),
    );
    assert!(e.to_string().contains("same side"), "{e}");
    let other = store
        .create_partnership(&partnership_draft("Ana"))
        .unwrap()
        .id;
    let elsewhere = store
        .start_snapshot(other, Side::Mine, date("2026-03-02"), "")
        .unwrap()
        .snapshot
        .id;
    assert_error(
        store.compare_snapshots(s1, elsewhere),
        "invalid_input",
        Some("after_id"),
    );
    assert_error(
        store.compare_snapshots(s1, Uuid::new_v4()),
        "not_found",
        None,
    );
}

#[test]
fn shared_items_same_similar_linked_and_not_across_quadrants() {
    use Quadrant::*;
    let (mut store, pid) = store_with_partnership();
    let mine = store
        .start_snapshot(pid, Side::Mine, date("2026-03-02"), "")
        .unwrap()
        .snapshot
        .id;
    let partner = store
        .start_snapshot(pid, Side::Partner, date("2026-03-02"), "")
        .unwrap()
        .snapshot
        .id;
    let m_same = add(&mut store, mine, Strengths, "Public speaking");
    let m_similar = add(&mut store, mine, Strengths, "Good listener");
    let m_other_q = add(&mut store, mine, Weaknesses, "AI tools");
    let m_linked = add(&mut store, mine, Threats, "The reorganisation");
    let p_same = add(&mut store, partner, Strengths, "public  speaking!");
    let p_similar = add(&mut store, partner, Strengths, "Good listner");
    let p_other_q = add(&mut store, partner, Strengths, "AI tools");
    let p_linked = add(&mut store, partner, Threats, "Team changes ahead");

    let board = store.swot_board(pid, None, None, today()).unwrap();
    assert_eq!(
        board.shared,
        vec![
            SharedPair {
                mine: m_same.id,
                partner: p_same.id,
                by: Match::Same
            },
            SharedPair {
                mine: m_similar.id,
                partner: p_similar.id,
                by: Match::Similar
            },
        ]
    );
    assert!(
        !board
            .shared
            .iter()
            .any(|p| p.mine == m_other_q.id || p.partner == p_other_q.id)
    );

    store
        .link_swot_items(m_linked.id, Some(p_linked.id))
        .unwrap();
    let board = store.swot_board(pid, None, None, today()).unwrap();
    assert_eq!(board.shared.len(), 3);
    assert_eq!(
        board.shared[2],
        SharedPair {
            mine: m_linked.id,
            partner: p_linked.id,
            by: Match::Linked
        }
    );
    // Both sides carry the link.
    let items: Vec<SwotItem> = board
        .mine
        .unwrap()
        .items
        .into_iter()
        .chain(board.partner.unwrap().items)
        .collect();
    let link = |id: Uuid| items.iter().find(|i| i.id == id).unwrap().link_id;
    assert_eq!(link(m_linked.id), Some(p_linked.id));
    assert_eq!(link(p_linked.id), Some(m_linked.id));

    // A link wins over the same words: linking "Public speaking" with "Good listner"
    // leaves "public speaking!" and "Good listener" to pair up (not similar enough).
    store
        .link_swot_items(p_similar.id, Some(m_same.id))
        .unwrap();
    let board = store.swot_board(pid, None, None, today()).unwrap();
    assert!(board.shared.contains(&SharedPair {
        mine: m_same.id,
        partner: p_similar.id,
        by: Match::Linked
    }));
    assert!(
        !board
            .shared
            .iter()
            .any(|p| p.partner == p_same.id && p.mine == m_same.id)
    );

    // Relinking one of a pair undoes its old link on both items; None unlinks.
    store.link_swot_items(m_linked.id, Some(p_same.id)).unwrap();
    let board = store.swot_board(pid, None, None, today()).unwrap();
    let partner_items = board.partner.unwrap().items;
    let p_link = |id: Uuid| partner_items.iter().find(|i| i.id == id).unwrap().link_id;
    assert_eq!(p_link(p_linked.id), None);
    assert_eq!(p_link(p_same.id), Some(m_linked.id));
    store.link_swot_items(p_same.id, None).unwrap();
    let board = store.swot_board(pid, None, None, today()).unwrap();
    assert!(
        board
            .mine
            .unwrap()
            .items
            .iter()
            .all(|i| i.id == m_same.id || i.link_id.is_none())
    );

    // Items of the same side, or of another partnership, cannot be linked.
    let e = assert_error(
        store.link_swot_items(m_same.id, Some(m_similar.id)),
        "invalid_input",
        Some("link_id"),
    );
    assert!(e.to_string().contains("same side"), "{e}");
    let other = store
        .create_partnership(&partnership_draft("Ana"))
        .unwrap()
        .id;
    let elsewhere = store
        .start_snapshot(other, Side::Partner, date("2026-03-02"), "")
        .unwrap()
        .snapshot
        .id;
    let far = add(&mut store, elsewhere, Strengths, "Far away");
    assert_error(
        store.link_swot_items(m_same.id, Some(far.id)),
        "invalid_input",
        Some("link_id"),
    );
    assert_error(
        store.link_swot_items(m_same.id, Some(Uuid::new_v4())),
        "not_found",
        None,
    );
}

fn tows(kind: TowsKind, text: &str, internal: Option<Uuid>, external: Option<Uuid>) -> TowsDraft {
    TowsDraft {
        kind,
        text: text.to_owned(),
        internal_item_id: internal,
        external_item_id: external,
    }
}

#[test]
fn tows_strategies_are_checked_and_become_a_goal_once() {
    use Quadrant::*;
    let (mut store, pid) = store_with_partnership();
    let s = store
        .start_snapshot(pid, Side::Mine, date("2026-03-02"), "")
        .unwrap()
        .snapshot
        .id;
    let strength = add(&mut store, s, Strengths, "Budgets and negotiation");
    let weakness = add(&mut store, s, Weaknesses, "AI tools");
    let opportunity = add(&mut store, s, Opportunities, "Zoë knows prompts");
    let threat = add(&mut store, s, Threats, "Reorganisation");

    // Kinds need the right quadrants.
    for (kind, internal, external, field) in [
        (
            TowsKind::So,
            weakness.id,
            opportunity.id,
            "internal_item_id",
        ),
        (TowsKind::So, strength.id, threat.id, "external_item_id"),
        (TowsKind::Wt, strength.id, threat.id, "internal_item_id"),
        (TowsKind::Wo, weakness.id, threat.id, "external_item_id"),
        (TowsKind::St, opportunity.id, threat.id, "internal_item_id"),
    ] {
        let e = assert_error(
            store.create_tows(pid, &tows(kind, "x", Some(internal), Some(external))),
            "invalid_input",
            Some(field),
        );
        assert!(e.to_string().contains("strategy pairs"), "{e}");
    }
    assert_error(
        store.create_tows(pid, &tows(TowsKind::So, "  ", Some(strength.id), None)),
        "invalid_input",
        Some("text"),
    );
    assert_error(
        store.create_tows(pid, &tows(TowsKind::So, "x", Some(Uuid::new_v4()), None)),
        "invalid_input",
        Some("internal_item_id"),
    );
    let other = store
        .create_partnership(&partnership_draft("Ana"))
        .unwrap()
        .id;
    assert_error(
        store.create_tows(other, &tows(TowsKind::So, "x", Some(strength.id), None)),
        "invalid_input",
        Some("internal_item_id"),
    );
    assert!(store.list_tows(pid).unwrap().is_empty());

    let long = format!(
        "Use my budget experience to {}",
        "run a real AI pilot ".repeat(30)
    );
    let so = store
        .create_tows(
            pid,
            &tows(TowsKind::So, &long, Some(strength.id), Some(opportunity.id)),
        )
        .unwrap();
    let wt = store
        .create_tows(
            pid,
            &tows(
                TowsKind::Wt,
                "Learn before the reorg",
                Some(weakness.id),
                Some(threat.id),
            ),
        )
        .unwrap();
    let wo = store
        .create_tows(pid, &tows(TowsKind::Wo, "Ask Zoë", None, None))
        .unwrap();
    let listed: Vec<Uuid> = store.list_tows(pid).unwrap().iter().map(|t| t.id).collect();
    assert_eq!(listed, [so.id, wo.id, wt.id]);
    let updated = store
        .update_tows(
            wo.id,
            &tows(
                TowsKind::Wo,
                "Ask Zoë weekly",
                Some(weakness.id),
                Some(opportunity.id),
            ),
        )
        .unwrap();
    assert_eq!(updated.text, "Ask Zoë weekly");
    assert_error(
        store.update_tows(wo.id, &tows(TowsKind::So, "x", Some(weakness.id), None)),
        "invalid_input",
        Some("internal_item_id"),
    );

    let goal = store.tows_to_goal(so.id).unwrap();
    assert_eq!(goal.partnership_id, pid);
    assert_eq!(goal.status, GoalStatus::Active);
    assert_eq!(goal.whose, Whose::Shared);
    assert_eq!(goal.direction, LearningDirection::BothLearn);
    // Cut on a word boundary, within the limit of a title.
    let head = goal.title.strip_suffix('…').unwrap();
    assert!(goal.title.len() <= 300, "{}", goal.title);
    assert!(
        long.starts_with(head) && long[head.len()..].starts_with(' '),
        "{}",
        goal.title
    );
    assert!(
        goal.description
            .contains("Strength: Budgets and negotiation"),
        "{}",
        goal.description
    );
    assert!(goal.description.contains("Opportunity: Zoë knows prompts"));
    assert!(goal.description.contains(long.trim()));
    // Once only: the second time returns the same goal.
    let again = store.tows_to_goal(so.id).unwrap();
    assert_eq!(again.id, goal.id);
    let goals = store.list_goals(pid, today()).unwrap();
    assert_eq!(goals.len(), 1);
    let so_now = store
        .list_tows(pid)
        .unwrap()
        .into_iter()
        .find(|t| t.id == so.id)
        .unwrap();
    assert_eq!(so_now.goal_id, Some(goal.id));

    let short = store.tows_to_goal(wt.id).unwrap();
    assert_eq!(short.title, "Learn before the reorg");
    assert!(short.description.contains("Weakness: AI tools"));
    assert!(short.description.contains("Threat: Reorganisation"));
    assert_eq!(store.list_goals(pid, today()).unwrap().len(), 2);
    assert_error(store.tows_to_goal(Uuid::new_v4()), "not_found", None);
}

#[test]
fn an_unknown_quadrant_in_an_import_is_refused_and_changes_nothing() {
    use Quadrant::*;
    let (mut store, pid) = store_with_partnership();
    let s = store
        .start_snapshot(pid, Side::Mine, date("2026-03-02"), "")
        .unwrap()
        .snapshot
        .id;
    for i in 0..6 {
        add(&mut store, s, Strengths, &format!("item {i}"));
    }
    let before = export_without_time(&store);

    // A file with a new item in an unknown quadrant.
    let mut value: serde_json::Value = serde_json::from_str(&before.to_json().unwrap()).unwrap();
    let items = value["swot_items"].as_array_mut().unwrap();
    items[4]["quadrant"] = "risks".into();
    items[4]["text"] = "changed".into();
    let text = serde_json::to_string(&value).unwrap();
    let e = JournalFile::parse(&text).unwrap_err();
    assert_eq!(e.code(), "import_invalid");
    let msg = e.to_string();
    assert!(
        msg.contains("swot_items[4].quadrant: unknown variant `risks`, expected one of"),
        "{msg}"
    );
    assert!(msg.contains("Nothing was changed"), "{msg}");
    assert_eq!(export_without_time(&store), before);

    // A file that parses but breaks a rule halfway: nothing of it is applied.
    let mut bad = before.clone();
    bad.swot_items[0].text = "changed, newer".into();
    bad.swot_items[0].updated_at = chrono::Utc::now();
    bad.swot_items[5].text = "   ".into();
    bad.swot_items[5].updated_at = chrono::Utc::now();
    let e = assert_error(store.import_journal(&bad), "import_invalid", None);
    assert!(e.to_string().contains("swot_items[5].text"), "{e}");
    assert_eq!(export_without_time(&store), before);

    let mut orphan = before.clone();
    orphan.swot_items[2].snapshot_id = Uuid::new_v4();
    orphan.swot_items[2].id = Uuid::new_v4();
    let e = assert_error(store.import_journal(&orphan), "import_invalid", None);
    assert!(e.to_string().contains("swot_items[2]"), "{e}");
    assert_eq!(export_without_time(&store), before);

    // A newer copy of an item wins; an older one does not.
    let mut newer = before.clone();
    newer.swot_items[1].text = "newer".into();
    newer.swot_items[1].updated_at = chrono::Utc::now() + chrono::Duration::seconds(5);
    store.import_journal(&newer).unwrap();
    let board = store.swot_board(pid, None, None, today()).unwrap();
    assert_eq!(board.mine.unwrap().items[1].text, "newer");
    let mut older = before.clone();
    older.swot_items[1].text = "older".into();
    store.import_journal(&older).unwrap();
    let board = store.swot_board(pid, None, None, today()).unwrap();
    assert_eq!(board.mine.unwrap().items[1].text, "newer");
}

#[test]
fn a_full_swot_round_trips_through_json_exactly() {
    use Quadrant::*;
    let (mut store, pid) = store_with_partnership();
    let s1 = store
        .start_snapshot(pid, Side::Mine, date("2026-03-02"), "Kick-off 🎉")
        .unwrap()
        .snapshot
        .id;
    let p1 = store
        .start_snapshot(pid, Side::Partner, date("2026-03-03"), "Zoë's, typed by me")
        .unwrap()
        .snapshot
        .id;
    let a = add(&mut store, s1, Strengths, "Budgets");
    let b = store
        .add_swot_item(
            s1,
            &SwotItemDraft {
                quadrant: Opportunities,
                text: "مريم — عربي".into(),
                priority: Some(Priority::Low),
            },
        )
        .unwrap();
    let c = add(&mut store, p1, Strengths, "Prompts 👩🏽‍💻");
    store.link_swot_items(a.id, Some(c.id)).unwrap();
    store
        .start_snapshot(pid, Side::Mine, date("2026-09-01"), "")
        .unwrap();
    let t = store
        .create_tows(pid, &tows(TowsKind::So, "Pilot", Some(a.id), Some(b.id)))
        .unwrap();
    store.tows_to_goal(t.id).unwrap();

    let file = export_without_time(&store);
    assert_eq!(file.swot_snapshots.len(), 3);
    assert_eq!(file.swot_items.len(), 5);
    assert_eq!(file.tows_strategies.len(), 1);
    // Two exports are equal, and the JSON reads back equal.
    assert_eq!(export_without_time(&store), file);
    let json = file.to_json().unwrap();
    let parsed = JournalFile::parse(&json).unwrap();
    assert_eq!(parsed, file);
    let mut fresh = Store::open_in_memory().unwrap();
    fresh.import_journal(&parsed).unwrap();
    assert_eq!(export_without_time(&fresh), file);
    assert_eq!(
        fresh.swot_board(pid, Some(s1), None, today()).unwrap(),
        store.swot_board(pid, Some(s1), None, today()).unwrap()
    );
    // Importing the same file again changes nothing.
    let report = fresh.import_journal(&parsed).unwrap();
    assert_eq!(report.added, 0);
    assert_eq!(report.updated, 0);
    assert_eq!(export_without_time(&fresh), file);
}

#[test]
fn the_trash_hides_items_and_snapshots_and_a_restore_puts_them_back_in_place() {
    use Quadrant::*;
    let (mut store, pid) = store_with_partnership();
    let s1 = store
        .start_snapshot(pid, Side::Mine, date("2026-03-02"), "")
        .unwrap()
        .snapshot
        .id;
    // Apart in time, so that a tie in position is ordered by creation.
    let ids: Vec<Uuid> = ["a", "b", "c", "d"]
        .iter()
        .map(|t| {
            std::thread::sleep(std::time::Duration::from_millis(2));
            add(&mut store, s1, Strengths, t).id
        })
        .collect();
    let board_texts = |store: &Store| {
        let board = store.swot_board(pid, None, None, today()).unwrap();
        board.mine.map(|m| texts(&m, Strengths)).unwrap_or_default()
    };

    store.move_to_trash(ItemKind::SwotItem, ids[1]).unwrap();
    assert_eq!(board_texts(&store), ["a", "c", "d"]);
    // A new item goes after the live ones; a move counts live items only.
    add(&mut store, s1, Strengths, "e");
    let view = store.move_swot_item(ids[3], Strengths, 1).unwrap();
    assert_eq!(texts(&view, Strengths), ["a", "d", "c", "e"]);
    assert_dense(&view);
    // Edits of a trashed item are refused; it is not copied forward.
    assert_error(
        store.update_swot_item(ids[1], &draft(Strengths, "x")),
        "not_found",
        None,
    );
    let copy = store
        .start_snapshot(pid, Side::Mine, date("2026-04-01"), "")
        .unwrap();
    assert_eq!(texts(&copy, Strengths), ["a", "d", "c", "e"]);
    store
        .move_to_trash(ItemKind::SwotSnapshot, copy.snapshot.id)
        .unwrap();

    // Restored, it comes back at its old position (tied with "d", and older).
    store
        .restore_from_trash(ItemKind::SwotItem, ids[1])
        .unwrap();
    assert_eq!(board_texts(&store), ["a", "b", "d", "c", "e"]);
    // The next move makes the positions dense again.
    let view = store.move_swot_item(ids[0], Strengths, 4).unwrap();
    assert_eq!(texts(&view, Strengths), ["b", "d", "c", "e", "a"]);
    assert_dense(&view);

    // A trashed snapshot is not on the board, nor the latest to copy from.
    let board = store.swot_board(pid, None, None, today()).unwrap();
    assert_eq!(board.mine.as_ref().unwrap().snapshot.id, s1);
    assert_eq!(board.snapshots.len(), 1);
    assert_error(
        store.swot_board(pid, Some(copy.snapshot.id), None, today()),
        "not_found",
        None,
    );
    assert_error(
        store.add_swot_item(copy.snapshot.id, &draft(Strengths, "x")),
        "not_found",
        None,
    );
    // A trashed partnership hides all of it.
    store.move_to_trash(ItemKind::Partnership, pid).unwrap();
    assert_error(
        store.swot_board(pid, None, None, today()),
        "not_found",
        None,
    );
    assert_error(
        store.move_swot_item(ids[0], Strengths, 0),
        "not_found",
        None,
    );
    assert_error(store.compare_snapshots(s1, s1), "not_found", None);
    store
        .restore_from_trash(ItemKind::Partnership, pid)
        .unwrap();
    assert_eq!(board_texts(&store), ["b", "d", "c", "e", "a"]);
    // Trashed things are exported (with deleted_at) and round-trip.
    let file = export_without_time(&store);
    assert_eq!(
        file.swot_snapshots
            .iter()
            .filter(|s| s.deleted_at.is_some())
            .count(),
        1
    );
    let mut fresh = Store::open_in_memory().unwrap();
    fresh.import_journal(&file).unwrap();
    assert_eq!(export_without_time(&fresh), file);
}

#[test]
fn the_schema_4_fixture_reads_back_through_the_current_code() {
    use crate::migrations::{SW_ITEMS, SW_MINE_1, SW_MINE_2, SW_PARTNER, TOWS_1, copy_of_fixture};
    use Quadrant::*;
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&copy_of_fixture(4, dir.path())).unwrap();
    let pid = store.list_partnerships().unwrap()[0].partnership.id;
    let id = |s: &str| s.parse::<Uuid>().unwrap();

    let board = store.swot_board(pid, None, None, today()).unwrap();
    let mine = board.mine.as_ref().unwrap();
    let partner = board.partner.as_ref().unwrap();
    assert_eq!(mine.snapshot.id, id(SW_MINE_2));
    assert_eq!(mine.snapshot.reason, "After the reorg 🏢");
    assert_eq!(partner.snapshot.id, id(SW_PARTNER));
    assert_eq!(texts(partner, Weaknesses), ["שלום — عربي: <b>RTL</b>"]);
    assert_eq!(partner.items[1].priority, Some(Priority::Medium));
    let snapshots: Vec<Uuid> = board.snapshots.iter().map(|s| s.id).collect();
    assert_eq!(snapshots, [id(SW_MINE_2), id(SW_PARTNER), id(SW_MINE_1)]);
    // "Budgets & negotiation" / "Negotiation and budgets": near enough, on the latest snapshots.
    assert_eq!(
        board.shared,
        vec![SharedPair {
            mine: id(SW_ITEMS[3]),
            partner: id(SW_ITEMS[5]),
            by: Match::Similar
        }]
    );
    // On the first snapshot, the user's link.
    let first = store
        .swot_board(pid, Some(id(SW_MINE_1)), None, today())
        .unwrap();
    assert_eq!(first.shared[0].by, Match::Linked);
    assert_eq!(
        texts(first.mine.as_ref().unwrap(), Threats),
        ["'); DROP TABLE swot_item; --"]
    );

    let c = store
        .compare_snapshots(id(SW_MINE_1), id(SW_MINE_2))
        .unwrap();
    assert_eq!(c.kept.len(), 1);
    assert_eq!(c.moved.len(), 1);
    assert_eq!(c.moved[0].after.quadrant, Opportunities);
    assert_eq!(c.removed.len(), 1);
    assert!(c.added.is_empty());

    let strategies = store.list_tows(pid).unwrap();
    assert_eq!(strategies.len(), 2);
    assert_eq!(strategies[0].id, id(TOWS_1));
    assert!(strategies[0].goal_id.is_some());
    let file = store.export_journal().unwrap();
    assert_eq!(file.swot_items.len(), 7);
}

#[test]
fn the_sample_journal_has_both_sides_snapshots_and_strategies() {
    use Quadrant::*;
    let mut store = Store::open_in_memory().unwrap();
    // Its latest session lands 6 days before "today" (2026-06-02 in the file).
    store.load_sample(date("2026-06-08")).unwrap().unwrap();
    let zoe = store
        .list_partnerships()
        .unwrap()
        .into_iter()
        .find(|o| o.partnership.partner_name == "Zoë Okafor")
        .unwrap()
        .partnership
        .id;
    let board = store.swot_board(zoe, None, None, today()).unwrap();
    let mine = board.mine.as_ref().unwrap();
    let partner = board.partner.as_ref().unwrap();
    assert_eq!(mine.snapshot.taken_on, date("2026-06-02"));
    assert_eq!(board.snapshots.len(), 3);
    assert_dense(mine);
    assert_dense(partner);
    for q in [Strengths, Weaknesses, Opportunities, Threats] {
        assert!(
            !texts(mine, q).is_empty() && !texts(partner, q).is_empty(),
            "{q:?}"
        );
    }
    // Every kind of shared pair shows on the default board.
    for by in [Match::Same, Match::Similar, Match::Linked] {
        assert!(
            board.shared.iter().any(|p| p.by == by),
            "{by:?}: {:?}",
            board.shared
        );
    }
    // What changed since the first snapshot of mine: a bit of everything.
    let first = board
        .snapshots
        .iter()
        .rev()
        .find(|s| s.side == Side::Mine)
        .unwrap();
    let c = store.compare_snapshots(first.id, mine.snapshot.id).unwrap();
    assert!(!c.added.is_empty() && !c.removed.is_empty() && !c.kept.is_empty());
    assert_eq!(c.moved.len(), 1);

    let strategies = store.list_tows(zoe).unwrap();
    let kinds: Vec<TowsKind> = strategies.iter().map(|t| t.kind).collect();
    assert_eq!(
        kinds,
        [TowsKind::So, TowsKind::St, TowsKind::Wo, TowsKind::Wt]
    );
    // One is already a goal; turning it again gives that goal.
    let done = strategies.iter().find(|t| t.goal_id.is_some()).unwrap();
    let goals = store.list_goals(zoe, today()).unwrap().len();
    assert_eq!(Some(store.tows_to_goal(done.id).unwrap().id), done.goal_id);
    assert_eq!(store.list_goals(zoe, today()).unwrap().len(), goals);
    // Every strategy passes the rules the UI's edits must meet.
    for t in &strategies {
        let draft = TowsDraft {
            kind: t.kind,
            text: t.text.clone(),
            internal_item_id: t.internal_item_id,
            external_item_id: t.external_item_id,
        };
        store.update_tows(t.id, &draft).unwrap();
    }
}

/// Issue 16: a snapshot dated in the future became the side's current SWOT.
#[test]
fn issue_16_a_future_dated_snapshot_is_not_the_current_one_until_its_day() {
    let (mut store, pid) = store_with_partnership();
    let march = store
        .start_snapshot(pid, Side::Mine, date("2026-03-02"), "Kick-off")
        .unwrap();
    let june = store
        .start_snapshot(pid, Side::Mine, date("2026-06-01"), "Mid-point")
        .unwrap();
    let current = |day: &str| {
        let board = store.swot_board(pid, None, None, date(day)).unwrap();
        assert_eq!(board.snapshots.len(), 2, "every snapshot is still listed");
        board.mine.unwrap().snapshot.id
    };
    assert_eq!(current("2026-05-31"), march.snapshot.id);
    assert_eq!(current("2026-06-01"), june.snapshot.id);
    // When every snapshot of a side is ahead, the side shows the first of them rather
    // than nothing (the UI says it is dated later).
    assert_eq!(current("2026-01-01"), march.snapshot.id);
}

/// A partnership with one snapshot on each side: mine "Public speaking" and "Good listener",
/// my partner's "public speaking!" and "Good listener"; the items in that order.
fn two_matching_sides() -> (Store, Uuid, [SwotItem; 4]) {
    use Quadrant::*;
    let (mut store, pid) = store_with_partnership();
    let mine = store
        .start_snapshot(pid, Side::Mine, date("2026-03-02"), "")
        .unwrap()
        .snapshot
        .id;
    let partner = store
        .start_snapshot(pid, Side::Partner, date("2026-03-02"), "")
        .unwrap()
        .snapshot
        .id;
    let m1 = add(&mut store, mine, Strengths, "Public speaking");
    let m2 = add(&mut store, mine, Weaknesses, "Good listener");
    let p1 = add(&mut store, partner, Strengths, "public speaking!");
    let p2 = add(&mut store, partner, Weaknesses, "Good listener");
    (store, pid, [m1, m2, p1, p2])
}

fn pairs_of(store: &Store, pid: Uuid) -> Vec<(Uuid, Uuid)> {
    store
        .swot_board(pid, None, None, today())
        .unwrap()
        .shared
        .iter()
        .map(|p| (p.mine, p.partner))
        .collect()
}

#[test]
fn issue_16_not_the_same_leaves_a_pair_out_through_edits_and_new_snapshots_until_undone() {
    use Quadrant::*;
    let (mut store, pid, [m1, m2, p1, p2]) = two_matching_sides();
    assert_eq!(pairs_of(&store, pid), [(m1.id, p1.id), (m2.id, p2.id)]);

    store.dismiss_swot_pair(m1.id, p1.id).unwrap();
    assert_eq!(pairs_of(&store, pid), [(m2.id, p2.id)]);
    // Twice is once.
    store.dismiss_swot_pair(m1.id, p1.id).unwrap();
    assert_eq!(
        store.export_journal().unwrap().swot_pair_dismissals.len(),
        1
    );

    // Kept by the items, not their words: editing either text does not bring it back.
    store
        .update_swot_item(m1.id, &draft(Strengths, "Public speaking."))
        .unwrap();
    store
        .update_swot_item(p1.id, &draft(Strengths, "Public speaking"))
        .unwrap();
    assert_eq!(pairs_of(&store, pid), [(m2.id, p2.id)]);

    // A new snapshot of either side carries it to the copies.
    let mine2 = store
        .start_snapshot(pid, Side::Mine, date("2026-04-01"), "")
        .unwrap();
    let partner2 = store
        .start_snapshot(pid, Side::Partner, date("2026-04-01"), "")
        .unwrap();
    let copy = |view: &SwotView, of: Uuid| {
        view.items
            .iter()
            .find(|i| i.origin_id == Some(of))
            .unwrap()
            .id
    };
    let (m1c, m2c) = (copy(&mine2, m1.id), copy(&mine2, m2.id));
    let (p1c, p2c) = (copy(&partner2, p1.id), copy(&partner2, p2.id));
    assert_eq!(pairs_of(&store, pid), [(m2c, p2c)]);
    // The earlier snapshots keep theirs.
    let old = store
        .swot_board(
            pid,
            Some(mine2.snapshot.id),
            Some(partner2.snapshot.id),
            today(),
        )
        .unwrap();
    assert_eq!(old.shared.len(), 1);

    // Undo brings the pair back; undoing again changes nothing.
    store.restore_swot_pair(m1c, p1c).unwrap();
    assert_eq!(pairs_of(&store, pid), [(m1c, p1c), (m2c, p2c)]);
    store.restore_swot_pair(m1c, p1c).unwrap();
    store.restore_swot_pair(m1c, p2c).unwrap();
    assert_eq!(pairs_of(&store, pid).len(), 2);
    // Dismissed again after an undo: left out again.
    store.dismiss_swot_pair(m1c, p1c).unwrap();
    assert_eq!(pairs_of(&store, pid), [(m2c, p2c)]);
}

#[test]
fn issue_16_linking_a_pair_said_not_the_same_undoes_that_and_a_link_cannot_be_dismissed() {
    let (mut store, pid, [m1, m2, p1, p2]) = two_matching_sides();
    store.dismiss_swot_pair(m1.id, p1.id).unwrap();
    store.link_swot_items(p1.id, Some(m1.id)).unwrap();
    let board = store.swot_board(pid, None, None, today()).unwrap();
    assert_eq!(board.shared[0].by, Match::Linked);
    // Unlinked, they pair by their wording again: the link said they are the same.
    store.link_swot_items(m1.id, None).unwrap();
    assert_eq!(pairs_of(&store, pid), [(m1.id, p1.id), (m2.id, p2.id)]);

    // A link is the user's own: it is undone by unlinking, not dismissed.
    store.link_swot_items(m2.id, Some(p2.id)).unwrap();
    let e = assert_error(
        store.dismiss_swot_pair(m2.id, p2.id),
        "invalid_input",
        Some("partner_item_id"),
    );
    assert!(e.to_string().contains("unlink"), "{e}");
    // Mine first, then my partner's; items that are gone or of two partnerships are refused.
    assert_error(
        store.dismiss_swot_pair(p1.id, m1.id),
        "invalid_input",
        Some("mine_item_id"),
    );
    assert_error(
        store.dismiss_swot_pair(m1.id, m2.id),
        "invalid_input",
        Some("partner_item_id"),
    );
    assert_error(
        store.dismiss_swot_pair(m1.id, Uuid::new_v4()),
        "not_found",
        None,
    );
    let other = store
        .create_partnership(&partnership_draft("Ana"))
        .unwrap()
        .id;
    let elsewhere = store
        .start_snapshot(other, Side::Partner, date("2026-03-02"), "")
        .unwrap()
        .snapshot
        .id;
    let far = add(
        &mut store,
        elsewhere,
        Quadrant::Strengths,
        "Public speaking",
    );
    assert_error(
        store.dismiss_swot_pair(m1.id, far.id),
        "invalid_input",
        Some("partner_item_id"),
    );
    store.move_to_trash(ItemKind::SwotItem, p1.id).unwrap();
    assert_error(store.dismiss_swot_pair(m1.id, p1.id), "not_found", None);
}

#[test]
fn issue_16_not_the_same_round_trips_through_json_and_the_newer_state_wins() {
    let (mut store, pid, [m1, m2, p1, p2]) = two_matching_sides();
    store.dismiss_swot_pair(m1.id, p1.id).unwrap();
    store.dismiss_swot_pair(m2.id, p2.id).unwrap();
    store.restore_swot_pair(m2.id, p2.id).unwrap();
    let file = export_without_time(&store);
    assert_eq!(file.format_version, tandem_core::FORMAT_VERSION);
    assert_eq!(file.swot_pair_dismissals.len(), 2);
    let text = file.to_json().unwrap();
    assert!(text.contains("\"swot_pair_dismissals\""), "{text}");
    assert!(text.contains("\"undone_at\""), "{text}");

    let mut fresh = Store::open_in_memory().unwrap();
    fresh
        .import_journal(&JournalFile::parse(&text).unwrap())
        .unwrap();
    assert_eq!(export_without_time(&fresh), file);
    assert_eq!(pairs_of(&fresh, pid), [(m2.id, p2.id)]);
    // Importing again changes nothing.
    let again = fresh.import_journal(&file).unwrap();
    assert_eq!((again.added, again.updated), (0, 0));

    // Undone here later: an older file does not bring the dismissal back...
    fresh.restore_swot_pair(m1.id, p1.id).unwrap();
    fresh.import_journal(&file).unwrap();
    assert_eq!(pairs_of(&fresh, pid).len(), 2);
    // ...and the newer file's undo reaches the journal that has the older dismissal.
    let newer = export_without_time(&fresh);
    let report = store.import_journal(&newer).unwrap();
    assert_eq!(report.updated, 1);
    assert_eq!(pairs_of(&store, pid).len(), 2);
}

#[test]
fn issue_16_a_format_3_file_without_dismissals_still_imports() {
    let (store, pid, [m1, _, p1, _]) = two_matching_sides();
    let mut v: serde_json::Value =
        serde_json::from_str(&store.export_journal().unwrap().to_json().unwrap()).unwrap();
    v["format_version"] = 3.into();
    assert!(
        v.as_object_mut()
            .unwrap()
            .remove("swot_pair_dismissals")
            .is_some()
    );
    let mut fresh = Store::open_in_memory().unwrap();
    fresh
        .import_journal(&JournalFile::parse(&v.to_string()).unwrap())
        .unwrap();
    assert_eq!(pairs_of(&fresh, pid)[0], (m1.id, p1.id));
    let out = fresh.export_journal().unwrap();
    assert_eq!(out.format_version, tandem_core::FORMAT_VERSION);
    assert!(out.swot_pair_dismissals.is_empty());
}

#[test]
fn issue_16_a_dismissal_in_a_file_must_name_an_item_of_each_side_of_one_partnership() {
    let (mut store, _pid, [m1, m2, p1, _]) = two_matching_sides();
    store.dismiss_swot_pair(m1.id, p1.id).unwrap();
    let good: serde_json::Value =
        serde_json::from_str(&store.export_journal().unwrap().to_json().unwrap()).unwrap();
    let refused = |change: &dyn Fn(&mut serde_json::Value), says: &str| {
        let mut v = good.clone();
        change(&mut v["swot_pair_dismissals"]);
        let mut fresh = Store::open_in_memory().unwrap();
        let e = JournalFile::parse(&v.to_string())
            .and_then(|f| fresh.import_journal(&f))
            .unwrap_err();
        assert_eq!(e.code(), "import_invalid", "{e}");
        assert!(e.to_string().contains(says), "{says}: {e}");
        assert!(fresh.list_partnerships().unwrap().is_empty());
    };
    refused(
        &|d| d[0]["partner_item_id"] = Uuid::new_v4().to_string().into(),
        "swot_pair_dismissals[0]: it belongs to SWOT item",
    );
    refused(
        &|d| d[0]["partner_item_id"] = m2.id.to_string().into(),
        "swot_pair_dismissals[0]: mine_item_id must be an item of my side",
    );
    refused(
        &|d| {
            let copy = d[0].clone();
            d.as_array_mut().unwrap().push(copy);
        },
        "swot_pair_dismissals[1]: the pair of",
    );
    refused(
        &|d| d[0]["undone_at"] = "1066-10-14T09:00:00Z".into(),
        "swot_pair_dismissals[0].undone_at",
    );
}

#[test]
fn issue_16_emptying_the_trash_forgets_the_dismissals_of_items_deleted_for_good() {
    let (mut store, pid, [m1, m2, p1, p2]) = two_matching_sides();
    store.dismiss_swot_pair(m1.id, p1.id).unwrap();
    store.dismiss_swot_pair(m2.id, p2.id).unwrap();
    store.move_to_trash(ItemKind::SwotItem, p1.id).unwrap();
    // In the trash, it may come back with its dismissal.
    store.empty_trash().unwrap();
    let left = store.export_journal().unwrap().swot_pair_dismissals;
    assert_eq!(left.len(), 1);
    assert_eq!(left[0].mine_item_id, m2.id);
    assert!(pairs_of(&store, pid).is_empty());
    // What is left still exports into a fresh journal.
    let mut fresh = Store::open_in_memory().unwrap();
    fresh
        .import_journal(&store.export_journal().unwrap())
        .unwrap();
}

#[test]
fn the_schema_5_fixture_reads_back_through_the_current_code() {
    use crate::migrations::{SW_ITEMS, SW_MINE_1, copy_of_fixture};
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&copy_of_fixture(5, dir.path())).unwrap();
    let pid = store.list_partnerships().unwrap()[0].partnership.id;
    let id = |s: &str| s.parse::<Uuid>().unwrap();
    // The near match of schema 4's fixture was said not to be the same.
    assert!(pairs_of(&store, pid).is_empty());
    let first = store
        .swot_board(pid, Some(id(SW_MINE_1)), None, today())
        .unwrap();
    assert_eq!(first.shared[0].by, Match::Linked);
    let file = store.export_journal().unwrap();
    assert_eq!(file.swot_pair_dismissals.len(), 2);
    assert!(file.swot_pair_dismissals[1].undone_at.is_some());
    store
        .restore_swot_pair(id(SW_ITEMS[3]), id(SW_ITEMS[5]))
        .unwrap();
    assert_eq!(pairs_of(&store, pid), [(id(SW_ITEMS[3]), id(SW_ITEMS[5]))]);
}
