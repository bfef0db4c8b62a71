/**
 * Where the bench finds its data. The shared evaluation files live beside the repository
 * (`../shared`), which a clean clone does not have: then the bench falls back to the bundled seeds/
 * articles and skips relevance.
 */
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { packageRoot } from '../../src/package-root'

export const PACKAGE_ROOT = packageRoot()
/** The shared data folder beside the repository; override with ZHSEARCH_SHARED. */
export const SHARED_ROOT = resolve(process.env.ZHSEARCH_SHARED ?? join(PACKAGE_ROOT, '..', 'shared'))
export const SEEDS_FOLDER = join(PACKAGE_ROOT, 'seeds')
export const RESULTS_FOLDER = join(PACKAGE_ROOT, 'bench', 'results')
/**
 * 60 natural questions over the laws corpus (eight kinds, as laws-questions.dev), judged from the corpus by a
 * session that saw neither the engine's results nor the dev sets (2026-12-08); another dev set since.
 */
export const LAWS_QUESTIONS_CHECK = join(PACKAGE_ROOT, 'bench', 'data', 'laws-questions.check.jsonl')

export const SHARED_FILES = {
  seedParagraphs: join(SHARED_ROOT, 'eval', 'seed-paragraphs.jsonl'),
  seedQueries: join(SHARED_ROOT, 'eval', 'seeds-queries.dev.jsonl'),
  lawsQuestions: join(SHARED_ROOT, 'eval', 'laws-questions.dev.jsonl'),
  lawsCorpus: join(SHARED_ROOT, 'corpora', 'laws-zh.jsonl.gz'),
  domainTerms: join(SHARED_ROOT, 'eval', 'domain-terms.dev.jsonl'),
  entitiesGold: join(SHARED_ROOT, 'eval', 'entities-gold.dev.jsonl'),
} as const

/** The path if the file exists, else undefined. */
export function ifExists(path: string): string | undefined {
  return existsSync(path) ? path : undefined
}
