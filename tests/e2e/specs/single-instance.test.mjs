// Two windows must never race for one journal: a second `tandem` start hands over to the
// running window (single-instance plugin over the D-Bus session bus) and exits.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { APP_BINARY, launch, scratchDir } from '../lib/app.mjs';
import { pidsMatching } from '../lib/sockets.mjs';

const db = join(scratchDir(), 'journal.sqlite3');
let app;

before(async () => {
  app = await launch(db);
});

after(async () => {
  await app?.deleteSession();
});

test('a second start exits and leaves the running window alone', async () => {
  assert.ok(process.env.DBUS_SESSION_BUS_ADDRESS, 'needs a D-Bus session bus: run under dbus-run-session (make test does)');
  const before = pidsMatching(APP_BINARY, db);
  assert.equal(before.length, 1, 'one app running');
  const second = spawn(APP_BINARY, ['--db', db], { stdio: 'ignore' });
  const code = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      second.kill('SIGKILL');
      reject(new Error('the second instance kept running'));
    }, 15000);
    second.on('exit', (c) => {
      clearTimeout(timer);
      resolve(c);
    });
  });
  assert.equal(code, 0);
  assert.deepEqual(pidsMatching(APP_BINARY, db), before, 'the first window is still the only one');
  assert.equal(await app.execute(() => document.body.dataset.ready), 'true');
});
