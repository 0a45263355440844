/**
 * Turns the command line's files and folders into the list of PDFs to scan: folders are walked
 * (subfolders too, symlinked folders not followed, so a link loop cannot trap the walk) for names
 * ending in .pdf in any case. An input that is neither is reported, not fatal.
 */
import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { fileNameOf } from '@node/importFiles'

export interface Collected {
  /** Paths to scan, in a stable order (inputs as given; folder contents sorted by name). */
  readonly files: readonly string[]
  /** Inputs that could not be used, each with one sentence. */
  readonly problems: readonly { readonly name: string; readonly message: string }[]
}

export const isPdfName = (name: string): boolean => /\.pdf$/i.test(name)

async function walk(dir: string, into: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true })
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  for (const entry of entries) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) await walk(path, into)
    else if ((entry.isFile() || entry.isSymbolicLink()) && isPdfName(entry.name)) into.push(path)
  }
}

export async function collectInputs(inputs: readonly string[]): Promise<Collected> {
  const files: string[] = []
  const problems: { name: string; message: string }[] = []
  for (const input of inputs) {
    const name = fileNameOf(input)
    try {
      const info = await stat(input)
      if (info.isDirectory()) {
        const found: string[] = []
        await walk(input, found)
        if (found.length === 0) problems.push({ name, message: 'this folder holds no PDF files.' })
        files.push(...found)
      } else {
        // A file named on the command line is scanned whatever its extension: importFiles checks the header.
        files.push(input)
      }
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code
      problems.push({
        name,
        message: code === 'ENOENT' ? 'no such file or folder.' : 'could not be read.'
      })
    }
  }
  return { files: [...new Set(files)], problems }
}
