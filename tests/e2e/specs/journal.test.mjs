// The foundation's promise, through the real app: create a partnership, write a session
// with accented, Greek and Cyrillic notes, quit, start again, and find it all there.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { APP_BINARY, launch, markdownOf, openTab, quit, scratchDir, screenshot, textOf, typeInto, typeMarkdown, waitSaved } from '../lib/app.mjs';

const NOTES =
  "Zoë m'a montré ses outils — café, résumé, naïveté.\n\n" +
  '- Ελληνικά: ευχαριστώ πολύ\n' +
  '- Русский: спасибо за урок\n\n' +
  '**Next:** rewrite my weekly update with a prompt.';
const TITLE = 'Première séance: prompts & LinkedIn';
// What the user types to get NOTES: "- " starts a list, the editor continues it on Enter,
// Enter on an empty item ends it, and "**…**" turns bold as it is typed.
const TYPED_NOTES =
  "Zoë m'a montré ses outils — café, résumé, naïveté.\n" +
  '- Ελληνικά: ευχαριστώ πολύ\n' +
  'Русский: спасибо за урок\n\n' +
  '**Next:** rewrite my weekly update with a prompt.';

const dir = scratchDir();
const db = join(dir, 'journal.sqlite3');
let app;

before(async () => {
  app = await launch(db);
});

after(async () => {
  await app?.deleteSession();
});

test('a new journal welcomes the user and offers to start', async () => {
  const start = await app.$('[data-testid="start-partnership"]');
  await start.waitForDisplayed();
  assert.ok(await app.$('[data-testid="load-sample"]').isDisplayed());
  await screenshot(app, '01-welcome');
});

test('create a partnership with its agreement', async () => {
  await app.$('[data-testid="start-partnership"]').click();
  await typeInto(app, '#partner-name', 'Zoë Okafor');
  await typeInto(app, '#partner-org', 'Northwind Analytics');
  await typeInto(app, '#my-name', 'Henrik Lindqvist');
  await app.$('#my-role').selectByAttribute('value', 'mentee');
  await app.$('#kind').selectByAttribute('value', 'reverse');
  await typeInto(app, '#objectives', 'Get at ease with AI tools; learn how Gen Z uses chat.');
  await typeInto(app, '#boundaries', 'Every two weeks, Tuesday after 16:00. Nothing leaves the room.');
  await screenshot(app, '02-new-partnership');
  await app.$('[data-testid="create-partnership"]').click();

  const heading = await app.$('h1');
  await app.waitUntil(async () => (await textOf(heading)).includes('Zoë Okafor'), {
    timeoutMsg: 'the partnership page did not open',
  });
  // A new partnership opens on its overview; the agreement has a tab of its own.
  assert.equal(await app.$('#tab-overview').getAttribute('aria-selected'), 'true');
  await openTab(app, 'agreement');
  const agreement = await textOf(app.$('[data-testid="agreement"]'));
  assert.match(agreement, /AI tools/);
  const sidebar = await app.$$('[data-testid="partnership-item"]');
  assert.equal(sidebar.length, 1);
  await screenshot(app, '03-partnership-new');
});

test('write a session; it saves as you type', async () => {
  await app.$('[data-testid="new-session"]').click();
  await typeInto(app, '#session-title', TITLE);
  await typeMarkdown(app, 'session-notes', TYPED_NOTES);
  assert.equal(await markdownOf(app, 'session-notes'), NOTES);
  await waitSaved(app);
  await screenshot(app, '04-session-editor');

  await app.$('[data-testid="back"]').click();
  const item = await app.$('[data-testid="session-item"]');
  await item.waitForDisplayed();
  assert.match(await textOf(item), /Première séance/);
  await screenshot(app, '05-partnership-with-session');
});

test('quit, start again: everything is still there', async () => {
  await quit(app, db);
  app = await launch(db);

  const items = await app.$$('[data-testid="partnership-item"]');
  assert.equal(items.length, 1);
  assert.match(await textOf(items[0]), /Zoë Okafor/);
  // The first screen came with the page (read by the shell while the window started),
  // not over IPC, and was taken off the window once read.
  assert.equal(await app.execute(() => sessionStorage.getItem('tandem.firstScreenUsed')), '1');
  assert.equal(await app.execute(() => '__TANDEM_FIRST_SCREEN__' in window), false);
  await items[0].click();
  await openTab(app, 'sessions');
  const session = await app.$('[data-testid="session-item"]');
  await session.waitForDisplayed();
  await session.click();

  const title = await app.$('#session-title');
  await title.waitForDisplayed();
  assert.equal(await title.getValue(), TITLE);
  assert.equal(await markdownOf(app, 'session-notes'), NOTES);
  await screenshot(app, '06-session-after-restart');
});

test('what the window saved is in the file, as the command line sees it', () => {
  const json = JSON.parse(execFileSync(APP_BINARY, ['export-json', '--db', db], { encoding: 'utf8' }));
  assert.equal(json.partnerships.length, 1);
  assert.equal(json.partnerships[0].partner_name, 'Zoë Okafor');
  assert.equal(json.sessions.length, 1);
  assert.equal(json.sessions[0].title, TITLE);
  assert.equal(json.sessions[0].notes, NOTES);
});
