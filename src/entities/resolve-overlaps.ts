import type { EntityMention, EntityType } from './types'

/**
 * Which type wins when two candidates of the same length overlap. Longer spans win first: a place
 * inside an organisation (张店区 in 张店区人民医院), a figure inside a programme (四个 in 四个一) and a
 * place inside a person's name (中卫 in 路中卫) all lose to the longer span.
 */
const TYPE_PRIORITY: Readonly<Record<EntityType, number>> = { program: 0, org: 1, person: 2, city: 3, figure: 4 }

/**
 * A flat, non-overlapping selection of candidates in text order: longest first, then by type
 * priority, then a dictionary match (with `canonical`) over a shape match, then leftmost.
 */
export function resolveOverlaps(candidates: readonly EntityMention[]): EntityMention[] {
  const ranked = [...candidates].sort((a, b) =>
    (b.end - b.start) - (a.end - a.start) ||
    TYPE_PRIORITY[a.type] - TYPE_PRIORITY[b.type] ||
    Number(b.canonical !== undefined) - Number(a.canonical !== undefined) ||
    a.start - b.start)
  const taken: EntityMention[] = []
  const occupied = new Uint8Array(Math.max(0, ...candidates.map((c) => c.end)))
  for (const mention of ranked) {
    let free = mention.end > mention.start
    for (let i = mention.start; i < mention.end && free; i++) if (occupied[i] === 1) free = false
    if (!free) continue
    occupied.fill(1, mention.start, mention.end)
    taken.push(mention)
  }
  return taken.sort((a, b) => a.start - b.start)
}
