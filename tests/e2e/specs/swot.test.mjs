// Issue 4, done means: both SWOTs filled (Enter adds), an item both sides share is marked
// on both; a new snapshot changed by keyboard (add, delete, move to another quadrant);
// the two snapshots compared (added, removed, moved); a TOWS strategy turned into a goal.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { APP_BINARY, buttonWithText, launch, openTab, quit, scratchDir, settledScreenshot, textOf, textsOf, typeInto, waitSaved } from '../lib/app.mjs';
import { setTheme } from '../lib/axe.mjs';

const db = join(scratchDir(), 'journal.sqlite3');
const SHARED = 'Public speaking in front of executives';
const MINE = {
  strengths: ['Twenty years of client work', 'Knows how budgets get approved'],
  weaknesses: [SHARED, 'Slow with new software'],
  opportunities: ['The new analytics team needs mentors'],
  threats: ['Reorganisation next spring'],
};
const PARTNER = {
  strengths: ['Fluent with AI tools', 'Builds dashboards fast'],
  weaknesses: [SHARED],
  opportunities: ['A data-quality presentation to the board'],
  threats: ['Short contract'],
};
const ADDED = 'Lead the AI pilot in finance';
const REMOVED = 'Slow with new software';
const MOVED = 'Knows how budgets get approved'; // strengths → weaknesses (Alt+→)
const STRATEGY = 'Use my client experience to coach the analytics team';

let app;

before(async () => {
  app = await launch(db);
});

after(async () => {
  await app?.deleteSession();
});

/** Types an item into a quadrant's add field and presses Enter; waits until it is listed. */
async function addItem(side, quadrant, text) {
  const cell = await app.$(`[data-testid="quadrant-${side}-${quadrant}"]`);
  const before = (await cell.$$('[data-testid="swot-item"]')).length;
  await typeInto(app, `#swot-add-${side}-${quadrant}`, `${text}\n`);
  await app.waitUntil(async () => (await cell.$$('[data-testid="swot-item"]')).length === before + 1, {
    timeoutMsg: `“${text}” was not added to ${side} ${quadrant}`,
  });
  assert.equal(await app.$(`#swot-add-${side}-${quadrant}`).getValue(), '', 'the add field was not cleared');
}

async function itemsOf(side, quadrant) {
  return textsOf(app, `[data-testid="quadrant-${side}-${quadrant}"] [data-testid="swot-item"] .item-text`);
}

/** Focuses an item's text (as Tab would) so that its keyboard shortcuts apply. */
async function focusItem(side, quadrant, text) {
  for (const button of await app.$$(`[data-testid="quadrant-${side}-${quadrant}"] .item-text`)) {
    if ((await textOf(button)) === text) {
      await app.execute((el) => el.focus(), button);
      return button;
    }
  }
  throw new Error(`no item “${text}” in ${side} ${quadrant}`);
}

async function chooseView(label) {
  const button = await buttonWithText(app, '.swot-page .views', label);
  await button.click();
  await app.waitUntil(async () => (await button.getAttribute('aria-pressed')) === 'true', { timeoutMsg: `the ${label} view did not open` });
}

/** Screenshots at the smallest supported window and at a large one (as large as the screen allows). */
async function atTwoSizes(name) {
  await app.setWindowSize(1024, 700);
  await app.waitUntil(async () => (await app.execute(() => window.innerWidth)) <= 1024, { timeoutMsg: 'the window did not shrink' });
  await settledScreenshot(app, `${name}-1024x700`);
  const overflow = await app.execute(() => {
    const main = document.querySelector('main');
    const edge = main.getBoundingClientRect().left + main.clientWidth;
    const wide = [...main.querySelectorAll('*')]
      .filter((el) => el.getBoundingClientRect().right > edge + 1)
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`);
    const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let n = walker.nextNode(); n && wide.length < 8; n = walker.nextNode()) {
      range.selectNodeContents(n);
      if (range.getBoundingClientRect().right > edge + 1) wide.push(`text “${n.textContent.slice(0, 30)}” in ${n.parentElement.className}`);
    }
    if (main.scrollWidth > main.clientWidth) {
      // Which element, hidden, ends the overflow (the deepest one is the culprit).
      const culprits = [];
      for (const el of main.querySelectorAll('*')) {
        const before = el.style.display;
        el.style.display = 'none';
        if (main.scrollWidth <= main.clientWidth) culprits.push(`${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`);
        el.style.display = before;
      }
      wide.push(`hiding fixes it: ${culprits.slice(-4)}`);
    }
    return { px: main.scrollWidth - main.clientWidth, wide };
  });
  assert.ok(overflow.px <= 0, `${name}: the page scrolls sideways at 1024×700 (${overflow.px}px too wide: ${overflow.wide})`);
  await app.setWindowSize(1600, 1000);
  await app.pause(300);
  const size = await app.execute(() => `${window.innerWidth}x${window.innerHeight}`);
  await settledScreenshot(app, `${name}-large`);
  console.log(`# ${name}-large is ${size}`);
}

test('fill both SWOTs; the item both sides share is marked on both', async () => {
  await app.$('[data-testid="start-partnership"]').click();
  await typeInto(app, '#partner-name', 'Zoë Okafor');
  await typeInto(app, '#my-name', 'Henrik Lindqvist');
  await app.$('[data-testid="create-partnership"]').click();
  await app.$('[data-testid="dashboard"]').waitForDisplayed();
  await openTab(app, 'swot');
  await app.$('[data-testid="side-by-side"]').waitForDisplayed();
  await settledScreenshot(app, '60-swot-empty');

  for (const [side, swot] of [
    ['mine', MINE],
    ['partner', PARTNER],
  ]) {
    for (const [quadrant, texts] of Object.entries(swot)) {
      for (const text of texts) await addItem(side, quadrant, text);
    }
  }
  for (const [quadrant, texts] of Object.entries(MINE)) assert.deepEqual(await itemsOf('mine', quadrant), texts);
  for (const [quadrant, texts] of Object.entries(PARTNER)) assert.deepEqual(await itemsOf('partner', quadrant), texts);

  // The shared item is marked on both sides, and nothing else is.
  await app.waitUntil(async () => (await app.$$('[data-testid="swot-item"][data-shared]')).length === 2, {
    timeoutMsg: 'the item both sides share is not marked on both',
  });
  for (const side of ['mine', 'partner']) {
    const marked = await textsOf(app, `[data-testid="quadrant-${side}-weaknesses"] [data-testid="swot-item"][data-shared="same"] .item-text`);
    assert.deepEqual(marked, [SHARED], `${side}: the shared item is not marked as the same`);
  }
  await app.execute(() => document.querySelector('main').scrollTo(0, 0));
  await atTwoSizes('61-swot-side-by-side');
  await app.setWindowSize(1280, 800);

  await chooseView('2×2 grid');
  await app.$('[data-testid="quadrant-mine-strengths"]').waitForDisplayed();
  assert.deepEqual(await itemsOf('mine', 'threats'), MINE.threats);
  await settledScreenshot(app, '62-swot-grid-mine');
  await chooseView('Both');
  await app.$('[data-testid="quadrant-partner-strengths"]').waitForDisplayed();
  await atTwoSizes('63-swot-grid-both');
  await app.setWindowSize(1280, 800);
  await chooseView('Side by side');
});

test('start a new snapshot and change it by keyboard: add, delete, move', async () => {
  // Date the first snapshot a month back, as if it had been made then.
  await app.$('[data-testid="side-head-mine"] .icon-btn').click();
  await app.$('[data-testid="snapshot-dialog"]').waitForDisplayed();
  const earlier = new Date(Date.now() - 30 * 86400000).toISOString().slice(0, 10);
  // Typed as ISO, which the field takes in every format; Tab leaves it, and it reads it.
  await typeInto(app, '#swot-snapshot-date', earlier);
  await app.keys('Tab');
  await app.waitUntil(async () => (await app.$('#swot-snapshot-date').getAttribute('data-value')) === earlier, {
    timeout: 5000,
    timeoutMsg: 'the snapshot date was not taken',
  });
  await typeInto(app, '#swot-snapshot-reason', 'Our first session');
  await app.$('[data-testid="snapshot-dialog"] button[type="submit"]').click();
  await app.$('[data-testid="snapshot-dialog"]').waitForDisplayed({ reverse: true });

  await buttonWithText(app, '[data-testid="side-head-mine"]', 'Start a new snapshot of my SWOT').click();
  await app.$('[data-testid="snapshot-dialog"]').waitForDisplayed();
  await typeInto(app, '#swot-snapshot-reason', 'After the reorganisation');
  await app.$('[data-testid="snapshot-dialog"] button[type="submit"]').click();
  await app.$('[data-testid="snapshot-dialog"]').waitForDisplayed({ reverse: true, timeoutMsg: 'the new snapshot was not started' });
  const select = await app.$('#swot-snap-mine');
  await app.waitUntil(async () => (await app.$$('#swot-snap-mine option')).length === 2, { timeoutMsg: 'two snapshots of my SWOT expected' });
  assert.match(await textOf(select.$('option:checked')), /latest.*After the reorganisation/);
  // Copied forward: the new snapshot starts with what the earlier one held.
  assert.deepEqual(await itemsOf('mine', 'strengths'), MINE.strengths);

  await addItem('mine', 'opportunities', ADDED);

  await focusItem('mine', 'weaknesses', REMOVED);
  await app.keys('Delete');
  await app.waitUntil(async () => !(await itemsOf('mine', 'weaknesses')).includes(REMOVED), { timeoutMsg: 'Delete did not remove the item' });
  await app.$('[data-testid="undo-toast"]').waitForDisplayed({ timeoutMsg: 'no undo toast after Delete' });

  await focusItem('mine', 'strengths', MOVED);
  await app.keys(['Alt', 'ArrowRight']);
  await app.waitUntil(async () => (await itemsOf('mine', 'weaknesses')).includes(MOVED), {
    timeoutMsg: 'Alt+→ did not move the item to the weaknesses',
  });
  assert.deepEqual(await itemsOf('mine', 'strengths'), [MINE.strengths[0]]);
  // The keyboard stays on the moved item, so that it can be moved on.
  assert.equal(await app.execute(() => document.activeElement?.textContent?.trim()), MOVED);
  await settledScreenshot(app, '64-swot-new-snapshot-changed');
});

test('compare the two snapshots: added, removed, moved', async () => {
  await chooseView('Changes over time');
  const view = await app.$('[data-testid="compare-view"]');
  await view.waitForDisplayed();
  const added = await app.$('[data-testid="compare-added"]');
  await added.waitForDisplayed({ timeoutMsg: 'no comparison shown' });
  assert.match(await textOf(added), new RegExp(ADDED));
  assert.match(await textOf(app.$('[data-testid="compare-removed"]')), new RegExp(REMOVED));
  const moved = await textOf(app.$('[data-testid="compare-moved"]'));
  assert.match(moved, new RegExp(`Strengths.*Weaknesses.*${MOVED}`));
  assert.match(await textOf(view), /1 added · 1 removed · 1 moved · 4 kept/);
  await atTwoSizes('65-swot-compare');
  await app.setWindowSize(1280, 800);
});

test('a TOWS strategy becomes a goal, listed on the Goals tab', async () => {
  await chooseView('TOWS strategies');
  await app.$('[data-testid="tows-view"]').waitForDisplayed();
  await typeInto(app, '#tows-so-text', STRATEGY);
  await app.$('#tows-so-internal').selectByVisibleText(MINE.strengths[0]);
  await app.$('#tows-so-external').selectByVisibleText(ADDED);
  await buttonWithText(app, '[data-testid="tows-so"]', 'Add and make it a goal').click();
  const strategy = await app.$('[data-testid="tows-so"] [data-testid="tows-strategy"]');
  await strategy.waitForDisplayed({ timeoutMsg: 'the strategy was not added' });
  await app.waitUntil(async () => /Goal created|Is a goal/.test(await textOf(strategy)), { timeoutMsg: 'the strategy did not become a goal' });
  assert.match(await textOf(strategy), new RegExp(`S: ${MINE.strengths[0]}`));
  await atTwoSizes('66-swot-tows');
  await app.setWindowSize(1280, 800);

  await openTab(app, 'goals');
  const goals = await textsOf(app, '[data-testid="goal-item"]');
  assert.ok(goals.some((g) => g.includes(STRATEGY)), `the goal is not on the Goals tab: ${JSON.stringify(goals)}`);

  const json = JSON.parse(execFileSync(APP_BINARY, ['export-json', '--db', db], { encoding: 'utf8' }));
  const tows = json.tows_strategies.find((t) => t.text === STRATEGY);
  assert.ok(tows?.goal_id, 'the stored strategy does not point at its goal');
  assert.ok(json.goals.some((g) => g.id === tows.goal_id && g.title.includes(STRATEGY.slice(0, 30))));
});

test('a search hit in the earlier snapshot opens that snapshot and highlights the item', async () => {
  // Deleted from the latest snapshot above, the item is still in the first one.
  await openTab(app, 'goals');
  await app.keys(['Control', 'k']);
  const input = await app.$('[data-testid="search-input"]');
  await input.waitForDisplayed({ timeoutMsg: 'Ctrl+K did not open the search' });
  await input.addValue('slow software');
  const hit = await app.$('[data-testid="search-result"]');
  await hit.waitForDisplayed({ timeoutMsg: 'the search did not find the SWOT item' });
  assert.match(await textOf(hit), /Slow with new software/);
  await hit.click();
  const row = await app.$('.swot-page [data-testid="swot-item"].revealed');
  await row.waitForExist({ timeoutMsg: 'the item was not highlighted' });
  assert.match(await textOf(row), new RegExp(REMOVED));
  assert.match(await textOf(app.$('#swot-snap-mine option:checked')), /Our first session/);
  assert.ok(await app.execute((el) => el.contains(document.activeElement), row), 'the item does not have the focus');
  const visible = await app.execute((el) => {
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight;
  }, row);
  assert.ok(visible, 'the item was not scrolled into view');
  await settledScreenshot(app, '67-swot-search-revealed');
});

test('issue 16: an item’s “⋯” menu is not clipped by its quadrant, down to Delete', async () => {
  // The last item of a quadrant whose list scrolls: its menu used to be cut off inside it.
  const more = (await app.$$('.swot-page [data-testid^="quadrant-mine-"] [data-testid="swot-item"] .more')).at(-1);
  assert.ok(more, 'no item with a menu on the board');
  await more.click();
  const menu = await app.$('.swot-page [role="menu"]');
  await menu.waitForDisplayed({ timeoutMsg: 'the menu did not open' });
  const reachable = await app.execute((m) => {
    const last = [...m.querySelectorAll('[role^="menuitem"]')].at(-1);
    const r = last.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return { text: last.textContent.trim(), inWindow: r.top >= 0 && r.bottom <= window.innerHeight, onTop: last.contains(hit) };
  }, menu);
  assert.match(reachable.text, /Delete/);
  assert.ok(reachable.inWindow, 'Delete is outside the window');
  assert.ok(reachable.onTop, 'Delete is hidden under something (clipped by its quadrant)');
  await settledScreenshot(app, '68-swot-item-menu');
  assert.ok(await menu.isDisplayed(), 'the menu closed by itself');
  // Issue 16: nothing makes the window taller than the screen, so scrolling an item into
  // view scrolls the page's own area, never the window with its sidebar.
  const scrolled = await app.execute(() =>
    [document.scrollingElement, ...document.querySelectorAll('*')]
      .filter((el) => el.scrollTop > 0 && !el.matches('.main, .main *'))
      .map((el) => `${el.tagName}.${el.className}`),
  );
  assert.deepEqual(scrolled, [], 'something outside the page’s own area was scrolled');
  await app.keys(['Escape']);
});

/**
 * What a share switch touches at 1024×700: whether its row wraps (taller than one line),
 * and which labels, fields or buttons around it its row or hint overlap.
 */
async function shareLayout(id, scope) {
  return app.execute(
    (id, scope) => {
      const input = document.getElementById(id);
      const row = input.closest('.switch-row');
      const hint = document.getElementById(`${id}-hint`);
      const rowBox = row.getBoundingClientRect();
      const lineHeight = parseFloat(getComputedStyle(row).lineHeight) || 20;
      const overlaps = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
      const others = [...document.querySelector(scope).querySelectorAll('label, input, select, textarea, button, h2, legend')].filter(
        (el) => !row.contains(el) && el !== row && !el.contains(row),
      );
      const touching = [];
      for (const box of [rowBox, hint.getBoundingClientRect()]) {
        for (const el of others) {
          const r = el.getBoundingClientRect();
          if (r.width > 0 && overlaps(box, r)) touching.push(`${el.tagName.toLowerCase()}#${el.id}.${el.className} “${el.textContent.trim().slice(0, 20)}”`);
        }
      }
      return {
        wraps: rowBox.height > Math.max(lineHeight, input.getBoundingClientRect().height) * 1.6,
        touching,
        clipped: rowBox.right > document.querySelector(scope).getBoundingClientRect().right + 1,
        rowHeight: rowBox.height,
      };
    },
    id,
    scope,
  );
}

async function assertTidy(id, scope, what) {
  const layout = await shareLayout(id, scope);
  assert.ok(!layout.wraps, `${what}: the share switch wraps (${layout.rowHeight}px tall)`);
  assert.ok(!layout.clipped, `${what}: the share switch is cut off`);
  assert.deepEqual(layout.touching, [], `${what}: the share switch touches other controls`);
}

/** Screenshots of the screen as it is, light and dark, at 1024×700 (the smallest window). */
async function lightAndDark(name, check) {
  await app.setWindowSize(1024, 700);
  await app.waitUntil(async () => (await app.execute(() => window.innerWidth)) <= 1024, { timeoutMsg: 'the window did not shrink' });
  for (const theme of ['light', 'dark']) {
    await setTheme(app, theme);
    await app.pause(200);
    await check?.();
    await settledScreenshot(app, `${name}-${theme}-1024x700`);
  }
  await setTheme(app, 'light');
}

async function goalItem(title) {
  for (const item of await app.$$('[data-testid="goal-item"]')) {
    if ((await textOf(item)).includes(title)) return item;
  }
  throw new Error(`no goal “${title}” listed`);
}

test('issue 17: a goal, my own snapshot and the agreement shared with Zoë stay shared after the app restarts', async () => {
  await app.keys(['Escape']);
  // The goal: private until shared, with a switch in its editor.
  await openTab(app, 'goals');
  await (await goalItem(STRATEGY)).click();
  const goalSwitch = await app.$('#goal-shared');
  await goalSwitch.waitForDisplayed({ timeoutMsg: 'the goal editor has no share switch' });
  assert.equal(await goalSwitch.isSelected(), false, 'a goal starts private');
  assert.equal(await textOf(app.$('[data-testid="goal-shared-state"]')), 'Private');
  await goalSwitch.click();
  await waitSaved(app);
  assert.equal(await textOf(app.$('[data-testid="goal-shared-state"]')), 'Shared with Zoë');
  await lightAndDark('70-goal-editor-shared', () => assertTidy('goal-shared', 'main', 'goal editor'));
  await app.setWindowSize(1280, 800);
  await app.$('[data-testid="back"]').click();
  await app.$('[data-testid="goal-item"]').waitForDisplayed();
  assert.match(await textOf(await goalItem(STRATEGY)), /shared with Zoë/);

  // My own latest snapshot: shared through its dialog, which the picker then says.
  await openTab(app, 'swot');
  await app.$('[data-testid="side-head-mine"] .icon-btn').waitForDisplayed();
  await app.$('[data-testid="side-head-mine"] .icon-btn').click();
  await app.$('[data-testid="snapshot-dialog"]').waitForDisplayed();
  const snapSwitch = await app.$('#swot-snapshot-shared');
  assert.equal(await snapSwitch.isSelected(), false, 'a snapshot starts private');
  await snapSwitch.click();
  await app.waitUntil(async () => (await textOf(app.$('[data-testid="swot-snapshot-shared-state"]'))) === 'Shared with Zoë', {
    timeoutMsg: 'the snapshot switch did not turn on',
  });
  await lightAndDark('71-swot-snapshot-dialog-shared', () => assertTidy('swot-snapshot-shared', '[data-testid="snapshot-dialog"]', 'snapshot dialog'));
  await app.setWindowSize(1280, 800);
  await app.$('[data-testid="snapshot-dialog"] button[type="submit"]').click();
  await app.$('[data-testid="snapshot-dialog"]').waitForDisplayed({ reverse: true });
  await app.waitUntil(async () => /\(latest, shared\)/.test(await textOf(app.$('#swot-snap-mine option:checked'))), {
    timeoutMsg: 'the picker does not mark the shared snapshot',
  });
  // Zoë's side, as I wrote it, has no switch.
  await app.$('[data-testid="side-head-partner"] .icon-btn').click();
  await app.$('[data-testid="snapshot-dialog"]').waitForDisplayed();
  assert.equal((await app.$$('#swot-snapshot-shared')).length, 0, 'my view of Zoë’s SWOT offers to share it');
  await app.keys(['Escape']);
  await app.$('[data-testid="snapshot-dialog"]').waitForDisplayed({ reverse: true });

  // The agreement: its switch sits apart from the Objectives label.
  await openTab(app, 'agreement');
  await app.$('[data-testid="edit-agreement"]').click();
  const agreementSwitch = await app.$('#agreement-shared');
  await agreementSwitch.waitForDisplayed();
  await agreementSwitch.click();
  await waitSaved(app);
  await agreementSwitch.scrollIntoView({ block: 'center' });
  await lightAndDark('72-agreement-form-shared', async () => {
    await assertTidy('agreement-shared', 'section[aria-labelledby="agreement-heading"]', 'agreement form');
    const gap = await app.execute(() => {
      const hint = document.getElementById('agreement-shared-hint').getBoundingClientRect();
      return document.querySelector('label[for="objectives"]').getBoundingClientRect().top - hint.bottom;
    });
    assert.ok(gap >= 12, `the agreement's share hint is ${gap}px above the Objectives label`);
  });
  await app.setWindowSize(1280, 800);
  await app.$('[data-testid="done"]').click();
  await app.$('[data-testid="agreement"]').waitForDisplayed();
  assert.equal(await textOf(app.$('[data-testid="agreement-visibility"]')), 'Shared with Zoë');

  // After a restart, all three are still shared, in the app and in the journal.
  await quit(app, db);
  app = await launch(db);
  await openTab(app, 'goals');
  await app.$('[data-testid="goal-item"]').waitForDisplayed();
  assert.match(await textOf(await goalItem(STRATEGY)), /shared with Zoë/);
  await (await goalItem(STRATEGY)).click();
  await app.$('#goal-shared').waitForDisplayed();
  assert.equal(await app.$('#goal-shared').isSelected(), true, 'the goal is no longer shared after the restart');
  await app.$('[data-testid="back"]').click();
  await openTab(app, 'swot');
  await app.$('#swot-snap-mine').waitForDisplayed();
  assert.match(await textOf(app.$('#swot-snap-mine option:checked')), /\(latest, shared\)/);
  await app.$('[data-testid="side-head-mine"] .icon-btn').click();
  await app.$('[data-testid="snapshot-dialog"]').waitForDisplayed();
  assert.equal(await app.$('#swot-snapshot-shared').isSelected(), true, 'the snapshot is no longer shared after the restart');
  await app.keys(['Escape']);
  await openTab(app, 'agreement');
  assert.equal(await textOf(app.$('[data-testid="agreement-visibility"]')), 'Shared with Zoë');

  const json = JSON.parse(execFileSync(APP_BINARY, ['export-json', '--db', db], { encoding: 'utf8' }));
  assert.equal(json.format_version, 5);
  assert.deepEqual(
    json.goals.filter((g) => g.visibility === 'shared').map((g) => g.title),
    json.goals.filter((g) => g.title.includes(STRATEGY.slice(0, 30))).map((g) => g.title),
  );
  const shared = json.swot_snapshots.filter((s) => s.visibility === 'shared');
  assert.deepEqual(
    shared.map((s) => [s.side, s.reason]),
    [['mine', 'After the reorganisation']],
  );
  assert.equal(json.partnerships[0].agreement.visibility, 'shared');
});
