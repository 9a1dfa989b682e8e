//! The SWOT section: the latest snapshot of each side, quadrant by quadrant in two columns
//! (mine at the left, my partner's, as they shared it, at the right), items both sides
//! share marked and set on the same row; then what changed in each side since its first
//! snapshot.

use std::collections::{HashMap, HashSet};

use uuid::Uuid;

use super::kit::{
    Ctx, Holds, Section, long_date, muted, my_name, my_possessive, note, plural, possessive,
    section_title, subheading,
};
use crate::model::{Priority, Quadrant, Side, SwotComparison, SwotItem, SwotView};
use crate::report::fonts::Face;
use crate::report::layout::{
    BODY, Block, Color, Item, Run, Style, TextBlock, palette, text_box, text_line,
};
use crate::report::{Fonts, ReportData};

pub(super) struct Swot;

const QUADRANTS: [Quadrant; 4] = [
    Quadrant::Strengths,
    Quadrant::Weaknesses,
    Quadrant::Opportunities,
    Quadrant::Threats,
];

/// (name, colour, tint) of a quadrant.
fn quadrant_look(q: Quadrant) -> (&'static str, Color, Color) {
    match q {
        Quadrant::Strengths => ("Strengths", palette::STRENGTHS, palette::STRENGTHS_TINT),
        Quadrant::Weaknesses => ("Weaknesses", palette::WEAKNESSES, palette::WEAKNESSES_TINT),
        Quadrant::Opportunities => (
            "Opportunities",
            palette::OPPORTUNITIES,
            palette::OPPORTUNITIES_TINT,
        ),
        Quadrant::Threats => ("Threats", palette::THREATS, palette::THREATS_TINT),
    }
}

/// "Henrik Lindqvist's", or "your" (mid-sentence) when my name is empty.
fn mine_mid_sentence(d: &ReportData) -> String {
    let mine = my_possessive(d);
    if mine == "Your" {
        "your".to_owned()
    } else {
        mine
    }
}

/// "Zoë Okafor's SWOT, as Zoë Okafor shared it" and the like.
fn side_name(d: &ReportData, side: Side) -> String {
    match side {
        Side::Mine => format!("{} SWOT", my_possessive(d)),
        Side::Partner => {
            let p = &d.partnership.partner_name;
            format!("{} SWOT, as {p} shared it", possessive(p))
        }
    }
}

const GUTTER: f32 = 12.0;
const CELL_PAD: f32 = 6.0;
const BAR: f32 = 2.5;
/// The longest item text shown in full (the store's own limit is lower); beyond it, "…".
const MAX_ITEM_CHARS: usize = 1200;

fn column_width() -> f32 {
    (BODY.width() - GUTTER) / 2.0
}

impl Section for Swot {
    fn title(&self) -> &'static str {
        "SWOT analyses"
    }

    fn holds(&self, d: &ReportData) -> Holds {
        let board = &d.swot;
        let partner = &d.partnership.partner_name;
        let sides = match (&board.mine, &board.partner) {
            (None, None) => {
                return Holds::Nothing(
                    "SWOT analyses: neither side has a snapshot yet, so the report has no SWOT section."
                        .to_owned(),
                );
            }
            (Some(_), Some(_)) => format!("{} and {}", my_possessive(d), possessive(partner)),
            (Some(_), None) => format!("{} only", my_possessive(d)),
            (None, Some(_)) => format!("{} only", possessive(partner)),
        };
        let items: usize = [&board.mine, &board.partner]
            .into_iter()
            .flatten()
            .map(|v| v.items.len())
            .sum();
        let mut summary = format!("{sides}: {}", plural(items, "item", "items"));
        if !board.shared.is_empty() {
            summary.push_str(&format!(", {} shared", board.shared.len()));
        }
        Holds::Shows {
            count: Some(u32::from(board.mine.is_some()) + u32::from(board.partner.is_some())),
            summary,
            left_out: Vec::new(),
        }
    }

    fn build(&self, ctx: &Ctx<'_>, emit: &mut dyn FnMut(Vec<Block>), tick: &mut dyn FnMut()) {
        let d = ctx.data;
        let board = &d.swot;
        let f = ctx.fonts;
        let partner = &d.partnership.partner_name;
        let mut blocks = section_title(self.title());
        let shared_note = if board.shared.is_empty() {
            String::new()
        } else {
            " \u{25CF} shared marks an item you both noted (in the same or nearly the same \
             words, or linked by hand); shared items sit on the same row."
                .to_owned()
        };
        blocks.push(Block::Text(
            TextBlock::new(vec![Run::new(
                format!(
                    "Strengths, weaknesses, opportunities and threats, as each of you sees your \
                     own. Left: {} latest snapshot; right: {}, as {partner} shared it.{shared_note}",
                    mine_mid_sentence(d),
                    possessive(partner)
                ),
                muted(9.0),
            )])
            .spacing(0.0, 10.0),
        ));
        blocks.push(headers(ctx));
        emit(blocks);

        let shared: HashMap<Uuid, Uuid> =
            board.shared.iter().map(|p| (p.mine, p.partner)).collect();
        let shared_ids: HashSet<Uuid> = board
            .shared
            .iter()
            .flat_map(|p| [p.mine, p.partner])
            .collect();
        for q in QUADRANTS {
            let mut blocks = vec![
                quadrant_band(f, q),
                Block::Continued(Some(continued_band(ctx, q))),
            ];
            let rows = rows(board.mine.as_ref(), board.partner.as_ref(), q, &shared);
            if rows.is_empty() {
                blocks.push(note("Nothing noted here on either side."));
            }
            for (mine, theirs) in rows {
                blocks.push(row(f, q, mine, theirs, &shared_ids));
            }
            blocks.push(Block::Continued(None));
            blocks.push(Block::Gap(10.0));
            emit(blocks);
        }
        emit(changes(d));
        tick();
    }
}

/// The two column headings: whose, and which snapshot.
fn headers(ctx: &Ctx<'_>) -> Block {
    let d = ctx.data;
    let f = ctx.fonts;
    let cw = column_width();
    let board = &d.swot;
    let mut items = Vec::new();
    let mut height: f32 = 0.0;
    let partner = d.partnership.partner_name.clone();
    let sides = [
        (
            my_name(d),
            board.mine.as_ref(),
            Some(if d.partnership.my_name.trim().is_empty() {
                "as you noted it".to_owned()
            } else {
                format!("as {} noted it", my_name(d))
            }),
        ),
        (
            partner.clone(),
            board.partner.as_ref(),
            Some(format!("as {partner} shared it")),
        ),
    ];
    for (i, (name, view, as_shared)) in sides.into_iter().enumerate() {
        let x = i as f32 * (cw + GUTTER);
        let mut runs = vec![Run::new(name, Style::new(Face::Bold, 11.0, palette::INK))];
        if let Some(s) = as_shared {
            runs.push(Run::new(
                format!("\n{s}"),
                Style::new(Face::Italic, 8.0, palette::INK),
            ));
        }
        let when = match view {
            Some(v) => {
                let mut t = format!("Snapshot of {}", long_date(v.snapshot.taken_on));
                if !v.snapshot.reason.trim().is_empty() {
                    t.push_str(&format!(": {}", v.snapshot.reason.trim()));
                }
                t
            }
            None => "No SWOT noted yet.".to_owned(),
        };
        runs.push(Run::new(format!("\n{when}"), muted(7.5)));
        let (t, h) = text_box(f, &TextBlock::new(runs).leading(1.3), x, 0.0, cw);
        items.extend(t);
        height = height.max(h);
    }
    for i in 0..2 {
        items.push(Item::Rect {
            x: i as f32 * (cw + GUTTER),
            y: height + 3.0,
            width: cw,
            height: 1.2,
            color: palette::TEAL,
        });
    }
    Block::Drawing {
        height: height + 10.0,
        items,
        keep_with_next: true,
    }
}

/// A full-width band in the quadrant's colour with its name, kept with its first row.
fn quadrant_band(f: &Fonts, q: Quadrant) -> Block {
    let (name, color, _) = quadrant_look(q);
    let w = BODY.width();
    let mut items = vec![Item::Rect {
        x: 0.0,
        y: 0.0,
        width: w,
        height: 17.0,
        color,
    }];
    let style = Style::new(Face::Bold, 8.5, palette::WHITE);
    items.extend(text_line(f, &name.to_uppercase(), style, 8.0, 11.8, w - 16.0).0);
    Block::Drawing {
        height: 21.0,
        items,
        keep_with_next: true,
    }
}

/// What heads a page a quadrant's rows run onto: the two names, then the quadrant's band
/// marked "continued". Returns its height and items.
fn continued_band(ctx: &Ctx<'_>, q: Quadrant) -> (f32, Vec<Item>) {
    let f = ctx.fonts;
    let d = ctx.data;
    let (name, color, _) = quadrant_look(q);
    let cw = column_width();
    let names = [
        my_name(d),
        format!("{}, as shared", d.partnership.partner_name),
    ];
    let mut items = Vec::new();
    for (i, n) in names.iter().enumerate() {
        let x = i as f32 * (cw + GUTTER);
        let style = Style::new(Face::Bold, 8.5, palette::INK);
        items.extend(text_line(f, n, style, x, 9.0, cw).0);
        items.push(Item::Rect {
            x,
            y: 13.0,
            width: cw,
            height: 0.8,
            color: palette::TEAL,
        });
    }
    items.push(Item::Rect {
        x: 0.0,
        y: 18.0,
        width: BODY.width(),
        height: 17.0,
        color,
    });
    let style = Style::new(Face::Bold, 8.5, palette::WHITE);
    let text = format!("{} (CONTINUED)", name.to_uppercase());
    items.extend(text_line(f, &text, style, 8.0, 29.8, BODY.width() - 16.0).0);
    (39.0, items)
}

/// A quadrant's rows: first the pairs both sides share (in my order), then the other
/// items of each side in their order, side by side.
fn rows<'a>(
    mine: Option<&'a SwotView>,
    partner: Option<&'a SwotView>,
    q: Quadrant,
    shared: &HashMap<Uuid, Uuid>,
) -> Vec<(Option<&'a SwotItem>, Option<&'a SwotItem>)> {
    let of = |v: Option<&'a SwotView>| -> Vec<&'a SwotItem> {
        v.map(|v| v.items.iter().filter(|i| i.quadrant == q).collect())
            .unwrap_or_default()
    };
    let (mine, partner) = (of(mine), of(partner));
    let mut rows = Vec::new();
    let mut paired: HashSet<Uuid> = HashSet::new();
    for m in &mine {
        if let Some(p) = shared.get(&m.id).and_then(|pid| {
            partner
                .iter()
                .find(|p| p.id == *pid && !paired.contains(&p.id))
        }) {
            paired.insert(m.id);
            paired.insert(p.id);
            rows.push((Some(*m), Some(*p)));
        }
    }
    let rest_mine: Vec<_> = mine.iter().filter(|i| !paired.contains(&i.id)).collect();
    let rest_partner: Vec<_> = partner.iter().filter(|i| !paired.contains(&i.id)).collect();
    for i in 0..rest_mine.len().max(rest_partner.len()) {
        rows.push((
            rest_mine.get(i).map(|i| **i),
            rest_partner.get(i).map(|i| **i),
        ));
    }
    rows
}

fn item_text(item: &SwotItem) -> String {
    let text = item.text.trim();
    if text.chars().count() > MAX_ITEM_CHARS {
        let cut: String = text.chars().take(MAX_ITEM_CHARS).collect();
        format!("{cut}\u{2026}")
    } else {
        text.to_owned()
    }
}

/// One row of a quadrant: a cell per side (tinted, with the quadrant's colour at its left
/// edge), both as tall as the taller one. A row is never split across pages.
fn row(
    f: &Fonts,
    q: Quadrant,
    mine: Option<&SwotItem>,
    theirs: Option<&SwotItem>,
    shared: &HashSet<Uuid>,
) -> Block {
    let (_, color, tint) = quadrant_look(q);
    let cw = column_width();
    let inner = cw - BAR - 2.0 * CELL_PAD;
    let mut cells = Vec::new();
    let mut height: f32 = 0.0;
    for (i, item) in [mine, theirs].into_iter().enumerate() {
        let Some(item) = item else { continue };
        let x = i as f32 * (cw + GUTTER);
        let mut runs = vec![Run::new(
            item_text(item),
            Style::new(Face::Regular, 9.0, palette::INK),
        )];
        // Tags on a line of their own, so that "● shared" never breaks apart.
        let mut tags = Vec::new();
        if shared.contains(&item.id) {
            tags.push(Run::new(
                "\u{25CF} shared",
                Style::new(Face::Bold, 7.0, color),
            ));
        }
        if let Some(p) = item.priority {
            let word = match p {
                Priority::High => "high priority",
                Priority::Medium => "medium priority",
                Priority::Low => "low priority",
            };
            let sep = if tags.is_empty() { "" } else { "  \u{00B7}  " };
            tags.push(Run::new(format!("{sep}{word}"), muted(7.0)));
        }
        if let Some(first) = tags.first_mut() {
            first.text.insert(0, '\n');
        }
        runs.extend(tags);
        let block = TextBlock::new(runs).leading(1.3);
        let (items, h) = text_box(f, &block, x + BAR + CELL_PAD, CELL_PAD - 1.0, inner);
        height = height.max(h + 2.0 * CELL_PAD - 2.0);
        cells.push((x, items));
    }
    let mut items = Vec::new();
    for (x, text) in cells {
        items.push(Item::Rect {
            x,
            y: 0.0,
            width: cw,
            height,
            color: tint,
        });
        items.push(Item::Rect {
            x,
            y: 0.0,
            width: BAR,
            height,
            color,
        });
        items.extend(text);
    }
    Block::Drawing {
        height: height + 3.0,
        items,
        keep_with_next: false,
    }
}

/// What changed in each side since its first snapshot.
fn changes(d: &ReportData) -> Vec<Block> {
    let mut blocks = vec![
        Block::Gap(6.0),
        subheading("What changed since the first snapshot"),
    ];
    for (side, view) in [(Side::Mine, &d.swot.mine), (Side::Partner, &d.swot.partner)] {
        let Some(view) = view else { continue };
        let name = side_name(d, side);
        match d.swot_changes.iter().find(|(s, _)| *s == side) {
            Some((_, c)) => blocks.extend(comparison(&name, c)),
            None => blocks.push(Block::Text(
                TextBlock::new(vec![
                    Run::new(
                        format!("{name}: "),
                        Style::new(Face::Bold, 9.5, palette::INK),
                    ),
                    Run::new(
                        format!(
                            "one snapshot so far ({}), so nothing to compare yet.",
                            long_date(view.snapshot.taken_on)
                        ),
                        Style::new(Face::Italic, 9.5, palette::MUTED),
                    ),
                ])
                .spacing(6.0, 6.0),
            )),
        }
    }
    blocks
}

fn comparison(name: &str, c: &SwotComparison) -> Vec<Block> {
    let mut blocks = vec![Block::Text(
        TextBlock::new(vec![Run::new(
            name.to_owned(),
            Style::new(Face::Bold, 10.0, palette::INK),
        )])
        .spacing(8.0, 1.0)
        .leading(1.3)
        .keep(),
    )];
    let mut counts = vec![
        format!("{} added", c.added.len()),
        format!("{} removed", c.removed.len()),
    ];
    if !c.moved.is_empty() {
        counts.push(format!("{} moved", c.moved.len()));
    }
    counts.push(format!("{} kept", c.kept.len()));
    blocks.push(Block::Text(
        TextBlock::new(vec![Run::new(
            format!(
                "From {} to {}: {}.",
                long_date(c.before.taken_on),
                long_date(c.after.taken_on),
                counts.join(", ")
            ),
            muted(8.5),
        )])
        .spacing(0.0, 4.0)
        .keep(),
    ));
    let entry = |marker: &str, q: Quadrant, text: &str, detail: String, faded: bool| {
        let (_, color, _) = quadrant_look(q);
        let ink = if faded { palette::MUTED } else { palette::INK };
        let mut b = TextBlock::new(vec![
            Run::new(text.to_owned(), Style::new(Face::Regular, 9.5, ink)),
            Run::new(format!("  \u{00B7} {detail}"), muted(7.5)),
        ])
        .leading(1.35)
        .spacing(0.0, 2.0);
        b.indent = 16.0;
        b.marker = Some(Run::new(marker, Style::new(Face::Bold, 10.0, color)));
        Block::Text(b)
    };
    let q_name = |q: Quadrant| quadrant_look(q).0.to_lowercase();
    for i in &c.added {
        blocks.push(entry(
            "+",
            i.quadrant,
            &item_text(i),
            format!("new in {}", q_name(i.quadrant)),
            false,
        ));
    }
    for m in &c.moved {
        blocks.push(entry(
            "\u{2192}",
            m.after.quadrant,
            &item_text(&m.after),
            format!(
                "moved from {} to {}",
                q_name(m.before.quadrant),
                q_name(m.after.quadrant)
            ),
            false,
        ));
    }
    for i in &c.removed {
        blocks.push(entry(
            "\u{2212}",
            i.quadrant,
            &item_text(i),
            format!("no longer in {}", q_name(i.quadrant)),
            true,
        ));
    }
    if !c.kept.is_empty() {
        let kept: Vec<String> = c.kept.iter().map(item_text).collect();
        blocks.push(Block::Text(
            TextBlock::new(vec![
                Run::new(
                    format!("Kept ({}): ", plural(kept.len(), "item", "items")),
                    Style::new(Face::Bold, 8.5, palette::MUTED),
                ),
                Run::new(kept.join(" \u{00B7} "), muted(8.5)),
            ])
            .spacing(3.0, 6.0),
        ));
    }
    blocks
}
