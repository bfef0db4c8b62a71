import { createAnalyzer, type Analyzer } from '../analysis'
import { placeGazetteer } from '../entities'
import type { SearchEngine } from './search-engine'

/** Where a suggestion comes from; the page and apps may show it differently. */
export type SuggestionKind = 'term' | 'title' | 'phrase' | 'entity'

/**
 * A completion to offer. `weight` ranks it, on the scale of log2(1 + document frequency): a word in 7
 * documents weighs 3.
 */
export interface SuggestionEntry {
  text: string
  kind: SuggestionKind
  weight: number
}

/** An entry with what the suggester builds from it: extra prefix keys and whether to index its pinyin. */
export interface CollectedEntry extends SuggestionEntry {
  /** Normalised keys besides the text itself that find this entry (a title from its later words). */
  suffixKeys?: string[]
  /** Index its pinyin. Default true. */
  pinyin?: boolean
}

/**
 * Terms with pinyin keys, most frequent first. Computing readings costs about 15 µs a word, so the long
 * tail of a large vocabulary (words in one or two documents, mostly numbers and rare compounds) is
 * completed from Chinese only; 20,000 covers every word in three or more laws of the laws corpus.
 */
export const MAX_PINYIN_TERMS = 20_000
/** A document title weighs like a word found in 7 documents: its own name is a strong completion, a widely used word stronger. */
export const TITLE_WEIGHT = 3
/** A two-word phrase must occur in this many documents to be offered; once is chance. */
export const MIN_PHRASE_DOCUMENTS = 2
/** Body characters read for phrases, in document order: titles are always read; this bounds build time on a large corpus. */
export const PHRASE_BODY_BUDGET = 1_000_000
/** Later-word keys per title (药品管理 finds 中华人民共和国药品管理法): the first few words are where people start typing. */
export const MAX_TITLE_SUFFIX_KEYS = 6
/** Terms and titles longer than this are not offered: a suggestion list is read at a glance. */
export const MAX_SUGGESTION_LENGTH = 60

const HAN = /\p{Script=Han}/u

/**
 * Named things — programmes, places, people, organisations — are what people most often type into a
 * policy search box: they weigh a quarter more than a word in as many documents, which lifts them above
 * generic words of the same frequency without burying much more frequent ones.
 */
export const ENTITY_FACTOR = 1.25

/** Entity tags the index holds as `kind:value` terms; figures are numbers, not names, and are left out. */
const ENTITY_TERM = /^(program|person|org|city):(.+)$/

/** A term worth completing to: two or more characters, a Chinese character or a Latin word of 3+ letters (not a hidden field's `city:…` or `category=…`). */
function isSuggestibleTerm(term: string): boolean {
  if (term.length < 2 || term.length > MAX_SUGGESTION_LENGTH || term.includes(':') || term.includes('=')) return false
  return HAN.test(term) || /^[a-z][a-z0-9-]{2,}$/.test(term)
}

/** The name an entity tag stands for: the value itself, or for places the division's official name. */
function entityName(kind: string, value: string): string | undefined {
  return kind === 'city' ? placeGazetteer.byCode(value)?.name : value
}

/** A term of the index with the number of live documents holding it. */
type TermStatistic = { term: string; docFrequency: number }

/** Terms, and the entities the index tagged. A dictionary term has pinyin however rare it is: it is a word people type (网约车, wangyueche). */
function termEntries(statistics: readonly TermStatistic[], dictionaryTerms: ReadonlySet<string>): CollectedEntry[] {
  const terms = statistics.filter(({ term }) => isSuggestibleTerm(term)).sort((a, b) => b.docFrequency - a.docFrequency)
  const entries: CollectedEntry[] = terms.map(({ term, docFrequency }, index) => ({
    text: term,
    kind: 'term',
    weight: Math.log2(1 + docFrequency),
    pinyin: index < MAX_PINYIN_TERMS || dictionaryTerms.has(term),
  }))
  for (const { term, docFrequency } of statistics) {
    const tag = ENTITY_TERM.exec(term)
    const name = tag ? entityName(tag[1]!, tag[2]!) : undefined
    if (name !== undefined && name.length >= 2 && name.length <= MAX_SUGGESTION_LENGTH) {
      entries.push({ text: name, kind: 'entity', weight: ENTITY_FACTOR * Math.log2(1 + docFrequency) })
    }
  }
  return entries
}

/**
 * An everyday term the index does not hold but whose statutory form it does (网约车 for a corpus that says
 * 网络预约出租汽车) weighs this share of what that form would: a search for it finds the form, and the
 * corpus's own words come first on a tie.
 */
export const EXPANDED_TERM_FACTOR = 0.8

/**
 * Dictionary terms absent from the index whose expansions it holds, so that typing the everyday word
 * (or its pinyin, wangyueche) completes to it. An expansion of several words is counted in the fewest
 * documents holding one of its words: no more can hold the whole.
 */
function expandedTermEntries(
  synonyms: readonly { term: string; expansions: string[] }[],
  analyzer: Analyzer,
  frequencies: ReadonlyMap<string, number>,
): CollectedEntry[] {
  const entries: CollectedEntry[] = []
  for (const { term, expansions } of synonyms) {
    if (frequencies.has(term) || !HAN.test(term) || term.length < 2 || term.length > MAX_SUGGESTION_LENGTH) continue
    let documents = 0
    for (const expansion of expansions) {
      const words = coarseWords(analyzer, expansion)
      const fewest = words.length === 0 ? 0 : Math.min(...words.map((word) => frequencies.get(word.text) ?? 0))
      documents = Math.max(documents, fewest)
    }
    if (documents > 0) entries.push({ text: term, kind: 'term', weight: EXPANDED_TERM_FACTOR * Math.log2(1 + documents) })
  }
  return entries
}

interface CoarseWord {
  text: string
  start: number
  end: number
}

function coarseWords(analyzer: Analyzer, text: string): CoarseWord[] {
  const words: CoarseWord[] = []
  analyzer.tokenize(text, (word, start, end, subword) => {
    if (!subword) words.push({ text: word, start, end })
  })
  return words
}

/**
 * A word that can start or end a phrase: Chinese, two characters or more. A one-character word at
 * either end is mostly a function word or a suffix jieba split off (有下列, 会同市, 第四十五条).
 */
function isPhraseWord(word: string): boolean {
  return word.length >= 2 && HAN.test(word)
}

/** Adjacent word pairs (no stopword or punctuation between them), each counted once per document. */
function addPhrases(words: CoarseWord[], counts: Map<string, number>, seen: Set<string>): void {
  for (let i = 1; i < words.length; i++) {
    const left = words[i - 1]!
    const right = words[i]!
    if (left.end !== right.start || !isPhraseWord(left.text) || !isPhraseWord(right.text)) continue
    const phrase = left.text + right.text
    if (phrase.length > MAX_SUGGESTION_LENGTH || seen.has(phrase)) continue
    seen.add(phrase)
    counts.set(phrase, (counts.get(phrase) ?? 0) + 1)
  }
}

/**
 * Normalised title text from each later word on. Words carry original offsets; normalisation may change
 * the length (a regional word such as 網際網路 → 互联网), so each start is looked up through its offset map.
 */
function titleSuffixKeys(analyzer: Analyzer, title: string, words: CoarseWord[]): string[] {
  const { text, toOriginal } = analyzer.normalize(title)
  const normalizedStart = (start: number) => (toOriginal ? toOriginal.findIndex((offset) => offset >= start) : start)
  return words
    .filter((word) => word.start > 0 && HAN.test(word.text))
    .slice(0, MAX_TITLE_SUFFIX_KEYS)
    .map((word) => text.slice(normalizedStart(word.start)).toLowerCase())
}

/**
 * Every completion an engine offers: its terms (weight log2(1 + df)), everyday terms for its statutory
 * ones ({@link EXPANDED_TERM_FACTOR} × log2(1 + df of the form)), the entities it tagged
 * ({@link ENTITY_FACTOR} × log2(1 + df)), its documents' titles (a field named `title`,
 * {@link TITLE_WEIGHT}) and two-word phrases found in {@link MIN_PHRASE_DOCUMENTS}+ documents
 * (weight log2(1 + documents)).
 */
export function collectEntries(engine: SearchEngine): CollectedEntry[] {
  const analyzer = createAnalyzer({ userDictionaries: engine.options.analysis.userDictionaries, subwords: false })
  const statistics = [...engine.termStatistics()]
  const synonyms = [...engine.synonymEntries()]
  const entries = termEntries(statistics, new Set(synonyms.map(({ term }) => term)))
  const frequencies = new Map(statistics.map(({ term, docFrequency }) => [term, docFrequency]))
  entries.push(...expandedTermEntries(synonyms, analyzer, frequencies))
  const phraseCounts = new Map<string, number>()
  let bodyBudget = PHRASE_BODY_BUDGET
  for (const document of engine.documents()) {
    const seen = new Set<string>()
    const title = typeof document.title === 'string' ? document.title.trim() : ''
    if (title !== '' && title.length <= MAX_SUGGESTION_LENGTH) {
      const words = coarseWords(analyzer, title)
      entries.push({ text: title, kind: 'title', weight: TITLE_WEIGHT, suffixKeys: titleSuffixKeys(analyzer, title, words) })
      addPhrases(words, phraseCounts, seen)
    }
    const body = typeof document.body === 'string' ? document.body : ''
    if (bodyBudget > 0 && body !== '') {
      const read = body.slice(0, bodyBudget)
      bodyBudget -= read.length
      addPhrases(coarseWords(analyzer, read), phraseCounts, seen)
    }
  }
  for (const [phrase, documents] of phraseCounts) {
    if (documents >= MIN_PHRASE_DOCUMENTS) entries.push({ text: phrase, kind: 'phrase', weight: Math.log2(1 + documents) })
  }
  return entries
}
