/**
 * The PDF bytes main read at import, kept so an analysis can start from them without the renderer
 * sending the same bytes back over IPC (before, every analysis and re-analysis copied the whole file
 * main → renderer → main: two structured clones of up to 512 MB). Keyed by SHA-256, the identity the
 * renderer's library already uses. Bounded: the least recently used files are let go past
 * `maxBytes`, and a start for bytes no longer held is answered `bytes-needed` (the renderer then
 * sends them from its library, as after a restart).
 */

/** 768 MB: a few large releases, or a batch of ordinary ones imported together, stay held. */
export const DEFAULT_HELD_PDF_BYTES = 768 * 1024 * 1024

export class HeldPdfs {
  /** Map order is use order: the first entry is the least recently used. */
  private readonly held = new Map<string, Uint8Array>()
  private totalBytes = 0

  constructor(private readonly maxBytes: number = DEFAULT_HELD_PDF_BYTES) {}

  hold(sha256: string, bytes: Uint8Array): void {
    this.release(sha256)
    if (bytes.byteLength > this.maxBytes) return
    this.held.set(sha256, bytes)
    this.totalBytes += bytes.byteLength
    for (const [oldest, oldBytes] of this.held) {
      if (this.totalBytes <= this.maxBytes) break
      this.held.delete(oldest)
      this.totalBytes -= oldBytes.byteLength
    }
  }

  /** The bytes with this SHA-256, or null when not held (never imported here, or let go). */
  get(sha256: string): Uint8Array | null {
    const bytes = this.held.get(sha256)
    if (!bytes) return null
    // Used again: to the back of the line.
    this.held.delete(sha256)
    this.held.set(sha256, bytes)
    return bytes
  }

  release(sha256: string): void {
    const bytes = this.held.get(sha256)
    if (!bytes) return
    this.held.delete(sha256)
    this.totalBytes -= bytes.byteLength
  }

  get heldBytes(): number {
    return this.totalBytes
  }
}
