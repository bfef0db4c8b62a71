/**
 * Entity tagging: places (every mainland division, province → township), named programmes, figures
 * with normalised values, people and organisations, following the convention of
 * shared/eval/ENTITIES.md. Offsets are UTF-16 indexes into the original text.
 *
 * @example
 * import { recognizeEntities, resolvePlaceQuery, placeGazetteer } from '../entities'
 * recognizeEntities('孕产妇死亡率为5.37/10万')
 * // [{ type: 'figure', text: '5.37/10万', start: 7, end: 15, value: 0.0000537, unit: '/10万', approx: false, subject: '孕产妇死亡率' }]
 * const [jinzhong] = resolvePlaceQuery('晋中')            // 晋中市, code '1407'
 * placeGazetteer.isWithin('140781', jinzhong!.code)      // true: 介休市 lies in 晋中市
 */
export type { EntityMention, EntityType, Place, PlaceLevel } from './types'
export { recognizeEntities } from './recognize-entities'
export { placeGazetteer, resolvePlaceQuery, ancestorsOf } from './gazetteer'
export { canonicalProgram } from './program-dictionary'
export { placeShortNames } from './place-short-names'
export { readChineseNumber, writeChineseNumber } from './chinese-numerals'
