import { readFileSync } from 'node:fs'
import nodejieba from 'nodejieba'

/** One entry of jieba's main dictionary. */
export interface LexiconEntry {
  freq: number
  tag: string
}

/** jieba's own main dictionary (the one nodejieba loads by default), read as word → freq and tag. */
export interface JiebaLexicon {
  entries: Map<string, LexiconEntry>
  /** Sum of all frequencies: a word's log-probability in jieba is log(freq / freqSum). */
  freqSum: number
}

/** nodejieba exports the paths of its bundled dictionaries, but its typings do not declare them. */
interface NodejiebaDictionaryPaths {
  DEFAULT_DICT: string
}

/** The main dictionary nodejieba loads when `load()` is given no `dict`. */
export const JIEBA_MAIN_DICT_PATH = (nodejieba as unknown as NodejiebaDictionaryPaths).DEFAULT_DICT

/** Reads the main dictionary nodejieba ships, so frequencies can be set relative to it. */
export function readJiebaLexicon(): JiebaLexicon {
  const entries = new Map<string, LexiconEntry>()
  let freqSum = 0
  for (const line of readFileSync(JIEBA_MAIN_DICT_PATH, 'utf8').split('\n')) {
    const [word, freqText, tag] = line.split(' ')
    if (!word || !freqText) continue
    const freq = Number(freqText)
    entries.set(word, { freq, tag: tag ?? 'x' })
    freqSum += freq
  }
  return { entries, freqSum }
}

/** How plain jieba (default dictionary, HMM off) cuts a string: a candidate that stays whole needs no entry. */
export function plainJiebaTokens(text: string): string[] {
  return nodejieba.cut(text, false)
}

/** Marks where plain jieba starts a token in `run`: index i is true when a token starts there; run.length is always true. */
export function plainJiebaBoundaries(run: string): boolean[] {
  const boundaries = new Array<boolean>(run.length + 1).fill(false)
  let offset = 0
  for (const token of plainJiebaTokens(run)) {
    boundaries[offset] = true
    offset += token.length
  }
  boundaries[run.length] = true
  return boundaries
}
