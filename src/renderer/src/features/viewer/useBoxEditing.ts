/**
 * Mouse editing on one page's overlay: draw a box (draw tool), rubber-band select (select tool, a
 * drag that starts on blank page, not on a word, so dragging across words still selects text),
 * move the selected boxes (drag a box) and resize one (drag a handle). Pointer positions become
 * points through boxGeometry (one division by the zoom); the drag is shown as a preview and written
 * once, on release, as one undoable action (review/editActions.ts).
 */
import {
  moveRect,
  rectFromDrag,
  rectsTouch,
  resizeRect,
  unionRect,
  viewToPagePoint,
  type PagePoint,
  type PageSizePt,
  type ResizeHandle
} from '@core/review/boxGeometry'
import type { PageRect } from '@core/types'
import { useEffect, useRef, useState } from 'react'
import { withheld } from '../../db/db'
import { describeDbError } from '../../db/describeDbError'
import type { RedactionRow } from '../../db/rows'
import { useToasts } from '../../ui/toasts'
import { addManualRedaction, setRedactionRects } from '../review/editActions'
import { pageTool, setPageTool } from '../review/editMode'
import { selectedIds, selectRedaction, setSelection, toggleSelected } from '../review/selection'

/** Less pointer travel than this (CSS px) is a click, not a drag. */
const CLICK_SLOP_PX = 3

export type Drag =
  | { readonly kind: 'draw' | 'band'; readonly start: PagePoint; readonly end: PagePoint }
  | { readonly kind: 'move'; readonly ids: readonly string[]; readonly dx: number; readonly dy: number }
  | {
      readonly kind: 'resize'
      readonly id: string
      readonly handle: ResizeHandle
      readonly dx: number
      readonly dy: number
    }

export interface BoxEditing {
  /** The drag in progress, for the preview. */
  readonly drag: Drag | null
  /** Where a row is drawn now: its stored rect, or where the drag in progress puts it. */
  rectOf(row: RedactionRow): PageRect
  onBoxMouseDown(event: React.MouseEvent, row: RedactionRow): void
  onHandleMouseDown(event: React.MouseEvent, row: RedactionRow, handle: ResizeHandle): void
}

/** Text the reader may select with a drag: a word of the text layer. */
const isWord = (target: EventTarget | null): boolean =>
  target instanceof Element && target.closest('.textLayer span, .textLayer br') !== null

export function useBoxEditing(options: {
  overlay: React.RefObject<HTMLDivElement | null>
  documentId: string
  pageIndex: number
  /** CSS px per point. */
  scale: number
  /** The stored page size; undefined until the analysis wrote the page row. */
  pageSize: PageSizePt | undefined
  rows: readonly RedactionRow[]
}): BoxEditing {
  const toasts = useToasts()
  const [drag, setDrag] = useState<Drag | null>(null)
  const latest = useRef(options)
  useEffect(() => {
    latest.current = options
  })

  /** Follows the mouse until release; `move` gets the travel in CSS px, `end` whether it was a drag. */
  const track = (
    event: React.MouseEvent | MouseEvent,
    move: (dxPx: number, dyPx: number, at: MouseEvent) => void,
    end: (dragged: boolean, at: MouseEvent) => void
  ): void => {
    const x0 = event.clientX
    const y0 = event.clientY
    let dragged = false
    const onMove = (e: MouseEvent): void => {
      if (Math.hypot(e.clientX - x0, e.clientY - y0) >= CLICK_SLOP_PX) dragged = true
      if (dragged) move(e.clientX - x0, e.clientY - y0, e)
    }
    const onUp = (e: MouseEvent): void => {
      window.removeEventListener('mousemove', onMove)
      window.removeEventListener('mouseup', onUp)
      end(dragged, e)
    }
    window.addEventListener('mousemove', onMove)
    window.addEventListener('mouseup', onUp)
  }

  const pointAt = (e: MouseEvent | React.MouseEvent): PagePoint => {
    const box = latest.current.overlay.current?.getBoundingClientRect()
    return viewToPagePoint(e.clientX - (box?.left ?? 0), e.clientY - (box?.top ?? 0), latest.current.scale)
  }
  /** The stored size, or before the analysis wrote it, the drawn size (to a pixel). */
  const sizeNow = (): PageSizePt => {
    const { pageSize, overlay, scale } = latest.current
    return (
      pageSize ?? {
        width: (overlay.current?.clientWidth ?? 0) / scale,
        height: (overlay.current?.clientHeight ?? 0) / scale
      }
    )
  }
  const fail = (what: string) => (error: unknown) => toasts.error(describeDbError(what, error))

  // Draw and rubber band start anywhere on the page, so they listen on the page element itself
  // (the overlay lets the pointer through to the text layer in the select tool).
  useEffect(() => {
    const page = options.overlay.current?.parentElement
    if (!page) return
    const onMouseDown = (event: MouseEvent): void => {
      if (event.button !== 0) return
      const tool = pageTool()
      if (tool === 'select' && (isWord(event.target) || (event.target as Element).closest('.redaction-box')))
        return
      event.preventDefault() // no text selection, no focus change
      const kind = tool === 'draw' ? 'draw' : 'band'
      const start = pointAt(event)
      const additive = event.shiftKey
      setDrag({ kind, start, end: start })
      track(
        event,
        (_dx, _dy, at) => setDrag({ kind, start, end: pointAt(at) }),
        (dragged, at) => {
          setDrag(null)
          const { documentId, pageIndex, rows } = latest.current
          const rect = dragged ? rectFromDrag(start, pointAt(at), sizeNow()) : null
          if (kind === 'draw') {
            if (!rect) return
            setPageTool('select')
            addManualRedaction(withheld, documentId, pageIndex, rect)
              .then((row) => selectRedaction(row.id))
              .catch(fail('Drawing the box'))
            return
          }
          if (!rect) {
            if (!additive) selectRedaction(null)
            return
          }
          const hits = rows.filter((row) => rectsTouch(rect, row.pageRect)).map((row) => row.id)
          setSelection(additive ? [...selectedIds(), ...hits] : hits, hits[0])
        }
      )
    }
    page.addEventListener('mousedown', onMouseDown)
    return () => page.removeEventListener('mousedown', onMouseDown)
    // The handler reads everything else through `latest`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [options.overlay])

  const onBoxMouseDown = (event: React.MouseEvent, row: RedactionRow): void => {
    if (event.button !== 0 || pageTool() !== 'select') return
    event.preventDefault()
    if (event.shiftKey) {
      toggleSelected(row.id)
      return
    }
    const wasSelected = selectedIds().includes(row.id)
    if (!wasSelected) selectRedaction(row.id)
    // Drag moves every selected box on this page (or just this one when it was not selected).
    const onPage = new Set(latest.current.rows.map((r) => r.id))
    const ids = wasSelected ? selectedIds().filter((id) => onPage.has(id)) : [row.id]
    track(
      event,
      (dxPx, dyPx) => {
        const { scale } = latest.current
        setDrag({ kind: 'move', ids, dx: dxPx / scale, dy: dyPx / scale })
      },
      (dragged, at) => {
        setDrag(null)
        if (!dragged) {
          // A plain click on a box of a multi-selection narrows the selection to it.
          if (wasSelected) selectRedaction(row.id)
          return
        }
        const { scale } = latest.current
        const moved = movedRects(
          ids,
          (at.clientX - event.clientX) / scale,
          (at.clientY - event.clientY) / scale
        )
        setRedactionRects(withheld, moved, 'Move').catch(fail('Moving the box'))
      }
    )
  }

  const onHandleMouseDown = (event: React.MouseEvent, row: RedactionRow, handle: ResizeHandle): void => {
    if (event.button !== 0) return
    event.preventDefault()
    event.stopPropagation()
    track(
      event,
      (dxPx, dyPx) => {
        const { scale } = latest.current
        setDrag({ kind: 'resize', id: row.id, handle, dx: dxPx / scale, dy: dyPx / scale })
      },
      (dragged, at) => {
        setDrag(null)
        if (!dragged) return
        const { scale } = latest.current
        const rect = resizeRect(
          row.pageRect,
          handle,
          (at.clientX - event.clientX) / scale,
          (at.clientY - event.clientY) / scale,
          sizeNow()
        )
        setRedactionRects(withheld, new Map([[row.id, rect]]), 'Resize').catch(fail('Resizing the box'))
      }
    )
  }

  /** The boxes `ids` moved together by (dx, dy) points, the group stopping whole at the page edge. */
  const movedRects = (ids: readonly string[], dx: number, dy: number): Map<string, PageRect> => {
    const { rows } = latest.current
    const pageSize = sizeNow()
    const moving = rows.filter((r) => ids.includes(r.id))
    const union = unionRect(moving.map((r) => r.pageRect))
    if (!union) return new Map()
    const shifted = moveRect(union, dx, dy, pageSize)
    const ddx = shifted[0] - union[0]
    const ddy = shifted[1] - union[1]
    return new Map(
      moving.map((r) => [r.id, moveRect(r.pageRect, ddx, ddy, { width: Infinity, height: Infinity })])
    )
  }

  const rectOf = (row: RedactionRow): PageRect => {
    if (drag?.kind === 'move' && drag.ids.includes(row.id)) {
      return movedRects(drag.ids, drag.dx, drag.dy).get(row.id) ?? row.pageRect
    }
    if (drag?.kind === 'resize' && drag.id === row.id) {
      const page = options.pageSize ?? { width: Infinity, height: Infinity }
      return resizeRect(row.pageRect, drag.handle, drag.dx, drag.dy, page)
    }
    return row.pageRect
  }

  return { drag, rectOf, onBoxMouseDown, onHandleMouseDown }
}
