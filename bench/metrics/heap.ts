/**
 * Heap measurement after forced garbage collection. Requires node to run with `--expose-gc`: without
 * it, `heapUsed` includes garbage and memory comparisons between engines would mean nothing.
 */

/** Bytes of live JS heap plus ArrayBuffers, after full collections; throws without --expose-gc. */
export function liveHeapBytes(): number {
  const collect = (globalThis as { gc?: () => void }).gc
  if (typeof collect !== 'function') throw new Error('bench: run node with --expose-gc to measure the heap')
  // Two passes: the first may only queue finalizers (WeakRefs, FinalizationRegistry) that the second frees.
  collect()
  collect()
  const usage = process.memoryUsage()
  return usage.heapUsed + usage.arrayBuffers
}

/** True when forced GC is available, i.e. heap numbers can be trusted. */
export function canMeasureHeap(): boolean {
  return typeof (globalThis as { gc?: unknown }).gc === 'function'
}
