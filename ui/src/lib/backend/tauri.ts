import { invoke } from '@tauri-apps/api/core'
import type {
  ImportReport,
  JournalInfo,
  Partnership,
  PartnershipDraft,
  PartnershipOverview,
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
}
