import { inject } from 'vitest'
import { commandClient, type Commands, type Transport } from '../lib/generated/commands'
import type { ErrorPayload, Progress, ReportFile, ReportOptions } from '../lib/generated/types'
import { request } from 'node:http'
import { httpTransport, type Post } from '../lib/backend/http'
import { BackendError, type Backend } from '../lib/backend/types'

/** The states a scratch journal can start in (`tandem_core::scratch::ScratchKind`). */
export type ScratchKind = 'empty' | 'sample' | 'damaged' | 'fails_check' | 'too_new' | 'not_a_journal' | 'paired'

export type Method = keyof Backend

export interface FakeOptions {
  /** The journal the test starts on (a fresh, empty one unless said otherwise). */
  journal?: ScratchKind
  /** Latency added to every call, in milliseconds (0: the answer's own time only). */
  latencyMs?: number
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** `tandem serve --dev --scratch`, started by `src/test/serve.ts` for the whole run. */
    tandemServe: { url: string; token: string }
  }
}

/**
 * Posts with Node's own HTTP client, one connection per request: its timers are Node's
 * internal ones, so a test's fake timers cannot stall it (as they may `fetch`'s), and no
 * kept-alive connection can be closed under it.
 */
function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : null
  } catch {
    return null
  }
}

const nodePost: Post = (url, headers, body) =>
  new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { ...headers, connection: 'close' }, agent: false }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8')
        resolve({ status: res.statusCode ?? 0, body: parseJson(text) })
      })
      res.on('error', reject)
    })
    req.on('error', reject)
    // Socket timers are Node's own: this fires under fake timers too, naming the call.
    req.setTimeout(20_000, () => req.destroy(new Error(`no answer from the core in 20 s: POST ${url}`)))
    req.end(body)
  })

/** Calls on their way to the core and back, of every fake: what `settle()` waits for. */
const inFlight = new Set<Promise<unknown>>()

/**
 * Resolves once no fake has a call out to the core (looking again after the answers' own
 * callbacks have run, which may make more calls). Real I/O, so it works under fake timers.
 */
export async function coreIdle(): Promise<void> {
  for (let round = 0; round < 1000; round++) {
    for (let i = 0; i < 10; i++) await Promise.resolve()
    if (inFlight.size === 0) return
    await Promise.allSettled([...inFlight])
  }
  throw new Error('calls to the core keep coming: something calls in a loop')
}

function track<T>(call: Promise<T>): Promise<T> {
  inFlight.add(call)
  const done = () => inFlight.delete(call)
  call.then(done, done)
  return call
}

interface Scratch {
  id: string
  /** The scratch journal's folder: where the default report path points. */
  dir: string
  /** The journal file. */
  path: string
}

/**
 * Makes a scratch journal on the server (each fake gets its own, so tests never share one).
 * With `open: false` only the file is made: a journal for a test to open with `openJournal`.
 */
export async function makeScratch(kind: ScratchKind = 'empty', open = true): Promise<Scratch> {
  const { url, token } = inject('tandemServe')
  const { status, body } = await nodePost(
    `${url}/scratch`,
    { 'content-type': 'application/json', 'x-tandem-token': token },
    JSON.stringify({ kind, open }),
  )
  if (status !== 200) throw new BackendError(body as ErrorPayload)
  return body as Scratch
}

/**
 * The UI's test double: it only transports. Every command of the table goes to the real
 * core (`tandem serve --dev --scratch`) on a journal of this fake's own, so what a
 * component is shown (sentences, fields, search hits, pairings, the dashboard) is what the
 * core says. Around that: a call log, injected failures and latency, answers held back,
 * and fake dialogs. No rule of the domain is written here.
 */
// The class and the interface below merge: the table's calls are set in the constructor
// from the generated client, and the interface tells TypeScript they are there.
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class FakeBackend implements Backend {
  /** Every call made, in order, by method name. */
  readonly calls: Method[] = []
  /** Latency added to every call, in milliseconds. */
  latencyMs: number
  /** Reports written, in order. */
  readonly exports: { options: ReportOptions; path: string }[] = []
  /** Default names passed to chooseReportPath, in order. */
  readonly reportNames: string[] = []
  /** What chooseReportPath answers: a path, null (cancelled), or undefined: the scratch folder/<name>. */
  nextReportPath: string | null | undefined = undefined
  /** What chooseBackupPath answers: a path, null (cancelled), or undefined: the scratch folder/<name>. */
  nextBackupPath: string | null | undefined = undefined
  /** What chooseJournalFile answers (null: cancelled). */
  nextJournalFile: string | null = null
  /** Default names passed to chooseBundleSavePath and chooseInviteSavePath, in order. */
  readonly saveNames: string[] = []
  /** What chooseBundleSavePath answers: a path, null (cancelled), or undefined: the scratch folder/<name>. */
  nextBundleSavePath: string | null | undefined = undefined
  /** What chooseInviteSavePath answers: a path, null (cancelled), or undefined: the scratch folder/<name>. */
  nextInviteSavePath: string | null | undefined = undefined
  /** What chooseBundleFile answers (null: cancelled). */
  nextBundleFile: string | null = null
  /** What chooseInviteFile answers (null: cancelled). */
  nextInviteFile: string | null = null
  /** Paths passed to openPath and revealPath. */
  readonly opened: string[] = []
  readonly revealed: string[] = []
  /**
   * The same commands, neither logged nor failed nor held: for a test's own setup and for
   * looking at what the core holds afterwards.
   */
  readonly core: Commands

  readonly #scratch: Promise<Scratch>
  readonly #send: (command: string, args: Record<string, unknown>) => Promise<unknown>
  #failures: { method: Method | null; error: ErrorPayload }[] = []
  #holds: { method: Method; gate: Promise<void> }[] = []

  constructor(options: FakeOptions = {}) {
    this.latencyMs = options.latencyMs ?? 0
    this.#scratch = makeScratch(options.journal ?? 'empty')
    // A failed scratch is reported by the first call that needs it, not as an unhandled rejection.
    this.#scratch.catch(() => {})
    const { url, token } = inject('tandemServe')
    const send = httpTransport({ url, token, journal: async () => (await this.#scratch).id, post: nodePost })
    this.#send = (command, args) => track(send(command, args))
    const client = commandClient(this.#send as Transport)
    this.core = commandClient(this.#send as Transport)
    for (const name of Object.keys(client) as (keyof Commands)[]) {
      const real = client[name] as (...args: unknown[]) => Promise<unknown>
      ;(this as Record<string, unknown>)[name] = (...args: unknown[]) => this.#run(name, () => real(...args))
    }
  }

  /** The scratch journal's folder on this machine. */
  async folder(): Promise<string> {
    return (await this.#scratch).dir
  }

  /** The path of this fake's journal file. */
  async path(): Promise<string> {
    return (await this.#scratch).path
  }

  /** A journal file of `kind` that nothing has open, for `openJournal` (or the file picker) to open. */
  async otherJournal(kind: ScratchKind = 'empty'): Promise<string> {
    return (await makeScratch(kind, false)).path
  }

  /**
   * Makes the next call (or the next call of `method`) fail with `error`, as the core
   * would fail it for a reason a test cannot provoke (a full disk, a busy journal).
   */
  failNext(error: Partial<ErrorPayload> & { message: string }, method: Method | null = null): void {
    this.#failures.push({
      method,
      error: { code: error.code ?? 'internal', message: error.message, field: error.field ?? null },
    })
  }

  /** Holds every call of `method` (before it reaches the core) until the returned function is called. */
  hold(method: Method): () => void {
    let release = () => {}
    const gate = new Promise<void>((resolve) => {
      release = resolve
    })
    const entry = { method, gate }
    this.#holds.push(entry)
    return () => {
      this.#holds = this.#holds.filter((h) => h !== entry)
      release()
    }
  }

  callsOf(method: Method): number {
    return this.calls.filter((c) => c === method).length
  }

  async #run<T>(method: Method, body: () => Promise<T>): Promise<T> {
    this.calls.push(method)
    if (this.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.latencyMs))
    const i = this.#failures.findIndex((f) => f.method === null || f.method === method)
    if (i >= 0) {
      const [failure] = this.#failures.splice(i, 1)
      await Promise.resolve()
      throw new BackendError(failure.error)
    }
    for (const hold of this.#holds.filter((h) => h.method === method)) await hold.gate
    return track(body())
  }

  exportReport(options: ReportOptions, path: string, onProgress: (progress: Progress) => void): Promise<ReportFile> {
    return this.#run('exportReport', async () => {
      const answer = (await this.#send('export_report', { options, path })) as { file: ReportFile; progress: Progress[] }
      for (const p of answer.progress) onProgress(p)
      this.exports.push({ options: structuredClone(options), path })
      return answer.file
    })
  }

  chooseReportPath(defaultName: string): Promise<string | null> {
    return this.#run('chooseReportPath', async () => {
      this.reportNames.push(defaultName)
      return this.nextReportPath === undefined ? `${await this.folder()}/${defaultName}` : this.nextReportPath
    })
  }

  chooseBackupPath(defaultName: string): Promise<string | null> {
    return this.#run('chooseBackupPath', async () =>
      this.nextBackupPath === undefined ? `${await this.folder()}/${defaultName}` : this.nextBackupPath,
    )
  }

  openPath(path: string): Promise<void> {
    return this.#run('openPath', () => {
      this.opened.push(path)
      return Promise.resolve()
    })
  }

  revealPath(path: string): Promise<void> {
    return this.#run('revealPath', () => {
      this.revealed.push(path)
      return Promise.resolve()
    })
  }

  chooseJournalFile(): Promise<string | null> {
    return this.#run('chooseJournalFile', () => Promise.resolve(this.nextJournalFile))
  }

  chooseBundleSavePath(defaultName: string): Promise<string | null> {
    return this.#run('chooseBundleSavePath', async () => {
      this.saveNames.push(defaultName)
      return this.nextBundleSavePath === undefined ? `${await this.folder()}/${defaultName}` : this.nextBundleSavePath
    })
  }

  chooseInviteSavePath(defaultName: string): Promise<string | null> {
    return this.#run('chooseInviteSavePath', async () => {
      this.saveNames.push(defaultName)
      return this.nextInviteSavePath === undefined ? `${await this.folder()}/${defaultName}` : this.nextInviteSavePath
    })
  }

  chooseBundleFile(): Promise<string | null> {
    return this.#run('chooseBundleFile', () => Promise.resolve(this.nextBundleFile))
  }

  chooseInviteFile(): Promise<string | null> {
    return this.#run('chooseInviteFile', () => Promise.resolve(this.nextInviteFile))
  }

}

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface FakeBackend extends Commands {}
