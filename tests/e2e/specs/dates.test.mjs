// Issue 16, "Dates": one format everywhere (the computer's by default, en_GB under this
// harness: "3 Mar 2026", 24-hour times), an empty date field is empty, and the format
// chosen in Help changes the dates shown. Screenshots of every screen with date fields,
// with the calendar open, at 1024x700 in both themes.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { buttonWithText, launch, openTab, scratchDir, settledScreenshot, textOf, typeInto, waitForCount } from '../lib/app.mjs';
import { setTheme } from '../lib/axe.mjs';

let app;

before(async () => {
  app = await launch(join(scratchDir(), 'journal.sqlite3'));
  await app.setWindowSize(1024, 700);
});

after(async () => {
  // The format is kept by the web view, which the next spec's app shares: back to the default.
  await app?.execute(() => localStorage.removeItem('tandem.dateFormat'));
  await app?.deleteSession();
});

/** "Tue 3 Mar 2026, 16:15" ("Sept" in newer locale data). */
const EN_GB = /^[A-Z][a-z]{2} \d{1,2} [A-Z][a-z]{2,3} \d{4}, \d{2}:\d{2}$/;
/** "Tue Mar 3, 2026, 16:15" */
const MDY = /^[A-Z][a-z]{2} [A-Z][a-z]{2} \d{1,2}, \d{4}, \d{2}:\d{2}$/;
/** "Tue 2026-03-03, 16:15" */
const ISO = /^[A-Z][a-z]{2} \d{4}-\d{2}-\d{2}, \d{2}:\d{2}$/;

async function firstSessionDate() {
  const when = await app.$('[data-testid="session-item"] .when span');
  await when.waitForDisplayed();
  return textOf(when);
}

/** How far the main area scrolls sideways (0: not at all). */
async function sideways() {
  return app.execute(() => {
    const main = document.querySelector('main');
    return main ? main.scrollWidth - main.clientWidth : -1;
  });
}

/** The date fields on screen whose text does not fit beside their calendar button. */
async function clippedDates() {
  return app.execute(() =>
    [...document.querySelectorAll('[data-date-input]')]
      .filter((el) => el.offsetParent !== null && el.scrollWidth > el.clientWidth)
      .map((el) => `${el.id} (“${el.value || el.placeholder}”: ${el.scrollWidth} px in ${el.clientWidth})`),
  );
}

/** Both themes' screenshots of what is on screen now. */
async function shots(name) {
  for (const theme of ['light', 'dark']) {
    await setTheme(app, theme);
    await settledScreenshot(app, `${name}-${theme}-1024x700`);
  }
  await setTheme(app, 'light');
}

async function chooseFormat(label) {
  await app.$('[data-testid="open-help"]').click();
  const help = await app.$('[data-testid="help-overlay"]');
  await help.waitForDisplayed();
  await app.$('#help-tab-journal').click();
  const radio = await app.$(
    new Function(
      `return [...document.querySelectorAll('input[name="date-format"]')].find((r) => r.parentElement.textContent.trim() === ${JSON.stringify(label)}) ?? null;`,
    ),
  );
  await radio.scrollIntoView({ block: 'center' });
  await radio.click();
  assert.equal(await radio.isSelected(), true, `the format “${label}” was not chosen`);
  await shots(`95-help-date-format-${label.replace(/\W+/g, '-')}`);
  await app.keys('Escape');
  await help.waitForDisplayed({ reverse: true });
}

test('the dates of the session list follow the format chosen in Help', async () => {
  await app.$('[data-testid="load-sample"]').click();
  await waitForCount(app, '[data-testid="partnership-item"]', 2, 'the sample partnerships never appeared');
  await openTab(app, 'sessions');
  await waitForCount(app, '[data-testid="session-item"]', 6, "the sample's sessions are not listed");
  const shown = await firstSessionDate();
  assert.match(shown, EN_GB, 'the default format is not this computer’s (en_GB)');

  await chooseFormat('Mar 28, 2026');
  await app.waitUntil(async () => MDY.test(await firstSessionDate()), { timeout: 5000, timeoutMsg: 'the session list did not follow the format' });
  await chooseFormat('2026-03-28');
  await app.waitUntil(async () => ISO.test(await firstSessionDate()), { timeout: 5000, timeoutMsg: 'the session list did not follow the format' });
  await chooseFormat('Like this computer (28 Mar 2026)');
  await app.waitUntil(async () => EN_GB.test(await firstSessionDate()), { timeout: 5000, timeoutMsg: 'the session list did not go back' });
});

test('an unset due date shows no date, only the format; a typed one is kept as ISO', async () => {
  await app.$('[data-testid="session-item"]').click();
  // A past session opens to read, an upcoming one to edit.
  const edit = await app.$('[data-testid="edit-session"]');
  const heldAt = await app.$('#session-held-at');
  await app.waitUntil(async () => (await edit.isExisting()) || (await heldAt.isExisting()), { timeout: 10000, timeoutMsg: 'the session did not open' });
  if (await edit.isExisting()) await edit.click();
  await heldAt.waitForDisplayed();
  await typeInto(app, '#new-action-item', 'Book the next session\n');
  const rows = await waitForCount(app, '[data-testid="action-item"]', 1, 'no action item');
  const row = rows[rows.length - 1];
  assert.equal(await row.$('input.item-text').getValue(), 'Book the next session', 'the new action item is not the last row');
  const due = await row.$('input.due');
  assert.equal(await due.getValue(), '', 'an unset due date shows a date');
  assert.equal(await due.getAttribute('data-value'), '');
  assert.equal(await due.getAttribute('placeholder'), 'D MMM YYYY');
  // What the field shows to the eye: no digits at all (the old field showed today greyed).
  const visible = await app.execute((el) => el.value || el.placeholder, due);
  assert.doesNotMatch(visible, /\d/, `the empty due date shows “${visible}”`);
  await row.scrollIntoView({ block: 'center' });
  await settledScreenshot(app, '96-due-date-empty');

  // Not a date: said in the field's words, and nothing is stored.
  await due.click();
  await due.setValue('someday');
  await app.keys('Tab');
  const error = await row.$('[data-testid="date-error"]');
  await error.waitForDisplayed({ timeoutMsg: 'no error for a date that is not one' });
  assert.match(await textOf(error), /^“someday” is not a date\. Write the due date like /);
  await error.scrollIntoView({ block: 'center' });
  await settledScreenshot(app, '96-due-date-not-a-date');

  // A day and a month by name: kept as ISO, shown as this computer writes it.
  const year = new Date().getFullYear() + 1;
  await due.click();
  await due.setValue(`30 September ${year}`);
  await app.keys('Tab');
  await app.waitUntil(async () => (await due.getAttribute('data-value')) === `${year}-09-30`, { timeout: 5000, timeoutMsg: 'the typed date was not taken' });
  assert.match(await due.getValue(), new RegExp(`^30 Sept? ${year}$`));
  // The longest month en_GB writes fits beside the calendar button, as the other rows' dates do.
  assert.deepEqual(await clippedDates(), [], 'a due date cuts its text');
  assert.equal((await row.$$('[data-testid="date-error"]')).length, 0, 'the error stayed');
});

test('the calendar picks a day by keyboard; screens with date fields at 1024x700', async () => {
  // The session editor, with its day's calendar open.
  const button = await app.$('#session-held-at ~ [data-testid="calendar-button"]');
  await button.scrollIntoView({ block: 'center' });
  await button.click();
  const calendar = await app.$('[data-testid="calendar"]');
  await calendar.waitForDisplayed({ timeoutMsg: 'the calendar did not open' });
  await shots('97-session-editor-calendar');
  await app.keys('Escape');
  await calendar.waitForDisplayed({ reverse: true, timeoutMsg: 'Escape did not close the calendar' });
  await shots('97-session-editor');
  assert.equal(await sideways(), 0, 'the session editor scrolls sideways');
  // The longest day en_GB writes ("Sept" in newer locale data) fits beside the button.
  const day = await app.$('#session-held-at');
  await day.click();
  await day.setValue('2026-09-30');
  await app.keys('Tab');
  await app.waitUntil(async () => (await day.getAttribute('data-value')) === '2026-09-30', { timeout: 5000, timeoutMsg: 'the day was not taken' });
  assert.deepEqual(await clippedDates(), [], 'a date field in the session editor cuts its text');

  // A due date picked from the calendar: the day after the one shown, by keyboard.
  const rows = await app.$$('[data-testid="action-item"]');
  const row = rows[rows.length - 1];
  await row.$('[data-testid="calendar-button"]').click();
  await calendar.waitForDisplayed();
  const focused = await app.execute(() => document.activeElement?.getAttribute('data-day'));
  assert.equal(focused, await row.$('input.due').getAttribute('data-value'), 'the calendar does not start on the field’s day');
  await app.keys(['ArrowRight']);
  await app.keys(['Enter']);
  await calendar.waitForDisplayed({ reverse: true });
  const next = new Date(`${focused}T12:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  await app.waitUntil(async () => (await row.$('input.due').getAttribute('data-value')) === next.toISOString().slice(0, 10), {
    timeout: 5000,
    timeoutMsg: 'the picked day was not taken',
  });

  // The goal editor, the export dialog and the partnership form.
  await app.$('[data-testid="back"]').click();
  await openTab(app, 'goals');
  await (await waitForCount(app, '[data-testid="goal-item"]', 1, 'the sample has no goals'))[0].click();
  await app.$('#goal-target').waitForDisplayed({ timeoutMsg: 'the goal did not open' });
  await app.$('#goal-target').scrollIntoView({ block: 'center' });
  await app.$('#goal-target ~ [data-testid="calendar-button"]').click();
  await calendar.waitForDisplayed();
  await shots('97-goal-editor-calendar');
  await app.keys('Escape');
  await shots('97-goal-editor');
  assert.equal(await sideways(), 0, 'the goal editor scrolls sideways');
  assert.deepEqual(await clippedDates(), [], 'a date field in the goal editor cuts its text');

  await app.$('[data-testid="back"]').click();
  await app.keys(['Control', 'p']);
  const dialog = await app.$('[data-testid="export-dialog"]');
  await dialog.waitForDisplayed({ timeoutMsg: 'the export dialog did not open' });
  await shots('97-export-dialog');
  assert.deepEqual(await clippedDates(), [], 'a date field in the export dialog cuts its text');
  await app.$('#report-to ~ [data-testid="calendar-button"]').click();
  await calendar.waitForDisplayed();
  await shots('97-export-dialog-calendar');
  // Escape closes the calendar, not the dialog around it.
  await app.keys('Escape');
  await calendar.waitForDisplayed({ reverse: true });
  assert.equal(await dialog.isDisplayed(), true, 'Escape in the calendar closed the export dialog too');
  await buttonWithText(app, '[data-testid="export-dialog"]', 'Cancel').click();
  await dialog.waitForDisplayed({ reverse: true });

  await openTab(app, 'agreement');
  await app.$('[data-testid="edit-partnership"]').click();
  await app.$('#started-on').waitForDisplayed();
  await app.$('#started-on').scrollIntoView({ block: 'center' });
  await shots('97-partnership-form');
  assert.deepEqual(await clippedDates(), [], 'a date field in the partnership form cuts its text');
  await app.$('#started-on ~ [data-testid="calendar-button"]').click();
  await calendar.waitForDisplayed();
  await shots('97-partnership-form-calendar');
  await app.keys('Escape');
});
