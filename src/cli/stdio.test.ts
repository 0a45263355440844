import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import { guardStdStreams } from './stdio'

function streams() {
  const told: string[] = []
  const stderr = Object.assign(new EventEmitter(), { write: (text: string) => told.push(text) > 0 })
  return { stdout: new EventEmitter(), stderr, told }
}

const failure = (code: string): NodeJS.ErrnoException => Object.assign(new Error(`write ${code}`), { code })

describe('guardStdStreams', () => {
  it('lets a reader close the pipe early: no crash, no message, the status left alone', () => {
    const s = streams()
    const codes: number[] = []
    guardStdStreams(s, (code) => codes.push(code))
    s.stdout.emit('error', failure('EPIPE'))
    s.stdout.emit('error', failure('EPIPE'))
    expect(s.told).toEqual([])
    expect(codes).toEqual([])
  })

  it('says once that the output could not be written, with exit status 2', () => {
    const s = streams()
    const codes: number[] = []
    guardStdStreams(s, (code) => codes.push(code))
    s.stdout.emit('error', failure('ENOSPC'))
    s.stdout.emit('error', failure('ENOSPC'))
    expect(s.told).toEqual(['withheld: the output could not be written (ENOSPC).\n'])
    expect(codes).toEqual([2, 2])
  })

  it('keeps an error on stderr itself from crashing the run', () => {
    const s = streams()
    guardStdStreams(s, () => undefined)
    expect(() => s.stderr.emit('error', failure('EPIPE'))).not.toThrow()
  })
})
