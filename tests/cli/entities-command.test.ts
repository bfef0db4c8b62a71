import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { REPO_ROOT } from '../helpers/build-engine'
import { ensureBuilt } from '../helpers/ensure-built'

const CLI = join(REPO_ROOT, 'dist', 'cli.js')

function zhsearch(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { encoding: 'utf8' }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr })
    })
  })
}

describe('zhsearch entities', () => {
  let directory: string
  beforeAll(async () => {
    await ensureBuilt()
    directory = mkdtempSync(join(tmpdir(), 'zhsearch-entities-'))
  })
  afterAll(() => rmSync(directory, { recursive: true, force: true }))

  it('tags a text given on the command line, as JSON in the contract shape', async () => {
    const run = await zhsearch(['entities', '介休市孕产妇死亡率为5.37/10万，持续开展“千名医师下基层”行动', '--json'])
    expect(run.code).toBe(0)
    const { entities } = JSON.parse(run.stdout) as { entities: Record<string, unknown>[] }
    expect(entities).toContainEqual(expect.objectContaining({ type: 'city', text: '介休市', code: '140781', level: 'county', start: 0, end: 3 }))
    expect(entities).toContainEqual(expect.objectContaining({ type: 'figure', text: '5.37/10万', unit: '/10万' }))
    expect(entities).toContainEqual(expect.objectContaining({ type: 'program', text: '千名医师下基层' }))
  })

  it('reads {"id","body"} lines and writes one {"id","entities"} line each; another field with --field', async () => {
    const input = join(directory, 'in.jsonl')
    writeFileSync(input, [JSON.stringify({ id: 'a', body: '淄博市投入43.66亿元' }), '', JSON.stringify({ id: 'b', body: '没有实体的句子' })].join('\n'))
    const run = await zhsearch(['entities', '--input', input, '--json'])
    expect(run.code).toBe(0)
    const lines = run.stdout.trim().split('\n').map((line) => JSON.parse(line) as { id: string; entities: { type: string; value?: number }[] })
    expect(lines.map((line) => line.id)).toEqual(['a', 'b'])
    expect(lines[0]!.entities).toContainEqual(expect.objectContaining({ type: 'figure', value: 4366000000, unit: '元' }))
    expect(lines[1]!.entities).toEqual([])
    const other = join(directory, 'other.jsonl')
    writeFileSync(other, JSON.stringify({ id: 'c', text: '长治市' }) + '\n')
    const byField = await zhsearch(['entities', '--input', other, '--field', 'text', '--json'])
    expect(JSON.parse(byField.stdout).entities[0]).toMatchObject({ type: 'city', canonical: '长治市' })
  })

  it('a malformed input line is a one-line error with exit code 1; no text is a usage error', async () => {
    const bad = join(directory, 'bad.jsonl')
    writeFileSync(bad, '{"id": "x", "body": \n')
    const run = await zhsearch(['entities', '--input', bad])
    expect(run.code).toBe(1)
    expect(run.stderr.trim().split('\n')).toHaveLength(1)
    expect((await zhsearch(['entities'])).code).toBe(2)
  })
})
