/**
 * Builds zhsearch's query-expansion dictionaries from the corpora:
 *   npx tsx dict/tools/build-synonyms.ts --laws /work/shared/corpora/laws-zh.jsonl.gz --seeds /work/shared/seeds [--sample 50]
 * writes dict/synonyms.tsv (two-way: declared short forms, aliases, mined abbreviations, declared Latin
 * acronyms, hand-checked abbreviations) and dict/expansions.tsv (one-way: hand-checked everyday → statutory
 * words from the colloquial-*.tsv lists of synonym-hand-pairs.ts HAND_PAIR_FILES, definition items → the defined term, Latin
 * enumeration items → their category). The same inputs always write the same bytes.
 *
 * Precision, judged by hand on 50 pairs drawn by `--sample 50` (fixed seed) per source, 2026-11-24:
 * declared short forms 46/50, mined abbreviations 42/50, definition items 41/50. Hand pairs are checked
 * by construction; their targets are verified to occur in the corpus (missing and one-character ones are
 * reported and dropped).
 */
import { writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { mineAbbreviations } from './synonym-abbreviations'
import { readLaws, readSeeds } from './synonym-corpus'
import { readGeneralLexicon } from './synonym-general-lexicon'
import { handPairPaths, handPairs, readHandEntries } from './synonym-hand-pairs'
import { mineLatinAliases } from './synonym-latin-aliases'
import type { SynonymPair } from './synonym-pair'
import { mineDeclarations, mineDefinitions } from './synonym-patterns'
import { sampleForReview } from './synonym-sample'
import { documentFrequencies } from './synonym-term-counter'
import { dictionaryLines, formatHeader, mergePairs } from './synonym-writer'

const toolsDir = dirname(fileURLToPath(import.meta.url))
const dictDir = join(toolsDir, '..')

function countBySource(pairs: readonly SynonymPair[]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const pair of pairs) counts[pair.source] = (counts[pair.source] ?? 0) + 1
  return counts
}

function writeDictionary(path: string, title: string, pairs: readonly SynonymPair[]): void {
  const kind = pairs[0]?.kind ?? 'synonym'
  const lines = [...formatHeader(title, countBySource(pairs)), ...dictionaryLines(pairs, kind)]
  writeFileSync(path, `${lines.join('\n')}\n`)
}

function main(): void {
  const { values } = parseArgs({ options: { laws: { type: 'string' }, seeds: { type: 'string' }, sample: { type: 'string' } } })
  if (values.laws === undefined || values.seeds === undefined) {
    throw new Error('usage: build-synonyms.ts --laws <laws-zh.jsonl.gz> --seeds <folder of .txt> [--sample N]')
  }
  const texts = [...readLaws(values.laws), ...readSeeds(values.seeds)]
  const mined = [...mineDeclarations(texts), ...mineDefinitions(texts), ...mineAbbreviations(texts, readGeneralLexicon()), ...mineLatinAliases(texts)]

  const entries = handPairPaths().flatMap((path) => readHandEntries(path))
  const frequencies = documentFrequencies(entries.flatMap((entry) => entry.targets), texts)
  const hand = handPairs(entries, frequencies)
  for (const drop of hand.dropped) console.error(`dropped: ${drop}`)

  const pairs = mergePairs([...hand.pairs, ...mined])
  const synonyms = pairs.filter((pair) => pair.kind === 'synonym')
  const expansions = pairs.filter((pair) => pair.kind === 'expansion')
  writeDictionary(join(dictDir, 'synonyms.tsv'), 'synonyms and abbreviations', synonyms)
  writeDictionary(join(dictDir, 'expansions.tsv'), 'everyday → statutory expansions', expansions)

  console.log(`texts read: ${texts.length}`)
  console.log(`pairs by source: ${JSON.stringify(countBySource(pairs))}`)
  console.log(`synonyms.tsv: ${synonyms.length} pairs; expansions.tsv: ${expansions.length} pairs; hand targets dropped: ${hand.dropped.length}`)
  if (values.sample !== undefined) {
    for (const source of ['short-form', 'alias', 'definition', 'abbreviation', 'latin-alias'] as const) {
      for (const pair of sampleForReview(pairs.filter((pair) => pair.source === source), Number(values.sample))) {
        console.log(`sample\t${pair.source}\t${pair.term}\t${pair.equivalent}\t${pair.example}`)
      }
    }
  }
}

main()
