use std::os::unix::fs::PermissionsExt;

use rusqlite::Connection;
use tandem_core::Store;

use crate::{assert_error, partnership_draft, session_draft};

#[test]
fn a_new_journal_is_created_private_with_its_folder() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nested").join("journal.sqlite3");
    let store = Store::open(&path).unwrap();
    assert_eq!(store.path(), Some(path.as_path()));
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    let dir_mode = std::fs::metadata(path.parent().unwrap())
        .unwrap()
        .permissions()
        .mode()
        & 0o777;
    assert_eq!(dir_mode, 0o700);
}

#[test]
fn the_connection_is_durable_wal_with_foreign_keys() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("j.sqlite3");
    let mut store = Store::open(&path).unwrap();
    let p = store.create_partnership(&partnership_draft("Zoë")).unwrap();
    store.create_session(p.id, &session_draft("One")).unwrap();
    drop(store);
    let conn = Connection::open(&path).unwrap();
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    let store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), tandem_core::SCHEMA_VERSION);
    assert_eq!(store.list_sessions(p.id, 10, 0).unwrap().len(), 1);
}

#[test]
fn edits_survive_closing_and_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("j.sqlite3");
    let (pid, sid) = {
        let mut store = Store::open(&path).unwrap();
        let p = store.create_partnership(&partnership_draft("Zoë")).unwrap();
        let s = store.create_session(p.id, &session_draft("Café")).unwrap();
        (p.id, s.id)
    };
    let store = Store::open(&path).unwrap();
    assert_eq!(store.get_partnership(pid).unwrap().partner_name, "Zoë");
    assert_eq!(store.get_session(sid).unwrap().title, "Café");
}

#[test]
fn a_file_that_is_not_sqlite_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in [
        ("notes.txt", b"Dear diary, this is not a database.".to_vec()),
        ("short", b"SQLite".to_vec()),
        ("truncated", {
            let mut b = b"SQLite format 3\0".to_vec();
            b.extend_from_slice(&[0xFF; 84]);
            b
        }),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, &bytes).unwrap();
        let e = assert_error(Store::open(&path).map(|_| ()), "not_a_journal", None);
        assert!(e.to_string().contains(name), "{e}");
        assert_eq!(std::fs::read(&path).unwrap(), bytes, "{name} untouched");
        assert!(!dir.path().join(format!("{name}-wal")).exists());
    }
}

#[test]
fn another_applications_database_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.db");
    let conn = Connection::open(&path).unwrap();
    conn.execute_batch("PRAGMA application_id = 42; CREATE TABLE t (x);")
        .unwrap();
    drop(conn);
    assert_error(Store::open(&path).map(|_| ()), "not_a_journal", None);
}

#[test]
fn a_journal_from_a_newer_tandem_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.sqlite3");
    drop(Store::open(&path).unwrap());
    let conn = Connection::open(&path).unwrap();
    conn.execute_batch("PRAGMA journal_mode = DELETE; PRAGMA user_version = 999;")
        .unwrap();
    drop(conn);
    let before = std::fs::read(&path).unwrap();
    let e = assert_error(Store::open(&path).map(|_| ()), "journal_too_new", None);
    assert!(e.to_string().contains("999"));
    assert_eq!(std::fs::read(&path).unwrap(), before);
    // Refusing is not migrating: no backup is made either.
    assert!(!dir.path().join("backups").exists());

    // The same with the newer version's last writes still in the -wal: neither file changes
    // (opening for a check must not fold the WAL into the file).
    let path = dir.path().join("future-wal.sqlite3");
    let mut store = Store::open(&path).unwrap();
    store.create_partnership(&partnership_draft("Zoë")).unwrap();
    drop(store);
    let conn = Connection::open(&path).unwrap();
    conn.set_db_config(
        rusqlite::config::DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE,
        true,
    )
    .unwrap();
    conn.execute_batch("PRAGMA wal_autocheckpoint = 0; PRAGMA user_version = 999;")
        .unwrap();
    drop(conn);
    let wal = dir.path().join("future-wal.sqlite3-wal");
    let (db_before, wal_before) = (std::fs::read(&path).unwrap(), std::fs::read(&wal).unwrap());
    assert!(!wal_before.is_empty());
    assert_error(Store::open(&path).map(|_| ()), "journal_too_new", None);
    assert_eq!(std::fs::read(&path).unwrap(), db_before);
    assert_eq!(std::fs::read(&wal).unwrap(), wal_before);
}

#[test]
fn an_empty_file_becomes_a_journal() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("empty.sqlite3");
    std::fs::write(&path, b"").unwrap();
    let mut store = Store::open(&path).unwrap();
    store.create_partnership(&partnership_draft("Zoë")).unwrap();
}

/// The window's hold on a journal and a writing command's: the command is refused while
/// the window holds it, commands share, the window waits for them and then gives up.
#[test]
fn the_window_holds_the_journal_and_writing_commands_are_refused_meanwhile() {
    use std::time::Duration;
    use tandem_core::JournalLock;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("journal.sqlite3");

    let window = JournalLock::for_window(&db, Duration::ZERO).unwrap();
    let refused = Store::open_for_command(&db).err().unwrap();
    assert_eq!(refused.code(), "journal_in_use");
    assert!(
        refused
            .to_string()
            .contains("Tandem is open on this journal"),
        "{refused}"
    );
    assert!(!db.exists(), "a refused command creates nothing");
    // Reading beside the window is fine (here: a journal that does not exist yet).
    assert!(Store::open_read_only(&db).unwrap().is_none());
    drop(window);

    let first = Store::open_for_command(&db).unwrap();
    let second = JournalLock::for_command(&db).unwrap();
    let waited = std::time::Instant::now();
    let e = JournalLock::for_window(&db, Duration::from_millis(200))
        .err()
        .unwrap();
    assert_eq!(e.code(), "journal_in_use");
    assert!(waited.elapsed() >= Duration::from_millis(200));
    drop((first, second));
    JournalLock::for_window(&db, Duration::ZERO).unwrap();
}

#[test]
fn a_read_only_store_reads_beside_a_writer_and_never_writes() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("journal.sqlite3");
    let mut writer = Store::open(&db).unwrap();
    let p = writer
        .create_partnership(&crate::partnership_draft("Zoë Okafor"))
        .unwrap();
    let mut reader = Store::open_read_only(&db).unwrap().unwrap();
    assert_eq!(reader.list_partnerships().unwrap().len(), 1);
    let e = reader
        .create_partnership(&crate::partnership_draft("Never"))
        .err()
        .unwrap();
    assert_eq!(e.code(), "invalid_input");
    writer
        .create_session(p.id, &crate::session_draft("Later"))
        .unwrap();
    assert_eq!(reader.list_sessions(p.id, 10, 0).unwrap().len(), 1);
}
