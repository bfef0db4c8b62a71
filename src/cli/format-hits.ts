import type { SearchResult } from '../index'

/** Markers for matched words: colour on a terminal, 【】 when piped. */
export function highlightMarkers(stream: NodeJS.WriteStream): { before: string; after: string } {
  return stream.isTTY ? { before: '\u001b[1;31m', after: '\u001b[0m' } : { before: '【', after: '】' }
}

/** Human-readable hits: rank, id, score, title, snippet. */
export function formatHits(query: string, result: SearchResult, explain: boolean): string {
  const lines = [`${query}  —  ${result.total} matching, ${result.tookMs.toFixed(2)} ms`]
  result.hits.forEach((hit, rank) => {
    const title = typeof hit.fields.title === 'string' && hit.snippetField !== 'title' ? `  ${hit.fields.title.slice(0, 60)}` : ''
    lines.push(`${String(rank + 1).padStart(3)}. ${hit.id}  (score ${hit.score.toFixed(3)})${title}`)
    lines.push(`     ${hit.section ? `[${hit.section}] ` : ''}${hit.snippet}`)
    if (explain && hit.explanation) {
      const e = hit.explanation
      lines.push(`     = BM25F ${e.bm25f.toFixed(3)} × coordination ${e.coordination.toFixed(3)} (${e.matchedGroups}/${e.totalGroups} groups) × passage ${e.passage.toFixed(3)}`)
      for (const term of e.terms) {
        lines.push(`       ${term.origin.padEnd(8)} ${term.term} in ${term.field}: tf ${term.tf}, idf ${term.idf.toFixed(3)} → ${term.value.toFixed(3)}`)
      }
    }
  })
  if (result.hits.length === 0) lines.push('     (no hits)')
  return lines.join('\n')
}
