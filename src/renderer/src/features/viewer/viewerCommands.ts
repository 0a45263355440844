/**
 * The viewer's commands as data (core/review/commands.ts): zoom, thumbnails and paging. The
 * viewer's key handler (useViewerShortcuts.ts) looks keys up here and the command palette lists
 * them, so a key cannot do one thing and be documented as another. Commands that are also on the
 * native View menu name their menu command, so a key press and the menu's echo of it run once.
 */
import type { Command } from '@core/review/commands'
import type { MenuCommand } from '@shared/ipc'

export interface ViewerCommands {
  zoomIn(): void
  zoomOut(): void
  zoomReset(): void
  fitWidth(): void
  fitPage(): void
  toggleThumbnails(): void
  nextPage(): void
  previousPage(): void
  firstPage(): void
  lastPage(): void
  /** True when the page column scrolls sideways (zoomed in): arrows then scroll, not page. */
  scrollsHorizontally(): boolean
}

export type ViewerCommand = Command<ViewerCommands> & { readonly menu?: MenuCommand }

const always = (): boolean => true

export const VIEWER_COMMANDS: readonly ViewerCommand[] = [
  {
    name: 'viewer.zoom-in',
    label: 'Zoom in',
    group: 'View',
    menu: 'zoom-in',
    keys: [
      { key: '=', ctrl: true },
      { key: '+', ctrl: true }
    ],
    enabled: always,
    perform: (c) => c.zoomIn()
  },
  {
    name: 'viewer.zoom-out',
    label: 'Zoom out',
    group: 'View',
    menu: 'zoom-out',
    keys: [
      { key: '-', ctrl: true },
      { key: '_', ctrl: true }
    ],
    enabled: always,
    perform: (c) => c.zoomOut()
  },
  {
    name: 'viewer.zoom-reset',
    label: 'Zoom to 100 %',
    group: 'View',
    menu: 'zoom-reset',
    keys: [{ key: '0', ctrl: true }],
    enabled: always,
    perform: (c) => c.zoomReset()
  },
  {
    name: 'viewer.fit-width',
    label: 'Fit page width',
    group: 'View',
    menu: 'zoom-fit-width',
    keys: [{ key: '1', ctrl: true }],
    enabled: always,
    perform: (c) => c.fitWidth()
  },
  {
    name: 'viewer.fit-page',
    label: 'Fit whole page',
    group: 'View',
    menu: 'zoom-fit-page',
    keys: [{ key: '2', ctrl: true }],
    enabled: always,
    perform: (c) => c.fitPage()
  },
  {
    name: 'viewer.thumbnails',
    label: 'Show or hide thumbnails',
    group: 'View',
    menu: 'toggle-thumbnails',
    // The View menu's accelerator; handled here too, for the menu-less test harness.
    keys: [{ key: 't', ctrl: true }],
    enabled: always,
    perform: (c) => c.toggleThumbnails()
  },
  {
    name: 'viewer.next-page',
    label: 'Next page',
    group: 'Pages',
    // shift: false, so Shift+N (a capital typed by mistake) pages no more than it did before.
    keys: [{ key: 'PageDown' }, { key: 'n', shift: false }, { key: 'ArrowRight' }],
    enabled: always,
    perform: (c) => c.nextPage()
  },
  {
    name: 'viewer.previous-page',
    label: 'Previous page',
    group: 'Pages',
    keys: [{ key: 'PageUp' }, { key: 'p', shift: false }, { key: 'ArrowLeft' }],
    enabled: always,
    perform: (c) => c.previousPage()
  },
  {
    name: 'viewer.first-page',
    label: 'First page',
    group: 'Pages',
    keys: [{ key: 'Home' }],
    enabled: always,
    perform: (c) => c.firstPage()
  },
  {
    name: 'viewer.last-page',
    label: 'Last page',
    group: 'Pages',
    keys: [{ key: 'End' }],
    enabled: always,
    perform: (c) => c.lastPage()
  }
]
