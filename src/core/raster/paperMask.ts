/**
 * "Not paper" for the tone-box detector: a pixel belongs to some mark when it is clearly darker than
 * the paper around it. The paper's level is estimated locally, because scanners light a page
 * unevenly (a gentle gradient of 10–30 grey levels across an A4 page is common) and off-white paper
 * renders at 235–250 rather than 255; a fixed cut (the dark detector's grey < 110) misses every grey,
 * light-grey and coloured box, which sit at 100–220.
 *
 * O(pixels): one histogram per tile, a max filter over tiles, one threshold pass.
 */
import type { GreyBitmap } from './detectRasterBoxes'

/** Tile side in pixels for the paper estimate (~23 pt at 100 dpi). */
const TILE_PX = 32
/** A tile's paper level is this percentile of its pixels: text and boxes cover well under half of most tiles. */
const TILE_PERCENTILE = 0.9
/**
 * The paper level at a tile is the brightest tile level within this many tiles (a 9 × 9 window,
 * ~210 pt at 100 dpi): a box larger than a tile must not become "paper" under itself.
 */
const PAPER_WINDOW_TILES = 4
/** Share of tiles at or below the page's paper when a box covers most of the page (see paperMask). */
const PAGE_PAPER_PERCENTILE = 0.9
/** Uneven light never darkens the paper by more than this below the page's own paper level. */
const MAX_SHADING = 25

export interface PaperMask {
  /** 1 where the pixel is darker than its local paper by more than `delta`. */
  readonly mask: Uint8Array
  /** Local paper level per pixel tile (tilesX × tilesY), for edge and ring tests. */
  readonly paperAt: (x: number, y: number) => number
  /** The page's paper level (its brightest common tone). */
  readonly paper: number
}

export function paperMask(bitmap: GreyBitmap, delta: number): PaperMask {
  const { data, width, height } = bitmap
  const tilesX = Math.max(1, Math.ceil(width / TILE_PX))
  const tilesY = Math.max(1, Math.ceil(height / TILE_PX))
  const level = new Uint8Array(tilesX * tilesY)
  const hist = new Uint32Array(256)
  for (let ty = 0; ty < tilesY; ty++) {
    for (let tx = 0; tx < tilesX; tx++) {
      hist.fill(0)
      const xa = tx * TILE_PX
      const xb = Math.min(width, xa + TILE_PX)
      const ya = ty * TILE_PX
      const yb = Math.min(height, ya + TILE_PX)
      for (let y = ya; y < yb; y++) {
        const row = y * width
        for (let x = xa; x < xb; x++) hist[data[row + x] as number]!++
      }
      const target = Math.floor((xb - xa) * (yb - ya) * TILE_PERCENTILE)
      let seen = 0
      let v = 0
      for (; v < 255; v++) {
        seen += hist[v] as number
        if (seen > target) break
      }
      level[ty * tilesX + tx] = v
    }
  }
  // The page's paper: the level most tiles reach (the upper quartile of tile levels), or more where a
  // box covers most of the page (a page withheld in full): the margins round it, a tenth of the tiles
  // or more on any page, still show the paper.
  const sorted = Array.from(level).sort((a, b) => a - b)
  const quartile = sorted[Math.floor(0.75 * (sorted.length - 1))] ?? 255
  const margins = sorted[Math.floor(PAGE_PAPER_PERCENTILE * (sorted.length - 1))] ?? 255
  const paper = margins - quartile > MAX_SHADING ? margins : quartile
  const local = new Uint8Array(level.length)
  for (let ty = 0; ty < tilesY; ty++) {
    for (let tx = 0; tx < tilesX; tx++) {
      let best = 0
      for (
        let y = Math.max(0, ty - PAPER_WINDOW_TILES);
        y <= Math.min(tilesY - 1, ty + PAPER_WINDOW_TILES);
        y++
      )
        for (
          let x = Math.max(0, tx - PAPER_WINDOW_TILES);
          x <= Math.min(tilesX - 1, tx + PAPER_WINDOW_TILES);
          x++
        )
          best = Math.max(best, level[y * tilesX + x] as number)
      local[ty * tilesX + tx] = Math.max(best, paper - MAX_SHADING)
    }
  }
  fillFromNearestPaper(local, level, tilesX, tilesY, paper - MAX_SHADING)
  const mask = new Uint8Array(width * height)
  for (let y = 0; y < height; y++) {
    const row = y * width
    const tileRow = Math.floor(y / TILE_PX) * tilesX
    for (let x = 0; x < width; x++) {
      const cut = (local[tileRow + Math.floor(x / TILE_PX)] as number) - delta
      mask[row + x] = (data[row + x] as number) < cut ? 1 : 0
    }
  }
  const paperAt = (x: number, y: number): number =>
    local[
      Math.min(tilesY - 1, Math.max(0, Math.floor(y / TILE_PX))) * tilesX +
        Math.min(tilesX - 1, Math.max(0, Math.floor(x / TILE_PX)))
    ] as number
  return { mask, paperAt, paper }
}

/**
 * Tiles with no paper within the window (inside a box larger than it: a third of a page withheld,
 * or all of it) take the paper level of the nearest tile that is paper, so the whole box stands out
 * from the paper round it instead of becoming paper itself. Breadth-first over the tile grid.
 */
function fillFromNearestPaper(
  local: Uint8Array,
  level: Uint8Array,
  tilesX: number,
  tilesY: number,
  paperFloor: number
): void {
  const paperLike = (t: number): boolean => (level[t] as number) >= paperFloor
  const queue: number[] = []
  const seen = new Uint8Array(local.length)
  for (let t = 0; t < local.length; t++)
    if (paperLike(t)) {
      seen[t] = 1
      queue.push(t)
    }
  if (queue.length === 0) return
  for (let head = 0; head < queue.length; head++) {
    const t = queue[head]!
    const tx = t % tilesX
    const ty = (t - tx) / tilesX
    for (const [nx, ny] of [
      [tx - 1, ty],
      [tx + 1, ty],
      [tx, ty - 1],
      [tx, ty + 1]
    ] as const) {
      if (nx < 0 || ny < 0 || nx >= tilesX || ny >= tilesY) continue
      const n = ny * tilesX + nx
      if (seen[n]) continue
      seen[n] = 1
      // Carried on from the paper it was reached from; a tile with paper in its window keeps its own.
      if (local[n]! <= paperFloor) local[n] = Math.max(local[n]!, local[t]!)
      queue.push(n)
    }
  }
}

/**
 * Fills the small holes of a mask in place: runs of unset pixels enclosed by set ones whose bounds
 * are at most maxW × maxH px. A label printed in a light ink inside a box is such a hole; so are the
 * counters of glyphs. A table cell or a white outlined box is larger, and stays open.
 */
export function fillSmallHoles(
  mask: Uint8Array,
  width: number,
  height: number,
  maxW: number,
  maxH: number,
  components: (
    m: Uint8Array,
    w: number,
    h: number
  ) => {
    components: readonly { x0: number; y0: number; x1: number; y1: number; runs: Int32Array }[]
    runs: { y: Int32Array; x0: Int32Array; x1: Int32Array }
  }
): void {
  const open = new Uint8Array(mask.length)
  for (let i = 0; i < mask.length; i++) open[i] = mask[i] ? 0 : 1
  const { components: holes, runs } = components(open, width, height)
  for (const hole of holes) {
    if (hole.x0 === 0 || hole.y0 === 0 || hole.x1 === width - 1 || hole.y1 === height - 1) continue
    if (hole.x1 - hole.x0 + 1 > maxW || hole.y1 - hole.y0 + 1 > maxH) continue
    for (const r of hole.runs) {
      const row = (runs.y[r] as number) * width
      for (let x = runs.x0[r] as number; x <= (runs.x1[r] as number); x++) mask[row + x] = 1
    }
  }
}
