/**
 * Memory of other processes, from Linux's /proc (the benches run the CLI as a child and want its
 * analysis workers' peaks). Elsewhere every reading is empty and the benches print n/a.
 */
import { readdirSync, readFileSync } from 'node:fs'

/** The processes whose parent is `parentPid`. */
export function childPids(parentPid: number): number[] {
  const found: number[] = []
  let entries: string[]
  try {
    entries = readdirSync('/proc')
  } catch {
    return found
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue
    try {
      // Field 4 of stat is the parent pid; the name in field 2 may hold spaces, so split after ')'.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      if (parent === parentPid) found.push(Number(entry))
    } catch {
      // Gone between the listing and the read.
    }
  }
  return found
}

/** VmHWM (the peak resident set so far) of a process in MB, or null once it is gone. */
export function peakRssMb(pid: number): number | null {
  try {
    const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return match ? Number(match[1]) / 1024 : null
  } catch {
    return null
  }
}
