//! "The agreement": the partnership's objectives, boundaries, meeting cadence and how it
//! will end, as agreed.

use super::kit::{
    Ctx, Holds, Section, minutes_words, note, paragraph, plural, section_title, subheading,
};
use crate::model::Agreement;
use crate::report::ReportData;
use crate::report::layout::{Block, Run};
use crate::report::markdown::{self, body_style};

pub(super) struct TheAgreement;

/// The agreement's parts that are written down (or agreed, for the cadence), by name.
fn written(a: &Agreement) -> Vec<&'static str> {
    [
        ("objectives", !a.objectives.trim().is_empty()),
        ("boundaries", !a.boundaries.trim().is_empty()),
        (
            "meeting cadence",
            a.cadence_days.is_some() || a.session_minutes.is_some(),
        ),
        ("how it will end", !a.ending.trim().is_empty()),
    ]
    .into_iter()
    .filter_map(|(name, there)| there.then_some(name))
    .collect()
}

/// Shown instead of the four parts when none of them is written down.
pub const NOTHING_AGREED: &str = "Nothing is written down yet: no objectives, boundaries, \
     meeting cadence or ending have been agreed in the journal.";

impl Section for TheAgreement {
    fn title(&self) -> &'static str {
        "The agreement"
    }

    fn holds(&self, d: &ReportData) -> Holds {
        let parts = written(&d.partnership.agreement);
        let summary = match parts.as_slice() {
            [] => "Nothing written down yet".to_owned(),
            [one] => format!("{} only", capitalised(one)),
            [rest @ .., last] => format!("{} and {last}", capitalised(&rest.join(", "))),
        };
        Holds::Shows {
            count: None,
            summary,
            left_out: Vec::new(),
        }
    }

    fn build(&self, ctx: &Ctx<'_>, emit: &mut dyn FnMut(Vec<Block>), tick: &mut dyn FnMut()) {
        let a = &ctx.data.partnership.agreement;
        let mut blocks = section_title(self.title());
        if written(a).is_empty() {
            // One line, not four "not yet"s.
            blocks.push(note(NOTHING_AGREED));
            emit(blocks);
            tick();
            return;
        }
        // The parts written down, each under its heading; the others named once, at the end.
        let mut missing = Vec::new();
        let text_part = |title: &'static str,
                         md: &str,
                         blocks: &mut Vec<Block>,
                         missing: &mut Vec<&'static str>| {
            if md.trim().is_empty() {
                missing.push(title);
            } else {
                blocks.push(subheading(title));
                blocks.extend(markdown::blocks(md, 0.0));
            }
        };
        text_part("Objectives", &a.objectives, &mut blocks, &mut missing);
        text_part("Boundaries", &a.boundaries, &mut blocks, &mut missing);
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
            Some(c) => {
                blocks.push(subheading("Meeting cadence"));
                blocks.push(paragraph(vec![Run::new(c, body_style())]));
            }
            None => missing.push("Meeting cadence"),
        }
        text_part("How it will end", &a.ending, &mut blocks, &mut missing);
        if !missing.is_empty() {
            let names: Vec<String> = missing
                .iter()
                .enumerate()
                .map(|(i, m)| {
                    if i == 0 {
                        (*m).to_owned()
                    } else {
                        m.to_lowercase()
                    }
                })
                .collect();
            let list = match names.as_slice() {
                [one] => one.clone(),
                [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
                [] => String::new(),
            };
            blocks.push(Block::Gap(6.0));
            blocks.push(note(&format!("{list}: not written down yet.")));
        }
        emit(blocks);
        tick();
    }
}

fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map_or_else(String::new, |c| {
        c.to_uppercase().chain(chars).collect::<String>()
    })
}
