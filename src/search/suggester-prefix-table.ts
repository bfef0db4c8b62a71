/**
 * A sorted array of string keys, each owned by an entry, answering "the best entries whose key starts
 * with this prefix" in well under a millisecond: binary search finds the range of keys with the prefix;
 * a short range is scanned, and for a long one (a first character or two typed) the best entries were
 * picked once at build time.
 *
 * A sorted array rather than a trie: one string array and one Int32Array hold half a million keys with
 * little overhead, and build time is one sort.
 */

/** A prefix matching more keys than this gets its best entries precomputed; fewer are scanned on each keystroke. */
export const SCAN_LIMIT = 256
/** Entries kept per precomputed prefix: enough for a page of suggestions after de-duplication and filtering. */
export const TOP_PER_PREFIX = 48

export interface PrefixKey {
  key: string
  entry: number
}

export class PrefixTable {
  private readonly keys: string[]
  private readonly owners: Int32Array
  private readonly best = new Map<string, Int32Array>()

  /** `rank[entry]` orders entries from best (0) to worst; precomputed lists keep that order. */
  constructor(pairs: PrefixKey[], rank: Int32Array) {
    pairs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : rank[a.entry]! - rank[b.entry]!))
    this.keys = pairs.map((pair) => pair.key)
    this.owners = Int32Array.from(pairs, (pair) => pair.entry)
    const entryAtRank = new Int32Array(rank.length)
    rank.forEach((entryRank, entry) => {
      entryAtRank[entryRank] = entry
    })
    this.precompute({ low: 0, high: this.keys.length, depth: 0 }, rank, entryAtRank)
  }

  get size(): number {
    return this.keys.length
  }

  /** Index of the first key that is >= `prefix`. */
  private lowerBound(prefix: string): number {
    let low = 0
    let high = this.keys.length
    while (low < high) {
      const middle = (low + high) >>> 1
      if (this.keys[middle]! < prefix) low = middle + 1
      else high = middle
    }
    return low
  }

  /**
   * Calls `visit` with entries whose key starts with `prefix`, best first for long ranges (any order for
   * short ones), each entry once per key; stops when `visit` returns false.
   */
  visit(prefix: string, visit: (entry: number, exact: boolean) => boolean): void {
    if (prefix === '') return
    const precomputed = this.best.get(prefix)
    if (precomputed) {
      for (const entry of precomputed) if (!visit(entry, false)) return
      return
    }
    for (let i = this.lowerBound(prefix); i < this.keys.length; i++) {
      const key = this.keys[i]!
      if (!key.startsWith(prefix)) return
      if (!visit(this.owners[i]!, key.length === prefix.length)) return
    }
  }

  /** Whether some key equals `key` exactly, with its owners. */
  exact(key: string): number[] {
    const owners: number[] = []
    for (let i = this.lowerBound(key); i < this.keys.length && this.keys[i] === key; i++) owners.push(this.owners[i]!)
    return owners
  }

  /**
   * Walks the ranges sharing a prefix of `depth` characters; every range longer than SCAN_LIMIT gets
   * its best entries stored. Each level touches each key once, and ranges shrink fast, so the build is
   * a few passes over the keys.
   */
  private precompute(range: { low: number; high: number; depth: number }, rank: Int32Array, entryAtRank: Int32Array): void {
    const { low, high, depth } = range
    if (high - low <= SCAN_LIMIT) return
    if (depth > 0) this.best.set(this.keys[low]!.slice(0, depth), this.bestOwners(range, rank, entryAtRank))
    let start = low
    while (start < high && this.keys[start]!.length <= depth) start++
    while (start < high) {
      const unit = this.keys[start]!.charCodeAt(depth)
      let end = start + 1
      while (end < high && this.keys[end]!.charCodeAt(depth) === unit) end++
      this.precompute({ low: start, high: end, depth: depth + 1 }, rank, entryAtRank)
      start = end
    }
  }

  private bestOwners({ low, high }: { low: number; high: number }, rank: Int32Array, entryAtRank: Int32Array): Int32Array {
    // Ranks kept ascending; a new rank enters only when it beats the worst kept, so this is one pass.
    const kept: number[] = []
    for (let i = low; i < high; i++) {
      const entryRank = rank[this.owners[i]!]!
      if (kept.length === TOP_PER_PREFIX && entryRank >= kept[TOP_PER_PREFIX - 1]!) continue
      let at = kept.length
      while (at > 0 && kept[at - 1]! > entryRank) at--
      if (kept[at - 1] === entryRank) continue
      kept.splice(at, 0, entryRank)
      if (kept.length > TOP_PER_PREFIX) kept.pop()
    }
    return Int32Array.from(kept, (entryRank) => entryAtRank[entryRank]!)
  }
}
