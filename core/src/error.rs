//! The core's one error type. Every variant has a stable `code()` (what the UI branches on)
//! and a `Display` that is a sentence a person understands, saying what to do next where
//! there is something to do.

use serde::Serialize;
use ts_rs::TS;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A value the user typed (or a file supplied) breaks a rule of the domain.
    #[error("{message}")]
    Invalid { field: String, message: String },

    #[error("That {what} no longer exists. It may have been deleted; reload the list.")]
    NotFound { what: &'static str, id: String },

    #[error(
        "This journal was written by a newer version of Tandem (schema {found}; this version understands up to {known}). Update Tandem to open it. The file has not been changed."
    )]
    TooNew { found: i64, known: i64 },

    #[error(
        "{path} is not a Tandem journal (it is not a SQLite database, or it is damaged). Choose another file or restore a backup; this file has not been changed."
    )]
    NotAJournal { path: String },

    #[error(
        "{path} is damaged (SQLite's check of the file found a problem), so Tandem has not opened or changed it. Restore a backup: choose one in Tandem, or run \"tandem restore FILE\" with a file from {backups}."
    )]
    Damaged { path: String, backups: String },

    /// A command that writes was asked for while the window has the journal open.
    #[error("Tandem is open on this journal ({path}); close it first, or do this from the window.")]
    InUse { path: String },

    #[error("The file could not be imported: {0}. Nothing was changed.")]
    Import(String),

    #[error("Could not use the file {path}: {source}.")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },

    #[error("The journal file could not be read or written: {0}.")]
    Database(#[from] rusqlite::Error),
}

impl Error {
    pub(crate) fn invalid(field: &str, message: impl Into<String>) -> Self {
        Error::Invalid {
            field: field.to_owned(),
            message: message.into(),
        }
    }

    pub(crate) fn io(path: &std::path::Path, source: std::io::Error) -> Self {
        Error::Io {
            path: path.display().to_string(),
            source,
        }
    }

    /// A stable, machine-readable code. The UI and the tests branch on it; never on the
    /// wording of the message.
    pub fn code(&self) -> &'static str {
        use rusqlite::ErrorCode as C;
        match self {
            Error::Invalid { .. } => "invalid_input",
            Error::NotFound { .. } => "not_found",
            Error::TooNew { .. } => "journal_too_new",
            Error::NotAJournal { .. } => "not_a_journal",
            Error::Damaged { .. } => "journal_damaged",
            Error::InUse { .. } => "journal_in_use",
            Error::Import(_) => "import_invalid",
            Error::Io { .. } => "io",
            Error::Database(e) => match e.sqlite_error_code() {
                Some(C::DiskFull) => "disk_full",
                Some(C::ReadOnly) | Some(C::CannotOpen) | Some(C::PermissionDenied) => "read_only",
                Some(C::DatabaseBusy) | Some(C::DatabaseLocked) => "busy",
                Some(C::DatabaseCorrupt) => "journal_damaged",
                Some(C::NotADatabase) => "not_a_journal",
                _ => "database",
            },
        }
    }

    /// The sentence shown to a person. Low-level database errors get a plain-language
    /// explanation for the cases a user can act on.
    pub fn user_message(&self) -> String {
        match self.code() {
            "disk_full" => "The disk is full, so this change was not saved. Free some space; what you typed is still here.".to_owned(),
            "read_only" => "The journal file cannot be written (the folder is read-only or not yours), so this change was not saved. What you typed is still here.".to_owned(),
            "busy" => "The journal is in use by another program, so this change was not saved yet. Try again in a moment.".to_owned(),
            "journal_damaged" if matches!(self, Error::Database(_)) => "The journal file is damaged, so this change was not saved. Close Tandem and restore a backup (choose one in Tandem, or run \"tandem restore FILE\").".to_owned(),
            _ => self.to_string(),
        }
    }

    pub fn field(&self) -> Option<&str> {
        match self {
            Error::Invalid { field, .. } => Some(field),
            _ => None,
        }
    }
}

/// What crosses to the UI when something fails: a stable code, a sentence, and for
/// invalid input the field it concerns (so the UI can show it where the user is).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ErrorPayload {
    pub code: String,
    pub message: String,
    pub field: Option<String>,
}

impl From<&Error> for ErrorPayload {
    fn from(e: &Error) -> Self {
        ErrorPayload {
            code: e.code().to_owned(),
            message: e.user_message(),
            field: e.field().map(str::to_owned),
        }
    }
}
