import { duplicateBindings, findCommand, type KeyPress } from '@core/review/commands'
import { describe, expect, it, vi } from 'vitest'
import type { RedactionRow } from '../../db/rows'
import { REVIEW_COMMANDS, type ReviewContext } from './reviewCommands'

const press = (key: string, extra: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...extra
})

function context(selected: boolean, tool: ReviewContext['tool'] = 'select'): ReviewContext {
  return {
    selected: selected ? ({ id: 'r1' } as RedactionRow) : null,
    selectedCount: selected ? 1 : 0,
    tool,
    quickGrounds: [],
    step: vi.fn(),
    act: vi.fn(),
    remove: vi.fn(),
    editNote: vi.fn(),
    openPicker: vi.fn(),
    toggleSheet: vi.fn(),
    clearSelection: vi.fn(),
    setTool: vi.fn(),
    nudge: vi.fn(),
    selectAllOnPage: vi.fn(),
    selectAllWithLabel: vi.fn(),
    zoomToSelection: vi.fn(),
    toggleWithheldPage: vi.fn()
  }
}

const run = (c: ReviewContext, p: KeyPress): boolean => {
  const command = findCommand(REVIEW_COMMANDS, p)
  if (!command || !command.enabled(c)) return false
  command.perform(c)
  return true
}

describe('review commands', () => {
  it('binds no key twice', () => {
    expect(duplicateBindings(REVIEW_COMMANDS)).toEqual([])
  })

  it('arrows nudge a selected box 1 pt, Shift+arrows 10 pt, and do nothing without a selection', () => {
    const c = context(true)
    run(c, press('ArrowLeft'))
    run(c, press('ArrowDown', { shiftKey: true }))
    expect(c.nudge).toHaveBeenNthCalledWith(1, -1, 0)
    expect(c.nudge).toHaveBeenNthCalledWith(2, 0, 10)
    expect(run(context(false), press('ArrowRight'))).toBe(false) // left to the viewer's paging
  })

  it('b toggles the draw tool; Escape leaves it before it clears the selection', () => {
    const select = context(true)
    run(select, press('b'))
    expect(select.setTool).toHaveBeenCalledWith('draw')
    const drawing = context(true, 'draw')
    run(drawing, press('Escape'))
    expect(drawing.setTool).toHaveBeenCalledWith('select')
    expect(drawing.clearSelection).not.toHaveBeenCalled()
    run(select, press('Escape'))
    expect(select.clearSelection).toHaveBeenCalled()
  })

  it('z zooms to the selection, Ctrl+A selects the page, l the label, w marks the page', () => {
    const c = context(true)
    run(c, press('z'))
    run(c, press('a', { ctrlKey: true }))
    run(c, press('l'))
    run(c, press('w'))
    expect(c.zoomToSelection).toHaveBeenCalledOnce()
    expect(c.selectAllOnPage).toHaveBeenCalledOnce()
    expect(c.selectAllWithLabel).toHaveBeenCalledOnce()
    expect(c.toggleWithheldPage).toHaveBeenCalledOnce()
    expect(c.act).not.toHaveBeenCalled() // Ctrl+A is not "a" (accept)
  })
})
