//! "The agreement": the partnership's objectives, boundaries, meeting cadence and how it
//! will end, as agreed.

use super::kit::{Ctx, Section, minutes_words, note, paragraph, plural, section_title, subheading};
use crate::report::layout::{Block, Run};
use crate::report::markdown::{self, body_style};

pub(super) struct TheAgreement;

impl Section for TheAgreement {
    fn build(&self, ctx: &Ctx<'_>, emit: &mut dyn FnMut(Vec<Block>), tick: &mut dyn FnMut()) {
        let a = &ctx.data.partnership.agreement;
        let mut blocks = section_title("The agreement");
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
