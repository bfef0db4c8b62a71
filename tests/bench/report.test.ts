import { describe, expect, it } from 'vitest'
import type { EngineDatasetResult } from '../../bench/job'
import { type RunSummary, mergeInto, renderMarkdown } from '../../bench/report/markdown'

const latency = { count: 1, p50: 0.5, p95: 0.9, p99: 1, max: 1 }
const scores = { ndcg10: 0.75, mrr10: 0.8, recall10: 0.9, recall100: 1 }

function engineResult(MBps: number): { kind: 'engine'; result: EngineDatasetResult } {
  return {
    kind: 'engine',
    result: {
      build: { buildMs: [1000], medianBuildMs: 1000, heapBytes: 500, MBps, docsPerSecond: 2, heapRatio: 0.5 },
      persistence: { bytes: 250, serializeMs: 1, loadMs: [3], medianLoadMs: 3, loadAgrees: false, ratio: 0.25 },
      latency: { all: latency, byKind: { multi: latency }, skipped: [] },
      relevance: { 'known-item': { queries: 1, overall: scores, byType: {}, perQuery: [] } },
    },
  }
}

function summary(engines: RunSummary['engines'], docs = 2): RunSummary {
  return {
    date: '2026-01-01',
    machine: { cpus: 2, cpuModel: 'test cpu', node: 'v20', platform: 'linux' },
    mode: 'full',
    runs: 3,
    datasets: [{ name: 'laws', source: 'laws.jsonl', docs, textBytes: 1000, querySets: [{ name: 'known-item', queries: 1 }], latencyQueries: 1 }],
    engines,
    loadAverages: { a: [3.5, 1] },
  }
}

const segmentation = { kind: 'segmentation' as const, result: { dictionaryLoadMs: 1, cutMBps: 2, cutHmmMBps: 1, cutForSearchMBps: 1, tokens: 1 } }

describe('renderMarkdown', () => {
  it('prints one row per engine with ratios to raw jieba, MRR for known items, and flags a load that answers differently', () => {
    const text = renderMarkdown(summary({ cut: { laws: segmentation }, a: { laws: engineResult(1) } }), 'cut')
    expect(text).toContain('| a | 1.00 | 0.50 | 2 | 0.50 | 0.25 | 3.0 (differs!) | 0.500 / 1.000 | 0.500 / 0.900 / 1.000 | 0.800 / 1.000 |')
    expect(text).toContain('known-item MRR@10 / R@100')
    expect(text).toContain('load average reached 3.5 on 2 cores')
    expect(text).not.toContain('| cut |')
  })

  it('shows a failed engine instead of dropping it', () => {
    const text = renderMarkdown(summary({ a: { laws: { kind: 'error', error: 'out of memory\nstack' } } }), 'cut')
    expect(text).toContain('| a | failed: out of memory |')
  })
})

describe('mergeInto', () => {
  it('replaces re-measured engines and keeps the others', () => {
    const merged = mergeInto(summary({ a: { laws: engineResult(1) }, b: { laws: engineResult(2) } }), summary({ a: { laws: engineResult(3) } }))
    const a = merged.engines.a?.laws
    expect(a?.kind === 'engine' && a.result.build.MBps).toBe(3)
    expect(Object.keys(merged.engines).sort()).toEqual(['a', 'b'])
  })

  it('refuses to mix results of different corpora', () => {
    expect(() => mergeInto(summary({}, 2), summary({}, 3))).toThrow(/different datasets/)
  })
})
