/**
 * The only place main registers IPC handlers (ESLint forbids `ipcMain` elsewhere). Each call is
 * checked twice before its handler runs: the sender must be the main frame of one of our windows,
 * showing the app origin (security.md E3), and the payload must pass its channel's validator (E4).
 */
import { BrowserWindow, ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron'
import type { Commands, Events } from '@shared/ipc'
import { isTrustedSender, VALIDATORS } from './ipcPolicy'
import type { OriginContext } from './origins'

export function senderFacts(event: IpcMainInvokeEvent, ourWindows: ReadonlySet<BrowserWindow>) {
  const frame = event.senderFrame
  const window = BrowserWindow.fromWebContents(event.sender)
  return {
    frameUrl: frame ? frame.url : null,
    isMainFrame: frame !== null && frame === event.sender.mainFrame,
    isOurWindow: window !== null && ourWindows.has(window)
  }
}

export type CommandHandler<K extends keyof Commands> = (
  event: IpcMainInvokeEvent,
  ...args: Parameters<Commands[K]>
) => ReturnType<Commands[K]>

export interface IpcRegistry {
  handle<K extends keyof Commands>(channel: K, handler: CommandHandler<K>): void
  /** Removes every handler registered here (window closed for good, tests). */
  dispose(): void
}

export function createIpcRegistry(
  context: OriginContext,
  ourWindows: ReadonlySet<BrowserWindow>
): IpcRegistry {
  const channels: string[] = []
  return {
    handle(channel, handler) {
      channels.push(channel)
      ipcMain.handle(channel, (event, ...args: unknown[]) => {
        if (!isTrustedSender(senderFacts(event, ourWindows), context)) {
          throw new Error(`${channel}: refused a call from a frame outside the app.`)
        }
        const validated = VALIDATORS[channel](args) as Parameters<Commands[typeof channel]>
        return handler(event, ...validated)
      })
    },
    dispose() {
      for (const channel of channels.splice(0)) ipcMain.removeHandler(channel)
    }
  }
}

/** Typed main → renderer notification to one WebContents (never broadcast). */
export function send<K extends keyof Events>(contents: WebContents, channel: K, ...args: Events[K]): void {
  if (!contents.isDestroyed()) contents.send(channel, ...args)
}
