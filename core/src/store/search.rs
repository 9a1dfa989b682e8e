//! Full-text search over the FTS5 index (`search_doc` + `search_fts`, migration step 3):
//! sessions, action items, goals, milestones and SWOT items, across partnerships, mine and
//! (migration step 8) those the partner shared with me, found as theirs (`from_partner`).
//!
//! The index is kept in step by triggers; a thing in the trash has no index row, but the
//! children of a trashed parent still do, so the query hides them by their parents'
//! `deleted_at`. The user's text never reaches FTS5 as syntax: each word becomes a quoted
//! string (the last one a prefix), so nothing typed can be an operator or an error.

use rusqlite::{OptionalExtension, params};
use uuid::Uuid;

use super::{Store, parse_col, parse_enum, parse_uuid};
use crate::error::Result;
use crate::model::{ItemKind, SearchHit, TextSpan};
use crate::time::parse_date;

/// Marks where a hit starts and ends in a snippet (private-use characters).
const HIT_START: char = '\u{E000}';
const HIT_END: char = '\u{E001}';
/// Tokens a snippet holds around its first match.
const SNIPPET_TOKENS: u32 = 14;
/// Words of a query that are used; more say nothing the first ones did not.
const MAX_TERMS: usize = 16;
/// Characters of one query word that are used.
const MAX_TERM_CHARS: usize = 64;

/// At most this many matches are ranked: when a word is in more documents than this, the
/// most recently written ones are ranked (bm25 must read every ranked document's
/// positions, which costs ~2 µs each; ranking 10,000 would take ~20 ms).
const RANKED: u32 = 1000;

/// A title hit weighs this much more than a body hit (FTS5 `bm25` column weights).
const RANK: &str = "bm25(10.0, 1.0)";

/// The FTS5 query for what the user typed: every word a quoted string (quotes doubled),
/// the last a prefix, all required. `None` when nothing searchable is left (empty input,
/// only punctuation or symbols).
pub(crate) fn fts_query(text: &str) -> Option<String> {
    let terms: Vec<String> = text
        .split_whitespace()
        .filter(|t| t.chars().any(char::is_alphanumeric))
        .take(MAX_TERMS)
        .map(|t| {
            let t: String = t.chars().take(MAX_TERM_CHARS).collect();
            format!("\"{}\"", t.replace('"', "\"\""))
        })
        .collect();
    if terms.is_empty() {
        return None;
    }
    Some(terms.join(" ") + "*")
}

/// A snippet with hit markers as text pieces, Markdown markers and line breaks removed.
fn spans(snippet: &str) -> Vec<TextSpan> {
    let mut out: Vec<TextSpan> = Vec::new();
    let mut hit = false;
    for (i, piece) in snippet.split([HIT_START, HIT_END]).enumerate() {
        if i > 0 {
            // Each marker toggles; a stray marker from the user's own text cannot nest.
            hit = !hit;
        }
        let text = if hit {
            flatten(piece, false)
        } else {
            flatten(piece, true)
        };
        if text.is_empty() {
            continue;
        }
        match out.last_mut() {
            Some(last) if last.hit == hit => last.text.push_str(&text),
            _ => out.push(TextSpan { text, hit }),
        }
    }
    if let Some(first) = out.first_mut() {
        first.text = first.text.trim_start().to_owned();
    }
    if let Some(last) = out.last_mut() {
        last.text = last.text.trim_end().to_owned();
    }
    out.retain(|s| !s.text.is_empty());
    out
}

/// One line of text: whitespace runs become one space (kept at either end, so pieces
/// join as words); outside hits, the Markdown markers a list would not show (`**`, `__`,
/// backticks, heading and quote marks) go.
fn flatten(text: &str, strip_markdown: bool) -> String {
    let text = if strip_markdown {
        text.replace("**", "").replace("__", "").replace('`', "")
    } else {
        text.to_owned()
    };
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for (i, word) in text.split(char::is_whitespace).enumerate() {
        if i > 0 {
            space = true;
        }
        let marker = strip_markdown && word.chars().all(|c| c == '#' || c == '>');
        if word.is_empty() || marker {
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.push_str(word);
    }
    if space {
        out.push(' ');
    }
    out
}

impl Store {
    /// Everything whose text matches `query` (every word, the last as a prefix; case and
    /// accents ignored), best first (title matches weigh more), at most `limit`; for a word
    /// found in more than a thousand places, the best of the thousand most recently
    /// written. Things in the trash, and things whose session, goal, snapshot or
    /// partnership is in the trash, are not found. Any text is a valid query; one with nothing searchable finds nothing.
    pub fn search(&self, query: &str, limit: u32) -> Result<Vec<SearchHit>> {
        let Some(fts) = fts_query(query) else {
            return Ok(Vec::new());
        };
        if limit == 0 {
            return Ok(Vec::new());
        }
        // A word in very many documents: rank only the newest `RANKED` of them (docids
        // grow as things are written), found cheaply in docid order.
        let cutoff: i64 = self
            .conn
            .prepare_cached(
                "SELECT rowid FROM search_fts WHERE search_fts MATCH ?1 \
                 ORDER BY rowid DESC LIMIT 1 OFFSET ?2",
            )?
            .query_row(params![fts, RANKED.max(limit) - 1], |r| r.get(0))
            .optional()?
            .unwrap_or(i64::MIN);
        // FTS5 yields rows already ordered by `rank` (no sort here), so the joins and the
        // snippet run only for the rows returned.
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT d.kind, d.ref_id, d.parent_id, d.partnership_id, p.partner_name, \
                    snippet(search_fts, -1, char({start}), char({end}), '…', {SNIPPET_TOKENS}), \
                    CASE d.kind WHEN 'session' THEN coalesce(s.title, ps.title) \
                        WHEN 'action_item' THEN coalesce(s.title, ps.title) \
                        WHEN 'goal' THEN coalesce(g.title, pg.title) \
                        WHEN 'milestone' THEN coalesce(g.title, pg.title) \
                        WHEN 'swot_item' THEN coalesce(si.text, psi.text) END, \
                    CASE d.kind WHEN 'session' THEN substr(coalesce(s.held_at, ps.held_at), 1, 10) \
                        WHEN 'action_item' THEN coalesce(a.due_on, pa.due_on) \
                        WHEN 'goal' THEN coalesce(g.target_on, pg.target_on) \
                        WHEN 'milestone' THEN coalesce(m.due_on, pm.due_on) \
                        WHEN 'swot_item' THEN coalesce(ss.taken_on, pss.taken_on) END, \
                    d.link_id \
             FROM search_fts \
             JOIN search_doc d ON d.docid = search_fts.rowid \
             JOIN partnership p ON p.id = d.partnership_id \
             LEFT JOIN session s ON d.link_id IS NULL AND s.id = CASE d.kind \
                 WHEN 'session' THEN d.ref_id WHEN 'action_item' THEN d.parent_id END \
             LEFT JOIN action_item a ON d.link_id IS NULL AND d.kind = 'action_item' \
                 AND a.id = d.ref_id \
             LEFT JOIN goal g ON d.link_id IS NULL AND g.id = CASE d.kind \
                 WHEN 'goal' THEN d.ref_id WHEN 'milestone' THEN d.parent_id END \
             LEFT JOIN milestone m ON d.link_id IS NULL AND d.kind = 'milestone' AND m.id = d.ref_id \
             LEFT JOIN swot_snapshot ss ON d.link_id IS NULL AND d.kind = 'swot_item' \
                 AND ss.id = d.parent_id \
             LEFT JOIN swot_item si ON d.link_id IS NULL AND d.kind = 'swot_item' AND si.id = d.ref_id \
             LEFT JOIN partner_session ps ON ps.link_id = d.link_id AND ps.id = CASE d.kind \
                 WHEN 'session' THEN substr(d.ref_id, length(d.link_id) + 2) \
                 WHEN 'action_item' THEN d.parent_id END \
             LEFT JOIN partner_action_item pa ON d.kind = 'action_item' AND pa.link_id = d.link_id \
                 AND pa.id = substr(d.ref_id, length(d.link_id) + 2) \
             LEFT JOIN partner_goal pg ON pg.link_id = d.link_id AND pg.id = CASE d.kind \
                 WHEN 'goal' THEN substr(d.ref_id, length(d.link_id) + 2) \
                 WHEN 'milestone' THEN d.parent_id END \
             LEFT JOIN partner_milestone pm ON d.kind = 'milestone' AND pm.link_id = d.link_id \
                 AND pm.id = substr(d.ref_id, length(d.link_id) + 2) \
             LEFT JOIN partner_swot_snapshot pss ON d.kind = 'swot_item' \
                 AND pss.link_id = d.link_id AND pss.id = d.parent_id \
             LEFT JOIN partner_swot_item psi ON d.kind = 'swot_item' AND psi.link_id = d.link_id \
                 AND psi.id = substr(d.ref_id, length(d.link_id) + 2) \
             WHERE search_fts MATCH ?1 AND search_fts.rowid >= ?3 AND rank MATCH '{RANK}' \
               AND p.deleted_at IS NULL AND s.deleted_at IS NULL \
               AND g.deleted_at IS NULL AND ss.deleted_at IS NULL \
             ORDER BY rank LIMIT ?2",
            start = HIT_START as u32,
            end = HIT_END as u32,
        ))?;
        let rows = stmt
            .query_map(params![fts, limit, cutoff], |r| {
                let kind: ItemKind = parse_col(r, 0, parse_enum)?;
                let link: Option<String> = r.get(8)?;
                // The partner's records are indexed as "link/id".
                let id: Uuid = match &link {
                    Some(link) => parse_col(r, 1, |s| {
                        s.strip_prefix(link.as_str())?
                            .strip_prefix('/')
                            .and_then(parse_uuid)
                    })?,
                    None => parse_col(r, 1, parse_uuid)?,
                };
                let parent: Option<String> = r.get(2)?;
                let open_kind = match kind {
                    ItemKind::ActionItem => ItemKind::Session,
                    ItemKind::Milestone => ItemKind::Goal,
                    ItemKind::SwotItem => ItemKind::SwotSnapshot,
                    other => other,
                };
                let open_id = match parent {
                    Some(_) if open_kind != kind => parse_col(r, 2, parse_uuid)?,
                    _ => id,
                };
                let snippet: String = r.get(5)?;
                let title: Option<String> = r.get(6)?;
                let date: Option<String> = r.get(7)?;
                Ok(SearchHit {
                    kind,
                    id,
                    open_kind,
                    open_id,
                    partnership_id: parse_col(r, 3, parse_uuid)?,
                    partner_name: r.get(4)?,
                    from_partner: link.is_some(),
                    title: title.unwrap_or_default(),
                    snippet: spans(&snippet),
                    date: date.as_deref().and_then(parse_date),
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_quote_every_word_and_prefix_the_last() {
        assert_eq!(
            fts_query("prompt pat").as_deref(),
            Some("\"prompt\" \"pat\"*")
        );
        assert_eq!(fts_query("  a\"b  ").as_deref(), Some("\"a\"\"b\"*"));
        assert_eq!(fts_query("NEAR( x").as_deref(), Some("\"NEAR(\" \"x\"*"));
        assert_eq!(fts_query(""), None);
        assert_eq!(fts_query(" \t\n"), None);
        assert_eq!(fts_query("* \" ( ☕"), None);
        let many = "w ".repeat(1000);
        assert_eq!(
            fts_query(&many).map(|q| q.matches('w').count()),
            Some(MAX_TERMS)
        );
    }

    #[test]
    fn snippets_become_spans() {
        let s =
            format!("…the **{HIT_START}prompt{HIT_END}** and\n\n## {HIT_START}pat{HIT_END}terns…");
        assert_eq!(
            spans(&s),
            vec![
                TextSpan {
                    text: "…the ".into(),
                    hit: false
                },
                TextSpan {
                    text: "prompt".into(),
                    hit: true
                },
                TextSpan {
                    text: " and ".into(),
                    hit: false
                },
                TextSpan {
                    text: "pat".into(),
                    hit: true
                },
                TextSpan {
                    text: "terns…".into(),
                    hit: false
                },
            ]
        );
        assert_eq!(spans(""), vec![]);
        assert_eq!(
            spans(&format!("{HIT_START}x{HIT_END}")),
            vec![TextSpan {
                text: "x".into(),
                hit: true
            }]
        );
    }
}
