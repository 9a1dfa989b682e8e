//! Tandem's core: the domain of a mentoring journal, its SQLite store, and the JSON
//! import/export. It never depends on Tauri: the desktop shell and the command line are
//! thin layers over what this crate exposes, so everything here is testable on its own.
#![forbid(unsafe_code)]

pub mod bindings;
mod error;
pub mod journal;
pub mod model;
pub mod paths;
pub mod sample;
mod store;
mod time;
mod validate;

pub use error::{Error, ErrorPayload, Result};
pub use journal::{FORMAT_VERSION, ImportReport, JournalFile};
pub use store::{SCHEMA_VERSION, Store};
