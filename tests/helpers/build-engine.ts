import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { SearchEngine, type Document, type EngineOptions, type SearchOptions } from '../../src/index'

/** The repository root (tests run from it, but compute it so a test can be run from anywhere). */
export const REPO_ROOT = join(import.meta.dirname, '..', '..')

/** The bundled sample corpus: five health-policy news articles, committed with the package. */
export const SEEDS_DIR = join(REPO_ROOT, 'seeds')

/** A seed article as a document: id = file name, title = first non-empty line, body = the rest (as the CLI reads it). */
export function seedDocuments(): Document[] {
  return readdirSync(SEEDS_DIR)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => {
      const lines = readFileSync(join(SEEDS_DIR, name), 'utf8').split(/\r?\n/)
      const titleIndex = lines.findIndex((line) => line.trim() !== '')
      return { id: name, title: lines[titleIndex]!.trim(), body: lines.slice(titleIndex + 1).join('\n') }
    })
}

/** The text of one seed article. */
export function seedText(name: string): string {
  return readFileSync(join(SEEDS_DIR, name), 'utf8')
}

/** An engine holding `documents`; fields default to `{ title: {weight: 2}, body: {} }`. */
export function buildEngine(documents: Iterable<Document>, options: EngineOptions = {}): SearchEngine {
  const engine = new SearchEngine(options)
  engine.addAll(documents)
  return engine
}

/** Hit ids of a query, best first. */
export function idsFor(engine: SearchEngine, query: string, options: SearchOptions = {}): string[] {
  return engine.search(query, { limit: 100, ...options }).hits.map((hit) => hit.id)
}

/** Hit ids and scores of a query: what two equal indexes must agree on exactly. */
export function rankingFor(engine: SearchEngine, query: string): { id: string; score: number }[] {
  return engine.search(query, { limit: 100 }).hits.map((hit) => ({ id: hit.id, score: hit.score }))
}

/** Queries over the seeds that exercise words, sub-words, phrases, exclusions, OR and fields. */
export const PROBE_QUERIES: readonly string[] = [
  '千名医师下基层',
  '医共体 建设',
  '长治',
  '卫生',
  '"家庭医生签约"',
  '孕产妇死亡率',
  '远程会诊 -兰州',
  '医联体 OR 医共体',
  'title:淄博',
  '遠程會診',
]
