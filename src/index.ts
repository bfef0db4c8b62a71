/**
 * zhsearch — full-text search for Chinese text. This is the package's one public entry.
 */
export { SearchEngine, MAX_FIELD_LENGTH, MAX_ID_LENGTH, readCorpus } from './search'
export type { AddAllAsyncOptions, EngineOptions, ResolvedEngineOptions, SearchOptions, SnippetOptions, SearchHit, SearchResult, Highlight, Document, FieldEntityMention, FacetCount, FacetName } from './search'
export { recognizeEntities, placeGazetteer, resolvePlaceQuery, canonicalProgram } from './entities'
export type { EntityMention, EntityType, Place, PlaceLevel } from './entities'
export { ZhsearchError, ERROR_CODES } from './errors'
export type { ZhsearchErrorCode } from './errors'
export { createAnalyzer, normalizeText, createFlexSearchEncoder } from './analysis'
export type { Analyzer, AnalyzerOptions, Token, NormalizedText, FlexSearchEncoder, FlexSearchEncoderOptions } from './analysis'
export { parseQuery } from './query'
export type { ParsedQuery, QueryClause, EntityFilter, FigureRange, Occur, AnalyzedQuery } from './query'
export type { HitExplanation, ScoreExplanation, BM25Parameters } from './rank'
export { Suggester, createSuggester, expandPinyinQuery } from './search'
export type { Suggestion, SuggestOptions, SuggestionEntry, SuggestionKind } from './search'
export { createServer } from './server'
export type { ServerOptions } from './server'
