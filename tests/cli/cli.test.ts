import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SearchEngine } from '../../src/index'
import { REPO_ROOT, SEEDS_DIR } from '../helpers/build-engine'
import { ensureBuilt } from '../helpers/ensure-built'

/** The published bin: tests run what users run. */
const CLI = join(REPO_ROOT, 'dist', 'cli.js')
const LANZHOU = '002_0188c63bbb91a742.txt'
const CHANGZHI = '000_bfff91adfef988c3.txt'

interface Run {
  code: number
  stdout: string
  stderr: string
}

function zhsearch(args: string[], cwd: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0
      resolve({ code, stdout, stderr })
    })
  })
}

/** Non-empty stderr lines: errors must be one line, without a stack trace. */
function stderrLines(run: Run): string[] {
  return run.stderr.split('\n').filter((line) => line.trim() !== '')
}

function expectNoStack(run: Run): void {
  expect(run.stderr).not.toMatch(/^\s+at /m)
}

let directory: string
let indexPath: string
let indexRun: Run

beforeAll(async () => {
  await ensureBuilt()
  directory = mkdtempSync(join(tmpdir(), 'zhsearch-cli-'))
  indexPath = join(directory, 'seeds.zhs')
  indexRun = await zhsearch(['index', SEEDS_DIR, '-o', indexPath], directory)
}, 120_000)

afterAll(() => rmSync(directory, { recursive: true, force: true }))

describe('zhsearch index', () => {
  it('indexes a directory of .txt files into a loadable index and prints a summary', async () => {
    expect(indexRun.code, indexRun.stderr).toBe(0)
    expect(indexRun.stdout).toMatch(/5 documents/)
    expect(existsSync(indexPath)).toBe(true)
    const engine = await SearchEngine.load(indexPath)
    expect(engine.size).toBe(5)
    expect(engine.has(LANZHOU)).toBe(true)
  })

  it('indexes a .jsonl corpus with --fields and --id-field', async () => {
    const corpus = join(directory, 'laws.jsonl')
    writeFileSync(
      corpus,
      [
        { key: 'law-1', name: '基本医疗卫生与健康促进法', text: '国家建立健全医疗保障体系。' },
        { key: 'law-2', name: '疫苗管理法', text: '国家实行免疫规划制度。' },
      ]
        .map((document) => JSON.stringify(document))
        .join('\n') + '\n',
    )
    const output = join(directory, 'laws.zhs')
    const run = await zhsearch(['index', corpus, '-o', output, '--fields', 'name,text', '--id-field', 'key'], directory)
    expect(run.code, run.stderr).toBe(0)
    const engine = await SearchEngine.load(output)
    expect(engine.search('免疫规划').hits.map((hit) => hit.id)).toEqual(['law-2'])
  })

  it('writes the same index with worker threads (--workers 2) as without (--workers 0)', async () => {
    // Enough text for several worker batches: each seed article's paragraphs, repeated.
    const corpus = join(directory, 'paragraphs.jsonl')
    const lines = (await SearchEngine.load(indexPath)).documents()
    const paragraphs = [...lines].flatMap((document) =>
      String(document.body).split('\n').filter(Boolean).map((paragraph, index) => JSON.stringify({ id: `${String(document.id)}#${index}`, body: paragraph.repeat(30) })),
    )
    writeFileSync(corpus, paragraphs.join('\n') + '\n')
    const single = join(directory, 'single.zhs')
    const parallel = join(directory, 'parallel.zhs')
    expect((await zhsearch(['index', corpus, '-o', single, '--workers', '0'], directory)).code).toBe(0)
    const run = await zhsearch(['index', corpus, '-o', parallel, '--workers', '2'], directory)
    expect(run.code, run.stderr).toBe(0)
    expect(readFileSync(parallel).equals(readFileSync(single))).toBe(true)
  })

  it('--filter-fields at indexing, --where at search: only documents with the value are listed', async () => {
    const corpus = join(directory, 'categorised.jsonl')
    writeFileSync(
      corpus,
      [
        { id: 'national', title: '医疗机构管理条例', body: '医疗机构执业登记。', category: '行政法规' },
        { id: 'beijing', title: '北京市医疗机构管理办法', body: '医疗机构执业登记。', category: '地方性法规' },
      ]
        .map((document) => JSON.stringify(document))
        .join('\n') + '\n',
    )
    const output = join(directory, 'categorised.zhs')
    expect((await zhsearch(['index', corpus, '-o', output, '--filter-fields', 'category'], directory)).code).toBe(0)
    const run = await zhsearch(['search', '医疗机构', '-i', output, '--where', 'category=地方性法规', '--json'], directory)
    expect(run.code, run.stderr).toBe(0)
    expect((JSON.parse(run.stdout) as { hits: { id: string }[] }).hits.map((hit) => hit.id)).toEqual(['beijing'])
    const unknown = await zhsearch(['search', '医疗机构', '-i', output, '--where', 'region=北京'], directory)
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toMatch(/INVALID_QUERY.*region/)
    const malformed = await zhsearch(['search', '医疗机构', '-i', output, '--where', 'category'], directory)
    expect(malformed.code).toBe(2)
  })

  it('--workers must be a whole number → exit 2 with the usage', async () => {
    const run = await zhsearch(['index', SEEDS_DIR, '-o', join(directory, 'w.zhs'), '--workers', 'many'], directory)
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/--workers/)
  })
})

describe.concurrent('zhsearch search', () => {
  it('--json prints {query,total,tookMs,hits:[{id,score,snippet}]}, at most -k hits', async () => {
    const run = await zhsearch(['search', '远程会诊', '-i', indexPath, '-k', '1', '--json'], directory)
    expect(run.code, run.stderr).toBe(0)
    const result = JSON.parse(run.stdout) as { query: string; total: number; tookMs: number; hits: { id: string; score: number; snippet: string }[] }
    expect(result).toMatchObject({ query: '远程会诊', total: expect.any(Number), tookMs: expect.any(Number) })
    expect(result.hits).toHaveLength(1)
    expect(result.total).toBeGreaterThan(1)
    for (const hit of result.hits) expect(hit).toMatchObject({ id: expect.any(String), score: expect.any(Number), snippet: expect.any(String) })
    expect(result.hits[0]!.id).toBe(LANZHOU)
    expect(result.hits[0]!.snippet).toContain('远程会诊')
  })

  it('batch mode: one output line {qid,hits:[{id,score}]} per query line, qids kept', async () => {
    const queries = join(directory, 'queries.jsonl')
    writeFileSync(queries, ['{"qid":"q1","query":"远程会诊"}', '{"qid":7,"query":"王旭琴"}', '', '{"qid":"empty","query":""}'].join('\n') + '\n')
    const run = await zhsearch(['search', '--queries', queries, '-i', indexPath, '-k', '100', '--json'], directory)
    expect(run.code, run.stderr).toBe(0)
    const lines = run.stdout.trim().split('\n').map((line) => JSON.parse(line) as { qid: unknown; hits: { id: string; score: number }[] })
    expect(lines.map((line) => line.qid)).toEqual(['q1', 7, 'empty'])
    expect(lines[0]!.hits[0]!.id).toBe(LANZHOU)
    expect(lines[1]!.hits[0]!.id).toBe(CHANGZHI)
    expect(lines[2]!.hits).toEqual([])
    for (const line of lines) {
      expect(Object.keys(line).sort()).toEqual(['hits', 'qid'])
      for (const hit of line.hits) expect(Object.keys(hit).sort()).toEqual(['id', 'score'])
      const scores = line.hits.map((hit) => hit.score)
      expect(scores).toEqual([...scores].sort((a, b) => b - a))
    }
  })

  it('without -i or -c searches the bundled seeds', async () => {
    const run = await zhsearch(['search', '孕产妇死亡率', '--json'], directory)
    expect(run.code, run.stderr).toBe(0)
    expect((JSON.parse(run.stdout) as { hits: { id: string }[] }).hits[0]!.id).toBe('003_06da37bd00a33546.txt')
  })
})

describe('zhsearch segment', () => {
  it('prints the coarse words with their sub-words', async () => {
    const run = await zhsearch(['segment', '长治市医疗卫生'], directory)
    expect(run.code, run.stderr).toBe(0)
    expect(run.stdout).toContain('长治市')
    expect(run.stdout).toContain('长治')
    expect(run.stdout).toContain('医疗卫生')
  })
})

describe.concurrent('exit codes and error messages', () => {
  it.each([
    ['an unknown command', ['bogus']],
    ['no command', []],
    ['index without -o', ['index', 'seeds']],
    ['index without input', ['index', '-o', 'x.zhs']],
    ['search without a query', ['search', '-i', 'x.zhs']],
    ['an unknown option', ['search', '医院', '--bogus-flag']],
    ['both -i and -c', ['search', '医院', '-i', 'x.zhs', '-c', 'seeds']],
  ])('%s → exit 2', async (_name, args) => {
    const run = await zhsearch(args, directory)
    expect(run.code).toBe(2)
    expectNoStack(run)
  })

  it.each([['abc'], ['-1'], ['2.5'], ['100000']])('-k %s → exit 2 naming -k', async (k) => {
    const run = await zhsearch(['search', '医院', '-i', indexPath, '-k', k], directory)
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('-k')
  })

  it('a missing index file → exit 1, one line naming the file, no stack trace', async () => {
    const run = await zhsearch(['search', '医院', '-i', 'no-such-index.zhs'], directory)
    expect(run.code).toBe(1)
    expect(stderrLines(run)).toHaveLength(1)
    expect(run.stderr).toContain('no-such-index.zhs')
    expectNoStack(run)
  })

  it('a truncated index → exit 1 with TRUNCATED_INDEX; --debug adds the stack trace', async () => {
    const truncated = join(directory, 'truncated.zhs')
    writeFileSync(truncated, readFileSync(indexPath).subarray(0, 1000))
    const run = await zhsearch(['search', '医院', '-i', truncated], directory)
    expect(run.code).toBe(1)
    expect(stderrLines(run)).toHaveLength(1)
    expect(run.stderr).toContain('TRUNCATED_INDEX')
    expectNoStack(run)
    const debug = await zhsearch(['search', '医院', '-i', truncated, '--debug'], directory)
    expect(debug.code).toBe(1)
    expect(debug.stderr).toMatch(/^\s+at /m)
  })

  it('a corrupt index → exit 1 with CORRUPT_INDEX', async () => {
    const corrupt = join(directory, 'corrupt.zhs')
    const bytes = new Uint8Array(readFileSync(indexPath))
    bytes[bytes.length - 10] = bytes[bytes.length - 10]! ^ 0xff
    writeFileSync(corrupt, bytes)
    const run = await zhsearch(['search', '医院', '-i', corrupt], directory)
    expect(run.code).toBe(1)
    expect(stderrLines(run)).toHaveLength(1)
    expect(run.stderr).toContain('CORRUPT_INDEX')
  })

  it('a malformed .jsonl corpus → exit 1 naming the file and line', async () => {
    const corpus = join(directory, 'broken.jsonl')
    writeFileSync(corpus, '{"id":"a","body":"医院"}\n{not json\n')
    const run = await zhsearch(['index', corpus, '-o', join(directory, 'broken.zhs')], directory)
    expect(run.code).toBe(1)
    expect(stderrLines(run)).toHaveLength(1)
    expect(run.stderr).toContain('broken.jsonl:2')
    expectNoStack(run)
  })

  it('a document without an id → exit 1 with INVALID_DOCUMENT', async () => {
    const corpus = join(directory, 'no-id.jsonl')
    writeFileSync(corpus, '{"body":"医院"}\n')
    const run = await zhsearch(['index', corpus, '-o', join(directory, 'no-id.zhs')], directory)
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('INVALID_DOCUMENT')
    expectNoStack(run)
  })

  it('a missing corpus path → exit 1', async () => {
    const run = await zhsearch(['index', join(directory, 'nowhere'), '-o', join(directory, 'n.zhs')], directory)
    expect(run.code).toBe(1)
    expect(stderrLines(run)).toHaveLength(1)
  })
})
