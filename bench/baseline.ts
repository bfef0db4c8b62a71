/**
 * The recorded relevance baseline CI gates on. Scores are deterministic (same corpus, same queries,
 * same code → same numbers), so any drop is a real regression; timing is never gated.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import type { RelevanceReport } from './measure/measure-queries'
import type { QueryScores } from './metrics/index'

/** Scores per evaluation key (`<query set>@<engine>`): overall, and nDCG@10 per query type. */
export interface Baseline {
  readonly [key: string]: { readonly overall: QueryScores; readonly ndcg10ByType: Readonly<Record<string, number>> }
}

/** Scores are stored rounded to this many decimals: enough to see any real change, short enough to diff. */
const STORED_DECIMALS = 6
/** Drops smaller than the stored rounding (or float noise from summation order) are not regressions. */
const FLOAT_TOLERANCE = 10 ** -STORED_DECIMALS

export function baselineEntry(report: RelevanceReport): Baseline[string] {
  return {
    overall: report.overall,
    ndcg10ByType: Object.fromEntries(Object.entries(report.byType).map(([type, scores]) => [type, scores.ndcg10])),
  }
}

export function readBaseline(path: string): Baseline {
  return JSON.parse(readFileSync(path, 'utf8')) as Baseline
}

/** Writes entries sorted by key, numbers rounded to {@link STORED_DECIMALS} places, so diffs of the file stay readable. */
export function writeBaseline(path: string, baseline: Baseline): void {
  const sorted = Object.fromEntries(Object.keys(baseline).sort().map((key) => [key, baseline[key]]))
  writeFileSync(path, `${JSON.stringify(sorted, (_, v: unknown) => (typeof v === 'number' ? Number(v.toFixed(STORED_DECIMALS)) : v), 2)}\n`)
}

/** Drops found by {@link findRegressions}: `overall` ones fail the check; `byType` ones fail it only in strict mode. */
export interface Regressions {
  readonly overall: string[]
  readonly byType: string[]
}

/**
 * Every score of `current` that fell below `recorded`, as readable lines. Per-type scores rest on 1–4
 * queries each in the dev sets, so one reordered query moves them: they are reported separately, and
 * the caller decides whether they gate.
 */
export function findRegressions(key: string, recorded: Baseline[string], current: RelevanceReport, tolerance = 0): Regressions {
  const found: Regressions = { overall: [], byType: [] }
  const allowed = tolerance + FLOAT_TOLERANCE
  for (const metric of ['ndcg10', 'mrr10', 'recall10', 'recall100'] as const) {
    const before = recorded.overall[metric]
    const now = current.overall[metric]
    if (now < before - allowed) found.overall.push(`${key}: ${metric} ${now.toFixed(4)} < baseline ${before.toFixed(4)}`)
  }
  for (const [type, before] of Object.entries(recorded.ndcg10ByType)) {
    const now = current.byType[type]?.ndcg10 ?? 0
    if (now < before - allowed) found.byType.push(`${key}: nDCG@10 of "${type}" queries ${now.toFixed(4)} < baseline ${before.toFixed(4)}`)
  }
  return found
}
