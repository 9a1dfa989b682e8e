//! A 10,000-session journal: adding a session, listing the latest 50, a full-text search
//! for a common word and a dashboard, each next to its floor measured in the same run on
//! the same file: raw rusqlite running the same SQL shape with minimal code (the same
//! durability for the write: WAL, `synchronous=FULL`, one IMMEDIATE transaction).
//! Run with `cargo bench -p tandem-core --bench journal`; the figures are in
//! `docs/BENCHMARKS.md` ("Journal of 10,000 sessions").

use std::hint::black_box;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use rusqlite::{Connection, TransactionBehavior, params};
use tandem_core::Store;
use tandem_core::model::*;

const SESSIONS: u32 = 10_000;
/// A word in about half the sessions' notes.
const COMMON_WORD: &str = "feedback";

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 6, 1).expect("valid date")
}

/// The `i`th added session: each at its own minute, long before the generated ones, so
/// the adds do not change what the other cases read.
fn draft(i: u64) -> SessionDraft {
    let base = NaiveDate::from_ymd_opt(1951, 1, 1).expect("valid date");
    SessionDraft {
        held_at: base.and_hms_opt(9, 0, 0).expect("valid time")
            + chrono::Duration::minutes(i as i64),
        duration_minutes: 45,
        format: SessionFormat::Video,
        place: "Video call".into(),
        title: format!("Benchmark session {i}"),
        agenda: "- The quarterly roadmap (delegating)\n- Feedback on the all-hands deck".into(),
        notes: "## Delegation\n\nZoë showed me how Claude drafts the weekly update in minutes. \
                We practised giving feedback with a role-play about the budget review. \
                I explained how decisions about the hiring plan travel up to the CFO.\n\n\
                - Ask the sales lead what a yes would look like\n- Try Copilot on the board summary"
            .into(),
        shared: "I shared how the budget review works from the inside.".into(),
        learned: "TikTok rewards consistency more than polish.".into(),
        topics: Vec::new(),
        rating: Some(4),
        reflection: String::new(),
        visibility: Visibility::Private,
    }
}

/// The floor for adding a session: the same row in one IMMEDIATE transaction.
fn raw_add(conn: &mut Connection, pid: &str, d: &SessionDraft) {
    let tx = conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .expect("begin");
    let now = "2026-06-01T09:00:00.000Z";
    tx.prepare_cached(
        "INSERT INTO session (id, partnership_id, held_at, duration_minutes, format, place, title, \
         notes, created_at, updated_at, visibility, agenda, shared, learned, rating, reflection, \
         deleted_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, NULL)",
    )
    .expect("prepare")
    .execute(params![
        uuid::Uuid::new_v4().to_string(),
        pid,
        d.held_at.format("%Y-%m-%dT%H:%M:%S").to_string(),
        d.duration_minutes,
        "video",
        d.place,
        d.title,
        d.notes,
        now,
        now,
        "private",
        d.agenda,
        d.shared,
        d.learned,
        d.rating,
        d.reflection,
    ])
    .expect("insert");
    tx.commit().expect("commit");
}

type Row = (String, String, String, u32, String, Option<String>, u32);

/// The floor for the list: the same columns, newest 50, straight from the index.
fn raw_list(conn: &Connection, pid: &str) -> Vec<Row> {
    let mut stmt = conn
        .prepare_cached(
            "SELECT s.id, s.held_at, s.title, s.duration_minutes, substr(s.notes, 1, 640), \
                    (SELECT group_concat(t.name, char(31)) FROM session_topic st \
                       JOIN topic t ON t.id = st.topic_id WHERE st.session_id = s.id), \
                    (SELECT count(*) FROM action_item a \
                      WHERE a.session_id = s.id AND a.done = 0 AND a.deleted_at IS NULL) \
             FROM session s WHERE s.partnership_id = ?1 AND s.deleted_at IS NULL \
             ORDER BY s.held_at DESC, s.id LIMIT 50",
        )
        .expect("prepare");
    stmt.query_map([pid], |r| {
        Ok((
            r.get(0)?,
            r.get(1)?,
            r.get(2)?,
            r.get(3)?,
            r.get(4)?,
            r.get(5)?,
            r.get(6)?,
        ))
    })
    .expect("query")
    .collect::<rusqlite::Result<_>>()
    .expect("rows")
}

/// The floor for search: a raw FTS5 MATCH, best 20 by bm25, with a snippet each.
fn raw_search(conn: &Connection, word: &str) -> Vec<(String, String)> {
    let mut stmt = conn
        .prepare_cached(
            "SELECT d.ref_id, snippet(search_fts, -1, '[', ']', '…', 14) \
             FROM search_fts JOIN search_doc d ON d.docid = search_fts.rowid \
             WHERE search_fts MATCH ?1 ORDER BY rank LIMIT 20",
        )
        .expect("prepare");
    stmt.query_map([format!("\"{word}\"*")], |r| Ok((r.get(0)?, r.get(1)?)))
        .expect("query")
        .collect::<rusqlite::Result<_>>()
        .expect("rows")
}

/// The same as [`raw_search`] ranking only the newest 1,000 matches, as Tandem does.
fn raw_search_newest(conn: &Connection, word: &str) -> Vec<(String, String)> {
    let query = format!("\"{word}\"*");
    let cutoff: i64 = conn
        .prepare_cached(
            "SELECT rowid FROM search_fts WHERE search_fts MATCH ?1 \
             ORDER BY rowid DESC LIMIT 1 OFFSET 999",
        )
        .expect("prepare")
        .query_row([&query], |r| r.get(0))
        .unwrap_or(i64::MIN);
    let mut stmt = conn
        .prepare_cached(
            "SELECT d.ref_id, snippet(search_fts, -1, '[', ']', '…', 14) \
             FROM search_fts JOIN search_doc d ON d.docid = search_fts.rowid \
             WHERE search_fts MATCH ?1 AND search_fts.rowid >= ?2 ORDER BY rank LIMIT 20",
        )
        .expect("prepare");
    stmt.query_map(params![query, cutoff], |r| Ok((r.get(0)?, r.get(1)?)))
        .expect("query")
        .collect::<rusqlite::Result<_>>()
        .expect("rows")
}

/// The median time of `f` over a few runs (for the parts printed before the benchmarks).
fn median_ms(mut f: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..15)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

/// The floor for the dashboard: the four queries it needs, minimal code.
fn raw_dashboard(conn: &Connection, pid: &str) -> usize {
    let (count, minutes, last): (u32, i64, Option<String>) = conn
        .prepare_cached(
            "SELECT count(*), coalesce(sum(duration_minutes), 0), max(held_at) FROM session \
             WHERE partnership_id = ?1 AND deleted_at IS NULL",
        )
        .expect("prepare")
        .query_row([pid], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .expect("totals");
    let months: Vec<(String, u32)> = conn
        .prepare_cached(
            "SELECT substr(held_at, 1, 7), count(*) FROM session \
             WHERE partnership_id = ?1 AND deleted_at IS NULL \
               AND held_at >= '2025-07-01' AND held_at < '2026-07-01' GROUP BY 1",
        )
        .expect("prepare")
        .query_map([pid], |r| Ok((r.get(0)?, r.get(1)?)))
        .expect("months")
        .collect::<rusqlite::Result<_>>()
        .expect("rows");
    let open: Vec<(String, String, Option<String>, String, String)> = conn
        .prepare_cached(
            "SELECT a.id, a.text, a.due_on, s.title, s.held_at \
             FROM action_item a JOIN session s ON s.id = a.session_id \
             WHERE s.partnership_id = ?1 AND a.done = 0 AND a.deleted_at IS NULL \
               AND s.deleted_at IS NULL \
             ORDER BY (a.due_on < '2026-06-01') DESC, a.due_on IS NULL, a.due_on, s.held_at",
        )
        .expect("prepare")
        .query_map([pid], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })
        .expect("open")
        .collect::<rusqlite::Result<_>>()
        .expect("rows");
    let goals: Vec<(String, String, Option<i64>, i64, i64)> = conn
        .prepare_cached(
            "SELECT g.id, g.title, \
                (SELECT e.value FROM goal_progress e WHERE e.goal_id = g.id \
                 AND e.deleted_at IS NULL ORDER BY e.recorded_on DESC LIMIT 1), \
                (SELECT count(*) FROM milestone m WHERE m.goal_id = g.id AND m.done \
                 AND m.deleted_at IS NULL), \
                (SELECT count(*) FROM milestone m WHERE m.goal_id = g.id AND m.deleted_at IS NULL) \
             FROM goal g WHERE g.partnership_id = ?1 AND g.deleted_at IS NULL \
               AND g.status != 'dropped'",
        )
        .expect("prepare")
        .query_map([pid], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })
        .expect("goals")
        .collect::<rusqlite::Result<_>>()
        .expect("rows");
    count as usize
        + minutes as usize
        + last.map_or(0, |l| l.len())
        + months.len()
        + open.len()
        + goals.len()
}

fn benches(c: &mut Criterion) {
    // TANDEM_BENCH_DB keeps the journal for a look afterwards (it must not exist yet).
    let dir = tempfile::tempdir().expect("temp dir");
    let path = std::env::var_os("TANDEM_BENCH_DB")
        .map_or_else(|| dir.path().join("journal.sqlite3"), Into::into);
    let mut store = Store::open(&path).expect("store");
    let started = Instant::now();
    let report = tandem_core::demo::generate(&mut store, SESSIONS, 1, today()).expect("generate");
    eprintln!(
        "generated {} sessions, {} action items, {} goals in {:.1} s; file {} MB",
        report.sessions,
        report.action_items,
        report.goals,
        started.elapsed().as_secs_f64(),
        std::fs::metadata(&path).map_or(0, |m| m.len()) / 1_000_000
    );
    let big = store
        .list_partnerships()
        .expect("partnerships")
        .into_iter()
        .max_by_key(|o| o.session_count)
        .expect("a partnership");
    let pid = big.partnership.id;
    let pid_text = pid.to_string();
    eprintln!("the big partnership has {} sessions", big.session_count);

    // The floor's connection: the same file and settings as the store's.
    let mut raw = Connection::open(&path).expect("raw connection");
    raw.execute_batch(
        "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;",
    )
    .expect("pragmas");

    // The answers agree before anything is timed.
    let listed = store.list_sessions(pid, 50, 0).expect("list");
    let raw_listed = raw_list(&raw, &pid_text);
    assert_eq!(listed.len(), 50);
    assert_eq!(
        listed.iter().map(|s| s.id.to_string()).collect::<Vec<_>>(),
        raw_listed.iter().map(|r| r.0.clone()).collect::<Vec<_>>()
    );
    let found = store.search(COMMON_WORD, 20).expect("search");
    let matching: u32 = raw
        .query_row(
            "SELECT count(*) FROM search_fts WHERE search_fts MATCH ?1",
            [format!("\"{COMMON_WORD}\"*")],
            |r| r.get(0),
        )
        .expect("count");
    eprintln!("\"{COMMON_WORD}\" matches {matching} indexed rows");
    assert_eq!(found.len(), 20);
    assert_eq!(raw_search(&raw, COMMON_WORD).len(), 20);
    let dash = store.dashboard(pid, today()).expect("dashboard");
    eprintln!(
        "dashboard: {} sessions, {} open actions, {} goals",
        dash.session_count,
        dash.open_actions.len(),
        dash.goals.len()
    );

    eprintln!(
        "dashboard parts (median ms): whole {:.2}; open_action_items {:.2}; list_goals {:.2}",
        median_ms(|| drop(black_box(store.dashboard(pid, today())))),
        median_ms(|| drop(black_box(store.open_action_items(pid, today())))),
        median_ms(|| drop(black_box(store.list_goals(pid, today())))),
    );

    let mut group = c.benchmark_group("journal_10000");
    group
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(6));
    group.bench_function("list_50/tandem", |b| {
        b.iter(|| black_box(store.list_sessions(pid, 50, 0).expect("list")))
    });
    group.bench_function("list_50/floor_rusqlite", |b| {
        b.iter(|| black_box(raw_list(&raw, &pid_text)))
    });
    group.bench_function("search/tandem", |b| {
        b.iter(|| black_box(store.search(COMMON_WORD, 20).expect("search")))
    });
    group.bench_function("search/floor_rusqlite", |b| {
        b.iter(|| black_box(raw_search(&raw, COMMON_WORD)))
    });
    group.bench_function("search/floor_rusqlite_newest_1000", |b| {
        b.iter(|| black_box(raw_search_newest(&raw, COMMON_WORD)))
    });
    group.bench_function("dashboard/tandem", |b| {
        b.iter(|| black_box(store.dashboard(pid, today()).expect("dashboard")))
    });
    group.bench_function("dashboard/floor_rusqlite", |b| {
        b.iter(|| black_box(raw_dashboard(&raw, &pid_text)))
    });
    // Adding last, so that the other cases see the generated journal as it was.
    let mut i = 0u64;
    group.bench_function("add_session/tandem", |b| {
        b.iter(|| {
            i += 1;
            black_box(store.create_session(pid, &draft(i)).expect("add"))
        })
    });
    group.bench_function("add_session/floor_rusqlite", |b| {
        b.iter(|| {
            i += 1;
            raw_add(&mut raw, &pid_text, &draft(i));
        })
    });
    group.finish();
}

criterion_group!(journal_benches, benches);
criterion_main!(journal_benches);
