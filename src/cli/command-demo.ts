import { formatHits, highlightMarkers } from './format-hits'
import { bundledSeeds, loadEngine } from './load-engine'

/** Queries that show what the engine does on the seed articles: a programme, a topic pair, a question, traditional script. */
export const DEMO_QUERIES = ['千名医师下基层', '医共体 建设', '孕产妇死亡率是多少', '遠程會診', '"家庭医生签约"']

/** `npm start`: indexes the bundled seeds and runs the example queries (or the query given). */
export async function commandDemo(args: string[]): Promise<void> {
  const started = performance.now()
  const engine = await loadEngine({})
  const stats = engine.stats()
  process.stdout.write(`Indexed ${stats.documents} seed articles from ${bundledSeeds()} (${stats.terms} terms) in ${((performance.now() - started) / 1000).toFixed(2)} s\n\n`)
  const queries = args.length > 0 ? [args.join(' ')] : DEMO_QUERIES
  for (const query of queries) {
    const result = engine.search(query, { limit: 3, snippet: { format: 'text', ...highlightMarkers(process.stdout) } })
    process.stdout.write(formatHits(query, result, false) + '\n\n')
  }
}
