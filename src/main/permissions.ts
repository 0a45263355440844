/**
 * Deny every permission (security.md E9): Electron approves all permission requests by default, and
 * Withheld needs none (no camera, geolocation, notifications, clipboard-read, HID, USB, serial…).
 */
import type { Session } from 'electron'

export function denyAllPermissions(session: Session, log: (line: string) => void): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log(`denied permission request: ${permission}`)
    callback(false)
  })
  session.setPermissionCheckHandler(() => false)
  session.setDevicePermissionHandler(() => false)
  // An empty answer rejects the screen-capture request.
  session.setDisplayMediaRequestHandler((_request, callback) => callback({}))
  session.on('select-hid-device', (event, _details, callback) => {
    event.preventDefault()
    callback()
  })
  session.on('select-serial-port', (event, _ports, _contents, callback) => {
    event.preventDefault()
    callback('')
  })
  session.on('select-usb-device', (event, _details, callback) => {
    event.preventDefault()
    callback()
  })
}
