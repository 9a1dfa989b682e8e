// Issue 16: axe-core over every screen, in the light and the dark theme. A screen with a
// violation fails, with the rule and the elements; each screen is also photographed dark.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { axeViolations, describeViolations, setTheme } from '../lib/axe.mjs';
import { buttonWithText, launch, openTab, scratchDir, settledScreenshot, textOf, waitForCount } from '../lib/app.mjs';

let app;
const found = [];

before(async () => {
  app = await launch(join(scratchDir(), 'journal.sqlite3'));
});

after(async () => {
  await app?.deleteSession();
});

/** Checks the screen as it is now, light and dark; leaves it light. */
async function check(screen) {
  for (const theme of ['light', 'dark']) {
    await setTheme(app, theme);
    await app.pause(150);
    const violations = await axeViolations(app);
    if (violations.length > 0) found.push(describeViolations(`${screen} (${theme})`, violations));
    if (theme === 'dark') await settledScreenshot(app, `90-a11y-${screen}-dark`);
  }
  await setTheme(app, 'light');
}

async function escape() {
  await app.keys('Escape');
  await app.pause(200);
}

test('every screen passes axe-core in both themes', { timeout: 600_000 }, async () => {
  await app.$('[data-testid="load-sample"]').waitForDisplayed();
  await check('welcome');

  await app.$('[data-testid="start-partnership"]').click();
  await app.$('#partner-name').waitForDisplayed();
  await check('new-partnership');
  await buttonWithText(app, 'form', 'Cancel').click();

  await app.$('[data-testid="load-sample"]').click();
  await waitForCount(app, '[data-testid="partnership-item"]', 2, 'the sample never appeared');
  await app.$('[data-testid="dashboard"]').waitForDisplayed();
  await check('overview');

  await openTab(app, 'sessions');
  const sessions = await waitForCount(app, '[data-testid="session-item"]', 1, 'no sessions listed');
  await check('sessions');
  await sessions[0].click();
  await app.$('[data-testid="session-reading"]').waitForDisplayed();
  await check('session-reading');
  await app.$('[data-testid="edit-session"]').click();
  await app.$('#session-notes').waitForDisplayed();
  await check('session-editor');
  await app.$('[data-testid="back"]').click();

  await openTab(app, 'goals');
  const goals = await waitForCount(app, '[data-testid="goal-item"]', 1, 'no goals listed');
  await check('goals');
  await goals[0].click();
  await app.$('#goal-title').waitForDisplayed();
  await check('goal');
  await app.$('[data-testid="back"]').click();

  await openTab(app, 'swot');
  await app.$('[data-testid="swot-page"]').waitForDisplayed();
  await waitForCount(app, '[data-testid="swot-item"]', 1, 'the SWOT is empty');
  await check('swot-side-by-side');
  for (const [view, name] of [
    ['Changes over time', 'swot-changes'],
    ['TOWS strategies', 'swot-tows'],
  ]) {
    await buttonWithText(app, '.swot-page .views', view).click();
    await app.pause(300);
    await check(name);
  }

  await openTab(app, 'agreement');
  await app.$('[data-testid="agreement"]').waitForDisplayed();
  await check('agreement');
  await app.$('[data-testid="edit-agreement"]').click();
  await app.pause(300);
  await check('agreement-editor');
  await app.$('[data-testid="done"]').click();
  await app.$('[data-testid="agreement"]').waitForDisplayed();

  await openTab(app, 'overview');
  await app.$('[data-testid="export-pdf"]').click();
  await app.$('[data-testid="export-save"]').waitForDisplayed();
  await check('export');
  await escape();

  await app.keys(['Control', 'k']);
  await app.$('[data-testid="search-input"]').waitForDisplayed();
  await app.$('[data-testid="search-input"]').addValue('feedback');
  await waitForCount(app, '[data-testid="search-result"]', 1, 'the search found nothing');
  await check('search');
  await escape();

  await app.$('[data-testid="open-backups"]').click();
  await app.$('[data-testid="backup-now"]').waitForDisplayed();
  await check('backups');

  await app.$('[data-testid="open-trash"]').click();
  await app.pause(300);
  await check('trash');

  await app.$('[data-testid="open-help"]').click();
  await app.pause(300);
  await check('help');
  await app.$('#help-tab-journal').click();
  await app.$('[data-testid="help-journal"]').waitForDisplayed();
  await check('help-journal');
  await escape();

  assert.equal(found.length, 0, `axe-core found violations:\n${found.join('\n')}`);
  assert.ok((await textOf(app.$('h1'))).length > 0);
});
