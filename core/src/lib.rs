//! Tandem's core: the domain of a mentoring journal, its SQLite store, and the JSON
//! import/export. It never depends on Tauri: the desktop shell and the command line are
//! thin layers over what this crate exposes, so everything here is testable on its own.
#![forbid(unsafe_code)]

pub mod api;
pub mod bindings;
pub mod demo;
mod error;
pub mod exchange;
pub mod journal;
pub mod life;
pub mod markdown;
pub mod model;
pub mod paths;
pub mod report;
pub mod sample;
pub mod scratch;
mod store;
pub mod swot;
mod time;
mod validate;

pub use error::{Error, ErrorCode, ErrorPayload, Result};
pub use journal::{FORMAT_VERSION, ImportReport, JournalFile};
/// Only for the fixture files of earlier schemas (see `core/tests/it/migrations.rs`).
#[doc(hidden)]
pub use store::migrate_to;
pub use store::{
    BackupInfo, IntegrityCheck, JournalLock, KEEP_BACKUPS, RestoreReport, SCHEMA_VERSION, Store,
    backups_dir, list_backups, read_invite_file, restore,
};
