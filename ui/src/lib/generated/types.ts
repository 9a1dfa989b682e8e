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
ending: string, };

export type PartnershipDraft = { partner_name: string, partner_org: string, 
/**
 * The journal owner's own name, shown beside the partner's (may be empty).
 */
my_name: string, my_role: Role, kind: PartnershipKind, started_on: string, ended_on: string | null, agreement: Agreement, };

export type Partnership = { id: string, partner_name: string, partner_org: string, my_name: string, my_role: Role, kind: PartnershipKind, started_on: string, ended_on: string | null, agreement: Agreement, created_at: string, updated_at: string, };

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
 * What was discussed (Markdown).
 */
notes: string, visibility: Visibility, };

export type Session = { id: string, partnership_id: string, held_at: string, duration_minutes: number, format: SessionFormat, place: string, title: string, notes: string, 
/**
 * Absent in format version 1 files, where every session was private.
 */
visibility: Visibility, created_at: string, updated_at: string, };

export type SessionSummary = { id: string, partnership_id: string, held_at: string, duration_minutes: number, format: SessionFormat, title: string, 
/**
 * The first characters of the notes, as plain text.
 */
excerpt: string, visibility: Visibility, updated_at: string, };

export type ImportReport = { added: number, updated: number, unchanged: number, };

export type ErrorPayload = { code: string, message: string, field: string | null, };

export type JournalInfo = { path: string, error: ErrorPayload | null, };

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
include_private: boolean, };

export type Progress = { done: number, total: number, stage: string, };

export type ReportFile = { path: string, pages: number, size_bytes: number, };

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
