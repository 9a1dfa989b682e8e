import { loadRichEditor } from './components/editor/load'

/**
 * The screens the first screen does not show, loaded when first opened. The first screen
 * (the sidebar, a partnership's page with its overview, sessions and goals tabs, the
 * welcome) is in the main bundle; the rest of the UI is about as much again, and loading
 * and parsing it would delay every start. `preloadScreens` fetches them all in the
 * background once the first screen is up, so opening one later is as quick as before.
 */
export const screens = {
  sessionEditor: () => import('./components/SessionEditor.svelte'),
  goalEditor: () => import('./components/goals/GoalEditor.svelte'),
  swotPage: () => import('./components/swot/SwotPage.svelte'),
  partnershipForm: () => import('./components/PartnershipForm.svelte'),
  exportDialog: () => import('./components/ExportDialog.svelte'),
  searchPalette: () => import('./components/SearchPalette.svelte'),
  helpOverlay: () => import('./components/HelpOverlay.svelte'),
  backups: () => import('./components/Backups.svelte'),
  trash: () => import('./components/Trash.svelte'),
  journalError: () => import('./components/JournalError.svelte'),
  exchangePanel: () => import('./components/exchange/ExchangePanel.svelte'),
  acceptDialog: () => import('./components/exchange/AcceptDialog.svelte'),
}

export function preloadScreens(): void {
  for (const load of [...Object.values(screens), loadRichEditor]) {
    // A failed load shows when the screen is opened (its `{#await}` has a `{:catch}`).
    load().catch(() => {})
  }
}
