//! The command line's errors. Core errors pass through with their own sentence; the rest
//! are its own failures (no data folder, a file it could not read or write, no window).

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    #[error("{}", .0.user_message())]
    Core(#[from] tandem_core::Error),

    #[error(
        "this system has no folder for application data (is $HOME set?); use --db PATH or TANDEM_DB to choose the journal file"
    )]
    NoDataDir,

    #[error("could not read {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },

    #[error("could not write {path}: {source}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },

    #[error("{0}")]
    Serve(String),

    #[error(
        "the Tandem window could not be started ({path}: {source}); it is installed beside tandem as tandem-window"
    )]
    Window {
        path: PathBuf,
        source: std::io::Error,
    },
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
