//! `tandem serve --dev`: the command table (`tandem_core::api`) over HTTP, for working on
//! the UI in a browser (`npm run dev`) and for the UI's component tests, which run on this
//! core instead of on a copy of its rules. A development tool: it refuses to start without
//! `--dev`, and the window never starts it.
//!
//! It listens on 127.0.0.1 only, on a random port unless `--port` says otherwise, and
//! prints one line of JSON, `{"url": …, "token": …}`. Every request must carry that token
//! (`x-tandem-token`, compared in constant time) and a `Host` of 127.0.0.1 or localhost at
//! that port, so no web page the browser visits can reach it (no DNS rebinding either).
//!
//! `POST /rpc/<command>` with the arguments as a JSON object answers the command's JSON
//! (200) or the core's error payload (400). With `--scratch` there is no user journal:
//! `POST /scratch` (optionally `{"kind": "sample" | "damaged" | …}`) makes a fresh journal
//! in a temporary folder and answers its id, folder and path; requests name the id in
//! `x-tandem-journal`. With `"open": false` only the file is made (for a test that opens
//! it as another journal).

use std::collections::HashMap;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde_json::{Value, json};
use tandem_core::ErrorPayload;
use tandem_core::api::{self, malformed, today};
use tandem_core::life::Journal;
use tandem_core::scratch::{self, ScratchKind};
use tiny_http::{Header, Method, Request, Response, Server};

use crate::error::{Error, Result};

/// The largest request body read (a 5 MiB note in JSON, escaped, with room to spare).
const MAX_BODY: u64 = 64 * 1024 * 1024;

/// Where the commands go: the user's journal, or scratch journals made on request.
enum Journals {
    One(Journal),
    Scratch {
        dir: tempfile::TempDir,
        journals: HashMap<String, Journal>,
    },
}

pub fn serve(path: PathBuf, dev: bool, port: u16, scratch: bool) -> Result<()> {
    if !dev {
        return Err(Error::Serve(
            "`tandem serve` is a development tool (the UI in a browser, the UI's tests); start it with --dev".into(),
        ));
    }
    let server = Server::http(("127.0.0.1", port))
        .map_err(|e| Error::Serve(format!("could not listen on 127.0.0.1:{port}: {e}")))?;
    let port = server
        .server_addr()
        .to_ip()
        .map(|a| a.port())
        .ok_or_else(|| Error::Serve("the server has no TCP address".into()))?;
    let token = uuid::Uuid::new_v4().simple().to_string();
    let mut journals = if scratch {
        let dir = tempfile::tempdir()
            .map_err(|e| Error::Serve(format!("no temporary folder for scratch journals: {e}")))?;
        Journals::Scratch {
            dir,
            journals: HashMap::new(),
        }
    } else {
        Journals::One(Journal::open(path, tandem_core::life::LOCK_WAIT))
    };
    let line = json!({ "url": format!("http://127.0.0.1:{port}"), "token": token });
    let mut out = std::io::stdout();
    writeln!(out, "{line}")
        .and_then(|()| out.flush())
        .map_err(|source| Error::Write {
            path: "standard output".into(),
            source,
        })?;
    for mut request in server.incoming_requests() {
        let (status, body) = answer(&mut journals, &token, port, &mut request);
        let response = Response::from_string(body.to_string())
            .with_status_code(status)
            .with_header(header("content-type", "application/json"))
            .with_header(header("cache-control", "no-store"));
        if let Err(e) = request.respond(response) {
            eprintln!("tandem serve: could not answer: {e}");
        }
    }
    Ok(())
}

/// A header from ASCII literals of this file, which always make one.
fn header(name: &'static str, value: &'static str) -> Header {
    Header::from_bytes(name, value).expect("an ASCII header")
}

fn header_value<'r>(request: &'r Request, name: &'static str) -> Option<&'r str> {
    request
        .headers()
        .iter()
        .find(|h| h.field.equiv(name))
        .map(|h| h.value.as_str())
}

fn refuse(message: &str) -> Value {
    json!(malformed(message.to_owned()))
}

/// Whether two strings are equal, taking the same time wherever they differ.
fn same(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

fn answer(journals: &mut Journals, token: &str, port: u16, request: &mut Request) -> (u16, Value) {
    let host_ok = header_value(request, "host")
        .is_some_and(|h| h == format!("127.0.0.1:{port}") || h == format!("localhost:{port}"));
    let token_ok = header_value(request, "x-tandem-token").is_some_and(|t| same(t, token));
    if !host_ok || !token_ok {
        return (
            403,
            refuse("This server answers its own token on loopback only."),
        );
    }
    if *request.method() != Method::Post {
        return (405, refuse("Only POST is answered."));
    }
    let url = request.url().to_owned();
    let journal_id = header_value(request, "x-tandem-journal").map(str::to_owned);
    let body = match read_body(request) {
        Ok(body) => body,
        Err(message) => return (400, refuse(&message)),
    };
    if url == "/scratch" {
        return match journals {
            Journals::Scratch { dir, journals } => new_scratch(dir.path(), journals, &body),
            Journals::One(_) => (
                404,
                refuse("Scratch journals need `tandem serve --scratch`."),
            ),
        };
    }
    let Some(command) = url.strip_prefix("/rpc/") else {
        return (404, refuse("Nothing here: POST /rpc/<command>."));
    };
    let journal = match journals {
        Journals::One(journal) => journal,
        Journals::Scratch { journals, .. } => {
            match journal_id.as_deref().and_then(|id| journals.get_mut(id)) {
                Some(journal) => journal,
                None => return (400, refuse("Name a scratch journal in x-tandem-journal.")),
            }
        }
    };
    match run(journal, command, &body) {
        Ok(value) => (200, value),
        Err(e) => (400, json!(e)),
    }
}

/// The request's JSON body (`null` when it has none).
fn read_body(request: &mut Request) -> std::result::Result<Value, String> {
    let mut bytes = Vec::new();
    request
        .as_reader()
        .take(MAX_BODY + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("The request could not be read: {e}."))?;
    if bytes.len() as u64 > MAX_BODY {
        return Err(format!("The request is larger than {MAX_BODY} bytes."));
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(Value::Null);
    }
    serde_json::from_slice(&bytes).map_err(|e| format!("The request is not JSON: {e}."))
}

fn new_scratch(dir: &Path, journals: &mut HashMap<String, Journal>, body: &Value) -> (u16, Value) {
    let kind: ScratchKind = match body.get("kind") {
        None | Some(Value::Null) => ScratchKind::Empty,
        Some(kind) => match serde_json::from_value(kind.clone()) {
            Ok(kind) => kind,
            Err(e) => return (400, refuse(&format!("Unknown scratch journal: {e}."))),
        },
    };
    let id = match std::fs::read_dir(dir) {
        Ok(entries) => (entries.count() + 1).to_string(),
        Err(e) => {
            return (
                400,
                refuse(&format!("Could not read {}: {e}.", dir.display())),
            );
        }
    };
    let folder = dir.join(&id);
    let path = folder.join("journal.sqlite3");
    if let Err(e) = std::fs::create_dir_all(&folder) {
        return (
            400,
            refuse(&format!("Could not make {}: {e}.", folder.display())),
        );
    }
    if let Err(e) = scratch::make(&path, kind, today()) {
        return (400, json!(ErrorPayload::from(&e)));
    }
    let answer = json!({
        "id": id,
        "dir": folder.display().to_string(),
        "path": path.display().to_string(),
    });
    // `"open": false`: only the file, for a test to open later (as another journal).
    if body.get("open") != Some(&Value::Bool(false)) {
        journals.insert(id.clone(), Journal::open(path, Duration::ZERO));
    }
    (200, answer)
}

/// One command: the host commands (the integrity check; the report, answered with its
/// progress at the end instead of streamed) here, the rest by the table.
fn run(
    journal: &mut Journal,
    command: &str,
    args: &Value,
) -> std::result::Result<Value, ErrorPayload> {
    match command {
        "check_journal" => {
            if let Some(check) = journal.pending_check()
                && let Err(e) = check.run()
            {
                journal.failed_check(&check, ErrorPayload::from(&e));
            }
            Ok(json!(journal.info()))
        }
        "export_report" => {
            let options =
                serde_json::from_value(args.get("options").cloned().unwrap_or(Value::Null))
                    .map_err(|e| malformed(format!("The report's options are wrong: {e}.")))?;
            let path: PathBuf =
                serde_json::from_value(args.get("path").cloned().unwrap_or(Value::Null))
                    .map_err(|e| malformed(format!("The report's path is wrong: {e}.")))?;
            let mut progress = Vec::new();
            let file = journal.with(|s| {
                tandem_core::report::write(s, &options, today(), &path, &mut |p| progress.push(p))
            })?;
            Ok(json!({ "file": file, "progress": progress }))
        }
        "startup_mark" => Ok(Value::Null),
        _ => api::dispatch(journal, command, args),
    }
}
