import { readFileSync } from 'node:fs'

/** A curated term and the tag to write for it (`n` unless the file says otherwise). */
export interface CoreTerm {
  word: string
  tag: string | undefined
}

/** Reads the curated core list: one `word [tag]` per line, `#` comments and blank lines skipped. */
export function readCoreTerms(path: string): CoreTerm[] {
  const terms: CoreTerm[] = []
  for (const rawLine of readFileSync(path, 'utf8').split('\n')) {
    const line = rawLine.trim()
    if (line === '' || line.startsWith('#')) continue
    const [word, tag] = line.split(/\s+/)
    if (word) terms.push({ word, tag })
  }
  return terms
}
