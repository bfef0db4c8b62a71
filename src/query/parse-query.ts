/**
 * Query syntax: turns what a person types into a search box into a {@link ParsedQuery}. Only the
 * syntax is parsed here; text and phrases are segmented later by the analyzer.
 *
 * | You type                     | It means                                                            | Parsed as                                               |
 * |------------------------------|---------------------------------------------------------------------|---------------------------------------------------------|
 * | `村医 补贴`                  | documents about either word, those with both first                  | two `text` clauses, `occur: 'should'`                   |
 * | `晋中市村医补贴`             | the same: a run without spaces is segmented later                   | one `text` clause                                       |
 * | `"医共体建设"` `“…”` `「…」` `『…』` `＂…＂` | the words next to each other, in this order             | `phrase` clause                                         |
 * | `+村医`                      | must contain 村医                                                   | `occur: 'must'`                                         |
 * | `-试点` `-"试点 县"`         | must not contain it                                                 | `occur: 'must_not'`                                     |
 * | `村医 OR 乡村医生` (`\|`, `\|\|`, `或`) | either one; binds tighter than the space between clauses | `or` clause; `+`/`-` on its first operand applies to the whole group |
 * | `title:条例` `title:"卫生 条例"` | only in that field (one of `options.fields`, case-insensitive)  | `field: 'title'`                                        |
 * | `city:晋中` `program:千县工程` | only documents with that entity (keys: `options.filterKeys`)      | an entry in `filters`; `-city:晋中` sets `exclude`      |
 * | `figure:补贴>=3000元`        | a figure of at least 3000 元 measured as 补贴                        | `range: { subject: '补贴', unit: '元', min: 3000 }`     |
 * | `figure:元>=3000` `figure:>3000元` `figure:3000元以上` | at least 3000 元 (bounds are inclusive: `>` = `>=`) | `range: { unit: '元', min: 3000 }`                     |
 * | `figure:<=45%` `figure:45%以下` | at most 45 % (scaled as the recogniser does: 0.45)              | `range: { unit: '%', max: 0.45 }`                       |
 * | `figure:3000..5000元` (`~` `-` `至` `到`) | between the two, inclusive (swapped if reversed) | `range: { unit: '元', min: 3000, max: 5000 }`           |
 * | `figure:1万..` `figure:..2亿元` | open ranges; 万 ×10⁴, 亿 ×10⁸, ‰ ÷1000, `/10万` ÷10⁵       | `range: { min: 10000 }`, `range: { unit: '元', max: 200000000 }` |
 * | `figure:3000元` `figure:元`  | exactly 3000 元; any amount in 元                                   | `range: { unit: '元', min: 3000, max: 3000 }`, `range: { unit: '元' }` |
 * | `AND` `&&`                   | nothing: AND-ing is what the space between clauses already does     | dropped                                                 |
 *
 * Defined results for malformed input (the parser never throws on the query and runs in linear time):
 * - Not a string, empty, only spaces or only punctuation → no clauses, no filters. A word or phrase
 *   is dropped unless it contains a letter, a digit or an emoji (`!!!`, `。。`, `""` are dropped).
 * - An unbalanced quote (no matching closer after it) is ignored; the rest parses normally, and a
 *   `+`/`-` or `field:` just before it applies to the word after it (`-"试点` = `-试点`).
 *   A quote is a delimiter wherever it stands, so `关于"千县工程"的通知` is text, phrase, text.
 *   `"` closes `"`; `“` and `”` close each other (IMEs mix them up); `「` closes with `」`, `『` with `』`.
 * - A `+`/`-` with nothing after it (`-`, `--`, `- 村医`) is dropped. Several in a row count as one,
 *   and `-` wins (`+-a` = `-a`). A `-` inside a word is text (`COVID-19`, `0-3岁`).
 * - `OR` (upper case only) with no plain operand on one side — at the start or end, next to a filter,
 *   or before a `+`/`-` operand — is dropped; `OR OR` counts as one. Lower-case `or` is a word.
 * - `name:value` where `name` is neither a field nor a filter key is plain text (`http://x`, `12:30`);
 *   a known `name:` with no value is dropped. Names are looked up in a `Map`, never on an object, so
 *   `__proto__:x` or `constructor:x` are text unless you list them.
 * - Input longer than `maxLength` UTF-16 units is cut (never inside a surrogate pair) and
 *   `truncated` is set. Lone surrogates become U+FFFD; control characters and U+200B act as spaces.
 * - Full-width operator characters (`＂ ： ＋ － ｜` and their small forms) are mapped to ASCII
 *   everywhere in the query; everything else keeps the characters as typed.
 *
 * @example
 * parseQuery('晋中 "县域医共体" -试点 city:晋中 figure:>=3000元', { fields: ['title', 'body'] })
 */
import { ZhsearchError } from '../errors'
import type { EntityFilter, Occur, ParsedQuery, QueryClause, TermClause } from './query-node'
import { parseFigureRange } from './parse-figure-range'

/** Entity filter keys recognised when `options.filterKeys` is not given: the entity types of the entities stage. */
export const DEFAULT_FILTER_KEYS: readonly string[] = ['city', 'program', 'figure', 'person', 'org']

/** Default `maxLength`: far longer than any question a person types, short enough that a pasted page cannot slow a search. */
export const DEFAULT_MAX_QUERY_LENGTH = 1000

/** The filter key whose value is parsed as a {@link FigureRange}. */
export const FIGURE_FILTER_KEY = 'figure'

/** Options of {@link parseQuery}. */
export interface ParseQueryOptions {
  /** Field names allowed before `:` (`title:条例`). Default: none, so every `x:y` is text or a filter. */
  fields?: readonly string[]
  /** Entity filter keys allowed before `:`. Default {@link DEFAULT_FILTER_KEYS}. A name in both lists is a field. */
  filterKeys?: readonly string[]
  /** Longest input read, in UTF-16 code units; the rest is ignored. Default {@link DEFAULT_MAX_QUERY_LENGTH}. */
  maxLength?: number
}

/**
 * Parses a query string. Never throws on `input` (anything but a string is an empty query) and
 * runs in time linear in `min(input.length, maxLength)`. See the module documentation for the syntax.
 *
 * @throws ZhsearchError `INVALID_OPTIONS` when `options` themselves are malformed (a programming error).
 * @example
 * parseQuery('村医 OR 乡村医生 -试点').clauses
 * // [ { kind: 'or', occur: 'should', clauses: [ {…'村医'}, {…'乡村医生'} ] },
 * //   { kind: 'text', text: '试点', occur: 'must_not' } ]
 */
export function parseQuery(input: unknown, options: ParseQueryOptions | null = {}): ParsedQuery {
  const settings = resolveOptions(options)
  if (typeof input !== 'string') return { clauses: [], filters: [], truncated: false }
  const cut = truncationPoint(input, settings.maxLength)
  const scanner = new QueryScanner(sanitize(input.slice(0, cut)))
  const items = readItems(scanner, settings)
  return { ...groupItems(items), truncated: cut < input.length }
}

interface ParserSettings {
  fields: Map<string, string>
  filterKeys: Map<string, string>
  maxLength: number
}

function resolveOptions(given: ParseQueryOptions | null): ParserSettings {
  // `null` is what a JavaScript caller passes for "no options"; treat it like `undefined`.
  const options = given ?? {}
  const maxLength = options.maxLength ?? DEFAULT_MAX_QUERY_LENGTH
  if (!Number.isSafeInteger(maxLength) || maxLength < 0) {
    throw new ZhsearchError('INVALID_OPTIONS', 'parseQuery: maxLength must be a non-negative integer', { option: 'maxLength' })
  }
  return {
    fields: nameLookup(options.fields ?? [], 'fields'),
    filterKeys: nameLookup(options.filterKeys ?? DEFAULT_FILTER_KEYS, 'filterKeys'),
    maxLength,
  }
}

/** Lower-cased name → name as given. A Map, so that `__proto__` or `constructor` are ordinary keys. */
function nameLookup(names: readonly string[], option: string): Map<string, string> {
  if (!Array.isArray(names) || !names.every((name) => typeof name === 'string' && name.length > 0)) {
    throw new ZhsearchError('INVALID_OPTIONS', `parseQuery: ${option} must be an array of non-empty strings`, { option })
  }
  return new Map(names.map((name) => [name.toLowerCase(), name]))
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff
}

/** Where to cut `input` so that it is at most `maxLength` long without splitting a surrogate pair. */
function truncationPoint(input: string, maxLength: number): number {
  if (input.length <= maxLength) return input.length
  const splitsPair = maxLength > 0 && isHighSurrogate(input.charCodeAt(maxLength - 1)) && isLowSurrogate(input.charCodeAt(maxLength))
  return splitsPair ? maxLength - 1 : maxLength
}

/** Full-width and small forms of the operator characters → their ASCII form (what NFKC gives). */
const OPERATOR_FORMS: ReadonlyMap<string, string> = new Map([
  ['＂', '"'], ['：', ':'], ['﹕', ':'], ['＋', '+'], ['﹢', '+'], ['－', '-'], ['﹣', '-'], ['｜', '|'],
])

const ZERO_WIDTH_SPACE = 0x200b

function isControl(code: number): boolean {
  return code < 0x20 || (code >= 0x7f && code <= 0x9f)
}

/** Lone surrogates → U+FFFD, control characters → space, operator forms → ASCII. */
function sanitize(raw: string): string {
  const parts: string[] = []
  for (let i = 0; i < raw.length; i++) {
    const code = raw.charCodeAt(i)
    if (isHighSurrogate(code) && isLowSurrogate(raw.charCodeAt(i + 1))) {
      parts.push(raw.slice(i, i + 2))
      i++
    } else if (isHighSurrogate(code) || isLowSurrogate(code)) {
      parts.push('\uFFFD')
    } else if (isControl(code) || code === ZERO_WIDTH_SPACE) {
      parts.push(' ')
    } else {
      const char = raw.charAt(i)
      parts.push(OPERATOR_FORMS.get(char) ?? char)
    }
  }
  return parts.join('')
}

/** Opening quote → the characters that close it. */
const QUOTE_CLOSERS: ReadonlyMap<string, string> = new Map([
  ['"', '"'], ['“', '”“'], ['”', '”“'], ['「', '」'], ['『', '』'],
])
/** Closing quotes that cannot open a phrase: on their own they are unbalanced quotes. */
const CLOSE_ONLY_QUOTES = new Set(['」', '』'])
const SEPARATOR = /\s/u
const OR_WORDS = new Set(['OR', '|', '||', '或'])
const AND_WORDS = new Set(['AND', '&&'])
const SEARCHABLE = /[\p{L}\p{N}\p{Extended_Pictographic}]/u

interface RawTerm {
  kind: 'text' | 'phrase'
  text: string
}

/** A cursor over the sanitised query that reads separators, prefixes and terms. */
class QueryScanner {
  private pos = 0
  /** Closer sets already searched for in vain: later openers of that kind cannot match either, which keeps scanning linear. */
  private readonly exhaustedClosers = new Set<string>()

  constructor(private readonly text: string) {}

  atEnd(): boolean {
    return this.pos >= this.text.length
  }

  skipSeparators(): void {
    while (!this.atEnd() && SEPARATOR.test(this.text.charAt(this.pos))) this.pos++
  }

  /** Consumes a run of `+`/`-` and returns what it means; `should` when there is none. */
  readPrefix(): { occur: Occur; present: boolean } {
    let occur: Occur = 'should'
    const start = this.pos
    for (let char = this.text.charAt(this.pos); char === '+' || char === '-'; char = this.text.charAt(++this.pos)) {
      if (char === '-') occur = 'must_not'
      else if (occur === 'should') occur = 'must'
    }
    return { occur, present: this.pos > start }
  }

  /** Reads a phrase or a word at the cursor, skipping unbalanced quotes; undefined at a separator or the end. */
  readTerm(): RawTerm | undefined {
    while (!this.atEnd()) {
      const char = this.text.charAt(this.pos)
      const closers = QUOTE_CLOSERS.get(char)
      if (closers === undefined && !CLOSE_ONLY_QUOTES.has(char)) break
      const close = closers === undefined ? -1 : this.findCloser(closers)
      if (close >= 0) {
        const phrase = this.text.slice(this.pos + 1, close)
        this.pos = close + 1
        return { kind: 'phrase', text: phrase }
      }
      this.pos++
    }
    const start = this.pos
    while (!this.atEnd() && !this.isWordBoundary(this.text.charAt(this.pos))) this.pos++
    return this.pos > start ? { kind: 'text', text: this.text.slice(start, this.pos) } : undefined
  }

  private isWordBoundary(char: string): boolean {
    return SEPARATOR.test(char) || QUOTE_CLOSERS.has(char) || CLOSE_ONLY_QUOTES.has(char)
  }

  private findCloser(closers: string): number {
    if (this.exhaustedClosers.has(closers)) return -1
    for (let i = this.pos + 1; i < this.text.length; i++) {
      if (closers.includes(this.text.charAt(i))) return i
    }
    this.exhaustedClosers.add(closers)
    return -1
  }
}

type Item =
  | { kind: 'term'; clause: TermClause }
  | { kind: 'filter'; filter: EntityFilter }
  | { kind: 'or' }

/** Splits the query into terms, filters and OR operators, dropping what has no meaning. */
function readItems(scanner: QueryScanner, settings: ParserSettings): Item[] {
  const items: Item[] = []
  for (scanner.skipSeparators(); !scanner.atEnd(); scanner.skipSeparators()) {
    const prefix = scanner.readPrefix()
    const term = scanner.readTerm()
    if (term === undefined) continue
    if (term.kind === 'text' && !prefix.present && OR_WORDS.has(term.text)) items.push({ kind: 'or' })
    else if (term.kind === 'text' && !prefix.present && AND_WORDS.has(term.text)) continue
    else {
      const item = term.kind === 'text' ? readFieldOrFilter(term.text, prefix.occur, scanner, settings) : termItem(term, prefix.occur)
      if (item !== undefined) items.push(item)
    }
  }
  return items
}

/** A `name:value` word with a known name becomes a field clause or a filter; anything else is a text clause. */
function readFieldOrFilter(word: string, occur: Occur, scanner: QueryScanner, settings: ParserSettings): Item | undefined {
  const colon = word.indexOf(':')
  const name = colon > 0 ? word.slice(0, colon).toLowerCase() : undefined
  const field = name === undefined ? undefined : settings.fields.get(name)
  const filterKey = name === undefined || field !== undefined ? undefined : settings.filterKeys.get(name)
  if (field === undefined && filterKey === undefined) return termItem({ kind: 'text', text: word }, occur)
  const rest = word.slice(colon + 1)
  // `title:"…"`: the word stopped at the quote, so the value is the phrase (or word) that follows.
  const value: RawTerm | undefined = rest.length > 0 ? { kind: 'text', text: rest } : scanner.readTerm()
  if (value === undefined) return undefined
  if (field !== undefined) return termItem(value, occur, field)
  return filterItem(filterKey ?? '', cleanText(value), occur)
}

function cleanText(term: RawTerm): string {
  return term.kind === 'phrase' ? term.text.trim().split(/\s+/u).join(' ') : term.text
}

function termItem(term: RawTerm, occur: Occur, field?: string): Item | undefined {
  const text = cleanText(term)
  if (!SEARCHABLE.test(text)) return undefined
  const clause: TermClause = field === undefined ? { kind: term.kind, text, occur } : { kind: term.kind, text, field, occur }
  return { kind: 'term', clause }
}

function filterItem(key: string, value: string, occur: Occur): Item | undefined {
  const isFigure = key.toLowerCase() === FIGURE_FILTER_KEY
  if (value.length === 0 || (!isFigure && !SEARCHABLE.test(value))) return undefined
  const filter: EntityFilter = { key, value, exclude: occur === 'must_not' }
  const range = isFigure ? parseFigureRange(value) : undefined
  return { kind: 'filter', filter: range === undefined ? filter : { ...filter, range } }
}

/** Joins `a OR b` into `or` clauses and separates the filters. */
function groupItems(items: Item[]): { clauses: QueryClause[]; filters: EntityFilter[] } {
  const clauses: QueryClause[] = []
  const filters: EntityFilter[] = []
  let previousIsClause = false
  let orPending = false
  for (const item of items) {
    if (item.kind === 'or') {
      orPending = previousIsClause
    } else if (item.kind === 'filter') {
      filters.push(item.filter)
      previousIsClause = false
      orPending = false
    } else {
      const left = clauses[clauses.length - 1]
      if (orPending && left !== undefined && item.clause.occur === 'should') {
        clauses[clauses.length - 1] = joinOr(left, item.clause)
      } else {
        clauses.push(item.clause)
      }
      previousIsClause = true
      orPending = false
    }
  }
  return { clauses, filters }
}

function joinOr(left: QueryClause, right: TermClause): QueryClause {
  // Appending in place keeps a long `a OR b OR c …` chain linear; the group was built here, so nobody else holds it.
  if (left.kind === 'or') {
    left.clauses.push(right)
    return left
  }
  return { kind: 'or', clauses: [{ ...left, occur: 'should' }, right], occur: left.occur }
}
