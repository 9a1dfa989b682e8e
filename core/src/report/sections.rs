//! The report's sections, in order: cover, at a glance, the agreement, sessions. Each is a
//! [`Section`] that turns the report's data into layout blocks; goals, SWOTs and action
//! items become further entries in [`sections`] when the journal has them.

use chrono::{Datelike, NaiveDate};

use super::fonts::Face;
use super::layout::{BODY, Block, Item, Run, Style, TextBlock, palette, text_line, text_width};
use super::markdown::{self, BODY_SIZE, body_style};
use super::{Fonts, ReportData};
use crate::model::{PartnershipKind, Role, SessionFormat, Visibility};

/// Grace added to the agreed cadence before a gap between sessions counts as missed.
pub const CADENCE_GRACE_DAYS: i64 = 3;

/// What a section has to work with.
pub(crate) struct Ctx<'a> {
    pub data: &'a ReportData,
    pub fonts: &'static Fonts,
}

/// One part of the report.
pub(crate) trait Section {
    /// How many progress steps `build` reports (one per `tick`).
    fn steps(&self, ctx: &Ctx<'_>) -> u32 {
        let _ = ctx;
        1
    }

    /// Lays the section out in chunks: `emit` is called with blocks as they are ready
    /// (each chunk is laid out on its own, so keep-with-next works within a chunk), and
    /// `tick` once per progress step.
    fn build(&self, ctx: &Ctx<'_>, emit: &mut dyn FnMut(Vec<Block>), tick: &mut dyn FnMut());
}

/// The sections of the report, in order.
pub(crate) fn sections() -> Vec<Box<dyn Section>> {
    vec![
        Box::new(Cover),
        Box::new(AtAGlance),
        Box::new(TheAgreement),
        Box::new(Sessions),
    ]
}

// ---------------------------------------------------------------------------------------
// Shared pieces

fn muted(size: f32) -> Style {
    Style::new(Face::Regular, size, palette::MUTED)
}

/// A section's title: an amber tab, then the title, kept with what follows. A section
/// starts a new page when `new_page`, else follows the previous one after a wide gap.
fn section_title(title: &str, new_page: bool) -> Vec<Block> {
    vec![
        if new_page {
            Block::PageBreak
        } else {
            Block::Gap(30.0)
        },
        Block::Anchor(title.to_owned()),
        Block::Drawing {
            height: 8.0,
            items: vec![Item::Rect {
                x: 0.0,
                y: 0.0,
                width: 28.0,
                height: 3.5,
                color: palette::AMBER,
            }],
            keep_with_next: true,
        },
        Block::Text(
            TextBlock::new(vec![Run::new(
                title,
                Style::new(Face::Bold, 22.0, palette::TEAL),
            )])
            .leading(1.25)
            .spacing(0.0, 12.0)
            .keep(),
        ),
    ]
}

fn subheading(title: &str) -> Block {
    Block::Text(
        TextBlock::new(vec![Run::new(
            title,
            Style::new(Face::Bold, 12.0, palette::TEAL),
        )])
        .leading(1.3)
        .spacing(10.0, 4.0)
        .keep(),
    )
}

fn note(text: &str) -> Block {
    Block::Text(TextBlock::new(vec![Run::new(
        text,
        Style::new(Face::Italic, BODY_SIZE, palette::MUTED),
    )]))
}

fn paragraph(runs: Vec<Run>) -> Block {
    Block::Text(TextBlock::new(runs))
}

pub(crate) fn long_date(d: NaiveDate) -> String {
    d.format("%-d %B %Y").to_string()
}

fn role_words(role: Role) -> (&'static str, &'static str) {
    // (mine, my partner's)
    match role {
        Role::Mentor => ("mentor", "mentee"),
        Role::Mentee => ("mentee", "mentor"),
        Role::Both => ("mentor and mentee", "mentor and mentee"),
    }
}

pub(crate) fn kind_words(kind: PartnershipKind) -> &'static str {
    match kind {
        PartnershipKind::Reverse => "Reverse mentoring",
        PartnershipKind::TwoWay => "Two-way mentoring",
        PartnershipKind::Traditional => "Traditional mentoring",
        PartnershipKind::Peer => "Peer mentoring",
    }
}

fn format_words(f: SessionFormat) -> &'static str {
    match f {
        SessionFormat::InPerson => "In person",
        SessionFormat::Coffee => "Coffee",
        SessionFormat::Video => "Video call",
        SessionFormat::Phone => "Phone",
        SessionFormat::Chat => "Chat",
        SessionFormat::Other => "Other",
    }
}

fn minutes_words(m: u32) -> String {
    match (m / 60, m % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

// ---------------------------------------------------------------------------------------
// Cover

struct Cover;

/// Height of the teal band across the top of the cover (from the page's top edge).
pub(crate) const COVER_BAND: f32 = 330.0;

impl Section for Cover {
    fn build(&self, ctx: &Ctx<'_>, emit: &mut dyn FnMut(Vec<Block>), tick: &mut dyn FnMut()) {
        let d = ctx.data;
        let p = &d.partnership;
        let f = ctx.fonts;
        let w = BODY.width();
        // The Tandem mark: two overlapping rings, teal and amber, riding together.
        let mut items = vec![
            Item::Circle {
                x: 14.0,
                y: 14.0,
                radius: 14.0,
                color: palette::AMBER,
            },
            Item::Circle {
                x: 14.0,
                y: 14.0,
                radius: 8.0,
                color: palette::TEAL,
            },
            Item::Circle {
                x: 34.0,
                y: 14.0,
                radius: 14.0,
                color: palette::WHITE,
            },
            Item::Circle {
                x: 34.0,
                y: 14.0,
                radius: 8.0,
                color: palette::TEAL,
            },
        ];
        let wordmark = Style::new(Face::Bold, 15.0, palette::WHITE);
        items.extend(text_line(f, "Tandem", wordmark, 58.0, 19.5, w - 58.0).0);
        let title = Style::new(Face::Bold, 36.0, palette::WHITE);
        items.extend(text_line(f, "Progress report", title, 0.0, 130.0, w).0);
        let names = Style::new(Face::Regular, 17.0, palette::AMBER);
        items.extend(text_line(f, &d.pair_name(), names, 0.0, 162.0, w).0);
        let period = Style::new(Face::Regular, 11.0, palette::TEAL_TINT);
        let period_text = format!("{} \u{2013} {}", long_date(d.from), long_date(d.to));
        items.extend(text_line(f, &period_text, period, 0.0, 186.0, w).0);

        let (mine, theirs) = role_words(p.my_role);
        let label = |t: &str| Run::new(t, Style::new(Face::Bold, 7.5, palette::MUTED));
        let value = |t: String| Run::new(t, Style::new(Face::Regular, 11.0, palette::INK));
        let row = |l: &str, v: String| {
            let mut b = TextBlock::new(vec![value(v)]).spacing(0.0, 9.0);
            b.indent = 110.0;
            b.marker = Some(label(l));
            Block::Text(b)
        };
        let mut partner = format!("{}, {theirs}", p.partner_name);
        if !p.partner_org.trim().is_empty() {
            partner.push_str(&format!(" \u{00B7} {}", p.partner_org));
        }
        let me = if p.my_name.trim().is_empty() {
            format!("You, {mine}")
        } else {
            format!("{}, {mine}", p.my_name)
        };
        let mut since = format!("Started {}", long_date(p.started_on));
        match p.ended_on {
            Some(end) => since.push_str(&format!(", ended {}", long_date(end))),
            None => since.push_str(", ongoing"),
        }
        let private = if d.include_private {
            "Included, as asked when this report was made".to_owned()
        } else {
            "Left out: only sessions marked shared show their notes".to_owned()
        };
        let blocks = vec![
            Block::Drawing {
                height: 270.0,
                items,
                keep_with_next: false,
            },
            row("PARTNER", partner),
            row("YOU", me),
            row("KIND", kind_words(p.kind).to_owned()),
            row("PARTNERSHIP", since),
            row(
                "THIS REPORT",
                format!("{} \u{2013} {}", long_date(d.from), long_date(d.to)),
            ),
            row("PRIVATE NOTES", private),
            row("GENERATED", long_date(d.today)),
            Block::Gap(24.0),
            Block::Text(TextBlock::new(vec![Run::new(
                "Made with Tandem, a private journal for mentoring partnerships. \
                 Everything in it stays on the journal keeper's own computer.",
                muted(8.5),
            )])),
        ];
        emit(blocks);
        tick();
    }
}

// ---------------------------------------------------------------------------------------
// At a glance

struct AtAGlance;

/// The share of gaps between consecutive sessions no longer than the cadence plus grace:
/// (kept, gaps), or `None` when no cadence was agreed.
pub(crate) fn cadence_kept(data: &ReportData) -> Option<(usize, usize)> {
    let cadence = i64::from(data.partnership.agreement.cadence_days?);
    let days: Vec<NaiveDate> = data.sessions.iter().map(|s| s.held_at.date()).collect();
    let gaps = days.windows(2).count();
    let kept = days
        .windows(2)
        .filter(|w| (w[1] - w[0]).num_days() <= cadence + CADENCE_GRACE_DAYS)
        .count();
    Some((kept, gaps))
}

fn card(
    f: &Fonts,
    x: f32,
    width: f32,
    big: &str,
    label: &str,
    detail: &str,
    items: &mut Vec<Item>,
) {
    const HEIGHT: f32 = 84.0;
    const PAD: f32 = 10.0;
    items.push(Item::Rect {
        x,
        y: 0.0,
        width,
        height: HEIGHT,
        color: palette::TEAL_TINT,
    });
    items.push(Item::Rect {
        x,
        y: 0.0,
        width,
        height: 3.0,
        color: palette::TEAL,
    });
    let inner = width - 2.0 * PAD;
    let big_style = Style::new(Face::Bold, 24.0, palette::TEAL);
    items.extend(text_line(f, big, big_style, x + PAD, 36.0, inner).0);
    let label_style = Style::new(Face::Bold, 8.5, palette::INK);
    items.extend(text_line(f, label, label_style, x + PAD, 54.0, inner).0);
    items.extend(text_line(f, detail, muted(7.5), x + PAD, 70.0, inner).0);
}

/// Sessions per month (or per several months, so that there are at most 24 bars).
fn chart(ctx: &Ctx<'_>) -> Vec<Block> {
    let d = ctx.data;
    let f = ctx.fonts;
    let (Some(first), Some(last)) = (d.sessions.first(), d.sessions.last()) else {
        return Vec::new();
    };
    let month_index = |date: NaiveDate| date.year() * 12 + date.month0() as i32;
    let start = month_index(d.from.min(first.held_at.date()));
    let end = month_index(d.to.max(last.held_at.date()));
    let months = (end - start + 1).max(1);
    let per_bar = ((months + 23) / 24).max(1);
    let bars = ((months + per_bar - 1) / per_bar) as usize;
    let mut counts = vec![0u32; bars];
    for s in &d.sessions {
        let i = ((month_index(s.held_at.date()) - start) / per_bar) as usize;
        if let Some(c) = counts.get_mut(i) {
            *c += 1;
        }
    }
    let max = counts.iter().copied().max().unwrap_or(0).max(1);
    let w = BODY.width();
    let plot_top = 16.0;
    let plot_h = 96.0;
    let base = plot_top + plot_h;
    let slot = w / bars as f32;
    let bar_w = (slot * 0.62).min(34.0);
    let mut items = vec![Item::Rect {
        x: 0.0,
        y: base,
        width: w,
        height: 0.8,
        color: palette::RULE,
    }];
    let month_name = |m: i32| -> String {
        let date = NaiveDate::from_ymd_opt(m.div_euclid(12), (m.rem_euclid(12) + 1) as u32, 1);
        date.map_or_else(String::new, |d| d.format("%b").to_string())
    };
    let mut last_year = None;
    for (i, &count) in counts.iter().enumerate() {
        let cx = slot * (i as f32 + 0.5);
        let h = plot_h * count as f32 / max as f32;
        if count > 0 {
            items.push(Item::Rect {
                x: cx - bar_w / 2.0,
                y: base - h,
                width: bar_w,
                height: h,
                color: palette::TEAL,
            });
        }
        let num = count.to_string();
        let num_style = Style::new(Face::Bold, 7.5, palette::INK);
        let nw = text_width(f, &num, num_style);
        items.extend(text_line(f, &num, num_style, cx - nw / 2.0, base - h - 4.0, slot).0);
        let m = start + i as i32 * per_bar;
        let year = m.div_euclid(12);
        let label = if per_bar >= 12 {
            year.to_string()
        } else {
            month_name(m)
        };
        let label_style = muted(7.0);
        let lw = text_width(f, &label, label_style).min(slot);
        items.extend(text_line(f, &label, label_style, cx - lw / 2.0, base + 11.0, slot).0);
        if per_bar < 12 && last_year != Some(year) {
            let y = year.to_string();
            let yw = text_width(f, &y, label_style).min(slot);
            items.extend(text_line(f, &y, label_style, cx - yw / 2.0, base + 20.0, slot).0);
            last_year = Some(year);
        }
    }
    let title = match per_bar {
        1 => "Sessions per month".to_owned(),
        12 => "Sessions per year".to_owned(),
        n => format!("Sessions per {n} months"),
    };
    vec![
        subheading(&title),
        Block::Drawing {
            height: base + 26.0,
            items,
            keep_with_next: false,
        },
    ]
}

impl Section for AtAGlance {
    fn build(&self, ctx: &Ctx<'_>, emit: &mut dyn FnMut(Vec<Block>), tick: &mut dyn FnMut()) {
        let d = ctx.data;
        let f = ctx.fonts;
        let mut blocks = section_title("At a glance", true);
        let n = d.sessions.len();
        let minutes: u64 = d
            .sessions
            .iter()
            .map(|s| u64::from(s.duration_minutes))
            .sum();
        let hours = minutes as f64 / 60.0;
        let hours_text = if (hours - hours.round()).abs() < 0.05 {
            format!("{}", hours.round())
        } else {
            format!("{hours:.1}")
        };
        let average = if n > 0 {
            format!("{} on average", minutes_words((minutes / n as u64) as u32))
        } else {
            "no sessions yet".to_owned()
        };
        let span = match (d.sessions.first(), d.sessions.last()) {
            (Some(a), Some(b)) => format!(
                "{} \u{2013} {}",
                a.held_at.date().format("%-d %b"),
                b.held_at.date().format("%-d %b %Y")
            ),
            _ => "in this period".to_owned(),
        };
        let cadence = d.partnership.agreement.cadence_days;
        let (cadence_big, cadence_detail) = match (cadence_kept(d), cadence) {
            (Some((_, 0)), _) => ("\u{2014}".to_owned(), "needs two sessions".to_owned()),
            (Some((kept, gaps)), Some(days)) => (
                format!("{}\u{202F}%", (kept * 100 + gaps / 2) / gaps),
                format!("{kept} of {gaps} gaps \u{2264} {days} days"),
            ),
            _ => ("\u{2014}".to_owned(), "no cadence agreed".to_owned()),
        };
        let shared = d
            .sessions
            .iter()
            .filter(|s| s.visibility == Visibility::Shared)
            .count();
        let shared_detail = if d.include_private {
            "private notes included".to_owned()
        } else if shared < n {
            "private notes left out".to_owned()
        } else {
            "all notes shown".to_owned()
        };
        let gutter = 10.0;
        let cw = (BODY.width() - 3.0 * gutter) / 4.0;
        let mut items = Vec::new();
        let cards = [
            (
                n.to_string(),
                if n == 1 { "session" } else { "sessions" }.to_owned(),
                span,
            ),
            (hours_text, "hours together".to_owned(), average),
            (cadence_big, "cadence kept".to_owned(), cadence_detail),
            (
                format!("{shared} of {n}"),
                "sessions shared".to_owned(),
                shared_detail,
            ),
        ];
        for (i, (big, label, detail)) in cards.iter().enumerate() {
            let x = i as f32 * (cw + gutter);
            card(f, x, cw, big, label, detail, &mut items);
        }
        blocks.push(Block::Drawing {
            height: 96.0,
            items,
            keep_with_next: false,
        });
        let cadence_text = match cadence {
            Some(days) => format!(
                "The agreed cadence is one session every {}. A gap between two sessions counts as \
                 kept when the next one came within that time plus {CADENCE_GRACE_DAYS} days\u{2019} grace.",
                plural(days as usize, "day", "days")
            ),
            None => "No meeting cadence was agreed, so cadence is not measured.".to_owned(),
        };
        blocks.push(Block::Text(TextBlock::new(vec![Run::new(
            cadence_text,
            muted(8.5),
        )])));
        if n == 0 {
            blocks.push(Block::Gap(8.0));
            blocks.push(note(&empty_period_text(d)));
        } else {
            blocks.push(Block::Gap(6.0));
            blocks.extend(chart(ctx));
        }
        emit(blocks);
        tick();
    }
}

fn empty_period_text(d: &ReportData) -> String {
    format!(
        "No sessions were recorded between {} and {}.",
        long_date(d.from),
        long_date(d.to)
    )
}

// ---------------------------------------------------------------------------------------
// The agreement

struct TheAgreement;

impl Section for TheAgreement {
    fn build(&self, ctx: &Ctx<'_>, emit: &mut dyn FnMut(Vec<Block>), tick: &mut dyn FnMut()) {
        let a = &ctx.data.partnership.agreement;
        let mut blocks = section_title("The agreement", false);
        let text_part = |title: &str, md: &str, blocks: &mut Vec<Block>| {
            blocks.push(subheading(title));
            if md.trim().is_empty() {
                blocks.push(note("Not written down yet."));
            } else {
                blocks.extend(markdown::blocks(md, 0.0));
            }
        };
        text_part("Objectives", &a.objectives, &mut blocks);
        text_part("Boundaries", &a.boundaries, &mut blocks);
        blocks.push(subheading("Meeting cadence"));
        let cadence = match (a.cadence_days, a.session_minutes) {
            (Some(d), Some(m)) => Some(format!(
                "Every {}, {} per session.",
                plural(d as usize, "day", "days"),
                minutes_words(m)
            )),
            (Some(d), None) => Some(format!("Every {}.", plural(d as usize, "day", "days"))),
            (None, Some(m)) => Some(format!("Sessions of {}.", minutes_words(m))),
            (None, None) => None,
        };
        match cadence {
            Some(c) => blocks.push(paragraph(vec![Run::new(c, body_style())])),
            None => blocks.push(note("Not agreed yet.")),
        }
        text_part("How it will end", &a.ending, &mut blocks);
        emit(blocks);
        tick();
    }
}

// ---------------------------------------------------------------------------------------
// Sessions

struct Sessions;

/// Shown instead of the notes of a private session when private notes are left out.
pub const PRIVATE_NOTES: &str = "Notes are private and were left out of this report.";

impl Section for Sessions {
    fn steps(&self, ctx: &Ctx<'_>) -> u32 {
        u32::try_from(ctx.data.sessions.len())
            .unwrap_or(u32::MAX)
            .max(1)
    }

    fn build(&self, ctx: &Ctx<'_>, emit: &mut dyn FnMut(Vec<Block>), tick: &mut dyn FnMut()) {
        let d = ctx.data;
        let mut blocks = section_title("Sessions", true);
        let n = d.sessions.len();
        if n == 0 {
            blocks.push(note(&empty_period_text(d)));
            emit(blocks);
            tick();
            return;
        }
        let private = d
            .sessions
            .iter()
            .filter(|s| s.visibility == Visibility::Private)
            .count();
        let mut intro = format!("{}, oldest first.", plural(n, "session", "sessions"));
        if private > 0 && !d.include_private {
            intro.push_str(&format!(
                " The notes of {} are private and left out.",
                plural(private, "session", "sessions")
            ));
        }
        blocks.push(Block::Text(
            TextBlock::new(vec![Run::new(intro, muted(9.0))]).spacing(0.0, 4.0),
        ));
        emit(blocks);
        for (i, s) in d.sessions.iter().enumerate() {
            let mut blocks = Vec::new();
            let date = s.held_at.date();
            // printpdf orders bookmarks by (page, name): the leading "·" sorts after every ASCII
            // name, so a session never comes before the "Sessions" heading on the same page,
            // and the ISO date keeps sessions on one page in order.
            blocks.push(Block::Anchor(format!("\u{00B7} {date} {}", s.title)));
            if i > 0 {
                blocks.push(Block::Separator);
            }
            let when = format!(
                "{} \u{00B7} {}",
                s.held_at.format("%A %-d %B %Y").to_string().to_uppercase(),
                s.held_at.format("%H:%M")
            );
            blocks.push(Block::Text(
                TextBlock::new(vec![Run::new(
                    when,
                    Style::new(Face::Bold, 7.5, palette::TEAL),
                )])
                .spacing(14.0, 2.0)
                .leading(1.3)
                .keep(),
            ));
            blocks.push(Block::Text(
                TextBlock::new(vec![Run::new(
                    s.title.clone(),
                    Style::new(Face::Bold, 14.0, palette::INK),
                )])
                .leading(1.25)
                .spacing(0.0, 2.0)
                .keep(),
            ));
            let mut meta = format!(
                "{} \u{00B7} {}",
                format_words(s.format),
                minutes_words(s.duration_minutes)
            );
            if !s.place.trim().is_empty() {
                meta.push_str(&format!(" \u{00B7} {}", s.place));
            }
            let mut meta_runs = vec![Run::new(meta, muted(8.5))];
            let shows_notes = s.visibility == Visibility::Shared || d.include_private;
            if s.visibility == Visibility::Private && d.include_private {
                meta_runs.push(Run::new(
                    "  \u{00B7}  private",
                    Style::new(Face::Bold, 8.5, palette::MUTED),
                ));
            }
            blocks.push(Block::Text(TextBlock::new(meta_runs).spacing(0.0, 8.0)));
            if !shows_notes {
                blocks.push(note(PRIVATE_NOTES));
            } else if s.notes.trim().is_empty() {
                blocks.push(note("No notes."));
            } else {
                blocks.extend(markdown::blocks(&s.notes, 0.0));
            }
            emit(blocks);
            tick();
        }
    }
}
