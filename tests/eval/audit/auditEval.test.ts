import { describe, expect, it } from 'vitest'
import { formatAudit, scoreAudit } from './auditEval'

describe('audit scorer', () => {
  it('counts hits, misses and false alarms per kind, and right verdicts', () => {
    const run = scoreAudit([
      {
        name: 'a',
        expectedVerdict: 'leaks',
        expectedKinds: ['metadata'],
        verdict: 'leaks',
        kinds: ['metadata', 'outline']
      },
      { name: 'b', expectedVerdict: 'leaks', expectedKinds: ['thumbnail'], verdict: 'clean', kinds: [] },
      { name: 'c', expectedVerdict: 'clean', expectedKinds: [], verdict: 'clean', kinds: [] }
    ])
    expect(run.byKind).toEqual({
      metadata: { hits: 1, misses: 0, falseAlarms: 0 },
      outline: { hits: 0, misses: 0, falseAlarms: 1 },
      thumbnail: { hits: 0, misses: 1, falseAlarms: 0 }
    })
    expect(run.verdictsRight).toBe(2)
    expect(run.wrong).toEqual(['b: clean, expected leaks'])
    expect(formatAudit(run)).toContain('metadata                 1.000   1.000  (1 / 0 / 0)')
  })
})
