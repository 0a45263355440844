/**
 * The app shell's commands as data (core/review/commands.ts): import, undo and redo (also on the
 * native menu), search, the release overview and the command palette itself. The shell's keyboard
 * handler (useShellCommands.ts) and the palette read this list, as the review's do REVIEW_COMMANDS.
 */
import type { Command } from '@core/review/commands'

export interface ShellContext {
  /** The release that search and the overview act on: the open document's, or the library's selected one. */
  readonly releaseId: string | null
  /** What is on screen. */
  readonly screen: 'library' | 'release' | 'viewer'
  readonly importing: boolean
  /** The document open in the viewer, or null. */
  readonly openDocumentId: string | null
  importPdfs(): void
  undo(): void
  redo(): void
  openSearch(): void
  openPalette(): void
  openReleaseOverview(): void
  openExport(): void
  backToLibrary(): void
  /** Marks the open document as its release's response letter. */
  markResponseLetter(): void
}

export type ShellCommand = Command<ShellContext>

const hasRelease = (c: ShellContext): boolean => c.releaseId !== null

export const SHELL_COMMANDS: readonly ShellCommand[] = [
  {
    name: 'shell.palette',
    label: 'Show all commands',
    group: 'App',
    keys: [
      { key: 'k', ctrl: true },
      { key: 'p', ctrl: true, shift: true }
    ],
    enabled: () => true,
    perform: (c) => c.openPalette()
  },
  {
    name: 'shell.search',
    label: 'Search the release’s pages and notes',
    group: 'Release',
    keys: [{ key: 'f', ctrl: true }, { key: '/' }],
    enabled: hasRelease,
    perform: (c) => c.openSearch()
  },
  {
    name: 'shell.release-overview',
    label: 'Release overview: statistics and letter reconciliation',
    group: 'Release',
    keys: [],
    enabled: (c) => hasRelease(c) && c.screen !== 'release',
    perform: (c) => c.openReleaseOverview()
  },
  {
    name: 'shell.mark-letter',
    label: 'Mark this document as the response letter',
    group: 'Release',
    keys: [],
    enabled: (c) => c.openDocumentId !== null,
    perform: (c) => c.markResponseLetter()
  },
  {
    name: 'shell.library',
    label: 'Back to the library',
    group: 'App',
    keys: [],
    enabled: (c) => c.screen !== 'library',
    perform: (c) => c.backToLibrary()
  },
  {
    name: 'shell.export',
    label: 'Export report…',
    group: 'Release',
    // File menu's accelerator; in the app the menu and this key may both fire, and opening twice is once.
    keys: [{ key: 'e', ctrl: true }],
    enabled: hasRelease,
    perform: (c) => c.openExport()
  },
  {
    name: 'shell.import',
    label: 'Import PDFs…',
    group: 'App',
    keys: [{ key: 'o', ctrl: true }],
    enabled: (c) => !c.importing,
    perform: (c) => c.importPdfs()
  },
  {
    name: 'shell.undo',
    label: 'Undo',
    group: 'Edit',
    // shift: false, or Ctrl+Shift+Z would match Undo before reaching Redo.
    keys: [{ key: 'z', ctrl: true, shift: false }],
    enabled: () => true,
    perform: (c) => c.undo()
  },
  {
    name: 'shell.redo',
    label: 'Redo',
    group: 'Edit',
    keys: [
      { key: 'z', ctrl: true, shift: true },
      { key: 'y', ctrl: true }
    ],
    enabled: () => true,
    perform: (c) => c.redo()
  }
]
