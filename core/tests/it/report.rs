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

use crate::{
    action_draft, assert_error, date, datetime, goal_draft, milestone_draft, partnership_draft,
    progress_draft, session_draft,
};

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
        include_partner: false,
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
    // From private sessions of the sample: the kick-off's notes, the Sofia office's export,
    // the private sessions' titles, and the reflection of a *shared* session (reflections
    // are always private).
    let private = [
        "Zoë was nervous",
        "Cyrillic customer names from the Sofia office",
        "Kick-off: what we each want",
        "per my last email",
        "Quick one: the reorg rumours",
        "AI tools, round two",
        "Best hour of my month",
    ];
    let default = inspect(render(&store, &options(id)).unwrap());
    for text in private {
        default.lacks(text);
    }
    default.has(report::PRIVATE_NOTES);
    default.has(report::PRIVATE_SESSION);
    // A private session's action items are the partnership's: listed, named by date only.
    default.has("Raise the broken export");
    default.has("from a private session on ");
    default.has("LinkedIn without the cringe"); // a shared session's title
    // Not in the outline either.
    for (name, _) in outline(&default.bytes) {
        assert!(!private.iter().any(|p| name.contains(p)), "{name}");
    }

    let with = inspect(
        render(
            &store,
            &ReportOptions {
                include_private: true,
                include_partner: false,
                ..options(id)
            },
        )
        .unwrap(),
    );
    for text in private {
        with.has(text);
    }
    with.lacks(report::PRIVATE_NOTES);
    with.lacks(report::PRIVATE_SESSION);
    with.lacks("from a private session");
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
    let fonts = report::Fonts::get().unwrap();
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
            // Drawn with an installed font that has them, else one box each.
            vec![
                "Coffee",
                if fonts.draws('👩') { "with 👩" } else { "with □ and" },
                if fonts.draws('中') { "and 中文" } else { "and □□" },
            ],
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

/// Issue 14: three lines typed with Enter came out as one line, and a paragraph after a
/// list could run into its last item.
#[test]
fn lines_and_lists_end_where_the_user_ended_them() {
    let (store, id) =
        one_session("line one\nline two\nline three\n\n- first\n- last\n\nAfter the list");
    let pdf = inspect(render(&store, &options(id)).unwrap());
    let lines: Vec<&str> = pdf.text.lines().map(str::trim).collect();
    for line in ["line one", "line two", "line three", "After the list"] {
        assert!(
            lines.contains(&line),
            "{line:?} is not a line of\n{}",
            pdf.text
        );
    }
    assert!(
        lines.iter().any(|l| l.ends_with("last")),
        "the list's last item ends its line:\n{}",
        pdf.text
    );
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
        d.visibility = Visibility::Shared;
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

/// Writes the sample journal's report (with private notes when `TANDEM_REPORT_PRIVATE` is
/// set) to `$TANDEM_REPORT_OUT` (default `/tmp/r/sample.pdf`), to look at it:
/// `cargo test -p tandem-core --test it report::write_the_sample_report -- --ignored`, then
/// `pdftoppm -r 60 -png /tmp/r/sample.pdf /tmp/r/p`.
#[test]
#[ignore = "writes a file for a person to look at"]
fn write_the_sample_report() {
    let (store, id) = sample();
    let out = std::env::var("TANDEM_REPORT_OUT").unwrap_or_else(|_| "/tmp/r/sample.pdf".into());
    let out = Path::new(&out);
    if let Some(dir) = out.parent() {
        std::fs::create_dir_all(dir).unwrap();
    }
    let opts = ReportOptions {
        include_private: std::env::var_os("TANDEM_REPORT_PRIVATE").is_some(),
        include_partner: false,
        ..options(id)
    };
    let file = report::write(&store, &opts, date(TODAY), out, &mut |_| {}).unwrap();
    eprintln!(
        "{}: {} pages, {} bytes",
        file.path, file.pages, file.size_bytes
    );
}

/// A journal with everything the report shows: two sessions (one shared with agenda,
/// shared/learned, topics, a reflection; one private with text in every field), action
/// items done, open and overdue, two goals (one with milestones and progress), both SWOT
/// sides with a shared item, and a second snapshot of mine where an item moved and one
/// was added.
fn full_journal() -> (Store, Uuid) {
    let mut store = Store::open_in_memory().unwrap();
    let p = store
        .create_partnership(&partnership_draft("Zoë Okafor"))
        .unwrap();
    let mut kick_off = session_draft("Kick-off over coffee");
    kick_off.visibility = Visibility::Shared;
    kick_off.held_at = datetime("2026-03-03T16:15");
    kick_off.agenda = "AGENDA-TEXT-ONE".into();
    kick_off.notes = "NOTES-TEXT-TWO".into();
    kick_off.shared = "SHARED-TEXT-ALPHA".into();
    kick_off.learned = "LEARNED-TEXT-BRAVO".into();
    kick_off.reflection = "REFLECTION-OF-A-SHARED-SESSION".into();
    kick_off.topics = vec!["Prompt craft".into(), "Budgets".into()];
    let s1 = store.create_session(p.id, &kick_off).unwrap();
    let mut done = action_draft("Draft the weekly update", Some("2026-03-10"));
    done.done = true;
    store.create_action_item(s1.id, &done).unwrap();
    store
        .create_action_item(
            s1.id,
            &action_draft("Book the data review", Some("2026-03-10")),
        )
        .unwrap();

    let mut private = session_draft("The reorg rumours");
    private.held_at = datetime("2026-03-17T12:00");
    private.agenda = "PRIVATE-AGENDA-FOX".into();
    private.notes = "PRIVATE-NOTES-CHARLIE".into();
    private.shared = "PRIVATE-SHARED-DELTA".into();
    private.learned = "PRIVATE-LEARNED-ECHO".into();
    private.reflection = "PRIVATE-REFLECTION-GOLF".into();
    private.topics = vec!["PRIVATE-TOPIC-JULIET".into()];
    private.place = "PRIVATE-PLACE-INDIA".into();
    let s2 = store.create_session(p.id, &private).unwrap();
    store
        .create_action_item(s2.id, &action_draft("Call the Lisbon office", None))
        .unwrap();

    let goal = store
        .create_goal(p.id, &goal_draft("Fluent with assistants"))
        .unwrap();
    let mut first = milestone_draft("First summary written");
    first.done = true;
    store.create_milestone(goal.id, &first).unwrap();
    store
        .create_milestone(goal.id, &milestone_draft("The team adopts it"))
        .unwrap();
    store
        .add_progress(goal.id, &progress_draft("2026-03-05", 20))
        .unwrap();
    let mut half = progress_draft("2026-04-01", 60);
    half.note = "Halfway there".into();
    store.add_progress(goal.id, &half).unwrap();
    let mut achieved = goal_draft("Speak at the leadership meeting");
    achieved.status = GoalStatus::Achieved;
    store.create_goal(p.id, &achieved).unwrap();

    let item = |quadrant, text: &str| SwotItemDraft {
        quadrant,
        text: text.into(),
        priority: None,
    };
    let mine = store
        .start_snapshot(p.id, Side::Mine, date("2026-03-03"), "At the start")
        .unwrap();
    for (q, t) in [
        (Quadrant::Strengths, "Curious and not afraid to ask"),
        (Quadrant::Weaknesses, "Prompting from scratch"),
        (Quadrant::Threats, "The reorganisation"),
    ] {
        store.add_swot_item(mine.snapshot.id, &item(q, t)).unwrap();
    }
    let theirs = store
        .start_snapshot(p.id, Side::Partner, date("2026-03-04"), "")
        .unwrap();
    for (q, t) in [
        (Quadrant::Strengths, "Curious and not afraid to ask"),
        (Quadrant::Weaknesses, "Negotiation in big rooms"),
        (Quadrant::Opportunities, "Henrik's network"),
    ] {
        store
            .add_swot_item(theirs.snapshot.id, &item(q, t))
            .unwrap();
    }
    let later = store
        .start_snapshot(p.id, Side::Mine, date("2026-04-01"), "A month in")
        .unwrap();
    let prompting = later
        .items
        .iter()
        .find(|i| i.text == "Prompting from scratch")
        .unwrap();
    store
        .update_swot_item(
            prompting.id,
            &item(Quadrant::Strengths, "Prompting from scratch"),
        )
        .unwrap();
    store
        .add_swot_item(
            later.snapshot.id,
            &item(Quadrant::Opportunities, "Lead the AI pilot"),
        )
        .unwrap();
    (store, p.id)
}

/// Asserts that `needles` appear in the report's text in this order (each after the
/// previous one).
#[track_caller]
fn in_order(pdf: &Pdf, needles: &[&str]) {
    let text = pdf.flat_text();
    let mut at = 0;
    for needle in needles {
        match text[at..].find(needle) {
            Some(i) => at += i + needle.len(),
            None => panic!(
                "{needle:?} should come after {:?} in:\n{text}",
                &text[..at]
                    .chars()
                    .rev()
                    .take(80)
                    .collect::<String>()
                    .chars()
                    .rev()
                    .collect::<String>()
            ),
        }
    }
}

#[test]
fn goals_swots_topics_and_action_items_are_in_their_sections() {
    let (store, id) = full_journal();
    let pdf = inspect(render(&store, &options(id)).unwrap());
    in_order(
        &pdf,
        &[
            "At a glance",
            "Goal progress",
            "Fluent with assistants",
            "60",
            "Speak at the leadership meeting",
            "achieved",
            "The agreement",
            // Goals: status, progress bar, target date, milestones, progress over time.
            "Goals",
            "ACTIVE",
            "Fluent with assistants",
            "target 1 September 2026",
            "1 of 2 milestones done",
            "60",
            "MILESTONES",
            "First summary written",
            "The team adopts it",
            "PROGRESS OVER TIME",
            "Halfway there",
            "ACHIEVED",
            "Speak at the leadership meeting",
            // Both SWOTs side by side, the shared item marked, then what changed.
            "SWOT analyses",
            "as Zoë Okafor shared it",
            "STRENGTHS",
            "Curious and not afraid to ask",
            "\u{25CF} shared",
            "WEAKNESSES",
            "Negotiation in big rooms",
            "OPPORTUNITIES",
            "Lead the AI pilot",
            "THREATS",
            "The reorganisation",
            "What changed since the first snapshot",
            "Henrik\u{2019}s SWOT",
            "1 added, 0 removed, 1 moved",
            "Lead the AI pilot",
            "new in opportunities",
            "Prompting from scratch",
            "moved from weaknesses to strengths",
            "Zoë Okafor\u{2019}s SWOT, as Zoë Okafor shared it",
            "one snapshot so far",
            // Sessions: topics, agenda, notes, shared, learned, action items.
            "2 sessions, oldest first",
            "Kick-off over coffee",
            "Prompt craft",
            "Budgets",
            "AGENDA-TEXT-ONE",
            "NOTES-TEXT-TWO",
            "WHAT HENRIK SHARED",
            "SHARED-TEXT-ALPHA",
            "WHAT HENRIK LEARNED",
            "LEARNED-TEXT-BRAVO",
            "ACTION ITEMS",
            "Draft the weekly update",
            "Book the data review",
            // A private session: its date and length, not its title, topics or notes; its
            // action items are listed.
            "TUESDAY 17 MARCH 2026",
            report::PRIVATE_SESSION,
            "45 min",
            report::PRIVATE_NOTES,
            "ACTION ITEMS",
            "Call the Lisbon office",
            // Open action items: the overdue one first; the private session's by its date.
            "Open action items",
            "Book the data review",
            "OVERDUE",
            "Call the Lisbon office",
            "from a private session on 17 Mar 2026",
        ],
    );
    // At a glance counts them (poppler reads the cards row by row: figures, then labels).
    in_order(
        &pdf,
        &[
            "At a glance",
            "1 of 2",
            "1 of 3",
            "goals achieved",
            "action items done",
            "2 open \u{00B7} 1 overdue",
        ],
    );
    for private in [
        "The reorg rumours",
        "PRIVATE-TOPIC-JULIET",
        "PRIVATE-PLACE-INDIA",
        "PRIVATE-AGENDA-FOX",
        "PRIVATE-NOTES-CHARLIE",
        "PRIVATE-SHARED-DELTA",
        "PRIVATE-LEARNED-ECHO",
        "PRIVATE-REFLECTION-GOLF",
        "REFLECTION-OF-A-SHARED-SESSION",
        "PRIVATE REFLECTION",
    ] {
        pdf.lacks(private);
    }
    pdf.words_inside_margins();
    pdf.fonts_embedded_and_subset();

    let with = inspect(
        render(
            &store,
            &ReportOptions {
                include_private: true,
                include_partner: false,
                ..options(id)
            },
        )
        .unwrap(),
    );
    in_order(
        &with,
        &[
            "Kick-off over coffee",
            "PRIVATE REFLECTION",
            "REFLECTION-OF-A-SHARED-SESSION",
            "The reorg rumours",
            "PRIVATE-PLACE-INDIA",
            "PRIVATE-TOPIC-JULIET",
            "PRIVATE-AGENDA-FOX",
            "PRIVATE-NOTES-CHARLIE",
            "PRIVATE-SHARED-DELTA",
            "PRIVATE-LEARNED-ECHO",
            "PRIVATE-REFLECTION-GOLF",
            "Call the Lisbon office",
        ],
    );
    with.lacks(report::PRIVATE_NOTES);
    with.lacks("from a private session");
}

#[test]
fn a_period_filters_sessions_action_items_and_progress_but_not_goals_or_swots() {
    let (store, id) = full_journal();
    let opts = ReportOptions {
        from: Some(date("2026-03-04")),
        to: Some(date("2026-03-31")),
        ..options(id)
    };
    let pdf = inspect(render(&store, &opts).unwrap());
    // The kick-off (3 March) and its action items are outside the period.
    pdf.lacks("Kick-off over coffee");
    pdf.lacks("Book the data review");
    pdf.has(report::PRIVATE_SESSION);
    pdf.lacks("The reorg rumours");
    // Its one action item comes from a private session: listed under it (the period's only
    // session, so there is no list of open items apart).
    in_order(
        &pdf,
        &[
            "Sessions",
            report::PRIVATE_SESSION,
            "ACTION ITEMS",
            "Call the Lisbon office",
        ],
    );
    pdf.lacks("Open action items");
    // Goals and SWOTs as they stand; progress only from within the period.
    pdf.has("Fluent with assistants");
    pdf.has("Lead the AI pilot");
    pdf.lacks("Halfway there"); // recorded 1 April
    pdf.has("20 %"); // 5 March, inside (poppler reads the narrow space as a space)
    pdf.words_inside_margins();
}

#[test]
fn sections_with_nothing_to_show_are_left_out_with_their_outline_entries() {
    let mut store = Store::open_in_memory().unwrap();
    let p = store.create_partnership(&partnership_draft("Ana")).unwrap();
    let bytes = render(&store, &options(p.id)).unwrap();
    let names: Vec<String> = outline(&bytes).into_iter().map(|(n, _)| n).collect();
    assert_eq!(
        names,
        [
            "Progress report",
            "At a glance",
            "The agreement",
            "Sessions"
        ]
    );
    let pdf = inspect(bytes);
    pdf.lacks("SWOT analyses");
    pdf.lacks("Open action items");
    pdf.has("no goals set yet");
}

/// The outline (bookmarks) of a PDF, in order: (title, page from 1).
fn outline(bytes: &[u8]) -> Vec<(String, usize)> {
    let mut warnings = Vec::new();
    let doc =
        printpdf::PdfDocument::parse(bytes, &printpdf::PdfParseOptions::default(), &mut warnings)
            .expect("printpdf reads its own PDF back");
    let mut marks: Vec<(usize, printpdf::PageAnnotation)> = doc
        .bookmarks
        .map
        .into_iter()
        .map(|(id, mark)| {
            // Parsed bookmarks are keyed "bookmark_<n>" in outline order.
            let n = id.0.trim_start_matches("bookmark_").parse().unwrap();
            (n, mark)
        })
        .collect();
    marks.sort_by_key(|(n, _)| *n);
    marks.into_iter().map(|(_, m)| (m.name, m.page)).collect()
}

#[test]
fn the_outline_lists_the_sections_in_reading_order() {
    let (store, id) = full_journal();
    let bytes = render(&store, &options(id)).unwrap();
    let marks = outline(&bytes);
    // Each entry points at the page its heading is on (sections share pages now).
    let text = inspect(bytes).text;
    let pages: Vec<&str> = text.split('\u{c}').collect();
    for (name, page) in &marks {
        // A session's entry is "· <date> <title>"; the page shows the title.
        let heading = match name.strip_prefix("\u{B7} ") {
            Some(rest) => rest.split_once(' ').unwrap().1,
            None => name.as_str(),
        };
        assert!(
            pages[page - 1].contains(heading),
            "{name:?} points at page {page}, which does not show it"
        );
    }
    let names: Vec<&str> = marks.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "Progress report",
            "At a glance",
            "The agreement",
            "Goals",
            "SWOT analyses",
            "Sessions",
            "\u{00B7} 2026-03-03 Kick-off over coffee",
            "\u{00B7} 2026-03-17 A private session",
            "Open action items",
        ]
    );
    assert!(marks.windows(2).all(|w| w[0].1 <= w[1].1), "{marks:?}");

    // The sample journal too: its sections in order, every session between "Sessions"
    // and "Open action items".
    let (store, id) = sample();
    let marks = outline(&render(&store, &options(id)).unwrap());
    let sections: Vec<&str> = marks
        .iter()
        .map(|(n, _)| n.as_str())
        .filter(|n| !n.starts_with('\u{00B7}'))
        .collect();
    assert_eq!(
        sections,
        [
            "Progress report",
            "At a glance",
            "The agreement",
            "Goals",
            "SWOT analyses",
            "Sessions",
            "Open action items",
        ]
    );
    let first_session = marks
        .iter()
        .position(|(n, _)| n.starts_with('\u{00B7}'))
        .unwrap();
    let last_session = marks
        .iter()
        .rposition(|(n, _)| n.starts_with('\u{00B7}'))
        .unwrap();
    assert_eq!(marks[first_session - 1].0, "Sessions");
    assert_eq!(marks[last_session + 1].0, "Open action items");
    assert!(marks.windows(2).all(|w| w[0].1 <= w[1].1), "{marks:?}");
}

#[test]
fn long_and_awkward_goals_swots_and_action_items_stay_inside_the_margins() {
    let (mut store, id) = full_journal();
    let long_word = "Ü".repeat(150);
    let title = format!("A goal with a very long title {long_word} and 👩🏽‍💻 مرحبا");
    let goal = store
        .create_goal(id, &goal_draft(&title[..title.len().min(290)]))
        .unwrap();
    for i in 0..40u8 {
        let mut e = progress_draft("2026-05-01", i * 2); // all on one day
        e.note = format!(
            "Note {i} <b>not bold</b> {}",
            "words ".repeat(usize::from(i))
        );
        store.add_progress(goal.id, &e).unwrap();
    }
    store
        .add_progress(goal.id, &progress_draft("2026-05-02", 100))
        .unwrap();
    let snapshot = store
        .start_snapshot(id, Side::Partner, date("2026-05-01"), &"Why ".repeat(200))
        .unwrap();
    for q in [
        Quadrant::Strengths,
        Quadrant::Weaknesses,
        Quadrant::Opportunities,
        Quadrant::Threats,
    ] {
        for i in 0..8 {
            let text = format!("SWOT-{i} {}", "wide WWW words ".repeat(66))
                .chars()
                .take(1000)
                .collect();
            store
                .add_swot_item(
                    snapshot.snapshot.id,
                    &SwotItemDraft {
                        quadrant: q,
                        text,
                        priority: Some(Priority::High),
                    },
                )
                .unwrap();
        }
    }
    let mut d = session_draft("Many topics");
    d.held_at = datetime("2026-05-01T10:00");
    d.visibility = Visibility::Shared;
    d.topics = (0..30)
        .map(|i| format!("{i} {}", "topic".repeat(11)))
        .collect();
    let s = store.create_session(id, &d).unwrap();
    let text: String = format!("ACTION-LONG {}", "x".repeat(1980));
    store
        .create_action_item(s.id, &action_draft(&text, None))
        .unwrap();
    let pdf = inspect(render(&store, &options(id)).unwrap());
    pdf.words_inside_margins();
    pdf.fonts_embedded_and_subset();
    in_order(
        &pdf,
        &[
            "A goal with a very long title",
            "SWOT-7",
            "Many topics",
            "ACTION-LONG",
        ],
    );
    pdf.has("29 topictopic");
    assert!(!pdf.text.contains('\u{FFFD}'));
}

/// One partnership with its agreement, one shared session with notes and an open action
/// item: the report after a first session.
fn one_session_journal() -> (Store, Uuid) {
    let (mut store, id) = one_session(
        "We went through the tools Zoë uses every day.\n\n- summaries\n- drafting mails\n\nNext time: prompts for the weekly report.",
    );
    let session = store.list_sessions(id, 1, 0).unwrap().remove(0);
    store
        .create_action_item(session.id, &action_draft("Try three prompts", None))
        .unwrap();
    (store, id)
}

/// The full journal with its second (private) session in the trash: one session with
/// two goals, both SWOTs (two snapshots of mine) and open action items.
fn one_rich_session_journal() -> (Store, Uuid) {
    let (mut store, id) = full_journal();
    let private = store
        .list_sessions(id, 10, 0)
        .unwrap()
        .into_iter()
        .find(|s| s.title == "The reorg rumours")
        .unwrap();
    store.move_to_trash(ItemKind::Session, private.id).unwrap();
    (store, id)
}

/// Issue 16: every section started a new page, so one session made 8 pages, two of them
/// nearly empty. Sections now follow one another.
#[test]
fn a_one_session_report_fits_on_three_pages() {
    let (store, id) = one_session_journal();
    let bytes = render(&store, &options(id)).unwrap();
    // To look at it: TANDEM_REPORT_ONE=/tmp/r/one.pdf, then `pdftoppm -r 50 -png`.
    if let Some(out) = std::env::var_os("TANDEM_REPORT_ONE") {
        std::fs::write(out, &bytes).unwrap();
    }
    let pdf = inspect(bytes);
    pdf.has("Odd notes");
    pdf.has("Try three prompts");
    assert!(pdf.pages() <= 3, "{} pages:\n{}", pdf.pages(), pdf.info);

    // With everything else a partnership can have (two goals with milestones and charts,
    // both SWOTs): 6 pages (7 when every section started a page of its own).
    let (store, id) = one_rich_session_journal();
    let bytes = render(&store, &options(id)).unwrap();
    if let Some(out) = std::env::var_os("TANDEM_REPORT_ONE_RICH") {
        std::fs::write(out, &bytes).unwrap();
    }
    let pdf = inspect(bytes);
    pdf.has("Kick-off over coffee");
    pdf.lacks("The reorg rumours");
    assert!(pdf.pages() <= 6, "{} pages:\n{}", pdf.pages(), pdf.info);
}

/// The headings of the report, as laid out: a section's title is 22 pt, a subheading
/// 12 pt bold teal. No page may end with one (keep-with-next moves it to the next page
/// with the first lines of what it heads).
#[test]
fn no_page_ends_with_a_heading() {
    for (store, id) in [
        one_session_journal(),
        one_rich_session_journal(),
        full_journal(),
        sample(),
    ] {
        let bytes = render(&store, &options(id)).unwrap();
        let pdf = inspect(bytes.clone());
        // The last text line of every page but the last is not a heading, by size: the
        // bbox words of the last line on a page, compared with the heading sizes.
        let pages: Vec<&str> = pdf.bbox.split("<page ").skip(1).collect();
        for (n, page) in pages.iter().enumerate().take(pages.len().saturating_sub(1)) {
            let words: Vec<(f64, f64, String)> = page
                .lines()
                .map(str::trim)
                .filter(|l| l.starts_with("<word "))
                .map(|l| {
                    let attr = |name: &str| -> f64 {
                        let start = l.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
                        let end = start + l[start..].find('"').unwrap();
                        l[start..end].parse().unwrap()
                    };
                    let text = l[l.find('>').unwrap() + 1..l.rfind("</word>").unwrap()].to_owned();
                    (attr("yMax"), attr("yMax") - attr("yMin"), text)
                })
                .collect();
            // The footer and header are small (< 10 pt); the body's last line is the
            // lowest word taller than them.
            let body: Vec<&(f64, f64, String)> =
                words.iter().filter(|w| w.1 > 11.0 && w.0 < 780.0).collect();
            let Some(lowest) = body
                .iter()
                .map(|w| w.0)
                .max_by(|a, b| a.partial_cmp(b).unwrap())
            else {
                continue;
            };
            let last_line: Vec<&&(f64, f64, String)> =
                body.iter().filter(|w| (w.0 - lowest).abs() < 2.0).collect();
            let tallest = last_line.iter().map(|w| w.1).fold(0.0, f64::max);
            let text: Vec<&str> = last_line.iter().map(|w| w.2.as_str()).collect();
            assert!(
                tallest < 16.0,
                "page {} ends with a heading: {text:?}",
                n + 1
            );
        }
    }
}

/// Issue 16: dated after today, a SWOT snapshot counted as the current one in the whole
/// partnership's report while a progress entry of the same day was left out. One rule now:
/// what happened (sessions, progress entries) is shown within the period, which without
/// an end runs to today; what stands (a goal's progress, the SWOTs) is shown as it stands
/// today, never from a future entry or snapshot.
#[test]
fn every_section_follows_the_same_period_rule_for_future_dates() {
    let mut store = Store::open_in_memory().unwrap();
    let p = store.create_partnership(&partnership_draft("Ana")).unwrap();
    let mut past = session_draft("PAST-SESSION");
    past.held_at = datetime("2027-01-10T10:00");
    past.visibility = Visibility::Shared;
    store.create_session(p.id, &past).unwrap();
    let mut planned = session_draft("PLANNED-SESSION");
    planned.held_at = datetime("2027-02-10T10:00");
    planned.visibility = Visibility::Shared;
    store.create_session(p.id, &planned).unwrap();
    let goal = store.create_goal(p.id, &goal_draft("Speak up")).unwrap();
    let mut then = progress_draft("2027-01-05", 30);
    then.note = "PAST-PROGRESS".into();
    store.add_progress(goal.id, &then).unwrap();
    let mut later = progress_draft("2027-02-01", 90);
    later.note = "FUTURE-PROGRESS".into();
    store.add_progress(goal.id, &later).unwrap();
    let item = |text: &str| SwotItemDraft {
        quadrant: Quadrant::Strengths,
        text: text.into(),
        priority: None,
    };
    let old = store
        .start_snapshot(p.id, Side::Mine, date("2027-01-02"), "")
        .unwrap();
    store
        .add_swot_item(old.snapshot.id, &item("PAST-ITEM"))
        .unwrap();
    let new = store
        .start_snapshot(p.id, Side::Mine, date("2027-03-01"), "")
        .unwrap();
    store
        .add_swot_item(new.snapshot.id, &item("FUTURE-ITEM"))
        .unwrap();

    // The whole partnership (TODAY is 2027-01-20): nothing dated after today.
    let whole = inspect(render(&store, &options(p.id)).unwrap());
    whole.has("PAST-SESSION");
    whole.has("PAST-PROGRESS");
    whole.has("PAST-ITEM");
    whole.has("30 %");
    for later in ["PLANNED-SESSION", "FUTURE-PROGRESS", "FUTURE-ITEM", "90 %"] {
        whole.lacks(later);
    }
    whole.has("20 January 2027");

    // A period reaching into the future shows the sessions and progress entries in it;
    // goals and SWOTs still as they stand today.
    let ahead = ReportOptions {
        to: Some(date("2027-03-31")),
        ..options(p.id)
    };
    let ahead = inspect(render(&store, &ahead).unwrap());
    for text in ["PLANNED-SESSION", "FUTURE-PROGRESS", "PAST-ITEM"] {
        ahead.has(text);
    }
    ahead.lacks("FUTURE-ITEM");
}

/// Issue 16: emoji and CJK came out as "□". Characters DejaVu lacks are drawn with a font
/// installed on the system that has them (subset like the rest); "□" only when none has.
/// Needs a CJK font (`fonts-noto-cjk`) to check the fallback; without one it says so and
/// checks the box instead.
#[test]
fn cjk_is_drawn_with_an_installed_font_or_shown_as_boxes() {
    let fonts = report::Fonts::get().unwrap();
    let (store, id) = one_session("Tandem 中文テキスト 한국어 and \u{0378}.");
    let bytes = render(&store, &options(id)).unwrap();
    if let Some(out) = std::env::var_os("TANDEM_REPORT_CJK") {
        std::fs::write(out, &bytes).unwrap();
    }
    let pdf = inspect(bytes);
    // U+0378 is unassigned: no font has it, ever.
    pdf.has("and □.");
    if !fonts.draws('中') {
        eprintln!(
            "skipped the fallback check: no installed font has CJK (apt-get install fonts-noto-cjk)"
        );
        pdf.has("Tandem □□□□□□ □□□ and");
        return;
    }
    pdf.has("Tandem 中文テキスト 한국어 and");
    pdf.fonts_embedded_and_subset();
    let fallback = pdf
        .fonts
        .lines()
        .skip(2)
        .filter(|row| !row.contains("DejaVu"))
        .count();
    assert!(fallback >= 1, "a fallback font is embedded:\n{}", pdf.fonts);
    // Subset: a CJK font is many megabytes; the report stays small.
    assert!(
        pdf.bytes.len() < 200 * 1024,
        "{} bytes:\n{}",
        pdf.bytes.len(),
        pdf.fonts
    );
    pdf.words_inside_margins();
}

/// What the export dialog previews, for `options`.
fn preview(store: &Store, options: &ReportOptions) -> report::ReportPreview {
    report::preview(store, options, date(TODAY)).unwrap()
}

/// Issue 16: the export dialog shows what the PDF will hold. The preview is made from the
/// same data and the same sections' accounts as the PDF, so for every journal and option
/// set its sections are the PDF's outline, and its counts are what the PDF shows.
#[test]
fn the_preview_counts_what_the_pdf_holds() {
    let empty = {
        let mut store = Store::open_in_memory().unwrap();
        let p = store.create_partnership(&partnership_draft("Ana")).unwrap();
        (store, p.id)
    };
    for (store, id) in [full_journal(), sample(), one_session_journal(), empty] {
        for opts in [
            options(id),
            ReportOptions {
                include_private: true,
                include_partner: false,
                ..options(id)
            },
            ReportOptions {
                from: Some(date("2026-03-04")),
                to: Some(date("2026-05-31")),
                ..options(id)
            },
        ] {
            let seen = preview(&store, &opts);
            let bytes = render(&store, &opts).unwrap();
            let marks = outline(&bytes);
            let pdf = inspect(bytes);
            let text = pdf.flat_text();
            let context = format!("{opts:?}:\n{seen:#?}");
            // The sections: those of the outline, after the cover's entry.
            let titles: Vec<&str> = marks
                .iter()
                .map(|(n, _)| n.as_str())
                .filter(|n| !n.starts_with('\u{00B7}'))
                .skip(1)
                .collect();
            let previewed: Vec<&str> = seen.sections.iter().map(|s| s.title.as_str()).collect();
            assert_eq!(titles, previewed, "{context}");
            let count = |title: &str| {
                seen.sections
                    .iter()
                    .find(|s| s.title == title)
                    .and_then(|s| s.count)
                    .unwrap_or(0) as usize
            };
            // Sessions: one outline entry each; a private one left out says so once.
            let sessions = marks
                .iter()
                .filter(|(n, _)| n.starts_with('\u{00B7}'))
                .count();
            assert_eq!(count("Sessions"), sessions, "{context}");
            assert_eq!(
                text.matches(report::PRIVATE_NOTES).count(),
                seen.private_left_out as usize,
                "{context}"
            );
            assert_eq!(
                marks
                    .iter()
                    .filter(|(n, _)| n.ends_with(report::PRIVATE_SESSION))
                    .count(),
                seen.private_left_out as usize,
                "{context}"
            );
            // Open action items: each names where it comes from.
            let open = text.rfind("Open action items").map_or(0, |at| {
                let list = &text[at..];
                list.matches("from \u{201C}").count()
                    + list.matches("from a private session on").count()
            });
            assert_eq!(count("Open action items"), open, "{context}");
            // Goals: the section's own count in its first line.
            if let Some(goals) = seen.sections.iter().find(|s| s.title == "Goals") {
                let n = goals.count.unwrap_or(0);
                let words = format!("{n} {}:", if n == 1 { "goal" } else { "goals" });
                assert!(text.contains(&words), "{words} in {context}");
            }
            // SWOT: a side's column says "Snapshot of" its date.
            assert_eq!(
                count("SWOT analyses"),
                text.matches("Snapshot of ").count(),
                "{context}"
            );
            // Private text, when it is left out, is said to be; when included, nothing is.
            let says_private = seen.left_out.iter().any(|l| l.contains("private session"));
            assert_eq!(says_private, seen.private_left_out > 0, "{context}");
        }
    }
}

/// The preview's words for the full journal: what is left out and why, with the switch
/// that brings it in; nothing private is said to be left out once private notes are in.
#[test]
fn the_preview_says_what_is_left_out_and_why() {
    let (store, id) = full_journal();
    let seen = preview(&store, &options(id));
    assert_eq!((seen.from, seen.to), (date("2026-03-02"), date(TODAY)));
    let summaries: Vec<(&str, Option<u32>, &str)> = seen
        .sections
        .iter()
        .map(|s| (s.title.as_str(), s.count, s.summary.as_str()))
        .collect();
    assert_eq!(
        summaries,
        [
            (
                "At a glance",
                None,
                "Sessions, hours, cadence kept, goals achieved and action items done, in figures; \
                 each goal\u{2019}s progress; sessions per month"
            ),
            (
                "The agreement",
                None,
                "Objectives, boundaries, meeting cadence and how it will end"
            ),
            (
                "Goals",
                Some(2),
                "2 goals: 1 active, 1 achieved; 2 milestones and 2 progress entries"
            ),
            (
                "SWOT analyses",
                Some(2),
                "Henrik\u{2019}s and Zoë Okafor\u{2019}s: 7 items, 1 shared"
            ),
            (
                "Sessions",
                Some(2),
                "2 sessions: 1 shared with its notes, 1 private by date, length and action items only; 3 action items"
            ),
            (
                "Open action items",
                Some(2),
                "2 open items, 1 overdue; 1 from a private session, named by its date"
            ),
        ]
    );
    assert_eq!(
        seen.left_out,
        [
            "1 private session: its title, topics and notes are left out (its date and action \
             items are in). Tick \u{201C}Include private notes\u{201D} to include it.",
            "2 private reflections: a reflection is only for you, even in a shared session, and \
             goes in only with private notes included.",
        ]
    );
    assert_eq!((seen.private_left_out, seen.private_included), (1, 0));

    let with = preview(
        &store,
        &ReportOptions {
            include_private: true,
            include_partner: false,
            ..options(id)
        },
    );
    assert!(with.left_out.is_empty(), "{:?}", with.left_out);
    assert_eq!((with.private_left_out, with.private_included), (0, 1));

    // An empty partnership: the sections with nothing to show are left out, and say so.
    let mut store = Store::open_in_memory().unwrap();
    let p = store.create_partnership(&partnership_draft("Ana")).unwrap();
    let seen = preview(&store, &options(p.id));
    let titles: Vec<&str> = seen.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(titles, ["At a glance", "The agreement", "Sessions"]);
    assert_eq!(seen.left_out.len(), 3, "{:?}", seen.left_out);
    assert!(seen.left_out[0].starts_with("Goals: none set yet"));
    assert!(seen.left_out[1].starts_with("SWOT analyses: neither side"));
    assert!(seen.left_out[2].starts_with("Open action items: none"));

    // A reversed period is refused as the PDF refuses it.
    let reversed = ReportOptions {
        from: Some(date("2026-05-01")),
        to: Some(date("2026-04-01")),
        ..options(p.id)
    };
    assert_eq!(
        report::preview(&store, &reversed, date(TODAY))
            .unwrap_err()
            .code(),
        render(&store, &reversed).unwrap_err().code()
    );
}

/// Issue 16: the first report of a fresh journal (a partnership made with the form's
/// defaults, one session, private as every session starts, with an action item for each
/// partner) had no action items at all, a page of its own saying they were left out, and
/// three "not written down yet"s. Now: two pages; the action items listed under the
/// session, not again in a section of their own; the unwritten parts of the agreement
/// named once; no one-bar chart; the session's own text still left out.
#[test]
fn the_first_report_of_a_fresh_journal_holds_its_action_items_on_two_pages() {
    let mut store = Store::open_in_memory().unwrap();
    let mut draft = partnership_draft("Maya Chen");
    draft.agreement = Agreement {
        objectives: String::new(),
        boundaries: String::new(),
        cadence_days: Some(14),
        session_minutes: Some(45),
        ending: String::new(),
        visibility: Visibility::Private,
    };
    let p = store.create_partnership(&draft).unwrap();
    let mut first = session_draft("FIRST-SESSION-TITLE");
    first.notes = "FIRST-SESSION-NOTES".into();
    first.reflection = "FIRST-SESSION-REFLECTION".into();
    first.topics = vec!["FIRST-SESSION-TOPIC".into()];
    let s = store.create_session(p.id, &first).unwrap();
    let mut theirs = action_draft("Send the prompt library", Some("2026-03-17"));
    theirs.owner = Owner::Partner;
    store.create_action_item(s.id, &theirs).unwrap();
    store
        .create_action_item(
            s.id,
            &action_draft("Try an assistant on the weekly report", None),
        )
        .unwrap();
    let bytes = render(&store, &options(p.id)).unwrap();
    if let Some(out) = std::env::var_os("TANDEM_REPORT_FIRST") {
        std::fs::write(out, &bytes).unwrap();
    }
    let pdf = inspect(bytes);
    assert_eq!(pdf.pages(), 2, "{}", pdf.info);
    in_order(
        &pdf,
        &[
            "Meeting cadence",
            "Every 14 days, 45 min per session.",
            "Objectives, boundaries and how it will end: not written down yet.",
            "One session. It is private",
            report::PRIVATE_SESSION,
            report::PRIVATE_NOTES,
            "ACTION ITEMS",
            "Send the prompt library",
            "Maya Chen \u{00B7} due 17 Mar 2026",
        ],
    );
    pdf.has("Try an assistant on the weekly report");
    for absent in [
        "FIRST-SESSION-TITLE",
        "FIRST-SESSION-NOTES",
        "FIRST-SESSION-REFLECTION",
        "FIRST-SESSION-TOPIC",
        "Open action items",
        "Sessions per month",
        "Not written down yet.",
    ] {
        pdf.lacks(absent);
    }
    let seen = preview(&store, &options(p.id));
    assert!(
        seen.left_out
            .iter()
            .any(|l| l.starts_with("Open action items: the one session lists its 2 open items")),
        "{:?}",
        seen.left_out
    );
}
