import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createRequire } from 'node:module'
import { ZhsearchError } from '../errors'
import { packageRoot } from '../package-root'
import { DictionaryWords } from './dictionary-words'

/**
 * The jieba segmenter, shared by the whole process: nodejieba holds one global dictionary, so it is
 * loaded once (jieba's own dictionary + our health-policy dictionary) and users' dictionaries are
 * added to it word by word. The same words go into {@link DictionaryWords} so the lattice can find
 * sub-words of a coarse word.
 */
interface Nodejieba {
  DEFAULT_DICT: string
  DEFAULT_USER_DICT: string
  load(options: { userDict?: string }): void
  cut(text: string, hmm?: boolean): string[]
  insertWord(word: string, tag?: string): boolean
}

export const BUNDLED_DICTIONARY = 'dict/health.dict.txt'

let jieba: Nodejieba | undefined
let dictionaryWords: DictionaryWords | undefined
const loadedUserDictionaries = new Set<string>()

function loadJieba(): Nodejieba {
  if (jieba) return jieba
  const require = createRequire(import.meta.url)
  const module = require('nodejieba') as Nodejieba
  const bundled = join(packageRoot(), BUNDLED_DICTIONARY)
  const userDict = existsSync(bundled) ? bundled : module.DEFAULT_USER_DICT
  module.load({ userDict })
  dictionaryWords = new DictionaryWords()
  dictionaryWords.addDictionaryFile(module.DEFAULT_DICT)
  dictionaryWords.addDictionaryFile(userDict)
  jieba = module
  return module
}

/** Reads a user dictionary (jieba format: `word [freq] [tag]` per line, `#` comments) and returns its words. */
export function readUserDictionary(path: string): string[] {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    throw new ZhsearchError('INVALID_DICTIONARY', `cannot read dictionary ${path}: ${(error as Error).message}`, { path })
  }
  const words: string[] = []
  text.split(/\r?\n/).forEach((line, index) => {
    const trimmed = line.trim()
    if (trimmed === '' || trimmed.startsWith('#')) return
    const [word, ...rest] = trimmed.split(/\s+/)
    // jieba reads `word`, `word tag`, `word freq` or `word freq tag`; more fields are a mistake.
    const wellFormed = rest.length <= 1 || (rest.length === 2 && /^\d+$/.test(rest[0]!))
    if (!word || !wellFormed) {
      throw new ZhsearchError('INVALID_DICTIONARY', `${path}:${index + 1}: expected "word [frequency] [tag]", got "${trimmed}"`, {
        path,
        line: index + 1,
      })
    }
    words.push(word)
  })
  return words
}

/** Adds a user dictionary file to the process-wide segmenter (once per path). */
export function addUserDictionary(path: string): void {
  if (loadedUserDictionaries.has(path)) return
  const module = loadJieba()
  for (const word of readUserDictionary(path)) {
    module.insertWord(word)
    dictionaryWords!.add(word.toLowerCase())
  }
  loadedUserDictionaries.add(path)
}

/** Cuts normalised text into coarse words (HMM on, so Latin and digit runs stay whole). Concatenated, they give back the text. */
export function cutWords(text: string): string[] {
  return loadJieba().cut(text, true)
}

/** Whether `text.slice(start, end)` is in the segmenter's dictionary (bundled, jieba's or a user's), asked without making the string. */
export function isDictionaryWordAt(text: string, start: number, end: number): boolean {
  loadJieba()
  return dictionaryWords!.hasRange(text, start, end)
}
