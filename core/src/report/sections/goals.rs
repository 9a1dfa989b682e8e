//! The goals section: each goal with its status, whose it is, its target date, a progress
//! bar, its milestones and its progress over time (a small step chart and the dated
//! entries with their notes).

use super::kit::{
    Ctx, Holds, Section, goal_bar, label, long_date, muted, my_name, my_possessive, note, plural,
    possessive, progress_bar, section_title, short_date, status_words,
};
use crate::model::{GoalDetail, GoalStatus, GoalSummary, LearningDirection, ProgressEntry, Whose};
use crate::report::fonts::Face;
use crate::report::layout::{
    BODY, Block, Item, Run, Style, TextBlock, palette, text_line, text_width,
};
use crate::report::markdown;
use crate::report::{Fonts, ReportData};

pub(super) struct Goals;

fn whose_words(d: &ReportData, whose: Whose, direction: LearningDirection) -> String {
    let me = my_name(d);
    let partner = &d.partnership.partner_name;
    let whose = match whose {
        Whose::Mine => format!("{} goal", my_possessive(d)),
        Whose::Partners => format!("{} goal", possessive(partner)),
        Whose::Shared => "A shared goal".to_owned(),
    };
    let learns = if me == "You" { "learn" } else { "learns" };
    let direction = match direction {
        LearningDirection::ILearn => format!("{me} {learns} from {partner}"),
        LearningDirection::PartnerLearns => format!("{partner} learns from {me}"),
        LearningDirection::BothLearn => "learning both ways".to_owned(),
    };
    format!("{whose}, {direction}")
}

/// "3 goals: 1 active, 2 achieved".
fn goal_counts(d: &ReportData) -> String {
    let count = |st: GoalStatus| d.goals.iter().filter(|(g, _)| g.goal.status == st).count();
    let mut parts = Vec::new();
    for (st, word) in [
        (GoalStatus::Active, "active"),
        (GoalStatus::NotStarted, "not started"),
        (GoalStatus::Achieved, "achieved"),
        (GoalStatus::Dropped, "dropped"),
    ] {
        let n = count(st);
        if n > 0 {
            parts.push(format!("{n} {word}"));
        }
    }
    format!(
        "{}: {}",
        plural(d.goals.len(), "goal", "goals"),
        parts.join(", ")
    )
}

impl Section for Goals {
    fn title(&self) -> &'static str {
        "Goals"
    }

    fn holds(&self, d: &ReportData) -> Holds {
        if d.goals.is_empty() {
            return Holds::Nothing(
                "Goals: none set yet, so the report has no goals section.".to_owned(),
            );
        }
        let milestones: usize = d.goals.iter().map(|(_, g)| g.milestones.len()).sum();
        let entries: usize = d.goals.iter().map(|(_, g)| g.progress.len()).sum();
        Holds::Shows {
            count: Some(u32::try_from(d.goals.len()).unwrap_or(u32::MAX)),
            summary: format!(
                "{}; {} and {}",
                goal_counts(d),
                plural(milestones, "milestone", "milestones"),
                plural(entries, "progress entry", "progress entries")
            ),
            left_out: Vec::new(),
        }
    }

    fn build(&self, ctx: &Ctx<'_>, emit: &mut dyn FnMut(Vec<Block>), tick: &mut dyn FnMut()) {
        let d = ctx.data;
        let mut blocks = section_title(self.title());
        let mut intro = format!(
            "{}. Goals are shown as they stand on {}",
            goal_counts(d),
            long_date(d.today)
        );
        if d.period_set {
            intro.push_str(&format!(
                "; their progress over time covers {} \u{2013} {}.",
                long_date(d.from),
                long_date(d.to)
            ));
        } else {
            intro.push('.');
        }
        blocks.push(Block::Text(
            TextBlock::new(vec![Run::new(intro, muted(9.0))]).spacing(0.0, 4.0),
        ));
        emit(blocks);
        for (i, (summary, detail)) in d.goals.iter().enumerate() {
            emit(goal_blocks(ctx, summary, detail, i == 0));
        }
        tick();
    }
}

fn goal_blocks(
    ctx: &Ctx<'_>,
    summary: &GoalSummary,
    detail: &GoalDetail,
    first: bool,
) -> Vec<Block> {
    let d = ctx.data;
    let f = ctx.fonts;
    let g = &summary.goal;
    let mut blocks = Vec::new();
    if !first {
        blocks.push(Block::Separator);
    }
    let (status, color) = status_words(g.status);
    blocks.push(Block::Text(
        TextBlock::new(vec![Run::new(
            status.to_uppercase(),
            Style::new(Face::Bold, 7.5, color),
        )])
        .spacing(14.0, 2.0)
        .leading(1.3)
        .keep(),
    ));
    blocks.push(Block::Text(
        TextBlock::new(vec![Run::new(
            g.title.clone(),
            Style::new(Face::Bold, 14.0, palette::INK),
        )])
        .leading(1.25)
        .spacing(0.0, 2.0)
        .keep(),
    ));
    let mut meta = whose_words(d, g.whose, g.direction);
    match g.target_on {
        Some(target) => {
            meta.push_str(&format!(" \u{00B7} target {}", long_date(target)));
            let open = matches!(g.status, GoalStatus::Active | GoalStatus::NotStarted);
            if open && target < d.today {
                meta.push_str(" (passed)");
            }
        }
        None => meta.push_str(" \u{00B7} no target date"),
    }
    if summary.milestones_total > 0 {
        meta.push_str(&format!(
            " \u{00B7} {} of {} milestones done",
            summary.milestones_done, summary.milestones_total
        ));
    }
    blocks.push(Block::Text(
        TextBlock::new(vec![Run::new(meta, muted(8.5))])
            .spacing(0.0, 6.0)
            .keep(),
    ));
    let bar_color = if g.status == GoalStatus::Achieved {
        palette::STRENGTHS
    } else {
        palette::TEAL
    };
    blocks.push(Block::Drawing {
        height: 16.0,
        items: progress_bar(
            f,
            goal_bar(summary),
            0.0,
            2.0,
            BODY.width(),
            60.0,
            bar_color,
        ),
        keep_with_next: false,
    });
    if !g.description.trim().is_empty() {
        blocks.push(Block::Gap(4.0));
        blocks.extend(markdown::blocks(&g.description, 0.0));
    }
    if !g.success_criteria.trim().is_empty() {
        blocks.push(label("How we will know", palette::TEAL));
        blocks.extend(markdown::blocks(&g.success_criteria, 0.0));
    }
    if !detail.milestones.is_empty() {
        blocks.push(label("Milestones", palette::TEAL));
        for m in &detail.milestones {
            let text_style = Style::new(
                Face::Regular,
                9.5,
                if m.done { palette::MUTED } else { palette::INK },
            );
            let mut runs = vec![Run::new(m.title.clone(), text_style)];
            if let Some(due) = m.due_on {
                let mut when = format!("  \u{00B7}  due {}", short_date(due));
                if !m.done && due < d.today {
                    when.push_str(" (passed)");
                }
                runs.push(Run::new(when, muted(7.5)));
            }
            let (marker, marker_color) = if m.done {
                ("\u{2611}", palette::STRENGTHS)
            } else {
                ("\u{2610}", palette::TEAL)
            };
            let mut b = TextBlock::new(runs).leading(1.35).spacing(0.0, 3.0);
            b.indent = 16.0;
            b.marker = Some(Run::new(
                marker,
                Style::new(Face::Regular, 10.0, marker_color),
            ));
            blocks.push(Block::Text(b));
        }
    }
    blocks.push(label("Progress over time", palette::TEAL));
    if detail.progress.is_empty() {
        blocks.push(note(if d.period_set {
            "No progress was recorded in this period."
        } else {
            "No progress recorded yet."
        }));
    } else {
        // The chart shows each day's last value; the list below shows every entry.
        let mut by_day: Vec<&ProgressEntry> = Vec::new();
        for e in &detail.progress {
            match by_day.last_mut() {
                Some(last) if last.recorded_on == e.recorded_on => *last = e,
                _ => by_day.push(e),
            }
        }
        let (items, height) = progress_chart(f, &by_day, BODY.width());
        blocks.push(Block::Drawing {
            height,
            items,
            keep_with_next: false,
        });
        for e in &detail.progress {
            let mut runs = vec![Run::new(
                format!("{}\u{202F}%", e.value.min(100)),
                Style::new(Face::Bold, 9.0, palette::INK),
            )];
            if !e.note.trim().is_empty() {
                runs.push(Run::new(
                    format!("  {}", e.note.trim()),
                    Style::new(Face::Regular, 9.0, palette::INK),
                ));
            }
            let mut b = TextBlock::new(runs).leading(1.35).spacing(0.0, 3.0);
            b.indent = 68.0;
            b.marker = Some(Run::new(short_date(e.recorded_on), muted(7.5)));
            blocks.push(Block::Text(b));
        }
    }
    blocks
}

/// A step chart of a goal's progress entries (oldest first): each value holds until the
/// next, with a dot and its value at each entry, and dates under the axis where they fit.
/// Returns the drawing's items and height.
fn progress_chart(f: &Fonts, entries: &[&ProgressEntry], width: f32) -> (Vec<Item>, f32) {
    const TOP: f32 = 14.0;
    const PLOT_H: f32 = 58.0;
    const BASE: f32 = TOP + PLOT_H;
    let axis = muted(6.5);
    let x0 = 30.0;
    let x1 = width - 24.0;
    let mut items = Vec::new();
    for v in [0u8, 50, 100] {
        let y = BASE - PLOT_H * f32::from(v) / 100.0;
        items.push(Item::Rect {
            x: x0,
            y: y - 0.25,
            width: x1 - x0,
            height: if v == 0 { 0.8 } else { 0.5 },
            color: palette::RULE,
        });
        let t = format!("{v}\u{202F}%");
        let tw = text_width(f, &t, axis);
        items.extend(text_line(f, &t, axis, x0 - 5.0 - tw, y + 2.2, 28.0).0);
    }
    let (Some(first), Some(last)) = (entries.first(), entries.last()) else {
        return (items, BASE + 16.0);
    };
    let span = (last.recorded_on - first.recorded_on).num_days().max(0) as f32;
    let x_of = |e: &ProgressEntry| {
        if span == 0.0 {
            (x0 + x1) / 2.0
        } else {
            x0 + (x1 - x0) * (e.recorded_on - first.recorded_on).num_days() as f32 / span
        }
    };
    let y_of = |e: &ProgressEntry| BASE - PLOT_H * f32::from(e.value.min(100)) / 100.0;
    const LINE: f32 = 1.6;
    for pair in entries.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let (xa, xb, ya, yb) = (x_of(a), x_of(b), y_of(a), y_of(b));
        if xb > xa {
            // The area under the step, then the step itself.
            items.push(Item::Rect {
                x: xa,
                y: ya,
                width: xb - xa,
                height: BASE - ya,
                color: palette::TEAL_TINT,
            });
            items.push(Item::Rect {
                x: xa,
                y: ya - LINE / 2.0,
                width: xb - xa,
                height: LINE,
                color: palette::TEAL,
            });
        }
        items.push(Item::Rect {
            x: xb - LINE / 2.0,
            y: ya.min(yb) - LINE / 2.0,
            width: LINE,
            height: (ya - yb).abs() + LINE,
            color: palette::TEAL,
        });
    }
    let value_style = Style::new(Face::Bold, 6.5, palette::INK);
    let mut value_right = f32::MIN;
    // Dates under the axis: the first and last always (with the year), the others where
    // they fit between their neighbours.
    let date_label = |i: usize, e: &ProgressEntry| {
        let text = if i == 0 || i + 1 == entries.len() {
            short_date(e.recorded_on)
        } else {
            e.recorded_on.format("%-d %b").to_string()
        };
        let w = text_width(f, &text, axis);
        let x = (x_of(e) - w / 2.0).clamp(0.0, width - w);
        (text, x, w)
    };
    let last_left = if entries.len() > 1 {
        date_label(entries.len() - 1, last).1
    } else {
        f32::MAX
    };
    let mut date_right = f32::MIN;
    for (i, e) in entries.iter().enumerate() {
        let (x, y) = (x_of(e), y_of(e));
        items.push(Item::Circle {
            x,
            y,
            radius: 2.8,
            color: palette::TEAL,
        });
        items.push(Item::Circle {
            x,
            y,
            radius: 1.2,
            color: palette::WHITE,
        });
        // The value above the dot, unless it would run into the previous one.
        let t = format!("{}\u{202F}%", e.value.min(100));
        let tw = text_width(f, &t, value_style);
        // Not left of the plot, where the axis labels are.
        let tx = (x - tw / 2.0).clamp(x0 - 3.0, width - tw);
        if tx > value_right + 3.0 {
            items.extend(text_line(f, &t, value_style, tx, y - 5.5, tw + 0.5).0);
            value_right = tx + tw;
        }
        let (dt, dx, dw) = date_label(i, e);
        let is_last = i + 1 == entries.len() && i > 0;
        let fits = dx > date_right + 4.0 && dx + dw + 4.0 < last_left;
        if i == 0 || is_last || fits {
            items.extend(text_line(f, &dt, axis, dx, BASE + 10.0, dw + 0.5).0);
            date_right = dx + dw;
        }
    }
    (items, BASE + 18.0)
}
