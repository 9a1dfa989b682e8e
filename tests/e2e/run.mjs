// Runs the end-to-end specs against the built app: starts tauri-driver (which starts
// WebKitWebDriver, which starts the app), runs `node --test` over specs/, then stops the
// driver with SIGTERM (SIGKILL would orphan WebKitWebDriver and hang a piped run).
// Needs a display: `make test` runs this under xvfb-run.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, openSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { APP_BINARY } from './lib/app.mjs';

const here = dirname(fileURLToPath(import.meta.url));

if (!existsSync(APP_BINARY)) {
  console.error(`e2e: the app is not built (${APP_BINARY} is missing); run \`make build\` first.`);
  process.exit(1);
}
if (!process.env.DISPLAY) {
  console.error('e2e: no DISPLAY; run under xvfb-run (make test does).');
  process.exit(1);
}

// The app keeps this computer's settings (the window's size and place) in the config
// folder: the run gets its own, so it never reads or changes the developer's, and starts
// from none. The driver (so the app) and the specs inherit it.
process.env.XDG_CONFIG_HOME = mkdtempSync(join(tmpdir(), 'tandem-e2e-config-'));

function waitForPort(port, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.end();
        resolve();
      });
      socket.once('error', () => {
        socket.destroy();
        if (Date.now() > deadline) reject(new Error(`tauri-driver did not listen on ${port}`));
        else setTimeout(attempt, 100);
      });
    };
    attempt();
  });
}

mkdirSync(join(here, 'output'), { recursive: true });
const log = openSync(join(here, 'output', 'tauri-driver.log'), 'w');
const driver = spawn('tauri-driver', ['--port', '4444'], { stdio: ['ignore', log, log] });
let code = 1;
try {
  await waitForPort(4444, 15000);
  // `node run.mjs specs/x.test.mjs` runs just those specs.
  const specs = process.argv.length > 2 ? process.argv.slice(2) : [join(here, 'specs')];
  const test = spawn(process.execPath, ['--test', '--test-concurrency=1', ...specs], {
    stdio: 'inherit',
    cwd: here,
  });
  code = await new Promise((resolve) => test.on('exit', (c) => resolve(c ?? 1)));
} catch (e) {
  console.error(`e2e: ${e.message}`);
} finally {
  driver.kill('SIGTERM');
  await new Promise((resolve) => {
    const timer = setTimeout(resolve, 5000);
    driver.on('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
process.exit(code);
