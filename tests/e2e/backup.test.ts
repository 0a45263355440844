/**
 * Workspace backups end to end on the built renderer: File › Back up workspace… writes one file;
 * File › Restore workspace… in a fresh profile asks first, then brings the same library back (a
 * safety backup of what it replaced is kept); a file that is not a backup is refused in a sentence;
 * and a library that comes up empty while the marker remembers documents (its IndexedDB folder
 * deleted between two runs, as Chromium does when it resets a corrupt store) gets the reset banner,
 * whose Restore brings back the newest automatic backup.
 */
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchApp, type App } from './harness/harness'
import { briefingPdf, fixtureDir, type FixtureDir } from './harness/libraryFixtures'

let files: FixtureDir
const apps: App[] = []

beforeAll(async () => {
  files = fixtureDir()
  files.write('briefing.pdf', await briefingPdf('Briefing', 2))
  files.write('letter.pdf', await briefingPdf('Response letter', 1))
})
afterAll(async () => {
  for (const app of apps.splice(0)) await app.close().catch(() => undefined)
  files?.remove()
})

async function launch(userDataDir?: string): Promise<App> {
  const app = await launchApp(userDataDir ? { userDataDir } : {})
  apps.push(app)
  return app
}
async function closeKeeping(app: App): Promise<void> {
  apps.splice(apps.indexOf(app), 1)
  await app.close({ keepProfile: true })
}

const rowCount = (app: App, name: string) =>
  app.page.getByTestId('document-row').filter({ hasText: name }).count()

describe('workspace backup and restore', () => {
  let backupPath: string

  it('File › Back up workspace… writes one file with every document in it', async () => {
    const app = await launch()
    await app.importViaDialog([join(files.dir, 'briefing.pdf'), join(files.dir, 'letter.pdf')])
    backupPath = join(files.dir, 'My workspace.withheld-backup')
    app.backups.queueDialog(join(files.dir, 'My workspace'))
    await app.menu('backup-workspace')
    const toast = app.page.getByTestId('toast-info').filter({ hasText: 'Workspace backed up' })
    await toast.waitFor()
    expect(await toast.textContent()).toContain('“My workspace.withheld-backup”')
    const header = JSON.parse(readFileSync(backupPath).subarray(0, 4096).toString('utf8'))
    expect(header).toMatchObject({ format: 'withheld.backup', version: 1, schemaVersion: 3 })
    expect(header.counts).toMatchObject({ documents: 2, files: 2, blobs: 2 })
    await app.screenshot('backup-saved')
    await app.analysesSettled()
    await app.close()
    apps.splice(apps.indexOf(app), 1)
  })

  it('Restore workspace… in a fresh profile asks first, then brings the library back', async () => {
    const app = await launch()
    await app.importViaDialog([join(files.dir, 'letter.pdf')])
    app.backups.queueDialog(backupPath)
    await app.menu('restore-workspace')
    const dialog = app.page.getByTestId('confirm-dialog')
    await dialog.waitFor()
    expect(await dialog.textContent()).toMatch(
      /Your workspace \(1 document\) will be replaced by the backup of .*2 documents/
    )
    await app.screenshot('backup-restore-confirm')
    await dialog.getByRole('button', { name: 'Replace workspace' }).click()
    await app.page
      .getByTestId('toast-info')
      .filter({ hasText: 'Workspace restored' })
      .waitFor({ timeout: 60_000 })
    await expect.poll(() => app.page.getByTestId('document-row').count()).toBe(2)
    expect([await rowCount(app, 'briefing.pdf'), await rowCount(app, 'letter.pdf')]).toEqual([1, 1])
    // The restored PDF opens: its bytes came back.
    await app.openDocument('briefing.pdf')
    await app.page.locator('.document-viewer[data-state="ready"]').waitFor({ timeout: 60_000 })
    const safety = readdirSync(join(app.userDataDir, 'backups')).filter((n) =>
      n.startsWith('withheld-before-restore-')
    )
    expect(safety).toHaveLength(1)
    await app.screenshot('backup-restored')
    await app.analysesSettled()
  })

  it('refuses a file that is not a backup, a damaged one and a cut one, in a sentence each, changing nothing', async () => {
    const app = apps[apps.length - 1]!
    await app.page.getByRole('button', { name: '‹ Library' }).click()
    const bytes = readFileSync(backupPath)
    const damaged = Buffer.from(bytes)
    damaged[damaged.length - 100] = damaged[damaged.length - 100]! ^ 0xff
    writeFileSync(join(files.dir, 'damaged.withheld-backup'), damaged)
    writeFileSync(join(files.dir, 'cut.withheld-backup'), bytes.subarray(0, bytes.length - 2000))
    const cases = [
      [join(files.dir, 'letter.pdf'), 'This file is not a Withheld workspace backup.'],
      [join(files.dir, 'damaged.withheld-backup'), 'The backup is damaged'],
      [join(files.dir, 'cut.withheld-backup'), 'The backup is incomplete']
    ] as const
    for (const [path, message] of cases) {
      app.backups.queueDialog(path)
      await app.menu('restore-workspace')
      await app.page.getByTestId('toast-error').filter({ hasText: message }).waitFor()
    }
    await app.screenshot('backup-refused')
    expect(await app.page.getByTestId('confirm-dialog').count()).toBe(0)
    expect(await app.page.getByTestId('document-row').count()).toBe(2)
  })
})

describe('silent reset detection', () => {
  it('an emptied IndexedDB with a marker that remembers documents offers the newest backup', async () => {
    let app = await launch()
    await app.importViaDialog([join(files.dir, 'briefing.pdf')])
    // The marker follows the change within a couple of seconds; closing writes a final automatic backup.
    const markerPath = join(app.userDataDir, 'workspace.json')
    await expect
      .poll(() => (existsSync(markerPath) ? JSON.parse(readFileSync(markerPath, 'utf8')).documentCount : 0), {
        timeout: 20_000
      })
      .toBe(1)
    await app.analysesSettled()
    await app.beforeClose()
    const autos = readdirSync(join(app.userDataDir, 'backups')).filter((n) => n.startsWith('withheld-auto-'))
    expect(autos).toHaveLength(1)
    const profile = app.userDataDir
    await closeKeeping(app)

    const idb = join(profile, 'Default', 'IndexedDB')
    expect(statSync(idb).isDirectory()).toBe(true)
    rmSync(idb, { recursive: true, force: true })

    app = await launch(profile)
    const banner = app.page.getByTestId('reset-banner')
    await banner.waitFor()
    expect(await banner.textContent()).toMatch(
      /seems to have been reset.*held 1 document.*Restore from the backup of .*1 document/
    )
    expect(await app.page.getByTestId('document-row').count()).toBe(0)
    await app.screenshot('backup-reset-banner')
    await app.page.getByTestId('reset-restore').click()
    await app.page
      .getByTestId('toast-info')
      .filter({ hasText: 'Workspace restored' })
      .waitFor({ timeout: 60_000 })
    await expect.poll(() => app.page.getByTestId('document-row').count()).toBe(1)
    expect(await app.page.getByTestId('reset-banner').count()).toBe(0)
    await app.screenshot('backup-reset-restored')
    // The restored library is the marker's instance now: a relaunch shows no banner.
    await closeKeeping(app)
    app = await launch(profile)
    await app.page.getByTestId('document-row').first().waitFor()
    expect(await app.page.getByTestId('reset-banner').count()).toBe(0)
  })
})
