//! The report's sections, in order: cover, at a glance, the agreement, goals, the two
//! SWOTs, sessions, open action items. Each is a [`Section`] that turns the report's data
//! into layout blocks. Goals (`goals.rs`) and the SWOTs (`swot.rs`) live in their own files.
//!
//! A section with nothing to show (no goals, no SWOT on either side, no open action item)
//! is left out, heading and outline entry included; "At a glance" still counts them.
//!
//! Outline order: printpdf sorts bookmarks by (page, name). Every section but "The
//! agreement" (which sorts after "At a glance" on their shared page) starts a new page, and
//! the sessions' own entries start with "·", which sorts after every ASCII name.

use chrono::{Datelike, NaiveDate};

use super::fonts::Face;
use super::layout::{
    BODY, Block, Color, Item, Run, Style, TextBlock, palette, text_box, text_line, text_width,
};
use super::markdown::{self, BODY_SIZE, body_style};
use super::{Fonts, ReportData};
use crate::model::{
    ActionItem, ActionItemView, GoalStatus, GoalSummary, Owner, PartnershipKind, Role,
    SessionFormat, Visibility,
};

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
        Box::new(super::goals::Goals),
        Box::new(super::swot::Swot),
        Box::new(Sessions),
        Box::new(OpenActions),
    ]
}

// ---------------------------------------------------------------------------------------
// Shared pieces

pub(super) fn muted(size: f32) -> Style {
    Style::new(Face::Regular, size, palette::MUTED)
}

/// A section's title: an amber tab, then the title, kept with what follows. A section
/// starts a new page when `new_page`, else follows the previous one after a wide gap.
pub(super) fn section_title(title: &str, new_page: bool) -> Vec<Block> {
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

pub(super) fn subheading(title: &str) -> Block {
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

pub(super) fn note(text: &str) -> Block {
    Block::Text(TextBlock::new(vec![Run::new(
        text,
        Style::new(Face::Italic, BODY_SIZE, palette::MUTED),
    )]))
}

pub(super) fn paragraph(runs: Vec<Run>) -> Block {
    Block::Text(TextBlock::new(runs))
}

pub(crate) fn long_date(d: NaiveDate) -> String {
    d.format("%-d %B %Y").to_string()
}

pub(super) fn short_date(d: NaiveDate) -> String {
    d.format("%-d %b %Y").to_string()
}

/// A small bold label above a part ("NOTES", "MILESTONES"), kept with what follows.
pub(super) fn label(text: &str, color: Color) -> Block {
    Block::Text(
        TextBlock::new(vec![Run::new(
            text.to_uppercase(),
            Style::new(Face::Bold, 7.5, color),
        )])
        .leading(1.3)
        .spacing(8.0, 3.0)
        .keep(),
    )
}

/// My name as the report calls me: the name given, else "You".
pub(super) fn my_name(d: &ReportData) -> String {
    let name = d.partnership.my_name.trim();
    if name.is_empty() {
        "You".to_owned()
    } else {
        name.to_owned()
    }
}

/// "Henrik Lindqvist's", or "Your" when my name is empty.
pub(super) fn my_possessive(d: &ReportData) -> String {
    let name = d.partnership.my_name.trim();
    if name.is_empty() {
        "Your".to_owned()
    } else {
        possessive(name)
    }
}

pub(super) fn possessive(name: &str) -> String {
    if name.ends_with('s') || name.ends_with('S') {
        format!("{name}\u{2019}")
    } else {
        format!("{name}\u{2019}s")
    }
}

pub(super) fn status_words(status: GoalStatus) -> (&'static str, Color) {
    match status {
        GoalStatus::NotStarted => ("Not started", palette::MUTED),
        GoalStatus::Active => ("Active", palette::TEAL),
        GoalStatus::Achieved => ("Achieved", palette::STRENGTHS),
        GoalStatus::Dropped => ("Dropped", palette::MUTED),
    }
}

/// A goal's bar: how full, what it says, and whether that is a measure. The latest
/// recorded progress; an achieved goal without any is full and says "achieved".
pub(super) fn goal_bar(summary: &GoalSummary) -> (Option<u8>, String, bool) {
    match summary.progress {
        Some(v) => (Some(v.min(100)), format!("{}\u{202F}%", v.min(100)), true),
        None if summary.goal.status == GoalStatus::Achieved => {
            (Some(100), "achieved".to_owned(), false)
        }
        None => (None, "not measured".to_owned(), false),
    }
}

/// A horizontal progress bar for a drawing: a track `width` wide at (x, y) (top edge,
/// measured down) filled to `fill` per cent, with `text` at its right in `label_width`
/// points (bold when `strong`, else small and muted).
#[allow(clippy::too_many_arguments)]
pub(super) fn progress_bar(
    f: &Fonts,
    (fill, text, strong): (Option<u8>, String, bool),
    x: f32,
    y: f32,
    width: f32,
    label_width: f32,
    color: Color,
) -> Vec<Item> {
    const H: f32 = 7.0;
    let track = (width - label_width - 6.0).max(10.0);
    let mut items = vec![Item::Rect {
        x,
        y,
        width: track,
        height: H,
        color: palette::PAPER,
    }];
    items.push(Item::Rect {
        x,
        y: y + H - 0.6,
        width: track,
        height: 0.6,
        color: palette::RULE,
    });
    if let Some(v) = fill.filter(|&v| v > 0) {
        items.push(Item::Rect {
            x,
            y,
            width: track * f32::from(v.min(100)) / 100.0,
            height: H,
            color,
        });
    }
    let style = if strong {
        Style::new(Face::Bold, 8.0, palette::INK)
    } else {
        muted(7.0)
    };
    let lx = x + track + 6.0;
    items.extend(text_line(f, &text, style, lx, y + H - 0.5, label_width).0);
    items
}

fn owner_words(d: &ReportData, owner: Owner) -> String {
    match owner {
        Owner::Me => my_name(d),
        Owner::Partner => d.partnership.partner_name.clone(),
        Owner::Both => "Both".to_owned(),
    }
}

/// One action item as a list entry: a box (ticked when done), the text, and who and when
/// in small muted type; an open item due before `today` says "overdue".
fn action_block(d: &ReportData, a: &ActionItem, source: Option<String>) -> Block {
    let text_style = if a.done {
        Style::new(Face::Regular, 9.5, palette::MUTED)
    } else {
        Style::new(Face::Regular, 9.5, palette::INK)
    };
    let mut detail = owner_words(d, a.owner);
    if let Some(due) = a.due_on {
        detail.push_str(&format!(" \u{00B7} due {}", short_date(due)));
    }
    if let Some(source) = source {
        detail.push_str(&format!(" \u{00B7} {source}"));
    }
    let mut runs = vec![
        Run::new(a.text.clone(), text_style),
        Run::new(format!("\n{detail}"), muted(7.5)),
    ];
    if !a.done && a.due_on.is_some_and(|due| due < d.today) {
        runs.push(Run::new(
            "  \u{00B7}  OVERDUE",
            Style::new(Face::Bold, 7.5, palette::ALERT),
        ));
    }
    let marker = if a.done { "\u{2611}" } else { "\u{2610}" };
    let marker_color = if a.done {
        palette::STRENGTHS
    } else {
        palette::TEAL
    };
    let mut b = TextBlock::new(runs).leading(1.35).spacing(0.0, 5.0);
    b.indent = 16.0;
    b.marker = Some(Run::new(
        marker,
        Style::new(Face::Regular, 10.0, marker_color),
    ));
    Block::Text(b)
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

pub(super) fn plural(n: usize, one: &str, many: &str) -> String {
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

const CARD_HEIGHT: f32 = 80.0;

#[allow(clippy::too_many_arguments)]
fn card(
    f: &Fonts,
    x: f32,
    y: f32,
    width: f32,
    big: &str,
    label: &str,
    detail: &str,
    items: &mut Vec<Item>,
) {
    const PAD: f32 = 10.0;
    items.push(Item::Rect {
        x,
        y,
        width,
        height: CARD_HEIGHT,
        color: palette::TEAL_TINT,
    });
    items.push(Item::Rect {
        x,
        y,
        width,
        height: 3.0,
        color: palette::TEAL,
    });
    let inner = width - 2.0 * PAD;
    let big_style = Style::new(Face::Bold, 24.0, palette::TEAL);
    items.extend(text_line(f, big, big_style, x + PAD, y + 35.0, inner).0);
    let label_style = Style::new(Face::Bold, 8.5, palette::INK);
    items.extend(text_line(f, label, label_style, x + PAD, y + 52.0, inner).0);
    items.extend(text_line(f, detail, muted(7.5), x + PAD, y + 67.0, inner).0);
}

/// One row per goal not dropped: its title (wrapped) and status at the left, its latest
/// progress as a bar at the right.
fn goal_bars(ctx: &Ctx<'_>) -> Vec<Block> {
    let d = ctx.data;
    let f = ctx.fonts;
    let goals: Vec<_> = d
        .goals
        .iter()
        .filter(|(g, _)| g.goal.status != GoalStatus::Dropped)
        .collect();
    if goals.is_empty() {
        return Vec::new();
    }
    let w = BODY.width();
    let title_w = w * 0.56;
    let bar_x = title_w + 18.0;
    let mut blocks = vec![subheading("Goal progress")];
    for (summary, _) in goals {
        let g = &summary.goal;
        let (status, color) = status_words(g.status);
        let mut detail = status.to_owned();
        if let Some(target) = g.target_on {
            detail.push_str(&format!(" \u{00B7} target {}", short_date(target)));
        }
        let text = TextBlock::new(vec![
            Run::new(
                g.title.clone(),
                Style::new(Face::Regular, 9.0, palette::INK),
            ),
            Run::new(format!("\n{detail}"), muted(7.0)),
        ])
        .leading(1.3);
        let (mut items, h) = text_box(f, &text, 0.0, 0.0, title_w);
        let bar_color = if g.status == GoalStatus::Achieved {
            palette::STRENGTHS
        } else {
            color
        };
        items.extend(progress_bar(
            f,
            goal_bar(summary),
            bar_x,
            4.0,
            w - bar_x,
            56.0,
            bar_color,
        ));
        blocks.push(Block::Drawing {
            height: h.max(14.0) + 7.0,
            items,
            keep_with_next: false,
        });
    }
    blocks
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
        let goals: Vec<GoalStatus> = d.goals.iter().map(|(g, _)| g.goal.status).collect();
        let count = |st: GoalStatus| goals.iter().filter(|&&g| g == st).count();
        let (achieved, active, waiting, dropped) = (
            count(GoalStatus::Achieved),
            count(GoalStatus::Active),
            count(GoalStatus::NotStarted),
            count(GoalStatus::Dropped),
        );
        let (goals_big, goals_detail) = if goals.is_empty() {
            ("\u{2014}".to_owned(), "no goals set yet".to_owned())
        } else {
            let mut parts = vec![format!("{active} active")];
            if waiting > 0 {
                parts.push(format!("{waiting} not started"));
            }
            if dropped > 0 {
                parts.push(format!("{dropped} dropped"));
            }
            (
                format!("{achieved} of {}", goals.len()),
                parts.join(" \u{00B7} "),
            )
        };
        let all_actions: Vec<&ActionItem> = d.actions.iter().flatten().collect();
        let done = all_actions.iter().filter(|a| a.done).count();
        let open = all_actions.len() - done;
        let overdue = all_actions
            .iter()
            .filter(|a| !a.done && a.due_on.is_some_and(|due| due < d.today))
            .count();
        let (actions_big, actions_detail) = if all_actions.is_empty() {
            (
                "\u{2014}".to_owned(),
                "none agreed in this period".to_owned(),
            )
        } else if open == 0 {
            (
                format!("{done} of {}", all_actions.len()),
                "all done".to_owned(),
            )
        } else {
            let mut detail = format!("{open} open");
            if overdue > 0 {
                detail.push_str(&format!(" \u{00B7} {overdue} overdue"));
            }
            (format!("{done} of {}", all_actions.len()), detail)
        };
        let gutter = 10.0;
        let cw = (BODY.width() - 2.0 * gutter) / 3.0;
        let mut items = Vec::new();
        let cards = [
            (
                n.to_string(),
                if n == 1 { "session" } else { "sessions" }.to_owned(),
                span,
            ),
            (hours_text, "hours together".to_owned(), average),
            (cadence_big, "cadence kept".to_owned(), cadence_detail),
            (goals_big, "goals achieved".to_owned(), goals_detail),
            (actions_big, "action items done".to_owned(), actions_detail),
            (
                format!("{shared} of {n}"),
                "sessions shared".to_owned(),
                shared_detail,
            ),
        ];
        for (i, (big, label, detail)) in cards.iter().enumerate() {
            let x = (i % 3) as f32 * (cw + gutter);
            let y = (i / 3) as f32 * (CARD_HEIGHT + gutter);
            card(f, x, y, cw, big, label, detail, &mut items);
        }
        blocks.push(Block::Drawing {
            height: 2.0 * CARD_HEIGHT + gutter + 12.0,
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
        blocks.extend(goal_bars(ctx));
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
pub const PRIVATE_NOTES_AND_ACTIONS: &str =
    "Notes and action items are private and were left out of this report.";

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
            blocks.push(Block::Text(TextBlock::new(meta_runs).spacing(0.0, 6.0)));
            if !s.topics.is_empty() {
                blocks.push(topic_chips(ctx.fonts, &s.topics));
            }
            if shows_notes {
                let me = my_name(d);
                let mut parts = vec![
                    ("Agenda".to_owned(), &s.agenda),
                    ("Notes".to_owned(), &s.notes),
                    (format!("What {me} shared"), &s.shared),
                    (format!("What {me} learned"), &s.learned),
                ];
                // A reflection is private even in a shared session.
                if d.include_private {
                    parts.push(("Private reflection".to_owned(), &s.reflection));
                }
                parts.retain(|(_, text)| !text.trim().is_empty());
                if parts.is_empty() {
                    blocks.push(note("No notes."));
                }
                for (title, text) in parts {
                    blocks.push(label(&title, palette::TEAL));
                    blocks.extend(markdown::blocks(text, 0.0));
                }
            }
            let actions = d.actions.get(i).map_or(&[][..], Vec::as_slice);
            if !shows_notes {
                // A private session's action items are its text too.
                blocks.push(note(if actions.is_empty() {
                    PRIVATE_NOTES
                } else {
                    PRIVATE_NOTES_AND_ACTIONS
                }));
            } else if !actions.is_empty() {
                blocks.push(label("Action items", palette::TEAL));
                for a in actions {
                    blocks.push(action_block(d, a, None));
                }
            }
            emit(blocks);
            tick();
        }
    }
}

/// A session's topics as small teal tags, wrapping onto further rows as needed.
fn topic_chips(f: &Fonts, topics: &[String]) -> Block {
    const PAD: f32 = 5.0;
    const ROW: f32 = 15.0;
    const CHIP: f32 = 11.5;
    let style = Style::new(Face::Bold, 7.0, palette::TEAL);
    let w = BODY.width();
    let mut items = Vec::new();
    let (mut x, mut y) = (0.0f32, 0.0f32);
    for topic in topics {
        let cw = (text_width(f, topic, style) + 2.0 * PAD).min(w);
        if x > 0.0 && x + cw > w {
            x = 0.0;
            y += ROW;
        }
        items.push(Item::Rect {
            x,
            y,
            width: cw,
            height: CHIP,
            color: palette::TEAL_TINT,
        });
        items.extend(text_line(f, topic, style, x + PAD, y + 8.2, cw - 2.0 * PAD).0);
        x += cw + 4.0;
    }
    Block::Drawing {
        height: y + ROW + 2.0,
        items,
        keep_with_next: false,
    }
}

// ---------------------------------------------------------------------------------------
// Open action items

struct OpenActions;

impl Section for OpenActions {
    fn build(&self, ctx: &Ctx<'_>, emit: &mut dyn FnMut(Vec<Block>), tick: &mut dyn FnMut()) {
        let d = ctx.data;
        let shown: Vec<&ActionItemView> = d
            .open_actions
            .iter()
            .filter(|a| d.include_private || !d.private_sessions.contains(&a.item.session_id))
            .collect();
        let hidden = d.open_actions.len() - shown.len();
        if d.open_actions.is_empty() {
            tick();
            return;
        }
        let mut blocks = section_title("Open action items", true);
        let n = d.open_actions.len();
        let overdue = shown.iter().filter(|a| a.overdue).count();
        let mut intro = format!(
            "{} from the sessions in this report, as of {}",
            plural(
                n,
                "action item is still open",
                "action items are still open"
            ),
            long_date(d.today)
        );
        if overdue > 0 {
            intro.push_str(&format!(
                "; {} overdue, listed first",
                if overdue == 1 && n == 1 {
                    "it is".to_owned()
                } else {
                    format!("{overdue} {}", if overdue == 1 { "is" } else { "are" })
                }
            ));
        }
        intro.push('.');
        if hidden > 0 {
            intro.push_str(&format!(
                " {} from private sessions {} left out.",
                plural(hidden, "item", "items"),
                if hidden == 1 { "is" } else { "are" }
            ));
        }
        blocks.push(Block::Text(
            TextBlock::new(vec![Run::new(intro, muted(9.0))]).spacing(0.0, 10.0),
        ));
        for a in shown {
            let source = format!(
                "from \u{201C}{}\u{201D}, {}",
                a.session_title,
                short_date(a.session_held_at.date())
            );
            blocks.push(action_block(d, &a.item, Some(source)));
        }
        emit(blocks);
        tick();
    }
}
