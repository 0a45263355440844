// @vitest-environment node
import 'fake-indexeddb/auto'
import { Dexie } from 'dexie'
import { describe, expect, it } from 'vitest'
import { describeDbError, isQuotaError } from './describeDbError'

const quota = Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' })

describe('describeDbError', () => {
  it('recognises a quota error wrapped by Dexie as disk full, and promises earlier work is safe', () => {
    const wrapped = new Dexie.AbortError('Transaction aborted', quota)
    expect(isQuotaError(wrapped)).toBe(true)
    expect(isQuotaError(quota)).toBe(true)
    expect(describeDbError('Importing “a.pdf”', wrapped)).toBe(
      'Importing “a.pdf” failed: the disk is full. Everything saved before this is safe; free some space and try again.'
    )
  })

  it('says what happened otherwise', () => {
    expect(isQuotaError(new Dexie.AbortError('Transaction aborted'))).toBe(false)
    expect(describeDbError('Undo', new Dexie.DatabaseClosedError())).toMatch(/library was closed/)
    expect(describeDbError('Moving the document', new Error('boom'))).toBe('Moving the document failed: boom')
    expect(describeDbError('Saving', 'odd')).toBe('Saving failed: odd')
  })
})
