//! Forward-only schema migrations. `user_version` is the schema version; all pending
//! steps and the version bump run in one transaction, so a journal is always at exactly
//! one known version. Never edit a step once released: add a new one.

use rusqlite::{Connection, TransactionBehavior};

use super::APPLICATION_ID;
use crate::error::{Error, Result};

const STEPS: &[&str] = &[
    // 1: partnerships (with their agreement) and sessions.
    r#"
    CREATE TABLE partnership (
        id              TEXT PRIMARY KEY NOT NULL,
        partner_name    TEXT NOT NULL,
        partner_org     TEXT NOT NULL,
        my_name         TEXT NOT NULL,
        my_role         TEXT NOT NULL CHECK (my_role IN ('mentor', 'mentee', 'both')),
        kind            TEXT NOT NULL CHECK (kind IN ('reverse', 'two_way', 'traditional', 'peer')),
        started_on      TEXT NOT NULL,
        ended_on        TEXT,
        objectives      TEXT NOT NULL,
        boundaries      TEXT NOT NULL,
        cadence_days    INTEGER,
        session_minutes INTEGER,
        ending          TEXT NOT NULL,
        created_at      TEXT NOT NULL,
        updated_at      TEXT NOT NULL
    ) STRICT;

    CREATE TABLE session (
        id               TEXT PRIMARY KEY NOT NULL,
        partnership_id   TEXT NOT NULL REFERENCES partnership (id) ON DELETE CASCADE,
        held_at          TEXT NOT NULL,
        duration_minutes INTEGER NOT NULL,
        format           TEXT NOT NULL
                         CHECK (format IN ('in_person', 'coffee', 'video', 'phone', 'chat', 'other')),
        place            TEXT NOT NULL,
        title            TEXT NOT NULL,
        notes            TEXT NOT NULL,
        created_at       TEXT NOT NULL,
        updated_at       TEXT NOT NULL
    ) STRICT;

    CREATE INDEX session_by_partnership ON session (partnership_id, held_at DESC);
    "#,
    // 2: a session is private unless marked shared.
    r#"
    ALTER TABLE session ADD COLUMN visibility TEXT NOT NULL DEFAULT 'private'
        CHECK (visibility IN ('private', 'shared'));
    "#,
];

/// The schema version this build writes and understands.
pub const SCHEMA_VERSION: i64 = STEPS.len() as i64;

pub(super) fn migrate(conn: &mut Connection) -> Result<()> {
    migrate_to(conn, SCHEMA_VERSION)
}

/// Brings a journal to exactly `version` (at most [`SCHEMA_VERSION`]), with the same
/// steps and the same single transaction as [`migrate`]. Only for making the fixture files
/// of earlier schemas (`core/tests/it/migrations.rs`); the app always migrates to the latest.
#[doc(hidden)]
pub fn migrate_to(conn: &mut Connection, version: i64) -> Result<()> {
    let target = version.clamp(0, SCHEMA_VERSION);
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let current: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if current > SCHEMA_VERSION {
        return Err(Error::TooNew {
            found: current,
            known: SCHEMA_VERSION,
        });
    }
    if current >= target {
        return Ok(());
    }
    let done = usize::try_from(current).unwrap_or(0);
    let upto = usize::try_from(target).unwrap_or(0);
    for step in &STEPS[done..upto] {
        tx.execute_batch(step)?;
    }
    tx.execute_batch(&format!(
        "PRAGMA application_id = {APPLICATION_ID}; PRAGMA user_version = {target};"
    ))?;
    tx.commit()?;
    Ok(())
}
