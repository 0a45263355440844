/**
 * The review keyboard's editing commands (reviewCommands.ts, group "Edit" and "Select"): the page
 * tool, nudging, "all on page", "all with this label", zoom to the selection and withheld in full.
 * Each write is one undoable action (editActions.ts); failures become a toast.
 */
import { withheld } from '../../db/db'
import { describeDbError } from '../../db/describeDbError'
import type { RedactionRow } from '../../db/rows'
import { useToasts } from '../../ui/toasts'
import { zoomToRects } from '../viewer/zoomToSelection'
import { nudgeRedactions, togglePageWithheld } from './editActions'
import { setPageTool } from './editMode'
import type { ReviewContext } from './reviewCommands'
import { sameLabel } from './sameLabel'
import { setSelection } from './selection'

type EditCommands = Pick<
  ReviewContext,
  'setTool' | 'nudge' | 'selectAllOnPage' | 'selectAllWithLabel' | 'zoomToSelection' | 'toggleWithheldPage'
>

export function useEditCommands(options: {
  documentId: string
  /** Every redaction of the document, reading order. */
  ordered: readonly RedactionRow[]
  selected: RedactionRow | null
  selection: readonly RedactionRow[]
  /** The page the viewer shows. */
  currentPageIndex: number | undefined
  onZoom: ((scale: number) => void) | undefined
  onGoToPage(pageIndex: number): void
}): EditCommands {
  const { documentId, ordered, selected, selection } = options
  const toasts = useToasts()
  const fail = (what: string) => (error: unknown) => toasts.error(describeDbError(what, error))
  // "w" and the toolbar act on the page on screen; with no viewer page known, the selected box's.
  const workingPage = (): number => options.currentPageIndex ?? selected?.pageIndex ?? 0
  return {
    setTool: setPageTool,
    nudge: (dx, dy) => {
      nudgeRedactions(
        withheld,
        selection.map((r) => r.id),
        dx,
        dy
      ).catch(fail('Moving the box'))
    },
    selectAllOnPage: () => {
      const pageIndex = selected?.pageIndex ?? workingPage()
      setSelection(
        ordered.filter((r) => r.pageIndex === pageIndex).map((r) => r.id),
        selected?.id
      )
    },
    selectAllWithLabel: () => {
      if (!selected) return
      setSelection(
        ordered.filter((r) => sameLabel(r, selected)).map((r) => r.id),
        selected.id
      )
    },
    zoomToSelection: () => {
      if (!selected || !options.onZoom) return
      const onPage = selection.filter((r) => r.pageIndex === selected.pageIndex).map((r) => r.pageRect)
      zoomToRects(selected.pageIndex, onPage, options.onZoom, options.onGoToPage)
    },
    toggleWithheldPage: () => {
      const pageIndex = workingPage()
      togglePageWithheld(withheld, documentId, pageIndex)
        .then((state) =>
          toasts.info(
            state === null
              ? `Page ${pageIndex + 1} is not analysed yet.`
              : state
                ? `Page ${pageIndex + 1} marked withheld in full. Ctrl+Z undoes it.`
                : `Page ${pageIndex + 1} no longer marked withheld in full.`
          )
        )
        .catch(fail('Marking the page'))
    }
  }
}
