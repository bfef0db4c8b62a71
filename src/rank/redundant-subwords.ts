import type { AnalyzedQuery, QueryAlternative, QueryTerm } from '../query'
import type { PostingSource } from './posting-source'

/**
 * Sub-words the ranker can leave out of a query. The lattice indexes a word's sub-words wherever the
 * word stands, so every document holding the word holds its sub-words too.
 */

/** Whether a sub-word stays, given its document frequency and its word's. */
type KeepSubword = (frequency: number, wordFrequency: number, source: PostingSource) => boolean

/**
 * A sub-word in no document beyond its word's (共和, 人民共和国 beside 中华人民共和国) finds nothing the
 * word does not and only echoes the word's score, yet reading its postings costs as much as reading the
 * word's. Sub-words that also stand on their own (人民, 中华) stay: they find the documents that word the
 * thing differently. On the laws and seeds dev sets the scores are unchanged to four decimals;
 * 中华人民共和国 loses five of its seven sub-words and a third of its query time.
 */
const standsApart: KeepSubword = (frequency, wordFrequency) => frequency > wordFrequency

/**
 * Sub-words in more than this share of the documents (规定 of 暂行规定, 教育 of 教育费 in a corpus of
 * laws) are left out of the first stage, which scores every posting: at a sub-word's weight and an idf
 * near 0 they barely move a document's score, and their posting lists are a query's longest (on the laws,
 * sub-words are three fifths of a short query's postings). The chunk stage applies the same rule counted
 * over chunks, where a sub-word in few articles (登记 of 婚姻登记) tells the documents apart. Laws dev
 * questions: nDCG@10 0.5938 with them, 0.5936 at 0.3; the chunk stage's rule leaves the dev and
 * known-item scores unchanged to four decimals and takes a tenth off a short query.
 */
const COMMON_SUBWORD_SHARE = 0.3

/** Posting lists shorter than this cost too little to drop: a small corpus keeps all its sub-words. */
const COMMON_SUBWORD_MIN_POSTINGS = 1000

const isUncommon: KeepSubword = (frequency, wordFrequency, source) =>
  standsApart(frequency, wordFrequency, source) && (frequency < COMMON_SUBWORD_MIN_POSTINGS || frequency <= COMMON_SUBWORD_SHARE * source.documentCount)

/** The query without the sub-words that never stand apart from their word. */
export function withoutRedundantSubwords(query: AnalyzedQuery, source: PostingSource): AnalyzedQuery {
  return withoutSubwords(query, source, standsApart)
}

/** The query the first stage scores: without redundant sub-words nor those in most documents. */
export function withoutCommonSubwords(query: AnalyzedQuery, source: PostingSource): AnalyzedQuery {
  return withoutSubwords(query, source, isUncommon)
}

function withoutSubwords(query: AnalyzedQuery, source: PostingSource, keep: KeepSubword): AnalyzedQuery {
  const groups = query.groups.map((group) => {
    const alternatives = group.alternatives.map((alternative) => {
      const terms = keptTerms(alternative, source, keep)
      return terms === alternative.terms ? alternative : { ...alternative, terms }
    })
    return sameItems(alternatives, group.alternatives) ? group : { ...group, alternatives }
  })
  return sameItems(groups, query.groups) ? query : { ...query, groups }
}

function sameItems<T>(items: readonly T[], original: readonly T[]): boolean {
  return items.every((item, i) => item === original[i])
}

/** The alternative's terms without the sub-words `keep` rejects; the same array when it rejects none. */
function keptTerms(alternative: QueryAlternative, source: PostingSource, keep: KeepSubword): QueryTerm[] {
  const word = alternative.terms[0]
  if (alternative.phrase || !word || word.origin !== 'query') return alternative.terms
  const wordId = source.termId(word.text)
  // A word the index lacks is found through its sub-words alone: all of them stay.
  if (wordId === undefined) return alternative.terms
  const wordFrequency = source.docFrequency(wordId)
  const kept = alternative.terms.filter((term) => {
    if (term.origin !== 'subword') return true
    const termId = source.termId(term.text)
    return termId !== undefined && keep(source.docFrequency(termId), wordFrequency, source)
  })
  return kept.length === alternative.terms.length ? alternative.terms : kept
}
