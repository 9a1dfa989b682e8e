import { commandClient, type Transport } from '../generated/commands'
import type { Progress, ReportFile } from '../generated/types'
import { toBackendError, type Backend } from './types'

/** Where `tandem serve --dev` answers, and what every request must carry. */
export interface ServeEndpoint {
  /** The server's origin; '' for the page's own (`npm run dev`, through Vite's proxy). */
  url: string
  /** The token the server printed (the dev proxy adds it itself, so the page never holds it). */
  token?: string
  /** A scratch journal's id (`tandem serve --scratch`), once made. */
  journal?: () => Promise<string>
  /** How to post (default: `fetch`); the component tests use Node's own HTTP client. */
  post?: Post
}

/** Posts a JSON body and answers the status and the parsed JSON answer (null if none). */
export type Post = (url: string, headers: Record<string, string>, body: string) => Promise<{ status: number; body: unknown }>

const fetchPost: Post = async (url, headers, body) => {
  const response = await fetch(url, { method: 'POST', headers, body })
  return { status: response.status, body: await response.json().catch(() => null) }
}

/** Posts one command to the server and resolves to its answer, or rejects with the core's error. */
export function httpTransport(endpoint: ServeEndpoint): (command: string, args: Record<string, unknown>) => Promise<unknown> {
  return async (command, args) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' }
    if (endpoint.token) headers['x-tandem-token'] = endpoint.token
    if (endpoint.journal) headers['x-tandem-journal'] = await endpoint.journal()
    let answer: { status: number; body: unknown }
    try {
      answer = await (endpoint.post ?? fetchPost)(`${endpoint.url}/rpc/${command}`, headers, JSON.stringify(args))
    } catch (err) {
      throw toBackendError(err)
    }
    if (answer.status !== 200) throw toBackendError(answer.body ?? `The development server answered ${answer.status}.`)
    return answer.body
  }
}

/** What the server answers for `export_report`: the file, and the progress it would have streamed. */
interface ReportAnswer {
  file: ReportFile
  progress: Progress[]
}

/**
 * The UI on the real core in a plain browser (`npm run dev`): the command table over HTTP.
 * There are no native dialogs in a browser: the save and open dialogs ask for a path.
 */
export function httpBackend(endpoint: ServeEndpoint): Backend {
  const send = httpTransport(endpoint)
  return {
    ...commandClient(send as Transport),
    exportReport: async (options, path, onProgress) => {
      const answer = (await send('export_report', { options, path })) as ReportAnswer
      for (const p of answer.progress) onProgress(p)
      return answer.file
    },
    chooseReportPath: (defaultName) => Promise.resolve(window.prompt('Save the PDF as (a path on this machine):', `/tmp/${defaultName}`)),
    chooseBackupPath: (defaultName) =>
      Promise.resolve(window.prompt('Save a copy of the journal as (a path on this machine):', `/tmp/${defaultName}`)),
    openPath: (path) => {
      console.info(`Tandem would open ${path} here.`)
      return Promise.resolve()
    },
    revealPath: (path) => {
      console.info(`Tandem would show ${path} in its folder here.`)
      return Promise.resolve()
    },
    chooseJournalFile: () => Promise.resolve(window.prompt('Open the journal at (a path on this machine):')),
    chooseBundleSavePath: (defaultName) =>
      Promise.resolve(window.prompt('Save the bundle for your partner as (a path on this machine):', `/tmp/${defaultName}`)),
    chooseBundleFile: () => Promise.resolve(window.prompt('Open your partner’s bundle at (a path on this machine):')),
    chooseInviteSavePath: (defaultName) =>
      Promise.resolve(window.prompt('Save the invite as (a path on this machine):', `/tmp/${defaultName}`)),
    chooseInviteFile: () => Promise.resolve(window.prompt('Open your partner’s invite at (a path on this machine):')),
  }
}

