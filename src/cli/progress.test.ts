import { describe, expect, it } from 'vitest'
import type { ScanResult } from '@core/types'
import { createProgress, describeFile } from './progress'

function stream(isTTY: boolean): NodeJS.WriteStream & { written: string } {
  const fake = {
    isTTY,
    columns: 60,
    written: '',
    write(chunk: string) {
      fake.written += chunk
      return true
    }
  }
  return fake as unknown as NodeJS.WriteStream & { written: string }
}

describe('progress bar', () => {
  it('draws nothing when stderr is not a terminal', () => {
    const out = stream(false)
    const progress = createProgress(out, 3)
    progress.update(3, 'a.pdf p. 1/1')
    progress.fileDone(3, 'a.pdf', null)
    progress.finish()
    expect(out.written).toBe('')
  })

  it('draws one line on a terminal, clears it for messages and at the end', () => {
    const out = stream(true)
    const progress = createProgress(out, 4)
    progress.update(2, 'a.pdf p. 3/9')
    expect(out.written).toBe('\r\x1b[K[############------------] 2/4 files  a.pdf p. 3/9')
    progress.clear()
    expect(out.written.endsWith('\r\x1b[K')).toBe(true)
    progress.update(4, null)
    progress.finish()
    expect(out.written.endsWith('4/4 files\r\x1b[K')).toBe(true)
  })
})

/** The parts of a result the progress line reads. */
const scanned = (pageCount: number, redactions: number, leaks: number): ScanResult =>
  ({ pageCount, summary: { redactions, leaks } }) as unknown as ScanResult

describe('progress lines (--progress)', () => {
  it('prints one line per finished file, terminal or not, and nothing per page', () => {
    for (const isTTY of [false, true]) {
      const out = stream(isTTY)
      const progress = createProgress(out, 3, true)
      progress.update(0, 'a.pdf p. 1/12')
      progress.fileDone(1, 'a.pdf', scanned(12, 4, 1))
      progress.clear()
      progress.fileDone(2, 'b.pdf', null)
      progress.fileDone(3, 'c.pdf', scanned(1, 1, 0))
      progress.finish()
      expect(out.written).toBe(
        '[1/3] a.pdf: 12 pages, 4 redactions, 1 leak\n[2/3] b.pdf: failed\n[3/3] c.pdf: 1 page, 1 redaction\n'
      )
    }
  })

  it('counts in the plural from two and at zero', () => {
    expect(describeFile('x.pdf', scanned(2, 0, 3))).toBe('x.pdf: 2 pages, 0 redactions, 3 leaks')
  })
})
