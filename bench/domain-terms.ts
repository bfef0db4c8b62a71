/**
 * How many domain terms stay whole (come out as exactly one token) in their sentence, with plain
 * jieba and with zhsearch's health dictionary, each with jieba's HMM on and off.
 *
 * nodejieba keeps one segmenter per process; `load()` replaces it (verified: a second `load` drops
 * the first one's user words), so the configurations run one after the other in this process.
 *
 * Usage: {@link USAGE}.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import nodejieba from 'nodejieba'
import { existingFile, readCommandLine } from './command-line'
import { packageRoot } from '../src/package-root'
import { SHARED_FILES } from './data/locations'

interface DomainTermCase {
  term: string
  sentence: string
}

interface ConfigResult {
  name: string
  whole: { hmm: number; noHmm: number }
  /** Terms broken with HMM on, with the tokens they came out as. */
  broken: string[]
}

/** nodejieba's bundled default user dictionary (云计算, 区块链…), missing from its typings. */
const DEFAULT_USER_DICT = (nodejieba as unknown as { DEFAULT_USER_DICT: string }).DEFAULT_USER_DICT

function readCases(path: string): DomainTermCase[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as DomainTermCase)
}

function brokenForm(testCase: DomainTermCase, tokens: readonly string[]): string {
  const start = testCase.sentence.indexOf(testCase.term)
  const end = start + testCase.term.length
  const covering: string[] = []
  let offset = 0
  for (const token of tokens) {
    if (offset + token.length > start && offset < end) covering.push(token)
    offset += token.length
  }
  return `${testCase.term} → ${covering.join('/')}`
}

function measure(name: string, cases: readonly DomainTermCase[]): ConfigResult {
  const result: ConfigResult = { name, whole: { hmm: 0, noHmm: 0 }, broken: [] }
  for (const testCase of cases) {
    const withHmm = nodejieba.cut(testCase.sentence, true)
    if (withHmm.includes(testCase.term)) result.whole.hmm++
    else result.broken.push(brokenForm(testCase, withHmm))
    if (nodejieba.cut(testCase.sentence, false).includes(testCase.term)) result.whole.noHmm++
  }
  return result
}

const USAGE = `usage: npx tsx bench/domain-terms.ts [--terms ../shared/eval/domain-terms.dev.jsonl] [--dict dict/health.dict.txt]`

function main(): void {
  const root = packageRoot()
  const { values } = readCommandLine(USAGE, {
    options: {
      terms: { type: 'string', default: SHARED_FILES.domainTerms },
      dict: { type: 'string', default: join(root, 'dict/health.dict.txt') },
    },
  })
  const cases = readCases(existingFile(USAGE, values.terms, 'terms'))
  existingFile(USAGE, values.dict, 'dict')
  nodejieba.load()
  const plain = measure('plain jieba', cases)
  nodejieba.load({ userDict: [DEFAULT_USER_DICT, values.dict].join('|') })
  const ours = measure('jieba + health.dict.txt', cases)

  const total = cases.length
  const lines = [
    `Domain terms kept whole (${values.terms}, ${total} terms)`,
    '',
    '| configuration | HMM on | HMM off |',
    '| --- | --- | --- |',
    ...[plain, ours].map((r) => `| ${r.name} | ${r.whole.hmm}/${total} | ${r.whole.noHmm}/${total} |`),
    '',
    `Still broken with our dictionary (HMM on): ${ours.broken.length === 0 ? 'none' : ours.broken.join('; ')}`,
  ]
  process.stdout.write(lines.join('\n') + '\n')
  const json = { total, plain: plain.whole, ours: ours.whole, brokenWithOurs: ours.broken }
  process.stdout.write(JSON.stringify(json) + '\n')
}

main()
