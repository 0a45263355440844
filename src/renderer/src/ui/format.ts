/** Numbers and dates as the library shows them. */

const UNITS = ['bytes', 'KB', 'MB', 'GB'] as const

/** 1 KB = 1024 bytes, like the file managers our users compare sizes with; 3 significant figures. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return bytes === 1 ? '1 byte' : `${bytes} bytes`
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024
    unit++
  }
  const shown = value >= 100 ? Math.round(value).toString() : value.toPrecision(3).replace(/\.?0+$/, '')
  return `${shown} ${UNITS[unit]}`
}

/** "28 Nov 2026" in the user's locale order, never a time zone surprise for a date-only value. */
export function formatDate(epochMs: number, locale?: string): string {
  return new Date(epochMs).toLocaleDateString(locale, { day: 'numeric', month: 'short', year: 'numeric' })
}

/** An ISO yyyy-mm-dd from a form, shown as a date; '' stays ''. Parsed as local, not UTC, midnight. */
export function formatIsoDate(iso: string, locale?: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)
  if (!match) return iso
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]))
  return date.toLocaleDateString(locale, { day: 'numeric', month: 'short', year: 'numeric' })
}

export const plural = (count: number, one: string, many: string = `${one}s`): string =>
  `${count.toLocaleString()} ${count === 1 ? one : many}`
