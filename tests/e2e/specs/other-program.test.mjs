// Issue 13, through the real app: with the window open past its daily backup, another
// program opens the journal (here `tandem export-json`, a read), and the edits made in
// the window afterwards must survive closing it. Before the fix the backup's second open
// dropped the window's SQLite locks, the command's close unlinked the window's WAL, and
// every later edit was gone once the window closed. A command that would write is
// refused while the window is open.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { APP_BINARY, launch, quit, scratchDir, screenshot, typeInto, waitSaved } from '../lib/app.mjs';
import { pidsMatching } from '../lib/sockets.mjs';

const dir = scratchDir();
const db = join(dir, 'journal.sqlite3');
const TITLE = 'Written after another program read the journal';
let app;

/** Journal files the app still has open although they were unlinked. */
function unlinkedUnderTheApp() {
  const gone = [];
  for (const pid of pidsMatching(APP_BINARY, db)) {
    let fds = [];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const target = readlinkSync(`/proc/${pid}/fd/${fd}`);
        if (target.includes('journal.sqlite3') && target.endsWith('(deleted)')) gone.push(target);
      } catch {
        // closed meanwhile
      }
    }
  }
  return gone;
}

before(async () => {
  execFileSync(APP_BINARY, ['demo', '--db', db]);
  app = await launch(db);
});

after(async () => {
  await app?.deleteSession();
});

test('past the daily backup, a command reads the journal beside the window; writing commands are refused', async () => {
  // The daily backup runs about 10 s after start, on its own connection.
  const backups = join(dir, 'backups');
  await app.waitUntil(() => existsSync(backups) && readdirSync(backups).some((f) => f.endsWith('.sqlite3')), {
    timeout: 40000,
    interval: 250,
    timeoutMsg: 'the daily backup never ran',
  });
  await app.pause(500);

  const json = JSON.parse(execFileSync(APP_BINARY, ['export-json', '--db', db], { encoding: 'utf8' }));
  assert.ok(json.sessions.length > 0);
  const demo = spawnSync(APP_BINARY, ['demo', '--db', db], { encoding: 'utf8' });
  assert.notEqual(demo.status, 0);
  assert.match(demo.stderr, /Tandem is open on this journal/);
  assert.match(demo.stderr, /close it first, or do this from the window/);
  assert.deepEqual(unlinkedUnderTheApp(), []);
});

test('an edit made after that survives closing and reopening the window', async () => {
  await app.$('[data-testid="new-session"]').click();
  await typeInto(app, '#session-title', TITLE);
  await waitSaved(app);
  // Another read while the edit is in the window's WAL, then a check nothing was unlinked.
  execFileSync(APP_BINARY, ['search', 'prompt', '--db', db]);
  assert.deepEqual(unlinkedUnderTheApp(), []);
  await screenshot(app, 'other-program-edit');
  await quit(app, db);

  const json = JSON.parse(execFileSync(APP_BINARY, ['export-json', '--db', db], { encoding: 'utf8' }));
  assert.ok(
    json.sessions.some((s) => s.title === TITLE),
    'the edit is in the journal after the window closed',
  );
  // The window reopens where the user left off: on that session.
  app = await launch(db);
  const title = await app.$('#session-title');
  await title.waitForDisplayed({ timeout: 10000 });
  assert.equal(await title.getValue(), TITLE);
  await screenshot(app, 'other-program-reopened');
});
