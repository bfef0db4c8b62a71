/**
 * One child process = one engine, so its memory is its own. Reads the datasets file, measures every
 * dataset in turn, dropping each index before the next, and writes the result JSON.
 * Run by bench/run.ts as `node --expose-gc --import tsx bench/worker.ts <engine> <runs> <result.json> <dataset.json>...`.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { KNOWN_ITEM_SET } from './data/known-items'
import { createEngine } from './engines/registry'
import { type DatasetJob, type DatasetResult, type EngineDatasetResult, type JobResult, SEGMENTATION_JOB } from './job'
import { measureBuild, measurePersistence } from './measure/measure-build'
import { measureLatency, measureRelevance } from './measure/measure-queries'
import { measureSegmentation } from './measure/measure-segmentation'
import { megabytesPerSecond } from './metrics/index'

/** Queries whose answers must survive a save/load round trip. */
const LOAD_PROBES = 20

async function measureDataset(engineName: string, dataset: DatasetJob, runs: number): Promise<EngineDatasetResult> {
  const create = () => createEngine(engineName)
  const { engine, measurement } = await measureBuild(create, dataset.docs, runs)
  const seconds = measurement.medianBuildMs / 1000
  const probes = dataset.latency.slice(0, LOAD_PROBES).map((q) => q.text)
  const persistence = await measurePersistence(engine, create, { runs, probes })
  const relevance: Record<string, Awaited<ReturnType<typeof measureRelevance>>> = {}
  for (const set of dataset.querySets) {
    // The generated set has hundreds of queries and is reproducible from the corpus: per-query detail is not kept.
    relevance[set.name] = await measureRelevance(engine, set.queries, { keepPerQuery: set.name !== KNOWN_ITEM_SET })
  }
  const latency = await measureLatency(engine, dataset.latency, runs)
  return {
    build: {
      ...measurement,
      MBps: megabytesPerSecond(dataset.textBytes, measurement.medianBuildMs),
      docsPerSecond: dataset.docs.length / seconds,
      heapRatio: measurement.heapBytes === null ? null : measurement.heapBytes / dataset.textBytes,
    },
    persistence: persistence && { ...persistence, ratio: persistence.bytes / dataset.textBytes },
    latency,
    relevance,
  }
}

/** Reads and measures one dataset; its documents are garbage once this returns. */
async function measureDatasetFile(engine: string, path: string, runs: number): Promise<{ name: string; result: DatasetResult }> {
  const dataset = JSON.parse(readFileSync(path, 'utf8')) as DatasetJob
  try {
    const result: DatasetResult =
      engine === SEGMENTATION_JOB
        ? { kind: 'segmentation', result: measureSegmentation(dataset.docs, dataset.textBytes, runs) }
        : { kind: 'engine', result: await measureDataset(engine, dataset, runs) }
    return { name: dataset.name, result }
  } catch (error) {
    return { name: dataset.name, result: { kind: 'error', error: error instanceof Error ? (error.stack ?? error.message) : String(error) } }
  }
}

async function main(): Promise<void> {
  const [engine, runsText, resultPath, ...datasetPaths] = process.argv.slice(2)
  const runs = Number(runsText)
  if (!engine || !resultPath || datasetPaths.length === 0 || !(runs >= 1)) {
    throw new Error('usage: worker.ts <engine> <runs> <result.json> <dataset.json>...')
  }
  const loadAtStart = loadavg()[0] ?? 0
  const datasets: Record<string, DatasetResult> = {}
  for (const path of datasetPaths) {
    const { name, result } = await measureDatasetFile(engine, path, runs)
    datasets[name] = result
  }
  writeFileSync(resultPath, JSON.stringify({ engine, datasets, loadAverage: [loadAtStart, loadavg()[0] ?? 0] } satisfies JobResult))
}

await main()
