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

    // The reason may be a rule's sentence, with its own full stop.
    #[error(
        "The file could not be imported: {}. Nothing was changed.",
        .0.trim_end_matches('.')
    )]
    Import(String),

    #[error("Could not use the file {path}: {source}.")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },

    #[error("The journal file could not be read or written: {0}.")]
    Database(#[from] rusqlite::Error),

    /// An invite or bundle of partner exchange (`crate::exchange`) was refused or could
    /// not be made; it carries its own code.
    #[error(transparent)]
    Exchange(#[from] crate::exchange::ExchangeError),
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
        self.error_code().as_str()
    }

    /// [`Error::code`] as the enum the UI's TypeScript union is generated from.
    pub fn error_code(&self) -> ErrorCode {
        use rusqlite::ErrorCode as C;
        match self {
            Error::Invalid { .. } => ErrorCode::InvalidInput,
            Error::NotFound { .. } => ErrorCode::NotFound,
            Error::TooNew { .. } => ErrorCode::JournalTooNew,
            Error::NotAJournal { .. } => ErrorCode::NotAJournal,
            Error::Damaged { .. } => ErrorCode::JournalDamaged,
            Error::InUse { .. } => ErrorCode::JournalInUse,
            Error::Import(_) => ErrorCode::ImportInvalid,
            Error::Io { .. } => ErrorCode::Io,
            Error::Exchange(e) => e.error_code(),
            Error::Database(e) => match e.sqlite_error_code() {
                Some(C::DiskFull) => ErrorCode::DiskFull,
                Some(C::ReadOnly) | Some(C::CannotOpen) | Some(C::PermissionDenied) => {
                    ErrorCode::ReadOnly
                }
                Some(C::DatabaseBusy) | Some(C::DatabaseLocked) => ErrorCode::Busy,
                Some(C::DatabaseCorrupt) => ErrorCode::JournalDamaged,
                Some(C::NotADatabase) => ErrorCode::NotAJournal,
                _ => ErrorCode::Database,
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
            Error::Exchange(e) => e.field(),
            _ => None,
        }
    }
}

/// Every code an error can carry to the UI: the core's, and the desktop shell's own
/// (`busy` while a restore runs, `internal`). Generated into TypeScript as a union, so a
/// component or test that branches on a code nobody sends fails the type check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    InvalidInput,
    NotFound,
    JournalTooNew,
    NotAJournal,
    JournalDamaged,
    JournalInUse,
    ImportInvalid,
    Io,
    DiskFull,
    ReadOnly,
    Busy,
    Database,
    /// Partner exchange (`crate::exchange::ExchangeError`).
    RandomUnavailable,
    ExchangeKeysUnreadable,
    NotAnInvite,
    InviteDamaged,
    InviteTampered,
    InviteTooNew,
    ExchangeFileTooLarge,
    NotABundle,
    BundleNotForMe,
    BundleDamaged,
    BundleBadSignature,
    BundleWrongSigner,
    BundleTooNew,
    ShareTooLarge,
    BundleSealFailed,
    BundleOutdated,
    BundleWrongLink,
    /// Something went wrong inside Tandem (a panicked thread): the shell's own.
    Internal,
}

impl ErrorCode {
    /// The code as it crosses IPC (`"journal_damaged"`).
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::InvalidInput => "invalid_input",
            ErrorCode::NotFound => "not_found",
            ErrorCode::JournalTooNew => "journal_too_new",
            ErrorCode::NotAJournal => "not_a_journal",
            ErrorCode::JournalDamaged => "journal_damaged",
            ErrorCode::JournalInUse => "journal_in_use",
            ErrorCode::ImportInvalid => "import_invalid",
            ErrorCode::Io => "io",
            ErrorCode::DiskFull => "disk_full",
            ErrorCode::ReadOnly => "read_only",
            ErrorCode::Busy => "busy",
            ErrorCode::Database => "database",
            ErrorCode::RandomUnavailable => "random_unavailable",
            ErrorCode::ExchangeKeysUnreadable => "exchange_keys_unreadable",
            ErrorCode::NotAnInvite => "not_an_invite",
            ErrorCode::InviteDamaged => "invite_damaged",
            ErrorCode::InviteTampered => "invite_tampered",
            ErrorCode::InviteTooNew => "invite_too_new",
            ErrorCode::ExchangeFileTooLarge => "exchange_file_too_large",
            ErrorCode::NotABundle => "not_a_bundle",
            ErrorCode::BundleNotForMe => "bundle_not_for_me",
            ErrorCode::BundleDamaged => "bundle_damaged",
            ErrorCode::BundleBadSignature => "bundle_bad_signature",
            ErrorCode::BundleWrongSigner => "bundle_wrong_signer",
            ErrorCode::BundleTooNew => "bundle_too_new",
            ErrorCode::ShareTooLarge => "share_too_large",
            ErrorCode::BundleSealFailed => "bundle_seal_failed",
            ErrorCode::BundleOutdated => "bundle_outdated",
            ErrorCode::BundleWrongLink => "bundle_wrong_link",
            ErrorCode::Internal => "internal",
        }
    }
}

impl PartialEq<&str> for ErrorCode {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// What crosses to the UI when something fails: a stable code, a sentence, and for
/// invalid input the field it concerns (so the UI can show it where the user is).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ErrorPayload {
    pub code: ErrorCode,
    pub message: String,
    pub field: Option<String>,
}

impl From<&Error> for ErrorPayload {
    fn from(e: &Error) -> Self {
        ErrorPayload {
            code: e.error_code(),
            message: e.user_message(),
            field: e.field().map(str::to_owned),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_code_crosses_ipc_as_the_text_it_is_known_by() {
        use ErrorCode::*;
        for code in [
            InvalidInput,
            NotFound,
            JournalTooNew,
            NotAJournal,
            JournalDamaged,
            JournalInUse,
            ImportInvalid,
            Io,
            DiskFull,
            ReadOnly,
            Busy,
            Database,
            RandomUnavailable,
            ExchangeKeysUnreadable,
            NotAnInvite,
            InviteDamaged,
            InviteTampered,
            InviteTooNew,
            ExchangeFileTooLarge,
            NotABundle,
            BundleNotForMe,
            BundleDamaged,
            BundleBadSignature,
            BundleWrongSigner,
            BundleTooNew,
            ShareTooLarge,
            BundleSealFailed,
            BundleOutdated,
            BundleWrongLink,
            Internal,
        ] {
            let json = serde_json::to_value(code).expect("serialises");
            assert_eq!(json, serde_json::Value::String(code.as_str().to_owned()));
        }
    }
}
