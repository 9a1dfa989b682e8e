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

/// `pdftotext` of a PDF file (poppler-utils must be installed), whitespace squeezed.
fn pdf_text(file: &Path) -> String {
    let out = Command::new("pdftotext")
        .arg(file)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) must be installed");
    assert!(out.status.success());
    String::from_utf8(out.stdout)
        .unwrap()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn report_writes_the_progress_pdf_by_partner_name_or_id() {
    let (dir, db) = scratch();
    ok(tandem(&db, &["demo"]));
    let by_name = dir.path().join("zoe.pdf");
    let run = ok(tandem(
        &db,
        &[
            "report",
            "--partnership",
            "zoë OKAFOR",
            "--out",
            by_name.to_str().unwrap(),
        ],
    ));
    let line = run.stdout.trim();
    assert!(
        line.starts_with("Wrote ")
            && line.contains("-page report to ")
            && line.ends_with("zoe.pdf"),
        "{line}"
    );
    assert_eq!(run.stdout.lines().count(), 1);
    let text = pdf_text(&by_name);
    assert!(
        text.contains("Progress report") && text.contains("Zoë Okafor"),
        "{text}"
    );
    assert!(text.contains("A private session"));
    assert!(!dir.path().join("zoe.pdf.partial").exists());

    let id = export(&db)["partnerships"][1]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let by_id = dir.path().join("ana.pdf");
    ok(tandem(
        &db,
        &[
            "report",
            "--partnership",
            &id,
            "--from",
            "2000-01-01",
            "--to",
            "2100-12-31",
            "--include-private",
            "--out",
            by_id.to_str().unwrap(),
        ],
    ));
    let text = pdf_text(&by_id);
    assert!(
        text.contains("Ana Ferreira") && text.contains("Stakeholder maps"),
        "{text}"
    );
    assert!(!text.contains("A private session"), "{text}");
}

#[test]
fn report_refuses_unclear_requests_in_one_line() {
    let (dir, db) = scratch();
    ok(tandem(&db, &["demo"]));
    let out = dir.path().join("r.pdf");
    let out = out.to_str().unwrap();
    fails(
        tandem(&db, &["report", "--partnership", "Nobody", "--out", out]),
        "Zoë Okafor (7a3d2c10-5b8e-4f61-9c2a-0d1e5f3b7a01)",
    );
    fails(
        tandem(
            &db,
            &[
                "report",
                "--partnership",
                "Ana Ferreira",
                "--from",
                "2026-06-01",
                "--to",
                "2026-05-01",
                "--out",
                out,
            ],
        ),
        "before it starts",
    );
    fails(
        tandem(
            &db,
            &[
                "report",
                "--partnership",
                &uuid::Uuid::new_v4().to_string(),
                "--out",
                out,
            ],
        ),
        "no longer exists",
    );
    let nowhere = dir.path().join("no-such-folder").join("r.pdf");
    fails(
        tandem(
            &db,
            &[
                "report",
                "--partnership",
                "Ana Ferreira",
                "--out",
                nowhere.to_str().unwrap(),
            ],
        ),
        "could not write",
    );
    assert!(!Path::new(out).exists());

    // Two partners with the same name: the error lists both, with their ids.
    let json = dir.path().join("twins.json");
    let mut journal = export(&db);
    let mut twin = journal["partnerships"][1].clone();
    twin["id"] = "7a3d2c10-5b8e-4f61-9c2a-0d1e5f3b7a99".into();
    journal["partnerships"].as_array_mut().unwrap().push(twin);
    std::fs::write(&json, journal.to_string()).unwrap();
    ok(tandem(&db, &["import-json", json.to_str().unwrap()]));
    fails(
        tandem(
            &db,
            &["report", "--partnership", "ana ferreira", "--out", out],
        ),
        "matches 2 partnerships",
    );
}

#[test]
fn backup_writes_into_the_backups_folder_and_prints_the_path() {
    let (dir, db) = scratch();
    ok(tandem(&db, &["demo"]));
    let printed = ok(tandem(&db, &["backup"])).stdout;
    let backup = PathBuf::from(printed.trim());
    assert_eq!(backup.parent().unwrap(), dir.path().join("backups"));
    assert!(backup.is_file(), "{printed}");
    assert_eq!(export(&backup), export(&db));

    let out = dir.path().join("copy.sqlite3");
    let printed = ok(tandem(&db, &["backup", "--out", out.to_str().unwrap()])).stdout;
    assert_eq!(printed.trim(), out.display().to_string());
    assert_eq!(export(&out), export(&db));

    let missing = dir.path().join("nowhere.sqlite3");
    fails(tandem(&missing, &["backup"]), "no journal there");
    assert!(!missing.exists());
}

#[test]
fn restore_replaces_the_journal_and_says_where_the_old_one_went() {
    let (dir, db) = scratch();
    ok(tandem(&db, &["demo"]));
    let saved = export(&db);
    let backup = dir.path().join("before.sqlite3");
    ok(tandem(&db, &["backup", "--out", backup.to_str().unwrap()]));

    // Change the journal (a new partnership), then go back to the backup.
    let mut extra = saved.clone();
    let mut p = saved["partnerships"][0].clone();
    p["id"] = Value::from("0f1d2c3a-0b4e-4c5d-8e9f-0a1b2c3d4e5f");
    p["partner_name"] = Value::from("Added after the backup");
    extra["partnerships"] = Value::Array(vec![p]);
    extra["sessions"] = Value::Array(vec![]);
    let file = dir.path().join("extra.json");
    std::fs::write(&file, extra.to_string()).unwrap();
    ok(tandem(&db, &["import-json", file.to_str().unwrap()]));
    let changed = export(&db);
    assert_ne!(changed, saved);

    let run = ok(tandem(&db, &["restore", backup.to_str().unwrap()]));
    assert!(run.stdout.starts_with("Restored "), "{}", run.stdout);
    assert!(run.stdout.contains(&db.display().to_string()));
    let previous = run
        .stdout
        .split("is saved in ")
        .nth(1)
        .unwrap()
        .trim()
        .trim_end_matches('.');
    assert!(Path::new(previous).is_file(), "{}", run.stdout);
    assert_eq!(export(Path::new(previous)), changed);
    assert_eq!(export(&db), saved);
}

#[test]
fn restore_refuses_bad_backups_in_one_line_and_changes_nothing() {
    let (dir, db) = scratch();
    ok(tandem(&db, &["demo"]));
    let before = std::fs::read(&db).unwrap();

    let missing = dir.path().join("missing.sqlite3");
    fails(
        tandem(&db, &["restore", missing.to_str().unwrap()]),
        "missing.sqlite3",
    );
    let text = dir.path().join("notes.txt");
    std::fs::write(&text, "not a journal").unwrap();
    fails(
        tandem(&db, &["restore", text.to_str().unwrap()]),
        "is not a Tandem journal",
    );
    let damaged = dir.path().join("damaged.sqlite3");
    ok(tandem(&db, &["backup", "--out", damaged.to_str().unwrap()]));
    let mut bytes = std::fs::read(&damaged).unwrap();
    let half = bytes.len() / 2;
    bytes.truncate(half);
    std::fs::write(&damaged, &bytes).unwrap();
    fails(
        tandem(&db, &["restore", damaged.to_str().unwrap()]),
        "is damaged",
    );
    assert_eq!(std::fs::read(&db).unwrap(), before);
}

#[test]
fn a_damaged_journal_is_refused_with_what_to_do() {
    let (dir, db) = scratch();
    ok(tandem(&db, &["demo"]));
    let backup = PathBuf::from(ok(tandem(&db, &["backup"])).stdout.trim());
    let mut bytes = std::fs::read(&db).unwrap();
    let half = bytes.len() / 2 / 4096 * 4096;
    bytes.truncate(half);
    std::fs::write(&db, &bytes).unwrap();

    fails(tandem(&db, &["export-json"]), "tandem restore");
    assert_eq!(std::fs::read(&db).unwrap(), bytes);
    let run = ok(tandem(&db, &["restore", backup.to_str().unwrap()]));
    assert!(run.stdout.contains("damaged"), "{}", run.stdout);
    assert!(export(&db)["sessions"].as_array().unwrap().len() >= 6);
    assert!(dir.path().join("backups").is_dir());
}

#[test]
fn search_prints_one_line_per_match_with_the_hits_marked() {
    let (_dir, db) = scratch();
    ok(tandem(&db, &["demo"]));
    let run = ok(tandem(&db, &["search", "nervous"]));
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 1, "{}", run.stdout);
    let fields: Vec<&str> = lines[0].split('\t').collect();
    assert_eq!(fields.len(), 5, "{:?}", lines[0]);
    assert_eq!(fields[0], "session");
    assert_eq!(fields[1], "Zoë Okafor");
    assert!(
        chrono::NaiveDate::parse_from_str(fields[2], "%Y-%m-%d").is_ok(),
        "{}",
        fields[2]
    );
    assert_eq!(fields[3], "Kick-off: what we each want from this");
    assert!(fields[4].contains("[nervous]"), "{}", fields[4]);

    // Accents and case do not matter; the last word may be a prefix.
    let accents = ok(tandem(&db, &["search", "ZOE NERV"])).stdout;
    assert_eq!(accents.lines().count(), 1, "{accents}");
    assert!(accents.starts_with(&lines[0][..lines[0].rfind('\t').unwrap()]));
    assert!(
        accents.contains("[Zoë] was [nervous]"),
        "both words marked: {accents}"
    );
    let limited = ok(tandem(&db, &["search", "the", "--limit", "2"]));
    assert_eq!(limited.stdout.lines().count(), 2, "{}", limited.stdout);
}

#[test]
fn search_without_matches_or_with_odd_text_still_succeeds() {
    let (_dir, db) = scratch();
    ok(tandem(&db, &["demo"]));
    let none = ok(tandem(&db, &["search", "xylophone"]));
    assert_eq!(none.stdout, "No matches for \u{201c}xylophone\u{201d}.\n");
    for odd in [
        "\"",
        "*",
        "a AND",
        "NEAR(",
        "'); DROP TABLE session;--",
        "<script>",
        "",
        "☕",
    ] {
        let run = ok(tandem(&db, &["search", odd]));
        assert!(!run.stdout.is_empty(), "{odd:?}");
    }
    // The journal is intact afterwards.
    assert!(
        !ok(tandem(&db, &["search", "nervous"]))
            .stdout
            .contains("No matches")
    );
}

#[test]
fn demo_with_sessions_generates_a_large_searchable_journal_once() {
    let (_dir, db) = scratch();
    let run = ok(tandem(&db, &["demo", "--sessions", "300", "--seed", "3"]));
    assert!(
        run.stdout
            .starts_with("Generated 300 sessions in 1 partnerships"),
        "{}",
        run.stdout
    );
    let journal = export(&db);
    assert_eq!(journal["sessions"].as_array().unwrap().len(), 300);
    let again = ok(tandem(&db, &["demo", "--sessions", "300", "--seed", "3"]));
    assert!(again.stdout.contains("already"), "{}", again.stdout);
    assert_eq!(export(&db), journal);

    let hits = ok(tandem(&db, &["search", "delegation", "--limit", "7"]));
    assert_eq!(hits.stdout.lines().count(), 7, "{}", hits.stdout);
    assert!(hits.stdout.contains("[delegation]") || hits.stdout.contains("[Delegation]"));

    // The sample is still offered by plain `demo`; a seed alone is a usage error.
    assert!(
        ok(tandem(&db, &["demo"]))
            .stdout
            .starts_with("Added the sample journal")
    );
    assert_ne!(tandem(&db, &["demo", "--seed", "4"]).code, 0);
    fails(
        tandem(&db, &["demo", "--sessions", "999999"]),
        "At most 50000 sessions",
    );
}

/// Issue 13: while the window has the journal open (it holds `journal.sqlite3.lock`), the
/// commands that would change it refuse in one line and change nothing; the commands that
/// only read work alongside it.
#[test]
fn while_the_window_has_the_journal_writing_commands_refuse_and_reading_ones_work() {
    let (dir, db) = scratch();
    ok(tandem(&db, &["demo"]));
    let backup = dir.path().join("copy.sqlite3");
    ok(tandem(&db, &["backup", "--out", backup.to_str().unwrap()]));
    let export_file = dir.path().join("export.json");
    ok(tandem(
        &db,
        &["export-json", "--out", export_file.to_str().unwrap()],
    ));
    let before = export(&db);

    // What the window takes when it opens the journal.
    let window = tandem_core::JournalLock::for_window(&db, std::time::Duration::ZERO).unwrap();
    let refusal = "Tandem is open on this journal";
    fails(tandem(&db, &["demo"]), refusal);
    fails(tandem(&db, &["demo", "--sessions", "3"]), refusal);
    fails(
        tandem(&db, &["import-json", export_file.to_str().unwrap()]),
        refusal,
    );
    fails(tandem(&db, &["restore", backup.to_str().unwrap()]), refusal);
    fails(tandem(&db, &["backup"]), refusal);
    let run = tandem(&db, &["demo"]);
    assert!(
        run.stderr
            .contains("close it first, or do this from the window"),
        "{:?}",
        run.stderr
    );

    assert_eq!(export(&db), before);
    assert!(!ok(tandem(&db, &["search", "prompt"])).stdout.is_empty());
    let second = dir.path().join("second.sqlite3");
    ok(tandem(&db, &["backup", "--out", second.to_str().unwrap()]));
    assert!(second.exists());
    let pdf = dir.path().join("report.pdf");
    let partner = before["partnerships"][0]["partner_name"]
        .as_str()
        .unwrap()
        .to_owned();
    ok(tandem(
        &db,
        &[
            "report",
            "--partnership",
            &partner,
            "--out",
            pdf.to_str().unwrap(),
        ],
    ));
    assert!(
        !dir.path().join("backups").exists(),
        "nothing was backed up into the window's folder"
    );

    // Once the window has closed, the same commands work.
    drop(window);
    ok(tandem(&db, &["backup"]));
    ok(tandem(&db, &["restore", backup.to_str().unwrap()]));
}

#[test]
fn help_says_which_commands_work_while_the_window_is_open() {
    let (_dir, db) = scratch();
    let help = ok(tandem(&db, &["--help"])).stdout;
    assert!(help.contains("work while the Tandem window"), "{help}");
    assert!(help.contains("refuse then"), "{help}");
}

/// `tandem` with no command becomes the window, with the same arguments (here a stand-in
/// window that prints them).
#[test]
fn tandem_alone_runs_the_window_with_the_same_arguments() {
    let (_dir, db) = scratch();
    let out = Command::new(env!("CARGO_BIN_EXE_tandem"))
        .arg("--db")
        .arg(&db)
        .env("TANDEM_WINDOW", "/bin/echo")
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8(out.stdout).unwrap().trim(),
        format!("--db {}", db.display())
    );
}

#[test]
fn tandem_alone_without_its_window_says_so_in_one_line() {
    let (dir, db) = scratch();
    let out = Command::new(env!("CARGO_BIN_EXE_tandem"))
        .arg("--db")
        .arg(&db)
        .env("TANDEM_WINDOW", dir.path().join("missing-window"))
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("tandem-window"), "{err}");
}

/// The command line links neither Tauri nor the web view: it must start without loading
/// WebKit or GTK.
#[cfg(target_os = "linux")]
#[test]
fn the_command_line_does_not_link_the_web_view() {
    let out = Command::new("ldd")
        .arg(env!("CARGO_BIN_EXE_tandem"))
        .output()
        .unwrap();
    let libs = String::from_utf8_lossy(&out.stdout).to_lowercase();
    assert!(libs.contains("libc"), "ldd said: {libs}");
    assert!(!libs.contains("webkit") && !libs.contains("gtk"), "{libs}");
}

/// A journal at `db` with one partnership with Zoë, one shared session (asking Zoë for
/// something) and a private one, each private field holding a marker.
fn journal_with_markers(db: &Path) -> Vec<&'static str> {
    use tandem_core::model::*;
    let mut store = tandem_core::Store::open(db).unwrap();
    let day = chrono::NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    let p = store
        .create_partnership(&PartnershipDraft {
            partner_name: "Zoë".into(),
            partner_org: String::new(),
            my_name: "Henrik".into(),
            my_role: Role::Mentee,
            kind: PartnershipKind::Reverse,
            started_on: day,
            ended_on: None,
            agreement: Agreement {
                objectives: "PRIV-CLI-AGREEMENT".into(),
                ..Agreement::default()
            },
        })
        .unwrap();
    let session = |title: &str, visibility: Visibility| SessionDraft {
        held_at: day.and_hms_opt(16, 0, 0).unwrap(),
        duration_minutes: 45,
        format: SessionFormat::Coffee,
        place: "PRIV-CLI-PLACE".into(),
        title: title.into(),
        agenda: String::new(),
        notes: "notes".into(),
        shared: String::new(),
        learned: String::new(),
        topics: Vec::new(),
        rating: Some(5),
        reflection: "PRIV-CLI-REFLECTION".into(),
        visibility,
    };
    let shared = store
        .create_session(p.id, &session("Shared kick-off", Visibility::Shared))
        .unwrap();
    store
        .create_action_item(
            shared.id,
            &ActionItemDraft {
                text: "Send Henrik three prompts".into(),
                owner: Owner::Partner,
                due_on: None,
                done: false,
            },
        )
        .unwrap();
    let private = store
        .create_session(p.id, &session("PRIV-CLI-TITLE", Visibility::Private))
        .unwrap();
    store
        .create_action_item(
            private.id,
            &ActionItemDraft {
                text: "PRIV-CLI-ACTION".into(),
                owner: Owner::Partner,
                due_on: None,
                done: false,
            },
        )
        .unwrap();
    vec![
        "PRIV-CLI-AGREEMENT",
        "PRIV-CLI-PLACE",
        "PRIV-CLI-REFLECTION",
        "PRIV-CLI-TITLE",
        "PRIV-CLI-ACTION",
    ]
}

#[test]
fn invite_accept_share_and_receive_through_the_command_line_never_print_private_text() {
    let (dir, a) = scratch();
    let b = dir.path().join("b.sqlite3");
    let markers = journal_with_markers(&a);
    let file = |name: &str| dir.path().join(name);
    let s = |p: &Path| p.to_str().unwrap().to_owned();

    let mut printed = String::new();
    let mut run = |db: &Path, args: &[&str]| {
        let r = ok(tandem(db, args));
        printed.push_str(&r.stdout);
        printed.push_str(&r.stderr);
        r
    };
    let r = run(
        &a,
        &[
            "invite",
            "--partnership",
            "zoë",
            "--out",
            &s(&file("invite.txt")),
        ],
    );
    assert!(r.stdout.contains("Wrote an invite for Zoë"), "{}", r.stdout);
    let r = run(
        &b,
        &[
            "accept",
            &s(&file("invite.txt")),
            "--out",
            &s(&file("first.tandem")),
        ],
    );
    assert!(r.stdout.contains("Paired with Henrik"), "{}", r.stdout);
    assert!(r.stdout.contains("Fingerprint: "), "{}", r.stdout);
    let r = run(&a, &["receive", &s(&file("first.tandem"))]);
    assert!(r.stdout.contains("from Zoë (not verified)"), "{}", r.stdout);

    let r = run(
        &a,
        &[
            "share",
            "--partnership",
            "Zoë",
            "--out",
            &s(&file("a1.tandem")),
            "--armour",
        ],
    );
    assert!(r.stdout.contains("Wrote bundle 1 for Zoë"), "{}", r.stdout);
    assert!(
        r.stdout.contains("1 sessions, 1 action items"),
        "{}",
        r.stdout
    );
    let bundle = std::fs::read(file("a1.tandem")).unwrap();
    assert!(bundle.starts_with(b"-----BEGIN AGE ENCRYPTED FILE-----"));

    let r = run(&b, &["receive", &s(&file("a1.tandem")), "--dry-run"]);
    assert!(
        r.stdout.contains("Dry run: nothing was imported."),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("sessions: 1 new"), "{}", r.stdout);
    assert!(
        r.stdout.contains("Asked of you: Send Henrik three prompts"),
        "{}",
        r.stdout
    );
    // The dry run wrote nothing: the real import still finds it new.
    let r = run(&b, &["receive", &s(&file("a1.tandem"))]);
    assert!(r.stdout.contains("sessions: 1 new"), "{}", r.stdout);
    let r = run(&b, &["receive", &s(&file("a1.tandem"))]);
    assert!(r.stdout.contains("nothing changes"), "{}", r.stdout);

    // And back: B shares, A receives.
    run(
        &b,
        &[
            "share",
            "--partnership",
            "Henrik",
            "--out",
            &s(&file("b2.tandem")),
        ],
    );
    let r = run(&a, &["receive", &s(&file("b2.tandem"))]);
    assert!(r.stdout.contains("Bundle 2 from Zoë"), "{}", r.stdout);

    // An older bundle is refused, in a sentence.
    fails(
        tandem(&a, &["receive", &s(&file("first.tandem"))]),
        "older than the one from",
    );

    for m in &markers {
        assert!(!printed.contains(m), "{m} printed");
        for f in ["invite.txt", "first.tandem", "a1.tandem", "b2.tandem"] {
            let bytes = std::fs::read(file(f)).unwrap();
            assert!(!String::from_utf8_lossy(&bytes).contains(m), "{m} in {f}");
        }
    }
}
