import type { JiebaLexicon } from './health-jieba'
import { plainJiebaTokens } from './health-jieba'
import { FUNCTION_CHARS, hasHealthMorpheme, termShapeProblem } from './health-term-shape'

/**
 * Terms that occur too rarely for statistics (once or twice in the seed articles) but have the
 * shape of a health term: a short run of jieba tokens that ends in a domain head (县域就诊率,
 * 心理门诊) or that holds an out-of-vocabulary abbreviation jieba breaks into single characters
 * (医共体 → 医/共/体, 村医 → 村/医).
 */

/** Heads that close an institution, service, role, programme or indicator name in news prose. */
const SEED_TERM_HEADS = new Set([
  '医院', '卫生院', '卫生室', '中心', '次中心', '机构', '门诊', '诊室', '病房', '科室', '专科', '学科', '病学', '平台', '集团',
  '联盟', '共同体', '工作站', '工作室', '医生', '医师', '村医', '护士', '药师', '医保', '保险', '基金', '制度', '体系', '机制',
  '工程', '项目', '行动', '疫苗', '药品', '药物', '饮片', '诊疗', '治疗', '诊断', '筛查', '融合', '结合', '签约', '服务',
  '改革', '试点', '托位', '床位', '病种', '标准', '目录', '技术', '率', '科', '院', '站', '室', '病', '症',
])

/** Tokens that open a clause or name a scope, never the first part of a term (全市县域就诊率 → 县域就诊率). */
const SCOPE_PREFIX = /^((全|本|我|各|该|每|两|多|首|近|新)(市|省|县|区|国|镇|乡|村|家|个|批|年)?|(省|市|区)(级|属|内外)?|国家级|所有|现有|全部|各类|有关|相关|其他|部分)$/
/**
 * Without corpus statistics a verb or adverb in first place is far more often the predicate of the
 * sentence (确保所有村卫生室, 积极开展…) than part of a term, so seed candidates must start with a noun-like word.
 */
const CLAUSE_START_TAGS = new Set(['v', 'vn', 'vd', 'ad', 'd', 'l', 'i'])
/** A place name as first token makes an entity name (长治市人民医院), which the gazetteer handles, not the dictionary. */
const PLACE_NAME = /(市|省|县|区|州|镇|乡|旗)$/
/** Words jieba tags as place names that are generic (城市医疗集团 is a term, not a name). */
const GENERIC_PLACE_WORDS = new Set(['城市', '城乡', '城区', '农村', '乡村', '社区', '县城', '乡镇', '基层', '地方', '全国', '区域'])
const MAX_TOKENS = 5
const MAX_TERM_CHARS = 12
const MIN_ABBREVIATION_CHARS = 2
const MAX_ABBREVIATION_CHARS = 4

function isAcceptableStart(token: string, lexicon: JiebaLexicon): boolean {
  if (token.length < 2 || SCOPE_PREFIX.test(token)) return false
  const tag = lexicon.entries.get(token)?.tag ?? 'x'
  if (CLAUSE_START_TAGS.has(tag)) return false
  return !(tag === 'ns' && PLACE_NAME.test(token)) && tag !== 'nr'
}

/** A place name inside (山西医院, 太原医院) makes the string a proper name, left to the entity tagger. */
function containsPlaceName(tokens: readonly string[], lexicon: JiebaLexicon): boolean {
  return tokens.some((token) => lexicon.entries.get(token)?.tag === 'ns' && !GENERIC_PLACE_WORDS.has(token))
}

/** Direction words and numerals (上 of 以上, 两) end an abbreviation run; other tags of single characters are unreliable. */
const RUN_BREAKING_TAGS = new Set(['f', 'm'])

/** What the seed chunker needs to know besides the text. */
export interface SeedChunkContext {
  lexicon: JiebaLexicon
  /** Occurrences of a string in the whole health corpus (seeds included). */
  countOf: (text: string) => number
  /** Terms already found by the statistical miner or the curated core. */
  knownTerms: ReadonlySet<string>
}

/**
 * jieba words this long are compounds in their own right (巡回医疗), so like a known term they need
 * no head added; shorter ones are modifiers (县级 in 县级医院).
 */
const COMPOUND_WORD_MIN_CHARS = 4

/**
 * An abbreviation seen once could be a broken name or a slip of jieba (精准化/医); seen twice or
 * more in the health corpus it is a word the writers use (医共体, 村医, 集采).
 */
const MIN_ABBREVIATION_COUNT = 2

function isAbbreviation(core: string, context: SeedChunkContext): boolean {
  if ([...core].some((char) => FUNCTION_CHARS.has(char))) return false
  return hasHealthMorpheme(core) && context.countOf(core) >= MIN_ABBREVIATION_COUNT
}

/** Runs of two to four single-character tokens that jieba could not match as a word, with the modifier before or the head after them. */
function abbreviationCandidates(tokens: readonly string[], afterNumber: boolean, context: SeedChunkContext): string[] {
  const { lexicon } = context
  const found: string[] = []
  const isRunChar = (token: string | undefined): boolean =>
    token !== undefined && token.length === 1 && !FUNCTION_CHARS.has(token) && !RUN_BREAKING_TAGS.has(lexicon.entries.get(token)?.tag ?? 'x')
  let start = 0
  // A measure word right after a number (17批集采) belongs to the number, not to the abbreviation.
  if (afterNumber && tokens[0]?.length === 1 && lexicon.entries.get(tokens[0])?.tag === 'q') start = 1
  while (start < tokens.length) {
    // Function characters and direction/measure words (的, 上 in 以上, 批) end an abbreviation run.
    while (start < tokens.length && tokens[start]?.length === 1 && !isRunChar(tokens[start])) start++
    let end = start
    while (end < tokens.length && isRunChar(tokens[end])) end++
    const length = end - start
    if (length >= MIN_ABBREVIATION_CHARS && length <= MAX_ABBREVIATION_CHARS) {
      const core = tokens.slice(start, end).join('')
      if (!isAbbreviation(core, context)) {
        start = Math.max(end, start + 1)
        continue
      }
      found.push(core)
      const previous = tokens[start - 1]
      if (previous && previous.length > 1 && isAcceptableStart(previous, lexicon)) found.push(previous + core)
      const next = tokens[end]
      if (next && next.length > 1 && SEED_TERM_HEADS.has(next)) found.push(core + next)
    }
    start = Math.max(end, start + 1)
  }
  return found
}

/**
 * Token n-grams that end in a domain head. A known term or another head followed by a head
 * (巡回医疗 + 制度) is skipped: seen once, nothing shows that the two form a unit, and the shorter
 * term is the safer entry.
 */
function headedCandidates(tokens: readonly string[], context: SeedChunkContext): string[] {
  const { lexicon, knownTerms } = context
  const isKnownTerm = (text: string): boolean =>
    knownTerms.has(text) || (text.length >= COMPOUND_WORD_MIN_CHARS && lexicon.entries.has(text))
  const found: string[] = []
  tokens.forEach((token, end) => {
    if (!SEED_TERM_HEADS.has(token)) return
    for (let start = end - 1; start >= 0 && end - start < MAX_TOKENS; start--) {
      const first = tokens[start]
      if (first === undefined || !isAcceptableStart(first, lexicon)) continue
      if (isKnownTerm(tokens.slice(start, end).join(''))) continue
      // Two heads in a row (中西医结合 + 医院) are two terms side by side as far as one sighting can tell.
      if (end - start >= 2 && SEED_TERM_HEADS.has(tokens[end - 1] ?? '')) continue
      found.push(tokens.slice(start, end + 1).join(''))
    }
  })
  return found
}

/** Low-frequency term candidates from the seed articles, each with the plain jieba tokens it splits into. */
export function seedTermCandidates(seedTexts: readonly string[], context: SeedChunkContext): Map<string, string[]> {
  const { lexicon } = context
  const candidates = new Map<string, string[]>()
  const consider = (term: string, checkShape: boolean): void => {
    if (candidates.has(term) || lexicon.entries.has(term) || term.length > MAX_TERM_CHARS) return
    const termTokens = plainJiebaTokens(term)
    if (termTokens.length < 2 || containsPlaceName(termTokens, lexicon)) return
    if (!checkShape || (hasHealthMorpheme(term) && termShapeProblem(term, termTokens, lexicon) === null)) candidates.set(term, termTokens)
  }
  for (const text of seedTexts) {
    for (const match of text.matchAll(/\p{Script=Han}+/gu)) {
      const tokens = plainJiebaTokens(match[0])
      const afterNumber = /[0-9０-９]/.test(text.charAt(match.index - 1))
      // An abbreviation's own characters carry tags (共 as adverb, 集 as measure word) that the shape rules would misread.
      for (const term of abbreviationCandidates(tokens, afterNumber, context)) consider(term, false)
      for (const term of headedCandidates(tokens, context)) consider(term, true)
    }
  }
  return candidates
}
