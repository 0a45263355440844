import { describe, expect, it } from 'vitest'
import { VALIDATORS } from './ipcPolicy'

const marker = { documentCount: 2, instanceId: 'abc', updatedAt: '2026-11-28T17:00:00.000Z' }

describe('backup channel payloads', () => {
  it('accept what the renderer sends', () => {
    expect(VALIDATORS['backup:begin'](['automatic'])).toEqual(['automatic'])
    const chunk = new Uint8Array(3)
    expect(VALIDATORS['backup:write'](['w1', chunk])).toEqual(['w1', chunk])
    const facts = {
      createdAt: '2026-11-28T17:00:00.000Z',
      schemaVersion: 1,
      counts: { documents: 2, blobBytes: 9 }
    }
    expect(VALIDATORS['backup:finish'](['w1', facts])).toEqual(['w1', facts])
    expect(VALIDATORS['restore:open']([{ kind: 'choose-file' }])).toEqual([{ kind: 'choose-file' }])
    const stored = { kind: 'stored', fileName: 'withheld-auto-2026-11-28T17-00-00-000Z.withheld-backup' }
    expect(VALIDATORS['restore:open']([stored])).toEqual([stored])
    expect(VALIDATORS['workspace:write-marker']([marker])).toEqual([marker])
    expect(VALIDATORS['backup:list']([])).toEqual([])
  })

  it.each([
    ['backup:begin', ['/etc/passwd']],
    ['backup:begin', []],
    ['backup:write', ['w1', 'not bytes']],
    ['backup:write', ['', new Uint8Array(1)]],
    ['backup:finish', ['w1', { createdAt: 'yesterday', schemaVersion: 1, counts: {} }]],
    ['backup:finish', ['w1', { createdAt: '2026-11-28T17:00:00Z', schemaVersion: 1, counts: { a: -1 } }]],
    [
      'backup:finish',
      ['w1', { createdAt: '2026-11-28T17:00:00Z', schemaVersion: 1, counts: {}, path: '/x' }]
    ],
    ['restore:open', [{ kind: 'file', path: '/etc/passwd' }]],
    ['restore:open', [{ kind: 'stored', fileName: '../../secret' }]],
    ['restore:open', [{ kind: 'stored', fileName: 'a\\b' }]],
    ['restore:read', [{ id: 'x' }]],
    ['workspace:write-marker', [{ ...marker, documentCount: 1.5 }]],
    ['workspace:write-marker', [{ ...marker, __proto__: { polluted: true }, extra: 1 }]]
  ] as const)('refuse %s %j', (channel, args) => {
    expect(() => VALIDATORS[channel](args as readonly unknown[])).toThrow(/^(backup|restore|workspace):/)
  })
})
