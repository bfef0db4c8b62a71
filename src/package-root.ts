import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The folder holding zhsearch's package.json: `dict/` and `seeds/` are found relative to it,
 * whether the code runs from `src/` (tests, tsx) or from the built `dist/`.
 */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url))
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir)
    if (parent === dir) throw new Error(`zhsearch: package.json not found above ${fileURLToPath(import.meta.url)}`)
    dir = parent
  }
  return dir
}
