// Issue 3, done means: a complete session (toolbar formatting, both directions, topics,
// action items, rating, private reflection) survives a restart; a goal with a milestone and
// two progress entries charts them; search finds the notes; the trash can be undone from
// the toast and restored from the trash screen; the dashboard shows what is open; the help
// overlay opens with "?".
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import {
  APP_BINARY,
  buttonWithText,
  launch,
  markdownOf,
  openTab,
  quit,
  scratchDir,
  screenshot,
  settledScreenshot,
  textOf,
  textsOf,
  typeInto,
  typeMarkdown,
  waitForCount,
  waitSaved,
} from '../lib/app.mjs';

const db = join(scratchDir(), 'journal.sqlite3');
const TITLE = 'Local AI models, and what Zoë learned about budgets';
const XSS = '<img src=x onerror=alert(1)>';
// What the toolbar and the list continuation make of the keys typed below.
const NOTES =
  'We tried local models: **Ollama runs offline**\n' +
  '\n' +
  '- summarise a long thread\n' +
  '- draft the weekly update\n' +
  '\n' +
  XSS;
const SHARED = 'How our budget cycle works, and who signs off.';
const LEARNED = 'Check what the assistant made up: *always* verify.';
const REFLECTION = 'I talked too much in the first half. Ask first next time.';
const MINE = 'Send Zoë the budget template';
const HERS = 'Zoë tries Ollama on her laptop';

function isoDay(offsetDays) {
  const d = new Date();
  d.setDate(d.getDate() + offsetDays);
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
const DUE = isoDay(14);
const ENTER = '\uE007';
const END = '\uE010';

let app;

before(async () => {
  app = await launch(db);
});

after(async () => {
  await app?.deleteSession();
});

/**
 * Types a date into a date field as a person does (ISO, which every format takes) and leaves
 * it with Tab: the field then shows it in the format of this computer (en_GB under the
 * harness: "3 Mar 2026") and keeps it as ISO.
 */
async function setDate(selector, value) {
  const input = typeof selector === 'string' ? await app.$(selector) : selector;
  await input.waitForDisplayed();
  await input.click();
  await input.setValue(value);
  await app.keys('Tab');
  await app.waitUntil(async () => (await input.getAttribute('data-value')) === value, {
    timeout: 5000,
    timeoutMsg: `the date field did not take ${value}`,
  });
  assert.match(await input.getValue(), SHOWN_DATE, `the date field does not show ${value} as this computer writes it`);
}

/** A date as en_GB writes it ("3 Mar 2026"; "Sept" in newer locale data). */
const SHOWN_DATE = /^\d{1,2} [A-Z][a-z]{2,3} \d{4}$/;

/** The toolbar button `command` (bold, bullet…) or mode button (Formatted, Markdown) of a Markdown field. */
function fieldButton(fieldId, which) {
  return app.$(
    new Function(
      `const f = document.getElementById(${JSON.stringify(fieldId)})?.closest('.md-field');` +
        `return [...(f?.querySelectorAll('button') ?? [])].find((b) => b.dataset.command === ${JSON.stringify(which)} || b.textContent.trim() === ${JSON.stringify(which)});`,
    ),
  );
}

/** The main column's scroll position: 'top' or 'bottom'. */
async function scrollMain(where) {
  await app.execute((w) => {
    const main = document.querySelector('main');
    main.scrollTop = w === 'top' ? 0 : main.scrollHeight;
  }, where);
}

test('start a partnership: its overview is empty and says what to do first', async () => {
  await app.$('[data-testid="start-partnership"]').click();
  await typeInto(app, '#partner-name', 'Zoë Okafor');
  await typeInto(app, '#my-name', 'Henrik Lindqvist');
  await app.$('#cadence').selectByIndex(2);
  await app.$('[data-testid="create-partnership"]').click();
  const dashboard = await app.$('[data-testid="dashboard"]');
  await dashboard.waitForDisplayed();
  assert.equal(await textOf(app.$('[data-testid="session-count"]')), '0');
  assert.match(await textOf(dashboard), /Nothing open/);
  await settledScreenshot(app, '50-dashboard-empty');
});

test('a first short session gives the journal a topic to suggest', async () => {
  await app.$('[data-testid="new-session"]').click();
  await typeInto(app, '#session-title', 'Kick-off');
  await typeInto(app, '#session-topics', 'AI tools\n');
  await app.waitUntil(async () => (await textOf(app.$('.chips'))).includes('AI tools'));
  await waitSaved(app);
  await app.$('[data-testid="back"]').click();
  // Back from a session goes to the Sessions tab.
  await waitForCount(app, '[data-testid="session-item"]', 1, 'the first session is not listed');
  assert.equal(await app.$('#tab-sessions').getAttribute('aria-selected'), 'true');
});

test('write a complete session with the toolbar, topics, action items and a reflection', async () => {
  await app.$('[data-testid="new-session"]').click();
  await typeInto(app, '#session-title', TITLE);

  // Notes: a plain start, bold from the toolbar, then a bullet list from the toolbar.
  const notes = await app.$('#session-notes');
  await notes.click();
  // addValue types at the caret of the focused field (browser.keys() would drop repeated letters).
  await notes.addValue('We tried local models: ');
  await fieldButton('session-notes', 'bold').click();
  await notes.addValue('Ollama runs offline');
  // Bold off again (like a word processor, a new paragraph keeps the marks typed last).
  await fieldButton('session-notes', 'bold').click();
  await notes.addValue(`${END}${ENTER}`);
  await fieldButton('session-notes', 'bullet').click();
  // Enter continues the list; Enter on an empty item ends it.
  await notes.addValue(`summarise a long thread${ENTER}draft the weekly update${ENTER}${ENTER}`);
  await notes.addValue(XSS);
  assert.equal(await markdownOf(app, 'session-notes'), NOTES);

  await typeMarkdown(app, 'session-shared-text', SHARED);
  await typeMarkdown(app, 'session-learned', LEARNED);

  // Topics: one picked from the suggestions, one new.
  await app.$('#session-topics').click();
  const suggestion = await app.$('#session-topics-suggestions [role="option"]');
  await suggestion.waitForDisplayed({ timeoutMsg: 'no topic was suggested' });
  assert.match(await textOf(suggestion), /AI tools/);
  await suggestion.click();
  await app.$('#session-topics').addValue(`Budgets${ENTER}`);
  await app.waitUntil(async () => (await app.$$('.chips .chip')).length === 2, { timeoutMsg: 'two topics expected' });

  // Two action items: mine, and one for Zoë with a due date.
  await typeInto(app, '#new-action-item', `${MINE}\n`);
  await waitForCount(app, '[data-testid="action-item"]', 1, 'the first action item was not added');
  await typeInto(app, '#new-action-item', `${HERS}\n`);
  const rows = await waitForCount(app, '[data-testid="action-item"]', 2, 'the second action item was not added');
  await rows[1].$('select.owner').selectByAttribute('value', 'partner');
  await setDate(await rows[1].$('input.due'), DUE);

  // Rating (4 of 5) and the private note.
  await app.$('label:has(input[name="session-rating"][value="4"])').click();
  await typeMarkdown(app, 'session-reflection', REFLECTION);
  await waitSaved(app);
  await scrollMain('top');
  await settledScreenshot(app, '70-session-complete-top');
  await scrollMain('bottom');
  await settledScreenshot(app, '71-session-complete-bottom');

  // The editor shows the formatting; typed HTML stays text; the source is the Markdown.
  await scrollMain('top');
  const shown = await app.execute((el) => ({ html: el.innerHTML, text: el.textContent }), notes);
  assert.match(shown.html, /<strong>Ollama runs offline<\/strong>/);
  assert.match(shown.html, /<li[^>]*><p[^>]*>summarise a long thread<\/p><\/li>/);
  assert.ok(shown.text.includes(XSS), `the typed HTML is not shown as text: ${shown.html}`);
  assert.equal(await app.execute((el) => el.querySelectorAll('img').length, notes), 0, 'the typed <img> became an element');
  await fieldButton('session-notes', 'Markdown').click();
  const source = await app.$('textarea#session-notes');
  await source.waitForDisplayed({ timeoutMsg: 'the Markdown source never showed' });
  assert.equal(await source.getValue(), NOTES);
  await settledScreenshot(app, '72-session-notes-source');
  await fieldButton('session-notes', 'Formatted').click();
  await app.$('[contenteditable]#session-notes').waitForDisplayed();
  // The action items save one by one: wait for the due date to be stored.
  await app.waitUntil(
    () => {
      const json = JSON.parse(execFileSync(APP_BINARY, ['export-json', '--db', db], { encoding: 'utf8' }));
      return json.action_items.some((a) => a.text === HERS && a.owner === 'partner' && a.due_on === DUE);
    },
    { timeoutMsg: 'the partner’s action item and its due date were never stored' },
  );
});

test('quit and start again: the app reopens the session, all of it there', async () => {
  await quit(app, db);
  app = await launch(db);
  const title = await app.$('#session-title');
  await title.waitForDisplayed({ timeoutMsg: 'the app did not reopen where it was left (the session)' });
  assert.equal(await title.getValue(), TITLE);
  assert.equal(await markdownOf(app, 'session-notes'), NOTES);
  assert.equal(await markdownOf(app, 'session-shared-text'), SHARED);
  assert.equal(await markdownOf(app, 'session-learned'), LEARNED);
  assert.equal(await markdownOf(app, 'session-reflection'), REFLECTION);
  const topics = await textsOf(app, '.chips .chip');
  assert.deepEqual(topics, ['AI tools', 'Budgets']);
  assert.equal(await app.$('input[name="session-rating"][value="4"]').isSelected(), true);
  const rows = await waitForCount(app, '[data-testid="action-item"]', 2, 'the action items are gone');
  assert.equal(await rows[0].$('input.item-text').getValue(), MINE);
  assert.equal(await rows[0].$('select.owner').getValue(), 'me');
  assert.equal(await rows[0].$('input.due').getValue(), '', 'my action item has no due date');
  assert.equal(await rows[0].$('input.due').getAttribute('data-value'), '', 'my action item has no due date');
  assert.equal(await rows[1].$('input.item-text').getValue(), HERS);
  assert.equal(await rows[1].$('select.owner').getValue(), 'partner');
  assert.equal(await rows[1].$('input.due').getAttribute('data-value'), DUE);
  assert.match(await rows[1].$('input.due').getValue(), SHOWN_DATE);
});

test('a goal with a milestone ticked and two progress entries on its chart', async () => {
  await app.$('[data-testid="back"]').click();
  await openTab(app, 'goals');
  await app.$('[data-testid="new-goal"]').click();
  await typeInto(app, '#goal-title', 'Use an AI assistant every week');
  await waitSaved(app);
  await typeInto(app, '#new-milestone', 'Try three assistants\n');
  const milestone = (await waitForCount(app, '[data-testid="milestone"]', 1, 'the milestone was not added'))[0];
  await milestone.$('input.tick').click();
  await app.waitUntil(async () => (await textOf(app.$('[data-testid="milestone-count"]'))) === '1 of 1 done', {
    timeoutMsg: 'the milestone was not ticked done',
  });

  const entries = [
    { day: isoDay(-7), value: '20', note: 'Used it twice' },
    { day: isoDay(0), value: '45', note: 'Every day this week' },
  ];
  for (const [i, e] of entries.entries()) {
    await setDate('#progress-date', e.day);
    await typeInto(app, '#progress-value', e.value);
    await typeInto(app, '#progress-note', e.note);
    await buttonWithText(app, 'form[aria-label="Record progress"]', 'Add entry').click();
    await waitForCount(app, '[data-testid="progress-entry"]', i + 1, `progress entry ${i + 1} was not added`);
  }
  const points = await app.$$('[data-testid="chart-point"]');
  assert.equal(points.length, 2, 'the chart shows two points');
  await scrollMain('bottom');
  await settledScreenshot(app, '73-goal-page');
  await scrollMain('top');
});

test('search (Ctrl+K) finds a word of the notes and opens the session', async () => {
  await app.keys(['Control', 'k']);
  const input = await app.$('[data-testid="search-input"]');
  await input.waitForDisplayed({ timeoutMsg: 'Ctrl+K did not open the search' });
  await input.addValue('ollama');
  const hits = await waitForCount(app, '[data-testid="search-result"]', 1, 'the search found nothing');
  const texts = await textsOf(app, '[data-testid="search-result"]');
  const i = texts.findIndex((t) => t.includes(TITLE));
  assert.ok(i >= 0, `the session is not among the results: ${JSON.stringify(texts)}`);
  assert.equal(await app.execute((el) => el.querySelector('mark')?.textContent ?? '', hits[i]).then((m) => m.toLowerCase()), 'ollama');
  await settledScreenshot(app, '74-search-results');
  await hits[i].click();
  const title = await app.$('#session-title');
  await title.waitForDisplayed({ timeoutMsg: 'the result did not open the session' });
  assert.equal(await title.getValue(), TITLE);
});

async function sessionItem(title) {
  for (const item of await app.$$('[data-testid="session-item"]')) {
    if ((await textOf(item)).includes(title)) return item;
  }
  throw new Error(`no session “${title}” in the list`);
}

async function sessionTitles() {
  return textsOf(app, '[data-testid="session-item"] .title');
}

test('move the session to the trash, undo from the toast; again, then restore from the trash', async () => {
  await app.$('[data-testid="trash-session"]').click();
  const toast = await app.$('[data-testid="undo-toast"]');
  await toast.waitForDisplayed({ timeoutMsg: 'no undo toast' });
  await app.waitUntil(async () => !(await sessionTitles()).includes(TITLE), { timeoutMsg: 'the trashed session is still listed' });
  await settledScreenshot(app, '75-undo-toast');
  await app.$('[data-testid="undo-button"]').click();
  await app.waitUntil(async () => (await sessionTitles()).includes(TITLE), { timeoutMsg: 'Undo did not bring the session back' });
  await toast.waitForDisplayed({ reverse: true, timeoutMsg: 'the toast stayed after Undo' });

  await (await sessionItem(TITLE)).click();
  await app.$('[data-testid="trash-session"]').click();
  await app.waitUntil(async () => !(await sessionTitles()).includes(TITLE), { timeoutMsg: 'the session was not trashed again' });
  assert.equal(await textOf(app.$('[data-testid="trash-count"]')), '1');

  await app.$('[data-testid="open-trash"]').click();
  const entry = (await waitForCount(app, '[data-testid="trash-entry"]', 1, 'the trash is empty'))[0];
  assert.match(await textOf(entry), new RegExp(TITLE.slice(0, 20)));
  await settledScreenshot(app, '76-trash');
  await entry.$('[data-testid="restore-entry"]').click();
  await app.$('[data-testid="trash-empty"]').waitForDisplayed({ timeoutMsg: 'the restored session is still in the trash' });

  await app.$('[data-testid="partnership-item"]').click();
  await openTab(app, 'sessions');
  await app.waitUntil(async () => (await sessionTitles()).includes(TITLE), { timeoutMsg: 'the restored session is not listed' });
});

test('the overview shows the open action items and the goal’s progress', async () => {
  await openTab(app, 'overview');
  await app.$('[data-testid="dashboard"]').waitForDisplayed();
  const open = await textsOf(app, '[data-testid="open-action"]');
  assert.ok(
    open.some((t) => t.includes(HERS)),
    `the partner’s open action item is not on the overview: ${JSON.stringify(open)}`,
  );
  assert.equal(await textOf(app.$('[data-testid="session-count"]')), '2');
  const goal = await app.$('[data-testid="dashboard-goal"]');
  assert.match(await textOf(goal), /Use an AI assistant every week/);
  assert.equal(await goal.$('[role="progressbar"]').getAttribute('aria-valuenow'), '45');
  await settledScreenshot(app, '51-dashboard-with-data');
});

test('"?" opens the keyboard help; Escape closes it', async () => {
  await app.$('h1').click(); // nothing typed into: "?" is a shortcut, not a character
  await app.keys('?');
  const help = await app.$('[data-testid="help-overlay"]');
  await help.waitForDisplayed({ timeoutMsg: '"?" did not open the help' });
  assert.ok((await app.$$('[data-testid="shortcut"]')).length >= 5);
  assert.match(await textOf(help), /Search/i);
  await settledScreenshot(app, '77-help-overlay');
  await app.keys('Escape');
  await help.waitForDisplayed({ reverse: true, timeoutMsg: 'Escape did not close the help' });
  await screenshot(app, '78-help-closed');
});
