/**
 * Which database instance this is: a random id made when Dexie creates the database (its populate
 * event, which runs exactly once per new database). A database Chromium silently replaced with an
 * empty one is created again, so it gets a new id; the workspace marker remembers the old one
 * (src/core/backup/marker.ts). The id lives in localStorage, a store apart from IndexedDB, with the
 * user's other preferences; if it is missing, a new one is made (the marker check then relies on the
 * document count, which is what matters).
 */
import type { WithheldDb } from '../../db/db'
import { newId } from '../../db/ids'
import { INSTANCE_KEY } from './workspaceBackup'

let memoryId: string | null = null

function store(id: string): void {
  memoryId = id
  try {
    localStorage.setItem(INSTANCE_KEY, id)
  } catch {
    // Storage refused: the id holds for this session.
  }
}

/** Call before the database opens (App does, just before openForApp). Idempotent per database. */
const tracked = new WeakSet<WithheldDb>()
export function trackDatabaseInstance(db: WithheldDb): void {
  if (tracked.has(db)) return
  tracked.add(db)
  db.on('populate', () => store(newId()))
}

export function databaseInstanceId(): string {
  let id: string | null
  try {
    id = localStorage.getItem(INSTANCE_KEY)
  } catch {
    id = null
  }
  id ??= memoryId
  if (!id) {
    id = newId()
    store(id)
  }
  return id
}
