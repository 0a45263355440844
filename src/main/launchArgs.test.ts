import { describe, expect, it } from 'vitest'
import { PendingOpens, pdfPathsFromArgv } from './launchArgs'

describe('pdfPathsFromArgv', () => {
  it('takes `withheld brief.pdf` from a shell, relative to where it was typed', () => {
    expect(pdfPathsFromArgv(['/opt/Withheld/withheld', 'brief.pdf'], '/home/ana/Downloads')).toEqual([
      '/home/ana/Downloads/brief.pdf'
    ])
  })

  it('skips the development entry, switches and macOS process serial numbers', () => {
    const argv = [
      '/repo/node_modules/electron/dist/electron',
      '/repo/out/main/index.js',
      '--no-sandbox',
      '--allow-file-access-from-files',
      '-psn_0_12345',
      '/tmp/Release 12.PDF',
      'notes.txt'
    ]
    expect(pdfPathsFromArgv(argv, '/repo')).toEqual(['/tmp/Release 12.PDF'])
  })

  it('reads file: URLs (Linux desktop files pass %U) and decodes them', () => {
    const argv = ['withheld', 'file:///home/ana/OIA%20response.pdf', 'file://remote-host/x.pdf']
    expect(pdfPathsFromArgv(argv, '/')).toEqual(['/home/ana/OIA response.pdf'])
  })

  it('treats everything after -- as a name, keeps order and drops repeats', () => {
    const argv = ['withheld', 'b.pdf', '--', '--odd-name.pdf', 'a.pdf', 'b.pdf']
    expect(pdfPathsFromArgv(argv, '/w')).toEqual(['/w/b.pdf', '/w/--odd-name.pdf', '/w/a.pdf'])
  })

  it('finds nothing in a plain launch', () => {
    expect(pdfPathsFromArgv(['/opt/Withheld/withheld'], '/home/ana')).toEqual([])
    expect(pdfPathsFromArgv([], '/home/ana')).toEqual([])
  })
})

describe('PendingOpens', () => {
  it('hands each waiting path over once, oldest first', () => {
    const pending = new PendingOpens()
    expect(pending.add(['/a.pdf', '/b.pdf'])).toBe(true)
    expect(pending.add(['/b.pdf'])).toBe(false)
    expect(pending.add(['/c.pdf'])).toBe(true)
    expect(pending.take()).toEqual(['/a.pdf', '/b.pdf', '/c.pdf'])
    expect(pending.take()).toEqual([])
  })
})
