//! A bundle's payload: the complete set of what one partner shares in a partnership, in
//! types of its own. They are not the model's types: a field the model has and a bundle
//! must never carry (a reflection, a rating, a session's place, my view of my partner's
//! SWOT, a visibility, anything's trash date) has no field here to be written into by
//! accident. The store fills them (a later part of the exchange); this module only defines
//! them, their JSON, and [`BundlePayload::flip`].
//!
//! Perspective: a payload is written in its author's words. The words that depend on who
//! reads them are enum values, never field names: an action item's [`Owner`] (`me` is the
//! author), a goal's [`Whose`] and [`LearningDirection`], a snapshot's [`Side`] (always
//! `mine` as written: only my own side is shared). Texts are always the author's ("what I
//! shared" in a session is what its author shared) and stay as they are. The receiver calls
//! [`BundlePayload::flip`] once, which turns every such word into the receiver's (my
//! partner's `me` is my `partner`) and marks the payload [`Perspective::Receiver`];
//! flipping twice gives back the very same value.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use super::LinkId;
use super::error::{ExchangeError, Result};
use crate::model::{
    GoalStatus, LearningDirection, Owner, Priority, Quadrant, Role, SessionFormat, Side, Whose,
};

/// The payload format this version writes and the newest it reads.
pub const PAYLOAD_VERSION: u32 = 1;

/// Turns a word of one partner's perspective into the other's. Flipping twice is the
/// identity.
pub trait Flip {
    fn flip(self) -> Self;
}

impl Flip for Owner {
    fn flip(self) -> Owner {
        match self {
            Owner::Me => Owner::Partner,
            Owner::Partner => Owner::Me,
            Owner::Both => Owner::Both,
        }
    }
}

impl Flip for Whose {
    fn flip(self) -> Whose {
        match self {
            Whose::Mine => Whose::Partners,
            Whose::Partners => Whose::Mine,
            Whose::Shared => Whose::Shared,
        }
    }
}

impl Flip for LearningDirection {
    fn flip(self) -> LearningDirection {
        match self {
            LearningDirection::ILearn => LearningDirection::PartnerLearns,
            LearningDirection::PartnerLearns => LearningDirection::ILearn,
            LearningDirection::BothLearn => LearningDirection::BothLearn,
        }
    }
}

impl Flip for Side {
    fn flip(self) -> Side {
        match self {
            Side::Mine => Side::Partner,
            Side::Partner => Side::Mine,
        }
    }
}

impl Flip for Role {
    fn flip(self) -> Role {
        match self {
            Role::Mentor => Role::Mentee,
            Role::Mentee => Role::Mentor,
            Role::Both => Role::Both,
        }
    }
}

/// Whose words a payload is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Perspective {
    /// The author's, as a bundle carries it.
    Author,
    /// The receiver's, after [`BundlePayload::flip`].
    Receiver,
}

impl Flip for Perspective {
    fn flip(self) -> Perspective {
        match self {
            Perspective::Author => Perspective::Receiver,
            Perspective::Receiver => Perspective::Author,
        }
    }
}

/// A party of the link, by the Ed25519 key it signs with (base64, as in the invite).
/// Absolute, not relative: `from` is the author whoever reads it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(transparent)]
pub struct Party(pub String);

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct BundlePayload {
    pub version: u32,
    pub perspective: Perspective,
    #[ts(type = "string")]
    pub link_id: LinkId,
    /// The author, who signed the bundle.
    pub from: Party,
    /// The author's age recipient (`age1…`, public): what the partner encrypts to. The
    /// first bundle of a link is how the inviter learns it.
    pub from_age: String,
    /// The partner it is for.
    pub to: Party,
    /// Grows by one with every bundle the author makes for the link; a receiver refuses one
    /// not newer than the last it imported.
    #[ts(type = "number")]
    pub sequence: u64,
    pub created_at: DateTime<Utc>,
    /// Shared sessions, with their action items.
    pub sessions: Vec<BundleSession>,
    /// Shared goals, with their milestones and progress.
    pub goals: Vec<BundleGoal>,
    /// Shared snapshots of the author's own SWOT side, with their items.
    pub swot_snapshots: Vec<BundleSwotSnapshot>,
    /// The agreement, when the author shares it.
    pub agreement: Option<BundleAgreement>,
    /// Action items of the partner's (assigned to the author) that the author has done.
    pub acknowledgements: Vec<Acknowledgement>,
}

/// A shared session: never its place, rating, reflection or visibility.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct BundleSession {
    /// The author's id of the session (stable across bundles).
    pub id: Uuid,
    pub held_at: NaiveDateTime,
    pub duration_minutes: u32,
    pub format: SessionFormat,
    pub title: String,
    pub agenda: String,
    pub notes: String,
    /// What the author shared, taught or showed.
    pub shared: String,
    /// What the author learned.
    pub learned: String,
    pub topics: Vec<String>,
    pub action_items: Vec<BundleActionItem>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct BundleActionItem {
    pub id: Uuid,
    pub position: u32,
    pub text: String,
    /// In the payload's perspective: `me` is the author until flipped.
    pub owner: Owner,
    pub due_on: Option<NaiveDate>,
    pub done: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct BundleGoal {
    pub id: Uuid,
    pub title: String,
    pub description: String,
    pub whose: Whose,
    pub direction: LearningDirection,
    pub success_criteria: String,
    pub target_on: Option<NaiveDate>,
    pub status: GoalStatus,
    pub milestones: Vec<BundleMilestone>,
    /// Oldest first.
    pub progress: Vec<BundleProgress>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct BundleMilestone {
    pub id: Uuid,
    pub position: u32,
    pub title: String,
    pub due_on: Option<NaiveDate>,
    pub done: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct BundleProgress {
    pub id: Uuid,
    pub recorded_on: NaiveDate,
    /// 0 to 100.
    pub value: u8,
    pub note: String,
}

/// A snapshot of the author's own SWOT side. Its items carry no links to the other side
/// (that is the author's view of the partner's SWOT, never shared) and no origin in an
/// earlier snapshot (which may be private).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct BundleSwotSnapshot {
    pub id: Uuid,
    /// `mine` as the author writes it; `partner` once flipped.
    pub side: Side,
    pub taken_on: NaiveDate,
    pub reason: String,
    pub items: Vec<BundleSwotItem>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct BundleSwotItem {
    pub id: Uuid,
    pub quadrant: Quadrant,
    pub position: u32,
    pub text: String,
    pub priority: Option<Priority>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct BundleAgreement {
    pub objectives: String,
    pub boundaries: String,
    pub cadence_days: Option<u32>,
    pub session_minutes: Option<u32>,
    pub ending: String,
}

/// "I have done this": an action item of the partner's session, assigned to the author,
/// by the partner's ids (as the partner's bundle carried them).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Acknowledgement {
    pub session_id: Uuid,
    pub action_item_id: Uuid,
}

impl BundlePayload {
    /// The same payload in the other partner's words. Flipping twice is the identity.
    pub fn flip(mut self) -> BundlePayload {
        self.perspective = self.perspective.flip();
        for s in &mut self.sessions {
            for a in &mut s.action_items {
                a.owner = a.owner.flip();
            }
        }
        for g in &mut self.goals {
            g.whose = g.whose.flip();
            g.direction = g.direction.flip();
        }
        for s in &mut self.swot_snapshots {
            s.side = s.side.flip();
        }
        self
    }

    /// The payload's canonical JSON (the bytes that are signed): fields in declaration
    /// order, no whitespace, no maps, so the same value always gives the same bytes.
    pub fn to_json(&self) -> Vec<u8> {
        // Plain structs, strings, numbers and dates: serialising cannot fail.
        serde_json::to_vec(self).unwrap_or_default()
    }

    /// Reads a payload back (after [`super::open`]): a newer payload version is refused
    /// with "update Tandem", anything malformed with the field it concerns. The rules of
    /// the domain (lengths, dates) are checked by the store, as for an import.
    pub fn from_json(bytes: &[u8]) -> Result<BundlePayload> {
        #[derive(Deserialize)]
        struct Head {
            version: Option<u64>,
        }
        let head: Head = serde_json::from_slice(bytes)
            .map_err(|_| ExchangeError::bundle_damaged("its payload is not JSON"))?;
        match head.version {
            Some(v) if v > u64::from(PAYLOAD_VERSION) => {
                return Err(ExchangeError::BundleTooNew {
                    what: "payload",
                    found: v,
                    known: u64::from(PAYLOAD_VERSION),
                });
            }
            Some(v) if v == u64::from(PAYLOAD_VERSION) => {}
            _ => {
                return Err(ExchangeError::bundle_damaged(
                    "its payload version is missing or not one Tandem made",
                ));
            }
        }
        let de = &mut serde_json::Deserializer::from_slice(bytes);
        serde_path_to_error::deserialize(de).map_err(|e| {
            let path = e.path().to_string();
            let inner = e.into_inner().to_string();
            let inner = inner.split(" at line ").next().unwrap_or(&inner).to_owned();
            ExchangeError::bundle_damaged(format!("its payload's {path} is not valid: {inner}"))
        })
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use proptest::prelude::*;
    use std::collections::BTreeSet;

    fn day(n: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + chrono::Days::new(u64::from(n))
    }

    /// A value with every field filled: every option `Some`, every list non-empty.
    pub(crate) fn full() -> BundlePayload {
        let id = |n: u128| Uuid::from_u128(n);
        BundlePayload {
            version: PAYLOAD_VERSION,
            perspective: Perspective::Author,
            link_id: LinkId::from_bytes([9; 16]),
            from: Party("from-key".into()),
            from_age: "age1-from".into(),
            to: Party("to-key".into()),
            sequence: 7,
            created_at: DateTime::from_timestamp(1_780_000_000, 0).unwrap(),
            sessions: vec![BundleSession {
                id: id(1),
                held_at: day(3).and_hms_opt(16, 15, 0).unwrap(),
                duration_minutes: 45,
                format: SessionFormat::Coffee,
                title: "Kick-off".into(),
                agenda: "agenda".into(),
                notes: "notes".into(),
                shared: "shared".into(),
                learned: "learned".into(),
                topics: vec!["AI tools".into()],
                action_items: vec![BundleActionItem {
                    id: id(2),
                    position: 0,
                    text: "Send the deck".into(),
                    owner: Owner::Partner,
                    due_on: Some(day(10)),
                    done: false,
                }],
            }],
            goals: vec![BundleGoal {
                id: id(3),
                title: "Prompts".into(),
                description: "d".into(),
                whose: Whose::Mine,
                direction: LearningDirection::ILearn,
                success_criteria: "s".into(),
                target_on: Some(day(200)),
                status: GoalStatus::Active,
                milestones: vec![BundleMilestone {
                    id: id(4),
                    position: 0,
                    title: "m".into(),
                    due_on: Some(day(50)),
                    done: true,
                }],
                progress: vec![BundleProgress {
                    id: id(5),
                    recorded_on: day(20),
                    value: 40,
                    note: "n".into(),
                }],
            }],
            swot_snapshots: vec![BundleSwotSnapshot {
                id: id(6),
                side: Side::Mine,
                taken_on: day(2),
                reason: "r".into(),
                items: vec![BundleSwotItem {
                    id: id(7),
                    quadrant: Quadrant::Strengths,
                    position: 0,
                    text: "Curious".into(),
                    priority: Some(Priority::High),
                }],
            }],
            agreement: Some(BundleAgreement {
                objectives: "o".into(),
                boundaries: "b".into(),
                cadence_days: Some(14),
                session_minutes: Some(45),
                ending: "e".into(),
            }),
            acknowledgements: vec![Acknowledgement {
                session_id: id(8),
                action_item_id: id(9),
            }],
        }
    }

    /// Every key of every object in `v`, by the path of object keys that leads to it
    /// (array indices left out): "sessions.action_items.owner".
    fn key_paths(v: &serde_json::Value, prefix: &str, out: &mut BTreeSet<String>) {
        match v {
            serde_json::Value::Object(map) => {
                for (k, child) in map {
                    let path = if prefix.is_empty() {
                        k.clone()
                    } else {
                        format!("{prefix}.{k}")
                    };
                    out.insert(path.clone());
                    key_paths(child, &path, out);
                }
            }
            serde_json::Value::Array(items) => {
                for child in items {
                    key_paths(child, prefix, out);
                }
            }
            _ => {}
        }
    }

    /// Fails when a field is added to (or removed from) any bundle type: a new field is a
    /// decision about what leaves the machine, to be made on purpose (and added here).
    #[test]
    fn every_field_a_bundle_can_carry_is_on_this_list() {
        let json = serde_json::to_value(full()).unwrap();
        let mut paths = BTreeSet::new();
        key_paths(&json, "", &mut paths);
        let expected: BTreeSet<String> = [
            "version",
            "perspective",
            "link_id",
            "from",
            "from_age",
            "to",
            "sequence",
            "created_at",
            "sessions",
            "sessions.id",
            "sessions.held_at",
            "sessions.duration_minutes",
            "sessions.format",
            "sessions.title",
            "sessions.agenda",
            "sessions.notes",
            "sessions.shared",
            "sessions.learned",
            "sessions.topics",
            "sessions.action_items",
            "sessions.action_items.id",
            "sessions.action_items.position",
            "sessions.action_items.text",
            "sessions.action_items.owner",
            "sessions.action_items.due_on",
            "sessions.action_items.done",
            "goals",
            "goals.id",
            "goals.title",
            "goals.description",
            "goals.whose",
            "goals.direction",
            "goals.success_criteria",
            "goals.target_on",
            "goals.status",
            "goals.milestones",
            "goals.milestones.id",
            "goals.milestones.position",
            "goals.milestones.title",
            "goals.milestones.due_on",
            "goals.milestones.done",
            "goals.progress",
            "goals.progress.id",
            "goals.progress.recorded_on",
            "goals.progress.value",
            "goals.progress.note",
            "swot_snapshots",
            "swot_snapshots.id",
            "swot_snapshots.side",
            "swot_snapshots.taken_on",
            "swot_snapshots.reason",
            "swot_snapshots.items",
            "swot_snapshots.items.id",
            "swot_snapshots.items.quadrant",
            "swot_snapshots.items.position",
            "swot_snapshots.items.text",
            "swot_snapshots.items.priority",
            "agreement",
            "agreement.objectives",
            "agreement.boundaries",
            "agreement.cadence_days",
            "agreement.session_minutes",
            "agreement.ending",
            "acknowledgements",
            "acknowledgements.session_id",
            "acknowledgements.action_item_id",
        ]
        .into_iter()
        .map(str::to_owned)
        .collect();
        let added: Vec<_> = paths.difference(&expected).collect();
        let removed: Vec<_> = expected.difference(&paths).collect();
        assert!(
            added.is_empty() && removed.is_empty(),
            "bundle fields changed: added {added:?}, removed {removed:?}"
        );
        // None of the private fields of the model is among them, under any name.
        for private in [
            "reflection",
            "rating",
            "place",
            "visibility",
            "deleted_at",
            "link_id",
        ] {
            let found: Vec<_> = paths
                .iter()
                .filter(|p| p.rsplit('.').next() == Some(private) && p.contains('.'))
                .collect();
            assert!(found.is_empty(), "{private} in a bundle: {found:?}");
        }
    }

    #[test]
    fn a_payload_reads_back_from_its_json_exactly() {
        let p = full();
        let json = p.to_json();
        assert_eq!(BundlePayload::from_json(&json).unwrap(), p);
        assert_eq!(p.to_json(), json, "the same value gives the same bytes");
    }

    #[test]
    fn a_payload_from_a_newer_tandem_or_with_an_unknown_field_is_refused() {
        let mut v = serde_json::to_value(full()).unwrap();
        v["version"] = 2.into();
        let e = BundlePayload::from_json(&serde_json::to_vec(&v).unwrap()).unwrap_err();
        assert_eq!(e.code(), "bundle_too_new", "{e}");
        assert!(e.to_string().contains("payload format 2"), "{e}");

        let mut v = serde_json::to_value(full()).unwrap();
        v["sessions"][0]["reflection"] = "private".into();
        let e = BundlePayload::from_json(&serde_json::to_vec(&v).unwrap()).unwrap_err();
        assert_eq!(e.code(), "bundle_damaged", "{e}");
        assert!(e.to_string().contains("sessions[0]"), "{e}");
    }

    #[test]
    fn flipping_turns_the_authors_words_into_the_receivers() {
        let p = full().flip();
        assert_eq!(p.perspective, Perspective::Receiver);
        assert_eq!(p.sessions[0].action_items[0].owner, Owner::Me);
        assert_eq!(p.goals[0].whose, Whose::Partners);
        assert_eq!(p.goals[0].direction, LearningDirection::PartnerLearns);
        assert_eq!(p.swot_snapshots[0].side, Side::Partner);
        // Absolute and textual fields stay.
        assert_eq!(p.from, full().from);
        assert_eq!(p.sessions[0].shared, "shared");
        assert_eq!(Role::Mentor.flip(), Role::Mentee);
        assert_eq!(Role::Both.flip(), Role::Both);
    }

    fn owner() -> impl Strategy<Value = Owner> {
        prop_oneof![Just(Owner::Me), Just(Owner::Partner), Just(Owner::Both)]
    }
    fn whose() -> impl Strategy<Value = Whose> {
        prop_oneof![
            Just(Whose::Mine),
            Just(Whose::Partners),
            Just(Whose::Shared)
        ]
    }
    fn direction() -> impl Strategy<Value = LearningDirection> {
        prop_oneof![
            Just(LearningDirection::ILearn),
            Just(LearningDirection::PartnerLearns),
            Just(LearningDirection::BothLearn)
        ]
    }
    fn side() -> impl Strategy<Value = Side> {
        prop_oneof![Just(Side::Mine), Just(Side::Partner)]
    }

    fn payload() -> impl Strategy<Value = BundlePayload> {
        let sessions =
            proptest::collection::vec((proptest::collection::vec(owner(), 0..4), ".{0,12}"), 0..4);
        let goals = proptest::collection::vec((whose(), direction()), 0..4);
        let snapshots = proptest::collection::vec(side(), 0..3);
        let perspective = prop_oneof![Just(Perspective::Author), Just(Perspective::Receiver)];
        (sessions, goals, snapshots, perspective, any::<u64>()).prop_map(
            |(sessions, goals, snapshots, perspective, sequence)| {
                let base = full();
                let mut p = base.clone();
                p.perspective = perspective;
                p.sequence = sequence;
                p.sessions = sessions
                    .into_iter()
                    .map(|(owners, title)| {
                        let mut s = base.sessions[0].clone();
                        s.title = title;
                        s.action_items = owners
                            .into_iter()
                            .map(|owner| BundleActionItem {
                                owner,
                                ..base.sessions[0].action_items[0].clone()
                            })
                            .collect();
                        s
                    })
                    .collect();
                p.goals = goals
                    .into_iter()
                    .map(|(whose, direction)| BundleGoal {
                        whose,
                        direction,
                        ..base.goals[0].clone()
                    })
                    .collect();
                p.swot_snapshots = snapshots
                    .into_iter()
                    .map(|side| BundleSwotSnapshot {
                        side,
                        ..base.swot_snapshots[0].clone()
                    })
                    .collect();
                p
            },
        )
    }

    proptest! {
        #[test]
        fn flipping_twice_is_the_identity(p in payload()) {
            prop_assert_eq!(p.clone().flip().flip(), p.clone());
            // And once is never the identity: the perspective always changes.
            prop_assert_ne!(p.clone().flip(), p);
        }
    }
}
