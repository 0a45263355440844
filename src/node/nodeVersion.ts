/**
 * The Node.js version check the `withheld` command and its analysis worker make before anything else.
 * pdf.js 6 calls `Promise.withResolvers` (Node 22), so on Node 20 every PDF fails with "Promise.
 * withResolvers is not a function", which reads like a broken PDF. One sentence saying which Node is
 * needed, and exit status 2, tells the user what to change instead.
 */

/** package.json `engines.node` (`>=22.13`); a unit test keeps the two the same. */
export const MIN_NODE_VERSION = { major: 22, minor: 13 } as const

/** [major, minor] of a `process.versions.node` string ("20.20.2", "v22.13.0"); null if unreadable. */
function majorMinor(version: string): readonly [number, number] | null {
  const match = /^v?(\d+)\.(\d+)/.exec(version.trim())
  return match ? [Number(match[1]), Number(match[2])] : null
}

/**
 * One sentence saying that this Node is too old for Withheld, or null when it is new enough. An
 * unreadable version string is let through: a check that cannot read must not block a working Node.
 */
export function nodeVersionProblem(nodeVersion: string): string | null {
  const parsed = majorMinor(nodeVersion)
  if (parsed === null) return null
  const [major, minor] = parsed
  const { major: needMajor, minor: needMinor } = MIN_NODE_VERSION
  if (major > needMajor || (major === needMajor && minor >= needMinor)) return null
  const shown = nodeVersion.trim().replace(/^v/, '')
  return (
    `Withheld needs Node.js ${needMajor}.${needMinor} or newer and this is Node.js ${shown}: ` +
    'install Node 22, or run `npm run -s withheld -- …` in the project folder, which uses the Node 22 ' +
    '`npm install` put in node_modules.'
  )
}
