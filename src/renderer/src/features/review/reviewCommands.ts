/**
 * The review's commands as data (core/review/commands.ts): the keyboard handler, the shortcut sheet
 * and any future menu or palette read this one list. Undo and redo are the app shell's (App.tsx owns
 * Ctrl+Z for every screen), so they appear on the sheet from SHELL_SHORTCUTS, not here.
 */
import { NUDGE_LARGE_STEP_PT, NUDGE_STEP_PT } from '@core/review/boxGeometry'
import type { Command, KeyBinding } from '@core/review/commands'
import type { ReviewAction } from '@core/review/reviewActions'
import type { RedactionRow } from '../../db/rows'
import { SHELL_COMMANDS } from '../palette/shellCommands'
import type { PageTool } from './editMode'

export interface ReviewContext {
  /** The primary selected redaction (the detail card's). */
  readonly selected: RedactionRow | null
  /** How many are selected (1 with `selected`, more in a multi-selection). */
  readonly selectedCount: number
  readonly tool: PageTool
  /** Grounds on the number keys, 1 first. */
  readonly quickGrounds: readonly string[]
  step(direction: 1 | -1): void
  act(action: ReviewAction): void
  remove(): void
  editNote(): void
  openPicker(): void
  toggleSheet(): void
  clearSelection(): void
  setTool(tool: PageTool): void
  /** Moves every selected box by (dx, dy) points. */
  nudge(dx: number, dy: number): void
  selectAllOnPage(): void
  selectAllWithLabel(): void
  zoomToSelection(): void
  toggleWithheldPage(): void
}

export type ReviewCommand = Command<ReviewContext>

const hasSelection = (c: ReviewContext): boolean => c.selected !== null

/** Arrow keys nudge the selected boxes: 1 pt, or 10 pt with Shift (one line on the sheet). */
const NUDGES = [
  ['left', 'ArrowLeft', -1, 0],
  ['right', 'ArrowRight', 1, 0],
  ['up', 'ArrowUp', 0, -1],
  ['down', 'ArrowDown', 0, 1]
] as const
const nudge = ([name, key, x, y]: (typeof NUDGES)[number], large: boolean): ReviewCommand => {
  const step = large ? NUDGE_LARGE_STEP_PT : NUDGE_STEP_PT
  return {
    name: `review.nudge-${name}${large ? '-far' : ''}`,
    label: `Nudge the box ${name} ${step} pt`,
    group: 'Edit',
    keys: [{ key, shift: large }],
    enabled: hasSelection,
    perform: (c) => c.nudge(x * step, y * step)
  }
}

const quickGround = (n: number): ReviewCommand => ({
  name: `review.quick-ground-${n}`,
  label: `Set recent ground ${n}`,
  group: 'Grounds',
  keys: [{ key: String(n) }],
  enabled: (c) => hasSelection(c) && c.quickGrounds[n - 1] !== undefined,
  perform: (c) => {
    const code = c.quickGrounds[n - 1]
    if (code) c.act({ type: 'set-grounds', grounds: [code] })
  }
})

export const REVIEW_COMMANDS: readonly ReviewCommand[] = [
  {
    name: 'review.next',
    label: 'Next redaction',
    group: 'Move',
    keys: [{ key: 'j' }],
    enabled: () => true,
    perform: (c) => c.step(1)
  },
  {
    name: 'review.previous',
    label: 'Previous redaction',
    group: 'Move',
    keys: [{ key: 'k' }],
    enabled: () => true,
    perform: (c) => c.step(-1)
  },
  {
    name: 'review.deselect',
    label: 'Stop drawing, or clear the selection',
    group: 'Move',
    keys: [{ key: 'Escape' }],
    enabled: (c) => hasSelection(c) || c.tool === 'draw',
    perform: (c) => (c.tool === 'draw' ? c.setTool('select') : c.clearSelection())
  },
  {
    name: 'review.zoom-selection',
    label: 'Zoom to the selection',
    group: 'Move',
    keys: [{ key: 'z' }],
    enabled: hasSelection,
    perform: (c) => c.zoomToSelection()
  },
  {
    name: 'review.select-page',
    label: 'Select every box on the page',
    group: 'Select',
    keys: [{ key: 'a', ctrl: true }],
    enabled: () => true,
    perform: (c) => c.selectAllOnPage()
  },
  {
    name: 'review.select-label',
    label: 'Select every box with this label',
    group: 'Select',
    keys: [{ key: 'l' }],
    enabled: hasSelection,
    perform: (c) => c.selectAllWithLabel()
  },
  {
    name: 'review.accept',
    label: 'Accept the grounds',
    group: 'Decide',
    keys: [{ key: 'a' }],
    enabled: hasSelection,
    perform: (c) => c.act({ type: 'accept' })
  },
  {
    name: 'review.dispute',
    label: 'Dispute, then write why',
    group: 'Decide',
    keys: [{ key: 'd' }],
    enabled: hasSelection,
    perform: (c) => {
      c.act({ type: 'dispute' })
      c.editNote()
    }
  },
  {
    name: 'review.unreview',
    label: 'Mark unreviewed',
    group: 'Decide',
    keys: [{ key: 'u' }],
    enabled: hasSelection,
    perform: (c) => c.act({ type: 'reset-status' })
  },
  {
    name: 'review.note',
    label: 'Write a note',
    group: 'Decide',
    keys: [{ key: 'e' }, { key: 'Enter' }],
    enabled: hasSelection,
    perform: (c) => c.editNote()
  },
  {
    name: 'review.delete',
    label: 'Delete the box (not a redaction)',
    group: 'Decide',
    keys: [{ key: 'Delete' }, { key: 'Backspace' }],
    enabled: hasSelection,
    perform: (c) => c.remove()
  },
  {
    name: 'review.draw',
    label: 'Draw a box (drag on the page)',
    group: 'Edit',
    keys: [{ key: 'b' }],
    enabled: () => true,
    perform: (c) => c.setTool(c.tool === 'draw' ? 'select' : 'draw')
  },
  {
    name: 'review.withheld-page',
    label: 'Mark the page withheld in full (again: unmark)',
    group: 'Edit',
    keys: [{ key: 'w' }],
    enabled: () => true,
    perform: (c) => c.toggleWithheldPage()
  },
  ...NUDGES.flatMap((n) => [nudge(n, false), nudge(n, true)]),
  {
    name: 'review.grounds',
    label: 'Choose grounds…',
    group: 'Grounds',
    keys: [{ key: 'g' }],
    enabled: hasSelection,
    perform: (c) => c.openPicker()
  },
  ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map(quickGround),
  {
    name: 'review.shortcuts',
    label: 'Show these shortcuts',
    group: 'Help',
    keys: [{ key: '?' }],
    enabled: () => true,
    perform: (c) => c.toggleSheet()
  }
]

/** Shown on the sheet; handled by the app shell and the viewer. */
export const SHELL_SHORTCUTS: readonly { label: string; keys: readonly KeyBinding[] }[] = [
  { label: 'Undo', keys: [{ key: 'z', ctrl: true }] },
  {
    label: 'Redo',
    keys: [
      { key: 'z', ctrl: true, shift: true },
      { key: 'y', ctrl: true }
    ]
  },
  { label: 'Next / previous page', keys: [{ key: 'n' }, { key: 'p' }] },
  {
    label: 'Zoom in / out',
    keys: [
      { key: '+', ctrl: true },
      { key: '-', ctrl: true }
    ]
  },
  // Read from the shell's commands, so the sheet shows the keys that actually run them.
  { label: 'Search the release', keys: SHELL_COMMANDS.find((c) => c.name === 'shell.search')?.keys ?? [] },
  { label: 'All commands', keys: SHELL_COMMANDS.find((c) => c.name === 'shell.palette')?.keys ?? [] }
]
