/**
 * Every benchmarked engine by name, loaded lazily so that a child process imports only the library it
 * measures (its memory then belongs to that library alone).
 */
import type { BenchEngine } from './bench-engine'

type EngineFactory = () => Promise<BenchEngine>

export const ENGINE_FACTORIES: Readonly<Record<string, EngineFactory>> = {
  zhsearch: async () => (await import('./zhsearch')).create(),
  'zhsearch-workers': async () => (await import('./zhsearch')).createWithWorkers(),
  'jieba-bm25': async () => (await import('./jieba-bm25')).create(),
  'flexsearch-cjk': async () => (await import('./flexsearch-cjk')).create(),
  'flexsearch-jieba': async () => (await import('./flexsearch-jieba')).create(),
  'flexsearch-jieba-suggest': async () => (await import('./flexsearch-jieba')).createSuggest(),
  'flexsearch-zhsearch': async () => (await import('./flexsearch-zhsearch')).create(),
  'flexsearch-zhsearch-suggest': async () => (await import('./flexsearch-zhsearch')).createSuggest(),
  'minisearch-jieba': async () => (await import('./minisearch-jieba')).create(),
  'orama-mandarin': async () => (await import('./orama-mandarin')).create(),
  'lunr-zh': async () => (await import('./lunr-zh')).create(),
}

/**
 * Engines run when `--engines` is not given: ours (also building with worker threads), the floor, and each peer as its docs configure it;
 * FlexSearch also with `suggest: true`, which its users turn on for queries whose words are not all in one field.
 */
export const DEFAULT_ENGINES = [
  'zhsearch',
  'zhsearch-workers',
  'jieba-bm25',
  'flexsearch-cjk',
  'flexsearch-jieba',
  'flexsearch-jieba-suggest',
  'flexsearch-zhsearch',
  'flexsearch-zhsearch-suggest',
  'minisearch-jieba',
  'orama-mandarin',
  'lunr-zh',
] as const

/** Creates a fresh engine instance by registry name; throws on an unknown name. */
export async function createEngine(name: string): Promise<BenchEngine> {
  const factory = ENGINE_FACTORIES[name]
  if (!factory) throw new Error(`bench: unknown engine "${name}"; known: ${Object.keys(ENGINE_FACTORIES).join(', ')}`)
  return factory()
}
