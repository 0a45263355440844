// The README's command-line examples, run as written (through npm and a shell redirect, the input
// and output names swapped for files in a temporary folder): `npm run withheld -- scan FILE > out.json`
// once gave invalid JSON because npm printed its banner on stdout (issue 10 point 6).
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import { PDFDocument, rgb, StandardFonts } from 'pdf-lib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ensureCliBuilt, repoRoot } from './cliSupport'

const npmOnPath = (process.env['PATH'] ?? '').split(delimiter).some((dir) => existsSync(join(dir, 'npm')))

/** The README's "Command line" section: from its heading to the next. */
async function commandLineSection(): Promise<string> {
  const readme = await readFile(join(repoRoot, 'README.md'), 'utf8')
  const start = readme.indexOf('\n## Command line\n')
  expect(start).toBeGreaterThan(0)
  const end = readme.indexOf('\n## ', start + 1)
  return readme.slice(start, end < 0 ? undefined : end)
}

/** Lines of the section's shell blocks that run the CLI through npm. */
const npmCommands = (section: string): string[] =>
  section
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => /^npm run\b.*\bwithheld\b/.test(line))

function shell(command: string): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      '/bin/sh',
      ['-c', command],
      { cwd: repoRoot, maxBuffer: 16 * 1024 * 1024 },
      (error, _stdout, stderr) => {
        resolve({
          code: error ? (typeof error.code === 'number' ? error.code : -1) : 0,
          stderr: String(stderr)
        })
      }
    )
  })
}

let dir = ''

beforeAll(async () => {
  await ensureCliBuilt()
  dir = await mkdtemp(join(tmpdir(), 'withheld-readme-cli-'))
  const doc = await PDFDocument.create()
  const font = await doc.embedFont(StandardFonts.Helvetica)
  const page = doc.addPage([595, 842])
  page.drawText('The minister was advised on the matter in March.', { x: 72, y: 760, size: 11, font })
  page.drawRectangle({ x: 72, y: 700, width: 300, height: 14, color: rgb(0, 0, 0) })
  page.drawText('s9(2)(a)', { x: 380, y: 703, size: 9, font })
  await writeFile(join(dir, 'release.pdf'), await doc.save())
}, 120_000)

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true })
})

/** The README line with its example file names pointed into the temporary folder. */
const inTemporaryFolder = (line: string): string =>
  line.replace(/(^|\s)(release(?:\.pdf|\.json|-report))(?=\s|$)/g, (_, space: string, name: string) => {
    return `${space}'${join(dir, name)}'`
  })

describe('README: the command line as documented', () => {
  it('runs npm silently, so stdout carries only the command’s output', async () => {
    const commands = npmCommands(await commandLineSection())
    expect(commands.length).toBeGreaterThanOrEqual(2)
    for (const command of commands) expect(command).toMatch(/^npm run -s withheld -- /)
  })

  it.skipIf(!npmOnPath)('`scan release.pdf > release.json` writes valid withheld.scan/1 JSON', async () => {
    const line = npmCommands(await commandLineSection()).find((command) =>
      /scan release\.pdf > release\.json$/.test(command)
    )
    expect(line).toBeDefined()
    const run = await shell(inTemporaryFolder(line!))
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const scan = JSON.parse(await readFile(join(dir, 'release.json'), 'utf8')) as {
      schema: string
      file: string
    }
    expect(scan).toMatchObject({ schema: 'withheld.scan/1', file: 'release.pdf' })
  })

  it.skipIf(!npmOnPath)(
    'the multi-format report example writes each format beside its base name',
    async () => {
      const line = npmCommands(await commandLineSection()).find((command) =>
        / report release\.pdf /.test(command)
      )
      expect(line).toBeDefined()
      const formats = /--format (\S+)/.exec(line!)?.[1]?.split(',') ?? []
      expect(formats.length).toBeGreaterThan(1)
      const run = await shell(inTemporaryFolder(line!))
      expect(run.stderr).toBe('')
      expect(run.code).toBe(0)
      for (const format of formats) expect(existsSync(join(dir, `release-report.${format}`))).toBe(true)
      if (formats.includes('json'))
        expect(JSON.parse(await readFile(join(dir, 'release-report.json'), 'utf8'))).toMatchObject({
          schema: 'withheld.report/1'
        })
    }
  )
})
