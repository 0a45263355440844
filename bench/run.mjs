// `npm run bench`: runs every bench/*.bench.{ts,mts,js,mjs} in turn, each in its own Node process so
// one bench's memory and JIT state never colour the next. TypeScript benches are first compiled to
// out/bench/ with the repo's aliases (bench/compile.mjs). Each bench prints its own table and writes
// bench/results/<name>.json; benches report ratios against a baseline measured in the same run and
// never assert timings. Exit status is non-zero only when a bench crashes.
import { spawnSync } from 'node:child_process'
import { mkdirSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { compileEntries } from './compile.mjs'

const benchDir = fileURLToPath(new URL('.', import.meta.url))
const repoRoot = resolve(benchDir, '..')
const only = process.argv.slice(2)

const files = readdirSync(benchDir)
  .filter((name) => /\.bench\.(ts|mts|js|mjs)$/.test(name))
  .filter((name) => only.length === 0 || only.some((want) => name.startsWith(want)))
  .sort()
if (files.length === 0) {
  console.error('no bench/*.bench.* files found')
  process.exit(1)
}

const typescript = files.filter((name) => /\.m?ts$/.test(name))
const compiled = new Map()
if (typescript.length > 0) {
  const outputs = await compileEntries(
    'out/bench',
    typescript.map((name) => join('bench', name))
  )
  typescript.forEach((name, i) => compiled.set(name, outputs[i]))
}

mkdirSync(join(benchDir, 'results'), { recursive: true })
let failed = 0
for (const name of files) {
  const script = compiled.get(name) ?? join(benchDir, name)
  console.log(`\n=== ${name} ===`)
  const result = spawnSync(process.execPath, ['--expose-gc', script], { cwd: repoRoot, stdio: 'inherit' })
  if (result.status !== 0) {
    failed++
    console.error(`${name} exited with ${result.status ?? result.signal}`)
  }
}
process.exit(failed === 0 ? 0 : 1)
