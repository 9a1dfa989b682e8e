import { Channel, invoke } from '@tauri-apps/api/core'
import { open, save } from '@tauri-apps/plugin-dialog'
import { openPath, revealItemInDir } from '@tauri-apps/plugin-opener'
import { commandClient } from '../generated/commands'
import type { Progress } from '../generated/types'
import { FirstScreenAnswers } from './firstScreen'
import { BUNDLE_EXTENSION, INVITE_EXTENSION, toBackendError, type Backend } from './types'

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args)
  } catch (err) {
    throw toBackendError(err)
  }
}

/** Runs a plugin call, turning whatever it rejects with into a BackendError. */
async function plugin<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (err) {
    throw toBackendError(err)
  }
}

/**
 * The real backend: the generated client of the command table over Tauri's IPC, the first
 * screen the shell read while the window started (answered without IPC), and the calls
 * only the window has (the report's progress channel, native dialogs, the opener).
 */
export function tauriBackend(first: FirstScreenAnswers = FirstScreenAnswers.fromWindow()): Backend {
  const commands = commandClient((command, args) => call(command, args))
  return {
    ...commands,
    journalInfo: () => {
      const known = first.journalInfo()
      return known ? Promise.resolve(known) : commands.journalInfo()
    },
    checkJournal: () => {
      first.forget()
      return commands.checkJournal()
    },
    listPartnerships: () => {
      const known = first.listPartnerships()
      return known ? Promise.resolve(known) : commands.listPartnerships()
    },
    dashboard: (partnershipId) => {
      const known = first.dashboard(partnershipId)
      return known ? Promise.resolve(known) : commands.dashboard(partnershipId)
    },

    exportReport: (options, path, onProgress) => {
      // The handler is set before the channel is sent: messages are not replayed.
      const channel = new Channel<Progress>()
      channel.onmessage = onProgress
      return call('export_report', { options, path, on_progress: channel })
    },
    chooseReportPath: (defaultName) =>
      plugin(() => save({ defaultPath: defaultName, filters: [{ name: 'PDF', extensions: ['pdf'] }] })),
    chooseBackupPath: (defaultName) =>
      plugin(() => save({ defaultPath: defaultName, filters: [{ name: 'Tandem journal', extensions: ['sqlite3'] }] })),
    openPath: (path) => plugin(() => openPath(path)),
    revealPath: (path) => plugin(() => revealItemInDir(path)),
    chooseJournalFile: () =>
      plugin(() =>
        open({
          multiple: false,
          directory: false,
          filters: [{ name: 'Tandem journal', extensions: ['sqlite3', 'sqlite', 'db'] }],
        }),
      ),
    chooseBundleSavePath: (defaultName) =>
      plugin(() => save({ defaultPath: defaultName, filters: [{ name: 'Tandem bundle', extensions: [BUNDLE_EXTENSION] }] })),
    chooseBundleFile: () =>
      plugin(() =>
        open({
          multiple: false,
          directory: false,
          filters: [
            { name: 'Tandem bundle', extensions: [BUNDLE_EXTENSION] },
            { name: 'All files', extensions: ['*'] },
          ],
        }),
      ),
    chooseInviteSavePath: (defaultName) =>
      plugin(() => save({ defaultPath: defaultName, filters: [{ name: 'Tandem invite', extensions: [INVITE_EXTENSION] }] })),
    chooseInviteFile: () =>
      plugin(() =>
        open({
          multiple: false,
          directory: false,
          filters: [
            { name: 'Tandem invite', extensions: [INVITE_EXTENSION] },
            { name: 'All files', extensions: ['*'] },
          ],
        }),
      ),
  }
}
