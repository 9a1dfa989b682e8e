import { tick } from 'svelte'
import type { Backend } from '../../backend/types'
import type {
  Match,
  Priority,
  Quadrant,
  SharedSwot,
  Side,
  SwotBoard,
  SwotItem,
  SwotSnapshot,
  SwotView,
  Visibility,
} from '../../generated/types'
import type { UndoToast } from '../../undo'
import { QUADRANTS, applyMove, byQuadrant, errorMessage, today, withoutItem } from './meta'

export interface Pair {
  other: string
  by: Match
}

/** What is being dragged: only dropped within the same side (the same snapshot). */
export interface Dragging {
  side: Side
  id: string
}

let tempIds = 0

/**
 * The state of a partnership's SWOT board with optimistic edits: every change shows at
 * once, is sent to the backend, and is reverted with a message beside its quadrant if the
 * backend refuses it. After changes settle, the board is read again for the shared pairs.
 */
export class SwotBoardState {
  views = $state<Record<Side, SwotView | null>>({ mine: null, partner: null })
  shared = $state<{ mine: string; partner: string; by: Match }[]>([])
  snapshots = $state<SwotSnapshot[]>([])
  /** The snapshot shown per side; null: the latest. */
  chosen = $state<Record<Side, string | null>>({ mine: null, partner: null })
  /** Messages beside a quadrant, by "side:quadrant"; "board" for the whole board. */
  errors = $state<Record<string, string>>({})
  /** The partner's own shared SWOT, when they shared one (offered for the partner column). */
  partnerShared = $state<SharedSwot | null>(null)
  /** Whose partner column: my view of their SWOT, or theirs as they shared it (read-only). */
  partnerSource = $state<'mine' | 'shared'>('mine')
  /** The shared snapshot shown; null: their current one. */
  chosenShared = $state<string | null>(null)
  /** Items of theirs just copied into my view (by their id), for "Copied". */
  copied = $state<Record<string, true>>({})
  loaded = $state(false)
  loadError = $state<string | null>(null)
  /** The item under the pointer or focus: its pair is highlighted. */
  hot = $state<string | null>(null)
  dragging = $state<Dragging | null>(null)

  groups = $derived({
    mine: byQuadrant(this.views.mine?.items ?? []),
    partner: byQuadrant(this.views.partner?.items ?? []),
  })

  #pairs: Record<string, Pair> = $derived(
    Object.fromEntries(
      this.shared.flatMap((p): [string, Pair][] => [
        [p.mine, { other: p.partner, by: p.by }],
        [p.partner, { other: p.mine, by: p.by }],
      ]),
    ),
  )

  /** Whether the partner column shows the partner's own shared SWOT (which is read-only). */
  get partnerReadOnly(): boolean {
    return this.partnerSource === 'shared' && this.partnerShared !== null
  }

  #read(): Promise<SwotBoard> {
    return this.partnerSource === 'shared'
      ? this.backend.sharedSwotBoard(this.partnershipId, this.chosen.mine, this.chosenShared)
      : this.backend.swotBoard(this.partnershipId, this.chosen.mine, this.chosen.partner)
  }

  /** The item on the other side that `id` is shared with. */
  pairOf(id: string): Pair | undefined {
    return Object.hasOwn(this.#pairs, id) ? this.#pairs[id] : undefined
  }

  #pending = 0
  /** Changes started so far (a board read before the last of them is stale). */
  #changes = 0
  /** Reads of the board started so far (only the latest one's answer is shown). */
  #reads = 0
  /** The last add on its way: adds reach the core one after another, in the order typed. */
  #adding: Promise<void> = Promise.resolve()
  #creating: Partial<Record<Side, Promise<string>>> = {}

  constructor(
    private backend: Backend,
    private partnershipId: string,
    private undo: UndoToast | undefined,
  ) {}

  errorKey(side: Side, quadrant: Quadrant): string {
    return `${side}:${quadrant}`
  }

  setError(key: string, message: string | null): void {
    if (message === null) {
      if (key in this.errors) delete this.errors[key]
    } else {
      this.errors[key] = message
    }
  }

  async load(): Promise<boolean> {
    const read = ++this.#reads
    const changes = this.#changes
    try {
      const board = await this.#read()
      // A later read (another snapshot chosen) answers instead of this one.
      if (read !== this.#reads) return true
      // A change made meanwhile is not in this answer: the board is read again once it is done.
      if (this.#pending === 0 && changes === this.#changes) {
        this.views = { mine: board.mine, partner: board.partner }
        this.shared = board.shared
      }
      this.snapshots = board.snapshots
      this.partnerShared = board.partner_shared
      this.loadError = null
      this.loaded = true
      return true
    } catch (e) {
      this.loadError = errorMessage(e)
      return false
    }
  }

  /** Reads the board again once no change is on its way (for the shared pairs). */
  async refresh(): Promise<void> {
    if (this.#pending > 0) return
    const read = ++this.#reads
    const changes = this.#changes
    try {
      const board = await this.#read()
      // Stale if the board was read again since (a new snapshot shown) or changed meanwhile
      // (a link, say): that change reads it again once it is done.
      if (read !== this.#reads || this.#pending > 0 || changes !== this.#changes) return
      this.shared = board.shared
      this.snapshots = board.snapshots
      this.partnerShared = board.partner_shared
      this.views = { mine: board.mine, partner: board.partner }
    } catch {
      // The board stays as it is; the next change reads it again.
    }
  }

  #start(): void {
    this.#pending++
    this.#changes++
  }

  #done(): void {
    this.#pending--
    if (this.#pending === 0) void this.refresh()
  }

  async choose(side: Side, snapshotId: string | null): Promise<void> {
    if (side === 'partner' && this.partnerReadOnly) this.chosenShared = snapshotId
    else this.chosen[side] = snapshotId
    await this.load()
  }

  /** Shows my view of the partner's SWOT, or theirs as they shared it, in the partner column. */
  async showPartner(source: 'mine' | 'shared'): Promise<void> {
    if (this.partnerSource === source) return
    this.partnerSource = source
    this.hot = null
    // The column shows the other SWOT once read; never one under the other's header.
    this.views.partner = null
    this.shared = []
    await this.load()
  }

  /**
   * Copies an item of the partner's shared SWOT into my view of their SWOT (the core picks
   * the snapshot, starting one if I have none); false (with a message) if it was refused.
   */
  async copyToMyView(itemId: string, quadrant: Quadrant): Promise<boolean> {
    try {
      await this.backend.copyPartnerSwotItem(this.partnershipId, itemId)
      this.copied[itemId] = true
      this.setError(this.errorKey('partner', quadrant), null)
      return true
    } catch (e) {
      this.setError(this.errorKey('partner', quadrant), errorMessage(e))
      return false
    }
  }

  /** The shown snapshot of a side, started (dated today) when the side has none yet. */
  async #snapshotOf(side: Side): Promise<string> {
    const view = this.views[side]
    if (view) return view.snapshot.id
    const creating = this.#creating[side]
    if (creating) return creating
    const promise = this.backend.startSnapshot(this.partnershipId, side, today(), '', null).then((created) => {
      this.views[side] = created
      this.snapshots = [created.snapshot, ...this.snapshots]
      return created.snapshot.id
    })
    this.#creating[side] = promise
    try {
      return await promise
    } finally {
      delete this.#creating[side]
    }
  }

  #items(side: Side): SwotItem[] {
    return this.views[side]?.items ?? []
  }

  #setItems(side: Side, items: SwotItem[]): void {
    const view = this.views[side]
    if (view) view.items = items
  }

  #find(side: Side, id: string): SwotItem | undefined {
    return this.#items(side).find((i) => i.id === id)
  }

  /** Adds an item at the end of its quadrant; false (with a message) if it was refused. */
  async add(side: Side, quadrant: Quadrant, text: string, priority: Priority | null = null): Promise<boolean> {
    const clean = text.trim()
    if (clean === '') return true
    const key = this.errorKey(side, quadrant)
    this.#start()
    const tempId = `pending-${++tempIds}`
    // The core puts an item at the end of its quadrant as it arrives: sent together, two adds
    // could arrive (and be stored) in another order than they were typed. Each waits its turn.
    const turn = this.#adding
    let endTurn = () => {}
    this.#adding = new Promise<void>((resolve) => (endTurn = resolve))
    try {
      const snapshotId = await this.#snapshotOf(side)
      const position = this.groups[side][quadrant].length
      this.#setItems(side, [
        ...this.#items(side),
        { id: tempId, snapshot_id: snapshotId, quadrant, position, text: clean, priority, origin_id: null, link_id: null, created_at: '', updated_at: '' },
      ])
      await turn
      const saved = await this.backend.addSwotItem(snapshotId, { quadrant, text: clean, priority })
      this.#setItems(
        side,
        this.#items(side).map((i) => (i.id === tempId ? saved : i)),
      )
      this.setError(key, null)
      return true
    } catch (e) {
      this.#setItems(
        side,
        this.#items(side).filter((i) => i.id !== tempId),
      )
      this.setError(key, errorMessage(e))
      return false
    } finally {
      endTurn()
      this.#done()
    }
  }

  /** Saves new text or priority; false (reverted, with a message) if it was refused. */
  async update(side: Side, id: string, change: { text?: string; priority?: Priority | null }): Promise<boolean> {
    const item = this.#find(side, id)
    if (!item) return false
    const key = this.errorKey(side, item.quadrant)
    const before = { text: item.text, priority: item.priority }
    const text = (change.text ?? item.text).trim()
    const priority = change.priority === undefined ? item.priority : change.priority
    if (text === before.text && priority === before.priority) return true
    item.text = text
    item.priority = priority
    this.#start()
    try {
      const saved = await this.backend.updateSwotItem(id, { quadrant: item.quadrant, text, priority })
      const current = this.#find(side, id)
      if (current) {
        current.text = saved.text
        current.priority = saved.priority
        current.updated_at = saved.updated_at
      }
      this.setError(key, null)
      return true
    } catch (e) {
      const current = this.#find(side, id)
      if (current) {
        current.text = before.text
        current.priority = before.priority
      }
      this.setError(key, errorMessage(e))
      return false
    } finally {
      this.#done()
    }
  }

  /** Moves an item to `index` of `quadrant` (same side); keeps the focus on it if `focus`. */
  async move(side: Side, id: string, quadrant: Quadrant, index: number, focus = false): Promise<boolean> {
    const item = this.#find(side, id)
    if (!item || id.startsWith('pending-')) return false
    const from = { quadrant: item.quadrant, index: this.groups[side][item.quadrant].findIndex((i) => i.id === id) }
    const size = this.groups[side][quadrant].length - (quadrant === item.quadrant ? 1 : 0)
    const to = Math.max(0, Math.min(index, size))
    if (from.quadrant === quadrant && from.index === to) return true
    this.#setItems(side, applyMove(this.#items(side), id, quadrant, to))
    if (focus) void this.focusItem(id)
    this.#start()
    try {
      const view = await this.backend.moveSwotItem(id, quadrant, to)
      if (this.#pending === 1 && this.views[side]?.snapshot.id === view.snapshot.id) this.views[side] = view
      this.setError(this.errorKey(side, quadrant), null)
      return true
    } catch (e) {
      this.#setItems(side, applyMove(this.#items(side), id, from.quadrant, from.index))
      this.setError(this.errorKey(side, from.quadrant), errorMessage(e))
      if (focus) void this.focusItem(id)
      return false
    } finally {
      this.#done()
    }
  }

  /** Moves an item to the trash, with Undo. */
  async remove(side: Side, id: string): Promise<boolean> {
    const item = this.#find(side, id)
    if (!item || id.startsWith('pending-')) return false
    const index = this.groups[side][item.quadrant].findIndex((i) => i.id === id)
    const saved = { ...item }
    this.#setItems(side, withoutItem(this.#items(side), id))
    this.#start()
    try {
      await this.backend.moveToTrash('swot_item', id)
      this.undo?.show('Item deleted', () => this.backend.restoreFromTrash('swot_item', id).then(() => this.refresh()))
      return true
    } catch (e) {
      this.#setItems(side, applyMove([...this.#items(side), saved], id, saved.quadrant, index))
      this.setError(this.errorKey(side, saved.quadrant), errorMessage(e))
      return false
    } finally {
      this.#done()
    }
  }

  /** Marks two items (one per side) as the same thing; `otherId` null unlinks `id`. */
  async link(id: string, otherId: string | null): Promise<boolean> {
    const before = this.shared
    if (otherId === null) {
      this.shared = this.shared.filter((p) => p.mine !== id && p.partner !== id)
    } else {
      const mineSide = this.#find('mine', id) !== undefined
      const [mine, partner] = mineSide ? [id, otherId] : [otherId, id]
      this.shared = [...this.shared.filter((p) => p.mine !== mine && p.partner !== partner), { mine, partner, by: 'linked' }]
    }
    this.#start()
    try {
      await this.backend.linkSwotItems(id, otherId)
      this.setError('board', null)
      return true
    } catch (e) {
      this.shared = before
      this.setError('board', errorMessage(e))
      return false
    } finally {
      this.#done()
    }
  }

  /**
   * "Not the same" on an automatic pair (mine, my partner's): the core no longer pairs the
   * two for their wording (either may then pair with another item), with Undo.
   */
  async dismissPair(mine: string, partner: string): Promise<boolean> {
    const before = this.shared
    this.shared = this.shared.filter((p) => p.mine !== mine && p.partner !== partner)
    this.#start()
    try {
      await this.backend.dismissSwotPair(mine, partner)
      this.setError('board', null)
      this.undo?.show('Marked as not the same', () => this.backend.restoreSwotPair(mine, partner).then(() => this.refresh()))
      return true
    } catch (e) {
      this.shared = before
      this.setError('board', errorMessage(e))
      return false
    } finally {
      this.#done()
    }
  }

  /** Starts a new snapshot of one side (copying its latest forward) and shows it. */
  async startSnapshot(side: Side, takenOn: string, reason: string, visibility: Visibility | null = null): Promise<void> {
    const view = await this.backend.startSnapshot(this.partnershipId, side, takenOn, reason, visibility)
    this.chosen[side] = view.snapshot.id
    this.views[side] = view
    await this.load()
  }

  /** `visibility` null: left as it is. */
  async updateSnapshot(id: string, takenOn: string, reason: string, visibility: Visibility | null = null): Promise<void> {
    await this.backend.updateSnapshot(id, takenOn, reason, visibility)
    await this.load()
  }

  /** Focuses an item's text button once the DOM shows it where it now is. */
  async focusItem(id: string): Promise<void> {
    await tick()
    const row = [...document.querySelectorAll<HTMLElement>('[data-item-id]')].find((el) => el.dataset.itemId === id)
    row?.querySelector<HTMLElement>('.item-text')?.focus()
  }

  /** The neighbouring quadrant (in S, W, O, T order), or null at the ends. */
  static nextQuadrant(quadrant: Quadrant, step: 1 | -1): Quadrant | null {
    const i = QUADRANTS.indexOf(quadrant) + step
    return i >= 0 && i < QUADRANTS.length ? QUADRANTS[i] : null
  }
}
