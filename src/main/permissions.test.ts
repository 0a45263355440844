import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import type { Session } from 'electron'
import { denyAllPermissions } from './permissions'

/** Every permission name in Electron 45's session docs. */
const PERMISSIONS = [
  'clipboard-read',
  'clipboard-sanitized-write',
  'display-capture',
  'fullscreen',
  'geolocation',
  'idle-detection',
  'media',
  'mediaKeySystem',
  'midi',
  'midiSysex',
  'notifications',
  'pointerLock',
  'keyboardLock',
  'openExternal',
  'speaker-selection',
  'storage-access',
  'top-level-storage-access',
  'window-management',
  'unknown',
  'fileSystem',
  'hid',
  'serial',
  'usb',
  'bluetooth'
]

function fakeSession(): Session & Record<string, unknown> {
  const session = new EventEmitter() as EventEmitter & Record<string, unknown>
  for (const name of [
    'setPermissionRequestHandler',
    'setPermissionCheckHandler',
    'setDevicePermissionHandler',
    'setDisplayMediaRequestHandler'
  ]) {
    session[name] = (handler: unknown) => (session[name.replace(/^set/, '')] = handler)
  }
  return session as unknown as Session & Record<string, unknown>
}

describe('denyAllPermissions', () => {
  it('denies every permission request and check', () => {
    const session = fakeSession()
    const log: string[] = []
    denyAllPermissions(session, (line) => log.push(line))
    const request = session['PermissionRequestHandler'] as (
      c: null,
      p: string,
      cb: (ok: boolean) => void
    ) => void
    const check = session['PermissionCheckHandler'] as (c: null, p: string) => boolean
    const device = session['DevicePermissionHandler'] as (d: unknown) => boolean
    for (const permission of PERMISSIONS) {
      let granted: boolean | undefined
      request(null, permission, (ok) => (granted = ok))
      expect(granted, permission).toBe(false)
      expect(check(null, permission), permission).toBe(false)
    }
    expect(device({ deviceType: 'usb' })).toBe(false)
    expect(log).toHaveLength(PERMISSIONS.length)
  })

  it('answers screen capture and device pickers with nothing', () => {
    const session = fakeSession()
    denyAllPermissions(session, () => undefined)
    let streams: unknown
    ;(session['DisplayMediaRequestHandler'] as (r: unknown, cb: (s: unknown) => void) => void)(
      {},
      (s) => (streams = s)
    )
    expect(streams).toEqual({})
    for (const name of ['select-hid-device', 'select-usb-device']) {
      let prevented = false
      let answer: unknown = 'unset'
      session.emit(name, { preventDefault: () => (prevented = true) }, {}, (id?: string) => (answer = id))
      expect(prevented).toBe(true)
      expect(answer).toBeUndefined()
    }
    let port: unknown
    session.emit(
      'select-serial-port',
      { preventDefault: () => undefined },
      [],
      null,
      (id: string) => (port = id)
    )
    expect(port).toBe('')
  })
})
