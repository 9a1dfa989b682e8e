//! The command line: every subcommand works without a display.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand};
use tandem_core::{JournalFile, Store};

use crate::error::{Error, Result};

#[derive(Debug, Parser)]
#[command(
    name = "tandem",
    version,
    about = "A private journal for mentoring partnerships.",
    long_about = "A private journal for mentoring partnerships.\n\nWith no command, opens the Tandem window. With a command, works on the journal without opening a window."
)]
pub struct Args {
    /// The journal file to use (default: the app's data file).
    #[arg(long, global = true, value_name = "PATH", env = "TANDEM_DB")]
    pub db: Option<PathBuf>,

    /// Passed by WebKitWebDriver when it launches the app under test; ignored.
    #[arg(long, hide = true)]
    pub automation: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the path of the journal file.
    Where,
    /// Add the sample reverse-mentoring journal.
    Demo,
    /// Write the whole journal as JSON (to standard output unless --out is given).
    ExportJson {
        /// The file to write.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Merge a JSON export into the journal: all of it, or nothing if anything is wrong.
    ImportJson {
        /// The JSON file to import (as written by export-json).
        file: PathBuf,
    },
}

/// The journal file: `--db`, else `TANDEM_DB`, else the app's data file.
pub fn journal_path(db: Option<PathBuf>) -> Result<PathBuf> {
    match db {
        Some(path) if !path.as_os_str().is_empty() => Ok(path),
        _ => tandem_core::paths::default_journal_path().ok_or(Error::NoDataDir),
    }
}

pub fn run(db: Option<PathBuf>, command: Command) -> Result<()> {
    let path = journal_path(db)?;
    match command {
        Command::Where => println!("{}", path.display()),
        Command::Demo => demo(&path)?,
        Command::ExportJson { out } => export(&path, out.as_deref())?,
        Command::ImportJson { file } => import(&path, &file)?,
    }
    Ok(())
}

fn demo(path: &Path) -> Result<()> {
    let mut store = Store::open(path)?;
    match store.load_sample(chrono::Local::now().date_naive())? {
        Some(report) => println!(
            "Added the sample journal to {} ({} records).",
            path.display(),
            report.added
        ),
        None => println!(
            "The sample journal is already in {}; nothing changed.",
            path.display()
        ),
    }
    Ok(())
}

fn export(path: &Path, out: Option<&Path>) -> Result<()> {
    let store = Store::open(path)?;
    let mut json = store.export_journal()?.to_json()?;
    json.push('\n');
    match out {
        None => std::io::stdout()
            .write_all(json.as_bytes())
            .map_err(|source| Error::Write {
                path: "standard output".into(),
                source,
            }),
        Some(out) => {
            // Written beside the target and renamed, so a failed export never leaves half a file.
            let tmp = out.with_extension("json.partial");
            std::fs::write(&tmp, json)
                .and_then(|()| std::fs::rename(&tmp, out))
                .map_err(|source| {
                    let _ = std::fs::remove_file(&tmp);
                    Error::Write {
                        path: out.to_owned(),
                        source,
                    }
                })?;
            eprintln!("Exported the journal to {}.", out.display());
            Ok(())
        }
    }
}

fn import(path: &Path, file: &Path) -> Result<()> {
    let text = std::fs::read_to_string(file).map_err(|source| Error::Read {
        path: file.to_owned(),
        source,
    })?;
    let journal = JournalFile::parse(&text)?;
    let mut store = Store::open(path)?;
    let r = store.import_journal(&journal)?;
    println!(
        "Imported {}: {} added, {} updated, {} unchanged.",
        file.display(),
        r.added,
        r.updated,
        r.unchanged
    );
    Ok(())
}
