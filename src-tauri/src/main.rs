//! `tandem`: with no subcommand, the desktop app; with one, a headless command line over
//! the same journal. Both are thin layers over `tandem-core`.
#![forbid(unsafe_code)]
// No console window on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod app;
mod cli;
mod commands;
mod error;
mod state;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    commands::note_process_start();
    let args = cli::Args::parse();
    let result = match args.command {
        None => cli::journal_path(args.db).and_then(app::run),
        Some(command) => cli::run(args.db, command),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("tandem: {e}");
            ExitCode::FAILURE
        }
    }
}
