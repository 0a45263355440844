import { describe, expect, it } from 'vitest'
import { OPS as PDFJS_OPS } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { OPS } from './ops'

describe('OPS', () => {
  it('matches the installed pdf.js operator codes', () => {
    const theirs = PDFJS_OPS as unknown as Record<string, number>
    for (const [name, code] of Object.entries(OPS)) expect([name, theirs[name]]).toEqual([name, code])
  })
})
