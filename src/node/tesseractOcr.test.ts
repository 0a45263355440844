// The tesseract.js set-up must never reach for the network: every path it would otherwise fetch
// from a CDN is a local file or folder of an installed package.
import { existsSync, statSync } from 'node:fs'
import { isAbsolute, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cropToPgm, tesseractPaths, tesseractWorkerOptions } from './tesseractOcr'

describe('tesseract.js options', () => {
  it('points at installed local files, gzipped model, no cache written', () => {
    const paths = tesseractPaths()
    for (const path of Object.values(paths)) {
      expect(isAbsolute(path)).toBe(true)
      expect(path).not.toMatch(/^[a-z]+:\/\//iu)
      expect(existsSync(path)).toBe(true)
    }
    expect(statSync(join(paths.langPath, 'eng.traineddata.gz')).size).toBeGreaterThan(1_000_000)
    expect(statSync(paths.corePath).isDirectory()).toBe(true)
    const options = tesseractWorkerOptions(paths)
    expect(options).toMatchObject({ ...paths, gzip: true, cacheMethod: 'none' })
  })

  it('writes a padded binary PGM of the crop', () => {
    const bitmap = { data: Uint8Array.from({ length: 12 }, (_, i) => i * 10), width: 4, height: 3 }
    const pgm = cropToPgm(bitmap, [1, 1, 3, 3])
    const header = 'P5\n26 26\n255\n'
    expect(new TextDecoder().decode(pgm.subarray(0, header.length))).toBe(header)
    const pixels = pgm.subarray(header.length)
    expect(pixels[0]).toBe(255)
    // Row 1, columns 1–2 of the bitmap land at the padding offset (12, 12).
    expect([pixels[12 * 26 + 12], pixels[12 * 26 + 13], pixels[13 * 26 + 12]]).toEqual([50, 60, 90])
    // A masked box reads as paper.
    const masked = cropToPgm(bitmap, [1, 1, 3, 3], [[2, 1, 3, 2]]).subarray(header.length)
    expect([masked[12 * 26 + 12], masked[12 * 26 + 13], masked[13 * 26 + 13]]).toEqual([50, 240, 100])
  })
})
