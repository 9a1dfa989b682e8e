//! A generator of large, realistic journals (benchmarks, trying the app at scale):
//! `tandem demo --sessions N`. A handful of partnerships, the first holding most sessions;
//! sessions every few days going back from today, with notes of 80–400 words (some
//! Markdown) composed from phrases about AI tools, social media, leadership, feedback,
//! stakeholders and delegation; topics, ratings, action items (old ones mostly done),
//! goals with milestones and progress.
//!
//! Deterministic: the same seed and day give the same journal, ids included, so running
//! it twice adds nothing the second time. Everything is written by one import (one
//! transaction, the same validation and row code as a JSON import), so 10,000 sessions
//! take seconds.

use chrono::{DateTime, Days, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use uuid::Uuid;

use crate::error::{Error, Result};
use crate::journal::{FORMAT_VERSION, JournalFile};
use crate::model::*;
use crate::store::Store;

/// The most sessions one run makes (beyond it the dates would run out of plausible years).
pub const MAX_SESSIONS: u32 = 50_000;

/// What [`generate`] made.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GenerateReport {
    pub partnerships: u32,
    pub sessions: u32,
    pub action_items: u32,
    pub goals: u32,
    pub milestones: u32,
    pub progress: u32,
    /// Records the journal did not have yet (0 when the same journal was generated before).
    pub added: u32,
}

/// Adds a generated journal of `sessions` sessions to `store`, dated up to `today`.
pub fn generate(
    store: &mut Store,
    sessions: u32,
    seed: u64,
    today: NaiveDate,
) -> Result<GenerateReport> {
    let file = journal(sessions, seed, today)?;
    let imported = store.import_journal(&file)?;
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    Ok(GenerateReport {
        partnerships: count(file.partnerships.len()),
        sessions: count(file.sessions.len()),
        action_items: count(file.action_items.len()),
        goals: count(file.goals.len()),
        milestones: count(file.milestones.len()),
        progress: count(file.progress.len()),
        added: imported.added,
    })
}

/// The journal [`generate`] adds, as an export file.
pub fn journal(sessions: u32, seed: u64, today: NaiveDate) -> Result<JournalFile> {
    if sessions > MAX_SESSIONS {
        return Err(Error::invalid(
            "sessions",
            format!(
                "At most {MAX_SESSIONS} sessions can be generated at once (asked for {sessions})."
            ),
        ));
    }
    let earliest = NaiveDate::from_ymd_opt(1950, 1, 1).unwrap_or(NaiveDate::MIN);
    if today < earliest + Days::new(3 * 365) {
        return Err(Error::invalid(
            "today",
            format!("A journal can only be generated up to a day after 1953 (got {today})."),
        ));
    }
    let mut g = Generator {
        rng: Rng::new(seed),
        file: JournalFile {
            format_version: FORMAT_VERSION,
            exported_at: None,
            partnerships: Vec::new(),
            sessions: Vec::new(),
            action_items: Vec::new(),
            goals: Vec::new(),
            milestones: Vec::new(),
            progress: Vec::new(),
            swot_snapshots: Vec::new(),
            swot_items: Vec::new(),
            tows_strategies: Vec::new(),
            swot_pair_dismissals: Vec::new(),
        },
        today,
        earliest,
    };
    let count = sessions / 2000 + 1;
    // The first partnership holds most sessions; the others share about 30%.
    let others = if count > 1 {
        sessions * 3 / 10 / (count - 1)
    } else {
        0
    };
    for i in 0..count {
        let n = if i == 0 {
            sessions - others * (count - 1)
        } else {
            others
        };
        g.partnership(i, n);
    }
    Ok(g.file)
}

/// splitmix64: tiny, fast, and good enough to vary text.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x5EED_7A4D_E3B0_0C1A)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `lo..=hi`.
    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        if hi <= lo {
            return lo;
        }
        lo + self.next() % (hi - lo + 1)
    }

    /// True `percent` times in a hundred.
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[(self.next() % items.len() as u64) as usize]
    }

    fn uuid(&mut self) -> Uuid {
        let mut bytes = [0u8; 16];
        bytes[..8].copy_from_slice(&self.next().to_le_bytes());
        bytes[8..].copy_from_slice(&self.next().to_le_bytes());
        uuid::Builder::from_random_bytes(bytes).into_uuid()
    }
}

const PARTNERS: &[(&str, &str)] = &[
    ("Zoë Okafor", "Northwind Analytics"),
    ("Sam Reyes", "Brightline Media"),
    ("Aiko Tanaka", "Kaizen Robotics"),
    ("Mateus Silva", "Verde Energia"),
    ("Priya Raman", "Lotus Health"),
    ("Lars Nygård", "Fjord Logistics"),
    ("Fatima Al-Sayed", "Crescent Bank"),
    ("Chen Wei", "Harbour Studios"),
    ("Noor Haddad", "Cedar Legal"),
    ("Elena Petrova", "Aurora Software"),
    ("Kwame Mensah", "Gold Coast Foods"),
    ("Inès Dubois", "Atelier Lumière"),
];

const TOPICS: &[&str] = &[
    "AI tools",
    "prompting",
    "social media",
    "TikTok",
    "LinkedIn",
    "leadership",
    "feedback",
    "stakeholders",
    "delegation",
    "negotiation",
    "career",
    "public speaking",
    "data literacy",
    "remote work",
    "hiring",
    "budgeting",
    "strategy",
    "writing",
    "time management",
    "wellbeing",
];

const TOOLS: &[&str] = &[
    "ChatGPT",
    "Claude",
    "Copilot",
    "Notion AI",
    "Perplexity",
    "Midjourney",
    "a local model",
    "Gemini",
    "an AI meeting summariser",
];

const PLATFORMS: &[&str] = &[
    "TikTok",
    "LinkedIn",
    "Instagram",
    "Bluesky",
    "YouTube Shorts",
    "Threads",
    "Mastodon",
    "a team podcast",
];

const THINGS: &[&str] = &[
    "the quarterly roadmap",
    "the budget review",
    "the all-hands deck",
    "the hiring plan",
    "a tricky stakeholder email",
    "the team retro",
    "the weekly update",
    "a customer escalation",
    "the board summary",
    "the onboarding guide",
    "the launch announcement",
    "the reorganisation memo",
];

const PEOPLE: &[&str] = &[
    "the CFO",
    "my manager",
    "the product team",
    "a new hire",
    "the sales lead",
    "our designer",
    "the legal team",
    "a sceptical director",
    "the works council",
    "our biggest customer",
];

const SKILLS: &[&str] = &[
    "prompt patterns",
    "giving feedback",
    "delegating",
    "saying no",
    "running a meeting",
    "storytelling",
    "negotiating scope",
    "reading analytics",
    "writing briefs",
    "coaching",
    "managing up",
    "short-form video",
];

/// Sentences with slots: {p} partner, {t} tool, {f} platform, {x} thing, {o} person, {s} skill.
const SENTENCES: &[&str] = &[
    "{p} showed me how {t} drafts {x} in minutes.",
    "We compared two versions of {x}: one written by hand and one with {t}.",
    "I explained how decisions about {x} travel up to {o}.",
    "{p} thinks {f} is where {o} will notice us first.",
    "The hard part of {s} is knowing when to stop.",
    "We practised {s} with a role-play about {x}.",
    "I still find {s} uncomfortable, especially with {o}.",
    "Next time we want to try {t} on {x}.",
    "{p} asked why {o} needs so many approvals.",
    "A short {f} video explained {s} better than any slide deck.",
    "We agreed that feedback on {x} should come within a day.",
    "I delegated {x} to a new hire and only checked in twice.",
    "{p} was surprised how much of leadership is {s}.",
    "The numbers on {f} look good, but engagement is not the same as trust.",
    "We mapped the stakeholders for {x}: who decides, who blocks, who just needs to know.",
    "Using {t} for {s} felt like cheating at first, then like a second opinion.",
    "{o} pushed back on {x}, and we talked through how to respond.",
    "I learned that {f} rewards consistency more than polish.",
    "My takeaway: ask {o} what a yes would look like before presenting {x}.",
    "We laughed about the time {t} invented a meeting that never happened.",
    "{p} pointed out that I answer my own questions before anyone else can.",
    "Delegation is easier when the outcome is written down, not just the task.",
    "We looked at who actually reads {x} and cut it by half.",
    "{p} never posts on {f} without a hook in the first two seconds.",
    "I shared how to read the politics behind {x} without getting cynical.",
];

const TITLES: &[&str] = &[
    "{T} and {U}",
    "Catching up on {x}",
    "{t} deep dive",
    "Preparing {x}",
    "Feedback on {x}",
    "{f} experiments",
    "Working on {s}",
    "{T}: what changed",
];

const ACTIONS: &[&str] = &[
    "Send {o} the draft of {x}",
    "Try {t} for {x}",
    "Post one {f} update about {s}",
    "Book time with {o} about {x}",
    "Read up on {s} and bring two questions",
    "Rewrite {x} with a prompt, then compare",
    "Ask {o} for feedback on {x}",
];

const GOALS: &[&str] = &[
    "Use AI tools confidently in my weekly work",
    "Build a personal presence on LinkedIn",
    "Delegate one recurring task every month",
    "Give feedback within 48 hours",
    "Understand how the budget is decided",
    "Run a meeting without slides",
    "Publish a short video every two weeks",
    "Map the stakeholders of my main project",
    "Negotiate scope before saying yes",
    "Write briefs that need no follow-up questions",
];

const MILESTONES: &[&str] = &[
    "First attempt, reviewed together",
    "Do it three weeks in a row",
    "Ask {o} for an honest opinion",
    "Teach it to someone else",
    "Write down what worked",
];

struct Generator {
    rng: Rng,
    file: JournalFile,
    today: NaiveDate,
    earliest: NaiveDate,
}

/// A timestamp for something made at `at` (the user's wall clock taken as UTC).
fn stamp(at: NaiveDateTime) -> DateTime<Utc> {
    at.and_utc()
}

fn noon(day: NaiveDate) -> NaiveDateTime {
    day.and_time(NaiveTime::from_hms_opt(12, 0, 0).unwrap_or(NaiveTime::MIN))
}

impl Generator {
    fn fill(&mut self, template: &str, partner: &str) -> String {
        let mut out = String::with_capacity(template.len() + 40);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let slot = rest[open + 1..].chars().next().unwrap_or('?');
            let word: String = match slot {
                'p' => partner.to_owned(),
                't' => (*self.rng.pick(TOOLS)).to_owned(),
                'f' => (*self.rng.pick(PLATFORMS)).to_owned(),
                'x' => (*self.rng.pick(THINGS)).to_owned(),
                'o' => (*self.rng.pick(PEOPLE)).to_owned(),
                's' => (*self.rng.pick(SKILLS)).to_owned(),
                'T' | 'U' => capitalise(self.rng.pick::<&str>(TOPICS)),
                _ => String::new(),
            };
            out.push_str(&word);
            rest = rest[open + 1..].split_once('}').map_or("", |(_, r)| r);
        }
        out.push_str(rest);
        capitalise(&out)
    }

    fn sentence(&mut self, partner: &str) -> String {
        let template = *self.rng.pick(SENTENCES);
        self.fill(template, partner)
    }

    /// 80–400 words of notes with some Markdown: headings, emphasis, lists, a quote.
    fn notes(&mut self, partner: &str) -> String {
        let target = self.rng.range(80, 400) as usize;
        let mut out = String::new();
        let mut words = 0;
        if self.rng.chance(40) {
            let heading = capitalise(self.rng.pick::<&str>(TOPICS));
            out.push_str(&format!("## {heading}\n\n"));
        }
        while words < target {
            let kind = self.rng.range(0, 9);
            let block = match kind {
                0 | 1 => {
                    let items = self.rng.range(2, 4);
                    (0..items)
                        .map(|_| format!("- {}", self.sentence(partner)))
                        .collect::<Vec<_>>()
                        .join("\n")
                }
                2 if self.rng.chance(50) => format!("> {}", self.sentence(partner)),
                _ => {
                    let n = self.rng.range(2, 5);
                    let mut para: Vec<String> = (0..n).map(|_| self.sentence(partner)).collect();
                    if self.rng.chance(30) {
                        let skill = self.rng.pick(SKILLS);
                        para.push(format!("The key word was **{skill}**."));
                    }
                    para.join(" ")
                }
            };
            words += block.split_whitespace().count();
            out.push_str(&block);
            out.push_str("\n\n");
        }
        out.truncate(out.trim_end().len());
        out
    }

    fn partnership(&mut self, index: u32, sessions: u32) {
        let (name, org) = PARTNERS[index as usize % PARTNERS.len()];
        let name = if index as usize >= PARTNERS.len() {
            format!("{name} ({})", index as usize / PARTNERS.len() + 1)
        } else {
            name.to_owned()
        };
        let first_name = name
            .split_whitespace()
            .next()
            .unwrap_or("My partner")
            .to_owned();
        // Every third partnership after the first has ended.
        let ended_on = (index > 0 && index.is_multiple_of(3))
            .then(|| self.today - Days::new(self.rng.range(60, 720)));
        let last_day = ended_on.unwrap_or(self.today);
        // Sessions every 3–14 days; closer together when that would run past `earliest`.
        let budget = (last_day - self.earliest).num_days().max(1) as u64;
        let double_avg = 2 * budget / u64::from(sessions.max(1));
        let (lo, hi) = match double_avg {
            17.. => (3, 14),
            2.. => (1, double_avg - 1),
            _ => (0, 1),
        };
        let mut days = Vec::with_capacity(sessions as usize);
        let mut day = last_day - Days::new(self.rng.range(0, hi.min(10)));
        for _ in 0..sessions {
            days.push(day);
            day = day - Days::new(self.rng.range(lo, hi));
        }
        days.reverse();
        let started_on = days
            .first()
            .copied()
            .unwrap_or(last_day)
            .checked_sub_days(Days::new(self.rng.range(0, 14)))
            .filter(|d| *d >= self.earliest)
            .unwrap_or(self.earliest);
        let created = stamp(noon(started_on));
        let cadence = *self.rng.pick(&[7u32, 14, 14, 21, 30]);
        let p = Partnership {
            id: self.rng.uuid(),
            partner_name: name,
            partner_org: org.to_owned(),
            my_name: "Henrik Lindqvist".to_owned(),
            my_role: if index == 0 {
                Role::Mentee
            } else {
                *self.rng.pick(&[Role::Mentee, Role::Mentor, Role::Both])
            },
            kind: if index == 0 {
                PartnershipKind::Reverse
            } else {
                *self.rng.pick(&[
                    PartnershipKind::Reverse,
                    PartnershipKind::TwoWay,
                    PartnershipKind::Traditional,
                    PartnershipKind::Peer,
                ])
            },
            started_on,
            ended_on,
            agreement: Agreement {
                objectives: format!(
                    "- Get fluent with **{}**\n- Understand {}\n- Practise {}",
                    self.rng.pick(TOOLS),
                    self.rng.pick(THINGS),
                    self.rng.pick(SKILLS)
                ),
                boundaries: "Chat on weekdays only; what we say stays between us.".to_owned(),
                cadence_days: Some(cadence),
                session_minutes: Some(45),
                ending: "We review the partnership every six months.".to_owned(),
                visibility: Visibility::Private,
            },
            created_at: created,
            updated_at: created,
            deleted_at: None,
        };
        let pid = p.id;
        self.file.partnerships.push(p);
        for day in days {
            self.session(pid, &first_name, day);
        }
        let goals = (2 + sessions / 200).min(5);
        for _ in 0..goals {
            self.goal(pid, started_on, last_day);
        }
    }

    fn session(&mut self, pid: Uuid, partner: &str, day: NaiveDate) {
        let hour = self.rng.range(8, 18) as u32;
        let minute = *self.rng.pick(&[0u32, 15, 30, 45]);
        let held_at =
            day.and_time(NaiveTime::from_hms_opt(hour, minute, 0).unwrap_or(NaiveTime::MIN));
        let duration = *self.rng.pick(&[30u32, 45, 45, 60, 60, 90]);
        let format = *self.rng.pick(&[
            SessionFormat::Coffee,
            SessionFormat::Video,
            SessionFormat::Video,
            SessionFormat::InPerson,
            SessionFormat::Phone,
            SessionFormat::Chat,
        ]);
        let place = match format {
            SessionFormat::Coffee => {
                *self
                    .rng
                    .pick(&["Café Ström", "The corner bakery", "Office kitchen"])
            }
            SessionFormat::Video => "Video call",
            SessionFormat::InPerson => *self.rng.pick(&["Meeting room 3", "A walk by the river"]),
            SessionFormat::Phone => "Phone",
            _ => "Team chat",
        }
        .to_owned();
        let title_template = *self.rng.pick(TITLES);
        let title = self.fill(title_template, partner);
        let mut topics: Vec<String> = Vec::new();
        for _ in 0..self.rng.range(1, 3) {
            let t = (*self.rng.pick(TOPICS)).to_owned();
            if !topics.contains(&t) {
                topics.push(t);
            }
        }
        let agenda = (0..self.rng.range(2, 3))
            .map(|_| {
                let x = self.rng.pick(THINGS);
                let s = self.rng.pick(SKILLS);
                format!("- {} ({s})", capitalise(x))
            })
            .collect::<Vec<_>>()
            .join("\n");
        let notes = self.notes(partner);
        let shared = format!(
            "I shared how {} works from the inside.",
            self.rng.pick(THINGS)
        );
        let learned = self.sentence(partner);
        let reflection = if self.rng.chance(30) {
            self.sentence(partner)
        } else {
            String::new()
        };
        let rating = match self.rng.range(0, 9) {
            0 => None,
            1 => Some(2),
            2..=4 => Some(3),
            5..=7 => Some(4),
            _ => Some(5),
        };
        let created = stamp(held_at + chrono::Duration::minutes(i64::from(duration)));
        let s = Session {
            id: self.rng.uuid(),
            partnership_id: pid,
            held_at,
            duration_minutes: duration,
            format,
            place,
            title,
            agenda,
            notes,
            shared,
            learned,
            topics,
            rating,
            reflection,
            visibility: if self.rng.chance(25) {
                Visibility::Shared
            } else {
                Visibility::Private
            },
            created_at: created,
            updated_at: created,
            deleted_at: None,
        };
        let sid = s.id;
        self.file.sessions.push(s);
        // Old items are mostly done; recent ones mostly open.
        let old = (self.today - day).num_days() > 30;
        for position in 0..self.rng.range(0, 3) as u32 {
            let template = *self.rng.pick(ACTIONS);
            let text = self.fill(template, partner);
            let due_on = self
                .rng
                .chance(70)
                .then(|| day + Days::new(self.rng.range(3, 21)));
            let done = if old {
                self.rng.chance(90)
            } else {
                self.rng.chance(25)
            };
            let owner = *self
                .rng
                .pick(&[Owner::Me, Owner::Me, Owner::Partner, Owner::Both]);
            self.file.action_items.push(ActionItem {
                id: self.rng.uuid(),
                session_id: sid,
                position,
                text,
                owner,
                due_on,
                done,
                created_at: created,
                updated_at: created,
                deleted_at: None,
            });
        }
    }

    fn goal(&mut self, pid: Uuid, from: NaiveDate, to: NaiveDate) {
        let span = (to - from).num_days().max(1) as u64;
        let start = from + Days::new(self.rng.range(0, span / 2));
        let created = stamp(noon(start));
        let status = *self.rng.pick(&[
            GoalStatus::Active,
            GoalStatus::Active,
            GoalStatus::Achieved,
            GoalStatus::NotStarted,
            GoalStatus::Dropped,
        ]);
        let target_on = self
            .rng
            .chance(80)
            .then(|| start + Days::new(self.rng.range(60, 365)));
        let g = Goal {
            id: self.rng.uuid(),
            partnership_id: pid,
            title: (*self.rng.pick(GOALS)).to_owned(),
            description: format!(
                "Why: {}\n\nHow: practise with {} and talk it through in our sessions.",
                self.sentence("My partner"),
                self.rng.pick(TOOLS)
            ),
            whose: *self
                .rng
                .pick(&[Whose::Mine, Whose::Partners, Whose::Shared]),
            direction: *self.rng.pick(&[
                LearningDirection::ILearn,
                LearningDirection::PartnerLearns,
                LearningDirection::BothLearn,
            ]),
            success_criteria: format!(
                "- {}\n- Nobody has to ask twice",
                capitalise(self.rng.pick::<&str>(SKILLS))
            ),
            target_on,
            status,
            visibility: Visibility::Private,
            created_at: created,
            updated_at: created,
            deleted_at: None,
        };
        let gid = g.id;
        self.file.goals.push(g);
        for position in 0..self.rng.range(2, 4) as u32 {
            let template = *self.rng.pick(MILESTONES);
            let title = self.fill(template, "");
            let due = start + Days::new(self.rng.range(14, 300));
            self.file.milestones.push(Milestone {
                id: self.rng.uuid(),
                goal_id: gid,
                position,
                title,
                due_on: Some(due),
                done: status == GoalStatus::Achieved || (due < self.today && self.rng.chance(70)),
                created_at: created,
                updated_at: created,
                deleted_at: None,
            });
        }
        if status == GoalStatus::NotStarted {
            return;
        }
        let entries = self.rng.range(2, 6);
        let mut value = 0u64;
        let mut day = start;
        for _ in 0..entries {
            day = day + Days::new(self.rng.range(7, 60));
            if day > self.today {
                break;
            }
            value = (value + self.rng.range(5, 30)).min(100);
            let recorded = stamp(noon(day));
            let note = self.sentence("My partner");
            self.file.progress.push(ProgressEntry {
                id: self.rng.uuid(),
                goal_id: gid,
                recorded_on: day,
                value: value as u8,
                note,
                created_at: recorded,
                updated_at: recorded,
                deleted_at: None,
            });
        }
    }
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
