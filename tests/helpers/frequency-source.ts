import type { PostingSource } from '../../src/rank'

/** Only what the query pruning reads of an index: term ids, document frequencies and the document count. */
export function sourceWith(frequencies: Record<string, number>, documentCount = 1000): PostingSource {
  const terms = Object.keys(frequencies)
  return {
    documentCount,
    termId: (term: string) => (terms.includes(term) ? terms.indexOf(term) : undefined),
    docFrequency: (termId: number) => frequencies[terms[termId]!]!,
  } as unknown as PostingSource
}
