//! The journal's foundations for exchanging with a partner: a revision stamp on every
//! record from a hybrid logical clock, set whoever writes; tombstones that keep an emptied
//! record from coming back; the journal's own id and this computer's device id.

use std::path::Path;

use rusqlite::{Connection, OpenFlags};
use tandem_core::Store;
use tandem_core::model::ItemKind;

use crate::migrations::{V5_DEVICE, copy_of_fixture};
use crate::{action_draft, partnership_draft, session_draft};

/// The revision stamp of the row `id` of `table`, read beside the store.
fn rev(path: &Path, table: &str, id: &str) -> String {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    conn.query_row(
        &format!("SELECT rev FROM {table} WHERE id = ?1"),
        [id],
        |r| r.get(0),
    )
    .unwrap()
}

/// A stamp's parts: wall time in milliseconds, counter, device.
fn parts(stamp: &str) -> (u64, u32, String) {
    let mut it = stamp.split('-');
    let (wall, counter, device) = (it.next().unwrap(), it.next().unwrap(), it.next().unwrap());
    assert_eq!(
        (wall.len(), counter.len(), device.len()),
        (13, 6, 16),
        "{stamp}"
    );
    (
        wall.parse().unwrap(),
        counter.parse().unwrap(),
        device.to_owned(),
    )
}

#[test]
fn every_write_stamps_its_record_with_a_later_revision_of_this_device() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.sqlite3");
    let mut store = Store::open(&path).unwrap();
    let p = store.create_partnership(&partnership_draft("Zoë")).unwrap();
    let s = store.create_session(p.id, &session_draft("First")).unwrap();
    let id = s.id.to_string();
    let first = rev(&path, "session", &id);
    let (wall, _, device) = parts(&first);
    assert_eq!(device, tandem_core::paths::device_id());
    let now = chrono::Utc::now().timestamp_millis() as u64;
    assert!(
        wall <= now && now - wall < 60_000,
        "the stamp is of now: {first}"
    );

    // Writes one after another, many within one millisecond: each stamp is later.
    let mut last = first;
    for n in 0..40 {
        let draft = session_draft(&format!("Edit {n}"));
        store.update_session(s.id, &draft).unwrap();
        let next = rev(&path, "session", &id);
        assert!(next > last, "{next} is not after {last}");
        last = next;
    }
    // A session's topics are part of it.
    let mut draft = session_draft("Edit 39");
    draft.topics = vec!["AI tools".to_owned()];
    store.update_session(s.id, &draft).unwrap();
    assert!(rev(&path, "session", &id) > last);
    // Other records too, and the partnership's.
    let a = store
        .create_action_item(s.id, &action_draft("Send the deck", None))
        .unwrap();
    assert!(!rev(&path, "action_item", &a.id.to_string()).is_empty());
    assert!(!rev(&path, "partnership", &p.id.to_string()).is_empty());
}

#[test]
fn the_clock_never_goes_back_when_the_computers_does() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.sqlite3");
    let mut store = Store::open(&path).unwrap();
    let p = store.create_partnership(&partnership_draft("Zoë")).unwrap();
    // As if an earlier write had happened an hour ahead of this computer's clock.
    let ahead = chrono::Utc::now().timestamp_millis() + 3_600_000;
    Connection::open(&path)
        .unwrap()
        .execute("UPDATE clock SET wall = ?1, counter = 7", [ahead])
        .unwrap();
    let s = store.create_session(p.id, &session_draft("Later")).unwrap();
    let (wall, counter, _) = parts(&rev(&path, "session", &s.id.to_string()));
    assert_eq!(
        (wall, counter),
        (ahead as u64, 8),
        "the stamp follows the clock, not the computer"
    );
}

#[test]
fn another_program_writing_the_journal_stamps_its_changes_too() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.sqlite3");
    let mut store = Store::open(&path).unwrap();
    let p = store.create_partnership(&partnership_draft("Zoë")).unwrap();
    let s = store.create_session(p.id, &session_draft("Mine")).unwrap();
    let id = s.id.to_string();
    let before = rev(&path, "session", &id);
    Connection::open(&path)
        .unwrap()
        .execute(
            "UPDATE session SET title = 'Changed by hand' WHERE id = ?1",
            [&id],
        )
        .unwrap();
    assert!(rev(&path, "session", &id) > before);
    // A write that brings its own stamp (an import of another copy's record) keeps it.
    let theirs = "2999999999999-000000-abcdefabcdefabcd";
    Connection::open(&path)
        .unwrap()
        .execute(
            "UPDATE session SET title = 'Theirs', rev = ?2 WHERE id = ?1",
            [&id, theirs],
        )
        .unwrap();
    assert_eq!(rev(&path, "session", &id), theirs);
}

#[test]
fn an_emptied_record_leaves_a_tombstone_and_an_older_export_does_not_bring_it_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.sqlite3");
    let mut store = Store::open(&path).unwrap();
    let p = store.create_partnership(&partnership_draft("Zoë")).unwrap();
    let kept = store.create_session(p.id, &session_draft("Kept")).unwrap();
    let gone = store.create_session(p.id, &session_draft("Gone")).unwrap();
    let item = store
        .create_action_item(gone.id, &action_draft("Its action", None))
        .unwrap();
    let old = store.export_journal().unwrap();

    store.move_to_trash(ItemKind::Session, gone.id).unwrap();
    // In the trash is not gone: an import may still update it.
    let conn = Connection::open_with_flags(&path, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let tombstones = |conn: &Connection| -> Vec<(String, String)> {
        let mut stmt = conn
            .prepare("SELECT id, kind FROM tombstone ORDER BY kind")
            .unwrap();
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    };
    assert!(tombstones(&conn).is_empty());
    store.empty_trash().unwrap();
    assert_eq!(
        tombstones(&conn),
        [
            (item.id.to_string(), "action_item".to_owned()),
            (gone.id.to_string(), "session".to_owned())
        ],
        "the session and, through the cascade, its action item"
    );

    let report = store.import_journal(&old).unwrap();
    assert_eq!(report.left_deleted, 2, "{report:?}");
    assert_eq!(report.added, 0, "{report:?}");
    assert!(
        store.get_session(gone.id).is_err(),
        "the emptied session stays gone"
    );
    assert_eq!(store.get_session(kept.id).unwrap().title, "Kept");
}

#[test]
fn the_journal_keeps_one_id_which_a_backup_shares() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.sqlite3");
    let mut store = Store::open(&path).unwrap();
    let id = store.journal_id().unwrap();
    assert_eq!(store.journal_id().unwrap(), id);
    let backup = store.backup().unwrap();
    drop(store);
    let mut again = Store::open(&path).unwrap();
    assert_eq!(again.journal_id().unwrap(), id, "kept in the file");
    let mut copy = Store::open(Path::new(&backup.path)).unwrap();
    assert_eq!(
        copy.journal_id().unwrap(),
        id,
        "a backup is the same journal"
    );
    let mut other = Store::open_in_memory().unwrap();
    assert_ne!(other.journal_id().unwrap(), id);
}

#[test]
fn records_from_before_revisions_are_stamped_from_when_they_were_last_changed() {
    for version in 1..5 {
        let dir = tempfile::tempdir().unwrap();
        let path = copy_of_fixture(version, dir.path());
        drop(Store::open(&path).unwrap());
        let conn = Connection::open_with_flags(&path, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
        let rows: Vec<(String, String)> = conn
            .prepare("SELECT rev, updated_at FROM session UNION ALL SELECT rev, updated_at FROM partnership")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert!(!rows.is_empty());
        for (stamp, updated) in rows {
            let (wall, counter, device) = parts(&stamp);
            let updated = chrono::DateTime::parse_from_rfc3339(&updated).unwrap();
            assert_eq!(
                wall as i64,
                updated.timestamp_millis(),
                "v{version}: {stamp}"
            );
            assert_eq!(
                (counter, device.as_str()),
                (0, "0000000000000000"),
                "v{version}"
            );
        }
    }
    // The fixture of schema 5 itself keeps what it was made with.
    let dir = tempfile::tempdir().unwrap();
    let path = copy_of_fixture(5, dir.path());
    let mut store = Store::open(&path).unwrap();
    assert_eq!(
        store.journal_id().unwrap().to_string(),
        "7e7e7e7e-0000-4000-8000-000000000001"
    );
    let p1 = store.list_partnerships().unwrap()[0]
        .partnership
        .id
        .to_string();
    assert!(rev(&path, "partnership", &p1).ends_with(V5_DEVICE));
}
