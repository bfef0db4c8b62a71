import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'

/** One text the miners read: a law body (with its title) or a seed article. */
export interface CorpusText {
  /** Law id, or `seed:<file name>` for a seed article. */
  readonly id: string
  readonly title: string
  readonly body: string
}

interface LawRecord {
  id?: unknown
  title?: unknown
  body?: unknown
}

/** Reads the laws corpus (gzipped JSON lines with id, title, body) into memory, in file order. */
export function readLaws(path: string): CorpusText[] {
  const lines = gunzipSync(readFileSync(path)).toString('utf8').split('\n')
  const laws: CorpusText[] = []
  lines.forEach((line, index) => {
    if (line.trim() === '') return
    const record = JSON.parse(line) as LawRecord
    if (typeof record.id !== 'string' || typeof record.body !== 'string') {
      throw new Error(`${path}:${index + 1}: a law needs a string id and body`)
    }
    laws.push({ id: record.id, title: typeof record.title === 'string' ? record.title : '', body: record.body })
  })
  return laws
}

/** Reads every `*.txt` seed article in a folder, sorted by file name so that output is deterministic. */
export function readSeeds(folder: string): CorpusText[] {
  return readdirSync(folder)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => ({ id: `seed:${name}`, title: '', body: readFileSync(join(folder, name), 'utf8') }))
}

/** The whole searchable text of a corpus entry: title and body. */
export function fullText(text: CorpusText): string {
  return `${text.title}\n${text.body}`
}
