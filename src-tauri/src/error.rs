//! The window's errors. Core errors pass through with their own sentence; the rest are
//! the window's own failures (no data folder, a window that could not be made).

#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    #[error("{}", .0.user_message())]
    Core(#[from] tandem_core::Error),

    #[error(
        "this system has no folder for application data (is $HOME set?); use --db PATH or TANDEM_DB to choose the journal file"
    )]
    NoDataDir,

    #[error("the window could not be opened: {0}")]
    Window(#[from] tauri::Error),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
