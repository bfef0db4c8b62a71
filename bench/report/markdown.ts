/** The human-readable side of a bench run: one Markdown table per dataset, from the raw results. */
import { KNOWN_ITEM_SET } from '../data/known-items'
import type { DatasetResult, EngineDatasetResult } from '../job'
import type { SegmentationMeasurement } from '../measure/measure-segmentation'

export interface RunSummary {
  readonly date: string
  readonly machine: { readonly cpus: number; readonly cpuModel: string; readonly node: string; readonly platform: string }
  readonly mode: string
  readonly runs: number
  readonly datasets: readonly { name: string; source: string; docs: number; textBytes: number; querySets: readonly { name: string; queries: number }[]; latencyQueries: number }[]
  readonly engines: Readonly<Record<string, Readonly<Record<string, DatasetResult>>>>
  /** Per engine, the 1-minute load average at the start and end of its child process. */
  readonly loadAverages?: Readonly<Record<string, readonly [number, number]>>
}

const fixed = (value: number | null | undefined, digits: number): string =>
  value === null || value === undefined || !Number.isFinite(value) ? '–' : value.toFixed(digits)

/** Known-item sets have one relevant document, so MRR@10 says more than nDCG@10 there. */
function headlineMetric(set: string): 'mrr10' | 'ndcg10' {
  return set === KNOWN_ITEM_SET ? 'mrr10' : 'ndcg10'
}

export function renderMarkdown(summary: RunSummary, segmentationEngine: string): string {
  const lines: string[] = []
  lines.push(`# zhsearch benchmark — ${summary.date}`, '')
  lines.push(
    `Machine: ${summary.machine.cpus} × ${summary.machine.cpuModel}, Node ${summary.machine.node} (${summary.machine.platform}). ` +
      `Mode: ${summary.mode}; medians of ${summary.runs} runs; one child process per engine.`,
    '',
  )
  const busiest = Math.max(0, ...Object.values(summary.loadAverages ?? {}).flat())
  if (busiest > summary.machine.cpus) {
    lines.push(`Note: the 1-minute load average reached ${busiest.toFixed(1)} on ${summary.machine.cpus} cores during the run; timings are inflated by other work.`, '')
  }
  for (const dataset of summary.datasets) {
    const segmentation = summary.engines[segmentationEngine]?.[dataset.name]
    const cut = segmentation?.kind === 'segmentation' ? segmentation.result : undefined
    lines.push(`## ${dataset.name} (${dataset.docs} docs, ${fixed(dataset.textBytes / 1e6, 2)} MB of title+body; ${dataset.source})`, '')
    if (cut) {
      lines.push(
        `Raw segmentation, single thread, dictionary load (${fixed(cut.dictionaryLoadMs, 0)} ms) excluded: ` +
          `nodejieba.cut ${fixed(cut.cutMBps, 2)} MB/s, cut(HMM) ${fixed(cut.cutHmmMBps, 2)} MB/s, cutForSearch ${fixed(cut.cutForSearchMBps, 2)} MB/s.`,
        '',
      )
    }
    const sets = dataset.querySets.map((s) => s.name)
    const setHeaders = sets.map((s) => `${s} ${headlineMetric(s) === 'mrr10' ? 'MRR@10' : 'nDCG@10'} / R@100`)
    lines.push(
      `| engine | build MB/s | ×cut | docs/s | heap ×text | saved ×text | load ms | known-item p50 / p99 ms | all p50 / p95 / p99 ms | ${setHeaders.join(' | ')} |`,
      `|---|${'---|'.repeat(8 + sets.length)}`,
    )
    for (const [engine, results] of Object.entries(summary.engines)) {
      if (engine === segmentationEngine) continue
      const entry = results[dataset.name]
      if (!entry) continue
      if (entry.kind !== 'engine') {
        lines.push(`| ${engine} | failed: ${entry.kind === 'error' ? entry.error.split('\n')[0] : entry.kind} |`)
        continue
      }
      lines.push(engineRow(engine, entry.result, sets, cut))
    }
    lines.push('', ...latencyTable(summary, dataset.name, segmentationEngine))
    lines.push('', `Query sets: ${dataset.querySets.map((s) => `${s.name} (${s.queries})`).join(', ') || 'none (no judgments found)'}; latency over ${dataset.latencyQueries} queries, top 10.`, '')
  }
  return lines.join('\n')
}

function engineRow(engine: string, r: EngineDatasetResult, sets: readonly string[], cut: SegmentationMeasurement | undefined): string {
  const multi = r.latency.byKind.multi
  const cells = [
    engine,
    fixed(r.build.MBps, 2),
    cut ? fixed(r.build.MBps / cut.cutMBps, 2) : '–',
    fixed(r.build.docsPerSecond, 0),
    fixed(r.build.heapRatio, 2),
    fixed(r.persistence?.ratio, 2),
    r.persistence ? `${fixed(r.persistence.medianLoadMs, 1)}${r.persistence.loadAgrees ? '' : ' (differs!)'}` : '–',
    multi ? `${fixed(multi.p50, 3)} / ${fixed(multi.p99, 3)}` : '–',
    `${fixed(r.latency.all.p50, 3)} / ${fixed(r.latency.all.p95, 3)} / ${fixed(r.latency.all.p99, 3)}`,
    ...sets.map((set) => {
      const rel = r.relevance[set]
      return rel ? `${fixed(rel.overall[headlineMetric(set)], 3)} / ${fixed(rel.overall.recall100, 3)}` : '–'
    }),
  ]
  return `| ${cells.join(' | ')} |`
}

/**
 * `update`'s engines added to (or replacing those in) `base`, which must describe the same datasets:
 * re-measuring one engine must not silently mix numbers from different corpora.
 */
export function mergeInto(base: RunSummary, update: RunSummary): RunSummary {
  const shape = (s: RunSummary): string => s.datasets.map((d) => `${d.name}:${d.docs}:${d.textBytes}`).join(',')
  if (shape(base) !== shape(update)) throw new Error(`bench: cannot merge results of different datasets (${shape(base)} vs ${shape(update)})`)
  return {
    ...update,
    engines: { ...base.engines, ...update.engines },
    loadAverages: { ...base.loadAverages, ...update.loadAverages },
  }
}

const LATENCY_KINDS = ['single', 'multi', 'nospace', 'phrase', 'long', 'question', 'filtered'] as const

/** p50 / p99 ms per kind of query, one row per engine; kinds an engine cannot run show as –. */
function latencyTable(summary: RunSummary, dataset: string, segmentationEngine: string): string[] {
  const rows: string[] = []
  for (const [engine, results] of Object.entries(summary.engines)) {
    const entry = results[dataset]
    if (engine === segmentationEngine || entry?.kind !== 'engine') continue
    const byKind = entry.result.latency.byKind
    rows.push(`| ${engine} | ${LATENCY_KINDS.map((kind) => { const s = byKind[kind]; return s ? `${fixed(s.p50, 3)} / ${fixed(s.p99, 3)}` : '–' }).join(' | ')} |`)
  }
  if (rows.length === 0) return []
  const pages = Object.entries(summary.engines).flatMap(([engine, results]) => {
    const entry = results[dataset]
    const page = entry?.kind === 'engine' ? entry.result.latency.page : undefined
    return page ? [`${engine} ${fixed(page.p50, 3)} / ${fixed(page.p99, 3)}`] : []
  })
  const suggestions = Object.entries(summary.engines).flatMap(([engine, results]) => {
    const entry = results[dataset]
    const suggest = entry?.kind === 'engine' ? entry.result.latency.suggest : undefined
    return suggest ? [`${engine} ${fixed(suggest.p50, 3)} / ${fixed(suggest.p99, 3)}`] : []
  })
  const suggestNote = suggestions.length > 0 ? ['', `Suggestions (8 completions of the queries' first 1–3 characters, as typed), p50 / p99 ms: ${suggestions.join('; ')}.`] : []
  const pageNote = pages.length > 0 ? ['', `With every hit's snippet read as well (the other columns time the ranked ids, all peers return), p50 / p99 ms over the unfiltered queries: ${pages.join('; ')}.`] : []
  return [`| latency p50 / p99 ms | ${LATENCY_KINDS.join(' | ')} |`, `|---|${'---|'.repeat(LATENCY_KINDS.length)}`, ...rows, ...pageNote, ...suggestNote]
}
