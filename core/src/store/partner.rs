//! The partner's shared content placed beside my records (read-only; the content itself is
//! read by `exchange.rs` from the `partner_*` tables): their sessions, each linked to my
//! session held the same day; their goals, each linked to my goal of (nearly) the same
//! title by the wording rule SWOT items pair with (`crate::swot::near_same`); and what their
//! bundle means for my open items (what they asked of me, which of mine they say they did).
//! The partner's SWOT on the board is `swot/shared.rs`.

use std::collections::{HashMap, HashSet};

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::Connection;
use uuid::Uuid;

use super::exchange::received;
use super::swot::ensure_live_partnership;
use super::{Store, parse_col, parse_uuid};
use crate::error::Result;
use crate::model::{
    AskedOfMe, Owner, PartnerGoal, PartnerGoals, PartnerOpenItems, PartnerSession, PartnerSessions,
};
use crate::swot;
use crate::time::parse_datetime;

/// My live sessions of a partnership: (id, when held), in order.
fn my_sessions(conn: &Connection, partnership_id: Uuid) -> Result<Vec<(Uuid, NaiveDateTime)>> {
    Ok(conn
        .prepare_cached(
            "SELECT id, held_at FROM session WHERE partnership_id = ?1 AND deleted_at IS NULL \
             ORDER BY held_at, id",
        )?
        .query_map([partnership_id.to_string()], |r| {
            Ok((
                parse_col(r, 0, parse_uuid)?,
                parse_col(r, 1, parse_datetime)?,
            ))
        })?
        .collect::<rusqlite::Result<_>>()?)
}

/// The session of `mine` held on the same day as `held_at`: the nearest in time, the
/// earlier of two as near.
fn same_day(mine: &[(Uuid, NaiveDateTime)], held_at: NaiveDateTime) -> Option<Uuid> {
    mine.iter()
        .filter(|(_, at)| at.date() == held_at.date())
        .min_by_key(|(_, at)| ((*at - held_at).num_seconds().abs(), *at))
        .map(|(id, _)| *id)
}

/// My live goals of a partnership: (id, title), oldest first.
fn my_goals(conn: &Connection, partnership_id: Uuid) -> Result<Vec<(Uuid, String)>> {
    Ok(conn
        .prepare_cached(
            "SELECT id, title FROM goal WHERE partnership_id = ?1 AND deleted_at IS NULL \
             ORDER BY created_at, id",
        )?
        .query_map([partnership_id.to_string()], |r| {
            Ok((parse_col(r, 0, parse_uuid)?, r.get(1)?))
        })?
        .collect::<rusqlite::Result<_>>()?)
}

/// Links each of `theirs` (titles) to at most one of `mine` whose title is the same or
/// nearly the same, each of mine used once, the closest titles first (ties in order).
fn link_titles(theirs: &[&str], mine: &[(Uuid, String)]) -> Vec<Option<Uuid>> {
    let mut candidates: Vec<(f64, usize, usize)> = Vec::new();
    for (i, t) in theirs.iter().enumerate() {
        for (j, (_, m)) in mine.iter().enumerate() {
            if swot::near_same(t, m) {
                candidates.push((swot::similarity(t, m), i, j));
            }
        }
    }
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut linked = vec![None; theirs.len()];
    let mut used: HashSet<usize> = HashSet::new();
    for (_, i, j) in candidates {
        if linked[i].is_none() && !used.contains(&j) {
            linked[i] = Some(mine[j].0);
            used.insert(j);
        }
    }
    linked
}

impl Store {
    /// The partner's shared sessions of a partnership (oldest first), each with my live
    /// session held the same day, if any; `None` when nothing was received.
    pub fn partner_sessions(&self, partnership_id: Uuid) -> Result<Option<PartnerSessions>> {
        ensure_live_partnership(&self.conn, partnership_id)?;
        let Some((by, payload)) = received(&self.conn, partnership_id)? else {
            return Ok(None);
        };
        let mine = my_sessions(&self.conn, partnership_id)?;
        let sessions = payload
            .sessions
            .into_iter()
            .map(|session| PartnerSession {
                linked_session_id: same_day(&mine, session.held_at),
                session,
            })
            .collect();
        Ok(Some(PartnerSessions { by, sessions }))
    }

    /// The partner's shared goals of a partnership with where each stands, each linked to my
    /// live goal of the same or nearly the same title, if any; `None` when nothing was
    /// received.
    pub fn partner_goals(&self, partnership_id: Uuid) -> Result<Option<PartnerGoals>> {
        ensure_live_partnership(&self.conn, partnership_id)?;
        let Some((by, payload)) = received(&self.conn, partnership_id)? else {
            return Ok(None);
        };
        let mine = my_goals(&self.conn, partnership_id)?;
        let titles: Vec<&str> = payload.goals.iter().map(|g| g.title.as_str()).collect();
        let links = link_titles(&titles, &mine);
        let goals = payload
            .goals
            .into_iter()
            .zip(links)
            .map(|(goal, linked_goal_id)| PartnerGoal {
                // Oldest first: the latest by date is the last.
                progress: goal.progress.last().map(|p| p.value),
                milestones_done: u32::try_from(goal.milestones.iter().filter(|m| m.done).count())
                    .unwrap_or(u32::MAX),
                milestones_total: u32::try_from(goal.milestones.len()).unwrap_or(u32::MAX),
                linked_goal_id,
                goal,
            })
            .collect();
        Ok(Some(PartnerGoals { by, goals }))
    }

    /// What the partner's last bundle means for my open items on `today`: their items asked
    /// of me that neither of us marked done, and my open items they say they did; `None`
    /// when nothing was received.
    pub fn partner_open_items(
        &self,
        partnership_id: Uuid,
        today: NaiveDate,
    ) -> Result<Option<PartnerOpenItems>> {
        ensure_live_partnership(&self.conn, partnership_id)?;
        let Some((by, payload)) = received(&self.conn, partnership_id)? else {
            return Ok(None);
        };
        let ticked: HashSet<Uuid> = self
            .conn
            .prepare_cached("SELECT action_item_id FROM partner_item_done WHERE link_id = ?1")?
            .query_map([&by.link_id], |r| parse_col(r, 0, parse_uuid))?
            .collect::<rusqlite::Result<_>>()?;
        let mut asked: Vec<(u32, AskedOfMe)> = payload
            .sessions
            .iter()
            .flat_map(|s| {
                s.action_items
                    .iter()
                    .filter(|a| matches!(a.owner, Owner::Me | Owner::Both) && !a.done)
                    .filter(|a| !ticked.contains(&a.id))
                    .map(move |a| {
                        (
                            a.position,
                            AskedOfMe {
                                session_id: s.id,
                                session_title: s.title.clone(),
                                session_held_at: s.held_at,
                                action_item_id: a.id,
                                text: a.text.clone(),
                                owner: a.owner,
                                due_on: a.due_on,
                                done: false,
                            },
                        )
                    })
            })
            .collect();
        asked.sort_by(|(pa, a), (pb, b)| {
            (
                a.due_on.is_none(),
                a.due_on,
                a.session_held_at,
                a.session_id,
                *pa,
            )
                .cmp(&(
                    b.due_on.is_none(),
                    b.due_on,
                    b.session_held_at,
                    b.session_id,
                    *pb,
                ))
        });
        let acknowledged: HashMap<Uuid, Uuid> = payload
            .acknowledgements
            .iter()
            .map(|a| (a.action_item_id, a.session_id))
            .collect();
        let says_done = self
            .open_action_items(partnership_id, today)?
            .into_iter()
            .filter(|v| acknowledged.get(&v.item.id) == Some(&v.item.session_id))
            .collect();
        Ok(Some(PartnerOpenItems {
            by,
            asked_of_me: asked.into_iter().map(|(_, a)| a).collect(),
            says_done,
        }))
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    #[test]
    fn a_session_links_to_mine_of_the_same_day_the_nearest_in_time() {
        let (a, b, c) = (Uuid::from_u128(1), Uuid::from_u128(2), Uuid::from_u128(3));
        let mine = [
            (a, at("2026-03-02 09:00")),
            (b, at("2026-03-02 16:00")),
            (c, at("2026-03-03 10:00")),
        ];
        assert_eq!(same_day(&mine, at("2026-03-02 15:00")), Some(b));
        assert_eq!(same_day(&mine, at("2026-03-02 08:00")), Some(a));
        // As near to both: the earlier.
        assert_eq!(same_day(&mine, at("2026-03-02 12:30")), Some(a));
        assert_eq!(same_day(&mine, at("2026-03-04 10:00")), None);
    }

    #[test]
    fn titles_link_one_to_one_the_closest_first() {
        let (a, b) = (Uuid::from_u128(1), Uuid::from_u128(2));
        let mine = vec![
            (a, "Learn prompt writing".to_owned()),
            (b, "Public speaking".to_owned()),
        ];
        let linked = link_titles(
            &[
                "Public Speaking!",
                "learn prompt-writing",
                "Public speaking",
                "Gardening",
            ],
            &mine,
        );
        // "Public Speaking!" and "Public speaking" are both the same as b once normalised:
        // the first in order wins it; the other stays unlinked.
        assert_eq!(linked, vec![Some(b), Some(a), None, None]);
    }
}
