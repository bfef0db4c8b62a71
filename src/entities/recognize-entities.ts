import { recognizeFigures } from './figure-recognizer'
import { recognizeOrgs } from './org-recognizer'
import { recognizePersons } from './person-recognizer'
import { analyzePlaces } from './place-recognizer'
import { recognizePrograms } from './program-recognizer'
import { resolveOverlaps } from './resolve-overlaps'
import type { EntityMention } from './types'

/**
 * Every entity mention in `text`: places (`city`), programmes, figures, people and organisations,
 * flat, non-overlapping and in text order, with UTF-16 offsets into `text` itself. Follows the
 * annotation convention of ENTITIES.md. Dictionaries load on the first call.
 *
 * @example
 * recognizeEntities('晋中市介休召开')
 * // [{ type: 'city', text: '晋中市', start: 0, end: 3, canonical: '晋中市', code: '1407', level: 'prefecture', ancestors: ['14'] },
 * //  { type: 'city', text: '介休', start: 3, end: 5, canonical: '介休市', code: '140781', level: 'county', ancestors: ['1407', '14'] }]
 */
export function recognizeEntities(text: string): EntityMention[] {
  if (typeof text !== 'string' || text.length === 0) return []
  const places = analyzePlaces(text)
  return resolveOverlaps([
    ...recognizePrograms(text),
    ...recognizeOrgs(text, places.formSpans),
    ...recognizePersons(text),
    ...places.mentions,
    ...recognizeFigures(text),
  ])
}
