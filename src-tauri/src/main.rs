//! `tandem-window`: the desktop app. Users type `tandem` (the command line, crate
//! `tandem-cli`), which runs this binary when given no subcommand; the headless commands
//! never load the web view. A thin layer over `tandem-core`.
#![forbid(unsafe_code)]
// No console window on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod app;
mod commands;
mod error;
mod state;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

/// What `tandem` passes on: the journal, and what a WebDriver adds.
#[derive(Debug, Parser)]
#[command(
    name = "tandem-window",
    version,
    about = "The Tandem window. Start it as `tandem`; `tandem --help` lists the commands."
)]
struct Args {
    /// The journal file to open (default: the app's data file).
    #[arg(long, value_name = "PATH", env = "TANDEM_DB")]
    db: Option<PathBuf>,

    /// Passed by WebKitWebDriver when it launches the app under test; ignored.
    #[arg(long, hide = true)]
    automation: bool,
}

fn main() -> ExitCode {
    commands::note_process_start();
    let args = Args::parse();
    let result = tandem_core::paths::journal_path(args.db)
        .ok_or(error::Error::NoDataDir)
        .and_then(app::run);
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("tandem: {e}");
            ExitCode::FAILURE
        }
    }
}
