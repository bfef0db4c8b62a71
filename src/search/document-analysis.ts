import { createAnalyzer, type Analyzer } from '../analysis'
import { recognizeEntities } from '../entities'
import { analyzeFields, type FieldTerms } from '../index/index'
import type { ResolvedEngineOptions } from './options'
import type { FieldEntityMention } from './search-result'

/**
 * Everything indexing computes from a document's texts before touching the index: the analysed
 * fields and the entity mentions. It depends only on the texts and the engine's analysis options,
 * which is what lets worker threads compute it for {@link SearchEngine.addAllAsync} while the main
 * thread inserts in order — the index comes out the same as with `addAll`.
 */
export interface AnalyzedDocument {
  fields: (FieldTerms | undefined)[]
  mentions: FieldEntityMention[]
}

/** What a thread needs to analyse documents exactly as the engine does. Plain data: it is posted to workers. */
export interface DocumentAnalysisConfig {
  fieldNames: string[]
  analysis: Pick<ResolvedEngineOptions['analysis'], 'userDictionaries' | 'stopwords' | 'subwords'>
  entities: boolean
}

/** The engine's analyzer for a config (the segmenter itself is shared by the whole thread). */
export function analyzerFor(config: DocumentAnalysisConfig): Analyzer {
  const { userDictionaries, stopwords, subwords } = config.analysis
  return createAnalyzer({ userDictionaries, subwords, ...(stopwords ? { stopwords } : {}) })
}

/** Entity mentions of every text field, each marked with its field (offsets are into that field's text). */
function recognizeFieldEntities(texts: readonly (string | undefined)[], fieldNames: readonly string[]): FieldEntityMention[] {
  return texts.flatMap((text, field) => (text ? recognizeEntities(text).map((mention) => ({ ...mention, field: fieldNames[field]! })) : []))
}

export function analyzeDocument(texts: readonly (string | undefined)[], analyzer: Analyzer, config: DocumentAnalysisConfig): AnalyzedDocument {
  return {
    fields: analyzeFields(texts, analyzer),
    mentions: config.entities ? recognizeFieldEntities(texts, config.fieldNames) : [],
  }
}
