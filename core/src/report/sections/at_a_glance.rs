//! "At a glance": six cards (sessions, hours, cadence kept, goals achieved, action items
//! done, sessions shared), each goal's progress as a bar, and the sessions per month.

use chrono::{Datelike, NaiveDate};

use super::kit::{
    Ctx, Holds, Section, empty_period_text, goal_bar, minutes_words, muted, note, plural,
    progress_bar, section_title, short_date, status_words, subheading,
};
use crate::model::{ActionItem, GoalStatus, Visibility};
use crate::report::fonts::Face;
use crate::report::layout::{
    BODY, Block, Item, Run, Style, TextBlock, palette, text_box, text_line, text_width,
};
use crate::report::{Fonts, ReportData};

pub(super) struct AtAGlance;

/// Grace added to the agreed cadence before a gap between sessions counts as missed.
pub const CADENCE_GRACE_DAYS: i64 = 3;

/// The share of gaps between consecutive sessions no longer than the cadence plus grace:
/// (kept, gaps), or `None` when no cadence was agreed.
fn cadence_kept(data: &ReportData) -> Option<(usize, usize)> {
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

/// Whether "At a glance" charts the sessions per month: from two sessions on (one
/// session's chart is one bar, which the "session" card already says).
fn shows_chart(d: &ReportData) -> bool {
    d.sessions.len() >= 2
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
    fn title(&self) -> &'static str {
        "At a glance"
    }

    fn holds(&self, d: &ReportData) -> Holds {
        let mut summary =
            "Sessions, hours, cadence kept, goals achieved and action items done, in figures"
                .to_owned();
        if d.goals
            .iter()
            .any(|(g, _)| g.goal.status != GoalStatus::Dropped)
        {
            summary.push_str("; each goal\u{2019}s progress");
        }
        if shows_chart(d) {
            summary.push_str("; sessions per month");
        }
        Holds::Shows {
            count: None,
            summary,
            left_out: Vec::new(),
        }
    }

    fn build(&self, ctx: &Ctx<'_>, emit: &mut dyn FnMut(Vec<Block>), tick: &mut dyn FnMut()) {
        let d = ctx.data;
        let f = ctx.fonts;
        let mut blocks = section_title(self.title());
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
        } else if shows_chart(d) {
            blocks.push(Block::Gap(6.0));
            blocks.extend(chart(ctx));
        }
        emit(blocks);
        tick();
    }
}
