/**
 * The selected redaction in full, under the list: where it is, what the engine saw, its grounds in
 * plain words, the decision buttons (each naming its key) and the note. The note saves on Enter or
 * when the field loses focus; Shift+Enter is a new line, Escape puts the stored note back.
 */
import { findGround } from '@core/grounds/catalogue'
import { familyOf } from '@core/review/reviewItems'
import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from 'react'
import type { RedactionRow } from '../../db/rows'
import { FAMILY_WORDS } from './families'

export interface RedactionDetailHandle {
  focusNote(): void
}

const KIND_WORDS: Record<RedactionRow['kind'], string> = {
  black: 'Black box',
  white: 'White box',
  grey: 'Grey box',
  colour: 'Coloured box',
  page: 'Page withheld in full',
  annotation: 'Unapplied redaction mark'
}

export interface RedactionDetailProps {
  row: RedactionRow
  ordinal: number
  total: number
  onAccept(): void
  onDispute(): void
  onUnreview(): void
  onPickGrounds(): void
  onDelete(): void
  onSaveNote(note: string): void
  /** Where focus goes after the note is saved or abandoned, so the review keys work again. */
  onDoneEditing(): void
}

export const RedactionDetail = forwardRef<RedactionDetailHandle, RedactionDetailProps>(
  function RedactionDetail(props, ref) {
    const { row } = props
    const [draft, setDraft] = useState(row.note)
    const noteRef = useRef<HTMLTextAreaElement>(null)
    // The stored note changed (undo, another action): show it unless the reviewer is typing.
    useEffect(() => {
      if (document.activeElement !== noteRef.current) setDraft(row.note)
    }, [row.note, row.id])
    useImperativeHandle(ref, () => ({ focusNote: () => noteRef.current?.focus() }), [])

    const save = (): void => {
      if (draft.trim() !== row.note) props.onSaveNote(draft)
    }
    const family = familyOf(row.grounds)
    return (
      <section className="review-detail" aria-label="Selected redaction" data-testid="review-detail">
        <header className="review-detail-head">
          <span>
            Redaction {props.ordinal} of {props.total} · page {row.pageIndex + 1}
          </span>
          <span className={`review-badge review-badge-${row.status}`} data-testid="review-status">
            {row.status === 'unreviewed' ? 'To do' : row.status === 'accepted' ? 'Accepted' : 'Disputed'}
          </span>
        </header>
        <p className="review-detail-facts">
          {KIND_WORDS[row.kind]}
          {row.origin === 'detected'
            ? ` · found by Withheld (${Math.round(row.confidence * 100)} %)`
            : ' · drawn by you'}
          {row.label ? (
            <>
              {' '}
              · printed <q>{row.label}</q>
            </>
          ) : null}
        </p>
        {row.leak ? (
          <p className="review-detail-leak" role="note">
            ⚠&#xFE0E;{' '}
            {row.leak.kind === 'image-under-box'
              ? `The page image under this box still shows what it covers (${row.leak.chars} ink marks).`
              : `${row.leak.chars} characters can still be read from under this box.`}
          </p>
        ) : null}
        <div className={`review-detail-grounds family-${family}`}>
          <div className="review-detail-grounds-title">
            Grounds <span>{FAMILY_WORDS[family]}</span>
          </div>
          {row.grounds.length === 0 ? <p className="review-muted">None yet. Press G to choose.</p> : null}
          <ul data-testid="review-grounds">
            {row.grounds.map((code) => {
              const ground = findGround(code)
              return (
                <li key={code} title={ground?.meaning}>
                  <strong>{code}</strong> {ground?.label ?? 'Custom ground'}
                </li>
              )
            })}
          </ul>
        </div>
        <div className="review-actions">
          <button
            type="button"
            className="button button-small"
            onClick={props.onAccept}
            data-testid="review-accept"
          >
            Accept <kbd>A</kbd>
          </button>
          <button
            type="button"
            className="button button-small"
            onClick={props.onDispute}
            data-testid="review-dispute"
          >
            Dispute <kbd>D</kbd>
          </button>
          <button type="button" className="button button-small" onClick={props.onPickGrounds}>
            Grounds <kbd>G</kbd>
          </button>
        </div>
        <div className="review-actions-secondary">
          {row.status !== 'unreviewed' ? (
            <button type="button" className="button button-small button-quiet" onClick={props.onUnreview}>
              Mark unreviewed <kbd>U</kbd>
            </button>
          ) : null}
          <button
            type="button"
            className="button button-small button-quiet review-delete"
            onClick={props.onDelete}
          >
            Delete box <kbd>Del</kbd>
          </button>
        </div>
        <label className="review-note">
          <span>
            Note <kbd>E</kbd>
          </span>
          <textarea
            ref={noteRef}
            value={draft}
            rows={2}
            placeholder={row.status === 'disputed' ? 'Why do you dispute it?' : 'Your note on this redaction'}
            data-testid="review-note"
            onChange={(e) => setDraft(e.target.value)}
            onBlur={save}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.shiftKey) {
                e.preventDefault()
                save()
                props.onDoneEditing()
              } else if (e.key === 'Escape') {
                e.preventDefault()
                e.stopPropagation()
                setDraft(row.note)
                props.onDoneEditing()
              }
            }}
          />
        </label>
      </section>
    )
  }
)
