// Generated from the Rust types in core/src by `tandem_core::bindings`. Do not edit:
// run `TANDEM_BLESS=1 cargo test -p tandem-core bindings` after changing them.

export type Role = "mentor" | "mentee" | "both";

export type PartnershipKind = "reverse" | "two_way" | "traditional" | "peer";

export type SessionFormat = "in_person" | "coffee" | "video" | "phone" | "chat" | "other";

export type Visibility = "private" | "shared";

export type Agreement = { 
/**
 * Agreed objectives (Markdown).
 */
objectives: string, 
/**
 * Availability, preferred channels, response times, confidentiality (Markdown).
 */
boundaries: string, 
/**
 * How often the partners mean to meet, in days (14 = every two weeks).
 */
cadence_days: number | null, 
/**
 * How long a session usually lasts, in minutes.
 */
session_minutes: number | null, 
/**
 * How the partnership will end (Markdown).
 */
ending: string, 
/**
 * Whether the partner may receive the agreement in the next bundle. Absent (files
 * before format version 5, older callers): private.
 */
visibility: Visibility, };

export type PartnershipDraft = { partner_name: string, partner_org: string, 
/**
 * The journal owner's own name, shown beside the partner's (may be empty).
 */
my_name: string, my_role: Role, kind: PartnershipKind, started_on: string, ended_on: string | null, agreement: Agreement, };

export type Partnership = { id: string, partner_name: string, partner_org: string, my_name: string, my_role: Role, kind: PartnershipKind, started_on: string, ended_on: string | null, agreement: Agreement, created_at: string, updated_at: string, 
/**
 * When it was moved to the trash (absent while it is not in the trash).
 */
deleted_at?: string, };

export type PartnershipOverview = { partnership: Partnership, session_count: number, last_session_at: string | null, };

export type SessionDraft = { 
/**
 * Local date and time the session was held (no time zone: the user's wall clock).
 */
held_at: string, duration_minutes: number, format: SessionFormat, 
/**
 * Where it took place, or the call link.
 */
place: string, title: string, 
/**
 * What the partners meant to talk about (Markdown). A new session's agenda is offered
 * the partnership's open action items.
 */
agenda: string, 
/**
 * What was discussed (Markdown).
 */
notes: string, 
/**
 * What I shared, taught or showed my partner (Markdown).
 */
shared: string, 
/**
 * What I learned from my partner (Markdown).
 */
learned: string, 
/**
 * Tags shared across the journal ("AI tools", "feedback"), in the order given,
 * without duplicates (case-insensitive).
 */
topics: Array<string>, 
/**
 * How it went, 1 (poorly) to 5 (very well); absent until the user rates it.
 */
rating: number | null, 
/**
 * A private reflection on the session (Markdown); it never leaves the machine unless
 * the user includes private text in an export.
 */
reflection: string, visibility: Visibility, };

export type Session = { id: string, partnership_id: string, held_at: string, duration_minutes: number, format: SessionFormat, place: string, title: string, 
/**
 * The fields below `notes` are absent in files before format version 3.
 */
agenda: string, notes: string, shared: string, learned: string, topics: Array<string>, rating: number | null, reflection: string, 
/**
 * Absent in format version 1 files, where every session was private.
 */
visibility: Visibility, created_at: string, updated_at: string, deleted_at?: string, };

export type SessionSummary = { id: string, partnership_id: string, held_at: string, duration_minutes: number, format: SessionFormat, title: string, 
/**
 * The first characters of the notes, as plain text.
 */
excerpt: string, topics: Array<string>, rating: number | null, 
/**
 * Action items of the session not yet done.
 */
open_actions: number, visibility: Visibility, updated_at: string, };

export type SessionPage = { total: number, offset: number, sessions: Array<SessionSummary>, };

export type Owner = "me" | "partner" | "both";

export type ActionItemDraft = { text: string, owner: Owner, 
/**
 * Not before the day of its session.
 */
due_on: string | null, done: boolean, };

export type ActionItem = { id: string, 
/**
 * The session it was agreed in.
 */
session_id: string, 
/**
 * Order within its session, from 0.
 */
position: number, text: string, owner: Owner, due_on: string | null, done: boolean, created_at: string, updated_at: string, deleted_at?: string, };

export type ActionItemView = { item: ActionItem, session_title: string, session_held_at: string, 
/**
 * Open and due before today.
 */
overdue: boolean, };

export type TopicCount = { name: string, sessions: number, };

export type Whose = "mine" | "partners" | "shared";

export type LearningDirection = "i_learn" | "partner_learns" | "both_learn";

export type GoalStatus = "not_started" | "active" | "achieved" | "dropped";

export type GoalDraft = { title: string, 
/**
 * Markdown.
 */
description: string, whose: Whose, direction: LearningDirection, 
/**
 * How we will know it is achieved (Markdown).
 */
success_criteria: string, target_on: string | null, status: GoalStatus, 
/**
 * Whether the partner may receive the goal, with its milestones and progress, in the
 * next bundle. Absent (an older caller): private.
 */
visibility: Visibility, };

export type Goal = { id: string, partnership_id: string, title: string, description: string, whose: Whose, direction: LearningDirection, success_criteria: string, target_on: string | null, status: GoalStatus, 
/**
 * Covers the goal's milestones and progress. Absent in files before format version 5,
 * where every goal was private.
 */
visibility: Visibility, created_at: string, updated_at: string, deleted_at?: string, };

export type MilestoneDraft = { title: string, due_on: string | null, done: boolean, };

export type Milestone = { id: string, goal_id: string, 
/**
 * Order within its goal, from 0.
 */
position: number, title: string, due_on: string | null, done: boolean, created_at: string, updated_at: string, deleted_at?: string, };

export type ProgressDraft = { recorded_on: string, 
/**
 * 0 to 100 (per cent).
 */
value: number, note: string, };

export type ProgressEntry = { id: string, goal_id: string, recorded_on: string, value: number, note: string, created_at: string, updated_at: string, deleted_at?: string, };

export type GoalSummary = { goal: Goal, 
/**
 * The latest progress value (by date), if any was recorded.
 */
progress: number | null, milestones_done: number, milestones_total: number, };

export type GoalDetail = { goal: Goal, milestones: Array<Milestone>, progress: Array<ProgressEntry>, };

export type MonthCount = { 
/**
 * "YYYY-MM".
 */
month: string, sessions: number, };

export type Dashboard = { partnership_id: string, session_count: number, 
/**
 * Sum of the sessions' durations.
 */
minutes_together: number, last_session_at: string | null, 
/**
 * The last session's day plus the agreed cadence (or the start date plus the cadence
 * when there is no session yet); absent without a cadence or once the partnership ended.
 */
next_due_on: string | null, 
/**
 * Days since the last session (or since the start), counted from `today`.
 */
days_since_last: number | null, 
/**
 * No session for at least twice the agreed cadence (never for an ended partnership).
 */
stalled: boolean, 
/**
 * The first [`DASHBOARD_ACTIONS`] open action items: overdue first, then by due date
 * (undated last), then oldest first.
 */
open_actions: Array<ActionItemView>, 
/**
 * How many action items are open in all.
 */
open_action_count: number, 
/**
 * Goals that are not dropped, active first.
 */
goals: Array<GoalSummary>, 
/**
 * The last 12 calendar months up to `today`, oldest first, months without sessions
 * included.
 */
sessions_per_month: Array<MonthCount>, 
/**
 * What the partner asked of me and which of my items they say they did, from their
 * last bundle (absent when nothing was received from them).
 */
partner: PartnerOpenItems | null, };

export type ItemKind = "partnership" | "session" | "action_item" | "goal" | "milestone" | "progress" | "swot_snapshot" | "swot_item" | "tows";

export type TextSpan = { text: string, hit: boolean, };

export type SearchHit = { kind: ItemKind, 
/**
 * The thing found.
 */
id: string, 
/**
 * What opens it: the session of an action item, the goal of a milestone, the SWOT
 * snapshot of a SWOT item; the thing itself otherwise.
 */
open_kind: ItemKind, open_id: string, partnership_id: string, partner_name: string, 
/**
 * The partner's own record, as their last bundle shared it (read-only; `id` and
 * `open_id` are then the partner's ids, for the partnership's partner views).
 */
from_partner: boolean, 
/**
 * The title of what opens (a session's or goal's title, an item's text).
 */
title: string, 
/**
 * Up to a few dozen words around the first match.
 */
snippet: Array<TextSpan>, 
/**
 * The day it belongs to, when it has one (a session's day, a due date).
 */
date: string | null, };

export type TrashEntry = { kind: ItemKind, id: string, 
/**
 * What the user would call it ("Session with Zoë, 3 March", a goal's title...).
 */
label: string, partnership_id: string, deleted_at: string, };

export type Side = "mine" | "partner";

export type Quadrant = "strengths" | "weaknesses" | "opportunities" | "threats";

export type Priority = "high" | "medium" | "low";

export type SwotSnapshot = { id: string, partnership_id: string, side: Side, taken_on: string, 
/**
 * Why a new snapshot was started ("after the reorganisation"); may be empty.
 */
reason: string, 
/**
 * Whether the partner may receive it in the next bundle; only a snapshot of my own
 * side can be shared. Absent in files before format version 5: private.
 */
visibility: Visibility, created_at: string, updated_at: string, deleted_at?: string, };

export type SwotItemDraft = { quadrant: Quadrant, text: string, priority: Priority | null, };

export type SwotItem = { id: string, snapshot_id: string, quadrant: Quadrant, 
/**
 * Order within its quadrant, from 0.
 */
position: number, text: string, priority: Priority | null, 
/**
 * The item of the earlier snapshot this one was copied forward from.
 */
origin_id: string | null, 
/**
 * An item on the other side the user marked as the same thing.
 */
link_id: string | null, created_at: string, updated_at: string, deleted_at?: string, };

export type SwotView = { snapshot: SwotSnapshot, items: Array<SwotItem>, };

export type Match = "same" | "similar" | "linked";

export type SharedPair = { mine: string, partner: string, by: Match, };

export type SwotBoard = { mine: SwotView | null, partner: SwotView | null, shared: Array<SharedPair>, 
/**
 * Every snapshot of my journal, of both sides (the partner's shared ones are in
 * `partner_shared`).
 */
snapshots: Array<SwotSnapshot>, 
/**
 * The partner's own shared SWOT, when they shared one: offered as the partner column
 * (and shown there when `shown`, read-only).
 */
partner_shared: SharedSwot | null, };

export type MovedItem = { before: SwotItem, after: SwotItem, };

export type SwotComparison = { before: SwotSnapshot, after: SwotSnapshot, 
/**
 * In the later snapshot only.
 */
added: Array<SwotItem>, 
/**
 * In the earlier snapshot only.
 */
removed: Array<SwotItem>, 
/**
 * In both, in the same quadrant (items of the later snapshot).
 */
kept: Array<SwotItem>, 
/**
 * In both, in another quadrant.
 */
moved: Array<MovedItem>, };

export type TowsKind = "so" | "st" | "wo" | "wt";

export type TowsDraft = { kind: TowsKind, text: string, 
/**
 * The strength or weakness it builds on.
 */
internal_item_id: string | null, 
/**
 * The opportunity or threat it answers.
 */
external_item_id: string | null, };

export type TowsStrategy = { id: string, partnership_id: string, kind: TowsKind, text: string, internal_item_id: string | null, external_item_id: string | null, 
/**
 * The goal it was turned into.
 */
goal_id: string | null, created_at: string, updated_at: string, deleted_at?: string, };

export type ImportReport = { added: number, updated: number, unchanged: number, 
/**
 * Records of the file this journal deleted for good (emptied from the trash), left
 * out so that an older copy never brings them back.
 */
left_deleted: number, };

export type ErrorCode = "invalid_input" | "not_found" | "journal_too_new" | "not_a_journal" | "journal_damaged" | "journal_in_use" | "import_invalid" | "io" | "disk_full" | "read_only" | "busy" | "database" | "random_unavailable" | "exchange_keys_unreadable" | "not_an_invite" | "invite_damaged" | "invite_tampered" | "invite_too_new" | "exchange_file_too_large" | "not_a_bundle" | "bundle_not_for_me" | "bundle_damaged" | "bundle_bad_signature" | "bundle_wrong_signer" | "bundle_too_new" | "share_too_large" | "bundle_seal_failed" | "bundle_outdated" | "bundle_wrong_link" | "internal";

export type ErrorPayload = { code: ErrorCode, message: string, field: string | null, };

export type JournalInfo = { path: string, error: ErrorPayload | null, };

export type FirstScreen = { journal: JournalInfo, 
/**
 * Empty when the journal could not be opened (`journal.error` says why).
 */
partnerships: Array<PartnershipOverview>, dashboard: Dashboard | null, };

export type ReportOptions = { partnership_id: string, 
/**
 * First day of the period (inclusive); `None`: from the beginning.
 */
from: string | null, 
/**
 * Last day of the period (inclusive); `None`: up to the latest session.
 */
to: string | null, 
/**
 * Show the notes of private sessions too (they are left out by default).
 */
include_private: boolean, 
/**
 * Add what the partner shared with me through exchange (their own SWOT, goals and
 * notes, labelled as theirs); left out by default.
 */
include_partner: boolean, };

export type Progress = { done: number, total: number, stage: string, };

export type ReportFile = { path: string, pages: number, size_bytes: number, };

export type SectionPreview = { 
/**
 * Its title, as in the PDF and its outline ("Sessions").
 */
title: string, 
/**
 * What it counts (sessions, goals, SWOT sides, open action items), if it counts one
 * thing.
 */
count: number | null, 
/**
 * What it holds, in a sentence without a full stop ("3 sessions: 1 shared with its
 * notes, 2 private").
 */
summary: string, };

export type ReportPreview = { 
/**
 * The period the report covers (the options' dates, or the partnership's span).
 */
from: string, to: string, 
/**
 * The sections the PDF will have after its cover, in order.
 */
sections: Array<SectionPreview>, 
/**
 * What is left out and why, one sentence each (private text first, then the
 * sections with nothing to show).
 */
left_out: Array<string>, 
/**
 * Private sessions of the period shown without their own text (title, place, topics,
 * notes): 0 when private notes are included.
 */
private_left_out: number, 
/**
 * Private sessions of the period whose notes the report will hold (private notes asked
 * for).
 */
private_included: number, };

export type BackupInfo = { path: string, 
/**
 * When the backup was made (from its name, to the second).
 */
created_at: string, size_bytes: number, };

export type RestoreReport = { 
/**
 * The journal that now holds the backup's content.
 */
journal: string, 
/**
 * The backup that was restored.
 */
restored_from: string, 
/**
 * Where the journal as it was before the restore was kept (`None` when there was no
 * journal, or it was empty).
 */
previous_saved_to: string | null, 
/**
 * The previous journal was damaged, so it was moved aside byte for byte rather than
 * backed up (it is not listed among the backups).
 */
previous_was_damaged: boolean, };

export type LinkState = "invited" | "paired" | "unpaired";

export type ExchangeLink = { 
/**
 * 32 lowercase hex digits, as in the invite and every bundle.
 */
id: string, partnership_id: string, 
/**
 * The partner's name as the invite gave it (or the partnership's, for the inviter).
 */
partner_name: string, state: LinkState, 
/**
 * The six words both partners read to each other; absent until both keys are known.
 */
fingerprint: Array<string> | null, 
/**
 * When the words were compared and found the same (absent: not verified).
 */
verified_at: string | null, 
/**
 * The sequence of the last bundle I made for the link (0: none yet).
 */
sent_sequence: number, 
/**
 * The sequence of the last bundle I imported from the partner (0: none yet).
 */
received_sequence: number, 
/**
 * When the partner made that bundle.
 */
received_shared_at: string | null, };

export type InviteOut = { link: ExchangeLink, text: string, };

export type InvitePreview = { 
/**
 * The invite's text as read (from a file or pasted): what `accept_invite` is given.
 */
text: string, link_id: string, 
/**
 * The inviter's name: the partner's name in a partnership made by accepting.
 */
inviter_name: string, inviter_role: Role, 
/**
 * My role in the partnership: the inviter's flipped (mentor ↔ mentee; both stays).
 */
my_role: Role, kind: PartnershipKind, created_at: string, };

export type ShareCounts = { sessions: number, action_items: number, goals: number, milestones: number, progress: number, swot_snapshots: number, swot_items: number, agreement: number, acknowledgements: number, };

export type ShareReport = { link: ExchangeLink, sequence: number, 
/**
 * The bundle's size in bytes.
 */
bytes: number, counts: ShareCounts, };

export type KindChanges = { 
/**
 * "sessions", "action_items", "goals", "milestones", "progress", "swot_snapshots",
 * "swot_items", "agreement", "acknowledgements".
 */
kind: string, new: number, changed: number, withdrawn: number, };

export type AskedOfMe = { session_id: string, session_title: string, session_held_at: string, action_item_id: string, text: string, owner: Owner, due_on: string | null, done: boolean, };

export type ReceivePreview = { link: ExchangeLink, partnership_id: string, 
/**
 * Who it is from (the partner's name).
 */
from_name: string, 
/**
 * Whether the link's fingerprint was verified.
 */
verified: boolean, 
/**
 * The first bundle of the link: its key is pinned on import (trust on first use).
 */
first: boolean, sequence: number, shared_at: string, 
/**
 * The very bundle imported last: importing it changes nothing.
 */
unchanged: boolean, changes: Array<KindChanges>, counts: ShareCounts, asked_of_me: Array<AskedOfMe>, };

export type Perspective = "author" | "receiver";

export type Party = string;

export type BundleActionItem = { id: string, position: number, text: string, 
/**
 * In the payload's perspective: `me` is the author until flipped.
 */
owner: Owner, due_on: string | null, done: boolean, };

export type BundleSession = { 
/**
 * The author's id of the session (stable across bundles).
 */
id: string, held_at: string, duration_minutes: number, format: SessionFormat, title: string, agenda: string, notes: string, 
/**
 * What the author shared, taught or showed.
 */
shared: string, 
/**
 * What the author learned.
 */
learned: string, topics: Array<string>, action_items: Array<BundleActionItem>, };

export type BundleMilestone = { id: string, position: number, title: string, due_on: string | null, done: boolean, };

export type BundleProgress = { id: string, recorded_on: string, 
/**
 * 0 to 100.
 */
value: number, note: string, };

export type BundleGoal = { id: string, title: string, description: string, whose: Whose, direction: LearningDirection, success_criteria: string, target_on: string | null, status: GoalStatus, milestones: Array<BundleMilestone>, 
/**
 * Oldest first.
 */
progress: Array<BundleProgress>, };

export type BundleSwotItem = { id: string, quadrant: Quadrant, position: number, text: string, priority: Priority | null, };

export type BundleSwotSnapshot = { id: string, 
/**
 * `mine` as the author writes it; `partner` once flipped.
 */
side: Side, taken_on: string, reason: string, items: Array<BundleSwotItem>, };

export type BundleAgreement = { objectives: string, boundaries: string, cadence_days: number | null, session_minutes: number | null, ending: string, };

export type Acknowledgement = { session_id: string, action_item_id: string, };

export type BundlePayload = { version: number, perspective: Perspective, link_id: string, 
/**
 * The author, who signed the bundle.
 */
from: Party, 
/**
 * The author's age recipient (`age1…`, public): what the partner encrypts to. The
 * first bundle of a link is how the inviter learns it.
 */
from_age: string, 
/**
 * The partner it is for.
 */
to: Party, 
/**
 * Grows by one with every bundle the author makes for the link; a receiver refuses one
 * not newer than the last it imported.
 */
sequence: number, created_at: string, 
/**
 * Shared sessions, with their action items.
 */
sessions: Array<BundleSession>, 
/**
 * Shared goals, with their milestones and progress.
 */
goals: Array<BundleGoal>, 
/**
 * Shared snapshots of the author's own SWOT side, with their items.
 */
swot_snapshots: Array<BundleSwotSnapshot>, 
/**
 * The agreement, when the author shares it.
 */
agreement: BundleAgreement | null, 
/**
 * Action items of the partner's (assigned to the author) that the author has done.
 */
acknowledgements: Array<Acknowledgement>, };

export type SharedBy = { 
/**
 * The exchange link it came through (what `set_partner_item_done` takes).
 */
link_id: string, 
/**
 * The partner's name ("Zoë Okafor").
 */
name: string, 
/**
 * When the partner made the bundle it came in.
 */
shared_at: string, 
/**
 * Whether the link's fingerprint words were compared and found the same; until then
 * everything received says "not verified".
 */
verified: boolean, };

export type SharedSwot = { by: SharedBy, 
/**
 * Their shared snapshots (side `partner`, in my words), newest first: what the partner
 * column can show instead of my view of their SWOT.
 */
snapshots: Array<SwotSnapshot>, 
/**
 * Whether the board's partner column shows one of them (else it is my view of theirs).
 */
shown: boolean, };

export type PartnerSession = { session: BundleSession, 
/**
 * My live session held on the same day (the nearest in time when I have several).
 */
linked_session_id: string | null, };

export type PartnerSessions = { by: SharedBy, sessions: Array<PartnerSession>, };

export type PartnerGoal = { 
/**
 * With its milestones in order and its progress oldest first.
 */
goal: BundleGoal, 
/**
 * The latest progress value (by date), if any was recorded.
 */
progress: number | null, milestones_done: number, milestones_total: number, 
/**
 * My live goal whose title is the same or nearly the same (each of mine is linked to at
 * most one of theirs, the closest titles first).
 */
linked_goal_id: string | null, };

export type PartnerGoals = { by: SharedBy, goals: Array<PartnerGoal>, };

export type PartnerOpenItems = { by: SharedBy, 
/**
 * Action items of the partner's sessions asked of me (mine or both of ours, in my
 * words) that neither they nor I marked done, by due date (undated last).
 */
asked_of_me: Array<AskedOfMe>, 
/**
 * My open action items the partner says they did (their bundle acknowledges them):
 * offered to tick.
 */
says_done: Array<ActionItemView>, };
