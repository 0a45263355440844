// The services' report saving, in Node with real files: ids for "Show in folder", failures as outcomes.
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ReportSaveRequest } from '@shared/ipc'
import { nodeSpawner } from '@node/analysisHost'
import { createMainServices, type MainServices } from './services'

let folder = ''
let services: MainServices
const printed: string[] = []

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'withheld-export-services-'))
  printed.length = 0
  services = createMainServices({
    spawner: nodeSpawner(),
    // No analysis runs here: the worker is never started.
    workerEntry: join(folder, 'no-worker.js'),
    printPdf: (html, paper) => {
      printed.push(paper)
      return Promise.resolve(new TextEncoder().encode(`%PDF-1.7\n${html}`))
    }
  })
})
afterEach(async () => {
  services.dispose()
  await rm(folder, { recursive: true, force: true })
})

const request: ReportSaveRequest = {
  baseName: 'Release/one',
  outputs: [
    { format: 'md', text: '# Report\n' },
    { format: 'pdf', html: '<p>r</p>', paper: 'a4' }
  ]
}

describe('services.saveReport', () => {
  it('saves, answers with names only and an id that main turns back into the path', async () => {
    const outcome = await services.saveReport(request, { kind: 'folder', path: folder })
    expect(outcome).toMatchObject({
      status: 'saved',
      fileNames: ['Release one.md', 'Release one.pdf'],
      folderName: folder.split('/').pop()
    })
    expect(printed).toEqual(['a4'])
    expect(JSON.stringify(outcome)).not.toContain(tmpdir())
    if (outcome.status !== 'saved') throw new Error('not saved')
    expect(services.savedReportPath(outcome.saveId)).toBe(join(folder, 'Release one.md'))
    expect(services.savedReportPath('made-up')).toBeNull()
    expect((await readdir(folder)).sort()).toEqual(['Release one.md', 'Release one.pdf'])
  })

  it('turns a failure into a "failed" outcome with one sentence', async () => {
    const outcome = await services.saveReport(request, { kind: 'folder', path: join(folder, 'missing') })
    expect(outcome).toEqual({
      status: 'failed',
      message: 'The folder for “Release one.md” no longer exists. Choose another place.'
    })
  })

  it('says so when no printer was given and a PDF is asked for', async () => {
    const bare = createMainServices({ spawner: nodeSpawner(), workerEntry: join(folder, 'no-worker.js') })
    const outcome = await bare.saveReport(request, { kind: 'folder', path: folder })
    bare.dispose()
    expect(outcome).toMatchObject({
      status: 'failed',
      message: expect.stringMatching(/could not be printed/)
    })
    expect(await readdir(folder)).toEqual([])
  })
})
