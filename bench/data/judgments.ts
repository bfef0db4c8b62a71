/**
 * Judged query sets in the format of the shared eval files (seeds-queries.dev.jsonl,
 * laws-questions.dev.jsonl): one `{qid, query, type, qrels: {docid: grade}}` per line.
 */
import { readFileSync } from 'node:fs'
import { ZhsearchError } from '../../src/errors'
import type { Qrels } from '../metrics/index'

/** One query with graded judgments. `type` groups queries for per-kind reporting (program, question, …). */
export interface JudgedQuery {
  readonly qid: string
  readonly query: string
  readonly type: string
  readonly qrels: Qrels
}

/** Reads a judgments file; lines must carry a string `query` and an object `qrels`. */
export function loadJudgments(path: string): JudgedQuery[] {
  const lines = readFileSync(path, 'utf8').split('\n')
  const queries: JudgedQuery[] = []
  lines.forEach((raw, index) => {
    const line = raw.trim()
    if (line === '') return
    let record: Record<string, unknown>
    try {
      record = JSON.parse(line) as Record<string, unknown>
    } catch {
      throw new ZhsearchError('INVALID_CORPUS', `${path}:${index + 1}: not valid JSON`, { path, line: index + 1 })
    }
    const { qid, query, type, qrels } = record
    if (typeof query !== 'string' || typeof qrels !== 'object' || qrels === null) {
      throw new ZhsearchError('INVALID_CORPUS', `${path}:${index + 1}: needs "query" and "qrels"`, { path, line: index + 1 })
    }
    queries.push({
      qid: typeof qid === 'string' ? qid : `line${index + 1}`,
      query,
      type: typeof type === 'string' ? type : 'untyped',
      qrels: qrels as Qrels,
    })
  })
  return queries
}

/** Ids of every document judged relevant by any query (grade > 0). */
export function judgedDocIds(queries: readonly JudgedQuery[]): Set<string> {
  const ids = new Set<string>()
  for (const q of queries) for (const [id, grade] of Object.entries(q.qrels)) if (grade > 0) ids.add(id)
  return ids
}
