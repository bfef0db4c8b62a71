/**
 * A trie node. Most nodes of a name trie have one child (the tail of a long name), so the first child is
 * kept in two fields and a Map is made only for a second one: the gazetteer trie needs a fifth of the
 * memory it would with a Map per node.
 */
interface TrieNode<T> {
  onlyKey: number
  onlyChild: TrieNode<T> | undefined
  children: Map<number, TrieNode<T>> | undefined
  values: T[] | undefined
}

function newNode<T>(): TrieNode<T> {
  return { onlyKey: -1, onlyChild: undefined, children: undefined, values: undefined }
}

function childOf<T>(node: TrieNode<T>, key: number): TrieNode<T> | undefined {
  if (node.children !== undefined) return node.children.get(key)
  return node.onlyKey === key ? node.onlyChild : undefined
}

function addChild<T>(node: TrieNode<T>, key: number): TrieNode<T> {
  const existing = childOf(node, key)
  if (existing !== undefined) return existing
  const child = newNode<T>()
  if (node.onlyChild === undefined) {
    node.onlyKey = key
    node.onlyChild = child
  } else {
    node.children ??= new Map([[node.onlyKey, node.onlyChild]])
    node.children.set(key, child)
  }
  return child
}

/** One dictionary word found in a text: it spans [start, end) and carries the values added for it. */
export interface TrieMatch<T> {
  end: number
  values: readonly T[]
}

const NO_MATCHES: readonly never[] = []

const STARTS_WORD = 1
const IS_WORD = 2
/** The pair filter has 2^20 bits (128 KB): the gazetteer's 24,000 distinct pairs set 2% of them, so few misses pass. */
const PAIR_BITS_LOG2 = 20

/** The filter bit of two code units (a multiplicative hash: nearby Han characters spread apart). */
function pairBit(first: number, second: number): number {
  return Math.imul((first << 16) | second, 0x9e3779b1) >>> (32 - PAIR_BITS_LOG2)
}

/**
 * A character trie over UTF-16 code units, for dictionary lookup at a text position without regular
 * expressions. Keys are char codes rather than one-character strings: scanning reads every character
 * of every document, and `text[i]` would allocate a string for each Han character. `fold` maps a code
 * before lookup (full-width ＋ → +); it maps one unit to one unit, so offsets stay valid.
 */
export class CharTrie<T> {
  private readonly root: TrieNode<T> = newNode<T>()
  /**
   * Flags per UTF-16 code unit (64 KB): whether some word starts with it ({@link STARTS_WORD}), and
   * whether that word is the unit alone ({@link IS_WORD}). Scanning asks this at every character of
   * every document, and most characters start no word; a Map lookup there was a tenth of place recognition.
   */
  private readonly firstUnits = new Uint8Array(0x10000)
  /**
   * A bit per hashed pair of first two units of the longer words. The gazetteer's place names start
   * with most Han characters (人 starts 人民, a township's short name), so the first unit alone let 70% of
   * a law's characters through to two Map lookups; the pair lets 8% through (4% are real starts).
   */
  private readonly firstPairs = new Uint8Array((1 << PAIR_BITS_LOG2) / 8)

  constructor(private readonly fold: (code: number) => number = (code) => code) {}

  add(word: string, value: T): void {
    let node = this.root
    for (let k = 0; k < word.length; k++) node = addChild(node, this.fold(word.charCodeAt(k)))
    ;(node.values ??= []).push(value)
    if (word.length === 0) return
    const first = this.fold(word.charCodeAt(0))
    this.firstUnits[first]! |= STARTS_WORD | (word.length === 1 ? IS_WORD : 0)
    if (word.length > 1) {
      const bit = pairBit(first, this.fold(word.charCodeAt(1)))
      this.firstPairs[bit >>> 3]! |= 1 << (bit & 7)
    }
  }

  /**
   * A cheap pre-check in scanning loops: false when no word starts at `at`. True may still be a miss
   * (two pairs can share a bit); {@link matchesAt} then finds nothing.
   */
  startsAt(text: string, at: number): boolean {
    if (at >= text.length) return false
    const first = this.fold(text.charCodeAt(at))
    const flags = this.firstUnits[first]!
    if (flags === 0) return false
    if ((flags & IS_WORD) !== 0) return true
    if (at + 1 >= text.length) return false
    const bit = pairBit(first, this.fold(text.charCodeAt(at + 1)))
    return (this.firstPairs[bit >>> 3]! & (1 << (bit & 7))) !== 0
  }

  /** Every word that starts at `start`, longest first. */
  matchesAt(text: string, start: number): readonly TrieMatch<T>[] {
    // In the hot path of every recogniser: most positions match nothing, so nothing is allocated then.
    let found: TrieMatch<T>[] | undefined
    let node: TrieNode<T> | undefined = this.root
    for (let i = start; i < text.length; i++) {
      node = childOf(node, this.fold(text.charCodeAt(i)))
      if (node === undefined) break
      if (node.values !== undefined) (found ??= []).push({ end: i + 1, values: node.values })
    }
    return found === undefined ? NO_MATCHES : found.reverse()
  }

  /** The longest word that starts at `start`, if any. */
  longestAt(text: string, start: number): TrieMatch<T> | undefined {
    let best: TrieMatch<T> | undefined
    let node: TrieNode<T> | undefined = this.root
    for (let i = start; i < text.length; i++) {
      node = childOf(node, this.fold(text.charCodeAt(i)))
      if (node === undefined) break
      if (node.values !== undefined) best = { end: i + 1, values: node.values }
    }
    return best
  }

  /** Exact lookup of a whole word. */
  get(word: string): readonly T[] | undefined {
    let node: TrieNode<T> | undefined = this.root
    for (let i = 0; i < word.length && node !== undefined; i++) node = childOf(node, this.fold(word.charCodeAt(i)))
    return node?.values
  }
}
