import { describe, it, expect, beforeAll } from 'vitest'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { REPO_ROOT } from './helpers/build-engine'
import { ensureBuilt } from './helpers/ensure-built'

/**
 * The published package, not src/: what `import 'zhsearch'` and `require('zhsearch')` give a user.
 * (FlexSearch reruns its suite on each dist build; zod checks its resolution with attw.)
 */
interface PackageJson {
  name: string
  exports: Record<string, { import: { types: string; default: string }; require: { types: string; default: string } } | string>
  bin: Record<string, string>
  files: string[]
}

const packageJson = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as PackageJson

interface PublicApi {
  SearchEngine: new (options?: object) => {
    addAll(documents: object[]): void
    search(query: string, options?: object): { total: number; hits: { id: string; snippet: string }[] }
    serialize(): Uint8Array
  }
  ZhsearchError: new (...args: never[]) => Error
  parseQuery: (query: string) => { clauses: unknown[] }
  createAnalyzer: () => { analyze(text: string): { text: string }[] }
}

const DOCUMENTS = [
  { id: 'a', title: '千名医师下基层', body: '持续开展千名医师下基层行动。' },
  { id: 'b', title: '远程会诊', body: '县级以上综合医院远程会诊覆盖率达100%。' },
]

function exercise(api: PublicApi): void {
  const engine = new api.SearchEngine({ fields: { title: { weight: 2 }, body: {} } })
  engine.addAll(DOCUMENTS)
  const result = engine.search('遠程會診')
  expect(result.hits.map((hit) => hit.id)).toEqual(['b'])
  expect(result.hits[0]!.snippet).toContain('<mark>')
  let error: unknown
  try {
    engine.search(42 as unknown as string)
  } catch (caught) {
    error = caught
  }
  expect(error).toBeInstanceOf(api.ZhsearchError)
  expect(error).toMatchObject({ code: 'INVALID_QUERY' })
  expect(api.parseQuery('医共体 -试点').clauses).toHaveLength(2)
  expect(api.createAnalyzer().analyze('长治市').map((token) => token.text)).toEqual(['长治市', '长治'])
}

beforeAll(async () => {
  await ensureBuilt()
}, 120_000)

describe('the package entry points', () => {
  const entry = packageJson.exports['.']
  if (typeof entry !== 'object') throw new Error('package.json exports["."] must map import and require')

  it('import (ESM) exposes a working SearchEngine, ZhsearchError, parseQuery and createAnalyzer', async () => {
    exercise((await import(pathToFileURL(join(REPO_ROOT, entry.import.default)).href)) as PublicApi)
  })

  it('require (CJS) exposes the same, working', () => {
    const require = createRequire(import.meta.url)
    exercise(require(join(REPO_ROOT, entry.require.default)) as PublicApi)
  })

  it('resolves by package name through the exports map, both ways', async () => {
    const require = createRequire(join(REPO_ROOT, 'package.json'))
    expect(require.resolve(packageJson.name)).toBe(join(REPO_ROOT, entry.require.default))
    const esm = (await import(pathToFileURL(join(REPO_ROOT, entry.import.default)).href)) as PublicApi
    expect(typeof esm.SearchEngine).toBe('function')
  })

  it('an index serialised by the ESM build loads in the CJS build', async () => {
    const esm = (await import(pathToFileURL(join(REPO_ROOT, entry.import.default)).href)) as PublicApi & { SearchEngine: { deserialize(bytes: Uint8Array): { search(q: string): { total: number } } } }
    const cjs = createRequire(import.meta.url)(join(REPO_ROOT, entry.require.default)) as typeof esm
    const engine = new esm.SearchEngine()
    engine.addAll(DOCUMENTS)
    expect(cjs.SearchEngine.deserialize(engine.serialize()).search('远程会诊').total).toBe(1)
  })

  it('ships type declarations for both module systems', () => {
    for (const types of [entry.import.types, entry.require.types]) {
      const declarations = readFileSync(join(REPO_ROOT, types), 'utf8')
      for (const name of ['SearchEngine', 'ZhsearchError', 'parseQuery', 'createAnalyzer', 'SearchResult', 'EngineOptions']) {
        expect(declarations, `${types} declares ${name}`).toContain(name)
      }
    }
  })

  it('has a zhsearch bin that is a node script, and publishes the dictionary it needs', () => {
    const bin = packageJson.bin.zhsearch
    expect(bin).toBeDefined()
    expect(readFileSync(join(REPO_ROOT, bin!), 'utf8').startsWith('#!/usr/bin/env node')).toBe(true)
    expect(packageJson.files).toEqual(expect.arrayContaining(['dist', 'dict']))
  })
})
