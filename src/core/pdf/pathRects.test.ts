import { describe, expect, it } from 'vitest'
import { pathShapes, solidRects } from './pathRects'

const rePath = (x: number, y: number, w: number, h: number, reverse = false): number[] =>
  reverse
    ? [0, x, y, 1, x, y + h, 1, x + w, y + h, 1, x + w, y, 4]
    : [0, x, y, 1, x + w, y, 1, x + w, y + h, 1, x, y + h, 4]

describe('pathShapes', () => {
  it('finds a re rectangle and maps it through the CTM', () => {
    const { rects, others } = pathShapes(new Float32Array(rePath(10, 20, 30, 5)), [1, 0, 0, -1, 0, 100])
    expect(others).toEqual([])
    expect(rects.map((r) => r.box)).toEqual([[10, 75, 40, 80]])
  })
  it('accepts a closed four-line path without closePath and with a repeated start point', () => {
    const data = [0, 0, 0, 1, 50, 0, 1, 50, 10, 1, 0, 10, 1, 0, 0]
    expect(pathShapes(data, [1, 0, 0, 1, 0, 0]).rects.map((r) => r.box)).toEqual([[0, 0, 50, 10]])
  })
  it('accepts extra collinear vertices', () => {
    const data = [0, 0, 0, 1, 25, 0, 1, 50, 0, 1, 50, 10, 1, 0, 10, 4]
    expect(pathShapes(data, [1, 0, 0, 1, 0, 0]).rects).toHaveLength(1)
  })
  it('rejects rotated rectangles, triangles, curves and open lines', () => {
    const rotated = [0, 0, 0, 1, 10, 10, 1, 0, 20, 1, -10, 10, 4]
    const triangle = [0, 0, 0, 1, 10, 0, 1, 0, 10, 4]
    const curve = [0, 0, 0, 2, 5, 5, 10, 5, 10, 0, 1, 0, 0, 4]
    const line = [0, 0, 0, 1, 100, 0]
    for (const data of [rotated, triangle, curve, line]) {
      const shapes = pathShapes(data, [1, 0, 0, 1, 0, 0])
      expect(shapes.rects).toEqual([])
      expect(shapes.others).toHaveLength(1)
      expect(shapes.others[0]!.box[2]).toBeGreaterThan(shapes.others[0]!.box[0])
    }
  })
  it('splits several sub-paths', () => {
    const data = [...rePath(0, 0, 10, 10), ...rePath(20, 0, 10, 10)]
    expect(pathShapes(data, [1, 0, 0, 1, 0, 0]).rects).toHaveLength(2)
  })
})

describe('solidRects', () => {
  const shapes = (data: number[]) => pathShapes(data, [1, 0, 0, 1, 0, 0]).rects
  it('treats nested rectangles under even-odd as a frame', () => {
    expect(solidRects(shapes([...rePath(0, 0, 100, 50), ...rePath(5, 5, 90, 40)]), true)).toEqual([])
  })
  it('treats a rectangle holding a reverse-wound polygon as a frame, not a solid box', () => {
    const outer = rePath(0, 0, 100, 50)
    const innerPolygon = [0, 2, 2, 1, 2, 48, 1, 98, 48, 1, 97, 2, 4] // counter-wound, one corner bevelled
    const shapes = pathShapes([...outer, ...innerPolygon], [1, 0, 0, 1, 0, 0])
    expect(solidRects(shapes.rects, false, shapes.others)).toEqual([])
  })
  it('treats opposite winding under nonzero as a frame, same winding as solid', () => {
    expect(solidRects(shapes([...rePath(0, 0, 100, 50), ...rePath(5, 5, 90, 40, true)]), false)).toEqual([])
    expect(solidRects(shapes([...rePath(0, 0, 100, 50), ...rePath(5, 5, 90, 40)]), false)).toHaveLength(2)
  })
})
