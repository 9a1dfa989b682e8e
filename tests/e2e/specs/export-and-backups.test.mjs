// The progress PDF made from the app, and a backup restored from the app. The native save
// dialog is a GTK window WebDriver cannot reach: xdotool types the file name into it.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { APP_BINARY, answerSaveDialog, launch, openTab, scratchDir, screenshot, textOf, typeInto, waitSaved } from '../lib/app.mjs';

const dir = scratchDir();
const db = join(dir, 'journal.sqlite3');
const pdf = join(dir, 'Zoë report.pdf');
let app;

before(async () => {
  app = await launch(db);
  await app.$('[data-testid="load-sample"]').click();
  await app.$('[data-testid="new-session"]').waitForDisplayed();
});

after(async () => {
  await app?.deleteSession();
});

test('export the progress PDF: Ctrl+P, choose options, progress, saved', async () => {
  await app.keys(['Control', 'p']);
  const dialog = await app.$('[data-testid="export-dialog"]');
  await dialog.waitForDisplayed();
  assert.equal(await app.$('#report-include-private').isSelected(), false, 'private notes are left out by default');
  await screenshot(app, '30-export-dialog');

  try {
    await exportThroughDialog();
  } finally {
    // Whatever happened, the dialog must not stay open over the next test's clicks.
    await app.keys(['Escape']);
    await dialog.waitForDisplayed({ reverse: true, timeoutMsg: 'Escape did not close the export dialog' });
    // The backdrop fades out: until it is gone it takes the clicks.
    await app.waitUntil(async () => (await app.$$('[aria-modal="true"]')).length === 0, { timeoutMsg: 'a dialog stayed open' });
    await app.pause(250);
  }
});

async function exportThroughDialog() {
  await app.$('[data-testid="export-save"]').click();
  await answerSaveDialog(pdf);
  const saved = await app.$('[data-testid="export-saved"]');
  try {
    await saved.waitForDisplayed({ timeout: 20000 });
  } catch (e) {
    await screenshot(app, 'failure-export');
    throw e;
  }
  assert.match(await textOf(saved), /Zoë report\.pdf/);
  await app.pause(300); // let WebKit paint the new state before the screenshot
  await screenshot(app, '31-export-saved');

  assert.ok(existsSync(pdf), 'the PDF was written');
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  assert.match(info, /Title:\s+Progress report: Zoë Okafor/);
  assert.ok(Number(/Pages:\s+(\d+)/.exec(info)[1]) >= 3);
  const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
  assert.match(text, /Ομάδα Καινοτομίας/, 'shared notes with Greek are in it');
  // The notes of the private session "AI tools, round two" (its action item, with the same
  // Cyrillic name, is listed among the open action items: only notes are private).
  assert.doesNotMatch(text, /invented a column name/, 'a private session’s notes are not');
  assert.doesNotMatch(text, /answer your own question/, 'a private session’s notes are not');
}

test('back up, change something, restore: the change is gone and the backup kept it', async () => {
  await app.$('[data-testid="open-backups"]').click();
  await app.$('[data-testid="backup-now"]').click();
  await app.waitUntil(async () => (await app.$$('[data-testid="backup-item"]')).length >= 1, {
    timeoutMsg: 'no backup listed',
  });
  await screenshot(app, '32-backups');
  // The backups header at the smallest window: both buttons on one line beside the heading.
  const size = await app.getWindowSize();
  await app.setWindowSize(1024, 700);
  await app.pause(200);
  const [to, now] = [await app.$('[data-testid="backup-to"]').getLocation(), await app.$('[data-testid="backup-now"]').getLocation()];
  assert.equal(Math.round(to.y), Math.round(now.y), 'at 1024x700 “Back up to…” and “Back up now” are on one line');
  await screenshot(app, '32-backups-1024x700');
  await app.setWindowSize(size.width, size.height);

  await app.$('[data-testid="partnership-item"]').click();
  await app.$('[data-testid="new-session"]').click();
  await typeInto(app, '#session-title', 'Written after the backup');
  await waitSaved(app);
  await app.$('[data-testid="back"]').click();
  await app.waitUntil(async () => (await textOf(app.$('main'))).includes('Written after the backup'));

  await app.$('[data-testid="open-backups"]').click();
  const first = await app.$('[data-testid="backup-item"] button');
  await first.waitForDisplayed();
  await first.click();
  await app.$('[data-testid="restore-confirm"]').waitForDisplayed();
  await screenshot(app, '33-restore-confirm');
  await app.$('[data-testid="restore-confirm-button"]').click();
  // The sidebar listed both partnerships before the restore too: wait for the restore itself.
  await app.$('[data-testid="restored-note"]').waitForDisplayed({ timeout: 15000, timeoutMsg: 'the restore was never reported' });
  await app.$('[data-testid="restore-confirm"]').waitForDisplayed({ reverse: true });

  await app.waitUntil(
    async () => {
      const items = await app.$$('[data-testid="partnership-item"]');
      return items.length >= 2;
    },
    { timeout: 15000, timeoutMsg: 'the journal did not come back after the restore' },
  );
  await app.$('[data-testid="partnership-item"]').click();
  await openTab(app, 'sessions');
  await app.$('[data-testid="session-item"]').waitForDisplayed();
  assert.doesNotMatch(await textOf(app.$('main')), /Written after the backup/);

  const journal = execFileSync(APP_BINARY, ['export-json', '--db', db], { encoding: 'utf8' });
  assert.doesNotMatch(journal, /Written after the backup/, 'the file itself was restored');

  // What the restore replaced was kept as a backup first.
  await app.$('[data-testid="open-backups"]').click();
  await app.waitUntil(async () => (await app.$$('[data-testid="backup-item"]')).length >= 2, {
    timeoutMsg: 'the state before the restore was not kept as a backup',
  });
});
