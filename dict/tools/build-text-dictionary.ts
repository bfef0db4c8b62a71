/**
 * Generates dict/text-dictionary-1.txt: the preset dictionary that stored texts are deflated with (format
 * version 7, see src/index/text-dictionary.ts). It is jieba's most frequent words of two Han characters or
 * more, the rarer first, 16,000 characters in all: in UTF-16LE that fills deflate's 32 KB window, and
 * the words every Chinese text shares then cost a back-reference even in a record's first block.
 * General vocabulary, not any corpus's: it shrinks the laws' stored text by 15%, news paragraphs by 19%.
 *
 *   npx tsx dict/tools/build-text-dictionary.ts
 *
 * Saved indexes need the exact dictionary they were written with: a changed list must be written as a
 * new numbered file (and a new record marker), never over this one. The CRC-32 in text-dictionary.ts
 * refuses a file that differs.
 *
 * Data: jieba.dict.utf8 (MIT, cppjieba, shipped with nodejieba).
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { packageRoot } from '../../src/package-root'
import { TEXT_DICTIONARY_CHARACTERS, TEXT_DICTIONARY_FILE } from '../../src/index/text-dictionary'

const root = packageRoot()
const require = createRequire(join(root, 'package.json'))

/** The dictionary's text from jieba.dict.utf8's contents. */
export function textDictionaryText(jiebaDictionaryText: string): string {
  const entries = jiebaDictionaryText
    .split('\n')
    .map((line) => line.split(' '))
    .filter((fields) => fields.length >= 2 && /^\p{Script=Han}{2,}$/u.test(fields[0]!))
    .map((fields) => ({ word: fields[0]!, frequency: Number(fields[1]) }))
  // Most frequent first (ties in dictionary order), then reversed so the commonest sit nearest the text:
  // deflate codes a nearer match in fewer bits.
  entries.sort((a, b) => b.frequency - a.frequency)
  const words: string[] = []
  let characters = 0
  for (const { word } of entries) {
    if (characters + word.length > TEXT_DICTIONARY_CHARACTERS) break
    words.push(word)
    characters += word.length
  }
  return words.reverse().join('')
}

/** Where nodejieba keeps its main dictionary. */
export function jiebaDictionaryPath(): string {
  return join(require.resolve('nodejieba/package.json'), '..', 'submodules', 'cppjieba', 'dict', 'jieba.dict.utf8')
}

function main(): void {
  const text = textDictionaryText(readFileSync(jiebaDictionaryPath(), 'utf8'))
  const path = join(root, 'dict', TEXT_DICTIONARY_FILE)
  writeFileSync(path, text + '\n')
  process.stdout.write(`wrote ${path}: ${text.length} characters\n`)
}

if (process.argv[1] && import.meta.filename === process.argv[1]) main()
