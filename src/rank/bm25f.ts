/**
 * BM25F (Robertson & Zaragoza, "The Probabilistic Relevance Framework: BM25 and Beyond", 2009, §3.3):
 * field frequencies are length-normalised per field, weighted, summed, and saturated once.
 */
export interface BM25Parameters {
  /** Term-frequency saturation. Default 1.2 (Lucene's and Elasticsearch's default). */
  k1: number
  /** Length normalisation strength, 0 (none) to 1 (full). Default 0.75. */
  b: number
}

export const DEFAULT_BM25: BM25Parameters = { k1: 1.2, b: 0.75 }

/** What ranking needs to know about the corpus; the index implements it. */
export interface CorpusStatistics {
  /** Live documents. */
  documentCount: number
  /** Documents that contain the term in any field. */
  docFrequency(termId: number): number
  /** Average coarse-token length of a field over live documents. */
  averageFieldLength(field: number): number
}

/** Inverse document frequency, the BM25 form kept positive by the `1 +` (as in Lucene). */
export function inverseDocumentFrequency(documentCount: number, docFrequency: number): number {
  return Math.log(1 + (documentCount - docFrequency + 0.5) / (docFrequency + 0.5))
}

/** One field's contribution to the pseudo term frequency: `weight · tf / (1 − b + b · length / averageLength)`. */
export function weightedFieldFrequency(tf: number, fieldLength: number, averageFieldLength: number, weight: number, b: number): number {
  const normalizer = 1 - b + (b * fieldLength) / Math.max(averageFieldLength, 1)
  return (weight * tf) / normalizer
}

/** Saturates the summed pseudo frequency: `idf · tf̃ / (k1 + tf̃)`. */
export function saturate(pseudoFrequency: number, idf: number, k1: number): number {
  return (idf * pseudoFrequency) / (k1 + pseudoFrequency)
}
