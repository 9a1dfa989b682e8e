// The sample journal, seen the way a first-time user explores it, at the smallest
// supported window size and at a comfortable one.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { launch, markdownOf, openTab, scratchDir, screenshot, textOf, waitForCount } from '../lib/app.mjs';

let app;

before(async () => {
  app = await launch(join(scratchDir(), 'journal.sqlite3'));
});

after(async () => {
  await app?.deleteSession();
});

test('explore the sample journal', async () => {
  await app.$('[data-testid="load-sample"]').click();
  await app.waitUntil(async () => (await app.$$('[data-testid="partnership-item"]')).length >= 2, {
    timeoutMsg: 'the sample partnerships never appeared',
  });
  const heading = await app.$('h1');
  await app.waitUntil(async () => (await textOf(heading)).includes('Zoë Okafor'));
  await app.$('[data-testid="dashboard"]').waitForDisplayed();
  await app.pause(300);
  await screenshot(app, '10-sample-overview');
  await openTab(app, 'sessions');
  // The list asks for its first page when the tab opens.
  const sessions = await waitForCount(app, '[data-testid="session-item"]', 6, "the sample's sessions are not listed");
  await screenshot(app, '10-sample-sessions');

  await app.setWindowSize(1024, 700);
  await screenshot(app, '11-sample-partnership-1024x700');
  await sessions[0].click();
  // A past session opens as a page to read; Edit opens the editor in place.
  const reading = await app.$('[data-testid="session-reading"]');
  await reading.waitForDisplayed({ timeoutMsg: 'the past session did not open to read' });
  await app.waitUntil(async () => (await app.$$('[data-testid="reading-notes"] .rendered').length) === 1, {
    timeoutMsg: 'the notes were never rendered',
  });
  await screenshot(app, '12-sample-session-reading-1024x700');
  await app.$('[data-testid="edit-session"]').click();
  const notes = await app.$('#session-notes');
  await notes.waitForDisplayed();
  assert.ok((await markdownOf(app, 'session-notes')).length > 100);
  await screenshot(app, '12-sample-session-1024x700');
});
