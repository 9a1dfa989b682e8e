//! The SQLite store: the only place in Tandem where SQL is written. One module per
//! aggregate (`partnerships`, `sessions`, `topics`, `actions`, `goals`, `swot`) owns its
//! tables' SQL and row mapping; `trash`, `search` and `dashboard` read across them; this
//! module owns opening a file safely, the connection settings and the migrations.
//!
//! Every write is one `IMMEDIATE` transaction; a method returns only after its commit, so
//! whatever the UI is told was saved is on disk (WAL with `synchronous=FULL`).

mod actions;
mod backup;
mod dashboard;
mod exchange;
mod files;
mod goals;
mod import;
mod lock;
mod merge;
mod migrations;
mod partner;
mod partnerships;
mod search;
mod sessions;
mod swot;
mod topics;
mod trash;

use std::fs::OpenOptions;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use rusqlite::{Connection, OpenFlags, OptionalExtension, Transaction, TransactionBehavior};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::error::{Error, Result};

pub use backup::{BackupInfo, KEEP_BACKUPS, RestoreReport, backups_dir, list_backups, restore};
pub use exchange::read_invite_file;
pub use lock::JournalLock;
pub use migrations::{SCHEMA_VERSION, migrate_to};

/// `PRAGMA application_id` of a Tandem journal ("TAND").
const APPLICATION_ID: i64 = 0x5441_4E44;

pub struct Store {
    conn: Connection,
    /// Marks the file as open through SQLite in this process (see `files.rs`); declared
    /// after `conn`, so it is dropped after the connection is closed.
    _live: Option<files::LiveFile>,
    path: Option<PathBuf>,
    /// Set when the open deferred the whole-file integrity check: writes wait for it.
    pending_check: Option<Arc<IntegrityCheck>>,
    /// Opened with [`Store::open_read_only`]: every write is refused.
    read_only: bool,
    /// The hold a writing command keeps on the journal ([`Store::open_for_command`]).
    _lock: Option<JournalLock>,
}

/// The integrity check (`PRAGMA quick_check`, on its own read-only connection) that
/// [`Store::open_deferring_check`] left for later. It runs once, on whichever thread asks
/// first ([`IntegrityCheck::run`]); later callers wait for it and get the same answer.
pub struct IntegrityCheck {
    path: PathBuf,
    /// `None` until it has run; then whether the journal is damaged, or what went wrong.
    outcome: Mutex<Option<std::result::Result<(), CheckFailure>>>,
}

#[derive(Debug, Clone)]
enum CheckFailure {
    Damaged,
    NotAJournal,
    /// The file could not be read (its message).
    Unreadable(String),
}

impl IntegrityCheck {
    /// Runs the check (or waits for the run under way) and says whether the journal is
    /// sound: `journal_damaged` when it is not.
    pub fn run(&self) -> Result<()> {
        let mut outcome = self.outcome.lock().unwrap_or_else(PoisonError::into_inner);
        let done = outcome.get_or_insert_with(|| {
            backup::check_pages(&self.path).map_err(|e| match e {
                Error::Damaged { .. } => CheckFailure::Damaged,
                Error::NotAJournal { .. } => CheckFailure::NotAJournal,
                other => CheckFailure::Unreadable(other.to_string()),
            })
        });
        let path = &self.path;
        match done {
            Ok(()) => Ok(()),
            Err(CheckFailure::Damaged) => Err(backup::damaged(path)),
            Err(CheckFailure::NotAJournal) => Err(Error::NotAJournal {
                path: path.display().to_string(),
            }),
            Err(CheckFailure::Unreadable(message)) => {
                Err(Error::io(path, std::io::Error::other(message.clone())))
            }
        }
    }
}

impl Store {
    /// Opens the journal at `path`, creating it (and its folder) if it does not exist.
    /// A new file is readable by its owner only. A file that is not a Tandem journal, was
    /// written by a newer Tandem, or fails `PRAGMA quick_check` (damaged) is refused before
    /// anything is written to it; one from an earlier schema is backed up, then migrated.
    pub fn open(path: &Path) -> Result<Store> {
        Self::open_file(path, false)
    }

    /// Like [`Store::open`], but a journal of the current schema opens without first
    /// reading the whole file for `PRAGMA quick_check` (about 0.4 s for 10,000 sessions),
    /// so a window can show it at once. Reads work straight away; the check is owed: it
    /// runs when [`Store::integrity_check`]'s [`IntegrityCheck::run`] is called or before
    /// the first write, and a damaged journal is still never written to.
    pub fn open_deferring_check(path: &Path) -> Result<Store> {
        Self::open_file(path, true)
    }

    /// Marks the journal as written by a Tandem whose schema is `version` (only for the
    /// scratch journals of `crate::scratch`: a journal "from a newer Tandem").
    pub(crate) fn set_schema_version_for_tests(self, version: i64) -> Result<()> {
        self.conn
            .pragma_update(None, "user_version", version)
            .map_err(Error::from)
    }

    /// [`Store::open`] for a command that writes (the command line): it first takes the
    /// journal's [`JournalLock`] and keeps it until the store is dropped, so it is refused
    /// with `journal_in_use` while the window has the journal open.
    pub fn open_for_command(path: &Path) -> Result<Store> {
        let lock = JournalLock::for_command(path)?;
        let mut store = Self::open(path)?;
        store._lock = Some(lock);
        Ok(store)
    }

    /// Opens the journal at `path` for reading only, alongside a window or anything else
    /// that has it open: the connection is read-only, so nothing this store does can change
    /// the file. The header, application id and schema are checked (a foreign, newer or
    /// unreadable file is refused as by [`Store::open`]); the whole-file check is left to
    /// writers, backups and the window, and damage a read runs into is reported as such.
    ///
    /// `None` when the journal cannot be read without writing to it first: it does not
    /// exist yet, is empty, or has an earlier schema that opening must migrate.
    pub fn open_read_only(path: &Path) -> Result<Option<Store>> {
        match std::fs::metadata(path) {
            Ok(meta) if meta.len() > 0 => {}
            Ok(_) => return Ok(None),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(Error::io(path, e)),
        }
        // The connection that looked is the one kept: read-only, checkpoint-on-close off.
        let (conn, facts) = backup::look(path)?;
        if facts.version < SCHEMA_VERSION {
            return Ok(None);
        }
        let (conn, live) = conn.into_parts();
        conn.execute_batch("PRAGMA foreign_keys = ON;")?;
        Ok(Some(Store {
            conn,
            _live: Some(live),
            path: Some(path.to_owned()),
            pending_check: None,
            read_only: true,
            _lock: None,
        }))
    }

    fn open_file(path: &Path, defer_check: bool) -> Result<Store> {
        prepare_file(path)?;
        let deferred = backup::check_before_open(path, defer_check)?;
        let live = files::LiveFile::register(path);
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        let not_a_journal = || Error::NotAJournal {
            path: path.display().to_string(),
        };
        let mut store = Self::init(conn, Some(path.to_owned())).map_err(|e| match e.code() {
            "not_a_journal" => not_a_journal(),
            "journal_damaged" => backup::damaged(path),
            _ => e,
        })?;
        store._live = Some(live);
        if deferred {
            store.pending_check = Some(Arc::new(IntegrityCheck {
                path: path.to_owned(),
                outcome: Mutex::new(None),
            }));
        }
        Ok(store)
    }

    /// The integrity check this store still owes (see [`Store::open_deferring_check`]),
    /// to run off the thread that holds the store; `None` once it has passed, or when
    /// the journal was checked as it opened.
    pub fn integrity_check(&self) -> Option<Arc<IntegrityCheck>> {
        self.pending_check.clone()
    }

    /// A journal that lives in memory only (tests, benchmarks).
    pub fn open_in_memory() -> Result<Store> {
        Self::init(Connection::open_in_memory()?, None)
    }

    fn init(conn: Connection, path: Option<PathBuf>) -> Result<Store> {
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        // Read-only checks first: a file we must refuse is never written to.
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        let app_id: i64 = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
        if version > SCHEMA_VERSION {
            return Err(Error::TooNew {
                found: version,
                known: SCHEMA_VERSION,
            });
        }
        if version < 0 || (app_id != 0 && app_id != APPLICATION_ID) {
            return Err(Error::NotAJournal {
                path: path
                    .as_ref()
                    .map_or_else(|| ":memory:".into(), |p| p.display().to_string()),
            });
        }
        let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
        if path.is_some() && !mode.eq_ignore_ascii_case("wal") {
            return Err(Error::invalid(
                "journal_mode",
                format!("The journal could not switch to WAL mode (got {mode})."),
            ));
        }
        conn.execute_batch("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;")?;
        let mut store = Store {
            conn,
            _live: None,
            path,
            pending_check: None,
            read_only: false,
            _lock: None,
        };
        migrations::migrate(&mut store.conn)?;
        Ok(store)
    }

    /// Where the journal lives (`None` for an in-memory journal).
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The schema version of the open journal.
    pub fn schema_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    fn write(&mut self) -> Result<Transaction<'_>> {
        if self.read_only {
            return Err(Error::invalid(
                "journal",
                "This journal was opened for reading only, so nothing was changed.",
            ));
        }
        if let Some(check) = &self.pending_check {
            check.run()?;
            self.pending_check = None;
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        // The revision stamps the schema's triggers set name this computer.
        tx.prepare_cached("UPDATE clock SET device = ?1 WHERE device <> ?1")?
            .execute([crate::paths::device_id()])?;
        Ok(tx)
    }

    /// The journal's own id: made on first asking and kept in the file, so a copy or a
    /// restored backup is the same journal (its computer is not: `paths::device_id`).
    pub fn journal_id(&mut self) -> Result<uuid::Uuid> {
        const READ: &str = "SELECT value FROM journal_meta WHERE key = 'journal_id'";
        let read = |conn: &Connection| -> Result<Option<uuid::Uuid>> {
            let text: Option<String> = conn.query_row(READ, [], |r| r.get(0)).optional()?;
            text.map(|t| {
                t.parse().map_err(|_| {
                    Error::invalid("journal_id", format!("The journal's id “{t}” is damaged."))
                })
            })
            .transpose()
        };
        if let Some(id) = read(&self.conn)? {
            return Ok(id);
        }
        let tx = self.write()?;
        tx.execute(
            "INSERT OR IGNORE INTO journal_meta (key, value) VALUES ('journal_id', ?1)",
            [uuid::Uuid::new_v4().to_string()],
        )?;
        let id = read(&tx)?;
        tx.commit()?;
        id.ok_or_else(|| Error::invalid("journal_id", "The journal's id could not be kept."))
    }
}

/// Creates a missing journal file (and its folder) with owner-only permissions, and checks
/// that an existing one at least starts like a SQLite database. The header is read with a
/// plain file handle only when this process has no connection to the file (`files.rs`);
/// one it has open was read as a journal already.
fn prepare_file(path: &Path) -> Result<()> {
    const HEADER: &[u8; 16] = b"SQLite format 3\0";
    match std::fs::metadata(path) {
        Ok(_) => match files::read_header::<16>(path) {
            // An empty file is a journal not yet written to; anything else must be SQLite.
            Ok((n, head)) if n != 0 && (n < 16 || &head != HEADER) => Err(Error::NotAJournal {
                path: path.display().to_string(),
            }),
            Ok(_) | Err(files::NoHeader::Live) => Ok(()),
            // What cannot be read here, SQLite reports on opening it.
            Err(files::NoHeader::Unreadable) => Ok(()),
        },
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                create_private_dir(dir).map_err(|e| Error::io(dir, e))?;
            }
            // `create_new` never opens a file that exists: no descriptor of a live one.
            let mut options = OpenOptions::new();
            options.write(true).create_new(true);
            #[cfg(unix)]
            std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
            options.open(path).map(drop).map_err(|e| Error::io(path, e))
        }
        Err(e) => Err(Error::io(path, e)),
    }
}

fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)
}

/// `INSERT ... ON CONFLICT (id) DO UPDATE` over `columns` (the first being `id`). Not
/// `INSERT OR REPLACE`: that deletes the old row first, which would cascade to its children.
fn upsert_sql(table: &str, columns: &str) -> String {
    let names: Vec<&str> = columns.split(',').map(str::trim).collect();
    let params: Vec<String> = (1..=names.len()).map(|i| format!("?{i}")).collect();
    let set: Vec<String> = names[1..]
        .iter()
        .map(|c| format!("{c} = excluded.{c}"))
        .collect();
    format!(
        "INSERT INTO {table} ({}) VALUES ({}) ON CONFLICT (id) DO UPDATE SET {}",
        names.join(", "),
        params.join(", "),
        set.join(", ")
    )
}

/// Enums are stored as the same snake_case text the JSON export uses.
fn enum_text<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        other => unreachable!("domain enums serialise to strings, got {other:?}"),
    }
}

/// Reads a text column through `parse`; a value that does not parse is reported as a
/// conversion failure naming the column (a damaged or hand-edited file).
fn parse_col<T>(
    row: &rusqlite::Row<'_>,
    idx: usize,
    parse: impl FnOnce(&str) -> Option<T>,
) -> rusqlite::Result<T> {
    let text: String = row.get(idx)?;
    parse(&text).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            idx,
            rusqlite::types::Type::Text,
            format!("unexpected value {text:?}").into(),
        )
    })
}

/// Like [`parse_col`], for a column that may be NULL.
fn parse_opt<T>(
    row: &rusqlite::Row<'_>,
    idx: usize,
    parse: impl FnOnce(&str) -> Option<T>,
) -> rusqlite::Result<Option<T>> {
    match row.get_ref(idx)? {
        rusqlite::types::ValueRef::Null => Ok(None),
        _ => parse_col(row, idx, parse).map(Some),
    }
}

fn parse_enum<T: DeserializeOwned>(s: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(s.to_owned())).ok()
}

fn parse_uuid(s: &str) -> Option<uuid::Uuid> {
    uuid::Uuid::parse_str(s).ok()
}
