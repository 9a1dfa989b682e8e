// The window opens where, and as large as, the user left it (tauri-plugin-window-state):
// the size and place are this computer's, kept in its config folder, not in the journal.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { WINDOW_STATE, launch, quit, scratchDir } from '../lib/app.mjs';

const db = join(scratchDir(), 'journal.sqlite3');
let app;

after(async () => {
  await app?.deleteSession().catch(() => {});
});

test('the window remembers its size and place across a restart', async () => {
  app = await launch(db);
  const first = await app.getWindowRect();
  assert.deepEqual([first.width, first.height], [1180, 780], 'a first start opens at the size tauri.conf.json gives');
  await app.setWindowRect(60, 40, 1300, 820);
  const moved = await app.getWindowRect();
  assert.deepEqual([moved.width, moved.height], [1300, 820]);
  // Saved once the window has settled, not only when the app exits normally: a window
  // ended by a logout or a kill (as WebDriver ends it) still opens where it was left.
  const kept = () => (existsSync(WINDOW_STATE) ? JSON.parse(readFileSync(WINDOW_STATE, 'utf8')).main : undefined);
  await app.waitUntil(async () => kept()?.width === 1300 && kept()?.height === 820, {
    timeout: 10_000,
    timeoutMsg: `the window's new size was not kept in ${WINDOW_STATE} (${JSON.stringify(kept())})`,
  });
  await quit(app, db);
  app = null;
  assert.doesNotMatch(readFileSync(WINDOW_STATE, 'utf8'), /journal|sqlite/i, 'nothing of the journal is kept there');

  app = await launch(db, { keepWindowState: true });
  const again = await app.getWindowRect();
  assert.deepEqual([again.width, again.height], [1300, 820], 'the second start opens as large as the first was left');
  assert.deepEqual([again.x, again.y], [moved.x, moved.y], 'and in the same place');
  // A start that is not asked to keep it (every other spec, and this one's first) opens at
  // the first-run size: the first assertion above runs after the other specs moved theirs.
});
