/** The ranking stage: analysed query + index statistics → scored documents. */
export * from './bm25f'
export * from './coordination'
export * from './passage'
export * from './posting-source'
export * from './explanation'
export { scoreQuery } from './score-query'
export type { ScoreOptions, ScoredDocuments } from './score-query'
