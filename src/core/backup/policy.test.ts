import { describe, expect, it } from 'vitest'
import { looksReset, parseMarker } from './marker'
import { backupsToDelete, parseStoredBackupName, storedBackupName } from './retention'
import { autoBackupDelayMs, MIN_BACKUP_INTERVAL_MS, QUIET_BEFORE_BACKUP_MS } from './schedule'

const MIN = 60_000
const at = (minutes: number): Date => new Date(Date.UTC(2026, 10, 28, 17, 0) + minutes * MIN)

describe('stored backup names', () => {
  it('round-trips kind and time and sorts by time', () => {
    const name = storedBackupName('automatic', new Date('2026-11-28T17:30:05.042Z'))
    expect(name).toBe('withheld-auto-2026-11-28T17-30-05-042Z.withheld-backup')
    expect(parseStoredBackupName(name)).toEqual({
      kind: 'automatic',
      createdAtMs: Date.parse('2026-11-28T17:30:05.042Z')
    })
    expect(parseStoredBackupName(storedBackupName('before-restore', at(0)))?.kind).toBe('before-restore')
    expect(parseStoredBackupName('my copy.withheld-backup')).toBeNull()
    expect(parseStoredBackupName('../withheld-auto-2026-11-28T17-30-05-042Z.withheld-backup')).toBeNull()
  })
})

describe('rolling retention', () => {
  it('keeps the newest five automatic and three before-restore backups, never foreign files', () => {
    const autos = Array.from({ length: 8 }, (_, i) => storedBackupName('automatic', at(i * 10)))
    const safety = Array.from({ length: 4 }, (_, i) => storedBackupName('before-restore', at(i)))
    const names = [...autos, ...safety, 'notes.txt', 'my copy.withheld-backup'].reverse()
    expect(backupsToDelete(names).sort()).toEqual([...autos.slice(0, 3), safety[0]!].sort())
    expect(backupsToDelete(autos.slice(0, 5))).toEqual([])
  })
})

describe('automatic backup schedule', () => {
  const now = at(100).getTime()
  it('does nothing while nothing changed', () => {
    expect(
      autoBackupDelayMs({ dirtySinceMs: null, lastChangeMs: now, lastBackupMs: null, nowMs: now })
    ).toBeNull()
  })
  it('backs up after a pause in the work', () => {
    const clock = { dirtySinceMs: now - 5000, lastChangeMs: now - 5000, lastBackupMs: null, nowMs: now }
    expect(autoBackupDelayMs(clock)).toBe(QUIET_BEFORE_BACKUP_MS - 5000)
  })
  it('backs up at most once per interval while changes keep coming', () => {
    const busy = { dirtySinceMs: now - 2 * MIN, lastChangeMs: now, lastBackupMs: now - 3 * MIN, nowMs: now }
    expect(autoBackupDelayMs(busy)).toBe(MIN_BACKUP_INTERVAL_MS - 3 * MIN)
    const long = { dirtySinceMs: now - 11 * MIN, lastChangeMs: now, lastBackupMs: now - 20 * MIN, nowMs: now }
    expect(autoBackupDelayMs(long)).toBe(0)
  })
})

describe('workspace marker', () => {
  const marker = { documentCount: 4, instanceId: 'a', updatedAt: '2026-11-28T17:00:00.000Z' }
  it('parses only a well-formed marker', () => {
    expect(parseMarker(JSON.stringify(marker))).toEqual(marker)
    expect(parseMarker(null)).toBeNull()
    expect(parseMarker('{')).toBeNull()
    expect(parseMarker(JSON.stringify({ ...marker, documentCount: -1 }))).toBeNull()
    expect(parseMarker(JSON.stringify({ ...marker, extra: 1 }))).toBeNull()
  })
  it('sees a reset only when documents vanished with the database instance', () => {
    expect(looksReset(marker, { documentCount: 0, instanceId: 'b' })).toBe(true)
    expect(looksReset(marker, { documentCount: 0, instanceId: 'a' })).toBe(false) // the user emptied it
    expect(looksReset(marker, { documentCount: 2, instanceId: 'b' })).toBe(false)
    expect(looksReset({ ...marker, documentCount: 0 }, { documentCount: 0, instanceId: 'b' })).toBe(false)
    expect(looksReset(null, { documentCount: 0, instanceId: 'b' })).toBe(false)
  })
})
