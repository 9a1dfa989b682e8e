// axe-core in the real window: every screen the suite visits is checked against WCAG 2.2
// A/AA and axe's best practices, with the rules axe ships as experimental that a person
// notices (a button whose spoken name differs from its label). Violations fail the test,
// listed with their nodes.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const OPTIONS = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
  rules: { 'label-content-name-mismatch': { enabled: true } },
  resultTypes: ['violations'],
};

/** Runs axe over the whole page; resolves to its violations (rule, impact, nodes). */
export async function axeViolations(browser) {
  await browser.setTimeout({ script: 60_000 });
  // The source is the WebDriver script itself (the page's CSP forbids eval, so the page
  // could not load it).
  if (!(await browser.execute(() => Boolean(window.axe)))) await browser.execute(`${AXE_SOURCE}\n;return true;`);
  return browser.executeAsync(
    (options, done) => {
      window.axe
        .run(document, options)
        .then((r) =>
          done(
            r.violations.map((v) => ({
              id: v.id,
              impact: v.impact,
              help: v.help,
              nodes: v.nodes.map((n) => `${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1, 2).join(' ').trim()}`),
            })),
          ),
        )
        .catch((e) => done([{ id: 'axe-error', impact: 'critical', help: String(e), nodes: [] }]));
    },
    OPTIONS,
  );
}

/** Formats violations for a failure message. */
export function describeViolations(screen, violations) {
  const lines = violations.flatMap((v) => [`${screen}: ${v.id} (${v.impact}) ${v.help}`, ...v.nodes.slice(0, 6).map((n) => `    ${n}`)]);
  return lines.join('\n');
}

/** Sets the theme for the page the way the app's setting does. */
export async function setTheme(browser, theme) {
  await browser.execute((t) => {
    document.documentElement.dataset.theme = t;
  }, theme);
}
