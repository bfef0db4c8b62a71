/**
 * Relevance evaluation: nDCG@10, MRR@10, Recall@10 and Recall@100, overall and per query type, for
 * graded judgments in the format of ../shared/eval/seeds-queries.dev.jsonl ({qid, query, type, qrels}).
 * Usage: {@link USAGE}.
 *
 * Without ../shared (a clean clone) the default dev sets are missing: eval says so and exits 0.
 */
import { basename, join } from 'node:path'
import nodejieba from 'nodejieba'
import { existingFile, failUsage, positiveIntegerOption, readCommandLine } from './command-line'
import { type Baseline, baselineEntry, findRegressions, readBaseline, writeBaseline } from './baseline'
import { type BenchDoc, loadCorpus } from './data/corpus'
import { type JudgedQuery, loadJudgments } from './data/judgments'
import { generateKnownItems } from './data/known-items'
import { LAWS_QUESTIONS_CHECK, PACKAGE_ROOT, SHARED_FILES, ifExists } from './data/locations'
import { traditionalTwins } from './data/traditional-queries'
import type { BenchEngine } from './engines/bench-engine'
import { createEngine } from './engines/registry'
import { type RelevanceReport, measureRelevance } from './measure/measure-queries'
import type { QueryScores } from './metrics/index'

interface EvalSet {
  readonly name: string
  readonly corpus: string
  readonly queries: readonly JudgedQuery[]
  /** Also generate this many known-item queries from the corpus's titles (see data/known-items.ts). */
  readonly knownItems?: number
}

/** As many known-item queries as the benchmark uses, so eval and bench report the same set. */
const DEFAULT_KNOWN_ITEMS = 400

const USAGE = `usage:
  npx tsx bench/eval.ts                                        the dev sets (seeds, seeds in traditional script, laws questions, the laws check questions, laws known items)
  npx tsx bench/eval.ts --corpus <jsonl|jsonl.gz|dir> --queries <jsonl> [--engine zhsearch] [--known-items n]
  npx tsx bench/eval.ts --check [--baseline bench/baseline.json]   exit 1 if an overall score fell below the baseline
                                                                   (--strict: also a query type's nDCG@10; --tolerance x allows drops up to x)
  npx tsx bench/eval.ts --write-baseline                            record the current scores
  --per-query lists every query's nDCG@10 and top 3.`

const { values } = readCommandLine(USAGE, {
  options: {
    corpus: { type: 'string' },
    queries: { type: 'string' },
    engine: { type: 'string', default: 'zhsearch' },
    baseline: { type: 'string', default: join(PACKAGE_ROOT, 'bench', 'baseline.json') },
    check: { type: 'boolean', default: false },
    'write-baseline': { type: 'boolean', default: false },
    strict: { type: 'boolean', default: false },
    tolerance: { type: 'string', default: '0' },
    'per-query': { type: 'boolean', default: false },
    'known-items': { type: 'string' },
  },
})

/** The dev sets evaluated when no --corpus/--queries is given, where ../shared has them. */
function defaultSets(): EvalSet[] {
  const sets: EvalSet[] = []
  const paragraphs = ifExists(SHARED_FILES.seedParagraphs)
  const seedQueries = ifExists(SHARED_FILES.seedQueries)
  if (paragraphs && seedQueries) {
    const judged = loadJudgments(seedQueries)
    sets.push({ name: 'seeds-queries.dev', corpus: paragraphs, queries: judged })
    sets.push({ name: 'seeds-queries.dev-traditional', corpus: paragraphs, queries: traditionalTwins(judged) })
  }
  const laws = ifExists(SHARED_FILES.lawsCorpus)
  const lawsQuestions = ifExists(SHARED_FILES.lawsQuestions)
  if (laws && lawsQuestions) sets.push({ name: 'laws-questions.dev', corpus: laws, queries: loadJudgments(lawsQuestions) })
  if (laws) sets.push({ name: 'laws-questions.check', corpus: laws, queries: loadJudgments(LAWS_QUESTIONS_CHECK) })
  if (laws) sets.push({ name: 'laws-known-item', corpus: laws, queries: [], knownItems: DEFAULT_KNOWN_ITEMS })
  return sets
}

function requestedSets(): EvalSet[] {
  if (!values.corpus && !values.queries) return defaultSets()
  if (!values.corpus || !values.queries) failUsage(USAGE, 'give both --corpus and --queries (or neither, for the dev sets)')
  existingFile(USAGE, values.corpus, 'corpus')
  existingFile(USAGE, values.queries, 'queries')
  const knownItems = values['known-items'] === undefined ? undefined : positiveIntegerOption(USAGE, values['known-items'], 0, 'known-items')
  const sets: EvalSet[] = [{ name: basename(values.queries).replace(/\.jsonl$/, ''), corpus: values.corpus, queries: loadJudgments(values.queries) }]
  if (knownItems) sets.push({ name: `${basename(values.corpus).replace(/\.jsonl(\.gz)?$/, '')}-known-item`, corpus: values.corpus, queries: [], knownItems })
  return sets
}

const percent = (value: number): string => value.toFixed(4)

function scoreRow(label: string, count: number, s: QueryScores): string {
  return `| ${label} | ${count} | ${percent(s.ndcg10)} | ${percent(s.mrr10)} | ${percent(s.recall10)} | ${percent(s.recall100)} |`
}

function renderReport(key: string, report: RelevanceReport): string {
  const lines = [`## ${key}`, '', '| queries | n | nDCG@10 | MRR@10 | Recall@10 | Recall@100 |', '|---|---|---|---|---|---|']
  lines.push(scoreRow('**all**', report.queries, report.overall))
  for (const [type, scores] of Object.entries(report.byType)) lines.push(scoreRow(type, scores.queries, scores))
  if (values['per-query']) {
    lines.push('', '| qid | type | query | nDCG@10 | top 3 |', '|---|---|---|---|---|')
    for (const q of report.perQuery) lines.push(`| ${q.qid} | ${q.type} | ${q.query} | ${percent(q.scores.ndcg10)} | ${q.top.slice(0, 3).join(' ')} |`)
  }
  return lines.join('\n')
}

async function main(): Promise<number> {
  const sets = requestedSets()
  if (sets.length === 0) {
    process.stdout.write(`eval: no judged dev sets found under ${join(PACKAGE_ROOT, '..', 'shared')}; nothing to evaluate.\n`)
    return 0
  }
  const engineName = values.engine ?? 'zhsearch'
  // Each corpus is read once, for its known items and for its index.
  const corpora = new Map<string, BenchDoc[]>()
  const corpusAt = (path: string) => corpora.get(path) ?? corpora.set(path, loadCorpus(path)).get(path)!
  // Known items are generated before any engine runs: zhsearch adds its dictionary to the process's jieba,
  // which would cut the titles differently from the benchmark's generation (a separate process).
  const knownItems = new Map(
    sets.flatMap((set) => (set.knownItems ? [[set.name, generateKnownItems(corpusAt(set.corpus), { count: set.knownItems, words: (t) => nodejieba.cut(t) })] as const] : [])),
  )
  const reports = new Map<string, RelevanceReport>()
  let current: { corpus: string; engine: BenchEngine } | undefined
  for (const set of sets) {
    // Sets over the same corpus are adjacent: build each corpus's index once.
    if (current?.corpus !== set.corpus) {
      current = undefined
      const engine = await createEngine(engineName)
      await engine.build(corpusAt(set.corpus))
      current = { corpus: set.corpus, engine }
    }
    const queries = knownItems.get(set.name) ?? set.queries
    const key = `${set.name}@${engineName}`
    const report = await measureRelevance(current.engine, queries)
    reports.set(key, report)
    process.stdout.write(`${renderReport(key, report)}\n\n`)
  }

  const baselinePath = values.baseline as string
  if (values['write-baseline']) {
    const existing: Baseline = ifExists(baselinePath) ? readBaseline(baselinePath) : {}
    const updated: Record<string, Baseline[string]> = { ...existing }
    for (const [key, report] of reports) updated[key] = baselineEntry(report)
    writeBaseline(baselinePath, updated)
    process.stdout.write(`eval: baseline written to ${baselinePath}\n`)
  }
  if (values.check) {
    if (!ifExists(baselinePath)) throw new Error(`eval: no baseline at ${baselinePath}; record one with --write-baseline`)
    const baseline = readBaseline(baselinePath)
    const tolerance = Number(values.tolerance)
    if (!(tolerance >= 0)) failUsage(USAGE, `--tolerance must be a number of at least 0, got "${values.tolerance}"`)
    const problems: string[] = []
    const warnings: string[] = []
    for (const [key, report] of reports) {
      const recorded = baseline[key]
      if (!recorded) {
        process.stdout.write(`eval: no baseline for ${key}; not checked\n`)
        continue
      }
      const found = findRegressions(key, recorded, report, tolerance)
      problems.push(...found.overall, ...(values.strict ? found.byType : []))
      if (!values.strict) warnings.push(...found.byType)
    }
    if (warnings.length > 0) process.stdout.write(`eval: query types below the baseline (not gating without --strict):\n  ${warnings.join('\n  ')}\n`)
    if (problems.length > 0) {
      process.stderr.write(`eval: relevance fell below the baseline:\n  ${problems.join('\n  ')}\n`)
      return 1
    }
    process.stdout.write('eval: no score below the baseline\n')
  }
  return 0
}

process.exitCode = await main()
