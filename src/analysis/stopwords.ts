import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { packageRoot } from '../package-root'

export const BUNDLED_STOPWORDS = 'dict/stopwords.txt'

let bundled: ReadonlySet<string> | undefined

/** Reads a stopword list: one word per line, `#` starts a comment line. */
export function readStopwords(path: string): Set<string> {
  const words = new Set<string>()
  for (const line of readFileSync(path, 'utf8').split(/\r?\n/)) {
    const word = line.trim()
    if (word !== '' && !word.startsWith('#')) words.add(word)
  }
  return words
}

/** The bundled stopword list (`dict/stopwords.txt`): function words and question fillers that carry no topic. */
export function bundledStopwords(): ReadonlySet<string> {
  if (!bundled) {
    const path = join(packageRoot(), BUNDLED_STOPWORDS)
    bundled = existsSync(path) ? readStopwords(path) : new Set()
  }
  return bundled
}
