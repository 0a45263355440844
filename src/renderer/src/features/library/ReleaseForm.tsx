/** Create or edit a release: the OIA/FOIA response a set of documents came in. */
import { useState } from 'react'
import type { ReleaseRow } from '../../db/rows'
import { Dialog } from '../../ui/Dialog'
import { EMPTY_RELEASE_FIELDS, type ReleaseFields } from './actions'

export interface ReleaseFormProps {
  /** The release to edit, or null to create one. */
  readonly release: ReleaseRow | null
  readonly onSave: (fields: ReleaseFields) => void
  readonly onCancel: () => void
}

export function ReleaseForm({ release, onSave, onCancel }: ReleaseFormProps): React.JSX.Element {
  const [fields, setFields] = useState<ReleaseFields>(() =>
    release
      ? {
          name: release.name,
          agency: release.agency,
          requestRef: release.requestRef,
          requestDate: release.requestDate,
          responseDate: release.responseDate,
          notes: release.notes
        }
      : EMPTY_RELEASE_FIELDS
  )
  const set =
    (key: keyof ReleaseFields) =>
    (event: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>): void =>
      setFields((f) => ({ ...f, [key]: event.target.value }))
  const canSave = fields.name.trim() !== ''
  return (
    <Dialog
      title={release ? 'Edit release' : 'New release'}
      onClose={onCancel}
      onSubmit={() => canSave && onSave(fields)}
      testId="release-form"
      actions={
        <>
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={!canSave}>
            {release ? 'Save' : 'Create release'}
          </button>
        </>
      }
    >
      <div className="form-grid">
        <label className="field field-wide">
          <span>Name</span>
          <input
            value={fields.name}
            onChange={set('name')}
            required
            autoFocus
            placeholder="e.g. MBIE OIA 2026-0412"
          />
        </label>
        <label className="field">
          <span>Agency</span>
          <input value={fields.agency} onChange={set('agency')} placeholder="Who responded" />
        </label>
        <label className="field">
          <span>Request reference</span>
          <input
            value={fields.requestRef}
            onChange={set('requestRef')}
            placeholder="The agency’s reference"
          />
        </label>
        <label className="field">
          <span>Request date</span>
          <input type="date" value={fields.requestDate} onChange={set('requestDate')} />
        </label>
        <label className="field">
          <span>Response date</span>
          <input type="date" value={fields.responseDate} onChange={set('responseDate')} />
        </label>
        <label className="field field-wide">
          <span>Notes</span>
          <textarea value={fields.notes} onChange={set('notes')} rows={3} />
        </label>
      </div>
    </Dialog>
  )
}
