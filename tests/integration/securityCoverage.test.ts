// Keeps docs/security-coverage.md honest (issue 7): every item of ../shared/reference/security.md has
// a row, every row names test files that exist and test names those files contain, and every
// release-machine-only check is explained in the README. Rows for the project's own files are checked
// always; the comparison with security.md skips where ../shared is absent.
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const repoRoot = resolve(import.meta.dirname, '..', '..')
const securityMd = resolve(repoRoot, '..', 'shared', 'reference', 'security.md')
const coverage = readFileSync(join(repoRoot, 'docs', 'security-coverage.md'), 'utf8')
const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8')

/** A table row that starts with an item id (Prettier pads cells, so spaces vary). */
const ID = /^\|\s*([EPDRVX]\d+)\s*\|/

/** Item ids in a markdown document's table rows, in order. */
function itemIds(markdown: string): string[] {
  return markdown.split('\n').flatMap((line) => {
    const match = ID.exec(line)
    return match ? [match[1]!] : []
  })
}

interface Row {
  readonly id: string
  readonly tests: string
  readonly releaseOnly: string
}

function rows(markdown: string): Row[] {
  return markdown
    .split('\n')
    .filter((line) => ID.test(line))
    .map((line) => {
      // | id | item | tests | release machine only |  (no cell contains a "|")
      const cells = line.split('|').map((cell) => cell.trim())
      return { id: ID.exec(line)![1]!, tests: cells[3] ?? '', releaseOnly: cells[4] ?? '' }
    })
}

/** `file` › "name", "name": each test file with the test names quoted after it. */
function references(cell: string): { file: string; names: string[] }[] {
  return cell.split(/;\s*/).flatMap((part) => {
    const file = /`((?:src|tests)\/[^`]+\.test\.tsx?)`/.exec(part)?.[1]
    if (!file) return []
    const names = [...(part.split('›')[1] ?? '').matchAll(/"([^"]+)"/g)].map((match) => match[1]!)
    return [{ file, names }]
  })
}

const coverageRows = rows(coverage)

describe('docs/security-coverage.md', () => {
  it('has one row per item, no duplicates', () => {
    const ids = coverageRows.map((row) => row.id)
    expect(ids.length).toBeGreaterThan(40)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it.each(coverageRows.map((row) => [row.id, row]))(
    '%s names at least one test file that exists, and test names found in it',
    (_id, row) => {
      const refs = references(row.tests)
      expect(refs.length).toBeGreaterThan(0)
      for (const { file, names } of refs) {
        const path = join(repoRoot, file)
        expect(existsSync(path), `${file} exists`).toBe(true)
        const text = readFileSync(path, 'utf8')
        expect(names.length, `${file}: a test name is quoted`).toBeGreaterThan(0)
        for (const name of names) expect(text.includes(name), `${file} contains "${name}"`).toBe(true)
      }
    }
  )

  it('lists each release-machine-only check in the README, by id', () => {
    const section = /## Security[\s\S]*?(?=\n## |$)/.exec(readme)?.[0] ?? ''
    expect(section).toContain('docs/security-coverage.md')
    for (const row of coverageRows.filter((r) => r.releaseOnly.trim() !== '')) {
      expect(section, `README names ${row.id}`).toMatch(new RegExp(`\\b${row.id}\\b`))
    }
  })

  it('references() reads files and quoted names, and ignores prose', () => {
    expect(
      references('`src/a.test.ts` › "one", "two"; prose with "quotes"; `tests/e2e/b.test.ts` › "three"')
    ).toEqual([
      { file: 'src/a.test.ts', names: ['one', 'two'] },
      { file: 'tests/e2e/b.test.ts', names: ['three'] }
    ])
  })
})

describe.skipIf(!existsSync(securityMd))('every item of security.md is covered', () => {
  const source = existsSync(securityMd) ? readFileSync(securityMd, 'utf8') : ''

  it('reads the checklist ids (E1–E13, P1–P11, D1–D8, R1–R6, V1–V6, X1–X3)', () => {
    const ids = itemIds(source)
    expect(ids.filter((id) => id.startsWith('E'))).toHaveLength(13)
    expect(ids.length).toBeGreaterThanOrEqual(47)
  })

  it('has a coverage row for each, and none for an item that does not exist', () => {
    const wanted = itemIds(source)
    const have = coverageRows.map((row) => row.id)
    expect(wanted.filter((id) => !have.includes(id))).toEqual([])
    expect(have.filter((id) => !wanted.includes(id))).toEqual([])
  })
})
