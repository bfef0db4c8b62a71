import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '..', '..')

function script(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, ['--import', 'tsx', ...args], { cwd: root, encoding: 'utf8' })
}

describe('the bench scripts’ command lines', () => {
  it('print their usage with --help and exit 0', () => {
    for (const file of ['bench/run.ts', 'bench/eval.ts', 'bench/render.ts', 'bench/probes.ts']) {
      const run = script(file, '--help')
      expect(run.status, file).toBe(0)
      expect(run.stdout, file).toContain(`npx tsx ${file}`)
    }
  })

  it('refuse a mistyped option, a bad number or a missing file with the reason and exit 2, before any work', () => {
    const cases: [string[], string][] = [
      [['bench/run.ts', '--corpsu', 'laws.jsonl'], "Unknown option '--corpsu'"],
      [['bench/run.ts', '--runs', '0'], '--runs must be a positive integer, got "0"'],
      [['bench/run.ts', '--engines', 'elastic'], 'unknown engine "elastic"'],
      [['bench/eval.ts', '--corpus', 'missing.jsonl', '--queries', 'missing-queries.jsonl'], '--corpus: no such file or folder: missing.jsonl'],
      [['bench/render.ts', 'missing.json'], 'cannot read missing.json'],
      [['bench/probes.ts', 'synonyms'], 'unknown probe "synonyms"'],
      [['bench/probes.ts', '--corpus', 'missing.jsonl'], '--corpus: no such file or folder: missing.jsonl'],
    ]
    for (const [args, reason] of cases) {
      const run = script(...args)
      expect(run.status, args.join(' ')).toBe(2)
      expect(run.stderr, args.join(' ')).toContain(reason)
      expect(run.stderr, args.join(' ')).toContain('usage:')
      expect(run.stderr, args.join(' ')).not.toMatch(/\n\s+at /)
    }
  })
})
