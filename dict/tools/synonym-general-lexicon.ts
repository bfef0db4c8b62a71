/**
 * jieba's general-language dictionary (word, frequency, part of speech), used to tell a real abbreviation
 * (医保, tagged `j` = 简称略语) from an ordinary word that merely looks like one (工人 "worker" is not
 * 工作人员 shortened, 公安 "police" is not 公共安全 shortened).
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

export interface LexiconEntry {
  readonly frequency: number
  readonly tag: string
}

/** jieba's tag for abbreviations (简称略语). */
export const ABBREVIATION_TAG = 'j'

/** Reads nodejieba's bundled jieba.dict.utf8 into a map from word to its entry. */
export function readGeneralLexicon(): Map<string, LexiconEntry> {
  const require = createRequire(import.meta.url)
  const dictPath = join(dirname(require.resolve('nodejieba/package.json')), 'submodules/cppjieba/dict/jieba.dict.utf8')
  const lexicon = new Map<string, LexiconEntry>()
  for (const line of readFileSync(dictPath, 'utf8').split('\n')) {
    const [word, frequency, tag] = line.split(' ')
    if (word === undefined || word === '' || frequency === undefined) continue
    lexicon.set(word, { frequency: Number(frequency), tag: tag ?? '' })
  }
  return lexicon
}
