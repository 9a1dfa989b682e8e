//! "Shared by Zoë": what the partner shared with me through exchange, as their last bundle
//! had it, only when the report is asked to include it (`ReportOptions::include_partner`).
//! It is the partner's own words, labelled as theirs with the day they shared them: their
//! own SWOT, their goals with progress and milestones, their sessions of the period with
//! their notes. Nothing of it is mine, so nothing of mine is left out here.

use super::kit::{
    Ctx, Holds, Section, label, long_date, muted, note, plural, possessive, section_title,
    short_date, status_words, subheading,
};
use crate::exchange::payload::{BundleGoal, BundleSession, BundleSwotSnapshot};
use crate::model::Quadrant;
use crate::report::fonts::Face;
use crate::report::layout::{Block, Run, TextBlock, palette};
use crate::report::markdown::{self, body_style};
use crate::report::{PartnerShare, ReportData};

pub(super) struct Partner;

/// The partner's sessions of the report's period, oldest first.
fn sessions_in_period<'a>(d: &ReportData, p: &'a PartnerShare) -> Vec<&'a BundleSession> {
    let mut out: Vec<&BundleSession> = p
        .payload
        .sessions
        .iter()
        .filter(|s| {
            let day = s.held_at.date();
            (!d.period_set || day >= d.from) && day <= d.to
        })
        .collect();
    out.sort_by_key(|s| (s.held_at, s.id));
    out
}

/// Their latest own SWOT snapshot taken by the report's day.
fn latest_swot<'a>(d: &ReportData, p: &'a PartnerShare) -> Option<&'a BundleSwotSnapshot> {
    p.payload
        .swot_snapshots
        .iter()
        .filter(|s| s.taken_on <= d.today)
        .max_by_key(|s| (s.taken_on, s.id))
}

fn parts(d: &ReportData, p: &PartnerShare) -> Vec<String> {
    let mut parts = Vec::new();
    let sessions = sessions_in_period(d, p).len();
    if sessions > 0 {
        parts.push(plural(sessions, "session", "sessions"));
    }
    if !p.payload.goals.is_empty() {
        parts.push(plural(p.payload.goals.len(), "goal", "goals"));
    }
    if latest_swot(d, p).is_some() {
        parts.push("their SWOT".to_owned());
    }
    if p.payload.agreement.is_some() {
        parts.push("their view of the agreement".to_owned());
    }
    parts
}

impl Section for Partner {
    fn title(&self) -> &'static str {
        "Shared by your partner"
    }

    fn heading(&self, d: &ReportData) -> String {
        format!("Shared by {}", d.partnership.partner_name)
    }

    fn holds(&self, d: &ReportData) -> Holds {
        let name = &d.partnership.partner_name;
        let Some(p) = &d.partner else {
            // Nothing received: not worth a line.
            return Holds::Unlisted;
        };
        if !d.include_partner {
            return Holds::Nothing(format!(
                "What {name} shared with you through exchange is left out unless you include it."
            ));
        }
        let parts = parts(d, p);
        if parts.is_empty() {
            return Holds::Nothing(format!(
                "What {name} shared: nothing of the period to show."
            ));
        }
        let list = match parts.as_slice() {
            [one] => one.clone(),
            [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
            [] => String::new(),
        };
        Holds::Shows {
            count: None,
            summary: format!(
                "{list}, as {name} shared them on {}",
                short_date(p.shared_on)
            ),
            left_out: Vec::new(),
        }
    }

    fn build(&self, ctx: &Ctx<'_>, emit: &mut dyn FnMut(Vec<Block>), tick: &mut dyn FnMut()) {
        let d = ctx.data;
        let Some(p) = &d.partner else {
            tick();
            return;
        };
        let name = &d.partnership.partner_name;
        let theirs = possessive(name);
        let mut blocks = section_title(&self.heading(d));
        let trust = if p.verified {
            "The link with their journal was verified."
        } else {
            "The link with their journal is not verified yet: compare its words at a session."
        };
        blocks.push(note(&format!(
            "In {theirs} own words, as they shared them with you on {}. {trust}",
            long_date(p.shared_on)
        )));
        emit(blocks);

        if let Some(snapshot) = latest_swot(d, p) {
            let mut blocks = vec![subheading(&format!(
                "{theirs} SWOT, taken {}",
                long_date(snapshot.taken_on)
            ))];
            if !snapshot.reason.trim().is_empty() {
                blocks.push(Block::Text(TextBlock::new(vec![Run::new(
                    snapshot.reason.clone(),
                    muted(8.5),
                )])));
            }
            for (quadrant, title, color) in [
                (Quadrant::Strengths, "Strengths", palette::STRENGTHS),
                (Quadrant::Weaknesses, "Weaknesses", palette::WEAKNESSES),
                (
                    Quadrant::Opportunities,
                    "Opportunities",
                    palette::OPPORTUNITIES,
                ),
                (Quadrant::Threats, "Threats", palette::THREATS),
            ] {
                let mut items: Vec<_> = snapshot
                    .items
                    .iter()
                    .filter(|i| i.quadrant == quadrant)
                    .collect();
                if items.is_empty() {
                    continue;
                }
                items.sort_by_key(|i| (i.position, i.id));
                blocks.push(label(title, color));
                for item in items {
                    blocks.push(bullet(&item.text));
                }
            }
            emit(blocks);
        }

        if !p.payload.goals.is_empty() {
            let mut blocks = vec![subheading(&format!("{theirs} goals"))];
            for goal in &p.payload.goals {
                blocks.extend(goal_blocks(goal));
            }
            emit(blocks);
        }

        let sessions = sessions_in_period(d, p);
        if !sessions.is_empty() {
            emit(vec![subheading(&format!("{theirs} notes of the period"))]);
            for s in sessions {
                let mut blocks = vec![Block::Text(
                    TextBlock::new(vec![
                        Run::new(s.title.clone(), body_style().with_face(Face::Bold)),
                        Run::new(format!("\n{}", long_date(s.held_at.date())), muted(8.0)),
                    ])
                    .leading(1.3)
                    .spacing(8.0, 3.0)
                    .keep(),
                )];
                for (part, text) in [
                    ("Agenda", &s.agenda),
                    ("Notes", &s.notes),
                    ("What they shared", &s.shared),
                    ("What they learned", &s.learned),
                ] {
                    if text.trim().is_empty() {
                        continue;
                    }
                    blocks.push(label(part, palette::TEAL));
                    blocks.extend(markdown::blocks(text, 0.0));
                }
                emit(blocks);
            }
        }
        tick();
    }
}

fn bullet(text: &str) -> Block {
    let mut b = TextBlock::new(vec![Run::new(text, body_style())])
        .leading(1.35)
        .spacing(0.0, 3.0);
    b.indent = 12.0;
    b.marker = Some(Run::new("\u{2022}", body_style()));
    Block::Text(b)
}

fn goal_blocks(goal: &BundleGoal) -> Vec<Block> {
    let (status, color) = status_words(goal.status);
    let mut detail = status.to_owned();
    if let Some(latest) = goal.progress.iter().max_by_key(|e| (e.recorded_on, e.id)) {
        detail.push_str(&format!(
            " \u{00B7} {}\u{202F}% on {}",
            latest.value.min(100),
            short_date(latest.recorded_on)
        ));
    }
    if let Some(target) = goal.target_on {
        detail.push_str(&format!(" \u{00B7} target {}", short_date(target)));
    }
    if !goal.milestones.is_empty() {
        let done = goal.milestones.iter().filter(|m| m.done).count();
        detail.push_str(&format!(
            " \u{00B7} {done} of {} done",
            plural(goal.milestones.len(), "milestone", "milestones")
        ));
    }
    let mut blocks = vec![Block::Text(
        TextBlock::new(vec![
            Run::new(goal.title.clone(), body_style().with_face(Face::Bold)),
            Run::new(format!("\n{detail}"), muted(8.0).with_color(color)),
        ])
        .leading(1.3)
        .spacing(6.0, 2.0)
        .keep(),
    )];
    if !goal.description.trim().is_empty() {
        blocks.extend(markdown::blocks(&goal.description, 0.0));
    }
    blocks
}
