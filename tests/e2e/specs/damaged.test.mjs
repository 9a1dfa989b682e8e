// A journal damaged on disk: the app never writes to it, says so in plain words, and
// brings the newest good backup back after a confirmation.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { openSync, readFileSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { APP_BINARY, launch, scratchDir, screenshot, textOf } from '../lib/app.mjs';

const db = join(scratchDir(), 'journal.sqlite3');
let app;
let damaged;

before(async () => {
  execFileSync(APP_BINARY, ['demo', '--db', db]);
  execFileSync(APP_BINARY, ['backup', '--db', db]);
  // Scribble over the middle of the file, as a failing disk would.
  const fd = openSync(db, 'r+');
  writeSync(fd, Buffer.alloc(4096, 0xa5), 0, 4096, 8192);
  closeSync(fd);
  damaged = readFileSync(db);
  app = await launch(db);
});

after(async () => {
  await app?.deleteSession();
});

test('the damaged journal is explained, left untouched, and its newest backup restored', async () => {
  const page = await app.$('[data-testid="journal-error"]');
  await page.waitForDisplayed();
  assert.match(await textOf(page), /damaged/i);
  assert.ok(readFileSync(db).equals(damaged), 'the damaged file was written to');
  const offer = await app.$('[data-testid="restore-newest"]');
  await offer.waitForDisplayed();
  await app.pause(300); // let WebKit paint before the screenshot
  await screenshot(app, '40-journal-damaged');

  await offer.click();
  await app.$('[data-testid="restore-confirm-button"]').click();
  await app.waitUntil(async () => (await app.$$('[data-testid="partnership-item"]')).length >= 2, {
    timeout: 15000,
    timeoutMsg: 'the sample journal did not come back',
  });
  await app.pause(300);
  await screenshot(app, '41-journal-restored');
  const json = JSON.parse(execFileSync(APP_BINARY, ['export-json', '--db', db], { encoding: 'utf8' }));
  assert.ok(json.sessions.length >= 9);
});
