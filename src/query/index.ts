/** The query stage: query string → syntax tree → analysed query. */
export * from './query-node'
export * from './parse-query'
export { parseFigureRange } from './parse-figure-range'
export * from './analyzed-query'
export { analyzeQuery, SUBWORD_WEIGHT } from './analyze-query'
export type { AnalyzeQueryOptions, TermExpander, TextExpander } from './analyze-query'
