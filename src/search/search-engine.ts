import { readFile, writeFile, rename } from 'node:fs/promises'
import { randomUUID } from 'node:crypto'
import { loadSynonymDictionary, type Analyzer, type SynonymDictionary } from '../analysis'
import { ZhsearchError } from '../errors'
import type { EntityMention } from '../entities'
import { ATTRIBUTE_FIELD, DocumentStore, EntityIndex, ENTITY_FIELD, FigureTable, InvertedIndex, SectionReader, attributeTerms, decodeFigures, decodeIndex, encodeFigures, encodeIndex, entityTerms } from '../index/index'
import { analyzeQuery, parseQuery, type AnalyzedQuery, type AnalyzeQueryOptions, type ParsedQuery } from '../query'
import { DocumentScores, scoreQuery, withoutCommonSubwords, withoutRedundantSubwords } from '../rank'
import { applyFilters, optionFilters, type AttributeFilter } from './entity-filters'
import { countFacets, ENTITY_FACETS, isEntityFacet } from './facets'
import { placeExpander } from './place-expansion'
import { acceptDocument, type AcceptedDocument, type Document } from './document-intake'
import { analyzeDocument, analyzerFor, type AnalyzedDocument, type DocumentAnalysisConfig } from './document-analysis'
import { analyzeInWorkers } from './analyze-in-workers'
import { IndexReader } from './index-reader'
import { addAllAsyncOptionsSchema, engineOptionsSchema, searchOptionsSchema, validate, type AddAllAsyncOptions, type EngineOptions, type ResolvedEngineOptions, type ResolvedSearchOptions, type SearchOptions } from './options'
import { rankHits } from './rank-hits'
import { createSuggester, expandPinyinQuery, type Suggester, type Suggestion, type SuggestOptions } from './suggester'
import type { FieldEntityMention, SearchResult } from './search-result'

/** Weight of the hidden fields (entity and attribute terms), which query words never match directly. */
const HIDDEN_FIELD_WEIGHT = 1
const HAN = /\p{Script=Han}/u

const synonymCache = new Map<string, SynonymDictionary>()

/** Synonym dictionaries are read once per process for each set of files. */
function cachedSynonyms(files: readonly string[], bundled: boolean): SynonymDictionary {
  const key = JSON.stringify([bundled, ...files])
  let dictionary = synonymCache.get(key)
  if (!dictionary) {
    dictionary = loadSynonymDictionary(files, { bundled })
    synonymCache.set(key, dictionary)
  }
  return dictionary
}

/** Score of every hit in browse mode (filters without query words), which lists documents in the order they were added. */
const BROWSE_SCORE = 1

/**
 * The search engine: add, update and remove documents, search them, save and load the index.
 *
 * @example
 * const engine = new SearchEngine({ fields: { title: { weight: 2 }, body: {} } })
 * engine.addAll([{ id: 'a', title: '千县工程', body: '…' }])
 * const { total, hits } = engine.search('千县工程', { limit: 10 })
 */
export class SearchEngine {
  readonly options: ResolvedEngineOptions
  private readonly analyzer: Analyzer
  private readonly fieldNames: string[]
  private index: InvertedIndex
  private store: DocumentStore
  private entities: EntityIndex
  private synonyms: SynonymDictionary | undefined
  private suggester: Suggester | undefined
  /** Chunk statistics of the corpus (see ChunkPostingSource), kept until the index changes. */
  private readonly chunkStatistics = new Map<string, number>()
  /** What worker threads need to analyse documents exactly as this engine does. */
  private readonly analysisConfig: DocumentAnalysisConfig
  /** Set while {@link addAllAsync} runs: other changes wait for it (they throw ENGINE_BUSY). */
  private indexingInBackground = false
  /** Removed and replaced documents whose postings, stored fields and mentions are still held (see {@link compact}). */
  private deletedSinceCompaction = 0

  constructor(options: EngineOptions = {}) {
    const fields = (options as { fields?: unknown } | null)?.fields
    // zod would turn a "__proto__" key (possible from JSON.parse) into a prototype and drop it silently.
    if (fields && typeof fields === 'object' && Object.hasOwn(fields, '__proto__')) {
      throw new ZhsearchError('INVALID_OPTIONS', 'invalid engine options at "fields": "__proto__" cannot be a field name', { path: 'fields.__proto__' })
    }
    this.options = validate(engineOptionsSchema, options, 'INVALID_OPTIONS', 'engine options')
    this.fieldNames = Object.keys(this.options.fields)
    const { userDictionaries, stopwords, subwords } = this.options.analysis
    this.analysisConfig = { fieldNames: this.fieldNames, analysis: { userDictionaries, subwords, ...(stopwords ? { stopwords } : {}) }, entities: this.options.entities }
    this.analyzer = analyzerFor(this.analysisConfig)
    this.index = new InvertedIndex(this.indexedFieldNames())
    this.store = new DocumentStore()
    this.entities = new EntityIndex()
    const { synonyms, synonymFiles } = this.options.analysis
    this.synonyms = synonyms || synonymFiles.length > 0 ? cachedSynonyms(synonymFiles, synonyms) : undefined
  }

  /** The text fields, then the hidden fields: entity terms when entities are on, attribute terms when there are filter fields. */
  private indexedFieldNames(): string[] {
    return [...this.fieldNames, ...(this.options.entities ? [ENTITY_FIELD] : []), ...(this.options.filterFields.length > 0 ? [ATTRIBUTE_FIELD] : [])]
  }

  private fieldWeights(): number[] {
    return this.indexedFieldNames().map((field) => (field.startsWith('@') ? HIDDEN_FIELD_WEIGHT : this.options.fields[field]!.weight))
  }

  /** The terms of the hidden fields for a document, by field number (see {@link indexedFieldNames}). */
  private hiddenFieldTerms(stored: Readonly<Record<string, unknown>>, mentions: () => readonly EntityMention[]): { field: number; terms: string[] }[] {
    const hidden: { field: number; terms: string[] }[] = []
    let field = this.fieldNames.length
    if (this.options.entities) hidden.push({ field: field++, terms: entityTerms(mentions()) })
    if (this.options.filterFields.length > 0) hidden.push({ field, terms: attributeTerms(this.options.filterFields, stored) })
    return hidden
  }

  /** Documents currently indexed. */
  get size(): number {
    return this.store.size
  }

  /**
   * Counts for summaries: documents, distinct terms, fields, and the removed or replaced documents whose
   * postings and stored fields are still held until the next {@link compact}.
   */
  stats(): { documents: number; terms: number; fields: string[]; awaitingCompaction: number } {
    return { documents: this.store.size, terms: this.index.terms.length, fields: [...this.fieldNames], awaitingCompaction: this.deletedSinceCompaction }
  }

  /** Every indexed term with the number of live documents containing it (sub-words included). */
  *termStatistics(): Generator<{ term: string; docFrequency: number }> {
    const { terms, docFrequency } = this.index
    for (let id = 0; id < terms.length; id++) if (docFrequency[id]! > 0) yield { term: terms[id]!, docFrequency: docFrequency[id]! }
  }

  /**
   * The engine's synonym and expansion dictionaries (none when `synonyms` is off): each term with what it
   * also searches for. The suggester offers an everyday term whose statutory form the index holds.
   */
  *synonymEntries(): Generator<{ term: string; expansions: string[] }> {
    const synonyms = this.synonyms
    if (!synonyms) return
    for (const term of synonyms.terms()) yield { term, expansions: synonyms.expansionsOf(term).map((expansion) => expansion.term) }
  }

  /** Every indexed document as stored (its id under the id field), in the order they were added. */
  *documents(): Generator<Record<string, unknown>> {
    for (const doc of this.store.liveDocuments()) yield { ...this.store.fields(doc), [this.options.idField]: this.store.idOf(doc) }
  }

  /** Whether a document with this id is indexed. */
  has(id: string | number): boolean {
    return this.store.numberOf(String(id)) !== undefined
  }

  /** The stored fields of a document, or undefined. */
  get(id: string | number): Record<string, unknown> | undefined {
    const doc = this.store.numberOf(String(id))
    return doc === undefined ? undefined : this.store.fields(doc)
  }

  private accept(document: unknown): AcceptedDocument {
    return acceptDocument(document, this.fieldNames, this.options.idField, this.options.storeFields, this.options.filterFields)
  }

  private insert(accepted: AcceptedDocument): void {
    this.insertAnalyzed(accepted, analyzeDocument(accepted.texts, this.analyzer, this.analysisConfig))
  }

  /** Forgets what was derived from the index's contents: the suggestions and the chunk statistics. */
  private indexChanged(): void {
    this.suggester = undefined
    this.chunkStatistics.clear()
  }

  private insertAnalyzed(accepted: AcceptedDocument, analyzed: AnalyzedDocument): void {
    this.indexChanged()
    const doc = this.store.add(accepted.id, accepted.stored)
    this.index.addAnalyzed(doc, analyzed.fields)
    if (this.options.entities) this.entities.add(doc, analyzed.mentions)
    for (const { field, terms } of this.hiddenFieldTerms(accepted.stored, () => analyzed.mentions)) this.index.addTerms(doc, field, terms)
  }

  private assertNotIndexing(): void {
    if (this.indexingInBackground) throw new ZhsearchError('ENGINE_BUSY', 'addAllAsync is still indexing; wait for its promise before changing the index')
  }

  /** Indexes one document. Throws INVALID_DOCUMENT or DUPLICATE_ID (nothing is changed then). */
  add(document: Document): void {
    this.assertNotIndexing()
    const accepted = this.accept(document)
    if (this.has(accepted.id)) throw new ZhsearchError('DUPLICATE_ID', `document ${JSON.stringify(accepted.id)} is already indexed; use update() to replace it`, { id: accepted.id })
    this.insert(accepted)
  }

  /**
   * Indexes many documents, all or none: every document is validated (and checked for duplicate ids,
   * within the batch and against the index) before the first is added.
   */
  addAll(documents: Iterable<Document>): void {
    this.assertNotIndexing()
    for (const one of this.acceptAll(documents)) this.insert(one)
    this.index.settle()
  }

  /**
   * {@link addAll} with the analysis (segmentation and entity recognition, most of the cost) spread over
   * worker threads; the main thread inserts in the documents' order, so the index is the same as
   * `addAll` would build. All or none, like `addAll`: invalid input rejects before anything is added.
   * Searches may run meanwhile and see the documents added so far; other changes throw ENGINE_BUSY
   * until the promise settles. Workers run the built `dist/indexing-worker.js`; where it cannot start,
   * the work is done on the calling thread instead.
   *
   * @example await engine.addAllAsync(documents, { workers: 2 })
   */
  async addAllAsync(documents: Iterable<Document>, options: AddAllAsyncOptions = {}): Promise<void> {
    this.assertNotIndexing()
    const { workers } = validate(addAllAsyncOptionsSchema, options, 'INVALID_OPTIONS', 'addAllAsync options')
    const accepted = this.acceptAll(documents)
    this.indexingInBackground = true
    try {
      let next = 0
      for await (const batch of analyzeInWorkers(accepted.map((one) => one.texts), this.analysisConfig, { workers })) {
        for (const analyzed of batch) this.insertAnalyzed(accepted[next++]!, analyzed)
      }
      this.index.settle()
    } finally {
      this.indexingInBackground = false
    }
  }

  /** Validates a batch (types, ids, duplicates within it and against the index) before any of it is added. */
  private acceptAll(documents: Iterable<Document>): AcceptedDocument[] {
    if (documents === null || typeof documents !== 'object' || !(Symbol.iterator in documents)) {
      throw new ZhsearchError('INVALID_DOCUMENT', 'addAll and addAllAsync expect an array (or iterable) of documents')
    }
    const accepted: AcceptedDocument[] = []
    const ids = new Set<string>()
    for (const document of documents) {
      const one = this.accept(document)
      if (ids.has(one.id) || this.has(one.id)) throw new ZhsearchError('DUPLICATE_ID', `document ${JSON.stringify(one.id)} appears twice`, { id: one.id })
      ids.add(one.id)
      accepted.push(one)
    }
    return accepted
  }

  /** Removes a document. Throws UNKNOWN_ID when it is not indexed. */
  remove(id: string | number): void {
    this.assertNotIndexing()
    const key = String(id)
    const doc = this.store.numberOf(key)
    if (doc === undefined) throw new ZhsearchError('UNKNOWN_ID', `no document ${JSON.stringify(key)} is indexed`, { id: key })
    const stored = this.store.fields(doc)
    const texts = this.fieldNames.map((field) => (typeof stored[field] === 'string' ? (stored[field] as string) : undefined))
    this.index.removeFromStatistics(doc, texts, this.analyzer, this.hiddenFieldTerms(stored, () => this.entities.mentionsOf(doc)))
    this.store.delete(doc)
    this.deletedSinceCompaction++
    this.indexChanged()
    this.compactIfDue()
  }

  /**
   * Frees what removed and replaced documents still hold: their postings (which every search steps
   * over), stored fields and entity mentions. Results do not change, and hits already returned still
   * read their documents as they were found. Runs by itself once removals pass the `autoCompact`
   * thresholds, and before every save, so saved files hold live documents only. It is a pass over the
   * whole index: about 0.3 s for the 3,471 laws.
   */
  compact(): void {
    if (this.deletedSinceCompaction === 0) return
    const isDeleted = (doc: number) => this.store.isDeleted(doc)
    this.index.dropDocuments(isDeleted)
    this.store.dropDeletedRecords()
    this.entities.dropDocuments(isDeleted)
    this.deletedSinceCompaction = 0
    // Term ids change: what was derived from them is rebuilt on demand.
    this.indexChanged()
  }

  private compactIfDue(): void {
    const thresholds = this.options.autoCompact
    if (!thresholds) return
    const deleted = this.deletedSinceCompaction
    if (deleted >= thresholds.minDeleted && deleted >= thresholds.minDeletedShare * (this.store.size + deleted)) this.compact()
  }

  /** Replaces a document with the same id (adds it when absent). The old version stays if the new one is invalid. */
  update(document: Document): void {
    this.assertNotIndexing()
    const accepted = this.accept(document)
    if (this.has(accepted.id)) this.remove(accepted.id)
    this.insert(accepted)
  }

  /** Parses and analyses a query the way `search` does, for apps that want to show what a query means. */
  analyze(query: string): { parsed: ParsedQuery; analyzed: AnalyzedQuery } {
    const parsed = parseQuery(query, { fields: this.fieldNames })
    const options: AnalyzeQueryOptions = { analyzer: this.analyzer }
    const expand = this.options.entities ? placeExpander(parsed, this.analyzer) : undefined
    if (expand) options.expand = expand
    const synonyms = this.synonyms
    if (synonyms) options.expandText = (text) => synonyms.termsIn(text)
    return { parsed, analyzed: analyzeQuery(parsed, options) }
  }

  /** The `where` option as attribute filters, refusing a field that is not a filter field. */
  private attributeFilters(where: ResolvedSearchOptions['where'], given: SearchOptions): AttributeFilter[] {
    // zod drops a "__proto__" key (possible from JSON.parse) silently: it is refused like any unknown field.
    if (given.where && Object.hasOwn(given.where, '__proto__')) throw this.notAFilterField('__proto__')
    if (where === undefined) return []
    return Object.keys(where).map((field) => {
      if (!this.options.filterFields.includes(field)) throw this.notAFilterField(field)
      const value = where[field]!
      return { field, values: Array.isArray(value) ? value : [value] }
    })
  }

  private notAFilterField(field: string): ZhsearchError {
    return new ZhsearchError('INVALID_QUERY', `"${field}" is not a filter field; list it in the engine's filterFields to filter on it`, { path: `where.${field}` })
  }

  /** Refuses a facet that is neither an entity facet nor a filter field. */
  private checkFacets(facets: readonly string[]): void {
    for (const name of facets) {
      if (isEntityFacet(name) || this.options.filterFields.includes(name)) continue
      throw new ZhsearchError('INVALID_QUERY', `"${name}" is not a facet: use ${ENTITY_FACETS.join(', ')} or one of the engine's filterFields`, { path: 'facets' })
    }
  }

  /**
   * Searches. An empty or all-stopword query returns no hits (not an error); a non-string query is
   * INVALID_QUERY. See the README for the query syntax.
   */
  search(query: string, options: SearchOptions = {}): SearchResult {
    const started = performance.now()
    if (typeof query !== 'string') throw new ZhsearchError('INVALID_QUERY', `a query must be a string, got ${query === null ? 'null' : typeof query}`)
    const resolved = validate(searchOptionsSchema, options, 'INVALID_QUERY', 'search options')
    this.index.flush()
    const { parsed, analyzed: written } = this.analyze(query)
    const reader = new IndexReader(this.index, this.store, this.fieldWeights())
    const analyzed = withoutRedundantSubwords(written, reader)
    const firstStage = withoutCommonSubwords(analyzed, reader)
    const scored = scoreQuery(firstStage, reader, { bm25: this.options.bm25, commonTerms: true })
    const filters = [...parsed.filters.map((filter) => [filter]), ...optionFilters(resolved.filter)]
    const where = this.attributeFilters(resolved.where, options)
    this.checkFacets(resolved.facets)
    if (filters.length > 0 || where.length > 0) {
      const { allowed, excluded } = applyFilters({ index: this.index, entities: this.entities }, filters, where)
      const browse = scored.scoringGroupCount === 0
      if (browse) scored.scores = DocumentScores.uniform(Int32Array.from(allowed ?? this.store.liveDocuments()), BROWSE_SCORE)
      scored.scores.retain((doc) => !this.store.isDeleted(doc) && !excluded.has(doc) && (!allowed || allowed.has(doc)))
    }
    const hits = rankHits({ query: analyzed, firstStage, scored, reader, store: this.store, options: resolved, bm25: this.options.bm25, chunkStatistics: this.chunkStatistics })
    if (resolved.entities) for (const hit of hits) hit.entities = this.entities.mentionsOf(this.store.numberOf(hit.id)!) as FieldEntityMention[]
    const result: SearchResult = { total: scored.scores.size, hits, tookMs: 0 }
    if (resolved.facets.length > 0) result.facets = countFacets(this.index, new Set(scored.scores.documents()), resolved.facets, resolved.facetLevel)
    if (result.total === 0 && !HAN.test(query) && /[a-z]/i.test(query)) {
      // No Chinese and nothing found: the user may have typed pinyin (changzhi, qxgc).
      const rewritten = expandPinyinQuery((this.suggester ??= createSuggester(this)), query)
      if (rewritten && rewritten !== query) return { ...this.search(rewritten, options), rewrittenQuery: rewritten }
    }
    result.tookMs = performance.now() - started
    return result
  }

  /**
   * Completions for a search box (terms, phrases, titles, entity names; pinyin and initials too). Built from
   * the index on the first call after a change (a few seconds for a large corpus), then well under 1 ms a call.
   */
  suggest(prefix: string, options: SuggestOptions = {}): Suggestion[] {
    if (typeof prefix !== 'string') throw new ZhsearchError('INVALID_QUERY', 'a prefix must be a string')
    this.suggester ??= createSuggester(this)
    return this.suggester.suggest(prefix, options)
  }

  /** The index as bytes (see the README for the format), compacted first (see {@link compact}). */
  serialize(): Uint8Array {
    this.compact()
    const { mentions, figures } = this.entities.snapshot()
    return encodeIndex({ index: this.index, store: this.store }, { options: this.options }, (writer) => {
      writer.bytes(mentions.bytes)
      writer.int32(mentions.offsets)
      encodeFigures(writer, figures)
    })
  }

  /**
   * Rebuilds an engine from {@link serialize}d bytes. Throws NOT_AN_INDEX, UNSUPPORTED_VERSION, TRUNCATED_INDEX
   * or CORRUPT_INDEX. The postings and stored documents stay views of `bytes` (loading copies only the
   * counters that change in place), so a large index loads in a fraction of the time a copy would take:
   * the engine never writes to `bytes`, and the caller must not either while the engine is in use.
   */
  static deserialize(bytes: Uint8Array): SearchEngine {
    if (!(bytes instanceof Uint8Array)) throw new ZhsearchError('NOT_AN_INDEX', 'deserialize expects a Uint8Array')
    // Integer sections are read as Int32Array views, which need a 4-byte-aligned start (pooled Buffers may not have one).
    return SearchEngine.fromOwnedBytes(bytes.byteOffset % 4 === 0 ? bytes : bytes.slice())
  }

  private static fromOwnedBytes(bytes: Uint8Array): SearchEngine {
    const reader = new SectionReader(bytes)
    const decoded = decodeIndex(reader)
    const extra = decoded.extra as { options?: EngineOptions; figures?: unknown } | null
    let engine: SearchEngine
    try {
      engine = new SearchEngine(extra?.options ?? {})
    } catch (error) {
      throw new ZhsearchError('CORRUPT_INDEX', `index corrupt: saved options are invalid (${(error as Error).message})`)
    }
    if (engine.indexedFieldNames().join('\u0000') !== decoded.index.fieldNames.join('\u0000')) throw new ZhsearchError('CORRUPT_INDEX', 'index corrupt: fields do not match the options')
    engine.index = decoded.index
    engine.store = decoded.store
    // Files saved before compaction existed may still hold removed documents.
    engine.deletedSinceCompaction = decoded.store.deletedWithRecords()
    try {
      const mentions = reader.bytes()
      const mentionOffsets = reader.int32()
      // Before version 8 the figure table was JSON in the metadata.
      const figures = reader.version >= 8 ? decodeFigures(reader) : FigureTable.fromJson(extra?.figures)
      engine.entities = EntityIndex.restore(mentions, mentionOffsets, figures, reader.version >= 2)
    } catch (error) {
      if (error instanceof ZhsearchError) throw error
      throw new ZhsearchError('CORRUPT_INDEX', `index corrupt: entity tables are malformed (${(error as Error).message})`)
    }
    if (!reader.atEnd) throw new ZhsearchError('CORRUPT_INDEX', 'index corrupt: unexpected sections at the end')
    return engine
  }

  /** Writes the index to a file (atomically: a temporary file renamed into place). */
  async save(path: string): Promise<void> {
    const bytes = this.serialize()
    const temporary = `${path}.${process.pid}.${randomUUID()}.tmp`
    try {
      await writeFile(temporary, bytes)
      await rename(temporary, path)
    } catch (error) {
      throw new ZhsearchError('IO_ERROR', `cannot write ${path}: ${(error as Error).message}`, { path })
    }
  }

  /** Loads an index written by {@link save}. */
  static async load(path: string): Promise<SearchEngine> {
    let bytes: Uint8Array
    try {
      bytes = await readFile(path)
    } catch (error) {
      throw new ZhsearchError('IO_ERROR', `cannot read ${path}: ${(error as Error).message}`, { path })
    }
    return SearchEngine.fromOwnedBytes(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength))
  }
}
