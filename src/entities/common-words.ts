import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

/**
 * Everyday words of two or three characters, from the jieba dictionary that ships with nodejieba
 * (a runtime dependency): words jieba has seen at least this often and does not tag as a person's
 * name (nr*). A candidate name equal to one of them (单位, 任期, 董事长) is a word, not a person.
 */
const MIN_WORD_FREQUENCY = 20
const PERSON_TAG_PREFIX = 'nr'
/** jieba tags some frequent words as names (申请人, 许可); at this count they are words whatever the tag. */
const MIN_FREQUENCY_WHATEVER_TAG = 100

let words: ReadonlySet<string> | undefined

function jiebaDictionaryPath(): string | undefined {
  try {
    const require = createRequire(import.meta.url)
    const path = join(dirname(require.resolve('nodejieba/package.json')), 'submodules/cppjieba/dict/jieba.dict.utf8')
    return existsSync(path) ? path : undefined
  } catch {
    return undefined
  }
}

function load(): ReadonlySet<string> {
  const set = new Set<string>()
  const path = jiebaDictionaryPath()
  // Without the dictionary the person recogniser still works, only with less precision.
  if (path === undefined) return set
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const firstSpace = line.indexOf(' ')
    if (firstSpace < 2 || firstSpace > 3) continue
    const secondSpace = line.indexOf(' ', firstSpace + 1)
    const frequency = Number(line.slice(firstSpace + 1, secondSpace))
    const taggedAsName = line.startsWith(PERSON_TAG_PREFIX, secondSpace + 1)
    if (frequency >= MIN_FREQUENCY_WHATEVER_TAG || (frequency >= MIN_WORD_FREQUENCY && !taggedAsName)) set.add(line.slice(0, firstSpace))
  }
  return set
}

/** True for an everyday word that a surname-led pattern could mistake for a name. Loaded on first use. */
export function isCommonWord(word: string): boolean {
  words ??= load()
  return words.has(word)
}
