import type { ItemKind, SearchHit, TrashEntry } from '../../generated/types'
import type { MockDb } from './db'

/** Search and the trash of the mock backend. */
export class MockFinder {
  constructor(private db: MockDb) {}

  search(query: string, limit: number): SearchHit[] {
    throw new Error(`MockFinder.search(${query}, ${limit}): not written yet`)
  }
  moveToTrash(kind: ItemKind, id: string): TrashEntry {
    throw new Error(`MockFinder.moveToTrash(${kind}, ${id}): not written yet`)
  }
  restoreFromTrash(kind: ItemKind, id: string): void {
    throw new Error(`MockFinder.restoreFromTrash(${kind}, ${id}): not written yet`)
  }
  listTrash(): TrashEntry[] {
    throw new Error('MockFinder.listTrash: not written yet')
  }
  emptyTrash(): number {
    throw new Error('MockFinder.emptyTrash: not written yet')
  }
}
