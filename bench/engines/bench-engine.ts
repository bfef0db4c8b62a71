/**
 * The one interface every benchmarked engine is driven through. Adapters stay thin (~100 lines): they
 * configure the library as its own documentation recommends for Chinese and translate documents in,
 * ranked ids out. Methods may return promises because some libraries (Orama, FlexSearch export) do.
 */
import type { BenchDoc } from '../data/corpus'

export type MaybePromise<T> = T | Promise<T>

export interface BenchEngine {
  /** Registry name, e.g. `minisearch-jieba`. */
  readonly name: string
  /** Indexes all documents into a fresh index (called once per engine instance). */
  build(docs: readonly BenchDoc[]): MaybePromise<void>
  /** The ids of the top `k` documents for a query typed into a search box, best first. */
  search(query: string, k: number): MaybePromise<string[]>
  /**
   * Like `search`, also reading what a results page shows (snippets, highlights), for engines that build
   * them; timed separately, as peers return ids alone.
   */
  searchPage?(query: string, k: number): MaybePromise<string[]>
  /** As-you-type completions of a prefix (their texts), for engines that offer them. */
  suggest?(prefix: string, k: number): MaybePromise<string[]>
  /** Like `search`, restricted to documents whose `category` equals `category`; only where the library filters natively. */
  searchInCategory?(query: string, k: number, category: string): MaybePromise<string[]>
  /** The index as bytes, in the library's own persistence format. */
  serialize?(): MaybePromise<Uint8Array>
  /** Replaces this (fresh) instance's index with one read from `serialize()` bytes. */
  load?(bytes: Uint8Array): MaybePromise<void>
}

/** Text that engines without separate fields index: the title, a line break, the body. */
export function fullText(doc: BenchDoc): string {
  return doc.title ? `${doc.title}\n${doc.body}` : doc.body
}

/** Weight of the title against the body (×2), used by every engine that has field boosts, as zhsearch does. */
export const TITLE_BOOST = 2

/** JSON text ↔ bytes, for libraries whose persistence format is JSON. */
export function jsonToBytes(value: unknown): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(value))
}
export function bytesToJson<T>(bytes: Uint8Array): T {
  return JSON.parse(new TextDecoder().decode(bytes)) as T
}

/** True for a token worth indexing: it has a letter or digit (jieba also returns punctuation and spaces). */
export function isWordToken(token: string): boolean {
  return /[\p{L}\p{N}]/u.test(token)
}
