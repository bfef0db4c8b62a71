/**
 * Query measurements: relevance over judged query sets (top 100 per query) and latency over the
 * query mix (top 10, one warm-up round, then the median time of each query over `rounds` rounds).
 */
import type { JudgedQuery } from '../data/judgments'
import type { LatencyKind, LatencyQuery } from '../data/latency-queries'
import type { BenchEngine } from '../engines/bench-engine'
import {
  type LatencySummary,
  type QueryScores,
  PAGE_DEPTH,
  RECALL_DEPTH,
  meanScores,
  median,
  scoreQuery,
  summarizeLatency,
} from '../metrics/index'

export interface RelevanceReport {
  readonly queries: number
  readonly overall: QueryScores
  readonly byType: Readonly<Record<string, QueryScores & { queries: number }>>
  /** Each query's scores and top 10, for looking into failures (empty when not asked for: generated sets are large and reproducible). */
  readonly perQuery: readonly { qid: string; query: string; type: string; scores: QueryScores; top: readonly string[] }[]
}

/** Runs every judged query at depth 100 and averages the scores, overall and per query type. */
export async function measureRelevance(
  engine: BenchEngine,
  queries: readonly JudgedQuery[],
  options: { keepPerQuery?: boolean } = {},
): Promise<RelevanceReport> {
  const perQuery: { qid: string; query: string; type: string; scores: QueryScores; top: string[] }[] = []
  for (const q of queries) {
    const ranked = await engine.search(q.query, RECALL_DEPTH)
    perQuery.push({ qid: q.qid, query: q.query, type: q.type, scores: scoreQuery(ranked, q.qrels), top: ranked.slice(0, PAGE_DEPTH) })
  }
  const types = [...new Set(perQuery.map((q) => q.type))].sort()
  const byType = Object.fromEntries(
    types.map((type) => {
      const group = perQuery.filter((q) => q.type === type)
      return [type, { ...meanScores(group.map((q) => q.scores)), queries: group.length }]
    }),
  )
  return {
    queries: queries.length,
    overall: meanScores(perQuery.map((q) => q.scores)),
    byType,
    perQuery: options.keepPerQuery === false ? [] : perQuery,
  }
}

export interface LatencyReport {
  readonly all: LatencySummary
  readonly byKind: Readonly<Partial<Record<LatencyKind, LatencySummary>>>
  /** Kinds the engine could not run (filtered queries without native filtering). */
  readonly skipped: readonly LatencyKind[]
  /** The same mix with each hit's snippet read, for engines that build snippets (`searchPage`). */
  readonly page?: LatencySummary
  /** Completions of the queries' first one to three characters, for engines that suggest. */
  readonly suggest?: LatencySummary
}

/** Prefixes timed for suggestions: as typed, one to three characters, each once. */
const SUGGEST_PREFIX_LENGTHS = [1, 2, 3]
const SUGGEST_PREFIXES = 300
const SUGGESTIONS = 8

function typedPrefixes(queries: readonly LatencyQuery[]): LatencyQuery[] {
  const prefixes = new Set<string>()
  for (const q of queries) for (const length of SUGGEST_PREFIX_LENGTHS) if (q.text.length >= length) prefixes.add([...q.text].slice(0, length).join(''))
  return [...prefixes].slice(0, SUGGEST_PREFIXES).map((text) => ({ kind: 'single', text }))
}

/** Per-query medians over `rounds` timed rounds after one warm-up round. */
async function medianTimes(queries: readonly LatencyQuery[], rounds: number, run: (q: LatencyQuery) => unknown): Promise<number[]> {
  const times: number[][] = queries.map(() => [])
  for (let round = 0; round <= rounds; round++) {
    for (let i = 0; i < queries.length; i++) {
      const start = performance.now()
      const result = run(queries[i] as LatencyQuery)
      // Awaiting a plain array would add a microtask to every synchronous engine's time.
      if (result instanceof Promise) await result
      const elapsed = performance.now() - start
      if (round > 0) (times[i] as number[]).push(elapsed)
    }
  }
  return times.map((samples) => median(samples))
}

/** Times each query of the mix at depth 10; `rounds` timed rounds after one warm-up round. */
export async function measureLatency(engine: BenchEngine, queries: readonly LatencyQuery[], rounds: number): Promise<LatencyReport> {
  const runnable = queries.filter((q) => q.kind !== 'filtered' || engine.searchInCategory)
  const medians = await medianTimes(runnable, rounds, (q) =>
    q.kind === 'filtered' && engine.searchInCategory && q.category !== undefined
      ? engine.searchInCategory(q.text, PAGE_DEPTH, q.category)
      : engine.search(q.text, PAGE_DEPTH),
  )
  const kinds = [...new Set(runnable.map((q) => q.kind))]
  const byKind = Object.fromEntries(kinds.map((kind) => [kind, summarizeLatency(medians.filter((_, i) => runnable[i]?.kind === kind))]))
  const skipped = [...new Set(queries.filter((q) => !runnable.includes(q)).map((q) => q.kind))]
  const searchPage = engine.searchPage?.bind(engine)
  const unfiltered = queries.filter((q) => q.kind !== 'filtered')
  const page = searchPage && summarizeLatency(await medianTimes(unfiltered, rounds, (q) => searchPage(q.text, PAGE_DEPTH)))
  const suggest = engine.suggest?.bind(engine)
  const suggestions = suggest && summarizeLatency(await medianTimes(typedPrefixes(unfiltered), rounds, (q) => suggest(q.text, SUGGESTIONS)))
  return { all: summarizeLatency(medians), byKind, skipped, ...(page ? { page } : {}), ...(suggestions ? { suggest: suggestions } : {}) }
}
