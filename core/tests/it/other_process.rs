//! Other programs opening the journal while the window has it open (issue 13).
//!
//! The bug: about ten seconds after start the window's daily backup opened the journal a
//! second time, and that open read the file's header through a `std::fs::File`. Closing
//! that file dropped every POSIX lock the process held on the journal, SQLite's included;
//! the next program to open and close the journal (`tandem export-json`, the `sqlite3`
//! shell, a file manager's preview) then took itself for the last connection,
//! checkpointed, and unlinked the `-wal` and `-shm` the window went on writing to. Every
//! edit after that was lost when the window closed.
//!
//! Here a child process (this test binary run again, like `crash.rs`) plays the window:
//! it holds a store through every path the window takes (the deferred check, the delayed
//! backup on a second connection, "Back up now", a restore, switching to another journal
//! and back, a later integrity check), writing between each and printing each write's id
//! once its commit returned. Meanwhile this process opens, reads and closes the journal
//! over and over, as another SQLite program would, and as Tandem's own command line does.
//! Every acknowledged write must be there once the window has closed, the window's WAL
//! must never have been unlinked while it ran, and the file must pass `integrity_check`.

use std::collections::HashSet;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;

use rusqlite::Connection;
use tandem_core::{JournalLock, Store};
use uuid::Uuid;

use crate::{partnership_draft, session_draft};

const CHILD_ENV: &str = "TANDEM_WINDOW_CHILD";
/// Writes after each step of the window's life.
const WRITES_PER_STEP: usize = 6;

/// Not a test of its own: the window process the test below starts. In a normal test run
/// (no `TANDEM_WINDOW_CHILD`) it returns at once.
#[test]
fn window_process() {
    let Ok(spec) = std::env::var(CHILD_ENV) else {
        return;
    };
    let (db, other) = spec.split_once('|').expect("db|other");
    play_the_window(Path::new(db), Path::new(other));
}

/// Journal files of this process that have been unlinked under it: `/proc/self/fd` shows
/// them as "… (deleted)".
fn unlinked_under_me(db: &Path) -> Vec<String> {
    let name = db.file_name().unwrap().to_string_lossy().into_owned();
    std::fs::read_dir("/proc/self/fd")
        .unwrap()
        .filter_map(|e| std::fs::read_link(e.ok()?.path()).ok())
        .map(|target| target.display().to_string())
        .filter(|t| t.contains(&name) && t.ends_with("(deleted)"))
        .collect()
}

fn play_the_window(db: &Path, other: &Path) {
    // A journal from an earlier evening, so that opening it defers its check.
    let pid = Store::open(db)
        .unwrap()
        .create_partnership(&partnership_draft("Zoë Okafor"))
        .unwrap()
        .id;
    let mut lock = Some(JournalLock::for_window(db, Duration::from_secs(5)).unwrap());
    let mut store = Store::open_deferring_check(db).unwrap();
    let check = store.integrity_check().expect("a check is owed");
    println!("READY");
    // Reads go on while the check is owed, as the window's first screen does.
    std::thread::sleep(Duration::from_millis(150));
    store.list_partnerships().unwrap();
    let mut n = 0;
    let mut step = |store: &mut Store, what: &str| {
        // Give the other process time to open and close the journal after each step.
        std::thread::sleep(Duration::from_millis(150));
        for _ in 0..WRITES_PER_STEP {
            n += 1;
            let s = store
                .create_session(pid, &session_draft(&format!("{what} {n}")))
                .unwrap();
            println!("ACK {}", s.id);
            std::thread::sleep(Duration::from_millis(20));
            for gone in unlinked_under_me(db) {
                println!("UNLINKED {gone}");
            }
        }
    };
    // The integrity check the open deferred, on its own thread as in the window.
    std::thread::spawn(move || check.run())
        .join()
        .unwrap()
        .unwrap();
    step(&mut store, "after the deferred check");

    // The daily backup, on a second connection (as the window does now, read-only, and as
    // it did before the fix, with a second full open).
    let reader = Store::open_read_only(db)
        .unwrap()
        .expect("a current journal");
    reader.auto_backup(chrono::Utc::now()).unwrap();
    drop(reader);
    step(&mut store, "after the daily backup");
    let second = Store::open_deferring_check(db).unwrap();
    second.backup().unwrap();
    drop(second);
    step(&mut store, "after a second open");

    // "Back up now", then restoring that backup: the window closes its store, keeps its
    // hold on the file, restores and opens again. The backup holds every write so far.
    let backup = store.backup().unwrap();
    drop(store);
    tandem_core::restore(db, Path::new(&backup.path)).unwrap();
    let mut store = Store::open_deferring_check(db).unwrap();
    step(&mut store, "after a restore");

    // The integrity check of the reopened journal.
    if let Some(check) = store.integrity_check() {
        check.run().unwrap();
    }
    step(&mut store, "after the second check");

    // "Open another journal", then back to this one.
    drop(store);
    drop(lock.take());
    let elsewhere_lock = JournalLock::for_window(other, Duration::from_secs(5)).unwrap();
    let elsewhere = Store::open_deferring_check(other).unwrap();
    drop(elsewhere);
    drop(elsewhere_lock);
    lock = Some(JournalLock::for_window(db, Duration::from_secs(5)).unwrap());
    let mut store = Store::open_deferring_check(db).unwrap();
    step(&mut store, "after switching back");

    drop(store);
    drop(lock);
    println!("DONE");
}

/// Issue 13: edits made in the window after another program opened the journal were lost.
#[cfg(target_os = "linux")]
#[test]
fn issue_13_another_program_opening_the_journal_loses_no_edit_of_the_window() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("journal.sqlite3");
    let other = dir.path().join("other.sqlite3");
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args([
            "other_process::window_process",
            "--exact",
            "--nocapture",
            "-q",
        ])
        .args(["--test-threads", "1"])
        .env(CHILD_ENV, format!("{}|{}", db.display(), other.display()))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    // Wait until the window has the journal.
    for line in lines.by_ref() {
        if line.unwrap() == "READY" {
            break;
        }
    }

    // The other program: open, read, close, again and again, until the window is done.
    let done = Arc::new(AtomicBool::new(false));
    let rounds = Arc::new(AtomicUsize::new(0));
    let bystander = {
        let (db, done, rounds) = (db.clone(), done.clone(), rounds.clone());
        std::thread::spawn(move || {
            while !done.load(Ordering::Relaxed) {
                // As the `sqlite3` shell opens a file: read-write, default settings.
                if let Ok(conn) = Connection::open(&db) {
                    let _ = conn.busy_timeout(Duration::from_secs(5));
                    let _: rusqlite::Result<i64> =
                        conn.query_row("SELECT count(*) FROM session", [], |r| r.get(0));
                    drop(conn);
                }
                // As Tandem's own reading commands do (`tandem export-json`).
                if let Ok(Some(store)) = Store::open_read_only(&db) {
                    let _ = store.list_partnerships();
                }
                rounds.fetch_add(1, Ordering::Relaxed);
                std::thread::sleep(Duration::from_millis(5));
            }
        })
    };

    let mut acked = HashSet::new();
    let mut unlinked = Vec::new();
    let mut finished = false;
    for line in lines {
        let line = line.unwrap();
        if let Some(id) = line.strip_prefix("ACK ") {
            acked.insert(id.parse::<Uuid>().unwrap());
        } else if let Some(file) = line.strip_prefix("UNLINKED ") {
            unlinked.push(file.to_owned());
        } else if line == "DONE" {
            finished = true;
        }
    }
    assert!(child.wait().unwrap().success(), "the window process failed");
    done.store(true, Ordering::Relaxed);
    bystander.join().unwrap();
    assert!(finished, "the window process did not finish");
    assert!(
        rounds.load(Ordering::Relaxed) > 20,
        "the other program hardly ran"
    );

    unlinked.sort();
    unlinked.dedup();
    assert_eq!(
        unlinked,
        Vec::<String>::new(),
        "files unlinked under the window"
    );
    let conn = Connection::open(&db).unwrap();
    let integrity: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(integrity, "ok");
    drop(conn);
    let store = Store::open(&db).unwrap();
    let kept: HashSet<Uuid> = store
        .export_journal()
        .unwrap()
        .sessions
        .iter()
        .map(|s| s.id)
        .collect();
    let lost: Vec<&Uuid> = acked.difference(&kept).collect();
    assert_eq!(acked.len(), 6 * WRITES_PER_STEP);
    assert!(
        lost.is_empty(),
        "{} of {} acknowledged writes lost",
        lost.len(),
        acked.len()
    );
}
