import { FigureTable } from '../figure-table'
import type { SectionReader, SectionWriter } from './index-file'

/**
 * The figure table in a saved index (format version 8 on): its five columns as deflated typed sections,
 * then its unit and subject names as one deflated JSON section. Versions before 8 kept the table as JSON
 * arrays in the metadata (see {@link FigureTable.fromJson}).
 */
export function encodeFigures(writer: SectionWriter, table: FigureTable): void {
  const { docs, low, high, unitIds, subjectIds, units, subjects } = table.columns()
  for (const column of [docs, low, high, unitIds, subjectIds]) writer.deflated(column)
  writer.deflatedJson({ units, subjects })
}

/** Reads what {@link encodeFigures} wrote; a TypeError when the sections do not fit together. */
export function decodeFigures(reader: SectionReader): FigureTable {
  const docs = reader.inflatedInt32()
  const low = reader.inflatedFloat64()
  const high = reader.inflatedFloat64()
  const unitIds = reader.inflatedInt32()
  const subjectIds = reader.inflatedInt32()
  const names = reader.inflatedJson() as { units?: unknown; subjects?: unknown } | null
  if (!Array.isArray(names?.units) || !Array.isArray(names?.subjects)) throw new TypeError('figure names are malformed')
  return FigureTable.fromColumns({ docs, low, high, unitIds, subjectIds, units: names.units as string[], subjects: names.subjects as string[] })
}
