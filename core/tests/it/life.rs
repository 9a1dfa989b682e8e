//! The journal's life as a window lives it (`tandem_core::life`): opening with the check
//! deferred, a check that fails later, restoring, switching files, the first screen and
//! the daily backup, and the window's hold on the file through all of them.

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{TimeDelta, Utc};
use tandem_core::life::Journal;
use tandem_core::{JournalLock, Store};

use crate::{date, partnership_draft, session_draft};

const WAIT: Duration = Duration::from_millis(200);

/// A closed journal at `dir/name` with a partnership and `sessions` sessions.
fn journal(dir: &Path, name: &str, sessions: usize) -> PathBuf {
    let path = dir.join(name);
    let mut store = Store::open(&path).unwrap();
    let p = store
        .create_partnership(&partnership_draft("Zoë Okafor"))
        .unwrap();
    for i in 0..sessions {
        let mut d = session_draft(&format!("Session {i}"));
        d.notes = "Zoë taught me prompts. ".repeat(60);
        store.create_session(p.id, &d).unwrap();
    }
    drop(store);
    path
}

/// Whether a writing command would be refused on `path` right now.
fn commands_refused(path: &Path) -> bool {
    match JournalLock::for_command(path) {
        Ok(_) => false,
        Err(e) => e.code() == "journal_in_use",
    }
}

#[test]
fn a_window_opens_with_the_check_owed_holds_the_file_and_shows_the_first_screen() {
    let dir = tempfile::tempdir().unwrap();
    let path = journal(dir.path(), "journal.sqlite3", 3);
    let mut journal = Journal::open(path.clone(), WAIT);
    assert!(journal.holds_lock());
    assert!(commands_refused(&path));
    assert_eq!(journal.info().error, None);
    let check = journal.pending_check().expect("the check is owed");

    let screen = journal.first_screen(date("2026-12-02")).unwrap();
    assert_eq!(screen.partnerships.len(), 1);
    assert!(screen.dashboard.is_some());
    // Reads work before the check has run; it passes, and nothing is owed any more
    // after the first write.
    check.run().unwrap();
    let pid = screen.partnerships[0].partnership.id;
    journal
        .with(|s| s.create_session(pid, &session_draft("After the check")))
        .unwrap();
    assert!(journal.pending_check().is_none());

    drop(journal);
    assert!(
        !commands_refused(&path),
        "closing the journal lets go of it"
    );
}

#[test]
fn a_second_window_on_a_held_journal_says_so_and_opens_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = journal(dir.path(), "journal.sqlite3", 1);
    let first = Journal::open(path.clone(), WAIT);
    let second = Journal::open(path.clone(), WAIT);
    assert!(!second.holds_lock());
    let error = second.info().error.unwrap();
    assert_eq!(error.code, "journal_in_use");
    assert!(
        error.message.contains("Another Tandem"),
        "{}",
        error.message
    );
    drop(first);
}

#[test]
fn a_damaged_journal_found_by_the_deferred_check_closes_only_that_journal() {
    let dir = tempfile::tempdir().unwrap();
    let path = journal(dir.path(), "journal.sqlite3", 150);
    Store::open(&path).unwrap().backup().unwrap();
    // Garbage in the middle pages: the header and the schema still read, so the journal
    // opens with its check deferred, and the check finds the damage.
    let mut bytes = std::fs::read(&path).unwrap();
    let mid = bytes.len() / 2 / 4096 * 4096;
    bytes[mid..mid + 4 * 4096].fill(0xA5);
    std::fs::write(&path, &bytes).unwrap();
    let other = journal(dir.path(), "other.sqlite3", 1);

    let mut damaged = Journal::open(path.clone(), WAIT);
    let mut fine = Journal::open(other.clone(), WAIT);
    let check = damaged.pending_check().expect("the check is owed");
    let error = check.run().unwrap_err();
    assert_eq!(error.code(), "journal_damaged");
    damaged.failed_check(&check, (&error).into());
    assert_eq!(damaged.info().error.unwrap().code, "journal_damaged");
    assert_eq!(damaged.store().err().unwrap().code, "journal_damaged");
    // The window still holds it (nothing else writes to it while it is shown as damaged)…
    assert!(commands_refused(&path));
    assert_eq!(
        std::fs::read(&path).unwrap(),
        bytes,
        "nothing was written to it"
    );
    // …and the other journal goes on.
    assert_eq!(fine.with(|s| s.list_partnerships()).unwrap().len(), 1);

    // Restoring the good backup brings it back, still held.
    let backup = damaged.backups().unwrap().remove(0);
    let report = damaged.restore(Path::new(&backup.path)).unwrap();
    assert!(report.previous_was_damaged);
    assert_eq!(damaged.info().error, None);
    assert_eq!(damaged.with(|s| s.list_partnerships()).unwrap().len(), 1);
    assert!(commands_refused(&path));
}

#[test]
fn a_check_of_a_journal_since_replaced_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = journal(dir.path(), "journal.sqlite3", 2);
    let mut journal = Journal::open(path.clone(), WAIT);
    let old_check = journal.pending_check().unwrap();
    let backup = journal.with(|s| s.backup()).unwrap();
    journal.restore(Path::new(&backup.path)).unwrap();
    journal.failed_check(
        &old_check,
        tandem_core::ErrorPayload {
            code: tandem_core::ErrorCode::JournalDamaged,
            message: "stale".into(),
            field: None,
        },
    );
    assert_eq!(journal.info().error, None);
}

#[test]
fn restoring_keeps_the_hold_and_opens_the_restored_content() {
    let dir = tempfile::tempdir().unwrap();
    let path = journal(dir.path(), "journal.sqlite3", 2);
    let mut journal = Journal::open(path.clone(), WAIT);
    let backup = journal.with(|s| s.backup()).unwrap();
    let pid = journal.with(|s| s.list_partnerships()).unwrap()[0]
        .partnership
        .id;
    journal
        .with(|s| s.create_session(pid, &session_draft("After the backup")))
        .unwrap();
    assert_eq!(
        journal.with(|s| s.list_sessions(pid, 10, 0)).unwrap().len(),
        3
    );

    let report = journal.restore(Path::new(&backup.path)).unwrap();
    assert!(report.previous_saved_to.is_some());
    assert!(commands_refused(&path), "held across the restore");
    assert_eq!(
        journal.with(|s| s.list_sessions(pid, 10, 0)).unwrap().len(),
        2
    );

    // A failed restore leaves the journal open as it was.
    let not_a_backup = dir.path().join("notes.txt");
    std::fs::write(&not_a_backup, "hello").unwrap();
    assert_eq!(
        journal.restore(&not_a_backup).unwrap_err().code(),
        "not_a_journal"
    );
    assert_eq!(
        journal.with(|s| s.list_sessions(pid, 10, 0)).unwrap().len(),
        2
    );
}

#[test]
fn switching_files_lets_go_of_the_old_one_and_holds_the_new_one() {
    let dir = tempfile::tempdir().unwrap();
    let first = journal(dir.path(), "first.sqlite3", 1);
    let second = journal(dir.path(), "second.sqlite3", 4);
    let mut journal = Journal::open(first.clone(), WAIT);
    journal.switch_to(second.clone(), WAIT);
    assert_eq!(journal.path(), second.as_path());
    assert!(!commands_refused(&first));
    assert!(commands_refused(&second));
    let pid = journal.with(|s| s.list_partnerships()).unwrap()[0]
        .partnership
        .id;
    assert_eq!(
        journal.with(|s| s.list_sessions(pid, 10, 0)).unwrap().len(),
        4
    );
    // The same file again: let go, then taken again, not refused by itself.
    journal.switch_to(second.clone(), WAIT);
    assert_eq!(journal.info().error, None);
    assert!(journal.holds_lock());
    // A file that is not a journal: the window says why, and holds nothing open.
    let text = dir.path().join("notes.txt");
    std::fs::write(&text, "hello").unwrap();
    journal.switch_to(text, WAIT);
    assert_eq!(journal.info().error.unwrap().code, "not_a_journal");
    assert!(!commands_refused(&second));
}

#[test]
fn the_daily_backup_runs_once_a_day_beside_the_open_window() {
    let dir = tempfile::tempdir().unwrap();
    let path = journal(dir.path(), "journal.sqlite3", 2);
    let mut journal = Journal::open(path.clone(), WAIT);
    let now = Utc::now();
    let job = journal.daily_backup().unwrap();
    let made = std::thread::spawn(move || job.run(now))
        .join()
        .unwrap()
        .unwrap();
    assert!(made.is_some(), "the first start of the day backs up");
    let again = journal.daily_backup().unwrap().run(now).unwrap();
    assert_eq!(again, None, "not twice a day");
    let tomorrow = journal
        .daily_backup()
        .unwrap()
        .run(now + TimeDelta::days(1))
        .unwrap();
    assert!(tomorrow.is_some());
    // The window went on writing meanwhile, and still holds the file.
    let pid = journal.with(|s| s.list_partnerships()).unwrap()[0]
        .partnership
        .id;
    journal
        .with(|s| s.create_session(pid, &session_draft("Later")))
        .unwrap();
    assert!(commands_refused(&path));
    assert_eq!(journal.backups().unwrap().len(), 2);
}
