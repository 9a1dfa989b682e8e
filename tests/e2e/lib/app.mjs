// Starting the real app through tauri-driver, and small helpers the specs share.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { remote } from 'webdriverio';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..', '..');
const targetDir = process.env.CARGO_TARGET_DIR ? resolve(root, process.env.CARGO_TARGET_DIR) : join(root, 'target');

/** The binary under test: `TANDEM_APP`, else the debug build `make build` produces. */
export const APP_BINARY = process.env.TANDEM_APP ?? join(targetDir, 'debug', 'tandem');
export const SCREENSHOTS = join(here, '..', 'screenshots');

/**
 * Where the window remembers its size and place (tauri-plugin-window-state, in the app's
 * config folder; run.mjs gives each run its own XDG_CONFIG_HOME).
 */
export const WINDOW_STATE = join(
  process.env.XDG_CONFIG_HOME ?? join(process.env.HOME ?? tmpdir(), '.config'),
  'org.tandemjournal.tandem',
  '.window-state.json',
);

/**
 * The environment the app runs in (run.mjs starts tauri-driver with it; WebKitWebDriver and
 * the app inherit it): British English, so the app's default date format ("Like this
 * computer") is "3 Mar 2026" with 24-hour times on every machine, whatever its own locale.
 * WebKit takes the locale from the C library (`setlocale`) and says "en-US" for one the C
 * library does not have, so a machine without en_GB.UTF-8 installed gets it compiled from
 * the `locales` package's sources into output/locale (LOCPATH), without changing the system.
 */
export function appEnv() {
  const env = { ...process.env, LANG: 'en_GB.UTF-8', LC_ALL: 'en_GB.UTF-8', LANGUAGE: 'en_GB' };
  const installed = execFileSync('locale', ['-a'], { encoding: 'utf8' }).split('\n');
  if (installed.some((l) => /^en_GB\.utf-?8$/i.test(l.trim()))) return env;
  const dir = join(here, '..', 'output', 'locale');
  if (!existsSync(join(dir, 'en_GB.UTF-8', 'LC_CTYPE'))) {
    mkdirSync(dir, { recursive: true });
    try {
      execFileSync('localedef', ['-i', 'en_GB', '-f', 'UTF-8', join(dir, 'en_GB.UTF-8')], { stdio: 'pipe' });
    } catch (e) {
      throw new Error(`e2e: could not make the en_GB.UTF-8 locale (install the Debian package "locales"): ${e.stderr ?? e.message}`);
    }
  }
  return { ...env, LOCPATH: dir };
}

/** A fresh, empty folder for one test's journal. */
export function scratchDir() {
  return mkdtempSync(join(tmpdir(), 'tandem-e2e-'));
}

/** Live (not zombie) processes of the app under test, whatever journal they have open. */
async function liveApps() {
  const { pidsMatching } = await import('./sockets.mjs');
  return pidsMatching(APP_BINARY).filter((pid) => {
    try {
      return !/\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
    } catch {
      return false;
    }
  });
}

/**
 * Waits for the app of an earlier spec to be gone: the app is single-instance, so a start
 * while the previous window is still closing hands over to it and exits, and WebDriver
 * would wait for a window that never comes. One that outlives `timeoutMs` is killed.
 */
async function noAppRunning(timeoutMs = 20000) {
  const deadline = Date.now() + timeoutMs;
  while ((await liveApps()).length > 0 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
  }
  for (const pid of await liveApps()) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

/**
 * Starts the app on the journal at `db` and waits until the UI says it is ready.
 * `requestTimeout`: how long one WebDriver request may take (a benchmark's long script).
 * Each start opens the window at its first-run size, unless `keepWindowState` lets it
 * open as the previous start left it.
 */
export async function launch(db, { requestTimeout = 120_000, keepWindowState = false } = {}) {
  await noAppRunning();
  if (!keepWindowState) {
    if (!process.env.XDG_CONFIG_HOME) throw new Error('run the specs through run.mjs (it gives them their own config folder)');
    rmSync(WINDOW_STATE, { force: true });
  }
  const browser = await remote({
    hostname: '127.0.0.1',
    port: 4444,
    logLevel: 'warn',
    connectionRetryCount: 0,
    connectionRetryTimeout: requestTimeout,
    capabilities: {
      browserName: 'wry',
      'wdio:enforceWebDriverClassic': true,
      'tauri:options': { application: APP_BINARY, args: ['--db', db] },
    },
  });
  await browser.waitUntil(async () => (await browser.execute(() => document.body.dataset.ready)) === 'true', {
    timeout: 15000,
    timeoutMsg: 'the app never reported ready',
  });
  return browser;
}

/** Saves a PNG of the window as screenshots/<name>.png (git-ignored), for a person to look at. */
export async function screenshot(browser, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  // The app paints without compositing (`app::open_window`), and WebKit then answers a
  // screenshot only after its next paint, which a still window never makes. So a
  // near-invisible pixel in the corner changes colour while the screenshot is taken.
  await browser.execute(() => {
    const spot = document.createElement('div');
    spot.id = 'e2e-repaint';
    spot.style.cssText = 'position:fixed;right:0;bottom:0;width:1px;height:1px;opacity:0.02;pointer-events:none';
    let odd = false;
    const timer = setInterval(() => {
      odd = !odd;
      spot.style.background = odd ? '#000' : '#fff';
    }, 16);
    spot.dataset.timer = String(timer);
    document.body.append(spot);
  });
  try {
    await browser.saveScreenshot(join(SCREENSHOTS, `${name}.png`));
  } finally {
    await browser.execute(() => {
      const spot = document.getElementById('e2e-repaint');
      if (spot) {
        clearInterval(Number(spot.dataset.timer));
        spot.remove();
      }
    });
  }
}

/** Replaces the value of the input `selector` by typing `text` into it. */
export async function typeInto(browser, selector, text) {
  const el = await browser.$(selector);
  await el.waitForDisplayed({ timeout: 5000 });
  await el.clearValue();
  // WebKitWebDriver drops "\n" from typed text: press Enter for each line break instead.
  await el.setValue(text.replaceAll('\n', '\uE007'));
}

/**
 * Replaces the text of the rich-text (Markdown) field `id` by typing `text` into it, as a
 * person would: Enter for each "\n", so Markdown typed as you go ("- ", "## ", "**")
 * becomes formatting.
 */
export async function typeMarkdown(browser, id, text) {
  const el = await browser.$(`#${id}`);
  await el.waitForDisplayed({ timeout: 5000 });
  await el.click();
  // Ctrl+A, release, Backspace: empties the field through the editor itself.
  await el.addValue('\uE009a\uE009\uE003');
  await el.addValue(text.replaceAll('\n', '\uE007'));
}

/** The Markdown the field `id` holds (its rich-text editor's, or its textarea's). */
export async function markdownOf(browser, id) {
  return browser.execute((i) => {
    const el = document.getElementById(i);
    if (el && 'editor' in el) return el.editor.getMarkdown().replace(/\n+$/, '');
    return el?.value ?? null;
  }, id);
}

/** Waits until the editor's save status says the latest edit is committed. */
export async function waitSaved(browser) {
  // textContent, not getText(): WebKitWebDriver's visible-text atom misses this span's text.
  const status = () => browser.execute(() => document.querySelector('[data-testid="save-status"]')?.textContent ?? '');
  try {
    await browser.waitUntil(async () => (await status()).startsWith('Saved'), { timeout: 10000 });
  } catch {
    await screenshot(browser, 'failure-not-saved');
    throw new Error(`the edit was never reported saved; the status says ${JSON.stringify(await status())}`);
  }
}

/**
 * The text of an element (its textContent, whitespace collapsed). WebKitWebDriver's
 * getText() misses text inside `overflow: hidden` boxes, which our lists use for ellipses.
 */
export async function textOf(element) {
  return String(await element.getProperty('textContent')).replace(/\s+/g, ' ').trim();
}

/**
 * Answers the native GTK save dialog (a separate X window WebDriver cannot reach) by typing
 * `path` into it with xdotool, then pressing Enter.
 */
export async function answerSaveDialog(path, timeoutMs = 15000) {
  const { execFileSync } = await import('node:child_process');
  const deadline = Date.now() + timeoutMs;
  let id = '';
  while (!id && Date.now() < deadline) {
    try {
      id = execFileSync('xdotool', ['search', '--onlyvisible', '--name', '^Save'], { encoding: 'utf8' }).trim().split('\n')[0];
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  if (!id) throw new Error('the save dialog never appeared');
  execFileSync('xdotool', ['windowfocus', '--sync', id]);
  execFileSync('xdotool', ['key', '--window', id, 'ctrl+a']);
  execFileSync('xdotool', ['type', '--window', id, '--delay', '15', path]);
  await new Promise((r) => setTimeout(r, 300));
  execFileSync('xdotool', ['key', '--window', id, 'Return']);
}

/** Opens a tab of the partnership page (overview, sessions, goals, swot, agreement). */
export async function openTab(browser, tab) {
  const button = await browser.$(`#tab-${tab}`);
  await button.waitForDisplayed({ timeout: 5000 });
  await button.click();
  await browser.waitUntil(async () => (await button.getAttribute('aria-selected')) === 'true', {
    timeout: 5000,
    timeoutMsg: `the ${tab} tab did not open`,
  });
}

/** Waits until `selector` matches at least `count` elements, and returns them. */
export async function waitForCount(browser, selector, count, timeoutMsg, timeout = 10000) {
  await browser.waitUntil(async () => (await browser.$$(selector)).length >= count, {
    timeout,
    timeoutMsg: timeoutMsg ?? `expected ${count} × ${selector}`,
  });
  return browser.$$(selector);
}

/** Lets WebKit paint the latest state (its screenshots can lag a frame), then saves one. */
export async function settledScreenshot(browser, name) {
  await browser.pause(300);
  await screenshot(browser, name);
}

/** The texts of every element `selector` matches, in order. */
export async function textsOf(browser, selector) {
  const texts = [];
  for (const element of await browser.$$(selector)) texts.push(await textOf(element));
  return texts;
}

/**
 * Quits the app (ends the WebDriver session) and waits until its process is gone: a new
 * start while the old window still lives would be handed to it by the single-instance
 * plugin, and WebDriver would wait for a window that never comes.
 */
export async function quit(browser, db, timeoutMs = 15000) {
  const { pidsMatching } = await import('./sockets.mjs');
  await browser.deleteSession();
  const alive = () =>
    pidsMatching(APP_BINARY, db).filter((pid) => {
      try {
        return !/\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
      } catch {
        return false;
      }
    });
  const deadline = Date.now() + timeoutMs;
  while (alive().length > 0) {
    if (Date.now() > deadline) throw new Error(`the app did not quit within ${timeoutMs} ms (pids ${alive()})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The first button inside `scope` (a CSS selector) whose text is `text` (whitespace collapsed). */
export function buttonWithText(browser, scope, text) {
  return browser.$(
    new Function(
      `return [...document.querySelectorAll(${JSON.stringify(`${scope} button`)})]` +
        `.find((b) => b.textContent.replace(/\\s+/g, ' ').trim() === ${JSON.stringify(text)}) ?? null;`,
    ),
  );
}

/**
 * Answers the native GTK open dialog ("Open File") with xdotool: Ctrl+L opens its location
 * field, `path` is typed there, Enter opens it.
 */
export async function answerOpenDialog(path, timeoutMs = 15000) {
  const { execFileSync } = await import('node:child_process');
  const deadline = Date.now() + timeoutMs;
  let id = '';
  while (!id && Date.now() < deadline) {
    try {
      id = execFileSync('xdotool', ['search', '--onlyvisible', '--name', '^Open'], { encoding: 'utf8' }).trim().split('\n')[0];
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  if (!id) throw new Error('the open dialog never appeared');
  execFileSync('xdotool', ['windowfocus', '--sync', id]);
  await new Promise((r) => setTimeout(r, 300));
  execFileSync('xdotool', ['key', '--window', id, 'ctrl+l']);
  await new Promise((r) => setTimeout(r, 300));
  execFileSync('xdotool', ['key', '--window', id, 'ctrl+a']);
  execFileSync('xdotool', ['type', '--window', id, '--delay', '15', path]);
  await new Promise((r) => setTimeout(r, 400));
  execFileSync('xdotool', ['key', '--window', id, 'Return']);
}
