import { TermDictionary } from './term-dictionary'
import { withCapacity } from './typed-arrays'

/** A numeric condition on figures; bounds inclusive. */
export interface FigureCondition {
  unit?: string | undefined
  min?: number | undefined
  max?: number | undefined
  /** Matches figures whose subject contains this text. */
  subject?: string | undefined
}

/** The table's columns, as saved (see index/persistence/figure-codec.ts): row i is a figure of document `docs[i]`. */
export interface FigureColumns {
  docs: Int32Array
  low: Float64Array
  high: Float64Array
  /** Each row's unit and subject, as places in `units` and `subjects`. */
  unitIds: Int32Array
  subjectIds: Int32Array
  units: string[]
  subjects: string[]
}

const INITIAL_ROWS = 256

/**
 * The documents' numeric figures, one row each (a single value is a range from itself to itself), for
 * range filters such as `figure:补贴>=3000元`. Typed columns with units and subjects kept once each: the
 * laws' 47,942 figures loaded from JSON arrays took 10–14 ms of parsing and five arrays of JS values.
 */
export class FigureTable {
  private docs: Int32Array = new Int32Array(INITIAL_ROWS)
  private low: Float64Array = new Float64Array(INITIAL_ROWS)
  private high: Float64Array = new Float64Array(INITIAL_ROWS)
  private unitIds: Int32Array = new Int32Array(INITIAL_ROWS)
  private subjectIds: Int32Array = new Int32Array(INITIAL_ROWS)
  private units = new TermDictionary()
  private subjects = new TermDictionary()
  private count = 0

  get size(): number {
    return this.count
  }

  add(doc: number, low: number, high: number, unit: string, subject: string): void {
    if (this.count === this.docs.length) this.grow(Math.max(INITIAL_ROWS, this.count * 2))
    const row = this.count++
    this.docs[row] = doc
    this.low[row] = low
    this.high[row] = high
    this.unitIds[row] = this.units.intern(unit)
    this.subjectIds[row] = this.subjects.intern(subject)
  }

  /** Documents holding a figure that meets the condition (a range figure meets it when the ranges overlap). */
  documentsMatching(condition: FigureCondition): Set<number> {
    const docs = new Set<number>()
    const min = condition.min ?? -Infinity
    const max = condition.max ?? Infinity
    const unit = condition.unit === undefined ? undefined : this.units.get(condition.unit)
    if (condition.unit !== undefined && unit === undefined) return docs
    // Each distinct subject is tested once, not once per figure.
    const subjectMatches = condition.subject === undefined ? undefined : this.subjects.terms.map((subject) => subject.includes(condition.subject!))
    for (let row = 0; row < this.count; row++) {
      if (unit !== undefined && this.unitIds[row] !== unit) continue
      if (this.high[row]! < min || this.low[row]! > max) continue
      if (subjectMatches && !subjectMatches[this.subjectIds[row]!]) continue
      docs.add(this.docs[row]!)
    }
    return docs
  }

  /** Drops the rows of deleted documents. */
  dropDocuments(isDeleted: (doc: number) => boolean): void {
    let kept = 0
    for (let row = 0; row < this.count; row++) {
      if (isDeleted(this.docs[row]!)) continue
      this.docs[kept] = this.docs[row]!
      this.low[kept] = this.low[row]!
      this.high[kept] = this.high[row]!
      this.unitIds[kept] = this.unitIds[row]!
      this.subjectIds[kept] = this.subjectIds[row]!
      kept++
    }
    this.count = kept
  }

  /** The columns as they stand (views, not copies). */
  columns(): FigureColumns {
    return {
      docs: this.docs.subarray(0, this.count),
      low: this.low.subarray(0, this.count),
      high: this.high.subarray(0, this.count),
      unitIds: this.unitIds.subarray(0, this.count),
      subjectIds: this.subjectIds.subarray(0, this.count),
      units: [...this.units.terms],
      subjects: [...this.subjects.terms],
    }
  }

  /** A table of saved columns (it keeps the arrays); throws a TypeError when they do not fit together. */
  static fromColumns(columns: FigureColumns): FigureTable {
    const { docs, low, high, unitIds, subjectIds, units, subjects } = columns
    const count = docs.length
    if ([low, high, unitIds, subjectIds].some((column) => column.length !== count)) throw new TypeError('figure table columns do not match')
    if (!units.every((unit) => typeof unit === 'string') || !subjects.every((subject) => typeof subject === 'string')) throw new TypeError('figure units and subjects must be strings')
    for (let row = 0; row < count; row++) {
      if (!(unitIds[row]! >= 0 && unitIds[row]! < units.length && subjectIds[row]! >= 0 && subjectIds[row]! < subjects.length)) {
        throw new TypeError('a figure names a unit or subject the table does not have')
      }
    }
    const table = new FigureTable()
    table.docs = docs
    table.low = low
    table.high = high
    table.unitIds = unitIds
    table.subjectIds = subjectIds
    table.units = new TermDictionary(units)
    table.subjects = new TermDictionary(subjects)
    table.count = count
    return table
  }

  /** A table from the JSON columns of format versions before 8 (`{ docs, low, high, units, subjects }`, a row per figure). */
  static fromJson(value: unknown): FigureTable {
    const json = value as { docs: unknown[]; low: unknown[]; high: unknown[]; units: unknown[]; subjects: unknown[] } | null
    const length = json?.docs?.length
    const columns = [json?.docs, json?.low, json?.high, json?.units, json?.subjects]
    if (columns.some((column) => !Array.isArray(column) || column.length !== length)) throw new TypeError('figure table columns do not match')
    const table = new FigureTable()
    json!.docs.forEach((doc, row) => table.add(Number(doc), Number(json!.low[row]), Number(json!.high[row]), String(json!.units[row]), String(json!.subjects[row])))
    return table
  }

  private grow(rows: number): void {
    this.docs = withCapacity(this.docs, rows)
    this.low = withCapacity(this.low, rows)
    this.high = withCapacity(this.high, rows)
    this.unitIds = withCapacity(this.unitIds, rows)
    this.subjectIds = withCapacity(this.subjectIds, rows)
  }
}
