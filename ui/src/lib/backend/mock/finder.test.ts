import { describe, expect, it } from 'vitest'
import { partnershipDraft, sessionDraft } from '../../../test/helpers'
import type { ActionItem, Goal, Milestone, SearchHit, SwotItem, SwotSnapshot, TextSpan } from '../../generated/types'
import { MockBackend } from '../mock'
import { fold, snippetOf } from './finder'

const STAMP = '2026-03-01T09:00:00Z'

/** A journal with one of every searchable kind, written straight into the mock's tables. */
async function journal() {
  const b = new MockBackend()
  const p = await b.createPartnership(partnershipDraft({ partner_name: 'Zoë Okafor' }))
  const other = await b.createPartnership(partnershipDraft({ partner_name: 'Ben Ito' }))
  const s = await b.createSession(
    p.id,
    sessionDraft({
      title: 'Prompting for real work',
      held_at: '2026-02-26T16:15:00',
      notes: 'Zoë showed me how she drafts reports with an assistant. Then we talked about the café downstairs.',
      learned: 'Keep prompts short and concrete.',
    }),
  )
  const action: ActionItem = {
    id: 'a-1',
    session_id: s.id,
    position: 0,
    text: 'Try one LinkedIn post a week',
    owner: 'me',
    due_on: '2026-03-10',
    done: false,
    created_at: STAMP,
    updated_at: STAMP,
  }
  b.db.actionItems.set(action.id, action)
  const goal: Goal = {
    id: 'g-1',
    partnership_id: p.id,
    title: 'Present to the board',
    description: 'Zoë wants to feel at ease in front of senior people.',
    whose: 'partners',
    direction: 'partner_learns',
    success_criteria: 'One quarterly review presented alone.',
    target_on: '2026-06-30',
    status: 'active',
    created_at: STAMP,
    updated_at: STAMP,
  }
  b.db.goals.set(goal.id, goal)
  const milestone: Milestone = {
    id: 'm-1',
    goal_id: goal.id,
    position: 0,
    title: 'Rehearse the slides with Margaret',
    due_on: '2026-04-01',
    done: false,
    created_at: STAMP,
    updated_at: STAMP,
  }
  b.db.milestones.set(milestone.id, milestone)
  const snapshot: SwotSnapshot = {
    id: 'snap-1',
    partnership_id: other.id,
    side: 'mine',
    taken_on: '2026-02-01',
    reason: '',
    created_at: STAMP,
    updated_at: STAMP,
  }
  b.db.snapshots.set(snapshot.id, snapshot)
  const item: SwotItem = {
    id: 'i-1',
    snapshot_id: snapshot.id,
    quadrant: 'strengths',
    position: 0,
    text: 'Patient listener',
    priority: null,
    origin_id: null,
    link_id: null,
    created_at: STAMP,
    updated_at: STAMP,
  }
  b.db.swotItems.set(item.id, item)
  return { b, p, other, s, action, goal, milestone, snapshot, item }
}

const text = (spans: TextSpan[]) => spans.map((s) => s.text).join('')
const hits = (spans: TextSpan[]) => spans.filter((s) => s.hit).map((s) => s.text)
const kinds = (list: SearchHit[]) => list.map((h) => h.kind).sort()

describe('MockFinder search', () => {
  it('finds every kind of thing, with what opens it', async () => {
    const { b, p, other, s, goal, snapshot } = await journal()

    const [session] = await b.search('assistant', 10)
    expect(session).toMatchObject({ kind: 'session', id: s.id, open_kind: 'session', open_id: s.id })
    expect(session).toMatchObject({ partnership_id: p.id, partner_name: 'Zoë Okafor', title: 'Prompting for real work', date: '2026-02-26' })
    expect(hits(session.snippet)).toEqual(['assistant'])

    const [action] = await b.search('linkedin', 10)
    expect(action).toMatchObject({ kind: 'action_item', id: 'a-1', open_kind: 'session', open_id: s.id, date: '2026-03-10' })
    expect(action.title).toBe('Prompting for real work')
    expect(text(action.snippet)).toBe('Try one LinkedIn post a week')

    const goalHits = await b.search('quarterly', 10)
    expect(goalHits).toHaveLength(1)
    expect(goalHits[0]).toMatchObject({ kind: 'goal', open_kind: 'goal', open_id: goal.id, date: '2026-06-30' })

    const [milestone] = await b.search('rehearse', 10)
    expect(milestone).toMatchObject({ kind: 'milestone', id: 'm-1', open_kind: 'goal', open_id: goal.id, title: 'Present to the board' })

    const [item] = await b.search('listener', 10)
    expect(item).toMatchObject({ kind: 'swot_item', open_kind: 'swot_snapshot', open_id: snapshot.id })
    expect(item).toMatchObject({ partnership_id: other.id, partner_name: 'Ben Ito', date: '2026-02-01' })
  })

  it('ignores case and diacritics both ways, and matches the start of words', async () => {
    const { b } = await journal()
    expect(kinds(await b.search('ZOE', 10))).toEqual(['goal', 'session'])
    expect(kinds(await b.search('cafe', 10))).toEqual(['session'])
    expect(kinds(await b.search('cáfé', 10))).toEqual(['session'])
    expect(hits((await b.search('cafe', 10))[0].snippet)).toEqual(['café'])
    expect(kinds(await b.search('rehe', 10))).toEqual(['milestone'])
    // A word inside another word is not a match.
    expect(await b.search('hearse', 10)).toEqual([])
  })

  it('needs every word of the query, and finds nothing for an empty query', async () => {
    const { b } = await journal()
    expect(kinds(await b.search('prompts concrete', 10))).toEqual(['session'])
    expect(await b.search('prompts banana', 10)).toEqual([])
    expect(await b.search('', 10)).toEqual([])
    expect(await b.search('  …!? ', 10)).toEqual([])
  })

  it('takes HTML- or SQL-looking queries and text as plain words', async () => {
    const { b, p } = await journal()
    await b.createSession(p.id, sessionDraft({ title: 'Odd', notes: "<img src=x onerror=alert(1)> '; DROP TABLE session; --" }))
    const [hit] = await b.search('<img onerror', 10)
    expect(hit.title).toBe('Odd')
    expect(text(hit.snippet)).toContain('<img src=x onerror=alert(1)>')
    expect(await b.search("'; DROP TABLE", 10)).toHaveLength(1)
  })

  it('respects the limit and ranks the better match first', async () => {
    const { b, p } = await journal()
    for (let i = 0; i < 5; i++) await b.createSession(p.id, sessionDraft({ title: `Feedback ${i}`, notes: 'feedback' }))
    await b.createSession(p.id, sessionDraft({ title: 'Once', notes: 'Some feedback' }))
    expect(await b.search('feedback', 3)).toHaveLength(3)
    const all = await b.search('feedback', 30)
    expect(all).toHaveLength(6)
    expect(all[all.length - 1].title).toBe('Once')
  })

  it('cuts a long text to a window around the first match', () => {
    const long = `${'word '.repeat(200)}needle ${'tail '.repeat(200)}`
    const spans = snippetOf(long, [fold('needle')])
    expect(hits(spans)).toEqual(['needle'])
    expect(text(spans).startsWith('…')).toBe(true)
    expect(text(spans).endsWith('…')).toBe(true)
    expect(text(spans).split(' ').length).toBeLessThan(40)
  })
})

describe('MockFinder trash', () => {
  it('hides a trashed thing from search until it is restored', async () => {
    const { b, s } = await journal()
    const entry = await b.moveToTrash('session', s.id)
    expect(entry).toMatchObject({ kind: 'session', id: s.id, label: 'Prompting for real work, 26 Feb 2026' })
    expect(entry.deleted_at).not.toBe('')
    expect(await b.search('assistant', 10)).toEqual([])
    // Its action items go with it.
    expect(await b.search('linkedin', 10)).toEqual([])
    expect(await b.listTrash()).toEqual([entry])
    await b.restoreFromTrash('session', s.id)
    expect(await b.search('assistant', 10)).toHaveLength(1)
    expect(await b.search('linkedin', 10)).toHaveLength(1)
    expect(await b.listTrash()).toEqual([])
  })

  it('hides the children of a trashed partnership or goal', async () => {
    const { b, p, other, goal } = await journal()
    await b.moveToTrash('goal', goal.id)
    expect(await b.search('rehearse', 10)).toEqual([])
    await b.moveToTrash('partnership', p.id)
    expect(await b.search('assistant', 10)).toEqual([])
    const trash = await b.listTrash()
    expect(trash.map((e) => e.kind)).toEqual(['partnership', 'goal'])
    expect(trash[0]).toMatchObject({ label: 'Zoë Okafor', partnership_id: p.id })
    expect(trash[1]).toMatchObject({ label: 'Present to the board', partnership_id: p.id })
    await b.moveToTrash('swot_snapshot', 'snap-1')
    expect(await b.search('listener', 10)).toEqual([])
    expect((await b.listTrash())[0]).toMatchObject({ kind: 'swot_snapshot', partnership_id: other.id })
  })

  it('empties the trash for good, with what hangs under it', async () => {
    const { b, p, s } = await journal()
    await b.moveToTrash('session', s.id)
    await b.moveToTrash('milestone', 'm-1')
    expect(await b.emptyTrash()).toBe(2)
    expect(b.sessions.has(s.id)).toBe(false)
    expect(b.db.actionItems.has('a-1')).toBe(false)
    expect(b.db.milestones.has('m-1')).toBe(false)
    expect(b.db.goals.has('g-1')).toBe(true)
    expect(b.partnerships.has(p.id)).toBe(true)
    expect(await b.listTrash()).toEqual([])
    expect(await b.emptyTrash()).toBe(0)
  })

  it('says so in a sentence when the thing does not exist', async () => {
    const b = new MockBackend()
    await expect(b.moveToTrash('goal', 'nope')).rejects.toMatchObject({ code: 'not_found', message: 'This goal no longer exists.' })
    await expect(b.restoreFromTrash('swot_item', 'nope')).rejects.toMatchObject({ message: 'This SWOT item no longer exists.' })
  })
})
