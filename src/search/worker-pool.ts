import { Worker } from 'node:worker_threads'

/**
 * Indexing workers kept between calls: each loads its own segmenter and dictionaries (about a second
 * and a half), which would otherwise be paid again by every `addAllAsync` — and the CLI adds a large
 * corpus in many calls. Idle workers are unreferenced, so they never keep the process alive, and end
 * after {@link IDLE_MS}.
 */
interface PooledWorker {
  worker: Worker
  busy: boolean
  idleTimer?: NodeJS.Timeout | undefined
}

/**
 * An idle worker ends after this long: it holds its own copy of the dictionaries, which a server that
 * indexed once at start should not keep; a corpus added in consecutive batches reuses it well within this.
 */
const IDLE_MS = 10_000

const pools = new Map<string, PooledWorker[]>()

/** Up to `count` idle workers running `path` with `workerData`, started as needed; release them with {@link releaseWorkers}. */
export function acquireWorkers(path: string, workerData: unknown, count: number): Worker[] {
  const key = JSON.stringify([path, workerData])
  const pool = pools.get(key) ?? []
  pools.set(key, pool)
  const taken: Worker[] = []
  for (const pooled of pool) {
    if (taken.length === count) break
    if (pooled.busy) continue
    pooled.busy = true
    clearTimeout(pooled.idleTimer)
    taken.push(pooled.worker)
  }
  while (taken.length < count) {
    const worker = new Worker(path, { workerData })
    const pooled: PooledWorker = { worker, busy: true }
    // A worker that dies leaves the pool; the caller's own listeners decide what happens to its work.
    worker.once('exit', () => {
      const at = pool.indexOf(pooled)
      if (at >= 0) pool.splice(at, 1)
    })
    // An uncaught error ends the worker ('exit' follows); without a listener it would be thrown in the main thread.
    worker.on('error', () => {})
    pool.push(pooled)
    taken.push(worker)
  }
  for (const worker of taken) worker.ref()
  return taken
}

/** Returns workers to their pool, idle and unreferenced. */
export function releaseWorkers(workers: readonly Worker[]): void {
  for (const pool of pools.values()) {
    for (const pooled of pool) {
      if (!workers.includes(pooled.worker)) continue
      pooled.busy = false
      pooled.worker.unref()
      pooled.idleTimer = setTimeout(() => void pooled.worker.terminate(), IDLE_MS).unref()
    }
  }
}
