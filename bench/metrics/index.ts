/** Benchmark metrics: relevance (nDCG, MRR, Recall), latency percentiles, heap after forced GC. */
export * from './relevance'
export * from './latency'
export * from './heap'
