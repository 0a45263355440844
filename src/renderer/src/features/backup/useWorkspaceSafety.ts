/**
 * The workspace-safety controller behind File › Back up workspace… / Restore workspace…, the rolling
 * automatic backups and the silent-reset check. At start it compares the marker main keeps with the
 * database as opened (core/backup/marker.ts looksReset); a suspected reset suspends automatic backups
 * and offers the newest backup that has documents in it. A restore first saves the current workspace
 * as a 'before-restore' backup; if that fails nothing is restored. After a restore the window reloads,
 * so every view, query and queue starts from the restored data.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import { looksReset, type WorkspaceMarker } from '@core/backup/marker'
import type { MenuCommand, StoredBackup } from '@shared/ipc'
import { withheld } from '../../db/db'
import { formatBytes, plural } from '../../ui/format'
import { useToasts } from '../../ui/toasts'
import { AutoBackup } from './autoBackup'
import { databaseInstanceId } from './instance'
import {
  type BackupProgress,
  readWorkspaceBackup,
  replaceWorkspace,
  RestoreError,
  writeWorkspaceBackup,
  type OpenedBackup
} from './workspaceBackup'

/** A notice that survives the reload after a restore (sessionStorage: this window only). */
const RESTORED_NOTICE_KEY = 'withheld.restoredNotice'
/** App keeps the open document here for a reload; a restore may have removed it. */
export const OPEN_DOCUMENT_KEY = 'withheld.openDocumentId'

export interface ResetSuspicion {
  readonly marker: WorkspaceMarker
  /** The newest backup with documents in it, or null when there is none. */
  readonly offer: StoredBackup | null
}

export interface PendingRestore {
  readonly opened: OpenedBackup
  readonly currentDocuments: number
}

export const formatWhen = (iso: string): string =>
  new Date(iso).toLocaleString(undefined, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit'
  })

export const describeCounts = (counts: Readonly<Record<string, number>>): string =>
  `${plural(counts['documents'] ?? 0, 'document')}, ${plural(counts['redactions'] ?? 0, 'redaction')}`

export function useWorkspaceSafety() {
  const toasts = useToasts()
  const auto = useRef<AutoBackup | null>(null)
  const [reset, setReset] = useState<ResetSuspicion | null>(null)
  const [busy, setBusy] = useState<string | null>(null)
  const [pending, setPending] = useState<PendingRestore | null>(null)
  const busyRef = useRef(false)

  useEffect(() => {
    let active = true
    let started: AutoBackup | null = null
    const notice = sessionStorage.getItem(RESTORED_NOTICE_KEY)
    if (notice) {
      sessionStorage.removeItem(RESTORED_NOTICE_KEY)
      toasts.info(notice)
    }
    void (async () => {
      const [marker, documentCount, backups] = await Promise.all([
        window.api.readWorkspaceMarker(),
        withheld.documents.count(),
        window.api.listBackups()
      ])
      if (!active) return
      const instanceId = databaseInstanceId()
      const lastAuto = backups.find((b) => b.kind === 'automatic')
      started = new AutoBackup({
        db: withheld,
        api: window.api,
        instanceId,
        lastBackupMs: lastAuto ? Date.parse(lastAuto.createdAt) : null,
        onBackup: (result) => {
          if (!result.ok) toasts.error(`Automatic backup failed. ${result.message}`)
        }
      })
      auto.current = started
      started.start()
      if (marker && looksReset(marker, { documentCount, instanceId })) {
        started.setSuspended(true)
        setReset({ marker, offer: backups.find((b) => (b.counts['documents'] ?? 0) > 0) ?? null })
      } else {
        await started.writeMarker()
      }
    })().catch((error: unknown) => toasts.error(`Backups are not working: ${String(error)}`))
    const offClose = window.api.onBeforeClose(() => {
      if (started) void started.beforeClose()
      else void window.api.closeReady()
    })
    return () => {
      active = false
      offClose()
      started?.stop()
      auto.current = null
    }
  }, [toasts])

  /** "Backing up your workspace… 120 MB of 500 MB", at most a few updates a second. */
  const progress = useCallback((label: string) => {
    let shownMs = 0
    return ({ bytes, totalBytes }: BackupProgress) => {
      const now = Date.now()
      if (now - shownMs < 250 || totalBytes < 8 * 1024 * 1024) return
      shownMs = now
      setBusy(`${label} ${formatBytes(bytes)} of ${formatBytes(totalBytes)}`)
    }
  }, [])

  const run = useCallback(async (label: string, work: () => Promise<void>) => {
    if (busyRef.current) return
    busyRef.current = true
    setBusy(label)
    try {
      await work()
    } finally {
      busyRef.current = false
      setBusy(null)
    }
  }, [])

  const backUp = useCallback(
    () =>
      run('Backing up your workspace…', async () => {
        const saved = await writeWorkspaceBackup(
          withheld,
          'choose-file',
          window.api,
          progress('Backing up your workspace…')
        ).catch((error: unknown) => ({ ok: false, message: String(error) }) as const)
        if (!saved) return
        if (saved.ok)
          toasts.info(`Workspace backed up to “${saved.fileName}” (${formatBytes(saved.byteSize)}).`)
        else toasts.error(saved.message)
      }),
    [progress, run, toasts]
  )

  const restore = useCallback(
    (opened: OpenedBackup) =>
      run('Restoring your workspace…', async () => {
        setPending(null)
        auto.current?.setSuspended(true)
        try {
          const safety = await writeWorkspaceBackup(
            withheld,
            'before-restore',
            window.api,
            progress('Saving your current workspace first…')
          )
          if (!safety?.ok) {
            await window.api.closeRestore(opened.readId)
            throw new RestoreError(
              `Nothing was restored: your current workspace could not be saved first. ${safety?.message ?? ''}`
            )
          }
          const decoded = await readWorkspaceBackup(opened, window.api, progress('Reading the backup…'))
          setBusy('Restoring your workspace…')
          await replaceWorkspace(withheld, decoded)
          await window.api.writeWorkspaceMarker({
            documentCount: await withheld.documents.count(),
            instanceId: databaseInstanceId(),
            updatedAt: new Date().toISOString()
          })
          sessionStorage.setItem(
            RESTORED_NOTICE_KEY,
            `Workspace restored from the backup of ${formatWhen(opened.createdAt)}: ${describeCounts(opened.counts)}. ` +
              'The workspace it replaced was backed up first.'
          )
          localStorage.removeItem(OPEN_DOCUMENT_KEY)
          window.location.reload()
        } catch (error) {
          toasts.error(error instanceof Error ? error.message : String(error))
          auto.current?.setSuspended(reset !== null)
        }
      }),
    [progress, reset, run, toasts]
  )

  const chooseRestore = useCallback(
    () =>
      run('Checking the backup…', async () => {
        const opened = await window.api.openRestore({ kind: 'choose-file' })
        if (!opened) return
        if (!opened.ok) {
          toasts.error(opened.message)
          return
        }
        setPending({ opened, currentDocuments: await withheld.documents.count() })
      }),
    [run, toasts]
  )

  const cancelRestore = useCallback(() => {
    if (pending) void window.api.closeRestore(pending.opened.readId)
    setPending(null)
  }, [pending])

  const restoreOffered = useCallback(async () => {
    if (!reset?.offer) return
    const opened = await window.api.openRestore({ kind: 'stored', fileName: reset.offer.fileName })
    if (!opened?.ok) {
      toasts.error(opened?.message ?? 'The backup could not be opened.')
      return
    }
    await restore(opened)
  }, [reset, restore, toasts])

  const dismissReset = useCallback(() => {
    setReset(null)
    auto.current?.setSuspended(false)
  }, [])

  useEffect(
    () =>
      window.api.onMenuCommand((command: MenuCommand) => {
        if (command === 'backup-workspace') void backUp()
        else if (command === 'restore-workspace') void chooseRestore()
      }),
    [backUp, chooseRestore]
  )

  return { reset, busy, pending, restore, cancelRestore, restoreOffered, dismissReset }
}
