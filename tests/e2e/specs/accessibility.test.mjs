// Issue 16: axe-core over every screen, in the light and the dark theme. A screen with a
// violation fails, with the rule and the elements; each screen is also photographed dark.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { launch, scratchDir, settledScreenshot, textOf } from '../lib/app.mjs';
import { axeViolations, describeViolations, setTheme } from '../lib/axe.mjs';
import { walkEveryScreen } from '../lib/screens.mjs';

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

test('every screen passes axe-core in both themes', { timeout: 600_000 }, async () => {
  await walkEveryScreen(app, check);
  assert.equal(found.length, 0, `axe-core found violations:\n${found.join('\n')}`);
  assert.ok((await textOf(app.$('h1'))).length > 0);
});
