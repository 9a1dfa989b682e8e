// Issue 16, "Clipping, layout": every screen at the smallest window (1024x700) and a large
// one (1600x1000), light and dark, photographed for a person to look at (91-screen-*), and
// checked for what a person would notice without looking: the window itself scrolling
// (sideways or down: each screen scrolls inside its own panes), and a pane scrolling
// sideways.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, afterEach, test } from 'node:test';
import { launch, quit, scratchDir, settledScreenshot } from '../lib/app.mjs';
import { setTheme } from '../lib/axe.mjs';
import { walkEveryScreen } from '../lib/screens.mjs';

let app;
let db;

afterEach(async () => {
  if (app) await quit(app, db);
  app = null;
});

after(async () => {
  await app?.deleteSession().catch(() => {});
});

/** What scrolls that should not: the window, or any element sideways. */
function overflowing(browser) {
  return browser.execute(() => {
    const name = (el) =>
      el.tagName.toLowerCase() +
      (el.id ? `#${el.id}` : '') +
      (el.dataset.testid ? `[data-testid="${el.dataset.testid}"]` : '') +
      (typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '');
    const found = [];
    const page = document.scrollingElement;
    if (page.scrollWidth > window.innerWidth + 1) found.push(`the window scrolls sideways (${page.scrollWidth} px wide in ${window.innerWidth})`);
    if (page.scrollHeight > window.innerHeight + 1) found.push(`the window scrolls down (${page.scrollHeight} px tall in ${window.innerHeight})`);
    for (const el of document.body.querySelectorAll('*')) {
      const style = getComputedStyle(el);
      if (!['auto', 'scroll'].includes(style.overflowX)) continue;
      if (el.clientWidth === 0 || style.visibility === 'hidden') continue;
      if (el.scrollWidth > el.clientWidth + 1) found.push(`${name(el)} scrolls sideways (${el.scrollWidth} px in ${el.clientWidth})`);
    }
    return found;
  });
}

for (const [width, height] of [
  [1024, 700],
  [1600, 1000],
]) {
  test(`no screen scrolls sideways or out of the window at ${width}x${height}, light and dark`, { timeout: 600_000 }, async () => {
    db = join(scratchDir(), 'journal.sqlite3');
    app = await launch(db);
    await app.setWindowSize(width, height);
    const problems = [];
    await walkEveryScreen(app, async (screen) => {
      for (const theme of ['light', 'dark']) {
        await setTheme(app, theme);
        await settledScreenshot(app, `91-screen-${screen}-${width}x${height}-${theme}`);
      }
      await setTheme(app, 'light');
      for (const problem of await overflowing(app)) problems.push(`${screen}: ${problem}`);
    });
    assert.deepEqual(problems, [], `at ${width}x${height}:\n${problems.join('\n')}`);
  });
}
