import type {
  ActionItem,
  Goal,
  Milestone,
  Partnership,
  ProgressEntry,
  Session,
  SwotItem,
  SwotSnapshot,
  TowsStrategy,
} from '../../generated/types'
import { BackendError } from '../types'

/**
 * The mock journal's tables, shared by the MockBackend and its per-area helpers
 * (`actions.ts`, `goals.ts`, `finder.ts`, `swot.ts`). Records carry `deleted_at` like the
 * Rust side: a record whose `deleted_at` is set is in the trash.
 */
export class MockDb {
  partnerships = new Map<string, Partnership>()
  sessions = new Map<string, Session>()
  actionItems = new Map<string, ActionItem>()
  goals = new Map<string, Goal>()
  milestones = new Map<string, Milestone>()
  progress = new Map<string, ProgressEntry>()
  snapshots = new Map<string, SwotSnapshot>()
  swotItems = new Map<string, SwotItem>()
  tows = new Map<string, TowsStrategy>()

  /** A fresh id with a readable prefix ("goal-0007"). */
  id: (prefix: string) => string
  /** The mock clock, one second later on every call (RFC 3339). */
  now: () => string
  /** "Today" as the mock sees it (YYYY-MM-DD); tests may move it. */
  today = '2026-03-01'

  constructor(id: (prefix: string) => string, now: () => string) {
    this.id = id
    this.now = now
  }
}

export function notFound(what: string): never {
  throw new BackendError({ code: 'not_found', message: `This ${what} no longer exists.`, field: null })
}

export function invalid(field: string, message: string): never {
  throw new BackendError({ code: 'invalid_input', message, field })
}
