/** Picks pairs for checking precision by hand: a fixed-seed shuffle, so that a reviewer and a rerun see the same sample. */
import type { SynonymPair } from './synonym-pair'

/** Multiplier and increment of a 32-bit linear congruential generator (Numerical Recipes); quality is ample for sampling. */
const LCG_MULTIPLIER = 1664525
const LCG_INCREMENT = 1013904223
const UINT32_RANGE = 2 ** 32
const SAMPLE_SEED = 20261124

/** `count` pairs drawn without replacement, the same ones on every run. */
export function sampleForReview(pairs: readonly SynonymPair[], count: number): SynonymPair[] {
  const pool = [...pairs].sort((a, b) => `${a.term}\t${a.equivalent}`.localeCompare(`${b.term}\t${b.equivalent}`))
  let state = SAMPLE_SEED
  for (let index = pool.length - 1; index > 0; index--) {
    state = (Math.imul(state, LCG_MULTIPLIER) + LCG_INCREMENT) >>> 0
    const swap = Math.floor((state / UINT32_RANGE) * (index + 1))
    const picked = pool[index]
    const other = pool[swap]
    if (picked === undefined || other === undefined) continue
    pool[index] = other
    pool[swap] = picked
  }
  return pool.slice(0, count)
}
