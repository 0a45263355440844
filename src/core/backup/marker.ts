/**
 * The workspace marker (security.md D8): a small file main keeps in userData, beside but outside the
 * IndexedDB folder, saying how many documents the library last had and which database instance held
 * them. Chromium may silently replace a corrupt IndexedDB store with an empty one ("dataLoss: total",
 * w3c/IndexedDB#30; Dexie #543): the library then opens empty with no error. The marker is how the
 * app notices and offers the newest backup instead of letting the user start over unawares.
 */

export interface WorkspaceMarker {
  readonly documentCount: number
  /** Random id made when the database was created (Dexie's populate); a reset database gets a new one. */
  readonly instanceId: string
  /** ISO 8601. */
  readonly updatedAt: string
}

const MAX_INSTANCE_ID_CHARS = 100

export function isWorkspaceMarker(value: unknown): value is WorkspaceMarker {
  if (typeof value !== 'object' || value === null) return false
  const m = value as Record<string, unknown>
  return (
    Object.keys(m).every((key) => ['documentCount', 'instanceId', 'updatedAt'].includes(key)) &&
    typeof m['documentCount'] === 'number' &&
    Number.isSafeInteger(m['documentCount']) &&
    m['documentCount'] >= 0 &&
    typeof m['instanceId'] === 'string' &&
    m['instanceId'].length > 0 &&
    m['instanceId'].length <= MAX_INSTANCE_ID_CHARS &&
    typeof m['updatedAt'] === 'string' &&
    m['updatedAt'].length <= 40 &&
    !Number.isNaN(Date.parse(m['updatedAt']))
  )
}

/** The marker file's text → a marker, or null for a missing, unreadable or foreign file. */
export function parseMarker(text: string | null): WorkspaceMarker | null {
  if (text === null) return null
  try {
    const value: unknown = JSON.parse(text)
    return isWorkspaceMarker(value) ? value : null
  } catch {
    return null
  }
}

export interface OpenedWorkspace {
  readonly documentCount: number
  readonly instanceId: string
}

/**
 * True when the library looks silently reset: the marker remembers documents, the database has none,
 * and it is not the database that held them. A user who deleted every document themselves keeps the
 * same instance (and their marker says 0 soon after), so they are never asked.
 */
export function looksReset(marker: WorkspaceMarker | null, opened: OpenedWorkspace): boolean {
  return (
    marker !== null &&
    marker.documentCount > 0 &&
    opened.documentCount === 0 &&
    marker.instanceId !== opened.instanceId
  )
}
