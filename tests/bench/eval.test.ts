import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '..', '..')
const folder = mkdtempSync(join(tmpdir(), 'zhsearch-eval-test-'))
const corpus = join(folder, 'corpus.jsonl')
const queries = join(folder, 'queries.jsonl')
const baseline = join(folder, 'baseline.json')
writeFileSync(
  corpus,
  [
    { id: 'a', title: '中华人民共和国献血法', body: '国家实行无偿献血制度。' },
    { id: 'b', title: '上海市口岸服务条例', body: '为了规范口岸开放，提高口岸通关效率。' },
    { id: 'c', title: '山西省医疗纠纷预防和处理条例', body: '医疗机构应当预防医疗纠纷。' },
  ]
    .map((d) => JSON.stringify(d))
    .join('\n'),
)
writeFileSync(
  queries,
  [
    { qid: 'Q1', query: '无偿 制度', type: 'keyword', qrels: { a: 2 } },
    { qid: 'Q2', query: '口岸通关', type: 'keyword', qrels: { b: 2 } },
    { qid: 'Q3', query: '看病吵架了怎么办', type: 'question', qrels: { c: 1 } },
  ]
    .map((q) => JSON.stringify(q))
    .join('\n'),
)

function evaluate(...extra: string[]): { status: number | null; stdout: string; stderr: string } {
  const args = ['--import', 'tsx', 'bench/eval.ts', '--corpus', corpus, '--queries', queries, '--engine', 'jieba-bm25', '--baseline', baseline, ...extra]
  return spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' })
}

describe('bench/eval.ts', () => {
  it('reports the four scores overall and per query type', () => {
    const run = evaluate()
    expect(run.status, run.stderr).toBe(0)
    expect(run.stdout).toContain('| queries | n | nDCG@10 | MRR@10 | Recall@10 | Recall@100 |')
    expect(run.stdout).toMatch(/\| keyword \| 2 \| 1\.0000 \| 1\.0000 \| 1\.0000 \| 1\.0000 \|/)
    expect(run.stdout).toMatch(/\| question \| 1 \|/)
  })

  it('records a baseline, passes the check against it, and fails once a score is above what the engine reaches', () => {
    expect(evaluate('--write-baseline').status).toBe(0)
    const recorded = JSON.parse(readFileSync(baseline, 'utf8')) as Record<string, { overall: { ndcg10: number } }>
    expect(Object.keys(recorded)).toEqual(['queries@jieba-bm25'])
    expect(evaluate('--check').status).toBe(0)

    recorded['queries@jieba-bm25']!.overall.ndcg10 += 0.01
    writeFileSync(baseline, JSON.stringify(recorded))
    const failing = evaluate('--check')
    expect(failing.status).toBe(1)
    expect(failing.stderr).toContain('ndcg10')
  })
})
