import { describe, it, expect, beforeAll } from 'vitest'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SearchEngine, ZhsearchError, type Document } from '../../src/index'
import { analyzeInWorkers } from '../../src/search/analyze-in-workers'
import { analyzeDocument, analyzerFor, type DocumentAnalysisConfig } from '../../src/search/document-analysis'
import { seedDocuments } from '../helpers/build-engine'
import { ensureBuilt } from '../helpers/ensure-built'

/** The seed articles cut into paragraphs: enough documents for several worker batches. */
function paragraphDocuments(): Document[] {
  return seedDocuments().flatMap((document) =>
    String(document.body)
      .split(/\n+/)
      .filter((paragraph) => paragraph.trim().length > 0)
      .map((paragraph, index) => ({ id: `${document.id}#${index}`, title: document.title, body: paragraph.repeat(40) })),
  )
}

const OPTIONS = { fields: { title: { weight: 2 }, body: {} } }

function syncBytes(documents: Document[]): Uint8Array {
  const engine = new SearchEngine(OPTIONS)
  engine.addAll(documents)
  return engine.serialize()
}

async function expectRejectsWith(promise: Promise<unknown>, code: string): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  )
  expect(error).toBeInstanceOf(ZhsearchError)
  expect((error as ZhsearchError).code).toBe(code)
}

describe('addAllAsync: analysis in worker threads', () => {
  let documents: Document[]
  let expected: Uint8Array
  beforeAll(async () => {
    await ensureBuilt()
    documents = paragraphDocuments()
    expected = syncBytes(documents)
  })

  it.each([1, 2, 3])('builds the same index as addAll, byte for byte, with %i worker(s)', async (workers) => {
    const engine = new SearchEngine(OPTIONS)
    await engine.addAllAsync(documents, { workers })
    expect(Buffer.from(engine.serialize()).equals(Buffer.from(expected))).toBe(true)
    expect(engine.search('千县工程').hits.length).toBeGreaterThan(0)
  })

  it('carries hostile text through the workers unchanged: lone surrogates, control characters, __proto__ ids', async () => {
    const hostile: Document[] = [
      { id: '__proto__', title: '\uD800孤立代理', body: '医共体\u0000建设\u001F晋中市\uDFFF'.repeat(3000) },
      { id: 'constructor', title: '', body: '𠮷'.repeat(50_000) + '千县工程' },
      { id: 'empty', body: '' },
      ...documents.slice(0, 40),
    ]
    const engine = new SearchEngine(OPTIONS)
    await engine.addAllAsync(hostile, { workers: 2 })
    const reference = new SearchEngine(OPTIONS)
    reference.addAll(hostile)
    expect(Buffer.from(engine.serialize()).equals(Buffer.from(reference.serialize()))).toBe(true)
    expect(engine.get('__proto__')!.body).toBe(hostile[0]!.body)
  })

  it('tags entities in the workers: a place filter finds what addAll finds', async () => {
    const engine = new SearchEngine(OPTIONS)
    await engine.addAllAsync(documents, { workers: 2 })
    const reference = SearchEngine.deserialize(expected)
    const inJinzhong = (one: SearchEngine) => one.search('', { filter: { city: '晋中' }, limit: 1000 }).hits.map((hit) => hit.id)
    expect(inJinzhong(engine).length).toBeGreaterThan(0)
    expect(inJinzhong(engine)).toEqual(inJinzhong(reference))
  })

  it('adds nothing when one document is invalid, and nothing when an id repeats', async () => {
    const engine = new SearchEngine(OPTIONS)
    engine.add({ id: 'kept', body: '家庭医生签约服务' })
    await expectRejectsWith(engine.addAllAsync([{ id: 'a', body: '医共体' }, { body: 'no id' }]), 'INVALID_DOCUMENT')
    await expectRejectsWith(engine.addAllAsync([{ id: 'b', body: '医共体' }, { id: 'b', body: '医养结合' }]), 'DUPLICATE_ID')
    await expectRejectsWith(engine.addAllAsync([{ id: 'kept', body: '医共体' }]), 'DUPLICATE_ID')
    expect(engine.size).toBe(1)
    expect(engine.search('家庭医生签约服务').hits.map((hit) => hit.id)).toEqual(['kept'])
  })

  it('refuses bad options', async () => {
    const engine = new SearchEngine(OPTIONS)
    await expectRejectsWith(engine.addAllAsync(documents, { workers: 0 }), 'INVALID_OPTIONS')
    await expectRejectsWith(engine.addAllAsync(documents, { threads: 2 } as never), 'INVALID_OPTIONS')
    await expectRejectsWith(engine.addAllAsync(42 as never), 'INVALID_DOCUMENT')
    expect(engine.size).toBe(0)
  })

  it('refuses other changes until it has finished, and allows searching meanwhile', async () => {
    const engine = new SearchEngine(OPTIONS)
    const indexing = engine.addAllAsync(documents, { workers: 1 })
    expect(() => engine.add({ id: 'late', body: '医共体' })).toThrow(expect.objectContaining({ code: 'ENGINE_BUSY' }))
    expect(() => engine.remove('late')).toThrow(expect.objectContaining({ code: 'ENGINE_BUSY' }))
    expect(() => engine.search('医共体')).not.toThrow()
    await indexing
    engine.add({ id: 'late', body: '医共体' })
    expect(engine.size).toBe(documents.length + 1)
  })
})

describe('analyzeInWorkers: a worker that cannot start or fails costs time, not documents', () => {
  const config: DocumentAnalysisConfig = { fieldNames: ['title', 'body'], analysis: { userDictionaries: [], subwords: true }, entities: true }
  const texts = paragraphDocuments().map((document) => [String(document.title), String(document.body)])

  async function collect(workerPath?: string, analyzeWhileWaiting = true) {
    const results = []
    for await (const batch of analyzeInWorkers(texts, config, { workers: 2, ...(workerPath ? { workerPath } : {}), analyzeWhileWaiting })) results.push(...batch)
    return results
  }

  const analyzer = analyzerFor(config)
  const here = (index: number) => analyzeDocument(texts[index]!, analyzer, config)

  it('workers alone (the calling thread only waiting) analyse every document as the calling thread would', async () => {
    await ensureBuilt()
    const results = await collect(undefined, false)
    expect(results).toHaveLength(texts.length)
    results.forEach((result, index) => expect(result).toEqual(here(index)))
  })

  it('analyses everything on the calling thread when the worker script is missing', async () => {
    const results = await collect(join(tmpdir(), 'no-such-zhsearch-worker.js'), false)
    expect(results).toHaveLength(texts.length)
    expect(results[0]).toEqual(here(0))
  })

  it('takes back the batches of a worker that crashes', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'zhsearch-worker-'))
    const crashing = join(directory, 'crashing-worker.mjs')
    writeFileSync(crashing, "import { parentPort } from 'node:worker_threads'\nparentPort.on('message', () => { throw new Error('boom') })\n")
    const results = await collect(crashing, false)
    expect(results).toHaveLength(texts.length)
    expect(results[0]).toEqual(here(0))
    expect(results.at(-1)).toEqual(here(texts.length - 1))
  })
})
