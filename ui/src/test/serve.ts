// Vitest's global setup: the component tests run on the real core, `tandem serve --dev
// --scratch` (each FakeBackend makes its own scratch journal there). The binary is built
// first unless TANDEM_CLI names one (scripts/test.sh passes the one `cargo test` built).
import { execFileSync, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import type { TestProject } from 'vitest/node'

const root = fileURLToPath(new URL('../../..', import.meta.url))

function cli(): string {
  const given = process.env.TANDEM_CLI
  if (given) return given
  execFileSync('cargo', ['build', '--quiet', '-p', 'tandem-cli'], { cwd: root, stdio: 'inherit' })
  const target = process.env.CARGO_TARGET_DIR ?? `${root}/target`
  return `${target}/debug/tandem`
}

export default async function setup(project: TestProject): Promise<() => void> {
  const bin = cli()
  if (!existsSync(bin)) throw new Error(`The component tests run on the real core, and ${bin} is missing: build it with \`cargo build -p tandem-cli\`.`)
  const server = spawn(bin, ['serve', '--dev', '--scratch'], { stdio: ['ignore', 'pipe', 'inherit'] })
  const first = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: server.stdout })
    lines.once('line', resolve)
    server.once('exit', (code) => reject(new Error(`tandem serve exited (${code}) before it was ready`)))
  })
  project.provide('tandemServe', JSON.parse(first) as { url: string; token: string })
  return () => {
    server.kill()
  }
}
