//! The commands the UI may call, declared once in [`with_commands!`](crate::with_commands)
//! (`table.rs`). From that table come: the window's handlers and permissions
//! (`src-tauri`), [`dispatch`] (the development server's, `tandem serve --dev`, and the
//! UI's component tests, which run on this core), [`commands`] (names and signatures, for
//! the permission test) and the typed TypeScript client, `ui/src/lib/generated/commands.ts`
//! ([`typescript`]; committed, with a drift test like the types').

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;
use ts_rs::{Config, TS};

use crate::error::{ErrorCode, ErrorPayload};
use crate::life::Journal;

mod table;

/// What the table's lines name: every expansion site imports this.
pub mod prelude {
    pub use super::today;
    pub use crate::exchange::BundlePayload;
    pub use crate::journal::ImportReport;
    pub use crate::life::LOCK_WAIT;
    pub use crate::markdown;
    pub use crate::model::{
        ActionItem, ActionItemDraft, ActionItemView, Dashboard, ExchangeLink, Goal, GoalDetail,
        GoalDraft, GoalSummary, InviteOut, InvitePreview, ItemKind, JournalInfo, KindChanges,
        Milestone, MilestoneDraft, PartnerGoals, PartnerSessions, Partnership, PartnershipDraft,
        PartnershipOverview, ProgressDraft, ProgressEntry, Quadrant, ReceivePreview, SearchHit,
        Session, SessionDraft, SessionPage, ShareReport, Side, SwotBoard, SwotComparison, SwotItem,
        SwotItemDraft, SwotSnapshot, SwotView, TopicCount, TowsDraft, TowsStrategy, TrashEntry,
        Visibility,
    };
    pub use crate::report::{self, ReportOptions, ReportPreview};
    pub use crate::store::{BackupInfo, RestoreReport};
    pub use chrono::NaiveDate;
    pub use std::path::PathBuf;
    pub use uuid::Uuid;
}

use prelude::*;

/// Where the generated client lives, relative to the workspace root.
pub const CLIENT_PATH: &str = "ui/src/lib/generated/commands.ts";

/// The user's today, by the local calendar: due dates, overdue and stalled are judged by it.
pub fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// What a command runs on (the table's sections).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Store,
    Journal,
    Pure,
    Host,
    Window,
}

/// One line of the table: the name, its arguments (name and TypeScript type) and the
/// TypeScript type of its answer (`None` for the window's own commands, which have no
/// typed client).
#[derive(Debug, Clone)]
pub struct Command {
    pub name: &'static str,
    pub kind: Kind,
    pub doc: Vec<&'static str>,
    pub args: Vec<(&'static str, String)>,
    pub answer: Option<String>,
}

/// Makes [`commands`] and [`dispatch`] from the table.
macro_rules! from_the_table {
    (
        store { $( $(#[doc = $sd:literal])* $sn:ident ( $($sa:ident : $st:ty),* ) -> $sr:ty = $sb:expr ; )* }
        journal { $( $(#[doc = $jd:literal])* $jn:ident ( $($ja:ident : $jt:ty),* ) -> $jr:ty = $jb:expr ; )* }
        pure { $( $(#[doc = $pd:literal])* $pn:ident ( $($pa:ident : $pt:ty),* ) -> $pr:ty = $pb:expr ; )* }
        host { $( $(#[doc = $hd:literal])* $hn:ident ( $($ha:ident : $ht:ty),* ) -> $hr:ty ; )* }
        window { $( $wn:ident ; )* }
    ) => {
        /// Every command of the table, in its order.
        pub fn commands() -> Vec<Command> {
            let cfg = Config::new();
            let line = |name, kind, doc: &[&'static str], args, answer| Command {
                name,
                kind,
                doc: doc.to_vec(),
                args,
                answer,
            };
            vec![
                $( line(stringify!($sn), Kind::Store, &[$($sd),*], vec![$((stringify!($sa), <$st as TS>::name(&cfg))),*], Some(<$sr as TS>::name(&cfg))), )*
                $( line(stringify!($jn), Kind::Journal, &[$($jd),*], vec![$((stringify!($ja), <$jt as TS>::name(&cfg))),*], Some(<$jr as TS>::name(&cfg))), )*
                $( line(stringify!($pn), Kind::Pure, &[$($pd),*], vec![$((stringify!($pa), <$pt as TS>::name(&cfg))),*], Some(<$pr as TS>::name(&cfg))), )*
                $( line(stringify!($hn), Kind::Host, &[$($hd),*], vec![$((stringify!($ha), <$ht as TS>::name(&cfg))),*], Some(<$hr as TS>::name(&cfg))), )*
                $( line(stringify!($wn), Kind::Window, &[], vec![], None), )*
            ]
        }

        /// Runs the store, journal or pure command `name` with `args` (a JSON object keyed
        /// by the table's argument names) on `journal`, as the window's handler would, and
        /// answers its JSON. Host and window commands are the caller's; for them, and for
        /// names not in the table, an `invalid_input` error.
        pub fn dispatch(journal: &mut Journal, name: &str, args: &Value) -> Result<Value, ErrorPayload> {
            $( if name == stringify!($sn) {
                $( let $sa: $st = arg(args, name, stringify!($sa))?; )*
                return answer(journal.with($sb));
            } )*
            $( if name == stringify!($jn) {
                $( let $ja: $jt = arg(args, name, stringify!($ja))?; )*
                return answer(on_journal(journal, $jb));
            } )*
            $( if name == stringify!($pn) {
                $( let $pa: $pt = arg(args, name, stringify!($pa))?; )*
                return answer(Ok::<$pr, ErrorPayload>($pb));
            } )*
            Err(malformed(format!("Tandem has no command “{name}” here.")))
        }
    };
}

crate::with_commands!(from_the_table);

/// Runs a journal command's body; its core error becomes what the UI is shown.
pub fn on_journal<T>(
    journal: &mut Journal,
    f: impl FnOnce(&mut Journal) -> crate::Result<T>,
) -> Result<T, ErrorPayload> {
    f(journal).map_err(|e| ErrorPayload::from(&e))
}

fn arg<T: DeserializeOwned>(args: &Value, command: &str, name: &str) -> Result<T, ErrorPayload> {
    let value = args.get(name).cloned().unwrap_or(Value::Null);
    serde_json::from_value(value).map_err(|e| {
        malformed(format!(
            "The command “{command}” got a wrong “{name}”: {e}."
        ))
    })
}

fn answer<T: Serialize>(result: Result<T, ErrorPayload>) -> Result<Value, ErrorPayload> {
    let value = result?;
    serde_json::to_value(value)
        .map_err(|e| malformed(format!("The answer could not be written: {e}.")))
}

/// A request the table cannot run (an unknown name, an argument of the wrong type): what
/// the caller is told, as an `invalid_input` with no field.
pub fn malformed(message: String) -> ErrorPayload {
    ErrorPayload {
        code: ErrorCode::InvalidInput,
        message,
        field: None,
    }
}

/// `partnership_id` → `partnershipId`.
fn camel(snake: &str) -> String {
    let mut out = String::with_capacity(snake.len());
    let mut upper = false;
    for c in snake.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// `Array<T>` → `T[]` where that reads the same, and `null` (Rust's `()`) as an answer → `void`.
fn ts_answer(ts: &str) -> String {
    if ts == "null" {
        return "void".into();
    }
    ts_type(ts)
}

fn ts_type(ts: &str) -> String {
    match ts.strip_prefix("Array<").and_then(|t| t.strip_suffix('>')) {
        Some(inner) if inner.chars().all(|c| c.is_ascii_alphanumeric()) => format!("{inner}[]"),
        _ => ts.to_string(),
    }
}

/// The type names a TypeScript type text refers to (to import them from `types.ts`).
fn named_types(ts: &str, into: &mut std::collections::BTreeSet<String>) {
    for word in ts.split(|c: char| !c.is_ascii_alphanumeric() && c != '_') {
        if word.starts_with(|c: char| c.is_ascii_uppercase()) && word != "Array" && word != "Record"
        {
            into.insert(word.to_string());
        }
    }
}

/// The whole generated TypeScript client.
pub fn typescript() -> String {
    let commands: Vec<Command> = commands()
        .into_iter()
        .filter(|c| c.kind != Kind::Window)
        .collect();
    let mut types = std::collections::BTreeSet::new();
    for c in &commands {
        for (_, ts) in &c.args {
            named_types(ts, &mut types);
        }
        if let Some(ts) = &c.answer {
            named_types(ts, &mut types);
        }
    }
    let mut out = String::from(
        "// Generated from the command table (core/src/api/table.rs) by `tandem_core::api`. Do\n\
         // not edit: run `TANDEM_BLESS=1 cargo test -p tandem-core bindings` after changing it.\n\n",
    );
    out.push_str("import type {\n");
    for t in &types {
        out.push_str(&format!("  {t},\n"));
    }
    out.push_str("} from './types'\n\n");
    out.push_str("/** Every command of the table, by the name the core knows it by. */\nexport const COMMANDS = [\n");
    for c in &commands {
        out.push_str(&format!("  '{}',\n", c.name));
    }
    out.push_str("] as const\n\nexport type CommandName = (typeof COMMANDS)[number]\n\n");
    out.push_str(
        "/**\n * Sends one command with its arguments (keyed by the core's snake_case names) and\n * resolves to its answer, or rejects with what the core said.\n */\n\
         export type Transport = (command: CommandName, args: Record<string, unknown>) => Promise<unknown>\n\n",
    );
    out.push_str("/** The table's commands as typed calls. */\nexport interface Commands {\n");
    for c in &commands {
        if !c.doc.is_empty() {
            let lines: Vec<&str> = c.doc.iter().map(|l| l.trim()).collect();
            out.push_str(&format!("  /** {} */\n", lines.join(" ")));
        }
        let params: Vec<String> = c
            .args
            .iter()
            .map(|(n, ts)| format!("{}: {}", camel(n), ts_type(ts)))
            .collect();
        let answer = c.answer.as_deref().map_or_else(|| "void".into(), ts_answer);
        out.push_str(&format!(
            "  {}({}): Promise<{}>\n",
            camel(c.name),
            params.join(", "),
            answer
        ));
    }
    out.push_str("}\n\n");
    out.push_str("/** The typed calls over `send`: each names its command and its arguments once, here. */\nexport function commandClient(send: Transport): Commands {\n  return {\n");
    for c in &commands {
        let params: Vec<String> = c.args.iter().map(|(n, _)| camel(n)).collect();
        let fields: Vec<String> = c
            .args
            .iter()
            .map(|(n, _)| {
                let js = camel(n);
                if js == *n { js } else { format!("{n}: {js}") }
            })
            .collect();
        let answer = c.answer.as_deref().map_or_else(|| "void".into(), ts_answer);
        out.push_str(&format!(
            "    {}: ({}) => send('{}', {{{}}}) as Promise<{}>,\n",
            camel(c.name),
            params.join(", "),
            c.name,
            if fields.is_empty() {
                String::new()
            } else {
                format!(" {} ", fields.join(", "))
            },
            answer
        ));
    }
    out.push_str("  }\n}\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn camel_case_of_the_argument_names() {
        assert_eq!(camel("partnership_id"), "partnershipId");
        assert_eq!(camel("mine_snapshot_id"), "mineSnapshotId");
        assert_eq!(camel("id"), "id");
    }

    #[test]
    fn names_are_unique_and_snake_case() {
        let mut seen = std::collections::BTreeSet::new();
        for c in commands() {
            assert!(seen.insert(c.name), "{} is in the table twice", c.name);
            assert!(
                c.name
                    .chars()
                    .all(|ch| ch.is_ascii_lowercase() || ch == '_'),
                "{} is not snake_case",
                c.name
            );
        }
    }

    #[test]
    fn dispatch_refuses_names_outside_the_table_and_host_commands() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let mut journal = Journal::open(dir.path().join("j.sqlite3"), LOCK_WAIT);
        for name in ["drop_table", "check_journal", "export_report", ""] {
            let e = dispatch(&mut journal, name, &Value::Null).expect_err(name);
            assert_eq!(e.code, ErrorCode::InvalidInput, "{name}");
        }
    }
}
