// Big text stays fast (issue 14): in the real app, pastes about 1 MB into a session's notes,
// then types after it, timing each keystroke from the edit to the next painted frame; and
// the same in a bare textarea on the same page, the floor. Prints the figures; asserts
// nothing about time (a machine's speed is not a test).
//
//   make build && cd tests/e2e && dbus-run-session -- xvfb-run -a -s "-screen 0 1280x800x24" \
//     node run.mjs ../../bench/editor.mjs
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { launch, scratchDir, typeInto } from '../tests/e2e/lib/app.mjs';

const SIZE = Number(process.env.TANDEM_BENCH_SIZE ?? 1_000_000);
const KEYS = 40;
let app;

before(async () => {
  app = await launch(join(scratchDir(), 'journal.sqlite3'), { requestTimeout: 900_000 });
});

after(async () => {
  await app?.deleteSession();
});

function summary(times) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return `median ${at(0.5).toFixed(1)} ms, p90 ${at(0.9).toFixed(1)} ms, max ${sorted.at(-1).toFixed(1)} ms`;
}

test('typing after 1 MB of notes, against a bare textarea', async () => {
  await app.$('[data-testid="start-partnership"]').click();
  await typeInto(app, '#partner-name', 'Bench Partner');
  await typeInto(app, '#my-name', 'Bench Me');
  await app.$('[data-testid="create-partnership"]').click();
  await app.$('[data-testid="new-session"]').click();
  await app.$('#session-notes').waitForDisplayed();
  // A slow paste is a finding, not an error: give the page minutes.
  await app.setTimeout({ script: 600_000 });

  // Each phase is its own script, so that a slow one shows which it is.
  const phase = (fn, ...args) => app.executeAsync(fn, ...args);
  const paste = await phase(
    async (size, done) => {
      const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
      const line = 'Zoë said the quick brown fox jumps over the lazy dog, and a few more words to wrap. ';
      const parts = [];
      let length = 0;
      for (let i = 0; length < size; i++) {
        const piece = i % 8 === 7 ? `${line}\n\n` : line;
        parts.push(piece);
        length += piece.length;
      }
      window.__benchText = parts.join('');
      const editor = document.getElementById('session-notes').editor;
      editor.commands.focus('end');
      const t0 = performance.now();
      editor.view.pasteText(window.__benchText);
      await frame();
      done(performance.now() - t0);
    },
    SIZE,
  );
  console.log(`editor: pasted in ${paste.toFixed(0)} ms`);
  const typed = await phase(
    async (keys, done) => {
      const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
      const el = document.getElementById('session-notes');
      const editor = el.editor;
      const times = [];
      for (let i = 0; i < keys; i++) {
        const t0 = performance.now();
        editor.view.dispatch(editor.state.tr.insertText('x'));
        el.dispatchEvent(new InputEvent('input', { bubbles: true }));
        await frame();
        times.push(performance.now() - t0);
      }
      done(times);
    },
    KEYS,
  );
  const { serialize, markdown } = await phase((done) => {
    const editor = document.getElementById('session-notes').editor;
    const t0 = performance.now();
    const markdown = editor.getMarkdown().length;
    done({ serialize: performance.now() - t0, markdown });
  });
  const floor = await phase(
    async (keys, done) => {
      const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
      const ta = document.createElement('textarea');
      ta.className = 'input';
      document.querySelector('main')?.prepend(ta);
      ta.focus();
      let t0 = performance.now();
      ta.value = window.__benchText;
      await frame();
      const paste = performance.now() - t0;
      const typed = [];
      for (let i = 0; i < keys; i++) {
        t0 = performance.now();
        ta.setRangeText('x', ta.value.length, ta.value.length, 'end');
        ta.dispatchEvent(new InputEvent('input', { bubbles: true }));
        await frame();
        typed.push(performance.now() - t0);
      }
      ta.remove();
      done({ paste, typed });
    },
    KEYS,
  );
  const r = { size: SIZE, markdown, paste, serialize, typed, floorPaste: floor.paste, floor: floor.typed };
  console.log(`pasted ${(r.size / 1e6).toFixed(2)} MB (${(r.markdown / 1e6).toFixed(2)} MB of Markdown)`);
  console.log(`editor:   paste ${r.paste.toFixed(0)} ms; a keystroke to the next frame: ${summary(r.typed)}`);
  console.log(`textarea: paste ${r.floorPaste.toFixed(0)} ms; a keystroke to the next frame: ${summary(r.floor)}`);
  console.log(`writing the whole document as Markdown (debounced, once typing pauses): ${r.serialize.toFixed(0)} ms`);
});
