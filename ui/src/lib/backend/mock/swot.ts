import type {
  Goal,
  Quadrant,
  Side,
  SwotBoard,
  SwotComparison,
  SwotItem,
  SwotItemDraft,
  SwotSnapshot,
  SwotView,
  TowsDraft,
  TowsStrategy,
} from '../../generated/types'
import type { MockDb } from './db'

/** SWOT snapshots, items and TOWS strategies of the mock backend. */
export class MockSwot {
  constructor(private db: MockDb) {}

  swotBoard(partnershipId: string, mineSnapshotId: string | null, partnerSnapshotId: string | null): SwotBoard {
    throw new Error(`MockSwot.swotBoard(${partnershipId}, ${mineSnapshotId}, ${partnerSnapshotId}): not written yet`)
  }
  startSnapshot(partnershipId: string, side: Side, takenOn: string, reason: string): SwotView {
    throw new Error(`MockSwot.startSnapshot(${partnershipId}, ${side}, ${takenOn}, ${reason}): not written yet`)
  }
  updateSnapshot(id: string, takenOn: string, reason: string): SwotSnapshot {
    throw new Error(`MockSwot.updateSnapshot(${id}, ${takenOn}, ${reason}): not written yet`)
  }
  addSwotItem(snapshotId: string, draft: SwotItemDraft): SwotItem {
    throw new Error(`MockSwot.addSwotItem(${snapshotId}, ${draft.text}): not written yet`)
  }
  updateSwotItem(id: string, draft: SwotItemDraft): SwotItem {
    throw new Error(`MockSwot.updateSwotItem(${id}, ${draft.text}): not written yet`)
  }
  moveSwotItem(id: string, quadrant: Quadrant, position: number): SwotView {
    throw new Error(`MockSwot.moveSwotItem(${id}, ${quadrant}, ${position}): not written yet`)
  }
  linkSwotItems(id: string, otherId: string | null): void {
    throw new Error(`MockSwot.linkSwotItems(${id}, ${otherId}): not written yet`)
  }
  compareSnapshots(beforeId: string, afterId: string): SwotComparison {
    throw new Error(`MockSwot.compareSnapshots(${beforeId}, ${afterId}): not written yet`)
  }
  listTows(partnershipId: string): TowsStrategy[] {
    throw new Error(`MockSwot.listTows(${partnershipId}): not written yet`)
  }
  createTows(partnershipId: string, draft: TowsDraft): TowsStrategy {
    throw new Error(`MockSwot.createTows(${partnershipId}, ${draft.text}): not written yet`)
  }
  updateTows(id: string, draft: TowsDraft): TowsStrategy {
    throw new Error(`MockSwot.updateTows(${id}, ${draft.text}): not written yet`)
  }
  towsToGoal(id: string): Goal {
    throw new Error(`MockSwot.towsToGoal(${id}): not written yet`)
  }
}
