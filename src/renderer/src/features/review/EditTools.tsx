/**
 * The viewer toolbar's editing controls: the page tool (select / draw a box, as "b" toggles) and
 * "Withheld in full" for the page on screen (as "w" does), pressed while that page is marked.
 */
import { withheld } from '../../db/db'
import { describeDbError } from '../../db/describeDbError'
import { useToasts } from '../../ui/toasts'
import { togglePageWithheld } from './editActions'
import { setPageTool, usePageTool } from './editMode'
import { usePageRow } from './queries'
import { useSelectionDocumentId } from './selection'

function WithheldToggle(props: { documentId: string; pageIndex: number }): React.JSX.Element {
  const { documentId, pageIndex } = props
  const toasts = useToasts()
  const page = usePageRow(documentId, pageIndex)
  const marked = page?.withheldInFull ?? false
  return (
    <button
      type="button"
      className={marked ? 'viewer-tool active' : 'viewer-tool'}
      aria-pressed={marked}
      disabled={!page}
      data-testid="withheld-page"
      title={`Mark page ${pageIndex + 1} withheld in full (W)`}
      onClick={() =>
        togglePageWithheld(withheld, documentId, pageIndex).catch((error: unknown) =>
          toasts.error(describeDbError('Marking the page', error))
        )
      }
    >
      Withheld in full
    </button>
  )
}

export function EditTools(props: { pageIndex: number }): React.JSX.Element {
  const tool = usePageTool()
  const documentId = useSelectionDocumentId()
  return (
    <div className="viewer-edit-tools" role="group" aria-label="Editing">
      <button
        type="button"
        className={tool === 'select' ? 'viewer-tool active' : 'viewer-tool'}
        aria-pressed={tool === 'select'}
        onClick={() => setPageTool('select')}
        title="Select boxes: click, Shift+click, or drag on blank page"
      >
        Select
      </button>
      <button
        type="button"
        className={tool === 'draw' ? 'viewer-tool active' : 'viewer-tool'}
        aria-pressed={tool === 'draw'}
        data-testid="draw-box"
        onClick={() => setPageTool(tool === 'draw' ? 'select' : 'draw')}
        title="Draw a box the engine missed: drag on the page (B)"
      >
        Draw box
      </button>
      {documentId ? <WithheldToggle documentId={documentId} pageIndex={props.pageIndex} /> : null}
    </div>
  )
}
