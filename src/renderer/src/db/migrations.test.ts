// @vitest-environment node
/**
 * Migration harness (security.md D6): every released schema version has a fixture in
 * ./fixtures/v<n>.ts holding its schema and rows as that version wrote them. Each fixture is
 * seeded with its own frozen schema, then opened with the current code, and must come out readable
 * at CURRENT_DB_VERSION with nothing lost. Adding version n = add fixtures/v<n>.ts and list it below.
 *
 * Node environment, not jsdom: jsdom's Blob does not survive fake-indexeddb's structured clone (it
 * comes back as `{}`), Node's does, and Dexie needs nothing else from a DOM.
 */
import 'fake-indexeddb/auto'
import { Dexie } from 'dexie'
import { afterEach, describe, expect, it } from 'vitest'
import { CURRENT_DB_VERSION, openDatabase, openForApp, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3 } from './db'
import type { DbFixture } from './fixtures/fixture'
import { v1 } from './fixtures/v1'
import { v2 } from './fixtures/v2'
import { v3 } from './fixtures/v3'

/** One entry per released version, oldest first (TypeScript modules, not JSON, so the web project typechecks them). */
const FIXTURES: Record<string, DbFixture> = { 'v1.json': v1, 'v2.json': v2, 'v3.json': v3 }
const fixtureFiles = Object.keys(FIXTURES)

function loadFixture(file: string): DbFixture {
  const fixture = FIXTURES[file]
  if (!fixture) throw new Error(`no fixture ${file}`)
  // A deep copy: tests must not share mutated rows.
  return structuredClone(fixture)
}

/** Files are stored as Blobs; JSON carries them as base64. */
function toStoredRow(table: string, row: Record<string, unknown>): Record<string, unknown> {
  if (table !== 'files' || typeof row.bytesBase64 !== 'string') return row
  const { bytesBase64, ...rest } = row
  const bytes = Uint8Array.from(atob(bytesBase64 as string), (c) => c.charCodeAt(0))
  return { ...rest, bytes: new Blob([bytes]) }
}

async function seed(name: string, fixture: DbFixture): Promise<void> {
  const old = new Dexie(name)
  old.version(fixture.version).stores(fixture.schema)
  await old.open()
  await old.transaction('rw', Object.keys(fixture.rows), async () => {
    for (const [table, rows] of Object.entries(fixture.rows)) {
      await old.table(table).bulkPut(rows.map((r) => toStoredRow(table, r)))
    }
  })
  old.close()
}

let seq = 0
const names: string[] = []
function freshName(): string {
  const name = `withheld-migration-${++seq}`
  names.push(name)
  return name
}
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name)
})

describe('schema migrations', () => {
  it('has a fixture for every version up to the current one', () => {
    const versions = fixtureFiles.map((f) => loadFixture(f).version).sort((a, b) => a - b)
    expect(versions).toEqual(Array.from({ length: CURRENT_DB_VERSION }, (_, i) => i + 1))
  })

  it('keeps the v1 fixture schema identical to the declared version 1', () => {
    expect(loadFixture('v1.json').schema).toEqual(SCHEMA_V1)
  })

  it('keeps the v2 fixture schema identical to the declared version 2', () => {
    expect(loadFixture('v2.json').schema).toEqual(SCHEMA_V2)
  })

  it('a version 1 library opens at version 2 with an empty, usable pageWords table', async () => {
    const name = freshName()
    await seed(name, loadFixture('v1.json'))
    const db = openDatabase(name)
    expect(await openForApp(db)).toEqual({ ok: true })
    expect(await db.pageWords.count()).toBe(0)
    await db.pageWords.put({ documentId: 'doc-1', pageIndex: 0, words: [] })
    expect(await db.pageWords.where('documentId').equals('doc-1').count()).toBe(1)
    db.close()
  })

  it('keeps the OCR words of a version 2 library', async () => {
    const name = freshName()
    await seed(name, loadFixture('v2.json'))
    const db = openDatabase(name)
    expect(await openForApp(db)).toEqual({ ok: true })
    const row = await db.pageWords.get(['doc-1', 1])
    expect(row?.words.map((w) => w.text)).toEqual(['The', 'takahe'])
    expect(row?.words[1]?.pageRect).toEqual([96.2, 100.5, 146.8, 112.3])
    db.close()
  })

  it('keeps the v3 fixture schema identical to the declared version 3', () => {
    expect(loadFixture('v3.json').schema).toEqual(SCHEMA_V3)
  })

  it('a version 2 library opens at version 3 with its OCR words and an empty, usable documentAudits table', async () => {
    const name = freshName()
    await seed(name, loadFixture('v2.json'))
    const db = openDatabase(name)
    expect(await openForApp(db)).toEqual({ ok: true })
    expect((await db.pageWords.get(['doc-1', 1]))?.words.map((w) => w.text)).toEqual(['The', 'takahe'])
    expect(await db.documentAudits.count()).toBe(0)
    const audit = { verdict: 'clean', checked: [], unread: [], counts: {}, findings: [] } as const
    await db.documentAudits.put({ documentId: 'doc-1', audit })
    expect((await db.documentAudits.get('doc-1'))?.audit.verdict).toBe('clean')
    db.close()
  })

  it('keeps the leak audit of a version 3 library', async () => {
    const name = freshName()
    await seed(name, loadFixture('v3.json'))
    const db = openDatabase(name)
    expect(await openForApp(db)).toEqual({ ok: true })
    const row = await db.documentAudits.get('doc-1')
    expect(row?.audit.verdict).toBe('leaks')
    expect(row?.audit.counts).toEqual({ metadata: 1 })
    expect(row?.audit.findings[0]?.where).toBe('document information: Subject')
    db.close()
  })

  for (const file of fixtureFiles) {
    it(`opens a ${file} database with the current code without losing rows`, async () => {
      const fixture = loadFixture(file)
      const name = freshName()
      await seed(name, fixture)

      const db = openDatabase(name)
      expect(await openForApp(db)).toEqual({ ok: true })
      expect(db.verno).toBe(CURRENT_DB_VERSION)
      for (const [table, rows] of Object.entries(fixture.rows)) {
        expect(await db.table(table).count(), table).toBe(rows.length)
      }
      // Indexes the app queries by must work on migrated data.
      const doc = await db.documents
        .where('sha256')
        .equals(String(fixture.rows.documents?.[0]?.sha256))
        .first()
      expect(doc?.name).toBe('briefing.pdf')
      expect(await db.pages.where('documentId').equals('doc-1').count()).toBe(2)
      expect(await db.redactions.where('grounds').equals('9(2)(g)(i)').count()).toBe(1)
      expect(await db.redactions.where('[documentId+pageIndex]').equals(['doc-1', 0]).count()).toBe(1)
      const stored = await db.files.get('doc-1')
      expect(new TextDecoder().decode(await stored!.bytes.arrayBuffer())).toBe('%PDF')
      db.close()
    })
  }
})

describe('opening', () => {
  it('uses strict transaction durability (security.md D4)', () => {
    const db = openDatabase(freshName())
    expect((db as unknown as { _options: { chromeTransactionDurability?: string } })._options).toMatchObject({
      chromeTransactionDurability: 'strict'
    })
  })

  it('refuses a database written by a newer version and changes nothing', async () => {
    const name = freshName()
    const newer = new Dexie(name)
    newer.version(CURRENT_DB_VERSION + 1).stores({ ...SCHEMA_V1, tags: 'id' })
    await newer.open()
    await newer.table('tags').put({ id: 't1' })
    newer.close()

    const db = openDatabase(name)
    const outcome = await openForApp(db)
    expect(outcome).toMatchObject({ ok: false, reason: 'newer-version' })
    expect(outcome.ok ? '' : outcome.message).toMatch(/newer version of Withheld/)

    const again = new Dexie(name)
    await again.open() // dynamic open: whatever version is there
    expect(again.verno).toBe(CURRENT_DB_VERSION + 1)
    expect(await again.table('tags').count()).toBe(1)
    again.close()
  })

  it('enforces one document per sha256', async () => {
    const db = openDatabase(freshName())
    const doc = loadFixture('v1.json').rows.documents![0]!
    await db.table('documents').put(doc)
    await expect(db.table('documents').put({ ...doc, id: 'doc-2' })).rejects.toThrow()
    db.close()
  })
})
