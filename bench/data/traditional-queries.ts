/**
 * Traditional-script twins of judged queries: the same information need written in traditional
 * characters (OpenCC cn → tw), with the same judgments. A search engine for Chinese should score
 * both forms alike; none of the JS peers folds scripts.
 */
import * as OpenCC from 'opencc-js'
import type { JudgedQuery } from './judgments'

/** The queries whose traditional form differs from the original, converted, typed `traditional`, qid suffixed `-T`. */
export function traditionalTwins(queries: readonly JudgedQuery[]): JudgedQuery[] {
  const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' })
  const twins: JudgedQuery[] = []
  for (const q of queries) {
    const query = toTraditional(q.query)
    if (query !== q.query) twins.push({ ...q, qid: `${q.qid}-T`, query, type: 'traditional' })
  }
  return twins
}
