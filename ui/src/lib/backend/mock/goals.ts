import type {
  Dashboard,
  Goal,
  GoalDetail,
  GoalDraft,
  GoalSummary,
  Milestone,
  MilestoneDraft,
  ProgressDraft,
  ProgressEntry,
} from '../../generated/types'
import type { MockDb } from './db'

/** Goals, milestones, progress and the dashboard of the mock backend. */
export class MockGoals {
  constructor(private db: MockDb) {}

  listGoals(partnershipId: string): GoalSummary[] {
    throw new Error(`MockGoals.listGoals(${partnershipId}): not written yet`)
  }
  getGoal(id: string): GoalDetail {
    throw new Error(`MockGoals.getGoal(${id}): not written yet`)
  }
  createGoal(partnershipId: string, draft: GoalDraft): Goal {
    throw new Error(`MockGoals.createGoal(${partnershipId}, ${draft.title}): not written yet`)
  }
  updateGoal(id: string, draft: GoalDraft): Goal {
    throw new Error(`MockGoals.updateGoal(${id}, ${draft.title}): not written yet`)
  }
  createMilestone(goalId: string, draft: MilestoneDraft): Milestone {
    throw new Error(`MockGoals.createMilestone(${goalId}, ${draft.title}): not written yet`)
  }
  updateMilestone(id: string, draft: MilestoneDraft): Milestone {
    throw new Error(`MockGoals.updateMilestone(${id}, ${draft.title}): not written yet`)
  }
  addProgress(goalId: string, draft: ProgressDraft): ProgressEntry {
    throw new Error(`MockGoals.addProgress(${goalId}, ${draft.value}): not written yet`)
  }
  updateProgress(id: string, draft: ProgressDraft): ProgressEntry {
    throw new Error(`MockGoals.updateProgress(${id}, ${draft.value}): not written yet`)
  }
  dashboard(partnershipId: string): Dashboard {
    throw new Error(`MockGoals.dashboard(${partnershipId}): not written yet`)
  }
}
