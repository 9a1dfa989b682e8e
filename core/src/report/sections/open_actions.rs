//! "Open action items": the action items of the period's sessions still open, overdue
//! first; those of a private session name only its date (see [`ReportData::shows_text`]).
//! Left out when the period has one session: it lists them itself.

use super::kit::{
    Ctx, Holds, Section, action_block, long_date, muted, plural, section_title, short_date,
};
use crate::model::ActionItemView;
use crate::report::ReportData;
use crate::report::layout::{Block, Run, TextBlock};

pub(super) struct OpenActions;

impl Section for OpenActions {
    fn title(&self) -> &'static str {
        "Open action items"
    }

    fn holds(&self, d: &ReportData) -> Holds {
        let n = d.open_actions.len();
        if n == 0 {
            return Holds::Nothing(
                "Open action items: none from this period\u{2019}s sessions is open, so the report has no such section."
                    .to_owned(),
            );
        }
        if d.sessions.len() == 1 {
            // Its items are all under it, open, overdue or done: a list of them again
            // would be a page saying the same.
            return Holds::Nothing(format!(
                "Open action items: the one session lists its {}, so they are not listed again.",
                plural(n, "open item", "open items")
            ));
        }
        let overdue = d.open_actions.iter().filter(|a| a.overdue).count();
        let private = d
            .open_actions
            .iter()
            .filter(|a| d.hides_text_of(a.item.session_id))
            .count();
        let mut summary = plural(n, "open item", "open items");
        if overdue > 0 {
            summary.push_str(&format!(", {overdue} overdue"));
        }
        if private > 0 {
            summary.push_str(&if private == 1 {
                "; 1 from a private session, named by its date".to_owned()
            } else if private == n {
                "; all from private sessions, named by their dates".to_owned()
            } else {
                format!("; {private} from private sessions, named by their dates")
            });
        }
        Holds::Shows {
            count: Some(u32::try_from(n).unwrap_or(u32::MAX)),
            summary,
            left_out: Vec::new(),
        }
    }

    fn build(&self, ctx: &Ctx<'_>, emit: &mut dyn FnMut(Vec<Block>), tick: &mut dyn FnMut()) {
        let d = ctx.data;
        let mut blocks = section_title(self.title());
        let n = d.open_actions.len();
        let overdue = d.open_actions.iter().filter(|a| a.overdue).count();
        let mut intro = format!(
            "{} from the sessions in this report, as of {}",
            plural(
                n,
                "action item is still open",
                "action items are still open"
            ),
            long_date(d.today)
        );
        if overdue > 0 {
            intro.push_str(&format!(
                "; {} overdue, listed first",
                if overdue == 1 && n == 1 {
                    "it is".to_owned()
                } else {
                    format!("{overdue} {}", if overdue == 1 { "is" } else { "are" })
                }
            ));
        }
        intro.push('.');
        blocks.push(Block::Text(
            TextBlock::new(vec![Run::new(intro, muted(9.0))]).spacing(0.0, 10.0),
        ));
        for a in &d.open_actions {
            blocks.push(action_block(d, &a.item, Some(source(d, a))));
        }
        emit(blocks);
        tick();
    }
}

/// Where an open item comes from: "from “Kick-off”, 3 Mar 2026", or for a private session
/// shown without its text, "from a private session on 3 Mar 2026".
fn source(d: &ReportData, a: &ActionItemView) -> String {
    let date = short_date(a.session_held_at.date());
    if d.hides_text_of(a.item.session_id) {
        format!("from a private session on {date}")
    } else {
        format!("from \u{201C}{}\u{201D}, {date}", a.session_title)
    }
}
