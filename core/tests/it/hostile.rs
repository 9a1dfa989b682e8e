//! Hostile input: a corpus of awkward and malicious values pushed into every field, through
//! the JSON import (as one field of an otherwise valid export) and through the core API.
//! Nothing panics; what is accepted round-trips exactly (text byte for byte); what is
//! refused gets `invalid_input` / `import_invalid` naming the field, and changes nothing.
//!
//! Each case states what it expects (`Accept`, `Refuse`, or `Either` where both are
//! defensible, e.g. a date form chrono reads leniently): a test that cannot fail in both
//! directions would prove little. The counts are printed (`--nocapture`).

use std::panic::{AssertUnwindSafe, catch_unwind};

use chrono::{NaiveDate, NaiveTime};
use serde_json::Value;
use tandem_core::model::{PartnershipDraft, SessionDraft};
use tandem_core::{JournalFile, Store};

use crate::{partnership_draft, session_draft};

/// The limits, in characters.
const SHORT: usize = 300;
const LONG: usize = 5_000_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expect {
    Accept,
    Refuse,
    Either,
}
use Expect::*;

/// The text corpus: Unicode edge cases, bidi, zero-width, Zalgo, emoji, control
/// characters, markup and script, SQL, format strings.
pub fn texts() -> Vec<String> {
    let zalgo: String = "Zalgo"
        .chars()
        .flat_map(|c| std::iter::once(c).chain((0..40).map(|i| char::from_u32(0x300 + i).unwrap())))
        .collect();
    let mut out: Vec<String> = [
        "",
        " ",
        "\t\n \r\n",
        "\u{3000}\u{2028}\u{85}",
        "a",
        "Zoë Okafor",
        "e\u{301}\u{302}\u{303}",
        "שלום עולם",
        "مرحبا بالعالم",
        "English עברית English عربى 123",
        "\u{202E}gnp.exe",
        "\u{202D}\u{202C}\u{202A}\u{202B}",
        "\u{2066}isolate\u{2069}\u{2067}rtl\u{2069}\u{2068}",
        "\u{200F}\u{200E}",
        "a\u{200D}b",
        "a\u{200C}b",
        "\u{200B}",
        "\u{200B}\u{200C}\u{200D}\u{2060}",
        "\u{FEFF}text with a BOM",
        "👨‍👩‍👧‍👦",
        "👩🏽‍💻👨🏿‍🦱🧑‍🤝‍🧑",
        "🇳🇴🇯🇵🇺🇳",
        "🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}",
        "1\u{FE0F}\u{20E3}",
        "\u{FFFD}",
        "\u{FFFF}\u{FFFE}",
        "\u{10FFFF}",
        "\u{E000}\u{F8FF}",
        "각 한국어",
        "中文測試 日本語テキスト",
        "नमस्ते दुनिया",
        "สวัสดีชาวโลก",
        "\u{FDFD}",
        "𒐫𒈙",
        "a\r\nb\rc\nd",
        "\u{1}\u{7}\u{8}\u{1b}[31mred\u{1b}[0m",
        "\u{7f}\u{9f}",
        "\0",
        "a\0b",
        "trailing NUL\0",
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "[click](javascript:alert(1))",
        "<a href=\"javascript:alert(document.cookie)\">x</a>",
        "<svg onload=alert(1)>",
        "<iframe src=\"//evil.example\"></iframe>",
        "&lt;&amp;&#x3C;&#60;",
        "{{constructor.constructor('alert(1)')()}}",
        "${7*7}",
        "<!-- ]]> -->",
        "![x](http://tracker.example/p.png)",
        "'; DROP TABLE session; --",
        "\" OR 1=1 --",
        "Robert'); DROP TABLE partnership;--",
        "%s%n%x%p",
        "\\",
        "\\u0000",
        "{\"format_version\":99}",
        "../../etc/passwd",
        "C:\\Windows\\System32",
        "null",
        "undefined",
        "NaN",
        "-1",
        "1e308",
        "\n\n\n",
        "   padded title   ",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    out.push(zalgo);
    out.push("x".repeat(SHORT));
    out.push("x".repeat(SHORT + 1));
    // Limits count characters, not bytes.
    out.push("é".repeat(SHORT));
    out.push("é".repeat(SHORT + 1));
    out.push("🎉".repeat(SHORT));
    out.push("🎉".repeat(SHORT + 1));
    out.push("line\n".repeat(10_000));
    out
}

/// Huge texts, tried in a few fields only (they are slow to push everywhere).
pub fn huge_texts() -> Vec<String> {
    vec![
        "Ελληνικά ".repeat(1024 * 1024 / 17),
        "x".repeat(LONG),
        "x".repeat(LONG + 1),
        "ten megabytes 🎉 ".repeat(10 * 1024 * 1024 / 18),
    ]
}

/// JSON-only text values: escapes Rust strings cannot hold, and values of the wrong type.
const RAW_TEXTS: &[(&str, Expect)] = &[
    (r#""\ud800""#, Refuse),
    (r#""\udc00""#, Refuse),
    (r#""a\ud800b""#, Refuse),
    (r#""\udfff\ud800""#, Refuse),
    (r#""\ud800\u0041""#, Refuse),
    (r#""\ud83d\ude00""#, Accept),
    (r#""\u0000""#, Refuse),
    (r#""\x41""#, Refuse),
    (r#""\u00e9\u0301""#, Accept),
    ("123", Refuse),
    ("null", Refuse),
    ("[]", Refuse),
    ("{}", Refuse),
    ("true", Refuse),
];

struct TextField {
    pointer: &'static str,
    path: &'static str,
    max: usize,
    required: bool,
    huge: bool,
}

const TEXT_FIELDS: &[TextField] = &[
    TextField {
        pointer: "/partnerships/0/partner_name",
        path: "partnerships[0].partner_name",
        max: SHORT,
        required: true,
        huge: false,
    },
    TextField {
        pointer: "/partnerships/0/partner_org",
        path: "partnerships[0].partner_org",
        max: SHORT,
        required: false,
        huge: false,
    },
    TextField {
        pointer: "/partnerships/0/my_name",
        path: "partnerships[0].my_name",
        max: SHORT,
        required: false,
        huge: false,
    },
    TextField {
        pointer: "/partnerships/0/agreement/objectives",
        path: "partnerships[0].agreement.objectives",
        max: LONG,
        required: false,
        huge: true,
    },
    TextField {
        pointer: "/partnerships/0/agreement/boundaries",
        path: "partnerships[0].agreement.boundaries",
        max: LONG,
        required: false,
        huge: false,
    },
    TextField {
        pointer: "/partnerships/0/agreement/ending",
        path: "partnerships[0].agreement.ending",
        max: LONG,
        required: false,
        huge: false,
    },
    TextField {
        pointer: "/sessions/0/place",
        path: "sessions[0].place",
        max: SHORT,
        required: false,
        huge: false,
    },
    TextField {
        pointer: "/sessions/0/title",
        path: "sessions[0].title",
        max: SHORT,
        required: true,
        huge: true,
    },
    TextField {
        pointer: "/sessions/0/notes",
        path: "sessions[0].notes",
        max: LONG,
        required: false,
        huge: true,
    },
];

fn text_expect(value: &str, max: usize, required: bool) -> Expect {
    if value.contains('\0') || value.chars().count() > max || (required && value.trim().is_empty())
    {
        Refuse
    } else {
        Accept
    }
}

const DATES: &[(&str, Expect)] = &[
    ("2026-03-02", Accept),
    ("1900-01-01", Accept),
    ("2999-12-31", Accept),
    ("2024-02-29", Accept),
    ("2025-02-30", Refuse),
    ("2023-02-29", Refuse),
    ("0000-01-01", Refuse),
    ("99999-01-01", Refuse),
    ("+99999-01-01", Refuse),
    ("-0001-01-01", Refuse),
    ("1899-12-31", Refuse),
    ("3000-01-01", Refuse),
    ("yesterday", Refuse),
    ("", Refuse),
    ("2026-13-01", Refuse),
    ("2026-00-10", Refuse),
    ("2026-03-02T00:00:00", Refuse),
    ("02/03/2026", Refuse),
    ("20260302", Refuse),
    ("2026-W10-1", Refuse),
    ("2026-03-02\u{0}", Refuse),
    ("٢٠٢٦-٠٣-٠٢", Refuse),
    ("2026-3-2", Either),
    (" 2026-03-02", Either),
];

const DATETIMES: &[(&str, Expect)] = &[
    ("2026-03-03T16:15:00", Accept),
    ("1900-01-01T00:00:00", Accept),
    ("2999-12-31T23:59:59", Accept),
    ("2025-02-30T10:00:00", Refuse),
    ("0000-01-01T00:00:00", Refuse),
    ("99999-01-01T00:00:00", Refuse),
    ("yesterday", Refuse),
    ("", Refuse),
    ("2026-03-03T24:00:00", Refuse),
    ("2026-03-03T16:60:00", Refuse),
    ("2026-03-03T16:15:00Z", Refuse),
    ("2026-03-03", Refuse),
    ("now", Refuse),
    ("2026-03-03T16:15", Either),
    ("2026-03-03 16:15:00", Either),
    ("2026-03-03T16:15:00.5", Either),
    ("2026-03-03T23:59:60", Either),
];

const TIMESTAMPS: &[(&str, Expect)] = &[
    ("2026-03-03T16:15:00Z", Accept),
    ("2026-03-03T16:15:00.123Z", Accept),
    ("2026-03-03T16:15:00.123456789Z", Accept),
    ("2026-03-03T16:15:00+02:00", Accept),
    ("1900-01-01T00:00:00Z", Accept),
    ("2026-03-03T16:15:00", Refuse),
    ("yesterday", Refuse),
    ("", Refuse),
    ("2025-02-30T00:00:00Z", Refuse),
    ("2026-03-03T16:15:00+25:00", Refuse),
    ("0000-01-01T00:00:00Z", Either),
    ("9999-12-31T23:59:59Z", Either),
    ("2026-03-03 16:15:00Z", Either),
    ("2026-03-03t16:15:00z", Either),
];

/// Numbers (and things that are not) for every numeric field.
const NUMBERS: &[&str] = &[
    "-1",
    "0",
    "1",
    "14",
    "366",
    "367",
    "1440",
    "1441",
    "4294967295",
    "4294967296",
    "9007199254740992",
    "9007199254740993",
    "18446744073709551616",
    "1e308",
    "-1e308",
    "1.5",
    "14.0",
    "1e2",
    "-0",
    "\"NaN\"",
    "\"Infinity\"",
    "\"14\"",
    "null",
    "true",
    "[]",
    "{}",
    "NaN",
    "Infinity",
    "014",
    "0x10",
];

fn number_expect(raw: &str, range: std::ops::RangeInclusive<i64>, optional: bool) -> Expect {
    if raw == "null" {
        return if optional { Accept } else { Refuse };
    }
    let plain = raw.strip_prefix('-').unwrap_or(raw);
    let integer = !plain.is_empty()
        && plain.bytes().all(|b| b.is_ascii_digit())
        && (plain == "0" || !plain.starts_with('0'));
    match raw.parse::<i64>() {
        Ok(n) if integer && range.contains(&n) => Accept,
        _ => Refuse,
    }
}

const ENUMS: &[(&str, &str, &[&str])] = &[
    (
        "/partnerships/0/my_role",
        "partnerships[0].my_role",
        &["mentor", "mentee", "both"],
    ),
    (
        "/partnerships/0/kind",
        "partnerships[0].kind",
        &["reverse", "two_way", "traditional", "peer"],
    ),
    (
        "/sessions/0/format",
        "sessions[0].format",
        &["in_person", "coffee", "video", "phone", "chat", "other"],
    ),
    (
        "/sessions/0/visibility",
        "sessions[0].visibility",
        &["private", "shared"],
    ),
];

const BAD_ENUMS: &[&str] = &[
    r#""Mentor""#,
    r#""mentor ""#,
    r#""""#,
    r#""<script>""#,
    r#""private\u200b""#,
    r#""two-way""#,
    "0",
    "null",
    "[]",
];

const IDS: &[(&str, Expect)] = &[
    (r#""00000000-0000-0000-0000-000000000000""#, Accept),
    (r#""0F1D2C3A-0B4E-4C5D-8E9F-0A1B2C3D4E5F""#, Either),
    (r#""urn:uuid:0f1d2c3a-0b4e-4c5d-8e9f-0a1b2c3d4e5f""#, Either),
    (r#""{0f1d2c3a-0b4e-4c5d-8e9f-0a1b2c3d4e5f}""#, Either),
    (r#""0f1d2c3a0b4e4c5d8e9f0a1b2c3d4e5f""#, Either),
    (r#""not-a-uuid""#, Refuse),
    (r#""""#, Refuse),
    (r#""0f1d2c3a-0b4e-4c5d-8e9f-0a1b2c3d4e5g""#, Refuse),
    (r#""'; DROP TABLE session; --""#, Refuse),
    ("123", Refuse),
    ("null", Refuse),
];

struct Case {
    /// JSON pointers set to the value (ids are set in two places at once).
    pointers: Vec<&'static str>,
    /// What an error must name.
    path: &'static str,
    raw: String,
    expect: Expect,
    /// The value must come back byte for byte (text fields).
    exact: bool,
}

fn json_str(s: &str) -> String {
    serde_json::to_string(s).unwrap()
}

fn import_cases() -> Vec<Case> {
    let mut cases = Vec::new();
    let one = |pointer, path, raw: String, expect, exact| Case {
        pointers: vec![pointer],
        path,
        raw,
        expect,
        exact,
    };
    for f in TEXT_FIELDS {
        let mut values = texts();
        if f.huge {
            values.extend(huge_texts());
        }
        for v in values {
            cases.push(one(
                f.pointer,
                f.path,
                json_str(&v),
                text_expect(&v, f.max, f.required),
                true,
            ));
        }
        for (raw, expect) in RAW_TEXTS {
            cases.push(one(f.pointer, f.path, (*raw).to_owned(), *expect, true));
        }
    }
    for (pointer, path) in [
        ("/partnerships/0/started_on", "partnerships[0].started_on"),
        ("/partnerships/0/ended_on", "partnerships[0].ended_on"),
    ] {
        for (v, expect) in DATES {
            cases.push(one(pointer, path, json_str(v), *expect, false));
        }
        for raw in ["20260302", "null", "1e308", "[]"] {
            let expect = if raw == "null" && path.ends_with("ended_on") {
                Accept
            } else {
                Refuse
            };
            cases.push(one(pointer, path, raw.to_owned(), expect, false));
        }
    }
    for (v, expect) in DATETIMES {
        cases.push(one(
            "/sessions/0/held_at",
            "sessions[0].held_at",
            json_str(v),
            *expect,
            false,
        ));
    }
    for (pointer, path) in [
        ("/partnerships/0/created_at", "partnerships[0].created_at"),
        ("/partnerships/0/updated_at", "partnerships[0].updated_at"),
        ("/sessions/0/created_at", "sessions[0].created_at"),
        ("/sessions/0/updated_at", "sessions[0].updated_at"),
    ] {
        for (v, expect) in TIMESTAMPS {
            cases.push(one(pointer, path, json_str(v), *expect, false));
        }
        for raw in ["0", "null", "1e308"] {
            cases.push(one(pointer, path, raw.to_owned(), Refuse, false));
        }
    }
    for (pointer, path, range, optional) in [
        (
            "/partnerships/0/agreement/cadence_days",
            "partnerships[0].agreement.cadence_days",
            1..=366,
            true,
        ),
        (
            "/partnerships/0/agreement/session_minutes",
            "partnerships[0].agreement.session_minutes",
            1..=1440,
            true,
        ),
        (
            "/sessions/0/duration_minutes",
            "sessions[0].duration_minutes",
            1..=1440,
            false,
        ),
        ("/format_version", "format", 1..=2, false),
    ] {
        for raw in NUMBERS {
            cases.push(one(
                pointer,
                path,
                (*raw).to_owned(),
                number_expect(raw, range.clone(), optional),
                false,
            ));
        }
    }
    for (pointer, path, good) in ENUMS {
        for v in *good {
            cases.push(one(pointer, path, json_str(v), Accept, true));
        }
        for raw in BAD_ENUMS {
            cases.push(one(pointer, path, (*raw).to_owned(), Refuse, false));
        }
    }
    for (raw, expect) in IDS {
        cases.push(Case {
            pointers: vec!["/partnerships/0/id", "/sessions/0/partnership_id"],
            path: "partnerships[0].id",
            raw: (*raw).to_owned(),
            expect: *expect,
            exact: false,
        });
        cases.push(one(
            "/sessions/0/id",
            "sessions[0].id",
            (*raw).to_owned(),
            *expect,
            false,
        ));
        cases.push(one(
            "/sessions/0/partnership_id",
            "sessions[0]",
            (*raw).to_owned(),
            Refuse,
            false,
        ));
    }
    cases
}

/// An otherwise valid export: one partnership (started 1900-01-01, so that any plausible
/// end date is after it) and one session.
fn base_export() -> Value {
    let mut store = Store::open_in_memory().unwrap();
    let mut draft = partnership_draft("Base partner");
    draft.started_on = crate::date("1900-01-01");
    let p = store.create_partnership(&draft).unwrap();
    store
        .create_session(p.id, &session_draft("Base session"))
        .unwrap();
    let mut v = serde_json::to_value(store.export_journal().unwrap()).unwrap();
    v.as_object_mut().unwrap().remove("exported_at");
    v
}

/// A journal that already holds something, so "changed nothing" means something.
fn target() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    let p = store
        .create_partnership(&partnership_draft("Already here"))
        .unwrap();
    store.create_session(p.id, &session_draft("Mine")).unwrap();
    store
}

fn content(store: &Store) -> Value {
    let mut v = serde_json::to_value(store.export_journal().unwrap()).unwrap();
    v.as_object_mut().unwrap().remove("exported_at");
    v
}

#[derive(Default, Debug)]
struct Tally {
    inputs: usize,
    accepted: usize,
    refused: usize,
    normalised: usize,
    failures: Vec<String>,
}

impl Tally {
    fn fail(&mut self, what: String) {
        if self.failures.len() < 40 {
            self.failures.push(what);
        }
    }
}

fn short(raw: &str) -> String {
    let s: String = raw.chars().take(60).collect();
    if s.len() < raw.len() {
        format!("{s}… ({} bytes)", raw.len())
    } else {
        s
    }
}

fn run_import_case(base: &Value, case: &Case, tally: &mut Tally) {
    const MARK: &str = "\"@@HOSTILE@@\"";
    let mut doc = base.clone();
    for p in &case.pointers {
        *doc.pointer_mut(p).unwrap() = Value::String("@@HOSTILE@@".into());
    }
    let text = serde_json::to_string(&doc)
        .unwrap()
        .replace(MARK, &case.raw);
    let what = format!("import {} = {}", case.pointers[0], short(&case.raw));

    let mut store = target();
    let before = content(&store);
    let outcome = JournalFile::parse(&text).and_then(|file| store.import_journal(&file));
    tally.inputs += 1;
    match outcome {
        Err(e) => {
            tally.refused += 1;
            if case.expect == Accept {
                tally.fail(format!("{what}: refused ({e})"));
            }
            // Text that is not JSON at all has no field yet: its position is named instead.
            let not_json = serde_json::from_str::<Value>(&case.raw).is_err();
            let msg = e.to_string();
            let named = msg.contains(case.path) || (not_json && msg.contains("column"));
            if e.code() != "import_invalid" || !named {
                tally.fail(format!("{what}: unclear error [{}] {e}", e.code()));
            }
            if content(&store) != before {
                tally.fail(format!("{what}: refused but the journal changed"));
            }
        }
        Ok(_) => {
            tally.accepted += 1;
            if case.expect == Refuse {
                tally.fail(format!("{what}: accepted"));
            }
            let exported = match store.export_journal() {
                Ok(file) => file,
                Err(e) => return tally.fail(format!("{what}: accepted, then unreadable: {e}")),
            };
            // Export → import into a fresh journal → export: identical.
            let mut fresh = Store::open_in_memory().unwrap();
            if let Err(e) = fresh.import_journal(&exported) {
                return tally.fail(format!("{what}: its export does not import: {e}"));
            }
            if content(&fresh) != content(&store) {
                tally.fail(format!("{what}: does not round-trip"));
            }
            let given: Value = serde_json::from_str(&case.raw).unwrap();
            let out = serde_json::to_value(&exported).unwrap();
            // The imported records follow the journal's own in the export; find ours by id.
            let kept = find_like(&out, &doc, case.pointers[0]);
            if kept.as_ref() != Some(&given) {
                if case.exact {
                    tally.fail(format!("{what}: came back as {kept:?}"));
                } else {
                    tally.normalised += 1;
                    if std::env::var_os("TANDEM_HOSTILE_VERBOSE").is_some() {
                        println!("normalised: {what} -> {kept:?}");
                    }
                }
            }
        }
    }
}

/// The value at `pointer` of the record in `out` that has the same id as in `doc`.
fn find_like(out: &Value, doc: &Value, pointer: &str) -> Option<Value> {
    let parts: Vec<&str> = pointer.trim_start_matches('/').splitn(3, '/').collect();
    let [list, _, rest] = parts[..] else {
        return out.pointer(pointer).cloned();
    };
    let records = out.get(list)?.as_array()?;
    let wanted_session_title = doc.pointer("/sessions/0/title");
    let wanted_partner = doc.pointer("/partnerships/0/partner_name");
    let record = records.iter().find(|r| {
        let id_field = r.get("id") == doc.pointer(&format!("/{list}/0/id"));
        let by_text = match list {
            "sessions" => r.get("title") == wanted_session_title,
            _ => r.get("partner_name") == wanted_partner,
        };
        id_field || by_text
    })?;
    record.pointer(&format!("/{rest}")).cloned()
}

#[test]
fn hostile_values_through_the_json_import() {
    let base = base_export();
    let cases = import_cases();
    let mut tally = Tally::default();
    for case in &cases {
        let run = catch_unwind(AssertUnwindSafe(|| {
            let mut t = Tally::default();
            run_import_case(&base, case, &mut t);
            t
        }));
        match run {
            Ok(t) => {
                tally.inputs += t.inputs;
                tally.accepted += t.accepted;
                tally.refused += t.refused;
                tally.normalised += t.normalised;
                for f in t.failures {
                    tally.fail(f);
                }
            }
            Err(_) => tally.fail(format!(
                "import {} = {}: panicked",
                case.pointers[0],
                short(&case.raw)
            )),
        }
    }
    println!(
        "hostile corpus, JSON import: inputs={} accepted={} refused={} (accepted but normalised: {})",
        tally.inputs, tally.accepted, tally.refused, tally.normalised
    );
    assert!(tally.inputs >= 200);
    assert!(tally.failures.is_empty(), "{:#?}", tally.failures);
}

/// Sets a text field of a draft by its name.
fn set_text(p: &mut PartnershipDraft, s: &mut SessionDraft, field: &str, v: &str) {
    let v = v.to_owned();
    match field {
        "partner_name" => p.partner_name = v,
        "partner_org" => p.partner_org = v,
        "my_name" => p.my_name = v,
        "agreement.objectives" => p.agreement.objectives = v,
        "agreement.boundaries" => p.agreement.boundaries = v,
        "agreement.ending" => p.agreement.ending = v,
        "place" => s.place = v,
        "title" => s.title = v,
        "notes" => s.notes = v,
        other => panic!("no field {other}"),
    }
}

/// What the store keeps of a text: names, titles and places are trimmed, long texts kept
/// exactly.
fn kept_text(field: &str, v: &str) -> String {
    match field {
        "partner_name" | "partner_org" | "my_name" | "place" | "title" => v.trim().to_owned(),
        _ => v.to_owned(),
    }
}

fn read_text(store: &Store, pid: uuid::Uuid, sid: uuid::Uuid, field: &str) -> String {
    let p = store.get_partnership(pid).unwrap();
    let s = store.get_session(sid).unwrap();
    match field {
        "partner_name" => p.partner_name,
        "partner_org" => p.partner_org,
        "my_name" => p.my_name,
        "agreement.objectives" => p.agreement.objectives,
        "agreement.boundaries" => p.agreement.boundaries,
        "agreement.ending" => p.agreement.ending,
        "place" => s.place,
        "title" => s.title,
        "notes" => s.notes,
        other => panic!("no field {other}"),
    }
}

/// One draft pair through create and update: the expected outcome, the field an error must
/// name, and the value the store must then hold.
fn api_case(
    tally: &mut Tally,
    what: &str,
    p: &PartnershipDraft,
    s: &SessionDraft,
    expect: Expect,
    field: &str,
    check: &dyn Fn(&Store, uuid::Uuid, uuid::Uuid) -> bool,
) {
    let is_session_field = matches!(
        field,
        "place" | "title" | "notes" | "held_at" | "duration_minutes"
    );
    for op in ["create", "update"] {
        tally.inputs += 1;
        let mut store = target();
        let (pid, sid) = if op == "update" {
            let pid = store
                .create_partnership(&partnership_draft("Before"))
                .unwrap()
                .id;
            let sid = store
                .create_session(pid, &session_draft("Before"))
                .unwrap()
                .id;
            (pid, sid)
        } else if is_session_field {
            (
                store
                    .create_partnership(&partnership_draft("Before"))
                    .unwrap()
                    .id,
                uuid::Uuid::nil(),
            )
        } else {
            (uuid::Uuid::nil(), uuid::Uuid::nil())
        };
        let before = content(&store);
        let result = match (op, is_session_field) {
            ("create", false) => store.create_partnership(p).map(|x| (x.id, None)),
            ("create", true) => store.create_session(pid, s).map(|x| (pid, Some(x.id))),
            (_, false) => store.update_partnership(pid, p).map(|x| (x.id, None)),
            (_, true) => store.update_session(sid, s).map(|x| (pid, Some(x.id))),
        };
        match result {
            Err(e) => {
                tally.refused += 1;
                if expect == Accept {
                    tally.fail(format!("{op} {what}: refused ({e})"));
                }
                if e.code() != "invalid_input" || e.field() != Some(field) {
                    tally.fail(format!(
                        "{op} {what}: unclear error [{} {:?}] {e}",
                        e.code(),
                        e.field()
                    ));
                }
                if content(&store) != before {
                    tally.fail(format!("{op} {what}: refused but the journal changed"));
                }
            }
            Ok((pid, sid)) => {
                tally.accepted += 1;
                if expect == Refuse {
                    tally.fail(format!("{op} {what}: accepted"));
                }
                let sid = match sid {
                    Some(sid) => sid,
                    None => {
                        store
                            .create_session(pid, &session_draft("Probe"))
                            .unwrap()
                            .id
                    }
                };
                if !check(&store, pid, sid) {
                    tally.fail(format!("{op} {what}: not kept as given"));
                }
                let file = store.export_journal().unwrap();
                let mut fresh = Store::open_in_memory().unwrap();
                fresh.import_journal(&file).unwrap();
                if content(&fresh) != content(&store) {
                    tally.fail(format!("{op} {what}: does not round-trip"));
                }
            }
        }
    }
}

#[test]
fn hostile_values_through_the_core_api() {
    let mut tally = Tally::default();
    let fields = [
        ("partner_name", SHORT, true, false),
        ("partner_org", SHORT, false, false),
        ("my_name", SHORT, false, false),
        ("agreement.objectives", LONG, false, true),
        ("agreement.boundaries", LONG, false, false),
        ("agreement.ending", LONG, false, false),
        ("place", SHORT, false, false),
        ("title", SHORT, true, true),
        ("notes", LONG, false, true),
    ];
    for (field, max, required, huge) in fields {
        let mut values = texts();
        if huge {
            values.extend(huge_texts());
        }
        for v in values {
            let (mut p, mut s) = (partnership_draft("Zoë"), session_draft("Session"));
            set_text(&mut p, &mut s, field, &v);
            let what = format!("{field} = {}", short(&format!("{v:?}")));
            let expected = kept_text(field, &v);
            let run = catch_unwind(AssertUnwindSafe(|| {
                let mut t = Tally::default();
                api_case(
                    &mut t,
                    &what,
                    &p,
                    &s,
                    text_expect(&v, max, required),
                    field,
                    &|st, pid, sid| read_text(st, pid, sid, field) == expected,
                );
                t
            }));
            merge(&mut tally, run, &what);
        }
    }

    let numbers = [0u32, 1, 14, 366, 367, 1440, 1441, u32::MAX];
    for n in numbers {
        for (field, range) in [
            ("agreement.cadence_days", 1..=366),
            ("agreement.session_minutes", 1..=1440),
            ("duration_minutes", 1..=1440),
        ] {
            let (mut p, mut s) = (partnership_draft("Zoë"), session_draft("Session"));
            match field {
                "agreement.cadence_days" => p.agreement.cadence_days = Some(n),
                "agreement.session_minutes" => p.agreement.session_minutes = Some(n),
                _ => s.duration_minutes = n,
            }
            let expect = if range.contains(&n) { Accept } else { Refuse };
            let what = format!("{field} = {n}");
            let run = catch_unwind(AssertUnwindSafe(|| {
                let mut t = Tally::default();
                api_case(&mut t, &what, &p, &s, expect, field, &|st, pid, sid| {
                    let pp = st.get_partnership(pid).unwrap();
                    let ss = st.get_session(sid).unwrap();
                    match field {
                        "agreement.cadence_days" => pp.agreement.cadence_days == Some(n),
                        "agreement.session_minutes" => pp.agreement.session_minutes == Some(n),
                        _ => ss.duration_minutes == n,
                    }
                });
                t
            }));
            merge(&mut tally, run, &what);
        }
    }

    for year in [-1, 0, 1, 1899, 1900, 2026, 2999, 3000, 9999, 99999, 262_143] {
        let Some(d) = NaiveDate::from_ymd_opt(year, 1, 1) else {
            continue;
        };
        let expect = if (1900..=2999).contains(&year) {
            Accept
        } else {
            Refuse
        };
        for field in ["started_on", "held_at", "ended_on"] {
            let (mut p, mut s) = (partnership_draft("Zoë"), session_draft("Session"));
            let mut field_expect = expect;
            match field {
                "started_on" => {
                    p.started_on = d;
                }
                "ended_on" => {
                    p.started_on = crate::date("1900-01-01");
                    p.ended_on = Some(d);
                }
                _ => s.held_at = d.and_time(NaiveTime::MIN),
            }
            if field == "ended_on" && year < 1900 {
                field_expect = Refuse;
            }
            let what = format!("{field} = {d}");
            let run = catch_unwind(AssertUnwindSafe(|| {
                let mut t = Tally::default();
                api_case(
                    &mut t,
                    &what,
                    &p,
                    &s,
                    field_expect,
                    field,
                    &|st, pid, sid| {
                        let pp = st.get_partnership(pid).unwrap();
                        let ss = st.get_session(sid).unwrap();
                        match field {
                            "started_on" => pp.started_on == d,
                            "ended_on" => pp.ended_on == Some(d),
                            _ => ss.held_at.date() == d,
                        }
                    },
                );
                t
            }));
            merge(&mut tally, run, &what);
        }
    }
    // An end before the start.
    let mut p = partnership_draft("Zoë");
    p.ended_on = Some(crate::date("2026-01-01"));
    let s = session_draft("Session");
    api_case(
        &mut tally,
        "ended_on before started_on",
        &p,
        &s,
        Refuse,
        "ended_on",
        &|_, _, _| true,
    );

    println!(
        "hostile corpus, core API: inputs={} accepted={} refused={}",
        tally.inputs, tally.accepted, tally.refused
    );
    assert!(tally.inputs >= 200);
    assert!(tally.failures.is_empty(), "{:#?}", tally.failures);
}

fn merge(tally: &mut Tally, run: std::thread::Result<Tally>, what: &str) {
    match run {
        Ok(t) => {
            tally.inputs += t.inputs;
            tally.accepted += t.accepted;
            tally.refused += t.refused;
            tally.normalised += t.normalised;
            for f in t.failures {
                tally.fail(f);
            }
        }
        Err(_) => tally.fail(format!("{what}: panicked")),
    }
}

/// Bug found by this corpus: a `created_at`/`updated_at` outside the years 0000–9999 is
/// accepted by the import (chrono reads `+10000-01-01T00:00:00Z`), stored, and then cannot
/// be read back (`time::parse_timestamp` is strict RFC 3339), so every list and export of
/// the journal fails from then on. It must be refused like any other invalid value. Fails
/// until `validate` checks the timestamps of imported records.
#[test]
fn an_imported_timestamp_the_journal_could_not_read_back_is_refused() {
    let base = base_export();
    let mut tally = Tally::default();
    for (pointer, path) in [
        ("/partnerships/0/created_at", "partnerships[0].created_at"),
        ("/partnerships/0/updated_at", "partnerships[0].updated_at"),
        ("/sessions/0/created_at", "sessions[0].created_at"),
        ("/sessions/0/updated_at", "sessions[0].updated_at"),
    ] {
        for v in ["+10000-01-01T00:00:00Z", "-0001-01-01T00:00:00Z"] {
            let case = Case {
                pointers: vec![pointer],
                path,
                raw: json_str(v),
                expect: Refuse,
                exact: false,
            };
            run_import_case(&base, &case, &mut tally);
        }
    }
    assert!(tally.failures.is_empty(), "{:#?}", tally.failures);
}
