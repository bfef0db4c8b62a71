import { describe, expect, it } from 'vitest'
import { CharTrie } from '../../src/entities/char-trie'

describe('CharTrie', () => {
  const trie = new CharTrie<string>()
  for (const word of ['人民', '人民医院', '县', '介休', '介休市']) trie.add(word, word)

  it('says a word may start wherever one does, one-character words included, and no where none can', () => {
    const text = '介休市人民医院在县城，人们说介绍'
    const starts = Array.from(text, (_, i) => i).filter((i) => trie.startsAt(text, i))
    const found = starts.filter((i) => trie.matchesAt(text, i).length > 0)
    // Every word start passes the pre-check (人民 at 3, 县 at 8, 介休 at 0); 人们 and 介绍 share a first
    // character with a word but not its second, and the text's last character starts nothing.
    expect(found).toEqual([0, 3, 8])
    expect(starts).toEqual(found)
    expect(trie.startsAt(text, text.length)).toBe(false)
  })

  it('finds every word at a position, longest first', () => {
    expect(trie.matchesAt('介休市人民', 0).map((match) => match.values[0])).toEqual(['介休市', '介休'])
    expect(trie.longestAt('人民医院', 0)?.values).toEqual(['人民医院'])
  })
})
