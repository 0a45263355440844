import { duplicateBindings, type Command } from '@core/review/commands'
import { describe, expect, it } from 'vitest'
import { REVIEW_COMMANDS } from '../review/reviewCommands'
import { VIEWER_COMMANDS } from '../viewer/viewerCommands'
import { SHELL_COMMANDS } from './shellCommands'

/** The lists erased to one context type: only names and keys are compared here. */
const erase = (list: readonly Command<never>[]): readonly Command<unknown>[] =>
  list as unknown as readonly Command<unknown>[]
const shell = erase(SHELL_COMMANDS)
const review = erase(REVIEW_COMMANDS)
const viewer = erase(VIEWER_COMMANDS)

describe('every command the palette can list', () => {
  it('no shell key is also a review or viewer key (shell keys work on every screen)', () => {
    expect(duplicateBindings([...shell, ...review])).toEqual([])
    expect(duplicateBindings([...shell, ...viewer])).toEqual([])
  })

  it('review and viewer share only the arrows: a selected box is nudged, else the page turns', () => {
    // useReviewKeyboard stops the event when its command runs, so the viewer's paging never also fires.
    const shared = duplicateBindings([...review, ...viewer]).map((clash) => clash.split(':')[0])
    expect([...new Set(shared)].sort()).toEqual(['arrowleft', 'arrowright'])
  })

  it('names are unique, so the palette never hides one behind another', () => {
    const names = [...shell, ...review, ...viewer].map((c) => c.name)
    expect(names.length).toBe(new Set(names).size)
  })
})
