/**
 * Review benchmark (issue 5): a release of 5,000 redactions (50 on each of 100 pages) open in the
 * built renderer in headless Chromium (the e2e harness). Measured in the page's own clock, from the
 * triggering event to the DOM showing its result (a MutationObserver callback, the first moment the
 * change exists): a status filter re-rendering the panel, "j" moving the selection (panel, then the
 * box on the page, which may need its page mounted), and "a"/"u" tagging the selected redaction on
 * three clocks: shown in the panel (optimistic), stored (its Dexie transaction with the history row
 * committed, as Dexie's BroadcastChannel announces it) and restyled on the page (the commit, the
 * page's re-read and the re-render); a key that changes nothing (accepting an accepted row) is
 * not a sample. Baseline in the same page: an empty keydown handler setting one attribute, timed
 * the same way. Prints medians and ratios; asserts nothing. Needs `npm run build` first.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Page } from 'playwright-core'
import { manyPagesPdf } from '../tests/e2e/viewer.fixtures'

const PAGES = 100
const PER_PAGE = 50
/** BENCH_SAMPLES=2 for a quick look. */
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 30)

const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..')
;(globalThis as { __dirname?: string }).__dirname = join(repoRoot, 'tests/e2e/harness')
const { launchApp } = await import('../tests/e2e/harness/harness')

/** Writes the rows straight into IndexedDB, as the analysis would have: 4 in 5 unreviewed. */
const seed = (documentId: string): string => `new Promise((resolve, reject) => {
  const open = indexedDB.open('withheld')
  open.onerror = () => reject(open.error)
  open.onsuccess = () => {
    const tx = open.result.transaction('redactions', 'readwrite')
    const store = tx.objectStore('redactions')
    const grounds = [['9(2)(a)'], ['9(2)(g)(i)'], ['9(2)(b)(ii)'], ['6(a)'], ['18(d)'], []]
    const statuses = ['unreviewed', 'unreviewed', 'unreviewed', 'unreviewed', 'accepted']
    let n = 0
    for (let p = 0; p < ${PAGES}; p++) {
      for (let i = 0; i < ${PER_PAGE}; i++) {
        const top = 60 + (i % 25) * 28, left = i < 25 ? 72 : 320
        store.put({
          id: 'bench-' + p + '-' + i, documentId: ${JSON.stringify(documentId)}, pageIndex: p,
          pageRect: [left, top, left + 200, top + 14], kind: 'black', origin: 'detected', source: 'vector',
          confidence: 0.97, grounds: grounds[n % grounds.length], label: null,
          status: statuses[n % statuses.length], note: '', leak: null, createdAt: 1, updatedAt: 1
        })
        n++
      }
    }
    tx.oncomplete = () => { open.result.close(); resolve(n) }
    tx.onerror = () => reject(tx.error)
  }
})`

/**
 * Page-side timer: runs \`trigger\`, resolves with the ms until \`done()\` first holds after a DOM
 * mutation (or at once, if the trigger rendered synchronously).
 */
const TIMER = `window.__time = (trigger, done) => new Promise((resolve) => {
  const t0 = performance.now()
  const observer = new MutationObserver(() => {
    if (done()) { observer.disconnect(); resolve(performance.now() - t0) }
  })
  observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true })
  trigger()
  if (done()) { observer.disconnect(); resolve(performance.now() - t0) }
})
window.__key = (key) => window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }))
window.__selected = () => document.querySelector('.review-row[aria-selected="true"]')?.dataset.redactionId ?? null
// Dexie announces every committed write on this channel (its cross-window sync): the "stored" clock.
window.__onCommit = null
new BroadcastChannel('x-storagemutated-1').onmessage = (e) => {
  if (e.data && Object.keys(e.data).some((part) => part.startsWith('idb://withheld/redactions/'))) window.__onCommit?.()
}`

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN
}

async function time(page: Page, trigger: string, done: string): Promise<number> {
  return Number(await page.evaluate(`window.__time(() => { ${trigger} }, () => ${done})`))
}

const dir = join(tmpdir(), `withheld-review-bench-${process.pid}`)
mkdirSync(dir, { recursive: true })
const app = await launchApp()
try {
  const { page } = app
  const pdfPath = join(dir, 'release.pdf')
  writeFileSync(pdfPath, await manyPagesPdf(PAGES))
  const [documentId] = await app.importViaDialog([pdfPath])
  const seeded = Number(await page.evaluate(seed(documentId!)))
  await app.openDocument('release.pdf')
  const total = String(PAGES * PER_PAGE)
  await page.locator(`[data-testid="review-list"][data-count="${total}"]`).waitFor({ timeout: 60_000 })
  await page.evaluate(TIMER)
  await page.evaluate(`(() => {
    const probe = document.createElement('div')
    probe.id = '__probe'
    document.body.append(probe)
    window.addEventListener('keydown', (e) => { if (e.key === 'F13') probe.dataset.n = String(Number(probe.dataset.n ?? 0) + 1) })
  })()`)

  const baseline: number[] = []
  const filter: number[] = []
  const nextPanel: number[] = []
  const nextBox: number[] = []
  const tag: number[] = []
  const tagCommitted: number[] = []
  const tagStored: number[] = []
  for (let i = 0; i < SAMPLES; i++) {
    baseline.push(
      await time(
        page,
        `window.__n = document.getElementById('__probe').dataset.n; window.__key('F13')`,
        `document.getElementById('__probe').dataset.n !== window.__n`
      )
    )
    const todo = await page.locator('.review-segment[data-status="unreviewed"] .review-count').textContent()
    filter.push(
      await time(
        page,
        `document.querySelector('.review-segment[data-status="unreviewed"]').click()`,
        `document.querySelector('[data-testid="review-list"]')?.dataset.count === ${JSON.stringify(todo)}`
      )
    )
    filter.push(
      await time(
        page,
        `document.querySelector('.review-segment[data-status="all"]').click()`,
        `document.querySelector('[data-testid="review-list"]')?.dataset.count === ${JSON.stringify(total)}`
      )
    )
    // Jump 10 redactions at a time for 10 of the samples: crosses pages (50 per page) every 5th sample.
    nextPanel.push(
      await time(
        page,
        `window.__was = window.__selected(); window.__key('j')`,
        `window.__selected() !== null && window.__selected() !== window.__was`
      )
    )
    const selected = (await page.evaluate('window.__selected()')) as string
    nextBox.push(
      await time(
        page,
        `window.__key('Escape'); window.__key('j')`,
        `document.querySelector('.redaction-box.selected[data-redaction-id=${JSON.stringify(selected)}]') !== null && window.__selected() !== null`
      )
    )
    for (const [key, word, cls] of [
      ['a', 'Accepted', 'status-accepted'],
      ['u', 'To do', 'status-unreviewed']
    ] as const) {
      // One key, three clocks: the panel (optimistic), the commit (transaction plus history row) and
      // the box on the page (after the commit and its page's re-read).
      const [shown, committed, onPage] = (await page.evaluate(`(async () => {
        const id = window.__selected()
        const box = () => document.querySelector('.redaction-box[data-redaction-id="' + id + '"]')
        const t0 = performance.now()
        let shownAt = null
        const committed = new Promise((resolve) => {
          window.__onCommit = () => { window.__onCommit = null; resolve(performance.now() - t0) }
        })
        await window.__time(() => window.__key(${JSON.stringify(key)}), () => {
          if (shownAt === null && document.querySelector('[data-testid="review-status"]')?.textContent === ${JSON.stringify(word)}) shownAt = performance.now() - t0
          return shownAt !== null && !!box()?.classList.contains(${JSON.stringify(cls)})
        })
        const onPage = performance.now() - t0
        // "a" on a row already accepted writes nothing (1 in 5 are seeded accepted): no sample.
        const stored = await Promise.race([committed, new Promise((resolve) => setTimeout(() => resolve(null), 2000))])
        window.__onCommit = null
        return [shownAt, stored, onPage]
      })()`)) as [number, number | null, number]
      if (committed !== null) {
        tag.push(shown)
        tagCommitted.push(committed)
        tagStored.push(onPage)
      }
    }
    // Step along so the next sample jumps somewhere new (every 5th lands on a new page).
    for (let s = 0; s < 9; s++) await page.evaluate(`window.__key('j')`)
  }
  // What one tagging action costs underneath: a one-row write with strict (the app's) and relaxed
  // durability, and the live query's re-read of every row of the document.
  const raw = (await page.evaluate(`new Promise((resolve) => {
    const open = indexedDB.open('withheld')
    open.onsuccess = async () => {
      const db = open.result
      const once = (durability) => new Promise((done) => {
        const t0 = performance.now()
        const tx = db.transaction('redactions', 'readwrite', { durability })
        const store = tx.objectStore('redactions')
        const get = store.get('bench-0-0')
        get.onsuccess = () => store.put(get.result)
        tx.oncomplete = () => done(performance.now() - t0)
      })
      const readAll = () => new Promise((done) => {
        const t0 = performance.now()
        const req = db.transaction('redactions').objectStore('redactions').index('documentId').getAll(${JSON.stringify(documentId)})
        req.onsuccess = () => done(performance.now() - t0)
      })
      const med = async (f) => { const xs = []; for (let i = 0; i < 15; i++) xs.push(await f()); xs.sort((a, b) => a - b); return xs[7] }
      const result = { strictWriteMs: await med(() => once('strict')), relaxedWriteMs: await med(() => once('relaxed')), readAllMs: await med(readAll) }
      db.close()
      resolve(result)
    }
  })`)) as { strictWriteMs: number; relaxedWriteMs: number; readAllMs: number }
  const history = Number(
    await page.evaluate(`new Promise((resolve) => {
      const open = indexedDB.open('withheld')
      open.onsuccess = () => { const c = open.result.transaction('history').objectStore('history').count(); c.onsuccess = () => { open.result.close(); resolve(c.result) } }
    })`)
  )

  const summary = {
    redactions: seeded,
    samples: SAMPLES,
    baselineMs: median(baseline),
    filterMs: median(filter),
    nextPanelMs: median(nextPanel),
    nextOnPageMs: median(nextBox),
    tagShownMs: median(tag),
    tagCommittedMs: median(tagCommitted),
    tagStoredMs: median(tagStored),
    historyRows: history,
    ...raw
  }
  const fmt = (n: number): string => n.toFixed(2)
  const ratio = (n: number): string => `${(n / Math.max(summary.baselineMs, 0.001)).toFixed(0)}×`
  console.log(
    `Review, ${seeded} redactions on ${PAGES} pages, median of ${SAMPLES} samples (page clock, to DOM change)`
  )
  console.table([
    {
      measure: 'empty keydown handler (baseline)',
      median: `${fmt(summary.baselineMs)} ms`,
      'vs baseline': '1×',
      target: ''
    },
    {
      measure: 'status filter → list re-rendered',
      median: `${fmt(summary.filterMs)} ms`,
      'vs baseline': ratio(summary.filterMs),
      target: '< 100 ms'
    },
    {
      measure: '"j" → panel selection moved',
      median: `${fmt(summary.nextPanelMs)} ms`,
      'vs baseline': ratio(summary.nextPanelMs),
      target: ''
    },
    {
      measure: '"j" → box selected on its page',
      median: `${fmt(summary.nextOnPageMs)} ms`,
      'vs baseline': ratio(summary.nextOnPageMs),
      target: ''
    },
    {
      measure: '"a"/"u" → shown in the panel',
      median: `${fmt(summary.tagShownMs)} ms`,
      'vs baseline': ratio(summary.tagShownMs),
      target: '< 16 ms'
    },
    {
      measure: '"a"/"u" → stored: transaction with its history row committed',
      median: `${fmt(summary.tagCommittedMs)} ms`,
      'vs baseline': ratio(summary.tagCommittedMs),
      target: '< 16 ms'
    },
    {
      measure: '"a"/"u" → stored, re-read, box restyled on its page',
      median: `${fmt(summary.tagStoredMs)} ms`,
      'vs baseline': ratio(summary.tagStoredMs),
      target: ''
    }
  ])
  console.log(
    `underneath: one-row write ${fmt(raw.strictWriteMs)} ms strict / ${fmt(raw.relaxedWriteMs)} ms relaxed durability; ` +
      `re-reading ${seeded} rows ${fmt(raw.readAllMs)} ms`
  )
  writeFileSync(
    join(repoRoot, 'bench/results/review.json'),
    `${JSON.stringify({ bench: 'review', at: new Date().toISOString(), summary, samples: { baseline, filter, nextPanel, nextBox, tag, tagCommitted, tagStored } }, null, 2)}\n`
  )
  await app.analysesSettled().catch(() => {})
} finally {
  await app.close().catch((error: unknown) => console.error(String(error)))
  rmSync(dir, { recursive: true, force: true })
}
