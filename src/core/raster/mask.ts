/**
 * Binary masks for the raster box detector: thresholding a greyscale bitmap and eroding the dark mask
 * by an s × s square. Erosion is what separates a redaction box from the text it touches: body-text
 * strokes are 1–3 px thick at 100 dpi, so a 4 px square (3 pt) fits only inside solid ink — boxes,
 * marker strokes, thick bars — and every glyph, rule, underline and signature stroke vanishes.
 *
 * Everything is O(pixels) over typed arrays with no per-pixel allocation: an A4 page at 100 dpi
 * (827 × 1169 ≈ 1 M px) takes a few milliseconds.
 */

/** 1 where `grey < darkBelow`, else 0. */
export function thresholdDark(grey: Uint8Array, darkBelow: number, out?: Uint8Array): Uint8Array {
  const mask = out ?? new Uint8Array(grey.length)
  for (let i = 0; i < grey.length; i++) mask[i] = (grey[i] as number) < darkBelow ? 1 : 0
  return mask
}

/**
 * Erosion by an s × s square anchored at its top-left corner: out[y][x] = 1 when every pixel of
 * [x, x+s) × [y, y+s) is set. Anchoring (rather than centring) keeps it exact for even s; callers add
 * s − 1 to the right and bottom of a component's bounds to get back the opened extent.
 */
export function erodeSquare(mask: Uint8Array, width: number, height: number, s: number): Uint8Array {
  const horizontal = new Uint8Array(mask.length)
  // Pass 1, per row right to left: run of set pixels starting at x, capped at s.
  for (let y = 0; y < height; y++) {
    const row = y * width
    let run = 0
    for (let x = width - 1; x >= 0; x--) {
      run = mask[row + x] ? (run < s ? run + 1 : s) : 0
      horizontal[row + x] = run === s ? 1 : 0
    }
  }
  // Pass 2, rows bottom to top with one counter per column (row-major, so cache friendly).
  const out = new Uint8Array(mask.length)
  const count = new Uint16Array(width)
  for (let y = height - 1; y >= 0; y--) {
    const row = y * width
    for (let x = 0; x < width; x++) {
      const c = horizontal[row + x] ? Math.min((count[x] as number) + 1, s) : 0
      count[x] = c
      out[row + x] = c === s ? 1 : 0
    }
  }
  return out
}

/**
 * Closing by an s × s square (dilation, then erosion), put back in place: gaps and notches narrower
 * than s px are filled. Seals a box of one tone whose light label nearly touches its rim (at 100 dpi
 * the print of a 7 pt box runs to within a pixel or two of its edge), so the label becomes a hole.
 */
export function closeSquare(mask: Uint8Array, width: number, height: number, s: number): Uint8Array {
  if (s <= 1) return mask.slice()
  const inverted = new Uint8Array(mask.length)
  for (let i = 0; i < mask.length; i++) inverted[i] = mask[i] ? 0 : 1
  const notDilated = erodeSquare(inverted, width, height, s)
  for (let i = 0; i < notDilated.length; i++) notDilated[i] = notDilated[i] ? 0 : 1
  const shifted = erodeSquare(notDilated, width, height, s)
  // Both passes anchor the square at its top-left corner: the result sits s − 1 px up and left.
  const out = new Uint8Array(mask.length)
  const k = s - 1
  for (let y = k; y < height; y++)
    out.set(shifted.subarray((y - k) * width, (y - k) * width + width - k), y * width + k)
  return out
}
