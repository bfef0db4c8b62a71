/**
 * Assembles the datasets a bench run measures, with their query sets, deterministically:
 * - `seeds`: the 87 shared seed paragraphs with the dev judgments and their traditional-script twins,
 *   or, from a clean clone without ../shared, the bundled seeds/ articles split into paragraphs (no relevance);
 * - the `--corpus` (whole with `--full`, else a seeded slice plus every judged document), with generated
 *   known-item queries from its titles and the judgments of `--queries` (for the laws by default the laws questions
 *   and the repository's laws-questions.check).
 */
import { readdirSync } from 'node:fs'
import { basename, join, relative, resolve } from 'node:path'
import nodejieba from 'nodejieba'
import { type BenchDoc, loadCorpus, splitArticle, textBytes } from './data/corpus'
import { type JudgedQuery, judgedDocIds, loadJudgments } from './data/judgments'
import { KNOWN_ITEM_SET, generateKnownItems } from './data/known-items'
import { buildLatencyQueries } from './data/latency-queries'
import { LAWS_QUESTIONS_CHECK, PACKAGE_ROOT, SEEDS_FOLDER, SHARED_FILES, ifExists } from './data/locations'
import { seededRandom, shuffled } from './data/random'
import { traditionalTwins } from './data/traditional-queries'
import type { DatasetJob } from './job'

export interface DatasetOptions {
  readonly corpus?: string
  readonly queries?: string
  readonly full: boolean
  /** Documents of the corpus measured in quick mode (judged documents come on top). */
  readonly slice: number
  /** Known-item queries generated from the corpus's titles. */
  readonly knownItems: number
}

/** Seed of the quick-mode slice, so every quick run measures the same documents. */
const SLICE_SEED = 11

const words = (text: string): string[] => nodejieba.cut(text)

/** Paths in results are relative to the package, so a committed results file names no one's home folder. */
const displayPath = (path: string): string => relative(PACKAGE_ROOT, resolve(path)) || '.'

export function prepareSeedsDataset(): DatasetJob & { source: string } {
  const shared = ifExists(SHARED_FILES.seedParagraphs)
  const docs: BenchDoc[] = shared
    ? loadCorpus(shared)
    : readdirSync(SEEDS_FOLDER)
        .filter((name) => name.endsWith('.txt'))
        .sort()
        .flatMap((name) => splitArticle(join(SEEDS_FOLDER, name)))
  const judgmentsPath = shared ? ifExists(SHARED_FILES.seedQueries) : undefined
  const judged = judgmentsPath ? loadJudgments(judgmentsPath) : []
  const querySets = judged.length > 0 ? [{ name: 'seeds-dev', queries: judged }, { name: 'seeds-dev-traditional', queries: traditionalTwins(judged) }] : []
  return {
    name: 'seeds',
    source: displayPath(shared ?? SEEDS_FOLDER),
    docs,
    textBytes: textBytes(docs),
    querySets,
    latency: buildLatencyQueries({ docs, knownItems: [], judged, words }),
  }
}

/**
 * The judged query sets for a corpus: `--queries`, or for the laws corpus the shared laws questions and the
 * repository's laws-questions.check (see data/locations.ts).
 */
function judgmentsFor(options: DatasetOptions): string[] {
  if (options.queries) return [options.queries]
  if (!options.corpus || !basename(options.corpus).startsWith('laws')) return []
  return [ifExists(SHARED_FILES.lawsQuestions), LAWS_QUESTIONS_CHECK].filter((path): path is string => path !== undefined)
}

export function prepareCorpusDataset(options: DatasetOptions & { corpus: string }): DatasetJob & { source: string; sliced: boolean } {
  const all = loadCorpus(options.corpus)
  const judgedSets = judgmentsFor(options).map((path) => ({ name: basename(path).replace(/\.jsonl$/, ''), queries: loadJudgments(path) }))
  const everyJudged: JudgedQuery[] = judgedSets.flatMap((set) => set.queries)
  const docs = options.full ? all : sliceCorpus(all, options.slice, judgedDocIds(everyJudged))
  const knownItems = generateKnownItems(docs, { count: options.knownItems, words })
  const name = basename(options.corpus).replace(/\.jsonl(\.gz)?$/, '') + (options.full ? '' : '-slice')
  const querySets = [...(knownItems.length > 0 ? [{ name: KNOWN_ITEM_SET, queries: knownItems }] : []), ...judgedSets.filter((set) => set.queries.length > 0)]
  return {
    name,
    source: displayPath(options.corpus),
    sliced: !options.full,
    docs,
    textBytes: textBytes(docs),
    querySets,
    // The latency mix's questions are the first set's (the dev questions), so runs stay comparable.
    latency: buildLatencyQueries({ docs, knownItems, judged: judgedSets[0]?.queries ?? [], words }),
  }
}

/** `size` documents chosen by a seeded shuffle, plus every judged document, in corpus order. */
function sliceCorpus(docs: readonly BenchDoc[], size: number, judged: ReadonlySet<string>): BenchDoc[] {
  const chosen = new Set(shuffled(seededRandom(SLICE_SEED), docs).slice(0, size).map((doc) => doc.id))
  return docs.filter((doc) => chosen.has(doc.id) || judged.has(doc.id))
}
