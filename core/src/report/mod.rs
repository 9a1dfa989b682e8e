//! The progress PDF: a designed, paginated report of one partnership over a period.
//!
//! Made with printpdf's low-level operations and our own layout (`layout`): text is wrapped
//! with the fonts' real glyph advances, never clipped, never split across pages, and every
//! word stays inside the margins. (printpdf's `html` feature was not used: it adds ~11 MB
//! to the binary and gives less control over page breaks.) Markdown notes are rendered by
//! `markdown`; the sections are a list (`sections`, a file per section and their shared
//! kit). Fonts and the missing-glyph policy: see [`fonts`].
//!
//! ```no_run
//! # fn demo(store: &tandem_core::Store, id: uuid::Uuid) -> tandem_core::Result<()> {
//! use tandem_core::report::{ReportOptions, render};
//! let options = ReportOptions { partnership_id: id, from: None, to: None, include_private: false, include_partner: false };
//! let today = chrono::Local::now().date_naive();
//! let pdf: Vec<u8> = render(store, &options, today, &mut |p| eprintln!("{}/{} {}", p.done, p.total, p.stage))?;
//! # Ok(()) }
//! ```

pub mod fonts;
pub mod layout;
pub mod markdown;
mod sections;

use std::collections::HashMap;
use std::path::Path;

use chrono::{NaiveDate, Timelike};
use printpdf::{
    Color as PdfColor, FontId, LinePoint, Op, PaintMode, PdfDocument, PdfFontHandle, PdfPage,
    PdfSaveOptions, PdfWarnMsg, Point, Polygon, PolygonRing, Pt, Rgb, TextItem, WindingOrder,
};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::error::{Error, Result};
use crate::model::{
    ActionItem, ActionItemView, GoalDetail, GoalSummary, Partnership, ReportFile, Session, Side,
    SwotBoard, SwotComparison,
};
use crate::store::Store;

pub use fonts::{Face, Fonts, MISSING};
pub use layout::{Item, PRINTABLE, Page};
pub use sections::{CADENCE_GRACE_DAYS, NOTHING_AGREED, PRIVATE_NOTES, PRIVATE_SESSION};

use layout::{Color, Layouter, PAGE_HEIGHT, PAGE_WIDTH, Style, palette, text_line, text_width};

/// What to put in a progress report. Sent by the UI; also what `tandem report` builds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ReportOptions {
    pub partnership_id: Uuid,
    /// First day of the period (inclusive); `None`: from the beginning.
    pub from: Option<NaiveDate>,
    /// Last day of the period (inclusive); `None`: up to the latest session.
    pub to: Option<NaiveDate>,
    /// Show the notes of private sessions too (they are left out by default).
    #[serde(default)]
    pub include_private: bool,
    /// Add what the partner shared with me through exchange (their own SWOT, goals and
    /// notes, labelled as theirs); left out by default.
    #[serde(default)]
    pub include_partner: bool,
}

/// How far a report is: `done` of `total` steps, and what it is doing (a sentence fragment
/// such as "Laying out sessions"). `done == total` on the last call.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Progress {
    pub done: u32,
    pub total: u32,
    pub stage: String,
}

/// Everything a report shows, read from the store once.
pub(crate) struct ReportData {
    pub partnership: Partnership,
    /// The sessions in the period, oldest first.
    pub sessions: Vec<Session>,
    /// The action items of each session, in the same order as `sessions`.
    pub actions: Vec<Vec<ActionItem>>,
    /// The open action items of the period's sessions (overdue first, then by due date).
    pub open_actions: Vec<ActionItemView>,
    /// The private sessions of the period: their action items are private text too.
    pub private_sessions: std::collections::HashSet<Uuid>,
    /// The goals as they stand, in the store's order (active, not started, achieved,
    /// dropped), each with its summary (its progress as it stands today) and its detail,
    /// whose progress entries are those of the period (up to today when no end is given).
    pub goals: Vec<(GoalSummary, GoalDetail)>,
    /// The latest snapshot of each side and the items they share.
    pub swot: SwotBoard,
    /// Per side with more than one snapshot: its first snapshot against its latest.
    pub swot_changes: Vec<(Side, SwotComparison)>,
    pub include_private: bool,
    /// What the partner shared with me, as their last bundle had it (none received: `None`).
    pub partner: Option<PartnerShare>,
    pub include_partner: bool,
    /// Whether the report was asked for a period (either end given).
    pub period_set: bool,
    /// The period shown (the options' dates, or the partnership's span).
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub today: NaiveDate,
}

/// The partner's content for the report: their last bundle, in my words.
pub(crate) struct PartnerShare {
    pub payload: crate::exchange::BundlePayload,
    /// The day they made the bundle.
    pub shared_on: NaiveDate,
    /// Whether the link's fingerprint words were compared and found the same.
    pub verified: bool,
}

/// What of a session the report shows: the privacy rules, written once for every section
/// and for [`preview`].
///
/// A shared session is shown with its own text (title, place, topics, agenda, notes, what
/// each shared and learned). A private one, unless private notes are asked for, is shown
/// by its date, format and length only: its text is the person's. Its action items are
/// shown in every case: what either partner committed to is the partnership's, and a
/// report without them (a first report, its sessions private by default) would say nothing
/// of what was agreed. They are listed as "from a private session on 3 Mar 2026", never
/// with the session's title. A reflection is private even in a shared session: shown only
/// when private notes are asked for.
impl ReportData {
    /// Whether `session`'s own text is in the report.
    pub fn shows_text(&self, session: &Session) -> bool {
        session.visibility == crate::model::Visibility::Shared || self.include_private
    }

    /// Whether the session `id` is shown without its text (private, private notes not
    /// asked for): its action items then name no title.
    pub fn hides_text_of(&self, id: Uuid) -> bool {
        !self.include_private && self.private_sessions.contains(&id)
    }

    /// Whether reflections are in the report.
    pub fn shows_reflections(&self) -> bool {
        self.include_private
    }

    /// "Zoë Okafor & Henrik Lindqvist", or the partner alone when my name is empty.
    pub fn pair_name(&self) -> String {
        let p = &self.partnership;
        if p.my_name.trim().is_empty() {
            p.partner_name.clone()
        } else {
            format!("{} & {}", p.partner_name, p.my_name)
        }
    }
}

/// Makes the progress report of `options.partnership_id` and returns the PDF's bytes.
/// `today` is the date printed as "generated" (and the period's end when none is given and
/// the partnership is ongoing). `progress` is called as the work advances.
///
/// Errors: `not_found` when the partnership does not exist; `invalid_input` (field `to`)
/// when the period ends before it starts. A period without sessions is not an error: the
/// report says so.
pub fn render(
    store: &Store,
    options: &ReportOptions,
    today: NaiveDate,
    progress: &mut dyn FnMut(Progress),
) -> Result<Vec<u8>> {
    render_report(store, options, today, progress).map(|r| r.pdf)
}

/// [`render`], writing the PDF to `path`: to a temporary file beside it first, renamed over
/// `path` once complete, so a failure never leaves half a file (nor touches an existing
/// one). Errors writing are `io` errors naming `path`.
pub fn write(
    store: &Store,
    options: &ReportOptions,
    today: NaiveDate,
    path: &Path,
    progress: &mut dyn FnMut(Progress),
) -> Result<ReportFile> {
    let report = render_report(store, options, today, progress)?;
    let tmp = path.with_extension("pdf.partial");
    std::fs::write(&tmp, &report.pdf)
        .and_then(|()| std::fs::rename(&tmp, path))
        .map_err(|e| {
            let _ = std::fs::remove_file(&tmp);
            Error::io(path, e)
        })?;
    Ok(ReportFile {
        path: path.display().to_string(),
        pages: report.pages,
        size_bytes: u32::try_from(report.pdf.len()).unwrap_or(u32::MAX),
    })
}

/// A made report: the PDF's bytes and how many pages it has.
#[derive(Debug, Clone)]
pub struct Report {
    pub pdf: Vec<u8>,
    pub pages: u32,
}

/// [`render`], also telling how many pages the report has.
pub fn render_report(
    store: &Store,
    options: &ReportOptions,
    today: NaiveDate,
    progress: &mut dyn FnMut(Progress),
) -> Result<Report> {
    build(&gather(store, options, today)?, progress)
}

/// What the PDF of `options` will hold, without making it: each section with its counts,
/// and what is left out and why. Read and decided by the same code as [`render`] (the
/// report's data, each section's own account of itself), so the two cannot disagree.
/// Errors: those of [`render`].
pub fn preview(store: &Store, options: &ReportOptions, today: NaiveDate) -> Result<ReportPreview> {
    Ok(sections::preview(&gather(store, options, today)?))
}

/// What the export dialog shows before a report is made ([`preview`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ReportPreview {
    /// The period the report covers (the options' dates, or the partnership's span).
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// The sections the PDF will have after its cover, in order.
    pub sections: Vec<SectionPreview>,
    /// What is left out and why, one sentence each (private text first, then the
    /// sections with nothing to show).
    pub left_out: Vec<String>,
    /// Private sessions of the period shown without their own text (title, place, topics,
    /// notes): 0 when private notes are included.
    pub private_left_out: u32,
    /// Private sessions of the period whose notes the report will hold (private notes asked
    /// for).
    pub private_included: u32,
}

/// One section of a previewed report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SectionPreview {
    /// Its title, as in the PDF and its outline ("Sessions").
    pub title: String,
    /// What it counts (sessions, goals, SWOT sides, open action items), if it counts one
    /// thing.
    pub count: Option<u32>,
    /// What it holds, in a sentence without a full stop ("3 sessions: 1 shared with its
    /// notes, 2 private").
    pub summary: String,
}

/// Reads everything a report of `options` shows, applying the period's rules once for
/// every section (and for [`preview`]).
fn gather(store: &Store, options: &ReportOptions, today: NaiveDate) -> Result<ReportData> {
    if let (Some(from), Some(to)) = (options.from, options.to)
        && from > to
    {
        return Err(Error::invalid(
            "to",
            format!(
                "The report's period ends ({to}) before it starts ({from}). Choose an end date on or after the start date."
            ),
        ));
    }
    let partnership = store.get_partnership(options.partnership_id)?;
    // The rules for dates, the same in every section. What happened (sessions, their action
    // items, goal progress entries) is shown when dated within [from, to]; without an end
    // the report runs to today (or to the partnership's end, if earlier), so what is dated
    // later (planned, not yet progress) is left out. What stands (a goal's progress, the
    // SWOTs) is shown as it stands today: its latest entry or snapshot dated today or
    // before, never a future one.
    let until = options
        .to
        .unwrap_or_else(|| partnership.ended_on.map_or(today, |end| end.min(today)));
    let sessions = store.sessions_in_range(partnership.id, options.from, Some(until))?;
    let first = sessions.first().map(|s| s.held_at.date());
    let from = options
        .from
        .unwrap_or_else(|| first.map_or(partnership.started_on, |f| f.min(partnership.started_on)));
    let to = until;
    let in_period = |d: NaiveDate| options.from.is_none_or(|f| d >= f) && d <= until;
    let mut actions = Vec::with_capacity(sessions.len());
    for s in &sessions {
        actions.push(store.list_action_items(s.id)?);
    }
    let session_ids: std::collections::HashSet<Uuid> = sessions.iter().map(|s| s.id).collect();
    let open_actions = store
        .open_action_items(partnership.id, today)?
        .into_iter()
        .filter(|a| session_ids.contains(&a.item.session_id))
        .collect();
    let mut goals = Vec::new();
    // A goal's progress as it stands: its latest entry dated today or before.
    for summary in store.goals_as_of(partnership.id, Some(today))? {
        let mut detail = store.get_goal(summary.goal.id)?;
        detail.progress.retain(|e| in_period(e.recorded_on));
        goals.push((summary, detail));
    }
    // The SWOTs as they stand: each side's latest snapshot taken today or before (none, if
    // all of a side's are later).
    let board = store.swot_board(partnership.id, None, None, today)?;
    let latest_of = |side: Side| {
        board
            .snapshots
            .iter()
            .find(|s| s.side == side && s.taken_on <= today)
            .map(|s| s.id)
    };
    let (mine, theirs) = (latest_of(Side::Mine), latest_of(Side::Partner));
    let mut swot = store.swot_board(partnership.id, mine, theirs, today)?;
    if mine.is_none() {
        swot.mine = None;
    }
    if theirs.is_none() {
        swot.partner = None;
    }
    if mine.is_none() || theirs.is_none() {
        swot.shared.clear();
    }
    swot.snapshots.retain(|s| s.taken_on <= today);
    let mut swot_changes = Vec::new();
    for (side, latest) in [(Side::Mine, &swot.mine), (Side::Partner, &swot.partner)] {
        // `snapshots` is newest first: the side's first snapshot is its last there.
        let first = swot.snapshots.iter().rev().find(|s| s.side == side);
        if let (Some(first), Some(latest)) = (first, latest)
            && first.id != latest.snapshot.id
        {
            swot_changes.push((side, store.compare_snapshots(first.id, latest.snapshot.id)?));
        }
    }
    let private_sessions = sessions
        .iter()
        .filter(|s| s.visibility == crate::model::Visibility::Private)
        .map(|s| s.id)
        .collect();
    let partner = store
        .partner_share(partnership.id)?
        .map(|(by, payload)| PartnerShare {
            shared_on: by.shared_at.with_timezone(&chrono::Local).date_naive(),
            verified: by.verified,
            payload,
        });
    let data = ReportData {
        partnership,
        partner,
        include_partner: options.include_partner,
        sessions,
        actions,
        open_actions,
        private_sessions,
        goals,
        swot,
        swot_changes,
        include_private: options.include_private,
        period_set: options.from.is_some() || options.to.is_some(),
        from,
        to: to.max(from),
        today,
    };
    Ok(data)
}

fn build(data: &ReportData, progress: &mut dyn FnMut(Progress)) -> Result<Report> {
    let fonts = Fonts::get()?;
    let ctx = sections::Ctx { data, fonts };
    // Only the sections that show something: what the preview lists.
    let sections: Vec<_> = sections::sections()
        .into_iter()
        .filter(|s| !matches!(s.holds(data), sections::Holds::Nothing(_)))
        .collect();
    // Steps: reading (done), each section's own, and writing the file.
    let total = 2 + sections.iter().map(|s| s.steps(&ctx)).sum::<u32>();
    let mut done = 1;
    progress(Progress {
        done,
        total,
        stage: "Read the journal".into(),
    });
    let mut layouter = Layouter::new(fonts);
    for section in &sections {
        section.build(&ctx, &mut |blocks| layouter.blocks(&blocks), &mut || {
            done = (done + 1).min(total - 1);
            progress(Progress {
                done,
                total,
                stage: "Laying out the pages".into(),
            });
        });
    }
    let (mut pages, outline) = layouter.finish();
    decorate(fonts, data, &mut pages);
    let bytes = write_pdf(fonts, data, &pages, &outline);
    progress(Progress {
        done: total,
        total,
        stage: "Wrote the PDF".into(),
    });
    Ok(Report {
        pdf: bytes,
        pages: u32::try_from(pages.len()).unwrap_or(u32::MAX),
    })
}

/// The cover's colour band, and on every other page the running header and the footer.
fn decorate(fonts: &Fonts, data: &ReportData, pages: &mut [Page]) {
    let count = pages.len();
    let header = format!("{} \u{00B7} Progress report", data.pair_name());
    let generated = format!("Tandem \u{00B7} {}", sections::long_date(data.today));
    for (i, page) in pages.iter_mut().enumerate() {
        let mut extra = Vec::new();
        if i == 0 {
            extra.push(Item::Rect {
                x: 0.0,
                y: PAGE_HEIGHT - sections::COVER_BAND,
                width: PAGE_WIDTH,
                height: sections::COVER_BAND,
                color: palette::TEAL,
            });
            extra.push(Item::Rect {
                x: 0.0,
                y: PAGE_HEIGHT - sections::COVER_BAND - 5.0,
                width: PAGE_WIDTH,
                height: 5.0,
                color: palette::AMBER,
            });
            page.items.splice(0..0, extra);
            continue;
        }
        let small = Style::new(Face::Regular, 7.5, palette::MUTED);
        let ascent = fonts.face(Face::Regular).ascent * small.size;
        let descent = fonts.face(Face::Regular).descent * small.size;
        let w = PRINTABLE.width();
        // Header: baseline just under the top margin, a hairline below it.
        let hy = PRINTABLE.top - ascent;
        extra.extend(text_line(fonts, &header, small, PRINTABLE.left, hy, w).0);
        extra.push(Item::Rect {
            x: PRINTABLE.left,
            y: hy + descent - 5.0,
            width: w,
            height: 0.5,
            color: palette::RULE,
        });
        // Footer: "page N of M" at the right, the maker and date at the left.
        let fy = PRINTABLE.bottom - descent;
        let number = format!("page {} of {count}", i + 1);
        let nw = text_width(fonts, &number, small);
        extra.extend(text_line(fonts, &number, small, PRINTABLE.right - nw, fy, nw + 0.5).0);
        let left = Style::new(Face::Regular, 7.5, palette::MUTED);
        extra.extend(text_line(fonts, &generated, left, PRINTABLE.left, fy, w - nw - 20.0).0);
        page.items.extend(extra);
    }
}

fn pdf_color(c: Color) -> PdfColor {
    PdfColor::Rgb(Rgb::new(
        f32::from(c.0) / 255.0,
        f32::from(c.1) / 255.0,
        f32::from(c.2) / 255.0,
        None,
    ))
}

fn point(x: f32, y: f32, bezier: bool) -> LinePoint {
    LinePoint {
        p: Point { x: Pt(x), y: Pt(y) },
        bezier,
    }
}

fn filled(points: Vec<LinePoint>) -> Op {
    Op::DrawPolygon {
        polygon: Polygon {
            rings: vec![PolygonRing { points }],
            mode: PaintMode::Fill,
            winding_order: WindingOrder::NonZero,
        },
    }
}

/// Turns one page's items into printpdf operations: shapes as filled paths, text in as few
/// text objects as possible (font and colour set only when they change).
fn page_ops(page: &Page, font_ids: &HashMap<Face, FontId>) -> Vec<Op> {
    let mut ops = Vec::with_capacity(page.items.len() * 3);
    let mut in_text = false;
    let mut fill: Option<Color> = None;
    let mut font: Option<(Face, f32)> = None;
    let mut cursor = (0.0f32, 0.0f32);
    let set_fill = |ops: &mut Vec<Op>, c: Color, fill: &mut Option<Color>| {
        if *fill != Some(c) {
            ops.push(Op::SetFillColor { col: pdf_color(c) });
            *fill = Some(c);
        }
    };
    for item in &page.items {
        match item {
            Item::Text {
                x,
                y,
                face,
                size,
                color,
                text,
                ..
            } => {
                if !in_text {
                    ops.push(Op::StartTextSection);
                    in_text = true;
                    cursor = (0.0, 0.0);
                }
                // Every face of the pages is in `font_ids` (`write_pdf` adds them all).
                let Some(id) = font_ids.get(face).or_else(|| font_ids.get(&Face::Regular)) else {
                    continue;
                };
                if font != Some((*face, *size)) {
                    ops.push(Op::SetFont {
                        font: PdfFontHandle::External(id.clone()),
                        size: Pt(*size),
                    });
                    font = Some((*face, *size));
                }
                set_fill(&mut ops, *color, &mut fill);
                ops.push(Op::SetTextCursor {
                    pos: Point {
                        x: Pt(x - cursor.0),
                        y: Pt(y - cursor.1),
                    },
                });
                cursor = (*x, *y);
                ops.push(Op::ShowText {
                    items: vec![TextItem::Text(text.clone())],
                });
            }
            Item::Rect {
                x,
                y,
                width,
                height,
                color,
            } => {
                if in_text {
                    ops.push(Op::EndTextSection);
                    in_text = false;
                }
                set_fill(&mut ops, *color, &mut fill);
                ops.push(filled(vec![
                    point(*x, *y, false),
                    point(x + width, *y, false),
                    point(x + width, y + height, false),
                    point(*x, y + height, false),
                ]));
            }
            Item::Circle {
                x,
                y,
                radius: r,
                color,
            } => {
                if in_text {
                    ops.push(Op::EndTextSection);
                    in_text = false;
                }
                set_fill(&mut ops, *color, &mut fill);
                // Four cubic Béziers; k is the usual control-point distance for a circle.
                let k = 0.552_284_8 * r;
                let (x, y) = (*x, *y);
                ops.push(filled(vec![
                    point(x + r, y, false),
                    point(x + r, y + k, true),
                    point(x + k, y + r, true),
                    point(x, y + r, false),
                    point(x - k, y + r, true),
                    point(x - r, y + k, true),
                    point(x - r, y, false),
                    point(x - r, y - k, true),
                    point(x - k, y - r, true),
                    point(x, y - r, false),
                    point(x + k, y - r, true),
                    point(x + r, y - k, true),
                    point(x + r, y, false),
                ]));
            }
        }
    }
    if in_text {
        ops.push(Op::EndTextSection);
    }
    ops
}

fn write_pdf(
    fonts: &Fonts,
    data: &ReportData,
    pages: &[Page],
    outline: &[(String, usize)],
) -> Vec<u8> {
    let p = &data.partnership;
    let mut doc = PdfDocument::new(&format!("Progress report: {}", data.pair_name()));
    let info = &mut doc.metadata.info;
    info.author = if p.my_name.trim().is_empty() {
        "Tandem".to_owned()
    } else {
        p.my_name.clone()
    };
    info.subject = format!(
        "{} with {}, {} to {}",
        sections::kind_words(p.kind),
        p.partner_name,
        data.from,
        data.to
    );
    info.creator = format!("Tandem {}", env!("CARGO_PKG_VERSION"));
    info.producer = "Tandem (printpdf)".to_owned();
    // Now (UTC), unless `today` is another day (a report dated for a test or a demo).
    let now = chrono::Utc::now().naive_utc();
    let now = if (now.date() - data.today).num_days().abs() <= 1 {
        now
    } else {
        data.today.and_time(chrono::NaiveTime::MIN)
    };
    let (date, time) = (now.date(), now.time());
    let created = printpdf::OffsetDateTime {
        date: printpdf::Date {
            year: chrono::Datelike::year(&date),
            month: chrono::Datelike::month(&date) as u8,
            day: chrono::Datelike::day(&date) as u8,
        },
        time: printpdf::Time {
            hour: time.hour() as u8,
            minute: time.minute() as u8,
            second: time.second() as u8,
            millisecond: 0,
        },
        offset: printpdf::Offset {
            hours: 0,
            minutes: 0,
            seconds: 0,
            milliseconds: 0,
        },
    };
    info.creation_date = created;
    info.modification_date = created;
    info.metadata_date = created;
    // The four built-in faces, and the system fonts some text fell back to.
    let mut used: Vec<Face> = Face::ALL.to_vec();
    for page in pages {
        for item in &page.items {
            if let Item::Text { face, .. } = item
                && !used.contains(face)
            {
                used.push(*face);
            }
        }
    }
    let font_ids: HashMap<Face, FontId> = used
        .into_iter()
        .map(|f| (f, doc.add_font(&fonts.face(f).font)))
        .collect();
    let pdf_pages: Vec<PdfPage> = pages
        .iter()
        .map(|page| {
            PdfPage::new(
                printpdf::Mm::from(Pt(PAGE_WIDTH)),
                printpdf::Mm::from(Pt(PAGE_HEIGHT)),
                page_ops(page, &font_ids),
            )
        })
        .collect();
    doc.with_pages(pdf_pages);
    // Bookmarks: (title, page from 1), in reading order.
    let marks: Vec<(String, usize)> = std::iter::once(("Progress report".to_owned(), 1))
        .chain(outline.iter().map(|(name, page)| (name.clone(), page + 1)))
        .collect();
    for (name, page) in &marks {
        doc.add_bookmark(name, *page);
    }
    let opts = PdfSaveOptions::default();
    let mut warnings: Vec<PdfWarnMsg> = Vec::new();
    let mut pdf = doc.to_lopdf_document(&opts, &mut warnings);
    // Should the outline not be what printpdf is known to write, its order is kept (still
    // by page): the report stays usable.
    let _ = outline_in_reading_order(&mut pdf, &marks);
    if opts.optimize {
        pdf.compress();
    }
    let mut bytes = Vec::new();
    // Writing into memory cannot fail for want of room; printpdf's own `save` ignores the
    // result the same way.
    let _ = pdf.save_to(&mut bytes);
    bytes
}

/// printpdf writes the outline sorted by (page, title), so two sections sharing a page
/// would be listed alphabetically ("Goals" before "The agreement"). Relinks the entries in
/// `marks`' order (reading order). printpdf's sort is reproduced on `marks` to know which
/// entry is which; entries with the same page and title are interchangeable.
fn outline_in_reading_order(
    pdf: &mut lopdf::Document,
    marks: &[(String, usize)],
) -> lopdf::Result<()> {
    use lopdf::Object;
    let root = pdf.catalog()?.get(b"Outlines")?.as_reference()?;
    let mut chain = Vec::with_capacity(marks.len());
    let mut next = pdf.get_dictionary(root)?.get(b"First")?.as_reference().ok();
    while let Some(id) = next {
        if chain.len() == marks.len() {
            return Err(lopdf::Error::ObjectNotFound(id));
        }
        chain.push(id);
        next = pdf
            .get_dictionary(id)?
            .get(b"Next")
            .and_then(Object::as_reference)
            .ok();
    }
    if chain.len() != marks.len() || chain.is_empty() {
        return Err(lopdf::Error::DictKey("Outlines".to_owned()));
    }
    let mut sorted: Vec<usize> = (0..marks.len()).collect();
    sorted.sort_by(|&a, &b| (marks[a].1, &marks[a].0).cmp(&(marks[b].1, &marks[b].0)));
    let mut ids = chain.clone();
    for (j, &i) in sorted.iter().enumerate() {
        ids[i] = chain[j];
    }
    for (i, id) in ids.iter().enumerate() {
        let entry = pdf.get_dictionary_mut(*id)?;
        entry.remove(b"Prev");
        entry.remove(b"Next");
        if let Some(prev) = i.checked_sub(1).map(|p| ids[p]) {
            entry.set("Prev", Object::Reference(prev));
        }
        if let Some(next) = ids.get(i + 1) {
            entry.set("Next", Object::Reference(*next));
        }
    }
    let outlines = pdf.get_dictionary_mut(root)?;
    outlines.set("First", Object::Reference(ids[0]));
    outlines.set("Last", Object::Reference(ids[ids.len() - 1]));
    Ok(())
}

/// Lays out `markdown` as session notes are laid out, without making a PDF: the pages
/// and their positioned items (for tests and previews). Every text item lies inside
/// [`PRINTABLE`].
pub fn layout_markdown(markdown: &str) -> Result<Vec<Page>> {
    let fonts = Fonts::get()?;
    let mut layouter = Layouter::new(fonts);
    layouter.blocks(&markdown::blocks(markdown, 0.0));
    Ok(layouter.finish().0)
}
