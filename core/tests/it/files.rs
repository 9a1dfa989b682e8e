//! Issue 13's rule, kept: while Tandem has a journal open, only SQLite opens, renames or
//! removes it (or its `-wal`/`-shm`). Closing any other descriptor of the file drops
//! SQLite's POSIX locks (see `core/src/store/files.rs`).
//!
//! This test reads the source of the core, the command line and the window and finds every call that opens,
//! writes, renames or removes a file through `std::fs`. Each must be on the reviewed list
//! below, with why it cannot touch a live journal; a new one fails the test until it is
//! reviewed and listed (or, better, goes through `store/files.rs`).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// What opens or changes a file by name.
const CALLS: &[&str] = &[
    "File::open",
    "File::create",
    "File::options",
    "OpenOptions::new",
    "fs::read(",
    "fs::read_to_string",
    "fs::write",
    "fs::copy",
    "fs::rename",
    "fs::remove_file",
    "fs::hard_link",
];

/// (file, call, how many, why none of them reaches a journal this process has open).
const REVIEWED: &[(&str, &str, usize, &str)] = &[
    (
        "core/src/scratch.rs",
        "fs::read(",
        1,
        "garble: reads a scratch journal it made and closed, before anything opens it (the dev server's test journals)",
    ),
    (
        "core/src/scratch.rs",
        "fs::write",
        2,
        "garble writes the damaged copy of a closed scratch journal; NotAJournal writes a text file where no journal is yet",
    ),
    (
        "core/src/store/files.rs",
        "File::open",
        2,
        "read_header: the one raw read of a journal; read_other: an invite or bundle; both refuse a file with a live connection (read_other also its -wal/-shm), under the registry's lock",
    ),
    (
        "core/src/store/files.rs",
        "fs::write",
        1,
        "write_other: an invite or bundle's .part file beside it; refuses a live journal's names under the registry's lock",
    ),
    (
        "core/src/store/files.rs",
        "fs::rename",
        1,
        "write_other: the .part file onto the invite's or bundle's name, checked not live, under the registry's lock",
    ),
    (
        "core/src/store/files.rs",
        "fs::remove_file",
        1,
        "write_other: its own .part file when the rename failed",
    ),
    (
        "core/src/store/mod.rs",
        "OpenOptions::new",
        1,
        "prepare_file creates a missing journal with create_new, which never opens an existing file",
    ),
    (
        "core/src/store/lock.rs",
        "OpenOptions::new",
        1,
        "the lock file journal.sqlite3.lock, never the journal",
    ),
    (
        "core/src/store/backup.rs",
        "OpenOptions::new",
        1,
        "write_partial creates a new .partial file (create_new) for a backup being written",
    ),
    (
        "core/src/store/backup.rs",
        "File::open",
        2,
        "syncing a .partial file after its own connection closed, and syncing a folder",
    ),
    (
        "core/src/store/backup.rs",
        "fs::rename",
        5,
        "a finished .partial to its name; the staged restore and a damaged journal and its -wal only after wait_until_unused",
    ),
    (
        "core/src/store/backup.rs",
        "fs::remove_file",
        11,
        ".partial and staging files, rotated old backups; a journal's -wal/-shm only after wait_until_unused",
    ),
    (
        "core/src/store/backup.rs",
        "fs::hard_link",
        1,
        "a finished .partial to its backup name",
    ),
    (
        "core/src/paths.rs",
        "fs::read_to_string",
        2,
        "this computer's device-id file in the config folder, and its test",
    ),
    (
        "core/src/paths.rs",
        "fs::write",
        2,
        "a new device-id file under a temporary name, and its test's damaged one",
    ),
    (
        "core/src/paths.rs",
        "fs::rename",
        1,
        "the new device-id file into place",
    ),
    (
        "core/src/report/mod.rs",
        "fs::write",
        1,
        "the PDF's .partial file",
    ),
    (
        "core/src/report/mod.rs",
        "fs::rename",
        1,
        "the PDF into place",
    ),
    (
        "core/src/report/mod.rs",
        "fs::remove_file",
        1,
        "a failed PDF's .partial file",
    ),
    (
        "core/src/bindings.rs",
        "fs::write",
        1,
        "the generated TypeScript types (tests only)",
    ),
    (
        "core/src/bindings.rs",
        "fs::read_to_string",
        1,
        "the committed TypeScript types (tests only)",
    ),
    (
        "cli/src/main.rs",
        "fs::write",
        1,
        "export-json's .partial file",
    ),
    (
        "cli/src/main.rs",
        "fs::rename",
        1,
        "export-json's file into place",
    ),
    (
        "cli/src/main.rs",
        "fs::remove_file",
        1,
        "a failed export's .partial file",
    ),
    (
        "cli/src/main.rs",
        "fs::read_to_string",
        1,
        "import-json reads the JSON file it is given (never a journal: it is parsed as JSON)",
    ),
    (
        "src-tauri/src/commands.rs",
        "fs::write",
        1,
        "the start-up benchmark's mark file",
    ),
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn only_reviewed_code_opens_renames_or_removes_files_outside_sqlite() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files = Vec::new();
    for dir in ["core/src", "cli/src", "src-tauri/src"] {
        rust_files(&root.join(dir), &mut files);
    }
    assert!(files.len() > 20, "found only {} source files", files.len());
    let mut found: BTreeMap<(String, &str), usize> = BTreeMap::new();
    for file in &files {
        let name = file
            .strip_prefix(&root)
            .unwrap()
            .display()
            .to_string()
            .replace('\\', "/");
        let text = std::fs::read_to_string(file).unwrap();
        for line in text.lines() {
            let code = line.trim_start();
            if code.starts_with("//") {
                continue;
            }
            for call in CALLS {
                let n = code.matches(call).count();
                if n > 0 {
                    *found.entry((name.clone(), call)).or_default() += n;
                }
            }
        }
    }
    let reviewed: BTreeMap<(String, &str), usize> = REVIEWED
        .iter()
        .map(|(file, call, n, _)| (((*file).to_owned(), *call), *n))
        .collect();
    let show = |m: &BTreeMap<(String, &str), usize>| {
        m.iter()
            .map(|((f, c), n)| format!("  {f}: {c} ×{n}"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert!(
        found == reviewed,
        "file calls outside SQLite changed; review each against core/src/store/files.rs and update REVIEWED.\nfound:\n{}\nreviewed:\n{}",
        show(&found),
        show(&reviewed)
    );
}

/// The guard itself: a file with a live connection is never opened raw, so reading its
/// header while the store has it open leaves SQLite's locks in place. Seen from outside:
/// another connection's close cannot take the exclusive lock and unlink the WAL.
#[cfg(target_os = "linux")]
#[test]
fn a_second_open_of_a_live_journal_keeps_the_first_ones_locks() {
    use tandem_core::Store;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("journal.sqlite3");
    let mut store = Store::open(&db).unwrap();
    store
        .create_partnership(&crate::partnership_draft("Zoë Okafor"))
        .unwrap();
    // Every way this process opens the journal again while it is open.
    drop(Store::open(&db).unwrap());
    drop(Store::open_deferring_check(&db).unwrap());
    drop(Store::open_read_only(&db).unwrap());
    // This process still holds a POSIX lock on the journal (what /proc/locks shows).
    let locks = std::fs::read_to_string("/proc/locks").unwrap();
    let ino = {
        use std::os::unix::fs::MetadataExt;
        std::fs::metadata(&db).unwrap().ino()
    };
    let me = std::process::id().to_string();
    let held = locks.lines().any(|l| {
        let f: Vec<&str> = l.split_whitespace().collect();
        f.get(1) == Some(&"POSIX")
            && f.get(4) == Some(&me.as_str())
            && f.get(5).and_then(|d| d.rsplit(':').next()) == Some(&ino.to_string())
    });
    assert!(
        held,
        "no POSIX lock of this process on the journal:\n{locks}"
    );
    store
        .create_partnership(&crate::partnership_draft("Still here"))
        .unwrap();
}
