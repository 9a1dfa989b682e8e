//! Times Tandem's core inside one process, as the app runs it (no process start, no window
//! libraries). Prints JSON. Used by `bench/app.py`.
//!
//! - `tandem-bench-inproc report DB PARTNERSHIP_ID OUT RUNS`: opens the journal, then writes
//!   the partnership's progress PDF (private notes included) RUNS + 1 times:
//!   `{"open_ms": …, "first_ms": …, "runs_ms": […]}`. The first write also parses the fonts
//!   (once per process, as in the app); the others are what every later export costs.
//! - `tandem-bench-inproc queries DB RUNS`: the median time of each query behind the first
//!   screen, paging and search, on the partnership with the most sessions:
//!   `{"open_ms": …, "deferred_open_ms": …, "check_ms": …, "sessions": N,
//!   "queries": {"name": ms, …}}`: `open_ms` is `Store::open` (with the whole-file
//!   integrity check), `deferred_open_ms` the app's `Store::open_deferring_check`, and
//!   `check_ms` the check it runs later.
#![forbid(unsafe_code)]

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use tandem_core::Store;
use tandem_core::report::{ReportOptions, write};

type Res<T> = Result<T, Box<dyn std::error::Error>>;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["report", db, id, out, runs] => report(Path::new(db), id, Path::new(out), runs),
        ["queries", db, runs] => queries(Path::new(db), runs),
        _ => Err(
            "usage: tandem-bench-inproc report DB PARTNERSHIP_ID OUT RUNS | queries DB RUNS".into(),
        ),
    };
    match result {
        Ok(json) => {
            println!("{json}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("tandem-bench-inproc: {e}");
            ExitCode::FAILURE
        }
    }
}

fn open(db: &Path) -> Res<(Store, f64)> {
    let t = Instant::now();
    let store = Store::open(&PathBuf::from(db))?;
    Ok((store, ms(t)))
}

fn report(db: &Path, id: &str, out: &Path, runs: &str) -> Res<String> {
    let runs: usize = runs.parse()?;
    let (store, open_ms) = open(db)?;
    let options = ReportOptions {
        partnership_id: id.parse()?,
        from: None,
        to: None,
        include_private: true,
        include_partner: false,
    };
    let today = chrono::Local::now().date_naive();
    let mut times = Vec::with_capacity(runs + 1);
    for _ in 0..=runs {
        let t = Instant::now();
        write(&store, &options, today, out, &mut |_| {})?;
        times.push(ms(t));
    }
    let first = times.remove(0);
    Ok(serde_json::json!({ "open_ms": open_ms, "first_ms": first, "runs_ms": times }).to_string())
}

fn queries(db: &Path, runs: &str) -> Res<String> {
    let runs: usize = runs.parse()?;
    let (store, open_ms) = open(db)?;
    drop(store);
    let t = Instant::now();
    let store = Store::open_deferring_check(&PathBuf::from(db))?;
    let deferred_open_ms = ms(t);
    let t = Instant::now();
    if let Some(check) = store.integrity_check() {
        check.run()?;
    }
    let check_ms = ms(t);
    let overviews = store.list_partnerships()?;
    let biggest = overviews
        .iter()
        .max_by_key(|o| o.session_count)
        .ok_or("the journal has no partnership")?;
    let id = biggest.partnership.id;
    let deep = biggest.session_count.saturating_sub(100);
    let today = chrono::Local::now().date_naive();
    let mut out = serde_json::Map::new();
    let mut time = |name: &str, f: &mut dyn FnMut() -> tandem_core::Result<usize>| -> Res<()> {
        let mut times = Vec::with_capacity(runs);
        let mut rows = 0;
        for _ in 0..runs {
            let t = Instant::now();
            rows = f()?;
            times.push(ms(t));
        }
        times.sort_by(f64::total_cmp);
        let median = times.get(times.len() / 2).copied().unwrap_or(f64::NAN);
        out.insert(
            name.into(),
            serde_json::json!({ "ms": median, "rows": rows }),
        );
        Ok(())
    };
    time("list_partnerships", &mut || {
        Ok(store.list_partnerships()?.len())
    })?;
    time("get_partnership", &mut || {
        store.get_partnership(id).map(|_| 1)
    })?;
    // The session list's pages, as the windowed list asks for them (100 at a time).
    time("session_page (first 100)", &mut || {
        Ok(store.session_page(id, 100, 0)?.sessions.len())
    })?;
    time(
        &format!("session_page (100 from {deep}, the last)"),
        &mut || Ok(store.session_page(id, 100, deep)?.sessions.len()),
    )?;
    // What the shell reads while the window starts (the list and the first dashboard).
    time("first_screen", &mut || {
        let journal = tandem_core::model::JournalInfo {
            path: String::new(),
            error: None,
        };
        Ok(store.first_screen(journal, today)?.partnerships.len())
    })?;
    time("list_trash", &mut || Ok(store.list_trash()?.len()))?;
    time("dashboard", &mut || store.dashboard(id, today).map(|_| 1))?;
    time("list_goals", &mut || Ok(store.list_goals(id, today)?.len()))?;
    time("open_action_items", &mut || {
        Ok(store.open_action_items(id, today)?.len())
    })?;
    time("list_topics", &mut || Ok(store.list_topics()?.len()))?;
    for words in ["feedback", "deleg", "stakeholder map"] {
        time(&format!("search \"{words}\" (30)"), &mut || {
            Ok(store.search(words, 30)?.len())
        })?;
    }
    Ok(serde_json::json!({
        "open_ms": open_ms,
        "deferred_open_ms": deferred_open_ms,
        "check_ms": check_ms,
        "sessions": biggest.session_count,
        "queries": out,
    })
    .to_string())
}

fn ms(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1000.0
}
