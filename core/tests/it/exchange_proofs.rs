//! The exchange's proofs over whole journals: a property test over random journals says
//! every string in a bundle is a shared field (and every shared field is there); a snapshot
//! of every field a bundle carries fails when one is added; hostile bundles through
//! `receive_preview` and `receive`. (The crash harness for `receive` is in `crash.rs`.)

use std::collections::{BTreeMap, BTreeSet, HashMap};

use proptest::prelude::*;
use serde_json::Value;
use tandem_core::model::*;
use uuid::Uuid;

use crate::exchange_store::{Journal, paired};
use crate::{action_draft, date, goal_draft, milestone_draft, partnership_draft, session_draft};

// ---------------------------------------------------------------------------------------
// Key paths and string values of a payload's JSON.

/// Every string of `v` with the path that leads to it: object keys joined by `.`, an array
/// written `[]` ("sessions[].action_items[].text", "sessions[].topics[]").
fn strings<'a>(v: &'a Value, path: &str, out: &mut Vec<(String, &'a str)>) {
    match v {
        Value::String(s) => out.push((path.to_owned(), s)),
        Value::Array(items) => {
            for item in items {
                strings(item, &format!("{path}[]"), out);
            }
        }
        Value::Object(map) => {
            for (k, child) in map {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                strings(child, &p, out);
            }
        }
        _ => {}
    }
}

/// Every key path of `v` with the JSON type found there ("sessions[].title string"); an
/// array's elements are `path[]`.
fn key_paths(v: &Value, path: &str, out: &mut BTreeSet<String>) {
    let kind = match v {
        Value::Null => "null",
        Value::Bool(_) => "bool",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    };
    if !path.is_empty() {
        out.insert(format!("{path} {kind}"));
    }
    match v {
        Value::Array(items) => {
            for item in items {
                key_paths(item, &format!("{path}[]"), out);
            }
        }
        Value::Object(map) => {
            for (k, child) in map {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                key_paths(child, &p, out);
            }
        }
        _ => {}
    }
}

/// The paths of a payload that hold a person's text (everything else that is a string is
/// an id, a date, an enum or a key).
const TEXT_PATHS: &[&str] = &[
    "sessions[].title",
    "sessions[].agenda",
    "sessions[].notes",
    "sessions[].shared",
    "sessions[].learned",
    "sessions[].topics[]",
    "sessions[].action_items[].text",
    "goals[].title",
    "goals[].description",
    "goals[].success_criteria",
    "goals[].milestones[].title",
    "goals[].progress[].note",
    "swot_snapshots[].reason",
    "swot_snapshots[].items[].text",
    "agreement.objectives",
    "agreement.boundaries",
    "agreement.ending",
];

fn one_of(s: &str, words: &[&str]) -> bool {
    words.contains(&s)
}

/// Whether `s` at `path` is the kind of non-text value that path holds: `None` when the
/// path is not a known non-text path at all.
fn non_text(path: &str, s: &str) -> Option<bool> {
    let uuid = |s: &str| Uuid::parse_str(s).is_ok() && s.len() == 36;
    let date = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok();
    let key = |s: &str| {
        s.len() == 44
            && s.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"+/=".contains(&b))
    };
    Some(match path {
        "version" | "sequence" => return None,
        "perspective" => one_of(s, &["author", "receiver"]),
        "link_id" => s.len() == 32 && s.bytes().all(|b| b.is_ascii_hexdigit()),
        "from" | "to" => key(s),
        "from_age" => s.starts_with("age1") && s.bytes().all(|b| b.is_ascii_alphanumeric()),
        "created_at" => chrono::DateTime::parse_from_rfc3339(s).is_ok(),
        "sessions[].id"
        | "sessions[].action_items[].id"
        | "goals[].id"
        | "goals[].milestones[].id"
        | "goals[].progress[].id"
        | "swot_snapshots[].id"
        | "swot_snapshots[].items[].id"
        | "acknowledgements[].session_id"
        | "acknowledgements[].action_item_id" => uuid(s),
        "sessions[].held_at" => {
            chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S%.f").is_ok()
        }
        "sessions[].action_items[].due_on"
        | "goals[].target_on"
        | "goals[].milestones[].due_on"
        | "goals[].progress[].recorded_on"
        | "swot_snapshots[].taken_on" => date(s),
        "sessions[].format" => one_of(
            s,
            &["in_person", "coffee", "video", "phone", "chat", "other"],
        ),
        "sessions[].action_items[].owner" => one_of(s, &["me", "partner", "both"]),
        "goals[].whose" => one_of(s, &["mine", "partners", "shared"]),
        "goals[].direction" => one_of(s, &["i_learn", "partner_learns", "both_learn"]),
        "goals[].status" => one_of(s, &["not_started", "active", "achieved", "dropped"]),
        "swot_snapshots[].side" => one_of(s, &["mine", "partner"]),
        "swot_snapshots[].items[].quadrant" => {
            one_of(s, &["strengths", "weaknesses", "opportunities", "threats"])
        }
        "swot_snapshots[].items[].priority" => one_of(s, &["high", "medium", "low"]),
        _ => return None,
    })
}

// ---------------------------------------------------------------------------------------
// Random journals.

#[derive(Debug, Clone)]
struct ItemSpec {
    owner: Owner,
    done: bool,
    trashed: bool,
}

#[derive(Debug, Clone)]
struct SessionSpec {
    shared: bool,
    trashed: bool,
    rating: Option<u8>,
    topics: usize,
    items: Vec<ItemSpec>,
}

#[derive(Debug, Clone)]
struct GoalSpec {
    shared: bool,
    trashed: bool,
    whose: Whose,
    status: GoalStatus,
    /// Milestones and progress entries: whether each goes to the trash.
    milestones: Vec<bool>,
    progress: Vec<bool>,
}

#[derive(Debug, Clone)]
struct SnapshotSpec {
    mine: bool,
    shared: bool,
    trashed: bool,
    /// Its new items: quadrant, priority, and whether it goes to the trash.
    items: Vec<(Quadrant, Option<Priority>, bool)>,
}

#[derive(Debug, Clone)]
struct JournalSpec {
    sessions: Vec<SessionSpec>,
    goals: Vec<GoalSpec>,
    snapshots: Vec<SnapshotSpec>,
    agreement_shared: bool,
    /// The partner's own content received before (which my bundle must never echo), and
    /// whether I mark the item they asked of me done (an acknowledgement).
    partner_content: bool,
    acknowledge: bool,
    /// Another partnership of mine, with shared records of its own.
    other_partnership: bool,
    empty_trash: bool,
    /// Tails of the texts: awkward characters, so that texts are not all alike.
    tails: Vec<String>,
}

fn owner() -> impl Strategy<Value = Owner> {
    prop_oneof![Just(Owner::Me), Just(Owner::Partner), Just(Owner::Both)]
}

fn quadrant() -> impl Strategy<Value = Quadrant> {
    prop_oneof![
        Just(Quadrant::Strengths),
        Just(Quadrant::Weaknesses),
        Just(Quadrant::Opportunities),
        Just(Quadrant::Threats)
    ]
}

fn priority() -> impl Strategy<Value = Option<Priority>> {
    prop_oneof![
        Just(None),
        Just(Some(Priority::High)),
        Just(Some(Priority::Medium)),
        Just(Some(Priority::Low))
    ]
}

fn journal_spec() -> impl Strategy<Value = JournalSpec> {
    let item = (owner(), any::<bool>(), prop::bool::weighted(0.2))
        .prop_map(|(owner, done, trashed)| ItemSpec {
            owner,
            done,
            trashed,
        });
    let session = (
        any::<bool>(),
        prop::bool::weighted(0.2),
        prop::option::of(1u8..=5),
        0usize..3,
        prop::collection::vec(item, 0..3),
    )
        .prop_map(|(shared, trashed, rating, topics, items)| SessionSpec {
            shared,
            trashed,
            rating,
            topics,
            items,
        });
    let goal = (
        any::<bool>(),
        prop::bool::weighted(0.2),
        prop_oneof![
            Just(Whose::Mine),
            Just(Whose::Partners),
            Just(Whose::Shared)
        ],
        prop_oneof![
            Just(GoalStatus::Active),
            Just(GoalStatus::Achieved),
            Just(GoalStatus::NotStarted)
        ],
        prop::collection::vec(prop::bool::weighted(0.2), 0..3),
        prop::collection::vec(prop::bool::weighted(0.2), 0..3),
    )
        .prop_map(
            |(shared, trashed, whose, status, milestones, progress)| GoalSpec {
                shared,
                trashed,
                whose,
                status,
                milestones,
                progress,
            },
        );
    let snapshot = (
        any::<bool>(),
        any::<bool>(),
        prop::bool::weighted(0.2),
        prop::collection::vec((quadrant(), priority(), prop::bool::weighted(0.2)), 0..4),
    )
        .prop_map(|(mine, shared, trashed, items)| SnapshotSpec {
            mine,
            shared,
            trashed,
            items,
        });
    (
        prop::collection::vec(session, 0..5),
        prop::collection::vec(goal, 0..4),
        prop::collection::vec(snapshot, 0..4),
        any::<bool>(),
        (any::<bool>(), any::<bool>()),
        prop::bool::weighted(0.3),
        prop::bool::weighted(0.2),
        prop::collection::vec("[a-zA-Z0-9éλж中🎉<>&'\";%*_-]{1,8}", 1..8),
    )
        .prop_map(
            |(
                sessions,
                goals,
                snapshots,
                agreement_shared,
                (partner_content, acknowledge),
                other_partnership,
                empty_trash,
                tails,
            )| JournalSpec {
                sessions,
                goals,
                snapshots,
                agreement_shared,
                partner_content,
                acknowledge,
                other_partnership,
                empty_trash,
                tails,
            },
        )
}

/// Every text the test wrote, by where it lives: the payload path it may appear at, and
/// whether it is in a shared field (so must appear) or not (so must never).
#[derive(Default)]
struct Texts {
    n: usize,
    tails: Vec<String>,
    /// text → (the payload path of its field, or "" for a field no bundle has; shared?)
    all: HashMap<String, (&'static str, bool)>,
}

impl Texts {
    /// A new unique text for the field at `path`, tagged with `tag` (where it was written).
    fn new(&mut self, tag: &str, path: &'static str, shared: bool) -> String {
        self.n += 1;
        let tail = &self.tails[self.n % self.tails.len()];
        let text = format!("{tag}#{}·{tail}", self.n);
        assert!(self.all.insert(text.clone(), (path, shared)).is_none());
        text
    }

    /// A text whose sharing is decided later (an item whose snapshot may be copied).
    fn set_shared(&mut self, text: &str, shared: bool) {
        if let Some(entry) = self.all.get_mut(text) {
            entry.1 |= shared;
        }
    }
}

/// Fills `j` as `spec` says; returns every text written and where it lives.
fn build(j: &mut Journal, partner: Option<&mut Journal>, spec: &JournalSpec) -> Texts {
    let mut t = Texts {
        tails: spec.tails.clone(),
        ..Texts::default()
    };
    let pid = j.partnership;
    let mut sql = String::new();
    let mut trash: Vec<(ItemKind, Uuid)> = Vec::new();

    // The partnership's own texts never travel; the agreement does when shared.
    let mut p = j.store.get_partnership(pid).unwrap().draft();
    p.partner_org = t.new("partnership.org", "", false);
    let a = spec.agreement_shared;
    p.agreement.objectives = t.new("agreement.objectives", "agreement.objectives", a);
    p.agreement.boundaries = t.new("agreement.boundaries", "agreement.boundaries", a);
    p.agreement.ending = t.new("agreement.ending", "agreement.ending", a);
    j.store.update_partnership(pid, &p).unwrap();
    if a {
        sql.push_str(&format!(
            "UPDATE partnership SET agreement_visibility = 'shared' WHERE id = '{pid}';"
        ));
    }

    for (i, s) in spec.sessions.iter().enumerate() {
        let shared = s.shared && !s.trashed;
        let tag = format!("s{i}");
        let mut d = session_draft(&t.new(&format!("{tag}.title"), "sessions[].title", shared));
        d.held_at = d.held_at + chrono::Days::new(i as u64);
        d.agenda = t.new(&format!("{tag}.agenda"), "sessions[].agenda", shared);
        d.notes = t.new(&format!("{tag}.notes"), "sessions[].notes", shared);
        d.shared = t.new(&format!("{tag}.shared"), "sessions[].shared", shared);
        d.learned = t.new(&format!("{tag}.learned"), "sessions[].learned", shared);
        d.place = t.new(&format!("{tag}.place"), "", false);
        d.reflection = t.new(&format!("{tag}.reflection"), "", false);
        d.rating = s.rating;
        d.topics = (0..s.topics)
            .map(|k| t.new(&format!("{tag}.topic{k}"), "sessions[].topics[]", shared))
            .collect();
        d.visibility = if s.shared {
            Visibility::Shared
        } else {
            Visibility::Private
        };
        let session = j.store.create_session(pid, &d).unwrap();
        for (k, item) in s.items.iter().enumerate() {
            let text = t.new(
                &format!("{tag}.item{k}"),
                "sessions[].action_items[].text",
                shared && !item.trashed,
            );
            let mut a = action_draft(&text, Some("2026-04-01"));
            a.owner = item.owner;
            a.done = item.done;
            let created = j.store.create_action_item(session.id, &a).unwrap();
            if item.trashed {
                trash.push((ItemKind::ActionItem, created.id));
            }
        }
        if s.trashed {
            trash.push((ItemKind::Session, session.id));
        }
    }

    for (i, g) in spec.goals.iter().enumerate() {
        let shared = g.shared && !g.trashed;
        let tag = format!("g{i}");
        let mut d = goal_draft(&t.new(&format!("{tag}.title"), "goals[].title", shared));
        d.description = t.new(&format!("{tag}.description"), "goals[].description", shared);
        d.success_criteria = t.new(
            &format!("{tag}.criteria"),
            "goals[].success_criteria",
            shared,
        );
        d.whose = g.whose;
        d.status = g.status;
        let goal = j.store.create_goal(pid, &d).unwrap();
        for (k, trashed) in g.milestones.iter().enumerate() {
            let title = t.new(
                &format!("{tag}.milestone{k}"),
                "goals[].milestones[].title",
                shared && !trashed,
            );
            let m = j
                .store
                .create_milestone(goal.id, &milestone_draft(&title))
                .unwrap();
            if *trashed {
                trash.push((ItemKind::Milestone, m.id));
            }
        }
        for (k, trashed) in g.progress.iter().enumerate() {
            let mut pr = ProgressDraft {
                recorded_on: date("2026-03-10") + chrono::Days::new(k as u64),
                value: (10 * k) as u8,
                note: String::new(),
            };
            pr.note = t.new(
                &format!("{tag}.progress{k}"),
                "goals[].progress[].note",
                shared && !trashed,
            );
            let e = j.store.add_progress(goal.id, &pr).unwrap();
            if *trashed {
                trash.push((ItemKind::Progress, e.id));
            }
        }
        if g.shared {
            sql.push_str(&format!(
                "UPDATE goal SET visibility = 'shared' WHERE id = '{}';",
                goal.id
            ));
        }
        if g.trashed {
            trash.push((ItemKind::Goal, goal.id));
        }
    }

    // SWOT snapshots, in date order: a new one copies the live items of the latest of its
    // side, so a text can live in several snapshots; it is shared when one copy is.
    let mut copies: Vec<(Uuid, String, usize)> = Vec::new(); // item id, text, snapshot
    let mut snapshot_ids = Vec::new();
    for (i, s) in spec.snapshots.iter().enumerate() {
        let tag = format!("w{i}");
        let side = if s.mine { Side::Mine } else { Side::Partner };
        let shared = s.mine && s.shared && !s.trashed;
        let view = j
            .store
            .start_snapshot(
                pid,
                side,
                date("2026-03-01") + chrono::Days::new(i as u64),
                &t.new(&format!("{tag}.reason"), "swot_snapshots[].reason", shared),
            )
            .unwrap();
        for copied in &view.items {
            copies.push((copied.id, copied.text.clone(), i));
        }
        for (k, (quadrant, priority, _)) in s.items.iter().enumerate() {
            let text = t.new(
                &format!("{tag}.item{k}"),
                "swot_snapshots[].items[].text",
                false,
            );
            let item = j
                .store
                .add_swot_item(
                    view.snapshot.id,
                    &SwotItemDraft {
                        quadrant: *quadrant,
                        text: text.clone(),
                        priority: *priority,
                    },
                )
                .unwrap();
            copies.push((item.id, text, i));
        }
        if s.shared {
            sql.push_str(&format!(
                "UPDATE swot_snapshot SET visibility = 'shared' WHERE id = '{}';",
                view.snapshot.id
            ));
        }
        if s.trashed {
            trash.push((ItemKind::SwotSnapshot, view.snapshot.id));
        }
        snapshot_ids.push(view.snapshot.id);
    }
    // Which copies go to the trash: the new items the spec marks, by their order.
    let mut new_items_trashed: HashMap<Uuid, bool> = HashMap::new();
    {
        let mut by_snapshot: BTreeMap<usize, Vec<Uuid>> = BTreeMap::new();
        for (id, _, i) in &copies {
            by_snapshot.entry(*i).or_default().push(*id);
        }
        for (i, s) in spec.snapshots.iter().enumerate() {
            let ids = &by_snapshot.get(&i).cloned().unwrap_or_default();
            let own = &ids[ids.len() - s.items.len()..];
            for (id, (_, _, trashed)) in own.iter().zip(&s.items) {
                new_items_trashed.insert(*id, *trashed);
            }
        }
    }
    for (id, text, i) in &copies {
        let s = &spec.snapshots[*i];
        let trashed = new_items_trashed.get(id).copied().unwrap_or(false);
        if trashed {
            trash.push((ItemKind::SwotItem, *id));
        }
        t.set_shared(text, s.mine && s.shared && !s.trashed && !trashed);
    }

    // The partner's content, received: theirs, never to be sent back.
    if spec.partner_content
        && let Some(b) = partner
    {
        let mut d = session_draft(&t.new("partner.title", "", false));
        d.visibility = Visibility::Shared;
        d.notes = t.new("partner.notes", "", false);
        let theirs = b.store.create_session(b.partnership, &d).unwrap();
        let mut item = action_draft(&t.new("partner.item", "", false), None);
        item.owner = Owner::Partner;
        let asked = b.store.create_action_item(theirs.id, &item).unwrap();
        let g = b
            .store
            .create_goal(b.partnership, &goal_draft(&t.new("partner.goal", "", false)))
            .unwrap();
        b.sql(&format!(
            "UPDATE goal SET visibility = 'shared' WHERE id = '{}';",
            g.id
        ));
        j.store.receive(&b.share()).unwrap();
        if spec.acknowledge {
            let link = j.store.exchange_link(pid).unwrap().unwrap();
            j.store
                .set_partner_item_done(&link.id, asked.id, true)
                .unwrap();
        }
    }

    // Another partnership, with everything shared: never in this one's bundle.
    if spec.other_partnership {
        let mut draft = partnership_draft(&t.new("other.partner", "", false));
        draft.agreement.objectives = t.new("other.objectives", "", false);
        let other = j.store.create_partnership(&draft).unwrap();
        let mut d = session_draft(&t.new("other.title", "", false));
        d.visibility = Visibility::Shared;
        d.topics = vec![t.new("other.topic", "", false)];
        let s = j.store.create_session(other.id, &d).unwrap();
        j.store
            .create_action_item(s.id, &action_draft(&t.new("other.item", "", false), None))
            .unwrap();
        let g = j
            .store
            .create_goal(other.id, &goal_draft(&t.new("other.goal", "", false)))
            .unwrap();
        let w = j
            .store
            .start_snapshot(other.id, Side::Mine, date("2026-03-01"), "")
            .unwrap();
        j.store
            .add_swot_item(
                w.snapshot.id,
                &SwotItemDraft {
                    quadrant: Quadrant::Strengths,
                    text: t.new("other.swot", "", false),
                    priority: None,
                },
            )
            .unwrap();
        sql.push_str(&format!(
            "UPDATE goal SET visibility = 'shared' WHERE id = '{}';
             UPDATE swot_snapshot SET visibility = 'shared' WHERE id = '{}';
             UPDATE partnership SET agreement_visibility = 'shared' WHERE id = '{}';",
            g.id, w.snapshot.id, other.id
        ));
    }

    if !sql.is_empty() {
        j.sql(&sql);
    }
    // The trash last (an item of a trashed session may already be gone with it).
    for (kind, id) in trash {
        let _ = j.store.move_to_trash(kind, id);
    }
    if spec.empty_trash {
        j.store.empty_trash().unwrap();
    }
    t
}

/// What is wrong with `payload` as a bundle of exactly the shared texts in `t`.
fn check_payload(payload: &Value, t: &Texts) -> Vec<String> {
    let mut problems = Vec::new();
    let mut found = Vec::new();
    strings(payload, "", &mut found);
    let mut seen = BTreeSet::new();
    for (path, s) in &found {
        if TEXT_PATHS.contains(&path.as_str()) {
            match t.all.get(*s) {
                Some((expected, true)) if expected == path => {
                    seen.insert(s.to_string());
                }
                Some((expected, true)) => problems.push(format!(
                    "{s:?} (of {expected}) appears at {path}, another field"
                )),
                Some((_, false)) => {
                    problems.push(format!("{s:?}, not a shared field, is in the bundle at {path}"))
                }
                None => problems.push(format!(
                    "{s:?} at {path} is no text the journal was given"
                )),
            }
        } else {
            match non_text(path, s) {
                Some(true) => {}
                Some(false) => problems.push(format!("{s:?} at {path} is not a value of that kind")),
                None => problems.push(format!("a string {s:?} at {path}, a path of no known kind")),
            }
        }
    }
    // No text written anywhere is inside another string either (a private text quoted in
    // a shared one would pass the test above).
    let json = payload.to_string();
    for (text, (_, shared)) in &t.all {
        let escaped = serde_json::to_string(text).unwrap();
        if !shared && json.contains(&escaped[1..escaped.len() - 1]) {
            problems.push(format!("the private {text:?} is in the payload"));
        }
    }
    // And every shared field is there.
    for (text, (path, shared)) in &t.all {
        if *shared && !seen.contains(text) {
            problems.push(format!("the shared {text:?} ({path}) is missing"));
        }
    }
    problems
}

/// A fresh copy of one pair of journals, paired once for all cases (pairing costs more than
/// most cases).
fn paired_copy() -> (Journal, Journal) {
    static PAIR: std::sync::OnceLock<(Vec<u8>, Uuid, Vec<u8>, Uuid)> = std::sync::OnceLock::new();
    let (a, pa, b, pb) = PAIR.get_or_init(|| {
        let (a, b) = paired();
        let dir = tempfile::tempdir().unwrap();
        let bytes = |j: &Journal, name: &str| {
            let path = dir.path().join(name);
            j.store.backup_to(&path).unwrap();
            std::fs::read(path).unwrap()
        };
        (bytes(&a, "a"), a.partnership, bytes(&b, "b"), b.partnership)
    });
    let open = |bytes: &[u8], partnership: Uuid| {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.sqlite3");
        std::fs::write(&path, bytes).unwrap();
        Journal {
            store: tandem_core::Store::open(&path).unwrap(),
            _dir: dir,
            path,
            partnership,
        }
    };
    (open(a, *pa), open(b, *pb))
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: std::env::var("TANDEM_PROPTEST_CASES")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(24),
        max_shrink_iters: 64,
        ..ProptestConfig::default()
    })]

    /// Random journals (sessions, items, goals with milestones and progress, both sides'
    /// SWOT snapshots copied forward, the agreement, the partner's received content,
    /// another partnership, the trash) with random visibilities: every string of the
    /// payload is either the text of a shared field, at that field, or an id, date, enum
    /// or key; and every shared field is there.
    #[test]
    fn every_string_in_a_bundle_is_a_shared_field(spec in journal_spec()) {
        let (mut a, mut b) = paired_copy();
        let texts = build(&mut a, Some(&mut b), &spec);
        let payload = a.store.share_payload(a.partnership).unwrap();
        let json: Value = serde_json::from_slice(&payload.to_json()).unwrap();
        let problems = check_payload(&json, &texts);
        prop_assert!(problems.is_empty(), "{:#?}\n{}", problems, serde_json::to_string_pretty(&json).unwrap());
        // What the partner receives holds the same strings.
        let bundle = a.share();
        b.store.receive(&bundle).unwrap();
        let got = b.content().unwrap().flip();
        let got: Value = serde_json::from_slice(&got.to_json()).unwrap();
        let problems = check_payload(&got, &texts);
        prop_assert!(problems.is_empty(), "what the partner received: {:#?}", problems);
    }
}

/// The oracle itself: a private text put into a shared field by hand, or a shared one
/// left out, is caught.
#[test]
fn the_bundle_oracle_catches_a_private_text_and_a_missing_one() {
    let mut t = Texts {
        tails: vec!["x".into()],
        ..Texts::default()
    };
    let shared = t.new("s0.title", "sessions[].title", true);
    let private = t.new("s0.reflection", "", false);
    let notes = t.new("s0.notes", "sessions[].notes", true);
    let payload = serde_json::json!({
        "sessions": [{"id": Uuid::nil().to_string(), "title": shared, "notes": private}]
    });
    let problems = check_payload(&payload, &t);
    assert!(problems.iter().any(|p| p.contains("not a shared field")), "{problems:?}");
    assert!(problems.iter().any(|p| p.contains(&notes) && p.contains("missing")), "{problems:?}");
    let payload = serde_json::json!({
        "sessions": [{"title": shared, "notes": notes, "place": "Café"}]
    });
    let problems = check_payload(&payload, &t);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].contains("sessions[].place"), "{problems:?}");
}

// ---------------------------------------------------------------------------------------
// Every field a bundle carries, on a committed list.

const FIELDS_FILE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/bundle-fields.txt");

/// A bundle with every field filled: each option set, each list non-empty (the partner
/// asked something of me that I did, so there is an acknowledgement).
fn full_payload() -> Value {
    let (mut a, mut b) = paired();
    // Zoë asks Henrik for something; Henrik does it.
    let mut d = session_draft("Zoë's");
    d.visibility = Visibility::Shared;
    let theirs = b.store.create_session(b.partnership, &d).unwrap();
    let mut item = action_draft("Send Zoë the deck", None);
    item.owner = Owner::Partner;
    let asked = b.store.create_action_item(theirs.id, &item).unwrap();
    a.store.receive(&b.share()).unwrap();
    let link = a.store.exchange_link(a.partnership).unwrap().unwrap();
    a.store
        .set_partner_item_done(&link.id, asked.id, true)
        .unwrap();

    let pid = a.partnership;
    let mut d = session_draft("Kick-off");
    d.visibility = Visibility::Shared;
    d.agenda = "agenda".into();
    d.shared = "shared".into();
    d.learned = "learned".into();
    d.topics = vec!["AI tools".into()];
    d.rating = Some(5);
    d.reflection = "reflection".into();
    let s = a.store.create_session(pid, &d).unwrap();
    let mut item = action_draft("Read the paper", Some("2026-03-20"));
    item.owner = Owner::Both;
    a.store.create_action_item(s.id, &item).unwrap();
    let g = a.store.create_goal(pid, &goal_draft("Prompts")).unwrap();
    a.store
        .create_milestone(g.id, &milestone_draft("First summary"))
        .unwrap();
    a.store
        .add_progress(g.id, &crate::progress_draft("2026-03-10", 30))
        .unwrap();
    let w = a
        .store
        .start_snapshot(pid, Side::Mine, date("2026-03-02"), "start")
        .unwrap();
    a.store
        .add_swot_item(
            w.snapshot.id,
            &SwotItemDraft {
                quadrant: Quadrant::Strengths,
                text: "Curious".into(),
                priority: Some(Priority::High),
            },
        )
        .unwrap();
    a.sql(&format!(
        "UPDATE goal SET visibility = 'shared' WHERE id = '{}';
         UPDATE swot_snapshot SET visibility = 'shared' WHERE id = '{}';
         UPDATE partnership SET agreement_visibility = 'shared' WHERE id = '{pid}';",
        g.id, w.snapshot.id
    ));
    let payload = a.store.share_payload(pid).unwrap();
    serde_json::from_slice(&payload.to_json()).unwrap()
}

/// Fails when a field is added to (or removed from, or changes its type in) any bundle
/// type: each new field is a decision about what leaves the machine, made on purpose.
/// `TANDEM_BLESS=1` rewrites the list (then read its diff).
#[test]
fn a_snapshot_of_every_field_a_bundle_carries() {
    let payload = full_payload();
    let mut paths = BTreeSet::new();
    key_paths(&payload, "", &mut paths);
    // Filled: no empty list, no missing value (else a field's type would go unseen).
    let unfilled: Vec<_> = paths
        .iter()
        .filter(|p| match p.strip_suffix(" array") {
            Some(base) => !paths.iter().any(|q| q.starts_with(&format!("{base}[] "))),
            None => p.ends_with(" null"),
        })
        .collect();
    assert!(unfilled.is_empty(), "not filled in the test's journal: {unfilled:?}");
    let actual: String = paths.iter().map(|p| format!("{p}\n")).collect();
    if std::env::var_os("TANDEM_BLESS").is_some() {
        std::fs::write(FIELDS_FILE, &actual).unwrap();
    }
    let committed = std::fs::read_to_string(FIELDS_FILE).unwrap_or_default();
    let committed: BTreeSet<String> = committed
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(str::to_owned)
        .collect();
    let added: Vec<_> = paths.difference(&committed).collect();
    let removed: Vec<_> = committed.difference(&paths).collect();
    assert!(
        added.is_empty() && removed.is_empty(),
        "a field was added to the bundle: check it is meant to leave the machine, then update \
         this list (core/tests/fixtures/bundle-fields.txt, or TANDEM_BLESS=1).\n  added: \
         {added:?}\n  removed: {removed:?}"
    );
    // None of the model's private fields is there, under any name.
    for private in ["reflection", "rating", "place", "visibility", "deleted_at", "origin_id"] {
        assert!(
            !paths.iter().any(|p| p.split([' ', '.']).any(|k| k.trim_end_matches("[]") == private)),
            "{private} in a bundle"
        );
    }
}
