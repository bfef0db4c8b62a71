/**
 * Context vectors: the content words just left and right of each occurrence of a form. Two forms of one
 * name are used in the same contexts (医保/医疗保障 both before 基金, 部门); look-alikes are not.
 */
import { HAN_RUN } from './synonym-pair'

/** The words just left and right of each occurrence: two forms of one name are used in the same contexts. */
export type ContextVector = Map<string, number>

/**
 * The most frequent words (的, 和, 应当, 规定 …) say nothing about a form's meaning; contexts skip them.
 * 300 covers the function words and the boilerplate of legal text in this corpus.
 */
const COMMON_WORD_COUNT = 300
/** How many words a context may reach past skipped common words and punctuation. */
const CONTEXT_REACH = 3

/** The most frequent words of the segmented texts. */
export function commonWordsOf(segmented: readonly string[][]): Set<string> {
  const counts = new Map<string, number>()
  for (const words of segmented) for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1)
  return new Set([...counts].sort((a, b) => b[1] - a[1]).slice(0, COMMON_WORD_COUNT).map(([word]) => word))
}

/** The nearest content word from `index` going in `step` direction, within {@link CONTEXT_REACH}. */
function contentNeighbour(words: readonly string[], index: number, step: 1 | -1, common: ReadonlySet<string>): string | undefined {
  for (let at = index, reach = 0; reach < CONTEXT_REACH && at >= 0 && at < words.length; at += step, reach++) {
    const word = words[at] ?? ''
    if (HAN_RUN.test(word) && !common.has(word)) return word
  }
  return undefined
}

function addContext(vectors: Map<string, ContextVector>, form: string, left: string | undefined, right: string | undefined): void {
  let vector = vectors.get(form)
  if (vector === undefined) vectors.set(form, (vector = new Map()))
  if (left !== undefined) vector.set(`<${left}`, (vector.get(`<${left}`) ?? 0) + 1)
  if (right !== undefined) vector.set(`>${right}`, (vector.get(`>${right}`) ?? 0) + 1)
}

/** Cosine similarity of two context vectors, in [0, 1]. */
export function contextSimilarity(a: ContextVector | undefined, b: ContextVector | undefined): number {
  if (a === undefined || b === undefined) return 0
  let dot = 0
  let normA = 0
  let normB = 0
  for (const [key, count] of a) {
    normA += count * count
    dot += count * (b.get(key) ?? 0)
  }
  for (const count of b.values()) normB += count * count
  return normA === 0 || normB === 0 ? 0 : dot / Math.sqrt(normA * normB)
}

/** Context vectors of forms, built from content-word neighbours (see {@link contentNeighbour}). */
export class Contexts {
  readonly vectors = new Map<string, ContextVector>()
  constructor(private readonly common: ReadonlySet<string>) {}

  add(form: string, words: readonly string[], start: number, count: number): void {
    addContext(this.vectors, form, contentNeighbour(words, start - 1, -1, this.common), contentNeighbour(words, start + count, 1, this.common))
  }
}

