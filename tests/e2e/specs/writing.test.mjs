// Issue 14, writing session notes: in the real app, a session written in the rich-text
// editor (a heading, a list ended with Enter twice and a paragraph after it, three lines
// with single breaks, bold, a link, an Arabic line) is stored as the Markdown it shows,
// reopens (a past session) as a page to read with the same structure, right to left where
// the text is, and comes out of the PDF with the same lines.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { APP_BINARY, launch, markdownOf, openTab, scratchDir, settledScreenshot, textOf, typeInto, typeMarkdown, waitSaved } from '../lib/app.mjs';

const dir = scratchDir();
const db = join(dir, 'journal.sqlite3');
const pdf = join(dir, 'report.pdf');
const TITLE = 'Writing in the editor';
const ENTER = '\uE007';
// Shift is a toggle when typed: pressed again, it is released.
const SHIFT_ENTER = '\uE008\uE007\uE008';
const ARABIC = 'مرحبا بالعالم';
const NOTES =
  '## Plan\n\n' +
  '- first\n- second\n\n' +
  'After the list\n\n' +
  'line one\nline two\nline three\n\n' +
  'Some **bold** and [https://example.org](https://example.org)\n\n' +
  ARABIC;

let app;

before(async () => {
  app = await launch(db);
});

after(async () => {
  await app?.deleteSession();
});

test('write a session in the rich-text editor', async () => {
  await app.$('[data-testid="start-partnership"]').click();
  await typeInto(app, '#partner-name', 'Zoë Okafor');
  await typeInto(app, '#my-name', 'Henrik Lindqvist');
  await app.$('[data-testid="create-partnership"]').click();
  await app.$('[data-testid="dashboard"]').waitForDisplayed();

  await app.$('[data-testid="new-session"]').click();
  await typeInto(app, '#session-title', TITLE);
  // Held last week: a past session, which opens to read.
  // Typed as a person does (the day as ISO, which every date format takes), each field left
  // with Tab, which reads it.
  const d = new Date(Date.now() - 7 * 86400_000);
  const pad = (n) => String(n).padStart(2, '0');
  const day = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  await typeInto(app, '#session-held-at', day);
  await app.keys('Tab');
  await app.waitUntil(async () => (await app.$('#session-held-at').getAttribute('data-value')) === day, {
    timeout: 5000,
    timeoutMsg: 'the day of the session was not taken',
  });
  await typeInto(app, '#session-held-time', '10:00');
  await app.keys('Tab');

  // Markdown typed as you go: "## " a heading, "- " a list, Enter on an empty item ends it.
  await typeMarkdown(app, 'session-notes', '## Plan\n- first\nsecond\n\nAfter the list\nline one');
  const notes = await app.$('#session-notes');
  await notes.addValue(`${SHIFT_ENTER}line two${SHIFT_ENTER}line three${ENTER}Some **bold** and `);
  // The link from the toolbar: its address in the field's own row.
  await app.$('.md-field:has(#session-notes) button[data-command="link"]').click();
  const address = await app.$('#session-notes-link');
  await address.waitForDisplayed({ timeoutMsg: 'the link row did not open' });
  await address.addValue(`https://example.org${ENTER}`);
  await address.waitForDisplayed({ reverse: true, timeoutMsg: 'the link row did not close' });
  await notes.addValue(`${ENTER}${ARABIC}`);
  assert.equal(await markdownOf(app, 'session-notes'), NOTES);
  await waitSaved(app);

  // The editor lays out each paragraph in its own direction.
  const dirs = await app.execute(() =>
    [...document.querySelectorAll('#session-notes > *')].map((el) => [el.tagName, el.getAttribute('dir'), getComputedStyle(el).direction, el.textContent]),
  );
  const arabic = dirs.find((d) => d[3] === 'مرحبا بالعالم');
  assert.deepEqual(arabic?.slice(0, 3), ['P', 'auto', 'rtl'], JSON.stringify(dirs));
  assert.equal(dirs[0][2], 'ltr');
  await app.execute(() => document.getElementById('session-notes')?.scrollIntoView({ block: 'start' }));
  await settledScreenshot(app, '90-writing-editor');

  const json = JSON.parse(execFileSync(APP_BINARY, ['export-json', '--db', db], { encoding: 'utf8' }));
  assert.equal(json.sessions.find((s) => s.title === TITLE)?.notes, NOTES, 'the stored Markdown is not what the editor showed');
});

test('reopened, the past session is a formatted page to read', async () => {
  await app.$('[data-testid="back"]').click();
  await openTab(app, 'sessions');
  const item = await app.$('[data-testid="session-item"]');
  await item.waitForDisplayed();
  await item.click();
  const notes = await app.$('[data-testid="reading-notes"] .rendered');
  await notes.waitForDisplayed({ timeoutMsg: 'the session did not open to read' });
  const shape = await app.execute(
    (el) => ({
      blocks: [...el.children].map((c) => c.tagName),
      items: [...el.querySelectorAll('li')].map((li) => li.textContent.trim()),
      breaks: el.querySelectorAll('p br').length,
      bold: el.querySelector('strong')?.textContent,
      link: el.querySelector('a')?.getAttribute('href'),
      last: [el.lastElementChild?.getAttribute('dir'), getComputedStyle(el.lastElementChild).direction],
    }),
    notes,
  );
  assert.deepEqual(shape.blocks, ['H2', 'UL', 'P', 'P', 'P', 'P']);
  assert.deepEqual(shape.items, ['first', 'second']);
  assert.equal(shape.breaks, 2);
  assert.equal(shape.bold, 'bold');
  assert.equal(shape.link, 'https://example.org');
  assert.deepEqual(shape.last, ['auto', 'rtl']);
  assert.match(await textOf(app.$('#reading-title')), /Writing in the editor/);
  await settledScreenshot(app, '91-writing-reading');

  // E edits in place, and the text is unchanged.
  await app.keys(['e']);
  const title = await app.$('#session-title');
  await title.waitForDisplayed({ timeoutMsg: 'E did not open the editor' });
  await app.$('#session-notes').waitForDisplayed();
  assert.equal(await markdownOf(app, 'session-notes'), NOTES);
});

test('the PDF shows the same lines', () => {
  execFileSync(APP_BINARY, ['report', '--db', db, '--partnership', 'Zoë Okafor', '--include-private', '--out', pdf]);
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
  const lines = text.split('\n').map((l) => l.trim());
  for (const line of ['Plan', 'After the list', 'line one', 'line two', 'line three']) {
    assert.ok(lines.includes(line), `"${line}" is not a line of the PDF:\n${text}`);
  }
  assert.ok(
    lines.some((l) => l.endsWith('second')),
    `the list's last item does not end its line:\n${text}`,
  );
  assert.ok(
    lines.some((l) => l.startsWith('Some bold and https://example.org')),
    `the bold and the link are not in the PDF:\n${text}`,
  );
  // No bidi reordering in the PDF: the Arabic letters are there, in logical order.
  assert.ok([...'مرحبا'].every((ch) => text.includes(ch)), 'the Arabic line is missing from the PDF');
});
