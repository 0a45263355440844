/**
 * Every page's displayed size in points, known before any page is drawn so the scroll column can be
 * laid out at once. Sources, best first: what pdf.js reported for a page it has loaded, the page
 * rows the analysis stored, and page 1's size as a stand-in (a 1,000-page document must not wait
 * for 1,000 getPage calls before its first paint; stand-ins are corrected as pages load).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { PageRow } from '../../db/rows'
import type { PdfSession } from '../../pdf/pdfSession'
import type { PageSizePt } from './layout'

/** Sizes closer than this (points) are the same page size: no re-layout. */
const SAME_SIZE_PT = 0.01

const sameSize = (a: PageSizePt | undefined, b: PageSizePt): boolean =>
  a !== undefined &&
  Math.abs(a.width - b.width) < SAME_SIZE_PT &&
  Math.abs(a.height - b.height) < SAME_SIZE_PT

function sameSizes(a: readonly PageSizePt[] | null, b: readonly PageSizePt[] | null): boolean {
  if (a === b) return true
  if (!a || !b || a.length !== b.length) return false
  return a.every((size, i) => sameSize(b[i], size))
}

export interface PageSizes {
  /** null until page 1 (or the stored rows) gave a size. */
  readonly sizes: readonly PageSizePt[] | null
  /** PageView reports each page's pdf.js size here. Stable identity. */
  readonly onMeasured: (pageIndex: number, size: PageSizePt) => void
}

export function usePageSizes(session: PdfSession, rows: readonly PageRow[] | undefined): PageSizes {
  const [firstPage, setFirstPage] = useState<PageSizePt | null>(null)
  const [measured, setMeasured] = useState<ReadonlyMap<number, PageSizePt>>(() => new Map())

  useEffect(() => {
    let active = true
    session
      .getPage(0)
      .then((page) => {
        const viewport = page.getViewport({ scale: 1 })
        if (active) setFirstPage({ width: viewport.width, height: viewport.height })
      })
      .catch(() => {
        // US Letter keeps the viewer usable; the page itself will show its own error.
        if (active) setFirstPage({ width: 612, height: 792 })
      })
    return () => {
      active = false
    }
  }, [session])

  // The analysis rewrites page rows as it goes (one write per page): keep the same array while the
  // sizes are unchanged, so the 1,000-entry layout is not recomputed and redrawn for each write.
  const [stable, setStable] = useState<readonly PageSizePt[] | null>(null)
  const computed = useMemo(() => {
    if (rows === undefined) return null
    const stored = new Map(rows.map((row) => [row.pageIndex, { width: row.width, height: row.height }]))
    const fallback = firstPage ?? stored.get(0)
    if (!fallback) return null
    return Array.from(
      { length: session.pageCount },
      (_, i): PageSizePt => measured.get(i) ?? stored.get(i) ?? fallback
    )
  }, [rows, firstPage, measured, session.pageCount])
  const sizes = sameSizes(stable, computed) ? stable : computed
  // React's "adjust state while rendering" pattern: remembered for the next render, no extra effect.
  if (sizes !== stable) setStable(sizes)

  const sizesRef = useRef(sizes)
  useEffect(() => {
    sizesRef.current = sizes
  }, [sizes])

  const onMeasured = useCallback((pageIndex: number, size: PageSizePt) => {
    if (sameSize(sizesRef.current?.[pageIndex], size)) return
    setMeasured((prev) => {
      if (sameSize(prev.get(pageIndex), size)) return prev
      const next = new Map(prev)
      next.set(pageIndex, size)
      return next
    })
  }, [])

  return { sizes, onMeasured }
}
