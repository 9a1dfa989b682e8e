//! The progress PDF at 20 and 1,000 sessions, each next to its floor measured in the same
//! run: raw printpdf writing the same amount of plain text (same font, subset, one line
//! per 95 characters, 60 lines a page) with no layout, no Markdown and no reading from the
//! store. Run with `cargo bench -p tandem-core --bench report`; the figures are in
//! `docs/BENCHMARKS.md` ("Progress PDF").

use std::hint::black_box;
use std::time::Duration;

use chrono::{Days, NaiveDate};
use criterion::{Criterion, criterion_group, criterion_main};
use printpdf::{
    Mm, Op, ParsedFont, PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions, Point, Pt, TextItem,
};
use tandem_core::Store;
use tandem_core::model::*;
use tandem_core::report::{ReportOptions, render};

const FONT: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 6, 1).expect("valid date")
}

/// Notes like real ones: a heading, emphasis, a list, a quote, some Greek and Cyrillic.
fn notes(i: usize) -> String {
    format!(
        "## Session {i}\n\nWe went through the **roadmap** and the *feedback* from the team. \
         Zoë showed me how she uses an assistant for first drafts; I explained how budget \
         decisions travel up. Ελληνικά and кириллица turn up in customer names.\n\n\
         - Rewrite the weekly update with a prompt, then compare both versions\n\
         - Ask the question nobody asked: what does the other side need to say yes?\n\
         - Book a coffee with someone outside the function\n\n\
         > \"You don't have to be good at TikTok. You have to know what it does to attention.\"\n\n\
         Next time: `stakeholder map`, and the [template](https://example.org/template) I promised."
    )
}

/// A journal with one partnership of `n` weekly sessions; returns the store, the
/// partnership's id and the number of characters of notes.
fn journal(n: usize) -> (Store, uuid::Uuid, usize) {
    let mut store = Store::open_in_memory().expect("store");
    let start = NaiveDate::from_ymd_opt(2007, 1, 2).expect("valid date");
    let p = store
        .create_partnership(&PartnershipDraft {
            partner_name: "Zoë Okafor".into(),
            partner_org: "Northwind Analytics".into(),
            my_name: "Henrik Lindqvist".into(),
            my_role: Role::Mentee,
            kind: PartnershipKind::Reverse,
            started_on: start,
            ended_on: None,
            agreement: Agreement {
                objectives: "- AI tools\n- Leadership and **negotiation**".into(),
                boundaries: "Chat on weekdays; what we say stays between us.".into(),
                cadence_days: Some(7),
                session_minutes: Some(45),
                ending: "Review after a year.".into(),
                visibility: Visibility::Private,
            },
        })
        .expect("partnership");
    let mut chars = 0;
    for i in 0..n {
        let days = if n <= 20 { i as u64 * 14 } else { i as u64 * 7 };
        let notes = notes(i);
        chars += notes.chars().count();
        store
            .create_session(
                p.id,
                &SessionDraft {
                    held_at: (start + Days::new(days))
                        .and_hms_opt(16, 0, 0)
                        .expect("valid time"),
                    duration_minutes: 45,
                    format: SessionFormat::Coffee,
                    place: "Café Ström".into(),
                    title: format!("Session {i}: prompts, feedback and the roadmap"),
                    agenda: String::new(),
                    notes,
                    shared: String::new(),
                    learned: String::new(),
                    topics: Vec::new(),
                    rating: None,
                    reflection: String::new(),
                    visibility: if i % 3 == 0 {
                        Visibility::Private
                    } else {
                        Visibility::Shared
                    },
                },
            )
            .expect("session");
    }
    (store, p.id, chars)
}

fn report(store: &Store, id: uuid::Uuid) -> Vec<u8> {
    let options = ReportOptions {
        partnership_id: id,
        from: None,
        to: None,
        include_private: true,
        include_partner: false,
    };
    render(store, &options, today(), &mut |_| {}).expect("report")
}

/// The floor: `chars` characters of plain text through printpdf, no layout.
fn floor(font: &ParsedFont, chars: usize) -> Vec<u8> {
    let line: String = "Zoë showed me her toolkit, Ελληνικά кириллица, prompts and feedback. "
        .chars()
        .cycle()
        .take(95)
        .collect();
    let lines = chars.div_ceil(95);
    let mut doc = PdfDocument::new("floor");
    let id = doc.add_font(font);
    let pages = (0..lines.div_ceil(60))
        .map(|p| {
            let mut ops = vec![
                Op::StartTextSection,
                Op::SetFont {
                    font: PdfFontHandle::External(id.clone()),
                    size: Pt(10.0),
                },
                Op::SetLineHeight { lh: Pt(12.0) },
                Op::SetTextCursor {
                    pos: Point {
                        x: Pt(57.0),
                        y: Pt(780.0),
                    },
                },
            ];
            for _ in 0..60.min(lines - p * 60) {
                ops.push(Op::ShowText {
                    items: vec![TextItem::Text(line.clone())],
                });
                ops.push(Op::AddLineBreak);
            }
            ops.push(Op::EndTextSection);
            PdfPage::new(Mm(210.0), Mm(297.0), ops)
        })
        .collect();
    doc.with_pages(pages);
    doc.save(&PdfSaveOptions::default(), &mut Vec::new())
}

fn benches(c: &mut Criterion) {
    let font = ParsedFont::from_bytes(FONT, 0, &mut Vec::new()).expect("font");
    for (n, samples, seconds) in [(20, 30, 10), (1000, 10, 40)] {
        let (store, id, chars) = journal(n);
        let pdf = report(&store, id);
        let raw = floor(&font, chars);
        eprintln!(
            "report of {n} sessions: {} bytes ({} KB); floor for {chars} characters: {} bytes ({} KB)",
            pdf.len(),
            pdf.len() / 1024,
            raw.len(),
            raw.len() / 1024
        );
        let mut group = c.benchmark_group(format!("report_{n}_sessions"));
        group
            .sample_size(samples)
            .measurement_time(Duration::from_secs(seconds));
        group.bench_function("tandem", |b| b.iter(|| black_box(report(&store, id))));
        group.bench_function("floor_printpdf", |b| {
            b.iter(|| black_box(floor(&font, chars)))
        });
        group.finish();
    }
}

criterion_group!(report_benches, benches);
criterion_main!(report_benches);
