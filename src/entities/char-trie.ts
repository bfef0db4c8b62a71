interface TrieNode<T> {
  children: Map<string, TrieNode<T>>
  values: T[] | undefined
}

/** One dictionary word found in a text: it spans [start, end) and carries the values added for it. */
export interface TrieMatch<T> {
  end: number
  values: readonly T[]
}

/**
 * A character trie over UTF-16 code units, for dictionary lookup at a text position without regular
 * expressions. `fold` maps a code unit before lookup (e.g. full-width ＋ → +); it must map one unit to
 * one unit so that offsets into the original text stay valid.
 */
export class CharTrie<T> {
  private readonly root: TrieNode<T> = { children: new Map(), values: undefined }

  constructor(private readonly fold: (unit: string) => string = (unit) => unit) {}

  add(word: string, value: T): void {
    let node = this.root
    for (const unit of word) {
      for (let k = 0; k < unit.length; k++) {
        const key = this.fold(unit[k] as string)
        let next = node.children.get(key)
        if (next === undefined) {
          next = { children: new Map(), values: undefined }
          node.children.set(key, next)
        }
        node = next
      }
    }
    ;(node.values ??= []).push(value)
  }

  /** True when some word starts with this code unit: a cheap pre-check in scanning loops. */
  startsWithUnit(unit: string): boolean {
    return this.root.children.has(this.fold(unit))
  }

  /** Every word that starts at `start`, longest first. */
  matchesAt(text: string, start: number): TrieMatch<T>[] {
    const found: TrieMatch<T>[] = []
    let node: TrieNode<T> | undefined = this.root
    for (let i = start; i < text.length; i++) {
      node = node.children.get(this.fold(text[i] as string))
      if (node === undefined) break
      if (node.values !== undefined) found.push({ end: i + 1, values: node.values })
    }
    return found.reverse()
  }

  /** The longest word that starts at `start`, if any. */
  longestAt(text: string, start: number): TrieMatch<T> | undefined {
    return this.matchesAt(text, start)[0]
  }

  /** Exact lookup of a whole word. */
  get(word: string): readonly T[] | undefined {
    let node: TrieNode<T> | undefined = this.root
    for (let i = 0; i < word.length && node !== undefined; i++) node = node.children.get(this.fold(word[i] as string))
    return node?.values
  }
}
