import { createReadStream, statSync, readdirSync, readFileSync } from 'node:fs'
import { extname, join, relative } from 'node:path'
import { createGunzip } from 'node:zlib'
import { createInterface } from 'node:readline'
import { ZhsearchError } from '../errors'
import type { Document } from './document-intake'

/**
 * Reads documents from a path: a `.jsonl` or `.jsonl.gz` file (one JSON document per line), a `.json`
 * array, or a directory of `.txt`/`.md` files (one document per file: id = relative path, title = first
 * non-empty line, body = the rest). Malformed lines are INVALID_CORPUS errors naming file and line.
 */
export async function* readCorpus(path: string): AsyncGenerator<Document> {
  let stats
  try {
    stats = statSync(path)
  } catch (error) {
    throw new ZhsearchError('IO_ERROR', `cannot read ${path}: ${(error as Error).message}`, { path })
  }
  if (stats.isDirectory()) {
    yield* readTextDirectory(path)
    return
  }
  if (path.endsWith('.jsonl') || path.endsWith('.jsonl.gz') || path.endsWith('.ndjson')) {
    yield* readJsonLines(path)
    return
  }
  if (extname(path) === '.json') {
    let parsed: unknown
    try {
      parsed = JSON.parse(readFileSync(path, 'utf8'))
    } catch (error) {
      throw new ZhsearchError('INVALID_CORPUS', `${path}: not valid JSON (${(error as Error).message})`, { path })
    }
    if (!Array.isArray(parsed)) throw new ZhsearchError('INVALID_CORPUS', `${path}: expected a JSON array of documents`, { path })
    yield* parsed as Document[]
    return
  }
  throw new ZhsearchError('INVALID_CORPUS', `${path}: expected a .jsonl, .jsonl.gz or .json file, or a directory of .txt/.md files`, { path })
}

async function* readJsonLines(path: string): AsyncGenerator<Document> {
  const input = createReadStream(path)
  const stream = path.endsWith('.gz') ? input.pipe(createGunzip()) : input
  const lines = createInterface({ input: stream, crlfDelay: Infinity })
  let number = 0
  try {
    for await (const line of lines) {
      number++
      if (line.trim() === '') continue
      let document: unknown
      try {
        document = JSON.parse(line)
      } catch (error) {
        throw new ZhsearchError('INVALID_CORPUS', `${path}:${number}: not valid JSON (${(error as Error).message})`, { path, line: number })
      }
      yield document as Document
    }
  } catch (error) {
    if (error instanceof ZhsearchError) throw error
    throw new ZhsearchError('IO_ERROR', `cannot read ${path}: ${(error as Error).message}`, { path })
  }
}

function* readTextDirectory(root: string): Generator<Document> {
  const files: string[] = []
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = join(dir, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (/\.(txt|md)$/i.test(entry.name)) files.push(full)
    }
  }
  walk(root)
  for (const file of files) {
    const lines = cleanScrapedLines(readFileSync(file, 'utf8').split(/\r?\n/))
    const first = lines.findIndex((line) => line.trim() !== '')
    const title = first >= 0 ? lines[first]!.trim() : ''
    const body = first >= 0 ? lines.slice(first + 1).join('\n').trim() : ''
    yield { id: relative(root, file), title, body }
  }
}

/** Navigation and credit lines that scraped news pages carry; they are not the article. */
const BOILERPLATE_LINE = /^\s*(首页\s*>.*|返回|顶部|返回顶部|推荐阅读|相关阅读|分享到|扫一扫|[(（]责编[:：].*[)）]|责任编辑[:：].*|版权声明[:：].*|免责声明[:：].*)\s*$/

/**
 * Scraped pages repeat themselves (a whole article twice) and end with navigation lines; a line seen
 * before in the same file, and a line that is only page furniture, is dropped so it does not skew term frequencies.
 */
export function cleanScrapedLines(lines: readonly string[]): string[] {
  const seen = new Set<string>()
  const kept: string[] = []
  for (const line of lines) {
    const key = line.trim()
    if (key !== '' && (seen.has(key) || BOILERPLATE_LINE.test(key))) continue
    if (key !== '') seen.add(key)
    kept.push(line)
  }
  return kept
}
