/**
 * Judged query sets in the format of the shared eval files (seeds-queries.dev.jsonl,
 * laws-questions.dev.jsonl): one `{qid, query, type, qrels: {docid: grade}}` per line.
 */
import { readFileSync } from 'node:fs'
import { ZhsearchError } from '../../src/errors'
import { parseJsonLineRecords } from './json-lines'
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
  return parseJsonLineRecords(readFileSync(path, 'utf8'), path).map(({ record, line }) => {
    const { qid, query, type, qrels } = record
    if (typeof query !== 'string' || typeof qrels !== 'object' || qrels === null) {
      throw new ZhsearchError('INVALID_CORPUS', `${path}:${line}: needs "query" and "qrels"`, { path, line })
    }
    return {
      qid: typeof qid === 'string' ? qid : `line${line}`,
      query,
      type: typeof type === 'string' ? type : 'untyped',
      qrels: qrels as Qrels,
    }
  })
}

/** Ids of every document judged relevant by any query (grade > 0). */
export function judgedDocIds(queries: readonly JudgedQuery[]): Set<string> {
  const ids = new Set<string>()
  for (const q of queries) for (const [id, grade] of Object.entries(q.qrels)) if (grade > 0) ids.add(id)
  return ids
}
