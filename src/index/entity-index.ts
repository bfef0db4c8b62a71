import type { EntityMention } from '../entities'
import { JsonRecords } from './json-records'

/**
 * What the index keeps of entities: each document's mentions (returned with hits), and a table of
 * figures for numeric range filters. Filters by place, programme, person and organisation do not need
 * a structure of their own: {@link entityTerms} turns mentions into terms of a hidden field, so they
 * are ordinary postings (and a place's ancestors are indexed with it, so 晋中 finds its counties).
 */
export const ENTITY_FIELD = '@entities'

/** The hidden-field terms for a document's mentions. */
export function entityTerms(mentions: readonly EntityMention[]): string[] {
  const terms: string[] = []
  for (const mention of mentions) {
    switch (mention.type) {
      case 'city':
        if (mention.code) {
          terms.push(`city:${mention.code}`)
          for (const ancestor of mention.ancestors ?? []) terms.push(`city:${ancestor}`)
        }
        break
      case 'program':
        terms.push(`program:${mention.canonical ?? mention.text}`)
        break
      case 'person':
      case 'org':
        terms.push(`${mention.type}:${mention.canonical ?? mention.text}`)
        break
      case 'figure':
        if (mention.unit) terms.push(`figure:${mention.unit}`)
        break
    }
  }
  return terms
}

/** A numeric condition on figures; bounds inclusive. */
export interface FigureCondition {
  unit?: string | undefined
  min?: number | undefined
  max?: number | undefined
  /** Matches figures whose subject contains this text. */
  subject?: string | undefined
}

export class EntityIndex {
  private mentions = new JsonRecords()
  private figureDocs: number[] = []
  private figureLow: number[] = []
  private figureHigh: number[] = []
  private figureUnits: string[] = []
  private figureSubjects: string[] = []

  /** Records the mentions of the next document (documents are numbered densely). */
  add(doc: number, mentions: readonly EntityMention[]): void {
    while (this.mentions.size < doc) this.mentions.push([])
    this.mentions.push(mentions)
    for (const mention of mentions) {
      if (mention.type !== 'figure' || mention.value === undefined) continue
      const [low, high] = Array.isArray(mention.value) ? mention.value : [mention.value, mention.value]
      this.figureDocs.push(doc)
      this.figureLow.push(low)
      this.figureHigh.push(high)
      this.figureUnits.push(mention.unit ?? '')
      this.figureSubjects.push(mention.subject ?? '')
    }
  }

  mentionsOf(doc: number): EntityMention[] {
    return (this.mentions.get(doc) as EntityMention[] | undefined) ?? []
  }

  /** Documents holding a figure that meets the condition (a range figure meets it when the ranges overlap). */
  documentsWithFigure(condition: FigureCondition): Set<number> {
    const docs = new Set<number>()
    const min = condition.min ?? -Infinity
    const max = condition.max ?? Infinity
    for (let i = 0; i < this.figureDocs.length; i++) {
      if (condition.unit !== undefined && this.figureUnits[i] !== condition.unit) continue
      if (this.figureHigh[i]! < min || this.figureLow[i]! > max) continue
      if (condition.subject !== undefined && !this.figureSubjects[i]!.includes(condition.subject)) continue
      docs.add(this.figureDocs[i]!)
    }
    return docs
  }

  /** Frees deleted documents' mentions and figures; numbers stay, so the other documents' are untouched. */
  dropDocuments(isDeleted: (doc: number) => boolean): void {
    this.mentions = this.mentions.withoutRecords(isDeleted)
    const kept = this.figureDocs.flatMap((doc, row) => (isDeleted(doc) ? [] : [row]))
    this.figureLow = kept.map((row) => this.figureLow[row]!)
    this.figureHigh = kept.map((row) => this.figureHigh[row]!)
    this.figureUnits = kept.map((row) => this.figureUnits[row]!)
    this.figureSubjects = kept.map((row) => this.figureSubjects[row]!)
    this.figureDocs = kept.map((row) => this.figureDocs[row]!)
  }

  snapshot(): { mentions: { bytes: Uint8Array; offsets: Int32Array }; figures: unknown } {
    return {
      mentions: this.mentions.snapshot(),
      figures: { docs: this.figureDocs, low: this.figureLow, high: this.figureHigh, units: this.figureUnits, subjects: this.figureSubjects },
    }
  }

  static restore(bytes: Uint8Array, offsets: Int32Array, figures: unknown, markers = true): EntityIndex {
    const index = new EntityIndex()
    index.mentions = JsonRecords.restore(bytes, offsets, markers)
    const table = figures as { docs: number[]; low: number[]; high: number[]; units: string[]; subjects: string[] }
    const length = table?.docs?.length
    const columns = [table?.low, table?.high, table?.units, table?.subjects]
    if (!Array.isArray(table?.docs) || columns.some((column) => !Array.isArray(column) || column.length !== length)) {
      throw new TypeError('figure table columns do not match')
    }
    index.figureDocs = table.docs
    index.figureLow = table.low
    index.figureHigh = table.high
    index.figureUnits = table.units
    index.figureSubjects = table.subjects
    return index
  }
}
