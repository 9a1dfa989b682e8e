//! The `partnership` table: a partnership and its agreement.

use rusqlite::{OptionalExtension, Row, Transaction, params};
use uuid::Uuid;

use super::{Store, enum_text, parse_col, parse_enum, parse_opt, parse_uuid, upsert_sql};
use crate::error::{Error, Result};
use crate::model::{Agreement, Partnership, PartnershipDraft, PartnershipOverview};
use crate::time::{self, date_text, parse_date, parse_datetime, parse_timestamp, timestamp_text};
use crate::validate;

const COLUMNS: &str = "id, partner_name, partner_org, my_name, my_role, kind, started_on, ended_on, \
     objectives, boundaries, cadence_days, session_minutes, ending, created_at, updated_at, deleted_at, \
     agreement_visibility";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Partnership> {
    let ended_on: Option<String> = r.get(7)?;
    Ok(Partnership {
        id: parse_col(r, 0, parse_uuid)?,
        partner_name: r.get(1)?,
        partner_org: r.get(2)?,
        my_name: r.get(3)?,
        my_role: parse_col(r, 4, parse_enum)?,
        kind: parse_col(r, 5, parse_enum)?,
        started_on: parse_col(r, 6, parse_date)?,
        ended_on: match ended_on {
            None => None,
            Some(_) => Some(parse_col(r, 7, parse_date)?),
        },
        agreement: Agreement {
            objectives: r.get(8)?,
            boundaries: r.get(9)?,
            cadence_days: r.get(10)?,
            session_minutes: r.get(11)?,
            ending: r.get(12)?,
            visibility: parse_col(r, 16, parse_enum)?,
        },
        created_at: parse_col(r, 13, parse_timestamp)?,
        updated_at: parse_col(r, 14, parse_timestamp)?,
        deleted_at: parse_opt(r, 15, parse_timestamp)?,
    })
}

/// Inserts or updates one row, exactly as given (timestamps included).
pub(super) fn put(tx: &Transaction<'_>, p: &Partnership) -> Result<()> {
    let a = &p.agreement;
    tx.prepare_cached(&upsert_sql("partnership", COLUMNS))?
        .execute(params![
            p.id.to_string(),
            p.partner_name,
            p.partner_org,
            p.my_name,
            enum_text(&p.my_role),
            enum_text(&p.kind),
            date_text(&p.started_on),
            p.ended_on.as_ref().map(date_text),
            a.objectives,
            a.boundaries,
            a.cadence_days,
            a.session_minutes,
            a.ending,
            timestamp_text(&p.created_at),
            timestamp_text(&p.updated_at),
            p.deleted_at.as_ref().map(timestamp_text),
            enum_text(&a.visibility),
        ])?;
    Ok(())
}

pub(super) fn find(tx: &rusqlite::Connection, id: Uuid) -> Result<Option<Partnership>> {
    Ok(tx
        .prepare_cached(&format!("SELECT {COLUMNS} FROM partnership WHERE id = ?1"))?
        .query_row([id.to_string()], from_row)
        .optional()?)
}

pub(super) fn all(conn: &rusqlite::Connection) -> Result<Vec<Partnership>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM partnership ORDER BY started_on, id"
    ))?;
    let rows = stmt
        .query_map([], from_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

fn not_found(id: Uuid) -> Error {
    Error::NotFound {
        what: "partnership",
        id: id.to_string(),
    }
}

impl Store {
    /// A partnership by its id, or by its partner's name (case-insensitive, exactly one
    /// match); otherwise `invalid_input` on `partnership`, naming the partnerships there are
    /// (the command line's `--partnership`).
    pub fn find_partnership(&self, wanted: &str) -> Result<Uuid> {
        if let Ok(id) = Uuid::parse_str(wanted.trim()) {
            return Ok(id);
        }
        let all = self.list_partnerships()?;
        let key = wanted.trim().to_lowercase();
        let matches: Vec<_> = all
            .iter()
            .map(|o| &o.partnership)
            .filter(|p| p.partner_name.trim().to_lowercase() == key)
            .collect();
        let list = |ps: &mut dyn Iterator<Item = &Partnership>| {
            ps.map(|p| format!("{} ({})", p.partner_name, p.id))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let message = match matches.as_slice() {
            [one] => return Ok(one.id),
            [] if all.is_empty() => format!(
                "no partnership has a partner called \"{wanted}\": this journal has no partnerships yet"
            ),
            [] => format!(
                "no partnership has a partner called \"{wanted}\"; the partnerships are: {}",
                list(&mut all.iter().map(|o| &o.partnership))
            ),
            several => format!(
                "\"{wanted}\" matches {} partnerships: {}; give the id instead of the name",
                several.len(),
                list(&mut several.iter().copied())
            ),
        };
        Err(Error::invalid("partnership", message))
    }

    /// Every partnership not in the trash, open ones first, then by most recent activity.
    pub fn list_partnerships(&self) -> Result<Vec<PartnershipOverview>> {
        let cols = COLUMNS
            .split(", ")
            .map(|c| format!("p.{c}"))
            .collect::<Vec<_>>()
            .join(", ");
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {cols}, \
                (SELECT count(*) FROM session s WHERE s.partnership_id = p.id AND s.deleted_at IS NULL), \
                (SELECT max(held_at) FROM session s WHERE s.partnership_id = p.id AND s.deleted_at IS NULL) AS last \
             FROM partnership p WHERE p.deleted_at IS NULL \
             ORDER BY p.ended_on IS NOT NULL, coalesce(last, p.started_on) DESC, p.id"
        ))?;
        let rows = stmt
            .query_map([], |r| {
                Ok(PartnershipOverview {
                    partnership: from_row(r)?,
                    session_count: r.get(17)?,
                    last_session_at: parse_opt(r, 18, parse_datetime)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// A partnership that is not in the trash.
    pub fn get_partnership(&self, id: Uuid) -> Result<Partnership> {
        find(&self.conn, id)?
            .filter(|p| p.deleted_at.is_none())
            .ok_or_else(|| not_found(id))
    }

    pub fn create_partnership(&mut self, draft: &PartnershipDraft) -> Result<Partnership> {
        validate::partnership(draft)?;
        let now = time::now();
        let p = Partnership {
            id: Uuid::new_v4(),
            partner_name: draft.partner_name.trim().to_owned(),
            partner_org: draft.partner_org.trim().to_owned(),
            my_name: draft.my_name.trim().to_owned(),
            my_role: draft.my_role,
            kind: draft.kind,
            started_on: draft.started_on,
            ended_on: draft.ended_on,
            agreement: draft.agreement.clone(),
            created_at: now,
            updated_at: now,
            deleted_at: None,
        };
        let tx = self.write()?;
        put(&tx, &p)?;
        tx.commit()?;
        Ok(p)
    }

    pub fn update_partnership(
        &mut self,
        id: Uuid,
        draft: &PartnershipDraft,
    ) -> Result<Partnership> {
        validate::partnership(draft)?;
        let tx = self.write()?;
        let old = find(&tx, id)?
            .filter(|p| p.deleted_at.is_none())
            .ok_or_else(|| not_found(id))?;
        let p = Partnership {
            partner_name: draft.partner_name.trim().to_owned(),
            partner_org: draft.partner_org.trim().to_owned(),
            my_name: draft.my_name.trim().to_owned(),
            my_role: draft.my_role,
            kind: draft.kind,
            started_on: draft.started_on,
            ended_on: draft.ended_on,
            agreement: draft.agreement.clone(),
            updated_at: time::now(),
            ..old
        };
        put(&tx, &p)?;
        tx.commit()?;
        Ok(p)
    }
}
