import type { EntityMention } from '../entities'
import type { HitExplanation } from '../rank'
import type { FacetCount } from './facets'

/** An entity mention of a hit, with the field whose text its offsets point into. */
export interface FieldEntityMention extends EntityMention {
  field: string
}
import type { Highlight } from './snippet'

/** One search hit. */
export interface SearchHit {
  id: string
  score: number
  /** Stored fields: the indexed texts and the `storeFields` of the document. */
  fields: Record<string, unknown>
  /** The best passage with matches marked (see `snippet` search options). */
  snippet: string
  /** The field the snippet comes from, and the highlighted ranges in that field's original text. */
  snippetField?: string
  highlights: Highlight[]
  /** The article (第…条) the snippet lies in, for texts divided into articles such as laws. */
  section?: string
  /** Score breakdown, when searched with `explain: true`. */
  explanation?: HitExplanation
  /** Entity mentions of the document, when searched with `entities: true`. */
  entities?: FieldEntityMention[]
}

export interface SearchResult {
  /** Documents matching the query (before limit/offset). */
  total: number
  hits: SearchHit[]
  /** Milliseconds the search took. */
  tookMs: number
  /** Counts per entity value among all matching documents, when searched with `facets`. */
  facets?: Record<string, FacetCount[]>
  /** When the query had no Chinese and found nothing, the Chinese it was read as (pinyin) and searched instead. */
  rewrittenQuery?: string
}
