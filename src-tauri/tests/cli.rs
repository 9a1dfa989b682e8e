//! The command line, run as a user would: the real `tandem` binary, no display.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn tandem(db: &Path, args: &[&str]) -> Run {
    let Output {
        status,
        stdout,
        stderr,
    } = Command::new(env!("CARGO_BIN_EXE_tandem"))
        .args(args)
        .arg("--db")
        .arg(db)
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env_remove("TANDEM_DB")
        .output()
        .unwrap();
    Run {
        code: status.code().unwrap_or(-1),
        stdout: String::from_utf8(stdout).unwrap(),
        stderr: String::from_utf8(stderr).unwrap(),
    }
}

#[track_caller]
fn ok(run: Run) -> Run {
    assert_eq!(run.code, 0, "stderr: {}", run.stderr);
    run
}

/// A failure is one line on stderr, starting with `tandem:`, mentioning `needle`.
#[track_caller]
fn fails(run: Run, needle: &str) {
    assert_ne!(run.code, 0, "expected failure; stdout: {}", run.stdout);
    assert_eq!(run.stderr.lines().count(), 1, "one line: {:?}", run.stderr);
    assert!(run.stderr.starts_with("tandem: "), "{:?}", run.stderr);
    assert!(
        run.stderr.contains(needle),
        "{:?} should mention {needle:?}",
        run.stderr
    );
}

fn scratch() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("journal.sqlite3");
    (dir, db)
}

fn export(db: &Path) -> Value {
    let mut v: Value = serde_json::from_str(&ok(tandem(db, &["export-json"])).stdout).unwrap();
    v.as_object_mut().unwrap().remove("exported_at");
    v
}

#[test]
fn where_prints_the_journal_path() {
    let (_dir, db) = scratch();
    assert_eq!(
        ok(tandem(&db, &["where"])).stdout.trim(),
        db.display().to_string()
    );
}

#[test]
fn where_defaults_to_the_app_data_folder() {
    let home = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_tandem"))
        .arg("where")
        .env("XDG_DATA_HOME", home.path())
        .env_remove("TANDEM_DB")
        .output()
        .unwrap();
    let expected = home
        .path()
        .join("org.tandemjournal.tandem")
        .join("journal.sqlite3");
    assert_eq!(
        String::from_utf8(out.stdout).unwrap().trim(),
        expected.display().to_string()
    );
}

#[test]
fn the_tandem_db_variable_chooses_the_journal() {
    let (_dir, db) = scratch();
    let out = Command::new(env!("CARGO_BIN_EXE_tandem"))
        .arg("where")
        .env("TANDEM_DB", &db)
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(out.stdout).unwrap().trim(),
        db.display().to_string()
    );
}

#[test]
fn demo_adds_the_sample_once() {
    let (_dir, db) = scratch();
    assert!(
        ok(tandem(&db, &["demo"]))
            .stdout
            .starts_with("Added the sample journal")
    );
    let first = export(&db);
    assert!(first["sessions"].as_array().unwrap().len() >= 6);
    assert!(ok(tandem(&db, &["demo"])).stdout.contains("already"));
    assert_eq!(export(&db), first);
}

#[test]
fn export_then_import_into_a_fresh_journal_round_trips_and_twice_changes_nothing() {
    let (dir, db) = scratch();
    ok(tandem(&db, &["demo"]));
    let file = dir.path().join("export.json");
    ok(tandem(
        &db,
        &["export-json", "--out", file.to_str().unwrap()],
    ));

    let fresh = dir.path().join("fresh.sqlite3");
    let first = ok(tandem(&fresh, &["import-json", file.to_str().unwrap()]));
    assert!(
        first.stdout.contains("0 updated, 0 unchanged"),
        "{}",
        first.stdout
    );
    let second = ok(tandem(&fresh, &["import-json", file.to_str().unwrap()]));
    assert!(
        second.stdout.contains(" 0 added, 0 updated"),
        "{}",
        second.stdout
    );

    let mut original: Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    original.as_object_mut().unwrap().remove("exported_at");
    assert_eq!(export(&fresh), original);
}

#[test]
fn bad_input_gets_one_clear_line_and_changes_nothing() {
    let (dir, db) = scratch();
    ok(tandem(&db, &["demo"]));
    let before = export(&db);

    let missing = dir.path().join("nope.json");
    fails(
        tandem(&db, &["import-json", missing.to_str().unwrap()]),
        "could not read",
    );

    let bad = dir.path().join("bad.json");
    std::fs::write(
        &bad,
        "{\"format_version\": 1, \"partnerships\": [], \"sessions\": [{\"id\": 3}]}",
    )
    .unwrap();
    fails(
        tandem(&db, &["import-json", bad.to_str().unwrap()]),
        "sessions[0].id",
    );

    std::fs::write(
        &bad,
        "{\"format_version\": 42, \"partnerships\": [], \"sessions\": []}",
    )
    .unwrap();
    fails(
        tandem(&db, &["import-json", bad.to_str().unwrap()]),
        "format version 42",
    );

    assert_eq!(export(&db), before);
}

#[test]
fn a_file_that_is_not_a_journal_is_refused_and_untouched() {
    let (dir, _) = scratch();
    let notes = dir.path().join("notes.txt");
    std::fs::write(&notes, "just some text, not a journal").unwrap();
    fails(tandem(&notes, &["export-json"]), "is not a Tandem journal");
    assert_eq!(
        std::fs::read_to_string(&notes).unwrap(),
        "just some text, not a journal"
    );
}

#[test]
fn export_to_an_unwritable_place_fails_clearly() {
    let (dir, db) = scratch();
    let out = dir.path().join("no-such-folder").join("x.json");
    fails(
        tandem(&db, &["export-json", "--out", out.to_str().unwrap()]),
        "could not write",
    );
}

#[test]
fn unknown_subcommands_and_flags_are_usage_errors() {
    let (_dir, db) = scratch();
    let run = tandem(&db, &["frobnicate"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("frobnicate"));
}
