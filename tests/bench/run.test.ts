import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { RunSummary } from '../../bench/report/markdown'

const root = join(import.meta.dirname, '..', '..')

describe('bench/run.ts', () => {
  it('measures an engine in a child process and writes raw JSON plus the Markdown table it prints', () => {
    const out = mkdtempSync(join(tmpdir(), 'zhsearch-bench-run-'))
    const child = spawnSync(process.execPath, ['--import', 'tsx', 'bench/run.ts', '--engines', 'jieba-bm25', '--runs', '1', '--out', out], {
      cwd: root,
      encoding: 'utf8',
    })
    expect(child.status, child.stderr).toBe(0)
    const files = readdirSync(out).sort()
    expect(files).toHaveLength(2)
    const summary = JSON.parse(readFileSync(join(out, files.find((f) => f.endsWith('.json'))!), 'utf8')) as RunSummary
    expect(summary.mode).toBe('quick')
    const seeds = summary.engines['jieba-bm25']?.['seeds']
    expect(seeds?.kind).toBe('engine')
    if (seeds?.kind !== 'engine') return
    expect(seeds.result.build.MBps).toBeGreaterThan(0)
    expect(seeds.result.build.heapBytes).toBeGreaterThan(0)
    expect(seeds.result.persistence?.loadAgrees).toBe(true)
    expect(seeds.result.latency.all.count).toBeGreaterThan(50)
    expect(child.stdout).toContain('| jieba-bm25 |')
    expect(summary.engines['nodejieba-cut']?.['seeds']?.kind).toBe('segmentation')
  })
})
