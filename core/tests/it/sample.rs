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
