/**
 * `withheld report --format pdf`: prints the self-contained HTML report with a Chromium-family browser
 * in headless mode. The HTML fetches nothing (its CSP forbids it), the browser gets a throwaway
 * profile and no network services, and the PDF is written beside the target then renamed into place.
 */
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, open, rename, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, delimiter, dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'

const BROWSER_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']
/** 1,000 pages of report print in well under a minute here; a browser silent for 5 minutes is stuck. */
export const PRINT_TIMEOUT_MS = 5 * 60_000

/** WITHHELD_CHROME first, then /usr/bin, then each folder on PATH. */
export function findChrome(
  env: NodeJS.ProcessEnv = process.env,
  exists: (path: string) => boolean = existsSync
): string | null {
  const chosen = env['WITHHELD_CHROME']
  if (chosen) return exists(chosen) ? chosen : null
  const dirs = ['/usr/bin', ...(env['PATH'] ?? '').split(delimiter).filter(Boolean)]
  for (const dir of dirs) {
    for (const name of BROWSER_NAMES) {
      const candidate = join(dir, name)
      if (exists(candidate)) return candidate
    }
  }
  return null
}

export const NO_BROWSER_MESSAGE =
  '--format pdf needs Chromium or Google Chrome (none found; set WITHHELD_CHROME=/path/to/browser). ' +
  'Use --format html (and print it from any browser), csv, json or md instead.'

async function isPdf(path: string): Promise<boolean> {
  const file = await open(path, 'r').catch(() => null)
  if (!file) return false
  try {
    const head = Buffer.alloc(5)
    await file.read(head, 0, 5, 0)
    return head.toString('latin1') === '%PDF-'
  } finally {
    await file.close()
  }
}

function run(
  command: string,
  args: readonly string[],
  timeoutMs: number
): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr.setEncoding('utf8')
    child.stderr.on('data', (chunk: string) => {
      if (stderr.length < 64 * 1024) stderr += chunk
    })
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
    child.on('error', (err) => {
      clearTimeout(timer)
      resolve({ code: null, stderr: err.message })
    })
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ code, stderr })
    })
  })
}

/** Prints `html` to a PDF at `outPath`; throws with one sentence when the browser fails. */
export async function printHtmlToPdf(
  browser: string,
  html: string,
  outPath: string,
  timeoutMs = PRINT_TIMEOUT_MS
): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'withheld-report-'))
  const pending = join(dirname(outPath), `.${basename(outPath)}.${process.pid}.tmp.pdf`)
  try {
    const htmlPath = join(work, 'report.html')
    await writeFile(htmlPath, html, 'utf8')
    const { code } = await run(
      browser,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--no-default-browser-check',
        `--user-data-dir=${join(work, 'profile')}`,
        `--print-to-pdf=${pending}`,
        '--no-pdf-header-footer',
        pathToFileURL(htmlPath).href
      ],
      timeoutMs
    )
    if (!(await isPdf(pending)))
      // Seen here: Chromium exits 0 without a PDF on a 17,000-row report (11 MB of HTML).
      throw new Error(
        `the browser made no PDF (exit ${code ?? 'killed'}); for a report this large, write --format html ` +
          'and print it from a browser.'
      )
    await rename(pending, outPath)
  } finally {
    await rm(pending, { force: true })
    await rm(work, { recursive: true, force: true })
  }
}
