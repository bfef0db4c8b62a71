/**
 * Probes of single query-analysis features over a large corpus, with queries made from the corpus and the
 * dictionaries instead of judged by hand: they measure a mechanism where the dev sets hold few or no
 * examples of it. They back figures in the README ("Where zhsearch stands") and in commit messages; none
 * is a gate. Measures the built package (`npm run build` first), like the rest of the bench.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import nodejieba from 'nodejieba'
import * as OpenCC from 'opencc-js'
import { SearchEngine } from '../dist/index.js'
import { existingFile, failUsage, readCommandLine } from './command-line'
import { loadCorpus, type BenchDoc } from './data/corpus'
import { generateKnownItems } from './data/known-items'
import { PACKAGE_ROOT, SHARED_FILES } from './data/locations'
import { pick, seededRandom } from './data/random'
import { reciprocalRankAtK } from './metrics/index'
import { writeChineseNumber } from '../src/entities/chinese-numerals'
import { handPairPaths } from '../dict/tools/synonym-hand-pairs'

const USAGE = `usage:
  npx tsx bench/probes.ts [--corpus <jsonl|jsonl.gz>] [--index <saved .zhs>] [probe …]
probes (default: all):
  expansions  every hand-written everyday term (dict/tools/colloquial*.tsv) that the query analysis cuts
              into two or more words, searched alone: how often a statutory target is in the top 5 (of the terms whose
              own text is not in the top 5)
  articles    '<title>第<k>条' for 200 random articles (digits, as people type them): MRR@10 of the law, and how
              often the law's snippet lies in that article
  scripts     the known-item queries converted by opencc-js to t, tw, twp (Taiwan usage) and hk: MRR@10
--corpus defaults to ${SHARED_FILES.lawsCorpus}; without --index the corpus is indexed first.`

const PROBES = ['expansions', 'articles', 'scripts'] as const
type Probe = (typeof PROBES)[number]

const { values, positionals } = readCommandLine(USAGE, {
  allowPositionals: true,
  options: { corpus: { type: 'string', default: SHARED_FILES.lawsCorpus }, index: { type: 'string' } },
})
for (const name of positionals) if (!(PROBES as readonly string[]).includes(name)) failUsage(USAGE, `unknown probe "${name}"`)
const probes = (positionals.length > 0 ? positionals : PROBES) as readonly Probe[]
const docs = loadCorpus(existingFile(USAGE, values.corpus, 'corpus'))
// Made before zhsearch loads its dictionary into the process's jieba, so the set is the bench's own.
const knownItems = probes.includes('scripts') ? generateKnownItems(docs, { words: (text: string) => nodejieba.cut(text) }) : []
const engine = values.index ? SearchEngine.deserialize(readFileSync(existingFile(USAGE, values.index, 'index'))) : await indexed(docs)

async function indexed(corpus: readonly BenchDoc[]): Promise<SearchEngine> {
  const built = new SearchEngine({ fields: { title: { weight: 2 }, body: {} } })
  await built.addAllAsync(corpus.map((doc) => ({ id: doc.id, title: doc.title ?? '', body: doc.body })))
  return built
}

/** The ids of the top 10 for `query`. */
function topTen(query: string): string[] {
  return engine.search(query, { limit: 10 }).hits.map((hit) => hit.id)
}

function probeExpansions(): string {
  let literal = 0
  let others = 0
  let found = 0
  for (const path of handPairPaths()) {
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      const [term, targets, kind] = line.split('\t')
      // Split: the query analysis makes two or more words (groups) of it.
      if (!term || line.startsWith('#') || kind !== 'expansion' || engine.analyze(term).analyzed.groups.length < 2) continue
      const texts = engine.search(term, { limit: 5 }).hits.map((hit) => `${hit.fields.title ?? ''}${hit.fields.body ?? ''}`.toLowerCase())
      if (texts.some((text) => text.includes(term.toLowerCase()))) {
        literal++
        continue
      }
      others++
      if (texts.some((text) => targets!.split(',').some((target) => target.length > 1 && text.includes(target)))) found++
    }
  }
  return `expansions: ${literal + others} split terms; own text in the top 5 for ${literal}; of the other ${others}, a target in the top 5 for ${found} (${((100 * found) / Math.max(1, others)).toFixed(1)}%)`
}

function probeArticles(): string {
  // Seeded: the same 200 articles on every run.
  const random = seededRandom(7)
  let queries = 0
  let sum = 0
  let shown = 0
  for (let tries = 0; queries < 200 && tries < 5000; tries++) {
    const doc = pick(random, docs)!
    const articles = (doc.body.match(/第[零一二三四五六七八九十百千]+条/g) ?? []).length
    if (articles < 10 || !doc.title) continue
    const article = 1 + Math.floor(random() * articles)
    const heading = `第${writeChineseNumber(article)}条`
    if (!doc.body.includes(heading)) continue
    const hits = engine.search(`${doc.title.replace(/^中华人民共和国/, '')}第${article}条`, { limit: 10 }).hits
    sum += reciprocalRankAtK(hits.map((hit) => hit.id), { [doc.id]: 1 }, 10)
    if (hits.find((hit) => hit.id === doc.id)?.section === heading) shown++
    queries++
  }
  return `articles: ${queries} queries, MRR@10 of the law ${(sum / Math.max(1, queries)).toFixed(4)}; the law's snippet in the asked article for ${shown}`
}

function probeScripts(): string {
  const conversions: Record<string, (text: string) => string> = { simplified: (text) => text }
  for (const to of ['t', 'tw', 'twp', 'hk'] as const) conversions[to] = OpenCC.Converter({ from: 'cn', to })
  const scores = Object.entries(conversions).map(([name, convert]) => {
    let sum = 0
    for (const item of knownItems) sum += reciprocalRankAtK(topTen(convert(item.query)), item.qrels, 10)
    return `${name} ${(sum / Math.max(1, knownItems.length)).toFixed(4)}`
  })
  return `scripts: ${knownItems.length} known-item queries, MRR@10 ${scores.join(', ')}`
}

const run: Record<Probe, () => string> = { expansions: probeExpansions, articles: probeArticles, scripts: probeScripts }
for (const probe of probes) console.log(run[probe]())
