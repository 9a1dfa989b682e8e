import { Channel, invoke } from '@tauri-apps/api/core'
import { open, save } from '@tauri-apps/plugin-dialog'
import { openPath, revealItemInDir } from '@tauri-apps/plugin-opener'
import type {
  BackupInfo,
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
import { toBackendError, type Backend } from './types'

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args)
  } catch (err) {
    throw toBackendError(err)
  }
}

/** Runs a plugin call, turning whatever it rejects with into a BackendError. */
async function plugin<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (err) {
    throw toBackendError(err)
  }
}

/** The real backend: a thin wrapper over the Tauri commands (argument names are snake_case). */
export class TauriBackend implements Backend {
  journalInfo(): Promise<JournalInfo> {
    return call('journal_info')
  }
  listPartnerships(): Promise<PartnershipOverview[]> {
    return call('list_partnerships')
  }
  getPartnership(id: string): Promise<Partnership> {
    return call('get_partnership', { id })
  }
  createPartnership(draft: PartnershipDraft): Promise<Partnership> {
    return call('create_partnership', { draft })
  }
  updatePartnership(id: string, draft: PartnershipDraft): Promise<Partnership> {
    return call('update_partnership', { id, draft })
  }
  listSessions(partnershipId: string, limit: number, offset: number): Promise<SessionSummary[]> {
    return call('list_sessions', { partnership_id: partnershipId, limit, offset })
  }
  getSession(id: string): Promise<Session> {
    return call('get_session', { id })
  }
  createSession(partnershipId: string, draft: SessionDraft): Promise<Session> {
    return call('create_session', { partnership_id: partnershipId, draft })
  }
  updateSession(id: string, draft: SessionDraft): Promise<Session> {
    return call('update_session', { id, draft })
  }
  loadSample(): Promise<ImportReport | null> {
    return call('load_sample')
  }

  exportReport(options: ReportOptions, path: string, onProgress: (progress: Progress) => void): Promise<ReportFile> {
    // The handler is set before the channel is sent: messages are not replayed.
    const channel = new Channel<Progress>()
    channel.onmessage = onProgress
    return call('export_report', { options, path, on_progress: channel })
  }
  chooseReportPath(defaultName: string): Promise<string | null> {
    return plugin(() => save({ defaultPath: defaultName, filters: [{ name: 'PDF', extensions: ['pdf'] }] }))
  }
  openPath(path: string): Promise<void> {
    return plugin(() => openPath(path))
  }
  revealPath(path: string): Promise<void> {
    return plugin(() => revealItemInDir(path))
  }
  chooseJournalFile(): Promise<string | null> {
    return plugin(() =>
      open({
        multiple: false,
        directory: false,
        filters: [{ name: 'Tandem journal', extensions: ['sqlite3', 'sqlite', 'db'] }],
      }),
    )
  }
  openJournal(path: string): Promise<JournalInfo> {
    return call('open_journal', { path })
  }
  listBackups(): Promise<BackupInfo[]> {
    return call('list_backups')
  }
  backupNow(): Promise<BackupInfo> {
    return call('backup_now')
  }
  restoreBackup(path: string): Promise<RestoreReport> {
    return call('restore_backup', { path })
  }
}
