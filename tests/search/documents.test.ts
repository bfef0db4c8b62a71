import { describe, it, expect } from 'vitest'
import { SearchEngine, ZhsearchError, type Document } from '../../src/index'
import { PROBE_QUERIES, buildEngine, idsFor, rankingFor, seedDocuments } from '../helpers/build-engine'
import { seededRandom } from '../helpers/random-text'
import { caught } from '../helpers/caught'


describe('add', () => {
  it('makes a document findable and retrievable by id', () => {
    const engine = new SearchEngine()
    engine.add({ id: 'a', title: '县域医共体', body: '推进紧密型县域医共体建设' })
    expect(engine.size).toBe(1)
    expect(engine.has('a')).toBe(true)
    expect(engine.get('a')).toMatchObject({ title: '县域医共体', body: '推进紧密型县域医共体建设' })
    expect(idsFor(engine, '医共体')).toEqual(['a'])
  })

  it('refuses a second document with the same id (DUPLICATE_ID) and keeps the first', () => {
    const engine = buildEngine([{ id: 'a', body: '医共体建设' }])
    const error = caught(() => engine.add({ id: 'a', body: '医联体建设' }))
    expect(error.code).toBe('DUPLICATE_ID')
    expect(error.details).toMatchObject({ id: 'a' })
    expect(idsFor(engine, '医共体')).toEqual(['a'])
    expect(idsFor(engine, '医联体')).toEqual([])
  })

  it('treats a numeric id as its string form', () => {
    const engine = buildEngine([{ id: 7, body: '医院' }])
    expect(engine.has('7')).toBe(true)
    expect(engine.has(7)).toBe(true)
    expect(idsFor(engine, '医院')).toEqual(['7'])
    expect(caught(() => engine.add({ id: '7', body: '诊所' })).code).toBe('DUPLICATE_ID')
  })

  it('returns stored non-indexed fields with hits, but does not search them', () => {
    const engine = buildEngine([{ id: 'a', body: '医院', source: '卫健委', year: 2024 }], { storeFields: ['source', 'year'] })
    const hit = engine.search('医院').hits[0]!
    expect(hit.fields).toMatchObject({ body: '医院', source: '卫健委', year: 2024 })
    expect(engine.search('卫健委').total).toBe(0)
  })
})

describe('addAll', () => {
  it('adds every document of a batch', () => {
    const engine = buildEngine(seedDocuments())
    expect(engine.size).toBe(5)
  })

  it('is atomic: a bad document anywhere in the batch adds none of them, and the error names it', () => {
    const engine = buildEngine([{ id: 'kept', body: '诊所' }])
    const error = caught(() =>
      engine.addAll([
        { id: 'first', body: '医院' },
        { id: 'second', body: '医院' },
        { id: 'bad', body: { text: '医院' } },
      ]),
    )
    expect(error.code).toBe('INVALID_DOCUMENT')
    expect(error.details).toMatchObject({ id: 'bad', field: 'body' })
    expect(engine.size).toBe(1)
    expect(engine.has('first')).toBe(false)
    expect(idsFor(engine, '医院')).toEqual([])
    expect(idsFor(engine, '诊所')).toEqual(['kept'])
  })

  it('is atomic on a duplicate inside the batch or against the index', () => {
    const engine = buildEngine([{ id: 'kept', body: '诊所' }])
    expect(caught(() => engine.addAll([{ id: 'x', body: '医院' }, { id: 'x', body: '护士' }])).code).toBe('DUPLICATE_ID')
    expect(caught(() => engine.addAll([{ id: 'y', body: '医院' }, { id: 'kept', body: '护士' }])).code).toBe('DUPLICATE_ID')
    expect(engine.size).toBe(1)
    expect(engine.search('医院').total).toBe(0)
  })

  it('accepts any iterable, such as a generator', () => {
    function* documents(): Generator<Document> {
      yield { id: 'a', body: '医院' }
      yield { id: 'b', body: '医院' }
    }
    expect(buildEngine(documents()).size).toBe(2)
  })

  it('refuses something that is not a list of documents with INVALID_DOCUMENT', () => {
    const engine = new SearchEngine()
    for (const value of [null, undefined, 42, { id: 'a' }]) {
      expect(caught(() => engine.addAll(value as unknown as Document[])).code).toBe('INVALID_DOCUMENT')
    }
  })
})

describe('remove and update', () => {
  it('remove makes a document unfindable; removing it again is UNKNOWN_ID', () => {
    const engine = buildEngine([
      { id: 'a', body: '医共体建设' },
      { id: 'b', body: '医共体试点' },
    ])
    engine.remove('a')
    expect(engine.has('a')).toBe(false)
    expect(engine.get('a')).toBeUndefined()
    expect(engine.size).toBe(1)
    expect(idsFor(engine, '医共体')).toEqual(['b'])
    expect(idsFor(engine, '建设')).toEqual([])
    const error = caught(() => engine.remove('a'))
    expect(error.code).toBe('UNKNOWN_ID')
    expect(error.details).toMatchObject({ id: 'a' })
  })

  it('an id that was never added is UNKNOWN_ID', () => {
    expect(caught(() => new SearchEngine().remove('nobody')).code).toBe('UNKNOWN_ID')
  })

  it('update replaces: the old words no longer find the document, the new ones do', () => {
    const engine = buildEngine([{ id: 'a', title: '旧标题', body: '医共体建设' }])
    engine.update({ id: 'a', title: '新标题', body: '医联体建设' })
    expect(engine.size).toBe(1)
    expect(idsFor(engine, '医共体')).toEqual([])
    expect(idsFor(engine, '医联体')).toEqual(['a'])
    expect(engine.get('a')).toMatchObject({ title: '新标题' })
  })

  it('update of an absent id adds it', () => {
    const engine = new SearchEngine()
    engine.update({ id: 'a', body: '医院' })
    expect(idsFor(engine, '医院')).toEqual(['a'])
  })

  it('update with an invalid document keeps the old version', () => {
    const engine = buildEngine([{ id: 'a', body: '医共体建设' }])
    expect(caught(() => engine.update({ id: 'a', body: ['医联体'] })).code).toBe('INVALID_DOCUMENT')
    expect(idsFor(engine, '医共体')).toEqual(['a'])
  })
})

describe('two routes to the same documents give the same results (metamorphic)', () => {
  const documents = seedDocuments()

  it('add A, B then remove B ranks exactly like adding only A', () => {
    const [removed, ...rest] = [documents[2]!, ...documents.filter((_, i) => i !== 2)]
    const viaRemoval = buildEngine(documents)
    viaRemoval.remove(removed.id as string)
    const direct = buildEngine(rest)
    for (const query of PROBE_QUERIES) expect(rankingFor(viaRemoval, query), query).toEqual(rankingFor(direct, query))
  })

  it('update to new text ranks exactly like adding the new text in the first place', () => {
    const changed = { ...documents[0]!, body: '县域医共体建设，远程会诊覆盖全县。' }
    const viaUpdate = buildEngine(documents)
    viaUpdate.update(changed)
    const direct = buildEngine([...documents.slice(1), changed])
    for (const query of [...PROBE_QUERIES, '县域医共体']) {
      const sortById = (ranking: { id: string; score: number }[]) => [...ranking].sort((a, b) => a.id.localeCompare(b.id))
      // Document numbers differ between the routes, so ties may order differently: compare as sets with scores.
      expect(sortById(rankingFor(viaUpdate, query)), query).toEqual(sortById(rankingFor(direct, query)))
    }
  })

  it('add and remove one at a time gives the same scores as addAll', () => {
    const one = new SearchEngine()
    for (const document of documents) one.add(document)
    one.add({ id: 'temporary', body: '医共体建设' })
    one.remove('temporary')
    const all = buildEngine(documents)
    for (const query of PROBE_QUERIES) expect(rankingFor(one, query), query).toEqual(rankingFor(all, query))
  })
})

describe('model-based: random add/update/remove sequences agree with a plain Map', () => {
  /** Words that the analyzer keeps whole when separated by a comma, so the model can match them by inclusion. */
  const WORDS = ['医院', '诊所', '医保', '疫苗', '护士', '药品', '社区', '乡村']
  const IDS = ['a', 'b', 'c', 'd', 'e', 'f', '__proto__', 'constructor']

  it('has the same ids and answers each word with the same ids, before and after a save/load', () => {
    for (let seed = 1; seed <= 12; seed++) {
      const random = seededRandom(seed)
      const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!
      const engine = new SearchEngine({ fields: { body: {} } })
      const model = new Map<string, string>()
      const steps: string[] = []
      for (let step = 0; step < 40; step++) {
        const id = pick(IDS)
        const body = Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(WORDS)).join('，')
        const action = pick(['add', 'add', 'update', 'remove'] as const)
        steps.push(`${action} ${id} ${body}`)
        if (action === 'add') {
          if (model.has(id)) expect(() => engine.add({ id, body })).toThrow(ZhsearchError)
          else {
            engine.add({ id, body })
            model.set(id, body)
          }
        } else if (action === 'update') {
          engine.update({ id, body })
          model.set(id, body)
        } else if (model.has(id)) {
          engine.remove(id)
          model.delete(id)
        } else expect(() => engine.remove(id)).toThrow(ZhsearchError)
      }
      const context = `seed ${seed}: ${steps.join('; ')}`
      for (const candidate of [engine, SearchEngine.deserialize(engine.serialize())]) {
        expect(candidate.size, context).toBe(model.size)
        for (const id of IDS) expect(candidate.has(id), context).toBe(model.has(id))
        for (const word of WORDS) {
          const expected = [...model].filter(([, body]) => body.includes(word)).map(([id]) => id).sort()
          expect(idsFor(candidate, word).sort(), `${context} — ${word}`).toEqual(expected)
        }
      }
    }
  })
})
