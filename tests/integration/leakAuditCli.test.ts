// Issue 13 through the built `withheld scan`: the audit travels from the analysis worker (its `done`
// event) into the scan result, in JSON and Markdown; the withheld name appears only with
// --reveal-leaks.
import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ScanResult } from '@core/types'
import { auditFixtures } from '../fixtures/audit/leakFixtures'
import { SECRET } from '../fixtures/audit/pdfParts'
import { cliEntry, ensureCliBuilt } from './cliSupport'

const withheld = (args: readonly string[]): Promise<string> =>
  new Promise((resolve, reject) =>
    execFile(process.execPath, [cliEntry, ...args], { maxBuffer: 64 << 20 }, (error, stdout) =>
      error ? reject(error) : resolve(stdout)
    )
  )

let dir = ''
beforeAll(async () => {
  await ensureCliBuilt()
  dir = await mkdtemp(join(tmpdir(), 'withheld-audit-cli-'))
  for (const f of await auditFixtures())
    if (['control', 'metadata', 'earlier-revision', 'damaged-xref'].includes(f.name))
      await writeFile(join(dir, `${f.name}.pdf`), f.bytes)
}, 180_000)
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true })
})

describe('withheld scan: the leak audit', () => {
  it('gives each file its verdict and findings, hiding the text unless revealed', async () => {
    const files = ['control', 'metadata', 'earlier-revision', 'damaged-xref'].map((n) =>
      join(dir, `${n}.pdf`)
    )
    const out = await withheld(['scan', ...files, '--format', 'json', '--dpi', '0', '--no-ocr'])
    expect(out).not.toContain(SECRET)
    const results = JSON.parse(out) as ScanResult[]
    expect(results.map((r) => [r.file, r.audit?.verdict])).toEqual([
      ['control.pdf', 'clean'],
      ['metadata.pdf', 'leaks'],
      ['earlier-revision.pdf', 'leaks'],
      ['damaged-xref.pdf', 'incomplete']
    ])
    expect(results[2]!.audit!.findings.map((f) => f.where)).toEqual(['revision 1 of 2, page 1'])
    const revealed = await withheld([
      'scan',
      files[2]!,
      '--format',
      'md',
      '--dpi',
      '0',
      '--no-ocr',
      '--reveal-leaks'
    ])
    expect(revealed).toContain('## Leak audit: leaks')
    expect(revealed).toContain(SECRET)
  })
})
