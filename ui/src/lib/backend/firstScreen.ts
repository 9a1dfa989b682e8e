import type { Dashboard, FirstScreen, JournalInfo, PartnershipOverview } from '../generated/types'

/** Set in sessionStorage once a page has used the first screen: a reload must not reuse it. */
const USED = 'tandem.firstScreenUsed'

/**
 * The first screen the shell read while the window started (`app::open_window` hands it to
 * the page as `window.__TANDEM_FIRST_SCREEN__`), so that the first calls need no round trip.
 * Each answer is given once, and only until the journal's integrity check is asked for
 * (`forget`), which the app does once its first screen is up: later calls always go to the
 * journal. A reload of the page (the script runs again, with what was read at start) gets
 * nothing.
 */
export class FirstScreenAnswers {
  private journal: JournalInfo | null = null
  private partnerships: PartnershipOverview[] | null = null
  private firstDashboard: Dashboard | null = null

  constructor(screen: FirstScreen | null) {
    if (!screen) return
    this.journal = screen.journal
    this.partnerships = screen.partnerships
    this.firstDashboard = screen.dashboard
  }

  /** Takes what the shell left for this page, if it has not been used by an earlier load. */
  static fromWindow(target: Window = window): FirstScreenAnswers {
    const holder = target as Window & { __TANDEM_FIRST_SCREEN__?: FirstScreen }
    const screen = holder.__TANDEM_FIRST_SCREEN__ ?? null
    delete holder.__TANDEM_FIRST_SCREEN__
    if (!screen) return new FirstScreenAnswers(null)
    try {
      if (target.sessionStorage.getItem(USED) !== null) return new FirstScreenAnswers(null)
      target.sessionStorage.setItem(USED, '1')
    } catch {
      // Without sessionStorage a reload can't be told apart: don't use it.
      return new FirstScreenAnswers(null)
    }
    return new FirstScreenAnswers(screen)
  }

  journalInfo(): JournalInfo | null {
    const answer = this.journal
    this.journal = null
    return answer
  }

  listPartnerships(): PartnershipOverview[] | null {
    const answer = this.partnerships
    this.partnerships = null
    return answer
  }

  dashboard(partnershipId: string): Dashboard | null {
    const answer = this.firstDashboard
    if (answer?.partnership_id !== partnershipId) return null
    this.firstDashboard = null
    return answer
  }

  forget(): void {
    this.journal = null
    this.partnerships = null
    this.firstDashboard = null
  }
}
