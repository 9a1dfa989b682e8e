//! The report's sections, in order: cover, at a glance, the agreement, goals, the two
//! SWOTs, sessions, open action items. Each is a [`Section`] that turns the report's data
//! into layout blocks, in a file of its own. What they are made with (their context, the
//! trait and the shared drawing pieces) is `kit.rs`, which uses no section.
//!
//! A section with nothing to show (no goals, no SWOT on either side, no open action item)
//! is left out, heading and outline entry included; "At a glance" still counts them.
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
mod sessions;
mod swot;

pub use at_a_glance::CADENCE_GRACE_DAYS;
pub(crate) use cover::COVER_BAND;
use kit::Section;
pub(crate) use kit::{Ctx, kind_words, long_date};
pub use sessions::{PRIVATE_NOTES, PRIVATE_NOTES_AND_ACTIONS};

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
    ]
}
