// A large journal stays smooth: the Sessions tab renders only the rows in view (the list
// is windowed and asks for pages as it scrolls), and End takes the keyboard to the oldest
// session, loaded, in view and focused.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { APP_BINARY, launch, openTab, scratchDir, settledScreenshot, textOf } from '../lib/app.mjs';

const db = join(scratchDir(), 'journal.sqlite3');
const SESSIONS = 2000;
const END = '\uE010';
const ENTER = '\uE007';

let app;
/** The partnership with the most live sessions, its count, and the titles it may end with. */
let biggest;

before(async () => {
  execFileSync(APP_BINARY, ['--db', db, 'demo', '--sessions', String(SESSIONS)], { stdio: 'ignore' });
  const journal = JSON.parse(
    execFileSync(APP_BINARY, ['export-json', '--db', db], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 }),
  );
  const live = new Map(journal.partnerships.filter((p) => !p.deleted_at).map((p) => [p.id, p]));
  const byPartnership = new Map();
  for (const s of journal.sessions) {
    if (s.deleted_at || !live.has(s.partnership_id)) continue;
    byPartnership.set(s.partnership_id, [...(byPartnership.get(s.partnership_id) ?? []), s]);
  }
  const [id, sessions] = [...byPartnership].sort((a, b) => b[1].length - a[1].length)[0];
  const oldest = sessions.reduce((min, s) => (s.held_at < min ? s.held_at : min), sessions[0].held_at);
  biggest = {
    name: live.get(id).partner_name,
    count: sessions.length,
    // Sessions held at the same time may share the last place: any of them will do.
    lastTitles: sessions.filter((s) => s.held_at === oldest).map((s) => s.title),
  };
  assert.ok(biggest.count > 200, `the biggest partnership has only ${biggest.count} sessions`);
  app = await launch(db);
});

after(async () => {
  await app?.deleteSession();
});

/** What the list shows now: rendered rows, the focused one, and whether rows overlap. */
function listState() {
  return app.execute(() => {
    const main = document.querySelector('main').getBoundingClientRect();
    const rows = [...document.querySelectorAll('[data-testid="session-item"]')];
    const focused = document.activeElement?.closest('[data-testid="session-item"]') ? document.activeElement : null;
    const boxes = rows.map((b) => b.getBoundingClientRect());
    const overlaps = boxes.some((box, i) => i > 0 && box.top < boxes[i - 1].bottom - 0.5);
    // A row's content taller than its box would be cut off at the bottom.
    const overflowing = rows.filter((b) => b.scrollHeight > b.clientHeight + 1).length;
    const at = focused?.getBoundingClientRect();
    return {
      rendered: rows.length,
      count: document.querySelector('[data-testid="session-count"]')?.textContent ?? '',
      focusedTitle: focused?.querySelector('.title')?.textContent ?? null,
      focusedPosition: Number(focused?.closest('li')?.getAttribute('aria-posinset') ?? 0),
      focusedLoaded: focused ? focused.getAttribute('aria-busy') !== 'true' : false,
      focusedInView: at ? at.top >= main.top && at.bottom <= main.bottom : false,
      activeTag: document.activeElement?.tagName ?? null,
      overlaps,
      overflowing,
    };
  });
}

test('the Sessions tab of a large partnership renders a window of rows; End reaches the oldest', async () => {
  const items = await app.$$('[data-testid="partnership-item"]');
  let item = null;
  for (const candidate of items) {
    if ((await textOf(candidate)).includes(biggest.name)) {
      item = candidate;
      break;
    }
  }
  assert.ok(item, `no partnership “${biggest.name}” in the sidebar`);
  await item.click();
  await openTab(app, 'sessions');

  const total = biggest.count.toLocaleString('en-GB');
  await app.waitUntil(async () => (await listState()).count.startsWith(`${total} sessions`), {
    timeout: 10000,
    timeoutMsg: `the list never said “${total} sessions”`,
  });
  let state = await listState();
  assert.ok(state.rendered > 0 && state.rendered < 100, `${state.rendered} rows rendered for ${biggest.count} sessions`);
  assert.equal(state.overlaps, false, 'rows overlap');
  assert.equal(state.overflowing, 0, 'a row’s content is taller than the row');
  await settledScreenshot(app, '80-large-journal-sessions');

  // The list is one tab stop, on the first row; End goes to the last row.
  const stops = await app.execute(() => {
    const stops = document.querySelectorAll('[data-testid="session-item"][tabindex="0"]');
    stops[0]?.focus();
    return stops.length;
  });
  assert.equal(stops, 1, `${stops} tab stops in the list`);
  state = await listState();
  assert.equal(state.focusedPosition, 1, `the tab stop is not the first session (focus on ${state.activeTag})`);
  await app.keys([END]);
  await app.waitUntil(
    async () => {
      const s = await listState();
      return s.focusedPosition === biggest.count && s.focusedLoaded;
    },
    { timeout: 10000, timeoutMsg: 'End did not focus the oldest session' },
  );
  state = await listState();
  assert.ok(biggest.lastTitles.includes(state.focusedTitle), `the last row is “${state.focusedTitle}”`);
  assert.equal(state.focusedInView, true, 'the oldest session is focused but not in view');
  assert.ok(state.rendered < 100, `${state.rendered} rows rendered at the end of the list`);
  assert.equal(state.overlaps, false, 'rows overlap at the end of the list');
  assert.equal(state.overflowing, 0, 'a row’s content is taller than the row at the end of the list');
  await settledScreenshot(app, '81-large-journal-end');
});

test('back from a session opened at the end of the list, the list is where it was', async () => {
  const before = await listState();
  assert.equal(before.focusedPosition, biggest.count, 'the previous test left the oldest session focused');
  await app.keys([ENTER]);
  // A past session opens as a page to read.
  const title = await app.$('#reading-title');
  await title.waitForDisplayed({ timeout: 10000 });
  assert.ok(biggest.lastTitles.includes(await textOf(title)), `opened “${await textOf(title)}”`);

  await app.$('[data-testid="back"]').click();
  await app.waitUntil(
    async () => {
      const s = await listState();
      return s.focusedPosition === biggest.count && s.focusedLoaded;
    },
    { timeout: 10000, timeoutMsg: 'back from the session, the oldest session is not focused' },
  );
  const state = await listState();
  assert.equal(state.focusedInView, true, 'the oldest session is focused but not in view');
  assert.ok(state.rendered < 100, `${state.rendered} rows rendered`);
});
