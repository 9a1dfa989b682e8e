//! What can go wrong while making or reading an invite or a bundle. Every variant has a
//! stable code (the same `ErrorCode` the core's own errors use, so the UI branches on one
//! union) and a sentence a person understands that says what to do next. None of these
//! ever happened with anything written: reading checks everything before it returns.

use crate::error::ErrorCode;

pub type Result<T, E = ExchangeError> = std::result::Result<T, E>;

/// Which file a size limit was about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Invite,
    Bundle,
}

impl std::fmt::Display for FileKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            FileKind::Invite => "invite",
            FileKind::Bundle => "bundle",
        })
    }
}

#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ExchangeError {
    /// A value given to make an invite breaks a rule (an empty name, say).
    #[error("{message}")]
    Invalid { field: String, message: String },

    #[error(
        "This computer's random number source did not answer ({0}), so no keys or invite were made. Try again; if it keeps failing, restart the computer."
    )]
    Random(String),

    /// The secret keys kept in the journal file could not be read back.
    #[error(
        "This journal's exchange keys could not be read ({reason}). Exchanging with partners is not possible until they are made again; nothing else in the journal is affected."
    )]
    KeysUnreadable { reason: String },

    #[error(
        "This is not a Tandem invite: it has no \"-----BEGIN TANDEM INVITE-----\" line. Ask your partner to send the invite again, as a file or the whole text."
    )]
    NotAnInvite,

    #[error(
        "This invite is damaged or incomplete ({reason}). Ask your partner to send it again, as a file or the whole text from the BEGIN line to the END line."
    )]
    InviteDamaged { reason: String },

    #[error(
        "This invite was changed after it was made: its signature does not match what it says. Do not use it; ask your partner for a new one."
    )]
    InviteTampered,

    #[error(
        "This invite was made by a newer version of Tandem (invite format {found}; this version reads up to {known}). Update Tandem to accept it."
    )]
    InviteTooNew { found: u32, known: u32 },

    #[error(
        "This {what} is {} long; the limit is {}. It is not a file Tandem made; nothing was read.",
        size_text(*.size),
        size_text(*.limit)
    )]
    TooLarge {
        what: FileKind,
        size: u64,
        limit: u64,
    },

    #[error(
        "This file is not a Tandem bundle (a .tandem file your partner shared, or its text from \"-----BEGIN AGE ENCRYPTED FILE-----\" to the END line). Choose another file; nothing was imported."
    )]
    NotABundle,

    #[error(
        "This bundle cannot be opened with this journal's keys: it was made for someone else (or the part of it meant for you is damaged). Ask your partner to share again with the link they have with you; nothing was imported."
    )]
    BundleNotForMe,

    #[error(
        "This bundle is damaged or incomplete ({reason}). Ask your partner to share it again; nothing was imported."
    )]
    BundleDamaged { reason: String },

    #[error(
        "This bundle's signature does not match its content: it was changed after it was made. Do not trust it; nothing was imported."
    )]
    BundleBadSignature,

    #[error(
        "This bundle was signed by another key than the one this link was paired with, so it may not come from your partner. Nothing was imported; if your partner set up Tandem again, pair again with a new invite."
    )]
    BundleWrongSigner,

    #[error(
        "This bundle was made by a newer version of Tandem ({what} format {found}; this version reads up to {known}). Update Tandem to open it; nothing was imported."
    )]
    BundleTooNew {
        what: &'static str,
        found: u64,
        known: u64,
    },

    #[error(
        "What you share in this partnership is too large for one bundle ({}; the limit is {}). Share fewer or shorter records."
    , size_text(*.size), size_text(*.limit))]
    ShareTooLarge { size: u64, limit: u64 },

    /// Making a bundle failed inside the encryption library (not expected with the keys
    /// Tandem makes).
    #[error("The bundle could not be encrypted ({0}). Nothing was saved.")]
    Seal(String),

    #[error(
        "This bundle is older than the one from {last_shared_on} you already have (number {found}; the last was {last}). Ask your partner to share again; nothing was imported."
    )]
    BundleOutdated {
        found: u64,
        last: u64,
        last_shared_on: String,
    },

    #[error("{reason} Nothing was imported.")]
    BundleWrongLink { reason: String },
}

impl ExchangeError {
    pub(crate) fn invalid(field: &str, message: impl Into<String>) -> Self {
        ExchangeError::Invalid {
            field: field.to_owned(),
            message: message.into(),
        }
    }

    pub(crate) fn invite_damaged(reason: impl Into<String>) -> Self {
        ExchangeError::InviteDamaged {
            reason: reason.into(),
        }
    }

    pub(crate) fn bundle_damaged(reason: impl Into<String>) -> Self {
        ExchangeError::BundleDamaged {
            reason: reason.into(),
        }
    }

    /// A stable, machine-readable code; never branch on the wording.
    pub fn code(&self) -> &'static str {
        self.error_code().as_str()
    }

    pub fn error_code(&self) -> ErrorCode {
        match self {
            ExchangeError::Invalid { .. } => ErrorCode::InvalidInput,
            ExchangeError::Random(_) => ErrorCode::RandomUnavailable,
            ExchangeError::KeysUnreadable { .. } => ErrorCode::ExchangeKeysUnreadable,
            ExchangeError::NotAnInvite => ErrorCode::NotAnInvite,
            ExchangeError::InviteDamaged { .. } => ErrorCode::InviteDamaged,
            ExchangeError::InviteTampered => ErrorCode::InviteTampered,
            ExchangeError::InviteTooNew { .. } => ErrorCode::InviteTooNew,
            ExchangeError::TooLarge { .. } => ErrorCode::ExchangeFileTooLarge,
            ExchangeError::NotABundle => ErrorCode::NotABundle,
            ExchangeError::BundleNotForMe => ErrorCode::BundleNotForMe,
            ExchangeError::BundleDamaged { .. } => ErrorCode::BundleDamaged,
            ExchangeError::BundleBadSignature => ErrorCode::BundleBadSignature,
            ExchangeError::BundleWrongSigner => ErrorCode::BundleWrongSigner,
            ExchangeError::BundleTooNew { .. } => ErrorCode::BundleTooNew,
            ExchangeError::ShareTooLarge { .. } => ErrorCode::ShareTooLarge,
            ExchangeError::Seal(_) => ErrorCode::BundleSealFailed,
            ExchangeError::BundleOutdated { .. } => ErrorCode::BundleOutdated,
            ExchangeError::BundleWrongLink { .. } => ErrorCode::BundleWrongLink,
        }
    }

    pub fn field(&self) -> Option<&str> {
        match self {
            ExchangeError::Invalid { field, .. } => Some(field),
            _ => None,
        }
    }
}

/// A size with its true number of bytes ("67,108,865 bytes"), and for a whole number of
/// mebibytes that too ("64 MiB (67,108,864 bytes)").
pub(crate) fn size_text(bytes: u64) -> String {
    const MIB: u64 = 1024 * 1024;
    let exact = format!("{} bytes", crate::validate::count(bytes as usize));
    if bytes >= MIB && bytes.is_multiple_of(MIB) {
        format!("{} MiB ({exact})", bytes / MIB)
    } else {
        exact
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_as_a_person_counts_them() {
        assert_eq!(size_text(812), "812 bytes");
        assert_eq!(size_text(64 * 1024 * 1024), "64 MiB (67,108,864 bytes)");
        assert_eq!(size_text(64 * 1024 * 1024 + 1), "67,108,865 bytes");
    }
}
