/**
 * Builds dict/health.dict.txt, the health-policy jieba user dictionary, from the health laws and the
 * seed articles. This generator is the only way the dictionary is updated; its output is sorted and
 * deterministic.
 *
 * @example
 * npx tsx dict/tools/build-health-dict.ts --laws /work/shared/corpora/laws-zh.jsonl.gz --seeds /work/shared/seeds
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { packageRoot } from '../../src/package-root'
import { readCoreTerms } from './health-core-terms'
import type { HealthCorpus } from './health-corpus'
import { loadHealthCorpus } from './health-corpus'
import type { DictEntry } from './health-dict-entry'
import { TERM_TAG, entryFrequency, formatDictionary } from './health-dict-entry'
import { plainJiebaTokens, readJiebaLexicon } from './health-jieba'
import { seedTermCandidates } from './health-seed-chunks'
import { mineStatisticalTerms } from './health-statistical-terms'

function occurrenceCounter(corpus: HealthCorpus): (text: string) => number {
  // Runs joined by a non-Han separator, so that no count crosses a run edge.
  const joined = corpus.hanRuns.join('|')
  const memo = new Map<string, number>()
  return (text) => {
    const known = memo.get(text)
    if (known !== undefined) return known
    let count = 0
    for (let at = joined.indexOf(text); at !== -1; at = joined.indexOf(text, at + text.length)) count++
    memo.set(text, count)
    return count
  }
}

function main(): void {
  const root = packageRoot()
  const { values } = parseArgs({
    options: {
      laws: { type: 'string' },
      seeds: { type: 'string' },
      core: { type: 'string', default: join(root, 'dict/tools/health-core-terms.txt') },
      out: { type: 'string', default: join(root, 'dict/health.dict.txt') },
    },
  })
  if (!values.laws || !values.seeds) {
    process.stderr.write('usage: build-health-dict.ts --laws laws-zh.jsonl.gz --seeds seeds-dir [--core file] [--out file]\n')
    process.exit(2)
  }
  const lexicon = readJiebaLexicon()
  const corpus = loadHealthCorpus({ lawsPath: values.laws, seedsDir: values.seeds })
  const entries = new Map<string, DictEntry>()
  const add = (word: string, tokens: readonly string[], tag = TERM_TAG): void => {
    entries.set(word, { word, freq: entryFrequency(tokens, lexicon), tag })
  }

  const { terms: mined } = mineStatisticalTerms(corpus, lexicon)
  for (const term of mined) add(term.word, term.tokens)
  const core = readCoreTerms(values.core)
  const knownTerms = new Set([...entries.keys(), ...core.map((term) => term.word)])
  const fromSeeds = seedTermCandidates(corpus.seedTexts, { lexicon, countOf: occurrenceCounter(corpus), knownTerms })
  let seedOnly = 0
  for (const [word, tokens] of fromSeeds) {
    if (!entries.has(word)) seedOnly++
    add(word, tokens)
  }
  let coreOnly = 0
  for (const term of core) {
    // A word jieba already knows keeps jieba's own frequency: a user entry would overwrite it.
    if (lexicon.entries.has(term.word)) continue
    if (!entries.has(term.word)) coreOnly++
    add(term.word, plainJiebaTokens(term.word), term.tag)
  }

  writeFileSync(values.out, formatDictionary(entries.values()))
  const summary = { corpus: corpus.stats, mined: mined.length, seedOnly, coreOnly, core: core.length, entries: entries.size, out: values.out }
  process.stdout.write(JSON.stringify(summary) + '\n')
}

main()
