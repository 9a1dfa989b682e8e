//! "Open action items": the action items of the period's sessions still open, overdue
//! first (those of private sessions left out unless asked for).

use super::kit::{Ctx, Section, action_block, long_date, muted, plural, section_title, short_date};
use crate::model::ActionItemView;
use crate::report::layout::{Block, Run, TextBlock};

pub(super) struct OpenActions;

impl Section for OpenActions {
    fn build(&self, ctx: &Ctx<'_>, emit: &mut dyn FnMut(Vec<Block>), tick: &mut dyn FnMut()) {
        let d = ctx.data;
        let shown: Vec<&ActionItemView> = d
            .open_actions
            .iter()
            .filter(|a| d.include_private || !d.private_sessions.contains(&a.item.session_id))
            .collect();
        let hidden = d.open_actions.len() - shown.len();
        if d.open_actions.is_empty() {
            tick();
            return;
        }
        let mut blocks = section_title("Open action items");
        let n = d.open_actions.len();
        let overdue = shown.iter().filter(|a| a.overdue).count();
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
        if hidden > 0 {
            intro.push_str(&format!(
                " {} from private sessions {} left out.",
                plural(hidden, "item", "items"),
                if hidden == 1 { "is" } else { "are" }
            ));
        }
        blocks.push(Block::Text(
            TextBlock::new(vec![Run::new(intro, muted(9.0))]).spacing(0.0, 10.0),
        ));
        for a in shown {
            let source = format!(
                "from \u{201C}{}\u{201D}, {}",
                a.session_title,
                short_date(a.session_held_at.date())
            );
            blocks.push(action_block(d, &a.item, Some(source)));
        }
        emit(blocks);
        tick();
    }
}
