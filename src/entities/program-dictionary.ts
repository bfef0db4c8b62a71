import { CharTrie } from './char-trie'
import { readDictionaryRows } from './dictionary-file'

/** Variant plus signs and slashes read as their ASCII forms (互联网﹢医疗健康): ＋ ﹢ ／ → + + /. */
const FOLDED_CODES: ReadonlyMap<number, number> = new Map([[0xff0b, 0x2b], [0xfe62, 0x2b], [0xff0f, 0x2f]])
const FULL_WIDTH_OFFSET = 0xfee0
const ASCII_CASE_OFFSET = 0x20

/** One code unit in the form the programme dictionary is keyed by: ASCII upper case, half-width. */
export function foldProgramCode(code: number): number {
  // Fast path for the common case (every character of every document passes here): Han and ASCII non-letters.
  if (code < 0x61 || (code > 0x7a && code < 0xfe00)) return code
  const folded = FOLDED_CODES.get(code)
  if (folded !== undefined) return folded
  const ascii = code >= 0xff21 && code <= 0xff5a ? code - FULL_WIDTH_OFFSET : code
  return ascii >= 0x61 && ascii <= 0x7a ? ascii - ASCII_CASE_OFFSET : ascii
}

let trie: CharTrie<string> | undefined

/** Trie of every programme wording in dict/programs.tsv; values are canonical names. Loaded on first use. */
export function programTrie(): CharTrie<string> {
  if (trie !== undefined) return trie
  const built = new CharTrie<string>(foldProgramCode)
  for (const [name, canonicalCell = '', aliases = ''] of readDictionaryRows('programs.tsv')) {
    if (name === undefined || name.length === 0) continue
    const canonical = canonicalCell.length > 0 ? canonicalCell : name
    built.add(name, canonical)
    for (const alias of aliases.split(',')) if (alias.length > 0) built.add(alias, canonical)
  }
  trie = built
  return built
}

/**
 * The canonical wording of a programme name, for filters such as `program:千县工程`; undefined for
 * names not in dict/programs.tsv. Quotes around the name are ignored.
 *
 * @example canonicalProgram('互联网＋医疗健康') // '互联网+医疗健康'
 * @example canonicalProgram('DIP改革') // 'DIP医保支付方式改革'
 */
export function canonicalProgram(name: string): string | undefined {
  const bare = name.trim().replace(/^[“"「『]|[”"」』]$/g, '')
  return programTrie().get(bare)?.[0]
}
