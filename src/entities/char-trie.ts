interface TrieNode<T> {
  children: Map<number, TrieNode<T>>
  values: T[] | undefined
}

/** One dictionary word found in a text: it spans [start, end) and carries the values added for it. */
export interface TrieMatch<T> {
  end: number
  values: readonly T[]
}

const NO_MATCHES: readonly never[] = []

/**
 * A character trie over UTF-16 code units, for dictionary lookup at a text position without regular
 * expressions. Keys are char codes rather than one-character strings: scanning reads every character
 * of every document, and `text[i]` would allocate a string for each Han character. `fold` maps a code
 * before lookup (full-width ＋ → +); it maps one unit to one unit, so offsets stay valid.
 */
export class CharTrie<T> {
  private readonly root: TrieNode<T> = { children: new Map(), values: undefined }

  constructor(private readonly fold: (code: number) => number = (code) => code) {}

  add(word: string, value: T): void {
    let node = this.root
    for (let k = 0; k < word.length; k++) {
      const key = this.fold(word.charCodeAt(k))
      let next = node.children.get(key)
      if (next === undefined) {
        next = { children: new Map(), values: undefined }
        node.children.set(key, next)
      }
      node = next
    }
    ;(node.values ??= []).push(value)
  }

  /** True when some word starts with the character at `at`: a cheap pre-check in scanning loops. */
  startsAt(text: string, at: number): boolean {
    return at < text.length && this.root.children.has(this.fold(text.charCodeAt(at)))
  }

  /** Every word that starts at `start`, longest first. */
  matchesAt(text: string, start: number): readonly TrieMatch<T>[] {
    // In the hot path of every recogniser: most positions match nothing, so nothing is allocated then.
    let found: TrieMatch<T>[] | undefined
    let node: TrieNode<T> | undefined = this.root
    for (let i = start; i < text.length; i++) {
      node = node.children.get(this.fold(text.charCodeAt(i)))
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
      node = node.children.get(this.fold(text.charCodeAt(i)))
      if (node === undefined) break
      if (node.values !== undefined) best = { end: i + 1, values: node.values }
    }
    return best
  }

  /** Exact lookup of a whole word. */
  get(word: string): readonly T[] | undefined {
    let node: TrieNode<T> | undefined = this.root
    for (let i = 0; i < word.length && node !== undefined; i++) node = node.children.get(this.fold(word.charCodeAt(i)))
    return node?.values
  }
}
