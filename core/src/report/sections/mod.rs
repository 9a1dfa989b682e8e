//! The report's sections, in order: cover, at a glance, the agreement, goals, the two
//! SWOTs, sessions, open action items, and what the partner shared (when asked for). Each is a [`Section`] that turns the report's data
//! into layout blocks, in a file of its own. What they are made with (their context, the
//! trait and the shared drawing pieces) is `kit.rs`, which uses no section.
//!
//! Each section says what it will hold ([`Holds`]): the report lays out only those that
//! show something, and the export dialog's preview ([`preview`]) is made of the same
//! accounts. A section with nothing to show (no goals, no SWOT on either side, no open
//! action item) is left out, heading and outline entry included; "At a glance" still
//! counts them.
//!
//! Sections follow one another, the cover's page included, with no page break of their
//! own; a section's title is kept with the first lines of what follows it. The
//! outline lists the sections in reading order (`write_pdf` relinks printpdf's outline,
//! which it sorts by page and name).

mod agreement;
mod at_a_glance;
mod cover;
mod goals;
mod kit;
mod open_actions;
mod partner;
mod sessions;
mod swot;

pub use agreement::NOTHING_AGREED;
pub use at_a_glance::CADENCE_GRACE_DAYS;
pub(crate) use cover::COVER_BAND;
pub(crate) use kit::{Ctx, Holds, Section, kind_words, long_date};
pub use sessions::{PRIVATE_NOTES, PRIVATE_SESSION};

use crate::report::{ReportData, ReportPreview, SectionPreview};

/// The sections of the report, in order.
pub(crate) fn sections() -> Vec<Box<dyn Section>> {
    vec![
        Box::new(cover::Cover),
        Box::new(at_a_glance::AtAGlance),
        Box::new(agreement::TheAgreement),
        Box::new(goals::Goals),
        Box::new(swot::Swot),
        Box::new(sessions::Sessions),
        Box::new(open_actions::OpenActions),
        Box::new(partner::Partner),
    ]
}

/// What the report of `d` will hold: the sections that show something, with their
/// counts, and what is left out and why (each section's own words, private text first).
pub(crate) fn preview(d: &ReportData) -> ReportPreview {
    let mut shown = Vec::new();
    let mut private = Vec::new();
    let mut empty = Vec::new();
    for section in sections() {
        match section.holds(d) {
            Holds::Unlisted => {}
            Holds::Shows {
                count,
                summary,
                left_out,
            } => {
                shown.push(SectionPreview {
                    title: section.heading(d),
                    count,
                    summary,
                });
                private.extend(left_out);
            }
            Holds::Nothing(why) => empty.push(why),
        }
    }
    private.extend(empty);
    let count = |f: &dyn Fn(&crate::model::Session) -> bool| {
        u32::try_from(d.sessions.iter().filter(|s| f(s)).count()).unwrap_or(u32::MAX)
    };
    let is_private = |s: &crate::model::Session| d.private_sessions.contains(&s.id);
    ReportPreview {
        from: d.from,
        to: d.to,
        sections: shown,
        left_out: private,
        private_left_out: count(&|s| !d.shows_text(s)),
        private_included: count(&|s| is_private(s) && d.shows_text(s)),
    }
}
