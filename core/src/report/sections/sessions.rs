//! "Sessions": every session of the period, oldest first, with its topics, notes and action
//! items; a private session's notes and action items are left out unless asked for.

use super::kit::{
    Ctx, Section, action_block, empty_period_text, label, minutes_words, muted, my_name, note,
    plural, section_title,
};
use crate::model::{SessionFormat, Visibility};
use crate::report::Fonts;
use crate::report::fonts::Face;
use crate::report::layout::{
    BODY, Block, Item, Run, Style, TextBlock, palette, text_line, text_width,
};
use crate::report::markdown;

pub(super) struct Sessions;

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
        let mut blocks = section_title("Sessions");
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
