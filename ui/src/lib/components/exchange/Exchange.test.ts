// Partner exchange's screens on the real core: this test's journal is one partner, and the
// other partner's journal is a file of the test's own, driven with the command line
// (`tandem --db OTHER accept/share/receive`), as a person on another computer would.
import { fireEvent, screen, waitFor, within } from '@testing-library/svelte'
import { describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { FakeBackend } from '../../../test/backend'
import { partnershipDraft, renderApp, sessionDraft, settle } from '../../../test/helpers'

const CLI = process.env.TANDEM_CLI ?? fileURLToPath(new URL('../../../../../target/debug/tandem', import.meta.url))
const MARKER = 'PRIVMARK-ui-7c1e'

/** The other partner's journal, on "their computer". */
function otherJournal() {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-partner-'))
  const db = join(dir, 'journal.sqlite3')
  const run = (...args: string[]) => execFileSync(CLI, ['--db', db, ...args], { encoding: 'utf8' })
  return { dir, db, run }
}

/** My journal: Zoë's partnership, with a shared session and a private one holding the marker. */
async function mine(backend = new FakeBackend()) {
  const p = await backend.core.createPartnership(partnershipDraft({ partner_name: 'Zoë Okafor', my_name: 'Margaret' }))
  await backend.core.createSession(
    p.id,
    sessionDraft({ title: 'Shared with Zoë', notes: 'Notes Zoë may read.', visibility: 'shared', reflection: `${MARKER} reflection` }),
  )
  await backend.core.createSession(
    p.id,
    sessionDraft({ held_at: '2026-03-17T16:15:00', title: `${MARKER} title`, notes: `${MARKER} notes`, visibility: 'private' }),
  )
  return { backend, partnershipId: p.id }
}

async function openExchange() {
  await fireEvent.click(await screen.findByRole('tab', { name: 'Exchange' }))
  return screen.findByTestId('exchange')
}

/** Pairs my journal with the other one through the core (invite, their accept, their answer imported). */
async function pair(backend: FakeBackend, partnershipId: string) {
  const other = otherJournal()
  const out = await backend.core.invitePartner(partnershipId)
  const inviteFile = join(other.dir, 'invite.tandem-invite')
  writeFileSync(inviteFile, out.text)
  const answer = join(other.dir, 'answer.tandem')
  const printed = other.run('accept', inviteFile, '--out', answer)
  await backend.core.receiveBundle(answer)
  return { other, words: fingerprintOf(printed) }
}

function fingerprintOf(printed: string): string[] {
  const line = printed.split('\n').find((l) => l.startsWith('Fingerprint: '))
  if (!line) throw new Error(`no fingerprint in: ${printed}`)
  return line.slice('Fingerprint: '.length).trim().split(/\s+/)
}

describe('Exchange with the partner', () => {
  it('invites: explains, makes the invite, saves it; the partner’s answer pairs the link, and it can be verified', async () => {
    const { backend } = await mine()
    renderApp(backend)
    const panel = await openExchange()
    expect(await within(panel).findByTestId('link-state')).toHaveTextContent('Not paired')
    expect(panel).toHaveTextContent('There is no server and no account')
    expect(panel).toHaveTextContent('only what you marked shared is in it')

    await fireEvent.click(within(panel).getByTestId('invite-partner'))
    const dialog = await screen.findByTestId('invite-dialog')
    expect(dialog).toHaveAccessibleName('Invite Zoë Okafor to exchange')
    const text = await within(dialog).findByTestId('invite-text')
    expect((text as HTMLTextAreaElement).value).toMatch(/^-----BEGIN TANDEM INVITE-----/)
    await fireEvent.click(within(dialog).getByTestId('save-invite'))
    await within(dialog).findByTestId('invite-saved')
    expect(backend.saveNames).toEqual(['Tandem invite for Zoë Okafor.tandem-invite'])
    const file = `${await backend.folder()}/Tandem invite for Zoë Okafor.tandem-invite`
    expect(readFileSync(file, 'utf8')).toBe((text as HTMLTextAreaElement).value)
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Done' }))
    expect(within(panel).getByTestId('link-state')).toHaveTextContent('Invited · waiting for Zoë')

    // Shown again later: the same invite.
    await fireEvent.click(within(panel).getByTestId('show-invite'))
    const again = await screen.findByTestId('invite-dialog')
    await waitFor(() => expect((within(again).getByTestId('invite-text') as HTMLTextAreaElement).value).toBe(readFileSync(file, 'utf8')))
    await fireEvent.keyDown(window, { key: 'Escape' })

    // Zoë accepts on her computer; her answer comes back and is received through the dialog.
    const other = otherJournal()
    const answer = join(other.dir, 'answer.tandem')
    const words = fingerprintOf(other.run('accept', file, '--out', answer))
    backend.nextBundleFile = answer
    await fireEvent.click(within(panel).getByTestId('receive-bundle'))
    const receive = await screen.findByTestId('receive-dialog')
    await within(receive).findByTestId('receive-import')
    expect(receive).toHaveAccessibleName(/A bundle from Zoë Okafor/)
    expect(within(receive).getByTestId('receive-verified')).toHaveTextContent('Not verified')
    expect(within(receive).getByTestId('receive-first')).toHaveTextContent('first bundle')
    await fireEvent.click(within(receive).getByTestId('receive-import'))
    await waitFor(() => expect(screen.queryByTestId('receive-dialog')).toBeNull())

    await within(panel).findByTestId('fingerprint-words')
    expect(within(within(panel).getByTestId('fingerprint-words')).getAllByRole('listitem').map((li) => li.textContent)).toEqual(words)
    expect(within(panel).getByTestId('link-state')).toHaveTextContent('Paired · not verified')
    await fireEvent.click(within(panel).getByTestId('mark-verified'))
    await within(panel).findByTestId('verified-note')
    expect(within(panel).getByTestId('link-state')).toHaveTextContent('Paired · verified')
    expect((await backend.core.exchangeLink((await backend.core.listPartnerships())[0].partnership.id))?.verified_at).not.toBeNull()
  })

  it('shares: every kind expandable to its exact text, what is never included, what changed; the partner receives it', async () => {
    const { backend, partnershipId } = await mine()
    const { other } = await pair(backend, partnershipId)
    renderApp(backend)
    const panel = await openExchange()
    await fireEvent.click(await within(panel).findByTestId('share-with-partner'))
    const dialog = await screen.findByTestId('share-dialog')
    const kinds = await within(dialog).findByTestId('share-kinds')
    expect(kinds).toHaveTextContent('1 session')
    expect(kinds).toHaveTextContent('Shared with Zoë')
    expect(kinds).toHaveTextContent('Notes Zoë may read.')
    expect(dialog.textContent).not.toContain(MARKER)
    expect(within(dialog).getByTestId('share-never')).toHaveTextContent('Your reflections and your ratings')
    expect(within(dialog).getByTestId('share-never')).toHaveTextContent('your view of Zoë’s SWOT')
    expect(within(dialog).getByTestId('share-never')).toHaveTextContent('Anything in the trash')
    expect(dialog).toHaveTextContent('Your first bundle')

    await fireEvent.click(within(dialog).getByTestId('share-armour'))
    await fireEvent.click(within(dialog).getByTestId('share-save'))
    await within(dialog).findByTestId('share-saved')
    expect(dialog).toHaveAccessibleName('Send this file to Zoë')
    const name = backend.saveNames[0]
    expect(name).toMatch(/^Tandem – for Zoë Okafor – \d{4}-\d{2}-\d{2}\.tandem$/)
    const bundle = `${await backend.folder()}/${name}`
    const bytes = readFileSync(bundle)
    expect(bytes.toString('utf8')).toMatch(/^-----BEGIN AGE ENCRYPTED FILE-----/)
    expect(bytes.includes(MARKER)).toBe(false)
    const received = other.run('receive', bundle)
    expect(received).toMatch(/Bundle 1 from/)
    expect(received).not.toContain(MARKER)
    await fireEvent.click(within(dialog).getByTestId('share-done'))
    expect(within(panel).getByTestId('sent-state')).toHaveTextContent('Bundle 1')

    // The next share: nothing changed; then a change shows.
    await fireEvent.click(within(panel).getByTestId('share-with-partner'))
    const next = await screen.findByTestId('share-dialog')
    expect(await within(next).findByTestId('share-unchanged')).toHaveTextContent('Nothing changed')
    expect(next).toHaveTextContent('Since the last bundle (1)')
    await fireEvent.keyDown(window, { key: 'Escape' })
    await backend.core.createSession(partnershipId, sessionDraft({ held_at: '2026-04-01T10:00:00', title: 'Second shared', visibility: 'shared' }))
    await fireEvent.click(within(panel).getByTestId('share-with-partner'))
    const third = await screen.findByTestId('share-dialog')
    expect(await within(third).findByTestId('share-changes')).toHaveTextContent('Sessions: 1 new')
  })

  it('receives a bundle pasted as text: checked first, then imported; damaged text is refused with nothing written', async () => {
    const { backend, partnershipId } = await mine()
    const { other } = await pair(backend, partnershipId)
    const bundle = join(other.dir, 'pasted.tandem')
    other.run('share', '--partnership', 'Margaret', '--armour', '--out', bundle)
    const text = readFileSync(bundle, 'utf8')
    expect(text).toMatch(/^-----BEGIN AGE ENCRYPTED FILE-----/)

    renderApp(backend)
    const panel = await openExchange()
    // Damaged on the way: refused in the core's words, and pasting again is offered.
    await fireEvent.click(await within(panel).findByTestId('paste-bundle'))
    let dialog = await screen.findByTestId('receive-dialog')
    expect(within(dialog).getByTestId('receive-check')).toBeDisabled()
    await fireEvent.input(within(dialog).getByTestId('receive-paste'), { target: { value: text.slice(0, text.length / 2) } })
    await fireEvent.click(within(dialog).getByTestId('receive-check'))
    expect(await within(dialog).findByTestId('receive-problem')).not.toBeEmptyDOMElement()
    expect(dialog).toHaveTextContent('Nothing was written to your journal.')
    expect(within(panel).getByTestId('received-state')).toHaveTextContent('Bundle 1')
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Paste again' }))

    // The whole text, with the blank lines a chat adds around it.
    dialog = await screen.findByTestId('receive-dialog')
    await fireEvent.input(within(dialog).getByTestId('receive-paste'), { target: { value: `\n\n${text}\n\n` } })
    await fireEvent.click(within(dialog).getByTestId('receive-check'))
    expect(await within(dialog).findByTestId('receive-import')).toBeInTheDocument()
    expect(dialog).toHaveTextContent(/Bundle 2, shared on/)
    await fireEvent.click(within(dialog).getByTestId('receive-import'))
    await waitFor(() => expect(within(panel).getByTestId('received-state')).toHaveTextContent('Bundle 2'))
  })

  it('receives: the preview says what changes and what is asked of me; an older bundle is refused in the core’s words', async () => {
    const { backend, partnershipId } = await mine()
    const { other } = await pair(backend, partnershipId)
    // Zoë's journal (made by accepting) is the partnership with Margaret; she adds a shared session with an item for me.
    const theirs = JSON.parse(other.run('export-json')) as { partnerships: { id: string }[] }
    const doc = {
      format_version: 4,
      partnerships: [],
      sessions: [
        {
          id: '5e550001-1c2b-4a3d-8e4f-0a1b2c3d4e99',
          partnership_id: theirs.partnerships[0].id,
          held_at: '2026-03-20T10:00:00',
          duration_minutes: 30,
          format: 'video',
          place: '',
          title: 'Zoë’s session',
          agenda: '',
          notes: 'Her notes.',
          shared: '',
          learned: '',
          topics: [],
          rating: null,
          reflection: '',
          visibility: 'shared',
          created_at: '2026-03-20T11:00:00Z',
          updated_at: '2026-03-20T11:00:00Z',
        },
      ],
      action_items: [
        {
          id: '5e550001-1c2b-4a3d-8e4f-0a1b2c3d4e98',
          session_id: '5e550001-1c2b-4a3d-8e4f-0a1b2c3d4e99',
          position: 0,
          text: 'Send Zoë the negotiation checklist',
          owner: 'partner',
          due_on: '2026-04-03',
          done: false,
          created_at: '2026-03-20T11:00:00Z',
          updated_at: '2026-03-20T11:00:00Z',
        },
      ],
      goals: [],
      milestones: [],
      progress: [],
      swot_snapshots: [],
      swot_items: [],
      tows_strategies: [],
      swot_pair_dismissals: [],
    }
    writeFileSync(join(other.dir, 'more.json'), JSON.stringify(doc))
    other.run('import-json', join(other.dir, 'more.json'))
    const older = join(other.dir, 'older.tandem')
    const newer = join(other.dir, 'newer.tandem')
    other.run('share', '--partnership', 'Margaret', '--out', older)
    other.run('share', '--partnership', 'Margaret', '--out', newer)

    renderApp(backend)
    const panel = await openExchange()
    backend.nextBundleFile = newer
    await fireEvent.click(await within(panel).findByTestId('receive-bundle'))
    const dialog = await screen.findByTestId('receive-dialog')
    expect(await within(dialog).findByTestId('receive-changes')).toHaveTextContent('Sessions: 1 new')
    expect(within(dialog).getByTestId('receive-changes')).toHaveTextContent('Action items: 1 new')
    expect(within(dialog).getByTestId('receive-asked')).toHaveTextContent('Send Zoë the negotiation checklist')
    expect(dialog).toHaveTextContent(/Bundle 3, shared on/)
    await fireEvent.click(within(dialog).getByTestId('receive-import'))
    await within(panel).findByTestId('exchange-note')
    await waitFor(() => expect(within(panel).getByTestId('received-state')).toHaveTextContent('Bundle 3'))
    expect((await backend.core.partnerContent(partnershipId))?.sessions.map((s) => s.title)).toEqual(['Zoë’s session'])

    // The older one: refused before anything is written, in the core's words.
    backend.nextBundleFile = older
    await fireEvent.click(within(panel).getByTestId('receive-bundle'))
    const refused = await screen.findByTestId('receive-dialog')
    const problem = await within(refused).findByTestId('receive-problem')
    expect(problem.textContent).toMatch(/older/i)
    expect(refused).toHaveTextContent('Nothing was written to your journal.')
    expect(within(refused).queryByTestId('receive-import')).toBeNull()
    expect(within(panel).getByTestId('received-state')).toHaveTextContent('Bundle 3')

    // Cancelling the file dialog opens nothing.
    await fireEvent.keyDown(window, { key: 'Escape' })
    backend.nextBundleFile = null
    await fireEvent.click(within(panel).getByTestId('receive-bundle'))
    await settle()
    expect(screen.queryByTestId('receive-dialog')).toBeNull()
  })

  it('accepts an invite from the welcome screen: reads it first, then makes the partnership and saves the answer', async () => {
    const backend = new FakeBackend()
    const other = otherJournal()
    other.run('demo')
    const inviteFile = join(other.dir, 'henrik.tandem-invite')
    other.run('invite', '--partnership', 'Zoë Okafor', '--out', inviteFile)
    renderApp(backend)
    await fireEvent.click(await screen.findByTestId('welcome-accept-invite'))
    const dialog = await screen.findByTestId('accept-dialog')
    expect(dialog).toHaveAccessibleName('Accept an invite')

    // A damaged paste is refused in the core's words.
    await fireEvent.input(within(dialog).getByTestId('invite-paste'), { target: { value: 'hello\n-----BEGIN TANDEM INVITE-----\nnot base64!\n-----END TANDEM INVITE-----' } })
    await fireEvent.click(within(dialog).getByTestId('check-invite'))
    expect(await within(dialog).findByTestId('accept-problem')).toHaveTextContent(/damaged|base64/i)

    // The file, read and checked before anything is written.
    backend.nextInviteFile = inviteFile
    await fireEvent.click(within(dialog).getByTestId('open-invite-file'))
    const facts = await within(dialog).findByTestId('invite-preview')
    expect(facts).toHaveTextContent('Henrik Lindqvist')
    expect(facts).toHaveTextContent('KindReverse')
    expect(facts).toHaveTextContent('the mentor')
    expect(dialog).toHaveTextContent('This makes a new partnership with Henrik Lindqvist')
    expect(await backend.core.listPartnerships()).toEqual([])

    await fireEvent.click(within(dialog).getByTestId('accept-save'))
    await within(dialog).findByTestId('accept-saved')
    expect(dialog).toHaveAccessibleName('Send this file to Henrik')
    const answer = `${await backend.folder()}/${backend.saveNames[0]}`
    expect(existsSync(answer)).toBe(true)
    const words = within(within(dialog).getByTestId('accept-words')).getAllByRole('listitem').map((li) => li.textContent)
    expect(words).toHaveLength(6)
    await fireEvent.click(within(dialog).getByTestId('accept-done'))

    // The new partnership, prefilled, open on its Exchange tab: paired.
    expect(await screen.findByRole('heading', { level: 1, name: 'Henrik Lindqvist' })).toBeInTheDocument()
    const panel = await screen.findByTestId('exchange')
    expect(await within(panel).findByTestId('fingerprint-words')).toBeInTheDocument()
    const [overview] = await backend.core.listPartnerships()
    expect(overview.partnership.my_role).toBe('mentor')
    // Henrik's computer takes the answer, and shows the same words.
    const printed = other.run('receive', answer)
    expect(printed).toMatch(/Bundle 1 from/)
  })

  it('unpairs: says plainly what stays with the partner, and removes their content only when asked', async () => {
    const { backend, partnershipId } = await mine()
    const { other } = await pair(backend, partnershipId)
    const later = join(other.dir, 'later.tandem')
    other.run('share', '--partnership', 'Margaret', '--out', later)
    await backend.core.receiveBundle(later)
    expect(await backend.core.partnerContent(partnershipId)).not.toBeNull()
    renderApp(backend)
    const panel = await openExchange()
    await fireEvent.click(await within(panel).findByTestId('unpair'))
    const dialog = await screen.findByTestId('unpair-dialog')
    expect(dialog).toHaveAccessibleName('Unpair from Zoë?')
    expect(dialog).toHaveTextContent('What you already sent stays with Zoë: Tandem can’t take it back')
    const remove = within(dialog).getByRole('checkbox', { name: 'Also remove Zoë’s content from this journal' })
    expect(remove).not.toBeChecked()
    await fireEvent.click(remove)
    await fireEvent.click(within(dialog).getByTestId('unpair-confirm'))
    await waitFor(() => expect(within(panel).getByTestId('link-state')).toHaveTextContent('Not paired'))
    expect(await backend.core.exchangeLink(partnershipId)).toBeNull()
    expect(await backend.core.partnerContent(partnershipId)).toBeNull()
  })
})
