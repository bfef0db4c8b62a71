/**
 * Scores the entity recogniser against gold annotations (ENTITIES.md convention). Usage: {@link USAGE}.
 *
 * A predicted mention matches a gold one when type, start and end are equal. Prints precision, recall
 * and F1 per type and overall, the share of matched figures whose value and unit are exact, and one
 * JSON line with the same numbers. --errors lists every missed and spurious mention. --laws also
 * times recognition over every law body (UTF-8 MB per CPU second, after dictionaries are loaded).
 */
import { readFileSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'
import { recognizeEntities, type EntityMention, type EntityType } from '../src/entities'
import { existingFile, readCommandLine } from './command-line'
import { SHARED_FILES } from './data/locations'

interface GoldLine { id: string; entities: EntityMention[] }
interface Paragraph { id: string; body: string }

const TYPES: EntityType[] = ['city', 'program', 'figure', 'person', 'org']

const USAGE = `usage: npx tsx bench/entities-eval.ts [--gold ../shared/eval/entities-gold.dev.jsonl]
                                 [--paragraphs ../shared/eval/seed-paragraphs.jsonl] [--errors]
                                 [--laws ../shared/corpora/laws-zh.jsonl.gz]`

const { values } = readCommandLine(USAGE, {
  options: {
    gold: { type: 'string', default: SHARED_FILES.entitiesGold },
    paragraphs: { type: 'string', default: SHARED_FILES.seedParagraphs },
    errors: { type: 'boolean', default: false },
    laws: { type: 'string' },
  },
})

function readJsonLines<T>(path: string): T[] {
  return readFileSync(path, 'utf8').split('\n').filter((l) => l.trim().length > 0).map((l) => JSON.parse(l) as T)
}

const key = (m: EntityMention): string => `${m.type}:${m.start}:${m.end}`
const sameValue = (a: EntityMention, b: EntityMention): boolean =>
  JSON.stringify(a.value) === JSON.stringify(b.value) && a.unit === b.unit

function main(): void {
  const gold = readJsonLines<GoldLine>(existingFile(USAGE, values.gold, 'gold'))
  const bodies = new Map(readJsonLines<Paragraph>(existingFile(USAGE, values.paragraphs, 'paragraphs')).map((p) => [p.id, p.body]))
  const showErrors = values.errors
  const counts = Object.fromEntries(TYPES.map((t) => [t, { tp: 0, fp: 0, fn: 0 }])) as Record<EntityType, { tp: number; fp: number; fn: number }>
  let figureMatches = 0
  let figureExact = 0
  for (const line of gold) {
    const body = bodies.get(line.id)
    if (body === undefined) throw new Error(`no paragraph ${line.id} in the paragraphs file`)
    const predicted = recognizeEntities(body)
    const goldByKey = new Map(line.entities.map((m) => [key(m), m]))
    const predictedKeys = new Set(predicted.map(key))
    for (const p of predicted) {
      const g = goldByKey.get(key(p))
      if (g === undefined) {
        counts[p.type].fp++
        if (showErrors) console.log(`  FP ${line.id} ${p.type} ${p.text}`)
        continue
      }
      counts[p.type].tp++
      if (p.type === 'figure') {
        figureMatches++
        if (sameValue(p, g)) figureExact++
        else if (showErrors) console.log(`  VALUE ${line.id} ${p.text}: ${JSON.stringify(p.value)} ${p.unit} vs gold ${JSON.stringify(g.value)} ${g.unit}`)
      }
    }
    for (const g of line.entities) {
      if (predictedKeys.has(key(g))) continue
      counts[g.type].fn++
      if (showErrors) console.log(`  FN ${line.id} ${g.type} ${g.text}`)
    }
  }
  const report: Record<string, unknown> = {}
  const total = { tp: 0, fp: 0, fn: 0 }
  const score = (c: { tp: number; fp: number; fn: number }) => {
    const precision = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp)
    const recall = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn)
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)
    return { precision: round(precision), recall: round(recall), f1: round(f1), support: c.tp + c.fn, predicted: c.tp + c.fp }
  }
  console.log('type      precision  recall  F1     gold  predicted')
  for (const type of TYPES) {
    const c = counts[type]
    total.tp += c.tp; total.fp += c.fp; total.fn += c.fn
    const s = score(c)
    report[type] = s
    console.log(`${type.padEnd(9)} ${fmt(s.precision)}      ${fmt(s.recall)}   ${fmt(s.f1)}  ${String(s.support).padStart(4)}  ${String(s.predicted).padStart(4)}`)
  }
  const all = score(total)
  report.all = all
  report.figureValueExact = figureMatches === 0 ? null : round(figureExact / figureMatches)
  console.log(`${'all'.padEnd(9)} ${fmt(all.precision)}      ${fmt(all.recall)}   ${fmt(all.f1)}  ${String(all.support).padStart(4)}  ${String(all.predicted).padStart(4)}`)
  console.log(`figures with exact value and unit: ${figureExact}/${figureMatches}`)
  if (values.laws !== undefined) report.throughput = measureThroughput(existingFile(USAGE, values.laws, 'laws'))
  console.log(JSON.stringify(report))
}

/** Recognition throughput over a JSON-lines corpus with a `body` field (gzip allowed). */
function measureThroughput(path: string): Record<string, number> {
  const raw = readFileSync(path)
  const content = path.endsWith('.gz') ? gunzipSync(raw).toString('utf8') : raw.toString('utf8')
  const bodies = content.split('\n').filter((l) => l.trim().length > 0).map((l) => (JSON.parse(l) as { body: string }).body)
  recognizeEntities('淄博市卫生健康委主任程勤表示，45%') // loads every dictionary before timing
  const cpuBefore = process.cpuUsage()
  const wallBefore = performance.now()
  let bytes = 0
  let mentions = 0
  for (const body of bodies) {
    bytes += Buffer.byteLength(body)
    mentions += recognizeEntities(body).length
  }
  const cpu = process.cpuUsage(cpuBefore)
  const cpuSeconds = (cpu.user + cpu.system) / 1e6
  const wallSeconds = (performance.now() - wallBefore) / 1000
  const megabytes = bytes / 1e6
  console.log(`throughput: ${bodies.length} documents, ${megabytes.toFixed(1)} MB, ${mentions} mentions, ` +
    `${(megabytes / cpuSeconds).toFixed(2)} MB/s CPU (${(megabytes / wallSeconds).toFixed(2)} MB/s wall)`)
  return { documents: bodies.length, megabytes: round(megabytes), mentions, mbPerCpuSecond: round(megabytes / cpuSeconds), mbPerWallSecond: round(megabytes / wallSeconds) }
}

function round(x: number): number { return Math.round(x * 10000) / 10000 }
function fmt(x: number): string { return x.toFixed(3) }

main()
