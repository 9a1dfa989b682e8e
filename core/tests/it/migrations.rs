//! Forward-only migrations, tested from a fixture file of every earlier schema.
//!
//! `core/tests/fixtures/schema-vN.sqlite3` is a journal at schema N holding realistic data,
//! written with that version's own SQL. `fixtures_match_their_generator` fails when a
//! fixture is missing or differs from what the generator below writes;
//! `TANDEM_BLESS=1 cargo test -p tandem-core fixtures` (or `scripts/make-fixtures.sh`)
//! rewrites them. When a schema version is added, add its `fill` arm: the old arms, like
//! the old migration steps, are never edited.

use std::path::{Path, PathBuf};
use tandem_core::api::today;

use rusqlite::Connection;
use rusqlite::types::Value;
use tandem_core::model::Visibility;
use tandem_core::{SCHEMA_VERSION, Store};

pub fn fixture(version: i64) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(format!("schema-v{version}.sqlite3"))
}

/// A copy of the fixture of `version` as `journal.sqlite3` in `dir`.
pub fn copy_of_fixture(version: i64, dir: &Path) -> PathBuf {
    let path = dir.join("journal.sqlite3");
    std::fs::copy(fixture(version), &path).unwrap();
    path
}

pub const P1: &str = "6f1d2c3a-0b4e-4c5d-8e9f-0a1b2c3d4e5f";
const P2: &str = "a0b1c2d3-e4f5-4a6b-8c7d-8e9f0a1b2c3d";
const S1: &str = "11111111-2222-4333-8444-555555555555";
const S2: &str = "22222222-3333-4444-8555-666666666666";
const S3: &str = "33333333-4444-4555-8666-777777777777";
const S4: &str = "44444444-5555-4666-8777-888888888888";

const NOTES_1: &str = "# Kick-off\n\nZoë showed me **prompt patterns**; I shared how budgets get approved.\n\n- Ελληνικά\n- кириллица\n- 中文 and 日本語\n- emoji 👩🏽‍💻🎉 and a flag 🇳🇴";
const NOTES_2: &str =
    "Bidi: שלום عربي mixed with English, a zero-width joiner (a\u{200d}b) and e\u{301} combining.";

/// Writes the data of a journal at `version`, with the SQL of that version.
fn fill(conn: &Connection, version: i64) {
    let partnership = "INSERT INTO partnership (id, partner_name, partner_org, my_name, my_role, kind, \
         started_on, ended_on, objectives, boundaries, cadence_days, session_minutes, ending, \
         created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)";
    conn.execute(
        partnership,
        rusqlite::params![
            P1,
            "Zoë Okafor",
            "Nordlys Analytics",
            "Henrik Ødegård",
            "mentee",
            "reverse",
            "2026-01-12",
            None::<String>,
            "- Get fluent with AI tools\n- Learn to delegate",
            "Chat on weekdays only; what we say stays between us.",
            14,
            45,
            "Review after six months.",
            "2026-01-12T09:00:00Z",
            "2026-01-12T09:00:00Z",
        ],
    )
    .unwrap();
    conn.execute(
        partnership,
        rusqlite::params![
            P2,
            "مريم الحسن",
            "",
            "",
            "both",
            "two_way",
            "2025-09-01",
            Some("2026-02-28"),
            "",
            "",
            None::<i64>,
            None::<i64>,
            "",
            "2025-09-01T12:30:00.125Z",
            "2026-02-28T18:00:00Z",
        ],
    )
    .unwrap();
    // id, partnership, held at, minutes, format, place, title, notes, visibility (v2 on).
    type Row<'a> = (
        &'a str,
        &'a str,
        &'a str,
        i64,
        &'a str,
        &'a str,
        &'a str,
        &'a str,
        &'a str,
    );
    let sessions: &[Row] = &[
        (
            S1,
            P1,
            "2026-01-19T16:15:00",
            45,
            "coffee",
            "Café Ström",
            "Kick-off",
            NOTES_1,
            "private",
        ),
        (
            S2,
            P1,
            "2026-02-02T16:00:00",
            60,
            "video",
            "https://meet.example/abc?x=<1>",
            "<script>alert(1)</script>",
            NOTES_2,
            "shared",
        ),
        (
            S3,
            P2,
            "2025-09-15T08:30:00",
            30,
            "phone",
            "",
            "Первая встреча",
            "",
            "private",
        ),
        (
            S4,
            P2,
            "2025-10-01T12:00:00",
            1440,
            "other",
            "東京",
            "Retreat \"day\" 1",
            "SQL'ish: '); DROP TABLE session; --",
            "shared",
        ),
    ];
    for (id, pid, at, minutes, format, place, title, notes, visibility) in sessions {
        let common = rusqlite::params![
            id,
            pid,
            at,
            minutes,
            format,
            place,
            title,
            notes,
            "2026-02-03T10:00:00Z",
            "2026-02-03T10:00:00Z"
        ];
        match version {
            1 => {
                conn.execute(
                    "INSERT INTO session (id, partnership_id, held_at, duration_minutes, format, \
                     place, title, notes, created_at, updated_at) \
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                    common,
                )
                .unwrap();
            }
            2 => {
                conn.execute(
                    "INSERT INTO session (id, partnership_id, held_at, duration_minutes, format, \
                     place, title, notes, created_at, updated_at, visibility) \
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                    rusqlite::params![
                        id,
                        pid,
                        at,
                        minutes,
                        format,
                        place,
                        title,
                        notes,
                        "2026-02-03T10:00:00Z",
                        "2026-02-03T10:00:00Z",
                        visibility
                    ],
                )
                .unwrap();
            }
            3 => {
                let (agenda, shared, learned, rating, reflection) = session_v3(id);
                conn.execute(
                    "INSERT INTO session (id, partnership_id, held_at, duration_minutes, format, \
                     place, title, notes, created_at, updated_at, visibility, agenda, shared, \
                     learned, rating, reflection, deleted_at) \
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, NULL)",
                    rusqlite::params![
                        id,
                        pid,
                        at,
                        minutes,
                        format,
                        place,
                        title,
                        notes,
                        "2026-02-03T10:00:00Z",
                        "2026-02-03T10:00:00Z",
                        visibility,
                        agenda,
                        shared,
                        learned,
                        rating,
                        reflection
                    ],
                )
                .unwrap();
            }
            4..=8 => {
                // Sessions are as in schema 3; schema 4 added the SWOT tables, schema 5
                // "not the same" on SWOT pairs, schema 6 revision stamps, tombstones and
                // visibilities (`fill_v6_tables`), schema 7 the exchange link and the
                // partner's content (`fill_v7_tables`), schema 8 the partner's content in
                // the search index (made by its triggers).
                let (agenda, shared, learned, rating, reflection) = session_v3(id);
                conn.execute(
                    "INSERT INTO session (id, partnership_id, held_at, duration_minutes, format, \
                     place, title, notes, created_at, updated_at, visibility, agenda, shared, \
                     learned, rating, reflection, deleted_at) \
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, NULL)",
                    rusqlite::params![
                        id,
                        pid,
                        at,
                        minutes,
                        format,
                        place,
                        title,
                        notes,
                        "2026-02-03T10:00:00Z",
                        "2026-02-03T10:00:00Z",
                        visibility,
                        agenda,
                        shared,
                        learned,
                        rating,
                        reflection
                    ],
                )
                .unwrap();
            }
            v => panic!("no fixture data for schema {v}: add its arm to `fill`"),
        }
    }
    if version >= 3 {
        // The tables schema 3 added (later schemas keep them as they are).
        fill_v3_tables(conn);
    }
    if version >= 4 {
        fill_v4_tables(conn);
    }
    if version >= 5 {
        fill_v5_tables(conn);
    }
    if version >= 6 {
        fill_v6_tables(conn);
    }
    if version >= 7 {
        fill_v7_tables(conn);
    }
}

pub const V7_LINK: &str = "0123456789abcdef0123456789abcdef";
/// A paired link of the first partnership and one bundle's worth of the partner's content
/// (schema 7 on). The identity is a fixed one, made for this fixture only.
fn fill_v7_tables(conn: &Connection) {
    conn.execute_batch(&format!(
        "INSERT INTO exchange_link (id, partnership_id, identity, partner_age, partner_signing, \
         partner_name, state, verified_at, sent_sequence, received_sequence, received_created_at, \
         received_payload, created_at, updated_at) VALUES ('{V7_LINK}', '{P1}', \
         'TANDEM-IDENTITY-1 AGE-SECRET-KEY-1QQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQ AAAA', \
         'age1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq', 'AAAA', 'Zoë Okafor', 'paired', \
         NULL, 3, 2, '2026-02-03T10:00:00Z', NULL, '2026-02-01T10:00:00Z', '2026-02-03T10:00:00Z');
         INSERT INTO partner_session VALUES ('{V7_LINK}', 'b0b0b0b0-0000-4000-8000-000000000001', \
         '2026-01-19T16:15:00', 45, 'coffee', 'Kick-off (Zoë)', '', 'Zoë''s notes 📝', 'Prompt patterns', 'How budgets work');
         INSERT INTO partner_session_topic VALUES ('{V7_LINK}', 'b0b0b0b0-0000-4000-8000-000000000001', 0, 'AI tools');
         INSERT INTO partner_action_item VALUES ('{V7_LINK}', 'b0b0b0b0-0000-4000-8000-000000000002', \
         'b0b0b0b0-0000-4000-8000-000000000001', 0, 'Try three prompts', 'me', '2026-02-01', 0);
         INSERT INTO partner_goal VALUES ('{V7_LINK}', 'b0b0b0b0-0000-4000-8000-000000000003', 'Delegate more', \
         '', 'partners', 'i_learn', '', NULL, 'active');
         INSERT INTO partner_milestone VALUES ('{V7_LINK}', 'b0b0b0b0-0000-4000-8000-000000000004', \
         'b0b0b0b0-0000-4000-8000-000000000003', 0, 'First handover', NULL, 1);
         INSERT INTO partner_progress VALUES ('{V7_LINK}', 'b0b0b0b0-0000-4000-8000-000000000005', \
         'b0b0b0b0-0000-4000-8000-000000000003', '2026-02-02', 30, 'Going well');
         INSERT INTO partner_swot_snapshot VALUES ('{V7_LINK}', 'b0b0b0b0-0000-4000-8000-000000000006', \
         'partner', '2026-01-12', 'Start');
         INSERT INTO partner_swot_item VALUES ('{V7_LINK}', 'b0b0b0b0-0000-4000-8000-000000000007', \
         'b0b0b0b0-0000-4000-8000-000000000006', 'strengths', 0, 'Patient', 'high');
         INSERT INTO partner_agreement VALUES ('{V7_LINK}', 'Fluency with AI', '', 14, 45, '');
         INSERT INTO partner_acknowledgement VALUES ('{V7_LINK}', '{S2}', 'b0b0b0b0-0000-4000-8000-000000000008');"
    ))
    .unwrap();
}

/// Tables and columns that schema 6 added. The triggers stamp every row with the time it
/// was written: the fixture's stamps are set from `updated_at` instead, so that it is the
/// same file each time it is made.
pub const V6_DEVICE: &str = "f1f1f1f1f1f1f1f1";
pub const V6_GONE: &str = "d0d0d0d0-0000-4000-8000-000000000001";
fn fill_v6_tables(conn: &Connection) {
    conn.execute_batch(&format!(
        "UPDATE goal SET visibility = 'shared' WHERE id = '{G1}';
         UPDATE partnership SET agreement_visibility = 'shared' WHERE id = '{P1}';
         UPDATE swot_snapshot SET visibility = 'shared' WHERE id = '{SW_MINE_2}';
         INSERT INTO journal_meta (key, value) VALUES ('journal_id', '7e7e7e7e-0000-4000-8000-000000000001');
         INSERT INTO tombstone (id, kind, rev) VALUES ('{V6_GONE}', 'session', '1770112800000-000000-{V6_DEVICE}');
         UPDATE clock SET wall = 1770112800000, counter = 3, device = '{V6_DEVICE}';"
    ))
    .unwrap();
    for table in [
        "partnership",
        "session",
        "action_item",
        "goal",
        "milestone",
        "goal_progress",
        "swot_snapshot",
        "swot_item",
        "tows_strategy",
    ] {
        conn.execute(
            &format!(
                "UPDATE {table} SET rev = printf('%013d-%06d-%s', \
                 CAST(unixepoch(updated_at, 'subsec') * 1000 AS INTEGER), 1, ?1)"
            ),
            [V6_DEVICE],
        )
        .unwrap();
    }
}

/// "Not the same" (schema 5 on): the near match of the latest snapshots dismissed, and a
/// dismissal that was undone.
fn fill_v5_tables(conn: &Connection) {
    let i = SW_ITEMS;
    for (mine, partner, undone) in [
        (i[3], i[5], None),
        (i[4], i[6], Some("2026-02-05T09:30:00Z")),
    ] {
        conn.execute(
            "INSERT INTO swot_pair_dismissal (mine_item_id, partner_item_id, created_at, \
             updated_at, undone_at) VALUES (?1, ?2, ?3, coalesce(?4, ?3), ?4)",
            rusqlite::params![mine, partner, "2026-02-04T12:00:00Z", undone],
        )
        .unwrap();
    }
}

// The SWOT rows of the fixtures from schema 4 on.
pub const SW_MINE_1: &str = "5a0f5a0f-0000-4000-8000-000000000001";
pub const SW_MINE_2: &str = "5a0f5a0f-0000-4000-8000-000000000002";
pub const SW_PARTNER: &str = "5a0f5a0f-0000-4000-8000-000000000003";
pub const SW_ITEMS: [&str; 7] = [
    "5a0f17e0-0000-4000-8000-000000000001",
    "5a0f17e0-0000-4000-8000-000000000002",
    "5a0f17e0-0000-4000-8000-000000000003",
    "5a0f17e0-0000-4000-8000-000000000004",
    "5a0f17e0-0000-4000-8000-000000000005",
    "5a0f17e0-0000-4000-8000-000000000006",
    "5a0f17e0-0000-4000-8000-000000000007",
];
pub const TOWS_1: &str = "70a570a5-0000-4000-8000-000000000001";
pub const TOWS_2: &str = "70a570a5-0000-4000-8000-000000000002";

/// SWOT snapshots of both sides (the second of mine copied forward from the first), their
/// items, a link between the sides, and TOWS strategies (schema 4 on).
fn fill_v4_tables(conn: &Connection) {
    // id, side, taken on, reason.
    for (id, side, on, reason) in [
        (SW_MINE_1, "mine", "2026-01-19", "Kick-off"),
        (SW_MINE_2, "mine", "2026-02-02", "After the reorg 🏢"),
        (SW_PARTNER, "partner", "2026-01-19", "Zoë's, as she told me"),
    ] {
        conn.execute(
            "INSERT INTO swot_snapshot (id, partnership_id, side, taken_on, reason, created_at, \
             updated_at, deleted_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6, NULL)",
            rusqlite::params![id, P1, side, on, reason, format!("{on}T18:00:00Z")],
        )
        .unwrap();
    }
    let i = SW_ITEMS;
    // id, snapshot, quadrant, position, text, priority, origin, link, deleted at.
    type Item<'a> = (
        &'a str,
        &'a str,
        &'a str,
        i64,
        &'a str,
        Option<&'a str>,
        Option<&'a str>,
        Option<&'a str>,
        Option<&'a str>,
    );
    let items: &[Item] = &[
        (
            i[0],
            SW_MINE_1,
            "strengths",
            0,
            "Budgets & negotiation",
            Some("high"),
            None,
            Some(i[5]),
            None,
        ),
        (
            i[1],
            SW_MINE_1,
            "weaknesses",
            0,
            "AI tools 🤖",
            None,
            None,
            None,
            None,
        ),
        (
            i[2],
            SW_MINE_1,
            "threats",
            0,
            "'); DROP TABLE swot_item; --",
            Some("low"),
            None,
            None,
            None,
        ),
        // Copied forward: the weakness became an opportunity; the threat was dropped.
        (
            i[3],
            SW_MINE_2,
            "strengths",
            0,
            "Budgets & negotiation",
            Some("high"),
            Some(i[0]),
            None,
            None,
        ),
        (
            i[4],
            SW_MINE_2,
            "opportunities",
            0,
            "AI tools 🤖",
            None,
            Some(i[1]),
            None,
            None,
        ),
        (
            i[5],
            SW_PARTNER,
            "strengths",
            0,
            "Negotiation and budgets",
            None,
            None,
            Some(i[0]),
            None,
        ),
        (
            i[6],
            SW_PARTNER,
            "weaknesses",
            0,
            "שלום — عربي: <b>RTL</b>",
            Some("medium"),
            None,
            None,
            None,
        ),
    ];
    for (id, snapshot, quadrant, position, text, priority, origin, link, deleted) in items {
        conn.execute(
            "INSERT INTO swot_item (id, snapshot_id, quadrant, position, text, priority, \
             origin_id, link_id, created_at, updated_at, deleted_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9, ?10)",
            rusqlite::params![
                id,
                snapshot,
                quadrant,
                position,
                text,
                priority,
                origin,
                link,
                "2026-02-03T10:00:00Z",
                deleted
            ],
        )
        .unwrap();
    }
    // id, kind, text, internal, external, goal.
    for (id, kind, text, internal, external, goal) in [
        (
            TOWS_1,
            "so",
            "Pilot AI in budget season",
            Some(i[3]),
            Some(i[4]),
            Some(G1),
        ),
        (TOWS_2, "wt", "Ask Zoë before it hurts", None, None, None),
    ] {
        conn.execute(
            "INSERT INTO tows_strategy (id, partnership_id, kind, text, internal_item_id, \
             external_item_id, goal_id, created_at, updated_at, deleted_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8, NULL)",
            rusqlite::params![
                id,
                P1,
                kind,
                text,
                internal,
                external,
                goal,
                "2026-02-03T10:00:00Z"
            ],
        )
        .unwrap();
    }
}

/// Agenda, shared, learned, rating and reflection of a session (schema 3 on).
fn session_v3(
    id: &str,
) -> (
    &'static str,
    &'static str,
    &'static str,
    Option<i64>,
    &'static str,
) {
    match id {
        S1 => (
            "1. What we each want\n2. How often we meet",
            "How a budget gets approved, step by step.",
            "Prompt patterns: *role, task, format*.",
            Some(5),
            "Nervous at first 😅, then it flowed.",
        ),
        S2 => ("", "", "LinkedIn: post less, comment more.", None, ""),
        S3 => ("Знакомство", "", "", Some(3), "Короткая встреча."),
        _ => ("", "", "", Some(1), "<img src=x onerror=alert(1)>"),
    }
}

const A1: &str = "a1a1a1a1-0000-4000-8000-000000000001";
const A2: &str = "a1a1a1a1-0000-4000-8000-000000000002";
const A3: &str = "a1a1a1a1-0000-4000-8000-000000000003";
const A4: &str = "a1a1a1a1-0000-4000-8000-000000000004";
pub const G1: &str = "90a190a1-0000-4000-8000-000000000001";
const G2: &str = "90a190a1-0000-4000-8000-000000000002";
const M1: &str = "3e3e3e3e-0000-4000-8000-000000000001";
const M2: &str = "3e3e3e3e-0000-4000-8000-000000000002";
const M3: &str = "3e3e3e3e-0000-4000-8000-000000000003";
const E1: &str = "e0e0e0e0-0000-4000-8000-000000000001";
const E2: &str = "e0e0e0e0-0000-4000-8000-000000000002";
const E3: &str = "e0e0e0e0-0000-4000-8000-000000000003";
const TRASHED_AT: &str = "2026-02-04T08:00:00Z";

/// Topics, action items, goals, milestones and progress, with some of it in the trash.
fn fill_v3_tables(conn: &Connection) {
    for (id, name) in [(1, "AI tools"), (2, "Leadership"), (3, "Обратная связь")] {
        conn.execute(
            "INSERT INTO topic (id, name) VALUES (?1, ?2)",
            rusqlite::params![id, name],
        )
        .unwrap();
    }
    for (session, topic, position) in [(S1, 1, 0), (S1, 2, 1), (S2, 1, 0), (S3, 3, 0)] {
        conn.execute(
            "INSERT INTO session_topic (session_id, topic_id, position) VALUES (?1, ?2, ?3)",
            rusqlite::params![session, topic, position],
        )
        .unwrap();
    }
    // id, session, position, text, owner, due on, done, deleted at.
    type ActionRow<'a> = (
        &'a str,
        &'a str,
        i64,
        &'a str,
        &'a str,
        Option<&'a str>,
        i64,
        Option<&'a str>,
    );
    let actions: &[ActionRow] = &[
        (
            A1,
            S1,
            0,
            "Try Copilot for the weekly summary",
            "me",
            Some("2026-01-26"),
            1,
            None,
        ),
        (
            A2,
            S1,
            1,
            "Send Zoë the budget template 📎",
            "partner",
            None,
            0,
            None,
        ),
        (
            A3,
            S2,
            0,
            "Draft a <b>LinkedIn</b> post together",
            "both",
            Some("2026-02-16"),
            0,
            None,
        ),
        (
            A4,
            S2,
            1,
            "'); DROP TABLE action_item; --",
            "me",
            None,
            0,
            Some(TRASHED_AT),
        ),
    ];
    for (id, session, position, text, owner, due, done, deleted) in actions {
        conn.execute(
            "INSERT INTO action_item (id, session_id, position, text, owner, due_on, done, \
             created_at, updated_at, deleted_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8, ?9)",
            rusqlite::params![
                id,
                session,
                position,
                text,
                owner,
                due,
                done,
                "2026-02-03T10:00:00Z",
                deleted
            ],
        )
        .unwrap();
    }
    let goal = "INSERT INTO goal (id, partnership_id, title, description, whose, direction, \
         success_criteria, target_on, status, created_at, updated_at, deleted_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10, NULL)";
    conn.execute(
        goal,
        rusqlite::params![
            G1,
            P1,
            "Use AI tools every week",
            "Both of us, **every** week.",
            "shared",
            "both_learn",
            "- Five summaries drafted with AI\n- Zoë runs one leadership meeting",
            Some("2026-07-01"),
            "active",
            "2026-01-19T17:00:00Z"
        ],
    )
    .unwrap();
    conn.execute(
        goal,
        rusqlite::params![
            G2,
            P2,
            "تعلم التحية بالعربية",
            "",
            "mine",
            "i_learn",
            "",
            None::<String>,
            "achieved",
            "2025-09-15T09:00:00.250Z"
        ],
    )
    .unwrap();
    // id, goal, position, title, due on, done, deleted at.
    type MilestoneRow<'a> = (
        &'a str,
        &'a str,
        i64,
        &'a str,
        Option<&'a str>,
        i64,
        Option<&'a str>,
    );
    let milestones: &[MilestoneRow] = &[
        (
            M1,
            G1,
            0,
            "First AI-drafted summary",
            Some("2026-02-01"),
            1,
            None,
        ),
        (
            M2,
            G1,
            1,
            "Zoë chairs the Monday meeting",
            Some("2026-04-01"),
            0,
            None,
        ),
        (
            M3,
            G1,
            2,
            "A milestone we dropped",
            None,
            0,
            Some(TRASHED_AT),
        ),
    ];
    for (id, goal, position, title, due, done, deleted) in milestones {
        conn.execute(
            "INSERT INTO milestone (id, goal_id, position, title, due_on, done, created_at, \
             updated_at, deleted_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, ?8)",
            rusqlite::params![
                id,
                goal,
                position,
                title,
                due,
                done,
                "2026-01-19T17:00:00Z",
                deleted
            ],
        )
        .unwrap();
    }
    // id, goal, recorded on, value, note, deleted at.
    type ProgressRow<'a> = (&'a str, &'a str, &'a str, i64, &'a str, Option<&'a str>);
    let progress: &[ProgressRow] = &[
        (E1, G1, "2026-01-19", 10, "Started.", None),
        (E2, G1, "2026-02-02", 35, "Two summaries done ✓", None),
        (E3, G1, "2026-02-03", 90, "Typo: meant 40", Some(TRASHED_AT)),
    ];
    for (id, goal, on, value, note, deleted) in progress {
        conn.execute(
            "INSERT INTO goal_progress (id, goal_id, recorded_on, value, note, created_at, \
             updated_at, deleted_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6, ?7)",
            rusqlite::params![id, goal, on, value, note, "2026-02-03T10:00:00Z", deleted],
        )
        .unwrap();
    }
}

/// Writes the fixture of `version` at `path` (a single file, no -wal).
fn generate(version: i64, path: &Path) {
    let _ = std::fs::remove_file(path);
    let mut conn = Connection::open(path).unwrap();
    conn.execute_batch("PRAGMA journal_mode = DELETE; PRAGMA foreign_keys = ON;")
        .unwrap();
    tandem_core::migrate_to(&mut conn, version).unwrap();
    let tx = conn.transaction().unwrap();
    fill(&tx, version);
    tx.commit().unwrap();
    conn.execute_batch("VACUUM").unwrap();
}

/// Everything a database holds, as comparable values: its schema, header numbers and rows.
pub fn dump(path: &Path) -> Vec<Vec<Value>> {
    let conn =
        Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let mut out = vec![vec![
        Value::Integer(
            conn.query_row("PRAGMA user_version", [], |r| r.get(0))
                .unwrap(),
        ),
        Value::Integer(
            conn.query_row("PRAGMA application_id", [], |r| r.get(0))
                .unwrap(),
        ),
    ]];
    let mut stmt = conn
        .prepare("SELECT type, name, sql FROM sqlite_schema ORDER BY name")
        .unwrap();
    let schema: Vec<(String, String, Option<String>)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    for (kind, name, sql) in schema {
        out.push(vec![Value::Text(kind.clone()), Value::Text(name.clone())]);
        out.push(vec![sql.map_or(Value::Null, Value::Text)]);
        if kind == "table" {
            let mut rows = conn
                .prepare(&format!("SELECT * FROM \"{name}\" ORDER BY 1"))
                .unwrap();
            let n = rows.column_count();
            let data: Vec<Vec<Value>> = rows
                .query_map([], |r| (0..n).map(|i| r.get::<_, Value>(i)).collect())
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap();
            out.extend(data);
        }
    }
    out
}

#[test]
fn fixtures_match_their_generator() {
    let dir = tempfile::tempdir().unwrap();
    let bless = std::env::var_os("TANDEM_BLESS").is_some();
    for version in 1..=SCHEMA_VERSION {
        let fresh = dir.path().join(format!("v{version}.sqlite3"));
        generate(version, &fresh);
        let committed = fixture(version);
        if bless {
            std::fs::create_dir_all(committed.parent().unwrap()).unwrap();
            std::fs::copy(&fresh, &committed).unwrap();
        }
        assert!(
            committed.exists(),
            "{} is missing: run `TANDEM_BLESS=1 cargo test -p tandem-core fixtures`",
            committed.display()
        );
        assert_eq!(
            dump(&committed),
            dump(&fresh),
            "{} differs from its generator",
            committed.display()
        );
        assert_eq!(dump(&committed)[0][0], Value::Integer(version));
    }
}

#[test]
fn every_earlier_schema_is_backed_up_then_migrated_with_its_data() {
    for version in 1..SCHEMA_VERSION {
        let dir = tempfile::tempdir().unwrap();
        let path = copy_of_fixture(version, dir.path());
        let before = dump(&path);

        let store = Store::open(&path).unwrap();
        assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);

        // The backup holds the journal exactly as it was before migrating.
        let backups = store.list_backups().unwrap();
        assert_eq!(backups.len(), 1, "v{version}: one backup before migrating");
        assert_eq!(dump(Path::new(&backups[0].path)), before, "v{version}");

        check_fixture_data(&store, version);
        drop(store);
        // Opening again migrates nothing and backs up nothing.
        let store = Store::open(&path).unwrap();
        assert_eq!(store.list_backups().unwrap().len(), 1);
        check_fixture_data(&store, version);
    }
}

#[test]
fn the_current_schema_opens_without_a_backup() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_of_fixture(SCHEMA_VERSION, dir.path());
    let store = Store::open(&path).unwrap();
    assert!(store.list_backups().unwrap().is_empty());
    assert!(!dir.path().join("backups").exists());
    check_fixture_data(&store, SCHEMA_VERSION);
}

/// The fixture's data, read through the current code.
pub fn check_fixture_data(store: &Store, version: i64) {
    let list = store.list_partnerships().unwrap();
    let names: Vec<&str> = list
        .iter()
        .map(|o| o.partnership.partner_name.as_str())
        .collect();
    assert_eq!(names, ["Zoë Okafor", "مريم الحسن"], "v{version}");
    let zoe = &list[0].partnership;
    assert_eq!(zoe.my_name, "Henrik Ødegård");
    assert_eq!(zoe.agreement.cadence_days, Some(14));
    assert_eq!(list[0].session_count, 2);
    let maryam = &list[1].partnership;
    assert_eq!(maryam.ended_on, Some(crate::date("2026-02-28")));
    assert_eq!(maryam.created_at.timestamp_subsec_millis(), 125);

    let s1 = store.get_session(S1.parse().unwrap()).unwrap();
    assert_eq!(s1.notes, NOTES_1);
    assert_eq!(s1.place, "Café Ström");
    let s2 = store.get_session(S2.parse().unwrap()).unwrap();
    assert_eq!(s2.notes, NOTES_2);
    assert_eq!(s2.title, "<script>alert(1)</script>");
    let s4 = store.get_session(S4.parse().unwrap()).unwrap();
    assert_eq!(s4.notes, "SQL'ish: '); DROP TABLE session; --");
    assert_eq!(s4.duration_minutes, 1440);

    let visibilities: Vec<Visibility> = [S1, S2, S3, S4]
        .iter()
        .map(|id| store.get_session(id.parse().unwrap()).unwrap().visibility)
        .collect();
    if version == 1 {
        // Schema 1 had no visibility: every session becomes private.
        assert_eq!(visibilities, [Visibility::Private; 4]);
    } else {
        use Visibility::*;
        assert_eq!(visibilities, [Private, Shared, Private, Shared]);
    }
    if version >= 3 {
        check_v3_data(store);
    } else {
        // Sessions from before schema 3 are complete sessions with nothing filled in yet.
        assert!(s1.topics.is_empty() && s1.agenda.is_empty() && s1.rating.is_none());
        assert!(store.list_topics().unwrap().is_empty());
    }
    let partner = store.partner_content(P1.parse().unwrap()).unwrap();
    if version >= 7 {
        let partner = partner.expect("the partner's content of schema 7");
        assert_eq!(partner.sessions[0].title, "Kick-off (Zoë)");
        assert_eq!(partner.sessions[0].topics, ["AI tools"]);
        assert_eq!(
            partner.sessions[0].action_items[0].owner,
            tandem_core::model::Owner::Me
        );
        assert_eq!(partner.goals[0].milestones.len(), 1);
        assert_eq!(partner.swot_snapshots[0].items[0].text, "Patient");
        assert_eq!(partner.agreement.unwrap().cadence_days, Some(14));
        assert_eq!(partner.acknowledgements.len(), 1);
        assert_eq!(partner.sequence, 2);
        // Schema 8 indexed what the partner shared: it is found, as theirs.
        let hits = store.search("patient", 10).unwrap();
        assert_eq!(hits.len(), 1, "v{version}: {hits:?}");
        assert!(hits[0].from_partner);
        assert_eq!(hits[0].kind, tandem_core::model::ItemKind::SwotItem);
        let hits = store.search("zoë's notes", 10).unwrap();
        assert_eq!(hits[0].title, "Kick-off (Zoë)");
    } else {
        assert!(partner.is_none(), "v{version}: no exchange before schema 7");
    }
    // The whole journal still exports and its export still imports.
    let file = store.export_journal().unwrap();
    assert_eq!(file.sessions.len(), 4);
    // Schema 5 added "not the same"; a journal migrated from before has none.
    let dismissals = if version >= 5 { 2 } else { 0 };
    assert_eq!(file.swot_pair_dismissals.len(), dismissals, "v{version}");
    let mut fresh = Store::open_in_memory().unwrap();
    fresh.import_journal(&file).unwrap();
}

/// What schema 3 added, read through the current code.
fn check_v3_data(store: &Store) {
    use tandem_core::model::GoalStatus;
    let p1 = P1.parse().unwrap();
    let s1 = store.get_session(S1.parse().unwrap()).unwrap();
    assert_eq!(s1.topics, ["AI tools", "Leadership"]);
    assert_eq!(s1.rating, Some(5));
    assert_eq!(s1.reflection, "Nervous at first 😅, then it flowed.");
    assert_eq!(
        store.get_session(S3.parse().unwrap()).unwrap().topics,
        ["Обратная связь"]
    );
    let topics: Vec<(String, u32)> = store
        .list_topics()
        .unwrap()
        .into_iter()
        .map(|t| (t.name, t.sessions))
        .collect();
    assert_eq!(topics[0], ("AI tools".to_owned(), 2));

    let open = store
        .open_action_items(p1, crate::date("2026-02-20"))
        .unwrap();
    let texts: Vec<&str> = open.iter().map(|v| v.item.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Draft a <b>LinkedIn</b> post together",
            "Send Zoë the budget template 📎"
        ]
    );
    assert!(open[0].overdue);
    let items = store.list_action_items(S2.parse().unwrap()).unwrap();
    assert_eq!(items.len(), 1, "the trashed item is hidden");

    let goals = store.list_goals(p1, today()).unwrap();
    assert_eq!(goals.len(), 1);
    assert_eq!(goals[0].goal.status, GoalStatus::Active);
    assert_eq!(goals[0].progress, Some(35), "the trashed 90 does not count");
    assert_eq!(
        (goals[0].milestones_done, goals[0].milestones_total),
        (1, 2)
    );
    let g2 = store
        .list_goals(P2.parse().unwrap(), today())
        .unwrap()
        .remove(0)
        .goal;
    assert_eq!(g2.title, "تعلم التحية بالعربية");
    assert_eq!(g2.created_at.timestamp_subsec_millis(), 250);

    let trash = store.list_trash().unwrap();
    let labels: Vec<&str> = trash.iter().map(|e| e.label.as_str()).collect();
    assert_eq!(trash.len(), 3, "{labels:?}");
    assert!(labels.contains(&"90% on 3 Feb 2026"), "{labels:?}");
}
