import { describe, expect, it } from 'vitest'
import { FigureTable, SectionReader, SectionWriter, decodeFigures, encodeFigures } from '../../src/index/index'

/** 600 figures over 300 documents: more rows than the table starts with, so it has to grow. */
function sampleTable(): FigureTable {
  const table = new FigureTable()
  for (let doc = 0; doc < 300; doc++) {
    table.add(doc, doc * 10, doc * 10, '元', doc % 3 === 0 ? '生育补贴' : '住院预交金')
    table.add(doc, doc / 1000, doc / 1000 + 0.01, '%', '覆盖率')
  }
  return table
}

const sorted = (docs: Set<number>) => [...docs].sort((a, b) => a - b)

describe('FigureTable', () => {
  it('finds documents by unit, inclusive bounds, overlapping ranges and subject text', () => {
    const table = sampleTable()
    expect(table.size).toBe(600)
    expect(sorted(table.documentsMatching({ unit: '元', min: 2980 }))).toEqual([298, 299])
    expect(sorted(table.documentsMatching({ unit: '元', max: 10, subject: '补贴' }))).toEqual([0])
    // A range figure meets a condition when the ranges overlap, bounds included: 0.295–0.305 meets min 0.305.
    expect(sorted(table.documentsMatching({ unit: '%', min: 0.305 }))).toEqual([295, 296, 297, 298, 299])
    expect(table.documentsMatching({ unit: '吨' }).size).toBe(0)
    expect(table.documentsMatching({ subject: '预交金' }).size).toBe(200)
  })

  it('drops the rows of deleted documents and keeps taking new ones', () => {
    const table = sampleTable()
    table.dropDocuments((doc) => doc % 2 === 1)
    expect(table.size).toBe(300)
    expect(sorted(table.documentsMatching({ unit: '元', min: 2970 }))).toEqual([298])
    table.add(400, 5000, 5000, '元', '')
    expect(sorted(table.documentsMatching({ unit: '元', min: 4500 }))).toEqual([400])
  })

  it('comes back from its saved sections answering the same', () => {
    const table = sampleTable()
    const writer = new SectionWriter()
    encodeFigures(writer, table)
    const copy = decodeFigures(new SectionReader(writer.finish()))
    for (const condition of [{ unit: '元', min: 1000, max: 1500 }, { unit: '%', max: 0.05 }, { subject: '生育' }, {}]) {
      expect(sorted(copy.documentsMatching(condition)), JSON.stringify(condition)).toEqual(sorted(table.documentsMatching(condition)))
    }
  })

  it('refuses saved columns that do not fit together', () => {
    const columns = sampleTable().columns()
    expect(() => FigureTable.fromColumns({ ...columns, low: columns.low.subarray(1) })).toThrow(TypeError)
    expect(() => FigureTable.fromColumns({ ...columns, units: [] })).toThrow(TypeError)
    expect(() => FigureTable.fromColumns({ ...columns, unitIds: columns.unitIds.map(() => -1) })).toThrow(TypeError)
    expect(() => FigureTable.fromJson({ docs: [1], low: [1], high: [], units: ['元'], subjects: [''] })).toThrow(TypeError)
  })
})
