//! Partner exchange through the store: pairing (invite, accept, the first bundle), sharing
//! only what is shared, and receiving: checked whole before anything is written, then the
//! partner's content replaced in one transaction.

use std::path::{Path, PathBuf};

use tandem_core::Store;
use tandem_core::exchange::{Armour, BundlePayload};
use tandem_core::model::*;
use uuid::Uuid;

use crate::{
    action_draft, assert_error, date, goal_draft, milestone_draft, partnership_draft,
    progress_draft, session_draft,
};

/// A journal in a file (so that tests can write to it with SQL what the model would refuse,
/// and copy it), with one partnership.
pub(crate) struct Journal {
    pub(crate) _dir: tempfile::TempDir,
    pub(crate) path: PathBuf,
    pub(crate) store: Store,
    pub(crate) partnership: Uuid,
}

pub(crate) fn journal(partner: &str, me: &str, role: Role) -> Journal {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.sqlite3");
    let mut store = Store::open(&path).unwrap();
    let mut draft = partnership_draft(partner);
    draft.my_name = me.to_owned();
    draft.my_role = role;
    let p = store.create_partnership(&draft).unwrap();
    Journal {
        _dir: dir,
        path,
        store,
        partnership: p.id,
    }
}

impl Journal {
    pub(crate) fn sql(&self, sql: &str) {
        let conn = rusqlite::Connection::open(&self.path).unwrap();
        conn.busy_timeout(std::time::Duration::from_secs(5))
            .unwrap();
        conn.execute_batch(sql).unwrap();
    }

    pub(crate) fn share(&mut self) -> Vec<u8> {
        self.store
            .share(self.partnership, Armour::Binary)
            .unwrap()
            .0
    }

    pub(crate) fn content(&self) -> Option<BundlePayload> {
        self.store.partner_content(self.partnership).unwrap()
    }

    /// A copy of this journal, opened on its own (the same links and keys).
    pub(crate) fn copy(&self, dir: &Path) -> Store {
        let dest = dir.join("copy.sqlite3");
        self.store.backup_to(&dest).unwrap();
        Store::open(&dest).unwrap()
    }
}

/// Henrik (A) invites Zoë (B); B accepts into a new partnership; A imports B's first bundle.
pub(crate) fn paired() -> (Journal, Journal) {
    let mut a = journal("Zoë Okafor", "Henrik", Role::Mentee);
    let out = a.store.invite(a.partnership).unwrap();
    assert_eq!(out.link.state, LinkState::Invited);
    assert!(out.link.fingerprint.is_none());

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.sqlite3");
    let mut store = Store::open(&path).unwrap();
    let (first, report) = store.accept(&out.text, None, Armour::Binary).unwrap();
    assert_eq!(report.sequence, 1);
    let b = Journal {
        _dir: dir,
        path,
        partnership: report.link.partnership_id,
        store,
    };
    let p = b.store.get_partnership(b.partnership).unwrap();
    assert_eq!(p.partner_name, "Henrik");
    assert_eq!(p.my_role, Role::Mentor, "the role is flipped");
    assert_eq!(p.kind, PartnershipKind::Reverse);

    let preview = a.store.receive_preview(&first).unwrap();
    assert!(preview.first && !preview.verified);
    let got = a.store.receive(&first).unwrap();
    assert_eq!(got.link.state, LinkState::Paired);
    let words_a = got.link.fingerprint.clone().unwrap();
    let words_b = report.link.fingerprint.clone().unwrap();
    assert_eq!(words_a.len(), 6);
    assert_eq!(words_a, words_b, "both sides show the same words");
    (a, b)
}

pub(crate) const MARKERS: &[&str] = &[
    "PRIV-REFLECTION",
    "PRIV-SESSION-TITLE",
    "PRIV-SESSION-NOTES",
    "PRIV-SESSION-AGENDA",
    "PRIV-SESSION-PLACE",
    "PRIV-SHARED-PLACE",
    "PRIV-TOPIC",
    "PRIV-ACTION",
    "PRIV-GOAL",
    "PRIV-MILESTONE",
    "PRIV-PROGRESS",
    "PRIV-PARTNER-SWOT",
    "PRIV-OWN-SWOT",
    "PRIV-AGREEMENT",
    "PRIV-TRASHED-SESSION",
    "PRIV-TRASHED-ACTION",
    "PRIV-TRASHED-GOAL",
];

/// Fills `j` with shared records (each with "SHARED-" text) and a marker in every private
/// place; answers the shared session's id.
pub(crate) fn fill_private_and_shared(j: &mut Journal) -> Uuid {
    let pid = j.partnership;
    let s = &mut j.store;
    // A shared session, with private parts: reflection, rating, place.
    let mut d = session_draft("SHARED-SESSION");
    d.visibility = Visibility::Shared;
    d.place = "PRIV-SHARED-PLACE".into();
    d.reflection = "PRIV-REFLECTION".into();
    d.rating = Some(4);
    d.topics = vec!["SHARED-TOPIC".into()];
    d.notes = "SHARED-NOTES".into();
    let shared = s.create_session(pid, &d).unwrap();
    let mut item = action_draft("SHARED-ACTION for Zoë", Some("2026-03-20"));
    item.owner = Owner::Partner;
    s.create_action_item(shared.id, &item).unwrap();
    let trashed_item = s
        .create_action_item(shared.id, &action_draft("PRIV-TRASHED-ACTION", None))
        .unwrap();
    s.move_to_trash(ItemKind::ActionItem, trashed_item.id)
        .unwrap();

    // A private session, a marker everywhere.
    let mut d = session_draft("PRIV-SESSION-TITLE");
    d.notes = "PRIV-SESSION-NOTES".into();
    d.agenda = "PRIV-SESSION-AGENDA".into();
    d.place = "PRIV-SESSION-PLACE".into();
    d.topics = vec!["PRIV-TOPIC".into()];
    let private = s.create_session(pid, &d).unwrap();
    s.create_action_item(private.id, &action_draft("PRIV-ACTION", None))
        .unwrap();

    // A shared session in the trash.
    let mut d = session_draft("PRIV-TRASHED-SESSION");
    d.visibility = Visibility::Shared;
    let trashed = s.create_session(pid, &d).unwrap();
    s.move_to_trash(ItemKind::Session, trashed.id).unwrap();

    // Goals: one shared (with milestone and progress), one private, one shared in the trash.
    let g = s.create_goal(pid, &goal_draft("SHARED-GOAL")).unwrap();
    s.create_milestone(g.id, &milestone_draft("SHARED-MILESTONE"))
        .unwrap();
    s.add_progress(g.id, &progress_draft("2026-03-10", 30))
        .unwrap();
    let private_goal = s.create_goal(pid, &goal_draft("PRIV-GOAL")).unwrap();
    s.create_milestone(private_goal.id, &milestone_draft("PRIV-MILESTONE"))
        .unwrap();
    let mut pr = progress_draft("2026-03-11", 10);
    pr.note = "PRIV-PROGRESS".into();
    s.add_progress(private_goal.id, &pr).unwrap();
    let trashed_goal = s
        .create_goal(pid, &goal_draft("PRIV-TRASHED-GOAL"))
        .unwrap();

    // SWOT: my side shared, another of my snapshots private, my view of the partner's.
    let mine = s
        .start_snapshot(pid, Side::Mine, date("2026-03-02"), "SHARED-REASON")
        .unwrap();
    s.add_swot_item(
        mine.snapshot.id,
        &SwotItemDraft {
            quadrant: Quadrant::Strengths,
            text: "SHARED-STRENGTH".into(),
            priority: Some(Priority::High),
        },
    )
    .unwrap();
    let own_private = s
        .start_snapshot(pid, Side::Mine, date("2026-03-05"), "later")
        .unwrap();
    s.add_swot_item(
        own_private.snapshot.id,
        &SwotItemDraft {
            quadrant: Quadrant::Threats,
            text: "PRIV-OWN-SWOT".into(),
            priority: None,
        },
    )
    .unwrap();
    let theirs = s
        .start_snapshot(pid, Side::Partner, date("2026-03-02"), "")
        .unwrap();
    s.add_swot_item(
        theirs.snapshot.id,
        &SwotItemDraft {
            quadrant: Quadrant::Weaknesses,
            text: "PRIV-PARTNER-SWOT".into(),
            priority: None,
        },
    )
    .unwrap();

    // The agreement stays private.
    let mut p = s.get_partnership(pid).unwrap().draft();
    p.agreement.objectives = "PRIV-AGREEMENT".into();
    s.update_partnership(pid, &p).unwrap();

    // With SQL: my view of the partner's SWOT marked shared, as another program could
    // (the model refuses it), must still never leave.
    j.sql(&format!(
        "UPDATE goal SET visibility = 'shared' WHERE id IN ('{}', '{}');
         UPDATE swot_snapshot SET visibility = 'shared' WHERE id IN ('{}', '{}');",
        g.id, trashed_goal.id, mine.snapshot.id, theirs.snapshot.id
    ));
    j.store
        .move_to_trash(ItemKind::Goal, trashed_goal.id)
        .unwrap();
    shared.id
}

fn shared_goal(title: &str) -> GoalDraft {
    GoalDraft {
        visibility: Visibility::Shared,
        ..goal_draft(title)
    }
}

pub(crate) fn assert_no_marker(what: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    for m in MARKERS {
        assert!(!text.contains(m), "{m} found in {what}");
    }
}

#[test]
fn private_text_never_leaves() {
    let (mut a, mut b) = paired();
    fill_private_and_shared(&mut a);

    let payload = a.store.share_payload(a.partnership).unwrap();
    let json = payload.to_json();
    assert_no_marker("the payload", &json);
    let text = String::from_utf8_lossy(&json);
    for shared in [
        "SHARED-SESSION",
        "SHARED-NOTES",
        "SHARED-TOPIC",
        "SHARED-ACTION",
        "SHARED-GOAL",
        "SHARED-MILESTONE",
        "SHARED-STRENGTH",
        "SHARED-REASON",
    ] {
        assert!(text.contains(shared), "{shared} missing from the payload");
    }
    assert!(payload.agreement.is_none());
    assert_eq!(payload.swot_snapshots.len(), 1, "my own shared side only");

    for armour in [Armour::Binary, Armour::Ascii] {
        let (bundle, _) = a.store.share(a.partnership, armour).unwrap();
        assert_no_marker("the bundle file", &bundle);
        let preview = b.store.receive(&bundle).unwrap();
        assert_no_marker(
            "the preview",
            serde_json::to_string(&preview).unwrap().as_bytes(),
        );
    }
    let got = b.content().unwrap();
    assert_no_marker("what B received", &got.to_json());
    assert_eq!(got.sessions[0].title, "SHARED-SESSION");
    // In B's words: the item A gave its partner is B's own.
    assert_eq!(got.sessions[0].action_items[0].owner, Owner::Me);
    assert_eq!(got.swot_snapshots[0].side, Side::Partner);
}

#[test]
fn adding_private_records_changes_no_byte_of_the_payload() {
    let (mut a, _b) = paired();
    let pid = a.partnership;
    let mut d = session_draft("SHARED");
    d.visibility = Visibility::Shared;
    let s = a.store.create_session(pid, &d).unwrap();
    let before = a.store.share_payload(pid).unwrap();

    a.store
        .create_session(pid, &session_draft("PRIV-NEW"))
        .unwrap();
    a.store
        .create_goal(pid, &goal_draft("PRIV-NEW-GOAL"))
        .unwrap();
    let mut shared = a.store.get_session(s.id).unwrap().draft();
    shared.reflection = "PRIV-NEW-REFLECTION".into();
    shared.place = "elsewhere".into();
    shared.rating = Some(2);
    a.store.update_session(s.id, &shared).unwrap();

    let mut after = a.store.share_payload(pid).unwrap();
    after.created_at = before.created_at;
    assert_eq!(after.to_json(), before.to_json());
}

#[test]
fn bundles_go_both_ways_and_the_sequence_grows() {
    let (mut a, mut b) = paired();
    let mut d = session_draft("From Henrik");
    d.visibility = Visibility::Shared;
    a.store.create_session(a.partnership, &d).unwrap();
    let mut d = session_draft("From Zoë");
    d.visibility = Visibility::Shared;
    b.store.create_session(b.partnership, &d).unwrap();

    let (ab, report) = a.store.share(a.partnership, Armour::Ascii).unwrap();
    assert_eq!(report.sequence, 1);
    assert_eq!(report.counts.sessions, 1);
    let preview = b.store.receive_preview(&ab).unwrap();
    assert_eq!(preview.from_name, "Henrik");
    assert_eq!(preview.changes[0].new, 1);
    b.store.receive(&ab).unwrap();
    let ba = b.share();
    let got = a.store.receive(&ba).unwrap();
    assert_eq!(
        got.sequence, 2,
        "B's second bundle (the first was the answer)"
    );
    assert_eq!(a.content().unwrap().sessions[0].title, "From Zoë");
    assert_eq!(b.content().unwrap().sessions[0].title, "From Henrik");
    assert_eq!(
        b.store
            .exchange_link(b.partnership)
            .unwrap()
            .unwrap()
            .sent_sequence,
        2
    );
}

#[test]
fn what_is_no_longer_shared_is_withdrawn_and_what_is_asked_of_me_is_listed() {
    let (mut a, mut b) = paired();
    let mut d = session_draft("One");
    d.visibility = Visibility::Shared;
    let one = a.store.create_session(a.partnership, &d).unwrap();
    let mut item = action_draft("Send Zoë the deck", None);
    item.owner = Owner::Partner;
    let asked = a.store.create_action_item(one.id, &item).unwrap();
    b.store.receive(&a.share()).unwrap();

    let mut changed = one.draft();
    changed.visibility = Visibility::Private;
    a.store.update_session(one.id, &changed).unwrap();
    let next = a.share();
    let preview = b.store.receive_preview(&next).unwrap();
    let sessions = &preview.changes[0];
    assert_eq!((sessions.new, sessions.withdrawn), (0, 1));
    assert!(preview.asked_of_me.is_empty());
    // The preview wrote nothing.
    assert_eq!(b.content().unwrap().sessions.len(), 1);
    let got = b.store.receive(&next).unwrap();
    assert_eq!(got.changes[1].withdrawn, 1, "its action item went with it");
    assert!(b.content().unwrap().sessions.is_empty());
    let _ = asked;
}

#[test]
fn an_acknowledged_item_goes_back_to_its_author() {
    let (mut a, mut b) = paired();
    let mut d = session_draft("One");
    d.visibility = Visibility::Shared;
    let one = a.store.create_session(a.partnership, &d).unwrap();
    let mut item = action_draft("Send Henrik the deck", None);
    item.owner = Owner::Partner;
    let asked = a.store.create_action_item(one.id, &item).unwrap();
    let preview = b.store.receive(&a.share()).unwrap();
    assert_eq!(preview.asked_of_me.len(), 1);
    assert_eq!(preview.asked_of_me[0].text, "Send Henrik the deck");

    let link = b.store.exchange_link(b.partnership).unwrap().unwrap();
    b.store
        .set_partner_item_done(&link.id, asked.id, true)
        .unwrap();
    a.store.receive(&b.share()).unwrap();
    let acks = a.content().unwrap().acknowledgements;
    assert_eq!(acks.len(), 1);
    assert_eq!(
        (acks[0].session_id, acks[0].action_item_id),
        (one.id, asked.id)
    );
}

#[test]
fn tampering_and_mistakes_are_refused_with_nothing_written() {
    let (mut a, mut b) = paired();
    let mut d = session_draft("Shared");
    d.visibility = Visibility::Shared;
    a.store.create_session(a.partnership, &d).unwrap();
    let second = a.share();
    let third = a.share();
    b.store.receive(&third).unwrap();
    let before = b.content();
    let link_before = b.store.exchange_link(b.partnership).unwrap();

    // A flipped byte, anywhere past the header.
    let mut flipped = third.clone();
    let at = flipped.len() - 20;
    flipped[at] ^= 0x01;
    assert_error(b.store.receive(&flipped), "bundle_damaged", None);
    // Cut short.
    assert_error(
        b.store.receive(&third[..third.len() / 2]),
        "bundle_damaged",
        None,
    );
    // Not a bundle at all.
    assert_error(b.store.receive(b"hello"), "not_a_bundle", None);
    // Older than the last one imported.
    let e = assert_error(b.store.receive(&second), "bundle_outdated", None);
    assert!(e.to_string().contains("older than the one from"), "{e}");
    // B's own bundle, brought back to B.
    let own = b.share();
    assert_error(b.store.receive(&own), "bundle_wrong_link", None);
    // A bundle A made for another partner (another link, another recipient).
    let mut c = journal("Someone", "Henrik", Role::Mentee);
    let pid_c = a
        .store
        .create_partnership(&partnership_draft("Carol"))
        .unwrap()
        .id;
    let invite = a.store.invite(pid_c).unwrap();
    let (first_c, _) = c
        .store
        .accept(&invite.text, Some(c.partnership), Armour::Binary)
        .unwrap();
    a.store.receive(&first_c).unwrap();
    let for_c = a.store.share(pid_c, Armour::Binary).unwrap().0;
    assert_error(b.store.receive(&for_c), "bundle_not_for_me", None);
    // C's own bundles are not B's either.
    assert_error(b.store.receive(&first_c), "bundle_not_for_me", None);
    c.store.receive(&for_c).unwrap();

    assert_eq!(b.content(), before, "nothing was written");
    let link_after = b.store.exchange_link(b.partnership).unwrap();
    assert_eq!(
        link_after.map(|l| l.received_sequence),
        link_before.map(|l| l.received_sequence)
    );
}

#[test]
fn the_same_bundle_twice_changes_nothing_and_6_then_7_equals_7_alone() {
    let (mut a, mut b) = paired();
    let pid = a.partnership;
    let mut d = session_draft("First");
    d.visibility = Visibility::Shared;
    let s = a.store.create_session(pid, &d).unwrap();
    let six = a.share();
    let mut d2 = s.draft();
    d2.title = "First, edited".into();
    a.store.update_session(s.id, &d2).unwrap();
    let mut d3 = session_draft("Second");
    d3.visibility = Visibility::Shared;
    a.store.create_session(pid, &d3).unwrap();
    let seven = a.share();

    let dir = tempfile::tempdir().unwrap();
    let mut b_alone = b.copy(dir.path());

    b.store.receive(&six).unwrap();
    let again = b.store.receive(&six).unwrap();
    assert!(again.unchanged);
    b.store.receive(&seven).unwrap();
    let twice = b.store.receive(&seven).unwrap();
    assert!(twice.unchanged);
    assert!(
        twice
            .changes
            .iter()
            .all(|c| (c.new, c.changed, c.withdrawn) == (0, 0, 0)),
        "{:?}",
        twice.changes
    );

    b_alone.receive(&seven).unwrap();
    assert_eq!(
        b.content(),
        b_alone.partner_content(b.partnership).unwrap(),
        "6 then 7 is 7 alone"
    );
    assert_eq!(b.content().unwrap().sessions.len(), 2);
}

#[test]
fn exchanging_in_either_order_gives_the_same_view_of_each_other() {
    fn fill(j: &mut Journal, title: &str) {
        let mut d = session_draft(title);
        d.visibility = Visibility::Shared;
        j.store.create_session(j.partnership, &d).unwrap();
        j.store
            .create_goal(j.partnership, &shared_goal(title))
            .unwrap();
        let mut p = j.store.get_partnership(j.partnership).unwrap().draft();
        p.agreement.visibility = Visibility::Shared;
        j.store.update_partnership(j.partnership, &p).unwrap();
    }
    fn normal(p: Option<BundlePayload>) -> BundlePayload {
        let mut p = p.unwrap();
        p.created_at = chrono::DateTime::UNIX_EPOCH;
        p.sequence = 0;
        p
    }
    let mut views = Vec::new();
    for a_first in [true, false] {
        let (mut a, mut b) = paired();
        fill(&mut a, "Henrik's");
        fill(&mut b, "Zoë's");
        if a_first {
            let x = a.share();
            b.store.receive(&x).unwrap();
            let y = b.share();
            a.store.receive(&y).unwrap();
        } else {
            let y = b.share();
            a.store.receive(&y).unwrap();
            let x = a.share();
            b.store.receive(&x).unwrap();
        }
        // Each holds exactly what the other shares, in its own words.
        let mut expected_a = b.store.share_payload(b.partnership).unwrap().flip();
        expected_a.created_at = chrono::DateTime::UNIX_EPOCH;
        expected_a.sequence = 0;
        assert_eq!(normal(a.content()), expected_a);
        let mut expected_b = a.store.share_payload(a.partnership).unwrap().flip();
        expected_b.created_at = chrono::DateTime::UNIX_EPOCH;
        expected_b.sequence = 0;
        assert_eq!(normal(b.content()), expected_b);
        let strip = |mut p: BundlePayload| {
            p.link_id = tandem_core::exchange::LinkId::from_bytes([0; 16]);
            p.from = tandem_core::exchange::payload::Party(String::new());
            p.to = p.from.clone();
            p.from_age = String::new();
            for s in &mut p.sessions {
                s.id = Uuid::nil();
            }
            for g in &mut p.goals {
                g.id = Uuid::nil();
            }
            serde_json::to_string(&p).unwrap()
        };
        views.push((strip(normal(a.content())), strip(normal(b.content()))));
    }
    assert_eq!(views[0], views[1]);
}

#[test]
fn pairing_mistakes_say_what_to_do() {
    let (mut a, mut b) = paired();
    // An invite twice.
    assert_error(
        a.store.invite(a.partnership),
        "invalid_input",
        Some("partnership"),
    );
    // Sharing before the partner answered.
    let pid = a
        .store
        .create_partnership(&partnership_draft("Later"))
        .unwrap()
        .id;
    let invite = a.store.invite(pid).unwrap();
    assert_error(
        a.store.share(pid, Armour::Binary),
        "invalid_input",
        Some("partnership"),
    );
    // The same invite accepted twice in one journal.
    b.store.accept(&invite.text, None, Armour::Binary).unwrap();
    assert_error(
        b.store.accept(&invite.text, None, Armour::Binary),
        "invalid_input",
        Some("invite"),
    );
    // No name of mine to put in an invite.
    let mut nameless = partnership_draft("Nameless");
    nameless.my_name = String::new();
    let p = a.store.create_partnership(&nameless).unwrap();
    assert_error(a.store.invite(p.id), "invalid_input", Some("my_name"));
}

#[test]
fn verifying_and_unpairing() {
    let (mut a, mut b) = paired();
    let link = a.store.exchange_link(a.partnership).unwrap().unwrap();
    assert!(link.verified_at.is_none());
    let verified = a.store.mark_verified(&link.id).unwrap();
    assert!(verified.verified_at.is_some());
    let mut d = session_draft("Shared");
    d.visibility = Visibility::Shared;
    b.store.create_session(b.partnership, &d).unwrap();
    let bundle = b.share();
    assert!(a.store.receive_preview(&bundle).unwrap().verified);
    a.store.receive(&bundle).unwrap();

    // Unpairing keeps the content (unless asked), and stops the link.
    a.store.unpair(&link.id, false).unwrap();
    assert!(a.store.exchange_link(a.partnership).unwrap().is_none());
    assert_eq!(a.content().unwrap().sessions.len(), 1);
    assert_error(
        a.store.share(a.partnership, Armour::Binary),
        "invalid_input",
        Some("partnership"),
    );
    assert_error(a.store.receive(&b.share()), "bundle_not_for_me", None);
    a.store.unpair(&link.id, true).unwrap();
    assert!(a.content().is_none());
    // A new invite in the same partnership is possible again.
    a.store.invite(a.partnership).unwrap();
}

#[test]
fn a_bundle_is_never_read_from_or_written_over_the_open_journal() {
    let (mut a, _b) = paired();
    let journal = a.path.clone();
    let before = std::fs::metadata(&journal).unwrap().len();
    for target in [
        journal.clone(),
        journal.with_file_name("journal.sqlite3-wal"),
    ] {
        assert_error(
            a.store.share_to_file(a.partnership, &target, false),
            "invalid_input",
            Some("path"),
        );
        assert_error(a.store.receive_file(&target), "invalid_input", Some("path"));
    }
    assert_eq!(std::fs::metadata(&journal).unwrap().len(), before);
    // The journal still works: its locks were never dropped.
    a.store
        .create_session(a.partnership, &session_draft("after"))
        .unwrap();
}

/// Search finds what the partner shared, labelled as theirs, beside my own records; what
/// they stop sharing, or a link removed with its content, is no longer found.
#[test]
fn search_finds_the_partners_shared_text_labelled_as_theirs() {
    let (mut a, mut b) = paired();
    let pid = b.partnership;
    let mut d = session_draft("Xylophone retro");
    d.visibility = Visibility::Shared;
    d.notes = "We tried the quokka method".into();
    let session = b.store.create_session(pid, &d).unwrap();
    let mut item = action_draft("Send the quokka slides", Some("2026-03-20"));
    item.owner = Owner::Partner;
    b.store.create_action_item(session.id, &item).unwrap();
    let goal = b
        .store
        .create_goal(pid, &shared_goal("Quokka goal"))
        .unwrap();
    b.store
        .create_milestone(goal.id, &milestone_draft("Quokka milestone"))
        .unwrap();
    let snap = b
        .store
        .start_snapshot_with(pid, Side::Mine, date("2026-03-02"), "", Visibility::Shared)
        .unwrap();
    b.store
        .add_swot_item(
            snap.snapshot.id,
            &SwotItemDraft {
                quadrant: Quadrant::Strengths,
                text: "Quokka patience".into(),
                priority: None,
            },
        )
        .unwrap();
    // Private on B's side: never found on A's.
    b.store
        .create_session(pid, &session_draft("Quokka private diary"))
        .unwrap();
    let bundle = b.share();
    a.store.receive(&bundle).unwrap();
    // One of A's own, with the same word.
    let mine = a
        .store
        .create_session(a.partnership, &session_draft("My quokka notes"))
        .unwrap();

    let hits = a.store.search("quokka", 50).unwrap();
    let mut found: Vec<(ItemKind, bool, String)> = hits
        .iter()
        .map(|h| (h.kind, h.from_partner, h.title.clone()))
        .collect();
    found.sort_by(|x, y| format!("{x:?}").cmp(&format!("{y:?}")));
    let mut expected = vec![
        (ItemKind::Session, false, "My quokka notes".to_owned()),
        (ItemKind::Session, true, "Xylophone retro".to_owned()),
        (ItemKind::ActionItem, true, "Xylophone retro".to_owned()),
        (ItemKind::Goal, true, "Quokka goal".to_owned()),
        (ItemKind::Milestone, true, "Quokka goal".to_owned()),
        (ItemKind::SwotItem, true, "Quokka patience".to_owned()),
    ];
    expected.sort_by(|x, y| format!("{x:?}").cmp(&format!("{y:?}")));
    assert_eq!(found, expected);
    for h in &hits {
        assert_eq!(h.partnership_id, a.partnership);
        if h.from_partner {
            assert_ne!(h.id, mine.id);
        } else {
            assert_eq!(h.id, mine.id);
        }
    }
    // The partner's ids, as partner_content gives them, and the days they belong to.
    let partner_session = hits
        .iter()
        .find(|h| h.from_partner && h.kind == ItemKind::Session)
        .unwrap();
    assert_eq!(partner_session.id, session.id);
    assert_eq!(partner_session.date, Some(date("2026-03-03")));
    let partner_item = hits
        .iter()
        .find(|h| h.kind == ItemKind::ActionItem)
        .unwrap();
    assert_eq!(
        (partner_item.open_kind, partner_item.open_id),
        (ItemKind::Session, session.id)
    );
    assert_eq!(partner_item.date, Some(date("2026-03-20")));
    let partner_swot = hits.iter().find(|h| h.kind == ItemKind::SwotItem).unwrap();
    assert_eq!(
        (partner_swot.open_kind, partner_swot.open_id),
        (ItemKind::SwotSnapshot, snap.snapshot.id)
    );

    // B stops sharing the session: A's next import withdraws it from search too.
    let mut d = b.store.get_session(session.id).unwrap().draft();
    d.visibility = Visibility::Private;
    b.store.update_session(session.id, &d).unwrap();
    a.store.receive(&b.share()).unwrap();
    let titles: Vec<String> = a
        .store
        .search("xylophone", 50)
        .unwrap()
        .into_iter()
        .map(|h| h.title)
        .collect();
    assert!(titles.is_empty(), "{titles:?}");
    assert_eq!(a.store.search("quokka", 50).unwrap().len(), 4);

    // Unpairing and removing the partner's content leaves only mine.
    let link = a.store.exchange_link(a.partnership).unwrap().unwrap();
    a.store.unpair(&link.id, true).unwrap();
    let left: Vec<bool> = a
        .store
        .search("quokka", 50)
        .unwrap()
        .into_iter()
        .map(|h| h.from_partner)
        .collect();
    assert_eq!(left, [false]);
}

/// The progress PDF holds what the partner shared only when asked, in a section of its own
/// labelled as theirs, and never their private records (which never reached me).
#[test]
fn the_report_includes_the_partners_shared_content_only_when_asked() {
    use tandem_core::report::{self, ReportOptions};
    let (mut a, mut b) = paired();
    let pid = b.partnership;
    let mut d = session_draft("Zebra retro");
    d.visibility = Visibility::Shared;
    d.notes = "B-SHARED-NOTES about delegation".into();
    b.store.create_session(pid, &d).unwrap();
    let mut d = session_draft("B-PRIVATE-TITLE");
    d.notes = "B-PRIVATE-NOTES".into();
    b.store.create_session(pid, &d).unwrap();
    let goal = b.store.create_goal(pid, &shared_goal("B-GOAL")).unwrap();
    b.store
        .add_progress(goal.id, &progress_draft("2026-03-10", 40))
        .unwrap();
    let snap = b
        .store
        .start_snapshot_with(pid, Side::Mine, date("2026-03-02"), "", Visibility::Shared)
        .unwrap();
    b.store
        .add_swot_item(
            snap.snapshot.id,
            &SwotItemDraft {
                quadrant: Quadrant::Opportunities,
                text: "B-OPPORTUNITY".into(),
                priority: None,
            },
        )
        .unwrap();
    a.store.receive(&b.share()).unwrap();

    let today = date("2026-12-04");
    let mut options = ReportOptions {
        partnership_id: a.partnership,
        from: None,
        to: None,
        include_private: true,
        include_partner: false,
    };
    let text_of = |options: &ReportOptions| {
        let pdf = report::render(&a.store, options, today, &mut |_| {}).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("r.pdf");
        std::fs::write(&file, pdf).unwrap();
        let out = std::process::Command::new("pdftotext")
            .args(["-enc", "UTF-8"])
            .arg(&file)
            .arg("-")
            .output()
            .expect("pdftotext (poppler-utils) runs");
        String::from_utf8(out.stdout)
            .unwrap()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let theirs = ["B-SHARED-NOTES", "B-OPPORTUNITY", "B-GOAL", "Shared by Zoë"];
    let left_out = text_of(&options);
    for t in theirs {
        assert!(
            !left_out.contains(t),
            "{t} is in a report that did not ask for it"
        );
    }
    let preview = report::preview(&a.store, &options, today).unwrap();
    assert!(
        preview
            .left_out
            .iter()
            .any(|l| l.contains("Zoë Okafor shared with you through exchange is left out")),
        "{:?}",
        preview.left_out
    );

    options.include_partner = true;
    let with = text_of(&options);
    for t in theirs {
        assert!(
            with.contains(t),
            "{t} is missing from the report that asked for it"
        );
    }
    assert!(
        with.contains("Zoë Okafor’s SWOT, taken 2 March 2026"),
        "{with}"
    );
    assert!(with.contains("40 % on 10 Mar 2026"), "{with}");
    assert!(with.contains("not verified yet"), "{with}");
    for t in ["B-PRIVATE-TITLE", "B-PRIVATE-NOTES"] {
        assert!(!with.contains(t), "{t}: private on the partner's side");
    }
    let preview = report::preview(&a.store, &options, today).unwrap();
    let section = preview
        .sections
        .iter()
        .find(|s| s.title == "Shared by Zoë Okafor")
        .expect("the partner's section is previewed");
    assert!(
        section
            .summary
            .starts_with("1 session, 1 goal and their SWOT, as Zoë Okafor shared them on"),
        "{}",
        section.summary
    );
}

#[test]
fn an_invite_can_be_made_again_checked_before_accepting_and_saved_to_a_file() {
    let mut a = journal("Zoë Okafor", "Henrik", Role::Mentee);
    let out = a.store.invite(a.partnership).unwrap();
    // Made again from the link's keys: the very same text, so saving it later is the same invite.
    assert_eq!(a.store.invite_text(&out.link.id).unwrap(), out.text);

    // The accepting side reads it first: who it is from, and its own role flipped.
    let dir = tempfile::tempdir().unwrap();
    let mut b = Store::open(&dir.path().join("journal.sqlite3")).unwrap();
    let pasted = format!("Hi Zoë, here it is:\n\n{}\n\nHenrik", out.text);
    let preview = b.check_invite(&pasted).unwrap();
    assert_eq!(preview.inviter_name, "Henrik");
    assert_eq!(preview.inviter_role, Role::Mentee);
    assert_eq!(preview.my_role, Role::Mentor);
    assert_eq!(preview.kind, PartnershipKind::Reverse);
    assert_eq!(preview.link_id, out.link.id);
    assert_eq!(preview.text, pasted);
    assert!(
        b.list_partnerships().unwrap().is_empty(),
        "checking writes nothing"
    );

    // Saved to a file and read back by the other journal.
    let file = dir.path().join("henrik.tandem-invite");
    a.store.save_invite_file(&out.link.id, &file).unwrap();
    assert_eq!(b.check_invite_file(&file).unwrap().link_id, out.link.id);

    // Its own journal refuses it, as accepting would; and a damaged one is refused as damaged.
    assert_error(
        a.store.check_invite(&out.text),
        "invalid_input",
        Some("invite"),
    );
    let garbled = out.text.replacen("-----END", "-----FIN", 1);
    assert!(b.check_invite(&garbled).is_err());

    // Once answered, there is no invite to make again.
    let (first, _) = b.accept(&preview.text, None, Armour::Binary).unwrap();
    assert_error(b.check_invite(&out.text), "invalid_input", Some("invite"));
    a.store.receive(&first).unwrap();
    assert_error(
        a.store.invite_text(&out.link.id),
        "invalid_input",
        Some("link"),
    );
}

#[test]
fn what_the_next_bundle_changes_is_told_against_the_last_one_sent() {
    let (mut a, _b) = paired();
    let kind = |c: &[KindChanges], k: &str| c.iter().find(|x| x.kind == k).cloned().unwrap();
    let mut d = session_draft("Shared one");
    d.visibility = Visibility::Shared;
    let s = a.store.create_session(a.partnership, &d).unwrap();
    // Nothing sent yet: everything is new.
    let c = a.store.share_changes(a.partnership).unwrap().unwrap();
    assert_eq!(
        (kind(&c, "sessions").new, kind(&c, "sessions").changed),
        (1, 0)
    );
    a.share();
    let c = a.store.share_changes(a.partnership).unwrap().unwrap();
    assert!(
        c.iter().all(|k| k.new + k.changed + k.withdrawn == 0),
        "{c:?}"
    );
    // What is kept of the bundle sent is digests, never its text.
    let conn = rusqlite::Connection::open(&a.path).unwrap();
    let kept: String = conn
        .query_row(
            "SELECT value FROM journal_meta WHERE key LIKE 'exchange.sent_payload.%'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(!kept.contains("Shared one"), "{kept}");
    drop(conn);
    // Changed, then no longer shared.
    d.title = "Shared one, renamed".into();
    a.store.update_session(s.id, &d).unwrap();
    let c = a.store.share_changes(a.partnership).unwrap().unwrap();
    assert_eq!(kind(&c, "sessions").changed, 1);
    d.visibility = Visibility::Private;
    a.store.update_session(s.id, &d).unwrap();
    let c = a.store.share_changes(a.partnership).unwrap().unwrap();
    assert_eq!(kind(&c, "sessions").withdrawn, 1);
    // A bundle sent before Tandem kept what it held: not known, rather than all new.
    a.sql("DELETE FROM journal_meta WHERE key LIKE 'exchange.sent_payload.%'");
    assert_eq!(a.store.share_changes(a.partnership).unwrap(), None);
}
