import { EventEmitter } from 'node:events'
import { describe, expect, it, vi } from 'vitest'
import type { AnalysisEvent, AnalysisRequest } from '@shared/analysis'
import { createAnalysisHost, nodeSpawner, type Spawner, type WorkerHandle } from './analysisHost'

/** A scripted stand-in for a worker process: the test decides what it says and when it dies. */
class FakeWorker extends EventEmitter {
  readonly requests: AnalysisRequest[] = []
  killed = false
  constructor(readonly pid: number | undefined) {
    super()
  }
  send(request: AnalysisRequest): void {
    this.requests.push(request)
  }
  kill(): void {
    if (this.killed) return
    this.killed = true
    queueMicrotask(() => this.emit('exit', null))
  }
  say(message: unknown): void {
    this.emit('message', message)
  }
}

function fakeSpawner(): { spawner: Spawner; workers: FakeWorker[]; execArgvs: string[][] } {
  const workers: FakeWorker[] = []
  const execArgvs: string[][] = []
  return {
    workers,
    execArgvs,
    spawner: {
      start(_entry, execArgv) {
        execArgvs.push([...execArgv])
        const worker = new FakeWorker(1000 + workers.length)
        workers.push(worker)
        return worker as unknown as WorkerHandle
      }
    }
  }
}

const request: AnalysisRequest = {
  type: 'analyse',
  bytes: new Uint8Array([37, 80, 68, 70, 45]),
  fileName: 'a.pdf',
  options: { revealLeaks: false }
}
const meta: AnalysisEvent = {
  type: 'meta',
  meta: { pageCount: 1, producer: null, title: null, encrypted: false, pages: [] }
}
const noRss = (): Promise<number | null> => Promise.resolve(null)
const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0))

describe('analysisHost', () => {
  it('forwards events, hides internal ticks and keeps the worker warm after done', async () => {
    const { spawner, workers, execArgvs } = fakeSpawner()
    const host = createAnalysisHost({ spawner, workerEntry: 'w.js', readRssBytes: noRss, maxHeapMb: 700 })
    const events: AnalysisEvent[] = []
    const finished = host.run('j1', request, (event) => events.push(event))
    await tick()
    const worker = workers[0]!
    expect(worker.requests).toEqual([request])
    expect(execArgvs[0]).toContain('--max-old-space-size=700')
    worker.say({ type: 'opened', pageCount: 1 })
    worker.say(meta)
    worker.say({ type: 'bogus' })
    worker.say({ type: 'done', regime: 'nz-oia' })
    expect(await finished).toEqual({ type: 'done', regime: 'nz-oia' })
    expect(events).toEqual([meta, { type: 'done', regime: 'nz-oia' }])
    expect(worker.killed).toBe(false)
    host.dispose()
    expect(worker.killed).toBe(true)
  })

  it('kills a worker that stops making progress and reports a timeout', async () => {
    const { spawner, workers } = fakeSpawner()
    const host = createAnalysisHost({ spawner, workerEntry: 'w.js', readRssBytes: noRss, stepTimeoutMs: 30 })
    const events: AnalysisEvent[] = []
    const outcome = await host.run('j1', request, (event) => events.push(event))
    expect(outcome).toMatchObject({ type: 'failed', reason: 'timeout' })
    expect(events).toEqual([outcome])
    expect(workers[0]!.killed).toBe(true)
    expect((outcome as { message: string }).message).toMatch(
      /^The analysis made no progress for .* and was stopped\.$/
    )
  })

  it('kills a worker whose resident memory passes the cap', async () => {
    const { spawner, workers } = fakeSpawner()
    const host = createAnalysisHost({
      spawner,
      workerEntry: 'w.js',
      maxRssBytes: 100 * 1024 * 1024,
      readRssBytes: (pid) => Promise.resolve(pid === 1000 ? 300 * 1024 * 1024 : null)
    })
    const outcome = await host.run('j1', request, () => undefined)
    expect(outcome).toMatchObject({ type: 'failed', reason: 'memory' })
    expect(workers[0]!.killed).toBe(true)
  })

  it('reports a worker that exits without finishing as crashed, and a heap abort as memory', async () => {
    const { spawner, workers } = fakeSpawner()
    const host = createAnalysisHost({ spawner, workerEntry: 'w.js', readRssBytes: noRss })
    const first = host.run('j1', request, () => undefined)
    const second = host.run('j2', request, () => undefined)
    await tick()
    workers[0]!.emit('exit', 1)
    workers[1]!.emit('exit', 134)
    expect(await first).toMatchObject({ type: 'failed', reason: 'crashed' })
    expect(await second).toMatchObject({ type: 'failed', reason: 'memory' })
  })

  it('runs at most `concurrency` workers and hands the next document to the warm one', async () => {
    const { spawner, workers } = fakeSpawner()
    const host = createAnalysisHost({ spawner, workerEntry: 'w.js', readRssBytes: noRss, concurrency: 1 })
    const first = host.run('j1', request, () => undefined)
    const second = host.run('j2', request, () => undefined)
    await tick()
    expect(workers).toHaveLength(1)
    workers[0]!.say({ type: 'done', regime: 'unknown' })
    await first
    await tick()
    expect(workers).toHaveLength(1)
    expect(workers[0]!.requests).toHaveLength(2)
    workers[0]!.say({ type: 'failed', reason: 'invalid', message: 'Bad.' })
    expect(await second).toEqual({ type: 'failed', reason: 'invalid', message: 'Bad.' })
    // A PDF pdf.js refused is an answer, not a fault: the worker stays for the next document.
    expect(workers[0]!.killed).toBe(false)
    host.dispose()
  })

  it('replaces a worker after a hostile document, so the next one gets a fresh process', async () => {
    const { spawner, workers } = fakeSpawner()
    const host = createAnalysisHost({
      spawner,
      workerEntry: 'w.js',
      readRssBytes: noRss,
      concurrency: 1,
      stepTimeoutMs: 30
    })
    const hung = host.run('hung', request, () => undefined)
    const next = host.run('next', request, () => undefined)
    expect(await hung).toMatchObject({ type: 'failed', reason: 'timeout' })
    await tick()
    expect(workers).toHaveLength(2)
    expect(workers[0]!.killed).toBe(true)
    expect(workers[1]!.requests).toHaveLength(1)
    workers[1]!.say({ type: 'failed', reason: 'crashed', message: 'Internal error.' })
    expect(await next).toMatchObject({ type: 'failed', reason: 'crashed' })
    // It reported an error it caught from inside pdf.js: its state is not trusted with another file.
    expect(workers[1]!.killed).toBe(true)
    host.dispose()
  })

  it('recycles a worker after N documents and once its memory passes M', async () => {
    const { spawner, workers } = fakeSpawner()
    const rssByPid = new Map<number, number>()
    const host = createAnalysisHost({
      spawner,
      workerEntry: 'w.js',
      concurrency: 1,
      maxDocumentsPerWorker: 2,
      recycleRssBytes: 500,
      readRssBytes: (pid) => Promise.resolve(rssByPid.get(pid) ?? 100)
    })
    for (const jobId of ['a', 'b']) {
      const finished = host.run(jobId, request, () => undefined)
      await tick()
      workers.at(-1)!.say({ type: 'done', regime: 'unknown' })
      await finished
    }
    expect(workers).toHaveLength(1)
    expect(workers[0]!.killed).toBe(true)
    const third = host.run('c', request, () => undefined)
    await tick()
    expect(workers).toHaveLength(2)
    rssByPid.set(1001, 900)
    workers[1]!.say({ type: 'done', regime: 'unknown' })
    await third
    await tick()
    expect(workers[1]!.killed).toBe(true)
    host.dispose()
  })

  it('starts workers ahead of work and ends them after the idle timeout', async () => {
    const { spawner, workers } = fakeSpawner()
    const host = createAnalysisHost({
      spawner,
      workerEntry: 'w.js',
      readRssBytes: noRss,
      concurrency: 2,
      idleTimeoutMs: 20
    })
    host.warm(5)
    expect(workers).toHaveLength(2)
    const finished = host.run('j1', request, () => undefined)
    expect(workers).toHaveLength(2)
    expect(workers[0]!.requests).toEqual([request])
    workers[0]!.say({ type: 'done', regime: 'unknown' })
    await finished
    expect(workers[0]!.killed).toBe(false)
    await vi.waitFor(() => expect(workers.map((worker) => worker.killed)).toEqual([true, true]))
  })

  it('cancels queued and running jobs without emitting anything more', async () => {
    const { spawner, workers } = fakeSpawner()
    const host = createAnalysisHost({ spawner, workerEntry: 'w.js', readRssBytes: noRss, concurrency: 1 })
    const events: AnalysisEvent[] = []
    const running = host.run('j1', request, (event) => events.push(event))
    const queued = host.run('j2', request, (event) => events.push(event))
    await tick()
    host.cancel('j2')
    expect(await queued).toEqual({ type: 'cancelled' })
    host.cancel('j1')
    expect(await running).toEqual({ type: 'cancelled' })
    expect(workers).toHaveLength(1)
    expect(workers[0]!.killed).toBe(true)
    workers[0]!.say({ type: 'done', regime: 'unknown' })
    expect(events).toEqual([])
  })

  it('refuses a second job with the same id and ends everything on dispose', async () => {
    const { spawner, workers } = fakeSpawner()
    const host = createAnalysisHost({ spawner, workerEntry: 'w.js', readRssBytes: noRss })
    const first = host.run('j1', request, () => undefined)
    const duplicate = await host.run('j1', request, () => undefined)
    expect(duplicate).toMatchObject({ type: 'failed', reason: 'crashed' })
    host.dispose()
    expect(await first).toEqual({ type: 'cancelled' })
    expect(workers[0]!.killed).toBe(true)
    expect(await host.run('j3', request, () => undefined)).toEqual({ type: 'cancelled' })
  })

  it('reports a spawner that throws as a crash', async () => {
    const spawner: Spawner = {
      start: () => {
        throw new Error('spawn ENOENT')
      }
    }
    const host = createAnalysisHost({ spawner, workerEntry: 'w.js', readRssBytes: noRss })
    const outcome = await host.run('j1', request, () => undefined)
    expect(outcome).toEqual({
      type: 'failed',
      reason: 'crashed',
      message: 'The analysis worker could not be started.'
    })
  })
})

describe('nodeSpawner', () => {
  it('reports a worker that cannot even start as crashed, not as a timeout', async () => {
    const host = createAnalysisHost({
      spawner: nodeSpawner('/nonexistent/node'),
      workerEntry: 'worker.js',
      readRssBytes: noRss,
      stepTimeoutMs: 60_000
    })
    const outcome = await host.run('j1', request, () => undefined)
    expect(outcome).toEqual({
      type: 'failed',
      reason: 'crashed',
      message: 'The analysis worker stopped unexpectedly.'
    })
  })
})
