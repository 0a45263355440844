import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { MIN_NODE_VERSION, nodeVersionProblem } from './nodeVersion'

describe('nodeVersionProblem', () => {
  it('lets Node 22.13 and newer through', () => {
    for (const version of ['22.13.0', '22.23.3', 'v24.1.0', '23.0.0']) {
      expect(nodeVersionProblem(version)).toBeNull()
    }
  })

  it('names the needed and the running version in one sentence for older ones', () => {
    expect(nodeVersionProblem('20.20.2')).toBe(
      'Withheld needs Node.js 22.13 or newer and this is Node.js 20.20.2: install Node 22, or run ' +
        '`npm run -s withheld -- …` in the project folder, which uses the Node 22 `npm install` put in ' +
        'node_modules.'
    )
    for (const version of ['v18.19.0', '22.12.0', '21.7.3']) {
      const sentence = nodeVersionProblem(version)
      expect(sentence).toMatch(
        /^Withheld needs Node\.js 22\.13 or newer and this is Node\.js \d+\.\d+\.\d+: .+\.$/
      )
      expect(sentence!.split('. ')).toHaveLength(1)
    }
  })

  it('does not block a Node whose version it cannot read', () => {
    expect(nodeVersionProblem('')).toBeNull()
    expect(nodeVersionProblem('unknown')).toBeNull()
  })

  it('asks for what package.json engines asks for', () => {
    const packageJson = JSON.parse(
      readFileSync(resolve(import.meta.dirname, '..', '..', 'package.json'), 'utf8')
    ) as { engines: { node: string } }
    expect(packageJson.engines.node).toBe(`>=${MIN_NODE_VERSION.major}.${MIN_NODE_VERSION.minor}`)
  })
})
