/**
 * Finds the Chromium *browser* process of one profile, for a hard kill (harness `kill()`): Playwright
 * has no pid for a persistent context, so /proc is searched for the process started with this exact
 * `--user-data-dir` and without `--type=` (renderer, GPU and utility children carry one). Linux only,
 * like the rest of the harness (Debian's chromium).
 */
import { readdirSync, readFileSync } from 'node:fs'

export function browserPid(userDataDir: string): number {
  const flag = `--user-data-dir=${userDataDir}`
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    let args: string[]
    try {
      args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0')
    } catch {
      continue // the process ended meanwhile
    }
    if (args.includes(flag) && !args.some((arg) => arg.startsWith('--type='))) return Number(entry)
  }
  throw new Error(`no Chromium browser process for ${userDataDir}`)
}
