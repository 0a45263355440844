/**
 * Search across the release (Ctrl+F or /): the reviewer's notes, the labels printed on boxes, the
 * text of every page and the words OCR read on scanned pages (stored at analysis). Notes and scanned
 * words answer at once; page text is read document by document (pdf.js, cached per window) with
 * progress shown, and hits appear as each document is read. Arrow keys move through the results,
 * Enter opens the viewer at the hit: the words marked on the page, or the box selected.
 */
import { useLiveQuery } from 'dexie-react-hooks'
import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react'
import { withheld } from '../../db/db'
import type { DocumentRow, PageRow, PageWordsRow, RedactionRow } from '../../db/rows'
import type { ViewerTarget } from './navigation'
import { withoutHiddenText } from './hiddenText'
import { ocrSearchPages } from './ocrPages'
import { documentText, type DocumentText } from './pageText'
import { searchRelease, type SearchHit } from './searchRelease'
import './search.css'

const KIND_WORDS: Record<SearchHit['kind'], string> = {
  page: 'Page text',
  scan: 'Scanned text',
  note: 'Your note',
  label: 'Label'
}

interface ReleaseRows {
  readonly documents: DocumentRow[]
  readonly redactions: RedactionRow[]
  readonly pageWords: PageWordsRow[]
  /** The pages that have OCR words, for their size. */
  readonly scannedPages: PageRow[]
}

async function readRows(releaseId: string): Promise<ReleaseRows> {
  const documents = (await withheld.documents.where('releaseId').equals(releaseId).toArray()).sort(
    (a, b) => a.importedAt - b.importedAt
  )
  const ids = documents.map((d) => d.id)
  const redactions = await withheld.redactions.where('documentId').anyOf(ids).toArray()
  const pageWords = await withheld.pageWords.where('documentId').anyOf(ids).toArray()
  const scannedPages = (
    await withheld.pages.bulkGet(pageWords.map((row) => [row.documentId, row.pageIndex] as [string, number]))
  ).filter((page): page is PageRow => page !== undefined)
  return { documents, redactions, pageWords, scannedPages }
}

export function SearchDialog(props: {
  releaseId: string
  releaseName: string
  onClose(): void
  onOpenAt(target: ViewerTarget): void
}): React.JSX.Element {
  const ref = useRef<HTMLDialogElement>(null)
  const [query, setQuery] = useState('')
  const deferred = useDeferredValue(query)
  const [active, setActive] = useState(0)
  const rows = useLiveQuery(() => readRows(props.releaseId), [props.releaseId])
  const [texts, setTexts] = useState<ReadonlyMap<string, DocumentText>>(() => new Map())
  const [progress, setProgress] = useState<string | null>(null)

  useEffect(() => {
    const dialog = ref.current
    if (dialog && !dialog.open) dialog.showModal()
    return () => dialog?.close()
  }, [])

  // Analysed documents only: one still importing has no stable page count yet.
  const readable = useMemo(
    () => (rows?.documents ?? []).filter((d) => d.analysisState === 'done' || d.analysisState === 'failed'),
    [rows]
  )
  const readableKey = readable.map((d) => `${d.id}:${d.sha256}`).join(',')
  useEffect(() => {
    let live = true
    void (async () => {
      for (const [i, d] of readable.entries()) {
        const text = await documentText(d.id, d.sha256, (done, total) => {
          if (live)
            setProgress(
              `Reading page text: ${d.name} (${i + 1} of ${readable.length}), page ${done} of ${total}`
            )
        })
        if (!live) return
        setTexts((prev) => (prev.get(d.id) === text ? prev : new Map(prev).set(d.id, text)))
      }
      if (live) setProgress(null)
    })()
    return () => {
      live = false
    }
    // readableKey names exactly the documents and contents read; `readable` itself changes identity on every write.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [readableKey])

  // Rebuilt when text, words or boxes change (a box drawn hides what is under it), not per keystroke:
  // search never finds text under a box.
  const ocrPages = useMemo(
    () => ocrSearchPages(rows?.pageWords ?? [], rows?.scannedPages ?? [], rows?.redactions ?? []),
    [rows]
  )
  const visibleTexts = useMemo(() => withoutHiddenText(texts, rows?.redactions ?? []), [texts, rows])
  const result = useMemo(
    () => searchRelease(deferred, rows?.documents ?? [], rows?.redactions ?? [], visibleTexts, ocrPages),
    [deferred, rows, visibleTexts, ocrPages]
  )
  const hits = result.hits
  const activeIndex = Math.min(active, Math.max(0, hits.length - 1))

  const open = (hit: SearchHit): void => {
    props.onClose()
    const at = { documentId: hit.documentId, pageIndex: hit.pageIndex }
    props.onOpenAt(
      hit.kind === 'page'
        ? { ...at, text: deferred, occurrence: hit.occurrence }
        : hit.kind === 'scan'
          ? {
              ...at,
              marks: { rectsPt: hit.rectsPt, pageWidthPt: hit.pageWidthPt, pageHeightPt: hit.pageHeightPt }
            }
          : { ...at, redactionId: hit.redactionId }
    )
  }

  const onKeyDown = (event: React.KeyboardEvent): void => {
    if (event.key === 'Escape') {
      // A search field's own Escape only clears it; one Escape should close the dialog.
      event.preventDefault()
      props.onClose()
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      const next = Math.max(0, Math.min(hits.length - 1, activeIndex + (event.key === 'ArrowDown' ? 1 : -1)))
      setActive(next)
      document.getElementById(`search-hit-${next}`)?.scrollIntoView({ block: 'nearest' })
    } else if (event.key === 'Enter') {
      event.preventDefault()
      const hit = hits[activeIndex]
      if (hit) open(hit)
    }
  }

  const blank = deferred.trim() === ''
  return (
    <dialog
      ref={ref}
      className="dialog search-dialog"
      aria-label={`Search ${props.releaseName}`}
      data-testid="search-dialog"
      onCancel={(event) => {
        event.preventDefault()
        props.onClose()
      }}
      onKeyDown={onKeyDown}
    >
      <input
        type="search"
        className="search-input"
        placeholder={`Search the pages and your notes in ${props.releaseName}`}
        aria-label="Search text"
        aria-controls="search-results"
        aria-activedescendant={hits.length > 0 ? `search-hit-${activeIndex}` : undefined}
        value={query}
        autoFocus
        onChange={(event) => {
          setQuery(event.target.value)
          setActive(0)
        }}
        data-testid="search-input"
      />
      <p className="search-status" role="status" data-testid="search-status">
        {blank
          ? 'Type to search.'
          : `${hits.length}${result.truncated ? '+' : ''} ${hits.length === 1 ? 'match' : 'matches'}`}
        {progress ? ` · ${progress}` : ''}
      </p>
      <ul className="search-results" id="search-results" role="listbox" aria-label="Matches">
        {hits.map((hit, i) => (
          <li
            key={hit.key}
            id={`search-hit-${i}`}
            role="option"
            aria-selected={i === activeIndex}
            className={i === activeIndex ? 'search-hit is-active' : 'search-hit'}
            data-testid="search-result"
            data-kind={hit.kind}
            data-document-id={hit.documentId}
            data-page-index={hit.pageIndex}
            onMouseMove={() => setActive(i)}
            onClick={() => open(hit)}
          >
            <span className="search-hit-where">
              {hit.documentName} · page {hit.pageIndex + 1} ·{' '}
              <span className="search-hit-kind">{KIND_WORDS[hit.kind]}</span>
            </span>
            <span className="search-hit-snippet">
              {hit.snippet.before}
              <mark>{hit.snippet.match}</mark>
              {hit.snippet.after}
            </span>
          </li>
        ))}
      </ul>
    </dialog>
  )
}
