// Every screen of the app, one after another, from a fresh journal: the walk the
// accessibility and layout specs share. `visit(name)` is called on each screen as it stands
// (it may change the theme or the window's size, and must leave them as it found them).
import { buttonWithText, openTab, waitForCount } from './app.mjs';

async function escape(app) {
  await app.keys('Escape');
  await app.pause(200);
}

/** Walks every screen, starting at the welcome screen of an empty journal. */
export async function walkEveryScreen(app, visit) {
  await app.$('[data-testid="load-sample"]').waitForDisplayed();
  await visit('welcome');

  await app.$('[data-testid="start-partnership"]').click();
  await app.$('#partner-name').waitForDisplayed();
  await visit('new-partnership');
  await buttonWithText(app, 'form', 'Cancel').click();

  await app.$('[data-testid="load-sample"]').click();
  await waitForCount(app, '[data-testid="partnership-item"]', 2, 'the sample never appeared');
  await app.$('[data-testid="dashboard"]').waitForDisplayed();
  await visit('overview');

  await openTab(app, 'sessions');
  const sessions = await waitForCount(app, '[data-testid="session-item"]', 1, 'no sessions listed');
  await visit('sessions');
  await sessions[0].click();
  await app.$('[data-testid="session-reading"]').waitForDisplayed();
  await visit('session-reading');
  await app.$('[data-testid="edit-session"]').click();
  await app.$('#session-notes').waitForDisplayed();
  await visit('session-editor');
  // A date field's calendar (a dialog with a month grid).
  await app.$('#session-held-at ~ [data-testid="calendar-button"]').click();
  await app.$('[data-testid="calendar"]').waitForDisplayed({ timeoutMsg: 'the calendar did not open' });
  await visit('session-calendar');
  await escape(app);
  await app.$('[data-testid="back"]').click();

  await openTab(app, 'goals');
  const goals = await waitForCount(app, '[data-testid="goal-item"]', 1, 'no goals listed');
  await visit('goals');
  await goals[0].click();
  await app.$('#goal-title').waitForDisplayed();
  await visit('goal');
  await app.$('[data-testid="back"]').click();

  await openTab(app, 'swot');
  await app.$('[data-testid="swot-page"]').waitForDisplayed();
  await waitForCount(app, '[data-testid="swot-item"]', 1, 'the SWOT is empty');
  await visit('swot-side-by-side');
  // Starting a snapshot of my own SWOT: a dialog with its share switch.
  await buttonWithText(app, '[data-testid="side-head-mine"]', 'Start a new snapshot of my SWOT').click();
  await app.$('[data-testid="snapshot-dialog"]').waitForDisplayed({ timeoutMsg: 'the snapshot dialog did not open' });
  await visit('swot-snapshot-dialog');
  await escape(app);
  await app.$('[data-testid="snapshot-dialog"]').waitForDisplayed({ reverse: true, timeoutMsg: 'Escape did not close the snapshot dialog' });
  for (const [view, name] of [
    ['Changes over time', 'swot-changes'],
    ['TOWS strategies', 'swot-tows'],
  ]) {
    await buttonWithText(app, '.swot-page .views', view).click();
    await app.pause(300);
    await visit(name);
  }

  await openTab(app, 'agreement');
  await app.$('[data-testid="agreement"]').waitForDisplayed();
  await visit('agreement');
  await app.$('[data-testid="edit-agreement"]').click();
  await app.pause(300);
  await visit('agreement-editor');
  await app.$('[data-testid="done"]').click();
  await app.$('[data-testid="agreement"]').waitForDisplayed();

  // Partner exchange (issue 17): not paired, the invite, the invited state, cancelling the
  // invite, and accepting one from the sidebar.
  await openTab(app, 'exchange');
  await app.$('[data-testid="invite-partner"]').waitForDisplayed();
  await visit('exchange');
  await app.$('[data-testid="invite-partner"]').click();
  await app.$('[data-testid="invite-text"]').waitForDisplayed();
  await visit('exchange-invite');
  await escape(app);
  await app.$('[data-testid="show-invite"]').waitForDisplayed();
  await visit('exchange-invited');
  await app.$('[data-testid="unpair"]').click();
  await app.$('[data-testid="unpair-dialog"]').waitForDisplayed();
  await visit('exchange-cancel-invite');
  await escape(app);
  await app.$('[data-testid="sidebar-accept-invite"]').click();
  await app.$('[data-testid="accept-dialog"]').waitForDisplayed();
  await visit('exchange-accept');
  await escape(app);

  await openTab(app, 'overview');
  await app.$('[data-testid="export-pdf"]').click();
  await app.$('[data-testid="export-save"]').waitForDisplayed();
  await visit('export');
  // A calendar inside a dialog: Escape closes the calendar, then the dialog.
  await app.$('#report-from ~ [data-testid="calendar-button"]').click();
  await app.$('[data-testid="calendar"]').waitForDisplayed({ timeoutMsg: 'the calendar did not open in the export dialog' });
  await visit('export-calendar');
  await escape(app);
  await escape(app);

  await app.keys(['Control', 'k']);
  await app.$('[data-testid="search-input"]').waitForDisplayed();
  await app.$('[data-testid="search-input"]').addValue('feedback');
  await waitForCount(app, '[data-testid="search-result"]', 1, 'the search found nothing');
  await visit('search');
  await escape(app);

  await app.$('[data-testid="open-backups"]').click();
  await app.$('[data-testid="backup-now"]').waitForDisplayed();
  await visit('backups');

  await app.$('[data-testid="open-trash"]').click();
  await app.pause(300);
  await visit('trash');

  await app.$('[data-testid="open-help"]').click();
  await app.pause(300);
  await visit('help');
  await app.$('#help-tab-journal').click();
  await app.$('[data-testid="help-journal"]').waitForDisplayed();
  await visit('help-journal');
  await escape(app);

}
