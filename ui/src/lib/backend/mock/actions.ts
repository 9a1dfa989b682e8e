import type { ActionItem, ActionItemDraft, ActionItemView, TopicCount } from '../../generated/types'
import type { MockDb } from './db'

/** Topics, action items and Markdown rendering of the mock backend. */
export class MockActions {
  constructor(private db: MockDb) {}

  listTopics(): TopicCount[] {
    throw new Error('MockActions.listTopics: not written yet')
  }
  listActionItems(sessionId: string): ActionItem[] {
    throw new Error(`MockActions.listActionItems(${sessionId}): not written yet`)
  }
  openActionItems(partnershipId: string): ActionItemView[] {
    throw new Error(`MockActions.openActionItems(${partnershipId}): not written yet`)
  }
  createActionItem(sessionId: string, draft: ActionItemDraft): ActionItem {
    throw new Error(`MockActions.createActionItem(${sessionId}, ${draft.text}): not written yet`)
  }
  updateActionItem(id: string, draft: ActionItemDraft): ActionItem {
    throw new Error(`MockActions.updateActionItem(${id}, ${draft.text}): not written yet`)
  }
  renderMarkdown(text: string): string {
    throw new Error(`MockActions.renderMarkdown(${text.length}): not written yet`)
  }
}
