import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { packageRoot } from '../package-root'
import { analyzeDocument, analyzerFor, type AnalyzedDocument, type DocumentAnalysisConfig } from './document-analysis'
import type { AnalysisReply } from './indexing-worker'
import { acquireWorkers, releaseWorkers } from './worker-pool'

/** About this many characters go to a worker at a time: large enough that messaging costs little, small enough to keep every thread busy to the end. */
const BATCH_CHARACTERS = 200_000
/** Batches queued at each worker, so it never waits for the main thread between batches. */
const BATCHES_IN_FLIGHT = 2

/** The built worker script. Tests and tsx run from src/, so the worker always comes from dist/ (built by `npm run build`). */
export function indexingWorkerPath(): string {
  return join(packageRoot(), 'dist', 'indexing-worker.js')
}

/** Splits documents (their field texts) into consecutive batches of about {@link BATCH_CHARACTERS}. */
function batchesOf(texts: readonly (string | undefined)[][]): (string | undefined)[][][] {
  const batches: (string | undefined)[][][] = []
  let current: (string | undefined)[][] = []
  let characters = 0
  for (const fields of texts) {
    current.push(fields)
    for (const text of fields) characters += text?.length ?? 0
    if (characters >= BATCH_CHARACTERS) {
      batches.push(current)
      current = []
      characters = 0
    }
  }
  if (current.length > 0) batches.push(current)
  return batches
}

export interface AnalyzeInWorkersOptions {
  workers: number
  /** The worker script; default {@link indexingWorkerPath}. */
  workerPath?: string
  /** Whether the calling thread analyses batches too while it waits for the workers. Default true. */
  analyzeWhileWaiting?: boolean
}

/**
 * Analyses documents in `workers` worker threads, and on the calling thread whenever it would
 * otherwise wait, and yields the results batch by batch in the documents' order. A batch whose worker
 * cannot start or fails is analysed on the calling thread instead, so the results are complete and the
 * same either way.
 */
export async function* analyzeInWorkers(
  texts: readonly (string | undefined)[][],
  config: DocumentAnalysisConfig,
  options: AnalyzeInWorkersOptions,
): AsyncGenerator<AnalyzedDocument[]> {
  const { workers: workerCount, workerPath = indexingWorkerPath(), analyzeWhileWaiting = true } = options
  const batches = batchesOf(texts)
  const results = new Map<number, AnalyzedDocument[]>()
  /** Batches no live worker will deliver: analysed here when their turn comes. */
  const local = new Set<number>()
  let nextToSend = 0
  let wake: (() => void) | undefined
  const notify = () => {
    wake?.()
    wake = undefined
  }

  // When this thread analyses too, it takes one batch itself: a single batch needs no worker at all.
  const useful = analyzeWhileWaiting ? batches.length - 1 : batches.length
  const workers = existsSync(workerPath) && useful > 0 ? acquireWorkers(workerPath, config, Math.min(workerCount, useful)) : []
  const detachers = workers.map((worker) => {
    const assigned = new Set<number>()
    const send = () => {
      while (assigned.size < BATCHES_IN_FLIGHT && nextToSend < batches.length) {
        const batch = nextToSend++
        assigned.add(batch)
        worker.postMessage({ batch, texts: batches[batch] })
      }
    }
    const abandon = () => {
      for (const batch of assigned) local.add(batch)
      assigned.clear()
      notify()
    }
    const receive = (reply: AnalysisReply) => {
      assigned.delete(reply.batch)
      if ('error' in reply) local.add(reply.batch)
      else results.set(reply.batch, reply.documents)
      send()
      notify()
    }
    worker.on('message', receive)
    worker.on('error', abandon)
    worker.on('exit', abandon)
    send()
    return () => {
      worker.off('message', receive)
      worker.off('error', abandon)
      worker.off('exit', abandon)
    }
  })

  let analyzer: ReturnType<typeof analyzerFor> | undefined
  const analyzeHere = (batch: number) => {
    analyzer ??= analyzerFor(config)
    return batches[batch]!.map((fields) => analyzeDocument(fields, analyzer!, config))
  }

  try {
    for (let batch = 0; batch < batches.length; batch++) {
      for (;;) {
        const ready = results.get(batch)
        if (ready) {
          results.delete(batch)
          yield ready
          break
        }
        if (local.has(batch) || batch >= nextToSend) {
          // Given up by its worker, or not sent at all (every worker gone): do it here.
          local.delete(batch)
          nextToSend = Math.max(nextToSend, batch + 1)
          yield analyzeHere(batch)
          break
        }
        if (analyzeWhileWaiting && nextToSend < batches.length) {
          // While the workers catch up (or start: each loads its own dictionaries), this thread takes a batch too.
          const spare = nextToSend++
          results.set(spare, analyzeHere(spare))
          // Let the workers' replies in before deciding again.
          await new Promise<void>((resolve) => setImmediate(resolve))
          continue
        }
        await new Promise<void>((resolve) => (wake = resolve))
      }
    }
  } finally {
    for (const detach of detachers) detach()
    releaseWorkers(workers)
  }
}
