//! The files SQLite has open in this process, and the only raw (non-SQLite) access to a
//! journal file.
//!
//! On POSIX, closing *any* descriptor of a file releases every `fcntl` lock the process
//! holds on it, SQLite's included ("How To Corrupt An SQLite Database File", §2.2). A
//! `std::fs::File` opened on the live journal to read its header and then closed leaves
//! this process's connections lock-less: the next program to close the journal thinks it
//! is the last connection, checkpoints, and unlinks the `-wal` and `-shm` this process is
//! still writing to. Every edit after that is lost when the window closes (issue 13).
//!
//! Architecture invariant: while this process has a SQLite connection to a file, nothing
//! but SQLite opens, renames or removes that file or its `-wal`/`-shm`. Every connection
//! the store opens on a file is registered here ([`LiveFile`], by device and inode, so two
//! spellings of one path are one file); [`read_header`] refuses to open a live file, and
//! [`wait_until_unused`] is what a rename or removal of a journal waits on.
//! `core/tests/it/files.rs` keeps every other `std::fs` use on a reviewed list.

use std::collections::HashMap;
use std::fs::File;
use std::io::Read;
use std::path::Path;
use std::sync::{Condvar, Mutex, PoisonError};
use std::time::{Duration, Instant};

/// A file's identity: the same for every path that names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct FileId {
    dev: u64,
    ino: u64,
}

impl FileId {
    /// `None` when the file does not exist (yet). A `stat`, which opens no descriptor.
    fn of(path: &Path) -> Option<FileId> {
        let meta = std::fs::metadata(path).ok()?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            Some(FileId {
                dev: meta.dev(),
                ino: meta.ino(),
            })
        }
        #[cfg(not(unix))]
        {
            // No fcntl locks to lose: only the path matters here.
            let _ = meta;
            let canonical = path.canonicalize().ok()?;
            let mut h = std::collections::hash_map::DefaultHasher::new();
            std::hash::Hash::hash(&canonical, &mut h);
            Some(FileId {
                dev: 0,
                ino: std::hash::Hasher::finish(&h),
            })
        }
    }
}

/// How many connections this process has open on each file.
struct Registry {
    open: Mutex<HashMap<FileId, usize>>,
    closed: Condvar,
}

fn registry() -> &'static Registry {
    static REGISTRY: std::sync::OnceLock<Registry> = std::sync::OnceLock::new();
    REGISTRY.get_or_init(|| Registry {
        open: Mutex::new(HashMap::new()),
        closed: Condvar::new(),
    })
}

/// Marks a file as open through SQLite in this process for as long as it lives. Take it
/// before opening the connection and keep it until the connection is closed (declare it
/// after the connection in a struct: fields drop in order).
#[derive(Debug)]
pub(crate) struct LiveFile(Option<FileId>);

impl LiveFile {
    /// Registers `path` (which should exist: SQLite is about to open it). A file that does
    /// not exist yet has nothing to protect.
    pub(crate) fn register(path: &Path) -> LiveFile {
        let id = FileId::of(path);
        if let Some(id) = id {
            let mut open = registry()
                .open
                .lock()
                .unwrap_or_else(PoisonError::into_inner);
            *open.entry(id).or_insert(0) += 1;
        }
        LiveFile(id)
    }
}

impl Drop for LiveFile {
    fn drop(&mut self) {
        let Some(id) = self.0 else { return };
        let registry = registry();
        let mut open = registry.open.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(n) = open.get_mut(&id) {
            *n -= 1;
            if *n == 0 {
                open.remove(&id);
            }
        }
        registry.closed.notify_all();
    }
}

/// Waits until this process has no SQLite connection open on `path` (a backup or an
/// integrity check on their own threads), for at most `timeout`. Whether it is unused.
pub(crate) fn wait_until_unused(path: &Path, timeout: Duration) -> bool {
    let Some(id) = FileId::of(path) else {
        return true;
    };
    let deadline = Instant::now() + timeout;
    let registry = registry();
    let mut open = registry.open.lock().unwrap_or_else(PoisonError::into_inner);
    while open.contains_key(&id) {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return false;
        }
        open = registry
            .closed
            .wait_timeout(open, left)
            .unwrap_or_else(PoisonError::into_inner)
            .0;
    }
    true
}

/// Why [`read_header`] gave no header.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum NoHeader {
    /// This process has the file open through SQLite: opening it here would drop SQLite's
    /// locks, so it was not read. (Only journals and backups are ever opened, so a live file
    /// is one that SQLite read as a journal.)
    Live,
    /// It does not exist or cannot be read.
    Unreadable,
}

/// The first `N` bytes of the file at `path` (fewer when it is shorter), read with a plain
/// file handle: only ever when this process has no SQLite connection to it.
pub(crate) fn read_header<const N: usize>(path: &Path) -> Result<(usize, [u8; N]), NoHeader> {
    // The registry stays locked while the file is open, so no connection to it can be
    // registered (and so opened) in between.
    let open = registry()
        .open
        .lock()
        .unwrap_or_else(PoisonError::into_inner);
    if FileId::of(path).is_some_and(|id| open.contains_key(&id)) {
        return Err(NoHeader::Live);
    }
    let mut head = [0u8; N];
    let mut f = File::open(path).map_err(|_| NoHeader::Unreadable)?;
    let mut n = 0;
    while n < N {
        match f.read(&mut head[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(_) => return Err(NoHeader::Unreadable),
        }
    }
    drop(f);
    drop(open);
    Ok((n, head))
}

/// Whether `path` names a file this process has open through SQLite, or that file's
/// `-wal`, `-shm` or `-journal`. Call with the registry locked.
fn is_live(open: &HashMap<FileId, usize>, path: &Path) -> bool {
    if FileId::of(path).is_some_and(|id| open.contains_key(&id)) {
        return true;
    }
    let text = path.as_os_str().to_string_lossy();
    ["-wal", "-shm", "-journal"].iter().any(|suffix| {
        text.strip_suffix(suffix).is_some_and(|base| {
            FileId::of(Path::new(base)).is_some_and(|id| open.contains_key(&id))
        })
    })
}

/// Why [`read_other`] or [`write_other`] did nothing.
#[derive(Debug)]
pub(crate) enum OtherFile {
    /// The path is a journal (or its `-wal`/`-shm`) this process has open.
    Live,
    /// Larger than the limit (its size).
    TooLarge(u64),
    Io(std::io::Error),
}

/// Reads a file that is not a journal (an invite, a bundle), of at most `limit` bytes. A
/// file with a live connection (a journal given by mistake) is never opened; the registry
/// stays locked while the file is open, as in [`read_header`].
pub(crate) fn read_other(path: &Path, limit: u64) -> Result<Vec<u8>, OtherFile> {
    let open = registry()
        .open
        .lock()
        .unwrap_or_else(PoisonError::into_inner);
    if is_live(&open, path) {
        return Err(OtherFile::Live);
    }
    let mut f = File::open(path).map_err(OtherFile::Io)?;
    let mut bytes = Vec::new();
    (&mut f)
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(OtherFile::Io)?;
    drop(f);
    drop(open);
    if bytes.len() as u64 > limit {
        return Err(OtherFile::TooLarge(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Writes a file that is not a journal (an invite, a bundle) beside its final name and
/// renames it there, so no reader sees half of it. Never over a journal this process has
/// open (or its `-wal`/`-shm`).
pub(crate) fn write_other(path: &Path, bytes: &[u8]) -> Result<(), OtherFile> {
    let open = registry()
        .open
        .lock()
        .unwrap_or_else(PoisonError::into_inner);
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "tandem-file".to_owned());
    let tmp = path.with_file_name(format!(".{name}.part"));
    if is_live(&open, path) || is_live(&open, &tmp) {
        return Err(OtherFile::Live);
    }
    std::fs::write(&tmp, bytes).map_err(OtherFile::Io)?;
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        OtherFile::Io(e)
    })?;
    drop(open);
    Ok(())
}

/// A SQLite connection to a file, registered as live while it is open.
pub(crate) struct FileConnection {
    conn: rusqlite::Connection,
    _live: LiveFile,
}

/// Opens `path` through SQLite with `flags`, registered as live (see [`LiveFile`]).
pub(crate) fn connect(path: &Path, flags: rusqlite::OpenFlags) -> rusqlite::Result<FileConnection> {
    let live = LiveFile::register(path);
    let conn = rusqlite::Connection::open_with_flags(path, flags)?;
    Ok(FileConnection { conn, _live: live })
}

impl FileConnection {
    /// The connection and its registration, to keep side by side (the connection first,
    /// so that it is closed before the file is unregistered).
    pub(crate) fn into_parts(self) -> (rusqlite::Connection, LiveFile) {
        (self.conn, self._live)
    }

    /// Closes the connection (reporting what closing it found), then unregisters the file.
    pub(crate) fn close(self) -> rusqlite::Result<()> {
        let FileConnection { conn, _live } = self;
        conn.close().map_err(|(_, e)| e)
    }
}

impl std::ops::Deref for FileConnection {
    type Target = rusqlite::Connection;
    fn deref(&self) -> &rusqlite::Connection {
        &self.conn
    }
}

impl std::ops::DerefMut for FileConnection {
    fn deref_mut(&mut self) -> &mut rusqlite::Connection {
        &mut self.conn
    }
}
