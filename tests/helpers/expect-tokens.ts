import { expect } from 'vitest'
import type { Analyzer, Token } from '../../src/analysis'

/** What a test states about one token; `position` and `subword` are checked only when given. */
export interface ExpectedToken {
  text: string
  start: number
  end: number
  position?: number
  subword?: boolean
}

function pick(token: Token, expected: ExpectedToken): ExpectedToken {
  const actual: ExpectedToken = { text: token.text, start: token.start, end: token.end }
  if (expected.position !== undefined) actual.position = token.position
  if (expected.subword !== undefined) actual.subword = token.subword
  return actual
}

/**
 * Asserts the exact token stream of `input` (Tantivy's `assert_token`, Lucene's `assertAnalyzesTo`):
 * same tokens, same order, same offsets. Offsets are also checked to lie inside the original text.
 */
export function expectTokens(analyzer: Analyzer, input: string, expected: readonly ExpectedToken[]): Token[] {
  const tokens = analyzer.analyze(input)
  expect(tokens.map((token, i) => pick(token, expected[i] ?? { text: '', start: 0, end: 0 }))).toEqual(expected)
  for (const token of tokens) {
    expect(token.start).toBeGreaterThanOrEqual(0)
    expect(token.end).toBeLessThanOrEqual(input.length)
  }
  return tokens
}

/** The coarse words (no sub-words) of a text, as strings. */
export function coarseTexts(analyzer: Analyzer, input: string): string[] {
  return analyzer.analyze(input).filter((token) => !token.subword).map((token) => token.text)
}
