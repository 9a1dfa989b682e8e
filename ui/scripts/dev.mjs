// `npm run dev`: the UI in a browser, on the real core. Starts `tandem serve --dev` (on
// TANDEM_DB, else target/dev/journal.sqlite3, never the user's own journal by default),
// then Vite, whose proxy passes /rpc to it with the server's token: the page never holds
// the token, and the server answers loopback requests that carry it only.
import { spawn } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { createServer } from 'vite'

const root = fileURLToPath(new URL('../..', import.meta.url))
const target = process.env.CARGO_TARGET_DIR ?? `${root}target`
mkdirSync(`${target}/dev`, { recursive: true })
const db = process.env.TANDEM_DB ?? `${target}/dev/journal.sqlite3`

const core = spawn('cargo', ['run', '--quiet', '-p', 'tandem-cli', '--', '--db', db, 'serve', '--dev'], {
  cwd: root,
  stdio: ['ignore', 'pipe', 'inherit'],
})
const first = await new Promise((resolve, reject) => {
  createInterface({ input: core.stdout }).once('line', resolve)
  core.once('exit', (code) => reject(new Error(`tandem serve exited (${code}) before it was ready`)))
})
const { url, token } = JSON.parse(first)
console.log(`The core answers at ${url}, on ${db}.`)

const vite = await createServer({
  root: fileURLToPath(new URL('..', import.meta.url)),
  server: {
    proxy: { '/rpc': { target: url, changeOrigin: true, headers: { 'x-tandem-token': token } } },
  },
})
await vite.listen()
vite.printUrls()

const stop = async () => {
  core.kill()
  await vite.close()
  process.exit(0)
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
core.on('exit', (code) => {
  console.error(`tandem serve stopped (${code}).`)
  process.exit(1)
})
