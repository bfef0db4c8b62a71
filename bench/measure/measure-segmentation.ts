/**
 * The physical floor of indexing: raw jieba throughput over the same text every engine indexes,
 * single-threaded, with the dictionary load excluded (timed separately). Each call's result is
 * counted so the work cannot be optimised away and the token totals can be compared across runs.
 */
import nodejieba from 'nodejieba'
import type { BenchDoc } from '../data/corpus'
import { fullText } from '../engines/bench-engine'
import { median, megabytesPerSecond } from '../metrics/index'

export interface SegmentationMeasurement {
  readonly dictionaryLoadMs: number
  /** `nodejieba.cut(text)`: jieba's default mode, HMM off. */
  readonly cutMBps: number
  /** `nodejieba.cut(text, true)`: HMM on, finds words missing from the dictionary. */
  readonly cutHmmMBps: number
  /** `nodejieba.cutForSearch(text)`: search mode (long words plus sub-words), what several peers index with. */
  readonly cutForSearchMBps: number
  readonly tokens: number
}

/** Medians over `runs` passes of each mode over all documents. */
export function measureSegmentation(docs: readonly BenchDoc[], bytes: number, runs: number): SegmentationMeasurement {
  const loadStart = performance.now()
  nodejieba.cut('加载词典') // the first call loads jieba's dictionaries
  const dictionaryLoadMs = performance.now() - loadStart
  const texts = docs.map(fullText)
  let tokens = 0
  const time = (segment: (text: string) => string[]): number => {
    const samples: number[] = []
    for (let run = 0; run < runs; run++) {
      const start = performance.now()
      let count = 0
      for (const text of texts) count += segment(text).length
      samples.push(performance.now() - start)
      tokens = count
    }
    return megabytesPerSecond(bytes, median(samples))
  }
  const cutForSearchMBps = time((t) => nodejieba.cutForSearch(t))
  const cutHmmMBps = time((t) => nodejieba.cut(t, true))
  const cutMBps = time((t) => nodejieba.cut(t))
  return { dictionaryLoadMs, cutMBps, cutHmmMBps, cutForSearchMBps, tokens }
}
