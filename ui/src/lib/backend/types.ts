import type { Commands } from '../generated/commands'
import type { ErrorCode, ErrorPayload, Progress, ReportFile, ReportOptions } from '../generated/types'
import { datesInText } from '../dates.svelte'

/**
 * Everything the UI asks of the Rust core: the command table's calls (generated from
 * core/src/api/table.rs) and the few only a host has (the report's progress, native
 * dialogs, the opener). Implemented by `tauriBackend` and, for tests, `FakeBackend`.
 */
export interface Backend extends Commands {
  /** Writes the progress PDF to `path`; `onProgress` is called while it works (`done === total` last). */
  exportReport(options: ReportOptions, path: string, onProgress: (progress: Progress) => void): Promise<ReportFile>
  /** Asks where to save the report (native dialog); null when the user cancelled. */
  chooseReportPath(defaultName: string): Promise<string | null>
  /** Asks where to save a copy of the journal (native dialog); null when the user cancelled. */
  chooseBackupPath(defaultName: string): Promise<string | null>
  /** Opens a file in its default application. */
  openPath(path: string): Promise<void>
  /** Shows a file in its folder (file manager). */
  revealPath(path: string): Promise<void>
  /** The native open dialog, for a journal file; null when cancelled. */
  chooseJournalFile(): Promise<string | null>
  /** Asks where to save a bundle for the partner (a `.tandem` file); null when cancelled. */
  chooseBundleSavePath(defaultName: string): Promise<string | null>
  /** The native open dialog, for a partner's bundle (`.tandem`); null when cancelled. */
  chooseBundleFile(): Promise<string | null>
  /** Asks where to save an invite for the partner (a `.tandem-invite` file); null when cancelled. */
  chooseInviteSavePath(defaultName: string): Promise<string | null>
  /** The native open dialog, for a partner's invite (`.tandem-invite`); null when cancelled. */
  chooseInviteFile(): Promise<string | null>
}

/** The file types of partner exchange, as the dialogs filter them. */
export const BUNDLE_EXTENSION = 'tandem'
export const INVITE_EXTENSION = 'tandem-invite'

/**
 * A failed backend call. `message` is a sentence meant for the user: the core's, with the
 * dates in it ("…before 2026-11-01") written in the format chosen on this computer. Every
 * error the UI shows passes through here.
 */
export class BackendError extends Error {
  readonly code: ErrorCode
  readonly field: string | null

  constructor(payload: ErrorPayload) {
    super(datesInText(payload.message))
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
