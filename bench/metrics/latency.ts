/** Latency and run-to-run statistics: percentiles of per-query times and medians of repeated runs. */

/**
 * The p-th percentile (0–100) by the nearest-rank method: the smallest sample such that at least
 * p% of the samples are ≤ it. Nearest-rank never invents a value between two samples, so p99 over a
 * few hundred queries is a time some query really took. NaN for no samples.
 */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN
  const sorted = [...samples].sort((a, b) => a - b)
  const rank = Math.ceil((Math.min(Math.max(p, 0), 100) / 100) * sorted.length)
  return sorted[Math.max(rank, 1) - 1] as number
}

/** Median of repeated measurements (the mean of the two middle values for an even count); NaN for none. */
export function median(samples: readonly number[]): number {
  if (samples.length === 0) return Number.NaN
  const sorted = [...samples].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}

/** Query-latency summary in milliseconds. */
export interface LatencySummary {
  readonly count: number
  readonly p50: number
  readonly p95: number
  readonly p99: number
  readonly max: number
}

/** p50/p95/p99/max of per-query times in milliseconds. */
export function summarizeLatency(samplesMs: readonly number[]): LatencySummary {
  return {
    count: samplesMs.length,
    p50: percentile(samplesMs, 50),
    p95: percentile(samplesMs, 95),
    p99: percentile(samplesMs, 99),
    max: percentile(samplesMs, 100),
  }
}

/** Throughput in MB/s (10^6 bytes per second) of processing `bytes` in `ms` milliseconds. */
export function megabytesPerSecond(bytes: number, ms: number): number {
  return ms > 0 ? bytes / 1e6 / (ms / 1000) : Number.POSITIVE_INFINITY
}
