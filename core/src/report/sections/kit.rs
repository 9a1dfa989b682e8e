//! What every section is made with: its context ([`Ctx`]), the [`Section`] trait, and the
//! shared drawing kit (titles, labels, notes, dates, names, progress bars, an action item
//! as a list entry). The kit uses no section: sections use it.

use chrono::NaiveDate;

use crate::model::{ActionItem, GoalStatus, GoalSummary, Owner, PartnershipKind};
use crate::report::fonts::Face;
use crate::report::layout::{Block, Color, Item, Run, Style, TextBlock, palette, text_line};
use crate::report::markdown::BODY_SIZE;
use crate::report::{Fonts, ReportData};

/// What a section has to work with.
pub(crate) struct Ctx<'a> {
    pub data: &'a ReportData,
    pub fonts: &'static Fonts,
}

/// What a section will hold, as it tells the preview and the report's builder: the
/// builder lays out only the sections that show something, so what the export dialog
/// previews is what the PDF holds.
pub(crate) enum Holds {
    /// Always there, not listed in the preview (the cover).
    Unlisted,
    /// In the report: what it counts, what it holds (see [`SectionPreview`](crate::report::SectionPreview)), and what of
    /// it is left out and why (sentences for the export dialog).
    Shows {
        count: Option<u32>,
        summary: String,
        left_out: Vec<String>,
    },
    /// Left out of the report, heading and outline entry included; why, in a sentence.
    Nothing(String),
}

/// One part of the report.
pub(crate) trait Section {
    /// Its title, as in the PDF, its outline and the preview.
    fn title(&self) -> &'static str;

    /// Its title for `data`, as the PDF, its outline and the preview show it (the title,
    /// unless the section names someone).
    fn heading(&self, data: &ReportData) -> String {
        let _ = data;
        self.title().to_owned()
    }

    /// What it will hold of `data`. `build` is only called when it shows something.
    fn holds(&self, data: &ReportData) -> Holds;

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

pub(super) fn muted(size: f32) -> Style {
    Style::new(Face::Regular, size, palette::MUTED)
}

/// A section's title: an amber tab, then the title, kept with what follows. A section
/// follows the previous one after a wide gap (dropped at the top of a page), on the same
/// page when its title and the first lines of its content fit there.
pub(super) fn section_title(title: &str) -> Vec<Block> {
    vec![
        Block::Gap(30.0),
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

pub(super) fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

pub(super) fn minutes_words(m: u32) -> String {
    match (m / 60, m % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
    }
}

pub(super) fn empty_period_text(d: &ReportData) -> String {
    format!(
        "No sessions were recorded between {} and {}.",
        long_date(d.from),
        long_date(d.to)
    )
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
pub(super) fn action_block(d: &ReportData, a: &ActionItem, source: Option<String>) -> Block {
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

pub(crate) fn kind_words(kind: PartnershipKind) -> &'static str {
    match kind {
        PartnershipKind::Reverse => "Reverse mentoring",
        PartnershipKind::TwoWay => "Two-way mentoring",
        PartnershipKind::Traditional => "Traditional mentoring",
        PartnershipKind::Peer => "Peer mentoring",
    }
}
