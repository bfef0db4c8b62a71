/**
 * Build, memory and persistence measurements of one engine on one corpus: median build time over
 * fresh instances, live heap after each build (forced GC) minus the heap before it, serialized size,
 * and load-from-bytes time, with a check that the loaded index answers like the built one.
 */
import type { BenchDoc } from '../data/corpus'
import type { BenchEngine } from '../engines/bench-engine'
import { canMeasureHeap, liveHeapBytes, median } from '../metrics/index'

export interface BuildMeasurement {
  readonly buildMs: readonly number[]
  readonly medianBuildMs: number
  /** Median live heap the index holds, in bytes; null without --expose-gc. */
  readonly heapBytes: number | null
}

export interface PersistenceMeasurement {
  readonly bytes: number
  readonly serializeMs: number
  readonly loadMs: readonly number[]
  readonly medianLoadMs: number
  /** The loaded index returns the same top 10 as the built one for every probe query. */
  readonly loadAgrees: boolean
}

/** Builds `runs` fresh indexes; returns the last one (still alive) with the medians. */
export async function measureBuild(
  createEngine: () => Promise<BenchEngine>,
  docs: readonly BenchDoc[],
  runs: number,
): Promise<{ engine: BenchEngine; measurement: BuildMeasurement }> {
  await warmUp(createEngine, docs)
  const buildMs: number[] = []
  const heap: number[] = []
  let engine: BenchEngine | undefined
  for (let run = 0; run < runs; run++) {
    engine = undefined // the previous index must be garbage before the next baseline
    const built = await buildOnce(createEngine, docs)
    buildMs.push(built.ms)
    if (built.heapBytes !== null) heap.push(built.heapBytes)
    engine = built.engine
  }
  if (!engine) throw new Error('bench: runs must be at least 1')
  return {
    engine,
    measurement: { buildMs, medianBuildMs: median(buildMs), heapBytes: heap.length > 0 ? median(heap) : null },
  }
}

/**
 * One timed build with its heap cost. A function of its own so that no variable of the caller's
 * (async functions keep their locals alive across awaits) still holds the previous index at the baseline.
 */
async function buildOnce(
  createEngine: () => Promise<BenchEngine>,
  docs: readonly BenchDoc[],
): Promise<{ engine: BenchEngine; ms: number; heapBytes: number | null }> {
  const before = canMeasureHeap() ? liveHeapBytes() : 0
  const engine = await createEngine()
  const start = performance.now()
  await engine.build(docs)
  const ms = performance.now() - start
  return { engine, ms, heapBytes: canMeasureHeap() ? liveHeapBytes() - before : null }
}

/** Documents indexed by the throw-away warm-up instance: enough to touch every code path once. */
const WARM_UP_DOCS = 20

/**
 * Loads the engine's modules and dictionaries (jieba's takes ~2 s) and lets the JIT see the hot paths
 * once, so neither one-time cost is charged to the first timed build or to the index's heap.
 */
async function warmUp(createEngine: () => Promise<BenchEngine>, docs: readonly BenchDoc[]): Promise<void> {
  const engine = await createEngine()
  await engine.build(docs.slice(0, WARM_UP_DOCS))
  await engine.search(docs[0]?.title ?? docs[0]?.body.slice(0, 8) ?? '', 10)
}

const PROBE_DEPTH = 10

/** Serializes `engine`, loads the bytes `runs` times into fresh instances, and compares their answers on `probes`. */
export async function measurePersistence(
  engine: BenchEngine,
  createEngine: () => Promise<BenchEngine>,
  options: { runs: number; probes: readonly string[] },
): Promise<PersistenceMeasurement | null> {
  if (!engine.serialize) return null
  const serializeStart = performance.now()
  const bytes = await engine.serialize()
  const serializeMs = performance.now() - serializeStart
  const loadMs: number[] = []
  let loaded: BenchEngine | undefined
  for (let run = 0; run < options.runs; run++) {
    loaded = undefined
    const fresh = await createEngine()
    if (!fresh.load) return null
    const start = performance.now()
    await fresh.load(bytes)
    loadMs.push(performance.now() - start)
    loaded = fresh
  }
  let loadAgrees = loaded !== undefined
  for (const probe of options.probes) {
    if (!loaded) break
    const expected = await engine.search(probe, PROBE_DEPTH)
    const actual = await loaded.search(probe, PROBE_DEPTH)
    if (expected.join('\u0000') !== actual.join('\u0000')) loadAgrees = false
  }
  return { bytes: bytes.byteLength, serializeMs, loadMs, medianLoadMs: median(loadMs), loadAgrees }
}
