/**
 * The backup side of the e2e `window.api`: main's real backup service (src/main/backupService.ts over
 * src/node/backupStore.ts) writing into the test profile's folder, as Electron writes into userData,
 * with the save/open dialogs answered from a queue. Bytes cross the page binding as base64.
 */
import type { BackupFacts, BackupTarget, RestoreSource, WorkspaceMarker } from '../../../src/shared/ipc'
import { WORKSPACE_SCHEMA_VERSION } from '../../../src/core/backup/format'
import { createBackupService } from '../../../src/main/backupService'
import { createBackupStore } from '../../../src/node/backupStore'

export interface BackupBridge {
  /** The next backup save or restore open dialog returns this path (null: cancelled). */
  queueDialog(path: string | null): void
  /** Handles a `window.api` backup method; undefined when `method` is not one of them. */
  call(method: string, arg: unknown): Promise<unknown> | undefined
  /** How often the page answered `backup:before-close`. */
  readonly closeReadyCount: number
  /** Resolves when the page's answer number `count` has arrived (at once if it already has). */
  closeReadyReached(count: number): Promise<void>
  dispose(): Promise<void>
}

export function createBackupBridge(userDataDir: string): BackupBridge {
  const dialogs: (string | null)[] = []
  const next = async (): Promise<string | null> => dialogs.shift() ?? null
  const store = createBackupStore({ userDataDir, maxSchemaVersion: WORKSPACE_SCHEMA_VERSION })
  const service = createBackupService(store, { chooseSavePath: next, chooseOpenPath: next })
  let closeReadyCount = 0
  const closeWaiters: { count: number; resolve: () => void }[] = []
  const args = (arg: unknown): unknown[] => arg as unknown[]
  const fromBase64 = (text: unknown): Uint8Array => new Uint8Array(Buffer.from(text as string, 'base64'))

  const methods: Record<string, (arg: unknown) => Promise<unknown>> = {
    beginBackup: (arg) => service.begin(arg as BackupTarget),
    writeBackup: (arg) => service.write(args(arg)[0] as string, fromBase64(args(arg)[1])),
    finishBackup: (arg) => service.finish(args(arg)[0] as string, args(arg)[1] as BackupFacts),
    abortBackup: (arg) => service.abort(arg as string),
    listBackups: () => service.list(),
    openRestore: (arg) => service.openRestore(arg as RestoreSource),
    readRestore: async (arg) => {
      const chunk = await service.readRestore(arg as string)
      return { ...chunk, bytes: Buffer.from(chunk.bytes).toString('base64') }
    },
    closeRestore: (arg) => service.closeRestore(arg as string),
    readWorkspaceMarker: () => service.readMarker(),
    writeWorkspaceMarker: (arg) => service.writeMarker(arg as WorkspaceMarker),
    closeReady: async () => {
      closeReadyCount++
      for (const waiter of closeWaiters.filter((w) => w.count <= closeReadyCount)) {
        closeWaiters.splice(closeWaiters.indexOf(waiter), 1)
        waiter.resolve()
      }
    }
  }

  return {
    queueDialog: (path) => void dialogs.push(path),
    call: (method, arg) => methods[method]?.(arg),
    get closeReadyCount() {
      return closeReadyCount
    },
    closeReadyReached: (count) =>
      count <= closeReadyCount
        ? Promise.resolve()
        : new Promise<void>((resolve) => void closeWaiters.push({ count, resolve })),
    dispose: () => service.dispose()
  }
}
