import { CharTrie } from './char-trie'
import { readDictionaryRows } from './dictionary-file'

/** Variant plus signs and full-width Latin letters read as their ASCII forms (互联网﹢医疗健康). */
const FOLDED_UNITS: Readonly<Record<string, string>> = { '＋': '+', '﹢': '+', '／': '/' }
const FULL_WIDTH_OFFSET = 0xfee0

/** One code unit in the form the programme dictionary is keyed by. */
export function foldProgramUnit(unit: string): string {
  const folded = FOLDED_UNITS[unit]
  if (folded !== undefined) return folded
  const c = unit.charCodeAt(0)
  const ascii = c >= 0xff21 && c <= 0xff5a ? c - FULL_WIDTH_OFFSET : c
  return ascii >= 0x61 && ascii <= 0x7a ? String.fromCharCode(ascii - 0x20) : String.fromCharCode(ascii)
}

let trie: CharTrie<string> | undefined

/** Trie of every programme wording in dict/programs.tsv; values are canonical names. Loaded on first use. */
export function programTrie(): CharTrie<string> {
  if (trie !== undefined) return trie
  const built = new CharTrie<string>(foldProgramUnit)
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
