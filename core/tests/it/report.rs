//! The progress PDF, read back as a person's tools would: poppler-utils (`pdftotext`,
//! `pdfinfo`, `pdffonts`) must be installed. Plus a property test of the Markdown → layout
//! path that needs no PDF at all.

use std::path::Path;
use std::process::Command;

use chrono::NaiveDate;
use proptest::prelude::*;
use tandem_core::Store;
use tandem_core::model::*;
use tandem_core::report::{self, PRINTABLE, Progress, ReportOptions};
use uuid::Uuid;

use crate::{assert_error, date, datetime, partnership_draft, session_draft};

const TODAY: &str = "2027-01-20";

/// A produced PDF and what poppler reads from it.
struct Pdf {
    bytes: Vec<u8>,
    text: String,
    info: String,
    fonts: String,
    bbox: String,
}

fn poppler(tool: &str, args: &[&str], file: &Path) -> String {
    let out = Command::new(tool)
        .args(args)
        .arg(file)
        .args(if tool == "pdftotext" {
            &["-"][..]
        } else {
            &[][..]
        })
        .output()
        .unwrap_or_else(|e| panic!("{tool} (poppler-utils) must be installed: {e}"));
    assert!(
        out.status.success(),
        "{tool} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn inspect(bytes: Vec<u8>) -> Pdf {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("report.pdf");
    std::fs::write(&file, &bytes).unwrap();
    Pdf {
        text: poppler("pdftotext", &["-enc", "UTF-8"], &file),
        info: poppler("pdfinfo", &["-enc", "UTF-8"], &file),
        fonts: poppler("pdffonts", &[], &file),
        bbox: poppler("pdftotext", &["-bbox", "-enc", "UTF-8"], &file),
        bytes,
    }
}

impl Pdf {
    fn pages(&self) -> usize {
        self.info
            .lines()
            .find_map(|l| l.strip_prefix("Pages:"))
            .and_then(|n| n.trim().parse().ok())
            .expect("pdfinfo gives the page count")
    }

    fn info_field(&self, name: &str) -> String {
        self.info
            .lines()
            .find_map(|l| l.strip_prefix(&format!("{name}:")))
            .map(|v| v.trim().to_owned())
            .unwrap_or_default()
    }

    /// `pdftotext` joins nothing across lines; compare with whitespace squeezed.
    fn flat_text(&self) -> String {
        self.text.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    #[track_caller]
    fn has(&self, needle: &str) {
        assert!(
            self.flat_text().contains(needle),
            "{needle:?} should be in the report:\n{}",
            self.text.chars().take(3000).collect::<String>()
        );
    }

    #[track_caller]
    fn lacks(&self, needle: &str) {
        assert!(
            !self.flat_text().contains(needle),
            "{needle:?} should not be in the report"
        );
    }

    /// Every font embedded and subset.
    #[track_caller]
    fn fonts_embedded_and_subset(&self) {
        let rows: Vec<&str> = self.fonts.lines().skip(2).collect();
        assert!(!rows.is_empty(), "no fonts: {}", self.fonts);
        for row in rows {
            let cols: Vec<&str> = row.split_whitespace().collect();
            // name type [encoding...] emb sub uni object ID
            let n = cols.len();
            assert!(n >= 7, "{row}");
            assert_eq!(
                (cols[n - 5], cols[n - 4]),
                ("yes", "yes"),
                "emb/sub in {row}"
            );
        }
    }

    /// Every word `pdftotext -bbox` finds lies inside the page's printable area.
    #[track_caller]
    fn words_inside_margins(&self) {
        const TOLERANCE: f64 = 1.5;
        let attr = |tag: &str, name: &str| -> f64 {
            let start = tag.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
            let end = start + tag[start..].find('"').unwrap();
            tag[start..end].parse().unwrap()
        };
        let (mut width, mut height) = (0.0, 0.0);
        let mut words = 0;
        for line in self.bbox.lines().map(str::trim) {
            if line.starts_with("<page ") {
                width = attr(line, "width");
                height = attr(line, "height");
            } else if line.starts_with("<word ") {
                words += 1;
                let (x0, y0) = (attr(line, "xMin"), attr(line, "yMin"));
                let (x1, y1) = (attr(line, "xMax"), attr(line, "yMax"));
                let m = f64::from(PRINTABLE.left);
                assert!(
                    x0 >= m - TOLERANCE
                        && x1 <= width - m + TOLERANCE
                        && y0 >= m - TOLERANCE
                        && y1 <= height - m + TOLERANCE,
                    "word outside the margins: {line}"
                );
            }
        }
        assert!(words > 0, "no words found");
    }
}

fn options(partnership_id: Uuid) -> ReportOptions {
    ReportOptions {
        partnership_id,
        from: None,
        to: None,
        include_private: false,
    }
}

fn render(store: &Store, options: &ReportOptions) -> tandem_core::Result<Vec<u8>> {
    report::render(store, options, date(TODAY), &mut |_| {})
}

/// The sample journal and its reverse-mentoring partnership.
fn sample() -> (Store, Uuid) {
    let mut store = Store::open_in_memory().unwrap();
    store.load_sample(date(TODAY)).unwrap();
    let id = store
        .list_partnerships()
        .unwrap()
        .into_iter()
        .find(|o| o.partnership.kind == PartnershipKind::Reverse)
        .unwrap()
        .partnership
        .id;
    (store, id)
}

#[test]
fn the_sample_report_has_every_section_and_is_well_formed() {
    let (store, id) = sample();
    let pdf = inspect(render(&store, &options(id)).unwrap());
    for heading in [
        "Progress report",
        "At a glance",
        "The agreement",
        "Objectives",
        "Boundaries",
        "Meeting cadence",
        "How it will end",
        "Sessions per month",
        "Sessions",
        "LinkedIn without the cringe",
    ] {
        pdf.has(heading);
    }
    pdf.has("Zoë Okafor");
    pdf.has("Henrik Lindqvist");
    pdf.has("Reverse mentoring");
    pdf.has("Καινοτομίας"); // Greek, from a shared session
    pdf.has("page 2 of");
    assert!(pdf.pages() > 1, "{}", pdf.info);
    assert_eq!(
        pdf.info_field("Title"),
        "Progress report: Zoë Okafor & Henrik Lindqvist"
    );
    assert_eq!(pdf.info_field("Author"), "Henrik Lindqvist");
    assert!(pdf.info_field("Subject").contains("Zoë Okafor"));
    assert!(!pdf.info_field("CreationDate").is_empty());
    pdf.fonts_embedded_and_subset();
    pdf.words_inside_margins();
    assert!(pdf.bytes.starts_with(b"%PDF-"));
}

#[test]
fn private_notes_are_left_out_unless_asked_for() {
    let (store, id) = sample();
    // From private sessions of the sample: the kick-off, and the Cyrillic names.
    let private = ["Zoë was nervous", "Петров"];
    let default = inspect(render(&store, &options(id)).unwrap());
    for text in private {
        default.lacks(text);
    }
    default.has(report::PRIVATE_NOTES);
    default.has("LinkedIn without the cringe"); // private sessions still show their titles

    let with = inspect(
        render(
            &store,
            &ReportOptions {
                include_private: true,
                ..options(id)
            },
        )
        .unwrap(),
    );
    for text in private {
        with.has(text);
    }
    with.lacks(report::PRIVATE_NOTES);
}

/// A store with one partnership holding one shared session with `notes`.
fn one_session(notes: &str) -> (Store, Uuid) {
    let mut store = Store::open_in_memory().unwrap();
    let p = store
        .create_partnership(&partnership_draft("Zoë Okafor"))
        .unwrap();
    let mut d = session_draft("Odd notes");
    d.notes = notes.to_owned();
    d.visibility = Visibility::Shared;
    store.create_session(p.id, &d).unwrap();
    (store, p.id)
}

#[test]
fn awkward_notes_render_inside_the_margins_and_stay_visible() {
    let long_word = "x".repeat(500);
    let big =
        "Zoë 👩🏽‍💻 مرحبا Ελληνικά кириллица 中文 <b>x</b> **bold** [link](https://example.org)\n"
            .repeat(1024 * 1024 / 90 + 1);
    // (name, notes, texts the report must contain)
    let cases: Vec<(&str, String, Vec<&str>)> = vec![
        ("a 500-character word", long_word.clone(), vec!["xxxxxxxxxxxxxxxxxxxx"]),
        (
            "a Markdown table",
            "| Topic | Who |\n|---|---|\n| Prompts | Zoë |\n| Budgets | Ana |".into(),
            vec!["Topic", "Prompts", "Budgets", "Ana"],
        ),
        (
            "raw HTML",
            "<script>alert('hi')</script>\n\nAnd <b>inline</b> too.".into(),
            vec!["<script>alert('hi')</script>", "<b>inline</b>"],
        ),
        (
            "right-to-left text",
            "Hebrew: שלום and Arabic: مرحبا".into(),
            vec!["Hebrew:", "Arabic:"],
        ),
        (
            "emoji and CJK",
            "Coffee ☕ with 👩🏽‍💻 and 中文".into(),
            vec!["Coffee", "□", "and □□"],
        ),
        (
            "every kind of Markdown",
            "# H1\n## H2\n### H3\n\n**bold** *italic* `code` [Tandem](https://tandem.example)\n\n\
             - one\n  - nested\n1. first\n2. second\n\n> quoted\n\n```\nfn main() {}\n```\n\n---\n\n- [x] done"
                .into(),
            vec!["H1", "nested", "first", "quoted", "fn main() {}", "(https://tandem.example)", "☑ done"],
        ),
        ("a one-megabyte note", big, vec!["Ελληνικά", "кириллица", "<b>x</b>"]),
    ];
    for (name, notes, expected) in cases {
        let (store, id) = one_session(&notes);
        let pdf = inspect(render(&store, &options(id)).unwrap_or_else(|e| panic!("{name}: {e}")));
        for text in expected {
            assert!(
                pdf.flat_text().contains(text),
                "{name}: {text:?} missing from\n{}",
                pdf.text.chars().take(2000).collect::<String>()
            );
        }
        assert!(
            !pdf.text.contains('\u{FFFD}'),
            "{name}: replacement characters"
        );
        pdf.words_inside_margins();
        pdf.fonts_embedded_and_subset();
    }
}

#[test]
fn the_right_to_left_letters_are_all_there() {
    let (store, id) = one_session("שלום");
    let pdf = inspect(render(&store, &options(id)).unwrap());
    // Logical order, no bidi shaping: poppler may print them either way round.
    let text = pdf.flat_text();
    assert!(text.contains("שלום") || text.contains("םולש"), "{text}");
}

#[test]
fn empty_periods_and_partnerships_say_so() {
    let mut store = Store::open_in_memory().unwrap();
    let p = store.create_partnership(&partnership_draft("Ana")).unwrap();
    let pdf = inspect(render(&store, &options(p.id)).unwrap());
    pdf.has("No sessions were recorded");
    pdf.has("The agreement");

    let (store, id) = sample();
    let opts = ReportOptions {
        from: Some(date("1999-01-01")),
        to: Some(date("1999-12-31")),
        ..options(id)
    };
    let pdf = inspect(render(&store, &opts).unwrap());
    pdf.has("No sessions were recorded between 1 January 1999 and 31 December 1999");
}

#[test]
fn the_date_range_is_inclusive_by_day() {
    let mut store = Store::open_in_memory().unwrap();
    let p = store.create_partnership(&partnership_draft("Ana")).unwrap();
    for (title, at) in [
        ("Before", "2026-04-30T23:59"),
        ("First day", "2026-05-01T00:00"),
        ("Last day", "2026-05-31T23:59"),
        ("After", "2026-06-01T00:00"),
    ] {
        let mut d = session_draft(title);
        d.held_at = datetime(at);
        store.create_session(p.id, &d).unwrap();
    }
    let opts = ReportOptions {
        from: Some(date("2026-05-01")),
        to: Some(date("2026-05-31")),
        ..options(p.id)
    };
    let pdf = inspect(render(&store, &opts).unwrap());
    pdf.has("First day");
    pdf.has("Last day");
    pdf.lacks("Before");
    pdf.lacks("After");
    pdf.has("2 sessions, oldest first");
}

#[test]
fn bad_requests_get_clear_errors() {
    let (store, id) = sample();
    let backwards = ReportOptions {
        from: Some(date("2026-06-01")),
        to: Some(date("2026-05-01")),
        ..options(id)
    };
    let e = assert_error(render(&store, &backwards), "invalid_input", Some("to"));
    assert!(e.to_string().contains("before it starts"), "{e}");
    assert_error(render(&store, &options(Uuid::new_v4())), "not_found", None);
}

#[test]
fn progress_climbs_to_done() {
    let (store, id) = sample();
    let mut seen: Vec<Progress> = Vec::new();
    report::render(&store, &options(id), date(TODAY), &mut |p| seen.push(p)).unwrap();
    assert!(seen.len() > 3);
    assert!(seen.windows(2).all(|w| w[0].done <= w[1].done));
    let last = seen.last().unwrap();
    assert_eq!(last.done, last.total);
    assert!(
        seen.iter()
            .all(|p| p.total == last.total && !p.stage.is_empty())
    );
}

#[test]
fn twenty_sessions_fit_in_200_kb() {
    let mut store = Store::open_in_memory().unwrap();
    let p = store
        .create_partnership(&partnership_draft("Zoë Okafor"))
        .unwrap();
    let start = date("2026-01-06");
    for i in 0..20u64 {
        let mut d = session_draft(&format!("Session {i}: prompts, feedback and the roadmap"));
        d.held_at = (start + chrono::Days::new(i * 14))
            .and_hms_opt(16, 0, 0)
            .unwrap();
        d.visibility = Visibility::Shared;
        d.notes = format!(
            "## What we did\n\nWe talked about **prompts**, *feedback* and Ελληνικά / кириллица.\n\n\
             - one point with `code`\n- another point, a bit longer so that it wraps around the line once or twice\n\n{}",
            "A paragraph of ordinary notes that goes on for a while. ".repeat(12)
        );
        store.create_session(p.id, &d).unwrap();
    }
    let pdf = inspect(render(&store, &options(p.id)).unwrap());
    assert!(pdf.bytes.len() <= 200 * 1024, "{} bytes", pdf.bytes.len());
    pdf.has("Session 19");
    pdf.fonts_embedded_and_subset();
    pdf.words_inside_margins();
}

#[test]
fn the_options_cross_ipc_as_json() {
    let id = Uuid::new_v4();
    let json = format!(r#"{{"partnership_id":"{id}","from":"2026-01-01","to":null}}"#);
    let o: ReportOptions = serde_json::from_str(&json).unwrap();
    assert_eq!(o.from, Some(NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()));
    assert!(
        !o.include_private,
        "private notes stay out unless asked for"
    );
}

/// Markdown-ish fragments, glued together at random.
fn markdownish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("# ".to_owned()),
        Just("### ".to_owned()),
        Just("**".to_owned()),
        Just("*".to_owned()),
        Just("_".to_owned()),
        Just("`".to_owned()),
        Just("```\n".to_owned()),
        Just("\n".to_owned()),
        Just("\n\n".to_owned()),
        Just("- ".to_owned()),
        Just("  - ".to_owned()),
        Just("12345678901234. ".to_owned()),
        Just("> ".to_owned()),
        Just(">>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>> ".to_owned()),
        Just("| a | b |\n|---|---|\n| c | d |\n".to_owned()),
        Just("[text](https://example.org/a/very/long/path)".to_owned()),
        Just("<div>".to_owned()),
        Just("---\n".to_owned()),
        Just("\t".to_owned()),
        Just("Zoë 中文 👩🏽‍💻 שלום ".to_owned()),
        "[a-zA-Zé ]{0,30}",
        "[a-z]{60,300}",
        "\\PC{0,12}",
        any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_markdown_lays_out_inside_the_printable_area(md in markdownish()) {
        let pages = report::layout_markdown(&md).unwrap();
        prop_assert!(!pages.is_empty());
        for (n, page) in pages.iter().enumerate() {
            for item in &page.items {
                prop_assert!(
                    PRINTABLE.contains(&item.bounds()),
                    "page {}: {:?} outside {:?}", n, item, PRINTABLE
                );
            }
        }
    }
}
