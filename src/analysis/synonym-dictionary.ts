/**
 * Query-time synonyms and expansions: abbreviations (卫健委 ↔ 卫生健康委员会), declared short forms, and
 * everyday → statutory words (网约车 → 网络预约出租汽车), each with a weight below the user's own word.
 *
 * File format (UTF-8; `#` starts a comment line; blank lines are ignored), one group per line:
 *
 *     term<TAB>equivalent[,equivalent…]<TAB>kind<TAB>weight
 *
 * - `kind` is `synonym` (two-way: the term finds each equivalent and each equivalent finds the term; the
 *   equivalents are not made equivalent to one another) or `expansion` (one-way: term → equivalents only).
 * - `weight` is in (0, 1]: how much a match on the equivalent counts relative to the user's own word.
 * - Terms may span several words (网络预约出租汽车); the caller segments them. Lookup ignores case,
 *   full-width/half-width differences and whitespace.
 *
 * @example
 * const synonyms = loadSynonymDictionary([])            // the bundled dict/synonyms.tsv + dict/expansions.tsv
 * synonyms.expansionsOf('医保')   // [{ term: '医疗保障', weight: 0.8, kind: 'synonym' }, …]
 * synonyms.termsIn('网约车司机要什么证')   // [{ term: '网约车', start: 0, end: 3, expansions: [...] }, …]
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ZhsearchError } from '../errors'
import { packageRoot } from '../package-root'
import { simplifiedCharCode } from './traditional-to-simplified'
import { type GappedMatch, type GappedTermIndex, gappedMatchAt, gappedTermIndex } from './gapped-terms'

/** `synonym`: two-way equivalence; `expansion`: one-way, from an everyday word to the law's word. */
export type ExpansionKind = 'synonym' | 'expansion'

/** One word a query term also searches for. */
export interface Expansion {
  /** The equivalent word, as written in the dictionary (may be several words long). */
  readonly term: string
  /** Weight relative to the user's own word, in (0, 1]. */
  readonly weight: number
  readonly kind: ExpansionKind
}

/** A dictionary term found inside a text, with offsets into that text. */
export interface TermOccurrence {
  /** The text's own characters at [start, end), less the gap. */
  readonly term: string
  readonly start: number
  readonly end: number
  /** Words the user put between the term's two parts (手写[了一份]遗嘱): inside [start, end), not part of the term. */
  readonly gap?: { readonly start: number; readonly end: number }
  readonly expansions: readonly Expansion[]
}

/** A loaded dictionary. */
export interface SynonymDictionary {
  /** What a term also searches for, best weight first; [] for an unknown term. */
  expansionsOf(term: string): Expansion[]
  /**
   * Dictionary terms inside a text (a whole query), longest match first, scanning left to right without
   * overlaps: finds 网约车 in 网约车司机要什么证 whatever the segmenter makes of it.
   */
  termsIn(text: string): TermOccurrence[]
  /** Every term that has expansions, normalised (as {@link synonymKey} makes it). */
  terms(): string[]
  /** Number of distinct terms that have expansions. */
  readonly size: number
}

/** The dictionaries zhsearch ships, relative to the package root. */
export const BUNDLED_SYNONYM_FILES = ['dict/synonyms.tsv', 'dict/expansions.tsv'] as const

/** Absolute paths of the bundled dictionaries. */
export function bundledSynonymPaths(): string[] {
  return BUNDLED_SYNONYM_FILES.map((file) => join(packageRoot(), file))
}

/** Options of {@link loadSynonymDictionary}. */
export interface SynonymDictionaryOptions {
  /** Load the bundled dictionaries before the given files. Default true. */
  readonly bundled?: boolean
}

const COLUMN_COUNT = 4
const KINDS: ReadonlySet<string> = new Set<ExpansionKind>(['synonym', 'expansion'])

/**
 * The lookup key of a term: NFKC (full-width → half-width), lower case, no whitespace, traditional
 * characters simplified one by one (so 春節 finds the entry 春节, and offsets in the text stay put).
 */
export function synonymKey(term: string): string {
  const folded = term.normalize('NFKC').toLowerCase().replace(/\s+/gu, '')
  let simplified = ''
  for (let i = 0; i < folded.length; i++) simplified += String.fromCharCode(simplifiedCharCode(folded.charCodeAt(i)))
  return simplified
}

function invalid(path: string, line: number, problem: string): ZhsearchError {
  return new ZhsearchError('INVALID_DICTIONARY', `${path}:${line}: ${problem}`, { path, line })
}

type ExpansionTable = Map<string, Map<string, Expansion>>

function addExpansion(table: ExpansionTable, from: string, expansion: Expansion): void {
  const key = synonymKey(from)
  if (key === synonymKey(expansion.term)) return
  let targets = table.get(key)
  if (targets === undefined) table.set(key, (targets = new Map()))
  const known = targets.get(synonymKey(expansion.term))
  if (known === undefined || known.weight < expansion.weight) targets.set(synonymKey(expansion.term), expansion)
}

function parseWeight(text: string, path: string, line: number): number {
  const weight = Number(text)
  if (text.trim() === '' || !Number.isFinite(weight) || weight <= 0 || weight > 1) {
    throw invalid(path, line, `weight must be a number in (0, 1], got "${text}"`)
  }
  return weight
}

/** Adds the lines of one dictionary file to the table; `path` is only used in error messages. */
export function parseSynonymFile(content: string, path: string, table: ExpansionTable = new Map()): ExpansionTable {
  content.split(/\r?\n/u).forEach((raw, index) => {
    const line = index + 1
    if (raw.trim() === '' || raw.trimStart().startsWith('#')) return
    const columns = raw.split('\t').map((column) => column.trim())
    if (columns.length !== COLUMN_COUNT) throw invalid(path, line, `expected ${COLUMN_COUNT} tab-separated columns, got ${columns.length}`)
    const [term = '', equivalentList = '', kind = '', weightText = ''] = columns
    if (term === '') throw invalid(path, line, 'the term is empty')
    if (!KINDS.has(kind)) throw invalid(path, line, `kind must be "synonym" or "expansion", got "${kind}"`)
    const equivalents = equivalentList.split(',').map((equivalent) => equivalent.trim())
    if (equivalents.some((equivalent) => equivalent === '')) throw invalid(path, line, 'an equivalent is empty')
    const weight = parseWeight(weightText, path, line)
    const expansionKind = kind as ExpansionKind
    for (const equivalent of equivalents) {
      addExpansion(table, term, { term: equivalent, weight, kind: expansionKind })
      if (expansionKind === 'synonym') addExpansion(table, equivalent, { term, weight, kind: expansionKind })
    }
  })
  return table
}

function readDictionaryFile(path: string): string {
  try {
    return readFileSync(path, 'utf8')
  } catch (cause) {
    throw new ZhsearchError('INVALID_DICTIONARY', `${path}: the dictionary file cannot be read (${(cause as Error).message})`, { path })
  }
}

/** Latin letters and digits: a Latin term matches only as a whole word (CT not inside ACT, 120 not inside 1203). */
const LATIN_OR_DIGIT = /^[a-z0-9]$/u

/**
 * True when keys[start, end) cannot be a match: it begins or ends on whitespace (which keys drop, so that
 * 网络 约车 matches 网络约车, but a match never includes a space at its edge), or it cuts a run of Latin
 * letters or digits in two.
 */
function isBadMatchEdge(keys: readonly string[], start: number, end: number): boolean {
  if (keys[start] === '' || keys[end - 1] === '') return true
  const cutsLeft = LATIN_OR_DIGIT.test(keys[start] ?? '') && LATIN_OR_DIGIT.test(keys[start - 1] ?? '')
  const cutsRight = LATIN_OR_DIGIT.test(keys[end - 1] ?? '') && LATIN_OR_DIGIT.test(keys[end] ?? '')
  return cutsLeft || cutsRight
}

/**
 * A match may hold at most this many text characters per key character: room for spaces between the
 * words of a multi-word term, while a run of 10,000 spaces cannot make the scan quadratic.
 */
const MAX_TEXT_CHARS_PER_KEY_CHAR = 2

/** Number of characters of the longest dictionary term starting at `start`, or 0. */
function longestMatchAt(keys: readonly string[], start: number, entries: ReadonlyMap<string, unknown>, longestKey: number): number {
  let key = ''
  let keyLength = 0
  let best = 0
  const lastEnd = Math.min(keys.length, start + longestKey * MAX_TEXT_CHARS_PER_KEY_CHAR)
  for (let end = start + 1; end <= lastEnd; end++) {
    const piece = keys[end - 1] ?? ''
    key += piece
    keyLength += [...piece].length
    if (keyLength > longestKey) break
    if (entries.has(key) && !isBadMatchEdge(keys, start, end)) best = end - start
  }
  return best
}

/** A term found at [start, end) of a text's characters; a gapped one has other words at [gapStart, gapEnd). */
interface Match {
  key: string
  start: number
  end: number
  gapStart?: number
  gapEnd?: number
}

/**
 * Dictionary terms in a text, longest first, left to right, without overlaps (see {@link SynonymDictionary.termsIn});
 * then the everyday terms typed with words between their parts (see gapped-terms.ts), which win over the
 * terms they contain.
 */
function findTerms(text: string, entries: ReadonlyMap<string, Expansion[]>, longestKey: number, gapped: GappedTerms): TermOccurrence[] {
  const chars = [...text]
  const keys = chars.map((char) => synonymKey(char))
  const offsets: number[] = []
  let offset = 0
  for (const char of chars) {
    offsets.push(offset)
    offset += char.length
  }
  offsets.push(offset)
  const matches: Match[] = []
  for (let start = 0; start < chars.length; ) {
    const length = longestMatchAt(keys, start, entries, longestKey)
    if (length === 0) {
      start++
      continue
    }
    matches.push({ key: keys.slice(start, start + length).join(''), start, end: start + length })
    start += length
  }
  return withGappedTerms(matches, keys, gapped)
    .sort((a, b) => a.start - b.start)
    .map((match) => {
      const [from, to] = [offsets[match.start]!, offsets[match.end]!]
      const expansions = entries.get(match.key) ?? []
      if (match.gapStart === undefined || match.gapEnd === undefined) return { term: text.slice(from, to), start: from, end: to, expansions }
      const gap = { start: offsets[match.gapStart]!, end: offsets[match.gapEnd]! }
      return { term: text.slice(from, gap.start) + text.slice(gap.end, to), start: from, end: to, gap, expansions }
    })
}

interface GappedTerms {
  index: GappedTermIndex
  longestHead: number
}

/** The matches with the gapped terms added, left to right; a gapped term replaces the matches inside its two parts. */
function withGappedTerms(matches: readonly Match[], keys: readonly string[], gapped: GappedTerms): Match[] {
  let result = [...matches]
  if (gapped.longestHead === 0) return result
  for (let start = 0; start < keys.length; ) {
    const match = gappedMatchAt(keys, start, gapped.index, gapped.longestHead)
    const overlapping = match ? result.filter((other) => other.start < match.end && other.end > match.start) : []
    if (match && overlapping.every((other) => insidePart(other, match))) {
      result = [...result.filter((other) => !overlapping.includes(other)), match]
      start = match.end
    } else {
      start++
    }
  }
  return result
}

/** Whether a match lies wholly inside one of a gapped match's two parts. */
function insidePart(inner: Match, gapped: GappedMatch): boolean {
  return (inner.start >= gapped.start && inner.end <= gapped.gapStart) || (inner.start >= gapped.gapEnd && inner.end <= gapped.end)
}

function createDictionary(table: ExpansionTable): SynonymDictionary {
  const entries = new Map<string, Expansion[]>()
  let longestKey = 0
  for (const [key, targets] of table) {
    entries.set(key, [...targets.values()].sort((a, b) => b.weight - a.weight || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0)))
    longestKey = Math.max(longestKey, [...key].length)
  }
  const index = gappedTermIndex([...entries].map(([key, expansions]) => [key, expansions.every((expansion) => expansion.kind === 'expansion')]))
  const gapped = { index, longestHead: Math.max(0, ...[...index.keys()].map((head) => [...head].length)) }
  return {
    size: entries.size,
    expansionsOf: (term) => [...(entries.get(synonymKey(term)) ?? [])],
    termsIn: (text) => findTerms(text, entries, longestKey, gapped),
    terms: () => [...entries.keys()],
  }
}

/**
 * Loads the bundled dictionaries (unless `options.bundled` is false) and then the given user files, in
 * order. The same pair in several files keeps its highest weight.
 *
 * @throws ZhsearchError `INVALID_DICTIONARY` when a file cannot be read or has a malformed line
 *   (`details.path`, `details.line`).
 */
export function loadSynonymDictionary(paths: readonly string[], options: SynonymDictionaryOptions = {}): SynonymDictionary {
  const files = [...(options.bundled === false ? [] : bundledSynonymPaths()), ...paths]
  const table: ExpansionTable = new Map()
  for (const path of files) parseSynonymFile(readDictionaryFile(path), path, table)
  return createDictionary(table)
}
