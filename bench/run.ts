/**
 * The benchmark: zhsearch against FlexSearch, MiniSearch, Orama, Lunr and a plain jieba + BM25 floor,
 * on the same text in the same run, one child process per engine. Usage: {@link USAGE}.
 * Writes bench/results/<date>[-quick].json (raw) and .md (the tables, also printed).
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, platform, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { existingFile, failUsage, positiveIntegerOption, readCommandLine } from './command-line'
import { PACKAGE_ROOT, RESULTS_FOLDER } from './data/locations'
import { DEFAULT_ENGINES, ENGINE_FACTORIES } from './engines/registry'
import { type DatasetJob, type DatasetResult, type JobResult, SEGMENTATION_JOB } from './job'
import { type DatasetOptions, prepareCorpusDataset, prepareSeedsDataset } from './prepare-datasets'
import { type RunSummary, mergeInto, renderMarkdown } from './report/markdown'

const DEFAULT_RUNS = 3
const DEFAULT_SLICE = 200
const DEFAULT_KNOWN_ITEMS = 400
/** A child that exceeds this is killed and reported as failed, so one stuck engine cannot hang CI. */
const QUICK_TIMEOUT_MS = 5 * 60_000
const FULL_TIMEOUT_MS = 90 * 60_000
/** Lunr holds ~10× the text on the heap; Node's default old space (≈4 GB) is too small for full corpora. */
const CHILD_HEAP_MB = 12_288

const USAGE = `usage:
  npx tsx bench/run.ts                                                   quick: the seed paragraphs (< 2 minutes)
  npx tsx bench/run.ts --corpus ../shared/corpora/laws-zh.jsonl.gz          + a slice of a corpus
  npx tsx bench/run.ts --corpus ../shared/corpora/laws-zh.jsonl.gz --full   the whole corpus
options:
  --queries <jsonl>       judgments for the corpus
  --engines a,b           engines to run (default: all; known: ${Object.keys(ENGINE_FACTORIES).join(', ')})
  --runs n                runs per engine (default ${DEFAULT_RUNS})
  --slice n               quick-mode documents of the corpus (default ${DEFAULT_SLICE})
  --known-items n         known-item queries generated from the titles (default ${DEFAULT_KNOWN_ITEMS})
  --out <folder>          where the results go (default bench/results)
  --merge <results.json>  keep that file's other engines (e.g. to re-measure zhsearch alone)`

const { values } = readCommandLine(USAGE, {
  options: {
    corpus: { type: 'string' },
    queries: { type: 'string' },
    full: { type: 'boolean', default: false },
    engines: { type: 'string' },
    runs: { type: 'string' },
    slice: { type: 'string' },
    'known-items': { type: 'string' },
    out: { type: 'string' },
    merge: { type: 'string' },
  },
})

const positiveInteger = (text: string | undefined, fallback: number, name: string) => positiveIntegerOption(USAGE, text, fallback, name)

const runs = positiveInteger(values.runs, DEFAULT_RUNS, 'runs')
const engines = values.engines ? values.engines.split(',').map((e) => e.trim()).filter(Boolean) : [...DEFAULT_ENGINES]
for (const engine of engines) if (!ENGINE_FACTORIES[engine]) failUsage(USAGE, `unknown engine "${engine}"`)
// Checked now, not when the run ends half an hour later.
if (values.merge) existingFile(USAGE, values.merge, 'merge')

const options: DatasetOptions = {
  ...(values.corpus ? { corpus: existingFile(USAGE, values.corpus, 'corpus') } : {}),
  ...(values.queries ? { queries: existingFile(USAGE, values.queries, 'queries') } : {}),
  full: values.full ?? false,
  slice: positiveInteger(values.slice, DEFAULT_SLICE, 'slice'),
  knownItems: positiveInteger(values['known-items'], DEFAULT_KNOWN_ITEMS, 'known-items'),
}
const mode = options.full ? 'full' : 'quick'

const datasets = [prepareSeedsDataset(), ...(options.corpus ? [prepareCorpusDataset({ ...options, corpus: options.corpus })] : [])]
const workDir = mkdtempSync(join(tmpdir(), 'zhsearch-bench-'))
const datasetPaths = datasets.map((dataset, i) => {
  const path = join(workDir, `dataset-${i}.json`)
  writeFileSync(path, JSON.stringify(dataset satisfies DatasetJob))
  return path
})

const workerPath = fileURLToPath(new URL('./worker.ts', import.meta.url))
const results: Record<string, Record<string, DatasetResult>> = {}
const loadAverages: Record<string, readonly [number, number]> = {}
for (const engine of [SEGMENTATION_JOB, ...engines]) {
  const resultPath = join(workDir, `${engine}.json`)
  const started = performance.now()
  process.stderr.write(`bench: ${engine} … `)
  const child = spawnSync(
    process.execPath,
    ['--expose-gc', `--max-old-space-size=${CHILD_HEAP_MB}`, '--import', 'tsx', workerPath, engine, String(runs), resultPath, ...datasetPaths],
    // `--import tsx` resolves from the working directory: run where tsx is installed, whatever the caller's cwd.
    { cwd: PACKAGE_ROOT, stdio: ['ignore', 'inherit', 'inherit'], timeout: options.full ? FULL_TIMEOUT_MS : QUICK_TIMEOUT_MS },
  )
  process.stderr.write(`${((performance.now() - started) / 1000).toFixed(1)} s\n`)
  try {
    const result = JSON.parse(readFileSync(resultPath, 'utf8')) as JobResult
    results[engine] = result.datasets as Record<string, DatasetResult>
    loadAverages[engine] = result.loadAverage
  } catch {
    const why = child.error ? child.error.message : `exit ${child.status ?? child.signal}`
    results[engine] = Object.fromEntries(datasets.map((d) => [d.name, { kind: 'error', error: `child process failed (${why})` } as const]))
  }
}
rmSync(workDir, { recursive: true, force: true })

const date = new Date().toISOString().slice(0, 10)
let summary: RunSummary = {
  date,
  machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', node: process.version, platform: platform() },
  mode,
  runs,
  datasets: datasets.map((d) => ({
    name: d.name,
    source: d.source,
    docs: d.docs.length,
    textBytes: d.textBytes,
    querySets: d.querySets.map((s) => ({ name: s.name, queries: s.queries.length })),
    latencyQueries: d.latency.length,
  })),
  engines: results,
  loadAverages,
}
if (values.merge) summary = mergeInto(JSON.parse(readFileSync(values.merge, 'utf8')) as RunSummary, summary)
const markdown = renderMarkdown(summary, SEGMENTATION_JOB)
const outFolder = values.out ?? RESULTS_FOLDER
mkdirSync(outFolder, { recursive: true })
const stem = join(outFolder, mode === 'full' ? date : `${date}-quick`)
writeFileSync(`${stem}.json`, `${JSON.stringify(summary, null, 1)}\n`)
writeFileSync(`${stem}.md`, `${markdown}\n`)
process.stdout.write(`${markdown}\nRaw results: ${stem}.json\n`)
