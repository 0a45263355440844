import { describe, expect, it } from 'vitest'
import type { ImportResult } from '@shared/ipc'
import { createOpenRequests, type OpenRequestsDeps } from './openRequests'

/** Accepts paths ending in good.pdf, refuses the rest, as importFiles would (by name only). */
const importPaths = async (paths: readonly string[]): Promise<ImportResult> => {
  const name = (path: string): string => path.slice(path.lastIndexOf('/') + 1)
  return {
    files: paths
      .filter((p) => p.endsWith('good.pdf'))
      .map((p) => ({ name: name(p), byteSize: 1, sha256: 'x', bytes: new Uint8Array(1) })),
    rejected: paths
      .filter((p) => !p.endsWith('good.pdf'))
      .map((p) => ({ name: name(p), message: `“${name(p)}” is not a PDF.` }))
  }
}

function setup(stored: string | null = null) {
  const log = { notified: 0, written: [] as string[], changes: [] as (string | null)[] }
  const deps: OpenRequestsDeps = {
    importPaths,
    readRecent: async () => stored,
    writeRecent: async (text) => void log.written.push(text),
    notifyWaiting: () => log.notified++,
    recentChanged: (added) => log.changes.push(added)
  }
  return { opens: createOpenRequests(deps), log }
}

describe('open requests', () => {
  it('queues OS requests, tells the window once per new batch, and imports them when taken', async () => {
    const { opens, log } = setup()
    opens.request(['/a/good.pdf'])
    opens.request(['/a/good.pdf'])
    opens.request(['/b/bad.pdf'])
    expect(log.notified).toBe(2)
    const result = await opens.take()
    expect(result.files.map((f) => f.name)).toEqual(['good.pdf'])
    expect(result.rejected.map((r) => r.name)).toEqual(['bad.pdf'])
    expect(await opens.take()).toEqual({ files: [], rejected: [] })
  })

  it('makes exactly the accepted paths recent, newest first, and stores them', async () => {
    const { opens, log } = setup()
    await opens.load()
    await opens.importRemembered(['/x/good.pdf', '/x/bad.pdf', '/y/good.pdf'])
    expect(opens.recentEntries()).toEqual([
      { label: 'good.pdf — y', path: '/y/good.pdf' },
      { label: 'good.pdf — x', path: '/x/good.pdf' }
    ])
    expect(log.changes).toEqual([null, '/x/good.pdf', '/y/good.pdf'])
    // The write is chained after earlier ones: let the chain run.
    await new Promise<void>((resolve) => setImmediate(resolve))
    expect(JSON.parse(log.written.at(-1)!)).toEqual({ files: ['/y/good.pdf', '/x/good.pdf'] })
  })

  it('starts from the stored list, survives a damaged one, and clears', async () => {
    const { opens } = setup('{"files": ["/s/one.pdf"]}')
    await opens.load()
    expect(opens.recentEntries()).toEqual([{ label: 'one.pdf', path: '/s/one.pdf' }])
    opens.clearRecent()
    expect(opens.recentEntries()).toEqual([])
    const damaged = setup('{not json')
    await damaged.opens.load()
    expect(damaged.opens.recentEntries()).toEqual([])
  })
})
