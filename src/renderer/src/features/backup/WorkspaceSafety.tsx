/**
 * What the user sees of workspace safety: the banner after a suspected silent reset, the restore
 * confirmation, and a busy line while a backup or restore runs. The work is in useWorkspaceSafety.
 */
import { formatBytes, plural } from '../../ui/format'
import { ConfirmDialog } from '../../ui/Dialog'
import { describeCounts, formatWhen, useWorkspaceSafety } from './useWorkspaceSafety'
import './backup.css'

export function WorkspaceSafety(): React.JSX.Element {
  const { reset, busy, pending, restore, cancelRestore, restoreOffered, dismissReset } = useWorkspaceSafety()
  return (
    <>
      {reset && (
        <div className="reset-banner" role="alert" data-testid="reset-banner">
          <p>
            <strong>Your workspace seems to have been reset.</strong> The library is empty, but it held{' '}
            {plural(reset.marker.documentCount, 'document')} when last used (
            {formatWhen(reset.marker.updatedAt)}).
            {reset.offer
              ? ` Restore from the backup of ${formatWhen(reset.offer.createdAt)} (${describeCounts(reset.offer.counts)})?`
              : ' No backup was found to restore from.'}
          </p>
          <div className="reset-banner-actions">
            {reset.offer && (
              <button
                type="button"
                className="button button-primary"
                onClick={() => void restoreOffered()}
                disabled={busy !== null}
                data-testid="reset-restore"
              >
                Restore
              </button>
            )}
            <button type="button" className="button" onClick={dismissReset} data-testid="reset-dismiss">
              Start with an empty library
            </button>
          </div>
        </div>
      )}
      {busy && (
        <div className="backup-busy" role="status" aria-live="polite" data-testid="backup-busy">
          {busy}
        </div>
      )}
      {pending && (
        <ConfirmDialog
          title="Restore workspace?"
          message={
            `Your workspace (${plural(pending.currentDocuments, 'document')}) will be replaced by the backup of ` +
            `${formatWhen(pending.opened.createdAt)}: ${describeCounts(pending.opened.counts)}, ` +
            `${formatBytes(pending.opened.byteSize)}. Your current workspace is saved as a backup first.`
          }
          confirmLabel="Replace workspace"
          onConfirm={() => void restore(pending.opened)}
          onCancel={cancelRestore}
        />
      )}
    </>
  )
}
