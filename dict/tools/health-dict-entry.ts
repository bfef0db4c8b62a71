import type { JiebaLexicon } from './health-jieba'

/** One line of a jieba user dictionary: `word freq tag`. */
export interface DictEntry {
  word: string
  freq: number
  tag: string
}

/**
 * The frequency a user word needs so that jieba prefers it to the tokens it would otherwise be cut
 * into, times this margin. jieba picks the path with the highest sum of log(freq / freqSum), so a
 * word wins against its own split when freq > Π freq(token) / freqSum^(k-1); the margin keeps it
 * winning when a neighbouring word competes for an edge character.
 */
const SPLIT_MARGIN = 50
/**
 * Floor: the median frequency of jieba's dictionary is 3, which loses to many overlaps in context
 * (大病/保险资金); 300 is that of an ordinary mid-frequency word (卫生院 182, 医保 273, 县域 297).
 */
const MIN_ENTRY_FREQ = 300
/**
 * Ceiling: a user word never gets more weight than a common content word (医生 4,263), so it cannot
 * capture characters from function words next to it.
 */
const MAX_ENTRY_FREQ = 3000
/** Frequency assumed for a token missing from jieba's dictionary (a lone character jieba fell back to). */
const UNKNOWN_TOKEN_FREQ = 1
/** jieba's noun tag: every entry names an institution, service, role, programme or thing. */
export const TERM_TAG = 'n'

/** The frequency to write for `tokens.join('')`, given how plain jieba splits it. */
export function entryFrequency(tokens: readonly string[], lexicon: JiebaLexicon): number {
  let splitLogProbability = 0
  for (const token of tokens) splitLogProbability += Math.log((lexicon.entries.get(token)?.freq ?? UNKNOWN_TOKEN_FREQ) / lexicon.freqSum)
  const splitFrequency = Math.exp(splitLogProbability) * lexicon.freqSum
  return Math.min(MAX_ENTRY_FREQ, Math.max(MIN_ENTRY_FREQ, Math.ceil(splitFrequency * SPLIT_MARGIN)))
}

/** Formats entries the way cppjieba reads them: one `word freq tag` per line, sorted by code point, LF endings. */
export function formatDictionary(entries: Iterable<DictEntry>): string {
  const lines = [...entries]
    .sort((a, b) => (a.word < b.word ? -1 : a.word > b.word ? 1 : 0))
    .map((entry) => `${entry.word} ${entry.freq} ${entry.tag}`)
  return lines.join('\n') + '\n'
}

/**
 * Parses one user-dictionary line as cppjieba does (`word`, `word tag` or `word freq tag`, split on
 * single spaces), or returns why it is malformed. cppjieba itself never reports a bad line: it
 * silently inserts an empty word for 4+ fields and weight log(0) for a non-numeric freq.
 */
export function parseDictLine(line: string): DictEntry | string {
  if (line.includes('\r')) return 'carriage return (cppjieba keeps it as part of the tag)'
  const fields = line.split(' ')
  const [word, second, third] = fields
  if (!word) return 'empty word'
  if (fields.length > 3) return 'more than three fields'
  if (fields.length === 3) {
    if (!second || !/^[1-9][0-9]*$/.test(second)) return `frequency is not a positive integer: ${second ?? ''}`
    if (!third) return 'empty tag'
    return { word, freq: Number(second), tag: third }
  }
  if (fields.length === 2) {
    if (!second) return 'empty tag'
    // With two fields cppjieba reads the second as the tag, not as a frequency.
    if (/^[0-9]+$/.test(second)) return 'two fields with a number: cppjieba would read the number as a tag'
    return { word, freq: 0, tag: second }
  }
  return { word, freq: 0, tag: 'x' }
}
