// Private by construction, checked on the running app: text that looks like HTML or script
// is shown as text and never runs, the content security policy blocks inline scripts and
// remote content, and the app and its WebKit processes open no network connection.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { APP_BINARY, launch, scratchDir, screenshot, textOf, typeInto, typeMarkdown, waitSaved } from '../lib/app.mjs';
import { inetSockets, isLoopback, pidsMatching } from '../lib/sockets.mjs';

const PAYLOADS = [
  '<img src=x onerror="window.__pwned=(window.__pwned||[]).concat(1)">',
  '<script>window.__pwned=(window.__pwned||[]).concat(2)</script>',
  '"><svg onload="window.__pwned=(window.__pwned||[]).concat(3)">',
  "'); DROP TABLE session;--",
];

const db = join(scratchDir(), 'journal.sqlite3');
let app;

before(async () => {
  app = await launch(db);
});

after(async () => {
  await app?.deleteSession();
});

test('HTML and script typed into the app are shown as text and never run', async () => {
  await app.$('[data-testid="start-partnership"]').click();
  await typeInto(app, '#partner-name', PAYLOADS[0]);
  await typeInto(app, '#partner-org', PAYLOADS[1]);
  await typeInto(app, '#objectives', PAYLOADS.join(' '));
  await app.$('[data-testid="create-partnership"]').click();
  const heading = await app.$('h1');
  await app.waitUntil(async () => (await textOf(heading)).includes('onerror'));
  assert.equal(await textOf(heading), PAYLOADS[0]);

  await app.$('[data-testid="new-session"]').click();
  await typeInto(app, '#session-title', PAYLOADS[2]);
  await typeInto(app, '#session-place', 'javascript:window.__pwned=(window.__pwned||[]).concat(4)');
  await typeMarkdown(app, 'session-notes', PAYLOADS.join('\n'));
  await waitSaved(app);
  await app.$('[data-testid="back"]').click();
  const item = await app.$('[data-testid="session-item"]');
  await item.waitForDisplayed();
  assert.match(await textOf(item), /<svg onload=/);
  await screenshot(app, '20-html-shown-as-text');

  assert.equal(await app.execute(() => window.__pwned ?? null), null, 'a payload ran');
  assert.equal(await app.execute(() => document.querySelectorAll('img[src="x"], svg[onload]').length), 0);
});

test('the content security policy blocks inline script and remote content', async () => {
  const result = await app.executeAsync((done) => {
    const violations = [];
    document.addEventListener('securitypolicyviolation', (e) => violations.push(e.blockedURI || e.violatedDirective));
    const s = document.createElement('script');
    s.textContent = 'window.__inline = 1';
    document.body.appendChild(s);
    const img = document.createElement('img');
    img.src = 'https://example.com/tracker.png';
    document.body.appendChild(img);
    setTimeout(() => done({ inline: window.__inline ?? null, violations }), 500);
  });
  assert.equal(result.inline, null, 'an inline script ran');
  assert.ok(
    result.violations.some((v) => String(v).includes('example.com')),
    `no violation reported for the remote image: ${JSON.stringify(result.violations)}`,
  );
});

test('the app and its web processes hold no network connection', async () => {
  // The probe itself must see sockets where there are some: tauri-driver listens on 4444.
  const [driver] = pidsMatching('tauri-driver', '--port');
  assert.ok(driver, 'tauri-driver not found');
  const probe = inetSockets(driver).sockets;
  assert.ok(probe.some((s) => s.local.port === 4444), `the socket probe missed tauri-driver: ${JSON.stringify(probe)}`);

  const [pid] = pidsMatching(APP_BINARY, db);
  assert.ok(pid, 'the app process was not found');
  const { pids, sockets } = inetSockets(pid);
  assert.ok(pids.length >= 2, `expected the app and its WebKit processes, found ${pids}`);
  // WebDriver itself reaches the app over loopback; anything else would be a leak.
  const outside = sockets.filter((s) => !isLoopback(s.local.addr) || (s.remote.port !== 0 && !isLoopback(s.remote.addr)));
  assert.deepEqual(outside, [], `network sockets: ${JSON.stringify(sockets)}`);
  console.log(`# ${pids.length} processes, inet sockets: ${JSON.stringify(sockets)}`);
});
