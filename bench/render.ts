/**
 * Renders the Markdown tables of a committed results file, e.g. for the README's performance section:
 *   npx tsx bench/render.ts bench/results/2026-11-24.json
 */
import { readFileSync } from 'node:fs'
import { SEGMENTATION_JOB } from './job'
import { type RunSummary, renderMarkdown } from './report/markdown'

const path = process.argv[2]
if (!path) throw new Error('usage: render.ts <results.json>')
process.stdout.write(`${renderMarkdown(JSON.parse(readFileSync(path, 'utf8')) as RunSummary, SEGMENTATION_JOB)}\n`)
