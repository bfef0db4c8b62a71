/**
 * The record every miner emits: one equivalence between two surface forms, with where it came from.
 * The writer groups pairs into dictionary lines.
 */
export type PairKind = 'synonym' | 'expansion'

/** Which miner produced a pair; reported in the build summary and kept for precision sampling. */
export type PairSource = 'short-form' | 'alias' | 'definition' | 'abbreviation' | 'latin-alias' | 'hand'

export interface SynonymPair {
  /** The form a user may type (for an expansion: the everyday word). */
  readonly term: string
  /** The form it should also find (for an expansion: the statutory word). */
  readonly equivalent: string
  readonly kind: PairKind
  /** Weight at query time relative to the user's own word, in (0, 1]. */
  readonly weight: number
  readonly source: PairSource
  /** How many documents declare or support the pair (1 for hand pairs). */
  readonly support: number
  /** One document id that shows the pair, for checking it by hand. */
  readonly example: string
}

/** Matches a run of Han characters only: the forms we keep are Chinese words, not numbers or markup. */
export const HAN_RUN = /^[\u3400-\u9fff]+$/u
