import { describe, expect, it } from 'vitest'
import { createProgress } from './progress'

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
