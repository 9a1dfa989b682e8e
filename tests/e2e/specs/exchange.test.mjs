// Issue 17: partner exchange through the real app. Journal A (the sample: Henrik, mentee of
// Zoë Okafor, with a private session holding a unique marker) invites from its Exchange tab;
// journal B, an empty one, accepts the invite from its welcome screen and shares back; A
// receives B's answer and shares; B receives A's bundle. Every file goes through the
// window's native save and open dialogs (answered with xdotool). Both windows show the same
// six words, both mark the link verified, and A's private text appears nowhere in B's
// window or export. Every new screen is photographed at 1024x700 and 1600x1000, light and
// dark, and checked with axe-core.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import {
  APP_BINARY,
  answerOpenDialog,
  answerSaveDialog,
  launch,
  openTab,
  quit,
  scratchDir,
  settledScreenshot,
  textOf,
  textsOf,
  waitForCount,
} from '../lib/app.mjs';
import { axeViolations, describeViolations, setTheme } from '../lib/axe.mjs';

const dir = scratchDir();
const dbA = join(dir, 'a.sqlite3');
const dbB = join(dir, 'b.sqlite3');
const invite = join(dir, 'henrik.tandem-invite');
const answer = join(dir, 'zoe-1.tandem');
const fromZoe = join(dir, 'zoe-2.tandem');
const fromHenrik = join(dir, 'henrik-1.tandem');
const MARKER = 'PRIVMARK-e2e-17-9f3a';
const SAMPLE_ZOE = '7a3d2c10-5b8e-4f61-9c2a-0d1e5f3b7a01';

let app = null;
let db = null;
const found = [];

after(async () => {
  await app?.deleteSession().catch(() => {});
});

function cli(...args) {
  return execFileSync(APP_BINARY, args, { encoding: 'utf8' });
}

/** A's journal: the sample, and a private session of Zoë's partnership with the marker everywhere. */
function prepareA() {
  cli('--db', dbA, 'demo');
  const doc = {
    format_version: 4,
    partnerships: [],
    sessions: [
      {
        id: '5e550001-1c2b-4a3d-8e4f-0a1b2c3d4eff',
        partnership_id: SAMPLE_ZOE,
        held_at: '2026-04-01T10:00:00',
        duration_minutes: 30,
        format: 'video',
        place: `${MARKER} place`,
        title: `${MARKER} title`,
        agenda: `${MARKER} agenda`,
        notes: `${MARKER} notes`,
        shared: `${MARKER} shared`,
        learned: `${MARKER} learned`,
        topics: [`${MARKER}-topic`],
        rating: 2,
        reflection: `${MARKER} reflection`,
        visibility: 'private',
        created_at: '2026-04-01T11:00:00Z',
        updated_at: '2026-04-01T11:00:00Z',
      },
    ],
    action_items: [],
    goals: [],
    milestones: [],
    progress: [],
    swot_snapshots: [],
    swot_items: [],
    tows_strategies: [],
    swot_pair_dismissals: [],
  };
  const file = join(dir, 'marker.json');
  writeFileSync(file, JSON.stringify(doc));
  cli('--db', dbA, 'import-json', file);
}

async function start(which) {
  db = which;
  app = await launch(which);
}

async function stop() {
  if (app) await quit(app, db);
  app = null;
}

/** The screen as it stands, at both sizes and in both themes, and checked with axe in both themes. */
async function shoot(name) {
  const before = await app.getWindowSize();
  for (const [w, h] of [
    [1024, 700],
    [1600, 1000],
  ]) {
    await app.setWindowSize(w, h);
    await app.pause(250);
    for (const theme of ['light', 'dark']) {
      await setTheme(app, theme);
      await settledScreenshot(app, `40-exchange-${name}-${w}x${h}-${theme}`);
    }
  }
  for (const theme of ['light', 'dark']) {
    await setTheme(app, theme);
    // The buttons' colours ease into the theme's: axe reads them once they are there.
    await app.pause(400);
    const violations = await axeViolations(app);
    if (violations.length > 0) found.push(describeViolations(`${name} (${theme})`, violations));
  }
  await setTheme(app, 'light');
  await app.setWindowSize(before.width, before.height);
  await app.pause(200);
}

async function waitGone(selector) {
  await app.waitUntil(async () => (await app.$$(selector)).length === 0, { timeout: 10000, timeoutMsg: `${selector} stayed open` });
  await app.pause(250);
}

async function openPartnership(name) {
  const items = await waitForCount(app, '[data-testid="partnership-item"]', 1, 'no partnerships listed');
  for (const item of items) {
    if ((await textOf(item)).includes(name)) {
      await item.click();
      return;
    }
  }
  throw new Error(`no partnership with ${name} in the sidebar`);
}

async function words() {
  await app.$('[data-testid="fingerprint-words"]').waitForDisplayed({ timeoutMsg: 'no fingerprint words' });
  return textsOf(app, '[data-testid="fingerprint-words"] li');
}

async function markVerified() {
  await app.$('[data-testid="mark-verified"]').click();
  await app.$('[data-testid="verified-note"]').waitForDisplayed({ timeoutMsg: 'the link was not marked verified' });
  assert.match(await textOf(app.$('[data-testid="link-state"]')), /Paired · verified/);
}

test('two journals pair, exchange and verify through the window', { timeout: 900_000 }, async () => {
  prepareA();

  // A invites, from Zoë's Exchange tab.
  await start(dbA);
  await openPartnership('Zoë Okafor');
  await openTab(app, 'exchange');
  await app.$('[data-testid="invite-partner"]').waitForDisplayed();
  assert.match(await textOf(app.$('[data-testid="link-state"]')), /Not paired/);
  assert.match(await textOf(app.$('[data-testid="exchange"]')), /no server and no account/);
  await shoot('not-paired');
  await app.$('[data-testid="invite-partner"]').click();
  await app.$('[data-testid="invite-text"]').waitForDisplayed();
  assert.match(await app.$('[data-testid="invite-text"]').getValue(), /-----BEGIN TANDEM INVITE-----/);
  await shoot('invite-dialog');
  await app.$('[data-testid="save-invite"]').click();
  await answerSaveDialog(invite);
  await app.$('[data-testid="invite-saved"]').waitForDisplayed({ timeoutMsg: 'the invite was not saved' });
  assert.ok(existsSync(invite), 'the invite file exists');
  await app.keys('Escape');
  await waitGone('[data-testid="invite-dialog"]');
  assert.match(await textOf(app.$('[data-testid="link-state"]')), /Invited/);
  await shoot('invited');
  await stop();

  // B accepts from its welcome screen: opens the invite, sees who it is from, saves its answer.
  await start(dbB);
  await app.$('[data-testid="welcome-accept-invite"]').click();
  await app.$('[data-testid="accept-dialog"]').waitForDisplayed();
  await shoot('accept-choose');
  await app.$('[data-testid="open-invite-file"]').click();
  await answerOpenDialog(invite);
  await app.$('[data-testid="invite-preview"]').waitForDisplayed({ timeoutMsg: 'the invite was not read' });
  const facts = await textOf(app.$('[data-testid="invite-preview"]'));
  assert.match(facts, /Henrik Lindqvist/);
  assert.match(facts, /the mentor/, 'the role is flipped: Henrik is the mentee');
  await shoot('accept-preview');
  await app.$('[data-testid="accept-save"]').click();
  await answerSaveDialog(answer);
  await app.$('[data-testid="accept-saved"]').waitForDisplayed({ timeoutMsg: 'the answer was not saved' });
  assert.ok(existsSync(answer));
  assert.match(await textOf(app.$('#accept-title')), /Send this file to Henrik/);
  await shoot('accept-done');
  await app.$('[data-testid="accept-done"]').click();
  await waitGone('[data-testid="accept-dialog"]');
  // The new partnership, on its Exchange tab: paired, not verified.
  await app.$('[data-testid="fingerprint-words"]').waitForDisplayed();
  const wordsB = await words();
  assert.equal(wordsB.length, 6);
  assert.match(await textOf(app.$('[data-testid="link-state"]')), /not verified/);
  await shoot('paired');
  // B shares again (its first bundle was the answer).
  await app.$('[data-testid="share-with-partner"]').click();
  await app.$('[data-testid="share-kinds"]').waitForDisplayed();
  assert.match(await textOf(app.$('[data-testid="share-never"]')), /Private sessions/);
  await shoot('share-dialog-empty');
  await app.$('[data-testid="share-save"]').click();
  await answerSaveDialog(fromZoe);
  await app.$('[data-testid="share-saved"]').waitForDisplayed({ timeoutMsg: 'B’s bundle was not saved' });
  await app.$('[data-testid="share-done"]').click();
  await waitGone('[data-testid="share-dialog"]');
  assert.match(await textOf(app.$('[data-testid="sent-state"]')), /Bundle 2/);
  await stop();

  // A receives B's answer: the preview, then the import; the words are B's.
  await start(dbA);
  await openPartnership('Zoë Okafor');
  await openTab(app, 'exchange');
  await app.$('[data-testid="receive-bundle"]').click();
  await answerOpenDialog(answer);
  await app.$('[data-testid="receive-import"]').waitForDisplayed({ timeoutMsg: 'no preview of B’s answer' });
  assert.match(await textOf(app.$('[data-testid="receive-verified"]')), /Not verified/);
  assert.ok((await app.$$('[data-testid="receive-first"]')).length === 1, 'the first bundle says so');
  await shoot('receive-dialog');
  await app.$('[data-testid="receive-import"]').click();
  await waitGone('[data-testid="receive-dialog"]');
  const wordsA = await words();
  assert.deepEqual(wordsA, wordsB, 'both windows show the same six words');
  await markVerified();
  // B's second bundle: newer, so it is taken.
  await app.$('[data-testid="receive-bundle"]').click();
  await answerOpenDialog(fromZoe);
  await app.$('[data-testid="receive-import"]').waitForDisplayed();
  assert.match(await textOf(app.$('[data-testid="receive-verified"]')), /^Verified$/);
  await app.$('[data-testid="receive-import"]').click();
  await waitGone('[data-testid="receive-dialog"]');
  // The older one again is refused in the core's words, with nothing written.
  await app.$('[data-testid="receive-bundle"]').click();
  await answerOpenDialog(answer);
  await app.$('[data-testid="receive-problem"]').waitForDisplayed({ timeoutMsg: 'an older bundle was not refused' });
  assert.match(await textOf(app.$('[data-testid="receive-problem"]')), /older/i);
  await shoot('receive-refused');
  await app.keys('Escape');
  await waitGone('[data-testid="receive-dialog"]');
  await shoot('paired-verified');
  // A shares: the sample's shared sessions, each expandable to its text; the private ones never.
  await app.$('[data-testid="share-with-partner"]').click();
  await app.$('[data-testid="share-kinds"]').waitForDisplayed();
  const kinds = await textOf(app.$('[data-testid="share-kinds"]'));
  assert.match(kinds, /\d+ sessions?/);
  assert.ok(!kinds.includes(MARKER), 'the private session is not offered');
  await app.$('[data-testid="share-kinds"] summary').click();
  await app.pause(200);
  await shoot('share-dialog');
  await app.$('[data-testid="share-armour"]').click();
  await app.$('[data-testid="share-save"]').click();
  await answerSaveDialog(fromHenrik);
  await app.$('[data-testid="share-saved"]').waitForDisplayed({ timeoutMsg: 'A’s bundle was not saved' });
  await shoot('share-done');
  await app.$('[data-testid="share-done"]').click();
  await waitGone('[data-testid="share-dialog"]');
  await stop();

  // B receives A's bundle: its words are A's; nothing private of A's anywhere in B's window.
  await start(dbB);
  await openPartnership('Henrik Lindqvist');
  await openTab(app, 'exchange');
  assert.deepEqual(await words(), wordsA);
  // A's bundle was saved as text (armoured): B pastes it, as from a chat.
  await app.$('[data-testid="paste-bundle"]').click();
  await app.$('[data-testid="receive-paste"]').waitForDisplayed();
  const pastedText = readFileSync(fromHenrik, 'utf8');
  await app.execute((text) => {
    const area = document.querySelector('[data-testid="receive-paste"]');
    area.value = text;
    area.dispatchEvent(new Event('input', { bubbles: true }));
  }, pastedText);
  await shoot('receive-paste');
  await app.$('[data-testid="receive-check"]').click();
  await app.$('[data-testid="receive-import"]').waitForDisplayed({ timeoutMsg: 'no preview of A’s pasted bundle' });
  const preview = await textOf(app.$('[data-testid="receive-dialog"]'));
  assert.match(preview, /A bundle from Henrik Lindqvist/);
  assert.match(preview, /Sessions: \d+ new/);
  assert.ok(!preview.includes(MARKER));
  await shoot('receive-dialog-content');
  await app.$('[data-testid="receive-import"]').click();
  await waitGone('[data-testid="receive-dialog"]');
  await app.$('[data-testid="exchange-note"]').waitForDisplayed();
  await markVerified();
  let seen = '';
  for (const tab of ['overview', 'sessions', 'goals', 'swot', 'agreement', 'exchange']) {
    await openTab(app, tab);
    await app.pause(600);
    seen += await app.execute(() => document.body.textContent ?? '');
  }
  assert.ok(!seen.includes(MARKER), 'A’s private text is nowhere in B’s window');
  assert.ok(!seen.includes('I talked too much'), 'nor a reflection of the sample’s');
  // Unpairing says what stays with the partner; cancelled here.
  await app.$('[data-testid="unpair"]').click();
  await app.$('[data-testid="unpair-dialog"]').waitForDisplayed();
  assert.match(await textOf(app.$('[data-testid="unpair-dialog"]')), /What you already sent stays with Henrik/);
  await shoot('unpair-dialog');
  await app.keys('Escape');
  await waitGone('[data-testid="unpair-dialog"]');
  await stop();

  const exported = cli('--db', dbB, 'export-json');
  assert.ok(!exported.includes(MARKER), 'nor in B’s export');
  assert.equal(found.length, 0, `axe-core found violations:\n${found.join('\n')}`);
});
