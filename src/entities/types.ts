/** The entity kinds zhsearch tags. `city` covers every administrative level, from province to township. */
export type EntityType = 'city' | 'program' | 'figure' | 'person' | 'org'

/** Administrative level of a place, as in GB/T 2260 plus the township level of the statistics codes. */
export type PlaceLevel = 'province' | 'prefecture' | 'county' | 'township'

/**
 * One tagged span. Offsets are UTF-16 code units into the original text (a JavaScript string index),
 * `end` exclusive, so `text.slice(start, end) === mention.text` always holds.
 */
export interface EntityMention {
  type: EntityType
  text: string
  start: number
  end: number
  /** city: official full name without parents (淄博 → 淄博市); program: the canonical wording. */
  canonical?: string
  /** city: division code (2 digits province, 4 prefecture, 6 county, 9 township). */
  code?: string
  level?: PlaceLevel
  /** city: codes of the enclosing divisions, nearest first (介休市 → ['1407', '14']). */
  ancestors?: string[]
  /** figure: the plain number after 万/亿, %, ‰ and /10万; a range is [low, high]. */
  value?: number | [number, number]
  /** figure: measure word or sign without 万/亿 (元, %, 个, 人次 …). */
  unit?: string
  /** figure: true when a qualifier such as 近, 约, 余, 多, 以上 is part of the span. */
  approx?: boolean
  /** figure: what was measured, when the text names it just before the number (孕产妇死亡率). */
  subject?: string
}

/** One administrative division of the mainland. */
export interface Place {
  code: string
  /** Official full name without parents (介休市). */
  name: string
  level: PlaceLevel
  /** Code of the enclosing division; absent for provinces. */
  parent?: string
  /** Forms people write without the administrative suffix (介休). */
  shortNames: string[]
}
