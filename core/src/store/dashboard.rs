//! A partnership's dashboard: where it stands at a glance. Read-only; the open action
//! items and the goals come from their own modules' queries.

use chrono::{Datelike, Days, Months, NaiveDate, NaiveDateTime};
use rusqlite::params;
use uuid::Uuid;

use super::{Store, parse_opt, partnerships};
use crate::error::{Error, Result};
use crate::model::{
    DASHBOARD_ACTIONS, Dashboard, FirstScreen, GoalStatus, JournalInfo, MonthCount,
};
use crate::time::{date_text, parse_datetime};

/// Months the sessions-per-month chart covers, the current one included.
const MONTHS: u32 = 12;

impl Store {
    /// The first screen of a window on this journal (the journal itself is described by
    /// `journal`): the partnerships, and the dashboard of the first one on `today`.
    pub fn first_screen(&self, journal: JournalInfo, today: NaiveDate) -> Result<FirstScreen> {
        let partnerships = self.list_partnerships()?;
        let dashboard = match partnerships.first() {
            Some(first) => Some(self.dashboard(first.partnership.id, today)?),
            None => None,
        };
        Ok(FirstScreen {
            journal,
            partnerships,
            dashboard,
        })
    }

    /// Where a live partnership stands on `today`: its live sessions (count, minutes,
    /// the last one), when the next is due by the agreed cadence and whether it has
    /// stalled, its open action items, its goals that are not dropped, and its sessions
    /// per month over the last twelve months.
    pub fn dashboard(&self, partnership_id: Uuid, today: NaiveDate) -> Result<Dashboard> {
        let p = partnerships::find(&self.conn, partnership_id)?
            .filter(|p| p.deleted_at.is_none())
            .ok_or_else(|| Error::NotFound {
                what: "partnership",
                id: partnership_id.to_string(),
            })?;
        let id = partnership_id.to_string();

        let (session_count, minutes, last): (u32, i64, Option<NaiveDateTime>) = self
            .conn
            .prepare_cached(
                "SELECT count(*), coalesce(sum(duration_minutes), 0), max(held_at) \
                     FROM session WHERE partnership_id = ?1 AND deleted_at IS NULL",
            )?
            .query_row([&id], |r| {
                Ok((r.get(0)?, r.get(1)?, parse_opt(r, 2, parse_datetime)?))
            })?;

        // The chart: `MONTHS` calendar months ending with today's, zeros included.
        let this_month = today.with_day(1).unwrap_or(today);
        let first_month = this_month
            .checked_sub_months(Months::new(MONTHS - 1))
            .unwrap_or(NaiveDate::MIN);
        let mut sessions_per_month: Vec<MonthCount> = (0..MONTHS)
            .filter_map(|i| first_month.checked_add_months(Months::new(i)))
            .map(|m| MonthCount {
                month: m.format("%Y-%m").to_string(),
                sessions: 0,
            })
            .collect();
        let end = this_month
            .checked_add_months(Months::new(1))
            .map(|d| date_text(&d));
        let mut stmt = self.conn.prepare_cached(
            "SELECT substr(held_at, 1, 7), count(*) FROM session \
             WHERE partnership_id = ?1 AND deleted_at IS NULL \
               AND held_at >= ?2 AND (?3 IS NULL OR held_at < ?3) \
             GROUP BY 1",
        )?;
        let counts = stmt.query_map(params![id, date_text(&first_month), end], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, u32>(1)?))
        })?;
        for row in counts {
            let (month, n) = row?;
            if let Some(bucket) = sessions_per_month.iter_mut().find(|b| b.month == month) {
                bucket.sessions = n;
            }
        }

        // Cadence: counted from the last session's day, or from the start without one.
        let ended = p.ended_on.is_some_and(|end| end <= today);
        let since = last.map_or(p.started_on, |t| t.date());
        let days_since_last = u32::try_from((today - since).num_days().max(0)).ok();
        let cadence = p.agreement.cadence_days.filter(|&c| c > 0);
        let next_due_on = match cadence {
            Some(c) if !ended => since.checked_add_days(Days::new(u64::from(c))),
            _ => None,
        };
        let stalled = match (cadence, days_since_last) {
            (Some(c), Some(days)) if !ended => u64::from(days) >= 2 * u64::from(c),
            _ => false,
        };

        let goals = self
            .goals_as_of(partnership_id, Some(today))?
            .into_iter()
            .filter(|g| g.goal.status != GoalStatus::Dropped)
            .collect();

        let (open_actions, open_action_count) =
            self.most_pressing_actions(partnership_id, today, DASHBOARD_ACTIONS as u32)?;

        Ok(Dashboard {
            partnership_id,
            session_count,
            minutes_together: u32::try_from(minutes).unwrap_or(u32::MAX),
            last_session_at: last,
            next_due_on,
            days_since_last,
            stalled,
            open_actions,
            open_action_count,
            goals,
            sessions_per_month,
            partner: self.partner_open_items(partnership_id, today)?,
        })
    }
}
