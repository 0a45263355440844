/**
 * The zlib inflater the leak audit (src/core/audit) is given: core cannot import node:zlib. Output is
 * capped at `maxBytes` (a Flate bomb stops there), and a stream cut short or missing its checksum (as
 * PDF writers leave them) still yields what was decoded. Streams without a zlib header are tried as raw
 * deflate.
 */
import { constants, inflateRawSync, inflateSync } from 'node:zlib'
import type { Inflate } from '@core/audit/auditDocument'

export const nodeInflate: Inflate = (data, maxBytes) => {
  const options = { maxOutputLength: maxBytes, finishFlush: constants.Z_SYNC_FLUSH }
  for (const inflate of [inflateSync, inflateRawSync]) {
    try {
      return new Uint8Array(inflate(data, options))
    } catch (err) {
      // Past maxOutputLength: a bomb, or a stream too large to audit.
      if (err instanceof RangeError) return 'too-large'
    }
  }
  return null
}
