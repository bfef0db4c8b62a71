/**
 * Mines abbreviations by character subsequence: a short form S (2–4 characters) built from the leading
 * characters of the words of a long form L, as Chinese abbreviations are (医疗|保障 → 医保,
 * 卫生|健康|委员会 → 卫健委, 医疗|联合体 → 医联体, 集中|采购 → 集采, 招标|投标 → 招投标).
 *
 * Reliability filters, each with its reason:
 * - S is used as a word in the corpora (a jieba token, or a run of pieces jieba cuts a new abbreviation
 *   into such as 卫健|委, in at least {@link MIN_SHORT_DOCS} documents);
 * - S is not an everyday word of its own (jieba's general lexicon: either tagged abbreviation, unknown, or rare);
 * - S and L occur together in at least one document (the text that abbreviates also spells out);
 * - S and L are used in the same contexts (cosine of their left/right content-word neighbours), which rejects
 *   look-alikes such as 补办 "reissue" vs 补偿办法 "compensation rules";
 * - among the long forms of one S, only the dominant ones (by context similarity) are kept.
 */
import nodejieba from 'nodejieba'
import type { CorpusText } from './synonym-corpus'
import { fullText } from './synonym-corpus'
import { ABBREVIATION_TAG, type LexiconEntry } from './synonym-general-lexicon'
import { commonWordsOf, contextSimilarity, Contexts } from './synonym-context'
import { HAN_RUN, type SynonymPair } from './synonym-pair'

/** Weight of a mined abbreviation: reliable but unconfirmed by the text itself, so below a declared form. */
export const ABBREVIATION_WEIGHT = 0.7

const SHORT_MIN_CHARS = 2
const SHORT_MAX_CHARS = 4
/** Long forms of more words than this are phrases, not names. */
const LONG_MAX_WORDS = 4
const LONG_MAX_CHARS = 10
/** S must recur: a one-off token is as likely a segmentation slip as an abbreviation. */
const MIN_SHORT_DOCS = 2
/** L must recur for the same reason. */
const MIN_LONG_DOCS = 3
/** Documents that must contain both S and L. */
const MIN_SHARED_DOCS = 1
/** An untagged general word at least this frequent in jieba's lexicon (工人 10209, 公安 2800) is an ordinary word. */
const ORDINARY_WORD_FREQUENCY = 300
/**
 * Minimum context similarity (content-word neighbours) of S and L for a short form jieba tags as an
 * abbreviation or does not know. Chosen by judging mined pairs by hand: most true pairs score above 0.1
 * (环卫/环境卫生 0.91, 民航/民用航空 0.23), most look-alikes below (研发/研究发展 0.03).
 */
const MIN_CONTEXT_SIMILARITY = 0.1
/**
 * A short form that is itself a word of general Chinese (not tagged abbreviation by jieba) needs stronger
 * evidence: this similarity and {@link MIN_SHARED_DOCS_FOR_WORDS} shared documents (超标/超过标准 0.55 passes,
 * 学制/学习制度 0.09 does not).
 */
const MIN_CONTEXT_SIMILARITY_FOR_WORDS = 0.2
const MIN_SHARED_DOCS_FOR_WORDS = 2
/** Long forms whose support falls below this share of the best one for the same S are dropped. */
const DOMINANCE_SHARE = 0.5
/** At most this many long forms per short form (医保 → 医疗保障, 医疗保险). */
const MAX_LONG_FORMS = 3

/** True when jieba's general lexicon lists S as an abbreviation or not at all (卫健委, 医联体). */
function isKnownOrNewAbbreviation(short: string, lexicon: ReadonlyMap<string, LexiconEntry>): boolean {
  const entry = lexicon.get(short)
  return entry === undefined || entry.tag === ABBREVIATION_TAG
}

/** True when S could be an abbreviation rather than an everyday word, judged by jieba's general lexicon. */
export function mayBeAbbreviation(short: string, lexicon: ReadonlyMap<string, LexiconEntry>): boolean {
  const entry = lexicon.get(short)
  return entry === undefined || entry.tag === ABBREVIATION_TAG || entry.frequency < ORDINARY_WORD_FREQUENCY
}

/**
 * What each word of a long form may give to its abbreviation. Every word gives something, so L is exactly
 * the words S stands for: its first character; first + last for three characters (联合体 → 联体);
 * first + third for a four-character word, which is two morphemes (环境保护 → 环保); a final
 * one-character word (税, 委, 法) gives itself, and a final two-character word may give itself whole (招标|投标 → 招投标).
 */
function contributionsOf(word: string, isLast: boolean): string[] {
  const chars = [...word]
  if (chars.length === 1) return [word]
  const options = [chars[0] ?? '']
  // A final two-character word may also be kept whole (招标|投标 → 招投标): a candidate only, the corpus filters decide.
  if (isLast && chars.length === 2) options.push(word)
  if (chars.length === 3) options.push(`${chars[0] ?? ''}${chars[2] ?? ''}`)
  // A four-character word is two morphemes and gives one character from each, never just its first.
  if (chars.length === 4) return [`${chars[0] ?? ''}${chars[2] ?? ''}`]
  return options
}

/** Words that join phrases rather than name things: a long form containing one is a phrase, not a name. */
const LINKING_WORDS = new Set(['的', '和', '或', '或者', '及', '与', '以及', '等', '对', '向', '在', '为', '由', '将', '把', '被', '从', '按', '应当', '不得', '可以', '以下', '以上', '之', '其', '并', '中', '内', '后', '前'])
/**
 * Pieces of a sentence rather than of a name: a split short form starting or ending with a function
 * character (人不, 期内以, 证书上) is two words that merely stand side by side.
 */
const FUNCTION_EDGE = /^[不以时上下有人已未可应需如但是给对在于及与或被把将仍再另均都也又就才所之其该此各每无非否经至从向由为]|[不以时上下有已未可应需如但是给对在于及与或被把将仍再另均都也又就才所之其该此各每无非否经至从向由为的者方]$/u
/** Split short forms span at most this many words (卫|健|委). */
const SPLIT_MAX_WORDS = 3
/** Numerals: 第二十八 is not short for 第二百一十八条. */
const NUMERAL = /[一二三四五六七八九十百千万零〇两第]/u

/** True when a word sequence can be a long form: no linking words, and one-character words only at the end. */
export function isNameLike(words: readonly string[]): boolean {
  return words.every((word, index) => !LINKING_WORDS.has(word) && (word.length >= 2 || index === words.length - 1))
}

/** Every abbreviation of the word sequence that is a prefix of some candidate S, extended word by word. */
export function abbreviationsOf(words: readonly string[], prefixes: ReadonlySet<string>): string[] {
  let partial = ['']
  words.forEach((word, index) => {
    const next: string[] = []
    for (const head of partial) {
      for (const part of contributionsOf(word, index === words.length - 1)) {
        const candidate = head + part
        if (candidate.length <= SHORT_MAX_CHARS && prefixes.has(candidate)) next.push(candidate)
      }
    }
    partial = [...new Set(next)]
  })
  return partial
}

interface Tally {
  readonly docs: Map<string, Set<number>>
}

function countDoc(tally: Tally, key: string, doc: number): void {
  let docs = tally.docs.get(key)
  if (docs === undefined) tally.docs.set(key, (docs = new Set()))
  docs.add(doc)
}

function sharedCount(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
  let shared = 0
  for (const doc of a) if (b.has(doc)) shared++
  return shared
}

/** Candidate short forms with the documents they occur in. */
interface ShortForms {
  readonly docs: Map<string, Set<number>>
  /** Short forms jieba does not know and cuts into pieces (医|联体, 卫|健|委): new abbreviations. */
  readonly split: Set<string>
}

/** Every run of 2–{@link SPLIT_MAX_WORDS} consecutive words forming a split short form, as [start, count]. */
function splitRuns(words: readonly string[], start: number): { short: string; count: number }[] {
  const runs: { short: string; count: number }[] = []
  let short = ''
  let hasSingle = false
  for (let count = 1; count <= SPLIT_MAX_WORDS && start + count <= words.length; count++) {
    const word = words[start + count - 1] ?? ''
    if (LINKING_WORDS.has(word) || !HAN_RUN.test(word)) break
    short += word
    hasSingle ||= word.length === 1
    if (short.length > SHORT_MAX_CHARS) break
    if (count >= 2 && hasSingle && short.length >= SHORT_MIN_CHARS) runs.push({ short, count })
  }
  return runs
}

function collectShortForms(segmented: readonly string[][], lexicon: ReadonlyMap<string, LexiconEntry>): ShortForms {
  const tokens: Tally = { docs: new Map() }
  const pieces: Tally = { docs: new Map() }
  segmented.forEach((words, doc) => {
    words.forEach((word, index) => {
      if (word.length >= SHORT_MIN_CHARS && word.length <= SHORT_MAX_CHARS && HAN_RUN.test(word)) countDoc(tokens, word, doc)
      for (const run of splitRuns(words, index)) countDoc(pieces, run.short, doc)
    })
  })
  const usable = (word: string, docs: Set<number>): boolean => docs.size >= MIN_SHORT_DOCS && !NUMERAL.test(word)
  const docs = new Map([...tokens.docs].filter(([word, found]) => usable(word, found) && mayBeAbbreviation(word, lexicon)))
  const split = new Set<string>()
  for (const [word, found] of pieces.docs) {
    if (!usable(word, found) || lexicon.has(word) || docs.has(word) || FUNCTION_EDGE.test(word)) continue
    docs.set(word, found)
    split.add(word)
  }
  return { docs, split }
}

/** Long forms found for each short form, with their documents and contexts. */
interface LongForms {
  readonly tally: Tally
  readonly ofShort: Map<string, Set<string>>
}

function collectLongForms(segmented: readonly string[][], shorts: ReadonlyMap<string, Set<number>>, contexts: Contexts): LongForms {
  const prefixes = new Set([...shorts.keys()].flatMap((short) => [...short].map((_, end) => short.slice(0, end + 1))))
  const tally: Tally = { docs: new Map() }
  const ofShort = new Map<string, Set<string>>()
  segmented.forEach((words, doc) => {
    for (let start = 0; start < words.length; start++) {
      for (let count = 1; count <= LONG_MAX_WORDS && start + count <= words.length; count++) {
        const span = words.slice(start, start + count)
        const long = span.join('')
        if (long.length > LONG_MAX_CHARS || !HAN_RUN.test(long)) break
        if (long.length < SHORT_MIN_CHARS * 2 || !isNameLike(span)) continue
        for (const short of abbreviationsOf(span, prefixes)) {
          // A contiguous piece of L (医疗 in 医疗保障) is a truncation, not an abbreviation.
          if (!shorts.has(short) || long.includes(short)) continue
          countDoc(tally, long, doc)
          contexts.add(long, words, start, count)
          let longs = ofShort.get(short)
          if (longs === undefined) ofShort.set(short, (longs = new Set()))
          longs.add(long)
        }
      }
    }
  })
  return { tally, ofShort }
}

function addShortContexts(segmented: readonly string[][], shorts: ShortForms, wanted: ReadonlyMap<string, unknown>, contexts: Contexts): void {
  for (const words of segmented) {
    words.forEach((word, index) => {
      if (wanted.has(word)) contexts.add(word, words, index, 1)
      for (const run of splitRuns(words, index)) if (shorts.split.has(run.short) && wanted.has(run.short)) contexts.add(run.short, words, index, run.count)
    })
  }
}

interface Candidate {
  readonly long: string
  readonly longDocs: number
  readonly shared: number
  readonly similarity: number
  readonly example: number | undefined
}

/**
 * A short form ending in the long form's last two characters kept whole (招投标 ← 招标投标). Most such
 * candidates are a phrase missing a character (作决定 ← 作出决定), so they are kept only when jieba's
 * lexicon itself tags the short form as an abbreviation.
 */
function keepsLastWord(short: string, long: string): boolean {
  return short.length >= 3 && long.endsWith(short.slice(-2))
}

function isTaggedAbbreviation(short: string, lexicon: ReadonlyMap<string, LexiconEntry>): boolean {
  return lexicon.get(short)?.tag === ABBREVIATION_TAG
}

/** Whether a candidate long form passes the reliability filters for its short form. */
function isReliable(candidate: Candidate, kind: 'split' | 'abbreviation' | 'word'): boolean {
  if (candidate.longDocs < MIN_LONG_DOCS) return false
  if (candidate.shared < MIN_SHARED_DOCS || candidate.similarity < MIN_CONTEXT_SIMILARITY) return false
  return kind !== 'word' || (candidate.shared >= MIN_SHARED_DOCS_FOR_WORDS && candidate.similarity >= MIN_CONTEXT_SIMILARITY_FOR_WORDS)
}

/** Mines subsequence abbreviations from segmented texts (see the module comment for the filters). */
export function mineAbbreviations(texts: readonly CorpusText[], lexicon: ReadonlyMap<string, LexiconEntry>): SynonymPair[] {
  const segmented = texts.map((text) => nodejieba.cut(fullText(text)))
  const shorts = collectShortForms(segmented, lexicon)
  const contexts = new Contexts(commonWordsOf(segmented))
  const longs = collectLongForms(segmented, shorts.docs, contexts)
  addShortContexts(segmented, shorts, longs.ofShort, contexts)

  const pairs: SynonymPair[] = []
  for (const short of [...longs.ofShort.keys()].sort()) {
    const shortDocs = shorts.docs.get(short) ?? new Set<number>()
    const kind = shorts.split.has(short) ? 'split' : isKnownOrNewAbbreviation(short, lexicon) ? 'abbreviation' : 'word'
    const candidates: Candidate[] = [...(longs.ofShort.get(short) ?? [])].map((long) => {
      const longDocs = longs.tally.docs.get(long) ?? new Set<number>()
      const similarity = contextSimilarity(contexts.vectors.get(short), contexts.vectors.get(long))
      return { long, longDocs: longDocs.size, shared: sharedCount(shortDocs, longDocs), similarity, example: [...longDocs].find((doc) => shortDocs.has(doc)) ?? [...longDocs][0] }
    })
    const kept = candidates.filter((candidate) => isReliable(candidate, kind) && (!keepsLastWord(short, candidate.long) || isTaggedAbbreviation(short, lexicon))).sort((a, b) => b.similarity - a.similarity || (a.long < b.long ? -1 : 1))
    const best = kept[0]?.similarity ?? 0
    for (const entry of kept.filter((candidate) => candidate.similarity >= best * DOMINANCE_SHARE).slice(0, MAX_LONG_FORMS)) {
      const example = texts[entry.example ?? 0]?.id ?? ''
      pairs.push({ term: short, equivalent: entry.long, kind: 'synonym', weight: ABBREVIATION_WEIGHT, source: 'abbreviation', support: entry.shared, example })
    }
  }
  return pairs
}
