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
    // 3: complete sessions (agenda, both directions, topics, reflection), action items,
    // goals with milestones and progress, the trash (`deleted_at`), and the search index:
    // one FTS5 row per searchable thing, kept in step by triggers.
    r#"
    ALTER TABLE partnership ADD COLUMN deleted_at TEXT;

    ALTER TABLE session ADD COLUMN agenda TEXT NOT NULL DEFAULT '';
    ALTER TABLE session ADD COLUMN shared TEXT NOT NULL DEFAULT '';
    ALTER TABLE session ADD COLUMN learned TEXT NOT NULL DEFAULT '';
    ALTER TABLE session ADD COLUMN rating INTEGER CHECK (rating BETWEEN 1 AND 5);
    ALTER TABLE session ADD COLUMN reflection TEXT NOT NULL DEFAULT '';
    ALTER TABLE session ADD COLUMN deleted_at TEXT;
    -- Live sessions of a partnership by date, covering what the dashboard and the lists
    -- read without touching the (large) rows.
    CREATE INDEX session_live ON session (partnership_id, held_at, duration_minutes)
        WHERE deleted_at IS NULL;

    CREATE TABLE topic (
        id   INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE
    ) STRICT;

    CREATE TABLE session_topic (
        session_id TEXT NOT NULL REFERENCES session (id) ON DELETE CASCADE,
        topic_id   INTEGER NOT NULL REFERENCES topic (id),
        position   INTEGER NOT NULL,
        PRIMARY KEY (session_id, topic_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX session_topic_by_topic ON session_topic (topic_id);

    CREATE TABLE action_item (
        id         TEXT PRIMARY KEY NOT NULL,
        session_id TEXT NOT NULL REFERENCES session (id) ON DELETE CASCADE,
        position   INTEGER NOT NULL,
        text       TEXT NOT NULL,
        owner      TEXT NOT NULL CHECK (owner IN ('me', 'partner', 'both')),
        due_on     TEXT,
        done       INTEGER NOT NULL CHECK (done IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
    ) STRICT;
    CREATE INDEX action_item_by_session ON action_item (session_id, position);
    CREATE INDEX action_item_open ON action_item (session_id) WHERE done = 0;

    CREATE TABLE goal (
        id               TEXT PRIMARY KEY NOT NULL,
        partnership_id   TEXT NOT NULL REFERENCES partnership (id) ON DELETE CASCADE,
        title            TEXT NOT NULL,
        description      TEXT NOT NULL,
        whose            TEXT NOT NULL CHECK (whose IN ('mine', 'partners', 'shared')),
        direction        TEXT NOT NULL
                         CHECK (direction IN ('i_learn', 'partner_learns', 'both_learn')),
        success_criteria TEXT NOT NULL,
        target_on        TEXT,
        status           TEXT NOT NULL
                         CHECK (status IN ('not_started', 'active', 'achieved', 'dropped')),
        created_at       TEXT NOT NULL,
        updated_at       TEXT NOT NULL,
        deleted_at       TEXT
    ) STRICT;
    CREATE INDEX goal_by_partnership ON goal (partnership_id);

    CREATE TABLE milestone (
        id         TEXT PRIMARY KEY NOT NULL,
        goal_id    TEXT NOT NULL REFERENCES goal (id) ON DELETE CASCADE,
        position   INTEGER NOT NULL,
        title      TEXT NOT NULL,
        due_on     TEXT,
        done       INTEGER NOT NULL CHECK (done IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
    ) STRICT;
    CREATE INDEX milestone_by_goal ON milestone (goal_id, position);

    CREATE TABLE goal_progress (
        id          TEXT PRIMARY KEY NOT NULL,
        goal_id     TEXT NOT NULL REFERENCES goal (id) ON DELETE CASCADE,
        recorded_on TEXT NOT NULL,
        value       INTEGER NOT NULL CHECK (value BETWEEN 0 AND 100),
        note        TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        deleted_at  TEXT
    ) STRICT;
    CREATE INDEX goal_progress_by_goal ON goal_progress (goal_id, recorded_on);

    -- The search index. `search_doc` maps an FTS row to what it indexes; a thing in the
    -- trash has no row. `parent_id` is what opens it (a session for an action item...).
    CREATE TABLE search_doc (
        docid          INTEGER PRIMARY KEY,
        kind           TEXT NOT NULL,
        ref_id         TEXT NOT NULL UNIQUE,
        parent_id      TEXT,
        partnership_id TEXT NOT NULL
    ) STRICT;
    CREATE VIRTUAL TABLE search_fts USING fts5 (
        title, body, tokenize = 'unicode61 remove_diacritics 2'
    );

CREATE TRIGGER session_search_insert AFTER INSERT ON session BEGIN
    INSERT INTO search_doc (kind, ref_id, parent_id, partnership_id)
        SELECT 'session', new.id, NULL, new.partnership_id WHERE new.deleted_at IS NULL;
    INSERT INTO search_fts (rowid, title, body)
        SELECT docid, new.title, concat_ws(char(10), new.agenda, new.notes, new.shared, new.learned, new.reflection) FROM search_doc WHERE ref_id = new.id;
END;
CREATE TRIGGER session_search_update AFTER UPDATE ON session BEGIN
    DELETE FROM search_fts WHERE rowid = (SELECT docid FROM search_doc WHERE ref_id = old.id);
    DELETE FROM search_doc WHERE ref_id = old.id;
    INSERT INTO search_doc (kind, ref_id, parent_id, partnership_id)
        SELECT 'session', new.id, NULL, new.partnership_id WHERE new.deleted_at IS NULL;
    INSERT INTO search_fts (rowid, title, body)
        SELECT docid, new.title, concat_ws(char(10), new.agenda, new.notes, new.shared, new.learned, new.reflection) FROM search_doc WHERE ref_id = new.id;
END;
CREATE TRIGGER session_search_delete AFTER DELETE ON session BEGIN
    DELETE FROM search_fts WHERE rowid = (SELECT docid FROM search_doc WHERE ref_id = old.id);
    DELETE FROM search_doc WHERE ref_id = old.id;
END;

CREATE TRIGGER action_item_search_insert AFTER INSERT ON action_item BEGIN
    INSERT INTO search_doc (kind, ref_id, parent_id, partnership_id)
        SELECT 'action_item', new.id, new.session_id, (SELECT partnership_id FROM session WHERE id = new.session_id) WHERE new.deleted_at IS NULL;
    INSERT INTO search_fts (rowid, title, body)
        SELECT docid, new.text, '' FROM search_doc WHERE ref_id = new.id;
END;
CREATE TRIGGER action_item_search_update AFTER UPDATE ON action_item BEGIN
    DELETE FROM search_fts WHERE rowid = (SELECT docid FROM search_doc WHERE ref_id = old.id);
    DELETE FROM search_doc WHERE ref_id = old.id;
    INSERT INTO search_doc (kind, ref_id, parent_id, partnership_id)
        SELECT 'action_item', new.id, new.session_id, (SELECT partnership_id FROM session WHERE id = new.session_id) WHERE new.deleted_at IS NULL;
    INSERT INTO search_fts (rowid, title, body)
        SELECT docid, new.text, '' FROM search_doc WHERE ref_id = new.id;
END;
CREATE TRIGGER action_item_search_delete AFTER DELETE ON action_item BEGIN
    DELETE FROM search_fts WHERE rowid = (SELECT docid FROM search_doc WHERE ref_id = old.id);
    DELETE FROM search_doc WHERE ref_id = old.id;
END;

CREATE TRIGGER goal_search_insert AFTER INSERT ON goal BEGIN
    INSERT INTO search_doc (kind, ref_id, parent_id, partnership_id)
        SELECT 'goal', new.id, NULL, new.partnership_id WHERE new.deleted_at IS NULL;
    INSERT INTO search_fts (rowid, title, body)
        SELECT docid, new.title, concat_ws(char(10), new.description, new.success_criteria) FROM search_doc WHERE ref_id = new.id;
END;
CREATE TRIGGER goal_search_update AFTER UPDATE ON goal BEGIN
    DELETE FROM search_fts WHERE rowid = (SELECT docid FROM search_doc WHERE ref_id = old.id);
    DELETE FROM search_doc WHERE ref_id = old.id;
    INSERT INTO search_doc (kind, ref_id, parent_id, partnership_id)
        SELECT 'goal', new.id, NULL, new.partnership_id WHERE new.deleted_at IS NULL;
    INSERT INTO search_fts (rowid, title, body)
        SELECT docid, new.title, concat_ws(char(10), new.description, new.success_criteria) FROM search_doc WHERE ref_id = new.id;
END;
CREATE TRIGGER goal_search_delete AFTER DELETE ON goal BEGIN
    DELETE FROM search_fts WHERE rowid = (SELECT docid FROM search_doc WHERE ref_id = old.id);
    DELETE FROM search_doc WHERE ref_id = old.id;
END;

CREATE TRIGGER milestone_search_insert AFTER INSERT ON milestone BEGIN
    INSERT INTO search_doc (kind, ref_id, parent_id, partnership_id)
        SELECT 'milestone', new.id, new.goal_id, (SELECT partnership_id FROM goal WHERE id = new.goal_id) WHERE new.deleted_at IS NULL;
    INSERT INTO search_fts (rowid, title, body)
        SELECT docid, new.title, '' FROM search_doc WHERE ref_id = new.id;
END;
CREATE TRIGGER milestone_search_update AFTER UPDATE ON milestone BEGIN
    DELETE FROM search_fts WHERE rowid = (SELECT docid FROM search_doc WHERE ref_id = old.id);
    DELETE FROM search_doc WHERE ref_id = old.id;
    INSERT INTO search_doc (kind, ref_id, parent_id, partnership_id)
        SELECT 'milestone', new.id, new.goal_id, (SELECT partnership_id FROM goal WHERE id = new.goal_id) WHERE new.deleted_at IS NULL;
    INSERT INTO search_fts (rowid, title, body)
        SELECT docid, new.title, '' FROM search_doc WHERE ref_id = new.id;
END;
CREATE TRIGGER milestone_search_delete AFTER DELETE ON milestone BEGIN
    DELETE FROM search_fts WHERE rowid = (SELECT docid FROM search_doc WHERE ref_id = old.id);
    DELETE FROM search_doc WHERE ref_id = old.id;
END;

    INSERT INTO search_doc (kind, ref_id, parent_id, partnership_id)
        SELECT 'session', id, NULL, partnership_id FROM session;
    INSERT INTO search_fts (rowid, title, body)
        SELECT d.docid, s.title, s.notes FROM search_doc d JOIN session s ON s.id = d.ref_id;
    "#,
    // 4: SWOT analyses (two sides, dated snapshots, ordered items, user links between
    // the sides) and TOWS strategies; SWOT items join the search index (reindexed only
    // when what is indexed changes, not when an item is reordered or linked).
    r#"
    CREATE TABLE swot_snapshot (
        id             TEXT PRIMARY KEY NOT NULL,
        partnership_id TEXT NOT NULL REFERENCES partnership (id) ON DELETE CASCADE,
        side           TEXT NOT NULL CHECK (side IN ('mine', 'partner')),
        taken_on       TEXT NOT NULL,
        reason         TEXT NOT NULL,
        created_at     TEXT NOT NULL,
        updated_at     TEXT NOT NULL,
        deleted_at     TEXT
    ) STRICT;
    CREATE INDEX swot_snapshot_by_partnership ON swot_snapshot (partnership_id, side, taken_on);

    CREATE TABLE swot_item (
        id          TEXT PRIMARY KEY NOT NULL,
        snapshot_id TEXT NOT NULL REFERENCES swot_snapshot (id) ON DELETE CASCADE,
        quadrant    TEXT NOT NULL
                    CHECK (quadrant IN ('strengths', 'weaknesses', 'opportunities', 'threats')),
        position    INTEGER NOT NULL,
        text        TEXT NOT NULL,
        priority    TEXT CHECK (priority IN ('high', 'medium', 'low')),
        origin_id   TEXT,
        link_id     TEXT,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        deleted_at  TEXT
    ) STRICT;
    CREATE INDEX swot_item_by_snapshot ON swot_item (snapshot_id, quadrant, position);

    CREATE TABLE tows_strategy (
        id               TEXT PRIMARY KEY NOT NULL,
        partnership_id   TEXT NOT NULL REFERENCES partnership (id) ON DELETE CASCADE,
        kind             TEXT NOT NULL CHECK (kind IN ('so', 'st', 'wo', 'wt')),
        text             TEXT NOT NULL,
        internal_item_id TEXT,
        external_item_id TEXT,
        goal_id          TEXT,
        created_at       TEXT NOT NULL,
        updated_at       TEXT NOT NULL,
        deleted_at       TEXT
    ) STRICT;
    CREATE INDEX tows_by_partnership ON tows_strategy (partnership_id);

CREATE TRIGGER swot_item_search_insert AFTER INSERT ON swot_item BEGIN
    INSERT INTO search_doc (kind, ref_id, parent_id, partnership_id)
        SELECT 'swot_item', new.id, new.snapshot_id, (SELECT partnership_id FROM swot_snapshot WHERE id = new.snapshot_id) WHERE new.deleted_at IS NULL;
    INSERT INTO search_fts (rowid, title, body)
        SELECT docid, new.text, '' FROM search_doc WHERE ref_id = new.id;
END;
CREATE TRIGGER swot_item_search_update
    AFTER UPDATE OF snapshot_id, text, deleted_at ON swot_item BEGIN
    DELETE FROM search_fts WHERE rowid = (SELECT docid FROM search_doc WHERE ref_id = old.id);
    DELETE FROM search_doc WHERE ref_id = old.id;
    INSERT INTO search_doc (kind, ref_id, parent_id, partnership_id)
        SELECT 'swot_item', new.id, new.snapshot_id, (SELECT partnership_id FROM swot_snapshot WHERE id = new.snapshot_id) WHERE new.deleted_at IS NULL;
    INSERT INTO search_fts (rowid, title, body)
        SELECT docid, new.text, '' FROM search_doc WHERE ref_id = new.id;
END;
CREATE TRIGGER swot_item_search_delete AFTER DELETE ON swot_item BEGIN
    DELETE FROM search_fts WHERE rowid = (SELECT docid FROM search_doc WHERE ref_id = old.id);
    DELETE FROM search_doc WHERE ref_id = old.id;
END;

    "#,
    // 5: "not the same": automatic SWOT pairs the user dismissed, by the two items' ids
    // (one of each side); `undone_at` once the dismissal was undone.
    r#"
    CREATE TABLE swot_pair_dismissal (
        mine_item_id    TEXT NOT NULL,
        partner_item_id TEXT NOT NULL,
        created_at      TEXT NOT NULL,
        updated_at      TEXT NOT NULL,
        undone_at       TEXT,
        PRIMARY KEY (mine_item_id, partner_item_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX swot_pair_dismissal_by_partner ON swot_pair_dismissal (partner_item_id);
    "#,
    // 6: what exchanging with a partner (and, later, syncing one's own computers) needs of
    // every record. A revision stamp (`rev`) from a hybrid logical clock, set by triggers on
    // every insert and update whoever writes (this app, its command line, another program):
    // `WWWWWWWWWWWWW-CCCCCC-DDDDDDDDDDDDDDDD`, the wall time in milliseconds, a counter for
    // writes within one millisecond or after the clock went back, and the device (kept
    // outside the file; the store writes it into `clock` before each write), fixed-width so
    // that text order is time order and two devices never tie. A write that sets `rev`
    // itself (an import taking another copy's record) keeps it. Rows from before get a
    // stamp from their `updated_at` and device zero. Hard deletes (emptying the trash, and
    // their cascades) leave a tombstone, so an older copy can never bring a record back;
    // a record written again (the sample loaded afresh) lifts its tombstone.
    // A visibility on goals, SWOT snapshots and the agreement (private until shared), as
    // sessions have. The journal's own id (`journal_meta`) is made on the first write.
    // The search index's update triggers now name their columns, so stamping a row does
    // not reindex it.
    r#"
    CREATE TABLE journal_meta (
        key   TEXT PRIMARY KEY NOT NULL,
        value TEXT NOT NULL
    ) STRICT;

    CREATE TABLE clock (
        id      INTEGER PRIMARY KEY CHECK (id = 1),
        wall    INTEGER NOT NULL,
        counter INTEGER NOT NULL,
        device  TEXT NOT NULL
    ) STRICT;
    INSERT INTO clock (id, wall, counter, device) VALUES (1, 0, 0, '0000000000000000');

    CREATE TABLE tombstone (
        id         TEXT PRIMARY KEY NOT NULL,
        kind       TEXT NOT NULL,
        rev        TEXT NOT NULL
    ) STRICT;

    ALTER TABLE goal ADD COLUMN visibility TEXT NOT NULL DEFAULT 'private'
        CHECK (visibility IN ('private', 'shared'));
    ALTER TABLE swot_snapshot ADD COLUMN visibility TEXT NOT NULL DEFAULT 'private'
        CHECK (visibility IN ('private', 'shared'));
    ALTER TABLE partnership ADD COLUMN agreement_visibility TEXT NOT NULL DEFAULT 'private'
        CHECK (agreement_visibility IN ('private', 'shared'));

    ALTER TABLE partnership ADD COLUMN rev TEXT;
    UPDATE partnership SET rev = printf('%013d-%06d-%s',
        CAST(unixepoch(updated_at, 'subsec') * 1000 AS INTEGER), 0, '0000000000000000');
    ALTER TABLE session ADD COLUMN rev TEXT;
    UPDATE session SET rev = printf('%013d-%06d-%s',
        CAST(unixepoch(updated_at, 'subsec') * 1000 AS INTEGER), 0, '0000000000000000');
    ALTER TABLE action_item ADD COLUMN rev TEXT;
    UPDATE action_item SET rev = printf('%013d-%06d-%s',
        CAST(unixepoch(updated_at, 'subsec') * 1000 AS INTEGER), 0, '0000000000000000');
    ALTER TABLE goal ADD COLUMN rev TEXT;
    UPDATE goal SET rev = printf('%013d-%06d-%s',
        CAST(unixepoch(updated_at, 'subsec') * 1000 AS INTEGER), 0, '0000000000000000');
    ALTER TABLE milestone ADD COLUMN rev TEXT;
    UPDATE milestone SET rev = printf('%013d-%06d-%s',
        CAST(unixepoch(updated_at, 'subsec') * 1000 AS INTEGER), 0, '0000000000000000');
    ALTER TABLE goal_progress ADD COLUMN rev TEXT;
    UPDATE goal_progress SET rev = printf('%013d-%06d-%s',
        CAST(unixepoch(updated_at, 'subsec') * 1000 AS INTEGER), 0, '0000000000000000');
    ALTER TABLE swot_snapshot ADD COLUMN rev TEXT;
    UPDATE swot_snapshot SET rev = printf('%013d-%06d-%s',
        CAST(unixepoch(updated_at, 'subsec') * 1000 AS INTEGER), 0, '0000000000000000');
    ALTER TABLE swot_item ADD COLUMN rev TEXT;
    UPDATE swot_item SET rev = printf('%013d-%06d-%s',
        CAST(unixepoch(updated_at, 'subsec') * 1000 AS INTEGER), 0, '0000000000000000');
    ALTER TABLE tows_strategy ADD COLUMN rev TEXT;
    UPDATE tows_strategy SET rev = printf('%013d-%06d-%s',
        CAST(unixepoch(updated_at, 'subsec') * 1000 AS INTEGER), 0, '0000000000000000');

CREATE TRIGGER partnership_rev_insert AFTER INSERT ON partnership WHEN new.rev IS NULL BEGIN
    UPDATE clock SET
        counter = CASE WHEN CAST(unixepoch('subsec') * 1000 AS INTEGER) > wall THEN 0 ELSE counter + 1 END,
        wall = max(wall, CAST(unixepoch('subsec') * 1000 AS INTEGER));
    UPDATE partnership SET rev = (SELECT printf('%013d-%06d-%s', wall, counter, device) FROM clock) WHERE id = new.id;
END;
CREATE TRIGGER partnership_rev_update AFTER UPDATE ON partnership WHEN new.rev IS old.rev BEGIN
    UPDATE clock SET
        counter = CASE WHEN CAST(unixepoch('subsec') * 1000 AS INTEGER) > wall THEN 0 ELSE counter + 1 END,
        wall = max(wall, CAST(unixepoch('subsec') * 1000 AS INTEGER));
    UPDATE partnership SET rev = (SELECT printf('%013d-%06d-%s', wall, counter, device) FROM clock) WHERE id = new.id;
END;
CREATE TRIGGER partnership_alive AFTER INSERT ON partnership BEGIN
    DELETE FROM tombstone WHERE id = new.id;
END;
CREATE TRIGGER partnership_tombstone AFTER DELETE ON partnership BEGIN
    UPDATE clock SET
        counter = CASE WHEN CAST(unixepoch('subsec') * 1000 AS INTEGER) > wall THEN 0 ELSE counter + 1 END,
        wall = max(wall, CAST(unixepoch('subsec') * 1000 AS INTEGER));
    INSERT OR REPLACE INTO tombstone (id, kind, rev) VALUES (old.id, 'partnership', (SELECT printf('%013d-%06d-%s', wall, counter, device) FROM clock));
END;
CREATE TRIGGER session_rev_insert AFTER INSERT ON session WHEN new.rev IS NULL BEGIN
    UPDATE clock SET
        counter = CASE WHEN CAST(unixepoch('subsec') * 1000 AS INTEGER) > wall THEN 0 ELSE counter + 1 END,
        wall = max(wall, CAST(unixepoch('subsec') * 1000 AS INTEGER));
    UPDATE session SET rev = (SELECT printf('%013d-%06d-%s', wall, counter, device) FROM clock) WHERE id = new.id;
END;
CREATE TRIGGER session_rev_update AFTER UPDATE ON session WHEN new.rev IS old.rev BEGIN
    UPDATE clock SET
        counter = CASE WHEN CAST(unixepoch('subsec') * 1000 AS INTEGER) > wall THEN 0 ELSE counter + 1 END,
        wall = max(wall, CAST(unixepoch('subsec') * 1000 AS INTEGER));
    UPDATE session SET rev = (SELECT printf('%013d-%06d-%s', wall, counter, device) FROM clock) WHERE id = new.id;
END;
CREATE TRIGGER session_alive AFTER INSERT ON session BEGIN
    DELETE FROM tombstone WHERE id = new.id;
END;
CREATE TRIGGER session_tombstone AFTER DELETE ON session BEGIN
    UPDATE clock SET
        counter = CASE WHEN CAST(unixepoch('subsec') * 1000 AS INTEGER) > wall THEN 0 ELSE counter + 1 END,
        wall = max(wall, CAST(unixepoch('subsec') * 1000 AS INTEGER));
    INSERT OR REPLACE INTO tombstone (id, kind, rev) VALUES (old.id, 'session', (SELECT printf('%013d-%06d-%s', wall, counter, device) FROM clock));
END;
CREATE TRIGGER action_item_rev_insert AFTER INSERT ON action_item WHEN new.rev IS NULL BEGIN
    UPDATE clock SET
        counter = CASE WHEN CAST(unixepoch('subsec') * 1000 AS INTEGER) > wall THEN 0 ELSE counter + 1 END,
        wall = max(wall, CAST(unixepoch('subsec') * 1000 AS INTEGER));
    UPDATE action_item SET rev = (SELECT printf('%013d-%06d-%s', wall, counter, device) FROM clock) WHERE id = new.id;
END;
CREATE TRIGGER action_item_rev_update AFTER UPDATE ON action_item WHEN new.rev IS old.rev BEGIN
    UPDATE clock SET
        counter = CASE WHEN CAST(unixepoch('subsec') * 1000 AS INTEGER) > wall THEN 0 ELSE counter + 1 END,
        wall = max(wall, CAST(unixepoch('subsec') * 1000 AS INTEGER));
    UPDATE action_item SET rev = (SELECT printf('%013d-%06d-%s', wall, counter, device) FROM clock) WHERE id = new.id;
END;
CREATE TRIGGER action_item_alive AFTER INSERT ON action_item BEGIN
    DELETE FROM tombstone WHERE id = new.id;
END;
CREATE TRIGGER action_item_tombstone AFTER DELETE ON action_item BEGIN
    UPDATE clock SET
        counter = CASE WHEN CAST(unixepoch('subsec') * 1000 AS INTEGER) > wall THEN 0 ELSE counter + 1 END,
        wall = max(wall, CAST(unixepoch('subsec') * 1000 AS INTEGER));
    INSERT OR REPLACE INTO tombstone (id, kind, rev) VALUES (old.id, 'action_item', (SELECT printf('%013d-%06d-%s', wall, counter, device) FROM clock));
END;
CREATE TRIGGER goal_rev_insert AFTER INSERT ON goal WHEN new.rev IS NULL BEGIN
    UPDATE clock SET
        counter = CASE WHEN CAST(unixepoch('subsec') * 1000 AS INTEGER) > wall THEN 0 ELSE counter + 1 END,
        wall = max(wall, CAST(unixepoch('subsec') * 1000 AS INTEGER));
    UPDATE goal SET rev = (SELECT printf('%013d-%06d-%s', wall, counter, device) FROM clock) WHERE id = new.id;
END;
CREATE TRIGGER goal_rev_update AFTER UPDATE ON goal WHEN new.rev IS old.rev BEGIN
    UPDATE clock SET
        counter = CASE WHEN CAST(unixepoch('subsec') * 1000 AS INTEGER) > wall THEN 0 ELSE counter + 1 END,
        wall = max(wall, CAST(unixepoch('subsec') * 1000 AS INTEGER));
    UPDATE goal SET rev = (SELECT printf('%013d-%06d-%s', wall, counter, device) FROM clock) WHERE id = new.id;
END;
CREATE TRIGGER goal_alive AFTER INSERT ON goal BEGIN
    DELETE FROM tombstone WHERE id = new.id;
END;
CREATE TRIGGER goal_tombstone AFTER DELETE ON goal BEGIN
    UPDATE clock SET
        counter = CASE WHEN CAST(unixepoch('subsec') * 1000 AS INTEGER) > wall THEN 0 ELSE counter + 1 END,
        wall = max(wall, CAST(unixepoch('subsec') * 1000 AS INTEGER));
    INSERT OR REPLACE INTO tombstone (id, kind, rev) VALUES (old.id, 'goal', (SELECT printf('%013d-%06d-%s', wall, counter, device) FROM clock));
END;
CREATE TRIGGER milestone_rev_insert AFTER INSERT ON milestone WHEN new.rev IS NULL BEGIN
    UPDATE clock SET
        counter = CASE WHEN CAST(unixepoch('subsec') * 1000 AS INTEGER) > wall THEN 0 ELSE counter + 1 END,
        wall = max(wall, CAST(unixepoch('subsec') * 1000 AS INTEGER));
    UPDATE milestone SET rev = (SELECT printf('%013d-%06d-%s', wall, counter, device) FROM clock) WHERE id = new.id;
END;
CREATE TRIGGER milestone_rev_update AFTER UPDATE ON milestone WHEN new.rev IS old.rev BEGIN
    UPDATE clock SET
        counter = CASE WHEN CAST(unixepoch('subsec') * 1000 AS INTEGER) > wall THEN 0 ELSE counter + 1 END,
        wall = max(wall, CAST(unixepoch('subsec') * 1000 AS INTEGER));
    UPDATE milestone SET rev = (SELECT printf('%013d-%06d-%s', wall, counter, device) FROM clock) WHERE id = new.id;
END;
CREATE TRIGGER milestone_alive AFTER INSERT ON milestone BEGIN
    DELETE FROM tombstone WHERE id = new.id;
END;
CREATE TRIGGER milestone_tombstone AFTER DELETE ON milestone BEGIN
    UPDATE clock SET
        counter = CASE WHEN CAST(unixepoch('subsec') * 1000 AS INTEGER) > wall THEN 0 ELSE counter + 1 END,
        wall = max(wall, CAST(unixepoch('subsec') * 1000 AS INTEGER));
    INSERT OR REPLACE INTO tombstone (id, kind, rev) VALUES (old.id, 'milestone', (SELECT printf('%013d-%06d-%s', wall, counter, device) FROM clock));
END;
CREATE TRIGGER goal_progress_rev_insert AFTER INSERT ON goal_progress WHEN new.rev IS NULL BEGIN
    UPDATE clock SET
        counter = CASE WHEN CAST(unixepoch('subsec') * 1000 AS INTEGER) > wall THEN 0 ELSE counter + 1 END,
        wall = max(wall, CAST(unixepoch('subsec') * 1000 AS INTEGER));
    UPDATE goal_progress SET rev = (SELECT printf('%013d-%06d-%s', wall, counter, device) FROM clock) WHERE id = new.id;
END;
CREATE TRIGGER goal_progress_rev_update AFTER UPDATE ON goal_progress WHEN new.rev IS old.rev BEGIN
    UPDATE clock SET
        counter = CASE WHEN CAST(unixepoch('subsec') * 1000 AS INTEGER) > wall THEN 0 ELSE counter + 1 END,
        wall = max(wall, CAST(unixepoch('subsec') * 1000 AS INTEGER));
    UPDATE goal_progress SET rev = (SELECT printf('%013d-%06d-%s', wall, counter, device) FROM clock) WHERE id = new.id;
END;
CREATE TRIGGER goal_progress_alive AFTER INSERT ON goal_progress BEGIN
    DELETE FROM tombstone WHERE id = new.id;
END;
CREATE TRIGGER goal_progress_tombstone AFTER DELETE ON goal_progress BEGIN
    UPDATE clock SET
        counter = CASE WHEN CAST(unixepoch('subsec') * 1000 AS INTEGER) > wall THEN 0 ELSE counter + 1 END,
        wall = max(wall, CAST(unixepoch('subsec') * 1000 AS INTEGER));
    INSERT OR REPLACE INTO tombstone (id, kind, rev) VALUES (old.id, 'goal_progress', (SELECT printf('%013d-%06d-%s', wall, counter, device) FROM clock));
END;
CREATE TRIGGER swot_snapshot_rev_insert AFTER INSERT ON swot_snapshot WHEN new.rev IS NULL BEGIN
    UPDATE clock SET
        counter = CASE WHEN CAST(unixepoch('subsec') * 1000 AS INTEGER) > wall THEN 0 ELSE counter + 1 END,
        wall = max(wall, CAST(unixepoch('subsec') * 1000 AS INTEGER));
    UPDATE swot_snapshot SET rev = (SELECT printf('%013d-%06d-%s', wall, counter, device) FROM clock) WHERE id = new.id;
END;
CREATE TRIGGER swot_snapshot_rev_update AFTER UPDATE ON swot_snapshot WHEN new.rev IS old.rev BEGIN
    UPDATE clock SET
        counter = CASE WHEN CAST(unixepoch('subsec') * 1000 AS INTEGER) > wall THEN 0 ELSE counter + 1 END,
        wall = max(wall, CAST(unixepoch('subsec') * 1000 AS INTEGER));
    UPDATE swot_snapshot SET rev = (SELECT printf('%013d-%06d-%s', wall, counter, device) FROM clock) WHERE id = new.id;
END;
CREATE TRIGGER swot_snapshot_alive AFTER INSERT ON swot_snapshot BEGIN
    DELETE FROM tombstone WHERE id = new.id;
END;
CREATE TRIGGER swot_snapshot_tombstone AFTER DELETE ON swot_snapshot BEGIN
    UPDATE clock SET
        counter = CASE WHEN CAST(unixepoch('subsec') * 1000 AS INTEGER) > wall THEN 0 ELSE counter + 1 END,
        wall = max(wall, CAST(unixepoch('subsec') * 1000 AS INTEGER));
    INSERT OR REPLACE INTO tombstone (id, kind, rev) VALUES (old.id, 'swot_snapshot', (SELECT printf('%013d-%06d-%s', wall, counter, device) FROM clock));
END;
CREATE TRIGGER swot_item_rev_insert AFTER INSERT ON swot_item WHEN new.rev IS NULL BEGIN
    UPDATE clock SET
        counter = CASE WHEN CAST(unixepoch('subsec') * 1000 AS INTEGER) > wall THEN 0 ELSE counter + 1 END,
        wall = max(wall, CAST(unixepoch('subsec') * 1000 AS INTEGER));
    UPDATE swot_item SET rev = (SELECT printf('%013d-%06d-%s', wall, counter, device) FROM clock) WHERE id = new.id;
END;
CREATE TRIGGER swot_item_rev_update AFTER UPDATE ON swot_item WHEN new.rev IS old.rev BEGIN
    UPDATE clock SET
        counter = CASE WHEN CAST(unixepoch('subsec') * 1000 AS INTEGER) > wall THEN 0 ELSE counter + 1 END,
        wall = max(wall, CAST(unixepoch('subsec') * 1000 AS INTEGER));
    UPDATE swot_item SET rev = (SELECT printf('%013d-%06d-%s', wall, counter, device) FROM clock) WHERE id = new.id;
END;
CREATE TRIGGER swot_item_alive AFTER INSERT ON swot_item BEGIN
    DELETE FROM tombstone WHERE id = new.id;
END;
CREATE TRIGGER swot_item_tombstone AFTER DELETE ON swot_item BEGIN
    UPDATE clock SET
        counter = CASE WHEN CAST(unixepoch('subsec') * 1000 AS INTEGER) > wall THEN 0 ELSE counter + 1 END,
        wall = max(wall, CAST(unixepoch('subsec') * 1000 AS INTEGER));
    INSERT OR REPLACE INTO tombstone (id, kind, rev) VALUES (old.id, 'swot_item', (SELECT printf('%013d-%06d-%s', wall, counter, device) FROM clock));
END;
CREATE TRIGGER tows_strategy_rev_insert AFTER INSERT ON tows_strategy WHEN new.rev IS NULL BEGIN
    UPDATE clock SET
        counter = CASE WHEN CAST(unixepoch('subsec') * 1000 AS INTEGER) > wall THEN 0 ELSE counter + 1 END,
        wall = max(wall, CAST(unixepoch('subsec') * 1000 AS INTEGER));
    UPDATE tows_strategy SET rev = (SELECT printf('%013d-%06d-%s', wall, counter, device) FROM clock) WHERE id = new.id;
END;
CREATE TRIGGER tows_strategy_rev_update AFTER UPDATE ON tows_strategy WHEN new.rev IS old.rev BEGIN
    UPDATE clock SET
        counter = CASE WHEN CAST(unixepoch('subsec') * 1000 AS INTEGER) > wall THEN 0 ELSE counter + 1 END,
        wall = max(wall, CAST(unixepoch('subsec') * 1000 AS INTEGER));
    UPDATE tows_strategy SET rev = (SELECT printf('%013d-%06d-%s', wall, counter, device) FROM clock) WHERE id = new.id;
END;
CREATE TRIGGER tows_strategy_alive AFTER INSERT ON tows_strategy BEGIN
    DELETE FROM tombstone WHERE id = new.id;
END;
CREATE TRIGGER tows_strategy_tombstone AFTER DELETE ON tows_strategy BEGIN
    UPDATE clock SET
        counter = CASE WHEN CAST(unixepoch('subsec') * 1000 AS INTEGER) > wall THEN 0 ELSE counter + 1 END,
        wall = max(wall, CAST(unixepoch('subsec') * 1000 AS INTEGER));
    INSERT OR REPLACE INTO tombstone (id, kind, rev) VALUES (old.id, 'tows_strategy', (SELECT printf('%013d-%06d-%s', wall, counter, device) FROM clock));
END;

    -- A session's topics are part of it: changing them is a change of the session.
CREATE TRIGGER session_topic_rev_insert AFTER INSERT ON session_topic BEGIN
    UPDATE session SET rev = rev WHERE id = new.session_id;
END;
CREATE TRIGGER session_topic_rev_delete AFTER DELETE ON session_topic BEGIN
    UPDATE session SET rev = rev WHERE id = old.session_id;
END;

DROP TRIGGER session_search_update;
CREATE TRIGGER session_search_update AFTER UPDATE OF title, agenda, notes, shared, learned, reflection, partnership_id, deleted_at ON session BEGIN
    DELETE FROM search_fts WHERE rowid = (SELECT docid FROM search_doc WHERE ref_id = old.id);
    DELETE FROM search_doc WHERE ref_id = old.id;
    INSERT INTO search_doc (kind, ref_id, parent_id, partnership_id)
        SELECT 'session', new.id, NULL, new.partnership_id WHERE new.deleted_at IS NULL;
    INSERT INTO search_fts (rowid, title, body)
        SELECT docid, new.title, concat_ws(char(10), new.agenda, new.notes, new.shared, new.learned, new.reflection) FROM search_doc WHERE ref_id = new.id;
END;
DROP TRIGGER action_item_search_update;
CREATE TRIGGER action_item_search_update AFTER UPDATE OF text, session_id, deleted_at ON action_item BEGIN
    DELETE FROM search_fts WHERE rowid = (SELECT docid FROM search_doc WHERE ref_id = old.id);
    DELETE FROM search_doc WHERE ref_id = old.id;
    INSERT INTO search_doc (kind, ref_id, parent_id, partnership_id)
        SELECT 'action_item', new.id, new.session_id, (SELECT partnership_id FROM session WHERE id = new.session_id) WHERE new.deleted_at IS NULL;
    INSERT INTO search_fts (rowid, title, body)
        SELECT docid, new.text, '' FROM search_doc WHERE ref_id = new.id;
END;
DROP TRIGGER goal_search_update;
CREATE TRIGGER goal_search_update AFTER UPDATE OF title, description, success_criteria, partnership_id, deleted_at ON goal BEGIN
    DELETE FROM search_fts WHERE rowid = (SELECT docid FROM search_doc WHERE ref_id = old.id);
    DELETE FROM search_doc WHERE ref_id = old.id;
    INSERT INTO search_doc (kind, ref_id, parent_id, partnership_id)
        SELECT 'goal', new.id, NULL, new.partnership_id WHERE new.deleted_at IS NULL;
    INSERT INTO search_fts (rowid, title, body)
        SELECT docid, new.title, concat_ws(char(10), new.description, new.success_criteria) FROM search_doc WHERE ref_id = new.id;
END;
DROP TRIGGER milestone_search_update;
CREATE TRIGGER milestone_search_update AFTER UPDATE OF title, goal_id, deleted_at ON milestone BEGIN
    DELETE FROM search_fts WHERE rowid = (SELECT docid FROM search_doc WHERE ref_id = old.id);
    DELETE FROM search_doc WHERE ref_id = old.id;
    INSERT INTO search_doc (kind, ref_id, parent_id, partnership_id)
        SELECT 'milestone', new.id, new.goal_id, (SELECT partnership_id FROM goal WHERE id = new.goal_id) WHERE new.deleted_at IS NULL;
    INSERT INTO search_fts (rowid, title, body)
        SELECT docid, new.title, '' FROM search_doc WHERE ref_id = new.id;
END;
    "#,
    // 7: partner exchange. A link per partnership (`exchange_link`), with this journal's
    // own identity for that link only (a fresh key pair per link: six fingerprint words
    // keep their strength, and links to two partners cannot be tied together), the
    // partner's public keys once known, and the sequences sent and received. The partner's
    // content, as their last bundle had it and in my words (flipped), lives apart from my
    // records in `partner_*` tables keyed by (link, the partner's id): a bundle replaces
    // them whole and never touches my own rows (`partner_item_done` is mine: the partner's
    // items asked of me that I have done, sent back as acknowledgements). An unpaired link keeps no identity (its
    // `identity` is emptied) but may keep the partner's content.
    r#"
    CREATE TABLE exchange_link (
        id                  TEXT PRIMARY KEY NOT NULL,
        partnership_id      TEXT NOT NULL REFERENCES partnership (id) ON DELETE CASCADE,
        identity            TEXT NOT NULL,
        partner_age         TEXT,
        partner_signing     TEXT,
        partner_name        TEXT NOT NULL,
        state               TEXT NOT NULL CHECK (state IN ('invited', 'paired', 'unpaired')),
        verified_at         TEXT,
        sent_sequence       INTEGER NOT NULL DEFAULT 0,
        received_sequence   INTEGER NOT NULL DEFAULT 0,
        received_created_at TEXT,
        received_payload    BLOB,
        created_at          TEXT NOT NULL,
        updated_at          TEXT NOT NULL
    ) STRICT;
    -- One live link per partnership; an unpaired one may stay, for the content it brought.
    CREATE UNIQUE INDEX exchange_link_live ON exchange_link (partnership_id)
        WHERE state <> 'unpaired';

    CREATE TABLE partner_session (
        link_id          TEXT NOT NULL REFERENCES exchange_link (id) ON DELETE CASCADE,
        id               TEXT NOT NULL,
        held_at          TEXT NOT NULL,
        duration_minutes INTEGER NOT NULL,
        format           TEXT NOT NULL,
        title            TEXT NOT NULL,
        agenda           TEXT NOT NULL,
        notes            TEXT NOT NULL,
        shared           TEXT NOT NULL,
        learned          TEXT NOT NULL,
        PRIMARY KEY (link_id, id)
    ) STRICT, WITHOUT ROWID;
    CREATE TABLE partner_session_topic (
        link_id    TEXT NOT NULL,
        session_id TEXT NOT NULL,
        position   INTEGER NOT NULL,
        name       TEXT NOT NULL,
        PRIMARY KEY (link_id, session_id, position),
        FOREIGN KEY (link_id, session_id) REFERENCES partner_session (link_id, id) ON DELETE CASCADE
    ) STRICT, WITHOUT ROWID;
    CREATE TABLE partner_action_item (
        link_id    TEXT NOT NULL,
        id         TEXT NOT NULL,
        session_id TEXT NOT NULL,
        position   INTEGER NOT NULL,
        text       TEXT NOT NULL,
        owner      TEXT NOT NULL CHECK (owner IN ('me', 'partner', 'both')),
        due_on     TEXT,
        done       INTEGER NOT NULL CHECK (done IN (0, 1)),
        PRIMARY KEY (link_id, id),
        FOREIGN KEY (link_id, session_id) REFERENCES partner_session (link_id, id) ON DELETE CASCADE
    ) STRICT, WITHOUT ROWID;
    CREATE TABLE partner_goal (
        link_id          TEXT NOT NULL REFERENCES exchange_link (id) ON DELETE CASCADE,
        id               TEXT NOT NULL,
        title            TEXT NOT NULL,
        description      TEXT NOT NULL,
        whose            TEXT NOT NULL CHECK (whose IN ('mine', 'partners', 'shared')),
        direction        TEXT NOT NULL
                         CHECK (direction IN ('i_learn', 'partner_learns', 'both_learn')),
        success_criteria TEXT NOT NULL,
        target_on        TEXT,
        status           TEXT NOT NULL,
        PRIMARY KEY (link_id, id)
    ) STRICT, WITHOUT ROWID;
    CREATE TABLE partner_milestone (
        link_id  TEXT NOT NULL,
        id       TEXT NOT NULL,
        goal_id  TEXT NOT NULL,
        position INTEGER NOT NULL,
        title    TEXT NOT NULL,
        due_on   TEXT,
        done     INTEGER NOT NULL CHECK (done IN (0, 1)),
        PRIMARY KEY (link_id, id),
        FOREIGN KEY (link_id, goal_id) REFERENCES partner_goal (link_id, id) ON DELETE CASCADE
    ) STRICT, WITHOUT ROWID;
    CREATE TABLE partner_progress (
        link_id     TEXT NOT NULL,
        id          TEXT NOT NULL,
        goal_id     TEXT NOT NULL,
        recorded_on TEXT NOT NULL,
        value       INTEGER NOT NULL CHECK (value BETWEEN 0 AND 100),
        note        TEXT NOT NULL,
        PRIMARY KEY (link_id, id),
        FOREIGN KEY (link_id, goal_id) REFERENCES partner_goal (link_id, id) ON DELETE CASCADE
    ) STRICT, WITHOUT ROWID;
    CREATE TABLE partner_swot_snapshot (
        link_id  TEXT NOT NULL REFERENCES exchange_link (id) ON DELETE CASCADE,
        id       TEXT NOT NULL,
        side     TEXT NOT NULL CHECK (side IN ('mine', 'partner')),
        taken_on TEXT NOT NULL,
        reason   TEXT NOT NULL,
        PRIMARY KEY (link_id, id)
    ) STRICT, WITHOUT ROWID;
    CREATE TABLE partner_swot_item (
        link_id     TEXT NOT NULL,
        id          TEXT NOT NULL,
        snapshot_id TEXT NOT NULL,
        quadrant    TEXT NOT NULL
                    CHECK (quadrant IN ('strengths', 'weaknesses', 'opportunities', 'threats')),
        position    INTEGER NOT NULL,
        text        TEXT NOT NULL,
        priority    TEXT CHECK (priority IN ('high', 'medium', 'low')),
        PRIMARY KEY (link_id, id),
        FOREIGN KEY (link_id, snapshot_id) REFERENCES partner_swot_snapshot (link_id, id) ON DELETE CASCADE
    ) STRICT, WITHOUT ROWID;
    CREATE TABLE partner_agreement (
        link_id         TEXT PRIMARY KEY NOT NULL REFERENCES exchange_link (id) ON DELETE CASCADE,
        objectives      TEXT NOT NULL,
        boundaries      TEXT NOT NULL,
        cadence_days    INTEGER,
        session_minutes INTEGER,
        ending          TEXT NOT NULL
    ) STRICT;
    CREATE TABLE partner_acknowledgement (
        link_id        TEXT NOT NULL REFERENCES exchange_link (id) ON DELETE CASCADE,
        session_id     TEXT NOT NULL,
        action_item_id TEXT NOT NULL,
        PRIMARY KEY (link_id, action_item_id)
    ) STRICT, WITHOUT ROWID;
    -- Mine: the partner's action items asked of me that I marked done (sent back to them
    -- as acknowledgements).
    CREATE TABLE partner_item_done (
        link_id        TEXT NOT NULL REFERENCES exchange_link (id) ON DELETE CASCADE,
        session_id     TEXT NOT NULL,
        action_item_id TEXT NOT NULL,
        done_at        TEXT NOT NULL,
        PRIMARY KEY (link_id, action_item_id)
    ) STRICT, WITHOUT ROWID;
    "#,
    // 8: the partner's content joins the search index, labelled as theirs by the link it
    // came by (`search_doc.link_id`; its `ref_id` is "link/id", as the partner's ids are
    // theirs and need not differ from mine). Partner rows are only ever inserted and
    // deleted (a bundle replaces them whole; unpairing deletes them through the link), so
    // insert and delete triggers keep the index in step.
    r#"
    ALTER TABLE search_doc ADD COLUMN link_id TEXT;
CREATE TRIGGER partner_session_search_insert AFTER INSERT ON partner_session BEGIN
    INSERT INTO search_doc (kind, ref_id, parent_id, partnership_id, link_id)
        SELECT 'session', new.link_id || '/' || new.id, NULL, partnership_id, new.link_id
        FROM exchange_link WHERE id = new.link_id;
    INSERT INTO search_fts (rowid, title, body)
        SELECT docid, new.title, concat_ws(char(10), new.agenda, new.notes, new.shared, new.learned) FROM search_doc WHERE ref_id = new.link_id || '/' || new.id;
END;
CREATE TRIGGER partner_session_search_delete AFTER DELETE ON partner_session BEGIN
    DELETE FROM search_fts WHERE rowid = (SELECT docid FROM search_doc WHERE ref_id = old.link_id || '/' || old.id);
    DELETE FROM search_doc WHERE ref_id = old.link_id || '/' || old.id;
END;
CREATE TRIGGER partner_action_item_search_insert AFTER INSERT ON partner_action_item BEGIN
    INSERT INTO search_doc (kind, ref_id, parent_id, partnership_id, link_id)
        SELECT 'action_item', new.link_id || '/' || new.id, new.session_id, partnership_id, new.link_id
        FROM exchange_link WHERE id = new.link_id;
    INSERT INTO search_fts (rowid, title, body)
        SELECT docid, new.text, '' FROM search_doc WHERE ref_id = new.link_id || '/' || new.id;
END;
CREATE TRIGGER partner_action_item_search_delete AFTER DELETE ON partner_action_item BEGIN
    DELETE FROM search_fts WHERE rowid = (SELECT docid FROM search_doc WHERE ref_id = old.link_id || '/' || old.id);
    DELETE FROM search_doc WHERE ref_id = old.link_id || '/' || old.id;
END;
CREATE TRIGGER partner_goal_search_insert AFTER INSERT ON partner_goal BEGIN
    INSERT INTO search_doc (kind, ref_id, parent_id, partnership_id, link_id)
        SELECT 'goal', new.link_id || '/' || new.id, NULL, partnership_id, new.link_id
        FROM exchange_link WHERE id = new.link_id;
    INSERT INTO search_fts (rowid, title, body)
        SELECT docid, new.title, concat_ws(char(10), new.description, new.success_criteria) FROM search_doc WHERE ref_id = new.link_id || '/' || new.id;
END;
CREATE TRIGGER partner_goal_search_delete AFTER DELETE ON partner_goal BEGIN
    DELETE FROM search_fts WHERE rowid = (SELECT docid FROM search_doc WHERE ref_id = old.link_id || '/' || old.id);
    DELETE FROM search_doc WHERE ref_id = old.link_id || '/' || old.id;
END;
CREATE TRIGGER partner_milestone_search_insert AFTER INSERT ON partner_milestone BEGIN
    INSERT INTO search_doc (kind, ref_id, parent_id, partnership_id, link_id)
        SELECT 'milestone', new.link_id || '/' || new.id, new.goal_id, partnership_id, new.link_id
        FROM exchange_link WHERE id = new.link_id;
    INSERT INTO search_fts (rowid, title, body)
        SELECT docid, new.title, '' FROM search_doc WHERE ref_id = new.link_id || '/' || new.id;
END;
CREATE TRIGGER partner_milestone_search_delete AFTER DELETE ON partner_milestone BEGIN
    DELETE FROM search_fts WHERE rowid = (SELECT docid FROM search_doc WHERE ref_id = old.link_id || '/' || old.id);
    DELETE FROM search_doc WHERE ref_id = old.link_id || '/' || old.id;
END;
CREATE TRIGGER partner_swot_item_search_insert AFTER INSERT ON partner_swot_item BEGIN
    INSERT INTO search_doc (kind, ref_id, parent_id, partnership_id, link_id)
        SELECT 'swot_item', new.link_id || '/' || new.id, new.snapshot_id, partnership_id, new.link_id
        FROM exchange_link WHERE id = new.link_id;
    INSERT INTO search_fts (rowid, title, body)
        SELECT docid, new.text, '' FROM search_doc WHERE ref_id = new.link_id || '/' || new.id;
END;
CREATE TRIGGER partner_swot_item_search_delete AFTER DELETE ON partner_swot_item BEGIN
    DELETE FROM search_fts WHERE rowid = (SELECT docid FROM search_doc WHERE ref_id = old.link_id || '/' || old.id);
    DELETE FROM search_doc WHERE ref_id = old.link_id || '/' || old.id;
END;
    INSERT INTO search_doc (kind, ref_id, parent_id, partnership_id, link_id)
        SELECT 'session', r.link_id || '/' || r.id, NULL, l.partnership_id, r.link_id
        FROM partner_session r JOIN exchange_link l ON l.id = r.link_id;
    INSERT INTO search_fts (rowid, title, body)
        SELECT d.docid, r.title, concat_ws(char(10), r.agenda, r.notes, r.shared, r.learned) FROM partner_session r JOIN search_doc d ON d.ref_id = r.link_id || '/' || r.id;
    INSERT INTO search_doc (kind, ref_id, parent_id, partnership_id, link_id)
        SELECT 'action_item', r.link_id || '/' || r.id, r.session_id, l.partnership_id, r.link_id
        FROM partner_action_item r JOIN exchange_link l ON l.id = r.link_id;
    INSERT INTO search_fts (rowid, title, body)
        SELECT d.docid, r.text, '' FROM partner_action_item r JOIN search_doc d ON d.ref_id = r.link_id || '/' || r.id;
    INSERT INTO search_doc (kind, ref_id, parent_id, partnership_id, link_id)
        SELECT 'goal', r.link_id || '/' || r.id, NULL, l.partnership_id, r.link_id
        FROM partner_goal r JOIN exchange_link l ON l.id = r.link_id;
    INSERT INTO search_fts (rowid, title, body)
        SELECT d.docid, r.title, concat_ws(char(10), r.description, r.success_criteria) FROM partner_goal r JOIN search_doc d ON d.ref_id = r.link_id || '/' || r.id;
    INSERT INTO search_doc (kind, ref_id, parent_id, partnership_id, link_id)
        SELECT 'milestone', r.link_id || '/' || r.id, r.goal_id, l.partnership_id, r.link_id
        FROM partner_milestone r JOIN exchange_link l ON l.id = r.link_id;
    INSERT INTO search_fts (rowid, title, body)
        SELECT d.docid, r.title, '' FROM partner_milestone r JOIN search_doc d ON d.ref_id = r.link_id || '/' || r.id;
    INSERT INTO search_doc (kind, ref_id, parent_id, partnership_id, link_id)
        SELECT 'swot_item', r.link_id || '/' || r.id, r.snapshot_id, l.partnership_id, r.link_id
        FROM partner_swot_item r JOIN exchange_link l ON l.id = r.link_id;
    INSERT INTO search_fts (rowid, title, body)
        SELECT d.docid, r.text, '' FROM partner_swot_item r JOIN search_doc d ON d.ref_id = r.link_id || '/' || r.id;
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
