import { EventEmitter } from 'node:events'
import { describe, expect, it, vi } from 'vitest'

class FakeUtilityProcess extends EventEmitter {
  pid: number | undefined = undefined
  posted: unknown[] = []
  killed = false
  postMessage(message: unknown): void {
    this.posted.push(message)
  }
  kill(): boolean {
    this.killed = true
    return true
  }
}

const forks: {
  entry: string
  args: string[]
  options: Record<string, unknown>
  child: FakeUtilityProcess
}[] = []

vi.mock('electron', () => ({
  utilityProcess: {
    fork: (entry: string, args: string[], options: Record<string, unknown>) => {
      const child = new FakeUtilityProcess()
      forks.push({ entry, args, options, child })
      return child
    }
  }
}))

const { ANALYSIS_SERVICE_NAME, utilitySpawner } = await import('./utilitySpawner')

describe('utilitySpawner', () => {
  it('forks a named utility process with the host’s V8 flags and adapts its events', () => {
    const handle = utilitySpawner().start('/app/out/main/analysisWorker.js', ['--max-old-space-size=1024'])
    const { entry, args, options, child } = forks[0]!
    expect(entry).toBe('/app/out/main/analysisWorker.js')
    expect(args).toEqual([])
    expect(options).toEqual({
      serviceName: ANALYSIS_SERVICE_NAME,
      execArgv: ['--max-old-space-size=1024'],
      stdio: 'ignore'
    })
    // The pid appears only once the process has spawned.
    expect(handle.pid).toBeUndefined()
    child.pid = 4242
    expect(handle.pid).toBe(4242)

    const messages: unknown[] = []
    const exits: (number | null)[] = []
    handle.on('message', (message) => messages.push(message))
    handle.on('exit', (code) => exits.push(code))
    const request = {
      type: 'analyse',
      bytes: new Uint8Array([1]),
      fileName: 'a.pdf',
      options: { revealLeaks: false }
    } as const
    handle.send(request)
    expect(child.posted).toEqual([request])
    child.emit('message', { type: 'done', regime: 'unknown' })
    child.emit('exit', 0)
    expect(messages).toEqual([{ type: 'done', regime: 'unknown' }])
    expect(exits).toEqual([0])
    handle.kill()
    expect(child.killed).toBe(true)
  })
})
