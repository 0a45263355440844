// Loaded with `node --import` before the analysis worker: makes a Node child look like an Electron
// utility process (process.versions.electron, process.type 'utility', process.parentPort), so the
// worker's Electron code path runs in tests on machines without the Electron binary.
import { EventEmitter } from 'node:events'

Object.defineProperty(process.versions, 'electron', { value: '45.5.0', enumerable: true })
process.type = 'utility'
const send = process.send.bind(process)
const parentPort = new EventEmitter()
parentPort.postMessage = (message) => send(message)
process.on('message', (data) => parentPort.emit('message', { data, ports: [] }))
process.parentPort = parentPort
