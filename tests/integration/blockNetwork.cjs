// Preloaded with `--require` into a process under test: Node hands --require on to every worker
// thread the process starts (--import it does not), so tesseract.js's worker thread runs it too. Any
// attempt to open a connection, resolve a name or fetch is written to stderr and refused.
/* eslint-disable @typescript-eslint/no-require-imports -- a --require preload is CommonJS by definition */
'use strict'
const net = require('node:net')
const dns = require('node:dns')
const { isMainThread } = require('node:worker_threads')

function refuse(what) {
  process.stderr.write(`withheld-test: network attempt: ${what}\n`)
  throw new Error('network access is blocked in this test')
}

net.Socket.prototype.connect = function connect(options) {
  refuse(`connect ${JSON.stringify(options)}`)
}
dns.lookup = (host) => refuse(`lookup ${host}`)
globalThis.fetch = (url) => refuse(`fetch ${String(url)}`)
if (!isMainThread) process.stderr.write('withheld-test: network blocker active in a worker thread\n')
