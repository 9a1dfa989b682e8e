//! "Sessions": every session of the period, oldest first, with its topics, notes and action
//! items; a private session is shown by its date, format, length and action items only,
//! unless private notes are asked for (the rules: [`ReportData::shows_text`]).

use super::kit::{
    Ctx, Holds, Section, action_block, empty_period_text, label, minutes_words, muted, my_name,
    note, plural, section_title,
};
use crate::model::{SessionFormat, Visibility};
use crate::report::fonts::Face;
use crate::report::layout::{
    BODY, Block, Item, Run, Style, TextBlock, palette, text_line, text_width,
};
use crate::report::markdown;
use crate::report::{Fonts, ReportData};

pub(super) struct Sessions;

/// Shown under a private session, in place of its title and notes, when private notes are
/// left out.
pub const PRIVATE_NOTES: &str =
    "Its title, topics and notes are private and were left out of this report.";
/// Shown in place of a private session's title.
pub const PRIVATE_SESSION: &str = "A private session";

/// How many sessions of the period are private and shown without their text, and how many
/// reflections are left out.
fn left_out_counts(d: &ReportData) -> (usize, usize) {
    let hidden = d.sessions.iter().filter(|s| !d.shows_text(s)).count();
    let reflections = if d.shows_reflections() {
        0
    } else {
        d.sessions
            .iter()
            .filter(|s| !s.reflection.trim().is_empty())
            .count()
    };
    (hidden, reflections)
}

impl Section for Sessions {
    fn title(&self) -> &'static str {
        "Sessions"
    }

    fn holds(&self, d: &ReportData) -> Holds {
        let n = d.sessions.len();
        let (hidden, reflections) = left_out_counts(d);
        let actions: usize = d.actions.iter().map(Vec::len).sum();
        let summary = if n == 0 {
            "No sessions in this period".to_owned()
        } else {
            let private = d.private_sessions.len();
            let mut parts = Vec::new();
            if n > private {
                parts.push(format!(
                    "{} with {} notes",
                    plural(n - private, "shared", "shared"),
                    if n - private == 1 { "its" } else { "their" }
                ));
            }
            if hidden > 0 {
                parts.push(format!(
                    "{} by date, length and action items only",
                    plural(hidden, "private", "private")
                ));
            } else if private > 0 {
                parts.push(format!(
                    "{} with {} notes",
                    plural(private, "private", "private"),
                    if private == 1 { "its" } else { "their" }
                ));
            }
            format!(
                "{}: {}; {}",
                plural(n, "session", "sessions"),
                parts.join(", "),
                plural(actions, "action item", "action items")
            )
        };
        let mut left_out = Vec::new();
        if hidden > 0 {
            left_out.push(format!(
                "{}: {} left out ({} in). Tick \u{201C}Include private notes\u{201D} to include {}.",
                plural(hidden, "private session", "private sessions"),
                if hidden == 1 {
                    "its title, topics and notes are"
                } else {
                    "their titles, topics and notes are"
                },
                if hidden == 1 {
                    "its date and action items are"
                } else {
                    "their dates and action items are"
                },
                if hidden == 1 { "it" } else { "them" }
            ));
        }
        if reflections > 0 {
            left_out.push(format!(
                "{}: a reflection is only for you, even in a shared session, and goes in only with private notes included.",
                plural(reflections, "private reflection", "private reflections")
            ));
        }
        Holds::Shows {
            count: Some(u32::try_from(n).unwrap_or(u32::MAX)),
            summary,
            left_out,
        }
    }

    fn build(&self, ctx: &Ctx<'_>, emit: &mut dyn FnMut(Vec<Block>), tick: &mut dyn FnMut()) {
        let d = ctx.data;
        let mut blocks = section_title(self.title());
        let n = d.sessions.len();
        if n == 0 {
            blocks.push(note(&empty_period_text(d)));
            emit(blocks);
            tick();
            return;
        }
        let (hidden, _) = left_out_counts(d);
        let mut intro = if n == 1 {
            "One session.".to_owned()
        } else {
            format!("{n} sessions, oldest first.")
        };
        intro.push_str(match (hidden, n) {
            (0, _) => "",
            (1, 1) => " It is private, so only its date, format, length and action items are shown.",
            (h, n) if h == n => {
                " All are private, so only their dates, formats, lengths and action items are shown."
            }
            (1, _) => " One is private: only its date, format, length and action items are shown.",
            _ => " The private ones show only their dates, formats, lengths and action items.",
        });
        blocks.push(Block::Text(
            TextBlock::new(vec![Run::new(intro, muted(9.0))])
                .spacing(0.0, 4.0)
                .keep(),
        ));
        // The title and the intro go with the first session: never at a page's foot alone.
        let mut heading = Some(blocks);
        for (i, s) in d.sessions.iter().enumerate() {
            let mut blocks = heading.take().unwrap_or_default();
            let date = s.held_at.date();
            let shows_text = d.shows_text(s);
            let title = if shows_text {
                s.title.as_str()
            } else {
                PRIVATE_SESSION
            };
            blocks.push(Block::Anchor(format!("\u{00B7} {date} {title}")));
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
            let title_style = if shows_text {
                Style::new(Face::Bold, 14.0, palette::INK)
            } else {
                Style::new(Face::Italic, 14.0, palette::MUTED)
            };
            blocks.push(Block::Text(
                TextBlock::new(vec![Run::new(title, title_style)])
                    .leading(1.25)
                    .spacing(0.0, 2.0)
                    .keep(),
            ));
            let mut meta = format!(
                "{} \u{00B7} {}",
                format_words(s.format),
                minutes_words(s.duration_minutes)
            );
            if shows_text && !s.place.trim().is_empty() {
                meta.push_str(&format!(" \u{00B7} {}", s.place));
            }
            let mut meta_runs = vec![Run::new(meta, muted(8.5))];
            if s.visibility == Visibility::Private && shows_text {
                meta_runs.push(Run::new(
                    "  \u{00B7}  private",
                    Style::new(Face::Bold, 8.5, palette::MUTED),
                ));
            }
            blocks.push(Block::Text(TextBlock::new(meta_runs).spacing(0.0, 6.0)));
            if shows_text {
                if !s.topics.is_empty() {
                    blocks.push(topic_chips(ctx.fonts, &s.topics));
                }
                let me = my_name(d);
                let mut parts = vec![
                    ("Agenda".to_owned(), &s.agenda),
                    ("Notes".to_owned(), &s.notes),
                    (format!("What {me} shared"), &s.shared),
                    (format!("What {me} learned"), &s.learned),
                ];
                if d.shows_reflections() {
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
            } else {
                blocks.push(note(PRIVATE_NOTES));
            }
            // Shown for every session, private or not (see `ReportData::shows_text`).
            let actions = d.actions.get(i).map_or(&[][..], Vec::as_slice);
            if !actions.is_empty() {
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
