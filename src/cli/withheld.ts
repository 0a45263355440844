/**
 * The `withheld` command (`npm run withheld -- scan …`, or `withheld` once installed). Runs the same
 * src/core engine as the app, through the same analysis worker. Whatever goes wrong, the user gets
 * one line per problem and exit status 2, never a stack trace.
 */
import { availableParallelism } from 'node:os'
import { nodeVersionProblem } from '@node/nodeVersion'
import { defaultJobs, parseArgs, usage } from './args'
import { diffCommand } from './diff'
import { reportCommand } from './report'
import { runScan } from './scan'
import { guardStdStreams } from './stdio'

async function main(argv: readonly string[]): Promise<number> {
  // Before anything reaches pdf.js, which fails every PDF on Node 20 in a way that blames the PDF.
  const nodeTooOld = nodeVersionProblem(process.versions.node)
  if (nodeTooOld !== null) {
    process.stderr.write(`withheld: ${nodeTooOld}\n`)
    return 2
  }
  const cpuCount = availableParallelism()
  if (argv[0] === 'report')
    return reportCommand(argv.slice(1), cpuCount, { stdout: process.stdout, stderr: process.stderr })
  if (argv[0] === 'diff')
    return diffCommand(argv.slice(1), { stdout: process.stdout, stderr: process.stderr })
  const parsed = parseArgs(argv, cpuCount)
  if (parsed.command === 'help') {
    process.stdout.write(usage(defaultJobs(cpuCount)))
    return 0
  }
  if (parsed.command === 'error') {
    process.stderr.write(`withheld: ${parsed.message}\n\n${usage(defaultJobs(cpuCount))}`)
    return 2
  }
  return runScan(parsed, { stdout: process.stdout, stderr: process.stderr })
}

guardStdStreams()
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (err: unknown) => {
    const message = err instanceof Error ? err.message : String(err)
    process.stderr.write(`withheld: internal error: ${message.split('\n')[0]}\n`)
    process.exitCode = 2
  }
)
