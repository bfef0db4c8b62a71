/**
 * Keystroke latency of suggestions on a saved index or a corpus (not a vitest test: it needs a large corpus).
 * Every prefix of sampled titles and frequent terms, in Chinese, full pinyin and initials, is timed.
 *
 *   npx tsx tests/search/suggest-latency.ts /work/shared/corpora/laws-zh.jsonl.gz   (or a saved .zhs)
 */
import { loadEngine } from '../../src/cli/load-engine'
import { createSuggester } from '../../src/search/suggester'
import { fullKey, initialsKey, pinyinReadings } from '../../src/search/pinyin-readings'

const SAMPLED_TITLES = 400
const SAMPLED_TERMS = 400
const PREFIX_CHARS = 10
const REPEATS = 3
/** Keystrokes slower than this in the last round are listed, to find the inputs that cost most. */
const SLOW_MS = 1

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))]!
}

async function main(): Promise<void> {
  const path = process.argv[2]
  if (!path) throw new Error('usage: tsx tests/search/suggest-latency.ts <index.zhs | corpus>')
  const engine = await loadEngine(path.endsWith('.zhs') ? { index: path } : { corpus: path })
  const heapBefore = process.memoryUsage().heapUsed
  const started = performance.now()
  const suggester = createSuggester(engine)
  const buildMs = performance.now() - started
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1e6
  const titles = [...engine.documents()].map((doc) => String(doc.title ?? '')).filter((title) => title !== '')
  const terms = [...engine.termStatistics()].filter(({ term }) => /\p{Script=Han}{2}/u.test(term)).sort((a, b) => b.docFrequency - a.docFrequency)
  const step = Math.max(1, Math.floor(titles.length / SAMPLED_TITLES))
  const words = [...titles.filter((_, index) => index % step === 0), ...terms.slice(0, SAMPLED_TERMS * 10).filter((_, index) => index % 10 === 0).map(({ term }) => term)]
  const inputs: string[] = []
  for (const word of words) {
    for (let length = 1; length <= Math.min(PREFIX_CHARS, word.length); length++) inputs.push(word.slice(0, length))
    const reading = pinyinReadings(word.slice(0, 4))[0]
    if (!reading) continue
    const full = fullKey(reading)
    for (let length = 1; length <= full.length; length++) inputs.push(full.slice(0, length))
    const initials = initialsKey(reading)
    for (let length = 2; length <= initials.length; length++) inputs.push(initials.slice(0, length))
  }
  const timings: number[] = []
  const slowest: { input: string; ms: number }[] = []
  for (let repeat = 0; repeat < REPEATS; repeat++) {
    for (const input of inputs) {
      const before = performance.now()
      suggester.suggest(input, { limit: 8 })
      const ms = performance.now() - before
      timings.push(ms)
      if (repeat === REPEATS - 1 && ms > SLOW_MS) slowest.push({ input, ms })
    }
  }
  timings.sort((a, b) => a - b)
  const hitsTop5 = titles
    .filter((_, index) => index % step === 0)
    .filter((title) => suggester.suggest(title.slice(0, Math.min(6, title.length)), { limit: 5 }).some((suggestion) => suggestion.text === title)).length
  console.log(JSON.stringify({
    documents: engine.size,
    entries: suggester.size,
    buildMs: Math.round(buildMs),
    heapMb: Math.round(heapMb),
    keystrokes: timings.length,
    p50Ms: percentile(timings, 0.5).toFixed(4),
    p99Ms: percentile(timings, 0.99).toFixed(4),
    maxMs: timings.at(-1)!.toFixed(3),
    titleInTop5From6Chars: `${hitsTop5}/${Math.ceil(titles.length / step)}`,
    slowest: slowest.sort((a, b) => b.ms - a.ms).slice(0, 5).map(({ input, ms }) => `${input} ${ms.toFixed(2)}ms`),
  }))
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
