//! Backups, restoring them, and damaged journals: refused without being written to, with
//! a good backup to offer.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use chrono::{DateTime, TimeDelta, Utc};
use rusqlite::{Connection, OpenFlags};
use serde_json::Value;
use tandem_core::{KEEP_BACKUPS, SCHEMA_VERSION, Store};

use crate::migrations::{check_fixture_data, copy_of_fixture};
use crate::{assert_error, partnership_draft, session_draft};

fn at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().to_utc()
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

/// The journal's content, without the export time.
fn content(store: &Store) -> Value {
    let mut v = serde_json::to_value(store.export_journal().unwrap()).unwrap();
    v.as_object_mut().unwrap().remove("exported_at");
    v
}

fn content_of(path: &Path) -> Value {
    content(&Store::open(path).unwrap())
}

/// A journal file with one partnership and `sessions` sessions, closed.
fn journal_with(dir: &Path, sessions: usize) -> PathBuf {
    let path = dir.join("journal.sqlite3");
    let mut store = Store::open(&path).unwrap();
    let p = store
        .create_partnership(&partnership_draft("Zoë Okafor"))
        .unwrap();
    for i in 0..sessions {
        let mut d = session_draft(&format!("Session {i}"));
        d.notes = format!(
            "{i}: {}",
            "Ελληνικά and кириллица, notes that fill pages. ".repeat(40)
        );
        store.create_session(p.id, &d).unwrap();
    }
    path
}

/// Opens a backup read-only and returns its integrity check and application id.
fn check_file(path: &Path) -> (String, i64) {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    (
        conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap(),
        conn.query_row("PRAGMA application_id", [], |r| r.get(0))
            .unwrap(),
    )
}

#[test]
fn a_backup_is_a_private_single_file_copy_in_the_backups_folder() {
    let dir = tempfile::tempdir().unwrap();
    let path = journal_with(dir.path(), 3);
    let store = Store::open(&path).unwrap();
    let info = store.backup().unwrap();

    let backup = PathBuf::from(&info.path);
    assert_eq!(backup.parent().unwrap(), dir.path().join("backups"));
    let name = backup.file_name().unwrap().to_str().unwrap();
    assert!(
        name.starts_with("journal-") && name.ends_with("Z.sqlite3") && name.len() == 32,
        "{name}"
    );
    assert_eq!(mode(&backup), 0o600);
    assert_eq!(mode(&dir.path().join("backups")), 0o700);
    assert_eq!(info.size_bytes, std::fs::metadata(&backup).unwrap().len());
    assert!((Utc::now() - info.created_at).num_seconds().abs() < 5);
    assert_eq!(check_file(&backup), ("ok".to_owned(), 0x5441_4E44));
    // Rollback journal, so nothing appears beside it when it is read.
    assert_eq!(std::fs::read(&backup).unwrap()[18..20], [1, 1]);
    let names: Vec<_> = std::fs::read_dir(dir.path().join("backups"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 1, "{names:?}");
    assert_eq!(store.list_backups().unwrap(), vec![info.clone()]);
    assert_eq!(content_of(&backup), content(&store));
}

#[test]
fn backup_to_writes_a_private_copy_but_never_over_the_journal() {
    let dir = tempfile::tempdir().unwrap();
    let path = journal_with(dir.path(), 2);
    let store = Store::open(&path).unwrap();
    let out = dir.path().join("copy.sqlite3");
    std::fs::write(&out, b"old contents").unwrap();
    let info = store.backup_to(&out).unwrap();
    assert_eq!(info.path, out.display().to_string());
    assert_eq!(mode(&out), 0o600);
    assert_eq!(check_file(&out).0, "ok");
    assert!(!dir.path().join("copy.sqlite3.partial").exists());
    // Not in the backups folder: a copy the user asked for elsewhere.
    assert!(store.list_backups().unwrap().is_empty());

    let before = std::fs::read(&path).unwrap();
    for target in [path.clone(), dir.path().join("journal.sqlite3-wal")] {
        assert_error(store.backup_to(&target), "invalid_input", Some("backup"));
    }
    assert_eq!(std::fs::read(&path).unwrap(), before);
    let missing = dir.path().join("no-such-folder").join("x.sqlite3");
    assert_error(store.backup_to(&missing), "io", None);
}

#[test]
fn auto_backup_makes_one_a_day_and_rotation_keeps_the_newest_ten() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.sqlite3");
    let mut store = Store::open(&path).unwrap();
    let day0 = at("2026-11-23T15:12:00Z");
    // An empty journal is not worth a backup.
    assert_eq!(store.auto_backup(day0).unwrap(), None);
    store.create_partnership(&partnership_draft("Zoë")).unwrap();

    let first = store.auto_backup(day0).unwrap().expect("a first backup");
    assert!(first.path.ends_with("journal-20261123T151200Z.sqlite3"));
    assert_eq!(first.created_at, day0);
    assert_eq!(
        store.auto_backup(day0 + TimeDelta::hours(23)).unwrap(),
        None
    );
    // A backup "from the future" (the clock went back) does not stop backups.
    let skewed = store.auto_backup(day0 - TimeDelta::hours(2)).unwrap();
    assert!(skewed.is_some());

    let mut made = vec![first.created_at, skewed.unwrap().created_at];
    for day in 1..=12 {
        let now = day0 + TimeDelta::days(day) + TimeDelta::minutes(1);
        let info = store.auto_backup(now).unwrap().expect("a day later");
        made.push(info.created_at);
        assert_eq!(store.auto_backup(now + TimeDelta::hours(1)).unwrap(), None);
    }
    let list = store.list_backups().unwrap();
    assert_eq!(list.len(), KEEP_BACKUPS);
    made.sort();
    made.reverse();
    let kept: Vec<_> = list.iter().map(|b| b.created_at).collect();
    assert_eq!(
        kept,
        made[..KEEP_BACKUPS],
        "newest first, the oldest deleted"
    );
    // Names sort the same way as times.
    let mut names: Vec<_> = list.iter().map(|b| b.path.clone()).collect();
    names.sort();
    names.reverse();
    assert_eq!(
        names,
        list.iter().map(|b| b.path.clone()).collect::<Vec<_>>()
    );
}

#[test]
fn backups_made_within_one_second_all_survive() {
    let dir = tempfile::tempdir().unwrap();
    let path = journal_with(dir.path(), 1);
    let store = Store::open(&path).unwrap();
    let infos: Vec<_> = (0..3).map(|_| store.backup().unwrap()).collect();
    let list = store.list_backups().unwrap();
    assert_eq!(list.len(), 3);
    for info in &infos {
        assert!(list.contains(info), "{info:?} in {list:?}");
    }
}

#[test]
fn a_journal_in_memory_has_no_backups() {
    let (store, _) = crate::store_with_partnership();
    assert_error(store.backup(), "invalid_input", Some("backup"));
    assert_eq!(store.auto_backup(Utc::now()).unwrap(), None);
    assert!(store.list_backups().unwrap().is_empty());
}

#[test]
fn restore_brings_back_the_backup_and_saves_the_journal_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let path = journal_with(dir.path(), 2);
    let mut store = Store::open(&path).unwrap();
    let saved = content(&store);
    let backup = store.backup().unwrap();
    let pid = store.list_partnerships().unwrap()[0].partnership.id;
    store
        .create_session(pid, &session_draft("After the backup"))
        .unwrap();
    let later = content(&store);

    // Restored while the journal is open (as in a running window): that connection sees it.
    let report = tandem_core::restore(&path, Path::new(&backup.path)).unwrap();
    assert_eq!(content(&store), saved);
    drop(store);
    assert_eq!(content_of(&path), saved);
    assert_eq!(report.journal, path.display().to_string());
    assert_eq!(report.restored_from, backup.path);
    assert!(!report.previous_was_damaged);
    let previous = report.previous_saved_to.expect("the journal as it was");
    assert_ne!(previous, backup.path);
    assert_eq!(content_of(Path::new(&previous)), later);
    assert_eq!(mode(&path), 0o600);
    let conn = Connection::open(&path).unwrap();
    let journal_mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(journal_mode, "wal");
    assert!(!dir.path().join("journal.sqlite3.restoring").exists());
}

#[test]
fn restore_into_a_missing_journal_creates_it() {
    let dir = tempfile::tempdir().unwrap();
    let src = journal_with(dir.path(), 2);
    let backup = dir.path().join("elsewhere.sqlite3");
    Store::open(&src).unwrap().backup_to(&backup).unwrap();
    let target = dir.path().join("new").join("journal.sqlite3");
    let report = tandem_core::restore(&target, &backup).unwrap();
    assert_eq!(report.previous_saved_to, None);
    assert_eq!(content_of(&target), content_of(&src));
    assert_eq!(mode(&target), 0o600);
}

#[test]
fn restoring_an_earlier_schema_migrates_it() {
    let dir = tempfile::tempdir().unwrap();
    let old = copy_of_fixture(1, &dir.path().join("old").tap_mkdir());
    let path = journal_with(dir.path(), 1);
    tandem_core::restore(&path, &old).unwrap();
    let store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    check_fixture_data(&store, 1);
}

trait Mkdir {
    fn tap_mkdir(self) -> Self;
}
impl Mkdir for PathBuf {
    fn tap_mkdir(self) -> Self {
        std::fs::create_dir_all(&self).unwrap();
        self
    }
}

#[test]
fn restore_refuses_what_is_not_a_good_backup_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = journal_with(dir.path(), 2);
    let good = dir.path().join("good.sqlite3");
    Store::open(&path).unwrap().backup_to(&good).unwrap();

    let text = dir.path().join("notes.txt");
    std::fs::write(&text, "not a journal").unwrap();
    let foreign = dir.path().join("foreign.db");
    Connection::open(&foreign)
        .unwrap()
        .execute_batch("PRAGMA application_id = 42; CREATE TABLE t (x);")
        .unwrap();
    let blank = dir.path().join("blank.db");
    Connection::open(&blank)
        .unwrap()
        .execute_batch("PRAGMA user_version = 0; VACUUM;")
        .unwrap();
    let newer = dir.path().join("newer.sqlite3");
    std::fs::copy(&good, &newer).unwrap();
    Connection::open(&newer)
        .unwrap()
        .execute_batch("PRAGMA user_version = 999;")
        .unwrap();
    let damaged = dir.path().join("damaged.sqlite3");
    let mut bytes = std::fs::read(&good).unwrap();
    let len = bytes.len();
    bytes[len / 2..].iter_mut().for_each(|b| *b = 0xA5);
    std::fs::write(&damaged, &bytes).unwrap();

    let before = std::fs::read(&path).unwrap();
    let list_before = tandem_core::list_backups(&path).unwrap();
    for (file, code) in [
        (dir.path().join("missing.sqlite3"), "io"),
        (text.clone(), "not_a_journal"),
        (foreign, "not_a_journal"),
        (blank, "not_a_journal"),
        (newer, "journal_too_new"),
        (damaged, "journal_damaged"),
        (path.clone(), "invalid_input"),
    ] {
        let e = tandem_core::restore(&path, &file).expect_err(&file.display().to_string());
        assert_eq!(e.code(), code, "{}: {e}", file.display());
        assert_eq!(std::fs::read(&path).unwrap(), before, "{}", file.display());
        assert_eq!(tandem_core::list_backups(&path).unwrap(), list_before);
    }
    // A journal path holding something else is not replaced either.
    let e = tandem_core::restore(&text, &good).unwrap_err();
    assert_eq!(e.code(), "invalid_input");
    assert!(e.to_string().contains("not a Tandem journal"), "{e}");
    assert_eq!(std::fs::read_to_string(&text).unwrap(), "not a journal");
}

/// Ways a journal file gets damaged, each given the bytes of a healthy one.
type Damage = (&'static str, fn(&mut Vec<u8>));

fn damages() -> Vec<Damage> {
    const PAGE: usize = 4096;
    vec![
        ("truncated to half", |b| {
            b.truncate(b.len() / 2 / PAGE * PAGE)
        }),
        ("truncated mid-page", |b| b.truncate(b.len() - PAGE - 1000)),
        ("truncated to 3 pages", |b| b.truncate(3 * PAGE)),
        ("garbage in the middle pages", |b| {
            let mid = b.len() / 2 / PAGE * PAGE;
            let mut x: u32 = 0x1234_5678;
            for byte in &mut b[mid..mid + 4 * PAGE] {
                x ^= x << 13;
                x ^= x >> 17;
                x ^= x << 5;
                *byte = x as u8;
            }
        }),
        ("valid header, page 2 zeroed", |b| b[PAGE..2 * PAGE].fill(0)),
        ("valid header, schema page garbage", |b| {
            b[100..PAGE].fill(0x5A)
        }),
        ("valid header, last page garbage", |b| {
            let n = b.len();
            b[n - PAGE..].fill(0xFF)
        }),
        ("header fields garbage", |b| b[16..24].fill(0xEE)),
    ]
}

#[test]
fn a_damaged_journal_is_refused_untouched_and_a_good_backup_is_offered() {
    let dir = tempfile::tempdir().unwrap();
    let healthy = journal_with(dir.path(), 150);
    let store = Store::open(&healthy).unwrap();
    let good = content(&store);
    store.backup().unwrap();
    drop(store);
    assert!(!dir.path().join("journal.sqlite3-wal").exists());
    let pristine = std::fs::read(&healthy).unwrap();
    assert!(pristine.len() > 40 * 4096, "{} bytes", pristine.len());
    let backups = dir.path().join("backups");

    for (what, damage) in damages() {
        let case = tempfile::tempdir().unwrap();
        let path = case.path().join("journal.sqlite3");
        let mut bytes = pristine.clone();
        damage(&mut bytes);
        std::fs::write(&path, &bytes).unwrap();
        // An older backup, then a newer one that is itself damaged: the older is offered.
        copy_dir(&backups, &case.path().join("backups"));
        let bad_backup = case.path().join("backups/journal-29990101T000000Z.sqlite3");
        std::fs::write(&bad_backup, &bytes).unwrap();

        let e = Store::open(&path).map(|_| ()).expect_err(what);
        assert!(
            ["journal_damaged", "not_a_journal"].contains(&e.code()),
            "{what}: {} {e}",
            e.code()
        );
        if e.code() == "journal_damaged" {
            let msg = e.to_string();
            assert!(msg.contains("tandem restore"), "{what}: {msg}");
            assert!(msg.contains(&case.path().join("backups").display().to_string()));
        }
        assert_eq!(std::fs::read(&path).unwrap(), bytes, "{what}: untouched");
        let wal = case.path().join("journal.sqlite3-wal");
        assert!(
            !wal.exists() || std::fs::metadata(&wal).unwrap().len() == 0,
            "{what}: nothing written to a WAL"
        );
        // Refused the same way each time (nothing was "repaired" behind our back).
        assert_eq!(Store::open(&path).map(|_| ()).unwrap_err().code(), e.code());

        let offer = Store::newest_good_backup(&path)
            .unwrap()
            .expect("a good backup to offer");
        assert_ne!(Path::new(&offer.path), bad_backup, "{what}");
        let report = tandem_core::restore(&path, Path::new(&offer.path)).unwrap();
        assert!(report.previous_was_damaged, "{what}");
        let aside = PathBuf::from(report.previous_saved_to.unwrap());
        assert!(
            aside.to_str().unwrap().ends_with(".damaged.sqlite3"),
            "{aside:?}"
        );
        assert_eq!(
            std::fs::read(&aside).unwrap(),
            bytes,
            "{what}: kept as it was"
        );
        assert_eq!(content_of(&path), good, "{what}: restored");
        // The damaged copy is kept but never offered as a backup.
        let listed = tandem_core::list_backups(&path).unwrap();
        assert!(listed.iter().all(|b| !b.path.contains("damaged")));
    }
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
    }
}

#[test]
fn no_backup_to_offer_is_none() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.sqlite3");
    assert_eq!(Store::newest_good_backup(&path).unwrap(), None);
}

#[test]
fn a_zero_length_or_garbage_wal_beside_a_good_journal_loses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = journal_with(dir.path(), 5);
    let good = content_of(&path);
    let wal = dir.path().join("journal.sqlite3-wal");
    for bytes in [Vec::new(), vec![0xA5; 10_000], b"not a wal at all".to_vec()] {
        std::fs::write(&wal, &bytes).unwrap();
        let _ = std::fs::remove_file(dir.path().join("journal.sqlite3-shm"));
        assert_eq!(content_of(&path), good);
        assert_eq!(check_file(&path).0, "ok");
    }
}

#[test]
fn a_foreign_database_without_an_application_id_is_not_taken_over() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.db");
    Connection::open(&path)
        .unwrap()
        .execute_batch(
            "PRAGMA journal_mode = DELETE; CREATE TABLE notes (x); INSERT INTO notes VALUES (1);",
        )
        .unwrap();
    let before = std::fs::read(&path).unwrap();
    assert_error(Store::open(&path).map(|_| ()), "not_a_journal", None);
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

/// The window opens a journal without reading it all first (`open_deferring_check`): a
/// damaged one may be read, but the check still runs before anything is written, refuses
/// the write, and leaves the file as it was; a sound one takes writes as usual.
#[test]
fn a_deferred_check_still_keeps_every_write_off_a_damaged_journal() {
    let dir = tempfile::tempdir().unwrap();
    let healthy = journal_with(dir.path(), 150);
    let pristine = std::fs::read(&healthy).unwrap();

    // Sound: the check passes once, then writes go through.
    let mut store = Store::open_deferring_check(&healthy).unwrap();
    let check = store.integrity_check().expect("a check is owed");
    check.run().unwrap();
    let pid = store.list_partnerships().unwrap()[0].partnership.id;
    store
        .create_session(pid, &session_draft("After the check"))
        .unwrap();
    assert!(
        store.integrity_check().is_none(),
        "passed: nothing owed any more"
    );
    drop(store);
    // The first write runs the check itself when nobody asked for it.
    let mut store = Store::open_deferring_check(&healthy).unwrap();
    store
        .create_session(pid, &session_draft("First write"))
        .unwrap();
    assert!(store.integrity_check().is_none());
    drop(store);

    let mut refused = 0;
    for (what, damage) in damages() {
        let case = tempfile::tempdir().unwrap();
        let path = case.path().join("journal.sqlite3");
        let mut bytes = pristine.clone();
        damage(&mut bytes);
        std::fs::write(&path, &bytes).unwrap();
        let mut store = match Store::open_deferring_check(&path) {
            Ok(store) => store,
            Err(e) => {
                // Damage in the header or the schema is seen at once, as before.
                assert!(
                    ["journal_damaged", "not_a_journal"].contains(&e.code()),
                    "{what}: {e}"
                );
                assert_eq!(std::fs::read(&path).unwrap(), bytes, "{what}: untouched");
                continue;
            }
        };
        refused += 1;
        let check = store.integrity_check().expect(what);
        let e = store
            .create_partnership(&partnership_draft("Never written"))
            .expect_err(what);
        assert_eq!(e.code(), "journal_damaged", "{what}: {e}");
        assert!(e.to_string().contains("tandem restore"), "{what}: {e}");
        // The same answer for whoever asks, and again on a second write.
        assert_eq!(check.run().unwrap_err().code(), "journal_damaged", "{what}");
        let e = store
            .create_session(pid, &session_draft("No"))
            .expect_err(what);
        assert_eq!(e.code(), "journal_damaged", "{what}");
        drop(store);
        assert_eq!(std::fs::read(&path).unwrap(), bytes, "{what}: untouched");
        let wal = case.path().join("journal.sqlite3-wal");
        assert!(
            !wal.exists() || std::fs::metadata(&wal).unwrap().len() == 0,
            "{what}: nothing written to a WAL"
        );
    }
    // The test must see damage only the whole-file check finds, or it proves nothing.
    assert!(
        refused >= 2,
        "only {refused} damages opened before the check"
    );
}

/// A journal from an earlier schema is migrated as it opens, so it is checked first even
/// when the check could otherwise wait.
#[test]
fn a_journal_to_migrate_is_checked_before_a_deferred_open() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_of_fixture(1, dir.path());
    let store = Store::open_deferring_check(&path).unwrap();
    assert!(store.integrity_check().is_none());
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
}
