//! Journals in a known state, made on demand for the development server's scratch mode
//! (`tandem serve --dev --scratch`), which the UI's component tests run on: each test gets
//! a fresh file, and the states a window must cope with (damaged, from a newer Tandem, not
//! a journal at all, one that fails its deferred check) are made the way they happen, so
//! the UI is shown what the core really says about them.

use std::path::Path;

use serde::Deserialize;

use crate::error::{Error, Result};
use crate::store::Store;

/// The state a scratch journal starts in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ScratchKind {
    /// No file yet: the journal is made when it opens.
    #[default]
    Empty,
    /// The sample journal, with one backup.
    Sample,
    /// The sample journal with its header garbled (after a backup was made): it does not open.
    Damaged,
    /// 150 sessions and a backup, then garbage over the search index's root page: it
    /// opens (the check is deferred), its first screen reads, and the check finds the damage.
    FailsCheck,
    /// A journal whose schema is newer than this Tandem knows.
    TooNew,
    /// A text file where the journal should be.
    NotAJournal,
}

/// Makes the file at `path` (which must not exist yet) in the state `kind`. The journal is
/// closed again before this returns: the caller opens it as a window would.
pub fn make(path: &Path, kind: ScratchKind, today: chrono::NaiveDate) -> Result<()> {
    let io = |source| Error::Io {
        path: path.display().to_string(),
        source,
    };
    match kind {
        ScratchKind::Empty => {}
        ScratchKind::Sample => {
            let mut store = Store::open(path)?;
            store.load_sample(today)?;
            store.backup()?;
        }
        ScratchKind::Damaged => {
            let mut store = Store::open(path)?;
            store.load_sample(today)?;
            store.backup()?;
            drop(store);
            garble(path, |b| b[16..24].fill(0xEE)).map_err(io)?;
        }
        ScratchKind::FailsCheck => {
            let mut store = Store::open(path)?;
            crate::demo::generate(&mut store, 150, 1, today)?;
            store.backup()?;
            drop(store);
            // The damage goes where the first screen never reads (the search index's
            // root page), so that the journal opens and only the check finds it: garbage
            // over "the middle pages" hit the lists' own pages as often as not.
            let (page, size) = search_index_root(path)?;
            garble(path, |b| {
                let start = (page - 1) * size;
                if let Some(bytes) = b.get_mut(start..start + size) {
                    bytes.fill(0xA5);
                }
            })
            .map_err(io)?;
        }
        ScratchKind::TooNew => {
            Store::open(path)?.set_schema_version_for_tests(crate::SCHEMA_VERSION + 100)?;
        }
        ScratchKind::NotAJournal => std::fs::write(path, "not a journal\n").map_err(io)?,
    }
    Ok(())
}

/// The page number and page size of the search index's root page, read through SQLite.
fn search_index_root(path: &Path) -> Result<(usize, usize)> {
    let conn =
        rusqlite::Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    let page: i64 = conn.query_row(
        "SELECT rootpage FROM sqlite_schema WHERE name = 'search_fts_data'",
        [],
        |r| r.get(0),
    )?;
    let size: i64 = conn.query_row("PRAGMA page_size", [], |r| r.get(0))?;
    drop(conn);
    let whole = |n: i64| usize::try_from(n).ok().filter(|&n| n > 0);
    whole(page)
        .zip(whole(size))
        .ok_or_else(|| Error::invalid("scratch", "the scratch journal has no search index"))
}

/// Rewrites the closed journal at `path` with `damage` done to its bytes.
fn garble(path: &Path, damage: impl FnOnce(&mut Vec<u8>)) -> std::io::Result<()> {
    let mut bytes = std::fs::read(path)?;
    damage(&mut bytes);
    std::fs::write(path, &bytes)
}
