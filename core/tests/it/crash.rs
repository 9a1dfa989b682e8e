//! Crash safety: a writer process running the real store code is killed (SIGKILL) at random
//! moments, and every edit it acknowledged must still be there, whole.
//!
//! The writer is this test binary run again (`std::env::current_exe()`) with
//! `TANDEM_CRASH_CHILD` set, filtered to `crash::child_process`: that test does nothing in a
//! normal run. The child prints an edit's id on stdout only after the store call returned
//! (so after its commit); the parent counts a line as acknowledged once it has read it whole.
//! Every session's notes carry a checksum of themselves, written in the same record, so a
//! half-written edit cannot pass for a whole one.
//!
//! A receiving child imports a partner's bundles one after another (`Store::receive`,
//! printing each sequence after it returned): after each kill the journal opens, its
//! partner content is exactly one bundle's (the one its link records), never a mix, not
//! older than the last acknowledged, and my own records are as they were.
//!
//! `TANDEM_CRASH_CYCLES=N` sets the number of cycles (default: a quick 20 for edits, 8
//! for imports and 8 for receiving partner bundles); `scripts/crash-cycles.sh N` runs 1000
//! and prints the counts.
//!
//! The journal is not the writer's alone, as it is not the window's: while it runs, this
//! process opens, reads and closes the journal over and over (as the `sqlite3` shell or
//! `tandem export-json` would), and the writer itself opens it a second time now and
//! then (as the window's daily backup does). An edit lost because another connection
//! unlinked the writer's WAL (issue 13) counts as lost.
//!
//! SIGKILL kills the process, not the machine: this proves that a commit is never half
//! applied and that what was acknowledged was committed. Surviving a power cut rests on
//! `synchronous = FULL` (see `the_connection_is_durable_wal_with_foreign_keys`).

use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use rusqlite::Connection;
use tandem_core::model::{Session, Visibility};
use tandem_core::{JournalFile, Store};
use uuid::Uuid;

use crate::{partnership_draft, session_draft};

const CHILD_ENV: &str = "TANDEM_CRASH_CHILD";
/// Sessions the edit writer creates before it only updates (keeps the file small).
const MAX_SESSIONS: usize = 40;
/// Sessions in one import.
const IMPORT_SESSIONS: usize = 120;

/// A small deterministic generator (xorshift), so a failing run can be repeated with
/// `TANDEM_CRASH_SEED`.
struct Rng(u64);

impl Rng {
    fn seeded() -> Rng {
        let seed = std::env::var("TANDEM_CRASH_SEED")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| {
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(1, |d| d.as_nanos() as u64)
                    ^ u64::from(std::process::id())
            });
        Rng(seed | 1)
    }
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

/// FNV-1a: enough to tell a whole text from a torn one.
fn checksum(text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x100_0000_01b3);
    }
    format!("{h:016x}")
}

/// Notes that carry their version and the checksum of their body on the first line.
fn notes(version: u64, rng: &mut Rng) -> String {
    let size = match rng.below(10) {
        0 => 100_000 + rng.below(300_000),
        1..=3 => 4_000 + rng.below(20_000),
        _ => 50 + rng.below(2_000),
    } as usize;
    let words = [
        "Zoë ",
        "λόγος ",
        "слово ",
        "中文 ",
        "🎉 ",
        "prompt ",
        "budget ",
    ];
    let mut body = String::with_capacity(size + 16);
    while body.len() < size {
        body.push_str(words[rng.below(words.len() as u64) as usize]);
    }
    format!("v{version} {}\n{body}", checksum(&body))
}

/// `Some((version, checksum))` when the notes are whole; `None` when torn or foreign.
fn verify_notes(notes: &str) -> Option<(u64, String)> {
    let (head, body) = notes.split_once('\n')?;
    let (version, sum) = head.strip_prefix('v')?.split_once(' ')?;
    if checksum(body) != sum {
        return None;
    }
    Some((version.parse().ok()?, sum.to_owned()))
}

/// Not a test of its own: the writer process the tests below start and kill. In a normal
/// test run (no `TANDEM_CRASH_CHILD`) it returns at once.
#[test]
fn child_process() {
    let Ok(spec) = std::env::var(CHILD_ENV) else {
        return;
    };
    let mut parts = spec.splitn(3, '|');
    match (parts.next(), parts.next(), parts.next()) {
        (Some("edits"), Some(db), None) => write_edits(Path::new(db)),
        (Some("import"), Some(db), Some(file)) => import(Path::new(db), Path::new(file)),
        (Some("receive"), Some(db), Some(rest)) => receive_bundles(Path::new(db), rest),
        _ => panic!("bad {CHILD_ENV}: {spec}"),
    }
}

fn write_edits(db: &Path) {
    let mut rng = Rng::seeded();
    // As the window opens it: the whole-file check deferred (it runs before the first write).
    let mut store = Store::open_deferring_check(db).unwrap();
    let pid = match store.list_partnerships().unwrap().first() {
        Some(p) => p.partnership.id,
        None => {
            let p = store
                .create_partnership(&partnership_draft("Zoë Okafor"))
                .unwrap();
            println!("P {}", p.id);
            p.id
        }
    };
    let mut ids: Vec<Uuid> = store
        .list_sessions(pid, u32::MAX, 0)
        .unwrap()
        .iter()
        .map(|s| s.id)
        .collect();
    println!("READY");
    for n in 0.. {
        if n % 7 == 3 {
            // A second connection from this process, as the daily backup opens one (and as
            // it did, through a full open, when that lost the locks).
            if let Ok(Some(reader)) = Store::open_read_only(db) {
                reader.list_partnerships().unwrap();
            }
            drop(Store::open_deferring_check(db).unwrap());
        }
        if ids.len() < MAX_SESSIONS && (ids.is_empty() || rng.below(3) == 0) {
            let mut d = session_draft(&format!("Crash {n}"));
            d.notes = notes(0, &mut rng);
            d.visibility = Visibility::Shared;
            let s = store.create_session(pid, &d).unwrap();
            let (v, sum) = verify_notes(&s.notes).unwrap();
            println!("S {} {v} {sum}", s.id);
            ids.push(s.id);
        } else {
            let id = ids[rng.below(ids.len() as u64) as usize];
            let old = store.get_session(id).unwrap();
            let (version, _) = verify_notes(&old.notes).unwrap();
            let mut d = old.draft();
            d.notes = notes(version + 1, &mut rng);
            d.title = format!("Crash {n}");
            let s = store.update_session(id, &d).unwrap();
            let (v, sum) = verify_notes(&s.notes).unwrap();
            println!("S {} {v} {sum}", s.id);
        }
    }
}

fn import(db: &Path, file: &Path) {
    let mut store = Store::open(db).unwrap();
    let journal = JournalFile::parse(&std::fs::read_to_string(file).unwrap()).unwrap();
    println!("READY");
    store.import_journal(&journal).unwrap();
    println!("IMPORTED");
    std::thread::sleep(Duration::from_secs(60));
}

/// A writer child, and its stdout's complete lines as they arrive.
struct Writer {
    child: Child,
    lines: mpsc::Receiver<String>,
    reader: std::thread::JoinHandle<()>,
}

impl Writer {
    fn start(spec: &str) -> Writer {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args(["crash::child_process", "--exact", "--nocapture", "-q"])
            .args(["--test-threads", "1"])
            .env(CHILD_ENV, spec)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, lines) = mpsc::channel();
        let reader = std::thread::spawn(move || {
            let mut out = BufReader::new(stdout);
            let mut line = String::new();
            loop {
                line.clear();
                match out.read_line(&mut line) {
                    // A line cut short by the kill was never acknowledged.
                    Ok(0) | Err(_) => return,
                    Ok(_) if !line.ends_with('\n') => return,
                    Ok(_) => {
                        if tx.send(line.trim_end().to_owned()).is_err() {
                            return;
                        }
                    }
                }
            }
        });
        Writer {
            child,
            lines,
            reader,
        }
    }

    /// Waits for `READY`; returns the lines seen before it.
    fn ready(&self) -> Vec<String> {
        let mut before = Vec::new();
        let deadline = Instant::now() + Duration::from_secs(30);
        while let Ok(line) = self
            .lines
            .recv_timeout(deadline.saturating_duration_since(Instant::now()))
        {
            if line == "READY" {
                return before;
            }
            before.push(line);
        }
        before
    }

    /// SIGKILL, then every complete line it printed.
    fn kill(mut self, mut seen: Vec<String>) -> Vec<String> {
        let _ = self.child.kill();
        self.child.wait().unwrap();
        self.reader.join().unwrap();
        seen.extend(self.lines.try_iter().filter(|l| l != "READY"));
        seen
    }
}

/// Another program on the journal: opens it, reads and closes it, in a loop on its own
/// thread, until stopped.
struct Bystander {
    stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
    thread: std::thread::JoinHandle<()>,
}

impl Bystander {
    fn start(db: &Path) -> Bystander {
        use std::sync::atomic::Ordering;
        let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let (db, flag) = (db.to_owned(), stop.clone());
        let thread = std::thread::spawn(move || {
            while !flag.load(Ordering::Relaxed) {
                if let Ok(conn) = Connection::open(&db) {
                    let _ = conn.busy_timeout(Duration::from_secs(5));
                    let _: rusqlite::Result<i64> =
                        conn.query_row("SELECT count(*) FROM session", [], |r| r.get(0));
                }
                std::thread::sleep(Duration::from_millis(2));
            }
        });
        Bystander { stop, thread }
    }

    fn stop(self) {
        self.stop.store(true, std::sync::atomic::Ordering::Relaxed);
        self.thread.join().unwrap();
    }
}

fn cycles(default: usize) -> usize {
    std::env::var("TANDEM_CRASH_CYCLES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(default)
}

fn integrity(path: &Path) -> String {
    let conn = Connection::open(path).unwrap();
    conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap_or_else(|e| e.to_string())
}

#[derive(Default, Debug)]
struct Counts {
    cycles: usize,
    acknowledged: usize,
    lost: usize,
    torn: usize,
    integrity_failures: usize,
    open_failures: usize,
}

#[test]
fn acknowledged_edits_survive_a_kill_at_any_moment() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("journal.sqlite3");
    let spec = format!("edits|{}", db.display());
    let mut rng = Rng::seeded();
    let mut counts = Counts::default();
    // The latest acknowledged (version, checksum) of each session.
    let mut acked: HashMap<Uuid, (u64, String)> = HashMap::new();
    let mut partnership: Option<Uuid> = None;
    // Each lost edit counted once, however many cycles it stays lost.
    let mut lost: std::collections::HashSet<(Uuid, u64)> = std::collections::HashSet::new();

    for _ in 0..cycles(20) {
        counts.cycles += 1;
        let bystander = Bystander::start(&db);
        let writer = Writer::start(&spec);
        let seen = if rng.below(10) == 0 {
            // Sometimes while it is still opening (creating, migrating, recovering).
            std::thread::sleep(Duration::from_millis(rng.below(25)));
            Vec::new()
        } else {
            let seen = writer.ready();
            std::thread::sleep(Duration::from_micros(rng.below(40_000)));
            seen
        };
        let lines = writer.kill(seen);
        bystander.stop();
        for line in lines {
            let parts: Vec<&str> = line.split(' ').collect();
            match parts[..] {
                ["P", id] => {
                    partnership = Some(id.parse().unwrap());
                    counts.acknowledged += 1;
                }
                ["S", id, version, sum] => {
                    acked.insert(id.parse().unwrap(), (version.parse().unwrap(), sum.into()));
                    counts.acknowledged += 1;
                }
                _ => {}
            }
        }

        if integrity(&db) != "ok" {
            counts.integrity_failures += 1;
        }
        let store = match Store::open(&db) {
            Ok(store) => store,
            Err(e) => {
                eprintln!("cannot open after a kill: {e}");
                counts.open_failures += 1;
                continue;
            }
        };
        if let Some(pid) = partnership
            && store.get_partnership(pid).is_err()
            && lost.insert((pid, 0))
        {
            counts.lost += 1;
        }
        let all: Vec<Session> = store.export_journal().unwrap().sessions;
        let found: HashMap<Uuid, &Session> = all.iter().map(|s| (s.id, s)).collect();
        for s in &all {
            if verify_notes(&s.notes).is_none() {
                counts.torn += 1;
            }
        }
        for (id, (version, sum)) in &acked {
            let kept = found.get(id).and_then(|s| verify_notes(&s.notes));
            let ok = match kept {
                // The same edit, or a later one committed just before the kill.
                Some((v, s)) => (v == *version && s == *sum) || v > *version,
                None => false,
            };
            if !ok && lost.insert((*id, *version)) {
                counts.lost += 1;
            }
        }
    }
    println!(
        "crash-cycles edits: cycles={} acknowledged={} lost={} torn={} integrity_failures={} open_failures={} sessions={}",
        counts.cycles,
        counts.acknowledged,
        counts.lost,
        counts.torn,
        counts.integrity_failures,
        counts.open_failures,
        acked.len()
    );
    assert!(
        counts.acknowledged > 0,
        "the writer never acknowledged an edit"
    );
    assert_eq!(
        (
            counts.lost,
            counts.torn,
            counts.integrity_failures,
            counts.open_failures
        ),
        (0, 0, 0, 0),
        "{counts:?}"
    );
}

/// An export with one new partnership and [`IMPORT_SESSIONS`] sessions, all new ids.
fn import_file(rng: &mut Rng) -> (JournalFile, Uuid) {
    let mut source = Store::open_in_memory().unwrap();
    let p = source
        .create_partnership(&partnership_draft("Imported"))
        .unwrap();
    for i in 0..IMPORT_SESSIONS {
        let mut d = session_draft(&format!("Imported {i}"));
        d.notes = format!(
            "{i} {}",
            "Ελληνικά, кириллица, 中文. ".repeat(100 + rng.below(200) as usize)
        );
        source.create_session(p.id, &d).unwrap();
    }
    (source.export_journal().unwrap(), p.id)
}

#[test]
fn an_import_killed_at_any_moment_is_all_there_or_not_at_all() {
    let dir = tempfile::tempdir().unwrap();
    let template = dir.path().join("template.sqlite3");
    let db = dir.path().join("journal.sqlite3");
    let json = dir.path().join("import.json");
    let mut rng = Rng::seeded();
    // What was there before the import must stay, whatever happens to it.
    let mut store = Store::open(&template).unwrap();
    let mine = store
        .create_partnership(&partnership_draft("Mine"))
        .unwrap();
    let my_session = store
        .create_session(mine.id, &session_draft("Mine"))
        .unwrap();
    drop(store);

    let (mut all, mut none, mut partial, mut acked_but_missing, mut broken) = (0, 0, 0, 0, 0);
    let n = cycles(8);
    for _ in 0..n {
        // Each import goes into a fresh copy of the (closed, single-file) journal.
        for suffix in ["-wal", "-shm"] {
            let _ = std::fs::remove_file(dir.path().join(format!("journal.sqlite3{suffix}")));
        }
        std::fs::copy(&template, &db).unwrap();
        let (file, pid) = import_file(&mut rng);
        std::fs::write(&json, file.to_json().unwrap()).unwrap();
        let writer = Writer::start(&format!("import|{}|{}", db.display(), json.display()));
        let seen = writer.ready();
        std::thread::sleep(Duration::from_micros(rng.below(80_000)));
        let acked = writer.kill(seen).iter().any(|l| l == "IMPORTED");

        if integrity(&db) != "ok" {
            broken += 1;
        }
        let store = Store::open(&db).unwrap();
        let sessions = store.list_sessions(pid, u32::MAX, 0).map_or(0, |l| l.len());
        let has_partnership = store.get_partnership(pid).is_ok();
        match (has_partnership, sessions) {
            (true, IMPORT_SESSIONS) => all += 1,
            (false, 0) => {
                none += 1;
                if acked {
                    acked_but_missing += 1;
                }
            }
            _ => partial += 1,
        }
        // The journal's own data is untouched.
        if store.get_session(my_session.id).ok().map(|s| s.title) != Some("Mine".to_owned()) {
            partial += 1;
        }
    }
    println!(
        "crash-cycles import: cycles={n} all={all} none={none} partial={partial} acknowledged_but_missing={acked_but_missing} integrity_failures={broken}"
    );
    assert_eq!((partial, acked_but_missing, broken), (0, 0, 0));
    assert_eq!(all + none, n);
}

/// Bundles in the receive harness's sequence, and the partner's shared sessions in each.
const RECEIVE_BUNDLES: u64 = 6;
const RECEIVE_SESSIONS: usize = 40;

/// The receiving child: imports the bundles `dir/bundle-N.tandem` after the last one the
/// journal has, in order, printing `R N` once `Store::receive` returned (after its commit).
fn receive_bundles(db: &Path, rest: &str) {
    let (dir, pid) = rest.split_once('|').unwrap();
    let pid: Uuid = pid.parse().unwrap();
    let mut store = Store::open(db).unwrap();
    let last = store
        .exchange_link(pid)
        .unwrap()
        .map_or(0, |l| l.received_sequence);
    println!("READY");
    for n in last + 1..=RECEIVE_BUNDLES {
        let bytes = std::fs::read(Path::new(dir).join(format!("bundle-{n}.tandem"))).unwrap();
        store.receive(&bytes).unwrap();
        println!("R {n}");
    }
    println!("DONE");
    std::thread::sleep(Duration::from_secs(60));
}

/// The author's journal (in memory) and the receiver's (a file, closed, with records of
/// its own), paired; the author's bundles 1 to [`RECEIVE_BUNDLES`], each changing what the
/// one before shared (new, edited, withdrawn sessions, items, goals, the agreement).
fn receive_setup(dir: &Path, template: &Path, rng: &mut Rng) -> Uuid {
    use tandem_core::exchange::Armour;
    let mut author = Store::open_in_memory().unwrap();
    let pa = author
        .create_partnership(&partnership_draft("Henrik"))
        .unwrap()
        .id;
    let invite = author.invite(pa).unwrap();
    let mut receiver = Store::open(template).unwrap();
    let mine = receiver
        .create_partnership(&partnership_draft("Mine"))
        .unwrap();
    let mut d = session_draft("My own");
    d.visibility = Visibility::Shared;
    receiver.create_session(mine.id, &d).unwrap();
    let (first, report) = receiver.accept(&invite.text, None, Armour::Binary).unwrap();
    let pb = report.link.partnership_id;
    let mut d = session_draft("Mine, with my partner");
    d.visibility = Visibility::Shared;
    receiver.create_session(pb, &d).unwrap();
    drop(receiver);
    author.receive(&first).unwrap();

    let mut sessions: Vec<Uuid> = Vec::new();
    for n in 1..=RECEIVE_BUNDLES {
        // Grow to the full count, then withdraw and add a few each time.
        while sessions.len() < RECEIVE_SESSIONS {
            let mut d = session_draft(&format!("Partner {n}.{}", sessions.len()));
            d.visibility = Visibility::Shared;
            d.notes = bundle_notes(n, rng);
            d.topics = vec![format!("topic {}", rng.below(8))];
            let s = author.create_session(pa, &d).unwrap();
            let mut item = crate::action_draft(&format!("Item {n}"), None);
            item.owner = tandem_core::model::Owner::Partner;
            author.create_action_item(s.id, &item).unwrap();
            sessions.push(s.id);
        }
        for _ in 0..5 {
            let id = sessions[rng.below(sessions.len() as u64) as usize];
            let mut d = author.get_session(id).unwrap().draft();
            d.notes = bundle_notes(n, rng);
            d.title = format!("Edited in {n}");
            author.update_session(id, &d).unwrap();
        }
        for _ in 0..3 {
            let id = sessions.remove(rng.below(sessions.len() as u64) as usize);
            let mut d = author.get_session(id).unwrap().draft();
            d.visibility = Visibility::Private;
            author.update_session(id, &d).unwrap();
        }
        let mut p = author.get_partnership(pa).unwrap().draft();
        p.agreement.objectives = format!("Objectives of bundle {n}");
        author.update_partnership(pa, &p).unwrap();
        let (bundle, report) = author.share(pa, Armour::Binary).unwrap();
        assert_eq!(report.sequence, n);
        std::fs::write(dir.join(format!("bundle-{n}.tandem")), bundle).unwrap();
    }
    pb
}

/// Notes of a partner's session: a few kilobytes (a bundle of [`RECEIVE_SESSIONS`] is a
/// few hundred), so that a receive takes long enough to be killed in its middle.
fn bundle_notes(n: u64, rng: &mut Rng) -> String {
    let words = ["Zoë ", "λόγος ", "слово ", "中文 ", "🎉 ", "prompt "];
    let size = 1_000 + rng.below(4_000) as usize;
    let mut out = format!("bundle {n}: ");
    while out.len() < size {
        out.push_str(words[rng.below(words.len() as u64) as usize]);
    }
    out
}

fn fresh_copy(template: &Path, db: &Path) {
    for suffix in ["-wal", "-shm"] {
        let mut p = db.as_os_str().to_owned();
        p.push(suffix);
        let _ = std::fs::remove_file(p);
    }
    std::fs::copy(template, db).unwrap();
}

/// My own records, as an export has them.
fn own_records(store: &Store) -> serde_json::Value {
    let mut v = serde_json::to_value(store.export_journal().unwrap()).unwrap();
    v.as_object_mut().unwrap().remove("exported_at");
    v
}

#[test]
fn a_receive_killed_at_any_moment_leaves_the_previous_bundle_or_the_new_one() {
    let dir = tempfile::tempdir().unwrap();
    let template = dir.path().join("template.sqlite3");
    let db = dir.path().join("journal.sqlite3");
    let mut rng = Rng::seeded();
    let started = Instant::now();
    let pb = receive_setup(dir.path(), &template, &mut rng);
    let setup = started.elapsed();

    // What the partner content must be after each bundle: received one by one in a copy.
    let reference = dir.path().join("reference.sqlite3");
    fresh_copy(&template, &reference);
    let (expected, mine) = {
        let mut store = Store::open(&reference).unwrap();
        let mut expected = vec![None];
        for n in 1..=RECEIVE_BUNDLES {
            let bytes = std::fs::read(dir.path().join(format!("bundle-{n}.tandem"))).unwrap();
            store.receive(&bytes).unwrap();
            expected.push(store.partner_content(pb).unwrap());
        }
        (expected, own_records(&store))
    };
    let per_bundle = (started.elapsed() - setup) / RECEIVE_BUNDLES as u32;
    assert_eq!(
        own_records(&Store::open(&template).unwrap()),
        mine,
        "receiving changes none of my records"
    );

    let spec = format!("receive|{}|{}|{pb}", db.display(), dir.path().display());
    let n = cycles(8);
    let (mut state, mut resets) = (0u64, 0usize);
    let (mut mid, mut lost, mut partial, mut changed_mine, mut broken, mut open_failures) =
        (0, 0, 0, 0, 0, 0);
    let mut acknowledged = 0usize;
    fresh_copy(&template, &db);
    for _ in 0..n {
        if state == RECEIVE_BUNDLES {
            fresh_copy(&template, &db);
            state = 0;
            resets += 1;
        }
        let bystander = Bystander::start(&db);
        let writer = Writer::start(&spec);
        let seen = writer.ready();
        // Up to about two bundles' worth of receiving (a receive takes `per_bundle`).
        let window = (2 * per_bundle.as_micros() as u64).clamp(20_000, 500_000);
        std::thread::sleep(Duration::from_micros(rng.below(window)));
        let lines = writer.kill(seen);
        bystander.stop();
        let acked = lines
            .iter()
            .filter_map(|l| l.strip_prefix("R ").and_then(|n| n.parse::<u64>().ok()))
            .max();
        acknowledged += lines.iter().filter(|l| l.starts_with("R ")).count();
        let floor = acked.unwrap_or(state);

        if integrity(&db) != "ok" {
            broken += 1;
        }
        let store = match Store::open(&db) {
            Ok(store) => store,
            Err(e) => {
                eprintln!("cannot open after a kill: {e}");
                open_failures += 1;
                break;
            }
        };
        let content = store.partner_content(pb).unwrap();
        let received = store
            .exchange_link(pb)
            .unwrap()
            .map_or(0, |l| l.received_sequence);
        // Exactly one bundle's content, the one the link says it has: never a mix.
        match expected.iter().position(|e| *e == content) {
            Some(at) if at as u64 == received => {
                if received < floor {
                    lost += 1;
                } else if received > floor + 1 {
                    partial += 1;
                } else if received == floor + 1 {
                    // Committed, killed before it said so.
                    mid += 1;
                }
                state = received;
            }
            _ => {
                eprintln!("after a kill: content of no bundle, or not the link's ({received})");
                partial += 1;
                state = RECEIVE_BUNDLES;
            }
        }
        // The search index holds exactly that content too (its rows go in the same
        // transaction, by triggers).
        let indexed: i64 = Connection::open(&db)
            .unwrap()
            .query_row(
                "SELECT count(*) FROM search_doc WHERE link_id IS NOT NULL",
                [],
                |r| r.get(0),
            )
            .unwrap();
        let records = content.as_ref().map_or(0, |p| {
            p.sessions
                .iter()
                .map(|s| 1 + s.action_items.len())
                .sum::<usize>()
                + p.goals
                    .iter()
                    .map(|g| 1 + g.milestones.len())
                    .sum::<usize>()
                + p.swot_snapshots
                    .iter()
                    .map(|s| s.items.len())
                    .sum::<usize>()
        });
        if indexed != records as i64 {
            eprintln!("after a kill: {indexed} partner rows in search for {records} records");
            partial += 1;
        }
        if own_records(&store) != mine {
            changed_mine += 1;
        }
    }
    println!(
        "crash-cycles receive: setup {setup:?}, a receive {per_bundle:?}, bundles of {} bytes",
        std::fs::metadata(dir.path().join("bundle-1.tandem")).map_or(0, |m| m.len())
    );
    println!(
        "crash-cycles receive: cycles={n} acknowledged={acknowledged} committed_unacknowledged={mid} \
         resets={resets} lost={lost} partial={partial} own_changed={changed_mine} \
         integrity_failures={broken} open_failures={open_failures}"
    );
    assert!(
        acknowledged > 0 || n < 4,
        "the receiver never finished a bundle"
    );
    assert_eq!(
        (lost, partial, changed_mine, broken, open_failures),
        (0, 0, 0, 0, 0)
    );
}
