/**
 * Files dragged over any part of the window light up an overlay; dropping them imports them. Only
 * drags that carry files count: moving a document between releases is a drag too, and must not
 * trigger an import.
 */
import { useEffect, useRef, useState } from 'react'

export function DropZone({
  onDropFiles
}: {
  onDropFiles: (files: File[]) => void
}): React.JSX.Element | null {
  const [active, setActive] = useState(false)
  // dragenter/dragleave fire for every child crossed; count them to know when the drag left the window.
  const depth = useRef(0)
  const latest = useRef(onDropFiles)
  useEffect(() => {
    latest.current = onDropFiles
  }, [onDropFiles])

  useEffect(() => {
    const hasFiles = (event: DragEvent): boolean => event.dataTransfer?.types.includes('Files') ?? false
    const enter = (event: DragEvent): void => {
      if (!hasFiles(event)) return
      event.preventDefault()
      depth.current++
      setActive(true)
    }
    const over = (event: DragEvent): void => {
      if (!hasFiles(event)) return
      event.preventDefault()
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy'
    }
    const leave = (event: DragEvent): void => {
      if (!hasFiles(event)) return
      depth.current = Math.max(0, depth.current - 1)
      if (depth.current === 0) setActive(false)
    }
    const drop = (event: DragEvent): void => {
      if (!hasFiles(event)) return
      // Never let the browser navigate to a dropped file.
      event.preventDefault()
      depth.current = 0
      setActive(false)
      const files = Array.from(event.dataTransfer?.files ?? [])
      if (files.length) latest.current(files)
    }
    window.addEventListener('dragenter', enter)
    window.addEventListener('dragover', over)
    window.addEventListener('dragleave', leave)
    window.addEventListener('drop', drop)
    return () => {
      window.removeEventListener('dragenter', enter)
      window.removeEventListener('dragover', over)
      window.removeEventListener('dragleave', leave)
      window.removeEventListener('drop', drop)
    }
  }, [])

  if (!active) return null
  return (
    <div className="drop-overlay" data-testid="drop-overlay" aria-hidden="true">
      <div className="drop-overlay-message">Drop PDFs to import them</div>
    </div>
  )
}
