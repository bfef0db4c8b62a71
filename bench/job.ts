/** What the parent hands each child process, and what the child sends back. */
import type { BenchDoc } from './data/corpus'
import type { JudgedQuery } from './data/judgments'
import type { LatencyQuery } from './data/latency-queries'
import type { BuildMeasurement, PersistenceMeasurement } from './measure/measure-build'
import type { LatencyReport, RelevanceReport } from './measure/measure-queries'
import type { SegmentationMeasurement } from './measure/measure-segmentation'

export interface DatasetJob {
  readonly name: string
  readonly docs: readonly BenchDoc[]
  readonly textBytes: number
  readonly querySets: readonly { name: string; queries: readonly JudgedQuery[] }[]
  readonly latency: readonly LatencyQuery[]
}

/** The pseudo-engine that measures raw segmentation instead of an index. */
export const SEGMENTATION_JOB = 'nodejieba-cut'

/**
 * A child reads one dataset file at a time (`DatasetJob` JSON), so that while it measures the seed
 * paragraphs the 57 MB laws corpus is not on its heap, slowing every garbage collection.
 */

export interface EngineDatasetResult {
  readonly build: BuildMeasurement & { MBps: number; docsPerSecond: number; heapRatio: number | null }
  readonly persistence: (PersistenceMeasurement & { ratio: number }) | null
  readonly latency: LatencyReport
  readonly relevance: Readonly<Record<string, RelevanceReport>>
}

export type DatasetResult =
  | { readonly kind: 'engine'; readonly result: EngineDatasetResult }
  | { readonly kind: 'segmentation'; readonly result: SegmentationMeasurement }
  | { readonly kind: 'error'; readonly error: string }

export interface JobResult {
  readonly engine: string
  readonly datasets: Readonly<Record<string, DatasetResult>>
  /** 1-minute load average when the child started and finished: above the core count, timings are inflated by other work. */
  readonly loadAverage: readonly [number, number]
}
