import type { AnalyzedQuery, QueryGroup } from '../query'
import type { PostingSource } from './posting-source'

/**
 * Which of a query's groups are common: every word of them (sub-words and expansions too) is in more
 * than {@link COMMON_GROUP_SHARE} of the documents, with lists long enough to cost. Lucene's
 * CommonTermsQuery (Elasticsearch's `cutoff_frequency`) scores such words only in the documents that
 * match a rarer word of the query: 规定, 应当 or 管理 in a pasted sentence barely tell laws apart, yet
 * they are most of its postings (on the laws, four fifths of a long query's). A document that holds
 * nothing but common words is then not a match; when no document holds a rarer word (or the query has
 * none), the common groups count everywhere as usual. `must` groups always count in full, and phrases
 * are never common: their words must also stand together.
 */
export function commonGroups(query: AnalyzedQuery, source: PostingSource): boolean[] {
  return query.groups.map((group) => isCommon(group, source))
}

/** Documents holding a word beyond which it is common. */
const COMMON_GROUP_SHARE = 0.3

/** Lists shorter than this cost too little to treat apart: a small corpus scores every word everywhere. */
const COMMON_GROUP_MIN_POSTINGS = 1000

function isCommon(group: QueryGroup, source: PostingSource): boolean {
  if (group.occur !== 'should') return false
  let terms = 0
  for (const alternative of group.alternatives) {
    if (alternative.phrase) return false
    for (const term of alternative.terms) {
      const termId = source.termId(term.text)
      if (termId === undefined) continue
      const frequency = source.docFrequency(termId)
      if (frequency < COMMON_GROUP_MIN_POSTINGS || frequency <= COMMON_GROUP_SHARE * source.documentCount) return false
      terms++
    }
  }
  return terms > 0
}
