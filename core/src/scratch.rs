//! Journals in a known state, made on demand for the development server's scratch mode
//! (`tandem serve --dev --scratch`), which the UI's component tests run on: each test gets
//! a fresh file, and the states a window must cope with (damaged, from a newer Tandem, not
//! a journal at all, one that fails its deferred check) are made the way they happen, so
//! the UI is shown what the core really says about them.

use std::path::Path;

use chrono::{Duration, NaiveDate};
use serde::Deserialize;

use crate::error::{Error, Result};
use crate::exchange::Armour;
use crate::model::{
    ActionItemDraft, Agreement, GoalDraft, GoalStatus, LearningDirection, MilestoneDraft, Owner,
    PartnershipDraft, PartnershipKind, ProgressDraft, Quadrant, Role, SessionDraft, SessionFormat,
    Side, SwotItemDraft, Visibility, Whose,
};
use crate::store::Store;

/// The state a scratch journal starts in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ScratchKind {
    /// No file yet: the journal is made when it opens.
    #[default]
    Empty,
    /// The sample journal, with one backup.
    Sample,
    /// The sample journal with its header garbled (after a backup was made): it does not open.
    Damaged,
    /// 150 sessions and a backup, then garbage over the search index's root page: it
    /// opens (the check is deferred), its first screen reads, and the check finds the damage.
    FailsCheck,
    /// A journal whose schema is newer than this Tandem knows.
    TooNew,
    /// A text file where the journal should be.
    NotAJournal,
    /// Henrik's journal, paired with Zoë's, with her bundle received: her own shared SWOT,
    /// her notes on a session of his held the same day and another of hers, her goals (one
    /// of the same title as his), an item she asks of him and one of his she says she did.
    /// Her journal is made beside it (`<name>.partner.sqlite3`) and left there.
    Paired,
}

/// Makes the file at `path` (which must not exist yet) in the state `kind`. The journal is
/// closed again before this returns: the caller opens it as a window would.
pub fn make(path: &Path, kind: ScratchKind, today: NaiveDate) -> Result<()> {
    let io = |source| Error::Io {
        path: path.display().to_string(),
        source,
    };
    match kind {
        ScratchKind::Empty => {}
        ScratchKind::Sample => {
            let mut store = Store::open(path)?;
            store.load_sample(today)?;
            store.backup()?;
        }
        ScratchKind::Damaged => {
            let mut store = Store::open(path)?;
            store.load_sample(today)?;
            store.backup()?;
            drop(store);
            garble(path, |b| b[16..24].fill(0xEE)).map_err(io)?;
        }
        ScratchKind::FailsCheck => {
            let mut store = Store::open(path)?;
            crate::demo::generate(&mut store, 150, 1, today)?;
            store.backup()?;
            drop(store);
            // The damage goes where the first screen never reads (the search index's
            // root page), so that the journal opens and only the check finds it: garbage
            // over "the middle pages" hit the lists' own pages as often as not.
            let (page, size) = search_index_root(path)?;
            garble(path, |b| {
                let start = (page - 1) * size;
                if let Some(bytes) = b.get_mut(start..start + size) {
                    bytes.fill(0xA5);
                }
            })
            .map_err(io)?;
        }
        ScratchKind::TooNew => {
            Store::open(path)?.set_schema_version_for_tests(crate::SCHEMA_VERSION + 100)?;
        }
        ScratchKind::NotAJournal => std::fs::write(path, "not a journal\n").map_err(io)?,
        ScratchKind::Paired => paired(path, &path.with_extension("partner.sqlite3"), today)?,
    }
    Ok(())
}

/// [`ScratchKind::Paired`]: Henrik's journal at `path`, Zoë's at `partner`.
fn paired(path: &Path, partner: &Path, today: NaiveDate) -> Result<()> {
    let day = |n: i64| today.checked_add_signed(Duration::days(n)).unwrap_or(today);
    let at = |n: i64, h: u32, m: u32| day(n).and_hms_opt(h, m, 0).unwrap_or_default();
    let mut henrik = Store::open(path)?;
    let p = henrik.create_partnership(&PartnershipDraft {
        partner_name: "Zoë Okafor".into(),
        partner_org: "Northwind".into(),
        my_name: "Henrik".into(),
        my_role: Role::Mentee,
        kind: PartnershipKind::Reverse,
        started_on: day(-60),
        ended_on: None,
        agreement: Agreement::default(),
    })?;
    let invite = henrik.invite(p.id)?;
    let mut zoe = Store::open(partner)?;
    let (first, report) = zoe.accept(&invite.text, None, Armour::Binary)?;
    let z = report.link.partnership_id;
    henrik.receive(&first)?;

    let session = |title: &str, held_at, notes: &str| SessionDraft {
        held_at,
        duration_minutes: 45,
        format: SessionFormat::Coffee,
        place: String::new(),
        title: title.into(),
        agenda: String::new(),
        notes: notes.into(),
        shared: String::new(),
        learned: String::new(),
        topics: vec!["AI tools".into()],
        rating: None,
        reflection: String::new(),
        visibility: Visibility::Shared,
    };
    let item = |text: &str, owner, due_on| ActionItemDraft {
        text: text.into(),
        owner,
        due_on,
        done: false,
    };
    let swot = |quadrant, text: &str| SwotItemDraft {
        quadrant,
        text: text.into(),
        priority: None,
    };
    let goal = |title: &str, visibility| GoalDraft {
        title: title.into(),
        visibility,
        description: String::new(),
        whose: Whose::Shared,
        direction: LearningDirection::BothLearn,
        success_criteria: String::new(),
        target_on: Some(day(90)),
        status: GoalStatus::Active,
    };

    // Henrik's own records: a session a week ago (shared, asking something of Zoë), his
    // SWOT, his goal.
    let mine = henrik.create_session(
        p.id,
        &session("Coffee with Zoë", at(-7, 10, 0), "We talked about prompts."),
    )?;
    let asked = henrik.create_action_item(
        mine.id,
        &item(
            "Zoë shows me the team calendar",
            Owner::Partner,
            Some(day(3)),
        ),
    )?;
    let own = henrik.start_snapshot(p.id, Side::Mine, day(-10), "")?;
    henrik.add_swot_item(own.snapshot.id, &swot(Quadrant::Strengths, "Curious"))?;
    henrik.add_swot_item(
        own.snapshot.id,
        &swot(Quadrant::Weaknesses, "New to AI tools"),
    )?;
    henrik.create_goal(p.id, &goal("Learn prompt writing", Visibility::Private))?;
    zoe.receive(&henrik.share(p.id, Armour::Binary)?.0)?;

    // Zoë's: her notes on that session, an earlier session of hers alone, an item for
    // Henrik, her own SWOT and goals shared; and she did what he asked.
    let hers = zoe.create_session(
        z,
        &session(
            "Prompting basics",
            at(-7, 10, 30),
            "Henrik **asked great questions**.\nNext: a real task.",
        ),
    )?;
    zoe.create_action_item(
        hers.id,
        &item("Send Zoë the org chart", Owner::Partner, Some(day(5))),
    )?;
    zoe.create_session(
        z,
        &session("Zoë's preparation", at(-21, 9, 0), "What to cover first."),
    )?;
    let snap = zoe.start_snapshot_with(z, Side::Mine, day(-8), "", Visibility::Shared)?;
    zoe.add_swot_item(snap.snapshot.id, &swot(Quadrant::Strengths, "Curious!"))?;
    zoe.add_swot_item(
        snap.snapshot.id,
        &swot(Quadrant::Strengths, "Explains AI tools well"),
    )?;
    zoe.add_swot_item(
        snap.snapshot.id,
        &swot(Quadrant::Threats, "Too many meetings"),
    )?;
    let same = zoe.create_goal(z, &goal("Learn prompt writing", Visibility::Shared))?;
    zoe.create_milestone(
        same.id,
        &MilestoneDraft {
            title: "Ten prompts".into(),
            due_on: Some(day(20)),
            done: true,
        },
    )?;
    zoe.add_progress(
        same.id,
        &ProgressDraft {
            recorded_on: day(-3),
            value: 40,
            note: String::new(),
        },
    )?;
    zoe.create_goal(z, &goal("Run a workshop", Visibility::Shared))?;
    let link = zoe
        .exchange_link(z)?
        .ok_or_else(|| Error::invalid("scratch", "the partner's journal has no link"))?;
    zoe.set_partner_item_done(&link.id, asked.id, true)?;
    henrik.receive(&zoe.share(z, Armour::Binary)?.0)?;
    Ok(())
}

/// The page number and page size of the search index's root page, read through SQLite.
fn search_index_root(path: &Path) -> Result<(usize, usize)> {
    let conn =
        rusqlite::Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    let page: i64 = conn.query_row(
        "SELECT rootpage FROM sqlite_schema WHERE name = 'search_fts_data'",
        [],
        |r| r.get(0),
    )?;
    let size: i64 = conn.query_row("PRAGMA page_size", [], |r| r.get(0))?;
    drop(conn);
    let whole = |n: i64| usize::try_from(n).ok().filter(|&n| n > 0);
    whole(page)
        .zip(whole(size))
        .ok_or_else(|| Error::invalid("scratch", "the scratch journal has no search index"))
}

/// Rewrites the closed journal at `path` with `damage` done to its bytes.
fn garble(path: &Path, damage: impl FnOnce(&mut Vec<u8>)) -> std::io::Result<()> {
    let mut bytes = std::fs::read(path)?;
    damage(&mut bytes);
    std::fs::write(path, &bytes)
}
