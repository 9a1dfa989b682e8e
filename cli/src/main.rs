//! `tandem`: the command line. Every subcommand works headless, on `tandem-core` alone:
//! this binary links neither Tauri nor the web view, so it starts in milliseconds. With no
//! subcommand it becomes the window: it runs `tandem-window`, installed beside it.
#![forbid(unsafe_code)]

mod error;
mod serve;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use tandem_core::{JournalFile, Store};

use crate::error::{Error, Result};

fn main() -> ExitCode {
    let args = Args::parse();
    let result = match args.command {
        None => open_window(),
        Some(command) => run(args.db, command),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("tandem: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The window's binary: `TANDEM_WINDOW`, else `tandem-window` beside this one.
fn window_binary() -> Result<PathBuf> {
    if let Some(path) = std::env::var_os("TANDEM_WINDOW").filter(|p| !p.is_empty()) {
        return Ok(PathBuf::from(path));
    }
    let me = std::env::current_exe().map_err(|source| Error::Window {
        path: PathBuf::from("tandem-window"),
        source,
    })?;
    Ok(me.with_file_name(format!("tandem-window{}", std::env::consts::EXE_SUFFIX)))
}

/// Becomes the window, with the same arguments and environment: on Unix the process is
/// replaced (same pid, so whoever started `tandem` is talking to the window).
fn open_window() -> Result<()> {
    let window = window_binary()?;
    let mut command = std::process::Command::new(&window);
    command.args(std::env::args_os().skip(1));
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        let source = command.exec();
        Err(Error::Window {
            path: window,
            source,
        })
    }
    #[cfg(not(unix))]
    {
        let status = command.status().map_err(|source| Error::Window {
            path: window.clone(),
            source,
        })?;
        std::process::exit(status.code().unwrap_or(1));
    }
}

#[derive(Debug, Parser)]
#[command(
    name = "tandem",
    version,
    about = "A private journal for mentoring partnerships.",
    long_about = "A private journal for mentoring partnerships.\n\nWith no command, opens the Tandem window. With a command, works on the journal without opening a window.\n\nCommands that only read (where, search, export-json, report, backup --out) work while the Tandem window has the same journal open. Commands that change it (demo, import-json, backup into the backups folder, restore) refuse then: close the window first, or do it from the window."
)]
struct Args {
    /// The journal file to use (default: the app's data file).
    #[arg(long, global = true, value_name = "PATH", env = "TANDEM_DB")]
    db: Option<PathBuf>,

    /// Passed by WebKitWebDriver when it launches the app under test; ignored.
    #[arg(long, hide = true)]
    automation: bool,

    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Print the path of the journal file.
    Where,
    /// Add the sample reverse-mentoring journal (or, with --sessions, a large generated one).
    Demo {
        /// Instead of the sample, generate a journal of N sessions over a handful of
        /// partnerships (for trying Tandem at scale).
        #[arg(long, value_name = "N")]
        sessions: Option<u32>,
        /// The seed of the generated journal: the same seed gives the same journal.
        #[arg(long, value_name = "S", default_value_t = 1, requires = "sessions")]
        seed: u64,
    },
    /// Search the whole journal (sessions, action items, goals, milestones, SWOT items)
    /// and print one line per match.
    Search {
        /// The words to look for; the last may be the start of a word.
        query: String,
        /// The most matches to print.
        #[arg(long, value_name = "N", default_value_t = 20)]
        limit: u32,
    },
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
    /// Make a backup of the journal (into the backups folder beside it unless --out is given)
    /// and print its path.
    Backup {
        /// The file to write the backup to.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Replace the journal with a backup. The journal as it was is saved first.
    Restore {
        /// The backup to restore (for example one in the backups folder beside the journal).
        file: PathBuf,
    },
    /// Make the progress PDF of a partnership.
    Report {
        /// The partnership: its id, or the partner's full name (in any case).
        #[arg(long, value_name = "ID_OR_NAME")]
        partnership: String,
        /// First day of the period (inclusive).
        #[arg(long, value_name = "YYYY-MM-DD")]
        from: Option<chrono::NaiveDate>,
        /// Last day of the period (inclusive).
        #[arg(long, value_name = "YYYY-MM-DD")]
        to: Option<chrono::NaiveDate>,
        /// Include the notes of private sessions (left out by default).
        #[arg(long)]
        include_private: bool,
        /// Include what your partner shared with you through exchange, labelled as theirs
        /// (left out by default).
        #[arg(long)]
        include_partner: bool,
        /// The PDF file to write.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Invite your partner to exchange what you share in a partnership: writes a small
    /// signed invite (public keys only, safe to send by chat or e-mail) and prints the link.
    Invite {
        /// The partnership: its id, or the partner's full name (in any case).
        #[arg(long, value_name = "ID_OR_NAME")]
        partnership: String,
        /// The invite file to write.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Accept your partner's invite: pairs a partnership (a new one, prefilled from the
    /// invite, unless --partnership names one) and writes your first bundle, to send back.
    Accept {
        /// The invite file your partner sent.
        file: PathBuf,
        /// The partnership to pair: its id, or the partner's full name.
        #[arg(long, value_name = "ID_OR_NAME")]
        partnership: Option<String>,
        /// The bundle file to write (send it to your partner).
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Write the bundle as text (for pasting) instead of binary.
        #[arg(long)]
        armour: bool,
    },
    /// Write a bundle of everything you share in a partnership, encrypted to your partner
    /// (and you): shared sessions, goals, your own shared SWOT, the agreement if shared.
    Share {
        /// The partnership: its id, or the partner's full name (in any case).
        #[arg(long, value_name = "ID_OR_NAME")]
        partnership: String,
        /// The bundle file to write.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Write the bundle as text (for pasting) instead of binary.
        #[arg(long)]
        armour: bool,
    },
    /// Import your partner's bundle (after checking it whole), replacing what they shared
    /// before; with --dry-run, only say what it would change.
    Receive {
        /// The bundle file your partner sent.
        file: PathBuf,
        /// Check the bundle and print what it would change, without importing it.
        #[arg(long)]
        dry_run: bool,
    },
    /// For developing Tandem: answer the window's commands over HTTP on 127.0.0.1, for the
    /// UI in a browser (`npm run dev`) and the UI's component tests. Prints the address and
    /// the token every request must carry.
    #[command(hide = true)]
    Serve {
        /// Required: this is a development tool, never a way to use Tandem.
        #[arg(long)]
        dev: bool,
        /// The port (0: any free one).
        #[arg(long, default_value_t = 0)]
        port: u16,
        /// No journal of the user's: each client makes fresh scratch journals.
        #[arg(long)]
        scratch: bool,
    },
}

/// The journal file: `--db`, else `TANDEM_DB`, else the app's data file.
fn journal_path(db: Option<PathBuf>) -> Result<PathBuf> {
    tandem_core::paths::journal_path(db).ok_or(Error::NoDataDir)
}

fn run(db: Option<PathBuf>, command: Command) -> Result<()> {
    let path = journal_path(db)?;
    match command {
        Command::Where => println!("{}", path.display()),
        Command::Serve { dev, port, scratch } => serve::serve(path, dev, port, scratch)?,
        Command::Demo { sessions: None, .. } => demo(&path)?,
        Command::Demo {
            sessions: Some(sessions),
            seed,
        } => generate(&path, sessions, seed)?,
        Command::Search { query, limit } => search(&path, &query, limit)?,
        Command::ExportJson { out } => export(&path, out.as_deref())?,
        Command::ImportJson { file } => import(&path, &file)?,
        Command::Backup { out } => backup(&path, out.as_deref())?,
        Command::Restore { file } => restore(&path, &file)?,
        Command::Invite { partnership, out } => invite(&path, &partnership, &out)?,
        Command::Accept {
            file,
            partnership,
            out,
            armour,
        } => accept(&path, &file, partnership.as_deref(), &out, armour)?,
        Command::Share {
            partnership,
            out,
            armour,
        } => share(&path, &partnership, &out, armour)?,
        Command::Receive { file, dry_run } => receive(&path, &file, dry_run)?,
        Command::Report {
            partnership,
            from,
            to,
            include_private,
            include_partner,
            out,
        } => {
            let store = open_to_read(&path)?;
            let options = tandem_core::report::ReportOptions {
                partnership_id: store.find_partnership(&partnership)?,
                from,
                to,
                include_private,
                include_partner,
            };
            report(&store, &options, &out)?
        }
    }
    Ok(())
}

/// Opens the journal for a command that only reads: alongside a window, on a read-only
/// connection. A journal that must be written first (new, or from an earlier Tandem) is
/// opened as for a writing command.
fn open_to_read(path: &Path) -> Result<Store> {
    match Store::open_read_only(path)? {
        Some(store) => Ok(store),
        None => Ok(Store::open_for_command(path)?),
    }
}

fn demo(path: &Path) -> Result<()> {
    let mut store = Store::open_for_command(path)?;
    match store.load_sample(tandem_core::api::today())? {
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

fn generate(path: &Path, sessions: u32, seed: u64) -> Result<()> {
    let mut store = Store::open_for_command(path)?;
    let today = tandem_core::api::today();
    let r = tandem_core::demo::generate(&mut store, sessions, seed, today)?;
    if r.added == 0 {
        println!(
            "This generated journal (seed {seed}) is already in {}; nothing changed.",
            path.display()
        );
    } else {
        println!(
            "Generated {} sessions in {} partnerships into {} ({} action items, {} goals, {} milestones, {} progress entries).",
            r.sessions,
            r.partnerships,
            path.display(),
            r.action_items,
            r.goals,
            r.milestones,
            r.progress
        );
    }
    Ok(())
}

fn search(path: &Path, query: &str, limit: u32) -> Result<()> {
    let store = open_to_read(path)?;
    let hits = store.search(query, limit)?;
    if hits.is_empty() {
        println!("No matches for \u{201c}{}\u{201d}.", query.trim());
        return Ok(());
    }
    let mut out = String::new();
    for hit in &hits {
        out.push_str(&search_line(hit));
        out.push('\n');
    }
    std::io::stdout()
        .write_all(out.as_bytes())
        .map_err(|source| Error::Write {
            path: "standard output".into(),
            source,
        })
}

/// One match as a line: kind, partner, date, title, then the snippet with the matched
/// words in [brackets], separated by tabs. Line breaks and other control characters in
/// the text become spaces, so each match stays one line.
fn search_line(hit: &tandem_core::model::SearchHit) -> String {
    use tandem_core::model::ItemKind;
    let kind = match hit.kind {
        ItemKind::Session => "session",
        ItemKind::ActionItem => "action item",
        ItemKind::Goal => "goal",
        ItemKind::Milestone => "milestone",
        ItemKind::SwotItem => "SWOT item",
        ItemKind::Partnership => "partnership",
        ItemKind::Progress => "progress",
        ItemKind::SwotSnapshot => "SWOT",
        ItemKind::Tows => "strategy",
    };
    let date = hit.date.map_or_else(|| "-".to_owned(), |d| d.to_string());
    let snippet: String = hit
        .snippet
        .iter()
        .map(|s| {
            if s.hit {
                format!("[{}]", s.text)
            } else {
                s.text.clone()
            }
        })
        .collect();
    let flat = |text: &str| -> String {
        text.chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect()
    };
    format!(
        "{kind}\t{}\t{date}\t{}\t{}",
        flat(&hit.partner_name),
        flat(&hit.title),
        flat(&snippet)
    )
}

fn export(path: &Path, out: Option<&Path>) -> Result<()> {
    let store = open_to_read(path)?;
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
    let mut store = Store::open_for_command(path)?;
    let r = store.import_journal(&journal)?;
    let left = match r.left_deleted {
        0 => String::new(),
        1 => " 1 left out: it was emptied from the trash here.".to_owned(),
        n => format!(" {n} left out: they were emptied from the trash here."),
    };
    println!(
        "Imported {}: {} added, {} updated, {} unchanged.{left}",
        file.display(),
        r.added,
        r.updated,
        r.unchanged
    );
    Ok(())
}

fn report(store: &Store, options: &tandem_core::report::ReportOptions, out: &Path) -> Result<()> {
    let today = tandem_core::api::today();
    let file = tandem_core::report::write(store, options, today, out, &mut |_| {}).map_err(
        |e| match e {
            tandem_core::Error::Io { source, .. } => Error::Write {
                path: out.to_owned(),
                source,
            },
            other => other.into(),
        },
    )?;
    println!("Wrote {}-page report to {}", file.pages, out.display());
    Ok(())
}

fn backup(path: &Path, out: Option<&Path>) -> Result<()> {
    // A backup of nothing would only hide the mistake of a wrong --db.
    if !path.exists() {
        return Err(Error::Read {
            path: path.to_owned(),
            source: std::io::Error::new(
                std::io::ErrorKind::NotFound,
                "there is no journal there to back up",
            ),
        });
    }
    // A backup to a file of the user's only reads the journal; one into the backups
    // folder changes what the window lists and rotates, so it waits for the window to close.
    let info = match out {
        Some(out) => open_to_read(path)?.backup_to(out)?,
        None => Store::open_for_command(path)?.backup()?,
    };
    println!("{}", info.path);
    Ok(())
}

fn restore(path: &Path, file: &Path) -> Result<()> {
    let _hold = tandem_core::JournalLock::for_command(path)?;
    let report = tandem_core::restore(path, file)?;
    match (&report.previous_saved_to, report.previous_was_damaged) {
        (Some(saved), false) => println!(
            "Restored {} from {}. The journal as it was before is saved in {saved}.",
            report.journal, report.restored_from
        ),
        (Some(saved), true) => println!(
            "Restored {} from {}. The damaged journal it replaced was moved, unchanged, to {saved}.",
            report.journal, report.restored_from
        ),
        (None, _) => println!(
            "Restored {} from {}. There was no journal there before, so nothing was replaced.",
            report.journal, report.restored_from
        ),
    }
    Ok(())
}

fn invite(path: &Path, partnership: &str, out: &Path) -> Result<()> {
    let mut store = Store::open_for_command(path)?;
    let id = store.find_partnership(partnership)?;
    let invite = store.invite_to_file(id, out)?;
    println!(
        "Wrote an invite for {} to {} (link {}). Send it to them; it holds only public keys. \
         Once their answer is imported (tandem receive), compare the fingerprint words with them.",
        invite.link.partner_name,
        out.display(),
        invite.link.id
    );
    Ok(())
}

fn fingerprint_line(link: &tandem_core::model::ExchangeLink) -> String {
    match &link.fingerprint {
        Some(words) => format!("Fingerprint: {}", words.join(" ")),
        None => "Fingerprint: not yet (both keys are known after the first bundle).".to_owned(),
    }
}

fn accept(
    path: &Path,
    file: &Path,
    partnership: Option<&str>,
    out: &Path,
    armour: bool,
) -> Result<()> {
    let text = tandem_core::read_invite_file(file)?;
    let mut store = Store::open_for_command(path)?;
    let into = partnership.map(|p| store.find_partnership(p)).transpose()?;
    let report = store.accept_to_file(&text, into, out, armour)?;
    println!(
        "Paired with {}. Wrote your first bundle ({} bytes) to {}: send it back to them.",
        report.link.partner_name,
        report.bytes,
        out.display()
    );
    println!("{}", fingerprint_line(&report.link));
    println!("Read the words to each other; when they match, the link is verified.");
    Ok(())
}

fn counts_line(c: &tandem_core::model::ShareCounts) -> String {
    format!(
        "{} sessions, {} action items, {} goals, {} milestones, {} progress entries, {} SWOT snapshots ({} items), {} agreement, {} acknowledgements",
        c.sessions,
        c.action_items,
        c.goals,
        c.milestones,
        c.progress,
        c.swot_snapshots,
        c.swot_items,
        if c.agreement == 1 { "the" } else { "no" },
        c.acknowledgements
    )
}

fn share(path: &Path, partnership: &str, out: &Path, armour: bool) -> Result<()> {
    let mut store = Store::open_for_command(path)?;
    let id = store.find_partnership(partnership)?;
    let report = store.share_to_file(id, out, armour)?;
    println!(
        "Wrote bundle {} for {} ({} bytes) to {}: {}.",
        report.sequence,
        report.link.partner_name,
        report.bytes,
        out.display(),
        counts_line(&report.counts)
    );
    Ok(())
}

fn receive(path: &Path, file: &Path, dry_run: bool) -> Result<()> {
    let preview = if dry_run {
        open_to_read(path)?.receive_preview_file(file)?
    } else {
        Store::open_for_command(path)?.receive_file(file)?
    };
    let flat = |text: &str| -> String {
        text.chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect()
    };
    println!(
        "Bundle {} from {} ({}), shared on {}.",
        preview.sequence,
        flat(&preview.from_name),
        if preview.verified {
            "verified"
        } else {
            "not verified"
        },
        preview.shared_at.format("%-d %B %Y %H:%M UTC")
    );
    if preview.unchanged {
        println!("You imported this very bundle already: nothing changes.");
    } else {
        println!("It holds {}.", counts_line(&preview.counts));
        for c in &preview.changes {
            if c.new + c.changed + c.withdrawn > 0 {
                println!(
                    "  {}: {} new, {} changed, {} no longer shared",
                    c.kind.replace('_', " "),
                    c.new,
                    c.changed,
                    c.withdrawn
                );
            }
        }
    }
    for a in &preview.asked_of_me {
        println!(
            "  Asked of you{}: {} (session \u{201c}{}\u{201d}{})",
            if a.done { ", done" } else { "" },
            flat(&a.text),
            flat(&a.session_title),
            a.due_on.map(|d| format!(", due {d}")).unwrap_or_default()
        );
    }
    if preview.first {
        println!("{}", fingerprint_line(&preview.link));
    }
    if dry_run {
        println!("Dry run: nothing was imported.");
    } else {
        println!("Imported.");
    }
    Ok(())
}
