//! Forward-only migrations, tested from a fixture file of every earlier schema.
//!
//! `core/tests/fixtures/schema-vN.sqlite3` is a journal at schema N holding realistic data,
//! written with that version's own SQL. `fixtures_match_their_generator` fails when a
//! fixture is missing or differs from what the generator below writes;
//! `TANDEM_BLESS=1 cargo test -p tandem-core fixtures` (or `scripts/make-fixtures.sh`)
//! rewrites them. When a schema version is added, add its `fill` arm: the old arms, like
//! the old migration steps, are never edited.

use std::path::{Path, PathBuf};

use rusqlite::Connection;
use rusqlite::types::Value;
use tandem_core::model::Visibility;
use tandem_core::{SCHEMA_VERSION, Store};

pub fn fixture(version: i64) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(format!("schema-v{version}.sqlite3"))
}

/// A copy of the fixture of `version` as `journal.sqlite3` in `dir`.
pub fn copy_of_fixture(version: i64, dir: &Path) -> PathBuf {
    let path = dir.join("journal.sqlite3");
    std::fs::copy(fixture(version), &path).unwrap();
    path
}

const P1: &str = "6f1d2c3a-0b4e-4c5d-8e9f-0a1b2c3d4e5f";
const P2: &str = "a0b1c2d3-e4f5-4a6b-8c7d-8e9f0a1b2c3d";
const S1: &str = "11111111-2222-4333-8444-555555555555";
const S2: &str = "22222222-3333-4444-8555-666666666666";
const S3: &str = "33333333-4444-4555-8666-777777777777";
const S4: &str = "44444444-5555-4666-8777-888888888888";

const NOTES_1: &str = "# Kick-off\n\nZoë showed me **prompt patterns**; I shared how budgets get approved.\n\n- Ελληνικά\n- кириллица\n- 中文 and 日本語\n- emoji 👩🏽‍💻🎉 and a flag 🇳🇴";
const NOTES_2: &str =
    "Bidi: שלום عربي mixed with English, a zero-width joiner (a\u{200d}b) and e\u{301} combining.";

/// Writes the data of a journal at `version`, with the SQL of that version.
fn fill(conn: &Connection, version: i64) {
    let partnership = "INSERT INTO partnership (id, partner_name, partner_org, my_name, my_role, kind, \
         started_on, ended_on, objectives, boundaries, cadence_days, session_minutes, ending, \
         created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)";
    conn.execute(
        partnership,
        rusqlite::params![
            P1,
            "Zoë Okafor",
            "Nordlys Analytics",
            "Henrik Ødegård",
            "mentee",
            "reverse",
            "2026-01-12",
            None::<String>,
            "- Get fluent with AI tools\n- Learn to delegate",
            "Chat on weekdays only; what we say stays between us.",
            14,
            45,
            "Review after six months.",
            "2026-01-12T09:00:00Z",
            "2026-01-12T09:00:00Z",
        ],
    )
    .unwrap();
    conn.execute(
        partnership,
        rusqlite::params![
            P2,
            "مريم الحسن",
            "",
            "",
            "both",
            "two_way",
            "2025-09-01",
            Some("2026-02-28"),
            "",
            "",
            None::<i64>,
            None::<i64>,
            "",
            "2025-09-01T12:30:00.125Z",
            "2026-02-28T18:00:00Z",
        ],
    )
    .unwrap();
    // id, partnership, held at, minutes, format, place, title, notes, visibility (v2 on).
    type Row<'a> = (
        &'a str,
        &'a str,
        &'a str,
        i64,
        &'a str,
        &'a str,
        &'a str,
        &'a str,
        &'a str,
    );
    let sessions: &[Row] = &[
        (
            S1,
            P1,
            "2026-01-19T16:15:00",
            45,
            "coffee",
            "Café Ström",
            "Kick-off",
            NOTES_1,
            "private",
        ),
        (
            S2,
            P1,
            "2026-02-02T16:00:00",
            60,
            "video",
            "https://meet.example/abc?x=<1>",
            "<script>alert(1)</script>",
            NOTES_2,
            "shared",
        ),
        (
            S3,
            P2,
            "2025-09-15T08:30:00",
            30,
            "phone",
            "",
            "Первая встреча",
            "",
            "private",
        ),
        (
            S4,
            P2,
            "2025-10-01T12:00:00",
            1440,
            "other",
            "東京",
            "Retreat \"day\" 1",
            "SQL'ish: '); DROP TABLE session; --",
            "shared",
        ),
    ];
    for (id, pid, at, minutes, format, place, title, notes, visibility) in sessions {
        let common = rusqlite::params![
            id,
            pid,
            at,
            minutes,
            format,
            place,
            title,
            notes,
            "2026-02-03T10:00:00Z",
            "2026-02-03T10:00:00Z"
        ];
        match version {
            1 => {
                conn.execute(
                    "INSERT INTO session (id, partnership_id, held_at, duration_minutes, format, \
                     place, title, notes, created_at, updated_at) \
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                    common,
                )
                .unwrap();
            }
            2 => {
                conn.execute(
                    "INSERT INTO session (id, partnership_id, held_at, duration_minutes, format, \
                     place, title, notes, created_at, updated_at, visibility) \
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                    rusqlite::params![
                        id,
                        pid,
                        at,
                        minutes,
                        format,
                        place,
                        title,
                        notes,
                        "2026-02-03T10:00:00Z",
                        "2026-02-03T10:00:00Z",
                        visibility
                    ],
                )
                .unwrap();
            }
            v => panic!("no fixture data for schema {v}: add its arm to `fill`"),
        }
    }
}

/// Writes the fixture of `version` at `path` (a single file, no -wal).
fn generate(version: i64, path: &Path) {
    let _ = std::fs::remove_file(path);
    let mut conn = Connection::open(path).unwrap();
    conn.execute_batch("PRAGMA journal_mode = DELETE; PRAGMA foreign_keys = ON;")
        .unwrap();
    tandem_core::migrate_to(&mut conn, version).unwrap();
    let tx = conn.transaction().unwrap();
    fill(&tx, version);
    tx.commit().unwrap();
    conn.execute_batch("VACUUM").unwrap();
}

/// Everything a database holds, as comparable values: its schema, header numbers and rows.
pub fn dump(path: &Path) -> Vec<Vec<Value>> {
    let conn =
        Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let mut out = vec![vec![
        Value::Integer(
            conn.query_row("PRAGMA user_version", [], |r| r.get(0))
                .unwrap(),
        ),
        Value::Integer(
            conn.query_row("PRAGMA application_id", [], |r| r.get(0))
                .unwrap(),
        ),
    ]];
    let mut stmt = conn
        .prepare("SELECT type, name, sql FROM sqlite_schema ORDER BY name")
        .unwrap();
    let schema: Vec<(String, String, Option<String>)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    for (kind, name, sql) in schema {
        out.push(vec![Value::Text(kind.clone()), Value::Text(name.clone())]);
        out.push(vec![sql.map_or(Value::Null, Value::Text)]);
        if kind == "table" {
            let mut rows = conn
                .prepare(&format!("SELECT * FROM \"{name}\" ORDER BY 1"))
                .unwrap();
            let n = rows.column_count();
            let data: Vec<Vec<Value>> = rows
                .query_map([], |r| (0..n).map(|i| r.get::<_, Value>(i)).collect())
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap();
            out.extend(data);
        }
    }
    out
}

#[test]
fn fixtures_match_their_generator() {
    let dir = tempfile::tempdir().unwrap();
    let bless = std::env::var_os("TANDEM_BLESS").is_some();
    for version in 1..=SCHEMA_VERSION {
        let fresh = dir.path().join(format!("v{version}.sqlite3"));
        generate(version, &fresh);
        let committed = fixture(version);
        if bless {
            std::fs::create_dir_all(committed.parent().unwrap()).unwrap();
            std::fs::copy(&fresh, &committed).unwrap();
        }
        assert!(
            committed.exists(),
            "{} is missing: run `TANDEM_BLESS=1 cargo test -p tandem-core fixtures`",
            committed.display()
        );
        assert_eq!(
            dump(&committed),
            dump(&fresh),
            "{} differs from its generator",
            committed.display()
        );
        assert_eq!(dump(&committed)[0][0], Value::Integer(version));
    }
}

#[test]
fn every_earlier_schema_is_backed_up_then_migrated_with_its_data() {
    for version in 1..SCHEMA_VERSION {
        let dir = tempfile::tempdir().unwrap();
        let path = copy_of_fixture(version, dir.path());
        let before = dump(&path);

        let store = Store::open(&path).unwrap();
        assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);

        // The backup holds the journal exactly as it was before migrating.
        let backups = store.list_backups().unwrap();
        assert_eq!(backups.len(), 1, "v{version}: one backup before migrating");
        assert_eq!(dump(Path::new(&backups[0].path)), before, "v{version}");

        check_fixture_data(&store, version);
        drop(store);
        // Opening again migrates nothing and backs up nothing.
        let store = Store::open(&path).unwrap();
        assert_eq!(store.list_backups().unwrap().len(), 1);
        check_fixture_data(&store, version);
    }
}

#[test]
fn the_current_schema_opens_without_a_backup() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_of_fixture(SCHEMA_VERSION, dir.path());
    let store = Store::open(&path).unwrap();
    assert!(store.list_backups().unwrap().is_empty());
    assert!(!dir.path().join("backups").exists());
    check_fixture_data(&store, SCHEMA_VERSION);
}

/// The fixture's data, read through the current code.
pub fn check_fixture_data(store: &Store, version: i64) {
    let list = store.list_partnerships().unwrap();
    let names: Vec<&str> = list
        .iter()
        .map(|o| o.partnership.partner_name.as_str())
        .collect();
    assert_eq!(names, ["Zoë Okafor", "مريم الحسن"], "v{version}");
    let zoe = &list[0].partnership;
    assert_eq!(zoe.my_name, "Henrik Ødegård");
    assert_eq!(zoe.agreement.cadence_days, Some(14));
    assert_eq!(list[0].session_count, 2);
    let maryam = &list[1].partnership;
    assert_eq!(maryam.ended_on, Some(crate::date("2026-02-28")));
    assert_eq!(maryam.created_at.timestamp_subsec_millis(), 125);

    let s1 = store.get_session(S1.parse().unwrap()).unwrap();
    assert_eq!(s1.notes, NOTES_1);
    assert_eq!(s1.place, "Café Ström");
    let s2 = store.get_session(S2.parse().unwrap()).unwrap();
    assert_eq!(s2.notes, NOTES_2);
    assert_eq!(s2.title, "<script>alert(1)</script>");
    let s4 = store.get_session(S4.parse().unwrap()).unwrap();
    assert_eq!(s4.notes, "SQL'ish: '); DROP TABLE session; --");
    assert_eq!(s4.duration_minutes, 1440);

    let visibilities: Vec<Visibility> = [S1, S2, S3, S4]
        .iter()
        .map(|id| store.get_session(id.parse().unwrap()).unwrap().visibility)
        .collect();
    if version == 1 {
        // Schema 1 had no visibility: every session becomes private.
        assert_eq!(visibilities, [Visibility::Private; 4]);
    } else {
        use Visibility::*;
        assert_eq!(visibilities, [Private, Shared, Private, Shared]);
    }
    // The whole journal still exports and its export still imports.
    let file = store.export_journal().unwrap();
    assert_eq!(file.sessions.len(), 4);
    let mut fresh = Store::open_in_memory().unwrap();
    fresh.import_journal(&file).unwrap();
}
