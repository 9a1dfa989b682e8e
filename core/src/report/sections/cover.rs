//! The cover: the Tandem mark, the title, the pair and the period on a teal band, then the
//! partnership's facts (who, what kind, since when, whether private notes are in).

use super::kit::{Ctx, Holds, Section, kind_words, long_date, muted};
use crate::model::Role;
use crate::report::ReportData;
use crate::report::fonts::Face;
use crate::report::layout::{BODY, Block, Item, Run, Style, TextBlock, palette, text_line};

pub(super) struct Cover;

/// Height of the teal band across the top of the cover (from the page's top edge).
pub(crate) const COVER_BAND: f32 = 330.0;

impl Section for Cover {
    fn title(&self) -> &'static str {
        "Progress report"
    }

    fn holds(&self, _: &ReportData) -> Holds {
        Holds::Unlisted
    }

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
            "Left out: a private session shows only its date, length and action items; \
             sessions marked shared show their notes"
                .to_owned()
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

fn role_words(role: Role) -> (&'static str, &'static str) {
    // (mine, my partner's)
    match role {
        Role::Mentor => ("mentor", "mentee"),
        Role::Mentee => ("mentee", "mentor"),
        Role::Both => ("mentor and mentee", "mentor and mentee"),
    }
}
