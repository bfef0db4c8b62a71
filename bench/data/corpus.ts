/**
 * Loading benchmark corpora. A corpus is a list of {@link BenchDoc}s read from JSON lines (plain or
 * gzipped; one `{id, title?, body, ...}` object per line) or from a folder: its `.jsonl`/`.jsonl.gz`
 * files are concatenated, and its `.txt` files are split into paragraphs the way the shared
 * seed-paragraphs.jsonl was made (ids `<file stem>#L<line>`).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { basename, join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { ZhsearchError } from '../../src/errors'
import { parseJsonLineRecords } from './json-lines'

/** One document as every engine adapter receives it. */
export interface BenchDoc {
  readonly id: string
  readonly title?: string
  readonly body: string
  /** A facet value used by filtered queries (the laws' `category`, the seeds' `source`). */
  readonly category?: string
}

/** Reads a `.jsonl`, `.jsonl.gz` or a folder of them / of `.txt` articles. */
export function loadCorpus(path: string): BenchDoc[] {
  if (statSync(path).isDirectory()) return loadCorpusFolder(path)
  if (path.endsWith('.txt')) return splitArticle(path)
  const bytes = readFileSync(path)
  const text = path.endsWith('.gz') ? gunzipSync(bytes).toString('utf8') : bytes.toString('utf8')
  return parseJsonLines(text, path)
}

function loadCorpusFolder(folder: string): BenchDoc[] {
  const names = readdirSync(folder).sort()
  const docs: BenchDoc[] = []
  for (const name of names) {
    const path = join(folder, name)
    if (name.endsWith('.jsonl') || name.endsWith('.jsonl.gz') || name.endsWith('.txt')) docs.push(...loadCorpus(path))
  }
  if (docs.length === 0) throw new ZhsearchError('INVALID_CORPUS', `no .jsonl, .jsonl.gz or .txt files in ${folder}`, { path: folder })
  return docs
}

/** Parses JSON lines into documents; `title` and `body` are kept, plus `category` or `source` as the facet. */
export function parseJsonLines(text: string, path: string): BenchDoc[] {
  return parseJsonLineRecords(text, path).map(({ record, line }) => {
    const { id, title, body } = record
    if (typeof id !== 'string' || typeof body !== 'string') {
      throw new ZhsearchError('INVALID_CORPUS', `${path}:${line}: needs string "id" and "body"`, { path, line })
    }
    const facet = record.category ?? record.source
    return {
      id,
      body,
      ...(typeof title === 'string' ? { title } : {}),
      ...(typeof facet === 'string' ? { category: facet } : {}),
    }
  })
}

/**
 * Paragraphs shorter than this many Han characters are page furniture (bylines, dates, captions,
 * "related links") rather than content; the shared seed-paragraphs.jsonl drops the same lines.
 */
const MIN_PARAGRAPH_HAN = 20
const HAN = /\p{Script=Han}/gu

/**
 * One document per content line of a scraped article; ids name the file and 1-based line. Scraped
 * pages often print the article twice (page body plus a print/share copy): a repeated paragraph is kept once.
 */
export function splitArticle(path: string): BenchDoc[] {
  const stem = basename(path).replace(/\.txt$/, '')
  const lines = readFileSync(path, 'utf8').split('\n')
  const docs: BenchDoc[] = []
  const seen = new Set<string>()
  lines.forEach((raw, index) => {
    const body = raw.trim()
    if ((body.match(HAN)?.length ?? 0) < MIN_PARAGRAPH_HAN || seen.has(body)) return
    seen.add(body)
    docs.push({ id: `${stem}#L${index + 1}`, body, category: basename(path) })
  })
  return docs
}

/** Bytes of UTF-8 text an engine indexes for these documents (title + body): the "raw text" of every ratio. */
export function textBytes(docs: readonly BenchDoc[]): number {
  let bytes = 0
  for (const doc of docs) bytes += Buffer.byteLength(doc.body, 'utf8') + (doc.title ? Buffer.byteLength(doc.title, 'utf8') : 0)
  return bytes
}
