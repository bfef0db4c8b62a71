import type { QueryAlternative } from '../query'
import { readPositions, type PostingSource } from './posting-source'

/** Every place `word` starts in `text`. */
export function offsetsIn(text: string, word: string): number[] {
  const offsets: number[] = []
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) offsets.push(at)
  return offsets
}

/** The phrase's indexed tokens that stand in its characters, rarest first. */
export function phraseTokensByRarity(alternative: QueryAlternative, source: PostingSource): string[] {
  const needle = alternative.phraseText ?? ''
  return [...new Set(alternative.phraseTokens ?? [])]
    .filter((token) => needle.includes(token) && source.termId(token) !== undefined)
    .sort((a, b) => source.docFrequency(source.termId(a)!) - source.docFrequency(source.termId(b)!))
}

/**
 * Where a phrase starts in one field of each of `docs` (ascending), to mark it in a snippet as one span:
 * every place one of its tokens puts it, kept where the phrase's characters stand exactly (normalised, as
 * the query was). Every token, not only the rarest, and then characters, because a document may have
 * segmented the phrase differently from the query (住院/预交/金降 for 住院预交金降至). For a page of hits,
 * not for scoring: it reads each token's positions in those documents.
 */
export function phraseStartsIn(alternative: QueryAlternative, field: number, source: PostingSource, docs: Int32Array): Map<number, number[]> {
  const found = new Map<number, number[]>()
  const needle = alternative.phraseText
  if (!needle) return found
  const candidates = new Map<number, Set<number>>()
  for (const token of phraseTokensByRarity(alternative, source)) {
    const offsets = offsetsIn(needle, token)
    source.forEachPostingIn(source.termId(token)!, field, docs, (doc, tf, reader) => {
      let starts = candidates.get(doc)
      if (!starts) candidates.set(doc, (starts = new Set()))
      for (const position of readPositions(reader, tf)) for (const offset of offsets) if (position >= offset) starts.add(position - offset)
    })
  }
  for (const [doc, starts] of candidates) {
    const ascending = [...starts].sort((a, b) => a - b)
    const stretches = source.compactFieldSlices(field, doc, ascending.map((start) => [start, start + needle.length] as const))
    const exact = ascending.filter((_, i) => stretches[i] === needle)
    if (exact.length > 0) found.set(doc, exact)
  }
  return found
}
