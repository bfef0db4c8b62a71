/**
 * The syntax tree `parseQuery` returns: what a query string means before any text is analysed.
 * Every node is a plain, JSON-serialisable object; optional keys are omitted rather than set to
 * `undefined`, so `JSON.stringify` and deep equality behave predictably.
 *
 * @example
 * parseQuery('+村医 "医共体建设" -试点 title:条例 city:晋中', { fields: ['title'] })
 * // {
 * //   clauses: [
 * //     { kind: 'text', text: '村医', occur: 'must' },
 * //     { kind: 'phrase', text: '医共体建设', occur: 'should' },
 * //     { kind: 'text', text: '试点', occur: 'must_not' },
 * //     { kind: 'text', text: '条例', field: 'title', occur: 'should' },
 * //   ],
 * //   filters: [{ key: 'city', value: '晋中', exclude: false }],
 * //   truncated: false,
 * // }
 */

/**
 * How a clause takes part in matching, as in Lucene's `BooleanClause.Occur`:
 * - `should`: a bare word; documents with it score higher, documents without it may still match.
 * - `must`: written `+word`; a matching document has to contain it.
 * - `must_not`: written `-word`; a matching document must not contain it.
 */
export type Occur = 'should' | 'must' | 'must_not'

/**
 * A run of text between separators, to be segmented later by the analyzer. A Chinese run without
 * spaces (`晋中市村医`) is one clause: the parser does not segment.
 *
 * @example parseQuery('村医').clauses[0] // { kind: 'text', text: '村医', occur: 'should' }
 */
export interface TextClause {
  kind: 'text'
  /** The text as typed (only operator characters are normalised, see `parseQuery`). */
  text: string
  /** The field to search, when written `field:word` with a field from `options.fields`. */
  field?: string
  occur: Occur
}

/**
 * Quoted text whose tokens must appear consecutively, in order.
 *
 * @example parseQuery('“医共体建设”').clauses[0] // { kind: 'phrase', text: '医共体建设', occur: 'should' }
 */
export interface PhraseClause {
  kind: 'phrase'
  /** The quoted text with surrounding whitespace trimmed and inner whitespace runs collapsed to one space. */
  text: string
  /** The field to search, when written `field:"phrase"`. */
  field?: string
  occur: Occur
}

/** A single word or phrase: the operands an `or` group joins. */
export type TermClause = TextClause | PhraseClause

/**
 * Alternatives joined by `OR`: a document matches the group when it matches any operand.
 * Operands always have `occur: 'should'`; the group's own `occur` comes from a `+`/`-` written
 * before the first operand (`+村医 OR 乡村医生` requires one of the two).
 *
 * @example
 * parseQuery('村医 OR 乡村医生').clauses[0]
 * // { kind: 'or', occur: 'should', clauses: [
 * //   { kind: 'text', text: '村医', occur: 'should' }, { kind: 'text', text: '乡村医生', occur: 'should' } ] }
 */
export interface OrClause {
  kind: 'or'
  /** Two or more operands. */
  clauses: TermClause[]
  occur: Occur
}

/** One top-level clause of a query. */
export type QueryClause = TermClause | OrClause

/**
 * A numeric condition on figure entities, parsed from the value of a `figure:` filter.
 * Numbers are scaled the way the figure recogniser normalises them (see `../shared/eval/ENTITIES.md`):
 * 万 ×10⁴, 亿 ×10⁸, `%` ÷100, `‰` ÷1000, `/10万` ÷10⁵. Both bounds are inclusive.
 *
 * @example parseQuery('figure:补贴>=3000元').filters[0].range // { subject: '补贴', unit: '元', min: 3000 }
 * @example parseQuery('figure:1万..2万元').filters[0].range // { unit: '元', min: 10000, max: 20000 }
 */
export interface FigureRange {
  /** The measure word or sign (元, %, 人次, /10万), without 万/亿. */
  unit?: string
  /** Lower bound, inclusive. */
  min?: number
  /** Upper bound, inclusive. */
  max?: number
  /** What was measured, when written before the comparison (`补贴>=3000元`). */
  subject?: string
}

/**
 * An entity filter written `key:value` with a key from `options.filterKeys`
 * (`city:晋中`, `program:千县工程`, `-org:某医院`).
 *
 * @example parseQuery('city:晋中').filters[0] // { key: 'city', value: '晋中', exclude: false }
 */
export interface EntityFilter {
  /** The key as listed in `options.filterKeys` (matched case-insensitively). */
  key: string
  /** The value as typed; a quoted value has its whitespace collapsed like a phrase. */
  value: string
  /** True when written `-key:value`: documents matching the filter are excluded. */
  exclude: boolean
  /** Only for the `figure` key, when the value is a recognisable number, range or unit. */
  range?: FigureRange
}

/** What `parseQuery` returns. An empty `clauses` with non-empty `filters` is a browse query. */
export interface ParsedQuery {
  /** Text and phrase clauses in the order they were written. */
  clauses: QueryClause[]
  /** Entity filters in the order they were written; all of them apply (AND). */
  filters: EntityFilter[]
  /** True when the input was longer than `options.maxLength` and its tail was ignored. */
  truncated: boolean
}
