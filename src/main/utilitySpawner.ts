/**
 * The analysis host's `Spawner` in the app: an Electron utility process (a Node child Electron manages,
 * visible by its service name in the OS task manager). Messages are structured-cloned, so the PDF's
 * Uint8Array arrives intact.
 */
import { utilityProcess } from 'electron'
import type { Spawner, WorkerHandle } from '@node/analysisHost'

export const ANALYSIS_SERVICE_NAME = 'Withheld analysis'

export function utilitySpawner(): Spawner {
  return {
    start(entryPath, execArgv): WorkerHandle {
      const child = utilityProcess.fork(entryPath, [], {
        serviceName: ANALYSIS_SERVICE_NAME,
        execArgv: [...execArgv],
        stdio: 'ignore'
      })
      const handle = {
        get pid() {
          return child.pid
        },
        send: (request: unknown) => child.postMessage(request),
        on: (event: 'message' | 'exit', listener: (value: never) => void) => {
          if (event === 'message') child.on('message', listener as (message: unknown) => void)
          else child.on('exit', listener as (code: number) => void)
        },
        kill: () => void child.kill()
      }
      return handle as WorkerHandle
    }
  }
}
