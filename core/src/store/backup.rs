//! Backups of the journal, the checks a file passes before Tandem opens (or restores) it,
//! and restoring a backup.
//!
//! A backup is a consistent copy made through SQLite's online backup API from an open
//! connection, never a copy of the live file (which could catch a write half-way). It is
//! written beside its final name, checked with `quick_check`, synced and only then given
//! its name, so a backup that exists is whole. Backups live in `backups/` beside the journal
//! (folder 0700, files 0600), named `<journal stem>-<UTC time>.sqlite3` (for example
//! `journal-20261123T151200Z.sqlite3`) so that their names sort by age; the newest
//! [`KEEP_BACKUPS`] are kept. A backup is a plain single-file SQLite database (rollback
//! journal, no `-wal`), so it can be opened read-only without anything appearing beside it.
//!
//! Architecture invariant: a file that is refused (damaged, foreign, newer) is only ever
//! opened read-only, with checkpoint-on-close off, so Tandem never writes to it.

use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, NaiveDateTime, TimeDelta, Utc};
use rusqlite::backup::{Backup, StepResult};
use rusqlite::config::DbConfig;
use rusqlite::{Connection, OpenFlags};
use serde::Serialize;
use ts_rs::TS;

use super::files::{self, FileConnection, NoHeader};
use super::{APPLICATION_ID, SCHEMA_VERSION, Store, create_private_dir};
use crate::error::{Error, Result};
use crate::time;

/// How many backups are kept beside a journal (the newest ones).
pub const KEEP_BACKUPS: usize = 10;
/// The folder, beside the journal, that holds its backups.
pub const BACKUPS_DIR: &str = "backups";
/// The UTC time in a backup's name: sortable, and valid in a file name everywhere.
const STAMP: &str = "%Y%m%dT%H%M%SZ";
const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// One backup in the backups folder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct BackupInfo {
    pub path: String,
    /// When the backup was made (from its name, to the second).
    pub created_at: DateTime<Utc>,
    #[ts(type = "number")]
    pub size_bytes: u64,
}

/// What [`restore`] did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RestoreReport {
    /// The journal that now holds the backup's content.
    pub journal: String,
    /// The backup that was restored.
    pub restored_from: String,
    /// Where the journal as it was before the restore was kept (`None` when there was no
    /// journal, or it was empty).
    pub previous_saved_to: Option<String>,
    /// The previous journal was damaged, so it was moved aside byte for byte rather than
    /// backed up (it is not listed among the backups).
    pub previous_was_damaged: bool,
}

/// The backups folder of the journal at `journal`.
pub fn backups_dir(journal: &Path) -> PathBuf {
    match journal.parent() {
        Some(dir) => dir.join(BACKUPS_DIR),
        None => PathBuf::from(BACKUPS_DIR),
    }
}

/// The backups of the journal at `journal`, newest first. A missing folder means none.
pub fn list_backups(journal: &Path) -> Result<Vec<BackupInfo>> {
    let dir = backups_dir(journal);
    let entries = match std::fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(Error::io(&dir, e)),
    };
    let stem = stem(journal);
    let mut found = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| Error::io(&dir, e))?;
        let name = entry.file_name();
        let Some(key) = name.to_str().and_then(|n| parse_name(&stem, n)) else {
            continue;
        };
        let Ok(meta) = entry.metadata() else { continue };
        if !meta.is_file() {
            continue;
        }
        found.push((
            key,
            BackupInfo {
                path: entry.path().display().to_string(),
                created_at: key.0,
                size_bytes: meta.len(),
            },
        ));
    }
    found.sort_by_key(|(key, _)| std::cmp::Reverse(*key));
    Ok(found.into_iter().map(|(_, info)| info).collect())
}

impl Store {
    /// Writes a consistent copy of the journal to `dest` (replacing a file there, but never
    /// the journal itself). The copy is private to its owner.
    pub fn backup_to(&self, dest: &Path) -> Result<BackupInfo> {
        if let Some(journal) = &self.path
            && is_journal_or_companion(journal, dest)
        {
            return Err(Error::invalid(
                "backup",
                format!(
                    "{} is the journal itself; choose another file for the backup.",
                    dest.display()
                ),
            ));
        }
        let tmp = write_partial(&self.conn, self.label(), dest)?;
        std::fs::rename(&tmp, dest).map_err(|e| {
            let _ = std::fs::remove_file(&tmp);
            Error::io(dest, e)
        })?;
        sync_dir(dest);
        info_of(dest, time::now())
    }

    /// Makes a backup now in the backups folder beside the journal, and keeps only the
    /// newest [`KEEP_BACKUPS`].
    pub fn backup(&self) -> Result<BackupInfo> {
        let journal = self.path.as_deref().ok_or_else(in_memory)?;
        backup_into_folder(&self.conn, journal, time::now())
    }

    /// Makes a backup in the backups folder when the newest one is a day old or more (or
    /// lies in the future: the clock was changed), and the journal holds anything.
    /// Returns the backup made, if one was. Meant to be called when the app starts.
    pub fn auto_backup(&self, now: DateTime<Utc>) -> Result<Option<BackupInfo>> {
        let Some(journal) = self.path.as_deref() else {
            return Ok(None);
        };
        let has_data: bool =
            self.conn
                .query_row("SELECT EXISTS (SELECT 1 FROM partnership)", [], |r| {
                    r.get(0)
                })?;
        if !has_data {
            return Ok(None);
        }
        if let Some(newest) = list_backups(journal)?.first() {
            let age = now.signed_duration_since(newest.created_at);
            if age >= TimeDelta::zero() && age < TimeDelta::days(1) {
                return Ok(None);
            }
        }
        backup_into_folder(&self.conn, journal, now).map(Some)
    }

    /// The backups of this journal, newest first (none for a journal in memory).
    pub fn list_backups(&self) -> Result<Vec<BackupInfo>> {
        match &self.path {
            Some(journal) => list_backups(journal),
            None => Ok(Vec::new()),
        }
    }

    /// The newest backup of the journal at `journal` that passes the checks a restore makes
    /// (a Tandem journal, undamaged, not from a newer Tandem): what to offer when the
    /// journal itself cannot be opened.
    pub fn newest_good_backup(journal: &Path) -> Result<Option<BackupInfo>> {
        for info in list_backups(journal)? {
            if check_backup(Path::new(&info.path)).is_ok() {
                return Ok(Some(info));
            }
        }
        Ok(None)
    }

    fn label(&self) -> &Path {
        self.path.as_deref().unwrap_or(Path::new(":memory:"))
    }
}

fn in_memory() -> Error {
    Error::invalid(
        "backup",
        "This journal lives in memory only, so it has no backups folder.",
    )
}

/// Replaces the journal at `journal` with the backup at `backup`.
///
/// The backup is checked first (a Tandem journal, undamaged, not newer than this Tandem)
/// and copied aside; nothing is changed if it fails. Then the journal as it is gets saved:
/// backed up into the backups folder when it is healthy, or moved there unchanged (as
/// `<stem>-<time>.damaged.sqlite3`) when it is damaged. A healthy journal is replaced
/// through the backup API in one transaction, so a window that has it open sees the
/// restored content and a crash leaves one or the other; a damaged or missing one is
/// replaced by an atomic rename. Finally the journal is opened, which migrates a backup
/// from an earlier schema.
pub fn restore(journal: &Path, backup: &Path) -> Result<RestoreReport> {
    if is_journal_or_companion(journal, backup) {
        return Err(Error::invalid(
            "backup",
            format!(
                "{} is the journal itself; choose a backup to restore.",
                backup.display()
            ),
        ));
    }
    let (source, _) = check_backup(backup)?;
    if let Some(dir) = journal.parent().filter(|d| !d.as_os_str().is_empty()) {
        create_private_dir(dir).map_err(|e| Error::io(dir, e))?;
    }
    // The backup is copied beside the journal before anything else: the copy is what gets
    // restored, so rotating the backups folder below cannot take it away.
    let staging = sibling(journal, ".restoring");
    let staged = write_partial(&source, backup, &staging)?;
    drop(source);
    let result = restore_staged(journal, backup, &staged);
    let _ = std::fs::remove_file(&staged);
    result
}

fn restore_staged(journal: &Path, backup: &Path, staged: &Path) -> Result<RestoreReport> {
    let now = time::now();
    let mut report = RestoreReport {
        journal: journal.display().to_string(),
        restored_from: backup.display().to_string(),
        previous_saved_to: None,
        previous_was_damaged: false,
    };
    let len = match std::fs::metadata(journal) {
        Ok(meta) => meta.len(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => 0,
        Err(e) => return Err(Error::io(journal, e)),
    };
    if len == 0 {
        replace_by_rename(journal, staged)?;
    } else {
        match inspect(journal) {
            Ok((conn, facts)) => {
                // A journal from a newer Tandem is still ours to replace when asked to.
                match facts.check(journal) {
                    Ok(()) | Err(Error::TooNew { .. }) => {}
                    Err(e) => return Err(refuse_to_replace(journal, e)),
                }
                let saved = backup_into_folder(&conn, journal, now)?;
                drop(conn);
                report.previous_saved_to = Some(saved.path);
                replace_live(journal, staged)?;
            }
            Err(Error::Damaged { .. }) => {
                let aside = move_aside_damaged(journal, now)?;
                report.previous_saved_to = Some(aside.display().to_string());
                report.previous_was_damaged = true;
                replace_by_rename(journal, staged)?;
            }
            Err(e) => return Err(refuse_to_replace(journal, e)),
        }
    }
    // Opening migrates an earlier schema (after backing it up) and proves the result.
    drop(Store::open(journal)?);
    Ok(report)
}

fn refuse_to_replace(journal: &Path, e: Error) -> Error {
    match e {
        Error::NotAJournal { .. } => Error::invalid(
            "journal",
            format!(
                "{} is not a Tandem journal, so Tandem will not replace it with a backup. Choose the journal to restore into with --db.",
                journal.display()
            ),
        ),
        other => other,
    }
}

/// The error for a damaged file: it says where the backups are.
pub(super) fn damaged(path: &Path) -> Error {
    Error::Damaged {
        path: path.display().to_string(),
        backups: backups_dir(path).display().to_string(),
    }
}

/// What a read-only look at a SQLite file found.
pub(super) struct Facts {
    pub(super) version: i64,
    app_id: i64,
    has_schema: bool,
}

impl Facts {
    /// Whether a journal with these facts may be opened: a Tandem journal no newer than this
    /// build, or an empty SQLite file.
    fn check(&self, path: &Path) -> Result<()> {
        if self.version > SCHEMA_VERSION {
            return Err(Error::TooNew {
                found: self.version,
                known: SCHEMA_VERSION,
            });
        }
        let blank = self.version == 0 && self.app_id == 0 && !self.has_schema;
        if self.version < 0 || (self.app_id != APPLICATION_ID && !blank) {
            return Err(Error::NotAJournal {
                path: path.display().to_string(),
            });
        }
        Ok(())
    }
}

/// Opens `path` read-only (it must exist) and finds out what it holds, including
/// `PRAGMA quick_check`. A file SQLite cannot read is `not_a_journal`, or
/// `journal_damaged` when it still carries Tandem's application id.
pub(super) fn inspect(path: &Path) -> Result<(FileConnection, Facts)> {
    inspect_with(path, true)
}

/// A read-only connection to the journal at `path` (checkpoint-on-close off, a busy
/// timeout) and what it finds, without `PRAGMA quick_check`: refused when it is foreign or
/// from a newer Tandem. For opening it read-only.
pub(super) fn look(path: &Path) -> Result<(FileConnection, Facts)> {
    let (conn, facts) = inspect_with(path, false)?;
    facts.check(path)?;
    Ok((conn, facts))
}

/// [`inspect`], with or without `PRAGMA quick_check` (which reads the whole file).
fn inspect_with(path: &Path, check_pages: bool) -> Result<(FileConnection, Facts)> {
    let conn = files::connect(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| classify(path, e.into()))?;
    let facts = (|| -> Result<Facts> {
        // Closing a read-only connection must never try to fold the WAL into the file.
        conn.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true)?;
        conn.busy_timeout(Duration::from_secs(5))?;
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        let app_id: i64 = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
        let has_schema: bool =
            conn.query_row("SELECT EXISTS (SELECT 1 FROM sqlite_schema)", [], |r| {
                r.get(0)
            })?;
        let facts = Facts {
            version,
            app_id,
            has_schema,
        };
        // A foreign or newer file is refused for that reason, before checking it further.
        if check_pages && facts.check(path).is_ok() && !quick_check(&conn)? {
            return Err(damaged(path));
        }
        Ok(facts)
    })();
    match facts {
        Ok(facts) => Ok((conn, facts)),
        Err(e) => {
            // Closed first: telling damage from a foreign file may read the header.
            drop(conn);
            Err(classify(path, e))
        }
    }
}

/// Checks a journal file before `Store::open` writes to it: refuses one that is damaged,
/// foreign or newer (without writing to it), and backs up one that is about to be
/// migrated. A missing or empty file is a new journal and needs nothing.
///
/// With `defer_pages`, a journal of the current schema (which opening will not write to)
/// is not read through with `PRAGMA quick_check` here; the result says whether that check
/// is still owed (see `Store::open_deferring_check`). One to be migrated is always
/// checked first.
pub(super) fn check_before_open(path: &Path, defer_pages: bool) -> Result<bool> {
    let len = std::fs::metadata(path)
        .map_err(|e| Error::io(path, e))?
        .len();
    if len == 0 {
        return Ok(false);
    }
    if defer_pages {
        let (_, facts) = inspect_with(path, false)?;
        facts.check(path)?;
        if facts.version == SCHEMA_VERSION {
            return Ok(true);
        }
    }
    let (conn, facts) = inspect(path)?;
    facts.check(path)?;
    if (1..SCHEMA_VERSION).contains(&facts.version) {
        backup_into_folder(&conn, path, time::now())?;
    }
    Ok(false)
}

/// The whole-file check a deferred open still owes: `Ok` when the journal is sound.
pub(super) fn check_pages(path: &Path) -> Result<()> {
    let (_, facts) = inspect(path)?;
    facts.check(path)
}

/// Checks that `backup` can be restored, and returns a read-only connection to it.
fn check_backup(backup: &Path) -> Result<(FileConnection, Facts)> {
    let meta = std::fs::metadata(backup).map_err(|e| Error::io(backup, e))?;
    if !meta.is_file() || meta.len() == 0 || !starts_like_sqlite(backup) {
        return Err(Error::NotAJournal {
            path: backup.display().to_string(),
        });
    }
    let (conn, facts) = inspect(backup)?;
    facts.check(backup)?;
    if facts.app_id != APPLICATION_ID {
        return Err(Error::NotAJournal {
            path: backup.display().to_string(),
        });
    }
    Ok((conn, facts))
}

fn quick_check(conn: &Connection) -> Result<bool> {
    let mut stmt = conn.prepare("PRAGMA quick_check")?;
    let rows: Vec<String> = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows.len() == 1 && rows[0] == "ok")
}

/// Turns SQLite's "corrupt" and "not a database" into the errors a person is shown.
fn classify(path: &Path, e: Error) -> Error {
    match e.code() {
        "journal_damaged" if !matches!(e, Error::Damaged { .. }) => damaged(path),
        "not_a_journal" if matches!(e, Error::Database(_)) => {
            if carries_tandem_id(path) {
                damaged(path)
            } else {
                Error::NotAJournal {
                    path: path.display().to_string(),
                }
            }
        }
        _ => e,
    }
}

fn starts_like_sqlite(path: &Path) -> bool {
    match files::read_header::<16>(path) {
        Ok((n, head)) => n == head.len() && &head == SQLITE_HEADER,
        // Open through SQLite in this process: SQLite read it as a database.
        Err(NoHeader::Live) => true,
        Err(NoHeader::Unreadable) => false,
    }
}

/// A SQLite header that names Tandem's application id: a journal, even if SQLite can no
/// longer read it. A file this process has open through SQLite was opened as a journal
/// (its header is not read again: see `files.rs`), so it counts as one.
fn carries_tandem_id(path: &Path) -> bool {
    match files::read_header::<100>(path) {
        Ok((n, h)) => {
            n == h.len()
                && h[..16] == SQLITE_HEADER[..]
                && i64::from(u32::from_be_bytes([h[68], h[69], h[70], h[71]])) == APPLICATION_ID
        }
        Err(NoHeader::Live) => true,
        Err(NoHeader::Unreadable) => false,
    }
}

/// Makes a backup of `src` (the journal at `journal`) in its backups folder, named after
/// `now`, then keeps only the newest [`KEEP_BACKUPS`].
fn backup_into_folder(src: &Connection, journal: &Path, now: DateTime<Utc>) -> Result<BackupInfo> {
    let dir = backups_dir(journal);
    create_private_dir(&dir).map_err(|e| Error::io(&dir, e))?;
    let stem = stem(journal);
    let stamp = now.format(STAMP).to_string();
    let first = dir.join(format!("{stem}-{stamp}.sqlite3"));
    let tmp = write_partial(src, journal, &first)?;
    // Several backups within one second get -2, -3...: a hard link never replaces a file,
    // so two Tandems backing up at once cannot overwrite each other's backup.
    let mut n = 1;
    let dest = loop {
        let dest = match n {
            1 => first.clone(),
            _ => dir.join(format!("{stem}-{stamp}-{n}.sqlite3")),
        };
        match std::fs::hard_link(&tmp, &dest) {
            Ok(()) => {
                let _ = std::fs::remove_file(&tmp);
                break dest;
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && n < 1000 => n += 1,
            Err(_) if !dest.exists() => {
                // A file system without hard links: a rename, after checking the name is free.
                std::fs::rename(&tmp, &dest).map_err(|e| {
                    let _ = std::fs::remove_file(&tmp);
                    Error::io(&dest, e)
                })?;
                break dest;
            }
            Err(e) => {
                let _ = std::fs::remove_file(&tmp);
                return Err(Error::io(&dest, e));
            }
        }
    };
    sync_dir(&dest);
    let info = info_of(&dest, now)?;
    rotate(journal);
    Ok(info)
}

/// Deletes all but the newest [`KEEP_BACKUPS`] backups. Best effort: a backup that cannot
/// be deleted is only one more file, never a reason to fail the backup just made.
fn rotate(journal: &Path) {
    if let Ok(all) = list_backups(journal) {
        for old in all.iter().skip(KEEP_BACKUPS) {
            let _ = std::fs::remove_file(&old.path);
        }
    }
}

fn info_of(path: &Path, created_at: DateTime<Utc>) -> Result<BackupInfo> {
    let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
    Ok(BackupInfo {
        path: path.display().to_string(),
        created_at: DateTime::from_timestamp(created_at.timestamp(), 0).unwrap_or(created_at),
        size_bytes: meta.len(),
    })
}

/// Copies `src` (which is `label`) through the backup API into a new private file beside
/// `dest`, checks and syncs it, and returns that file's path: the caller gives it its name.
fn write_partial(src: &Connection, label: &Path, dest: &Path) -> Result<PathBuf> {
    let tmp = sibling(dest, ".partial");
    // A leftover from an interrupted backup is ours, and incomplete.
    let _ = std::fs::remove_file(&tmp);
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options
        .open(&tmp)
        .map(drop)
        .map_err(|e| Error::io(&tmp, e))?;
    let copied = copy_into(src, label, &tmp).and_then(|()| {
        File::open(&tmp)
            .and_then(|f| f.sync_all())
            .map_err(|e| Error::io(&tmp, e))
    });
    match copied {
        Ok(()) => Ok(tmp),
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            Err(e)
        }
    }
}

fn copy_into(src: &Connection, label: &Path, tmp: &Path) -> Result<()> {
    let mut dst = files::connect(
        tmp,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    dst.busy_timeout(Duration::from_secs(5))?;
    run_backup(src, &mut dst)?;
    // A backup is one self-contained file: no -wal beside it, even when opened read-only.
    let _: String = dst.query_row("PRAGMA journal_mode = DELETE", [], |r| r.get(0))?;
    if !quick_check(&dst)? {
        return Err(damaged(label));
    }
    dst.close().map_err(Error::from)
}

/// Copies every page of `src` into `dst` in one step (one transaction on `dst`), waiting
/// a little while the destination is busy.
fn run_backup(src: &Connection, dst: &mut Connection) -> Result<()> {
    let backup = Backup::new(src, dst)?;
    let mut waits = 0;
    loop {
        match backup.step(-1)? {
            StepResult::Done => return Ok(()),
            StepResult::More => {}
            _ if waits < 100 => {
                waits += 1;
                std::thread::sleep(Duration::from_millis(50));
            }
            _ => {
                return Err(Error::Database(rusqlite::Error::SqliteFailure(
                    rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
                    None,
                )));
            }
        }
    }
}

/// Restores the staged copy into the live journal through the backup API: one write
/// transaction on the journal, so another connection (a window that has it open) sees the
/// old content or the new, and a crash leaves one or the other.
fn replace_live(journal: &Path, staged: &Path) -> Result<()> {
    let src = files::connect(
        staged,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    let mut dst = files::connect(
        journal,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    dst.busy_timeout(Duration::from_secs(5))?;
    let _: String = dst.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    dst.execute_batch("PRAGMA synchronous = FULL;")?;
    // The backup API cannot change the page size of a WAL database: match it first.
    let page = |c: &Connection| c.query_row("PRAGMA page_size", [], |r| r.get::<_, i64>(0));
    let want = page(&dst)?;
    if page(&src)? != want {
        src.execute_batch(&format!("PRAGMA page_size = {want}; VACUUM;"))?;
    }
    run_backup(&src, &mut dst)?;
    drop(src);
    dst.close().map_err(Error::from)
}

/// Puts the staged copy in the journal's place by renaming it, after clearing any `-wal`
/// and `-shm` left by the file it replaces (SQLite would otherwise apply them to it).
fn replace_by_rename(journal: &Path, staged: &Path) -> Result<()> {
    unused(journal)?;
    for suffix in ["-wal", "-shm"] {
        let stale = sibling(journal, suffix);
        match std::fs::remove_file(&stale) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(Error::io(&stale, e)),
        }
    }
    std::fs::rename(staged, journal).map_err(|e| Error::io(journal, e))?;
    sync_dir(journal);
    Ok(())
}

/// Moves a damaged journal (and its `-wal`) into the backups folder unchanged, as
/// `<stem>-<time>.damaged.sqlite3`: not a backup Tandem offers, but nothing is thrown away.
fn move_aside_damaged(journal: &Path, now: DateTime<Utc>) -> Result<PathBuf> {
    unused(journal)?;
    let dir = backups_dir(journal);
    create_private_dir(&dir).map_err(|e| Error::io(&dir, e))?;
    let stem = stem(journal);
    let stamp = now.format(STAMP).to_string();
    let mut n = 1;
    let aside = loop {
        let name = match n {
            1 => format!("{stem}-{stamp}.damaged.sqlite3"),
            _ => format!("{stem}-{stamp}-{n}.damaged.sqlite3"),
        };
        let candidate = dir.join(name);
        if !candidate.exists() {
            break candidate;
        }
        n += 1;
    };
    std::fs::rename(journal, &aside).map_err(|e| Error::io(journal, e))?;
    // A -wal with frames in it is part of the damaged journal's bytes: it goes along.
    let wal = sibling(journal, "-wal");
    match std::fs::metadata(&wal) {
        Ok(meta) if meta.len() > 0 => {
            std::fs::rename(&wal, sibling(&aside, "-wal")).map_err(|e| Error::io(&wal, e))?;
        }
        Ok(_) => {
            let _ = std::fs::remove_file(&wal);
        }
        Err(_) => {}
    }
    let _ = std::fs::remove_file(sibling(journal, "-shm"));
    sync_dir(&aside);
    Ok(aside)
}

/// How long a restore that must rename the journal waits for this process's other
/// connections to it (the daily backup, the integrity check) to finish.
const UNUSED_WAIT: Duration = Duration::from_secs(30);

/// Waits until no connection of this process has the journal open: renaming or removing
/// it (or its `-wal`/`-shm`) under a connection would lose that connection's writes.
fn unused(journal: &Path) -> Result<()> {
    if files::wait_until_unused(journal, UNUSED_WAIT) {
        return Ok(());
    }
    Err(Error::Database(rusqlite::Error::SqliteFailure(
        rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
        Some(format!("{} is still in use", journal.display())),
    )))
}

/// `path` with `suffix` added to its file name (`journal.sqlite3` → `journal.sqlite3-wal`).
fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(suffix);
    path.with_file_name(name)
}

/// Whether `other` names the journal file or one of SQLite's files beside it.
fn is_journal_or_companion(journal: &Path, other: &Path) -> bool {
    let resolve = |p: &Path| -> Option<PathBuf> {
        let name = p.file_name()?;
        let dir = match p.parent().filter(|d| !d.as_os_str().is_empty()) {
            Some(d) => d.canonicalize().ok()?,
            None => std::env::current_dir().ok()?,
        };
        Some(dir.join(name))
    };
    let (Some(journal), Some(other)) = (resolve(journal), resolve(other)) else {
        return false;
    };
    ["", "-wal", "-shm", "-journal", ".lock"]
        .iter()
        .any(|suffix| sibling(&journal, suffix) == other)
}

fn stem(journal: &Path) -> String {
    journal.file_stem().map_or_else(
        || "journal".to_owned(),
        |s| s.to_string_lossy().into_owned(),
    )
}

/// The time (and same-second counter) in a backup's name, or `None` for any other file.
fn parse_name(stem: &str, name: &str) -> Option<(DateTime<Utc>, u32)> {
    let rest = name
        .strip_prefix(stem)?
        .strip_prefix('-')?
        .strip_suffix(".sqlite3")?;
    let (stamp, n) = match rest.split_once('-') {
        None => (rest, 1),
        Some((stamp, n)) => (stamp, n.parse().ok().filter(|n| *n >= 2)?),
    };
    if stamp.len() != 16 {
        return None;
    }
    let at = NaiveDateTime::parse_from_str(stamp, STAMP).ok()?.and_utc();
    Some((at, n))
}

/// Makes a rename durable: syncs the folder that holds `path` (best effort; not every
/// platform can open a folder).
fn sync_dir(path: &Path) {
    #[cfg(unix)]
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        let _ = File::open(dir).and_then(|d| d.sync_all());
    }
    #[cfg(not(unix))]
    let _ = path;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backup_names_sort_by_time_then_counter() {
        let t = |s: &str| parse_name("journal", s);
        let a = t("journal-20261123T151200Z.sqlite3").expect("plain name");
        let b = t("journal-20261123T151200Z-2.sqlite3").expect("second in a second");
        let c = t("journal-20261123T151201Z.sqlite3").expect("next second");
        assert!(a < b && b < c);
        assert_eq!(a.0.to_rfc3339(), "2026-11-23T15:12:00+00:00");
        for other in [
            "journal-20261123T151200Z.damaged.sqlite3",
            "journal-20261123T151200Z.sqlite3.partial",
            "journal-20261123T151200Z-1.sqlite3",
            "journal-2026112T151200Z.sqlite3",
            "other-20261123T151200Z.sqlite3",
            "journal-20261323T151200Z.sqlite3",
        ] {
            assert_eq!(t(other), None, "{other}");
        }
    }

    #[test]
    fn companions_of_the_journal_are_recognised() {
        let dir = std::env::temp_dir();
        let j = dir.join("j.sqlite3");
        assert!(is_journal_or_companion(&j, &dir.join("j.sqlite3")));
        assert!(is_journal_or_companion(&j, &dir.join("j.sqlite3-wal")));
        assert!(!is_journal_or_companion(&j, &dir.join("k.sqlite3")));
    }
}
