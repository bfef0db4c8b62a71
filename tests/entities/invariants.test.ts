import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { recognizeEntities, type EntityMention } from '../../src/entities'
import { packageRoot } from '../../src/package-root'

const seedDir = join(packageRoot(), 'seeds')
const seedParagraphs: string[] = readdirSync(seedDir)
  .filter((f) => f.endsWith('.txt'))
  .flatMap((f) => readFileSync(join(seedDir, f), 'utf8').split('\n'))

function expectWellFormed(text: string, mentions: EntityMention[]): void {
  let lastEnd = 0
  for (const m of mentions) {
    expect(text.slice(m.start, m.end)).toBe(m.text)
    expect(m.start).toBeGreaterThanOrEqual(lastEnd)
    expect(m.end).toBeGreaterThan(m.start)
    lastEnd = m.end
  }
}

describe('recognizeEntities invariants', () => {
  it('returns flat, ordered mentions whose offsets slice out their text', () => {
    for (const paragraph of seedParagraphs) expectWellFormed(paragraph, recognizeEntities(paragraph))
  })

  it('is deterministic', () => {
    const text = seedParagraphs.join('\n')
    expect(recognizeEntities(text)).toEqual(recognizeEntities(text))
  })

  it('handles empty input, lone surrogates and odd characters without throwing', () => {
    expect(recognizeEntities('')).toEqual([])
    for (const text of ['\ud800', '淄博\udc00市45%', '“”“', '（）', '1.', '第', '万', '\u3000淄博市\u3000', '𠮷野家在淄博市']) {
      expectWellFormed(text, recognizeEntities(text))
    }
  })

  it('keeps offsets exact around surrogate pairs', () => {
    const text = '𠮷𠮷淄博市中心医院接诊23.2万人次'
    const mentions = recognizeEntities(text)
    expectWellFormed(text, mentions)
    expect(mentions.map((m) => m.text)).toEqual(['淄博市中心医院', '23.2万人次'])
  })

  it('processes 1 MB of text', () => {
    const sample = seedParagraphs.join('\n')
    const text = sample.repeat(Math.ceil(1_000_000 / sample.length))
    const mentions = recognizeEntities(text)
    expectWellFormed(text, mentions)
    const perCopy = recognizeEntities(sample).length
    expect(mentions.length).toBeGreaterThanOrEqual(perCopy * Math.floor(text.length / sample.length))
  })
})
