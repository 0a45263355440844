/**
 * The grounds the release's response letter cites, read from its text (pdf.js in the renderer,
 * search/pageText.ts, cached per window) with core's letter grammar (core/review/letterGrounds.ts).
 */
import { letterGroundsOfPages, type PagedCitation } from '@core/review/letterGrounds'
import { useEffect, useState } from 'react'
import type { DocumentRow } from '../../db/rows'
import { documentText } from '../search/pageText'

export type LetterState =
  | { readonly status: 'none' }
  | { readonly status: 'reading'; readonly documentId: string }
  | {
      readonly status: 'read'
      readonly documentId: string
      readonly grounds: { readonly codes: readonly string[]; readonly citations: readonly PagedCitation[] }
      /** Pages with no text at all: a scanned letter needs OCR before its grounds can be read. */
      readonly textless: boolean
      readonly problem: string | null
    }

export function useLetterGrounds(letter: Pick<DocumentRow, 'id' | 'sha256'> | null): LetterState {
  const [state, setState] = useState<LetterState>({ status: 'none' })
  const id = letter?.id ?? null
  const sha256 = letter?.sha256 ?? null
  useEffect(() => {
    if (!id || !sha256) return
    let active = true
    documentText(id, sha256).then(
      (text) => {
        if (!active) return
        const joined = text.pages.join('\n')
        setState({
          status: 'read',
          documentId: id,
          grounds: letterGroundsOfPages(text.pages),
          textless: joined.trim().length === 0,
          problem: text.problem
        })
      },
      (error: unknown) => {
        if (!active) return
        const problem = error instanceof Error ? error.message : String(error)
        setState({
          status: 'read',
          documentId: id,
          grounds: { codes: [], citations: [] },
          textless: true,
          problem
        })
      }
    )
    return () => {
      active = false
    }
  }, [id, sha256])
  if (!id) return { status: 'none' }
  return state.status !== 'none' && state.documentId === id ? state : { status: 'reading', documentId: id }
}
