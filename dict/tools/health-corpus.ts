import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'

/** Where the health text comes from, counted for the README and the build log. */
export interface HealthCorpusStats {
  lawsTotal: number
  /** Laws whose title names a health topic: their whole body is used. */
  lawsByTitle: number
  /** Paragraphs of the other laws that mention a health keyword. */
  paragraphsFromOtherLaws: number
  seedFiles: number
  hanChars: number
  backgroundHanChars: number
}

/** The health-policy text the dictionary is mined from, cut into runs of Han characters. */
export interface HealthCorpus {
  /** Maximal runs of Han characters: an n-gram never crosses punctuation, digits or Latin text. */
  hanRuns: string[]
  /** The seed articles alone (also part of `hanRuns`), for the low-frequency chunker. */
  seedTexts: string[]
  /** Han runs of every law paragraph not selected as health text: the background a term must be rarer in. */
  backgroundRuns: string[]
  stats: HealthCorpusStats
}

/** Words that make a law title or a paragraph health-related (the list plus close relatives). */
const HEALTH_KEYWORDS = /医|卫生|健康|药|疾病|医保|医疗保障|疫|母婴|妇幼|养老|传染|献血|生育|护理|保健|残疾|病|康复|急救|诊/
/**
 * Topics that share the keywords but are not human health policy: street cleaning (市容和环境卫生),
 * animal and plant disease (动物防疫, 兽药, 松材线虫病, 病虫害) and pesticides (农药).
 */
const NOT_HEALTH_TITLE = /市容|环境卫生|容貌|动物|兽|植物|农药|病虫|林业|畜禽/
/** The same topics inside a paragraph: removed before the keyword test, so 环境卫生 alone does not select it. */
const NOT_HEALTH_PHRASES = /环境卫生|市容|病虫害?|线虫病|动物疫病|动物防疫|动物诊疗|检疫|兽医|兽药|农药|疫木|疫区/g
const HAN_RUN = /\p{Script=Han}+/gu

interface LawRecord {
  title: string
  body: string
}

function readLaws(lawsPath: string): LawRecord[] {
  const text = gunzipSync(readFileSync(lawsPath)).toString('utf8')
  const laws: LawRecord[] = []
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue
    const record = JSON.parse(line) as Partial<LawRecord>
    laws.push({ title: record.title ?? '', body: record.body ?? '' })
  }
  return laws
}

function hanRunsOf(text: string): string[] {
  return text.match(HAN_RUN) ?? []
}

function isHealthTitle(title: string): boolean {
  return HEALTH_KEYWORDS.test(title.replace(NOT_HEALTH_PHRASES, '')) && !NOT_HEALTH_TITLE.test(title)
}

/**
 * Selects the health part of the laws corpus (whole laws by title, single paragraphs of the rest
 * by keyword) and adds the seed articles.
 */
export function loadHealthCorpus(options: { lawsPath: string; seedsDir: string }): HealthCorpus {
  const laws = readLaws(options.lawsPath)
  const hanRuns: string[] = []
  const backgroundRuns: string[] = []
  let lawsByTitle = 0
  let paragraphsFromOtherLaws = 0
  for (const law of laws) {
    if (isHealthTitle(law.title)) {
      lawsByTitle++
      hanRuns.push(...hanRunsOf(law.title), ...hanRunsOf(law.body))
      continue
    }
    for (const paragraph of law.body.split('\n')) {
      if (!HEALTH_KEYWORDS.test(paragraph.replace(NOT_HEALTH_PHRASES, ''))) {
        backgroundRuns.push(...hanRunsOf(paragraph))
        continue
      }
      paragraphsFromOtherLaws++
      hanRuns.push(...hanRunsOf(paragraph))
    }
  }
  const seedFiles = readdirSync(options.seedsDir).filter((name) => name.endsWith('.txt')).sort()
  const seedTexts = seedFiles.map((name) => readFileSync(join(options.seedsDir, name), 'utf8'))
  for (const text of seedTexts) hanRuns.push(...hanRunsOf(text))
  const hanChars = hanRuns.reduce((sum, run) => sum + run.length, 0)
  const backgroundHanChars = backgroundRuns.reduce((sum, run) => sum + run.length, 0)
  return {
    hanRuns,
    seedTexts,
    backgroundRuns,
    stats: { lawsTotal: laws.length, lawsByTitle, paragraphsFromOtherLaws, seedFiles: seedFiles.length, hanChars, backgroundHanChars },
  }
}
