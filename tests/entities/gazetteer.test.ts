import { describe, expect, it } from 'vitest'
import { canonicalProgram, placeGazetteer, placeShortNames, resolvePlaceQuery } from '../../src/entities'

describe('placeGazetteer', () => {
  it('holds every level down to townships, with parents', () => {
    expect(placeGazetteer.byCode('14')).toMatchObject({ name: '山西省', level: 'province' })
    expect(placeGazetteer.byCode('140781')).toMatchObject({ name: '介休市', level: 'county', parent: '1407', shortNames: ['介休'] })
    expect(placeGazetteer.byCode('140727105')).toMatchObject({ name: '来远镇', level: 'township', parent: '140727' })
  })

  it('hangs municipal districts directly under the municipality', () => {
    expect(placeGazetteer.byCode('110105')).toMatchObject({ name: '朝阳区', parent: '11' })
  })

  it('answers containment for filters', () => {
    expect(placeGazetteer.isWithin('140781', '1407')).toBe(true)
    expect(placeGazetteer.isWithin('140781', '14')).toBe(true)
    expect(placeGazetteer.isWithin('140781', '1404')).toBe(false)
    const descendants = new Set(placeGazetteer.descendantsOf('1407'))
    expect(descendants.has('140781')).toBe(true)
    expect(descendants.has('140727105')).toBe(true)
    expect(descendants.has('1404')).toBe(false)
  })

  it('finds places by official or short name', () => {
    expect(placeGazetteer.findByName('介休').map((p) => p.code)).toEqual(['140781'])
    expect(placeGazetteer.findByName('淄博市').map((p) => p.code)).toEqual(['3703'])
  })
})

describe('resolvePlaceQuery', () => {
  it('resolves a short form to the place a filter means', () => {
    expect(resolvePlaceQuery('晋中').map((p) => p.code)).toEqual(['1407'])
    expect(resolvePlaceQuery('吉林').map((p) => p.code)).toEqual(['22'])
    expect(resolvePlaceQuery('吉林市').map((p) => p.code)).toEqual(['2202'])
    expect(resolvePlaceQuery('不存在的地方')).toEqual([])
  })
})

describe('placeShortNames', () => {
  it('strips administrative and ethnic suffixes', () => {
    expect(placeShortNames('长阳土家族自治县', 'county')).toEqual(['长阳'])
    expect(placeShortNames('延边朝鲜族自治州', 'prefecture')).toEqual(['延边'])
    expect(placeShortNames('鄂温克族自治旗', 'county')).toEqual(['鄂温克'])
    expect(placeShortNames('广西壮族自治区', 'province')).toEqual(['广西'])
    expect(placeShortNames('祁县', 'county')).toEqual([])
  })
})

describe('canonicalProgram', () => {
  it('joins wordings of one programme', () => {
    expect(canonicalProgram('千县工程')).toBe('千县工程')
    expect(canonicalProgram('互联网＋医疗健康')).toBe('互联网+医疗健康')
    expect(canonicalProgram('DIP改革')).toBe('DIP医保支付方式改革')
    expect(canonicalProgram('“千名医师下基层”')).toBe('千名医师下基层')
    expect(canonicalProgram('不是一个项目')).toBeUndefined()
  })
})
