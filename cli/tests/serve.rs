//! `tandem serve --dev`: the command table over loopback HTTP, as the UI's component tests
//! and `npm run dev` use it; spoken to here in plain HTTP over a socket.
#![allow(clippy::unwrap_used)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};

use serde_json::{Value, json};

struct Server {
    child: Child,
    port: u16,
    token: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(args: &[&str]) -> Server {
    let dir = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_tandem"))
        .arg("--db")
        .arg(dir.path().join("journal.sqlite3"))
        .args(["serve", "--dev"])
        .args(args)
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let first: Value = serde_json::from_str(&line).unwrap();
    let url = first["url"].as_str().unwrap();
    let port = url.rsplit(':').next().unwrap().parse().unwrap();
    assert!(url.starts_with("http://127.0.0.1:"), "{url}");
    let token = first["token"].as_str().unwrap().to_owned();
    assert!(token.len() >= 32, "{token}");
    std::mem::forget(dir);
    Server { child, port, token }
}

/// One request; answers the status and the JSON body.
fn post(port: u16, path: &str, headers: &[(&str, &str)], body: &Value) -> (u16, Value) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    let body = body.to_string();
    let mut request = format!(
        "POST {path} HTTP/1.1\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (name, value) in headers {
        request.push_str(&format!("{name}: {value}\r\n"));
    }
    request.push_str("\r\n");
    request.push_str(&body);
    stream.write_all(request.as_bytes()).unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    let status = answer[9..12].parse().unwrap();
    let json = answer.split("\r\n\r\n").nth(1).unwrap();
    (status, serde_json::from_str(json).unwrap())
}

impl Server {
    fn call(&self, journal: Option<&str>, command: &str, args: Value) -> (u16, Value) {
        let host = format!("127.0.0.1:{}", self.port);
        let mut headers = vec![
            ("Host", host.as_str()),
            ("x-tandem-token", self.token.as_str()),
        ];
        if let Some(id) = journal {
            headers.push(("x-tandem-journal", id));
        }
        post(self.port, &format!("/rpc/{command}"), &headers, &args)
    }

    fn scratch(&self, kind: &str) -> String {
        let host = format!("127.0.0.1:{}", self.port);
        let (status, answer) = post(
            self.port,
            "/scratch",
            &[("Host", &host), ("x-tandem-token", &self.token)],
            &json!({ "kind": kind }),
        );
        assert_eq!(status, 200, "{answer}");
        answer["id"].as_str().unwrap().to_owned()
    }
}

#[test]
fn serve_refuses_to_start_without_dev() {
    let out = Command::new(env!("CARGO_BIN_EXE_tandem"))
        .args(["serve"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("--dev"), "{stderr}");
}

#[test]
fn serve_answers_only_requests_with_its_token_and_a_loopback_host() {
    let server = start(&[]);
    let port = server.port;
    let right_host = format!("127.0.0.1:{port}");
    let args = json!({});
    let (status, _) = post(
        port,
        "/rpc/list_partnerships",
        &[("Host", &right_host)],
        &args,
    );
    assert_eq!(status, 403, "no token");
    let (status, _) = post(
        port,
        "/rpc/list_partnerships",
        &[
            ("Host", &right_host),
            ("x-tandem-token", "0123456789abcdef0123456789abcdef"),
        ],
        &args,
    );
    assert_eq!(status, 403, "a wrong token");
    let (status, _) = post(
        port,
        "/rpc/list_partnerships",
        &[
            ("Host", "evil.example:80"),
            ("x-tandem-token", &server.token),
        ],
        &args,
    );
    assert_eq!(status, 403, "another host (DNS rebinding)");
    let (status, answer) = server.call(None, "list_partnerships", args);
    assert_eq!((status, answer), (200, json!([])));
}

#[test]
fn serve_runs_the_commands_of_the_table_with_the_cores_own_errors() {
    let server = start(&["--scratch"]);
    let a = server.scratch("empty");
    let b = server.scratch("sample");
    let (status, error) = server.call(
        Some(&a),
        "create_partnership",
        json!({ "draft": {
            "partner_name": "  ", "partner_org": "", "my_name": "", "my_role": "mentor",
            "kind": "reverse", "started_on": "2026-01-12", "ended_on": null,
            "agreement": { "objectives": "", "boundaries": "", "cadence_days": null, "session_minutes": null, "ending": "" }
        }}),
    );
    assert_eq!(status, 400);
    assert_eq!(error["code"], "invalid_input");
    assert_eq!(error["field"], "partner_name");
    // Each scratch journal is its own: the sample is in b only.
    assert_eq!(
        server.call(Some(&a), "list_partnerships", json!({})).1,
        json!([])
    );
    let (_, sample) = server.call(Some(&b), "list_partnerships", json!({}));
    assert_eq!(sample.as_array().unwrap().len(), 2, "{sample}");
    let (status, hits) = server.call(Some(&b), "search", json!({ "query": "prompt", "limit": 5 }));
    assert_eq!(status, 200);
    assert!(!hits.as_array().unwrap().is_empty(), "{hits}");
    // Names outside the table, and arguments of the wrong type, are refused.
    let (status, error) = server.call(Some(&a), "drop_everything", json!({}));
    assert_eq!(
        (status, error["code"].as_str()),
        (400, Some("invalid_input"))
    );
    let (status, error) = server.call(Some(&a), "get_session", json!({ "id": 7 }));
    assert_eq!(
        (status, error["code"].as_str()),
        (400, Some("invalid_input"))
    );
    // A journal that fails its deferred check says so once asked, as in the window.
    let c = server.scratch("fails_check");
    let (_, info) = server.call(Some(&c), "journal_info", json!({}));
    assert_eq!(info["error"], Value::Null, "{info}");
    let (_, info) = server.call(Some(&c), "check_journal", json!({}));
    assert_eq!(info["error"]["code"], "journal_damaged", "{info}");
    let d = server.scratch("too_new");
    let (_, info) = server.call(Some(&d), "journal_info", json!({}));
    assert_eq!(info["error"]["code"], "journal_too_new", "{info}");
}
