/**
 * Reads the hand-curated pairs (the colloquial-*.tsv lists): everyday ↔ statutory words and well-known
 * abbreviations, each checked by a person. Columns: term, targets (comma-separated), kind, area.
 */
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { PairKind, SynonymPair } from './synonym-pair'

/**
 * The hand-checked lists, in dict/tools: Chinese everyday words; everyday words written with Latin letters or
 * digits (KTV, U盘, PM2.5); everyday words per law subject; everyday words of civil-law life, Civil Code chapter
 * by chapter; everyday words for the articles of the national laws citizens most often need (labour, social
 * insurance, consumers, traffic …).
 */
export const HAND_PAIR_FILES = ['colloquial-pairs.tsv', 'colloquial-latin-pairs.tsv', 'colloquial-subject-pairs.tsv', 'colloquial-civil-pairs.tsv', 'colloquial-statute-pairs.tsv'] as const

/** Paths of {@link HAND_PAIR_FILES}. */
export function handPairPaths(): string[] {
  const toolsDir = dirname(fileURLToPath(import.meta.url))
  return HAND_PAIR_FILES.map((file) => join(toolsDir, file))
}

/** Weight of an everyday word's statutory expansion: helpful, but the user's own word comes first. */
export const COLLOQUIAL_WEIGHT = 0.6
/** Weight of a well-known abbreviation checked by hand (医保 ↔ 医疗保障): as good as a declared one. */
export const HAND_SYNONYM_WEIGHT = 0.8

const KINDS: ReadonlySet<string> = new Set(['synonym', 'expansion'])

/** One line of a hand list (colloquial-*.tsv), before its targets are checked against the corpus. */
export interface HandEntry {
  readonly term: string
  readonly targets: readonly string[]
  readonly kind: PairKind
  readonly area: string
  readonly line: number
}

/** Parses a hand list (colloquial-*.tsv); `#` starts a comment line. Throws on a malformed line, naming it. */
export function readHandEntries(path: string): HandEntry[] {
  const entries: HandEntry[] = []
  readFileSync(path, 'utf8').split('\n').forEach((raw, index) => {
    const line = raw.trim()
    if (line === '' || line.startsWith('#')) return
    const [term, targets, kind, area] = line.split('\t')
    if (term === undefined || targets === undefined || kind === undefined || !KINDS.has(kind)) {
      throw new Error(`${path}:${index + 1}: expected term<TAB>targets<TAB>synonym|expansion<TAB>area`)
    }
    const list = targets.split(',').map((target) => target.trim()).filter((target) => target !== '')
    entries.push({ term: term.trim(), targets: list, kind: kind as PairKind, area: area?.trim() ?? '', line: index + 1 })
  })
  return entries
}

/**
 * Hand entries as pairs, keeping only targets that occur in the corpus (`frequencies` > 0). A
 * one-character target is never counted (see documentFrequencies): it would match inside any word.
 */
export function handPairs(entries: readonly HandEntry[], frequencies: ReadonlyMap<string, number>): { pairs: SynonymPair[]; dropped: string[] } {
  const pairs: SynonymPair[] = []
  const dropped: string[] = []
  for (const entry of entries) {
    for (const target of entry.targets) {
      if ((frequencies.get(target) ?? 0) === 0) {
        const why = [...target].length < 2 ? 'one character, which would match inside any word' : 'not in the corpus'
        dropped.push(`${entry.term} → ${target} (line ${entry.line}): ${why}`)
        continue
      }
      const weight = entry.kind === 'synonym' ? HAND_SYNONYM_WEIGHT : COLLOQUIAL_WEIGHT
      pairs.push({ term: entry.term, equivalent: target, kind: entry.kind, weight, source: 'hand', support: 1, example: entry.area })
    }
  }
  return { pairs, dropped }
}
