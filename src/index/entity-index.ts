import type { EntityMention } from '../entities'
import { FigureTable, type FigureCondition } from './figure-table'
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

export class EntityIndex {
  private mentions = new JsonRecords()
  private figures = new FigureTable()

  /** Records the mentions of the next document (documents are numbered densely). */
  add(doc: number, mentions: readonly EntityMention[]): void {
    while (this.mentions.size < doc) this.mentions.push([])
    this.mentions.push(mentions)
    for (const mention of mentions) {
      if (mention.type !== 'figure' || mention.value === undefined) continue
      const [low, high] = Array.isArray(mention.value) ? mention.value : [mention.value, mention.value]
      this.figures.add(doc, low, high, mention.unit ?? '', mention.subject ?? '')
    }
  }

  mentionsOf(doc: number): EntityMention[] {
    return (this.mentions.get(doc) as EntityMention[] | undefined) ?? []
  }

  /** Documents holding a figure that meets the condition (a range figure meets it when the ranges overlap). */
  documentsWithFigure(condition: FigureCondition): Set<number> {
    return this.figures.documentsMatching(condition)
  }

  /** Frees deleted documents' mentions and figures; numbers stay, so the other documents' are untouched. */
  dropDocuments(isDeleted: (doc: number) => boolean): void {
    this.mentions = this.mentions.withoutRecords(isDeleted)
    this.figures.dropDocuments(isDeleted)
  }

  snapshot(): { mentions: { bytes: Uint8Array; offsets: Int32Array }; figures: FigureTable } {
    return { mentions: this.mentions.snapshot(), figures: this.figures }
  }

  static restore(bytes: Uint8Array, offsets: Int32Array, figures: FigureTable, markers = true): EntityIndex {
    const index = new EntityIndex()
    index.mentions = JsonRecords.restore(bytes, offsets, markers)
    index.figures = figures
    return index
  }
}
