/**
 * The page tool: `select` (click, Shift+click and rubber-band boxes; drag a word to select text) or
 * `draw` (a drag on a page draws a new box). A tiny external store, so the toolbar, the keyboard and
 * every page's overlay agree without props through the page column. Drawing is one-shot: after a box
 * is drawn the tool returns to `select`, so the new box can be moved or resized at once.
 */
import { useSyncExternalStore } from 'react'

export type PageTool = 'select' | 'draw'

let tool: PageTool = 'select'
const listeners = new Set<() => void>()

export function setPageTool(next: PageTool): void {
  if (next === tool) return
  tool = next
  for (const listener of listeners) listener()
}

export const pageTool = (): PageTool => tool

export function usePageTool(): PageTool {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    () => tool
  )
}
