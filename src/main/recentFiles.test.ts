import { describe, expect, it } from 'vitest'
import {
  MAX_RECENT_FILES,
  parseRecentFiles,
  recentMenuEntries,
  serialiseRecentFiles,
  withRecent
} from './recentFiles'

describe('recent files', () => {
  it('puts the latest first, each once, and keeps at most ten', () => {
    let list: string[] = []
    for (let i = 0; i < 12; i++) list = withRecent(list, `/d/${i}.pdf`)
    expect(list).toHaveLength(MAX_RECENT_FILES)
    expect(list[0]).toBe('/d/11.pdf')
    expect(list.at(-1)).toBe('/d/2.pdf')
    expect(withRecent(list, '/d/5.pdf').slice(0, 2)).toEqual(['/d/5.pdf', '/d/11.pdf'])
    expect(withRecent(list, '/d/5.pdf')).toHaveLength(MAX_RECENT_FILES)
  })

  it('reads back what it wrote and shrugs off damaged files', () => {
    const list = ['/a/one.pdf', '/b/two.pdf']
    expect(parseRecentFiles(serialiseRecentFiles(list))).toEqual(list)
    expect(parseRecentFiles(null)).toEqual([])
    expect(parseRecentFiles('{"files": [')).toEqual([])
    expect(parseRecentFiles('null')).toEqual([])
    expect(parseRecentFiles('{"files": "x"}')).toEqual([])
    expect(parseRecentFiles('{"files": ["/a.pdf", 3, "", "/b.pdf", "/a.pdf"]}')).toEqual(['/a.pdf', '/b.pdf'])
  })

  it('labels entries by name, adding the folder only where two names are the same', () => {
    expect(recentMenuEntries(['/x/Downloads/brief.pdf', '/x/OIA/brief.pdf', '/x/R&D notes.pdf'])).toEqual([
      { label: 'brief.pdf — Downloads', path: '/x/Downloads/brief.pdf' },
      { label: 'brief.pdf — OIA', path: '/x/OIA/brief.pdf' },
      { label: 'R&&D notes.pdf', path: '/x/R&D notes.pdf' }
    ])
  })
})
