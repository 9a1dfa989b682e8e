import type {
  BackupInfo,
  ErrorPayload,
  ImportReport,
  JournalInfo,
  Partnership,
  PartnershipDraft,
  PartnershipOverview,
  Progress,
  ReportFile,
  ReportOptions,
  RestoreReport,
  Session,
  SessionDraft,
  SessionSummary,
} from '../generated/types'

/** Everything the UI asks of the Rust core. Implemented by TauriBackend and MockBackend. */
export interface Backend {
  journalInfo(): Promise<JournalInfo>
  listPartnerships(): Promise<PartnershipOverview[]>
  getPartnership(id: string): Promise<Partnership>
  createPartnership(draft: PartnershipDraft): Promise<Partnership>
  updatePartnership(id: string, draft: PartnershipDraft): Promise<Partnership>
  listSessions(partnershipId: string, limit: number, offset: number): Promise<SessionSummary[]>
  getSession(id: string): Promise<Session>
  createSession(partnershipId: string, draft: SessionDraft): Promise<Session>
  updateSession(id: string, draft: SessionDraft): Promise<Session>
  /** Resolves to null when the sample was already loaded. */
  loadSample(): Promise<ImportReport | null>

  /** Writes the progress PDF to `path`; `onProgress` is called while it works (`done === total` last). */
  exportReport(options: ReportOptions, path: string, onProgress: (progress: Progress) => void): Promise<ReportFile>
  /** Asks where to save the report (native dialog); null when the user cancelled. */
  chooseReportPath(defaultName: string): Promise<string | null>
  /** Opens a file in its default application. */
  openPath(path: string): Promise<void>
  /** Shows a file in its folder (file manager). */
  revealPath(path: string): Promise<void>
  /** The native open dialog, for a journal file; null when cancelled. */
  chooseJournalFile(): Promise<string | null>
  /** Switches the window to the journal at `path`; the UI then starts over on it. */
  openJournal(path: string): Promise<JournalInfo>
  /** Newest first. Works even when the journal could not be opened. */
  listBackups(): Promise<BackupInfo[]>
  backupNow(): Promise<BackupInfo>
  /** Replaces the journal with a backup; afterwards everything loaded before may be stale. */
  restoreBackup(path: string): Promise<RestoreReport>
}

/** A failed backend call. `message` is a sentence meant for the user. */
export class BackendError extends Error {
  readonly code: string
  readonly field: string | null

  constructor(payload: ErrorPayload) {
    super(payload.message)
    this.name = 'BackendError'
    this.code = payload.code
    this.field = payload.field
  }

  toPayload(): ErrorPayload {
    return { code: this.code, message: this.message, field: this.field }
  }
}

function isErrorPayload(value: unknown): value is ErrorPayload {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Record<string, unknown>
  return typeof v.code === 'string' && typeof v.message === 'string'
}

/** Turns whatever a call rejected with into a BackendError. */
export function toBackendError(err: unknown): BackendError {
  if (err instanceof BackendError) return err
  if (isErrorPayload(err)) {
    return new BackendError({ code: err.code, message: err.message, field: err.field ?? null })
  }
  const message =
    typeof err === 'string' && err.trim() !== ''
      ? err
      : err instanceof Error && err.message
        ? err.message
        : 'Something went wrong. Please try again.'
  return new BackendError({ code: 'internal', message, field: null })
}
