//! The partner's shared content where it belongs in my journal: their own SWOT as the
//! board's partner column (pairs found as for my view, an item copied into my view), their
//! sessions linked to mine of the same day, their goals linked to mine of nearly the same
//! title, and my open items (what they asked of me, what they say they did).

use tandem_core::model::*;
use uuid::Uuid;

use crate::exchange_store::{Journal, paired};
use crate::{
    action_draft, assert_error, date, datetime, goal_draft, milestone_draft, progress_draft,
    session_draft,
};

fn item(quadrant: Quadrant, text: &str) -> SwotItemDraft {
    SwotItemDraft {
        quadrant,
        text: text.to_owned(),
        priority: None,
    }
}

/// Starts a snapshot of `side` dated `on` with `items`, shared when `shared`.
fn snapshot(
    j: &mut Journal,
    side: Side,
    on: &str,
    items: &[SwotItemDraft],
    shared: bool,
) -> SwotView {
    let v = j
        .store
        .start_snapshot(j.partnership, side, date(on), "")
        .unwrap();
    for i in items {
        j.store.add_swot_item(v.snapshot.id, i).unwrap();
    }
    if shared {
        j.sql(&format!(
            "UPDATE swot_snapshot SET visibility = 'shared' WHERE id = '{}'",
            v.snapshot.id
        ));
    }
    v
}

/// A (Henrik) shares what he marked shared with B (Zoë), who imports it.
fn a_shares_with_b(a: &mut Journal, b: &mut Journal) {
    b.store.receive(&a.share()).unwrap();
}

const TODAY: &str = "2026-03-20";

#[test]
fn the_partner_column_can_be_the_partners_own_shared_swot_labelled_with_pairs_as_for_my_view() {
    let (mut a, mut b) = paired();
    let today = date(TODAY);
    // Nothing received yet: the board offers nothing, and asking for it says why.
    let board = b
        .store
        .swot_board(b.partnership, None, None, today)
        .unwrap();
    assert!(board.partner_shared.is_none());
    let e = assert_error(
        b.store.shared_swot_board(b.partnership, None, None, today),
        "invalid_input",
        Some("partnership"),
    );
    assert!(
        e.to_string().starts_with("Henrik has not shared a SWOT"),
        "{e}"
    );

    // Henrik's own SWOT: an older shared snapshot, a newer shared one, a private one after.
    let older = snapshot(
        &mut a,
        Side::Mine,
        "2026-03-02",
        &[item(Quadrant::Strengths, "Curious")],
        true,
    );
    let newer = snapshot(
        &mut a,
        Side::Mine,
        "2026-03-10",
        &[
            item(Quadrant::Weaknesses, "Public speaking"),
            item(Quadrant::Opportunities, "Mentoring circles"),
        ],
        true,
    );
    snapshot(
        &mut a,
        Side::Mine,
        "2026-03-12",
        &[item(Quadrant::Threats, "PRIVATE-THREAT")],
        false,
    );
    a_shares_with_b(&mut a, &mut b);

    // Zoë's own SWOT, and her view of Henrik's (typed by her).
    snapshot(
        &mut b,
        Side::Mine,
        "2026-03-05",
        &[item(Quadrant::Strengths, "Curious!")],
        false,
    );
    let typed = snapshot(
        &mut b,
        Side::Partner,
        "2026-03-05",
        &[item(Quadrant::Strengths, "Patient")],
        false,
    );

    // My view of Henrik's stays the default; his own is offered, labelled.
    let board = b
        .store
        .swot_board(b.partnership, None, None, today)
        .unwrap();
    assert_eq!(
        board.partner.as_ref().unwrap().snapshot.id,
        typed.snapshot.id
    );
    let offer = board.partner_shared.expect("Henrik shared a SWOT");
    assert!(!offer.shown);
    assert_eq!(offer.by.name, "Henrik");
    assert!(!offer.by.verified);
    let link = b.store.exchange_link(b.partnership).unwrap().unwrap();
    assert_eq!(Some(offer.by.shared_at), link.received_shared_at);
    assert_eq!(offer.by.link_id, link.id);
    // Newest first, only what he shared, on the partner's side in my words.
    let ids: Vec<Uuid> = offer.snapshots.iter().map(|s| s.id).collect();
    assert_eq!(ids, vec![newer.snapshot.id, older.snapshot.id]);
    assert!(
        offer
            .snapshots
            .iter()
            .all(|s| s.side == Side::Partner && s.partnership_id == b.partnership)
    );

    // His own SWOT as the partner column: his current shared snapshot, items in order.
    let shared = b
        .store
        .shared_swot_board(b.partnership, None, None, today)
        .unwrap();
    let partner = shared.partner.as_ref().unwrap();
    assert_eq!(partner.snapshot.id, newer.snapshot.id);
    let texts: Vec<&str> = partner.items.iter().map(|i| i.text.as_str()).collect();
    // Copied forward from his older one when he started it.
    assert_eq!(
        texts,
        vec!["Curious", "Public speaking", "Mentoring circles"]
    );
    assert!(shared.partner_shared.as_ref().unwrap().shown);
    assert!(!format!("{shared:?}").contains("PRIVATE-THREAT"));
    // My column and my snapshots are those of my journal.
    let mine_item = shared.mine.as_ref().unwrap().items[0].id;
    assert_eq!(shared.mine.as_ref().unwrap().items[0].text, "Curious!");
    assert_eq!(shared.snapshots, board.snapshots);
    // "Curious" pairs with "Curious!" by the same rule as for my view, in the snapshot shown.
    assert_eq!(
        shared.shared,
        vec![SharedPair {
            mine: mine_item,
            partner: partner.items[0].id,
            by: Match::Same
        }]
    );
    let chosen = b
        .store
        .shared_swot_board(b.partnership, None, Some(older.snapshot.id), today)
        .unwrap();
    let theirs = &chosen.partner.as_ref().unwrap().items;
    assert_eq!(theirs.len(), 1);
    assert_ne!(theirs[0].id, partner.items[0].id);
    assert_eq!(
        chosen.shared,
        vec![SharedPair {
            mine: mine_item,
            partner: theirs[0].id,
            by: Match::Same
        }]
    );
    // A snapshot he does not share (or of my journal) is refused, saying what he shares.
    let e = assert_error(
        b.store
            .shared_swot_board(b.partnership, None, Some(typed.snapshot.id), today),
        "invalid_input",
        Some("shared_snapshot"),
    );
    assert!(e.to_string().contains("2 snapshot(s)"), "{e}");

    // Verified once the words are compared.
    b.store.mark_verified(&link.id).unwrap();
    let shared = b
        .store
        .shared_swot_board(b.partnership, None, None, today)
        .unwrap();
    assert!(shared.partner_shared.unwrap().by.verified);
}

#[test]
fn an_item_of_the_partners_swot_is_copied_into_my_view_of_it_once() {
    let (mut a, mut b) = paired();
    let today = date(TODAY);
    let mut high = item(Quadrant::Strengths, "Explains AI tools well");
    high.priority = Some(Priority::High);
    snapshot(
        &mut a,
        Side::Mine,
        "2026-03-02",
        &[high, item(Quadrant::Threats, "Too many meetings")],
        true,
    );
    a_shares_with_b(&mut a, &mut b);
    let shared = b
        .store
        .shared_swot_board(b.partnership, None, None, today)
        .unwrap();
    let theirs = shared.partner.unwrap().items;

    // No view of Henrik's SWOT yet: one is started today, with the copy in it.
    assert!(
        b.store
            .swot_board(b.partnership, None, None, today)
            .unwrap()
            .partner
            .is_none()
    );
    let copy = b
        .store
        .copy_partner_swot_item(b.partnership, theirs[0].id, today)
        .unwrap();
    assert_ne!(copy.id, theirs[0].id);
    assert_eq!(
        (copy.quadrant, copy.text.as_str(), copy.priority),
        (
            Quadrant::Strengths,
            "Explains AI tools well",
            Some(Priority::High)
        )
    );
    let board = b
        .store
        .swot_board(b.partnership, None, None, today)
        .unwrap();
    let view = board.partner.unwrap();
    assert_eq!(view.snapshot.taken_on, today);
    assert_eq!(view.items, vec![copy.clone()]);

    // Again: the same item answers, nothing is added. Another goes to the end of its quadrant.
    let again = b
        .store
        .copy_partner_swot_item(b.partnership, theirs[0].id, today)
        .unwrap();
    assert_eq!(again, copy);
    let other = b
        .store
        .copy_partner_swot_item(b.partnership, theirs[1].id, today)
        .unwrap();
    assert_eq!(other.snapshot_id, view.snapshot.id);
    let board = b
        .store
        .swot_board(b.partnership, None, None, today)
        .unwrap();
    assert_eq!(board.partner.unwrap().items.len(), 2);
    assert_eq!(board.snapshots.len(), 1, "no second snapshot was started");

    // An id that is not in what he shares.
    assert_error(
        b.store
            .copy_partner_swot_item(b.partnership, Uuid::new_v4(), today),
        "not_found",
        None,
    );
    // His own journal is untouched by any of it.
    let a_board = a
        .store
        .swot_board(a.partnership, None, None, today)
        .unwrap();
    assert!(a_board.partner.is_none());
}

#[test]
fn the_partners_sessions_link_to_mine_of_the_same_day() {
    let (mut a, mut b) = paired();
    assert!(b.store.partner_sessions(b.partnership).unwrap().is_none());
    let mut d = session_draft("Henrik's kick-off");
    d.visibility = Visibility::Shared;
    d.held_at = datetime("2026-03-03T16:15");
    d.notes = "His **notes**".into();
    let kickoff = a.store.create_session(a.partnership, &d).unwrap();
    let mut d = session_draft("Henrik alone");
    d.visibility = Visibility::Shared;
    d.held_at = datetime("2026-03-09T10:00");
    let alone = a.store.create_session(a.partnership, &d).unwrap();
    a_shares_with_b(&mut a, &mut b);

    // Zoë held two sessions on the 3rd: the one nearer in time is linked.
    let mut d = session_draft("Morning");
    d.held_at = datetime("2026-03-03T09:00");
    b.store.create_session(b.partnership, &d).unwrap();
    let mut d = session_draft("Coffee with Henrik");
    d.held_at = datetime("2026-03-03T16:00");
    let mine = b.store.create_session(b.partnership, &d).unwrap();

    let got = b.store.partner_sessions(b.partnership).unwrap().unwrap();
    assert_eq!(got.by.name, "Henrik");
    let summary: Vec<(Uuid, Option<Uuid>)> = got
        .sessions
        .iter()
        .map(|s| (s.session.id, s.linked_session_id))
        .collect();
    assert_eq!(summary, vec![(kickoff.id, Some(mine.id)), (alone.id, None)]);
    assert_eq!(got.sessions[0].session.notes, "His **notes**");

    // My session in the trash is linked no more.
    b.store.move_to_trash(ItemKind::Session, mine.id).unwrap();
    let got = b.store.partner_sessions(b.partnership).unwrap().unwrap();
    assert_ne!(got.sessions[0].linked_session_id, Some(mine.id));
}

#[test]
fn the_partners_goals_come_with_their_progress_and_link_to_mine_of_nearly_the_same_title() {
    let (mut a, mut b) = paired();
    let g = a
        .store
        .create_goal(a.partnership, &goal_draft("Learn prompt writing"))
        .unwrap();
    let mut m = milestone_draft("Ten prompts");
    m.done = true;
    a.store.create_milestone(g.id, &m).unwrap();
    a.store
        .create_milestone(g.id, &milestone_draft("A workshop"))
        .unwrap();
    a.store
        .add_progress(g.id, &progress_draft("2026-03-05", 20))
        .unwrap();
    a.store
        .add_progress(g.id, &progress_draft("2026-03-12", 45))
        .unwrap();
    let other = a
        .store
        .create_goal(a.partnership, &goal_draft("Run a team offsite"))
        .unwrap();
    a.sql(&format!(
        "UPDATE goal SET visibility = 'shared' WHERE id IN ('{}', '{}')",
        g.id, other.id
    ));
    a_shares_with_b(&mut a, &mut b);
    let mine = b
        .store
        .create_goal(b.partnership, &goal_draft("learn prompt-writing!"))
        .unwrap();
    b.store
        .create_goal(b.partnership, &goal_draft("Public speaking"))
        .unwrap();

    let got = b.store.partner_goals(b.partnership).unwrap().unwrap();
    assert_eq!(got.by.name, "Henrik");
    assert_eq!(got.goals.len(), 2);
    let first = &got.goals[0];
    assert_eq!(first.goal.id, g.id);
    assert_eq!(first.linked_goal_id, Some(mine.id));
    assert_eq!(first.progress, Some(45), "the latest by date");
    assert_eq!((first.milestones_done, first.milestones_total), (1, 2));
    assert_eq!(first.goal.whose, Whose::Shared);
    assert_eq!(got.goals[1].linked_goal_id, None, "listed as his own");
    assert_eq!(got.goals[1].progress, None);
}

#[test]
fn my_open_items_show_what_the_partner_asked_of_me_and_what_they_say_they_did() {
    let (mut a, mut b) = paired();
    let today = date(TODAY);
    assert!(
        b.store
            .dashboard(b.partnership, today)
            .unwrap()
            .partner
            .is_none()
    );

    // Henrik's shared session asks two things of Zoë (one of both of them) and one of himself.
    let mut d = session_draft("Henrik's notes");
    d.visibility = Visibility::Shared;
    let s = a.store.create_session(a.partnership, &d).unwrap();
    let mut ask = action_draft("Send Henrik the deck", Some("2026-03-25"));
    ask.owner = Owner::Partner;
    let deck = a.store.create_action_item(s.id, &ask).unwrap();
    let mut both = action_draft("Book the room together", None);
    both.owner = Owner::Both;
    a.store.create_action_item(s.id, &both).unwrap();
    a.store
        .create_action_item(s.id, &action_draft("Henrik reads the book", None))
        .unwrap();
    let mut done = action_draft("Already done by Zoë", None);
    done.owner = Owner::Partner;
    done.done = true;
    a.store.create_action_item(s.id, &done).unwrap();

    // Zoë asked Henrik for something in a session of hers (shared with him).
    let mut d = session_draft("Zoë's session");
    d.visibility = Visibility::Shared;
    let zs = b.store.create_session(b.partnership, &d).unwrap();
    let mut theirs = action_draft("Henrik tries the tool", None);
    theirs.owner = Owner::Partner;
    let tool = b.store.create_action_item(zs.id, &theirs).unwrap();
    b.store
        .create_action_item(zs.id, &action_draft("Zoë's own item", None))
        .unwrap();
    let ba = b.share();
    a.store.receive(&ba).unwrap();
    // Henrik did it: his next bundle says so, with his asks.
    let a_link = a.store.exchange_link(a.partnership).unwrap().unwrap();
    a.store
        .set_partner_item_done(&a_link.id, tool.id, true)
        .unwrap();
    a_shares_with_b(&mut a, &mut b);

    let dash = b.store.dashboard(b.partnership, today).unwrap();
    let partner = dash.partner.expect("a bundle was received");
    assert_eq!(partner.by.name, "Henrik");
    let asked: Vec<(&str, Owner)> = partner
        .asked_of_me
        .iter()
        .map(|x| (x.text.as_str(), x.owner))
        .collect();
    assert_eq!(
        asked,
        vec![
            ("Send Henrik the deck", Owner::Me),
            ("Book the room together", Owner::Both)
        ]
    );
    assert_eq!(partner.asked_of_me[0].session_title, "Henrik's notes");
    let says: Vec<Uuid> = partner.says_done.iter().map(|v| v.item.id).collect();
    assert_eq!(
        says,
        vec![tool.id],
        "Henrik says he did it: offered to tick"
    );
    // The partner's asks are not mixed into my own open items.
    assert!(dash.open_actions.iter().all(|v| v.item.id != deck.id));

    // Ticking one asked of me takes it off; ticking mine takes the offer off.
    b.store
        .set_partner_item_done(&partner.by.link_id, deck.id, true)
        .unwrap();
    let mut ticked = tool.draft();
    ticked.done = true;
    b.store.update_action_item(tool.id, &ticked).unwrap();
    let partner = b
        .store
        .dashboard(b.partnership, today)
        .unwrap()
        .partner
        .unwrap();
    assert_eq!(partner.asked_of_me.len(), 1);
    assert_eq!(partner.asked_of_me[0].text, "Book the room together");
    assert!(partner.says_done.is_empty());
    // Unticked, it is back.
    b.store
        .set_partner_item_done(&partner.by.link_id, deck.id, false)
        .unwrap();
    let partner = b
        .store
        .dashboard(b.partnership, today)
        .unwrap()
        .partner
        .unwrap();
    assert_eq!(partner.asked_of_me.len(), 2);
}

#[test]
fn the_paired_scratch_journal_holds_a_received_bundle_of_every_kind() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.sqlite3");
    let today = date(TODAY);
    tandem_core::scratch::make(&path, tandem_core::scratch::ScratchKind::Paired, today).unwrap();
    let store = tandem_core::Store::open(&path).unwrap();
    let p = store.list_partnerships().unwrap()[0].partnership.id;
    let board = store.swot_board(p, None, None, today).unwrap();
    let offer = board.partner_shared.unwrap();
    assert_eq!(offer.by.name, "Zoë Okafor");
    let shared = store.shared_swot_board(p, None, None, today).unwrap();
    assert_eq!(shared.shared.len(), 1, "Curious / Curious!");
    let sessions = store.partner_sessions(p).unwrap().unwrap().sessions;
    assert_eq!(sessions.len(), 2);
    assert!(sessions.iter().any(|s| s.linked_session_id.is_some()));
    let goals = store.partner_goals(p).unwrap().unwrap().goals;
    assert_eq!(
        goals.iter().filter(|g| g.linked_goal_id.is_some()).count(),
        1
    );
    let open = store.dashboard(p, today).unwrap().partner.unwrap();
    assert_eq!(open.asked_of_me.len(), 1);
    assert_eq!(open.says_done.len(), 1);
}
