import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SearchEngine, ZhsearchError, type ZhsearchErrorCode } from '../../src/index'
import { PROBE_QUERIES, buildEngine, rankingFor, seedDocuments } from '../helpers/build-engine'
import { FORMAT_VERSION } from '../../src/index/index'
import { crc32 } from '../../src/index/persistence/checksum'

/** Header layout of a saved index (see src/index/persistence/index-file.ts): magic, version, length, CRC. */
const VERSION_OFFSET = 4
const HEADER_LENGTH = 20

let engine: SearchEngine
let bytes: Uint8Array
let directory: string

beforeAll(() => {
  engine = buildEngine(seedDocuments())
  bytes = engine.serialize()
  directory = mkdtempSync(join(tmpdir(), 'zhsearch-persistence-'))
})

afterAll(() => rmSync(directory, { recursive: true, force: true }))

function codeOf(action: () => unknown): ZhsearchErrorCode | 'no error' {
  try {
    action()
    return 'no error'
  } catch (error) {
    if (!(error instanceof ZhsearchError)) throw error
    return error.code
  }
}

async function loadCodeOf(path: string): Promise<ZhsearchErrorCode | 'no error'> {
  try {
    await SearchEngine.load(path)
    return 'no error'
  } catch (error) {
    if (!(error instanceof ZhsearchError)) throw error
    return error.code
  }
}

describe('serialize → deserialize', () => {
  it('gives an engine that answers every probe query with the same ids and scores', () => {
    const copy = SearchEngine.deserialize(bytes)
    expect(copy.size).toBe(engine.size)
    for (const query of PROBE_QUERIES) expect(rankingFor(copy, query), query).toEqual(rankingFor(engine, query))
  })

  it('keeps stored fields and snippets', () => {
    const copy = SearchEngine.deserialize(bytes)
    const id = seedDocuments()[0]!.id as string
    expect(copy.get(id)).toEqual(engine.get(id))
    expect(copy.search('千名医师下基层').hits.map((hit) => hit.snippet)).toEqual(engine.search('千名医师下基层').hits.map((hit) => hit.snippet))
  })

  it('keeps the engine options (field weights, BM25 parameters)', () => {
    const tuned = new SearchEngine({ fields: { title: { weight: 5 }, body: {} }, bm25: { k1: 0.9, b: 0.4 } })
    tuned.addAll(seedDocuments())
    expect(SearchEngine.deserialize(tuned.serialize()).options).toEqual(tuned.options)
  })

  it('serialises the same index to the same bytes', () => {
    expect(buildEngine(seedDocuments()).serialize()).toEqual(bytes)
  })

  it('gives a loaded engine that keeps accepting, removing and replacing documents, and never changes the caller’s bytes', () => {
    const before = bytes.slice()
    const copy = SearchEngine.deserialize(bytes)
    copy.add({ id: 'new', title: '新增文档', body: '县域医共体建设新进展，千名医师下基层' })
    copy.remove(seedDocuments()[0]!.id as string)
    copy.update({ id: seedDocuments()[1]!.id, title: '改写', body: '乡村医生待遇' })
    expect(copy.search('医共体').hits.map((hit) => hit.id)).toContain('new')
    expect(copy.search('千名医师下基层').hits.map((hit) => hit.id)).toContain('new')
    expect(bytes).toEqual(before)
    expect(SearchEngine.deserialize(bytes).has('new')).toBe(false)
  })

  it('reads bytes that do not start on a 4-byte boundary (a view into a larger buffer, as pooled Buffers are)', () => {
    const shifted = new Uint8Array(bytes.length + 1)
    shifted.set(bytes, 1)
    const view = shifted.subarray(1)
    expect(rankingFor(SearchEngine.deserialize(view), '千名医师下基层')).toEqual(rankingFor(engine, '千名医师下基层'))
  })

  it('round-trips an empty engine', () => {
    const empty = SearchEngine.deserialize(new SearchEngine().serialize())
    expect(empty.size).toBe(0)
    expect(empty.search('医院').total).toBe(0)
  })
})

describe('removed documents stay removed', () => {
  it('after remove, save and load: not found, not counted, and the rest ranks as in a fresh index', () => {
    const documents = seedDocuments()
    const withRemoval = buildEngine(documents)
    const removed = documents[1]!.id as string
    withRemoval.remove(removed)
    const loaded = SearchEngine.deserialize(withRemoval.serialize())
    const fresh = buildEngine(documents.filter((document) => document.id !== removed))
    expect(loaded.has(removed)).toBe(false)
    expect(loaded.size).toBe(documents.length - 1)
    for (const query of PROBE_QUERIES) expect(rankingFor(loaded, query), query).toEqual(rankingFor(fresh, query))
  })

  it('an id removed before saving can be added again after loading', () => {
    const documents = seedDocuments()
    const withRemoval = buildEngine(documents)
    withRemoval.remove(documents[0]!.id as string)
    const loaded = SearchEngine.deserialize(withRemoval.serialize())
    loaded.add(documents[0]!)
    expect(loaded.search('千名医师下基层').hits.map((hit) => hit.id)).toContain(documents[0]!.id)
  })
})

describe('save and load through files', () => {
  it('writes a file that loads into an engine with the same results', async () => {
    const path = join(directory, 'seeds.zhs')
    await engine.save(path)
    expect(new Uint8Array(readFileSync(path))).toEqual(bytes)
    const loaded = await SearchEngine.load(path)
    for (const query of PROBE_QUERIES) expect(rankingFor(loaded, query), query).toEqual(rankingFor(engine, query))
  })

  it('overwrites an existing file', async () => {
    const path = join(directory, 'overwrite.zhs')
    writeFileSync(path, 'old contents')
    await engine.save(path)
    expect((await SearchEngine.load(path)).size).toBe(engine.size)
  })

  it('refuses a missing file with IO_ERROR naming the path', async () => {
    const path = join(directory, 'missing.zhs')
    await expect(SearchEngine.load(path)).rejects.toMatchObject({ code: 'IO_ERROR', details: { path } })
  })

  it('refuses to save into a missing directory with IO_ERROR', async () => {
    await expect(engine.save(join(directory, 'no', 'such', 'dir.zhs'))).rejects.toMatchObject({ code: 'IO_ERROR' })
  })
})

describe('damaged data is refused with a code that says why', () => {
  it('truncated bytes → TRUNCATED_INDEX (at every cut in the payload we try)', () => {
    for (const keep of [HEADER_LENGTH, HEADER_LENGTH + 1, Math.floor(bytes.length / 2), bytes.length - 1]) {
      expect(codeOf(() => SearchEngine.deserialize(bytes.subarray(0, keep))), `kept ${keep} bytes`).toBe('TRUNCATED_INDEX')
    }
  })

  it('a header cut short → TRUNCATED_INDEX', () => {
    expect(codeOf(() => SearchEngine.deserialize(bytes.subarray(0, 10)))).toBe('TRUNCATED_INDEX')
  })

  it('one flipped byte in the payload → CORRUPT_INDEX, wherever it is', () => {
    for (const at of [HEADER_LENGTH, HEADER_LENGTH + 7, Math.floor(bytes.length / 3), Math.floor(bytes.length / 2), bytes.length - 1]) {
      const tampered = bytes.slice()
      tampered[at] = tampered[at]! ^ 0x01
      expect(codeOf(() => SearchEngine.deserialize(tampered)), `byte ${at}`).toBe('CORRUPT_INDEX')
    }
  })

  it('damage that a forger re-checksummed → CORRUPT_INDEX or an index that still answers, never a crash', () => {
    // The first section is the deflated metadata: its length, then the deflate stream.
    const metadataLength = new DataView(bytes.buffer, bytes.byteOffset).getUint32(HEADER_LENGTH, true)
    const stream = HEADER_LENGTH + 4
    for (const at of [stream, stream + 1, stream + Math.floor(metadataLength / 2), stream + metadataLength - 1, Math.floor(bytes.length / 2), bytes.length - 9]) {
      for (const flip of [0x01, 0x80, 0xff]) {
        const forged = bytes.slice()
        forged[at] = forged[at]! ^ flip
        new DataView(forged.buffer).setUint32(16, crc32(forged.subarray(HEADER_LENGTH)), true)
        let code: string | undefined
        try {
          SearchEngine.deserialize(forged).search('医共体 家庭医生')
        } catch (error) {
          code = error instanceof ZhsearchError ? error.code : `not a ZhsearchError: ${String(error)}`
        }
        // Raw deflate has no checksum of its own: a flipped byte may still inflate to valid metadata.
        expect([undefined, 'CORRUPT_INDEX'], `byte ${at} ^ ${flip}`).toContain(code)
        if (at === stream && flip === 0xff) expect(code, 'a broken deflate block header').toBe('CORRUPT_INDEX')
      }
    }
  })

  it('extra bytes after the payload → CORRUPT_INDEX', () => {
    const longer = new Uint8Array(bytes.length + 3)
    longer.set(bytes)
    expect(codeOf(() => SearchEngine.deserialize(longer))).toBe('CORRUPT_INDEX')
  })

  it('wrong magic → NOT_AN_INDEX (other files, JSON, empty input)', () => {
    const wrongMagic = bytes.slice()
    wrongMagic[0] = 0x50
    expect(codeOf(() => SearchEngine.deserialize(wrongMagic))).toBe('NOT_AN_INDEX')
    expect(codeOf(() => SearchEngine.deserialize(new TextEncoder().encode('{"id":1,"body":"医院"}')))).toBe('NOT_AN_INDEX')
    expect(codeOf(() => SearchEngine.deserialize(new Uint8Array(0)))).toBe('NOT_AN_INDEX')
  })

  it('input that is not bytes → NOT_AN_INDEX', () => {
    for (const value of [null, undefined, 'ZHSI', [0x5a, 0x48, 0x53, 0x49], {}]) {
      expect(codeOf(() => SearchEngine.deserialize(value as unknown as Uint8Array))).toBe('NOT_AN_INDEX')
    }
  })

  it('another format version → UNSUPPORTED_VERSION, with the version in details', () => {
    for (const version of [0, FORMAT_VERSION + 1, 999]) {
      const other = bytes.slice()
      new DataView(other.buffer).setUint32(VERSION_OFFSET, version, true)
      let caught: unknown
      try {
        SearchEngine.deserialize(other)
      } catch (error) {
        caught = error
      }
      expect(caught).toBeInstanceOf(ZhsearchError)
      expect(caught).toMatchObject({ code: 'UNSUPPORTED_VERSION', details: { version } })
    }
  })

  it('load reports the same codes for damaged files', async () => {
    const truncated = join(directory, 'truncated.zhs')
    writeFileSync(truncated, bytes.subarray(0, bytes.length - 100))
    const corrupt = join(directory, 'corrupt.zhs')
    const flipped = bytes.slice()
    flipped[bytes.length - 50] = flipped[bytes.length - 50]! ^ 0xff
    writeFileSync(corrupt, flipped)
    const text = join(directory, 'notes.zhs')
    writeFileSync(text, '这不是索引文件')
    expect(await loadCodeOf(truncated)).toBe('TRUNCATED_INDEX')
    expect(await loadCodeOf(corrupt)).toBe('CORRUPT_INDEX')
    expect(await loadCodeOf(text)).toBe('NOT_AN_INDEX')
  })
})
